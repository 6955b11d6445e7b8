/* bilat-votes-private.h: roll-call votes kept column by column
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layering: a vote table knows dates and nothing of the store; the UNGA
 * reader (bilat-unga.c) builds one, the store keeps one beside its
 * objects, and the affinity measures (bilat-affinity.c) read it.
 *
 * What a table holds: roll calls (a vote of an assembly on one text),
 * sorted by day and then by their number, and the votes cast on them, a
 * 32-bit word each: the index of the roll call shifted left by two, and
 * the vote in the low two bits (BilatVoteCode). Votes are grouped by
 * holder (the state that cast them) and sorted by roll call within a
 * holder, so that the votes two holders cast on the roll calls of a period
 * are two runs found by binary search and merged in one pass. Strings
 * (holder ids, resolution symbols, titles, descriptions, topic codes and
 * names) live in one heap of NUL-terminated strings; offset 0 is the
 * empty string, which stands for none.
 *
 * A table is immutable once built, and reference-counted, so that results
 * computed on it may keep it while the store moves on to a new one.
 */

#pragma once

#include <bilat/bilat.h>

G_BEGIN_DECLS

/* The votes a table keeps; the absence of a vote (absent, not a member)
 * is no vote at all. */
typedef enum
{
  BILAT_VOTE_CODE_NONE    = 0,
  BILAT_VOTE_CODE_YES     = 1,
  BILAT_VOTE_CODE_ABSTAIN = 2,
  BILAT_VOTE_CODE_NO      = 3,
} BilatVoteCode;

#define _BILAT_VOTE_ROLL_CALL(word) ((word) >> 2)
#define _BILAT_VOTE_CODE(word)      ((BilatVoteCode) ((word) & 3u))
#define _BILAT_VOTE_WORD(rc, code)  (((guint32) (rc) << 2) | (guint32) (code))

/* The most roll calls a table holds: their index fits in 30 bits. */
#define _BILAT_VOTES_MAX_ROLL_CALLS (1u << 30)

/* The most topics: a roll call's topics are a 32-bit mask. */
#define _BILAT_VOTES_MAX_TOPICS 32

typedef enum
{
  BILAT_ROLL_CALL_IMPORTANT = 1 << 0,   /* an "important vote" (US State Department) */
  BILAT_ROLL_CALL_AMENDMENT = 1 << 1,   /* a vote on an amendment */
  BILAT_ROLL_CALL_PARAGRAPH = 1 << 2,   /* a vote on a paragraph */
} BilatRollCallFlags;

typedef struct
{
  guint32 number;        /* the dataset's id: RCID */
  guint32 day;           /* Julian day (bilat-date-private.h); never 0 */
  guint16 year;          /* the day's calendar year */
  guint16 session;       /* 0: not known */
  guint8  flags;         /* BilatRollCallFlags */
  guint8  reserved[3];
  guint32 topics;        /* bit i: topic i of the table */
  guint32 resolution;    /* heap offsets; 0: none */
  guint32 title;
  guint32 description;
} BilatRollCall;

typedef struct _BilatVotes BilatVotes;

BilatVotes          *_bilat_votes_ref              (BilatVotes       *self);
void                 _bilat_votes_unref            (BilatVotes       *self);

guint                _bilat_votes_get_n_roll_calls (const BilatVotes *self);
const BilatRollCall *_bilat_votes_get_roll_calls   (const BilatVotes *self);
/* The index of the roll call numbered @number, or -1. */
gint64               _bilat_votes_find_roll_call   (const BilatVotes *self,
                                                    guint32           number);
/* The first roll call on or after @day (n_roll_calls if none). */
guint                _bilat_votes_lower_bound      (const BilatVotes *self,
                                                    guint32           day);

guint                _bilat_votes_get_n_topics     (const BilatVotes *self);
const char          *_bilat_votes_get_topic_code   (const BilatVotes *self,
                                                    guint             topic);
const char          *_bilat_votes_get_topic_name   (const BilatVotes *self,
                                                    guint             topic);
/* The index of the topic with code @code, or -1. */
int                  _bilat_votes_find_topic       (const BilatVotes *self,
                                                    const char       *code);

/* Holders are in strcmp() order of their ids. */
guint                _bilat_votes_get_n_holders    (const BilatVotes *self);
const char          *_bilat_votes_get_holder       (const BilatVotes *self,
                                                    guint             holder);
/* The index of the holder @id, or -1. */
int                  _bilat_votes_find_holder      (const BilatVotes *self,
                                                    const char       *id);
/* The votes of @holder, sorted by roll call; *n_votes is their number. */
const guint32       *_bilat_votes_get_holder_votes (const BilatVotes *self,
                                                    guint             holder,
                                                    guint            *n_votes);

guint64              _bilat_votes_get_n_votes      (const BilatVotes *self);
/* The vote at @position of all votes (holder by holder), and its holder. */
guint32              _bilat_votes_get_vote         (const BilatVotes *self,
                                                    guint64           position,
                                                    guint            *holder);

/* A string of the heap; "" for offset 0. */
const char          *_bilat_votes_get_string       (const BilatVotes *self,
                                                    guint32           offset);

/* Bytes the table takes in memory, everything included; for a table over
 * mapped columns (_bilat_votes_new_for_columns()), what it allocates. */
gsize                _bilat_votes_get_size         (const BilatVotes *self);

/* A new table with the roll calls and votes of both, or NULL with a
 * message in @error when a roll call of @b has the number of one of @a
 * with other facts. Where a holder voted on a roll call in both, the vote
 * of @a is kept and *n_duplicates (may be NULL) counts the vote of @b. */
BilatVotes          *_bilat_votes_merge            (const BilatVotes *a,
                                                    const BilatVotes *b,
                                                    guint64          *n_duplicates,
                                                    GError          **error);

/* The columns of a table, as a native file keeps them (bilat-native.c):
 * the arrays of the table as they are in memory. */
typedef struct
{
  const BilatRollCall *roll_calls;
  guint                n_roll_calls;
  const guint32       *by_number;      /* n_roll_calls */
  const guint32       *topics;         /* heap offsets of the code and the
                                        * name of each topic, in turn */
  guint                n_topics;
  const guint32       *holders;        /* n_holders */
  guint                n_holders;
  const guint64       *holder_start;   /* n_holders + 1 */
  const guint32       *votes;          /* n_votes */
  guint64              n_votes;
  const char          *heap;
  gsize                heap_size;
  /* Where _bilat_votes_get_columns() puts the topics for @topics. */
  guint32              topic_pairs[2 * _BILAT_VOTES_MAX_TOPICS];
} BilatVotesColumns;

/* The columns of @self; they stay valid as long as @self. */
void                 _bilat_votes_get_columns      (const BilatVotes  *self,
                                                    BilatVotesColumns *columns);

/* A table over @columns, which stay where they are, in memory that
 * @mapping (referenced) keeps; or NULL when a value is out of place, with
 * the name of the column ("roll-calls", "by-number", "topics", "holders",
 * "holder-start", "words", "heap") in *bad_column and why in @error.
 * Everything the table's users rely on is checked: offsets and indexes in
 * bounds, strings UTF-8 and where strings start, roll calls, numbers,
 * topics and holders in their order, each holder's votes on roll calls in
 * order, each once, with a vote. */
BilatVotes          *_bilat_votes_new_for_columns  (const BilatVotesColumns *columns,
                                                    GBytes            *mapping,
                                                    const char       **bad_column,
                                                    GError           **error);

/* Whether two tables hold the same roll calls, topics and votes. */
gboolean             _bilat_votes_equal            (const BilatVotes *a,
                                                    const BilatVotes *b);

/* Building. Roll calls and votes come in any order; votes name their
 * roll call by number, which must have been added by the time the table
 * is built. */

typedef struct _BilatVotesBuilder BilatVotesBuilder;

BilatVotesBuilder   *_bilat_votes_builder_new      (void);
void                 _bilat_votes_builder_free     (BilatVotesBuilder *self);

/* The index of topic @code, added with @name if new (a later non-empty
 * name replaces an empty one); -1 when the table has its most topics. */
int                  _bilat_votes_builder_add_topic (BilatVotesBuilder *self,
                                                    const char        *code,
                                                    const char        *name);

/* FALSE if a roll call numbered @number was added already. The strings
 * may be NULL. */
gboolean             _bilat_votes_builder_add_roll_call (BilatVotesBuilder *self,
                                                    guint32            number,
                                                    guint32            day,
                                                    guint16            session,
                                                    guint8             flags,
                                                    guint32            topics,
                                                    const char        *resolution,
                                                    const char        *title,
                                                    const char        *description);

/* Adds topic @topic to roll call @number if it exists; FALSE otherwise. */
gboolean             _bilat_votes_builder_add_roll_call_topic (BilatVotesBuilder *self,
                                                    guint32            number,
                                                    guint              topic);

gboolean             _bilat_votes_builder_has_roll_call (BilatVotesBuilder *self,
                                                    guint32            number);
/* The day of roll call @number, or 0 if it has not been added. */
guint32              _bilat_votes_builder_get_day  (BilatVotesBuilder *self,
                                                    guint32            number);

/* Adds a vote of @holder on roll call @number, which need not be known
 * yet; @tag is the caller's (a row number) and is given back by
 * _bilat_votes_builder_foreach_orphan(). */
void                 _bilat_votes_builder_add_vote (BilatVotesBuilder *self,
                                                    const char        *holder,
                                                    guint32            number,
                                                    BilatVoteCode      code,
                                                    guint64            tag);

guint64              _bilat_votes_builder_get_n_votes (BilatVotesBuilder *self);

/* Calls @func with the tag and roll-call number of every vote whose roll
 * call has not been added, in the order they were added. */
typedef void (*BilatOrphanFunc) (guint64  tag,
                                 guint32  number,
                                 gpointer user_data);
void                 _bilat_votes_builder_foreach_orphan (BilatVotesBuilder *self,
                                                    BilatOrphanFunc    func,
                                                    gpointer           user_data);

/* Builds the table; votes on roll calls not added are left out, and so is
 * a holder's second vote on a roll call (*n_duplicates counts them; may
 * be NULL). The builder is empty afterwards. */
BilatVotes          *_bilat_votes_builder_build    (BilatVotesBuilder *self,
                                                    guint64           *n_duplicates);

G_END_DECLS

/* Votes as rows of the store's list of positions (bilat-vote-rows.c): each
 * vote is the position `unga:RCID:HOLDER` of its holder on the issue
 * `unga:RCID`, and the rows are in strcmp() order of those ids, as the
 * list's objects are. The order is built when first asked for. A vote
 * cites its row of the votes table: the source _BILAT_VOTES_SOURCE (the
 * data set, a source of every store that holds votes) and the row's key,
 * `rcid=RCID country=HOLDER`, made with the position, never stored. */

#define _BILAT_VOTES_SOURCE "unga-votes"

G_BEGIN_DECLS

typedef struct _BilatVoteRows BilatVoteRows;

BilatVoteRows       *_bilat_vote_rows_new          (BilatVotes       *votes);
void                 _bilat_vote_rows_free         (BilatVoteRows    *self);
guint                _bilat_vote_rows_get_n_rows   (BilatVoteRows    *self);
/* The first row whose id sorts at or after @id. */
guint                _bilat_vote_rows_lower_bound  (BilatVoteRows    *self,
                                                    const char       *id);
/* The row with id @id, or -1. */
gint64               _bilat_vote_rows_find         (BilatVoteRows    *self,
                                                    const char       *id);
/* A new position for @row: its id, holder, issue, stance, the roll
 * call's date and the citation of its row. */
BilatPosition       *_bilat_vote_rows_make         (BilatVoteRows    *self,
                                                    guint             row);

/* A new issue for the roll call with id @id (`unga:RCID`), with the roll
 * call's title, description, date, session, resolution, importance and
 * topics (as parents `unga-topic:CODE`), or NULL if the table has none. */
BilatIssue          *_bilat_votes_make_issue       (const BilatVotes *votes,
                                                    const char       *id);

/* Roll calls as rows of the store's list of issues, in strcmp() order of
 * their ids, as the list's objects are. */

typedef struct _BilatRollCallRows BilatRollCallRows;

BilatRollCallRows   *_bilat_roll_call_rows_new     (BilatVotes        *votes);
void                 _bilat_roll_call_rows_free    (BilatRollCallRows *self);
guint                _bilat_roll_call_rows_get_n_rows (BilatRollCallRows *self);
/* The first row whose id sorts at or after @id. */
guint                _bilat_roll_call_rows_lower_bound (BilatRollCallRows *self,
                                                    const char        *id);
/* The row with id @id, or -1. */
gint64               _bilat_roll_call_rows_find    (BilatRollCallRows *self,
                                                    const char        *id);
/* A new issue for @row (see _bilat_votes_make_issue()). */
BilatIssue          *_bilat_roll_call_rows_make    (BilatRollCallRows *self,
                                                    guint              row);

G_END_DECLS
