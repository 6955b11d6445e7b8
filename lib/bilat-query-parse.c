/* bilat-query-parse.c: the string form of a query
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Space-separated key:value terms (see BilatQuery), read and written
 * through the query's own API: a query parsed is one a program could have
 * built, and what prints is what the getters say.
 */

#include <stdarg.h>
#include <string.h>

#include <bilat/bilat.h>

#include "bilat-query-private.h"

static gboolean
query_error (GError     **error,
             int          code,
             const char  *text,
             const char  *format,
             ...) G_GNUC_PRINTF (4, 5);

static gboolean
query_error (GError     **error,
             int          code,
             const char  *text,
             const char  *format,
             ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, BILAT_QUERY_ERROR, code, "Invalid query “%s”: %s", text, detail);
  return FALSE;
}

/* Splits the text into terms at spaces outside double quotes; a quoted
 * value keeps its spaces and loses its quotes. */
static GPtrArray *
split_terms (const char  *text,
             GError     **error)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p != '\0')
    {
      GString *term;
      gboolean quoted = FALSE;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;

      term = g_string_new (NULL);
      while (*p != '\0' && (quoted || !g_ascii_isspace (*p)))
        {
          /* Inside quotes a backslash takes the next character as it is,
           * so that a value can hold a quote: text:"say \"hi\"". */
          if (quoted && *p == '\\' && p[1] != '\0')
            {
              p++;
              g_string_append_c (term, *p);
            }
          else if (*p == '"')
            quoted = !quoted;
          else
            g_string_append_c (term, *p);
          p++;
        }
      if (quoted)
        {
          g_string_free (term, TRUE);
          query_error (error, BILAT_QUERY_ERROR_SYNTAX, text, "a double quote is not closed");
          return NULL;
        }
      g_ptr_array_add (terms, g_string_free (term, FALSE));
    }

  return g_steal_pointer (&terms);
}

static gboolean
parse_nick_list (GType        flags_type,
                 const char  *value,
                 guint       *out_flags)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (flags_type);
  g_auto(GStrv) nicks = g_strsplit (value, ",", -1);
  guint flags = 0;

  for (guint i = 0; nicks[i] != NULL; i++)
    {
      GFlagsValue *flag = g_flags_get_value_by_nick (klass, nicks[i]);

      if (flag == NULL || flag->value == 0)
        return FALSE;
      flags |= flag->value;
    }
  *out_flags = flags;
  return flags != 0;
}

static gboolean
parse_quad_class (const char     *value,
                  BilatQuadClass *out_quad)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (BILAT_TYPE_QUAD_CLASS);
  GEnumValue *found;

  if (value[0] >= '1' && value[0] <= '4' && value[1] == '\0')
    {
      *out_quad = value[0] - '0';
      return TRUE;
    }
  found = g_enum_get_value_by_nick (klass, value);
  if (found == NULL || found->value == BILAT_QUAD_CLASS_NONE)
    return FALSE;
  *out_quad = found->value;
  return TRUE;
}

/* Applies one term. The ids of "actor:" terms go to @actors, for the
 * caller to set at once: one at a time, each would copy those before. */
static gboolean
apply_term (BilatQuery  *self,
            const char  *text,
            const char  *key,
            const char  *value,
            GHashTable  *seen,
            GPtrArray   *actors,
            GError     **error)
{
  if (!g_hash_table_add (seen, g_strdup (key)) && strcmp (key, "actor") != 0)
    return query_error (error, BILAT_QUERY_ERROR_DUPLICATE_KEY, text,
                        "“%s:” is given twice", key);
  if (*value == '\0')
    return query_error (error, BILAT_QUERY_ERROR_INVALID_VALUE, text,
                        "“%s:” has no value", key);

  if (strcmp (key, "actor") == 0)
    {
      g_auto(GStrv) ids = g_strsplit (value, ",", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          if (!bilat_record_is_valid_id (ids[i]))
            return query_error (error, BILAT_QUERY_ERROR_INVALID_VALUE, text,
                                "“%s” is not an actor id", ids[i]);
          g_ptr_array_add (actors, g_strdup (ids[i]));
        }
    }
  else if (strcmp (key, "dyad") == 0)
    {
      g_auto(GStrv) ids = g_strsplit (value, ",", -1);

      if (g_strv_length (ids) != 2 ||
          !bilat_record_is_valid_id (ids[0]) || !bilat_record_is_valid_id (ids[1]))
        return query_error (error, BILAT_QUERY_ERROR_INVALID_VALUE, text,
                            "a dyad is two actor ids separated by a comma, not “%s”", value);
      if (strcmp (ids[0], ids[1]) == 0)
        return query_error (error, BILAT_QUERY_ERROR_INVALID_VALUE, text,
                            "a dyad needs two different actors, not “%s” twice", ids[0]);
      bilat_query_set_dyad (self, ids[0], ids[1]);
    }
  else if (strcmp (key, "from") == 0 || strcmp (key, "to") == 0 || strcmp (key, "period") == 0)
    {
      g_autoptr(GError) date_error = NULL;
      g_autoptr(BilatDate) date = bilat_date_parse (value, &date_error);
      BilatDate *from;
      BilatDate *to;

      if (date == NULL)
        return query_error (error, BILAT_QUERY_ERROR_INVALID_VALUE, text,
                            "“%s:”: %s", key, date_error->message);
      if ((strcmp (key, "period") == 0 &&
           (g_hash_table_contains (seen, "from") || g_hash_table_contains (seen, "to"))) ||
          (strcmp (key, "period") != 0 && g_hash_table_contains (seen, "period")))
        return query_error (error, BILAT_QUERY_ERROR_DUPLICATE_KEY, text,
                            "“period:” cannot be combined with “from:” or “to:”");

      if (strcmp (key, "period") == 0)
        bilat_query_set_period (self, date);
      else if (strcmp (key, "from") == 0)
        bilat_query_set_period_start (self, date);
      else
        bilat_query_set_period_end (self, date);

      from = bilat_query_get_period_start (self);
      to = bilat_query_get_period_end (self);
      if (from != NULL && to != NULL &&
          bilat_date_get_last_julian (to) < bilat_date_get_first_julian (from))
        return query_error (error, BILAT_QUERY_ERROR_INVALID_VALUE, text,
                            "the period ends before it starts");
    }
  else if (strcmp (key, "type") == 0)
    {
      GType type = g_type_from_name (value);

      /* A subclass of BilatEvent that a program registered is named by its
       * type name, which to_string() prints. */
      if (strcmp (value, "event") == 0)
        bilat_query_set_event_type (self, BILAT_TYPE_EVENT);
      else if (strcmp (value, "exercise") == 0)
        bilat_query_set_event_type (self, BILAT_TYPE_EXERCISE);
      else if (type != G_TYPE_INVALID && g_type_is_a (type, BILAT_TYPE_EVENT))
        bilat_query_set_event_type (self, type);
      else
        return query_error (error, BILAT_QUERY_ERROR_INVALID_VALUE, text,
                            "“type:” is “event” or “exercise”, not “%s”", value);
    }
  else if (strcmp (key, "cameo") == 0)
    {
      if (!_bilat_query_is_cameo_prefix (value))
        return query_error (error, BILAT_QUERY_ERROR_INVALID_VALUE, text,
                            "“cameo:” takes 1 to 4 digits, not “%s”", value);
      bilat_query_set_cameo_prefix (self, value);
    }
  else if (strcmp (key, "quad") == 0)
    {
      BilatQuadClass quad;

      if (!parse_quad_class (value, &quad))
        return query_error (error, BILAT_QUERY_ERROR_INVALID_VALUE, text,
                            "“quad:” takes 1–4 or a QuadClass name such as "
                            "“material-cooperation”, not “%s”", value);
      bilat_query_set_quad_class (self, quad);
    }
  else if (strcmp (key, "sector") == 0)
    {
      guint sectors;

      if (!parse_nick_list (BILAT_TYPE_SECTOR, value, &sectors))
        return query_error (error, BILAT_QUERY_ERROR_INVALID_VALUE, text,
                            "“sector:” takes sector names such as “defence,energy”, not “%s”",
                            value);
      bilat_query_set_sectors (self, sectors);
    }
  else if (strcmp (key, "issue") == 0)
    {
      if (!bilat_record_is_valid_id (value))
        return query_error (error, BILAT_QUERY_ERROR_INVALID_VALUE, text,
                            "“%s” is not an issue id", value);
      bilat_query_set_issue (self, value);
    }
  else if (strcmp (key, "text") == 0)
    {
      bilat_query_set_text (self, value);
    }
  else if (strcmp (key, "succession") == 0)
    {
      if (strcmp (value, "on") == 0)
        bilat_query_set_follow_succession (self, TRUE);
      else if (strcmp (value, "off") == 0)
        bilat_query_set_follow_succession (self, FALSE);
      else
        return query_error (error, BILAT_QUERY_ERROR_INVALID_VALUE, text,
                            "“succession:” is “on” or “off”, not “%s”", value);
    }
  else
    {
      return query_error (error, BILAT_QUERY_ERROR_UNKNOWN_KEY, text,
                          "unknown key “%s:” (known: actor, dyad, from, to, period, type, "
                          "cameo, quad, sector, issue, text, succession)", key);
    }

  return TRUE;
}

/**
 * bilat_query_parse:
 * @text: a query in the string form, e.g. `dyad:PAK,RUS from:2015 type:exercise`
 * @error: return location for a [error@Bilat.QueryError]
 *
 * Parses the string form of a query described in [class@Bilat.Query]. The
 * empty string is the query that matches everything.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL with @error set
 *   to an error that quotes the text and says what is wrong
 *
 * Since: 1.0
 */
BilatQuery *
bilat_query_parse (const char  *text,
                   GError     **error)
{
  g_autoptr(BilatQuery) self = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) unique = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_unique = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, BILAT_QUERY_ERROR, BILAT_QUERY_ERROR_SYNTAX,
                   "Invalid query: the text is not valid UTF-8");
      return NULL;
    }

  terms = split_terms (text, error);
  if (terms == NULL)
    return NULL;

  self = bilat_query_new ();
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < terms->len; i++)
    {
      const char *term = g_ptr_array_index (terms, i);
      const char *colon = strchr (term, ':');
      g_autofree char *key = NULL;

      if (colon == NULL || colon == term)
        {
          query_error (error, BILAT_QUERY_ERROR_SYNTAX, text,
                       "“%s” is not of the form key:value", term);
          return NULL;
        }
      key = g_strndup (term, colon - term);
      if (!apply_term (self, text, key, colon + 1, seen, actors, error))
        return NULL;
    }

  /* The actors, each once, in the order first given. */
  for (guint i = 0; i < actors->len; i++)
    if (g_hash_table_add (unique, g_ptr_array_index (actors, i)))
      {
        char *id = g_ptr_array_index (actors, i);

        actors->pdata[i] = actors->pdata[n_unique];
        actors->pdata[n_unique++] = id;
      }
  if (n_unique > 0)
    {
      g_ptr_array_set_size (actors, n_unique);
      g_ptr_array_add (actors, NULL);
      bilat_query_set_actors (self, (const char * const *) actors->pdata);
    }

  return g_steal_pointer (&self);
}

static void
append_term (GString    *out,
             const char *key,
             const char *value)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, "%s:", key);
  if (strpbrk (value, " \t\n\r\f\v\"\\") == NULL)
    {
      g_string_append (out, value);
      return;
    }

  /* Quoted, with quotes and backslashes escaped, as split_terms() reads. */
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
flags_to_nicks (GType flags_type,
                guint flags)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (flags_type);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      const GFlagsValue *flag = &klass->values[i];

      if (flag->value != 0 && (flags & flag->value) == flag->value)
        {
          if (out->len > 0)
            g_string_append_c (out, ',');
          g_string_append (out, flag->value_nick);
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * bilat_query_to_string:
 * @self: a [class@Bilat.Query]
 *
 * Prints the query in the string form that [func@Bilat.Query.parse] reads
 * back to an equal query. The query that matches everything prints as the
 * empty string.
 *
 * Returns: (transfer full): the string form
 *
 * Since: 1.0
 */
char *
bilat_query_to_string (BilatQuery *self)
{
  const char * const *actors;
  const char *dyad_a;
  const char *dyad_b;
  BilatDate *from;
  BilatDate *to;
  GType event_type;
  BilatQuadClass quad_class;
  BilatSector sectors;
  GString *out;

  g_return_val_if_fail (BILAT_IS_QUERY (self), NULL);

  out = g_string_new (NULL);

  actors = bilat_query_get_actors (self);
  if (actors[0] != NULL)
    {
      g_autofree char *ids = g_strjoinv (",", (char **) actors);
      append_term (out, "actor", ids);
    }
  if (bilat_query_get_dyad (self, &dyad_a, &dyad_b))
    {
      g_autofree char *pair = g_strdup_printf ("%s,%s", dyad_a, dyad_b);
      append_term (out, "dyad", pair);
    }
  from = bilat_query_get_period_start (self);
  to = bilat_query_get_period_end (self);
  if (from != NULL && to != NULL && bilat_date_equal (from, to))
    {
      g_autofree char *period = bilat_date_to_string (from);
      append_term (out, "period", period);
    }
  else
    {
      if (from != NULL)
        {
          g_autofree char *start = bilat_date_to_string (from);
          append_term (out, "from", start);
        }
      if (to != NULL)
        {
          g_autofree char *end = bilat_date_to_string (to);
          append_term (out, "to", end);
        }
    }
  event_type = bilat_query_get_event_type (self);
  if (event_type != BILAT_TYPE_EVENT)
    append_term (out, "type", event_type == BILAT_TYPE_EXERCISE ? "exercise"
                                                                : g_type_name (event_type));
  if (bilat_query_get_cameo_prefix (self) != NULL)
    append_term (out, "cameo", bilat_query_get_cameo_prefix (self));
  quad_class = bilat_query_get_quad_class (self);
  if (quad_class != BILAT_QUAD_CLASS_NONE)
    {
      char digit[2] = { (char) ('0' + quad_class), '\0' };
      append_term (out, "quad", digit);
    }
  sectors = bilat_query_get_sectors (self);
  if (sectors != BILAT_SECTOR_NONE)
    {
      g_autofree char *nicks = flags_to_nicks (BILAT_TYPE_SECTOR, sectors);
      append_term (out, "sector", nicks);
    }
  if (bilat_query_get_issue (self) != NULL)
    append_term (out, "issue", bilat_query_get_issue (self));
  if (bilat_query_get_text (self) != NULL)
    append_term (out, "text", bilat_query_get_text (self));
  if (!bilat_query_get_follow_succession (self))
    append_term (out, "succession", "off");

  return g_string_free (out, FALSE);
}
