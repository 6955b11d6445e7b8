/* bilat-countries.h: country and subdivision codes from the iso-codes package
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include <glib.h>

#include "bilat-version-macros.h"

G_BEGIN_DECLS

BILAT_AVAILABLE_IN_1_0
const char *bilat_country_get_name          (const char *code);
BILAT_AVAILABLE_IN_1_0
gboolean    bilat_country_is_historic       (const char *code);
BILAT_AVAILABLE_IN_1_0
const char *bilat_country_from_alpha2       (const char *alpha2);
BILAT_AVAILABLE_IN_1_0
const char *bilat_subdivision_get_name      (const char *code);
BILAT_AVAILABLE_IN_1_0
const char *bilat_subdivision_get_country   (const char *code);

G_END_DECLS
