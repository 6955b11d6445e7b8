/* bilat-exercise.h: joint military exercises
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include "bilat-event.h"

G_BEGIN_DECLS

/**
 * BilatExerciseDomain:
 * @BILAT_EXERCISE_DOMAIN_UNKNOWN: the source does not say
 * @BILAT_EXERCISE_DOMAIN_LAND: ground forces
 * @BILAT_EXERCISE_DOMAIN_NAVAL: naval forces
 * @BILAT_EXERCISE_DOMAIN_AIR: air forces
 * @BILAT_EXERCISE_DOMAIN_JOINT: several services together
 *
 * Which armed services a [class@Bilat.Exercise] involves.
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_EXERCISE_DOMAIN_UNKNOWN,
  BILAT_EXERCISE_DOMAIN_LAND,
  BILAT_EXERCISE_DOMAIN_NAVAL,
  BILAT_EXERCISE_DOMAIN_AIR,
  BILAT_EXERCISE_DOMAIN_JOINT,
} BilatExerciseDomain;

/**
 * BilatExerciseDomains:
 * @BILAT_EXERCISE_DOMAINS_NONE: none recorded
 * @BILAT_EXERCISE_DOMAINS_COMMAND_POST: a command post exercise (staffs
 *   and headquarters rather than troops in the field)
 * @BILAT_EXERCISE_DOMAINS_AIR: in the air
 * @BILAT_EXERCISE_DOMAINS_LAND: on land
 * @BILAT_EXERCISE_DOMAINS_SEA: at sea
 * @BILAT_EXERCISE_DOMAINS_AMPHIBIOUS: from the sea onto land
 * @BILAT_EXERCISE_DOMAINS_CYBER: in computer networks
 *
 * Where an exercise takes place, as research data such as the
 * Multinational Military Exercises dataset record it: a flags type, since
 * one exercise can be in several domains.
 *
 * Since: 1.0
 */
typedef enum /*< flags >*/ {
  BILAT_EXERCISE_DOMAINS_NONE = 0,
  BILAT_EXERCISE_DOMAINS_COMMAND_POST = 1 << 0,
  BILAT_EXERCISE_DOMAINS_AIR = 1 << 1,
  BILAT_EXERCISE_DOMAINS_LAND = 1 << 2,
  BILAT_EXERCISE_DOMAINS_SEA = 1 << 3,
  BILAT_EXERCISE_DOMAINS_AMPHIBIOUS = 1 << 4,
  BILAT_EXERCISE_DOMAINS_CYBER = 1 << 5,
} BilatExerciseDomains;

/**
 * BilatExerciseMissions:
 * @BILAT_EXERCISE_MISSIONS_NONE: none recorded
 * @BILAT_EXERCISE_MISSIONS_WARFIGHTING: combat operations
 * @BILAT_EXERCISE_MISSIONS_PEACEKEEPING: peacekeeping and peace support
 * @BILAT_EXERCISE_MISSIONS_HUMANITARIAN: humanitarian assistance and
 *   disaster relief
 *
 * What an exercise trains for: a flags type, since one exercise can train
 * for several missions.
 *
 * Since: 1.0
 */
typedef enum /*< flags >*/ {
  BILAT_EXERCISE_MISSIONS_NONE = 0,
  BILAT_EXERCISE_MISSIONS_WARFIGHTING = 1 << 0,
  BILAT_EXERCISE_MISSIONS_PEACEKEEPING = 1 << 1,
  BILAT_EXERCISE_MISSIONS_HUMANITARIAN = 1 << 2,
} BilatExerciseMissions;

#define BILAT_TYPE_EXERCISE (bilat_exercise_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatExercise, bilat_exercise, BILAT, EXERCISE, BilatEvent)

BILAT_AVAILABLE_IN_1_0
BilatExercise      *bilat_exercise_new         (const char          *id);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_exercise_get_series  (BilatExercise       *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_exercise_set_series  (BilatExercise       *self,
                                                const char          *series);
BILAT_AVAILABLE_IN_1_0
guint               bilat_exercise_get_edition (BilatExercise       *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_exercise_set_edition (BilatExercise       *self,
                                                guint                edition);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_exercise_get_host    (BilatExercise       *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_exercise_set_host    (BilatExercise       *self,
                                                const char          *host);
BILAT_AVAILABLE_IN_1_0
BilatExerciseDomain bilat_exercise_get_domain  (BilatExercise       *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_exercise_set_domain  (BilatExercise       *self,
                                                BilatExerciseDomain  domain);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_exercise_get_focus   (BilatExercise       *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_exercise_set_focus   (BilatExercise       *self,
                                                const char          *focus);

BILAT_AVAILABLE_IN_1_0
BilatExerciseDomains  bilat_exercise_get_domains  (BilatExercise         *self);
BILAT_AVAILABLE_IN_1_0
void                  bilat_exercise_set_domains  (BilatExercise         *self,
                                                   BilatExerciseDomains   domains);
BILAT_AVAILABLE_IN_1_0
BilatExerciseMissions bilat_exercise_get_missions (BilatExercise         *self);
BILAT_AVAILABLE_IN_1_0
void                  bilat_exercise_set_missions (BilatExercise         *self,
                                                   BilatExerciseMissions  missions);
BILAT_AVAILABLE_IN_1_0
const char           *bilat_exercise_get_participant_info (BilatExercise *self);
BILAT_AVAILABLE_IN_1_0
void                  bilat_exercise_set_participant_info (BilatExercise *self,
                                                           const char    *info);
BILAT_AVAILABLE_IN_1_0
guint                 bilat_exercise_get_unknown_participants (BilatExercise *self);
BILAT_AVAILABLE_IN_1_0
void                  bilat_exercise_set_unknown_participants (BilatExercise *self,
                                                               guint          n);

G_END_DECLS
