/* vigil-incident-editor.h — a new incident, or the classification of one
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_INCIDENT_EDITOR (vigil_incident_editor_get_type ())
G_DECLARE_FINAL_TYPE (VigilIncidentEditor, vigil_incident_editor, VIGIL, INCIDENT_EDITOR, AdwWindow)

/* incident_id 0: a new incident.  Emits `saved` (id, message) after a
 * successful save, then closes. */
VigilIncidentEditor *vigil_incident_editor_new (GtkWindow  *parent,
                                                VigilStore *store,
                                                gint64      incident_id);
/* For tests: fills the title and saves as the Save button would. */
gboolean             vigil_incident_editor_save (VigilIncidentEditor *self,
                                                 GError             **error);
void                 vigil_incident_editor_set_title_text (VigilIncidentEditor *self,
                                                           const char          *title);

G_END_DECLS
