/* vigil-store-playbooks.h — per-category templates that pre-fill actions
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A playbook is a named list of steps (tasks and countermeasures with their
 * step and owner team).  Playbooks marked auto-apply are applied by SQLite
 * triggers (vigil-schema-1.sql) when an incident is created with, or
 * classified into, their category — whatever code writes the incident.
 * The shipped templates are the JSON resource vigil-playbooks.json.
 */
#pragma once

#include "vigil-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64    id;
  char     *name;
  char     *category;     /* NULL: any incident, by hand only */
  char     *description;
  char     *steps;        /* JSON array of {title, stage, team, kind, cm_type, description} */
  gboolean  auto_apply;
  char     *updated_at;
  guint     n_steps;
} VigilPlaybook;

void       vigil_playbook_free          (VigilPlaybook *playbook);

/* Loads the shipped templates when the table is empty; returns how many
 * were loaded (0 when there were playbooks already), -1 on error. */
int        vigil_store_ensure_playbooks (VigilStore  *self,
                                         GError     **error);
/* Replaces every playbook by the shipped templates. */
gboolean   vigil_store_reset_playbooks  (VigilStore  *self,
                                         GError     **error);
GPtrArray *vigil_store_list_playbooks   (VigilStore  *self,
                                         GError     **error);
/* Checks a steps document; on error names the step and the field. */
gboolean   vigil_playbook_validate_steps (const char *steps,
                                          guint      *n_steps,
                                          GError    **error);
/* id 0 creates.  Returns the id, or -1. */
gint64     vigil_store_save_playbook    (VigilStore  *self,
                                         gint64       id,
                                         const char  *name,
                                         const char  *category,
                                         const char  *description,
                                         const char  *steps,
                                         gboolean     auto_apply,
                                         GError     **error);
gboolean   vigil_store_delete_playbook  (VigilStore  *self,
                                         gint64       id,
                                         GError     **error);
/* Applies a playbook to an incident by hand: adds its steps as actions
 * (once: a playbook already applied is refused) with one timeline row.
 * *n_added (optional) receives the number of actions added. */
gboolean   vigil_store_apply_playbook   (VigilStore  *self,
                                         gint64       incident_id,
                                         gint64       playbook_id,
                                         guint       *n_added,
                                         GError     **error);

G_END_DECLS
