/* bilat-affinity-kernel.c: the affinity measures, over stance counts
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bilat-affinity-private.h"

/* Stances score as bilat_stance_get_score() says: supports +1, neutral 0,
 * opposes −1, considering +0.5. Here they are doubled, to integers, so
 * that every sum below is of integers and exact in a double (for tables
 * of fewer than 2^24 roll calls): a κ of 0 comes out as 0, not 1e-16. */
static const int doubled_scores[4] = {
  [BILAT_STANCE_SUPPORTS] = 2,
  [BILAT_STANCE_OPPOSES] = -2,
  [BILAT_STANCE_NEUTRAL] = 0,
  [BILAT_STANCE_CONSIDERING] = 1,
};

/* The largest distance of two scores, doubled. */
#define D_MAX_DOUBLED 4.0

/* All the measures are functions of the table: with n the number of
 * shared issues, d_i the distance of the two scores on issue i and
 * d_max = 2 the largest,
 *
 *   D_o   = Σ d_i / n                         (observed mean distance)
 *   agree = 1 − D_o / d_max
 *   S     = 1 − 2 D_o / d_max                 (Signorino–Ritter, absolute)
 *   S2    = 1 − 2 (Σ d_i² / n) / d_max²       (Signorino–Ritter, squared)
 *   κ, π  = 1 − D_o / D_e                     (Häge 2011, linear weights)
 *
 * where D_e is the mean distance expected by chance: over the product of
 * each actor's own marginal distribution of stances for Cohen's κ, over
 * the pooled distribution (the mean of the two) squared for Scott's π.
 * With r_i and c_j the marginal counts, D_e = Σ r_i c_j d_ij / n² for κ
 * and Σ (r_i + c_i)(r_j + c_j) d_ij / 4n² for π. */
void
_bilat_affinity_figures_compute (const BilatStanceTable *table,
                                 BilatAffinityFigures   *figures)
{
  double row[4] = { 0, }, col[4] = { 0, };
  double sum_d = 0.0, sum_d2 = 0.0;
  double expected_kappa = 0.0, expected_pi = 0.0;
  double n = 0.0;

  for (guint i = 0; i < 4; i++)
    for (guint j = 0; j < 4; j++)
      {
        double c = table->cell[i][j];
        double d = abs (doubled_scores[i] - doubled_scores[j]);

        n += c;
        row[i] += c;
        col[j] += c;
        sum_d += c * d;
        sum_d2 += c * d * d;
      }

  figures->n = (guint) MIN (n, (double) G_MAXUINT);
  if (n == 0.0)
    {
      figures->agree = figures->s = figures->s2 = NAN;
      figures->kappa = figures->pi = NAN;
      return;
    }

  /* sum_d / n is 2 D_o, sum_d2 / n is 4 Σd² / n. */
  figures->agree = 1.0 - sum_d / (n * D_MAX_DOUBLED);
  figures->s = 1.0 - 2.0 * sum_d / (n * D_MAX_DOUBLED);
  figures->s2 = 1.0 - 2.0 * sum_d2 / (n * D_MAX_DOUBLED * D_MAX_DOUBLED);

  for (guint i = 0; i < 4; i++)
    for (guint j = 0; j < 4; j++)
      {
        double d = abs (doubled_scores[i] - doubled_scores[j]);

        expected_kappa += row[i] * col[j] * d;
        expected_pi += (row[i] + col[i]) * (row[j] + col[j]) * d;
      }

  /* κ = 1 − (sum_d / 2n) / (expected_kappa / 2n²), and π alike with the
   * pooled counts, which sum to 2n. Both took one and the same stance
   * throughout: chance agrees fully, and agreement beyond chance is not
   * defined. */
  figures->kappa = expected_kappa > 0.0 ?
    (expected_kappa - sum_d * n) / expected_kappa : NAN;
  figures->pi = expected_pi > 0.0 ?
    (expected_pi - 4.0 * sum_d * n) / expected_pi : NAN;
}

BilatStance
_bilat_vote_code_to_stance (BilatVoteCode code)
{
  switch (code)
    {
    case BILAT_VOTE_CODE_YES:
      return BILAT_STANCE_SUPPORTS;
    case BILAT_VOTE_CODE_NO:
      return BILAT_STANCE_OPPOSES;
    case BILAT_VOTE_CODE_ABSTAIN:
    case BILAT_VOTE_CODE_NONE:
    default:
      return BILAT_STANCE_NEUTRAL;
    }
}

/* The stance index of each vote code; NONE maps nowhere. */
static const guint8 code_stance[4] = {
  [BILAT_VOTE_CODE_NONE] = 0xff,
  [BILAT_VOTE_CODE_YES] = BILAT_STANCE_SUPPORTS,
  [BILAT_VOTE_CODE_ABSTAIN] = BILAT_STANCE_NEUTRAL,
  [BILAT_VOTE_CODE_NO] = BILAT_STANCE_OPPOSES,
};

/* The votes of a voter on the roll calls [first, last), sorted: a run of
 * the table itself for a voter of one holder, a merged copy for a
 * lineage. */
typedef struct
{
  const guint32 *votes;
  guint          n;
  guint32       *owned;
} VoteRun;

/* The first vote of @votes (sorted) on roll call @rc or later. */
static guint
lower_bound (const guint32 *votes,
             guint          n,
             guint          rc)
{
  guint lo = 0, hi = n;
  guint32 word = _BILAT_VOTE_WORD (rc, 0);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (votes[mid] < word)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
holder_run (const BilatVotes *table,
            const char       *id,
            guint             first,
            guint             last,
            const guint32   **votes,
            guint            *n)
{
  int holder = _bilat_votes_find_holder (table, id);
  const guint32 *all;
  guint n_all, start, end;

  *votes = NULL;
  *n = 0;
  if (holder < 0)
    return;
  all = _bilat_votes_get_holder_votes (table, (guint) holder, &n_all);
  start = lower_bound (all, n_all, first);
  end = last >= _BILAT_VOTES_MAX_ROLL_CALLS ? n_all : lower_bound (all, n_all, last);
  *votes = all + start;
  *n = end - start;
}

static void
vote_run_init (VoteRun          *run,
               const BilatVotes *table,
               const BilatVoter *voter,
               guint             first,
               guint             last)
{
  GArray *merged;

  run->owned = NULL;
  holder_run (table, voter->ids[0], first, last, &run->votes, &run->n);
  if (voter->n_ids <= 1)
    return;

  /* A lineage: each roll call once, the nearest holder's vote winning.
   * Lineages are short and predecessors' votes few where the successor
   * has its own, so merging one level at a time is enough. */
  merged = g_array_sized_new (FALSE, FALSE, sizeof (guint32), run->n);
  g_array_append_vals (merged, run->votes, run->n);
  for (guint level = 1; level < voter->n_ids; level++)
    {
      const guint32 *other;
      guint n_other, i = 0, j = 0;
      GArray *next;

      holder_run (table, voter->ids[level], first, last, &other, &n_other);
      if (n_other == 0)
        continue;
      next = g_array_sized_new (FALSE, FALSE, sizeof (guint32), merged->len + n_other);
      while (i < merged->len || j < n_other)
        {
          guint32 x = i < merged->len ? g_array_index (merged, guint32, i) : G_MAXUINT32;
          guint32 y = j < n_other ? other[j] : G_MAXUINT32;

          if (i < merged->len && (j >= n_other || _BILAT_VOTE_ROLL_CALL (x) <= _BILAT_VOTE_ROLL_CALL (y)))
            {
              g_array_append_val (next, x);
              if (j < n_other && _BILAT_VOTE_ROLL_CALL (x) == _BILAT_VOTE_ROLL_CALL (y))
                j++;
              i++;
            }
          else
            {
              g_array_append_val (next, y);
              j++;
            }
        }
      g_array_unref (merged);
      merged = next;
    }
  run->n = merged->len;
  run->owned = (guint32 *) (gpointer) g_array_free (merged, FALSE);
  run->votes = run->owned;
}

static void
vote_run_clear (VoteRun *run)
{
  g_clear_pointer (&run->owned, g_free);
}

static gboolean
selected (const BilatRollCallSelection *selection,
          guint                         rc)
{
  return rc >= selection->first && rc < selection->last &&
         (selection->mask == NULL || selection->mask[rc - selection->first] != 0);
}

static guint
bucket_key (const BilatRollCall *rc,
            BilatBucketKind      kind)
{
  switch (kind)
    {
    case BILAT_BUCKET_YEAR:
      return rc->year;
    case BILAT_BUCKET_SESSION:
      return rc->session;
    case BILAT_BUCKET_ALL:
    default:
      return 0;
    }
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

GArray *
_bilat_votes_affinity_series (const BilatVotes             *votes,
                              const BilatVoter             *a,
                              const BilatVoter             *b,
                              const BilatRollCallSelection *selection,
                              BilatBucketKind               kind)
{
  const BilatRollCall *rcs = _bilat_votes_get_roll_calls (votes);
  guint first = selection->first;
  guint last = MIN (selection->last, _bilat_votes_get_n_roll_calls (votes));
  GArray *buckets = g_array_new (FALSE, TRUE, sizeof (BilatAffinityBucket));
  g_autofree guint32 *bucket_of = NULL;
  g_autoptr(GArray) keys = NULL;
  g_autoptr(GHashTable) index_of = NULL;
  VoteRun run_a, run_b;
  guint i = 0, j = 0;

  if (first >= last)
    return buckets;

  /* The buckets: the distinct keys of the selected roll calls, sorted. */
  keys = g_array_new (FALSE, FALSE, sizeof (guint));
  index_of = g_hash_table_new (NULL, NULL);
  for (guint rc = first; rc < last; rc++)
    {
      guint key;

      if (!selected (selection, rc))
        continue;
      key = bucket_key (&rcs[rc], kind);
      if (!g_hash_table_contains (index_of, GUINT_TO_POINTER (key + 1)))
        {
          g_hash_table_add (index_of, GUINT_TO_POINTER (key + 1));
          g_array_append_val (keys, key);
        }
    }
  g_array_sort (keys, compare_keys);
  g_array_set_size (buckets, keys->len);
  for (guint k = 0; k < keys->len; k++)
    {
      guint key = g_array_index (keys, guint, k);

      g_array_index (buckets, BilatAffinityBucket, k).key = key;
      g_hash_table_insert (index_of, GUINT_TO_POINTER (key + 1), GUINT_TO_POINTER (k));
    }
  bucket_of = g_new (guint32, last - first);
  for (guint rc = first; rc < last; rc++)
    bucket_of[rc - first] = selected (selection, rc) ?
      GPOINTER_TO_UINT (g_hash_table_lookup (index_of, GUINT_TO_POINTER (bucket_key (&rcs[rc], kind) + 1))) :
      G_MAXUINT32;

  /* One pass over the two runs, both sorted by roll call. */
  vote_run_init (&run_a, votes, a, first, last);
  vote_run_init (&run_b, votes, b, first, last);
  while (i < run_a.n && j < run_b.n)
    {
      guint32 x = run_a.votes[i];
      guint32 y = run_b.votes[j];
      guint rx = _BILAT_VOTE_ROLL_CALL (x);
      guint ry = _BILAT_VOTE_ROLL_CALL (y);

      if (rx < ry)
        i++;
      else if (ry < rx)
        j++;
      else
        {
          guint32 bucket = bucket_of[rx - first];

          if (bucket != G_MAXUINT32)
            g_array_index (buckets, BilatAffinityBucket, bucket)
              .table.cell[code_stance[_BILAT_VOTE_CODE (x)]][code_stance[_BILAT_VOTE_CODE (y)]]++;
          i++;
          j++;
        }
    }
  vote_run_clear (&run_a);
  vote_run_clear (&run_b);
  return buckets;
}

GArray *
_bilat_votes_affinity_matrix (const BilatVotes             *votes,
                              const BilatVoter             *voters,
                              guint                         n_voters,
                              const BilatRollCallSelection *selection)
{
  guint first = selection->first;
  guint last = MIN (selection->last, _bilat_votes_get_n_roll_calls (votes));
  guint n_pairs = n_voters < 2 ? 0 : n_voters * (n_voters - 1) / 2;
  GArray *tables = g_array_sized_new (FALSE, TRUE, sizeof (BilatStanceTable), n_pairs);
  g_autofree guint32 *column = NULL;
  g_autofree guint8 *dense = NULL;
  guint n_columns = 0;
  guint pair = 0;

  g_array_set_size (tables, n_pairs);
  if (first >= last || n_pairs == 0)
    return tables;

  /* The selected roll calls as dense columns, and every voter's stances
   * on them as one byte each (0xff: no vote): the pairs then compare two
   * rows of bytes, which is what the all-pairs matrix spends its time on. */
  column = g_new (guint32, last - first);
  for (guint rc = first; rc < last; rc++)
    column[rc - first] = selected (selection, rc) ? n_columns++ : G_MAXUINT32;
  if (n_columns == 0)
    return tables;
  dense = g_malloc ((gsize) n_voters * n_columns);
  memset (dense, 0xff, (gsize) n_voters * n_columns);
  for (guint v = 0; v < n_voters; v++)
    {
      VoteRun run;

      vote_run_init (&run, votes, &voters[v], first, last);
      for (guint k = 0; k < run.n; k++)
        {
          guint32 col = column[_BILAT_VOTE_ROLL_CALL (run.votes[k]) - first];

          if (col != G_MAXUINT32)
            dense[(gsize) v * n_columns + col] = code_stance[_BILAT_VOTE_CODE (run.votes[k])];
        }
      vote_run_clear (&run);
    }

  for (guint a = 0; a < n_voters; a++)
    for (guint b = a + 1; b < n_voters; b++, pair++)
      {
        const guint8 *x = dense + (gsize) a * n_columns;
        const guint8 *y = dense + (gsize) b * n_columns;
        /* Counted as a 16 × 16 table of (stance | none) pairs, without a
         * branch, then folded into the stance table. */
        guint32 counts[256] = { 0, };
        BilatStanceTable *table = &g_array_index (tables, BilatStanceTable, pair);

        for (guint c = 0; c < n_columns; c++)
          counts[((x[c] & 0x0f) << 4) | (y[c] & 0x0f)]++;
        for (guint s = 0; s < 4; s++)
          for (guint t = 0; t < 4; t++)
            table->cell[s][t] = counts[(s << 4) | t];
      }
  return tables;
}

gboolean
_bilat_votes_voter_has_votes (const BilatVotes             *votes,
                              const BilatVoter             *voter,
                              const BilatRollCallSelection *selection)
{
  for (guint level = 0; level < voter->n_ids; level++)
    {
      const guint32 *run;
      guint n;

      holder_run (votes, voter->ids[level], selection->first, selection->last, &run, &n);
      for (guint k = 0; k < n; k++)
        if (selected (selection, _BILAT_VOTE_ROLL_CALL (run[k])))
          return TRUE;
    }
  return FALSE;
}
