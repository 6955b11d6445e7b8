/* fuzz-votes.c: the UNGA reader (roll calls, topics, votes) from memory,
 * the affinity measures over what it read, and the JSON round trip of
 * the store's votes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The input is up to three tables separated by a 0x1e byte (ASCII record
 * separator), each read as a file of its own. A seed is the three tables
 * of a small fixture joined so. Inside: whatever was read must measure
 * without a critical, every defined measure must lie in its range, and
 * the store saved as JSON must load back to the same figures.
 */

#include <math.h>
#include <string.h>

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
check_ranges (BilatAffinity *affinity)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (affinity));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatAffinityScore) score = g_list_model_get_item (G_LIST_MODEL (affinity), i);
      double s = bilat_affinity_score_get_s (score);
      double agree = bilat_affinity_score_get_agree (score);

      FUZZ_CHECK (bilat_affinity_score_get_n (score) > 0 || isnan (s), "a score of no vote: %g", s);
      FUZZ_CHECK (isnan (s) || (s >= -1.0 - 1e-12 && s <= 1.0 + 1e-12), "S out of range: %g", s);
      FUZZ_CHECK (isnan (agree) || (agree >= -1e-12 && agree <= 1.0 + 1e-12), "agree out of range: %g", agree);
      FUZZ_CHECK (isnan (bilat_affinity_score_get_kappa (score)) ||
                  bilat_affinity_score_get_kappa (score) <= 1.0 + 1e-12, "kappa above 1");
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(GPtrArray) streams = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BilatAffinity) matrix = NULL;
  g_autofree char *text = NULL;
  g_autofree char *figures = NULL;
  const uint8_t *start = data;
  const uint8_t *end = data + size;

  while (start <= end && streams->len < 3)
    {
      const uint8_t *next = memchr (start, 0x1e, (size_t) (end - start));

      if (next == NULL)
        next = end;
      g_ptr_array_add (streams, g_memory_input_stream_new_from_data (g_memdup2 (start, (gsize) (next - start)),
                                                                    next - start, g_free));
      start = next + 1;
    }

  /* One table at a time: each import is all or nothing. */
  for (guint i = 0; i < streams->len; i++)
    {
      g_autoptr(BilatImportReport) one =
        bilat_store_import_votes_from_stream (store, g_ptr_array_index (streams, i), "table",
                                              BILAT_IMPORT_FLAGS_NONE, NULL, NULL);

      (void) one;
    }

  matrix = bilat_store_compute_affinity_matrix (store, NULL, NULL);
  check_ranges (matrix);
  figures = bilat_affinity_to_string (matrix, BILAT_AFFINITY_FORMAT_CSV, BILAT_AFFINITY_MEASURES_ALL);

  text = bilat_store_save_to_data (store, NULL, NULL);
  if (text != NULL)
    {
      g_autoptr(BilatStore) copy = bilat_store_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(BilatAffinity) again = NULL;
      g_autofree char *figures_again = NULL;

      FUZZ_CHECK (bilat_store_load_from_data (copy, text, -1, &error),
                  "a saved store does not load: %s", error->message);
      again = bilat_store_compute_affinity_matrix (copy, NULL, NULL);
      figures_again = bilat_affinity_to_string (again, BILAT_AFFINITY_FORMAT_CSV, BILAT_AFFINITY_MEASURES_ALL);
      FUZZ_CHECK (strcmp (figures, figures_again) == 0, "figures differ after a round trip:\n%s\n%s",
                  figures, figures_again);
    }
  return 0;
}
