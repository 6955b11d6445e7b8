/* bilat-series-private.h: internals shared with the streaming readers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <bilat/bilat.h>

/* Series keys are calendar days, months or years: the readers and the
 * segments that bin events use the calendar arithmetic with them. */
#include "bilat-date-private.h"
#include "bilat-event-private.h"

G_BEGIN_DECLS

/* The bin key of a day for @unit, and counting one event in a bin by key. */
gint64  _bilat_series_key_for_civil (BilatSeriesUnit  unit,
                                     int              year,
                                     int              month,
                                     int              day);
/* The period of a bin key: a day, a month or a year. */
BilatDate *_bilat_series_key_to_date (BilatSeriesUnit  unit,
                                      gint64           key);
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

/* Counts one event given by its figures. */
void     _bilat_series_add_facts    (BilatSeries           *self,
                                     const BilatEventFacts *facts);

G_END_DECLS
