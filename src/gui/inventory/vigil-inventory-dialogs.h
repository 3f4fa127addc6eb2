/* vigil-inventory-dialogs.h — the asset editor and the document details editor
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-store.h"

G_BEGIN_DECLS

/* asset_id 0 creates a new asset.  The dialog writes through the store and
 * closes itself; errors are shown in it. */
GtkWindow *vigil_asset_editor_new    (GtkWindow  *parent,
                                      VigilStore *store,
                                      gint64      asset_id);
GtkWindow *vigil_document_editor_new (GtkWindow  *parent,
                                      VigilStore *store,
                                      gint64      document_id);

G_END_DECLS
