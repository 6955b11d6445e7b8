/* bilat-panel-private.h: the columns of a panel, shared by its type
 * (bilat-panel.c), its building (bilat-panel-build.c) and its printing
 * (bilat-panel-write.c)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layering: a panel is columns, never one object per row: a row is an
 * index, and a [class@Bilat.PanelRow] is made only when asked for. The
 * building reads the store (its exercises, events and vote table) and the
 * identity tables; printing and the accessors read only the columns.
 */

#pragma once

#include <bilat/bilat.h>

#include "bilat-import-private.h"

G_BEGIN_DECLS

/* An empty count; an empty real is NaN. */
#define PANEL_NO_COUNT G_MAXUINT32
/* No COW code. */
#define PANEL_NO_CODE  0

/* Period keys: a year, or year * 12 + month - 1. */
static inline gint32
_bilat_panel_key (BilatSeriesUnit unit,
                  int             year,
                  int             month)
{
  return unit == BILAT_SERIES_UNIT_MONTH ? year * 12 + (month - 1) : year;
}

typedef struct
{
  char                *name;
  BilatPanelValueType  type;
  BilatPanelSource     source;
  guint32             *counts;   /* INTEGER value columns */
  double              *reals;    /* REAL value columns */
} BilatPanelColumn;

/* The fixed columns, before the value columns. */
typedef enum
{
  PANEL_FIXED_A,
  PANEL_FIXED_B,
  PANEL_FIXED_COW_A,
  PANEL_FIXED_COW_B,
  PANEL_FIXED_PERIOD,
  PANEL_FIXED_VALUE,    /* not fixed: a value column */
} BilatPanelFixed;

struct _BilatPanel
{
  GObject           parent_instance;

  BilatSeriesUnit   unit;
  gboolean          directed;
  int               first_year;
  int               last_year;
  gboolean          codes;       /* cow_a and cow_b are columns */

  GPtrArray        *ids;         /* char *: the actors rows name */
  guint             n_rows;
  guint16          *a;           /* indexes into ids */
  guint16          *b;
  guint16          *cow_a;       /* PANEL_NO_CODE: none */
  guint16          *cow_b;
  gint32           *period;      /* keys */

  GPtrArray        *columns;     /* BilatPanelColumn *: the value columns */
  char            **names;       /* every column's name, NULL-terminated */
  BilatPanelFixed  *fixed;       /* per name */

  gboolean          covered[3];  /* per BilatPanelSource */
  gint32            coverage[3][2];
};

/* A new, empty panel. */
BilatPanel *_bilat_panel_new          (BilatSeriesUnit   unit,
                                       gboolean          directed,
                                       int               first_year,
                                       int               last_year,
                                       gboolean          codes);
/* Makes room for @n_rows rows (the skeleton's columns). */
void        _bilat_panel_set_n_rows   (BilatPanel       *self,
                                       guint             n_rows);
/* The index of actor @id in the panel's table, adding it. */
guint16     _bilat_panel_intern       (BilatPanel       *self,
                                       GHashTable       *index,
                                       const char       *id);
/* Adds a value column, every cell empty, and returns it. */
BilatPanelColumn *_bilat_panel_add_column (BilatPanel       *self,
                                           const char       *name,
                                           BilatPanelValueType type,
                                           BilatPanelSource source);
/* Fixes the names once every column is there. */
void        _bilat_panel_seal         (BilatPanel       *self);

/* The text of a period key, in @buffer. */
const char *_bilat_panel_format_period (BilatSeriesUnit  unit,
                                        gint32           key,
                                        char             buffer[16]);

/* Building (bilat-panel-build.c, bilat-panel-affinity.c). */

typedef struct
{
  BilatPanel      *panel;
  GHashTable      *id_index;     /* id → index into panel->ids */
  BilatSeriesUnit  unit;
  gint32           first_key;
  gint32           last_key;
  guint            n_periods;
} BilatPanelBuild;

/* Whether period @key is within the coverage of @source. */
static inline gboolean
_bilat_panel_in_coverage (BilatPanel       *panel,
                          BilatPanelSource  source,
                          gint32            key)
{
  return panel->covered[source] && key >= panel->coverage[source][0] && key <= panel->coverage[source][1];
}

/* Widens the coverage of @source to period @key. */
static inline void
_bilat_panel_widen_coverage (BilatPanel       *panel,
                             BilatPanelSource  source,
                             gint32            key)
{
  if (!panel->covered[source])
    {
      panel->covered[source] = TRUE;
      panel->coverage[source][0] = panel->coverage[source][1] = key;
      return;
    }
  panel->coverage[source][0] = MIN (panel->coverage[source][0], key);
  panel->coverage[source][1] = MAX (panel->coverage[source][1], key);
}

/* Event files read for the events columns, with the settings of the
 * importer that reads them. */
typedef struct
{
  GFile                   **files;
  guint                     n_files;
  BilatEventFormat          format;
  BilatQuery               *query;
  guint                     threads;
  BilatImportFlags          flags;
  BilatImportProgressFunc   progress;
  gpointer                  progress_data;
} BilatPanelFiles;

/* A copy of @self (its event store shared). */
BilatPanelSettings *_bilat_panel_settings_copy (BilatPanelSettings *self);

/* Builds a panel (see bilat_store_build_panel()), its events columns
 * from @files when it is not NULL (see bilat_importer_build_panel()). */
BilatPanel *_bilat_panel_build         (BilatStore             *store,
                                        BilatPanelSettings     *settings,
                                        const BilatPanelFiles  *files,
                                        GCancellable           *cancellable,
                                        BilatImportReport     **report,
                                        GError                **error);

/* The affinity columns of the panel being built: n, s, kappa and pi per
 * year, and per topic of @settings. */
void        _bilat_panel_fill_affinity (BilatPanelBuild    *build,
                                        BilatStore         *store,
                                        BilatPanelSettings *settings);

G_END_DECLS
