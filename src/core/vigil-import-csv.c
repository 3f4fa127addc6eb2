/* vigil-import-csv.c — generic CSV alerts with a column mapping (libcsv)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first row names the columns.  The mapping "field=Column,…" says which
 * column holds each alert field (title, rule, severity, src, dst, src_port,
 * dst_port, proto, hostname, time, ref, type, description); without one,
 * columns are recognised by their usual names (src_ip, signature, …).
 */
#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-importer.h"

enum { F_TITLE, F_RULE, F_SEVERITY, F_SRC, F_DST, F_SRC_PORT, F_DST_PORT, F_PROTO,
       F_HOSTNAME, F_TIME, F_REF, F_TYPE, F_DESCRIPTION, N_FIELDS };

static const char * const field_names[N_FIELDS] = {
  "title", "rule", "severity", "src", "dst", "src_port", "dst_port", "proto", "hostname",
  "time", "ref", "type", "description",
};

/* usual column names, lower case, for a file without a mapping */
static const char * const synonyms[N_FIELDS] = {
  "title|name|summary|alert|alert_name|message|msg",
  "rule|signature|rule_name|rule_id|signature_id|detection",
  "severity|level|priority|risk",
  "src|src_ip|source_ip|srcip|source_address|src_addr|source",
  "dst|dst_ip|dest_ip|destination_ip|dstip|destination_address|dst_addr|destination",
  "src_port|source_port|srcport|sport",
  "dst_port|dest_port|destination_port|dstport|dport",
  "proto|protocol",
  "hostname|host|computer|computer_name|device|device_name|asset",
  "time|timestamp|@timestamp|date|datetime|event_time|ts|created",
  "ref|id|alert_id|source_ref|event_id",
  "type|category",
  "description|details|full_log",
};

typedef struct
{
  VigilImporter  parent;
  int            column[N_FIELDS];  /* -1 = none */
  gboolean       have_header;
  GPtrArray     *row;               /* the fields of the row being parsed */
} CsvImporter;

static VigilImporter *
csv_importer_create (void)
{
  CsvImporter *self = g_new0 (CsvImporter, 1);
  self->row = g_ptr_array_new_with_free_func (g_free);
  return &self->parent;
}

static void
csv_importer_free (VigilImporter *importer)
{
  CsvImporter *self = (CsvImporter *) importer;
  g_ptr_array_unref (self->row);
  g_free (self);
}

static void
on_field (void   *s,
          size_t  len,
          void   *data)
{
  CsvImporter *self = data;
  g_ptr_array_add (self->row, s ? g_strndup (s, len) : g_strdup (""));
}

static void
on_row (int   c,
        void *data)
{
}

static gboolean
read_row (CsvImporter  *self,
          const char   *record,
          gsize         len,
          GError      **error)
{
  struct csv_parser p;
  int rc;

  g_ptr_array_set_size (self->row, 0);
  csv_init (&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  if (csv_parse (&p, record, len, on_field, on_row, self) != len ||
      (rc = csv_fini (&p, on_field, on_row, self)) != 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("bad CSV: %s"),
                   csv_strerror (csv_error (&p)));
      csv_free (&p);
      return FALSE;
    }
  csv_free (&p);
  return TRUE;
}

static int
field_index (const char *name)
{
  for (int f = 0; f < N_FIELDS; f++)
    if (g_ascii_strcasecmp (field_names[f], name) == 0)
      return f;
  return -1;
}

static gboolean
read_header (CsvImporter  *self,
             GError      **error)
{
  for (int f = 0; f < N_FIELDS; f++)
    self->column[f] = -1;

  if (self->parent.mapping != NULL && *self->parent.mapping)
    {
      g_auto(GStrv) pairs = g_strsplit (self->parent.mapping, ",", -1);
      for (guint k = 0; pairs[k]; k++)
        {
          char *eq = strchr (pairs[k], '=');
          int f;
          guint c;

          if (eq == NULL)
            {
              g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                           _("bad mapping “%s”: expected field=Column"), pairs[k]);
              return FALSE;
            }
          *eq = '\0';
          f = field_index (g_strstrip (pairs[k]));
          if (f < 0)
            {
              g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                           _("unknown field “%s” in the mapping; fields are title, rule, "
                             "severity, src, dst, src_port, dst_port, proto, hostname, time, "
                             "ref, type, description"), pairs[k]);
              return FALSE;
            }
          for (c = 0; c < self->row->len; c++)
            if (g_ascii_strcasecmp (g_strstrip ((char *) self->row->pdata[c]),
                                    g_strstrip (eq + 1)) == 0)
              break;
          if (c == self->row->len)
            {
              g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                           _("the mapping names column “%s”, which the header does not have"),
                           eq + 1);
              return FALSE;
            }
          self->column[f] = (int) c;
        }
    }
  else
    {
      for (int f = 0; f < N_FIELDS; f++)
        {
          g_auto(GStrv) names = g_strsplit (synonyms[f], "|", -1);
          for (guint n = 0; names[n] && self->column[f] < 0; n++)
            for (guint c = 0; c < self->row->len; c++)
              if (g_ascii_strcasecmp (g_strstrip ((char *) self->row->pdata[c]), names[n]) == 0)
                {
                  self->column[f] = (int) c;
                  break;
                }
        }
    }
  if (self->column[F_TITLE] < 0 && self->column[F_RULE] < 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("the header has no title or rule column; name one with a mapping such "
                     "as title=Alert"));
      return FALSE;
    }
  return TRUE;
}

static char *
get (CsvImporter *self,
     int          field)
{
  int c = self->column[field];
  const char *v;

  if (c < 0 || (guint) c >= self->row->len)
    return NULL;
  v = self->row->pdata[c];
  return *v ? g_strdup (v) : NULL;
}

static VigilImportResult
csv_importer_parse (VigilImporter        *importer,
                    const char           *record,
                    gsize                 len,
                    VigilAlertEventFunc   func,
                    gpointer              user_data,
                    GError              **error)
{
  CsvImporter *self = (CsvImporter *) importer;
  VigilAlertEvent ev;
  g_autofree char *when = NULL;
  g_autofree char *port = NULL;
  gboolean ok;

  if (len == 0)
    return VIGIL_IMPORT_HEADER;
  if (!read_row (self, record, len, error))
    return VIGIL_IMPORT_MALFORMED;
  if (!self->have_header)
    {
      if (!read_header (self, error))
        return VIGIL_IMPORT_FAILED;
      self->have_header = TRUE;
      return VIGIL_IMPORT_HEADER;
    }

  vigil_alert_event_init (&ev);
  ev.source = "csv";
  ev.raw = record;
  ev.raw_len = len;
  ev.title = get (self, F_TITLE);
  ev.rule = get (self, F_RULE);
  if (ev.title == NULL && ev.rule == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("no title and no rule"));
      vigil_alert_event_clear (&ev);
      return VIGIL_IMPORT_MALFORMED;
    }
  if (ev.title == NULL)
    ev.title = g_strdup (ev.rule);
  if (ev.rule == NULL)
    ev.rule = g_strdup (ev.title);
  ev.severity_raw = get (self, F_SEVERITY);
  ev.src_addr = get (self, F_SRC);
  ev.dst_addr = get (self, F_DST);
  if ((port = get (self, F_SRC_PORT)) != NULL)
    ev.src_port = g_ascii_strtoll (port, NULL, 10);
  g_clear_pointer (&port, g_free);
  if ((port = get (self, F_DST_PORT)) != NULL)
    ev.dst_port = g_ascii_strtoll (port, NULL, 10);
  ev.proto = get (self, F_PROTO);
  ev.hostname = get (self, F_HOSTNAME);
  ev.source_ref = get (self, F_REF);
  ev.type = get (self, F_TYPE);
  ev.description = get (self, F_DESCRIPTION);
  when = get (self, F_TIME);
  ev.time = vigil_import_time (when);
  if (when != NULL && ev.time == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("“%s” is not a time"), when);
      vigil_alert_event_clear (&ev);
      return VIGIL_IMPORT_MALFORMED;
    }
  vigil_alert_event_add_observable (&ev, "ip", ev.src_addr, FALSE);
  vigil_alert_event_add_observable (&ev, "ip", ev.dst_addr, FALSE);
  vigil_alert_event_add_observable (&ev, "hostname", ev.hostname, FALSE);

  ok = func (&ev, user_data, error);
  vigil_alert_event_clear (&ev);
  return ok ? VIGIL_IMPORT_EVENT : VIGIL_IMPORT_FAILED;
}

const VigilImporterClass vigil_import_csv_class = {
  .name = "csv",
  .label = N_("CSV with a column mapping"),
  .frame = VIGIL_IMPORT_FRAME_CSV_ROWS,
  .severity_map = "1-3=low,4-6=medium,7-8=high,9-10=critical,*=medium",
  .create = csv_importer_create,
  .free = csv_importer_free,
  .parse = csv_importer_parse,
};
