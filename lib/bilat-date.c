/* bilat-date.c: calendar dates of year, month or day precision, and intervals
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

#include <string.h>

#include "bilat-date-private.h"

/**
 * BilatDate:
 *
 * A calendar date known to the year (`2018`), the month (`2015-07`) or the
 * day (`1948-05-01`), or an interval between two such dates
 * (`2018-10-21/2018-11-04`, `2015/2018-06`).
 *
 * Dates are written and read in the level 0 subset of ISO 8601 / EDTF:
 * exactly four-digit years from 0001 to 9999, two-digit months and days,
 * no signs, no times, no time zones. [func@Bilat.Date.parse] accepts
 * exactly what [method@Bilat.Date.to_string] prints, so a date survives a
 * round trip through text unchanged.
 *
 * A date covers a range of days: `2018` covers 1 January to 31 December
 * 2018, an interval covers the first day of its start to the last day of its
 * end. [method@Bilat.Date.overlaps], [method@Bilat.Date.contains] and
 * [method@Bilat.Date.compare] work on those ranges, expressed as the Julian
 * day numbers of [struct@GLib.Date].
 *
 * An unknown date is represented by %NULL, never by a made-up value.
 *
 * A `BilatDate` is immutable and reference counted, so it can be shared
 * freely between objects and threads.
 *
 * Since: 1.0
 */

/* A dataset of coded events holds millions of dates, so a simple date is one
 * allocation of 16 bytes: the reference count sits inline instead of in a
 * GRcBox header, the fields are bit-fields, and the day range that sorting
 * and overlap tests need is computed once, at construction. */
struct _BilatDate
{
  gatomicrefcount ref_count;
  guint           year        : 14; /* 1–9999; 0 in an interval */
  guint           month       : 4;  /* 1–12; 0 when not known */
  guint           day         : 5;  /* 1–31; 0 when not known */
  guint           is_interval : 1;
  guint32         first_julian;
  guint32         last_julian;
};

G_STATIC_ASSERT (sizeof (BilatDate) <= 16);

/* Only intervals pay for the pointers to their two ends. */
typedef struct
{
  BilatDate  parent;
  BilatDate *start;
  BilatDate *end;
} BilatDateInterval;

#define MIN_YEAR 1
#define MAX_YEAR 9999

/* Long enough for "YYYY-MM-DD/YYYY-MM-DD" and its terminator. */
#define MAX_TEXT_LENGTH 22

/* Untrusted text is quoted in error messages only up to this many
 * characters, so that a megabyte of garbage gives a readable message. */
#define MAX_QUOTED_CHARS 40

/* GLib type-checks the copy and free functions of a boxed type through a
 * transparent union, a GNU extension that -Wpedantic reports. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
G_DEFINE_BOXED_TYPE (BilatDate, bilat_date, bilat_date_ref, bilat_date_unref)
#pragma GCC diagnostic pop

/**
 * bilat_date_error_quark:
 *
 * Returns the quark of the error domain of dates; use %BILAT_DATE_ERROR
 * instead.
 *
 * Returns: the %BILAT_DATE_ERROR quark
 *
 * Since: 1.0
 */
G_DEFINE_QUARK (bilat-date-error-quark, bilat_date_error)

static const char * const month_names[] = {
  NULL, "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

static const char * const field_names[] = { "year", "month", "day" };
static const guint field_widths[] = { 4, 2, 2 };

static inline const BilatDate *
start_of (const BilatDate *self)
{
  return self->is_interval ? ((const BilatDateInterval *) self)->start : self;
}

static inline const BilatDate *
end_of (const BilatDate *self)
{
  return self->is_interval ? ((const BilatDateInterval *) self)->end : self;
}

static BilatDatePrecision
simple_precision (const BilatDate *self)
{
  if (self->day != 0)
    return BILAT_DATE_PRECISION_DAY;
  if (self->month != 0)
    return BILAT_DATE_PRECISION_MONTH;
  return BILAT_DATE_PRECISION_YEAR;
}

static guint32
julian_day (guint year,
            guint month,
            guint day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return g_date_get_julian (&date);
}

/* Text from a file or a user may be invalid UTF-8 or huge, and a GError
 * message must be valid UTF-8: quote a repaired, shortened copy. */
static char *
quote_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  if (g_utf8_strlen (valid, -1) > MAX_QUOTED_CHARS)
    {
      const char *cut = g_utf8_offset_to_pointer (valid, MAX_QUOTED_CHARS);

      return g_strdup_printf ("%.*s…", (int) (cut - valid), valid);
    }

  return g_steal_pointer (&valid);
}

static void
set_error (GError         **error,
           BilatDateError   code,
           const char      *text,
           const char      *format,
           ...) G_GNUC_PRINTF (4, 5);

/* Every message has the same shape, "Invalid date “TEXT”: REASON", so
 * that a caller reporting a bad record can show it as it is. */
static void
set_error (GError         **error,
           BilatDateError   code,
           const char      *text,
           const char      *format,
           ...)
{
  g_autofree char *quoted = NULL;
  g_autofree char *reason = NULL;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  quoted = quote_text (text);
  g_set_error (error, BILAT_DATE_ERROR, code,
               "Invalid date “%s”: %s", quoted, reason);
}

/* Names the character at @p for a message: printable ASCII as itself,
 * anything else also by code point, and bytes that are not UTF-8 by value,
 * since those are exactly the ones a user cannot see. */
static char *
describe_char (const char *p,
               gsize       available)
{
  gunichar c;

  if (*p == ' ')
    return g_strdup ("a space");
  if (g_ascii_isprint (*p))
    return g_strdup_printf ("“%c”", *p);

  c = g_utf8_get_char_validated (p, (gssize) available);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return g_strdup_printf ("the byte 0x%02X, which is not UTF-8",
                            (guint) (guchar) *p);
  if (g_unichar_isprint (c))
    {
      char utf8[7] = { 0 };

      g_unichar_to_utf8 (c, utf8);
      return g_strdup_printf ("“%s” (U+%04X)", utf8, c);
    }

  return g_strdup_printf ("the character U+%04X", c);
}

static gboolean
check_fields (BilatDatePrecision   precision,
              int                  year,
              int                  month,
              int                  day,
              const char          *text,
              GError             **error)
{
  int days_in_month;

  if (year < MIN_YEAR || year > MAX_YEAR)
    {
      set_error (error, BILAT_DATE_ERROR_RANGE, text,
                 "the year must be between %04d and %04d", MIN_YEAR, MAX_YEAR);
      return FALSE;
    }

  if (precision == BILAT_DATE_PRECISION_YEAR)
    return TRUE;

  if (month < 1 || month > 12)
    {
      set_error (error, BILAT_DATE_ERROR_RANGE, text,
                 "there is no month %02d (months run from 01 to 12)", month);
      return FALSE;
    }

  if (precision == BILAT_DATE_PRECISION_MONTH)
    return TRUE;

  days_in_month = g_date_get_days_in_month (month, year);
  if (day < 1)
    {
      set_error (error, BILAT_DATE_ERROR_RANGE, text,
                 "there is no day %02d (days start at 01)", day);
      return FALSE;
    }
  if (day > days_in_month)
    {
      set_error (error, BILAT_DATE_ERROR_RANGE, text,
                 "%s %04d has %d days", month_names[month], year, days_in_month);
      return FALSE;
    }

  return TRUE;
}

/* Fields must have been checked: g_date_set_dmy() would complain loudly. */
static BilatDate *
new_simple (BilatDatePrecision precision,
            guint              year,
            guint              month,
            guint              day)
{
  BilatDate *self = g_new0 (BilatDate, 1);
  guint first_month = 1, last_month = 12;
  guint first_day = 1, last_day;

  g_atomic_ref_count_init (&self->ref_count);
  self->year = year;

  if (precision >= BILAT_DATE_PRECISION_MONTH)
    {
      self->month = month;
      first_month = last_month = month;
    }
  last_day = g_date_get_days_in_month (last_month, year);

  if (precision == BILAT_DATE_PRECISION_DAY)
    {
      self->day = day;
      first_day = last_day = day;
    }

  self->first_julian = julian_day (year, first_month, first_day);
  self->last_julian = julian_day (year, last_month, last_day);

  return self;
}

/* The text of a constructor's arguments, for its error messages; unlike
 * to_string() it must cope with values out of range. */
static char *
fields_to_text (BilatDatePrecision precision,
                int                year,
                int                month,
                int                day)
{
  switch (precision)
    {
    case BILAT_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%04d", year);
    case BILAT_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04d-%02d", year, month);
    case BILAT_DATE_PRECISION_DAY:
    default:
      return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
    }
}

static BilatDate *
new_checked (BilatDatePrecision   precision,
             int                  year,
             int                  month,
             int                  day,
             GError             **error)
{
  g_autofree char *text = NULL;

  /* Valid fields never need the text: build it only for the message. */
  if (check_fields (precision, year, month, day, "", NULL))
    return new_simple (precision, year, month, day);

  text = fields_to_text (precision, year, month, day);
  check_fields (precision, year, month, day, text, error);

  return NULL;
}

/**
 * bilat_date_new_year:
 * @year: the year, 1 to 9999
 * @error: return location for a [error@Bilat.DateError]
 *
 * Creates a date of which only the year is known.
 *
 * Returns: (transfer full): a new date, or %NULL with
 *   %BILAT_DATE_ERROR_RANGE if @year is out of range
 *
 * Since: 1.0
 */
BilatDate *
bilat_date_new_year (int      year,
                     GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return new_checked (BILAT_DATE_PRECISION_YEAR, year, 0, 0, error);
}

/**
 * bilat_date_new_month:
 * @year: the year, 1 to 9999
 * @month: the month, 1 to 12
 * @error: return location for a [error@Bilat.DateError]
 *
 * Creates a date of which the year and month are known.
 *
 * Returns: (transfer full): a new date, or %NULL with
 *   %BILAT_DATE_ERROR_RANGE if a field is out of range
 *
 * Since: 1.0
 */
BilatDate *
bilat_date_new_month (int      year,
                      int      month,
                      GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return new_checked (BILAT_DATE_PRECISION_MONTH, year, month, 0, error);
}

/**
 * bilat_date_new_day:
 * @year: the year, 1 to 9999
 * @month: the month, 1 to 12
 * @day: the day of the month, from 1 to the number of days of that month
 * @error: return location for a [error@Bilat.DateError]
 *
 * Creates a date of which the exact day is known.
 *
 * Returns: (transfer full): a new date, or %NULL with
 *   %BILAT_DATE_ERROR_RANGE if a field is out of range, such as 30 February
 *
 * Since: 1.0
 */
BilatDate *
bilat_date_new_day (int      year,
                    int      month,
                    int      day,
                    GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return new_checked (BILAT_DATE_PRECISION_DAY, year, month, day, error);
}

static void
format_simple (const BilatDate *self,
               char            *buffer,
               gsize            size)
{
  switch (simple_precision (self))
    {
    case BILAT_DATE_PRECISION_YEAR:
      g_snprintf (buffer, size, "%04u", (guint) self->year);
      break;
    case BILAT_DATE_PRECISION_MONTH:
      g_snprintf (buffer, size, "%04u-%02u",
                  (guint) self->year, (guint) self->month);
      break;
    case BILAT_DATE_PRECISION_DAY:
    default:
      g_snprintf (buffer, size, "%04u-%02u-%02u",
                  (guint) self->year, (guint) self->month, (guint) self->day);
      break;
    }
}

/* Takes ownership of @start and @end, which are simple dates. */
static BilatDate *
new_interval_take (BilatDate  *start,
                   BilatDate  *end,
                   GError    **error)
{
  BilatDateInterval *interval;

  /* An end that overlaps its start ("2018/2018-06") is imprecise, not
   * wrong; only an end wholly before the start is a contradiction. */
  if (end->last_julian < start->first_julian)
    {
      if (error != NULL)
        {
          char start_text[MAX_TEXT_LENGTH], end_text[MAX_TEXT_LENGTH];

          format_simple (start, start_text, sizeof start_text);
          format_simple (end, end_text, sizeof end_text);
          g_set_error (error, BILAT_DATE_ERROR, BILAT_DATE_ERROR_ORDER,
                       "Invalid date “%s/%s”: the interval ends (%s) before it starts (%s)",
                       start_text, end_text, end_text, start_text);
        }
      bilat_date_unref (start);
      bilat_date_unref (end);
      return NULL;
    }

  interval = g_new0 (BilatDateInterval, 1);
  g_atomic_ref_count_init (&interval->parent.ref_count);
  interval->parent.is_interval = TRUE;
  interval->parent.first_julian = start->first_julian;
  interval->parent.last_julian = end->last_julian;
  interval->start = start;
  interval->end = end;

  return &interval->parent;
}

/**
 * bilat_date_new_interval: (constructor)
 * @start: the simple (non-interval) date the interval starts with
 * @end: the simple (non-interval) date the interval ends with
 * @error: return location for a [error@Bilat.DateError]
 *
 * Creates an interval from @start to @end. The two dates may have different
 * precisions, as in `2015/2018-06`. The end may overlap the start
 * (`2018/2018-06` is valid) but not lie wholly before it.
 *
 * The interval keeps references to @start and @end, which are what
 * [method@Bilat.Date.get_start] and [method@Bilat.Date.get_end] return.
 *
 * Returns: (transfer full): a new date, or %NULL with
 *   %BILAT_DATE_ERROR_ORDER if @end lies before @start
 *
 * Since: 1.0
 */
BilatDate *
bilat_date_new_interval (BilatDate  *start,
                         BilatDate  *end,
                         GError    **error)
{
  g_return_val_if_fail (start != NULL, NULL);
  g_return_val_if_fail (end != NULL, NULL);
  g_return_val_if_fail (!start->is_interval, NULL);
  g_return_val_if_fail (!end->is_interval, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return new_interval_take (bilat_date_ref (start), bilat_date_ref (end), error);
}

/* Parses the @length bytes at @part as YYYY, YYYY-MM or YYYY-MM-DD; @text
 * is the whole text being parsed, for the messages. Digits are ASCII only:
 * g_ascii_isdigit() rejects other scripts' digits and any non-ASCII byte. */
static BilatDate *
parse_simple (const char  *part,
              gsize        length,
              const char  *text,
              GError     **error)
{
  int fields[G_N_ELEMENTS (field_widths)] = { 0 };
  guint n_fields = 0;
  gsize i = 0;

  for (;;)
    {
      guint width = field_widths[n_fields];
      guint digits = 0;
      int value = 0;

      /* Stop counting one past the width: enough to tell that a field is
       * too long, without overflowing on a long run of digits. */
      while (i + digits < length && digits <= width && g_ascii_isdigit (part[i + digits]))
        {
          value = value * 10 + (part[i + digits] - '0');
          digits++;
        }

      if (digits == 0 && i == length)
        {
          set_error (error, BILAT_DATE_ERROR_SYNTAX, text,
                     "the %s is missing after “-”", field_names[n_fields]);
          return NULL;
        }
      if (digits == 0)
        {
          g_autofree char *found = describe_char (part + i, length - i);

          set_error (error, BILAT_DATE_ERROR_SYNTAX, text,
                     "expected the %u-digit %s, found %s",
                     width, field_names[n_fields], found);
          return NULL;
        }
      if (digits != width)
        {
          set_error (error, BILAT_DATE_ERROR_SYNTAX, text,
                     "the %s must have exactly %u digits",
                     field_names[n_fields], width);
          return NULL;
        }

      fields[n_fields++] = value;
      i += digits;

      if (i == length)
        break;

      if (n_fields == G_N_ELEMENTS (field_widths))
        {
          g_autofree char *found = describe_char (part + i, length - i);

          set_error (error, BILAT_DATE_ERROR_SYNTAX, text,
                     "expected the end of the date after the day, found %s",
                     found);
          return NULL;
        }
      if (part[i] != '-')
        {
          g_autofree char *found = describe_char (part + i, length - i);

          set_error (error, BILAT_DATE_ERROR_SYNTAX, text,
                     "expected “-” or the end of the date after the %s, found %s",
                     field_names[n_fields - 1], found);
          return NULL;
        }
      i++;
    }

  /* The precision enum counts the fields: 1 = year, 2 = month, 3 = day. */
  if (!check_fields ((BilatDatePrecision) n_fields,
                     fields[0], fields[1], fields[2], text, error))
    return NULL;

  return new_simple ((BilatDatePrecision) n_fields, fields[0], fields[1], fields[2]);
}

/**
 * bilat_date_parse:
 * @text: the text to parse
 * @error: return location for a [error@Bilat.DateError]
 *
 * Parses a date in the level 0 subset of ISO 8601 / EDTF: `YYYY`,
 * `YYYY-MM`, `YYYY-MM-DD`, or an interval `A/B` of two such dates, possibly
 * of different precisions. Years have exactly four digits (0001 to 9999),
 * months and days exactly two. Nothing else is accepted: no surrounding
 * spaces, signs, times or trailing characters.
 *
 * On failure the error message quotes @text and says what is wrong with it,
 * for example `Invalid date “2018-02-30”: February 2018 has 28 days`.
 * @text may be any bytes, including invalid UTF-8, which gives
 * %BILAT_DATE_ERROR_SYNTAX.
 *
 * Returns: (transfer full): a new date, or %NULL with %BILAT_DATE_ERROR_EMPTY
 *   if @text is empty, %BILAT_DATE_ERROR_SYNTAX if it does not have the form
 *   of a date, %BILAT_DATE_ERROR_RANGE if a field is out of range and
 *   %BILAT_DATE_ERROR_ORDER if an interval ends before it starts
 *
 * Since: 1.0
 */
BilatDate *
bilat_date_parse (const char  *text,
                  GError     **error)
{
  const char *slash;
  BilatDate *start, *end;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (*text == '\0')
    {
      g_set_error_literal (error, BILAT_DATE_ERROR, BILAT_DATE_ERROR_EMPTY,
                           "Invalid date “”: the text is empty");
      return NULL;
    }

  /* A "/" byte never occurs inside a multi-byte UTF-8 sequence, so
   * splitting bytes is safe even before the text is known to be UTF-8. */
  slash = strchr (text, '/');
  if (slash == NULL)
    return parse_simple (text, strlen (text), text, error);

  if (strchr (slash + 1, '/') != NULL)
    {
      set_error (error, BILAT_DATE_ERROR_SYNTAX, text,
                 "an interval has exactly one “/”");
      return NULL;
    }
  if (slash == text)
    {
      set_error (error, BILAT_DATE_ERROR_SYNTAX, text,
                 "the interval has no start before “/”");
      return NULL;
    }
  if (slash[1] == '\0')
    {
      set_error (error, BILAT_DATE_ERROR_SYNTAX, text,
                 "the interval has no end after “/”");
      return NULL;
    }

  start = parse_simple (text, (gsize) (slash - text), text, error);
  if (start == NULL)
    return NULL;

  end = parse_simple (slash + 1, strlen (slash + 1), text, error);
  if (end == NULL)
    {
      bilat_date_unref (start);
      return NULL;
    }

  return new_interval_take (start, end, error);
}

/**
 * bilat_date_ref:
 * @self: a [struct@Bilat.Date]
 *
 * Acquires a reference on @self.
 *
 * Returns: (transfer full): @self
 *
 * Since: 1.0
 */
BilatDate *
bilat_date_ref (BilatDate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

/**
 * bilat_date_unref:
 * @self: (transfer full): a [struct@Bilat.Date]
 *
 * Releases a reference on @self, freeing it when the last one is gone.
 *
 * Since: 1.0
 */
void
bilat_date_unref (BilatDate *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  if (self->is_interval)
    {
      BilatDateInterval *interval = (BilatDateInterval *) self;

      bilat_date_unref (interval->start);
      bilat_date_unref (interval->end);
    }

  g_free (self);
}

/**
 * bilat_date_to_string:
 * @self: a [struct@Bilat.Date]
 *
 * Formats @self in the form [func@Bilat.Date.parse] reads: `2018`,
 * `2018-10`, `2018-10-21` or `2018-10-21/2018-11-04`. Parsing the result
 * gives a date equal to @self.
 *
 * Returns: (transfer full): the text of @self
 *
 * Since: 1.0
 */
char *
bilat_date_to_string (const BilatDate *self)
{
  char buffer[MAX_TEXT_LENGTH];

  g_return_val_if_fail (self != NULL, NULL);

  format_simple (start_of (self), buffer, sizeof buffer);
  if (self->is_interval)
    {
      gsize length = strlen (buffer);

      buffer[length++] = '/';
      format_simple (end_of (self), buffer + length, sizeof buffer - length);
    }

  return g_strdup (buffer);
}

/**
 * bilat_date_is_interval:
 * @self: a [struct@Bilat.Date]
 *
 * Returns whether @self is an interval rather than a simple date.
 *
 * Returns: %TRUE for an interval
 *
 * Since: 1.0
 */
gboolean
bilat_date_is_interval (const BilatDate *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->is_interval;
}

/**
 * bilat_date_get_precision:
 * @self: a [struct@Bilat.Date]
 *
 * Returns how precisely @self is known. An interval has the precision of
 * its start: that is the date by which an interval is usually shown and
 * sorted. The end's precision is that of [method@Bilat.Date.get_end].
 *
 * Returns: the precision of @self, or of its start for an interval
 *
 * Since: 1.0
 */
BilatDatePrecision
bilat_date_get_precision (const BilatDate *self)
{
  g_return_val_if_fail (self != NULL, BILAT_DATE_PRECISION_YEAR);

  return simple_precision (start_of (self));
}

/**
 * bilat_date_get_start:
 * @self: a [struct@Bilat.Date]
 *
 * Returns the date an interval starts with; for a simple date, @self itself.
 *
 * Returns: (transfer none): the start of @self, a simple date
 *
 * Since: 1.0
 */
BilatDate *
bilat_date_get_start (BilatDate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (BilatDate *) start_of (self);
}

/**
 * bilat_date_get_end:
 * @self: a [struct@Bilat.Date]
 *
 * Returns the date an interval ends with; for a simple date, @self itself.
 *
 * Returns: (transfer none): the end of @self, a simple date
 *
 * Since: 1.0
 */
BilatDate *
bilat_date_get_end (BilatDate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (BilatDate *) end_of (self);
}

/**
 * bilat_date_get_year:
 * @self: a [struct@Bilat.Date]
 *
 * Returns the year of @self, or of its start for an interval.
 *
 * Returns: the year, 1 to 9999
 *
 * Since: 1.0
 */
int
bilat_date_get_year (const BilatDate *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return start_of (self)->year;
}

/**
 * bilat_date_get_month:
 * @self: a [struct@Bilat.Date]
 *
 * Returns the month of @self, or of its start for an interval.
 *
 * Returns: the month, 1 to 12, or 0 if only the year is known
 *
 * Since: 1.0
 */
int
bilat_date_get_month (const BilatDate *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return start_of (self)->month;
}

/**
 * bilat_date_get_day:
 * @self: a [struct@Bilat.Date]
 *
 * Returns the day of the month of @self, or of its start for an interval.
 *
 * Returns: the day, 1 to 31, or 0 if the day is not known
 *
 * Since: 1.0
 */
int
bilat_date_get_day (const BilatDate *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return start_of (self)->day;
}

/**
 * bilat_date_get_first_julian:
 * @self: a [struct@Bilat.Date]
 *
 * Returns the first day @self covers, as a Julian day number of
 * [struct@GLib.Date] (1 is 1 January of year 1): 1 January for a year,
 * the first of the month for a month, the first day of the start for an
 * interval.
 *
 * Returns: the Julian day number of the first day of @self
 *
 * Since: 1.0
 */
guint32
bilat_date_get_first_julian (const BilatDate *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->first_julian;
}

/**
 * bilat_date_get_last_julian:
 * @self: a [struct@Bilat.Date]
 *
 * Returns the last day @self covers, as a Julian day number of
 * [struct@GLib.Date]: 31 December for a year, the last day of the month
 * for a month, the last day of the end for an interval.
 *
 * Returns: the Julian day number of the last day of @self
 *
 * Since: 1.0
 */
guint32
bilat_date_get_last_julian (const BilatDate *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->last_julian;
}

#define COMPARE_FIELD(x, y) \
  G_STMT_START { if ((x) != (y)) return (x) < (y) ? -1 : 1; } G_STMT_END

/**
 * bilat_date_compare:
 * @a: (nullable): a [struct@Bilat.Date], or %NULL for an unknown date
 * @b: (nullable): a [struct@Bilat.Date], or %NULL for an unknown date
 *
 * Compares two dates for sorting, as a [callback@GLib.CompareFunc]. The
 * order is total and chronological:
 *
 * 1. the earlier first day comes first (`2018` before `2018-02`);
 * 2. then the earlier last day (`2018-01-01` before `2018-01`, which
 *    before `2018`);
 * 3. then a simple date before an interval covering the same days
 *    (`2018` before `2018-01/2018-12`);
 * 4. then the coarser precision of the start, then of the end, first
 *    (`2018/2018-12-31` before `2018-01/2018-12-31`).
 *
 * Unknown (%NULL) dates sort after every known date.
 *
 * Returns: a negative number if @a comes before @b, a positive number if it
 *   comes after, 0 only if they are equal (see [method@Bilat.Date.equal])
 *
 * Since: 1.0
 */
int
bilat_date_compare (const BilatDate *a,
                    const BilatDate *b)
{
  if (a == b)
    return 0;
  if (a == NULL)
    return 1;
  if (b == NULL)
    return -1;

  COMPARE_FIELD (a->first_julian, b->first_julian);
  COMPARE_FIELD (a->last_julian, b->last_julian);
  COMPARE_FIELD (a->is_interval, b->is_interval);

  /* A simple date is determined by its first day and precision, so these
   * two settle every remaining case and 0 really means equal. */
  COMPARE_FIELD (simple_precision (start_of (a)), simple_precision (start_of (b)));
  COMPARE_FIELD (simple_precision (end_of (a)), simple_precision (end_of (b)));

  return 0;
}

#undef COMPARE_FIELD

static gboolean
simple_equal (const BilatDate *a,
              const BilatDate *b)
{
  return a->year == b->year && a->month == b->month && a->day == b->day;
}

/**
 * bilat_date_equal:
 * @a: (nullable): a [struct@Bilat.Date], or %NULL for an unknown date
 * @b: (nullable): a [struct@Bilat.Date], or %NULL for an unknown date
 *
 * Returns whether two dates are the same, as written: `2018-01` and
 * `2018-01-01/2018-01-31` cover the same days but are not equal. Two
 * unknown (%NULL) dates are equal.
 *
 * Returns: %TRUE if @a and @b are equal
 *
 * Since: 1.0
 */
gboolean
bilat_date_equal (const BilatDate *a,
                  const BilatDate *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (a->is_interval != b->is_interval)
    return FALSE;

  return simple_equal (start_of (a), start_of (b)) &&
         simple_equal (end_of (a), end_of (b));
}

static guint
simple_hash (const BilatDate *self)
{
  return ((guint) self->year << 9) | ((guint) self->month << 5) | self->day;
}

/**
 * bilat_date_hash:
 * @self: (nullable): a [struct@Bilat.Date], or %NULL
 *
 * Returns a hash value for @self, consistent with [method@Bilat.Date.equal]:
 * together they make dates usable as [struct@GLib.HashTable] keys.
 *
 * Returns: the hash value
 *
 * Since: 1.0
 */
guint
bilat_date_hash (const BilatDate *self)
{
  if (self == NULL)
    return 0;
  if (!self->is_interval)
    return simple_hash (self);

  /* Only consistency with equal() is required; the multiplication spreads
   * the intervals that share a start over different buckets. */
  return simple_hash (start_of (self)) * 31u + simple_hash (end_of (self));
}

/**
 * bilat_date_overlaps:
 * @a: a [struct@Bilat.Date]
 * @b: a [struct@Bilat.Date]
 *
 * Returns whether @a and @b have at least one day in common, ends
 * included: `2018` overlaps `2018-12-31/2019-01-31`.
 *
 * Returns: %TRUE if the days of @a and @b intersect
 *
 * Since: 1.0
 */
gboolean
bilat_date_overlaps (const BilatDate *a,
                     const BilatDate *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a->first_julian <= b->last_julian && b->first_julian <= a->last_julian;
}

/**
 * bilat_date_contains:
 * @self: a [struct@Bilat.Date]
 * @other: a [struct@Bilat.Date]
 *
 * Returns whether every day of @other lies within @self: `2018` contains
 * `2018-06` and `2018-10-21/2018-11-04`, and every date contains itself.
 *
 * Returns: %TRUE if @self contains @other
 *
 * Since: 1.0
 */
gboolean
bilat_date_contains (const BilatDate *self,
                     const BilatDate *other)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  return self->first_julian <= other->first_julian &&
         other->last_julian <= self->last_julian;
}

/* Calendar arithmetic on GDate Julian day numbers (day 1 is 0001-01-01),
 * done with integers: GDate would cost a structure per event on the
 * streaming path. The civil-from-days method counts in 400-year eras of
 * 146097 days starting on a 1 March, so that the leap day ends a year. */
void
_bilat_julian_to_civil (guint32  julian,
                        int     *year,
                        int     *month,
                        int     *day)
{
  /* Days since 0000-03-01 of the proleptic Gregorian calendar. */
  gint64 z = (gint64) julian + 305;
  gint64 era = z / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  int m = (int) (mp < 10 ? mp + 3 : mp - 9);

  *year = (int) (yoe + era * 400 + (m <= 2));
  *month = m;
  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
}

guint32
_bilat_civil_to_julian (int year,
                        int month,
                        int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = y / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return (guint32) (era * 146097 + doe - 305);
}
