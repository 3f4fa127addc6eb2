/* vigil-record-windows.h — the incident record's window actions and lists
 * across incidents: follow-ups, detection requests, playbooks
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"

G_BEGIN_DECLS

/* Installs win.open-incident (x), win.followups, win.detection-requests and
 * win.playbooks on a window class whose instances have a `store` property. */
void       vigil_record_install_window_actions (GtkWidgetClass *widget_class);

GtkWindow *vigil_followups_window_new          (GtkWindow      *parent,
                                                VigilStore     *store);
GtkWindow *vigil_detection_window_new          (GtkWindow      *parent,
                                                VigilStore     *store);
GtkWindow *vigil_playbooks_window_new          (GtkWindow      *parent,
                                                VigilStore     *store);

G_END_DECLS
