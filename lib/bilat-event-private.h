/* bilat-event-private.h: the figures of an event, packed
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <bilat/bilat.h>

G_BEGIN_DECLS

/* What a series counts of an event: the store keeps one per event, so that
 * a series over all its events reads a packed array, not the objects. */
typedef struct
{
  gpointer owner;            /* the store's entry of the event */
  guint32  first_julian;     /* 0: the date is unknown */
  guint32  last_julian;
  double   goldstein;        /* NAN: none */
  guint8   quad_class;       /* BilatQuadClass */
  guint8   precision;        /* of the start (BilatDatePrecision) */
  guint8   is_interval;
} BilatEventFacts;

/* Fills @facts (but its owner) from @event. */
void _bilat_event_facts_init (BilatEventFacts *facts,
                              BilatEvent      *event);

G_END_DECLS
