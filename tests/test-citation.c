/* test-citation.c: BilatCitation, its locator and its equality
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <bilat/bilat.h>

static void
test_full (void **state)
{
  g_autoptr(BilatCitation) citation =
    bilat_citation_new ("pakistan-russia-oped", 6, 1451, 1946, "“Friendship 2016”");
  g_autofree char *text = bilat_citation_to_string (citation);

  assert_string_equal (bilat_citation_get_source (citation), "pakistan-russia-oped");
  assert_int_equal (bilat_citation_get_paragraph (citation), 6);
  assert_true (bilat_citation_has_range (citation));
  assert_int_equal (bilat_citation_get_start (citation), 1451);
  assert_int_equal (bilat_citation_get_end (citation), 1946);
  assert_string_equal (bilat_citation_get_quote (citation), "“Friendship 2016”");
  /* The quote is not part of the locator. */
  assert_string_equal (text, "pakistan-russia-oped ¶6 [1451, 1946)");
}

static void
test_source_only (void **state)
{
  g_autoptr(BilatCitation) citation = bilat_citation_new ("tass", 0, -1, -1, NULL);
  g_autofree char *text = bilat_citation_to_string (citation);

  assert_string_equal (bilat_citation_get_source (citation), "tass");
  assert_int_equal (bilat_citation_get_paragraph (citation), 0);
  assert_false (bilat_citation_has_range (citation));
  assert_int_equal (bilat_citation_get_start (citation), -1);
  assert_int_equal (bilat_citation_get_end (citation), -1);
  assert_null (bilat_citation_get_quote (citation));
  assert_string_equal (text, "tass");
}

static void
test_paragraph_only (void **state)
{
  g_autoptr(BilatCitation) citation = bilat_citation_new ("pakistan-russia-oped", 12, -1, -1, NULL);
  g_autofree char *text = bilat_citation_to_string (citation);

  assert_false (bilat_citation_has_range (citation));
  assert_string_equal (text, "pakistan-russia-oped ¶12");
}

static void
test_range_only (void **state)
{
  g_autoptr(BilatCitation) citation = bilat_citation_new ("pakistan-russia-oped", 0, 0, 120, NULL);
  g_autofree char *text = bilat_citation_to_string (citation);

  /* 0 is a real start, not the absence of one. */
  assert_true (bilat_citation_has_range (citation));
  assert_int_equal (bilat_citation_get_start (citation), 0);
  assert_string_equal (text, "pakistan-russia-oped [0, 120)");
}

static void
test_empty_range (void **state)
{
  g_autoptr(BilatCitation) citation = bilat_citation_new ("src", 1, 5, 5, NULL);
  g_autofree char *text = bilat_citation_to_string (citation);

  assert_true (bilat_citation_has_range (citation));
  assert_string_equal (text, "src ¶1 [5, 5)");
}

static void
test_large_values (void **state)
{
  g_autoptr(BilatCitation) citation =
    bilat_citation_new ("src", G_MAXUINT, G_MAXINT64 - 1, G_MAXINT64, NULL);
  g_autofree char *text = bilat_citation_to_string (citation);

  assert_int_equal (bilat_citation_get_paragraph (citation), G_MAXUINT);
  assert_true (bilat_citation_get_start (citation) == G_MAXINT64 - 1);
  assert_true (bilat_citation_get_end (citation) == G_MAXINT64);
  assert_string_equal (text, "src ¶4294967295 [9223372036854775806, 9223372036854775807)");
}

static void
test_equal (void **state)
{
  g_autoptr(BilatCitation) a = bilat_citation_new ("oped", 6, 1451, 1946, "quote");
  g_autoptr(BilatCitation) same = bilat_citation_new ("oped", 6, 1451, 1946, "quote");
  g_autoptr(BilatCitation) other_source = bilat_citation_new ("tass", 6, 1451, 1946, "quote");
  g_autoptr(BilatCitation) other_paragraph = bilat_citation_new ("oped", 7, 1451, 1946, "quote");
  g_autoptr(BilatCitation) other_start = bilat_citation_new ("oped", 6, 1450, 1946, "quote");
  g_autoptr(BilatCitation) other_end = bilat_citation_new ("oped", 6, 1451, 1947, "quote");
  g_autoptr(BilatCitation) no_range = bilat_citation_new ("oped", 6, -1, -1, "quote");
  g_autoptr(BilatCitation) other_quote = bilat_citation_new ("oped", 6, 1451, 1946, "Quote");
  g_autoptr(BilatCitation) no_quote = bilat_citation_new ("oped", 6, 1451, 1946, NULL);
  g_autoptr(BilatCitation) empty_quote = bilat_citation_new ("oped", 6, 1451, 1946, "");

  assert_true (bilat_citation_equal (a, a));
  assert_true (bilat_citation_equal (a, same));
  assert_true (bilat_citation_equal (NULL, NULL));

  assert_false (bilat_citation_equal (a, other_source));
  assert_false (bilat_citation_equal (a, other_paragraph));
  assert_false (bilat_citation_equal (a, other_start));
  assert_false (bilat_citation_equal (a, other_end));
  assert_false (bilat_citation_equal (a, no_range));
  assert_false (bilat_citation_equal (a, other_quote));
  assert_false (bilat_citation_equal (a, no_quote));
  assert_false (bilat_citation_equal (no_quote, a));
  assert_false (bilat_citation_equal (no_quote, empty_quote));
  assert_false (bilat_citation_equal (a, NULL));
  assert_false (bilat_citation_equal (NULL, a));
}

/* A citation of a row of a data source: its key, and nothing else. */
static void
test_row (void **state)
{
  g_autofree char *key = g_strdup ("rcid=4521 country=PAK");
  g_autoptr(BilatCitation) row = bilat_citation_new_for_row ("unga-votes", key);
  g_autoptr(BilatCitation) same = bilat_citation_new_for_row ("unga-votes", "rcid=4521 country=PAK");
  g_autoptr(BilatCitation) other = bilat_citation_new_for_row ("unga-votes", "rcid=4521 country=RUS");
  g_autoptr(BilatCitation) whole = bilat_citation_new ("unga-votes", 0, -1, -1, NULL);
  g_autofree char *text = NULL;
  g_autofree char *property = NULL;

  key[0] = 'X';
  assert_string_equal (bilat_citation_get_source (row), "unga-votes");
  assert_string_equal (bilat_citation_get_row (row), "rcid=4521 country=PAK");
  assert_int_equal (bilat_citation_get_paragraph (row), 0);
  assert_false (bilat_citation_has_range (row));
  assert_null (bilat_citation_get_quote (row));
  assert_null (bilat_citation_get_row (whole));
  g_object_get (row, "row", &property, NULL);
  assert_string_equal (property, "rcid=4521 country=PAK");
  text = bilat_citation_to_string (row);
  assert_string_equal (text, "unga-votes: rcid=4521 country=PAK");
  assert_true (bilat_citation_equal (row, same));
  assert_false (bilat_citation_equal (row, other));
  assert_false (bilat_citation_equal (row, whole));
}

static void
test_strings_are_copied (void **state)
{
  char source[] = "oped";
  char quote[] = "words";
  g_autoptr(BilatCitation) citation = bilat_citation_new (source, 1, -1, -1, quote);

  source[0] = 'X';
  quote[0] = 'X';

  assert_string_equal (bilat_citation_get_source (citation), "oped");
  assert_string_equal (bilat_citation_get_quote (citation), "words");
}

static void
test_object_type (void **state)
{
  g_autoptr(BilatCitation) citation = bilat_citation_new ("oped", 6, 10, 20, "words");
  g_autofree char *source = NULL;
  g_autofree char *quote = NULL;
  guint paragraph;
  gint64 start, end;
  const char *names[] = { "source", "paragraph", "start", "end", "quote" };

  assert_true (G_TYPE_IS_OBJECT (BILAT_TYPE_CITATION));
  assert_true (G_TYPE_IS_FINAL (BILAT_TYPE_CITATION));
  assert_string_equal (g_type_name (BILAT_TYPE_CITATION), "BilatCitation");

  /* Immutable: every property is read-only, and reads what new() was given. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (citation), names[i]);

      assert_non_null (pspec);
      assert_true (pspec->flags & G_PARAM_READABLE);
      assert_false (pspec->flags & G_PARAM_WRITABLE);
    }
  g_object_get (citation, "source", &source, "paragraph", &paragraph, "start", &start,
                "end", &end, "quote", &quote, NULL);
  assert_string_equal (source, "oped");
  assert_int_equal (paragraph, 6);
  assert_int_equal (start, 10);
  assert_int_equal (end, 20);
  assert_string_equal (quote, "words");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_full),
    cmocka_unit_test (test_source_only),
    cmocka_unit_test (test_row),
    cmocka_unit_test (test_paragraph_only),
    cmocka_unit_test (test_range_only),
    cmocka_unit_test (test_empty_range),
    cmocka_unit_test (test_large_values),
    cmocka_unit_test (test_equal),
    cmocka_unit_test (test_strings_are_copied),
    cmocka_unit_test (test_object_type),
  };

  return cmocka_run_group_tests_name ("citation", tests, NULL, NULL);
}
