/* test-cli-incident.c — vigilctl incident add|update|list|show|move|escalate
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "vigil-test-util.h"

static char *db;
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
assert_err (const char *words)
{
  if (strstr (err, words) == NULL)
    g_error ("stderr “%s” does not mention “%s”", err, words);
}

static void
setup (void)
{
  g_free (db);
  db = vigil_test_db_path ();
  g_assert_cmpint (run ("init", NULL), ==, 0);
}

static void
test_add_show (void)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *o;
  const char *markup = "<b>&amp; <span foreground=\"red\">x</span> שלום 🔥";

  setup ();
  g_assert_cmpint (run ("incident", "add", "--title", markup, "--severity", "high",
                        "--impact", "1", "--urgency", "1", "--category", "intrusions",
                        "--tlp", "red", "--tier", "l2", "--detected-at", "2026-11-30T10:00:00Z",
                        NULL), ==, 0);
  g_assert_cmpstr (g_strstrip (out), ==, "INC-2026-0001");

  g_assert_cmpint (run ("incident", "show", "inc-2026-0001", "--json", NULL), ==, 0);
  node = parse (out);
  o = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (o, "ref"), ==, "INC-2026-0001");
  g_assert_cmpstr (json_object_get_string_member (o, "title"), ==, markup);
  g_assert_cmpstr (json_object_get_string_member (o, "stage"), ==, "classification");
  g_assert_cmpstr (json_object_get_string_member (o, "severity"), ==, "high");
  g_assert_cmpstr (json_object_get_string_member (o, "category"), ==, "intrusions");
  g_assert_cmpstr (json_object_get_string_member (o, "tlp"), ==, "red");
  g_assert_cmpstr (json_object_get_string_member (o, "tier"), ==, "l2");
  g_assert_true (json_object_has_member (o, "description"));
  g_assert_true (json_object_has_member (o, "assignee"));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (o, "history")), ==, 1);
  /* the creation, and the account-compromise playbook that pre-filled its actions */
  {
    JsonArray *timeline = json_object_get_array_member (o, "timeline");
    g_autoptr(GString) kinds = g_string_new (NULL);

    for (guint i = 0; i < json_array_get_length (timeline); i++)
      g_string_append_printf (kinds, "%s ",
                              json_object_get_string_member (json_array_get_object_element (timeline, i),
                                                             "kind"));
    g_assert_nonnull (strstr (kinds->str, "created "));
    g_assert_nonnull (strstr (kinds->str, "playbook "));
    g_assert_cmpuint (json_array_get_length (timeline), ==, 2);
  }

  /* bad values: exit 1 with a clear message; bad syntax: exit 2 */
  g_assert_cmpint (run ("incident", "add", "--title", "x", "--severity", "huge", NULL), ==, 1);
  assert_err ("critical");
  g_assert_cmpint (run ("incident", "add", "--title", "x", "--category", "spam", NULL), ==, 1);
  assert_err ("malicious-code");
  g_assert_cmpint (run ("incident", "add", "--severity", "low", NULL), ==, 2);
  g_assert_cmpint (run ("incident", "add", "--title", "x", "--impact", "x", NULL), ==, 2);
  g_assert_cmpint (run ("incident", "add", "--title", "x", "--impact", "7", NULL), ==, 2);
  g_assert_cmpint (run ("incident", "show", "INC-1999-0404", NULL), ==, 1);
  assert_err ("INC-1999-0404");
  g_assert_cmpint (run ("incident", "show", NULL), ==, 2);
  g_assert_cmpint (run ("incident", "list", "--json", NULL), ==, 0);
  {
    g_autoptr(JsonNode) list = parse (out);
    g_assert_cmpint (json_array_get_length (json_node_get_array (list)), ==, 1);
  }
}

static void
test_move (void)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *history;
  JsonObject *last;

  setup ();
  g_assert_cmpint (run ("incident", "add", "--title", "Worm", NULL), ==, 0);

  /* refused: the rule on stderr, nothing written */
  g_assert_cmpint (run ("incident", "move", "INC-2026-0001", "investigation", NULL), ==, 1);
  assert_err ("severity and a category");
  g_assert_cmpint (run ("incident", "move", "INC-2026-0001", "nowhere", NULL), ==, 1);
  assert_err ("investigation");
  g_assert_cmpint (run ("incident", "move", "INC-2026-9999", "investigation", NULL), ==, 1);
  assert_err ("INC-2026-9999");
  g_assert_cmpint (run ("incident", "move", "INC-2026-0001", NULL), ==, 2);

  g_assert_cmpint (run ("incident", "update", "INC-2026-0001", "--severity", "critical",
                        "--category", "malicious-code", NULL), ==, 0);
  g_assert_cmpint (run ("incident", "move", "INC-2026-0001", "containment",
                        "--at", "2026-11-30T09:15:00+01:00", NULL), ==, 0);
  g_assert_cmpint (run ("incident", "move", "INC-2026-0001", "closed", NULL), ==, 1);
  assert_err ("resolution");
  g_assert_cmpint (run ("incident", "move", "INC-2026-0001", "closed", "--resolution", "sure",
                        "--summary", "x", NULL), ==, 1);
  g_assert_cmpint (run ("incident", "move", "INC-2026-0001", "closed", "--resolution",
                        "true-positive", "--summary", "Isolated and reimaged.", NULL), ==, 0);
  g_assert_cmpint (run ("incident", "move", "INC-2026-0001", "investigation", NULL), ==, 1);
  assert_err ("reason");
  g_assert_cmpint (run ("incident", "move", "INC-2026-0001", "investigation", "--reason",
                        "Reinfected", NULL), ==, 0);

  g_assert_cmpint (run ("incident", "show", "INC-2026-0001", "--json", NULL), ==, 0);
  node = parse (out);
  history = json_object_get_array_member (json_node_get_object (node), "history");
  g_assert_cmpint (json_array_get_length (history), ==, 4);
  last = json_array_get_object_element (history, 1);
  g_assert_cmpstr (json_object_get_string_member (last, "from"), ==, "classification");
  g_assert_cmpstr (json_object_get_string_member (last, "to"), ==, "containment");
  g_assert_cmpstr (json_object_get_string_member (last, "at"), ==, "2026-11-30T08:15:00Z");
  g_assert_true (json_object_has_member (last, "actor"));
  last = json_array_get_object_element (history, 3);
  g_assert_cmpstr (json_object_get_string_member (last, "to"), ==, "investigation");
}

static void
test_escalate_list (void)
{
  setup ();
  g_assert_cmpint (run ("incident", "add", "--title", "Phishing wave", "--severity", "high",
                        "--category", "fraud", NULL), ==, 0);
  g_assert_cmpint (run ("incident", "add", "--title", "=HYPERLINK(\"x\")", NULL), ==, 0);
  g_assert_cmpint (run ("incident", "escalate", "INC-2026-0001", "l3", NULL), ==, 1);
  assert_err ("reason");
  g_assert_cmpint (run ("incident", "escalate", "INC-2026-0001", "l9", "--reason", "x", NULL), ==, 1);
  g_assert_cmpint (run ("incident", "escalate", "INC-2026-0001", "l3", "--reason", "Exec targeted",
                        NULL), ==, 0);
  g_assert_cmpint (run ("incident", "escalate", "INC-2026-0001", "l2", "--reason", "x", NULL), ==, 1);
  assert_err ("L3");

  g_assert_cmpint (run ("incident", "list", "--search", "phi", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "INC-2026-0001"));
  g_assert_null (strstr (out, "INC-2026-0002"));
  g_assert_cmpint (run ("incident", "list", "--search", "tier:l3 severity:high", "--json", NULL), ==, 0);
  {
    g_autoptr(JsonNode) node = parse (out);
    g_assert_cmpint (json_array_get_length (json_node_get_array (node)), ==, 1);
  }
  g_assert_cmpint (run ("incident", "list", "--stage", "closed", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpint (run ("incident", "list", "--stage", "open", NULL), ==, 1);
  g_assert_cmpint (run ("incident", "list", "--csv", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "ref,title,stage"));
  g_assert_nonnull (strstr (out, "\"'=HYPERLINK(\"\"x\"\")\""));
  g_assert_cmpint (run ("incident", "list", "--csv", "--json", NULL), ==, 2);
}

int
main (int argc, char **argv)
{
  int status;

  vigil_test_init (&argc, &argv);
  g_test_add_func ("/vigil/cli/incident/add-show", test_add_show);
  g_test_add_func ("/vigil/cli/incident/move", test_move);
  g_test_add_func ("/vigil/cli/incident/escalate-list", test_escalate_list);
  status = g_test_run ();
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_free (db);
  return status;
}
