/* vigil-asset-link-dialog.h — adding a dependency to an asset
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_ASSET_LINK_DIALOG (vigil_asset_link_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VigilAssetLinkDialog, vigil_asset_link_dialog, VIGIL, ASSET_LINK_DIALOG, AdwWindow)

/* The relations offered, in the order of the dialog's list. */
typedef enum
{
  VIGIL_ASSET_LINK_DEPENDS_ON,   /* this asset depends on the other */
  VIGIL_ASSET_LINK_HOSTED_ON,    /* this asset is hosted on the other */
  VIGIL_ASSET_LINK_CONNECTS_TO,  /* this asset connects to the other */
  VIGIL_ASSET_LINK_NEEDED_BY,    /* the other depends on this asset */
  VIGIL_ASSET_LINK_HOSTS,        /* the other is hosted on this asset */
  VIGIL_N_ASSET_LINKS
} VigilAssetLinkRelation;

GtkWidget  *vigil_asset_link_dialog_new          (GtkWindow              *parent,
                                                  VigilStore             *store,
                                                  gint64                  asset_id);
void        vigil_asset_link_dialog_set_relation (VigilAssetLinkDialog   *self,
                                                  VigilAssetLinkRelation  relation);
void        vigil_asset_link_dialog_set_search   (VigilAssetLinkDialog   *self,
                                                  const char             *text);
/* The assets offered (for tests). */
GListModel *vigil_asset_link_dialog_get_model    (VigilAssetLinkDialog   *self);
gboolean    vigil_asset_link_dialog_select       (VigilAssetLinkDialog   *self,
                                                  gint64                  asset_id);
/* Why the chosen link cannot be added, or NULL. */
const char *vigil_asset_link_dialog_get_problem  (VigilAssetLinkDialog   *self);

G_END_DECLS
