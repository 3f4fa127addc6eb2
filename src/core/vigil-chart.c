/* vigil-chart.c — bar, line and donut charts drawn with cairo and Pango
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sizes are in cairo units: pixels in a widget, points in a PDF.  The text
 * size comes from the style's font, so a chart reads the same next to the
 * widgets around it, and grows in presentation mode.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "vigil-chart.h"

typedef struct
{
  char       *label;
  char       *filter;
  gboolean    has_color;
  VigilColor  color;
} Category;

typedef struct
{
  char       *name;
  VigilColor  color;
  GArray     *values;   /* double per category */
  GPtrArray  *filters;  /* char * per category, may be NULL */
} Series;

typedef struct
{
  double x, y, w, h;    /* donut: x, w = start and end angles */
  guint  series;
  guint  category;
  gboolean angular;
} Hit;

struct _VigilChart
{
  VigilChartKind  kind;
  char           *title;
  GArray         *categories;
  GPtrArray      *series;
  GArray         *hits;
  double          cx, cy, r_out, r_in;  /* the donut of the last drawing */
};

static void
clear_category (gpointer data)
{
  Category *c = data;
  g_free (c->label);
  g_free (c->filter);
}

static void
series_free (gpointer data)
{
  Series *s = data;
  g_free (s->name);
  g_array_unref (s->values);
  g_ptr_array_unref (s->filters);
  g_free (s);
}

VigilChart *
vigil_chart_new (VigilChartKind  kind,
                 const char     *title)
{
  VigilChart *chart = g_new0 (VigilChart, 1);

  chart->kind = kind;
  chart->title = g_strdup (title ? title : "");
  chart->categories = g_array_new (FALSE, TRUE, sizeof (Category));
  g_array_set_clear_func (chart->categories, clear_category);
  chart->series = g_ptr_array_new_with_free_func (series_free);
  chart->hits = g_array_new (FALSE, TRUE, sizeof (Hit));
  return chart;
}

void
vigil_chart_free (VigilChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_array_unref (chart->categories);
  g_ptr_array_unref (chart->series);
  g_array_unref (chart->hits);
  g_free (chart);
}

VigilChartKind
vigil_chart_get_kind (VigilChart *chart)
{
  return chart->kind;
}

const char *
vigil_chart_get_title (VigilChart *chart)
{
  return chart->title;
}

guint
vigil_chart_add_category (VigilChart *chart,
                          const char *label,
                          const char *filter)
{
  Category c = { g_strdup (label ? label : ""), g_strdup (filter), FALSE, { 0, } };

  g_return_val_if_fail (chart != NULL, 0);

  g_array_append_val (chart->categories, c);
  for (guint i = 0; i < chart->series->len; i++)
    {
      Series *s = g_ptr_array_index (chart->series, i);
      double zero = 0;
      g_array_append_val (s->values, zero);
      g_ptr_array_add (s->filters, NULL);
    }
  return chart->categories->len - 1;
}

void
vigil_chart_set_category_color (VigilChart       *chart,
                                guint             category,
                                const VigilColor *color)
{
  Category *c;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (category < chart->categories->len);

  c = &g_array_index (chart->categories, Category, category);
  c->has_color = TRUE;
  c->color = *color;
}

guint
vigil_chart_add_series (VigilChart       *chart,
                        const char       *name,
                        const VigilColor *color)
{
  Series *s = g_new0 (Series, 1);

  g_return_val_if_fail (chart != NULL, 0);

  s->name = g_strdup (name ? name : "");
  if (color != NULL)
    s->color = *color;
  else
    vigil_chart_palette_color (chart->series->len, &s->color);
  s->values = g_array_new (FALSE, TRUE, sizeof (double));
  g_array_set_size (s->values, chart->categories->len);
  s->filters = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < chart->categories->len; i++)
    g_ptr_array_add (s->filters, NULL);
  g_ptr_array_add (chart->series, s);
  return chart->series->len - 1;
}

void
vigil_chart_set_value (VigilChart *chart,
                       guint       series,
                       guint       category,
                       double      value,
                       const char *filter)
{
  Series *s;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (series < chart->series->len);
  g_return_if_fail (category < chart->categories->len);

  s = g_ptr_array_index (chart->series, series);
  g_array_index (s->values, double, category) = value;
  g_free (g_ptr_array_index (s->filters, category));
  g_ptr_array_index (s->filters, category) = g_strdup (filter);
}

guint
vigil_chart_get_n_categories (VigilChart *chart)
{
  return chart->categories->len;
}

static double
value_at (VigilChart *chart,
          guint       series,
          guint       category)
{
  Series *s = g_ptr_array_index (chart->series, series);
  return g_array_index (s->values, double, category);
}

static double
category_total (VigilChart *chart,
                guint       category)
{
  double sum = 0;
  for (guint s = 0; s < chart->series->len; s++)
    sum += value_at (chart, s, category);
  return sum;
}

double
vigil_chart_get_total (VigilChart *chart)
{
  double sum = 0;
  for (guint c = 0; c < chart->categories->len; c++)
    sum += category_total (chart, c);
  return sum;
}

/* Colours ---------------------------------------------------------------- */

static void
set_hex (VigilColor *color,
         guint32     rgb)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = 1.0;
}

void
vigil_chart_palette_color (guint       index,
                           VigilColor *color)
{
  /* GNOME palette, mid tones: legible on white and on #242424 */
  static const guint32 palette[] = {
    0x3584e4, 0xe66100, 0x26a269, 0x9141ac, 0xc64600, 0x1c71d8, 0x986a44, 0x2190a4,
    0xc01c28, 0x865e3c,
  };
  set_hex (color, palette[index % G_N_ELEMENTS (palette)]);
}

void
vigil_chart_severity_color (const char *severity,
                            VigilColor *color)
{
  if (g_strcmp0 (severity, "critical") == 0)
    set_hex (color, 0xc01c28);
  else if (g_strcmp0 (severity, "high") == 0)
    set_hex (color, 0xe66100);
  else if (g_strcmp0 (severity, "medium") == 0)
    set_hex (color, 0xe5a50a);
  else if (g_strcmp0 (severity, "low") == 0)
    set_hex (color, 0x3584e4);
  else
    set_hex (color, 0x9a9996);
}

static void
source (cairo_t          *cr,
        const VigilColor *color,
        double            alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static const VigilColor *
color_of (VigilChart *chart,
          guint       series,
          guint       category)
{
  Category *c = &g_array_index (chart->categories, Category, category);
  Series *s = g_ptr_array_index (chart->series, series);
  return c->has_color && chart->series->len == 1 ? &c->color : &s->color;
}

/* Text ------------------------------------------------------------------- */

typedef struct
{
  cairo_t               *cr;
  PangoLayout           *layout;
  PangoFontDescription  *font;
  const VigilChartStyle *style;
  double                 line;   /* height of a line of text */
} Painter;

static void
painter_init (Painter               *p,
              cairo_t               *cr,
              const VigilChartStyle *style)
{
  int h;

  p->cr = cr;
  p->style = style;
  p->layout = pango_cairo_create_layout (cr);
  p->font = pango_font_description_from_string (style->font ? style->font : "Sans 10");
  if (style->text_scale > 0 && style->text_scale != 1.0)
    {
      int size = pango_font_description_get_size (p->font);
      if (size <= 0)
        size = 10 * PANGO_SCALE;
      if (pango_font_description_get_size_is_absolute (p->font))
        pango_font_description_set_absolute_size (p->font, size * style->text_scale);
      else
        pango_font_description_set_size (p->font, (int) (size * style->text_scale));
    }
  pango_layout_set_font_description (p->layout, p->font);
  pango_layout_set_text (p->layout, "Xg", -1);
  pango_layout_get_pixel_size (p->layout, NULL, &h);
  p->line = h;
}

static void
painter_clear (Painter *p)
{
  g_clear_object (&p->layout);
  g_clear_pointer (&p->font, pango_font_description_free);
}

/* Draws text with its top at y; align 0 left of x, 1 right of x (x is the
 * right edge), 0.5 centred on x.  Returns its width. */
static double
text (Painter    *p,
      const char *str,
      double      x,
      double      y,
      double      align,
      double      max_width,
      gboolean    bold,
      double      alpha)
{
  int w, h;

  pango_layout_set_text (p->layout, str, -1);
  pango_layout_set_width (p->layout, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_set_ellipsize (p->layout, max_width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  if (bold)
    {
      PangoFontDescription *f = pango_font_description_copy (p->font);
      pango_font_description_set_weight (f, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (p->layout, f);
      pango_font_description_free (f);
    }
  pango_layout_get_pixel_size (p->layout, &w, &h);
  cairo_move_to (p->cr, x - align * w, y);
  source (p->cr, &p->style->foreground, alpha);
  pango_cairo_show_layout (p->cr, p->layout);
  if (bold)
    pango_layout_set_font_description (p->layout, p->font);
  return w;
}

static double
text_width (Painter    *p,
            const char *str)
{
  int w;
  pango_layout_set_width (p->layout, -1);
  pango_layout_set_text (p->layout, str, -1);
  pango_layout_get_pixel_size (p->layout, &w, NULL);
  return w;
}

static char *
format_value (double v)
{
  return g_strdup_printf ("%.0f", v);
}

static void
add_hit (VigilChart *chart,
         double x, double y, double w, double h,
         guint series, guint category, gboolean angular)
{
  Hit hit = { x, y, w, h, series, category, angular };
  g_array_append_val (chart->hits, hit);
}

/* Legend: a row of swatches and series names.  Returns its height. */
static double
draw_legend (VigilChart *chart,
             Painter    *p,
             double      y,
             double      width)
{
  double x = 0;
  double y0 = y;
  double sw = p->line * 0.7;

  if (chart->series->len < 2)
    return 0;
  for (guint i = 0; i < chart->series->len; i++)
    {
      Series *s = g_ptr_array_index (chart->series, i);
      double w = text_width (p, s->name);

      if (x > 0 && x + sw + 4 + w > width)
        {
          x = 0;
          y += p->line;
        }
      source (p->cr, &s->color, 1);
      cairo_rectangle (p->cr, x, y + (p->line - sw) / 2, sw, sw);
      cairo_fill (p->cr);
      text (p, s->name, x + sw + 4, y, 0, -1, FALSE, 0.8);
      x += sw + 4 + w + p->line;
    }
  return y - y0 + p->line * 1.4;
}

static void
draw_empty (Painter *p,
            double   width,
            double   y,
            double   height)
{
  text (p, _("No incidents"), width / 2, y + (height - p->line) / 2, 0.5, width, FALSE, 0.55);
}

/* Kinds ------------------------------------------------------------------ */

static void
draw_bars (VigilChart *chart,
           Painter    *p,
           double      top,
           double      width,
           double      height)
{
  guint n = chart->categories->len;
  double max = 0, label_w = 0, value_w, row, bar_h, bar_x, bar_w;

  for (guint c = 0; c < n; c++)
    {
      Category *cat = &g_array_index (chart->categories, Category, c);
      max = MAX (max, category_total (chart, c));
      label_w = MAX (label_w, text_width (p, cat->label));
    }
  if (n == 0 || max <= 0)
    {
      draw_empty (p, width, top, height - top);
      return;
    }

  {
    g_autofree char *widest = format_value (max);
    value_w = text_width (p, widest) + p->line * 0.5;
  }
  label_w = MIN (label_w + p->line * 0.5, width * 0.4);
  row = MIN ((height - top) / n, p->line * 2.0);
  bar_h = MAX (MIN (row - 4, p->line * 1.2), 2);
  bar_x = label_w;
  bar_w = MAX (width - label_w - value_w, 10);

  for (guint c = 0; c < n; c++)
    {
      Category *cat = &g_array_index (chart->categories, Category, c);
      double y = top + c * row;
      double x = bar_x;
      double total = category_total (chart, c);
      g_autofree char *value = format_value (total);

      text (p, cat->label, 0, y + (row - p->line) / 2, 0, label_w - p->line * 0.5, FALSE, 0.9);
      /* a faint track, so an empty row still reads as a row */
      source (p->cr, &p->style->foreground, 0.08);
      cairo_rectangle (p->cr, bar_x, y + (row - bar_h) / 2, bar_w, bar_h);
      cairo_fill (p->cr);
      for (guint s = 0; s < chart->series->len; s++)
        {
          double v = value_at (chart, s, c);
          double w = bar_w * v / max;

          if (v <= 0)
            continue;
          source (p->cr, color_of (chart, s, c), 1);
          cairo_rectangle (p->cr, x, y + (row - bar_h) / 2, MAX (w, 1), bar_h);
          cairo_fill (p->cr);
          add_hit (chart, x, y, MAX (w, 1), row, s, c, FALSE);
          x += w;
        }
      /* the whole row (label included) opens the category */
      add_hit (chart, 0, y, width, row, G_MAXUINT, c, FALSE);
      text (p, value, x + p->line * 0.3, y + (row - p->line) / 2, 0, -1, FALSE, 0.9);
    }
}

static double
nice_ceiling (double v)
{
  double mag, f;

  if (v <= 1)
    return 1;
  mag = pow (10, floor (log10 (v)));
  f = v / mag;
  f = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return f * mag;
}

static void
draw_lines (VigilChart *chart,
            Painter    *p,
            double      top,
            double      width,
            double      height)
{
  guint n = chart->categories->len;
  double max = 0, axis_w, plot_x, plot_y, plot_w, plot_h, step;
  guint every;

  for (guint s = 0; s < chart->series->len; s++)
    for (guint c = 0; c < n; c++)
      max = MAX (max, value_at (chart, s, c));
  if (n == 0)
    {
      draw_empty (p, width, top, height - top);
      return;
    }
  max = nice_ceiling (max);

  {
    g_autofree char *widest = format_value (max);
    axis_w = text_width (p, widest) + p->line * 0.4;
  }
  plot_x = axis_w;
  plot_y = top + p->line * 0.5;
  plot_w = MAX (width - axis_w - p->line * 0.5, 10);
  plot_h = MAX (height - plot_y - p->line * 1.4, 10);
  step = n > 1 ? plot_w / (n - 1) : 0;

  /* grid: 0, half, max */
  cairo_set_line_width (p->cr, 1);
  for (int i = 0; i <= 2; i++)
    {
      double y = plot_y + plot_h - plot_h * i / 2.0;
      g_autofree char *label = format_value (max * i / 2.0);

      source (p->cr, &p->style->foreground, i == 0 ? 0.45 : 0.15);
      cairo_move_to (p->cr, plot_x, round (y) + 0.5);
      cairo_line_to (p->cr, plot_x + plot_w, round (y) + 0.5);
      cairo_stroke (p->cr);
      text (p, label, axis_w - p->line * 0.3, y - p->line / 2, 1, -1, FALSE, 0.7);
    }

  /* x labels, as many as fit */
  {
    double widest = 0;
    for (guint c = 0; c < n; c++)
      widest = MAX (widest, text_width (p, g_array_index (chart->categories, Category, c).label));
    every = step > 0 ? (guint) ceil ((widest + p->line) / step) : 1;
    every = MAX (every, 1);
    for (guint c = 0; c < n; c += every)
      {
        double x = plot_x + c * step;
        double align = n == 1 ? 0 : c == 0 ? 0 : (x + widest / 2 > width ? 1 : 0.5);
        text (p, g_array_index (chart->categories, Category, c).label, x, plot_y + plot_h + 2,
              align, -1, FALSE, 0.7);
      }
  }

  for (guint s = 0; s < chart->series->len; s++)
    {
      Series *ser = g_ptr_array_index (chart->series, s);

      source (p->cr, &ser->color, 1);
      cairo_set_line_width (p->cr, MAX (p->line / 8, 1.5));
      cairo_set_line_join (p->cr, CAIRO_LINE_JOIN_ROUND);
      for (guint c = 0; c < n; c++)
        {
          double x = plot_x + c * step;
          double y = plot_y + plot_h - plot_h * value_at (chart, s, c) / max;
          if (c == 0)
            cairo_move_to (p->cr, x, y);
          else
            cairo_line_to (p->cr, x, y);
        }
      cairo_stroke (p->cr);
      for (guint c = 0; c < n; c++)
        {
          double x = plot_x + c * step;
          double y = plot_y + plot_h - plot_h * value_at (chart, s, c) / max;
          double r = MAX (p->line / 6, 2.5);

          cairo_arc (p->cr, x, y, r, 0, 2 * G_PI);
          cairo_fill (p->cr);
          add_hit (chart, x - MAX (step / 2, r * 2), y - r * 3, MAX (step, r * 4), r * 6, s, c,
                   FALSE);
        }
    }
}

static void
draw_donut (VigilChart *chart,
            Painter    *p,
            double      top,
            double      width,
            double      height)
{
  guint n = chart->categories->len;
  double total = vigil_chart_get_total (chart);
  double size, angle = -G_PI / 2, legend_x, y;
  g_autofree char *total_text = NULL;

  if (n == 0 || total <= 0)
    {
      draw_empty (p, width, top, height - top);
      return;
    }

  size = MIN (height - top, width * 0.38);
  chart->r_out = size / 2;
  chart->r_in = chart->r_out * 0.58;
  chart->cx = chart->r_out;
  chart->cy = top + (height - top) / 2;

  for (guint c = 0; c < n; c++)
    {
      double v = value_at (chart, 0, c);
      double sweep = 2 * G_PI * v / total;

      if (v <= 0)
        continue;
      source (p->cr, color_of (chart, 0, c), 1);
      cairo_new_sub_path (p->cr);
      cairo_arc (p->cr, chart->cx, chart->cy, chart->r_out, angle, angle + sweep);
      cairo_arc_negative (p->cr, chart->cx, chart->cy, chart->r_in, angle + sweep, angle);
      cairo_close_path (p->cr);
      cairo_fill_preserve (p->cr);
      /* a thin gap between segments, in the background colour */
      source (p->cr, &p->style->background, 1);
      cairo_set_line_width (p->cr, 1.5);
      cairo_stroke (p->cr);
      add_hit (chart, angle, 0, angle + sweep, 0, 0, c, TRUE);
      angle += sweep;
    }

  total_text = format_value (total);
  text (p, total_text, chart->cx, chart->cy - p->line / 2, 0.5, chart->r_in * 2, TRUE, 1);

  /* legend: swatch, label, value and share */
  legend_x = size + p->line;
  y = chart->cy - MIN (n * p->line * 1.3, height - top) / 2;
  for (guint c = 0; c < n; c++)
    {
      Category *cat = &g_array_index (chart->categories, Category, c);
      double v = value_at (chart, 0, c);
      g_autofree char *line = g_strdup_printf ("%s  %.0f (%.0f %%)", cat->label, v,
                                               100.0 * v / total);
      double sw = p->line * 0.7;

      if (y + p->line > height)
        break;
      source (p->cr, color_of (chart, 0, c), 1);
      cairo_rectangle (p->cr, legend_x, y + (p->line - sw) / 2, sw, sw);
      cairo_fill (p->cr);
      text (p, line, legend_x + sw + 4, y, 0, width - legend_x - sw - 4, FALSE, 0.9);
      add_hit (chart, legend_x, y, width - legend_x, p->line * 1.3, 0, c, FALSE);
      y += p->line * 1.3;
    }
}

void
vigil_chart_draw (VigilChart            *chart,
                  cairo_t               *cr,
                  double                 width,
                  double                 height,
                  const VigilChartStyle *style)
{
  Painter p;
  double top = 0;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  g_array_set_size (chart->hits, 0);
  chart->r_out = 0;
  if (width < 20 || height < 20)
    return;

  cairo_save (cr);
  painter_init (&p, cr, style);
  if (chart->title[0] != '\0')
    {
      text (&p, chart->title, 0, 0, 0, width, TRUE, 1);
      top += p.line * 1.5;
    }
  if (chart->kind != VIGIL_CHART_DONUT)
    top += draw_legend (chart, &p, top, width);

  switch (chart->kind)
    {
    case VIGIL_CHART_BARS:
      draw_bars (chart, &p, top, width, height);
      break;
    case VIGIL_CHART_LINES:
      draw_lines (chart, &p, top, width, height);
      break;
    case VIGIL_CHART_DONUT:
    default:
      draw_donut (chart, &p, top, width, height);
      break;
    }
  painter_clear (&p);
  cairo_restore (cr);
}

gboolean
vigil_chart_hit (VigilChart *chart,
                 double      x,
                 double      y,
                 guint      *series,
                 guint      *category)
{
  g_return_val_if_fail (chart != NULL, FALSE);

  for (guint i = 0; i < chart->hits->len; i++)
    {
      Hit *h = &g_array_index (chart->hits, Hit, i);
      gboolean inside;

      if (h->angular)
        {
          double dx = x - chart->cx, dy = y - chart->cy;
          double r = sqrt (dx * dx + dy * dy);
          double a = atan2 (dy, dx);

          while (a < h->x)
            a += 2 * G_PI;
          inside = r >= chart->r_in && r <= chart->r_out && a <= h->w;
        }
      else
        inside = x >= h->x && x < h->x + h->w && y >= h->y && y < h->y + h->h;

      if (inside)
        {
          if (series)
            *series = h->series;
          if (category)
            *category = h->category;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
vigil_chart_get_category_area (VigilChart *chart,
                               guint       category,
                               double     *x,
                               double     *y,
                               double     *width,
                               double     *height)
{
  const Hit *found = NULL;

  g_return_val_if_fail (chart != NULL, FALSE);

  for (guint i = 0; i < chart->hits->len; i++)
    {
      const Hit *h = &g_array_index (chart->hits, Hit, i);
      if (h->angular || h->category != category)
        continue;
      if (found == NULL || h->series == G_MAXUINT)
        found = h;
    }
  if (found == NULL)
    return FALSE;
  *x = found->x;
  *y = found->y;
  *width = found->w;
  *height = found->h;
  return TRUE;
}

const char *
vigil_chart_get_filter (VigilChart *chart,
                        guint       series,
                        guint       category)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (category < chart->categories->len, NULL);

  if (series < chart->series->len)
    {
      Series *s = g_ptr_array_index (chart->series, series);
      const char *f = g_ptr_array_index (s->filters, category);
      if (f != NULL)
        return f;
    }
  return g_array_index (chart->categories, Category, category).filter;
}

char *
vigil_chart_describe_value (VigilChart *chart,
                            guint       series,
                            guint       category)
{
  Category *cat;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (category < chart->categories->len, NULL);

  cat = &g_array_index (chart->categories, Category, category);
  if (series < chart->series->len && chart->series->len > 1)
    {
      Series *s = g_ptr_array_index (chart->series, series);
      return g_strdup_printf ("%s, %s: %.0f", cat->label, s->name,
                              value_at (chart, series, category));
    }
  return g_strdup_printf ("%s: %.0f", cat->label,
                          series < chart->series->len ? value_at (chart, series, category)
                                                      : category_total (chart, category));
}

char *
vigil_chart_describe (VigilChart *chart)
{
  GString *s;

  g_return_val_if_fail (chart != NULL, NULL);

  s = g_string_new (chart->title);
  g_string_append (s, ": ");
  if (vigil_chart_get_total (chart) <= 0)
    {
      g_string_append (s, _("no incidents"));
      return g_string_free (s, FALSE);
    }
  for (guint c = 0; c < chart->categories->len; c++)
    {
      Category *cat = &g_array_index (chart->categories, Category, c);

      if (c > 0)
        g_string_append (s, "; ");
      if (chart->series->len == 1)
        g_string_append_printf (s, "%s %.0f", cat->label, value_at (chart, 0, c));
      else if (chart->kind == VIGIL_CHART_LINES)
        {
          g_string_append_printf (s, "%s:", cat->label);
          for (guint i = 0; i < chart->series->len; i++)
            {
              Series *ser = g_ptr_array_index (chart->series, i);
              g_string_append_printf (s, "%s %s %.0f", i ? "," : "", ser->name,
                                      value_at (chart, i, c));
            }
        }
      else
        {
          gboolean first = TRUE;
          g_string_append_printf (s, "%s %.0f", cat->label, category_total (chart, c));
          for (guint i = 0; i < chart->series->len; i++)
            {
              Series *ser = g_ptr_array_index (chart->series, i);
              double v = value_at (chart, i, c);
              if (v <= 0)
                continue;
              g_string_append_printf (s, "%s%s %.0f", first ? " (" : ", ", ser->name, v);
              first = FALSE;
            }
          if (!first)
            g_string_append_c (s, ')');
        }
    }
  return g_string_free (s, FALSE);
}
