/* bilat-version-macros.h: symbol availability and deprecation markers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include <glib.h>

#include "bilat-version.h"

#ifndef _BILAT_EXTERN
# define _BILAT_EXTERN __attribute__((visibility("default"))) extern
#endif

/**
 * BILAT_DEPRECATED:
 *
 * Marks a symbol as deprecated: using it warns, unless
 * `BILAT_DISABLE_DEPRECATION_WARNINGS` is defined.
 *
 * Since: 1.0
 */

/**
 * BILAT_DEPRECATED_FOR:
 * @f: the symbol to use instead
 *
 * Marks a symbol as deprecated in favour of @f.
 *
 * Since: 1.0
 */

/**
 * BILAT_UNAVAILABLE:
 * @maj: the major version the symbol appeared in
 * @min: the minor version the symbol appeared in
 *
 * Marks a symbol as newer than %BILAT_VERSION_MAX_ALLOWED: using it warns.
 *
 * Since: 1.0
 */
#ifdef BILAT_DISABLE_DEPRECATION_WARNINGS
# define BILAT_DEPRECATED _BILAT_EXTERN
# define BILAT_DEPRECATED_FOR(f) _BILAT_EXTERN
# define BILAT_UNAVAILABLE(maj,min) _BILAT_EXTERN
#else
# define BILAT_DEPRECATED G_DEPRECATED _BILAT_EXTERN
# define BILAT_DEPRECATED_FOR(f) G_DEPRECATED_FOR (f) _BILAT_EXTERN
# define BILAT_UNAVAILABLE(maj,min) G_UNAVAILABLE (maj, min) _BILAT_EXTERN
#endif

#define BILAT_VERSION_1_0 (G_ENCODE_VERSION (1, 0))

#if (BILAT_MINOR_VERSION % 2)
# define BILAT_VERSION_CUR_STABLE (G_ENCODE_VERSION (BILAT_MAJOR_VERSION, BILAT_MINOR_VERSION + 1))
#else
# define BILAT_VERSION_CUR_STABLE (G_ENCODE_VERSION (BILAT_MAJOR_VERSION, BILAT_MINOR_VERSION))
#endif

#if (BILAT_MINOR_VERSION % 2)
# define BILAT_VERSION_PREV_STABLE (G_ENCODE_VERSION (BILAT_MAJOR_VERSION, BILAT_MINOR_VERSION - 1))
#else
# define BILAT_VERSION_PREV_STABLE (G_ENCODE_VERSION (BILAT_MAJOR_VERSION, BILAT_MINOR_VERSION - 2))
#endif

/**
 * BILAT_VERSION_MIN_REQUIRED:
 *
 * Define this macro before including <bilat/bilat.h> to the oldest libbilat
 * version (encoded with `G_ENCODE_VERSION()`) whose API the program uses;
 * symbols deprecated after it do not warn.
 *
 * Since: 1.0
 */
#ifndef BILAT_VERSION_MIN_REQUIRED
# define BILAT_VERSION_MIN_REQUIRED (BILAT_VERSION_CUR_STABLE)
#endif

/**
 * BILAT_VERSION_MAX_ALLOWED:
 *
 * Define this macro before including <bilat/bilat.h> to the newest libbilat
 * version whose API the program may use; newer symbols then warn.
 *
 * Since: 1.0
 */
#ifndef BILAT_VERSION_MAX_ALLOWED
# if BILAT_VERSION_MIN_REQUIRED > BILAT_VERSION_PREV_STABLE
#  define BILAT_VERSION_MAX_ALLOWED (BILAT_VERSION_MIN_REQUIRED)
# else
#  define BILAT_VERSION_MAX_ALLOWED (BILAT_VERSION_CUR_STABLE)
# endif
#endif

#define BILAT_AVAILABLE_IN_ALL _BILAT_EXTERN

#if BILAT_VERSION_MAX_ALLOWED < BILAT_VERSION_1_0
# define BILAT_AVAILABLE_IN_1_0 BILAT_UNAVAILABLE (1, 0)
#else
# define BILAT_AVAILABLE_IN_1_0 _BILAT_EXTERN
#endif

/**
 * BILAT_DEPRECATED_IN_1_0:
 *
 * Marks a symbol as deprecated since libbilat 1.0.
 *
 * Since: 1.0
 */

/**
 * BILAT_DEPRECATED_IN_1_0_FOR:
 * @f: the symbol to use instead
 *
 * Marks a symbol as deprecated since libbilat 1.0 in favour of @f.
 *
 * Since: 1.0
 */
#if BILAT_VERSION_MIN_REQUIRED >= BILAT_VERSION_1_0
# define BILAT_DEPRECATED_IN_1_0 BILAT_DEPRECATED
# define BILAT_DEPRECATED_IN_1_0_FOR(f) BILAT_DEPRECATED_FOR (f)
#else
# define BILAT_DEPRECATED_IN_1_0 _BILAT_EXTERN
# define BILAT_DEPRECATED_IN_1_0_FOR(f) _BILAT_EXTERN
#endif
