/* test-cli-alert.c — vigilctl alert: import (file, pipe, --follow), list, triage
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "vigil-store-alerts.h"
#include "vigil-test-util.h"

static char *
eve (int         sid,
     const char *src)
{
  return g_strdup_printf ("{\"timestamp\":\"2026-11-30T10:00:00.5+0100\",\"flow_id\":"
                          "18446744073709551615,\"event_type\":\"alert\",\"src_ip\":\"%s\","
                          "\"dest_ip\":\"10.9.9.9\",\"alert\":{\"signature_id\":%d,"
                          "\"signature\":\"CLI signature %d\",\"severity\":1}}\n",
                          src, sid, sid);
}

static char *
new_db (void)
{
  char *db = vigil_test_db_path ();
  g_autofree char *out = NULL;
  int status = vigil_test_run_vigilctl ((const char *[]) { "--db", db, "init", NULL }, NULL,
                                        &out, NULL);
  g_assert_cmpint (status, ==, 0);
  return db;
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static gint64
member_int (JsonNode   *node,
            const char *name)
{
  return json_object_get_int_member (json_node_get_object (node), name);
}

static void
test_import_json (void)
{
  g_autofree char *db = new_db ();
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "eve.json", NULL);
  g_autofree char *l1 = eve (1, "10.0.0.1");
  g_autofree char *l2 = eve (2, "10.0.0.1");
  g_autofree char *text = g_strconcat (l1, l2, l1, "{\"event_type\":\"dns\"}\n", "not json\n",
                                       "{\"event_type\":\"alert\"", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *errors;
  int status;

  g_file_set_contents (path, text, -1, NULL);
  status = vigil_test_run_vigilctl ((const char *[]) { "--db", db, "alert", "import",
                                                       "--format", "suricata", "--json", path,
                                                       NULL }, NULL, &out, &err);
  g_assert_cmpint (status, ==, 0);
  node = parse (out);
  g_assert_cmpint (member_int (node, "read"), ==, 6);
  g_assert_cmpint (member_int (node, "imported"), ==, 2);
  g_assert_cmpint (member_int (node, "duplicates"), ==, 1);
  g_assert_cmpint (member_int (node, "skipped"), ==, 1);
  g_assert_cmpint (member_int (node, "malformed"), ==, 2);
  errors = json_object_get_array_member (json_node_get_object (node), "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (errors, 0), "line"),
                   ==, 5);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (errors, 1), "line"),
                   ==, 6);
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&out, g_free);

  /* again: nothing twice */
  status = vigil_test_run_vigilctl ((const char *[]) { "--db", db, "alert", "import", "-f",
                                                       "suricata", "--json", path, NULL },
                                    NULL, &out, NULL);
  g_assert_cmpint (status, ==, 0);
  node = parse (out);
  g_assert_cmpint (member_int (node, "imported"), ==, 0);
  g_assert_cmpint (member_int (node, "malformed"), ==, 0);
  g_clear_pointer (&out, g_free);

  /* the human summary, and bad command lines */
  g_clear_pointer (&err, g_free);
  status = vigil_test_run_vigilctl ((const char *[]) { "--db", db, "alert", "import", "-f",
                                                       "snort", path, NULL }, NULL, &out, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "snort"));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  status = vigil_test_run_vigilctl ((const char *[]) { "--db", db, "alert", "import", path,
                                                       NULL }, NULL, &out, &err);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  status = vigil_test_run_vigilctl ((const char *[]) { "--db", db, "alert", "import", "-f",
                                                       "suricata", "/nonexistent/eve.json",
                                                       NULL }, NULL, &out, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "/nonexistent/eve.json"));
}

static void
test_pipe_and_triage (void)
{
  g_autofree char *db = new_db ();
  g_autofree char *l1 = eve (10, "10.0.0.1");
  g_autofree char *l2 = eve (11, "10.0.0.2");
  g_autofree char *l3 = eve (12, "10.0.0.3");
  g_autofree char *l4 = eve (13, "10.0.0.4");
  g_autofree char *input = g_strconcat (l1, l2, l3, l4, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *ref = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *list;
  gint64 ids[4];
  char id_text[4][24];
  int status;

  status = vigil_test_run_vigilctl ((const char *[]) { "--db", db, "alert", "import", "-f",
                                                       "suricata", "-", NULL }, input, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "4 new alerts"));
  g_clear_pointer (&out, g_free);

  status = vigil_test_run_vigilctl ((const char *[]) { "--db", db, "alert", "list", "--json",
                                                       NULL }, NULL, &out, NULL);
  g_assert_cmpint (status, ==, 0);
  node = parse (out);
  list = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (list), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *o = json_array_get_object_element (list, i);
      ids[i] = json_object_get_int_member (o, "id");
      g_snprintf (id_text[i], sizeof id_text[i], "%" G_GINT64_FORMAT, ids[i]);
      g_assert_cmpstr (json_object_get_string_member (o, "severity"), ==, "high");
      g_assert_cmpstr (json_object_get_string_member (o, "source_ref"), ==,
                       "18446744073709551615");
      g_assert_cmpstr (json_object_get_string_member (o, "last_seen"), ==,
                       "2026-11-30T09:00:00Z");
    }
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&out, g_free);

  /* promote two */
  status = vigil_test_run_vigilctl ((const char *[]) { "--db", db, "alert", "promote",
                                                       id_text[0], id_text[1], "--title",
                                                       "Scan <wave> & more", NULL },
                                    NULL, &out, &err);
  g_assert_cmpint (status, ==, 0);
  ref = g_strdup (strstr (out, "INC-"));
  g_assert_nonnull (ref);
  g_strchomp (ref);
  g_clear_pointer (&out, g_free);

  /* promoting one again fails and changes nothing */
  g_clear_pointer (&err, g_free);
  status = vigil_test_run_vigilctl ((const char *[]) { "--db", db, "alert", "promote",
                                                       id_text[2], id_text[0], NULL },
                                    NULL, &out, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, ref));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* merge the third into it */
  status = vigil_test_run_vigilctl ((const char *[]) { "--db", db, "alert", "merge", id_text[2],
                                                       "--into", ref, NULL }, NULL, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* dismiss the fourth: a reason is needed */
  status = vigil_test_run_vigilctl ((const char *[]) { "--db", db, "alert", "dismiss",
                                                       id_text[3], NULL }, NULL, &out, &err);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  status = vigil_test_run_vigilctl ((const char *[]) { "--db", db, "alert", "dismiss",
                                                       id_text[3], "--reason", "maybe", NULL },
                                    NULL, &out, &err);
  g_assert_cmpint (status, ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  status = vigil_test_run_vigilctl ((const char *[]) { "--db", db, "alert", "dismiss",
                                                       id_text[3], "--reason", "benign", NULL },
                                    NULL, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);

  /* no open alert is left; all four are listed with --status all */
  status = vigil_test_run_vigilctl ((const char *[]) { "--db", db, "alert", "list", "--json",
                                                       NULL }, NULL, &out, NULL);
  node = parse (out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 0);
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&out, g_free);
  status = vigil_test_run_vigilctl ((const char *[]) { "--db", db, "alert", "list", "--status",
                                                       "all", "--json", NULL }, NULL, &out, NULL);
  node = parse (out);
  list = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (list), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *o = json_array_get_object_element (list, i);
      const char *st = json_object_get_string_member (o, "status");
      if (json_object_get_int_member (o, "id") == ids[3])
        {
          g_assert_cmpstr (st, ==, "dismissed");
          g_assert_cmpstr (json_object_get_string_member (o, "dismiss_reason"), ==, "benign");
        }
      else
        g_assert_cmpstr (json_object_get_string_member (o, "incident_ref"), ==, ref);
    }
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&out, g_free);

  /* show: raw event and observables */
  status = vigil_test_run_vigilctl ((const char *[]) { "--db", db, "alert", "show", id_text[0],
                                                       NULL }, NULL, &out, NULL);
  g_assert_cmpint (status, ==, 0);
  node = parse (out);
  g_assert_nonnull (strstr (json_object_get_string_member (json_node_get_object (node), "raw"),
                            "18446744073709551615"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (node), "observables")), ==, 2);
}

static gint64
total_events (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_store_open (db, VIGIL_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GArray) ids = NULL;
  VigilAlertFilter filter = { .status = "all" };
  gint64 total = 0;

  g_assert_no_error (error);
  vigil_store_set_busy_timeout (store, 5000);
  ids = vigil_store_list_alert_ids (store, &filter, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(VigilAlert) alert = vigil_store_get_alert (store, g_array_index (ids, gint64, i),
                                                           NULL);
      if (alert)
        total += vigil_alert_get_count (alert);
    }
  return total;
}

static void
wait_for_total (const char *db,
                gint64      expected)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (total_events (db) != expected)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (50000);
    }
}

static void
append (const char *path,
        const char *text)
{
  FILE *f = fopen (path, "a");
  g_assert_nonnull (f);
  fputs (text, f);
  fclose (f);
}

static GSubprocess *
spawn (const char * const *args,
       GError            **error)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) g_getenv ("VIGILCTL"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  return g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            error);
}

static void
test_follow (void)
{
  g_autofree char *db = new_db ();
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "eve.json", NULL);
  g_autofree char *rotated = g_build_filename (dir, "eve.json.1", NULL);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *a = eve (20, "10.0.0.1");
  g_autofree char *b = eve (21, "10.0.0.1");
  g_autofree char *c = eve (22, "10.0.0.1");

  g_file_set_contents (path, a, -1, NULL);
  proc = spawn ((const char *[]) { "--db", db, "alert", "import", "-f", "suricata", "--follow",
                                   "--json", path, NULL }, &error);
  g_assert_no_error (error);
  wait_for_total (db, 1);

  /* the file grows, a line arriving in two writes */
  append (path, b);
  append (path, "{\"timestamp\":\"2026-11-30T10:00:00Z\",\"event_type\":\"alert\",");
  wait_for_total (db, 2);
  g_usleep (300000);
  append (path, "\"src_ip\":\"10.0.0.1\",\"dest_ip\":\"10.9.9.9\",\"alert\":{\"signature_id\":20,"
                "\"signature\":\"CLI signature 20\",\"severity\":1}}\n");
  wait_for_total (db, 3);

  /* rotation: the file is moved away and a new one starts */
  g_assert_cmpint (g_rename (path, rotated), ==, 0);
  g_file_set_contents (path, c, -1, NULL);
  wait_for_total (db, 4);
  append (path, c);
  wait_for_total (db, 5);

  /* interrupted: it commits and exits cleanly with its summary */
  g_subprocess_send_signal (proc, SIGINT);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  node = parse (out);
  g_assert_cmpint (member_int (node, "read"), ==, 5);
  g_assert_cmpint (member_int (node, "imported"), ==, 3);
  g_assert_cmpint (member_int (node, "malformed"), ==, 0);
  g_assert_cmpint (total_events (db), ==, 5);
}

static void
test_killed_import (void)
{
  g_autofree char *db = new_db ();
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const guint n = 200000;
  gint64 partial;
  int status;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *src = g_strdup_printf ("10.0.%u.%u", (i / 256) % 4, i % 256);
      g_autofree char *line = eve ((int) (i % 50), src);
      g_string_append (text, line);
    }
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  proc = spawn ((const char *[]) { "--db", db, "alert", "import", "-f", "suricata", "--batch",
                                   "1000", path, NULL }, &error);
  g_assert_no_error (error);
  {
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
    while (total_events (db) == 0 && g_get_monotonic_time () < deadline)
      g_usleep (5000);
  }
  g_subprocess_force_exit (proc);  /* SIGKILL: no chance to clean up */
  g_subprocess_wait (proc, NULL, NULL);

  /* whole batches only */
  partial = total_events (db);
  g_test_message ("killed after %" G_GINT64_FORMAT " events", partial);
  g_assert_cmpint (partial % 1000, ==, 0);

  /* the rerun finishes the job without counting anything twice */
  status = vigil_test_run_vigilctl ((const char *[]) { "--db", db, "alert", "import", "-f",
                                                       "suricata", path, NULL }, NULL, &out, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpint (total_events (db), ==, n);
}

int
main (int    argc,
      char **argv)
{
  vigil_test_init (&argc, &argv);

  g_test_add_func ("/cli-alert/import-json", test_import_json);
  g_test_add_func ("/cli-alert/pipe-and-triage", test_pipe_and_triage);
  g_test_add_func ("/cli-alert/follow-grows-and-rotates", test_follow);
  g_test_add_func ("/cli-alert/killed-import", test_killed_import);

  return g_test_run ();
}
