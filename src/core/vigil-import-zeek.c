/* vigil-import-zeek.c — Zeek notice.log, TSV (with #fields headers) or JSON
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TSV: "#separator \x09", "#fields …" name the columns; "-" is unset and
 * "(empty)" an empty set; ts is epoch seconds.  JSON: one notice per line,
 * ts ISO 8601 or epoch; lines of another log (_path) are skipped.  The note
 * (SSL::Invalid_Server_Cert) is the rule.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-import-json.h"
#include "vigil-importer.h"

typedef struct
{
  VigilImporter  parent;
  VigilJsonDoc   doc;
  char           separator;
  char         **fields;      /* from #fields */
  char          *unset;
  char          *empty;
  char          *path;        /* from #path */
} ZeekImporter;

static VigilImporter *
zeek_create (void)
{
  ZeekImporter *self = g_new0 (ZeekImporter, 1);
  vigil_json_doc_init (&self->doc);
  self->separator = '\t';
  self->unset = g_strdup ("-");
  self->empty = g_strdup ("(empty)");
  return &self->parent;
}

static void
zeek_free (VigilImporter *importer)
{
  ZeekImporter *self = (ZeekImporter *) importer;
  vigil_json_doc_clear (&self->doc);
  g_strfreev (self->fields);
  g_free (self->unset);
  g_free (self->empty);
  g_free (self->path);
  g_free (self);
}

/* Zeek escapes bytes as \xNN and the backslash as \\ */
static char *
unescape (const char *s)
{
  GString *out;

  if (strchr (s, '\\') == NULL)
    return g_strdup (s);
  out = g_string_new (NULL);
  for (; *s; s++)
    {
      if (s[0] == '\\' && s[1] == 'x' && g_ascii_isxdigit (s[2]) && g_ascii_isxdigit (s[3]))
        {
          g_string_append_c (out, (char) (g_ascii_xdigit_value (s[2]) * 16 +
                                          g_ascii_xdigit_value (s[3])));
          s += 3;
        }
      else if (s[0] == '\\' && s[1] == '\\')
        {
          g_string_append_c (out, '\\');
          s++;
        }
      else
        g_string_append_c (out, *s);
    }
  if (!g_utf8_validate (out->str, out->len, NULL))
    {
      char *valid = g_utf8_make_valid (out->str, out->len);
      g_string_free (out, TRUE);
      return valid;
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  char *ts, *uid, *orig_h, *orig_p, *resp_h, *resp_p, *proto, *note, *msg, *sub, *src, *dst;
} Notice;

static void
notice_clear (Notice *n)
{
  g_free (n->ts); g_free (n->uid); g_free (n->orig_h); g_free (n->orig_p);
  g_free (n->resp_h); g_free (n->resp_p); g_free (n->proto); g_free (n->note);
  g_free (n->msg); g_free (n->sub); g_free (n->src); g_free (n->dst);
}

static char **
notice_slot (Notice     *n,
             const char *field)
{
  static const struct { const char *name; gsize offset; } map[] = {
    { "ts", G_STRUCT_OFFSET (Notice, ts) }, { "uid", G_STRUCT_OFFSET (Notice, uid) },
    { "id.orig_h", G_STRUCT_OFFSET (Notice, orig_h) },
    { "id.orig_p", G_STRUCT_OFFSET (Notice, orig_p) },
    { "id.resp_h", G_STRUCT_OFFSET (Notice, resp_h) },
    { "id.resp_p", G_STRUCT_OFFSET (Notice, resp_p) },
    { "proto", G_STRUCT_OFFSET (Notice, proto) }, { "note", G_STRUCT_OFFSET (Notice, note) },
    { "msg", G_STRUCT_OFFSET (Notice, msg) }, { "sub", G_STRUCT_OFFSET (Notice, sub) },
    { "src", G_STRUCT_OFFSET (Notice, src) }, { "dst", G_STRUCT_OFFSET (Notice, dst) },
  };
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (strcmp (map[i].name, field) == 0)
      return &G_STRUCT_MEMBER (char *, n, map[i].offset);
  return NULL;
}

static VigilImportResult
emit (Notice               *n,
      const char           *record,
      gsize                 len,
      VigilAlertEventFunc   func,
      gpointer              user_data,
      GError              **error)
{
  VigilAlertEvent ev;
  gboolean ok;

  if (n->note == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("the notice has no “note”"));
      return VIGIL_IMPORT_MALFORMED;
    }
  vigil_alert_event_init (&ev);
  ev.source = "zeek";
  ev.type = g_strdup ("notice");
  ev.raw = record;
  ev.raw_len = len;
  ev.rule = g_strdup (n->note);
  ev.title = g_strdup_printf ("%s: %s", n->note, n->msg ? n->msg : "");
  ev.description = g_strdup (n->sub);
  ev.source_ref = g_strdup (n->uid);
  ev.src_addr = g_strdup (n->src ? n->src : n->orig_h);
  ev.dst_addr = g_strdup (n->dst ? n->dst : n->resp_h);
  if (n->orig_p)
    ev.src_port = g_ascii_strtoll (n->orig_p, NULL, 10);
  if (n->resp_p)
    ev.dst_port = g_ascii_strtoll (n->resp_p, NULL, 10);
  ev.proto = g_strdup (n->proto);
  ev.time = vigil_import_time (n->ts);
  if (n->ts != NULL && ev.time == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("“ts” is not a time: %s"),
                   n->ts);
      vigil_alert_event_clear (&ev);
      return VIGIL_IMPORT_MALFORMED;
    }
  vigil_alert_event_add_observable (&ev, "ip", ev.src_addr, FALSE);
  vigil_alert_event_add_observable (&ev, "ip", ev.dst_addr, FALSE);
  ok = func (&ev, user_data, error);
  vigil_alert_event_clear (&ev);
  return ok ? VIGIL_IMPORT_EVENT : VIGIL_IMPORT_FAILED;
}

static VigilImportResult
parse_header (ZeekImporter *self,
              const char   *line)
{
  g_auto(GStrv) parts = NULL;
  char sep[2] = { self->separator, 0 };

  if (g_str_has_prefix (line, "#separator"))
    {
      const char *v = line + strlen ("#separator");
      while (*v == ' ')
        v++;
      if (v[0] == '\\' && v[1] == 'x')
        self->separator = (char) (g_ascii_xdigit_value (v[2]) * 16 + g_ascii_xdigit_value (v[3]));
      else if (*v)
        self->separator = *v;
      return VIGIL_IMPORT_HEADER;
    }
  parts = g_strsplit (line, sep, -1);
  if (g_strcmp0 (parts[0], "#fields") == 0)
    {
      g_strfreev (self->fields);
      self->fields = g_strdupv (parts + 1);
    }
  else if (g_strcmp0 (parts[0], "#unset_field") == 0 && parts[1])
    {
      g_free (self->unset);
      self->unset = g_strdup (parts[1]);
    }
  else if (g_strcmp0 (parts[0], "#empty_field") == 0 && parts[1])
    {
      g_free (self->empty);
      self->empty = g_strdup (parts[1]);
    }
  else if (g_strcmp0 (parts[0], "#path") == 0 && parts[1])
    {
      g_free (self->path);
      self->path = g_strdup (parts[1]);
    }
  return VIGIL_IMPORT_HEADER;
}

static VigilImportResult
zeek_parse (VigilImporter        *importer,
            const char           *record,
            gsize                 len,
            VigilAlertEventFunc   func,
            gpointer              user_data,
            GError              **error)
{
  ZeekImporter *self = (ZeekImporter *) importer;
  g_autofree char *line = g_strndup (record, len);
  Notice n = { 0 };
  VigilImportResult result;

  if (line[0] == '#')
    return parse_header (self, line);
  if (line[0] == '\0')
    return VIGIL_IMPORT_HEADER;

  if (line[0] == '{')
    {
      VigilJsonDoc *doc = &self->doc;
      g_autofree char *path = NULL;

      if (!vigil_json_parse (doc, record, len, error))
        return VIGIL_IMPORT_MALFORMED;
      path = vigil_json_dup (doc, vigil_json_get (doc, 0, "_path"));
      if (path != NULL && strcmp (path, "notice") != 0)
        return VIGIL_IMPORT_SKIPPED;
      for (guint k = 0; k < 12; k++)
        {
          static const char *names[] = { "ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h",
                                         "id.resp_p", "proto", "note", "msg", "sub", "src",
                                         "dst" };
          *notice_slot (&n, names[k]) = vigil_json_dup (doc, vigil_json_get (doc, 0, names[k]));
        }
      result = emit (&n, record, len, func, user_data, error);
      notice_clear (&n);
      return result;
    }

  if (self->fields == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("a TSV line before the “#fields” header"));
      return VIGIL_IMPORT_MALFORMED;
    }
  if (self->path != NULL && strcmp (self->path, "notice") != 0)
    return VIGIL_IMPORT_SKIPPED;
  {
    char sep[2] = { self->separator, 0 };
    g_auto(GStrv) values = g_strsplit (line, sep, -1);
    guint nv = g_strv_length (values);

    if (nv != g_strv_length (self->fields))
      {
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                     _("%u fields where the “#fields” header names %u"), nv,
                     g_strv_length (self->fields));
        return VIGIL_IMPORT_MALFORMED;
      }
    for (guint k = 0; k < nv; k++)
      {
        char **slot = notice_slot (&n, self->fields[k]);
        if (slot == NULL || strcmp (values[k], self->unset) == 0 ||
            strcmp (values[k], self->empty) == 0)
          continue;
        *slot = unescape (values[k]);
      }
  }
  result = emit (&n, record, len, func, user_data, error);
  notice_clear (&n);
  return result;
}

const VigilImporterClass vigil_import_zeek_class = {
  .name = "zeek",
  .label = N_("Zeek notice.log (TSV or JSON)"),
  .frame = VIGIL_IMPORT_FRAME_LINES,
  .severity_map = "*=medium",
  .create = zeek_create,
  .free = zeek_free,
  .parse = zeek_parse,
};
