/* test-format.c: loading, saving and validating the JSON data format
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include <bilat/bilat.h>

/* Helpers */

static BilatDate *
date (const char *text)
{
  g_autoptr(GError) error = NULL;
  BilatDate *parsed = bilat_date_parse (text, &error);

  assert_null (error);
  assert_non_null (parsed);

  return parsed;
}

static void
add (BilatStore *store,
     gpointer    record)
{
  g_autoptr(GError) error = NULL;

  assert_true (bilat_store_add (store, record, &error));
  assert_null (error);
  g_object_unref (record);
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

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  guint la = a != NULL ? g_strv_length ((char **) a) : 0;
  guint lb = b != NULL ? g_strv_length ((char **) b) : 0;

  if (la != lb)
    return FALSE;
  for (guint i = 0; i < la; i++)
    {
      if (strcmp (a[i], b[i]) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
assert_citations_equal (GPtrArray *a,
                        GPtrArray *b)
{
  assert_int_equal (a->len, b->len);
  for (guint i = 0; i < a->len; i++)
    assert_true (bilat_citation_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)));
}

static void
assert_participants_equal (GPtrArray *a,
                           GPtrArray *b)
{
  assert_int_equal (a->len, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const BilatParticipant *pa = g_ptr_array_index (a, i);
      const BilatParticipant *pb = g_ptr_array_index (b, i);

      assert_string_equal (bilat_participant_get_actor (pa), bilat_participant_get_actor (pb));
      assert_int_equal (bilat_participant_get_role (pa), bilat_participant_get_role (pb));
    }
}

/* Every readable property of two records, whatever their class, so that a
 * property added later is compared too. */
static void
assert_records_equal (BilatRecord *a,
                      BilatRecord *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if ((pspec->flags & G_PARAM_READABLE) == 0)
        continue;

      g_value_init (&va, type);
      g_value_init (&vb, type);
      g_object_get_property (G_OBJECT (a), pspec->name, &va);
      g_object_get_property (G_OBJECT (b), pspec->name, &vb);

      if (type == G_TYPE_STRING)
        assert_true (g_strcmp0 (g_value_get_string (&va), g_value_get_string (&vb)) == 0);
      else if (type == BILAT_TYPE_DATE)
        assert_true (bilat_date_equal (g_value_get_boxed (&va), g_value_get_boxed (&vb)));
      else if (type == BILAT_TYPE_PLACE)
        assert_true (bilat_place_equal (g_value_get_boxed (&va), g_value_get_boxed (&vb)));
      else if (type == G_TYPE_STRV)
        assert_true (strv_equal (g_value_get_boxed (&va), g_value_get_boxed (&vb)));
      else if (type == G_TYPE_LIST_MODEL && strcmp (pspec->name, "citations") == 0)
        assert_citations_equal (bilat_record_get_citations (a), bilat_record_get_citations (b));
      else if (type == G_TYPE_LIST_MODEL && strcmp (pspec->name, "participants") == 0)
        assert_participants_equal (bilat_event_get_participants (BILAT_EVENT (a)),
                                   bilat_event_get_participants (BILAT_EVENT (b)));
      else if (type == G_TYPE_DOUBLE)
        {
          double da = g_value_get_double (&va), db = g_value_get_double (&vb);

          assert_true ((isnan (da) && isnan (db)) || da == db);
        }
      else if (G_TYPE_IS_ENUM (type) || G_TYPE_IS_FLAGS (type) || type == G_TYPE_UINT ||
               type == G_TYPE_INT || type == G_TYPE_BOOLEAN)
        assert_int_equal (g_param_values_cmp (pspec, &va, &vb), 0);
      else
        fail_msg ("property %s of type %s is not compared", pspec->name, g_type_name (type));
    }

  /* The name property falls back to iso-codes; the own name does not. */
  if (BILAT_IS_ACTOR (a))
    assert_true (g_strcmp0 (bilat_actor_get_own_name (BILAT_ACTOR (a)),
                            bilat_actor_get_own_name (BILAT_ACTOR (b))) == 0);
}

static void
assert_stores_equal (BilatStore *a,
                     BilatStore *b)
{
  for (guint kind = 0; kind < 5; kind++)
    {
      GListModel *la = list_of_kind (a, kind);
      GListModel *lb = list_of_kind (b, kind);

      assert_int_equal (g_list_model_get_n_items (la), g_list_model_get_n_items (lb));
      for (guint i = 0; i < g_list_model_get_n_items (la); i++)
        {
          g_autoptr(BilatRecord) ra = g_list_model_get_item (la, i);
          g_autoptr(BilatRecord) rb = g_list_model_get_item (lb, i);

          assert_records_equal (ra, rb);
        }
    }
}

static BilatStore *
load_string (const char *text)
{
  g_autoptr(GError) error = NULL;
  BilatStore *store = bilat_store_new ();

  if (!bilat_store_load_from_data (store, text, -1, &error))
    fail_msg ("loading failed: %s", error->message);

  return store;
}

static BilatStore *
reload (BilatStore *store)
{
  g_autofree char *text = bilat_store_save_to_data (store, NULL, NULL);

  return load_string (text);
}

/* A store in which every optional member of every kind is set. */
static BilatStore *
make_full_store (void)
{
  BilatStore *store = bilat_store_new ();
  g_autoptr(BilatDate) published = date ("2019-03-07");
  g_autoptr(BilatDate) interval = date ("2018-10-21/2018-11-04");
  g_autoptr(BilatDate) month = date ("2015-07");
  g_autoptr(BilatPlace) cherat = bilat_place_new_with_coordinates ("Cherat", "PK-KP", "PAK",
                                                                   33.6, 71.55);
  g_autoptr(BilatPlace) ufa = bilat_place_new ("Ufa", "RU-BA", "RUS");
  g_autoptr(BilatCitation) quoted = bilat_citation_new ("memo", 2, 120, 240,
                                                        "a “quoted” passage\nover two lines");
  g_autoptr(BilatCitation) paragraph_only = bilat_citation_new ("memo", 3, -1, -1, NULL);
  g_autoptr(BilatCitation) range_only = bilat_citation_new ("memo", 0, 0, 10, NULL);
  g_autoptr(BilatCitation) other_source = bilat_citation_new ("report", 1, 5, 5, NULL);
  const char * const rus_aliases[] = { "Moscow", "Kremlin", "Российская Федерация", NULL };
  BilatSource *source;
  BilatActor *actor;
  BilatIssue *issue;
  BilatEvent *event;
  BilatExercise *exercise;
  BilatPosition *position;

  source = bilat_source_new ("memo");
  bilat_source_set_title (source, "A briefing memo");
  bilat_source_set_author (source, "A. Analyst");
  bilat_source_set_publisher (source, "An institute");
  bilat_source_set_published (source, published);
  bilat_source_set_url (source, "https://example.org/memo?a=1&b=2");
  bilat_record_add_citation (BILAT_RECORD (source), paragraph_only);
  add (store, source);

  source = bilat_source_new ("report");
  bilat_source_set_title (source, "A report");
  add (store, source);

  actor = bilat_actor_new ("PAK", BILAT_ACTOR_KIND_STATE);
  bilat_actor_set_name (actor, "Islamic Republic of Pakistan");
  bilat_actor_add_alias (actor, "Islamabad");
  bilat_record_add_citation (BILAT_RECORD (actor), quoted);
  add (store, actor);

  actor = bilat_actor_new ("RUS", BILAT_ACTOR_KIND_STATE);
  bilat_actor_set_aliases (actor, rus_aliases);
  bilat_actor_set_predecessor (actor, "SUN");
  add (store, actor);

  add (store, bilat_actor_new ("SUN", BILAT_ACTOR_KIND_STATE));

  actor = bilat_actor_new ("putin", BILAT_ACTOR_KIND_PERSON);
  bilat_actor_set_name (actor, "Vladimir Putin");
  bilat_actor_set_affiliation (actor, "RUS");
  bilat_record_add_citation (BILAT_RECORD (actor), range_only);
  bilat_record_add_citation (BILAT_RECORD (actor), other_source);
  add (store, actor);

  actor = bilat_actor_new ("sco", BILAT_ACTOR_KIND_ORGANISATION);
  bilat_actor_set_name (actor, "Shanghai Cooperation Organisation");
  add (store, actor);

  add (store, bilat_actor_new ("taliban", BILAT_ACTOR_KIND_GROUP));

  issue = bilat_issue_new ("energy");
  bilat_issue_set_title (issue, "Energy cooperation");
  bilat_issue_set_description (issue, "Oil, gas and pipelines.");
  bilat_record_add_citation (BILAT_RECORD (issue), paragraph_only);
  add (store, issue);

  event = bilat_event_new ("ufa-meetings");
  bilat_event_set_date (event, month);
  bilat_event_set_title (event, "Meetings at Ufa");
  bilat_event_set_summary (event, "Talks on the sidelines of the SCO summit.");
  bilat_event_add_participant (event, "PAK", BILAT_ROLE_INITIATOR);
  bilat_event_add_participant (event, "RUS", BILAT_ROLE_TARGET);
  bilat_event_add_participant (event, "sco", BILAT_ROLE_MEDIATOR);
  bilat_event_add_participant (event, "putin", BILAT_ROLE_PARTICIPANT);
  bilat_event_set_place (event, ufa);
  bilat_event_set_sectors (event, BILAT_SECTOR_DIPLOMACY | BILAT_SECTOR_DEFENCE |
                           BILAT_SECTOR_INDUSTRY | BILAT_SECTOR_SECURITY);
  bilat_event_set_cameo_code (event, "036");
  bilat_record_add_citation (BILAT_RECORD (event), quoted);
  bilat_record_add_citation (BILAT_RECORD (event), paragraph_only);
  add (store, event);

  exercise = bilat_exercise_new ("friendship-2018");
  bilat_event_set_date (BILAT_EVENT (exercise), interval);
  bilat_event_set_title (BILAT_EVENT (exercise), "Friendship 2018");
  bilat_event_set_summary (BILAT_EVENT (exercise), "The third joint drill.");
  bilat_event_add_participant (BILAT_EVENT (exercise), "PAK", BILAT_ROLE_PARTICIPANT);
  bilat_event_add_participant (BILAT_EVENT (exercise), "RUS", BILAT_ROLE_PARTICIPANT);
  bilat_event_set_place (BILAT_EVENT (exercise), cherat);
  bilat_event_set_sectors (BILAT_EVENT (exercise), BILAT_SECTOR_DEFENCE);
  bilat_event_set_cameo_code (BILAT_EVENT (exercise), "062");
  bilat_record_add_citation (BILAT_RECORD (exercise), range_only);
  bilat_exercise_set_series (exercise, "Friendship");
  bilat_exercise_set_edition (exercise, 3);
  bilat_exercise_set_host (exercise, "PAK");
  bilat_exercise_set_domain (exercise, BILAT_EXERCISE_DOMAIN_LAND);
  bilat_exercise_set_focus (exercise, "counter-terrorism");
  add (store, exercise);

  position = bilat_position_new ("rus-energy", "RUS", "energy", BILAT_STANCE_CONSIDERING);
  bilat_position_set_target (position, "PAK");
  bilat_position_set_date (position, published);
  bilat_position_set_summary (position, "Weighs investing in pipelines.");
  bilat_position_set_sectors (position, BILAT_SECTOR_ENERGY | BILAT_SECTOR_ECONOMY);
  bilat_record_add_citation (BILAT_RECORD (position), quoted);
  add (store, position);

  return store;
}

/* A store in which every optional member of every kind is unset. */
static BilatStore *
make_bare_store (void)
{
  BilatStore *store = bilat_store_new ();

  add (store, bilat_source_new ("memo"));
  add (store, bilat_actor_new ("PAK", BILAT_ACTOR_KIND_STATE));
  add (store, bilat_actor_new ("someone", BILAT_ACTOR_KIND_PERSON));
  add (store, bilat_issue_new ("energy"));
  add (store, bilat_event_new ("talks"));
  add (store, bilat_exercise_new ("drill"));
  add (store, bilat_position_new ("pak-energy", "PAK", "energy", BILAT_STANCE_SUPPORTS));

  return store;
}

/* Round trips and the output */

static void
test_round_trip_full (void **state)
{
  g_autoptr(BilatStore) store = make_full_store ();
  g_autoptr(BilatStore) copy = reload (store);
  g_autofree char *first = bilat_store_save_to_data (store, NULL, NULL);
  g_autofree char *second = bilat_store_save_to_data (copy, NULL, NULL);
  g_autoptr(BilatPlace) cherat = NULL;
  BilatEvent *event;

  assert_stores_equal (store, copy);
  assert_string_equal (first, second);

  /* Spot checks that the comparison compares. */
  event = bilat_store_lookup_event (copy, "friendship-2018");
  assert_true (BILAT_IS_EXERCISE (event));
  assert_int_equal (bilat_exercise_get_edition (BILAT_EXERCISE (event)), 3);
  assert_int_equal (bilat_exercise_get_domain (BILAT_EXERCISE (event)), BILAT_EXERCISE_DOMAIN_LAND);
  cherat = bilat_place_new_with_coordinates ("Cherat", "PK-KP", "PAK", 33.6, 71.55);
  assert_true (bilat_place_equal (bilat_event_get_place (event), cherat));
  assert_string_equal (bilat_citation_get_quote (g_ptr_array_index (bilat_record_get_citations (
    BILAT_RECORD (bilat_store_lookup_actor (copy, "PAK"))), 0)), "a “quoted” passage\nover two lines");
  assert_int_equal (bilat_event_get_sectors (bilat_store_lookup_event (copy, "ufa-meetings")),
                    BILAT_SECTOR_DIPLOMACY | BILAT_SECTOR_DEFENCE | BILAT_SECTOR_INDUSTRY |
                    BILAT_SECTOR_SECURITY);
}

static void
test_round_trip_bare (void **state)
{
  g_autoptr(BilatStore) store = make_bare_store ();
  g_autoptr(BilatStore) copy = reload (store);
  g_autofree char *text = bilat_store_save_to_data (store, NULL, NULL);
  BilatEvent *talks;

  assert_stores_equal (store, copy);

  talks = bilat_store_lookup_event (copy, "talks");
  assert_null (bilat_event_get_date (talks));
  assert_false (BILAT_IS_EXERCISE (talks));
  assert_null (bilat_event_get_place (talks));
  assert_int_equal (bilat_record_get_citations (BILAT_RECORD (talks))->len, 0);
  assert_null (bilat_actor_get_own_name (bilat_store_lookup_actor (copy, "PAK")));

  /* Optional members are left out, but an unknown date is written. */
  assert_non_null (strstr (text, "\"date\": null"));
  for (const char * const *member = (const char * const[]) {
         "\"title\"", "\"name\"", "\"aliases\"", "\"citations\"", "\"participants\"",
         "\"sectors\"", "\"cameo\"", "\"edition\"", "\"domain\"", "\"target\"",
         "\"place\"", "\"summary\"", NULL };
       *member != NULL; member++)
    assert_null (strstr (text, *member));
}

static void
test_output_is_stable (void **state)
{
  g_autoptr(BilatStore) store = make_full_store ();
  g_autoptr(BilatStore) other = make_full_store ();
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *from_other = NULL;
  gsize length = 0;
  const char *event, *previous;

  text = bilat_store_save_to_data (store, &length, NULL);
  again = bilat_store_save_to_data (store, NULL, NULL);
  from_other = bilat_store_save_to_data (other, NULL, NULL);

  assert_int_equal (length, strlen (text));
  assert_string_equal (text, again);
  assert_string_equal (text, from_other);

  assert_true (g_str_has_prefix (text, "{\n  \"format\": \"bilat\",\n  \"version\": 1,\n"));
  assert_true (g_str_has_suffix (text, "\n}\n"));
  assert_non_null (strstr (text, "\n    {\n      \"id\": \"memo\",\n"));

  /* The iso-codes name of a state is not part of the dataset. */
  assert_null (strstr (text, "Russian Federation"));
  assert_non_null (strstr (text, "Islamic Republic of Pakistan"));
  assert_null (strstr (text, "Khyber"));

  /* Members in the order of the format's tables, events and exercises. */
  event = strstr (text, "\"id\": \"friendship-2018\"");
  assert_non_null (event);
  previous = event;
  for (const char * const *member = (const char * const[]) {
         "\"type\": \"exercise\"", "\"date\"", "\"title\"", "\"summary\"", "\"participants\"",
         "\"place\"", "\"sectors\"", "\"cameo\"", "\"citations\"", "\"series\"",
         "\"edition\"", "\"host\"", "\"domain\"", "\"focus\"", NULL };
       *member != NULL; member++)
    {
      const char *found = strstr (previous, *member);

      assert_non_null (found);
      assert_true (found > previous);
      previous = found;
    }

  /* Sectors in flag order, whatever the order they were set in. */
  assert_non_null (strstr (text, "\"sectors\": [\"defence\", \"security\", "
                                 "\"diplomacy\", \"industry\"]"));

  /* Events in date order. */
  assert_true (strstr (text, "\"ufa-meetings\"") < strstr (text, "\"friendship-2018\""));
}

static void
test_load_reads_every_member (void **state)
{
  static const char text[] =
    "{\"format\": \"bilat\", \"version\": 1,\n"
    " \"sources\": [{\"id\": \"s\", \"published\": null}],\n"
    " \"actors\": [{\"id\": \"PAK\", \"kind\": \"state\", \"name\": null},\n"
    "   {\"id\": \"x\", \"kind\": \"person\", \"affiliation\": \"PAK\"}],\n"
    " \"events\": [{\"id\": \"e\", \"type\": \"exercise\", \"date\": \"2016\",\n"
    "   \"participants\": [{\"actor\": \"PAK\"}], \"edition\": 0,\n"
    "   \"place\": {\"country\": \"PAK\", \"latitude\": 34, \"longitude\": -71.5},\n"
    "   \"citations\": [{\"source\": \"s\"}], \"sectors\": [\"space\", \"trade\"]}],\n"
    " \"issues\": null}\n";
  g_autoptr(BilatStore) store = load_string (text);
  BilatEvent *event = bilat_store_lookup_event (store, "e");
  BilatParticipant *participant;
  BilatPlace *place;

  assert_true (BILAT_IS_EXERCISE (event));
  assert_int_equal (bilat_exercise_get_edition (BILAT_EXERCISE (event)), 0);
  participant = g_ptr_array_index (bilat_event_get_participants (event), 0);
  assert_int_equal (bilat_participant_get_role (participant), BILAT_ROLE_PARTICIPANT);
  place = bilat_event_get_place (event);
  assert_true (bilat_place_has_coordinates (place));
  assert_true (bilat_place_get_latitude (place) == 34.0);
  assert_true (bilat_place_get_longitude (place) == -71.5);
  assert_int_equal (bilat_event_get_sectors (event), BILAT_SECTOR_SPACE | BILAT_SECTOR_TRADE);
  assert_false (bilat_citation_has_range (g_ptr_array_index (bilat_record_get_citations (
    BILAT_RECORD (event)), 0)));
  assert_string_equal (bilat_actor_get_affiliation (bilat_store_lookup_actor (store, "x")), "PAK");
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_issues (store)), 0);
}

/* Saving */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("bilat-format-XXXXXX", &error);

  assert_non_null (dir);
  return dir;
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

static guint
count_entries (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  assert_non_null (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_dir_close (dir);

  return n;
}

static void
assert_file_contents (const char *path,
                      const char *expected)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  assert_true (g_file_get_contents (path, &contents, &length, NULL));
  assert_int_equal (length, strlen (expected));
  assert_memory_equal (contents, expected, length);
}

static void
test_save_and_load_files (void **state)
{
  g_autoptr(BilatStore) store = make_full_store ();
  g_autoptr(BilatStore) from_path = bilat_store_new ();
  g_autoptr(BilatStore) from_file = bilat_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "data.json", NULL);
  g_autofree char *text = bilat_store_save_to_data (store, NULL, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  assert_true (g_file_set_contents (path, "old", -1, NULL));
  assert_true (bilat_store_save_to_path (store, path, &error));
  assert_null (error);
  assert_file_contents (path, text);

  assert_true (bilat_store_save_to_file (store, file, NULL, &error));
  assert_null (error);
  assert_file_contents (path, text);
  assert_int_equal (count_entries (dir), 1);

  assert_true (bilat_store_load_from_path (from_path, path, &error));
  assert_null (error);
  assert_stores_equal (store, from_path);

  assert_true (bilat_store_load_from_file (from_file, file, NULL, &error));
  assert_null (error);
  assert_stores_equal (store, from_file);

  remove_tree (dir);
}

/* Each way of making a save fail leaves the old file byte for byte. Tests
 * run as root, whom permissions do not stop. */
static void
test_save_is_atomic (void **state)
{
  g_autoptr(BilatStore) store = make_full_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "data.json", NULL);
  g_autofree char *under_file = g_build_filename (path, "nested.json", NULL);
  g_autofree char *subdir = g_build_filename (dir, "subdir", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *old = "{\"format\": \"bilat\", \"version\": 1}\n";
  struct rlimit saved, limited;
  void (*saved_handler) (int);

  assert_true (g_file_set_contents (path, old, -1, NULL));

  /* Cancelled before it starts. */
  g_cancellable_cancel (cancellable);
  assert_false (bilat_store_save_to_file (store, file, cancellable, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&error);
  assert_file_contents (path, old);

  /* A parent that is a regular file. */
  assert_false (bilat_store_save_to_path (store, under_file, &error));
  assert_non_null (error);
  assert_int_equal (error->domain, G_IO_ERROR);
  g_clear_error (&error);
  assert_file_contents (path, old);

  /* A target that is a directory. */
  assert_int_equal (g_mkdir (subdir, 0755), 0);
  assert_false (bilat_store_save_to_path (store, subdir, &error));
  assert_non_null (error);
  g_clear_error (&error);
  assert_true (g_file_test (subdir, G_FILE_TEST_IS_DIR));

  /* Failing half-way through writing: the file size limit (which binds
   * root too) lets the old file be, but not the new text. */
  assert_int_equal (getrlimit (RLIMIT_FSIZE, &saved), 0);
  limited = saved;
  limited.rlim_cur = 64;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  assert_int_equal (setrlimit (RLIMIT_FSIZE, &limited), 0);
  assert_false (bilat_store_save_to_path (store, path, &error));
  assert_int_equal (setrlimit (RLIMIT_FSIZE, &saved), 0);
  signal (SIGXFSZ, saved_handler);
  assert_non_null (error);
  g_clear_error (&error);
  assert_file_contents (path, old);

  /* No temporary file is left behind. */
  assert_int_equal (count_entries (dir), 2);

  remove_tree (dir);
}

/* Load errors */

typedef struct
{
  const char       *name;
  const char       *sources;
  const char       *actors;
  const char       *issues;
  const char       *events;
  const char       *positions;
  BilatFormatError  code;
  guint             line;
  const char       *where;     /* names the record and the member */
  const char       *detail;    /* another part of the message, or NULL */
} ErrorCase;

#define SOURCES "{\"id\": \"src\"}"
#define ACTORS "{\"id\": \"PAK\", \"kind\": \"state\"}, {\"id\": \"RUS\", \"kind\": \"state\"}"
#define ISSUES "{\"id\": \"energy\"}"
#define EVENTS "{\"id\": \"e1\", \"type\": \"event\", \"date\": \"2018\"}"
#define POSITIONS "{\"id\": \"p1\", \"holder\": \"PAK\", \"issue\": \"energy\", \"stance\": \"supports\"}"
#define EVENT(members) "{\"id\": \"e1\", \"type\": \"event\", \"date\": \"2018\", " members "}"
#define EXERCISE(members) "{\"id\": \"x1\", \"type\": \"exercise\", \"date\": \"2018\", " members "}"
#define ACTOR(members) ACTORS ", {\"id\": \"a1\", \"kind\": \"person\", " members "}"

/* A dataset with one top-level member per line: sources on line 4,
 * actors on 5, issues on 6, events on 7, positions on 8. */
static char *
make_document (const ErrorCase *c)
{
  return g_strdup_printf ("{\n"
                          "\"format\": \"bilat\",\n"
                          "\"version\": 1,\n"
                          "\"sources\": [%s],\n"
                          "\"actors\": [%s],\n"
                          "\"issues\": [%s],\n"
                          "\"events\": [%s],\n"
                          "\"positions\": [%s]\n"
                          "}\n",
                          c->sources != NULL ? c->sources : SOURCES,
                          c->actors != NULL ? c->actors : ACTORS,
                          c->issues != NULL ? c->issues : ISSUES,
                          c->events != NULL ? c->events : EVENTS,
                          c->positions != NULL ? c->positions : POSITIONS);
}

static const ErrorCase error_cases[] = {
  { "missing id", NULL, "{\"kind\": \"state\"}", NULL, NULL, NULL,
    BILAT_FORMAT_ERROR_MISSING_FIELD, 5, "actors[0]: member “id”", NULL },
  { "missing kind", NULL, "{\"id\": \"PAK\"}", NULL, NULL, NULL,
    BILAT_FORMAT_ERROR_MISSING_FIELD, 5, "actors[0] “PAK”: member “kind”", NULL },
  { "missing date", NULL, NULL, NULL, "{\"id\": \"e1\", \"type\": \"event\"}", NULL,
    BILAT_FORMAT_ERROR_MISSING_FIELD, 7, "events[0] “e1”: member “date”", NULL },
  { "missing type", NULL, NULL, NULL, "{\"id\": \"e1\", \"date\": null}", NULL,
    BILAT_FORMAT_ERROR_MISSING_FIELD, 7, "events[0] “e1”: member “type”", NULL },
  { "missing stance", NULL, NULL, NULL, NULL,
    "{\"id\": \"p1\", \"holder\": \"PAK\", \"issue\": \"energy\"}",
    BILAT_FORMAT_ERROR_MISSING_FIELD, 8, "positions[0] “p1”: member “stance”", NULL },
  { "null holder", NULL, NULL, NULL, NULL,
    "{\"id\": \"p1\", \"holder\": null, \"issue\": \"energy\", \"stance\": \"supports\"}",
    BILAT_FORMAT_ERROR_MISSING_FIELD, 8, "positions[0] “p1”: member “holder”", NULL },
  { "missing citation source", "{\"id\": \"src\", \"citations\": [{\"paragraph\": 1}]}", NULL, NULL,
    NULL, NULL, BILAT_FORMAT_ERROR_MISSING_FIELD, 4, "sources[0] “src”: member “citations[0]”",
    NULL },
  { "start without end", NULL, NULL, NULL,
    EVENT ("\"citations\": [{\"source\": \"src\", \"start\": 4}]"), NULL,
    BILAT_FORMAT_ERROR_MISSING_FIELD, 7, "member “citations[0].end”", NULL },
  { "latitude without longitude", NULL, NULL, NULL,
    EVENT ("\"place\": {\"country\": \"PAK\", \"latitude\": 30}"), NULL,
    BILAT_FORMAT_ERROR_MISSING_FIELD, 7, "events[0] “e1”: member “place.longitude”", NULL },
  { "empty place", NULL, NULL, NULL, EVENT ("\"place\": {}"), NULL,
    BILAT_FORMAT_ERROR_MISSING_FIELD, 7, "events[0] “e1”: member “place”", NULL },

  { "title not a string", NULL, NULL, NULL, EVENT ("\"title\": 12"), NULL,
    BILAT_FORMAT_ERROR_WRONG_TYPE, 7, "events[0] “e1”: member “title”", "an integer" },
  { "record not an object", NULL, NULL, NULL, "\"e1\"", NULL,
    BILAT_FORMAT_ERROR_WRONG_TYPE, 7, "events[0]: ", "a string" },
  { "unknown top-level member", NULL, NULL, NULL, EVENTS "], \"x\": [", NULL,
    BILAT_FORMAT_ERROR_UNKNOWN_FIELD, 7, "member “x”", NULL },
  { "edition not an integer", NULL, NULL, NULL, EXERCISE ("\"edition\": 1.5"), NULL,
    BILAT_FORMAT_ERROR_WRONG_TYPE, 7, "events[0] “x1”: member “edition”", NULL },
  { "aliases not an array", NULL, ACTOR ("\"aliases\": \"Putin\""), NULL, NULL, NULL,
    BILAT_FORMAT_ERROR_WRONG_TYPE, 5, "actors[2] “a1”: member “aliases”", NULL },
  { "alias not a string", NULL, ACTOR ("\"aliases\": [\"a\", 2]"), NULL, NULL, NULL,
    BILAT_FORMAT_ERROR_WRONG_TYPE, 5, "actors[2] “a1”: member “aliases[1]”", NULL },
  { "latitude a string", NULL, NULL, NULL,
    EVENT ("\"place\": {\"country\": \"PAK\", \"latitude\": \"30\", \"longitude\": 70}"), NULL,
    BILAT_FORMAT_ERROR_WRONG_TYPE, 7, "member “place.latitude”", NULL },

  { "unknown kind", NULL, "{\"id\": \"PAK\", \"kind\": \"country\"}", NULL, NULL, NULL,
    BILAT_FORMAT_ERROR_INVALID_VALUE, 5, "actors[0] “PAK”: member “kind”",
    "unknown kind “country”" },
  { "unknown stance", NULL, NULL, NULL, NULL,
    "{\"id\": \"p1\", \"holder\": \"PAK\", \"issue\": \"energy\", \"stance\": \"for\"}",
    BILAT_FORMAT_ERROR_INVALID_VALUE, 8, "positions[0] “p1”: member “stance”", "supports" },
  { "unknown role", NULL, NULL, NULL,
    EVENT ("\"participants\": [{\"actor\": \"PAK\", \"role\": \"host\"}]"), NULL,
    BILAT_FORMAT_ERROR_INVALID_VALUE, 7, "member “participants[0].role”", NULL },
  { "unknown domain", NULL, NULL, NULL, EXERCISE ("\"domain\": \"sea\""), NULL,
    BILAT_FORMAT_ERROR_INVALID_VALUE, 7, "events[0] “x1”: member “domain”", NULL },
  { "unknown sector", NULL, NULL, NULL, EVENT ("\"sectors\": [\"defence\", \"sport\"]"), NULL,
    BILAT_FORMAT_ERROR_INVALID_VALUE, 7, "member “sectors[1]”", "sport" },
  { "repeated sector", NULL, NULL, NULL, EVENT ("\"sectors\": [\"trade\", \"trade\"]"), NULL,
    BILAT_FORMAT_ERROR_INVALID_VALUE, 7, "member “sectors[1]”", NULL },
  { "unknown event type", NULL, NULL, NULL,
    "{\"id\": \"e1\", \"type\": \"meeting\", \"date\": null}", NULL,
    BILAT_FORMAT_ERROR_INVALID_VALUE, 7, "events[0] “e1”: member “type”", NULL },
  { "bad month", NULL, NULL, NULL, "{\"id\": \"e1\", \"type\": \"event\", \"date\": \"2018-13\"}",
    NULL, BILAT_FORMAT_ERROR_INVALID_VALUE, 7, "events[0] “e1”: member “date”",
    "Invalid date “2018-13”" },
  { "bad interval", NULL, NULL, NULL,
    "{\"id\": \"e1\", \"type\": \"event\", \"date\": \"2018/2017\"}", NULL,
    BILAT_FORMAT_ERROR_INVALID_VALUE, 7, "member “date”", "2018/2017" },
  { "bad published date", "{\"id\": \"src\", \"published\": \"yesterday\"}", NULL, NULL, NULL,
    NULL, BILAT_FORMAT_ERROR_INVALID_VALUE, 4, "sources[0] “src”: member “published”", NULL },
  { "bad id", NULL, NULL, NULL, "{\"id\": \"e 1\", \"type\": \"event\", \"date\": null}", NULL,
    BILAT_FORMAT_ERROR_INVALID_VALUE, 7, "events[0]: member “id”", "“e 1” is not a valid id" },
  { "bad reference id", NULL, NULL, NULL, NULL,
    "{\"id\": \"p1\", \"holder\": \"-PAK\", \"issue\": \"energy\", \"stance\": \"supports\"}",
    BILAT_FORMAT_ERROR_INVALID_VALUE, 8, "positions[0] “p1”: member “holder”", NULL },
  { "state id not ISO", NULL, "{\"id\": \"QQQ\", \"kind\": \"state\"}", NULL, NULL, NULL,
    BILAT_FORMAT_ERROR_INVALID_VALUE, 5, "actors[0] “QQQ”: member “id”", "ISO 3166" },
  { "state id lower case", NULL, "{\"id\": \"pak\", \"kind\": \"state\"}", NULL, NULL, NULL,
    BILAT_FORMAT_ERROR_INVALID_VALUE, 5, "actors[0] “pak”: member “id”", NULL },
  { "unknown subdivision", NULL, NULL, NULL, EVENT ("\"place\": {\"subdivision\": \"PK-XX\"}"),
    NULL, BILAT_FORMAT_ERROR_INVALID_VALUE, 7, "member “place.subdivision”", "PK-XX" },
  { "unknown country", NULL, NULL, NULL, EVENT ("\"place\": {\"country\": \"QQQ\"}"),
    NULL, BILAT_FORMAT_ERROR_INVALID_VALUE, 7, "member “place.country”", NULL },
  { "latitude out of range", NULL, NULL, NULL,
    EVENT ("\"place\": {\"name\": \"Pole\", \"latitude\": 91, \"longitude\": 0}"), NULL,
    BILAT_FORMAT_ERROR_INVALID_VALUE, 7, "member “place.latitude”", NULL },
  { "longitude out of range", NULL, NULL, NULL,
    EVENT ("\"place\": {\"name\": \"Far\", \"latitude\": 0, \"longitude\": -180.5}"), NULL,
    BILAT_FORMAT_ERROR_INVALID_VALUE, 7, "member “place.longitude”", NULL },
  { "cameo not digits", NULL, NULL, NULL, EVENT ("\"cameo\": \"06a\""), NULL,
    BILAT_FORMAT_ERROR_INVALID_VALUE, 7, "events[0] “e1”: member “cameo”", NULL },
  { "cameo unknown", NULL, NULL, NULL, EVENT ("\"cameo\": \"099\""), NULL,
    BILAT_FORMAT_ERROR_INVALID_VALUE, 7, "events[0] “e1”: member “cameo”", "099" },
  { "paragraph 0", NULL, NULL, NULL,
    EVENT ("\"citations\": [{\"source\": \"src\", \"paragraph\": 0}]"), NULL,
    BILAT_FORMAT_ERROR_INVALID_VALUE, 7, "member “citations[0].paragraph”", NULL },
  { "negative start", NULL, NULL, NULL,
    EVENT ("\"citations\": [{\"source\": \"src\", \"start\": -1, \"end\": 3}]"), NULL,
    BILAT_FORMAT_ERROR_INVALID_VALUE, 7, "member “citations[0].start”", NULL },
  { "end before start", NULL, NULL, NULL,
    EVENT ("\"citations\": [{\"source\": \"src\", \"start\": 9, \"end\": 3}]"), NULL,
    BILAT_FORMAT_ERROR_INVALID_VALUE, 7, "member “citations[0].end”", NULL },
  { "negative edition", NULL, NULL, NULL, EXERCISE ("\"edition\": -1"), NULL,
    BILAT_FORMAT_ERROR_INVALID_VALUE, 7, "events[0] “x1”: member “edition”", NULL },
  { "participant twice", NULL, NULL, NULL,
    EVENT ("\"participants\": [{\"actor\": \"PAK\"}, {\"actor\": \"PAK\", \"role\": \"target\"}]"),
    NULL, BILAT_FORMAT_ERROR_INVALID_VALUE, 7, "member “participants[1].actor”", NULL },
  { "alias twice", NULL, ACTOR ("\"aliases\": [\"Vova\", \"VOVA\"]"), NULL, NULL, NULL,
    BILAT_FORMAT_ERROR_INVALID_VALUE, 5, "actors[2] “a1”: member “aliases[1]”", NULL },
  { "member twice", NULL, NULL, NULL, EVENT ("\"title\": \"a\", \"title\": \"b\""), NULL,
    BILAT_FORMAT_ERROR_INVALID_VALUE, 7, "events[0] “e1”: member “title”", NULL },
  { "predecessor cycle", NULL,
    "{\"id\": \"RUS\", \"kind\": \"state\", \"predecessor\": \"SUN\"}, "
    "{\"id\": \"SUN\", \"kind\": \"state\", \"predecessor\": \"RUS\"}, "
    "{\"id\": \"PAK\", \"kind\": \"state\"}", NULL, NULL, NULL,
    BILAT_FORMAT_ERROR_INVALID_VALUE, 5, "actors[0] “RUS”: member “predecessor”", "comes back" },

  { "unknown member", NULL, NULL, NULL, EVENT ("\"sumary\": \"x\""), NULL,
    BILAT_FORMAT_ERROR_UNKNOWN_FIELD, 7, "events[0] “e1”: member “sumary”", "“summary”" },
  { "exercise member in an event", NULL, NULL, NULL, EVENT ("\"edition\": 2"), NULL,
    BILAT_FORMAT_ERROR_UNKNOWN_FIELD, 7, "events[0] “e1”: member “edition”", "exercise" },
  { "unknown member of a citation", NULL, NULL, NULL,
    EVENT ("\"citations\": [{\"source\": \"src\", \"page\": 3}]"), NULL,
    BILAT_FORMAT_ERROR_UNKNOWN_FIELD, 7, "member “citations[0].page”", NULL },
  { "unknown member of a place", NULL, NULL, NULL,
    EVENT ("\"place\": {\"name\": \"Ufa\", \"city\": \"Ufa\"}"), NULL,
    BILAT_FORMAT_ERROR_UNKNOWN_FIELD, 7, "member “place.city”", NULL },

  { "duplicate event", NULL, NULL, NULL,
    EVENTS ", {\"id\": \"e1\", \"type\": \"exercise\", \"date\": null}", NULL,
    BILAT_FORMAT_ERROR_DUPLICATE_ID, 7, "events[1] “e1”: member “id”", "events[0]" },
  { "duplicate actor", NULL, ACTORS ", {\"id\": \"PAK\", \"kind\": \"state\"}", NULL, NULL, NULL,
    BILAT_FORMAT_ERROR_DUPLICATE_ID, 5, "actors[2] “PAK”: member “id”", NULL },
  { "shared alias", NULL,
    "{\"id\": \"PAK\", \"kind\": \"state\", \"aliases\": [\"Capital\"]}, "
    "{\"id\": \"RUS\", \"kind\": \"state\", \"aliases\": [\"capital\"]}", NULL, NULL, NULL,
    BILAT_FORMAT_ERROR_DUPLICATE_ID, 5, "actors[1] “RUS”: member “aliases[0]”", "PAK" },

  { "unknown participant", NULL, NULL, NULL,
    EVENT ("\"participants\": [{\"actor\": \"PAK\"}, {\"actor\": \"IND\"}]"), NULL,
    BILAT_FORMAT_ERROR_UNKNOWN_REFERENCE, 7, "events[0] “e1”: member “participants[1].actor”",
    "“IND”" },
  { "unknown holder", NULL, NULL, NULL, NULL,
    "{\"id\": \"p1\", \"holder\": \"IND\", \"issue\": \"energy\", \"stance\": \"supports\"}",
    BILAT_FORMAT_ERROR_UNKNOWN_REFERENCE, 8, "positions[0] “p1”: member “holder”", NULL },
  { "unknown issue", NULL, NULL, NULL, NULL,
    "{\"id\": \"p1\", \"holder\": \"PAK\", \"issue\": \"cpec\", \"stance\": \"supports\"}",
    BILAT_FORMAT_ERROR_UNKNOWN_REFERENCE, 8, "positions[0] “p1”: member “issue”", "no issue" },
  { "unknown target", NULL, NULL, NULL, NULL,
    "{\"id\": \"p1\", \"holder\": \"PAK\", \"issue\": \"energy\", \"stance\": \"supports\", "
    "\"target\": \"USA\"}",
    BILAT_FORMAT_ERROR_UNKNOWN_REFERENCE, 8, "positions[0] “p1”: member “target”", NULL },
  { "unknown host", NULL, NULL, NULL, EXERCISE ("\"host\": \"CHN\""), NULL,
    BILAT_FORMAT_ERROR_UNKNOWN_REFERENCE, 7, "events[0] “x1”: member “host”", NULL },
  { "unknown affiliation", NULL, ACTOR ("\"affiliation\": \"IND\""), NULL, NULL, NULL,
    BILAT_FORMAT_ERROR_UNKNOWN_REFERENCE, 5, "actors[2] “a1”: member “affiliation”", NULL },
  { "unknown predecessor", NULL,
    "{\"id\": \"PAK\", \"kind\": \"state\"}, "
    "{\"id\": \"RUS\", \"kind\": \"state\", \"predecessor\": \"SUN\"}", NULL, NULL, NULL,
    BILAT_FORMAT_ERROR_UNKNOWN_REFERENCE, 5, "actors[1] “RUS”: member “predecessor”", NULL },
  { "unknown citation source", NULL, NULL, "{\"id\": \"energy\", \"citations\": "
    "[{\"source\": \"src\"}, {\"source\": \"memo\", \"paragraph\": 2}]}", NULL, NULL,
    BILAT_FORMAT_ERROR_UNKNOWN_REFERENCE, 6, "issues[0] “energy”: member “citations[1].source”",
    "no source has the id “memo”" },
};

static void
test_load_errors (void **state)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *c = &error_cases[i];
      g_autofree char *text = make_document (c);
      g_autofree char *prefix = g_strdup_printf ("<string>:%u: ", c->line);
      g_autoptr(BilatStore) store = bilat_store_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      BilatProblem *problem;

      print_message ("# %s\n", c->name);

      assert_false (bilat_store_load_from_data (store, text, -1, &error));
      assert_non_null (error);
      if (error->domain != BILAT_FORMAT_ERROR || (int) error->code != (int) c->code ||
          !g_str_has_prefix (error->message, prefix) || strstr (error->message, c->where) == NULL ||
          (c->detail != NULL && strstr (error->message, c->detail) == NULL))
        fail_msg ("%s: got %s %d “%s”, expected code %d at “%s%s”", c->name,
                  g_quark_to_string (error->domain), error->code, error->message,
                  c->code, prefix, c->where);

      /* Nothing was added, and the validator agrees. */
      assert_int_equal (g_list_model_get_n_items (bilat_store_get_actors (store)), 0);
      assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 0);

      problems = bilat_validate_data (text, -1, NULL);
      assert_true (problems->len >= 1);
      problem = g_ptr_array_index (problems, 0);
      assert_true (bilat_problem_get_domain (problem) == BILAT_FORMAT_ERROR);
      assert_int_equal (bilat_problem_get_code (problem), c->code);
      assert_int_equal (bilat_problem_get_line (problem), c->line);
      assert_int_equal (bilat_problem_get_column (problem), 0);
      assert_string_equal (bilat_problem_get_file (problem), "<string>");
    }
}

static void
assert_load_fails (const char       *text,
                   BilatFormatError  code,
                   const char       *part)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GError) error = NULL;

  assert_false (bilat_store_load_from_data (store, text, -1, &error));
  assert_non_null (error);
  if (!g_error_matches (error, BILAT_FORMAT_ERROR, code) || strstr (error->message, part) == NULL)
    fail_msg ("loading “%s”: got %s %d “%s”, expected code %d with “%s”", text,
              g_quark_to_string (error->domain), error->code, error->message, code, part);
}

static void
test_header_errors (void **state)
{
  assert_load_fails ("{\"format\": \"geojson\", \"version\": 1}",
                     BILAT_FORMAT_ERROR_UNSUPPORTED, "<string>:1: member “format”");
  assert_load_fails ("{\"version\": 1, \"events\": []}",
                     BILAT_FORMAT_ERROR_UNSUPPORTED, "member “format”");
  assert_load_fails ("{\"format\": \"bilat\",\n \"version\": 2}",
                     BILAT_FORMAT_ERROR_UNSUPPORTED, "<string>:2: member “version”");
  assert_load_fails ("{\"format\": \"bilat\"}", BILAT_FORMAT_ERROR_MISSING_FIELD,
                     "member “version”");
  assert_load_fails ("{\"format\": \"bilat\", \"version\": \"1\"}",
                     BILAT_FORMAT_ERROR_WRONG_TYPE, "member “version”");
  assert_load_fails ("[1, 2]", BILAT_FORMAT_ERROR_UNSUPPORTED, "an array");
  assert_load_fails ("{\"format\": \"bilat\", \"version\": 1,\n \"event\": []}",
                     BILAT_FORMAT_ERROR_UNKNOWN_FIELD, "<string>:2: member “event”");
  assert_load_fails ("{\"format\": \"bilat\", \"version\": 1, \"events\": {}}",
                     BILAT_FORMAT_ERROR_WRONG_TYPE, "member “events”");
  assert_load_fails ("", BILAT_FORMAT_ERROR_INVALID_JSON, "<string>");
  assert_load_fails ("  \n", BILAT_FORMAT_ERROR_INVALID_JSON, "<string>");
  assert_load_fails ("{\"format\": \"bilat\", \"version\": 1,}",
                     BILAT_FORMAT_ERROR_INVALID_JSON, "<string>:1:");
  assert_load_fails ("{\"format\": \"bilat\",\n\"version\": 1} trailing",
                     BILAT_FORMAT_ERROR_INVALID_JSON, "<string>:2:");
}

static void
test_invalid_utf8 (void **state)
{
  static const char text[] = "{\"format\": \"bilat\", \"version\": 1,\n"
                             "\"sources\": [{\"id\": \"s\", \"title\": \"caf\xe9\"}]}\n";
  static const char nul[] = "{\"format\": \"bilat\", \"version\": 1}\0garbage";
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  assert_false (bilat_store_load_from_data (store, text, -1, &error));
  assert_true (g_error_matches (error, BILAT_FORMAT_ERROR, BILAT_FORMAT_ERROR_INVALID_JSON));
  assert_true (g_str_has_prefix (error->message, "<string>:2: "));
  assert_non_null (strstr (error->message, "UTF-8"));
  g_clear_error (&error);

  assert_false (bilat_store_load_from_data (store, nul, sizeof nul - 1, &error));
  assert_true (g_error_matches (error, BILAT_FORMAT_ERROR, BILAT_FORMAT_ERROR_INVALID_JSON));

  problems = bilat_validate_data (text, -1, "latin1.json");
  assert_int_equal (problems->len, 1);
  assert_int_equal (bilat_problem_get_code (g_ptr_array_index (problems, 0)),
                    BILAT_FORMAT_ERROR_INVALID_JSON);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_sources (store)), 0);
}

/* Truncations of a dataset are errors, never crashes: every one of a small
 * dataset, and a spread of those of a large one (every one would be slow
 * under valgrind). */
static void
assert_truncations_fail (BilatStore *full,
                         gsize       step)
{
  g_autofree char *text = bilat_store_save_to_data (full, NULL, NULL);
  gsize last_brace = strrchr (text, '}') - text;

  for (gsize cut = 0; cut <= last_brace; cut += step)
    {
      g_autoptr(BilatStore) store = bilat_store_new ();
      g_autoptr(GError) error = NULL;

      assert_false (bilat_store_load_from_data (store, text, cut, &error));
      if (!g_error_matches (error, BILAT_FORMAT_ERROR, BILAT_FORMAT_ERROR_INVALID_JSON))
        fail_msg ("cut at %" G_GSIZE_FORMAT ": %s", cut, error->message);
      assert_int_equal (g_list_model_get_n_items (bilat_store_get_sources (store)), 0);
    }
}

static void
test_deep_nesting (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new ("{\"format\": \"bilat\", \"version\": 1, \"x\": ");

  /* Deep enough to overflow the stack of a recursive parser. */
  for (guint i = 0; i < 300000; i++)
    g_string_append (text, "[{\"a\": ");
  g_string_append (text, "\"\\\"[\"");

  assert_false (bilat_store_load_from_data (store, text->str, text->len, &error));
  assert_true (g_error_matches (error, BILAT_FORMAT_ERROR, BILAT_FORMAT_ERROR_INVALID_JSON));
  assert_non_null (strstr (error->message, "deep"));
  g_string_free (text, TRUE);
}

static void
test_truncated (void **state)
{
  g_autoptr(BilatStore) bare = make_bare_store ();
  g_autoptr(BilatStore) full = make_full_store ();

  assert_truncations_fail (bare, 1);
  assert_truncations_fail (full, 7);
}

/* Sources of data */

static void
test_stream (void **state)
{
  g_autoptr(BilatStore) full = make_full_store ();
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  char *text = bilat_store_save_to_data (full, &length, NULL);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, length, g_free);
  g_autoptr(GInputStream) bad = NULL;

  assert_true (bilat_store_load_from_stream (store, stream, NULL, &error));
  assert_null (error);
  assert_stores_equal (full, store);

  bad = g_memory_input_stream_new_from_data ("{\"format\": \"bilat\", \"version\": 1,\n"
                                             "\"issues\": [{\"id\": \"x\", \"titel\": \"\"}]}",
                                             -1, NULL);
  assert_false (bilat_store_load_from_stream (store, bad, NULL, &error));
  assert_true (g_error_matches (error, BILAT_FORMAT_ERROR, BILAT_FORMAT_ERROR_UNKNOWN_FIELD));
  assert_true (g_str_has_prefix (error->message,
                                 "<stream>:2: issues[0] “x”: member “titel”: "));
}

static void
test_file_errors (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GPtrArray) problems = NULL;

  assert_true (g_file_set_contents (path,
                                    "{\n"
                                    "  \"format\": \"bilat\",\n"
                                    "  \"version\": 1,\n"
                                    "  \"events\": [\n"
                                    "    {\n"
                                    "      \"id\": \"friendship-2018\",\n"
                                    "      \"type\": \"exercise\",\n"
                                    "      \"date\": \"2018-13\"\n"
                                    "    }\n"
                                    "  ]\n"
                                    "}\n", -1, NULL));

  expected = g_strdup_printf ("%s:8: events[0] “friendship-2018”: member “date”: "
                              "Invalid date “2018-13”", path);
  assert_false (bilat_store_load_from_path (store, path, &error));
  assert_true (g_error_matches (error, BILAT_FORMAT_ERROR, BILAT_FORMAT_ERROR_INVALID_VALUE));
  assert_true (g_str_has_prefix (error->message, expected));
  g_clear_error (&error);

  assert_false (bilat_store_load_from_file (store, file, NULL, &error));
  assert_true (g_error_matches (error, BILAT_FORMAT_ERROR, BILAT_FORMAT_ERROR_INVALID_VALUE));
  assert_true (g_str_has_prefix (error->message, expected));
  g_clear_error (&error);

  problems = bilat_validate_file (file, NULL, &error);
  assert_null (error);
  assert_int_equal (problems->len, 1);
  assert_string_equal (bilat_problem_get_file (g_ptr_array_index (problems, 0)), path);

  assert_false (bilat_store_load_from_path (store, missing, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
  g_clear_error (&error);

  assert_null (bilat_validate_file (missing_file, NULL, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));

  remove_tree (dir);
}

/* The validator */

static void
assert_problem (BilatProblem     *problem,
                BilatFormatError  code,
                guint             line,
                const char       *kind,
                int               index,
                const char       *record_id,
                const char       *field)
{
  assert_int_equal (bilat_problem_get_code (problem), code);
  assert_int_equal (bilat_problem_get_line (problem), line);
  assert_true (g_strcmp0 (bilat_problem_get_kind (problem), kind) == 0);
  assert_int_equal (bilat_problem_get_index (problem), index);
  assert_true (g_strcmp0 (bilat_problem_get_record_id (problem), record_id) == 0);
  assert_true (g_strcmp0 (bilat_problem_get_field (problem), field) == 0);
  assert_non_null (bilat_problem_get_message (problem));
}

static void
test_validator_reports_all (void **state)
{
  static const char text[] =
    "{\n"                                                                      /* 1 */
    "  \"format\": \"bilat\",\n"                                               /* 2 */
    "  \"version\": 1,\n"                                                      /* 3 */
    "  \"actors\": [\n"                                                        /* 4 */
    "    {\"id\": \"PAK\", \"kind\": \"state\"},\n"                            /* 5 */
    "    {\"id\": \"PAK\", \"kind\": \"stat\"}\n"                              /* 6 */
    "  ],\n"                                                                   /* 7 */
    "  \"events\": [\n"                                                        /* 8 */
    "    {\n"                                                                  /* 9 */
    "      \"id\": \"friendship-2018\",\n"                                     /* 10 */
    "      \"type\": \"exercise\",\n"                                          /* 11 */
    "      \"date\": \"2018-13\",\n"                                           /* 12 */
    "      \"participants\": [\n"                                              /* 13 */
    "        {\"actor\": \"PAK\"},\n"                                          /* 14 */
    "        {\"actor\": \"RUS\"}\n"                                           /* 15 */
    "      ],\n"                                                               /* 16 */
    "      \"colour\": \"red\"\n"                                              /* 17 */
    "    },\n"                                                                 /* 18 */
    "    {\"type\": \"event\", \"date\": null}\n"                              /* 19 */
    "  ]\n"                                                                    /* 20 */
    "}\n";                                                                     /* 21 */
  g_autoptr(GPtrArray) problems = bilat_validate_data (text, -1, "data.json");
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(BilatStore) full = make_full_store ();
  g_autofree char *valid = bilat_store_save_to_data (full, NULL, NULL);
  g_autofree char *line = NULL;
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GError) error = NULL;

  assert_int_equal (problems->len, 6);
  assert_problem (g_ptr_array_index (problems, 0), BILAT_FORMAT_ERROR_INVALID_VALUE, 6,
                  "actors", 1, "PAK", "kind");
  assert_problem (g_ptr_array_index (problems, 1), BILAT_FORMAT_ERROR_DUPLICATE_ID, 6,
                  "actors", 1, "PAK", "id");
  assert_problem (g_ptr_array_index (problems, 2), BILAT_FORMAT_ERROR_INVALID_VALUE, 12,
                  "events", 0, "friendship-2018", "date");
  assert_problem (g_ptr_array_index (problems, 3), BILAT_FORMAT_ERROR_UNKNOWN_REFERENCE, 15,
                  "events", 0, "friendship-2018", "participants[1].actor");
  assert_problem (g_ptr_array_index (problems, 4), BILAT_FORMAT_ERROR_UNKNOWN_FIELD, 17,
                  "events", 0, "friendship-2018", "colour");
  assert_problem (g_ptr_array_index (problems, 5), BILAT_FORMAT_ERROR_MISSING_FIELD, 19,
                  "events", 1, NULL, "id");

  line = bilat_problem_to_string (g_ptr_array_index (problems, 2));
  /* The rest of the message is the date's own. */
  assert_true (g_str_has_prefix (line, "data.json:12: events[0] “friendship-2018”: "
                                       "member “date”: Invalid date “2018-13”: "));
  g_clear_pointer (&line, g_free);
  line = bilat_problem_to_string (g_ptr_array_index (problems, 5));
  assert_string_equal (line, "data.json:19: events[1]: member “id”: every record needs member “id”");

  /* The loader reports the first, and counts the rest. */
  assert_false (bilat_store_load_from_data (store, text, -1, &error));
  assert_true (g_error_matches (error, BILAT_FORMAT_ERROR, BILAT_FORMAT_ERROR_INVALID_VALUE));
  assert_true (g_str_has_prefix (error->message, "<string>:6: actors[1] “PAK”: member “kind”: "));
  assert_true (g_str_has_suffix (error->message, " (and 5 more problems)"));

  none = bilat_validate_data (valid, -1, NULL);
  assert_int_equal (none->len, 0);

  /* From a stream, the same problems, named as asked. */
  {
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, -1, NULL);
    g_autoptr(GError) read_error = NULL;
    g_autoptr(GPtrArray) streamed = bilat_validate_stream (stream, "data.json", NULL, &read_error);
    g_autoptr(GInputStream) unnamed = g_memory_input_stream_new_from_data (text, -1, NULL);
    g_autoptr(GPtrArray) anonymous = bilat_validate_stream (unnamed, NULL, NULL, NULL);

    assert_non_null (streamed);
    assert_int_equal (streamed->len, problems->len);
    for (guint i = 0; i < problems->len; i++)
      {
        g_autofree char *a = bilat_problem_to_string (g_ptr_array_index (problems, i));
        g_autofree char *b = bilat_problem_to_string (g_ptr_array_index (streamed, i));

        assert_string_equal (a, b);
      }
    g_clear_pointer (&line, g_free);
    line = bilat_problem_to_string (g_ptr_array_index (anonymous, 0));
    assert_true (g_str_has_prefix (line, "<stream>:6: "));
  }
}

/* Loading into a store that has records already */

static void
test_failed_load_changes_nothing (void **state)
{
  g_autoptr(BilatStore) store = make_full_store ();
  g_autofree char *before = bilat_store_save_to_data (store, NULL, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  /* Good records first, a bad one last. */
  static const char bad[] =
    "{\"format\": \"bilat\", \"version\": 1,\n"
    " \"actors\": [{\"id\": \"IND\", \"kind\": \"state\", \"aliases\": [\"Delhi\"]}],\n"
    " \"issues\": [{\"id\": \"kashmir\"}],\n"
    " \"events\": [{\"id\": \"new-event\", \"type\": \"event\", \"date\": \"2019\"},\n"
    "   {\"id\": \"broken\", \"type\": \"event\", \"date\": \"2019-02-30\"}]}";

  assert_false (bilat_store_load_from_data (store, bad, -1, &error));
  assert_true (g_error_matches (error, BILAT_FORMAT_ERROR, BILAT_FORMAT_ERROR_INVALID_VALUE));
  assert_null (bilat_store_lookup_actor (store, "IND"));
  assert_null (bilat_store_lookup_actor (store, "Delhi"));
  assert_null (bilat_store_lookup_issue (store, "kashmir"));
  assert_null (bilat_store_lookup_event (store, "new-event"));

  after = bilat_store_save_to_data (store, NULL, NULL);
  assert_string_equal (before, after);
}

static void
test_merge (void **state)
{
  g_autoptr(BilatStore) store = make_full_store ();
  g_autoptr(GError) error = NULL;
  guint n_events = g_list_model_get_n_items (bilat_store_get_events (store));
  /* References to records of the store are fine. */
  static const char more[] =
    "{\"format\": \"bilat\", \"version\": 1,\n"
    " \"actors\": [{\"id\": \"IND\", \"kind\": \"state\"}],\n"
    " \"events\": [{\"id\": \"talks-2019\", \"type\": \"event\", \"date\": \"2019\",\n"
    "   \"participants\": [{\"actor\": \"PAK\"}, {\"actor\": \"IND\"}],\n"
    "   \"citations\": [{\"source\": \"memo\", \"paragraph\": 4}]}],\n"
    " \"positions\": [{\"id\": \"ind-energy\", \"holder\": \"IND\", \"issue\": \"energy\",\n"
    "   \"stance\": \"neutral\"}]}";
  static const char same_id[] =
    "{\"format\": \"bilat\", \"version\": 1,\n"
    " \"issues\": [{\"id\": \"energy\"}]}";
  static const char same_alias[] =
    "{\"format\": \"bilat\", \"version\": 1,\n"
    " \"actors\": [{\"id\": \"CHN\", \"kind\": \"state\", \"aliases\": [\"kremlin\"]}]}";
  static const char same_name[] =
    "{\"format\": \"bilat\", \"version\": 1,\n"
    " \"actors\": [{\"id\": \"moscow\", \"kind\": \"organisation\"}]}";

  assert_true (bilat_store_load_from_data (store, more, -1, &error));
  assert_null (error);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), n_events + 1);
  assert_non_null (bilat_store_lookup_position (store, "ind-energy"));

  /* Loading the same again: every id is taken now. */
  assert_false (bilat_store_load_from_data (store, more, -1, &error));
  assert_true (g_error_matches (error, BILAT_FORMAT_ERROR, BILAT_FORMAT_ERROR_DUPLICATE_ID));
  assert_non_null (strstr (error->message, "actors[0] “IND”: member “id”"));
  assert_non_null (strstr (error->message, "(and 2 more problems)"));
  g_clear_error (&error);

  assert_false (bilat_store_load_from_data (store, same_id, -1, &error));
  assert_true (g_error_matches (error, BILAT_FORMAT_ERROR, BILAT_FORMAT_ERROR_DUPLICATE_ID));
  assert_non_null (strstr (error->message, "issues[0] “energy”: member “id”"));
  g_clear_error (&error);

  assert_false (bilat_store_load_from_data (store, same_alias, -1, &error));
  assert_true (g_error_matches (error, BILAT_FORMAT_ERROR, BILAT_FORMAT_ERROR_DUPLICATE_ID));
  assert_non_null (strstr (error->message, "actors[0] “CHN”: member “aliases[0]”"));
  assert_non_null (strstr (error->message, "“RUS”"));
  g_clear_error (&error);

  assert_false (bilat_store_load_from_data (store, same_name, -1, &error));
  assert_true (g_error_matches (error, BILAT_FORMAT_ERROR, BILAT_FORMAT_ERROR_DUPLICATE_ID));
  assert_non_null (strstr (error->message, "actors[0] “moscow”: member “id”"));
  assert_null (bilat_store_lookup_actor (store, "CHN"));
}

/* One record in the shape of the format */

static void
test_record_to_json (void **state)
{
  g_autoptr(BilatStore) store = make_full_store ();
  g_autoptr(BilatStore) bare = make_bare_store ();
  g_autoptr(JsonNode) exercise = NULL;
  g_autoptr(JsonNode) actor = NULL;
  g_autoptr(JsonNode) talks = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  JsonObject *object;

  exercise = bilat_record_to_json (BILAT_RECORD (bilat_store_lookup_event (store,
                                                                           "friendship-2018")));
  assert_true (JSON_NODE_HOLDS_OBJECT (exercise));
  object = json_node_get_object (exercise);
  assert_string_equal (json_object_get_string_member (object, "type"), "exercise");
  assert_string_equal (json_object_get_string_member (object, "date"), "2018-10-21/2018-11-04");
  assert_int_equal (json_object_get_int_member (object, "edition"), 3);
  assert_string_equal (json_object_get_string_member (object, "domain"), "land");
  assert_int_equal (json_array_get_length (json_object_get_array_member (object, "participants")), 2);

  actor = bilat_record_to_json (BILAT_RECORD (bilat_store_lookup_actor (store, "RUS")));
  object = json_node_get_object (actor);
  assert_false (json_object_has_member (object, "name"));
  assert_string_equal (json_object_get_string_member (object, "predecessor"), "SUN");

  /* The same shape as in a saved dataset. */
  talks = bilat_record_to_json (BILAT_RECORD (bilat_store_lookup_event (bare, "talks")));
  json_generator_set_root (generator, talks);
  text = json_generator_to_data (generator, NULL);
  assert_string_equal (text, "{\"id\":\"talks\",\"type\":\"event\",\"date\":null}");
}

/* Problems */

static void
test_problem_boxed (void **state)
{
  g_autoptr(GPtrArray) problems = bilat_validate_data ("{\"format\": 1}", -1, NULL);
  BilatProblem *problem;
  BilatProblem *copy;
  g_autofree char *text = NULL;

  assert_int_equal (problems->len, 1);
  problem = g_ptr_array_index (problems, 0);
  copy = g_boxed_copy (BILAT_TYPE_PROBLEM, problem);
  assert_ptr_equal (copy, problem);
  g_boxed_free (BILAT_TYPE_PROBLEM, copy);

  assert_int_equal (bilat_problem_get_code (problem), BILAT_FORMAT_ERROR_UNSUPPORTED);
  assert_null (bilat_problem_get_kind (problem));
  assert_int_equal (bilat_problem_get_index (problem), -1);
  assert_null (bilat_problem_get_record_id (problem));
  assert_string_equal (bilat_problem_get_field (problem), "format");
  text = bilat_problem_to_string (problem);
  assert_true (g_str_has_prefix (text, "<string>:1: member “format”: "));
  assert_true (g_quark_to_string (BILAT_FORMAT_ERROR) != NULL);
}

/* The writer's own printer: numbers in their shortest form, strings with
 * every character JSON must escape, and both back unchanged. */
static void
test_printer_numbers_and_escapes (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatStore) again = bilat_store_new ();
  g_autoptr(BilatEvent) event = bilat_event_new ("e");
  g_autoptr(BilatPlace) place = bilat_place_new_with_coordinates ("Cherat", "PK-KP", "PAK",
                                                                  33.6, -71.55);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *tricky = "a \"quote\", a back\\slash, a tab\t, a line\n, a bell\a, ünïcødé ✓";
  BilatEvent *loaded;

  bilat_event_set_place (event, place);
  bilat_event_set_title (event, tricky);
  bilat_event_set_goldstein (event, -2.5);
  assert_true (bilat_store_add (store, BILAT_RECORD (event), NULL));

  text = bilat_store_save_to_data (store, NULL, NULL);
  assert_non_null (strstr (text, "\"latitude\": 33.6,"));
  assert_non_null (strstr (text, "\"longitude\": -71.55"));
  assert_non_null (strstr (text, "\\\"quote\\\""));
  assert_non_null (strstr (text, "\\u0007"));
  assert_non_null (strstr (text, "ünïcødé ✓"));

  assert_true (bilat_store_load_from_data (again, text, -1, &error));
  assert_null (error);
  loaded = bilat_store_lookup_event (again, "e");
  assert_string_equal (bilat_event_get_title (loaded), tricky);
  assert_true (bilat_place_get_latitude (bilat_event_get_place (loaded)) == 33.6);
  assert_true (bilat_place_get_longitude (bilat_event_get_place (loaded)) == -71.55);
  /* a score the data gave is kept; the table's is not written */
  assert_non_null (strstr (text, "\"goldstein\": -2.5"));
  assert_true (bilat_event_get_own_goldstein (loaded) == -2.5);
}

/* A store that the format could not express refuses to be saved, with
 * the problem named, instead of writing a file that would not load. */
static void
test_unsavable_store (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(BilatActor) pakistan = bilat_actor_new ("PAK", BILAT_ACTOR_KIND_STATE);
  g_autoptr(BilatActor) russia = bilat_actor_new ("RUS", BILAT_ACTOR_KIND_STATE);
  g_autoptr(BilatActor) made_up = bilat_actor_new ("XYZ", BILAT_ACTOR_KIND_STATE);
  g_autoptr(BilatEvent) event = bilat_event_new ("talks");
  g_autoptr(BilatPosition) position = bilat_position_new ("p", "PAK", "energy", BILAT_STANCE_SUPPORTS);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bilat-check-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "data.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char *text;

  assert_true (bilat_store_add (store, BILAT_RECORD (pakistan), NULL));
  assert_true (bilat_store_add (store, BILAT_RECORD (russia), NULL));
  bilat_event_add_participant (event, "PAK", BILAT_ROLE_INITIATOR);
  bilat_event_add_participant (event, "IND", BILAT_ROLE_TARGET);
  bilat_event_set_cameo_code (event, "9999");
  assert_true (bilat_store_add (store, BILAT_RECORD (event), NULL));

  /* A savable store first, to have a file to keep. */
  assert_true (bilat_store_remove (store, BILAT_RECORD (event), NULL));
  assert_true (bilat_store_save_to_path (store, path, &error));
  assert_null (error);
  assert_true (g_file_get_contents (path, &before, NULL, NULL));
  assert_true (bilat_store_add (store, BILAT_RECORD (event), NULL));

  assert_true (bilat_store_add (store, BILAT_RECORD (made_up), NULL));
  assert_true (bilat_store_add (store, BILAT_RECORD (position), NULL));
  /* an alias that, once stored, comes to name another actor as well */
  bilat_actor_add_alias (russia, "Islamabad");
  bilat_actor_add_alias (pakistan, "Islamabad");

  problems = bilat_store_check (store);
  {
    const char *expected[][3] = {
      { "actors", "aliases", "Islamabad" },   /* PAK: the alias finds RUS */
      { "actors", "id", "XYZ" },
      { "events", "participants", "IND" },
      { "events", "cameo", "9999" },
      { "positions", "issue", "energy" },
    };
    assert_int_equal (problems->len, G_N_ELEMENTS (expected));
    for (guint i = 0; i < problems->len; i++)
      {
        BilatProblem *problem = g_ptr_array_index (problems, i);

        assert_string_equal (bilat_problem_get_kind (problem), expected[i][0]);
        assert_string_equal (bilat_problem_get_field (problem), expected[i][1]);
        assert_non_null (strstr (bilat_problem_get_message (problem), expected[i][2]));
      }
  }

  text = bilat_store_save_to_data (store, NULL, &error);
  assert_null (text);
  assert_true (g_error_matches (error, BILAT_FORMAT_ERROR, BILAT_FORMAT_ERROR_DUPLICATE_ID));
  assert_non_null (strstr (error->message, "and 4 more problems"));
  g_clear_error (&error);

  assert_false (bilat_store_save_to_path (store, path, &error));
  assert_non_null (error);
  assert_true (g_file_get_contents (path, &after, NULL, NULL));
  assert_string_equal (before, after);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_round_trip_full),
    cmocka_unit_test (test_round_trip_bare),
    cmocka_unit_test (test_output_is_stable),
    cmocka_unit_test (test_printer_numbers_and_escapes),
    cmocka_unit_test (test_unsavable_store),
    cmocka_unit_test (test_load_reads_every_member),
    cmocka_unit_test (test_save_and_load_files),
    cmocka_unit_test (test_save_is_atomic),
    cmocka_unit_test (test_load_errors),
    cmocka_unit_test (test_header_errors),
    cmocka_unit_test (test_invalid_utf8),
    cmocka_unit_test (test_truncated),
    cmocka_unit_test (test_deep_nesting),
    cmocka_unit_test (test_stream),
    cmocka_unit_test (test_file_errors),
    cmocka_unit_test (test_validator_reports_all),
    cmocka_unit_test (test_failed_load_changes_nothing),
    cmocka_unit_test (test_merge),
    cmocka_unit_test (test_record_to_json),
    cmocka_unit_test (test_problem_boxed),
  };

  return cmocka_run_group_tests_name ("format", tests, NULL, NULL);
}
