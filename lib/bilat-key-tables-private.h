/* bilat-key-tables-private.h: two small hash tables of fixed-size keys
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layering: GLib only; used by the segment builder (bilat-segment.c),
 * and here rather than there so that tests reach them. Open addressing
 * with linear probing, at most half full, each slot holding its key and
 * its value: a look-up of a key in the table reads one slot or a few
 * neighbours, with no call. Inline, since a look-up is made for each
 * row of an import.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Pairs of actor slots → a count, then a place: open addressing on the
 * pair's key + 1 (0: empty). A few hundred pairs in most stores, looked
 * up once a row in each of two passes. */
typedef struct
{
  guint64 key;
  guint32 value;
} PairEntry;

typedef struct
{
  PairEntry *entries;
  guint      mask;
  guint      n_used;
} PairTable;

static inline void
pair_table_init (PairTable *table)
{
  table->mask = 255;
  table->entries = g_new0 (PairEntry, table->mask + 1);
  table->n_used = 0;
}

static inline void
pair_table_clear (PairTable *table)
{
  g_clear_pointer (&table->entries, g_free);
}

/* The key of the pair of actor slots (+ 1) @s and @t: lower << 32 | higher. */
static inline guint64
pair_key (guint32 s,
          guint32 t)
{
  return (guint64) (MIN (s, t) - 1) << 32 | (MAX (s, t) - 1);
}

static inline guint
pair_hash (guint64 key,
           guint   mask)
{
  return (guint) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32) & mask;
}

/* The entry of @key, added (with value 0) if new. */
static inline PairEntry *
pair_table_lookup (PairTable *table,
                   guint64    key)
{
  guint i;

  for (i = pair_hash (key, table->mask); table->entries[i].key != 0; i = (i + 1) & table->mask)
    if (table->entries[i].key == key + 1)
      return &table->entries[i];
  if ((table->n_used + 1) * 2 > table->mask + 1)
    {
      PairEntry *old = table->entries;
      guint old_size = table->mask + 1;

      table->mask = table->mask * 2 + 1;
      table->entries = g_new0 (PairEntry, table->mask + 1);
      for (guint e = 0; e < old_size; e++)
        if (old[e].key != 0)
          {
            guint j;

            for (j = pair_hash (old[e].key - 1, table->mask); table->entries[j].key != 0; j = (j + 1) & table->mask)
              ;
            table->entries[j] = old[e];
          }
      g_free (old);
      for (i = pair_hash (key, table->mask); table->entries[i].key != 0; i = (i + 1) & table->mask)
        ;
    }
  table->entries[i].key = key + 1;
  table->entries[i].value = 0;
  table->n_used++;
  return &table->entries[i];
}

/* (side, side, code) → the row's title (string + 1; 1: derived from
 * them), for rows without an event text: open addressing, each slot
 * with its key, so that a look-up reads one slot. */
typedef struct
{
  guint32 side[2];
  guint32 code;        /* the code's entry + 1; 0: an empty slot */
  guint32 value;       /* 0: not worked out yet */
} TitleSlot;

typedef struct
{
  TitleSlot *slots;
  guint      mask;
  guint      n_used;
} TitleMemo;

static inline void
title_memo_init (TitleMemo *memo)
{
  memo->mask = 255;
  memo->slots = g_new0 (TitleSlot, memo->mask + 1);
  memo->n_used = 0;
}

static inline guint
title_hash (guint32 side0,
            guint32 side1,
            guint32 code)
{
  guint64 key = ((guint64) side0 << 32 | side1) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) ^
                (guint64) code * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F);

  return (guint) (key >> 32);
}

/* The slot of (@side0, @side1, @code), added (with value 0) if new;
 * valid until the next look-up. */
static inline TitleSlot *
title_memo_lookup (TitleMemo *memo,
                   guint32    side0,
                   guint32    side1,
                   guint32    code)
{
  guint i;

  for (i = title_hash (side0, side1, code) & memo->mask; memo->slots[i].code != 0; i = (i + 1) & memo->mask)
    if (memo->slots[i].code == code + 1 && memo->slots[i].side[0] == side0 && memo->slots[i].side[1] == side1)
      return &memo->slots[i];
  if ((memo->n_used + 1) * 2 > memo->mask + 1)
    {
      TitleSlot *old = memo->slots;
      guint old_size = memo->mask + 1;

      memo->mask = memo->mask * 2 + 1;
      memo->slots = g_new0 (TitleSlot, memo->mask + 1);
      for (guint e = 0; e < old_size; e++)
        if (old[e].code != 0)
          {
            guint j;

            for (j = title_hash (old[e].side[0], old[e].side[1], old[e].code - 1) & memo->mask;
                 memo->slots[j].code != 0; j = (j + 1) & memo->mask)
              ;
            memo->slots[j] = old[e];
          }
      g_free (old);
      for (i = title_hash (side0, side1, code) & memo->mask; memo->slots[i].code != 0; i = (i + 1) & memo->mask)
        ;
    }
  memo->slots[i].side[0] = side0;
  memo->slots[i].side[1] = side1;
  memo->slots[i].code = code + 1;
  memo->slots[i].value = 0;
  memo->n_used++;
  return &memo->slots[i];
}

static inline void
title_memo_clear (TitleMemo *memo)
{
  g_clear_pointer (&memo->slots, g_free);
}

G_END_DECLS
