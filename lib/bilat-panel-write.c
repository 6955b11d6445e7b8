/* bilat-panel-write.c: a panel as a table, CSV, TSV or JSON
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Panels run to millions of rows: the cells are formatted by hand into
 * a buffer that is written out in large blocks, never through a string
 * per cell.
 */

#include <math.h>
#include <string.h>

#include <bilat/bilat.h>

#include "bilat-json-private.h"
#include "bilat-panel-private.h"

/* Write in blocks of about this many bytes. */
#define BLOCK_SIZE (256 * 1024)

static const char * const source_names[] = { "exercises", "events", "affinity" };

/* The longest number cell: a measure as %.10g, or a count. */
#define MAX_NUMBER G_ASCII_DTOSTR_BUF_SIZE

static char *
put_uint (char    *p,
          guint64  value)
{
  char digits[24];
  char *d = digits + sizeof digits;

  do
    {
      *--d = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  memcpy (p, d, (gsize) (digits + sizeof digits - d));
  return p + (digits + sizeof digits - d);
}

/* Writes a number cell at @p, which has room for MAX_NUMBER bytes; the
 * end of what was written (@p itself for an empty cell). */
static char *
put_number (BilatPanel *self,
            guint       row,
            guint       column,
            char       *p)
{
  guint n_fixed = self->codes ? 5 : 3;

  if (column >= n_fixed)
    {
      BilatPanelColumn *values = g_ptr_array_index (self->columns, column - n_fixed);

      if (values->type == BILAT_PANEL_VALUE_TYPE_INTEGER)
        return values->counts[row] == PANEL_NO_COUNT ? p : put_uint (p, values->counts[row]);
      if (isnan (values->reals[row]))
        return p;
      g_ascii_formatd (p, MAX_NUMBER, "%.10g", values->reals[row]);
      return p + strlen (p);
    }

  switch (self->fixed[column])
    {
    case PANEL_FIXED_COW_A:
      return self->cow_a[row] == PANEL_NO_CODE ? p : put_uint (p, self->cow_a[row]);
    case PANEL_FIXED_COW_B:
      return self->cow_b[row] == PANEL_NO_CODE ? p : put_uint (p, self->cow_b[row]);
    case PANEL_FIXED_PERIOD:
      if (self->unit == BILAT_SERIES_UNIT_YEAR)
        return put_uint (p, (guint64) self->period[row]);
      _bilat_panel_format_period (self->unit, self->period[row], p);
      return p + strlen (p);
    case PANEL_FIXED_A:
    case PANEL_FIXED_B:
    case PANEL_FIXED_VALUE:
    default:
      return p;
    }
}

/* Appends a cell; FALSE (nothing appended) when it is empty. */
static gboolean
append_cell (BilatPanel *self,
             guint       row,
             guint       column,
             GString    *out)
{
  gsize len = out->len;
  char *end;

  if (self->fixed[column] == PANEL_FIXED_A || self->fixed[column] == PANEL_FIXED_B)
    {
      g_string_append (out, self->fixed[column] == PANEL_FIXED_A ? bilat_panel_get_actor_a (self, row)
                                                                 : bilat_panel_get_actor_b (self, row));
      return TRUE;
    }
  g_string_set_size (out, len + MAX_NUMBER);
  end = put_number (self, row, column, out->str + len);
  g_string_truncate (out, (gsize) (end - out->str));
  return out->len > len;
}

static gboolean
flush (GString       *out,
       GOutputStream *stream,
       gboolean       force,
       GCancellable  *cancellable,
       GError       **error)
{
  if (out->len == 0 || (!force && out->len < BLOCK_SIZE))
    return TRUE;
  if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
    return FALSE;
  g_string_truncate (out, 0);
  return TRUE;
}

static void
append_coverage (BilatPanel       *self,
                 BilatPanelSource  source,
                 GString          *out)
{
  g_autoptr(BilatDate) span = bilat_panel_get_coverage (self, source);
  g_autofree char *text = span != NULL ? bilat_date_to_string (span) : NULL;

  g_string_append (out, text != NULL ? text : "none");
}

/* Actor ids are plain, but a dataset may use any: quote what needs it. */
static void
append_separated_text (GString    *out,
                       const char *text,
                       char        separator)
{
  if (strchr (text, separator) == NULL && strpbrk (text, "\"\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
free_gstring (gpointer data)
{
  g_string_free (data, TRUE);
}

static gboolean
write_separated (BilatPanel    *self,
                 char           separator,
                 GOutputStream *stream,
                 GString       *out,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  guint n_numbers = g_strv_length (self->names) - 2;

  /* The metadata, as comment lines (read_csv (..., comment="#")). */
  g_string_append_printf (out, "# libbilat panel: %s dyad-%s, %d-%d\n# coverage:",
                          self->directed ? "directed" : "undirected",
                          self->unit == BILAT_SERIES_UNIT_YEAR ? "years" : "months",
                          self->first_year, self->last_year);
  for (guint s = 0; s < G_N_ELEMENTS (source_names); s++)
    {
      g_string_append_printf (out, "%s %s ", s > 0 ? ";" : "", source_names[s]);
      append_coverage (self, s, out);
    }
  g_string_append_c (out, '\n');
  for (guint c = 0; self->names[c] != NULL; c++)
    {
      if (c > 0)
        g_string_append_c (out, separator);
      g_string_append (out, self->names[c]);
    }
  g_string_append_c (out, '\n');

  /* Each actor's cell once, quoted if need be. */
  ids = g_ptr_array_new_with_free_func (free_gstring);
  for (guint i = 0; i < self->ids->len; i++)
    {
      GString *cell = g_string_new (NULL);

      append_separated_text (cell, g_ptr_array_index (self->ids, i), separator);
      g_ptr_array_add (ids, cell);
    }

  for (guint r = 0; r < self->n_rows; r++)
    {
      const GString *a = g_ptr_array_index (ids, self->a[r]);
      const GString *b = g_ptr_array_index (ids, self->b[r]);

      gsize len = out->len;
      char *p;

      /* Room for the whole line, written in place. */
      g_string_set_size (out, len + a->len + b->len + 2 + n_numbers * (MAX_NUMBER + 1));
      p = out->str + len;
      memcpy (p, a->str, a->len);
      p += a->len;
      *p++ = separator;
      memcpy (p, b->str, b->len);
      p += b->len;
      for (guint c = 2; c < n_numbers + 2; c++)
        {
          *p++ = separator;
          p = put_number (self, r, c, p);
        }
      *p++ = '\n';
      g_string_truncate (out, (gsize) (p - out->str));
      if (!flush (out, stream, FALSE, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_json (BilatPanel    *self,
            GOutputStream *stream,
            GString       *out,
            GCancellable  *cancellable,
            GError       **error)
{
  _BilatJsonWriter writer;

  _bilat_json_writer_init (&writer, out, stream, cancellable);
  _bilat_json_writer_begin_object (&writer, FALSE);
  _bilat_json_writer_member (&writer, "metadata");
  _bilat_json_writer_begin_object (&writer, FALSE);
  _bilat_json_writer_member (&writer, "unit");
  _bilat_json_writer_string (&writer, self->unit == BILAT_SERIES_UNIT_YEAR ? "year" : "month");
  _bilat_json_writer_member (&writer, "directed");
  _bilat_json_writer_boolean (&writer, self->directed);
  _bilat_json_writer_member (&writer, "from");
  _bilat_json_writer_int (&writer, self->first_year);
  _bilat_json_writer_member (&writer, "to");
  _bilat_json_writer_int (&writer, self->last_year);
  _bilat_json_writer_member (&writer, "columns");
  _bilat_json_writer_begin_array (&writer, TRUE);
  for (guint c = 0; self->names[c] != NULL; c++)
    _bilat_json_writer_string (&writer, self->names[c]);
  _bilat_json_writer_end (&writer);
  _bilat_json_writer_member (&writer, "coverage");
  _bilat_json_writer_begin_object (&writer, TRUE);
  for (guint s = 0; s < G_N_ELEMENTS (source_names); s++)
    {
      g_autoptr(BilatDate) span = bilat_panel_get_coverage (self, s);
      g_autofree char *text = span != NULL ? bilat_date_to_string (span) : NULL;

      _bilat_json_writer_member (&writer, source_names[s]);
      if (text != NULL)
        _bilat_json_writer_string (&writer, text);
      else
        _bilat_json_writer_null (&writer);
    }
  _bilat_json_writer_end (&writer);
  _bilat_json_writer_end (&writer);

  _bilat_json_writer_member (&writer, "rows");
  _bilat_json_writer_begin_array (&writer, FALSE);
  for (guint r = 0; r < self->n_rows && !_bilat_json_writer_failed (&writer); r++)
    {
      _bilat_json_writer_begin_object (&writer, TRUE);
      for (guint c = 0; self->names[c] != NULL; c++)
        {
          BilatPanelValueType type = bilat_panel_get_column_type (self, c);
          double value;

          _bilat_json_writer_member (&writer, self->names[c]);
          if (type == BILAT_PANEL_VALUE_TYPE_TEXT)
            {
              g_autofree char *text = bilat_panel_get_text (self, r, c);

              _bilat_json_writer_string (&writer, text);
            }
          else if (!bilat_panel_get_number (self, r, c, &value))
            _bilat_json_writer_null (&writer);
          else if (type == BILAT_PANEL_VALUE_TYPE_INTEGER)
            _bilat_json_writer_int (&writer, (gint64) value);
          else
            _bilat_json_writer_double (&writer, value);
        }
      _bilat_json_writer_end (&writer);
    }
  _bilat_json_writer_end (&writer);
  _bilat_json_writer_end (&writer);
  _bilat_json_writer_raw (&writer, "\n");
  return _bilat_json_writer_finish (&writer, error);
}

/* A cell for people: measures to three decimals. */
static gboolean
append_table_cell (BilatPanel *self,
                   guint       row,
                   guint       column,
                   GString    *out)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double value;

  if (bilat_panel_get_column_type (self, column) != BILAT_PANEL_VALUE_TYPE_REAL)
    return append_cell (self, row, column, out);
  if (!bilat_panel_get_number (self, row, column, &value))
    return FALSE;
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.3f", value));
  return TRUE;
}

static gboolean
write_table (BilatPanel    *self,
             GOutputStream *stream,
             GString       *out,
             GCancellable  *cancellable,
             GError       **error)
{
  guint n = g_strv_length (self->names);
  g_autofree gsize *widths = g_new0 (gsize, n);
  g_autoptr(GString) cell = g_string_new (NULL);

  for (guint c = 0; c < n; c++)
    widths[c] = strlen (self->names[c]);
  for (guint r = 0; r < self->n_rows; r++)
    for (guint c = 0; c < n; c++)
      {
        g_string_truncate (cell, 0);
        append_table_cell (self, r, c, cell);
        widths[c] = MAX (widths[c], cell->len);
      }

  g_string_append (out, "coverage:");
  for (guint s = 0; s < G_N_ELEMENTS (source_names); s++)
    {
      g_string_append_printf (out, "%s %s ", s > 0 ? ";" : "", source_names[s]);
      append_coverage (self, s, out);
    }
  g_string_append_c (out, '\n');
  for (guint c = 0; c < n; c++)
    g_string_append_printf (out, "%s%*s", c > 0 ? "  " : "", (int) widths[c], self->names[c]);
  g_string_append_c (out, '\n');
  for (guint r = 0; r < self->n_rows; r++)
    {
      for (guint c = 0; c < n; c++)
        {
          g_string_truncate (cell, 0);
          /* An empty cell shows as a dash, never as a number. */
          if (!append_table_cell (self, r, c, cell))
            g_string_append_c (cell, '-');
          g_string_append_printf (out, "%s%*s", c > 0 ? "  " : "", (int) widths[c], cell->str);
        }
      g_string_append_c (out, '\n');
      if (!flush (out, stream, FALSE, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * bilat_panel_write:
 * @self: a [class@Bilat.Panel]
 * @stream: where to write
 * @format: how to print
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for a #GError, or %NULL
 *
 * Writes the panel. CSV and TSV start with two comment lines, each
 * beginning with `#`: what the panel is (directed or not, by year or
 * month, its years) and the coverage of each source (`# coverage:
 * exercises 1980/2016; events none; affinity 2005/2019`, `none` for a
 * source the store held no data of); then the header line with the
 * column names and a line per row. An empty cell is empty (NA to R and
 * pandas, which skip the comment lines with `comment="#"`).
 *
 * JSON is an object with `metadata` (`unit`, `directed`, `from`, `to`,
 * `columns` and `coverage`, an object with a member per source: the span
 * as an interval such as `"1980/2016"`, or null) and `rows`, an array of
 * objects with a member per column, null for an empty cell, laid out as
 * datasets are; measures there have every digit that reads back to the
 * same double (CSV and TSV give ten significant digits). The table
 * lays the columns out for people, measures to three decimals, a dash
 * for an empty cell.
 *
 * Returns: %TRUE on success, %FALSE with @error set when @stream fails
 *
 * Since: 1.0
 */
gboolean
bilat_panel_write (BilatPanel        *self,
                   GOutputStream     *stream,
                   BilatPanelFormat   format,
                   GCancellable      *cancellable,
                   GError           **error)
{
  g_autoptr(GString) out = NULL;
  gboolean ok;

  g_return_val_if_fail (BILAT_IS_PANEL (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (format <= BILAT_PANEL_FORMAT_JSON, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  out = g_string_sized_new (BLOCK_SIZE + 4096);
  switch (format)
    {
    case BILAT_PANEL_FORMAT_CSV:
      ok = write_separated (self, ',', stream, out, cancellable, error);
      break;
    case BILAT_PANEL_FORMAT_TSV:
      ok = write_separated (self, '\t', stream, out, cancellable, error);
      break;
    case BILAT_PANEL_FORMAT_JSON:
      ok = write_json (self, stream, out, cancellable, error);
      break;
    case BILAT_PANEL_FORMAT_TABLE:
    default:
      ok = write_table (self, stream, out, cancellable, error);
      break;
    }
  return ok && flush (out, stream, TRUE, cancellable, error);
}

/**
 * bilat_panel_to_string:
 * @self: a [class@Bilat.Panel]
 * @format: how to print
 *
 * Prints the panel as [method@Bilat.Panel.write] writes it.
 *
 * Returns: (transfer full): the text
 *
 * Since: 1.0
 */
char *
bilat_panel_to_string (BilatPanel       *self,
                       BilatPanelFormat  format)
{
  g_autoptr(GOutputStream) stream = NULL;
  gboolean ok;

  g_return_val_if_fail (BILAT_IS_PANEL (self), NULL);
  g_return_val_if_fail (format <= BILAT_PANEL_FORMAT_JSON, NULL);

  stream = g_memory_output_stream_new_resizable ();
  ok = bilat_panel_write (self, stream, format, NULL, NULL);
  /* Writing to memory cannot fail but for want of memory, which aborts. */
  g_assert (ok);
  ok = g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL) &&
       g_output_stream_close (stream, NULL, NULL);
  g_assert (ok);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}
