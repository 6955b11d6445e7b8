/* bilat-date-private.h: calendar arithmetic beside BilatDate
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Proleptic Gregorian calendar on GDate Julian day numbers (1 = 0001-01-01),
 * in integer arithmetic, for hot paths where GDate is too heavy: the
 * streaming readers, the segments and the series. */
void    _bilat_julian_to_civil      (guint32          julian,
                                     int             *year,
                                     int             *month,
                                     int             *day);
guint32 _bilat_civil_to_julian      (int              year,
                                     int              month,
                                     int              day);

G_END_DECLS
