/* bilat-store-private.h: the store's indexes, for queries and series
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <bilat/bilat.h>

#include "bilat-event-private.h"

G_BEGIN_DECLS

/* The facts of every event of the store, in no particular order. */
const BilatEventFacts *
           _bilat_store_get_event_facts    (BilatStore         *self,
                                            guint              *n_facts);

/* How many events @actor takes part in. */
guint      _bilat_store_count_actor_events (BilatStore         *self,
                                            const char         *actor);

/* The events in which any of @actors takes part, in the order of the
 * store's event list, each once, as borrowed pointers. With @in_period,
 * only events whose date overlaps [@first_julian, @last_julian]. */
GPtrArray *_bilat_store_events_of_actors   (BilatStore         *self,
                                            const char * const *actors,
                                            gboolean            in_period,
                                            guint32             first_julian,
                                            guint32             last_julian);

/* The events whose date overlaps [@first_julian, @last_julian], in list
 * order, as borrowed pointers, found by binary search. */
GPtrArray *_bilat_store_events_in_period   (BilatStore         *self,
                                            guint32             first_julian,
                                            guint32             last_julian);

/* Calls @func on every event of the store, in list order, without taking
 * references. */
void       _bilat_store_foreach_event      (BilatStore         *self,
                                            GFunc               func,
                                            gpointer            user_data);

/* Bulk records (bilat-segment-private.h). */

typedef struct _BilatSegment BilatSegment;

/* Adds the events and sources of @segment: its events must be new to the
 * store; its sources that the store has already are left out. */
void        _bilat_store_add_segment       (BilatStore         *self,
                                            BilatSegment       *segment);

/* Whether the store's rows may be read: checks the rows of a native
 * file if that is still to do; FALSE with the damage otherwise. */
gboolean    _bilat_store_ensure_rows       (BilatStore         *self,
                                            GError            **error);

/* The segment of the store's coded events, or NULL, and the bitmap of its
 * rows that are no longer in the store (or NULL). */
BilatSegment *_bilat_store_get_segment     (BilatStore         *self,
                                            const guint8      **dead);

/* Whether the store has an event with id @id, object or row. */
gboolean   _bilat_store_has_event          (BilatStore         *self,
                                            const char         *id);

/* A new list of @objects (events, in list order) and @rows of @segment
 * (sorted; may be NULL), merged in the store's order. */
GListModel *_bilat_store_new_result        (BilatStore         *self,
                                            GPtrArray          *objects,
                                            BilatSegment       *segment,
                                            GArray             *rows);

/* The objects of kind @kind (a _BilatKind) in list order, borrowed. */
GPtrArray  *_bilat_store_list_objects      (BilatStore         *self,
                                            guint               kind);

/* The store's rows as a segment without the rows taken out, or NULL. */
BilatSegment *_bilat_store_ref_live_segment (BilatStore        *self);

/* Calls @func on every record of kind @kind (a _BilatKind: sources or
 * events have rows) in list order: with the object, or with NULL and the
 * row of the store's segment. Positions that are votes are not walked:
 * they are rows of the vote table (see _bilat_store_get_votes()). */
typedef void (*BilatWalkFunc) (guint        position,
                               BilatRecord *object,
                               guint        row,
                               gpointer     data);

void        _bilat_store_walk              (BilatStore         *self,
                                            guint               kind,
                                            BilatWalkFunc       func,
                                            gpointer            data);

/* The segment of the store's bulk sources, or NULL. */
BilatSegment *_bilat_store_get_source_segment (BilatStore      *self);

/* Whether a bulk source of the store was removed. */
gboolean    _bilat_store_has_dead_sources  (BilatStore         *self);

/* The most actors a lineage holds: the actor and the states it continues. */
#define _BILAT_LINEAGE_MAX 32

/* The state succession of @actor, the one walk every caller uses: fills
 * @lineage with @actor, then its predecessor in the store, that one's
 * predecessor and so on, each once; an actor the store does not know
 * continues the state the identity tables say it continues. The walk
 * stops at an actor that has no predecessor, at a predecessor already in
 * the lineage (predecessors forming a cycle), and after
 * _BILAT_LINEAGE_MAX actors. The ids are @actor and strings of the store's
 * actors, valid while they are unchanged. Returns how many it filled, at
 * least 1. */
guint       _bilat_store_get_lineage       (BilatStore         *self,
                                            const char         *actor,
                                            const char         *lineage[_BILAT_LINEAGE_MAX]);

/* Roll-call votes (bilat-votes-private.h): the store's table, or NULL,
 * and its replacement (a new reference is taken; NULL: none). */
typedef struct _BilatVotes BilatVotes;

BilatVotes *_bilat_store_get_votes         (BilatStore         *self);

/* Whether issue @issue is under issue @parent: a roll call under one of
 * its topics (`unga:4521` under `unga-topic:me`), any other issue under
 * one of its parents (bilat_issue_get_parents()). */
gboolean    _bilat_store_issue_is_under    (BilatStore         *self,
                                            const char         *issue,
                                            const char         *parent);
/* Adds the source the votes cite (_BILAT_VOTES_SOURCE) unless the store
 * has it. */
void        _bilat_store_add_votes_source  (BilatStore         *self);
void        _bilat_store_set_votes         (BilatStore         *self,
                                            BilatVotes         *votes);

G_END_DECLS
