/* bilat-filter.c: from command-line filters to a BilatQuery, and names
 * resolved against the dataset with suggestions for misspellings
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "bilat-tool.h"

/* Suggestions. */

/* Levenshtein distance over code points, in one row of the usual table. */
static guint
edit_distance (const gunichar *a,
               glong           a_len,
               const gunichar *b,
               glong           b_len)
{
  g_autofree guint *row = g_new (guint, b_len + 1);

  for (glong j = 0; j <= b_len; j++)
    row[j] = j;

  for (glong i = 1; i <= a_len; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (glong j = 1; j <= b_len; j++)
        {
          guint above = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }
  return row[b_len];
}

static gunichar *
folded_chars (const char *text,
              glong      *len)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return g_utf8_to_ucs4_fast (folded, -1, len);
}

/* Among candidates at the same distance, the one nearest in the alphabet
 * at the first difference: "friendship-2019" finds "friendship-2018"
 * rather than "friendship-2016". */
static guint
first_difference_gap (const gunichar *a,
                      glong           a_len,
                      const gunichar *b,
                      glong           b_len)
{
  glong i = 0;

  while (i < a_len && i < b_len && a[i] == b[i])
    i++;
  if (i == a_len || i == b_len)
    return 0;
  return a[i] > b[i] ? a[i] - b[i] : b[i] - a[i];
}

/* Returns the candidate nearest to @wanted, ignoring case, or NULL when
 * none is near enough to be what was meant: a third of the length, and at
 * least two edits, lets "PAKK" find "PAK" without offering "sco" for
 * "xyz". */
char *
tool_closest_name (const char *wanted,
                   GPtrArray  *candidates)
{
  g_autofree gunichar *target = NULL;
  glong target_len;
  const char *best = NULL;
  guint best_distance = G_MAXUINT;
  guint best_gap = G_MAXUINT;
  guint limit;

  if (!g_utf8_validate (wanted, -1, NULL))
    return NULL;

  target = folded_chars (wanted, &target_len);
  if (target_len == 0)
    return NULL;
  limit = MAX (2, (guint) target_len / 3);

  for (guint i = 0; i < candidates->len; i++)
    {
      const char *candidate = g_ptr_array_index (candidates, i);
      g_autofree gunichar *chars = NULL;
      glong len;
      guint distance;
      guint gap;

      /* What was asked for exists, just not where it was looked for. */
      if (strcmp (candidate, wanted) == 0)
        continue;

      chars = folded_chars (candidate, &len);
      distance = edit_distance (target, target_len, chars, len);
      gap = first_difference_gap (target, target_len, chars, len);
      if (distance < best_distance || (distance == best_distance && gap < best_gap))
        {
          best = candidate;
          best_distance = distance;
          best_gap = gap;
        }
    }

  return best != NULL && best_distance <= limit ? g_strdup (best) : NULL;
}

void
tool_set_not_found (GError     **error,
                    const char  *what,
                    const char  *wanted,
                    GPtrArray   *candidates)
{
  g_autofree char *clean = tool_text_clean (wanted);
  g_autofree char *closest = tool_closest_name (wanted, candidates);

  if (closest != NULL)
    g_set_error (error, TOOL_ERROR, TOOL_ERROR_NOT_FOUND,
                 "no %s “%s”; did you mean “%s”?", what, clean, closest);
  else
    g_set_error (error, TOOL_ERROR, TOOL_ERROR_NOT_FOUND, "no %s “%s”", what, clean);
}

/* The strings added are owned by the store's records. */
void
tool_add_record_ids (GPtrArray  *names,
                     GListModel *records)
{
  guint n = g_list_model_get_n_items (records);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatRecord) record = g_list_model_get_item (records, i);

      g_ptr_array_add (names, (gpointer) bilat_record_get_id (record));
    }
}

/* Ids first, so that an id wins a tie with an alias. */
void
tool_add_actor_names (GPtrArray  *names,
                      BilatStore *store)
{
  GListModel *actors = bilat_store_get_actors (store);
  guint n = g_list_model_get_n_items (actors);

  tool_add_record_ids (names, actors);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatActor) actor = g_list_model_get_item (actors, i);
      const char * const *aliases = bilat_actor_get_aliases (actor);

      for (guint j = 0; aliases != NULL && aliases[j] != NULL; j++)
        g_ptr_array_add (names, (gpointer) aliases[j]);
    }
}

/* Looks up an actor by id or alias, in any case. */
BilatActor *
tool_resolve_actor (BilatStore  *store,
                    const char  *name,
                    GError     **error)
{
  BilatActor *actor = bilat_store_lookup_actor (store, name);
  g_autoptr(GPtrArray) names = NULL;

  if (actor != NULL)
    return actor;

  names = g_ptr_array_new ();
  tool_add_actor_names (names, store);
  tool_set_not_found (error, "actor", name, names);
  return NULL;
}

BilatIssue *
tool_resolve_issue (BilatStore  *store,
                    const char  *id,
                    GError     **error)
{
  BilatIssue *issue = bilat_store_lookup_issue (store, id);
  g_autoptr(GPtrArray) ids = NULL;

  if (issue != NULL)
    return issue;

  ids = g_ptr_array_new ();
  tool_add_record_ids (ids, bilat_store_get_issues (store));
  tool_set_not_found (error, "issue", id, ids);
  return NULL;
}

/* Filters. Options given on the command line take precedence over the
 * same terms of --query; actors add up. */

/* Splits repeated options and comma lists into one list of names. */
static GPtrArray *
split_names (char **values)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (values[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          char *name = g_strstrip (g_strdup (parts[j]));

          if (*name == '\0')
            g_free (name);
          else
            g_ptr_array_add (names, name);
        }
    }
  return names;
}

static gboolean
check_not_empty (char       **values,
                 GPtrArray   *names,
                 const char  *option,
                 GError     **error)
{
  if (values == NULL || names->len > 0)
    return TRUE;
  g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE, "%s needs a value", option);
  return FALSE;
}

/* The id an actor name stands for: through the dataset's ids and aliases,
 * or, reading event files (no dataset), the code as written, in capitals
 * (CAMEO and ISO codes are upper case: `pak` is PAK). */
static const char *
resolve_actor_id (Tool        *tool,
                  const char  *name,
                  GPtrArray   *keep,
                  GError     **error)
{
  BilatActor *actor;
  char *code;

  if (tool->store != NULL)
    {
      actor = tool_resolve_actor (tool->store, name, error);
      return actor ? bilat_record_get_id (BILAT_RECORD (actor)) : NULL;
    }

  code = g_ascii_strup (name, -1);
  g_ptr_array_add (keep, code);
  if (!bilat_record_is_valid_id (code))
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE, "“%s” is not an actor code", name);
      return NULL;
    }
  return code;
}

static gboolean
apply_actors (Tool        *tool,
              BilatQuery  *query,
              GError     **error)
{
  g_autoptr(GPtrArray) names = split_names (tool->actors);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) resolved = NULL;
  const char * const *from_query = bilat_query_get_actors (query);

  if (!check_not_empty (tool->actors, names, "--actor", error))
    return FALSE;

  /* The query's own ids are resolved too, so that `actor:rus` finds RUS. */
  for (guint i = 0; from_query[i] != NULL; i++)
    g_ptr_array_insert (names, i, g_strdup (from_query[i]));

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
      const char *id = resolve_actor_id (tool, g_ptr_array_index (names, i), keep, error);

      if (id == NULL)
        return FALSE;
      g_strv_builder_add (ids, id);
    }

  resolved = g_strv_builder_end (ids);
  bilat_query_set_actors (query, (const char * const *) resolved);
  return TRUE;
}

static gboolean
apply_dyad (Tool        *tool,
            BilatQuery  *query,
            GError     **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) keep = NULL;
  const char *a = NULL;
  const char *b = NULL;
  const char *id_a;
  const char *id_b;

  if (tool->dyad != NULL)
    {
      char *values[] = { tool->dyad, NULL };

      names = split_names (values);
      if (names->len != 2)
        {
          g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                       "--dyad takes two actors separated by a comma, such as PAK,RUS");
          return FALSE;
        }
      a = g_ptr_array_index (names, 0);
      b = g_ptr_array_index (names, 1);
    }
  else if (!bilat_query_get_dyad (query, &a, &b))
    return TRUE;

  keep = g_ptr_array_new_with_free_func (g_free);
  id_a = resolve_actor_id (tool, a, keep, error);
  if (id_a == NULL)
    return FALSE;
  id_b = resolve_actor_id (tool, b, keep, error);
  if (id_b == NULL)
    return FALSE;
  if (strcmp (id_a, id_b) == 0)
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "a dyad needs two different actors, not “%s” twice", id_a);
      return FALSE;
    }

  /* The ids live in the store or in @keep, not in the query being changed. */
  bilat_query_set_dyad (query, id_a, id_b);
  return TRUE;
}

static BilatDate *
parse_date_option (const char  *option,
                   const char  *text,
                   GError     **error)
{
  BilatDate *date;

  if (text == NULL)
    return NULL;
  date = bilat_date_parse (text, error);
  if (date == NULL)
    g_prefix_error (error, "%s: ", option);
  return date;
}

/* --from and --to set the start and the end of the query's period, each
 * leaving the other (perhaps from --query) as it is. */
static gboolean
apply_period (Tool        *tool,
              BilatQuery  *query,
              GError     **error)
{
  g_autoptr(BilatDate) from = NULL;
  g_autoptr(BilatDate) to = NULL;
  BilatDate *start;
  BilatDate *end;

  if (tool->from == NULL && tool->to == NULL)
    return TRUE;

  from = parse_date_option ("--from", tool->from, error);
  if (tool->from != NULL && from == NULL)
    return FALSE;
  to = parse_date_option ("--to", tool->to, error);
  if (tool->to != NULL && to == NULL)
    return FALSE;

  start = from != NULL ? from : bilat_query_get_period_start (query);
  end = to != NULL ? to : bilat_query_get_period_end (query);
  if (start != NULL && end != NULL &&
      bilat_date_get_last_julian (end) < bilat_date_get_first_julian (start))
    {
      g_autofree char *start_text = bilat_date_to_string (start);
      g_autofree char *end_text = bilat_date_to_string (end);

      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "the period ends (%s) before it starts (%s)", end_text, start_text);
      return FALSE;
    }

  if (from != NULL)
    bilat_query_set_period_start (query, from);
  if (to != NULL)
    bilat_query_set_period_end (query, to);
  return TRUE;
}

static gboolean
apply_type (Tool        *tool,
            BilatQuery  *query,
            GError     **error)
{
  if (tool->type == NULL)
    return TRUE;

  if (g_ascii_strcasecmp (tool->type, "event") == 0)
    bilat_query_set_event_type (query, BILAT_TYPE_EVENT);
  else if (g_ascii_strcasecmp (tool->type, "exercise") == 0)
    bilat_query_set_event_type (query, BILAT_TYPE_EXERCISE);
  else
    {
      g_autofree char *clean = tool_text_clean (tool->type);

      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "--type is “event” or “exercise”, not “%s”", clean);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_sectors (Tool        *tool,
               BilatQuery  *query,
               GError     **error)
{
  g_autoptr(GPtrArray) names = split_names (tool->sectors);
  g_autoptr(GFlagsClass) klass = NULL;
  guint sectors = 0;

  if (!check_not_empty (tool->sectors, names, "--sector", error))
    return FALSE;
  if (names->len == 0)
    return TRUE;

  klass = g_type_class_ref (BILAT_TYPE_SECTOR);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *nick = g_ascii_strdown (g_ptr_array_index (names, i), -1);
      GFlagsValue *flag = g_flags_get_value_by_nick (klass, nick);

      if (flag == NULL || flag->value == 0)
        {
          g_autofree char *clean = tool_text_clean (g_ptr_array_index (names, i));
          g_autofree char *known = tool_flags_text (BILAT_TYPE_SECTOR, G_MAXUINT);

          g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                       "unknown sector “%s” (known: %s)", clean, known);
          return FALSE;
        }
      sectors |= flag->value;
    }

  bilat_query_set_sectors (query, sectors);
  return TRUE;
}

static gboolean
apply_issue (Tool        *tool,
             BilatQuery  *query,
             GError     **error)
{
  const char *id = tool->issue != NULL ? tool->issue : bilat_query_get_issue (query);
  BilatIssue *issue;

  if (id == NULL || tool->store == NULL)
    return TRUE;
  issue = tool_resolve_issue (tool->store, id, error);
  if (issue == NULL)
    return FALSE;
  bilat_query_set_issue (query, bilat_record_get_id (BILAT_RECORD (issue)));
  return TRUE;
}

/* Builds the query of a listing command from --query and the filter
 * options, with every actor and issue checked against the dataset. */
BilatQuery *
tool_build_query (Tool    *tool,
                  GError **error)
{
  g_autoptr(BilatQuery) query = NULL;

  if (tool->query != NULL)
    query = bilat_query_parse (tool->query, error);
  else
    query = bilat_query_new ();
  if (query == NULL)
    return NULL;

  if (!apply_actors (tool, query, error) ||
      !apply_dyad (tool, query, error) ||
      !apply_period (tool, query, error) ||
      !apply_type (tool, query, error) ||
      !apply_sectors (tool, query, error) ||
      !apply_issue (tool, query, error))
    return NULL;

  return g_steal_pointer (&query);
}
