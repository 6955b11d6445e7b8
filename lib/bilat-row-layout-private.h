/* bilat-row-layout-private.h: the columns of GDELT and ICEWS rows
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * For the files that read rows as they are in the data: the reader
 * (bilat-import-reader.c), the row filters (bilat-row-filter.c) and the
 * conversion of rows to events (bilat-row-event.c). Others go by the
 * roles of the columns (bilat-row-event-private.h).
 */

#pragma once

#if defined(__SSE2__)
# include <emmintrin.h>
#endif

#include "bilat-import-private.h"

G_BEGIN_DECLS

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

/* Fields. */

static inline gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static inline int
two_digits (const char *s)
{
  return (s[0] - '0') * 10 + (s[1] - '0');
}

static inline gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!is_digit (s[i]))
      return FALSE;
  return TRUE;
}

static inline guint32
ymd_number (int year,
            int month,
            int day)
{
  return (guint32) (year * 10000 + month * 100 + day);
}

/* ICEWS marks a missing value NA; an empty field is missing too. */
static inline gboolean
is_missing (const BilatField *field)
{
  return field->length == 0 || (field->length == 2 && field->text[0] == 'N' && field->text[1] == 'A');
}

G_END_DECLS
