/* bilat-plot-layout.c: titles, legends and axes shared by the charts
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <locale.h>
#include <math.h>

#include "bilat-plot-layout-private.h"

static void
clear_legend_entry (gpointer data)
{
  PlotLegendEntry *entry = data;

  g_free (entry->label);
}

static void
clear_tick (gpointer data)
{
  PlotTick *tick = data;

  g_free (tick->label);
}

GArray *
plot_legend_new (void)
{
  GArray *legend = g_array_new (FALSE, TRUE, sizeof (PlotLegendEntry));

  g_array_set_clear_func (legend, clear_legend_entry);
  return legend;
}

void
plot_legend_add (GArray           *legend,
                 PlotSwatch        swatch,
                 const PlotColour *colour,
                 double            dash,
                 const char       *label)
{
  PlotLegendEntry entry = { swatch, colour, dash, g_strdup (label) };

  g_array_append_val (legend, entry);
}

GArray *
plot_ticks_new (void)
{
  GArray *ticks = g_array_new (FALSE, TRUE, sizeof (PlotTick));

  g_array_set_clear_func (ticks, clear_tick);
  return ticks;
}

/* Takes @label. */
void
plot_ticks_add (GArray *ticks,
                double  value,
                char   *label)
{
  PlotTick tick = { value, label };

  g_array_append_val (ticks, tick);
}

/* Returns: the y below the title. */
double
plot_draw_title (PlotScene  *scene,
                 const char *title)
{
  double ascent, descent;
  PlotItem *item;

  if (title == NULL || *title == '\0')
    return PLOT_MARGIN;
  plot_scene_measure (scene, title, PLOT_TITLE_SIZE, TRUE, NULL, &ascent, &descent);
  item = plot_scene_text (scene, "title", title, plot_scene_get_width (scene) / 2,
                          PLOT_MARGIN + ascent, PLOT_TITLE_SIZE, PLOT_ANCHOR_MIDDLE);
  item->bold = TRUE;
  plot_scene_measure (scene, title, PLOT_TITLE_SIZE, TRUE, &item->text_width, NULL, NULL);
  return PLOT_MARGIN + ascent + descent + 6;
}

#define SWATCH_WIDTH 22.0
#define SWATCH_GAP 6.0
#define ENTRY_GAP 18.0

static void
draw_swatch (PlotScene       *scene,
             PlotLegendEntry *entry,
             double           x,
             double           middle)
{
  PlotItem *item = NULL;

  switch (entry->swatch)
    {
    case PLOT_SWATCH_NONE:
      return;
    case PLOT_SWATCH_BOX:
      item = plot_scene_rect (scene, "legend-swatch", x + 4, middle - 6, SWATCH_WIDTH - 8, 12,
                              entry->colour, NULL);
      break;
    case PLOT_SWATCH_HOLLOW_BOX:
      item = plot_scene_rect (scene, "legend-swatch", x + 1, middle - 5, SWATCH_WIDTH - 2, 10,
                              &plot_white, entry->colour);
      item->line_width = 1.5;
      item->dash = entry->dash;
      break;
    case PLOT_SWATCH_LINE:
      item = plot_scene_line (scene, "legend-swatch", x, middle, x + SWATCH_WIDTH, middle,
                              entry->colour, 2);
      item->dash = entry->dash;
      break;
    case PLOT_SWATCH_DOT:
      item = plot_scene_circle (scene, "legend-swatch", x + SWATCH_WIDTH / 2, middle, 4,
                                entry->colour, NULL);
      break;
    case PLOT_SWATCH_RING:
      item = plot_scene_circle (scene, "legend-swatch", x + SWATCH_WIDTH / 2, middle, 4,
                                &plot_white, entry->colour);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The entries in rows as wide as the chart, centred. Returns: the y below. */
double
plot_draw_legend (PlotScene *scene,
                  GArray    *legend,
                  double     top)
{
  double width = plot_scene_get_width (scene) - 2 * PLOT_MARGIN;
  double ascent, descent, line_height;
  guint first = 0;
  double y = top;

  plot_scene_measure (scene, "Xg", PLOT_SMALL_SIZE, FALSE, NULL, &ascent, &descent);
  line_height = ascent + descent + 6;

  while (first < legend->len)
    {
      double row_width = 0;
      guint last = first;
      double x;

      /* As many entries as fit, at least one. */
      for (; last < legend->len; last++)
        {
          PlotLegendEntry *entry = &g_array_index (legend, PlotLegendEntry, last);
          double entry_width = plot_scene_text_width (scene, entry->label, PLOT_SMALL_SIZE) +
                               (entry->swatch != PLOT_SWATCH_NONE ? SWATCH_WIDTH + SWATCH_GAP : 0);
          double needed = row_width + (last > first ? ENTRY_GAP : 0) + entry_width;

          if (last > first && needed > width)
            break;
          row_width = needed;
        }

      x = PLOT_MARGIN + MAX (0, (width - row_width) / 2);
      for (guint i = first; i < last; i++)
        {
          PlotLegendEntry *entry = &g_array_index (legend, PlotLegendEntry, i);
          double middle = y + line_height / 2;

          draw_swatch (scene, entry, x, middle);
          if (entry->swatch != PLOT_SWATCH_NONE)
            x += SWATCH_WIDTH + SWATCH_GAP;
          x += plot_scene_text (scene, "legend-label", entry->label, x,
                                middle + (ascent - descent) / 2, PLOT_SMALL_SIZE,
                                PLOT_ANCHOR_START)->text_width;
          x += ENTRY_GAP;
        }
      y += line_height;
      first = last;
    }
  return y + 4;
}

/* A step of 1, 2 or 5 times a power of ten that cuts @range into at most
 * @max_ticks parts. */
double
plot_nice_step (double range,
                guint  max_ticks)
{
  double rough, power, fraction;

  if (range <= 0 || max_ticks == 0)
    return 1;
  rough = range / max_ticks;
  power = pow (10, floor (log10 (rough)));
  fraction = rough / power;
  if (fraction <= 1)
    return power;
  if (fraction <= 2)
    return 2 * power;
  if (fraction <= 5)
    return 5 * power;
  return 10 * power;
}

GArray *
plot_value_ticks (double min,
                  double max,
                  double step,
                  int    decimals)
{
  GArray *ticks = plot_ticks_new ();

  for (double v = ceil (min / step - 1e-9) * step; v <= max + step * 1e-9; v += step)
    plot_ticks_add (ticks, fabs (v) < step * 1e-9 ? 0 : v, plot_format_number (v, decimals));
  return ticks;
}

double
plot_ticks_max_width (PlotScene *scene,
                      GArray    *ticks)
{
  double widest = 0;

  for (guint i = 0; i < ticks->len; i++)
    widest = MAX (widest, plot_scene_text_width (scene, g_array_index (ticks, PlotTick, i).label,
                                                 PLOT_SMALL_SIZE));
  return widest;
}

/* A vertical axis at @x, its labels left of it (or right with @right),
 * and grid lines from @grid_left to @grid_right unless they are equal. */
void
plot_draw_value_axis (PlotScene  *scene,
                      const char *axis,
                      GArray     *ticks,
                      double      min,
                      double      max,
                      double      x,
                      double      top,
                      double      bottom,
                      gboolean    right,
                      double      grid_left,
                      double      grid_right)
{
  g_autofree char *line_class = g_strdup_printf ("axis %s", axis);
  g_autofree char *tick_class = g_strdup_printf ("tick %s", axis);
  g_autofree char *grid_class = g_strdup_printf ("grid %s", axis);
  double ascent, descent;

  plot_scene_measure (scene, "0", PLOT_SMALL_SIZE, FALSE, NULL, &ascent, &descent);
  for (guint i = 0; i < ticks->len; i++)
    {
      PlotTick *tick = &g_array_index (ticks, PlotTick, i);
      double y = bottom - (tick->value - min) / (max - min) * (bottom - top);

      if (grid_left != grid_right)
        plot_scene_line (scene, grid_class, grid_left, y, grid_right, y, &plot_light_grey, 1);
      plot_scene_line (scene, "tick-mark", x, y, right ? x + 4 : x - 4, y, &plot_black, 1);
      plot_scene_text (scene, tick_class, tick->label, right ? x + 6 : x - 6,
                       y + (ascent - descent) / 2, PLOT_SMALL_SIZE,
                       right ? PLOT_ANCHOR_START : PLOT_ANCHOR_END);
    }
  plot_scene_line (scene, line_class, x, top, x, bottom, &plot_black, 1);
}

/* A title along a vertical axis, its baseline at @x. */
void
plot_draw_axis_title (PlotScene  *scene,
                      const char *axis,
                      const char *title,
                      double      x,
                      double      top,
                      double      bottom)
{
  g_autofree char *cls = g_strdup_printf ("axis-title %s", axis);
  PlotItem *item = plot_scene_text (scene, cls, title, x, (top + bottom) / 2,
                                    PLOT_TEXT_SIZE, PLOT_ANCHOR_MIDDLE);

  item->vertical = TRUE;
}

/* Ticks on a horizontal axis from @first to @last, the values mapped
 * linearly to @left … @right, with vertical grid lines up to @grid_top
 * (none when it is @y). */
void
plot_draw_x_ticks (PlotScene *scene,
                   GArray    *ticks,
                   double     first,
                   double     last,
                   double     left,
                   double     right,
                   double     y,
                   double     grid_top)
{
  double ascent;

  plot_scene_measure (scene, "0", PLOT_SMALL_SIZE, FALSE, NULL, &ascent, NULL);
  for (guint i = 0; i < ticks->len; i++)
    {
      PlotTick *tick = &g_array_index (ticks, PlotTick, i);
      double x = last > first ? left + (tick->value - first) / (last - first) * (right - left)
                              : (left + right) / 2;

      if (grid_top != y)
        plot_scene_line (scene, "grid x", x, grid_top, x, y, &plot_light_grey, 1);
      plot_scene_line (scene, "tick-mark", x, y, x, y + 4, &plot_black, 1);
      plot_scene_text (scene, "tick x", tick->label, x, y + 6 + ascent, PLOT_SMALL_SIZE,
                       PLOT_ANCHOR_MIDDLE);
    }
  plot_scene_line (scene, "axis x", left, y, right, y, &plot_black, 1);
}

/* In the user's locale: its decimal mark (printf's) and its thousands
 * separator, every three digits. */
char *
plot_format_number (double value,
                    int    decimals)
{
  g_autofree char *plain = NULL;
  const char *separator = localeconv ()->thousands_sep;
  GString *text;
  const char *digits, *end;

  if (fabs (value) < 0.5 * pow (10, -decimals))
    value = 0;
  plain = g_strdup_printf ("%.*f", decimals, value);
  if (separator == NULL || *separator == '\0')
    return g_steal_pointer (&plain);

  text = g_string_new (NULL);
  digits = plain;
  if (*digits == '-')
    g_string_append_c (text, *digits++);
  for (end = digits; g_ascii_isdigit (*end); end++)
    ;
  for (const char *p = digits; p < end; p++)
    {
      g_string_append_c (text, *p);
      if (end - p > 1 && (end - p - 1) % 3 == 0)
        g_string_append (text, separator);
    }
  g_string_append (text, end);
  return g_string_free (text, FALSE);
}

char *
plot_format_julian (guint32     julian_day,
                    const char *format)
{
  GDate date;
  g_autoptr(GDateTime) time = NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);
  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);
  if (time == NULL)
    return g_strdup_printf ("%u", g_date_get_year (&date));
  return g_date_time_format (time, format);
}

/* Date ticks */

typedef enum {
  STEP_DAYS,
  STEP_MONTHS,
  STEP_YEARS,
} StepUnit;

typedef struct
{
  StepUnit unit;
  guint    n;
} DateStep;

static const DateStep date_steps[] = {
  { STEP_DAYS, 1 }, { STEP_DAYS, 2 }, { STEP_DAYS, 7 }, { STEP_DAYS, 14 },
  { STEP_MONTHS, 1 }, { STEP_MONTHS, 2 }, { STEP_MONTHS, 3 }, { STEP_MONTHS, 6 },
  { STEP_YEARS, 1 }, { STEP_YEARS, 2 }, { STEP_YEARS, 5 }, { STEP_YEARS, 10 },
  { STEP_YEARS, 20 }, { STEP_YEARS, 25 }, { STEP_YEARS, 50 }, { STEP_YEARS, 100 },
  { STEP_YEARS, 200 }, { STEP_YEARS, 250 }, { STEP_YEARS, 500 }, { STEP_YEARS, 1000 },
};

static GArray *
ticks_for_step (const DateStep *step,
                double          first_day,
                double          last_day)
{
  GArray *ticks = plot_ticks_new ();
  GDate date;
  guint32 first = (guint32) MAX (1, ceil (first_day));
  guint32 last = (guint32) MAX (1, floor (last_day));
  int previous_year = -1;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, first);
  /* Move to the first tick on or after the first day. */
  switch (step->unit)
    {
    case STEP_DAYS:
      if (step->n >= 7)
        while (g_date_get_weekday (&date) != G_DATE_MONDAY)
          g_date_add_days (&date, 1);
      break;
    case STEP_MONTHS:
      if (g_date_get_day (&date) != 1)
        {
          g_date_set_day (&date, 1);
          g_date_add_months (&date, 1);
        }
      while ((g_date_get_month (&date) - 1) % step->n != 0)
        g_date_add_months (&date, 1);
      break;
    case STEP_YEARS:
      if (g_date_get_day (&date) != 1 || g_date_get_month (&date) != G_DATE_JANUARY)
        g_date_set_dmy (&date, 1, G_DATE_JANUARY, g_date_get_year (&date) + 1);
      while (g_date_get_year (&date) % step->n != 0)
        g_date_set_year (&date, g_date_get_year (&date) + 1);
      break;
    default:
      g_assert_not_reached ();
    }

  while (g_date_valid (&date) && g_date_get_julian (&date) <= last && ticks->len < 1000)
    {
      guint32 day = g_date_get_julian (&date);
      int year = g_date_get_year (&date);
      const char *format;

      /* The year is named where it changes, and on the first tick. */
      switch (step->unit)
        {
        case STEP_DAYS:
          format = year != previous_year ? "%-d %b %Y" : "%-d %b";
          break;
        case STEP_MONTHS:
          format = year != previous_year ? "%b %Y" : "%b";
          break;
        case STEP_YEARS:
        default:
          format = "%Y";
          break;
        }
      plot_ticks_add (ticks, day, plot_format_julian (day, format));
      previous_year = year;

      switch (step->unit)
        {
        case STEP_DAYS:
          g_date_add_days (&date, step->n);
          break;
        case STEP_MONTHS:
          g_date_add_months (&date, step->n);
          break;
        case STEP_YEARS:
        default:
          if (year + step->n > 9999)
            return ticks;
          g_date_add_years (&date, step->n);
          break;
        }
    }
  return ticks;
}

/* Whether the labels of @ticks, placed on @pixels for @first_day …
 * @last_day, leave room between them. */
static gboolean
ticks_fit (PlotScene *scene,
           GArray    *ticks,
           double     first_day,
           double     last_day,
           double     pixels)
{
  double previous_right = -G_MAXDOUBLE;
  double scale = pixels / MAX (1, last_day - first_day);

  for (guint i = 0; i < ticks->len; i++)
    {
      PlotTick *tick = &g_array_index (ticks, PlotTick, i);
      double width = plot_scene_text_width (scene, tick->label, PLOT_SMALL_SIZE);
      double x = (tick->value - first_day) * scale;

      if (x - width / 2 < previous_right + 10)
        return FALSE;
      previous_right = x + width / 2;
    }
  return TRUE;
}

/* The finest calendar ticks (days, weeks, months, quarters, years,
 * decades, centuries …) whose labels do not touch. */
GArray *
plot_date_ticks (PlotScene *scene,
                 double     first_day,
                 double     last_day,
                 double     pixels)
{
  /* The steps go from fine to coarse: the first that fits has the most
   * ticks. */
  for (guint i = 0; i < G_N_ELEMENTS (date_steps); i++)
    {
      GArray *ticks = ticks_for_step (&date_steps[i], first_day, last_day);

      if (ticks->len >= 1 && ticks->len <= 1 + pixels / 40 &&
          ticks_fit (scene, ticks, first_day, last_day, pixels))
        return ticks;
      g_array_unref (ticks);
    }
  return plot_ticks_new ();
}
