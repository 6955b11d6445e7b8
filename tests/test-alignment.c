/* test-alignment.c: issue-by-issue alignment and the affinity score
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

#include <bilat/bilat.h>

static void
hold (BilatStore  *store,
      const char  *holder,
      const char  *issue,
      BilatStance  stance,
      const char  *when)
{
  g_autofree char *id = g_strdup_printf ("%s-%s-%s", holder, issue, when ? when : "undated");
  g_autoptr(BilatPosition) position = bilat_position_new (id, holder, issue, stance);
  g_autoptr(GError) error = NULL;

  if (when != NULL)
    {
      g_autoptr(BilatDate) date = bilat_date_parse (when, NULL);
      bilat_position_set_date (position, date);
    }
  assert_true (bilat_store_add (store, BILAT_RECORD (position), &error));
  assert_null (error);
}

static BilatIssueAlignment *
item_for (BilatAlignment *alignment,
          const char     *issue)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (alignment)); i++)
    {
      BilatIssueAlignment *item = g_list_model_get_item (G_LIST_MODEL (alignment), i);

      g_object_unref (item);   /* the alignment keeps it alive */
      if (strcmp (bilat_issue_alignment_get_issue (item), issue) == 0)
        return item;
    }
  fail_msg ("no item for issue %s", issue);
  return NULL;
}

static void
test_mixed_hand_computed (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatAlignment) alignment = NULL;
  BilatIssueAlignment *item;
  double score = 42.0;

  hold (store, "A", "agree", BILAT_STANCE_SUPPORTS, NULL);
  hold (store, "B", "agree", BILAT_STANCE_SUPPORTS, NULL);
  hold (store, "A", "partial", BILAT_STANCE_SUPPORTS, NULL);
  hold (store, "B", "partial", BILAT_STANCE_CONSIDERING, NULL);
  hold (store, "A", "opposed", BILAT_STANCE_SUPPORTS, NULL);
  hold (store, "B", "opposed", BILAT_STANCE_OPPOSES, NULL);
  hold (store, "A", "mine", BILAT_STANCE_NEUTRAL, NULL);
  hold (store, "B", "yours", BILAT_STANCE_OPPOSES, NULL);
  hold (store, "C", "agree", BILAT_STANCE_OPPOSES, NULL);   /* not in the pair */

  alignment = bilat_store_align (store, "A", "B", NULL);
  assert_string_equal (bilat_alignment_get_actor_a (alignment), "A");
  assert_string_equal (bilat_alignment_get_actor_b (alignment), "B");
  assert_true (g_list_model_get_item_type (G_LIST_MODEL (alignment)) == BILAT_TYPE_ISSUE_ALIGNMENT);
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (alignment)), 5);
  assert_null (g_list_model_get_item (G_LIST_MODEL (alignment), 5));

  /* in the order of the issue ids */
  {
    const char *order[] = { "agree", "mine", "opposed", "partial", "yours" };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        g_autoptr(BilatIssueAlignment) it = g_list_model_get_item (G_LIST_MODEL (alignment), i);
        assert_string_equal (bilat_issue_alignment_get_issue (it), order[i]);
      }
  }

  item = item_for (alignment, "agree");
  assert_int_equal (bilat_issue_alignment_get_agreement (item), BILAT_AGREEMENT_AGREE);
  assert_true (bilat_issue_alignment_get_distance (item) == 0.0);
  assert_string_equal (bilat_record_get_id (BILAT_RECORD (bilat_issue_alignment_get_position_a (item))),
                       "A-agree-undated");
  item = item_for (alignment, "partial");
  assert_int_equal (bilat_issue_alignment_get_agreement (item), BILAT_AGREEMENT_PARTIAL);
  assert_true (bilat_issue_alignment_get_distance (item) == 0.5);
  item = item_for (alignment, "opposed");
  assert_int_equal (bilat_issue_alignment_get_agreement (item), BILAT_AGREEMENT_DISAGREE);
  assert_true (bilat_issue_alignment_get_distance (item) == 2.0);
  item = item_for (alignment, "mine");
  assert_int_equal (bilat_issue_alignment_get_agreement (item), BILAT_AGREEMENT_ONLY_A);
  assert_null (bilat_issue_alignment_get_position_b (item));
  assert_true (isnan (bilat_issue_alignment_get_distance (item)));
  item = item_for (alignment, "yours");
  assert_int_equal (bilat_issue_alignment_get_agreement (item), BILAT_AGREEMENT_ONLY_B);

  assert_int_equal (bilat_alignment_get_n_shared (alignment), 3);
  assert_int_equal (bilat_alignment_count (alignment, BILAT_AGREEMENT_AGREE), 1);
  assert_int_equal (bilat_alignment_count (alignment, BILAT_AGREEMENT_ONLY_A), 1);

  /* S = 1 − 2·(0 + 0.5 + 2)/(3·2) = 1/6 */
  assert_true (bilat_alignment_get_affinity (alignment, &score));
  assert_true (fabs (score - 1.0 / 6.0) < 1e-12);
}

static void
test_no_shared_issue_has_no_score (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatAlignment) alignment = NULL;
  g_autoptr(BilatAlignment) nobody = NULL;
  double score = 42.0;

  hold (store, "A", "x", BILAT_STANCE_SUPPORTS, NULL);
  hold (store, "B", "y", BILAT_STANCE_SUPPORTS, NULL);
  alignment = bilat_store_align (store, "A", "B", NULL);
  assert_int_equal (bilat_alignment_get_n_shared (alignment), 0);
  assert_false (bilat_alignment_get_affinity (alignment, &score));
  assert_true (score == 42.0);   /* untouched: no score is not 0 */

  nobody = bilat_store_align (store, "P", "Q", NULL);
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (nobody)), 0);
  assert_false (bilat_alignment_get_affinity (nobody, NULL));
}

static void
test_extremes (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatAlignment) opposed = NULL;
  g_autoptr(BilatAlignment) same = NULL;
  double score;

  hold (store, "A", "one", BILAT_STANCE_SUPPORTS, NULL);
  hold (store, "B", "one", BILAT_STANCE_OPPOSES, NULL);
  hold (store, "A", "two", BILAT_STANCE_OPPOSES, NULL);
  hold (store, "B", "two", BILAT_STANCE_SUPPORTS, NULL);
  hold (store, "C", "one", BILAT_STANCE_SUPPORTS, NULL);
  hold (store, "C", "two", BILAT_STANCE_OPPOSES, NULL);

  opposed = bilat_store_align (store, "A", "B", NULL);
  assert_int_equal (bilat_alignment_count (opposed, BILAT_AGREEMENT_DISAGREE), 2);
  assert_true (bilat_alignment_get_affinity (opposed, &score));
  assert_true (score == -1.0);

  same = bilat_store_align (store, "A", "C", NULL);
  assert_true (bilat_alignment_get_affinity (same, &score));
  assert_true (score == 1.0);
}

static void
test_stance_scores_and_partial_cases (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatAlignment) alignment = NULL;
  double score;

  assert_true (bilat_stance_get_score (BILAT_STANCE_SUPPORTS) == 1.0);
  assert_true (bilat_stance_get_score (BILAT_STANCE_CONSIDERING) == 0.5);
  assert_true (bilat_stance_get_score (BILAT_STANCE_NEUTRAL) == 0.0);
  assert_true (bilat_stance_get_score (BILAT_STANCE_OPPOSES) == -1.0);

  hold (store, "A", "n-o", BILAT_STANCE_NEUTRAL, NULL);
  hold (store, "B", "n-o", BILAT_STANCE_OPPOSES, NULL);
  hold (store, "A", "c-o", BILAT_STANCE_CONSIDERING, NULL);
  hold (store, "B", "c-o", BILAT_STANCE_OPPOSES, NULL);
  alignment = bilat_store_align (store, "A", "B", NULL);
  assert_int_equal (bilat_issue_alignment_get_agreement (item_for (alignment, "n-o")),
                    BILAT_AGREEMENT_PARTIAL);
  assert_int_equal (bilat_issue_alignment_get_agreement (item_for (alignment, "c-o")),
                    BILAT_AGREEMENT_DISAGREE);
  /* S = 1 − 2·(1 + 1.5)/(2·2) = −0.25 */
  assert_true (bilat_alignment_get_affinity (alignment, &score));
  assert_true (fabs (score + 0.25) < 1e-12);
}

static void
test_latest_position_counts (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatAlignment) alignment = NULL;
  g_autoptr(BilatAlignment) in_2015 = NULL;
  g_autoptr(BilatQuery) period = bilat_query_parse ("to:2016", NULL);

  hold (store, "A", "cpec", BILAT_STANCE_OPPOSES, "2015");
  hold (store, "A", "cpec", BILAT_STANCE_SUPPORTS, "2018-03");
  hold (store, "A", "cpec", BILAT_STANCE_NEUTRAL, NULL);       /* undated: oldest */
  hold (store, "B", "cpec", BILAT_STANCE_SUPPORTS, "2014");

  alignment = bilat_store_align (store, "A", "B", NULL);
  assert_int_equal (bilat_issue_alignment_get_agreement (item_for (alignment, "cpec")),
                    BILAT_AGREEMENT_AGREE);

  /* a query narrows the positions that count: before 2016, A opposed */
  in_2015 = bilat_store_align (store, "A", "B", period);
  assert_int_equal (bilat_issue_alignment_get_agreement (item_for (in_2015, "cpec")),
                    BILAT_AGREEMENT_DISAGREE);
}

static void
test_succession (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatActor) rus = bilat_actor_new ("RUS", BILAT_ACTOR_KIND_STATE);
  g_autoptr(BilatActor) sun = bilat_actor_new ("SUN", BILAT_ACTOR_KIND_STATE);
  g_autoptr(BilatAlignment) with = NULL;
  g_autoptr(BilatAlignment) without = NULL;
  g_autoptr(BilatQuery) off = bilat_query_parse ("succession:off", NULL);
  BilatIssueAlignment *item;

  bilat_actor_set_predecessor (rus, "SUN");
  assert_true (bilat_store_add (store, BILAT_RECORD (rus), NULL));
  assert_true (bilat_store_add (store, BILAT_RECORD (sun), NULL));

  hold (store, "SUN", "old", BILAT_STANCE_SUPPORTS, NULL);
  hold (store, "SUN", "both", BILAT_STANCE_OPPOSES, NULL);
  hold (store, "RUS", "both", BILAT_STANCE_SUPPORTS, NULL);
  hold (store, "PAK", "old", BILAT_STANCE_SUPPORTS, NULL);
  hold (store, "PAK", "both", BILAT_STANCE_SUPPORTS, NULL);

  with = bilat_store_align (store, "PAK", "RUS", NULL);
  item = item_for (with, "old");
  assert_int_equal (bilat_issue_alignment_get_agreement (item), BILAT_AGREEMENT_AGREE);
  assert_string_equal (bilat_position_get_holder (bilat_issue_alignment_get_position_b (item)), "SUN");
  /* Russia's own position hides the Soviet one */
  item = item_for (with, "both");
  assert_int_equal (bilat_issue_alignment_get_agreement (item), BILAT_AGREEMENT_AGREE);
  assert_int_equal (bilat_alignment_get_n_shared (with), 2);

  without = bilat_store_align (store, "PAK", "RUS", off);
  assert_int_equal (bilat_issue_alignment_get_agreement (item_for (without, "old")),
                    BILAT_AGREEMENT_ONLY_A);
  assert_int_equal (bilat_alignment_get_n_shared (without), 1);
}

/* Asserts how @issue compares and whose position counted for the second
 * actor (NULL: none). */
static void
assert_counted (BilatAlignment *alignment,
                const char     *issue,
                BilatAgreement  agreement,
                const char     *holder_b)
{
  BilatIssueAlignment *item = item_for (alignment, issue);
  BilatPosition *b = bilat_issue_alignment_get_position_b (item);

  assert_int_equal (bilat_issue_alignment_get_agreement (item), agreement);
  if (holder_b == NULL)
    assert_null (b);
  else
    assert_string_equal (bilat_position_get_holder (b), holder_b);
}

static void
test_speaks_for (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  /* id (upper case: a state), predecessor, affiliation, speaks for */
  const char *actors[][4] = {
    { "RUS", "SUN", NULL, NULL },
    { "SUN", NULL, NULL, NULL },
    { "putin", NULL, "RUS", "RUS" },
    /* Belonging to a state is not speaking for it. */
    { "analyst", NULL, "RUS", NULL },
    { "gromyko", NULL, "SUN", "SUN" },
  };
  g_autoptr(BilatAlignment) alignment = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (actors); i++)
    {
      gboolean is_state = g_ascii_isupper (actors[i][0][0]);
      g_autoptr(BilatActor) actor =
        bilat_actor_new (actors[i][0], is_state ? BILAT_ACTOR_KIND_STATE : BILAT_ACTOR_KIND_PERSON);

      bilat_actor_set_predecessor (actor, actors[i][1]);
      bilat_actor_set_affiliation (actor, actors[i][2]);
      bilat_actor_set_speaks_for (actor, actors[i][3]);
      assert_true (bilat_store_add (store, BILAT_RECORD (actor), NULL));
    }

  hold (store, "PAK", "sco", BILAT_STANCE_SUPPORTS, NULL);
  hold (store, "putin", "sco", BILAT_STANCE_SUPPORTS, NULL);
  /* The state's own position wins over its voice's, even a later one. */
  hold (store, "PAK", "cpec", BILAT_STANCE_SUPPORTS, NULL);
  hold (store, "RUS", "cpec", BILAT_STANCE_CONSIDERING, "2015");
  hold (store, "putin", "cpec", BILAT_STANCE_OPPOSES, "2019");
  hold (store, "PAK", "energy", BILAT_STANCE_SUPPORTS, NULL);
  hold (store, "analyst", "energy", BILAT_STANCE_OPPOSES, NULL);
  /* A voice of a predecessor counts through succession. */
  hold (store, "PAK", "old", BILAT_STANCE_SUPPORTS, NULL);
  hold (store, "gromyko", "old", BILAT_STANCE_OPPOSES, NULL);

  alignment = bilat_store_align (store, "PAK", "RUS", NULL);
  assert_counted (alignment, "sco", BILAT_AGREEMENT_AGREE, "putin");
  assert_counted (alignment, "cpec", BILAT_AGREEMENT_PARTIAL, "RUS");
  assert_counted (alignment, "energy", BILAT_AGREEMENT_ONLY_A, NULL);
  assert_counted (alignment, "old", BILAT_AGREEMENT_DISAGREE, "gromyko");
  assert_int_equal (bilat_alignment_get_n_shared (alignment), 3);

  /* The speaker itself still stands for its own positions. */
  g_clear_object (&alignment);
  alignment = bilat_store_align (store, "PAK", "putin", NULL);
  assert_counted (alignment, "cpec", BILAT_AGREEMENT_DISAGREE, "putin");
}

/* The chance-corrected measures and the thin flag beside S. */
static void
test_measures_and_thin (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatAlignment) alignment = NULL;
  g_autoptr(BilatAlignment) none = NULL;

  /* (supports, supports) ×2, (supports, opposes), (neutral, supports):
   * worked by hand in test-votes.c: κ = −0.2, π = 1 − 48/38. */
  hold (store, "PAK", "a", BILAT_STANCE_SUPPORTS, NULL);
  hold (store, "RUS", "a", BILAT_STANCE_SUPPORTS, NULL);
  hold (store, "PAK", "b", BILAT_STANCE_SUPPORTS, NULL);
  hold (store, "RUS", "b", BILAT_STANCE_SUPPORTS, NULL);
  hold (store, "PAK", "c", BILAT_STANCE_SUPPORTS, NULL);
  hold (store, "RUS", "c", BILAT_STANCE_OPPOSES, NULL);
  hold (store, "PAK", "d", BILAT_STANCE_NEUTRAL, NULL);
  hold (store, "RUS", "d", BILAT_STANCE_SUPPORTS, NULL);
  hold (store, "PAK", "e", BILAT_STANCE_OPPOSES, NULL);

  alignment = bilat_store_align (store, "PAK", "RUS", NULL);
  assert_int_equal (bilat_alignment_get_n_shared (alignment), 4);
  assert_true (fabs (bilat_alignment_get_s (alignment) - 0.25) < 1e-12);
  assert_true (fabs (bilat_alignment_get_agree (alignment) - 0.625) < 1e-12);
  assert_true (fabs (bilat_alignment_get_s2 (alignment) - 0.375) < 1e-12);
  assert_true (fabs (bilat_alignment_get_kappa (alignment) + 0.2) < 1e-12);
  assert_true (fabs (bilat_alignment_get_pi (alignment) - (1.0 - 48.0 / 38.0)) < 1e-12);
  assert_true (bilat_alignment_get_thin (alignment));
  bilat_alignment_set_thin_threshold (alignment, 4);
  assert_false (bilat_alignment_get_thin (alignment));

  /* Nothing shared: absent, not 0. */
  none = bilat_store_align (store, "PAK", "USA", NULL);
  assert_true (isnan (bilat_alignment_get_s (none)));
  assert_true (isnan (bilat_alignment_get_kappa (none)));
  assert_true (isnan (bilat_alignment_get_pi (none)));
  assert_true (isnan (bilat_alignment_get_agree (none)));
  assert_true (bilat_alignment_get_thin (none));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_mixed_hand_computed),
    cmocka_unit_test (test_no_shared_issue_has_no_score),
    cmocka_unit_test (test_extremes),
    cmocka_unit_test (test_stance_scores_and_partial_cases),
    cmocka_unit_test (test_latest_position_counts),
    cmocka_unit_test (test_succession),
    cmocka_unit_test (test_speaks_for),
    cmocka_unit_test (test_measures_and_thin),
  };

  return cmocka_run_group_tests_name ("alignment", tests, NULL, NULL);
}
