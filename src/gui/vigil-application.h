/* vigil-application.h — the Vigil application
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_APPLICATION (vigil_application_get_type ())
G_DECLARE_FINAL_TYPE (VigilApplication, vigil_application, VIGIL, APPLICATION, AdwApplication)

VigilApplication *vigil_application_new          (void);
VigilStore       *vigil_application_get_store    (VigilApplication *self);
GSettings        *vigil_application_get_settings (VigilApplication *self);

G_END_DECLS
