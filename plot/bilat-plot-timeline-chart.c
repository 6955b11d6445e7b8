/* bilat-plot-timeline-chart.c: a chronology of events and exercises on a date axis
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <string.h>

#include "bilat-plot.h"
#include "bilat-plot-layout-private.h"

/**
 * BilatPlotTimelineChart:
 *
 * A chronology on a date axis: each event a mark with a short label,
 * each exercise a span from its first day to its last. An event or
 * exercise known only to the month or the year is drawn as that whole
 * month or year (dashed for a year, and for an exercise), never as its
 * first day. Labels are laid out in
 * rows so that none overlaps another; where there is no room left for a
 * label the mark stays and a note under the chart counts the labels left
 * out. Events of unknown date are listed apart, under the axis.
 *
 * ```python
 * chart = BilatPlot.TimelineChart.new_for_store(store, Bilat.Query.parse("dyad:PAK,RUS"))
 * chart.save_to_file("pak-rus-timeline.svg", BilatPlot.Format.AUTO)
 * ```
 *
 * Since: 1.0
 */

struct _BilatPlotTimelineChart
{
  BilatPlotChart  parent_instance;
  GPtrArray      *events;
  char           *subject;  /* for the default title: the dyad */
};

G_DEFINE_FINAL_TYPE (BilatPlotTimelineChart, bilat_plot_timeline_chart, BILAT_PLOT_TYPE_CHART)

#define LABEL_CHARS 32
#define MAX_UNDATED_LINES 3

typedef enum {
  MARK_DAY,       /* an event of one known day */
  MARK_PERIOD,    /* an event over a month or an interval */
  MARK_YEAR,      /* an event known only to the year */
  MARK_EXERCISE,  /* an exercise of known days */
  MARK_EXERCISE_VAGUE,  /* an exercise known only to the month or year */
} MarkKind;

static const char *const mark_classes[] = {
  "mark event day", "span event period", "span event year", "span exercise",
  "span exercise vague",
};

typedef struct
{
  BilatEvent *event;
  MarkKind    kind;
  guint32     first;
  guint32     last;
  char       *label;
} Mark;

static void
clear_mark (gpointer data)
{
  Mark *mark = data;

  g_free (mark->label);
}

static void
bilat_plot_timeline_chart_finalize (GObject *object)
{
  BilatPlotTimelineChart *self = BILAT_PLOT_TIMELINE_CHART (object);

  g_ptr_array_unref (self->events);
  g_free (self->subject);
  G_OBJECT_CLASS (bilat_plot_timeline_chart_parent_class)->finalize (object);
}

/* The title cut to a few words, or the id. */
static char *
short_label (BilatEvent *event)
{
  const char *title = bilat_event_get_title (event);
  const char *text = title != NULL && *title != '\0' ? title
                   : bilat_record_get_id (BILAT_RECORD (event));
  const char *end;

  if (g_utf8_strlen (text, -1) <= LABEL_CHARS)
    return g_strdup (text);
  end = g_utf8_offset_to_pointer (text, LABEL_CHARS - 1);
  /* Cut at a word where one ends near the limit. */
  for (const char *p = end; p > text && end - p < 12; p = g_utf8_prev_char (p))
    if (*p == ' ')
      {
        end = p;
        break;
      }
  return g_strdup_printf ("%.*s…", (int) (end - text), text);
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const Mark *ma = a, *mb = b;

  if (ma->first != mb->first)
    return ma->first < mb->first ? -1 : 1;
  return (ma->last > mb->last) - (ma->last < mb->last);
}

static MarkKind
mark_kind (BilatEvent *event,
           BilatDate  *date)
{
  if (BILAT_IS_EXERCISE (event))
    return bilat_date_is_interval (date) || bilat_date_get_precision (date) == BILAT_DATE_PRECISION_DAY
           ? MARK_EXERCISE : MARK_EXERCISE_VAGUE;
  if (bilat_date_is_interval (date))
    return MARK_PERIOD;
  switch (bilat_date_get_precision (date))
    {
    case BILAT_DATE_PRECISION_YEAR:
      return MARK_YEAR;
    case BILAT_DATE_PRECISION_MONTH:
      return MARK_PERIOD;
    case BILAT_DATE_PRECISION_DAY:
    default:
      return MARK_DAY;
    }
}

/* The undated events, in rows of labels under a heading. Returns: the
 * height they need; they are drawn only when @draw. */
static double
lay_out_undated (PlotScene *scene,
                 GPtrArray *undated,
                 double     top,
                 gboolean   draw)
{
  double width = plot_scene_get_width (scene);
  double ascent, descent, line_height, x, y, heading_width;
  g_autofree char *heading = NULL;
  guint lines = 1;

  if (undated->len == 0)
    return 0;
  plot_scene_measure (scene, "Xg", PLOT_SMALL_SIZE, FALSE, NULL, &ascent, &descent);
  line_height = ascent + descent + 4;
  heading = g_strdup_printf ("Of unknown date (%u):", undated->len);
  x = PLOT_MARGIN;
  y = top + ascent;
  if (draw)
    {
      PlotItem *item = plot_scene_text (scene, "undated-heading", heading, x, y, PLOT_SMALL_SIZE,
                                        PLOT_ANCHOR_START);

      item->bold = TRUE;
      plot_scene_measure (scene, heading, PLOT_SMALL_SIZE, TRUE, &item->text_width, NULL, NULL);
    }
  plot_scene_measure (scene, heading, PLOT_SMALL_SIZE, TRUE, &heading_width, NULL, NULL);
  x += heading_width + 12;

  for (guint i = 0; i < undated->len; i++)
    {
      BilatEvent *event = g_ptr_array_index (undated, i);
      g_autofree char *label = short_label (event);
      double label_width = plot_scene_text_width (scene, label, PLOT_SMALL_SIZE);

      if (x + label_width > width - PLOT_MARGIN && x > PLOT_MARGIN)
        {
          if (lines == MAX_UNDATED_LINES)
            {
              if (draw)
                {
                  g_autofree char *more = g_strdup_printf ("and %u more", undated->len - i);

                  plot_scene_text (scene, "undated-more", more, x, y, PLOT_SMALL_SIZE, PLOT_ANCHOR_START);
                }
              break;
            }
          lines++;
          x = PLOT_MARGIN + 12;
          y += line_height;
        }
      if (draw)
        plot_item_set_data (plot_scene_text (scene, "undated", label, x, y, PLOT_SMALL_SIZE,
                                             PLOT_ANCHOR_START),
                            "data-id=\"%s\"", bilat_record_get_id (BILAT_RECORD (event)));
      x += label_width + 12;
    }
  return lines * line_height + 6;
}

static void
draw_mark (PlotScene  *scene,
           Mark       *mark,
           double      x0,
           double      x1,
           double      middle,
           double      row_height)
{
  static const PlotColour period_fill = { 0.835, 0.369, 0.000, 0.35 };
  static const PlotColour year_fill = { 0.835, 0.369, 0.000, 0.12 };
  static const PlotColour vague_fill = { 0.000, 0.447, 0.698, 0.25 };
  const char *id = bilat_record_get_id (BILAT_RECORD (mark->event));
  g_autofree char *escaped = g_markup_escape_text (id, -1);
  double h = row_height * 0.55;
  PlotItem *item;

  switch (mark->kind)
    {
    case MARK_DAY:
      item = plot_scene_circle (scene, mark_classes[mark->kind], x0, middle, 4.5,
                                &plot_vermillion, NULL);
      break;
    case MARK_PERIOD:
      item = plot_scene_rect (scene, mark_classes[mark->kind], x0, middle - h / 2,
                              MAX (x1 - x0, 3), h, &period_fill, &plot_vermillion);
      break;
    case MARK_YEAR:
      item = plot_scene_rect (scene, mark_classes[mark->kind], x0, middle - h / 2,
                              MAX (x1 - x0, 3), h, &year_fill, &plot_vermillion);
      item->dash = 3;
      break;
    case MARK_EXERCISE:
      item = plot_scene_rect (scene, mark_classes[mark->kind], x0, middle - h / 2,
                              MAX (x1 - x0, 3), h, &plot_blue, NULL);
      break;
    case MARK_EXERCISE_VAGUE:
    default:
      item = plot_scene_rect (scene, mark_classes[mark->kind], x0, middle - h / 2,
                              MAX (x1 - x0, 3), h, &vague_fill, &plot_blue);
      item->dash = 3;
      break;
    }
  plot_item_set_data (item, "data-id=\"%s\" data-first=\"%u\" data-last=\"%u\"",
                      escaped, mark->first, mark->last);
}

static gboolean
bilat_plot_timeline_chart_build (BilatPlotChart  *chart,
                                 gpointer         data,
                                 GError         **error)
{
  BilatPlotTimelineChart *self = BILAT_PLOT_TIMELINE_CHART (chart);
  PlotScene *scene = data;
  double width = plot_scene_get_width (scene);
  double height = plot_scene_get_height (scene);
  g_autoptr(GArray) marks = g_array_new (FALSE, TRUE, sizeof (Mark));
  g_autoptr(GPtrArray) undated = g_ptr_array_new ();
  g_autoptr(GArray) legend = plot_legend_new ();
  g_autoptr(GArray) ticks = NULL;
  g_autofree double *row_end = NULL;
  g_autofree char *title = NULL;
  gboolean present[G_N_ELEMENTS (mark_classes)] = { FALSE, };
  guint32 first = G_MAXUINT32, last = 0;
  guint n_rows, left_out = 0;
  double top, bottom, left, right, ascent, descent, row_height, undated_height, note_height,
    first_day, last_day, pad;

  g_array_set_clear_func (marks, clear_mark);
  for (guint i = 0; i < self->events->len; i++)
    {
      BilatEvent *event = g_ptr_array_index (self->events, i);
      BilatDate *date = bilat_event_get_date (event);
      Mark mark = { event, MARK_DAY, 0, 0, NULL };

      if (date == NULL)
        {
          g_ptr_array_add (undated, event);
          continue;
        }
      mark.kind = mark_kind (event, date);
      mark.first = bilat_date_get_first_julian (date);
      mark.last = bilat_date_get_last_julian (date);
      mark.label = short_label (event);
      present[mark.kind] = TRUE;
      first = MIN (first, mark.first);
      last = MAX (last, mark.last);
      g_array_append_val (marks, mark);
    }
  if (marks->len == 0)
    {
      if (self->events->len == 0)
        g_set_error (error, BILAT_PLOT_ERROR, BILAT_PLOT_ERROR_EMPTY,
                     "the timeline has no event to draw");
      else
        g_set_error (error, BILAT_PLOT_ERROR, BILAT_PLOT_ERROR_EMPTY,
                     "none of the timeline's %u events has a date to place on the axis",
                     self->events->len);
      return FALSE;
    }
  g_array_sort (marks, compare_marks);

  /* Title, legend */
  title = g_strdup (bilat_plot_chart_get_title (chart));
  if (title == NULL)
    title = self->subject != NULL ? g_strdup_printf ("Chronology: %s", self->subject)
                                  : g_strdup ("Chronology");
  top = plot_draw_title (scene, title);
  if (present[MARK_DAY])
    plot_legend_add (legend, PLOT_SWATCH_DOT, &plot_vermillion, 0, "Event");
  if (present[MARK_PERIOD])
    plot_legend_add (legend, PLOT_SWATCH_HOLLOW_BOX, &plot_vermillion, 0, "Event over a month or a period");
  if (present[MARK_YEAR])
    plot_legend_add (legend, PLOT_SWATCH_HOLLOW_BOX, &plot_vermillion, 3, "Event dated only to a year");
  if (present[MARK_EXERCISE])
    plot_legend_add (legend, PLOT_SWATCH_BOX, &plot_blue, 0, "Exercise");
  if (present[MARK_EXERCISE_VAGUE])
    plot_legend_add (legend, PLOT_SWATCH_HOLLOW_BOX, &plot_blue, 3, "Exercise dated only to a month or year");
  top = plot_draw_legend (scene, legend, top) + 4;

  /* Under the axis: the tick labels, the note, the undated events. */
  plot_scene_measure (scene, "Xg", PLOT_SMALL_SIZE, FALSE, NULL, &ascent, &descent);
  row_height = ascent + descent + 8;
  note_height = ascent + descent + 6;
  undated_height = lay_out_undated (scene, undated, 0, FALSE);
  bottom = height - PLOT_MARGIN - undated_height - note_height - (ascent + descent + 10);
  left = PLOT_MARGIN + 4;
  right = width - PLOT_MARGIN - 4;
  if (bottom - top < row_height || right - left < 40)
    {
      g_set_error (error, BILAT_PLOT_ERROR, BILAT_PLOT_ERROR_SIZE,
                   "the chart's size leaves no room for the timeline under the title and legend");
      return FALSE;
    }

  /* The date axis: a little room either side, a month at least. */
  pad = MAX (15, (last + 1 - first) * 0.03);
  first_day = first - pad;
  last_day = last + 1 + pad;
  ticks = plot_date_ticks (scene, first_day, last_day, right - left);
  plot_draw_x_ticks (scene, ticks, first_day, last_day, left, right, bottom, top);

  /* Rows of marks and labels, each item in the first row with room for it. */
  n_rows = (guint) MAX (1, floor ((bottom - top - 4) / row_height));
  row_end = g_new (double, n_rows);
  for (guint r = 0; r < n_rows; r++)
    row_end[r] = -G_MAXDOUBLE;

  for (guint i = 0; i < marks->len; i++)
    {
      Mark *mark = &g_array_index (marks, Mark, i);
      double x0 = left + (mark->first - first_day) / (last_day - first_day) * (right - left);
      double x1 = left + (mark->last + 1 - first_day) / (last_day - first_day) * (right - left);
      double label_width = plot_scene_text_width (scene, mark->label, PLOT_SMALL_SIZE);
      double mark_right = mark->kind == MARK_DAY ? x0 + 5 : MAX (x1, x0 + 3);
      double mark_left = mark->kind == MARK_DAY ? x0 - 5 : x0;
      double label_x, span_left, span_right, middle;
      gboolean label_left = FALSE, with_label = TRUE;
      guint row = n_rows;

      /* The label right of the mark, or left of it at the right edge. */
      label_x = mark_right + 4;
      span_left = mark_left;
      span_right = label_x + label_width;
      if (span_right > width - PLOT_MARGIN)
        {
          if (mark_left - 4 - label_width >= PLOT_MARGIN)
            {
              label_left = TRUE;
              label_x = mark_left - 4;
              span_left = label_x - label_width;
              span_right = mark_right;
            }
          else
            {
              /* A span as wide as the chart: the label over it. */
              label_x = MAX (PLOT_MARGIN, MIN (mark_left, width - PLOT_MARGIN - label_width));
              span_left = MIN (label_x, mark_left);
              span_right = MAX (label_x + label_width, mark_right);
            }
        }

      for (guint r = 0; r < n_rows && row == n_rows; r++)
        if (row_end[r] + 6 < span_left)
          row = r;
      if (row == n_rows)
        {
          /* No room for the label: the mark alone, in the emptiest row. */
          with_label = FALSE;
          left_out++;
          row = 0;
          for (guint r = 1; r < n_rows; r++)
            if (row_end[r] < row_end[row])
              row = r;
          span_right = mark_right;
        }
      row_end[row] = MAX (row_end[row], span_right);

      middle = top + (row + 0.5) * row_height;
      draw_mark (scene, mark, x0, x1, middle, row_height);
      if (with_label)
        {
          g_autofree char *escaped = g_markup_escape_text (bilat_record_get_id (BILAT_RECORD (mark->event)), -1);

          plot_item_set_data (plot_scene_text (scene, "label", mark->label, label_x,
                                               middle + (ascent - descent) / 2, PLOT_SMALL_SIZE,
                                               label_left ? PLOT_ANCHOR_END : PLOT_ANCHOR_START),
                              "data-id=\"%s\"", escaped);
        }
    }

  if (left_out > 0)
    {
      g_autofree char *note = g_strdup_printf ("%u label%s left out for want of room: "
                                               "a larger size shows them.", left_out,
                                               left_out == 1 ? "" : "s");

      plot_scene_text (scene, "note", note, PLOT_MARGIN, bottom + ascent + descent + 10 + ascent,
                       PLOT_SMALL_SIZE, PLOT_ANCHOR_START);
    }
  lay_out_undated (scene, undated, height - PLOT_MARGIN - undated_height, TRUE);
  return TRUE;
}

static void
bilat_plot_timeline_chart_class_init (BilatPlotTimelineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BilatPlotChartClass *chart_class = BILAT_PLOT_CHART_CLASS (klass);

  object_class->finalize = bilat_plot_timeline_chart_finalize;
  chart_class->build = bilat_plot_timeline_chart_build;
}

static void
bilat_plot_timeline_chart_init (BilatPlotTimelineChart *self)
{
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * bilat_plot_timeline_chart_new:
 *
 * Makes a timeline without events: add them with
 * [method@BilatPlot.TimelineChart.add_event] or
 * [method@BilatPlot.TimelineChart.add_events].
 *
 * Returns: (transfer full): a new [class@BilatPlot.TimelineChart]
 *
 * Since: 1.0
 */
BilatPlotTimelineChart *
bilat_plot_timeline_chart_new (void)
{
  return g_object_new (BILAT_PLOT_TYPE_TIMELINE_CHART, NULL);
}

/**
 * bilat_plot_timeline_chart_new_for_store:
 * @store: a [class@Bilat.Store]
 * @query: (nullable): the events to draw, or %NULL for all
 *
 * Makes a timeline of the events of @store that match @query, as
 * [method@Bilat.Store.find_events] finds them; its default title names
 * the dyad of @query when it has one.
 *
 * Returns: (transfer full): a new [class@BilatPlot.TimelineChart]
 *
 * Since: 1.0
 */
BilatPlotTimelineChart *
bilat_plot_timeline_chart_new_for_store (BilatStore *store,
                                         BilatQuery *query)
{
  BilatPlotTimelineChart *self;
  g_autoptr(GListModel) events = NULL;
  const char *a, *b;

  g_return_val_if_fail (BILAT_IS_STORE (store), NULL);
  g_return_val_if_fail (query == NULL || BILAT_IS_QUERY (query), NULL);

  self = bilat_plot_timeline_chart_new ();
  events = bilat_store_find_events (store, query);
  bilat_plot_timeline_chart_add_events (self, events);
  if (query != NULL && bilat_query_get_dyad (query, &a, &b))
    self->subject = g_strdup_printf ("%s–%s", a, b);
  return self;
}

/**
 * bilat_plot_timeline_chart_add_event:
 * @self: a [class@BilatPlot.TimelineChart]
 * @event: a [class@Bilat.Event] or [class@Bilat.Exercise]
 *
 * Adds an event to the timeline; an exercise is drawn as a span.
 *
 * Since: 1.0
 */
void
bilat_plot_timeline_chart_add_event (BilatPlotTimelineChart *self,
                                     BilatEvent             *event)
{
  g_return_if_fail (BILAT_PLOT_IS_TIMELINE_CHART (self));
  g_return_if_fail (BILAT_IS_EVENT (event));

  g_ptr_array_add (self->events, g_object_ref (event));
}

/**
 * bilat_plot_timeline_chart_add_events:
 * @self: a [class@BilatPlot.TimelineChart]
 * @events: a [iface@Gio.ListModel] of [class@Bilat.Event]
 *
 * Adds every event of @events to the timeline.
 *
 * Since: 1.0
 */
void
bilat_plot_timeline_chart_add_events (BilatPlotTimelineChart *self,
                                      GListModel             *events)
{
  guint n;

  g_return_if_fail (BILAT_PLOT_IS_TIMELINE_CHART (self));
  g_return_if_fail (G_IS_LIST_MODEL (events));

  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (events, i);

      if (BILAT_IS_EVENT (item))
        g_ptr_array_add (self->events, g_object_ref (item));
    }
}

/**
 * bilat_plot_timeline_chart_get_n_events:
 * @self: a [class@BilatPlot.TimelineChart]
 *
 * Counts the events added to the timeline.
 *
 * Returns: how many events the timeline has, dated or not
 *
 * Since: 1.0
 */
guint
bilat_plot_timeline_chart_get_n_events (BilatPlotTimelineChart *self)
{
  g_return_val_if_fail (BILAT_PLOT_IS_TIMELINE_CHART (self), 0);
  return self->events->len;
}
