/* vigil-preferences.h — who is acting, response targets, the Closed column
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"

G_BEGIN_DECLS

/* Shows the preferences window (app.preferences, Ctrl+,).  `settings` may be
 * NULL (tests without the application): then nothing is stored. */
void vigil_preferences_present       (GtkWindow  *parent,
                                      VigilStore *store,
                                      GSettings  *settings);
/* Applies the `response-targets` setting to the store. */
void vigil_preferences_apply_targets (VigilStore *store,
                                      GSettings  *settings);

G_END_DECLS
