/* bilat-text.c: the human and JSON output of the bilat tool
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "bilat-tool.h"

/* Columns between two table columns. */
#define COLUMN_GAP 2

/* The narrowest a column is made on a terminal too narrow for the
 * columns' own minimum widths: a few characters and the ellipsis. */
#define MIN_COLUMN_WIDTH 5

/* Where the values of `show` start: two spaces of indentation, the label,
 * and at least one space after the longest label ("Participants"). */
#define FIELD_INDENT 2
#define FIELD_LABEL_WIDTH 13

static const char ellipsis[] = "…";

/* The width of a terminal that does not say (a serial line, `script`). */
#define DEFAULT_TERMINAL_WIDTH 80

/* No line is narrower than this, however narrow the terminal: below it a
 * table is cut to nothing. */
#define MIN_LINE_WIDTH 20

/* The width when standard output is not a terminal: no line is cut. Far
 * from G_MAXUINT, so that widths can be added to it. */
#define UNLIMITED_WIDTH (G_MAXINT / 4)

/* The terminal's own size (TIOCGWINSZ) wins over $COLUMNS, which a shell
 * sets once and does not update in a child that outlives a resize. Read
 * once: a listing is laid out for one width. */
guint
tool_line_width (void)
{
  static guint width;

  if (width == 0)
    {
      struct winsize size = { 0 };
      const char *columns = g_getenv ("COLUMNS");
      guint64 value = 0;

      if (!isatty (STDOUT_FILENO))
        width = UNLIMITED_WIDTH;
      else if (ioctl (STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        width = size.ws_col;
      else if (columns != NULL &&
               g_ascii_string_to_unsigned (columns, 10, 1, 10000, &value, NULL))
        width = (guint) value;
      else
        width = DEFAULT_TERMINAL_WIDTH;
      width = MAX (width, MIN_LINE_WIDTH);
    }
  return width;
}

/* Text measure. */

static guint
char_width (gunichar c)
{
  /* Wide characters take two cells; zero-width ones are counted as one so
   * that a line of N columns never holds more than N characters either. */
  return g_unichar_iswide (c) ? 2 : 1;
}

guint
tool_text_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += char_width (g_utf8_get_char (p));
  return width;
}

/* Returns where the longest prefix of @text that fits in @width columns
 * ends, and stores its width in @used. */
static const char *
fit_prefix (const char *text,
            guint       width,
            guint      *used)
{
  const char *p = text;

  *used = 0;
  while (*p != '\0')
    {
      guint w = char_width (g_utf8_get_char (p));

      if (*used + w > width)
        break;
      *used += w;
      p = g_utf8_next_char (p);
    }
  return p;
}

/* Shortens @text to @width columns, marking the cut with an ellipsis. */
char *
tool_text_truncate (const char *text,
                    guint       width)
{
  const char *end;
  guint used;
  GString *out;

  if (tool_text_width (text) <= width)
    return g_strdup (text);
  if (width == 0)
    return g_strdup ("");

  end = fit_prefix (text, width - 1, &used);
  out = g_string_new_len (text, end - text);
  /* A cut just after a space would leave "word …". */
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append (out, ellipsis);
  return g_string_free (out, FALSE);
}

/* Makes text from a dataset safe to lay out on one line: valid UTF-8, and
 * control characters (newlines, tabs, escape sequences) become spaces. */
char *
tool_text_clean (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Splits @text into lines of at most @width columns at spaces; a word
 * longer than a line is cut. */
static GPtrArray *
wrap_text (const char *text,
           guint       width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(GString) line = g_string_new (NULL);
  guint line_width = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      guint word_width = tool_text_width (word);

      if (*word == '\0')
        continue;

      if (line_width > 0 && line_width + 1 + word_width > width)
        {
          g_ptr_array_add (lines, g_strdup (line->str));
          g_string_truncate (line, 0);
          line_width = 0;
        }
      while (word_width > width)
        {
          guint used;
          const char *end = fit_prefix (word, width, &used);

          /* A wide character in a one-column line still has to go. */
          if (end == word)
            {
              end = g_utf8_next_char (word);
              used = char_width (g_utf8_get_char (word));
            }
          g_ptr_array_add (lines, g_strndup (word, end - word));
          word = end;
          word_width -= used;
        }
      if (line_width > 0)
        {
          g_string_append_c (line, ' ');
          line_width++;
        }
      g_string_append (line, word);
      line_width += word_width;
    }
  if (line_width > 0)
    g_ptr_array_add (lines, g_strdup (line->str));

  return lines;
}

/* Values. */

/* An unknown date is said to be unknown, never shown as a made-up one. */
char *
tool_date_text (BilatDate *date)
{
  if (date == NULL)
    return g_strdup ("unknown");
  return bilat_date_to_string (date);
}

/* "Cherat, Khyber Pakhtunkhwa, PAK": the most specific names first, the
 * country as its code since table columns are narrow. A place given only by
 * its subdivision takes the subdivision's name as its own, which is then
 * said once; an unknown place is said to be unknown. */
char *
tool_place_text (BilatPlace *place)
{
  const char *subdivision;
  const char *parts[3];
  GString *out;

  if (place == NULL)
    return g_strdup ("unknown");

  out = g_string_new (NULL);
  subdivision = bilat_place_get_subdivision (place);
  parts[0] = bilat_place_get_name (place);
  parts[1] = subdivision;
  if (subdivision != NULL && bilat_subdivision_get_name (subdivision) != NULL)
    parts[1] = bilat_subdivision_get_name (subdivision);
  parts[2] = bilat_place_get_country (place);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      gboolean repeated = FALSE;

      if (parts[i] == NULL)
        continue;
      for (guint j = 0; j < i; j++)
        repeated |= parts[j] != NULL && g_str_equal (parts[i], parts[j]);
      if (repeated)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, parts[i]);
    }
  if (out->len == 0)
    g_string_append (out, "unknown");
  return g_string_free (out, FALSE);
}

/* Enumerations are shown by the nicks the data format writes, so that
 * what the tool prints can be searched for in a dataset. */
const char *
tool_enum_nick (GType enum_type,
                int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *found = g_enum_get_value (klass, value);

  /* Nicks live in static tables, so they outlive the class reference. */
  return found != NULL ? found->value_nick : "";
}

/* The nicks of the flags set in @value, in the order of the type (the
 * order the data format writes them in). */
char *
tool_flags_text (GType flags_type,
                 guint value)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (flags_type);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      const GFlagsValue *flag = &klass->values[i];

      if (flag->value == 0 || (value & flag->value) != flag->value)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, flag->value_nick);
    }
  return g_strdup (out->str);
}

/* The participants' ids without spaces, compact enough for a column. */
char *
tool_participants_text (BilatEvent *event)
{
  GPtrArray *participants = bilat_event_get_participants (event);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < participants->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, bilat_participant_get_actor (g_ptr_array_index (participants, i)));
    }
  return g_strdup (out->str);
}

/* Tables. */

typedef struct
{
  char **cells;  /* cleaned */
  char  *note;   /* a line of its own under the row, or NULL */
} Row;

struct _ToolTable
{
  ToolColumn *columns;
  guint n_columns;
  GPtrArray *rows;
};

static void
row_free (gpointer data)
{
  Row *row = data;

  g_strfreev (row->cells);
  g_free (row->note);
  g_free (row);
}

ToolTable *
tool_table_new (const ToolColumn *columns,
                guint             n_columns)
{
  ToolTable *self = g_new0 (ToolTable, 1);

  self->columns = g_memdup2 (columns, sizeof (ToolColumn) * n_columns);
  self->n_columns = n_columns;
  self->rows = g_ptr_array_new_with_free_func (row_free);
  return self;
}

void
tool_table_free (ToolTable *self)
{
  g_ptr_array_unref (self->rows);
  g_free (self->columns);
  g_free (self);
}

/* @cells has one entry per column; NULL is an empty cell. */
void
tool_table_add_row (ToolTable          *self,
                    const char * const *cells)
{
  Row *row = g_new0 (Row, 1);

  row->cells = g_new0 (char *, self->n_columns + 1);
  for (guint i = 0; i < self->n_columns; i++)
    row->cells[i] = tool_text_clean (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (self->rows, row);
}

/* Attaches a remark to the last row, printed whole on a line of its own
 * (under the second column) rather than squeezed into a cell. */
void
tool_table_add_note (ToolTable  *self,
                     const char *note)
{
  Row *row;

  g_return_if_fail (self->rows->len > 0);

  row = g_ptr_array_index (self->rows, self->rows->len - 1);
  g_free (row->note);
  row->note = tool_text_clean (note);
}

static guint
line_width (ToolTable      *self,
            const guint    *widths,
            const gboolean *shown)
{
  guint total = 0;
  guint n_shown = 0;

  for (guint c = 0; c < self->n_columns; c++)
    if (shown[c])
      {
        total += widths[c];
        n_shown++;
      }
  return total + (n_shown > 0 ? COLUMN_GAP * (n_shown - 1) : 0);
}

/* Decides the width of every column, 0 for a column left out, so that a
 * line fits TOOL_LINE_WIDTH as far as the columns allow. */
static void
layout_columns (ToolTable *self,
                guint     *widths)
{
  g_autofree gboolean *shown = g_new0 (gboolean, self->n_columns);
  g_autofree guint *narrowest = g_new0 (guint, self->n_columns);
  guint max_rank = 0;
  guint total;

  for (guint c = 0; c < self->n_columns; c++)
    {
      const ToolColumn *column = &self->columns[c];
      guint content = 0;

      for (guint r = 0; r < self->rows->len; r++)
        {
          Row *row = g_ptr_array_index (self->rows, r);

          content = MAX (content, tool_text_width (row->cells[c]));
        }
      shown[c] = !(content == 0 && (column->flags & TOOL_COLUMN_HIDE_EMPTY));
      widths[c] = MAX (content, tool_text_width (column->header));
      narrowest[c] = column->shrink > 0 || (column->flags & TOOL_COLUMN_WRAP)
        ? MIN (widths[c], MAX (column->min_width, 1))
        : widths[c];
      max_rank = MAX (max_rank, column->shrink);
    }

  /* Optional columns go, rightmost first, while even the narrowest
   * layout is too wide. */
  for (guint c = self->n_columns; c-- > 0;)
    {
      if (line_width (self, narrowest, shown) <= TOOL_LINE_WIDTH)
        break;
      if (self->columns[c].flags & TOOL_COLUMN_OPTIONAL)
        shown[c] = FALSE;
    }

  /* Wrapping loses nothing, so wrapping columns give up room first. */
  total = line_width (self, widths, shown);
  for (guint c = self->n_columns; c-- > 0 && total > TOOL_LINE_WIDTH;)
    {
      guint spare;

      if (!shown[c] || !(self->columns[c].flags & TOOL_COLUMN_WRAP))
        continue;
      spare = MIN (widths[c] - narrowest[c], total - TOOL_LINE_WIDTH);
      widths[c] -= spare;
      total -= spare;
    }

  for (guint rank = 1; rank <= max_rank && total > TOOL_LINE_WIDTH; rank++)
    for (guint c = self->n_columns; c-- > 0 && total > TOOL_LINE_WIDTH;)
      {
        guint spare;

        if (!shown[c] || self->columns[c].shrink != rank)
          continue;
        spare = MIN (widths[c] - narrowest[c], total - TOOL_LINE_WIDTH);
        widths[c] -= spare;
        total -= spare;
      }

  /* A terminal narrower than every minimum still gets lines that fit it:
   * the columns give up what they must below their minimum, down to a few
   * cells: by rank first, then the wrapping column, which holds the
   * longest text and is cut last, then the columns that never shrink. */
  for (guint pass = 1; pass <= max_rank + 2 && total > TOOL_LINE_WIDTH; pass++)
    for (guint c = self->n_columns; c-- > 0 && total > TOOL_LINE_WIDTH;)
      {
        const ToolColumn *column = &self->columns[c];
        gboolean wraps = (column->flags & TOOL_COLUMN_WRAP) != 0;
        guint column_pass = wraps ? max_rank + 1 : column->shrink > 0 ? column->shrink : max_rank + 2;
        guint spare;

        if (!shown[c] || column_pass != pass || widths[c] <= MIN_COLUMN_WIDTH)
          continue;
        spare = MIN (widths[c] - MIN_COLUMN_WIDTH, total - TOOL_LINE_WIDTH);
        widths[c] -= spare;
        total -= spare;
      }

  for (guint c = 0; c < self->n_columns; c++)
    if (!shown[c])
      widths[c] = 0;
}

static void
append_cell (GString          *line,
             const char       *text,
             const ToolColumn *column,
             guint             width)
{
  g_autofree char *cell = tool_text_truncate (text, width);
  guint padding = width - tool_text_width (cell);

  if (column->flags & TOOL_COLUMN_RIGHT)
    {
      g_string_append_printf (line, "%*s%s", (int) padding, "", cell);
      return;
    }
  g_string_append_printf (line, "%s%*s", cell, (int) padding, "");
}

/* Prints one row, on as many lines as its wrapping cells need; the other
 * cells are on the first line. */
static void
print_line (ToolTable          *self,
            FILE               *out,
            const guint        *widths,
            const char * const *cells)
{
  g_autofree GPtrArray **wrapped = g_new0 (GPtrArray *, self->n_columns);
  guint n_lines = 1;

  for (guint c = 0; c < self->n_columns; c++)
    if (widths[c] > 0 && (self->columns[c].flags & TOOL_COLUMN_WRAP) &&
        tool_text_width (cells[c]) > widths[c])
      {
        wrapped[c] = wrap_text (cells[c], widths[c]);
        n_lines = MAX (n_lines, wrapped[c]->len);
      }

  for (guint l = 0; l < n_lines; l++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      gboolean first = TRUE;

      for (guint c = 0; c < self->n_columns; c++)
        {
          const char *text = l == 0 ? cells[c] : "";

          if (widths[c] == 0)
            continue;
          if (wrapped[c] != NULL)
            text = l < wrapped[c]->len ? g_ptr_array_index (wrapped[c], l) : "";
          if (!first)
            g_string_append_printf (line, "%*s", COLUMN_GAP, "");
          append_cell (line, text, &self->columns[c], widths[c]);
          first = FALSE;
        }
      /* The padding of the last cells is not worth printing. */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      fprintf (out, "%s\n", line->str);
    }

  for (guint c = 0; c < self->n_columns; c++)
    if (wrapped[c] != NULL)
      g_ptr_array_unref (wrapped[c]);
}

static void
print_note (FILE        *out,
            const guint *widths,
            const char  *note)
{
  g_autofree char *text = g_strdup_printf ("↳ %s", note);
  g_autoptr(GPtrArray) lines = NULL;
  guint indent = widths[0] > 0 ? widths[0] + COLUMN_GAP : 0;

  /* A note too long for its place starts at the margin instead, and
   * wraps there if it is still too long. */
  if (indent + tool_text_width (text) > TOOL_LINE_WIDTH)
    indent = COLUMN_GAP;
  lines = wrap_text (text, TOOL_LINE_WIDTH - indent - 2);
  for (guint i = 0; i < lines->len; i++)
    fprintf (out, "%*s%s\n", (int) (i == 0 ? indent : indent + 2), "",
             (const char *) g_ptr_array_index (lines, i));
}

/* Prints a header line and the rows, or @empty_text when there are none. */
void
tool_table_print (ToolTable  *self,
                  FILE       *out,
                  const char *empty_text)
{
  g_autofree guint *widths = NULL;
  g_autofree const char **headers = NULL;

  if (self->rows->len == 0)
    {
      fprintf (out, "%s\n", empty_text);
      return;
    }

  widths = g_new0 (guint, self->n_columns);
  headers = g_new0 (const char *, self->n_columns);
  layout_columns (self, widths);
  for (guint c = 0; c < self->n_columns; c++)
    headers[c] = self->columns[c].header;

  print_line (self, out, widths, headers);
  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);

      print_line (self, out, widths, (const char * const *) row->cells);
      if (row->note != NULL)
        print_note (out, widths, row->note);
    }
}

/* Records shown one at a time (`show`): a heading, then labelled values,
 * wrapped rather than truncated since nothing else shares the line. */

void
tool_print_heading (FILE       *out,
                    const char *kind,
                    const char *id)
{
  g_autofree char *clean = tool_text_clean (id);
  g_autofree char *line = g_strdup_printf ("%s %s", kind, clean);
  g_autofree char *fitted = tool_text_truncate (line, TOOL_LINE_WIDTH);

  fprintf (out, "%s\n", fitted);
}

/* Prints nothing for a NULL or empty value, so callers need not test.
 * Leading spaces of @value indent all of its lines. */
void
tool_print_field (FILE       *out,
                  const char *label,
                  const char *value)
{
  g_autofree char *clean = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  guint value_column = FIELD_INDENT + FIELD_LABEL_WIDTH;
  guint extra;

  if (value == NULL || *value == '\0')
    return;

  clean = tool_text_clean (value);
  extra = MIN (strspn (clean, " "), TOOL_LINE_WIDTH / 4);
  lines = wrap_text (clean, TOOL_LINE_WIDTH - value_column - extra);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *text = g_ptr_array_index (lines, i);

      if (i == 0 && label != NULL)
        fprintf (out, "%*s%-*s%*s%s\n", FIELD_INDENT, "",
                 /* printf pads in bytes; labels are ASCII. */
                 FIELD_LABEL_WIDTH, label, (int) extra, "", text);
      else
        fprintf (out, "%*s%s\n", (int) (value_column + extra), "", text);
    }
}

/* Prints a sentence, wrapped to the terminal's width at spaces. */
void
tool_print_paragraph (FILE       *out,
                      const char *text)
{
  g_autofree char *clean = tool_text_clean (text);
  g_autoptr(GPtrArray) lines = wrap_text (clean, TOOL_LINE_WIDTH);

  for (guint i = 0; i < lines->len; i++)
    fprintf (out, "%s\n", (const char *) g_ptr_array_index (lines, i));
}

/* JSON. */

/* An array of the records in the shape of the data format. */
JsonNode *
tool_records_to_json (GListModel *records)
{
  JsonArray *array = json_array_new ();
  guint n = g_list_model_get_n_items (records);
  JsonNode *node;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatRecord) record = g_list_model_get_item (records, i);

      json_array_add_element (array, bilat_record_to_json (record));
    }

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  return node;
}

void
tool_print_json (FILE     *out,
                 JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  fprintf (out, "%s\n", text);
}
