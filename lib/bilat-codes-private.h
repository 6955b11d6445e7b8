/* bilat-codes-private.h: code lookups for the readers' hot paths
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <bilat/bilat.h>

G_BEGIN_DECLS

/* The ISO alpha-3 code of a country named by @length bytes of @name
 * among the names of the iso-codes package (without regard to ASCII
 * case), or NULL: names the identity tables lack. No allocation. */
const char *_bilat_country_from_iso_name_len (const char *name,
                                              gsize       length);

G_END_DECLS
