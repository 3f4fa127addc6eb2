/* vigil-store.c — the one object that owns Vigil's SQLite database
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store opens (and creates, and migrates) the database, hands out cached
 * prepared statements to its vigil-store-*.c siblings, runs transactions, and
 * emits `changed` after every committed write.  Writes made by another
 * process are noticed through PRAGMA data_version, polled while watching.
 */
#include "config.h"

#include <inttypes.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "vigil-store-private.h"
#include "vigil-time.h"
#include "vigil-vocab.h"

/* "VIGL": marks a SQLite file as a Vigil database. */
#define VIGIL_APPLICATION_ID 0x5649474c
#define WATCH_INTERVAL_MS 300
#define DEFAULT_BUSY_TIMEOUT_MS 5000
#define MAX_PENDING_IDS 64

struct _VigilStore
{
  GObject     parent_instance;

  char       *path;
  char       *archive_dir;
  char       *actor;
  sqlite3    *db;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  GArray     *pending;      /* PendingChange, emitted after commit */
  guint       depth;        /* transaction nesting */
  gint64      data_version;
  guint       watch_id;
};

typedef struct
{
  GQuark kind;
  gint64 id;
} PendingChange;

enum {
  PROP_0,
  PROP_PATH,
  PROP_ACTOR,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VigilStore, vigil_store, G_TYPE_OBJECT)

static const char * const kinds[] = {
  VIGIL_KIND_INCIDENT, VIGIL_KIND_ALERT, VIGIL_KIND_PERSON, VIGIL_KIND_TEAM,
  VIGIL_KIND_ASSET, VIGIL_KIND_DOCUMENT, VIGIL_KIND_ACTION, VIGIL_KIND_CONTACT,
  VIGIL_KIND_OBSERVABLE, VIGIL_KIND_DETECTION, VIGIL_KIND_PLAYBOOK, VIGIL_KIND_RULE,
  NULL
};

const char * const *
vigil_store_kinds (void)
{
  return kinds;
}

static void
vigil_store_finalize (GObject *object)
{
  VigilStore *self = (VigilStore *)object;

  g_clear_handle_id (&self->watch_id, g_source_remove);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->archive_dir, g_free);
  g_clear_pointer (&self->actor, g_free);

  G_OBJECT_CLASS (vigil_store_parent_class)->finalize (object);
}

static void
vigil_store_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VigilStore *self = VIGIL_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_store_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VigilStore *self = VIGIL_STORE (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      vigil_store_set_actor (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_store_class_init (VigilStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_store_finalize;
  object_class->get_property = vigil_store_get_property;
  object_class->set_property = vigil_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VigilStore::changed:
   * @kind: what kind of record changed (VIGIL_KIND_*), also the detail
   * @id: the record's id, or 0 when many or unknown records changed
   *
   * Emitted after a write is committed, by this process or (while watching)
   * by another one.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
vigil_store_init (VigilStore *self)
{
  const char *real_name = g_get_real_name ();

  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  if (real_name == NULL || *real_name == '\0' || g_str_equal (real_name, "Unknown"))
    real_name = g_get_user_name ();
  self->actor = g_strdup (real_name);
}

char *
vigil_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "vigil", "vigil.db", NULL);
}

void
vigil_store_set_error (VigilStore  *self,
                       GError     **error,
                       int          rc,
                       const char  *context)
{
  const char *msg = self && self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      code = (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
             ? VIGIL_ERROR_CONFLICT : VIGIL_ERROR_VALIDATION;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = VIGIL_ERROR_LOCKED;
      msg = _("the database is locked by another program; try again in a moment");
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = VIGIL_ERROR_CORRUPT;
      break;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PERM:
      code = VIGIL_ERROR_IO;
      break;
    default:
      code = VIGIL_ERROR_FAILED;
    }

  if (context != NULL)
    g_set_error (error, VIGIL_ERROR, code, "%s: %s", context, msg);
  else
    g_set_error_literal (error, VIGIL_ERROR, code, msg);
}

sqlite3 *
vigil_store_get_db (VigilStore *self)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  return self->db;
}

sqlite3_stmt *
vigil_store_prepare (VigilStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      vigil_store_set_error (self, error, rc, NULL);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
vigil_store_exec (VigilStore  *self,
                  const char  *sql,
                  GError     **error)
{
  char *errmsg = NULL;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &errmsg);
  sqlite3_free (errmsg);
  if (rc != SQLITE_OK)
    {
      vigil_store_set_error (self, error, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
vigil_store_step_done (VigilStore    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, sqlite3_extended_errcode (self->db), NULL);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gint64
vigil_store_query_int (VigilStore  *self,
                       const char  *sql,
                       GError     **error)
{
  sqlite3_stmt *stmt = vigil_store_prepare (self, sql, error);
  gint64 value = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    vigil_store_set_error (self, error, rc, NULL);
  sqlite3_reset (stmt);
  return value;
}

gpointer
vigil_store_read_one (VigilStore      *self,
                      const char      *sql,
                      const char      *text,
                      gint64           id,
                      VigilRowReader   reader,
                      GError         **error)
{
  sqlite3_stmt *stmt = vigil_store_prepare (self, sql, error);
  gpointer record = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    vigil_bind_text (stmt, 1, text);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = reader (stmt);
  else if (rc != SQLITE_DONE)
    vigil_store_set_error (self, error, rc, NULL);
  sqlite3_reset (stmt);
  return record;
}

static gboolean
pragma_int (sqlite3     *db,
            const char  *sql,
            gint64      *value,
            int         *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc_out)
    *rc_out = rc;
  return rc == SQLITE_OK;
}

/* The header check runs before SQLite touches the file, so a file that is
 * not a database is never written to. */
static gboolean
check_existing_file (const char  *path,
                     GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16] = { 0 };
  FILE *f;
  size_t n;

  f = g_fopen (path, "rb");
  if (f == NULL)
    {
      int saved = errno;
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO,
                   _("Cannot read the database %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, f);
  fclose (f);

  if (n == 0)
    return TRUE;  /* an empty file becomes a new database */
  if (n < sizeof header || memcmp (header, magic, sizeof header) != 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_CORRUPT,
                   _("%s is not a Vigil database: it is not an SQLite file. "
                     "It was left unchanged; choose another file with --db."),
                   path);
      return FALSE;
    }
  if (g_access (path, W_OK) != 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO,
                   _("The database %s is read-only. Make it writable or copy it "
                     "to a folder you can write to."), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
configure_connection (sqlite3     *db,
                      const char  *path,
                      guint        busy_ms,
                      gboolean     readonly,
                      GError     **error)
{
  gint64 ignored = 0;
  int rc = SQLITE_OK;

  sqlite3_busy_timeout (db, (int) busy_ms);
  sqlite3_extended_result_codes (db, 1);

  if (!readonly && !pragma_int (db, "PRAGMA journal_mode = WAL", &ignored, &rc))
    goto failed;
  if (!pragma_int (db, "PRAGMA foreign_keys = ON", &ignored, &rc))
    goto failed;
  if (!pragma_int (db, "PRAGMA synchronous = NORMAL", &ignored, &rc))
    goto failed;
  return TRUE;

failed:
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_LOCKED,
                 _("The database %s is locked by another program. Close it there, "
                   "or wait for it to finish, then try again."), path);
  else if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_CORRUPT,
                 _("%s is damaged or not a database: %s"), path, sqlite3_errmsg (db));
  else
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO,
                 _("Cannot open the database %s: %s"), path, sqlite3_errmsg (db));
  return FALSE;
}

static char *
load_migration (int version)
{
  g_autofree char *resource = g_strdup_printf ("/io/github/vigilsoc/Vigil/core/vigil-schema-%d.sql",
                                               version);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);

  if (bytes == NULL)
    return NULL;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Each step runs in its own transaction together with the user_version bump,
 * so a failure leaves the file exactly at the previous version. */
static gboolean
migrate (VigilStore  *self,
         gint64       from,
         GError     **error)
{
  for (int v = (int) from + 1; v <= VIGIL_SCHEMA_VERSION; v++)
    {
      g_autofree char *sql = load_migration (v);
      g_autofree char *bump = NULL;
      g_autoptr(GError) local = NULL;

      if (sql == NULL)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_FAILED,
                       "Schema migration %d is missing from this build", v);
          return FALSE;
        }
      bump = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                              v, VIGIL_APPLICATION_ID);

      if (!vigil_store_exec (self, "BEGIN IMMEDIATE", &local) ||
          !vigil_store_exec (self, sql, &local) ||
          !vigil_store_exec (self, bump, &local) ||
          !vigil_store_exec (self, "COMMIT", &local))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          if (g_error_matches (local, VIGIL_ERROR, VIGIL_ERROR_LOCKED))
            g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_LOCKED,
                         _("The database %s is locked by another program; it was not "
                           "upgraded. Try again when it is free."), self->path);
          else
            g_set_error (error, VIGIL_ERROR, local->code,
                         _("Upgrading %s to schema version %d failed: %s. "
                           "The file was left at version %d."),
                         self->path, v, local->message, v - 1);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
has_user_tables (sqlite3 *db)
{
  gint64 n = 0;
  return pragma_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'", &n, NULL)
         && n > 0;
}

VigilStore *
vigil_store_open (const char           *path,
                  VigilStoreOpenFlags   flags,
                  GError              **error)
{
  g_autoptr(VigilStore) self = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  gint64 version = 0;
  gint64 app_id = 0;
  int rc;

  if (path == NULL || *path == '\0')
    {
      default_path = vigil_store_dup_default_path ();
      path = default_path;
      flags |= VIGIL_STORE_OPEN_CREATE;
    }

  self = g_object_new (VIGIL_TYPE_STORE, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  dir = g_path_get_dirname (self->path);
  base = g_path_get_basename (self->path);
  self->archive_dir = g_build_filename (dir, "documents", NULL);
  if (!g_str_equal (base, "vigil.db"))
    {
      g_free (self->archive_dir);
      self->archive_dir = g_strconcat (self->path, "-documents", NULL);
    }

  if (default_path != NULL && g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }

  if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO,
                   _("%s is a folder, not a database file"), self->path);
      return NULL;
    }

  if (g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      if (!check_existing_file (self->path, error))
        return NULL;
    }
  else if (!(flags & VIGIL_STORE_OPEN_CREATE))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("There is no database at %s. Create one with “vigilctl --db %s init”, "
                     "or “vigilctl --db %s demo” for the demo organisation."),
                   self->path, self->path, self->path);
      return NULL;
    }
  else if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO,
                   _("Cannot create the database %s: the folder %s does not exist"),
                   self->path, dir);
      return NULL;
    }
  else if (g_access (dir, W_OK) != 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO,
                   _("Cannot create the database %s: the folder %s is not writable"),
                   self->path, dir);
      return NULL;
    }

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO,
                   _("Cannot open the database %s: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  if (!pragma_int (self->db, "PRAGMA user_version", &version, &rc) ||
      !pragma_int (self->db, "PRAGMA application_id", &app_id, &rc))
    {
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_LOCKED,
                     _("The database %s is locked by another program. Close it there, "
                       "or wait for it to finish, then try again."), self->path);
      else
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_CORRUPT,
                     _("%s is damaged or not a database: %s"), self->path,
                     sqlite3_errmsg (self->db));
      return NULL;
    }

  if (app_id != VIGIL_APPLICATION_ID && (version > 0 || has_user_tables (self->db)))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_CORRUPT,
                   _("%s is an SQLite database of another program, not a Vigil database. "
                     "It was left unchanged; choose another file with --db."), self->path);
      return NULL;
    }

  if (version > VIGIL_SCHEMA_VERSION)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NEWER_SCHEMA,
                   _("%s was written by a newer version of Vigil (schema version %"
                     PRId64 "; this version knows up to %d). Update Vigil to "
                     "open it. The file was left unchanged."),
                   self->path, version, VIGIL_SCHEMA_VERSION);
      return NULL;
    }

  if (!configure_connection (self->db, self->path, DEFAULT_BUSY_TIMEOUT_MS, FALSE, error))
    return NULL;

  if (version < VIGIL_SCHEMA_VERSION && !migrate (self, version, error))
    return NULL;

  pragma_int (self->db, "PRAGMA data_version", &self->data_version, NULL);

  return g_steal_pointer (&self);
}

sqlite3 *
vigil_store_open_connection (VigilStore  *self,
                             gboolean     readonly,
                             GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  rc = sqlite3_open_v2 (self->path, &db,
                        (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE)
                        | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO,
                   _("Cannot open the database %s: %s"), self->path,
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return NULL;
    }
  if (!configure_connection (db, self->path, DEFAULT_BUSY_TIMEOUT_MS, readonly, error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }
  return db;
}

const char *
vigil_store_get_path (VigilStore *self)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  return self->path;
}

const char *
vigil_store_get_archive_dir (VigilStore *self)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  return self->archive_dir;
}

int
vigil_store_get_schema_version (VigilStore *self)
{
  gint64 version = 0;

  g_return_val_if_fail (VIGIL_IS_STORE (self), 0);
  pragma_int (self->db, "PRAGMA user_version", &version, NULL);
  return (int) version;
}

void
vigil_store_set_busy_timeout (VigilStore *self,
                              guint       msec)
{
  g_return_if_fail (VIGIL_IS_STORE (self));
  sqlite3_busy_timeout (self->db, (int) msec);
}

const char *
vigil_store_get_actor (VigilStore *self)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  return self->actor;
}

void
vigil_store_set_actor (VigilStore *self,
                       const char *actor)
{
  g_return_if_fail (VIGIL_IS_STORE (self));

  if (actor == NULL || *actor == '\0')
    return;
  if (g_strcmp0 (self->actor, actor) == 0)
    return;
  g_free (self->actor);
  self->actor = g_strdup (actor);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

/* Transactions ---------------------------------------------------------- */

gboolean
vigil_store_in_transaction (VigilStore *self)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  return self->depth > 0;
}

gboolean
vigil_store_begin (VigilStore  *self,
                   GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  /* IMMEDIATE takes the write lock now, so a busy database fails here,
   * before anything was read under a stale snapshot. */
  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT vigil_%u", self->depth);
  if (!vigil_store_exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

static void
flush_pending (VigilStore *self)
{
  g_autoptr(GArray) pending = self->pending;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_direct_hash, g_direct_equal);

  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));

  /* Many ids of one kind collapse into one "many changed" (id 0). */
  for (guint i = 0; i < pending->len; i++)
    {
      PendingChange *c = &g_array_index (pending, PendingChange, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (c->kind)));
      g_hash_table_insert (counts, GUINT_TO_POINTER (c->kind), GUINT_TO_POINTER (n + 1));
    }

  g_object_ref (self);
  for (guint i = 0; i < pending->len; i++)
    {
      PendingChange *c = &g_array_index (pending, PendingChange, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (c->kind)));
      gint64 id = n > MAX_PENDING_IDS ? 0 : c->id;
      g_autofree char *key = g_strdup_printf ("%u:%" PRId64, c->kind, id);

      if (g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, g_steal_pointer (&key));
      g_signal_emit (self, signals[CHANGED], c->kind, g_quark_to_string (c->kind), id);
    }
  g_object_unref (self);
}

gboolean
vigil_store_commit (VigilStore  *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE vigil_%u", self->depth - 1);
  if (!vigil_store_exec (self, sql, error))
    {
      vigil_store_rollback (self);
      return FALSE;
    }
  self->depth--;

  if (self->depth == 0)
    {
      /* our own commit does not change data_version on this connection,
       * but keep it current so the watch never reports our own writes */
      pragma_int (self->db, "PRAGMA data_version", &self->data_version, NULL);
      flush_pending (self);
    }
  return TRUE;
}

void
vigil_store_rollback (VigilStore *self)
{
  g_return_if_fail (VIGIL_IS_STORE (self));

  if (self->depth == 0)
    return;

  if (self->depth == 1)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_array_set_size (self->pending, 0);
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO vigil_%u; RELEASE vigil_%u",
                                              self->depth - 1, self->depth - 1);
      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }
  self->depth--;
}

void
vigil_store_notify (VigilStore *self,
                    const char *kind,
                    gint64      id)
{
  PendingChange change;

  g_return_if_fail (VIGIL_IS_STORE (self));
  g_return_if_fail (kind != NULL);

  change.kind = g_quark_from_string (kind);
  change.id = id;
  g_array_append_val (self->pending, change);
  if (self->depth == 0)
    flush_pending (self);
}

/* Other processes --------------------------------------------------------- */

gboolean
vigil_store_check_external (VigilStore *self)
{
  gint64 version = 0;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  if (self->depth > 0)
    return FALSE;
  if (!pragma_int (self->db, "PRAGMA data_version", &version, NULL))
    return FALSE;
  if (version == self->data_version)
    return FALSE;

  self->data_version = version;
  g_object_ref (self);
  for (guint i = 0; kinds[i] != NULL; i++)
    g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (kinds[i]), kinds[i],
                   (gint64) 0);
  g_object_unref (self);
  return TRUE;
}

static gboolean
watch_cb (gpointer user_data)
{
  vigil_store_check_external (VIGIL_STORE (user_data));
  return G_SOURCE_CONTINUE;
}

void
vigil_store_set_watch (VigilStore *self,
                       gboolean    watch)
{
  g_return_if_fail (VIGIL_IS_STORE (self));

  if (watch && self->watch_id == 0)
    {
      pragma_int (self->db, "PRAGMA data_version", &self->data_version, NULL);
      self->watch_id = g_timeout_add (WATCH_INTERVAL_MS, watch_cb, self);
      g_source_set_name_by_id (self->watch_id, "[vigil] store watch");
    }
  else if (!watch)
    g_clear_handle_id (&self->watch_id, g_source_remove);
}

/* Counts ---------------------------------------------------------------- */

gint64
vigil_store_count (VigilStore *self,
                   const char *kind)
{
  static const struct { const char *kind; const char *sql; } queries[] = {
    { VIGIL_KIND_INCIDENT, "SELECT count(*) FROM incidents" },
    { VIGIL_KIND_ALERT, "SELECT count(*) FROM alerts" },
    { VIGIL_KIND_PERSON, "SELECT count(*) FROM people" },
    { VIGIL_KIND_TEAM, "SELECT count(*) FROM teams" },
    { VIGIL_KIND_ASSET, "SELECT count(*) FROM assets" },
    { VIGIL_KIND_DOCUMENT, "SELECT count(*) FROM documents" },
    { VIGIL_KIND_ACTION, "SELECT count(*) FROM actions" },
    { VIGIL_KIND_CONTACT, "SELECT count(*) FROM contacts" },
    { VIGIL_KIND_OBSERVABLE, "SELECT count(*) FROM observables" },
    { VIGIL_KIND_DETECTION, "SELECT count(*) FROM detection_requests" },
    { VIGIL_KIND_PLAYBOOK, "SELECT count(*) FROM playbooks" },
  };

  g_return_val_if_fail (VIGIL_IS_STORE (self), -1);
  g_return_val_if_fail (kind != NULL, -1);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    if (g_str_equal (queries[i].kind, kind))
      return vigil_store_query_int (self, queries[i].sql, NULL);
  g_return_val_if_reached (-1);
}

gboolean
vigil_store_get_stats (VigilStore  *self,
                       VigilStats  *stats,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  memset (stats, 0, sizeof *stats);

  /* One read transaction, so the figures agree with each other. */
  stmt = vigil_store_prepare (self,
                              "SELECT stage, count(*) FROM incidents GROUP BY stage", error);
  if (stmt == NULL)
    return FALSE;
  if (self->depth == 0 && !vigil_store_exec (self, "BEGIN", error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *stage = (const char *) sqlite3_column_text (stmt, 0);
      int i = vigil_vocab_index (VIGIL_VOCAB_STAGE, stage);
      gint64 n = sqlite3_column_int64 (stmt, 1);

      if (i >= 0)
        stats->by_stage[i] = n;
      stats->incidents += n;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      if (self->depth == 0)
        sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
      return FALSE;
    }

  stats->alerts = vigil_store_count (self, VIGIL_KIND_ALERT);
  stats->people = vigil_store_count (self, VIGIL_KIND_PERSON);
  stats->teams = vigil_store_count (self, VIGIL_KIND_TEAM);
  stats->assets = vigil_store_count (self, VIGIL_KIND_ASSET);
  stats->documents = vigil_store_count (self, VIGIL_KIND_DOCUMENT);

  if (self->depth == 0)
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  return TRUE;
}

/* References ------------------------------------------------------------ */

char *
vigil_store_next_incident_ref (VigilStore  *self,
                               const char  *at,
                               GError     **error)
{
  sqlite3_stmt *stmt;
  int year = 0;
  gint64 last = 0;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  if (at != NULL && strlen (at) >= 4)
    year = atoi (at);
  if (year < 1970 || year > 9999)
    {
      g_autoptr(GDateTime) now = vigil_time_now ();
      year = g_date_time_get_year (now);
    }

  stmt = vigil_store_prepare (self,
                              "INSERT INTO ref_counters (year, last) VALUES (?1, 1) "
                              "ON CONFLICT (year) DO UPDATE SET last = last + 1 "
                              "RETURNING last", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    last = sqlite3_column_int64 (stmt, 0);
  if (sqlite3_step (stmt) != SQLITE_DONE || last == 0)
    {
      vigil_store_set_error (self, error, sqlite3_extended_errcode (self->db), NULL);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_strdup_printf ("INC-%04d-%04" PRId64, year, last);
}
