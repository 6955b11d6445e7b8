/* bilat-validate.c: `bilat validate FILE…`, every problem of a dataset
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "bilat-tool.h"

static void
add_string_member (JsonObject *object,
                   const char *name,
                   const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

/* Unknown places are null rather than left out, so that every problem has
 * the same members. */
static JsonNode *
problem_to_json (const BilatProblem *problem)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  add_string_member (object, "file", bilat_problem_get_file (problem));
  if (bilat_problem_get_line (problem) > 0)
    json_object_set_int_member (object, "line", bilat_problem_get_line (problem));
  else
    json_object_set_null_member (object, "line");
  add_string_member (object, "kind", bilat_problem_get_kind (problem));
  if (bilat_problem_get_kind (problem) != NULL && bilat_problem_get_index (problem) >= 0)
    json_object_set_int_member (object, "index", bilat_problem_get_index (problem));
  else
    json_object_set_null_member (object, "index");
  add_string_member (object, "id", bilat_problem_get_record_id (problem));
  add_string_member (object, "field", bilat_problem_get_field (problem));
  add_string_member (object, "code", tool_enum_nick (BILAT_TYPE_FORMAT_ERROR,
                                                     bilat_problem_get_code (problem)));
  add_string_member (object, "message", bilat_problem_get_message (problem));

  json_node_take_object (node, object);
  return node;
}

static guint
count_records (BilatStore *store)
{
  GListModel *lists[] = {
    bilat_store_get_sources (store),
    bilat_store_get_actors (store),
    bilat_store_get_issues (store),
    bilat_store_get_events (store),
    bilat_store_get_positions (store),
  };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    n += g_list_model_get_n_items (lists[i]);
  return n;
}

static gboolean
is_regular (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && S_ISREG (st.st_mode);
}

/* Whether @path starts like a native store file. Only a regular file can
 * be one (it is mapped): a pipe or a device is not read here, since the
 * bytes read could not be read again as JSON. */
static gboolean
is_native (const char *path)
{
  static const char magic[8] = { 'B', 'I', 'L', 'A', 'T', '\0', 's', 't' };
  char start[8];
  FILE *f;
  gboolean native;

  if (!is_regular (path))
    return FALSE;
  f = fopen (path, "rb");
  if (f == NULL)
    return FALSE;
  native = fread (start, 1, sizeof start, f) == sizeof start && memcmp (start, magic, sizeof magic) == 0;
  fclose (f);
  return native;
}

static void
ignore_damage (GObject    *store,
               GParamSpec *pspec,
               gpointer    data)
{
}

/* Whether the rows of @store, loaded from a native file, are damaged;
 * the damage goes to @error. */
static gboolean
rows_damaged (BilatStore  *store,
              GError     **error)
{
  const GError *damage = bilat_store_get_damage (store);

  if (damage == NULL)
    return FALSE;
  g_propagate_error (error, g_error_copy (damage));
  return TRUE;
}

static gboolean
validate_native (Tool        *tool,
                 const char  *path,
                 const char  *name,
                 JsonArray   *all,
                 guint       *n_problems,
                 GError     **error)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GError) local_error = NULL;

  /* Every section and value is checked: the rows too, which a load
   * leaves to their first use (the damage is reported here, as a
   * problem, not logged). */
  g_signal_connect (store, "notify::damage", G_CALLBACK (ignore_damage), NULL);
  if (bilat_store_load_from_path (store, path, &local_error) &&
      !rows_damaged (store, &local_error))
    {
      if (!tool->json)
        printf ("%s: valid native file (%u records)\n", name, count_records (store));
      return TRUE;
    }
  if (!g_error_matches (local_error, BILAT_FORMAT_ERROR, local_error->code))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* What is wrong with a native file is one problem: loading stops at it. */
  if (tool->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, local_error->message);
      json_builder_end_object (builder);
      json_array_add_element (all, json_builder_get_root (builder));
    }
  else
    {
      g_autofree char *clean = tool_text_clean (local_error->message);

      printf ("%s\n", clean);
    }
  (*n_problems)++;
  return TRUE;
}

/* Checks one file. The problems go to @all (for --json) or are printed;
 * @n_problems grows by their number. */
static gboolean
validate_one (Tool        *tool,
              const char  *path,
              JsonArray   *all,
              guint       *n_problems,
              GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(BilatStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;

  /* A native store file is checked by loading it: every section's
   * checksum and value, and its records as a dataset. */
  if (is_native (path))
    return validate_native (tool, path, name, all, n_problems, error);

  /* Read as a stream, checked as it comes: a file of any size costs a
   * record's worth of memory. The problems name the file as it was
   * given, as compilers do. */
  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return FALSE;
  problems = bilat_validate_stream (G_INPUT_STREAM (stream), name, NULL, error);
  if (problems == NULL)
    return FALSE;
  for (guint i = 0; i < problems->len; i++)
    {
      const BilatProblem *problem = g_ptr_array_index (problems, i);

      if (tool->json)
        json_array_add_element (all, problem_to_json (problem));
      else
        {
          g_autofree char *text = bilat_problem_to_string (problem);
          g_autofree char *clean = tool_text_clean (text);

          printf ("%s\n", clean);
        }
    }
  *n_problems += problems->len;
  /* Past the problems a check lists, the last says how many more there
   * are ("N more problems, not listed: …", a problem of the file with no
   * line): the count says them all. */
  if (problems->len > 0)
    {
      const BilatProblem *last = g_ptr_array_index (problems, problems->len - 1);
      const char *message = bilat_problem_get_message (last);
      char *end = NULL;
      guint64 more = g_ascii_strtoull (message, &end, 10);

      if (bilat_problem_get_line (last) == 0 && bilat_problem_get_kind (last) == NULL &&
          end != message && g_str_has_prefix (end, " more problems, not listed") && more > 0)
        *n_problems += (guint) MIN (more, (guint64) G_MAXUINT - *n_problems) - 1;
    }

  /* A pipe cannot be read a second time to count the records. */
  if (problems->len == 0 && !tool->json && !is_regular (path))
    printf ("%s: valid\n", name);
  else if (problems->len == 0 && !tool->json)
    {
      store = bilat_store_new ();
      if (!bilat_store_load_from_path (store, path, error))
        return FALSE;
      printf ("%s: valid (%u records)\n", name, count_records (store));
    }
  return TRUE;
}

gboolean
tool_run_validate (Tool    *tool,
                   char   **args,
                   GError **error)
{
  g_autoptr(JsonArray) all = json_array_new ();
  guint n_problems = 0;
  guint n_files = g_strv_length (args);

  for (guint i = 0; i < n_files; i++)
    if (!validate_one (tool, args[i], all, &n_problems, error))
      return FALSE;

  if (tool->json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      json_node_set_array (node, all);
      tool_print_json (stdout, node);
    }

  if (n_problems > 0)
    {
      g_autofree char *where = n_files == 1 ? g_filename_display_name (args[0])
                                            : g_strdup_printf ("%u files", n_files);

      g_set_error (error, TOOL_ERROR, TOOL_ERROR_PROBLEMS,
                   n_problems == 1 ? "%s: %u problem" : "%s: %u problems", where, n_problems);
      return FALSE;
    }
  return TRUE;
}
