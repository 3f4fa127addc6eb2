/* vigil-store-incidents.c — incidents in the store
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-store-incidents.h"
#include "vigil-store-private.h"

static VigilIncident *
get_incident_where (VigilStore  *self,
                    const char  *where,
                    const char  *text,
                    gint64       id,
                    GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM incidents i WHERE %s",
                                          vigil_incident_select_columns (), where);
  sqlite3_stmt *stmt = vigil_store_prepare (self, sql, error);
  VigilIncident *incident = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    incident = vigil_incident_new_from_row (stmt);
  else if (rc == SQLITE_DONE)
    {
      if (text != NULL)
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                     _("No incident %s"), text);
      else
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                     _("No incident with id %" G_GINT64_FORMAT), id);
    }
  else
    vigil_store_set_error (self, error, rc, NULL);
  sqlite3_reset (stmt);
  return incident;
}

VigilIncident *
vigil_store_get_incident (VigilStore  *self,
                          gint64       id,
                          GError     **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  return get_incident_where (self, "i.id = ?1", NULL, id, error);
}

VigilIncident *
vigil_store_find_incident (VigilStore  *self,
                           const char  *ref,
                           GError     **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (ref != NULL, NULL);
  return get_incident_where (self, "i.ref = ?1 COLLATE NOCASE", ref, 0, error);
}

GArray *
vigil_store_list_incident_ids (VigilStore  *self,
                               const char  *stage,
                               GError     **error)
{
  sqlite3_stmt *stmt;
  GArray *ids;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  stmt = vigil_store_prepare (self,
                              "SELECT id FROM incidents WHERE ?1 IS NULL OR stage = ?1 "
                              "ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 "
                              "WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END, "
                              "updated_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  if (stage != NULL)
    sqlite3_bind_text (stmt, 1, stage, -1, SQLITE_TRANSIENT);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
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
