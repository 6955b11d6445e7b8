/* bilat-panel.h: dyad-year (or dyad-month) panels of exercises, events
 * and affinity
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include <gio/gio.h>

#include "bilat-version-macros.h"
#include "bilat-date.h"
#include "bilat-series.h"
#include "bilat-store.h"

G_BEGIN_DECLS

/**
 * BilatPanelColumns:
 * @BILAT_PANEL_COLUMNS_NONE: only the dyad and the period (`a`, `b`,
 *   `year` or `period`)
 * @BILAT_PANEL_COLUMNS_CODES: both states' Correlates of War codes,
 *   `cow_a` and `cow_b`
 * @BILAT_PANEL_COLUMNS_EXERCISES: the joint exercises, `exercises`
 * @BILAT_PANEL_COLUMNS_EXERCISE_DOMAINS: the joint exercises per domain,
 *   `exercises_command_post`, `exercises_air`, `exercises_land`,
 *   `exercises_sea`, `exercises_amphibious`, `exercises_cyber`
 * @BILAT_PANEL_COLUMNS_EVENTS: the events between the two, `events`,
 *   `goldstein_sum`, `goldstein_mean`, `q1`, `q2`, `q3`, `q4`
 * @BILAT_PANEL_COLUMNS_AFFINITY: the affinity of their votes, `n`, `s`,
 *   `kappa`, `pi`; and per topic of [method@Bilat.PanelSettings.set_topics]
 *   the same with the topic as suffix (`n_me`, `s_me` …)
 * @BILAT_PANEL_COLUMNS_ALL: every column
 *
 * The columns of a [class@Bilat.Panel] after the dyad and the period.
 *
 * Since: 1.0
 */
typedef enum /*< flags >*/ {
  BILAT_PANEL_COLUMNS_NONE = 0,
  BILAT_PANEL_COLUMNS_CODES = 1 << 0,
  BILAT_PANEL_COLUMNS_EXERCISES = 1 << 1,
  BILAT_PANEL_COLUMNS_EXERCISE_DOMAINS = 1 << 2,
  BILAT_PANEL_COLUMNS_EVENTS = 1 << 3,
  BILAT_PANEL_COLUMNS_AFFINITY = 1 << 4,
  BILAT_PANEL_COLUMNS_ALL = 0x1f,
} BilatPanelColumns;

/**
 * BilatPanelSource:
 * @BILAT_PANEL_SOURCE_EXERCISES: joint exercises (such as the MME dataset's)
 * @BILAT_PANEL_SOURCE_EVENTS: events (such as GDELT's or ICEWS's)
 * @BILAT_PANEL_SOURCE_AFFINITY: roll-call votes (such as the UN General
 *   Assembly's)
 *
 * The sources of the columns of a panel, each with its coverage
 * ([method@Bilat.Panel.get_coverage]).
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_PANEL_SOURCE_EXERCISES,
  BILAT_PANEL_SOURCE_EVENTS,
  BILAT_PANEL_SOURCE_AFFINITY,
} BilatPanelSource;

/**
 * BilatPanelValueType:
 * @BILAT_PANEL_VALUE_TYPE_TEXT: text: the actors `a` and `b`, and the
 *   `period` of a panel by month
 * @BILAT_PANEL_VALUE_TYPE_INTEGER: a whole number: codes, years, counts
 * @BILAT_PANEL_VALUE_TYPE_REAL: a real number: Goldstein figures, affinity
 *   measures
 *
 * What the cells of a column of a [class@Bilat.Panel] hold.
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_PANEL_VALUE_TYPE_TEXT,
  BILAT_PANEL_VALUE_TYPE_INTEGER,
  BILAT_PANEL_VALUE_TYPE_REAL,
} BilatPanelValueType;

/**
 * BilatPanelFormat:
 * @BILAT_PANEL_FORMAT_TABLE: aligned columns for people to read
 * @BILAT_PANEL_FORMAT_CSV: comma-separated values
 * @BILAT_PANEL_FORMAT_TSV: tab-separated values
 * @BILAT_PANEL_FORMAT_JSON: a JSON object with the metadata and the rows
 *
 * How [method@Bilat.Panel.write] prints.
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_PANEL_FORMAT_TABLE,
  BILAT_PANEL_FORMAT_CSV,
  BILAT_PANEL_FORMAT_TSV,
  BILAT_PANEL_FORMAT_JSON,
} BilatPanelFormat;

/**
 * BILAT_PANEL_ERROR:
 *
 * The error domain of [class@Bilat.Panel].
 *
 * Since: 1.0
 */
#define BILAT_PANEL_ERROR (bilat_panel_error_quark ())

/**
 * BilatPanelError:
 * @BILAT_PANEL_ERROR_INVALID_SETTINGS: the settings ask for something no
 *   panel can be: years in the wrong order, a unit the sources do not
 *   allow, a topic that cannot be one
 * @BILAT_PANEL_ERROR_TOO_LARGE: the panel would have more rows, or name
 *   more actors, than a panel holds (4,294,967,295 rows; 65,534 actors)
 *
 * Error codes of the %BILAT_PANEL_ERROR domain.
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_PANEL_ERROR_INVALID_SETTINGS,
  BILAT_PANEL_ERROR_TOO_LARGE,
} BilatPanelError;

#define BILAT_TYPE_PANEL_SETTINGS (bilat_panel_settings_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatPanelSettings, bilat_panel_settings, BILAT, PANEL_SETTINGS, GObject)

BILAT_AVAILABLE_IN_1_0
BilatPanelSettings *bilat_panel_settings_new            (void);
BILAT_AVAILABLE_IN_1_0
void                bilat_panel_settings_add_dyad       (BilatPanelSettings *self,
                                                         const char         *actor_a,
                                                         const char         *actor_b);
BILAT_AVAILABLE_IN_1_0
guint               bilat_panel_settings_get_n_dyads    (BilatPanelSettings *self);
BILAT_AVAILABLE_IN_1_0
gboolean            bilat_panel_settings_get_dyad       (BilatPanelSettings *self,
                                                         guint               index,
                                                         const char        **actor_a,
                                                         const char        **actor_b);
BILAT_AVAILABLE_IN_1_0
void                bilat_panel_settings_clear_dyads    (BilatPanelSettings *self);
BILAT_AVAILABLE_IN_1_0
gboolean            bilat_panel_settings_get_directed   (BilatPanelSettings *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_panel_settings_set_directed   (BilatPanelSettings *self,
                                                         gboolean            directed);
BILAT_AVAILABLE_IN_1_0
int                 bilat_panel_settings_get_first_year (BilatPanelSettings *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_panel_settings_set_first_year (BilatPanelSettings *self,
                                                         int                 year);
BILAT_AVAILABLE_IN_1_0
int                 bilat_panel_settings_get_last_year  (BilatPanelSettings *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_panel_settings_set_last_year  (BilatPanelSettings *self,
                                                         int                 year);
BILAT_AVAILABLE_IN_1_0
BilatSeriesUnit     bilat_panel_settings_get_unit       (BilatPanelSettings *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_panel_settings_set_unit       (BilatPanelSettings *self,
                                                         BilatSeriesUnit     unit);
BILAT_AVAILABLE_IN_1_0
BilatPanelColumns   bilat_panel_settings_get_columns    (BilatPanelSettings *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_panel_settings_set_columns    (BilatPanelSettings *self,
                                                         BilatPanelColumns   columns);
BILAT_AVAILABLE_IN_1_0
const char * const *bilat_panel_settings_get_topics     (BilatPanelSettings *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_panel_settings_set_topics     (BilatPanelSettings *self,
                                                         const char * const *topics);
BILAT_AVAILABLE_IN_1_0
BilatStore         *bilat_panel_settings_get_event_store (BilatPanelSettings *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_panel_settings_set_event_store (BilatPanelSettings *self,
                                                          BilatStore         *store);

#define BILAT_TYPE_PANEL (bilat_panel_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatPanel, bilat_panel, BILAT, PANEL, GObject)

#define BILAT_TYPE_PANEL_ROW (bilat_panel_row_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatPanelRow, bilat_panel_row, BILAT, PANEL_ROW, GObject)

BILAT_AVAILABLE_IN_1_0
GQuark              bilat_panel_error_quark       (void);

BILAT_AVAILABLE_IN_1_0
BilatPanel         *bilat_store_build_panel       (BilatStore          *store,
                                                   BilatPanelSettings  *settings,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

BILAT_AVAILABLE_IN_1_0
guint               bilat_panel_get_n_rows        (BilatPanel          *self);
BILAT_AVAILABLE_IN_1_0
BilatSeriesUnit     bilat_panel_get_unit          (BilatPanel          *self);
BILAT_AVAILABLE_IN_1_0
gboolean            bilat_panel_get_directed      (BilatPanel          *self);
BILAT_AVAILABLE_IN_1_0
int                 bilat_panel_get_first_year    (BilatPanel          *self);
BILAT_AVAILABLE_IN_1_0
int                 bilat_panel_get_last_year     (BilatPanel          *self);
BILAT_AVAILABLE_IN_1_0
const char * const *bilat_panel_get_columns       (BilatPanel          *self);
BILAT_AVAILABLE_IN_1_0
int                 bilat_panel_find_column       (BilatPanel          *self,
                                                   const char          *name);
BILAT_AVAILABLE_IN_1_0
BilatPanelValueType bilat_panel_get_column_type   (BilatPanel          *self,
                                                   guint                column);
BILAT_AVAILABLE_IN_1_0
BilatDate          *bilat_panel_get_coverage      (BilatPanel          *self,
                                                   BilatPanelSource     source);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_panel_get_actor_a       (BilatPanel          *self,
                                                   guint                row);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_panel_get_actor_b       (BilatPanel          *self,
                                                   guint                row);
BILAT_AVAILABLE_IN_1_0
BilatDate          *bilat_panel_get_period        (BilatPanel          *self,
                                                   guint                row);
BILAT_AVAILABLE_IN_1_0
gboolean            bilat_panel_get_number        (BilatPanel          *self,
                                                   guint                row,
                                                   guint                column,
                                                   double              *value);
BILAT_AVAILABLE_IN_1_0
char               *bilat_panel_get_text          (BilatPanel          *self,
                                                   guint                row,
                                                   guint                column);
BILAT_AVAILABLE_IN_1_0
double             *bilat_panel_get_column_numbers (BilatPanel         *self,
                                                    guint               column,
                                                    gsize              *n_values);

BILAT_AVAILABLE_IN_1_0
gboolean            bilat_panel_write             (BilatPanel          *self,
                                                   GOutputStream       *stream,
                                                   BilatPanelFormat     format,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
BILAT_AVAILABLE_IN_1_0
char               *bilat_panel_to_string         (BilatPanel          *self,
                                                   BilatPanelFormat     format);

BILAT_AVAILABLE_IN_1_0
BilatPanel         *bilat_panel_row_get_panel     (BilatPanelRow       *self);
BILAT_AVAILABLE_IN_1_0
guint               bilat_panel_row_get_index     (BilatPanelRow       *self);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_panel_row_get_actor_a   (BilatPanelRow       *self);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_panel_row_get_actor_b   (BilatPanelRow       *self);
BILAT_AVAILABLE_IN_1_0
BilatDate          *bilat_panel_row_get_period    (BilatPanelRow       *self);
BILAT_AVAILABLE_IN_1_0
gboolean            bilat_panel_row_get_number    (BilatPanelRow       *self,
                                                   const char          *column,
                                                   double              *value);

G_END_DECLS
