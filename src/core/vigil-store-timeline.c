/* vigil-store-timeline.c — the append-only timeline of each incident
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change to an incident writes a row here in the same transaction,
 * so the record is complete without anyone writing it twice.
 */
#include "config.h"

#include "vigil-store-private.h"
#include "vigil-time.h"

gboolean
vigil_store_add_timeline (VigilStore  *self,
                          gint64       incident_id,
                          const char  *at,
                          const char  *kind,
                          const char  *summary,
                          const char  *field,
                          const char  *before,
                          const char  *after,
                          GError     **error)
{
  g_autofree char *now = vigil_time_now_iso ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (incident_id > 0, FALSE);
  g_return_val_if_fail (kind != NULL && summary != NULL, FALSE);

  stmt = vigil_store_prepare (self,
                              "INSERT INTO timeline (incident_id, at, recorded_at, actor, kind, "
                              "summary, field, before, after) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  vigil_bind_text (stmt, 2, at ? at : now);
  vigil_bind_text (stmt, 3, now);
  vigil_bind_text (stmt, 4, vigil_store_get_actor (self));
  vigil_bind_text (stmt, 5, kind);
  vigil_bind_text (stmt, 6, summary);
  vigil_bind_text (stmt, 7, field);
  vigil_bind_text (stmt, 8, before);
  vigil_bind_text (stmt, 9, after);
  return vigil_store_step_done (self, stmt, error);
}
