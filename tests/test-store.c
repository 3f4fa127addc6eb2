/* test-store.c — the store: create, migrate, refuse bad files, transactions, signals
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vigil-store-assets.h"
#include "vigil-store-documents.h"
#include "vigil-store-private.h"
#include "vigil-test-util.h"

#define NOW "2026-11-30T12:00:00Z"

typedef struct
{
  GPtrArray *kinds;
  GArray    *ids;
} Changes;

static void
changed_cb (VigilStore *store,
            const char *kind,
            gint64      id,
            Changes    *changes)
{
  g_ptr_array_add (changes->kinds, g_strdup (kind));
  g_array_append_val (changes->ids, id);
}

static Changes *
changes_new (void)
{
  Changes *c = g_new0 (Changes, 1);
  c->kinds = g_ptr_array_new_with_free_func (g_free);
  c->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return c;
}

static void
changes_free (Changes *c)
{
  g_ptr_array_unref (c->kinds);
  g_array_unref (c->ids);
  g_free (c);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Changes, changes_free)

static char *
pragma_text (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static gint64
add_team (VigilStore *store,
          const char *name,
          GError    **error)
{
  sqlite3_stmt *stmt = vigil_store_prepare (store,
                                            "INSERT INTO teams (name, kind, created_at, updated_at) "
                                            "VALUES (?1, 'security', ?2, ?2)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, NOW, -1, SQLITE_STATIC);
  if (!vigil_store_step_done (store, stmt, error))
    return 0;
  vigil_store_notify (store, VIGIL_KIND_TEAM, sqlite3_last_insert_rowid (vigil_store_get_db (store)));
  return sqlite3_last_insert_rowid (vigil_store_get_db (store));
}

static void
test_store_create (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  sqlite3 *db = vigil_store_get_db (store);
  g_autofree char *mode = pragma_text (db, "PRAGMA journal_mode");
  g_autofree char *fk = pragma_text (db, "PRAGMA foreign_keys");
  g_autofree char *appid = pragma_text (db, "PRAGMA application_id");
  g_autofree char *fts = pragma_text (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'incidents_fts'");
  VigilStats stats;

  g_assert_cmpint (vigil_store_get_schema_version (store), ==, VIGIL_SCHEMA_VERSION);
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpstr (fk, ==, "1");
  g_assert_cmpstr (appid, ==, "1447642956");
  g_assert_cmpstr (fts, ==, "1");
  g_assert_true (vigil_store_get_stats (store, &stats, NULL));
  g_assert_cmpint (stats.incidents, ==, 0);
  g_assert_true (g_str_has_suffix (vigil_store_get_archive_dir (store), "test.db-documents"));
}

static void
test_store_reopen (void)
{
  g_autofree char *path = vigil_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) a = vigil_store_open (path, VIGIL_STORE_OPEN_CREATE, &error);
  g_autoptr(VigilStore) b = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = add_team (a, "SOC", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_clear_object (&a);

  b = vigil_store_open (path, VIGIL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vigil_store_count (b, VIGIL_KIND_TEAM), ==, 1);
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

static void
assert_refused_unchanged (const char *path,
                          int         code)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_store_open (path, VIGIL_STORE_OPEN_CREATE, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (store);
  g_assert_error (error, VIGIL_ERROR, code);
  /* the message names the file */
  g_assert_nonnull (strstr (error->message, path));
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS) && code != VIGIL_ERROR_LOCKED);
}

static void
test_store_not_sqlite (void)
{
  g_autofree char *path = vigil_test_db_path ();

  g_assert_true (g_file_set_contents (path, "name,email\nAda,ada@example.org\n", -1, NULL));
  assert_refused_unchanged (path, VIGIL_ERROR_CORRUPT);
}

static void
test_store_other_sqlite (void)
{
  g_autofree char *path = vigil_test_db_path ();
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT); "
                                     "INSERT INTO recipes VALUES ('soup')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_unchanged (path, VIGIL_ERROR_CORRUPT);
}

static void
test_store_newer_schema (void)
{
  g_autofree char *path = vigil_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_store_open (path, VIGIL_STORE_OPEN_CREATE, &error);
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);

  /* as a future Vigil would leave it */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_unchanged (path, VIGIL_ERROR_NEWER_SCHEMA);
}

static void
test_store_missing (void)
{
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "nothing-here.db", NULL);
  g_autofree char *deep = g_build_filename (dir, "no", "such", "folder", "x.db", NULL);
  g_autofree char *under_file = g_build_filename (path, "x.db", NULL);
  g_autoptr(GError) error = NULL;
  VigilStore *store;

  store = vigil_store_open (path, VIGIL_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "vigilctl"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  store = vigil_store_open (deep, VIGIL_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_IO);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_remove (path);
  g_assert_true (g_file_set_contents (path, "x", 1, NULL));
  store = vigil_store_open (under_file, VIGIL_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_IO);
  g_clear_error (&error);

  store = vigil_store_open (dir, VIGIL_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_IO);
}

static void
test_store_readonly (void)
{
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "ro.db", NULL);
  g_autofree char *in_ro_dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autofree char *rodir = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root can write to read-only files");
      return;
    }

  store = vigil_store_open (path, VIGIL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  assert_refused_unchanged (path, VIGIL_ERROR_IO);

  rodir = g_build_filename (dir, "ro", NULL);
  g_assert_cmpint (g_mkdir (rodir, 0555), ==, 0);
  in_ro_dir = g_build_filename (rodir, "new.db", NULL);
  store = vigil_store_open (in_ro_dir, VIGIL_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_IO);
}

static void
test_store_locked (void)
{
  g_autofree char *path = vigil_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_store_open (path, VIGIL_STORE_OPEN_CREATE, &error);
  g_autoptr(VigilStore) second = NULL;
  sqlite3 *other = NULL;

  g_assert_no_error (error);

  /* Another program writing: our write waits, then gives up clearly. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; INSERT INTO meta VALUES ('k', 'v')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  vigil_store_set_busy_timeout (store, 50);
  g_assert_false (vigil_store_begin (store, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "locked"));
  g_clear_error (&error);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  g_clear_object (&store);

  /* Another program holding the file exclusively: opening is refused. */
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                                        "INSERT INTO meta VALUES ('k', 'v')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  second = vigil_store_open (path, VIGIL_STORE_OPEN_DEFAULT, &error);
  g_assert_null (second);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, path));
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

static void
test_store_migrate_from_empty (void)
{
  g_autofree char *path = vigil_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;

  /* version 0: an empty file, as `touch` leaves it */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = vigil_store_open (path, VIGIL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vigil_store_get_schema_version (store), ==, VIGIL_SCHEMA_VERSION);
  g_assert_cmpint (vigil_store_count (store, VIGIL_KIND_INCIDENT), ==, 0);
}

/* A database as the first landed Vigil wrote it (schema 1), still empty and
 * still open, for the caller's rows and then `PRAGMA user_version = 1`. */
static sqlite3 *
create_version_1 (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) schema = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  schema = g_resources_lookup_data ("/io/github/vigilsoc/Vigil/core/vigil-schema-1.sql", 0, &error);
  g_assert_no_error (error);
  sql = g_strndup (g_bytes_get_data (schema, NULL), g_bytes_get_size (schema));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

static void
test_store_migrate_from_version_1 (void)
{
  g_autofree char *path = vigil_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autofree char *name = NULL;
  sqlite3 *db = NULL;

  /* A database as the first landed Vigil wrote it, with a record in it:
   * every later migration must keep the record exactly. */
  db = create_version_1 (path);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO teams (id, name, created_at, updated_at) "
                                 "VALUES (1, 'SOC', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                                 "INSERT INTO people (id, name, team_id, email, created_at, updated_at) "
                                 "VALUES (1, 'Ada <b>&amp;', 1, 'ada@example.org', "
                                 "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                                 /* alert intake: migration 2 ranks existing alerts */
                                 "INSERT INTO assets (id, name, criticality, created_at, updated_at) "
                                 "VALUES (1, 'db', 'critical', '2026-01-01T00:00:00Z', "
                                 "'2026-01-01T00:00:00Z');"
                                 "INSERT INTO alerts (id, source, dedup_key, title, severity, asset_id, "
                                 "first_seen, last_seen, raw, created_at, updated_at) VALUES (1, "
                                 "'suricata', 'k', 'T', 'high', 1, '2026-01-01T00:00:00Z', "
                                 "'2026-01-01T00:00:00Z', '{}', '2026-01-01T00:00:00Z', "
                                 "'2026-01-01T00:00:00Z');"
                                 "PRAGMA user_version = 1; PRAGMA application_id = 1447642956;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = vigil_store_open (path, VIGIL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vigil_store_get_schema_version (store), ==, VIGIL_SCHEMA_VERSION);
  g_assert_cmpint (vigil_store_count (store, VIGIL_KIND_PERSON), ==, 1);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  name = pragma_text (db, "SELECT name || '|' || email || '|' || team_id FROM people WHERE id = 1");
  g_assert_cmpstr (name, ==, "Ada <b>&amp;|ada@example.org|1");
  {
    g_autofree char *alert = pragma_text (db, "SELECT title || '|' || raw || '|' || triage_rank "
                                              "FROM alerts WHERE id = 1");
    g_assert_cmpstr (alert, ==, "T|{}|12");  /* high × critical */
  }
  sqlite3_close (db);
}

/* The asset search answers as before: the same ids and the same snippets and
 * ranks for the same queries, from a version-1 database whose indexes were
 * written by schema 1's triggers; and the migrated indexes then follow
 * renames, edits and deletions (FTS5's integrity check agrees). */
static char *
asset_search_answers (sqlite3 *db)
{
  static const char * const queries[] = {
    "\"web\"*", "\"we\"*", "\"cafe\"*", "\"10 0 0\"*", "\"rack\"*", "\"critical\"*", "\"soc\"*",
    "\"ada\"*", "\"grace\"*", "\"site 3\"*", "\"b\"*", "\"10\"*", "\"production\"*",
  };
  GString *answers = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT '%s ' || coalesce((SELECT group_concat(rowid, ',') FROM "
        "  (SELECT rowid FROM assets_fts WHERE assets_fts MATCH '%s' "
        "   UNION SELECT rowid FROM assets_meta_fts WHERE assets_meta_fts MATCH '%s' ORDER BY 1)), '-') "
        "|| ' ' || coalesce((SELECT group_concat(hit, ' ') FROM "
        "  (SELECT rowid || ':' || snippet(assets_fts, -1, '[', ']', '…', 12) || ':' "
        "   || printf('%%.6f', bm25(assets_fts, 10.0, 4.0, 4.0, 1.0)) AS hit "
        "   FROM assets_fts WHERE assets_fts MATCH '%s' ORDER BY rowid)), '-')",
        queries[i], queries[i], queries[i], queries[i]);
      g_autofree char *answer = pragma_text (db, sql);
      g_string_append_printf (answers, "%s\n", answer);
    }
  return g_string_free (answers, FALSE);
}

static void
assert_asset_indexes_intact (sqlite3 *db)
{
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO assets_fts (assets_fts, rank) VALUES ('integrity-check', 1);"
                                     "INSERT INTO assets_meta_fts (assets_meta_fts, rank) "
                                     "VALUES ('integrity-check', 1);", NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_store_migrate_asset_search (void)
{
  g_autofree char *path = vigil_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) rows = g_string_new ("BEGIN;");
  sqlite3 *db = create_version_1 (path);

  g_string_append (rows, "INSERT INTO teams (id, name, created_at, updated_at) VALUES (1, 'SOC', 'x', 'x');"
                         "INSERT INTO people (id, name, team_id, created_at, updated_at) "
                         "VALUES (1, 'Ada Lovelace', 1, 'x', 'x'), (2, 'Grace Hopper', 1, 'x', 'x');");
  for (int i = 1; i <= 60; i++)
    g_string_append_printf (rows,
                            "INSERT INTO assets (id, name, kind, hostname, addresses, owner_team_id, "
                            "tech_contact_id, business_owner_id, criticality, location, description, "
                            "created_at, updated_at) VALUES (%d, '%s-%02d', '%s', %s, '10.0.0.%d', %s, %d, %s, "
                            "'%s', 'Site %d', '%s server %d, rack %d', 'x', 'x');",
                            i, i % 3 ? "web" : "Café <b>db</b>", i, i % 2 ? "server" : "vm",
                            i % 5 ? "NULL" : "'host.example.org'", i, i % 4 ? "1" : "NULL", 1 + i % 2,
                            i % 7 ? "NULL" : "2", i % 4 == 0 ? "critical" : "low", i % 6,
                            i % 3 ? "Front" : "Bäckend", i, i % 9);
  g_string_append (rows, "COMMIT; PRAGMA user_version = 1; PRAGMA application_id = 1447642956;");
  g_assert_cmpint (sqlite3_exec (db, rows->str, NULL, NULL, NULL), ==, SQLITE_OK);
  before = asset_search_answers (db);
  sqlite3_close (db);

  store = vigil_store_open (path, VIGIL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vigil_store_get_schema_version (store), ==, VIGIL_SCHEMA_VERSION);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  after = asset_search_answers (db);
  g_assert_cmpstr (after, ==, before);
  assert_asset_indexes_intact (db);

  /* the filter, the one search and the asset choices answer from them */
  ids = vigil_store_list_asset_ids (store, "grace", VIGIL_ASSET_SORT_NAME, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 34);  /* contact of the odd ones, owner of 14, 28, 42, 56 */
  g_clear_pointer (&ids, g_array_unref);
  ids = vigil_store_list_asset_ids (store, "cafe ra", VIGIL_ASSET_SORT_NAME, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 20);
  g_clear_pointer (&ids, g_array_unref);
  hits = vigil_store_search_inventory (store, "backend", 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 20);
  g_assert_nonnull (strstr (((VigilSearchHit *) hits->pdata[0])->snippet,
                            VIGIL_SNIPPET_START "Bäckend" VIGIL_SNIPPET_END));

  /* and they follow every change */
  g_assert_true (vigil_store_exec (store, "UPDATE teams SET name = 'Blue team' WHERE id = 1;"
                                          "UPDATE people SET name = 'Grace Brewster' WHERE id = 2;"
                                          "UPDATE assets SET name = 'mail-01', description = 'Relay' WHERE id = 1;"
                                          "UPDATE assets SET criticality = 'high' WHERE id = 4;"
                                          "DELETE FROM assets WHERE id = 3;"
                                          "DELETE FROM people WHERE id = 1;", &error));
  g_assert_no_error (error);
  assert_asset_indexes_intact (db);
  g_clear_pointer (&ids, g_array_unref);
  ids = vigil_store_list_asset_ids (store, "brewster", VIGIL_ASSET_SORT_NAME, FALSE, &error);
  g_assert_cmpuint (ids->len, ==, 33);
  g_clear_pointer (&ids, g_array_unref);
  ids = vigil_store_list_asset_ids (store, "soc", VIGIL_ASSET_SORT_NAME, FALSE, &error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  ids = vigil_store_list_asset_ids (store, "blue", VIGIL_ASSET_SORT_NAME, FALSE, &error);
  g_assert_cmpuint (ids->len, ==, 44);  /* 45 with a team, one deleted */
  g_clear_pointer (&ids, g_array_unref);
  ids = vigil_store_list_asset_ids (store, "ada", VIGIL_ASSET_SORT_NAME, FALSE, &error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  ids = vigil_store_list_asset_ids (store, "relay", VIGIL_ASSET_SORT_NAME, FALSE, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  ids = vigil_store_list_asset_ids (store, "db-03", VIGIL_ASSET_SORT_NAME, FALSE, &error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = vigil_store_search_inventory (store, "mail", 10, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((VigilSearchHit *) hits->pdata[0])->title, ==, "mail-01");
  sqlite3_close (db);
}

static void
test_store_migrate_failure_rolls_back (void)
{
  g_autofree char *path = vigil_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  sqlite3 *db = NULL;
  g_autofree char *version = NULL;
  g_autofree char *rows = NULL;

  /* A Vigil-marked file at version 0 whose content collides with the
   * migration: the migration fails half-way and must leave no trace. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1447642956; "
                                     "CREATE TABLE assets (x); INSERT INTO assets VALUES (1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = vigil_store_open (path, VIGIL_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "left at version 0"));

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  version = pragma_text (db, "PRAGMA user_version");
  rows = pragma_text (db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('teams', 'people')");
  g_assert_cmpstr (version, ==, "0");
  g_assert_cmpstr (rows, ==, "0");
  sqlite3_close (db);
}

static void
test_store_changed_after_commit (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(Changes) changes = changes_new ();
  g_autoptr(GError) error = NULL;
  gint64 a, b;

  g_signal_connect (store, "changed::team", G_CALLBACK (changed_cb), changes);

  /* outside a transaction: at once */
  a = add_team (store, "SOC", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->kinds->len, ==, 1);
  g_assert_cmpint (g_array_index (changes->ids, gint64, 0), ==, a);

  /* inside nested transactions: only after the outermost commit */
  g_assert_true (vigil_store_begin (store, &error));
  g_assert_true (vigil_store_begin (store, &error));
  b = add_team (store, "IT Operations", &error);
  g_assert_no_error (error);
  g_assert_true (vigil_store_commit (store, &error));
  g_assert_cmpuint (changes->kinds->len, ==, 1);
  g_assert_true (vigil_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->kinds->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (changes->kinds, 1), ==, "team");
  g_assert_cmpint (g_array_index (changes->ids, gint64, 1), ==, b);
}

static void
test_store_rollback (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(Changes) changes = changes_new ();
  g_autoptr(GError) error = NULL;

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), changes);

  g_assert_true (vigil_store_begin (store, &error));
  g_assert_cmpint (add_team (store, "SOC", &error), >, 0);
  /* a second team of the same name breaks the unique rule */
  g_assert_cmpint (add_team (store, "SOC", &error), ==, 0);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT);
  vigil_store_rollback (store);

  g_assert_false (vigil_store_in_transaction (store));
  g_assert_cmpint (vigil_store_count (store, VIGIL_KIND_TEAM), ==, 0);
  g_assert_cmpuint (changes->kinds->len, ==, 0);
}

static void
test_store_constraints (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;

  /* closed needs a resolution and a summary */
  g_assert_false (vigil_store_exec (store,
    "INSERT INTO incidents (ref, title, stage, created_at, updated_at) "
    "VALUES ('INC-2026-0001', 'x', 'closed', '" NOW "', '" NOW "')", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);

  /* unknown stage */
  g_assert_false (vigil_store_exec (store,
    "INSERT INTO incidents (ref, title, stage, created_at, updated_at) "
    "VALUES ('INC-2026-0001', 'x', 'triage', '" NOW "', '" NOW "')", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);

  /* bad reference */
  g_assert_false (vigil_store_exec (store,
    "INSERT INTO incidents (ref, title, created_at, updated_at) "
    "VALUES ('CASE-1', 'x', '" NOW "', '" NOW "')", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);

  /* foreign keys are enforced */
  g_assert_false (vigil_store_exec (store,
    "INSERT INTO incidents (ref, title, assignee_id, created_at, updated_at) "
    "VALUES ('INC-2026-0001', 'x', 4242, '" NOW "', '" NOW "')", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);

  /* the timeline is append-only */
  g_assert_true (vigil_store_exec (store,
    "INSERT INTO incidents (ref, title, created_at, updated_at) "
    "VALUES ('INC-2026-0001', 'x', '" NOW "', '" NOW "');"
    "INSERT INTO timeline (incident_id, at, recorded_at, actor, kind, summary) "
    "VALUES (1, '" NOW "', '" NOW "', 'a', 'note', 'first');", &error));
  g_assert_no_error (error);
  g_assert_false (vigil_store_exec (store, "UPDATE timeline SET summary = 'changed'", &error));
  g_assert_nonnull (error);
}

static void
test_store_fts (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (vigil_store_exec (store,
    "INSERT INTO incidents (ref, title, description, created_at, updated_at) "
    "VALUES ('INC-2026-0001', 'Phishing wave', 'Credential harvesting', '" NOW "', '" NOW "');"
    "INSERT INTO observables (incident_id, type, value, created_at) "
    "VALUES (1, 'domain', 'login-portal.example', '" NOW "');", &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigil_store_query_int (store,
    "SELECT count(*) FROM incidents_fts WHERE incidents_fts MATCH 'phish*'", &error), ==, 1);
  g_assert_cmpint (vigil_store_query_int (store,
    "SELECT count(*) FROM incidents_fts WHERE incidents_fts MATCH '\"login-portal\"'", &error), ==, 1);
  g_assert_true (vigil_store_exec (store, "UPDATE incidents SET title = 'Malware' WHERE id = 1", &error));
  g_assert_cmpint (vigil_store_query_int (store,
    "SELECT count(*) FROM incidents_fts WHERE incidents_fts MATCH 'phish*'", &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_store_external_write (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(Changes) changes = changes_new ();
  const char *path = vigil_store_get_path (store);
  int status = 0;
  pid_t pid;

  g_signal_connect (store, "changed::incident", G_CALLBACK (changed_cb), changes);
  g_assert_false (vigil_store_check_external (store));

  /* our own writes are not "external" */
  g_assert_true (vigil_store_exec (store, "INSERT INTO meta VALUES ('own', 'write')", NULL));
  g_assert_false (vigil_store_check_external (store));

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;
      int rc = sqlite3_open (path, &db);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, "INSERT INTO incidents (ref, title, created_at, updated_at) "
                               "VALUES ('INC-2026-0009', 'from vigilctl', 'now', 'now')",
                           NULL, NULL, NULL);
      sqlite3_close (db);
      _exit (rc == SQLITE_OK ? 0 : 1);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  g_assert_true (vigil_store_check_external (store));
  g_assert_cmpuint (changes->kinds->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (changes->kinds, 0), ==, "incident");
  g_assert_cmpint (g_array_index (changes->ids, gint64, 0), ==, 0);
  g_assert_false (vigil_store_check_external (store));
}

static gboolean
quit_loop_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
test_store_watch (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(Changes) changes = changes_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  sqlite3 *other = NULL;

  g_signal_connect (store, "changed::person", G_CALLBACK (changed_cb), changes);
  vigil_store_set_watch (store, TRUE);

  g_assert_cmpint (sqlite3_open (vigil_store_get_path (store), &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "INSERT INTO people (name, created_at, updated_at) "
                                        "VALUES ('Ada', 'now', 'now')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (other);

  /* noticed within a second */
  g_timeout_add (1000, quit_loop_cb, loop);
  g_main_loop_run (loop);
  g_assert_cmpuint (changes->kinds->len, ==, 1);
  vigil_store_set_watch (store, FALSE);
}

static void
test_store_next_ref (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *a = vigil_store_next_incident_ref (store, "2026-01-05T00:00:00Z", &error);
  g_autofree char *b = vigil_store_next_incident_ref (store, "2026-12-31T00:00:00Z", &error);
  g_autofree char *c = vigil_store_next_incident_ref (store, "2027-01-01T00:00:00Z", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "INC-2026-0001");
  g_assert_cmpstr (b, ==, "INC-2026-0002");
  g_assert_cmpstr (c, ==, "INC-2027-0001");
}

int
main (int   argc,
      char *argv[])
{
  vigil_test_init (&argc, &argv);

  g_test_add_func ("/vigil/store/create", test_store_create);
  g_test_add_func ("/vigil/store/reopen", test_store_reopen);
  g_test_add_func ("/vigil/store/bad-file/not-sqlite", test_store_not_sqlite);
  g_test_add_func ("/vigil/store/bad-file/other-sqlite", test_store_other_sqlite);
  g_test_add_func ("/vigil/store/bad-file/newer-schema", test_store_newer_schema);
  g_test_add_func ("/vigil/store/bad-file/missing", test_store_missing);
  g_test_add_func ("/vigil/store/bad-file/read-only", test_store_readonly);
  g_test_add_func ("/vigil/store/bad-file/locked", test_store_locked);
  g_test_add_func ("/vigil/store/migrate/from-empty", test_store_migrate_from_empty);
  g_test_add_func ("/vigil/store/migrate/from-version-1", test_store_migrate_from_version_1);
  g_test_add_func ("/vigil/store/migrate/asset-search", test_store_migrate_asset_search);
  g_test_add_func ("/vigil/store/migrate/failure-rolls-back", test_store_migrate_failure_rolls_back);
  g_test_add_func ("/vigil/store/changed", test_store_changed_after_commit);
  g_test_add_func ("/vigil/store/rollback", test_store_rollback);
  g_test_add_func ("/vigil/store/constraints", test_store_constraints);
  g_test_add_func ("/vigil/store/fts", test_store_fts);
  g_test_add_func ("/vigil/store/external-write", test_store_external_write);
  g_test_add_func ("/vigil/store/watch", test_store_watch);
  g_test_add_func ("/vigil/store/next-ref", test_store_next_ref);

  return g_test_run ();
}
