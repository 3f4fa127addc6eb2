/* vigil-test-ui.h — helpers for the tests that open windows
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the main loop for `msec` milliseconds. */
void vigil_test_spin           (guint       msec);
/* Waits until `widget` is mapped and a frame of it has been painted. */
void vigil_test_wait_for_frame (GtkWidget  *widget);
/* Saves what `widget` shows as G_TEST_BUILDDIR/screenshots/NAME.png. */
void vigil_test_save_png       (GtkWidget  *widget,
                                const char *name);

G_END_DECLS
