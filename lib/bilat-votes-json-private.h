/* bilat-votes-json-private.h: roll calls and their votes in the JSON format
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layering: knows the vote table and the JSON writer; the format's writer
 * and reader (bilat-format-write.c, bilat-format-read.c) call it.
 */

#pragma once

#include "bilat-json-private.h"
#include "bilat-votes-private.h"

G_BEGIN_DECLS

/* "unga:" and at most ten digits. */
#define _BILAT_VOTES_ID_SIZE 24

/* The votes of a table grouped by roll call, for writing roll calls one
 * after another. */
typedef struct _BilatVotesByRollCall BilatVotesByRollCall;

BilatVotesByRollCall *_bilat_votes_by_roll_call_new  (const BilatVotes     *votes);
void                  _bilat_votes_by_roll_call_free (BilatVotesByRollCall *self);

/* The vote at @position of the votes by roll call: the holder's index
 * shifted left by two, and the vote. */
guint32   _bilat_votes_by_roll_call_word (BilatVotesByRollCall *self,
                                          guint64               position);

/* The id of roll call @rc: `unga:RCID`. */
void      _bilat_votes_format_id       (const BilatVotes     *votes,
                                        guint                 rc,
                                        char                  buffer[_BILAT_VOTES_ID_SIZE]);

/* The roll calls in strcmp() order of their ids followed by @suffix
 * ("": the roll calls' own ids; ":": the ids of the votes on them), as a
 * new array of indexes. */
guint32  *_bilat_votes_order_by_id     (const BilatVotes     *votes,
                                        const char           *suffix);

/* Writes roll call @rc as an issue record of type "roll-call". */
void      _bilat_votes_write_roll_call (const BilatVotes     *votes,
                                        BilatVotesByRollCall *index,
                                        guint                 rc,
                                        _BilatJsonWriter     *writer);

/* The number of a roll-call id as the writer writes it (`unga:4521`). */
gboolean  _bilat_votes_parse_id        (const char           *id,
                                        guint32              *number);

G_END_DECLS
