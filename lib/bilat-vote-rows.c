/* bilat-vote-rows.c: votes as rows of the store's list of positions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layering: knows the vote table and makes positions; the store's lists
 * (bilat-store.c) merge these rows with their objects, as they merge the
 * rows of a segment.
 */

#include <stdlib.h>
#include <string.h>

#include "bilat-affinity-private.h"
#include "bilat-date-private.h"
#include "bilat-votes-json-private.h"
#include "bilat-votes-private.h"

/* A position id is "unga:" RCID ":" HOLDER; holders are short codes. */
#define ID_SIZE 64

struct _BilatVoteRows
{
  BilatVotes           *votes;
  guint64               n_rows;

  /* Built on first use: the roll calls in the order of their positions'
   * ids, the first row of each, and the votes by roll call. */
  guint32              *order;
  guint64              *first_row;      /* n_roll_calls + 1 */
  BilatVotesByRollCall *by_roll_call;
  guint64              *by_start;       /* its offsets, by roll-call index */
};

BilatVoteRows *
_bilat_vote_rows_new (BilatVotes *votes)
{
  BilatVoteRows *self = g_new0 (BilatVoteRows, 1);

  self->votes = _bilat_votes_ref (votes);
  self->n_rows = _bilat_votes_get_n_votes (votes);
  return self;
}

void
_bilat_vote_rows_free (BilatVoteRows *self)
{
  if (self == NULL)
    return;
  _bilat_votes_unref (self->votes);
  g_free (self->order);
  g_free (self->first_row);
  g_free (self->by_start);
  _bilat_votes_by_roll_call_free (self->by_roll_call);
  g_free (self);
}

guint
_bilat_vote_rows_get_n_rows (BilatVoteRows *self)
{
  return (guint) MIN (self->n_rows, G_MAXUINT);
}

static void
ensure_order (BilatVoteRows *self)
{
  const BilatVotes *votes = self->votes;
  guint n_rcs = _bilat_votes_get_n_roll_calls (votes);
  guint n_holders = _bilat_votes_get_n_holders (votes);
  g_autofree guint64 *counts = NULL;

  if (self->order != NULL)
    return;

  self->order = _bilat_votes_order_by_id (votes, ":");

  counts = g_new0 (guint64, n_rcs + 1);
  for (guint h = 0; h < n_holders; h++)
    {
      guint n;
      const guint32 *run = _bilat_votes_get_holder_votes (votes, h, &n);

      for (guint k = 0; k < n; k++)
        counts[_BILAT_VOTE_ROLL_CALL (run[k])]++;
    }
  self->by_start = g_new0 (guint64, n_rcs + 1);
  for (guint rc = 0; rc < n_rcs; rc++)
    self->by_start[rc + 1] = self->by_start[rc] + counts[rc];
  self->first_row = g_new0 (guint64, n_rcs + 1);
  for (guint k = 0; k < n_rcs; k++)
    self->first_row[k + 1] = self->first_row[k] + counts[self->order[k]];
  self->by_roll_call = _bilat_votes_by_roll_call_new (votes);
}

/* The roll call (by its place in the order) of @row. */
static guint
order_of_row (BilatVoteRows *self,
              guint          row)
{
  guint lo = 0, hi = _bilat_votes_get_n_roll_calls (self->votes);

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->first_row[mid] <= row)
        lo = mid;
      else
        hi = mid;
    }
  while (self->first_row[lo + 1] <= row)
    lo++;
  return lo;
}

static guint32
word_of_row (BilatVoteRows *self,
             guint          row,
             guint         *rc)
{
  guint k = order_of_row (self, row);

  *rc = self->order[k];
  return _bilat_votes_by_roll_call_word (self->by_roll_call,
                                         self->by_start[*rc] + (row - self->first_row[k]));
}

static void
format_row_id (BilatVoteRows *self,
               guint          row,
               char           buffer[ID_SIZE])
{
  guint rc;
  guint32 word = word_of_row (self, row, &rc);

  g_snprintf (buffer, ID_SIZE, "unga:%u:%s", _bilat_votes_get_roll_calls (self->votes)[rc].number,
              _bilat_votes_get_holder (self->votes, word >> 2));
}

guint
_bilat_vote_rows_lower_bound (BilatVoteRows *self,
                              const char    *id)
{
  guint64 lo = 0, hi = self->n_rows;

  ensure_order (self);
  while (lo < hi)
    {
      guint64 mid = lo + (hi - lo) / 2;
      char at[ID_SIZE];

      format_row_id (self, (guint) mid, at);
      if (strcmp (at, id) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return (guint) lo;
}

gint64
_bilat_vote_rows_find (BilatVoteRows *self,
                       const char    *id)
{
  guint row;
  char at[ID_SIZE];

  if (!g_str_has_prefix (id, "unga:") || self->n_rows == 0)
    return -1;
  row = _bilat_vote_rows_lower_bound (self, id);
  if (row >= self->n_rows)
    return -1;
  format_row_id (self, row, at);
  return strcmp (at, id) == 0 ? (gint64) row : -1;
}

BilatPosition *
_bilat_vote_rows_make (BilatVoteRows *self,
                       guint          row)
{
  const BilatRollCall *rcs;
  BilatPosition *position;
  g_autoptr(BilatDate) date = NULL;
  char id[ID_SIZE];
  char issue[_BILAT_VOTES_ID_SIZE];
  guint rc;
  guint32 word;
  int year, month, day;

  g_return_val_if_fail (row < self->n_rows, NULL);

  ensure_order (self);
  word = word_of_row (self, row, &rc);
  rcs = _bilat_votes_get_roll_calls (self->votes);
  format_row_id (self, row, id);
  _bilat_votes_format_id (self->votes, rc, issue);
  position = bilat_position_new (id, _bilat_votes_get_holder (self->votes, word >> 2), issue,
                                 _bilat_vote_code_to_stance ((BilatVoteCode) (word & 3u)));
  _bilat_julian_to_civil (rcs[rc].day, &year, &month, &day);
  date = bilat_date_new_day (year, month, day, NULL);
  bilat_position_set_date (position, date);
  {
    char key[ID_SIZE + 16];
    g_autoptr(BilatCitation) citation = NULL;

    g_snprintf (key, sizeof key, "rcid=%u country=%s", rcs[rc].number,
                _bilat_votes_get_holder (self->votes, word >> 2));
    citation = bilat_citation_new_for_row (_BILAT_VOTES_SOURCE, key);
    bilat_record_add_citation (BILAT_RECORD (position), citation);
  }
  return position;
}

/* The issue of roll call @index of @votes. */
static BilatIssue *
make_issue (const BilatVotes *votes,
            guint             index)
{
  const BilatRollCall *rc = &_bilat_votes_get_roll_calls (votes)[index];
  g_autoptr(BilatDate) date = NULL;
  char id[_BILAT_VOTES_ID_SIZE];
  const char *parents[_BILAT_VOTES_MAX_TOPICS + 1];
  char *owned[_BILAT_VOTES_MAX_TOPICS];
  guint n_parents = 0;
  BilatIssue *issue;
  int year, month, day;

  _bilat_votes_format_id (votes, index, id);
  issue = bilat_issue_new (id);
  if (rc->title != 0)
    bilat_issue_set_title (issue, _bilat_votes_get_string (votes, rc->title));
  if (rc->description != 0)
    bilat_issue_set_description (issue, _bilat_votes_get_string (votes, rc->description));
  _bilat_julian_to_civil (rc->day, &year, &month, &day);
  date = bilat_date_new_day (year, month, day, NULL);
  bilat_issue_set_date (issue, date);
  bilat_issue_set_session (issue, rc->session);
  if (rc->resolution != 0)
    bilat_issue_set_resolution (issue, _bilat_votes_get_string (votes, rc->resolution));
  bilat_issue_set_important (issue, (rc->flags & BILAT_ROLL_CALL_IMPORTANT) != 0);
  for (guint t = 0; t < _bilat_votes_get_n_topics (votes); t++)
    if (rc->topics & (1u << t))
      {
        owned[n_parents] = g_strconcat ("unga-topic:", _bilat_votes_get_topic_code (votes, t), NULL);
        parents[n_parents] = owned[n_parents];
        n_parents++;
      }
  parents[n_parents] = NULL;
  bilat_issue_set_parents (issue, parents);
  for (guint i = 0; i < n_parents; i++)
    g_free (owned[i]);
  return issue;
}

BilatIssue *
_bilat_votes_make_issue (const BilatVotes *votes,
                         const char       *id)
{
  guint32 number;
  gint64 found;

  if (!_bilat_votes_parse_id (id, &number))
    return NULL;
  found = _bilat_votes_find_roll_call (votes, number);
  if (found < 0)
    return NULL;
  return make_issue (votes, (guint) found);
}

/* Roll calls as issues */

struct _BilatRollCallRows
{
  BilatVotes *votes;
  guint32    *order;          /* roll-call indexes in the order of their ids */
};

BilatRollCallRows *
_bilat_roll_call_rows_new (BilatVotes *votes)
{
  BilatRollCallRows *self = g_new0 (BilatRollCallRows, 1);

  self->votes = _bilat_votes_ref (votes);
  return self;
}

void
_bilat_roll_call_rows_free (BilatRollCallRows *self)
{
  if (self == NULL)
    return;
  _bilat_votes_unref (self->votes);
  g_free (self->order);
  g_free (self);
}

guint
_bilat_roll_call_rows_get_n_rows (BilatRollCallRows *self)
{
  return _bilat_votes_get_n_roll_calls (self->votes);
}

/* The order is sorted text, built when first needed: counting the list
 * costs nothing. */
static const guint32 *
roll_call_order (BilatRollCallRows *self)
{
  if (self->order == NULL)
    self->order = _bilat_votes_order_by_id (self->votes, "");
  return self->order;
}

guint
_bilat_roll_call_rows_lower_bound (BilatRollCallRows *self,
                                   const char        *id)
{
  const guint32 *order = roll_call_order (self);
  guint lo = 0, hi = _bilat_votes_get_n_roll_calls (self->votes);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      char at[_BILAT_VOTES_ID_SIZE];

      _bilat_votes_format_id (self->votes, order[mid], at);
      if (strcmp (at, id) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

gint64
_bilat_roll_call_rows_find (BilatRollCallRows *self,
                            const char        *id)
{
  guint32 number;
  gint64 index;
  guint row;

  if (!_bilat_votes_parse_id (id, &number))
    return -1;
  index = _bilat_votes_find_roll_call (self->votes, number);
  if (index < 0)
    return -1;
  /* The id names the roll call found: the row is where it sorts. */
  row = _bilat_roll_call_rows_lower_bound (self, id);
  return row < _bilat_votes_get_n_roll_calls (self->votes) && self->order[row] == (guint32) index
         ? (gint64) row : -1;
}

BilatIssue *
_bilat_roll_call_rows_make (BilatRollCallRows *self,
                            guint              row)
{
  g_return_val_if_fail (row < _bilat_votes_get_n_roll_calls (self->votes), NULL);

  return make_issue (self->votes, roll_call_order (self)[row]);
}
