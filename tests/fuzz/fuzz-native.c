/* fuzz-native.c: the native store loader (*.bilat); it refuses or loads,
 * and what it loads saves and loads again to the same file
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Mutated inputs rarely pass the checksums: inputs with a flag bit set
 * are fixed up first (see native-fixup.h), so that the fuzzer reaches the
 * checks behind them. Without that bit the input is loaded as it is.
 */

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "fuzz-common.h"
#include "native-fixup.h"
#include "bilat-native-private.h"

static char *scratch_dir;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  scratch_dir = g_dir_make_tmp ("bilat-fuzz-native-XXXXXX", NULL);
  if (scratch_dir == NULL)
    abort ();
  return 0;
}

static GBytes *
save_native (BilatStore *store,
             const char *name)
{
  g_autofree char *path = g_build_filename (scratch_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  FUZZ_CHECK (bilat_store_save_to_native_file (store, file, NULL, &error),
              "loaded, but not saved: %s", error->message);
  FUZZ_CHECK (g_file_get_contents (path, &contents, &length, &error), "%s", error->message);
  g_unlink (path);
  return g_bytes_new_take (contents, length);
}

static void
ignore_damage (GObject    *store,
               GParamSpec *pspec,
               gpointer    data)
{
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatStore) again = bilat_store_new ();
  g_autoptr(GBytes) bytes = NULL;

  if (wants_fixup (data, size))
    {
      guint8 *copy = g_memdup2 (data, size);

      fix_checksums (copy, size);
      bytes = g_bytes_new_take (copy, size);
    }
  else
    bytes = g_bytes_new (data, size);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_json = NULL;
  g_autofree char *second_json = NULL;

  /* The damage of the rows is told here, not logged. */
  g_signal_connect (store, "notify::damage", G_CALLBACK (ignore_damage), NULL);
  if (!_bilat_native_load_bytes (store, bytes, "fuzz.bilat", &error))
    {
      FUZZ_CHECK (error != NULL && error->message != NULL, "no error");
      FUZZ_CHECK (g_list_model_get_n_items (bilat_store_get_events (store)) == 0,
                  "a refused load added events: %s", error->message);
      return 0;
    }
  /* The rows are checked on their first use: refused there, they leave
   * the store, which then refuses to be saved. */
  if (bilat_store_get_damage (store) != NULL)
    {
      g_autofree char *json = bilat_store_save_to_data (store, NULL, NULL);

      FUZZ_CHECK (json == NULL, "saved despite damage: %s", bilat_store_get_damage (store)->message);
      return 0;
    }

  first = save_native (store, "first.bilat");
  FUZZ_CHECK (_bilat_native_load_bytes (again, first, "first.bilat", &error),
              "saved, but not loaded again: %s", error->message);
  second = save_native (again, "second.bilat");
  FUZZ_CHECK (g_bytes_equal (first, second), "the second save differs");

  /* What loads from a native file is a store the JSON format can hold. */
  first_json = bilat_store_save_to_data (store, NULL, &error);
  FUZZ_CHECK (first_json != NULL, "loaded, but not saved as JSON: %s", error->message);
  second_json = bilat_store_save_to_data (again, NULL, &error);
  FUZZ_CHECK (second_json != NULL && strcmp (first_json, second_json) == 0,
              "the JSON of the reloaded store differs");
  return 0;
}
