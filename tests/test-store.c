/* test-store.c: tests of BilatStore, its indexes and its live lists
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

/* A record type of an application's own: not a kind a store can hold. */
#define TEST_TYPE_NOTE (test_note_get_type ())
G_DECLARE_FINAL_TYPE (TestNote, test_note, TEST, NOTE, BilatRecord)

struct _TestNote
{
  BilatRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TestNote, test_note, BILAT_TYPE_RECORD)

static void
test_note_class_init (TestNoteClass *klass)
{
}

static void
test_note_init (TestNote *self)
{
}

/* An event type of an application's own: an event for the store. */
#define TEST_TYPE_MEETING (test_meeting_get_type ())
G_DECLARE_FINAL_TYPE (TestMeeting, test_meeting, TEST, MEETING, BilatEvent)

struct _TestMeeting
{
  BilatEvent parent_instance;
};

G_DEFINE_FINAL_TYPE (TestMeeting, test_meeting, BILAT_TYPE_EVENT)

static void
test_meeting_class_init (TestMeetingClass *klass)
{
}

static void
test_meeting_init (TestMeeting *self)
{
}

/* Helpers */

static BilatDate *
date_parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  BilatDate *date = bilat_date_parse (text, &error);

  assert_null (error);
  assert_non_null (date);

  return date;
}

static void
set_date (BilatEvent *event,
          const char *text)
{
  g_autoptr(BilatDate) date = text != NULL ? date_parse (text) : NULL;

  bilat_event_set_date (event, date);
}

static BilatEvent *
event_new (const char *id,
           const char *date)
{
  BilatEvent *event = bilat_event_new (id);

  set_date (event, date);

  return event;
}

static BilatEvent *
exercise_new (const char *id,
              const char *date)
{
  BilatEvent *event = BILAT_EVENT (bilat_exercise_new (id));

  set_date (event, date);

  return event;
}

static BilatActor *
actor_new (const char *id,
           const char *first_alias,
           ...)
{
  BilatActor *actor = bilat_actor_new (id, BILAT_ACTOR_KIND_STATE);
  va_list args;

  va_start (args, first_alias);
  for (const char *alias = first_alias; alias != NULL; alias = va_arg (args, const char *))
    bilat_actor_add_alias (actor, alias);
  va_end (args);

  return actor;
}

static void
add_ok (BilatStore *store,
        gpointer    record)
{
  g_autoptr(GError) error = NULL;

  assert_true (bilat_store_add (store, BILAT_RECORD (record), &error));
  assert_null (error);
}

/* Adds @record, which the store takes over. */
static void
add_take (BilatStore *store,
          gpointer    record)
{
  add_ok (store, record);
  g_object_unref (record);
}

static void
remove_ok (BilatStore *store,
           gpointer    record)
{
  g_autoptr(GError) error = NULL;

  assert_true (bilat_store_remove (store, BILAT_RECORD (record), &error));
  assert_null (error);
}

static const char *
id_at (GListModel *model,
       guint       position)
{
  g_autoptr(BilatRecord) record = g_list_model_get_item (model, position);

  assert_non_null (record);

  /* The list keeps the record alive, so its id outlives this reference. */
  return bilat_record_get_id (record);
}

/* Asserts that @model holds the records with the ids @expected, in order. */
static void
assert_ids (GListModel         *model,
            const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  assert_int_equal (g_list_model_get_n_items (model), n);
  for (guint i = 0; i < n; i++)
    assert_string_equal (id_at (model, i), expected[i]);
}

#define ASSERT_IDS(model, ...) \
  assert_ids ((model), (const char * const []) { __VA_ARGS__, NULL })

/* Records the items-changed signals of a list, and replays them on a
 * mirror of the list: if the signals are exact, and each comes when the
 * list is in its new state, the mirror always equals the list. */
typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct
{
  GListModel *model;
  GArray     *changes;
  GPtrArray  *mirror;
  gulong      handler_id;
} Recorder;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  Recorder *recorder = user_data;
  Change change = { position, removed, added };

  g_array_append_val (recorder->changes, change);

  assert_true (position + removed <= recorder->mirror->len);
  g_ptr_array_remove_range (recorder->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (recorder->mirror, position + i,
                        g_list_model_get_item (model, position + i));

  assert_int_equal (recorder->mirror->len, g_list_model_get_n_items (model));
}

static Recorder *
recorder_new (GListModel *model)
{
  Recorder *recorder = g_new0 (Recorder, 1);
  guint n = g_list_model_get_n_items (model);

  recorder->model = g_object_ref (model);
  recorder->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  recorder->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (recorder->mirror, g_list_model_get_item (model, i));
  recorder->handler_id = g_signal_connect (model, "items-changed",
                                           G_CALLBACK (on_items_changed), recorder);

  return recorder;
}

static void
recorder_free (Recorder *recorder)
{
  g_clear_signal_handler (&recorder->handler_id, recorder->model);
  g_array_unref (recorder->changes);
  g_ptr_array_unref (recorder->mirror);
  g_object_unref (recorder->model);
  g_free (recorder);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Recorder, recorder_free)

/* Asserts that the mirror equals the list, item for item. */
static void
recorder_check_mirror (Recorder *recorder)
{
  assert_int_equal (recorder->mirror->len, g_list_model_get_n_items (recorder->model));
  for (guint i = 0; i < recorder->mirror->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (recorder->model, i);

      assert_ptr_equal (item, g_ptr_array_index (recorder->mirror, i));
    }
}

/* Asserts that the signals since the last call were exactly @expected
 * (position, removed, added triples), then forgets them. */
static void
recorder_expect (Recorder    *recorder,
                 guint        n_expected,
                 const guint *expected)
{
  assert_int_equal (recorder->changes->len, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      Change *change = &g_array_index (recorder->changes, Change, i);

      assert_int_equal (change->position, expected[3 * i]);
      assert_int_equal (change->removed, expected[3 * i + 1]);
      assert_int_equal (change->added, expected[3 * i + 2]);
    }

  g_array_set_size (recorder->changes, 0);
  recorder_check_mirror (recorder);
}

#define EXPECT_NONE(recorder) recorder_expect ((recorder), 0, NULL)
#define EXPECT_CHANGES(recorder, ...)                                       \
  recorder_expect ((recorder),                                              \
                   G_N_ELEMENTS (((const guint []) { __VA_ARGS__ })) / 3,   \
                   (const guint []) { __VA_ARGS__ })

/* Asserts that the events of @store are in the order of
 * bilat_event_compare(), strictly. */
static void
assert_events_sorted (BilatStore *store)
{
  GListModel *events = bilat_store_get_events (store);
  guint n = g_list_model_get_n_items (events);

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(BilatEvent) before = g_list_model_get_item (events, i - 1);
      g_autoptr(BilatEvent) after = g_list_model_get_item (events, i);

      assert_true (bilat_event_compare (before, after) < 0);
    }
}

/* Tests */

static void
test_add_and_lookup (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatSource) source = bilat_source_new ("dawn-2018-oped");
  g_autoptr(BilatActor) actor = bilat_actor_new ("PAK", BILAT_ACTOR_KIND_STATE);
  g_autoptr(BilatIssue) issue = bilat_issue_new ("counter-terrorism");
  g_autoptr(BilatEvent) event = event_new ("relations-1948", "1948-05-01");
  g_autoptr(BilatEvent) exercise = exercise_new ("friendship-2016", "2016-09-24/2016-10-10");
  g_autoptr(BilatPosition) position =
    bilat_position_new ("pak-ct", "PAK", "counter-terrorism", BILAT_STANCE_SUPPORTS);
  g_autoptr(BilatEvent) meeting = g_object_new (TEST_TYPE_MEETING, "id", "meeting-1", NULL);

  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 0);
  assert_null (bilat_store_lookup_event (store, "relations-1948"));

  add_ok (store, source);
  add_ok (store, actor);
  add_ok (store, issue);
  add_ok (store, event);
  add_ok (store, exercise);
  add_ok (store, position);
  add_ok (store, meeting);

  assert_ptr_equal (bilat_store_lookup_source (store, "dawn-2018-oped"), source);
  assert_ptr_equal (bilat_store_lookup_actor (store, "PAK"), actor);
  assert_ptr_equal (bilat_store_lookup_issue (store, "counter-terrorism"), issue);
  assert_ptr_equal (bilat_store_lookup_event (store, "relations-1948"), event);
  assert_ptr_equal (bilat_store_lookup_event (store, "friendship-2016"), exercise);
  assert_true (BILAT_IS_EXERCISE (bilat_store_lookup_event (store, "friendship-2016")));
  assert_ptr_equal (bilat_store_lookup_event (store, "meeting-1"), meeting);
  assert_ptr_equal (bilat_store_lookup_position (store, "pak-ct"), position);

  /* Each kind is looked up among its own kind only. */
  assert_null (bilat_store_lookup_source (store, "PAK"));
  assert_null (bilat_store_lookup_issue (store, "pak-ct"));
  assert_null (bilat_store_lookup_event (store, "counter-terrorism"));
  assert_null (bilat_store_lookup_position (store, "relations-1948"));
  assert_null (bilat_store_lookup_actor (store, "dawn-2018-oped"));

  assert_int_equal (g_list_model_get_n_items (bilat_store_get_sources (store)), 1);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_actors (store)), 1);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_issues (store)), 1);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 3);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_positions (store)), 1);

  /* The store holds references of its own. */
  g_clear_object (&source);
  assert_string_equal (bilat_record_get_id (BILAT_RECORD (bilat_store_lookup_source (store, "dawn-2018-oped"))),
                       "dawn-2018-oped");
}

static void
test_same_id_in_two_kinds (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatActor) actor = bilat_actor_new ("sco", BILAT_ACTOR_KIND_ORGANISATION);
  g_autoptr(BilatIssue) issue = bilat_issue_new ("sco");
  g_autoptr(BilatSource) source = bilat_source_new ("sco");

  add_ok (store, actor);
  add_ok (store, issue);
  add_ok (store, source);

  assert_ptr_equal (bilat_store_lookup_actor (store, "sco"), actor);
  assert_ptr_equal (bilat_store_lookup_issue (store, "sco"), issue);
  assert_ptr_equal (bilat_store_lookup_source (store, "sco"), source);

  remove_ok (store, issue);
  assert_null (bilat_store_lookup_issue (store, "sco"));
  assert_ptr_equal (bilat_store_lookup_actor (store, "sco"), actor);
}

static void
test_duplicate_id (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatEvent) original = event_new ("friendship-2018", "2018-10-21/2018-11-04");
  g_autoptr(BilatEvent) copy = event_new ("friendship-2018", "2018");
  g_autoptr(BilatEvent) exercise = exercise_new ("friendship-2018", "2018-10");
  g_autoptr(BilatIssue) issue = bilat_issue_new ("energy");
  g_autoptr(BilatIssue) issue_copy = bilat_issue_new ("energy");
  g_autoptr(Recorder) recorder = NULL;
  g_autoptr(GError) error = NULL;

  add_ok (store, original);
  add_ok (store, issue);
  recorder = recorder_new (bilat_store_get_events (store));

  assert_false (bilat_store_add (store, BILAT_RECORD (copy), &error));
  assert_true (g_error_matches (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_DUPLICATE_ID));
  assert_non_null (strstr (error->message, "event"));
  assert_non_null (strstr (error->message, "“friendship-2018”"));
  g_clear_error (&error);

  /* An exercise is an event, so it clashes with the event. */
  assert_false (bilat_store_add (store, BILAT_RECORD (exercise), &error));
  assert_true (g_error_matches (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_DUPLICATE_ID));
  g_clear_error (&error);

  /* So does the record that is already there. */
  assert_false (bilat_store_add (store, BILAT_RECORD (original), &error));
  assert_true (g_error_matches (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_DUPLICATE_ID));
  g_clear_error (&error);

  assert_false (bilat_store_add (store, BILAT_RECORD (issue_copy), &error));
  assert_true (g_error_matches (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_DUPLICATE_ID));
  assert_non_null (strstr (error->message, "issue"));
  g_clear_error (&error);

  /* The store is unchanged, and said nothing. */
  EXPECT_NONE (recorder);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 1);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_issues (store)), 1);
  assert_ptr_equal (bilat_store_lookup_event (store, "friendship-2018"), original);
  assert_ptr_equal (bilat_store_lookup_issue (store, "energy"), issue);

  /* A rejected event is not followed: changing its date moves nothing. */
  set_date (copy, "1900");
  EXPECT_NONE (recorder);

  /* Without an error location, the failure is silent. */
  assert_false (bilat_store_add (store, BILAT_RECORD (copy), NULL));
}

static void
test_duplicate_alias (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatActor) pakistan = actor_new ("PAK", "Islamabad", "Rawalpindi", NULL);
  g_autoptr(BilatActor) russia = actor_new ("RUS", "Moscow", "Kremlin", NULL);
  g_autoptr(Recorder) recorder = NULL;
  g_autoptr(GError) error = NULL;
  const struct
  {
    const char *id;
    const char *alias;
  } clashes[] = {
    { "XYZ", "ISLAMABAD" },    /* an alias in another case */
    { "XYZ", "islamabad" },
    { "XYZ", "pak" },          /* an alias that is an id, in another case */
    { "XYZ", "PAK" },
    { "pak", NULL },           /* an id that is an id, in another case */
    { "islamabad", NULL },     /* an id that is an alias */
    { "Rawalpindi", NULL },
  };

  add_ok (store, pakistan);
  recorder = recorder_new (bilat_store_get_actors (store));

  for (gsize i = 0; i < G_N_ELEMENTS (clashes); i++)
    {
      g_autoptr(BilatActor) actor = actor_new (clashes[i].id, clashes[i].alias, NULL);

      assert_false (bilat_store_add (store, BILAT_RECORD (actor), &error));
      assert_true (g_error_matches (error, BILAT_STORE_ERROR,
                                    BILAT_STORE_ERROR_DUPLICATE_ALIAS));
      assert_non_null (strstr (error->message, "“PAK”"));
      g_clear_error (&error);

      /* Unchanged: the newcomer is not found under any of its names. */
      assert_int_equal (g_list_model_get_n_items (bilat_store_get_actors (store)), 1);
      assert_null (bilat_store_lookup_actor (store, "XYZ"));
      assert_ptr_equal (bilat_store_lookup_actor (store, "islamabad"), pakistan);
      assert_ptr_equal (bilat_store_lookup_actor (store, "pak"), pakistan);
      assert_ptr_equal (bilat_store_lookup_actor (store, "Rawalpindi"), pakistan);
    }

  /* A rejected actor with several aliases leaves none of them behind. */
  {
    g_autoptr(BilatActor) actor = actor_new ("XYZ", "Somewhere", "Kremlin", "Islamabad", NULL);

    assert_false (bilat_store_add (store, BILAT_RECORD (actor), &error));
    assert_true (g_error_matches (error, BILAT_STORE_ERROR,
                                  BILAT_STORE_ERROR_DUPLICATE_ALIAS));
    assert_non_null (strstr (error->message, "“Islamabad”"));
    g_clear_error (&error);
    assert_null (bilat_store_lookup_actor (store, "somewhere"));
    assert_null (bilat_store_lookup_actor (store, "kremlin"));
  }

  EXPECT_NONE (recorder);

  /* Names that clash with nothing are fine, and so are an actor's names
   * that repeat each other or its own id. */
  bilat_actor_add_alias (russia, "moscow");
  bilat_actor_add_alias (russia, "rus");
  add_ok (store, russia);
  EXPECT_CHANGES (recorder, 1, 0, 1);
  assert_ptr_equal (bilat_store_lookup_actor (store, "MOSCOW"), russia);
  assert_ptr_equal (bilat_store_lookup_actor (store, "rus"), russia);
}

static void
test_lookup_actor (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatActor) pakistan = actor_new ("PAK", "Islamabad", NULL);
  g_autoptr(BilatActor) russia = actor_new ("RUS", "Moscow", "Kremlin", "Москва", NULL);
  g_autoptr(BilatActor) putin = bilat_actor_new ("putin", BILAT_ACTOR_KIND_PERSON);
  g_autoptr(BilatActor) turkey = actor_new ("TUR", "Türkiye", NULL);

  add_ok (store, pakistan);
  add_ok (store, russia);
  add_ok (store, putin);
  add_ok (store, turkey);

  /* By id, exactly or in any case. */
  assert_ptr_equal (bilat_store_lookup_actor (store, "PAK"), pakistan);
  assert_ptr_equal (bilat_store_lookup_actor (store, "pak"), pakistan);
  assert_ptr_equal (bilat_store_lookup_actor (store, "Pak"), pakistan);
  assert_ptr_equal (bilat_store_lookup_actor (store, "putin"), putin);
  assert_ptr_equal (bilat_store_lookup_actor (store, "PUTIN"), putin);

  /* By alias, in any case, beyond ASCII too. */
  assert_ptr_equal (bilat_store_lookup_actor (store, "Islamabad"), pakistan);
  assert_ptr_equal (bilat_store_lookup_actor (store, "islamabad"), pakistan);
  assert_ptr_equal (bilat_store_lookup_actor (store, "ISLAMABAD"), pakistan);
  assert_ptr_equal (bilat_store_lookup_actor (store, "kremlin"), russia);
  assert_ptr_equal (bilat_store_lookup_actor (store, "МОСКВА"), russia);
  assert_ptr_equal (bilat_store_lookup_actor (store, "TÜRKIYE"), turkey);
  /* The same name with a combining diaeresis. */
  assert_ptr_equal (bilat_store_lookup_actor (store, "Tu\xcc\x88rkiye"), turkey);

  /* Unknown names, and text that names nothing. */
  assert_null (bilat_store_lookup_actor (store, "IND"));
  assert_null (bilat_store_lookup_actor (store, "Islamaba"));
  assert_null (bilat_store_lookup_actor (store, ""));
  assert_null (bilat_store_lookup_actor (store, "\xff\xfe"));
  assert_null (bilat_store_lookup_actor (store, "Islamabad\xc3"));
}

static void
test_remove (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatEvent) event = event_new ("visit-2014", "2014-11-20");
  g_autoptr(BilatEvent) other = event_new ("visit-2014", "2014-11-20");
  g_autoptr(BilatEvent) stranger = event_new ("stranger", NULL);
  g_autoptr(BilatActor) pakistan = actor_new ("PAK", "Islamabad", NULL);
  g_autoptr(BilatActor) successor = actor_new ("PAK2", "Islamabad", NULL);
  g_autoptr(TestNote) note = g_object_new (TEST_TYPE_NOTE, "id", "note-1", NULL);
  g_autoptr(Recorder) recorder = NULL;
  g_autoptr(GError) error = NULL;

  add_take (store, event_new ("a-first", "1990"));
  add_ok (store, event);
  add_take (store, event_new ("z-last", "2020"));
  add_ok (store, pakistan);
  recorder = recorder_new (bilat_store_get_events (store));

  /* A record that was never added. */
  assert_false (bilat_store_remove (store, BILAT_RECORD (stranger), &error));
  assert_true (g_error_matches (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_NOT_FOUND));
  assert_non_null (strstr (error->message, "“stranger”"));
  g_clear_error (&error);

  /* Another record with the id of a stored one: that one stays. */
  assert_false (bilat_store_remove (store, BILAT_RECORD (other), &error));
  assert_true (g_error_matches (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_NOT_FOUND));
  g_clear_error (&error);
  assert_ptr_equal (bilat_store_lookup_event (store, "visit-2014"), event);

  /* A record of a type no store holds. */
  assert_false (bilat_store_remove (store, BILAT_RECORD (note), &error));
  assert_true (g_error_matches (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_NOT_FOUND));
  g_clear_error (&error);

  EXPECT_NONE (recorder);

  remove_ok (store, event);
  EXPECT_CHANGES (recorder, 1, 1, 0);
  assert_null (bilat_store_lookup_event (store, "visit-2014"));
  ASSERT_IDS (bilat_store_get_events (store), "a-first", "z-last");

  /* Twice is once too many. */
  assert_false (bilat_store_remove (store, BILAT_RECORD (event), &error));
  assert_true (g_error_matches (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_NOT_FOUND));
  g_clear_error (&error);

  /* A removed event is no longer followed. */
  set_date (event, "1800");
  EXPECT_NONE (recorder);

  /* The id is free again, for another record. */
  add_ok (store, other);
  EXPECT_CHANGES (recorder, 1, 0, 1);

  /* A removed actor frees its names. */
  remove_ok (store, pakistan);
  assert_null (bilat_store_lookup_actor (store, "PAK"));
  assert_null (bilat_store_lookup_actor (store, "islamabad"));
  add_ok (store, successor);
  assert_ptr_equal (bilat_store_lookup_actor (store, "islamabad"), successor);

  /* A removed actor is no longer followed either. */
  bilat_actor_add_alias (pakistan, "Rawalpindi");
  assert_null (bilat_store_lookup_actor (store, "Rawalpindi"));
}

static void
test_invalid_record (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(TestNote) note = g_object_new (TEST_TYPE_NOTE, "id", "note-1", NULL);
  g_autoptr(GError) error = NULL;

  assert_false (bilat_store_add (store, BILAT_RECORD (note), &error));
  assert_true (g_error_matches (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_INVALID_RECORD));
  assert_non_null (strstr (error->message, "note-1"));
  assert_non_null (strstr (error->message, "TestNote"));

  assert_int_equal (g_list_model_get_n_items (bilat_store_get_sources (store)), 0);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_actors (store)), 0);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_issues (store)), 0);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 0);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_positions (store)), 0);
}

static int
compare_events_indirect (gconstpointer a,
                         gconstpointer b)
{
  return bilat_event_compare (*(BilatEvent **) a, *(BilatEvent **) b);
}

static void
test_event_order (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  GListModel *events = bilat_store_get_events (store);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  const struct
  {
    const char *id;
    const char *date;
    gboolean    exercise;
  } records[] = {
    { "u-zeta", NULL, FALSE },
    { "e-2018-05", "2018-05", FALSE },
    { "friendship-2018", "2018-10-21/2018-11-04", TRUE },
    { "relations-1948", "1948-05-01", FALSE },
    { "b-2015-07", "2015-07", FALSE },
    { "e-2018", "2018", FALSE },
    { "u-alpha", NULL, TRUE },
    { "friendship-2016", "2016-09-24/2016-10-10", TRUE },
    { "e-2017-12-31", "2017-12-31", FALSE },
    { "a-2015-07", "2015-07", FALSE },
    { "e-2018-05-03", "2018-05-03", FALSE },
    { "c-2015-07", "2015-07", TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (records); i++)
    {
      BilatEvent *event = records[i].exercise
                          ? exercise_new (records[i].id, records[i].date)
                          : event_new (records[i].id, records[i].date);

      add_ok (store, event);
      g_ptr_array_add (sorted, event);
    }

  /* The store's order is that of bilat_event_compare() … */
  g_ptr_array_sort (sorted, compare_events_indirect);
  assert_int_equal (g_list_model_get_n_items (events), sorted->len);
  for (guint i = 0; i < sorted->len; i++)
    {
      g_autoptr(BilatEvent) event = g_list_model_get_item (events, i);

      assert_ptr_equal (event, g_ptr_array_index (sorted, i));
    }
  assert_events_sorted (store);

  /* … which is by date, exercises among the other events, ties by id and
   * unknown dates last. */
  assert_string_equal (id_at (events, 0), "relations-1948");
  assert_string_equal (id_at (events, 1), "a-2015-07");
  assert_string_equal (id_at (events, 2), "b-2015-07");
  assert_string_equal (id_at (events, 3), "c-2015-07");
  assert_string_equal (id_at (events, 4), "friendship-2016");
  assert_string_equal (id_at (events, 5), "e-2017-12-31");
  assert_string_equal (id_at (events, 6), "e-2018");
  assert_string_equal (id_at (events, 7), "e-2018-05");
  assert_string_equal (id_at (events, 8), "e-2018-05-03");
  assert_string_equal (id_at (events, 9), "friendship-2018");
  assert_string_equal (id_at (events, 10), "u-alpha");
  assert_string_equal (id_at (events, 11), "u-zeta");
}

static void
test_event_date_change (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  GListModel *events = bilat_store_get_events (store);
  g_autoptr(BilatEvent) a = event_new ("a", "2001");
  g_autoptr(BilatEvent) b = event_new ("b", "2002");
  g_autoptr(BilatEvent) c = event_new ("c", "2003");
  g_autoptr(BilatEvent) d = exercise_new ("d", "2004");
  g_autoptr(BilatEvent) e = event_new ("e", NULL);
  g_autoptr(Recorder) recorder = NULL;

  add_ok (store, e);
  add_ok (store, c);
  add_ok (store, a);
  add_ok (store, d);
  add_ok (store, b);
  ASSERT_IDS (events, "a", "b", "c", "d", "e");
  recorder = recorder_new (events);

  /* Earlier: from the middle to the front. */
  set_date (c, "2000");
  EXPECT_CHANGES (recorder, 2, 1, 0, 0, 0, 1);
  ASSERT_IDS (events, "c", "a", "b", "d", "e");

  /* A new date that keeps the place changes nothing in the list. */
  set_date (c, "1999");
  EXPECT_NONE (recorder);
  set_date (c, "1999");
  EXPECT_NONE (recorder);

  /* Unknown: to the unknown dates at the end, in id order. */
  set_date (a, NULL);
  EXPECT_CHANGES (recorder, 1, 1, 0, 3, 0, 1);
  ASSERT_IDS (events, "c", "b", "d", "a", "e");

  /* Known again, and tied with another event: after it, by id. */
  set_date (e, "2002");
  EXPECT_CHANGES (recorder, 4, 1, 0, 2, 0, 1);
  ASSERT_IDS (events, "c", "b", "e", "d", "a");

  /* An exercise moves like any event; to the very end this time. */
  set_date (d, NULL);
  EXPECT_CHANGES (recorder, 3, 1, 0, 4, 0, 1);
  ASSERT_IDS (events, "c", "b", "e", "a", "d");

  /* An interval, a month, a day. */
  set_date (c, "2002-03-01/2002-03-05");
  set_date (b, "2002-03");
  set_date (a, "2001-12-31");
  assert_events_sorted (store);
  recorder_check_mirror (recorder);

  /* Still found, and removed, at its new place. */
  remove_ok (store, c);
  assert_null (bilat_store_lookup_event (store, "c"));
  assert_events_sorted (store);
  recorder_check_mirror (recorder);
}

static void
test_event_date_change_frozen (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  GListModel *events = bilat_store_get_events (store);
  g_autoptr(BilatEvent) a = event_new ("a", "2001");
  g_autoptr(BilatEvent) b = event_new ("b", "2002");
  g_autoptr(BilatEvent) c = event_new ("c", "2003");
  g_autoptr(Recorder) recorder = NULL;

  add_ok (store, a);
  add_ok (store, b);
  add_ok (store, c);
  recorder = recorder_new (events);

  /* Two dates change before either is notified: the store still finds
   * each event where it had put it. */
  g_object_freeze_notify (G_OBJECT (a));
  g_object_freeze_notify (G_OBJECT (c));
  set_date (a, "2005");
  set_date (c, "2000");
  g_object_thaw_notify (G_OBJECT (a));
  g_object_thaw_notify (G_OBJECT (c));

  ASSERT_IDS (events, "c", "b", "a");
  assert_events_sorted (store);
  recorder_check_mirror (recorder);

  /* A change that is notified only after the event left the store. */
  g_object_freeze_notify (G_OBJECT (b));
  set_date (b, "1990");
  remove_ok (store, b);
  g_object_thaw_notify (G_OBJECT (b));
  ASSERT_IDS (events, "c", "a");
  recorder_check_mirror (recorder);
}

/* A handler of the removal half of a move removes the moving event. */
static void
remove_on_removal (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   gpointer    user_data)
{
  BilatStore *store = user_data;
  BilatEvent *event = bilat_store_lookup_event (store, "b");

  if (removed == 1 && added == 0 && event != NULL)
    remove_ok (store, event);
}

/* A handler of the removal half of a move sets the date again. */
static void
redate_on_removal (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   gpointer    user_data)
{
  BilatEvent *event = user_data;
  g_autoptr(BilatDate) date = bilat_event_get_date (event) != NULL
                              ? bilat_date_ref (bilat_event_get_date (event)) : NULL;
  g_autofree char *text = date != NULL ? bilat_date_to_string (date) : NULL;

  if (g_strcmp0 (text, "2010") == 0)
    set_date (event, "1990");
}

/* A handler of the removal half of a move removes the moving event and
 * adds it again, which lists it already. */
static void
readd_on_removal (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  BilatStore *store = user_data;
  g_autoptr(BilatEvent) event = NULL;

  if (removed != 1 || added != 0 || bilat_store_lookup_event (store, "c") == NULL)
    return;

  event = g_object_ref (bilat_store_lookup_event (store, "c"));
  remove_ok (store, event);
  add_ok (store, event);
}

/* A handler of the removal half of a move clears the store. */
static void
clear_on_removal (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  BilatStore *store = user_data;

  if (removed == 1 && added == 0)
    bilat_store_clear (store);
}

/* A handler of the removal half of a move drops the last reference to the
 * store. */
static void
unref_on_removal (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  BilatStore **store = user_data;

  if (removed == 1 && added == 0)
    g_clear_object (store);
}

static void
test_event_date_change_reentrant (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  GListModel *events = bilat_store_get_events (store);
  g_autoptr(BilatEvent) a = event_new ("a", "2001");
  g_autoptr(BilatEvent) b = event_new ("b", "2002");
  g_autoptr(BilatEvent) c = event_new ("c", "2003");
  g_autoptr(Recorder) recorder = NULL;
  gulong handler_id;

  add_ok (store, a);
  add_ok (store, b);
  add_ok (store, c);
  recorder = recorder_new (events);

  handler_id = g_signal_connect (events, "items-changed",
                                 G_CALLBACK (remove_on_removal), store);
  set_date (b, "2010");
  g_signal_handler_disconnect (events, handler_id);

  /* Removed halfway through its move, it is not inserted again. */
  EXPECT_CHANGES (recorder, 1, 1, 0);
  ASSERT_IDS (events, "a", "c");
  assert_null (bilat_store_lookup_event (store, "b"));

  handler_id = g_signal_connect (events, "items-changed",
                                 G_CALLBACK (redate_on_removal), a);
  set_date (a, "2010");
  g_signal_handler_disconnect (events, handler_id);

  /* Dated again halfway through its move: GObject holds that notification
   * back until the first is over, so the event completes its first move,
   * then makes a second, to its latest place. */
  EXPECT_CHANGES (recorder, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 0, 1);
  ASSERT_IDS (events, "a", "c");
  assert_events_sorted (store);

  handler_id = g_signal_connect (events, "items-changed",
                                 G_CALLBACK (readd_on_removal), store);
  set_date (c, "1980");
  g_signal_handler_disconnect (events, handler_id);

  /* Taken out and put back halfway through its move: listed once. */
  EXPECT_CHANGES (recorder, 1, 1, 0, 0, 0, 1);
  ASSERT_IDS (events, "c", "a");
  assert_events_sorted (store);

  handler_id = g_signal_connect (events, "items-changed",
                                 G_CALLBACK (clear_on_removal), store);
  set_date (c, "2020");
  g_signal_handler_disconnect (events, handler_id);

  /* Cleared halfway through a move: the moving event goes too. */
  EXPECT_CHANGES (recorder, 0, 1, 0, 0, 1, 0);
  assert_int_equal (g_list_model_get_n_items (events), 0);
  assert_null (bilat_store_lookup_event (store, "c"));
  set_date (c, "2021");
  EXPECT_NONE (recorder);
}

static void
test_store_unref_during_move (void **state)
{
  BilatStore *store = bilat_store_new ();
  g_autoptr(BilatEvent) a = event_new ("a", "2001");
  g_autoptr(BilatEvent) b = event_new ("b", "2002");
  g_autoptr(GListModel) events = g_object_ref (bilat_store_get_events (store));
  g_autoptr(Recorder) recorder = NULL;
  gulong handler_id;

  add_ok (store, a);
  add_ok (store, b);
  recorder = recorder_new (events);
  handler_id = g_signal_connect (events, "items-changed",
                                 G_CALLBACK (unref_on_removal), &store);

  /* The store lives until the move is over, then goes. */
  set_date (a, "2003");
  assert_null (store);
  EXPECT_CHANGES (recorder, 0, 1, 0, 1, 0, 1);
  ASSERT_IDS (events, "b", "a");
  g_signal_handler_disconnect (events, handler_id);

  /* Its list lives on, unchanging. */
  set_date (a, "2000");
  EXPECT_NONE (recorder);
}

static void
test_items_changed (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(Recorder) sources = recorder_new (bilat_store_get_sources (store));
  g_autoptr(Recorder) actors = recorder_new (bilat_store_get_actors (store));
  g_autoptr(Recorder) issues = recorder_new (bilat_store_get_issues (store));
  g_autoptr(Recorder) events = recorder_new (bilat_store_get_events (store));
  g_autoptr(Recorder) positions = recorder_new (bilat_store_get_positions (store));
  g_autoptr(BilatActor) pakistan = bilat_actor_new ("PAK", BILAT_ACTOR_KIND_STATE);
  g_autoptr(BilatEvent) visit = event_new ("visit", "2014-11-20");

  /* Each addition signals once, on its own kind's list, at its place. */
  add_take (store, bilat_source_new ("oped"));
  EXPECT_CHANGES (sources, 0, 0, 1);
  EXPECT_NONE (actors);
  EXPECT_NONE (events);

  add_take (store, bilat_actor_new ("RUS", BILAT_ACTOR_KIND_STATE));
  EXPECT_CHANGES (actors, 0, 0, 1);
  add_ok (store, pakistan);
  EXPECT_CHANGES (actors, 0, 0, 1);
  add_take (store, bilat_actor_new ("CHN", BILAT_ACTOR_KIND_STATE));
  EXPECT_CHANGES (actors, 0, 0, 1);
  add_take (store, bilat_actor_new ("IND", BILAT_ACTOR_KIND_STATE));
  EXPECT_CHANGES (actors, 1, 0, 1);
  add_take (store, bilat_actor_new ("USA", BILAT_ACTOR_KIND_STATE));
  EXPECT_CHANGES (actors, 4, 0, 1);
  ASSERT_IDS (bilat_store_get_actors (store), "CHN", "IND", "PAK", "RUS", "USA");

  add_take (store, event_new ("later", "2020"));
  EXPECT_CHANGES (events, 0, 0, 1);
  add_ok (store, visit);
  EXPECT_CHANGES (events, 0, 0, 1);
  add_take (store, exercise_new ("undated", NULL));
  EXPECT_CHANGES (events, 2, 0, 1);

  add_take (store, bilat_issue_new ("energy"));
  EXPECT_CHANGES (issues, 0, 0, 1);

  EXPECT_NONE (sources);
  EXPECT_NONE (actors);
  EXPECT_NONE (positions);

  /* Each removal signals once, at the place the record had. */
  remove_ok (store, pakistan);
  EXPECT_CHANGES (actors, 2, 1, 0);
  remove_ok (store, visit);
  EXPECT_CHANGES (events, 0, 1, 0);
  EXPECT_NONE (sources);
  EXPECT_NONE (issues);

  /* Clearing signals once per list that had items, for all of them. */
  bilat_store_clear (store);
  EXPECT_CHANGES (sources, 0, 1, 0);
  EXPECT_CHANGES (actors, 0, 4, 0);
  EXPECT_CHANGES (issues, 0, 1, 0);
  EXPECT_CHANGES (events, 0, 2, 0);
  EXPECT_NONE (positions);

  /* Clearing an empty store signals nothing. */
  bilat_store_clear (store);
  EXPECT_NONE (sources);
  EXPECT_NONE (actors);
  EXPECT_NONE (issues);
  EXPECT_NONE (events);
  EXPECT_NONE (positions);
}

static void
test_alias_change (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatActor) pakistan = actor_new ("PAK", "Islamabad", NULL);
  g_autoptr(BilatActor) russia = actor_new ("RUS", "Moscow", NULL);
  g_autoptr(BilatActor) newcomer = actor_new ("XYZ", "Muscovy", NULL);
  const char * const rawalpindi[] = { "Rawalpindi", "GHQ", NULL };
  const char * const none[] = { NULL };
  g_autoptr(GError) error = NULL;

  add_ok (store, pakistan);
  add_ok (store, russia);

  /* Replaced aliases: the old ones go, the new ones come. */
  bilat_actor_set_aliases (pakistan, rawalpindi);
  assert_null (bilat_store_lookup_actor (store, "islamabad"));
  assert_ptr_equal (bilat_store_lookup_actor (store, "rawalpindi"), pakistan);
  assert_ptr_equal (bilat_store_lookup_actor (store, "ghq"), pakistan);
  assert_ptr_equal (bilat_store_lookup_actor (store, "pak"), pakistan);

  /* An added alias. */
  bilat_actor_add_alias (russia, "Kremlin");
  assert_ptr_equal (bilat_store_lookup_actor (store, "KREMLIN"), russia);
  assert_ptr_equal (bilat_store_lookup_actor (store, "moscow"), russia);

  /* A change may make two actors share a name: the first holder keeps it
   * for lookups, and the other gets it when the first lets it go. */
  bilat_actor_add_alias (pakistan, "MOSCOW");
  assert_ptr_equal (bilat_store_lookup_actor (store, "Moscow"), russia);
  bilat_actor_set_aliases (russia, none);
  assert_ptr_equal (bilat_store_lookup_actor (store, "Moscow"), pakistan);
  assert_null (bilat_store_lookup_actor (store, "kremlin"));

  /* An alias that is another actor's id finds that actor. */
  bilat_actor_add_alias (pakistan, "rus");
  assert_ptr_equal (bilat_store_lookup_actor (store, "rus"), russia);
  assert_ptr_equal (bilat_store_lookup_actor (store, "RUS"), russia);

  /* Names taken by a change are refused to newcomers … */
  bilat_actor_add_alias (newcomer, "Ghq");
  assert_false (bilat_store_add (store, BILAT_RECORD (newcomer), &error));
  assert_true (g_error_matches (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_DUPLICATE_ALIAS));
  g_clear_error (&error);

  /* … and names freed by one are theirs to take. */
  bilat_actor_set_aliases (newcomer, none);
  bilat_actor_add_alias (newcomer, "Islamabad");
  add_ok (store, newcomer);
  assert_ptr_equal (bilat_store_lookup_actor (store, "islamabad"), newcomer);
}

static void
test_clear (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatActor) pakistan = actor_new ("PAK", "Islamabad", NULL);
  g_autoptr(BilatEvent) event = event_new ("visit", "2014");
  g_autoptr(Recorder) recorder = NULL;

  add_ok (store, pakistan);
  add_ok (store, event);
  add_take (store, bilat_source_new ("oped"));
  add_take (store, bilat_issue_new ("energy"));
  add_take (store, bilat_position_new ("pos", "PAK", "energy", BILAT_STANCE_NEUTRAL));

  bilat_store_clear (store);

  assert_null (bilat_store_lookup_actor (store, "PAK"));
  assert_null (bilat_store_lookup_actor (store, "islamabad"));
  assert_null (bilat_store_lookup_event (store, "visit"));
  assert_null (bilat_store_lookup_source (store, "oped"));
  assert_null (bilat_store_lookup_issue (store, "energy"));
  assert_null (bilat_store_lookup_position (store, "pos"));
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_sources (store)), 0);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_actors (store)), 0);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_issues (store)), 0);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 0);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_positions (store)), 0);

  /* The records live on, unfollowed. */
  recorder = recorder_new (bilat_store_get_events (store));
  set_date (event, "1900");
  bilat_actor_add_alias (pakistan, "Rawalpindi");
  EXPECT_NONE (recorder);
  assert_null (bilat_store_lookup_actor (store, "rawalpindi"));

  /* And the store takes them again. */
  add_ok (store, pakistan);
  add_ok (store, event);
  EXPECT_CHANGES (recorder, 0, 0, 1);
  assert_ptr_equal (bilat_store_lookup_actor (store, "rawalpindi"), pakistan);
  assert_ptr_equal (bilat_store_lookup_event (store, "visit"), event);
}

static void
test_two_stores (void **state)
{
  g_autoptr(BilatStore) first = bilat_store_new ();
  g_autoptr(BilatStore) second = bilat_store_new ();
  g_autoptr(BilatActor) pakistan = actor_new ("PAK", "Islamabad", NULL);
  g_autoptr(BilatEvent) visit = event_new ("visit", "2014");
  g_autoptr(Recorder) first_events = NULL;
  g_autoptr(Recorder) second_events = NULL;

  add_ok (first, pakistan);
  add_ok (second, pakistan);
  add_take (first, event_new ("early", "2000"));
  add_ok (first, visit);
  add_ok (second, visit);
  add_take (second, event_new ("late", "2020"));
  first_events = recorder_new (bilat_store_get_events (first));
  second_events = recorder_new (bilat_store_get_events (second));

  /* Both stores follow the actor and the event. */
  bilat_actor_add_alias (pakistan, "Rawalpindi");
  assert_ptr_equal (bilat_store_lookup_actor (first, "rawalpindi"), pakistan);
  assert_ptr_equal (bilat_store_lookup_actor (second, "rawalpindi"), pakistan);

  /* In the first store the event moves; in the second, it stays first. */
  set_date (visit, "1990");
  EXPECT_CHANGES (first_events, 1, 1, 0, 0, 0, 1);
  EXPECT_NONE (second_events);
  ASSERT_IDS (bilat_store_get_events (first), "visit", "early");
  ASSERT_IDS (bilat_store_get_events (second), "visit", "late");

  /* Leaving one store does not leave the other. */
  remove_ok (first, pakistan);
  remove_ok (first, visit);
  EXPECT_CHANGES (first_events, 0, 1, 0);
  assert_null (bilat_store_lookup_actor (first, "PAK"));
  assert_ptr_equal (bilat_store_lookup_actor (second, "islamabad"), pakistan);

  bilat_actor_add_alias (pakistan, "GHQ");
  assert_null (bilat_store_lookup_actor (first, "ghq"));
  assert_ptr_equal (bilat_store_lookup_actor (second, "ghq"), pakistan);

  set_date (visit, "2030");
  EXPECT_NONE (first_events);
  EXPECT_CHANGES (second_events, 0, 1, 0, 1, 0, 1);
  ASSERT_IDS (bilat_store_get_events (second), "late", "visit");

  /* Nor does the end of one store. */
  g_clear_pointer (&first_events, recorder_free);
  g_clear_object (&first);
  set_date (visit, "2000");
  EXPECT_CHANGES (second_events, 1, 1, 0, 0, 0, 1);
}

static void
test_lists (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  GListModel *events = bilat_store_get_events (store);
  g_autoptr(GListModel) property = NULL;
  g_autoptr(BilatEvent) event = event_new ("visit", "2014");

  assert_true (g_list_model_get_item_type (bilat_store_get_sources (store)) == BILAT_TYPE_SOURCE);
  assert_true (g_list_model_get_item_type (bilat_store_get_actors (store)) == BILAT_TYPE_ACTOR);
  assert_true (g_list_model_get_item_type (bilat_store_get_issues (store)) == BILAT_TYPE_ISSUE);
  assert_true (g_list_model_get_item_type (events) == BILAT_TYPE_EVENT);
  assert_true (g_list_model_get_item_type (bilat_store_get_positions (store)) == BILAT_TYPE_POSITION);

  /* The same objects, whenever asked for, also as properties. */
  assert_ptr_equal (bilat_store_get_events (store), events);
  add_ok (store, event);
  bilat_store_clear (store);
  assert_ptr_equal (bilat_store_get_events (store), events);
  g_object_get (store, "events", &property, NULL);
  assert_ptr_equal (property, events);
  g_clear_object (&property);
  g_object_get (store, "actors", &property, NULL);
  assert_ptr_equal (property, bilat_store_get_actors (store));

  /* A list kept past its store keeps its records, and no longer changes. */
  add_ok (store, event);
  g_object_ref (events);
  g_clear_object (&store);
  assert_int_equal (g_list_model_get_n_items (events), 1);
  set_date (event, "1900");
  assert_int_equal (g_list_model_get_n_items (events), 1);
  assert_string_equal (id_at (events, 0), "visit");
  g_object_unref (events);
}

/* The list models on their own: fetching in every direction, out of range,
 * and around changes. */
static void
test_list_model (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  GListModel *issues = bilat_store_get_issues (store);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2018);
  g_autoptr(BilatIssue) fifth = NULL;
  const guint n = 40;

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (expected, g_strdup_printf ("issue-%02u", i));
      add_take (store, bilat_issue_new (g_ptr_array_index (expected, i)));
    }

  for (guint i = 0; i < n; i++)
    assert_string_equal (id_at (issues, i), g_ptr_array_index (expected, i));
  for (guint i = n; i-- > 0;)
    assert_string_equal (id_at (issues, i), g_ptr_array_index (expected, i));
  for (guint i = 0; i < 200; i++)
    {
      guint position = g_rand_int_range (rand, 0, n);

      assert_string_equal (id_at (issues, position), g_ptr_array_index (expected, position));
    }

  assert_null (g_list_model_get_item (issues, n));
  assert_null (g_list_model_get_item (issues, n + 1));
  assert_null (g_list_model_get_item (issues, G_MAXUINT));
  assert_string_equal (id_at (issues, n - 1), "issue-39");
  assert_null (g_list_model_get_item (issues, n));

  /* A change after the last item fetched, then one before it. */
  assert_string_equal (id_at (issues, 10), "issue-10");
  remove_ok (store, bilat_store_lookup_issue (store, "issue-20"));
  assert_string_equal (id_at (issues, 10), "issue-10");
  assert_string_equal (id_at (issues, 11), "issue-11");
  fifth = g_object_ref (bilat_store_lookup_issue (store, "issue-05"));
  remove_ok (store, fifth);
  assert_string_equal (id_at (issues, 11), "issue-12");
  assert_string_equal (id_at (issues, 10), "issue-11");
  add_ok (store, fifth);
  assert_string_equal (id_at (issues, 10), "issue-10");
  assert_string_equal (id_at (issues, 5), "issue-05");
  assert_int_equal (g_list_model_get_n_items (issues), n - 1);
}

/* Many events, many changes: the binary searches of the store against the
 * linear truth of the mirrors. */
static void
test_many_events (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  GListModel *events = bilat_store_get_events (store);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1948);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(Recorder) recorder = recorder_new (events);
  const guint n = 600;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("event-%u", g_rand_int_range (rand, 0, 100000) * 1000 + i);
      g_autofree char *date = NULL;
      BilatEvent *event;

      /* Few distinct dates, so that many events tie and sort by id. */
      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          date = NULL;
          break;
        case 1:
          date = g_strdup_printf ("%d", g_rand_int_range (rand, 1990, 2000));
          break;
        case 2:
          date = g_strdup_printf ("%d-%02d", g_rand_int_range (rand, 1990, 2000),
                                  g_rand_int_range (rand, 1, 13));
          break;
        default:
          date = g_strdup_printf ("%d-%02d-%02d", g_rand_int_range (rand, 1990, 2000),
                                  g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
          break;
        }

      event = i % 5 == 0 ? exercise_new (id, date) : event_new (id, date);
      add_ok (store, event);
      g_ptr_array_add (all, event);
    }

  assert_int_equal (recorder->changes->len, n);
  g_array_set_size (recorder->changes, 0);
  recorder_check_mirror (recorder);
  assert_events_sorted (store);

  for (guint i = 0; i < n; i++)
    {
      BilatEvent *event = g_ptr_array_index (all, g_rand_int_range (rand, 0, n));
      g_autofree char *date = g_strdup_printf ("%d", g_rand_int_range (rand, 1985, 2005));

      set_date (event, g_rand_boolean (rand) ? date : NULL);
      assert_true (recorder->changes->len == 0 || recorder->changes->len == 2);
      g_array_set_size (recorder->changes, 0);
    }

  recorder_check_mirror (recorder);
  assert_events_sorted (store);

  /* Each removal signals once, at the place of the event just before. */
  while (all->len > 0)
    {
      BilatEvent *event = g_ptr_array_steal_index_fast (all, g_rand_int_range (rand, 0, all->len));
      guint position;
      Change *change;

      assert_true (g_ptr_array_find (recorder->mirror, event, &position));
      remove_ok (store, event);
      assert_int_equal (recorder->changes->len, 1);
      change = &g_array_index (recorder->changes, Change, 0);
      assert_int_equal (change->position, position);
      assert_int_equal (change->removed, 1);
      assert_int_equal (change->added, 0);
      g_array_set_size (recorder->changes, 0);
      g_object_unref (event);
    }

  assert_int_equal (g_list_model_get_n_items (events), 0);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_add_and_lookup),
    cmocka_unit_test (test_same_id_in_two_kinds),
    cmocka_unit_test (test_duplicate_id),
    cmocka_unit_test (test_duplicate_alias),
    cmocka_unit_test (test_lookup_actor),
    cmocka_unit_test (test_remove),
    cmocka_unit_test (test_invalid_record),
    cmocka_unit_test (test_event_order),
    cmocka_unit_test (test_event_date_change),
    cmocka_unit_test (test_event_date_change_frozen),
    cmocka_unit_test (test_event_date_change_reentrant),
    cmocka_unit_test (test_store_unref_during_move),
    cmocka_unit_test (test_items_changed),
    cmocka_unit_test (test_alias_change),
    cmocka_unit_test (test_clear),
    cmocka_unit_test (test_two_stores),
    cmocka_unit_test (test_lists),
    cmocka_unit_test (test_list_model),
    cmocka_unit_test (test_many_events),
  };

  return cmocka_run_group_tests_name ("store", tests, NULL, NULL);
}
