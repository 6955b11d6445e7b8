/* test-place.c: BilatPlace, given and derived names and codes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <bilat/bilat.h>

#include <math.h>
#include <glib/gstdio.h>

#include "bilat-countries-private.h"

/* The derived names come from the installed iso-codes, whatever the
 * environment of the test run says. */
static int
setup (void **state)
{
  g_unsetenv ("BILAT_ISO_CODES_DIR");
  _bilat_countries_reset_for_testing ();

  return 0;
}

static void
test_given_fields (void **state)
{
  g_autoptr(BilatPlace) place = bilat_place_new ("Cherat", "PK-KP", "PAK");

  assert_string_equal (bilat_place_get_name (place), "Cherat");
  assert_string_equal (bilat_place_get_subdivision (place), "PK-KP");
  assert_string_equal (bilat_place_get_country (place), "PAK");
  assert_false (bilat_place_has_coordinates (place));
  assert_true (isnan (bilat_place_get_latitude (place)));
  assert_true (isnan (bilat_place_get_longitude (place)));
}

static void
test_name_only (void **state)
{
  g_autoptr(BilatPlace) place = bilat_place_new ("Mineralnye Vody", NULL, NULL);

  assert_string_equal (bilat_place_get_name (place), "Mineralnye Vody");
  assert_null (bilat_place_get_subdivision (place));
  assert_null (bilat_place_get_country (place));
}

static void
test_derived_from_subdivision (void **state)
{
  g_autoptr(BilatPlace) place = bilat_place_new (NULL, "PK-KP", NULL);
  g_autoptr(BilatPlace) russian = bilat_place_new (NULL, "RU-KC", NULL);
  g_autoptr(BilatPlace) lower = bilat_place_new (NULL, "pk-kp", NULL);

  assert_string_equal (bilat_place_get_name (place), "Khyber Pakhtunkhwa");
  assert_string_equal (bilat_place_get_country (place), "PAK");
  assert_string_equal (bilat_place_get_subdivision (place), "PK-KP");

  assert_string_equal (bilat_place_get_name (russian), "Karachayevo-Cherkesskaya Respublika");
  assert_string_equal (bilat_place_get_country (russian), "RUS");

  /* Codes are kept as given, and looked up without regard to case. */
  assert_string_equal (bilat_place_get_subdivision (lower), "pk-kp");
  assert_string_equal (bilat_place_get_country (lower), "PAK");
}

static void
test_derived_from_country (void **state)
{
  g_autoptr(BilatPlace) place = bilat_place_new (NULL, NULL, "RUS");
  g_autoptr(BilatPlace) historic = bilat_place_new (NULL, NULL, "SUN");

  assert_string_equal (bilat_place_get_name (place), "Russian Federation");
  assert_string_equal (bilat_place_get_country (place), "RUS");
  assert_null (bilat_place_get_subdivision (place));

  assert_string_equal (bilat_place_get_name (historic),
                       "USSR, Union of Soviet Socialist Republics");
}

static void
test_given_wins_over_derived (void **state)
{
  /* A given country is kept even where the subdivision says otherwise:
   * the library records what the source says. */
  g_autoptr(BilatPlace) place = bilat_place_new (NULL, "PK-KP", "AFG");

  assert_string_equal (bilat_place_get_country (place), "AFG");
  assert_string_equal (bilat_place_get_name (place), "Khyber Pakhtunkhwa");
}

static void
test_unknown_codes (void **state)
{
  g_autoptr(BilatPlace) nothing = bilat_place_new (NULL, "XX-ZZ", NULL);
  g_autoptr(BilatPlace) country = bilat_place_new (NULL, "XX-ZZ", "PAK");
  g_autoptr(BilatPlace) neither = bilat_place_new (NULL, NULL, "XYZ");

  assert_null (bilat_place_get_name (nothing));
  assert_null (bilat_place_get_country (nothing));
  assert_string_equal (bilat_place_get_subdivision (nothing), "XX-ZZ");

  /* An unknown subdivision falls back to the name of the country. */
  assert_string_equal (bilat_place_get_name (country), "Pakistan");

  assert_null (bilat_place_get_name (neither));
  assert_string_equal (bilat_place_get_country (neither), "XYZ");
}

static void
test_derived_without_iso_codes (void **state)
{
  g_autofree char *dir = g_dir_make_tmp ("bilat-place-XXXXXX", NULL);
  g_autoptr(BilatPlace) place = bilat_place_new (NULL, "PK-KP", NULL);
  g_autoptr(BilatPlace) named = bilat_place_new ("Cherat", "PK-KP", "PAK");

  assert_non_null (dir);
  g_setenv ("BILAT_ISO_CODES_DIR", dir, TRUE);
  _bilat_countries_reset_for_testing ();

  /* Without iso-codes nothing is derived, and what was given remains. */
  assert_null (bilat_place_get_name (place));
  assert_null (bilat_place_get_country (place));
  assert_string_equal (bilat_place_get_subdivision (place), "PK-KP");
  assert_string_equal (bilat_place_get_name (named), "Cherat");
  assert_string_equal (bilat_place_get_country (named), "PAK");

  g_unsetenv ("BILAT_ISO_CODES_DIR");
  _bilat_countries_reset_for_testing ();
  assert_int_equal (g_rmdir (dir), 0);
}

static void
test_coordinates (void **state)
{
  g_autoptr(BilatPlace) place =
    bilat_place_new_with_coordinates ("Cherat", "PK-KP", "PAK", 33.8217, 71.5536);
  g_autoptr(BilatPlace) south_west =
    bilat_place_new_with_coordinates (NULL, NULL, "ATA", -90.0, -180.0);
  g_autoptr(BilatPlace) north_east =
    bilat_place_new_with_coordinates ("North Pole", NULL, NULL, 90.0, 180.0);
  g_autoptr(BilatPlace) origin =
    bilat_place_new_with_coordinates ("Null Island", NULL, NULL, 0.0, 0.0);

  assert_true (bilat_place_has_coordinates (place));
  assert_float_equal (bilat_place_get_latitude (place), 33.8217, 0.0);
  assert_float_equal (bilat_place_get_longitude (place), 71.5536, 0.0);
  assert_string_equal (bilat_place_get_name (place), "Cherat");

  assert_float_equal (bilat_place_get_latitude (south_west), -90.0, 0.0);
  assert_float_equal (bilat_place_get_longitude (south_west), -180.0, 0.0);
  assert_float_equal (bilat_place_get_latitude (north_east), 90.0, 0.0);
  assert_float_equal (bilat_place_get_longitude (north_east), 180.0, 0.0);

  /* (0, 0) is a place, not the absence of one. */
  assert_true (bilat_place_has_coordinates (origin));
  assert_float_equal (bilat_place_get_latitude (origin), 0.0, 0.0);
}

static void
test_equal (void **state)
{
  g_autoptr(BilatPlace) a = bilat_place_new ("Cherat", "PK-KP", "PAK");
  g_autoptr(BilatPlace) same = bilat_place_new ("Cherat", "PK-KP", "PAK");
  g_autoptr(BilatPlace) other_name = bilat_place_new ("Tarbela", "PK-KP", "PAK");
  g_autoptr(BilatPlace) other_subdivision = bilat_place_new ("Cherat", "PK-PB", "PAK");
  g_autoptr(BilatPlace) other_country = bilat_place_new ("Cherat", "PK-KP", "AFG");
  g_autoptr(BilatPlace) no_name = bilat_place_new (NULL, "PK-KP", "PAK");
  g_autoptr(BilatPlace) with_coordinates =
    bilat_place_new_with_coordinates ("Cherat", "PK-KP", "PAK", 33.8, 71.5);
  g_autoptr(BilatPlace) same_coordinates =
    bilat_place_new_with_coordinates ("Cherat", "PK-KP", "PAK", 33.8, 71.5);
  g_autoptr(BilatPlace) other_latitude =
    bilat_place_new_with_coordinates ("Cherat", "PK-KP", "PAK", 33.9, 71.5);
  g_autoptr(BilatPlace) other_longitude =
    bilat_place_new_with_coordinates ("Cherat", "PK-KP", "PAK", 33.8, 71.6);
  g_autoptr(BilatPlace) subdivision_only = bilat_place_new (NULL, "PK-KP", NULL);

  assert_true (bilat_place_equal (a, a));
  assert_true (bilat_place_equal (a, same));
  assert_true (bilat_place_equal (with_coordinates, same_coordinates));
  assert_true (bilat_place_equal (NULL, NULL));

  assert_false (bilat_place_equal (a, other_name));
  assert_false (bilat_place_equal (a, other_subdivision));
  assert_false (bilat_place_equal (a, other_country));
  assert_false (bilat_place_equal (a, no_name));
  assert_false (bilat_place_equal (no_name, a));
  assert_false (bilat_place_equal (a, with_coordinates));
  assert_false (bilat_place_equal (with_coordinates, a));
  assert_false (bilat_place_equal (with_coordinates, other_latitude));
  assert_false (bilat_place_equal (with_coordinates, other_longitude));
  assert_false (bilat_place_equal (a, NULL));
  assert_false (bilat_place_equal (NULL, a));

  /* Derived values do not count: they are the same, the given ones not. */
  assert_string_equal (bilat_place_get_country (subdivision_only),
                       bilat_place_get_country (no_name));
  assert_false (bilat_place_equal (subdivision_only, no_name));
}

static void
test_ref_unref (void **state)
{
  BilatPlace *place = bilat_place_new ("Cherat", NULL, NULL);

  assert_ptr_equal (bilat_place_ref (place), place);
  bilat_place_unref (place);
  assert_string_equal (bilat_place_get_name (place), "Cherat");
  bilat_place_unref (place);
}

static void
test_boxed_type (void **state)
{
  g_autoptr(BilatPlace) place = bilat_place_new (NULL, NULL, "PAK");
  g_auto(GValue) value = G_VALUE_INIT;
  BilatPlace *copy;

  assert_true (G_TYPE_IS_BOXED (BILAT_TYPE_PLACE));
  assert_string_equal (g_type_name (BILAT_TYPE_PLACE), "BilatPlace");

  copy = g_boxed_copy (BILAT_TYPE_PLACE, place);
  assert_ptr_equal (copy, place);
  g_boxed_free (BILAT_TYPE_PLACE, copy);

  g_value_init (&value, BILAT_TYPE_PLACE);
  g_value_set_boxed (&value, place);
  assert_ptr_equal (g_value_get_boxed (&value), place);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup (test_given_fields, setup),
    cmocka_unit_test_setup (test_name_only, setup),
    cmocka_unit_test_setup (test_derived_from_subdivision, setup),
    cmocka_unit_test_setup (test_derived_from_country, setup),
    cmocka_unit_test_setup (test_given_wins_over_derived, setup),
    cmocka_unit_test_setup (test_unknown_codes, setup),
    cmocka_unit_test_setup (test_derived_without_iso_codes, setup),
    cmocka_unit_test_setup (test_coordinates, setup),
    cmocka_unit_test_setup (test_equal, setup),
    cmocka_unit_test_setup (test_ref_unref, setup),
    cmocka_unit_test_setup (test_boxed_type, setup),
  };

  return cmocka_run_group_tests_name ("place", tests, NULL, NULL);
}
