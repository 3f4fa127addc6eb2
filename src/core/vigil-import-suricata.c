/* vigil-import-suricata.c — Suricata EVE JSON (one event per line, or an array)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only event_type "alert" becomes an alert; dns, flow, http, … are counted
 * as skipped.  flow_id is an unsigned 64-bit number, kept as written.
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
} SuricataImporter;

static VigilImporter *
suricata_create (void)
{
  SuricataImporter *self = g_new0 (SuricataImporter, 1);
  vigil_json_doc_init (&self->doc);
  return &self->parent;
}

static void
suricata_free (VigilImporter *importer)
{
  SuricataImporter *self = (SuricataImporter *) importer;
  vigil_json_doc_clear (&self->doc);
  g_free (self);
}

static VigilImportResult
suricata_parse (VigilImporter        *importer,
                const char           *record,
                gsize                 len,
                VigilAlertEventFunc   func,
                gpointer              user_data,
                GError              **error)
{
  SuricataImporter *self = (SuricataImporter *) importer;
  VigilJsonDoc *doc = &self->doc;
  VigilAlertEvent ev;
  g_autofree char *timestamp = NULL;
  int alert, type, tok;
  gboolean ok;

  if (!vigil_json_parse (doc, record, len, error))
    return VIGIL_IMPORT_MALFORMED;
  if (doc->tokens[0].type != VIGIL_JSON_OBJECT)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("expected an EVE event (a JSON object)"));
      return VIGIL_IMPORT_MALFORMED;
    }
  type = vigil_json_get (doc, 0, "event_type");
  if (type < 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("no “event_type” member"));
      return VIGIL_IMPORT_MALFORMED;
    }
  if (!vigil_json_string_is (doc, type, "alert"))
    return VIGIL_IMPORT_SKIPPED;
  alert = vigil_json_get (doc, 0, "alert");
  if (alert < 0 || doc->tokens[alert].type != VIGIL_JSON_OBJECT)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("an alert event without an “alert” object"));
      return VIGIL_IMPORT_MALFORMED;
    }

  vigil_alert_event_init (&ev);
  ev.source = "suricata";
  ev.type = g_strdup ("ids");
  ev.raw = record;
  ev.raw_len = len;
  ev.rule = vigil_json_dup (doc, vigil_json_get (doc, alert, "signature_id"));
  ev.title = vigil_json_dup (doc, vigil_json_get (doc, alert, "signature"));
  if (ev.title == NULL)
    ev.title = ev.rule ? g_strdup_printf (_("Suricata signature %s"), ev.rule)
                       : g_strdup (_("Suricata alert"));
  if (ev.rule == NULL)
    ev.rule = g_strdup (ev.title);
  ev.description = vigil_json_dup (doc, vigil_json_get (doc, alert, "category"));
  ev.severity_raw = vigil_json_dup (doc, vigil_json_get (doc, alert, "severity"));
  ev.src_addr = vigil_json_dup (doc, vigil_json_get (doc, 0, "src_ip"));
  ev.dst_addr = vigil_json_dup (doc, vigil_json_get (doc, 0, "dest_ip"));
  vigil_json_int64 (doc, vigil_json_get (doc, 0, "src_port"), &ev.src_port);
  vigil_json_int64 (doc, vigil_json_get (doc, 0, "dest_port"), &ev.dst_port);
  ev.proto = vigil_json_dup (doc, vigil_json_get (doc, 0, "proto"));
  ev.source_ref = vigil_json_dup (doc, vigil_json_get (doc, 0, "flow_id"));
  timestamp = vigil_json_dup (doc, vigil_json_get (doc, 0, "timestamp"));
  ev.time = vigil_import_time (timestamp);
  if (timestamp != NULL && ev.time == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("“timestamp” is not a time: %s"), timestamp);
      vigil_alert_event_clear (&ev);
      return VIGIL_IMPORT_MALFORMED;
    }

  if (ev.src_addr && strcmp (ev.src_addr, "0.0.0.0") != 0)
    vigil_alert_event_add_observable (&ev, "ip", ev.src_addr, FALSE);
  if (ev.dst_addr && strcmp (ev.dst_addr, "0.0.0.0") != 0)
    vigil_alert_event_add_observable (&ev, "ip", ev.dst_addr, FALSE);
  {
    /* EVE's protocol objects; each is looked up once, then its members
     * (EVE keys never contain dots, so no dotted-key lookup is needed) */
    static const struct { const char *object; const char *member; const char *type; } extra[] = {
      { "http", "hostname", "domain" }, { "tls", "sni", "domain" }, { "dns", "rrname", "domain" },
      { "fileinfo", "filename", "filename" }, { "fileinfo", "md5", "md5" },
      { "fileinfo", "sha1", "sha1" }, { "fileinfo", "sha256", "sha256" },
      { "smtp", "mail_from", "email" },
    };
    const char *object = NULL;
    int parent = -1;

    for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
      {
        if (object == NULL || strcmp (object, extra[i].object) != 0)
          {
            object = extra[i].object;
            parent = vigil_json_get (doc, 0, object);
          }
        if (parent >= 0 && (tok = vigil_json_get (doc, parent, extra[i].member)) >= 0)
          {
            g_autofree char *v = vigil_json_dup (doc, tok);
            vigil_alert_event_add_observable (&ev, extra[i].type, v, FALSE);
          }
      }
  }

  ok = func (&ev, user_data, error);
  vigil_alert_event_clear (&ev);
  return ok ? VIGIL_IMPORT_EVENT : VIGIL_IMPORT_FAILED;
}

const VigilImporterClass vigil_import_suricata_class = {
  .name = "suricata",
  .label = N_("Suricata EVE JSON"),
  .frame = VIGIL_IMPORT_FRAME_LINES,
  .severity_map = "1=high,2=medium,3=low,4=low,*=medium",
  .create = suricata_create,
  .free = suricata_free,
  .parse = suricata_parse,
};
