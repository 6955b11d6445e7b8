/* bilat-import-report.c: what reading event data found
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <bilat/bilat.h>

#include "bilat-import-private.h"
#include "bilat-problem-private.h"

/**
 * bilat_import_error_quark:
 *
 * Returns the quark of the error domain of reading event data; use
 * %BILAT_IMPORT_ERROR instead.
 *
 * Returns: the %BILAT_IMPORT_ERROR quark
 *
 * Since: 1.0
 */
G_DEFINE_QUARK (bilat-import-error-quark, bilat_import_error)

BilatProblem *
_bilat_import_problem_new (BilatImportError  code,
                           const char       *file,
                           guint64           line,
                           guint             column,
                           const char       *field,
                           const char       *record_id,
                           const char       *message)
{
  return _bilat_problem_new_full (BILAT_IMPORT_ERROR, code, file, line, column, NULL, -1,
                                  record_id, field, message);
}

/**
 * BilatImportReport:
 *
 * What reading event data found: the format, how many rows were read,
 * how many the query selected and how many were kept, and the rows that
 * were skipped, with the first [const@Bilat.IMPORT_MAX_PROBLEMS] problems
 * in the order of the input.
 *
 * The counts add up: every row that the query selects is either kept
 * (an event added to the store, or counted in the series) or a duplicate
 * of an earlier event id; a row that is malformed is a bad row and is
 * skipped. A row that the query rejects on its first columns is not read
 * further, so problems in its other columns go unnoticed: that is what
 * makes reading fast.
 *
 * Since: 1.0
 */
struct _BilatImportReport
{
  GObject parent_instance;

  BilatImportCounts counts;
  GPtrArray        *problems;
};

G_DEFINE_FINAL_TYPE (BilatImportReport, bilat_import_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FORMAT,
  PROP_N_FILES,
  PROP_BYTES,
  PROP_ROWS,
  PROP_MATCHED,
  PROP_KEPT,
  PROP_BAD_ROWS,
  PROP_DUPLICATES,
  PROP_N_PROBLEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bilat_import_report_finalize (GObject *object)
{
  BilatImportReport *self = BILAT_IMPORT_REPORT (object);

  g_ptr_array_unref (self->problems);

  G_OBJECT_CLASS (bilat_import_report_parent_class)->finalize (object);
}

static void
bilat_import_report_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BilatImportReport *self = BILAT_IMPORT_REPORT (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      g_value_set_enum (value, self->counts.format);
      break;
    case PROP_N_FILES:
      g_value_set_uint (value, self->counts.n_files);
      break;
    case PROP_BYTES:
      g_value_set_uint64 (value, self->counts.bytes);
      break;
    case PROP_ROWS:
      g_value_set_uint64 (value, self->counts.rows);
      break;
    case PROP_MATCHED:
      g_value_set_uint64 (value, self->counts.matched);
      break;
    case PROP_KEPT:
      g_value_set_uint64 (value, self->counts.kept);
      break;
    case PROP_BAD_ROWS:
      g_value_set_uint64 (value, self->counts.bad_rows);
      break;
    case PROP_DUPLICATES:
      g_value_set_uint64 (value, self->counts.duplicates);
      break;
    case PROP_N_PROBLEMS:
      g_value_set_uint64 (value, self->counts.n_problems);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
count_param (const char *name)
{
  return g_param_spec_uint64 (name, NULL, NULL, 0, G_MAXUINT64, 0,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
bilat_import_report_class_init (BilatImportReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_import_report_finalize;
  object_class->get_property = bilat_import_report_get_property;

  /**
   * BilatImportReport:format: (getter get_format)
   *
   * The format of the input, as given or detected; of the first file
   * when there were several; %BILAT_EVENT_FORMAT_AUTO when the input had
   * no row to tell it by.
   *
   * Since: 1.0
   */
  properties[PROP_FORMAT] =
    g_param_spec_enum ("format", NULL, NULL, BILAT_TYPE_EVENT_FORMAT, BILAT_EVENT_FORMAT_AUTO,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatImportReport:n-files: (getter get_n_files)
   *
   * How many files were read: each member of an archive counts.
   *
   * Since: 1.0
   */
  properties[PROP_N_FILES] =
    g_param_spec_uint ("n-files", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatImportReport:bytes: (getter get_bytes)
   *
   * How many bytes were read, of the files as stored (compressed bytes
   * for compressed files).
   *
   * Since: 1.0
   */
  properties[PROP_BYTES] = count_param ("bytes");

  /**
   * BilatImportReport:rows: (getter get_rows)
   *
   * How many rows were read: every line but empty lines and the header.
   *
   * Since: 1.0
   */
  properties[PROP_ROWS] = count_param ("rows");

  /**
   * BilatImportReport:matched: (getter get_matched)
   *
   * How many well-formed rows the query selected: those kept and the
   * duplicates.
   *
   * Since: 1.0
   */
  properties[PROP_MATCHED] = count_param ("matched");

  /**
   * BilatImportReport:kept: (getter get_kept)
   *
   * How many rows became events of the store, or were counted in the
   * series.
   *
   * Since: 1.0
   */
  properties[PROP_KEPT] = count_param ("kept");

  /**
   * BilatImportReport:bad-rows: (getter get_bad_rows)
   *
   * How many rows were skipped as malformed.
   *
   * Since: 1.0
   */
  properties[PROP_BAD_ROWS] = count_param ("bad-rows");

  /**
   * BilatImportReport:duplicates: (getter get_duplicates)
   *
   * How many selected rows were skipped because their event id was seen
   * before (or, importing into a store, is already there).
   *
   * Since: 1.0
   */
  properties[PROP_DUPLICATES] = count_param ("duplicates");

  /**
   * BilatImportReport:n-problems: (getter get_n_problems)
   *
   * How many problems were found: bad rows, duplicates and unknown
   * country names. Only the first [const@Bilat.IMPORT_MAX_PROBLEMS] are
   * kept.
   *
   * Since: 1.0
   */
  properties[PROP_N_PROBLEMS] = count_param ("n-problems");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bilat_import_report_init (BilatImportReport *self)
{
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) bilat_problem_unref);
}

/**
 * bilat_import_report_new:
 *
 * Creates an empty report, into which others can be merged.
 *
 * Returns: (transfer full): a new [class@Bilat.ImportReport]
 *
 * Since: 1.0
 */
BilatImportReport *
bilat_import_report_new (void)
{
  return g_object_new (BILAT_TYPE_IMPORT_REPORT, NULL);
}

BilatImportCounts *
_bilat_import_report_counts (BilatImportReport *self)
{
  return &self->counts;
}

void
_bilat_import_report_take_problem (BilatImportReport  *self,
                                   BilatProblem       *problem)
{
  self->counts.n_problems++;
  if (self->problems->len < BILAT_IMPORT_MAX_PROBLEMS)
    g_ptr_array_add (self->problems, problem);
  else
    bilat_problem_unref (problem);
}

/**
 * bilat_import_report_get_format: (get-property format)
 * @self: a [class@Bilat.ImportReport]
 *
 * Gets the format of the input.
 *
 * Returns: the format of the input
 *
 * Since: 1.0
 */
BilatEventFormat
bilat_import_report_get_format (BilatImportReport *self)
{
  g_return_val_if_fail (BILAT_IS_IMPORT_REPORT (self), BILAT_EVENT_FORMAT_AUTO);

  return self->counts.format;
}

/**
 * bilat_import_report_get_n_files: (get-property n-files)
 * @self: a [class@Bilat.ImportReport]
 *
 * Gets how many files were read.
 *
 * Returns: how many files were read
 *
 * Since: 1.0
 */
guint
bilat_import_report_get_n_files (BilatImportReport *self)
{
  g_return_val_if_fail (BILAT_IS_IMPORT_REPORT (self), 0);

  return self->counts.n_files;
}

/**
 * bilat_import_report_get_bytes: (get-property bytes)
 * @self: a [class@Bilat.ImportReport]
 *
 * Gets how many bytes were read.
 *
 * Returns: how many bytes were read
 *
 * Since: 1.0
 */
guint64
bilat_import_report_get_bytes (BilatImportReport *self)
{
  g_return_val_if_fail (BILAT_IS_IMPORT_REPORT (self), 0);

  return self->counts.bytes;
}

/**
 * bilat_import_report_get_rows: (get-property rows)
 * @self: a [class@Bilat.ImportReport]
 *
 * Gets how many rows were read.
 *
 * Returns: how many rows were read
 *
 * Since: 1.0
 */
guint64
bilat_import_report_get_rows (BilatImportReport *self)
{
  g_return_val_if_fail (BILAT_IS_IMPORT_REPORT (self), 0);

  return self->counts.rows;
}

/**
 * bilat_import_report_get_matched: (get-property matched)
 * @self: a [class@Bilat.ImportReport]
 *
 * Gets how many well-formed rows the query selected.
 *
 * Returns: how many well-formed rows the query selected
 *
 * Since: 1.0
 */
guint64
bilat_import_report_get_matched (BilatImportReport *self)
{
  g_return_val_if_fail (BILAT_IS_IMPORT_REPORT (self), 0);

  return self->counts.matched;
}

/**
 * bilat_import_report_get_kept: (get-property kept)
 * @self: a [class@Bilat.ImportReport]
 *
 * Gets how many rows were kept.
 *
 * Returns: how many rows were kept
 *
 * Since: 1.0
 */
guint64
bilat_import_report_get_kept (BilatImportReport *self)
{
  g_return_val_if_fail (BILAT_IS_IMPORT_REPORT (self), 0);

  return self->counts.kept;
}

/**
 * bilat_import_report_get_bad_rows: (get-property bad-rows)
 * @self: a [class@Bilat.ImportReport]
 *
 * Gets how many rows were skipped as malformed.
 *
 * Returns: how many rows were skipped as malformed
 *
 * Since: 1.0
 */
guint64
bilat_import_report_get_bad_rows (BilatImportReport *self)
{
  g_return_val_if_fail (BILAT_IS_IMPORT_REPORT (self), 0);

  return self->counts.bad_rows;
}

/**
 * bilat_import_report_get_duplicates: (get-property duplicates)
 * @self: a [class@Bilat.ImportReport]
 *
 * Gets how many rows were skipped as duplicates.
 *
 * Returns: how many rows were skipped as duplicates
 *
 * Since: 1.0
 */
guint64
bilat_import_report_get_duplicates (BilatImportReport *self)
{
  g_return_val_if_fail (BILAT_IS_IMPORT_REPORT (self), 0);

  return self->counts.duplicates;
}

/**
 * bilat_import_report_get_n_problems: (get-property n-problems)
 * @self: a [class@Bilat.ImportReport]
 *
 * Gets how many problems were found, kept or not.
 *
 * Returns: how many problems were found, kept or not
 *
 * Since: 1.0
 */
guint64
bilat_import_report_get_n_problems (BilatImportReport *self)
{
  g_return_val_if_fail (BILAT_IS_IMPORT_REPORT (self), 0);

  return self->counts.n_problems;
}

/**
 * bilat_import_report_get_problems:
 * @self: a [class@Bilat.ImportReport]
 *
 * Returns the first problems found, at most
 * [const@Bilat.IMPORT_MAX_PROBLEMS], in the order of the input.
 *
 * Returns: (transfer none) (element-type BilatProblem): the problems
 *
 * Since: 1.0
 */
GPtrArray *
bilat_import_report_get_problems (BilatImportReport *self)
{
  g_return_val_if_fail (BILAT_IS_IMPORT_REPORT (self), NULL);

  return self->problems;
}

/**
 * bilat_import_report_merge:
 * @self: a [class@Bilat.ImportReport]
 * @other: the report of input read after that of @self
 *
 * Adds the counts of @other to those of @self, and its problems after
 * those of @self, as long as fewer than [const@Bilat.IMPORT_MAX_PROBLEMS]
 * are kept. The format stays that of @self, unless @self has none.
 *
 * Since: 1.0
 */
void
bilat_import_report_merge (BilatImportReport *self,
                           BilatImportReport *other)
{
  g_return_if_fail (BILAT_IS_IMPORT_REPORT (self));
  g_return_if_fail (BILAT_IS_IMPORT_REPORT (other));
  g_return_if_fail (self != other);

  if (self->counts.format == BILAT_EVENT_FORMAT_AUTO)
    self->counts.format = other->counts.format;
  self->counts.n_files += other->counts.n_files;
  self->counts.bytes += other->counts.bytes;
  self->counts.rows += other->counts.rows;
  self->counts.matched += other->counts.matched;
  self->counts.kept += other->counts.kept;
  self->counts.bad_rows += other->counts.bad_rows;
  self->counts.duplicates += other->counts.duplicates;
  self->counts.n_problems += other->counts.n_problems;
  for (guint set = 0; set < 2; set++)
    if (other->counts.has_ids[set])
      {
        _bilat_import_counts_keep_id (&self->counts, set == 1, other->counts.id_first[set]);
        _bilat_import_counts_keep_id (&self->counts, set == 1, other->counts.id_last[set]);
      }

  for (guint i = 0; i < other->problems->len && self->problems->len < BILAT_IMPORT_MAX_PROBLEMS; i++)
    g_ptr_array_add (self->problems, bilat_problem_ref (g_ptr_array_index (other->problems, i)));
}

void
_bilat_import_counts_keep_id (BilatImportCounts *counts,
                              gboolean           icews,
                              guint64            id)
{
  guint set = icews ? 1 : 0;

  if (!counts->has_ids[set])
    {
      counts->has_ids[set] = TRUE;
      counts->id_first[set] = counts->id_last[set] = id;
      return;
    }
  counts->id_first[set] = MIN (counts->id_first[set], id);
  counts->id_last[set] = MAX (counts->id_last[set], id);
}

/**
 * bilat_import_report_get_id_span:
 * @self: a [class@Bilat.ImportReport]
 * @prefix: the prefix of the ids, without its colon: `gdelt` (GDELT 1.0
 *   and 2.0 share it) or `icews`
 * @first: (out) (optional): the smallest number of an id kept
 * @last: (out) (optional): the largest number of an id kept
 *
 * Gets the span of the ids of the events kept (imported, or counted in a
 * series) that have @prefix: event ids of coded data are `PREFIX:NUMBER`.
 * Inputs read apart whose spans do not overlap share no event id, so their
 * series merge into the series one reading of all of them gives; inputs
 * whose spans overlap may share ids, of which only the first occurrence
 * counts. That is how the Python `bilat.dask` module splits work over
 * machines. (An import into a store that had some of the events already
 * keeps fewer than it read; the span is of those read and not refused as
 * duplicates of each other, which never hides a shared id.)
 *
 * Returns: %TRUE if an event with @prefix was kept; %FALSE otherwise (and
 *   for a prefix libbilat does not read)
 *
 * Since: 1.0
 */
gboolean
bilat_import_report_get_id_span (BilatImportReport *self,
                                 const char        *prefix,
                                 guint64           *first,
                                 guint64           *last)
{
  guint set;

  g_return_val_if_fail (BILAT_IS_IMPORT_REPORT (self), FALSE);
  g_return_val_if_fail (prefix != NULL, FALSE);

  if (strcmp (prefix, "gdelt") == 0)
    set = 0;
  else if (strcmp (prefix, "icews") == 0)
    set = 1;
  else
    return FALSE;
  if (!self->counts.has_ids[set])
    return FALSE;
  if (first != NULL)
    *first = self->counts.id_first[set];
  if (last != NULL)
    *last = self->counts.id_last[set];
  return TRUE;
}

/**
 * bilat_import_report_to_string:
 * @self: a [class@Bilat.ImportReport]
 *
 * Summarizes the report on one line, such as `GDELT 2.0, 1 file, 2111
 * rows: 5 matched, 5 kept, 0 bad rows, 0 duplicates`.
 *
 * Returns: (transfer full): the summary
 *
 * Since: 1.0
 */
char *
bilat_import_report_to_string (BilatImportReport *self)
{
  static const char * const format_names[] = {
    [BILAT_EVENT_FORMAT_AUTO] = "no rows",
    [BILAT_EVENT_FORMAT_GDELT1] = "GDELT 1.0",
    [BILAT_EVENT_FORMAT_GDELT2] = "GDELT 2.0",
    [BILAT_EVENT_FORMAT_ICEWS] = "ICEWS",
    [BILAT_EVENT_FORMAT_MME] = "MME",
  };
  const BilatImportCounts *c;

  g_return_val_if_fail (BILAT_IS_IMPORT_REPORT (self), NULL);

  c = &self->counts;
  return g_strdup_printf ("%s, %u file%s, %" G_GUINT64_FORMAT " rows: %" G_GUINT64_FORMAT
                          " matched, %" G_GUINT64_FORMAT " kept, %" G_GUINT64_FORMAT
                          " bad rows, %" G_GUINT64_FORMAT " duplicates",
                          format_names[c->format], c->n_files, c->n_files == 1 ? "" : "s",
                          c->rows, c->matched, c->kept, c->bad_rows, c->duplicates);
}
