/* vigil-asset.h — an asset of the inventory, as a row of the assets table
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A read-only snapshot: properties mirror the columns, plus the names of the
 * owner team and of the two contacts for display.  Changes go through the
 * store (vigil-store-assets.h), which emits `changed::asset`.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_ASSET (vigil_asset_get_type ())
G_DECLARE_FINAL_TYPE (VigilAsset, vigil_asset, VIGIL, ASSET, GObject)

gint64      vigil_asset_get_id                  (VigilAsset *self);
const char *vigil_asset_get_name                (VigilAsset *self);
const char *vigil_asset_get_kind                (VigilAsset *self);
const char *vigil_asset_get_hostname            (VigilAsset *self);
const char *vigil_asset_get_addresses           (VigilAsset *self);
gint64      vigil_asset_get_owner_team_id       (VigilAsset *self);
const char *vigil_asset_get_owner_team_name     (VigilAsset *self);
gint64      vigil_asset_get_tech_contact_id     (VigilAsset *self);
const char *vigil_asset_get_tech_contact_name   (VigilAsset *self);
gint64      vigil_asset_get_business_owner_id   (VigilAsset *self);
const char *vigil_asset_get_business_owner_name (VigilAsset *self);
const char *vigil_asset_get_criticality         (VigilAsset *self);
const char *vigil_asset_get_environment         (VigilAsset *self);
const char *vigil_asset_get_location            (VigilAsset *self);
const char *vigil_asset_get_status              (VigilAsset *self);
const char *vigil_asset_get_description         (VigilAsset *self);
const char *vigil_asset_get_created_at          (VigilAsset *self);
const char *vigil_asset_get_updated_at          (VigilAsset *self);

/* For the store: the SELECT list (table alias `a`) that
 * vigil_asset_new_from_row() reads. */
const char *vigil_asset_select_columns          (void);
VigilAsset *vigil_asset_new_from_row            (gpointer    sqlite_stmt);

G_END_DECLS
