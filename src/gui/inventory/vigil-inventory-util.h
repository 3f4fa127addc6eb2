/* vigil-inventory-util.h — small widgets shared by the inventory's panes
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"

G_BEGIN_DECLS

void        vigil_inventory_clear_box (GtkWidget  *box);
/* A wrapping, selectable label with an optional CSS class. */
GtkWidget  *vigil_inventory_heading   (const char *text,
                                       const char *css);
/* An AdwActionRow whose title and subtitle are shown literally. */
GtkWidget  *vigil_inventory_text_row  (const char *title,
                                       const char *subtitle);
GtkWidget  *vigil_inventory_group     (const char *title);
const char *vigil_inventory_or_dash   (const char *text);
/* vigil_record_list_set_ids() for a list shown by a GTK 4.8 list view. */
void        vigil_inventory_set_ids   (VigilRecordList *list,
                                       const gint64    *ids,
                                       guint            n_ids);

G_END_DECLS
