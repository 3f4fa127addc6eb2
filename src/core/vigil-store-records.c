/* vigil-store-records.c — the incident record: actions, contacts, follow-ups,
 * observables, affected assets, notes and the timeline
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each write is one transaction that also appends its timeline row, touches
 * the incident's updated_at and queues `changed` for its kind and the
 * incident, so the board, the page and vigilctl always agree.
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "vigil-observable.h"
#include <string.h>

#include "vigil-store-incidents.h"
#include "vigil-store-private.h"
#include "vigil-store-records.h"
#include "vigil-time.h"
#include "vigil-vocab.h"

/* Helpers --------------------------------------------------------------- */

#define COL(stmt, i) vigil_column_dup (stmt, i)

static gboolean
fail (VigilStore *self)
{
  vigil_store_rollback (self);
  return FALSE;
}

/* The incident's reference, or NULL with NOT_FOUND. */
static char *
incident_ref (VigilStore  *self,
              gint64       incident_id,
              GError     **error)
{
  sqlite3_stmt *stmt = vigil_store_prepare (self, "SELECT ref FROM incidents WHERE id = ?1",
                                            error);
  char *ref = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ref = COL (stmt, 0);
  sqlite3_reset (stmt);
  if (ref == NULL)
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                 _("No incident with id %" PRId64), incident_id);
  return ref;
}

static gboolean
touch_incident (VigilStore  *self,
                gint64       incident_id,
                GError     **error)
{
  g_autofree char *now = vigil_time_now_iso ();
  sqlite3_stmt *stmt = vigil_store_prepare (self,
                                            "UPDATE incidents SET updated_at = ?2 WHERE id = ?1",
                                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  vigil_bind_text (stmt, 2, now);
  if (!vigil_store_step_done (self, stmt, error))
    return FALSE;
  vigil_store_notify (self, VIGIL_KIND_INCIDENT, incident_id);
  return TRUE;
}

/* An optional time typed by a user: NULL or "" stays NULL. */
static gboolean
normalize_time (const char  *text,
                const char  *field,
                char       **out,
                GError     **error)
{
  g_autoptr(GError) local = NULL;

  g_autofree char *typed = NULL;

  *out = NULL;
  if (text == NULL || *text == '\0')
    return TRUE;
  /* forms are typed by people: "2026-12-01 17:00" means 2026-12-01T17:00:00 */
  typed = g_strstrip (g_strdup (text));
  if (strlen (typed) >= 16 && typed[10] == ' ' && g_ascii_isdigit (typed[11]))
    typed[10] = 'T';
  if (strlen (typed) == 16 && typed[10] == 'T' && typed[13] == ':')
    {
      char *with_seconds = g_strconcat (typed, ":00", NULL);
      g_free (typed);
      typed = with_seconds;
    }
  *out = vigil_time_normalize (typed, NULL);
  if (*out == NULL)
    *out = vigil_time_normalize (text, &local);
  if (*out == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("%s: %s"), field,
                   local->message);
      return FALSE;
    }
  return TRUE;
}

static gint64
lookup_id (VigilStore  *self,
           const char  *sql,
           const char  *text,
           GError     **error)
{
  sqlite3_stmt *stmt = vigil_store_prepare (self, sql, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  vigil_bind_text (stmt, 1, text);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      id = -1;
    }
  sqlite3_reset (stmt);
  return id;
}

static gboolean
id_exists (VigilStore *self,
           const char *table,
           gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = %" PRId64,
                                          table, id);
  return vigil_store_query_int (self, sql, NULL) > 0;
}

gint64
vigil_store_find_person_id (VigilStore  *self,
                            const char  *email,
                            GError     **error)
{
  gint64 id;

  g_return_val_if_fail (VIGIL_IS_STORE (self), -1);
  g_return_val_if_fail (email != NULL, -1);

  id = lookup_id (self, "SELECT id FROM people WHERE email = ?1 COLLATE NOCASE", email, error);
  if (id == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("No person with the e-mail address “%s” in the organisation; check the "
                     "address or add the person first"), email);
      return -1;
    }
  return id;
}

gint64
vigil_store_find_team_id (VigilStore  *self,
                          const char  *name,
                          GError     **error)
{
  gint64 id;

  g_return_val_if_fail (VIGIL_IS_STORE (self), -1);
  g_return_val_if_fail (name != NULL, -1);

  id = lookup_id (self, "SELECT id FROM teams WHERE name = ?1 COLLATE NOCASE", name, error);
  if (id == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("No team named “%s” in the organisation"), name);
      return -1;
    }
  return id;
}

gint64
vigil_store_find_asset_id (VigilStore  *self,
                           const char  *name_or_host,
                           GError     **error)
{
  gint64 id;

  g_return_val_if_fail (VIGIL_IS_STORE (self), -1);
  g_return_val_if_fail (name_or_host != NULL, -1);

  id = lookup_id (self,
                  "SELECT id FROM assets WHERE name = ?1 COLLATE NOCASE "
                  "UNION ALL SELECT id FROM assets WHERE hostname = ?1 COLLATE NOCASE "
                  "UNION ALL SELECT asset_id FROM asset_addresses WHERE address = ?1 LIMIT 1",
                  name_or_host, error);
  if (id == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("No asset named “%s” in the inventory"), name_or_host);
      return -1;
    }
  return id;
}

/* Resolves a person given by id or e-mail; 0 when neither. */
static gboolean
resolve_person (VigilStore  *self,
                gint64       id,
                const char  *email,
                gint64      *out,
                GError     **error)
{
  *out = 0;
  if (id > 0)
    {
      if (!id_exists (self, "people", id))
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("No person with id %" PRId64 " in the organisation"), id);
          return FALSE;
        }
      *out = id;
    }
  else if (email != NULL && *email != '\0')
    {
      *out = vigil_store_find_person_id (self, email, error);
      return *out > 0;
    }
  return TRUE;
}

static gboolean
resolve_team (VigilStore  *self,
              gint64       id,
              const char  *name,
              gint64      *out,
              GError     **error)
{
  *out = 0;
  if (id > 0)
    {
      if (!id_exists (self, "teams", id))
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("No team with id %" PRId64 " in the organisation"), id);
          return FALSE;
        }
      *out = id;
    }
  else if (name != NULL && *name != '\0')
    {
      *out = vigil_store_find_team_id (self, name, error);
      return *out > 0;
    }
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (; text && *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
check_text (const char  *text,
            const char  *field,
            gboolean     required,
            GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("%s is not valid UTF-8 text"),
                   field);
      return FALSE;
    }
  if (required && is_blank (text))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("%s is required"), field);
      return FALSE;
    }
  return TRUE;
}

/* Actions --------------------------------------------------------------- */

void
vigil_action_free (VigilAction *a)
{
  if (a == NULL)
    return;
  g_free (a->kind);
  g_free (a->title);
  g_free (a->description);
  g_free (a->stage);
  g_free (a->owner_team_name);
  g_free (a->owner_name);
  g_free (a->owner_email);
  g_free (a->due_at);
  g_free (a->status);
  g_free (a->cm_type);
  g_free (a->applied_to);
  g_free (a->applied_by);
  g_free (a->playbook);
  g_free (a->created_at);
  g_free (a->updated_at);
  g_free (a->done_at);
  g_free (a);
}

#define ACTION_SELECT \
  "SELECT a.id, a.incident_id, a.kind, a.title, a.description, a.stage, a.owner_team_id, " \
  "t.name, a.owner_id, p.name, p.email, a.due_at, a.status, a.cm_type, a.applied_to, " \
  "a.applied_by, a.playbook, a.created_at, a.updated_at, a.done_at " \
  "FROM actions a LEFT JOIN teams t ON t.id = a.owner_team_id " \
  "LEFT JOIN people p ON p.id = a.owner_id "

static VigilAction *
action_from_row (sqlite3_stmt *s)
{
  VigilAction *a = g_new0 (VigilAction, 1);

  a->id = sqlite3_column_int64 (s, 0);
  a->incident_id = sqlite3_column_int64 (s, 1);
  a->kind = COL (s, 2);
  a->title = COL (s, 3);
  a->description = COL (s, 4);
  a->stage = COL (s, 5);
  a->owner_team_id = sqlite3_column_int64 (s, 6);
  a->owner_team_name = COL (s, 7);
  a->owner_id = sqlite3_column_int64 (s, 8);
  a->owner_name = COL (s, 9);
  a->owner_email = COL (s, 10);
  a->due_at = COL (s, 11);
  a->status = COL (s, 12);
  a->cm_type = COL (s, 13);
  a->applied_to = COL (s, 14);
  a->applied_by = COL (s, 15);
  a->playbook = COL (s, 16);
  a->created_at = COL (s, 17);
  a->updated_at = COL (s, 18);
  a->done_at = COL (s, 19);
  return a;
}

static const char *
action_kind_label (const char *kind)
{
  return g_strcmp0 (kind, "countermeasure") == 0 ? _("Countermeasure") : _("Task");
}

static gboolean
validate_cm_type (const char  *cm_type,
                  GError     **error)
{
  static const char * const types[] = {
    "block", "isolation", "password-reset", "monitoring", "other", NULL
  };

  if (cm_type == NULL || g_strv_contains (types, cm_type))
    return TRUE;
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
               _("Unknown countermeasure type “%s”; expected one of: block, isolation, "
                 "password-reset, monitoring, other"), cm_type);
  return FALSE;
}

gint64
vigil_store_add_action (VigilStore            *self,
                        gint64                 incident_id,
                        const VigilActionSpec *spec,
                        GError               **error)
{
  g_autofree char *ref = NULL;
  g_autofree char *due = NULL;
  g_autofree char *now = vigil_time_now_iso ();
  g_autofree char *summary = NULL;
  const char *kind, *status;
  gint64 team_id, owner_id, id;
  sqlite3_stmt *stmt;
  gboolean cm;

  g_return_val_if_fail (VIGIL_IS_STORE (self), -1);
  g_return_val_if_fail (spec != NULL, -1);

  kind = spec->kind ? spec->kind : "task";
  cm = g_str_equal (kind, "countermeasure");
  if (!cm && !g_str_equal (kind, "task"))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("Unknown action kind “%s”; expected task or countermeasure"), kind);
      return -1;
    }
  status = spec->status ? spec->status : cm ? "pending" : "todo";
  if (!check_text (spec->title, _("The title"), TRUE, error) ||
      !check_text (spec->description, _("The description"), FALSE, error) ||
      !vigil_vocab_validate (cm ? VIGIL_VOCAB_COUNTERMEASURE_STATUS : VIGIL_VOCAB_TASK_STATUS,
                             status, error) ||
      (spec->stage && !vigil_vocab_validate (VIGIL_VOCAB_STAGE, spec->stage, error)) ||
      !validate_cm_type (spec->cm_type, error) ||
      !normalize_time (spec->due_at, _("Due time"), &due, error))
    return -1;
  if (!cm && (spec->cm_type || spec->applied_to || spec->applied_by))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("Only countermeasures have a type, a place where they are applied and "
                     "who applied them"));
      return -1;
    }

  if (!vigil_store_begin (self, error))
    return -1;
  if ((ref = incident_ref (self, incident_id, error)) == NULL ||
      !resolve_team (self, spec->owner_team_id, spec->owner_team, &team_id, error) ||
      !resolve_person (self, spec->owner_id, spec->owner_email, &owner_id, error))
    return fail (self), -1;

  stmt = vigil_store_prepare (self,
                              "INSERT INTO actions (incident_id, kind, title, description, stage, "
                              "owner_team_id, owner_id, due_at, status, cm_type, applied_to, "
                              "applied_by, created_at, updated_at, done_at) VALUES "
                              "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14)",
                              error);
  if (stmt == NULL)
    return fail (self), -1;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  vigil_bind_text (stmt, 2, kind);
  {
    g_autofree char *title = g_strstrip (g_strdup (spec->title));
    vigil_bind_text (stmt, 3, title);
  }
  vigil_bind_text (stmt, 4, spec->description ? spec->description : "");
  vigil_bind_text (stmt, 5, spec->stage);
  vigil_bind_id (stmt, 6, team_id);
  vigil_bind_id (stmt, 7, owner_id);
  vigil_bind_text (stmt, 8, due);
  vigil_bind_text (stmt, 9, status);
  vigil_bind_text (stmt, 10, cm ? (spec->cm_type ? spec->cm_type : "other") : NULL);
  vigil_bind_text (stmt, 11, spec->applied_to ? spec->applied_to : "");
  vigil_bind_text (stmt, 12, spec->applied_by ? spec->applied_by : "");
  vigil_bind_text (stmt, 13, now);
  vigil_bind_text (stmt, 14, (g_str_equal (status, "done") || g_str_equal (status, "removed"))
                   ? now : NULL);
  if (!vigil_store_step_done (self, stmt, error))
    return fail (self), -1;
  id = sqlite3_last_insert_rowid (vigil_store_get_db (self));

  summary = g_strdup_printf (cm ? _("Countermeasure added: %s") : _("Task added: %s"),
                             spec->title);
  if (!vigil_store_add_timeline (self, incident_id, NULL, "action", summary, kind, NULL,
                                 spec->title, error) ||
      !touch_incident (self, incident_id, error))
    return fail (self), -1;
  vigil_store_notify (self, VIGIL_KIND_ACTION, id);
  if (!vigil_store_commit (self, error))
    return -1;
  return id;
}

VigilAction *
vigil_store_get_action (VigilStore  *self,
                        gint64       action_id,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  VigilAction *a = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  stmt = vigil_store_prepare (self, ACTION_SELECT "WHERE a.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, action_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    a = action_from_row (stmt);
  sqlite3_reset (stmt);
  if (a == NULL)
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                 _("No action with id %" PRId64), action_id);
  return a;
}

static int
cm_step (const char *status)
{
  return vigil_vocab_index (VIGIL_VOCAB_COUNTERMEASURE_STATUS, status);
}

gboolean
vigil_store_set_action_status (VigilStore  *self,
                               gint64       action_id,
                               const char  *status,
                               GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *now = vigil_time_now_iso ();
  g_autofree char *summary = NULL;
  VigilAction *a;
  sqlite3_stmt *stmt;
  gboolean cm, ok;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  if (!vigil_store_begin (self, error))
    return FALSE;
  a = vigil_store_get_action (self, action_id, error);
  if (a == NULL)
    return fail (self);
  cm = g_str_equal (a->kind, "countermeasure");

  if (!vigil_vocab_validate (cm ? VIGIL_VOCAB_COUNTERMEASURE_STATUS : VIGIL_VOCAB_TASK_STATUS,
                             status, &local))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   cm ? _("“%s” is not a countermeasure status; expected pending, active or "
                          "removed")
                      : _("“%s” is not a task status; expected todo, in-progress, done or "
                          "cancelled"), status);
      vigil_action_free (a);
      return fail (self);
    }
  if (g_str_equal (a->status, status))
    {
      vigil_action_free (a);
      vigil_store_rollback (self);
      return TRUE;
    }
  /* A countermeasure is put in place, then taken away: the record must show
   * both steps, so neither a skip nor a step back is accepted. */
  if (cm && cm_step (status) != cm_step (a->status) + 1)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED,
                   _("Countermeasure “%s” is %s and cannot become %s: a countermeasure goes "
                     "from pending to active to removed, one step at a time"),
                   a->title, a->status, status);
      vigil_action_free (a);
      return fail (self);
    }

  stmt = vigil_store_prepare (self,
                              "UPDATE actions SET status = ?2, updated_at = ?3, "
                              "done_at = CASE WHEN ?2 IN ('done', 'removed') THEN ?3 "
                              "WHEN ?2 IN ('todo', 'in-progress') THEN NULL ELSE done_at END "
                              "WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, action_id);
      vigil_bind_text (stmt, 2, status);
      vigil_bind_text (stmt, 3, now);
      ok = vigil_store_step_done (self, stmt, error);
    }
  if (ok)
    {
      VigilVocab vocab = cm ? VIGIL_VOCAB_COUNTERMEASURE_STATUS : VIGIL_VOCAB_TASK_STATUS;
      summary = g_strdup_printf (_("%s “%s”: %s → %s"), action_kind_label (a->kind), a->title,
                                 vigil_vocab_label (vocab, a->status),
                                 vigil_vocab_label (vocab, status));
      ok = vigil_store_add_timeline (self, a->incident_id, NULL, "action", summary, "status",
                                     a->status, status, error) &&
           touch_incident (self, a->incident_id, error);
    }
  vigil_store_notify (self, VIGIL_KIND_ACTION, action_id);
  vigil_action_free (a);
  if (!ok)
    return fail (self);
  return vigil_store_commit (self, error);
}

static gboolean
update_action_field (VigilStore  *self,
                     VigilAction *a,
                     const char  *column,
                     const char  *label,
                     const char  *before,
                     const char  *after,
                     gint64       after_id,
                     GError     **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *now = vigil_time_now_iso ();
  sqlite3_stmt *stmt;

  if (after_id == 0 && g_strcmp0 (before, after) == 0)
    return TRUE;
  sql = g_strdup_printf ("UPDATE actions SET %s = ?2, updated_at = ?3 WHERE id = ?1", column);
  stmt = vigil_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->id);
  if (after_id > 0)
    sqlite3_bind_int64 (stmt, 2, after_id);
  else
    vigil_bind_text (stmt, 2, after);
  vigil_bind_text (stmt, 3, now);
  if (!vigil_store_step_done (self, stmt, error))
    return FALSE;
  summary = g_strdup_printf (_("%s “%s”: %s changed"), action_kind_label (a->kind), a->title,
                             label);
  return vigil_store_add_timeline (self, a->incident_id, NULL, "action", summary, column, before,
                                   after, error);
}

gboolean
vigil_store_update_action (VigilStore            *self,
                           gint64                 action_id,
                           const VigilActionSpec *spec,
                           GError               **error)
{
  g_autofree char *due = NULL;
  VigilAction *a;
  gint64 team_id = 0, owner_id = 0;
  gboolean ok;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if ((spec->title && !check_text (spec->title, _("The title"), TRUE, error)) ||
      (spec->stage && *spec->stage && !vigil_vocab_validate (VIGIL_VOCAB_STAGE, spec->stage,
                                                              error)) ||
      !validate_cm_type (spec->cm_type, error) ||
      !normalize_time (spec->due_at, _("Due time"), &due, error))
    return FALSE;
  if (!vigil_store_begin (self, error))
    return FALSE;
  a = vigil_store_get_action (self, action_id, error);
  if (a == NULL)
    return fail (self);
  ok = resolve_team (self, spec->owner_team_id, spec->owner_team, &team_id, error) &&
       resolve_person (self, spec->owner_id, spec->owner_email, &owner_id, error);
#define FIELD(col, label, before, after) \
  ok = ok && (after == NULL || update_action_field (self, a, col, label, before, after, 0, error))
  FIELD ("title", _("title"), a->title, spec->title);
  FIELD ("description", _("description"), a->description, spec->description);
  FIELD ("stage", _("step"), a->stage, spec->stage);
  FIELD ("due_at", _("due time"), a->due_at, due);
  FIELD ("cm_type", _("type"), a->cm_type, spec->cm_type);
  FIELD ("applied_to", _("where applied"), a->applied_to, spec->applied_to);
  FIELD ("applied_by", _("applied by"), a->applied_by, spec->applied_by);
#undef FIELD
  if (ok && team_id > 0 && team_id != a->owner_team_id)
    ok = update_action_field (self, a, "owner_team_id", _("owner team"), a->owner_team_name,
                              spec->owner_team, team_id, error);
  if (ok && owner_id > 0 && owner_id != a->owner_id)
    ok = update_action_field (self, a, "owner_id", _("owner"), a->owner_email,
                              spec->owner_email, owner_id, error);
  ok = ok && touch_incident (self, a->incident_id, error);
  vigil_store_notify (self, VIGIL_KIND_ACTION, action_id);
  vigil_action_free (a);
  if (!ok)
    return fail (self);
  return vigil_store_commit (self, error);
}

GPtrArray *
vigil_store_list_actions (VigilStore  *self,
                          gint64       incident_id,
                          const char  *kind,
                          GError     **error)
{
  GPtrArray *out;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  stmt = vigil_store_prepare (self, ACTION_SELECT
                              "WHERE a.incident_id = ?1 AND (?2 IS NULL OR a.kind = ?2) "
                              "ORDER BY CASE a.stage WHEN 'classification' THEN 0 "
                              "WHEN 'investigation' THEN 1 WHEN 'containment' THEN 2 "
                              "WHEN 'resolution' THEN 3 WHEN 'closed' THEN 4 ELSE 5 END, "
                              "a.due_at IS NULL, a.due_at, a.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  vigil_bind_text (stmt, 2, kind);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_action_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, action_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      g_clear_pointer (&out, g_ptr_array_unref);
    }
  sqlite3_reset (stmt);
  return out;
}

gint64
vigil_store_count_active_countermeasures (VigilStore *self,
                                          gint64      incident_id)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), 0);
  sql = g_strdup_printf ("SELECT count(*) FROM actions WHERE incident_id = %" PRId64
                         " AND kind = 'countermeasure' AND status = 'active'", incident_id);
  return MAX (vigil_store_query_int (self, sql, NULL), 0);
}

/* Contacts and follow-ups ----------------------------------------------- */

void
vigil_contact_free (VigilContact *c)
{
  if (c == NULL)
    return;
  g_free (c->incident_ref);
  g_free (c->incident_title);
  g_free (c->person_name);
  g_free (c->person_email);
  g_free (c->person_phone);
  g_free (c->team_name);
  g_free (c->channel);
  g_free (c->direction);
  g_free (c->at);
  g_free (c->summary);
  g_free (c->follow_up_at);
  g_free (c->actor);
  g_free (c);
}

#define CONTACT_SELECT \
  "SELECT c.id, c.incident_id, i.ref, i.title, c.person_id, p.name, p.email, " \
  "coalesce(p.phone, p.mobile), c.team_id, t.name, c.channel, c.direction, c.at, c.summary, " \
  "c.follow_up_at, c.follow_up_done, c.actor, " \
  "(c.follow_up_done = 0 AND c.follow_up_at IS NOT NULL AND c.follow_up_at < ?9) AS overdue " \
  "FROM contacts c JOIN incidents i ON i.id = c.incident_id " \
  "LEFT JOIN people p ON p.id = c.person_id LEFT JOIN teams t ON t.id = c.team_id "

static VigilContact *
contact_from_row (sqlite3_stmt *s)
{
  VigilContact *c = g_new0 (VigilContact, 1);

  c->id = sqlite3_column_int64 (s, 0);
  c->incident_id = sqlite3_column_int64 (s, 1);
  c->incident_ref = COL (s, 2);
  c->incident_title = COL (s, 3);
  c->person_id = sqlite3_column_int64 (s, 4);
  c->person_name = COL (s, 5);
  c->person_email = COL (s, 6);
  c->person_phone = COL (s, 7);
  c->team_id = sqlite3_column_int64 (s, 8);
  c->team_name = COL (s, 9);
  c->channel = COL (s, 10);
  c->direction = COL (s, 11);
  c->at = COL (s, 12);
  c->summary = COL (s, 13);
  c->follow_up_at = COL (s, 14);
  c->follow_up_done = sqlite3_column_int (s, 15);
  c->actor = COL (s, 16);
  c->overdue = sqlite3_column_int (s, 17);
  return c;
}

static GPtrArray *
list_contacts (VigilStore  *self,
               const char  *sql,
               gint64       incident_id,
               GError     **error)
{
  g_autofree char *now = vigil_time_now_iso ();
  sqlite3_stmt *stmt = vigil_store_prepare (self, sql, error);
  GPtrArray *out;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  vigil_bind_text (stmt, 9, now);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_contact_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, contact_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      g_clear_pointer (&out, g_ptr_array_unref);
    }
  sqlite3_reset (stmt);
  return out;
}

static char *
contact_name (VigilStore *self,
              gint64      person_id,
              gint64      team_id)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  char *name = NULL;

  sql = person_id > 0
    ? g_strdup_printf ("SELECT name FROM people WHERE id = %" PRId64, person_id)
    : g_strdup_printf ("SELECT name FROM teams WHERE id = %" PRId64, team_id);
  stmt = vigil_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return g_strdup ("?");
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = COL (stmt, 0);
  sqlite3_reset (stmt);
  return name ? name : g_strdup ("?");
}

gint64
vigil_store_add_contact (VigilStore             *self,
                         gint64                  incident_id,
                         const VigilContactSpec *spec,
                         GError                **error)
{
  g_autofree char *ref = NULL;
  g_autofree char *at = NULL;
  g_autofree char *follow = NULL;
  g_autofree char *now = vigil_time_now_iso ();
  g_autofree char *who = NULL;
  g_autofree char *summary = NULL;
  const char *direction;
  gint64 person_id, team_id, id, person_team = 0;
  sqlite3_stmt *stmt;
  int closed;

  g_return_val_if_fail (VIGIL_IS_STORE (self), -1);
  g_return_val_if_fail (spec != NULL, -1);

  direction = spec->direction ? spec->direction : "outbound";
  if (spec->channel == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("The channel is required (phone, email, chat, meeting or other)"));
      return -1;
    }
  if (!vigil_vocab_validate (VIGIL_VOCAB_CHANNEL, spec->channel, error) ||
      !check_text (spec->summary, _("The summary"), FALSE, error) ||
      !normalize_time (spec->at, _("Time of the contact"), &at, error) ||
      !normalize_time (spec->follow_up_at, _("Contact again by"), &follow, error))
    return -1;
  if (!g_str_equal (direction, "outbound") && !g_str_equal (direction, "inbound"))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("Unknown direction “%s”; expected outbound or inbound"), direction);
      return -1;
    }
  if (at == NULL)
    at = g_strdup (now);
  if (follow != NULL && strcmp (follow, at) <= 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("“Contact again by” (%s) must be after the contact itself (%s)"), follow,
                   at);
      return -1;
    }

  if (!vigil_store_begin (self, error))
    return -1;
  if ((ref = incident_ref (self, incident_id, error)) == NULL ||
      !resolve_person (self, spec->person_id, spec->person_email, &person_id, error) ||
      !resolve_team (self, spec->team_id, spec->team, &team_id, error))
    return fail (self), -1;
  if (person_id == 0 && team_id == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("Say who was contacted: a person of the organisation or a team"));
      return fail (self), -1;
    }
  if (person_id > 0)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce(team_id, 0) FROM people "
                                              "WHERE id = %" PRId64, person_id);
      person_team = vigil_store_query_int (self, sql, NULL);
    }

  stmt = vigil_store_prepare (self,
                              "INSERT INTO contacts (incident_id, person_id, team_id, channel, "
                              "direction, at, summary, follow_up_at, actor, created_at) VALUES "
                              "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return fail (self), -1;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  vigil_bind_id (stmt, 2, person_id);
  vigil_bind_id (stmt, 3, team_id);
  vigil_bind_text (stmt, 4, spec->channel);
  vigil_bind_text (stmt, 5, direction);
  vigil_bind_text (stmt, 6, at);
  vigil_bind_text (stmt, 7, spec->summary ? spec->summary : "");
  vigil_bind_text (stmt, 8, follow);
  vigil_bind_text (stmt, 9, vigil_store_get_actor (self));
  vigil_bind_text (stmt, 10, now);
  if (!vigil_store_step_done (self, stmt, error))
    return fail (self), -1;
  id = sqlite3_last_insert_rowid (vigil_store_get_db (self));

  /* The next contact with the same person closes their open follow-ups; a
   * follow-up with a team is closed by a contact with the team or any of
   * its members. */
  stmt = vigil_store_prepare (self,
                              "UPDATE contacts SET follow_up_done = 1 "
                              "WHERE incident_id = ?1 AND id <> ?2 AND follow_up_done = 0 "
                              "AND follow_up_at IS NOT NULL AND at <= ?5 "
                              "AND ((person_id IS NOT NULL AND person_id = ?3) "
                              "  OR (person_id IS NULL AND team_id IN (?4, ?6)))", error);
  if (stmt == NULL)
    return fail (self), -1;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  sqlite3_bind_int64 (stmt, 2, id);
  vigil_bind_id (stmt, 3, person_id);
  vigil_bind_id (stmt, 4, team_id);
  vigil_bind_text (stmt, 5, at);
  vigil_bind_id (stmt, 6, person_team);
  if (!vigil_store_step_done (self, stmt, error))
    return fail (self), -1;
  closed = sqlite3_changes (vigil_store_get_db (self));

  who = contact_name (self, person_id, team_id);
  summary = g_strdup_printf (g_str_equal (direction, "inbound") ? _("Contact from %s (%s): %s")
                                                                 : _("Contact with %s (%s): %s"),
                             who, vigil_vocab_label (VIGIL_VOCAB_CHANNEL, spec->channel),
                             spec->summary ? spec->summary : "");
  if (!vigil_store_add_timeline (self, incident_id, at, "contact", summary, "follow_up_at",
                                 NULL, follow, error))
    return fail (self), -1;
  if (closed > 0)
    {
      g_autofree char *closed_summary =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Follow-up with %s closed by this contact",
                                      "%2$d follow-ups with %1$s closed by this contact",
                                      closed), who, closed);
      if (!vigil_store_add_timeline (self, incident_id, at, "contact", closed_summary,
                                     "follow_up_done", "0", "1", error))
        return fail (self), -1;
    }
  if (!touch_incident (self, incident_id, error))
    return fail (self), -1;
  vigil_store_notify (self, VIGIL_KIND_CONTACT, id);
  if (!vigil_store_commit (self, error))
    return -1;
  return id;
}

gboolean
vigil_store_close_followup (VigilStore  *self,
                            gint64       contact_id,
                            GError     **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *who = NULL;
  g_autofree char *summary = NULL;
  gint64 incident_id, person_id, team_id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  if (!vigil_store_begin (self, error))
    return FALSE;
  stmt = vigil_store_prepare (self, "SELECT incident_id, coalesce(person_id, 0), "
                              "coalesce(team_id, 0) FROM contacts WHERE id = ?1 "
                              "AND follow_up_at IS NOT NULL AND follow_up_done = 0", error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, contact_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("No open follow-up with id %" PRId64), contact_id);
      return fail (self);
    }
  incident_id = sqlite3_column_int64 (stmt, 0);
  person_id = sqlite3_column_int64 (stmt, 1);
  team_id = sqlite3_column_int64 (stmt, 2);
  sqlite3_reset (stmt);

  sql = g_strdup_printf ("UPDATE contacts SET follow_up_done = 1 WHERE id = %" PRId64,
                         contact_id);
  who = contact_name (self, person_id, team_id);
  summary = g_strdup_printf (_("Follow-up with %s closed without a new contact"), who);
  if (!vigil_store_exec (self, sql, error) ||
      !vigil_store_add_timeline (self, incident_id, NULL, "contact", summary, "follow_up_done",
                                 "0", "1", error) ||
      !touch_incident (self, incident_id, error))
    return fail (self);
  vigil_store_notify (self, VIGIL_KIND_CONTACT, contact_id);
  return vigil_store_commit (self, error);
}

GPtrArray *
vigil_store_list_contacts (VigilStore  *self,
                           gint64       incident_id,
                           GError     **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  return list_contacts (self, CONTACT_SELECT "WHERE c.incident_id = ?1 ORDER BY c.at DESC, c.id DESC",
                        incident_id, error);
}

GPtrArray *
vigil_store_list_followups (VigilStore  *self,
                            gboolean     overdue_only,
                            GError     **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  /* ?1 is unused here (0); the contacts_follow_up index serves the filter */
  if (overdue_only)
    return list_contacts (self, CONTACT_SELECT
                          "WHERE ?1 = 0 AND c.follow_up_done = 0 AND c.follow_up_at IS NOT NULL "
                          "AND c.follow_up_at < ?9 ORDER BY c.follow_up_at, c.id", 0, error);
  return list_contacts (self, CONTACT_SELECT
                        "WHERE ?1 = 0 AND c.follow_up_done = 0 AND c.follow_up_at IS NOT NULL "
                        "ORDER BY overdue DESC, c.follow_up_at, c.id", 0, error);
}

/* Observables ----------------------------------------------------------- */

void
vigil_observable_free (VigilObservable *o)
{
  if (o == NULL)
    return;
  g_free (o->type);
  g_free (o->value);
  g_free (o->tlp);
  g_free (o->note);
  g_free (o->created_at);
  g_free (o);
}

void
vigil_shared_ref_free (VigilSharedRef *r)
{
  if (r == NULL)
    return;
  g_free (r->ref);
  g_free (r->title);
  g_free (r->stage);
  g_free (r);
}

gint64
vigil_store_add_observable (VigilStore  *self,
                            gint64       incident_id,
                            const char  *type,
                            const char  *value,
                            gboolean     ioc,
                            const char  *tlp,
                            const char  *note,
                            GError     **error)
{
  g_autofree char *normalized = NULL;
  g_autofree char *ref = NULL;
  g_autofree char *now = vigil_time_now_iso ();
  g_autofree char *summary = NULL;
  g_autofree char *incident_tlp = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (VIGIL_IS_STORE (self), -1);
  g_return_val_if_fail (type != NULL && value != NULL, -1);

  normalized = vigil_observable_normalize (type, value, error);
  if (normalized == NULL ||
      (tlp != NULL && !vigil_vocab_validate (VIGIL_VOCAB_TLP, tlp, error)) ||
      !check_text (note, _("The note"), FALSE, error))
    return -1;

  if (!vigil_store_begin (self, error))
    return -1;
  if ((ref = incident_ref (self, incident_id, error)) == NULL)
    return fail (self), -1;

  stmt = vigil_store_prepare (self, "SELECT tlp, (SELECT count(*) FROM observables "
                              "WHERE type = ?2 AND value = ?3 AND incident_id = ?1) "
                              "FROM incidents WHERE id = ?1", error);
  if (stmt == NULL)
    return fail (self), -1;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  vigil_bind_text (stmt, 2, type);
  vigil_bind_text (stmt, 3, normalized);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      incident_tlp = COL (stmt, 0);
      if (sqlite3_column_int (stmt, 1) > 0)
        {
          sqlite3_reset (stmt);
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT,
                       _("%s is already an observable of %s"), normalized, ref);
          return fail (self), -1;
        }
    }
  sqlite3_reset (stmt);

  stmt = vigil_store_prepare (self, "INSERT INTO observables (incident_id, type, value, ioc, tlp, "
                              "note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return fail (self), -1;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  vigil_bind_text (stmt, 2, type);
  vigil_bind_text (stmt, 3, normalized);
  sqlite3_bind_int (stmt, 4, ioc ? 1 : 0);
  vigil_bind_text (stmt, 5, tlp ? tlp : incident_tlp ? incident_tlp : "amber");
  vigil_bind_text (stmt, 6, note ? note : "");
  vigil_bind_text (stmt, 7, now);
  if (!vigil_store_step_done (self, stmt, error))
    return fail (self), -1;
  id = sqlite3_last_insert_rowid (vigil_store_get_db (self));

  summary = g_strdup_printf (ioc ? _("Observable added (IOC): %s %s") : _("Observable added: %s %s"),
                             vigil_vocab_label (VIGIL_VOCAB_OBSERVABLE_TYPE, type), normalized);
  if (!vigil_store_add_timeline (self, incident_id, NULL, "observable", summary, type, NULL,
                                 normalized, error) ||
      !touch_incident (self, incident_id, error))
    return fail (self), -1;
  vigil_store_notify (self, VIGIL_KIND_OBSERVABLE, id);
  if (!vigil_store_commit (self, error))
    return -1;
  return id;
}

static VigilObservable *
get_observable (VigilStore  *self,
                gint64       id,
                GError     **error)
{
  sqlite3_stmt *stmt = vigil_store_prepare (self,
                                            "SELECT id, coalesce(incident_id, 0), "
                                            "coalesce(alert_id, 0), type, value, ioc, tlp, note, "
                                            "created_at FROM observables WHERE id = ?1", error);
  VigilObservable *o = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      o = g_new0 (VigilObservable, 1);
      o->id = sqlite3_column_int64 (stmt, 0);
      o->incident_id = sqlite3_column_int64 (stmt, 1);
      o->alert_id = sqlite3_column_int64 (stmt, 2);
      o->type = COL (stmt, 3);
      o->value = COL (stmt, 4);
      o->ioc = sqlite3_column_int (stmt, 5);
      o->tlp = COL (stmt, 6);
      o->note = COL (stmt, 7);
      o->created_at = COL (stmt, 8);
    }
  sqlite3_reset (stmt);
  if (o == NULL)
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                 _("No observable with id %" PRId64), id);
  return o;
}

gboolean
vigil_store_update_observable (VigilStore  *self,
                               gint64       observable_id,
                               gboolean     ioc,
                               const char  *tlp,
                               const char  *note,
                               GError     **error)
{
  g_autoptr(GString) summary = NULL;
  VigilObservable *o;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  if ((tlp != NULL && !vigil_vocab_validate (VIGIL_VOCAB_TLP, tlp, error)) ||
      !check_text (note, _("The note"), FALSE, error))
    return FALSE;
  if (!vigil_store_begin (self, error))
    return FALSE;
  if ((o = get_observable (self, observable_id, error)) == NULL)
    return fail (self);
  if (o->incident_id == 0)
    {
      vigil_observable_free (o);
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED,
                   _("This observable belongs to an alert; change it from the alert"));
      return fail (self);
    }
  stmt = vigil_store_prepare (self, "UPDATE observables SET ioc = ?2, tlp = coalesce(?3, tlp), "
                              "note = coalesce(?4, note) WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, observable_id);
      sqlite3_bind_int (stmt, 2, ioc ? 1 : 0);
      vigil_bind_text (stmt, 3, tlp);
      vigil_bind_text (stmt, 4, note);
      ok = vigil_store_step_done (self, stmt, error);
    }
  summary = g_string_new (NULL);
  g_string_printf (summary, _("Observable %s changed"), o->value);
  if (ok && (!!ioc) != (!!o->ioc))
    ok = vigil_store_add_timeline (self, o->incident_id, NULL, "observable",
                                   ioc ? _("Observable marked as IOC") : _("Observable no longer an IOC"),
                                   "ioc", o->ioc ? "1" : "0", ioc ? "1" : "0", error);
  if (ok && tlp != NULL && g_strcmp0 (tlp, o->tlp) != 0)
    ok = vigil_store_add_timeline (self, o->incident_id, NULL, "observable", summary->str,
                                   "tlp", o->tlp, tlp, error);
  if (ok && note != NULL && g_strcmp0 (note, o->note) != 0)
    ok = vigil_store_add_timeline (self, o->incident_id, NULL, "observable", summary->str,
                                   "note", o->note, note, error);
  ok = ok && touch_incident (self, o->incident_id, error);
  vigil_store_notify (self, VIGIL_KIND_OBSERVABLE, observable_id);
  vigil_observable_free (o);
  if (!ok)
    return fail (self);
  return vigil_store_commit (self, error);
}

gboolean
vigil_store_remove_observable (VigilStore  *self,
                               gint64       observable_id,
                               GError     **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *summary = NULL;
  VigilObservable *o;
  gboolean ok;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  if (!vigil_store_begin (self, error))
    return FALSE;
  if ((o = get_observable (self, observable_id, error)) == NULL)
    return fail (self);
  sql = g_strdup_printf ("DELETE FROM observables WHERE id = %" PRId64, observable_id);
  summary = g_strdup_printf (_("Observable removed: %s %s"),
                             vigil_vocab_label (VIGIL_VOCAB_OBSERVABLE_TYPE, o->type), o->value);
  ok = o->incident_id > 0 && vigil_store_exec (self, sql, error) &&
       vigil_store_add_timeline (self, o->incident_id, NULL, "observable", summary, o->type,
                                 o->value, NULL, error) &&
       touch_incident (self, o->incident_id, error);
  vigil_store_notify (self, VIGIL_KIND_OBSERVABLE, observable_id);
  vigil_observable_free (o);
  if (!ok)
    return fail (self);
  return vigil_store_commit (self, error);
}

/* Capped so a value shared by thousands of alerts still costs one short
 * index range scan. */
#define SHARED_COUNT_CAP 1000

/* An alert's addresses are its implicit ip observables.  The indexes are
 * named because ANALYZE sees a column of mostly NULL addresses as one huge
 * group of equal keys, and the planner then prefers scanning every alert
 * (milliseconds per lookup over a few thousand alerts) to the index (a few
 * microseconds); migration 2 makes sure both indexes exist. */
#define ALERTS_BY_SRC "INDEXED BY alerts_src_addr"
#define ALERTS_BY_DST "INDEXED BY alerts_dst_addr"

GPtrArray *
vigil_store_list_observables (VigilStore  *self,
                              gint64       incident_id,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *out;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  stmt = vigil_store_prepare (self,
                              "SELECT o.id, o.type, o.value, o.ioc, o.tlp, o.note, o.created_at, "
                              "(SELECT count(*) FROM (SELECT 1 FROM observables s "
                              " LEFT JOIN alerts a ON a.id = s.alert_id "
                              " WHERE s.type = o.type AND s.value = o.value AND s.id <> o.id "
                              " AND (s.incident_id IS NULL OR s.incident_id <> o.incident_id) "
                              " AND (a.incident_id IS NULL OR a.incident_id <> o.incident_id) "
                              " LIMIT 1000)) + "
                              /* each alert once, whichever of its addresses matches */
                              "CASE WHEN o.type = 'ip' THEN (SELECT count(*) FROM (SELECT 1 "
                              " FROM alerts a " ALERTS_BY_SRC " WHERE a.src_addr = o.value "
                              " AND (a.incident_id IS NULL OR a.incident_id <> o.incident_id) "
                              " UNION ALL SELECT 1 FROM alerts a " ALERTS_BY_DST
                              " WHERE a.dst_addr = o.value AND a.src_addr IS NOT o.value "
                              " AND (a.incident_id IS NULL OR a.incident_id <> o.incident_id) "
                              " LIMIT 1000)) ELSE 0 END "
                              "FROM observables o WHERE o.incident_id = ?1 "
                              "ORDER BY o.ioc DESC, o.type, o.value", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_observable_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilObservable *o = g_new0 (VigilObservable, 1);

      o->id = sqlite3_column_int64 (stmt, 0);
      o->incident_id = incident_id;
      o->type = COL (stmt, 1);
      o->value = COL (stmt, 2);
      o->ioc = sqlite3_column_int (stmt, 3);
      o->tlp = COL (stmt, 4);
      o->note = COL (stmt, 5);
      o->created_at = COL (stmt, 6);
      o->n_shared = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (out, o);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      g_clear_pointer (&out, g_ptr_array_unref);
    }
  sqlite3_reset (stmt);
  return out;
}

GPtrArray *
vigil_store_find_shared (VigilStore  *self,
                         const char  *type,
                         const char  *value,
                         gint64       incident_id,
                         GError     **error)
{
  g_autoptr(GHashTable) seen = NULL;
  sqlite3_stmt *stmt;
  GPtrArray *out;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (type != NULL && value != NULL, NULL);

  /* observables_value (type, value) makes this a range scan of the matches */
  stmt = vigil_store_prepare (self,
                              "SELECT coalesce(o.incident_id, 0), coalesce(o.alert_id, 0), "
                              "i.ref, i.title, i.stage, "
                              "coalesce(a.source_ref, a.source || ' #' || a.id), a.title, a.status "
                              "FROM observables o "
                              "LEFT JOIN incidents i ON i.id = o.incident_id "
                              "LEFT JOIN alerts a ON a.id = o.alert_id "
                              "WHERE o.type = ?1 AND o.value = ?2 "
                              "AND (o.incident_id IS NULL OR o.incident_id <> ?3) "
                              "AND (a.incident_id IS NULL OR a.incident_id <> ?3) "
                              /* an alert's addresses are its implicit ip observables */
                              "UNION ALL SELECT 0, a.id, NULL, NULL, NULL, "
                              "coalesce(a.source_ref, a.source || ' #' || a.id), a.title, a.status "
                              "FROM alerts a " ALERTS_BY_SRC " WHERE ?1 = 'ip' AND a.src_addr = ?2 "
                              "AND (a.incident_id IS NULL OR a.incident_id <> ?3) "
                              "UNION ALL SELECT 0, a.id, NULL, NULL, NULL, "
                              "coalesce(a.source_ref, a.source || ' #' || a.id), a.title, a.status "
                              "FROM alerts a " ALERTS_BY_DST " WHERE ?1 = 'ip' AND a.dst_addr = ?2 "
                              "AND a.src_addr IS NOT ?2 "
                              "AND (a.incident_id IS NULL OR a.incident_id <> ?3) "
                              "LIMIT 500", error);
  if (stmt == NULL)
    return NULL;
  vigil_bind_text (stmt, 1, type);
  vigil_bind_text (stmt, 2, value);
  sqlite3_bind_int64 (stmt, 3, incident_id);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_shared_ref_free);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilSharedRef *r = g_new0 (VigilSharedRef, 1);
      g_autofree char *key = NULL;

      r->incident_id = sqlite3_column_int64 (stmt, 0);
      r->alert_id = sqlite3_column_int64 (stmt, 1);
      key = g_strdup_printf ("%" PRId64 "/%" PRId64, r->incident_id,
                             r->incident_id ? 0 : r->alert_id);
      if (g_hash_table_contains (seen, key))
        {
          vigil_shared_ref_free (r);
          continue;
        }
      g_hash_table_add (seen, g_steal_pointer (&key));
      if (r->incident_id > 0)
        {
          r->ref = COL (stmt, 2);
          r->title = COL (stmt, 3);
          r->stage = COL (stmt, 4);
        }
      else
        {
          r->ref = COL (stmt, 5);
          r->title = COL (stmt, 6);
          r->stage = COL (stmt, 7);
        }
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

GPtrArray *
vigil_store_suggest_observables (VigilStore  *self,
                                 gint64       incident_id,
                                 GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) found = NULL;
  GPtrArray *out;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  /* the description, the notes, contact summaries and task descriptions */
  stmt = vigil_store_prepare (self,
                              "SELECT title || char(10) || description FROM incidents WHERE id = ?1 "
                              "UNION ALL SELECT summary FROM timeline "
                              "WHERE incident_id = ?1 AND kind = 'note' "
                              "UNION ALL SELECT summary FROM contacts WHERE incident_id = ?1 "
                              "UNION ALL SELECT description FROM actions WHERE incident_id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *t = (const char *) sqlite3_column_text (stmt, 0);
      if (t != NULL)
        {
          g_string_append (text, t);
          g_string_append_c (text, '\n');
        }
    }
  sqlite3_reset (stmt);

  stmt = vigil_store_prepare (self, "SELECT type || char(10) || value FROM observables "
                              "WHERE incident_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (existing, COL (stmt, 0));
  sqlite3_reset (stmt);

  found = vigil_observable_extract (text->str);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_observable_suggestion_free);
  for (guint i = 0; i < found->len; i++)
    {
      VigilObservableSuggestion *s = g_ptr_array_index (found, i);
      g_autofree char *key = g_strconcat (s->type, "\n", s->value, NULL);

      if (!g_hash_table_contains (existing, key))
        g_ptr_array_add (out, g_steal_pointer (&found->pdata[i]));
    }
  return out;
}

/* Affected assets ------------------------------------------------------- */

static void
contact_person_clear (VigilContactPerson *p)
{
  g_free (p->name);
  g_free (p->email);
  g_free (p->phone);
  g_free (p->mobile);
  g_free (p->team_name);
  g_free (p->manager_name);
  g_free (p->manager_email);
  g_free (p->manager_phone);
}

void
vigil_affected_asset_free (VigilAffectedAsset *a)
{
  if (a == NULL)
    return;
  g_free (a->name);
  g_free (a->kind);
  g_free (a->hostname);
  g_free (a->criticality);
  g_free (a->owner_team_name);
  g_free (a->status);
  g_free (a->note);
  contact_person_clear (&a->tech);
  contact_person_clear (&a->business);
  g_free (a);
}

static const char *
asset_status_label (const char *status)
{
  if (g_strcmp0 (status, "compromised") == 0)
    return _("Compromised");
  if (g_strcmp0 (status, "not-compromised") == 0)
    return _("Not compromised");
  if (g_strcmp0 (status, "unknown") == 0)
    return _("Unknown");
  return _("To be determined");
}

static gboolean
validate_compromise (const char  *status,
                     GError     **error)
{
  static const char * const statuses[] = { "tbd", "compromised", "not-compromised", "unknown", NULL };

  if (g_strv_contains (statuses, status))
    return TRUE;
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
               _("Unknown compromise status “%s”; expected tbd, compromised, not-compromised or "
                 "unknown"), status);
  return FALSE;
}

static char *
asset_name (VigilStore *self,
            gint64      asset_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM assets WHERE id = %" PRId64,
                                          asset_id);
  sqlite3_stmt *stmt = vigil_store_prepare (self, sql, NULL);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = COL (stmt, 0);
  sqlite3_reset (stmt);
  return name;
}

static char *
current_asset_status (VigilStore *self,
                      gint64      incident_id,
                      gint64      asset_id)
{
  sqlite3_stmt *stmt = vigil_store_prepare (self, "SELECT status FROM incident_assets "
                                            "WHERE incident_id = ?1 AND asset_id = ?2", NULL);
  char *status = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  sqlite3_bind_int64 (stmt, 2, asset_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    status = COL (stmt, 0);
  sqlite3_reset (stmt);
  return status;
}

gboolean
vigil_store_add_affected_asset (VigilStore  *self,
                                gint64       incident_id,
                                gint64       asset_id,
                                const char  *status,
                                const char  *note,
                                GError     **error)
{
  g_autofree char *ref = NULL;
  g_autofree char *name = NULL;
  g_autofree char *before = NULL;
  g_autofree char *summary = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  status = status ? status : "tbd";
  if (!validate_compromise (status, error) || !check_text (note, _("The note"), FALSE, error))
    return FALSE;
  if (!vigil_store_begin (self, error))
    return FALSE;
  if ((ref = incident_ref (self, incident_id, error)) == NULL)
    return fail (self);
  if ((name = asset_name (self, asset_id)) == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("No asset with id %" PRId64 " in the inventory"), asset_id);
      return fail (self);
    }
  before = current_asset_status (self, incident_id, asset_id);
  if (before != NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT,
                   _("%s is already an affected asset of %s"), name, ref);
      return fail (self);
    }
  stmt = vigil_store_prepare (self, "INSERT INTO incident_assets (incident_id, asset_id, status, "
                              "note) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, incident_id);
  sqlite3_bind_int64 (stmt, 2, asset_id);
  vigil_bind_text (stmt, 3, status);
  vigil_bind_text (stmt, 4, note ? note : "");
  summary = g_strdup_printf (_("Affected asset added: %s (%s)"), name,
                             asset_status_label (status));
  if (!vigil_store_step_done (self, stmt, error) ||
      !vigil_store_add_timeline (self, incident_id, NULL, "asset", summary, "asset", NULL, name,
                                 error) ||
      !touch_incident (self, incident_id, error))
    return fail (self);
  vigil_store_notify (self, VIGIL_KIND_ASSET, asset_id);
  return vigil_store_commit (self, error);
}

gboolean
vigil_store_set_affected_asset_status (VigilStore  *self,
                                       gint64       incident_id,
                                       gint64       asset_id,
                                       const char  *status,
                                       GError     **error)
{
  g_autofree char *before = NULL;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  if (!validate_compromise (status, error))
    return FALSE;
  if (!vigil_store_begin (self, error))
    return FALSE;
  before = current_asset_status (self, incident_id, asset_id);
  if (before == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("That asset is not an affected asset of this incident"));
      return fail (self);
    }
  if (g_str_equal (before, status))
    {
      vigil_store_rollback (self);
      return TRUE;
    }
  name = asset_name (self, asset_id);
  stmt = vigil_store_prepare (self, "UPDATE incident_assets SET status = ?3 "
                              "WHERE incident_id = ?1 AND asset_id = ?2", error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, incident_id);
  sqlite3_bind_int64 (stmt, 2, asset_id);
  vigil_bind_text (stmt, 3, status);
  summary = g_strdup_printf (_("%s: %s → %s"), name, asset_status_label (before),
                             asset_status_label (status));
  if (!vigil_store_step_done (self, stmt, error) ||
      !vigil_store_add_timeline (self, incident_id, NULL, "asset", summary, "compromise",
                                 before, status, error) ||
      !touch_incident (self, incident_id, error))
    return fail (self);
  vigil_store_notify (self, VIGIL_KIND_ASSET, asset_id);
  return vigil_store_commit (self, error);
}

gboolean
vigil_store_remove_affected_asset (VigilStore  *self,
                                   gint64       incident_id,
                                   gint64       asset_id,
                                   GError     **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  if (!vigil_store_begin (self, error))
    return FALSE;
  name = asset_name (self, asset_id);
  sql = g_strdup_printf ("DELETE FROM incident_assets WHERE incident_id = %" PRId64
                         " AND asset_id = %" PRId64, incident_id, asset_id);
  summary = g_strdup_printf (_("Affected asset removed: %s"), name ? name : "?");
  if (!vigil_store_exec (self, sql, error) ||
      !vigil_store_add_timeline (self, incident_id, NULL, "asset", summary, "asset", name, NULL,
                                 error) ||
      !touch_incident (self, incident_id, error))
    return fail (self);
  vigil_store_notify (self, VIGIL_KIND_ASSET, asset_id);
  return vigil_store_commit (self, error);
}

static void
read_person (sqlite3_stmt       *s,
             int                 col,
             VigilContactPerson *p)
{
  p->id = sqlite3_column_int64 (s, col);
  p->name = COL (s, col + 1);
  p->email = COL (s, col + 2);
  p->phone = COL (s, col + 3);
  p->mobile = COL (s, col + 4);
  p->team_name = COL (s, col + 5);
  p->manager_name = COL (s, col + 6);
  p->manager_email = COL (s, col + 7);
  p->manager_phone = COL (s, col + 8);
}

#define PERSON_COLS(p, t, m) \
  "coalesce(" p ".id, 0), " p ".name, " p ".email, " p ".phone, " p ".mobile, " t ".name, " \
  m ".name, " m ".email, coalesce(" m ".phone, " m ".mobile)"
#define PERSON_JOIN(col, p, t, m) \
  " LEFT JOIN people " p " ON " p ".id = a." col \
  " LEFT JOIN teams " t " ON " t ".id = " p ".team_id" \
  " LEFT JOIN people " m " ON " m ".id = " p ".manager_id"

GPtrArray *
vigil_store_list_affected_assets (VigilStore  *self,
                                  gint64       incident_id,
                                  GError     **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *out;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  stmt = vigil_store_prepare (self,
                              "SELECT a.id, a.name, a.kind, a.hostname, a.criticality, ot.name, "
                              "ia.status, ia.note, "
                              PERSON_COLS ("tp", "tt", "tm") ", "
                              PERSON_COLS ("bp", "bt", "bm") " "
                              "FROM incident_assets ia JOIN assets a ON a.id = ia.asset_id "
                              "LEFT JOIN teams ot ON ot.id = a.owner_team_id"
                              PERSON_JOIN ("tech_contact_id", "tp", "tt", "tm")
                              PERSON_JOIN ("business_owner_id", "bp", "bt", "bm")
                              " WHERE ia.incident_id = ?1 "
                              "ORDER BY CASE ia.status WHEN 'compromised' THEN 0 WHEN 'tbd' THEN 1 "
                              "WHEN 'unknown' THEN 2 ELSE 3 END, "
                              "CASE a.criticality WHEN 'critical' THEN 0 WHEN 'high' THEN 1 "
                              "WHEN 'medium' THEN 2 ELSE 3 END, a.name", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_affected_asset_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilAffectedAsset *a = g_new0 (VigilAffectedAsset, 1);

      a->asset_id = sqlite3_column_int64 (stmt, 0);
      a->name = COL (stmt, 1);
      a->kind = COL (stmt, 2);
      a->hostname = COL (stmt, 3);
      a->criticality = COL (stmt, 4);
      a->owner_team_name = COL (stmt, 5);
      a->status = COL (stmt, 6);
      a->note = COL (stmt, 7);
      read_person (stmt, 8, &a->tech);
      read_person (stmt, 17, &a->business);
      g_ptr_array_add (out, a);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      g_clear_pointer (&out, g_ptr_array_unref);
    }
  sqlite3_reset (stmt);
  return out;
}

/* Choices for pickers --------------------------------------------------- */

GPtrArray *
vigil_store_list_team_choices (VigilStore  *self,
                               GError     **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *out;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  stmt = vigil_store_prepare (self, "SELECT id, name, kind FROM teams "
                              "ORDER BY name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_choice_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilChoice *c = g_new0 (VigilChoice, 1);
      c->id = sqlite3_column_int64 (stmt, 0);
      c->label = COL (stmt, 1);
      c->detail = g_strdup (vigil_vocab_label (VIGIL_VOCAB_TEAM_KIND,
                                               (const char *) sqlite3_column_text (stmt, 2)));
      c->key = COL (stmt, 1);
      g_ptr_array_add (out, c);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      g_clear_pointer (&out, g_ptr_array_unref);
    }
  sqlite3_reset (stmt);
  return out;
}

/* Notes and the timeline ------------------------------------------------ */

void
vigil_timeline_entry_free (VigilTimelineEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->at);
  g_free (e->recorded_at);
  g_free (e->actor);
  g_free (e->kind);
  g_free (e->summary);
  g_free (e->field);
  g_free (e->before);
  g_free (e->after);
  g_free (e);
}

gint64
vigil_store_add_note (VigilStore  *self,
                      gint64       incident_id,
                      const char  *text,
                      const char  *at,
                      GError     **error)
{
  g_autofree char *ref = NULL;
  g_autofree char *when = NULL;
  g_autofree char *trimmed = NULL;
  gint64 id;

  g_return_val_if_fail (VIGIL_IS_STORE (self), -1);

  if (!check_text (text, _("The note"), TRUE, error) ||
      !normalize_time (at, _("Event time"), &when, error))
    return -1;
  trimmed = g_strstrip (g_strdup (text));
  if (!vigil_store_begin (self, error))
    return -1;
  if ((ref = incident_ref (self, incident_id, error)) == NULL ||
      !vigil_store_add_timeline (self, incident_id, when, "note", trimmed, NULL, NULL, NULL,
                                 error))
    return fail (self), -1;
  id = sqlite3_last_insert_rowid (vigil_store_get_db (self));
  if (!touch_incident (self, incident_id, error))
    return fail (self), -1;
  if (!vigil_store_commit (self, error))
    return -1;
  return id;
}

GPtrArray *
vigil_store_list_timeline (VigilStore          *self,
                           gint64               incident_id,
                           const char * const  *kinds,
                           GError             **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id, at, recorded_at, actor, kind, summary, "
                                         "field, before, after FROM timeline "
                                         "WHERE incident_id = ?1");
  guint n_kinds = kinds ? g_strv_length ((GStrv) kinds) : 0;
  sqlite3_stmt *stmt;
  GPtrArray *out;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  if (n_kinds > 0)
    {
      g_string_append (sql, " AND kind IN (");
      for (guint i = 0; i < n_kinds; i++)
        g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 2);
      g_string_append (sql, ")");
    }
  g_string_append (sql, " ORDER BY at, id");
  stmt = vigil_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  for (guint i = 0; i < n_kinds; i++)
    vigil_bind_text (stmt, i + 2, kinds[i]);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_timeline_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilTimelineEntry *e = g_new0 (VigilTimelineEntry, 1);

      e->id = sqlite3_column_int64 (stmt, 0);
      e->at = COL (stmt, 1);
      e->recorded_at = COL (stmt, 2);
      e->actor = COL (stmt, 3);
      e->kind = COL (stmt, 4);
      e->summary = COL (stmt, 5);
      e->field = COL (stmt, 6);
      e->before = COL (stmt, 7);
      e->after = COL (stmt, 8);
      g_ptr_array_add (out, e);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      g_clear_pointer (&out, g_ptr_array_unref);
    }
  sqlite3_reset (stmt);
  return out;
}

GStrv
vigil_store_list_timeline_kinds (VigilStore  *self,
                                 gint64       incident_id,
                                 GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  stmt = vigil_store_prepare (self, "SELECT DISTINCT kind FROM timeline WHERE incident_id = ?1 "
                              "ORDER BY kind", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return g_strv_builder_end (builder);
}

char *
vigil_timeline_to_json (GPtrArray *entries)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (entries != NULL, NULL);

  json_builder_begin_array (b);
  for (guint i = 0; i < entries->len; i++)
    {
      VigilTimelineEntry *e = g_ptr_array_index (entries, i);

      json_builder_begin_object (b);
#define S(name, value) \
      json_builder_set_member_name (b, name); \
      if (value) json_builder_add_string_value (b, value); else json_builder_add_null_value (b)
      S ("at", e->at);
      S ("recorded_at", e->recorded_at);
      S ("actor", e->actor);
      S ("kind", e->kind);
      S ("summary", e->summary);
      S ("field", e->field);
      S ("before", e->before);
      S ("after", e->after);
#undef S
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

static void
csv_cell (GString    *out,
          const char *value)
{
  if (value == NULL)
    return;
  g_string_append_c (out, '"');
  /* a cell that a spreadsheet would run as a formula is kept as text */
  if (strchr ("=+-@\t\r", value[0]) != NULL && value[0] != '\0')
    g_string_append_c (out, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
vigil_timeline_to_csv (GPtrArray *entries)
{
  GString *out = g_string_new ("at,recorded_at,actor,kind,summary,field,before,after\r\n");

  g_return_val_if_fail (entries != NULL, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      VigilTimelineEntry *e = g_ptr_array_index (entries, i);
      const char *cells[] = { e->at, e->recorded_at, e->actor, e->kind, e->summary, e->field,
                              e->before, e->after };

      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          csv_cell (out, cells[c]);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}
