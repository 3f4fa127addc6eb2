/* vigil-import-thehive.c — TheHive alerts (API v0/v1/v5, TheHive 3 artifacts)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file holds one alert, an array of them, or webhook envelopes
 * ({"objectType": "alert", "object": …}).  Cases, tasks and other objects
 * are skipped.  type + source + sourceRef identify an alert exactly, as in
 * TheHive: a repeat is a duplicate.  Severity is 1–3 (TheHive 3) or 1–4.
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
} TheHiveImporter;

static VigilImporter *
thehive_create (void)
{
  TheHiveImporter *self = g_new0 (TheHiveImporter, 1);
  vigil_json_doc_init (&self->doc);
  return &self->parent;
}

static void
thehive_free (VigilImporter *importer)
{
  TheHiveImporter *self = (TheHiveImporter *) importer;
  vigil_json_doc_clear (&self->doc);
  g_free (self);
}

static const char *
observable_type (const char *data_type,
                 const char *value)
{
  if (g_strcmp0 (data_type, "hash") == 0)
    {
      gsize n = strlen (value);
      return n == 32 ? "md5" : n == 40 ? "sha1" : n == 64 ? "sha256" : "other";
    }
  if (g_strcmp0 (data_type, "fqdn") == 0)
    return "domain";
  return vigil_import_observable_type (data_type);
}

static void
add_observable (VigilAlertEvent *ev,
                const char      *data_type,
                const char      *value,
                gboolean         ioc)
{
  if (value == NULL)
    return;
  if (g_strcmp0 (data_type, "file") == 0)
    {
      /* "name;mime;base64": keep the name, never the content */
      g_autofree char *name = g_strndup (value, strcspn (value, ";"));
      vigil_alert_event_add_observable (ev, "filename", name, ioc);
      return;
    }
  vigil_alert_event_add_observable (ev, observable_type (data_type, value), value, ioc);
}

static void
read_observables (VigilJsonDoc    *doc,
                  int              arr,
                  VigilAlertEvent *ev)
{
  if (arr < 0 || doc->tokens[arr].type != VIGIL_JSON_ARRAY)
    return;
  for (int o = vigil_json_first (doc, arr); o >= 0; o = vigil_json_next (doc, arr, o))
    {
      g_autofree char *data_type = vigil_json_dup (doc, vigil_json_get (doc, o, "dataType"));
      int data = vigil_json_get (doc, o, "data");
      int ioc_tok = vigil_json_get (doc, o, "ioc");
      gboolean ioc = ioc_tok >= 0 && doc->tokens[ioc_tok].type == VIGIL_JSON_TRUE;

      if (data < 0)
        {
          /* an attachment: its name */
          g_autofree char *name = vigil_json_dup_path (doc, o, "attachment.name");
          vigil_alert_event_add_observable (ev, "filename", name, ioc);
          continue;
        }
      if (doc->tokens[data].type == VIGIL_JSON_ARRAY)
        {
          for (int d = vigil_json_first (doc, data); d >= 0; d = vigil_json_next (doc, data, d))
            {
              g_autofree char *v = vigil_json_dup (doc, d);
              add_observable (ev, data_type, v, ioc);
            }
        }
      else
        {
          g_autofree char *v = vigil_json_dup (doc, data);
          add_observable (ev, data_type, v, ioc);
        }
    }
}

static VigilImportResult
thehive_parse (VigilImporter        *importer,
               const char           *record,
               gsize                 len,
               VigilAlertEventFunc   func,
               gpointer              user_data,
               GError              **error)
{
  TheHiveImporter *self = (TheHiveImporter *) importer;
  VigilJsonDoc *doc = &self->doc;
  VigilAlertEvent ev;
  g_autofree char *kind = NULL;
  g_autofree char *date = NULL;
  int root = 0, tok;
  gboolean ok;

  if (!vigil_json_parse (doc, record, len, error))
    return VIGIL_IMPORT_MALFORMED;
  if (doc->tokens[0].type != VIGIL_JSON_OBJECT)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("expected a TheHive alert (a JSON object)"));
      return VIGIL_IMPORT_MALFORMED;
    }

  /* webhook envelope */
  if ((tok = vigil_json_get (doc, 0, "objectType")) >= 0)
    {
      g_autofree char *object_type = vigil_json_dup (doc, tok);
      if (g_ascii_strcasecmp (object_type ? object_type : "", "alert") != 0)
        return VIGIL_IMPORT_SKIPPED;
      root = vigil_json_get (doc, 0, "object");
      if (root < 0 || doc->tokens[root].type != VIGIL_JSON_OBJECT)
        return VIGIL_IMPORT_SKIPPED;
    }

  kind = vigil_json_dup (doc, vigil_json_get (doc, root, "_type"));
  if (kind != NULL && g_ascii_strcasecmp (kind, "alert") != 0)
    return VIGIL_IMPORT_SKIPPED;
  if (vigil_json_get (doc, root, "title") < 0 ||
      (kind == NULL && vigil_json_get (doc, root, "sourceRef") < 0 &&
       vigil_json_get (doc, root, "source") < 0))
    return VIGIL_IMPORT_SKIPPED;  /* a case, a task, a merge request, … */

  vigil_alert_event_init (&ev);
  ev.source = "thehive";
  ev.raw = record;
  ev.raw_len = len;
  ev.title = vigil_json_dup (doc, vigil_json_get (doc, root, "title"));
  ev.description = vigil_json_dup (doc, vigil_json_get (doc, root, "description"));
  ev.type = vigil_json_dup (doc, vigil_json_get (doc, root, "type"));
  ev.source_name = vigil_json_dup (doc, vigil_json_get (doc, root, "source"));
  ev.source_ref = vigil_json_dup (doc, vigil_json_get (doc, root, "sourceRef"));
  ev.keyed = ev.type != NULL && ev.source_name != NULL && ev.source_ref != NULL;
  ev.rule = g_strdup (ev.type ? ev.type : "");
  ev.severity_raw = vigil_json_dup (doc, vigil_json_get (doc, root, "severity"));
  if (ev.title == NULL || *ev.title == '\0')
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("the alert has an empty title"));
      vigil_alert_event_clear (&ev);
      return VIGIL_IMPORT_MALFORMED;
    }
  for (const char * const *k = (const char * const[]) { "date", "_createdAt", "createdAt",
                                                        "startDate", NULL }; *k; k++)
    if ((tok = vigil_json_get (doc, root, *k)) >= 0)
      {
        date = vigil_json_dup (doc, tok);
        break;
      }
  ev.time = vigil_import_time (date);

  read_observables (doc, vigil_json_get (doc, root, "artifacts"), &ev);
  read_observables (doc, vigil_json_get (doc, root, "observables"), &ev);
  for (guint i = 0; ev.observables && i < ev.observables->len; i++)
    {
      VigilAlertObservable *o = &g_array_index (ev.observables, VigilAlertObservable, i);
      if (strcmp (o->type, "ip") == 0 && ev.src_addr == NULL)
        ev.src_addr = g_strdup (o->value);
      else if (strcmp (o->type, "hostname") == 0 && ev.hostname == NULL)
        ev.hostname = g_strdup (o->value);
    }

  ok = func (&ev, user_data, error);
  vigil_alert_event_clear (&ev);
  return ok ? VIGIL_IMPORT_EVENT : VIGIL_IMPORT_FAILED;
}

const VigilImporterClass vigil_import_thehive_class = {
  .name = "thehive",
  .label = N_("TheHive alert JSON"),
  .frame = VIGIL_IMPORT_FRAME_JSON_VALUES,
  .severity_map = "1=low,2=medium,3=high,4=critical,*=medium",
  .create = thehive_create,
  .free = thehive_free,
  .parse = thehive_parse,
};
