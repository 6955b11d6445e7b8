/* bilat-list.c: the listing commands of the bilat tool (timeline,
 * exercises, positions and the catalogues of actors, issues and sources)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "bilat-tool.h"

/* With --json, a listing is the array of its records in the shape of
 * the data format. */
static gboolean
print_json_records (GListModel *records)
{
  g_autoptr(JsonNode) node = tool_records_to_json (records);

  tool_print_json (stdout, node);
  return TRUE;
}

/* Events. */

static const ToolColumn timeline_columns[] = {
  { "DATE", 0, 0, 0 },
  { "EVENT", 3, 16, 0 },
  { "ACTORS", 1, 7, 0 },
  { "TITLE", 2, 18, TOOL_COLUMN_HIDE_EMPTY | TOOL_COLUMN_WRAP },
};

gboolean
tool_run_timeline (Tool    *tool,
                   char   **args,
                   GError **error)
{
  g_autoptr(BilatQuery) query = tool_build_query (tool, error);
  g_autoptr(GListModel) events = NULL;
  g_autoptr(ToolTable) table = NULL;
  guint n;

  if (query == NULL)
    return FALSE;

  events = bilat_store_find_events (tool->store, query);
  if (tool->json)
    return print_json_records (events);

  n = g_list_model_get_n_items (events);
  table = tool_table_new (timeline_columns, G_N_ELEMENTS (timeline_columns));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatEvent) event = g_list_model_get_item (events, i);
      g_autofree char *date = tool_date_text (bilat_event_get_date (event));
      g_autofree char *actors = tool_participants_text (event);
      g_autofree char *note = NULL;

      tool_table_add_row (table, (const char *[]) {
        date, bilat_record_get_id (BILAT_RECORD (event)), actors, bilat_event_get_title (event),
      });

      /* Rows that match through state succession say which state the
       * participant stands for. */
      bilat_query_match_event (query, tool->store, event, &note);
      if (note != NULL)
        tool_table_add_note (table, note);
    }

  tool_table_print (table, stdout, "No events match.");
  return TRUE;
}

static const ToolColumn exercise_columns[] = {
  { "DATES", 0, 0, 0 },
  { "EXERCISE", 3, 16, 0 },
  { "SERIES", 2, 10, TOOL_COLUMN_HIDE_EMPTY },
  { "ED.", 0, 0, TOOL_COLUMN_RIGHT | TOOL_COLUMN_HIDE_EMPTY },
  { "HOST", 0, 0, 0 },
  { "PLACE", 1, 12, TOOL_COLUMN_WRAP },
};

gboolean
tool_run_exercises (Tool    *tool,
                    char   **args,
                    GError **error)
{
  g_autoptr(BilatQuery) query = tool_build_query (tool, error);
  g_autoptr(GListModel) exercises = NULL;
  g_autoptr(ToolTable) table = NULL;
  guint n;

  if (query == NULL)
    return FALSE;

  bilat_query_set_event_type (query, BILAT_TYPE_EXERCISE);
  /* Counted per period rather than listed. */
  if (tool->by != NULL || tool->csv || tool->tsv)
    return tool_run_exercise_counts (tool, query, error);

  exercises = bilat_store_find_events (tool->store, query);
  if (tool->json)
    return print_json_records (exercises);

  n = g_list_model_get_n_items (exercises);
  table = tool_table_new (exercise_columns, G_N_ELEMENTS (exercise_columns));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatExercise) exercise = g_list_model_get_item (exercises, i);
      BilatEvent *event = BILAT_EVENT (exercise);
      g_autofree char *date = tool_date_text (bilat_event_get_date (event));
      g_autofree char *place = tool_place_text (bilat_event_get_place (event));
      g_autofree char *edition = NULL;

      if (bilat_exercise_get_edition (exercise) > 0)
        edition = g_strdup_printf ("%u", bilat_exercise_get_edition (exercise));

      tool_table_add_row (table, (const char *[]) {
        date, bilat_record_get_id (BILAT_RECORD (exercise)),
        bilat_exercise_get_series (exercise), edition,
        /* An unknown host is said to be unknown, like dates and places. */
        bilat_exercise_get_host (exercise) != NULL ? bilat_exercise_get_host (exercise) : "unknown",
        place,
      });
    }

  tool_table_print (table, stdout, "No exercises match.");
  return TRUE;
}

/* Positions. */

static const ToolColumn position_columns[] = {
  { "POSITION", 4, 16, 0 },
  { "HOLDER", 3, 8, 0 },
  { "STANCE", 0, 0, 0 },
  { "ISSUE", 2, 12, 0 },
  { "TARGET", 0, 0, TOOL_COLUMN_HIDE_EMPTY },
  { "DATE", 0, 0, 0 },
  { "SUMMARY", 1, 24, TOOL_COLUMN_OPTIONAL | TOOL_COLUMN_HIDE_EMPTY | TOOL_COLUMN_WRAP },
};

gboolean
tool_run_positions (Tool    *tool,
                    char   **args,
                    GError **error)
{
  g_autoptr(BilatQuery) query = tool_build_query (tool, error);
  g_autoptr(GListModel) positions = NULL;
  g_autoptr(ToolTable) table = NULL;
  guint n;

  if (query == NULL)
    return FALSE;

  positions = bilat_store_find_positions (tool->store, query);
  if (tool->json)
    return print_json_records (positions);

  n = g_list_model_get_n_items (positions);
  table = tool_table_new (position_columns, G_N_ELEMENTS (position_columns));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatPosition) position = g_list_model_get_item (positions, i);
      g_autofree char *date_text = tool_date_text (bilat_position_get_date (position));

      tool_table_add_row (table, (const char *[]) {
        bilat_record_get_id (BILAT_RECORD (position)),
        bilat_position_get_holder (position),
        tool_enum_nick (BILAT_TYPE_STANCE, bilat_position_get_stance (position)),
        bilat_position_get_issue (position),
        bilat_position_get_target (position),
        date_text,
        bilat_position_get_summary (position),
      });
    }

  tool_table_print (table, stdout, "No positions match.");
  return TRUE;
}

/* Catalogues. */

static const ToolColumn actor_columns[] = {
  { "ACTOR", 3, 12, 0 },
  { "KIND", 0, 0, 0 },
  { "NAME", 2, 16, TOOL_COLUMN_HIDE_EMPTY },
  { "ALIASES", 1, 12, TOOL_COLUMN_OPTIONAL | TOOL_COLUMN_HIDE_EMPTY | TOOL_COLUMN_WRAP },
};

gboolean
tool_run_actors (Tool    *tool,
                 char   **args,
                 GError **error)
{
  GListModel *actors = bilat_store_get_actors (tool->store);
  g_autoptr(ToolTable) table = NULL;
  guint n;

  if (tool->json)
    return print_json_records (actors);

  n = g_list_model_get_n_items (actors);
  table = tool_table_new (actor_columns, G_N_ELEMENTS (actor_columns));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatActor) actor = g_list_model_get_item (actors, i);
      const char * const *aliases = bilat_actor_get_aliases (actor);
      g_autofree char *alias_text = NULL;

      if (aliases != NULL)
        alias_text = g_strjoinv (", ", (char **) aliases);

      tool_table_add_row (table, (const char *[]) {
        bilat_record_get_id (BILAT_RECORD (actor)),
        tool_enum_nick (BILAT_TYPE_ACTOR_KIND, bilat_actor_get_kind (actor)),
        bilat_actor_get_name (actor),
        alias_text,
      });
    }

  tool_table_print (table, stdout, "The dataset has no actors.");
  return TRUE;
}

static const ToolColumn issue_columns[] = {
  { "ISSUE", 3, 12, 0 },
  { "TITLE", 2, 20, TOOL_COLUMN_HIDE_EMPTY },
  { "DESCRIPTION", 1, 20, TOOL_COLUMN_OPTIONAL | TOOL_COLUMN_HIDE_EMPTY | TOOL_COLUMN_WRAP },
};

gboolean
tool_run_issues (Tool    *tool,
                 char   **args,
                 GError **error)
{
  GListModel *issues = bilat_store_get_issues (tool->store);
  g_autoptr(ToolTable) table = NULL;
  guint n;

  if (tool->json)
    return print_json_records (issues);

  n = g_list_model_get_n_items (issues);
  table = tool_table_new (issue_columns, G_N_ELEMENTS (issue_columns));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatIssue) issue = g_list_model_get_item (issues, i);

      tool_table_add_row (table, (const char *[]) {
        bilat_record_get_id (BILAT_RECORD (issue)),
        bilat_issue_get_title (issue),
        bilat_issue_get_description (issue),
      });
    }

  tool_table_print (table, stdout, "The dataset has no issues.");
  return TRUE;
}

static const ToolColumn source_columns[] = {
  { "SOURCE", 3, 12, 0 },
  { "PUBLISHED", 0, 0, 0 },
  { "AUTHOR", 1, 12, TOOL_COLUMN_HIDE_EMPTY },
  { "TITLE", 2, 20, TOOL_COLUMN_HIDE_EMPTY | TOOL_COLUMN_WRAP },
};

gboolean
tool_run_sources (Tool    *tool,
                  char   **args,
                  GError **error)
{
  GListModel *sources = bilat_store_get_sources (tool->store);
  g_autoptr(ToolTable) table = NULL;
  guint n;

  if (tool->json)
    return print_json_records (sources);

  n = g_list_model_get_n_items (sources);
  table = tool_table_new (source_columns, G_N_ELEMENTS (source_columns));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatSource) source = g_list_model_get_item (sources, i);
      g_autofree char *published_text = tool_date_text (bilat_source_get_published (source));

      tool_table_add_row (table, (const char *[]) {
        bilat_record_get_id (BILAT_RECORD (source)),
        published_text,
        bilat_source_get_author (source),
        bilat_source_get_title (source),
      });
    }

  tool_table_print (table, stdout, "The dataset has no sources.");
  return TRUE;
}
