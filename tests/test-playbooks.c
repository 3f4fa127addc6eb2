/* test-playbooks.c — shipped templates, automatic pre-fill on create and
 * classify, applying by hand, editing
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-store-playbooks.h"
#include "vigil-store-private.h"
#include "vigil-store-records.h"
#include "vigil-test-util.h"

static VigilStore *
new_store (void)
{
  VigilStore *store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;

  vigil_time_set_now_override (1796040000);
  g_assert_true (vigil_store_exec (store,
    "INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES "
    "(1, 'Security Operations Centre', 'security', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    &error));
  g_assert_no_error (error);
  return store;
}

static gint64
count (VigilStore *store,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = vigil_store_query_int (store, sql, &error);
  g_assert_no_error (error);
  return n;
}

static void
test_shipped (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const char *names[] = { "Phishing", "Malware", "Ransomware", "Denial of service", "Data leak",
                          "Account compromise" };

  g_assert_cmpint (vigil_store_ensure_playbooks (store, &error), ==, 6);
  g_assert_no_error (error);
  g_assert_cmpint (vigil_store_ensure_playbooks (store, &error), ==, 0);
  list = vigil_store_list_playbooks (store, &error);
  g_assert_cmpuint (list->len, ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gboolean found = FALSE;
      for (guint j = 0; j < list->len; j++)
        {
          VigilPlaybook *p = list->pdata[j];
          if (g_str_equal (p->name, names[i]))
            {
              found = TRUE;
              g_assert_cmpuint (p->n_steps, >=, 5);
              g_assert_true (vigil_playbook_validate_steps (p->steps, NULL, &error));
              g_assert_no_error (error);
            }
        }
      g_assert_true (found);
    }
}

static void
test_prefill (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 steps;

  g_assert_cmpint (vigil_store_ensure_playbooks (store, &error), ==, 6);
  steps = count (store, "SELECT json_array_length(steps) FROM playbooks WHERE name = 'Phishing'");

  /* created with a category */
  g_assert_true (vigil_store_exec (store,
    "INSERT INTO incidents (id, ref, title, category, created_at, updated_at) VALUES "
    "(1, 'INC-2026-0001', 'Fake invoice', 'fraud', '2026-11-30T10:00:00Z', '2026-11-30T10:00:00Z')",
    &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM actions WHERE incident_id = 1 "
                          "AND playbook = 'Phishing'"), ==, steps);
  g_assert_cmpint (count (store, "SELECT count(*) FROM actions WHERE incident_id = 1 "
                          "AND kind = 'countermeasure' AND status = 'pending' "
                          "AND cm_type IS NOT NULL"), >=, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM actions WHERE incident_id = 1 "
                          "AND owner_team_id = 1"), >=, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM timeline WHERE incident_id = 1 "
                          "AND kind = 'playbook'"), ==, 1);

  /* classified later; the manual-only Ransomware is not applied */
  g_assert_true (vigil_store_exec (store,
    "INSERT INTO incidents (id, ref, title, created_at, updated_at) VALUES "
    "(2, 'INC-2026-0002', 'Odd process', '2026-11-30T10:00:00Z', '2026-11-30T10:00:00Z')",
    &error));
  g_assert_cmpint (count (store, "SELECT count(*) FROM actions WHERE incident_id = 2"), ==, 0);
  g_assert_true (vigil_store_exec (store, "UPDATE incidents SET category = 'malicious-code', "
                                   "updated_at = '2026-11-30T11:00:00Z' WHERE id = 2", &error));
  g_assert_cmpint (count (store, "SELECT count(*) FROM actions WHERE incident_id = 2"), ==,
                   count (store, "SELECT json_array_length(steps) FROM playbooks "
                                 "WHERE name = 'Malware'"));
  g_assert_cmpint (count (store, "SELECT count(*) FROM actions WHERE incident_id = 2 "
                          "AND playbook = 'Ransomware'"), ==, 0);
  /* re-classifying back and forth does not apply it twice */
  g_assert_true (vigil_store_exec (store, "UPDATE incidents SET category = 'other' WHERE id = 2;"
                                   "UPDATE incidents SET category = 'malicious-code' WHERE id = 2",
                                   &error));
  g_assert_cmpint (count (store, "SELECT count(*) FROM timeline WHERE incident_id = 2 "
                          "AND kind = 'playbook'"), ==, 1);

  /* by hand, once */
  {
    gint64 ransomware = count (store, "SELECT id FROM playbooks WHERE name = 'Ransomware'");
    guint n = 0;
    g_assert_true (vigil_store_apply_playbook (store, 2, ransomware, &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, >=, 5);
    g_assert_false (vigil_store_apply_playbook (store, 2, ransomware, &n, &error));
    g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT);
    g_clear_error (&error);
  }
}

static void
test_edit (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = vigil_store_save_playbook (store, 0, "Lost laptop", "other", "A device was lost",
                                  "[{\"title\": \"Wipe the device remotely\", \"stage\": "
                                  "\"containment\", \"kind\": \"countermeasure\", "
                                  "\"cm_type\": \"other\"}]", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  /* invalid steps are refused with the step named */
  g_assert_cmpint (vigil_store_save_playbook (store, id, "Lost laptop", "other", "",
                                              "[{\"stage\": \"containment\"}]", TRUE, &error), <, 0);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "1"));
  g_clear_error (&error);
  g_assert_cmpint (vigil_store_save_playbook (store, id, "x", "other", "", "{", TRUE, &error), <, 0);
  g_clear_error (&error);
  g_assert_cmpint (vigil_store_save_playbook (store, id, "x", "nonsense", "", "[]", TRUE, &error),
                   <, 0);
  g_clear_error (&error);
  g_assert_cmpint (vigil_store_save_playbook (store, id, "x", "other", "",
                                              "[{\"title\": \"t\", \"stage\": \"later\"}]", TRUE,
                                              &error), <, 0);
  g_clear_error (&error);
  /* the table is not empty, so the shipped ones are not loaded over it */
  g_assert_cmpint (vigil_store_ensure_playbooks (store, &error), ==, 0);
  g_assert_true (vigil_store_reset_playbooks (store, &error));
  g_assert_cmpint (count (store, "SELECT count(*) FROM playbooks"), ==, 6);
  g_assert_true (vigil_store_delete_playbook (store, count (store, "SELECT min(id) FROM playbooks"),
                                              &error));
  g_assert_cmpint (count (store, "SELECT count(*) FROM playbooks"), ==, 5);
}

int
main (int    argc,
      char **argv)
{
  vigil_test_init (&argc, &argv);
  g_test_add_func ("/vigil/playbooks/shipped", test_shipped);
  g_test_add_func ("/vigil/playbooks/prefill", test_prefill);
  g_test_add_func ("/vigil/playbooks/edit", test_edit);
  return g_test_run ();
}
