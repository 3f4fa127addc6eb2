/* test-cli-asset.c — vigilctl asset import|add|link|list|show and doc add|list|search|link
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "vigil-test-util.h"

static char *db;
static char *dir;
static char *out, *err;

static int
run (const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list ap;

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, db);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  return vigil_test_run_vigilctl ((const char * const *) argv->pdata, NULL, &out, &err);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);
  g_assert_no_error (error);
  return node;
}

static void
assert_contains (const char *text,
                 const char *words)
{
  if (strstr (text, words) == NULL)
    g_error ("“%s” does not mention “%s”", text, words);
}

static char *
write_file (const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
setup (void)
{
  g_free (db);
  g_free (dir);
  db = vigil_test_db_path ();
  dir = vigil_test_tmpdir ();
  g_assert_cmpint (run ("demo", NULL), ==, 0);
}

static void
test_import_show (void)
{
  g_autofree char *csv = write_file ("inventory.csv",
    "name,kind,addresses,owner_team,contact,business_owner,criticality\n"
    "zq-app,server,10.20.0.1,,,,high\n"
    "zq-db,database,10.20.0.2 10.20.0.3,,,,critical\n"
    "zq-lb,appliance,,,Nobody Known,,medium\n");
  g_autofree char *bad = write_file ("bad.csv", "name,kind\nok,server\n\"open,server\nx,y\n");
  g_autofree char *wrong = write_file ("wrong.csv", "name,kind\nok,server\nok2,server,extra\n");
  g_autoptr(JsonNode) node = NULL;
  JsonObject *o;

  g_assert_cmpint (run ("asset", "import", csv, NULL), ==, 0);
  assert_contains (out, "3 assets created");
  assert_contains (err, "Nobody Known");

  /* malformed: a line number, nothing imported, exit 1 */
  g_assert_cmpint (run ("asset", "import", bad, NULL), ==, 1);
  assert_contains (err, "line 3");
  g_assert_cmpint (run ("asset", "import", wrong, NULL), ==, 1);
  assert_contains (err, "line 3");
  g_assert_cmpint (run ("asset", "show", "ok", NULL), ==, 1);
  g_assert_cmpint (run ("asset", "import", wrong, "--skip-invalid", NULL), ==, 0);
  g_assert_cmpint (run ("asset", "show", "ok", NULL), ==, 0);
  g_assert_cmpint (run ("asset", "import", csv, "--map", "nope=name", NULL), ==, 1);
  g_assert_cmpint (run ("asset", "import", NULL), ==, 2);

  g_assert_cmpint (run ("asset", "link", "zq-app", "--depends-on", "zq-db", NULL), ==, 0);
  g_assert_cmpint (run ("asset", "link", "zq-app", "--hosted-on", "zq-lb", NULL), ==, 0);
  g_assert_cmpint (run ("asset", "link", "zq-app", "--depends-on", "missing", NULL), ==, 1);
  g_assert_cmpint (run ("asset", "link", "zq-app", NULL), ==, 2);

  g_assert_cmpint (run ("asset", "show", "zq-app", "--json", NULL), ==, 0);
  node = parse (out);
  o = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "zq-app");
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "server");
  g_assert_cmpstr (json_object_get_string_member (o, "criticality"), ==, "high");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (o, "addresses")), ==, 1);
  g_assert_true (json_object_has_member (o, "owner_team"));
  g_assert_true (json_object_get_null_member (o, "contact"));
  g_assert_true (json_object_get_null_member (o, "business_owner"));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (o, "depends_on"), 0),
                   ==, "zq-db");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (o, "documents")), ==, 0);

  g_assert_cmpint (run ("asset", "list", "--search", "zq", "--json", NULL), ==, 0);
  g_clear_pointer (&node, json_node_unref);
  node = parse (out);
  g_assert_cmpint (json_array_get_length (json_node_get_array (node)), ==, 3);
  g_assert_cmpint (run ("asset", "show", "no-such-asset", NULL), ==, 1);
}

static void
test_add_with_contacts (void)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *o, *contact;
  g_autofree char *email = NULL;

  /* a person of the demo organisation */
  g_assert_cmpint (run ("asset", "add", "probe", NULL), ==, 0);
  g_assert_cmpint (run ("asset", "add", "probe", NULL), ==, 1);
  g_assert_cmpint (run ("asset", "add", "x", "--criticality", "severe", NULL), ==, 1);
  g_assert_cmpint (run ("asset", "show", "probe", "--json", NULL), ==, 0);
  g_assert_cmpint (run ("asset", "list", "--json", NULL), ==, 0);
  node = parse (out);
  /* the demo assets have contacts: find one with a contact and check its shape */
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonObject *a = json_array_get_object_element (json_node_get_array (node), i);
      g_autoptr(JsonNode) shown = NULL;

      g_assert_cmpint (run ("asset", "show", json_object_get_string_member (a, "name"), "--json", NULL), ==, 0);
      shown = parse (out);
      o = json_node_get_object (shown);
      if (json_object_get_null_member (o, "contact"))
        continue;
      contact = json_object_get_object_member (o, "contact");
      g_assert_true (json_object_has_member (contact, "name"));
      g_assert_true (json_object_has_member (contact, "email"));
      g_assert_true (json_object_has_member (contact, "phone"));
      email = g_strdup (json_object_get_string_member (contact, "email"));
      break;
    }
  g_assert_nonnull (email);
  g_assert_cmpint (run ("asset", "edit", "probe", "--contact", email, "--address", "192.0.2.55", NULL), ==, 0);
  g_assert_cmpint (run ("asset", "show", "192.0.2.55", "--json", NULL), ==, 0);
  g_clear_pointer (&node, json_node_unref);
  node = parse (out);
  contact = json_object_get_object_member (json_node_get_object (node), "contact");
  g_assert_cmpstr (json_object_get_string_member (contact, "email"), ==, email);
  g_assert_cmpint (run ("asset", "edit", "probe", "--contact", "Nobody At All", NULL), ==, 1);
}

static void
test_docs (void)
{
  g_autofree char *md = write_file ("plan.md", "# Plan\n\nThe **sentinel** word.\n");
  g_autofree char *copy = write_file ("copy.md", "# Plan\n\nThe **sentinel** word.\n");
  g_autofree char *hostile = write_file ("x<b>y<b>.txt", "hostile name body zebracorn\n");
  g_autoptr(JsonNode) node = NULL;
  JsonArray *docs;
  JsonObject *o;
  guint before;

  g_assert_cmpint (run ("doc", "list", "--json", NULL), ==, 0);
  node = parse (out);
  before = json_array_get_length (json_node_get_array (node));

  g_assert_cmpint (run ("asset", "add", "jump-host", NULL), ==, 0);
  g_assert_cmpint (run ("doc", "add", md, "--title", "Jump host plan", "--kind", "runbook",
                        "--version", "3", "--tlp", "green", "--asset", "jump-host", NULL), ==, 0);
  assert_contains (out, "Added");
  g_assert_cmpint (run ("doc", "add", copy, "--asset", "jump-host", NULL), ==, 0);
  assert_contains (out, "already archived");
  g_assert_cmpint (run ("doc", "add", hostile, NULL), ==, 0);
  g_assert_cmpint (run ("doc", "add", md, "--kind", "novel", NULL), ==, 1);
  g_assert_cmpint (run ("doc", "add", md, "--asset", "missing-asset", NULL), ==, 1);

  g_assert_cmpint (run ("doc", "list", "--json", NULL), ==, 0);
  g_clear_pointer (&node, json_node_unref);
  node = parse (out);
  docs = json_node_get_array (node);
  g_assert_cmpint (json_array_get_length (docs), ==, before + 2);

  g_assert_cmpint (run ("doc", "search", "sentinel", "--json", NULL), ==, 0);
  g_clear_pointer (&node, json_node_unref);
  node = parse (out);
  g_assert_cmpint (json_array_get_length (json_node_get_array (node)), ==, 1);
  o = json_array_get_object_element (json_node_get_array (node), 0);
  g_assert_cmpstr (json_object_get_string_member (o, "title"), ==, "Jump host plan");
  assert_contains (json_object_get_string_member (o, "snippet"), "[sentinel]");

  g_assert_cmpint (run ("doc", "search", "zebracorn", NULL), ==, 0);
  assert_contains (out, "x<b>y<b>");

  g_assert_cmpint (run ("asset", "show", "jump-host", "--json", NULL), ==, 0);
  g_clear_pointer (&node, json_node_unref);
  node = parse (out);
  docs = json_object_get_array_member (json_node_get_object (node), "documents");
  g_assert_cmpint (json_array_get_length (docs), ==, 1);

  /* a PDF sample is searchable by a word of its body */
  if (vigil_test_samples_dir () != NULL)
    {
      g_autofree char *pdf = g_build_filename (vigil_test_samples_dir (), "pdf",
                                               "counteractive-incident-response-plan-example.pdf", NULL);
      if (g_file_test (pdf, G_FILE_TEST_EXISTS))
        {
          g_assert_cmpint (run ("doc", "add", pdf, "--kind", "procedure", NULL), ==, 0);
          g_assert_cmpint (run ("doc", "search", "eradicate", NULL), ==, 0);
          assert_contains (out, "counteractive");
        }
    }
}

int
main (int    argc,
      char **argv)
{
  vigil_test_init (&argc, &argv);
  g_test_add_vtable ("/cli-asset/import-show", 0, NULL, (GTestFixtureFunc) setup,
                     (GTestFixtureFunc) test_import_show, NULL);
  g_test_add_vtable ("/cli-asset/add-contacts", 0, NULL, (GTestFixtureFunc) setup,
                     (GTestFixtureFunc) test_add_with_contacts, NULL);
  g_test_add_vtable ("/cli-asset/docs", 0, NULL, (GTestFixtureFunc) setup,
                     (GTestFixtureFunc) test_docs, NULL);
  return g_test_run ();
}
