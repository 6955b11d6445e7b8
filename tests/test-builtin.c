/* test-builtin.c: the content of the built-in pakistan-russia dataset
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <bilat/bilat.h>

/* The paragraphs of the source, Sabah Aslam's op-ed: paragraph N covers
 * the characters [start, end) of the text (code points, from
 * ../shared/seed/paragraphs.txt). */
static const struct
{
  gint64 start;
  gint64 end;
} paragraphs[] = {
  { 0, 0 },          /* paragraphs count from 1 */
  { 0, 52 },
  { 54, 56 },
  { 58, 436 },
  { 438, 1036 },
  { 1038, 1449 },
  { 1451, 1946 },
  { 1948, 2297 },
  { 2299, 2659 },
  { 2661, 2964 },
  { 2966, 3218 },
  { 3220, 3544 },
  { 3546, 3938 },
  { 3940, 4187 },
  { 4189, 4449 },
  { 4451, 4557 },
  { 4559, 4928 },
  { 4930, 5228 },
  { 5230, 5564 },
  { 5566, 5803 },
  { 5805, 5818 },
  { 5820, 5890 },
};

static BilatStore *
open_dataset (void)
{
  g_autoptr(GError) error = NULL;
  BilatStore *store = bilat_store_new_builtin ("pakistan-russia", &error);

  if (store == NULL)
    fail_msg ("the built-in dataset does not load: %s", error->message);

  return store;
}

static GListModel *
list_of_kind (BilatStore *store,
              guint       kind)
{
  switch (kind)
    {
    case 0:
      return bilat_store_get_sources (store);
    case 1:
      return bilat_store_get_actors (store);
    case 2:
      return bilat_store_get_issues (store);
    case 3:
      return bilat_store_get_events (store);
    default:
      return bilat_store_get_positions (store);
    }
}

static void
assert_date (BilatDate  *value,
             const char *expected)
{
  g_autofree char *text = NULL;

  assert_non_null (value);
  text = bilat_date_to_string (value);
  assert_string_equal (text, expected);
}

static BilatExercise *
lookup_exercise (BilatStore *store,
                 const char *id)
{
  BilatEvent *event = bilat_store_lookup_event (store, id);

  assert_non_null (event);
  assert_true (BILAT_IS_EXERCISE (event));

  return BILAT_EXERCISE (event);
}

static void
test_names (void **state)
{
  const char * const *names = bilat_store_get_builtin_names ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatStore) store = NULL;

  assert_non_null (names);
  assert_true (g_strv_contains (names, "pakistan-russia"));
  assert_ptr_equal (names, bilat_store_get_builtin_names ());

  store = bilat_store_new_builtin ("india-china", &error);
  assert_null (store);
  assert_true (g_error_matches (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_UNKNOWN_DATASET));
  assert_non_null (strstr (error->message, "india-china"));
  assert_non_null (strstr (error->message, "pakistan-russia"));
  g_clear_error (&error);

  /* A name is not a path into the resources. */
  store = bilat_store_new_builtin ("../cameo-events", &error);
  assert_null (store);
  assert_true (g_error_matches (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_UNKNOWN_DATASET));
}

static void
test_loads (void **state)
{
  g_autoptr(BilatStore) store = open_dataset ();
  g_autoptr(BilatStore) other = open_dataset ();

  for (guint kind = 0; kind < 5; kind++)
    assert_true (g_list_model_get_n_items (list_of_kind (store, kind)) > 0);

  /* Each call gives a store of its own. */
  assert_ptr_not_equal (store, other);
  bilat_store_clear (other);
  assert_non_null (bilat_store_lookup_event (store, "friendship-2018"));
}

static void
test_friendship_exercises (void **state)
{
  g_autoptr(BilatStore) store = open_dataset ();
  BilatExercise *exercise;
  BilatPlace *place;

  exercise = lookup_exercise (store, "friendship-2016");
  assert_date (bilat_event_get_date (BILAT_EVENT (exercise)), "2016");
  assert_int_equal (bilat_exercise_get_edition (exercise), 1);
  assert_string_equal (bilat_exercise_get_host (exercise), "PAK");
  place = bilat_event_get_place (BILAT_EVENT (exercise));
  assert_non_null (place);
  assert_string_equal (bilat_place_get_subdivision (place), "PK-KP");
  assert_string_equal (bilat_place_get_name (place), "Cherat");

  exercise = lookup_exercise (store, "friendship-2017");
  assert_date (bilat_event_get_date (BILAT_EVENT (exercise)), "2017");
  assert_int_equal (bilat_exercise_get_edition (exercise), 2);
  assert_string_equal (bilat_exercise_get_host (exercise), "RUS");
  place = bilat_event_get_place (BILAT_EVENT (exercise));
  assert_non_null (place);
  assert_string_equal (bilat_place_get_subdivision (place), "RU-KC");

  exercise = lookup_exercise (store, "friendship-2018");
  assert_date (bilat_event_get_date (BILAT_EVENT (exercise)), "2018-10-21/2018-11-04");
  assert_int_equal (bilat_exercise_get_edition (exercise), 3);
  assert_null (bilat_event_get_place (BILAT_EVENT (exercise)));

  for (const char * const *id = (const char * const[]) {
         "friendship-2016", "friendship-2017", "friendship-2018", NULL };
       *id != NULL; id++)
    {
      exercise = lookup_exercise (store, *id);
      assert_string_equal (bilat_exercise_get_series (exercise), "Friendship");
      assert_true (bilat_event_has_participant (BILAT_EVENT (exercise), "PAK", NULL));
      assert_true (bilat_event_has_participant (BILAT_EVENT (exercise), "RUS", NULL));
    }
}

static void
test_relations_and_succession (void **state)
{
  g_autoptr(BilatStore) store = open_dataset ();
  BilatEvent *relations = bilat_store_lookup_event (store, "relations-1948");
  BilatEvent *ufa = bilat_store_lookup_event (store, "ufa-meetings");
  BilatActor *russia = bilat_store_lookup_actor (store, "RUS");

  assert_non_null (relations);
  assert_date (bilat_event_get_date (relations), "1948-05-01");
  assert_true (bilat_event_has_participant (relations, "PAK", NULL));
  assert_true (bilat_event_has_participant (relations, "SUN", NULL));

  assert_non_null (russia);
  assert_string_equal (bilat_actor_get_predecessor (russia), "SUN");
  assert_non_null (bilat_store_lookup_actor (store, "SUN"));

  assert_non_null (ufa);
  assert_date (bilat_event_get_date (ufa), "2015-07");
  assert_non_null (bilat_event_get_place (ufa));
  assert_string_equal (bilat_place_get_subdivision (bilat_event_get_place (ufa)), "RU-BA");
}

/* Every citation points at a passage of the op-ed, inside the paragraph
 * it names. */
static void
test_citations (void **state)
{
  g_autoptr(BilatStore) store = open_dataset ();
  guint n_citations = 0;

  assert_non_null (bilat_store_lookup_source (store, "aslam-oped"));

  for (guint kind = 0; kind < 5; kind++)
    {
      GListModel *records = list_of_kind (store, kind);

      for (guint i = 0; i < g_list_model_get_n_items (records); i++)
        {
          g_autoptr(BilatRecord) record = g_list_model_get_item (records, i);
          GPtrArray *citations = bilat_record_get_citations (record);

          for (guint c = 0; c < citations->len; c++)
            {
              const BilatCitation *citation = g_ptr_array_index (citations, c);
              guint paragraph = bilat_citation_get_paragraph (citation);
              gint64 start = bilat_citation_get_start (citation);
              gint64 end = bilat_citation_get_end (citation);

              n_citations++;
              assert_string_equal (bilat_citation_get_source (citation), "aslam-oped");
              if (paragraph < 1 || paragraph >= G_N_ELEMENTS (paragraphs) ||
                  !bilat_citation_has_range (citation) ||
                  start < paragraphs[paragraph].start || end > paragraphs[paragraph].end ||
                  start > end)
                fail_msg ("citation %u of “%s” (¶%u, %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT
                          ") is not inside its paragraph", c,
                          bilat_record_get_id (record), paragraph, start, end);
            }
        }
    }

  assert_true (n_citations > 0);
}

static void
test_positions_are_cited (void **state)
{
  g_autoptr(BilatStore) store = open_dataset ();
  GListModel *positions = bilat_store_get_positions (store);

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(BilatRecord) position = g_list_model_get_item (positions, i);
      GPtrArray *citations = bilat_record_get_citations (position);
      gboolean has_paragraph = FALSE;

      for (guint c = 0; c < citations->len; c++)
        has_paragraph |= bilat_citation_get_paragraph (g_ptr_array_index (citations, c)) > 0;

      if (!has_paragraph)
        fail_msg ("position “%s” cites no paragraph", bilat_record_get_id (position));
    }
}

static void
test_event_order (void **state)
{
  g_autoptr(BilatStore) store = open_dataset ();
  GListModel *events = bilat_store_get_events (store);
  guint n = g_list_model_get_n_items (events);
  g_autoptr(BilatEvent) first = g_list_model_get_item (events, 0);
  gboolean seen_unknown = FALSE;

  assert_string_equal (bilat_record_get_id (BILAT_RECORD (first)), "relations-1948");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatEvent) event = g_list_model_get_item (events, i);
      gboolean unknown = bilat_event_get_date (event) == NULL;

      if (seen_unknown && !unknown)
        fail_msg ("event “%s” has a date but comes after an undated one",
                  bilat_record_get_id (BILAT_RECORD (event)));
      seen_unknown |= unknown;
    }

  assert_true (seen_unknown);
}

/* Saving and loading gives the same dataset, and saving is a fixed point:
 * the committed file, once saved by the library, stays byte for byte. */
static void
test_save_fixed_point (void **state)
{
  g_autoptr(BilatStore) store = open_dataset ();
  g_autoptr(BilatStore) again = bilat_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = bilat_store_save_to_data (store, NULL, NULL);
  g_autofree char *second = NULL;
  g_autoptr(GPtrArray) problems = bilat_validate_data (first, -1, NULL);

  assert_int_equal (problems->len, 0);
  assert_true (bilat_store_load_from_data (again, first, -1, &error));
  assert_null (error);

  for (guint kind = 0; kind < 5; kind++)
    assert_int_equal (g_list_model_get_n_items (list_of_kind (store, kind)),
                      g_list_model_get_n_items (list_of_kind (again, kind)));

  second = bilat_store_save_to_data (again, NULL, NULL);
  assert_string_equal (first, second);
}

/* The committed dataset is in the writer's canonical form, so that a
 * dataset edited through the library diffs only where it changed. */
static void
test_committed_file_is_canonical (void **state)
{
  const char *srcdir = g_getenv ("BILAT_TEST_SRCDIR");
  g_autofree char *path = NULL;
  g_autofree char *committed = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(BilatStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (srcdir == NULL)
    srcdir = ".";
  path = g_build_filename (srcdir, "..", "lib", "data", "datasets", "pakistan-russia.json", NULL);
  assert_true (g_file_get_contents (path, &committed, NULL, &error));
  store = bilat_store_new_builtin ("pakistan-russia", &error);
  assert_null (error);
  saved = bilat_store_save_to_data (store, NULL, NULL);
  assert_string_equal (saved, committed);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_names),
    cmocka_unit_test (test_loads),
    cmocka_unit_test (test_friendship_exercises),
    cmocka_unit_test (test_relations_and_succession),
    cmocka_unit_test (test_citations),
    cmocka_unit_test (test_positions_are_cited),
    cmocka_unit_test (test_event_order),
    cmocka_unit_test (test_save_fixed_point),
    cmocka_unit_test (test_committed_file_is_canonical),
  };

  return cmocka_run_group_tests_name ("builtin", tests, NULL, NULL);
}
