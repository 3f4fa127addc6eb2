/* vigil-alerts-page-private.h — what the alerts page's files share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-window.h"
#include "vigil-alert-list.h"
#include "vigil-alert-selection.h"
#include "vigil-alerts-page.h"

G_BEGIN_DECLS

struct _VigilAlertsPage
{
  GtkWidget          parent_instance;

  VigilStore        *store;
  VigilAlertList    *list;       /* every matching alert (lazy) */
  GtkSliceListModel *window;     /* the first of them, what the list view shows */
  VigilAlertSelection *selection;
  guint              refresh_id;
  guint              grow_id;
  gint64             shown_id;   /* the alert in the detail pane */

  GtkWidget         *paned;
  GtkSearchEntry    *search_entry;
  GtkDropDown       *status_dropdown;
  GtkDropDown       *severity_dropdown;
  GtkDropDown       *source_dropdown;
  GtkLabel          *count_label;
  GtkStack          *list_stack;
  GtkListView       *list_view;
  AdwStatusPage     *empty_status;
  GtkStack          *detail_stack;
  GtkBox            *detail_box;
};

/* The ids of the selected rows (of every matching alert after "select
 * all"); free with g_array_unref. */
GArray *vigil_alerts_page_selected_ids       (VigilAlertsPage *self);
/* Runs the filters again and keeps the selection. */
void    vigil_alerts_page_refresh            (VigilAlertsPage *self);
/* vigil-alerts-page-actions.c: alerts.promote, merge, dismiss, suppress, rules */
void    vigil_alerts_page_class_init_actions (GtkWidgetClass  *widget_class);

G_END_DECLS
