/* bilat-bulk-strings-private.h: the compressed strings of a mapped segment
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layering: below both the segment, which reads them, and the native file
 * (bilat-native.c), which writes them and maps them into a segment.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a bulk string is: its block, and its offset in the block once
 * decompressed. An entry of the section "bulk.index". */
typedef struct
{
  guint32 block;
  guint32 offset;
} BulkRef;

/* The URLs, titles and citation ids of a mapped segment, which are read
 * only when an event is made: zstd frames (blocks) of strings. */
typedef struct _BilatBulkStrings BilatBulkStrings;

/* Strings over the mapped sections of a checked file, which must outlive
 * them: @index has @n_strings entries (entry 0 unused), @block_offsets
 * @n_blocks + 1 offsets into the @blocks_size bytes at @blocks. */
BilatBulkStrings *_bilat_bulk_strings_new   (const BulkRef    *index,
                                             guint             n_strings,
                                             const guint64    *block_offsets,
                                             guint             n_blocks,
                                             const guint8     *blocks,
                                             guint64           blocks_size);
void              _bilat_bulk_strings_free  (BilatBulkStrings *bulk);

/* The string @index (0 or out of range: NULL), valid until the next call
 * on @bulk. */
const char       *_bilat_bulk_strings_get   (BilatBulkStrings *bulk,
                                             guint32           index);
guint             _bilat_bulk_strings_get_n (BilatBulkStrings *bulk);

G_END_DECLS
