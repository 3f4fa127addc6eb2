/* vigil-chart-view.h — a VigilChart as a widget: drawn with the style's colours, clickable
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-chart.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_CHART_VIEW (vigil_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (VigilChartView, vigil_chart_view, VIGIL, CHART_VIEW, GtkWidget)

GtkWidget  *vigil_chart_view_new        (void);
/* Takes ownership of `chart` (may be NULL). */
void        vigil_chart_view_set_chart  (VigilChartView *self,
                                         VigilChart     *chart);
VigilChart *vigil_chart_view_get_chart  (VigilChartView *self);
/* Text size factor (presentation mode). */
void        vigil_chart_view_set_text_scale (VigilChartView *self,
                                             double          scale);

G_END_DECLS
