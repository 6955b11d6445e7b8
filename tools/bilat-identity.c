/* bilat-identity.c: the states and code commands, over the identity
 * tables of libbilat (no dataset)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "bilat-tool.h"

/* A scheme named by its nick (cow, iso3 …), as --from and --to take it. */
static gboolean
parse_scheme (const char       *option,
              const char       *text,
              BilatCodeScheme  *scheme,
              GError          **error)
{
  g_autoptr(GEnumClass) schemes = g_type_class_ref (BILAT_TYPE_CODE_SCHEME);
  g_autoptr(GString) known = g_string_new (NULL);
  GEnumValue *value = g_enum_get_value_by_nick (schemes, text);
  g_autofree char *clean = NULL;

  if (value != NULL)
    {
      *scheme = value->value;
      return TRUE;
    }
  for (guint i = 0; i < schemes->n_values; i++)
    g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", schemes->values[i].value_nick);
  clean = tool_text_clean (text);
  g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
               "%s: unknown code scheme “%s” (known: %s)", option, clean, known->str);
  return FALSE;
}

/* --year YEAR or --date DATE, one of them; @required: one must be given. */
static gboolean
parse_when (Tool        *tool,
            gboolean     required,
            BilatDate  **date,
            GError     **error)
{
  *date = NULL;
  if (tool->year != NULL && tool->date != NULL)
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "give --year or --date, not both");
      return FALSE;
    }
  if (tool->year != NULL)
    {
      *date = bilat_date_parse (tool->year, error);
      if (*date == NULL)
        return FALSE;
      if (bilat_date_get_precision (*date) != BILAT_DATE_PRECISION_YEAR ||
          bilat_date_is_interval (*date))
        {
          g_autofree char *clean = tool_text_clean (tool->year);

          g_clear_pointer (date, bilat_date_unref);
          g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                       "--year takes a year such as 1991, not “%s” (see --date)", clean);
          return FALSE;
        }
      return TRUE;
    }
  if (tool->date != NULL)
    {
      *date = bilat_date_parse (tool->date, error);
      return *date != NULL;
    }
  if (required)
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "“states” needs --year YEAR or --date DATE");
      return FALSE;
    }
  return TRUE;
}

static char *
spell_day (BilatDate *date)
{
  return date != NULL ? bilat_date_to_string (date) : NULL;
}

static const ToolColumn state_columns[] = {
  { "COW", 0, 3, TOOL_COLUMN_RIGHT },
  { "STATE", 0, 5, 0 },
  { "NAME", 1, 16, 0 },
  { "FROM", 0, 10, 0 },
  { "TO", 0, 10, 0 },
};

gboolean
tool_run_states (Tool    *tool,
                 char   **args,
                 GError **error)
{
  BilatIdentity *identity = bilat_identity_get_default ();
  g_autoptr(BilatDate) date = NULL;
  g_autoptr(GListModel) members = NULL;
  g_autoptr(ToolTable) table = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  guint n;

  if (!parse_when (tool, TRUE, &date, error))
    return FALSE;
  members = bilat_identity_get_members (identity, date);
  n = g_list_model_get_n_items (members);

  if (tool->json)
    {
      g_autoptr(JsonNode) root = NULL;

      builder = json_builder_new ();
      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BilatStateSpell) spell = g_list_model_get_item (members, i);
          const char *state = bilat_state_spell_get_state (spell);
          g_autofree char *start = spell_day (bilat_state_spell_get_start (spell));
          g_autofree char *end = spell_day (bilat_state_spell_get_end (spell));

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "state");
          json_builder_add_string_value (builder, state);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, bilat_identity_get_name (identity, state));
          json_builder_set_member_name (builder, "cow_code");
          json_builder_add_int_value (builder, bilat_state_spell_get_cow_code (spell));
          json_builder_set_member_name (builder, "start");
          json_builder_add_string_value (builder, start);
          json_builder_set_member_name (builder, "end");
          if (end != NULL)
            json_builder_add_string_value (builder, end);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      tool_print_json (stdout, root);
      return TRUE;
    }

  table = tool_table_new (state_columns, G_N_ELEMENTS (state_columns));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatStateSpell) spell = g_list_model_get_item (members, i);
      const char *state = bilat_state_spell_get_state (spell);
      g_autofree char *code = g_strdup_printf ("%u", bilat_state_spell_get_cow_code (spell));
      g_autofree char *start = spell_day (bilat_state_spell_get_start (spell));
      g_autofree char *end = spell_day (bilat_state_spell_get_end (spell));

      tool_table_add_row (table, (const char *[]) {
        code, state, bilat_identity_get_name (identity, state), start, end != NULL ? end : "",
      });
    }
  tool_table_print (table, stdout, "No state was a member of the state system then.");
  return TRUE;
}

gboolean
tool_run_code (Tool    *tool,
               char   **args,
               GError **error)
{
  BilatIdentity *identity = bilat_identity_get_default ();
  BilatCodeScheme from = BILAT_CODE_SCHEME_NAME;
  BilatCodeScheme to = BILAT_CODE_SCHEME_ACTOR;
  g_autoptr(BilatDate) date = NULL;
  const char *state;
  const char *code;

  if ((tool->scheme_from != NULL && !parse_scheme ("--from", tool->scheme_from, &from, error)) ||
      (tool->scheme_to != NULL && !parse_scheme ("--to", tool->scheme_to, &to, error)) ||
      !parse_when (tool, FALSE, &date, error))
    return FALSE;

  state = bilat_identity_resolve (identity, from, args[0], date, error);
  if (state == NULL)
    return FALSE;
  code = bilat_identity_get_code (identity, state, to, date, error);
  if (code == NULL)
    return FALSE;

  if (tool->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *when = date != NULL ? bilat_date_to_string (date) : NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "input");
      json_builder_add_string_value (builder, args[0]);
      json_builder_set_member_name (builder, "from");
      json_builder_add_string_value (builder, tool_enum_nick (BILAT_TYPE_CODE_SCHEME, from));
      json_builder_set_member_name (builder, "to");
      json_builder_add_string_value (builder, tool_enum_nick (BILAT_TYPE_CODE_SCHEME, to));
      json_builder_set_member_name (builder, "date");
      if (when != NULL)
        json_builder_add_string_value (builder, when);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, state);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, code);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      tool_print_json (stdout, root);
      return TRUE;
    }

  printf ("%s\n", code);
  return TRUE;
}
