/* bilat-series-private.h: internals shared with the streaming readers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <bilat/bilat.h>

G_BEGIN_DECLS

/* Proleptic Gregorian calendar on GDate Julian day numbers (1 = 0001-01-01),
 * in integer arithmetic, for hot paths where GDate is too heavy. */
void    _bilat_julian_to_civil      (guint32          julian,
                                     int             *year,
                                     int             *month,
                                     int             *day);
guint32 _bilat_civil_to_julian      (int              year,
                                     int              month,
                                     int              day);

/* The bin key of a day for @unit, and counting one event in a bin by key. */
gint64  _bilat_series_key_for_civil (BilatSeriesUnit  unit,
                                     int              year,
                                     int              month,
                                     int              day);
void    _bilat_series_add_key       (BilatSeries     *self,
                                     gint64           key,
                                     double           goldstein,
                                     BilatQuadClass   quad_class);

/* Sets an empty bin to the figures of a run of events, summed in their
 * order from zero; FALSE (nothing done) if the bin has events already. */
gboolean _bilat_series_add_run      (BilatSeries     *self,
                                     gint64           key,
                                     guint64          count,
                                     double           goldstein_sum,
                                     guint64          goldstein_count,
                                     const guint64    quad[4]);

G_END_DECLS
