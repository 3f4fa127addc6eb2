/* vigil-alert.c — an alert group, as the alerts page and vigilctl show it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-alert.h"

struct _VigilAlert
{
  GObject  parent_instance;
  gint64   id;
  gint64   count;
  gint64   src_port;
  gint64   dst_port;
  gint64   asset_id;
  gint64   incident_id;
  char    *text[VIGIL_ALERT_N_TEXT];
};

G_DEFINE_FINAL_TYPE (VigilAlert, vigil_alert, G_TYPE_OBJECT)

static const char * const text_names[VIGIL_ALERT_N_TEXT] = {
  "source", "source-ref", "type", "title", "description", "rule", "severity", "src-addr",
  "dst-addr", "proto", "hostname", "status", "dismiss-reason", "first-seen", "last-seen", "raw",
  "incident-ref", "asset-name", "asset-criticality", "owner-team", "contact", "contact-email",
  "contact-phone",
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_COUNT,
  PROP_FIRST_TEXT,
  N_PROPS = PROP_FIRST_TEXT + VIGIL_ALERT_N_TEXT
};

static GParamSpec *properties[N_PROPS];

static void
vigil_alert_finalize (GObject *object)
{
  VigilAlert *self = VIGIL_ALERT (object);

  for (guint i = 0; i < VIGIL_ALERT_N_TEXT; i++)
    g_free (self->text[i]);
  G_OBJECT_CLASS (vigil_alert_parent_class)->finalize (object);
}

static void
vigil_alert_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VigilAlert *self = VIGIL_ALERT (object);

  if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (prop_id == PROP_COUNT)
    g_value_set_int64 (value, self->count);
  else if (prop_id >= PROP_FIRST_TEXT && prop_id < N_PROPS)
    g_value_set_string (value, self->text[prop_id - PROP_FIRST_TEXT]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
vigil_alert_class_init (VigilAlertClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_alert_finalize;
  object_class->get_property = vigil_alert_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNT] = g_param_spec_int64 ("count", NULL, NULL, 0, G_MAXINT64, 0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  for (guint i = 0; i < VIGIL_ALERT_N_TEXT; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (text_names[i], NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_alert_init (VigilAlert *self)
{
}

VigilAlert *
vigil_alert_new (gint64 id)
{
  VigilAlert *self = g_object_new (VIGIL_TYPE_ALERT, NULL);
  self->id = id;
  return self;
}

gint64
vigil_alert_get_id (VigilAlert *self)
{
  g_return_val_if_fail (VIGIL_IS_ALERT (self), 0);
  return self->id;
}

const char *
vigil_alert_get_text (VigilAlert     *self,
                      VigilAlertText  field)
{
  g_return_val_if_fail (VIGIL_IS_ALERT (self), NULL);
  g_return_val_if_fail (field < VIGIL_ALERT_N_TEXT, NULL);
  return self->text[field];
}

void
vigil_alert_take_text (VigilAlert     *self,
                       VigilAlertText  field,
                       char           *value)
{
  g_return_if_fail (VIGIL_IS_ALERT (self));
  g_return_if_fail (field < VIGIL_ALERT_N_TEXT);
  g_free (self->text[field]);
  self->text[field] = value;
}

gint64 vigil_alert_get_count (VigilAlert *self) { return self->count; }
gint64 vigil_alert_get_src_port (VigilAlert *self) { return self->src_port; }
gint64 vigil_alert_get_dst_port (VigilAlert *self) { return self->dst_port; }
gint64 vigil_alert_get_asset_id (VigilAlert *self) { return self->asset_id; }
gint64 vigil_alert_get_incident_id (VigilAlert *self) { return self->incident_id; }

void
vigil_alert_set_numbers (VigilAlert *self,
                         gint64      count,
                         gint64      src_port,
                         gint64      dst_port,
                         gint64      asset_id,
                         gint64      incident_id)
{
  self->count = count;
  self->src_port = src_port;
  self->dst_port = dst_port;
  self->asset_id = asset_id;
  self->incident_id = incident_id;
}

const char *
vigil_alert_text_name (VigilAlertText field)
{
  g_return_val_if_fail (field < VIGIL_ALERT_N_TEXT, NULL);
  return text_names[field];
}
