/* vigil-alert-row.h — one alert group in the alerts list, drawn as one widget
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-store-alerts.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_ALERT_ROW (vigil_alert_row_get_type ())
G_DECLARE_FINAL_TYPE (VigilAlertRow, vigil_alert_row, VIGIL, ALERT_ROW, GtkWidget)

GtkWidget *vigil_alert_row_new       (void);
/* Shows `alert` (NULL or an empty alert: a blank row). */
void       vigil_alert_row_set_alert (VigilAlertRow *self,
                                      VigilAlert    *alert);
/* "New", "Dismissed"…: an alert status as the user reads it */
const char *vigil_alert_status_label (const char *status);

G_END_DECLS
