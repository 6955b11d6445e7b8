/* bilat-plot.h: charts of libbilat data, drawn with cairo and Pango
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#define __BILAT_PLOT_INSIDE__

#include <bilat/bilat.h>

#include "bilat-plot-macros.h"
#include "bilat-plot-chart.h"
#include "bilat-plot-series-chart.h"
#include "bilat-plot-timeline-chart.h"
#include "bilat-plot-affinity-chart.h"
#include "bilat-plot-enum-types.h"

#undef __BILAT_PLOT_INSIDE__
