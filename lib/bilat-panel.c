/* bilat-panel.c: dyad-year panels, their columns and rows
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <string.h>

#include <bilat/bilat.h>

#include "bilat-panel-private.h"

/**
 * bilat_panel_error_quark:
 *
 * Returns the quark of the error domain of panels; use %BILAT_PANEL_ERROR
 * instead.
 *
 * Returns: the %BILAT_PANEL_ERROR quark
 *
 * Since: 1.0
 */
G_DEFINE_QUARK (bilat-panel-error-quark, bilat_panel_error)

/**
 * BilatPanel:
 *
 * A dyad-year (or dyad-month) panel: one row per dyad and period, with
 * the columns [class@Bilat.PanelSettings] asks for, made by
 * [method@Bilat.Store.build_panel].
 *
 * The columns, by name: `a` and `b` (the actors' ids: ISO 3166 alpha-3
 * for states), `cow_a` and `cow_b` (their Correlates of War codes),
 * `year` (or `period`, `2018-10`, by month), then the value columns of
 * [flags@Bilat.PanelColumns]. A cell is empty where its source does not
 * cover the period ([method@Bilat.Panel.get_coverage]): outside the span of
 * the data the store holds for it, and for affinity in a year without a
 * roll call. Empty is never zero: zero is a count in a covered period.
 *
 * The panel is a [iface@Gio.ListModel] of [class@Bilat.PanelRow], each made
 * when asked for; inside, it keeps its columns, a few bytes per cell, so
 * a panel of every pair of states over two centuries (about a million
 * rows) fits in tens of megabytes. The accessors by row and column index
 * read the columns without making rows.
 *
 * The object is immutable, and thread-safe.
 *
 * Since: 1.0
 */

static void bilat_panel_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BilatPanel, bilat_panel, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bilat_panel_list_model_init))

/**
 * BilatPanelRow:
 *
 * One row of a [class@Bilat.Panel]: a view of its cells, made when the
 * panel's list model is asked for an item.
 *
 * Since: 1.0
 */
struct _BilatPanelRow
{
  GObject     parent_instance;

  BilatPanel *panel;
  guint       index;
};

G_DEFINE_FINAL_TYPE (BilatPanelRow, bilat_panel_row, G_TYPE_OBJECT)

static void
clear_column (gpointer data)
{
  BilatPanelColumn *column = data;

  g_free (column->name);
  g_free (column->counts);
  g_free (column->reals);
  g_free (column);
}

static void
bilat_panel_finalize (GObject *object)
{
  BilatPanel *self = BILAT_PANEL (object);

  g_ptr_array_unref (self->ids);
  g_free (self->a);
  g_free (self->b);
  g_free (self->cow_a);
  g_free (self->cow_b);
  g_free (self->period);
  g_ptr_array_unref (self->columns);
  g_strfreev (self->names);
  g_free (self->fixed);
  G_OBJECT_CLASS (bilat_panel_parent_class)->finalize (object);
}

enum {
  PROP_0,
  PROP_UNIT,
  PROP_DIRECTED,
  PROP_FIRST_YEAR,
  PROP_LAST_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bilat_panel_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BilatPanel *self = BILAT_PANEL (object);

  switch (prop_id)
    {
    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;
    case PROP_DIRECTED:
      g_value_set_boolean (value, self->directed);
      break;
    case PROP_FIRST_YEAR:
      g_value_set_int (value, self->first_year);
      break;
    case PROP_LAST_YEAR:
      g_value_set_int (value, self->last_year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_panel_class_init (BilatPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_panel_finalize;
  object_class->get_property = bilat_panel_get_property;

  /**
   * BilatPanel:unit: (getter get_unit)
   *
   * The periods of the rows: %BILAT_SERIES_UNIT_YEAR or
   * %BILAT_SERIES_UNIT_MONTH.
   *
   * Since: 1.0
   */
  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL, BILAT_TYPE_SERIES_UNIT, BILAT_SERIES_UNIT_YEAR,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatPanel:directed: (getter get_directed)
   *
   * Whether the dyads are directed: both A→B and B→A, events with a as
   * initiator and b as target.
   *
   * Since: 1.0
   */
  properties[PROP_DIRECTED] =
    g_param_spec_boolean ("directed", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatPanel:first-year: (getter get_first_year)
   *
   * The first year of the panel.
   *
   * Since: 1.0
   */
  properties[PROP_FIRST_YEAR] =
    g_param_spec_int ("first-year", NULL, NULL, 1, 9999, 1816, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatPanel:last-year: (getter get_last_year)
   *
   * The last year of the panel.
   *
   * Since: 1.0
   */
  properties[PROP_LAST_YEAR] =
    g_param_spec_int ("last-year", NULL, NULL, 1, 9999, 2016, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bilat_panel_init (BilatPanel *self)
{
  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->columns = g_ptr_array_new_with_free_func (clear_column);
}

static GType
bilat_panel_get_item_type (GListModel *model)
{
  return BILAT_TYPE_PANEL_ROW;
}

static guint
bilat_panel_get_n_items (GListModel *model)
{
  return BILAT_PANEL (model)->n_rows;
}

static gpointer
bilat_panel_get_item (GListModel *model,
                      guint       position)
{
  BilatPanel *self = BILAT_PANEL (model);
  BilatPanelRow *row;

  if (position >= self->n_rows)
    return NULL;
  row = g_object_new (BILAT_TYPE_PANEL_ROW, NULL);
  row->panel = g_object_ref (self);
  row->index = position;
  return row;
}

static void
bilat_panel_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bilat_panel_get_item_type;
  iface->get_n_items = bilat_panel_get_n_items;
  iface->get_item = bilat_panel_get_item;
}

BilatPanel *
_bilat_panel_new (BilatSeriesUnit unit,
                  gboolean        directed,
                  int             first_year,
                  int             last_year,
                  gboolean        codes)
{
  BilatPanel *self = g_object_new (BILAT_TYPE_PANEL, NULL);

  self->unit = unit;
  self->directed = directed;
  self->first_year = first_year;
  self->last_year = last_year;
  self->codes = codes;
  return self;
}

void
_bilat_panel_set_n_rows (BilatPanel *self,
                         guint       n_rows)
{
  self->n_rows = n_rows;
  self->a = g_renew (guint16, self->a, MAX (n_rows, 1));
  self->b = g_renew (guint16, self->b, MAX (n_rows, 1));
  self->cow_a = g_renew (guint16, self->cow_a, MAX (n_rows, 1));
  self->cow_b = g_renew (guint16, self->cow_b, MAX (n_rows, 1));
  self->period = g_renew (gint32, self->period, MAX (n_rows, 1));
}

guint16
_bilat_panel_intern (BilatPanel *self,
                     GHashTable *index,
                     const char *id)
{
  gpointer found;

  if (g_hash_table_lookup_extended (index, id, NULL, &found))
    return (guint16) GPOINTER_TO_UINT (found);
  g_ptr_array_add (self->ids, g_strdup (id));
  g_hash_table_insert (index, g_ptr_array_index (self->ids, self->ids->len - 1),
                       GUINT_TO_POINTER (self->ids->len - 1));
  return (guint16) (self->ids->len - 1);
}

BilatPanelColumn *
_bilat_panel_add_column (BilatPanel          *self,
                         const char          *name,
                         BilatPanelValueType  type,
                         BilatPanelSource     source)
{
  BilatPanelColumn *column = g_new0 (BilatPanelColumn, 1);
  gsize n = MAX (self->n_rows, 1);

  column->name = g_strdup (name);
  column->type = type;
  column->source = source;
  if (type == BILAT_PANEL_VALUE_TYPE_INTEGER)
    {
      column->counts = g_new (guint32, n);
      memset (column->counts, 0xff, n * sizeof (guint32));
    }
  else
    {
      column->reals = g_new (double, n);
      for (gsize i = 0; i < n; i++)
        column->reals[i] = NAN;
    }
  g_ptr_array_add (self->columns, column);
  return column;
}

void
_bilat_panel_seal (BilatPanel *self)
{
  GPtrArray *names = g_ptr_array_new ();
  GArray *fixed = g_array_new (FALSE, FALSE, sizeof (BilatPanelFixed));
  BilatPanelFixed f;

#define ADD(name, which) \
  G_STMT_START { g_ptr_array_add (names, g_strdup (name)); f = (which); g_array_append_val (fixed, f); } G_STMT_END
  ADD ("a", PANEL_FIXED_A);
  ADD ("b", PANEL_FIXED_B);
  if (self->codes)
    {
      ADD ("cow_a", PANEL_FIXED_COW_A);
      ADD ("cow_b", PANEL_FIXED_COW_B);
    }
  ADD (self->unit == BILAT_SERIES_UNIT_YEAR ? "year" : "period", PANEL_FIXED_PERIOD);
  for (guint i = 0; i < self->columns->len; i++)
    ADD (((BilatPanelColumn *) g_ptr_array_index (self->columns, i))->name, PANEL_FIXED_VALUE);
#undef ADD
  g_ptr_array_add (names, NULL);
  self->names = (char **) g_ptr_array_free (names, FALSE);
  self->fixed = (BilatPanelFixed *) (gpointer) g_array_free (fixed, FALSE);
}

const char *
_bilat_panel_format_period (BilatSeriesUnit  unit,
                            gint32           key,
                            char             buffer[16])
{
  if (unit == BILAT_SERIES_UNIT_MONTH)
    g_snprintf (buffer, 16, "%04d-%02d", (int) (key / 12), (int) (key % 12) + 1);
  else
    g_snprintf (buffer, 16, "%04d", (int) key);
  return buffer;
}

/* The value column of column index @column, or NULL for a fixed one. */
static BilatPanelColumn *
value_column (BilatPanel *self,
              guint       column)
{
  guint n_fixed = self->codes ? 5 : 3;

  if (column < n_fixed)
    return NULL;
  return g_ptr_array_index (self->columns, column - n_fixed);
}

static guint
n_columns (BilatPanel *self)
{
  return (self->codes ? 5 : 3) + self->columns->len;
}

/**
 * bilat_panel_get_n_rows:
 * @self: a [class@Bilat.Panel]
 *
 * Gets the number of rows (the number of items of the list model).
 *
 * Returns: the number of rows
 *
 * Since: 1.0
 */
guint
bilat_panel_get_n_rows (BilatPanel *self)
{
  g_return_val_if_fail (BILAT_IS_PANEL (self), 0);

  return self->n_rows;
}

/**
 * bilat_panel_get_unit: (get-property unit)
 * @self: a [class@Bilat.Panel]
 *
 * Gets the unit of the periods.
 *
 * Returns: %BILAT_SERIES_UNIT_YEAR or %BILAT_SERIES_UNIT_MONTH
 *
 * Since: 1.0
 */
BilatSeriesUnit
bilat_panel_get_unit (BilatPanel *self)
{
  g_return_val_if_fail (BILAT_IS_PANEL (self), BILAT_SERIES_UNIT_YEAR);

  return self->unit;
}

/**
 * bilat_panel_get_directed: (get-property directed)
 * @self: a [class@Bilat.Panel]
 *
 * Gets whether the dyads are directed.
 *
 * Returns: %TRUE for directed dyads
 *
 * Since: 1.0
 */
gboolean
bilat_panel_get_directed (BilatPanel *self)
{
  g_return_val_if_fail (BILAT_IS_PANEL (self), FALSE);

  return self->directed;
}

/**
 * bilat_panel_get_first_year: (get-property first-year)
 * @self: a [class@Bilat.Panel]
 *
 * Gets the first year of the panel.
 *
 * Returns: the year
 *
 * Since: 1.0
 */
int
bilat_panel_get_first_year (BilatPanel *self)
{
  g_return_val_if_fail (BILAT_IS_PANEL (self), 0);

  return self->first_year;
}

/**
 * bilat_panel_get_last_year: (get-property last-year)
 * @self: a [class@Bilat.Panel]
 *
 * Gets the last year of the panel.
 *
 * Returns: the year
 *
 * Since: 1.0
 */
int
bilat_panel_get_last_year (BilatPanel *self)
{
  g_return_val_if_fail (BILAT_IS_PANEL (self), 0);

  return self->last_year;
}

/**
 * bilat_panel_get_columns:
 * @self: a [class@Bilat.Panel]
 *
 * Gets the names of the columns, in order: the names of the CSV header,
 * of JSON members and of Python's named tuples.
 *
 * Returns: (transfer none) (array zero-terminated=1): the names
 *
 * Since: 1.0
 */
const char * const *
bilat_panel_get_columns (BilatPanel *self)
{
  g_return_val_if_fail (BILAT_IS_PANEL (self), NULL);

  return (const char * const *) self->names;
}

/**
 * bilat_panel_find_column:
 * @self: a [class@Bilat.Panel]
 * @name: the name of a column, such as `exercises`
 *
 * Finds a column by name.
 *
 * Returns: the index of the column, or -1 if the panel has none of that name
 *
 * Since: 1.0
 */
int
bilat_panel_find_column (BilatPanel *self,
                         const char *name)
{
  g_return_val_if_fail (BILAT_IS_PANEL (self), -1);
  g_return_val_if_fail (name != NULL, -1);

  for (guint i = 0; self->names[i] != NULL; i++)
    if (strcmp (self->names[i], name) == 0)
      return (int) i;
  return -1;
}

/**
 * bilat_panel_get_column_type:
 * @self: a [class@Bilat.Panel]
 * @column: the index of a column
 *
 * Gets what the cells of a column hold.
 *
 * Returns: the type of the values
 *
 * Since: 1.0
 */
BilatPanelValueType
bilat_panel_get_column_type (BilatPanel *self,
                             guint       column)
{
  BilatPanelColumn *values;

  g_return_val_if_fail (BILAT_IS_PANEL (self), BILAT_PANEL_VALUE_TYPE_TEXT);
  g_return_val_if_fail (column < n_columns (self), BILAT_PANEL_VALUE_TYPE_TEXT);

  values = value_column (self, column);
  if (values != NULL)
    return values->type;
  switch (self->fixed[column])
    {
    case PANEL_FIXED_A:
    case PANEL_FIXED_B:
      return BILAT_PANEL_VALUE_TYPE_TEXT;
    case PANEL_FIXED_PERIOD:
      return self->unit == BILAT_SERIES_UNIT_YEAR ? BILAT_PANEL_VALUE_TYPE_INTEGER : BILAT_PANEL_VALUE_TYPE_TEXT;
    case PANEL_FIXED_COW_A:
    case PANEL_FIXED_COW_B:
    case PANEL_FIXED_VALUE:
    default:
      return BILAT_PANEL_VALUE_TYPE_INTEGER;
    }
}

/**
 * bilat_panel_get_coverage:
 * @self: a [class@Bilat.Panel]
 * @source: a source of columns
 *
 * Gets the span of the data the store held for @source when the panel
 * was built, as periods of the panel's unit: outside it, the source's
 * cells are empty.
 *
 * Returns: (transfer full) (nullable): the first and the last period
 *   covered, as an interval (`1980/2016`), or %NULL when the store held
 *   no data of @source or the panel has no columns of it
 *
 * Since: 1.0
 */
BilatDate *
bilat_panel_get_coverage (BilatPanel       *self,
                          BilatPanelSource  source)
{
  g_autoptr(BilatDate) first = NULL;
  g_autoptr(BilatDate) last = NULL;
  const gint32 *span;

  g_return_val_if_fail (BILAT_IS_PANEL (self), NULL);
  g_return_val_if_fail (source <= BILAT_PANEL_SOURCE_AFFINITY, NULL);

  if (!self->covered[source])
    return NULL;
  span = self->coverage[source];
  if (self->unit == BILAT_SERIES_UNIT_MONTH)
    {
      first = bilat_date_new_month (span[0] / 12, span[0] % 12 + 1, NULL);
      last = bilat_date_new_month (span[1] / 12, span[1] % 12 + 1, NULL);
    }
  else
    {
      first = bilat_date_new_year (span[0], NULL);
      last = bilat_date_new_year (span[1], NULL);
    }
  return bilat_date_new_interval (first, last, NULL);
}

/**
 * bilat_panel_get_actor_a:
 * @self: a [class@Bilat.Panel]
 * @row: the index of a row
 *
 * Gets the first actor of a row's dyad (the initiator, when directed).
 *
 * Returns: (transfer none): the actor's id
 *
 * Since: 1.0
 */
const char *
bilat_panel_get_actor_a (BilatPanel *self,
                         guint       row)
{
  g_return_val_if_fail (BILAT_IS_PANEL (self), NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);

  return g_ptr_array_index (self->ids, self->a[row]);
}

/**
 * bilat_panel_get_actor_b:
 * @self: a [class@Bilat.Panel]
 * @row: the index of a row
 *
 * Gets the second actor of a row's dyad (the target, when directed).
 *
 * Returns: (transfer none): the actor's id
 *
 * Since: 1.0
 */
const char *
bilat_panel_get_actor_b (BilatPanel *self,
                         guint       row)
{
  g_return_val_if_fail (BILAT_IS_PANEL (self), NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);

  return g_ptr_array_index (self->ids, self->b[row]);
}

/**
 * bilat_panel_get_period:
 * @self: a [class@Bilat.Panel]
 * @row: the index of a row
 *
 * Gets the period of a row: a year, or a month.
 *
 * Returns: (transfer full): the period
 *
 * Since: 1.0
 */
BilatDate *
bilat_panel_get_period (BilatPanel *self,
                        guint       row)
{
  gint32 key;

  g_return_val_if_fail (BILAT_IS_PANEL (self), NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);

  key = self->period[row];
  if (self->unit == BILAT_SERIES_UNIT_MONTH)
    return bilat_date_new_month (key / 12, key % 12 + 1, NULL);
  return bilat_date_new_year (key, NULL);
}

/**
 * bilat_panel_get_number:
 * @self: a [class@Bilat.Panel]
 * @row: the index of a row
 * @column: the index of a column
 * @value: (out) (optional): where to store the cell's value
 *
 * Gets a cell of a number column (codes, the year, counts, measures).
 *
 * Returns: %TRUE if the cell has a value; %FALSE if it is empty (outside
 *   its source's coverage, an undefined measure, a state without a COW
 *   code) or not a number
 *
 * Since: 1.0
 */
gboolean
bilat_panel_get_number (BilatPanel *self,
                        guint       row,
                        guint       column,
                        double     *value)
{
  BilatPanelColumn *values;
  double found;

  g_return_val_if_fail (BILAT_IS_PANEL (self), FALSE);
  g_return_val_if_fail (row < self->n_rows, FALSE);
  g_return_val_if_fail (column < n_columns (self), FALSE);

  values = value_column (self, column);
  if (values != NULL && values->type == BILAT_PANEL_VALUE_TYPE_INTEGER)
    {
      if (values->counts[row] == PANEL_NO_COUNT)
        return FALSE;
      found = values->counts[row];
    }
  else if (values != NULL)
    {
      if (isnan (values->reals[row]))
        return FALSE;
      found = values->reals[row];
    }
  else if (self->fixed[column] == PANEL_FIXED_COW_A || self->fixed[column] == PANEL_FIXED_COW_B)
    {
      guint16 code = self->fixed[column] == PANEL_FIXED_COW_A ? self->cow_a[row] : self->cow_b[row];

      if (code == PANEL_NO_CODE)
        return FALSE;
      found = code;
    }
  else if (self->fixed[column] == PANEL_FIXED_PERIOD && self->unit == BILAT_SERIES_UNIT_YEAR)
    found = self->period[row];
  else
    return FALSE;

  if (value != NULL)
    *value = found;
  return TRUE;
}

/**
 * bilat_panel_get_text:
 * @self: a [class@Bilat.Panel]
 * @row: the index of a row
 * @column: the index of a column
 *
 * Gets a cell as CSV prints it: a number in decimal, a measure with up
 * to ten significant digits.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL for an empty cell
 *
 * Since: 1.0
 */
char *
bilat_panel_get_text (BilatPanel *self,
                      guint       row,
                      guint       column)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double value;

  g_return_val_if_fail (BILAT_IS_PANEL (self), NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);
  g_return_val_if_fail (column < n_columns (self), NULL);

  switch (self->fixed[column])
    {
    case PANEL_FIXED_A:
      return g_strdup (bilat_panel_get_actor_a (self, row));
    case PANEL_FIXED_B:
      return g_strdup (bilat_panel_get_actor_b (self, row));
    case PANEL_FIXED_PERIOD:
      return g_strdup (_bilat_panel_format_period (self->unit, self->period[row], buffer));
    case PANEL_FIXED_COW_A:
    case PANEL_FIXED_COW_B:
    case PANEL_FIXED_VALUE:
    default:
      break;
    }
  if (!bilat_panel_get_number (self, row, column, &value))
    return NULL;
  if (bilat_panel_get_column_type (self, column) == BILAT_PANEL_VALUE_TYPE_INTEGER)
    return g_strdup_printf ("%.0f", value);
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", value));
}

/**
 * bilat_panel_get_column_numbers:
 * @self: a [class@Bilat.Panel]
 * @column: the index of a number column
 * @n_values: (out): where to store the number of values (the number of rows)
 *
 * Gets a whole column of numbers at once, for data frames: an empty cell
 * is NaN.
 *
 * Returns: (transfer full) (array length=n_values): the values
 *
 * Since: 1.0
 */
double *
bilat_panel_get_column_numbers (BilatPanel *self,
                                guint       column,
                                gsize      *n_values)
{
  double *values;

  g_return_val_if_fail (BILAT_IS_PANEL (self), NULL);
  g_return_val_if_fail (column < n_columns (self), NULL);
  g_return_val_if_fail (n_values != NULL, NULL);

  values = g_new (double, MAX (self->n_rows, 1));
  for (guint r = 0; r < self->n_rows; r++)
    if (!bilat_panel_get_number (self, r, column, &values[r]))
      values[r] = NAN;
  *n_values = self->n_rows;
  return values;
}

/* Rows. */

static void
bilat_panel_row_finalize (GObject *object)
{
  BilatPanelRow *self = BILAT_PANEL_ROW (object);

  g_clear_object (&self->panel);
  G_OBJECT_CLASS (bilat_panel_row_parent_class)->finalize (object);
}

static void
bilat_panel_row_class_init (BilatPanelRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bilat_panel_row_finalize;
}

static void
bilat_panel_row_init (BilatPanelRow *self)
{
}

/**
 * bilat_panel_row_get_panel:
 * @self: a [class@Bilat.PanelRow]
 *
 * Gets the panel of the row.
 *
 * Returns: (transfer none): the panel
 *
 * Since: 1.0
 */
BilatPanel *
bilat_panel_row_get_panel (BilatPanelRow *self)
{
  g_return_val_if_fail (BILAT_IS_PANEL_ROW (self), NULL);

  return self->panel;
}

/**
 * bilat_panel_row_get_index:
 * @self: a [class@Bilat.PanelRow]
 *
 * Gets the index of the row in its panel.
 *
 * Returns: the index
 *
 * Since: 1.0
 */
guint
bilat_panel_row_get_index (BilatPanelRow *self)
{
  g_return_val_if_fail (BILAT_IS_PANEL_ROW (self), 0);

  return self->index;
}

/**
 * bilat_panel_row_get_actor_a:
 * @self: a [class@Bilat.PanelRow]
 *
 * Gets the first actor of the dyad (the initiator, when directed).
 *
 * Returns: (transfer none): the actor's id
 *
 * Since: 1.0
 */
const char *
bilat_panel_row_get_actor_a (BilatPanelRow *self)
{
  g_return_val_if_fail (BILAT_IS_PANEL_ROW (self), NULL);

  return bilat_panel_get_actor_a (self->panel, self->index);
}

/**
 * bilat_panel_row_get_actor_b:
 * @self: a [class@Bilat.PanelRow]
 *
 * Gets the second actor of the dyad (the target, when directed).
 *
 * Returns: (transfer none): the actor's id
 *
 * Since: 1.0
 */
const char *
bilat_panel_row_get_actor_b (BilatPanelRow *self)
{
  g_return_val_if_fail (BILAT_IS_PANEL_ROW (self), NULL);

  return bilat_panel_get_actor_b (self->panel, self->index);
}

/**
 * bilat_panel_row_get_period:
 * @self: a [class@Bilat.PanelRow]
 *
 * Gets the period of the row.
 *
 * Returns: (transfer full): a year or a month
 *
 * Since: 1.0
 */
BilatDate *
bilat_panel_row_get_period (BilatPanelRow *self)
{
  g_return_val_if_fail (BILAT_IS_PANEL_ROW (self), NULL);

  return bilat_panel_get_period (self->panel, self->index);
}

/**
 * bilat_panel_row_get_number:
 * @self: a [class@Bilat.PanelRow]
 * @column: the name of a column, such as `exercises`
 * @value: (out) (optional): where to store the value
 *
 * Gets a cell of the row by the name of its column (see
 * [method@Bilat.Panel.get_number]).
 *
 * Returns: %TRUE if the cell has a value; %FALSE if it is empty or the
 *   panel has no such number column
 *
 * Since: 1.0
 */
gboolean
bilat_panel_row_get_number (BilatPanelRow *self,
                            const char    *column,
                            double        *value)
{
  int index;

  g_return_val_if_fail (BILAT_IS_PANEL_ROW (self), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  index = bilat_panel_find_column (self->panel, column);
  if (index < 0)
    return FALSE;
  return bilat_panel_get_number (self->panel, self->index, (guint) index, value);
}
