/* vigil-chart.h — bar, line and donut charts drawn with cairo and Pango
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One drawing code for the overview's widgets (GtkSnapshot → cairo) and the
 * PDF reports.  A chart has categories (bars, points, donut segments) and
 * one or more series of values; each value may carry a board filter
 * ("severity:high") that a click on it applies.  The geometry of the last
 * drawing is kept for hit-testing.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  VIGIL_CHART_BARS,    /* horizontal bars, one row per category, series stacked */
  VIGIL_CHART_LINES,   /* one line per series over the categories (a trend) */
  VIGIL_CHART_DONUT,   /* the first series, one segment per category */
} VigilChartKind;

typedef struct
{
  double red, green, blue, alpha;
} VigilColor;

typedef struct
{
  VigilColor  foreground;   /* text, axes (grid lines use it faded) */
  VigilColor  background;   /* gaps between segments */
  const char *font;         /* Pango font description, e.g. "Cantarell 10" */
  double      text_scale;   /* 1.0; larger in presentation mode */
} VigilChartStyle;

typedef struct _VigilChart VigilChart;

VigilChart *vigil_chart_new           (VigilChartKind  kind,
                                       const char     *title);
void        vigil_chart_free          (VigilChart     *chart);
VigilChartKind vigil_chart_get_kind   (VigilChart     *chart);
const char *vigil_chart_get_title     (VigilChart     *chart);

/* Adds a category (a bar, a point, a segment); `filter` (may be NULL) is
 * the board filter of the whole category.  Returns its index. */
guint       vigil_chart_add_category  (VigilChart     *chart,
                                       const char     *label,
                                       const char     *filter);
/* A colour for the category instead of its series' (donuts, single bars). */
void        vigil_chart_set_category_color (VigilChart       *chart,
                                            guint             category,
                                            const VigilColor *color);
/* Adds a series; its values start at 0.  Returns its index. */
guint       vigil_chart_add_series    (VigilChart       *chart,
                                       const char       *name,
                                       const VigilColor *color);
void        vigil_chart_set_value     (VigilChart     *chart,
                                       guint           series,
                                       guint           category,
                                       double          value,
                                       const char     *filter);
guint       vigil_chart_get_n_categories (VigilChart  *chart);
double      vigil_chart_get_total     (VigilChart     *chart);

/* Draws into the rectangle (0, 0, width, height) of `cr`. */
void        vigil_chart_draw          (VigilChart            *chart,
                                       cairo_t               *cr,
                                       double                 width,
                                       double                 height,
                                       const VigilChartStyle *style);
/* Hit-tests the last drawing: TRUE with the series and category under
 * (x, y).  The filter of that value (or of its category) is returned by
 * vigil_chart_get_filter(); it may be NULL. */
gboolean    vigil_chart_hit           (VigilChart     *chart,
                                       double          x,
                                       double          y,
                                       guint          *series,
                                       guint          *category);
/* The area of a category in the last drawing (a bar's row, a legend row, a
 * point), for a keyboard focus ring; FALSE when it was not drawn. */
gboolean    vigil_chart_get_category_area (VigilChart *chart,
                                           guint       category,
                                           double     *x,
                                           double     *y,
                                           double     *width,
                                           double     *height);
const char *vigil_chart_get_filter    (VigilChart     *chart,
                                       guint           series,
                                       guint           category);
/* A text alternative for assistive technologies and tooltips:
 * "Open incidents by stage: Classification 4 (High 2, Low 2); …". */
char       *vigil_chart_describe      (VigilChart     *chart);
char       *vigil_chart_describe_value (VigilChart    *chart,
                                        guint          series,
                                        guint          category);

/* Colours that read on light and dark backgrounds. */
void        vigil_chart_severity_color (const char    *severity,
                                        VigilColor    *color);
void        vigil_chart_palette_color (guint           index,
                                       VigilColor     *color);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilChart, vigil_chart_free)

G_END_DECLS
