/* fuzz-bytes.c: series and affinity scores read back from bytes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Partial results travel between processes and machines (bilat.dask) as
 * the bytes bilat_series_to_bytes() and bilat_affinity_to_bytes() write;
 * bytes from elsewhere are hostile input. The first byte picks the
 * reader; what one reads must write the same bytes and read again to the
 * same result, and a refusal must be a GError.
 */

#include <string.h>

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (size < 1 || size > 1 << 20)
    return 0;
  bytes = g_bytes_new (data + 1, size - 1);

  if (data[0] % 2 == 0)
    {
      g_autoptr(BilatSeries) series = bilat_series_new_from_bytes (bytes, &error);
      g_autoptr(GBytes) again = NULL;
      g_autoptr(BilatSeries) back = NULL;

      FUZZ_CHECK ((series == NULL) == (error != NULL), "a series and an error, or neither");
      if (series == NULL)
        return 0;
      again = bilat_series_to_bytes (series);
      back = bilat_series_new_from_bytes (again, &error);
      FUZZ_CHECK (back != NULL, "a series read does not read back: %s", error->message);
      FUZZ_CHECK (bilat_series_equal (series, back), "a series read back differs");
      for (guint i = 0; i < bilat_series_get_n_bins (series); i++)
        {
          g_autoptr(BilatDate) date = bilat_series_get_bin_date (series, i);

          FUZZ_CHECK (date != NULL, "bin %u has no date", i);
        }
      /* Only the normal form is read, so the bytes are those written. */
      FUZZ_CHECK (g_bytes_equal (bytes, again), "a series read writes other bytes");
    }
  else
    {
      g_autoptr(BilatAffinity) affinity = bilat_affinity_new_from_bytes (bytes, &error);
      g_autoptr(GBytes) again = NULL;
      g_autoptr(BilatAffinity) back = NULL;
      g_autofree char *text = NULL;

      FUZZ_CHECK ((affinity == NULL) == (error != NULL), "scores and an error, or neither");
      if (affinity == NULL)
        return 0;
      again = bilat_affinity_to_bytes (affinity);
      back = bilat_affinity_new_from_bytes (again, &error);
      FUZZ_CHECK (back != NULL, "scores read do not read back: %s", error->message);
      FUZZ_CHECK (g_bytes_equal (bytes, again), "scores read write other bytes");
      text = bilat_affinity_to_string (affinity, BILAT_AFFINITY_FORMAT_JSON, BILAT_AFFINITY_MEASURES_ALL);
      FUZZ_CHECK (text != NULL, "scores read do not print");
    }
  return 0;
}
