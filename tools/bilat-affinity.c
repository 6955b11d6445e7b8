/* bilat-affinity.c: the affinity command of the bilat tool: how close two
 * states stand from their UN votes, per year or session, or every pair's
 * over one period
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "bilat-tool.h"

static gboolean
parse_measures (const char             *text,
                BilatAffinityMeasures  *measures,
                GError                **error)
{
  g_auto(GStrv) names = g_strsplit (text, ",", -1);
  GFlagsClass *klass = g_type_class_ref (BILAT_TYPE_AFFINITY_MEASURES);

  *measures = BILAT_AFFINITY_MEASURES_NONE;
  for (guint i = 0; names[i] != NULL; i++)
    {
      GFlagsValue *value = g_flags_get_value_by_nick (klass, g_strstrip (names[i]));

      if (value == NULL || value->value == BILAT_AFFINITY_MEASURES_NONE)
        {
          g_autofree char *clean = tool_text_clean (names[i]);

          g_type_class_unref (klass);
          g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                       "unknown measure “%s” (known: agree, s, s2, kappa, pi, all)", clean);
          return FALSE;
        }
      *measures |= value->value;
    }
  g_type_class_unref (klass);
  return TRUE;
}

static gboolean
parse_unit (const char         *text,
            BilatAffinityUnit  *unit,
            GError            **error)
{
  if (text == NULL || strcmp (text, "period") == 0)
    *unit = BILAT_AFFINITY_UNIT_PERIOD;
  else if (strcmp (text, "year") == 0)
    *unit = BILAT_AFFINITY_UNIT_YEAR;
  else if (strcmp (text, "session") == 0)
    *unit = BILAT_AFFINITY_UNIT_SESSION;
  else
    {
      g_autofree char *clean = tool_text_clean (text);

      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "--by takes year, session or period, not “%s”", clean);
      return FALSE;
    }
  return TRUE;
}

gboolean
tool_add_votes (Tool        *tool,
                BilatStore  *store,
                GError     **error)
{
  g_autoptr(BilatImportReport) report = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; tool->votes[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (tool->votes[i]));
  report = bilat_store_import_votes (store, (GFile **) files->pdata, files->len,
                                     tool->strict ? BILAT_IMPORT_FLAGS_STRICT : BILAT_IMPORT_FLAGS_NONE,
                                     NULL, error);
  return report != NULL && tool_print_import_report (report, error);
}

/* The votes of --votes FILE…, read into a new store; bad rows reported on
 * standard error. */
static BilatStore *
read_votes (Tool    *tool,
            GError **error)
{
  g_autoptr(BilatStore) store = bilat_store_new ();

  if (!tool_add_votes (tool, store, error))
    return NULL;
  return g_steal_pointer (&store);
}

gboolean
tool_run_affinity (Tool    *tool,
                   char   **args,
                   GError **error)
{
  g_autoptr(BilatQuery) query = tool_build_query (tool, error);
  g_autoptr(BilatAffinitySettings) settings = bilat_affinity_settings_new ();
  g_autoptr(BilatAffinity) affinity = NULL;
  g_autoptr(BilatStore) votes = NULL;
  g_autofree char *text = NULL;
  BilatAffinityMeasures measures = BILAT_AFFINITY_MEASURES_ALL;
  BilatAffinityFormat format = BILAT_AFFINITY_FORMAT_TABLE;
  BilatAffinityUnit unit;
  BilatStore *store = tool->store;
  g_autoptr(GPtrArray) actors_given = g_ptr_array_new ();
  guint n_args;

  if (query == NULL)
    return FALSE;

  /* Tables given as arguments, as a shell glob gives them after --votes,
   * are files; the rest are actors. */
  for (guint i = 0; args[i] != NULL; i++)
    {
      if (tool->votes != NULL && g_file_test (args[i], G_FILE_TEST_IS_REGULAR))
        {
          guint n = g_strv_length (tool->votes);

          tool->votes = g_renew (char *, tool->votes, n + 2);
          tool->votes[n] = g_strdup (args[i]);
          tool->votes[n + 1] = NULL;
        }
      else
        g_ptr_array_add (actors_given, args[i]);
    }
  g_ptr_array_add (actors_given, NULL);
  args = (char **) actors_given->pdata;
  n_args = actors_given->len - 1;
  if (!parse_unit (tool->by, &unit, error))
    return FALSE;
  if (tool->measure != NULL && !parse_measures (tool->measure, &measures, error))
    return FALSE;
  if (tool->matrix && n_args != 0)
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "“affinity --matrix” takes no actors as arguments: give them with --actors A,B,C");
      return FALSE;
    }
  if (!tool->matrix && n_args != 2)
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "“affinity” needs two actors A B, or --matrix");
      return FALSE;
    }
  if (tool->matrix && tool->by != NULL && unit != BILAT_AFFINITY_UNIT_PERIOD)
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "“affinity --matrix” is over one period: --by does not apply");
      return FALSE;
    }
  if (!tool->matrix && tool->matrix_actors != NULL)
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "--actors applies to “affinity --matrix” only");
      return FALSE;
    }
  if ((tool->csv ? 1 : 0) + (tool->tsv ? 1 : 0) + (tool->json ? 1 : 0) > 1)
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "only one of --csv, --tsv and --json can be given");
      return FALSE;
    }
  if (tool->csv)
    format = BILAT_AFFINITY_FORMAT_CSV;
  else if (tool->tsv)
    format = BILAT_AFFINITY_FORMAT_TSV;
  else if (tool->json)
    format = BILAT_AFFINITY_FORMAT_JSON;

  if (tool->votes != NULL)
    {
      votes = read_votes (tool, error);
      if (votes == NULL)
        return FALSE;
      store = votes;
    }

  bilat_affinity_settings_set_query (settings, query);
  bilat_affinity_settings_set_unit (settings, unit);
  bilat_affinity_settings_set_topic (settings, tool->topic);
  bilat_affinity_settings_set_important_only (settings, tool->important);
  if (tool->thin >= 0)
    bilat_affinity_settings_set_thin_threshold (settings, (guint) tool->thin);

  if (tool->matrix)
    {
      g_auto(GStrv) actors = NULL;

      if (tool->matrix_actors != NULL)
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

          for (guint i = 0; tool->matrix_actors[i] != NULL; i++)
            {
              g_auto(GStrv) parts = g_strsplit (tool->matrix_actors[i], ",", -1);

              for (guint j = 0; parts[j] != NULL; j++)
                if (*g_strstrip (parts[j]) != '\0')
                  g_strv_builder_add (builder, parts[j]);
            }
          actors = g_strv_builder_end (builder);
        }
      affinity = bilat_store_compute_affinity_matrix (store, (const char * const *) actors, settings);
    }
  else
    {
      affinity = bilat_store_compute_affinity (store, args[0], args[1], settings);
    }

  text = bilat_affinity_to_string (affinity, format, measures);
  fputs (text, stdout);
  return TRUE;
}
