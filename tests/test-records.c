/* test-records.c: the record base class, sources, actors, issues, positions
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

#include "bilat-record-private.h"

/* Record */

static void
test_valid_ids (void **state)
{
  const char *valid[] = {
    "PAK", "sco", "friendship-2018", "gdelt:812345678", "a", "7",
    "A.b_c:d-e", "2018-10-21", "x-",
  };
  const char *invalid[] = {
    "", "-pak", ".pak", "_pak", ":pak", "pak istan", "pak/rus", "pak\n",
    "Ærø", "pak\xff", "pak#1", "pak,rus",
  };
  g_autofree char *longest = g_strnfill (200, 'a');
  g_autofree char *too_long = g_strnfill (201, 'a');

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      if (!bilat_record_is_valid_id (valid[i]))
        fail_msg ("\"%s\" should be a valid id", valid[i]);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      if (bilat_record_is_valid_id (invalid[i]))
        fail_msg ("\"%s\" should not be a valid id", invalid[i]);
    }

  assert_false (bilat_record_is_valid_id (NULL));
  assert_true (bilat_record_is_valid_id (longest));
  assert_false (bilat_record_is_valid_id (too_long));
}

static void
test_record_type (void **state)
{
  g_autoptr(BilatIssue) issue = NULL;
  g_autofree char *id = NULL;

  assert_true (G_TYPE_IS_ABSTRACT (BILAT_TYPE_RECORD));
  assert_true (g_type_is_a (BILAT_TYPE_SOURCE, BILAT_TYPE_RECORD));
  assert_true (g_type_is_a (BILAT_TYPE_ACTOR, BILAT_TYPE_RECORD));
  assert_true (g_type_is_a (BILAT_TYPE_ISSUE, BILAT_TYPE_RECORD));
  assert_true (g_type_is_a (BILAT_TYPE_POSITION, BILAT_TYPE_RECORD));

  issue = g_object_new (BILAT_TYPE_ISSUE, "id", "gdelt:812345678", NULL);
  assert_string_equal (bilat_record_get_id (BILAT_RECORD (issue)), "gdelt:812345678");
  g_object_get (issue, "id", &id, NULL);
  assert_string_equal (id, "gdelt:812345678");
}

static void
test_citations (void **state)
{
  g_autoptr(BilatIssue) issue = bilat_issue_new ("energy");
  BilatRecord *record = BILAT_RECORD (issue);
  BilatCitation *first = bilat_citation_new ("oped", 4, 438, 1036, NULL);
  BilatCitation *second = bilat_citation_new ("oped", 6, -1, -1, "Friendship");
  g_autoptr(GListModel) read = NULL;
  g_autoptr(BilatCitation) read_item = NULL;
  GPtrArray *citations;
  NotifyCount count;

  citations = bilat_record_get_citations (record);
  assert_non_null (citations);
  assert_int_equal (citations->len, 0);

  watch (issue, "citations", &count);

  /* Clearing what is already empty changes nothing. */
  bilat_record_clear_citations (record);
  assert_int_equal (count.all, 0);

  bilat_record_add_citation (record, first);
  bilat_record_add_citation (record, second);
  assert_int_equal (count.named, 2);

  /* The record holds its own references. */
  g_object_unref (first);
  g_object_unref (second);

  citations = bilat_record_get_citations (record);
  assert_ptr_equal (citations, bilat_record_get_citations (record));
  assert_int_equal (citations->len, 2);
  assert_int_equal (bilat_citation_get_paragraph (g_ptr_array_index (citations, 0)), 4);
  assert_int_equal (bilat_citation_get_start (g_ptr_array_index (citations, 0)), 438);
  assert_int_equal (bilat_citation_get_paragraph (g_ptr_array_index (citations, 1)), 6);
  assert_string_equal (bilat_citation_get_quote (g_ptr_array_index (citations, 1)), "Friendship");

  g_object_get (issue, "citations", &read, NULL);
  assert_non_null (read);
  assert_int_equal (g_list_model_get_n_items (read), 2);
  read_item = g_list_model_get_item (read, 1);
  assert_ptr_equal (read_item, g_ptr_array_index (citations, 1));

  bilat_record_clear_citations (record);
  assert_int_equal (count.named, 3);
  assert_int_equal (bilat_record_get_citations (record)->len, 0);

  bilat_record_clear_citations (record);
  assert_int_equal (count.named, 3);
  assert_int_equal (count.all, 3);
  unwatch (issue, &count);
}

/* The citations as a live GListModel, the value of the property. */
static void
test_citations_model (void **state)
{
  g_autoptr(BilatIssue) issue = bilat_issue_new ("energy");
  g_autoptr(BilatCitation) first = bilat_citation_new ("oped", 4, -1, -1, NULL);
  g_autoptr(BilatCitation) item = NULL;
  g_autoptr(GListModel) from_property = NULL;
  GListModel *model = bilat_record_get_citations_model (BILAT_RECORD (issue));
  ItemsChanged last = { 0 };

  assert_true (g_list_model_get_item_type (model) == BILAT_TYPE_CITATION);
  g_object_get (issue, "citations", &from_property, NULL);
  assert_ptr_equal (from_property, model);
  g_signal_connect (model, "items-changed", G_CALLBACK (record_items_changed), &last);

  bilat_record_add_citation (BILAT_RECORD (issue), first);
  assert_items_changed (last, 1, 0, 0, 1);
  bilat_record_add_citation (BILAT_RECORD (issue), first);
  assert_items_changed (last, 2, 1, 0, 1);
  item = g_list_model_get_item (model, 1);
  assert_ptr_equal (item, first);
  bilat_record_clear_citations (BILAT_RECORD (issue));
  assert_items_changed (last, 3, 0, 2, 0);
  assert_int_equal (g_list_model_get_n_items (model), 0);
  /* clearing nothing is no change */
  bilat_record_clear_citations (BILAT_RECORD (issue));
  assert_int_equal (last.n_signals, 3);
  g_signal_handlers_disconnect_by_data (model, &last);
}

static void
test_private_helpers (void **state)
{
  g_autofree char *field = NULL;
  g_autofree char *key = NULL;
  g_autofree char *composed = NULL;
  g_autofree char *decomposed = NULL;

  assert_false (_bilat_set_str (&field, NULL));
  assert_true (_bilat_set_str (&field, "Friendship"));
  assert_string_equal (field, "Friendship");
  assert_false (_bilat_set_str (&field, "Friendship"));
  /* A value inside the string being replaced. */
  assert_true (_bilat_set_str (&field, field + 6));
  assert_string_equal (field, "ship");
  assert_true (_bilat_set_str (&field, NULL));
  assert_null (field);

  assert_true (_bilat_enum_is_valid (BILAT_TYPE_STANCE, BILAT_STANCE_CONSIDERING));
  assert_false (_bilat_enum_is_valid (BILAT_TYPE_STANCE, BILAT_STANCE_CONSIDERING + 1));
  assert_false (_bilat_enum_is_valid (BILAT_TYPE_STANCE, -1));
  assert_true (_bilat_flags_are_valid (BILAT_TYPE_SECTOR, BILAT_SECTOR_NONE));
  assert_true (_bilat_flags_are_valid (BILAT_TYPE_SECTOR,
                                       BILAT_SECTOR_DEFENCE | BILAT_SECTOR_INDUSTRY));
  assert_false (_bilat_flags_are_valid (BILAT_TYPE_SECTOR, BILAT_SECTOR_INDUSTRY << 1));

  assert_true (_bilat_is_valid_optional_id (NULL));
  assert_true (_bilat_is_valid_optional_id ("SUN"));
  assert_false (_bilat_is_valid_optional_id (""));

  key = _bilat_alias_key ("KREMLIN");
  assert_string_equal (key, "kremlin");
  composed = _bilat_alias_key ("Z\xc3\xbcrich");    /* ü as one code point */
  decomposed = _bilat_alias_key ("Zu\xcc\x88rich"); /* u + combining diaeresis */
  assert_string_equal (composed, decomposed);
  assert_null (_bilat_alias_key ("\xff"));
}

/* Source */

static void
test_source_new (void **state)
{
  g_autoptr(BilatSource) source = bilat_source_new ("oped");

  assert_true (BILAT_IS_SOURCE (source));
  assert_string_equal (bilat_record_get_id (BILAT_RECORD (source)), "oped");
  assert_null (bilat_source_get_title (source));
  assert_null (bilat_source_get_author (source));
  assert_null (bilat_source_get_publisher (source));
  assert_null (bilat_source_get_published (source));
  assert_null (bilat_source_get_url (source));
}

static void
test_source_properties (void **state)
{
  g_autoptr(BilatSource) source = bilat_source_new ("oped");

  check_string_property (source, "title", "Pakistan and Russia: an evolving relationship");
  check_string_property (source, "author", "A. Author");
  check_string_property (source, "publisher", "Daily Times");
  check_string_property (source, "url", "https://example.org/oped");

  bilat_source_set_title (source, "Title");
  bilat_source_set_author (source, "Author");
  bilat_source_set_publisher (source, "Publisher");
  bilat_source_set_url (source, "https://example.org/");
  assert_string_equal (bilat_source_get_title (source), "Title");
  assert_string_equal (bilat_source_get_author (source), "Author");
  assert_string_equal (bilat_source_get_publisher (source), "Publisher");
  assert_string_equal (bilat_source_get_url (source), "https://example.org/");
}

static void
test_source_published (void **state)
{
  g_autoptr(BilatSource) source = bilat_source_new ("oped");
  g_autoptr(BilatDate) date = parse_date ("2019-02-12");
  g_autoptr(BilatDate) same = parse_date ("2019-02-12");
  g_autoptr(BilatDate) month = parse_date ("2019-02");
  g_autoptr(BilatDate) read = NULL;
  NotifyCount count;

  watch (source, "published", &count);

  bilat_source_set_published (source, date);
  assert_ptr_equal (bilat_source_get_published (source), date);
  assert_int_equal (count.named, 1);

  /* An equal date is no change, even as another instance. */
  bilat_source_set_published (source, same);
  assert_ptr_equal (bilat_source_get_published (source), date);
  assert_int_equal (count.named, 1);

  /* A coarser date of the same day is a change. */
  g_object_set (source, "published", month, NULL);
  g_object_get (source, "published", &read, NULL);
  assert_true (bilat_date_equal (read, month));
  assert_int_equal (count.named, 2);

  bilat_source_set_published (source, NULL);
  assert_null (bilat_source_get_published (source));
  bilat_source_set_published (source, NULL);
  assert_int_equal (count.named, 3);
  assert_int_equal (count.all, 3);
  unwatch (source, &count);
}

/* Actor */

static void
test_actor_new (void **state)
{
  g_autoptr(BilatActor) pak = bilat_actor_new ("PAK", BILAT_ACTOR_KIND_STATE);
  g_autoptr(BilatActor) sco = bilat_actor_new ("sco", BILAT_ACTOR_KIND_ORGANISATION);
  g_autoptr(BilatActor) plain = g_object_new (BILAT_TYPE_ACTOR, "id", "taliban", NULL);
  BilatActorKind kind;

  assert_string_equal (bilat_record_get_id (BILAT_RECORD (pak)), "PAK");
  assert_int_equal (bilat_actor_get_kind (pak), BILAT_ACTOR_KIND_STATE);
  assert_int_equal (bilat_actor_get_kind (sco), BILAT_ACTOR_KIND_ORGANISATION);
  g_object_get (sco, "kind", &kind, NULL);
  assert_int_equal (kind, BILAT_ACTOR_KIND_ORGANISATION);

  /* The default kind is a state. */
  assert_int_equal (bilat_actor_get_kind (plain), BILAT_ACTOR_KIND_STATE);

  assert_null (bilat_actor_get_affiliation (pak));
  assert_null (bilat_actor_get_predecessor (pak));
  assert_non_null (bilat_actor_get_aliases (pak));
  assert_null (bilat_actor_get_aliases (pak)[0]);
}

static void
test_actor_name (void **state)
{
  g_autoptr(BilatActor) pak = bilat_actor_new ("PAK", BILAT_ACTOR_KIND_STATE);
  g_autoptr(BilatActor) sco = bilat_actor_new ("sco", BILAT_ACTOR_KIND_ORGANISATION);
  g_autoptr(BilatActor) unknown = bilat_actor_new ("XXX", BILAT_ACTOR_KIND_STATE);
  g_autofree char *read = NULL;
  NotifyCount count;

  /* A state without a name set takes the one of iso-codes. */
  assert_string_equal (bilat_actor_get_name (pak), "Pakistan");
  assert_null (bilat_actor_get_own_name (pak));
  g_object_get (pak, "name", &read, NULL);
  assert_string_equal (read, "Pakistan");

  /* Other actors, and codes iso-codes does not have, have no name. */
  assert_null (bilat_actor_get_name (sco));
  assert_null (bilat_actor_get_name (unknown));

  watch (pak, "name", &count);
  bilat_actor_set_name (pak, "Islamic Republic of Pakistan");
  assert_string_equal (bilat_actor_get_name (pak), "Islamic Republic of Pakistan");
  assert_string_equal (bilat_actor_get_own_name (pak), "Islamic Republic of Pakistan");
  assert_int_equal (count.named, 1);

  bilat_actor_set_name (pak, "Islamic Republic of Pakistan");
  assert_int_equal (count.named, 1);

  /* Back to the iso-codes name: the own name goes, and that is a change. */
  g_object_set (pak, "name", NULL, NULL);
  assert_null (bilat_actor_get_own_name (pak));
  assert_string_equal (bilat_actor_get_name (pak), "Pakistan");
  assert_int_equal (count.named, 2);

  /* Setting the name it already has changes the own name only, which the
   * property does not show. */
  bilat_actor_set_name (pak, "Pakistan");
  assert_string_equal (bilat_actor_get_own_name (pak), "Pakistan");
  assert_int_equal (count.named, 2);
  assert_int_equal (count.all, 2);
  unwatch (pak, &count);

  watch (sco, "name", &count);
  bilat_actor_set_name (sco, "Shanghai Cooperation Organisation");
  assert_string_equal (bilat_actor_get_name (sco), "Shanghai Cooperation Organisation");
  bilat_actor_set_name (sco, NULL);
  assert_null (bilat_actor_get_name (sco));
  assert_int_equal (count.named, 2);
  unwatch (sco, &count);
}

static void
test_actor_kind (void **state)
{
  g_autoptr(BilatActor) pak = bilat_actor_new ("PAK", BILAT_ACTOR_KIND_STATE);
  NotifyCount kind_count;
  guint name_notifies = 0;

  watch (pak, "kind", &kind_count);
  g_signal_connect (pak, "notify::name", G_CALLBACK (count_notify), &name_notifies);

  bilat_actor_set_kind (pak, BILAT_ACTOR_KIND_STATE);
  assert_int_equal (kind_count.all, 0);

  /* Only states take a name from iso-codes: the name changes with the kind. */
  bilat_actor_set_kind (pak, BILAT_ACTOR_KIND_ORGANISATION);
  assert_int_equal (bilat_actor_get_kind (pak), BILAT_ACTOR_KIND_ORGANISATION);
  assert_null (bilat_actor_get_name (pak));
  assert_int_equal (kind_count.named, 1);
  assert_int_equal (name_notifies, 1);
  assert_int_equal (kind_count.all, 2);

  /* Between two kinds that are not states, the name stays unset. */
  g_object_set (pak, "kind", BILAT_ACTOR_KIND_GROUP, NULL);
  assert_int_equal (bilat_actor_get_kind (pak), BILAT_ACTOR_KIND_GROUP);
  assert_int_equal (kind_count.named, 2);
  assert_int_equal (name_notifies, 1);

  bilat_actor_set_kind (pak, BILAT_ACTOR_KIND_STATE);
  assert_string_equal (bilat_actor_get_name (pak), "Pakistan");
  assert_int_equal (name_notifies, 2);

  /* With a name of its own, the kind does not change the name. */
  bilat_actor_set_name (pak, "Pakistan (state)");
  assert_int_equal (name_notifies, 3);
  bilat_actor_set_kind (pak, BILAT_ACTOR_KIND_PERSON);
  assert_int_equal (kind_count.named, 4);
  assert_int_equal (name_notifies, 3);
  assert_string_equal (bilat_actor_get_name (pak), "Pakistan (state)");

  unwatch (pak, &kind_count);
  g_signal_handlers_disconnect_by_data (pak, &name_notifies);
}

static void
test_actor_aliases (void **state)
{
  g_autoptr(BilatActor) rus = bilat_actor_new ("RUS", BILAT_ACTOR_KIND_STATE);
  const char * const *aliases;
  NotifyCount count;

  watch (rus, "aliases", &count);

  bilat_actor_add_alias (rus, "Moscow");
  bilat_actor_add_alias (rus, "Kremlin");
  assert_int_equal (count.named, 2);

  /* The same alias in another case is already there. */
  bilat_actor_add_alias (rus, "KREMLIN");
  bilat_actor_add_alias (rus, "moscow");
  assert_int_equal (count.named, 2);

  aliases = bilat_actor_get_aliases (rus);
  assert_int_equal (g_strv_length ((char **) aliases), 2);
  assert_string_equal (aliases[0], "Moscow");
  assert_string_equal (aliases[1], "Kremlin");

  assert_true (bilat_actor_has_alias (rus, "Kremlin"));
  assert_true (bilat_actor_has_alias (rus, "kremlin"));
  assert_true (bilat_actor_has_alias (rus, "MOSCOW"));
  assert_false (bilat_actor_has_alias (rus, "Islamabad"));
  assert_false (bilat_actor_has_alias (rus, "Mosco"));
  assert_false (bilat_actor_has_alias (rus, ""));
  /* An alias from data may be invalid UTF-8: it matches nothing. */
  assert_false (bilat_actor_has_alias (rus, "Kreml\xff"));
  /* Aliases are not the id or the name. */
  assert_false (bilat_actor_has_alias (rus, "RUS"));

  /* Case folding is Unicode-wide: Кремль and КРЕМЛЬ. */
  bilat_actor_add_alias (rus, "\xd0\x9a\xd1\x80\xd0\xb5\xd0\xbc\xd0\xbb\xd1\x8c");
  assert_int_equal (count.named, 3);
  assert_true (bilat_actor_has_alias (rus,
                                      "\xd0\x9a\xd0\xa0\xd0\x95\xd0\x9c\xd0\x9b\xd0\xac"));
  assert_int_equal (count.all, 3);
  unwatch (rus, &count);
}

static void
test_actor_set_aliases (void **state)
{
  g_autoptr(BilatActor) pak = bilat_actor_new ("PAK", BILAT_ACTOR_KIND_STATE);
  const char * const capitals[] = { "Islamabad", "Rawalpindi", NULL };
  const char * const repeated[] = { "Islamabad", "ISLAMABAD", "Rawalpindi", "islamabad", NULL };
  const char * const reordered[] = { "Rawalpindi", "Islamabad", NULL };
  const char * const empty[] = { NULL };
  g_auto(GStrv) read = NULL;
  NotifyCount count;

  watch (pak, "aliases", &count);

  bilat_actor_set_aliases (pak, capitals);
  assert_true (g_strv_equal (bilat_actor_get_aliases (pak), capitals));
  assert_int_equal (count.named, 1);

  /* Duplicates that differ only in case collapse to the first. */
  bilat_actor_set_aliases (pak, repeated);
  assert_true (g_strv_equal (bilat_actor_get_aliases (pak), capitals));
  assert_int_equal (count.named, 1);

  bilat_actor_set_aliases (pak, reordered);
  assert_true (g_strv_equal (bilat_actor_get_aliases (pak), reordered));
  assert_int_equal (count.named, 2);

  g_object_get (pak, "aliases", &read, NULL);
  assert_true (g_strv_equal ((const char * const *) read, reordered));
  g_clear_pointer (&read, g_strfreev);

  g_object_set (pak, "aliases", capitals, NULL);
  assert_true (g_strv_equal (bilat_actor_get_aliases (pak), capitals));
  assert_int_equal (count.named, 3);

  /* NULL and an empty array both mean no aliases; only the first clears. */
  bilat_actor_set_aliases (pak, NULL);
  assert_non_null (bilat_actor_get_aliases (pak));
  assert_null (bilat_actor_get_aliases (pak)[0]);
  assert_int_equal (count.named, 4);
  bilat_actor_set_aliases (pak, empty);
  g_object_set (pak, "aliases", NULL, NULL);
  assert_int_equal (count.named, 4);

  g_object_get (pak, "aliases", &read, NULL);
  assert_non_null (read);
  assert_null (read[0]);

  bilat_actor_add_alias (pak, "Islamabad");
  assert_false (bilat_actor_has_alias (pak, "Rawalpindi"));
  assert_true (bilat_actor_has_alias (pak, "islamabad"));
  assert_int_equal (count.named, 5);
  assert_int_equal (count.all, 5);
  unwatch (pak, &count);
}

static void
test_actor_references (void **state)
{
  g_autoptr(BilatActor) rus = bilat_actor_new ("RUS", BILAT_ACTOR_KIND_STATE);
  g_autoptr(BilatActor) putin = bilat_actor_new ("putin", BILAT_ACTOR_KIND_PERSON);

  check_string_property (rus, "predecessor", "SUN");
  check_string_property (putin, "affiliation", "RUS");
  check_string_property (putin, "speaks-for", "RUS");

  bilat_actor_set_predecessor (rus, "SUN");
  bilat_actor_set_affiliation (putin, "RUS");
  assert_string_equal (bilat_actor_get_predecessor (rus), "SUN");
  assert_string_equal (bilat_actor_get_affiliation (putin), "RUS");
  assert_null (bilat_actor_get_affiliation (rus));
  assert_null (bilat_actor_get_predecessor (putin));

  assert_null (bilat_actor_get_speaks_for (putin));
  bilat_actor_set_speaks_for (putin, "RUS");
  assert_string_equal (bilat_actor_get_speaks_for (putin), "RUS");
  bilat_actor_set_speaks_for (putin, NULL);
  assert_null (bilat_actor_get_speaks_for (putin));
}

/* Issue */

static void
test_issue (void **state)
{
  g_autoptr(BilatIssue) issue = bilat_issue_new ("sco-membership");
  NotifyCount count;

  assert_string_equal (bilat_record_get_id (BILAT_RECORD (issue)), "sco-membership");
  assert_null (bilat_issue_get_title (issue));
  assert_null (bilat_issue_get_description (issue));

  check_string_property (issue, "title", "SCO membership");
  check_string_property (issue, "description", "Pakistan's accession to the SCO");

  watch (issue, "title", &count);
  bilat_issue_set_title (issue, "Energy");
  /* Setting a getter's own result is no change and must not free it first. */
  bilat_issue_set_title (issue, bilat_issue_get_title (issue));
  assert_string_equal (bilat_issue_get_title (issue), "Energy");
  bilat_issue_set_title (issue, "Energy cooperation");
  assert_string_equal (bilat_issue_get_title (issue), "Energy cooperation");
  assert_int_equal (count.named, 2);
  unwatch (issue, &count);

  bilat_issue_set_description (issue, "Oil, gas and pipelines");
  assert_string_equal (bilat_issue_get_description (issue), "Oil, gas and pipelines");
  /* An empty string is a value, not the absence of one. */
  bilat_issue_set_description (issue, "");
  assert_string_equal (bilat_issue_get_description (issue), "");
}

/* Position */

static void
test_position_new (void **state)
{
  g_autoptr(BilatPosition) position =
    bilat_position_new ("rus-sco", "RUS", "sco-membership", BILAT_STANCE_CONSIDERING);
  g_autoptr(BilatPosition) built = NULL;
  g_autofree char *holder = NULL;
  BilatStance stance;

  assert_string_equal (bilat_record_get_id (BILAT_RECORD (position)), "rus-sco");
  assert_string_equal (bilat_position_get_holder (position), "RUS");
  assert_string_equal (bilat_position_get_issue (position), "sco-membership");
  assert_int_equal (bilat_position_get_stance (position), BILAT_STANCE_CONSIDERING);
  assert_null (bilat_position_get_target (position));
  assert_null (bilat_position_get_date (position));
  assert_null (bilat_position_get_summary (position));
  assert_int_equal (bilat_position_get_sectors (position), BILAT_SECTOR_NONE);

  built = g_object_new (BILAT_TYPE_POSITION,
                        "id", "pak-cpec",
                        "holder", "PAK",
                        "issue", "cpec",
                        NULL);
  g_object_get (built, "holder", &holder, "stance", &stance, NULL);
  assert_string_equal (holder, "PAK");
  assert_string_equal (bilat_position_get_issue (built), "cpec");
  assert_int_equal (stance, BILAT_STANCE_SUPPORTS);
}

static void
test_position_properties (void **state)
{
  g_autoptr(BilatPosition) position =
    bilat_position_new ("rus-sco", "RUS", "sco-membership", BILAT_STANCE_SUPPORTS);
  NotifyCount count;
  BilatStance stance;
  BilatSector sectors;

  check_string_property (position, "target", "PAK");
  check_string_property (position, "summary", "Russia backs Pakistan's bid.");

  watch (position, "holder", &count);
  bilat_position_set_holder (position, "RUS");
  assert_int_equal (count.named, 0);
  bilat_position_set_holder (position, "SUN");
  g_object_set (position, "holder", "SUN", NULL);
  assert_string_equal (bilat_position_get_holder (position), "SUN");
  assert_int_equal (count.named, 1);
  unwatch (position, &count);

  watch (position, "issue", &count);
  g_object_set (position, "issue", "energy", NULL);
  bilat_position_set_issue (position, "energy");
  assert_string_equal (bilat_position_get_issue (position), "energy");
  assert_int_equal (count.named, 1);
  unwatch (position, &count);

  watch (position, "stance", &count);
  bilat_position_set_stance (position, BILAT_STANCE_SUPPORTS);
  assert_int_equal (count.named, 0);
  bilat_position_set_stance (position, BILAT_STANCE_OPPOSES);
  g_object_set (position, "stance", BILAT_STANCE_NEUTRAL, NULL);
  g_object_get (position, "stance", &stance, NULL);
  assert_int_equal (stance, BILAT_STANCE_NEUTRAL);
  bilat_position_set_stance (position, BILAT_STANCE_NEUTRAL);
  assert_int_equal (count.named, 2);
  unwatch (position, &count);

  watch (position, "sectors", &count);
  bilat_position_set_sectors (position, BILAT_SECTOR_NONE);
  assert_int_equal (count.named, 0);
  bilat_position_set_sectors (position, BILAT_SECTOR_ENERGY | BILAT_SECTOR_TRADE);
  bilat_position_set_sectors (position, BILAT_SECTOR_TRADE | BILAT_SECTOR_ENERGY);
  assert_int_equal (bilat_position_get_sectors (position),
                    BILAT_SECTOR_ENERGY | BILAT_SECTOR_TRADE);
  g_object_set (position, "sectors", BILAT_SECTOR_DIPLOMACY, NULL);
  g_object_get (position, "sectors", &sectors, NULL);
  assert_int_equal (sectors, BILAT_SECTOR_DIPLOMACY);
  assert_int_equal (count.named, 2);
  assert_int_equal (count.all, 2);
  unwatch (position, &count);
}

static void
test_position_date (void **state)
{
  g_autoptr(BilatPosition) position =
    bilat_position_new ("rus-sco", "RUS", "sco-membership", BILAT_STANCE_SUPPORTS);
  g_autoptr(BilatDate) year = parse_date ("2015");
  g_autoptr(BilatDate) same = parse_date ("2015");
  g_autoptr(BilatDate) interval = parse_date ("2015-07/2017-06");
  g_autoptr(BilatDate) read = NULL;
  NotifyCount count;

  watch (position, "date", &count);
  bilat_position_set_date (position, year);
  bilat_position_set_date (position, same);
  assert_ptr_equal (bilat_position_get_date (position), year);
  assert_int_equal (count.named, 1);

  g_object_set (position, "date", interval, NULL);
  g_object_get (position, "date", &read, NULL);
  assert_true (bilat_date_equal (read, interval));
  assert_int_equal (count.named, 2);

  g_object_set (position, "date", NULL, NULL);
  assert_null (bilat_position_get_date (position));
  assert_int_equal (count.named, 3);
  assert_int_equal (count.all, 3);
  unwatch (position, &count);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_valid_ids),
    cmocka_unit_test (test_record_type),
    cmocka_unit_test (test_citations),
    cmocka_unit_test (test_citations_model),
    cmocka_unit_test (test_private_helpers),
    cmocka_unit_test (test_source_new),
    cmocka_unit_test (test_source_properties),
    cmocka_unit_test (test_source_published),
    cmocka_unit_test (test_actor_new),
    cmocka_unit_test (test_actor_name),
    cmocka_unit_test (test_actor_kind),
    cmocka_unit_test (test_actor_aliases),
    cmocka_unit_test (test_actor_set_aliases),
    cmocka_unit_test (test_actor_references),
    cmocka_unit_test (test_issue),
    cmocka_unit_test (test_position_new),
    cmocka_unit_test (test_position_properties),
    cmocka_unit_test (test_position_date),
  };

  return cmocka_run_group_tests_name ("records", tests, NULL, NULL);
}
