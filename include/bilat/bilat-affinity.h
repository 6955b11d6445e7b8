/* bilat-affinity.h: how close two states stand, from their votes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include <gio/gio.h>

#include "bilat-version-macros.h"
#include "bilat-import.h"
#include "bilat-query.h"
#include "bilat-store.h"

G_BEGIN_DECLS

/**
 * BilatAffinityUnit:
 * @BILAT_AFFINITY_UNIT_PERIOD: one score over the whole period
 * @BILAT_AFFINITY_UNIT_YEAR: one score per calendar year of the roll calls
 * @BILAT_AFFINITY_UNIT_SESSION: one score per session of the assembly
 *
 * What one score of a [class@Bilat.Affinity] covers.
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_AFFINITY_UNIT_PERIOD,
  BILAT_AFFINITY_UNIT_YEAR,
  BILAT_AFFINITY_UNIT_SESSION,
} BilatAffinityUnit;

/**
 * BilatAffinityMeasures:
 * @BILAT_AFFINITY_MEASURES_NONE: no measure
 * @BILAT_AFFINITY_MEASURES_AGREE: the agreement index, 1 − Σd / (n·d_max)
 * @BILAT_AFFINITY_MEASURES_S: Signorino and Ritter's S, absolute distances
 * @BILAT_AFFINITY_MEASURES_S2: Signorino and Ritter's S, squared distances
 * @BILAT_AFFINITY_MEASURES_KAPPA: Cohen's κ with linear distance weights
 * @BILAT_AFFINITY_MEASURES_PI: Scott's π with linear distance weights
 * @BILAT_AFFINITY_MEASURES_ALL: every measure
 *
 * The measures of affinity, as columns to print
 * (see [method@Bilat.Affinity.to_string]).
 *
 * Since: 1.0
 */
typedef enum /*< flags >*/ {
  BILAT_AFFINITY_MEASURES_NONE = 0,
  BILAT_AFFINITY_MEASURES_AGREE = 1 << 0,
  BILAT_AFFINITY_MEASURES_S = 1 << 1,
  BILAT_AFFINITY_MEASURES_S2 = 1 << 2,
  BILAT_AFFINITY_MEASURES_KAPPA = 1 << 3,
  BILAT_AFFINITY_MEASURES_PI = 1 << 4,
  BILAT_AFFINITY_MEASURES_ALL = 0x1f,
} BilatAffinityMeasures;

/**
 * BilatAffinityFormat:
 * @BILAT_AFFINITY_FORMAT_TABLE: aligned columns for people to read
 * @BILAT_AFFINITY_FORMAT_CSV: comma-separated values, with a header line
 * @BILAT_AFFINITY_FORMAT_TSV: tab-separated values, with a header line
 * @BILAT_AFFINITY_FORMAT_JSON: a JSON array of objects
 *
 * How [method@Bilat.Affinity.to_string] prints.
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_AFFINITY_FORMAT_TABLE,
  BILAT_AFFINITY_FORMAT_CSV,
  BILAT_AFFINITY_FORMAT_TSV,
  BILAT_AFFINITY_FORMAT_JSON,
} BilatAffinityFormat;

/**
 * BILAT_AFFINITY_DEFAULT_THIN_THRESHOLD:
 *
 * The number of shared roll calls below which a score is flagged as thin,
 * unless [property@Bilat.AffinitySettings:thin-threshold] says otherwise.
 *
 * Since: 1.0
 */
#define BILAT_AFFINITY_DEFAULT_THIN_THRESHOLD 10

#define BILAT_TYPE_AFFINITY_SETTINGS (bilat_affinity_settings_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatAffinitySettings, bilat_affinity_settings, BILAT, AFFINITY_SETTINGS, GObject)

BILAT_AVAILABLE_IN_1_0
BilatAffinitySettings *bilat_affinity_settings_new                (void);
BILAT_AVAILABLE_IN_1_0
BilatQuery            *bilat_affinity_settings_get_query          (BilatAffinitySettings *self);
BILAT_AVAILABLE_IN_1_0
void                   bilat_affinity_settings_set_query          (BilatAffinitySettings *self,
                                                                   BilatQuery            *query);
BILAT_AVAILABLE_IN_1_0
BilatAffinityUnit      bilat_affinity_settings_get_unit           (BilatAffinitySettings *self);
BILAT_AVAILABLE_IN_1_0
void                   bilat_affinity_settings_set_unit           (BilatAffinitySettings *self,
                                                                   BilatAffinityUnit      unit);
BILAT_AVAILABLE_IN_1_0
const char            *bilat_affinity_settings_get_topic          (BilatAffinitySettings *self);
BILAT_AVAILABLE_IN_1_0
void                   bilat_affinity_settings_set_topic          (BilatAffinitySettings *self,
                                                                   const char            *topic);
BILAT_AVAILABLE_IN_1_0
gboolean               bilat_affinity_settings_get_important_only (BilatAffinitySettings *self);
BILAT_AVAILABLE_IN_1_0
void                   bilat_affinity_settings_set_important_only (BilatAffinitySettings *self,
                                                                   gboolean               important_only);
BILAT_AVAILABLE_IN_1_0
guint                  bilat_affinity_settings_get_thin_threshold (BilatAffinitySettings *self);
BILAT_AVAILABLE_IN_1_0
void                   bilat_affinity_settings_set_thin_threshold (BilatAffinitySettings *self,
                                                                   guint                  threshold);

#define BILAT_TYPE_AFFINITY_SCORE (bilat_affinity_score_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatAffinityScore, bilat_affinity_score, BILAT, AFFINITY_SCORE, GObject)

BILAT_AVAILABLE_IN_1_0
const char *bilat_affinity_score_get_actor_a (BilatAffinityScore *self);
BILAT_AVAILABLE_IN_1_0
const char *bilat_affinity_score_get_actor_b (BilatAffinityScore *self);
BILAT_AVAILABLE_IN_1_0
guint       bilat_affinity_score_get_year    (BilatAffinityScore *self);
BILAT_AVAILABLE_IN_1_0
guint       bilat_affinity_score_get_session (BilatAffinityScore *self);
BILAT_AVAILABLE_IN_1_0
guint       bilat_affinity_score_get_n       (BilatAffinityScore *self);
BILAT_AVAILABLE_IN_1_0
double      bilat_affinity_score_get_agree   (BilatAffinityScore *self);
BILAT_AVAILABLE_IN_1_0
double      bilat_affinity_score_get_s       (BilatAffinityScore *self);
BILAT_AVAILABLE_IN_1_0
double      bilat_affinity_score_get_s2      (BilatAffinityScore *self);
BILAT_AVAILABLE_IN_1_0
double      bilat_affinity_score_get_kappa   (BilatAffinityScore *self);
BILAT_AVAILABLE_IN_1_0
double      bilat_affinity_score_get_pi      (BilatAffinityScore *self);
BILAT_AVAILABLE_IN_1_0
gboolean    bilat_affinity_score_get_thin    (BilatAffinityScore *self);

#define BILAT_TYPE_AFFINITY (bilat_affinity_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatAffinity, bilat_affinity, BILAT, AFFINITY, GObject)

BILAT_AVAILABLE_IN_1_0
BilatAffinityUnit bilat_affinity_get_unit           (BilatAffinity        *self);
BILAT_AVAILABLE_IN_1_0
gboolean          bilat_affinity_get_matrix         (BilatAffinity        *self);
BILAT_AVAILABLE_IN_1_0
guint             bilat_affinity_get_thin_threshold (BilatAffinity        *self);
BILAT_AVAILABLE_IN_1_0
char             *bilat_affinity_to_string          (BilatAffinity        *self,
                                                     BilatAffinityFormat   format,
                                                     BilatAffinityMeasures measures);

BILAT_AVAILABLE_IN_1_0
BilatAffinity    *bilat_store_compute_affinity        (BilatStore            *store,
                                                       const char            *actor_a,
                                                       const char            *actor_b,
                                                       BilatAffinitySettings *settings);
BILAT_AVAILABLE_IN_1_0
BilatAffinity    *bilat_store_compute_affinity_matrix (BilatStore            *store,
                                                       const char * const    *actors,
                                                       BilatAffinitySettings *settings);

BILAT_AVAILABLE_IN_1_0
BilatImportReport *bilat_store_import_votes           (BilatStore            *store,
                                                       GFile                **files,
                                                       guint                  n_files,
                                                       BilatImportFlags       flags,
                                                       GCancellable          *cancellable,
                                                       GError               **error);
BILAT_AVAILABLE_IN_1_0
BilatImportReport *bilat_store_import_votes_from_stream (BilatStore          *store,
                                                       GInputStream          *stream,
                                                       const char            *name,
                                                       BilatImportFlags       flags,
                                                       GCancellable          *cancellable,
                                                       GError               **error);

G_END_DECLS
