/* bilat-affinity-private.h: the affinity measures, over stance counts
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layering: the measures (bilat-affinity-kernel.c) are arithmetic on a
 * table of how often two actors took each pair of stances; they know the
 * vote table (bilat-votes-private.h) to fill such tables fast, and nothing
 * of the store. The public types (bilat-affinity.c) and the issue-by-issue
 * alignment (bilat-alignment.c) call them.
 */

#pragma once

#include <bilat/bilat.h>

#include "bilat-votes-private.h"

G_BEGIN_DECLS

/* How often the first actor took stance i (a BilatStance) while the
 * second took stance j. */
typedef struct
{
  guint32 cell[4][4];
} BilatStanceTable;

/* The measures of one table; NaN where undefined. */
typedef struct
{
  guint  n;
  double agree;
  double s;
  double s2;
  double kappa;
  double pi;
} BilatAffinityFigures;

void     _bilat_affinity_figures_compute (const BilatStanceTable *table,
                                          BilatAffinityFigures   *figures);

/* The stance a vote code stands for. */
BilatStance _bilat_vote_code_to_stance   (BilatVoteCode           code);

/* The roll calls a measure is taken over: the range [first, last) of the
 * table's roll calls, and within it those whose byte of @mask (indexed
 * from @first) is not 0, or all of them when @mask is NULL. */
typedef struct
{
  guint         first;
  guint         last;
  const guint8 *mask;
} BilatRollCallSelection;

/* An actor as the measures see it: its own votes and, where it has none,
 * those of the states it continues, nearest first. */
typedef struct
{
  const char * const *ids;
  guint               n_ids;
} BilatVoter;

/* Buckets of a series: one per year or session that has a selected roll
 * call, in order of their keys. */
typedef enum
{
  BILAT_BUCKET_ALL,
  BILAT_BUCKET_YEAR,
  BILAT_BUCKET_SESSION,
} BilatBucketKind;

typedef struct
{
  guint            key;       /* year or session; 0 for the whole */
  BilatStanceTable table;
} BilatAffinityBucket;

/* The stance tables of @a and @b per bucket, as a new array of
 * BilatAffinityBucket. */
GArray  *_bilat_votes_affinity_series    (const BilatVotes             *votes,
                                          const BilatVoter             *a,
                                          const BilatVoter             *b,
                                          const BilatRollCallSelection *selection,
                                          BilatBucketKind               kind);

/* The stance table of every pair (i < j) of @voters over @selection, in
 * the order (0,1), (0,2) … (1,2) …: n·(n−1)/2 tables, in a new array. */
GArray  *_bilat_votes_affinity_matrix    (const BilatVotes             *votes,
                                          const BilatVoter             *voters,
                                          guint                         n_voters,
                                          const BilatRollCallSelection *selection);

/* Whether @voter cast a vote on a selected roll call. */
gboolean _bilat_votes_voter_has_votes    (const BilatVotes             *votes,
                                          const BilatVoter             *voter,
                                          const BilatRollCallSelection *selection);

/* The figures of every pair (i < j) of @ids, in the order of
 * _bilat_votes_affinity_matrix(), over the roll calls @settings select
 * (its unit does not apply), each id resolved and followed through state
 * succession as bilat_store_compute_affinity() does: a new array of
 * n·(n−1)/2 BilatAffinityFigures, or NULL when no roll call is selected
 * (or the store has no votes). For the columns of panels. */
GArray  *_bilat_store_affinity_pairs     (BilatStore                   *store,
                                          const char * const           *ids,
                                          guint                         n_ids,
                                          BilatAffinitySettings        *settings);

/* The first and last year of the store's roll calls; FALSE if it has none. */
gboolean _bilat_store_get_vote_years     (BilatStore                   *store,
                                          guint                        *first,
                                          guint                        *last);

G_END_DECLS
