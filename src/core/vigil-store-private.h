/* vigil-store-private.h — for the store's own files (vigil-store-*.c) only
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store is the only code that speaks SQL.  It is split by subject into
 * vigil-store-<subject>.c files that share these helpers.
 */
#pragma once

#include <sqlite3.h>

#include "vigil-error.h"
#include "vigil-store.h"

G_BEGIN_DECLS

sqlite3      *vigil_store_get_db        (VigilStore    *self);

/* A cached prepared statement, reset and with its bindings cleared.  Borrowed:
 * do not finalize.  Do not hold one across a call that may prepare the same
 * SQL text. */
sqlite3_stmt *vigil_store_prepare       (VigilStore    *self,
                                         const char    *sql,
                                         GError       **error);
gboolean      vigil_store_exec          (VigilStore    *self,
                                         const char    *sql,
                                         GError       **error);
/* Steps a statement that returns no rows; maps SQLite errors to VIGIL_ERROR. */
gboolean      vigil_store_step_done     (VigilStore    *self,
                                         sqlite3_stmt  *stmt,
                                         GError       **error);
void          vigil_store_set_error     (VigilStore    *self,
                                         GError       **error,
                                         int            rc,
                                         const char    *context);
gint64        vigil_store_query_int     (VigilStore    *self,
                                         const char    *sql,
                                         GError       **error);

/* Builds a record from the first row of `sql`, whose ?1 is bound to `text`
 * (or to `id` when `text` is NULL).  NULL without an error when there is no
 * row: the caller words its own "not found". */
typedef gpointer (*VigilRowReader) (gpointer sqlite_stmt);
gpointer      vigil_store_read_one      (VigilStore     *self,
                                         const char     *sql,
                                         const char     *text,
                                         gint64          id,
                                         VigilRowReader  reader,
                                         GError        **error);

/* An independent connection for a worker thread (each thread has its own). */
sqlite3      *vigil_store_open_connection (VigilStore  *self,
                                           gboolean     readonly,
                                           GError     **error);

static inline void
vigil_bind_text (sqlite3_stmt *stmt,
                 int           index,
                 const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static inline void
vigil_bind_id (sqlite3_stmt *stmt,
               int           index,
               gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

/* TRUE for NULL, "" and text of white space only. */
static inline gboolean
vigil_str_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* A LIKE pattern that matches `text` literally (for "… LIKE ? ESCAPE '\\'"):
 * %, _ and \ are escaped; `contains` adds % on both sides, else only after. */
static inline char *
vigil_like_pattern (const char *text,
                    gboolean    contains)
{
  GString *s = g_string_new (contains ? "%" : "");

  for (; text != NULL && *text; text++)
    {
      if (*text == '%' || *text == '_' || *text == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *text);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

static inline char *
vigil_column_dup (sqlite3_stmt *stmt,
                  int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);
  return text ? g_strdup ((const char *) text) : NULL;
}

/* Creates the next INC-YYYY-NNNN reference for the year of `at` (ISO). */
char         *vigil_store_next_incident_ref (VigilStore  *self,
                                             const char  *at,
                                             GError     **error);

G_END_DECLS

G_BEGIN_DECLS

/* Appends to an incident's timeline (append-only).  `at` NULL means now;
 * `field`, `before` and `after` may be NULL.  The actor is the store's.
 * Call inside the transaction of the change it records. */
gboolean      vigil_store_add_timeline  (VigilStore   *self,
                                         gint64        incident_id,
                                         const char   *at,
                                         const char   *kind,
                                         const char   *summary,
                                         const char   *field,
                                         const char   *before,
                                         const char   *after,
                                         GError      **error);

G_END_DECLS
