/* bilat-plot-affinity-chart.h: an affinity measure per year for one or more dyads
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_PLOT_INSIDE__) && !defined(BILAT_PLOT_COMPILATION)
# error "Only <bilat-plot/bilat-plot.h> can be included directly."
#endif

#include <glib-object.h>

#include "bilat-plot-chart.h"

G_BEGIN_DECLS

#define BILAT_PLOT_TYPE_AFFINITY_CHART (bilat_plot_affinity_chart_get_type ())

BILAT_PLOT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatPlotAffinityChart, bilat_plot_affinity_chart, BILAT_PLOT, AFFINITY_CHART, BilatPlotChart)

BILAT_PLOT_AVAILABLE_IN_1_0
BilatPlotAffinityChart *bilat_plot_affinity_chart_new             (void);
BILAT_PLOT_AVAILABLE_IN_1_0
void                    bilat_plot_affinity_chart_add_value       (BilatPlotAffinityChart *self,
                                                                   const char             *label,
                                                                   int                     year,
                                                                   double                  value,
                                                                   gboolean                thin);
BILAT_PLOT_AVAILABLE_IN_1_0
guint                   bilat_plot_affinity_chart_get_n_lines     (BilatPlotAffinityChart *self);
BILAT_PLOT_AVAILABLE_IN_1_0
const char             *bilat_plot_affinity_chart_get_measure     (BilatPlotAffinityChart *self);
BILAT_PLOT_AVAILABLE_IN_1_0
void                    bilat_plot_affinity_chart_set_measure     (BilatPlotAffinityChart *self,
                                                                   const char             *measure);

G_END_DECLS
