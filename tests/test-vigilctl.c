/* test-vigilctl.c — vigilctl as a script would use it: exit codes, JSON, bad arguments
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "vigil-test-util.h"

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

#define RUN(...) vigil_test_run_vigilctl ((const char *[]) { __VA_ARGS__, NULL }, NULL, &out, &err)

static void
test_vigilctl_usage (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (RUN ("--help"), ==, 0);
  g_assert_nonnull (strstr (out, "stats"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (RUN ("frobnicate"), ==, 2);
  g_assert_nonnull (strstr (err, "unknown command"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (RUN ("--nope", "stats"), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (RUN ("stats", "--bogus"), ==, 2);
  g_assert_nonnull (strstr (err, "bogus"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (RUN ("demo", "--scale", "many"), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (RUN ("--version"), ==, 0);
  g_assert_true (g_str_has_prefix (out, "vigilctl "));
}

static void
test_vigilctl_init_stats (void)
{
  g_autofree char *path = vigil_test_db_path ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *obj, *incidents, *by_stage;

  /* a database that does not exist is not created by a listing */
  g_assert_cmpint (RUN ("--db", path, "stats"), ==, 1);
  g_assert_nonnull (strstr (err, "init"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (RUN ("--db", path, "init"), ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (RUN ("--db", path, "stats", "--json"), ==, 0);
  root = parse_json (out);
  obj = json_node_get_object (root);
  incidents = json_object_get_object_member (obj, "incidents");
  g_assert_nonnull (incidents);
  g_assert_cmpint (json_object_get_int_member (incidents, "total"), ==, 0);
  by_stage = json_object_get_object_member (incidents, "by_stage");
  g_assert_cmpuint (json_object_get_size (by_stage), ==, 5);
  for (guint i = 0; i < VIGIL_N_STAGES; i++)
    g_assert_true (json_object_has_member (by_stage, vigil_stage_key (i)));
  g_assert_true (json_object_has_member (obj, "alerts"));
  g_assert_true (json_object_has_member (obj, "people"));
  g_assert_true (json_object_has_member (obj, "teams"));
  g_assert_true (json_object_has_member (obj, "assets"));
  g_assert_true (json_object_has_member (obj, "documents"));
}

static void
test_vigilctl_demo (void)
{
  g_autofree char *path = vigil_test_db_path ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *obj, *incidents, *by_stage;
  gint64 sum = 0;

  g_assert_cmpint (RUN ("--db", path, "demo"), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (RUN ("--db", path, "stats", "--json"), ==, 0);
  root = parse_json (out);
  obj = json_node_get_object (root);
  incidents = json_object_get_object_member (obj, "incidents");
  by_stage = json_object_get_object_member (incidents, "by_stage");
  for (guint i = 0; i < VIGIL_N_STAGES; i++)
    {
      gint64 n = json_object_get_int_member (by_stage, vigil_stage_key (i));
      g_assert_cmpint (n, >, 0);
      sum += n;
    }
  g_assert_cmpint (json_object_get_int_member (incidents, "total"), ==, sum);
  g_assert_cmpint (sum, >=, 30);
  g_assert_cmpint (json_object_get_int_member (obj, "alerts"), >=, 200);
  g_assert_cmpint (json_object_get_int_member (obj, "people"), >=, 60);
  g_assert_cmpint (json_object_get_int_member (obj, "teams"), >=, 8);
  g_assert_cmpint (json_object_get_int_member (obj, "assets"), >=, 40);
  g_assert_cmpint (json_object_get_int_member (obj, "documents"), >=, 8);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* loading twice is refused, and changes nothing */
  g_assert_cmpint (RUN ("--db", path, "demo"), ==, 1);
  g_assert_nonnull (strstr (err, "vigilctl: demo:"));
}

static void
test_vigilctl_bad_database (void)
{
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *missing_dir = g_build_filename (dir, "nowhere", "x.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (text, "not a database\n", -1, NULL));
  g_assert_cmpint (RUN ("--db", text, "stats"), ==, 1);
  g_assert_nonnull (strstr (err, "not a Vigil database"));
  g_assert_true (g_file_get_contents (text, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "not a database\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (RUN ("--db", missing_dir, "init"), ==, 1);
  g_assert_nonnull (strstr (err, "does not exist"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (RUN ("--db", "", "stats"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  vigil_test_init (&argc, &argv);
  g_test_add_func ("/vigil/vigilctl/usage", test_vigilctl_usage);
  g_test_add_func ("/vigil/vigilctl/init-stats", test_vigilctl_init_stats);
  g_test_add_func ("/vigil/vigilctl/demo", test_vigilctl_demo);
  g_test_add_func ("/vigil/vigilctl/bad-database", test_vigilctl_bad_database);
  return g_test_run ();
}
