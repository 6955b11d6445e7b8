/* bilat-votes.c: roll-call votes kept column by column
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdlib.h>
#include <string.h>

#include <bilat/bilat.h>

#include "bilat-date-private.h"
#include "bilat-votes-private.h"

/* See bilat-votes-private.h for the layout. Every array of a table is one
 * allocation of its own, sized exactly, so that the size of a table is
 * what it reports. */
struct _BilatVotes
{
  gint           ref_count;

  guint          n_roll_calls;
  BilatRollCall *roll_calls;     /* by day, then number */
  guint32       *by_number;      /* roll-call indexes, by number */

  guint          n_topics;
  guint32        topic_codes[_BILAT_VOTES_MAX_TOPICS];
  guint32        topic_names[_BILAT_VOTES_MAX_TOPICS];

  guint          n_holders;
  guint32       *holders;        /* heap offsets, in strcmp() order */
  guint64       *holder_start;   /* n_holders + 1 offsets into votes */

  guint64        n_votes;
  guint32       *votes;

  char          *heap;
  gsize          heap_size;

  /* When not NULL, the arrays are in the memory it keeps (a native file),
   * not allocations of their own. */
  GBytes        *mapping;
};

BilatVotes *
_bilat_votes_ref (BilatVotes *self)
{
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
_bilat_votes_unref (BilatVotes *self)
{
  if (self == NULL || !g_atomic_int_dec_and_test (&self->ref_count))
    return;
  if (self->mapping != NULL)
    {
      g_bytes_unref (self->mapping);
      g_free (self);
      return;
    }
  g_free (self->roll_calls);
  g_free (self->by_number);
  g_free (self->holders);
  g_free (self->holder_start);
  g_free (self->votes);
  g_free (self->heap);
  g_free (self);
}

guint
_bilat_votes_get_n_roll_calls (const BilatVotes *self)
{
  return self->n_roll_calls;
}

const BilatRollCall *
_bilat_votes_get_roll_calls (const BilatVotes *self)
{
  return self->roll_calls;
}

gint64
_bilat_votes_find_roll_call (const BilatVotes *self,
                             guint32           number)
{
  guint lo = 0, hi = self->n_roll_calls;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint32 at = self->roll_calls[self->by_number[mid]].number;

      if (at == number)
        return self->by_number[mid];
      if (at < number)
        lo = mid + 1;
      else
        hi = mid;
    }
  return -1;
}

guint
_bilat_votes_lower_bound (const BilatVotes *self,
                          guint32           day)
{
  guint lo = 0, hi = self->n_roll_calls;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->roll_calls[mid].day < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

guint
_bilat_votes_get_n_topics (const BilatVotes *self)
{
  return self->n_topics;
}

const char *
_bilat_votes_get_topic_code (const BilatVotes *self,
                             guint             topic)
{
  g_return_val_if_fail (topic < self->n_topics, NULL);
  return self->heap + self->topic_codes[topic];
}

const char *
_bilat_votes_get_topic_name (const BilatVotes *self,
                             guint             topic)
{
  g_return_val_if_fail (topic < self->n_topics, NULL);
  return self->heap + self->topic_names[topic];
}

int
_bilat_votes_find_topic (const BilatVotes *self,
                         const char       *code)
{
  for (guint i = 0; i < self->n_topics; i++)
    if (strcmp (self->heap + self->topic_codes[i], code) == 0)
      return (int) i;
  return -1;
}

guint
_bilat_votes_get_n_holders (const BilatVotes *self)
{
  return self->n_holders;
}

const char *
_bilat_votes_get_holder (const BilatVotes *self,
                         guint             holder)
{
  g_return_val_if_fail (holder < self->n_holders, NULL);
  return self->heap + self->holders[holder];
}

int
_bilat_votes_find_holder (const BilatVotes *self,
                          const char       *id)
{
  guint lo = 0, hi = self->n_holders;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int order = strcmp (self->heap + self->holders[mid], id);

      if (order == 0)
        return (int) mid;
      if (order < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return -1;
}

const guint32 *
_bilat_votes_get_holder_votes (const BilatVotes *self,
                               guint             holder,
                               guint            *n_votes)
{
  g_return_val_if_fail (holder < self->n_holders, NULL);
  *n_votes = (guint) (self->holder_start[holder + 1] - self->holder_start[holder]);
  return self->votes + self->holder_start[holder];
}

guint64
_bilat_votes_get_n_votes (const BilatVotes *self)
{
  return self->n_votes;
}

guint32
_bilat_votes_get_vote (const BilatVotes *self,
                       guint64           position,
                       guint            *holder)
{
  guint lo = 0, hi = self->n_holders;

  g_return_val_if_fail (position < self->n_votes, 0);

  /* The last holder whose votes start at or before @position. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->holder_start[mid] <= position)
        lo = mid;
      else
        hi = mid;
    }
  while (self->holder_start[lo + 1] <= position)
    lo++;
  if (holder != NULL)
    *holder = lo;
  return self->votes[position];
}

const char *
_bilat_votes_get_string (const BilatVotes *self,
                         guint32           offset)
{
  g_return_val_if_fail (offset < self->heap_size, "");
  return self->heap + offset;
}

gsize
_bilat_votes_get_size (const BilatVotes *self)
{
  /* Mapped, the columns are the file's; what is the table's own is its
   * header. */
  if (self->mapping != NULL)
    return sizeof *self;
  return sizeof *self +
         self->n_roll_calls * (sizeof (BilatRollCall) + sizeof (guint32)) +
         self->n_holders * sizeof (guint32) +
         (self->n_holders + 1) * sizeof (guint64) +
         self->n_votes * sizeof (guint32) +
         self->heap_size;
}

/* Building. */

typedef struct
{
  guint32 holder;
  guint32 number;
  guint64 tag;
  guint8  code;
} PendingVote;

struct _BilatVotesBuilder
{
  GArray     *roll_calls;       /* BilatRollCall, offsets into heap */
  GHashTable *by_number;        /* number → index + 1 */
  GString    *heap;             /* starts with the empty string */

  guint       n_topics;
  guint32     topic_codes[_BILAT_VOTES_MAX_TOPICS];
  guint32     topic_names[_BILAT_VOTES_MAX_TOPICS];

  GHashTable *holders;          /* id → index + 1; keys in holder_ids */
  GPtrArray  *holder_ids;       /* owned strings */
  const char *last_holder;      /* the id of last_holder_index, cached */
  guint32     last_holder_index;

  GArray     *votes;            /* PendingVote */
};

BilatVotesBuilder *
_bilat_votes_builder_new (void)
{
  BilatVotesBuilder *self = g_new0 (BilatVotesBuilder, 1);

  self->roll_calls = g_array_new (FALSE, FALSE, sizeof (BilatRollCall));
  self->by_number = g_hash_table_new (NULL, NULL);
  self->heap = g_string_new_len ("", 1);
  self->holders = g_hash_table_new (g_str_hash, g_str_equal);
  self->holder_ids = g_ptr_array_new_with_free_func (g_free);
  self->votes = g_array_new (FALSE, FALSE, sizeof (PendingVote));
  return self;
}

void
_bilat_votes_builder_free (BilatVotesBuilder *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->roll_calls);
  g_hash_table_unref (self->by_number);
  g_string_free (self->heap, TRUE);
  g_hash_table_unref (self->holders);
  g_ptr_array_unref (self->holder_ids);
  g_array_unref (self->votes);
  g_free (self);
}

static guint32
heap_add (GString    *heap,
          const char *text)
{
  gsize offset;

  if (text == NULL || text[0] == '\0')
    return 0;
  offset = heap->len;
  g_string_append_len (heap, text, (gssize) strlen (text) + 1);
  return (guint32) offset;
}

int
_bilat_votes_builder_add_topic (BilatVotesBuilder *self,
                                const char        *code,
                                const char        *name)
{
  for (guint i = 0; i < self->n_topics; i++)
    if (strcmp (self->heap->str + self->topic_codes[i], code) == 0)
      {
        if (self->topic_names[i] == 0 && name != NULL && name[0] != '\0')
          self->topic_names[i] = heap_add (self->heap, name);
        return (int) i;
      }
  if (self->n_topics == _BILAT_VOTES_MAX_TOPICS)
    return -1;
  self->topic_codes[self->n_topics] = heap_add (self->heap, code);
  self->topic_names[self->n_topics] = heap_add (self->heap, name);
  return (int) self->n_topics++;
}

gboolean
_bilat_votes_builder_add_roll_call (BilatVotesBuilder *self,
                                    guint32            number,
                                    guint32            day,
                                    guint16            session,
                                    guint8             flags,
                                    guint32            topics,
                                    const char        *resolution,
                                    const char        *title,
                                    const char        *description)
{
  BilatRollCall rc = { 0, };
  int year, month, mday;

  g_return_val_if_fail (day > 0, FALSE);

  if (g_hash_table_contains (self->by_number, GUINT_TO_POINTER (number)) ||
      self->roll_calls->len >= _BILAT_VOTES_MAX_ROLL_CALLS - 1)
    return FALSE;

  rc.number = number;
  rc.day = day;
  _bilat_julian_to_civil (day, &year, &month, &mday);
  rc.year = (guint16) CLAMP (year, 0, G_MAXUINT16);
  rc.session = session;
  rc.flags = flags;
  rc.topics = topics;
  rc.resolution = heap_add (self->heap, resolution);
  rc.title = heap_add (self->heap, title);
  rc.description = heap_add (self->heap, description);
  g_array_append_val (self->roll_calls, rc);
  g_hash_table_insert (self->by_number, GUINT_TO_POINTER (number),
                       GUINT_TO_POINTER (self->roll_calls->len));
  return TRUE;
}

gboolean
_bilat_votes_builder_has_roll_call (BilatVotesBuilder *self,
                                    guint32            number)
{
  return g_hash_table_contains (self->by_number, GUINT_TO_POINTER (number));
}

guint32
_bilat_votes_builder_get_day (BilatVotesBuilder *self,
                              guint32            number)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_number, GUINT_TO_POINTER (number)));

  return index == 0 ? 0 : g_array_index (self->roll_calls, BilatRollCall, index - 1).day;
}

gboolean
_bilat_votes_builder_add_roll_call_topic (BilatVotesBuilder *self,
                                          guint32            number,
                                          guint              topic)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_number, GUINT_TO_POINTER (number)));

  g_return_val_if_fail (topic < self->n_topics, FALSE);

  if (index == 0)
    return FALSE;
  g_array_index (self->roll_calls, BilatRollCall, index - 1).topics |= 1u << topic;
  return TRUE;
}

void
_bilat_votes_builder_add_vote (BilatVotesBuilder *self,
                               const char        *holder,
                               guint32            number,
                               BilatVoteCode      code,
                               guint64            tag)
{
  PendingVote vote;

  g_return_if_fail (code != BILAT_VOTE_CODE_NONE && code <= BILAT_VOTE_CODE_NO);

  /* Votes come grouped by roll call or by state: the same holder as the
   * last one is common enough to spare the hash. */
  if (self->last_holder == NULL || strcmp (self->last_holder, holder) != 0)
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->holders, holder));

      if (index == 0)
        {
          char *id = g_strdup (holder);

          g_ptr_array_add (self->holder_ids, id);
          index = self->holder_ids->len;
          g_hash_table_insert (self->holders, id, GUINT_TO_POINTER (index));
        }
      self->last_holder_index = index - 1;
      self->last_holder = g_ptr_array_index (self->holder_ids, index - 1);
    }

  vote.holder = self->last_holder_index;
  vote.number = number;
  vote.tag = tag;
  vote.code = (guint8) code;
  g_array_append_val (self->votes, vote);
}

guint64
_bilat_votes_builder_get_n_votes (BilatVotesBuilder *self)
{
  return self->votes->len;
}

void
_bilat_votes_builder_foreach_orphan (BilatVotesBuilder *self,
                                     BilatOrphanFunc    func,
                                     gpointer           user_data)
{
  for (guint i = 0; i < self->votes->len; i++)
    {
      const PendingVote *vote = &g_array_index (self->votes, PendingVote, i);

      if (!g_hash_table_contains (self->by_number, GUINT_TO_POINTER (vote->number)))
        func (vote->tag, vote->number, user_data);
    }
}

static int
compare_roll_calls (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  const BilatRollCall *rcs = data;
  const BilatRollCall *x = &rcs[*(const guint32 *) a];
  const BilatRollCall *y = &rcs[*(const guint32 *) b];

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  return x->number < y->number ? -1 : x->number > y->number;
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const BilatRollCall *rcs = data;
  guint32 x = rcs[*(const guint32 *) a].number;
  guint32 y = rcs[*(const guint32 *) b].number;

  return x < y ? -1 : x > y;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  char **ids = data;

  return strcmp (ids[*(const guint32 *) a], ids[*(const guint32 *) b]);
}

static int
compare_keys (const void *a,
              const void *b)
{
  guint64 x = *(const guint64 *) a;
  guint64 y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

BilatVotes *
_bilat_votes_builder_build (BilatVotesBuilder *self,
                            guint64           *n_duplicates)
{
  BilatVotes *votes = g_new0 (BilatVotes, 1);
  BilatRollCall *rcs = (BilatRollCall *) (gpointer) self->roll_calls->data;
  guint n_rcs = self->roll_calls->len;
  guint n_holders = self->holder_ids->len;
  g_autofree guint32 *order = g_new (guint32, MAX (n_rcs, 1));
  g_autofree guint32 *new_index = g_new (guint32, MAX (n_rcs, 1));
  g_autofree guint32 *holder_order = g_new (guint32, MAX (n_holders, 1));
  g_autofree guint32 *holder_rank = g_new (guint32, MAX (n_holders, 1));
  g_autofree guint64 *counts = g_new0 (guint64, n_holders + 1);
  g_autofree guint64 *keys = NULL;
  g_autofree guint64 *fill = NULL;
  guint64 duplicates = 0;
  guint64 kept = 0;
  guint32 cached_number = 0;
  guint32 cached_index = G_MAXUINT32;

  votes->ref_count = 1;

  /* Topics in the order of their codes, whatever order they came in, so
   * that a table read back from a file is the table written. */
  {
    guint32 topic_order[_BILAT_VOTES_MAX_TOPICS];
    guint32 topic_rank[_BILAT_VOTES_MAX_TOPICS];
    guint32 codes[_BILAT_VOTES_MAX_TOPICS], names[_BILAT_VOTES_MAX_TOPICS];

    for (guint t = 0; t < self->n_topics; t++)
      topic_order[t] = t;
    for (guint t = 1; t < self->n_topics; t++)
      for (guint u = t; u > 0 && strcmp (self->heap->str + self->topic_codes[topic_order[u - 1]],
                                         self->heap->str + self->topic_codes[topic_order[u]]) > 0; u--)
        {
          guint32 swap = topic_order[u];

          topic_order[u] = topic_order[u - 1];
          topic_order[u - 1] = swap;
        }
    for (guint t = 0; t < self->n_topics; t++)
      {
        topic_rank[topic_order[t]] = t;
        codes[t] = self->topic_codes[topic_order[t]];
        names[t] = self->topic_names[topic_order[t]];
      }
    memcpy (self->topic_codes, codes, self->n_topics * sizeof (guint32));
    memcpy (self->topic_names, names, self->n_topics * sizeof (guint32));
    for (guint i = 0; i < n_rcs; i++)
      {
        guint32 mask = 0;

        for (guint t = 0; t < self->n_topics; t++)
          if (rcs[i].topics & (1u << t))
            mask |= 1u << topic_rank[t];
        rcs[i].topics = mask;
      }
  }

  /* Roll calls by day and number; an index by number beside them. */
  for (guint i = 0; i < n_rcs; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n_rcs, sizeof (guint32), compare_roll_calls, rcs);
  votes->n_roll_calls = n_rcs;
  votes->roll_calls = g_new (BilatRollCall, MAX (n_rcs, 1));
  for (guint i = 0; i < n_rcs; i++)
    {
      votes->roll_calls[i] = rcs[order[i]];
      new_index[order[i]] = i;
    }
  votes->by_number = g_new (guint32, MAX (n_rcs, 1));
  for (guint i = 0; i < n_rcs; i++)
    votes->by_number[i] = i;
  g_qsort_with_data (votes->by_number, (gint) n_rcs, sizeof (guint32), compare_numbers, votes->roll_calls);

  /* Holders in the order of their ids. */
  for (guint i = 0; i < n_holders; i++)
    holder_order[i] = i;
  g_qsort_with_data (holder_order, (gint) n_holders, sizeof (guint32), compare_strings, self->holder_ids->pdata);
  for (guint i = 0; i < n_holders; i++)
    holder_rank[holder_order[i]] = i;

  /* Votes grouped by holder, in the order they came (a counting sort is
   * stable), each as a key that sorts by roll call and then by arrival,
   * so that a holder's first vote on a roll call comes first. */
  for (guint i = 0; i < self->votes->len; i++)
    counts[holder_rank[g_array_index (self->votes, PendingVote, i).holder] + 1]++;
  for (guint i = 0; i < n_holders; i++)
    counts[i + 1] += counts[i];
  fill = g_memdup2 (counts, (n_holders + 1) * sizeof (guint64));
  keys = g_new (guint64, MAX (self->votes->len, 1));
  for (guint i = 0; i < self->votes->len; i++)
    {
      const PendingVote *vote = &g_array_index (self->votes, PendingVote, i);
      guint32 rank = holder_rank[vote->holder];
      guint64 slot = fill[rank]++;
      guint32 index;

      if (vote->number != cached_number || cached_index == G_MAXUINT32)
        {
          guint found = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_number,
                                                               GUINT_TO_POINTER (vote->number)));
          cached_number = vote->number;
          cached_index = found == 0 ? G_MAXUINT32 - 1 : new_index[found - 1];
        }
      index = cached_index;
      /* A vote on no roll call sorts last and is dropped below. */
      if (index == G_MAXUINT32 - 1)
        index = (1u << 30) - 1;
      keys[slot] = ((guint64) index << 34) | ((slot - counts[rank]) << 2) | vote->code;
    }

  /* A holder whose every vote was left out is no holder: the heap gets
   * the ids of the others, in their order. */
  votes->holder_start = g_new (guint64, n_holders + 1);
  votes->holders = g_new (guint32, MAX (n_holders, 1));
  votes->votes = g_new (guint32, MAX (self->votes->len, 1));
  for (guint h = 0; h < n_holders; h++)
    {
      guint64 start = counts[h];
      guint64 end = counts[h + 1];
      guint64 last = G_MAXUINT64;
      guint64 first_kept = kept;

      qsort (keys + start, end - start, sizeof (guint64), compare_keys);
      for (guint64 k = start; k < end; k++)
        {
          guint64 rc = keys[k] >> 34;

          if (rc >= n_rcs)
            continue;
          if (rc == last)
            {
              duplicates++;
              continue;
            }
          last = rc;
          votes->votes[kept++] = _BILAT_VOTE_WORD (rc, keys[k] & 3u);
        }
      if (kept == first_kept)
        continue;
      votes->holder_start[votes->n_holders] = first_kept;
      votes->holders[votes->n_holders++] =
        heap_add (self->heap, g_ptr_array_index (self->holder_ids, holder_order[h]));
    }
  votes->holder_start[votes->n_holders] = kept;
  votes->n_votes = kept;
  votes->votes = g_renew (guint32, votes->votes, MAX (kept, 1));
  votes->n_topics = self->n_topics;
  memcpy (votes->topic_codes, self->topic_codes, sizeof self->topic_codes);
  memcpy (votes->topic_names, self->topic_names, sizeof self->topic_names);
  votes->heap_size = self->heap->len;
  votes->heap = g_string_free (g_steal_pointer (&self->heap), FALSE);

  if (n_duplicates != NULL)
    *n_duplicates = duplicates;

  /* Empty again. */
  g_array_set_size (self->roll_calls, 0);
  g_hash_table_remove_all (self->by_number);
  self->heap = g_string_new_len ("", 1);
  self->n_topics = 0;
  g_hash_table_remove_all (self->holders);
  g_ptr_array_set_size (self->holder_ids, 0);
  self->last_holder = NULL;
  g_array_set_size (self->votes, 0);

  return votes;
}

/* Merging and comparing. */

static gboolean
same_roll_call (const BilatVotes    *a,
                const BilatRollCall *x,
                const BilatVotes    *b,
                const BilatRollCall *y)
{
  if (x->number != y->number || x->day != y->day || x->session != y->session ||
      x->flags != y->flags)
    return FALSE;
  if (strcmp (a->heap + x->resolution, b->heap + y->resolution) != 0 ||
      strcmp (a->heap + x->title, b->heap + y->title) != 0 ||
      strcmp (a->heap + x->description, b->heap + y->description) != 0)
    return FALSE;
  return TRUE;
}

/* The topic mask of @rc of @from in the topics of @builder. */
static guint32
map_topics (BilatVotesBuilder   *builder,
            const BilatVotes    *from,
            const BilatRollCall *rc)
{
  guint32 mask = 0;

  for (guint t = 0; t < from->n_topics; t++)
    if (rc->topics & (1u << t))
      {
        int index = _bilat_votes_builder_add_topic (builder, from->heap + from->topic_codes[t],
                                                    from->heap + from->topic_names[t]);
        if (index >= 0)
          mask |= 1u << index;
      }
  return mask;
}

static void
add_table (BilatVotesBuilder *builder,
           const BilatVotes  *table)
{
  for (guint t = 0; t < table->n_topics; t++)
    _bilat_votes_builder_add_topic (builder, table->heap + table->topic_codes[t],
                                    table->heap + table->topic_names[t]);
  for (guint i = 0; i < table->n_roll_calls; i++)
    {
      const BilatRollCall *rc = &table->roll_calls[i];

      if (!_bilat_votes_builder_add_roll_call (builder, rc->number, rc->day, rc->session,
                                               rc->flags, map_topics (builder, table, rc),
                                               table->heap + rc->resolution,
                                               table->heap + rc->title,
                                               table->heap + rc->description))
        {
          /* The same roll call: its topics are the union. */
          guint32 mask = map_topics (builder, table, rc);

          for (guint t = 0; t < _BILAT_VOTES_MAX_TOPICS; t++)
            if (mask & (1u << t))
              _bilat_votes_builder_add_roll_call_topic (builder, rc->number, t);
        }
    }
  for (guint h = 0; h < table->n_holders; h++)
    for (guint64 v = table->holder_start[h]; v < table->holder_start[h + 1]; v++)
      {
        guint32 word = table->votes[v];

        _bilat_votes_builder_add_vote (builder, table->heap + table->holders[h],
                                       table->roll_calls[_BILAT_VOTE_ROLL_CALL (word)].number,
                                       _BILAT_VOTE_CODE (word), v);
      }
}

BilatVotes *
_bilat_votes_merge (const BilatVotes *a,
                    const BilatVotes *b,
                    guint64          *n_duplicates,
                    GError          **error)
{
  BilatVotesBuilder *builder;
  BilatVotes *result;

  if (a != NULL && b != NULL)
    for (guint i = 0; i < b->n_roll_calls; i++)
      {
        const BilatRollCall *y = &b->roll_calls[i];
        gint64 found = _bilat_votes_find_roll_call (a, y->number);

        if (found >= 0 && !same_roll_call (a, &a->roll_calls[found], b, y))
          {
            g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_DUPLICATE_ID,
                         "roll call %u is in the store already, with other facts",
                         y->number);
            return NULL;
          }
      }

  builder = _bilat_votes_builder_new ();
  if (a != NULL)
    add_table (builder, a);
  if (b != NULL)
    add_table (builder, b);
  result = _bilat_votes_builder_build (builder, n_duplicates);
  _bilat_votes_builder_free (builder);
  return result;
}

gboolean
_bilat_votes_equal (const BilatVotes *a,
                    const BilatVotes *b)
{
  if (a->n_roll_calls != b->n_roll_calls || a->n_holders != b->n_holders ||
      a->n_votes != b->n_votes || a->n_topics != b->n_topics)
    return FALSE;
  for (guint t = 0; t < a->n_topics; t++)
    if (strcmp (a->heap + a->topic_codes[t], b->heap + b->topic_codes[t]) != 0 ||
        strcmp (a->heap + a->topic_names[t], b->heap + b->topic_names[t]) != 0)
      return FALSE;
  for (guint i = 0; i < a->n_roll_calls; i++)
    if (!same_roll_call (a, &a->roll_calls[i], b, &b->roll_calls[i]) ||
        a->roll_calls[i].topics != b->roll_calls[i].topics)
      return FALSE;
  for (guint h = 0; h < a->n_holders; h++)
    if (strcmp (a->heap + a->holders[h], b->heap + b->holders[h]) != 0 ||
        a->holder_start[h + 1] != b->holder_start[h + 1])
      return FALSE;
  return memcmp (a->votes, b->votes, a->n_votes * sizeof (guint32)) == 0;
}

/* Tables over columns kept elsewhere. */

void
_bilat_votes_get_columns (const BilatVotes  *self,
                          BilatVotesColumns *columns)
{
  /* Topics are two arrays in the table, pairs in a file. */
  for (guint t = 0; t < self->n_topics; t++)
    {
      columns->topic_pairs[2 * t] = self->topic_codes[t];
      columns->topic_pairs[2 * t + 1] = self->topic_names[t];
    }
  columns->topics = columns->topic_pairs;
  columns->roll_calls = self->roll_calls;
  columns->n_roll_calls = self->n_roll_calls;
  columns->by_number = self->by_number;
  columns->n_topics = self->n_topics;
  columns->holders = self->holders;
  columns->n_holders = self->n_holders;
  columns->holder_start = self->holder_start;
  columns->votes = self->votes;
  columns->n_votes = self->n_votes;
  columns->heap = self->heap;
  columns->heap_size = self->heap_size;
}

/* Whether @offset is the start of a string of the heap: the empty string,
 * or just after the end of another. */
static gboolean
is_string_start (const BilatVotesColumns *c,
                 guint32                  offset)
{
  return offset < c->heap_size && (offset == 0 || c->heap[offset - 1] == '\0');
}

G_GNUC_PRINTF (2, 3)
static BilatVotes *
refuse_column (GError     **error,
               const char  *format,
               ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (BILAT_FORMAT_ERROR, BILAT_FORMAT_ERROR_INVALID_VALUE, format, args));
  va_end (args);
  return NULL;
}

#define REFUSE(column, ...) \
  (*bad_column = (column), refuse_column (error, __VA_ARGS__))

BilatVotes *
_bilat_votes_new_for_columns (const BilatVotesColumns *c,
                              GBytes                  *mapping,
                              const char             **bad_column,
                              GError                 **error)
{
  BilatVotes *self;
  const guint32 max_day = 3652059;   /* 9999-12-31 */

  /* The heap: the empty string first, NUL-terminated UTF-8 strings. */
  if (c->heap_size == 0 || c->heap[0] != '\0' || c->heap[c->heap_size - 1] != '\0' ||
      c->heap_size > G_MAXUINT32)
    return REFUSE ("heap", "it does not start with an empty string and end with a NUL");
  for (gsize at = 1; at < c->heap_size;)
    {
      const char *end = memchr (c->heap + at, '\0', c->heap_size - at);
      gsize length = (gsize) (end - (c->heap + at));

      if (!g_utf8_validate_len (c->heap + at, length, NULL))
        return REFUSE ("heap", "the string at %" G_GSIZE_FORMAT " is not UTF-8", at);
      at += length + 1;
    }

  /* Topics: codes in strcmp() order, each non-empty. */
  if (c->n_topics > _BILAT_VOTES_MAX_TOPICS)
    return REFUSE ("topics", "%u topics, past the %u a table may have", c->n_topics,
                   _BILAT_VOTES_MAX_TOPICS);
  for (guint t = 0; t < c->n_topics; t++)
    {
      guint32 code = c->topics[2 * t], name = c->topics[2 * t + 1];

      if (code == 0 || !is_string_start (c, code) || !is_string_start (c, name))
        return REFUSE ("topics", "topic %u refers to no string of the heap", t);
      if (t > 0 && strcmp (c->heap + c->topics[2 * (t - 1)], c->heap + code) >= 0)
        return REFUSE ("topics", "topic %u is out of order", t);
    }

  /* Roll calls: by day, then number; facts in range; strings of the heap. */
  if (c->n_roll_calls >= _BILAT_VOTES_MAX_ROLL_CALLS)
    return REFUSE ("roll-calls", "too many roll calls");
  for (guint i = 0; i < c->n_roll_calls; i++)
    {
      const BilatRollCall *rc = &c->roll_calls[i];
      int year, month, mday;

      if (rc->day == 0 || rc->day > max_day)
        return REFUSE ("roll-calls", "roll call %u has no valid day", i);
      _bilat_julian_to_civil (rc->day, &year, &month, &mday);
      if (rc->year != year || (rc->flags & ~0x07u) != 0 ||
          rc->reserved[0] != 0 || rc->reserved[1] != 0 || rc->reserved[2] != 0 ||
          (c->n_topics < 32 && (rc->topics >> c->n_topics) != 0))
        return REFUSE ("roll-calls", "roll call %u has a value it cannot have", i);
      if (!is_string_start (c, rc->resolution) || !is_string_start (c, rc->title) ||
          !is_string_start (c, rc->description))
        return REFUSE ("roll-calls", "roll call %u refers to no string of the heap", i);
      if (i > 0 && (c->roll_calls[i - 1].day > rc->day ||
                    (c->roll_calls[i - 1].day == rc->day && c->roll_calls[i - 1].number >= rc->number)))
        return REFUSE ("roll-calls", "roll call %u is out of order", i);
    }

  /* By number: indexes of roll calls whose numbers rise, so each once. */
  for (guint i = 0; i < c->n_roll_calls; i++)
    {
      if (c->by_number[i] >= c->n_roll_calls)
        return REFUSE ("by-number", "entry %u refers to no roll call", i);
      if (i > 0 && c->roll_calls[c->by_number[i - 1]].number >= c->roll_calls[c->by_number[i]].number)
        return REFUSE ("by-number", "entry %u is out of order", i);
    }

  /* Holders: ids of records in strcmp() order; their runs of votes. */
  if (c->holder_start[0] != 0 || c->holder_start[c->n_holders] != c->n_votes)
    return REFUSE ("holder-start", "the runs of votes do not cover the votes");
  for (guint h = 0; h < c->n_holders; h++)
    {
      if (!is_string_start (c, c->holders[h]) || !bilat_record_is_valid_id (c->heap + c->holders[h]))
        return REFUSE ("holders", "holder %u is no id of the heap", h);
      if (h > 0 && strcmp (c->heap + c->holders[h - 1], c->heap + c->holders[h]) >= 0)
        return REFUSE ("holders", "holder %u is out of order", h);
      if (c->holder_start[h + 1] <= c->holder_start[h])
        return REFUSE ("holder-start", "holder %u has no votes, or its run ends before it starts", h);
    }
  for (guint h = 0; h < c->n_holders; h++)
    for (guint64 v = c->holder_start[h]; v < c->holder_start[h + 1]; v++)
      {
        guint32 word = c->votes[v];

        if (_BILAT_VOTE_ROLL_CALL (word) >= c->n_roll_calls || _BILAT_VOTE_CODE (word) == BILAT_VOTE_CODE_NONE)
          return REFUSE ("words", "vote %" G_GUINT64_FORMAT " is on no roll call, or no vote", v);
        if (v > c->holder_start[h] && _BILAT_VOTE_ROLL_CALL (c->votes[v - 1]) >= _BILAT_VOTE_ROLL_CALL (word))
          return REFUSE ("words", "vote %" G_GUINT64_FORMAT " is out of order", v);
      }

  self = g_new0 (BilatVotes, 1);
  self->ref_count = 1;
  self->mapping = g_bytes_ref (mapping);
  self->n_roll_calls = c->n_roll_calls;
  self->roll_calls = (BilatRollCall *) c->roll_calls;
  self->by_number = (guint32 *) c->by_number;
  self->n_topics = c->n_topics;
  for (guint t = 0; t < c->n_topics; t++)
    {
      self->topic_codes[t] = c->topics[2 * t];
      self->topic_names[t] = c->topics[2 * t + 1];
    }
  self->n_holders = c->n_holders;
  self->holders = (guint32 *) c->holders;
  self->holder_start = (guint64 *) c->holder_start;
  self->n_votes = c->n_votes;
  self->votes = (guint32 *) c->votes;
  self->heap = (char *) c->heap;
  self->heap_size = c->heap_size;
  return self;
}
