/* test-metrics.c — the overview's figures against incidents with known times
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-store-metrics.h"
#include "vigil-store-private.h"
#include "vigil-test-util.h"

/* "now" for every test: Monday 2026-11-30 12:00 UTC */
#define NOW 1796040000

typedef struct
{
  const char *stage;
  const char *severity;
  const char *tier;
  const char *occurred;
  const char *detected;
  const char *acknowledged;
  const char *contained;
  const char *resolved;
  const char *closed;
  const char *resolution;
  const char *category;
} Row;

static gint64
add_incident (VigilStore *store,
              const Row  *r)
{
  g_autoptr(GError) error = NULL;
  static int n;
  char *sql;
  gboolean ok;

  n++;
  sql = sqlite3_mprintf (
    "INSERT INTO incidents (ref, title, stage, severity, tier, occurred_at, detected_at,"
    " acknowledged_at, contained_at, resolved_at, closed_at, resolution, summary, category,"
    " created_at, updated_at)"
    " VALUES ('INC-2026-%04d', 'Incident %d', %Q, %Q, %Q, %Q, %Q, %Q, %Q, %Q, %Q, %Q, %Q, %Q,"
    " '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    n, n, r->stage ? r->stage : "classification", r->severity, r->tier ? r->tier : "l1",
    r->occurred, r->detected, r->acknowledged, r->contained, r->resolved, r->closed,
    r->resolution, r->resolution ? "Done." : "", r->category);
  ok = vigil_store_exec (store, sql, &error);
  sqlite3_free (sql);
  g_assert_no_error (error);
  g_assert_true (ok);
  return vigil_store_query_int (store, "SELECT max(id) FROM incidents", NULL);
}

static void
exec (VigilStore *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;
  vigil_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

static VigilMetrics *
compute (VigilStore *store,
         const char *from,
         const char *to)
{
  g_auto(VigilPeriod) period = { 0, };
  g_autoptr(GError) error = NULL;
  VigilMetrics *m;

  vigil_period_init (&period, from, to, &error);
  g_assert_no_error (error);
  m = vigil_store_compute_metrics (store, &period, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (m);
  return m;
}

static void
test_period (void)
{
  static const char * const bad[][2] = {
    { "2026-13-01", "2026-12-01" }, { "2026-02-30", "2026-03-01" }, { "yesterday", "2026-12-01" },
    { "2026-1-1", "2026-12-01" }, { "2026-11-01", "" }, { "2026-11-01T00:00", "2026-11-02" },
  };
  g_auto(VigilPeriod) period = { 0, };
  g_autoptr(GError) error = NULL;

  g_assert_true (vigil_period_init (&period, "2026-11-01", "2026-11-30", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (period.from_iso, ==, "2026-11-01T00:00:00Z");
  g_assert_cmpstr (period.until_iso, ==, "2026-12-01T00:00:00Z");
  g_assert_cmpint (period.days, ==, 30);
  vigil_period_clear (&period);

  /* one day */
  g_assert_true (vigil_period_init (&period, "2026-12-31", "2026-12-31", &error));
  g_assert_cmpstr (period.until_iso, ==, "2027-01-01T00:00:00Z");
  g_assert_cmpint (period.days, ==, 1);
  vigil_period_clear (&period);

  /* inverted */
  g_assert_false (vigil_period_init (&period, "2026-11-30", "2026-11-01", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "before it starts"));
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (vigil_period_init (&period, bad[i][0], bad[i][1], &error));
      g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
      g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
      g_clear_error (&error);
    }

  vigil_period_init_last_days (&period, 7);
  g_assert_cmpstr (period.from, ==, "2026-11-24");
  g_assert_cmpstr (period.to, ==, "2026-11-30");
  vigil_period_clear (&period);
  vigil_period_init_quarter (&period);
  g_assert_cmpstr (period.from, ==, "2026-10-01");
  g_assert_cmpstr (period.to, ==, "2026-12-31");
}

static void
test_empty (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(VigilMetrics) m = compute (store, "2026-11-01", "2026-11-30");

  g_assert_cmpint (m->incidents, ==, 0);
  for (guint k = 0; k < VIGIL_N_METRICS; k++)
    {
      g_assert_cmpint (m->durations[k].count, ==, 0);
      g_assert_cmpint (m->durations[k].missing, ==, 0);
      g_assert_cmpint (m->durations[k].median, ==, -1);
      g_assert_cmpint (m->durations[k].p90, ==, -1);
    }
  /* 2026-11-01 is a Sunday: the first week starts on Monday 26 October */
  g_assert_cmpuint (m->weeks->len, ==, 6);
  g_assert_cmpstr (g_array_index (m->weeks, VigilWeek, 0).week, ==, "2026-10-26");
  g_assert_cmpstr (g_array_index (m->weeks, VigilWeek, 5).week, ==, "2026-11-30");
  g_assert_cmpuint (m->by_criticality->len, ==, 4);
  g_assert_cmpuint (m->by_team->len, ==, 0);
  g_assert_cmpint (m->open, ==, 0);
}

static void
test_durations (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(VigilMetrics) m = NULL;
  g_autofree char *text = NULL;
  /* acknowledged 1, 2, 3, 4 and 60 minutes after detection; occurred known
   * for three; one contained before it was detected (bad data) */
  const Row rows[] = {
    { "investigation", "high", NULL, "2026-11-10T09:00:00Z", "2026-11-10T10:00:00Z",
      "2026-11-10T10:01:00Z", "2026-11-10T12:00:00Z", NULL, NULL, NULL, "fraud" },
    { "investigation", "high", NULL, "2026-11-11T09:30:00Z", "2026-11-11T10:00:00Z",
      "2026-11-11T10:02:00Z", NULL, NULL, NULL, NULL, "fraud" },
    { "closed", "low", NULL, "2026-11-12T10:00:00Z", "2026-11-12T10:00:00Z",
      "2026-11-12T10:03:00Z", "2026-11-12T11:00:00Z", "2026-11-13T10:00:00Z",
      "2026-11-13T10:00:00Z", "true-positive", "intrusions" },
    { "closed", "low", NULL, NULL, "2026-11-13T10:00:00Z", "2026-11-13T10:04:00Z",
      "2026-11-13T09:00:00Z", "2026-11-14T10:00:00Z", "2026-11-14T12:00:00Z",
      "false-positive", NULL },
    { "classification", NULL, NULL, NULL, "2026-11-14T10:00:00Z", "2026-11-14T11:00:00Z",
      NULL, NULL, NULL, NULL, NULL },
    /* outside the period: ignored */
    { "investigation", "critical", NULL, "2026-10-01T00:00:00Z", "2026-10-31T23:59:59Z",
      "2026-11-01T00:00:00Z", NULL, NULL, NULL, NULL, NULL },
    { "investigation", "critical", NULL, NULL, "2026-12-01T00:00:00Z", NULL, NULL, NULL, NULL,
      NULL, NULL },
    /* no detection time: belongs to no period */
    { "classification", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    add_incident (store, &rows[i]);

  m = compute (store, "2026-11-01", "2026-11-30");
  g_assert_cmpint (m->incidents, ==, 5);
  g_assert_cmpint (m->closed, ==, 2);

  /* to acknowledge: 60, 120, 180, 240, 3600 s */
  g_assert_cmpint (m->durations[VIGIL_METRIC_ACKNOWLEDGE].count, ==, 5);
  g_assert_cmpint (m->durations[VIGIL_METRIC_ACKNOWLEDGE].missing, ==, 0);
  g_assert_cmpint (m->durations[VIGIL_METRIC_ACKNOWLEDGE].median, ==, 180);
  g_assert_cmpint (m->durations[VIGIL_METRIC_ACKNOWLEDGE].p90, ==, 3600);

  /* to detect: 3600, 1800, 0 (an instant detection is a real zero) */
  g_assert_cmpint (m->durations[VIGIL_METRIC_DETECT].count, ==, 3);
  g_assert_cmpint (m->durations[VIGIL_METRIC_DETECT].missing, ==, 2);
  g_assert_cmpint (m->durations[VIGIL_METRIC_DETECT].median, ==, 1800);
  g_assert_cmpint (m->durations[VIGIL_METRIC_DETECT].p90, ==, 3600);

  /* to contain: 7200 and 3600; one before detection is left out */
  g_assert_cmpint (m->durations[VIGIL_METRIC_CONTAIN].count, ==, 2);
  g_assert_cmpint (m->durations[VIGIL_METRIC_CONTAIN].missing, ==, 2);
  g_assert_cmpint (m->durations[VIGIL_METRIC_CONTAIN].inconsistent, ==, 1);
  g_assert_cmpint (m->durations[VIGIL_METRIC_CONTAIN].median, ==, 5400);
  g_assert_cmpint (m->durations[VIGIL_METRIC_CONTAIN].p90, ==, 7200);

  /* to resolve: one day each */
  g_assert_cmpint (m->durations[VIGIL_METRIC_RESOLVE].count, ==, 2);
  g_assert_cmpint (m->durations[VIGIL_METRIC_RESOLVE].missing, ==, 3);
  g_assert_cmpint (m->durations[VIGIL_METRIC_RESOLVE].median, ==, 86400);

  /* severity, outcome and category mix */
  g_assert_cmpint (m->by_severity[0], ==, 2);
  g_assert_cmpint (m->by_severity[2], ==, 2);
  g_assert_cmpint (m->by_severity[VIGIL_N_SEVERITIES], ==, 1);
  g_assert_cmpint (m->by_resolution[0], ==, 1);
  g_assert_cmpint (m->by_resolution[1], ==, 1);
  g_assert_cmpint (m->by_resolution[2], ==, 0);
  g_assert_cmpuint (m->by_category->len, ==, 2);
  g_assert_cmpstr (g_array_index (m->by_category, VigilCount, 0).key, ==, "fraud");
  g_assert_cmpint (g_array_index (m->by_category, VigilCount, 0).count, ==, 2);

  /* a one-day period holding one incident; the same figures from a second
   * call (cached statements are reset) */
  g_clear_pointer (&m, vigil_metrics_free);
  m = compute (store, "2026-11-12", "2026-11-12");
  g_assert_cmpint (m->incidents, ==, 1);
  g_assert_cmpint (m->durations[VIGIL_METRIC_ACKNOWLEDGE].median, ==, 180);
  g_assert_cmpint (m->durations[VIGIL_METRIC_ACKNOWLEDGE].p90, ==, 180);

  text = vigil_format_duration (3 * 3600 + 5 * 60);
  g_assert_cmpstr (text, ==, "3 h 05 min");
  g_clear_pointer (&text, g_free);
  text = vigil_format_duration (-1);
  g_assert_cmpstr (text, ==, "—");
}

static void
test_targets (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(VigilMetrics) m = NULL;
  g_auto(VigilPeriod) period = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) variant = NULL;
  VigilResponseTargets targets;
  const Row rows[] = {
    /* critical: acknowledge within 15 min */
    { "investigation", "critical", NULL, NULL, "2026-11-30T07:50:00Z", "2026-11-30T08:00:00Z",
      NULL, NULL, NULL, NULL, NULL },   /* met; contain breached (4 h 10 passed) */
    { "investigation", "critical", NULL, NULL, "2026-11-30T09:00:00Z", "2026-11-30T09:30:00Z",
      "2026-11-30T10:00:00Z", NULL, NULL, NULL, NULL },  /* breached; contain met */
    { "classification", "critical", NULL, NULL, "2026-11-30T11:55:00Z", NULL, NULL, NULL,
      NULL, NULL, NULL },  /* pending: 5 minutes old */
    { "classification", "critical", NULL, NULL, "2026-11-30T11:00:00Z", NULL, NULL, NULL,
      NULL, NULL, NULL },  /* breached: waiting for an hour */
    { "closed", "critical", NULL, NULL, "2026-11-29T11:00:00Z", "2026-11-29T11:05:00Z", NULL,
      "2026-11-29T12:00:00Z", "2026-11-29T12:00:00Z", "false-positive", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    add_incident (store, &rows[i]);

  variant = g_variant_ref_sink (g_variant_new_parsed (
    "{'critical': (uint32 15, uint32 240, uint32 1440), 'high': (60, 480, 4320)}"));
  vigil_metrics_targets_from_variant (&targets, variant);
  g_assert_cmpuint (targets.acknowledge[3], ==, 15);
  g_assert_cmpuint (targets.resolve[2], ==, 4320);
  g_assert_cmpuint (targets.acknowledge[0], ==, 0);

  vigil_period_init (&period, "2026-11-29", "2026-11-30", &error);
  m = vigil_store_compute_metrics (store, &period, &targets, &error);
  g_assert_no_error (error);

  g_assert_cmpint (m->targets[3][VIGIL_TARGET_ACKNOWLEDGE].met, ==, 2);
  g_assert_cmpint (m->targets[3][VIGIL_TARGET_ACKNOWLEDGE].breached, ==, 2);
  g_assert_cmpint (m->targets[3][VIGIL_TARGET_ACKNOWLEDGE].pending, ==, 1);
  /* contain: one met; the first open one is 4 h 10 old (breached), the two
   * unacknowledged ones within 4 h are pending; the closed false positive
   * was never contained and counts neither way */
  g_assert_cmpint (m->targets[3][VIGIL_TARGET_CONTAIN].met, ==, 1);
  g_assert_cmpint (m->targets[3][VIGIL_TARGET_CONTAIN].breached, ==, 1);
  g_assert_cmpint (m->targets[3][VIGIL_TARGET_CONTAIN].pending, ==, 2);
  g_assert_cmpint (m->targets[3][VIGIL_TARGET_RESOLVE].met, ==, 1);
  /* no target for low: nothing counted */
  g_assert_cmpint (m->targets[0][VIGIL_TARGET_ACKNOWLEDGE].met, ==, 0);
}

static void
test_where_and_workload (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(VigilMetrics) m = NULL;
  const VigilCount *c;
  gint64 a, b, d;
  Row row = { "investigation", "high", "l2", NULL, "2026-11-20T10:00:00Z", NULL, NULL, NULL,
              NULL, NULL, NULL };

  exec (store,
    "INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES"
    " (1, 'Finance', 'business', 'x', 'x'), (2, 'IT Operations', 'it', 'x', 'x');"
    "INSERT INTO people (id, name, team_id, email, created_at, updated_at) VALUES"
    " (1, 'Ada <CFO> & Co', 1, 'ada@example.org', 'x', 'x'),"
    " (2, 'Bob Analyst', 2, 'bob@example.org', 'x', 'x');"
    /* ERP: business owner in Finance; print server: owned by IT, no business owner */
    "INSERT INTO assets (id, name, owner_team_id, business_owner_id, criticality, created_at,"
    " updated_at) VALUES (1, 'ERP', 2, 1, 'critical', 'x', 'x'),"
    " (2, 'PRT01', 2, NULL, 'low', 'x', 'x'), (3, 'ERP-DB', 2, 1, 'critical', 'x', 'x');");

  a = add_incident (store, &row);
  b = add_incident (store, &row);
  row.tier = "l1";
  row.stage = "containment";
  row.severity = "critical";
  d = add_incident (store, &row);
  {
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO incident_assets (incident_id, asset_id) VALUES"
      " (%" G_GINT64_FORMAT ", 1), (%" G_GINT64_FORMAT ", 3), (%" G_GINT64_FORMAT ", 1),"
      " (%" G_GINT64_FORMAT ", 2);"
      "UPDATE incidents SET assignee_id = 2 WHERE id IN (%" G_GINT64_FORMAT ", %"
      G_GINT64_FORMAT ");", a, a, b, d, a, d);
    exec (store, sql);
  }
  exec (store,
    "INSERT INTO actions (incident_id, kind, title, status, created_at, updated_at) VALUES"
    " (1, 'countermeasure', 'Block', 'active', 'x', 'x'),"
    " (1, 'countermeasure', 'Isolate', 'removed', 'x', 'x'),"
    " (2, 'task', 'Look', 'todo', 'x', 'x');"
    "INSERT INTO detection_requests (what, status, actor, created_at, updated_at) VALUES"
    " ('rule 1', 'requested', 'a', 'x', 'x'), ('rule 2', 'accepted', 'a', 'x', 'x'),"
    " ('rule 3', 'deployed', 'a', 'x', 'x');");

  m = compute (store, "2026-11-01", "2026-11-30");

  /* Finance is hit by two incidents (one touches two of its assets) */
  g_assert_cmpuint (m->by_team->len, ==, 2);
  c = &g_array_index (m->by_team, VigilCount, 0);
  g_assert_cmpstr (c->label, ==, "Finance");
  g_assert_cmpint (c->count, ==, 2);
  c = &g_array_index (m->by_team, VigilCount, 1);
  g_assert_cmpstr (c->label, ==, "IT Operations");
  g_assert_cmpint (c->count, ==, 1);

  g_assert_cmpstr (g_array_index (m->by_criticality, VigilCount, 3).key, ==, "critical");
  g_assert_cmpint (g_array_index (m->by_criticality, VigilCount, 3).count, ==, 2);
  g_assert_cmpint (g_array_index (m->by_criticality, VigilCount, 0).count, ==, 1);

  g_assert_cmpuint (m->top_assets->len, ==, 3);
  g_assert_cmpstr (g_array_index (m->top_assets, VigilCount, 0).label, ==, "ERP");
  g_assert_cmpint (g_array_index (m->top_assets, VigilCount, 0).count, ==, 2);

  /* now: open by stage and severity, workload */
  g_assert_cmpint (m->open, ==, 3);
  g_assert_cmpint (m->open_by_stage_severity[VIGIL_STAGE_INVESTIGATION][2], ==, 2);
  g_assert_cmpint (m->open_by_stage_severity[VIGIL_STAGE_CONTAINMENT][3], ==, 1);
  g_assert_cmpint (m->open_by_tier[0], ==, 1);
  g_assert_cmpint (m->open_by_tier[1], ==, 2);
  g_assert_cmpuint (m->open_by_analyst->len, ==, 2);
  c = &g_array_index (m->open_by_analyst, VigilCount, 0);
  g_assert_cmpstr (c->label, ==, "Bob Analyst");
  g_assert_cmpint (c->count, ==, 2);
  c = &g_array_index (m->open_by_analyst, VigilCount, 1);
  g_assert_cmpint (c->id, ==, 0);
  g_assert_cmpint (c->count, ==, 1);
  g_assert_cmpint (m->active_countermeasures, ==, 1);
  g_assert_cmpint (m->open_detection_requests, ==, 2);
}

static void
test_weeks (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(VigilMetrics) m = NULL;
  const Row rows[] = {
    /* Sunday 15 Nov: week of 9 Nov; closed Monday 16 Nov */
    { "closed", "low", NULL, NULL, "2026-11-15T23:59:59Z", NULL, NULL, NULL,
      "2026-11-16T00:00:00Z", "benign", NULL },
    { "investigation", "low", NULL, NULL, "2026-11-16T00:00:00Z", NULL, NULL, NULL, NULL, NULL,
      NULL },
    { "investigation", "low", NULL, NULL, "2026-11-22T12:00:00Z", NULL, NULL, NULL, NULL, NULL,
      NULL },
    /* detected before the period, closed in it: counts as closed only */
    { "closed", "low", NULL, NULL, "2026-10-01T00:00:00Z", NULL, NULL, NULL,
      "2026-11-10T08:00:00Z", "duplicate", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    add_incident (store, &rows[i]);

  m = compute (store, "2026-11-09", "2026-11-22");
  g_assert_cmpuint (m->weeks->len, ==, 2);
  g_assert_cmpstr (g_array_index (m->weeks, VigilWeek, 0).week, ==, "2026-11-09");
  g_assert_cmpint (g_array_index (m->weeks, VigilWeek, 0).opened, ==, 1);
  g_assert_cmpint (g_array_index (m->weeks, VigilWeek, 0).closed, ==, 1);
  g_assert_cmpint (g_array_index (m->weeks, VigilWeek, 1).opened, ==, 2);
  g_assert_cmpint (g_array_index (m->weeks, VigilWeek, 1).closed, ==, 1);
  g_assert_cmpint (m->incidents, ==, 3);
  g_assert_cmpint (m->by_resolution[2], ==, 1);  /* benign */
  g_assert_cmpint (m->by_resolution[3], ==, 0);  /* the duplicate is outside */
}

/* Through the board's API: incidents moved with back-filled times. */
static void
test_moves (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(VigilMetrics) m = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilIncident) incident = NULL;
  VigilIncidentChanges changes = { 0, };
  VigilMoveDetails details = { 0, };
  gint64 id;

  changes.title = "Phishing wave";
  changes.severity = "high";
  changes.category = "fraud";
  changes.impact = 2;
  changes.urgency = 2;
  changes.occurred_at = "2026-11-20T09:00:00Z";
  changes.detected_at = "2026-11-20T09:20:00Z";
  incident = vigil_store_create_incident (store, &changes, &error);
  g_assert_no_error (error);
  id = vigil_incident_get_id (incident);

  details.at = "2026-11-20T09:50:00Z";
  vigil_store_move_incident (store, id, "investigation", &details, NULL, &error);
  g_assert_no_error (error);
  details.at = "2026-11-20T10:30:00Z";
  vigil_store_move_incident (store, id, "containment", &details, NULL, &error);
  g_assert_no_error (error);
  /* contained when it leaves Containment */
  details.at = "2026-11-20T11:20:00Z";
  vigil_store_move_incident (store, id, "resolution", &details, NULL, &error);
  g_assert_no_error (error);

  m = compute (store, "2026-11-20", "2026-11-20");
  g_assert_cmpint (m->incidents, ==, 1);
  g_assert_cmpint (m->durations[VIGIL_METRIC_DETECT].median, ==, 20 * 60);
  g_assert_cmpint (m->durations[VIGIL_METRIC_ACKNOWLEDGE].median, ==, 30 * 60);
  g_assert_cmpint (m->durations[VIGIL_METRIC_CONTAIN].median, ==, 2 * 3600);
  g_assert_cmpint (m->durations[VIGIL_METRIC_RESOLVE].count, ==, 0);
  g_assert_cmpint (m->durations[VIGIL_METRIC_RESOLVE].missing, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  vigil_test_init (&argc, &argv);
  vigil_time_set_now_override (NOW);

  g_test_add_func ("/vigil/metrics/period", test_period);
  g_test_add_func ("/vigil/metrics/empty", test_empty);
  g_test_add_func ("/vigil/metrics/durations", test_durations);
  g_test_add_func ("/vigil/metrics/targets", test_targets);
  g_test_add_func ("/vigil/metrics/where-and-workload", test_where_and_workload);
  g_test_add_func ("/vigil/metrics/weeks", test_weeks);
  g_test_add_func ("/vigil/metrics/moves", test_moves);

  return g_test_run ();
}
