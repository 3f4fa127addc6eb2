/* vigil-record-list.h — a lazy GListModel over record ids
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Holds only the ids that an SQL query returned, in order; the record
 * objects are built when a view asks for them, and a small cache keeps the
 * ones on screen.  Setting new ids emits one exact items-changed for the
 * span that differs, so a moved card is one removal in one column and one
 * insertion in another.
 */
#pragma once

#include <gio/gio.h>

#include "vigil-types.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_RECORD_LIST (vigil_record_list_get_type ())
G_DECLARE_FINAL_TYPE (VigilRecordList, vigil_record_list, VIGIL, RECORD_LIST, GObject)

/* Builds the record for `id` (a new reference), or NULL if it is gone. */
typedef GObject *(*VigilRecordLoader) (gpointer user_data,
                                       gint64   id);

VigilRecordList *vigil_record_list_new        (GType              item_type,
                                               VigilRecordLoader  loader,
                                               gpointer           user_data,
                                               GDestroyNotify     destroy);
void             vigil_record_list_set_ids    (VigilRecordList   *self,
                                               const gint64      *ids,
                                               guint              n_ids);
gint64           vigil_record_list_get_id     (VigilRecordList   *self,
                                               guint              position);
int              vigil_record_list_find       (VigilRecordList   *self,
                                               gint64             id);
/* Drops the cached record of `id` and reports its row as changed. */
void             vigil_record_list_invalidate (VigilRecordList   *self,
                                               gint64             id);
void             vigil_record_list_invalidate_all (VigilRecordList *self);
guint            vigil_record_list_get_n_built (VigilRecordList  *self);

G_END_DECLS
