/* vigil-incident-window.h — one incident's record, in its own window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sections: Summary, Actions, Contacts, Observables, Affected assets and
 * Timeline.  Several incidents can be open at once; opening one that is
 * already open presents its window.
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"
#include "vigil-record-form.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_INCIDENT_WINDOW (vigil_incident_window_get_type ())
G_DECLARE_FINAL_TYPE (VigilIncidentWindow, vigil_incident_window, VIGIL, INCIDENT_WINDOW,
                      AdwWindow)

/* Opens (or presents) the window of an incident. */
VigilIncidentWindow *vigil_incident_window_open        (GtkWindow           *parent,
                                                        VigilStore          *store,
                                                        gint64               incident_id);
gint64               vigil_incident_window_get_incident_id (VigilIncidentWindow *self);
/* "summary", "actions", "contacts", "observables", "assets", "timeline" */
void                 vigil_incident_window_set_section (VigilIncidentWindow *self,
                                                        const char          *section);
/* Builds every section now (normally built when first shown). */
void                 vigil_incident_window_build_all   (VigilIncidentWindow *self);
/* The form opened by the last add action, while it is open (for tests). */
VigilRecordForm     *vigil_incident_window_get_form    (VigilIncidentWindow *self);

G_END_DECLS
