/* bilat-analysis.c: the analysis commands of the bilat tool: convergence
 * (two actors' positions compared issue by issue, with their affinity)
 * and series (event figures per day, month or year)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <string.h>

#include "bilat-tool.h"

/* What the table shows for a side without a position, or a bin without a
 * Goldstein mean: an empty cell would shift the columns of a row split at
 * spaces (awk, cut), and 0 would be a made-up value. */
#define NO_VALUE "-"

static char *
format_double (const char *format,
               double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* A dot whatever the locale, like the JSON and CSV forms. */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));
}

/* Convergence. */

/* The members of "counts" in the JSON form, by agreement. */
static const struct
{
  BilatAgreement  agreement;
  const char     *key;
} count_keys[] = {
  { BILAT_AGREEMENT_AGREE, "agree" },
  { BILAT_AGREEMENT_PARTIAL, "partial" },
  { BILAT_AGREEMENT_DISAGREE, "disagree" },
  { BILAT_AGREEMENT_ONLY_A, "only_a" },
  { BILAT_AGREEMENT_ONLY_B, "only_b" },
};

/* Shared issues first, from agreement to disagreement, then the issues
 * only one side holds a position on: the enumeration is in that order. */
static int
compare_by_agreement (gconstpointer a,
                      gconstpointer b)
{
  BilatIssueAlignment *x = *(BilatIssueAlignment * const *) a;
  BilatIssueAlignment *y = *(BilatIssueAlignment * const *) b;
  BilatAgreement agreement_x = bilat_issue_alignment_get_agreement (x);
  BilatAgreement agreement_y = bilat_issue_alignment_get_agreement (y);

  if (agreement_x != agreement_y)
    return agreement_x < agreement_y ? -1 : 1;
  return strcmp (bilat_issue_alignment_get_issue (x), bilat_issue_alignment_get_issue (y));
}

static GPtrArray *
sorted_issues (BilatAlignment *alignment)
{
  GListModel *model = G_LIST_MODEL (alignment);
  guint n = g_list_model_get_n_items (model);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  g_ptr_array_sort (items, compare_by_agreement);
  return items;
}

static char *
agreement_text (BilatAlignment *alignment,
                BilatAgreement  agreement)
{
  switch (agreement)
    {
    case BILAT_AGREEMENT_AGREE:
      return g_strdup ("agree");
    case BILAT_AGREEMENT_PARTIAL:
      return g_strdup ("partly agree");
    case BILAT_AGREEMENT_DISAGREE:
      return g_strdup ("disagree");
    case BILAT_AGREEMENT_ONLY_A:
      return g_strdup_printf ("only %s", bilat_alignment_get_actor_a (alignment));
    case BILAT_AGREEMENT_ONLY_B:
      return g_strdup_printf ("only %s", bilat_alignment_get_actor_b (alignment));
    default:
      g_assert_not_reached ();
    }
}

static const char *
stance_text (BilatPosition *position)
{
  if (position == NULL)
    return NO_VALUE;
  return tool_enum_nick (BILAT_TYPE_STANCE, bilat_position_get_stance (position));
}

/* With state succession, an actor may stand on an issue by the position
 * of a state it continues; the reader has to know whose it is. */
static void
append_inherited (GString       *note,
                  BilatStore    *store,
                  BilatPosition *position,
                  const char    *actor)
{
  const char *holder;
  BilatActor *record;
  const char *voice_of;

  if (position == NULL)
    return;
  holder = bilat_position_get_holder (position);
  if (strcmp (holder, actor) == 0)
    return;
  if (note->len > 0)
    g_string_append (note, "; ");
  /* Or a person speaking for the actor (or for a predecessor of it). */
  record = bilat_store_lookup_actor (store, holder);
  voice_of = record != NULL ? bilat_actor_get_speaks_for (record) : NULL;
  if (voice_of != NULL && strcmp (voice_of, actor) == 0)
    g_string_append_printf (note, "%s takes the position of %s, who speaks for it", actor, holder);
  else if (voice_of != NULL)
    g_string_append_printf (note, "%s takes the position of %s, who speaks for %s, its predecessor",
                            actor, holder, voice_of);
  else
    g_string_append_printf (note, "%s takes the position of %s, its predecessor", actor, holder);
}

/* The stance columns are headed by the actors' ids, filled in per run. */
static const ToolColumn convergence_columns[] = {
  { "ISSUE", 2, 12, 0 },
  { "TITLE", 1, 12, TOOL_COLUMN_OPTIONAL | TOOL_COLUMN_HIDE_EMPTY | TOOL_COLUMN_WRAP },
  { NULL, 3, 11, 0 },
  { NULL, 3, 11, 0 },
  { "AGREEMENT", 3, 12, 0 },
};

static void
print_alignment_table (BilatStore     *store,
                       BilatAlignment *alignment,
                       GPtrArray      *items)
{
  const char *actor_a = bilat_alignment_get_actor_a (alignment);
  const char *actor_b = bilat_alignment_get_actor_b (alignment);
  ToolColumn columns[G_N_ELEMENTS (convergence_columns)];
  g_autofree char *empty_text = NULL;
  g_autoptr(ToolTable) table = NULL;

  memcpy (columns, convergence_columns, sizeof columns);
  columns[2].header = actor_a;
  columns[3].header = actor_b;
  table = tool_table_new (columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < items->len; i++)
    {
      BilatIssueAlignment *item = g_ptr_array_index (items, i);
      const char *issue_id = bilat_issue_alignment_get_issue (item);
      BilatIssue *issue = bilat_store_lookup_issue (store, issue_id);
      BilatPosition *a = bilat_issue_alignment_get_position_a (item);
      BilatPosition *b = bilat_issue_alignment_get_position_b (item);
      g_autofree char *agreement = agreement_text (alignment, bilat_issue_alignment_get_agreement (item));
      g_autoptr(GString) note = g_string_new (NULL);

      tool_table_add_row (table, (const char *[]) {
        issue_id, issue != NULL ? bilat_issue_get_title (issue) : NULL,
        stance_text (a), stance_text (b), agreement,
      });

      append_inherited (note, store, a, actor_a);
      append_inherited (note, store, b, actor_b);
      if (note->len > 0)
        tool_table_add_note (table, note->str);
    }

  empty_text = g_strdup_printf ("Neither %s nor %s holds a position that matches.", actor_a, actor_b);
  tool_table_print (table, stdout, empty_text);
}

/* Prints @line cut to the width of a terminal: actor ids can be long. */
static void
print_fitted (const char *line)
{
  g_autofree char *clean = tool_text_clean (line);
  g_autofree char *fitted = tool_text_truncate (clean, TOOL_LINE_WIDTH);

  printf ("%s\n", fitted);
}

/* A measure, or a dash where it is not defined. */
static char *
format_measure (double value)
{
  return isnan (value) ? g_strdup ("-") : format_double ("%.3f", value);
}

/* The chance-corrected measures beside S, and whether they rest on too few
 * issues to say much. */
static void
print_measures (BilatAlignment *alignment)
{
  g_autofree char *agree = format_measure (bilat_alignment_get_agree (alignment));
  g_autofree char *s2 = format_measure (bilat_alignment_get_s2 (alignment));
  g_autofree char *kappa = format_measure (bilat_alignment_get_kappa (alignment));
  g_autofree char *pi = format_measure (bilat_alignment_get_pi (alignment));
  g_autofree char *line = g_strdup_printf ("Agreement %s, S (squared) %s, Cohen's kappa %s, Scott's pi %s.",
                                           agree, s2, kappa, pi);

  print_fitted (line);
  if (bilat_alignment_get_thin (alignment))
    {
      g_autofree char *thin = g_strdup_printf ("Thin: fewer than %u shared issues, the measures say little.",
                                               bilat_alignment_get_thin_threshold (alignment));

      print_fitted (thin);
    }
}

/* The score, or that there is none: with no shared issue S is undefined,
 * and a 0 would claim the actors are as near as they are far. */
static void
print_affinity (BilatAlignment *alignment)
{
  guint n_shared = bilat_alignment_get_n_shared (alignment);
  guint only_a = bilat_alignment_count (alignment, BILAT_AGREEMENT_ONLY_A);
  guint only_b = bilat_alignment_count (alignment, BILAT_AGREEMENT_ONLY_B);
  double score;

  printf ("\n");
  if (bilat_alignment_get_affinity (alignment, &score))
    {
      g_autofree char *score_text = format_double ("%.3f", score);
      g_autofree char *line = g_strdup_printf ("Affinity (Signorino–Ritter S) %s over n = %u shared issue%s:",
                                               score_text, n_shared, n_shared == 1 ? "" : "s");
      g_autofree char *counts = g_strdup_printf ("%u agree, %u partly agree, %u disagree.",
                                                 bilat_alignment_count (alignment, BILAT_AGREEMENT_AGREE),
                                                 bilat_alignment_count (alignment, BILAT_AGREEMENT_PARTIAL),
                                                 bilat_alignment_count (alignment, BILAT_AGREEMENT_DISAGREE));

      print_fitted (line);
      print_fitted (counts);
      print_measures (alignment);
    }
  else
    print_fitted ("No shared issue: no affinity score.");

  if (only_a + only_b > 0)
    {
      g_autofree char *line = g_strdup_printf ("Not in the score: %u issue%s of %s only, %u of %s only.",
                                               only_a, only_a == 1 ? "" : "s",
                                               bilat_alignment_get_actor_a (alignment),
                                               only_b, bilat_alignment_get_actor_b (alignment));

      print_fitted (line);
    }
}

static JsonNode *
position_to_json (BilatPosition *position)
{
  if (position == NULL)
    return json_node_new (JSON_NODE_NULL);
  return bilat_record_to_json (BILAT_RECORD (position));
}

static JsonNode *
issue_alignment_to_json (BilatStore          *store,
                         BilatIssueAlignment *item)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  const char *issue_id = bilat_issue_alignment_get_issue (item);
  BilatIssue *issue = bilat_store_lookup_issue (store, issue_id);
  const char *title = issue != NULL ? bilat_issue_get_title (issue) : NULL;
  double distance = bilat_issue_alignment_get_distance (item);

  json_object_set_string_member (object, "issue", issue_id);
  if (title != NULL)
    json_object_set_string_member (object, "title", title);
  else
    json_object_set_null_member (object, "title");
  json_object_set_string_member (object, "agreement",
                                 tool_enum_nick (BILAT_TYPE_AGREEMENT,
                                                 bilat_issue_alignment_get_agreement (item)));
  /* JSON has no NaN: a one-sided issue has no distance. */
  if (isnan (distance))
    json_object_set_null_member (object, "distance");
  else
    json_object_set_double_member (object, "distance", distance);
  json_object_set_member (object, "a", position_to_json (bilat_issue_alignment_get_position_a (item)));
  json_object_set_member (object, "b", position_to_json (bilat_issue_alignment_get_position_b (item)));

  json_node_take_object (node, object);
  return node;
}

/* JSON has no NaN: an undefined measure is null. */
static void
set_measure (JsonObject *object,
             const char *name,
             double      value)
{
  if (isnan (value))
    json_object_set_null_member (object, name);
  else
    json_object_set_double_member (object, name, value);
}

static JsonNode *
alignment_to_json (BilatStore     *store,
                   BilatAlignment *alignment,
                   GPtrArray      *items)
{
  JsonObject *object = json_object_new ();
  JsonObject *counts = json_object_new ();
  JsonArray *issues = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  double score;

  json_object_set_string_member (object, "actor_a", bilat_alignment_get_actor_a (alignment));
  json_object_set_string_member (object, "actor_b", bilat_alignment_get_actor_b (alignment));
  if (bilat_alignment_get_affinity (alignment, &score))
    json_object_set_double_member (object, "affinity", score);
  else
    json_object_set_null_member (object, "affinity");
  json_object_set_int_member (object, "n_shared", bilat_alignment_get_n_shared (alignment));
  set_measure (object, "agree", bilat_alignment_get_agree (alignment));
  set_measure (object, "s", bilat_alignment_get_s (alignment));
  set_measure (object, "s2", bilat_alignment_get_s2 (alignment));
  set_measure (object, "kappa", bilat_alignment_get_kappa (alignment));
  set_measure (object, "pi", bilat_alignment_get_pi (alignment));
  json_object_set_boolean_member (object, "thin", bilat_alignment_get_thin (alignment));

  for (guint i = 0; i < G_N_ELEMENTS (count_keys); i++)
    json_object_set_int_member (counts, count_keys[i].key,
                                bilat_alignment_count (alignment, count_keys[i].agreement));
  json_object_set_object_member (object, "counts", counts);

  for (guint i = 0; i < items->len; i++)
    json_array_add_element (issues, issue_alignment_to_json (store, g_ptr_array_index (items, i)));
  json_object_set_array_member (object, "issues", issues);

  json_node_take_object (node, object);
  return node;
}

gboolean
tool_run_convergence (Tool    *tool,
                      char   **args,
                      GError **error)
{
  g_autoptr(BilatQuery) query = tool_build_query (tool, error);
  g_autoptr(BilatAlignment) alignment = NULL;
  g_autoptr(GPtrArray) items = NULL;
  BilatActor *actor_a;
  BilatActor *actor_b;

  if (query == NULL)
    return FALSE;

  actor_a = tool_resolve_actor (tool->store, args[0], error);
  if (actor_a == NULL)
    return FALSE;
  actor_b = tool_resolve_actor (tool->store, args[1], error);
  if (actor_b == NULL)
    return FALSE;
  if (actor_a == actor_b)
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "convergence compares two different actors, not “%s” with itself",
                   bilat_record_get_id (BILAT_RECORD (actor_a)));
      return FALSE;
    }

  alignment = bilat_store_align (tool->store,
                                 bilat_record_get_id (BILAT_RECORD (actor_a)),
                                 bilat_record_get_id (BILAT_RECORD (actor_b)),
                                 query);
  items = sorted_issues (alignment);

  if (tool->json)
    {
      g_autoptr(JsonNode) node = alignment_to_json (tool->store, alignment, items);

      tool_print_json (stdout, node);
      return TRUE;
    }

  print_alignment_table (tool->store, alignment, items);
  print_affinity (alignment);
  return TRUE;
}

/* Series. */

gboolean
tool_parse_unit (const char       *text,
                 BilatSeriesUnit  *unit,
                 GError          **error)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autofree char *nick = NULL;
  GEnumValue *value;

  if (text == NULL)
    {
      *unit = BILAT_SERIES_UNIT_MONTH;
      return TRUE;
    }

  klass = g_type_class_ref (BILAT_TYPE_SERIES_UNIT);
  nick = g_ascii_strdown (text, -1);
  value = g_enum_get_value_by_nick (klass, nick);
  if (value == NULL)
    {
      g_autofree char *clean = tool_text_clean (text);

      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "--by is day, month or year, not “%s”", clean);
      return FALSE;
    }
  *unit = value->value;
  return TRUE;
}

/* Sets @table for the human table, or @format for one of the library's
 * text forms. */
static gboolean
parse_output_form (Tool               *tool,
                   gboolean           *table,
                   BilatSeriesFormat  *format,
                   GError            **error)
{
  guint n_forms = !!tool->csv + !!tool->tsv + !!tool->json;

  if (n_forms > 1)
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "--csv, --tsv and --json exclude each other");
      return FALSE;
    }

  *table = n_forms == 0;
  *format = tool->csv ? BILAT_SERIES_FORMAT_CSV
          : tool->tsv ? BILAT_SERIES_FORMAT_TSV
          : BILAT_SERIES_FORMAT_JSON;
  return TRUE;
}

/* The series of the dataset's events that match the filters. Streaming
 * event files is the other way a series will be made: each file (or job)
 * a series of its own, merged with bilat_series_merge(). */
BilatSeries *
tool_compute_series (Tool             *tool,
                     BilatSeriesUnit   unit,
                     GError          **error)
{
  g_autoptr(BilatQuery) query = tool_build_query (tool, error);

  if (query == NULL)
    return NULL;
  if (tool->inputs != NULL)
    return tool_series_from_files (tool, query, unit, error);
  return bilat_store_compute_series (tool->store, query, unit);
}

static const ToolColumn series_columns[] = {
  { "PERIOD", 0, 0, 0 },
  { "EVENTS", 0, 0, TOOL_COLUMN_RIGHT },
  { "GOLDSTEIN SUM", 0, 0, TOOL_COLUMN_RIGHT },
  { "MEAN", 0, 0, TOOL_COLUMN_RIGHT },
  { "Q1", 0, 0, TOOL_COLUMN_RIGHT },
  { "Q2", 0, 0, TOOL_COLUMN_RIGHT },
  { "Q3", 0, 0, TOOL_COLUMN_RIGHT },
  { "Q4", 0, 0, TOOL_COLUMN_RIGHT },
};

/* What is not in the table, or not where its date alone would put it. */
static void
print_series_footer (BilatSeries *series)
{
  guint64 undated = bilat_series_get_n_undated (series);
  guint64 imprecise = bilat_series_get_n_imprecise (series);
  const char *unit = tool_enum_nick (BILAT_TYPE_SERIES_UNIT, bilat_series_get_unit (series));

  if (undated == 0 && imprecise == 0)
    return;

  printf ("\n");
  if (undated > 0)
    {
      g_autofree char *text =
        g_strdup_printf ("%" G_GUINT64_FORMAT " event%s of unknown date %s in no period.",
                         undated, undated == 1 ? "" : "s", undated == 1 ? "is" : "are");

      tool_print_paragraph (stdout, text);
    }
  if (imprecise > 0)
    {
      g_autofree char *text =
        g_strdup_printf ("%" G_GUINT64_FORMAT " event%s whose date spans several %ss %s counted in the first.",
                         imprecise, imprecise == 1 ? "" : "s", unit, imprecise == 1 ? "is" : "are");

      tool_print_paragraph (stdout, text);
    }
}

static void
print_series_table (BilatSeries *series)
{
  guint n = bilat_series_get_n_bins (series);
  g_autoptr(ToolTable) table = tool_table_new (series_columns, G_N_ELEMENTS (series_columns));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatDate) date = bilat_series_get_bin_date (series, i);
      g_autofree char *period = bilat_date_to_string (date);
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, bilat_series_get_count (series, i));
      g_autofree char *sum = format_double ("%.1f", bilat_series_get_goldstein_sum (series, i));
      double mean = bilat_series_get_goldstein_mean (series, i);
      g_autofree char *mean_text = isnan (mean) ? g_strdup (NO_VALUE) : format_double ("%.2f", mean);
      char *quads[4];

      for (guint q = 0; q < G_N_ELEMENTS (quads); q++)
        quads[q] = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                    bilat_series_get_quad_count (series, i, BILAT_QUAD_CLASS_VERBAL_COOPERATION + q));

      tool_table_add_row (table, (const char *[]) {
        period, count, sum, mean_text, quads[0], quads[1], quads[2], quads[3],
      });
      for (guint q = 0; q < G_N_ELEMENTS (quads); q++)
        g_free (quads[q]);
    }

  tool_table_print (table, stdout, "No dated events match.");
  print_series_footer (series);
}

gboolean
tool_run_series (Tool    *tool,
                 char   **args,
                 GError **error)
{
  g_autoptr(BilatSeries) series = NULL;
  BilatSeriesUnit unit;
  BilatSeriesFormat format;
  gboolean table;

  if (!parse_output_form (tool, &table, &format, error) ||
      !tool_parse_unit (tool->by, &unit, error))
    return FALSE;

  series = tool_compute_series (tool, unit, error);
  if (series == NULL)
    return FALSE;

  if (table)
    print_series_table (series);
  else
    {
      g_autofree char *text = bilat_series_to_string (series, format);

      fputs (text, stdout);
    }
  return TRUE;
}

/* Exercises counted per period (bilat exercises --by). */

static const ToolColumn exercise_count_columns[] = {
  { "PERIOD", 0, 0, 0 },
  { "EXERCISES", 0, 0, TOOL_COLUMN_RIGHT },
  { "CPX", 0, 0, TOOL_COLUMN_RIGHT },
  { "AIR", 0, 0, TOOL_COLUMN_RIGHT },
  { "LAND", 0, 0, TOOL_COLUMN_RIGHT },
  { "SEA", 0, 0, TOOL_COLUMN_RIGHT },
  { "AMPHIB.", 0, 0, TOOL_COLUMN_RIGHT },
  { "CYBER", 0, 0, TOOL_COLUMN_RIGHT },
  { "WAR", 0, 0, TOOL_COLUMN_RIGHT },
  { "PEACE", 0, 0, TOOL_COLUMN_RIGHT },
  { "HUMAN.", 0, 0, TOOL_COLUMN_RIGHT },
};

static void
print_exercise_counts_table (BilatExerciseCounts *counts)
{
  guint n = bilat_exercise_counts_get_n_periods (counts);
  ToolColumn columns[G_N_ELEMENTS (exercise_count_columns)];
  g_autoptr(ToolTable) table = NULL;

  memcpy (columns, exercise_count_columns, sizeof columns);
  if (bilat_exercise_counts_get_unit (counts) == BILAT_SERIES_UNIT_YEAR)
    columns[0].header = "YEAR";
  table = tool_table_new (columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatDate) date = bilat_exercise_counts_get_period (counts, i);
      char *cells[G_N_ELEMENTS (exercise_count_columns)];
      guint c = 0;

      cells[c++] = bilat_date_to_string (date);
      cells[c++] = g_strdup_printf ("%u", bilat_exercise_counts_get_exercises (counts, i));
      for (guint b = 0; b < 6; b++)
        cells[c++] = g_strdup_printf ("%u", bilat_exercise_counts_get_domain_count (counts, i, 1u << b));
      for (guint b = 0; b < 3; b++)
        cells[c++] = g_strdup_printf ("%u", bilat_exercise_counts_get_mission_count (counts, i, 1u << b));
      tool_table_add_row (table, (const char **) cells);
      for (guint k = 0; k < c; k++)
        g_free (cells[k]);
    }
  tool_table_print (table, stdout, "No dated exercises match.");
  if (bilat_exercise_counts_get_n_undated (counts) > 0 ||
      bilat_exercise_counts_get_n_imprecise (counts) > 0)
    printf ("Not in a period: %u undated, %u less precise than a period.\n",
            bilat_exercise_counts_get_n_undated (counts),
            bilat_exercise_counts_get_n_imprecise (counts));
}

gboolean
tool_run_exercise_counts (Tool        *tool,
                          BilatQuery  *query,
                          GError     **error)
{
  g_autoptr(BilatExerciseCounts) counts = NULL;
  BilatSeriesUnit unit = BILAT_SERIES_UNIT_YEAR;
  BilatSeriesFormat format;
  gboolean table;

  if (!parse_output_form (tool, &table, &format, error) ||
      (tool->by != NULL && !tool_parse_unit (tool->by, &unit, error)))
    return FALSE;

  counts = bilat_store_count_exercises (tool->store, query, unit);
  if (table)
    print_exercise_counts_table (counts);
  else
    {
      g_autofree char *text = bilat_exercise_counts_to_string (counts, format);

      fputs (text, stdout);
    }
  return TRUE;
}
