/* bilat-state-spell.h: a membership spell of the state system
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include <glib-object.h>

#include "bilat-version-macros.h"
#include "bilat-date.h"

G_BEGIN_DECLS

#define BILAT_TYPE_STATE_SPELL (bilat_state_spell_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatStateSpell, bilat_state_spell, BILAT, STATE_SPELL, GObject)

BILAT_AVAILABLE_IN_1_0
const char *bilat_state_spell_get_state    (BilatStateSpell *self);
BILAT_AVAILABLE_IN_1_0
guint       bilat_state_spell_get_cow_code (BilatStateSpell *self);
BILAT_AVAILABLE_IN_1_0
BilatDate  *bilat_state_spell_get_start    (BilatStateSpell *self);
BILAT_AVAILABLE_IN_1_0
BilatDate  *bilat_state_spell_get_end      (BilatStateSpell *self);

G_END_DECLS
