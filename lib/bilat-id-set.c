/* bilat-id-set.c: exact sets of event ids
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * An import keeps the ids of the events it has seen, to drop the repeats
 * that GDELT's daily files hold: tens of millions of ids, which a hash
 * table would keep at some 40 bytes each.
 */

#include <glib.h>

#include "bilat-id-set-private.h"

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
