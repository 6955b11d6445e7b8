/* test-query.c: filters over events and positions, and the query string form
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

#include "bilat-store-private.h"
#include "bilat-test-util.h"

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
add_actor (BilatStore *store,
           const char *id,
           const char *predecessor)
{
  g_autoptr(BilatActor) actor = bilat_actor_new (id, BILAT_ACTOR_KIND_STATE);
  g_autoptr(GError) error = NULL;

  if (predecessor != NULL)
    bilat_actor_set_predecessor (actor, predecessor);
  assert_true (bilat_store_add (store, BILAT_RECORD (actor), &error));
  assert_null (error);
}

static BilatEvent *
add_event (BilatStore  *store,
           GType        type,
           const char  *id,
           const char  *when,
           const char  *a,
           const char  *b,
           const char  *cameo,
           BilatSector  sectors,
           const char  *title)
{
  g_autoptr(BilatEvent) event = g_object_new (type, "id", id, NULL);
  g_autoptr(GError) error = NULL;

  if (when != NULL)
    {
      g_autoptr(BilatDate) d = date (when);
      bilat_event_set_date (event, d);
    }
  if (a != NULL)
    bilat_event_add_participant (event, a, BILAT_ROLE_INITIATOR);
  if (b != NULL)
    bilat_event_add_participant (event, b, BILAT_ROLE_TARGET);
  bilat_event_set_cameo_code (event, cameo);
  bilat_event_set_sectors (event, sectors);
  bilat_event_set_title (event, title);
  assert_true (bilat_store_add (store, BILAT_RECORD (event), &error));
  assert_null (error);
  return g_steal_pointer (&event);
}

static int
setup (void **state)
{
  BilatStore *store = bilat_store_new ();
  g_autoptr(BilatPosition) p1 = NULL;
  g_autoptr(BilatPosition) p2 = NULL;
  g_autoptr(BilatPosition) p3 = NULL;
  g_autoptr(BilatDate) d2018 = date ("2018");

  add_actor (store, "PAK", NULL);
  add_actor (store, "RUS", "SUN");
  add_actor (store, "SUN", NULL);
  add_actor (store, "IND", NULL);

  g_object_unref (add_event (store, BILAT_TYPE_EVENT, "e1948", "1948-05-01", "PAK", "SUN",
                             "054", BILAT_SECTOR_DIPLOMACY, "Relations established"));
  g_object_unref (add_event (store, BILAT_TYPE_EVENT, "e2015", "2015-07", "PAK", "RUS",
                             "040", BILAT_SECTOR_DIPLOMACY, "Meetings at Ufa"));
  g_object_unref (add_event (store, BILAT_TYPE_EXERCISE, "x2016", "2016", "PAK", "RUS",
                             "062", BILAT_SECTOR_DEFENCE, "Friendship drill"));
  g_object_unref (add_event (store, BILAT_TYPE_EXERCISE, "x2018", "2018-10-21/2018-11-04",
                             "RUS", "PAK", "062", BILAT_SECTOR_DEFENCE, "Friendship drill"));
  g_object_unref (add_event (store, BILAT_TYPE_EVENT, "i2018", "2018-12-31", "IND", "PAK",
                             "1123", BILAT_SECTOR_SECURITY, "Accusation"));
  g_object_unref (add_event (store, BILAT_TYPE_EVENT, "arms", NULL, "RUS", "PAK",
                             "085", BILAT_SECTOR_DEFENCE | BILAT_SECTOR_TRADE,
                             "Arms embargo lifted"));
  g_object_unref (add_event (store, BILAT_TYPE_EVENT, "nocode", "2017-03-02", "RUS", "IND",
                             NULL, BILAT_SECTOR_ENERGY, "Gas TALKS"));

  p1 = bilat_position_new ("pak-energy", "PAK", "energy", BILAT_STANCE_SUPPORTS);
  bilat_position_set_target (p1, "RUS");
  bilat_position_set_summary (p1, "Wants Russian gas");
  bilat_position_set_sectors (p1, BILAT_SECTOR_ENERGY);
  bilat_position_set_date (p1, d2018);
  p2 = bilat_position_new ("sun-energy", "SUN", "energy", BILAT_STANCE_OPPOSES);
  bilat_position_set_target (p2, "PAK");
  p3 = bilat_position_new ("ind-sco", "IND", "sco", BILAT_STANCE_NEUTRAL);
  assert_true (bilat_store_add (store, BILAT_RECORD (p1), NULL));
  assert_true (bilat_store_add (store, BILAT_RECORD (p2), NULL));
  assert_true (bilat_store_add (store, BILAT_RECORD (p3), NULL));

  *state = store;
  return 0;
}

static int
teardown (void **state)
{
  g_object_unref (*state);
  return 0;
}

/* The ids of the events a query finds, space-separated, in result order. */
static char *
find_ids (BilatStore *store,
          BilatQuery *query)
{
  g_autoptr(GListModel) found = bilat_store_find_events (store, query);

  assert_true (g_list_model_get_item_type (found) == BILAT_TYPE_EVENT);
  return list_ids (found);
}

static char *
find_parsed (BilatStore *store,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatQuery) query = bilat_query_parse (text, &error);

  assert_null (error);
  assert_non_null (query);
  return find_ids (store, query);
}

static char *
find_position_ids (BilatStore *store,
                   const char *text)
{
  g_autoptr(BilatQuery) query = bilat_query_parse (text, NULL);
  g_autoptr(GListModel) found = NULL;

  assert_non_null (query);
  found = bilat_store_find_positions (store, query);
  return list_ids (found);
}

#define assert_finds(store, text, expected) \
  G_STMT_START { \
    g_autofree char *found_ = find_parsed ((store), (text)); \
    assert_string_equal (found_, (expected)); \
  } G_STMT_END

static void
test_empty_query_finds_all_in_order (void **state)
{
  BilatStore *store = *state;
  g_autofree char *all = find_ids (store, NULL);

  assert_string_equal (all, "e1948 e2015 x2016 nocode x2018 i2018 arms");
  assert_finds (store, "", "e1948 e2015 x2016 nocode x2018 i2018 arms");
  assert_finds (store, "   ", "e1948 e2015 x2016 nocode x2018 i2018 arms");
}

static void
test_actors_any_of (void **state)
{
  BilatStore *store = *state;

  assert_finds (store, "actor:IND", "nocode i2018");
  assert_finds (store, "actor:IND,SUN", "e1948 nocode i2018");
  /* Repeated actor terms add up. */
  assert_finds (store, "actor:IND actor:SUN", "e1948 nocode i2018");
  assert_finds (store, "actor:XXX", "");
}

static void
test_dyad_either_direction (void **state)
{
  BilatStore *store = *state;

  assert_finds (store, "dyad:PAK,RUS", "e1948 e2015 x2016 x2018 arms");
  assert_finds (store, "dyad:RUS,PAK", "e1948 e2015 x2016 x2018 arms");
  assert_finds (store, "dyad:IND,PAK", "i2018");
  assert_finds (store, "dyad:IND,SUN", "");
}

static void
test_succession_on_and_off (void **state)
{
  BilatStore *store = *state;
  g_autoptr(BilatQuery) query = bilat_query_parse ("dyad:PAK,RUS", NULL);
  g_autoptr(BilatQuery) off = bilat_query_parse ("dyad:PAK,RUS succession:off", NULL);
  BilatEvent *e1948 = bilat_store_lookup_event (store, "e1948");
  BilatEvent *x2016 = bilat_store_lookup_event (store, "x2016");
  g_autofree char *note = NULL;
  static char untouched[] = "untouched";
  char *direct = untouched;
  g_autofree char *ids_off = NULL;

  assert_true (bilat_query_get_follow_succession (query));
  assert_true (bilat_query_match_event (query, store, e1948, &note));
  assert_string_equal (note, "SUN as predecessor of RUS");
  assert_true (bilat_query_match_event (query, store, x2016, &direct));
  assert_null (direct);

  /* The event's own participants are not rewritten. */
  assert_true (bilat_event_has_participant (e1948, "SUN", NULL));
  assert_false (bilat_event_has_participant (e1948, "RUS", NULL));

  assert_false (bilat_query_get_follow_succession (off));
  assert_false (bilat_query_match_event (off, store, e1948, NULL));
  ids_off = find_ids (store, off);
  assert_string_equal (ids_off, "e2015 x2016 x2018 arms");

  /* Without a store, ids match literally. */
  assert_false (bilat_query_match_event (query, NULL, e1948, NULL));

  /* Succession applies to the actors filter too, one way only: RUS stands
   * for SUN, but SUN does not stand for RUS. */
  assert_finds (store, "actor:RUS type:event cameo:05", "e1948");
  assert_finds (store, "actor:SUN", "e1948");
}

static void
test_period_overlap_by_precision (void **state)
{
  BilatStore *store = *state;

  /* year */
  assert_finds (store, "period:2018", "x2018 i2018");
  assert_finds (store, "period:1948", "e1948");
  /* month: the interval 2018-10-21/2018-11-04 overlaps both months */
  assert_finds (store, "period:2018-10", "x2018");
  assert_finds (store, "period:2018-11", "x2018");
  assert_finds (store, "period:2018-12", "i2018");
  /* day: edges are inclusive */
  assert_finds (store, "period:2018-11-04", "x2018");
  assert_finds (store, "period:2018-11-05", "");
  assert_finds (store, "period:2018-10-20", "");
  /* a month-precision event overlaps each of its days */
  assert_finds (store, "period:2015-07-31", "e2015");
  /* a year-precision event overlaps a month of its year */
  assert_finds (store, "period:2016-06", "x2016");
  /* from/to: open or closed, unknown dates never match a period */
  assert_finds (store, "from:2016", "x2016 nocode x2018 i2018");
  assert_finds (store, "to:2015-07-01", "e1948 e2015");
  assert_finds (store, "from:2015 to:2016", "e2015 x2016");
  assert_finds (store, "period:2015/2016", "e2015 x2016");
}

static void
test_type_cameo_quad_sector_text (void **state)
{
  BilatStore *store = *state;

  assert_finds (store, "type:exercise", "x2016 x2018");
  assert_finds (store, "type:event", "e1948 e2015 x2016 nocode x2018 i2018 arms");
  assert_finds (store, "cameo:06", "x2016 x2018");
  assert_finds (store, "cameo:0", "e1948 e2015 x2016 x2018 arms");
  assert_finds (store, "cameo:1123", "i2018");
  assert_finds (store, "quad:1", "e1948 e2015");
  assert_finds (store, "quad:material-cooperation", "x2016 x2018 arms");
  assert_finds (store, "quad:3", "i2018");
  assert_finds (store, "quad:4", "");
  assert_finds (store, "sector:trade", "arms");
  assert_finds (store, "sector:energy,security", "nocode i2018");
  assert_finds (store, "text:friendship", "x2016 x2018");
  assert_finds (store, "text:\"gas talks\"", "nocode");
  assert_finds (store, "text:EMBARGO", "arms");
}

static void
test_combined (void **state)
{
  BilatStore *store = *state;

  assert_finds (store, "dyad:PAK,RUS from:2015 to:2018 type:exercise", "x2016 x2018");
  assert_finds (store, "dyad:PAK,RUS sector:defence", "x2016 x2018 arms");
  assert_finds (store, "actor:RUS quad:2 period:2018", "x2018");
  assert_finds (store, "dyad:PAK,RUS text:ufa period:2015-07", "e2015");
}

static void
test_builder_api (void **state)
{
  BilatStore *store = *state;
  g_autoptr(BilatQuery) query = bilat_query_new ();
  g_autoptr(BilatDate) period = date ("2016/2018");
  g_autoptr(BilatDate) got = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *text = NULL;
  const char *a = NULL;
  const char *b = NULL;
  guint notified = 0;

  assert_false (bilat_query_get_dyad (query, &a, &b));
  bilat_query_set_dyad (query, "PAK", "RUS");
  assert_true (bilat_query_get_dyad (query, &a, &b));
  assert_string_equal (a, "PAK");
  assert_string_equal (b, "RUS");

  bilat_query_set_period (query, period);
  got = bilat_query_get_period (query);
  assert_true (bilat_date_equal (got, period));
  bilat_query_set_event_type (query, BILAT_TYPE_EXERCISE);
  assert_true (bilat_query_get_event_type (query) == BILAT_TYPE_EXERCISE);

  ids = find_ids (store, query);
  assert_string_equal (ids, "x2016 x2018");

  text = bilat_query_to_string (query);
  assert_string_equal (text, "dyad:PAK,RUS period:2016/2018 type:exercise");

  /* the dyad is a property too, notified once per change */
  {
    guint dyad_notified = 0;
    g_auto(GStrv) pair = NULL;
    gulong id = g_signal_connect_swapped (query, "notify::dyad",
                                          G_CALLBACK (g_atomic_int_inc), &dyad_notified);

    bilat_query_set_dyad (query, "PAK", "RUS");
    bilat_query_set_dyad (query, "PAK", "IND");
    g_object_get (query, "dyad", &pair, NULL);
    assert_int_equal (g_strv_length (pair), 2);
    assert_string_equal (pair[1], "IND");
    assert_int_equal (dyad_notified, 1);
    bilat_query_set_dyad (query, "PAK", "RUS");
    g_signal_handler_disconnect (query, id);
  }

  /* notify only on change */
  {
    gulong id = g_signal_connect_swapped (query, "notify::sectors",
                                          G_CALLBACK (g_atomic_int_inc), &notified);
    bilat_query_set_sectors (query, BILAT_SECTOR_DEFENCE);
    bilat_query_set_sectors (query, BILAT_SECTOR_DEFENCE);
    g_object_set (query, "sectors", BILAT_SECTOR_ENERGY, NULL);
    assert_int_equal (notified, 2);
    g_signal_handler_disconnect (query, id);
  }

  bilat_query_set_dyad (query, NULL, NULL);
  assert_false (bilat_query_get_dyad (query, NULL, NULL));
  bilat_query_set_period (query, NULL);
  assert_null (bilat_query_get_period (query));
}

static void
test_open_period_is_reported_closed (void **state)
{
  g_autoptr(BilatQuery) query = bilat_query_parse ("from:2015-07", NULL);
  g_autoptr(BilatDate) period = bilat_query_get_period (query);
  g_autofree char *text = bilat_date_to_string (period);

  assert_string_equal (text, "2015-07/9999");
}

/* A period open at one end, set and read through the API. */
static void
test_open_ended_period (void **state)
{
  BilatStore *store = *state;
  g_autoptr(BilatQuery) query = bilat_query_new ();
  g_autoptr(BilatDate) d2016 = date ("2016");
  g_autoptr(BilatDate) d2015 = date ("2015-07");
  g_autoptr(BilatDate) closed = NULL;
  g_autofree char *since_text = NULL;
  g_autofree char *until_text = NULL;
  g_autofree char *both_text = NULL;
  NotifyCount start_count, end_count, period_count;

  watch (query, "period-start", &start_count);
  bilat_query_set_period_start (query, d2016);
  assert_int_equal (start_count.named, 1);
  assert_true (bilat_query_get_period_start (query) == d2016);
  assert_null (bilat_query_get_period_end (query));
  since_text = bilat_query_to_string (query);
  assert_string_equal (since_text, "from:2016");
  /* dated events that end in 2016 or later; unknown dates are out */
  {
    g_autofree char *found = find_ids (store, query);
    assert_string_equal (found, "x2016 nocode x2018 i2018");
  }

  watch (query, "period-end", &end_count);
  watch (query, "period", &period_count);
  bilat_query_set_period_start (query, NULL);
  bilat_query_set_period_end (query, d2015);
  assert_int_equal (end_count.named, 1);
  assert_int_equal (period_count.named, 2);
  assert_null (bilat_query_get_period_start (query));
  until_text = bilat_query_to_string (query);
  assert_string_equal (until_text, "to:2015-07");
  {
    g_autofree char *found = find_ids (store, query);
    assert_string_equal (found, "e1948 e2015");
  }
  /* the closed span the period covers */
  closed = bilat_query_get_period (query);
  {
    g_autofree char *text = bilat_date_to_string (closed);
    assert_string_equal (text, "0001/2015-07");
  }

  /* both ends, and back to any time */
  bilat_query_set_period_start (query, d2015);
  both_text = bilat_query_to_string (query);
  assert_string_equal (both_text, "period:2015-07");
  bilat_query_set_period (query, NULL);
  assert_null (bilat_query_get_period_start (query));
  assert_null (bilat_query_get_period_end (query));
  {
    g_autofree char *found = find_ids (store, query);
    assert_string_equal (found, "e1948 e2015 x2016 nocode x2018 i2018 arms");
  }
  unwatch (query, &start_count);
  unwatch (query, &end_count);
  unwatch (query, &period_count);
}

static void
test_string_round_trip (void **state)
{
  const char *forms[] = {
    "",
    "actor:PAK,IND",
    "dyad:PAK,RUS from:2015 to:2018 type:exercise",
    "period:2018-10-21/2018-11-04",
    "cameo:062 quad:2 sector:defence,energy",
    "issue:energy text:\"gas and oil\" succession:off",
    "to:1990-12",
    "text:\"say \\\"hi\\\" now\"",
    "text:\"a\\\\b\"",
    "text:\"a\\\"b\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BilatQuery) query = bilat_query_parse (forms[i], &error);
      g_autofree char *printed = NULL;

      assert_null (error);
      printed = bilat_query_to_string (query);
      assert_string_equal (printed, forms[i]);
    }
}

/* Values with quotes and backslashes survive printing and parsing. */
static void
test_text_with_quotes_round_trips (void **state)
{
  const char *texts[] = { "say \"hi\" now", "a\"b", "back\\slash", "both \\\" here", "plain" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(BilatQuery) query = bilat_query_new ();
      g_autoptr(BilatQuery) parsed = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *printed = NULL;

      bilat_query_set_text (query, texts[i]);
      printed = bilat_query_to_string (query);
      parsed = bilat_query_parse (printed, &error);
      assert_null (error);
      assert_string_equal (bilat_query_get_text (parsed), texts[i]);
    }
}

static void
test_string_errors (void **state)
{
  const struct {
    const char *text;
    int code;
    const char *mentions;
  } cases[] = {
    { "dyad", BILAT_QUERY_ERROR_SYNTAX, "key:value" },
    { ":PAK", BILAT_QUERY_ERROR_SYNTAX, "key:value" },
    { "text:\"unclosed", BILAT_QUERY_ERROR_SYNTAX, "quote" },
    { "colour:red", BILAT_QUERY_ERROR_UNKNOWN_KEY, "colour" },
    { "dyad:PAK", BILAT_QUERY_ERROR_INVALID_VALUE, "two actor ids" },
    { "dyad:PAK,RUS,IND", BILAT_QUERY_ERROR_INVALID_VALUE, "two actor ids" },
    { "dyad:PAK,PAK", BILAT_QUERY_ERROR_INVALID_VALUE, "different" },
    { "from:2018-13", BILAT_QUERY_ERROR_INVALID_VALUE, "2018-13" },
    { "from:2019 to:2018", BILAT_QUERY_ERROR_INVALID_VALUE, "ends before" },
    { "period:2018 from:2017", BILAT_QUERY_ERROR_DUPLICATE_KEY, "period" },
    { "from:2017 from:2018", BILAT_QUERY_ERROR_DUPLICATE_KEY, "from" },
    { "type:summit", BILAT_QUERY_ERROR_INVALID_VALUE, "summit" },
    { "cameo:06a", BILAT_QUERY_ERROR_INVALID_VALUE, "06a" },
    { "cameo:01234", BILAT_QUERY_ERROR_INVALID_VALUE, "01234" },
    { "quad:5", BILAT_QUERY_ERROR_INVALID_VALUE, "quad" },
    { "sector:farming", BILAT_QUERY_ERROR_INVALID_VALUE, "farming" },
    { "sector:", BILAT_QUERY_ERROR_INVALID_VALUE, "no value" },
    { "succession:maybe", BILAT_QUERY_ERROR_INVALID_VALUE, "maybe" },
    { "actor:bad id!", BILAT_QUERY_ERROR_SYNTAX, "key:value" },
    { "actor:b@d", BILAT_QUERY_ERROR_INVALID_VALUE, "b@d" },
    { "text:\xff\xfe", BILAT_QUERY_ERROR_SYNTAX, "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BilatQuery) query = bilat_query_parse (cases[i].text, &error);

      if (query != NULL || error == NULL)
        fail_msg ("“%s” parsed", cases[i].text);
      if (!g_error_matches (error, BILAT_QUERY_ERROR, cases[i].code))
        fail_msg ("“%s”: got code %d (%s), wanted %d", cases[i].text,
                  error->code, error->message, cases[i].code);
      if (strstr (error->message, cases[i].mentions) == NULL)
        fail_msg ("“%s”: message “%s” does not mention “%s”", cases[i].text,
                  error->message, cases[i].mentions);
    }
}

static void
test_positions (void **state)
{
  BilatStore *store = *state;
  g_autofree char *all = find_position_ids (store, "");
  g_autofree char *energy = find_position_ids (store, "issue:energy");
  g_autofree char *dyad = find_position_ids (store, "dyad:RUS,PAK");
  g_autofree char *dyad_off = find_position_ids (store, "dyad:RUS,PAK succession:off");
  g_autofree char *by_actor = find_position_ids (store, "actor:IND");
  g_autofree char *by_target = find_position_ids (store, "actor:RUS succession:off");
  g_autofree char *dated = find_position_ids (store, "period:2018");
  g_autofree char *text = find_position_ids (store, "text:GAS sector:energy");
  g_autofree char *event_only = find_position_ids (store, "type:exercise cameo:06");

  assert_string_equal (all, "ind-sco pak-energy sun-energy");
  assert_string_equal (energy, "pak-energy sun-energy");
  assert_string_equal (dyad, "pak-energy sun-energy");
  assert_string_equal (dyad_off, "pak-energy");
  assert_string_equal (by_actor, "ind-sco");
  assert_string_equal (by_target, "pak-energy");
  assert_string_equal (dated, "pak-energy");
  assert_string_equal (text, "pak-energy");
  /* event-only criteria do not filter positions */
  assert_string_equal (event_only, "ind-sco pak-energy sun-energy");
}

static void
test_result_is_a_new_model (void **state)
{
  BilatStore *store = *state;
  g_autoptr(BilatQuery) query = bilat_query_parse ("type:exercise", NULL);
  g_autoptr(GListModel) first = bilat_store_find_events (store, query);
  g_autoptr(GListModel) second = bilat_store_find_events (store, query);
  g_autoptr(BilatEvent) event = NULL;

  assert_ptr_not_equal (first, second);
  assert_ptr_not_equal (first, bilat_store_get_events (store));
  assert_int_equal (g_list_model_get_n_items (first), 2);
  event = g_list_model_get_item (first, 0);
  /* The records themselves are shared with the store. */
  assert_ptr_equal (event, bilat_store_lookup_event (store, "x2016"));
}

/* The store answers actor and dyad queries from an index of the events of
 * each actor: after any sequence of changes, its answers must be those of
 * a plain scan of every event. */
static void
test_index_agrees_with_scan (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (1948);
  const char *actors[] = { "PAK", "RUS", "SUN", "IND", "CHN" };
  const char *queries[] = {
    "dyad:PAK,RUS", "dyad:RUS,PAK succession:off", "actor:IND", "actor:SUN,CHN",
    "dyad:PAK,RUS from:2001 to:2003-06", "actor:RUS period:2002-02", "dyad:IND,CHN to:2000",
    "dyad:PAK,SUN", "actor:XXX", "from:2004", "period:2001", "to:1999-06",
    "period:2002-03-04", "from:1999-12-31 to:2000-01-01",
  };

  add_actor (store, "PAK", NULL);
  add_actor (store, "RUS", "SUN");
  add_actor (store, "SUN", NULL);

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%03u", i);
      g_autofree char *when = NULL;
      int a = g_rand_int_range (rand, 0, 5);
      int b = (a + g_rand_int_range (rand, 1, 5)) % 5;

      if (i % 17 != 0)
        when = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 1998, 2006),
                                g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      if (i % 23 == 0 && when != NULL)
        {
          g_free (when);
          when = g_strdup_printf ("%04d/%04d", 1999 + i % 3, 2002 + i % 4);
        }
      g_object_unref (add_event (store, BILAT_TYPE_EVENT, id, when, actors[a], actors[b],
                                 "010", BILAT_SECTOR_NONE, "x"));
    }

  for (guint round = 0; round < 300; round++)
    {
      g_autofree char *id = g_strdup_printf ("e%03u", g_rand_int_range (rand, 0, 400));
      BilatEvent *event = bilat_store_lookup_event (store, id);

      if (event != NULL)
        {
          switch (round % 4)
            {
            case 0:
              bilat_event_add_participant (event, actors[g_rand_int_range (rand, 0, 5)],
                                           BILAT_ROLE_MEDIATOR);
              break;
            case 1:
              {
                GPtrArray *participants = bilat_event_get_participants (event);

                if (participants->len > 0)
                  {
                    g_autofree char *gone = g_strdup (bilat_participant_get_actor (
                                              g_ptr_array_index (participants, 0)));
                    bilat_event_remove_participant (event, gone);
                  }
              }
              break;
            case 2:
              {
                g_autofree char *when = g_strdup_printf ("%04d-%02d", g_rand_int_range (rand, 1998, 2006),
                                                         g_rand_int_range (rand, 1, 13));
                g_autoptr(BilatDate) date = bilat_date_parse (when, NULL);
                bilat_event_set_date (event, date);
              }
              break;
            default:
              assert_true (bilat_store_remove (store, BILAT_RECORD (event), NULL));
              break;
            }
        }

      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          g_autoptr(BilatQuery) query = bilat_query_parse (queries[q], NULL);
          g_autofree char *indexed = find_ids (store, query);
          GListModel *events = bilat_store_get_events (store);
          g_autoptr(GString) scanned = g_string_new (NULL);

          for (guint i = 0; i < g_list_model_get_n_items (events); i++)
            {
              g_autoptr(BilatEvent) each = g_list_model_get_item (events, i);

              if (!bilat_query_match_event (query, store, each, NULL))
                continue;
              if (scanned->len > 0)
                g_string_append_c (scanned, ' ');
              g_string_append (scanned, bilat_record_get_id (BILAT_RECORD (each)));
            }
          if (strcmp (indexed, scanned->str) != 0)
            fail_msg ("round %u, “%s”:\n index: %s\n scan:  %s", round, queries[q],
                      indexed, scanned->str);
        }
    }
}

/* The one succession walk, as every caller uses it: predecessors that form
 * a cycle end the walk, and a chain longer than the limit is cut there. */
static void
test_succession_cycle_and_deep_chain (void **state)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  const char *lineage[_BILAT_LINEAGE_MAX];
  g_autoptr(BilatAlignment) alignment = NULL;
  g_autoptr(BilatQuery) off = bilat_query_parse ("succession:off", NULL);
  g_autofree char *positions = NULL;
  guint n;

  /* a cycle of three, a state its own predecessor, a chain of 40 */
  add_actor (store, "CCA", "CCB");
  add_actor (store, "CCB", "CCC");
  add_actor (store, "CCC", "CCA");
  add_actor (store, "SLF", "SLF");
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("D%02u", i);
      g_autofree char *next = g_strdup_printf ("D%02u", i + 1);

      add_actor (store, id, i + 1 < 40 ? next : NULL);
    }
  add_actor (store, "ZZZ", NULL);

  n = _bilat_store_get_lineage (store, "CCA", lineage);
  assert_int_equal (n, 3);
  assert_string_equal (lineage[0], "CCA");
  assert_string_equal (lineage[1], "CCB");
  assert_string_equal (lineage[2], "CCC");
  n = _bilat_store_get_lineage (store, "CCC", lineage);
  assert_int_equal (n, 3);
  assert_string_equal (lineage[2], "CCB");
  assert_int_equal (_bilat_store_get_lineage (store, "SLF", lineage), 1);
  assert_int_equal (_bilat_store_get_lineage (store, "unknown", lineage), 1);
  assert_string_equal (lineage[0], "unknown");
  n = _bilat_store_get_lineage (store, "D00", lineage);
  assert_int_equal (n, _BILAT_LINEAGE_MAX);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("D%02u", i);

      assert_string_equal (lineage[i], id);
    }

  /* events and positions: every path of the query takes the same walk */
  g_object_unref (add_event (store, BILAT_TYPE_EVENT, "with-ccc", "2001", "CCC", "ZZZ",
                             NULL, BILAT_SECTOR_NONE, "Cycle"));
  g_object_unref (add_event (store, BILAT_TYPE_EVENT, "with-slf", "2002", "SLF", "ZZZ",
                             NULL, BILAT_SECTOR_NONE, "Itself"));
  g_object_unref (add_event (store, BILAT_TYPE_EVENT, "with-last", "2003",
                             "D31", "ZZZ", NULL, BILAT_SECTOR_NONE, "Last in reach"));
  g_object_unref (add_event (store, BILAT_TYPE_EVENT, "beyond", "2004",
                             "D32", "ZZZ", NULL, BILAT_SECTOR_NONE, "Beyond the limit"));
  assert_finds (store, "actor:CCA", "with-ccc");
  assert_finds (store, "dyad:CCB,ZZZ", "with-ccc");
  assert_finds (store, "actor:SLF", "with-slf");
  assert_finds (store, "actor:D00", "with-last");
  assert_finds (store, "dyad:ZZZ,D00", "with-last");
  assert_finds (store, "actor:D32", "beyond");
  assert_finds (store, "actor:CCA succession:off", "");

  {
    g_autoptr(BilatPosition) ccc = bilat_position_new ("ccc-gas", "CCC", "gas", BILAT_STANCE_SUPPORTS);
    g_autoptr(BilatPosition) zzz = bilat_position_new ("zzz-gas", "ZZZ", "gas", BILAT_STANCE_SUPPORTS);

    assert_true (bilat_store_add (store, BILAT_RECORD (ccc), NULL));
    assert_true (bilat_store_add (store, BILAT_RECORD (zzz), NULL));
  }
  positions = find_position_ids (store, "actor:CCB");
  assert_string_equal (positions, "ccc-gas");

  /* the alignment takes the walk too */
  alignment = bilat_store_align (store, "CCA", "ZZZ", NULL);
  assert_int_equal (bilat_alignment_get_n_shared (alignment), 1);
  g_clear_object (&alignment);
  alignment = bilat_store_align (store, "CCA", "ZZZ", off);
  assert_int_equal (bilat_alignment_get_n_shared (alignment), 0);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_empty_query_finds_all_in_order, setup, teardown),
    cmocka_unit_test_setup_teardown (test_actors_any_of, setup, teardown),
    cmocka_unit_test_setup_teardown (test_dyad_either_direction, setup, teardown),
    cmocka_unit_test_setup_teardown (test_succession_on_and_off, setup, teardown),
    cmocka_unit_test (test_succession_cycle_and_deep_chain),
    cmocka_unit_test_setup_teardown (test_period_overlap_by_precision, setup, teardown),
    cmocka_unit_test_setup_teardown (test_type_cameo_quad_sector_text, setup, teardown),
    cmocka_unit_test_setup_teardown (test_combined, setup, teardown),
    cmocka_unit_test_setup_teardown (test_builder_api, setup, teardown),
    cmocka_unit_test (test_open_period_is_reported_closed),
    cmocka_unit_test_setup_teardown (test_open_ended_period, setup, teardown),
    cmocka_unit_test (test_string_round_trip),
    cmocka_unit_test (test_text_with_quotes_round_trips),
    cmocka_unit_test (test_string_errors),
    cmocka_unit_test_setup_teardown (test_positions, setup, teardown),
    cmocka_unit_test_setup_teardown (test_result_is_a_new_model, setup, teardown),
    cmocka_unit_test (test_index_agrees_with_scan),
  };

  return cmocka_run_group_tests_name ("query", tests, NULL, NULL);
}
