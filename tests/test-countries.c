/* test-countries.c: country and subdivision lookups in the iso-codes tables
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <bilat/bilat.h>

#include <glib/gstdio.h>

#include "bilat-countries-private.h"

#define ENV_DIR "BILAT_ISO_CODES_DIR"

/* Every test starts from unloaded tables read from the installed
 * iso-codes, whatever the environment of the test run says. */
static int
setup (void **state)
{
  g_unsetenv (ENV_DIR);
  _bilat_countries_reset_for_testing ();

  return 0;
}

static int
teardown (void **state)
{
  g_unsetenv (ENV_DIR);
  _bilat_countries_reset_for_testing ();

  return 0;
}

/* A temporary directory of iso-codes files; removed again by
 * remove_iso_dir(). */
static char *
make_iso_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("bilat-iso-codes-XXXXXX", &error);

  assert_null (error);
  assert_non_null (dir);

  return dir;
}

static void
write_iso_file (const char *dir,
                const char *basename,
                const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, basename, NULL);

  g_file_set_contents (path, contents, -1, &error);
  assert_null (error);
}

static void
remove_iso_dir (char *dir)
{
  static const char * const basenames[] = {
    "iso_3166-1.json", "iso_3166-2.json", "iso_3166-3.json",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (basenames); i++)
    {
      g_autofree char *path = g_build_filename (dir, basenames[i], NULL);

      g_remove (path);
    }
  assert_int_equal (g_rmdir (dir), 0);
  g_free (dir);
}

static void
use_iso_dir (const char *dir)
{
  g_setenv (ENV_DIR, dir, TRUE);
  _bilat_countries_reset_for_testing ();
}

static void
test_country_names (void **state)
{
  assert_string_equal (bilat_country_get_name ("PAK"), "Pakistan");
  /* iso-codes' name, not the common "Russia". */
  assert_string_equal (bilat_country_get_name ("RUS"), "Russian Federation");
  assert_string_equal (bilat_country_get_name ("USA"), "United States");
  assert_string_equal (bilat_country_get_name ("CHN"), "China");
}

static void
test_historic_names (void **state)
{
  assert_string_equal (bilat_country_get_name ("SUN"),
                       "USSR, Union of Soviet Socialist Republics");
  assert_string_equal (bilat_country_get_name ("DDR"), "German Democratic Republic");
  /* ATF was withdrawn and given again: the current country wins. */
  assert_string_equal (bilat_country_get_name ("ATF"), "French Southern Territories");
}

static void
test_case_insensitive (void **state)
{
  assert_string_equal (bilat_country_get_name ("pak"), "Pakistan");
  assert_string_equal (bilat_country_get_name ("Pak"), "Pakistan");
  assert_string_equal (bilat_country_get_name ("sun"),
                       "USSR, Union of Soviet Socialist Republics");
  assert_true (bilat_country_is_historic ("sUn"));
  assert_string_equal (bilat_country_from_alpha2 ("pk"), "PAK");
  assert_string_equal (bilat_subdivision_get_name ("pk-kp"), "Khyber Pakhtunkhwa");
  assert_string_equal (bilat_subdivision_get_country ("ru-kc"), "RUS");
}

static void
test_unknown_codes (void **state)
{
  static const char * const codes[] = {
    "", "XXX", "PA", "PAKI", "PK", " PAK", "PAK ", "P\xc3\x84K", "\xff\xfe\xfd",
    "PAKPAKPAKPAKPAKPAKPAKPAKPAKPAK", "PK-ZZ", "PK-", "-KP", "PK KP",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      assert_null (bilat_country_get_name (codes[i]));
      assert_false (bilat_country_is_historic (codes[i]));
      assert_null (bilat_subdivision_get_name (codes[i]));
      assert_null (bilat_subdivision_get_country (codes[i]));
    }

  assert_null (bilat_country_from_alpha2 (""));
  assert_null (bilat_country_from_alpha2 ("XX"));
  assert_null (bilat_country_from_alpha2 ("PAK"));
  assert_null (bilat_country_from_alpha2 ("P"));
  /* Withdrawn alpha-2 codes are reassigned, hence not mapped. */
  assert_null (bilat_country_from_alpha2 ("SU"));
  assert_null (bilat_country_from_alpha2 ("CS"));
}

static void
test_is_historic (void **state)
{
  assert_true (bilat_country_is_historic ("SUN"));
  assert_true (bilat_country_is_historic ("YUG"));
  assert_true (bilat_country_is_historic ("CSK"));
  assert_true (bilat_country_is_historic ("DDR"));

  assert_false (bilat_country_is_historic ("PAK"));
  assert_false (bilat_country_is_historic ("RUS"));
  assert_false (bilat_country_is_historic ("ATF"));
}

static void
test_from_alpha2 (void **state)
{
  assert_string_equal (bilat_country_from_alpha2 ("PK"), "PAK");
  assert_string_equal (bilat_country_from_alpha2 ("RU"), "RUS");
  assert_string_equal (bilat_country_from_alpha2 ("US"), "USA");
  assert_string_equal (bilat_country_from_alpha2 ("GB"), "GBR");
}

static void
test_subdivisions (void **state)
{
  assert_string_equal (bilat_subdivision_get_name ("PK-KP"), "Khyber Pakhtunkhwa");
  assert_string_equal (bilat_subdivision_get_country ("PK-KP"), "PAK");
  assert_string_equal (bilat_subdivision_get_name ("RU-KC"),
                       "Karachayevo-Cherkesskaya Respublika");
  assert_string_equal (bilat_subdivision_get_country ("RU-KC"), "RUS");
  assert_string_equal (bilat_subdivision_get_name ("GB-ENG"), "England");
  assert_string_equal (bilat_subdivision_get_country ("GB-ENG"), "GBR");
}

static void
test_subdivision_common_names (void **state)
{
  /* Official names inverted for sorting are given as people write them;
   * lists, and names that merely contain a comma, stay. */
  const char *names[][2] = {
    { "RU-BA", "Bashkortostan" },
    { "RU-TA", "Tatarstan" },
    { "GB-BST", "Bristol" },
    { "ES-MD", "Madrid" },
    { "GB-NMD", "Newry, Mourne and Down" },
    { "CO-SAP", "San Andrés, Providencia y Santa Catalina" },
    { "BE-WAL", "wallonne, Région" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    assert_string_equal (bilat_subdivision_get_name (names[i][0]), names[i][1]);
}

static void
test_strings_are_stable (void **state)
{
  /* (transfer none) strings stay put: the same pointer every time. */
  const char *name = bilat_country_get_name ("PAK");
  const char *alpha3 = bilat_country_from_alpha2 ("PK");

  assert_ptr_equal (bilat_country_get_name ("pak"), name);
  assert_ptr_equal (bilat_country_from_alpha2 ("pk"), alpha3);
  assert_ptr_equal (bilat_subdivision_get_country ("PK-KP"), alpha3);
  assert_string_equal (name, "Pakistan");
}

static const char test_3166_1[] =
  "{ \"3166-1\": [\n"
  "  { \"alpha_2\": \"PK\", \"alpha_3\": \"PAK\", \"name\": \"Testistan\" },\n"
  "  { \"alpha_2\": \"pk\", \"alpha_3\": \"pak\", \"name\": \"Duplicate\" },\n"
  "  { \"alpha_2\": \"QQ\", \"alpha_3\": \"qqq\", \"name\": \"Lower Case Land\" },\n"
  "  { \"alpha_2\": \"NN\", \"alpha_3\": \"NNN\" },\n"
  "  { \"alpha_2\": \"MM\", \"alpha_3\": \"MMM\", \"name\": 42 },\n"
  "  { \"alpha_2\": \"LL\", \"alpha_3\": \"LLLL\", \"name\": \"Too Long\" },\n"
  "  { \"alpha_2\": \"K\", \"alpha_3\": \"KKK\", \"name\": \"Short Alpha-2\" },\n"
  "  { \"alpha_2\": [\"J\"], \"alpha_3\": { \"x\": 1 }, \"name\": null },\n"
  "  \"not an object\", 17, null, [],\n"
  "  { \"alpha_2\": \"UA\", \"alpha_3\": \"UKR\", \"name\": \"Ukraine\" }\n"
  "] }\n";

static const char test_3166_3[] =
  "{ \"3166-3\": [\n"
  "  { \"alpha_2\": \"SU\", \"alpha_3\": \"SUN\", \"name\": \"Test Union\" },\n"
  "  { \"alpha_2\": \"PK\", \"alpha_3\": \"PAK\", \"name\": \"Old Testistan\" },\n"
  "  { \"alpha_3\": \"OOO\" }\n"
  "] }\n";

static const char test_3166_2[] =
  "{ \"3166-2\": [\n"
  "  { \"code\": \"PK-KP\", \"name\": \"Test Province\", \"type\": \"Province\" },\n"
  "  { \"code\": \"ua-43\", \"name\": \"Lower Case Province\" },\n"
  "  { \"code\": \"ZZ-AA\", \"name\": \"Stateless Province\" },\n"
  "  { \"code\": \"P-1\", \"name\": \"Malformed Code\" },\n"
  "  { \"code\": \"PK\", \"name\": \"No Subdivision\" },\n"
  "  { \"code\": \"PK-XX\" },\n"
  "  { \"name\": \"No Code\" },\n"
  "  true\n"
  "] }\n";

static void
test_override_directory (void **state)
{
  char *dir = make_iso_dir ();

  write_iso_file (dir, "iso_3166-1.json", test_3166_1);
  write_iso_file (dir, "iso_3166-2.json", test_3166_2);
  write_iso_file (dir, "iso_3166-3.json", test_3166_3);
  use_iso_dir (dir);

  /* The first entry of a code wins over a later duplicate, and a current
   * country over a historic one with the same code. */
  assert_string_equal (bilat_country_get_name ("PAK"), "Testistan");
  assert_false (bilat_country_is_historic ("PAK"));
  assert_string_equal (bilat_country_from_alpha2 ("PK"), "PAK");
  assert_string_equal (bilat_country_get_name ("QQQ"), "Lower Case Land");
  assert_string_equal (bilat_country_from_alpha2 ("qq"), "QQQ");
  assert_string_equal (bilat_country_get_name ("UKR"), "Ukraine");

  /* Only the test files are read. */
  assert_null (bilat_country_get_name ("RUS"));
  assert_null (bilat_country_from_alpha2 ("RU"));
  assert_null (bilat_subdivision_get_name ("RU-KC"));

  /* Damaged entries are skipped, not guessed at. */
  assert_null (bilat_country_get_name ("NNN"));
  assert_null (bilat_country_get_name ("MMM"));
  assert_null (bilat_country_get_name ("LLLL"));
  assert_null (bilat_country_from_alpha2 ("LL"));
  assert_string_equal (bilat_country_get_name ("KKK"), "Short Alpha-2");
  assert_null (bilat_country_from_alpha2 ("K"));

  assert_string_equal (bilat_country_get_name ("SUN"), "Test Union");
  assert_true (bilat_country_is_historic ("SUN"));
  assert_null (bilat_country_get_name ("OOO"));
  assert_false (bilat_country_is_historic ("OOO"));

  assert_string_equal (bilat_subdivision_get_name ("PK-KP"), "Test Province");
  assert_string_equal (bilat_subdivision_get_country ("PK-KP"), "PAK");
  assert_string_equal (bilat_subdivision_get_name ("UA-43"), "Lower Case Province");
  assert_string_equal (bilat_subdivision_get_country ("UA-43"), "UKR");
  /* A subdivision of an unknown country has a name but no country. */
  assert_string_equal (bilat_subdivision_get_name ("ZZ-AA"), "Stateless Province");
  assert_null (bilat_subdivision_get_country ("ZZ-AA"));
  assert_null (bilat_subdivision_get_name ("P-1"));
  assert_null (bilat_subdivision_get_name ("PK"));
  assert_null (bilat_subdivision_get_name ("PK-XX"));
  assert_null (bilat_subdivision_get_country ("PK-XX"));

  remove_iso_dir (dir);
}

static void
test_override_empty_directory (void **state)
{
  char *dir = make_iso_dir ();

  use_iso_dir (dir);

  assert_null (bilat_country_get_name ("PAK"));
  assert_false (bilat_country_is_historic ("SUN"));
  assert_null (bilat_country_from_alpha2 ("PK"));
  assert_null (bilat_subdivision_get_name ("PK-KP"));
  assert_null (bilat_subdivision_get_country ("PK-KP"));

  remove_iso_dir (dir);
}

static void
test_override_missing_directory (void **state)
{
  use_iso_dir ("/nonexistent/bilat/iso-codes");

  assert_null (bilat_country_get_name ("PAK"));
  assert_null (bilat_subdivision_get_country ("PK-KP"));
}

static void
test_damaged_files (void **state)
{
  char *dir = make_iso_dir ();

  /* Not JSON; JSON of the wrong shape; the right shape with the array
   * under another standard's name. */
  write_iso_file (dir, "iso_3166-1.json", "{ \"3166-1\": [ { \"alpha_3\": \"PAK\",");
  write_iso_file (dir, "iso_3166-3.json", "[ { \"alpha_3\": \"SUN\", \"name\": \"x\" } ]");
  write_iso_file (dir, "iso_3166-2.json",
                  "{ \"3166-1\": [ { \"code\": \"PK-KP\", \"name\": \"x\" } ],"
                  "  \"3166-2\": { \"code\": \"PK-KP\" } }");
  use_iso_dir (dir);

  assert_null (bilat_country_get_name ("PAK"));
  assert_null (bilat_country_get_name ("SUN"));
  assert_false (bilat_country_is_historic ("SUN"));
  assert_null (bilat_subdivision_get_name ("PK-KP"));

  write_iso_file (dir, "iso_3166-1.json", "");
  write_iso_file (dir, "iso_3166-3.json", "null");
  write_iso_file (dir, "iso_3166-2.json", "\xff\xfe{}");
  use_iso_dir (dir);

  assert_null (bilat_country_get_name ("PAK"));
  assert_null (bilat_country_get_name ("SUN"));
  assert_null (bilat_subdivision_get_name ("PK-KP"));

  remove_iso_dir (dir);
}

static void
test_subdivisions_without_countries (void **state)
{
  char *dir = make_iso_dir ();

  /* Without ISO 3166-1 the names of subdivisions are still known, but not
   * the countries they belong to. */
  write_iso_file (dir, "iso_3166-2.json", test_3166_2);
  use_iso_dir (dir);

  assert_string_equal (bilat_subdivision_get_name ("PK-KP"), "Test Province");
  assert_null (bilat_subdivision_get_country ("PK-KP"));
  assert_null (bilat_country_get_name ("PAK"));

  remove_iso_dir (dir);
}

static void
test_empty_variable_means_default (void **state)
{
  use_iso_dir ("");

  assert_string_equal (bilat_country_get_name ("PAK"), "Pakistan");
}

static void
test_variable_read_once (void **state)
{
  char *dir = make_iso_dir ();

  /* Loaded from the default directory: changing the variable afterwards
   * changes nothing until the tables are loaded again. */
  assert_string_equal (bilat_country_get_name ("PAK"), "Pakistan");
  g_setenv (ENV_DIR, dir, TRUE);
  assert_string_equal (bilat_country_get_name ("PAK"), "Pakistan");

  remove_iso_dir (dir);
}

#define N_THREADS 8

static gpointer
look_up_from_thread (gpointer data)
{
  for (guint i = 0; i < 1000; i++)
    {
      if (g_strcmp0 (bilat_country_get_name ("PAK"), "Pakistan") != 0 ||
          g_strcmp0 (bilat_subdivision_get_country ("RU-KC"), "RUS") != 0)
        return GINT_TO_POINTER (FALSE);
    }

  return GINT_TO_POINTER (TRUE);
}

static void
test_first_lookup_from_threads (void **state)
{
  GThread *threads[N_THREADS];

  /* The tables are not loaded yet (see setup()): all threads race to
   * load them, and every one must see them complete. */
  for (guint i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("lookup", look_up_from_thread, NULL);
  for (guint i = 0; i < N_THREADS; i++)
    assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_country_names, setup, teardown),
    cmocka_unit_test_setup_teardown (test_historic_names, setup, teardown),
    cmocka_unit_test_setup_teardown (test_case_insensitive, setup, teardown),
    cmocka_unit_test_setup_teardown (test_unknown_codes, setup, teardown),
    cmocka_unit_test_setup_teardown (test_is_historic, setup, teardown),
    cmocka_unit_test_setup_teardown (test_from_alpha2, setup, teardown),
    cmocka_unit_test_setup_teardown (test_subdivisions, setup, teardown),
    cmocka_unit_test_setup_teardown (test_subdivision_common_names, setup, teardown),
    cmocka_unit_test_setup_teardown (test_strings_are_stable, setup, teardown),
    cmocka_unit_test_setup_teardown (test_override_directory, setup, teardown),
    cmocka_unit_test_setup_teardown (test_override_empty_directory, setup, teardown),
    cmocka_unit_test_setup_teardown (test_override_missing_directory, setup, teardown),
    cmocka_unit_test_setup_teardown (test_damaged_files, setup, teardown),
    cmocka_unit_test_setup_teardown (test_subdivisions_without_countries, setup, teardown),
    cmocka_unit_test_setup_teardown (test_empty_variable_means_default, setup, teardown),
    cmocka_unit_test_setup_teardown (test_variable_read_once, setup, teardown),
    cmocka_unit_test_setup_teardown (test_first_lookup_from_threads, setup, teardown),
  };

  return cmocka_run_group_tests_name ("countries", tests, NULL, NULL);
}
