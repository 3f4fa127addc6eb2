/* vigil-store-documents.c — the architecture document archive in the store
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "vigil-archive.h"
#include "vigil-store-documents.h"
#include "vigil-store-documents-private.h"
#include "vigil-store-private.h"
#include "vigil-time.h"

void
vigil_document_link_free (VigilDocumentLink *link)
{
  if (link == NULL)
    return;
  g_free (link->kind);
  g_free (link->name);
  g_free (link);
}

void
vigil_search_hit_free (VigilSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->kind);
  g_free (hit->title);
  g_free (hit->subtitle);
  g_free (hit->snippet);
  g_free (hit);
}

void
vigil_pending_document_free (VigilPendingDocument *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->sha256);
  g_free (doc->media_type);
  g_free (doc);
}

/* Names and types ------------------------------------------------------------------ */

char *
vigil_document_clean_filename (const char *name)
{
  g_autofree char *valid = NULL;
  const char *base;
  GString *out;

  if (name == NULL)
    return g_strdup ("document");
  valid = g_utf8_make_valid (name, -1);

  /* the last component, whichever separator the name was written with */
  base = valid;
  for (const char *p = valid; *p; p++)
    if (*p == '/' || *p == '\\')
      base = p + 1;

  out = g_string_new (NULL);
  for (const char *p = base; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029 || c == 0x202E || c == 0x202D
          || c == 0x2066 || c == 0x2067 || c == 0x2068 || c == 0x2069)
        continue;
      if (out->len >= 240)
        break;
      g_string_append_unichar (out, c);
    }
  g_strstrip (out->str);
  out->len = strlen (out->str);
  if (out->len == 0 || g_str_equal (out->str, ".") || g_str_equal (out->str, ".."))
    {
      g_string_free (out, TRUE);
      return g_strdup ("document");
    }
  return g_string_free (out, FALSE);
}

char *
vigil_document_guess_media_type (const char *filename,
                                 GBytes     *bytes)
{
  g_autofree char *type = NULL;
  gsize size = 0;
  const guchar *data = bytes ? g_bytes_get_data (bytes, &size) : NULL;
  char *mime;

  if (filename != NULL && (g_str_has_suffix (filename, ".md") || g_str_has_suffix (filename, ".markdown")))
    return g_strdup ("text/markdown");
  if (size >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return g_strdup ("application/pdf");
  type = g_content_type_guess (filename, data, MIN (size, 4096), NULL);
  mime = g_content_type_get_mime_type (type);
  return mime ? mime : g_strdup ("application/octet-stream");
}

static gboolean
extractable (const char *media_type)
{
  return g_str_equal (media_type, "application/pdf") || g_str_has_prefix (media_type, "text/")
         || g_str_equal (media_type, "image/svg+xml");
}

/* Validation ------------------------------------------------------------------------- */

static const char * const document_kinds[] = {
  "architecture", "network-diagram", "runbook", "procedure", "contract", "inventory", "other", NULL
};
static const char * const tlps[] = { "clear", "green", "amber", "amber+strict", "red", NULL };

static gboolean
validate_fields (const VigilDocumentFields  *fields,
                 GError                   **error)
{
  if (fields->kind != NULL && !g_strv_contains (document_kinds, fields->kind))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("Unknown document kind “%s”: use architecture, network-diagram, runbook, "
                     "procedure, contract, inventory or other"), fields->kind);
      return FALSE;
    }
  if (fields->tlp != NULL && !g_strv_contains (tlps, fields->tlp))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("Unknown TLP “%s”: use clear, green, amber, amber+strict or red"),
                   fields->tlp);
      return FALSE;
    }
  if (fields->title != NULL && !g_utf8_validate (fields->title, -1, NULL))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("The document title is not valid UTF-8 text"));
      return FALSE;
    }
  if (fields->doc_date != NULL && *fields->doc_date != '\0')
    {
      g_autofree char *iso = vigil_time_normalize (fields->doc_date, NULL);
      if (iso == NULL)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("“%s” is not a date: write it as 2026-11-30"), fields->doc_date);
          return FALSE;
        }
    }
  return TRUE;
}

/* Adding ---------------------------------------------------------------------------------- */

static gint64
lookup_sha256 (VigilStore  *self,
               const char  *sha256)
{
  sqlite3_stmt *stmt = vigil_store_prepare (self, "SELECT id FROM documents WHERE sha256 = ?1", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  vigil_bind_text (stmt, 1, sha256);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gint64
vigil_store_add_document_bytes (VigilStore                 *self,
                                GBytes                     *bytes,
                                const char                 *filename,
                                const VigilDocumentFields  *fields,
                                gboolean                   *existing,
                                GError                    **error)
{
  static const VigilDocumentFields none = { 0 };
  g_autofree char *clean = NULL;
  g_autofree char *title = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *media_type = NULL;
  g_autofree char *now = NULL;
  g_autofree char *date = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (VIGIL_IS_STORE (self), 0);
  g_return_val_if_fail (bytes != NULL, 0);

  if (fields == NULL)
    fields = &none;
  if (existing)
    *existing = FALSE;
  if (!validate_fields (fields, error))
    return 0;

  clean = vigil_document_clean_filename (filename);
  if (!vigil_str_is_blank (fields->title))
    title = g_strstrip (g_strdup (fields->title));
  else
    {
      char *dot;
      title = g_strdup (clean);
      dot = strrchr (title, '.');
      if (dot != NULL && dot != title)
        *dot = '\0';
    }

  /* the bytes first: a row never names a file that is not there */
  sha256 = vigil_archive_store_bytes (vigil_store_get_archive_dir (self), bytes, error);
  if (sha256 == NULL)
    return 0;

  id = lookup_sha256 (self, sha256);
  if (id > 0)
    {
      if (existing)
        *existing = TRUE;
      return id;
    }

  media_type = vigil_document_guess_media_type (clean, bytes);
  now = vigil_time_now_iso ();
  if (fields->doc_date != NULL && *fields->doc_date != '\0')
    {
      g_autofree char *iso = vigil_time_normalize (fields->doc_date, NULL);
      date = g_strndup (iso, 10);
    }

  if (!vigil_store_begin (self, error))
    return 0;
  stmt = vigil_store_prepare (self,
                              "INSERT INTO documents (sha256, title, filename, media_type, size, kind, "
                              "version, doc_date, tlp, owner_team_id, previous_id, text_status, "
                              "added_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, coalesce(?6, 'other'), "
                              "coalesce(?7, ''), ?8, coalesce(?9, 'amber'), ?10, ?11, ?12, ?13, ?13)",
                              error);
  if (stmt == NULL)
    goto fail;
  vigil_bind_text (stmt, 1, sha256);
  vigil_bind_text (stmt, 2, title);
  vigil_bind_text (stmt, 3, clean);
  vigil_bind_text (stmt, 4, media_type);
  sqlite3_bind_int64 (stmt, 5, (gint64) g_bytes_get_size (bytes));
  vigil_bind_text (stmt, 6, fields->kind);
  vigil_bind_text (stmt, 7, fields->version);
  vigil_bind_text (stmt, 8, date);
  vigil_bind_text (stmt, 9, fields->tlp);
  vigil_bind_id (stmt, 10, fields->owner_team_id);
  vigil_bind_id (stmt, 11, fields->previous_id);
  vigil_bind_text (stmt, 12, extractable (media_type) ? "pending" : "none");
  vigil_bind_text (stmt, 13, now);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (vigil_store_get_db (self));
  vigil_store_notify (self, VIGIL_KIND_DOCUMENT, id);
  if (!vigil_store_commit (self, error))
    goto fail;
  return id;

fail:
  vigil_store_rollback (self);
  return 0;
}

gint64
vigil_store_add_document (VigilStore                 *self,
                          const char                 *path,
                          const VigilDocumentFields  *fields,
                          gboolean                   *existing,
                          GError                    **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), 0);
  g_return_val_if_fail (path != NULL, 0);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("%s is a folder: add the files inside it"), path);
      return 0;
    }
  /* mapped read-only: the original is never written */
  file = g_mapped_file_new (path, FALSE, &local);
  if (file == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("Cannot read %s: %s"), path,
                   local->message);
      return 0;
    }
  bytes = g_mapped_file_get_bytes (file);
  return vigil_store_add_document_bytes (self, bytes, path, fields, existing, error);
}

gboolean
vigil_store_update_document (VigilStore                 *self,
                             gint64                      id,
                             const VigilDocumentFields  *fields,
                             GError                    **error)
{
  g_autofree char *now = vigil_time_now_iso ();
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  if (!validate_fields (fields, error))
    return FALSE;
  if (fields->title != NULL)
    {
      title = g_strstrip (g_strdup (fields->title));
      if (*title == '\0')
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("A document needs a title"));
          return FALSE;
        }
    }
  if (fields->doc_date != NULL)
    {
      g_autofree char *iso = *fields->doc_date ? vigil_time_normalize (fields->doc_date, NULL) : NULL;
      date = iso ? g_strndup (iso, 10) : g_strdup ("");
    }
  if (fields->previous_id == id && id > 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("A document cannot be its own older version"));
      return FALSE;
    }

  if (!vigil_store_begin (self, error))
    return FALSE;
  stmt = vigil_store_prepare (self,
                              "UPDATE documents SET title = coalesce(?2, title), kind = coalesce(?3, kind), "
                              "version = coalesce(?4, version), "
                              "doc_date = CASE WHEN ?5 IS NULL THEN doc_date ELSE nullif(?5, '') END, "
                              "tlp = coalesce(?6, tlp), "
                              "owner_team_id = CASE ?7 WHEN 0 THEN owner_team_id WHEN -1 THEN NULL ELSE ?7 END, "
                              "previous_id = CASE ?8 WHEN 0 THEN previous_id WHEN -1 THEN NULL ELSE ?8 END, "
                              "updated_at = ?9 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  vigil_bind_text (stmt, 2, title);
  vigil_bind_text (stmt, 3, fields->kind);
  vigil_bind_text (stmt, 4, fields->version);
  vigil_bind_text (stmt, 5, date);
  vigil_bind_text (stmt, 6, fields->tlp);
  sqlite3_bind_int64 (stmt, 7, fields->owner_team_id);
  sqlite3_bind_int64 (stmt, 8, fields->previous_id);
  vigil_bind_text (stmt, 9, now);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (vigil_store_get_db (self)) == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("No document with id %" PRId64), id);
      goto fail;
    }
  vigil_store_notify (self, VIGIL_KIND_DOCUMENT, id);
  return vigil_store_commit (self, error);

fail:
  vigil_store_rollback (self);
  return FALSE;
}

gboolean
vigil_store_delete_document (VigilStore  *self,
                             gint64       id,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  /* the archived file stays: another database or a backup may name it */
  if (!vigil_store_begin (self, error))
    return FALSE;
  stmt = vigil_store_prepare (self, "DELETE FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  vigil_store_notify (self, VIGIL_KIND_DOCUMENT, id);
  return vigil_store_commit (self, error);

fail:
  vigil_store_rollback (self);
  return FALSE;
}

/* Reading ------------------------------------------------------------------------------------ */

static VigilDocument *
get_document_where (VigilStore  *self,
                    const char  *where,
                    const char  *text,
                    gint64       id,
                    GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM documents d WHERE %s "
                                          "ORDER BY d.id DESC LIMIT 1",
                                          vigil_document_select_columns (), where);

  return vigil_store_read_one (self, sql, text, id, (VigilRowReader) vigil_document_new_from_row,
                               error);
}

VigilDocument *
vigil_store_get_document (VigilStore  *self,
                          gint64       id,
                          GError     **error)
{
  g_autoptr(GError) local = NULL;
  VigilDocument *document;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  document = get_document_where (self, "d.id = ?1", NULL, id, &local);
  if (document == NULL && local == NULL)
    g_set_error (&local, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                 _("No document with id %" PRId64), id);
  if (local != NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return document;
}

VigilDocument *
vigil_store_find_document (VigilStore  *self,
                           const char  *key,
                           GError     **error)
{
  g_autoptr(GError) local = NULL;
  VigilDocument *document = NULL;
  char *end = NULL;
  gint64 id;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  id = g_ascii_strtoll (key, &end, 10);
  if (end != key && *end == '\0' && id > 0)
    document = get_document_where (self, "d.id = ?1", NULL, id, &local);
  if (document == NULL && local == NULL && strlen (key) >= 8 && strlen (key) <= 64
      && strspn (key, "0123456789abcdef") == strlen (key))
    {
      g_autofree char *pattern = g_strconcat (key, "*", NULL);
      document = get_document_where (self, "d.sha256 GLOB ?1", pattern, 0, &local);
    }
  if (document == NULL && local == NULL)
    document = get_document_where (self, "d.title = ?1 COLLATE NOCASE", key, 0, &local);
  if (document == NULL && local == NULL)
    g_set_error (&local, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                 _("No document “%s”: see “vigilctl doc list”"), key);
  if (local != NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return document;
}

char *
vigil_store_dup_document_path (VigilStore    *self,
                               VigilDocument *document)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (VIGIL_IS_DOCUMENT (document), NULL);
  return vigil_archive_path (vigil_store_get_archive_dir (self), vigil_document_get_sha256 (document));
}

static GArray *
collect_ids (VigilStore    *self,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      g_array_unref (ids);
      return NULL;
    }
  return ids;
}

/* "word other" → "\"word\"* \"other\"*" (NULL when nothing is searchable) */
static char *
fts_query (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text ? text : "", " \t\r\n", -1);
  GString *q = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean has_token = FALSE;
      GString *w;

      for (const char *p = words[i]; *p; p++)
        if (g_ascii_isalnum (*p) || (guchar) *p >= 0x80)
          has_token = TRUE;
      if (!has_token)
        continue;
      w = g_string_new ("\"");
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (w, '"');
          g_string_append_c (w, *p);
        }
      g_string_append (w, "\"*");
      if (q->len > 0)
        g_string_append_c (q, ' ');
      g_string_append (q, w->str);
      g_string_free (w, TRUE);
    }
  if (q->len == 0)
    {
      g_string_free (q, TRUE);
      return NULL;
    }
  return g_string_free (q, FALSE);
}

GArray *
vigil_store_list_document_ids (VigilStore  *self,
                               const char  *filter,
                               GError     **error)
{
  g_autofree char *query = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  query = fts_query (filter);
  if (!vigil_str_is_blank (filter) && query == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  if (query == NULL)
    stmt = vigil_store_prepare (self, "SELECT id FROM documents ORDER BY title COLLATE NOCASE, id DESC",
                                error);
  else
    stmt = vigil_store_prepare (self, "SELECT id FROM documents WHERE id IN "
                                      "(SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1) "
                                      "ORDER BY title COLLATE NOCASE, id DESC", error);
  if (stmt == NULL)
    return NULL;
  if (query != NULL)
    vigil_bind_text (stmt, 1, query);
  return collect_ids (self, stmt, error);
}

GArray *
vigil_store_list_linked_document_ids (VigilStore  *self,
                                      gint64       asset_id,
                                      gint64       team_id,
                                      gint64       incident_id,
                                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  stmt = vigil_store_prepare (self,
    "SELECT d.id FROM documents d WHERE d.id IN ("
    "  SELECT document_id FROM document_links WHERE asset_id = ?1 OR team_id = ?2 OR incident_id = ?3"
    "  UNION SELECT l.document_id FROM document_links l JOIN incident_assets ia "
    "    ON ia.asset_id = l.asset_id WHERE ia.incident_id = ?3) "
    "ORDER BY d.title COLLATE NOCASE, d.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, asset_id > 0 ? asset_id : -1);
  sqlite3_bind_int64 (stmt, 2, team_id > 0 ? team_id : -1);
  sqlite3_bind_int64 (stmt, 3, incident_id > 0 ? incident_id : -1);
  return collect_ids (self, stmt, error);
}

GArray *
vigil_store_list_document_versions (VigilStore  *self,
                                    gint64       id,
                                    GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  /* walk to the newest, then back through previous_id */
  stmt = vigil_store_prepare (self,
    "WITH RECURSIVE newer (id, n) AS (SELECT ?1, 0 "
    "  UNION SELECT d.id, newer.n + 1 FROM documents d JOIN newer ON d.previous_id = newer.id "
    "  WHERE newer.n < 1000), "
    "top AS (SELECT id FROM newer ORDER BY n DESC LIMIT 1), "
    "chain (id, n) AS (SELECT id, 0 FROM top "
    "  UNION SELECT d.previous_id, chain.n + 1 FROM documents d JOIN chain ON d.id = chain.id "
    "  WHERE d.previous_id IS NOT NULL AND chain.n < 1000) "
    "SELECT id FROM chain ORDER BY n", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return collect_ids (self, stmt, error);
}

/* Links ------------------------------------------------------------------------------------------ */

static gboolean
check_one_target (gint64   asset_id,
                  gint64   team_id,
                  gint64   incident_id,
                  GError **error)
{
  if ((asset_id > 0) + (team_id > 0) + (incident_id > 0) != 1)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("Link a document to one asset, team or incident at a time"));
      return FALSE;
    }
  return TRUE;
}

gboolean
vigil_store_link_document (VigilStore  *self,
                           gint64       document_id,
                           gint64       asset_id,
                           gint64       team_id,
                           gint64       incident_id,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  if (!check_one_target (asset_id, team_id, incident_id, error))
    return FALSE;
  if (!vigil_store_begin (self, error))
    return FALSE;
  /* UNIQUE does not hold with NULLs, so test first */
  stmt = vigil_store_prepare (self,
                              "INSERT INTO document_links (document_id, asset_id, team_id, incident_id) "
                              "SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM document_links "
                              "WHERE document_id = ?1 AND asset_id IS ?2 AND team_id IS ?3 "
                              "AND incident_id IS ?4)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, document_id);
  vigil_bind_id (stmt, 2, asset_id);
  vigil_bind_id (stmt, 3, team_id);
  vigil_bind_id (stmt, 4, incident_id);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  vigil_store_notify (self, VIGIL_KIND_DOCUMENT, document_id);
  if (asset_id > 0)
    vigil_store_notify (self, VIGIL_KIND_ASSET, asset_id);
  if (team_id > 0)
    vigil_store_notify (self, VIGIL_KIND_TEAM, team_id);
  if (incident_id > 0)
    vigil_store_notify (self, VIGIL_KIND_INCIDENT, incident_id);
  return vigil_store_commit (self, error);

fail:
  vigil_store_rollback (self);
  return FALSE;
}

gboolean
vigil_store_unlink_document (VigilStore  *self,
                             gint64       document_id,
                             gint64       asset_id,
                             gint64       team_id,
                             gint64       incident_id,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  if (!check_one_target (asset_id, team_id, incident_id, error))
    return FALSE;
  if (!vigil_store_begin (self, error))
    return FALSE;
  stmt = vigil_store_prepare (self, "DELETE FROM document_links WHERE document_id = ?1 AND "
                                    "asset_id IS ?2 AND team_id IS ?3 AND incident_id IS ?4", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, document_id);
  vigil_bind_id (stmt, 2, asset_id);
  vigil_bind_id (stmt, 3, team_id);
  vigil_bind_id (stmt, 4, incident_id);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  vigil_store_notify (self, VIGIL_KIND_DOCUMENT, document_id);
  return vigil_store_commit (self, error);

fail:
  vigil_store_rollback (self);
  return FALSE;
}

GPtrArray *
vigil_store_list_document_links (VigilStore  *self,
                                  gint64       document_id,
                                  GError     **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *links;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  stmt = vigil_store_prepare (self,
    "SELECT 'asset', a.id, a.name FROM document_links l JOIN assets a ON a.id = l.asset_id "
    "  WHERE l.document_id = ?1 "
    "UNION ALL SELECT 'team', t.id, t.name FROM document_links l JOIN teams t ON t.id = l.team_id "
    "  WHERE l.document_id = ?1 "
    "UNION ALL SELECT 'incident', i.id, i.ref || ' ' || i.title FROM document_links l "
    "  JOIN incidents i ON i.id = l.incident_id WHERE l.document_id = ?1 "
    "ORDER BY 1, 3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);

  links = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_document_link_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilDocumentLink *link = g_new0 (VigilDocumentLink, 1);
      link->kind = vigil_column_dup (stmt, 0);
      link->id = sqlite3_column_int64 (stmt, 1);
      link->name = vigil_column_dup (stmt, 2);
      g_ptr_array_add (links, link);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      g_ptr_array_unref (links);
      return NULL;
    }
  return links;
}

gint64
vigil_store_count_pending_documents (VigilStore *self)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), 0);
  return vigil_store_query_int (self, "SELECT count(*) FROM documents WHERE text_status = 'pending'",
                                NULL);
}

/* Search ------------------------------------------------------------------------------------------- */

GPtrArray *
vigil_store_search_inventory (VigilStore  *self,
                              const char  *text,
                              guint        limit,
                              GError     **error)
{
  g_autofree char *query = NULL;
  sqlite3_stmt *stmt;
  GPtrArray *hits;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_search_hit_free);
  query = fts_query (text);
  if (query == NULL)
    return hits;

  stmt = vigil_store_prepare (self,
    "SELECT * FROM ("
    " SELECT 'asset' AS kind, f.rowid, a.name, a.kind || CASE WHEN a.addresses <> '' "
    "        THEN ' · ' || a.addresses ELSE '' END, "
    "        snippet(assets_fts, -1, char(2), char(3), '…', 12), bm25(assets_fts, 10.0, 4.0, 4.0, 1.0) AS rank "
    " FROM assets_fts f JOIN assets a ON a.id = f.rowid WHERE assets_fts MATCH ?1 "
    " ORDER BY rank LIMIT ?2) "
    "UNION ALL SELECT * FROM ("
    " SELECT 'document', f.rowid, d.title, d.kind || ' · ' || d.filename, "
    "        snippet(documents_fts, -1, char(2), char(3), '…', 16), bm25(documents_fts, 10.0, 4.0, 1.0) "
    " FROM documents_fts f JOIN documents d ON d.id = f.rowid WHERE documents_fts MATCH ?1 "
    " ORDER BY 6 LIMIT ?2) "
    "ORDER BY 6 LIMIT ?2", error);
  if (stmt == NULL)
    {
      g_ptr_array_unref (hits);
      return NULL;
    }
  vigil_bind_text (stmt, 1, query);
  sqlite3_bind_int (stmt, 2, limit > 0 ? (int) limit : 50);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilSearchHit *hit = g_new0 (VigilSearchHit, 1);
      hit->kind = vigil_column_dup (stmt, 0);
      hit->id = sqlite3_column_int64 (stmt, 1);
      hit->title = vigil_column_dup (stmt, 2);
      hit->subtitle = vigil_column_dup (stmt, 3);
      hit->snippet = vigil_column_dup (stmt, 4);
      g_ptr_array_add (hits, hit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      g_ptr_array_unref (hits);
      return NULL;
    }
  return hits;
}

/* The extractor's side ------------------------------------------------------------------------------ */

static void
set_db_error (sqlite3     *db,
              GError     **error)
{
  int rc = sqlite3_extended_errcode (db);
  g_set_error (error, VIGIL_ERROR,
               (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED ? VIGIL_ERROR_LOCKED
                                                                          : VIGIL_ERROR_FAILED,
               _("Database error: %s"), sqlite3_errmsg (db));
}

GPtrArray *
vigil_store_documents_list_pending (sqlite3  *db,
                                    GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  GPtrArray *docs;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT id, sha256, media_type FROM documents "
                              "WHERE text_status = 'pending' ORDER BY id", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (db, error);
      return NULL;
    }
  docs = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_pending_document_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilPendingDocument *doc = g_new0 (VigilPendingDocument, 1);
      doc->id = sqlite3_column_int64 (stmt, 0);
      doc->sha256 = vigil_column_dup (stmt, 1);
      doc->media_type = vigil_column_dup (stmt, 2);
      g_ptr_array_add (docs, doc);
    }
  if (rc != SQLITE_DONE)
    {
      set_db_error (db, error);
      g_clear_pointer (&docs, g_ptr_array_unref);
    }
  sqlite3_finalize (stmt);
  return docs;
}

gboolean
vigil_store_documents_set_text (sqlite3     *db,
                                gint64       id,
                                const char  *text,
                                const char  *failure,
                                GError     **error)
{
  static const char * const sql[] = {
    "BEGIN IMMEDIATE",
    "UPDATE documents SET text_status = ?2, text_error = ?3 WHERE id = ?1",
    "UPDATE documents_fts SET body = ?4 WHERE rowid = ?1",
    "COMMIT",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (sqlite3_prepare_v2 (db, sql[i], -1, &stmt, NULL) != SQLITE_OK)
        goto fail;
      if (i == 1)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_text (stmt, 2, failure ? "failed" : "done", -1, SQLITE_STATIC);
          vigil_bind_text (stmt, 3, failure);
        }
      else if (i == 2)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_text (stmt, 4, text ? text : "", -1, SQLITE_STATIC);
        }
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        goto fail;
    }
  return TRUE;

fail:
  set_db_error (db, error);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}
