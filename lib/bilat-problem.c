/* bilat-problem.c: one problem of the data a reader read, and where
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

#include "bilat-problem-private.h"

/**
 * BilatProblem:
 *
 * One problem of data read by libbilat: what is wrong (an error domain, a
 * code of it, and a message) and where (the file, the line, and as far as
 * they apply the record, the member or the column).
 *
 * Problems come from two readers, told apart by
 * [method@Bilat.Problem.get_domain]:
 *
 * - datasets in the libbilat JSON format (%BILAT_FORMAT_ERROR, codes of
 *   [error@Bilat.FormatError]): [func@Bilat.validate_data] and
 *   [func@Bilat.validate_file] list every problem of a dataset, and the
 *   loaders of [class@Bilat.Store] report the first of them as their
 *   [struct@GLib.Error]. Such a problem names the record (its kind, index
 *   and id) and the member;
 * - event data (%BILAT_IMPORT_ERROR, codes of [error@Bilat.ImportError]):
 *   a [class@Bilat.ImportReport] keeps the bad rows, duplicates and
 *   unmapped names it met. Such a problem names the column, counted from 1,
 *   with its name in the dataset's codebook as the field
 *   (`GoldsteinScale`), and the event id as the record id.
 *
 * [method@Bilat.Problem.to_string] gives the one-line form that the
 * `bilat` command prints:
 *
 * ```
 * data.json:42: events[3] “friendship-2018”: member “date”: Invalid date “2018-13”: month 13 is out of range
 * events.CSV:12: column 31 (GoldsteinScale): not a number: “x”
 * ```
 *
 * A `BilatProblem` is an immutable, reference-counted value.
 *
 * Since: 1.0
 */

struct _BilatProblem
{
  gatomicrefcount   ref_count;
  GQuark            domain;
  int               code;
  guint64           line;
  guint             column;   /* of event data; 0: none */
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

/* Problems quote what a file says, which may not be UTF-8 even where the
 * file is (a member named by a lone surrogate escape); what a problem says
 * always is. */
static char *
valid_copy (const char *text)
{
  return text != NULL ? g_utf8_make_valid (text, -1) : NULL;
}

BilatProblem *
_bilat_problem_new_full (GQuark      domain,
                         int         code,
                         const char *file,
                         guint64     line,
                         guint       column,
                         const char *kind,
                         int         index,
                         const char *record_id,
                         const char *field,
                         const char *message)
{
  BilatProblem *self = g_new0 (BilatProblem, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->domain = domain;
  self->code = code;
  self->file = valid_copy (file);
  self->line = line;
  self->column = column;
  self->kind = valid_copy (kind);
  self->index = kind != NULL ? index : -1;
  self->record_id = valid_copy (record_id);
  self->field = valid_copy (field);
  self->message = valid_copy (message);

  return self;
}

GError *
_bilat_problem_to_error (const BilatProblem *self)
{
  g_autofree char *text = bilat_problem_to_string (self);

  return g_error_new_literal (self->domain, self->code, text);
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
 * bilat_problem_get_domain:
 * @self: a [struct@Bilat.Problem]
 *
 * Returns the error domain of the problem: %BILAT_FORMAT_ERROR for a
 * dataset in the libbilat JSON format, %BILAT_IMPORT_ERROR for event data.
 *
 * Returns: the error domain of [method@Bilat.Problem.get_code]
 *
 * Since: 1.0
 */
GQuark
bilat_problem_get_domain (const BilatProblem *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->domain;
}

/**
 * bilat_problem_get_code:
 * @self: a [struct@Bilat.Problem]
 *
 * Returns what kind of problem @self is, a code of the domain of
 * [method@Bilat.Problem.get_domain]: a [error@Bilat.FormatError] or a
 * [error@Bilat.ImportError]. It is the code that a loader of
 * [class@Bilat.Store] or a reader of event data gives its
 * [struct@GLib.Error] when @self is the first problem of the data it reads.
 *
 * Returns: the code, in the problem's domain
 *
 * Since: 1.0
 */
int
bilat_problem_get_code (const BilatProblem *self)
{
  g_return_val_if_fail (self != NULL, 0);

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
 * Returns the line the problem is on, counted from 1 as an editor counts
 * them: in a dataset, the line of the member at fault, or of the record
 * when a member is missing; in event data, the line of the row (a header
 * line counts).
 *
 * Returns: the line, or 0 if not known or for a problem of a whole file
 *
 * Since: 1.0
 */
guint64
bilat_problem_get_line (const BilatProblem *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->line;
}

/**
 * bilat_problem_get_column:
 * @self: a [struct@Bilat.Problem]
 *
 * Returns the column of event data the problem is in, counted from 1;
 * [method@Bilat.Problem.get_field] is then its name in the dataset's
 * codebook.
 *
 * Returns: the column, or 0 for a problem of a dataset or of a whole row
 *
 * Since: 1.0
 */
guint
bilat_problem_get_column (const BilatProblem *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->column;
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
 * valid one: in a dataset, the record's id; in event data, the id of the
 * row's event, once it is known.
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
 * from 0). For a problem at the top level, it is a top-level member. In
 * event data, it is the name of the column (`GoldsteinScale`).
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
    g_string_append_printf (text, "%" G_GUINT64_FORMAT ":", self->line);
  if (text->len > 0)
    g_string_append_c (text, ' ');

  if (self->kind != NULL)
    {
      g_string_append_printf (text, "%s[%d]", self->kind, self->index);
      if (self->record_id != NULL)
        g_string_append_printf (text, " “%s”", self->record_id);
      g_string_append (text, ": ");
    }

  if (self->column > 0)
    {
      g_string_append_printf (text, "column %u", self->column);
      if (self->field != NULL)
        g_string_append_printf (text, " (%s)", self->field);
      g_string_append (text, ": ");
    }
  else if (self->field != NULL)
    g_string_append_printf (text, "member “%s”: ", self->field);

  g_string_append (text, self->message);

  return g_string_free (text, FALSE);
}
