/* vigil-alert.h — an alert group, as the alerts page and vigilctl show it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A read-only snapshot of one `alerts` row with its enrichment (the linked
 * asset's criticality, owner team and contact, the incident's reference).
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_ALERT (vigil_alert_get_type ())
G_DECLARE_FINAL_TYPE (VigilAlert, vigil_alert, VIGIL, ALERT, GObject)

/* The fields, in the order of the `fields` table of vigil-alert.c. */
typedef enum
{
  VIGIL_ALERT_SOURCE,
  VIGIL_ALERT_SOURCE_REF,
  VIGIL_ALERT_TYPE,
  VIGIL_ALERT_TITLE,
  VIGIL_ALERT_DESCRIPTION,
  VIGIL_ALERT_RULE,
  VIGIL_ALERT_SEVERITY,
  VIGIL_ALERT_SRC_ADDR,
  VIGIL_ALERT_DST_ADDR,
  VIGIL_ALERT_PROTO,
  VIGIL_ALERT_HOSTNAME,
  VIGIL_ALERT_STATUS,
  VIGIL_ALERT_DISMISS_REASON,
  VIGIL_ALERT_FIRST_SEEN,
  VIGIL_ALERT_LAST_SEEN,
  VIGIL_ALERT_RAW,
  VIGIL_ALERT_INCIDENT_REF,
  VIGIL_ALERT_ASSET_NAME,
  VIGIL_ALERT_ASSET_CRITICALITY,
  VIGIL_ALERT_OWNER_TEAM,
  VIGIL_ALERT_CONTACT,       /* the asset's technical contact: name */
  VIGIL_ALERT_CONTACT_EMAIL,
  VIGIL_ALERT_CONTACT_PHONE,
  VIGIL_ALERT_N_TEXT
} VigilAlertText;

VigilAlert *vigil_alert_new          (gint64          id);
gint64      vigil_alert_get_id       (VigilAlert     *self);
const char *vigil_alert_get_text     (VigilAlert     *self,
                                      VigilAlertText  field);
/* Takes ownership of `value`. */
void        vigil_alert_take_text    (VigilAlert     *self,
                                      VigilAlertText  field,
                                      char           *value);
gint64      vigil_alert_get_count    (VigilAlert     *self);
gint64      vigil_alert_get_src_port (VigilAlert     *self);
gint64      vigil_alert_get_dst_port (VigilAlert     *self);
gint64      vigil_alert_get_asset_id (VigilAlert     *self);
gint64      vigil_alert_get_incident_id (VigilAlert  *self);
void        vigil_alert_set_numbers  (VigilAlert     *self,
                                      gint64          count,
                                      gint64          src_port,
                                      gint64          dst_port,
                                      gint64          asset_id,
                                      gint64          incident_id);
/* The name of a field for --json and the properties: "source", "title", … */
const char *vigil_alert_text_name    (VigilAlertText  field);

#define vigil_alert_get_title(a)    vigil_alert_get_text ((a), VIGIL_ALERT_TITLE)
#define vigil_alert_get_severity(a) vigil_alert_get_text ((a), VIGIL_ALERT_SEVERITY)
#define vigil_alert_get_status(a)   vigil_alert_get_text ((a), VIGIL_ALERT_STATUS)

G_END_DECLS
