/* vigil-store-incidents.h — incidents in the store
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-incident.h"
#include "vigil-store.h"

G_BEGIN_DECLS

VigilIncident *vigil_store_get_incident      (VigilStore   *self,
                                              gint64        id,
                                              GError      **error);
VigilIncident *vigil_store_find_incident     (VigilStore   *self,
                                              const char   *ref,
                                              GError      **error);
/* Ids of the incidents in `stage` (NULL: all), most urgent first. */
GArray        *vigil_store_list_incident_ids (VigilStore   *self,
                                              const char   *stage,
                                              GError      **error);

G_END_DECLS
