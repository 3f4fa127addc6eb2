/* test-incidents.c — creating, changing, moving, undoing, escalating, filtering
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-store-private.h"
#include "vigil-test-util.h"
#include "vigil-workflow.h"

#define NOW 1796040000  /* 2026-11-30T12:00:00Z */

static VigilStore *
new_store (void)
{
  VigilStore *store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;

  vigil_time_set_now_override (NOW);
  vigil_store_set_actor (store, "Ada Analyst");
  g_assert_true (vigil_store_exec (store,
    "INSERT INTO people (id, name, title, email, created_at, updated_at) VALUES "
    "(1, 'Ada Analyst', 'SOC L2', 'ada@example.org', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    "(2, 'Bob Builder', 'Sysadmin', 'bob@example.org', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
    "INSERT INTO assets (id, name, hostname, created_at, updated_at) VALUES "
    "(1, 'Mail gateway', 'mx1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    "(2, 'ERP', 'erp01', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');", &error));
  g_assert_no_error (error);
  return store;
}

static VigilIncident *
add (VigilStore *store,
     const char *title,
     const char *severity,
     const char *category)
{
  g_autoptr(GError) error = NULL;
  VigilIncidentChanges ch = { .title = title, .severity = severity, .category = category };
  VigilIncident *inc = vigil_store_create_incident (store, &ch, &error);

  g_assert_no_error (error);
  g_assert_nonnull (inc);
  return inc;
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
test_create (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) assets = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(VigilIncident) inc = NULL;
  gint64 a = 2;
  VigilIncidentChanges ch = {
    .title = "Phishing wave", .description = "Credential harvesting", .severity = "high",
    .impact = 1, .urgency = 2, .category = "fraud", .tlp = "red", .tier = "l2",
    .assignee_email = "BOB@example.org", .detected_at = "2026-11-30T10:00:00+01:00",
    .asset_ids = assets,
  };

  g_array_append_val (assets, a);
  inc = vigil_store_create_incident (store, &ch, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vigil_incident_get_ref (inc), ==, "INC-2026-0001");
  g_assert_cmpstr (vigil_incident_get_stage (inc), ==, "classification");
  g_assert_cmpint (vigil_incident_get_priority (inc), ==, 2);
  g_assert_cmpstr (vigil_incident_get_assignee_name (inc), ==, "Bob Builder");
  g_assert_cmpstr (vigil_incident_get_detected_at (inc), ==, "2026-11-30T09:00:00Z");
  /* high: acknowledge within 60 minutes of detection */
  g_assert_cmpstr (vigil_incident_get_due_at (inc), ==, "2026-11-30T10:00:00Z");
  g_assert_cmpint (count (store, "SELECT count(*) FROM incident_assets WHERE asset_id = 2"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM timeline WHERE kind = 'created'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM stage_history WHERE from_stage IS NULL"), ==, 1);

  /* bad input: nothing is written */
  ch = (VigilIncidentChanges) { .title = "x", .severity = "huge" };
  g_assert_null (vigil_store_create_incident (store, &ch, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  ch = (VigilIncidentChanges) { .title = "x", .assignee_email = "nobody@example.org" };
  g_assert_null (vigil_store_create_incident (store, &ch, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ch = (VigilIncidentChanges) { .title = "  " };
  g_assert_null (vigil_store_create_incident (store, &ch, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM incidents"), ==, 1);
}

static void
test_literal_titles (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(GString) big = g_string_new (NULL);
  const char *markup = "<b>&amp; <span foreground=\"red\">שלום 🔥</span>";
  g_autoptr(VigilIncident) a = add (store, markup, NULL, NULL);
  g_autoptr(VigilIncident) b = NULL;
  g_autoptr(VigilIncident) again = NULL;

  for (guint i = 0; i < 1024; i++)
    g_string_append (big, "0123456789");
  b = add (store, big->str, NULL, NULL);
  again = vigil_store_get_incident (store, vigil_incident_get_id (b), NULL);
  g_assert_cmpstr (vigil_incident_get_title (a), ==, markup);
  g_assert_cmpuint (strlen (vigil_incident_get_title (again)), ==, 10240);
}

static void
test_update (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(VigilIncident) inc = add (store, "Scan", NULL, NULL);
  g_autoptr(VigilIncident) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = vigil_incident_get_id (inc);
  guint n = 0;
  VigilIncidentChanges ch = { .title = "Port scan", .severity = "medium", .impact = 3,
                              .urgency = 3, .assignee_id = 1 };

  g_assert_true (vigil_store_update_incident (store, id, &ch, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 6);  /* title, severity, impact, urgency, priority, assignee */
  after = vigil_store_get_incident (store, id, NULL);
  g_assert_cmpint (vigil_incident_get_priority (after), ==, 4);
  g_assert_cmpstr (vigil_incident_get_assignee_name (after), ==, "Ada Analyst");
  g_assert_nonnull (vigil_incident_get_due_at (after));
  g_assert_cmpint (count (store, "SELECT count(*) FROM timeline WHERE kind = 'field' "
                                 "AND field = 'title' AND before = 'Scan' AND after = 'Port scan' "
                                 "AND actor = 'Ada Analyst'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM timeline WHERE kind = 'field' "
                                 "AND field = 'severity' AND before IS NULL AND after = 'medium'"), ==, 1);

  /* the same again changes nothing and writes nothing */
  g_assert_true (vigil_store_update_incident (store, id, &ch, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM timeline WHERE kind = 'field'"), ==, 6);

  /* clearing */
  ch = (VigilIncidentChanges) { .severity = "", .assignee_id = -1 };
  g_assert_true (vigil_store_update_incident (store, id, &ch, &n, &error));
  g_assert_cmpuint (n, ==, 2);
  g_clear_object (&after);
  after = vigil_store_get_incident (store, id, NULL);
  g_assert_null (vigil_incident_get_severity (after));
  g_assert_cmpint (vigil_incident_get_assignee_id (after), ==, 0);
  g_assert_null (vigil_incident_get_due_at (after));
}

static void
test_move_rules (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(VigilIncident) inc = add (store, "Malware on a laptop", NULL, NULL);
  g_autoptr(VigilIncident) now = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = vigil_incident_get_id (inc);
  VigilIncidentChanges ch = { .severity = "critical", .category = "malicious-code" };
  VigilMoveDetails close = { .resolution = "true-positive", .summary = "Reimaged." };

  /* refused: no severity/category; nothing changes */
  g_assert_false (vigil_store_move_incident (store, id, "investigation", NULL, NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "severity"));
  g_clear_error (&error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM stage_history"), ==, 1);

  g_assert_true (vigil_store_update_incident (store, id, &ch, NULL, &error));
  g_assert_true (vigil_store_move_incident (store, id, "investigation", NULL, NULL, &error));
  g_assert_no_error (error);
  now = vigil_store_get_incident (store, id, NULL);
  g_assert_cmpstr (vigil_incident_get_stage (now), ==, "investigation");
  g_assert_cmpstr (vigil_incident_get_acknowledged_at (now), ==, "2026-11-30T12:00:00Z");
  g_assert_null (vigil_incident_get_contained_at (now));
  /* critical: contain within 240 minutes */
  g_assert_cmpstr (vigil_incident_get_due_at (now), ==, "2026-11-30T16:00:00Z");
  g_assert_cmpint (count (store, "SELECT count(*) FROM stage_history WHERE from_stage = "
                                 "'classification' AND to_stage = 'investigation' "
                                 "AND actor = 'Ada Analyst'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM timeline WHERE kind = 'stage'"), ==, 1);

  /* closing needs a resolution and a summary */
  g_assert_false (vigil_store_move_incident (store, id, "closed", NULL, NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED);
  g_clear_error (&error);
  close.at = "2026-11-30T13:30:00Z";
  g_assert_true (vigil_store_move_incident (store, id, "closed", &close, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&now);
  now = vigil_store_get_incident (store, id, NULL);
  g_assert_cmpstr (vigil_incident_get_closed_at (now), ==, "2026-11-30T13:30:00Z");
  g_assert_cmpstr (vigil_incident_get_contained_at (now), ==, "2026-11-30T13:30:00Z");
  g_assert_cmpstr (vigil_incident_get_resolution (now), ==, "true-positive");
  g_assert_cmpstr (vigil_incident_get_summary (now), ==, "Reimaged.");
  g_assert_null (vigil_incident_get_due_at (now));
  g_assert_cmpint (count (store, "SELECT count(*) FROM stage_history WHERE at = "
                                 "'2026-11-30T13:30:00Z'"), ==, 1);

  /* reopening needs a reason, and clears the later stage times */
  g_assert_false (vigil_store_move_incident (store, id, "investigation", NULL, NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "reason"));
  g_clear_error (&error);
  close = (VigilMoveDetails) { .reason = "Beaconing again" };
  g_assert_true (vigil_store_move_incident (store, id, "investigation", &close, NULL, &error));
  g_clear_object (&now);
  now = vigil_store_get_incident (store, id, NULL);
  g_assert_null (vigil_incident_get_closed_at (now));
  g_assert_null (vigil_incident_get_contained_at (now));
  g_assert_nonnull (vigil_incident_get_acknowledged_at (now));
  g_assert_cmpint (count (store, "SELECT count(*) FROM stage_history WHERE reason = "
                                 "'Beaconing again'"), ==, 1);

  /* unknown stage */
  g_assert_false (vigil_store_move_incident (store, id, "done", NULL, NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  /* same stage: nothing */
  g_assert_true (vigil_store_move_incident (store, id, "investigation", NULL, NULL, &error));
  g_assert_cmpint (count (store, "SELECT count(*) FROM stage_history"), ==, 4);
}

static void
test_undo (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(VigilIncident) inc = add (store, "DDoS", "high", "availability");
  g_autoptr(VigilIncident) now = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = vigil_incident_get_id (inc);
  VigilMoveDetails close = { .resolution = "benign", .summary = "Load test." };
  gint64 move = 0, move2 = 0;

  g_assert_true (vigil_store_move_incident (store, id, "closed", &close, &move, &error));
  g_assert_cmpint (move, >, 0);
  g_assert_true (vigil_store_undo_move (store, move, &error));
  g_assert_no_error (error);
  now = vigil_store_get_incident (store, id, NULL);
  g_assert_cmpstr (vigil_incident_get_stage (now), ==, "classification");
  g_assert_null (vigil_incident_get_closed_at (now));
  g_assert_null (vigil_incident_get_acknowledged_at (now));
  g_assert_null (vigil_incident_get_resolution (now));
  g_assert_cmpstr (vigil_incident_get_due_at (now), ==, vigil_incident_get_due_at (inc));
  g_assert_cmpint (count (store, "SELECT count(*) FROM stage_history WHERE reason = 'Undo' "
                                 "AND from_stage = 'closed' AND to_stage = 'classification'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM timeline WHERE kind = 'stage' "
                                 "AND summary LIKE 'Undid%'"), ==, 1);

  /* undone once only */
  g_assert_false (vigil_store_undo_move (store, move, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a move followed by another cannot be undone */
  g_assert_true (vigil_store_move_incident (store, id, "investigation", NULL, &move, &error));
  g_assert_true (vigil_store_move_incident (store, id, "containment", NULL, &move2, &error));
  g_assert_false (vigil_store_undo_move (store, move, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (vigil_store_undo_move (store, move2, &error));
  g_clear_object (&now);
  now = vigil_store_get_incident (store, id, NULL);
  g_assert_cmpstr (vigil_incident_get_stage (now), ==, "investigation");
}

static void
test_escalate (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(VigilIncident) inc = add (store, "Ransomware", "critical", "malicious-code");
  g_autoptr(VigilIncident) now = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = vigil_incident_get_id (inc);

  g_assert_true (vigil_store_escalate_incident (store, id, "l2", "Spreading", &error));
  g_assert_no_error (error);
  g_assert_false (vigil_store_escalate_incident (store, id, "l1", "Oops", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (vigil_store_escalate_incident (store, id, "l3", NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_true (vigil_store_escalate_incident (store, id, "csirt", "National CERT", &error));
  now = vigil_store_get_incident (store, id, NULL);
  g_assert_cmpstr (vigil_incident_get_tier (now), ==, "csirt");
  g_assert_cmpint (count (store, "SELECT count(*) FROM timeline WHERE kind = 'escalation'"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM timeline WHERE kind = 'escalation' "
                                 "AND before = 'l2' AND after = 'csirt' "
                                 "AND summary LIKE '%National CERT'"), ==, 1);
}

typedef struct
{
  guint emissions, position, removed, added;
} Emission;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Emission   *e)
{
  e->emissions++;
  e->position = position;
  e->removed = removed;
  e->added = added;
}

static GObject *
load_cb (gpointer user_data,
         gint64   id)
{
  return G_OBJECT (vigil_store_get_incident (user_data, id, NULL));
}

static void
refresh (VigilStore      *store,
         VigilRecordList *list,
         const char      *stage)
{
  g_autoptr(GArray) ids = vigil_store_filter_incident_ids (store, stage, NULL, NULL);
  vigil_record_list_set_ids (list, (gint64 *) ids->data, ids->len);
}

static void
test_columns_items_changed (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(VigilRecordList) cls = vigil_record_list_new (VIGIL_TYPE_INCIDENT, load_cb, store, NULL);
  g_autoptr(VigilRecordList) inv = vigil_record_list_new (VIGIL_TYPE_INCIDENT, load_cb, store, NULL);
  Emission ec = { 0 }, ei = { 0 };
  gint64 ids[6];
  int pos;

  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(VigilIncident) inc = add (store, "Incident", i % 2 ? "high" : "low", "other");
      ids[i] = vigil_incident_get_id (inc);
    }
  g_assert_true (vigil_store_move_incident (store, ids[0], "investigation", NULL, NULL, NULL));
  g_assert_true (vigil_store_move_incident (store, ids[2], "investigation", NULL, NULL, NULL));
  refresh (store, cls, "classification");
  refresh (store, inv, "investigation");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cls)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (inv)), ==, 2);

  g_signal_connect (cls, "items-changed", G_CALLBACK (items_changed_cb), &ec);
  g_signal_connect (inv, "items-changed", G_CALLBACK (items_changed_cb), &ei);
  pos = vigil_record_list_find (cls, ids[3]);
  vigil_time_set_now_override (NOW + 60);
  g_assert_true (vigil_store_move_incident (store, ids[3], "investigation", NULL, NULL, NULL));
  refresh (store, cls, "classification");
  refresh (store, inv, "investigation");
  g_assert_cmpuint (ec.emissions, ==, 1);
  g_assert_cmpuint (ec.position, ==, (guint) pos);
  g_assert_cmpuint (ec.removed, ==, 1);
  g_assert_cmpuint (ec.added, ==, 0);
  g_assert_cmpuint (ei.emissions, ==, 1);
  g_assert_cmpuint (ei.position, ==, 0);  /* high, most recently changed: on top */
  g_assert_cmpuint (ei.removed, ==, 0);
  g_assert_cmpuint (ei.added, ==, 1);
  g_assert_cmpint (vigil_record_list_find (inv, ids[3]), ==, 0);
}

static void
test_fts_prefix (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(VigilIncident) a = add (store, "Phishing campaign against finance", "high", "fraud");
  g_autoptr(VigilIncident) b = add (store, "Ransomware on file server", "critical", "malicious-code");
  g_autoptr(VigilIncident) c = add (store, "Phone scam", "low", "fraud");
  g_autoptr(GError) error = NULL;
  struct { const char *text; guint n; } cases[] = {
    { "p", 3 }, { "ph", 2 }, { "phi", 1 }, { "phishing", 1 }, { "PHISH fin", 1 },
    { "ransom", 1 }, { "inc-2026", 3 }, { "INC-2026-0002", 1 }, { "zzz", 0 },
    /* FTS5 syntax in user text is just text */
    { "\"", 3 }, { "ph*", 2 }, { "NOT", 0 }, { "AND OR (", 0 }, { "title:ph", 0 },
    { "^ph", 2 }, { "-", 3 }, { "ph\" OR \"ra", 0 }, { "NEAR(ph ra)", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VigilIncidentFilter) f = vigil_incident_filter_new ();
      g_autoptr(GArray) ids = NULL;
      f->text = g_strdup (cases[i].text);
      ids = vigil_store_filter_incident_ids (store, NULL, f, &error);
      g_assert_no_error (error);
      if (ids->len != cases[i].n)
        g_error ("“%s”: %u matches, expected %u", cases[i].text, ids->len, cases[i].n);

      /* the board's columns (index order, then one FTS query narrowing
       * them) and their first windows agree with the sorted query */
      {
        GArray *board[VIGIL_N_STAGES], *window[VIGIL_N_STAGES];
        gint64 counts[VIGIL_N_STAGES];
        guint n = 0;

        g_assert_true (vigil_store_filter_board_ids (store, f, board, &error));
        g_assert_no_error (error);
        g_assert_true (vigil_store_filter_board_window (store, f, 1, window, counts, &error));
        g_assert_no_error (error);
        for (guint s = 0; s < VIGIL_N_STAGES; s++)
          {
            g_autoptr(GArray) col = vigil_store_filter_incident_ids (store, vigil_stage_key (s), f, &error);
            g_assert_no_error (error);
            g_assert_cmpmem (board[s]->data, board[s]->len * sizeof (gint64),
                             col->data, col->len * sizeof (gint64));
            g_assert_cmpint (counts[s], ==, col->len);
            g_assert_cmpuint (window[s]->len, ==, MIN (col->len, 1));
            g_assert_cmpmem (window[s]->data, window[s]->len * sizeof (gint64),
                             col->data, window[s]->len * sizeof (gint64));
            n += board[s]->len;
            g_array_unref (board[s]);
            g_array_unref (window[s]);
          }
        g_assert_cmpuint (n, ==, cases[i].n);
      }
    }

  {
    g_autofree char *q = vigil_fts5_prefix_query ("ab\"cd e ef*");
    g_autofree char *rtl = vigil_fts5_prefix_query ("שלום");
    g_assert_cmpstr (q, ==, "\"ab\"* AND \"cd\"* AND \"ef\"*");
    g_assert_cmpstr (rtl, ==, "\"שלום\"*");
    g_assert_null (vigil_fts5_prefix_query (" -*\" "));
  }
}

static void
test_filter (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(VigilIncident) a = add (store, "Phishing", "high", "fraud");
  g_autoptr(VigilIncident) b = add (store, "Ransomware", "critical", "malicious-code");
  g_autoptr(VigilIncident) c = add (store, "Old scam", "low", "fraud");
  g_autoptr(VigilIncidentFilter) f = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *text = NULL;
  VigilIncidentChanges ch = { .assignee_id = 1, .tier = "l2", .tlp = "red" };
  VigilMoveDetails close = { .resolution = "duplicate", .summary = "Dup", .at = "2026-09-01T00:00:00Z" };
  gint64 counts[5];

  g_assert_true (vigil_store_update_incident (store, vigil_incident_get_id (a), &ch, NULL, NULL));
  g_assert_true (vigil_store_move_incident (store, vigil_incident_get_id (c), "closed", &close,
                                            NULL, NULL));

  f = vigil_incident_filter_parse ("severity:high tier:l2 phish", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (f->severity, ==, "high");
  g_assert_cmpstr (f->tier, ==, "l2");
  g_assert_cmpstr (f->text, ==, "phish");
  ids = vigil_store_filter_incident_ids (store, NULL, f, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  text = vigil_incident_filter_to_string (f);
  g_assert_cmpstr (text, ==, "severity:high tier:l2 phish");
  g_clear_pointer (&f, vigil_incident_filter_free);
  g_clear_pointer (&ids, g_array_unref);

  f = vigil_incident_filter_parse ("stage:closed", 1, &error);
  ids = vigil_store_filter_incident_ids (store, NULL, f, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  ids = vigil_store_filter_incident_ids (store, "classification", f, &error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&f, vigil_incident_filter_free);
  g_clear_pointer (&ids, g_array_unref);

  f = vigil_incident_filter_parse ("mine tlp:RED", 1, &error);
  ids = vigil_store_filter_incident_ids (store, NULL, f, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&f, vigil_incident_filter_free);
  g_clear_pointer (&ids, g_array_unref);

  f = vigil_incident_filter_parse ("severity:huge", 1, &error);
  g_assert_null (f);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);

  /* overdue: critical in classification, 15 minutes to acknowledge */
  f = vigil_incident_filter_parse ("is:overdue", 0, &error);
  ids = vigil_store_filter_incident_ids (store, NULL, f, &error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  vigil_time_set_now_override (NOW + 20 * 60);
  ids = vigil_store_filter_incident_ids (store, NULL, f, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, vigil_incident_get_id (b));
  g_clear_pointer (&f, vigil_incident_filter_free);
  g_clear_pointer (&ids, g_array_unref);

  /* closed within 30 days: the one closed in September is hidden */
  f = vigil_incident_filter_new ();
  f->closed_days = 30;
  ids = vigil_store_filter_incident_ids (store, "closed", f, &error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  f->closed_days = 0;
  ids = vigil_store_filter_incident_ids (store, "closed", f, &error);
  g_assert_cmpuint (ids->len, ==, 1);

  f->category = g_strdup ("fraud");
  g_assert_true (vigil_store_count_incidents_by_stage (store, f, counts, &error));
  g_assert_cmpint (counts[VIGIL_STAGE_CLASSIFICATION], ==, 1);
  g_assert_cmpint (counts[VIGIL_STAGE_CLOSED], ==, 1);
  g_assert_cmpint (counts[VIGIL_STAGE_INVESTIGATION], ==, 0);
}

static void
test_pickers (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(GPtrArray) people = vigil_store_list_person_choices (store, NULL, 0, NULL);
  g_autoptr(GPtrArray) bobs = vigil_store_list_person_choices (store, "bo", 10, NULL);
  g_autoptr(GPtrArray) assets = vigil_store_list_asset_choices (store, "mx", 10, NULL);
  g_autofree char *name = vigil_store_dup_person_name (store, 2);

  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpuint (bobs->len, ==, 1);
  g_assert_cmpstr (((VigilChoice *) bobs->pdata[0])->key, ==, "bob@example.org");
  g_assert_cmpuint (assets->len, ==, 1);
  g_assert_cmpstr (name, ==, "Bob Builder");
  g_assert_cmpint (vigil_store_find_person_by_email (store, "ADA@example.org", NULL), ==, 1);
  g_assert_cmpint (vigil_store_find_person_by_email (store, "x@y", NULL), ==, 0);
}

static void
test_history (void)
{
  g_autoptr(VigilStore) store = new_store ();
  g_autoptr(VigilIncident) inc = add (store, "History", "low", "other");
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  gint64 id = vigil_incident_get_id (inc);
  VigilStageChange *c;

  g_assert_true (vigil_store_move_incident (store, id, "investigation", NULL, NULL, NULL));
  history = vigil_store_list_stage_history (store, id, NULL);
  timeline = vigil_store_list_incident_timeline (store, id, NULL);
  g_assert_cmpuint (history->len, ==, 2);
  c = history->pdata[1];
  g_assert_cmpstr (c->from_stage, ==, "classification");
  g_assert_cmpstr (c->to_stage, ==, "investigation");
  g_assert_cmpstr (c->actor, ==, "Ada Analyst");
  g_assert_cmpuint (timeline->len, ==, 2);
  g_assert_cmpstr (((VigilTimelineRow *) timeline->pdata[0])->kind, ==, "created");
  g_assert_cmpstr (((VigilTimelineRow *) timeline->pdata[1])->kind, ==, "stage");
}

int
main (int argc, char **argv)
{
  vigil_test_init (&argc, &argv);
  g_test_add_func ("/vigil/incidents/create", test_create);
  g_test_add_func ("/vigil/incidents/literal-titles", test_literal_titles);
  g_test_add_func ("/vigil/incidents/update", test_update);
  g_test_add_func ("/vigil/incidents/move-rules", test_move_rules);
  g_test_add_func ("/vigil/incidents/undo", test_undo);
  g_test_add_func ("/vigil/incidents/escalate", test_escalate);
  g_test_add_func ("/vigil/incidents/columns-items-changed", test_columns_items_changed);
  g_test_add_func ("/vigil/incidents/fts-prefix", test_fts_prefix);
  g_test_add_func ("/vigil/incidents/filter", test_filter);
  g_test_add_func ("/vigil/incidents/pickers", test_pickers);
  g_test_add_func ("/vigil/incidents/history", test_history);
  return g_test_run ();
}
