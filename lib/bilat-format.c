/* bilat-format.c: problems of the JSON data format, and the validator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <bilat/bilat.h>

#include "bilat-format-private.h"

/**
 * BilatProblem:
 *
 * One problem of a dataset in the libbilat JSON format: what is wrong
 * (a [error@Bilat.FormatError] code and a message) and where (the file, the
 * line, the record and the member).
 *
 * [func@Bilat.validate_data] and [func@Bilat.validate_file] list every
 * problem of a dataset; the loaders of [class@Bilat.Store] report the first
 * of them as their [struct@GLib.Error]. [method@Bilat.Problem.to_string]
 * gives the one-line form that the `bilat validate` command prints:
 *
 * ```
 * data.json:42: events[3] “friendship-2018”: member “date”: Invalid date “2018-13”: month 13 is out of range
 * ```
 *
 * A `BilatProblem` is an immutable, reference-counted value.
 *
 * Since: 1.0
 */

struct _BilatProblem
{
  gatomicrefcount   ref_count;
  BilatFormatError  code;
  guint             line;
  int               index;
  char             *message;
  char             *file;
  char             *kind;
  char             *record_id;
  char             *field;
};

/* GLib type-checks the copy and free functions of a boxed type through a
 * transparent union, a GNU extension that -Wpedantic reports. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
G_DEFINE_BOXED_TYPE (BilatProblem, bilat_problem, bilat_problem_ref, bilat_problem_unref)
#pragma GCC diagnostic pop

/**
 * bilat_format_error_quark:
 *
 * Returns the quark of the error domain of the data format; use
 * %BILAT_FORMAT_ERROR instead.
 *
 * Returns: the %BILAT_FORMAT_ERROR quark
 *
 * Since: 1.0
 */
G_DEFINE_QUARK (bilat-format-error-quark, bilat_format_error)

/* The tables of docs/format.md. Reader and writer both walk them, so that
 * what is read is what is written, in the same order. */

static const _BilatField source_fields[] = {
  { "id", NULL, _BILAT_FIELD_ID, _BILAT_FIELD_REQUIRED, 0 },
  { "title", "title", _BILAT_FIELD_STRING, 0, 0 },
  { "author", "author", _BILAT_FIELD_STRING, 0, 0 },
  { "publisher", "publisher", _BILAT_FIELD_STRING, 0, 0 },
  { "published", "published", _BILAT_FIELD_DATE, 0, 0 },
  { "url", "url", _BILAT_FIELD_STRING, 0, 0 },
  { "citations", NULL, _BILAT_FIELD_CITATIONS, 0, 0 },
  { NULL, NULL, 0, 0, 0 },
};

static const _BilatField actor_fields[] = {
  { "id", NULL, _BILAT_FIELD_ID, _BILAT_FIELD_REQUIRED, 0 },
  { "kind", "kind", _BILAT_FIELD_ENUM, _BILAT_FIELD_REQUIRED, 0 },
  { "name", "name", _BILAT_FIELD_OWN_NAME, 0, 0 },
  { "aliases", NULL, _BILAT_FIELD_ALIASES, 0, 0 },
  { "affiliation", "affiliation", _BILAT_FIELD_REFERENCE, 0, _BILAT_KIND_ACTOR },
  { "predecessor", "predecessor", _BILAT_FIELD_REFERENCE, 0, _BILAT_KIND_ACTOR },
  { "citations", NULL, _BILAT_FIELD_CITATIONS, 0, 0 },
  { NULL, NULL, 0, 0, 0 },
};

static const _BilatField issue_fields[] = {
  { "id", NULL, _BILAT_FIELD_ID, _BILAT_FIELD_REQUIRED, 0 },
  { "title", "title", _BILAT_FIELD_STRING, 0, 0 },
  { "description", "description", _BILAT_FIELD_STRING, 0, 0 },
  { "citations", NULL, _BILAT_FIELD_CITATIONS, 0, 0 },
  { NULL, NULL, 0, 0, 0 },
};

static const _BilatField event_fields[] = {
  { "id", NULL, _BILAT_FIELD_ID, _BILAT_FIELD_REQUIRED, 0 },
  { "type", NULL, _BILAT_FIELD_EVENT_TYPE, _BILAT_FIELD_REQUIRED, 0 },
  { "date", "date", _BILAT_FIELD_DATE, _BILAT_FIELD_REQUIRED | _BILAT_FIELD_NULLABLE, 0 },
  { "title", "title", _BILAT_FIELD_STRING, 0, 0 },
  { "summary", "summary", _BILAT_FIELD_STRING, 0, 0 },
  { "participants", NULL, _BILAT_FIELD_PARTICIPANTS, 0, 0 },
  { "place", NULL, _BILAT_FIELD_PLACE, 0, 0 },
  { "sectors", "sectors", _BILAT_FIELD_SECTORS, 0, 0 },
  { "cameo", "cameo-code", _BILAT_FIELD_CAMEO, 0, 0 },
  { "goldstein", "goldstein", _BILAT_FIELD_SCORE, 0, 0 },
  { "citations", NULL, _BILAT_FIELD_CITATIONS, 0, 0 },
  { NULL, NULL, 0, 0, 0 },
};

const _BilatField _bilat_exercise_fields[] = {
  { "series", "series", _BILAT_FIELD_STRING, 0, 0 },
  { "edition", "edition", _BILAT_FIELD_COUNT, 0, 0 },
  { "host", "host", _BILAT_FIELD_REFERENCE, 0, _BILAT_KIND_ACTOR },
  { "domain", "domain", _BILAT_FIELD_ENUM, 0, 0 },
  { "focus", "focus", _BILAT_FIELD_STRING, 0, 0 },
  { NULL, NULL, 0, 0, 0 },
};

const _BilatField _bilat_coded_fields[] = {
  { "dataset", "dataset", _BILAT_FIELD_ENUM, 0, 0 },
  { "actor1_code", "actor1-code", _BILAT_FIELD_STRING, 0, 0 },
  { "actor1_name", "actor1-name", _BILAT_FIELD_STRING, 0, 0 },
  { "actor1_types", "actor1-types", _BILAT_FIELD_STRING, 0, 0 },
  { "actor2_code", "actor2-code", _BILAT_FIELD_STRING, 0, 0 },
  { "actor2_name", "actor2-name", _BILAT_FIELD_STRING, 0, 0 },
  { "actor2_types", "actor2-types", _BILAT_FIELD_STRING, 0, 0 },
  { "root_event", "root-event", _BILAT_FIELD_BOOLEAN, 0, 0 },
  { "mentions", "mentions", _BILAT_FIELD_COUNT, 0, 0 },
  { "sources", "sources", _BILAT_FIELD_COUNT, 0, 0 },
  { "articles", "articles", _BILAT_FIELD_COUNT, 0, 0 },
  { "tone", "tone", _BILAT_FIELD_NUMBER, 0, 0 },
  { "url", "url", _BILAT_FIELD_STRING, 0, 0 },
  { "date_added", "date-added", _BILAT_FIELD_DATE, 0, 0 },
  { NULL, NULL, 0, 0, 0 },
};

static const _BilatField position_fields[] = {
  { "id", NULL, _BILAT_FIELD_ID, _BILAT_FIELD_REQUIRED, 0 },
  { "holder", "holder", _BILAT_FIELD_REFERENCE, _BILAT_FIELD_REQUIRED, _BILAT_KIND_ACTOR },
  { "issue", "issue", _BILAT_FIELD_REFERENCE, _BILAT_FIELD_REQUIRED, _BILAT_KIND_ISSUE },
  { "stance", "stance", _BILAT_FIELD_ENUM, _BILAT_FIELD_REQUIRED, 0 },
  { "target", "target", _BILAT_FIELD_REFERENCE, 0, _BILAT_KIND_ACTOR },
  { "date", "date", _BILAT_FIELD_DATE, 0, 0 },
  { "summary", "summary", _BILAT_FIELD_STRING, 0, 0 },
  { "sectors", "sectors", _BILAT_FIELD_SECTORS, 0, 0 },
  { "citations", NULL, _BILAT_FIELD_CITATIONS, 0, 0 },
  { NULL, NULL, 0, 0, 0 },
};

const _BilatKindInfo _bilat_kinds[_BILAT_N_KINDS] = {
  [_BILAT_KIND_SOURCE] = { "sources", "source", source_fields },
  [_BILAT_KIND_ACTOR] = { "actors", "actor", actor_fields },
  [_BILAT_KIND_ISSUE] = { "issues", "issue", issue_fields },
  [_BILAT_KIND_EVENT] = { "events", "event", event_fields },
  [_BILAT_KIND_POSITION] = { "positions", "position", position_fields },
};

/* Problems quote what a file says, which may not be UTF-8 even where the
 * file is (a member named by a lone surrogate escape); what a problem says
 * always is. */
static char *
valid_copy (const char *text)
{
  return text != NULL ? g_utf8_make_valid (text, -1) : NULL;
}

BilatProblem *
_bilat_problem_new (BilatFormatError  code,
                    const char       *file,
                    guint             line,
                    const char       *kind,
                    int               index,
                    const char       *record_id,
                    const char       *field,
                    const char       *message)
{
  BilatProblem *self = g_new0 (BilatProblem, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->code = code;
  self->file = valid_copy (file);
  self->line = line;
  self->kind = valid_copy (kind);
  self->index = kind != NULL ? index : -1;
  self->record_id = valid_copy (record_id);
  self->field = valid_copy (field);
  self->message = valid_copy (message);

  return self;
}

/**
 * bilat_problem_ref:
 * @self: a [struct@Bilat.Problem]
 *
 * Acquires a reference on @self.
 *
 * Returns: (transfer full): @self
 *
 * Since: 1.0
 */
BilatProblem *
bilat_problem_ref (BilatProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

/**
 * bilat_problem_unref:
 * @self: (transfer full): a [struct@Bilat.Problem]
 *
 * Releases a reference on @self, freeing it when it was the last one.
 *
 * Since: 1.0
 */
void
bilat_problem_unref (BilatProblem *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->message);
  g_free (self->file);
  g_free (self->kind);
  g_free (self->record_id);
  g_free (self->field);
  g_free (self);
}

/**
 * bilat_problem_get_code:
 * @self: a [struct@Bilat.Problem]
 *
 * Returns what kind of problem @self is. It is the code that a loader of
 * [class@Bilat.Store] gives its [struct@GLib.Error] when @self is the
 * first problem of the data it loads.
 *
 * Returns: a code of the %BILAT_FORMAT_ERROR domain
 *
 * Since: 1.0
 */
BilatFormatError
bilat_problem_get_code (const BilatProblem *self)
{
  g_return_val_if_fail (self != NULL, BILAT_FORMAT_ERROR_INVALID_JSON);

  return self->code;
}

/**
 * bilat_problem_get_message:
 * @self: a [struct@Bilat.Problem]
 *
 * Returns what is wrong, without saying where: for example
 * `Invalid date “2018-13”: month 13 is out of range`. The other accessors
 * say where; [method@Bilat.Problem.to_string] says both.
 *
 * Returns: (transfer none): the message
 *
 * Since: 1.0
 */
const char *
bilat_problem_get_message (const BilatProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->message;
}

/**
 * bilat_problem_get_file:
 * @self: a [struct@Bilat.Problem]
 *
 * Returns the name of the data the problem is in: the path or URI of a
 * file, the name given to [func@Bilat.validate_data], `<string>` for data
 * loaded from memory, `<stream>` for a stream.
 *
 * Returns: (transfer none) (nullable): the name of the data, or %NULL if
 *   it has none
 *
 * Since: 1.0
 */
const char *
bilat_problem_get_file (const BilatProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->file;
}

/**
 * bilat_problem_get_line:
 * @self: a [struct@Bilat.Problem]
 *
 * Returns the line the problem is on, counted from 1: the line of the
 * member at fault, or of the record when a member is missing.
 *
 * Returns: the line, or 0 if not known
 *
 * Since: 1.0
 */
guint
bilat_problem_get_line (const BilatProblem *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->line;
}

/**
 * bilat_problem_get_kind:
 * @self: a [struct@Bilat.Problem]
 *
 * Returns the kind of record the problem is in, as the name of the
 * top-level array that holds it: `sources`, `actors`, `issues`, `events` or
 * `positions`.
 *
 * Returns: (transfer none) (nullable): the kind, or %NULL for a problem
 *   outside of any record (at the top level, or in the JSON syntax)
 *
 * Since: 1.0
 */
const char *
bilat_problem_get_kind (const BilatProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->kind;
}

/**
 * bilat_problem_get_index:
 * @self: a [struct@Bilat.Problem]
 *
 * Returns the index of the record the problem is in, within the array
 * named by [method@Bilat.Problem.get_kind], counted from 0.
 *
 * Returns: the index, or -1 for a problem outside of any record
 *
 * Since: 1.0
 */
int
bilat_problem_get_index (const BilatProblem *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->index;
}

/**
 * bilat_problem_get_record_id:
 * @self: a [struct@Bilat.Problem]
 *
 * Returns the id of the record the problem is in, when the record has a
 * valid one.
 *
 * Returns: (transfer none) (nullable): the id, or %NULL
 *
 * Since: 1.0
 */
const char *
bilat_problem_get_record_id (const BilatProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->record_id;
}

/**
 * bilat_problem_get_field:
 * @self: a [struct@Bilat.Problem]
 *
 * Returns the member the problem is in, as a path from the record:
 * `date`, `place.latitude`, `citations[2].source` (array indices count
 * from 0). For a problem at the top level, it is a top-level member.
 *
 * Returns: (transfer none) (nullable): the member, or %NULL for a problem
 *   of a whole record or document
 *
 * Since: 1.0
 */
const char *
bilat_problem_get_field (const BilatProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->field;
}

/**
 * bilat_problem_to_string:
 * @self: a [struct@Bilat.Problem]
 *
 * Formats the problem as one line, in the form of compilers' diagnostics:
 * `FILE:LINE: KIND[INDEX] “ID”: member “FIELD”: MESSAGE`, leaving out
 * what is not known. For example:
 *
 * ```
 * data.json:42: events[3] “friendship-2018”: member “date”: Invalid date “2018-13”: month 13 is out of range
 * ```
 *
 * Returns: (transfer full): the problem as text
 *
 * Since: 1.0
 */
char *
bilat_problem_to_string (const BilatProblem *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_string_new (NULL);

  if (self->file != NULL)
    g_string_append_printf (text, "%s:", self->file);
  if (self->line > 0)
    g_string_append_printf (text, "%u:", self->line);
  if (text->len > 0)
    g_string_append_c (text, ' ');

  if (self->kind != NULL)
    {
      g_string_append_printf (text, "%s[%d]", self->kind, self->index);
      if (self->record_id != NULL)
        g_string_append_printf (text, " “%s”", self->record_id);
      g_string_append (text, ": ");
    }

  if (self->field != NULL)
    g_string_append_printf (text, "member “%s”: ", self->field);

  g_string_append (text, self->message);

  return g_string_free (text, FALSE);
}

/**
 * bilat_validate_data:
 * @data: (array length=length) (element-type guint8): a dataset in the
 *   libbilat JSON format
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @name: (nullable): the name of @data in the problems, such as its file
 *   name, or %NULL for `<string>`
 *
 * Checks a dataset against the libbilat JSON format, reporting every
 * problem rather than only the first: syntax, types, values, ids and
 * references. It checks what [method@Bilat.Store.load_from_data] checks,
 * with the same code, so a dataset without problems loads into an empty
 * store.
 *
 * A JSON syntax error or a document that is not a bilat dataset of a known
 * version ends the check, since nothing after it can be trusted; otherwise
 * every record is checked.
 *
 * Returns: (transfer container) (element-type Bilat.Problem): the
 *   problems, in the order of their lines; an empty array if the dataset
 *   is valid. Freeing the array frees the problems.
 *
 * Since: 1.0
 */
GPtrArray *
bilat_validate_data (const char *data,
                     gssize      length,
                     const char *name)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  return _bilat_format_read (data != NULL ? data : "", length,
                             name != NULL ? name : "<string>", NULL, NULL);
}

/**
 * bilat_validate_file:
 * @file: a file holding a dataset in the libbilat JSON format
 * @cancellable: (nullable): a [class@Gio.Cancellable], or %NULL
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Reads @file and checks it as [func@Bilat.validate_data] does. The
 * problems name the file by its parse name (its path when it is local).
 *
 * @error is only for failing to read the file (in the %G_IO_ERROR
 * domain); the problems of its content are what the function returns.
 *
 * Returns: (transfer container) (element-type Bilat.Problem) (nullable):
 *   the problems, in the order of their lines, an empty array if the
 *   dataset is valid, or %NULL with @error set if @file cannot be read
 *
 * Since: 1.0
 */
GPtrArray *
bilat_validate_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Read in chunks, checked as they come: a file of any size costs a
   * record's worth of memory, not the file's. */
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  name = g_file_get_parse_name (file);

  return _bilat_format_read_stream (G_INPUT_STREAM (stream), cancellable, name, NULL, NULL,
                                    error);
}

/**
 * bilat_validate_stream:
 * @stream: a [class@Gio.InputStream] holding a dataset in the libbilat JSON
 *   format, read to its end but not closed
 * @name: (nullable): the name of the data in the problems, such as the file
 *   name a user gave, or %NULL for `<stream>`
 * @cancellable: (nullable): a [class@Gio.Cancellable], or %NULL
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Checks the dataset @stream holds as [func@Bilat.validate_data] does,
 * reading it in chunks: a dataset of any size costs a record's worth of
 * memory, not its own.
 *
 * @error is only for failing to read (in the %G_IO_ERROR domain); the
 * problems of the content are what the function returns.
 *
 * Returns: (transfer container) (element-type Bilat.Problem) (nullable):
 *   the problems, in the order of their lines, an empty array if the
 *   dataset is valid, or %NULL with @error set if @stream cannot be read
 *
 * Since: 1.0
 */
GPtrArray *
bilat_validate_stream (GInputStream  *stream,
                       const char    *name,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _bilat_format_read_stream (stream, cancellable, name != NULL ? name : "<stream>",
                                    NULL, NULL, error);
}

/* Cycles of chains: a walk from each id not seen yet, marking the ids on
 * its path, stops at an id seen before. If that id is on the path itself,
 * the path from it on is a cycle; otherwise the path leads into a walk
 * done before, whose cycles are known already. */

#define ON_PATH GINT_TO_POINTER (1)
#define DONE GINT_TO_POINTER (2)

GHashTable *
_bilat_chain_cycles (const char * const *ids,
                     guint               n_ids,
                     _BilatChainNextFunc next,
                     gpointer            user_data)
{
  g_autoptr(GHashTable) state = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  GHashTable *cycles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n_ids; i++)
    {
      const char *id = ids[i];
      gpointer mark = NULL;

      g_ptr_array_set_size (path, 0);
      while (id != NULL && (mark = g_hash_table_lookup (state, id)) == NULL)
        {
          g_hash_table_insert (state, (gpointer) id, ON_PATH);
          g_ptr_array_add (path, (gpointer) id);
          id = next (id, user_data);
        }
      if (id != NULL && mark == ON_PATH)
        {
          /* From the end of the path back to where it came back. */
          for (guint j = path->len; j > 0; j--)
            {
              const char *member = g_ptr_array_index (path, j - 1);

              g_hash_table_add (cycles, g_strdup (member));
              if (strcmp (member, id) == 0)
                break;
            }
        }
      for (guint j = 0; j < path->len; j++)
        g_hash_table_insert (state, g_ptr_array_index (path, j), DONE);
    }
  return cycles;
}
