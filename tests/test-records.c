/* test-records.c — actions, countermeasures, contacts and follow-ups,
 * observables and sharing, affected assets, notes and the timeline
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "vigil-store-private.h"
#include "vigil-observable.h"
#include "vigil-store-detection.h"
#include "vigil-store-records.h"
#include "vigil-test-util.h"

#define NOW 1796040000  /* 2026-11-30T12:00:00Z */

static VigilStore *
new_store (void)
{
  VigilStore *store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;

  vigil_time_set_now_override (NOW);
  vigil_store_set_actor (store, "Ada Analyst");
  g_assert_true (vigil_store_exec (store,
    "INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES "
    "(1, 'SOC', 'security', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    "(2, 'IT Operations', 'it', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    "(3, 'Finance', 'business', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
    "INSERT INTO people (id, name, title, email, phone, team_id, manager_id, created_at, updated_at) VALUES "
    "(1, 'Ada Analyst', 'SOC L2', 'ada@example.org', '+44 1', 1, NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    "(2, 'Ivy Ops', 'IT lead', 'ivy@example.org', '+44 2', 2, NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    "(3, 'Bob Builder', 'Sysadmin', 'bob@example.org', '+44 3', 2, 2, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    "(4, 'Fay Finance', 'Controller', 'fay@example.org', '+44 4', 3, NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
    "INSERT INTO assets (id, name, hostname, criticality, tech_contact_id, business_owner_id, "
    "owner_team_id, created_at, updated_at) VALUES "
    "(1, 'ERP', 'erp01', 'critical', 3, 4, 2, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    "(2, 'Printer', 'prn01', 'low', NULL, NULL, NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
    "INSERT INTO incidents (id, ref, title, description, tlp, created_at, updated_at) VALUES "
    "(1, 'INC-2026-0001', 'Phishing wave', 'Mail from evil@bad.example to finance, "
    "link hxxp://bad[.]example/x and 203.0.113.9', 'amber', '2026-11-30T10:00:00Z', '2026-11-30T10:00:00Z'),"
    "(2, 'INC-2026-0002', 'Older case', '', 'green', '2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z');"
    "INSERT INTO alerts (id, source, dedup_key, title, first_seen, last_seen, created_at, updated_at) VALUES "
    "(1, 'suricata', 'k1', 'ET POLICY bad', '2026-11-30T09:00:00Z', '2026-11-30T09:00:00Z', "
    "'2026-11-30T09:00:00Z', '2026-11-30T09:00:00Z');", &error));
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
test_tasks (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  VigilActionSpec spec = { .title = "Reset the finance passwords", .owner_team = "IT Operations",
                           .owner_email = "BOB@example.org", .due_at = "2026-12-01T09:00:00+01:00",
                           .stage = "containment" };
  gint64 timeline0 = count (store, "SELECT count(*) FROM timeline");
  gint64 id;
  VigilAction *a;

  id = vigil_store_add_action (store, 1, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  a = vigil_store_get_action (store, id, &error);
  g_assert_cmpstr (a->status, ==, "todo");
  g_assert_cmpstr (a->owner_team_name, ==, "IT Operations");
  g_assert_cmpstr (a->owner_name, ==, "Bob Builder");
  g_assert_cmpstr (a->due_at, ==, "2026-12-01T08:00:00Z");
  vigil_action_free (a);
  g_assert_cmpint (count (store, "SELECT count(*) FROM timeline"), ==, timeline0 + 1);

  g_assert_true (vigil_store_set_action_status (store, id, "done", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM timeline WHERE field = 'status' "
                          "AND before = 'todo' AND after = 'done'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM actions WHERE done_at IS NOT NULL"), ==, 1);
  /* back to in progress is allowed for a task */
  g_assert_true (vigil_store_set_action_status (store, id, "in-progress", &error));
  g_assert_cmpint (count (store, "SELECT count(*) FROM actions WHERE done_at IS NOT NULL"), ==, 0);

  /* refusals write nothing */
  timeline0 = count (store, "SELECT count(*) FROM timeline");
  g_assert_false (vigil_store_set_action_status (store, id, "active", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  spec.owner_email = "nobody@example.org";
  g_assert_cmpint (vigil_store_add_action (store, 1, &spec, &error), <, 0);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "nobody@example.org"));
  g_clear_error (&error);
  spec.owner_email = NULL;
  spec.due_at = "tomorrow-ish";
  g_assert_cmpint (vigil_store_add_action (store, 1, &spec, &error), <, 0);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  spec.due_at = NULL;
  spec.title = "  ";
  g_assert_cmpint (vigil_store_add_action (store, 1, &spec, &error), <, 0);
  g_clear_error (&error);
  spec.title = "x";
  g_assert_cmpint (vigil_store_add_action (store, 99, &spec, &error), <, 0);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM timeline"), ==, timeline0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM actions"), ==, 1);

  /* update: one timeline row per changed field */
  {
    VigilActionSpec change = { .title = "Reset all finance passwords", .owner_team = "SOC" };
    g_assert_true (vigil_store_update_action (store, id, &change, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (store, "SELECT count(*) FROM timeline"), ==, timeline0 + 2);
  }
  list = vigil_store_list_actions (store, 1, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
}

static void
test_countermeasures (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  VigilActionSpec spec = { .kind = "countermeasure", .title = "Block bad.example",
                           .cm_type = "block", .applied_to = "Proxy", .applied_by = "Ivy" };
  gint64 id = vigil_store_add_action (store, 1, &spec, &error);

  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM actions WHERE status = 'pending' "
                          "AND cm_type = 'block' AND applied_to = 'Proxy'"), ==, 1);
  /* skip and step back are refused */
  g_assert_false (vigil_store_set_action_status (store, id, "removed", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (vigil_store_set_action_status (store, id, "done", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_true (vigil_store_set_action_status (store, id, "active", &error));
  g_assert_cmpint (vigil_store_count_active_countermeasures (store, 1), ==, 1);
  g_assert_false (vigil_store_set_action_status (store, id, "pending", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_true (vigil_store_set_action_status (store, id, "removed", &error));
  g_assert_cmpint (vigil_store_count_active_countermeasures (store, 1), ==, 0);

  /* a task has no countermeasure fields; an unknown type is refused */
  {
    VigilActionSpec bad = { .title = "x", .cm_type = "block" };
    g_assert_cmpint (vigil_store_add_action (store, 1, &bad, &error), <, 0);
    g_clear_error (&error);
    bad.kind = "countermeasure";
    bad.cm_type = "nuke";
    g_assert_cmpint (vigil_store_add_action (store, 1, &bad, &error), <, 0);
    g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  }
}

static void
test_contacts (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) log = NULL;
  VigilContactSpec bob = { .person_email = "bob@example.org", .channel = "phone",
                           .at = "2026-11-30T08:00:00Z", .summary = "Asked to isolate erp01",
                           .follow_up_at = "2026-11-30T11:00:00Z" };  /* overdue at NOW */
  VigilContactSpec team = { .team = "Finance", .channel = "email", .at = "2026-11-30T09:00:00Z",
                            .summary = "Warned the team", .follow_up_at = "2026-12-02T09:00:00Z" };
  VigilContactSpec other = { .team = "IT Operations", .channel = "chat",
                             .at = "2026-11-30T09:30:00Z", .summary = "FYI",
                             .follow_up_at = "2026-12-01T09:00:00Z" };
  gint64 id;

  g_assert_cmpint (vigil_store_add_contact (store, 1, &bob, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (vigil_store_add_contact (store, 1, &team, &error), >, 0);
  g_assert_cmpint (vigil_store_add_contact (store, 2, &other, &error), >, 0);
  g_assert_no_error (error);

  followups = vigil_store_list_followups (store, FALSE, &error);
  g_assert_cmpuint (followups->len, ==, 3);
  /* overdue first, then by due time */
  g_assert_true (((VigilContact *) followups->pdata[0])->overdue);
  g_assert_cmpstr (((VigilContact *) followups->pdata[0])->person_email, ==, "bob@example.org");
  g_assert_cmpstr (((VigilContact *) followups->pdata[0])->incident_ref, ==, "INC-2026-0001");
  g_assert_false (((VigilContact *) followups->pdata[1])->overdue);
  g_assert_cmpstr (((VigilContact *) followups->pdata[1])->follow_up_at, ==, "2026-12-01T09:00:00Z");
  overdue = vigil_store_list_followups (store, TRUE, &error);
  g_assert_cmpuint (overdue->len, ==, 1);

  /* the next contact with Bob closes his follow-up, not Finance's */
  {
    VigilContactSpec again = { .person_id = 3, .channel = "phone", .summary = "Done" };
    g_autoptr(GPtrArray) after = NULL;
    id = vigil_store_add_contact (store, 1, &again, &error);
    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
    after = vigil_store_list_followups (store, FALSE, &error);
    g_assert_cmpuint (after->len, ==, 2);
    g_assert_cmpint (count (store, "SELECT count(*) FROM timeline WHERE kind = 'contact' "
                            "AND field = 'follow_up_done'"), ==, 1);
  }
  /* a contact with a member of Finance closes the team follow-up */
  {
    VigilContactSpec fay = { .person_email = "fay@example.org", .channel = "meeting",
                             .summary = "Call-back" };
    g_autoptr(GPtrArray) after = NULL;
    g_assert_cmpint (vigil_store_add_contact (store, 1, &fay, &error), >, 0);
    after = vigil_store_list_followups (store, FALSE, &error);
    g_assert_cmpuint (after->len, ==, 1);
    g_assert_cmpstr (((VigilContact *) after->pdata[0])->incident_ref, ==, "INC-2026-0002");
  }
  /* closing by hand */
  {
    g_autoptr(GPtrArray) after = vigil_store_list_followups (store, FALSE, &error);
    g_assert_true (vigil_store_close_followup (store, ((VigilContact *) after->pdata[0])->id,
                                               &error));
    g_assert_false (vigil_store_close_followup (store, ((VigilContact *) after->pdata[0])->id,
                                                &error));
    g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* refusals */
  {
    VigilContactSpec bad = { .person_email = "ghost@example.org", .channel = "phone" };
    gint64 before = count (store, "SELECT count(*) FROM contacts");
    g_assert_cmpint (vigil_store_add_contact (store, 1, &bad, &error), <, 0);
    g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
    g_clear_error (&error);
    bad.person_email = "bob@example.org";
    bad.channel = "pigeon";
    g_assert_cmpint (vigil_store_add_contact (store, 1, &bad, &error), <, 0);
    g_clear_error (&error);
    bad.channel = "phone";
    bad.follow_up_at = "2026-13-45";
    g_assert_cmpint (vigil_store_add_contact (store, 1, &bad, &error), <, 0);
    g_clear_error (&error);
    bad.follow_up_at = "2026-11-01T00:00:00Z";  /* before the contact */
    g_assert_cmpint (vigil_store_add_contact (store, 1, &bad, &error), <, 0);
    g_clear_error (&error);
    bad.person_email = NULL;
    bad.follow_up_at = NULL;
    g_assert_cmpint (vigil_store_add_contact (store, 1, &bad, &error), <, 0);
    g_clear_error (&error);
    g_assert_cmpint (count (store, "SELECT count(*) FROM contacts"), ==, before);
  }

  log = vigil_store_list_contacts (store, 1, &error);
  g_assert_cmpuint (log->len, ==, 4);
}

static void
test_observables (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shared = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  gint64 id;

  id = vigil_store_add_observable (store, 1, "ip", "203.0.113.9", TRUE, NULL, "C2", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  /* the incident's TLP by default */
  g_assert_cmpint (count (store, "SELECT count(*) FROM observables WHERE tlp = 'amber' AND ioc = 1"),
                   ==, 1);
  /* the same value in another incident and in an alert */
  g_assert_cmpint (vigil_store_add_observable (store, 2, "ip", " 203.0.113[.]9 ", FALSE, "green",
                                               NULL, &error), >, 0);
  g_assert_true (vigil_store_exec (store, "INSERT INTO observables (alert_id, type, value, "
                                   "created_at) VALUES (1, 'ip', '203.0.113.9', "
                                   "'2026-11-30T09:00:00Z')", &error));
  /* an alert's addresses are implicit ip observables */
  g_assert_true (vigil_store_exec (store, "INSERT INTO alerts (id, source, dedup_key, title, "
                                   "dst_addr, first_seen, last_seen, created_at, updated_at) "
                                   "VALUES (2, 'zeek', 'k2', 'conn', '203.0.113.9', "
                                   "'2026-11-30T09:00:00Z', '2026-11-30T09:00:00Z', "
                                   "'2026-11-30T09:00:00Z', '2026-11-30T09:00:00Z')", &error));
  g_assert_no_error (error);
  shared = vigil_store_find_shared (store, "ip", "203.0.113.9", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shared->len, ==, 3);
  list = vigil_store_list_observables (store, 1, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((VigilObservable *) list->pdata[0])->n_shared, ==, 3);

  /* duplicates and invalid values are refused, nothing written */
  g_assert_cmpint (vigil_store_add_observable (store, 1, "ip", "203.0.113.9", FALSE, NULL, NULL,
                                               &error), <, 0);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (vigil_store_add_observable (store, 1, "ip", "999.1.1.1", FALSE, NULL, NULL,
                                               &error), <, 0);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_cmpint (vigil_store_add_observable (store, 1, "sha256", "abc", FALSE, NULL, NULL,
                                               &error), <, 0);
  g_clear_error (&error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM observables"), ==, 3);

  /* suggestions from the description and notes, minus what is there */
  g_assert_cmpint (vigil_store_add_note (store, 1, "Seen beacon to cdn.bad.example", NULL,
                                         &error), >, 0);
  suggestions = vigil_store_suggest_observables (store, 1, &error);
  g_assert_no_error (error);
  {
    gboolean email = FALSE, url = FALSE, ip = FALSE, cdn = FALSE;
    for (guint i = 0; i < suggestions->len; i++)
      {
        VigilObservableSuggestion *s = suggestions->pdata[i];
        email |= g_str_equal (s->value, "evil@bad.example");
        url |= g_str_equal (s->value, "http://bad.example/x");
        ip |= g_str_equal (s->value, "203.0.113.9");
        cdn |= g_str_equal (s->value, "cdn.bad.example");
      }
    g_assert_true (email && url && cdn);
    g_assert_false (ip);
  }

  /* update and remove write the timeline */
  g_assert_true (vigil_store_update_observable (store, id, FALSE, "red", "not C2", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM timeline WHERE kind = 'observable' "
                          "AND incident_id = 1"), ==, 4);
  g_assert_true (vigil_store_remove_observable (store, id, &error));
  g_assert_cmpint (count (store, "SELECT count(*) FROM observables WHERE incident_id = 1"), ==, 0);
}

/* The shared-value lookup as it was before it named its indexes: the
 * reference its results must equal, row for row. */
static const char reference_find_sql[] =
  "SELECT coalesce(o.incident_id, 0), coalesce(o.alert_id, 0), i.ref, i.title, i.stage, "
  "coalesce(a.source_ref, a.source || ' #' || a.id), a.title, a.status "
  "FROM observables o LEFT JOIN incidents i ON i.id = o.incident_id "
  "LEFT JOIN alerts a ON a.id = o.alert_id "
  "WHERE o.type = ?1 AND o.value = ?2 AND (o.incident_id IS NULL OR o.incident_id <> ?3) "
  "AND (a.incident_id IS NULL OR a.incident_id <> ?3) "
  "UNION ALL SELECT 0, a.id, NULL, NULL, NULL, "
  "coalesce(a.source_ref, a.source || ' #' || a.id), a.title, a.status "
  "FROM alerts a WHERE ?1 = 'ip' AND a.src_addr = ?2 "
  "AND (a.incident_id IS NULL OR a.incident_id <> ?3) "
  "UNION ALL SELECT 0, a.id, NULL, NULL, NULL, "
  "coalesce(a.source_ref, a.source || ' #' || a.id), a.title, a.status "
  "FROM alerts a WHERE ?1 = 'ip' AND a.dst_addr = ?2 AND a.src_addr IS NOT ?2 "
  "AND (a.incident_id IS NULL OR a.incident_id <> ?3) LIMIT 500";

static const char reference_count_sql[] =
  "SELECT o.id, (SELECT count(*) FROM (SELECT 1 FROM observables s "
  " LEFT JOIN alerts a ON a.id = s.alert_id "
  " WHERE s.type = o.type AND s.value = o.value AND s.id <> o.id "
  " AND (s.incident_id IS NULL OR s.incident_id <> o.incident_id) "
  " AND (a.incident_id IS NULL OR a.incident_id <> o.incident_id) LIMIT 1000)) + "
  "CASE WHEN o.type = 'ip' THEN (SELECT count(*) FROM (SELECT 1 "
  " FROM alerts a WHERE (a.src_addr = o.value OR a.dst_addr = o.value) "
  " AND (a.incident_id IS NULL OR a.incident_id <> o.incident_id) LIMIT 1000)) ELSE 0 END "
  "FROM observables o WHERE o.incident_id = ?1";

static int
cmp_strings (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* One line per sharer, deduplicated as vigil_store_find_shared does, sorted. */
static GPtrArray *
reference_shared (VigilStore *store,
                  const char *type,
                  const char *value,
                  gint64      incident_id)
{
  sqlite3 *db = vigil_store_get_db (store);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (db, reference_find_sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, incident_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 inc = sqlite3_column_int64 (stmt, 0), alert = sqlite3_column_int64 (stmt, 1);
      char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, inc,
                                   inc ? 0 : alert);
      int base = inc ? 2 : 5;

      if (!g_hash_table_add (seen, key))
        continue;
      g_ptr_array_add (out, g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                                             " %s|%s|%s", inc, alert,
                                             sqlite3_column_text (stmt, base),
                                             sqlite3_column_text (stmt, base + 1),
                                             sqlite3_column_text (stmt, base + 2)));
    }
  sqlite3_finalize (stmt);
  g_ptr_array_sort (out, cmp_strings);
  return out;
}

static GPtrArray *
lookup_lines (VigilStore *store,
              const char *type,
              const char *value,
              gint64      incident_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shared = vigil_store_find_shared (store, type, value, incident_id, &error);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < shared->len; i++)
    {
      VigilSharedRef *r = shared->pdata[i];
      g_ptr_array_add (out, g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                                             " %s|%s|%s", r->incident_id, r->alert_id,
                                             r->ref, r->title, r->stage));
    }
  g_ptr_array_sort (out, cmp_strings);
  return out;
}

/* Full scans made by the statements prepared on the store so far. */
static int
full_scan_steps (VigilStore *store)
{
  sqlite3 *db = vigil_store_get_db (store);
  int n = 0;

  for (sqlite3_stmt *s = sqlite3_next_stmt (db, NULL); s; s = sqlite3_next_stmt (db, s))
    n += sqlite3_stmt_status (s, SQLITE_STMTSTATUS_FULLSCAN_STEP, FALSE);
  return n;
}

/* Random incidents, alerts (most without addresses, some in incidents) and
 * observables of both: the lookup and the counts on the Observables section
 * equal the reference queries for every value and every viewing incident,
 * and never scan a whole table, whatever ANALYZE says about the addresses. */
static void
test_shared_reference (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  const char *ips[] = { "198.51.100.1", "198.51.100.2", "198.51.100.3", "2001:db8::7",
                        "203.0.113.9", "198.51.100.200" };
  const char *domains[] = { "bad.example", "cdn.bad.example", "mail.example.org" };
  guint compared = 0, with_alert_address = 0;

  vigil_store_begin (store, NULL);
  for (int i = 10; i < 16; i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO incidents (id, ref, title, stage, created_at, updated_at) VALUES "
        "(%d, 'INC-2026-%04d', 'Case <%d>', '%s', '2026-11-30T10:00:00Z', "
        "'2026-11-30T10:00:00Z')", i, i, i, i % 2 ? "investigation" : "containment");
      g_assert_true (vigil_store_exec (store, sql, &error));
    }
  for (int i = 10; i < 400; i++)
    {
      /* one alert in five has addresses: ANALYZE then sees mostly NULLs */
      gboolean addressed = i % 5 == 0;
      const char *src = addressed && g_rand_boolean (rand)
        ? ips[g_rand_int_range (rand, 0, G_N_ELEMENTS (ips))] : NULL;
      const char *dst = addressed ? ips[g_rand_int_range (rand, 0, G_N_ELEMENTS (ips))] : NULL;
      int incident = g_rand_int_range (rand, 0, 4) == 0 ? g_rand_int_range (rand, 10, 16) : 0;
      g_autofree char *in = incident ? g_strdup_printf ("%d", incident) : g_strdup ("NULL");
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO alerts (id, source, source_ref, dedup_key, title, status, src_addr, dst_addr, "
        "incident_id, first_seen, last_seen, created_at, updated_at) VALUES (%d, 'zeek', %s, "
        "'r%d', 'Alert %d', 'new', %s%s%s, %s%s%s, %s, '2026-11-30T09:00:00Z', "
        "'2026-11-30T09:00:00Z', '2026-11-30T09:00:00Z', '2026-11-30T09:00:00Z')",
        i, i % 3 ? "NULL" : "'ZK-' || abs(random() % 100)", i, i,
        src ? "'" : "", src ? src : "NULL", src ? "'" : "",
        dst ? "'" : "", dst ? dst : "NULL", dst ? "'" : "", in);
      g_assert_true (vigil_store_exec (store, sql, &error));
    }
  for (int i = 0; i < 300; i++)
    {
      gboolean ip = g_rand_boolean (rand);
      const char *value = ip ? ips[g_rand_int_range (rand, 0, G_N_ELEMENTS (ips))]
                             : domains[g_rand_int_range (rand, 0, G_N_ELEMENTS (domains))];
      gboolean of_alert = g_rand_int_range (rand, 0, 3) > 0;
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO observables (incident_id, alert_id, type, value, created_at) VALUES "
        "(%s, %s, '%s', '%s', '2026-11-30T09:00:00Z')",
        of_alert ? "NULL" : "abs(random() % 6) + 10", of_alert ? "abs(random() % 390) + 10" : "NULL",
        ip ? "ip" : "domain", value);
      g_assert_true (vigil_store_exec (store, sql, &error));
    }
  g_assert_no_error (error);
  vigil_store_commit (store, NULL);
  g_assert_true (vigil_store_exec (store, "ANALYZE", &error));

  for (int pass = 0; pass < 3; pass++)
    {
      for (guint v = 0; v < G_N_ELEMENTS (ips) + G_N_ELEMENTS (domains); v++)
        {
          gboolean ip = v < G_N_ELEMENTS (ips);
          const char *value = ip ? ips[v] : domains[v - G_N_ELEMENTS (ips)];

          for (gint64 incident = 0; incident < 17; incident++)
            {
              g_autoptr(GPtrArray) want = reference_shared (store, ip ? "ip" : "domain", value,
                                                            incident);
              g_autoptr(GPtrArray) got = lookup_lines (store, ip ? "ip" : "domain", value,
                                                       incident);

              g_ptr_array_sort (want, cmp_strings);
              g_assert_cmpuint (got->len, ==, want->len);
              for (guint k = 0; k < got->len; k++)
                {
                  g_assert_cmpstr (got->pdata[k], ==, want->pdata[k]);
                  with_alert_address += g_str_has_prefix (got->pdata[k], "0 ") &&
                                        strstr (got->pdata[k], "|new") != NULL;
                }
              compared += got->len;
            }
        }
      /* the counts shown on each incident's Observables section */
      for (gint64 incident = 10; incident < 16; incident++)
        {
          g_autoptr(GPtrArray) list = vigil_store_list_observables (store, incident, &error);
          g_autoptr(GHashTable) want = g_hash_table_new (g_int64_hash, g_int64_equal);
          sqlite3_stmt *stmt;
          g_autofree gint64 *ids = g_new0 (gint64, list->len);
          g_autofree int *counts = g_new0 (int, list->len);

          g_assert_no_error (error);
          g_assert_cmpint (sqlite3_prepare_v2 (vigil_store_get_db (store), reference_count_sql, -1,
                                               &stmt, NULL), ==, SQLITE_OK);
          sqlite3_bind_int64 (stmt, 1, incident);
          for (guint k = 0; sqlite3_step (stmt) == SQLITE_ROW; k++)
            {
              g_assert_cmpuint (k, <, list->len);
              ids[k] = sqlite3_column_int64 (stmt, 0);
              counts[k] = sqlite3_column_int (stmt, 1);
              g_hash_table_insert (want, &ids[k], &counts[k]);
            }
          sqlite3_finalize (stmt);
          g_assert_cmpuint (g_hash_table_size (want), ==, list->len);
          for (guint k = 0; k < list->len; k++)
            {
              VigilObservable *o = list->pdata[k];
              int *n = g_hash_table_lookup (want, &o->id);
              g_assert_nonnull (n);
              g_assert_cmpint (o->n_shared, ==, *n);
            }
        }
      g_assert_cmpint (full_scan_steps (store), ==, 0);
      /* again when no alert has a source address, then no destination:
       * ANALYZE then sees the column as one group of equal keys, the
       * planner prefers a scan to the index, and the lookup must not */
      if (pass == 0)
        g_assert_true (vigil_store_exec (store, "UPDATE alerts SET src_addr = NULL; ANALYZE",
                                         &error));
      else if (pass == 1)
        g_assert_true (vigil_store_exec (store, "UPDATE alerts SET src_addr = dst_addr, "
                                         "dst_addr = NULL; ANALYZE", &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (compared, >, 500);
  g_assert_cmpuint (with_alert_address, >, 20);
}

static void
test_assets (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  VigilAffectedAsset *erp;

  g_assert_true (vigil_store_add_affected_asset (store, 1, 2, NULL, NULL, &error));
  g_assert_true (vigil_store_add_affected_asset (store, 1, 1, "compromised", "ransom note",
                                                 &error));
  g_assert_no_error (error);
  g_assert_false (vigil_store_add_affected_asset (store, 1, 1, NULL, NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (vigil_store_add_affected_asset (store, 1, 2, "pwned", NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);

  list = vigil_store_list_affected_assets (store, 1, &error);
  g_assert_cmpuint (list->len, ==, 2);
  erp = list->pdata[0];  /* compromised first */
  g_assert_cmpstr (erp->name, ==, "ERP");
  g_assert_cmpstr (erp->status, ==, "compromised");
  g_assert_cmpstr (erp->tech.name, ==, "Bob Builder");
  g_assert_cmpstr (erp->tech.phone, ==, "+44 3");
  g_assert_cmpstr (erp->tech.team_name, ==, "IT Operations");
  g_assert_cmpstr (erp->tech.manager_name, ==, "Ivy Ops");
  g_assert_cmpstr (erp->business.name, ==, "Fay Finance");
  g_assert_cmpstr (erp->business.email, ==, "fay@example.org");
  g_assert_cmpint (((VigilAffectedAsset *) list->pdata[1])->tech.id, ==, 0);

  g_assert_true (vigil_store_set_affected_asset_status (store, 1, 2, "not-compromised", &error));
  g_assert_cmpint (count (store, "SELECT count(*) FROM timeline WHERE field = 'compromise' "
                          "AND before = 'tbd' AND after = 'not-compromised'"), ==, 1);
  g_assert_cmpint (vigil_store_find_asset_id (store, "erp01", &error), ==, 1);
  g_assert_cmpint (vigil_store_find_asset_id (store, "nothing", &error), <, 0);
  g_clear_error (&error);
}

static void
test_timeline (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) kinds = NULL;
  const char *only_notes[] = { "note", NULL };
  VigilActionSpec spec = { .title = "=HYPERLINK(\"x\") <b>&amp;</b>" };

  g_assert_cmpint (vigil_store_add_note (store, 1, "Call with the CFO, 日本語, \"quoted\"",
                                         "2026-11-29T18:00:00+02:00", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (vigil_store_add_note (store, 1, "bad time", "yesterday", &error), <, 0);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_cmpint (vigil_store_add_action (store, 1, &spec, &error), >, 0);

  all = vigil_store_list_timeline (store, 1, NULL, &error);
  g_assert_cmpuint (all->len, ==, 2);
  /* by event time: the back-dated note comes first */
  g_assert_cmpstr (((VigilTimelineEntry *) all->pdata[0])->kind, ==, "note");
  g_assert_cmpstr (((VigilTimelineEntry *) all->pdata[0])->at, ==, "2026-11-29T16:00:00Z");
  g_assert_cmpstr (((VigilTimelineEntry *) all->pdata[0])->actor, ==, "Ada Analyst");
  notes = vigil_store_list_timeline (store, 1, only_notes, &error);
  g_assert_cmpuint (notes->len, ==, 1);
  kinds = vigil_store_list_timeline_kinds (store, 1, &error);
  g_assert_cmpuint (g_strv_length (kinds), ==, 2);

  json = vigil_timeline_to_json (all);
  {
    g_autoptr(JsonNode) node = json_from_string (json, &error);
    JsonArray *array;
    g_assert_no_error (error);
    array = json_node_get_array (node);
    g_assert_cmpuint (json_array_get_length (array), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                    "summary"), ==,
                     "Call with the CFO, 日本語, \"quoted\"");
    g_assert_true (json_object_has_member (json_array_get_object_element (array, 1), "actor"));
  }
  csv = vigil_timeline_to_csv (all);
  g_assert_true (g_str_has_prefix (csv, "at,recorded_at,actor,kind,summary,field,before,after\r\n"));
  g_assert_nonnull (strstr (csv, "\"Call with the CFO, 日本語, \"\"quoted\"\"\""));
  /* a formula is kept as text */
  g_assert_nonnull (strstr (csv, "\"'=HYPERLINK"));
}

static void
test_detection (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 id;

  id = vigil_store_add_detection_request (store, 1, 0, 0, "SOC", "Logins from TOR exits",
                                          "VPN gateway", "Seen in INC-2026-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM timeline WHERE kind = 'detection'"), ==, 1);
  g_assert_false (vigil_store_set_detection_status (store, id, "deployed", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_true (vigil_store_set_detection_status (store, id, "accepted", &error));
  g_assert_true (vigil_store_set_detection_status (store, id, "deployed", &error));
  g_assert_false (vigil_store_set_detection_status (store, id, "rejected", &error));
  g_clear_error (&error);
  g_assert_false (vigil_store_set_detection_status (store, id, "maybe", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_cmpint (vigil_store_add_detection_request (store, 1, 0, 0, "Nobody", "x", NULL, NULL,
                                                      &error), <, 0);
  g_clear_error (&error);
  g_assert_cmpint (vigil_store_add_detection_request (store, 0, 1, 1, NULL, " ", NULL, NULL,
                                                      &error), <, 0);
  g_clear_error (&error);
  list = vigil_store_list_detection_requests (store, NULL, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((VigilDetectionRequest *) list->pdata[0])->status, ==, "deployed");
  g_assert_cmpstr (((VigilDetectionRequest *) list->pdata[0])->team_name, ==, "SOC");
  g_assert_cmpint (count (store, "SELECT count(*) FROM timeline WHERE kind = 'detection'"), ==, 3);
}

static void
changed_cb (VigilStore *store,
            const char *kind,
            gint64      id,
            guint      *n)
{
  (*n)++;
}

static void
test_signals (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  guint n_incident = 0, n_observable = 0;

  g_signal_connect (store, "changed::incident", G_CALLBACK (changed_cb), &n_incident);
  g_signal_connect (store, "changed::observable", G_CALLBACK (changed_cb), &n_observable);
  g_assert_cmpint (vigil_store_add_observable (store, 1, "domain", "bad.example", FALSE, NULL,
                                               NULL, &error), >, 0);
  g_assert_cmpuint (n_incident, ==, 1);
  g_assert_cmpuint (n_observable, ==, 1);
  /* a refused change emits nothing */
  g_assert_cmpint (vigil_store_add_observable (store, 1, "domain", "bad", FALSE, NULL, NULL,
                                               &error), <, 0);
  g_clear_error (&error);
  g_assert_cmpuint (n_incident, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  vigil_test_init (&argc, &argv);
  g_test_add_func ("/vigil/records/tasks", test_tasks);
  g_test_add_func ("/vigil/records/countermeasures", test_countermeasures);
  g_test_add_func ("/vigil/records/contacts", test_contacts);
  g_test_add_func ("/vigil/records/observables", test_observables);
  g_test_add_func ("/vigil/records/shared-reference", test_shared_reference);
  g_test_add_func ("/vigil/records/assets", test_assets);
  g_test_add_func ("/vigil/records/timeline", test_timeline);
  g_test_add_func ("/vigil/records/detection", test_detection);
  g_test_add_func ("/vigil/records/signals", test_signals);
  return g_test_run ();
}
