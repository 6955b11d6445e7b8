/* test-votes.c: the roll-call vote table, the UNGA reader and the
 * affinity measures
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include <bilat/bilat.h>

#include "bilat-affinity-private.h"
#include "bilat-date-private.h"
#include "bilat-store-private.h"
#include "bilat-unga-private.h"
#include "bilat-votes-private.h"

#define DAY(y, m, d) _bilat_civil_to_julian (y, m, d)

/* The table. */

static BilatVotes *
small_table (guint64 *duplicates)
{
  BilatVotesBuilder *builder = _bilat_votes_builder_new ();
  BilatVotes *votes;
  int me = _bilat_votes_builder_add_topic (builder, "me", "Palestinian conflict");

  /* Added out of date order; votes before their roll calls. */
  _bilat_votes_builder_add_vote (builder, "RUS", 30, BILAT_VOTE_CODE_NO, 1);
  _bilat_votes_builder_add_vote (builder, "PAK", 30, BILAT_VOTE_CODE_YES, 2);
  assert_true (_bilat_votes_builder_add_roll_call (builder, 30, DAY (2006, 10, 5), 61, 0, 0,
                                                   "R/61/1", "Third", NULL));
  assert_true (_bilat_votes_builder_add_roll_call (builder, 10, DAY (2005, 11, 2), 60,
                                                   BILAT_ROLL_CALL_IMPORTANT, 1u << me,
                                                   "R/60/1", "First", "The first"));
  assert_false (_bilat_votes_builder_add_roll_call (builder, 10, DAY (2005, 11, 3), 60, 0, 0,
                                                    NULL, NULL, NULL));
  assert_true (_bilat_votes_builder_add_roll_call (builder, 20, DAY (2005, 12, 20), 60, 0, 0,
                                                   NULL, NULL, NULL));
  _bilat_votes_builder_add_vote (builder, "PAK", 10, BILAT_VOTE_CODE_YES, 3);
  _bilat_votes_builder_add_vote (builder, "RUS", 10, BILAT_VOTE_CODE_YES, 4);
  _bilat_votes_builder_add_vote (builder, "PAK", 20, BILAT_VOTE_CODE_ABSTAIN, 5);
  _bilat_votes_builder_add_vote (builder, "RUS", 20, BILAT_VOTE_CODE_YES, 6);
  /* A second vote on the same roll call: the first one stays. */
  _bilat_votes_builder_add_vote (builder, "PAK", 20, BILAT_VOTE_CODE_NO, 7);
  /* A vote on a roll call never added: left out. */
  _bilat_votes_builder_add_vote (builder, "USA", 99, BILAT_VOTE_CODE_NO, 8);
  votes = _bilat_votes_builder_build (builder, duplicates);
  _bilat_votes_builder_free (builder);
  return votes;
}

static void
test_table_layout (void **state)
{
  guint64 duplicates = 0;
  BilatVotes *votes = small_table (&duplicates);
  const BilatRollCall *rcs = _bilat_votes_get_roll_calls (votes);
  const guint32 *run;
  guint n;
  int pak;

  assert_int_equal (duplicates, 1);
  assert_int_equal (_bilat_votes_get_n_roll_calls (votes), 3);
  /* By day. */
  assert_int_equal (rcs[0].number, 10);
  assert_int_equal (rcs[1].number, 20);
  assert_int_equal (rcs[2].number, 30);
  assert_int_equal (rcs[0].year, 2005);
  assert_int_equal (rcs[2].session, 61);
  assert_true (rcs[0].flags & BILAT_ROLL_CALL_IMPORTANT);
  assert_int_equal (rcs[0].topics, 1);
  assert_string_equal (_bilat_votes_get_string (votes, rcs[0].description), "The first");
  assert_string_equal (_bilat_votes_get_string (votes, rcs[1].title), "");
  assert_int_equal (_bilat_votes_find_roll_call (votes, 30), 2);
  assert_int_equal (_bilat_votes_find_roll_call (votes, 31), -1);
  assert_int_equal (_bilat_votes_lower_bound (votes, DAY (2005, 12, 1)), 1);
  assert_int_equal (_bilat_votes_lower_bound (votes, DAY (2007, 1, 1)), 3);

  /* Holders in id order; USA voted only on a missing roll call, and so
   * is none. */
  assert_int_equal (_bilat_votes_get_n_holders (votes), 2);
  assert_string_equal (_bilat_votes_get_holder (votes, 0), "PAK");
  assert_string_equal (_bilat_votes_get_holder (votes, 1), "RUS");
  assert_int_equal (_bilat_votes_find_holder (votes, "USA"), -1);
  pak = _bilat_votes_find_holder (votes, "PAK");
  run = _bilat_votes_get_holder_votes (votes, (guint) pak, &n);
  assert_int_equal (n, 3);
  assert_int_equal (_BILAT_VOTE_ROLL_CALL (run[0]), 0);
  assert_int_equal (_BILAT_VOTE_CODE (run[0]), BILAT_VOTE_CODE_YES);
  assert_int_equal (_BILAT_VOTE_CODE (run[1]), BILAT_VOTE_CODE_ABSTAIN);
  assert_int_equal (_BILAT_VOTE_ROLL_CALL (run[2]), 2);
  assert_int_equal (_bilat_votes_get_n_votes (votes), 6);
  {
    guint holder = 99;

    _bilat_votes_get_vote (votes, 3, &holder);
    assert_int_equal (holder, 1);
    _bilat_votes_get_vote (votes, 5, &holder);
    assert_int_equal (holder, 1);
  }
  /* No cost per vote but its word: the rest is the roll calls, the heap
   * and a fixed header. */
  assert_true (_bilat_votes_get_size (votes) < 1024);

  _bilat_votes_unref (votes);
}

static void
test_merge_and_equal (void **state)
{
  BilatVotes *a = small_table (NULL);
  BilatVotes *b = small_table (NULL);
  BilatVotes *merged;
  BilatVotesBuilder *builder;
  BilatVotes *other;
  g_autoptr(GError) error = NULL;
  guint64 duplicates = 0;

  assert_true (_bilat_votes_equal (a, b));
  merged = _bilat_votes_merge (a, b, &duplicates, &error);
  assert_non_null (merged);
  assert_int_equal (duplicates, 6);
  assert_true (_bilat_votes_equal (a, merged));
  _bilat_votes_unref (merged);

  /* A roll call with the same number and another date. */
  builder = _bilat_votes_builder_new ();
  _bilat_votes_builder_add_roll_call (builder, 10, DAY (1999, 1, 1), 53, 0, 0, NULL, NULL, NULL);
  _bilat_votes_builder_add_vote (builder, "IND", 10, BILAT_VOTE_CODE_NO, 0);
  other = _bilat_votes_builder_build (builder, NULL);
  _bilat_votes_builder_free (builder);
  assert_false (_bilat_votes_equal (a, other));
  assert_null (_bilat_votes_merge (a, other, NULL, &error));
  assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_DUPLICATE_ID));

  _bilat_votes_unref (other);
  _bilat_votes_unref (a);
  _bilat_votes_unref (b);
}

/* The measures. */

static void
check_close (double got,
             double want)
{
  if (isnan (want))
    assert_true (isnan (got));
  else
    assert_true (fabs (got - want) < 1e-12);
}

static void
test_figures (void **state)
{
  BilatStanceTable table = { { { 0, } } };
  BilatAffinityFigures f;
  const int S = BILAT_STANCE_SUPPORTS, O = BILAT_STANCE_OPPOSES, N = BILAT_STANCE_NEUTRAL;

  /* No shared issue: every measure absent, none made up. */
  _bilat_affinity_figures_compute (&table, &f);
  assert_int_equal (f.n, 0);
  assert_true (isnan (f.agree) && isnan (f.s) && isnan (f.s2) && isnan (f.kappa) && isnan (f.pi));

  /* Always the same stance: perfect agreement, nothing beyond chance. */
  table.cell[S][S] = 5;
  _bilat_affinity_figures_compute (&table, &f);
  assert_int_equal (f.n, 5);
  check_close (f.agree, 1.0);
  check_close (f.s, 1.0);
  check_close (f.s2, 1.0);
  assert_true (isnan (f.kappa));
  assert_true (isnan (f.pi));

  /* Worked by hand: (yes, yes) ×2, (yes, no), (abstain, yes).
   * Σd = 0 + 0 + 2 + 1 = 3, Σd² = 5, n = 4.
   * agree = 1 − 3/8, S = 1 − 6/8, S2 = 1 − 10/16.
   * Marginals a: yes 3/4, abstain 1/4; b: yes 3/4, no 1/4.
   * D_o = 3/4. κ: D_e = Σ pa pb d = (3/4·1/4·2) + (1/4·3/4·1) + (1/4·1/4·1)
   *             = 6/16 + 3/16 + 1/16 = 10/16; κ = 1 − (3/4)/(10/16) = −0.2.
   * π: pooled yes 3/4, abstain 1/8, no 1/8; D_e = 2 Σ_{i<j} p_i p_j d_ij
   *    = 2 (3/4·1/8·1 + 3/4·1/8·2 + 1/8·1/8·1) = 2 (3/32 + 6/32 + 1/64)
   *    = 38/64; π = 1 − (3/4)/(38/64) = 1 − 48/38. */
  memset (&table, 0, sizeof table);
  table.cell[S][S] = 2;
  table.cell[S][O] = 1;
  table.cell[N][S] = 1;
  _bilat_affinity_figures_compute (&table, &f);
  assert_int_equal (f.n, 4);
  check_close (f.agree, 1.0 - 3.0 / 8.0);
  check_close (f.s, 1.0 - 6.0 / 8.0);
  check_close (f.s2, 1.0 - 10.0 / 16.0);
  check_close (f.kappa, -0.2);
  check_close (f.pi, 1.0 - 48.0 / 38.0);

  /* Always opposed: S is −1, and chance explains none of it (κ = 0 exactly,
   * as the two never change their vote). */
  memset (&table, 0, sizeof table);
  table.cell[S][O] = 7;
  _bilat_affinity_figures_compute (&table, &f);
  check_close (f.s, -1.0);
  check_close (f.s2, -1.0);
  check_close (f.agree, 0.0);
  assert_true (f.kappa == 0.0);
  check_close (f.pi, -1.0);

  /* Considering scores +0.5: at 0.5 from supports. */
  memset (&table, 0, sizeof table);
  table.cell[BILAT_STANCE_CONSIDERING][S] = 1;
  _bilat_affinity_figures_compute (&table, &f);
  check_close (f.s, 0.5);
  check_close (f.s2, 1.0 - 2.0 * 0.25 / 4.0);
}

static void
test_series_matrix_lineage (void **state)
{
  BilatVotesBuilder *builder = _bilat_votes_builder_new ();
  BilatVotes *votes;
  const char *rus_ids[] = { "RUS", "SUN" };
  const char *pak_ids[] = { "PAK" };
  BilatVoter rus = { rus_ids, 2 }, pak = { pak_ids, 1 }, rus_alone = { rus_ids, 1 };
  BilatRollCallSelection all = { 0, 3, NULL };
  guint8 mask[3] = { 1, 0, 1 };
  BilatRollCallSelection masked = { 0, 3, mask };
  BilatVoter voters[2];
  GArray *buckets;
  GArray *tables;

  _bilat_votes_builder_add_roll_call (builder, 1, DAY (1990, 10, 1), 45, 0, 0, NULL, NULL, NULL);
  _bilat_votes_builder_add_roll_call (builder, 2, DAY (1991, 10, 1), 46, 0, 0, NULL, NULL, NULL);
  _bilat_votes_builder_add_roll_call (builder, 3, DAY (1992, 10, 1), 47, 0, 0, NULL, NULL, NULL);
  _bilat_votes_builder_add_vote (builder, "SUN", 1, BILAT_VOTE_CODE_NO, 0);
  _bilat_votes_builder_add_vote (builder, "SUN", 2, BILAT_VOTE_CODE_NO, 0);
  /* RUS's own vote hides SUN's on roll call 2. */
  _bilat_votes_builder_add_vote (builder, "RUS", 2, BILAT_VOTE_CODE_YES, 0);
  _bilat_votes_builder_add_vote (builder, "RUS", 3, BILAT_VOTE_CODE_YES, 0);
  for (guint32 rc = 1; rc <= 3; rc++)
    _bilat_votes_builder_add_vote (builder, "PAK", rc, BILAT_VOTE_CODE_YES, 0);
  votes = _bilat_votes_builder_build (builder, NULL);
  _bilat_votes_builder_free (builder);

  buckets = _bilat_votes_affinity_series (votes, &pak, &rus, &all, BILAT_BUCKET_YEAR);
  assert_int_equal (buckets->len, 3);
  assert_int_equal (g_array_index (buckets, BilatAffinityBucket, 0).key, 1990);
  assert_int_equal (g_array_index (buckets, BilatAffinityBucket, 0).table.cell[BILAT_STANCE_SUPPORTS][BILAT_STANCE_OPPOSES], 1);
  assert_int_equal (g_array_index (buckets, BilatAffinityBucket, 1).table.cell[BILAT_STANCE_SUPPORTS][BILAT_STANCE_SUPPORTS], 1);
  assert_int_equal (g_array_index (buckets, BilatAffinityBucket, 1).table.cell[BILAT_STANCE_SUPPORTS][BILAT_STANCE_OPPOSES], 0);
  g_array_unref (buckets);

  /* Without succession, 1990 has no shared vote but is still a bucket. */
  buckets = _bilat_votes_affinity_series (votes, &pak, &rus_alone, &all, BILAT_BUCKET_SESSION);
  assert_int_equal (buckets->len, 3);
  assert_int_equal (g_array_index (buckets, BilatAffinityBucket, 0).key, 45);
  {
    BilatAffinityFigures f;

    _bilat_affinity_figures_compute (&g_array_index (buckets, BilatAffinityBucket, 0).table, &f);
    assert_int_equal (f.n, 0);
  }
  g_array_unref (buckets);

  buckets = _bilat_votes_affinity_series (votes, &pak, &rus, &masked, BILAT_BUCKET_ALL);
  assert_int_equal (buckets->len, 1);
  assert_int_equal (g_array_index (buckets, BilatAffinityBucket, 0).table.cell[BILAT_STANCE_SUPPORTS][BILAT_STANCE_SUPPORTS], 1);
  assert_int_equal (g_array_index (buckets, BilatAffinityBucket, 0).table.cell[BILAT_STANCE_SUPPORTS][BILAT_STANCE_OPPOSES], 1);
  g_array_unref (buckets);

  voters[0] = pak;
  voters[1] = rus;
  tables = _bilat_votes_affinity_matrix (votes, voters, 2, &all);
  assert_int_equal (tables->len, 1);
  assert_int_equal (g_array_index (tables, BilatStanceTable, 0).cell[BILAT_STANCE_SUPPORTS][BILAT_STANCE_SUPPORTS], 2);
  assert_int_equal (g_array_index (tables, BilatStanceTable, 0).cell[BILAT_STANCE_SUPPORTS][BILAT_STANCE_OPPOSES], 1);
  g_array_unref (tables);

  assert_true (_bilat_votes_voter_has_votes (votes, &rus, &all));
  {
    BilatRollCallSelection first = { 0, 1, NULL };

    assert_false (_bilat_votes_voter_has_votes (votes, &rus_alone, &first));
  }

  _bilat_votes_unref (votes);
}

/* The reader. */

static BilatVotes *
read_tables (const char * const *tables,
             BilatImportFlags    flags,
             BilatImportReport  *report,
             GError            **error)
{
  BilatUngaReader *reader = _bilat_unga_reader_new (flags, report);
  BilatVotes *votes = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; ok && tables[i] != NULL; i++)
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (tables[i], -1, NULL);
      g_autofree char *name = g_strdup_printf ("table%u.csv", i);
      BilatInput *input = _bilat_input_new_for_stream (stream, name, NULL, error);

      ok = input != NULL && _bilat_unga_reader_read (reader, input, NULL, error);
      _bilat_input_free (input);
    }
  if (ok)
    votes = _bilat_unga_reader_finish (reader, NULL, error);
  _bilat_unga_reader_free (reader);
  return votes;
}

#define RC_HEADER "rcid,session,importantvote,date,unres,amend,para,short,descr\n"
#define VOTE_HEADER "rcid,country,country_code,vote\n"

static void
test_reader_bad_rows (void **state)
{
  const char *tables[] = {
    VOTE_HEADER
    "1,Pakistan,PK,yes\n"
    "1,Nowhere,QQ,yes\n"           /* line 3: unknown country */
    "1,Russia,RU,perhaps\n"        /* line 4: not a vote */
    "1,India,IN,8\n"               /* absent: no vote, no problem */
    "7,Russia,RU,no\n"             /* line 6: no such roll call */
    "1,Namibia,NA,no\n"            /* Namibia, not a missing code */
    "2,USSR,SU,3\n",
    RC_HEADER
    "1,60,0,2005-11-02,R/60/1,,,\"a, b\",\"x \"\"y\"\"\"\n"
    "2,45,0,1990-10-01,,,,,\n"
    "3,60,0,2005-13-02,,,,,\n"     /* line 4: bad date */
    "1,60,0,2005-11-02,,,,,\n",    /* line 5: duplicate */
    NULL,
  };
  g_autoptr(BilatImportReport) report = bilat_import_report_new ();
  g_autoptr(GError) error = NULL;
  BilatVotes *votes = read_tables (tables, BILAT_IMPORT_FLAGS_NONE, report, &error);
  GPtrArray *problems;
  struct { const char *file; guint line; const char *field; } want[] = {
    { "table0.csv", 3, "country_code" },
    { "table0.csv", 4, "vote" },
    { "table1.csv", 4, "date" },
    { "table1.csv", 5, "rcid" },
    { "table0.csv", 6, "rcid" },
  };

  assert_non_null (votes);
  assert_null (error);
  assert_int_equal (bilat_import_report_get_bad_rows (report), 4);
  assert_int_equal (bilat_import_report_get_duplicates (report), 1);
  problems = bilat_import_report_get_problems (report);
  assert_int_equal (problems->len, G_N_ELEMENTS (want));
  for (guint i = 0; i < problems->len; i++)
    {
      BilatProblem *problem = g_ptr_array_index (problems, i);

      assert_string_equal (bilat_problem_get_file (problem), want[i].file);
      assert_int_equal (bilat_problem_get_line (problem), want[i].line);
      assert_string_equal (bilat_problem_get_field (problem), want[i].field);
    }
  assert_int_equal (_bilat_votes_get_n_votes (votes), 3);
  assert_true (_bilat_votes_find_holder (votes, "NAM") >= 0);
  assert_true (_bilat_votes_find_holder (votes, "SUN") >= 0);
  assert_string_equal (_bilat_votes_get_string (votes, _bilat_votes_get_roll_calls (votes)[1].title), "a, b");
  assert_string_equal (_bilat_votes_get_string (votes, _bilat_votes_get_roll_calls (votes)[1].description),
                       "x \"y\"");
  _bilat_votes_unref (votes);

  /* Strict: the first bad row is the error. */
  {
    g_autoptr(BilatImportReport) strict = bilat_import_report_new ();

    votes = read_tables (tables, BILAT_IMPORT_FLAGS_STRICT, strict, &error);
    assert_null (votes);
    assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_UNKNOWN_COUNTRY));
    assert_non_null (strstr (error->message, "table0.csv:3"));
  }
}

/* The number of votes of the holder @id (0 if none). */
static guint
votes_of (const BilatVotes *votes,
          const char       *id)
{
  int holder = _bilat_votes_find_holder (votes, id);
  guint n = 0;

  if (holder >= 0)
    _bilat_votes_get_holder_votes (votes, (guint) holder, &n);
  return n;
}

/* A country code means a state on the roll call's date, as the identity
 * tables say: read before its roll call or after. */
static void
test_reader_identity_by_date (void **state)
{
  const char *roll_calls =
    RC_HEADER
    "1,45,0,1990-10-01,,,,,\n"
    "2,59,0,2004-11-02,,,,,\n"
    "3,50,0,1995-10-01,,,,,\n"
    "4,40,0,1985-10-01,,,,,\n";
  const char *votes_table =
    VOTE_HEADER
    "1,Czechoslovakia,CS,yes\n"          /* 1990: CSK */
    "2,Serbia and Montenegro,CS,no\n"    /* 2004: SCG */
    "3,Czechoslovakia,CS,yes\n"          /* line 4, 1995: no state, reported */
    "1,USSR,SU,no\n"                     /* SUN */
    "4,Russia,RU,yes\n"                  /* 1985: SUN, the state Russia continues */
    "2,Russia,RU,yes\n"                  /* 2004: RUS */
    "2,Namibia,NA,abstain\n"             /* Namibia, not a missing code */
    "1,Zaire,ZR,yes\n";                  /* 1990: COD, under its former code */

  for (guint order = 0; order < 2; order++)
    {
      const char *tables[3] = { order == 0 ? votes_table : roll_calls,
                                order == 0 ? roll_calls : votes_table, NULL };
      g_autoptr(BilatImportReport) report = bilat_import_report_new ();
      g_autoptr(GError) error = NULL;
      BilatVotes *votes = read_tables (tables, BILAT_IMPORT_FLAGS_NONE, report, &error);
      BilatProblem *problem;

      assert_non_null (votes);
      assert_int_equal (votes_of (votes, "CSK"), 1);
      assert_int_equal (votes_of (votes, "SCG"), 1);
      assert_int_equal (votes_of (votes, "SUN"), 2);
      assert_int_equal (votes_of (votes, "RUS"), 1);
      assert_int_equal (votes_of (votes, "NAM"), 1);
      assert_int_equal (votes_of (votes, "COD"), 1);
      assert_int_equal (_bilat_votes_get_n_votes (votes), 7);
      assert_int_equal (bilat_import_report_get_n_problems (report), 1);
      problem = g_ptr_array_index (bilat_import_report_get_problems (report), 0);
      assert_int_equal (bilat_problem_get_code (problem), BILAT_IMPORT_ERROR_UNKNOWN_COUNTRY);
      assert_string_equal (bilat_problem_get_file (problem), order == 0 ? "table0.csv" : "table1.csv");
      assert_int_equal (bilat_problem_get_line (problem), 4);
      assert_string_equal (bilat_problem_get_field (problem), "country_code");
      assert_non_null (strstr (bilat_problem_get_message (problem), "1995-10-01"));
      _bilat_votes_unref (votes);

      /* Strict: that vote is the error. */
      {
        g_autoptr(BilatImportReport) strict = bilat_import_report_new ();

        votes = read_tables (tables, BILAT_IMPORT_FLAGS_STRICT, strict, &error);
        assert_null (votes);
        assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_UNKNOWN_COUNTRY));
        g_clear_error (&error);
      }
    }
}

static void
test_reader_formats (void **state)
{
  const char *not_a_table[] = { "a,b,c\n1,2,3\n", NULL };
  const char *crlf_bom[] = {
    "\xef\xbb\xbf" "rcid,short_name,issue\r\n1,me,Palestinian conflict\r\n",
    "\"rcid\",\"date\"\r\n1,2005-11-02\r\n",
    VOTE_HEADER "1,Pakistan,PK,Yes\r\n",
    NULL,
  };
  g_autoptr(BilatImportReport) report = bilat_import_report_new ();
  g_autoptr(GError) error = NULL;
  BilatVotes *votes;

  votes = read_tables (not_a_table, BILAT_IMPORT_FLAGS_NONE, report, &error);
  assert_null (votes);
  assert_true (g_error_matches (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_UNKNOWN_FORMAT));
  g_clear_error (&error);

  votes = read_tables (crlf_bom, BILAT_IMPORT_FLAGS_STRICT, report, &error);
  assert_non_null (votes);
  assert_int_equal (_bilat_votes_get_n_votes (votes), 1);
  assert_int_equal (_bilat_votes_get_roll_calls (votes)[0].topics, 1);
  assert_string_equal (_bilat_votes_get_topic_name (votes, 0), "Palestinian conflict");
  _bilat_votes_unref (votes);

  assert_true (_bilat_unga_detect (VOTE_HEADER, strlen (VOTE_HEADER)));
  assert_true (_bilat_unga_detect (RC_HEADER, strlen (RC_HEADER)));
  assert_false (_bilat_unga_detect ("GLOBALEVENTID\tSQLDATE\n", 22));
}

/* Saving and loading: JSON and native files give the same table. */
static void
test_save_load (void **state)
{
  const char *tables[] = {
    VOTE_HEADER "1,Pakistan,PK,yes\n1,Russia,RU,no\n2,Pakistan,PK,abstain\n2,USSR,SU,yes\n",
    RC_HEADER "1,60,1,2005-11-02,R/60/1,0,1,\"a, b\",\"x \"\"y\"\"\"\n2,45,0,1990-10-01,,1,,,\n",
    "rcid,short_name,issue\n1,me,Palestinian conflict\n1,hr,Human rights\n2,hr,Human rights\n",
    NULL,
  };
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatStore) copy = bilat_store_new ();
  g_autoptr(BilatStore) native = bilat_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-votes-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "votes.bilat", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* One table at a time, in the order that lets each find the roll calls
   * it names in the store: roll calls, their topics, then the votes. */
  for (guint i = 0; tables[i] != NULL; i++)
    {
      const char *table = tables[(i + 1) % 3];
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (table, -1, NULL);
      g_autoptr(BilatImportReport) report =
        bilat_store_import_votes_from_stream (store, stream, "table", BILAT_IMPORT_FLAGS_STRICT, NULL, &error);

      assert_null (error);
      assert_non_null (report);
    }
  assert_non_null (_bilat_store_get_votes (store));
  assert_int_equal (_bilat_votes_get_n_votes (_bilat_store_get_votes (store)), 4);

  text = bilat_store_save_to_data (store, NULL, &error);
  assert_non_null (text);
  assert_non_null (strstr (text, "\"type\": \"roll-call\""));
  assert_true (bilat_store_load_from_data (copy, text, -1, &error));
  assert_true (_bilat_votes_equal (_bilat_store_get_votes (store), _bilat_store_get_votes (copy)));
  again = bilat_store_save_to_data (copy, NULL, &error);
  assert_string_equal (again, text);

  assert_true (bilat_store_save_to_native_file (store, file, NULL, &error));
  assert_true (bilat_store_load_from_path (native, path, &error));
  assert_true (_bilat_votes_equal (_bilat_store_get_votes (store), _bilat_store_get_votes (native)));

  /* Clearing the store clears its votes. */
  bilat_store_clear (native);
  assert_null (_bilat_store_get_votes (native));

  g_file_delete (file, NULL, NULL);
  g_rmdir (dir);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    data)
{
  (*(guint *) data)++;
}

/* Roll calls are issues of the store's list, with their facts and their
 * topics as parents; votes cite their row; all of it saved and loaded. */
static void
test_roll_call_issues (void **state)
{
  const char *tables[] = {
    RC_HEADER "7,60,1,2005-11-02,R/60/1,0,0,First,The first\n8,61,0,2006-10-05,,,,Second,\n",
    "rcid,short_name,issue\n7,me,Palestinian conflict\n7,hr,Human rights\n",
    VOTE_HEADER "7,Pakistan,PK,yes\n7,Russia,RU,no\n8,Pakistan,PK,abstain\n",
    NULL,
  };
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatStore) copy = bilat_store_new ();
  g_autoptr(BilatIssue) plain = bilat_issue_new ("trade");
  g_autoptr(BilatIssue) first = NULL;
  g_autoptr(BilatPosition) vote = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *date = NULL;
  g_autofree char *cited = NULL;
  const char *parents[] = { "energy", "cpec", "energy", NULL };
  const char * const *kept;
  GListModel *issues = bilat_store_get_issues (store);
  BilatIssue *looked_up;
  BilatCitation *citation;
  g_autoptr(GPtrArray) problems = NULL;
  guint notified = 0;

  /* The properties of any issue. */
  g_signal_connect (plain, "notify", G_CALLBACK (on_notify), &notified);
  assert_null (bilat_issue_get_date (plain));
  assert_int_equal (bilat_issue_get_session (plain), 0);
  assert_false (bilat_issue_get_important (plain));
  assert_null (bilat_issue_get_parents (plain)[0]);
  bilat_issue_set_session (plain, 74);
  bilat_issue_set_session (plain, 74);
  bilat_issue_set_important (plain, TRUE);
  bilat_issue_set_resolution (plain, "R/74/1");
  bilat_issue_set_parents (plain, parents + 1);
  assert_int_equal (notified, 4);
  bilat_issue_set_parents (plain, parents);
  kept = bilat_issue_get_parents (plain);
  assert_string_equal (kept[0], "energy");
  assert_string_equal (kept[1], "cpec");
  assert_null (kept[2]);
  assert_true (bilat_issue_has_parent (plain, "cpec"));
  assert_false (bilat_issue_has_parent (plain, "trade"));
  assert_int_equal (notified, 5);
  {
    g_autoptr(BilatDate) day = bilat_date_new_day (2019, 9, 24, NULL);
    g_autofree char *day_text = NULL;

    bilat_issue_set_date (plain, day);
    bilat_issue_set_date (plain, day);
    assert_int_equal (notified, 6);
    day_text = bilat_date_to_string (bilat_issue_get_date (plain));
    assert_string_equal (day_text, "2019-09-24");
    bilat_issue_set_date (plain, NULL);
    assert_null (bilat_issue_get_date (plain));
    assert_int_equal (notified, 7);
  }

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (tables[i], -1, NULL);
      g_autoptr(BilatImportReport) report =
        bilat_store_import_votes_from_stream (store, stream, "table", BILAT_IMPORT_FLAGS_STRICT, NULL, &error);

      assert_null (error);
      assert_non_null (report);
    }

  /* Topics (objects) and roll calls (rows), in id order. */
  assert_int_equal (g_list_model_get_n_items (issues), 4);
  first = g_list_model_get_item (issues, 2);
  assert_string_equal (bilat_record_get_id (BILAT_RECORD (first)), "unga:7");
  date = bilat_date_to_string (bilat_issue_get_date (first));
  assert_string_equal (date, "2005-11-02");
  assert_int_equal (bilat_issue_get_session (first), 60);
  assert_string_equal (bilat_issue_get_resolution (first), "R/60/1");
  assert_true (bilat_issue_get_important (first));
  assert_string_equal (bilat_issue_get_description (first), "The first");
  kept = bilat_issue_get_parents (first);
  assert_string_equal (kept[0], "unga-topic:hr");
  assert_string_equal (kept[1], "unga-topic:me");
  assert_null (kept[2]);
  looked_up = bilat_store_lookup_issue (store, "unga:8");
  assert_non_null (looked_up);
  assert_ptr_equal (bilat_store_lookup_issue (store, "unga:8"), looked_up);
  assert_null (bilat_issue_get_resolution (looked_up));
  assert_false (bilat_issue_get_important (looked_up));
  assert_null (bilat_issue_get_parents (looked_up)[0]);
  assert_null (bilat_store_lookup_issue (store, "unga:9"));
  assert_false (bilat_store_remove (store, BILAT_RECORD (looked_up), &error));
  assert_true (g_error_matches (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_INVALID_RECORD));
  g_clear_error (&error);

  /* A vote cites the data set and its row. */
  vote = g_object_ref (bilat_store_lookup_position (store, "unga:7:RUS"));
  assert_int_equal (bilat_record_get_citations (BILAT_RECORD (vote))->len, 1);
  citation = g_ptr_array_index (bilat_record_get_citations (BILAT_RECORD (vote)), 0);
  assert_string_equal (bilat_citation_get_source (citation), "unga-votes");
  assert_string_equal (bilat_citation_get_row (citation), "rcid=7 country=RUS");
  cited = bilat_citation_to_string (citation);
  assert_string_equal (cited, "unga-votes: rcid=7 country=RUS");
  assert_non_null (bilat_store_lookup_source (store, "unga-votes"));

  /* A hand-written issue under a topic, and the same after a round trip. */
  bilat_issue_set_parents (plain, (const char *[]) { "unga-topic:me", NULL });
  assert_true (bilat_store_add (store, BILAT_RECORD (plain), &error));
  text = bilat_store_save_to_data (store, NULL, &error);
  assert_non_null (text);
  assert_true (bilat_store_load_from_data (copy, text, -1, &error));
  again = bilat_store_save_to_data (copy, NULL, &error);
  assert_string_equal (again, text);
  assert_int_equal (bilat_issue_get_session (bilat_store_lookup_issue (copy, "trade")), 74);
  assert_string_equal (bilat_issue_get_parents (bilat_store_lookup_issue (copy, "trade"))[0],
                       "unga-topic:me");
  citation = g_ptr_array_index (bilat_record_get_citations (
    BILAT_RECORD (bilat_store_lookup_position (copy, "unga:7:RUS"))), 0);
  assert_string_equal (bilat_citation_get_row (citation), "rcid=7 country=RUS");
  problems = bilat_store_check (copy);
  assert_int_equal (problems->len, 0);
}

/* Affinity scores as bytes: read back the same, NaN where undefined
 * included; bytes that are not scores are refused. */
static void
test_affinity_bytes (void **state)
{
  const char *tables[] = {
    RC_HEADER "1,60,1,2005-11-02,R/60/1,0,1,a,b\n2,60,0,2005-11-03,,1,,,\n3,61,0,2006-11-03,,1,,,\n",
    VOTE_HEADER "1,Pakistan,PK,yes\n1,Russia,RU,no\n2,Pakistan,PK,abstain\n2,Russia,RU,abstain\n"
                "3,Pakistan,PK,yes\n",
    NULL,
  };
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatAffinitySettings) settings = bilat_affinity_settings_new ();
  g_autoptr(BilatAffinity) affinity = NULL;
  g_autoptr(BilatAffinity) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) cut = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (tables[i], -1, NULL);
      g_autoptr(BilatImportReport) report =
        bilat_store_import_votes_from_stream (store, stream, "table", BILAT_IMPORT_FLAGS_STRICT, NULL, &error);

      assert_non_null (report);
    }
  bilat_affinity_settings_set_unit (settings, BILAT_AFFINITY_UNIT_YEAR);
  affinity = bilat_store_compute_affinity (store, "PAK", "RUS", settings);
  n = g_list_model_get_n_items (G_LIST_MODEL (affinity));
  assert_int_equal (n, 2);

  bytes = bilat_affinity_to_bytes (affinity);
  back = bilat_affinity_new_from_bytes (bytes, &error);
  assert_null (error);
  assert_non_null (back);
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (back)), n);
  assert_int_equal (bilat_affinity_get_unit (back), BILAT_AFFINITY_UNIT_YEAR);
  assert_int_equal (bilat_affinity_get_thin_threshold (back), bilat_affinity_get_thin_threshold (affinity));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatAffinityScore) a = g_list_model_get_item (G_LIST_MODEL (affinity), i);
      g_autoptr(BilatAffinityScore) b = g_list_model_get_item (G_LIST_MODEL (back), i);
      double x[] = { bilat_affinity_score_get_agree (a), bilat_affinity_score_get_s (a),
                     bilat_affinity_score_get_s2 (a), bilat_affinity_score_get_kappa (a),
                     bilat_affinity_score_get_pi (a) };
      double y[] = { bilat_affinity_score_get_agree (b), bilat_affinity_score_get_s (b),
                     bilat_affinity_score_get_s2 (b), bilat_affinity_score_get_kappa (b),
                     bilat_affinity_score_get_pi (b) };

      assert_string_equal (bilat_affinity_score_get_actor_a (a), bilat_affinity_score_get_actor_a (b));
      assert_string_equal (bilat_affinity_score_get_actor_b (a), bilat_affinity_score_get_actor_b (b));
      assert_int_equal (bilat_affinity_score_get_year (a), bilat_affinity_score_get_year (b));
      assert_int_equal (bilat_affinity_score_get_n (a), bilat_affinity_score_get_n (b));
      assert_int_equal (bilat_affinity_score_get_thin (a), bilat_affinity_score_get_thin (b));
      assert_memory_equal (x, y, sizeof x);
    }
  /* 2006 has no roll call both voted on: undefined, and still so. */
  {
    g_autoptr(BilatAffinityScore) last = g_list_model_get_item (G_LIST_MODEL (back), 1);

    assert_int_equal (bilat_affinity_score_get_n (last), 0);
    assert_true (isnan (bilat_affinity_score_get_s (last)));
  }
  again = bilat_affinity_to_bytes (back);
  assert_true (g_bytes_equal (bytes, again));

  cut = g_bytes_new_from_bytes (bytes, 0, g_bytes_get_size (bytes) / 2);
  g_clear_object (&back);
  back = bilat_affinity_new_from_bytes (cut, &error);
  assert_null (back);
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA));
  g_clear_error (&error);

  /* A measure out of its range, and a score without votes but with S. */
  {
    const char *bad[][2] = { { "1.5", "2" }, { "0.5", "0" } };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *text = g_strdup_printf ("('bilat-affinity', uint16 1, 'year', false, uint32 10, "
                                                 "[('PAK', 'RUS', uint32 2005, uint32 %s, 0.5, %s, 0.5, 0.5, 0.5)])",
                                                 bad[i][1], bad[i][0]);
        g_autoptr(GVariant) variant = g_variant_parse (NULL, text, NULL, NULL, NULL);
        g_autoptr(GBytes) forged = g_variant_get_data_as_bytes (variant);

        assert_null (bilat_affinity_new_from_bytes (forged, &error));
        assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA));
        assert_non_null (strstr (error->message, "inconsistent"));
        g_clear_error (&error);
      }
  }
}

/* What the fuzzer found: roll call 0, text that is not UTF-8 and topic
 * codes that cannot be part of an id; what is read saves and loads. */
static void
test_reader_odd_values (void **state)
{
  const char *tables[] = {
    RC_HEADER "0,60,0,2005-11-02,R/60/\xff,,,Ti\xfetle,\"D\xc3\"\n",
    VOTE_HEADER "0,Pakistan,PK,yes\n0,Russia,RU,no\n",
    "rcid,short_name,issue\n0,me,Pal\xe9stine\n0,a b,Spaces\n",
    NULL,
  };
  g_autoptr(BilatImportReport) report = bilat_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatStore) copy = bilat_store_new ();
  g_autofree char *text = NULL;
  BilatVotes *votes = read_tables (tables, BILAT_IMPORT_FLAGS_NONE, report, &error);
  const BilatRollCall *rc;

  assert_non_null (votes);
  /* The topic "a b" is a bad row, "me" is kept. */
  assert_int_equal (bilat_import_report_get_bad_rows (report), 1);
  assert_int_equal (_bilat_votes_get_n_topics (votes), 1);
  rc = &_bilat_votes_get_roll_calls (votes)[0];
  assert_int_equal (rc->number, 0);
  assert_true (g_utf8_validate (_bilat_votes_get_string (votes, rc->title), -1, NULL));
  assert_true (g_utf8_validate (_bilat_votes_get_string (votes, rc->resolution), -1, NULL));
  assert_true (g_utf8_validate (_bilat_votes_get_string (votes, rc->description), -1, NULL));
  assert_true (g_utf8_validate (_bilat_votes_get_topic_name (votes, 0), -1, NULL));

  /* Through the store's import, which adds the states and topics the
   * votes refer to: roll calls, topics, then votes. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (tables[(i * 2) % 3], -1, NULL);
      g_autoptr(BilatImportReport) one =
        bilat_store_import_votes_from_stream (store, stream, "table", BILAT_IMPORT_FLAGS_NONE, NULL, &error);

      assert_non_null (one);
    }
  assert_true (_bilat_votes_equal (votes, _bilat_store_get_votes (store)));
  text = bilat_store_save_to_data (store, NULL, &error);
  assert_non_null (text);
  assert_non_null (strstr (text, "\"id\": \"unga:0\""));
  assert_true (bilat_store_load_from_data (copy, text, -1, &error));
  assert_true (_bilat_votes_equal (votes, _bilat_store_get_votes (copy)));
  _bilat_votes_unref (votes);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_table_layout),
    cmocka_unit_test (test_merge_and_equal),
    cmocka_unit_test (test_figures),
    cmocka_unit_test (test_series_matrix_lineage),
    cmocka_unit_test (test_reader_bad_rows),
    cmocka_unit_test (test_reader_formats),
    cmocka_unit_test (test_reader_identity_by_date),
    cmocka_unit_test (test_save_load),
    cmocka_unit_test (test_roll_call_issues),
    cmocka_unit_test (test_affinity_bytes),
    cmocka_unit_test (test_reader_odd_values),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
