/* vigil-alerts-page.h — Level 1 triage: the alert inbox
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_ALERTS_PAGE (vigil_alerts_page_get_type ())
G_DECLARE_FINAL_TYPE (VigilAlertsPage, vigil_alerts_page, VIGIL, ALERTS_PAGE, GtkWidget)

VigilStore *vigil_alerts_page_get_store  (VigilAlertsPage *self);
void        vigil_alerts_page_set_store  (VigilAlertsPage *self,
                                          VigilStore      *store);
/* The filter's status: "new", "dismissed", "suppressed", "promoted", "merged" or "all". */
void        vigil_alerts_page_set_status (VigilAlertsPage *self,
                                          const char      *status);
void        vigil_alerts_page_set_search (VigilAlertsPage *self,
                                          const char      *text);

/* For tests */
/* Every matching alert (its size is the count shown in the page) */
GListModel        *vigil_alerts_page_get_model     (VigilAlertsPage *self);
/* The first of them, which the list view shows; it grows as the user scrolls */
GListModel        *vigil_alerts_page_get_shown     (VigilAlertsPage *self);
/* Selects among the shown rows; select-all selects every matching alert */
GtkSelectionModel *vigil_alerts_page_get_selection (VigilAlertsPage *self);
/* How many alert rows the page has read from the store so far. */
guint              vigil_alerts_page_get_n_loaded  (VigilAlertsPage *self);
/* Opens the rules window (suppression, auto-promotion, severity mapping). */
GtkWindow         *vigil_alerts_page_show_rules    (VigilAlertsPage *self);

G_END_DECLS
