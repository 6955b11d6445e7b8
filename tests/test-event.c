/* test-event.c: participants, events and exercises
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <bilat/bilat.h>

#include "bilat-test-util.h"

static BilatEvent *
event_on (const char *id,
          const char *date_text)
{
  BilatEvent *event = bilat_event_new (id);

  if (date_text != NULL)
    {
      g_autoptr(BilatDate) date = parse_date (date_text);

      bilat_event_set_date (event, date);
    }

  return event;
}

static const char *
participant_actor (BilatEvent *event,
                   guint       index)
{
  GPtrArray *participants = bilat_event_get_participants (event);

  assert_true (index < participants->len);

  return bilat_participant_get_actor (g_ptr_array_index (participants, index));
}

static BilatRole
participant_role (BilatEvent *event,
                  guint       index)
{
  GPtrArray *participants = bilat_event_get_participants (event);

  assert_true (index < participants->len);

  return bilat_participant_get_role (g_ptr_array_index (participants, index));
}

/* Participant */

static void
test_participant (void **state)
{
  g_autoptr(BilatParticipant) participant = bilat_participant_new ("PAK", BILAT_ROLE_INITIATOR);
  g_autofree char *actor = NULL;
  BilatRole role;
  GParamSpec *pspec;

  assert_string_equal (bilat_participant_get_actor (participant), "PAK");
  assert_int_equal (bilat_participant_get_role (participant), BILAT_ROLE_INITIATOR);

  assert_true (G_TYPE_IS_OBJECT (BILAT_TYPE_PARTICIPANT));
  assert_true (G_TYPE_IS_FINAL (BILAT_TYPE_PARTICIPANT));
  /* Immutable: the properties read what new() was given, and are read-only. */
  g_object_get (participant, "actor", &actor, "role", &role, NULL);
  assert_string_equal (actor, "PAK");
  assert_int_equal (role, BILAT_ROLE_INITIATOR);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (participant), "role");
  assert_false (pspec->flags & G_PARAM_WRITABLE);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (participant), "actor");
  assert_false (pspec->flags & G_PARAM_WRITABLE);
}

/* Event */

static void
test_event_new (void **state)
{
  g_autoptr(BilatEvent) event = bilat_event_new ("relations-1948");
  GPtrArray *participants;

  assert_true (BILAT_IS_RECORD (event));
  assert_string_equal (bilat_record_get_id (BILAT_RECORD (event)), "relations-1948");
  assert_null (bilat_event_get_date (event));
  assert_null (bilat_event_get_title (event));
  assert_null (bilat_event_get_summary (event));
  assert_null (bilat_event_get_place (event));
  assert_null (bilat_event_get_cameo_code (event));
  assert_int_equal (bilat_event_get_sectors (event), BILAT_SECTOR_NONE);

  participants = bilat_event_get_participants (event);
  assert_non_null (participants);
  assert_int_equal (participants->len, 0);
  assert_int_equal (bilat_record_get_citations (BILAT_RECORD (event))->len, 0);

  /* The type can be derived from, unlike the other records. */
  assert_false (G_TYPE_IS_FINAL (BILAT_TYPE_EVENT));
  assert_true (G_TYPE_IS_FINAL (BILAT_TYPE_EXERCISE));
}

static void
test_event_strings (void **state)
{
  g_autoptr(BilatEvent) event = bilat_event_new ("relations-1948");

  check_string_property (event, "title", "Diplomatic relations established");
  check_string_property (event, "summary", "Pakistan and the USSR establish relations.");
  check_string_property (event, "cameo-code", "057");

  bilat_event_set_title (event, "Title");
  bilat_event_set_summary (event, "Summary");
  assert_string_equal (bilat_event_get_title (event), "Title");
  assert_string_equal (bilat_event_get_summary (event), "Summary");
}

static void
test_event_cameo_code (void **state)
{
  g_autoptr(BilatEvent) event = bilat_event_new ("gdelt:812345678");
  const char *codes[] = { "04", "042", "0874", "20", "190" };
  NotifyCount count;

  watch (event, "cameo-code", &count);
  for (gsize i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      bilat_event_set_cameo_code (event, codes[i]);
      assert_string_equal (bilat_event_get_cameo_code (event), codes[i]);
    }
  bilat_event_set_cameo_code (event, "190");
  assert_int_equal (count.named, G_N_ELEMENTS (codes));

  bilat_event_set_cameo_code (event, NULL);
  assert_null (bilat_event_get_cameo_code (event));
  assert_int_equal (count.named, G_N_ELEMENTS (codes) + 1);
  unwatch (event, &count);
}

static void
test_event_date (void **state)
{
  g_autoptr(BilatEvent) event = bilat_event_new ("relations-1948");
  g_autoptr(BilatDate) day = parse_date ("1948-05-01");
  g_autoptr(BilatDate) same = parse_date ("1948-05-01");
  g_autoptr(BilatDate) interval = parse_date ("2018-10-21/2018-11-04");
  g_autoptr(BilatDate) read = NULL;
  NotifyCount count;

  watch (event, "date", &count);

  bilat_event_set_date (event, day);
  assert_ptr_equal (bilat_event_get_date (event), day);
  assert_int_equal (count.named, 1);

  bilat_event_set_date (event, same);
  bilat_event_set_date (event, day);
  assert_int_equal (count.named, 1);

  g_object_set (event, "date", interval, NULL);
  g_object_get (event, "date", &read, NULL);
  assert_true (bilat_date_equal (read, interval));
  assert_int_equal (count.named, 2);

  bilat_event_set_date (event, NULL);
  assert_null (bilat_event_get_date (event));
  g_object_set (event, "date", NULL, NULL);
  assert_int_equal (count.named, 3);
  assert_int_equal (count.all, 3);
  unwatch (event, &count);
}

static void
test_event_place (void **state)
{
  g_autoptr(BilatEvent) event = bilat_event_new ("friendship-2016");
  g_autoptr(BilatPlace) cherat = bilat_place_new ("Cherat", "PK-KP", "PAK");
  g_autoptr(BilatPlace) same = bilat_place_new ("Cherat", "PK-KP", "PAK");
  g_autoptr(BilatPlace) elsewhere = bilat_place_new ("Mineralnye Vody", NULL, "RUS");
  g_autoptr(BilatPlace) read = NULL;
  NotifyCount count;

  watch (event, "place", &count);

  bilat_event_set_place (event, cherat);
  assert_ptr_equal (bilat_event_get_place (event), cherat);
  bilat_event_set_place (event, same);
  assert_ptr_equal (bilat_event_get_place (event), cherat);
  assert_int_equal (count.named, 1);

  g_object_set (event, "place", elsewhere, NULL);
  g_object_get (event, "place", &read, NULL);
  assert_true (bilat_place_equal (read, elsewhere));
  assert_int_equal (count.named, 2);

  bilat_event_set_place (event, NULL);
  assert_null (bilat_event_get_place (event));
  assert_int_equal (count.named, 3);
  assert_int_equal (count.all, 3);
  unwatch (event, &count);
}

static void
test_event_sectors (void **state)
{
  g_autoptr(BilatEvent) event = bilat_event_new ("steel-mill");
  BilatSector sectors;
  NotifyCount count;

  watch (event, "sectors", &count);

  bilat_event_set_sectors (event, BILAT_SECTOR_NONE);
  assert_int_equal (count.named, 0);

  bilat_event_set_sectors (event, BILAT_SECTOR_INDUSTRY | BILAT_SECTOR_ECONOMY);
  assert_int_equal (bilat_event_get_sectors (event),
                    BILAT_SECTOR_INDUSTRY | BILAT_SECTOR_ECONOMY);
  bilat_event_set_sectors (event, BILAT_SECTOR_ECONOMY | BILAT_SECTOR_INDUSTRY);
  assert_int_equal (count.named, 1);

  g_object_set (event, "sectors", BILAT_SECTOR_SPACE, NULL);
  g_object_get (event, "sectors", &sectors, NULL);
  assert_int_equal (sectors, BILAT_SECTOR_SPACE);
  assert_int_equal (count.named, 2);
  assert_int_equal (count.all, 2);
  unwatch (event, &count);
}

static void
test_event_participants (void **state)
{
  g_autoptr(BilatEvent) event = bilat_event_new ("visit-2012");
  g_autoptr(GListModel) read = NULL;
  g_autoptr(BilatParticipant) read_item = NULL;
  GPtrArray *participants = bilat_event_get_participants (event);
  BilatRole role = BILAT_ROLE_MEDIATOR;
  NotifyCount count;

  watch (event, "participants", &count);

  assert_false (bilat_event_has_participant (event, "PAK", &role));
  /* Left untouched when the actor does not take part. */
  assert_int_equal (role, BILAT_ROLE_MEDIATOR);

  bilat_event_add_participant (event, "RUS", BILAT_ROLE_INITIATOR);
  bilat_event_add_participant (event, "PAK", BILAT_ROLE_TARGET);
  bilat_event_add_participant (event, "AFG", BILAT_ROLE_PARTICIPANT);
  assert_int_equal (count.named, 3);

  /* The array is the event's own, and follows its changes. */
  assert_ptr_equal (bilat_event_get_participants (event), participants);
  assert_int_equal (participants->len, 3);
  assert_string_equal (participant_actor (event, 0), "RUS");
  assert_string_equal (participant_actor (event, 1), "PAK");
  assert_string_equal (participant_actor (event, 2), "AFG");
  assert_int_equal (participant_role (event, 0), BILAT_ROLE_INITIATOR);
  assert_int_equal (participant_role (event, 1), BILAT_ROLE_TARGET);

  assert_true (bilat_event_has_participant (event, "PAK", &role));
  assert_int_equal (role, BILAT_ROLE_TARGET);
  assert_true (bilat_event_has_participant (event, "AFG", NULL));
  /* Ids are case-sensitive. */
  assert_false (bilat_event_has_participant (event, "pak", NULL));

  g_object_get (event, "participants", &read, NULL);
  assert_int_equal (g_list_model_get_n_items (read), 3);
  read_item = g_list_model_get_item (read, 2);
  assert_ptr_equal (read_item, g_ptr_array_index (participants, 2));
  g_clear_object (&read);

  assert_false (bilat_event_remove_participant (event, "CHN"));
  assert_int_equal (count.named, 3);

  assert_true (bilat_event_remove_participant (event, "RUS"));
  assert_false (bilat_event_remove_participant (event, "RUS"));
  assert_false (bilat_event_has_participant (event, "RUS", NULL));
  assert_int_equal (participants->len, 2);
  assert_string_equal (participant_actor (event, 0), "PAK");
  assert_string_equal (participant_actor (event, 1), "AFG");
  assert_int_equal (count.named, 4);
  assert_int_equal (count.all, 4);
  unwatch (event, &count);
}

static void
test_event_participant_role_change (void **state)
{
  g_autoptr(BilatEvent) event = bilat_event_new ("talks-2017");
  g_autoptr(BilatParticipant) held = NULL;
  BilatRole role;
  NotifyCount count;

  bilat_event_add_participant (event, "PAK", BILAT_ROLE_PARTICIPANT);
  bilat_event_add_participant (event, "RUS", BILAT_ROLE_PARTICIPANT);
  held = g_object_ref (g_ptr_array_index (bilat_event_get_participants (event), 0));

  watch (event, "participants", &count);

  /* Adding again with the same role is no change. */
  bilat_event_add_participant (event, "PAK", BILAT_ROLE_PARTICIPANT);
  assert_int_equal (count.named, 0);

  /* Another role replaces the old one, in the same place of the list. */
  bilat_event_add_participant (event, "PAK", BILAT_ROLE_MEDIATOR);
  assert_int_equal (count.named, 1);
  assert_int_equal (bilat_event_get_participants (event)->len, 2);
  assert_string_equal (participant_actor (event, 0), "PAK");
  assert_int_equal (participant_role (event, 0), BILAT_ROLE_MEDIATOR);
  assert_true (bilat_event_has_participant (event, "PAK", &role));
  assert_int_equal (role, BILAT_ROLE_MEDIATOR);

  /* A participant already handed out does not change under its holder. */
  assert_int_equal (bilat_participant_get_role (held), BILAT_ROLE_PARTICIPANT);
  assert_string_equal (bilat_participant_get_actor (held), "PAK");
  assert_int_equal (count.all, 1);
  unwatch (event, &count);
}

static int
compare_event_pointers (gconstpointer a,
                        gconstpointer b)
{
  BilatEvent * const *event_a = a;
  BilatEvent * const *event_b = b;

  return bilat_event_compare (*event_a, *event_b);
}

static void
test_event_compare (void **state)
{
  /* Ids in the opposite order of the dates, so that only the dates can put
   * these first. */
  g_autoptr(BilatEvent) relations = event_on ("z-relations", "1948-05-01");
  g_autoptr(BilatEvent) year = event_on ("y-sco", "2015");
  g_autoptr(BilatEvent) month = event_on ("x-ufa", "2015-07");
  g_autoptr(BilatEvent) drill_a = event_on ("a-drill", "2018-10-21/2018-11-04");
  g_autoptr(BilatEvent) drill_b = event_on ("b-drill", "2018-10-21/2018-11-04");
  g_autoptr(BilatEvent) undated_a = event_on ("a-undated", NULL);
  g_autoptr(BilatEvent) undated_b = event_on ("b-undated", NULL);
  g_autoptr(GPtrArray) events = g_ptr_array_new ();
  BilatEvent *expected[] = {
    relations, year, month, drill_a, drill_b, undated_a, undated_b,
  };

  assert_int_equal (bilat_event_compare (relations, relations), 0);
  assert_int_equal (bilat_event_compare (undated_a, undated_a), 0);
  assert_true (bilat_event_compare (relations, year) < 0);
  assert_true (bilat_event_compare (year, relations) > 0);
  /* A year starts before its months. */
  assert_true (bilat_event_compare (year, month) < 0);
  assert_true (bilat_event_compare (month, drill_a) < 0);

  /* Unknown dates come after every known one. */
  assert_true (bilat_event_compare (drill_b, undated_a) < 0);
  assert_true (bilat_event_compare (undated_a, relations) > 0);

  /* The same date: by id. */
  assert_true (bilat_event_compare (drill_a, drill_b) < 0);
  assert_true (bilat_event_compare (drill_b, drill_a) > 0);
  assert_true (bilat_event_compare (undated_a, undated_b) < 0);
  assert_true (bilat_event_compare (undated_b, undated_a) > 0);

  /* Sorting a shuffled list gives the store's order. */
  g_ptr_array_add (events, undated_b);
  g_ptr_array_add (events, drill_b);
  g_ptr_array_add (events, month);
  g_ptr_array_add (events, undated_a);
  g_ptr_array_add (events, relations);
  g_ptr_array_add (events, drill_a);
  g_ptr_array_add (events, year);
  g_ptr_array_sort (events, compare_event_pointers);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_ptr_equal (g_ptr_array_index (events, i), expected[i]);
}

/* Exercise */

static void
test_exercise_new (void **state)
{
  g_autoptr(BilatExercise) drill = bilat_exercise_new ("friendship-2018");
  BilatEvent *event = BILAT_EVENT (drill);

  assert_true (BILAT_IS_EVENT (drill));
  assert_true (BILAT_IS_RECORD (drill));
  assert_string_equal (bilat_record_get_id (BILAT_RECORD (drill)), "friendship-2018");
  assert_null (bilat_exercise_get_series (drill));
  assert_int_equal (bilat_exercise_get_edition (drill), 0);
  assert_null (bilat_exercise_get_host (drill));
  assert_int_equal (bilat_exercise_get_domain (drill), BILAT_EXERCISE_DOMAIN_UNKNOWN);
  assert_null (bilat_exercise_get_focus (drill));

  /* What every event has works on an exercise. */
  bilat_event_add_participant (event, "PAK", BILAT_ROLE_PARTICIPANT);
  bilat_event_add_participant (event, "RUS", BILAT_ROLE_PARTICIPANT);
  bilat_event_set_sectors (event, BILAT_SECTOR_DEFENCE | BILAT_SECTOR_SECURITY);
  assert_int_equal (bilat_event_get_participants (event)->len, 2);
  assert_int_equal (bilat_event_get_sectors (event),
                    BILAT_SECTOR_DEFENCE | BILAT_SECTOR_SECURITY);
}

static void
test_exercise_properties (void **state)
{
  g_autoptr(BilatExercise) drill = bilat_exercise_new ("friendship-2018");
  BilatExerciseDomain domain;
  guint edition;
  NotifyCount count;

  check_string_property (drill, "series", "Friendship");
  check_string_property (drill, "host", "RUS");
  check_string_property (drill, "focus", "counter-terrorism");

  bilat_exercise_set_series (drill, "Friendship");
  bilat_exercise_set_host (drill, "PAK");
  bilat_exercise_set_focus (drill, "mountain warfare");
  assert_string_equal (bilat_exercise_get_series (drill), "Friendship");
  assert_string_equal (bilat_exercise_get_host (drill), "PAK");
  assert_string_equal (bilat_exercise_get_focus (drill), "mountain warfare");

  watch (drill, "edition", &count);
  bilat_exercise_set_edition (drill, 0);
  assert_int_equal (count.named, 0);
  bilat_exercise_set_edition (drill, 3);
  bilat_exercise_set_edition (drill, 3);
  assert_int_equal (bilat_exercise_get_edition (drill), 3);
  g_object_set (drill, "edition", G_MAXUINT, NULL);
  g_object_get (drill, "edition", &edition, NULL);
  assert_int_equal (edition, G_MAXUINT);
  assert_int_equal (count.named, 2);
  assert_int_equal (count.all, 2);
  unwatch (drill, &count);

  watch (drill, "domain", &count);
  bilat_exercise_set_domain (drill, BILAT_EXERCISE_DOMAIN_UNKNOWN);
  assert_int_equal (count.named, 0);
  bilat_exercise_set_domain (drill, BILAT_EXERCISE_DOMAIN_LAND);
  bilat_exercise_set_domain (drill, BILAT_EXERCISE_DOMAIN_LAND);
  g_object_set (drill, "domain", BILAT_EXERCISE_DOMAIN_JOINT, NULL);
  g_object_get (drill, "domain", &domain, NULL);
  assert_int_equal (domain, BILAT_EXERCISE_DOMAIN_JOINT);
  assert_int_equal (bilat_exercise_get_domain (drill), BILAT_EXERCISE_DOMAIN_JOINT);
  assert_int_equal (count.named, 2);
  assert_int_equal (count.all, 2);
  unwatch (drill, &count);
}

static void
test_exercise_inherited_properties (void **state)
{
  g_autoptr(BilatExercise) drill = NULL;
  g_autoptr(BilatDate) date = parse_date ("2016-09-24/2016-10-10");
  g_autoptr(BilatEvent) later = event_on ("visit-2017", "2017");
  g_autofree char *title = NULL;
  g_autofree char *series = NULL;

  drill = g_object_new (BILAT_TYPE_EXERCISE,
                        "id", "friendship-2016",
                        "title", "Friendship 2016",
                        "date", date,
                        "series", "Friendship",
                        "edition", 1,
                        NULL);

  g_object_get (drill, "title", &title, "series", &series, NULL);
  assert_string_equal (title, "Friendship 2016");
  assert_string_equal (series, "Friendship");
  assert_int_equal (bilat_exercise_get_edition (drill), 1);
  assert_ptr_equal (bilat_event_get_date (BILAT_EVENT (drill)), date);

  /* Exercises sort among events. */
  assert_true (bilat_event_compare (BILAT_EVENT (drill), later) < 0);
}

/* The participants as a live GListModel, the value of the property. */
static void
test_event_participants_model (void **state)
{
  g_autoptr(BilatEvent) event = bilat_event_new ("talks-2017");
  g_autoptr(GListModel) kept = NULL;
  g_autoptr(GListModel) from_property = NULL;
  g_autoptr(BilatParticipant) item = NULL;
  GListModel *model = bilat_event_get_participants_model (event);
  ItemsChanged last = { 0 };

  assert_true (g_list_model_get_item_type (model) == BILAT_TYPE_PARTICIPANT);
  assert_int_equal (g_list_model_get_n_items (model), 0);
  g_object_get (event, "participants", &from_property, NULL);
  assert_ptr_equal (from_property, model);
  assert_ptr_equal (bilat_event_get_participants_model (event), model);
  g_signal_connect (model, "items-changed", G_CALLBACK (record_items_changed), &last);

  bilat_event_add_participant (event, "PAK", BILAT_ROLE_INITIATOR);
  assert_items_changed (last, 1, 0, 0, 1);
  bilat_event_add_participant (event, "RUS", BILAT_ROLE_TARGET);
  assert_items_changed (last, 2, 1, 0, 1);
  /* the same role again: no change */
  bilat_event_add_participant (event, "RUS", BILAT_ROLE_TARGET);
  assert_int_equal (last.n_signals, 2);
  /* another role replaces the item in its place */
  bilat_event_add_participant (event, "PAK", BILAT_ROLE_MEDIATOR);
  assert_items_changed (last, 3, 0, 1, 1);
  item = g_list_model_get_item (model, 0);
  assert_ptr_equal (item, g_ptr_array_index (bilat_event_get_participants (event), 0));
  assert_int_equal (bilat_participant_get_role (item), BILAT_ROLE_MEDIATOR);
  assert_null (g_list_model_get_item (model, 2));

  assert_true (bilat_event_remove_participant (event, "PAK"));
  assert_items_changed (last, 4, 0, 1, 0);
  assert_int_equal (g_list_model_get_n_items (model), 1);

  /* the model may outlive the event */
  kept = g_object_ref (model);
  g_signal_handlers_disconnect_by_data (model, &last);
  g_clear_object (&event);
  assert_int_equal (g_list_model_get_n_items (kept), 1);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_participant),
    cmocka_unit_test (test_event_new),
    cmocka_unit_test (test_event_strings),
    cmocka_unit_test (test_event_cameo_code),
    cmocka_unit_test (test_event_date),
    cmocka_unit_test (test_event_place),
    cmocka_unit_test (test_event_sectors),
    cmocka_unit_test (test_event_participants),
    cmocka_unit_test (test_event_participant_role_change),
    cmocka_unit_test (test_event_participants_model),
    cmocka_unit_test (test_event_compare),
    cmocka_unit_test (test_exercise_new),
    cmocka_unit_test (test_exercise_properties),
    cmocka_unit_test (test_exercise_inherited_properties),
  };

  return cmocka_run_group_tests_name ("event", tests, NULL, NULL);
}
