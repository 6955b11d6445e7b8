/* bilat-plot-scene.c: the items of a chart, painted with cairo or written as SVG
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "bilat-plot-scene-private.h"

#define FONT_FAMILY "Sans"
#define SVG_FONT_FAMILY "DejaVu Sans, Verdana, sans-serif"

const PlotColour plot_black          = { 0.000, 0.000, 0.000, 1 };
const PlotColour plot_orange         = { 0.902, 0.624, 0.000, 1 };
const PlotColour plot_sky_blue       = { 0.337, 0.706, 0.914, 1 };
const PlotColour plot_bluish_green   = { 0.000, 0.620, 0.451, 1 };
const PlotColour plot_yellow         = { 0.941, 0.894, 0.259, 1 };
const PlotColour plot_blue           = { 0.000, 0.447, 0.698, 1 };
const PlotColour plot_vermillion     = { 0.835, 0.369, 0.000, 1 };
const PlotColour plot_reddish_purple = { 0.800, 0.475, 0.655, 1 };
const PlotColour plot_grey           = { 0.600, 0.600, 0.600, 1 };
const PlotColour plot_light_grey     = { 0.880, 0.880, 0.880, 1 };
const PlotColour plot_white          = { 1.000, 1.000, 1.000, 1 };

const PlotColour *
plot_line_colour (guint i)
{
  /* Okabe–Ito order, black first, yellow last (weak on white). */
  static const PlotColour *const colours[] = {
    &plot_black, &plot_vermillion, &plot_blue, &plot_bluish_green,
    &plot_reddish_purple, &plot_orange, &plot_sky_blue, &plot_yellow,
  };

  return colours[i % G_N_ELEMENTS (colours)];
}

struct _PlotScene
{
  double        width;
  double        height;
  GPtrArray    *items;
  PangoContext *pango;
};

static void
plot_item_free (gpointer data)
{
  PlotItem *item = data;

  g_free (item->cls);
  g_free (item->data);
  g_free (item->text);
  if (item->points != NULL)
    g_array_unref (item->points);
  g_free (item);
}

PlotScene *
plot_scene_new (double width,
                double height)
{
  PlotScene *scene = g_new0 (PlotScene, 1);
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();

  scene->width = width;
  scene->height = height;
  scene->items = g_ptr_array_new_with_free_func (plot_item_free);
  scene->pango = pango_font_map_create_context (font_map);
  /* Unhinted metrics: a text is as wide on every surface and in the SVG. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (scene->pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (scene->pango, pango_language_get_default ());
  return scene;
}

void
plot_scene_free (PlotScene *scene)
{
  if (scene == NULL)
    return;
  g_ptr_array_unref (scene->items);
  g_object_unref (scene->pango);
  g_free (scene);
}

double
plot_scene_get_width (PlotScene *scene)
{
  return scene->width;
}

double
plot_scene_get_height (PlotScene *scene)
{
  return scene->height;
}

static PangoLayout *
make_layout (PangoContext *context,
             const char   *text,
             double        size,
             gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family_static (font, FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

void
plot_scene_measure (PlotScene  *scene,
                    const char *text,
                    double      size,
                    gboolean    bold,
                    double     *width,
                    double     *ascent,
                    double     *descent)
{
  PangoLayout *layout = make_layout (scene->pango, text, size, bold);
  PangoRectangle logical;
  double baseline = pango_layout_get_baseline (layout) / (double) PANGO_SCALE;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width / (double) PANGO_SCALE;
  if (ascent != NULL)
    *ascent = baseline;
  if (descent != NULL)
    *descent = logical.height / (double) PANGO_SCALE - baseline;
  g_object_unref (layout);
}

double
plot_scene_text_width (PlotScene  *scene,
                       const char *text,
                       double      size)
{
  double width;

  plot_scene_measure (scene, text, size, FALSE, &width, NULL, NULL);
  return width;
}

static PlotItem *
add_item (PlotScene    *scene,
          PlotItemKind  kind,
          const char   *cls)
{
  PlotItem *item = g_new0 (PlotItem, 1);

  item->kind = kind;
  item->cls = g_strdup (cls);
  item->line_width = 1;
  g_ptr_array_add (scene->items, item);
  return item;
}

/* A rectangle, or a circle of centre (x, y) and radius w. */
static PlotItem *
add_shape (PlotScene        *scene,
           PlotItemKind      kind,
           const char       *cls,
           double            x,
           double            y,
           double            w,
           double            h,
           const PlotColour *fill,
           const PlotColour *stroke)
{
  PlotItem *item = add_item (scene, kind, cls);

  item->x = x;
  item->y = y;
  item->w = w;
  item->h = h;
  if (fill != NULL)
    item->fill = *fill;
  if (stroke != NULL)
    item->stroke = *stroke;
  return item;
}

PlotItem *
plot_scene_rect (PlotScene        *scene,
                 const char       *cls,
                 double            x,
                 double            y,
                 double            w,
                 double            h,
                 const PlotColour *fill,
                 const PlotColour *stroke)
{
  return add_shape (scene, PLOT_ITEM_RECT, cls, x, y, w, h, fill, stroke);
}

PlotItem *
plot_scene_path (PlotScene        *scene,
                 const char       *cls,
                 GArray           *points,
                 const PlotColour *stroke,
                 double            line_width,
                 double            dash)
{
  PlotItem *item = add_item (scene, PLOT_ITEM_PATH, cls);

  /* A copy: the caller reuses its array for the next path. */
  item->points = g_array_copy (points);
  item->stroke = *stroke;
  item->line_width = line_width;
  item->dash = dash;
  return item;
}

PlotItem *
plot_scene_line (PlotScene        *scene,
                 const char       *cls,
                 double            x1,
                 double            y1,
                 double            x2,
                 double            y2,
                 const PlotColour *stroke,
                 double            line_width)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  double coords[] = { x1, y1, x2, y2 };

  g_array_append_vals (points, coords, G_N_ELEMENTS (coords));
  return plot_scene_path (scene, cls, points, stroke, line_width, 0);
}

PlotItem *
plot_scene_circle (PlotScene        *scene,
                   const char       *cls,
                   double            cx,
                   double            cy,
                   double            radius,
                   const PlotColour *fill,
                   const PlotColour *stroke)
{
  PlotItem *item = add_shape (scene, PLOT_ITEM_CIRCLE, cls, cx, cy, radius, 0, fill, stroke);

  item->line_width = 1.5;
  return item;
}

PlotItem *
plot_scene_text (PlotScene   *scene,
                 const char  *cls,
                 const char  *text,
                 double       x,
                 double       y,
                 double       size,
                 PlotAnchor   anchor)
{
  PlotItem *item = add_item (scene, PLOT_ITEM_TEXT, cls);

  item->text = g_strdup (text);
  item->x = x;
  item->y = y;
  item->size = size;
  item->anchor = anchor;
  item->fill = plot_black;
  plot_scene_measure (scene, text, size, FALSE, &item->text_width, &item->ascent, &item->descent);
  return item;
}

void
plot_item_set_data (PlotItem   *item,
                    const char *format,
                    ...)
{
  va_list args;

  g_free (item->data);
  va_start (args, format);
  item->data = g_strdup_vprintf (format, args);
  va_end (args);
}

/* Painting */

static void
set_source (cairo_t          *cr,
            const PlotColour *colour)
{
  cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, colour->a);
}

static void
fill_and_stroke (cairo_t  *cr,
                 PlotItem *item)
{
  if (item->fill.a > 0)
    {
      set_source (cr, &item->fill);
      if (item->stroke.a > 0)
        cairo_fill_preserve (cr);
      else
        cairo_fill (cr);
    }
  if (item->stroke.a > 0)
    {
      set_source (cr, &item->stroke);
      cairo_set_line_width (cr, item->line_width);
      if (item->dash > 0)
        cairo_set_dash (cr, &item->dash, 1, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  cairo_new_path (cr);
}

static void
draw_text (cairo_t  *cr,
           PlotItem *item)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_new ();
  PangoRectangle logical;
  double width, baseline;

  pango_font_description_set_family_static (font, FONT_FAMILY);
  pango_font_description_set_absolute_size (font, item->size * PANGO_SCALE);
  pango_font_description_set_weight (font, item->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, item->text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  width = logical.width / (double) PANGO_SCALE;
  baseline = pango_layout_get_baseline (layout) / (double) PANGO_SCALE;

  cairo_save (cr);
  cairo_translate (cr, item->x, item->y);
  if (item->vertical)
    cairo_rotate (cr, -G_PI / 2);
  cairo_move_to (cr, -width * item->anchor / 2.0, -baseline);
  set_source (cr, &item->fill);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  g_object_unref (layout);
}

void
plot_scene_draw (PlotScene *scene,
                 cairo_t   *cr)
{
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < scene->items->len; i++)
    {
      PlotItem *item = g_ptr_array_index (scene->items, i);

      switch (item->kind)
        {
        case PLOT_ITEM_RECT:
          cairo_rectangle (cr, item->x, item->y, item->w, item->h);
          fill_and_stroke (cr, item);
          break;
        case PLOT_ITEM_CIRCLE:
          cairo_new_sub_path (cr);
          cairo_arc (cr, item->x, item->y, item->w, 0, 2 * G_PI);
          fill_and_stroke (cr, item);
          break;
        case PLOT_ITEM_PATH:
          for (guint p = 0; p + 1 < item->points->len; p += 2)
            {
              double x = g_array_index (item->points, double, p);
              double y = g_array_index (item->points, double, p + 1);

              if (p == 0)
                cairo_move_to (cr, x, y);
              else
                cairo_line_to (cr, x, y);
            }
          fill_and_stroke (cr, item);
          break;
        case PLOT_ITEM_TEXT:
          draw_text (cr, item);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  cairo_restore (cr);
}

/* SVG */

static void
append_number (GString *svg,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Two decimals are finer than any screen; the C locale's point always. */
  if (fabs (value) < 0.005)
    value = 0;
  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  /* 12.50 → 12.5, 12.00 → 12 */
  if (strchr (buffer, '.') != NULL)
    {
      char *end = buffer + strlen (buffer) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  g_string_append (svg, buffer);
}

static void
append_attribute (GString    *svg,
                  const char *name,
                  double      value)
{
  g_string_append_printf (svg, " %s=\"", name);
  append_number (svg, value);
  g_string_append_c (svg, '"');
}

static void
append_colour (GString          *svg,
               const char       *name,
               const PlotColour *colour)
{
  if (colour->a <= 0)
    {
      g_string_append_printf (svg, " %s=\"none\"", name);
      return;
    }
  g_string_append_printf (svg, " %s=\"#%02x%02x%02x\"", name,
                          (guint) lround (colour->r * 255), (guint) lround (colour->g * 255),
                          (guint) lround (colour->b * 255));
  if (colour->a < 1)
    {
      g_string_append_printf (svg, " %s-opacity=\"", name);
      append_number (svg, colour->a);
      g_string_append_c (svg, '"');
    }
}

static void
append_paint (GString  *svg,
              PlotItem *item)
{
  append_colour (svg, "fill", &item->fill);
  append_colour (svg, "stroke", &item->stroke);
  if (item->stroke.a > 0)
    {
      append_attribute (svg, "stroke-width", item->line_width);
      if (item->dash > 0)
        append_attribute (svg, "stroke-dasharray", item->dash);
    }
}

static void
append_common (GString  *svg,
               PlotItem *item)
{
  if (item->cls != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (item->cls, -1);

      g_string_append_printf (svg, " class=\"%s\"", escaped);
    }
  if (item->data != NULL)
    g_string_append_printf (svg, " %s", item->data);
}

/* A <rect> or a <circle>. */
static void
append_shape (GString  *svg,
              PlotItem *item)
{
  gboolean rect = item->kind == PLOT_ITEM_RECT;

  g_string_append (svg, rect ? "<rect" : "<circle");
  append_common (svg, item);
  append_attribute (svg, rect ? "x" : "cx", item->x);
  append_attribute (svg, rect ? "y" : "cy", item->y);
  if (rect)
    {
      append_attribute (svg, "width", item->w);
      append_attribute (svg, "height", item->h);
    }
  else
    append_attribute (svg, "r", item->w);
  append_paint (svg, item);
  g_string_append (svg, "/>\n");
}

static void
append_text (GString  *svg,
             PlotItem *item)
{
  static const char *const anchors[] = { "start", "middle", "end" };
  g_autofree char *escaped = g_markup_escape_text (item->text, -1);

  g_string_append (svg, "<text");
  append_common (svg, item);
  append_attribute (svg, "x", item->x);
  append_attribute (svg, "y", item->y);
  append_attribute (svg, "font-size", item->size);
  if (item->bold)
    g_string_append (svg, " font-weight=\"bold\"");
  g_string_append_printf (svg, " text-anchor=\"%s\"", anchors[item->anchor]);
  /* The width Pango measured: a viewer with other fonts still fits the
   * text where the layout left room for it. */
  if (item->text_width > 0)
    {
      append_attribute (svg, "textLength", item->text_width);
      g_string_append (svg, " lengthAdjust=\"spacingAndGlyphs\"");
    }
  if (item->vertical)
    {
      g_string_append (svg, " transform=\"rotate(-90 ");
      append_number (svg, item->x);
      g_string_append_c (svg, ' ');
      append_number (svg, item->y);
      g_string_append (svg, ")\"");
    }
  append_colour (svg, "fill", &item->fill);
  g_string_append_printf (svg, ">%s</text>\n", escaped);
}

char *
plot_scene_to_svg (PlotScene  *scene,
                   double      scale,
                   const char *unit_suffix,
                   gsize      *length)
{
  GString *svg = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  g_string_append (svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"");
  append_number (svg, scene->width * scale);
  g_string_append_printf (svg, "%s\" height=\"", unit_suffix);
  append_number (svg, scene->height * scale);
  g_string_append_printf (svg, "%s\" viewBox=\"0 0 ", unit_suffix);
  append_number (svg, scene->width);
  g_string_append_c (svg, ' ');
  append_number (svg, scene->height);
  g_string_append_printf (svg, "\" font-family=\"%s\">\n", SVG_FONT_FAMILY);

  for (guint i = 0; i < scene->items->len; i++)
    {
      PlotItem *item = g_ptr_array_index (scene->items, i);

      switch (item->kind)
        {
        case PLOT_ITEM_RECT:
        case PLOT_ITEM_CIRCLE:
          append_shape (svg, item);
          break;
        case PLOT_ITEM_PATH:
          g_string_append (svg, "<path");
          append_common (svg, item);
          g_string_append (svg, " d=\"");
          for (guint p = 0; p + 1 < item->points->len; p += 2)
            {
              g_string_append (svg, p == 0 ? "M" : " L");
              append_number (svg, g_array_index (item->points, double, p));
              g_string_append_c (svg, ' ');
              append_number (svg, g_array_index (item->points, double, p + 1));
            }
          g_string_append_c (svg, '"');
          append_paint (svg, item);
          g_string_append (svg, "/>\n");
          break;
        case PLOT_ITEM_TEXT:
          append_text (svg, item);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_string_append (svg, "</svg>\n");
  if (length != NULL)
    *length = svg->len;
  return g_string_free (svg, FALSE);
}
