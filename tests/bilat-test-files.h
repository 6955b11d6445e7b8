/* bilat-test-files.h: the fixtures of tests/data/import, and compressed
 * and archived copies of them, for the C tests of the readers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Include after <cmocka.h>, <bilat/bilat.h>, "bilat-test-util.h", <archive.h>,
 * <archive_entry.h> and <zlib.h>. The helpers are static inline: each test
 * program uses some of them.
 */

#pragma once

static inline char *
fixture_path (const char *name)
{
  const char *srcdir = g_getenv ("BILAT_TEST_SRCDIR");

  return g_build_filename (srcdir != NULL ? srcdir : ".", "data", "import", name, NULL);
}

static inline GFile *
fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);

  return g_file_new_for_path (path);
}

static inline GBytes *
fixture_bytes (const char *name)
{
  g_autofree char *path = fixture_path (name);

  return test_file_bytes (path);
}

/* gzip of @data, as one member. */
static inline GBytes *
gzip_bytes (const void *data,
            gsize       length)
{
  z_stream z = { 0 };
  gsize capacity = length + length / 2 + 1024;
  guchar *out = g_malloc (capacity);

  assert_int_equal (deflateInit2 (&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  z.next_in = (Bytef *) data;
  z.avail_in = (uInt) length;
  z.next_out = out;
  z.avail_out = (uInt) capacity;
  assert_int_equal (deflate (&z, Z_FINISH), Z_STREAM_END);
  deflateEnd (&z);
  return g_bytes_new_take (out, z.total_out);
}

/* A zip archive of the fixtures @names, written with libarchive with the
 * format @options ("compression=store", "zip64", or NULL), after a folder
 * entry @folder (or none). */
static inline void
write_zip_with (const char         *path,
                const char * const *names,
                const char         *options,
                const char         *folder)
{
  struct archive *zip = archive_write_new ();

  archive_write_set_format_zip (zip);
  if (options != NULL)
    assert_int_equal (archive_write_set_format_option (zip, "zip", options, "1") == ARCHIVE_OK ||
                      archive_write_set_options (zip, options) == ARCHIVE_OK, TRUE);
  assert_int_equal (archive_write_open_filename (zip, path), ARCHIVE_OK);
  if (folder != NULL)
    {
      struct archive_entry *entry = archive_entry_new ();

      archive_entry_set_pathname (entry, folder);
      archive_entry_set_filetype (entry, AE_IFDIR);
      archive_entry_set_perm (entry, 0755);
      assert_int_equal (archive_write_header (zip, entry), ARCHIVE_OK);
      archive_entry_free (entry);
    }
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GBytes) bytes = fixture_bytes (names[i]);
      struct archive_entry *entry = archive_entry_new ();
      gsize length;
      const void *data = g_bytes_get_data (bytes, &length);

      archive_entry_set_pathname (entry, names[i]);
      archive_entry_set_size (entry, (la_int64_t) length);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      assert_int_equal (archive_write_header (zip, entry), ARCHIVE_OK);
      assert_int_equal (archive_write_data (zip, data, length), (la_ssize_t) length);
      archive_entry_free (entry);
    }
  archive_write_close (zip);
  archive_write_free (zip);
}

static inline void
write_zip (const char         *path,
           const char * const *names)
{
  write_zip_with (path, names, NULL, NULL);
}

/* A file of the shared data folder (the option shared_data, as
 * BILAT_SHARED_DATA), or NULL with a message saying why the caller skips
 * it: the option is not set, or the file is absent. */
static inline GFile *
shared_data_file (const char *relative)
{
  const char *folder = g_getenv ("BILAT_SHARED_DATA");
  g_autofree char *path = NULL;

  if (folder == NULL || folder[0] == '\0')
    {
      print_message ("# SKIP %s: BILAT_SHARED_DATA is not set (configure with -Dshared_data=DIR)\n",
                     relative);
      return NULL;
    }
  path = g_build_filename (folder, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      print_message ("# SKIP %s: not in the shared data folder\n", relative);
      return NULL;
    }
  return g_file_new_for_path (path);
}
