/* bilat-plot-macros.h: symbol availability of libbilat-plot
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_PLOT_INSIDE__) && !defined(BILAT_PLOT_COMPILATION)
# error "Only <bilat-plot/bilat-plot.h> can be included directly."
#endif

#include <glib.h>

#ifndef _BILAT_PLOT_EXTERN
# define _BILAT_PLOT_EXTERN __attribute__((visibility("default"))) extern
#endif

/**
 * BILAT_PLOT_AVAILABLE_IN_1_0:
 *
 * Marks a symbol of libbilat-plot that appeared in version 1.0.
 *
 * Since: 1.0
 */
#define BILAT_PLOT_AVAILABLE_IN_1_0 _BILAT_PLOT_EXTERN
