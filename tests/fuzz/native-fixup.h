/* native-fixup.h: native store files made consistent after mutation
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Fuzzed native files rarely pass the checksums. When the high bit of the
 * last header byte (a zero field) is set, fix_checksums() clears it and
 * fixes the file up as docs/native-format.md lays it out: the file size in
 * the header, each section's checksum, the directory's and the header's.
 * Used by fuzz-native and by the test of the known bugs it found.
 */

#pragma once

#include <glib.h>
#include <xxhash.h>

static inline gboolean
wants_fixup (const guint8 *data,
             gsize         size)
{
  return size >= 64 && (data[63] & 0x80) != 0;
}

static inline guint64
read_u64 (const guint8 *p)
{
  guint64 value = 0;

  for (int i = 7; i >= 0; i--)
    value = value << 8 | p[i];
  return value;
}

static inline void
write_u64 (guint8  *p,
           guint64  value)
{
  for (int i = 0; i < 8; i++, value >>= 8)
    p[i] = (guint8) value;
}

static inline void
fix_checksums (guint8 *file,
               gsize   size)
{
  guint32 n_sections;
  guint64 directory;

  file[63] &= 0x7f;
  write_u64 (file + 24, size);
  n_sections = (guint32) file[12] | (guint32) file[13] << 8 | (guint32) file[14] << 16 |
               (guint32) file[15] << 24;
  directory = read_u64 (file + 16);
  if (directory <= size && n_sections <= (size - directory) / 64)
    {
      for (guint32 i = 0; i < n_sections; i++)
        {
          guint8 *entry = file + directory + (gsize) i * 64;
          guint64 offset = read_u64 (entry + 24);
          guint64 length = read_u64 (entry + 32);

          if (offset <= size && length <= size - offset)
            write_u64 (entry + 56, XXH3_64bits (file + offset, length));
        }
      write_u64 (file + 32, XXH3_64bits (file + directory, (gsize) n_sections * 64));
    }
  write_u64 (file + 40, XXH3_64bits (file, 40));
}

