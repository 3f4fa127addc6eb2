/* test-demo.c — the demo organisation and synthetic benchmark databases
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "vigil-archive.h"
#include "vigil-store-demo.h"
#include "vigil-test-util.h"

/* 2026-11-30T12:00:00Z: the demo is dated relative to "now", pinned here */
#define NOW_UNIX G_GINT64_CONSTANT (1796040000)
#define NOW_ISO "2026-11-30T12:00:00Z"

/* Helpers ------------------------------------------------------------------ */

/* The tests read the file through their own connection, as another program
 * would, so they see exactly what was committed. */
static sqlite3 *
open_db (VigilStore *store)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (vigil_store_get_path (store), &db,
                                    SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  return db;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_bind_text (stmt, 1, NOW_ISO, -1, SQLITE_STATIC);  /* ?1 is "now" where used */
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

#define assert_none(db, sql) \
  G_STMT_START { \
    gint64 n_ = query_int (db, sql); \
    if (n_ != 0) \
      g_error ("%" G_GINT64_FORMAT " rows break: %s", n_, sql); \
  } G_STMT_END

static VigilStore *
load (guint scale)
{
  g_autoptr(GError) error = NULL;
  VigilStore *store = vigil_test_store_new ();

  vigil_time_set_now_override (NOW_UNIX);
  g_assert_true (vigil_store_load_demo (store, scale, &error));
  g_assert_no_error (error);
  return store;
}

static void
changed_cb (VigilStore *store,
            const char *kind,
            gint64      id,
            GHashTable *seen)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, kind));

  g_assert_cmpint (id, ==, 0);
  g_hash_table_insert (seen, g_strdup (kind), GUINT_TO_POINTER (n + 1));
}

/* Checks shared by the demo and the synthetic database. */
static void
check_integrity (sqlite3 *db)
{
  static const char * const fts_tables[] = { "incidents", "people", "assets", "documents" };
  g_autofree char *integrity = query_text (db, "PRAGMA integrity_check");
  sqlite3_stmt *stmt = NULL;
  gint64 people;

  g_assert_cmpstr (integrity, ==, "ok");

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_error ("foreign key broken in %s (row %" G_GINT64_FORMAT ")",
             sqlite3_column_text (stmt, 0), (gint64) sqlite3_column_int64 (stmt, 1));
  sqlite3_finalize (stmt);

  /* reporting lines: walking up from anyone ends at a root, never in a loop */
  people = query_int (db, "SELECT count(*) FROM people");
  assert_none (db,
               "WITH RECURSIVE up (start, id, depth) AS ("
               "  SELECT id, manager_id, 1 FROM people WHERE manager_id IS NOT NULL"
               "  UNION ALL"
               "  SELECT up.start, p.manager_id, up.depth + 1 FROM up JOIN people p ON p.id = up.id"
               "  WHERE p.manager_id IS NOT NULL AND up.depth <= (SELECT count(*) FROM people))"
               "SELECT count(*) FROM up WHERE depth > (SELECT count(*) FROM people)");
  g_assert_cmpint (people, >, 0);

  /* one root inside the company: the CEO */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM people p JOIN teams t ON t.id = p.team_id "
                                  "WHERE p.manager_id IS NULL AND t.kind <> 'external'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM people p JOIN person_roles r "
                                  "ON r.person_id = p.id AND r.role = 'ceo' "
                                  "WHERE p.manager_id IS NULL"), ==, 1);
  /* external people report inside their own team, up to its lead */
  assert_none (db, "SELECT count(*) FROM people p JOIN teams t ON t.id = p.team_id "
                   "JOIN people m ON m.id = p.manager_id "
                   "WHERE t.kind = 'external' AND m.team_id <> p.team_id");
  assert_none (db, "SELECT count(*) FROM people p JOIN teams t ON t.id = p.team_id "
                   "JOIN people m ON m.id = p.manager_id "
                   "WHERE t.kind <> 'external' AND m.team_id IN "
                   "(SELECT id FROM teams WHERE kind = 'external')");
  /* every team has a lead who belongs to it */
  assert_none (db, "SELECT count(*) FROM teams t LEFT JOIN people p ON p.id = t.lead_id "
                   "WHERE p.id IS NULL OR p.team_id <> t.id");

  /* every asset has its owners and one address row per address */
  assert_none (db, "SELECT count(*) FROM assets WHERE owner_team_id IS NULL "
                   "OR tech_contact_id IS NULL OR business_owner_id IS NULL");
  assert_none (db, "SELECT count(*) FROM assets a WHERE "
                   "(length (a.addresses) - length (replace (a.addresses, ' ', '')) "
                   " + (a.addresses <> '')) "
                   "<> (SELECT count(*) FROM asset_addresses x WHERE x.asset_id = a.id)");
  assert_none (db, "SELECT count(*) FROM asset_addresses x JOIN assets a ON a.id = x.asset_id "
                   "WHERE instr (' ' || a.addresses || ' ', ' ' || x.address || ' ') = 0");

  /* incidents: the vocabulary's priority rule, closure, and times in order */
  assert_none (db, "SELECT count(*) FROM incidents WHERE impact IS NOT NULL "
                   "AND priority <> min (4, impact + urgency - 1)");
  assert_none (db, "SELECT count(*) FROM incidents WHERE stage = 'closed' "
                   "AND (resolution IS NULL OR summary = '')");
  assert_none (db, "SELECT count(*) FROM incidents WHERE "
                   "(stage <> 'classification' AND acknowledged_at IS NULL)"
                   " OR (stage = 'containment' AND contained_at IS NOT NULL)"
                   " OR (stage = 'resolution' AND (contained_at IS NULL OR resolved_at IS NOT NULL))"
                   " OR (stage <> 'closed' AND (closed_at IS NOT NULL OR resolved_at IS NOT NULL))"
                   " OR (stage = 'closed' AND (closed_at IS NULL OR resolved_at IS NULL))");
  assert_none (db, "SELECT count(*) FROM incidents WHERE "
                   "occurred_at > detected_at OR detected_at > created_at"
                   " OR acknowledged_at < detected_at OR contained_at < acknowledged_at"
                   " OR resolved_at < coalesce (contained_at, acknowledged_at)"
                   " OR closed_at < resolved_at OR updated_at < created_at"
                   " OR created_at > ?1 OR updated_at > ?1 OR closed_at > ?1"
                   " OR ref NOT GLOB 'INC-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]*'");
  /* references follow creation order within a year */
  assert_none (db, "SELECT count(*) FROM incidents a JOIN incidents b "
                   "ON substr (a.ref, 5, 4) = substr (b.ref, 5, 4) AND a.id < b.id "
                   "WHERE CAST (substr (a.ref, 10) AS INTEGER) "
                   "   >= CAST (substr (b.ref, 10) AS INTEGER)");

  /* history and timeline: each incident's steps, within its life */
  assert_none (db, "SELECT count(*) FROM incidents i WHERE NOT EXISTS "
                   "(SELECT 1 FROM stage_history h WHERE h.incident_id = i.id "
                   " AND h.from_stage IS NULL AND h.to_stage = 'classification')");
  assert_none (db, "SELECT count(*) FROM incidents i WHERE i.stage <> "
                   "(SELECT to_stage FROM stage_history h WHERE h.incident_id = i.id "
                   " ORDER BY at DESC, id DESC LIMIT 1)");
  assert_none (db, "SELECT count(*) FROM stage_history h JOIN incidents i ON i.id = h.incident_id "
                   "WHERE h.at < i.created_at OR h.at > coalesce (i.closed_at, ?1)");
  assert_none (db, "SELECT count(*) FROM incidents i WHERE NOT EXISTS "
                   "(SELECT 1 FROM timeline t WHERE t.incident_id = i.id AND t.kind = 'created')");
  assert_none (db, "SELECT count(*) FROM timeline t JOIN incidents i ON i.id = t.incident_id "
                   "WHERE t.at < i.created_at OR t.at > coalesce (i.closed_at, ?1)");

  /* full text: each index agrees with its content, and the incidents' rows
   * hold what the triggers write (a bulk load writes them its own way) */
  for (guint i = 0; i < G_N_ELEMENTS (fts_tables); i++)
    {
      g_autofree char *check = g_strdup_printf ("INSERT INTO %s_fts (%s_fts) "
                                                "VALUES ('integrity-check')",
                                                fts_tables[i], fts_tables[i]);
      g_autofree char *count = g_strdup_printf ("SELECT (SELECT count(*) FROM %s) - "
                                                "(SELECT count(*) FROM %s_fts)",
                                                fts_tables[i], fts_tables[i]);
      g_assert_cmpint (sqlite3_exec (db, check, NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (query_int (db, count), ==, 0);
    }
  assert_none (db, "SELECT count(*) FROM incidents i LEFT JOIN incidents_fts f ON f.rowid = i.id "
                   "WHERE f.rowid IS NULL OR f.ref IS NOT i.ref OR f.title IS NOT i.title "
                   "OR f.description IS NOT i.description OR f.observables IS NOT coalesce "
                   "((SELECT group_concat (value, ' ') FROM observables o "
                   "  WHERE o.incident_id = i.id), '')");

  /* alerts */
  assert_none (db, "SELECT count(*) FROM alerts WHERE first_seen > last_seen OR last_seen > ?1");
  assert_none (db, "SELECT count(*) FROM alerts WHERE (status IN ('promoted', 'merged')) "
                   "<> (incident_id IS NOT NULL)");
  assert_none (db, "SELECT count(*) FROM alerts WHERE (status = 'dismissed') "
                   "<> (dismiss_reason IS NOT NULL)");
}

/* Tests -------------------------------------------------------------------- */

static void
test_demo_counts (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  const char *archive_dir = vigil_store_get_archive_dir (store);
  static const char * const kinds[] = {
    VIGIL_KIND_INCIDENT, VIGIL_KIND_ALERT, VIGIL_KIND_PERSON, VIGIL_KIND_TEAM,
    VIGIL_KIND_ASSET, VIGIL_KIND_DOCUMENT, VIGIL_KIND_ACTION, VIGIL_KIND_CONTACT,
    VIGIL_KIND_OBSERVABLE, VIGIL_KIND_DETECTION,
  };
  static const char * const roles[] = {
    "ceo", "ciso", "cio", "soc-l1", "soc-l2", "soc-l3", "csirt", "dpo", "it-ops", "network",
  };
  static const char * const media_types[] = {
    "text/markdown", "image/svg+xml", "application/pdf", "text/plain",
  };
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  guint n_documents = 0;

  vigil_time_set_now_override (NOW_UNIX);
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), seen);
  g_assert_true (vigil_store_load_demo (store, 0, &error));
  g_assert_no_error (error);

  /* one "many changed" per kind, after the commit */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (seen, kinds[i])), ==, 1);

  db = open_db (store);

  /* the organisation */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM people"), >=, 60);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM teams"), >=, 8);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM teams WHERE kind = 'security'"), >=, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM teams WHERE kind = 'it'"), >=, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM teams WHERE kind = 'business'"), >=, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM teams WHERE kind = 'external'"), >=, 1);
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM person_roles "
                                              "WHERE role = '%s'", roles[i]);
      g_assert_cmpint (query_int (db, sql), >=, 1);
    }
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM people WHERE on_call = 1"), >=, 3);
  assert_none (db, "SELECT count(*) FROM people WHERE email NOT LIKE '%_@_%.example' "
                   "OR phone IS NULL OR (phone NOT LIKE '+44 161 496 0___' "
                   "AND phone NOT LIKE '+44 20 7946 0___' AND phone NOT LIKE '+33 1 99 00 __ __')");

  /* the inventory */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM assets"), >=, 40);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM asset_dependencies"), >=, 40);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT kind) FROM asset_dependencies"), ==, 3);

  /* the archive: every file exists and is named by the SHA-256 of its bytes */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sha256, size, media_type FROM documents",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *sha256 = (const char *) sqlite3_column_text (stmt, 0);
      const char *media_type = (const char *) sqlite3_column_text (stmt, 2);
      g_autofree char *path = vigil_archive_path (archive_dir, sha256);
      g_autofree char *contents = NULL;
      g_autofree char *actual = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_assert_no_error (error);
      actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
      g_assert_cmpstr (actual, ==, sha256);
      g_assert_cmpint ((gint64) length, ==, sqlite3_column_int64 (stmt, 1));
      if (g_str_equal (media_type, "application/pdf"))
        g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      if (g_str_equal (media_type, "image/svg+xml"))
        g_assert_nonnull (strstr (contents, "<text"));
      n_documents++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n_documents, >=, 8);
  for (guint i = 0; i < G_N_ELEMENTS (media_types); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM documents "
                                              "WHERE media_type = '%s'", media_types[i]);
      g_assert_cmpint (query_int (db, sql), >=, 1);
    }
  assert_none (db, "SELECT count(*) FROM documents WHERE text_status <> 'done'");
  /* their text is searchable, the PDF's too */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM documents_fts WHERE documents_fts "
                                  "MATCH 'ransomware'"), >=, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM documents d JOIN documents_fts f "
                                  "ON f.rowid = d.id WHERE documents_fts MATCH 'scrubbing' "
                                  "AND d.media_type = 'application/pdf'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM document_links "
                                  "WHERE incident_id IS NOT NULL"), >=, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM document_links "
                                  "WHERE asset_id IS NOT NULL"), >=, 8);

  /* incidents in every stage, most of them closed */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM incidents"), >=, 30);
  g_assert_cmpint (query_int (db, "SELECT min (n) FROM (SELECT count(*) AS n FROM incidents "
                                  "GROUP BY stage) HAVING count(*) = 5"), >=, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM incidents WHERE stage = 'closed'"), >,
                   query_int (db, "SELECT max (n) FROM (SELECT count(*) AS n FROM incidents "
                                  "WHERE stage <> 'closed' GROUP BY stage)"));
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT resolution) FROM incidents"), ==, 4);
  /* the open ones are recent, so the board looks alive */
  assert_none (db, "SELECT count(*) FROM incidents WHERE stage <> 'closed' "
                   "AND detected_at < strftime ('%Y-%m-%dT%H:%M:%SZ', ?1, '-14 days')");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM incidents WHERE detected_at < "
                                  "strftime ('%Y-%m-%dT%H:%M:%SZ', ?1, '-90 days')"), >=, 1);

  /* what the incidents carry */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT kind) FROM timeline"), >=, 7);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM incident_assets"), >=, 30);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT status) FROM actions "
                                  "WHERE kind = 'countermeasure'"), >=, 2);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT status) FROM actions "
                                  "WHERE kind = 'task'"), >=, 3);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT cm_type) FROM actions"), >=, 4);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM contacts WHERE follow_up_done = 0 "
                                  "AND follow_up_at < ?1"), >=, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM contacts WHERE follow_up_done = 0 "
                                  "AND follow_up_at > ?1"), >=, 1);
  assert_none (db, "SELECT count(*) FROM contacts c JOIN incidents i ON i.id = c.incident_id "
                   "WHERE i.stage = 'closed' AND c.follow_up_at IS NOT NULL "
                   "AND c.follow_up_done = 0");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM observables "
                                  "WHERE incident_id IS NOT NULL"), >=, 30);
  assert_none (db, "SELECT count(*) FROM observables WHERE type = 'ip' AND ioc = 1 AND NOT "
                   "(value LIKE '192.0.2.%' OR value LIKE '198.51.100.%' "
                   "OR value LIKE '203.0.113.%')");
  assert_none (db, "SELECT count(*) FROM observables WHERE type = 'sha256' "
                   "AND length (value) <> 64");
  assert_none (db, "SELECT count(*) FROM observables WHERE type = 'domain' "
                   "AND value NOT LIKE '%.example'");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM detection_requests"), >=, 3);

  /* the alert queue */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM alerts"), >=, 200);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT source) FROM alerts WHERE source IN "
                                  "('suricata', 'wazuh', 'thehive', 'zeek', 'misp')"), ==, 5);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM alerts WHERE status = 'new'"), >=, 40);
  /* most incidents come from an alert; a few from phone calls and emails */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM alerts WHERE status = 'promoted'"), >=,
                   query_int (db, "SELECT count(*) FROM incidents") * 3 / 4);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM alerts WHERE status = 'merged'"), >=, 5);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM alerts WHERE status = 'dismissed'"), >=, 40);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM alerts WHERE count > 1"), >=, 40);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM alerts WHERE asset_id IS NOT NULL"), >=, 150);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM observables WHERE alert_id IS NOT NULL"),
                   >=, 30);

  sqlite3_close (db);
}

static void
test_demo_integrity (void)
{
  g_autoptr(VigilStore) store = load (0);
  sqlite3 *db = open_db (store);

  check_integrity (db);
  /* the demo's people: unique names, emails derived from them */
  assert_none (db, "SELECT count(*) FROM (SELECT name FROM people GROUP BY name "
                   "HAVING count(*) > 1)");
  sqlite3_close (db);
}

static void
test_demo_not_empty (void)
{
  static const char * const tables[] = {
    "teams", "people", "person_roles", "assets", "asset_addresses", "asset_dependencies",
    "incidents", "stage_history", "timeline", "incident_assets", "actions", "contacts",
    "observables", "alerts", "detection_requests", "documents", "document_links",
    "ref_counters",
  };
  g_autoptr(VigilStore) store = load (0);
  g_autoptr(VigilStore) other = vigil_test_store_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  gint64 before[G_N_ELEMENTS (tables)];
  sqlite3 *db = open_db (store);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      before[i] = query_int (db, sql);
    }

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), seen);
  g_assert_false (vigil_store_load_demo (store, 0, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "new database"));
  g_clear_error (&error);
  g_assert_false (vigil_store_load_demo (store, 100, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_cmpuint (g_hash_table_size (seen), ==, 0);
  g_assert_false (vigil_store_in_transaction (store));
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      g_assert_cmpint (query_int (db, sql), ==, before[i]);
    }
  sqlite3_close (db);

  /* one record of any kind is enough to refuse */
  db = open_db (other);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO teams (name, created_at, updated_at) "
                                     "VALUES ('Blue team', '" NOW_ISO "', '" NOW_ISO "')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (vigil_store_load_demo (other, 0, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM people"), ==, 0);
  sqlite3_close (db);
}

static void
test_demo_deterministic (void)
{
  static const char *sql =
    "SELECT (SELECT group_concat (ref || title || stage || detected_at || updated_at, '|') "
    "        FROM (SELECT * FROM incidents ORDER BY id))"
    " || (SELECT group_concat (dedup_key || status || last_seen, '|') "
    "     FROM (SELECT * FROM alerts ORDER BY id))"
    " || (SELECT group_concat (sha256, '|') FROM (SELECT * FROM documents ORDER BY id))"
    " || (SELECT group_concat (name || coalesce (email, '') || coalesce (manager_id, ''), '|') "
    "     FROM (SELECT * FROM people ORDER BY id))";
  g_autoptr(VigilStore) a = load (0);
  g_autoptr(VigilStore) b = load (0);
  sqlite3 *db_a = open_db (a);
  sqlite3 *db_b = open_db (b);
  g_autofree char *text_a = query_text (db_a, sql);
  g_autofree char *text_b = query_text (db_b, sql);

  g_assert_nonnull (text_a);
  g_assert_cmpstr (text_a, ==, text_b);
  sqlite3_close (db_a);
  sqlite3_close (db_b);
}

static void
test_demo_scale (void)
{
  const gint64 n = 2000;
  g_autoptr(VigilStore) store = load ((guint) n);
  sqlite3 *db = open_db (store);
  gint64 open;

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM incidents"), ==, n);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM people"), ==, MAX (60, n / 20));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM teams WHERE kind <> 'external'"), ==,
                   MAX (8, MAX (60, n / 20) / 12));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM teams WHERE kind = 'external'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM assets"), ==, MAX (40, n / 5));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM alerts"), ==, 2 * n);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM observables"), ==, n);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM incident_assets"), ==, n);

  /* about one in ten open, in every open stage */
  open = query_int (db, "SELECT count(*) FROM incidents WHERE stage <> 'closed'");
  g_assert_cmpint (open, >=, n / 20);
  g_assert_cmpint (open, <=, n * 3 / 20);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT stage) FROM incidents"), ==, 5);

  /* two or three steps of history, two to four timeline rows each (a new,
   * untouched incident has its one history row) */
  assert_none (db, "SELECT count(*) FROM (SELECT count(*) AS n, i.stage FROM incidents i "
                   "JOIN stage_history h ON h.incident_id = i.id GROUP BY i.id) "
                   "WHERE n > 3 OR (n < 2 AND stage <> 'classification')");
  assert_none (db, "SELECT count(*) FROM (SELECT count(*) AS n FROM timeline "
                   "GROUP BY incident_id) WHERE n < 2 OR n > 4");
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT incident_id) FROM timeline"), ==, n);

  /* an observable finds its incident */
  {
    g_autofree char *value = query_text (db, "SELECT value FROM observables "
                                             "WHERE type = 'domain' ORDER BY id DESC LIMIT 1");
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM incidents_fts "
                                            "WHERE incidents_fts MATCH '\"%s\"'", value);
    g_assert_nonnull (value);
    g_assert_cmpint (query_int (db, sql), >=, 1);
  }

  /* a reporting tree a few levels deep */
  g_assert_cmpint (query_int (db,
                              "WITH RECURSIVE down (id, depth) AS ("
                              "  SELECT id, 1 FROM people WHERE manager_id IS NULL"
                              "  UNION ALL"
                              "  SELECT p.id, down.depth + 1 FROM people p"
                              "  JOIN down ON p.manager_id = down.id)"
                              "SELECT max (depth) FROM down"), >=, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person_roles WHERE role LIKE 'soc-%'"),
                   >=, 3);

  check_integrity (db);
  sqlite3_close (db);
}

/* The archive the demo writes its documents into. */
static void
test_demo_archive (void)
{
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autofree char *archive = g_build_filename (dir, "documents", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("runbook\n", 8);
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = vigil_archive_store_bytes (archive, bytes, &error);
  g_autofree char *again = NULL;
  g_autofree char *repaired = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_assert_cmpstr (sha256, ==, expected);
  g_assert_true (vigil_archive_is_sha256 (sha256));
  g_assert_false (vigil_archive_is_sha256 ("ABC"));

  /* <archive>/<first two hex digits>/<sha256>, private */
  path = vigil_archive_path (archive, sha256);
  g_assert_true (g_str_has_suffix (path, sha256));
  g_assert_true (strstr (path, "/documents/") != NULL);
  g_assert_cmpint (path[strlen (path) - 65], ==, '/');
  g_assert_cmpint (strncmp (path + strlen (path) - 67, sha256, 2), ==, 0);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (archive, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* the same bytes again: the same name, the file untouched */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  again = vigil_archive_store_bytes (archive, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, sha256);

  /* a damaged copy (wrong size) is replaced */
  g_assert_true (g_file_set_contents (path, "run", 3, &error));
  repaired = vigil_archive_store_bytes (archive, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (repaired, ==, sha256);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "runbook\n");
}

int
main (int   argc,
      char *argv[])
{
  vigil_test_init (&argc, &argv);

  g_test_add_func ("/vigil/demo/counts", test_demo_counts);
  g_test_add_func ("/vigil/demo/integrity", test_demo_integrity);
  g_test_add_func ("/vigil/demo/not-empty", test_demo_not_empty);
  g_test_add_func ("/vigil/demo/deterministic", test_demo_deterministic);
  g_test_add_func ("/vigil/demo/scale", test_demo_scale);
  g_test_add_func ("/vigil/demo/archive", test_demo_archive);

  return g_test_run ();
}
