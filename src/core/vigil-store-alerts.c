/* vigil-store-alerts.c — alert intake: import, deduplication, enrichment, triage
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-store-alerts.h"
#include "vigil-address-match.h"
#include "vigil-store-incidents.h"
#include "vigil-store-private.h"
#include "vigil-time.h"
#include "vigil-vocab.h"

#define MAX_ERRORS 100
#define MAX_CACHED_GROUPS 200000

static int
rank (const char *key)
{
  static const char * const keys[] = { "low", "medium", "high", "critical" };

  if (key == NULL)
    return 0;
  for (int i = 0; i < 4; i++)
    if (strcmp (keys[i], key) == 0)
      return i + 1;
  return 0;
}

/* SQL for ranks, used in ORDER BY */
#define SEVERITY_RANK(col) \
  "(CASE " col " WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END)"

/* an asset's criticality; NULL (no asset) ranks as medium */
#define CRITICALITY_RANK(col) \
  "(CASE " col " WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 " \
  "WHEN 'low' THEN 1 END)"

/* ---- Severity mapping ------------------------------------------------------ */

static gboolean
entry_matches (const char *pattern,
               gsize       plen,
               const char *raw)
{
  const char *dash;
  char *end;

  if (plen == 1 && pattern[0] == '*')
    return TRUE;
  if (raw == NULL)
    return FALSE;
  if (strlen (raw) == plen && g_ascii_strncasecmp (pattern, raw, plen) == 0)
    return TRUE;
  dash = memchr (pattern + 1, '-', plen - 1);
  if (dash != NULL && g_ascii_isdigit (pattern[0]))
    {
      gint64 lo = g_ascii_strtoll (pattern, NULL, 10);
      gint64 hi = g_ascii_strtoll (dash + 1, NULL, 10);
      gint64 v = g_ascii_strtoll (raw, &end, 10);
      if (end != raw && (*end == '\0' || *end == '.') && v >= lo && v <= hi)
        return TRUE;
    }
  return FALSE;
}

const char *
vigil_severity_map_lookup (const char *map,
                           const char *raw)
{
  static const char * const keys[] = { "low", "medium", "high", "critical" };
  const char *p = map;

  if (raw != NULL)
    for (int i = 0; i < 4; i++)
      if (g_ascii_strcasecmp (raw, keys[i]) == 0)
        return keys[i];

  while (p != NULL && *p)
    {
      const char *comma = strchr (p, ',');
      const char *eq = strchr (p, '=');
      gsize elen = comma ? (gsize) (comma - p) : strlen (p);

      while (*p == ' ' && elen > 0)
        p++, elen--;
      if (eq != NULL && (gsize) (eq - p) < elen)
        {
          gsize vlen = elen - (eq - p) - 1;
          if (entry_matches (p, eq - p, raw))
            for (int i = 0; i < 4; i++)
              if (strlen (keys[i]) == vlen && strncmp (eq + 1, keys[i], vlen) == 0)
                return keys[i];
        }
      p = comma ? comma + 1 : NULL;
    }
  if (raw != NULL)
    {
      if (g_ascii_strcasecmp (raw, "informational") == 0 || g_ascii_strcasecmp (raw, "info") == 0)
        return "low";
    }
  return "medium";
}

gboolean
vigil_severity_map_validate (const char  *map,
                             GError     **error)
{
  g_auto(GStrv) entries = NULL;

  if (map == NULL || *map == '\0')
    return TRUE;
  entries = g_strsplit (map, ",", -1);
  for (guint i = 0; entries[i]; i++)
    {
      char *e = g_strstrip (entries[i]);
      char *eq = strchr (e, '=');

      if (eq == NULL || eq == e || rank (g_strstrip (eq + 1)) == 0)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("Bad severity mapping entry “%s”: expected value=severity, such as "
                         "1=high or 4-7=medium, with a severity of low, medium, high or "
                         "critical"), e);
          return FALSE;
        }
    }
  return TRUE;
}

static char *
meta_get (VigilStore *self,
          const char *key)
{
  sqlite3_stmt *stmt = vigil_store_prepare (self, "SELECT value FROM meta WHERE key = ?1", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  vigil_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = vigil_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static gboolean
meta_set (VigilStore  *self,
          const char  *key,
          const char  *value,
          GError     **error)
{
  sqlite3_stmt *stmt;

  if (value == NULL)
    {
      stmt = vigil_store_prepare (self, "DELETE FROM meta WHERE key = ?1", error);
      if (stmt == NULL)
        return FALSE;
      vigil_bind_text (stmt, 1, key);
      return vigil_store_step_done (self, stmt, error);
    }
  stmt = vigil_store_prepare (self, "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;
  vigil_bind_text (stmt, 1, key);
  vigil_bind_text (stmt, 2, value);
  return vigil_store_step_done (self, stmt, error);
}

char *
vigil_store_dup_severity_map (VigilStore *self,
                              const char *source)
{
  g_autofree char *key = g_strconcat ("alerts.severity-map.", source, NULL);
  const VigilImporterClass *klass;
  char *map = meta_get (self, key);

  if (map != NULL)
    return map;
  klass = vigil_importer_find (source);
  return g_strdup (klass ? klass->severity_map : "*=medium");
}

gboolean
vigil_store_set_severity_map (VigilStore  *self,
                              const char  *source,
                              const char  *map,
                              GError     **error)
{
  g_autofree char *key = NULL;

  if (vigil_importer_find (source) == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("Unknown alert source “%s”"), source);
      return FALSE;
    }
  if (!vigil_severity_map_validate (map, error))
    return FALSE;
  key = g_strconcat ("alerts.severity-map.", source, NULL);
  if (!vigil_store_begin (self, error))
    return FALSE;
  if (!meta_set (self, key, (map && *map) ? map : NULL, error))
    {
      vigil_store_rollback (self);
      return FALSE;
    }
  vigil_store_notify (self, VIGIL_KIND_RULE, 0);
  return vigil_store_commit (self, error);
}

/* ---- Linking alerts to incidents ---------------------------------------------- */

/* Through the incidents API, so the new incident gets its reference, due
 * time and 'created' timeline row like any other. */
static gboolean
create_incident (VigilStore  *self,
                 const char  *title,
                 const char  *description,
                 const char  *severity,
                 const char  *occurred_at,
                 const char  *now,
                 gint64      *incident_id,
                 GError     **error)
{
  g_autoptr(VigilIncident) incident = NULL;
  VigilIncidentChanges changes = { 0 };

  changes.title = title;
  changes.description = description;
  changes.severity = severity;
  changes.occurred_at = occurred_at;
  changes.detected_at = now;
  incident = vigil_store_create_incident (self, &changes, error);
  if (incident == NULL)
    return FALSE;
  *incident_id = vigil_incident_get_id (incident);
  return TRUE;
}

typedef struct
{
  gint64  id;
  char   *title;
  char   *source;
  char   *severity;
  char   *status;
  char   *first_seen;
  char   *incident_ref;
  gint64  count;
} AlertBrief;

static void
alert_brief_clear (AlertBrief *a)
{
  g_free (a->title);
  g_free (a->source);
  g_free (a->severity);
  g_free (a->status);
  g_free (a->first_seen);
  g_free (a->incident_ref);
}

static gboolean
load_brief (VigilStore  *self,
            gint64       id,
            AlertBrief  *a,
            GError     **error)
{
  sqlite3_stmt *stmt = vigil_store_prepare (self,
      "SELECT a.title, a.source, a.severity, a.status, a.first_seen, i.ref, a.count "
      "FROM alerts a LEFT JOIN incidents i ON i.id = a.incident_id WHERE a.id = ?1", error);
  int rc;

  memset (a, 0, sizeof *a);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                     _("No alert %" PRId64 "; see “vigilctl alert list”"), id);
      else
        vigil_store_set_error (self, error, rc, "alert");
      return FALSE;
    }
  a->id = id;
  a->title = vigil_column_dup (stmt, 0);
  a->source = vigil_column_dup (stmt, 1);
  a->severity = vigil_column_dup (stmt, 2);
  a->status = vigil_column_dup (stmt, 3);
  a->first_seen = vigil_column_dup (stmt, 4);
  a->incident_ref = vigil_column_dup (stmt, 5);
  a->count = sqlite3_column_int64 (stmt, 6);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
check_linkable (AlertBrief  *a,
                GError     **error)
{
  if (strcmp (a->status, "promoted") == 0 || strcmp (a->status, "merged") == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED,
                   _("Alert %" PRId64 " (“%s”) is already linked to %s"), a->id,
                   a->title, a->incident_ref ? a->incident_ref : _("an incident"));
      return FALSE;
    }
  return TRUE;
}

/* Carries the alert's observables and asset into the incident, links both
 * ways and writes the timeline row. */
static gboolean
link_alert (VigilStore  *self,
            AlertBrief  *a,
            gint64       incident_id,
            const char  *status,
            const char  *now,
            GError     **error)
{
  g_autofree char *summary = NULL;
  sqlite3_stmt *stmt;

  stmt = vigil_store_prepare (self,
      "INSERT INTO observables (incident_id, type, value, ioc, tlp, note, created_at) "
      "SELECT ?1, o.type, o.value, max(o.ioc), o.tlp, o.note, ?3 FROM observables o "
      "WHERE o.alert_id = ?2 AND NOT EXISTS (SELECT 1 FROM observables x "
      "  WHERE x.incident_id = ?1 AND x.type = o.type AND x.value = o.value) "
      "GROUP BY o.type, o.value", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  sqlite3_bind_int64 (stmt, 2, a->id);
  vigil_bind_text (stmt, 3, now);
  if (!vigil_store_step_done (self, stmt, error))
    return FALSE;

  stmt = vigil_store_prepare (self,
      "INSERT INTO observables (incident_id, type, value, ioc, tlp, note, created_at) "
      "SELECT ?1, 'ip', v, 0, 'amber', '', ?3 FROM "
      "  (SELECT src_addr AS v FROM alerts WHERE id = ?2 UNION "
      "   SELECT dst_addr FROM alerts WHERE id = ?2) "
      "WHERE v IS NOT NULL AND v <> '' AND v <> '0.0.0.0' AND NOT EXISTS "
      "  (SELECT 1 FROM observables x WHERE x.incident_id = ?1 AND x.type = 'ip' AND x.value = v)",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  sqlite3_bind_int64 (stmt, 2, a->id);
  vigil_bind_text (stmt, 3, now);
  if (!vigil_store_step_done (self, stmt, error))
    return FALSE;

  stmt = vigil_store_prepare (self,
      "INSERT OR IGNORE INTO incident_assets (incident_id, asset_id) "
      "SELECT ?1, asset_id FROM alerts WHERE id = ?2 AND asset_id IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  sqlite3_bind_int64 (stmt, 2, a->id);
  if (!vigil_store_step_done (self, stmt, error))
    return FALSE;

  stmt = vigil_store_prepare (self,
      "UPDATE alerts SET status = ?2, incident_id = ?3, dismiss_reason = NULL, updated_at = ?4 "
      "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->id);
  vigil_bind_text (stmt, 2, status);
  sqlite3_bind_int64 (stmt, 3, incident_id);
  vigil_bind_text (stmt, 4, now);
  if (!vigil_store_step_done (self, stmt, error))
    return FALSE;

  if (strcmp (status, "promoted") == 0)
    summary = g_strdup_printf (_("Alert promoted: %s (%s, %" PRId64 " events)"),
                               a->title, a->source, a->count);
  else
    summary = g_strdup_printf (_("Alert merged: %s (%s, %" PRId64 " events)"),
                               a->title, a->source, a->count);
  if (!vigil_store_add_timeline (self, incident_id, a->first_seen, "alert", summary,
                                 NULL, NULL, NULL, error))
    return FALSE;
  vigil_store_notify (self, VIGIL_KIND_ALERT, a->id);
  vigil_store_notify (self, VIGIL_KIND_OBSERVABLE, 0);
  return TRUE;
}

/* Inside a transaction. */
static gboolean
promote_in_transaction (VigilStore    *self,
                        const gint64  *ids,
                        guint          n_ids,
                        const char    *title,
                        const char    *why,
                        gint64        *incident_id,
                        GError       **error)
{
  g_autofree char *now = vigil_time_now_iso ();
  g_autofree char *summary = NULL;
  g_autoptr(GArray) briefs = g_array_new (FALSE, TRUE, sizeof (AlertBrief));
  const char *severity = "low";
  const char *first = NULL;
  gint64 id = 0;

  g_array_set_clear_func (briefs, (GDestroyNotify) alert_brief_clear);
  for (guint i = 0; i < n_ids; i++)
    {
      AlertBrief a;
      if (!load_brief (self, ids[i], &a, error))
        return FALSE;
      g_array_append_val (briefs, a);
      if (!check_linkable (&a, error))
        return FALSE;
      if (rank (a.severity) > rank (severity))
        severity = g_array_index (briefs, AlertBrief, i).severity;
      if (first == NULL || strcmp (a.first_seen, first) < 0)
        first = g_array_index (briefs, AlertBrief, i).first_seen;
    }
  if (title == NULL || *title == '\0')
    title = g_array_index (briefs, AlertBrief, 0).title;

  if (n_ids == 1)
    summary = g_strdup_printf (_("Created from a %s alert%s."),
                               g_array_index (briefs, AlertBrief, 0).source, why ? why : "");
  else
    summary = g_strdup_printf (_("Created from %u alerts%s."), n_ids, why ? why : "");
  if (!create_incident (self, title, summary, severity, first, now, &id, error))
    return FALSE;
  for (guint i = 0; i < briefs->len; i++)
    if (!link_alert (self, &g_array_index (briefs, AlertBrief, i), id, "promoted", now, error))
      return FALSE;
  if (incident_id)
    *incident_id = id;
  return TRUE;
}

static gboolean
check_ids (const gint64  *ids,
           guint          n_ids,
           GError       **error)
{
  if (n_ids == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("No alert given"));
      return FALSE;
    }
  return TRUE;
}

gboolean
vigil_store_promote_alerts (VigilStore    *self,
                            const gint64  *ids,
                            guint          n_ids,
                            const char    *title,
                            gint64        *incident_id,
                            GError       **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  if (!check_ids (ids, n_ids, error) || !vigil_store_begin (self, error))
    return FALSE;
  if (!promote_in_transaction (self, ids, n_ids, title, NULL, incident_id, error))
    {
      vigil_store_rollback (self);
      return FALSE;
    }
  return vigil_store_commit (self, error);
}

gboolean
vigil_store_merge_alerts (VigilStore    *self,
                          const gint64  *ids,
                          guint          n_ids,
                          gint64         incident_id,
                          GError       **error)
{
  g_autofree char *now = vigil_time_now_iso ();
  g_autofree char *stage = NULL;
  g_autofree char *ref = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  if (!check_ids (ids, n_ids, error) || !vigil_store_begin (self, error))
    return FALSE;
  stmt = vigil_store_prepare (self, "SELECT stage, ref FROM incidents WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      stage = vigil_column_dup (stmt, 0);
      ref = vigil_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (stage == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("No incident %" PRId64 " to merge into"), incident_id);
      goto fail;
    }
  if (strcmp (stage, "closed") == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED,
                   _("%s is closed; merge alerts into an open incident, or promote them to "
                     "a new one"), ref);
      goto fail;
    }
  for (guint i = 0; i < n_ids; i++)
    {
      AlertBrief a;
      gboolean ok;

      if (!load_brief (self, ids[i], &a, error))
        goto fail;
      ok = check_linkable (&a, error) && link_alert (self, &a, incident_id, "merged", now, error);
      alert_brief_clear (&a);
      if (!ok)
        goto fail;
    }
  stmt = vigil_store_prepare (self, "UPDATE incidents SET updated_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  vigil_bind_text (stmt, 2, now);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  vigil_store_notify (self, VIGIL_KIND_INCIDENT, incident_id);
  return vigil_store_commit (self, error);

fail:
  vigil_store_rollback (self);
  return FALSE;
}

gboolean
vigil_store_dismiss_alerts (VigilStore    *self,
                            const gint64  *ids,
                            guint          n_ids,
                            const char    *reason,
                            GError       **error)
{
  g_autofree char *now = vigil_time_now_iso ();

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  if (g_strcmp0 (reason, "false-positive") != 0 && g_strcmp0 (reason, "benign") != 0 &&
      g_strcmp0 (reason, "duplicate") != 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("“%s” is not a reason to dismiss; expected false-positive, benign or "
                     "duplicate"), reason ? reason : "");
      return FALSE;
    }
  if (!check_ids (ids, n_ids, error) || !vigil_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      AlertBrief a;
      sqlite3_stmt *stmt;
      gboolean ok;

      if (!load_brief (self, ids[i], &a, error))
        goto fail;
      ok = check_linkable (&a, error);
      alert_brief_clear (&a);
      if (!ok)
        goto fail;
      stmt = vigil_store_prepare (self,
          "UPDATE alerts SET status = 'dismissed', dismiss_reason = ?2, updated_at = ?3 "
          "WHERE id = ?1", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      vigil_bind_text (stmt, 2, reason);
      vigil_bind_text (stmt, 3, now);
      if (!vigil_store_step_done (self, stmt, error))
        goto fail;
      vigil_store_notify (self, VIGIL_KIND_ALERT, ids[i]);
    }
  return vigil_store_commit (self, error);

fail:
  vigil_store_rollback (self);
  return FALSE;
}

gint64
vigil_store_resolve_incident (VigilStore  *self,
                              const char  *ref,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  char *end;

  if (ref == NULL || *ref == '\0')
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("No incident given"));
      return 0;
    }
  if (ref[0] == '#')
    ref++;
  id = g_ascii_strtoll (ref, &end, 10);
  if (end != ref && *end == '\0')
    stmt = vigil_store_prepare (self, "SELECT id FROM incidents WHERE id = ?1", error);
  else
    stmt = vigil_store_prepare (self, "SELECT id FROM incidents WHERE ref = upper(?1)", error);
  if (stmt == NULL)
    return 0;
  if (end != ref && *end == '\0')
    sqlite3_bind_int64 (stmt, 1, id);
  else
    vigil_bind_text (stmt, 1, ref);
  id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (id == 0)
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                 _("No incident “%s”; give its reference (INC-2026-0001) or id"), ref);
  return id;
}

gint64
vigil_store_resolve_alert_asset (VigilStore  *self,
                                 const char  *text,
                                 GError     **error)
{
  sqlite3_stmt *stmt = vigil_store_prepare (self,
      "SELECT id FROM assets WHERE CAST(id AS TEXT) = ?1 OR name = ?1 COLLATE NOCASE "
      "OR hostname = ?1 COLLATE NOCASE "
      "OR id IN (SELECT asset_id FROM asset_addresses WHERE address = ?1) "
      "ORDER BY CAST(id AS TEXT) = ?1 DESC, name = ?1 COLLATE NOCASE DESC LIMIT 1", error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  vigil_bind_text (stmt, 1, text);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                 _("No asset “%s”; give its id, name, hostname or address"), text ? text : "");
  return id;
}

/* ---- Suppression and auto-promotion rules -------------------------------------- */

void
vigil_suppression_rule_free (VigilSuppressionRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->source);
  g_free (rule->rule);
  g_free (rule->asset_name);
  g_free (rule->reason);
  g_free (rule->expires_at);
  g_free (rule->actor);
  g_free (rule->created_at);
  g_free (rule);
}

gint64
vigil_store_add_suppression (VigilStore   *self,
                             const char   *source,
                             const char   *rule,
                             gint64        asset_id,
                             guint         days,
                             const char   *reason,
                             guint        *n_suppressed,
                             GError      **error)
{
  g_autofree char *now = vigil_time_now_iso ();
  g_autofree char *expires = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (VIGIL_IS_STORE (self), 0);

  if (rule == NULL || *rule == '\0')
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("A suppression rule needs the rule or signature to ignore"));
      return 0;
    }
  if (source != NULL && *source == '\0')
    source = NULL;
  if (days > 0)
    expires = vigil_time_from_unix (vigil_time_to_unix (now) + (gint64) days * 86400);
  if (!vigil_store_begin (self, error))
    return 0;
  if (asset_id > 0)
    {
      gboolean found;
      stmt = vigil_store_prepare (self, "SELECT 1 FROM assets WHERE id = ?1", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, asset_id);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (found)
        goto insert;

      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("No asset %" PRId64), asset_id);
      goto fail;
    }
insert:
  stmt = vigil_store_prepare (self,
      "INSERT INTO suppression_rules (source, rule, asset_id, reason, expires_at, actor, "
      "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    goto fail;
  vigil_bind_text (stmt, 1, source);
  vigil_bind_text (stmt, 2, rule);
  vigil_bind_id (stmt, 3, asset_id);
  vigil_bind_text (stmt, 4, reason ? reason : "");
  vigil_bind_text (stmt, 5, expires);
  vigil_bind_text (stmt, 6, vigil_store_get_actor (self));
  vigil_bind_text (stmt, 7, now);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (vigil_store_get_db (self));

  stmt = vigil_store_prepare (self,
      "UPDATE alerts SET status = 'suppressed', updated_at = ?4 WHERE status = 'new' "
      "AND rule = ?1 AND (?2 IS NULL OR source = ?2) AND (?3 IS NULL OR asset_id = ?3)", error);
  if (stmt == NULL)
    goto fail;
  vigil_bind_text (stmt, 1, rule);
  vigil_bind_text (stmt, 2, source);
  vigil_bind_id (stmt, 3, asset_id);
  vigil_bind_text (stmt, 4, now);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  if (n_suppressed)
    *n_suppressed = sqlite3_changes (vigil_store_get_db (self));
  vigil_store_notify (self, VIGIL_KIND_RULE, id);
  vigil_store_notify (self, VIGIL_KIND_ALERT, 0);
  if (!vigil_store_commit (self, error))
    return 0;
  return id;

fail:
  vigil_store_rollback (self);
  return 0;
}

static gboolean
delete_rule (VigilStore  *self,
             const char  *sql,
             gint64       id,
             GError     **error)
{
  sqlite3_stmt *stmt;

  if (!vigil_store_begin (self, error))
    return FALSE;
  stmt = vigil_store_prepare (self, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (vigil_store_get_db (self)) == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("No rule %" PRId64), id);
      goto fail;
    }
  vigil_store_notify (self, VIGIL_KIND_RULE, id);
  return vigil_store_commit (self, error);
fail:
  vigil_store_rollback (self);
  return FALSE;
}

gboolean
vigil_store_delete_suppression (VigilStore  *self,
                                gint64       id,
                                GError     **error)
{
  return delete_rule (self, "DELETE FROM suppression_rules WHERE id = ?1", id, error);
}

GPtrArray *
vigil_store_list_suppressions (VigilStore  *self,
                               GError     **error)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (
      (GDestroyNotify) vigil_suppression_rule_free);
  g_autofree char *now = vigil_time_now_iso ();
  sqlite3_stmt *stmt = vigil_store_prepare (self,
      "SELECT r.id, r.source, r.rule, r.asset_id, a.name, r.reason, r.expires_at, r.actor, "
      "r.created_at FROM suppression_rules r LEFT JOIN assets a ON a.id = r.asset_id "
      "ORDER BY (r.expires_at IS NOT NULL AND r.expires_at <= ?1), r.created_at DESC, r.id DESC",
      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  vigil_bind_text (stmt, 1, now);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilSuppressionRule *r = g_new0 (VigilSuppressionRule, 1);
      r->id = sqlite3_column_int64 (stmt, 0);
      r->source = vigil_column_dup (stmt, 1);
      r->rule = vigil_column_dup (stmt, 2);
      r->asset_id = sqlite3_column_int64 (stmt, 3);
      r->asset_name = vigil_column_dup (stmt, 4);
      r->reason = vigil_column_dup (stmt, 5);
      r->expires_at = vigil_column_dup (stmt, 6);
      r->actor = vigil_column_dup (stmt, 7);
      r->created_at = vigil_column_dup (stmt, 8);
      g_ptr_array_add (rules, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, "suppression rules");
      return NULL;
    }
  return g_steal_pointer (&rules);
}

void
vigil_auto_promotion_rule_free (VigilAutoPromotionRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->name);
  g_free (rule->min_severity);
  g_free (rule->min_criticality);
  g_free (rule->source);
  g_free (rule);
}

gint64
vigil_store_add_auto_promotion (VigilStore  *self,
                                const char  *name,
                                const char  *min_severity,
                                const char  *min_criticality,
                                const char  *source,
                                GError     **error)
{
  g_autofree char *now = vigil_time_now_iso ();
  sqlite3_stmt *stmt;
  gint64 id;

  if (name == NULL || *name == '\0')
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("An auto-promotion rule needs a name"));
      return 0;
    }
  if (!vigil_vocab_validate (VIGIL_VOCAB_SEVERITY, min_severity, error))
    return 0;
  if (min_criticality != NULL && *min_criticality == '\0')
    min_criticality = NULL;
  if (min_criticality != NULL &&
      !vigil_vocab_validate (VIGIL_VOCAB_CRITICALITY, min_criticality, error))
    return 0;
  if (source != NULL && *source == '\0')
    source = NULL;
  if (!vigil_store_begin (self, error))
    return 0;
  stmt = vigil_store_prepare (self,
      "INSERT INTO auto_promotion_rules (name, min_severity, min_criticality, source, enabled, "
      "created_at) VALUES (?1, ?2, ?3, ?4, 1, ?5)", error);
  if (stmt == NULL)
    goto fail;
  vigil_bind_text (stmt, 1, name);
  vigil_bind_text (stmt, 2, min_severity);
  vigil_bind_text (stmt, 3, min_criticality);
  vigil_bind_text (stmt, 4, source);
  vigil_bind_text (stmt, 5, now);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (vigil_store_get_db (self));
  vigil_store_notify (self, VIGIL_KIND_RULE, id);
  if (!vigil_store_commit (self, error))
    return 0;
  return id;
fail:
  vigil_store_rollback (self);
  return 0;
}

gboolean
vigil_store_set_auto_promotion_enabled (VigilStore  *self,
                                        gint64       id,
                                        gboolean     enabled,
                                        GError     **error)
{
  sqlite3_stmt *stmt;

  if (!vigil_store_begin (self, error))
    return FALSE;
  stmt = vigil_store_prepare (self, "UPDATE auto_promotion_rules SET enabled = ?2 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, enabled ? 1 : 0);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (vigil_store_get_db (self)) == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("No rule %" PRId64), id);
      goto fail;
    }
  vigil_store_notify (self, VIGIL_KIND_RULE, id);
  return vigil_store_commit (self, error);
fail:
  vigil_store_rollback (self);
  return FALSE;
}

gboolean
vigil_store_delete_auto_promotion (VigilStore  *self,
                                   gint64       id,
                                   GError     **error)
{
  return delete_rule (self, "DELETE FROM auto_promotion_rules WHERE id = ?1", id, error);
}

GPtrArray *
vigil_store_list_auto_promotions (VigilStore  *self,
                                  GError     **error)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (
      (GDestroyNotify) vigil_auto_promotion_rule_free);
  sqlite3_stmt *stmt = vigil_store_prepare (self,
      "SELECT id, name, min_severity, min_criticality, source, enabled "
      "FROM auto_promotion_rules ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilAutoPromotionRule *r = g_new0 (VigilAutoPromotionRule, 1);
      r->id = sqlite3_column_int64 (stmt, 0);
      r->name = vigil_column_dup (stmt, 1);
      r->min_severity = vigil_column_dup (stmt, 2);
      r->min_criticality = vigil_column_dup (stmt, 3);
      r->source = vigil_column_dup (stmt, 4);
      r->enabled = sqlite3_column_int (stmt, 5) != 0;
      g_ptr_array_add (rules, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, "auto-promotion rules");
      return NULL;
    }
  return g_steal_pointer (&rules);
}

/* ---- Reading ---------------------------------------------------------------------- */

/* Whether the database has a table or column of schema 2: a database made
 * while schema 2 was being written may lack the later ones (alert_raw:
 * the raw events out of the alerts row; alerts.triage_rank: the page's
 * order, indexed). */
static gboolean
schema_has (VigilStore *self,
            const char *what)
{
  g_autofree char *key = g_strconcat ("vigil-alerts-has-", what, NULL);
  gpointer known = g_object_get_data (G_OBJECT (self), key);

  if (known == NULL)
    {
      gint64 n = strcmp (what, "alert_raw") == 0
        ? vigil_store_query_int (self, "SELECT count(*) FROM sqlite_schema WHERE "
                                       "type = 'table' AND name = 'alert_raw'", NULL)
        : vigil_store_query_int (self, "SELECT count(*) FROM pragma_table_info('alerts') "
                                       "WHERE name = 'triage_rank'", NULL);
      known = GINT_TO_POINTER (n > 0 ? 1 : 2);
      g_object_set_data (G_OBJECT (self), key, known);
    }
  return GPOINTER_TO_INT (known) == 1;
}

static gboolean
has_raw_table (VigilStore *self)
{
  return schema_has (self, "alert_raw");
}

static void
bind_filter (sqlite3_stmt           *stmt,
             const VigilAlertFilter *filter)
{
  const char *status = filter->status ? filter->status : "new";

  if (strcmp (status, "open") == 0)
    status = "new";
  vigil_bind_text (stmt, 1, status);
  vigil_bind_text (stmt, 2, filter->source);
  vigil_bind_text (stmt, 3, filter->min_severity);
  if (filter->text && *filter->text)
    {
      g_autofree char *like = vigil_like_pattern (filter->text, TRUE);
      sqlite3_bind_text (stmt, 4, like, -1, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_null (stmt, 4);
}

/* The WHERE clause of a filter, with only the conditions it uses, so that
 * SQLite can read a status's rows from an index; the parameters keep their
 * numbers (?1 status, ?2 source, ?3 minimum severity, ?4 text). */
static void
append_filter (GString                *sql,
               const VigilAlertFilter *filter)
{
  const char *status = filter->status ? filter->status : "new";

  if (filter->text && *filter->text)
    g_string_append (sql, "LEFT JOIN assets s ON s.id = a.asset_id ");
  g_string_append (sql, "WHERE ?1 IS NOT NULL ");
  if (strcmp (status, "all") != 0)
    g_string_append (sql, "AND a.status = ?1 ");
  if (filter->source != NULL)
    g_string_append (sql, "AND a.source = ?2 ");
  if (filter->min_severity != NULL)
    g_string_append (sql, "AND " SEVERITY_RANK ("a.severity") " >= " SEVERITY_RANK ("?3") " ");
  if (filter->text && *filter->text)
    g_string_append (sql, "AND (a.title LIKE ?4 ESCAPE '\\' OR a.rule LIKE ?4 ESCAPE '\\' "
                          " OR a.src_addr LIKE ?4 ESCAPE '\\' OR a.dst_addr LIKE ?4 ESCAPE '\\' "
                          " OR a.hostname LIKE ?4 ESCAPE '\\' OR s.name LIKE ?4 ESCAPE '\\') ");
}

GArray *
vigil_store_list_alert_ids (VigilStore              *self,
                            const VigilAlertFilter  *filter,
                            GError                 **error)
{
  VigilAlertFilter none = { 0 };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) sql = g_string_new ("SELECT a.id FROM alerts a ");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  if (filter == NULL)
    filter = &none;
  if (schema_has (self, "triage_rank"))
    {
      append_filter (sql, filter);
      g_string_append (sql, "ORDER BY a.triage_rank DESC, a.last_seen DESC, a.id DESC");
    }
  else
    {
      g_string_append (sql, "LEFT JOIN assets s ON s.id = a.asset_id WHERE "
          "(?1 = 'all' OR a.status = ?1) AND (?2 IS NULL OR a.source = ?2) AND "
          "(?3 IS NULL OR " SEVERITY_RANK ("a.severity") " >= " SEVERITY_RANK ("?3") ") AND "
          "(?4 IS NULL OR a.title LIKE ?4 ESCAPE '\\' OR a.rule LIKE ?4 ESCAPE '\\' "
          " OR a.src_addr LIKE ?4 ESCAPE '\\' OR a.dst_addr LIKE ?4 ESCAPE '\\' "
          " OR a.hostname LIKE ?4 ESCAPE '\\' OR s.name LIKE ?4 ESCAPE '\\') "
          "ORDER BY " SEVERITY_RANK ("a.severity") " * coalesce("
          CRITICALITY_RANK ("s.criticality") ", 2) DESC, a.last_seen DESC, a.id DESC");
    }
  if (filter->limit > 0)
    g_string_append_printf (sql, " LIMIT %u OFFSET %u", filter->limit, filter->offset);

  stmt = vigil_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, "alerts");
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gint64
vigil_store_count_filtered_alerts (VigilStore              *self,
                                   const VigilAlertFilter  *filter,
                                   GError                 **error)
{
  VigilAlertFilter none = { 0 };
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM alerts a ");
  sqlite3_stmt *stmt;
  gint64 n;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), -1);

  if (filter == NULL)
    filter = &none;
  append_filter (sql, filter);
  stmt = vigil_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return -1;
  bind_filter (stmt, filter);
  rc = sqlite3_step (stmt);
  n = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    vigil_store_set_error (self, error, rc, "alerts");
  return n;
}

#define ALERT_COLUMNS(raw) \
  "SELECT a.source, a.source_ref, a.type, a.title, a.description, a.rule, a.severity, " \
  "a.src_addr, a.dst_addr, a.proto, a.hostname, a.status, a.dismiss_reason, a.first_seen, " \
  "a.last_seen, " raw ", i.ref, s.name, s.criticality, t.name, p.name, p.email, " \
  "coalesce(p.phone, p.mobile), " \
  "a.count, a.src_port, a.dst_port, a.asset_id, a.incident_id, a.id " \
  "FROM alerts a LEFT JOIN incidents i ON i.id = a.incident_id " \
  "LEFT JOIN assets s ON s.id = a.asset_id LEFT JOIN teams t ON t.id = s.owner_team_id " \
  "LEFT JOIN people p ON p.id = s.tech_contact_id "

static VigilAlert *
alert_from_row (sqlite3_stmt *stmt)
{
  VigilAlert *alert = vigil_alert_new (sqlite3_column_int64 (stmt, VIGIL_ALERT_N_TEXT + 5));

  for (guint i = 0; i < VIGIL_ALERT_N_TEXT; i++)
    vigil_alert_take_text (alert, i, vigil_column_dup (stmt, i));
  vigil_alert_set_numbers (alert, sqlite3_column_int64 (stmt, VIGIL_ALERT_N_TEXT),
                           sqlite3_column_int64 (stmt, VIGIL_ALERT_N_TEXT + 1),
                           sqlite3_column_int64 (stmt, VIGIL_ALERT_N_TEXT + 2),
                           sqlite3_column_int64 (stmt, VIGIL_ALERT_N_TEXT + 3),
                           sqlite3_column_int64 (stmt, VIGIL_ALERT_N_TEXT + 4));
  return alert;
}

VigilAlert *
vigil_store_get_alert (VigilStore  *self,
                       gint64       id,
                       GError     **error)
{
  sqlite3_stmt *stmt = vigil_store_prepare (self, has_raw_table (self)
      ? ALERT_COLUMNS ("coalesce(a.raw, (SELECT raw FROM alert_raw WHERE alert_id = a.id))")
        "WHERE a.id = ?1"
      : ALERT_COLUMNS ("a.raw") "WHERE a.id = ?1", error);
  VigilAlert *alert;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                     _("No alert %" PRId64 "; see “vigilctl alert list”"), id);
      else
        vigil_store_set_error (self, error, rc, "alert");
      return NULL;
    }
  alert = alert_from_row (stmt);
  sqlite3_reset (stmt);
  return alert;
}

GPtrArray *
vigil_store_get_alert_rows (VigilStore    *self,
                            const gint64  *ids,
                            guint          n_ids,
                            GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       g_object_unref);
  g_autoptr(GString) list = g_string_new ("[");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (list, i ? ",%" PRId64 : "%" PRId64, ids[i]);
  g_string_append_c (list, ']');
  stmt = vigil_store_prepare (self, ALERT_COLUMNS ("NULL")
                                    "WHERE a.id IN (SELECT value FROM json_each(?1))", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, list->str, (int) list->len, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilAlert *alert = alert_from_row (stmt);
      g_hash_table_insert (by_id, g_memdup2 (&(gint64) { vigil_alert_get_id (alert) },
                                             sizeof (gint64)), alert);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, "alerts");
      return NULL;
    }
  for (guint i = 0; i < n_ids; i++)
    {
      VigilAlert *alert = g_hash_table_lookup (by_id, &ids[i]);
      if (alert != NULL)
        g_ptr_array_add (rows, g_object_ref (alert));
    }
  return g_steal_pointer (&rows);
}

GStrv
vigil_store_dup_alert_observables (VigilStore  *self,
                                   gint64       id,
                                   GError     **error)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  sqlite3_stmt *stmt = vigil_store_prepare (self,
      "SELECT 'ip', v FROM (SELECT src_addr AS v, 0 AS k FROM alerts WHERE id = ?1 UNION "
      "  SELECT dst_addr, 1 FROM alerts WHERE id = ?1) "
      "WHERE v IS NOT NULL AND v <> '' AND v <> '0.0.0.0' AND NOT EXISTS (SELECT 1 FROM "
      "  observables o WHERE o.alert_id = ?1 AND o.type = 'ip' AND o.value = v) "
      "GROUP BY v "
      "UNION ALL SELECT type, value FROM observables WHERE alert_id = ?1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_strv_builder_add (b, (const char *) sqlite3_column_text (stmt, 0));
      g_strv_builder_add (b, (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, "observables");
      return NULL;
    }
  return g_strv_builder_end (b);
}

gint64
vigil_store_count_alerts (VigilStore *self,
                          const char *status)
{
  sqlite3_stmt *stmt = vigil_store_prepare (self,
      "SELECT count(*) FROM alerts WHERE ?1 IS NULL OR status = ?1", NULL);
  gint64 n = 0;

  if (stmt == NULL)
    return 0;
  vigil_bind_text (stmt, 1, status);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* ---- Importing ---------------------------------------------------------------------- */

void
vigil_import_summary_init (VigilImportSummary *summary)
{
  memset (summary, 0, sizeof *summary);
  summary->errors = g_array_new (FALSE, FALSE, sizeof (VigilImportError));
}

void
vigil_import_summary_clear (VigilImportSummary *summary)
{
  if (summary->errors != NULL)
    {
      for (guint i = 0; i < summary->errors->len; i++)
        g_free (g_array_index (summary->errors, VigilImportError, i).reason);
      g_array_unref (summary->errors);
    }
  memset (summary, 0, sizeof *summary);
}

typedef struct
{
  gint64 id;
  int    criticality;  /* rank 1–4 */
} AssetRef;

typedef struct
{
  gint64  id;
  gint64  pending;     /* repeats not yet written */
  char    first[24];
  char    last[24];
  gboolean dirty;
} Group;

/* A new group waiting to be inserted with others in one statement: each
 * execution of an INSERT into alerts builds the lookup tables of the
 * CHECK (… IN (…)) constraints anew, which cost more than the row. */
typedef struct
{
  VigilAlertEvent  ev;        /* taken from the importer; raw copied */
  char            *key;
  char            *when;
  const char      *severity;  /* static */
  const char      *status;    /* static */
  gint64           id;
  gint64           asset_id;
  int              triage_rank;  /* severity × asset criticality (no asset: medium) */
} NewGroup;

#define PENDING_ROWS 32

static void
new_group_free (gpointer data)
{
  NewGroup *n = data;

  g_free ((char *) n->ev.raw);
  vigil_alert_event_clear (&n->ev);
  g_free (n->key);
  g_free (n->when);
  g_free (n);
}

typedef struct
{
  char   *source;
  char   *rule;
  gint64  asset_id;
} Suppression;

typedef struct
{
  int     min_severity;
  int     min_criticality;  /* 0 = any */
  char   *source;
  char   *name;
} AutoRule;

typedef struct
{
  VigilStore          *store;
  VigilImportSummary  *summary;
  const char          *format;
  char                *severity_map;
  VigilAddressMatch   *addr_assets;  /* addresses and ranges → asset */
  GHashTable          *host_assets;  /* lower-case hostname or name → AssetRef */
  GHashTable          *groups;       /* dedup key → Group */
  GPtrArray           *dirty;        /* Group */
  GArray              *suppressions; /* Suppression */
  GArray              *auto_rules;   /* AutoRule */
  GPtrArray           *pending;      /* NewGroup: new groups not yet inserted */
  gint64               next_id;      /* the id of the next new group (0: not known yet) */
  char                *insert_sql;   /* INSERT of PENDING_ROWS groups in one statement */
  char                *insert1_sql;  /* … of one group */
  gboolean             ranked;       /* alerts.triage_rank exists */
  char                *now;
  gboolean             in_txn;
  gboolean             changed;
  /* resuming */
  GChecksum           *identity;
  char                *progress_key;
  guint64              records;      /* records of the current input */
  guint64              done;         /* records committed by earlier runs */
  guint64              uncommitted;  /* records since the last commit */
  guint64              saved;        /* progress written */
  gint64               cache_size;   /* PRAGMA cache_size before the import */
  guint64              line;
} Session;

static void
suppression_clear (gpointer data)
{
  Suppression *s = data;
  g_free (s->source);
  g_free (s->rule);
}

static void
auto_rule_clear (gpointer data)
{
  AutoRule *r = data;
  g_free (r->source);
  g_free (r->name);
}

static void
session_clear (Session *s)
{
  if (s->cache_size != 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" PRId64,
                                              s->cache_size);
      vigil_store_exec (s->store, sql, NULL);
      s->cache_size = 0;
    }
  g_clear_pointer (&s->severity_map, g_free);
  g_clear_pointer (&s->addr_assets, vigil_address_match_free);
  g_clear_pointer (&s->host_assets, g_hash_table_unref);
  g_clear_pointer (&s->groups, g_hash_table_unref);
  g_clear_pointer (&s->dirty, g_ptr_array_unref);
  g_clear_pointer (&s->suppressions, g_array_unref);
  g_clear_pointer (&s->auto_rules, g_array_unref);
  g_clear_pointer (&s->pending, g_ptr_array_unref);
  g_clear_pointer (&s->insert_sql, g_free);
  g_clear_pointer (&s->insert1_sql, g_free);
  g_clear_pointer (&s->now, g_free);
  g_clear_pointer (&s->identity, g_checksum_free);
  g_clear_pointer (&s->progress_key, g_free);
}

static void
add_asset (GHashTable *table,
           char       *key,
           gint64      id,
           int         criticality)
{
  AssetRef *old = g_hash_table_lookup (table, key);

  if (old != NULL)
    {
      if (criticality > old->criticality)
        {
          old->id = id;
          old->criticality = criticality;
        }
      g_free (key);
      return;
    }
  old = g_new (AssetRef, 1);
  old->id = id;
  old->criticality = criticality;
  g_hash_table_insert (table, key, old);
}

static gboolean
session_load (Session  *s,
              GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  s->addr_assets = vigil_address_match_new ();
  s->host_assets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->dirty = g_ptr_array_new ();
  s->pending = g_ptr_array_new_with_free_func (new_group_free);
  s->suppressions = g_array_new (FALSE, TRUE, sizeof (Suppression));
  g_array_set_clear_func (s->suppressions, suppression_clear);
  s->auto_rules = g_array_new (FALSE, TRUE, sizeof (AutoRule));
  g_array_set_clear_func (s->auto_rules, auto_rule_clear);
  s->now = vigil_time_now_iso ();
  s->severity_map = vigil_store_dup_severity_map (s->store, s->format);

  /* A bigger page cache while importing: repeats update rows all over the
   * table, and re-reading evicted pages from the WAL dominated the time. */
  s->cache_size = vigil_store_query_int (s->store, "PRAGMA cache_size", NULL);
  vigil_store_exec (s->store, "PRAGMA cache_size = -65536", NULL);

  stmt = vigil_store_prepare (s->store,
      "SELECT x.address, a.id, a.criticality FROM asset_addresses x "
      "JOIN assets a ON a.id = x.asset_id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    vigil_address_match_add (s->addr_assets, (const char *) sqlite3_column_text (stmt, 0),
                             sqlite3_column_int64 (stmt, 1),
                             rank ((const char *) sqlite3_column_text (stmt, 2)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto db_error;

  stmt = vigil_store_prepare (s->store, "SELECT hostname, name, id, criticality FROM assets",
                              error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 2);
      int crit = rank ((const char *) sqlite3_column_text (stmt, 3));
      for (int c = 0; c < 2; c++)
        {
          const char *h = (const char *) sqlite3_column_text (stmt, c);
          if (h != NULL && *h)
            add_asset (s->host_assets, g_ascii_strdown (h, -1), id, crit);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto db_error;

  stmt = vigil_store_prepare (s->store,
      "SELECT source, rule, asset_id FROM suppression_rules "
      "WHERE expires_at IS NULL OR expires_at > ?1", error);
  if (stmt == NULL)
    return FALSE;
  vigil_bind_text (stmt, 1, s->now);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Suppression sup = { vigil_column_dup (stmt, 0), vigil_column_dup (stmt, 1),
                          sqlite3_column_int64 (stmt, 2) };
      g_array_append_val (s->suppressions, sup);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto db_error;

  stmt = vigil_store_prepare (s->store,
      "SELECT min_severity, min_criticality, source, name FROM auto_promotion_rules "
      "WHERE enabled = 1", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AutoRule r = { rank ((const char *) sqlite3_column_text (stmt, 0)),
                     rank ((const char *) sqlite3_column_text (stmt, 1)),
                     vigil_column_dup (stmt, 2), vigil_column_dup (stmt, 3) };
      g_array_append_val (s->auto_rules, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto db_error;
  return TRUE;

db_error:
  vigil_store_set_error (s->store, error, rc, "alert import");
  return FALSE;
}

static void
add_error (VigilImportSummary *summary,
           guint64             line,
           const char         *reason)
{
  VigilImportError e;

  summary->malformed++;
  if (summary->errors->len >= MAX_ERRORS)
    return;
  e.line = line;
  e.reason = g_strdup (reason);
  g_array_append_val (summary->errors, e);
}

#define INSERT_COLUMNS \
  "INSERT INTO alerts (id, source, source_ref, type, dedup_key, title, description, rule, " \
  "severity, src_addr, src_port, dst_addr, dst_port, proto, hostname, status, asset_id, " \
  "count, first_seen, last_seen, created_at, updated_at"
#define INSERT_VALUES "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?"

static char *
insert_sql (gboolean ranked,
            guint    rows)
{
  GString *sql = g_string_new (INSERT_COLUMNS);

  g_string_append (sql, ranked ? ", triage_rank) VALUES " : ") VALUES ");
  for (guint r = 0; r < rows; r++)
    {
      if (r > 0)
        g_string_append (sql, ", ");
      g_string_append (sql, ranked ? INSERT_VALUES ", ?)" : INSERT_VALUES ")");
    }
  return g_string_free (sql, FALSE);
}

static void
bind_new_group (Session      *s,
                sqlite3_stmt *stmt,
                int           base,
                NewGroup     *n)
{
  VigilAlertEvent *ev = &n->ev;

  sqlite3_bind_int64 (stmt, base + 1, n->id);
  sqlite3_bind_text (stmt, base + 2, ev->source, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 3, ev->source_ref, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 4, ev->type ? ev->type : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 5, n->key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 6, ev->title ? ev->title : ev->rule, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 7, ev->description ? ev->description : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 8, ev->rule ? ev->rule : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 9, n->severity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 10, ev->src_addr, -1, SQLITE_STATIC);
  if (ev->src_port > 0)
    sqlite3_bind_int64 (stmt, base + 11, ev->src_port);
  else
    sqlite3_bind_null (stmt, base + 11);
  sqlite3_bind_text (stmt, base + 12, ev->dst_addr, -1, SQLITE_STATIC);
  if (ev->dst_port > 0)
    sqlite3_bind_int64 (stmt, base + 13, ev->dst_port);
  else
    sqlite3_bind_null (stmt, base + 13);
  sqlite3_bind_text (stmt, base + 14, ev->proto, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 15, ev->hostname, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 16, n->status, -1, SQLITE_STATIC);
  vigil_bind_id (stmt, base + 17, n->asset_id);
  sqlite3_bind_text (stmt, base + 18, n->when, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 19, n->when, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 20, s->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 21, s->now, -1, SQLITE_STATIC);
  if (s->ranked)
    sqlite3_bind_int (stmt, base + 22, n->triage_rank);
}

/* Inserts the new groups waiting in s->pending: PENDING_ROWS rows per
 * statement, then their raw events and observables. */
static gboolean
write_pending (Session  *s,
               GError  **error)
{
  sqlite3_stmt *stmt;
  guint i = 0;

  if (s->pending->len == 0)
    return TRUE;
  if (s->insert_sql == NULL)
    {
      s->ranked = schema_has (s->store, "triage_rank");
      s->insert_sql = insert_sql (s->ranked, PENDING_ROWS);
      s->insert1_sql = insert_sql (s->ranked, 1);
    }
  while (i < s->pending->len)
    {
      guint rows = s->pending->len - i >= PENDING_ROWS ? PENDING_ROWS : 1;
      gboolean ok;

      stmt = vigil_store_prepare (s->store, rows == PENDING_ROWS ? s->insert_sql : s->insert1_sql,
                                  error);
      if (stmt == NULL)
        return FALSE;
      for (guint r = 0; r < rows; r++)
        bind_new_group (s, stmt, r * (s->ranked ? 22 : 21), s->pending->pdata[i + r]);
      ok = vigil_store_step_done (s->store, stmt, error);
      sqlite3_clear_bindings (stmt);
      if (!ok)
        return FALSE;
      i += rows;
    }

  for (i = 0; i < s->pending->len; i++)
    {
      NewGroup *n = s->pending->pdata[i];
      VigilAlertEvent *ev = &n->ev;

      if (ev->raw != NULL)
        {
          stmt = vigil_store_prepare (s->store, has_raw_table (s->store)
              ? "INSERT INTO alert_raw (alert_id, raw) VALUES (?1, ?2)"
              : "UPDATE alerts SET raw = ?2 WHERE id = ?1", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, n->id);
          sqlite3_bind_text (stmt, 2, ev->raw, (int) ev->raw_len, SQLITE_STATIC);
          if (!vigil_store_step_done (s->store, stmt, error))
            return FALSE;
        }
      for (guint j = 0; ev->observables && j < ev->observables->len; j++)
        {
          VigilAlertObservable *o = &g_array_index (ev->observables, VigilAlertObservable, j);
          /* the addresses are columns already: they are the alert's implicit ip
           * observables, which halves the rows a new alert costs */
          if (!o->ioc && strcmp (o->type, "ip") == 0 &&
              (g_strcmp0 (o->value, ev->src_addr) == 0 ||
               g_strcmp0 (o->value, ev->dst_addr) == 0))
            continue;
          stmt = vigil_store_prepare (s->store,
              "INSERT INTO observables (alert_id, type, value, ioc, created_at) "
              "VALUES (?1, ?2, ?3, ?4, ?5)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, n->id);
          sqlite3_bind_text (stmt, 2, o->type, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, o->value, -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 4, o->ioc ? 1 : 0);
          sqlite3_bind_text (stmt, 5, s->now, -1, SQLITE_STATIC);
          if (!vigil_store_step_done (s->store, stmt, error))
            return FALSE;
        }
    }
  g_ptr_array_set_size (s->pending, 0);
  s->changed = TRUE;
  return TRUE;
}

static int
cmp_group_id (gconstpointer a,
              gconstpointer b)
{
  const Group *ga = *(Group * const *) a, *gb = *(Group * const *) b;
  return ga->id < gb->id ? -1 : ga->id > gb->id;
}

/* Writes the repeats folded in memory: one UPDATE per touched group.  (One
 * statement over many groups, UPDATE … FROM (VALUES …), was slower: SQLite
 * materialises the join first.) */
static gboolean
flush (Session  *s,
       GError  **error)
{
  sqlite3_stmt *stmt;

  if (!write_pending (s, error))
    return FALSE;
  /* in row order: each page of the table is read and dirtied once */
  g_ptr_array_sort (s->dirty, cmp_group_id);
  for (guint i = 0; i < s->dirty->len; i++)
    {
      Group *g = s->dirty->pdata[i];

      stmt = vigil_store_prepare (s->store,
          "UPDATE alerts SET count = count + ?2, first_seen = min(first_seen, ?3), "
          "last_seen = max(last_seen, ?4), updated_at = ?5 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g->id);
      sqlite3_bind_int64 (stmt, 2, g->pending);
      sqlite3_bind_text (stmt, 3, g->first, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, g->last, -1, SQLITE_STATIC);
      vigil_bind_text (stmt, 5, s->now);
      if (!vigil_store_step_done (s->store, stmt, error))
        return FALSE;
      g->pending = 0;
      g->dirty = FALSE;
      s->changed = TRUE;
    }
  g_ptr_array_set_size (s->dirty, 0);
  return TRUE;
}

/* Ends the open batch: pending counts, progress, commit. */
static gboolean ensure_txn (Session *s, GError **error);

static gboolean
commit_batch (Session  *s,
              GError  **error)
{
  gboolean progress = s->progress_key != NULL && s->records > s->done && s->records > s->saved;

  if (!s->in_txn && !progress)
    return TRUE;
  if (!ensure_txn (s, error))
    return FALSE;
  if (!flush (s, error))
    goto fail;
  if (s->progress_key != NULL)
    {
      g_autofree char *value = g_strdup_printf ("%" G_GUINT64_FORMAT, s->records);
      if (progress && !meta_set (s->store, s->progress_key, value, error))
        goto fail;
    }
  if (s->changed)
    vigil_store_notify (s->store, VIGIL_KIND_ALERT, 0);
  if (!vigil_store_commit (s->store, error))
    goto fail_committed;
  s->in_txn = FALSE;
  s->changed = FALSE;
  s->uncommitted = 0;
  if (progress)
    s->saved = s->records;
  if (g_hash_table_size (s->groups) > MAX_CACHED_GROUPS)
    g_hash_table_remove_all (s->groups);
  g_free (s->now);
  s->now = vigil_time_now_iso ();
  return TRUE;

fail:
  vigil_store_rollback (s->store);
fail_committed:
  s->in_txn = FALSE;
  return FALSE;
}

static gboolean
ensure_txn (Session  *s,
            GError  **error)
{
  if (s->in_txn)
    return TRUE;
  if (!vigil_store_begin (s->store, error))
    return FALSE;
  s->in_txn = TRUE;
  /* new groups get their ids here, so they can wait to be inserted
   * together; nobody else writes while the transaction is open */
  s->next_id = vigil_store_query_int (s->store, "SELECT coalesce(max(id), 0) + 1 FROM alerts",
                                      NULL);
  return TRUE;
}

/* The asset an alert names: its hostname, or the most specific inventory
 * entry holding its destination or source address (an exact address before
 * the longest range holding it); between equally specific matches, the
 * most critical asset. */
static gboolean
find_asset (Session         *s,
            VigilAlertEvent *ev,
            AssetRef        *out)
{
  const char *addrs[] = { ev->dst_addr, ev->src_addr };
  int best_bits = G_MAXINT;
  AssetRef *a;

  out->id = 0;
  out->criticality = 0;
  if (ev->hostname != NULL && *ev->hostname)
    {
      char lower[256];
      gsize n = MIN (strlen (ev->hostname), sizeof lower - 1);
      for (gsize i = 0; i < n; i++)
        lower[i] = g_ascii_tolower (ev->hostname[i]);
      lower[n] = '\0';
      a = g_hash_table_lookup (s->host_assets, lower);
      if (a == NULL && strchr (lower, '.') != NULL)
        {
          *strchr (lower, '.') = '\0';  /* host.example.org → host */
          a = g_hash_table_lookup (s->host_assets, lower);
        }
      if (a != NULL)
        {
          *out = *a;
          best_bits = 0;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (addrs); i++)
    {
      AssetRef m;
      int bits;

      if (addrs[i] != NULL &&
          vigil_address_match_lookup (s->addr_assets, addrs[i], &m.id, &m.criticality, &bits) &&
          (bits < best_bits || (bits == best_bits && m.criticality > out->criticality)))
        {
          *out = m;
          best_bits = bits;
        }
    }
  return out->id != 0;
}

static gboolean
suppressed (Session         *s,
            VigilAlertEvent *ev,
            gint64           asset_id)
{
  for (guint i = 0; i < s->suppressions->len; i++)
    {
      Suppression *sup = &g_array_index (s->suppressions, Suppression, i);
      if (g_strcmp0 (sup->rule, ev->rule) == 0 &&
          (sup->source == NULL || strcmp (sup->source, ev->source) == 0) &&
          (sup->asset_id == 0 || sup->asset_id == asset_id))
        return TRUE;
    }
  return FALSE;
}

static AutoRule *
auto_rule_for (Session    *s,
               const char *source,
               int         severity,
               int         criticality)
{
  for (guint i = 0; i < s->auto_rules->len; i++)
    {
      AutoRule *r = &g_array_index (s->auto_rules, AutoRule, i);
      if (severity >= r->min_severity &&
          (r->min_criticality == 0 || criticality >= r->min_criticality) &&
          (r->source == NULL || strcmp (r->source, source) == 0))
        return r;
    }
  return NULL;
}

static char *
dedup_key (VigilAlertEvent *ev)
{
  if (ev->keyed)
    return g_strjoin ("|", "key", ev->source, ev->type ? ev->type : "",
                      ev->source_name ? ev->source_name : "", ev->source_ref, NULL);
  return g_strjoin ("|", "fp", ev->source, ev->rule ? ev->rule : "",
                    ev->src_addr ? ev->src_addr : "", ev->dst_addr ? ev->dst_addr : "", NULL);
}

static void
set_time (char       *dest,
          const char *iso)
{
  g_strlcpy (dest, iso, 24);
}

static gboolean
insert_group (Session          *s,
              VigilAlertEvent  *ev,
              const char       *key,
              const char       *when,
              gint64           *id,
              GError          **error)
{
  const char *severity = vigil_severity_map_lookup (s->severity_map, ev->severity_raw);
  AssetRef found;
  AssetRef *asset = find_asset (s, ev, &found) ? &found : NULL;
  gint64 asset_id = asset ? asset->id : 0;
  gboolean is_suppressed = suppressed (s, ev, asset_id);
  AutoRule *auto_rule;
  NewGroup *n;

  auto_rule = is_suppressed ? NULL
                            : auto_rule_for (s, ev->source, rank (severity),
                                             asset ? asset->criticality : 0);
  n = g_new0 (NewGroup, 1);
  n->id = *id = s->next_id++;
  n->key = g_strdup (key);
  n->when = g_strdup (when);
  n->severity = severity;
  n->status = is_suppressed ? "suppressed" : "new";
  n->asset_id = asset_id;
  n->triage_rank = rank (severity) * (asset ? asset->criticality : 2);
  n->ev = *ev;
  n->ev.raw = ev->raw ? g_memdup2 (ev->raw, ev->raw_len) : NULL;
  vigil_alert_event_init (ev);  /* taken: the importer's clear frees nothing */
  g_ptr_array_add (s->pending, n);

  s->changed = TRUE;
  s->summary->imported++;
  if (is_suppressed)
    s->summary->suppressed++;
  if (auto_rule != NULL)
    {
      g_autofree char *why = g_strdup_printf (_(" by the auto-promotion rule “%s”"),
                                              auto_rule->name);
      if (!write_pending (s, error))
        return FALSE;
      if (!promote_in_transaction (s->store, id, 1, NULL, why, NULL, error))
        return FALSE;
      s->summary->promoted++;
    }
  else if (s->pending->len >= PENDING_ROWS * 4 && !write_pending (s, error))
    return FALSE;
  return TRUE;
}

static gboolean
on_event (VigilAlertEvent  *ev,
          gpointer          user_data,
          GError          **error)
{
  Session *s = user_data;
  g_autofree char *key = NULL;
  const char *when;
  Group *g;

  if (s->records <= s->done)
    {
      /* imported by an earlier run of this input */
      s->summary->duplicates++;
      return TRUE;
    }
  if (!ensure_txn (s, error))
    return FALSE;

  when = ev->time ? ev->time : s->now;
  key = dedup_key (ev);
  g = g_hash_table_lookup (s->groups, key);
  if (g == NULL)
    {
      sqlite3_stmt *stmt = vigil_store_prepare (s->store,
          "SELECT id, first_seen, last_seen FROM alerts WHERE dedup_key = ?1", error);
      gint64 id = 0;
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      g = g_new0 (Group, 1);
      if (rc == SQLITE_ROW)
        {
          g->id = sqlite3_column_int64 (stmt, 0);
          set_time (g->first, (const char *) sqlite3_column_text (stmt, 1));
          set_time (g->last, (const char *) sqlite3_column_text (stmt, 2));
          sqlite3_reset (stmt);
        }
      else
        {
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            {
              g_free (g);
              vigil_store_set_error (s->store, error, rc, "alerts");
              return FALSE;
            }
          set_time (g->first, when);
          set_time (g->last, when);
          /* `when` may belong to the event, which insert_group takes */
          if (!insert_group (s, ev, key, g->first, &id, error))
            {
              g_free (g);
              return FALSE;
            }
          g->id = id;
          g_hash_table_insert (s->groups, g_steal_pointer (&key), g);
          return TRUE;
        }
      g_hash_table_insert (s->groups, g_steal_pointer (&key), g);
    }

  s->summary->duplicates++;
  if (ev->keyed)
    return TRUE;  /* the same alert again: TheHive refuses it too */
  g->pending++;
  if (strcmp (when, g->first) < 0)
    set_time (g->first, when);
  if (strcmp (when, g->last) > 0)
    set_time (g->last, when);
  if (!g->dirty)
    {
      g->dirty = TRUE;
      g_ptr_array_add (s->dirty, g);
    }
  return TRUE;
}

/* The input's identity: its first data record (a CSV header with the row
 * after it), so a rerun of the same file — or of a file that grew — knows
 * how many records earlier runs committed. */
static gboolean
identify (Session     *s,
          const char  *record,
          gsize        len,
          gboolean     csv,
          GError     **error)
{
  g_autofree char *done = NULL;

  if (s->progress_key != NULL)
    return TRUE;
  if (s->identity == NULL)
    {
      s->identity = g_checksum_new (G_CHECKSUM_SHA256);
      g_checksum_update (s->identity, (const guchar *) s->format, -1);
    }
  g_checksum_update (s->identity, (const guchar *) "\n", 1);
  g_checksum_update (s->identity, (const guchar *) record, len);
  if (len > 0 && record[0] == '#')
    return TRUE;  /* Zeek headers: the data line decides */
  if (csv && s->records < 2)
    return TRUE;
  s->progress_key = g_strconcat ("alerts.import.", g_checksum_get_string (s->identity), NULL);
  done = meta_get (s->store, s->progress_key);
  s->done = done ? g_ascii_strtoull (done, NULL, 10) : 0;
  (void) error;
  return TRUE;
}

gboolean
vigil_store_import_alerts (VigilStore                *self,
                           const VigilImportOptions  *options,
                           VigilImportSummary        *summary,
                           GError                   **error)
{
  g_autoptr(VigilImporter) importer = NULL;
  g_autoptr(VigilImportReader) reader = NULL;
  Session s = { 0 };
  guint batch = options->batch_size ? options->batch_size : 250000;
  gboolean csv, ok = FALSE;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (summary != NULL && summary->errors != NULL, FALSE);

  importer = vigil_importer_new (options->format, error);
  if (importer == NULL)
    return FALSE;
  importer->mapping = g_strdup (options->mapping);
  csv = importer->klass->frame == VIGIL_IMPORT_FRAME_CSV_ROWS;
  reader = vigil_import_reader_new (options->path, importer->klass->frame, options->follow,
                                    options->stop, error);
  if (reader == NULL)
    return FALSE;

  s.store = self;
  s.summary = summary;
  s.format = importer->klass->name;
  if (!session_load (&s, error))
    goto out;

  for (;;)
    {
      g_autoptr(GError) local = NULL;
      const char *record = NULL;
      gsize len = 0;
      guint64 line = 0;
      VigilReadResult r = vigil_import_reader_next (reader, &record, &len, &line, &local);

      if (r == VIGIL_READ_EOF)
        break;
      if (r == VIGIL_READ_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          goto out;
        }
      if (r == VIGIL_READ_IDLE)
        {
          if (!commit_batch (&s, error))
            goto out;
          continue;
        }
      if (r == VIGIL_READ_ROTATED)
        {
          VigilImporter *fresh;
          if (!commit_batch (&s, error))
            goto out;
          g_clear_pointer (&s.identity, g_checksum_free);
          g_clear_pointer (&s.progress_key, g_free);
          s.records = s.done = s.saved = 0;
          fresh = vigil_importer_new (options->format, error);
          fresh->mapping = g_strdup (options->mapping);
          vigil_importer_free (importer);
          importer = fresh;
          continue;
        }

      s.records++;
      s.uncommitted++;
      if (r == VIGIL_READ_TOO_LONG || r == VIGIL_READ_BAD_TEXT)
        {
          summary->read++;
          if (s.records > s.done)
            add_error (summary, line, local->message);
        }
      else
        {
          VigilImportResult res;

          identify (&s, record, len, csv, NULL);
          res = vigil_importer_parse (importer, record, len, on_event, &s, &local);
          if (res != VIGIL_IMPORT_HEADER)
            summary->read++;
          switch (res)
            {
            case VIGIL_IMPORT_EVENT:
            case VIGIL_IMPORT_HEADER:
              break;
            case VIGIL_IMPORT_SKIPPED:
              summary->skipped++;
              break;
            case VIGIL_IMPORT_MALFORMED:
              if (s.records > s.done)
                add_error (summary, line, local->message);
              break;
            case VIGIL_IMPORT_FAILED:
            default:
              if (local != NULL && local->domain == VIGIL_ERROR &&
                  local->code == VIGIL_ERROR_VALIDATION)
                g_propagate_prefixed_error (error, g_steal_pointer (&local),
                                            _("Line %" G_GUINT64_FORMAT ": "), line);
              else
                g_propagate_error (error, g_steal_pointer (&local));
              goto out;
            }
        }
      if (s.uncommitted >= batch && !commit_batch (&s, error))
        goto out;
    }
  if (!commit_batch (&s, error))
    goto out;
  ok = TRUE;

out:
  if (!ok && s.in_txn)
    {
      vigil_store_rollback (self);
      s.in_txn = FALSE;
    }
  session_clear (&s);
  return ok;
}
