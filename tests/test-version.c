/* test-version.c: compile-time and run-time version checks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <bilat/bilat.h>

static void
test_compile_time (void **state)
{
  assert_int_equal (BILAT_MAJOR_VERSION, 1);
  assert_true (BILAT_CHECK_VERSION (1, 0, 0));
  assert_false (BILAT_CHECK_VERSION (1, BILAT_MINOR_VERSION + 1, 0));
  assert_false (BILAT_CHECK_VERSION (2, 0, 0));
  assert_true (BILAT_VERSION >= BILAT_ENCODE_VERSION (1, 0, 0));
}

static void
test_run_time (void **state)
{
  g_autofree char *text = NULL;

  assert_int_equal (bilat_get_major_version (), BILAT_MAJOR_VERSION);
  assert_int_equal (bilat_get_minor_version (), BILAT_MINOR_VERSION);
  assert_int_equal (bilat_get_micro_version (), BILAT_MICRO_VERSION);
  assert_true (bilat_check_version (1, 0, 0));
  assert_false (bilat_check_version (0, 9, 0));
  assert_false (bilat_check_version (2, 0, 0));
  assert_false (bilat_check_version (1, BILAT_MINOR_VERSION + 1, 0));
  assert_false (bilat_check_version (1, BILAT_MINOR_VERSION, BILAT_MICRO_VERSION + 1));

  text = g_strdup_printf ("%u.%u.%u", bilat_get_major_version (),
                          bilat_get_minor_version (), bilat_get_micro_version ());
  assert_string_equal (text, BILAT_VERSION_S);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_compile_time),
    cmocka_unit_test (test_run_time),
  };

  return cmocka_run_group_tests_name ("version", tests, NULL, NULL);
}
