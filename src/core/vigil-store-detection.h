/* vigil-store-detection.h — requests to set up detection
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A detection request asks a team (usually security engineering) to detect
 * something (what), somewhere (where), for a reason (why), from an incident
 * or an alert.  Its status goes requested → accepted → deployed, or
 * rejected.
 */
#pragma once

#include "vigil-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  incident_id;
  char   *incident_ref;
  gint64  alert_id;
  gint64  team_id;
  char   *team_name;
  char   *what;
  char   *where_;
  char   *why;
  char   *status;
  char   *actor;
  char   *created_at;
  char   *updated_at;
} VigilDetectionRequest;

void       vigil_detection_request_free (VigilDetectionRequest *request);

/* incident_id or alert_id may be 0; team by id or name. */
gint64     vigil_store_add_detection_request (VigilStore  *self,
                                              gint64       incident_id,
                                              gint64       alert_id,
                                              gint64       team_id,
                                              const char  *team,
                                              const char  *what,
                                              const char  *where_,
                                              const char  *why,
                                              GError     **error);
/* requested → accepted → deployed; requested or accepted → rejected;
 * rejected → requested (asked again).  Anything else is refused. */
gboolean   vigil_store_set_detection_status  (VigilStore  *self,
                                              gint64       id,
                                              const char  *status,
                                              GError     **error);
/* status NULL: all; incident_id 0: every incident.  Open ones first. */
GPtrArray *vigil_store_list_detection_requests (VigilStore  *self,
                                                const char  *status,
                                                gint64       incident_id,
                                                GError     **error);

G_END_DECLS
