/* bilat-json.c: the library's own JSON printer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * json-glib's generator writes `"key" : value` and doubles with 17
 * significant digits (33.6 becomes 33.600000000000001). Datasets are meant
 * to be read and diffed by people, so they are printed here instead, in
 * the layout of the examples of docs/format.md.
 */

#include <math.h>
#include <string.h>

#include "bilat-json-private.h"

static void print_node (GString *out, JsonNode *node, guint depth, gboolean inline_only);

static void
indent (GString *out,
        guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
print_string (GString    *out,
              const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* The shortest decimal that reads back as @value: scores and coordinates
 * have a few digits, and should be written with those. */
static void
print_double (GString *out,
              double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      /* JSON has no NaN or infinity; the writers never pass them. */
      g_string_append (out, "null");
      return;
    }

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);

  /* Keep a double a double when it reads back: 7 → 7.0. */
  if (strpbrk (buffer, ".eE") == NULL)
    g_string_append (out, ".0");
}

static void
print_value (GString  *out,
             JsonNode *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      print_double (out, json_node_get_double (node));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_STRING:
      print_string (out, json_node_get_string (node));
      break;
    default:
      g_string_append (out, "null");
    }
}

static gboolean
is_scalar (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) || JSON_NODE_HOLDS_NULL (node);
}

static gboolean
all_scalar_members (JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_values (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!is_scalar (l->data))
      return FALSE;
  return TRUE;
}

static gboolean
all_scalar_elements (JsonArray *array)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!is_scalar (json_array_get_element (array, i)))
      return FALSE;
  return TRUE;
}

static void
print_object (GString    *out,
              JsonObject *object,
              guint       depth,
              gboolean    on_one_line)
{
  g_autoptr(GList) names = json_object_get_members (object);
  gboolean first = TRUE;

  if (names == NULL)
    {
      g_string_append (out, "{}");
      return;
    }

  g_string_append_c (out, '{');
  for (GList *l = names; l != NULL; l = l->next)
    {
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      if (on_one_line)
        {
          if (l != names)
            g_string_append_c (out, ' ');
        }
      else
        {
          g_string_append_c (out, '\n');
          indent (out, depth + 1);
        }
      print_string (out, l->data);
      g_string_append (out, ": ");
      print_node (out, json_object_get_member (object, l->data), depth + 1, on_one_line);
    }
  if (!on_one_line)
    {
      g_string_append_c (out, '\n');
      indent (out, depth);
    }
  g_string_append_c (out, '}');
}

static void
print_array (GString   *out,
             JsonArray *array,
             guint      depth,
             gboolean   on_one_line)
{
  guint n = json_array_get_length (array);

  if (n == 0)
    {
      g_string_append (out, "[]");
      return;
    }

  on_one_line = on_one_line || all_scalar_elements (array);
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (i > 0)
        g_string_append_c (out, ',');
      if (on_one_line)
        {
          if (i > 0)
            g_string_append_c (out, ' ');
          print_node (out, element, depth + 1, TRUE);
        }
      else
        {
          g_string_append_c (out, '\n');
          indent (out, depth + 1);
          /* Small records inside lists ({"actor": "PAK", "role": …}) read
           * best on one line each. */
          print_node (out, element, depth + 1,
                      JSON_NODE_HOLDS_OBJECT (element) &&
                      all_scalar_members (json_node_get_object (element)) &&
                      depth > 1);
        }
    }
  if (!on_one_line)
    {
      g_string_append_c (out, '\n');
      indent (out, depth);
    }
  g_string_append_c (out, ']');
}

static void
print_node (GString  *out,
            JsonNode *node,
            guint     depth,
            gboolean  inline_only)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    print_object (out, json_node_get_object (node), depth, inline_only);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    print_array (out, json_node_get_array (node), depth, inline_only);
  else
    print_value (out, node);
}

void
_bilat_json_print (GString  *out,
                   JsonNode *node)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (node != NULL);

  print_node (out, node, 0, FALSE);
}
