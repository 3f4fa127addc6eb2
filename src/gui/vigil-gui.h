/* vigil-gui.h — libvigil-gui set-up
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"

G_BEGIN_DECLS

void       vigil_gui_init          (void);
/* Vigil's settings; from the build tree's compiled schema when Vigil runs
 * uninstalled, so a developer never meets a missing-schema abort. */
GSettings *vigil_gui_settings_new  (void);

G_END_DECLS
