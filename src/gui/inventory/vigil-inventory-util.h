/* vigil-inventory-util.h — small widgets shared by the inventory's panes
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

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

G_END_DECLS
