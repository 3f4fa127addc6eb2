/* vigil-alert-selection.h — the alerts list's selection, where "all" means every matching alert
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list view shows a window of the matching alerts (the first few dozen,
 * growing as the user scrolls), so a plain GtkMultiSelection's "select all"
 * would select only the window.  This selection model wraps one and
 * remembers "all" as a state of its own: every row, shown or not yet, counts
 * as selected until the user unselects one; rows the window grows into are
 * selected too.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_ALERT_SELECTION (vigil_alert_selection_get_type ())
G_DECLARE_FINAL_TYPE (VigilAlertSelection, vigil_alert_selection, VIGIL, ALERT_SELECTION, GObject)

/* Takes a reference to `model`. */
VigilAlertSelection *vigil_alert_selection_new     (GListModel          *model);
/* TRUE after select-all, until a row is unselected or the selection set anew. */
gboolean             vigil_alert_selection_get_all (VigilAlertSelection *self);

G_END_DECLS
