/* vigil-alert-list.h — the alerts page's list: a lazy, SQL-backed GListModel
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Setting a filter costs one COUNT query and one window of ids (the first
 * rows in triage order); further ids are read in growing windows as the
 * view reaches them, and the rows themselves (VigilAlert without the raw
 * event) are read a page at a time, one query per page, when the view asks
 * for an item.  Nothing is read for rows the view never shows.
 */
#pragma once

#include <gio/gio.h>

#include "vigil-store-alerts.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_ALERT_LIST (vigil_alert_list_get_type ())
G_DECLARE_FINAL_TYPE (VigilAlertList, vigil_alert_list, VIGIL, ALERT_LIST, GObject)

VigilAlertList *vigil_alert_list_new          (void);
/* Runs the filter's count and first window on `store` (NULL empties the
 * list) and reports every row as changed.  The filter is copied. */
gboolean        vigil_alert_list_set_filter   (VigilAlertList          *self,
                                               VigilStore              *store,
                                               const VigilAlertFilter  *filter,
                                               GError                 **error);
/* The id at `position` (reading more ids if needed); 0 if out of range. */
gint64          vigil_alert_list_get_id       (VigilAlertList          *self,
                                               guint                    position);
/* The position of `id` among the ids read so far, or -1. */
int             vigil_alert_list_find         (VigilAlertList          *self,
                                               gint64                   id);
/* Alert rows read from the store since the list was made. */
guint           vigil_alert_list_get_n_loaded (VigilAlertList          *self);

G_END_DECLS
