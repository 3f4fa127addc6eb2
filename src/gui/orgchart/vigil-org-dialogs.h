/* vigil-org-dialogs.h — create and edit people and teams
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"

G_BEGIN_DECLS

/* person_id 0: a new person, reporting to `manager_id` (0: nobody). */
void vigil_org_person_dialog_present (GtkWidget  *parent,
                                      VigilStore *store,
                                      gint64      person_id,
                                      gint64      manager_id);
/* team_id 0: a new team. */
void vigil_org_team_dialog_present   (GtkWidget  *parent,
                                      VigilStore *store,
                                      gint64      team_id);

G_END_DECLS
