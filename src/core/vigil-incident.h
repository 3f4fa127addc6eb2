/* vigil-incident.h — an incident, as a row of the incidents table
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A read-only snapshot: properties mirror the columns (plus a few joined
 * values for display).  Changes go through the store, which emits
 * `changed`; lists then build a fresh record.
 */
#pragma once

#include <glib-object.h>

#include "vigil-types.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_INCIDENT (vigil_incident_get_type ())
G_DECLARE_FINAL_TYPE (VigilIncident, vigil_incident, VIGIL, INCIDENT, GObject)

gint64      vigil_incident_get_id              (VigilIncident *self);
const char *vigil_incident_get_ref             (VigilIncident *self);
const char *vigil_incident_get_title           (VigilIncident *self);
const char *vigil_incident_get_description     (VigilIncident *self);
const char *vigil_incident_get_stage           (VigilIncident *self);
const char *vigil_incident_get_severity        (VigilIncident *self);
int         vigil_incident_get_impact          (VigilIncident *self);
int         vigil_incident_get_urgency         (VigilIncident *self);
int         vigil_incident_get_priority        (VigilIncident *self);
const char *vigil_incident_get_category        (VigilIncident *self);
const char *vigil_incident_get_tlp             (VigilIncident *self);
const char *vigil_incident_get_pap             (VigilIncident *self);
const char *vigil_incident_get_tier            (VigilIncident *self);
gint64      vigil_incident_get_assignee_id     (VigilIncident *self);
const char *vigil_incident_get_assignee_name   (VigilIncident *self);
const char *vigil_incident_get_assignee_email  (VigilIncident *self);
gint64      vigil_incident_get_owner_team_id   (VigilIncident *self);
const char *vigil_incident_get_owner_team_name (VigilIncident *self);
const char *vigil_incident_get_occurred_at     (VigilIncident *self);
const char *vigil_incident_get_detected_at     (VigilIncident *self);
const char *vigil_incident_get_acknowledged_at (VigilIncident *self);
const char *vigil_incident_get_contained_at    (VigilIncident *self);
const char *vigil_incident_get_resolved_at     (VigilIncident *self);
const char *vigil_incident_get_closed_at       (VigilIncident *self);
const char *vigil_incident_get_due_at          (VigilIncident *self);
const char *vigil_incident_get_resolution      (VigilIncident *self);
const char *vigil_incident_get_impact_status   (VigilIncident *self);
const char *vigil_incident_get_summary         (VigilIncident *self);
const char *vigil_incident_get_lessons         (VigilIncident *self);
const char *vigil_incident_get_created_at      (VigilIncident *self);
const char *vigil_incident_get_updated_at      (VigilIncident *self);
int         vigil_incident_get_open_actions    (VigilIncident *self);
int         vigil_incident_get_overdue_followups (VigilIncident *self);

/* For the store: the SELECT list that vigil_incident_new_from_row() reads. */
const char    *vigil_incident_select_columns   (void);
VigilIncident *vigil_incident_new_from_row     (gpointer        sqlite_stmt);

G_END_DECLS
