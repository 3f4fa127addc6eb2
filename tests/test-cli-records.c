/* test-cli-records.c — vigilctl incident task/countermeasure/contact/observable/note/
 * timeline, followups, detection and playbook commands: JSON keys, refusals, exit codes
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "vigil-store-private.h"
#include "vigil-test-util.h"

static char *db;
static char *ref;     /* an open demo incident */
static char *email;   /* a demo person */

#define RUN(...) run ((const char *[]) { "--db", db, __VA_ARGS__, NULL })

static char *out;
static char *err;

static int
run (const char **argv)
{
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  return vigil_test_run_vigilctl (argv, NULL, &out, &err);
}

static JsonArray *
parse_array (JsonNode **holder)
{
  g_autoptr(GError) error = NULL;

  *holder = json_from_string (out, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (*holder));
  return json_node_get_array (*holder);
}

static char *
sql_text (const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_store_open (db, VIGIL_STORE_OPEN_DEFAULT, &error);
  sqlite3_stmt *stmt;
  char *text = NULL;

  g_assert_no_error (error);
  stmt = vigil_store_prepare (store, sql, &error);
  g_assert_no_error (error);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = vigil_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  g_assert_nonnull (text);
  return text;
}

static gint64
timeline_rows (void)
{
  g_autofree char *n = sql_text ("SELECT count(*) FROM timeline");
  return g_ascii_strtoll (n, NULL, 10);
}

static void
setup_db (void)
{
  db = vigil_test_db_path ();
  g_assert_cmpint (RUN ("demo"), ==, 0);
  ref = sql_text ("SELECT ref FROM incidents WHERE stage = 'investigation' ORDER BY id LIMIT 1");
  email = sql_text ("SELECT email FROM people WHERE email IS NOT NULL ORDER BY id LIMIT 1");
  g_assert_true (g_str_has_prefix (ref, "INC-"));
}

static void
test_tasks (void)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *id = NULL;
  JsonArray *array;
  gint64 before;

  g_assert_cmpint (RUN ("incident", "task", "add", ref, "--title", "Collect <proxy> logs",
                        "--team", "IT Operations", "--owner", email, "--due",
                        "2026-12-24T10:00:00Z"), ==, 0);
  id = g_strstrip (g_strdup (out));
  g_assert_cmpint (RUN ("incident", "task", "set", ref, id, "--status", "in-progress"), ==, 0);
  g_assert_cmpint (RUN ("incident", "task", "list", ref, "--json"), ==, 0);
  array = parse_array (&node);
  {
    gboolean found = FALSE;
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *o = json_array_get_object_element (array, i);
        if (g_str_equal (json_object_get_string_member (o, "title"), "Collect <proxy> logs"))
          {
            found = TRUE;
            g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "in-progress");
            g_assert_cmpstr (json_object_get_string_member (o, "team"), ==, "IT Operations");
            g_assert_cmpstr (json_object_get_string_member (o, "due"), ==, "2026-12-24T10:00:00Z");
          }
      }
    g_assert_true (found);
  }

  /* refusals: reason on stderr, exit 1, nothing written */
  before = timeline_rows ();
  g_assert_cmpint (RUN ("incident", "task", "add", ref, "--title", "x", "--owner",
                        "nobody@nowhere.example"), ==, 1);
  g_assert_nonnull (strstr (err, "nobody@nowhere.example"));
  g_assert_cmpint (RUN ("incident", "task", "add", ref, "--title", "x", "--due", "31/12/2026"),
                   ==, 1);
  g_assert_cmpint (RUN ("incident", "task", "add", "INC-1999-0001", "--title", "x"), ==, 1);
  g_assert_nonnull (strstr (err, "INC-1999-0001"));
  g_assert_cmpint (RUN ("incident", "task", "set", ref, id, "--status", "finished"), ==, 1);
  g_assert_nonnull (strstr (err, "finished"));
  g_assert_cmpint (RUN ("incident", "task", "set", ref, "999999", "--status", "done"), ==, 1);
  g_assert_cmpint (timeline_rows (), ==, before);
  /* usage errors */
  g_assert_cmpint (RUN ("incident", "task", "add", ref), ==, 2);
  g_assert_cmpint (RUN ("incident", "task", "set", ref, "abc", "--status", "done"), ==, 2);
}

static void
test_countermeasures (void)
{
  g_autofree char *id = NULL;

  g_assert_cmpint (RUN ("incident", "countermeasure", "add", ref, "--title", "Block 203.0.113.9",
                        "--type", "block", "--where", "Perimeter firewall", "--by",
                        "Network team"), ==, 0);
  id = g_strstrip (g_strdup (out));
  g_assert_cmpint (RUN ("incident", "countermeasure", "set", ref, id, "--status", "removed"),
                   ==, 1);
  g_assert_nonnull (strstr (err, "pending"));
  g_assert_cmpint (RUN ("incident", "countermeasure", "set", ref, id, "--status", "active"), ==, 0);
  g_assert_cmpint (RUN ("incident", "countermeasure", "set", ref, id, "--status", "removed"), ==, 0);
  g_assert_cmpint (RUN ("incident", "countermeasure", "add", ref, "--title", "x", "--type",
                        "laser"), ==, 1);
}

static void
test_contacts_followups (void)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;
  gint64 before;

  g_assert_cmpint (RUN ("incident", "contact", "add", ref, "--with", email, "--channel", "phone",
                        "--summary", "Asked for the VPN logs", "--at", "2026-01-02T09:00:00Z",
                        "--follow-up", "2026-01-03T09:00:00Z"), ==, 0);
  g_assert_cmpint (RUN ("incident", "contact", "add", ref, "--with", "Finance", "--channel",
                        "email", "--summary", "Heads-up", "--follow-up", "2099-01-01"), ==, 0);
  g_assert_cmpint (RUN ("followups", "--json"), ==, 0);
  array = parse_array (&node);
  g_assert_cmpuint (json_array_get_length (array), >=, 2);
  {
    JsonObject *first = json_array_get_object_element (array, 0);
    g_assert_true (json_object_has_member (first, "incident"));
    g_assert_true (json_object_has_member (first, "with"));
    g_assert_true (json_object_has_member (first, "due"));
    g_assert_true (json_object_get_boolean_member (first, "overdue"));
  }
  g_clear_pointer (&node, json_node_unref);
  g_assert_cmpint (RUN ("followups", "--overdue", "--json"), ==, 0);
  array = parse_array (&node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (array, i),
                                                   "overdue"));

  before = timeline_rows ();
  g_assert_cmpint (RUN ("incident", "contact", "add", ref, "--with", "ghost@nowhere.example",
                        "--channel", "phone", "--summary", "x"), ==, 1);
  g_assert_cmpint (RUN ("incident", "contact", "add", ref, "--with", "No Such Team",
                        "--channel", "phone", "--summary", "x"), ==, 1);
  g_assert_cmpint (RUN ("incident", "contact", "add", ref, "--with", email, "--channel", "fax",
                        "--summary", "x"), ==, 1);
  g_assert_cmpint (RUN ("incident", "contact", "add", ref, "--with", email, "--channel", "phone",
                        "--summary", "x", "--follow-up", "soon"), ==, 1);
  g_assert_cmpint (timeline_rows (), ==, before);
}

static void
test_observables (void)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;
  gint64 before = timeline_rows ();

  g_assert_cmpint (RUN ("incident", "observable", "add", ref, "--type", "ip", "--value",
                        "999.1.1.1"), ==, 1);
  g_assert_nonnull (strstr (err, "999.1.1.1"));
  g_assert_cmpint (RUN ("incident", "observable", "add", ref, "--type", "sha256", "--value",
                        "abcdef"), ==, 1);
  g_assert_nonnull (strstr (err, "64"));
  g_assert_cmpint (RUN ("incident", "observable", "add", ref, "--type", "colour", "--value",
                        "red"), ==, 1);
  g_assert_cmpint (timeline_rows (), ==, before);

  g_assert_cmpint (RUN ("incident", "observable", "add", ref, "--type", "domain", "--value",
                        "Evil[.]Example", "--ioc"), ==, 0);
  g_assert_cmpint (RUN ("incident", "observable", "list", ref, "--json"), ==, 0);
  array = parse_array (&node);
  {
    gboolean found = FALSE;
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *o = json_array_get_object_element (array, i);
        if (g_str_equal (json_object_get_string_member (o, "value"), "evil.example"))
          found = json_object_get_boolean_member (o, "ioc");
        g_assert_true (json_object_has_member (o, "shared"));
      }
    g_assert_true (found);
  }
}

static void
test_notes_timeline (void)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;
  gboolean found = FALSE;

  g_assert_cmpint (RUN ("incident", "note", ref, "Vendor confirmed: <script>alert(1)</script> 中文",
                        "--at", "2026-01-01T08:00:00+01:00"), ==, 0);
  g_assert_cmpint (RUN ("incident", "note", ref, "x", "--at", "not a date"), ==, 1);
  g_assert_cmpint (RUN ("incident", "note", ref), ==, 2);
  g_assert_cmpint (RUN ("incident", "timeline", ref, "--json"), ==, 0);
  array = parse_array (&node);
  g_assert_cmpuint (json_array_get_length (array), >, 3);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      g_assert_true (json_object_has_member (o, "at"));
      g_assert_true (json_object_has_member (o, "actor"));
      g_assert_true (json_object_has_member (o, "kind"));
      g_assert_true (json_object_has_member (o, "summary"));
      if (g_str_equal (json_object_get_string_member (o, "kind"), "note") &&
          strstr (json_object_get_string_member (o, "summary"), "<script>") != NULL)
        {
          found = TRUE;
          g_assert_cmpstr (json_object_get_string_member (o, "at"), ==, "2026-01-01T07:00:00Z");
        }
    }
  g_assert_true (found);
  g_clear_pointer (&node, json_node_unref);
  g_assert_cmpint (RUN ("incident", "timeline", ref, "--json", "--kind", "note"), ==, 0);
  array = parse_array (&node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, i),
                                                    "kind"), ==, "note");
  g_assert_cmpint (RUN ("incident", "timeline", ref, "--csv"), ==, 0);
  g_assert_true (g_str_has_prefix (out, "at,recorded_at,actor,kind,summary"));
}

static void
test_detection (void)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *id = NULL;
  JsonArray *array;

  g_assert_cmpint (RUN ("detection", "request", ref, "--team", "Security Engineering", "--what",
                        "Beaconing to evil.example", "--where", "Proxy logs", "--why",
                        "C2 of this incident"), ==, 0);
  id = g_strstrip (g_strdup (out));
  g_assert_cmpint (RUN ("detection", "set", id, "--status", "deployed"), ==, 1);
  g_assert_cmpint (RUN ("detection", "set", id, "--status", "accepted"), ==, 0);
  g_assert_cmpint (RUN ("detection", "request", "--team", "Nobody", "--what", "x"), ==, 1);
  g_assert_cmpint (RUN ("detection", "list", "--json"), ==, 0);
  array = parse_array (&node);
  g_assert_cmpuint (json_array_get_length (array), >=, 1);
  {
    gboolean found = FALSE;
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *o = json_array_get_object_element (array, i);
        if (g_str_equal (json_object_get_string_member (o, "what"), "Beaconing to evil.example"))
          {
            found = TRUE;
            g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "accepted");
            g_assert_cmpstr (json_object_get_string_member (o, "incident"), ==, ref);
            g_assert_cmpstr (json_object_get_string_member (o, "team"), ==,
                             "Security Engineering");
          }
      }
    g_assert_true (found);
  }
}

static void
test_playbooks (void)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;

  g_assert_cmpint (RUN ("playbook", "list", "--json"), ==, 0);
  array = parse_array (&node);
  g_assert_cmpuint (json_array_get_length (array), ==, 6);
  g_assert_cmpint (RUN ("playbook", "apply", ref, "Ransomware"), ==, 0);
  g_assert_cmpint (RUN ("playbook", "apply", ref, "Ransomware"), ==, 1);
  g_assert_cmpint (RUN ("playbook", "apply", ref, "Nonexistent"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  int status;

  vigil_test_init (&argc, &argv);
  setup_db ();
  g_test_add_func ("/vigil/cli/records/tasks", test_tasks);
  g_test_add_func ("/vigil/cli/records/countermeasures", test_countermeasures);
  g_test_add_func ("/vigil/cli/records/contacts", test_contacts_followups);
  g_test_add_func ("/vigil/cli/records/observables", test_observables);
  g_test_add_func ("/vigil/cli/records/timeline", test_notes_timeline);
  g_test_add_func ("/vigil/cli/records/detection", test_detection);
  g_test_add_func ("/vigil/cli/records/playbooks", test_playbooks);
  status = g_test_run ();
  g_free (out);
  g_free (err);
  return status;
}
