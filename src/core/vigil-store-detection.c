/* vigil-store-detection.c — requests to set up detection
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "vigil-store-detection.h"
#include "vigil-store-private.h"
#include "vigil-store-records.h"
#include "vigil-time.h"
#include "vigil-vocab.h"

void
vigil_detection_request_free (VigilDetectionRequest *r)
{
  if (r == NULL)
    return;
  g_free (r->incident_ref);
  g_free (r->team_name);
  g_free (r->what);
  g_free (r->where_);
  g_free (r->why);
  g_free (r->status);
  g_free (r->actor);
  g_free (r->created_at);
  g_free (r->updated_at);
  g_free (r);
}

static gboolean
fail (VigilStore *self)
{
  vigil_store_rollback (self);
  return FALSE;
}

static gboolean
exists (VigilStore *self,
        const char *table,
        gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = %" PRId64,
                                          table, id);
  return vigil_store_query_int (self, sql, NULL) > 0;
}

gint64
vigil_store_add_detection_request (VigilStore  *self,
                                   gint64       incident_id,
                                   gint64       alert_id,
                                   gint64       team_id,
                                   const char  *team,
                                   const char  *what,
                                   const char  *where_,
                                   const char  *why,
                                   GError     **error)
{
  g_autofree char *now = vigil_time_now_iso ();
  g_autofree char *what_clean = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (VIGIL_IS_STORE (self), -1);

  what_clean = g_strstrip (g_strdup (what ? what : ""));
  if (*what_clean == '\0')
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("Say what should be detected"));
      return -1;
    }
  if ((!g_utf8_validate (what_clean, -1, NULL)) ||
      (where_ && !g_utf8_validate (where_, -1, NULL)) || (why && !g_utf8_validate (why, -1, NULL)))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("The text is not valid UTF-8"));
      return -1;
    }

  if (!vigil_store_begin (self, error))
    return -1;
  if (team_id <= 0 && team != NULL && *team != '\0')
    {
      team_id = vigil_store_find_team_id (self, team, error);
      if (team_id <= 0)
        return fail (self), -1;
    }
  else if (team_id > 0 && !exists (self, "teams", team_id))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("No team with id %" PRId64 " in the organisation"), team_id);
      return fail (self), -1;
    }
  if (team_id <= 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("Say which team should set up the detection"));
      return fail (self), -1;
    }
  if (incident_id > 0 && !exists (self, "incidents", incident_id))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("No incident with id %" PRId64), incident_id);
      return fail (self), -1;
    }
  if (alert_id > 0 && !exists (self, "alerts", alert_id))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("No alert with id %" PRId64), alert_id);
      return fail (self), -1;
    }

  stmt = vigil_store_prepare (self, "INSERT INTO detection_requests (incident_id, alert_id, "
                              "team_id, what, where_, why, status, actor, created_at, updated_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'requested', ?7, ?8, ?8)", error);
  if (stmt == NULL)
    return fail (self), -1;
  vigil_bind_id (stmt, 1, incident_id);
  vigil_bind_id (stmt, 2, alert_id);
  vigil_bind_id (stmt, 3, team_id);
  vigil_bind_text (stmt, 4, what_clean);
  vigil_bind_text (stmt, 5, where_ ? where_ : "");
  vigil_bind_text (stmt, 6, why ? why : "");
  vigil_bind_text (stmt, 7, vigil_store_get_actor (self));
  vigil_bind_text (stmt, 8, now);
  if (!vigil_store_step_done (self, stmt, error))
    return fail (self), -1;
  id = sqlite3_last_insert_rowid (vigil_store_get_db (self));

  if (incident_id > 0)
    {
      g_autofree char *summary = g_strdup_printf (_("Detection requested: %s"), what_clean);
      if (!vigil_store_add_timeline (self, incident_id, NULL, "detection", summary, "detection",
                                     NULL, "requested", error))
        return fail (self), -1;
      vigil_store_notify (self, VIGIL_KIND_INCIDENT, incident_id);
    }
  vigil_store_notify (self, VIGIL_KIND_DETECTION, id);
  if (!vigil_store_commit (self, error))
    return -1;
  return id;
}

static gboolean
transition_allowed (const char *from,
                    const char *to)
{
  static const char * const allowed[][2] = {
    { "requested", "accepted" }, { "accepted", "deployed" }, { "requested", "rejected" },
    { "accepted", "rejected" }, { "rejected", "requested" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    if (g_str_equal (allowed[i][0], from) && g_str_equal (allowed[i][1], to))
      return TRUE;
  return FALSE;
}

gboolean
vigil_store_set_detection_status (VigilStore  *self,
                                  gint64       id,
                                  const char  *status,
                                  GError     **error)
{
  g_autofree char *now = vigil_time_now_iso ();
  g_autofree char *before = NULL;
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;
  gint64 incident_id;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  if (!vigil_vocab_validate (VIGIL_VOCAB_DETECTION_STATUS, status, error))
    return FALSE;
  if (!vigil_store_begin (self, error))
    return FALSE;
  stmt = vigil_store_prepare (self, "SELECT status, what, coalesce(incident_id, 0) "
                              "FROM detection_requests WHERE id = ?1", error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      before = vigil_column_dup (stmt, 0);
      what = vigil_column_dup (stmt, 1);
      incident_id = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (before == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("No detection request with id %" PRId64), id);
      return fail (self);
    }
  if (g_str_equal (before, status))
    {
      vigil_store_rollback (self);
      return TRUE;
    }
  if (!transition_allowed (before, status))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED,
                   _("A detection request that is %s cannot become %s: requests go from "
                     "requested to accepted to deployed, or are rejected before deployment"),
                   before, status);
      return fail (self);
    }
  stmt = vigil_store_prepare (self, "UPDATE detection_requests SET status = ?2, updated_at = ?3 "
                              "WHERE id = ?1", error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, id);
  vigil_bind_text (stmt, 2, status);
  vigil_bind_text (stmt, 3, now);
  if (!vigil_store_step_done (self, stmt, error))
    return fail (self);
  if (incident_id > 0)
    {
      g_autofree char *summary =
        g_strdup_printf (_("Detection request “%s”: %s → %s"), what,
                         vigil_vocab_label (VIGIL_VOCAB_DETECTION_STATUS, before),
                         vigil_vocab_label (VIGIL_VOCAB_DETECTION_STATUS, status));
      if (!vigil_store_add_timeline (self, incident_id, NULL, "detection", summary, "status",
                                     before, status, error))
        return fail (self);
      vigil_store_notify (self, VIGIL_KIND_INCIDENT, incident_id);
    }
  vigil_store_notify (self, VIGIL_KIND_DETECTION, id);
  return vigil_store_commit (self, error);
}

GPtrArray *
vigil_store_list_detection_requests (VigilStore  *self,
                                     const char  *status,
                                     gint64       incident_id,
                                     GError     **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *out;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  if (status != NULL && !vigil_vocab_validate (VIGIL_VOCAB_DETECTION_STATUS, status, error))
    return NULL;
  stmt = vigil_store_prepare (self,
                              "SELECT d.id, coalesce(d.incident_id, 0), i.ref, "
                              "coalesce(d.alert_id, 0), coalesce(d.team_id, 0), t.name, d.what, "
                              "d.where_, d.why, d.status, d.actor, d.created_at, d.updated_at "
                              "FROM detection_requests d "
                              "LEFT JOIN incidents i ON i.id = d.incident_id "
                              "LEFT JOIN teams t ON t.id = d.team_id "
                              "WHERE (?1 IS NULL OR d.status = ?1) "
                              "AND (?2 = 0 OR d.incident_id = ?2) "
                              "ORDER BY CASE d.status WHEN 'requested' THEN 0 "
                              "WHEN 'accepted' THEN 1 ELSE 2 END, d.updated_at DESC, d.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  vigil_bind_text (stmt, 1, status);
  sqlite3_bind_int64 (stmt, 2, incident_id);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_detection_request_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilDetectionRequest *r = g_new0 (VigilDetectionRequest, 1);

      r->id = sqlite3_column_int64 (stmt, 0);
      r->incident_id = sqlite3_column_int64 (stmt, 1);
      r->incident_ref = vigil_column_dup (stmt, 2);
      r->alert_id = sqlite3_column_int64 (stmt, 3);
      r->team_id = sqlite3_column_int64 (stmt, 4);
      r->team_name = vigil_column_dup (stmt, 5);
      r->what = vigil_column_dup (stmt, 6);
      r->where_ = vigil_column_dup (stmt, 7);
      r->why = vigil_column_dup (stmt, 8);
      r->status = vigil_column_dup (stmt, 9);
      r->actor = vigil_column_dup (stmt, 10);
      r->created_at = vigil_column_dup (stmt, 11);
      r->updated_at = vigil_column_dup (stmt, 12);
      g_ptr_array_add (out, r);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      g_clear_pointer (&out, g_ptr_array_unref);
    }
  sqlite3_reset (stmt);
  return out;
}
