/* bilat-panel-affinity.c: the affinity columns of a panel
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Per year, the stance tables of every pair of the year's actors come
 * from one pass over the year's roll calls (_bilat_store_affinity_pairs()),
 * not one per dyad; each row then reads its pair's figures. A year without
 * a selected roll call leaves its cells empty, as
 * bilat_store_compute_affinity() has no score for it.
 */

#include <math.h>
#include <string.h>

#include <bilat/bilat.h>

#include "bilat-affinity-private.h"
#include "bilat-panel-private.h"

static BilatAffinitySettings *
year_settings (int         year,
               const char *topic)
{
  BilatAffinitySettings *settings = bilat_affinity_settings_new ();
  g_autoptr(BilatQuery) query = bilat_query_new ();
  g_autoptr(BilatDate) period = bilat_date_new_year (year, NULL);

  bilat_query_set_period (query, period);
  bilat_affinity_settings_set_query (settings, query);
  bilat_affinity_settings_set_topic (settings, topic);
  return settings;
}

/* The score of an actor with itself (a state of two COW codes in a year:
 * Germany in 1990), as bilat_store_compute_affinity() gives it. */
static void
self_affinity (BilatStore           *store,
               const char           *id,
               int                   year,
               const char           *topic,
               BilatPanelColumn    **columns,
               guint                 r)
{
  g_autoptr(BilatAffinitySettings) settings = year_settings (year, topic);
  g_autoptr(BilatAffinity) affinity = NULL;
  guint n;

  bilat_affinity_settings_set_unit (settings, BILAT_AFFINITY_UNIT_YEAR);
  affinity = bilat_store_compute_affinity (store, id, id, settings);
  n = g_list_model_get_n_items (G_LIST_MODEL (affinity));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatAffinityScore) score = g_list_model_get_item (G_LIST_MODEL (affinity), i);

      if (bilat_affinity_score_get_year (score) != (guint) year)
        continue;
      columns[0]->counts[r] = bilat_affinity_score_get_n (score);
      columns[1]->reals[r] = bilat_affinity_score_get_s (score);
      columns[2]->reals[r] = bilat_affinity_score_get_kappa (score);
      columns[3]->reals[r] = bilat_affinity_score_get_pi (score);
    }
}

/* The rows of each year, in row order: rows[starts[p] .. starts[p + 1]). */
static guint *
rows_by_period (BilatPanelBuild  *build,
                guint           **starts_out)
{
  BilatPanel *panel = build->panel;
  guint *starts = g_new0 (guint, build->n_periods + 1);
  guint *rows = g_new (guint, MAX (panel->n_rows, 1));
  g_autofree guint *next = NULL;

  for (guint r = 0; r < panel->n_rows; r++)
    starts[panel->period[r] - build->first_key + 1]++;
  for (guint p = 0; p < build->n_periods; p++)
    starts[p + 1] += starts[p];
  next = g_memdup2 (starts, (build->n_periods + 1) * sizeof (guint));
  for (guint r = 0; r < panel->n_rows; r++)
    rows[next[panel->period[r] - build->first_key]++] = r;
  *starts_out = starts;
  return rows;
}

static void
fill_affinity_topic (BilatPanelBuild *build,
                     BilatStore      *store,
                     const char      *topic,
                     const guint     *rows,
                     const guint     *starts)
{
  static const char * const names[4] = { "n", "s", "kappa", "pi" };
  BilatPanel *panel = build->panel;
  BilatPanelColumn *columns[4];
  g_autofree int *position = g_new (int, MAX (panel->ids->len, 1));
  g_autoptr(GPtrArray) voters = g_ptr_array_new ();

  for (guint m = 0; m < 4; m++)
    {
      g_autofree char *name = topic != NULL ? g_strdup_printf ("%s_%s", names[m], topic) : g_strdup (names[m]);

      columns[m] = _bilat_panel_add_column (panel, name,
                                            m == 0 ? BILAT_PANEL_VALUE_TYPE_INTEGER : BILAT_PANEL_VALUE_TYPE_REAL,
                                            BILAT_PANEL_SOURCE_AFFINITY);
    }

  for (guint p = 0; p < build->n_periods; p++)
    {
      int year = build->first_key + (int) p;
      g_autoptr(BilatAffinitySettings) settings = NULL;
      g_autoptr(GArray) figures = NULL;
      guint n;

      if (starts[p] == starts[p + 1] || !_bilat_panel_in_coverage (panel, BILAT_PANEL_SOURCE_AFFINITY, year))
        continue;
      /* The year's actors, each once. */
      for (guint i = 0; i < panel->ids->len; i++)
        position[i] = -1;
      g_ptr_array_set_size (voters, 0);
      for (guint k = starts[p]; k < starts[p + 1]; k++)
        {
          guint16 ends[2] = { panel->a[rows[k]], panel->b[rows[k]] };

          for (guint e = 0; e < 2; e++)
            if (position[ends[e]] < 0)
              {
                position[ends[e]] = (int) voters->len;
                g_ptr_array_add (voters, g_ptr_array_index (panel->ids, ends[e]));
              }
        }
      n = voters->len;
      settings = year_settings (year, topic);
      figures = _bilat_store_affinity_pairs (store, (const char * const *) voters->pdata, n, settings);
      if (figures == NULL)
        continue;   /* no roll call that year: every cell empty */

      for (guint k = starts[p]; k < starts[p + 1]; k++)
        {
          guint r = rows[k];
          guint i = (guint) position[panel->a[r]];
          guint j = (guint) position[panel->b[r]];
          const BilatAffinityFigures *f;

          if (i == j)
            {
              self_affinity (store, g_ptr_array_index (panel->ids, panel->a[r]), year, topic, columns, r);
              continue;
            }
          if (i > j)
            {
              guint t = i;

              i = j;
              j = t;
            }
          f = &g_array_index (figures, BilatAffinityFigures, i * (2 * n - i - 1) / 2 + (j - i - 1));
          columns[0]->counts[r] = f->n;
          columns[1]->reals[r] = f->s;
          columns[2]->reals[r] = f->kappa;
          columns[3]->reals[r] = f->pi;
        }
    }
}

void
_bilat_panel_fill_affinity (BilatPanelBuild    *build,
                            BilatStore         *store,
                            BilatPanelSettings *settings)
{
  const char * const *topics = bilat_panel_settings_get_topics (settings);
  g_autofree guint *starts = NULL;
  g_autofree guint *rows = NULL;
  guint first, last;

  if (_bilat_store_get_vote_years (store, &first, &last))
    {
      _bilat_panel_widen_coverage (build->panel, BILAT_PANEL_SOURCE_AFFINITY, (gint32) first);
      _bilat_panel_widen_coverage (build->panel, BILAT_PANEL_SOURCE_AFFINITY, (gint32) last);
    }
  rows = rows_by_period (build, &starts);
  fill_affinity_topic (build, store, NULL, rows, starts);
  for (guint t = 0; topics != NULL && topics[t] != NULL; t++)
    {
      const char *topic = topics[t];

      if (g_str_has_prefix (topic, "unga-topic:"))
        topic += strlen ("unga-topic:");
      fill_affinity_topic (build, store, topic, rows, starts);
    }
}

