/* bilat-exercise-counts.h: joint exercises counted per period
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
#include "bilat-exercise.h"
#include "bilat-query.h"
#include "bilat-series.h"
#include "bilat-store.h"

G_BEGIN_DECLS

#define BILAT_TYPE_EXERCISE_COUNTS (bilat_exercise_counts_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatExerciseCounts, bilat_exercise_counts, BILAT, EXERCISE_COUNTS, GObject)

BILAT_AVAILABLE_IN_1_0
BilatExerciseCounts *bilat_store_count_exercises          (BilatStore            *store,
                                                           BilatQuery            *query,
                                                           BilatSeriesUnit        unit);
BILAT_AVAILABLE_IN_1_0
BilatSeriesUnit      bilat_exercise_counts_get_unit       (BilatExerciseCounts   *self);
BILAT_AVAILABLE_IN_1_0
guint                bilat_exercise_counts_get_n_periods  (BilatExerciseCounts   *self);
BILAT_AVAILABLE_IN_1_0
BilatDate           *bilat_exercise_counts_get_period     (BilatExerciseCounts   *self,
                                                           guint                  index);
BILAT_AVAILABLE_IN_1_0
guint                bilat_exercise_counts_get_exercises  (BilatExerciseCounts   *self,
                                                           guint                  index);
BILAT_AVAILABLE_IN_1_0
guint                bilat_exercise_counts_get_domain_count (BilatExerciseCounts *self,
                                                             guint                index,
                                                             BilatExerciseDomains domain);
BILAT_AVAILABLE_IN_1_0
guint                bilat_exercise_counts_get_mission_count (BilatExerciseCounts  *self,
                                                              guint                 index,
                                                              BilatExerciseMissions mission);
BILAT_AVAILABLE_IN_1_0
guint                bilat_exercise_counts_get_total      (BilatExerciseCounts   *self);
BILAT_AVAILABLE_IN_1_0
guint                bilat_exercise_counts_get_n_undated  (BilatExerciseCounts   *self);
BILAT_AVAILABLE_IN_1_0
guint                bilat_exercise_counts_get_n_imprecise (BilatExerciseCounts  *self);
BILAT_AVAILABLE_IN_1_0
char                *bilat_exercise_counts_to_string      (BilatExerciseCounts   *self,
                                                           BilatSeriesFormat      format);

G_END_DECLS
