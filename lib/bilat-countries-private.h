/* bilat-countries-private.h: internals of the iso-codes tables
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <bilat/bilat.h>

G_BEGIN_DECLS

/* Frees the loaded tables so that the next lookup loads them again, reading
 * BILAT_ISO_CODES_DIR anew. For tests only: it is not thread-safe, and every
 * string returned by a lookup before it becomes invalid. */
void  _bilat_countries_reset_for_testing (void);

G_END_DECLS
