/* bilat-codes.h: the code tables of machine-coded event data
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
const char         *bilat_cameo_actor_type_get_name  (const char *code);
BILAT_AVAILABLE_IN_1_0
const char * const *bilat_cameo_actor_type_get_codes (void);

BILAT_AVAILABLE_IN_1_0
const char         *bilat_cameo_country_get_name     (const char *code);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_cameo_country_to_iso       (const char *code);
BILAT_AVAILABLE_IN_1_0
const char * const *bilat_cameo_country_get_codes    (void);

BILAT_AVAILABLE_IN_1_0
const char         *bilat_fips_country_get_name      (const char *fips);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_country_from_fips          (const char *fips);
BILAT_AVAILABLE_IN_1_0
const char * const *bilat_fips_country_get_codes     (void);

BILAT_AVAILABLE_IN_1_0
const char         *bilat_country_from_name          (const char *name);

G_END_DECLS
