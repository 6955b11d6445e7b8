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

G_END_DECLS
