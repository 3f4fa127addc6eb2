/* vigil-alert-rules-window.h — suppression rules, auto-promotion rules, severity mapping
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The alerts page's rules window: the suppression rules with their end,
 * the auto-promotion rules (add, enable, delete) and each source's
 * severity mapping.
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_ALERT_RULES_WINDOW (vigil_alert_rules_window_get_type ())
G_DECLARE_FINAL_TYPE (VigilAlertRulesWindow, vigil_alert_rules_window, VIGIL, ALERT_RULES_WINDOW,
                      AdwPreferencesWindow)

GtkWindow *vigil_alert_rules_window_new (VigilStore *store,
                                         GtkWindow  *parent);

G_END_DECLS
