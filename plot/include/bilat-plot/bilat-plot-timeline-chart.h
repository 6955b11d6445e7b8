/* bilat-plot-timeline-chart.h: a chronology of events and exercises on a date axis
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

#define BILAT_PLOT_TYPE_TIMELINE_CHART (bilat_plot_timeline_chart_get_type ())

BILAT_PLOT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatPlotTimelineChart, bilat_plot_timeline_chart, BILAT_PLOT, TIMELINE_CHART, BilatPlotChart)

BILAT_PLOT_AVAILABLE_IN_1_0
BilatPlotTimelineChart *bilat_plot_timeline_chart_new           (void);
BILAT_PLOT_AVAILABLE_IN_1_0
BilatPlotTimelineChart *bilat_plot_timeline_chart_new_for_store (BilatStore             *store,
                                                                 BilatQuery             *query);
BILAT_PLOT_AVAILABLE_IN_1_0
void                    bilat_plot_timeline_chart_add_event     (BilatPlotTimelineChart *self,
                                                                 BilatEvent             *event);
BILAT_PLOT_AVAILABLE_IN_1_0
void                    bilat_plot_timeline_chart_add_events    (BilatPlotTimelineChart *self,
                                                                 GListModel             *events);
BILAT_PLOT_AVAILABLE_IN_1_0
guint                   bilat_plot_timeline_chart_get_n_events  (BilatPlotTimelineChart *self);

G_END_DECLS
