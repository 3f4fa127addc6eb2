/* test-org-import.c — CSV import of people: mapping, updates, rejections, bad files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-org-import.h"
#include "vigil-store-org.h"
#include "vigil-test-util.h"

static VigilOrgImportReport *
import_text (VigilStore *store,
             const char *text,
             gboolean    skip_invalid)
{
  g_autoptr(VigilOrgImport) import = vigil_org_import_new (store);
  g_autoptr(GError) error = NULL;
  VigilOrgImportReport *report;

  vigil_org_import_set_skip_invalid (import, skip_invalid);
  report = vigil_org_import_data (import, text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static gboolean
report_has (VigilOrgImportReport *report,
            guint                 line,
            const char           *words)
{
  for (guint i = 0; i < report->issues->len; i++)
    {
      VigilOrgImportIssue *issue = report->issues->pdata[i];
      if (issue->line == line && strstr (issue->reason, words) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_header_mapping (void)
{
  struct { const char *header; VigilOrgField field; } cases[] = {
    { "Employee ID", VIGIL_ORG_FIELD_EMPLOYEE_ID },
    { "EMPLOYEE_ID", VIGIL_ORG_FIELD_EMPLOYEE_ID },
    { "Full Name", VIGIL_ORG_FIELD_NAME },
    { "First Name", VIGIL_ORG_FIELD_FIRST_NAME },
    { "LAST_NAME", VIGIL_ORG_FIELD_LAST_NAME },
    { "Job Title", VIGIL_ORG_FIELD_TITLE },
    { "JOB_ID", VIGIL_ORG_FIELD_JOB_ID },
    { "Department", VIGIL_ORG_FIELD_TEAM },
    { "DEPARTMENT_ID", VIGIL_ORG_FIELD_DEPARTMENT_ID },
    { "Manager ID", VIGIL_ORG_FIELD_MANAGER_ID },
    { "Reports To", VIGIL_ORG_FIELD_MANAGER_ID },
    { "E-mail", VIGIL_ORG_FIELD_EMAIL },
    { "PHONE_NUMBER", VIGIL_ORG_FIELD_PHONE },
    { "Salary", VIGIL_ORG_FIELD_IGNORE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (vigil_org_field_for_header (cases[i].header), ==, cases[i].field);
}

static void
test_import_and_update (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(VigilOrgImportReport) first = NULL;
  g_autoptr(VigilOrgImportReport) second = NULL;
  g_autoptr(VigilPerson) p = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  first = import_text (store,
                       "Employee ID,First Name,Last Name,Job Title,Department,Manager ID,Email,Phone,Salary\n"
                       "1,Ada,Byron,CEO,Board,,ada@example.org,+44 1,100\n"
                       "2,Alan,Turing,CISO,Security Office,1,alan@example.org,,90\n"
                       "3,\"Grace \"\"Amazing\"\" <b>\",Hopper,SOC Analyst,Security Office,2,grace@example.org,,80\n",
                       FALSE);
  g_assert_true (first->committed);
  g_assert_cmpuint (first->imported, ==, 3);
  g_assert_cmpuint (first->rejected, ==, 0);
  g_assert_cmpuint (first->teams_created, ==, 2);
  g_assert_cmpint (vigil_store_count (store, VIGIL_KIND_PERSON), ==, 3);

  id = vigil_store_find_person (store, "3", &error);
  g_assert_cmpint (id, >, 0);
  p = vigil_store_get_person (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (p->name, ==, "Grace \"Amazing\" <b> Hopper");
  g_assert_cmpstr (p->team_name, ==, "Security Office");
  g_assert_cmpstr (p->team_kind, ==, "security");
  g_assert_cmpstr (p->manager_employee_id, ==, "2");

  /* re-import by employee id: an update, no duplicate */
  second = import_text (store,
                        "Employee ID,Full Name,Job Title,Manager ID\n"
                        "3,Grace Hopper,SOC Lead,1\n"
                        "4,Edsger Dijkstra,Analyst,3\n",
                        FALSE);
  g_assert_true (second->committed);
  g_assert_cmpuint (second->updated, ==, 1);
  g_assert_cmpuint (second->imported, ==, 1);
  g_assert_cmpint (vigil_store_count (store, VIGIL_KIND_PERSON), ==, 4);
  g_clear_pointer (&p, vigil_person_free);
  p = vigil_store_get_person (store, id, &error);
  g_assert_cmpstr (p->title, ==, "SOC Lead");
  g_assert_cmpstr (p->manager_employee_id, ==, "1");
  /* unmapped columns keep their values */
  g_assert_cmpstr (p->email, ==, "grace@example.org");
  g_assert_cmpstr (p->team_name, ==, "Security Office");
}

static void
test_explicit_map (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(VigilOrgImport) import = vigil_org_import_new (store);
  g_autoptr(VigilOrgImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "Matricule;Nom\n";

  g_assert_false (vigil_org_import_add_mapping (import, "Nom=surname", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_true (vigil_org_import_add_mapping (import, "Matricule=employee_id", &error));
  g_assert_true (vigil_org_import_add_mapping (import, "Nom=name", &error));
  text = "Matricule,Nom\nA7,Marie Curie\n";
  report = vigil_org_import_data (import, text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_true (report->committed);
  g_assert_cmpuint (report->imported, ==, 1);
  g_assert_cmpint (vigil_store_find_person (store, "A7", NULL), >, 0);
}

static void
test_cycle_and_unknown_manager (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(VigilOrgImportReport) report = NULL;
  g_autoptr(VigilOrgImportReport) skipped = NULL;
  const char *text = "Employee ID,Full Name,Manager ID\n"
                     "1,Root Person,\n"
                     "2,Ann,3\n"
                     "3,Bob,4\n"
                     "4,Cid,2\n"
                     "5,Dee,99\n"
                     "6,Eve,1\n";

  report = import_text (store, text, FALSE);
  g_assert_false (report->committed);
  g_assert_cmpint (vigil_store_count (store, VIGIL_KIND_PERSON), ==, 0);
  g_assert_true (report_has (report, 3, "cycle"));
  g_assert_true (report_has (report, 4, "cycle"));
  g_assert_true (report_has (report, 5, "cycle"));
  g_assert_true (report_has (report, 6, "unknown manager"));
  g_assert_cmpuint (report->rejected, ==, 4);

  skipped = import_text (store, text, TRUE);
  g_assert_true (skipped->committed);
  g_assert_cmpuint (skipped->imported, ==, 2);
  g_assert_cmpuint (skipped->rejected, ==, 4);
  g_assert_cmpint (vigil_store_count (store, VIGIL_KIND_PERSON), ==, 2);
}

static void
test_cycle_with_database (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(VigilOrgImportReport) a = NULL;
  g_autoptr(VigilOrgImportReport) b = NULL;

  a = import_text (store, "Employee ID,Full Name,Manager ID\n1,Boss,\n2,Deputy,1\n", FALSE);
  g_assert_true (a->committed);
  /* the boss now reports to the deputy, who reports to the boss in the database */
  b = import_text (store, "Employee ID,Full Name,Manager ID\n1,Boss,2\n", FALSE);
  g_assert_false (b->committed);
  g_assert_true (report_has (b, 2, "cycle"));
}

static void
test_bad_files (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  struct { const char *text; guint line; const char *words; } cases[] = {
    { "", 1, "empty" },
    { "  \n\n", 1, "empty" },
    { "Employee ID,Full Name\n1,Ann\n2,\"Bob\n3,Cid\n", 3, "never closed" },
    { "Employee ID,Full Name\n1,Ann\n2,Bob,extra\n", 3, "columns" },
    { "Employee ID,Full Name\n1,Ann\n2,B\xe9la\n", 3, "UTF-8" },
    { "Employee ID,Full Name\n1,Ann\n1,Ann again\n", 3, "twice" },
    { "Employee ID,Full Name\n1,Ann\n,Nobody\n", 3, "no employee id" },
    { "Given,Family\nAnn,Smith\n", 1, "employee id" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VigilOrgImportReport) report = import_text (store, cases[i].text, FALSE);
      g_autofree char *text = vigil_org_import_report_to_string (report);

      if (!report_has (report, cases[i].line, cases[i].words))
        g_error ("case %u: expected line %u “%s” in:\n%s", i, cases[i].line, cases[i].words,
                 text);
      g_assert_false (report->committed);
      g_assert_cmpint (vigil_store_count (store, VIGIL_KIND_PERSON), ==, 0);
    }
}

static void
test_oracle_hr (void)
{
  const char *samples = vigil_test_samples_dir ();
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilOrgImport) import = NULL;
  g_autoptr(VigilOrgImportReport) report = NULL;
  g_autoptr(VigilOrgImportReport) again = NULL;
  g_autoptr(VigilPerson) king = NULL;
  g_autoptr(VigilPerson) kochhar = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *denorm = NULL;

  if (samples == NULL)
    {
      g_test_skip ("no samples");
      return;
    }
  path = g_build_filename (samples, "orgchart-csv", "oracle-hr-employees.csv", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no Oracle HR sample");
      return;
    }
  store = vigil_test_store_new ();
  import = vigil_org_import_new (store);
  report = vigil_org_import_file (import, path, &error);
  g_assert_no_error (error);
  if (!report->committed)
    g_error ("%s", vigil_org_import_report_to_string (report));
  g_assert_cmpuint (report->imported, ==, 107);
  g_assert_cmpuint (report->rejected, ==, 0);

  king = vigil_store_get_person (store, vigil_store_find_person (store, "100", NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (king->name, ==, "Steven King");
  g_assert_cmpstr (king->title, ==, "President");      /* from jobs.csv */
  g_assert_cmpstr (king->team_name, ==, "Executive");  /* from departments.csv */
  g_assert_cmpint (king->manager_id, ==, 0);
  kochhar = vigil_store_get_person (store, vigil_store_find_person (store, "101", NULL), &error);
  g_assert_cmpstr (kochhar->manager_employee_id, ==, "100");

  /* the denormalised export of the same people updates them all */
  denorm = g_build_filename (samples, "orgchart-csv", "oracle-hr-orgchart-denormalized.csv", NULL);
  g_clear_pointer (&import, vigil_org_import_free);
  import = vigil_org_import_new (store);
  again = vigil_org_import_file (import, denorm, &error);
  g_assert_no_error (error);
  g_assert_true (again->committed);
  g_assert_cmpuint (again->updated, ==, 107);
  g_assert_cmpuint (again->imported, ==, 0);
  g_assert_cmpint (vigil_store_count (store, VIGIL_KIND_PERSON), ==, 107);
}

int
main (int    argc,
      char **argv)
{
  vigil_test_init (&argc, &argv);

  g_test_add_func ("/org-import/header-mapping", test_header_mapping);
  g_test_add_func ("/org-import/import-and-update", test_import_and_update);
  g_test_add_func ("/org-import/explicit-map", test_explicit_map);
  g_test_add_func ("/org-import/cycle-and-unknown-manager", test_cycle_and_unknown_manager);
  g_test_add_func ("/org-import/cycle-with-database", test_cycle_with_database);
  g_test_add_func ("/org-import/bad-files", test_bad_files);
  g_test_add_func ("/org-import/oracle-hr", test_oracle_hr);
  return g_test_run ();
}
