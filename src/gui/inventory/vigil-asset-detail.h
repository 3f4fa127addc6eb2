/* vigil-asset-detail.h — the inventory's asset pane: who to call, the
 * dependencies and their map, documents, incidents and alerts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_ASSET_DETAIL (vigil_asset_detail_get_type ())
G_DECLARE_FINAL_TYPE (VigilAssetDetail, vigil_asset_detail, VIGIL, ASSET_DETAIL, GtkWidget)

void        vigil_asset_detail_set_store    (VigilAssetDetail *self,
                                             VigilStore       *store);
gint64      vigil_asset_detail_get_asset_id (VigilAssetDetail *self);
void        vigil_asset_detail_set_asset_id (VigilAssetDetail *self,
                                             gint64            asset_id);
/* Reads the asset again (after a change in the store). */
void        vigil_asset_detail_refresh      (VigilAssetDetail *self);
GtkWidget  *vigil_asset_detail_get_map      (VigilAssetDetail *self);
/* The dependency dialog, as "Add Dependency…" opens it (for tests). */
GtkWidget  *vigil_asset_detail_add_dependency (VigilAssetDetail *self);

G_END_DECLS
