/* bilat-series.h: event counts, Goldstein and QuadClass figures over time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include <gio/gio.h>

#include "bilat-version-macros.h"
#include "bilat-cameo.h"
#include "bilat-date.h"
#include "bilat-event.h"
#include "bilat-query.h"

G_BEGIN_DECLS

/**
 * BilatSeriesUnit:
 * @BILAT_SERIES_UNIT_DAY: one bin per calendar day
 * @BILAT_SERIES_UNIT_MONTH: one bin per calendar month
 * @BILAT_SERIES_UNIT_YEAR: one bin per calendar year
 *
 * The width of the bins of a [class@Bilat.Series].
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_SERIES_UNIT_DAY,
  BILAT_SERIES_UNIT_MONTH,
  BILAT_SERIES_UNIT_YEAR,
} BilatSeriesUnit;

/**
 * BilatSeriesFormat:
 * @BILAT_SERIES_FORMAT_CSV: comma-separated values with a header line
 * @BILAT_SERIES_FORMAT_TSV: tab-separated values with a header line
 * @BILAT_SERIES_FORMAT_JSON: a JSON object with the unit and an array of bins
 *
 * Text forms of a [class@Bilat.Series].
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_SERIES_FORMAT_CSV,
  BILAT_SERIES_FORMAT_TSV,
  BILAT_SERIES_FORMAT_JSON,
} BilatSeriesFormat;

/**
 * BILAT_SERIES_ERROR:
 *
 * The error domain of [class@Bilat.Series]. Errors in this domain are from
 * the [error@Bilat.SeriesError] enumeration.
 *
 * Since: 1.0
 */
#define BILAT_SERIES_ERROR (bilat_series_error_quark ())

/**
 * BilatSeriesError:
 * @BILAT_SERIES_ERROR_UNIT_MISMATCH: two series of different units cannot
 *   be merged
 * @BILAT_SERIES_ERROR_INVALID_DATA: bytes are not a series that
 *   [method@Bilat.Series.to_bytes] wrote, or one of a later version
 *
 * Error codes of the %BILAT_SERIES_ERROR domain.
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_SERIES_ERROR_UNIT_MISMATCH,
  BILAT_SERIES_ERROR_INVALID_DATA,
} BilatSeriesError;

#define BILAT_TYPE_SERIES (bilat_series_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatSeries, bilat_series, BILAT, SERIES, GObject)

BILAT_AVAILABLE_IN_1_0
GQuark          bilat_series_error_quark       (void);

BILAT_AVAILABLE_IN_1_0
BilatSeries    *bilat_series_new               (BilatSeriesUnit   unit);
BILAT_AVAILABLE_IN_1_0
BilatSeriesUnit bilat_series_get_unit          (BilatSeries      *self);

BILAT_AVAILABLE_IN_1_0
void            bilat_series_add_event         (BilatSeries      *self,
                                                BilatEvent       *event);
BILAT_AVAILABLE_IN_1_0
void            bilat_series_add_observation   (BilatSeries      *self,
                                                guint32           julian_day,
                                                double            goldstein,
                                                BilatQuadClass    quad_class);
BILAT_AVAILABLE_IN_1_0
gboolean        bilat_series_merge             (BilatSeries      *self,
                                                BilatSeries      *other,
                                                GError          **error);
BILAT_AVAILABLE_IN_1_0
gboolean        bilat_series_equal             (BilatSeries      *a,
                                                BilatSeries      *b);

BILAT_AVAILABLE_IN_1_0
guint           bilat_series_get_n_bins        (BilatSeries      *self);
BILAT_AVAILABLE_IN_1_0
BilatDate      *bilat_series_get_bin_date      (BilatSeries      *self,
                                                guint             bin);
BILAT_AVAILABLE_IN_1_0
guint64         bilat_series_get_count         (BilatSeries      *self,
                                                guint             bin);
BILAT_AVAILABLE_IN_1_0
guint64         bilat_series_get_goldstein_count (BilatSeries    *self,
                                                guint             bin);
BILAT_AVAILABLE_IN_1_0
double          bilat_series_get_goldstein_sum (BilatSeries      *self,
                                                guint             bin);
BILAT_AVAILABLE_IN_1_0
double          bilat_series_get_goldstein_mean (BilatSeries     *self,
                                                guint             bin);
BILAT_AVAILABLE_IN_1_0
guint64         bilat_series_get_quad_count    (BilatSeries      *self,
                                                guint             bin,
                                                BilatQuadClass    quad_class);
BILAT_AVAILABLE_IN_1_0
guint64         bilat_series_get_total         (BilatSeries      *self);
BILAT_AVAILABLE_IN_1_0
guint64         bilat_series_get_n_undated     (BilatSeries      *self);
BILAT_AVAILABLE_IN_1_0
guint64         bilat_series_get_n_imprecise   (BilatSeries      *self);

BILAT_AVAILABLE_IN_1_0
BilatSeries    *bilat_store_compute_series     (BilatStore       *store,
                                                BilatQuery       *query,
                                                BilatSeriesUnit   unit);

BILAT_AVAILABLE_IN_1_0
char           *bilat_series_to_string         (BilatSeries      *self,
                                                BilatSeriesFormat format);

BILAT_AVAILABLE_IN_1_0
GBytes         *bilat_series_to_bytes          (BilatSeries      *self);
BILAT_AVAILABLE_IN_1_0
BilatSeries    *bilat_series_new_from_bytes    (GBytes           *bytes,
                                                GError          **error);

G_END_DECLS
