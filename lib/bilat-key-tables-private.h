/* bilat-key-tables-private.h: a small hash table of fixed-size keys
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layering: GLib only; used by the segment builder (bilat-segment.c),
 * and here rather than there so that tests reach it. A key is 96 bits
 * (@high, and @low, which is never 0) and its value a guint32: the
 * builder's title memo ((side, side) and code + 1 → title) and its count
 * of rows by pair of actors (the pair's key and 1 → count, then place).
 *
 * Open addressing with linear probing, at most half full, each slot
 * holding its key and its value: a look-up of a key in the table reads
 * one slot or a few neighbours, with no call. Inline, since a look-up is
 * made for each row of an import.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64 high;
  guint32 low;         /* 0: an empty slot */
  guint32 value;
} KeySlot;

typedef struct
{
  KeySlot *slots;
  guint    mask;
  guint    n_used;
} KeyTable;

static inline void
key_table_init (KeyTable *table)
{
  table->mask = 255;
  table->slots = g_new0 (KeySlot, table->mask + 1);
  table->n_used = 0;
}

static inline void
key_table_clear (KeyTable *table)
{
  g_clear_pointer (&table->slots, g_free);
}

/* Where the probe for (@high, @low) starts in a table of @mask + 1 slots. */
static inline guint
key_table_hash (guint64 high,
                guint32 low,
                guint   mask)
{
  guint64 mixed = high * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) ^
                  (guint64) low * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F);

  return (guint) (mixed >> 32) & mask;
}

/* The slot of (@high, @low), added (with value 0) if new; valid until the
 * next look-up. @low must not be 0. */
static inline KeySlot *
key_table_lookup (KeyTable *table,
                  guint64   high,
                  guint32   low)
{
  guint i;

  for (i = key_table_hash (high, low, table->mask); table->slots[i].low != 0; i = (i + 1) & table->mask)
    if (table->slots[i].low == low && table->slots[i].high == high)
      return &table->slots[i];
  if ((table->n_used + 1) * 2 > table->mask + 1)
    {
      KeySlot *old = table->slots;
      guint old_size = table->mask + 1;

      table->mask = table->mask * 2 + 1;
      table->slots = g_new0 (KeySlot, table->mask + 1);
      for (guint e = 0; e < old_size; e++)
        if (old[e].low != 0)
          {
            guint j;

            for (j = key_table_hash (old[e].high, old[e].low, table->mask); table->slots[j].low != 0;
                 j = (j + 1) & table->mask)
              ;
            table->slots[j] = old[e];
          }
      g_free (old);
      for (i = key_table_hash (high, low, table->mask); table->slots[i].low != 0; i = (i + 1) & table->mask)
        ;
    }
  table->slots[i].high = high;
  table->slots[i].low = low;
  table->slots[i].value = 0;
  table->n_used++;
  return &table->slots[i];
}

G_END_DECLS
