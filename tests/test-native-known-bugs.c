/* test-native-known-bugs.c: native files that fuzz-native found to load
 * into a store the JSON format cannot hold
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each file in tests/fuzz/known-bugs/native/ (fixed up as fuzz-native
 * fixes its inputs, see tests/fuzz/native-fixup.h) must be refused by the
 * native loader - at opening, or when its rows are first used (they then
 * leave the store, which says why) - or load into a store that saves as
 * JSON: a loaded store breaks the format's rules otherwise (a CAMEO code
 * outside the codebook, a participant with no actor, a place whose country
 * is no ISO code). These were the native loader's gaps; they are closed,
 * and the files stay as regressions.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <bilat/bilat.h>

#include "bilat-native-private.h"
#include "native-fixup.h"

static void
ignore_damage (GObject    *store,
               GParamSpec *pspec,
               gpointer    data)
{
}

static void
test_known_bugs (void **state)
{
  g_autofree char *dir = g_build_filename (g_getenv ("BILAT_TEST_SRCDIR"), "fuzz", "known-bugs", "native", NULL);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n_files = 0;
  guint n_wrong = 0;
  guint n_refused = 0;

  assert_non_null (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(BilatStore) store = bilat_store_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *json = NULL;
      char *data = NULL;
      gsize size = 0;

      if (!g_str_has_suffix (name, ".bilat"))
        continue;
      n_files++;
      assert_true (g_file_get_contents (path, &data, &size, NULL));
      if (wants_fixup ((const guint8 *) data, size))
        fix_checksums ((guint8 *) data, size);
      bytes = g_bytes_new_take (data, size);
      g_signal_connect (store, "notify::damage", G_CALLBACK (ignore_damage), NULL);
      if (!_bilat_native_load_bytes (store, bytes, name, &error))
        continue;
      if (bilat_store_get_damage (store) != NULL)
        {
          /* Refused on first use: nothing of its rows stays to save. */
          assert_null (bilat_store_save_to_data (store, NULL, NULL));
          n_refused++;
          continue;
        }
      json = bilat_store_save_to_data (store, NULL, &error);
      if (json == NULL)
        {
          print_message ("# %s loads, but: %s\n", name, error->message);
          n_wrong++;
        }
    }
  assert_true (n_files > 0);
  assert_int_equal (n_wrong, 0);
  assert_int_equal (n_refused, n_files);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_known_bugs),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
