/* test-alerts.c — deduplication, enrichment and triage of alerts in the store
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "vigil-address-match.h"
#include "vigil-store-alerts.h"
#include "vigil-store-private.h"
#include "vigil-test-util.h"

/* Fixtures: an owner team, a contact and three assets.  The store has no
 * inventory API of its own here, so the rows go in directly. */
static void
add_inventory (VigilStore *store)
{
  g_autoptr(GError) error = NULL;

  vigil_store_exec (store,
      "INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES "
      " (1, 'Payments IT', 'it', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
      "INSERT INTO people (id, name, team_id, email, phone, created_at, updated_at) VALUES "
      " (1, 'Ada <Ops> & Co', 1, 'ada@example.org', '+33 1 02 03 04 05', "
      "  '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
      "INSERT INTO assets (id, name, hostname, addresses, owner_team_id, tech_contact_id, "
      " criticality, created_at, updated_at) VALUES "
      " (1, 'payments-db', 'pay-db-01', '10.0.1.1', 1, 1, 'critical', "
      "  '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
      " (2, 'intranet', 'intra', '10.0.2.2', NULL, NULL, 'low', "
      "  '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
      " (3, 'Debian workstation', 'debian', '10.0.1.50', 1, NULL, 'high', "
      "  '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
      "INSERT INTO asset_addresses (asset_id, address) VALUES (1, '10.0.1.1'), (2, '10.0.2.2'), "
      " (3, '10.0.1.50');", &error);
  g_assert_no_error (error);
}

static char *
eve (const char *time,
     int         sid,
     int         severity,
     const char *src,
     const char *dst)
{
  return g_strdup_printf ("{\"timestamp\":\"%s\",\"flow_id\":1,\"event_type\":\"alert\","
                          "\"src_ip\":\"%s\",\"src_port\":5555,\"dest_ip\":\"%s\","
                          "\"dest_port\":443,\"proto\":\"TCP\",\"alert\":{\"signature_id\":%d,"
                          "\"signature\":\"Signature %d\",\"category\":\"Test\","
                          "\"severity\":%d}}\n", time, src, dst, sid, sid, severity);
}

static char *
write_lines (const char * const *lines)
{
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "eve.json", NULL);

  for (guint i = 0; lines[i]; i++)
    g_string_append (text, lines[i]);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return path;
}

static void
import (VigilStore         *store,
        const char         *format,
        const char         *path,
        VigilImportSummary *summary)
{
  g_autoptr(GError) error = NULL;
  VigilImportOptions options = { .format = format, .path = path, .batch_size = 2 };

  vigil_import_summary_init (summary);
  g_assert_true (vigil_store_import_alerts (store, &options, summary, &error));
  g_assert_no_error (error);
}

static gint64
q (VigilStore *store,
   const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 v = vigil_store_query_int (store, sql, &error);
  g_assert_no_error (error);
  return v;
}

static gint64
alert_id_for (VigilStore *store,
              const char *rule,
              const char *src)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM alerts WHERE rule = '%s' AND "
                                          "src_addr = '%s'", rule, src);
  return q (store, sql);
}

static void
test_dedup (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_auto(GStrv) lines = g_new0 (char *, 6);
  g_autofree char *path = NULL;
  g_autoptr(VigilAlert) alert = NULL;
  VigilImportSummary summary;
  gint64 id;

  lines[0] = eve ("2026-11-30T10:00:00Z", 100, 2, "203.0.113.1", "10.0.2.2");
  lines[1] = eve ("2026-11-30T09:00:00Z", 100, 2, "203.0.113.1", "10.0.2.2");
  lines[2] = eve ("2026-11-30T11:30:00+0100", 100, 2, "203.0.113.1", "10.0.2.2");
  lines[3] = eve ("2026-11-30T10:00:00Z", 100, 2, "203.0.113.2", "10.0.2.2");
  lines[4] = eve ("2026-11-30T10:00:00Z", 101, 2, "203.0.113.1", "10.0.2.2");
  path = write_lines ((const char * const *) lines);

  import (store, "suricata", path, &summary);
  g_assert_cmpuint (summary.read, ==, 5);
  g_assert_cmpuint (summary.imported, ==, 3);
  g_assert_cmpuint (summary.duplicates, ==, 2);
  vigil_import_summary_clear (&summary);

  g_assert_cmpint (vigil_store_count_alerts (store, NULL), ==, 3);
  id = alert_id_for (store, "100", "203.0.113.1");
  alert = vigil_store_get_alert (store, id, NULL);
  g_assert_cmpint (vigil_alert_get_count (alert), ==, 3);
  g_assert_cmpstr (vigil_alert_get_text (alert, VIGIL_ALERT_FIRST_SEEN), ==,
                   "2026-11-30T09:00:00Z");
  g_assert_cmpstr (vigil_alert_get_text (alert, VIGIL_ALERT_LAST_SEEN), ==,
                   "2026-11-30T10:30:00Z");
  g_assert_nonnull (strstr (vigil_alert_get_text (alert, VIGIL_ALERT_RAW), "10:00:00"));
  g_assert_cmpstr (vigil_alert_get_severity (alert), ==, "medium");

  /* TheHive's key: the same type+source+sourceRef is one alert, whatever the title */
  {
    g_autofree char *dir = vigil_test_tmpdir ();
    g_autofree char *th = g_build_filename (dir, "th.json", NULL);
    g_file_set_contents (th,
        "{\"type\":\"t\",\"source\":\"s\",\"sourceRef\":\"r\",\"title\":\"One\",\"severity\":4}\n"
        "{\"type\":\"t\",\"source\":\"s\",\"sourceRef\":\"r\",\"title\":\"Renamed\"}\n"
        "{\"type\":\"t\",\"source\":\"other\",\"sourceRef\":\"r\",\"title\":\"Other\"}\n",
        -1, NULL);
    import (store, "thehive", th, &summary);
    g_assert_cmpuint (summary.imported, ==, 2);
    g_assert_cmpuint (summary.duplicates, ==, 1);
    vigil_import_summary_clear (&summary);
    g_assert_cmpint (q (store, "SELECT count FROM alerts WHERE title = 'One'"), ==, 1);
    g_assert_cmpint (q (store, "SELECT count(*) FROM alerts WHERE source = 'thehive' AND "
                               "severity = 'critical'"), ==, 1);
  }
}

static void
test_rerun (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_auto(GStrv) lines = g_new0 (char *, 8);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  VigilImportSummary summary;
  FILE *f;

  for (int i = 0; i < 5; i++)
    lines[i] = eve ("2026-11-30T10:00:00Z", 200 + i % 2, 1, "203.0.113.1", "10.0.1.1");
  path = write_lines ((const char * const *) lines);

  import (store, "suricata", path, &summary);
  g_assert_cmpuint (summary.imported, ==, 2);
  vigil_import_summary_clear (&summary);
  g_assert_cmpint (q (store, "SELECT sum(count) FROM alerts"), ==, 5);

  /* again: nothing twice */
  import (store, "suricata", path, &summary);
  g_assert_cmpuint (summary.read, ==, 5);
  g_assert_cmpuint (summary.imported, ==, 0);
  g_assert_cmpuint (summary.duplicates, ==, 5);
  vigil_import_summary_clear (&summary);
  g_assert_cmpint (q (store, "SELECT sum(count) FROM alerts"), ==, 5);

  /* the file grew: only the new lines count */
  f = fopen (path, "a");
  fputs (lines[0], f);
  fputs (lines[0], f);
  fclose (f);
  import (store, "suricata", path, &summary);
  g_assert_cmpuint (summary.duplicates, ==, 7);  /* 5 already there + 2 folded */
  vigil_import_summary_clear (&summary);
  g_assert_cmpint (q (store, "SELECT sum(count) FROM alerts"), ==, 7);
}

static void
test_enrichment (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_auto(GStrv) lines = g_new0 (char *, 5);
  g_autofree char *path = NULL;
  g_autofree char *wazuh = NULL;
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autoptr(VigilAlert) alert = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) obs = NULL;
  VigilImportSummary summary;

  add_inventory (store);
  lines[0] = eve ("2026-11-30T10:00:00Z", 300, 3, "203.0.113.7", "10.0.1.1");  /* low, critical asset */
  lines[1] = eve ("2026-11-30T11:00:00Z", 301, 1, "203.0.113.7", "10.0.2.2");  /* high, low asset */
  lines[2] = eve ("2026-11-30T12:00:00Z", 302, 2, "203.0.113.7", "198.51.100.1"); /* no asset */
  lines[3] = eve ("2026-11-30T12:00:00Z", 303, 1, "10.0.2.2", "10.0.1.1");  /* both: the critical one */
  path = write_lines ((const char * const *) lines);
  import (store, "suricata", path, &summary);
  vigil_import_summary_clear (&summary);

  alert = vigil_store_get_alert (store, alert_id_for (store, "300", "203.0.113.7"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (vigil_alert_get_asset_id (alert), ==, 1);
  g_assert_cmpstr (vigil_alert_get_text (alert, VIGIL_ALERT_ASSET_NAME), ==, "payments-db");
  g_assert_cmpstr (vigil_alert_get_text (alert, VIGIL_ALERT_ASSET_CRITICALITY), ==, "critical");
  g_assert_cmpstr (vigil_alert_get_text (alert, VIGIL_ALERT_OWNER_TEAM), ==, "Payments IT");
  g_assert_cmpstr (vigil_alert_get_text (alert, VIGIL_ALERT_CONTACT), ==, "Ada <Ops> & Co");
  g_assert_cmpstr (vigil_alert_get_text (alert, VIGIL_ALERT_CONTACT_PHONE), ==,
                   "+33 1 02 03 04 05");
  g_assert_cmpstr (vigil_alert_get_severity (alert), ==, "low");
  obs = vigil_store_dup_alert_observables (store, vigil_alert_get_id (alert), &error);
  g_assert_cmpuint (g_strv_length (obs), ==, 4);  /* two addresses */
  g_clear_object (&alert);

  alert = vigil_store_get_alert (store, alert_id_for (store, "303", "10.0.2.2"), &error);
  g_assert_cmpint (vigil_alert_get_asset_id (alert), ==, 1);
  g_clear_object (&alert);

  /* triage order: severity × criticality, then the latest */
  ids = vigil_store_list_alert_ids (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 4);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, alert_id_for (store, "303", "10.0.2.2"));
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, alert_id_for (store, "302", "203.0.113.7"));
  g_assert_cmpint (g_array_index (ids, gint64, 3), ==, alert_id_for (store, "301", "203.0.113.7"));
  g_clear_pointer (&ids, g_array_unref);
  {
    VigilAlertFilter filter = { .min_severity = "high" };
    ids = vigil_store_list_alert_ids (store, &filter, &error);
    g_assert_cmpuint (ids->len, ==, 2);
    g_clear_pointer (&ids, g_array_unref);
  }
  {
    VigilAlertFilter filter = { .text = "payments" };
    ids = vigil_store_list_alert_ids (store, &filter, &error);
    g_assert_cmpuint (ids->len, ==, 2);
    g_clear_pointer (&ids, g_array_unref);

    /* % and _ are the analyst's characters, not wildcards: "payments_db"
     * must not find "payments-db", "%" must not find everything */
    filter.text = "payments_db";
    ids = vigil_store_list_alert_ids (store, &filter, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 0);
    g_clear_pointer (&ids, g_array_unref);
    filter.text = "%";
    ids = vigil_store_list_alert_ids (store, &filter, &error);
    g_assert_cmpuint (ids->len, ==, 0);
  }

  /* by hostname: the Wazuh agent name */
  wazuh = g_build_filename (dir, "w.json", NULL);
  g_file_set_contents (wazuh, "{\"timestamp\":\"2020-04-17T00:17:53.159+0000\",\"rule\":"
                              "{\"level\":12,\"description\":\"d\",\"id\":\"5716\"},\"agent\":"
                              "{\"id\":\"001\",\"name\":\"DEBIAN.corp.example\"},"
                              "\"data\":{\"srcip\":\"49.88.112.73\"}}\n", -1, NULL);
  import (store, "wazuh", wazuh, &summary);
  vigil_import_summary_clear (&summary);
  alert = vigil_store_get_alert (store, q (store, "SELECT id FROM alerts WHERE source = 'wazuh'"),
                                 NULL);
  g_assert_cmpint (vigil_alert_get_asset_id (alert), ==, 3);
  g_assert_cmpstr (vigil_alert_get_severity (alert), ==, "critical");
}

static void
test_severity_map (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *map = NULL;
  g_auto(GStrv) lines = g_new0 (char *, 3);
  g_autofree char *path = NULL;
  VigilImportSummary summary;

  g_assert_cmpstr (vigil_severity_map_lookup ("1=high,2=medium,3=low,*=medium", "1"), ==, "high");
  g_assert_cmpstr (vigil_severity_map_lookup ("0-3=low,4-7=medium,8-11=high,12-15=critical", "9"),
                   ==, "high");
  g_assert_cmpstr (vigil_severity_map_lookup ("1=high", "Critical"), ==, "critical");
  g_assert_cmpstr (vigil_severity_map_lookup ("1=high", NULL), ==, "medium");

  map = vigil_store_dup_severity_map (store, "suricata");
  g_assert_true (g_str_has_prefix (map, "1=high"));
  g_assert_false (vigil_store_set_severity_map (store, "suricata", "1=urgent", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_true (vigil_store_set_severity_map (store, "suricata", "1=critical,*=low", &error));
  g_assert_no_error (error);

  lines[0] = eve ("2026-11-30T10:00:00Z", 1, 1, "1.1.1.1", "2.2.2.2");
  lines[1] = eve ("2026-11-30T10:00:00Z", 2, 2, "1.1.1.1", "2.2.2.2");
  path = write_lines ((const char * const *) lines);
  import (store, "suricata", path, &summary);
  vigil_import_summary_clear (&summary);
  g_assert_cmpint (q (store, "SELECT count(*) FROM alerts WHERE rule = '1' AND "
                             "severity = 'critical'"), ==, 1);
  g_assert_cmpint (q (store, "SELECT count(*) FROM alerts WHERE rule = '2' AND "
                             "severity = 'low'"), ==, 1);
  g_assert_true (vigil_store_set_severity_map (store, "suricata", NULL, &error));
  g_clear_pointer (&map, g_free);
  map = vigil_store_dup_severity_map (store, "suricata");
  g_assert_true (g_str_has_prefix (map, "1=high"));
}

static GArray *
all_ids (VigilStore *store)
{
  VigilAlertFilter filter = { .status = "all" };
  return vigil_store_list_alert_ids (store, &filter, NULL);
}

static void
test_promote_merge_dismiss (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_auto(GStrv) lines = g_new0 (char *, 6);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilIncident) incident = NULL;
  VigilImportSummary summary;
  gint64 a, b, c, d, e, incident_id = 0, before;

  add_inventory (store);
  lines[0] = eve ("2026-11-30T10:00:00Z", 400, 1, "203.0.113.9", "10.0.1.1");
  lines[1] = eve ("2026-11-30T09:00:00Z", 401, 2, "203.0.113.9", "10.0.2.2");
  lines[2] = eve ("2026-11-30T10:00:00Z", 402, 3, "203.0.113.9", "10.0.2.2");
  lines[3] = eve ("2026-11-30T10:00:00Z", 403, 3, "203.0.113.9", "10.0.2.2");
  lines[4] = eve ("2026-11-30T10:00:00Z", 404, 3, "203.0.113.9", "10.0.2.2");
  path = write_lines ((const char * const *) lines);
  import (store, "suricata", path, &summary);
  vigil_import_summary_clear (&summary);
  a = alert_id_for (store, "400", "203.0.113.9");
  b = alert_id_for (store, "401", "203.0.113.9");
  c = alert_id_for (store, "402", "203.0.113.9");
  d = alert_id_for (store, "403", "203.0.113.9");
  e = alert_id_for (store, "404", "203.0.113.9");

  /* promote two: one incident with their observables and assets, linked both ways */
  g_assert_true (vigil_store_promote_alerts (store, (gint64[]) { a, b }, 2, NULL, &incident_id,
                                             &error));
  g_assert_no_error (error);
  incident = vigil_store_get_incident (store, incident_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vigil_incident_get_stage (incident), ==, "classification");
  g_assert_cmpstr (vigil_incident_get_severity (incident), ==, "high");
  g_assert_cmpstr (vigil_incident_get_title (incident), ==, "Signature 400");
  g_assert_cmpint (q (store, "SELECT count(*) FROM alerts WHERE status = 'promoted' AND "
                             "incident_id IS NOT NULL"), ==, 2);
  g_assert_cmpint (q (store, "SELECT count(*) FROM incident_assets"), ==, 2);
  /* 203.0.113.9, 10.0.1.1, 10.0.2.2 once each */
  g_assert_cmpint (q (store, "SELECT count(*) FROM observables WHERE incident_id IS NOT NULL"),
                   ==, 3);
  g_assert_cmpint (q (store, "SELECT count(*) FROM timeline WHERE kind = 'created'"), ==, 1);
  g_assert_cmpint (q (store, "SELECT count(*) FROM timeline WHERE kind = 'alert'"), ==, 2);

  /* promoting again is refused and writes nothing */
  before = q (store, "SELECT count(*) FROM incidents");
  g_assert_false (vigil_store_promote_alerts (store, (gint64[]) { c, a }, 2, "x", NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_cmpint (q (store, "SELECT count(*) FROM incidents"), ==, before);
  g_assert_cmpint (q (store, "SELECT count(*) FROM alerts WHERE status = 'new'"), ==, 3);

  /* merge into the open incident */
  g_assert_true (vigil_store_merge_alerts (store, (gint64[]) { c }, 1, incident_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (q (store, "SELECT count(*) FROM timeline WHERE kind = 'alert'"), ==, 3);
  g_assert_cmpint (q (store, "SELECT count(*) FROM alerts WHERE status = 'merged'"), ==, 1);
  g_assert_cmpint (q (store, "SELECT count(*) FROM observables WHERE incident_id IS NOT NULL"),
                   ==, 3);  /* nothing new */

  /* not into a closed one */
  vigil_store_exec (store, "UPDATE incidents SET stage = 'closed', resolution = 'benign', "
                           "summary = 'done'", &error);
  g_assert_no_error (error);
  g_assert_false (vigil_store_merge_alerts (store, (gint64[]) { d }, 1, incident_id, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (vigil_store_merge_alerts (store, (gint64[]) { d }, 1, 9999, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* dismiss with a reason */
  g_assert_false (vigil_store_dismiss_alerts (store, (gint64[]) { d }, 1, "boring", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (vigil_store_dismiss_alerts (store, (gint64[]) { d, a }, 2, "benign", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_cmpint (q (store, "SELECT count(*) FROM alerts WHERE status = 'dismissed'"), ==, 0);
  g_assert_true (vigil_store_dismiss_alerts (store, (gint64[]) { d, e }, 2, "false-positive",
                                             &error));
  g_assert_cmpint (q (store, "SELECT count(*) FROM alerts WHERE status = 'dismissed' AND "
                             "dismiss_reason = 'false-positive'"), ==, 2);

  /* the reference resolves */
  g_assert_cmpint (vigil_store_resolve_incident (store, vigil_incident_get_ref (incident), NULL),
                   ==, incident_id);
  g_assert_cmpint (vigil_store_resolve_incident (store, "inc-1999-0001", &error), ==, 0);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_pointer (&lines, g_strfreev);
  (void) all_ids;
}

static void
test_suppression (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_auto(GStrv) lines = g_new0 (char *, 4);
  g_auto(GStrv) later = g_new0 (char *, 3);
  g_autofree char *path = NULL;
  g_autofree char *path2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  VigilImportSummary summary;
  VigilSuppressionRule *r;
  gint64 id;
  guint n = 0;

  add_inventory (store);
  vigil_time_set_now_override (vigil_time_to_unix ("2026-11-30T12:00:00Z"));
  lines[0] = eve ("2026-11-30T10:00:00Z", 500, 2, "203.0.113.1", "10.0.1.1");
  lines[1] = eve ("2026-11-30T10:00:00Z", 500, 2, "203.0.113.1", "10.0.2.2");
  lines[2] = eve ("2026-11-30T10:00:00Z", 501, 2, "203.0.113.1", "10.0.1.1");
  path = write_lines ((const char * const *) lines);
  import (store, "suricata", path, &summary);
  vigil_import_summary_clear (&summary);

  /* "ignore signature 500 on payments-db for 7 days" */
  g_assert_cmpint (vigil_store_resolve_alert_asset (store, "pay-db-01", NULL), ==, 1);
  id = vigil_store_add_suppression (store, "suricata", "500", 1, 7, "scanner", &n, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (n, ==, 1);
  rules = vigil_store_list_suppressions (store, &error);
  g_assert_cmpuint (rules->len, ==, 1);
  r = rules->pdata[0];
  g_assert_cmpstr (r->asset_name, ==, "payments-db");
  g_assert_cmpstr (r->expires_at, ==, "2026-12-07T12:00:00Z");
  g_assert_cmpstr (r->actor, ==, "Test Analyst");

  /* a new group matching it is stored suppressed; another asset is not */
  later[0] = eve ("2026-11-30T11:00:00Z", 500, 2, "203.0.113.99", "10.0.1.1");
  later[1] = eve ("2026-11-30T11:00:00Z", 500, 2, "203.0.113.99", "10.0.2.2");
  path2 = write_lines ((const char * const *) later);
  import (store, "suricata", path2, &summary);
  g_assert_cmpuint (summary.suppressed, ==, 1);
  vigil_import_summary_clear (&summary);
  g_assert_cmpint (q (store, "SELECT count(*) FROM alerts WHERE status = 'suppressed'"), ==, 2);

  /* eight days later the rule has expired */
  vigil_time_set_now_override (vigil_time_to_unix ("2026-12-08T12:00:00Z"));
  g_free (later[0]);
  later[0] = eve ("2026-12-08T11:00:00Z", 500, 2, "203.0.113.100", "10.0.1.1");
  g_free (later[1]);
  later[1] = NULL;
  g_free (path2);
  path2 = write_lines ((const char * const *) later);
  import (store, "suricata", path2, &summary);
  g_assert_cmpuint (summary.suppressed, ==, 0);
  vigil_import_summary_clear (&summary);

  g_assert_true (vigil_store_delete_suppression (store, id, &error));
  g_assert_false (vigil_store_delete_suppression (store, id, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  vigil_time_set_now_override (0);
}

static void
test_auto_promotion (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_auto(GStrv) lines = g_new0 (char *, 5);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  VigilImportSummary summary;
  gint64 rule;

  add_inventory (store);
  g_assert_cmpint (vigil_store_add_auto_promotion (store, "x", "urgent", NULL, NULL, &error), ==,
                   0);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  rule = vigil_store_add_auto_promotion (store, "High on critical", "high", "critical", NULL,
                                         &error);
  g_assert_no_error (error);
  rules = vigil_store_list_auto_promotions (store, &error);
  g_assert_cmpuint (rules->len, ==, 1);

  lines[0] = eve ("2026-11-30T10:00:00Z", 600, 1, "203.0.113.1", "10.0.1.1"); /* high, critical */
  lines[1] = eve ("2026-11-30T10:05:00Z", 600, 1, "203.0.113.1", "10.0.1.1"); /* its repeat */
  lines[2] = eve ("2026-11-30T10:00:00Z", 601, 2, "203.0.113.1", "10.0.1.1"); /* medium */
  lines[3] = eve ("2026-11-30T10:00:00Z", 602, 1, "203.0.113.1", "10.0.2.2"); /* low asset */
  path = write_lines ((const char * const *) lines);
  import (store, "suricata", path, &summary);
  g_assert_cmpuint (summary.promoted, ==, 1);
  vigil_import_summary_clear (&summary);
  g_assert_cmpint (q (store, "SELECT count(*) FROM incidents WHERE stage = 'classification'"),
                   ==, 1);
  g_assert_cmpint (q (store, "SELECT count(*) FROM alerts WHERE status = 'promoted' AND "
                             "rule = '600' AND count = 2"), ==, 1);
  g_assert_cmpint (q (store, "SELECT count(*) FROM incidents WHERE "
                             "description LIKE '%High on critical%'"), ==, 1);
  g_assert_cmpint (q (store, "SELECT count(*) FROM timeline WHERE kind = 'created'"), ==, 1);

  g_assert_true (vigil_store_set_auto_promotion_enabled (store, rule, FALSE, &error));
  g_assert_true (vigil_store_delete_auto_promotion (store, rule, &error));
  g_assert_no_error (error);
}

static void
on_changed (VigilStore *store,
            const char *kind,
            gint64      id,
            gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_changed_signal (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_auto(GStrv) lines = g_new0 (char *, 2);
  g_autofree char *path = NULL;
  VigilImportSummary summary;
  guint n = 0;

  g_signal_connect (store, "changed::alert", G_CALLBACK (on_changed), &n);
  lines[0] = eve ("2026-11-30T10:00:00Z", 700, 1, "203.0.113.1", "10.0.1.1");
  path = write_lines ((const char * const *) lines);
  import (store, "suricata", path, &summary);
  vigil_import_summary_clear (&summary);
  g_assert_cmpuint (n, >=, 1);
}

/* Addresses against hosts and CIDR ranges: the exact host first, then the
 * longest prefix; IPv4 and IPv6. */
static void
test_address_match (void)
{
  g_autoptr(VigilAddressMatch) m = vigil_address_match_new ();
  static const struct { const char *address; gint64 id; int host_bits; } cases[] = {
    { "10.20.30.40", 4, 0 },          /* the host */
    { "10.20.30.41", 3, 8 },          /* the /24 holding it */
    { "10.20.99.1", 2, 16 },          /* the /16 */
    { "10.99.0.1", 1, 24 },           /* the /8 */
    { "::ffff:10.20.30.40", 4, 0 },   /* IPv4-mapped IPv6 is IPv4 */
    { "2001:db8:40::beef", 5, 80 },   /* /48 */
    { "2001:db8:40:7::1", 6, 64 },    /* /64 inside the /48 */
    { "2001:DB8:40:7:0:0:0:9", 7, 0 },/* exact, written another way */
    { "192.0.2.77", 9, 8 },           /* same /24 twice: the more critical asset */
    { "ops-gw", 10, 0 },              /* text matches itself */
    { "11.0.0.1", 0, 0 },
    { "2001:db9::1", 0, 0 },
    { "not an address", 0, 0 },
  };
  gint64 id;
  int rank, bits;

  g_assert_true (vigil_address_match_add (m, "10.0.0.0/8", 1, 1));
  g_assert_true (vigil_address_match_add (m, "10.20.5.7/16", 2, 1));  /* host bits ignored */
  g_assert_true (vigil_address_match_add (m, "10.20.30.0/24", 3, 1));
  g_assert_true (vigil_address_match_add (m, " 10.20.30.40, ", 4, 1));
  g_assert_true (vigil_address_match_add (m, "2001:db8:40::/48", 5, 1));
  g_assert_true (vigil_address_match_add (m, "2001:db8:40:7::/64", 6, 1));
  g_assert_true (vigil_address_match_add (m, "2001:db8:40:7::9", 7, 1));
  g_assert_true (vigil_address_match_add (m, "192.0.2.0/24", 8, 1));
  g_assert_true (vigil_address_match_add (m, "192.0.2.0/24", 9, 4));
  g_assert_true (vigil_address_match_add (m, "192.0.2.0/24", 11, 2));
  g_assert_true (vigil_address_match_add (m, "ops-gw", 10, 1));
  g_assert_false (vigil_address_match_add (m, "10.0.0.0/33", 12, 1));
  g_assert_false (vigil_address_match_add (m, "10.0.0.0/", 12, 1));
  g_assert_false (vigil_address_match_add (m, "2001:db8::/129", 12, 1));
  g_assert_false (vigil_address_match_add (m, "  ", 12, 1));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean found = vigil_address_match_lookup (m, cases[i].address, &id, &rank, &bits);
      g_test_message ("%s", cases[i].address);
      g_assert_cmpint (found, ==, cases[i].id != 0);
      if (!found)
        continue;
      g_assert_cmpint (id, ==, cases[i].id);
      g_assert_cmpint (bits, ==, cases[i].host_bits);
    }

  /* a /0 holds everything of its family, and only of it */
  g_assert_true (vigil_address_match_add (m, "0.0.0.0/0", 13, 1));
  g_assert_true (vigil_address_match_lookup (m, "11.0.0.1", &id, &rank, &bits));
  g_assert_cmpint (id, ==, 13);
  g_assert_cmpint (bits, ==, 32);
  g_assert_false (vigil_address_match_lookup (m, "2001:db9::1", &id, &rank, &bits));
}

/* An import links an alert to the most specific asset holding its address:
 * networks listed as ranges in asset_addresses or the addresses column. */
static void
test_link_ranges (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = g_new0 (char *, 8);
  g_autofree char *path = NULL;
  g_autoptr(VigilAlert) alert = NULL;
  VigilImportSummary summary;
  static const struct { const char *dst; const char *asset; } expect[] = {
    { "10.20.30.40", "db-host" },          /* exact host before any range */
    { "10.20.30.41", "db-subnet" },        /* /24 before /16 */
    { "10.20.99.1", "campus" },            /* /16 */
    { "2001:db8:40::beef", "v6-lab" },     /* IPv6 /48 */
    { "2001:db8:40:1::5", "v6-servers" },  /* IPv6 /64 inside it */
    { "198.51.100.9", NULL },              /* no range holds it */
  };

  vigil_store_exec (store,
      "INSERT INTO assets (id, name, hostname, addresses, criticality, created_at, updated_at) "
      "VALUES (1, 'campus', NULL, '10.20.0.0/16', 'critical', '2026-01-01T00:00:00Z', "
      "  '2026-01-01T00:00:00Z'),"
      " (2, 'db-subnet', NULL, '10.20.30.0/24', 'low', '2026-01-01T00:00:00Z', "
      "  '2026-01-01T00:00:00Z'),"
      " (3, 'db-host', NULL, '10.20.30.40', 'low', '2026-01-01T00:00:00Z', "
      "  '2026-01-01T00:00:00Z'),"
      " (4, 'v6-lab', NULL, '2001:db8:40::/48', 'medium', '2026-01-01T00:00:00Z', "
      "  '2026-01-01T00:00:00Z'),"
      " (5, 'v6-servers', NULL, '2001:db8:40:1::/64', 'medium', '2026-01-01T00:00:00Z', "
      "  '2026-01-01T00:00:00Z');"
      "INSERT INTO asset_addresses (asset_id, address) VALUES (1, '10.20.0.0/16'), "
      " (2, '10.20.30.0/24'), (3, '10.20.30.40'), (4, '2001:db8:40::/48'), "
      " (5, '2001:DB8:40:1::/64');", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    lines[i] = eve ("2026-11-30T10:00:00Z", 300 + i, 1, "203.0.113.9", expect[i].dst);
  path = write_lines ((const char * const *) lines);
  import (store, "suricata", path, &summary);
  g_assert_cmpuint (summary.imported, ==, G_N_ELEMENTS (expect));
  vigil_import_summary_clear (&summary);

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      g_autofree char *sql = g_strdup_printf (
          "SELECT coalesce((SELECT s.id FROM assets s WHERE s.id = a.asset_id), 0) "
          "FROM alerts a WHERE a.dst_addr = '%s'", expect[i].dst);
      g_autofree char *want = g_strdup_printf (
          "SELECT coalesce((SELECT id FROM assets WHERE name = '%s'), 0)",
          expect[i].asset ? expect[i].asset : "");
      g_test_message ("%s", expect[i].dst);
      g_assert_cmpint (q (store, sql), ==, q (store, want));
    }

  /* the raw event is kept beside the row, and read back with it */
  g_assert_cmpint (q (store, "SELECT count(*) FROM alert_raw"), ==, G_N_ELEMENTS (expect));
  g_assert_cmpint (q (store, "SELECT count(*) FROM alerts WHERE raw IS NOT NULL"), ==, 0);
  alert = vigil_store_get_alert (store, q (store, "SELECT min(id) FROM alerts"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (vigil_alert_get_text (alert, VIGIL_ALERT_RAW), "\"flow_id\":1"));
}

/* The triage order is kept on the row (triage_rank): by the import, by
 * other writers, and when an asset's criticality changes or it is deleted;
 * a window of the list and the count agree with the whole list. */
static void
test_triage_order (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = g_new0 (char *, 6);
  g_autofree char *path = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) window = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  VigilImportSummary summary;
  VigilAlertFilter filter = { .status = "all" };
  gint64 on_db, on_intranet;

  add_inventory (store);
  /* severity 2 (medium) on the critical payments-db, 1 (high) on the low intranet */
  lines[0] = eve ("2026-11-30T10:00:00Z", 500, 2, "203.0.113.1", "10.0.1.1");
  lines[1] = eve ("2026-11-30T10:00:01Z", 501, 1, "203.0.113.1", "10.0.2.2");
  lines[2] = eve ("2026-11-30T10:00:02Z", 502, 3, "203.0.113.1", "198.51.100.1");
  path = write_lines ((const char * const *) lines);
  import (store, "suricata", path, &summary);
  vigil_import_summary_clear (&summary);
  on_db = alert_id_for (store, "500", "203.0.113.1");
  on_intranet = alert_id_for (store, "501", "203.0.113.1");
  g_assert_cmpint (q (store, "SELECT triage_rank FROM alerts WHERE rule = '500'"), ==, 2 * 4);
  g_assert_cmpint (q (store, "SELECT triage_rank FROM alerts WHERE rule = '501'"), ==, 3 * 1);
  g_assert_cmpint (q (store, "SELECT triage_rank FROM alerts WHERE rule = '502'"), ==, 1 * 2);

  /* a row written by another path gets its rank from the trigger */
  vigil_store_exec (store, "INSERT INTO alerts (source, dedup_key, title, severity, asset_id, "
                           "first_seen, last_seen, created_at, updated_at) VALUES ('csv', 'k', "
                           "'t', 'critical', 3, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'x', 'x')", &error);
  g_assert_no_error (error);
  g_assert_cmpint (q (store, "SELECT triage_rank FROM alerts WHERE dedup_key = 'k'"), ==, 4 * 3);

  all = vigil_store_list_alert_ids (store, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpint (g_array_index (all, gint64, 1), ==, on_db);
  g_assert_cmpint (vigil_store_count_filtered_alerts (store, &filter, &error), ==, 4);

  /* the intranet becomes critical: its alert goes first */
  vigil_store_exec (store, "UPDATE assets SET criticality = 'critical' WHERE id = 2", &error);
  g_assert_no_error (error);
  g_assert_cmpint (q (store, "SELECT triage_rank FROM alerts WHERE rule = '501'"), ==, 3 * 4);
  g_clear_pointer (&all, g_array_unref);
  all = vigil_store_list_alert_ids (store, &filter, &error);
  g_assert_cmpint (g_array_index (all, gint64, 0), ==, on_intranet);

  /* a window of the list is the same slice of it */
  filter.limit = 2;
  filter.offset = 1;
  window = vigil_store_list_alert_ids (store, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (window->len, ==, 2);
  g_assert_cmpint (g_array_index (window, gint64, 0), ==, g_array_index (all, gint64, 1));
  g_assert_cmpint (g_array_index (window, gint64, 1), ==, g_array_index (all, gint64, 2));

  /* the rows of a window, in its order, without the raw event */
  rows = vigil_store_get_alert_rows (store, (const gint64 *) all->data, all->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  for (guint i = 0; i < rows->len; i++)
    {
      g_assert_cmpint (vigil_alert_get_id (rows->pdata[i]), ==, g_array_index (all, gint64, i));
      g_assert_null (vigil_alert_get_text (rows->pdata[i], VIGIL_ALERT_RAW));
    }

  /* filters count what they list */
  filter = (VigilAlertFilter) { .status = "new", .min_severity = "high", .text = "10.0.2" };
  g_assert_cmpint (vigil_store_count_filtered_alerts (store, &filter, &error), ==, 1);

  /* the asset is deleted: the alert keeps its place as on no asset (medium) */
  vigil_store_exec (store, "DELETE FROM assets WHERE id = 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (q (store, "SELECT triage_rank FROM alerts WHERE rule = '500'"), ==, 2 * 2);
}

int
main (int    argc,
      char **argv)
{
  vigil_test_init (&argc, &argv);

  g_test_add_func ("/alerts/dedup", test_dedup);
  g_test_add_func ("/alerts/rerun-imports-nothing-twice", test_rerun);
  g_test_add_func ("/alerts/enrichment", test_enrichment);
  g_test_add_func ("/alerts/address-match", test_address_match);
  g_test_add_func ("/alerts/link-ranges", test_link_ranges);
  g_test_add_func ("/alerts/triage-order", test_triage_order);
  g_test_add_func ("/alerts/severity-map", test_severity_map);
  g_test_add_func ("/alerts/promote-merge-dismiss", test_promote_merge_dismiss);
  g_test_add_func ("/alerts/suppression", test_suppression);
  g_test_add_func ("/alerts/auto-promotion", test_auto_promotion);
  g_test_add_func ("/alerts/changed-signal", test_changed_signal);

  return g_test_run ();
}
