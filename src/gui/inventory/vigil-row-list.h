/* vigil-row-list.h — a list model whose rows keep their place, for GTK 4.8
 * list views over lists that change a lot
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_ROW (vigil_row_get_type ())
G_DECLARE_FINAL_TYPE (VigilRow, vigil_row, VIGIL, ROW, GObject)

/* The item shown at this row's place now (borrowed); "notify::item" when
 * another one takes the place. */
gpointer     vigil_row_get_item      (VigilRow    *self);

#define VIGIL_TYPE_ROW_LIST (vigil_row_list_get_type ())
G_DECLARE_FINAL_TYPE (VigilRowList, vigil_row_list, VIGIL, ROW_LIST, GObject)

VigilRowList *vigil_row_list_new     (GListModel  *source);

G_END_DECLS
