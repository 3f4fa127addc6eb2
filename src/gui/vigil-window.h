/* vigil-window.h — Vigil's main window
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_WINDOW (vigil_window_get_type ())
G_DECLARE_FINAL_TYPE (VigilWindow, vigil_window, VIGIL, WINDOW, AdwApplicationWindow)

VigilStore *vigil_window_get_store          (VigilWindow  *self);
gboolean    vigil_window_is_view_name       (const char   *name);
const char *vigil_window_get_view           (VigilWindow  *self);
void        vigil_window_set_view           (VigilWindow  *self,
                                             const char   *name);
GtkWidget  *vigil_window_get_page           (VigilWindow  *self,
                                             const char   *name);
void        vigil_window_show_toast         (VigilWindow  *self,
                                             const char   *message);
void        vigil_window_show_error         (VigilWindow  *self,
                                             const GError *error);
/* The same, from a widget inside the window (a page, a pane); outside a
 * Vigil window (a test's bare window) the toast is dropped and the error
 * only logged. */
void        vigil_window_toast_from         (GtkWidget    *widget,
                                             const char   *message);
void        vigil_window_error_from         (GtkWidget    *widget,
                                             const GError *error);
/* For the start-up benchmark: prints the time to the first frame and the
 * resident memory, then quits. */
void        vigil_window_report_first_frame (VigilWindow  *self);

G_END_DECLS
