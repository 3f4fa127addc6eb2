/* vigil-org-import.h — importing people from HR CSV exports
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-store.h"

G_BEGIN_DECLS

typedef enum
{
  VIGIL_ORG_FIELD_IGNORE,
  VIGIL_ORG_FIELD_EMPLOYEE_ID,
  VIGIL_ORG_FIELD_NAME,
  VIGIL_ORG_FIELD_FIRST_NAME,
  VIGIL_ORG_FIELD_LAST_NAME,
  VIGIL_ORG_FIELD_TITLE,
  VIGIL_ORG_FIELD_JOB_ID,         /* looked up in a jobs file, else used as the title */
  VIGIL_ORG_FIELD_TEAM,
  VIGIL_ORG_FIELD_DEPARTMENT_ID,  /* looked up in a departments file */
  VIGIL_ORG_FIELD_MANAGER_ID,
  VIGIL_ORG_FIELD_EMAIL,
  VIGIL_ORG_FIELD_PHONE,
  VIGIL_ORG_FIELD_MOBILE,
  VIGIL_ORG_FIELD_LOCATION,
  VIGIL_ORG_FIELD_ROLES,          /* space- or comma-separated */
  VIGIL_ORG_FIELD_ON_CALL,
  VIGIL_N_ORG_FIELDS
} VigilOrgField;

typedef struct
{
  guint  line;        /* 1-based line of the file; 0: the whole file */
  char  *employee_id; /* or NULL */
  char  *reason;
} VigilOrgImportIssue;

typedef struct
{
  guint      rows;       /* data rows read */
  guint      imported;   /* new people */
  guint      updated;    /* existing people (same employee id) */
  guint      rejected;
  guint      teams_created;
  gboolean   committed;  /* FALSE: nothing was written */
  GPtrArray *issues;     /* VigilOrgImportIssue*, rejected rows and file errors */
  GPtrArray *notes;      /* char*: ignored columns, files used, … */
} VigilOrgImportReport;

void vigil_org_import_report_free (VigilOrgImportReport *report);
/* Human-readable, one issue per line: "line 12: unknown manager 999". */
char *vigil_org_import_report_to_string (const VigilOrgImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilOrgImportReport, vigil_org_import_report_free)

typedef struct _VigilOrgImport VigilOrgImport;

VigilOrgImport *vigil_org_import_new             (VigilStore      *store);
void            vigil_org_import_free            (VigilOrgImport  *self);
/* "COLUMN=FIELD", FIELD one of employee_id, name, first_name, last_name,
 * title, job_id, team, department_id, manager_id, email, phone, mobile,
 * location, roles, on_call, ignore. */
gboolean        vigil_org_import_add_mapping     (VigilOrgImport  *self,
                                                  const char      *mapping,
                                                  GError         **error);
/* Import the valid rows and report the rest (default: all or nothing). */
void            vigil_org_import_set_skip_invalid (VigilOrgImport *self,
                                                  gboolean         skip);
/* A CSV with department_id and department_name columns (Oracle HR).  When
 * not set, a `departments` file beside an `employees` file is used. */
gboolean        vigil_org_import_set_departments_file (VigilOrgImport *self,
                                                  const char      *path,
                                                  GError         **error);
/* A CSV with job_id and job_title columns. Found beside like departments. */
gboolean        vigil_org_import_set_jobs_file   (VigilOrgImport  *self,
                                                  const char      *path,
                                                  GError         **error);
/* Reads and imports.  Returns NULL with an IO error when the file cannot be
 * read; otherwise a report (check ->committed and ->issues). */
VigilOrgImportReport *vigil_org_import_file      (VigilOrgImport  *self,
                                                  const char      *path,
                                                  GError         **error);
VigilOrgImportReport *vigil_org_import_data      (VigilOrgImport  *self,
                                                  const char      *data,
                                                  gsize            len,
                                                  GError         **error);

/* The field a header names, e.g. "Employee ID" → EMPLOYEE_ID. */
VigilOrgField   vigil_org_field_for_header       (const char      *header);
const char     *vigil_org_field_to_string        (VigilOrgField    field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilOrgImport, vigil_org_import_free)

G_END_DECLS
