/* chart.c: the Pakistan–Russia chronology of the built-in dataset as a
 * chart, in the format the file name's extension names.
 *
 *   cc chart.c $(pkg-config --cflags --libs bilat-plot-1.0) -o chart
 *   ./chart timeline.pdf
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat-plot/bilat-plot.h>

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatStore) store = bilat_store_new_builtin ("pakistan-russia", &error);
  g_autoptr(BilatQuery) query = NULL;
  g_autoptr(BilatPlotTimelineChart) chart = NULL;
  const char *path = argc > 1 ? argv[1] : "timeline.svg";

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  query = bilat_query_new ();
  bilat_query_set_dyad (query, "PAK", "RUS");
  chart = bilat_plot_timeline_chart_new_for_store (store, query);
  bilat_plot_chart_set_size (BILAT_PLOT_CHART (chart), 960, 480, BILAT_PLOT_UNIT_PIXELS);
  if (!bilat_plot_chart_save_to_file (BILAT_PLOT_CHART (chart), path, BILAT_PLOT_FORMAT_AUTO, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("wrote %s\n", path);
  return 0;
}
