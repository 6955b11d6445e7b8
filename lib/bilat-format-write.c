/* bilat-format-write.c: writing datasets in the libbilat JSON format
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The writer walks the same field tables as the reader, so the members
 * come out in the order of docs/format.md and everything read is written.
 * The same store always gives the same bytes: records in the order of the
 * store's lists, optional members left out when unset, two-space
 * indentation and a final newline.
 *
 * Saving builds no tree of the document: the records are asked of the
 * store's lists one at a time and written as text by a _BilatJsonWriter
 * (bilat-json.c), which hands it on to the stream every 64 KB, so a save
 * needs the store and a constant. The same walk of the tables builds the
 * tree of one record for bilat_record_to_json(), and the printer of trees
 * lays that out through the same writer: both give the same text.
 */

#include <math.h>
#include <string.h>

#include <bilat/bilat.h>

#include <json-glib/json-glib.h>

#include "bilat-format-private.h"
#include "bilat-json-private.h"
#include "bilat-place-private.h"
#include "bilat-segment-private.h"
#include "bilat-store-private.h"
#include "bilat-votes-json-private.h"

/* Where the writer puts a record: into a tree, for bilat_record_to_json(),
 * or straight out as text, for saving, so that both come from one walk
 * of the field tables. */
typedef struct
{
  JsonBuilder      *builder;
  _BilatJsonWriter *writer;
} Sink;

/* An object or array says whether it holds only scalars, which is what
 * the printer lays text out by (see bilat-json-private.h). A tree does
 * not need to know. */
static void
begin_object (Sink     *sink,
              gboolean  scalars_only)
{
  if (sink->builder != NULL)
    json_builder_begin_object (sink->builder);
  else
    _bilat_json_writer_begin_object (sink->writer, scalars_only);
}

static void
end_object (Sink *sink)
{
  if (sink->builder != NULL)
    json_builder_end_object (sink->builder);
  else
    _bilat_json_writer_end (sink->writer);
}

static void
begin_array (Sink     *sink,
             gboolean  scalars_only)
{
  if (sink->builder != NULL)
    json_builder_begin_array (sink->builder);
  else
    _bilat_json_writer_begin_array (sink->writer, scalars_only);
}

static void
end_array (Sink *sink)
{
  if (sink->builder != NULL)
    json_builder_end_array (sink->builder);
  else
    _bilat_json_writer_end (sink->writer);
}

static void
member (Sink       *sink,
        const char *name)
{
  if (sink->builder != NULL)
    json_builder_set_member_name (sink->builder, name);
  else
    _bilat_json_writer_member (sink->writer, name);
}

static void
string_value (Sink       *sink,
              const char *value)
{
  if (sink->builder != NULL)
    json_builder_add_string_value (sink->builder, value);
  else
    _bilat_json_writer_string (sink->writer, value);
}

static void
add_string_member (Sink       *sink,
                   const char *name,
                   const char *value)
{
  member (sink, name);
  string_value (sink, value);
}

static void
add_int_member (Sink       *sink,
                const char *name,
                gint64      value)
{
  member (sink, name);
  if (sink->builder != NULL)
    json_builder_add_int_value (sink->builder, value);
  else
    _bilat_json_writer_int (sink->writer, value);
}

static void
add_double_member (Sink       *sink,
                   const char *name,
                   double      value)
{
  member (sink, name);
  if (sink->builder != NULL)
    json_builder_add_double_value (sink->builder, value);
  else
    _bilat_json_writer_double (sink->writer, value);
}

static void
add_true_member (Sink       *sink,
                 const char *name)
{
  member (sink, name);
  if (sink->builder != NULL)
    json_builder_add_boolean_value (sink->builder, TRUE);
  else
    _bilat_json_writer_boolean (sink->writer, TRUE);
}

static void
add_null_member (Sink       *sink,
                 const char *name)
{
  member (sink, name);
  if (sink->builder != NULL)
    json_builder_add_null_value (sink->builder);
  else
    _bilat_json_writer_null (sink->writer);
}

static void
write_sectors (Sink        *sink,
               const char  *name,
               GFlagsClass *flags_class,
               guint        sectors)
{
  if (sectors == 0)
    return;

  /* The values of a flags class are in declaration order, which is the
   * order the format lists sectors in. */
  member (sink, name);
  begin_array (sink, TRUE);
  for (guint i = 0; i < flags_class->n_values; i++)
    {
      guint value = flags_class->values[i].value;

      if (value != 0 && (sectors & value) == value)
        string_value (sink, flags_class->values[i].value_nick);
    }
  end_array (sink);
}

/* The roles of participants, for their nicks: set with the tables. */
static GEnumClass *role_class;

static void
write_participants (Sink        *sink,
                    BilatEvent  *event)
{
  GPtrArray *participants = bilat_event_get_participants (event);

  if (participants == NULL || participants->len == 0)
    return;

  member (sink, "participants");
  begin_array (sink, FALSE);
  for (guint i = 0; i < participants->len; i++)
    {
      const BilatParticipant *participant = g_ptr_array_index (participants, i);
      GEnumValue *role = g_enum_get_value (role_class, bilat_participant_get_role (participant));

      begin_object (sink, TRUE);
      add_string_member (sink, "actor", bilat_participant_get_actor (participant));
      add_string_member (sink, "role", role->value_nick);
      end_object (sink);
    }
  end_array (sink);
}

static void
write_place (Sink        *sink,
             BilatEvent  *event)
{
  BilatPlace *place = bilat_event_get_place (event);
  const char *name, *subdivision, *country;

  if (place == NULL)
    return;

  subdivision = bilat_place_get_subdivision (place);
  _bilat_place_get_given (place, &name, &country);

  member (sink, "place");
  begin_object (sink, TRUE);
  if (name != NULL)
    add_string_member (sink, "name", name);
  if (subdivision != NULL)
    add_string_member (sink, "subdivision", subdivision);
  if (country != NULL)
    add_string_member (sink, "country", country);
  if (bilat_place_has_coordinates (place))
    {
      add_double_member (sink, "latitude", bilat_place_get_latitude (place));
      add_double_member (sink, "longitude", bilat_place_get_longitude (place));
    }
  end_object (sink);
}

static void
write_citations (Sink        *sink,
                 BilatRecord *record)
{
  GPtrArray *citations = bilat_record_get_citations (record);

  if (citations == NULL || citations->len == 0)
    return;

  member (sink, "citations");
  begin_array (sink, FALSE);
  for (guint i = 0; i < citations->len; i++)
    {
      const BilatCitation *citation = g_ptr_array_index (citations, i);
      const char *quote = bilat_citation_get_quote (citation);

      begin_object (sink, TRUE);
      add_string_member (sink, "source", bilat_citation_get_source (citation));
      if (bilat_citation_get_row (citation) != NULL)
        add_string_member (sink, "row", bilat_citation_get_row (citation));
      if (bilat_citation_get_paragraph (citation) > 0)
        add_int_member (sink, "paragraph", bilat_citation_get_paragraph (citation));
      if (bilat_citation_has_range (citation))
        {
          add_int_member (sink, "start", bilat_citation_get_start (citation));
          add_int_member (sink, "end", bilat_citation_get_end (citation));
        }
      if (quote != NULL)
        add_string_member (sink, "quote", quote);
      end_object (sink);
    }
  end_array (sink);
}

/* A property's value, as a field of its type needs it. */
typedef union
{
  const char *string;       /* strings, references, CAMEO codes */
  BilatDate  *date;
  int         enumeration;
  guint       uint;         /* flags, counts */
  gboolean    boolean;
  double      number;
} Value;

/* Reads a property of a record of the library's own types, the way its
 * getter does: a property asked by name costs a lookup of the name in
 * the class and its parents, a GValue and a copy of strings and dates,
 * which made up most of the time of a save. */
typedef void (*Getter) (BilatRecord *record,
                        Value       *value);

#define GETTER(name, member, Type, getter) \
  static void \
  name (BilatRecord *record, \
        Value       *value) \
  { \
    value->member = getter ((Type *) record); \
  }

GETTER (source_title, string, BilatSource, bilat_source_get_title)
GETTER (source_author, string, BilatSource, bilat_source_get_author)
GETTER (source_publisher, string, BilatSource, bilat_source_get_publisher)
GETTER (source_published, date, BilatSource, bilat_source_get_published)
GETTER (source_url, string, BilatSource, bilat_source_get_url)
GETTER (actor_kind, enumeration, BilatActor, bilat_actor_get_kind)
GETTER (actor_affiliation, string, BilatActor, bilat_actor_get_affiliation)
GETTER (actor_speaks_for, string, BilatActor, bilat_actor_get_speaks_for)
GETTER (actor_predecessor, string, BilatActor, bilat_actor_get_predecessor)
GETTER (issue_title, string, BilatIssue, bilat_issue_get_title)
GETTER (issue_description, string, BilatIssue, bilat_issue_get_description)
GETTER (issue_date, date, BilatIssue, bilat_issue_get_date)
GETTER (issue_session, uint, BilatIssue, bilat_issue_get_session)
GETTER (issue_resolution, string, BilatIssue, bilat_issue_get_resolution)
GETTER (issue_important, boolean, BilatIssue, bilat_issue_get_important)
GETTER (event_date, date, BilatEvent, bilat_event_get_date)
GETTER (event_title, string, BilatEvent, bilat_event_get_title)
GETTER (event_summary, string, BilatEvent, bilat_event_get_summary)
GETTER (event_sectors, uint, BilatEvent, bilat_event_get_sectors)
GETTER (event_cameo_code, string, BilatEvent, bilat_event_get_cameo_code)
GETTER (exercise_series, string, BilatExercise, bilat_exercise_get_series)
GETTER (exercise_edition, uint, BilatExercise, bilat_exercise_get_edition)
GETTER (exercise_host, string, BilatExercise, bilat_exercise_get_host)
GETTER (exercise_domain, enumeration, BilatExercise, bilat_exercise_get_domain)
GETTER (exercise_focus, string, BilatExercise, bilat_exercise_get_focus)
GETTER (exercise_domains, uint, BilatExercise, bilat_exercise_get_domains)
GETTER (exercise_missions, uint, BilatExercise, bilat_exercise_get_missions)
GETTER (exercise_participant_info, string, BilatExercise, bilat_exercise_get_participant_info)
GETTER (exercise_unknown_participants, uint, BilatExercise, bilat_exercise_get_unknown_participants)
GETTER (coded_dataset, enumeration, BilatCodedEvent, bilat_coded_event_get_dataset)
GETTER (coded_actor1_code, string, BilatCodedEvent, bilat_coded_event_get_actor1_code)
GETTER (coded_actor1_name, string, BilatCodedEvent, bilat_coded_event_get_actor1_name)
GETTER (coded_actor1_types, string, BilatCodedEvent, bilat_coded_event_get_actor1_types)
GETTER (coded_actor2_code, string, BilatCodedEvent, bilat_coded_event_get_actor2_code)
GETTER (coded_actor2_name, string, BilatCodedEvent, bilat_coded_event_get_actor2_name)
GETTER (coded_actor2_types, string, BilatCodedEvent, bilat_coded_event_get_actor2_types)
GETTER (coded_root_event, boolean, BilatCodedEvent, bilat_coded_event_get_root_event)
GETTER (coded_mentions, uint, BilatCodedEvent, bilat_coded_event_get_mentions)
GETTER (coded_sources, uint, BilatCodedEvent, bilat_coded_event_get_sources)
GETTER (coded_articles, uint, BilatCodedEvent, bilat_coded_event_get_articles)
GETTER (coded_tone, number, BilatCodedEvent, bilat_coded_event_get_tone)
GETTER (coded_url, string, BilatCodedEvent, bilat_coded_event_get_url)
GETTER (coded_date_added, date, BilatCodedEvent, bilat_coded_event_get_date_added)
GETTER (position_holder, string, BilatPosition, bilat_position_get_holder)
GETTER (position_issue, string, BilatPosition, bilat_position_get_issue)
GETTER (position_stance, enumeration, BilatPosition, bilat_position_get_stance)
GETTER (position_target, string, BilatPosition, bilat_position_get_target)
GETTER (position_date, date, BilatPosition, bilat_position_get_date)
GETTER (position_summary, string, BilatPosition, bilat_position_get_summary)
GETTER (position_sectors, uint, BilatPosition, bilat_position_get_sectors)

#undef GETTER

/* Which getter reads which property of a type. A property not listed
 * here (one a table gains later) is read by name, as before. */
static const struct
{
  GType       (*get_type) (void);
  const char   *property;
  Getter        get;
} getters[] = {
  { bilat_source_get_type, "title", source_title },
  { bilat_source_get_type, "author", source_author },
  { bilat_source_get_type, "publisher", source_publisher },
  { bilat_source_get_type, "published", source_published },
  { bilat_source_get_type, "url", source_url },
  { bilat_actor_get_type, "kind", actor_kind },
  { bilat_actor_get_type, "affiliation", actor_affiliation },
  { bilat_actor_get_type, "speaks_for", actor_speaks_for },
  { bilat_actor_get_type, "predecessor", actor_predecessor },
  { bilat_issue_get_type, "title", issue_title },
  { bilat_issue_get_type, "description", issue_description },
  { bilat_issue_get_type, "date", issue_date },
  { bilat_issue_get_type, "session", issue_session },
  { bilat_issue_get_type, "resolution", issue_resolution },
  { bilat_issue_get_type, "important", issue_important },
  { bilat_event_get_type, "date", event_date },
  { bilat_event_get_type, "title", event_title },
  { bilat_event_get_type, "summary", event_summary },
  { bilat_event_get_type, "sectors", event_sectors },
  { bilat_event_get_type, "cameo-code", event_cameo_code },
  { bilat_exercise_get_type, "series", exercise_series },
  { bilat_exercise_get_type, "edition", exercise_edition },
  { bilat_exercise_get_type, "host", exercise_host },
  { bilat_exercise_get_type, "domain", exercise_domain },
  { bilat_exercise_get_type, "focus", exercise_focus },
  { bilat_exercise_get_type, "domains", exercise_domains },
  { bilat_exercise_get_type, "missions", exercise_missions },
  { bilat_exercise_get_type, "participant-info", exercise_participant_info },
  { bilat_exercise_get_type, "unknown-participants", exercise_unknown_participants },
  { bilat_coded_event_get_type, "dataset", coded_dataset },
  { bilat_coded_event_get_type, "actor1-code", coded_actor1_code },
  { bilat_coded_event_get_type, "actor1-name", coded_actor1_name },
  { bilat_coded_event_get_type, "actor1-types", coded_actor1_types },
  { bilat_coded_event_get_type, "actor2-code", coded_actor2_code },
  { bilat_coded_event_get_type, "actor2-name", coded_actor2_name },
  { bilat_coded_event_get_type, "actor2-types", coded_actor2_types },
  { bilat_coded_event_get_type, "root-event", coded_root_event },
  { bilat_coded_event_get_type, "mentions", coded_mentions },
  { bilat_coded_event_get_type, "sources", coded_sources },
  { bilat_coded_event_get_type, "articles", coded_articles },
  { bilat_coded_event_get_type, "tone", coded_tone },
  { bilat_coded_event_get_type, "url", coded_url },
  { bilat_coded_event_get_type, "date-added", coded_date_added },
  { bilat_position_get_type, "holder", position_holder },
  { bilat_position_get_type, "issue", position_issue },
  { bilat_position_get_type, "stance", position_stance },
  { bilat_position_get_type, "target", position_target },
  { bilat_position_get_type, "date", position_date },
  { bilat_position_get_type, "summary", position_summary },
  { bilat_position_get_type, "sectors", position_sectors },
};

/* A field table as the writer uses it: per field, its getter and its
 * property, found once. For records of the table's own type only (and,
 * for the events' table, of the library's two kinds of event): the
 * subclass of an application may override a property, so its records are
 * read by name. */
#define MAX_FIELDS 32

typedef struct
{
  const _BilatField *fields;
  Getter             getters[MAX_FIELDS];
  GParamSpec        *pspecs[MAX_FIELDS];
} FieldTable;

enum
{
  TABLE_SOURCE = _BILAT_KIND_SOURCE,
  TABLE_ACTOR = _BILAT_KIND_ACTOR,
  TABLE_ISSUE = _BILAT_KIND_ISSUE,
  TABLE_EVENT = _BILAT_KIND_EVENT,
  TABLE_POSITION = _BILAT_KIND_POSITION,
  TABLE_EXERCISE,
  TABLE_CODED,
  N_TABLES
};

static FieldTable tables[N_TABLES];

static void
init_table (FieldTable        *table,
            const _BilatField *fields,
            GType              type)
{
  GObjectClass *object_class = g_type_class_ref (type);

  table->fields = fields;
  for (guint i = 0; i < MAX_FIELDS && fields[i].name != NULL; i++)
    {
      if (fields[i].property == NULL)
        continue;

      table->pspecs[i] = g_object_class_find_property (object_class, fields[i].property);
      for (guint g = 0; g < G_N_ELEMENTS (getters); g++)
        if (getters[g].get_type () == type && strcmp (getters[g].property, fields[i].property) == 0)
          table->getters[i] = getters[g].get;
    }
  /* Classes of static types live as long as the program: the reference
   * is kept for the pspecs. */
}

static void
init_tables (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      init_table (&tables[TABLE_SOURCE], _bilat_kinds[_BILAT_KIND_SOURCE].fields, BILAT_TYPE_SOURCE);
      init_table (&tables[TABLE_ACTOR], _bilat_kinds[_BILAT_KIND_ACTOR].fields, BILAT_TYPE_ACTOR);
      init_table (&tables[TABLE_ISSUE], _bilat_kinds[_BILAT_KIND_ISSUE].fields, BILAT_TYPE_ISSUE);
      init_table (&tables[TABLE_EVENT], _bilat_kinds[_BILAT_KIND_EVENT].fields, BILAT_TYPE_EVENT);
      init_table (&tables[TABLE_POSITION], _bilat_kinds[_BILAT_KIND_POSITION].fields,
                  BILAT_TYPE_POSITION);
      init_table (&tables[TABLE_EXERCISE], _bilat_exercise_fields, BILAT_TYPE_EXERCISE);
      init_table (&tables[TABLE_CODED], _bilat_coded_fields, BILAT_TYPE_CODED_EVENT);
      role_class = g_type_class_ref (BILAT_TYPE_ROLE);
      g_once_init_leave (&initialized, 1);
    }
}

/* Reads the property of @field into @value: through @get when there is
 * one, else by name. Returns what reading by name copied (a string or a
 * date), for the caller to free, or %NULL. */
static gpointer
read_property (BilatRecord       *record,
               const _BilatField *field,
               Getter             get,
               Value             *value)
{
  GObject *object = G_OBJECT (record);
  gpointer owned = NULL;

  if (get != NULL)
    {
      get (record, value);
      return NULL;
    }

  switch (field->type)
    {
    case _BILAT_FIELD_STRING:
    case _BILAT_FIELD_REFERENCE:
    case _BILAT_FIELD_CAMEO:
      g_object_get (object, field->property, &owned, NULL);
      value->string = owned;
      break;

    case _BILAT_FIELD_DATE:
      g_object_get (object, field->property, &owned, NULL);
      value->date = owned;
      break;

    case _BILAT_FIELD_ENUM:
      g_object_get (object, field->property, &value->enumeration, NULL);
      break;

    case _BILAT_FIELD_SECTORS:
    case _BILAT_FIELD_COUNT:
    case _BILAT_FIELD_SESSION:
      g_object_get (object, field->property, &value->uint, NULL);
      break;

    case _BILAT_FIELD_BOOLEAN:
      g_object_get (object, field->property, &value->boolean, NULL);
      break;

    case _BILAT_FIELD_NUMBER:
      g_object_get (object, field->property, &value->number, NULL);
      break;

    default:
      g_assert_not_reached ();
    }

  return owned;
}

/* An array of strings on one line, unless it is empty. */
static void
write_strings (Sink               *sink,
               const char         *name,
               const char * const *strings)
{
  if (strings == NULL || strings[0] == NULL)
    return;

  member (sink, name);
  begin_array (sink, TRUE);
  for (guint i = 0; strings[i] != NULL; i++)
    string_value (sink, strings[i]);
  end_array (sink);
}

static void
write_field (Sink              *sink,
             BilatRecord       *record,
             const _BilatField *field,
             GParamSpec        *pspec,
             Getter             get)
{
  Value value;

  switch (field->type)
    {
    case _BILAT_FIELD_ID:
      add_string_member (sink, field->name, bilat_record_get_id (record));
      break;

    case _BILAT_FIELD_EVENT_TYPE:
      add_string_member (sink, field->name,
                         BILAT_IS_EXERCISE (record) ? "exercise"
                         : BILAT_IS_CODED_EVENT (record) ? "coded" : "event");
      break;

    case _BILAT_FIELD_STRING:
    case _BILAT_FIELD_REFERENCE:
    case _BILAT_FIELD_CAMEO:
      {
        g_autofree char *owned = read_property (record, field, get, &value);

        if (value.string != NULL)
          add_string_member (sink, field->name, value.string);
      }
      break;

    case _BILAT_FIELD_SCORE:
      {
        /* Only a score the data gave: the CAMEO table's is implied by the
         * code. */
        double score = bilat_event_get_own_goldstein ((BilatEvent *) record);

        if (!isnan (score))
          add_double_member (sink, field->name, score);
      }
      break;

    case _BILAT_FIELD_OWN_NAME:
      {
        /* Not the name property: for states it falls back to iso-codes,
         * whose names belong to the installed package, not the dataset. */
        const char *name = bilat_actor_get_own_name ((BilatActor *) record);

        if (name != NULL)
          add_string_member (sink, field->name, name);
      }
      break;

    case _BILAT_FIELD_DATE:
      {
        g_autoptr(BilatDate) owned = read_property (record, field, get, &value);

        if (value.date != NULL)
          {
            g_autofree char *text = bilat_date_to_string (value.date);

            add_string_member (sink, field->name, text);
          }
        else if ((field->flags & _BILAT_FIELD_REQUIRED) != 0)
          add_null_member (sink, field->name);
      }
      break;

    case _BILAT_FIELD_ENUM:
      {
        GEnumValue *nick;

        read_property (record, field, get, &value);
        if ((field->flags & _BILAT_FIELD_REQUIRED) == 0 &&
            value.enumeration == G_PARAM_SPEC_ENUM (pspec)->default_value)
          break;

        nick = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class, value.enumeration);
        if (nick != NULL)
          add_string_member (sink, field->name, nick->value_nick);
      }
      break;

    case _BILAT_FIELD_SECTORS:
      read_property (record, field, get, &value);
      write_sectors (sink, field->name, G_PARAM_SPEC_FLAGS (pspec)->flags_class, value.uint);
      break;

    case _BILAT_FIELD_COUNT:
    case _BILAT_FIELD_SESSION:
      read_property (record, field, get, &value);
      if (value.uint > 0)
        add_int_member (sink, field->name, value.uint);
      break;

    case _BILAT_FIELD_BOOLEAN:
      read_property (record, field, get, &value);
      if (value.boolean)
        add_true_member (sink, field->name);
      break;

    case _BILAT_FIELD_NUMBER:
      read_property (record, field, get, &value);
      if (!isnan (value.number))
        add_double_member (sink, field->name, value.number);
      break;

    case _BILAT_FIELD_ALIASES:
      write_strings (sink, field->name, bilat_actor_get_aliases ((BilatActor *) record));
      break;

    case _BILAT_FIELD_PARENTS:
      write_strings (sink, field->name, bilat_issue_get_parents ((BilatIssue *) record));
      break;

    case _BILAT_FIELD_PARTICIPANTS:
      write_participants (sink, (BilatEvent *) record);
      break;

    case _BILAT_FIELD_PLACE:
      write_place (sink, (BilatEvent *) record);
      break;

    case _BILAT_FIELD_CITATIONS:
      write_citations (sink, record);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Writes the fields of @table; with @fast, through the getters found for
 * the table's own type. */
static void
write_fields (Sink             *sink,
              BilatRecord      *record,
              const FieldTable *table,
              gboolean          fast)
{
  GObjectClass *object_class = G_OBJECT_GET_CLASS (record);
  const _BilatField *fields = table->fields;

  for (guint i = 0; fields[i].name != NULL; i++)
    {
      const _BilatField *field = &fields[i];

      if (fast && i < MAX_FIELDS)
        write_field (sink, record, field, table->pspecs[i], table->getters[i]);
      else
        write_field (sink, record, field,
                     field->property != NULL
                     ? g_object_class_find_property (object_class, field->property)
                     : NULL,
                     NULL);
    }
}

/* The fields of a record type of the application's own: only those every
 * record has, its id and citations. */
static const _BilatField common_fields[] = {
  { "id", NULL, _BILAT_FIELD_ID, _BILAT_FIELD_REQUIRED, 0 },
  { "citations", NULL, _BILAT_FIELD_CITATIONS, 0, 0 },
  { NULL, NULL, 0, 0, 0 },
};

/* The table of @record's kind, and whether @record is of the library's
 * own type for it, so that the table's getters read it. */
static const FieldTable *
table_of (BilatRecord *record,
          gboolean    *fast)
{
  static const FieldTable common_table = { common_fields, { NULL }, { NULL } };
  GType type = G_OBJECT_TYPE (record);

  *fast = TRUE;
  if (type == BILAT_TYPE_CODED_EVENT || type == BILAT_TYPE_EVENT || type == BILAT_TYPE_EXERCISE)
    return &tables[TABLE_EVENT];
  if (type == BILAT_TYPE_ACTOR)
    return &tables[TABLE_ACTOR];
  if (type == BILAT_TYPE_SOURCE)
    return &tables[TABLE_SOURCE];
  if (type == BILAT_TYPE_ISSUE)
    return &tables[TABLE_ISSUE];
  if (type == BILAT_TYPE_POSITION)
    return &tables[TABLE_POSITION];

  *fast = FALSE;
  if (BILAT_IS_EVENT (record))
    return &tables[TABLE_EVENT];
  if (BILAT_IS_ACTOR (record))
    return &tables[TABLE_ACTOR];
  if (BILAT_IS_SOURCE (record))
    return &tables[TABLE_SOURCE];
  if (BILAT_IS_ISSUE (record))
    return &tables[TABLE_ISSUE];
  if (BILAT_IS_POSITION (record))
    return &tables[TABLE_POSITION];

  return &common_table;
}

/* A record is an object of members, never on one line where datasets
 * have them (at depth 2), whatever they hold. */
static void
write_record (Sink        *sink,
              BilatRecord *record)
{
  gboolean fast;
  const FieldTable *table;

  init_tables ();
  table = table_of (record, &fast);

  begin_object (sink, FALSE);
  write_fields (sink, record, table, fast);
  if (BILAT_IS_EXERCISE (record))
    write_fields (sink, record, &tables[TABLE_EXERCISE], fast);
  if (BILAT_IS_CODED_EVENT (record))
    write_fields (sink, record, &tables[TABLE_CODED], fast);
  end_object (sink);
}

typedef struct
{
  Sink         *sink;
  BilatSegment *segment;
  int           kind;
} Rows;

static void
write_item (guint        position,
            BilatRecord *object,
            guint        row,
            gpointer     data)
{
  Rows *rows = data;

  if (_bilat_json_writer_failed (rows->sink->writer))
    return;
  if (object != NULL)
    write_record (rows->sink, object);
  else if (rows->kind == _BILAT_KIND_EVENT)
    _bilat_segment_write_event (rows->segment, row, rows->sink->writer);
  else
    _bilat_segment_write_source (rows->segment, row, rows->sink->writer);
}

/* The issue objects of @store and the roll calls of @votes (the rows of
 * its list of issues), merged in the order of their ids, as the store's
 * issues are sorted. */
static void
write_issues_and_roll_calls (Sink        *sink,
                             BilatStore  *store,
                             BilatVotes  *votes)
{
  g_autoptr(GPtrArray) issues = _bilat_store_list_objects (store, _BILAT_KIND_ISSUE);
  g_autofree guint32 *order = _bilat_votes_order_by_id (votes, "");
  BilatVotesByRollCall *index = _bilat_votes_by_roll_call_new (votes);
  guint n_rcs = _bilat_votes_get_n_roll_calls (votes);
  guint i = 0, j = 0;

  while ((i < issues->len || j < n_rcs) && !_bilat_json_writer_failed (sink->writer))
    {
      BilatRecord *issue = i < issues->len ? g_ptr_array_index (issues, i) : NULL;
      char id[_BILAT_VOTES_ID_SIZE];

      if (j < n_rcs)
        _bilat_votes_format_id (votes, order[j], id);
      if (j >= n_rcs || (issue != NULL && strcmp (bilat_record_get_id (issue), id) < 0))
        {
          write_record (sink, issue);
          i++;
        }
      else
        {
          _bilat_votes_write_roll_call (votes, index, order[j], sink->writer);
          j++;
        }
    }
  _bilat_votes_by_roll_call_free (index);
}

/* Writes the document, record by record: each is asked of its list, written
 * and let go, so that a store whose lists make their items on demand is
 * never held whole twice. Stops at the first failed write. */
gboolean
_bilat_format_write (BilatStore    *store,
                     GOutputStream *stream,
                     GString       *text,
                     GCancellable  *cancellable,
                     GError       **error)
{
  _BilatJsonWriter writer;
  Sink sink = { NULL, &writer };
  GListModel *lists[_BILAT_N_KINDS];
  BilatSegment *segment;
  const guint8 *dead;

  lists[_BILAT_KIND_SOURCE] = bilat_store_get_sources (store);
  lists[_BILAT_KIND_ACTOR] = bilat_store_get_actors (store);
  lists[_BILAT_KIND_ISSUE] = bilat_store_get_issues (store);
  lists[_BILAT_KIND_EVENT] = bilat_store_get_events (store);
  lists[_BILAT_KIND_POSITION] = bilat_store_get_positions (store);

  segment = _bilat_store_get_segment (store, &dead);
  if (segment == NULL)
    segment = _bilat_store_get_source_segment (store);
  _bilat_json_writer_init (&writer, text, stream, cancellable);
  begin_object (&sink, FALSE);
  add_string_member (&sink, "format", "bilat");
  add_int_member (&sink, "version", _BILAT_FORMAT_VERSION);
  for (int kind = 0; kind < _BILAT_N_KINDS; kind++)
    {
      guint n = g_list_model_get_n_items (lists[kind]);

      member (&sink, _bilat_kinds[kind].member);
      begin_array (&sink, FALSE);
      if (segment != NULL && (kind == _BILAT_KIND_EVENT || kind == _BILAT_KIND_SOURCE))
        {
          /* Rows straight from their columns, objects as they are. */
          Rows rows = { &sink, segment, kind };

          _bilat_store_walk (store, (guint) kind, write_item, &rows);
        }
      else if (kind == _BILAT_KIND_ISSUE && _bilat_store_get_votes (store) != NULL)
        write_issues_and_roll_calls (&sink, store, _bilat_store_get_votes (store));
      else if (kind == _BILAT_KIND_POSITION && _bilat_store_get_votes (store) != NULL)
        {
          /* Votes are written with their roll calls: the objects only. */
          g_autoptr(GPtrArray) objects = _bilat_store_list_objects (store, (guint) kind);

          for (guint i = 0; i < objects->len && !_bilat_json_writer_failed (&writer); i++)
            write_record (&sink, g_ptr_array_index (objects, i));
        }
      else
        for (guint i = 0; i < n && !_bilat_json_writer_failed (&writer); i++)
          {
            g_autoptr(BilatRecord) record = g_list_model_get_item (lists[kind], i);

            write_record (&sink, record);
          }
      end_array (&sink);
    }
  end_object (&sink);
  _bilat_json_writer_raw (&writer, "\n");

  return _bilat_json_writer_finish (&writer, error);
}

gboolean
_bilat_store_write_json (BilatStore    *store,
                         GOutputStream *stream,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (BILAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_bilat_store_check_savable (store, error))
    return FALSE;

  text = g_string_sized_new (_BILAT_JSON_WRITER_CHUNK + 4096);

  return _bilat_format_write (store, stream, text, cancellable, error);
}

/**
 * bilat_record_to_json:
 * @record: a [class@Bilat.Record]
 *
 * Gives @record the shape it has in a dataset of the libbilat JSON
 * format: an object with the members of its kind, in the order of the
 * format, optional members left out when unset (see
 * [method@Bilat.Store.save_to_data]). An event carries its `"type"`. A
 * record of a type the format does not know (an application's own) gives
 * only its `"id"` and `"citations"`.
 *
 * This is the form in which `bilat … --json` prints records.
 *
 * Returns: (transfer full): a new [struct@Json.Node] holding an object
 *
 * Since: 1.0
 */
JsonNode *
bilat_record_to_json (BilatRecord *record)
{
  Sink sink = { NULL, NULL };
  JsonNode *root;

  g_return_val_if_fail (BILAT_IS_RECORD (record), NULL);

  sink.builder = json_builder_new ();
  write_record (&sink, record);
  root = json_builder_get_root (sink.builder);
  g_object_unref (sink.builder);

  return root;
}
