/* bilat-plot-series-chart.h: events per period, stacked by QuadClass
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_PLOT_INSIDE__) && !defined(BILAT_PLOT_COMPILATION)
# error "Only <bilat-plot/bilat-plot.h> can be included directly."
#endif

#include <bilat/bilat.h>

#include "bilat-plot-chart.h"

G_BEGIN_DECLS

#define BILAT_PLOT_TYPE_SERIES_CHART (bilat_plot_series_chart_get_type ())

BILAT_PLOT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatPlotSeriesChart, bilat_plot_series_chart, BILAT_PLOT, SERIES_CHART, BilatPlotChart)

BILAT_PLOT_AVAILABLE_IN_1_0
BilatPlotSeriesChart *bilat_plot_series_chart_new           (void);
BILAT_PLOT_AVAILABLE_IN_1_0
BilatPlotSeriesChart *bilat_plot_series_chart_new_for_store (BilatStore           *store,
                                                             BilatQuery           *query,
                                                             BilatSeriesUnit       unit);
BILAT_PLOT_AVAILABLE_IN_1_0
void                  bilat_plot_series_chart_add_series    (BilatPlotSeriesChart *self,
                                                             BilatSeries          *series,
                                                             const char           *label);
BILAT_PLOT_AVAILABLE_IN_1_0
guint                 bilat_plot_series_chart_get_n_series  (BilatPlotSeriesChart *self);

G_END_DECLS
