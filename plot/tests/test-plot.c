/* test-plot.c: the charts of libbilat-plot: bad options, file formats,
 * drawing onto a cairo_t, and the structure of what is drawn
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The structure of each chart is checked on its SVG, which keeps texts
 * as <text> and says what each item shows in its class; the thorough
 * checks (bar heights, labels that do not overlap) are in test_plot.py,
 * which parses the SVG. Here: counts of items, the errors, the files.
 */

#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include <bilat-plot/bilat-plot.h>

#include "bilat-test-util.h"
#include "bilat-plot-layout-private.h"

static guint32
julian (int year,
        int month,
        int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* Three years: 2015 with 2 + 1 events, 2016 with none, 2017 with 3. */
static BilatSeries *
make_series (void)
{
  BilatSeries *series = bilat_series_new (BILAT_SERIES_UNIT_YEAR);

  bilat_series_add_observation (series, julian (2015, 3, 1), 3.0, BILAT_QUAD_CLASS_VERBAL_COOPERATION);
  bilat_series_add_observation (series, julian (2015, 4, 1), 1.0, BILAT_QUAD_CLASS_VERBAL_COOPERATION);
  bilat_series_add_observation (series, julian (2015, 5, 1), -5.0, BILAT_QUAD_CLASS_MATERIAL_CONFLICT);
  bilat_series_add_observation (series, julian (2017, 1, 1), 7.0, BILAT_QUAD_CLASS_MATERIAL_COOPERATION);
  bilat_series_add_observation (series, julian (2017, 2, 1), -2.0, BILAT_QUAD_CLASS_VERBAL_CONFLICT);
  bilat_series_add_observation (series, julian (2017, 3, 1), NAN, BILAT_QUAD_CLASS_NONE);
  return series;
}

static char *
chart_svg (BilatPlotChart *chart)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = bilat_plot_chart_save_to_bytes (chart, BILAT_PLOT_FORMAT_SVG, &error);
  gsize length;
  const char *data;

  assert_null (error);
  assert_non_null (bytes);
  data = g_bytes_get_data (bytes, &length);
  return g_strndup (data, length);
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
assert_error (GError *error,
              int     code)
{
  assert_non_null (error);
  assert_true (error->domain == BILAT_PLOT_ERROR);
  assert_int_equal (error->code, code);
  assert_true (strlen (error->message) > 10);
}

/* Saving @chart to @path fails with @code and leaves no file. */
static void
assert_save_fails (BilatPlotChart *chart,
                   const char     *path,
                   int             code)
{
  g_autoptr(GError) error = NULL;

  assert_false (bilat_plot_chart_save_to_file (chart, path, BILAT_PLOT_FORMAT_AUTO, &error));
  assert_error (error, code);
  assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static BilatEvent *
make_event (GType       type,
            const char *id,
            const char *title,
            const char *when)
{
  BilatEvent *event = g_object_new (type, "id", id, NULL);

  bilat_event_set_title (event, title);
  if (when != NULL)
    {
      g_autoptr(BilatDate) date = bilat_date_parse (when, NULL);

      assert_non_null (date);
      bilat_event_set_date (event, date);
    }
  return event;
}

static BilatPlotTimelineChart *
make_timeline (void)
{
  BilatPlotTimelineChart *chart = bilat_plot_timeline_chart_new ();
  struct { GType type; const char *id, *title, *when; } events[] = {
    { BILAT_TYPE_EVENT, "day", "Talks in Moscow", "2016-03-14" },
    { BILAT_TYPE_EVENT, "month", "Visit", "2016-07" },
    { BILAT_TYPE_EVENT, "year", "Agreement signed that year", "2017" },
    { BILAT_TYPE_EXERCISE, "drill", "Friendship 2016", "2016-09-24/2016-10-10" },
    { BILAT_TYPE_EVENT, "undated", "Arms trade", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr(BilatEvent) event = make_event (events[i].type, events[i].id, events[i].title,
                                                events[i].when);

      bilat_plot_timeline_chart_add_event (chart, event);
    }
  return chart;
}

/* Errors */

static void
test_unknown_chart (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatPlotChart) chart = bilat_plot_chart_new ("pie", &error);

  assert_null (chart);
  assert_error (error, BILAT_PLOT_ERROR_UNKNOWN_CHART);
  assert_non_null (strstr (error->message, "pie"));

  for (guint i = 0; i < 3; i++)
    {
      const char *kinds[] = { "series", "timeline", "affinity" };
      g_autoptr(BilatPlotChart) known = bilat_plot_chart_new (kinds[i], NULL);

      assert_non_null (known);
    }
}

static void
test_bad_size_writes_nothing (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autoptr(BilatPlotSeriesChart) chart = bilat_plot_series_chart_new ();
  g_autoptr(BilatSeries) series = make_series ();
  const double sizes[][2] = { { 0, 400 }, { 600, 0 }, { 0, 0 }, { 50, 40 } };

  bilat_plot_series_chart_add_series (chart, series, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      bilat_plot_chart_set_size (BILAT_PLOT_CHART (chart), sizes[i][0], sizes[i][1],
                                 BILAT_PLOT_UNIT_PIXELS);
      assert_save_fails (BILAT_PLOT_CHART (chart), path, BILAT_PLOT_ERROR_SIZE);
    }
  test_remove_dir (dir);
}

static void
test_empty_charts (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  g_autoptr(BilatPlotSeriesChart) series_chart = bilat_plot_series_chart_new ();
  g_autoptr(BilatPlotSeriesChart) undated_chart = bilat_plot_series_chart_new ();
  g_autoptr(BilatPlotTimelineChart) timeline = bilat_plot_timeline_chart_new ();
  g_autoptr(BilatPlotTimelineChart) undated_timeline = bilat_plot_timeline_chart_new ();
  g_autoptr(BilatPlotAffinityChart) affinity = bilat_plot_affinity_chart_new ();
  g_autoptr(BilatSeries) empty = bilat_series_new (BILAT_SERIES_UNIT_MONTH);
  g_autoptr(BilatEvent) undated = make_event (BILAT_TYPE_EVENT, "e", "Undated", NULL);
  BilatPlotChart *charts[] = {
    BILAT_PLOT_CHART (series_chart), BILAT_PLOT_CHART (undated_chart),
    BILAT_PLOT_CHART (timeline), BILAT_PLOT_CHART (undated_timeline),
    BILAT_PLOT_CHART (affinity),
  };

  bilat_plot_series_chart_add_series (undated_chart, empty, "none");
  bilat_plot_timeline_chart_add_event (undated_timeline, undated);

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    assert_save_fails (charts[i], path, BILAT_PLOT_ERROR_EMPTY);
  test_remove_dir (dir);
}

static void
test_unit_mismatch (void **state)
{
  g_autoptr(BilatPlotSeriesChart) chart = bilat_plot_series_chart_new ();
  g_autoptr(BilatSeries) years = make_series ();
  g_autoptr(BilatSeries) months = bilat_series_new (BILAT_SERIES_UNIT_MONTH);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bilat_series_add_observation (months, julian (2015, 1, 1), 1, BILAT_QUAD_CLASS_VERBAL_COOPERATION);
  bilat_plot_series_chart_add_series (chart, years, "years");
  bilat_plot_series_chart_add_series (chart, months, "months");
  assert_int_equal (bilat_plot_series_chart_get_n_series (chart), 2);
  bytes = bilat_plot_chart_save_to_bytes (BILAT_PLOT_CHART (chart), BILAT_PLOT_FORMAT_SVG, &error);
  assert_null (bytes);
  assert_error (error, BILAT_PLOT_ERROR_MISMATCH);
}

static void
test_bad_format (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.jpeg", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "chart.svg", NULL);
  g_autoptr(BilatPlotSeriesChart) chart = bilat_plot_series_chart_new ();
  g_autoptr(BilatSeries) series = make_series ();
  g_autoptr(GError) auto_error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bilat_plot_series_chart_add_series (chart, series, NULL);
  assert_save_fails (BILAT_PLOT_CHART (chart), path, BILAT_PLOT_ERROR_FORMAT);

  bytes = bilat_plot_chart_save_to_bytes (BILAT_PLOT_CHART (chart), BILAT_PLOT_FORMAT_AUTO, &auto_error);
  assert_null (bytes);
  assert_error (auto_error, BILAT_PLOT_ERROR_FORMAT);

  assert_save_fails (BILAT_PLOT_CHART (chart), missing, BILAT_PLOT_ERROR_WRITE);

  assert_int_equal (bilat_plot_format_from_path ("a/b.SVG"), BILAT_PLOT_FORMAT_SVG);
  assert_int_equal (bilat_plot_format_from_path ("b.png"), BILAT_PLOT_FORMAT_PNG);
  assert_int_equal (bilat_plot_format_from_path ("b.Pdf"), BILAT_PLOT_FORMAT_PDF);
  assert_int_equal (bilat_plot_format_from_path ("b.svg/c"), BILAT_PLOT_FORMAT_AUTO);
  assert_int_equal (bilat_plot_format_from_path ("svg"), BILAT_PLOT_FORMAT_AUTO);
  test_remove_dir (dir);
}

/* Files */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
test_files (void **state)
{
  g_autofree char *dir = test_temp_dir ();
  g_autoptr(BilatPlotSeriesChart) chart = bilat_plot_series_chart_new ();
  g_autoptr(BilatSeries) series = make_series ();
  struct { const char *name; double w, h; BilatPlotUnit unit; guint png_w, png_h; const char *media_box; } cases[] = {
    { "c.png", 640, 400, BILAT_PLOT_UNIT_PIXELS, 640, 400, NULL },
    { "c.PNG", 300, 240, BILAT_PLOT_UNIT_POINTS, 400, 320, NULL },
    { "c.pdf", 640, 400, BILAT_PLOT_UNIT_PIXELS, 0, 0, "/MediaBox [ 0 0 480 300 ]" },
    { "p.pdf", 432, 288, BILAT_PLOT_UNIT_POINTS, 0, 0, "/MediaBox [ 0 0 432 288 ]" },
    { "c.svg", 640, 400, BILAT_PLOT_UNIT_PIXELS, 0, 0, NULL },
    { "p.svg", 432, 288, BILAT_PLOT_UNIT_POINTS, 0, 0, NULL },
  };

  bilat_plot_series_chart_add_series (chart, series, "PAK–RUS");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      bilat_plot_chart_set_size (BILAT_PLOT_CHART (chart), cases[i].w, cases[i].h, cases[i].unit);
      assert_true (bilat_plot_chart_save_to_file (BILAT_PLOT_CHART (chart), path,
                                                  BILAT_PLOT_FORMAT_AUTO, &error));
      assert_null (error);
      assert_true (g_file_get_contents (path, &data, &length, NULL));
      assert_true (length > 500);
      if (cases[i].png_w != 0)
        {
          assert_memory_equal (data, "\x89PNG\r\n\x1a\n", 8);
          assert_memory_equal (data + 12, "IHDR", 4);
          assert_int_equal (read_be32 ((const guint8 *) data + 16), cases[i].png_w);
          assert_int_equal (read_be32 ((const guint8 *) data + 20), cases[i].png_h);
        }
      else if (cases[i].media_box != NULL)
        {
          assert_memory_equal (data, "%PDF-", 5);
          assert_non_null (memmem (data, length, cases[i].media_box, strlen (cases[i].media_box)));
        }
      else
        {
          g_autofree char *size = cases[i].unit == BILAT_PLOT_UNIT_POINTS
                                ? g_strdup_printf ("width=\"%gpt\" height=\"%gpt\"", cases[i].w, cases[i].h)
                                : g_strdup_printf ("width=\"%g\" height=\"%g\"", cases[i].w, cases[i].h);

          assert_true (g_str_has_prefix (data, "<?xml"));
          assert_non_null (strstr (data, size));
          assert_non_null (strstr (data, "</svg>"));
        }
    }
  test_remove_dir (dir);
}

static void
test_draw_on_cairo (void **state)
{
  g_autoptr(BilatPlotTimelineChart) chart = make_timeline ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GError) error = NULL;
  guint coloured = 0;
  unsigned char *pixels;
  int stride;

  bilat_plot_chart_set_size (BILAT_PLOT_CHART (chart), 400, 300, BILAT_PLOT_UNIT_PIXELS);
  cairo_translate (cr, 1, 1);
  assert_true (bilat_plot_chart_draw (BILAT_PLOT_CHART (chart), cr, &error));
  assert_null (error);
  /* The caller's context is left as it was. */
  {
    cairo_matrix_t matrix;

    cairo_get_matrix (cr, &matrix);
    assert_true (matrix.x0 == 1 && matrix.y0 == 1);
  }
  assert_int_equal (cairo_status (cr), CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 300; y++)
    for (int x = 0; x < 400; x++)
      {
        guint32 pixel = *(guint32 *) (gpointer) (pixels + y * stride + x * 4);

        if (pixel != 0xffffffff && (pixel >> 24) != 0)
          coloured++;
      }
  assert_true (coloured > 1000);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* A chart that cannot be drawn draws nothing on the context. */
  {
    g_autoptr(BilatPlotAffinityChart) empty = bilat_plot_affinity_chart_new ();
    g_autoptr(GError) empty_error = NULL;
    cairo_surface_t *blank = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
    cairo_t *blank_cr = cairo_create (blank);

    assert_false (bilat_plot_chart_draw (BILAT_PLOT_CHART (empty), blank_cr, &empty_error));
    assert_error (empty_error, BILAT_PLOT_ERROR_EMPTY);
    cairo_surface_flush (blank);
    assert_int_equal (*(guint32 *) (gpointer) cairo_image_surface_get_data (blank), 0);
    cairo_destroy (blank_cr);
    cairo_surface_destroy (blank);
  }
}

/* Structure */

static void
test_series_structure (void **state)
{
  g_autoptr(BilatPlotSeriesChart) chart = bilat_plot_series_chart_new ();
  g_autoptr(BilatSeries) a = make_series ();
  g_autoptr(BilatSeries) b = make_series ();
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;

  bilat_plot_series_chart_add_series (chart, a, "PAK–RUS");
  one = chart_svg (BILAT_PLOT_CHART (chart));
  /* 2015: q1 (2) and q4 (1); 2016: nothing; 2017: q2, q3 and one without class */
  assert_int_equal (count (one, "class=\"bar "), 5);
  assert_int_equal (count (one, "class=\"bar q1\" data-series=\"0\" data-bin=\"0\" data-count=\"2\""), 1);
  assert_int_equal (count (one, "class=\"bar q4\" data-series=\"0\" data-bin=\"0\" data-count=\"1\""), 1);
  assert_int_equal (count (one, "data-bin=\"1\" data-count"), 0);
  assert_int_equal (count (one, "class=\"bar q0\" data-series=\"0\" data-bin=\"2\""), 1);
  assert_int_equal (count (one, "class=\"goldstein-point\""), 2);
  assert_non_null (strstr (one, ">Events per year: PAK–RUS</text>"));
  assert_non_null (strstr (one, ">No QuadClass</text>"));
  assert_non_null (strstr (one, ">2016</text>"));

  bilat_plot_series_chart_add_series (chart, b, "IND–RUS");
  bilat_plot_chart_set_title (BILAT_PLOT_CHART (chart), "Two dyads & more");
  two = chart_svg (BILAT_PLOT_CHART (chart));
  assert_int_equal (count (two, "class=\"bar "), 10);
  assert_int_equal (count (two, "data-series=\"1\" data-bin=\"2\" data-count"), 3);
  assert_non_null (strstr (two, ">Two dyads &amp; more</text>"));
  assert_non_null (strstr (two, ">Bars, left to right: PAK–RUS, IND–RUS</text>"));
}

static void
test_timeline_structure (void **state)
{
  g_autoptr(BilatPlotTimelineChart) chart = make_timeline ();
  g_autofree char *svg = NULL;
  g_autofree char *year = g_strdup_printf ("class=\"span event year\" data-id=\"year\" data-first=\"%u\" data-last=\"%u\"",
                                           julian (2017, 1, 1), julian (2017, 12, 31));

  assert_int_equal (bilat_plot_timeline_chart_get_n_events (chart), 5);
  svg = chart_svg (BILAT_PLOT_CHART (chart));
  /* The year-only event spans its whole year, not 1 January. */
  assert_non_null (strstr (svg, year));
  assert_int_equal (count (svg, "class=\"mark event day\""), 1);
  assert_int_equal (count (svg, "class=\"span event period\""), 1);
  assert_int_equal (count (svg, "class=\"span exercise\""), 1);
  assert_int_equal (count (svg, "class=\"label\""), 4);
  assert_int_equal (count (svg, "class=\"undated\" data-id=\"undated\""), 1);
  assert_non_null (strstr (svg, ">Arms trade</text>"));
  assert_non_null (strstr (svg, ">Of unknown date (1):</text>"));
  assert_non_null (strstr (svg, ">Exercise</text>"));
  assert_non_null (strstr (svg, ">Event dated only to a year</text>"));
}

static void
test_affinity_structure (void **state)
{
  g_autoptr(BilatPlotAffinityChart) chart = bilat_plot_affinity_chart_new ();
  g_autofree char *svg = NULL;

  bilat_plot_affinity_chart_set_measure (chart, "κ");
  assert_string_equal (bilat_plot_affinity_chart_get_measure (chart), "κ");
  bilat_plot_affinity_chart_add_value (chart, "PAK–RUS", 2001, 0.5, FALSE);
  bilat_plot_affinity_chart_add_value (chart, "PAK–RUS", 2000, 0.25, TRUE);
  bilat_plot_affinity_chart_add_value (chart, "PAK–RUS", 2003, -0.5, FALSE);
  bilat_plot_affinity_chart_add_value (chart, "IND–RUS", 2000, 0.1, FALSE);
  assert_int_equal (bilat_plot_affinity_chart_get_n_lines (chart), 2);
  svg = chart_svg (BILAT_PLOT_CHART (chart));
  assert_int_equal (count (svg, "class=\"point\""), 3);
  assert_int_equal (count (svg, "class=\"point thin\" data-line=\"0\" data-year=\"2000\""), 1);
  /* 2000–2001 joined, 2003 alone after the missing 2002 */
  assert_int_equal (count (svg, "class=\"line\""), 1);
  assert_non_null (strstr (svg, ">Affinity (κ) per year</text>"));
  assert_non_null (strstr (svg, ">Thin year (few observations)</text>"));
  assert_non_null (strstr (svg, ">IND–RUS</text>"));
}

/* Ticks from days to centuries */

static void
assert_ticks (double      first,
              double      last,
              double      pixels,
              const char *first_label,
              const char *second_label)
{
  PlotScene *scene = plot_scene_new (800, 500);
  g_autoptr(GArray) ticks = plot_date_ticks (scene, first, last, pixels);

  assert_true (ticks->len >= 2);
  assert_string_equal (g_array_index (ticks, PlotTick, 0).label, first_label);
  assert_string_equal (g_array_index (ticks, PlotTick, 1).label, second_label);
  plot_scene_free (scene);
}

static void
test_date_ticks (void **state)
{
  /* The C locale: English month names. */
  assert_ticks (julian (2019, 10, 20), julian (2019, 10, 27), 700, "20 Oct 2019", "21 Oct");
  assert_ticks (julian (2019, 1, 15), julian (2019, 12, 15), 700, "Feb 2019", "Mar");
  assert_ticks (julian (2010, 6, 1), julian (2019, 6, 1), 700, "2011", "2012");
  assert_ticks (julian (1948, 1, 1), julian (2019, 1, 1), 700, "1950", "1955");
  assert_ticks (julian (1100, 1, 1), julian (2019, 1, 1), 700, "1100", "1200");
}

static void
test_nice_numbers (void **state)
{
  g_autoptr(GArray) ticks = plot_value_ticks (0, 1500, 500, 0);

  assert_true (plot_nice_step (7, 5) == 2);
  assert_true (plot_nice_step (1000, 4) == 500);
  assert_true (plot_nice_step (0.9, 4) == 0.5);
  assert_int_equal (ticks->len, 4);
  assert_string_equal (g_array_index (ticks, PlotTick, 3).label, "1500");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_unknown_chart),
    cmocka_unit_test (test_bad_size_writes_nothing),
    cmocka_unit_test (test_empty_charts),
    cmocka_unit_test (test_unit_mismatch),
    cmocka_unit_test (test_bad_format),
    cmocka_unit_test (test_files),
    cmocka_unit_test (test_draw_on_cairo),
    cmocka_unit_test (test_series_structure),
    cmocka_unit_test (test_timeline_structure),
    cmocka_unit_test (test_affinity_structure),
    cmocka_unit_test (test_date_ticks),
    cmocka_unit_test (test_nice_numbers),
  };

  return cmocka_run_group_tests_name ("plot", tests, NULL, NULL);
}
