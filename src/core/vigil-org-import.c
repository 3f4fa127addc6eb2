/* vigil-org-import.c — importing people from HR CSV exports (libcsv)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole file is read and checked before anything is written: encoding,
 * quotes, column counts, required fields, duplicate employee ids, unknown
 * managers and reporting-line cycles.  Then everything is written in one
 * transaction; with skip-invalid the rejected rows are left out, otherwise
 * any rejected row means nothing is written.
 */
#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-org-import.h"
#include "vigil-store-org.h"

static const char * const field_names[VIGIL_N_ORG_FIELDS] = {
  "ignore", "employee_id", "name", "first_name", "last_name", "title", "job_id", "team",
  "department_id", "manager_id", "email", "phone", "mobile", "location", "roles", "on_call",
};

/* Normalised header (lowercase letters and digits only) → field. */
static const struct
{
  const char    *header;
  VigilOrgField  field;
} header_aliases[] = {
  { "employeeid", VIGIL_ORG_FIELD_EMPLOYEE_ID },
  { "employeenumber", VIGIL_ORG_FIELD_EMPLOYEE_ID },
  { "employeeno", VIGIL_ORG_FIELD_EMPLOYEE_ID },
  { "empid", VIGIL_ORG_FIELD_EMPLOYEE_ID },
  { "empno", VIGIL_ORG_FIELD_EMPLOYEE_ID },
  { "staffid", VIGIL_ORG_FIELD_EMPLOYEE_ID },
  { "staffnumber", VIGIL_ORG_FIELD_EMPLOYEE_ID },
  { "workerid", VIGIL_ORG_FIELD_EMPLOYEE_ID },
  { "personid", VIGIL_ORG_FIELD_EMPLOYEE_ID },
  { "personnelnumber", VIGIL_ORG_FIELD_EMPLOYEE_ID },
  { "id", VIGIL_ORG_FIELD_EMPLOYEE_ID },
  { "fullname", VIGIL_ORG_FIELD_NAME },
  { "name", VIGIL_ORG_FIELD_NAME },
  { "displayname", VIGIL_ORG_FIELD_NAME },
  { "employeename", VIGIL_ORG_FIELD_NAME },
  { "firstname", VIGIL_ORG_FIELD_FIRST_NAME },
  { "givenname", VIGIL_ORG_FIELD_FIRST_NAME },
  { "forename", VIGIL_ORG_FIELD_FIRST_NAME },
  { "lastname", VIGIL_ORG_FIELD_LAST_NAME },
  { "surname", VIGIL_ORG_FIELD_LAST_NAME },
  { "familyname", VIGIL_ORG_FIELD_LAST_NAME },
  { "jobtitle", VIGIL_ORG_FIELD_TITLE },
  { "title", VIGIL_ORG_FIELD_TITLE },
  { "position", VIGIL_ORG_FIELD_TITLE },
  { "positiontitle", VIGIL_ORG_FIELD_TITLE },
  { "designation", VIGIL_ORG_FIELD_TITLE },
  { "businesstitle", VIGIL_ORG_FIELD_TITLE },
  { "jobid", VIGIL_ORG_FIELD_JOB_ID },
  { "jobcode", VIGIL_ORG_FIELD_JOB_ID },
  { "department", VIGIL_ORG_FIELD_TEAM },
  { "departmentname", VIGIL_ORG_FIELD_TEAM },
  { "dept", VIGIL_ORG_FIELD_TEAM },
  { "team", VIGIL_ORG_FIELD_TEAM },
  { "teamname", VIGIL_ORG_FIELD_TEAM },
  { "unit", VIGIL_ORG_FIELD_TEAM },
  { "businessunit", VIGIL_ORG_FIELD_TEAM },
  { "division", VIGIL_ORG_FIELD_TEAM },
  { "departmentid", VIGIL_ORG_FIELD_DEPARTMENT_ID },
  { "deptid", VIGIL_ORG_FIELD_DEPARTMENT_ID },
  { "managerid", VIGIL_ORG_FIELD_MANAGER_ID },
  { "manageremployeeid", VIGIL_ORG_FIELD_MANAGER_ID },
  { "managernumber", VIGIL_ORG_FIELD_MANAGER_ID },
  { "reportsto", VIGIL_ORG_FIELD_MANAGER_ID },
  { "reportstoid", VIGIL_ORG_FIELD_MANAGER_ID },
  { "supervisorid", VIGIL_ORG_FIELD_MANAGER_ID },
  { "linemanagerid", VIGIL_ORG_FIELD_MANAGER_ID },
  { "email", VIGIL_ORG_FIELD_EMAIL },
  { "emailaddress", VIGIL_ORG_FIELD_EMAIL },
  { "workemail", VIGIL_ORG_FIELD_EMAIL },
  { "mail", VIGIL_ORG_FIELD_EMAIL },
  { "phone", VIGIL_ORG_FIELD_PHONE },
  { "phonenumber", VIGIL_ORG_FIELD_PHONE },
  { "workphone", VIGIL_ORG_FIELD_PHONE },
  { "telephone", VIGIL_ORG_FIELD_PHONE },
  { "officephone", VIGIL_ORG_FIELD_PHONE },
  { "mobile", VIGIL_ORG_FIELD_MOBILE },
  { "mobilephone", VIGIL_ORG_FIELD_MOBILE },
  { "mobilenumber", VIGIL_ORG_FIELD_MOBILE },
  { "cellphone", VIGIL_ORG_FIELD_MOBILE },
  { "location", VIGIL_ORG_FIELD_LOCATION },
  { "office", VIGIL_ORG_FIELD_LOCATION },
  { "site", VIGIL_ORG_FIELD_LOCATION },
  { "city", VIGIL_ORG_FIELD_LOCATION },
  { "roles", VIGIL_ORG_FIELD_ROLES },
  { "oncall", VIGIL_ORG_FIELD_ON_CALL },
};

struct _VigilOrgImport
{
  VigilStore *store;
  GHashTable *mappings;     /* normalised header → field + 1 */
  gboolean    skip_invalid;
  GHashTable *departments;  /* id → name */
  GHashTable *jobs;         /* id → title */
  gboolean    departments_set, jobs_set;
};

typedef struct
{
  guint       line;
  GPtrArray  *fields;   /* char* */
  char       *values[VIGIL_N_ORG_FIELDS];
  char       *employee_id;
  char       *manager_id;
  gboolean    rejected;
} Row;

static void
row_free (Row *row)
{
  g_ptr_array_unref (row->fields);
  for (guint i = 0; i < VIGIL_N_ORG_FIELDS; i++)
    g_free (row->values[i]);
  g_free (row->employee_id);
  g_free (row->manager_id);
  g_free (row);
}

/* ---- report ------------------------------------------------------------- */

static void
issue_free (VigilOrgImportIssue *issue)
{
  g_free (issue->employee_id);
  g_free (issue->reason);
  g_free (issue);
}

void
vigil_org_import_report_free (VigilOrgImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->issues);
  g_ptr_array_unref (report->notes);
  g_free (report);
}

static VigilOrgImportReport *
report_new (void)
{
  VigilOrgImportReport *report = g_new0 (VigilOrgImportReport, 1);
  report->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);
  report->notes = g_ptr_array_new_with_free_func (g_free);
  return report;
}

static void
report_issue (VigilOrgImportReport *report,
              guint                 line,
              const char           *employee_id,
              const char           *format,
              ...) G_GNUC_PRINTF (4, 5);

static void
report_issue (VigilOrgImportReport *report,
              guint                 line,
              const char           *employee_id,
              const char           *format,
              ...)
{
  VigilOrgImportIssue *issue = g_new0 (VigilOrgImportIssue, 1);
  va_list args;

  issue->line = line;
  issue->employee_id = g_strdup (employee_id);
  va_start (args, format);
  issue->reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (report->issues, issue);
}

char *
vigil_org_import_report_to_string (const VigilOrgImportReport *report)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < report->notes->len; i++)
    g_string_append_printf (s, "%s\n", (char *) report->notes->pdata[i]);
  for (guint i = 0; i < report->issues->len; i++)
    {
      VigilOrgImportIssue *issue = report->issues->pdata[i];
      if (issue->line > 0)
        g_string_append_printf (s, _("line %u: %s"), issue->line, issue->reason);
      else
        g_string_append (s, issue->reason);
      g_string_append_c (s, '\n');
    }
  if (report->committed)
    g_string_append_printf (s, _("%u rows: %u imported, %u updated, %u rejected; "
                                 "%u teams created\n"),
                            report->rows, report->imported, report->updated, report->rejected,
                            report->teams_created);
  else
    g_string_append_printf (s, _("%u rows, %u rejected: nothing was imported%s\n"),
                            report->rows, report->rejected,
                            report->rejected > 0 && report->rows > report->rejected
                              ? _(" (use --skip-invalid to import the valid rows)") : "");
  return g_string_free (s, FALSE);
}

/* ---- mapping ------------------------------------------------------------ */

static char *
normalise_header (const char *header)
{
  GString *s = g_string_new (NULL);

  for (const char *p = header; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (s, g_ascii_tolower (*p));
  return g_string_free (s, FALSE);
}

VigilOrgField
vigil_org_field_for_header (const char *header)
{
  g_autofree char *key = normalise_header (header);

  for (guint i = 0; i < G_N_ELEMENTS (header_aliases); i++)
    if (strcmp (header_aliases[i].header, key) == 0)
      return header_aliases[i].field;
  return VIGIL_ORG_FIELD_IGNORE;
}

const char *
vigil_org_field_to_string (VigilOrgField field)
{
  g_return_val_if_fail (field < VIGIL_N_ORG_FIELDS, NULL);
  return field_names[field];
}

VigilOrgImport *
vigil_org_import_new (VigilStore *store)
{
  VigilOrgImport *self = g_new0 (VigilOrgImport, 1);

  self->store = g_object_ref (store);
  self->mappings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
vigil_org_import_free (VigilOrgImport *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->store);
  g_hash_table_unref (self->mappings);
  g_clear_pointer (&self->departments, g_hash_table_unref);
  g_clear_pointer (&self->jobs, g_hash_table_unref);
  g_free (self);
}

gboolean
vigil_org_import_add_mapping (VigilOrgImport  *self,
                              const char      *mapping,
                              GError         **error)
{
  const char *eq = strrchr (mapping, '=');
  g_autofree char *column = NULL;
  g_autofree char *field = NULL;
  g_autofree char *raw_field = NULL;

  if (eq == NULL || eq == mapping)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("“%s” is not COLUMN=FIELD"), mapping);
      return FALSE;
    }
  column = g_strndup (mapping, eq - mapping);
  raw_field = g_strstrip (g_strdup (eq + 1));
  field = g_ascii_strdown (raw_field, -1);
  g_strdelimit (field, "- ", '_');
  for (guint i = 0; i < VIGIL_N_ORG_FIELDS; i++)
    if (strcmp (field, field_names[i]) == 0)
      {
        g_hash_table_replace (self->mappings, normalise_header (column), GUINT_TO_POINTER (i + 1));
        return TRUE;
      }
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
               _("Unknown field “%s” in “%s”; use one of employee_id, name, first_name, "
                 "last_name, title, job_id, team, department_id, manager_id, email, phone, "
                 "mobile, location, roles, on_call, ignore"), eq + 1, mapping);
  return FALSE;
}

void
vigil_org_import_set_skip_invalid (VigilOrgImport *self,
                                   gboolean        skip)
{
  self->skip_invalid = skip;
}

/* ---- CSV parsing ---------------------------------------------------------- */

typedef struct
{
  GPtrArray *rows;      /* Row* */
  Row       *current;
  guint      line;      /* line being fed */
} Parse;

static void
on_field (void   *data,
          size_t  len,
          void   *user_data)
{
  Parse *parse = user_data;

  if (parse->current == NULL)
    {
      parse->current = g_new0 (Row, 1);
      parse->current->line = parse->line;
      parse->current->fields = g_ptr_array_new_with_free_func (g_free);
    }
  g_ptr_array_add (parse->current->fields, g_strndup (data ? data : "", len));
}

static void
on_row (int   c,
        void *user_data)
{
  Parse *parse = user_data;

  if (parse->current == NULL)
    return;
  g_ptr_array_add (parse->rows, parse->current);
  parse->current = NULL;
}

/* Splits `data` into rows; FALSE with an issue on an encoding or quoting error. */
static GPtrArray *
parse_csv (const char            *data,
           gsize                  len,
           VigilOrgImportReport  *report)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  struct csv_parser parser;
  const char *end = data + len, *p = data, *bad;
  Parse parse = { rows, NULL, 1 };

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  if (!g_utf8_validate (p, end - p, &bad))
    {
      guint line = 1;
      for (const char *q = p; q < bad; q++)
        line += *q == '\n';
      report_issue (report, line, NULL,
                    _("the file is not valid UTF-8 (byte %" G_GSIZE_FORMAT "); save it as "
                      "UTF-8 and import again"), (gsize) (bad - data) + 1);
      return NULL;
    }

  csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      gsize n = nl ? (gsize) (nl - p + 1) : (gsize) (end - p);

      if (csv_parse (&parser, p, n, on_field, on_row, &parse) != n)
        {
          guint line = parse.current ? parse.current->line : parse.line;
          report_issue (report, line, NULL, _("malformed quotes (%s)"),
                        csv_strerror (csv_error (&parser)));
          goto fail;
        }
      parse.line++;
      p += n;
    }
  if (csv_fini (&parser, on_field, on_row, &parse) != 0)
    {
      guint line = parse.current ? parse.current->line : parse.line;
      report_issue (report, line, NULL,
                    _("a quoted field is never closed (unbalanced quotes from this line)"));
      goto fail;
    }
  csv_free (&parser);
  return g_steal_pointer (&rows);

fail:
  if (parse.current)
    row_free (parse.current);
  csv_free (&parser);
  return NULL;
}

/* A two-column lookup (id column → value column) from a CSV file. */
static GHashTable *
load_lookup (const char  *path,
             const char  *key_header,
             const char  *value_header,
             GError     **error)
{
  g_autoptr(VigilOrgImportReport) report = report_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *data = NULL;
  GHashTable *table;
  int key = -1, value = -1;
  Row *header;
  gsize len;

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  rows = parse_csv (data, len, report);
  if (rows == NULL || rows->len == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("%s: no rows"), path);
      return NULL;
    }
  header = rows->pdata[0];
  for (guint i = 0; i < header->fields->len; i++)
    {
      g_autofree char *h = normalise_header (header->fields->pdata[i]);
      if (strcmp (h, key_header) == 0)
        key = (int) i;
      else if (strcmp (h, value_header) == 0)
        value = (int) i;
    }
  if (key < 0 || value < 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("%s: needs columns %s and %s"), path, key_header, value_header);
      return NULL;
    }
  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint r = 1; r < rows->len; r++)
    {
      Row *row = rows->pdata[r];
      if ((guint) MAX (key, value) < row->fields->len)
        g_hash_table_replace (table, g_strdup (row->fields->pdata[key]),
                              g_strdup (row->fields->pdata[value]));
    }
  return table;
}

gboolean
vigil_org_import_set_departments_file (VigilOrgImport  *self,
                                       const char      *path,
                                       GError         **error)
{
  GHashTable *table = load_lookup (path, "departmentid", "departmentname", error);
  if (table == NULL)
    return FALSE;
  g_clear_pointer (&self->departments, g_hash_table_unref);
  self->departments = table;
  self->departments_set = TRUE;
  return TRUE;
}

gboolean
vigil_org_import_set_jobs_file (VigilOrgImport  *self,
                                const char      *path,
                                GError         **error)
{
  GHashTable *table = load_lookup (path, "jobid", "jobtitle", error);
  if (table == NULL)
    return FALSE;
  g_clear_pointer (&self->jobs, g_hash_table_unref);
  self->jobs = table;
  self->jobs_set = TRUE;
  return TRUE;
}

/* Uses departments.csv / jobs.csv beside an employees.csv when not set. */
static void
find_sibling_files (VigilOrgImport       *self,
                    const char           *path,
                    VigilOrgImportReport *report)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  const char *at = strstr (base, "employees");
  struct { const char *word; gboolean done; gboolean (*set) (VigilOrgImport *, const char *,
                                                              GError **); } siblings[] = {
    { "departments", self->departments_set, vigil_org_import_set_departments_file },
    { "jobs", self->jobs_set, vigil_org_import_set_jobs_file },
  };

  if (at == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (siblings); i++)
    {
      g_autofree char *prefix = g_strndup (base, at - base);
      g_autofree char *name = g_strconcat (prefix, siblings[i].word, at + strlen ("employees"),
                                           NULL);
      g_autofree char *sibling = g_build_filename (dir, name, NULL);

      if (siblings[i].done || !g_file_test (sibling, G_FILE_TEST_IS_REGULAR))
        continue;
      if (siblings[i].set (self, sibling, NULL))
        g_ptr_array_add (report->notes, g_strdup_printf (_("using %s"), name));
    }
}

/* ---- import ------------------------------------------------------------- */

static const char *
value (Row           *row,
       VigilOrgField  field)
{
  const char *v = row->values[field];
  return v != NULL && *v != '\0' ? v : NULL;
}

static char *
guess_team_kind (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);

  if (strstr (lower, "security") || strstr (lower, "soc") == lower || strstr (lower, "cert") ||
      strstr (lower, "csirt"))
    return g_strdup ("security");
  if (strcmp (lower, "it") == 0 || strstr (lower, "information technology") ||
      g_str_has_prefix (lower, "it ") || strstr (lower, "infrastructure") ||
      strstr (lower, "network"))
    return g_strdup ("it");
  return g_strdup ("business");
}

static gboolean
write_rows (VigilOrgImport        *self,
            GPtrArray             *rows,
            gboolean              *mapped,
            VigilOrgImportReport  *report,
            GError               **error)
{
  VigilStore *store = self->store;
  g_autoptr(GHashTable) teams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = rows->pdata[r];
      g_autoptr(VigilPerson) person = NULL;
      g_autoptr(GError) local = NULL;
      gint64 id;

      if (row->rejected)
        continue;
      id = vigil_store_find_person (store, row->employee_id, error);
      if (id < 0)
        return FALSE;
      if (id > 0)
        {
          person = vigil_store_get_person (store, id, error);
          if (person == NULL)
            return FALSE;
          g_clear_pointer (&person->roles, g_strfreev);  /* keep roles unless mapped */
        }
      else
        {
          person = vigil_person_new ();
          person->employee_id = g_strdup (row->employee_id);
        }

#define SET(member, field) \
      if (mapped[field]) { g_free (person->member); person->member = g_strdup (value (row, field)); }
      SET (name, VIGIL_ORG_FIELD_NAME);
      SET (title, VIGIL_ORG_FIELD_TITLE);
      SET (email, VIGIL_ORG_FIELD_EMAIL);
      SET (phone, VIGIL_ORG_FIELD_PHONE);
      SET (mobile, VIGIL_ORG_FIELD_MOBILE);
      SET (location, VIGIL_ORG_FIELD_LOCATION);
#undef SET
      if (mapped[VIGIL_ORG_FIELD_ROLES])
        person->roles = g_strsplit_set (value (row, VIGIL_ORG_FIELD_ROLES) ?
                                        value (row, VIGIL_ORG_FIELD_ROLES) : "", " ,;", -1);
      if (mapped[VIGIL_ORG_FIELD_ON_CALL])
        {
          const char *v = value (row, VIGIL_ORG_FIELD_ON_CALL);
          person->on_call = v != NULL && strchr ("yYtT1xX", *v) != NULL;
        }
      if (mapped[VIGIL_ORG_FIELD_TEAM])
        {
          const char *team = value (row, VIGIL_ORG_FIELD_TEAM);
          gint64 team_id = 0;

          if (team != NULL)
            {
              team_id = GPOINTER_TO_SIZE (g_hash_table_lookup (teams, team));
              if (team_id == 0)
                {
                  team_id = vigil_store_find_team (store, team, error);
                  if (team_id < 0)
                    return FALSE;
                  if (team_id == 0)
                    {
                      g_autoptr(VigilTeam) t = vigil_team_new ();
                      g_free (t->kind);
                      t->kind = guess_team_kind (team);
                      t->name = g_strdup (team);
                      team_id = vigil_store_create_team (store, t, error);
                      if (team_id == 0)
                        return FALSE;
                      report->teams_created++;
                    }
                  g_hash_table_insert (teams, g_strdup (team), GSIZE_TO_POINTER (team_id));
                }
            }
          person->team_id = team_id;
        }

      if (!vigil_store_begin (store, error))
        return FALSE;
      if (id > 0)
        {
          if (vigil_store_update_person (store, person, &local))
            report->updated++;
        }
      else if ((id = vigil_store_create_person (store, person, &local)) > 0)
        report->imported++;
      if (local != NULL)
        {
          vigil_store_rollback (store);
          report_issue (report, row->line, row->employee_id, "%s", local->message);
          row->rejected = TRUE;
          report->rejected++;
          if (!self->skip_invalid)
            return TRUE;  /* the caller rolls everything back */
          continue;
        }
      if (!vigil_store_commit (store, error))
        return FALSE;
      g_hash_table_insert (ids, row->employee_id, g_memdup2 (&id, sizeof id));
    }

  if (!mapped[VIGIL_ORG_FIELD_MANAGER_ID])
    return TRUE;

  /* reporting lines, once everyone exists */
  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = rows->pdata[r];
      g_autoptr(VigilPerson) person = NULL;
      gint64 *id, manager_id = 0;

      if (row->rejected || (id = g_hash_table_lookup (ids, row->employee_id)) == NULL)
        continue;
      if (row->manager_id != NULL)
        {
          gint64 *m = g_hash_table_lookup (ids, row->manager_id);
          manager_id = m ? *m : vigil_store_find_person (store, row->manager_id, error);
          if (manager_id < 0)
            return FALSE;
        }
      person = vigil_store_get_person (store, *id, error);
      if (person == NULL)
        return FALSE;
      if (person->manager_id == manager_id)
        continue;
      person->manager_id = manager_id;
      g_clear_pointer (&person->roles, g_strfreev);
      if (!vigil_store_update_person (store, person, error))
        {
          g_prefix_error (error, _("line %u: "), row->line);
          return FALSE;
        }
    }
  return TRUE;
}

static void
reject (VigilOrgImportReport *report,
        Row                  *row,
        const char           *reason)
{
  if (row->rejected)
    return;
  row->rejected = TRUE;
  report->rejected++;
  report_issue (report, row->line, row->employee_id, "%s", reason);
}

/* Rejects rows whose manager is unknown or who are in a reporting-line cycle,
 * against the file and the people already in the database; repeated until
 * stable because rejecting a manager orphans their reports. */
static gboolean
check_managers (VigilOrgImport        *self,
                GPtrArray             *rows,
                VigilOrgImportReport  *report,
                GError               **error)
{
  g_autoptr(GPtrArray) people = vigil_store_list_people (self->store, error);
  gboolean changed = TRUE;

  if (people == NULL)
    return FALSE;

  while (changed)
    {
      g_autoptr(GHashTable) manager_of = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) row_of = g_hash_table_new (g_str_hash, g_str_equal);

      changed = FALSE;
      for (guint i = 0; i < people->len; i++)
        {
          VigilPerson *p = people->pdata[i];
          if (p->employee_id != NULL)
            g_hash_table_insert (manager_of, p->employee_id,
                                 p->manager_employee_id ? p->manager_employee_id : (char *) "");
        }
      for (guint r = 0; r < rows->len; r++)
        {
          Row *row = rows->pdata[r];
          if (row->rejected)
            continue;
          g_hash_table_insert (manager_of, row->employee_id,
                               row->manager_id ? row->manager_id : (char *) "");
          g_hash_table_insert (row_of, row->employee_id, row);
        }

      for (guint r = 0; r < rows->len; r++)
        {
          Row *row = rows->pdata[r];
          g_autoptr(GHashTable) path = NULL;
          g_autoptr(GString) chain = NULL;
          const char *id;

          if (row->rejected || row->manager_id == NULL)
            continue;
          if (!g_hash_table_contains (manager_of, row->manager_id))
            {
              g_autofree char *reason = g_strdup_printf (_("unknown manager “%s” (no such "
                                                           "employee id in the file or the "
                                                           "database)"), row->manager_id);
              reject (report, row, reason);
              changed = TRUE;
              continue;
            }
          /* walk up; a repeat means a cycle */
          path = g_hash_table_new (g_str_hash, g_str_equal);
          chain = g_string_new (row->employee_id);
          for (id = row->employee_id; id != NULL && *id != '\0';
               id = g_hash_table_lookup (manager_of, id))
            {
              if (!g_hash_table_add (path, (gpointer) id))
                {
                  if (strcmp (id, row->employee_id) == 0)
                    {
                      g_autofree char *reason =
                        g_strdup_printf (_("reporting-line cycle: %s"), chain->str);
                      reject (report, row, reason);
                      changed = TRUE;
                    }
                  break;
                }
              if (id != row->employee_id)
                g_string_append_printf (chain, " → %s", id);
            }
          if (id != NULL && *id == '\0')
            continue;
        }
    }
  return TRUE;
}

static gboolean
is_blank (const char *data,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

VigilOrgImportReport *
vigil_org_import_data (VigilOrgImport  *self,
                       const char      *data,
                       gsize            len,
                       GError         **error)
{
  g_autoptr(VigilOrgImportReport) report = report_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) seen_ids = g_hash_table_new (g_str_hash, g_str_equal);
  VigilOrgField columns[256];
  gboolean mapped[VIGIL_N_ORG_FIELDS] = { FALSE };
  guint n_columns;
  Row *header;

  if (is_blank (data, len))
    {
      report_issue (report, 1, NULL, _("the file is empty"));
      return g_steal_pointer (&report);
    }
  rows = parse_csv (data, len, report);
  if (rows == NULL)
    return g_steal_pointer (&report);
  if (rows->len == 0)
    {
      report_issue (report, 1, NULL, _("the file is empty"));
      return g_steal_pointer (&report);
    }

  /* the header */
  header = rows->pdata[0];
  n_columns = header->fields->len;
  if (n_columns > G_N_ELEMENTS (columns))
    {
      report_issue (report, header->line, NULL, _("too many columns (%u)"), n_columns);
      return g_steal_pointer (&report);
    }
  for (guint i = 0; i < n_columns; i++)
    {
      const char *name = header->fields->pdata[i];
      g_autofree char *key = normalise_header (name);
      gpointer explicit = g_hash_table_lookup (self->mappings, key);

      columns[i] = explicit ? GPOINTER_TO_UINT (explicit) - 1 : vigil_org_field_for_header (name);
      if (columns[i] != VIGIL_ORG_FIELD_IGNORE && mapped[columns[i]])
        columns[i] = VIGIL_ORG_FIELD_IGNORE;  /* the first column of a field wins */
      if (columns[i] == VIGIL_ORG_FIELD_IGNORE)
        g_ptr_array_add (report->notes, g_strdup_printf (_("column “%s” ignored"), name));
      else
        mapped[columns[i]] = TRUE;
    }
  if (!mapped[VIGIL_ORG_FIELD_EMPLOYEE_ID] ||
      !(mapped[VIGIL_ORG_FIELD_NAME] || mapped[VIGIL_ORG_FIELD_FIRST_NAME] ||
        mapped[VIGIL_ORG_FIELD_LAST_NAME]))
    {
      report_issue (report, header->line, NULL,
                    _("the header names no %s column; map one with --map COLUMN=%s"),
                    !mapped[VIGIL_ORG_FIELD_EMPLOYEE_ID] ? "employee id" : "name",
                    !mapped[VIGIL_ORG_FIELD_EMPLOYEE_ID] ? "employee_id" : "name");
      return g_steal_pointer (&report);
    }
  if (mapped[VIGIL_ORG_FIELD_FIRST_NAME] || mapped[VIGIL_ORG_FIELD_LAST_NAME])
    mapped[VIGIL_ORG_FIELD_NAME] = TRUE;
  if (mapped[VIGIL_ORG_FIELD_JOB_ID])
    mapped[VIGIL_ORG_FIELD_TITLE] = TRUE;
  if (mapped[VIGIL_ORG_FIELD_DEPARTMENT_ID])
    mapped[VIGIL_ORG_FIELD_TEAM] = TRUE;

  /* the rows */
  g_ptr_array_remove_index (rows, 0);
  report->rows = rows->len;
  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = rows->pdata[r];

      if (row->fields->len != n_columns)
        {
          g_autofree char *reason = g_strdup_printf (_("%u columns where the header has %u"),
                                                     row->fields->len, n_columns);
          reject (report, row, reason);
          continue;
        }
      for (guint i = 0; i < n_columns; i++)
        if (columns[i] != VIGIL_ORG_FIELD_IGNORE)
          row->values[columns[i]] = g_strstrip (g_strdup (row->fields->pdata[i]));

      row->employee_id = g_strdup (value (row, VIGIL_ORG_FIELD_EMPLOYEE_ID));
      row->manager_id = g_strdup (value (row, VIGIL_ORG_FIELD_MANAGER_ID));
      if (value (row, VIGIL_ORG_FIELD_NAME) == NULL)
        {
          const char *first = value (row, VIGIL_ORG_FIELD_FIRST_NAME);
          const char *last = value (row, VIGIL_ORG_FIELD_LAST_NAME);
          g_free (row->values[VIGIL_ORG_FIELD_NAME]);
          row->values[VIGIL_ORG_FIELD_NAME] =
            first && last ? g_strconcat (first, " ", last, NULL) : g_strdup (first ? first : last);
        }
      if (value (row, VIGIL_ORG_FIELD_TITLE) == NULL && value (row, VIGIL_ORG_FIELD_JOB_ID))
        {
          const char *job = value (row, VIGIL_ORG_FIELD_JOB_ID);
          const char *title = self->jobs ? g_hash_table_lookup (self->jobs, job) : NULL;
          g_free (row->values[VIGIL_ORG_FIELD_TITLE]);
          row->values[VIGIL_ORG_FIELD_TITLE] = g_strdup (title ? title : job);
        }
      if (value (row, VIGIL_ORG_FIELD_TEAM) == NULL && value (row, VIGIL_ORG_FIELD_DEPARTMENT_ID))
        {
          const char *dept = value (row, VIGIL_ORG_FIELD_DEPARTMENT_ID);
          const char *name = self->departments ? g_hash_table_lookup (self->departments, dept)
                                               : NULL;
          g_free (row->values[VIGIL_ORG_FIELD_TEAM]);
          row->values[VIGIL_ORG_FIELD_TEAM] = name ? g_strdup (name)
                                                   : g_strdup_printf (_("Department %s"), dept);
        }

      if (row->employee_id == NULL)
        reject (report, row, _("no employee id"));
      else if (value (row, VIGIL_ORG_FIELD_NAME) == NULL)
        reject (report, row, _("no name"));
      else if (row->manager_id != NULL && strcmp (row->manager_id, row->employee_id) == 0)
        reject (report, row, _("reports to themself"));
      else if (!g_hash_table_add (seen_ids, row->employee_id))
        {
          g_autofree char *reason = g_strdup_printf (_("employee id %s appears twice in the file"),
                                                     row->employee_id);
          reject (report, row, reason);
        }
    }

  if (!check_managers (self, rows, report, error))
    return NULL;

  if (report->rejected > 0 && !self->skip_invalid)
    return g_steal_pointer (&report);

  if (!vigil_store_begin (self->store, error))
    return NULL;
  if (!write_rows (self, rows, mapped, report, error))
    {
      vigil_store_rollback (self->store);
      return NULL;
    }
  if (report->rejected > 0 && !self->skip_invalid)
    {
      vigil_store_rollback (self->store);
      report->imported = report->updated = report->teams_created = 0;
      return g_steal_pointer (&report);
    }
  if (!vigil_store_commit (self->store, error))
    return NULL;
  report->committed = TRUE;
  return g_steal_pointer (&report);
}

VigilOrgImportReport *
vigil_org_import_file (VigilOrgImport  *self,
                       const char      *path,
                       GError         **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *data = NULL;
  VigilOrgImportReport *report;
  gsize len;

  if (!g_file_get_contents (path, &data, &len, &local))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("Could not read %s: %s"), path,
                   local->message);
      return NULL;
    }
  {
    g_autoptr(VigilOrgImportReport) notes = report_new ();
    find_sibling_files (self, path, notes);
    report = vigil_org_import_data (self, data, len, error);
    if (report != NULL)
      for (guint i = 0; i < notes->notes->len; i++)
        g_ptr_array_insert (report->notes, i, g_strdup (notes->notes->pdata[i]));
  }
  return report;
}
