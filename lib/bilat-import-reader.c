/* bilat-import-reader.c: rows of GDELT and ICEWS event data
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The reader is where the time goes: a year of GDELT is tens of millions
 * of rows, of which a dyad query keeps a few thousand. So a row is looked
 * at only as far as the query needs: for a dyad, the reader finds the
 * actor countries of GDELT's columns 8 and 18 with SIMD compares, and most
 * rows are rejected after column 8, before anything is parsed. Only the
 * rows that pass are cut into all their columns, parsed (by hand: no
 * strtod or sscanf on this path), checked and handed to the sink. Nothing
 * is allocated per row.
 *
 * Bad rows are found among the rows the filter selects, since the others
 * are not read: every field the library reads of those is checked.
 *
 * The filters (bilat-row-filter.c) and the making of events from rows
 * (bilat-row-event.c) are files of their own; the columns of each format,
 * which all three read, are in bilat-row-layout-private.h.
 */

#include <bilat/bilat.h>

#include <math.h>
#include <string.h>

#if defined(__SSE2__)
# include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
# include <immintrin.h>
#endif

#include "bilat-codes-private.h"
#include "bilat-date-private.h"
#include "bilat-identity-private.h"
#include "bilat-import-private.h"
#include "bilat-problem-private.h"
#include "bilat-row-event-private.h"
#include "bilat-row-filter-private.h"
#include "bilat-row-layout-private.h"

/* Column names, as the codebooks name them, for problems. */
static const char * const gdelt2_names[GDELT2_N_COLUMNS] = {
  "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
  "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
  "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
  "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
  "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
  "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
  "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
  "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
  "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
  "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode",
  "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat",
  "Actor1Geo_Long", "Actor1Geo_FeatureID",
  "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode",
  "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat",
  "Actor2Geo_Long", "Actor2Geo_FeatureID",
  "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode",
  "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat",
  "ActionGeo_Long", "ActionGeo_FeatureID",
  "DATEADDED", "SOURCEURL",
};

static const char * const icews_names[ICEWS_N_COLUMNS] = {
  "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
  "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
  "Target Country", "Story ID", "Sentence Number", "Publisher", "City",
  "District", "Province", "Country", "Latitude", "Longitude",
};

/* GDELT 1.0 is GDELT 2.0 without the three ADM2Code columns. */
static const char *
column_name (BilatEventFormat format,
             guint            column)
{
  switch (format)
    {
    case BILAT_EVENT_FORMAT_GDELT1:
      if (column >= 39)
        column++;
      if (column >= 47)
        column++;
      if (column >= 55)
        column++;
      return column < GDELT2_N_COLUMNS ? gdelt2_names[column] : NULL;
    case BILAT_EVENT_FORMAT_GDELT2:
      return column < GDELT2_N_COLUMNS ? gdelt2_names[column] : NULL;
    case BILAT_EVENT_FORMAT_ICEWS:
      return column < ICEWS_N_COLUMNS ? icews_names[column] : NULL;
    case BILAT_EVENT_FORMAT_AUTO:
    default:
      return NULL;
    }
}

/* Scanning. */

/* Cuts [p, e) byte by byte, the columns before @p being @n and the
 * current one starting at @start: the end of every way of cutting. */
static inline guint
split_rest (const char *p,
            const char *e,
            const char *start,
            guint       n,
            BilatField *columns,
            guint       max,
            gboolean   *plain)
{
  gboolean clean = TRUE;

  for (; p < e; p++)
    {
      clean &= (guchar) *p < 0x80 && *p != '\0';
      if (*p == '\t')
        {
          if (n < max)
            {
              columns[n].text = start;
              columns[n].length = (gsize) (p - start);
            }
          n++;
          start = p + 1;
        }
    }
  if (!clean)
    *plain = FALSE;
  if (n < max)
    {
      columns[n].text = start;
      columns[n].length = (gsize) (e - start);
    }
  return n + 1;
}

/* The columns that end at the tabs of a block at @p (bit i of @mask: a
 * tab at p + i); returns the count of columns so far. */
static inline guint
take_tabs (const char  *p,
           guint64      mask,
           const char **start,
           guint        n,
           BilatField  *columns,
           guint        max)
{
  while (mask != 0)
    {
      const char *tab = p + __builtin_ctzll (mask);

      if (n < max)
        {
          columns[n].text = *start;
          columns[n].length = (gsize) (tab - *start);
        }
      n++;
      *start = tab + 1;
      mask &= mask - 1;
    }
  return n;
}

/* Cuts [p, e) into its columns; returns how many there are, which may be
 * more than @max (then only @max are filled). *plain is set to whether
 * the line is all ASCII without NUL: then its text needs no check. */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_SPLIT_AVX2 1

/* The same, 64 bytes at a time, for processors with AVX2. The last
 * block too is read whole, and what lies past @e masked off: @e is in
 * the input's buffer, which has 64 readable bytes after its end (see
 * BilatField). */
__attribute__ ((target ("avx2")))
static guint
split_columns_avx2 (const char *p,
                    const char *e,
                    BilatField *columns,
                    guint       max,
                    gboolean   *plain)
{
  const __m256i tabs = _mm256_set1_epi8 ('\t');
  const __m256i zeros = _mm256_setzero_si256 ();
  const char *start = p;
  guint64 unusual = 0;
  guint n = 0;

  for (; p < e; p += 64)
    {
      __m256i low = _mm256_loadu_si256 ((const __m256i *) p);
      __m256i high = _mm256_loadu_si256 ((const __m256i *) (p + 32));
      guint64 mask = (guint64) (guint32) _mm256_movemask_epi8 (_mm256_cmpeq_epi8 (low, tabs)) |
                     (guint64) (guint32) _mm256_movemask_epi8 (_mm256_cmpeq_epi8 (high, tabs)) << 32;
      /* A byte with its high bit set (not ASCII), or a NUL. */
      guint64 odd = (guint64) (guint32) _mm256_movemask_epi8 (low) |
                    (guint64) (guint32) _mm256_movemask_epi8 (high) << 32 |
                    (guint64) (guint32) _mm256_movemask_epi8 (_mm256_cmpeq_epi8 (low, zeros)) |
                    (guint64) (guint32) _mm256_movemask_epi8 (_mm256_cmpeq_epi8 (high, zeros)) << 32;

      if (e - p < 64)
        {
          guint64 within = (G_GUINT64_CONSTANT (1) << (e - p)) - 1;

          mask &= within;
          odd &= within;
        }
      unusual |= odd;
      {
        guint count = (guint) __builtin_popcountll (mask);

        /* The block's columns four at a time, with no test of the count
         * for each: the loop ends after ⌈count / 4⌉ rounds rather than
         * at a tab that varies from block to block, and those past the
         * count land in the slack after @max (see _BILAT_COLUMN_SLACK),
         * to be written over by the next block's. Once the tabs are
         * used up, a round finds the sentinel at bit 63. */
        if (count != 0 && n + count <= max)
          {
            const char *s = start;
            BilatField *out = columns + n;
            guint64 block_tabs = mask;

            for (guint i = 0; i < count; i += 4, out += 4)
              for (guint j = 0; j < 4; j++)
                {
                  const char *tab = p + __builtin_ctzll (mask | (G_GUINT64_CONSTANT (1) << 63));

                  out[j].text = s;
                  out[j].length = (gsize) (tab - s);
                  s = tab + 1;
                  mask &= mask - 1;
                }
            start = p + (63 - __builtin_clzll (block_tabs)) + 1;
            n += count;
          }
        else
          n = take_tabs (p, mask, &start, n, columns, max);
      }
    }
  *plain = unusual == 0;
  if (n < max)
    {
      columns[n].text = start;
      columns[n].length = (gsize) (e - start);
    }
  return n + 1;
}

static gint narrow_scan_only;

void
_bilat_reader_set_wide_scan (gboolean wide)
{
  g_atomic_int_set (&narrow_scan_only, !wide);
}

static gboolean
have_avx2 (void)
{
  static gsize checked = 0;
  static gboolean avx2;

  if (g_atomic_int_get (&narrow_scan_only))
    return FALSE;

  if (g_once_init_enter (&checked))
    {
      __builtin_cpu_init ();
      avx2 = __builtin_cpu_supports ("avx2");
      g_once_init_leave (&checked, 1);
    }
  return avx2;
}
#else
void
_bilat_reader_set_wide_scan (gboolean wide)
{
}
#endif

static guint
split_columns (const char *p,
               const char *e,
               BilatField *columns,
               guint       max,
               gboolean   *plain)
{
  const char *start = p;
  guint n = 0;

#ifdef HAVE_SPLIT_AVX2
  if (have_avx2 ())
    return split_columns_avx2 (p, e, columns, max, plain);
#endif
  *plain = TRUE;
#if defined(__SSE2__)
  const __m128i tabs = _mm_set1_epi8 ('\t');
  guint unusual = 0;

  while (p + 16 <= e)
    {
      __m128i block = _mm_loadu_si128 ((const __m128i *) p);
      guint mask = (guint) _mm_movemask_epi8 (_mm_cmpeq_epi8 (block, tabs));

      unusual |= (guint) _mm_movemask_epi8 (block) |
                 (guint) _mm_movemask_epi8 (_mm_cmpeq_epi8 (block, _mm_setzero_si128 ()));

      n = take_tabs (p, mask, &start, n, columns, max);
      p += 16;
    }
  *plain = unusual == 0;
#endif
  return split_rest (p, e, start, n, columns, max, plain);
}

guint
_bilat_reader_split (const char *p,
                     const char *e,
                     BilatField *columns,
                     guint       max,
                     gboolean   *plain)
{
  return split_columns (p, e, columns, max, plain);
}

/* Numbers and dates, parsed by hand. */

/* Whether the eight bytes at @p are all ASCII digits. */
static inline gboolean
eight_digits (const char *p)
{
  guint64 v;

  memcpy (&v, p, sizeof v);
  return ((v & G_GUINT64_CONSTANT (0xF0F0F0F0F0F0F0F0)) |
          (((v + G_GUINT64_CONSTANT (0x0606060606060606)) & G_GUINT64_CONSTANT (0xF0F0F0F0F0F0F0F0)) >> 4)) ==
         G_GUINT64_CONSTANT (0x3333333333333333);
}

/* The number the eight digits at @p write (little-endian: the first digit
 * in the lowest byte), by pairs, then fours, then the eight. */
static inline guint64
eight_digits_word (guint64 v)
{
  v = (v & G_GUINT64_CONSTANT (0x0F0F0F0F0F0F0F0F)) * 2561 >> 8;
  v = (v & G_GUINT64_CONSTANT (0x00FF00FF00FF00FF)) * 6553601 >> 16;
  return (v & G_GUINT64_CONSTANT (0x0000FFFF0000FFFF)) * G_GUINT64_CONSTANT (42949672960001) >> 32;
}

static inline guint64
eight_digits_value (const char *p)
{
  guint64 v;

  memcpy (&v, p, sizeof v);
  return eight_digits_word (v);
}

/* How many digits the eight bytes at @p start with, up to @limit (the
 * bytes left in the field): 0 to 8. Reads eight bytes whatever @limit;
 * see BilatField. */
static inline guint
leading_digits (const char *p,
                gsize       limit,
                guint64    *word)
{
  guint64 v, x, other;
  guint count;

  memcpy (&v, p, sizeof v);
  /* A digit becomes 0 to 9; any other byte, 10 or more, whose byte of
   * x + 0x76 or of x has its high bit set. A carry goes only to later
   * bytes, past the first other byte. */
  x = v ^ G_GUINT64_CONSTANT (0x3030303030303030);
  other = ((x + G_GUINT64_CONSTANT (0x7676767676767676)) | x) & G_GUINT64_CONSTANT (0x8080808080808080);
  count = other != 0 ? (guint) __builtin_ctzll (other) / 8 : 8;
  *word = v;
  return (guint) MIN (count, limit);
}

/* The number the first @count (0 to 8) digits of @word write. */
static inline guint64
digits_value (guint64 word,
              guint   count)
{
  if (count == 0)
    return 0;
  /* The digits moved to the end, '0's before them. */
  if (count < 8)
    word = word << (8 * (8 - count)) | G_GUINT64_CONSTANT (0x3030303030303030) >> (8 * count);
  return eight_digits_word (word);
}

static gboolean
parse_uint64 (const BilatField *field,
              guint64          *value)
{
  guint64 v = 0;

  if (field->length == 0 || field->length > 19)
    return FALSE;
  for (gsize i = 0; i < field->length; i++)
    {
      if (!is_digit (field->text[i]))
        return FALSE;
      v = v * 10 + (guint64) (field->text[i] - '0');
    }
  *value = v;
  return TRUE;
}

/* Event ids: what a store's columns hold (bilat-segment-private.h). */
static gboolean
parse_event_id (const BilatField *field,
                guint64          *value)
{
  return parse_uint64 (field, value) && *value < G_GUINT64_CONSTANT (100000000000000000);
}

static gboolean
parse_uint (const BilatField *field,
            guint            *value)
{
  guint64 v;

  if (!parse_uint64 (field, &v) || v > G_MAXUINT)
    return FALSE;
  *value = (guint) v;
  return TRUE;
}

/* A decimal number: [+-]digits[.digits][e[+-]digits]. Up to 19
 * significant digits and exponents that keep the powers of ten exact, as
 * GDELT's numbers do, are computed exactly rounded; anything longer goes
 * through g_ascii_strtod(). */
static gboolean
parse_decimal_any (const BilatField *field,
                   double           *value)
{
  static const double powers[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  };
  const char *s = field->text;
  gsize n = field->length;
  gsize i = 0;
  guint64 mantissa = 0;
  int digits = 0;
  int exponent = 0;
  gboolean negative = FALSE;
  gboolean any = FALSE;
  gboolean exact = TRUE;
  double v;

  if (n == 0 || n > 64)
    return FALSE;
  if (s[0] == '-' || s[0] == '+')
    {
      negative = s[0] == '-';
      i++;
    }
  for (; i < n && is_digit (s[i]); i++, any = TRUE)
    {
      if (digits < 19)
        {
          mantissa = mantissa * 10 + (guint64) (s[i] - '0');
          digits += mantissa > 0;
        }
      else
        {
          exponent++;
          exact = FALSE;
        }
    }
  if (i < n && s[i] == '.')
    for (i++;; )
      {
        /* Eight digits at once while the mantissa has room for them
         * (GDELT's tones have fourteen). */
        if (i + 8 <= n && digits <= 10 && eight_digits (s + i))
          {
            guint64 eight = eight_digits_value (s + i);

            if (mantissa == 0)
              {
                /* Leading zeros are not significant digits. */
                guint leading = 0;

                while (leading < 8 && s[i + leading] == '0')
                  leading++;
                digits += 8 - (int) leading;
              }
            else
              digits += 8;
            mantissa = mantissa * 100000000 + eight;
            exponent -= 8;
            i += 8;
            any = TRUE;
            continue;
          }
        if (i >= n || !is_digit (s[i]))
          break;
        if (digits < 19)
          {
            mantissa = mantissa * 10 + (guint64) (s[i] - '0');
            digits += mantissa > 0;
            exponent--;
          }
        else
          exact = FALSE;
        i++;
        any = TRUE;
      }
  if (!any)
    return FALSE;
  if (i < n && (s[i] == 'e' || s[i] == 'E'))
    {
      gboolean minus = FALSE;
      int e = 0;
      gsize first;

      i++;
      if (i < n && (s[i] == '-' || s[i] == '+'))
        minus = s[i++] == '-';
      first = i;
      for (; i < n && is_digit (s[i]) && i - first < 4; i++)
        e = e * 10 + (s[i] - '0');
      if (i == first)
        return FALSE;
      exponent += minus ? -e : e;
    }
  if (i != n)
    return FALSE;

  if (exact && mantissa < (G_GUINT64_CONSTANT (1) << 53) && exponent >= -22 && exponent <= 22)
    {
      v = (double) mantissa;
      v = exponent < 0 ? v / powers[-exponent] : v * powers[exponent];
      *value = negative ? -v : v;
      return TRUE;
    }

  {
    char buffer[65];
    char *end = NULL;

    memcpy (buffer, s, n);
    buffer[n] = '\0';
    v = g_ascii_strtod (buffer, &end);
    if (end != buffer + n || !isfinite (v))
      return FALSE;
    *value = v;
    return TRUE;
  }
}

/* A decimal number, as parse_decimal_any() reads it. The usual shape
 * ([-]digits[.digits], up to seven digits before the point, fifteen
 * after it and nineteen in all, as GDELT's tones and coordinates are) is
 * read eight bytes at a time with no loop over digits; anything else
 * goes to parse_decimal_any(). */
static gboolean
parse_decimal (const BilatField *field,
               double           *value)
{
  static const double powers[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16,
  };
  static const guint64 scale[] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000 };
  const char *s = field->text;
  gsize n = field->length;
  gsize i;
  guint64 word, mantissa;
  guint whole, fraction = 0, more;
  gboolean negative;
  double v;

  if (n == 0 || n > 32)
    return parse_decimal_any (field, value);
  negative = s[0] == '-';
  i = negative || s[0] == '+';
  whole = leading_digits (s + i, n - i, &word);
  if (whole == 8)
    return parse_decimal_any (field, value);
  mantissa = digits_value (word, whole);
  i += whole;
  if (i < n && s[i] == '.')
    {
      i++;
      fraction = leading_digits (s + i, n - i, &word);
      mantissa = mantissa * scale[fraction] + digits_value (word, fraction);
      i += fraction;
      if (fraction == 8)
        {
          more = leading_digits (s + i, n - i, &word);
          if (more == 8)
            return parse_decimal_any (field, value);
          mantissa = mantissa * scale[more] + digits_value (word, more);
          i += more;
          fraction += more;
        }
    }
  /* Not the usual shape (an exponent, no digits, more after), or a
   * mantissa that a double does not hold exactly (of more than nineteen
   * digits, it may have wrapped: not read). */
  if (i != n || whole + fraction == 0 || whole + fraction > 19 || mantissa >= (G_GUINT64_CONSTANT (1) << 53))
    return parse_decimal_any (field, value);
  v = (double) mantissa / powers[fraction];
  *value = negative ? -v : v;
  return TRUE;
}

static gboolean
is_civil_date (int year,
               int month,
               int day)
{
  static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (year < 1 || month < 1 || month > 12 || day < 1 || day > days[month - 1])
    return FALSE;
  return month != 2 || day < 29 || g_date_is_leap_year ((GDateYear) year);
}

/* YYYYMMDD, optionally followed by HHMMSS (GDELT 2.0's DATEADDED). */
static gboolean
parse_compact_date (const BilatField *field,
                    gboolean          with_time,
                    int              *year,
                    int              *month,
                    int              *day)
{
  const char *s = field->text;
  guint64 word, date;
  guint count;

  if (field->length != (with_time ? 14u : 8u))
    return FALSE;
  /* The eight digits of the date at once. */
  count = leading_digits (s, field->length, &word);
  if (count != 8)
    return FALSE;
  date = eight_digits_word (word);
  *year = (int) (date / 10000);
  *month = (int) (date / 100 % 100);
  *day = (int) (date % 100);
  if (with_time && (!all_digits (s + 8, 6) ||
                    two_digits (s + 8) > 23 || two_digits (s + 10) > 59 || two_digits (s + 12) > 60))
    return FALSE;
  return is_civil_date (*year, *month, *day);
}

/* YYYY-MM-DD (ICEWS's Event Date). */
static gboolean
parse_iso_date (const BilatField *field,
                int              *year,
                int              *month,
                int              *day)
{
  const char *s = field->text;

  if (field->length != 10 || s[4] != '-' || s[7] != '-' ||
      !all_digits (s, 4) || !all_digits (s + 5, 2) || !all_digits (s + 8, 2))
    return FALSE;
  *year = two_digits (s) * 100 + two_digits (s + 2);
  *month = two_digits (s + 5);
  *day = two_digits (s + 8);
  return is_civil_date (*year, *month, *day);
}

static inline gboolean
field_is (const BilatField *field,
          const char       *text)
{
  gsize n = strlen (text);

  return field->length == n && memcmp (field->text, text, n) == 0;
}

/* The reader. */

/* The last name read in a column of country names, and what it names
 * day by day: rows repeat their countries. */
typedef struct
{
  char                     text[48];
  gsize                    length;       /* 0: none yet */
  const BilatIdentityDays *days;
  guint                    n_days;
} NameSlot;

struct _BilatReader
{
  const BilatReadOptions *options;
  BilatImportReport      *report;
  BilatImportCounts      *counts;
  const char             *file;
  BilatEventFormat        format;
  guint64                 line;
  BilatRow                row;

  /* Which state a code or name means on a row's day: the identity
   * tables', worked out once per code (bilat-identity.c). */
  BilatIdentity          *identity;
  const BilatCodeDays    *cameo_days;
  const BilatCodeDays    *fips_days;
  const BilatCodeDays    *iso3_days;
  NameSlot                names[3];
};

BilatImportCounts *
_bilat_reader_counts (BilatReader *reader)
{
  return reader->counts;
}

gboolean
_bilat_reader_problem (BilatReader      *reader,
                       const BilatRow   *row,
                       BilatImportError  code,
                       int               column,
                       const char       *message,
                       GError          **error)
{
  BilatProblem *problem;
  char id[48];

  if (code == BILAT_IMPORT_ERROR_DUPLICATE_ID)
    reader->counts->duplicates++;
  else if (code == BILAT_IMPORT_ERROR_BAD_ROW || code == BILAT_IMPORT_ERROR_BAD_VALUE)
    reader->counts->bad_rows++;

  if (row != NULL && row->id_prefix != NULL)
    _bilat_row_format_id (row, id);
  problem = _bilat_import_problem_new (code, reader->file,
                                       row != NULL ? row->line : reader->line,
                                       column >= 0 ? (guint) column + 1 : 0,
                                       column >= 0 ? column_name (reader->format, (guint) column) : NULL,
                                       row != NULL && row->id_prefix != NULL ? id : NULL,
                                       message);

  if ((reader->options->flags & BILAT_IMPORT_FLAGS_STRICT) &&
      code != BILAT_IMPORT_ERROR_UNKNOWN_COUNTRY)
    {
      g_propagate_error (error, _bilat_problem_to_error (problem));
      bilat_problem_unref (problem);
      return FALSE;
    }
  _bilat_import_report_take_problem (reader->report, problem);
  return TRUE;
}

/* A problem with a value, quoting it (shortened). */
static gboolean
bad_value (BilatReader      *reader,
           BilatRow         *row,
           int               column,
           const char       *what,
           GError          **error)
{
  const BilatField *field = &row->columns[column];
  g_autofree char *quoted = NULL;
  g_autofree char *message = NULL;
  gsize length = MIN (field->length, 40);

  /* Only valid UTF-8 goes into messages. */
  quoted = g_utf8_make_valid (field->text, (gssize) length);
  message = g_strdup_printf ("%s: “%s%s”", what, quoted, length < field->length ? "…" : "");
  return _bilat_reader_problem (reader, row, BILAT_IMPORT_ERROR_BAD_VALUE, column, message, error);
}

/* A CAMEO code of the codebook (which a store can keep), copied into
 * @code. */
static gboolean
parse_cameo (const BilatField *field,
             char              code[5])
{
  if (field->length < 2 || field->length > 4 || !all_digits (field->text, field->length))
    return FALSE;
  memcpy (code, field->text, field->length);
  code[field->length] = '\0';
  return bilat_cameo_is_known (code);
}

/* A GDELT actor country: an id for the participant, or NULL when empty.
 * The id is the state the identity tables say the CAMEO code names on
 * @day (RUS in 1985: SUN); a code that names none then (a region such as
 * EUR, CZE before 1993) stays as GDELT writes it, but for CAMEO's four
 * codes of its own (ROM: ROU). */
static gboolean
parse_actor_country (BilatReader       *reader,
                     const BilatField  *field,
                     guint32            day,
                     char               buffer[16],
                     const char       **actor)
{
  const char *renamed;

  *actor = NULL;
  if (field->length == 0)
    return TRUE;
  if (field->length > 15)
    return FALSE;
  for (gsize i = 0; i < field->length; i++)
    if (!g_ascii_isupper (field->text[i]) && !is_digit (field->text[i]))
      return FALSE;

  *actor = _bilat_code_days_resolve (reader->cameo_days, field->text, field->length, day);
  if (*actor != NULL)
    return TRUE;
  renamed = _bilat_cameo_country_renamed (field->text, field->length);
  if (renamed != NULL)
    {
      *actor = renamed;
      return TRUE;
    }
  memcpy (buffer, field->text, field->length);
  buffer[field->length] = '\0';
  *actor = buffer;
  return TRUE;
}

/* Whether the text of @field can be kept: valid UTF-8 without NUL bytes
 * (a NUL would cut it where it is stored). NULL if it can, else why not.
 * Text is mostly ASCII: that is checked sixteen bytes at a time, and only
 * text with other bytes, or a NUL, goes through the full validation. */
static const char *
text_problem (const BilatField *field)
{
  const char *p = field->text;
  const char *e = p + field->length;

#if defined(__SSE2__)
  for (; p + 16 <= e; p += 16)
    {
      __m128i bytes = _mm_loadu_si128 ((const __m128i *) p);

      if (_mm_movemask_epi8 (bytes) != 0 ||
          _mm_movemask_epi8 (_mm_cmpeq_epi8 (bytes, _mm_setzero_si128 ())) != 0)
        break;
    }
#endif
  for (; p < e; p++)
    if ((guchar) *p >= 0x80 || *p == '\0')
      break;
  if (p == e)
    return NULL;
  if (memchr (field->text, '\0', field->length) != NULL)
    return "holds a NUL byte";
  return g_utf8_validate_len (field->text, field->length, NULL) ? NULL : "not UTF-8";
}

/* Parses the score in @column (empty or NA: none given) and settles the
 * row's Goldstein score: the file's, else the code's. */
static gboolean
parse_goldstein (BilatReader  *reader,
                 BilatRow     *row,
                 int           column,
                 GError      **error,
                 gboolean     *ok)
{
  const BilatField *field = &row->columns[column];

  *ok = FALSE;
  row->goldstein_given = FALSE;
  row->goldstein = NAN;
  if (!is_missing (field))
    {
      if (!parse_decimal (field, &row->goldstein) || row->goldstein < -10.0 || row->goldstein > 10.0)
        return bad_value (reader, row, column, "not a Goldstein score from -10 to 10", error);
      row->goldstein_given = TRUE;
    }
  else if (row->code[0] != '\0')
    row->goldstein = bilat_cameo_get_goldstein (row->code);
  *ok = TRUE;
  return TRUE;
}

/* Latitude and longitude; both missing: no coordinates. */
static gboolean
parse_coordinates (BilatReader  *reader,
                   BilatRow     *row,
                   int           latitude,
                   int           longitude,
                   GError      **error,
                   gboolean     *ok)
{
  *ok = FALSE;
  row->has_coordinates = FALSE;
  if (is_missing (&row->columns[latitude]) && is_missing (&row->columns[longitude]))
    {
      *ok = TRUE;
      return TRUE;
    }
  if (!parse_decimal (&row->columns[latitude], &row->latitude) ||
      row->latitude < -90.0 || row->latitude > 90.0)
    return bad_value (reader, row, latitude, "not a latitude from -90 to 90", error);
  if (!parse_decimal (&row->columns[longitude], &row->longitude) ||
      row->longitude < -180.0 || row->longitude > 180.0)
    return bad_value (reader, row, longitude, "not a longitude from -180 to 180", error);
  row->has_coordinates = TRUE;
  *ok = TRUE;
  return TRUE;
}

/* Parses and checks the GDELT fields libbilat reads. Returns FALSE on a
 * strict-mode error; *ok says whether the row is good. */
static gboolean
parse_gdelt (BilatReader  *reader,
             BilatRow     *row,
             GError      **error,
             gboolean     *ok)
{
  gboolean gdelt2 = row->format == BILAT_EVENT_FORMAT_GDELT2;
  int geo = gdelt2 ? GDELT2_GEO_TYPE : GDELT1_GEO_TYPE;
  int added = gdelt2 ? GDELT2_DATE_ADDED : GDELT1_DATE_ADDED;
  static const int gdelt_texts[] = {
    GDELT_ACTOR1_CODE, GDELT_ACTOR1_NAME, GDELT_ACTOR1_TYPE1, GDELT_ACTOR1_TYPE1 + 1,
    GDELT_ACTOR1_TYPE1 + 2, GDELT_ACTOR2_CODE, GDELT_ACTOR2_NAME, GDELT_ACTOR2_TYPE1,
    GDELT_ACTOR2_TYPE1 + 1, GDELT_ACTOR2_TYPE1 + 2,
  };
  guint geo_type = 0;
  const char *why;
  guint32 day;
  int url;

  *ok = FALSE;
  row->id_prefix = NULL;
  if (!parse_event_id (&row->columns[GDELT_ID], &row->id))
    return bad_value (reader, row, GDELT_ID, "not an event id of at most 17 digits", error);
  row->id_prefix = "gdelt";

  if (!parse_compact_date (&row->columns[GDELT_DATE], FALSE, &row->year, &row->month, &row->day))
    return bad_value (reader, row, GDELT_DATE, "not a date of the form YYYYMMDD", error);
  day = _bilat_civil_to_julian ((int) row->year, (int) row->month, (int) row->day);
  if (!parse_actor_country (reader, &row->columns[GDELT_ACTOR1_COUNTRY], day, row->actor_buffers[0], &row->actor1))
    return bad_value (reader, row, GDELT_ACTOR1_COUNTRY, "not a CAMEO country code", error);
  if (!parse_actor_country (reader, &row->columns[GDELT_ACTOR2_COUNTRY], day, row->actor_buffers[1], &row->actor2))
    return bad_value (reader, row, GDELT_ACTOR2_COUNTRY, "not a CAMEO country code", error);
  /* The text the event keeps: its actors' codes, names and types. */
  for (guint i = 0; i < G_N_ELEMENTS (gdelt_texts); i++)
    if (!row->plain && (why = text_problem (&row->columns[gdelt_texts[i]])) != NULL)
      return bad_value (reader, row, gdelt_texts[i], why, error);

  if (!parse_cameo (&row->columns[GDELT_EVENT_CODE], row->code))
    return bad_value (reader, row, GDELT_EVENT_CODE, "not a code of the CAMEO codebook", error);
  row->quad_class = bilat_cameo_get_quad_class (row->code);
  if (!parse_goldstein (reader, row, GDELT_GOLDSTEIN, error, ok))
    return FALSE;
  if (!*ok)
    return TRUE;
  *ok = FALSE;

  if (field_is (&row->columns[GDELT_ROOT], "1"))
    row->root_event = TRUE;
  else if (field_is (&row->columns[GDELT_ROOT], "0") || row->columns[GDELT_ROOT].length == 0)
    row->root_event = FALSE;
  else
    return bad_value (reader, row, GDELT_ROOT, "not 0 or 1", error);

  row->mentions = row->sources = row->articles = 0;
  if (row->columns[GDELT_MENTIONS].length > 0 && !parse_uint (&row->columns[GDELT_MENTIONS], &row->mentions))
    return bad_value (reader, row, GDELT_MENTIONS, "not a count", error);
  if (row->columns[GDELT_SOURCES].length > 0 && !parse_uint (&row->columns[GDELT_SOURCES], &row->sources))
    return bad_value (reader, row, GDELT_SOURCES, "not a count", error);
  if (row->columns[GDELT_ARTICLES].length > 0 && !parse_uint (&row->columns[GDELT_ARTICLES], &row->articles))
    return bad_value (reader, row, GDELT_ARTICLES, "not a count", error);
  row->tone = NAN;
  if (row->columns[GDELT_TONE].length > 0 && !parse_decimal (&row->columns[GDELT_TONE], &row->tone))
    return bad_value (reader, row, GDELT_TONE, "not a number", error);

  /* The action's place. */
  row->has_place = FALSE;
  row->place_country = NULL;
  row->place_name = row->columns[geo + GEO_NAME];
  row->place_span.text = NULL;
  row->place_span.length = 0;
  row->has_coordinates = FALSE;
  if (row->columns[geo + GEO_TYPE].length > 0 &&
      (!parse_uint (&row->columns[geo + GEO_TYPE], &geo_type) || geo_type > 5))
    return bad_value (reader, row, geo + GEO_TYPE, "not a geographic type from 0 to 5", error);
  if (geo_type > 0)
    {
      int latitude = geo + (gdelt2 ? 5 : 4);
      const BilatField *fips = &row->columns[geo + GEO_COUNTRY];

      if (!row->plain && (why = text_problem (&row->place_name)) != NULL)
        return bad_value (reader, row, geo + GEO_NAME, why, error);
      /* The state the FIPS code names on the row's day (YI: YUG, then
       * SCG; RS in 1985: SUN); where it names none then (UP, Ukraine, in
       * 1985), the country it names as GDELT writes it, as for actors.
       * Only a country ISO has a code for (not Kosovo). */
      row->place_country = _bilat_code_days_resolve (reader->fips_days, fips->text, fips->length, day);
      if (row->place_country == NULL && fips->length > 0)
        row->place_country = _bilat_identity_first_state (reader->identity, BILAT_CODE_SCHEME_FIPS,
                                                          fips->text, fips->length);
      if (row->place_country != NULL && !g_ascii_isupper (row->place_country[0]))
        row->place_country = NULL;
      if (!parse_coordinates (reader, row, latitude, latitude + 1, error, ok))
        return FALSE;
      if (!*ok)
        return TRUE;
      *ok = FALSE;
      row->has_place = row->place_name.length > 0 || row->place_country != NULL;
      row->place_span.text = row->place_name.text;
      row->place_span.length = (gsize) (row->columns[latitude + 1].text + row->columns[latitude + 1].length -
                                        row->place_name.text);
    }

  row->added_year = 0;
  if (row->columns[added].length > 0 &&
      !parse_compact_date (&row->columns[added], gdelt2, &row->added_year,
                           &row->added_month, &row->added_day))
    return bad_value (reader, row, added,
                      gdelt2 ? "not a time of the form YYYYMMDDHHMMSS" : "not a date of the form YYYYMMDD",
                      error);

  url = _bilat_row_column (row, BILAT_COLUMN_URL);
  if (url >= 0 && !row->plain && (why = text_problem (&row->columns[url])) != NULL)
    return bad_value (reader, row, url, why, error);

  *ok = TRUE;
  return TRUE;
}

/* What an ICEWS country name names, day by day: a name of the identity
 * tables, else one of iso-codes, read as its ISO code (which the identity
 * tables then resolve). NULL for a name of no state. The last name of
 * each column is kept. */
static const BilatIdentityDays *
name_days (BilatReader      *reader,
           guint             slot,
           const BilatField *field,
           guint            *n)
{
  NameSlot *last = &reader->names[slot];
  const BilatIdentityDays *days;

  if (last->length == field->length && last->length > 0 &&
      memcmp (last->text, field->text, field->length) == 0)
    {
      *n = last->n_days;
      return last->days;
    }
  days = _bilat_identity_name_days (reader->identity, field->text, field->length, n);
  if (days == NULL)
    {
      const char *iso = _bilat_country_from_iso_name_len (field->text, field->length);

      if (iso != NULL)
        days = _bilat_code_days_find (reader->iso3_days, iso, strlen (iso), n);
    }
  if (field->length <= sizeof last->text)
    {
      memcpy (last->text, field->text, field->length);
      last->length = field->length;
      last->days = days;
      last->n_days = *n;
    }
  return days;
}

/* An ICEWS country name: the state it names on the row's day, or NULL
 * (reported when not NA, saying why). */
static gboolean
parse_country_name (BilatReader  *reader,
                    BilatRow     *row,
                    int           column,
                    guint         slot,
                    guint32       day,
                    const char  **code,
                    GError      **error)
{
  const BilatField *field = &row->columns[column];
  const BilatIdentityDays *days;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  guint n = 0;

  *code = NULL;
  if (is_missing (field))
    return TRUE;
  days = name_days (reader, slot, field, &n);
  *code = _bilat_identity_days_at (days, n, day);
  /* A place's country is one ISO has a code for. */
  if (*code != NULL && (column != ICEWS_COUNTRY || g_ascii_isupper ((*code)[0])))
    return TRUE;
  /* Quoted shortened, as bad_value() quotes. */
  name = g_utf8_make_valid (field->text, (gssize) MIN (field->length, 40));
  if (*code != NULL)
    {
      message = g_strdup_printf ("no country code for the name “%s%s”: %s is a state without an ISO 3166 code",
                                 name, field->length > 40 ? "…" : "", *code);
      *code = NULL;
    }
  else if (days == NULL)
    message = g_strdup_printf ("no country code for the name “%s%s”", name, field->length > 40 ? "…" : "");
  else
    {
      g_autoptr(GError) why = NULL;

      /* The identity tables say which states the name names when. */
      if (_bilat_identity_resolve_len (reader->identity, BILAT_CODE_SCHEME_NAME, field->text,
                                       field->length, day, day, &why) == NULL && why != NULL)
        message = g_strdup_printf ("no country for the name “%s%s” on the event’s date: %s", name,
                                   field->length > 40 ? "…" : "", why->message);
      else
        message = g_strdup_printf ("no country for the name “%s%s” on the event’s date", name,
                                   field->length > 40 ? "…" : "");
    }
  return _bilat_reader_problem (reader, row, BILAT_IMPORT_ERROR_UNKNOWN_COUNTRY, column, message, error);
}

static gboolean
parse_icews (BilatReader  *reader,
             BilatRow     *row,
             GError      **error,
             gboolean     *ok)
{
  static const int texts[] = {
    ICEWS_SOURCE_NAME, ICEWS_SOURCE_SECTORS, ICEWS_EVENT_TEXT, ICEWS_TARGET_NAME,
    ICEWS_TARGET_SECTORS, ICEWS_PUBLISHER, ICEWS_CITY, ICEWS_CITY + 1, ICEWS_CITY + 2,
    ICEWS_COUNTRY,
  };
  const char *why;
  guint64 story;
  guint32 day;

  *ok = FALSE;
  row->id_prefix = NULL;
  if (!parse_event_id (&row->columns[ICEWS_ID], &row->id))
    return bad_value (reader, row, ICEWS_ID, "not an event id of at most 17 digits", error);
  row->id_prefix = "icews";
  if (!parse_iso_date (&row->columns[ICEWS_DATE], &row->year, &row->month, &row->day))
    return bad_value (reader, row, ICEWS_DATE, "not a date of the form YYYY-MM-DD", error);

  row->code[0] = '\0';
  if (!is_missing (&row->columns[ICEWS_CODE]) && !parse_cameo (&row->columns[ICEWS_CODE], row->code))
    return bad_value (reader, row, ICEWS_CODE, "not a code of the CAMEO codebook", error);
  row->quad_class = row->code[0] != '\0' ? bilat_cameo_get_quad_class (row->code) : BILAT_QUAD_CLASS_NONE;
  if (!parse_goldstein (reader, row, ICEWS_INTENSITY, error, ok))
    return FALSE;
  if (!*ok)
    return TRUE;
  *ok = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!row->plain && (why = text_problem (&row->columns[texts[i]])) != NULL)
      return bad_value (reader, row, texts[i], why, error);
  if (!is_missing (&row->columns[ICEWS_STORY]) && !parse_uint64 (&row->columns[ICEWS_STORY], &story))
    return bad_value (reader, row, ICEWS_STORY, "not a story id", error);

  day = _bilat_civil_to_julian ((int) row->year, (int) row->month, (int) row->day);
  if (!parse_country_name (reader, row, ICEWS_SOURCE_COUNTRY, 0, day, &row->actor1, error) ||
      !parse_country_name (reader, row, ICEWS_TARGET_COUNTRY, 1, day, &row->actor2, error) ||
      !parse_country_name (reader, row, ICEWS_COUNTRY, 2, day, &row->place_country, error))
    return FALSE;

  row->place_name.text = "";
  row->place_name.length = 0;
  row->place_span.text = NULL;
  row->place_span.length = 0;
  if (!parse_coordinates (reader, row, ICEWS_LATITUDE, ICEWS_LONGITUDE, error, ok))
    return FALSE;
  if (!*ok)
    return TRUE;
  row->has_place = row->place_country != NULL || !is_missing (&row->columns[ICEWS_CITY]) ||
                   !is_missing (&row->columns[ICEWS_CITY + 1]) || !is_missing (&row->columns[ICEWS_CITY + 2]);

  row->root_event = FALSE;
  row->mentions = row->sources = row->articles = 0;
  row->tone = NAN;
  row->added_year = 0;
  *ok = TRUE;
  return TRUE;
}

/* A row that may match: cut it, parse it, check it, filter it, and hand
 * it to the sink. */
static gboolean
handle_row (BilatReader  *reader,
            const char   *p,
            const char   *e,
            GError      **error)
{
  BilatRow *row = &reader->row;
  guint expected = 0;
  gboolean ok = FALSE;

  row->format = reader->format;
  row->file = reader->file;
  row->line = reader->line;
  row->id_prefix = NULL;
  row->n_columns = split_columns (p, e, row->columns, _BILAT_MAX_COLUMNS, &row->plain);

  switch (reader->format)
    {
    case BILAT_EVENT_FORMAT_GDELT1:
      if (row->n_columns != GDELT1_N_COLUMNS && row->n_columns != GDELT1_BACKFILE_N_COLUMNS)
        expected = GDELT1_N_COLUMNS;
      break;
    case BILAT_EVENT_FORMAT_GDELT2:
      if (row->n_columns != GDELT2_N_COLUMNS)
        expected = GDELT2_N_COLUMNS;
      break;
    case BILAT_EVENT_FORMAT_ICEWS:
    case BILAT_EVENT_FORMAT_AUTO:
    default:
      if (row->n_columns != ICEWS_N_COLUMNS)
        expected = ICEWS_N_COLUMNS;
      break;
    }
  if (expected != 0)
    {
      g_autofree char *message =
        g_strdup_printf ("%s%u columns instead of %u",
                         reader->format == BILAT_EVENT_FORMAT_GDELT1 ? "not 57 or 58: " : "",
                         row->n_columns, expected);

      row->n_columns = MIN (row->n_columns, _BILAT_MAX_COLUMNS);
      return _bilat_reader_problem (reader, row, BILAT_IMPORT_ERROR_BAD_ROW, -1, message, error);
    }

  if (reader->format == BILAT_EVENT_FORMAT_ICEWS)
    {
      if (!parse_icews (reader, row, error, &ok))
        return FALSE;
    }
  else if (!parse_gdelt (reader, row, error, &ok))
    return FALSE;
  if (!ok)
    return TRUE;

  if (!_bilat_row_filter_matches (reader->options->filter, row))
    return TRUE;
  reader->counts->matched++;
  return reader->options->row_func (reader, row, reader->options->row_data, error);
}

/* How many lines tell the format. */
#define DETECT_LINES 16

static const char icews_header[] =
  "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\t"
  "CAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\t"
  "Sentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude";

/* The first line [p, e) of a member: its format (with the lines after it
 * up to @window_end), and whether it is a header. */
static gboolean
detect_format (BilatReader  *reader,
               const char   *p,
               const char   *e,
               const char   *window_end,
               gboolean     *header,
               GError      **error)
{
  BilatEventFormat wanted = reader->options->format;
  guint n_columns = 1;
  BilatEventFormat found;

  *header = (gsize) (e - p) >= 9 && memcmp (p, "Event ID\t", 9) == 0;
  if (*header)
    {
      if ((gsize) (e - p) != strlen (icews_header) || memcmp (p, icews_header, e - p) != 0)
        {
          g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_UNKNOWN_FORMAT,
                       "%s:%" G_GUINT64_FORMAT ": not the header of ICEWS event data "
                       "(the 20 columns from “Event ID” to “Longitude”)",
                       reader->file, reader->line);
          return FALSE;
        }
      found = BILAT_EVENT_FORMAT_ICEWS;
    }
  else
    {
      guint votes[3] = { 0, 0, 0 };   /* none, GDELT 1.0, GDELT 2.0 */
      const char *q = p;

      /* The first line alone could mislead: a GDELT 2.0 file whose first
       * row lacks three columns looks like GDELT 1.0, and all its other
       * rows would then be bad. The complete lines of the window, up to
       * DETECT_LINES, vote; the first line breaks a tie. */
      for (guint i = 0; i < DETECT_LINES && q < window_end; i++)
        {
          const char *newline = memchr (q, '\n', (gsize) (window_end - q));
          const char *line_end = e;
          guint n = 1;
          guint vote;

          if (i > 0)
            {
              if (newline == NULL)
                break;          /* cut by the window: not a line */
              line_end = newline > q && newline[-1] == '\r' ? newline - 1 : newline;
            }
          if (line_end > q)
            {
              for (const char *c = q; c < line_end; c++)
                n += *c == '\t';
              vote = n == GDELT1_N_COLUMNS || n == GDELT1_BACKFILE_N_COLUMNS ? 1
                     : n == GDELT2_N_COLUMNS ? 2 : 0;
              votes[vote] += i == 0 ? 3 : 2;
              if (i == 0)
                n_columns = n;
            }
          if (newline == NULL)
            break;
          q = newline + 1;
        }
      if (votes[1] == 0 && votes[2] == 0)
        found = BILAT_EVENT_FORMAT_AUTO;
      else
        found = votes[2] > votes[1] ? BILAT_EVENT_FORMAT_GDELT2 : BILAT_EVENT_FORMAT_GDELT1;
    }

  if (wanted != BILAT_EVENT_FORMAT_AUTO)
    {
      /* Given: trusted, row by row; only an ICEWS header is skipped. */
      if (*header && wanted != BILAT_EVENT_FORMAT_ICEWS)
        {
          g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_UNKNOWN_FORMAT,
                       "%s: ICEWS event data, not GDELT", reader->file);
          return FALSE;
        }
      reader->format = wanted;
      return TRUE;
    }
  if (found == BILAT_EVENT_FORMAT_AUTO)
    {
      g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_UNKNOWN_FORMAT,
                   "%s: not GDELT or ICEWS event data: the first line has %u tab-separated "
                   "columns (GDELT 1.0 has 57 or 58, GDELT 2.0 61, ICEWS a header of 20)",
                   reader->file, n_columns);
      return FALSE;
    }
  reader->format = found;
  return TRUE;
}

/* Reads the complete lines of [p, end); returns where the first line not
 * read begins, or NULL on error. */
static const char *
read_lines (BilatReader  *reader,
            const char   *p,
            const char   *end,
            gboolean      final,
            GError      **error)
{
  const BilatRowFilter *filter = reader->options->filter;
  BilatImportCounts *counts = reader->counts;
  gboolean all = filter == NULL;

  for (;;)
    {
      const char *e = memchr (p, '\n', (gsize) (end - p));
      const char *line_end;

      if (e == NULL)
        {
          /* The last line of a member may lack its newline. */
          if (!final || p == end)
            return p;
          e = end;
        }
      reader->line++;
      line_end = e > p && e[-1] == '\r' ? e - 1 : e;
      if (line_end > p)
        {
          counts->rows++;
          if (all || _bilat_row_filter_may_match (filter, reader->format, p, line_end))
            if (!handle_row (reader, p, line_end, error))
              return NULL;
        }
      if (e == end)
        return end;
      p = e + 1;
    }
}

static gboolean
read_member (BilatReader  *reader,
             BilatInput   *input,
             GError      **error)
{
  gboolean detected = FALSE;
  gboolean bom_checked = FALSE;
  gboolean skipping = FALSE;
  gsize previous_length = 0;
  gsize previous_consumed = 1;

  reader->line = 0;
  for (;;)
    {
      const char *data;
      const char *p;
      const char *end;
      gsize length;
      gboolean at_end;
      gboolean stuck;

      if (!_bilat_input_fill (input, &data, &length, &at_end, error))
        return FALSE;
      p = data;
      end = data + length;
      /* Nothing was consumed of the last window, and it did not grow: it
       * is all one line, longer than a window. */
      stuck = !at_end && previous_consumed == 0 && length == previous_length;

      if (skipping)
        {
          /* The rest of a line too long to be a row. */
          const char *e = memchr (p, '\n', length);

          if (e == NULL)
            {
              _bilat_input_consume (input, length);
              if (at_end)
                return TRUE;
              previous_length = 0;
              previous_consumed = 1;
              continue;
            }
          p = e + 1;
          skipping = FALSE;
        }

      /* The first line that is not empty tells the format. */
      while (!detected && p < end)
        {
          const char *e = memchr (p, '\n', (gsize) (end - p));
          const char *line_end;
          gboolean header;

          if (e == NULL)
            {
              if (!at_end && !stuck)
                break;
              e = end;
            }
          if (!bom_checked)
            {
              /* A byte-order mark is no part of the data. */
              bom_checked = TRUE;
              if (e - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
                p += 3;
            }
          line_end = e > p && e[-1] == '\r' ? e - 1 : e;
          reader->line++;
          if (line_end == p)
            {
              p = e < end ? e + 1 : end;
              continue;
            }
          if (_bilat_mme_is_header (p, (gsize) (line_end - p)) ||
              reader->options->format == BILAT_EVENT_FORMAT_MME)
            {
              /* Exercises, not events: the rest of the member is MME's. */
              if (!_bilat_mme_is_header (p, (gsize) (line_end - p)))
                {
                  g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_UNKNOWN_FORMAT,
                               "%s:%" G_GUINT64_FORMAT ": not the header of MME data "
                               "(its first column is MMEID)", reader->file, reader->line);
                  return FALSE;
                }
              _bilat_input_consume (input, (gsize) (p - data));
              return _bilat_read_mme_member (input, reader->file, reader->line,
                                             reader->options, reader->report, error);
            }
          if (!detect_format (reader, p, line_end, end, &header, error))
            return FALSE;
          detected = TRUE;
          if (reader->counts->format == BILAT_EVENT_FORMAT_AUTO)
            reader->counts->format = reader->format;
          if (header)
            p = e < end ? e + 1 : end;
          else
            reader->line--;
        }

      if (detected)
        {
          const char *rest = read_lines (reader, p, end, at_end, error);

          if (rest == NULL)
            return FALSE;
          p = rest;
        }

      if (at_end)
        {
          _bilat_input_consume (input, length);
          return TRUE;
        }

      if (p == data && stuck)
        {
          reader->line++;
          reader->counts->rows++;
          if (!_bilat_reader_problem (reader, NULL, BILAT_IMPORT_ERROR_BAD_ROW, -1,
                                      "a line too long to be a row", error))
            return FALSE;
          _bilat_input_consume (input, length);
          skipping = TRUE;
          previous_length = 0;
          previous_consumed = 1;
          continue;
        }

      previous_length = length;
      previous_consumed = (gsize) (p - data);
      _bilat_input_consume (input, (gsize) (p - data));
      if (reader->options->progress != NULL)
        reader->options->progress (_bilat_input_get_bytes_read (input), reader->counts->rows,
                                   reader->options->progress_data);
    }
}

gboolean
_bilat_read_events (BilatInput             *input,
                    const BilatReadOptions *options,
                    BilatImportReport      *report,
                    GCancellable           *cancellable,
                    GError                **error)
{
  g_autofree BilatReader *reader = g_new0 (BilatReader, 1);
  g_autoptr(GError) local_error = NULL;
  const char *name;

  reader->options = options;
  reader->report = report;
  reader->counts = _bilat_import_report_counts (report);
  reader->identity = bilat_identity_get_default ();
  reader->cameo_days = _bilat_identity_get_code_days (reader->identity, BILAT_CODE_SCHEME_CAMEO);
  reader->fips_days = _bilat_identity_get_code_days (reader->identity, BILAT_CODE_SCHEME_FIPS);
  reader->iso3_days = _bilat_identity_get_code_days (reader->identity, BILAT_CODE_SCHEME_ISO3);

  while (_bilat_input_next_member (input, &name, &local_error))
    {
      reader->file = name;
      reader->format = options->format;
      reader->counts->n_files++;
      if (!read_member (reader, input, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  reader->counts->bytes += _bilat_input_get_bytes_read (input);
  if (options->progress != NULL)
    options->progress (_bilat_input_get_bytes_read (input), reader->counts->rows,
                       options->progress_data);
  return TRUE;
}
