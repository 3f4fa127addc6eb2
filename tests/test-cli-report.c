/* test-cli-report.c — vigilctl metrics and report, as a script would use them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "vigil-test-util.h"

#define RUN(...) vigil_test_run_vigilctl ((const char *[]) { __VA_ARGS__, NULL }, NULL, &out, &err)
#define CLEAR() G_STMT_START { g_clear_pointer (&out, g_free); g_clear_pointer (&err, g_free); } G_STMT_END

static char *db;

/* Incidents made as an analyst would, with back-filled times. */
static char *
add_incident (const char *occurred,
              const char *detected,
              const char *acknowledged,  /* → investigation */
              const char *contained,     /* → resolution (via containment) */
              const char *closed)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  char *ref;

  g_assert_cmpint (RUN ("--db", db, "incident", "add", "--title", "Phishing <wave> & co",
                        "--severity", "high", "--category", "fraud", "--impact", "2",
                        "--urgency", "2", "--occurred-at", occurred, "--detected-at", detected),
                   ==, 0);
  ref = g_strdup (g_strstrip (out));
  CLEAR ();
  if (acknowledged)
    {
      g_assert_cmpint (RUN ("--db", db, "incident", "move", ref, "investigation", "--at",
                            acknowledged), ==, 0);
      CLEAR ();
    }
  if (contained)
    {
      g_assert_cmpint (RUN ("--db", db, "incident", "move", ref, "containment", "--at",
                            contained), ==, 0);
      CLEAR ();
      g_assert_cmpint (RUN ("--db", db, "incident", "move", ref, "resolution", "--at",
                            contained), ==, 0);
      CLEAR ();
    }
  if (closed)
    {
      g_assert_cmpint (RUN ("--db", db, "incident", "move", ref, "closed", "--at", closed,
                            "--resolution", "true-positive", "--summary", "Blocked."), ==, 0);
      CLEAR ();
    }
  return ref;
}

static JsonObject *
metric (JsonObject *root,
        const char *name)
{
  g_assert_true (json_object_has_member (root, name));
  return json_object_get_object_member (root, name);
}

static void
test_metrics_json (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *r1 = NULL, *r2 = NULL, *r3 = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *m;

  /* acknowledged after 10 and 30 min, 50 min; contained after 2 h and 4 h */
  r1 = add_incident ("2026-11-02T08:00:00Z", "2026-11-02T09:00:00Z", "2026-11-02T09:10:00Z",
                     "2026-11-02T11:00:00Z", "2026-11-03T09:00:00Z");
  r2 = add_incident ("2026-11-03T08:30:00Z", "2026-11-03T09:00:00Z", "2026-11-03T09:30:00Z",
                     "2026-11-03T13:00:00Z", NULL);
  r3 = add_incident ("2026-11-04T09:00:00Z", "2026-11-04T09:00:00Z", "2026-11-04T09:50:00Z",
                     NULL, NULL);

  g_assert_cmpint (RUN ("--db", db, "metrics", "--from", "2026-11-01", "--to", "2026-11-30",
                        "--json"), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpint (json_object_get_int_member (root, "incidents"), ==, 3);

  m = metric (root, "time_to_detect");
  g_assert_cmpint (json_object_get_int_member (m, "count"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (m, "median"), ==, 1800);
  g_assert_cmpint (json_object_get_int_member (m, "p90"), ==, 3600);

  m = metric (root, "time_to_acknowledge");
  g_assert_cmpint (json_object_get_int_member (m, "count"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (m, "median"), ==, 1800);
  g_assert_cmpint (json_object_get_int_member (m, "p90"), ==, 3000);

  m = metric (root, "time_to_contain");
  g_assert_cmpint (json_object_get_int_member (m, "count"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (m, "missing"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (m, "median"), ==, 3 * 3600);
  g_assert_cmpint (json_object_get_int_member (m, "p90"), ==, 4 * 3600);

  m = metric (root, "time_to_resolve");
  g_assert_cmpint (json_object_get_int_member (m, "count"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (m, "median"), ==, 24 * 3600);

  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "outcomes"),
                                               "true-positive"), ==, 1);
  g_assert_true (json_object_has_member (root, "targets"));
  g_assert_true (json_object_has_member (root, "weeks"));
  g_assert_true (json_object_has_member (root, "open_by_stage"));
  CLEAR ();

  /* an empty period: counts of zero, no duration (null, never 0) */
  g_assert_cmpint (RUN ("--db", db, "metrics", "--from", "2025-01-01", "--to", "2025-01-31",
                        "--json"), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "incidents"), ==, 0);
  m = metric (root, "time_to_resolve");
  g_assert_cmpint (json_object_get_int_member (m, "count"), ==, 0);
  g_assert_true (json_object_get_null_member (m, "median"));
  g_assert_true (json_object_get_null_member (m, "p90"));
  CLEAR ();

  /* text output */
  g_assert_cmpint (RUN ("--db", db, "metrics", "--from", "2026-11-01", "--to", "2026-11-30"), ==, 0);
  g_assert_nonnull (strstr (out, "Time to contain"));
  CLEAR ();
}

static void
test_bad_periods (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* inverted or not a date: refused (1) with a message */
  g_assert_cmpint (RUN ("--db", db, "metrics", "--from", "2026-11-30", "--to", "2026-11-01"), ==, 1);
  g_assert_nonnull (strstr (err, "before it starts"));
  g_assert_cmpstr (out, ==, "");
  CLEAR ();
  g_assert_cmpint (RUN ("--db", db, "metrics", "--from", "2026-02-30", "--to", "2026-03-01"), ==, 1);
  g_assert_nonnull (strstr (err, "YYYY-MM-DD"));
  CLEAR ();
  g_assert_cmpint (RUN ("--db", db, "report", "period", "--from", "last week", "--to",
                        "2026-03-01", "-o", "/tmp/never.pdf"), ==, 1);
  g_assert_false (g_file_test ("/tmp/never.pdf", G_FILE_TEST_EXISTS));
  CLEAR ();

  /* bad command lines (2) */
  g_assert_cmpint (RUN ("--db", db, "metrics", "--from", "2026-11-01"), ==, 2);
  g_assert_nonnull (strstr (err, "--to"));
  CLEAR ();
  g_assert_cmpint (RUN ("--db", db, "metrics", "--since", "2026-11-01"), ==, 2);
  CLEAR ();
  g_assert_cmpint (RUN ("--db", db, "report", "period", "--from", "2026-11-01", "--to",
                        "2026-11-30"), ==, 2);
  g_assert_nonnull (strstr (err, "-o"));
  CLEAR ();
  g_assert_cmpint (RUN ("--db", db, "report", "incident", "-o", "/tmp/x.pdf"), ==, 2);
  CLEAR ();
}

static void
test_reports (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autofree char *period_pdf = g_build_filename (dir, "period.pdf", NULL);
  g_autofree char *incident_pdf = g_build_filename (dir, "incident.pdf", NULL);
  g_autofree char *missing_pdf = g_build_filename (dir, "missing.pdf", NULL);
  g_autofree char *data = NULL;
  gsize len;

  g_assert_cmpint (RUN ("--db", db, "report", "period", "--from", "2026-11-01", "--to",
                        "2026-11-30", "-o", period_pdf), ==, 0);
  g_assert_nonnull (strstr (out, "pages"));
  g_assert_true (g_file_get_contents (period_pdf, &data, &len, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF"));
  g_clear_pointer (&data, g_free);
  CLEAR ();

  g_assert_cmpint (RUN ("--db", db, "report", "incident", "INC-2026-0001", "-o", incident_pdf),
                   ==, 0);
  g_assert_true (g_file_get_contents (incident_pdf, &data, &len, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF"));
  CLEAR ();

  g_assert_cmpint (RUN ("--db", db, "report", "incident", "INC-1999-0001", "-o", missing_pdf),
                   ==, 1);
  g_assert_nonnull (strstr (err, "INC-1999-0001"));
  g_assert_false (g_file_test (missing_pdf, G_FILE_TEST_EXISTS));
  CLEAR ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  vigil_test_init (&argc, &argv);
  db = vigil_test_db_path ();
  g_assert_cmpint (RUN ("--db", db, "init"), ==, 0);

  g_test_add_func ("/vigil/cli/metrics-json", test_metrics_json);
  g_test_add_func ("/vigil/cli/bad-periods", test_bad_periods);
  g_test_add_func ("/vigil/cli/reports", test_reports);

  status = g_test_run ();
  g_free (db);
  return status;
}
