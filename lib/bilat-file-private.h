/* bilat-file-private.h: replacing a file so that it never tears
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A save writes a new file beside the target and renames it into place,
 * as SQLite and git do: until the rename the target is the old file, and
 * after it the new one, whatever happens in between (an error, a full
 * disk, a kill, a power cut once the data is synced). Where the system
 * allows, the new file has no name at all until it is complete
 * (O_TMPFILE): a process killed while writing leaves nothing behind.
 * The target is replaced, not written through: a second hard link keeps
 * the old contents, and a target that is not a regular file (a device, a
 * directory) is refused.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _BilatAtomicFile BilatAtomicFile;

/* Starts replacing @file. NULL with @error set when the target cannot be
 * replaced (not a regular file, a directory that cannot be written, an
 * empty name). A file that is not local (GVfs) is replaced through
 * g_file_replace(), as atomically as its backend can. */
BilatAtomicFile *_bilat_atomic_file_new        (GFile            *file,
                                                GError          **error);

/* Where to write the new contents; owned by @self. */
GOutputStream   *_bilat_atomic_file_get_stream (BilatAtomicFile  *self);

/* Syncs the new file and puts it in place of the target. On failure
 * nothing is left of the new file. */
gboolean         _bilat_atomic_file_commit     (BilatAtomicFile  *self,
                                                GError          **error);

/* Frees @self; a file not committed is removed. */
void             _bilat_atomic_file_free       (BilatAtomicFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BilatAtomicFile, _bilat_atomic_file_free)

G_END_DECLS
