/* bilat-format-read.c: reading datasets in the libbilat JSON format
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One reader serves the loaders of BilatStore and the validator: it checks
 * a whole document, collecting every problem with its place, and builds the
 * records on the side. A loader adds them to its store only when there is
 * no problem at all, so that a failed load changes nothing.
 */

#include <bilat/bilat.h>

#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <string.h>

#include "bilat-format-private.h"
#include "bilat-record-private.h"
#include "bilat-resources.h"
#include "bilat-segment-private.h"
#include "bilat-store-private.h"

#define DATASETS_PATH "/org/libbilat/bilat/datasets/"

/* Where in the document something is: a line, a record, and a path of
 * members in it ("citations[2].source" is member "citations", element 2,
 * sub-member "source"). */
typedef struct
{
  guint       line;
  int         kind;        /* a _BilatKind, or -1 outside of the records */
  int         index;
  const char *record_id;   /* only once the record's id is known valid */
  const char *member;
  int         element;     /* -1 when the member is not an array element */
  const char *sub;
} Location;

/* A reference to check once every record has been read. */
typedef struct
{
  Location    where;
  _BilatKind  kind;
  const char *id;
} Reference;

/* An object or array the parser is inside of. */
typedef struct
{
  guint line;
  guint n_members;
} Frame;

/* A member an object has twice, which json-glib silently merges. */
typedef struct
{
  guint line;
  char  name[];
} Repeat;

/* The members an object may have: those of up to two field tables (of a
 * record), or a list of names (of a citation, a participant, a place). */
typedef struct
{
  const _BilatField  *fields;
  const _BilatField  *more_fields;
  const char * const *names;
} MemberSet;

/* What a record is made of, gathered while its members are checked: the
 * record is built only if they all are valid, since some of its
 * properties (a position's holder) may not be built invalid. */
typedef struct
{
  GPtrArray     *names;         /* of the properties (static strings) */
  GArray        *values;        /* of GValue */
  GPtrArray     *aliases;       /* (element-type utf8), borrowed from JSON */
  GPtrArray     *participants;  /* (element-type BilatParticipant) */
  BilatPlace    *place;
  GPtrArray     *citations;     /* (element-type BilatCitation) */
} Draft;

typedef struct
{
  const char  *file;
  BilatStore  *store;
  GPtrArray   *problems;

  /* JsonObject and JsonArray → line of their opening bracket; JsonNode of
   * a scalar → its line. Filled while parsing. */
  GHashTable  *lines;
  GArray      *frames;
  GHashTable  *repeats;      /* JsonObject → Repeat (owned) */

  GPtrArray   *records[_BILAT_N_KINDS];
  GHashTable  *ids[_BILAT_N_KINDS];   /* id → index in the file + 1 */
  GHashTable  *actor_names;  /* alias key → id of the actor it names */
  GHashTable  *predecessors; /* actor id → id of its predecessor */
  GArray      *references;   /* of Reference */

  Location     record;       /* the record being read */
} Reader;

static const char * const document_members[] = {
  "format", "version", "sources", "actors", "issues", "events", "positions", NULL
};
static const char * const citation_members[] = {
  "source", "paragraph", "start", "end", "quote", NULL
};
static const char * const participant_members[] = { "actor", "role", NULL };
static const char * const place_members[] = {
  "name", "subdivision", "country", "latitude", "longitude", NULL
};

/* Problems */

static const char *
article (const char *noun)
{
  return strchr ("aeiou", noun[0]) != NULL ? "an" : "a";
}

static char *
location_field (const Location *where)
{
  GString *field;

  if (where->member == NULL)
    return NULL;

  field = g_string_new (where->member);
  if (where->element >= 0)
    g_string_append_printf (field, "[%d]", where->element);
  if (where->sub != NULL)
    g_string_append_printf (field, ".%s", where->sub);

  return g_string_free (field, FALSE);
}

G_GNUC_PRINTF (4, 5)
static void
report (Reader           *r,
        const Location   *where,
        BilatFormatError  code,
        const char       *format,
        ...)
{
  g_autofree char *message = NULL;
  g_autofree char *field = location_field (where);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (r->problems,
                   _bilat_problem_new (code, r->file, where->line,
                                       where->kind >= 0 ? _bilat_kinds[where->kind].member : NULL,
                                       where->index, where->record_id, field, message));
}

/* Lines */

static Frame *
top_frame (Reader *r)
{
  if (r->frames->len == 0)
    return NULL;

  return &g_array_index (r->frames, Frame, r->frames->len - 1);
}

static void
push_frame (JsonParser *parser,
            Reader     *r)
{
  Frame frame = { json_parser_get_current_line (parser), 0 };

  g_array_append_val (r->frames, frame);
}

static guint
pop_frame (Reader *r)
{
  Frame *frame = top_frame (r);
  guint line = frame != NULL ? frame->line : 0;

  if (frame != NULL)
    g_array_set_size (r->frames, r->frames->len - 1);

  return line;
}

/* Containers get the line of their opening bracket at their end; scalars
 * get the line of their last token, which is theirs. */
static void
remember_scalar_line (JsonParser *parser,
                      Reader     *r,
                      JsonNode   *node)
{
  if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node) && !JSON_NODE_HOLDS_ARRAY (node))
    g_hash_table_insert (r->lines, node,
                         GUINT_TO_POINTER (json_parser_get_current_line (parser)));
}

static void
on_object_start (JsonParser *parser,
                 Reader     *r)
{
  push_frame (parser, r);
}

static void
on_object_member (JsonParser *parser,
                  JsonObject *object,
                  const char *name,
                  Reader     *r)
{
  Frame *frame = top_frame (r);

  remember_scalar_line (parser, r, json_object_get_member (object, name));

  if (frame == NULL)
    return;

  /* A repeated member replaces the first, so the object does not grow. */
  frame->n_members++;
  if (json_object_get_size (object) < frame->n_members)
    {
      frame->n_members--;
      if (!g_hash_table_contains (r->repeats, object))
        {
          Repeat *repeat = g_malloc (sizeof (Repeat) + strlen (name) + 1);

          repeat->line = json_parser_get_current_line (parser);
          strcpy (repeat->name, name);
          g_hash_table_insert (r->repeats, object, repeat);
        }
    }
}

static void
on_object_end (JsonParser *parser,
               JsonObject *object,
               Reader     *r)
{
  g_hash_table_insert (r->lines, object, GUINT_TO_POINTER (pop_frame (r)));
}

static void
on_array_start (JsonParser *parser,
                Reader     *r)
{
  push_frame (parser, r);
}

static void
on_array_element (JsonParser *parser,
                  JsonArray  *array,
                  int         index,
                  Reader     *r)
{
  remember_scalar_line (parser, r, json_array_get_element (array, index));
}

static void
on_array_end (JsonParser *parser,
              JsonArray  *array,
              Reader     *r)
{
  g_hash_table_insert (r->lines, array, GUINT_TO_POINTER (pop_frame (r)));
}

static guint
line_of (Reader   *r,
         JsonNode *node)
{
  gpointer key = node;

  if (node == NULL)
    return 0;
  if (JSON_NODE_HOLDS_OBJECT (node))
    key = json_node_get_object (node);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    key = json_node_get_array (node);

  return GPOINTER_TO_UINT (g_hash_table_lookup (r->lines, key));
}

/* The location of @node, a member of the current record (or of the
 * document), falling back to the record's line. */
static Location
at (Reader     *r,
    JsonNode   *node,
    const char *member,
    int         element,
    const char *sub)
{
  Location where = r->record;
  guint line = line_of (r, node);

  if (line > 0)
    where.line = line;
  where.member = member;
  where.element = element;
  where.sub = sub;

  return where;
}

/* Types */

static const char *
describe_node (JsonNode *node)
{
  GType type;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return "a string";
  if (type == G_TYPE_BOOLEAN)
    return "a boolean";
  if (type == G_TYPE_INT64)
    return "an integer";
  if (type == G_TYPE_DOUBLE)
    return "a number with a fraction";

  return "a value";
}

static gboolean
node_holds (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
is_absent (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static const char *
expect_string (Reader         *r,
               JsonNode       *node,
               const Location *where)
{
  if (node_holds (node, G_TYPE_STRING))
    {
      const char *text = json_node_get_string (node);

      /* The file is valid UTF-8, but an escape can still name half a
       * surrogate pair ("\ud800"), which json-glib decodes to bytes that
       * are not UTF-8. */
      if (g_utf8_validate (text, -1, NULL))
        return text;
      report (r, where, BILAT_FORMAT_ERROR_INVALID_VALUE,
              "the string is not valid Unicode (a lone surrogate escape?)");
      return NULL;
    }

  report (r, where, BILAT_FORMAT_ERROR_WRONG_TYPE,
          "expected a string, not %s", describe_node (node));
  return NULL;
}

static gboolean
expect_integer (Reader         *r,
                JsonNode       *node,
                const Location *where,
                gint64          min,
                gint64          max,
                gint64         *value)
{
  if (!node_holds (node, G_TYPE_INT64))
    {
      report (r, where, BILAT_FORMAT_ERROR_WRONG_TYPE,
              "expected an integer, not %s", describe_node (node));
      return FALSE;
    }

  *value = json_node_get_int (node);
  if (*value < min || *value > max)
    {
      report (r, where, BILAT_FORMAT_ERROR_INVALID_VALUE,
              "%" G_GINT64_FORMAT " is out of range (%" G_GINT64_FORMAT
              " to %" G_GINT64_FORMAT ")", *value, min, max);
      return FALSE;
    }

  return TRUE;
}

static gboolean
expect_number (Reader         *r,
               JsonNode       *node,
               const Location *where,
               double          min,
               double          max,
               double         *value)
{
  if (node_holds (node, G_TYPE_INT64))
    *value = json_node_get_int (node);
  else if (node_holds (node, G_TYPE_DOUBLE))
    *value = json_node_get_double (node);
  else
    {
      report (r, where, BILAT_FORMAT_ERROR_WRONG_TYPE,
              "expected a number, not %s", describe_node (node));
      return FALSE;
    }

  if (!(*value >= min && *value <= max))
    {
      report (r, where, BILAT_FORMAT_ERROR_INVALID_VALUE,
              "%g is out of range (%g to %g)", *value, min, max);
      return FALSE;
    }

  return TRUE;
}

static JsonObject *
expect_object (Reader         *r,
               JsonNode       *node,
               const Location *where)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);

  report (r, where, BILAT_FORMAT_ERROR_WRONG_TYPE,
          "expected an object, not %s", describe_node (node));
  return NULL;
}

static JsonArray *
expect_array (Reader         *r,
              JsonNode       *node,
              const Location *where)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);

  report (r, where, BILAT_FORMAT_ERROR_WRONG_TYPE,
          "expected an array, not %s", describe_node (node));
  return NULL;
}

static const char *
expect_id (Reader         *r,
           JsonNode       *node,
           const Location *where)
{
  const char *id = expect_string (r, node, where);

  if (id != NULL && !bilat_record_is_valid_id (id))
    {
      report (r, where, BILAT_FORMAT_ERROR_INVALID_VALUE,
              "“%s” is not a valid id (1 to 200 characters: an ASCII letter "
              "or digit, then letters, digits, “.”, “_”, “:” or “-”)", id);
      return NULL;
    }

  return id;
}

/* A nick of @enum_type, or FALSE with a problem listing the nicks. */
static gboolean
expect_nick (Reader         *r,
             JsonNode       *node,
             const Location *where,
             GType           enum_type,
             const char     *what,
             int            *value)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);
  const char *nick = expect_string (r, node, where);
  GEnumValue *found;
  GString *known;

  if (nick == NULL)
    return FALSE;

  found = g_enum_get_value_by_nick (enum_class, nick);
  if (found != NULL)
    {
      *value = found->value;
      return TRUE;
    }

  known = g_string_new (NULL);
  for (guint i = 0; i < enum_class->n_values; i++)
    g_string_append_printf (known, "%s%s", i > 0 ? ", " : "",
                            enum_class->values[i].value_nick);
  report (r, where, BILAT_FORMAT_ERROR_INVALID_VALUE,
          "unknown %s “%s” (expected one of %s)", what, nick, known->str);
  g_string_free (known, TRUE);

  return FALSE;
}

/* Members */

static const char *
member_set_nth (const MemberSet *set,
                guint            n)
{
  const _BilatField *tables[] = { set->fields, set->more_fields };

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      for (guint i = 0; tables[t] != NULL && tables[t][i].name != NULL; i++, n--)
        {
          if (n == 0)
            return tables[t][i].name;
        }
    }

  for (guint i = 0; set->names != NULL && set->names[i] != NULL; i++, n--)
    {
      if (n == 0)
        return set->names[i];
    }

  return NULL;
}

static gboolean
member_set_has (const MemberSet *set,
                const char      *name)
{
  const char *known;

  for (guint n = 0; (known = member_set_nth (set, n)) != NULL; n++)
    {
      if (strcmp (known, name) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The edit distance of two short ASCII names, or G_MAXUINT for long ones. */
static guint
edit_distance (const char *a,
               const char *b)
{
  enum { MAX = 32 };
  guint row[MAX + 1];
  gsize la = strlen (a), lb = strlen (b);

  if (la > MAX || lb > MAX)
    return G_MAXUINT;

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;

  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }

  return row[lb];
}

/* A known member close enough to @name to be what was meant: "event"
 * for "events", "sumary" for "summary". */
static const char *
suggest_member (const MemberSet *set,
                const char      *name)
{
  const char *best = NULL, *known;
  guint best_distance = 3;

  for (guint n = 0; (known = member_set_nth (set, n)) != NULL; n++)
    {
      guint distance = edit_distance (name, known);

      if (distance < best_distance)
        {
          best = known;
          best_distance = distance;
        }
    }

  return best;
}

static gboolean
fields_have (const _BilatField *fields,
             const char        *name)
{
  for (guint i = 0; fields != NULL && fields[i].name != NULL; i++)
    {
      if (strcmp (fields[i].name, name) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Reports the members of @object outside of @set, and a member given
 * twice. @parent, @element name @object within the current record (NULL,
 * -1 for the record or the document itself). @exercise_only are members
 * that only exercises have, for a better message on plain events. */
static void
check_members (Reader            *r,
               JsonObject        *object,
               const MemberSet   *set,
               const char        *parent,
               int                element,
               const _BilatField *exercise_only)
{
  GList *members = json_object_get_members (object);
  Repeat *repeat;

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (object, name);
      Location where;
      const char *suggestion;

      if (member_set_has (set, name))
        continue;

      where = parent != NULL ? at (r, node, parent, element, name)
                             : at (r, node, name, -1, NULL);

      if (fields_have (exercise_only, name))
        {
          report (r, &where, BILAT_FORMAT_ERROR_UNKNOWN_FIELD,
                  "only an event of type “exercise” has this member");
          continue;
        }

      suggestion = suggest_member (set, name);
      if (suggestion != NULL)
        report (r, &where, BILAT_FORMAT_ERROR_UNKNOWN_FIELD,
                "unknown member (did you mean “%s”?)", suggestion);
      else
        report (r, &where, BILAT_FORMAT_ERROR_UNKNOWN_FIELD, "unknown member");
    }
  g_list_free (members);

  repeat = g_hash_table_lookup (r->repeats, object);
  if (repeat != NULL)
    {
      Location where = parent != NULL ? at (r, NULL, parent, element, repeat->name)
                                      : at (r, NULL, repeat->name, -1, NULL);

      where.line = repeat->line;
      report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE,
              "the member is given more than once");
    }
}

/* References and names */

static void
defer_reference (Reader         *r,
                 const Location *where,
                 _BilatKind      kind,
                 const char     *id)
{
  Reference reference = { *where, kind, id };

  g_array_append_val (r->references, reference);
}

static gboolean
is_upper_code (const char *code,
               gsize       min_length,
               gsize       max_length)
{
  gsize length = strlen (code);

  if (length < min_length || length > max_length)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isupper (code[i]) && !g_ascii_isdigit (code[i]) && code[i] != '-')
        return FALSE;
    }

  return TRUE;
}

/* An alpha-3 code of a current or historic country, as written in ISO
 * 3166 (iso-codes lookups ignore case, the format does not). */
static gboolean
is_country_code (const char *code)
{
  return is_upper_code (code, 3, 3) && bilat_country_get_name (code) != NULL;
}

static gboolean
is_subdivision_code (const char *code)
{
  return is_upper_code (code, 4, 6) && bilat_subdivision_get_name (code) != NULL;
}

/* Drafts */

static void
draft_init (Draft *draft)
{
  draft->names = g_ptr_array_new ();
  draft->values = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_array_set_clear_func (draft->values, (GDestroyNotify) g_value_unset);
  draft->aliases = g_ptr_array_new ();
  draft->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) bilat_participant_unref);
  draft->place = NULL;
  draft->citations = g_ptr_array_new_with_free_func ((GDestroyNotify) bilat_citation_unref);
}

static void
draft_clear (Draft *draft)
{
  g_ptr_array_unref (draft->names);
  g_array_unref (draft->values);
  g_ptr_array_unref (draft->aliases);
  g_ptr_array_unref (draft->participants);
  g_clear_pointer (&draft->place, bilat_place_unref);
  g_ptr_array_unref (draft->citations);
}

/* A zeroed GValue of @type, to be set, for the property @name. */
static GValue *
draft_add (Draft      *draft,
           const char *name,
           GType       type)
{
  GValue *value;

  g_ptr_array_add (draft->names, (gpointer) name);
  g_array_set_size (draft->values, draft->values->len + 1);
  value = &g_array_index (draft->values, GValue, draft->values->len - 1);
  g_value_init (value, type);

  return value;
}

static BilatRecord *
draft_build (Draft *draft,
             GType  type)
{
  BilatRecord *record;

  record = (BilatRecord *) g_object_new_with_properties (type, draft->names->len,
                                                         (const char **) draft->names->pdata,
                                                         (const GValue *) draft->values->data);

  if (draft->aliases->len > 0)
    {
      g_ptr_array_add (draft->aliases, NULL);
      bilat_actor_set_aliases (BILAT_ACTOR (record), (const char * const *) draft->aliases->pdata);
    }

  for (guint i = 0; i < draft->participants->len; i++)
    {
      BilatParticipant *participant = g_ptr_array_index (draft->participants, i);

      bilat_event_add_participant (BILAT_EVENT (record),
                                   bilat_participant_get_actor (participant),
                                   bilat_participant_get_role (participant));
    }

  if (draft->place != NULL)
    bilat_event_set_place (BILAT_EVENT (record), draft->place);

  for (guint i = 0; i < draft->citations->len; i++)
    bilat_record_add_citation (record, g_ptr_array_index (draft->citations, i));

  return record;
}

/* Field readers. Each checks the non-null member @node of the current
 * record and adds what it read to @draft. */

static BilatDate *
read_date (Reader         *r,
           JsonNode       *node,
           const Location *where)
{
  g_autoptr(GError) error = NULL;
  const char *text = expect_string (r, node, where);
  BilatDate *date;

  if (text == NULL)
    return NULL;

  date = bilat_date_parse (text, &error);
  if (date == NULL)
    report (r, where, BILAT_FORMAT_ERROR_INVALID_VALUE, "%s", error->message);

  return date;
}

static void
read_sectors (Reader         *r,
              JsonNode       *node,
              const Location *member_where,
              const char     *member,
              GType           flags_type,
              guint          *sectors)
{
  g_autoptr(GFlagsClass) flags_class = g_type_class_ref (flags_type);
  JsonArray *array = expect_array (r, node, member_where);

  *sectors = 0;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      Location where = at (r, element, member, i, NULL);
      const char *nick = expect_string (r, element, &where);
      GFlagsValue *found;

      if (nick == NULL)
        continue;

      found = g_flags_get_value_by_nick (flags_class, nick);
      if (found == NULL || found->value == 0)
        {
          GString *known = g_string_new (NULL);

          for (guint v = 0; v < flags_class->n_values; v++)
            {
              if (flags_class->values[v].value != 0)
                g_string_append_printf (known, "%s%s", known->len > 0 ? ", " : "",
                                        flags_class->values[v].value_nick);
            }
          report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE,
                  "unknown sector “%s” (expected one of %s)", nick, known->str);
          g_string_free (known, TRUE);
        }
      else if ((*sectors & found->value) != 0)
        report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE,
                "sector “%s” is given more than once", nick);
      else
        *sectors |= found->value;
    }
}

static void
read_cameo (Reader         *r,
            JsonNode       *node,
            const Location *where,
            const char     *property,
            Draft          *draft)
{
  const char *code = expect_string (r, node, where);
  gsize length;

  if (code == NULL)
    return;

  length = strlen (code);
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (code[i]))
        length = 0;
    }

  if (length < 2 || length > 4)
    report (r, where, BILAT_FORMAT_ERROR_INVALID_VALUE,
            "“%s” is not a CAMEO event code (2 to 4 digits)", code);
  else if (!bilat_cameo_is_known (code))
    report (r, where, BILAT_FORMAT_ERROR_INVALID_VALUE,
            "“%s” is not a code of the CAMEO codebook", code);
  else
    g_value_set_string (draft_add (draft, property, G_TYPE_STRING), code);
}

static void
read_aliases (Reader         *r,
              JsonNode       *node,
              const Location *member_where,
              Draft          *draft)
{
  JsonArray *array = expect_array (r, node, member_where);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      Location where = at (r, element, "aliases", i, NULL);
      const char *alias = expect_string (r, element, &where);
      char *key;

      if (alias == NULL)
        continue;
      if (*alias == '\0')
        {
          report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE, "an alias may not be empty");
          continue;
        }

      key = _bilat_alias_key (alias);
      if (!g_hash_table_add (keys, key))
        {
          report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE,
                  "alias “%s” is given more than once (aliases ignore case)", alias);
          continue;
        }

      g_ptr_array_add (draft->aliases, (gpointer) alias);
    }
}

static void
read_participants (Reader         *r,
                   JsonNode       *node,
                   const Location *member_where,
                   Draft          *draft)
{
  static const MemberSet members = { NULL, NULL, participant_members };
  JsonArray *array = expect_array (r, node, member_where);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      Location where = at (r, element, "participants", i, NULL);
      JsonObject *object = expect_object (r, element, &where);
      JsonNode *actor_node, *role_node;
      const char *actor = NULL;
      int role = BILAT_ROLE_PARTICIPANT;
      gboolean role_ok = TRUE;

      if (object == NULL)
        continue;

      check_members (r, object, &members, "participants", i, NULL);

      actor_node = json_object_get_member (object, "actor");
      if (is_absent (actor_node))
        report (r, &where, BILAT_FORMAT_ERROR_MISSING_FIELD,
                "a participant needs member “actor”");
      else
        {
          Location actor_where = at (r, actor_node, "participants", i, "actor");

          actor = expect_id (r, actor_node, &actor_where);
          if (actor != NULL && !g_hash_table_add (seen, (gpointer) actor))
            {
              report (r, &actor_where, BILAT_FORMAT_ERROR_INVALID_VALUE,
                      "actor “%s” takes part more than once", actor);
              actor = NULL;
            }
          else if (actor != NULL)
            defer_reference (r, &actor_where, _BILAT_KIND_ACTOR, actor);
        }

      role_node = json_object_get_member (object, "role");
      if (!is_absent (role_node))
        {
          Location role_where = at (r, role_node, "participants", i, "role");

          role_ok = expect_nick (r, role_node, &role_where, BILAT_TYPE_ROLE, "role", &role);
        }

      if (actor != NULL && role_ok)
        g_ptr_array_add (draft->participants, bilat_participant_new (actor, role));
    }
}

/* The non-null member @sub of @object, the object at @member[@element]
 * of the current record, or NULL; *@where is its location either way. */
static JsonNode *
sub_member (Reader     *r,
            JsonObject *object,
            const char *member,
            int         element,
            const char *sub,
            Location   *where)
{
  JsonNode *node = json_object_get_member (object, sub);

  *where = at (r, node, member, element, sub);

  return is_absent (node) ? NULL : node;
}

/* An optional string member of a sub-object: TRUE if it is absent or a
 * string (then in *@value), FALSE with a problem otherwise. */
static gboolean
read_sub_string (Reader      *r,
                 JsonObject  *object,
                 const char  *member,
                 int          element,
                 const char  *sub,
                 const char **value)
{
  Location where;
  JsonNode *node = sub_member (r, object, member, element, sub, &where);

  *value = node != NULL ? expect_string (r, node, &where) : NULL;

  return node == NULL || *value != NULL;
}

static void
read_place (Reader         *r,
            JsonNode       *node,
            const Location *member_where,
            Draft          *draft)
{
  static const MemberSet members = { NULL, NULL, place_members };
  JsonObject *object = expect_object (r, node, member_where);
  const char *name, *subdivision, *country;
  JsonNode *latitude_node, *longitude_node;
  double latitude = 0, longitude = 0;
  Location where;
  gboolean ok = TRUE;

  if (object == NULL)
    return;

  check_members (r, object, &members, "place", -1, NULL);

  ok &= read_sub_string (r, object, "place", -1, "name", &name);
  ok &= read_sub_string (r, object, "place", -1, "subdivision", &subdivision);
  ok &= read_sub_string (r, object, "place", -1, "country", &country);

  if (subdivision != NULL && !is_subdivision_code (subdivision))
    {
      sub_member (r, object, "place", -1, "subdivision", &where);
      report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE,
              "“%s” is not an ISO 3166-2 subdivision code", subdivision);
      ok = FALSE;
    }

  if (country != NULL && !is_country_code (country))
    {
      sub_member (r, object, "place", -1, "country", &where);
      report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE,
              "“%s” is not an ISO 3166-1 or ISO 3166-3 alpha-3 country code", country);
      ok = FALSE;
    }

  /* Only when none is there at all, not when one is there but wrong. */
  if (ok && name == NULL && subdivision == NULL && country == NULL)
    {
      report (r, member_where, BILAT_FORMAT_ERROR_MISSING_FIELD,
              "a place needs at least one of “name”, “subdivision” and “country”");
      ok = FALSE;
    }

  latitude_node = sub_member (r, object, "place", -1, "latitude", &where);
  if (latitude_node != NULL)
    ok &= expect_number (r, latitude_node, &where, -90.0, 90.0, &latitude);

  longitude_node = sub_member (r, object, "place", -1, "longitude", &where);
  if (longitude_node != NULL)
    ok &= expect_number (r, longitude_node, &where, -180.0, 180.0, &longitude);

  if ((latitude_node == NULL) != (longitude_node == NULL))
    {
      where = at (r, node, "place", -1, latitude_node == NULL ? "latitude" : "longitude");
      report (r, &where, BILAT_FORMAT_ERROR_MISSING_FIELD,
              "latitude and longitude come together");
      ok = FALSE;
    }

  if (!ok)
    return;

  if (latitude_node != NULL)
    draft->place = bilat_place_new_with_coordinates (name, subdivision, country,
                                                     latitude, longitude);
  else
    draft->place = bilat_place_new (name, subdivision, country);
}

static void
read_citation (Reader   *r,
               JsonNode *element,
               guint     i,
               Draft    *draft)
{
  static const MemberSet members = { NULL, NULL, citation_members };
  Location where = at (r, element, "citations", i, NULL);
  JsonObject *object = expect_object (r, element, &where);
  JsonNode *node, *start_node, *end_node;
  const char *source = NULL, *quote;
  gint64 paragraph = 0, start = -1, end = -1;
  gboolean ok = TRUE;

  if (object == NULL)
    return;

  check_members (r, object, &members, "citations", i, NULL);

  node = sub_member (r, object, "citations", i, "source", &where);
  if (node == NULL)
    {
      where = at (r, element, "citations", i, NULL);
      report (r, &where, BILAT_FORMAT_ERROR_MISSING_FIELD, "a citation needs member “source”");
      ok = FALSE;
    }
  else if ((source = expect_id (r, node, &where)) != NULL)
    defer_reference (r, &where, _BILAT_KIND_SOURCE, source);
  else
    ok = FALSE;

  node = sub_member (r, object, "citations", i, "paragraph", &where);
  if (node != NULL)
    ok &= expect_integer (r, node, &where, 1, G_MAXUINT, &paragraph);

  start_node = sub_member (r, object, "citations", i, "start", &where);
  if (start_node != NULL)
    ok &= expect_integer (r, start_node, &where, 0, G_MAXINT64, &start);

  end_node = sub_member (r, object, "citations", i, "end", &where);
  if (end_node != NULL)
    ok &= expect_integer (r, end_node, &where, 0, G_MAXINT64, &end);

  if ((start_node == NULL) != (end_node == NULL))
    {
      where = at (r, element, "citations", i, start_node == NULL ? "start" : "end");
      report (r, &where, BILAT_FORMAT_ERROR_MISSING_FIELD, "start and end come together");
      ok = FALSE;
    }
  else if (start >= 0 && end >= 0 && end < start)
    {
      report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE,
              "the passage ends (%" G_GINT64_FORMAT ") before it starts (%" G_GINT64_FORMAT ")",
              end, start);
      ok = FALSE;
    }

  ok &= read_sub_string (r, object, "citations", i, "quote", &quote);

  if (ok)
    g_ptr_array_add (draft->citations,
                     bilat_citation_new (source, (guint) paragraph, start, end, quote));
}

/* Reads the non-null member @node for @field into @draft. */
static void
read_field (Reader            *r,
            GObjectClass      *klass,
            const _BilatField *field,
            JsonNode          *node,
            Draft             *draft)
{
  Location where = at (r, node, field->name, -1, NULL);
  GParamSpec *pspec = NULL;

  if (field->property != NULL)
    pspec = g_object_class_find_property (klass, field->property);

  switch (field->type)
    {
    case _BILAT_FIELD_ID:
    case _BILAT_FIELD_EVENT_TYPE:
      /* Read before the record could be built. */
      break;

    case _BILAT_FIELD_STRING:
    case _BILAT_FIELD_OWN_NAME:
      {
        const char *text = expect_string (r, node, &where);

        if (text != NULL)
          g_value_set_string (draft_add (draft, field->property, G_TYPE_STRING), text);
      }
      break;

    case _BILAT_FIELD_DATE:
      {
        BilatDate *date = read_date (r, node, &where);

        if (date != NULL)
          g_value_take_boxed (draft_add (draft, field->property, BILAT_TYPE_DATE), date);
      }
      break;

    case _BILAT_FIELD_ENUM:
      {
        int value;

        if (expect_nick (r, node, &where, G_PARAM_SPEC_VALUE_TYPE (pspec), field->name, &value))
          g_value_set_enum (draft_add (draft, field->property, G_PARAM_SPEC_VALUE_TYPE (pspec)),
                            value);
      }
      break;

    case _BILAT_FIELD_SECTORS:
      {
        guint sectors;

        read_sectors (r, node, &where, field->name, G_PARAM_SPEC_VALUE_TYPE (pspec), &sectors);
        g_value_set_flags (draft_add (draft, field->property, G_PARAM_SPEC_VALUE_TYPE (pspec)),
                           sectors);
      }
      break;

    case _BILAT_FIELD_REFERENCE:
      {
        const char *id = expect_id (r, node, &where);

        if (id == NULL)
          break;
        defer_reference (r, &where, field->ref_kind, id);
        g_value_set_string (draft_add (draft, field->property, G_TYPE_STRING), id);
      }
      break;

    case _BILAT_FIELD_COUNT:
      {
        gint64 count;

        if (expect_integer (r, node, &where, 0, G_MAXUINT, &count))
          g_value_set_uint (draft_add (draft, field->property, G_TYPE_UINT), (guint) count);
      }
      break;

    case _BILAT_FIELD_CAMEO:
      read_cameo (r, node, &where, field->property, draft);
      break;

    case _BILAT_FIELD_SCORE:
      {
        double score;

        if (expect_number (r, node, &where, -10.0, 10.0, &score))
          g_value_set_double (draft_add (draft, field->property, G_TYPE_DOUBLE), score);
      }
      break;

    case _BILAT_FIELD_NUMBER:
      {
        double number;

        if (expect_number (r, node, &where, -G_MAXDOUBLE, G_MAXDOUBLE, &number))
          g_value_set_double (draft_add (draft, field->property, G_TYPE_DOUBLE), number);
      }
      break;

    case _BILAT_FIELD_BOOLEAN:
      if (node_holds (node, G_TYPE_BOOLEAN))
        g_value_set_boolean (draft_add (draft, field->property, G_TYPE_BOOLEAN),
                             json_node_get_boolean (node));
      else
        report (r, &where, BILAT_FORMAT_ERROR_WRONG_TYPE,
                "expected true or false, not %s", describe_node (node));
      break;

    case _BILAT_FIELD_ALIASES:
      read_aliases (r, node, &where, draft);
      break;

    case _BILAT_FIELD_PARTICIPANTS:
      read_participants (r, node, &where, draft);
      break;

    case _BILAT_FIELD_PLACE:
      read_place (r, node, &where, draft);
      break;

    case _BILAT_FIELD_CITATIONS:
      {
        JsonArray *array = expect_array (r, node, &where);

        for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
          read_citation (r, json_array_get_element (array, i), i, draft);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
read_fields (Reader            *r,
             GObjectClass      *klass,
             const _BilatField *fields,
             JsonObject        *object,
             Draft             *draft)
{
  for (guint i = 0; fields != NULL && fields[i].name != NULL; i++)
    {
      const _BilatField *field = &fields[i];
      JsonNode *node = json_object_get_member (object, field->name);

      if (field->type == _BILAT_FIELD_ID || field->type == _BILAT_FIELD_EVENT_TYPE)
        continue;

      if (is_absent (node))
        {
          if ((field->flags & _BILAT_FIELD_REQUIRED) == 0 ||
              (node != NULL && (field->flags & _BILAT_FIELD_NULLABLE) != 0))
            continue;

          if (node == NULL)
            {
              Location where = at (r, NULL, field->name, -1, NULL);

              report (r, &where, BILAT_FORMAT_ERROR_MISSING_FIELD,
                      "%s %s needs member “%s”", article (_bilat_kinds[r->record.kind].noun),
                      _bilat_kinds[r->record.kind].noun, field->name);
            }
          else
            {
              Location where = at (r, node, field->name, -1, NULL);

              report (r, &where, BILAT_FORMAT_ERROR_MISSING_FIELD,
                      "the member is required and may not be null");
            }
          continue;
        }

      read_field (r, klass, field, node, draft);
    }
}

/* The class of an event from its "type": an event's, an exercise's, or
 * (when the type is missing or unknown) none, returned as G_TYPE_INVALID. */
static GType
read_event_type (Reader     *r,
                 JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "type");
  Location where = at (r, node, "type", -1, NULL);
  const char *type;

  if (is_absent (node))
    {
      report (r, &where, BILAT_FORMAT_ERROR_MISSING_FIELD,
              "an event needs member “type” (“event”, “exercise” or “coded”)");
      return G_TYPE_INVALID;
    }

  type = expect_string (r, node, &where);
  if (type == NULL)
    return G_TYPE_INVALID;
  if (strcmp (type, "event") == 0)
    return BILAT_TYPE_EVENT;
  if (strcmp (type, "exercise") == 0)
    return BILAT_TYPE_EXERCISE;
  if (strcmp (type, "coded") == 0)
    return BILAT_TYPE_CODED_EVENT;

  report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE,
          "unknown event type “%s” (expected “event”, “exercise” or “coded”)", type);
  return G_TYPE_INVALID;
}

/* Checks @id against the ids of its kind read so far and in the store,
 * and claims it if it is new. */
static gboolean
register_id (Reader     *r,
             JsonObject *object,
             const char *id)
{
  _BilatKind kind = r->record.kind;
  Location where = at (r, json_object_get_member (object, "id"), "id", -1, NULL);
  guint first = GPOINTER_TO_UINT (g_hash_table_lookup (r->ids[kind], id));
  BilatRecord *stored = NULL;

  if (first > 0)
    {
      report (r, &where, BILAT_FORMAT_ERROR_DUPLICATE_ID,
              "“%s” is already the id of %s[%u]", id, _bilat_kinds[kind].member, first - 1);
      return FALSE;
    }

  if (r->store != NULL)
    {
      switch (kind)
        {
        case _BILAT_KIND_SOURCE:
          stored = (BilatRecord *) bilat_store_lookup_source (r->store, id);
          break;
        case _BILAT_KIND_ACTOR:
          /* Only the same id: another name is a problem of the names. */
          stored = (BilatRecord *) bilat_store_lookup_actor (r->store, id);
          if (stored != NULL && strcmp (bilat_record_get_id (stored), id) != 0)
            stored = NULL;
          break;
        case _BILAT_KIND_ISSUE:
          stored = (BilatRecord *) bilat_store_lookup_issue (r->store, id);
          break;
        case _BILAT_KIND_EVENT:
          stored = (BilatRecord *) bilat_store_lookup_event (r->store, id);
          break;
        case _BILAT_KIND_POSITION:
          stored = (BilatRecord *) bilat_store_lookup_position (r->store, id);
          break;
        case _BILAT_N_KINDS:
        default:
          g_assert_not_reached ();
        }
    }

  if (stored != NULL)
    {
      report (r, &where, BILAT_FORMAT_ERROR_DUPLICATE_ID,
              "the store already has %s %s with id “%s”",
              article (_bilat_kinds[kind].noun), _bilat_kinds[kind].noun, id);
      return FALSE;
    }

  g_hash_table_insert (r->ids[kind], (gpointer) id, GUINT_TO_POINTER (r->record.index + 1));

  return TRUE;
}

/* Lookups by actor name ignore case, so an actor's id and aliases may not
 * be, ignoring case, the id or an alias of another actor. */
static void
claim_actor_name (Reader         *r,
                  const Location *where,
                  const char     *name,
                  const char     *what,
                  const char     *actor)
{
  g_autofree char *key = _bilat_alias_key (name);
  const char *holder;
  BilatActor *stored;

  if (key == NULL || *key == '\0')
    return;

  holder = g_hash_table_lookup (r->actor_names, key);
  if (holder != NULL && strcmp (holder, actor) != 0)
    {
      report (r, where, BILAT_FORMAT_ERROR_DUPLICATE_ID,
              "%s “%s” already names actor “%s” (actor names ignore case)",
              what, name, holder);
      return;
    }
  if (holder != NULL)
    return;

  stored = r->store != NULL ? bilat_store_lookup_actor (r->store, name) : NULL;
  if (stored != NULL)
    {
      report (r, where, BILAT_FORMAT_ERROR_DUPLICATE_ID,
              "%s “%s” already names actor “%s” of the store (actor names ignore case)",
              what, name, bilat_record_get_id (BILAT_RECORD (stored)));
      return;
    }

  g_hash_table_insert (r->actor_names, g_steal_pointer (&key), (gpointer) actor);
}

static void
check_actor (Reader     *r,
             JsonObject *object,
             const char *id)
{
  JsonNode *kind_node = json_object_get_member (object, "kind");
  JsonNode *aliases_node = json_object_get_member (object, "aliases");
  JsonNode *predecessor_node = json_object_get_member (object, "predecessor");
  Location where = at (r, json_object_get_member (object, "id"), "id", -1, NULL);

  if (kind_node != NULL && node_holds (kind_node, G_TYPE_STRING) &&
      strcmp (json_node_get_string (kind_node), "state") == 0 && !is_country_code (id))
    report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE,
            "“%s” is not an ISO 3166-1 or ISO 3166-3 alpha-3 code, which "
            "the id of a state must be", id);

  if (predecessor_node != NULL && node_holds (predecessor_node, G_TYPE_STRING))
    g_hash_table_insert (r->predecessors, (gpointer) id,
                         (gpointer) json_node_get_string (predecessor_node));

  claim_actor_name (r, &where, id, "id", id);

  if (aliases_node == NULL || !JSON_NODE_HOLDS_ARRAY (aliases_node))
    return;

  /* Aliases that are not strings, or repeat one another, were reported. */
  for (guint i = 0; i < json_array_get_length (json_node_get_array (aliases_node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (aliases_node), i);
      Location alias_where = at (r, element, "aliases", i, NULL);

      if (node_holds (element, G_TYPE_STRING))
        claim_actor_name (r, &alias_where, json_node_get_string (element), "alias", id);
    }
}

static void
read_record (Reader     *r,
             _BilatKind  kind,
             guint       index,
             JsonNode   *node)
{
  const _BilatKindInfo *info = &_bilat_kinds[kind];
  MemberSet members = { info->fields, NULL, NULL };
  const _BilatField *exercise_only = NULL;
  g_autoptr(GTypeClass) klass = NULL;
  guint n_problems = r->problems->len;
  JsonObject *object;
  JsonNode *id_node;
  const char *id = NULL;
  GType type = G_TYPE_INVALID;
  Location where;
  Draft draft;

  r->record = (Location) { line_of (r, node), kind, index, NULL, NULL, -1, NULL };
  where = r->record;

  object = expect_object (r, node, &where);
  if (object == NULL)
    return;

  id_node = json_object_get_member (object, "id");
  where = at (r, id_node, "id", -1, NULL);
  if (is_absent (id_node))
    report (r, &where, BILAT_FORMAT_ERROR_MISSING_FIELD, "every record needs member “id”");
  else
    id = expect_id (r, id_node, &where);
  r->record.record_id = id;

  switch (kind)
    {
    case _BILAT_KIND_SOURCE:
      type = BILAT_TYPE_SOURCE;
      break;
    case _BILAT_KIND_ACTOR:
      type = BILAT_TYPE_ACTOR;
      break;
    case _BILAT_KIND_ISSUE:
      type = BILAT_TYPE_ISSUE;
      break;
    case _BILAT_KIND_POSITION:
      type = BILAT_TYPE_POSITION;
      break;
    case _BILAT_KIND_EVENT:
      type = read_event_type (r, object);
      if (type == BILAT_TYPE_EVENT)
        exercise_only = _bilat_exercise_fields;
      else if (type == BILAT_TYPE_CODED_EVENT)
        {
          exercise_only = _bilat_exercise_fields;
          members.more_fields = _bilat_coded_fields;
        }
      else
        members.more_fields = _bilat_exercise_fields;
      break;
    case _BILAT_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  /* Without a known type, an event is checked as an exercise, which has
   * every member an event may have. */
  klass = g_type_class_ref (type != G_TYPE_INVALID ? type : BILAT_TYPE_EXERCISE);

  draft_init (&draft);
  if (id != NULL)
    g_value_set_string (draft_add (&draft, "id", G_TYPE_STRING), id);

  check_members (r, object, &members, NULL, -1, exercise_only);
  read_fields (r, (GObjectClass *) klass, members.fields, object, &draft);
  read_fields (r, (GObjectClass *) klass, members.more_fields, object, &draft);

  if (id != NULL && register_id (r, object, id) && kind == _BILAT_KIND_ACTOR)
    check_actor (r, object, id);

  if (r->problems->len == n_problems)
    g_ptr_array_add (r->records[kind], draft_build (&draft, type));

  draft_clear (&draft);
}

/* After the records */

static gboolean
reference_resolves (Reader     *r,
                    _BilatKind  kind,
                    const char *id)
{
  BilatActor *actor;

  if (g_hash_table_contains (r->ids[kind], id))
    return TRUE;
  if (r->store == NULL)
    return FALSE;

  switch (kind)
    {
    case _BILAT_KIND_SOURCE:
      return bilat_store_lookup_source (r->store, id) != NULL;
    case _BILAT_KIND_ACTOR:
      actor = bilat_store_lookup_actor (r->store, id);
      return actor != NULL && strcmp (bilat_record_get_id (BILAT_RECORD (actor)), id) == 0;
    case _BILAT_KIND_ISSUE:
      return bilat_store_lookup_issue (r->store, id) != NULL;
    case _BILAT_KIND_EVENT:
      return bilat_store_lookup_event (r->store, id) != NULL;
    case _BILAT_KIND_POSITION:
      return bilat_store_lookup_position (r->store, id) != NULL;
    case _BILAT_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* Dyad queries follow predecessors, so a chain of them must end. The
 * chain is followed within the dataset: the store's actors cannot name
 * the dataset's as their predecessors without being in a chain already. */
static void
check_predecessor_chain (Reader          *r,
                         const Reference *reference)
{
  const char *origin = reference->where.record_id;
  const char *id = reference->id;
  guint limit = g_hash_table_size (r->predecessors);

  if (origin == NULL)
    return;

  for (guint steps = 0; id != NULL && steps <= limit; steps++)
    {
      if (strcmp (id, origin) == 0)
        {
          report (r, &reference->where, BILAT_FORMAT_ERROR_INVALID_VALUE,
                  "the chain of predecessors of “%s” comes back to it", origin);
          return;
        }

      id = g_hash_table_lookup (r->predecessors, id);
    }
}

static void
check_references (Reader *r)
{
  for (guint i = 0; i < r->references->len; i++)
    {
      const Reference *reference = &g_array_index (r->references, Reference, i);

      if (!reference_resolves (r, reference->kind, reference->id))
        report (r, &reference->where, BILAT_FORMAT_ERROR_UNKNOWN_REFERENCE,
                "no %s has the id “%s”", _bilat_kinds[reference->kind].noun, reference->id);
      else if (reference->kind == _BILAT_KIND_ACTOR &&
               g_strcmp0 (reference->where.member, "predecessor") == 0)
        check_predecessor_chain (r, reference);
    }
}

/* The document */

static gboolean
check_header (Reader     *r,
              JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "format");
  Location where = at (r, node, "format", -1, NULL);
  gint64 version;

  if (is_absent (node))
    {
      report (r, &where, BILAT_FORMAT_ERROR_UNSUPPORTED,
              "not a libbilat dataset: member “format” is missing");
      return FALSE;
    }
  if (!node_holds (node, G_TYPE_STRING) || strcmp (json_node_get_string (node), "bilat") != 0)
    {
      report (r, &where, BILAT_FORMAT_ERROR_UNSUPPORTED,
              "not a libbilat dataset: the format must be “bilat”");
      return FALSE;
    }

  node = json_object_get_member (root, "version");
  where = at (r, node, "version", -1, NULL);
  if (is_absent (node))
    {
      report (r, &where, BILAT_FORMAT_ERROR_MISSING_FIELD,
              "a dataset needs member “version”");
      return FALSE;
    }
  if (!expect_integer (r, node, &where, G_MININT64, G_MAXINT64, &version))
    return FALSE;
  if (version != _BILAT_FORMAT_VERSION)
    {
      report (r, &where, BILAT_FORMAT_ERROR_UNSUPPORTED,
              "version %" G_GINT64_FORMAT " of the format is not supported "
              "(this libbilat reads version %d)", version, _BILAT_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

static void
read_document (Reader   *r,
               JsonNode *root)
{
  static const MemberSet members = { NULL, NULL, document_members };
  JsonObject *object;

  r->record = (Location) { MAX (line_of (r, root), 1), -1, -1, NULL, NULL, -1, NULL };

  if (root == NULL)
    {
      report (r, &r->record, BILAT_FORMAT_ERROR_INVALID_JSON, "the document is empty");
      return;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      report (r, &r->record, BILAT_FORMAT_ERROR_UNSUPPORTED,
              "not a libbilat dataset: the document is %s, not an object",
              describe_node (root));
      return;
    }

  object = json_node_get_object (root);
  if (!check_header (r, object))
    return;

  check_members (r, object, &members, NULL, -1, NULL);

  for (int kind = 0; kind < _BILAT_N_KINDS; kind++)
    {
      JsonNode *node = json_object_get_member (object, _bilat_kinds[kind].member);
      JsonArray *array;
      Location where;

      if (is_absent (node))
        continue;

      r->record = (Location) { MAX (line_of (r, root), 1), -1, -1, NULL, NULL, -1, NULL };
      where = at (r, node, _bilat_kinds[kind].member, -1, NULL);
      array = expect_array (r, node, &where);

      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        read_record (r, kind, i, json_array_get_element (array, i));
    }

  check_references (r);
}

/* json-glib says "<data>:LINE:COLUMN: Parse error: WHAT"; keep the line
 * for the problem and the what for its message. */
static void
report_syntax_error (Reader       *r,
                     const GError *error)
{
  Location where = { 0, -1, -1, NULL, NULL, -1, NULL };
  const char *message = error->message;
  const char *what;

  if (g_str_has_prefix (message, "<data>:"))
    where.line = (guint) g_ascii_strtoull (message + strlen ("<data>:"), NULL, 10);

  what = strstr (message, "Parse error: ");
  if (what != NULL)
    message = what + strlen ("Parse error: ");

  report (r, &where, BILAT_FORMAT_ERROR_INVALID_JSON, "invalid JSON: %s", message);
}

static gboolean
check_encoding (Reader     *r,
                const char *data,
                gsize       length)
{
  Location where = { 1, -1, -1, NULL, NULL, -1, NULL };
  const char *end;

  if (g_utf8_validate_len (data, length, &end))
    return TRUE;

  for (const char *p = data; p < end; p++)
    {
      if (*p == '\n')
        where.line++;
    }

  report (r, &where, BILAT_FORMAT_ERROR_INVALID_JSON,
          "invalid JSON: the text is not valid UTF-8 (at byte %" G_GSIZE_FORMAT ")",
          (gsize) (end - data));
  return FALSE;
}

/* json-glib parses recursively, so a deep enough nesting overflows the
 * stack. A dataset is five levels deep; anything far deeper is refused
 * before parsing. */
#define MAX_NESTING 512

static gboolean
check_nesting (Reader     *r,
               const char *data,
               gsize       length)
{
  Location where = { 1, -1, -1, NULL, NULL, -1, NULL };
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        where.line++;

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_NESTING)
            {
              report (r, &where, BILAT_FORMAT_ERROR_INVALID_JSON,
                      "invalid JSON: nested more than %d levels deep", MAX_NESTING);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

static int
compare_problem_lines (gconstpointer a,
                       gconstpointer b)
{
  guint line_a = bilat_problem_get_line (*(BilatProblem * const *) a);
  guint line_b = bilat_problem_get_line (*(BilatProblem * const *) b);

  return line_a < line_b ? -1 : line_a > line_b;
}

GPtrArray *
_bilat_format_read (const char *data,
                    gssize      length,
                    const char *file,
                    BilatStore *store,
                    GPtrArray  *records[_BILAT_N_KINDS])
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  Reader r = { 0, };
  gsize size = length >= 0 ? (gsize) length : strlen (data);

  r.file = file;
  r.store = store;
  r.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) bilat_problem_unref);
  r.lines = g_hash_table_new (NULL, NULL);
  r.frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  r.repeats = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (int kind = 0; kind < _BILAT_N_KINDS; kind++)
    {
      r.records[kind] = g_ptr_array_new_with_free_func (g_object_unref);
      r.ids[kind] = g_hash_table_new (g_str_hash, g_str_equal);
    }
  r.actor_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.predecessors = g_hash_table_new (g_str_hash, g_str_equal);
  r.references = g_array_new (FALSE, FALSE, sizeof (Reference));

  /* An empty stream gives no buffer at all. */
  if (data == NULL)
    data = "";

  /* A byte-order mark is not JSON, but editors write it. */
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  if (check_encoding (&r, data, size) && check_nesting (&r, data, size))
    {
      parser = json_parser_new ();
      g_signal_connect (parser, "object-start", G_CALLBACK (on_object_start), &r);
      g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), &r);
      g_signal_connect (parser, "object-end", G_CALLBACK (on_object_end), &r);
      g_signal_connect (parser, "array-start", G_CALLBACK (on_array_start), &r);
      g_signal_connect (parser, "array-element", G_CALLBACK (on_array_element), &r);
      g_signal_connect (parser, "array-end", G_CALLBACK (on_array_end), &r);

      if (size == 0 || json_parser_load_from_data (parser, data, size, &error))
        {
          if (size == 0 || json_parser_get_root (parser) == NULL)
            {
              Location where = { 1, -1, -1, NULL, NULL, -1, NULL };

              report (&r, &where, BILAT_FORMAT_ERROR_INVALID_JSON,
                      "invalid JSON: the document is empty");
            }
          else
            read_document (&r, json_parser_get_root (parser));
        }
      else if (error != NULL)
        report_syntax_error (&r, error);
      else
        {
          Location where = { 1, -1, -1, NULL, NULL, -1, NULL };

          report (&r, &where, BILAT_FORMAT_ERROR_INVALID_JSON, "invalid JSON");
        }
    }

  g_ptr_array_sort (r.problems, compare_problem_lines);

  for (int kind = 0; kind < _BILAT_N_KINDS; kind++)
    {
      if (records != NULL)
        records[kind] = r.problems->len == 0 ? g_ptr_array_ref (r.records[kind]) : NULL;
      g_ptr_array_unref (r.records[kind]);
      g_hash_table_unref (r.ids[kind]);
    }
  g_hash_table_unref (r.lines);
  g_array_unref (r.frames);
  g_hash_table_unref (r.repeats);
  g_hash_table_unref (r.actor_names);
  g_hash_table_unref (r.predecessors);
  g_array_unref (r.references);

  return r.problems;
}

/* Loading */

static void
propagate_problems (GPtrArray  *problems,
                    GError    **error)
{
  BilatProblem *first = g_ptr_array_index (problems, 0);
  g_autofree char *text = bilat_problem_to_string (first);
  guint more = problems->len - 1;

  if (more == 0)
    g_set_error_literal (error, BILAT_FORMAT_ERROR, bilat_problem_get_code (first), text);
  else
    g_set_error (error, BILAT_FORMAT_ERROR, bilat_problem_get_code (first),
                 "%s (and %u more problem%s)", text, more, more == 1 ? "" : "s");
}

/* The ids the importers give the sources of event data. */
static gboolean
is_bulk_source_id (const char *id)
{
  return g_str_has_prefix (id, "url:") || g_str_has_prefix (id, "icews-story:");
}

static gboolean
load_data (BilatStore  *self,
           const char  *data,
           gsize        length,
           const char  *name,
           GError     **error)
{
  GPtrArray *records[_BILAT_N_KINDS] = { NULL, };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  BilatSegmentBuilder *builder;
  gboolean ok = TRUE;

  problems = _bilat_format_read (data, length, name, self, records);
  if (problems->len > 0)
    {
      propagate_problems (problems, error);
      return FALSE;
    }

  /* Coded events, and the sources of imported data, go into columns when
   * the columns can give them back exactly; the rest are objects. The
   * reader checked what the store checks; should the store refuse a
   * record all the same, the records already added go again. */
  builder = _bilat_segment_builder_new ();
  for (int kind = 0; kind < _BILAT_N_KINDS; kind++)
    {
      for (guint i = 0; ok && i < records[kind]->len; i++)
        {
          BilatRecord *record = g_ptr_array_index (records[kind], i);

          if (kind == _BILAT_KIND_EVENT && BILAT_IS_CODED_EVENT (record) &&
              _bilat_segment_builder_add_event (builder, BILAT_CODED_EVENT (record)))
            continue;
          if (kind == _BILAT_KIND_SOURCE && is_bulk_source_id (bilat_record_get_id (record)) &&
              _bilat_segment_builder_add_source (builder, BILAT_SOURCE (record)))
            continue;
          ok = bilat_store_add (self, record, error);
          if (ok)
            g_ptr_array_add (added, record);
        }
    }

  if (!ok)
    {
      for (guint i = added->len; i > 0; i--)
        bilat_store_remove (self, g_ptr_array_index (added, i - 1), NULL);
      _bilat_segment_builder_free (builder);
    }
  else
    {
      BilatSegment *segment = _bilat_segment_builder_finish (builder);

      _bilat_store_add_segment (self, segment);
      _bilat_segment_unref (segment);
    }

  for (int kind = 0; kind < _BILAT_N_KINDS; kind++)
    g_ptr_array_unref (records[kind]);

  return ok;
}

/**
 * bilat_store_load_from_data:
 * @self: a [class@Bilat.Store]
 * @data: (array length=length) (element-type guint8): a dataset in the
 *   libbilat JSON format (see docs/format.md)
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Loads a dataset into the store, adding its records to those already
 * there.
 *
 * Loading is all or nothing: the whole dataset is checked first, as
 * [func@Bilat.validate_data] does, and nothing is added unless it is
 * valid. Besides, a record whose id the store already has for its kind,
 * or an actor whose id or alias already names an actor of the store, is a
 * %BILAT_FORMAT_ERROR_DUPLICATE_ID error. References may name records of
 * the dataset or of the store.
 *
 * On failure, @error is in the %BILAT_FORMAT_ERROR domain, with the code
 * and the text of the first problem (see [method@Bilat.Problem.to_string],
 * the data being named `<string>`), followed by the number of further
 * problems, and the store is left as it was.
 *
 * Returns: %TRUE if the dataset was loaded, %FALSE with @error set
 *   otherwise
 *
 * Since: 1.0
 */
gboolean
bilat_store_load_from_data (BilatStore  *self,
                            const char  *data,
                            gssize       length,
                            GError     **error)
{
  g_return_val_if_fail (BILAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (data == NULL)
    data = "";

  return load_data (self, data, length >= 0 ? (gsize) length : strlen (data),
                    "<string>", error);
}

/**
 * bilat_store_load_from_stream:
 * @self: a [class@Bilat.Store]
 * @stream: a [class@Gio.InputStream] to read a dataset from
 * @cancellable: (nullable): a [class@Gio.Cancellable], or %NULL
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Reads @stream to its end, without closing it, and loads the dataset it
 * holds as [method@Bilat.Store.load_from_data] does. Problems name the
 * data `<stream>`.
 *
 * Failing to read is an error of the %G_IO_ERROR domain; a problem of the
 * dataset is one of the %BILAT_FORMAT_ERROR domain. Either way the store
 * is left as it was.
 *
 * Returns: %TRUE if the dataset was loaded, %FALSE with @error set
 *   otherwise
 *
 * Since: 1.0
 */
gboolean
bilat_store_load_from_stream (BilatStore    *self,
                              GInputStream  *stream,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GOutputStream) memory = NULL;

  g_return_val_if_fail (BILAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memory = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              cancellable, error) < 0)
    return FALSE;

  return load_data (self,
                    g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)),
                    "<stream>", error);
}

static gboolean
load_file (BilatStore    *self,
           GFile         *file,
           const char    *name,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return FALSE;

  return load_data (self, contents, length, name, error);
}

/**
 * bilat_store_load_from_file:
 * @self: a [class@Bilat.Store]
 * @file: a [iface@Gio.File] holding a dataset
 * @cancellable: (nullable): a [class@Gio.Cancellable], or %NULL
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Reads @file and loads the dataset it holds as
 * [method@Bilat.Store.load_from_data] does. Problems name the file by its
 * parse name (its path when it is local).
 *
 * Failing to read the file is an error of the %G_IO_ERROR domain; a
 * problem of the dataset is one of the %BILAT_FORMAT_ERROR domain. Either
 * way the store is left as it was.
 *
 * Returns: %TRUE if the dataset was loaded, %FALSE with @error set
 *   otherwise
 *
 * Since: 1.0
 */
gboolean
bilat_store_load_from_file (BilatStore    *self,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (BILAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_file_get_parse_name (file);

  return load_file (self, file, name, cancellable, error);
}

/**
 * bilat_store_load_from_path:
 * @self: a [class@Bilat.Store]
 * @path: (type filename): the path of a file holding a dataset
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Reads the file at @path and loads the dataset it holds as
 * [method@Bilat.Store.load_from_file] does. Problems name the file by
 * @path, as given.
 *
 * Returns: %TRUE if the dataset was loaded, %FALSE with @error set
 *   otherwise
 *
 * Since: 1.0
 */
gboolean
bilat_store_load_from_path (BilatStore  *self,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (BILAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (path);
  name = g_filename_display_name (path);

  return load_file (self, file, name, NULL, error);
}

/* Built-in datasets */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The library's own resource rather than the global resource table: it
 * needs no constructor to have registered it, which a static link (the
 * tests') or a platform without constructors would not guarantee. */
static const char * const *
builtin_names (void)
{
  static char **names = NULL;

  if (g_once_init_enter (&names))
    {
      g_auto(GStrv) children = NULL;
      GPtrArray *found = g_ptr_array_new ();

      children = g_resource_enumerate_children (_bilat_get_resource (), DATASETS_PATH,
                                                G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      for (guint i = 0; children != NULL && children[i] != NULL; i++)
        {
          if (g_str_has_suffix (children[i], ".json"))
            g_ptr_array_add (found, g_strndup (children[i],
                                               strlen (children[i]) - strlen (".json")));
        }
      g_ptr_array_sort (found, compare_names);
      g_ptr_array_add (found, NULL);

      g_once_init_leave (&names, (char **) g_ptr_array_free (found, FALSE));
    }

  return (const char * const *) names;
}

/**
 * bilat_store_get_builtin_names:
 *
 * Lists the datasets built into the library, which
 * [ctor@Bilat.Store.new_builtin] opens. There is at least
 * `pakistan-russia`, the chronology of Pakistan–Russia relations drawn
 * from Sabah Aslam's op-ed "Growing Alliance Between Islamabad And Moscow".
 *
 * Returns: (transfer none) (array zero-terminated=1): the names of the
 *   built-in datasets, in alphabetical order
 *
 * Since: 1.0
 */
const char * const *
bilat_store_get_builtin_names (void)
{
  return builtin_names ();
}

/**
 * bilat_store_new_builtin:
 * @name: the name of a built-in dataset, such as `pakistan-russia`
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Creates a store holding one of the datasets built into the library (see
 * [func@Bilat.Store.get_builtin_names]). Each call gives a new store,
 * which the caller may change freely.
 *
 * Returns: (transfer full): a new [class@Bilat.Store], or %NULL with
 *   @error set to %BILAT_STORE_ERROR_UNKNOWN_DATASET if no built-in dataset
 *   has that name
 *
 * Since: 1.0
 */
BilatStore *
bilat_store_new_builtin (const char  *name,
                         GError     **error)
{
  const char * const *names = builtin_names ();
  g_autoptr(BilatStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Only listed names: a name is not a resource path to wander with. */
  if (!g_strv_contains (names, name))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) names);
      g_autofree char *shown = g_utf8_make_valid (name, -1);

      g_set_error (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_UNKNOWN_DATASET,
                   "No built-in dataset is named “%s”; the built-in datasets are: %s",
                   shown, known);
      return NULL;
    }

  path = g_strconcat (DATASETS_PATH, name, ".json", NULL);
  bytes = g_resource_lookup_data (_bilat_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  store = bilat_store_new ();
  file = g_strconcat ("resource://", path, NULL);
  if (!load_data (store, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), file, error))
    return NULL;

  return g_steal_pointer (&store);
}
