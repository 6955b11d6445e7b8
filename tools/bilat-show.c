/* bilat-show.c: `bilat show ID`, one record with its references resolved
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>

#include "bilat-tool.h"

/* The lookups of the store return different types; these give one
 * signature so that the kinds can sit in a table. */

static BilatRecord *
lookup_source (BilatStore *store, const char *id)
{
  return BILAT_RECORD (bilat_store_lookup_source (store, id));
}

static BilatRecord *
lookup_actor (BilatStore *store, const char *id)
{
  return BILAT_RECORD (bilat_store_lookup_actor (store, id));
}

static BilatRecord *
lookup_issue (BilatStore *store, const char *id)
{
  return BILAT_RECORD (bilat_store_lookup_issue (store, id));
}

static BilatRecord *
lookup_event (BilatStore *store, const char *id)
{
  return BILAT_RECORD (bilat_store_lookup_event (store, id));
}

static BilatRecord *
lookup_position (BilatStore *store, const char *id)
{
  return BILAT_RECORD (bilat_store_lookup_position (store, id));
}

static void print_source   (Tool *tool, BilatRecord *record);
static void print_actor    (Tool *tool, BilatRecord *record);
static void print_issue    (Tool *tool, BilatRecord *record);
static void print_event    (Tool *tool, BilatRecord *record);
static void print_position (Tool *tool, BilatRecord *record);

typedef struct
{
  const char   *name;
  BilatRecord *(*lookup) (BilatStore *store, const char *id);
  GListModel  *(*list)   (BilatStore *store);
  void         (*print)  (Tool *tool, BilatRecord *record);
} RecordKind;

static const RecordKind kinds[] = {
  { "source", lookup_source, bilat_store_get_sources, print_source },
  { "actor", lookup_actor, bilat_store_get_actors, print_actor },
  { "issue", lookup_issue, bilat_store_get_issues, print_issue },
  { "event", lookup_event, bilat_store_get_events, print_event },
  { "position", lookup_position, bilat_store_get_positions, print_position },
};

/* References. */

/* "RUS (Russian Federation)", or the bare id when there is no other name. */
static char *
actor_label (BilatStore *store,
             const char *id)
{
  BilatActor *actor = bilat_store_lookup_actor (store, id);
  const char *name = actor != NULL ? bilat_actor_get_name (actor) : NULL;

  if (name == NULL || g_strcmp0 (name, id) == 0)
    return g_strdup (id);
  return g_strdup_printf ("%s (%s)", id, name);
}

static void
print_actor_field (Tool       *tool,
                   const char *label,
                   const char *id)
{
  g_autofree char *text = NULL;

  if (id == NULL)
    return;
  text = actor_label (tool->store, id);
  tool_print_field (stdout, label, text);
}

/* "aslam-oped: “Growing Alliance …”, Sabah Aslam" */
static char *
source_text (BilatStore *store,
             const char *source_id)
{
  BilatSource *source = bilat_store_lookup_source (store, source_id);
  GString *text = g_string_new (source_id);

  if (source != NULL && bilat_source_get_title (source) != NULL)
    g_string_append_printf (text, ": “%s”", bilat_source_get_title (source));
  if (source != NULL && bilat_source_get_author (source) != NULL)
    g_string_append_printf (text, ", %s", bilat_source_get_author (source));
  return g_string_free (text, FALSE);
}

/* "paragraph 6, characters [1593, 1685)": the range is half-open, as in
 * the data format. */
static char *
locator_text (const BilatCitation *citation)
{
  GString *text = g_string_new ("  ");

  if (bilat_citation_get_row (citation) != NULL)
    g_string_append_printf (text, "row %s", bilat_citation_get_row (citation));
  if (bilat_citation_get_paragraph (citation) > 0)
    g_string_append_printf (text, "paragraph %u", bilat_citation_get_paragraph (citation));
  if (bilat_citation_has_range (citation))
    g_string_append_printf (text, "%scharacters [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                            text->len > 2 ? ", " : "",
                            bilat_citation_get_start (citation),
                            bilat_citation_get_end (citation));
  if (bilat_citation_get_quote (citation) != NULL)
    g_string_append_printf (text, "%s“%s”", text->len > 2 ? ": " : "",
                            bilat_citation_get_quote (citation));
  if (text->len == 2)
    g_string_append (text, "the whole source");
  return g_string_free (text, FALSE);
}

/* Citations are grouped by source, in the order the sources are first
 * cited, so that a source cited many times is named once. */
static void
print_citations (Tool        *tool,
                 BilatRecord *record)
{
  GPtrArray *citations = bilat_record_get_citations (record);
  g_autoptr(GHashTable) printed = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < citations->len; i++)
    {
      const char *source_id = bilat_citation_get_source (g_ptr_array_index (citations, i));
      g_autofree char *heading = NULL;

      if (!g_hash_table_add (printed, (gpointer) source_id))
        continue;

      heading = source_text (tool->store, source_id);
      tool_print_field (stdout, i == 0 ? "Citations" : NULL, heading);
      for (guint j = i; j < citations->len; j++)
        {
          const BilatCitation *citation = g_ptr_array_index (citations, j);
          g_autofree char *locator = NULL;

          if (!g_str_equal (bilat_citation_get_source (citation), source_id))
            continue;
          locator = locator_text (citation);
          tool_print_field (stdout, NULL, locator);
        }
    }
}

static void
print_date_field (const char *label,
                  BilatDate  *date)
{
  g_autofree char *text = NULL;

  if (date == NULL)
    return;
  text = tool_date_text (date);
  tool_print_field (stdout, label, text);
}

static void
print_sectors_field (BilatSector sectors)
{
  g_autofree char *text = tool_flags_text (BILAT_TYPE_SECTOR, sectors);

  tool_print_field (stdout, "Sectors", text);
}

/* Kinds. */

static void
print_source (Tool        *tool,
              BilatRecord *record)
{
  BilatSource *source = BILAT_SOURCE (record);

  tool_print_field (stdout, "Title", bilat_source_get_title (source));
  tool_print_field (stdout, "Author", bilat_source_get_author (source));
  tool_print_field (stdout, "Publisher", bilat_source_get_publisher (source));
  print_date_field ("Published", bilat_source_get_published (source));
  tool_print_field (stdout, "URL", bilat_source_get_url (source));
}

static void
print_actor (Tool        *tool,
             BilatRecord *record)
{
  BilatActor *actor = BILAT_ACTOR (record);
  const char * const *aliases = bilat_actor_get_aliases (actor);
  g_autofree char *alias_text = NULL;

  if (aliases != NULL)
    alias_text = g_strjoinv (", ", (char **) aliases);

  tool_print_field (stdout, "Kind",
                    tool_enum_nick (BILAT_TYPE_ACTOR_KIND, bilat_actor_get_kind (actor)));
  tool_print_field (stdout, "Name", bilat_actor_get_name (actor));
  tool_print_field (stdout, "Aliases", alias_text);
  print_actor_field (tool, "Affiliation", bilat_actor_get_affiliation (actor));
  print_actor_field (tool, "Predecessor", bilat_actor_get_predecessor (actor));
}

static void
print_issue (Tool        *tool,
             BilatRecord *record)
{
  BilatIssue *issue = BILAT_ISSUE (record);
  g_autoptr(BilatQuery) query = bilat_query_new ();
  g_autoptr(GListModel) positions = NULL;
  guint n;

  tool_print_field (stdout, "Title", bilat_issue_get_title (issue));
  tool_print_field (stdout, "Description", bilat_issue_get_description (issue));

  /* Who stands where is what one looks up an issue for. */
  bilat_query_set_issue (query, bilat_record_get_id (record));
  positions = bilat_store_find_positions (tool->store, query);
  n = g_list_model_get_n_items (positions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatPosition) position = g_list_model_get_item (positions, i);
      BilatStance stance = bilat_position_get_stance (position);
      g_autofree char *text = g_strdup_printf ("%s %s (%s)",
                                               bilat_position_get_holder (position),
                                               tool_enum_nick (BILAT_TYPE_STANCE, stance),
                                               bilat_record_get_id (BILAT_RECORD (position)));

      tool_print_field (stdout, i == 0 ? "Positions" : NULL, text);
    }
}

static void
print_cameo_field (const char *code)
{
  g_autoptr(GString) text = NULL;
  const char *name;
  double goldstein;
  BilatQuadClass quad_class;

  if (code == NULL)
    return;

  text = g_string_new (code);
  name = bilat_cameo_get_name (code);
  if (name != NULL)
    g_string_append_printf (text, " %s", name);

  quad_class = bilat_cameo_get_quad_class (code);
  goldstein = bilat_cameo_get_goldstein (code);
  if (quad_class != BILAT_QUAD_CLASS_NONE && !isnan (goldstein))
    g_string_append_printf (text, " (%s, Goldstein %+.1f)",
                            tool_enum_nick (BILAT_TYPE_QUAD_CLASS, quad_class), goldstein);

  tool_print_field (stdout, "CAMEO", text->str);
}

static void
print_exercise_fields (Tool          *tool,
                       BilatExercise *exercise)
{
  g_autofree char *edition = NULL;
  BilatExerciseDomain domain = bilat_exercise_get_domain (exercise);

  if (bilat_exercise_get_edition (exercise) > 0)
    edition = g_strdup_printf ("%u", bilat_exercise_get_edition (exercise));

  tool_print_field (stdout, "Series", bilat_exercise_get_series (exercise));
  tool_print_field (stdout, "Edition", edition);
  print_actor_field (tool, "Host", bilat_exercise_get_host (exercise));
  if (domain != BILAT_EXERCISE_DOMAIN_UNKNOWN)
    tool_print_field (stdout, "Domain", tool_enum_nick (BILAT_TYPE_EXERCISE_DOMAIN, domain));
  tool_print_field (stdout, "Focus", bilat_exercise_get_focus (exercise));
}

static void
print_event (Tool        *tool,
             BilatRecord *record)
{
  BilatEvent *event = BILAT_EVENT (record);
  GPtrArray *participants = bilat_event_get_participants (event);
  g_autofree char *date = tool_date_text (bilat_event_get_date (event));
  g_autofree char *place = tool_place_text (bilat_event_get_place (event));

  tool_print_field (stdout, "Title", bilat_event_get_title (event));
  tool_print_field (stdout, "Date", date);
  if (BILAT_IS_EXERCISE (event))
    print_exercise_fields (tool, BILAT_EXERCISE (event));
  tool_print_field (stdout, "Summary", bilat_event_get_summary (event));

  for (guint i = 0; i < participants->len; i++)
    {
      const BilatParticipant *participant = g_ptr_array_index (participants, i);
      g_autofree char *label = actor_label (tool->store, bilat_participant_get_actor (participant));
      BilatRole role = bilat_participant_get_role (participant);
      g_autofree char *text = g_strdup_printf ("%s, %s", label,
                                               tool_enum_nick (BILAT_TYPE_ROLE, role));

      tool_print_field (stdout, i == 0 ? "Participants" : NULL, text);
    }

  tool_print_field (stdout, "Place", place);
  print_sectors_field (bilat_event_get_sectors (event));
  print_cameo_field (bilat_event_get_cameo_code (event));
}

static void
print_position (Tool        *tool,
                BilatRecord *record)
{
  BilatPosition *position = BILAT_POSITION (record);
  BilatIssue *issue = bilat_store_lookup_issue (tool->store, bilat_position_get_issue (position));
  g_autofree char *issue_text = NULL;

  if (issue != NULL && bilat_issue_get_title (issue) != NULL)
    issue_text = g_strdup_printf ("%s (%s)", bilat_position_get_issue (position),
                                  bilat_issue_get_title (issue));
  else
    issue_text = g_strdup (bilat_position_get_issue (position));

  print_actor_field (tool, "Holder", bilat_position_get_holder (position));
  tool_print_field (stdout, "Issue", issue_text);
  tool_print_field (stdout, "Stance",
                    tool_enum_nick (BILAT_TYPE_STANCE, bilat_position_get_stance (position)));
  print_actor_field (tool, "Target", bilat_position_get_target (position));
  print_date_field ("Date", bilat_position_get_date (position));
  tool_print_field (stdout, "Summary", bilat_position_get_summary (position));
  print_sectors_field (bilat_position_get_sectors (position));
}

/* Finding the record. */

static gboolean
is_exercise_kind (const char *wanted_kind)
{
  return wanted_kind != NULL && g_ascii_strcasecmp (wanted_kind, "exercise") == 0;
}

static gboolean
kind_allowed (const RecordKind *kind,
              const char       *wanted_kind)
{
  if (wanted_kind == NULL)
    return TRUE;
  /* Exercises are events; --kind exercise narrows them further below. */
  if (is_exercise_kind (wanted_kind))
    return g_str_equal (kind->name, "event");
  return g_ascii_strcasecmp (wanted_kind, kind->name) == 0;
}

static gboolean
check_kind_option (const char  *wanted_kind,
                   GError     **error)
{
  g_autofree char *clean = NULL;

  if (wanted_kind == NULL || is_exercise_kind (wanted_kind))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_ascii_strcasecmp (wanted_kind, kinds[i].name) == 0)
      return TRUE;

  clean = tool_text_clean (wanted_kind);
  g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
               "--kind is one of source, actor, issue, event, exercise, position; not “%s”",
               clean);
  return FALSE;
}

static void
set_show_not_found (Tool        *tool,
                    const char  *wanted,
                    GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GListModel) exercises = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (!kind_allowed (&kinds[i], tool->kind))
        continue;
      if (kinds[i].lookup == lookup_actor)
        tool_add_actor_names (names, tool->store);
      else if (kinds[i].lookup == lookup_event && is_exercise_kind (tool->kind))
        {
          g_autoptr(BilatQuery) query = bilat_query_new ();

          bilat_query_set_event_type (query, BILAT_TYPE_EXERCISE);
          /* The names are borrowed from the records this list holds. */
          exercises = bilat_store_find_events (tool->store, query);
          tool_add_record_ids (names, exercises);
        }
      else
        tool_add_record_ids (names, kinds[i].list (tool->store));
    }
  tool_set_not_found (error, tool->kind != NULL ? tool->kind : "record", wanted, names);
}

gboolean
tool_run_show (Tool    *tool,
               char   **args,
               GError **error)
{
  const char *wanted = args[0];
  BilatRecord *found[G_N_ELEMENTS (kinds)];
  guint found_kind[G_N_ELEMENTS (kinds)];
  guint n_found = 0;
  guint n_exact = 0;

  if (!check_kind_option (tool->kind, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      BilatRecord *record;

      if (!kind_allowed (&kinds[i], tool->kind))
        continue;
      record = kinds[i].lookup (tool->store, wanted);
      if (record == NULL)
        continue;
      if (is_exercise_kind (tool->kind) && !BILAT_IS_EXERCISE (record))
        continue;
      found[n_found] = record;
      found_kind[n_found] = i;
      n_found++;
    }

  if (n_found == 0)
    {
      set_show_not_found (tool, wanted, error);
      return FALSE;
    }

  /* An actor found by alias or in another case yields to a record whose
   * id is exactly what was asked for. */
  if (n_found > 1)
    {
      for (guint i = 0; i < n_found; i++)
        if (g_str_equal (bilat_record_get_id (found[i]), wanted))
          {
            found[n_exact] = found[i];
            found_kind[n_exact] = found_kind[i];
            n_exact++;
          }
      if (n_exact > 0)
        n_found = n_exact;
    }

  if (n_found > 1)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *clean = tool_text_clean (wanted);

      for (guint i = 0; i < n_found; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", kinds[found_kind[i]].name);
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "“%s” names records of several kinds (%s); choose one with --kind",
                   clean, names->str);
      return FALSE;
    }

  if (tool->json)
    {
      g_autoptr(JsonNode) node = bilat_record_to_json (found[0]);

      tool_print_json (stdout, node);
      return TRUE;
    }

  tool_print_heading (stdout,
                      BILAT_IS_EXERCISE (found[0]) ? "exercise" : kinds[found_kind[0]].name,
                      bilat_record_get_id (found[0]));
  kinds[found_kind[0]].print (tool, found[0]);
  print_citations (tool, found[0]);
  return TRUE;
}
