/* fuzz-events.c: the event-file readers (GDELT 1.0/2.0, ICEWS, MME), from
 * memory, plain, gzip-compressed or in a zip archive; what import keeps,
 * series counts, and the store counts the same
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The first byte of the input chooses the wrapping and the query; the
 * rest is the file. A seed is a plain fixture with a 0 byte in front.
 */

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

#include "fuzz-common.h"
#include "bilat-inflate-private.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

static GBytes *
gzip_bytes (const uint8_t *data,
            size_t         size)
{
  z_stream z = { 0 };
  gsize capacity = compressBound ((uLong) size) + 64;
  guchar *out = g_malloc (capacity);

  if (deflateInit2 (&z, 1, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    abort ();
  z.next_in = (Bytef *) data;
  z.avail_in = (uInt) size;
  z.next_out = out;
  z.avail_out = (uInt) capacity;
  if (deflate (&z, Z_FINISH) != Z_STREAM_END)
    abort ();
  deflateEnd (&z);
  return g_bytes_new_take (out, z.total_out);
}

static GBytes *
zip_bytes (const uint8_t *data,
           size_t         size)
{
  struct archive *zip = archive_write_new ();
  struct archive_entry *entry = archive_entry_new ();
  gsize capacity = size + 4096;
  guchar *out = g_malloc (capacity);
  size_t used = 0;

  archive_write_set_format_zip (zip);
  if (archive_write_open_memory (zip, out, capacity, &used) != ARCHIVE_OK)
    abort ();
  archive_entry_set_pathname (entry, "events.CSV");
  archive_entry_set_size (entry, (la_int64_t) size);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  if (archive_write_header (zip, entry) != ARCHIVE_OK ||
      archive_write_data (zip, data, size) != (la_ssize_t) size)
    abort ();
  archive_entry_free (entry);
  archive_write_close (zip);
  archive_write_free (zip);
  return g_bytes_new_take (out, used);
}

static GInputStream *
stream_of (GBytes *bytes)
{
  return g_memory_input_stream_new_from_bytes (bytes);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const queries[] = { NULL, "actor:PAK", "dyad:PAK,RUS", "from:2018-10 cameo:04" };
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatImporter) importer = bilat_importer_new ();
  g_autoptr(BilatQuery) query = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) import_stream = NULL;
  g_autoptr(GInputStream) series_stream = NULL;
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(BilatImportReport) series_report = NULL;
  g_autoptr(BilatSeries) series = NULL;
  g_autoptr(BilatSeries) counted = NULL;
  g_autoptr(GError) import_error = NULL;
  g_autoptr(GError) series_error = NULL;
  g_autofree char *saved = NULL;
  guint mode;
  guint64 total = 0;

  if (size < 1 || size > 1 << 20)
    return 0;
  mode = data[0];
  data++;
  size--;

  switch (mode % 4)
    {
    case 0:
    case 3:
      /* Mode 3: the bytes as they are, so that the gzip and zip readers
       * see damaged and forged containers; checked below against the
       * other inflater as well. */
      bytes = g_bytes_new (data, size);
      break;
    case 1:
      bytes = gzip_bytes (data, size);
      break;
    default:
      bytes = zip_bytes (data, size);
      break;
    }
  if (queries[(mode / 3) % G_N_ELEMENTS (queries)] != NULL)
    query = bilat_query_parse (queries[(mode / 3) % G_N_ELEMENTS (queries)], NULL);

  bilat_importer_set_query (importer, query);
  import_stream = stream_of (bytes);
  report = bilat_importer_import_stream (importer, store, import_stream, "fuzz", &import_error);
  series_stream = stream_of (bytes);
  series = bilat_importer_compute_series_from_stream (importer, series_stream, "fuzz", BILAT_SERIES_UNIT_DAY,
                                                      &series_report, &series_error);

  /* ISA-L and zlib read the same bytes, or refuse them both. */
  if (mode % 4 == 3 && _bilat_inflate_has_backend (BILAT_INFLATE_BACKEND_ISAL))
    {
      g_autoptr(GInputStream) zlib_stream = stream_of (bytes);
      g_autoptr(GError) zlib_error = NULL;
      g_autoptr(BilatSeries) zlib_series = NULL;

      _bilat_inflate_set_backend (BILAT_INFLATE_BACKEND_ZLIB);
      zlib_series = bilat_importer_compute_series_from_stream (importer, zlib_stream, "fuzz",
                                                               BILAT_SERIES_UNIT_DAY, NULL, &zlib_error);
      _bilat_inflate_set_backend (BILAT_INFLATE_BACKEND_DEFAULT);
      FUZZ_CHECK ((zlib_series == NULL) == (series == NULL), "ISA-L: %s; zlib: %s",
                  series_error ? series_error->message : "ok", zlib_error ? zlib_error->message : "ok");
      FUZZ_CHECK (series == NULL || bilat_series_equal (series, zlib_series),
                  "ISA-L and zlib read different rows");
    }

  /* MME holds exercises, which a series of events refuses: what the
   * import kept is what the store has. */
  if (report != NULL && series == NULL &&
      g_error_matches (series_error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_UNKNOWN_FORMAT) &&
      strstr (series_error->message, "MME exercise data") != NULL)
    {
      FUZZ_CHECK (bilat_import_report_get_kept (report) ==
                  g_list_model_get_n_items (bilat_store_get_events (store)),
                  "kept is not what the store has");
      return 0;
    }

  /* Both fail or neither does. */
  FUZZ_CHECK ((report == NULL) == (series == NULL), "import: %s; series: %s",
              import_error ? import_error->message : "ok", series_error ? series_error->message : "ok");
  if (report == NULL)
    {
      FUZZ_CHECK (g_list_model_get_n_items (bilat_store_get_events (store)) == 0,
                  "a failed import added events");
      return 0;
    }

  for (guint bin = 0; bin < bilat_series_get_n_bins (series); bin++)
    total += bilat_series_get_count (series, bin);
  FUZZ_CHECK (bilat_import_report_get_kept (report) == total,
              "import kept %" G_GUINT64_FORMAT ", series counted %" G_GUINT64_FORMAT,
              bilat_import_report_get_kept (report), total);
  FUZZ_CHECK (bilat_import_report_get_kept (report) ==
              g_list_model_get_n_items (bilat_store_get_events (store)), "kept is not what the store has");
  counted = bilat_store_compute_series (store, NULL, BILAT_SERIES_UNIT_DAY);
  FUZZ_CHECK (bilat_series_equal (series, counted), "the store's series differs from the file's");

  /* What an import keeps, the store can save. */
  saved = bilat_store_save_to_data (store, NULL, &import_error);
  FUZZ_CHECK (saved != NULL, "imported, but not saved: %s", import_error->message);
  return 0;
}
