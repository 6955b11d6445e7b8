/* bilat-position.h: an actor's stance on an issue
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include "bilat-record.h"
#include "bilat-date.h"
#include "bilat-event.h"

G_BEGIN_DECLS

/**
 * BilatStance:
 * @BILAT_STANCE_SUPPORTS: the holder is for it
 * @BILAT_STANCE_OPPOSES: the holder is against it
 * @BILAT_STANCE_NEUTRAL: the holder takes no side
 * @BILAT_STANCE_CONSIDERING: the holder weighs it without having decided
 *
 * What a [class@Bilat.Position] holder thinks of its issue.
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_STANCE_SUPPORTS,
  BILAT_STANCE_OPPOSES,
  BILAT_STANCE_NEUTRAL,
  BILAT_STANCE_CONSIDERING,
} BilatStance;

#define BILAT_TYPE_POSITION (bilat_position_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatPosition, bilat_position, BILAT, POSITION, BilatRecord)

BILAT_AVAILABLE_IN_1_0
BilatPosition *bilat_position_new         (const char    *id,
                                           const char    *holder,
                                           const char    *issue,
                                           BilatStance    stance);
BILAT_AVAILABLE_IN_1_0
const char    *bilat_position_get_holder  (BilatPosition *self);
BILAT_AVAILABLE_IN_1_0
void           bilat_position_set_holder  (BilatPosition *self,
                                           const char    *holder);
BILAT_AVAILABLE_IN_1_0
const char    *bilat_position_get_issue   (BilatPosition *self);
BILAT_AVAILABLE_IN_1_0
void           bilat_position_set_issue   (BilatPosition *self,
                                           const char    *issue);
BILAT_AVAILABLE_IN_1_0
BilatStance    bilat_position_get_stance  (BilatPosition *self);
BILAT_AVAILABLE_IN_1_0
void           bilat_position_set_stance  (BilatPosition *self,
                                           BilatStance    stance);
BILAT_AVAILABLE_IN_1_0
const char    *bilat_position_get_target  (BilatPosition *self);
BILAT_AVAILABLE_IN_1_0
void           bilat_position_set_target  (BilatPosition *self,
                                           const char    *target);
BILAT_AVAILABLE_IN_1_0
BilatDate     *bilat_position_get_date    (BilatPosition *self);
BILAT_AVAILABLE_IN_1_0
void           bilat_position_set_date    (BilatPosition *self,
                                           BilatDate     *date);
BILAT_AVAILABLE_IN_1_0
const char    *bilat_position_get_summary (BilatPosition *self);
BILAT_AVAILABLE_IN_1_0
void           bilat_position_set_summary (BilatPosition *self,
                                           const char    *summary);
BILAT_AVAILABLE_IN_1_0
BilatSector    bilat_position_get_sectors (BilatPosition *self);
BILAT_AVAILABLE_IN_1_0
void           bilat_position_set_sectors (BilatPosition *self,
                                           BilatSector    sectors);

G_END_DECLS
