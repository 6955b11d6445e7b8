/* bilat-place-private.h: what a place was given, for writers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <bilat/bilat.h>

G_BEGIN_DECLS

/* The name and country @place was made with, NULL where none was given:
 * the getters fill them in from iso-codes, whose names belong to the
 * installed package, not to a dataset. */
void _bilat_place_get_given (const BilatPlace  *place,
                             const char       **name,
                             const char       **country);

G_END_DECLS
