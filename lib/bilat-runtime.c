/* bilat-runtime.c: the version of the library a program runs with
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

/**
 * bilat_get_major_version:
 *
 * Returns the major version of the libbilat that the program runs with,
 * which can differ from %BILAT_MAJOR_VERSION, the one it was compiled with.
 *
 * Returns: the major version
 *
 * Since: 1.0
 */
guint
bilat_get_major_version (void)
{
  return BILAT_MAJOR_VERSION;
}

/**
 * bilat_get_minor_version:
 *
 * Returns the minor version of the libbilat that the program runs with.
 *
 * Returns: the minor version
 *
 * Since: 1.0
 */
guint
bilat_get_minor_version (void)
{
  return BILAT_MINOR_VERSION;
}

/**
 * bilat_get_micro_version:
 *
 * Returns the micro version of the libbilat that the program runs with.
 *
 * Returns: the micro version
 *
 * Since: 1.0
 */
guint
bilat_get_micro_version (void)
{
  return BILAT_MICRO_VERSION;
}

/**
 * bilat_check_version:
 * @major: the required major version
 * @minor: the required minor version
 * @micro: the required micro version
 *
 * Checks at run time that the libbilat the program runs with is at least
 * of version @major.@minor.@micro and of the same major version.
 *
 * Returns: %TRUE if the running library is compatible
 *
 * Since: 1.0
 */
gboolean
bilat_check_version (guint major,
                     guint minor,
                     guint micro)
{
  guint64 running = ((guint64) bilat_get_minor_version () << 32) | bilat_get_micro_version ();
  guint64 wanted = ((guint64) minor << 32) | micro;

  return major == bilat_get_major_version () && running >= wanted;
}
