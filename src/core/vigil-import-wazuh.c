/* vigil-import-wazuh.c — Wazuh alerts.json (one alert per line)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rule.id is a string and rule.level a number (0–15); data.srcport is a
 * string.  The agent is where the alert happened: its name and address link
 * the alert to an asset.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-import-json.h"
#include "vigil-importer.h"

typedef struct
{
  VigilImporter parent;
  VigilJsonDoc  doc;
} WazuhImporter;

static VigilImporter *
wazuh_create (void)
{
  WazuhImporter *self = g_new0 (WazuhImporter, 1);
  vigil_json_doc_init (&self->doc);
  return &self->parent;
}

static void
wazuh_free (VigilImporter *importer)
{
  WazuhImporter *self = (WazuhImporter *) importer;
  vigil_json_doc_clear (&self->doc);
  g_free (self);
}

static VigilImportResult
wazuh_parse (VigilImporter        *importer,
             const char           *record,
             gsize                 len,
             VigilAlertEventFunc   func,
             gpointer              user_data,
             GError              **error)
{
  WazuhImporter *self = (WazuhImporter *) importer;
  VigilJsonDoc *doc = &self->doc;
  VigilAlertEvent ev;
  g_autofree char *timestamp = NULL;
  int rule, tok;
  gboolean ok;

  if (!vigil_json_parse (doc, record, len, error))
    return VIGIL_IMPORT_MALFORMED;
  if (doc->tokens[0].type != VIGIL_JSON_OBJECT)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("expected a Wazuh alert (a JSON object)"));
      return VIGIL_IMPORT_MALFORMED;
    }
  rule = vigil_json_get (doc, 0, "rule");
  if (rule < 0 || doc->tokens[rule].type != VIGIL_JSON_OBJECT)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("no “rule” object"));
      return VIGIL_IMPORT_MALFORMED;
    }

  vigil_alert_event_init (&ev);
  ev.source = "wazuh";
  ev.type = g_strdup ("hids");
  ev.raw = record;
  ev.raw_len = len;
  ev.rule = vigil_json_dup (doc, vigil_json_get (doc, rule, "id"));
  ev.title = vigil_json_dup (doc, vigil_json_get (doc, rule, "description"));
  if (ev.rule == NULL && ev.title == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("the rule has neither “id” nor “description”"));
      vigil_alert_event_clear (&ev);
      return VIGIL_IMPORT_MALFORMED;
    }
  if (ev.title == NULL)
    ev.title = g_strdup_printf (_("Wazuh rule %s"), ev.rule);
  if (ev.rule == NULL)
    ev.rule = g_strdup (ev.title);
  ev.severity_raw = vigil_json_dup (doc, vigil_json_get (doc, rule, "level"));
  ev.description = vigil_json_dup (doc, vigil_json_get (doc, 0, "full_log"));
  ev.source_ref = vigil_json_dup (doc, vigil_json_get (doc, 0, "id"));
  ev.hostname = vigil_json_dup_path (doc, 0, "agent.name");
  ev.src_addr = vigil_json_dup_path (doc, 0, "data.srcip");
  ev.dst_addr = vigil_json_dup_path (doc, 0, "data.dstip");
  if (ev.dst_addr == NULL)
    ev.dst_addr = vigil_json_dup_path (doc, 0, "agent.ip");
  vigil_json_int64 (doc, vigil_json_path (doc, 0, "data.srcport"), &ev.src_port);
  vigil_json_int64 (doc, vigil_json_path (doc, 0, "data.dstport"), &ev.dst_port);
  ev.proto = vigil_json_dup_path (doc, 0, "data.protocol");
  timestamp = vigil_json_dup (doc, vigil_json_get (doc, 0, "timestamp"));
  ev.time = vigil_import_time (timestamp);
  if (timestamp != NULL && ev.time == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("“timestamp” is not a time: %s"), timestamp);
      vigil_alert_event_clear (&ev);
      return VIGIL_IMPORT_MALFORMED;
    }

  vigil_alert_event_add_observable (&ev, "ip", ev.src_addr, FALSE);
  {
    static const struct { const char *path; const char *type; } extra[] = {
      { "data.dstip", "ip" }, { "data.srcuser", "account" }, { "data.dstuser", "account" },
      { "data.url", "url" }, { "syscheck.path", "filename" },
      { "syscheck.md5_after", "md5" }, { "syscheck.sha1_after", "sha1" },
      { "syscheck.sha256_after", "sha256" }, { "agent.name", "hostname" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
      if ((tok = vigil_json_path (doc, 0, extra[i].path)) >= 0)
        {
          g_autofree char *v = vigil_json_dup (doc, tok);
          vigil_alert_event_add_observable (&ev, extra[i].type, v, FALSE);
        }
  }

  ok = func (&ev, user_data, error);
  vigil_alert_event_clear (&ev);
  return ok ? VIGIL_IMPORT_EVENT : VIGIL_IMPORT_FAILED;
}

const VigilImporterClass vigil_import_wazuh_class = {
  .name = "wazuh",
  .label = N_("Wazuh alerts.json"),
  .frame = VIGIL_IMPORT_FRAME_LINES,
  .severity_map = "0-3=low,4-7=medium,8-11=high,12-15=critical,*=medium",
  .create = wazuh_create,
  .free = wazuh_free,
  .parse = wazuh_parse,
};
