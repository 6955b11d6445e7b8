/* bilat-panel-settings.c: what a dyad-year panel holds
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

#include "bilat-panel-private.h"

#include "bilat-record-private.h"

/**
 * BilatPanelSettings:
 *
 * What [method@Bilat.Store.build_panel] builds: the dyads (those named
 * with [method@Bilat.PanelSettings.add_dyad], or, when none is named,
 * every pair of states that are members of the Correlates of War state
 * system in a period), whether dyads are directed, the years, the unit
 * of the periods (a year, or a month where the sources allow it) and the
 * columns.
 *
 * The defaults: every pair of states, undirected, 1816 to 2016 (the
 * state system's years the library's membership list covers), by year,
 * the columns %BILAT_PANEL_COLUMNS_CODES, %BILAT_PANEL_COLUMNS_EXERCISES,
 * %BILAT_PANEL_COLUMNS_EVENTS and %BILAT_PANEL_COLUMNS_AFFINITY, events
 * from the store the panel is built from.
 *
 * Since: 1.0
 */
struct _BilatPanelSettings
{
  GObject            parent_instance;

  GPtrArray         *dyads;       /* char *: a, b, a, b … */
  gboolean           directed;
  int                first_year;
  int                last_year;
  BilatSeriesUnit    unit;
  BilatPanelColumns  columns;
  char             **topics;
  BilatStore        *event_store;
};

G_DEFINE_FINAL_TYPE (BilatPanelSettings, bilat_panel_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIRECTED,
  PROP_FIRST_YEAR,
  PROP_LAST_YEAR,
  PROP_UNIT,
  PROP_COLUMNS,
  PROP_TOPICS,
  PROP_EVENT_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bilat_panel_settings_finalize (GObject *object)
{
  BilatPanelSettings *self = BILAT_PANEL_SETTINGS (object);

  g_ptr_array_unref (self->dyads);
  g_strfreev (self->topics);
  g_clear_object (&self->event_store);
  G_OBJECT_CLASS (bilat_panel_settings_parent_class)->finalize (object);
}

static void
bilat_panel_settings_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BilatPanelSettings *self = BILAT_PANEL_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_DIRECTED:
      g_value_set_boolean (value, self->directed);
      break;
    case PROP_FIRST_YEAR:
      g_value_set_int (value, self->first_year);
      break;
    case PROP_LAST_YEAR:
      g_value_set_int (value, self->last_year);
      break;
    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;
    case PROP_COLUMNS:
      g_value_set_flags (value, self->columns);
      break;
    case PROP_TOPICS:
      g_value_set_boxed (value, self->topics);
      break;
    case PROP_EVENT_STORE:
      g_value_set_object (value, self->event_store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_panel_settings_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BilatPanelSettings *self = BILAT_PANEL_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_DIRECTED:
      bilat_panel_settings_set_directed (self, g_value_get_boolean (value));
      break;
    case PROP_FIRST_YEAR:
      bilat_panel_settings_set_first_year (self, g_value_get_int (value));
      break;
    case PROP_LAST_YEAR:
      bilat_panel_settings_set_last_year (self, g_value_get_int (value));
      break;
    case PROP_UNIT:
      bilat_panel_settings_set_unit (self, g_value_get_enum (value));
      break;
    case PROP_COLUMNS:
      bilat_panel_settings_set_columns (self, g_value_get_flags (value));
      break;
    case PROP_TOPICS:
      bilat_panel_settings_set_topics (self, g_value_get_boxed (value));
      break;
    case PROP_EVENT_STORE:
      bilat_panel_settings_set_event_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_panel_settings_class_init (BilatPanelSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_panel_settings_finalize;
  object_class->get_property = bilat_panel_settings_get_property;
  object_class->set_property = bilat_panel_settings_set_property;

  /**
   * BilatPanelSettings:directed: (getter get_directed) (setter set_directed)
   *
   * Whether dyads are directed: a row for A→B and one for B→A, events
   * counted with A as initiator and B as target. Undirected panels have
   * one row per pair, events in either direction.
   *
   * Since: 1.0
   */
  properties[PROP_DIRECTED] =
    g_param_spec_boolean ("directed", NULL, NULL, FALSE, _BILAT_PARAM_READWRITE);

  /**
   * BilatPanelSettings:first-year: (getter get_first_year) (setter set_first_year)
   *
   * The first year of the panel.
   *
   * Since: 1.0
   */
  properties[PROP_FIRST_YEAR] =
    g_param_spec_int ("first-year", NULL, NULL, 1, 9999, 1816, _BILAT_PARAM_READWRITE);

  /**
   * BilatPanelSettings:last-year: (getter get_last_year) (setter set_last_year)
   *
   * The last year of the panel.
   *
   * Since: 1.0
   */
  properties[PROP_LAST_YEAR] =
    g_param_spec_int ("last-year", NULL, NULL, 1, 9999, 2016, _BILAT_PARAM_READWRITE);

  /**
   * BilatPanelSettings:unit: (getter get_unit) (setter set_unit)
   *
   * The periods of the rows: %BILAT_SERIES_UNIT_YEAR or
   * %BILAT_SERIES_UNIT_MONTH (not with affinity, which votes give per
   * year).
   *
   * Since: 1.0
   */
  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL, BILAT_TYPE_SERIES_UNIT, BILAT_SERIES_UNIT_YEAR,
                       _BILAT_PARAM_READWRITE);

  /**
   * BilatPanelSettings:columns: (getter get_columns) (setter set_columns)
   *
   * The columns after the dyad and the period.
   *
   * Since: 1.0
   */
  properties[PROP_COLUMNS] =
    g_param_spec_flags ("columns", NULL, NULL, BILAT_TYPE_PANEL_COLUMNS,
                        BILAT_PANEL_COLUMNS_CODES | BILAT_PANEL_COLUMNS_EXERCISES |
                        BILAT_PANEL_COLUMNS_EVENTS | BILAT_PANEL_COLUMNS_AFFINITY,
                        _BILAT_PARAM_READWRITE);

  /**
   * BilatPanelSettings:topics: (getter get_topics) (setter set_topics)
   *
   * Topics of roll calls (`me`, `nu`, `di`, `hr`, `co`, `ec`) to measure
   * affinity over, each in columns of its own with the topic as suffix
   * (`s_me`), besides the columns over every roll call.
   *
   * Since: 1.0
   */
  properties[PROP_TOPICS] =
    g_param_spec_boxed ("topics", NULL, NULL, G_TYPE_STRV, _BILAT_PARAM_READWRITE);

  /**
   * BilatPanelSettings:event-store: (getter get_event_store) (setter set_event_store)
   *
   * The store whose events give the events columns, such as one that
   * event files were imported into, or %NULL for the store the panel is
   * built from. [method@Bilat.Importer.build_panel] counts the events of
   * files without importing them, and does not use it.
   *
   * Since: 1.0
   */
  properties[PROP_EVENT_STORE] =
    g_param_spec_object ("event-store", NULL, NULL, BILAT_TYPE_STORE, _BILAT_PARAM_READWRITE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bilat_panel_settings_init (BilatPanelSettings *self)
{
  self->dyads = g_ptr_array_new_with_free_func (g_free);
  self->first_year = 1816;
  self->last_year = 2016;
  self->unit = BILAT_SERIES_UNIT_YEAR;
  self->columns = BILAT_PANEL_COLUMNS_CODES | BILAT_PANEL_COLUMNS_EXERCISES |
                  BILAT_PANEL_COLUMNS_EVENTS | BILAT_PANEL_COLUMNS_AFFINITY;
}

/**
 * bilat_panel_settings_new:
 *
 * Creates settings with the defaults (see [class@Bilat.PanelSettings]).
 *
 * Returns: (transfer full): new settings
 *
 * Since: 1.0
 */
BilatPanelSettings *
bilat_panel_settings_new (void)
{
  return g_object_new (BILAT_TYPE_PANEL_SETTINGS, NULL);
}

/* A copy of @self, for a building that runs on while the caller may
 * change its own. */
BilatPanelSettings *
_bilat_panel_settings_copy (BilatPanelSettings *self)
{
  BilatPanelSettings *copy = bilat_panel_settings_new ();

  for (guint i = 0; i < self->dyads->len; i++)
    g_ptr_array_add (copy->dyads, g_strdup (g_ptr_array_index (self->dyads, i)));
  copy->directed = self->directed;
  copy->first_year = self->first_year;
  copy->last_year = self->last_year;
  copy->unit = self->unit;
  copy->columns = self->columns;
  copy->topics = g_strdupv (self->topics);
  g_set_object (&copy->event_store, self->event_store);
  return copy;
}

/**
 * bilat_panel_settings_add_dyad:
 * @self: a [class@Bilat.PanelSettings]
 * @actor_a: the id of the first actor (the initiator, when directed)
 * @actor_b: the id of the second actor
 *
 * Adds a dyad to the panel's: with any, the panel has the rows of its
 * dyads for every period of its years, in the order they were added,
 * instead of every pair of states.
 *
 * Since: 1.0
 */
void
bilat_panel_settings_add_dyad (BilatPanelSettings *self,
                               const char         *actor_a,
                               const char         *actor_b)
{
  g_return_if_fail (BILAT_IS_PANEL_SETTINGS (self));
  g_return_if_fail (actor_a != NULL && actor_a[0] != '\0');
  g_return_if_fail (actor_b != NULL && actor_b[0] != '\0');

  g_ptr_array_add (self->dyads, g_strdup (actor_a));
  g_ptr_array_add (self->dyads, g_strdup (actor_b));
}

/**
 * bilat_panel_settings_get_n_dyads:
 * @self: a [class@Bilat.PanelSettings]
 *
 * Gets how many dyads were added.
 *
 * Returns: the number of dyads; 0 means every pair of states
 *
 * Since: 1.0
 */
guint
bilat_panel_settings_get_n_dyads (BilatPanelSettings *self)
{
  g_return_val_if_fail (BILAT_IS_PANEL_SETTINGS (self), 0);

  return self->dyads->len / 2;
}

/**
 * bilat_panel_settings_get_dyad:
 * @self: a [class@Bilat.PanelSettings]
 * @index: the index of a dyad
 * @actor_a: (out) (optional) (transfer none): the first actor
 * @actor_b: (out) (optional) (transfer none): the second actor
 *
 * Gets a dyad that was added.
 *
 * Returns: %TRUE if there is a dyad at @index
 *
 * Since: 1.0
 */
gboolean
bilat_panel_settings_get_dyad (BilatPanelSettings  *self,
                               guint                index,
                               const char         **actor_a,
                               const char         **actor_b)
{
  g_return_val_if_fail (BILAT_IS_PANEL_SETTINGS (self), FALSE);

  if (index >= self->dyads->len / 2)
    return FALSE;
  if (actor_a != NULL)
    *actor_a = g_ptr_array_index (self->dyads, 2 * index);
  if (actor_b != NULL)
    *actor_b = g_ptr_array_index (self->dyads, 2 * index + 1);
  return TRUE;
}

/**
 * bilat_panel_settings_clear_dyads:
 * @self: a [class@Bilat.PanelSettings]
 *
 * Removes the dyads: the panel is of every pair of states again.
 *
 * Since: 1.0
 */
void
bilat_panel_settings_clear_dyads (BilatPanelSettings *self)
{
  g_return_if_fail (BILAT_IS_PANEL_SETTINGS (self));

  g_ptr_array_set_size (self->dyads, 0);
}

/**
 * bilat_panel_settings_get_directed: (get-property directed)
 * @self: a [class@Bilat.PanelSettings]
 *
 * Gets whether dyads are directed.
 *
 * Returns: %TRUE for directed dyads
 *
 * Since: 1.0
 */
gboolean
bilat_panel_settings_get_directed (BilatPanelSettings *self)
{
  g_return_val_if_fail (BILAT_IS_PANEL_SETTINGS (self), FALSE);

  return self->directed;
}

/**
 * bilat_panel_settings_set_directed: (set-property directed)
 * @self: a [class@Bilat.PanelSettings]
 * @directed: whether dyads are directed
 *
 * Sets whether dyads are directed (see [property@Bilat.PanelSettings:directed]).
 *
 * Since: 1.0
 */
void
bilat_panel_settings_set_directed (BilatPanelSettings *self,
                                   gboolean            directed)
{
  g_return_if_fail (BILAT_IS_PANEL_SETTINGS (self));

  directed = !!directed;
  if (self->directed == directed)
    return;
  self->directed = directed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTED]);
}

/**
 * bilat_panel_settings_get_first_year: (get-property first-year)
 * @self: a [class@Bilat.PanelSettings]
 *
 * Gets the first year of the panel.
 *
 * Returns: the year
 *
 * Since: 1.0
 */
int
bilat_panel_settings_get_first_year (BilatPanelSettings *self)
{
  g_return_val_if_fail (BILAT_IS_PANEL_SETTINGS (self), 0);

  return self->first_year;
}

/**
 * bilat_panel_settings_set_first_year: (set-property first-year)
 * @self: a [class@Bilat.PanelSettings]
 * @year: a year from 1 to 9999
 *
 * Sets the first year of the panel.
 *
 * Since: 1.0
 */
void
bilat_panel_settings_set_first_year (BilatPanelSettings *self,
                                     int                 year)
{
  g_return_if_fail (BILAT_IS_PANEL_SETTINGS (self));
  g_return_if_fail (year >= 1 && year <= 9999);

  if (self->first_year == year)
    return;
  self->first_year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_YEAR]);
}

/**
 * bilat_panel_settings_get_last_year: (get-property last-year)
 * @self: a [class@Bilat.PanelSettings]
 *
 * Gets the last year of the panel.
 *
 * Returns: the year
 *
 * Since: 1.0
 */
int
bilat_panel_settings_get_last_year (BilatPanelSettings *self)
{
  g_return_val_if_fail (BILAT_IS_PANEL_SETTINGS (self), 0);

  return self->last_year;
}

/**
 * bilat_panel_settings_set_last_year: (set-property last-year)
 * @self: a [class@Bilat.PanelSettings]
 * @year: a year from 1 to 9999
 *
 * Sets the last year of the panel.
 *
 * Since: 1.0
 */
void
bilat_panel_settings_set_last_year (BilatPanelSettings *self,
                                    int                 year)
{
  g_return_if_fail (BILAT_IS_PANEL_SETTINGS (self));
  g_return_if_fail (year >= 1 && year <= 9999);

  if (self->last_year == year)
    return;
  self->last_year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_YEAR]);
}

/**
 * bilat_panel_settings_get_unit: (get-property unit)
 * @self: a [class@Bilat.PanelSettings]
 *
 * Gets the unit of the periods.
 *
 * Returns: the unit
 *
 * Since: 1.0
 */
BilatSeriesUnit
bilat_panel_settings_get_unit (BilatPanelSettings *self)
{
  g_return_val_if_fail (BILAT_IS_PANEL_SETTINGS (self), BILAT_SERIES_UNIT_YEAR);

  return self->unit;
}

/**
 * bilat_panel_settings_set_unit: (set-property unit)
 * @self: a [class@Bilat.PanelSettings]
 * @unit: %BILAT_SERIES_UNIT_YEAR or %BILAT_SERIES_UNIT_MONTH
 *
 * Sets the unit of the periods. A panel by day is refused when it is
 * built.
 *
 * Since: 1.0
 */
void
bilat_panel_settings_set_unit (BilatPanelSettings *self,
                               BilatSeriesUnit     unit)
{
  g_return_if_fail (BILAT_IS_PANEL_SETTINGS (self));
  g_return_if_fail (unit <= BILAT_SERIES_UNIT_YEAR);

  if (self->unit == unit)
    return;
  self->unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

/**
 * bilat_panel_settings_get_columns: (get-property columns)
 * @self: a [class@Bilat.PanelSettings]
 *
 * Gets the columns after the dyad and the period.
 *
 * Returns: the columns
 *
 * Since: 1.0
 */
BilatPanelColumns
bilat_panel_settings_get_columns (BilatPanelSettings *self)
{
  g_return_val_if_fail (BILAT_IS_PANEL_SETTINGS (self), BILAT_PANEL_COLUMNS_NONE);

  return self->columns;
}

/**
 * bilat_panel_settings_set_columns: (set-property columns)
 * @self: a [class@Bilat.PanelSettings]
 * @columns: the columns
 *
 * Sets the columns after the dyad and the period.
 *
 * Since: 1.0
 */
void
bilat_panel_settings_set_columns (BilatPanelSettings *self,
                                  BilatPanelColumns   columns)
{
  g_return_if_fail (BILAT_IS_PANEL_SETTINGS (self));

  columns &= BILAT_PANEL_COLUMNS_ALL;
  if (self->columns == columns)
    return;
  self->columns = columns;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMNS]);
}

/**
 * bilat_panel_settings_get_topics: (get-property topics)
 * @self: a [class@Bilat.PanelSettings]
 *
 * Gets the topics with affinity columns of their own.
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the
 *   topics, or %NULL for none
 *
 * Since: 1.0
 */
const char * const *
bilat_panel_settings_get_topics (BilatPanelSettings *self)
{
  g_return_val_if_fail (BILAT_IS_PANEL_SETTINGS (self), NULL);

  return (const char * const *) self->topics;
}

/**
 * bilat_panel_settings_set_topics: (set-property topics)
 * @self: a [class@Bilat.PanelSettings]
 * @topics: (nullable) (array zero-terminated=1): topics (`me`, or
 *   `unga-topic:me`), or %NULL for none
 *
 * Sets the topics with affinity columns of their own.
 *
 * Since: 1.0
 */
void
bilat_panel_settings_set_topics (BilatPanelSettings *self,
                                 const char * const *topics)
{
  g_return_if_fail (BILAT_IS_PANEL_SETTINGS (self));

  g_strfreev (self->topics);
  self->topics = topics != NULL && topics[0] != NULL ? g_strdupv ((char **) topics) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPICS]);
}

/**
 * bilat_panel_settings_get_event_store: (get-property event-store)
 * @self: a [class@Bilat.PanelSettings]
 *
 * Gets the store whose events give the events columns.
 *
 * Returns: (transfer none) (nullable): the store, or %NULL for the store
 *   the panel is built from
 *
 * Since: 1.0
 */
BilatStore *
bilat_panel_settings_get_event_store (BilatPanelSettings *self)
{
  g_return_val_if_fail (BILAT_IS_PANEL_SETTINGS (self), NULL);

  return self->event_store;
}

/**
 * bilat_panel_settings_set_event_store: (set-property event-store)
 * @self: a [class@Bilat.PanelSettings]
 * @store: (nullable): a store whose events give the events columns (one
 *   that event files were imported into with [method@Bilat.Importer.import]),
 *   or %NULL for the store the panel is built from
 *
 * Sets where the events columns come from.
 *
 * Since: 1.0
 */
void
bilat_panel_settings_set_event_store (BilatPanelSettings *self,
                                      BilatStore         *store)
{
  g_return_if_fail (BILAT_IS_PANEL_SETTINGS (self));
  g_return_if_fail (store == NULL || BILAT_IS_STORE (store));

  if (g_set_object (&self->event_store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_STORE]);
}
