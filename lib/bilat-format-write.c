/* bilat-format-write.c: writing datasets in the libbilat JSON format
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The writer walks the same field tables as the reader, so the members
 * come out in the order of docs/format.md and everything read is written.
 * The same store always gives the same bytes: records in the order of the
 * store's lists, optional members left out when unset, two-space
 * indentation and a final newline.
 */

#include <math.h>

#include <bilat/bilat.h>

#include <json-glib/json-glib.h>

#include "bilat-format-private.h"
#include "bilat-json-private.h"

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int_member (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
write_string_property (JsonBuilder *builder,
                       GObject     *object,
                       const char  *name,
                       const char  *property)
{
  g_autofree char *value = NULL;

  g_object_get (object, property, &value, NULL);
  if (value != NULL)
    add_string_member (builder, name, value);
}

static void
write_sectors (JsonBuilder *builder,
               const char  *name,
               GType        flags_type,
               guint        sectors)
{
  g_autoptr(GFlagsClass) flags_class = NULL;

  if (sectors == 0)
    return;

  /* The values of a flags class are in declaration order, which is the
   * order the format lists sectors in. */
  flags_class = g_type_class_ref (flags_type);
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < flags_class->n_values; i++)
    {
      guint value = flags_class->values[i].value;

      if (value != 0 && (sectors & value) == value)
        json_builder_add_string_value (builder, flags_class->values[i].value_nick);
    }
  json_builder_end_array (builder);
}

static void
write_participants (JsonBuilder *builder,
                    BilatEvent  *event)
{
  GPtrArray *participants = bilat_event_get_participants (event);
  g_autoptr(GEnumClass) roles = NULL;

  if (participants == NULL || participants->len == 0)
    return;

  roles = g_type_class_ref (BILAT_TYPE_ROLE);
  json_builder_set_member_name (builder, "participants");
  json_builder_begin_array (builder);
  for (guint i = 0; i < participants->len; i++)
    {
      const BilatParticipant *participant = g_ptr_array_index (participants, i);
      GEnumValue *role = g_enum_get_value (roles, bilat_participant_get_role (participant));

      json_builder_begin_object (builder);
      add_string_member (builder, "actor", bilat_participant_get_actor (participant));
      add_string_member (builder, "role", role->value_nick);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The getters of a place fill in its name and country from iso-codes,
 * which belong to the installed package, not to the dataset; only
 * bilat_place_equal() tells what was given. So the writer tries the
 * place with and without each, and keeps the one that is equal. */
static void
get_given_names (BilatPlace  *place,
                 const char **name,
                 const char **country)
{
  const char *subdivision = bilat_place_get_subdivision (place);
  const char *names[] = { bilat_place_get_name (place), NULL };
  const char *countries[] = { bilat_place_get_country (place), NULL };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      for (guint c = 0; c < G_N_ELEMENTS (countries); c++)
        {
          g_autoptr(BilatPlace) probe = NULL;

          if (names[n] == NULL && subdivision == NULL && countries[c] == NULL)
            continue;

          if (bilat_place_has_coordinates (place))
            probe = bilat_place_new_with_coordinates (names[n], subdivision, countries[c],
                                                      bilat_place_get_latitude (place),
                                                      bilat_place_get_longitude (place));
          else
            probe = bilat_place_new (names[n], subdivision, countries[c]);

          if (bilat_place_equal (probe, place))
            {
              *name = names[n];
              *country = countries[c];
              return;
            }
        }
    }

  *name = names[0];
  *country = countries[0];
}

static void
write_place (JsonBuilder *builder,
             BilatEvent  *event)
{
  BilatPlace *place = bilat_event_get_place (event);
  const char *name, *subdivision, *country;

  if (place == NULL)
    return;

  subdivision = bilat_place_get_subdivision (place);
  get_given_names (place, &name, &country);

  json_builder_set_member_name (builder, "place");
  json_builder_begin_object (builder);
  if (name != NULL)
    add_string_member (builder, "name", name);
  if (subdivision != NULL)
    add_string_member (builder, "subdivision", subdivision);
  if (country != NULL)
    add_string_member (builder, "country", country);
  if (bilat_place_has_coordinates (place))
    {
      json_builder_set_member_name (builder, "latitude");
      json_builder_add_double_value (builder, bilat_place_get_latitude (place));
      json_builder_set_member_name (builder, "longitude");
      json_builder_add_double_value (builder, bilat_place_get_longitude (place));
    }
  json_builder_end_object (builder);
}

static void
write_citations (JsonBuilder *builder,
                 BilatRecord *record)
{
  GPtrArray *citations = bilat_record_get_citations (record);

  if (citations == NULL || citations->len == 0)
    return;

  json_builder_set_member_name (builder, "citations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < citations->len; i++)
    {
      const BilatCitation *citation = g_ptr_array_index (citations, i);
      const char *quote = bilat_citation_get_quote (citation);

      json_builder_begin_object (builder);
      add_string_member (builder, "source", bilat_citation_get_source (citation));
      if (bilat_citation_get_paragraph (citation) > 0)
        add_int_member (builder, "paragraph", bilat_citation_get_paragraph (citation));
      if (bilat_citation_has_range (citation))
        {
          add_int_member (builder, "start", bilat_citation_get_start (citation));
          add_int_member (builder, "end", bilat_citation_get_end (citation));
        }
      if (quote != NULL)
        add_string_member (builder, "quote", quote);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
write_field (JsonBuilder       *builder,
             BilatRecord       *record,
             const _BilatField *field)
{
  GObject *object = G_OBJECT (record);
  GParamSpec *pspec = NULL;

  if (field->property != NULL)
    pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), field->property);

  switch (field->type)
    {
    case _BILAT_FIELD_ID:
      add_string_member (builder, field->name, bilat_record_get_id (record));
      break;

    case _BILAT_FIELD_EVENT_TYPE:
      add_string_member (builder, field->name,
                         BILAT_IS_EXERCISE (record) ? "exercise"
                         : BILAT_IS_CODED_EVENT (record) ? "coded" : "event");
      break;

    case _BILAT_FIELD_STRING:
    case _BILAT_FIELD_REFERENCE:
    case _BILAT_FIELD_CAMEO:
      write_string_property (builder, object, field->name, field->property);
      break;

    case _BILAT_FIELD_SCORE:
      {
        /* Only a score the data gave: the CAMEO table's is implied by the
         * code. */
        double score = bilat_event_get_own_goldstein (BILAT_EVENT (record));

        if (!isnan (score))
          {
            json_builder_set_member_name (builder, field->name);
            json_builder_add_double_value (builder, score);
          }
      }
      break;

    case _BILAT_FIELD_OWN_NAME:
      {
        /* Not the name property: for states it falls back to iso-codes,
         * whose names belong to the installed package, not the dataset. */
        const char *name = bilat_actor_get_own_name (BILAT_ACTOR (record));

        if (name != NULL)
          add_string_member (builder, field->name, name);
      }
      break;

    case _BILAT_FIELD_DATE:
      {
        g_autoptr(BilatDate) date = NULL;

        g_object_get (object, field->property, &date, NULL);
        if (date != NULL)
          {
            g_autofree char *text = bilat_date_to_string (date);

            add_string_member (builder, field->name, text);
          }
        else if ((field->flags & _BILAT_FIELD_REQUIRED) != 0)
          {
            json_builder_set_member_name (builder, field->name);
            json_builder_add_null_value (builder);
          }
      }
      break;

    case _BILAT_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (G_PARAM_SPEC_VALUE_TYPE (pspec));
        GEnumValue *value;
        int current;

        g_object_get (object, field->property, &current, NULL);
        if ((field->flags & _BILAT_FIELD_REQUIRED) == 0 &&
            current == G_PARAM_SPEC_ENUM (pspec)->default_value)
          break;

        value = g_enum_get_value (enum_class, current);
        if (value != NULL)
          add_string_member (builder, field->name, value->value_nick);
      }
      break;

    case _BILAT_FIELD_SECTORS:
      {
        guint sectors;

        g_object_get (object, field->property, &sectors, NULL);
        write_sectors (builder, field->name, G_PARAM_SPEC_VALUE_TYPE (pspec), sectors);
      }
      break;

    case _BILAT_FIELD_COUNT:
      {
        guint count;

        g_object_get (object, field->property, &count, NULL);
        if (count > 0)
          add_int_member (builder, field->name, count);
      }
      break;

    case _BILAT_FIELD_BOOLEAN:
      {
        gboolean flag;

        g_object_get (object, field->property, &flag, NULL);
        if (flag)
          {
            json_builder_set_member_name (builder, field->name);
            json_builder_add_boolean_value (builder, TRUE);
          }
      }
      break;

    case _BILAT_FIELD_NUMBER:
      {
        double number;

        g_object_get (object, field->property, &number, NULL);
        if (!isnan (number))
          {
            json_builder_set_member_name (builder, field->name);
            json_builder_add_double_value (builder, number);
          }
      }
      break;

    case _BILAT_FIELD_ALIASES:
      {
        const char * const *aliases = bilat_actor_get_aliases (BILAT_ACTOR (record));

        if (aliases == NULL || aliases[0] == NULL)
          break;

        json_builder_set_member_name (builder, field->name);
        json_builder_begin_array (builder);
        for (guint i = 0; aliases[i] != NULL; i++)
          json_builder_add_string_value (builder, aliases[i]);
        json_builder_end_array (builder);
      }
      break;

    case _BILAT_FIELD_PARTICIPANTS:
      write_participants (builder, BILAT_EVENT (record));
      break;

    case _BILAT_FIELD_PLACE:
      write_place (builder, BILAT_EVENT (record));
      break;

    case _BILAT_FIELD_CITATIONS:
      write_citations (builder, record);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
write_fields (JsonBuilder       *builder,
              BilatRecord       *record,
              const _BilatField *fields)
{
  for (guint i = 0; fields[i].name != NULL; i++)
    write_field (builder, record, &fields[i]);
}

/* The fields of @record's kind, or only those every record has (the id
 * and citations) for a record type of the application's own. */
static const _BilatField *
fields_of (BilatRecord *record)
{
  static const _BilatField common_fields[] = {
    { "id", NULL, _BILAT_FIELD_ID, _BILAT_FIELD_REQUIRED, 0 },
    { "citations", NULL, _BILAT_FIELD_CITATIONS, 0, 0 },
    { NULL, NULL, 0, 0, 0 },
  };

  if (BILAT_IS_EVENT (record))
    return _bilat_kinds[_BILAT_KIND_EVENT].fields;
  if (BILAT_IS_ACTOR (record))
    return _bilat_kinds[_BILAT_KIND_ACTOR].fields;
  if (BILAT_IS_SOURCE (record))
    return _bilat_kinds[_BILAT_KIND_SOURCE].fields;
  if (BILAT_IS_ISSUE (record))
    return _bilat_kinds[_BILAT_KIND_ISSUE].fields;
  if (BILAT_IS_POSITION (record))
    return _bilat_kinds[_BILAT_KIND_POSITION].fields;

  return common_fields;
}

static void
write_record (JsonBuilder *builder,
              BilatRecord *record)
{
  json_builder_begin_object (builder);
  write_fields (builder, record, fields_of (record));
  if (BILAT_IS_EXERCISE (record))
    write_fields (builder, record, _bilat_exercise_fields);
  if (BILAT_IS_CODED_EVENT (record))
    write_fields (builder, record, _bilat_coded_fields);
  json_builder_end_object (builder);
}

static void
write_records (JsonBuilder *builder,
               GListModel  *records,
               _BilatKind   kind)
{
  guint n = g_list_model_get_n_items (records);

  json_builder_set_member_name (builder, _bilat_kinds[kind].member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatRecord) record = g_list_model_get_item (records, i);

      write_record (builder, record);
    }
  json_builder_end_array (builder);
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
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (BILAT_IS_RECORD (record), NULL);

  builder = json_builder_new ();
  write_record (builder, record);

  return json_builder_get_root (builder);
}

/**
 * bilat_store_save_to_data:
 * @self: a [class@Bilat.Store]
 * @length: (out) (optional): return location for the length of the text
 *   in bytes, or %NULL
 * @error: return location for a [error@Bilat.FormatError], or %NULL
 *
 * Writes the whole store as a dataset in the libbilat JSON format.
 *
 * The output is stable: the same store always gives the same bytes. The
 * members of each record come in the order of the format's tables, the
 * records in the order of the store's lists (events by date, the rest by
 * id), optional members are left out when unset (but an event's `date` is
 * always there, `null` when unknown), the text is indented by two spaces
 * and ends with a newline. An actor's name is written only if it was given
 * (see [method@Bilat.Actor.get_own_name]), never the iso-codes name a state
 * falls back to.
 *
 * Loading the text into an empty store gives a store equal to @self. A
 * store that the format could not express that way fails instead: a
 * reference to a record that is not in the store, an unknown code, two
 * actors sharing a name (see [method@Bilat.Store.check], whose first
 * problem the error reports).
 *
 * Returns: (transfer full) (nullable): the dataset as UTF-8 text,
 *   nul-terminated, or %NULL with @error set
 *
 * Since: 1.0
 */
char *
bilat_store_save_to_data (BilatStore  *self,
                          gsize       *length,
                          GError     **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  GListModel *lists[_BILAT_N_KINDS];
  GString *text;

  g_return_val_if_fail (BILAT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_bilat_store_check_savable (self, error))
    return NULL;

  lists[_BILAT_KIND_SOURCE] = bilat_store_get_sources (self);
  lists[_BILAT_KIND_ACTOR] = bilat_store_get_actors (self);
  lists[_BILAT_KIND_ISSUE] = bilat_store_get_issues (self);
  lists[_BILAT_KIND_EVENT] = bilat_store_get_events (self);
  lists[_BILAT_KIND_POSITION] = bilat_store_get_positions (self);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string_member (builder, "format", "bilat");
  add_int_member (builder, "version", _BILAT_FORMAT_VERSION);
  for (int kind = 0; kind < _BILAT_N_KINDS; kind++)
    write_records (builder, lists[kind], kind);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = g_string_new (NULL);
  _bilat_json_print (text, root);
  g_string_append_c (text, '\n');

  if (length != NULL)
    *length = text->len;

  return g_string_free (text, FALSE);
}

/**
 * bilat_store_save_to_file:
 * @self: a [class@Bilat.Store]
 * @file: the [iface@Gio.File] to write
 * @cancellable: (nullable): a [class@Gio.Cancellable], or %NULL
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Writes the store to @file as [method@Bilat.Store.save_to_data] does,
 * creating or replacing it.
 *
 * The file is replaced atomically: the text goes to a new file that then
 * takes the place of the old one, so a failed save (an error, a
 * cancellation, a full disk) leaves the old file as it was. No backup is
 * kept.
 *
 * Returns: %TRUE if the file was written, %FALSE with @error (in the
 *   %G_IO_ERROR domain) set otherwise
 *
 * Since: 1.0
 */
gboolean
bilat_store_save_to_file (BilatStore    *self,
                          GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  gsize length = 0;

  g_return_val_if_fail (BILAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = bilat_store_save_to_data (self, &length, error);
  if (data == NULL)
    return FALSE;

  /* The stream writes to a temporary file, which closing moves over the
   * old one. Not g_file_replace_contents(): after a failed write it still
   * closes normally, which moves the partial file into place. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, length, NULL,
                                 cancellable, error))
    return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);

  /* A cancelled close deletes the temporary file and keeps the old one. */
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);

  return FALSE;
}

/**
 * bilat_store_save_to_path:
 * @self: a [class@Bilat.Store]
 * @path: (type filename): the path of the file to write
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Writes the store to the file at @path, atomically, as
 * [method@Bilat.Store.save_to_file] does.
 *
 * Returns: %TRUE if the file was written, %FALSE with @error set otherwise
 *
 * Since: 1.0
 */
gboolean
bilat_store_save_to_path (BilatStore  *self,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (BILAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (path);

  return bilat_store_save_to_file (self, file, NULL, error);
}
