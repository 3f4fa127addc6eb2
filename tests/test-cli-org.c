/* test-cli-org.c — vigilctl org import, export and list
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "vigil-test-util.h"

#define RUN(...) vigil_test_run_vigilctl ((const char *[]) { __VA_ARGS__, NULL }, NULL, &out, &err)
#define CLEAR() G_STMT_START { g_clear_pointer (&out, g_free); g_clear_pointer (&err, g_free); } G_STMT_END

static char *
write_file (const char *dir,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
test_cli_org_import_list (void)
{
  g_autofree char *db = vigil_test_db_path ();
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *mapped = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  JsonObject *o;

  good = write_file (dir, "staff.csv",
                     "Employee ID,Full Name,Job Title,Department,Manager ID,Email,Phone\n"
                     "1,Helena Marsh,CEO,Board,,helena@example.org,+44 1\n"
                     "2,Amara <Okafor> & Co,CISO,Information Security,1,amara@example.org,\n");
  bad = write_file (dir, "bad.csv",
                    "Employee ID,Full Name,Manager ID\n"
                    "3,Ann,4\n"
                    "4,Bob,3\n"
                    "5,Cid,1\n");
  mapped = write_file (dir, "mapped.csv", "Matricule,Nom,Chef\n6,Dee,2\n");

  g_assert_cmpint (RUN ("--db", db, "org", "import", good), ==, 0);
  g_assert_nonnull (strstr (out, "2 imported"));
  CLEAR ();

  /* a cycle: nothing imported, line numbers, exit 1 */
  g_assert_cmpint (RUN ("--db", db, "org", "import", bad), ==, 1);
  g_assert_nonnull (strstr (err, "line 2"));
  g_assert_nonnull (strstr (err, "line 3"));
  g_assert_nonnull (strstr (err, "cycle"));
  CLEAR ();
  g_assert_cmpint (RUN ("--db", db, "org", "list", "--json"), ==, 0);
  root = json_from_string (out, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);
  g_clear_pointer (&root, json_node_unref);
  CLEAR ();

  /* --skip-invalid imports the valid row */
  g_assert_cmpint (RUN ("--db", db, "org", "import", "--skip-invalid", bad), ==, 0);
  g_assert_nonnull (strstr (out, "1 imported"));
  CLEAR ();

  /* explicit mapping; a bad mapping is a usage error */
  g_assert_cmpint (RUN ("--db", db, "org", "import", "--map", "Chef=boss", mapped), ==, 2);
  CLEAR ();
  g_assert_cmpint (RUN ("--db", db, "org", "import", "--map", "Matricule=employee_id",
                        "--map", "Nom=name", "--map", "Chef=manager_id", mapped), ==, 0);
  CLEAR ();

  g_assert_cmpint (RUN ("--db", db, "org", "list", "--json"), ==, 0);
  root = json_from_string (out, NULL);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 4);
  o = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (o, "id"), ==, "2");
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "Amara <Okafor> & Co");
  g_assert_cmpstr (json_object_get_string_member (o, "team"), ==, "Information Security");
  g_assert_cmpstr (json_object_get_string_member (o, "manager"), ==, "1");
  g_assert_true (json_object_get_null_member (o, "phone"));
  o = json_array_get_object_element (array, 0);
  g_assert_true (json_object_get_null_member (o, "manager"));
  CLEAR ();

  g_assert_cmpint (RUN ("--db", db, "org", "import", "/nonexistent.csv"), ==, 1);
  CLEAR ();
  g_assert_cmpint (RUN ("--db", db, "org", "import"), ==, 2);
}

static void
test_cli_org_export (void)
{
  g_autofree char *db = vigil_test_db_path ();
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *formats[] = { "svg", "png", "pdf", "dot" };
  const char *magic[] = { "<?xml", "\x89PNG", "%PDF", "digraph" };

  g_assert_cmpint (RUN ("--db", db, "demo"), ==, 0);
  CLEAR ();
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strconcat ("org.", formats[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;
      gsize len;

      g_assert_cmpint (RUN ("--db", db, "org", "export", "--format", formats[i], "-o", path), ==, 0);
      CLEAR ();
      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      g_assert_true (len > strlen (magic[i]));
      g_assert_true (memcmp (data, magic[i], strlen (magic[i])) == 0);
    }

  {
    g_autofree char *path = g_build_filename (dir, "sub.dot", NULL);
    g_autofree char *whole = g_build_filename (dir, "org.dot", NULL);
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;
    g_autoptr(JsonNode) list = NULL;
    const char *ciso = NULL;
    JsonArray *array;

    g_assert_cmpint (RUN ("--db", db, "org", "list", "--json"), ==, 0);
    list = json_from_string (out, NULL);
    array = json_node_get_array (list);
    /* the CISO is the 6th person of the demo; any non-root works */
    ciso = json_object_get_string_member (json_array_get_object_element (array, 5), "id");
    g_assert_nonnull (ciso);
    g_assert_cmpint (RUN ("--db", db, "org", "export", "--root", ciso, "-o", path), ==, 0);
    CLEAR ();
    g_assert_true (g_file_get_contents (path, &a, NULL, NULL));
    g_assert_true (g_file_get_contents (whole, &b, NULL, NULL));
    g_assert_cmpuint (strlen (a), <, strlen (b));
  }

  g_assert_cmpint (RUN ("--db", db, "org", "export", "--format", "gif", "-o", "x.gif"), ==, 2);
  CLEAR ();
  g_assert_cmpint (RUN ("--db", db, "org", "export", "--format", "svg"), ==, 2);
  CLEAR ();
  g_assert_cmpint (RUN ("--db", db, "org", "export", "--root", "NOPE", "-o", "x.svg"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  vigil_test_init (&argc, &argv);

  g_test_add_func ("/cli-org/import-list", test_cli_org_import_list);
  g_test_add_func ("/cli-org/export", test_cli_org_export);
  return g_test_run ();
}
