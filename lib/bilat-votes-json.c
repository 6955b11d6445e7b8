/* bilat-votes-json.c: roll calls and their votes in the JSON format
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A roll call is an issue record of type "roll-call" that carries its
 * votes as three arrays of actor ids (docs/format.md, "Roll calls and
 * votes"): a vote costs its holder's id in the file, not a position
 * record. The format's writer merges these records with the store's
 * issue objects in id order; its reader gives their values back to a
 * vote table builder.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bilat-date-private.h"
#include "bilat-votes-json-private.h"

struct _BilatVotesByRollCall
{
  guint64 *start;        /* n_roll_calls + 1 */
  guint32 *words;        /* holder << 2 | code, by roll call, holders in order */
};

BilatVotesByRollCall *
_bilat_votes_by_roll_call_new (const BilatVotes *votes)
{
  BilatVotesByRollCall *self = g_new0 (BilatVotesByRollCall, 1);
  guint n_rcs = _bilat_votes_get_n_roll_calls (votes);
  g_autofree guint64 *fill = NULL;

  self->start = g_new0 (guint64, n_rcs + 1);
  self->words = g_new (guint32, MAX (_bilat_votes_get_n_votes (votes), 1));
  for (guint h = 0; h < _bilat_votes_get_n_holders (votes); h++)
    {
      guint n;
      const guint32 *run = _bilat_votes_get_holder_votes (votes, h, &n);

      for (guint k = 0; k < n; k++)
        self->start[_BILAT_VOTE_ROLL_CALL (run[k]) + 1]++;
    }
  for (guint rc = 0; rc < n_rcs; rc++)
    self->start[rc + 1] += self->start[rc];
  fill = g_memdup2 (self->start, (n_rcs + 1) * sizeof (guint64));
  /* Holders in their order, so that each roll call's are sorted by id. */
  for (guint h = 0; h < _bilat_votes_get_n_holders (votes); h++)
    {
      guint n;
      const guint32 *run = _bilat_votes_get_holder_votes (votes, h, &n);

      for (guint k = 0; k < n; k++)
        self->words[fill[_BILAT_VOTE_ROLL_CALL (run[k])]++] = (h << 2) | _BILAT_VOTE_CODE (run[k]);
    }
  return self;
}

void
_bilat_votes_by_roll_call_free (BilatVotesByRollCall *self)
{
  if (self == NULL)
    return;
  g_free (self->start);
  g_free (self->words);
  g_free (self);
}

void
_bilat_votes_format_id (const BilatVotes *votes,
                        guint             rc,
                        char              buffer[_BILAT_VOTES_ID_SIZE])
{
  g_snprintf (buffer, _BILAT_VOTES_ID_SIZE, "unga:%u", _bilat_votes_get_roll_calls (votes)[rc].number);
}

typedef struct
{
  const BilatRollCall *roll_calls;
  const char          *suffix;
} IdOrder;

static int
compare_ids (gconstpointer a,
             gconstpointer b,
             gpointer      data)
{
  const IdOrder *order = data;
  char x[24], y[24];

  /* The ids share their prefix: their order is that of the numbers as
   * text, followed by what comes after them ("unga:10" before "unga:9";
   * "unga:123:AFG" before "unga:12:PAK"). */
  g_snprintf (x, sizeof x, "%u%s", order->roll_calls[*(const guint32 *) a].number, order->suffix);
  g_snprintf (y, sizeof y, "%u%s", order->roll_calls[*(const guint32 *) b].number, order->suffix);
  return strcmp (x, y);
}

guint32 *
_bilat_votes_order_by_id (const BilatVotes *votes,
                          const char       *suffix)
{
  guint n = _bilat_votes_get_n_roll_calls (votes);
  guint32 *order = g_new (guint32, MAX (n, 1));
  IdOrder data = { _bilat_votes_get_roll_calls (votes), suffix };

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n, sizeof (guint32), compare_ids, &data);
  return order;
}

static void
string_member (_BilatJsonWriter *writer,
               const char       *name,
               const char       *value)
{
  if (value[0] == '\0')
    return;
  _bilat_json_writer_member (writer, name);
  _bilat_json_writer_string (writer, value);
}

static void
flag_member (_BilatJsonWriter *writer,
             const char       *name,
             gboolean          value)
{
  if (!value)
    return;
  _bilat_json_writer_member (writer, name);
  _bilat_json_writer_boolean (writer, TRUE);
}

void
_bilat_votes_write_roll_call (const BilatVotes     *votes,
                              BilatVotesByRollCall *index,
                              guint                 rc,
                              _BilatJsonWriter     *writer)
{
  static const struct { const char *name; BilatVoteCode code; } groups[] = {
    { "yes", BILAT_VOTE_CODE_YES },
    { "no", BILAT_VOTE_CODE_NO },
    { "abstain", BILAT_VOTE_CODE_ABSTAIN },
  };
  const BilatRollCall *r = &_bilat_votes_get_roll_calls (votes)[rc];
  char id[_BILAT_VOTES_ID_SIZE];
  char date[16];
  int year, month, day;

  _bilat_votes_format_id (votes, rc, id);
  _bilat_julian_to_civil (r->day, &year, &month, &day);
  g_snprintf (date, sizeof date, "%04d-%02d-%02d", year, month, day);

  _bilat_json_writer_begin_object (writer, FALSE);
  _bilat_json_writer_member (writer, "id");
  _bilat_json_writer_string (writer, id);
  _bilat_json_writer_member (writer, "type");
  _bilat_json_writer_string (writer, "roll-call");
  string_member (writer, "title", _bilat_votes_get_string (votes, r->title));
  string_member (writer, "description", _bilat_votes_get_string (votes, r->description));
  _bilat_json_writer_member (writer, "date");
  _bilat_json_writer_string (writer, date);
  if (r->session != 0)
    {
      _bilat_json_writer_member (writer, "session");
      _bilat_json_writer_int (writer, r->session);
    }
  string_member (writer, "resolution", _bilat_votes_get_string (votes, r->resolution));
  flag_member (writer, "important", r->flags & BILAT_ROLL_CALL_IMPORTANT);
  flag_member (writer, "amendment", r->flags & BILAT_ROLL_CALL_AMENDMENT);
  flag_member (writer, "paragraph", r->flags & BILAT_ROLL_CALL_PARAGRAPH);
  if (r->topics != 0)
    {
      _bilat_json_writer_member (writer, "parents");
      _bilat_json_writer_begin_array (writer, TRUE);
      for (guint t = 0; t < _bilat_votes_get_n_topics (votes); t++)
        if (r->topics & (1u << t))
          {
            g_autofree char *parent = g_strconcat ("unga-topic:", _bilat_votes_get_topic_code (votes, t), NULL);

            _bilat_json_writer_string (writer, parent);
          }
      _bilat_json_writer_end (writer);
    }
  for (gsize g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      gboolean any = FALSE;

      for (guint64 k = index->start[rc]; k < index->start[rc + 1] && !any; k++)
        any = (index->words[k] & 3u) == groups[g].code;
      if (!any)
        continue;
      _bilat_json_writer_member (writer, groups[g].name);
      _bilat_json_writer_begin_array (writer, TRUE);
      for (guint64 k = index->start[rc]; k < index->start[rc + 1]; k++)
        if ((index->words[k] & 3u) == groups[g].code)
          _bilat_json_writer_string (writer, _bilat_votes_get_holder (votes, index->words[k] >> 2));
      _bilat_json_writer_end (writer);
    }
  _bilat_json_writer_end (writer);
}

gboolean
_bilat_votes_parse_id (const char *id,
                       guint32    *number)
{
  guint64 value;

  if (!g_str_has_prefix (id, "unga:"))
    return FALSE;
  id += strlen ("unga:");
  /* The form the writer gives: digits, no sign, no leading zero (but
   * 0 itself, a number too). */
  if (id[0] < '0' || id[0] > '9' || (id[0] == '0' && id[1] != '\0') ||
      strspn (id, "0123456789") != strlen (id))
    return FALSE;
  if (!g_ascii_string_to_unsigned (id, 10, 0, G_MAXUINT32, &value, NULL))
    return FALSE;
  *number = (guint32) value;
  return TRUE;
}

guint32
_bilat_votes_by_roll_call_word (BilatVotesByRollCall *self,
                                guint64               position)
{
  return self->words[position];
}
