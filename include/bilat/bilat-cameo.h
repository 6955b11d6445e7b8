/* bilat-cameo.h: the CAMEO event codebook
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

/**
 * BilatQuadClass:
 * @BILAT_QUAD_CLASS_NONE: no class (no or an unknown CAMEO code)
 * @BILAT_QUAD_CLASS_VERBAL_COOPERATION: CAMEO roots 01–05
 * @BILAT_QUAD_CLASS_MATERIAL_COOPERATION: CAMEO roots 06–09
 * @BILAT_QUAD_CLASS_VERBAL_CONFLICT: CAMEO roots 10–14
 * @BILAT_QUAD_CLASS_MATERIAL_CONFLICT: CAMEO roots 15–20
 *
 * The four broad classes of CAMEO events, with the numbers GDELT and ICEWS
 * use for them (1–4).
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_QUAD_CLASS_NONE = 0,
  BILAT_QUAD_CLASS_VERBAL_COOPERATION = 1,
  BILAT_QUAD_CLASS_MATERIAL_COOPERATION = 2,
  BILAT_QUAD_CLASS_VERBAL_CONFLICT = 3,
  BILAT_QUAD_CLASS_MATERIAL_CONFLICT = 4,
} BilatQuadClass;

BILAT_AVAILABLE_IN_1_0
gboolean            bilat_cameo_is_known            (const char *code);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_cameo_get_name            (const char *code);
BILAT_AVAILABLE_IN_1_0
double              bilat_cameo_get_goldstein       (const char *code);
BILAT_AVAILABLE_IN_1_0
double              bilat_cameo_get_icews_intensity (const char *code);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_cameo_get_root            (const char *code);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_cameo_get_base            (const char *code);
BILAT_AVAILABLE_IN_1_0
BilatQuadClass      bilat_cameo_get_quad_class      (const char *code);
BILAT_AVAILABLE_IN_1_0
const char * const *bilat_cameo_get_codes           (void);

G_END_DECLS
