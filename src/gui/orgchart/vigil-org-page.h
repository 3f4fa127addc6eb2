/* vigil-org-page.h — the Organization page: the chart, a person's card, search, who to call
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"
#include "vigil-graph-view.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_ORG_PAGE (vigil_org_page_get_type ())
G_DECLARE_FINAL_TYPE (VigilOrgPage, vigil_org_page, VIGIL, ORG_PAGE, GtkWidget)

GtkWidget      *vigil_org_page_new             (void);
VigilStore     *vigil_org_page_get_store       (VigilOrgPage *self);
void            vigil_org_page_set_store       (VigilOrgPage *self,
                                                VigilStore   *store);
VigilGraphView *vigil_org_page_get_graph_view  (VigilOrgPage *self);
/* TRUE while a layout runs on the worker thread. */
gboolean        vigil_org_page_is_busy         (VigilOrgPage *self);
/* TRUE once the full person-level chart is shown (not the team overview). */
gboolean        vigil_org_page_is_complete     (VigilOrgPage *self);
/* Selects and centres the first person matching the text; FALSE if none. */
gboolean        vigil_org_page_search          (VigilOrgPage *self,
                                                const char   *text);
/* Highlights who to call for a system name or incident reference. */
gboolean        vigil_org_page_who_to_call     (VigilOrgPage *self,
                                                const char   *target,
                                                GError      **error);
/* The person shown in the card, or 0. */
gint64          vigil_org_page_get_selected_person (VigilOrgPage *self);
void            vigil_org_page_select_person   (VigilOrgPage *self,
                                                gint64        person_id);
/* The chart's people as a list (its accessible alternative): row i is node
 * i of the chart, its text the node's spoken description. */
void            vigil_org_page_set_show_list   (VigilOrgPage *self,
                                                gboolean      show_list);
GtkSelectionModel *vigil_org_page_get_list_model (VigilOrgPage *self);

G_END_DECLS
