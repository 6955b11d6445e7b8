/* bilat-native-private.h: the native store file (*.bilat)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layering: uses the store (its objects and its segment), the segment's
 * layout and the JSON format (for the objects); used by the store's
 * loading and saving (bilat-store-io.c), which tells a native file from a
 * JSON one. See docs/native-format.md for the file itself.
 */

#pragma once

#include <bilat/bilat.h>

#include "bilat-segment-private.h"

G_BEGIN_DECLS

/* The first bytes of every native file. */
#define _BILAT_NATIVE_MAGIC "BILAT\0st"
#define _BILAT_NATIVE_MAGIC_LENGTH 8

/* Whether @data starts like a native file. */
gboolean _bilat_native_detect      (const char    *data,
                                    gsize          length);

/* Writes @store to @file: a new file beside it, renamed into place. */
gboolean _bilat_native_save        (BilatStore    *store,
                                    GFile         *file,
                                    GCancellable  *cancellable,
                                    GError       **error);

/* Writes to @file what saving @store would once the deferred @segment
 * (or NULL: none) were added to it: the same bytes. @store holds no rows
 * (and keeps none); @segment is deferred no more once written. */
gboolean _bilat_native_save_deferred (BilatStore    *store,
                                      BilatSegment  *segment,
                                      GFile         *file,
                                      GCancellable  *cancellable,
                                      GError       **error);

/* Adds what the native file in @bytes holds to @store: all or nothing.
 * The store keeps a reference to @bytes (its columns stay where they
 * are). @name names the file in messages. */
gboolean _bilat_native_load_bytes  (BilatStore    *store,
                                    GBytes        *bytes,
                                    const char    *name,
                                    GError       **error);

/* The same for the file at @path, mapped into memory; @name (or the
 * path, when NULL) names it in messages. */
gboolean _bilat_native_load_path   (BilatStore    *store,
                                    const char    *path,
                                    const char    *name,
                                    GError       **error);

G_END_DECLS
