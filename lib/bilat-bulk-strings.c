/* bilat-bulk-strings.c: the compressed strings of a mapped segment
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Strings that are read only when an event is made are kept by a native
 * file in zstd blocks of 64 KiB (see bilat-native.c and
 * docs/native-format.md). A string is found by its block and offset; the
 * last block decompressed is kept, since the events made one after
 * another mostly have their strings in the same block.
 */

#include <zstd.h>

#include "bilat-bulk-strings-private.h"

struct _BilatBulkStrings
{
  const BulkRef *index;        /* per string; entry 0 unused */
  guint          n_strings;
  const guint64 *block_offsets; /* n_blocks + 1, into blocks */
  guint          n_blocks;
  const guint8  *blocks;
  guint64        blocks_size;

  /* The last block decompressed. */
  GMutex         lock;
  guint          cached;       /* block + 1, 0: none */
  char          *buffer;
  gsize          buffer_length;
  ZSTD_DCtx     *context;
};

BilatBulkStrings *
_bilat_bulk_strings_new (const BulkRef *index,
                         guint          n_strings,
                         const guint64 *block_offsets,
                         guint          n_blocks,
                         const guint8  *blocks,
                         guint64        blocks_size)
{
  BilatBulkStrings *bulk = g_new0 (BilatBulkStrings, 1);

  g_mutex_init (&bulk->lock);
  bulk->index = index;
  bulk->n_strings = n_strings;
  bulk->block_offsets = block_offsets;
  bulk->n_blocks = n_blocks;
  bulk->blocks = blocks;
  bulk->blocks_size = blocks_size;
  bulk->context = ZSTD_createDCtx ();
  return bulk;
}

guint
_bilat_bulk_strings_get_n (BilatBulkStrings *bulk)
{
  return bulk->n_strings;
}

void
_bilat_bulk_strings_free (BilatBulkStrings *bulk)
{
  g_mutex_clear (&bulk->lock);
  g_free (bulk->buffer);
  ZSTD_freeDCtx (bulk->context);
  g_free (bulk);
}

const char *
_bilat_bulk_strings_get (BilatBulkStrings *bulk,
                         guint32           index)
{
  const BulkRef *ref;

  if (index == 0 || index >= bulk->n_strings)
    return NULL;
  ref = &bulk->index[index];

  g_mutex_lock (&bulk->lock);
  if (bulk->cached != ref->block + 1)
    {
      const guint8 *frame = bulk->blocks + bulk->block_offsets[ref->block];
      gsize frame_size = bulk->block_offsets[ref->block + 1] - bulk->block_offsets[ref->block];
      unsigned long long raw = ZSTD_getFrameContentSize (frame, frame_size);
      size_t done;

      /* Checked at load: every frame decompresses to its stated size. */
      if (raw > bulk->buffer_length)
        {
          g_free (bulk->buffer);
          bulk->buffer = g_malloc ((gsize) raw + 1);
          bulk->buffer_length = (gsize) raw;
        }
      done = ZSTD_decompressDCtx (bulk->context, bulk->buffer, bulk->buffer_length, frame, frame_size);
      g_assert (!ZSTD_isError (done) && done == raw);
      bulk->cached = ref->block + 1;
    }
  g_mutex_unlock (&bulk->lock);
  return bulk->buffer + ref->offset;
}
