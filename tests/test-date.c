/* test-date.c: parsing, printing, comparing and the day ranges of BilatDate
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <bilat/bilat.h>

#include <string.h>

#include "bilat-date-private.h"

static BilatDate *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  BilatDate *date = bilat_date_parse (text, &error);

  if (error != NULL)
    fail_msg ("parsing “%s” failed: %s", text, error->message);
  assert_non_null (date);

  return date;
}

static guint32
julian (int year,
        int month,
        int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return g_date_get_julian (&date);
}

/* Checks the code, and the message when @message is not NULL; and that the
 * same text without an error location fails too, without a crash. */
static void
check_parse_error (const char     *text,
                   BilatDateError  code,
                   const char     *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatDate) date = bilat_date_parse (text, &error);

  if (date != NULL)
    fail_msg ("“%s” parsed, but should fail", text);
  assert_non_null (error);
  assert_int_equal (error->domain, BILAT_DATE_ERROR);
  if (error->code != (int) code)
    fail_msg ("“%s”: error code %d, expected %d (%s)", text, error->code, code, error->message);
  assert_true (g_utf8_validate (error->message, -1, NULL));
  assert_true (g_str_has_prefix (error->message, "Invalid date “"));
  if (message != NULL)
    assert_string_equal (error->message, message);

  assert_null (bilat_date_parse (text, NULL));
}

static void
test_error_quark (void **state)
{
  assert_string_equal (g_quark_to_string (BILAT_DATE_ERROR), "bilat-date-error-quark");
}

static void
test_parse_simple (void **state)
{
  g_autoptr(BilatDate) year = parse_ok ("2018");
  g_autoptr(BilatDate) month = parse_ok ("2015-07");
  g_autoptr(BilatDate) day = parse_ok ("1948-05-01");

  assert_false (bilat_date_is_interval (year));
  assert_int_equal (bilat_date_get_precision (year), BILAT_DATE_PRECISION_YEAR);
  assert_int_equal (bilat_date_get_year (year), 2018);
  assert_int_equal (bilat_date_get_month (year), 0);
  assert_int_equal (bilat_date_get_day (year), 0);

  assert_false (bilat_date_is_interval (month));
  assert_int_equal (bilat_date_get_precision (month), BILAT_DATE_PRECISION_MONTH);
  assert_int_equal (bilat_date_get_year (month), 2015);
  assert_int_equal (bilat_date_get_month (month), 7);
  assert_int_equal (bilat_date_get_day (month), 0);

  assert_false (bilat_date_is_interval (day));
  assert_int_equal (bilat_date_get_precision (day), BILAT_DATE_PRECISION_DAY);
  assert_int_equal (bilat_date_get_year (day), 1948);
  assert_int_equal (bilat_date_get_month (day), 5);
  assert_int_equal (bilat_date_get_day (day), 1);

  /* A simple date is its own start and end. */
  assert_ptr_equal (bilat_date_get_start (day), day);
  assert_ptr_equal (bilat_date_get_end (day), day);
}

static void
test_parse_interval (void **state)
{
  g_autoptr(BilatDate) date = parse_ok ("2015/2018-06");
  BilatDate *start = bilat_date_get_start (date);
  BilatDate *end = bilat_date_get_end (date);

  assert_true (bilat_date_is_interval (date));
  /* An interval answers for its start. */
  assert_int_equal (bilat_date_get_precision (date), BILAT_DATE_PRECISION_YEAR);
  assert_int_equal (bilat_date_get_year (date), 2015);
  assert_int_equal (bilat_date_get_month (date), 0);
  assert_int_equal (bilat_date_get_day (date), 0);

  assert_false (bilat_date_is_interval (start));
  assert_int_equal (bilat_date_get_precision (start), BILAT_DATE_PRECISION_YEAR);
  assert_int_equal (bilat_date_get_year (start), 2015);

  assert_false (bilat_date_is_interval (end));
  assert_int_equal (bilat_date_get_precision (end), BILAT_DATE_PRECISION_MONTH);
  assert_int_equal (bilat_date_get_year (end), 2018);
  assert_int_equal (bilat_date_get_month (end), 6);
  assert_int_equal (bilat_date_get_day (end), 0);
}

static void
test_round_trip (void **state)
{
  static const char * const texts[] = {
    "0001", "9999", "2018", "2015-07", "1948-05-01", "2000-02-29",
    "2016-02-29", "0001-01-01", "9999-12-31", "2018-10-21/2018-11-04",
    "2015/2018-06", "2018/2018-06", "2018-06/2018", "2018/2018",
    "2018-12-31/2019", "2018-06-15/2018-06", "2018-06/2018-06-01",
    "0001/9999-12-31",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(BilatDate) date = parse_ok (texts[i]);
      g_autofree char *text = bilat_date_to_string (date);
      g_autoptr(BilatDate) again = parse_ok (text);

      assert_string_equal (text, texts[i]);
      assert_true (bilat_date_equal (date, again));
      assert_int_equal (bilat_date_compare (date, again), 0);
    }
}

static void
test_julian_days (void **state)
{
  static const struct {
    const char *text;
    int first[3];
    int last[3];
  } cases[] = {
    { "2018", { 2018, 1, 1 }, { 2018, 12, 31 } },
    { "2018-02", { 2018, 2, 1 }, { 2018, 2, 28 } },
    { "2016-02", { 2016, 2, 1 }, { 2016, 2, 29 } },
    { "2018-04", { 2018, 4, 1 }, { 2018, 4, 30 } },
    { "1948-05-01", { 1948, 5, 1 }, { 1948, 5, 1 } },
    { "2018-10-21/2018-11-04", { 2018, 10, 21 }, { 2018, 11, 4 } },
    { "2015/2018-06", { 2015, 1, 1 }, { 2018, 6, 30 } },
    /* The end bounds the interval even inside a longer start. */
    { "2018/2018-06", { 2018, 1, 1 }, { 2018, 6, 30 } },
    { "2018-06/2018", { 2018, 6, 1 }, { 2018, 12, 31 } },
    { "9999", { 9999, 1, 1 }, { 9999, 12, 31 } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BilatDate) date = parse_ok (cases[i].text);

      assert_int_equal (bilat_date_get_first_julian (date),
                        julian (cases[i].first[0], cases[i].first[1], cases[i].first[2]));
      assert_int_equal (bilat_date_get_last_julian (date),
                        julian (cases[i].last[0], cases[i].last[1], cases[i].last[2]));
    }

  {
    g_autoptr(BilatDate) first = parse_ok ("0001-01-01");

    /* GDate counts 1 January of year 1 as day 1. */
    assert_int_equal (bilat_date_get_first_julian (first), 1);
    assert_int_equal (bilat_date_get_last_julian (first), 1);
  }
}

static void
test_error_empty (void **state)
{
  check_parse_error ("", BILAT_DATE_ERROR_EMPTY, "Invalid date “”: the text is empty");
}

static void
test_error_syntax (void **state)
{
  static const char * const texts[] = {
    "2018-1", "18", "201", "20180", "2018/", "/2018", "/", "//",
    "2018/2019/2020", "2018//2019", "a/b/c", " 2018", "2018 ", "+2018",
    "-2018", "-0001", "2018-01-01x", "2018-01-01-", "2018-01-01T00:00",
    "2018-01-01 ", "2018-", "2018-01-", "2018--01", "2018-001", "2018-01-001",
    "201a", "abcd", "2018_01", "2018.01.01", "2018-W01", "2018-1-01",
    "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x91\xef\xbc\x98",  /* fullwidth digits */
    "\xd9\xa2\xd9\xa0\xd9\xa1\xd9\xa8",                  /* Arabic-Indic digits */
    "2018-1/2019", "2018/19", "2018/2019-1", "2018-01-01/2018-02-0x",
    "2018\n", "\t2018", "2018-01-01/ 2018-02-01",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    check_parse_error (texts[i], BILAT_DATE_ERROR_SYNTAX, NULL);
}

static void
test_error_syntax_messages (void **state)
{
  check_parse_error ("2018-1", BILAT_DATE_ERROR_SYNTAX,
                     "Invalid date “2018-1”: the month must have exactly 2 digits");
  check_parse_error ("18", BILAT_DATE_ERROR_SYNTAX,
                     "Invalid date “18”: the year must have exactly 4 digits");
  check_parse_error ("20180", BILAT_DATE_ERROR_SYNTAX,
                     "Invalid date “20180”: the year must have exactly 4 digits");
  check_parse_error ("2018-01-1", BILAT_DATE_ERROR_SYNTAX,
                     "Invalid date “2018-01-1”: the day must have exactly 2 digits");
  check_parse_error ("2018-01-01x", BILAT_DATE_ERROR_SYNTAX,
                     "Invalid date “2018-01-01x”: expected the end of the date after the day, found “x”");
  check_parse_error ("2018 ", BILAT_DATE_ERROR_SYNTAX,
                     "Invalid date “2018 ”: expected “-” or the end of the date after the year, found a space");
  check_parse_error ("+2018", BILAT_DATE_ERROR_SYNTAX,
                     "Invalid date “+2018”: expected the 4-digit year, found “+”");
  check_parse_error ("2018-", BILAT_DATE_ERROR_SYNTAX,
                     "Invalid date “2018-”: the month is missing after “-”");
  check_parse_error ("2018/", BILAT_DATE_ERROR_SYNTAX,
                     "Invalid date “2018/”: the interval has no end after “/”");
  check_parse_error ("/2018", BILAT_DATE_ERROR_SYNTAX,
                     "Invalid date “/2018”: the interval has no start before “/”");
  check_parse_error ("2018/2019/2020", BILAT_DATE_ERROR_SYNTAX,
                     "Invalid date “2018/2019/2020”: an interval has exactly one “/”");
  check_parse_error ("2018\n", BILAT_DATE_ERROR_SYNTAX,
                     "Invalid date “2018\n”: expected “-” or the end of the date after the year, found the character U+000A");
  check_parse_error ("\xd9\xa2\xd9\xa0\xd9\xa1\xd9\xa8", BILAT_DATE_ERROR_SYNTAX,
                     "Invalid date “٢٠١٨”: expected the 4-digit year, found “٢” (U+0662)");
  /* The message names the whole interval, whichever part is wrong. */
  check_parse_error ("2018/2019-1", BILAT_DATE_ERROR_SYNTAX,
                     "Invalid date “2018/2019-1”: the month must have exactly 2 digits");
}

static void
test_error_invalid_utf8 (void **state)
{
  /* Messages must be UTF-8 even when the text is not: the bad bytes are
   * shown as U+FFFD and named by value. */
  check_parse_error ("\xff", BILAT_DATE_ERROR_SYNTAX,
                     "Invalid date “\xef\xbf\xbd”: expected the 4-digit year, found the byte 0xFF, which is not UTF-8");
  check_parse_error ("2018\xff", BILAT_DATE_ERROR_SYNTAX,
                     "Invalid date “2018\xef\xbf\xbd”: expected “-” or the end of the date after the year, found the byte 0xFF, which is not UTF-8");
  check_parse_error ("20\xc3\x28", BILAT_DATE_ERROR_SYNTAX, NULL);
  check_parse_error ("2018-0\xc3", BILAT_DATE_ERROR_SYNTAX, NULL);
  check_parse_error ("\xc0\xaf", BILAT_DATE_ERROR_SYNTAX, NULL);  /* overlong "/" */
  check_parse_error ("2018/\xed\xa0\x80", BILAT_DATE_ERROR_SYNTAX, NULL);  /* surrogate */
  check_parse_error ("\xfe\xfe\xff\xff/\x80", BILAT_DATE_ERROR_SYNTAX, NULL);
}

static void
test_error_long_text (void **state)
{
  g_autofree char *text = g_strnfill (100000, '7');
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatDate) date = bilat_date_parse (text, &error);

  assert_null (date);
  assert_int_equal (error->code, BILAT_DATE_ERROR_SYNTAX);
  /* The text is quoted, but not all of it. */
  assert_true (strstr (error->message, "7777777777…”") != NULL);
  assert_true (strlen (error->message) < 200);
}

static void
test_error_range (void **state)
{
  static const char * const texts[] = {
    "0000", "0000-01", "0000-01-01", "2018-13", "2018-00", "2018-99",
    "2018-02-30", "2019-02-29", "1900-02-29", "2100-02-29", "2018-04-31",
    "2018-06-31", "2018-09-31", "2018-11-31", "2018-01-32", "2018-12-32",
    "2018-01-00", "2018-00-01", "2018-13-01", "2018/2019-13", "0000/2018",
    "2018-02-29/2018-03",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    check_parse_error (texts[i], BILAT_DATE_ERROR_RANGE, NULL);

  check_parse_error ("0000", BILAT_DATE_ERROR_RANGE,
                     "Invalid date “0000”: the year must be between 0001 and 9999");
  check_parse_error ("2018-13", BILAT_DATE_ERROR_RANGE,
                     "Invalid date “2018-13”: there is no month 13 (months run from 01 to 12)");
  check_parse_error ("2018-00", BILAT_DATE_ERROR_RANGE,
                     "Invalid date “2018-00”: there is no month 00 (months run from 01 to 12)");
  check_parse_error ("2018-02-30", BILAT_DATE_ERROR_RANGE,
                     "Invalid date “2018-02-30”: February 2018 has 28 days");
  check_parse_error ("2019-02-29", BILAT_DATE_ERROR_RANGE,
                     "Invalid date “2019-02-29”: February 2019 has 28 days");
  check_parse_error ("2018-04-31", BILAT_DATE_ERROR_RANGE,
                     "Invalid date “2018-04-31”: April 2018 has 30 days");
  check_parse_error ("2018-01-00", BILAT_DATE_ERROR_RANGE,
                     "Invalid date “2018-01-00”: there is no day 00 (days start at 01)");
  check_parse_error ("2018-13/2019", BILAT_DATE_ERROR_RANGE,
                     "Invalid date “2018-13/2019”: there is no month 13 (months run from 01 to 12)");
}

static void
test_error_order (void **state)
{
  static const char * const texts[] = {
    "2019/2018", "2018-11-04/2018-10-21", "2018-06/2018-05-31",
    "2018-06-01/2018-05", "2018-06-01/2017", "9999/0001",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    check_parse_error (texts[i], BILAT_DATE_ERROR_ORDER, NULL);

  check_parse_error ("2019/2018", BILAT_DATE_ERROR_ORDER,
                     "Invalid date “2019/2018”: the interval ends (2018) before it starts (2019)");
  check_parse_error ("2018-11-04/2018-10-21", BILAT_DATE_ERROR_ORDER,
                     "Invalid date “2018-11-04/2018-10-21”: the interval ends (2018-10-21) before it starts (2018-11-04)");
}

static void
test_order_allows_overlap (void **state)
{
  /* An end that shares days with the start is imprecise, not reversed. */
  static const char * const texts[] = {
    "2018/2018", "2018/2018-06", "2018-06/2018", "2018-06-15/2018-06",
    "2018-06/2018-06-01", "2018-06-30/2018-06", "2018-12-31/2018",
    "2018-05-31/2018-06-01", "2018-01-01/2018-01-01",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(BilatDate) date = parse_ok (texts[i]);

      assert_true (bilat_date_is_interval (date));
      assert_true (bilat_date_get_first_julian (date) <= bilat_date_get_last_julian (date));
    }
}

static void
test_random_text (void **state)
{
  /* Text made mostly of the characters of dates: whatever parses must
   * print back exactly as written, since only the canonical form is
   * accepted; whatever fails must fail with a code of the domain and a
   * UTF-8 message. */
  static const char alphabet[] = "0000111222345678999--/ x\xff\xc3";
  g_autoptr(GRand) rand = g_rand_new_with_seed (20181021);
  guint n_parsed = 0;

  for (guint i = 0; i < 50000; i++)
    {
      char text[24];
      guint length = g_rand_int_range (rand, 0, sizeof text);
      g_autoptr(GError) error = NULL;
      g_autoptr(BilatDate) date = NULL;

      for (guint j = 0; j < length; j++)
        text[j] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      text[length] = '\0';

      date = bilat_date_parse (text, &error);
      if (date != NULL)
        {
          g_autofree char *printed = bilat_date_to_string (date);

          assert_null (error);
          assert_string_equal (printed, text);
          assert_true (bilat_date_get_first_julian (date) <= bilat_date_get_last_julian (date));
          n_parsed++;
        }
      else
        {
          assert_int_equal (error->domain, BILAT_DATE_ERROR);
          assert_in_range (error->code, BILAT_DATE_ERROR_EMPTY, BILAT_DATE_ERROR_ORDER);
          assert_true (g_utf8_validate (error->message, -1, NULL));
        }
    }

  /* The alphabet is meant to produce valid dates too. */
  assert_true (n_parsed > 100);
}

static void
test_new_year (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatDate) date = bilat_date_new_year (2018, &error);
  g_autoptr(BilatDate) parsed = parse_ok ("2018");
  g_autoptr(BilatDate) first = bilat_date_new_year (1, NULL);
  g_autoptr(BilatDate) last = bilat_date_new_year (9999, NULL);
  g_autofree char *text = NULL;

  assert_null (error);
  assert_true (bilat_date_equal (date, parsed));
  text = bilat_date_to_string (first);
  assert_string_equal (text, "0001");
  assert_non_null (last);

  assert_null (bilat_date_new_year (0, &error));
  assert_int_equal (error->domain, BILAT_DATE_ERROR);
  assert_int_equal (error->code, BILAT_DATE_ERROR_RANGE);
  assert_string_equal (error->message,
                       "Invalid date “0000”: the year must be between 0001 and 9999");
  g_clear_error (&error);

  assert_null (bilat_date_new_year (10000, &error));
  assert_int_equal (error->code, BILAT_DATE_ERROR_RANGE);
  assert_string_equal (error->message,
                       "Invalid date “10000”: the year must be between 0001 and 9999");
  g_clear_error (&error);

  assert_null (bilat_date_new_year (-1, &error));
  assert_int_equal (error->code, BILAT_DATE_ERROR_RANGE);
  g_clear_error (&error);

  assert_null (bilat_date_new_year (G_MININT, NULL));
  assert_null (bilat_date_new_year (G_MAXINT, NULL));
}

static void
test_new_month (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatDate) date = bilat_date_new_month (2015, 7, &error);
  g_autoptr(BilatDate) parsed = parse_ok ("2015-07");

  assert_null (error);
  assert_true (bilat_date_equal (date, parsed));
  assert_int_equal (bilat_date_get_precision (date), BILAT_DATE_PRECISION_MONTH);

  assert_null (bilat_date_new_month (2018, 13, &error));
  assert_int_equal (error->domain, BILAT_DATE_ERROR);
  assert_int_equal (error->code, BILAT_DATE_ERROR_RANGE);
  assert_string_equal (error->message,
                       "Invalid date “2018-13”: there is no month 13 (months run from 01 to 12)");
  g_clear_error (&error);

  assert_null (bilat_date_new_month (2018, 0, &error));
  assert_int_equal (error->code, BILAT_DATE_ERROR_RANGE);
  g_clear_error (&error);

  assert_null (bilat_date_new_month (0, 1, &error));
  assert_int_equal (error->code, BILAT_DATE_ERROR_RANGE);
  assert_string_equal (error->message,
                       "Invalid date “0000-01”: the year must be between 0001 and 9999");
  g_clear_error (&error);

  assert_null (bilat_date_new_month (2018, -1, NULL));
}

static void
test_new_day (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatDate) date = bilat_date_new_day (1948, 5, 1, &error);
  g_autoptr(BilatDate) parsed = parse_ok ("1948-05-01");
  g_autoptr(BilatDate) leap = bilat_date_new_day (2016, 2, 29, &error);

  assert_null (error);
  assert_true (bilat_date_equal (date, parsed));
  assert_non_null (leap);

  assert_null (bilat_date_new_day (2018, 2, 29, &error));
  assert_int_equal (error->domain, BILAT_DATE_ERROR);
  assert_int_equal (error->code, BILAT_DATE_ERROR_RANGE);
  assert_string_equal (error->message,
                       "Invalid date “2018-02-29”: February 2018 has 28 days");
  g_clear_error (&error);

  assert_null (bilat_date_new_day (2018, 1, 0, &error));
  assert_int_equal (error->code, BILAT_DATE_ERROR_RANGE);
  assert_string_equal (error->message,
                       "Invalid date “2018-01-00”: there is no day 00 (days start at 01)");
  g_clear_error (&error);

  /* The month is checked before the day it would bound. */
  assert_null (bilat_date_new_day (2018, 13, 40, &error));
  assert_int_equal (error->code, BILAT_DATE_ERROR_RANGE);
  assert_string_equal (error->message,
                       "Invalid date “2018-13-40”: there is no month 13 (months run from 01 to 12)");
  g_clear_error (&error);

  assert_null (bilat_date_new_day (2018, 12, 32, &error));
  assert_int_equal (error->code, BILAT_DATE_ERROR_RANGE);
  assert_string_equal (error->message,
                       "Invalid date “2018-12-32”: December 2018 has 31 days");
  g_clear_error (&error);

  assert_null (bilat_date_new_day (10000, 1, 1, NULL));
  assert_null (bilat_date_new_day (2018, 1, -5, NULL));
  assert_null (bilat_date_new_day (2018, 1, G_MAXINT, NULL));
}

static void
test_new_interval (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatDate) start = parse_ok ("2018-10-21");
  g_autoptr(BilatDate) end = parse_ok ("2018-11-04");
  g_autoptr(BilatDate) parsed = parse_ok ("2018-10-21/2018-11-04");
  g_autoptr(BilatDate) interval = bilat_date_new_interval (start, end, &error);
  g_autoptr(BilatDate) reversed = NULL;
  g_autoptr(BilatDate) same = NULL;
  g_autofree char *text = NULL;

  assert_null (error);
  assert_true (bilat_date_is_interval (interval));
  assert_true (bilat_date_equal (interval, parsed));
  text = bilat_date_to_string (interval);
  assert_string_equal (text, "2018-10-21/2018-11-04");

  /* The interval holds the very dates it was made of. */
  assert_ptr_equal (bilat_date_get_start (interval), start);
  assert_ptr_equal (bilat_date_get_end (interval), end);

  reversed = bilat_date_new_interval (end, start, &error);
  assert_null (reversed);
  assert_int_equal (error->domain, BILAT_DATE_ERROR);
  assert_int_equal (error->code, BILAT_DATE_ERROR_ORDER);
  assert_string_equal (error->message,
                       "Invalid date “2018-11-04/2018-10-21”: the interval ends (2018-10-21) before it starts (2018-11-04)");
  assert_null (bilat_date_new_interval (end, start, NULL));

  same = bilat_date_new_interval (start, start, NULL);
  assert_non_null (same);
  assert_ptr_equal (bilat_date_get_start (same), bilat_date_get_end (same));
}

static void
test_interval_outlives_parts (void **state)
{
  BilatDate *start = parse_ok ("2015");
  BilatDate *end = parse_ok ("2018-06");
  g_autoptr(BilatDate) interval = bilat_date_new_interval (start, end, NULL);
  g_autofree char *text = NULL;

  bilat_date_unref (start);
  bilat_date_unref (end);

  text = bilat_date_to_string (interval);
  assert_string_equal (text, "2015/2018-06");
  assert_int_equal (bilat_date_get_year (bilat_date_get_end (interval)), 2018);
}

/* Strictly increasing in the documented order. */
static const char * const sorted_dates[] = {
  "2017",
  "2018-01-01",
  "2018-01-01/2018-01-01",
  "2018-01",
  "2018/2018-01",
  "2018/2018-01-31",
  "2018-01/2018-01",
  "2018-01/2018-01-31",
  "2018-01-01/2018-01-31",
  "2018",
  "2018/2018",
  "2018/2018-12",
  "2018/2018-12-31",
  "2018-01/2018",
  "2018-01-01/2018-12-31",
  "2018-01-01/2019",
  "2018-01-02",
  "2018-02",
  "2018-12-31/2019-01-01",
  "2019",
};

static GPtrArray *
parse_all (const char * const *texts,
           gsize                n)
{
  GPtrArray *dates = g_ptr_array_new_with_free_func ((GDestroyNotify) bilat_date_unref);

  for (gsize i = 0; i < n; i++)
    g_ptr_array_add (dates, parse_ok (texts[i]));

  return dates;
}

static void
test_compare (void **state)
{
  g_autoptr(GPtrArray) dates = parse_all (sorted_dates, G_N_ELEMENTS (sorted_dates));
  g_autoptr(GPtrArray) copies = parse_all (sorted_dates, G_N_ELEMENTS (sorted_dates));

  for (guint i = 0; i < dates->len; i++)
    for (guint j = 0; j < dates->len; j++)
      {
        int result = bilat_date_compare (dates->pdata[i], copies->pdata[j]);

        if (i < j && result >= 0)
          fail_msg ("%s should sort before %s", sorted_dates[i], sorted_dates[j]);
        if (i > j && result <= 0)
          fail_msg ("%s should sort after %s", sorted_dates[i], sorted_dates[j]);
        if (i == j && result != 0)
          fail_msg ("%s should compare equal to itself", sorted_dates[i]);
        assert_int_equal (bilat_date_equal (dates->pdata[i], copies->pdata[j]), i == j);
      }
}

static int
compare_indirect (gconstpointer a,
                  gconstpointer b)
{
  return bilat_date_compare (*(BilatDate * const *) a, *(BilatDate * const *) b);
}

static void
test_compare_sorts (void **state)
{
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func ((GDestroyNotify) bilat_date_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  gsize n = G_N_ELEMENTS (sorted_dates);

  /* Shuffled, with an unknown date among them, which must sort last. */
  for (gsize i = 0; i < n; i++)
    g_ptr_array_add (dates, parse_ok (sorted_dates[i]));
  g_ptr_array_add (dates, NULL);
  for (guint i = dates->len - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, (gint32) i + 1);
      gpointer swap = dates->pdata[i];

      dates->pdata[i] = dates->pdata[j];
      dates->pdata[j] = swap;
    }

  g_ptr_array_sort (dates, compare_indirect);

  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *text = bilat_date_to_string (dates->pdata[i]);

      assert_string_equal (text, sorted_dates[i]);
    }
  assert_null (dates->pdata[n]);
  /* Not through the free function, which takes no NULL. */
  g_ptr_array_steal_index (dates, n);
}

static void
test_compare_null (void **state)
{
  g_autoptr(BilatDate) date = parse_ok ("9999-12-31");

  assert_true (bilat_date_compare (NULL, date) > 0);
  assert_true (bilat_date_compare (date, NULL) < 0);
  assert_int_equal (bilat_date_compare (NULL, NULL), 0);
  assert_int_equal (bilat_date_compare (date, date), 0);
}

static void
test_equal (void **state)
{
  g_autoptr(BilatDate) month = parse_ok ("2018-01");
  g_autoptr(BilatDate) month_days = parse_ok ("2018-01-01/2018-01-31");
  g_autoptr(BilatDate) month_again = bilat_date_new_month (2018, 1, NULL);
  g_autoptr(BilatDate) year = parse_ok ("2018");
  g_autoptr(BilatDate) year_interval = parse_ok ("2018/2018");

  /* Same days, different representation. */
  assert_int_equal (bilat_date_get_first_julian (month), bilat_date_get_first_julian (month_days));
  assert_int_equal (bilat_date_get_last_julian (month), bilat_date_get_last_julian (month_days));
  assert_false (bilat_date_equal (month, month_days));
  assert_false (bilat_date_equal (month_days, month));
  assert_false (bilat_date_equal (year, year_interval));

  assert_true (bilat_date_equal (month, month_again));
  assert_true (bilat_date_equal (month, month));
  assert_true (bilat_date_equal (NULL, NULL));
  assert_false (bilat_date_equal (month, NULL));
  assert_false (bilat_date_equal (NULL, month));
}

static void
test_hash (void **state)
{
  g_autoptr(GPtrArray) dates = parse_all (sorted_dates, G_N_ELEMENTS (sorted_dates));
  g_autoptr(GPtrArray) copies = parse_all (sorted_dates, G_N_ELEMENTS (sorted_dates));
  g_autoptr(GHashTable) set = g_hash_table_new ((GHashFunc) bilat_date_hash,
                                                (GEqualFunc) bilat_date_equal);

  for (guint i = 0; i < dates->len; i++)
    {
      assert_int_equal (bilat_date_hash (dates->pdata[i]), bilat_date_hash (copies->pdata[i]));
      g_hash_table_add (set, dates->pdata[i]);
    }

  /* Distinct dates stay distinct keys, and equal ones find each other. */
  assert_int_equal (g_hash_table_size (set), dates->len);
  for (guint i = 0; i < copies->len; i++)
    assert_ptr_equal (g_hash_table_lookup (set, copies->pdata[i]), dates->pdata[i]);

  assert_int_equal (bilat_date_hash (NULL), 0);
}

static gboolean
overlaps (const char *a,
          const char *b)
{
  g_autoptr(BilatDate) date_a = parse_ok (a);
  g_autoptr(BilatDate) date_b = parse_ok (b);
  gboolean result = bilat_date_overlaps (date_a, date_b);

  /* Overlap is symmetric. */
  assert_int_equal (result, bilat_date_overlaps (date_b, date_a));

  return result;
}

static void
test_overlaps (void **state)
{
  assert_true (overlaps ("2018", "2018"));
  assert_true (overlaps ("2018", "2018-12-31/2019-01-31"));
  assert_true (overlaps ("2018", "2018-06"));
  assert_true (overlaps ("2018-01", "2018-01-31"));
  assert_true (overlaps ("2018-01-31", "2018-01-31"));
  assert_true (overlaps ("2015/2018-06", "2018-06-30"));
  assert_true (overlaps ("2015/2018-06", "2010/2015-01-01"));

  assert_false (overlaps ("2018", "2019"));
  assert_false (overlaps ("2018-01-31", "2018-02-01"));
  assert_false (overlaps ("2018-01", "2018-02"));
  assert_false (overlaps ("2015/2018-06", "2018-07-01"));
  assert_false (overlaps ("2018/2018-06", "2018-07"));
  assert_false (overlaps ("2010/2014", "2015/2018"));
}

static gboolean
contains (const char *a,
          const char *b)
{
  g_autoptr(BilatDate) date_a = parse_ok (a);
  g_autoptr(BilatDate) date_b = parse_ok (b);

  return bilat_date_contains (date_a, date_b);
}

static void
test_contains (void **state)
{
  assert_true (contains ("2018", "2018"));
  assert_true (contains ("2018", "2018-06"));
  assert_true (contains ("2018", "2018-01-01"));
  assert_true (contains ("2018", "2018-12-31"));
  assert_true (contains ("2018", "2018-10-21/2018-11-04"));
  assert_true (contains ("2018", "2018/2018-06"));
  assert_true (contains ("2015/2018-06", "2016"));
  assert_true (contains ("2015/2018-06", "2018-06-30"));
  assert_true (contains ("2018-01-01/2018-01-31", "2018-01"));
  assert_true (contains ("2018-01", "2018-01-01/2018-01-31"));

  assert_false (contains ("2018-06", "2018"));
  assert_false (contains ("2018", "2018-12-31/2019-01-01"));
  assert_false (contains ("2018", "2017-12-31/2018-01-01"));
  assert_false (contains ("2015/2018-06", "2018-07-01"));
  assert_false (contains ("2018/2018-06", "2018-07"));
  assert_false (contains ("2018-01-01", "2018-01"));
}

static void
test_ref_unref (void **state)
{
  BilatDate *date = parse_ok ("2018-10-21/2018-11-04");

  assert_ptr_equal (bilat_date_ref (date), date);
  bilat_date_unref (date);
  /* Still alive after the first of two unrefs. */
  assert_int_equal (bilat_date_get_year (date), 2018);
  bilat_date_unref (date);
}

static void
test_boxed_type (void **state)
{
  g_autoptr(BilatDate) date = parse_ok ("2018-06");
  g_auto(GValue) value = G_VALUE_INIT;
  BilatDate *copy;

  assert_true (G_TYPE_IS_BOXED (BILAT_TYPE_DATE));
  assert_string_equal (g_type_name (BILAT_TYPE_DATE), "BilatDate");

  /* Copying a boxed date shares it: dates are immutable. */
  copy = g_boxed_copy (BILAT_TYPE_DATE, date);
  assert_ptr_equal (copy, date);
  g_boxed_free (BILAT_TYPE_DATE, copy);

  g_value_init (&value, BILAT_TYPE_DATE);
  g_value_set_boxed (&value, date);
  assert_ptr_equal (g_value_get_boxed (&value), date);
}

static gpointer
ref_unref_many (gpointer data)
{
  for (guint i = 0; i < 100000; i++)
    {
      bilat_date_ref (data);
      bilat_date_unref (data);
    }

  return NULL;
}

static void
test_threads_share_dates (void **state)
{
  /* Many threads ref and unref one date at once: the count must end where
   * it began, so that the last unref below frees it and valgrind sees no
   * leak nor a use after free. */
  BilatDate *date = parse_ok ("2015/2018-06");
  GThread *threads[8];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("date", ref_unref_many, date);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);

  bilat_date_unref (date);
}

static void
test_civil_arithmetic_matches_gdate (void **state)
{
  GDate date;

  g_date_clear (&date, 1);
  /* every day of four centuries, across the leap-year rules */
  for (guint32 julian = 584389; julian < 584389 + 146097 + 400; julian++)
    {
      int year, month, day;

      g_date_set_julian (&date, julian);
      _bilat_julian_to_civil (julian, &year, &month, &day);
      if (year != g_date_get_year (&date) || month != (int) g_date_get_month (&date) ||
          day != g_date_get_day (&date))
        fail_msg ("julian %u: got %d-%d-%d", julian, year, month, day);
      if (_bilat_civil_to_julian (year, month, day) != julian)
        fail_msg ("%d-%d-%d: back to %u", year, month, day, _bilat_civil_to_julian (year, month, day));
    }
  /* the ends of the range a BilatDate holds */
  {
    int year, month, day;

    _bilat_julian_to_civil (1, &year, &month, &day);
    assert_int_equal (year, 1);
    assert_int_equal (month, 1);
    assert_int_equal (day, 1);
    g_date_set_dmy (&date, 31, 12, 9999);
    _bilat_julian_to_civil (g_date_get_julian (&date), &year, &month, &day);
    assert_int_equal (year, 9999);
    assert_int_equal (month, 12);
    assert_int_equal (day, 31);
  }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_error_quark),
    cmocka_unit_test (test_parse_simple),
    cmocka_unit_test (test_parse_interval),
    cmocka_unit_test (test_round_trip),
    cmocka_unit_test (test_julian_days),
    cmocka_unit_test (test_error_empty),
    cmocka_unit_test (test_error_syntax),
    cmocka_unit_test (test_error_syntax_messages),
    cmocka_unit_test (test_error_invalid_utf8),
    cmocka_unit_test (test_error_long_text),
    cmocka_unit_test (test_error_range),
    cmocka_unit_test (test_error_order),
    cmocka_unit_test (test_order_allows_overlap),
    cmocka_unit_test (test_random_text),
    cmocka_unit_test (test_new_year),
    cmocka_unit_test (test_new_month),
    cmocka_unit_test (test_new_day),
    cmocka_unit_test (test_new_interval),
    cmocka_unit_test (test_interval_outlives_parts),
    cmocka_unit_test (test_compare),
    cmocka_unit_test (test_compare_sorts),
    cmocka_unit_test (test_compare_null),
    cmocka_unit_test (test_equal),
    cmocka_unit_test (test_hash),
    cmocka_unit_test (test_overlaps),
    cmocka_unit_test (test_contains),
    cmocka_unit_test (test_ref_unref),
    cmocka_unit_test (test_boxed_type),
    cmocka_unit_test (test_threads_share_dates),
    cmocka_unit_test (test_civil_arithmetic_matches_gdate),
  };

  return cmocka_run_group_tests_name ("date", tests, NULL, NULL);
}
