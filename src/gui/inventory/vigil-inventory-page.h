/* vigil-inventory-page.h — the inventory: assets with their contacts and
 * dependencies, and the architecture document archive
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_INVENTORY_PAGE (vigil_inventory_page_get_type ())
G_DECLARE_FINAL_TYPE (VigilInventoryPage, vigil_inventory_page, VIGIL, INVENTORY_PAGE, GtkWidget)

VigilStore *vigil_inventory_page_get_store        (VigilInventoryPage *self);
void        vigil_inventory_page_set_store        (VigilInventoryPage *self,
                                                   VigilStore         *store);
/* "assets", "documents" or "search" */
void        vigil_inventory_page_set_section      (VigilInventoryPage *self,
                                                   const char         *section);
void        vigil_inventory_page_set_filter       (VigilInventoryPage *self,
                                                   const char         *filter);
void        vigil_inventory_page_search           (VigilInventoryPage *self,
                                                   const char         *query);
gboolean    vigil_inventory_page_select_asset     (VigilInventoryPage *self,
                                                   gint64              asset_id);
gboolean    vigil_inventory_page_select_document  (VigilInventoryPage *self,
                                                   gint64              document_id);
/* Archives the files (GFile) and starts extracting their text. */
void        vigil_inventory_page_add_files        (VigilInventoryPage *self,
                                                   GListModel         *files);

/* For tests */
GListModel *vigil_inventory_page_get_asset_model  (VigilInventoryPage *self);
GtkWidget  *vigil_inventory_page_get_preview      (VigilInventoryPage *self);
GtkWidget  *vigil_inventory_page_get_map          (VigilInventoryPage *self);
guint       vigil_inventory_page_get_n_search_hits (VigilInventoryPage *self);
gboolean    vigil_inventory_page_is_extracting    (VigilInventoryPage *self);

G_END_DECLS
