/* fuzz-json.c: the JSON store loader; load → save → load must be identical
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length = 0;
  gsize second_length = 0;

  if (!bilat_store_load_from_data (store, (const char *) data, (gssize) size, &error))
    {
      /* Refused: with a message, and nothing added. */
      FUZZ_CHECK (error != NULL && error->message != NULL, "no error");
      FUZZ_CHECK (g_list_model_get_n_items (bilat_store_get_events (store)) == 0 &&
                  g_list_model_get_n_items (bilat_store_get_actors (store)) == 0,
                  "a refused load added records: %s", error->message);
      return 0;
    }

  /* What loads, saves (a store that cannot be saved was loaded wrongly)
   * and loads again to the same text. */
  first = bilat_store_save_to_data (store, &first_length, &error);
  FUZZ_CHECK (first != NULL, "loaded, but not saved: %s", error->message);
  again = bilat_store_new ();
  FUZZ_CHECK (bilat_store_load_from_data (again, first, (gssize) first_length, &error),
              "saved, but not loaded again: %s\n%s", error->message, first);
  second = bilat_store_save_to_data (again, &second_length, &error);
  FUZZ_CHECK (second != NULL, "loaded again, but not saved: %s", error->message);
  FUZZ_CHECK (first_length == second_length && memcmp (first, second, first_length) == 0,
              "the second save differs:\n%s\n---\n%s", first, second);
  return 0;
}
