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
#include "bilat-import-private.h"
#include "bilat-problem-private.h"
#include "bilat-date-private.h"
#include "bilat-store-private.h"

/* Event-id sets. Ids are cut into chunks of 65536: a chunk holds the low
 * 16 bits of its ids in a sorted array while it has few, as a bitmap of
 * 8 KiB beyond. Ids of real datasets are dense and mostly ascending, so
 * that adding one is an append in the cached last chunk. */

#define CHUNK_BITS 16
#define CHUNK_IDS (1u << CHUNK_BITS)
#define CHUNK_ARRAY_MAX (CHUNK_IDS / 16)

typedef struct
{
  guint64  key;
  guint16 *array;
  guint32  n;
  guint32  capacity;
  guint64 *bitmap;
} IdChunk;

struct _BilatIdSet
{
  GHashTable *chunks;   /* &chunk->key → chunk */
  IdChunk    *last;
};

static void
id_chunk_free (IdChunk *chunk)
{
  g_free (chunk->array);
  g_free (chunk->bitmap);
  g_free (chunk);
}

BilatIdSet *
_bilat_id_set_new (void)
{
  BilatIdSet *self = g_new0 (BilatIdSet, 1);

  self->chunks = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                        (GDestroyNotify) id_chunk_free);
  return self;
}

void
_bilat_id_set_free (BilatIdSet *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->chunks);
  g_free (self);
}

static IdChunk *
find_chunk (BilatIdSet *self,
            guint64     key,
            gboolean    create)
{
  IdChunk *chunk;

  if (self->last != NULL && self->last->key == key)
    return self->last;
  chunk = g_hash_table_lookup (self->chunks, &key);
  if (chunk == NULL && create)
    {
      chunk = g_new0 (IdChunk, 1);
      chunk->key = key;
      g_hash_table_insert (self->chunks, &chunk->key, chunk);
    }
  if (chunk != NULL)
    self->last = chunk;
  return chunk;
}

/* The first index of @chunk's array whose value is not below @low. */
static guint32
chunk_lower_bound (const IdChunk *chunk,
                   guint16        low)
{
  guint32 begin = 0;
  guint32 end = chunk->n;

  while (begin < end)
    {
      guint32 middle = begin + (end - begin) / 2;

      if (chunk->array[middle] < low)
        begin = middle + 1;
      else
        end = middle;
    }
  return begin;
}

gboolean
_bilat_id_set_contains (BilatIdSet *self,
                        guint64     id)
{
  IdChunk *chunk = find_chunk (self, id >> CHUNK_BITS, FALSE);
  guint16 low = (guint16) (id & (CHUNK_IDS - 1));
  guint32 index;

  if (chunk == NULL)
    return FALSE;
  if (chunk->bitmap != NULL)
    return (chunk->bitmap[low / 64] >> (low % 64)) & 1;
  index = chunk_lower_bound (chunk, low);
  return index < chunk->n && chunk->array[index] == low;
}

gboolean
_bilat_id_set_add (BilatIdSet *self,
                   guint64     id)
{
  IdChunk *chunk = find_chunk (self, id >> CHUNK_BITS, TRUE);
  guint16 low = (guint16) (id & (CHUNK_IDS - 1));
  guint32 index;

  if (chunk->bitmap != NULL)
    {
      guint64 bit = G_GUINT64_CONSTANT (1) << (low % 64);

      if (chunk->bitmap[low / 64] & bit)
        return FALSE;
      chunk->bitmap[low / 64] |= bit;
      return TRUE;
    }

  if (chunk->n == 0 || chunk->array[chunk->n - 1] < low)
    index = chunk->n;
  else
    {
      index = chunk_lower_bound (chunk, low);
      if (chunk->array[index] == low)
        return FALSE;
    }

  if (chunk->n == CHUNK_ARRAY_MAX)
    {
      /* As large as the bitmap: switch to it. */
      chunk->bitmap = g_new0 (guint64, CHUNK_IDS / 64);
      for (guint32 i = 0; i < chunk->n; i++)
        chunk->bitmap[chunk->array[i] / 64] |= G_GUINT64_CONSTANT (1) << (chunk->array[i] % 64);
      chunk->bitmap[low / 64] |= G_GUINT64_CONSTANT (1) << (low % 64);
      g_clear_pointer (&chunk->array, g_free);
      chunk->n = chunk->capacity = 0;
      return TRUE;
    }
  if (chunk->n == chunk->capacity)
    {
      chunk->capacity = MAX (8, chunk->capacity * 2);
      chunk->array = g_renew (guint16, chunk->array, chunk->capacity);
    }
  memmove (chunk->array + index + 1, chunk->array + index, (chunk->n - index) * sizeof (guint16));
  chunk->array[index] = low;
  chunk->n++;
  return TRUE;
}

gboolean
_bilat_id_set_foreach (BilatIdSet           *self,
                       BilatIdSetForeachFunc func,
                       gpointer              user_data)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->chunks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const IdChunk *chunk = value;
      guint64 base = chunk->key << CHUNK_BITS;

      if (chunk->bitmap != NULL)
        {
          for (guint32 word = 0; word < CHUNK_IDS / 64; word++)
            for (guint64 bits = chunk->bitmap[word]; bits != 0; bits &= bits - 1)
              if (!func (base + word * 64 + (guint) __builtin_ctzll (bits), user_data))
                return FALSE;
        }
      else
        for (guint32 i = 0; i < chunk->n; i++)
          if (!func (base + chunk->array[i], user_data))
            return FALSE;
    }
  return TRUE;
}

/* Layouts. */

/* 0-based column indices of the GDELT fields read. */
enum
{
  GDELT_ID = 0,
  GDELT_DATE = 1,
  GDELT_ACTOR1_CODE = 5,
  GDELT_ACTOR1_NAME = 6,
  GDELT_ACTOR1_COUNTRY = 7,
  GDELT_ACTOR1_TYPE1 = 12,
  GDELT_ACTOR2_CODE = 15,
  GDELT_ACTOR2_NAME = 16,
  GDELT_ACTOR2_COUNTRY = 17,
  GDELT_ACTOR2_TYPE1 = 22,
  GDELT_ROOT = 25,
  GDELT_EVENT_CODE = 26,
  GDELT_GOLDSTEIN = 30,
  GDELT_MENTIONS = 31,
  GDELT_SOURCES = 32,
  GDELT_ARTICLES = 33,
  GDELT_TONE = 34,
  /* The action's place: GDELT 1.0, then 2.0, which adds ADM2Code. */
  GDELT1_GEO_TYPE = 49,
  GDELT1_DATE_ADDED = 56,
  GDELT1_URL = 57,
  GDELT2_GEO_TYPE = 51,
  GDELT2_DATE_ADDED = 59,
  GDELT2_URL = 60,
};

/* Offsets within a geo block. */
enum
{
  GEO_TYPE = 0,
  GEO_NAME = 1,
  GEO_COUNTRY = 2,
};

enum
{
  ICEWS_ID = 0,
  ICEWS_DATE = 1,
  ICEWS_SOURCE_NAME = 2,
  ICEWS_SOURCE_SECTORS = 3,
  ICEWS_SOURCE_COUNTRY = 4,
  ICEWS_EVENT_TEXT = 5,
  ICEWS_CODE = 6,
  ICEWS_INTENSITY = 7,
  ICEWS_TARGET_NAME = 8,
  ICEWS_TARGET_SECTORS = 9,
  ICEWS_TARGET_COUNTRY = 10,
  ICEWS_STORY = 11,
  ICEWS_PUBLISHER = 13,
  ICEWS_CITY = 14,
  ICEWS_COUNTRY = 17,
  ICEWS_LATITUDE = 18,
  ICEWS_LONGITUDE = 19,
  ICEWS_N_COLUMNS = 20,
};

#define GDELT1_N_COLUMNS 58
#define GDELT1_BACKFILE_N_COLUMNS 57
#define GDELT2_N_COLUMNS 61

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

int
_bilat_row_column (const BilatRow  *row,
                   BilatColumnRole  role)
{
  static const int gdelt[BILAT_N_COLUMN_ROLES] = {
    [BILAT_COLUMN_ID] = GDELT_ID,
    [BILAT_COLUMN_DATE] = GDELT_DATE,
    [BILAT_COLUMN_ACTOR1_CODE] = GDELT_ACTOR1_CODE,
    [BILAT_COLUMN_ACTOR1_NAME] = GDELT_ACTOR1_NAME,
    [BILAT_COLUMN_ACTOR1_COUNTRY] = GDELT_ACTOR1_COUNTRY,
    [BILAT_COLUMN_ACTOR1_TYPES] = GDELT_ACTOR1_TYPE1,
    [BILAT_COLUMN_ACTOR2_CODE] = GDELT_ACTOR2_CODE,
    [BILAT_COLUMN_ACTOR2_NAME] = GDELT_ACTOR2_NAME,
    [BILAT_COLUMN_ACTOR2_COUNTRY] = GDELT_ACTOR2_COUNTRY,
    [BILAT_COLUMN_ACTOR2_TYPES] = GDELT_ACTOR2_TYPE1,
    [BILAT_COLUMN_EVENT_CODE] = GDELT_EVENT_CODE,
    [BILAT_COLUMN_EVENT_TEXT] = -1,
    [BILAT_COLUMN_URL] = -1,
    [BILAT_COLUMN_STORY] = -1,
    [BILAT_COLUMN_PUBLISHER] = -1,
    [BILAT_COLUMN_CITY] = -1,
  };
  static const int icews[BILAT_N_COLUMN_ROLES] = {
    [BILAT_COLUMN_ID] = ICEWS_ID,
    [BILAT_COLUMN_DATE] = ICEWS_DATE,
    [BILAT_COLUMN_ACTOR1_CODE] = -1,
    [BILAT_COLUMN_ACTOR1_NAME] = ICEWS_SOURCE_NAME,
    [BILAT_COLUMN_ACTOR1_COUNTRY] = ICEWS_SOURCE_COUNTRY,
    [BILAT_COLUMN_ACTOR1_TYPES] = ICEWS_SOURCE_SECTORS,
    [BILAT_COLUMN_ACTOR2_CODE] = -1,
    [BILAT_COLUMN_ACTOR2_NAME] = ICEWS_TARGET_NAME,
    [BILAT_COLUMN_ACTOR2_COUNTRY] = ICEWS_TARGET_COUNTRY,
    [BILAT_COLUMN_ACTOR2_TYPES] = ICEWS_TARGET_SECTORS,
    [BILAT_COLUMN_EVENT_CODE] = ICEWS_CODE,
    [BILAT_COLUMN_EVENT_TEXT] = ICEWS_EVENT_TEXT,
    [BILAT_COLUMN_URL] = -1,
    [BILAT_COLUMN_STORY] = ICEWS_STORY,
    [BILAT_COLUMN_PUBLISHER] = ICEWS_PUBLISHER,
    [BILAT_COLUMN_CITY] = ICEWS_CITY,
  };

  if (row->format == BILAT_EVENT_FORMAT_ICEWS)
    return icews[role];
  if (role == BILAT_COLUMN_URL)
    {
      int url = row->format == BILAT_EVENT_FORMAT_GDELT2 ? GDELT2_URL : GDELT1_URL;

      return (guint) url < row->n_columns ? url : -1;
    }
  return gdelt[role];
}

/* Scanning. */

/* The start of the field @n tabs after @p, or NULL if the line [p, e)
 * ends first. Sixteen bytes at a time where SSE2 is there (every x86-64);
 * never reads at or past @e, which may be the end of a mapping. */
static inline const char *
skip_tabs (const char *p,
           const char *e,
           guint       n)
{
#if defined(__SSE2__)
  const __m128i tabs = _mm_set1_epi8 ('\t');

  while (p + 16 <= e)
    {
      __m128i block = _mm_loadu_si128 ((const __m128i *) p);
      guint mask = (guint) _mm_movemask_epi8 (_mm_cmpeq_epi8 (block, tabs));

      /* A few tabs per block: walking the bits beats a popcount, which
       * is a library call without -mpopcnt. */
      while (mask != 0)
        {
          if (--n == 0)
            return p + __builtin_ctz (mask) + 1;
          mask &= mask - 1;
        }
      p += 16;
    }
#endif
  while (p < e)
    if (*p++ == '\t' && --n == 0)
      return p;
  return NULL;
}

static inline gsize
field_length (const char *p,
              const char *e)
{
  const char *q = p;

  while (q < e && *q != '\t')
    q++;
  return (gsize) (q - p);
}

/* Cuts [p, e) byte by byte, the columns before @p being @n and the
 * current one starting at @start: the end of every way of cutting. */
static inline guint
split_rest (const char *p,
            const char *e,
            const char *start,
            guint       n,
            BilatField *columns,
            guint       max)
{
  for (; p < e; p++)
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
  if (n < max)
    {
      columns[n].text = start;
      columns[n].length = (gsize) (e - start);
    }
  return n + 1;
}

/* Cuts [p, e) into its columns; returns how many there are, which may be
 * more than @max (then only @max are filled). */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_SPLIT_AVX2 1

/* The same, 32 bytes at a time, for processors with AVX2. */
__attribute__ ((target ("avx2")))
static guint
split_columns_avx2 (const char *p,
                    const char *e,
                    BilatField *columns,
                    guint       max)
{
  const __m256i tabs = _mm256_set1_epi8 ('\t');
  const char *start = p;
  guint n = 0;

  for (; p + 32 <= e; p += 32)
    {
      __m256i block = _mm256_loadu_si256 ((const __m256i *) p);
      guint32 mask = (guint32) _mm256_movemask_epi8 (_mm256_cmpeq_epi8 (block, tabs));

      while (mask != 0)
        {
          const char *tab = p + __builtin_ctz (mask);

          if (n < max)
            {
              columns[n].text = start;
              columns[n].length = (gsize) (tab - start);
            }
          n++;
          start = tab + 1;
          mask &= mask - 1;
        }
    }
  return split_rest (p, e, start, n, columns, max);
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
               guint       max)
{
  const char *start = p;
  guint n = 0;

#ifdef HAVE_SPLIT_AVX2
  if (have_avx2 ())
    return split_columns_avx2 (p, e, columns, max);
#endif
#if defined(__SSE2__)
  const __m128i tabs = _mm_set1_epi8 ('\t');

  while (p + 16 <= e)
    {
      __m128i block = _mm_loadu_si128 ((const __m128i *) p);
      guint mask = (guint) _mm_movemask_epi8 (_mm_cmpeq_epi8 (block, tabs));

      while (mask != 0)
        {
          const char *tab = p + __builtin_ctz (mask);

          if (n < max)
            {
              columns[n].text = start;
              columns[n].length = (gsize) (tab - start);
            }
          n++;
          start = tab + 1;
          mask &= mask - 1;
        }
      p += 16;
    }
#endif
  return split_rest (p, e, start, n, columns, max);
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
eight_digits_value (const char *p)
{
  guint64 v;

  memcpy (&v, p, sizeof v);
  v = (v & G_GUINT64_CONSTANT (0x0F0F0F0F0F0F0F0F)) * 2561 >> 8;
  v = (v & G_GUINT64_CONSTANT (0x00FF00FF00FF00FF)) * 6553601 >> 16;
  return (v & G_GUINT64_CONSTANT (0x0000FFFF0000FFFF)) * G_GUINT64_CONSTANT (42949672960001) >> 32;
}

static inline gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
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
parse_decimal (const BilatField *field,
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

static inline int
two_digits (const char *s)
{
  return (s[0] - '0') * 10 + (s[1] - '0');
}

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!is_digit (s[i]))
      return FALSE;
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

  if (field->length != (with_time ? 14u : 8u) || !all_digits (s, field->length))
    return FALSE;
  *year = two_digits (s) * 100 + two_digits (s + 2);
  *month = two_digits (s + 4);
  *day = two_digits (s + 6);
  if (with_time && (two_digits (s + 8) > 23 || two_digits (s + 10) > 59 || two_digits (s + 12) > 60))
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

static inline guint32
ymd_number (int year,
            int month,
            int day)
{
  return (guint32) (year * 10000 + month * 100 + day);
}

static inline gboolean
field_is (const BilatField *field,
          const char       *text)
{
  gsize n = strlen (text);

  return field->length == n && memcmp (field->text, text, n) == 0;
}

/* ICEWS marks a missing value NA; an empty field is missing too. */
static inline gboolean
is_missing (const BilatField *field)
{
  return field->length == 0 || (field->length == 2 && field->text[0] == 'N' && field->text[1] == 'A');
}

/* Row filters. */

/* Sets of actor ids, looked up by a field's bytes as they are: a hash
 * table, so that a filter of thousands of actors costs what one of two
 * does. A field's bytes are compared whole, NUL bytes included: an id
 * is never the prefix of a field that has more bytes. */
typedef struct
{
  GHashTable *ids;       /* owned id → itself */
  gsize       longest;
} IdNames;

static IdNames *
id_names_new (void)
{
  IdNames *self = g_new0 (IdNames, 1);

  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

static void
id_names_free (IdNames *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->ids);
  g_free (self);
}

static void
id_names_add (IdNames    *self,
              const char *id)
{
  if (g_hash_table_contains (self->ids, id))
    return;
  self->longest = MAX (self->longest, strlen (id));
  g_hash_table_add (self->ids, g_strdup (id));
}

struct _BilatRowFilter
{
  gboolean   nothing;     /* no coded event can match */
  IdNames   *actors;      /* any of these ids, or NULL */
  IdNames   *side_a;      /* the dyad, or NULL */
  IdNames   *side_b;
  /* The same as GDELT writes them: with CAMEO's own codes (ROM for ROU). */
  IdNames   *raw_actors;
  IdNames   *raw_a;
  IdNames   *raw_b;
  gboolean   has_period;
  guint32    first_day;   /* YYYYMMDD */
  guint32    last_day;
  char       prefix[5];
  gsize      prefix_length;
  BilatQuadClass quad_class;
  char      *text;        /* case-folded */
};

/* Adds copies of @actor and, with succession, the states it continues. */
static void
add_lineage (IdNames    *ids,
             BilatStore *store,
             gboolean    follow,
             const char *actor)
{
  const char *lineage[_BILAT_LINEAGE_MAX];
  guint n = 1;

  lineage[0] = actor;
  if (follow && store != NULL)
    n = _bilat_store_get_lineage (store, actor, lineage);
  for (guint i = 0; i < n; i++)
    id_names_add (ids, lineage[i]);
}

static IdNames *
raw_codes (const IdNames *ids)
{
  IdNames *raw = id_names_new ();
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, ids->ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      const char *codes[2];
      guint n = _bilat_cameo_country_aliases (id, codes);

      for (guint j = 0; j < n; j++)
        id_names_add (raw, codes[j]);
    }
  return raw;
}

BilatRowFilter *
_bilat_row_filter_new (BilatQuery *query,
                       BilatStore *store)
{
  BilatRowFilter *self = g_new0 (BilatRowFilter, 1);
  const char * const *actors;
  const char *dyad_a;
  const char *dyad_b;
  const char *prefix;
  const char *text;
  g_autoptr(BilatDate) period = NULL;
  GType type;
  gboolean follow;

  if (query == NULL)
    return self;

  follow = bilat_query_get_follow_succession (query);
  type = bilat_query_get_event_type (query);
  /* Coded events are no exercises and have no sectors. */
  if (!g_type_is_a (BILAT_TYPE_CODED_EVENT, type) ||
      bilat_query_get_sectors (query) != BILAT_SECTOR_NONE)
    self->nothing = TRUE;

  actors = bilat_query_get_actors (query);
  if (actors != NULL && actors[0] != NULL)
    {
      self->actors = id_names_new ();
      for (guint i = 0; actors[i] != NULL; i++)
        add_lineage (self->actors, store, follow, actors[i]);
      self->raw_actors = raw_codes (self->actors);
    }
  if (bilat_query_get_dyad (query, &dyad_a, &dyad_b))
    {
      self->side_a = id_names_new ();
      self->side_b = id_names_new ();
      add_lineage (self->side_a, store, follow, dyad_a);
      add_lineage (self->side_b, store, follow, dyad_b);
      self->raw_a = raw_codes (self->side_a);
      self->raw_b = raw_codes (self->side_b);
    }

  period = bilat_query_get_period (query);
  if (period != NULL)
    {
      int year, month, day;

      self->has_period = TRUE;
      _bilat_julian_to_civil (bilat_date_get_first_julian (period), &year, &month, &day);
      self->first_day = ymd_number (year, month, day);
      _bilat_julian_to_civil (bilat_date_get_last_julian (period), &year, &month, &day);
      self->last_day = ymd_number (year, month, day);
    }

  prefix = bilat_query_get_cameo_prefix (query);
  if (prefix != NULL)
    {
      self->prefix_length = MIN (strlen (prefix), sizeof self->prefix - 1);
      memcpy (self->prefix, prefix, self->prefix_length);
    }
  self->quad_class = bilat_query_get_quad_class (query);
  text = bilat_query_get_text (query);
  if (text != NULL)
    self->text = g_utf8_casefold (text, -1);

  return self;
}

void
_bilat_row_filter_free (BilatRowFilter *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->actors, id_names_free);
  g_clear_pointer (&self->side_a, id_names_free);
  g_clear_pointer (&self->side_b, id_names_free);
  g_clear_pointer (&self->raw_actors, id_names_free);
  g_clear_pointer (&self->raw_a, id_names_free);
  g_clear_pointer (&self->raw_b, id_names_free);
  g_free (self->text);
  g_free (self);
}

static inline gboolean
set_has (const IdNames *set,
         const char    *text,
         gsize          length)
{
  char buffer[64];
  g_autofree char *copy = NULL;
  char *key = buffer;

  /* No id is longer, and none holds a NUL byte. */
  if (length > set->longest || memchr (text, '\0', length) != NULL)
    return FALSE;
  if (length >= sizeof buffer)
    key = copy = g_malloc (length + 1);
  memcpy (key, text, length);
  key[length] = '\0';
  return g_hash_table_contains (set->ids, key);
}

static inline gboolean
set_has_id (const IdNames *set,
            const char    *id)
{
  return id != NULL && g_hash_table_contains (set->ids, id);
}

/* Whether a GDELT row [p, e) can match, from its raw columns: never FALSE
 * for a row that matches; TRUE for a malformed row, for the full parse to
 * report it. */
static inline gboolean
gdelt_may_match (const BilatRowFilter *filter,
                 const char           *p,
                 const char           *e)
{
  const char *actor1;
  const char *actor2;
  gsize length1;

  if (filter->has_period)
    {
      const char *date = skip_tabs (p, e, GDELT_DATE);

      if (date != NULL && e - date > 8 && date[8] == '\t' && all_digits (date, 8))
        {
          guint32 day = (guint32) (two_digits (date) * 1000000 + two_digits (date + 2) * 10000 +
                                   two_digits (date + 4) * 100 + two_digits (date + 6));

          if (day < filter->first_day || day > filter->last_day)
            return FALSE;
        }
    }

  if (filter->prefix_length > 0)
    {
      const char *code = skip_tabs (p, e, GDELT_EVENT_CODE);

      if (code != NULL && (gsize) (e - code) > filter->prefix_length &&
          memcmp (code, filter->prefix, filter->prefix_length) != 0)
        return FALSE;
    }

  if (filter->raw_a == NULL && filter->raw_actors == NULL)
    return TRUE;

  actor1 = skip_tabs (p, e, GDELT_ACTOR1_COUNTRY);
  if (actor1 == NULL)
    return TRUE;
  length1 = field_length (actor1, e);

  if (filter->raw_a != NULL)
    {
      gboolean a1 = set_has (filter->raw_a, actor1, length1);
      gboolean b1 = set_has (filter->raw_b, actor1, length1);
      gsize length2;

      if (!a1 && !b1)
        return FALSE;
      actor2 = skip_tabs (actor1, e, GDELT_ACTOR2_COUNTRY - GDELT_ACTOR1_COUNTRY);
      if (actor2 == NULL)
        return TRUE;
      length2 = field_length (actor2, e);
      if (!((a1 && set_has (filter->raw_b, actor2, length2)) ||
            (b1 && set_has (filter->raw_a, actor2, length2))))
        return FALSE;
    }

  if (filter->raw_actors != NULL && !set_has (filter->raw_actors, actor1, length1))
    {
      actor2 = skip_tabs (actor1, e, GDELT_ACTOR2_COUNTRY - GDELT_ACTOR1_COUNTRY);
      if (actor2 != NULL && !set_has (filter->raw_actors, actor2, field_length (actor2, e)))
        return FALSE;
    }
  return TRUE;
}

/* The same for ICEWS, whose countries are names. */
static gboolean
icews_may_match (const BilatRowFilter *filter,
                 const char           *p,
                 const char           *e)
{
  const char *source;
  const char *target;
  const char *id1;
  const char *id2;

  if (filter->side_a == NULL && filter->actors == NULL)
    return TRUE;
  source = skip_tabs (p, e, ICEWS_SOURCE_COUNTRY);
  if (source == NULL)
    return TRUE;
  target = skip_tabs (source, e, ICEWS_TARGET_COUNTRY - ICEWS_SOURCE_COUNTRY);
  if (target == NULL)
    return TRUE;
  id1 = _bilat_country_from_name_len (source, field_length (source, e));
  id2 = _bilat_country_from_name_len (target, field_length (target, e));

  if (filter->side_a != NULL &&
      !((set_has_id (filter->side_a, id1) && set_has_id (filter->side_b, id2)) ||
        (set_has_id (filter->side_b, id1) && set_has_id (filter->side_a, id2))))
    return FALSE;
  if (filter->actors != NULL &&
      !set_has_id (filter->actors, id1) && !set_has_id (filter->actors, id2))
    return FALSE;
  return TRUE;
}

/* Whether a parsed row matches: the query's own semantics, on what the
 * event of the row will be. */
static gboolean
row_matches (const BilatRowFilter *filter,
             const BilatRow       *row)
{
  if (filter == NULL)
    return TRUE;
  if (filter->nothing)
    return FALSE;
  if (filter->has_period)
    {
      guint32 day = ymd_number (row->year, row->month, row->day);

      if (day < filter->first_day || day > filter->last_day)
        return FALSE;
    }
  if (filter->actors != NULL &&
      !set_has_id (filter->actors, row->actor1) && !set_has_id (filter->actors, row->actor2))
    return FALSE;
  if (filter->side_a != NULL)
    {
      /* Two different participants, one on each side. */
      if (row->actor1 == NULL || row->actor2 == NULL || strcmp (row->actor1, row->actor2) == 0)
        return FALSE;
      if (!((set_has_id (filter->side_a, row->actor1) && set_has_id (filter->side_b, row->actor2)) ||
            (set_has_id (filter->side_b, row->actor1) && set_has_id (filter->side_a, row->actor2))))
        return FALSE;
    }
  if (filter->prefix_length > 0 && strncmp (row->code, filter->prefix, filter->prefix_length) != 0)
    return FALSE;
  if (filter->quad_class != BILAT_QUAD_CLASS_NONE && row->quad_class != filter->quad_class)
    return FALSE;
  if (filter->text != NULL)
    {
      g_autoptr(GString) title = g_string_new (NULL);
      g_autofree char *folded = NULL;

      _bilat_row_append_title (row, title);
      folded = g_utf8_casefold (title->str, (gssize) title->len);
      if (strstr (folded, filter->text) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The reader. */

struct _BilatReader
{
  const BilatReadOptions *options;
  BilatImportReport      *report;
  BilatImportCounts      *counts;
  const char             *file;
  BilatEventFormat        format;
  guint64                 line;
  BilatRow                row;
};

BilatImportCounts *
_bilat_reader_counts (BilatReader *reader)
{
  return reader->counts;
}

void
_bilat_row_format_id (const BilatRow *row,
                      char            buffer[48])
{
  g_snprintf (buffer, 48, "%s:%" G_GUINT64_FORMAT, row->id_prefix, row->id);
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

/* A GDELT actor country: an id for the participant, or NULL when empty. */
static gboolean
parse_actor_country (const BilatField  *field,
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
  int url;

  *ok = FALSE;
  row->id_prefix = NULL;
  if (!parse_event_id (&row->columns[GDELT_ID], &row->id))
    return bad_value (reader, row, GDELT_ID, "not an event id of at most 17 digits", error);
  row->id_prefix = "gdelt";

  if (!parse_compact_date (&row->columns[GDELT_DATE], FALSE, &row->year, &row->month, &row->day))
    return bad_value (reader, row, GDELT_DATE, "not a date of the form YYYYMMDD", error);
  if (!parse_actor_country (&row->columns[GDELT_ACTOR1_COUNTRY], row->actor_buffers[0], &row->actor1))
    return bad_value (reader, row, GDELT_ACTOR1_COUNTRY, "not a CAMEO country code", error);
  if (!parse_actor_country (&row->columns[GDELT_ACTOR2_COUNTRY], row->actor_buffers[1], &row->actor2))
    return bad_value (reader, row, GDELT_ACTOR2_COUNTRY, "not a CAMEO country code", error);
  /* The text the event keeps: its actors' codes, names and types. */
  for (guint i = 0; i < G_N_ELEMENTS (gdelt_texts); i++)
    if ((why = text_problem (&row->columns[gdelt_texts[i]])) != NULL)
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
  row->has_coordinates = FALSE;
  if (row->columns[geo + GEO_TYPE].length > 0 &&
      (!parse_uint (&row->columns[geo + GEO_TYPE], &geo_type) || geo_type > 5))
    return bad_value (reader, row, geo + GEO_TYPE, "not a geographic type from 0 to 5", error);
  if (geo_type > 0)
    {
      int latitude = geo + (gdelt2 ? 5 : 4);

      if ((why = text_problem (&row->place_name)) != NULL)
        return bad_value (reader, row, geo + GEO_NAME, why, error);
      row->place_country = _bilat_country_from_fips_len (row->columns[geo + GEO_COUNTRY].text,
                                                         row->columns[geo + GEO_COUNTRY].length);
      if (!parse_coordinates (reader, row, latitude, latitude + 1, error, ok))
        return FALSE;
      if (!*ok)
        return TRUE;
      *ok = FALSE;
      row->has_place = row->place_name.length > 0 || row->place_country != NULL;
    }

  row->added_year = 0;
  if (row->columns[added].length > 0 &&
      !parse_compact_date (&row->columns[added], gdelt2, &row->added_year,
                           &row->added_month, &row->added_day))
    return bad_value (reader, row, added,
                      gdelt2 ? "not a time of the form YYYYMMDDHHMMSS" : "not a date of the form YYYYMMDD",
                      error);

  url = _bilat_row_column (row, BILAT_COLUMN_URL);
  if (url >= 0 && (why = text_problem (&row->columns[url])) != NULL)
    return bad_value (reader, row, url, why, error);

  *ok = TRUE;
  return TRUE;
}

/* An ICEWS country name: its code, or NULL (reported when not NA). */
static gboolean
parse_country_name (BilatReader  *reader,
                    BilatRow     *row,
                    int           column,
                    const char  **code,
                    GError      **error)
{
  const BilatField *field = &row->columns[column];
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  *code = NULL;
  if (is_missing (field))
    return TRUE;
  *code = _bilat_country_from_name_len (field->text, field->length);
  if (*code != NULL)
    return TRUE;
  /* Quoted shortened, as bad_value() quotes. */
  name = g_utf8_make_valid (field->text, (gssize) MIN (field->length, 40));
  message = g_strdup_printf ("no country code for the name “%s%s”", name, field->length > 40 ? "…" : "");
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
    if ((why = text_problem (&row->columns[texts[i]])) != NULL)
      return bad_value (reader, row, texts[i], why, error);
  if (!is_missing (&row->columns[ICEWS_STORY]) && !parse_uint64 (&row->columns[ICEWS_STORY], &story))
    return bad_value (reader, row, ICEWS_STORY, "not a story id", error);

  if (!parse_country_name (reader, row, ICEWS_SOURCE_COUNTRY, &row->actor1, error) ||
      !parse_country_name (reader, row, ICEWS_TARGET_COUNTRY, &row->actor2, error) ||
      !parse_country_name (reader, row, ICEWS_COUNTRY, &row->place_country, error))
    return FALSE;

  row->place_name.text = "";
  row->place_name.length = 0;
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
  row->n_columns = split_columns (p, e, row->columns, _BILAT_MAX_COLUMNS);

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

  if (!row_matches (reader->options->filter, row))
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
  gboolean icews = reader->format == BILAT_EVENT_FORMAT_ICEWS;
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
          if (all || (icews ? icews_may_match (filter, p, line_end)
                            : gdelt_may_match (filter, p, line_end)))
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

/* Events from rows. */

static void
append_field (GString          *out,
              const BilatField *field)
{
  g_string_append_len (out, field->text, (gssize) field->length);
}

static const BilatField *
column (const BilatRow  *row,
        BilatColumnRole  role)
{
  int index = _bilat_row_column (row, role);

  return index >= 0 ? &row->columns[index] : NULL;
}

/* The name of one side of the event: its name, else its code. */
static void
append_actor (GString        *out,
              const BilatRow *row,
              BilatColumnRole name,
              BilatColumnRole code)
{
  const BilatField *field = column (row, name);

  if (field != NULL && !is_missing (field))
    append_field (out, field);
  else if ((field = column (row, code)) != NULL && field->length > 0)
    append_field (out, field);
  else
    g_string_append (out, "?");
}

void
_bilat_row_append_title (const BilatRow *row,
                         GString        *out)
{
  const BilatField *what = column (row, BILAT_COLUMN_EVENT_TEXT);
  const BilatField *target_name = column (row, BILAT_COLUMN_ACTOR2_NAME);
  const BilatField *target_code = column (row, BILAT_COLUMN_ACTOR2_CODE);

  append_actor (out, row, BILAT_COLUMN_ACTOR1_NAME, BILAT_COLUMN_ACTOR1_CODE);
  if ((target_name != NULL && !is_missing (target_name)) ||
      (target_code != NULL && target_code->length > 0))
    {
      g_string_append (out, " → ");
      append_actor (out, row, BILAT_COLUMN_ACTOR2_NAME, BILAT_COLUMN_ACTOR2_CODE);
    }
  g_string_append (out, ": ");
  if (what != NULL && !is_missing (what))
    append_field (out, what);
  else if (row->code[0] != '\0')
    {
      const char *name = bilat_cameo_get_name (row->code);

      g_string_append (out, name != NULL ? name : row->code);
    }
  else
    g_string_append (out, "?");
}

char *
_bilat_row_source_id (const BilatRow *row)
{
  const BilatField *story = column (row, BILAT_COLUMN_STORY);
  const BilatField *url = column (row, BILAT_COLUMN_URL);

  if (story != NULL && !is_missing (story))
    return g_strdup_printf ("icews-story:%.*s", (int) story->length, story->text);
  if (url != NULL && url->length > 0)
    {
      /* Ids are short and plain; the URL itself is the source's. The
       * same URL gives the same id in every import. */
      g_autofree char *digest = g_compute_checksum_for_data (G_CHECKSUM_SHA1,
                                                              (const guchar *) url->text,
                                                              url->length);

      return g_strdup_printf ("url:%.16s", digest);
    }
  return NULL;
}

static char *
field_dup (const BilatField *field)
{
  if (field == NULL || is_missing (field))
    return NULL;
  return g_strndup (field->text, field->length);
}

BilatSource *
_bilat_row_to_source (const BilatRow *row)
{
  g_autofree char *id = _bilat_row_source_id (row);
  g_autofree char *url = field_dup (column (row, BILAT_COLUMN_URL));
  g_autofree char *publisher = field_dup (column (row, BILAT_COLUMN_PUBLISHER));
  BilatSource *source;

  if (id == NULL)
    return NULL;
  source = bilat_source_new (id);
  if (url != NULL)
    bilat_source_set_url (source, url);
  if (publisher != NULL)
    bilat_source_set_publisher (source, publisher);
  return source;
}

/* GDELT's three type codes, or ICEWS's sectors, comma-separated. */
static char *
actor_types (const BilatRow *row,
             BilatColumnRole role)
{
  const BilatField *first = column (row, role);
  GString *types;

  if (first == NULL)
    return NULL;
  if (row->format == BILAT_EVENT_FORMAT_ICEWS)
    return field_dup (first);

  types = g_string_new (NULL);
  for (guint i = 0; i < 3; i++)
    if (first[i].length > 0)
      {
        if (types->len > 0)
          g_string_append_c (types, ',');
        append_field (types, &first[i]);
      }
  if (types->len == 0)
    {
      g_string_free (types, TRUE);
      return NULL;
    }
  return g_string_free (types, FALSE);
}

static BilatPlace *
row_place (const BilatRow *row)
{
  g_autofree char *name = NULL;

  if (!row->has_place)
    return NULL;
  if (row->format == BILAT_EVENT_FORMAT_ICEWS)
    {
      GString *joined = g_string_new (NULL);

      for (int i = ICEWS_CITY; i <= ICEWS_COUNTRY; i++)
        if (!is_missing (&row->columns[i]))
          {
            if (joined->len > 0)
              g_string_append (joined, ", ");
            append_field (joined, &row->columns[i]);
          }
      name = g_string_free (joined, joined->len == 0);
    }
  else if (row->place_name.length > 0)
    name = g_strndup (row->place_name.text, row->place_name.length);

  if (name == NULL && row->place_country == NULL)
    return NULL;
  if (row->has_coordinates)
    return bilat_place_new_with_coordinates (name, NULL, row->place_country,
                                             row->latitude, row->longitude);
  return bilat_place_new (name, NULL, row->place_country);
}

BilatCodedEvent *
_bilat_row_to_event (const BilatRow *row,
                     const char     *source_id)
{
  g_autoptr(BilatDate) date = bilat_date_new_day (row->year, row->month, row->day, NULL);
  g_autoptr(BilatPlace) place = row_place (row);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *actor1_types = actor_types (row, BILAT_COLUMN_ACTOR1_TYPES);
  g_autofree char *actor2_types = actor_types (row, BILAT_COLUMN_ACTOR2_TYPES);
  g_autofree char *actor1_code = field_dup (column (row, BILAT_COLUMN_ACTOR1_CODE));
  g_autofree char *actor1_name = field_dup (column (row, BILAT_COLUMN_ACTOR1_NAME));
  g_autofree char *actor2_code = field_dup (column (row, BILAT_COLUMN_ACTOR2_CODE));
  g_autofree char *actor2_name = field_dup (column (row, BILAT_COLUMN_ACTOR2_NAME));
  g_autofree char *url = field_dup (column (row, BILAT_COLUMN_URL));
  BilatCodedEvent *coded;
  BilatEvent *event;
  char id[48];

  _bilat_row_format_id (row, id);
  coded = bilat_coded_event_new (id, row->format);
  event = BILAT_EVENT (coded);

  bilat_event_set_date (event, date);
  if (row->actor1 != NULL)
    bilat_event_add_participant (event, row->actor1, BILAT_ROLE_INITIATOR);
  if (row->actor2 != NULL && g_strcmp0 (row->actor1, row->actor2) != 0)
    bilat_event_add_participant (event, row->actor2, BILAT_ROLE_TARGET);
  if (row->code[0] != '\0')
    bilat_event_set_cameo_code (event, row->code);
  if (row->goldstein_given)
    {
      double table = row->code[0] != '\0' ? bilat_cameo_get_goldstein (row->code) : NAN;

      /* The file wins where it differs from the table. */
      if (isnan (table) || table != row->goldstein)
        bilat_event_set_goldstein (event, row->goldstein);
    }
  _bilat_row_append_title (row, title);
  bilat_event_set_title (event, title->str);
  if (place != NULL)
    bilat_event_set_place (event, place);
  if (source_id != NULL)
    {
      g_autoptr(BilatCitation) citation = bilat_citation_new (source_id, 0, -1, -1, NULL);

      bilat_record_add_citation (BILAT_RECORD (event), citation);
    }

  bilat_coded_event_set_actor1_code (coded, actor1_code);
  bilat_coded_event_set_actor1_name (coded, actor1_name);
  bilat_coded_event_set_actor1_types (coded, actor1_types);
  bilat_coded_event_set_actor2_code (coded, actor2_code);
  bilat_coded_event_set_actor2_name (coded, actor2_name);
  bilat_coded_event_set_actor2_types (coded, actor2_types);
  bilat_coded_event_set_root_event (coded, row->root_event);
  bilat_coded_event_set_mentions (coded, row->mentions);
  bilat_coded_event_set_sources (coded, row->sources);
  bilat_coded_event_set_articles (coded, row->articles);
  bilat_coded_event_set_tone (coded, row->tone);
  bilat_coded_event_set_url (coded, url);
  if (row->added_year != 0)
    {
      g_autoptr(BilatDate) added = bilat_date_new_day (row->added_year, row->added_month,
                                                       row->added_day, NULL);

      bilat_coded_event_set_date_added (coded, added);
    }
  return coded;
}
