/* vigil-import-misp.c — MISP events ({"Event": …} wrapped or bare)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One event is one alert, identified by its uuid (a repeat is a duplicate);
 * its attributes, top-level and inside objects, become observables (to_ids
 * marks an IOC).  A search answer {"response": [{"Event": …}, …]} gives one
 * alert per event.  threat_level_id: 1 high, 2 medium, 3 low, 4 undefined.
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
} MispImporter;

static VigilImporter *
misp_create (void)
{
  MispImporter *self = g_new0 (MispImporter, 1);
  vigil_json_doc_init (&self->doc);
  return &self->parent;
}

static void
misp_free (VigilImporter *importer)
{
  MispImporter *self = (MispImporter *) importer;
  vigil_json_doc_clear (&self->doc);
  g_free (self);
}

static void
add_attribute (VigilJsonDoc    *doc,
               int              attr,
               VigilAlertEvent *ev)
{
  g_autofree char *type = vigil_json_dup (doc, vigil_json_get (doc, attr, "type"));
  g_autofree char *value = vigil_json_dup (doc, vigil_json_get (doc, attr, "value"));
  int to_ids = vigil_json_get (doc, attr, "to_ids");
  gboolean ioc = to_ids >= 0 && doc->tokens[to_ids].type == VIGIL_JSON_TRUE;
  int deleted = vigil_json_get (doc, attr, "deleted");
  const char *vtype;
  char *bar;

  if (value == NULL || type == NULL)
    return;
  if (deleted >= 0 && doc->tokens[deleted].type == VIGIL_JSON_TRUE)
    return;
  vtype = vigil_import_observable_type (type);
  bar = strchr (value, '|');
  if (bar != NULL && strchr (type, '|') != NULL)
    {
      /* composite: "file.exe|<hash>", "1.2.3.4|443", "example.com|1.2.3.4" */
      if (g_str_has_prefix (type, "filename|"))
        {
          *bar = '\0';
          vigil_alert_event_add_observable (ev, "filename", value, ioc);
          vigil_alert_event_add_observable (ev, vtype, bar + 1, ioc);
          return;
        }
      if (g_str_has_prefix (type, "domain|"))
        {
          *bar = '\0';
          vigil_alert_event_add_observable (ev, "domain", value, ioc);
          vigil_alert_event_add_observable (ev, "ip", bar + 1, ioc);
          return;
        }
      *bar = '\0';
    }
  vigil_alert_event_add_observable (ev, vtype, value, ioc);
}

static void
add_attributes (VigilJsonDoc    *doc,
                int              arr,
                VigilAlertEvent *ev)
{
  if (arr < 0 || doc->tokens[arr].type != VIGIL_JSON_ARRAY)
    return;
  for (int a = vigil_json_first (doc, arr); a >= 0; a = vigil_json_next (doc, arr, a))
    add_attribute (doc, a, ev);
}

static gboolean
one_event (VigilJsonDoc         *doc,
           int                   root,
           VigilAlertEventFunc   func,
           gpointer              user_data,
           GError              **error)
{
  VigilAlertEvent ev;
  g_autofree char *when = NULL;
  int objects;
  gboolean ok;

  vigil_alert_event_init (&ev);
  ev.source = "misp";
  ev.type = g_strdup ("misp-event");
  ev.raw = doc->text + doc->tokens[root].start;
  ev.raw_len = doc->tokens[root].end - doc->tokens[root].start;
  ev.title = vigil_json_dup (doc, vigil_json_get (doc, root, "info"));
  if (ev.title == NULL || *ev.title == '\0')
    {
      g_free (ev.title);
      ev.title = g_strdup (_("MISP event"));
    }
  ev.source_ref = vigil_json_dup (doc, vigil_json_get (doc, root, "uuid"));
  ev.source_name = vigil_json_dup_path (doc, root, "Orgc.name");
  ev.keyed = ev.source_ref != NULL;
  if (ev.keyed && ev.source_name == NULL)
    ev.source_name = g_strdup ("misp");
  ev.rule = g_strdup (ev.title);
  ev.severity_raw = vigil_json_dup (doc, vigil_json_get (doc, root, "threat_level_id"));
  when = vigil_json_dup (doc, vigil_json_get (doc, root, "timestamp"));
  if (when == NULL)
    when = vigil_json_dup (doc, vigil_json_get (doc, root, "date"));
  ev.time = vigil_import_time (when);
  if (ev.time == NULL && when != NULL)
    {
      g_free (when);
      when = vigil_json_dup (doc, vigil_json_get (doc, root, "date"));
      ev.time = vigil_import_time (when);
    }

  add_attributes (doc, vigil_json_get (doc, root, "Attribute"), &ev);
  objects = vigil_json_get (doc, root, "Object");
  if (objects >= 0 && doc->tokens[objects].type == VIGIL_JSON_ARRAY)
    for (int o = vigil_json_first (doc, objects); o >= 0; o = vigil_json_next (doc, objects, o))
      add_attributes (doc, vigil_json_get (doc, o, "Attribute"), &ev);

  ok = func (&ev, user_data, error);
  vigil_alert_event_clear (&ev);
  return ok;
}

static VigilImportResult
misp_parse (VigilImporter        *importer,
            const char           *record,
            gsize                 len,
            VigilAlertEventFunc   func,
            gpointer              user_data,
            GError              **error)
{
  MispImporter *self = (MispImporter *) importer;
  VigilJsonDoc *doc = &self->doc;
  int root = 0, tok;

  if (!vigil_json_parse (doc, record, len, error))
    return VIGIL_IMPORT_MALFORMED;
  if (doc->tokens[0].type != VIGIL_JSON_OBJECT)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("expected a MISP event (a JSON object)"));
      return VIGIL_IMPORT_MALFORMED;
    }
  if ((tok = vigil_json_get (doc, 0, "response")) >= 0 &&
      doc->tokens[tok].type == VIGIL_JSON_ARRAY)
    {
      guint n = 0;
      for (int e = vigil_json_first (doc, tok); e >= 0; e = vigil_json_next (doc, tok, e))
        {
          int ev = vigil_json_get (doc, e, "Event");
          if (ev < 0)
            continue;
          if (!one_event (doc, ev, func, user_data, error))
            return VIGIL_IMPORT_FAILED;
          n++;
        }
      return n > 0 ? VIGIL_IMPORT_EVENT : VIGIL_IMPORT_SKIPPED;
    }
  if ((tok = vigil_json_get (doc, 0, "Event")) >= 0)
    root = tok;
  if (doc->tokens[root].type != VIGIL_JSON_OBJECT ||
      (vigil_json_get (doc, root, "info") < 0 && vigil_json_get (doc, root, "Attribute") < 0 &&
       vigil_json_get (doc, root, "Object") < 0))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("not a MISP event: no “info”, “Attribute” or “Object”"));
      return VIGIL_IMPORT_MALFORMED;
    }
  return one_event (doc, root, func, user_data, error) ? VIGIL_IMPORT_EVENT
                                                        : VIGIL_IMPORT_FAILED;
}

const VigilImporterClass vigil_import_misp_class = {
  .name = "misp",
  .label = N_("MISP event JSON"),
  .frame = VIGIL_IMPORT_FRAME_JSON_VALUES,
  .severity_map = "1=high,2=medium,3=low,4=low,*=medium",
  .create = misp_create,
  .free = misp_free,
  .parse = misp_parse,
};
