/* vigil-asset-import.c — importing an asset inventory from CSV
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "vigil-asset-import.h"
#include "vigil-error.h"
#include "vigil-store-assets.h"

typedef enum
{
  F_IGNORE,
  F_NAME,
  F_KIND,
  F_HOSTNAME,
  F_ADDRESSES,
  F_OWNER_TEAM,
  F_CONTACT,
  F_BUSINESS_OWNER,
  F_BUSINESS_OWNER_FIRST,
  F_BUSINESS_OWNER_LAST,
  F_CRITICALITY,
  F_ENVIRONMENT,
  F_LOCATION,
  F_STATUS,
  F_DESCRIPTION,
  F_NOTE,
  N_FIELDS
} Field;

static const char * const field_names[N_FIELDS + 1] = {
  [F_IGNORE] = "ignore",
  [F_NAME] = "name",
  [F_KIND] = "kind",
  [F_HOSTNAME] = "hostname",
  [F_ADDRESSES] = "addresses",
  [F_OWNER_TEAM] = "owner_team",
  [F_CONTACT] = "contact",
  [F_BUSINESS_OWNER] = "business_owner",
  [F_BUSINESS_OWNER_FIRST] = "business_owner_first_name",
  [F_BUSINESS_OWNER_LAST] = "business_owner_last_name",
  [F_CRITICALITY] = "criticality",
  [F_ENVIRONMENT] = "environment",
  [F_LOCATION] = "location",
  [F_STATUS] = "status",
  [F_DESCRIPTION] = "description",
  [F_NOTE] = "note",
  [N_FIELDS] = NULL,
};

const char * const *
vigil_asset_import_fields (void)
{
  return field_names;
}

typedef struct
{
  const char *header;  /* lower case */
  Field       field;
} Mapping;

typedef struct
{
  const char    *id;
  const char    *signatures[4];  /* any of these headers (lower case) marks the format */
  const char    *default_kind;
  const Mapping *mappings;
  const char    *fallback_name[5];  /* columns that name an unnamed row, joined */
} Format;

static const Mapping netbox_devices[] = {
  { "name", F_NAME }, { "role", F_KIND }, { "device_role", F_KIND }, { "tenant", F_OWNER_TEAM },
  { "site", F_LOCATION }, { "location", F_LOCATION }, { "rack", F_LOCATION },
  { "status", F_STATUS }, { "primary_ip4", F_ADDRESSES }, { "primary_ip6", F_ADDRESSES },
  { "primary_ip", F_ADDRESSES }, { "oob_ip", F_ADDRESSES }, { "description", F_DESCRIPTION },
  { "comments", F_DESCRIPTION }, { "manufacturer", F_NOTE }, { "device_type", F_NOTE },
  { "platform", F_NOTE }, { "serial", F_NOTE }, { "asset_tag", F_NOTE },
  { NULL, F_IGNORE }
};

static const Mapping netbox_vms[] = {
  { "name", F_NAME }, { "status", F_STATUS }, { "site", F_LOCATION }, { "cluster", F_NOTE },
  { "role", F_NOTE }, { "tenant", F_OWNER_TEAM }, { "platform", F_NOTE },
  { "primary_ip4", F_ADDRESSES }, { "primary_ip6", F_ADDRESSES }, { "primary_ip", F_ADDRESSES },
  { "description", F_DESCRIPTION }, { "comments", F_DESCRIPTION },
  { NULL, F_IGNORE }
};

/* Snipe-IT's asset tag is the unique key; its "Name" is often empty or shared */
static const Mapping snipeit[] = {
  { "asset tag", F_NAME }, { "name", F_HOSTNAME }, { "asset name", F_HOSTNAME },
  { "category", F_KIND }, { "company", F_OWNER_TEAM }, { "location", F_LOCATION },
  { "status", F_STATUS }, { "asset notes", F_DESCRIPTION }, { "notes", F_DESCRIPTION },
  { "manufacturer", F_NOTE }, { "model", F_NOTE }, { "model number", F_NOTE },
  { "serial", F_NOTE }, { "serial number", F_NOTE }, { "supplier", F_NOTE },
  { "checked out to: email", F_BUSINESS_OWNER }, { "checked out to: username", F_BUSINESS_OWNER },
  { "checked out to: first name", F_BUSINESS_OWNER_FIRST },
  { "checked out to: last name", F_BUSINESS_OWNER_LAST },
  { "email", F_BUSINESS_OWNER }, { "username", F_BUSINESS_OWNER },
  { "full name", F_BUSINESS_OWNER },
  { NULL, F_IGNORE }
};

static const Mapping glpi[] = {
  { "name", F_NAME }, { "type", F_KIND }, { "status", F_STATUS }, { "location", F_LOCATION },
  { "entity", F_NOTE }, { "technician in charge of the hardware", F_CONTACT },
  { "technician in charge", F_CONTACT }, { "group in charge of the hardware", F_OWNER_TEAM },
  { "group in charge", F_OWNER_TEAM }, { "user", F_BUSINESS_OWNER }, { "comments", F_DESCRIPTION },
  { "serial number", F_NOTE }, { "inventory number", F_NOTE }, { "manufacturer", F_NOTE },
  { "model", F_NOTE }, { "operating system - name", F_NOTE }, { "ip", F_ADDRESSES },
  { "ip address", F_ADDRESSES }, { "ip addresses", F_ADDRESSES },
  { "network ports - ip", F_ADDRESSES }, { "network port - ip", F_ADDRESSES },
  { "ip addresses - ip", F_ADDRESSES }, { "fqdn", F_HOSTNAME }, { "domain", F_NOTE },
  { NULL, F_IGNORE }
};

static const Mapping iris[] = {
  { "asset_name", F_NAME }, { "asset_type_name", F_KIND }, { "asset_type", F_KIND },
  { "asset_description", F_DESCRIPTION }, { "asset_ip", F_ADDRESSES },
  { "asset_domain", F_NOTE }, { "asset_tags", F_NOTE },
  { NULL, F_IGNORE }
};

static const Mapping generic[] = {
  { "name", F_NAME }, { "asset", F_NAME }, { "asset name", F_NAME }, { "asset_name", F_NAME },
  { "kind", F_KIND }, { "type", F_KIND }, { "category", F_KIND }, { "role", F_KIND },
  { "hostname", F_HOSTNAME }, { "host", F_HOSTNAME }, { "fqdn", F_HOSTNAME },
  { "dns name", F_HOSTNAME }, { "dns_name", F_HOSTNAME },
  { "addresses", F_ADDRESSES }, { "address", F_ADDRESSES }, { "ip", F_ADDRESSES },
  { "ip address", F_ADDRESSES }, { "ip addresses", F_ADDRESSES }, { "ip_address", F_ADDRESSES },
  { "ips", F_ADDRESSES },
  { "owner team", F_OWNER_TEAM }, { "owner_team", F_OWNER_TEAM }, { "team", F_OWNER_TEAM },
  { "contact", F_CONTACT }, { "tech contact", F_CONTACT }, { "technical contact", F_CONTACT },
  { "tech_contact", F_CONTACT }, { "contact email", F_CONTACT }, { "contact_email", F_CONTACT },
  { "business owner", F_BUSINESS_OWNER }, { "business_owner", F_BUSINESS_OWNER },
  { "owner", F_BUSINESS_OWNER },
  { "criticality", F_CRITICALITY }, { "environment", F_ENVIRONMENT }, { "env", F_ENVIRONMENT },
  { "location", F_LOCATION }, { "site", F_LOCATION }, { "status", F_STATUS },
  { "description", F_DESCRIPTION }, { "notes", F_DESCRIPTION }, { "comments", F_DESCRIPTION },
  { NULL, F_IGNORE }
};

static const Format formats[] = {
  { "dfir-iris", { "asset_name", "asset_type_name", "asset_ip" }, NULL, iris },
  { "netbox-devices", { "device_type", "device_role", "airflow", "face" }, NULL, netbox_devices,
    { "asset_tag", "device_type", "site", "rack", "position" } },
  { "netbox-virtual-machines", { "vcpus", "cluster", "memory" }, "virtual-machine", netbox_vms },
  { "snipe-it", { "asset tag", "checked out to: username", "checkout type" }, NULL, snipeit },
  { "glpi", { "technician in charge of the hardware", "group in charge of the hardware",
              "inventory number", "entity" }, NULL, glpi },
  { "generic", { NULL }, NULL, generic },
};

/* Parsing ----------------------------------------------------------------------- */

typedef struct
{
  guint      line;
  GPtrArray *fields;
} Row;

typedef struct
{
  GPtrArray *rows;
  GPtrArray *current;
  guint      line;          /* the line the parser is on (1-based) */
  guint      row_line;      /* the line the current row started on */
  int        last_term;
} Parser;

static void
row_free (Row *row)
{
  g_ptr_array_unref (row->fields);
  g_free (row);
}

static guint
count_newlines (const char *s,
                gsize       len)
{
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == len || s[i + 1] != '\n')))
      n++;
  return n;
}

static void
on_field (void   *s,
          size_t  len,
          void   *data)
{
  Parser *p = data;

  if (p->current == NULL)
    {
      p->current = g_ptr_array_new_with_free_func (g_free);
      p->row_line = p->line;
    }
  g_ptr_array_add (p->current, g_strndup (s ? s : "", len));
  if (s != NULL && memchr (s, '\n', len) != NULL)
    p->line += count_newlines (s, len);
  else if (s != NULL && memchr (s, '\r', len) != NULL)
    p->line += count_newlines (s, len);
}

static void
on_row (int   c,
        void *data)
{
  Parser *p = data;

  if (p->current == NULL)
    {
      /* a blank line, or the "\n" of a "\r\n" */
      if (!(c == '\n' && p->last_term == '\r'))
        p->line++;
      p->last_term = c;
      return;
    }

  Row *row = g_new0 (Row, 1);
  row->line = p->row_line;
  row->fields = g_steal_pointer (&p->current);
  g_ptr_array_add (p->rows, row);
  if (c != -1)
    p->line++;
  p->last_term = c;
}

/* Splits the text into rows; FALSE (with the line) on unbalanced quotes. */
static gboolean
parse_csv (const char  *data,
           gsize        length,
           GPtrArray   *rows,
           GError     **error)
{
  struct csv_parser csv;
  Parser p = { rows, NULL, 1, 1, 0 };
  gsize done;

  if (csv_init (&csv, CSV_REPALL_NL | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_FAILED, _("Out of memory"));
      return FALSE;
    }
  done = csv_parse (&csv, data, length, on_field, on_row, &p);
  if (done != length || csv_fini (&csv, on_field, on_row, &p) != 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("line %u: a quoted field is not closed (an unbalanced \" quote); "
                     "nothing was imported"), p.current ? p.row_line : p.line);
      g_clear_pointer (&p.current, g_ptr_array_unref);
      csv_free (&csv);
      return FALSE;
    }
  g_clear_pointer (&p.current, g_ptr_array_unref);
  csv_free (&csv);
  return TRUE;
}

/* Mapping ------------------------------------------------------------------------- */

static char *
normalize_header (const char *header)
{
  const char *h = header;

  if (g_str_has_prefix (h, "\xEF\xBB\xBF"))
    h += 3;
  if (!g_utf8_validate (h, -1, NULL))
    return g_strdup ("");
  return g_strstrip (g_utf8_strdown (h, -1));
}

static Field
field_from_name (const char *name)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_ascii_strcasecmp (field_names[i], name) == 0)
      return (Field) i;
  if (g_ascii_strcasecmp (name, "tech_contact") == 0 || g_ascii_strcasecmp (name, "technical_contact") == 0)
    return F_CONTACT;
  if (g_ascii_strcasecmp (name, "team") == 0)
    return F_OWNER_TEAM;
  if (g_ascii_strcasecmp (name, "ip") == 0 || g_ascii_strcasecmp (name, "address") == 0)
    return F_ADDRESSES;
  return N_FIELDS;
}

static const Format *
detect_format (char **headers,
               guint  n)
{
  for (guint f = 0; f < G_N_ELEMENTS (formats) - 1; f++)
    for (guint s = 0; s < G_N_ELEMENTS (formats[f].signatures) && formats[f].signatures[s]; s++)
      for (guint i = 0; i < n; i++)
        if (g_str_equal (headers[i], formats[f].signatures[s]))
          return &formats[f];
  return &formats[G_N_ELEMENTS (formats) - 1];
}

static Field
lookup_mapping (const Mapping *mappings,
                const char    *header)
{
  for (guint i = 0; mappings[i].header != NULL; i++)
    if (g_str_equal (mappings[i].header, header))
      return mappings[i].field;
  return N_FIELDS;
}

/* Resolving people and teams --------------------------------------------------- */

typedef struct
{
  VigilStore *store;
  GHashTable *people;  /* key → id (0 none, -1 several) */
  GHashTable *teams;
  GHashTable *unresolved;  /* message → Unresolved, so a value is reported once */
  GPtrArray  *order;
} Resolver;

typedef struct
{
  char  *message;
  guint  first_line;
  guint  count;
} Unresolved;

static void
unresolved_free (Unresolved *u)
{
  g_free (u->message);
  g_free (u);
}

/* `message` (owned) for `line`; the same message on other lines is counted */
static void
add_unresolved (Resolver *r,
                guint     line,
                char     *message)
{
  Unresolved *u = g_hash_table_lookup (r->unresolved, message);

  if (u != NULL)
    {
      u->count++;
      g_free (message);
      return;
    }
  u = g_new0 (Unresolved, 1);
  u->message = message;
  u->first_line = line;
  u->count = 1;
  g_hash_table_insert (r->unresolved, u->message, u);
  g_ptr_array_add (r->order, u);
}

static void
flush_unresolved (Resolver               *r,
                  VigilAssetImportReport *report)
{
  for (guint i = 0; i < r->order->len; i++)
    {
      Unresolved *u = g_ptr_array_index (r->order, i);
      if (u->count == 1)
        g_ptr_array_add (report->unresolved, g_strdup_printf (_("line %u: %s"), u->first_line,
                                                              u->message));
      else
        g_ptr_array_add (report->unresolved,
                         g_strdup_printf (_("line %u and %u more rows: %s"), u->first_line,
                                          u->count - 1, u->message));
    }
}

static gint64
resolve_person (Resolver   *r,
                const char *key)
{
  gpointer value;
  gint64 id;

  if (g_hash_table_lookup_extended (r->people, key, NULL, &value))
    return (gint64) GPOINTER_TO_SIZE (value) - 1;
  id = vigil_store_lookup_person_id (r->store, key);
  g_hash_table_insert (r->people, g_strdup (key), GSIZE_TO_POINTER ((gsize) (id + 1)));
  return id;
}

static gint64
resolve_team (Resolver   *r,
              const char *key)
{
  gpointer value;
  gint64 id;

  if (g_hash_table_lookup_extended (r->teams, key, NULL, &value))
    return (gint64) GPOINTER_TO_SIZE (value);
  id = vigil_store_lookup_team_id (r->store, key);
  g_hash_table_insert (r->teams, g_strdup (key), GSIZE_TO_POINTER ((gsize) id));
  return id;
}

/* Importing -------------------------------------------------------------------------- */

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

void
vigil_asset_import_report_free (VigilAssetImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->format);
  g_ptr_array_unref (report->problems);
  g_ptr_array_unref (report->unresolved);
  g_ptr_array_unref (report->mapping);
  g_free (report);
}

static const char *
normalize_criticality (const char *value)
{
  static const struct { const char *in, *out; } synonyms[] = {
    { "low", "low" }, { "medium", "medium" }, { "high", "high" }, { "critical", "critical" },
    { "med", "medium" }, { "moderate", "medium" }, { "normal", "medium" }, { "crit", "critical" },
    { "very high", "critical" }, { "minor", "low" }, { "major", "high" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    if (g_ascii_strcasecmp (value, synonyms[i].in) == 0)
      return synonyms[i].out;
  return NULL;
}

static void
append_joined (GString    **s,
               const char  *sep,
               const char  *value)
{
  if (*s == NULL)
    *s = g_string_new (NULL);
  else if ((*s)->len > 0)
    g_string_append (*s, sep);
  g_string_append (*s, value);
}

/* Resolves one contact column group; reports the keys that matched nobody. */
static gint64
resolve_contact (Resolver                *r,
                 GPtrArray               *keys,
                 guint                    line,
                 const char              *what,
                 VigilAssetImportReport  *report)
{
  gboolean ambiguous = FALSE;

  if (keys->len == 0)
    return 0;
  for (guint i = 0; i < keys->len; i++)
    {
      gint64 id = resolve_person (r, g_ptr_array_index (keys, i));
      if (id > 0)
        return id;
      ambiguous |= id < 0;
    }
  add_unresolved (r, line,
                  ambiguous
                  ? g_strdup_printf (_("%s “%s” matches several people; give an "
                                       "email or employee id"), what,
                                     (char *) g_ptr_array_index (keys, 0))
                  : g_strdup_printf (_("%s “%s” matches no person in the "
                                       "organisation; imported without it"),
                                     what, (char *) g_ptr_array_index (keys, 0)));
  return 0;
}

gboolean
vigil_asset_import_data (VigilStore               *store,
                         const char               *data,
                         gsize                     length,
                         const char * const       *map,
                         VigilAssetImportFlags     flags,
                         VigilAssetImportReport  **out_report,
                         GError                  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr(VigilAssetImportReport) report = g_new0 (VigilAssetImportReport, 1);
  g_autoptr(GArray) fields = g_array_new (FALSE, TRUE, sizeof (VigilAssetFields));
  g_autoptr(GStringChunk) strings = g_string_chunk_new (64 * 1024);
  g_autofree Field *column_field = NULL;
  g_auto(GStrv) headers = NULL;
  g_autoptr(GPtrArray) contact_keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) owner_keys = g_ptr_array_new ();
  Resolver resolver = { store, NULL, NULL };
  const Format *format;
  gboolean has_name = FALSE;
  Row *header_row;
  guint n_columns;

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  report->problems = g_ptr_array_new_with_free_func (g_free);
  report->unresolved = g_ptr_array_new_with_free_func (g_free);
  report->mapping = g_ptr_array_new_with_free_func (g_free);

  if (is_blank (data, length))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("The file is empty: there is no header line and nothing to import"));
      return FALSE;
    }
  if (!parse_csv (data, length, rows, error))
    {
      if (out_report)
        *out_report = g_steal_pointer (&report);
      return FALSE;
    }

  /* the header */
  header_row = g_ptr_array_index (rows, 0);
  n_columns = header_row->fields->len;
  headers = g_new0 (char *, n_columns + 1);
  column_field = g_new0 (Field, n_columns);
  for (guint i = 0; i < n_columns; i++)
    headers[i] = normalize_header (g_ptr_array_index (header_row->fields, i));
  format = detect_format (headers, n_columns);
  report->format = g_strdup (format->id);

  for (guint i = 0; i < n_columns; i++)
    {
      Field f = lookup_mapping (format->mappings, headers[i]);
      if (f == N_FIELDS && format->mappings != generic)
        f = lookup_mapping (generic, headers[i]);
      column_field[i] = f == N_FIELDS ? F_IGNORE : f;
    }
  for (guint m = 0; map != NULL && map[m] != NULL; m++)
    {
      const char *eq = strrchr (map[m], '=');
      g_autofree char *column = NULL;
      Field f;
      gboolean found = FALSE;

      if (eq == NULL)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("“%s” is not a column mapping: write COLUMN=FIELD"), map[m]);
          return FALSE;
        }
      f = field_from_name (eq + 1);
      if (f == N_FIELDS)
        {
          g_autofree char *list = g_strjoinv (", ", (char **) field_names);
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("Unknown field “%s” in “%s”: use one of %s"), eq + 1, map[m], list);
          return FALSE;
        }
      column = g_strndup (map[m], eq - map[m]);
      {
        g_autofree char *norm = normalize_header (column);
        for (guint i = 0; i < n_columns; i++)
          if (g_str_equal (headers[i], norm))
            {
              column_field[i] = f;
              found = TRUE;
            }
      }
      if (!found)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("The file has no column “%s” (in “%s”)"), column, map[m]);
          return FALSE;
        }
    }
  for (guint i = 0; i < n_columns; i++)
    {
      const char *h = g_ptr_array_index (header_row->fields, i);
      has_name |= column_field[i] == F_NAME;
      if (column_field[i] == F_IGNORE)
        g_ptr_array_add (report->mapping, g_strdup_printf (_("%s (not imported)"), h));
      else
        g_ptr_array_add (report->mapping, g_strdup_printf ("%s → %s", h,
                                                           field_names[column_field[i]]));
    }
  if (!has_name)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("No column gives the asset name (header on line %u): map one with "
                     "--map COLUMN=name"), header_row->line);
      if (out_report)
        *out_report = g_steal_pointer (&report);
      return FALSE;
    }

  resolver.people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  resolver.teams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  resolver.unresolved = g_hash_table_new (g_str_hash, g_str_equal);
  resolver.order = g_ptr_array_new_with_free_func ((GDestroyNotify) unresolved_free);

  for (guint r = 1; r < rows->len; r++)
    {
      Row *row = g_ptr_array_index (rows, r);
      VigilAssetFields f = { 0 };
      g_autoptr(GString) addresses = NULL;
      g_autoptr(GString) location = NULL;
      g_autoptr(GString) description = NULL;
      g_autoptr(GString) notes = NULL;
      g_autoptr(GPtrArray) team_keys = NULL;
      const char *first = NULL, *last = NULL;
      const char *problem_column = NULL;
      char *problem = NULL;

      report->rows++;
      g_ptr_array_set_size (contact_keys, 0);
      g_ptr_array_set_size (owner_keys, 0);

      if (row->fields->len != n_columns)
        {
          problem = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "line %u: %u field where the header has %u columns",
                                                  "line %u: %u fields where the header has %u columns",
                                                  row->fields->len),
                                     row->line, row->fields->len, n_columns);
          goto invalid;
        }

      for (guint i = 0; i < n_columns; i++)
        {
          char *value = g_ptr_array_index (row->fields, i);

          if (!g_utf8_validate (value, -1, NULL))
            {
              problem = g_strdup_printf (_("line %u: column “%s” is not valid UTF-8 text "
                                           "(save the file as UTF-8)"), row->line,
                                         (char *) g_ptr_array_index (header_row->fields, i));
              goto invalid;
            }
          g_strstrip (value);
          if (*value == '\0')
            continue;

          switch (column_field[i])
            {
            case F_IGNORE:
            case N_FIELDS:
              break;
            case F_NAME:
              if (f.name == NULL)
                f.name = value;
              break;
            case F_KIND:
              if (f.kind == NULL)
                f.kind = value;
              break;
            case F_HOSTNAME:
              if (f.hostname == NULL)
                f.hostname = value;
              break;
            case F_ADDRESSES:
              append_joined (&addresses, " ", value);
              break;
            case F_OWNER_TEAM:
              if (team_keys == NULL)
                team_keys = g_ptr_array_new ();
              g_ptr_array_add (team_keys, value);
              break;
            case F_CONTACT:
              g_ptr_array_add (contact_keys, value);
              break;
            case F_BUSINESS_OWNER:
              g_ptr_array_add (owner_keys, value);
              break;
            case F_BUSINESS_OWNER_FIRST:
              first = value;
              break;
            case F_BUSINESS_OWNER_LAST:
              last = value;
              break;
            case F_CRITICALITY:
              f.criticality = normalize_criticality (value);
              if (f.criticality == NULL)
                {
                  problem_column = g_ptr_array_index (header_row->fields, i);
                  problem = g_strdup_printf (_("line %u: unknown criticality “%s” in column "
                                               "“%s”: use low, medium, high or critical"),
                                             row->line, value, problem_column);
                  goto invalid;
                }
              break;
            case F_ENVIRONMENT:
              f.environment = value;
              break;
            case F_LOCATION:
              append_joined (&location, " / ", value);
              break;
            case F_STATUS:
              {
                g_autofree char *lower = g_ascii_strdown (value, -1);
                f.status = g_string_chunk_insert (strings, lower);
              }
              break;
            case F_DESCRIPTION:
              append_joined (&description, "\n", value);
              break;
            case F_NOTE:
              if (notes == NULL)
                notes = g_string_new (NULL);
              else
                g_string_append (notes, "\n");
              g_string_append_printf (notes, "%s: %s",
                                      (char *) g_ptr_array_index (header_row->fields, i), value);
              break;
            }
        }

      if (f.name == NULL && format->fallback_name[0] != NULL)
        {
          g_autoptr(GString) made = g_string_new (NULL);

          for (guint k = 0; k < G_N_ELEMENTS (format->fallback_name) && format->fallback_name[k]; k++)
            for (guint i = 0; i < n_columns; i++)
              if (g_str_equal (headers[i], format->fallback_name[k])
                  && *(char *) g_ptr_array_index (row->fields, i) != '\0')
                append_joined (&made, " / ", g_ptr_array_index (row->fields, i));
          if (made->len > 0)
            {
              f.name = g_string_chunk_insert (strings, made->str);
              add_unresolved (&resolver, row->line,
                              g_strdup_printf (_("a row without a name was imported as “%s”"),
                                               made->str));
            }
        }
      if (f.name == NULL)
        {
          problem = g_strdup_printf (_("line %u: the asset has no name"), row->line);
          goto invalid;
        }
      if (f.kind == NULL)
        f.kind = format->default_kind;
      if (first != NULL || last != NULL)
        {
          g_autofree char *full = g_strjoin (" ", first ? first : "", last ? last : "", NULL);
          g_ptr_array_add (owner_keys, g_string_chunk_insert (strings, g_strstrip (full)));
        }

      f.name = g_string_chunk_insert (strings, f.name);
      f.kind = f.kind ? g_string_chunk_insert (strings, f.kind) : NULL;
      f.hostname = f.hostname ? g_string_chunk_insert (strings, f.hostname) : NULL;
      f.environment = f.environment ? g_string_chunk_insert (strings, f.environment) : NULL;
      if (addresses)
        f.addresses = g_string_chunk_insert (strings, addresses->str);
      if (location)
        f.location = g_string_chunk_insert (strings, location->str);
      if (notes)
        append_joined (&description, "\n", notes->str);
      if (description)
        f.description = g_string_chunk_insert (strings, description->str);

      f.tech_contact_id = resolve_contact (&resolver, contact_keys, row->line,
                                           _("technical contact"), report);
      f.business_owner_id = resolve_contact (&resolver, owner_keys, row->line,
                                             _("business owner"), report);
      if (team_keys != NULL)
        {
          for (guint k = 0; k < team_keys->len && f.owner_team_id == 0; k++)
            f.owner_team_id = resolve_team (&resolver, g_ptr_array_index (team_keys, k));
          if (f.owner_team_id == 0)
            add_unresolved (&resolver, row->line,
                            g_strdup_printf (_("owner team “%s” matches no team; imported "
                                               "without it"),
                                             (char *) g_ptr_array_index (team_keys, 0)));
        }
      g_array_append_val (fields, f);
      continue;

    invalid:
      report->invalid++;
      g_ptr_array_add (report->problems, problem);
    }

  g_hash_table_unref (resolver.people);
  g_hash_table_unref (resolver.teams);
  flush_unresolved (&resolver, report);
  g_hash_table_unref (resolver.unresolved);
  g_ptr_array_unref (resolver.order);

  if (report->problems->len > 0 && !(flags & VIGIL_ASSET_IMPORT_SKIP_INVALID))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u row is not valid; nothing was imported (fix it, or use "
                                "--skip-invalid to import the valid rows)",
                                "%u rows are not valid; nothing was imported (fix them, or use "
                                "--skip-invalid to import the valid rows)",
                                report->problems->len), report->problems->len);
      if (out_report)
        *out_report = g_steal_pointer (&report);
      return FALSE;
    }

  if (!(flags & VIGIL_ASSET_IMPORT_DRY_RUN)
      && !vigil_store_upsert_assets (store, (VigilAssetFields *) (gpointer) fields->data,
                                     fields->len, &report->created, &report->updated, error))
    {
      if (out_report)
        *out_report = g_steal_pointer (&report);
      return FALSE;
    }

  if (out_report)
    *out_report = g_steal_pointer (&report);
  return TRUE;
}

gboolean
vigil_asset_import_file (VigilStore               *store,
                         const char               *path,
                         const char * const       *map,
                         VigilAssetImportFlags     flags,
                         VigilAssetImportReport  **report,
                         GError                  **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_mapped_file_new (path, FALSE, &local);
  if (file == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("Cannot read %s: %s"), path,
                   local->message);
      return FALSE;
    }
  return vigil_asset_import_data (store, g_mapped_file_get_contents (file),
                                  g_mapped_file_get_length (file), map, flags, report, error);
}
