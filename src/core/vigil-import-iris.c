/* vigil-import-iris.c — DFIR-IRIS alerts (POST /alerts/add bodies, API answers)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file holds one alert, an array of them, or an API answer wrapping them
 * in "data".  alert_iocs become observables; alert_assets name the hosts
 * (asset_name, asset_ip) the alert links to.  alert_source_ref is not unique
 * in IRIS, so alerts fold by fingerprint.  Severity ids: 1 unspecified,
 * 2 informational, 3 low, 4 medium, 5 high, 6 critical.
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
} IrisImporter;

static VigilImporter *
iris_create (void)
{
  IrisImporter *self = g_new0 (IrisImporter, 1);
  vigil_json_doc_init (&self->doc);
  return &self->parent;
}

static void
iris_free (VigilImporter *importer)
{
  IrisImporter *self = (IrisImporter *) importer;
  vigil_json_doc_clear (&self->doc);
  g_free (self);
}

static gboolean
one_alert (VigilJsonDoc         *doc,
           int                   root,
           const char           *record,
           gsize                 len,
           VigilAlertEventFunc   func,
           gpointer              user_data,
           GError              **error)
{
  VigilAlertEvent ev;
  g_autofree char *when = NULL;
  int arr;
  gboolean ok;

  vigil_alert_event_init (&ev);
  ev.source = "iris";
  ev.type = g_strdup ("iris");
  ev.raw = doc->text + doc->tokens[root].start;
  ev.raw_len = doc->tokens[root].end - doc->tokens[root].start;
  ev.title = vigil_json_dup (doc, vigil_json_get (doc, root, "alert_title"));
  ev.description = vigil_json_dup (doc, vigil_json_get (doc, root, "alert_description"));
  ev.source_name = vigil_json_dup (doc, vigil_json_get (doc, root, "alert_source"));
  ev.source_ref = vigil_json_dup (doc, vigil_json_get (doc, root, "alert_source_ref"));
  ev.severity_raw = vigil_json_dup (doc, vigil_json_get (doc, root, "alert_severity_id"));
  if (ev.severity_raw == NULL)
    ev.severity_raw = vigil_json_dup_path (doc, root, "severity.severity_name");
  ev.rule = g_strdup (ev.title);
  when = vigil_json_dup (doc, vigil_json_get (doc, root, "alert_source_event_time"));
  ev.time = vigil_import_time (when);

  arr = vigil_json_get (doc, root, "alert_iocs");
  if (arr >= 0 && doc->tokens[arr].type == VIGIL_JSON_ARRAY)
    for (int o = vigil_json_first (doc, arr); o >= 0; o = vigil_json_next (doc, arr, o))
      {
        g_autofree char *value = vigil_json_dup (doc, vigil_json_get (doc, o, "ioc_value"));
        g_autofree char *type = vigil_json_dup (doc, vigil_json_get (doc, o, "ioc_type"));
        if (type == NULL)
          type = vigil_json_dup_path (doc, o, "ioc_type.type_name");
        vigil_alert_event_add_observable (&ev, vigil_import_observable_type (type), value, TRUE);
      }

  arr = vigil_json_get (doc, root, "alert_assets");
  if (arr >= 0 && doc->tokens[arr].type == VIGIL_JSON_ARRAY)
    for (int a = vigil_json_first (doc, arr); a >= 0; a = vigil_json_next (doc, arr, a))
      {
        g_autofree char *name = vigil_json_dup (doc, vigil_json_get (doc, a, "asset_name"));
        g_autofree char *ip = vigil_json_dup (doc, vigil_json_get (doc, a, "asset_ip"));
        if (ev.hostname == NULL && name != NULL && *name)
          ev.hostname = g_strdup (name);
        if (ev.dst_addr == NULL && ip != NULL && *ip)
          ev.dst_addr = g_strdup (ip);
        vigil_alert_event_add_observable (&ev, "hostname", name, FALSE);
        vigil_alert_event_add_observable (&ev, "ip", ip, FALSE);
      }

  if (ev.title == NULL || *ev.title == '\0')
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("the alert has no “alert_title”"));
      vigil_alert_event_clear (&ev);
      return FALSE;
    }
  ok = func (&ev, user_data, error);
  vigil_alert_event_clear (&ev);
  return ok;
}

static VigilImportResult
iris_parse (VigilImporter        *importer,
            const char           *record,
            gsize                 len,
            VigilAlertEventFunc   func,
            gpointer              user_data,
            GError              **error)
{
  IrisImporter *self = (IrisImporter *) importer;
  VigilJsonDoc *doc = &self->doc;
  int root = 0, data;
  guint n = 0;

  if (!vigil_json_parse (doc, record, len, error))
    return VIGIL_IMPORT_MALFORMED;
  if ((data = vigil_json_get (doc, 0, "data")) >= 0)
    root = data;
  if (doc->tokens[root].type == VIGIL_JSON_OBJECT &&
      (data = vigil_json_get (doc, root, "alerts")) >= 0)
    root = data;  /* a page of the alerts filter answer */

  if (doc->tokens[root].type == VIGIL_JSON_ARRAY)
    {
      for (int a = vigil_json_first (doc, root); a >= 0; a = vigil_json_next (doc, root, a))
        {
          if (vigil_json_get (doc, a, "alert_title") < 0)
            continue;
          if (!one_alert (doc, a, record, len, func, user_data, error))
            return VIGIL_IMPORT_FAILED;
          n++;
        }
      return n > 0 ? VIGIL_IMPORT_EVENT : VIGIL_IMPORT_SKIPPED;
    }
  if (doc->tokens[root].type != VIGIL_JSON_OBJECT)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("expected a DFIR-IRIS alert (a JSON object)"));
      return VIGIL_IMPORT_MALFORMED;
    }
  if (vigil_json_get (doc, root, "alert_title") < 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("not a DFIR-IRIS alert: no “alert_title”"));
      return VIGIL_IMPORT_MALFORMED;
    }
  if (!one_alert (doc, root, record, len, func, user_data, error))
    return (error && *error && (*error)->code == VIGIL_ERROR_VALIDATION)
           ? VIGIL_IMPORT_MALFORMED : VIGIL_IMPORT_FAILED;
  return VIGIL_IMPORT_EVENT;
}

const VigilImporterClass vigil_import_iris_class = {
  .name = "iris",
  .label = N_("DFIR-IRIS alert JSON"),
  .frame = VIGIL_IMPORT_FRAME_JSON_VALUES,
  .severity_map = "1-3=low,4=medium,5=high,6=critical,*=medium",
  .create = iris_create,
  .free = iris_free,
  .parse = iris_parse,
};
