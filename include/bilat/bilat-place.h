/* bilat-place.h: where an event happened
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include <glib-object.h>

#include "bilat-version-macros.h"

G_BEGIN_DECLS

typedef struct _BilatPlace BilatPlace;

#define BILAT_TYPE_PLACE (bilat_place_get_type ())

BILAT_AVAILABLE_IN_1_0
GType       bilat_place_get_type         (void) G_GNUC_CONST;

BILAT_AVAILABLE_IN_1_0
BilatPlace *bilat_place_new              (const char       *name,
                                          const char       *subdivision,
                                          const char       *country);
BILAT_AVAILABLE_IN_1_0
BilatPlace *bilat_place_new_with_coordinates (const char   *name,
                                          const char       *subdivision,
                                          const char       *country,
                                          double            latitude,
                                          double            longitude);
BILAT_AVAILABLE_IN_1_0
BilatPlace *bilat_place_ref              (BilatPlace       *self);
BILAT_AVAILABLE_IN_1_0
void        bilat_place_unref            (BilatPlace       *self);

BILAT_AVAILABLE_IN_1_0
const char *bilat_place_get_name         (const BilatPlace *self);
BILAT_AVAILABLE_IN_1_0
const char *bilat_place_get_subdivision  (const BilatPlace *self);
BILAT_AVAILABLE_IN_1_0
const char *bilat_place_get_country      (const BilatPlace *self);
BILAT_AVAILABLE_IN_1_0
gboolean    bilat_place_has_coordinates  (const BilatPlace *self);
BILAT_AVAILABLE_IN_1_0
double      bilat_place_get_latitude     (const BilatPlace *self);
BILAT_AVAILABLE_IN_1_0
double      bilat_place_get_longitude    (const BilatPlace *self);
BILAT_AVAILABLE_IN_1_0
gboolean    bilat_place_equal            (const BilatPlace *a,
                                          const BilatPlace *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BilatPlace, bilat_place_unref)

G_END_DECLS
