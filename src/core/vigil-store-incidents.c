/* vigil-store-incidents.c — incidents in the store
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Creating, changing, moving and escalating incidents, the board's filter
 * and the pickers of the incident editor.  Each write is one transaction
 * that also writes its timeline rows; the workflow rules are asked first.
 *
 * Stage times: a move sets the time of every stage the incident has now
 * completed and that had none (leaving Classification = acknowledged,
 * leaving Containment = contained, leaving Resolution = resolved, entering
 * Closed = closed); moving backwards clears the times of the stages that
 * are no longer completed.
 */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "vigil-store-incidents.h"
#include "vigil-store-private.h"
#include "vigil-time.h"
#include "vigil-vocab.h"
#include "vigil-workflow.h"

#define MAX_TITLE_BYTES (64 * 1024)

/* ---- Reading ------------------------------------------------------------ */

static VigilIncident *
get_incident_where (VigilStore  *self,
                    const char  *where,
                    const char  *text,
                    gint64       id,
                    GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM incidents i WHERE %s",
                                          vigil_incident_select_columns (), where);
  g_autoptr(GError) local = NULL;
  VigilIncident *incident;

  incident = vigil_store_read_one (self, sql, text, id,
                                   (VigilRowReader) vigil_incident_new_from_row, &local);
  if (local != NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  else if (incident == NULL)
    {
      if (text != NULL)
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                     _("No incident %s; `vigilctl incident list` shows the references"), text);
      else
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                     _("No incident with id %" PRId64), id);
    }
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
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  return vigil_store_filter_incident_ids (self, stage, NULL, error);
}

/* ---- Response targets --------------------------------------------------- */

static const VigilResponseTargets default_targets = {
  .acknowledge = { 1440, 240, 60, 15 },
  .contain = { 4320, 1440, 480, 240 },
  .resolve = { 20160, 10080, 4320, 1440 },
};

#define TARGETS_KEY "vigil-response-targets"

void
vigil_store_set_response_targets (VigilStore                 *self,
                                  const VigilResponseTargets *targets)
{
  g_return_if_fail (VIGIL_IS_STORE (self));
  g_return_if_fail (targets != NULL);

  g_object_set_data_full (G_OBJECT (self), TARGETS_KEY,
                          g_memdup2 (targets, sizeof *targets), g_free);
}

void
vigil_store_get_response_targets (VigilStore           *self,
                                  VigilResponseTargets *targets)
{
  const VigilResponseTargets *set;

  g_return_if_fail (VIGIL_IS_STORE (self));
  g_return_if_fail (targets != NULL);

  set = g_object_get_data (G_OBJECT (self), TARGETS_KEY);
  *targets = set ? *set : default_targets;
}

char *
vigil_store_compute_due_at (VigilStore *self,
                            const char *stage,
                            const char *severity,
                            const char *detected_at)
{
  VigilResponseTargets t;
  int sev = vigil_vocab_index (VIGIL_VOCAB_SEVERITY, severity);
  int st = vigil_vocab_index (VIGIL_VOCAB_STAGE, stage);
  gint64 base;
  guint minutes;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  if (sev < 0 || sev > 3 || st < 0 || st == VIGIL_STAGE_CLOSED)
    return NULL;
  vigil_store_get_response_targets (self, &t);
  if (st == VIGIL_STAGE_CLASSIFICATION)
    minutes = t.acknowledge[sev];
  else if (st == VIGIL_STAGE_RESOLUTION)
    minutes = t.resolve[sev];
  else
    minutes = t.contain[sev];
  if (minutes == 0)
    return NULL;

  base = detected_at ? vigil_time_to_unix (detected_at) : 0;
  if (base == 0)
    {
      g_autoptr(GDateTime) now = vigil_time_now ();
      base = g_date_time_to_unix (now);
    }
  return vigil_time_from_unix (base + (gint64) minutes * 60);
}

/* ---- Small helpers ------------------------------------------------------ */

#define is_blank vigil_str_is_blank

static gboolean
validate_key (VigilVocab   vocab,
              const char  *key,
              gboolean     may_clear,
              GError     **error)
{
  if (key == NULL || (may_clear && *key == '\0'))
    return TRUE;
  return vigil_vocab_validate (vocab, key, error);
}

static gboolean
validate_level (const char  *what,
                int          value,
                GError     **error)
{
  if (value == 0 || value == -1 || (value >= 1 && value <= 3))
    return TRUE;
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
               _("The %s must be 1 (high), 2 (medium) or 3 (low), not %d"), what, value);
  return FALSE;
}

static gint64
lookup_person_email (VigilStore  *self,
                     const char  *email,
                     GError     **error)
{
  gint64 id;
  GError *local = NULL;

  id = vigil_store_find_person_by_email (self, email, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return -1;
    }
  if (id == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("No person with the e-mail address %s in the organisation"), email);
      return -1;
    }
  return id;
}

static gboolean
person_exists (VigilStore *self,
               gint64      id)
{
  sqlite3_stmt *stmt = vigil_store_prepare (self, "SELECT 1 FROM people WHERE id = ?1", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* One pending column change: the new value and the before/after texts the
 * timeline shows. */
typedef struct
{
  const char *column;
  const char *label;
  gboolean    is_int;
  gint64      int_value;  /* 0 with is_int means NULL */
  char       *value;      /* NULL means NULL */
  char       *before;
  char       *after;
  gboolean    silent;     /* no timeline row (derived values) */
} Change;

static void
change_clear (gpointer data)
{
  Change *c = data;
  g_free (c->value);
  g_free (c->before);
  g_free (c->after);
}

static GArray *
changes_new (void)
{
  GArray *a = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (a, change_clear);
  return a;
}

static void
add_text_change (GArray     *changes,
                 const char *column,
                 const char *label,
                 const char *before,
                 const char *after)
{
  Change c = { column, label, FALSE, 0, g_strdup (after), g_strdup (before), g_strdup (after), FALSE };
  g_array_append_val (changes, c);
}

static void
add_int_change (GArray     *changes,
                const char *column,
                const char *label,
                gint64      before,
                gint64      after)
{
  Change c = { column, label, TRUE, after, NULL,
               before > 0 ? g_strdup_printf ("%" PRId64, before) : NULL,
               after > 0 ? g_strdup_printf ("%" PRId64, after) : NULL, FALSE };
  g_array_append_val (changes, c);
}

static char *
shorten (const char *text)
{
  if (text == NULL)
    return g_strdup (_("(none)"));
  if (g_utf8_strlen (text, 81) > 80)
    {
      g_autofree char *head = g_utf8_substring (text, 0, 77);
      return g_strconcat (head, "…", NULL);
    }
  return g_strdup (text);
}

static gboolean
apply_changes (VigilStore  *self,
               gint64       id,
               GArray      *changes,
               const char  *at,
               GError     **error)
{
  g_autofree char *now = vigil_time_now_iso ();

  for (guint i = 0; i < changes->len; i++)
    {
      Change *c = &g_array_index (changes, Change, i);
      g_autofree char *sql = g_strdup_printf ("UPDATE incidents SET %s = ?1, updated_at = ?2 "
                                              "WHERE id = ?3", c->column);
      sqlite3_stmt *stmt = vigil_store_prepare (self, sql, error);

      if (stmt == NULL)
        return FALSE;
      if (c->is_int)
        {
          if (c->int_value > 0)
            sqlite3_bind_int64 (stmt, 1, c->int_value);
          else
            sqlite3_bind_null (stmt, 1);
        }
      else
        vigil_bind_text (stmt, 1, c->value);
      vigil_bind_text (stmt, 2, now);
      sqlite3_bind_int64 (stmt, 3, id);
      if (!vigil_store_step_done (self, stmt, error))
        return FALSE;

      if (!c->silent)
        {
          g_autofree char *b = shorten (c->before);
          g_autofree char *a = shorten (c->after);
          g_autofree char *summary = g_strdup_printf (_("%s changed from “%s” to “%s”"),
                                                      c->label, b, a);
          if (!vigil_store_add_timeline (self, id, at, "field", summary, c->column,
                                         c->before, c->after, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Appends the first column of every row of `stmt` to `ids`, and resets it. */
static gboolean
step_ids (VigilStore    *self,
          sqlite3_stmt  *stmt,
          GArray        *ids,
          GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 v = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, v);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

static GArray *
query_ids (VigilStore  *self,
           const char  *sql,
           gint64       param,
           GError     **error)
{
  sqlite3_stmt *stmt = vigil_store_prepare (self, sql, error);
  g_autoptr(GArray) ids = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, param);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!step_ids (self, stmt, ids, error))
    return NULL;
  return g_steal_pointer (&ids);
}

GArray *
vigil_store_list_incident_asset_ids (VigilStore  *self,
                                     gint64       incident_id,
                                     GError     **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  return query_ids (self, "SELECT asset_id FROM incident_assets WHERE incident_id = ?1 "
                    "ORDER BY asset_id", incident_id, error);
}

static char *
asset_names (VigilStore *self,
             GArray     *ids)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; ids && i < ids->len; i++)
    {
      sqlite3_stmt *stmt = vigil_store_prepare (self, "SELECT name FROM assets WHERE id = ?1", NULL);
      if (stmt == NULL)
        break;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          if (s->len > 0)
            g_string_append (s, ", ");
          g_string_append (s, (const char *) sqlite3_column_text (stmt, 0));
        }
      sqlite3_reset (stmt);
    }
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

static gboolean
set_assets (VigilStore    *self,
            gint64         id,
            const GArray  *wanted_in,
            const char    *at,
            gboolean       record,
            guint         *n_changed,
            GError       **error)
{
  g_autoptr(GArray) current = vigil_store_list_incident_asset_ids (self, id, error);
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  if (current == NULL)
    return FALSE;
  for (guint i = 0; i < wanted_in->len; i++)
    {
      gint64 v = g_array_index (wanted_in, gint64, i);
      gboolean dup = FALSE;
      for (guint j = 0; j < wanted->len && !dup; j++)
        dup = g_array_index (wanted, gint64, j) == v;
      if (!dup)
        g_array_append_val (wanted, v);
    }
  g_array_sort (wanted, compare_ids);

  if (wanted->len == current->len &&
      (wanted->len == 0 || memcmp (wanted->data, current->data, wanted->len * sizeof (gint64)) == 0))
    return TRUE;

  /* Keep the status and note of the assets that stay. */
  for (guint i = 0; i < current->len; i++)
    {
      gint64 v = g_array_index (current, gint64, i);
      gboolean keep = FALSE;
      for (guint j = 0; j < wanted->len && !keep; j++)
        keep = g_array_index (wanted, gint64, j) == v;
      if (keep)
        continue;
      stmt = vigil_store_prepare (self, "DELETE FROM incident_assets WHERE incident_id = ?1 "
                                  "AND asset_id = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, v);
      if (!vigil_store_step_done (self, stmt, error))
        return FALSE;
    }
  for (guint i = 0; i < wanted->len; i++)
    {
      stmt = vigil_store_prepare (self, "INSERT OR IGNORE INTO incident_assets (incident_id, asset_id) "
                                  "VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (wanted, gint64, i));
      if (!vigil_store_step_done (self, stmt, error))
        {
          g_prefix_error (error, _("Asset %" PRId64 ": "), g_array_index (wanted, gint64, i));
          return FALSE;
        }
    }
  if (record)
    {
      g_autofree char *before = asset_names (self, current);
      g_autofree char *after = asset_names (self, wanted);
      g_autofree char *b = shorten (before);
      g_autofree char *a = shorten (after);
      g_autofree char *summary = g_strdup_printf (_("Affected assets changed from “%s” to “%s”"), b, a);
      if (!vigil_store_add_timeline (self, id, at, "field", summary, "assets", before, after, error))
        return FALSE;
    }
  if (n_changed)
    (*n_changed)++;
  return TRUE;
}

/* Validates the changes and normalises their times. */
static gboolean
check_changes (VigilStore                 *self,
               const VigilIncidentChanges *ch,
               char                      **occurred_at,
               char                      **detected_at,
               gint64                     *assignee_id,
               GError                    **error)
{
  if (ch->title != NULL && is_blank (ch->title))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("An incident needs a title"));
      return FALSE;
    }
  if (ch->title != NULL && strlen (ch->title) > MAX_TITLE_BYTES)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("The title is longer than %d KB; put the details in the description"),
                   MAX_TITLE_BYTES / 1024);
      return FALSE;
    }
  if (!validate_key (VIGIL_VOCAB_SEVERITY, ch->severity, TRUE, error) ||
      !validate_key (VIGIL_VOCAB_CATEGORY, ch->category, TRUE, error) ||
      !validate_key (VIGIL_VOCAB_TLP, ch->tlp, FALSE, error) ||
      !validate_key (VIGIL_VOCAB_PAP, ch->pap, FALSE, error) ||
      !validate_key (VIGIL_VOCAB_TIER, ch->tier, FALSE, error) ||
      !validate_key (VIGIL_VOCAB_IMPACT_STATUS, ch->impact_status, FALSE, error) ||
      !validate_key (VIGIL_VOCAB_RESOLUTION, ch->resolution, TRUE, error) ||
      !validate_level (_("impact"), ch->impact, error) ||
      !validate_level (_("urgency"), ch->urgency, error))
    return FALSE;

  if (ch->occurred_at != NULL && *ch->occurred_at != '\0')
    {
      *occurred_at = vigil_time_normalize (ch->occurred_at, error);
      if (*occurred_at == NULL)
        {
          g_prefix_error (error, _("Occurred at: "));
          return FALSE;
        }
    }
  if (ch->detected_at != NULL && *ch->detected_at != '\0')
    {
      *detected_at = vigil_time_normalize (ch->detected_at, error);
      if (*detected_at == NULL)
        {
          g_prefix_error (error, _("Detected at: "));
          return FALSE;
        }
    }

  *assignee_id = ch->assignee_id;
  if (ch->assignee_email != NULL)
    {
      if (*ch->assignee_email == '\0')
        *assignee_id = -1;
      else if ((*assignee_id = lookup_person_email (self, ch->assignee_email, error)) < 0)
        return FALSE;
    }
  else if (ch->assignee_id > 0 && !person_exists (self, ch->assignee_id))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("No person with id %" PRId64 " in the organisation"), ch->assignee_id);
      return FALSE;
    }
  return TRUE;
}

/* ---- Creating ----------------------------------------------------------- */

static gboolean
add_stage_history (VigilStore  *self,
                   gint64       id,
                   const char  *from,
                   const char  *to,
                   const char  *at,
                   const char  *reason,
                   gint64      *history_id,
                   GError     **error)
{
  sqlite3_stmt *stmt = vigil_store_prepare (self,
                                            "INSERT INTO stage_history (incident_id, from_stage, "
                                            "to_stage, actor, at, reason) "
                                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  vigil_bind_text (stmt, 2, from);
  vigil_bind_text (stmt, 3, to);
  vigil_bind_text (stmt, 4, vigil_store_get_actor (self));
  vigil_bind_text (stmt, 5, at);
  vigil_bind_text (stmt, 6, reason ? reason : "");
  if (!vigil_store_step_done (self, stmt, error))
    return FALSE;
  if (history_id)
    *history_id = sqlite3_last_insert_rowid (vigil_store_get_db (self));
  return TRUE;
}

static const char *
empty_to_null (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

VigilIncident *
vigil_store_create_incident (VigilStore                 *self,
                             const VigilIncidentChanges *ch,
                             GError                    **error)
{
  g_autofree char *occurred_at = NULL;
  g_autofree char *detected_at = NULL;
  g_autofree char *now = vigil_time_now_iso ();
  g_autofree char *ref = NULL;
  g_autofree char *due_at = NULL;
  g_autofree char *summary = NULL;
  gint64 assignee_id = 0;
  gint64 id;
  int impact, urgency, priority = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (ch != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (ch->title == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("An incident needs a title"));
      return NULL;
    }
  if (!check_changes (self, ch, &occurred_at, &detected_at, &assignee_id, error))
    return NULL;
  if (detected_at == NULL)
    detected_at = g_strdup (now);
  impact = ch->impact > 0 ? ch->impact : 0;
  urgency = ch->urgency > 0 ? ch->urgency : 0;
  if (impact > 0 && urgency > 0)
    priority = vigil_priority_from_impact_urgency (impact, urgency);
  due_at = vigil_store_compute_due_at (self, "classification", empty_to_null (ch->severity),
                                       detected_at);

  if (!vigil_store_begin (self, error))
    return NULL;

  ref = vigil_store_next_incident_ref (self, detected_at, error);
  if (ref == NULL)
    goto fail;

  stmt = vigil_store_prepare (self,
                              "INSERT INTO incidents (ref, title, description, severity, impact, "
                              "urgency, priority, category, tlp, pap, tier, assignee_id, "
                              "owner_team_id, occurred_at, detected_at, due_at, impact_status, "
                              "lessons, created_at, updated_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                              "?14, ?15, ?16, ?17, ?18, ?19, ?19)", error);
  if (stmt == NULL)
    goto fail;
  vigil_bind_text (stmt, 1, ref);
  vigil_bind_text (stmt, 2, ch->title);
  vigil_bind_text (stmt, 3, ch->description ? ch->description : "");
  vigil_bind_text (stmt, 4, empty_to_null (ch->severity));
  vigil_bind_id (stmt, 5, impact);
  vigil_bind_id (stmt, 6, urgency);
  vigil_bind_id (stmt, 7, priority);
  vigil_bind_text (stmt, 8, empty_to_null (ch->category));
  vigil_bind_text (stmt, 9, ch->tlp ? ch->tlp : "amber");
  vigil_bind_text (stmt, 10, ch->pap ? ch->pap : "amber");
  vigil_bind_text (stmt, 11, ch->tier ? ch->tier : "l1");
  vigil_bind_id (stmt, 12, assignee_id);
  vigil_bind_id (stmt, 13, ch->owner_team_id);
  vigil_bind_text (stmt, 14, occurred_at);
  vigil_bind_text (stmt, 15, detected_at);
  vigil_bind_text (stmt, 16, due_at);
  vigil_bind_text (stmt, 17, ch->impact_status ? ch->impact_status : "unknown");
  vigil_bind_text (stmt, 18, ch->lessons ? ch->lessons : "");
  vigil_bind_text (stmt, 19, now);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (vigil_store_get_db (self));

  if (ch->asset_ids != NULL && ch->asset_ids->len > 0 &&
      !set_assets (self, id, ch->asset_ids, now, FALSE, NULL, error))
    goto fail;
  if (!add_stage_history (self, id, NULL, "classification", now, "", NULL, error))
    goto fail;
  summary = g_strdup_printf (_("Created %s in Classification"), ref);
  if (!vigil_store_add_timeline (self, id, now, "created", summary, NULL, NULL, NULL, error))
    goto fail;
  vigil_store_notify (self, VIGIL_KIND_INCIDENT, id);
  if (!vigil_store_commit (self, error))
    return NULL;

  return vigil_store_get_incident (self, id, error);

fail:
  vigil_store_rollback (self);
  return NULL;
}

/* ---- Updating ----------------------------------------------------------- */

static void
diff_text (GArray     *changes,
           const char *column,
           const char *label,
           const char *before,
           const char *wanted,
           gboolean    nullable)
{
  const char *after;

  if (wanted == NULL)
    return;
  after = nullable ? empty_to_null (wanted) : wanted;
  if (g_strcmp0 (before, after) == 0)
    return;
  add_text_change (changes, column, label, before, after);
}

gboolean
vigil_store_update_incident (VigilStore                 *self,
                             gint64                      id,
                             const VigilIncidentChanges *ch,
                             guint                      *n_changed,
                             GError                    **error)
{
  g_autoptr(VigilIncident) inc = NULL;
  g_autoptr(GArray) changes = changes_new ();
  g_autofree char *occurred_at = NULL;
  g_autofree char *detected_at = NULL;
  g_autofree char *now = vigil_time_now_iso ();
  gint64 assignee_id = 0;
  int impact, urgency;
  guint n = 0;
  const char *severity, *stage;
  const char *det;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (ch != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_changed)
    *n_changed = 0;
  if (!check_changes (self, ch, &occurred_at, &detected_at, &assignee_id, error))
    return FALSE;
  if (!vigil_store_begin (self, error))
    return FALSE;
  inc = vigil_store_get_incident (self, id, error);
  if (inc == NULL)
    goto fail;

  diff_text (changes, "title", _("Title"), vigil_incident_get_title (inc), ch->title, FALSE);
  diff_text (changes, "description", _("Description"), vigil_incident_get_description (inc),
             ch->description, FALSE);
  diff_text (changes, "severity", _("Severity"), vigil_incident_get_severity (inc),
             ch->severity, TRUE);
  diff_text (changes, "category", _("Category"), vigil_incident_get_category (inc),
             ch->category, TRUE);
  diff_text (changes, "tlp", _("TLP"), vigil_incident_get_tlp (inc), ch->tlp, FALSE);
  diff_text (changes, "pap", _("PAP"), vigil_incident_get_pap (inc), ch->pap, FALSE);
  diff_text (changes, "tier", _("Tier"), vigil_incident_get_tier (inc), ch->tier, FALSE);
  diff_text (changes, "impact_status", _("Impact status"),
             vigil_incident_get_impact_status (inc), ch->impact_status, FALSE);
  diff_text (changes, "resolution", _("Resolution"), vigil_incident_get_resolution (inc),
             ch->resolution, TRUE);
  diff_text (changes, "summary", _("Closure summary"), vigil_incident_get_summary (inc),
             ch->summary, FALSE);
  diff_text (changes, "lessons", _("Lessons learned"), vigil_incident_get_lessons (inc),
             ch->lessons, FALSE);
  if (ch->occurred_at != NULL)
    diff_text (changes, "occurred_at", _("Occurred at"), vigil_incident_get_occurred_at (inc),
               occurred_at ? occurred_at : "", TRUE);
  if (ch->detected_at != NULL)
    diff_text (changes, "detected_at", _("Detected at"), vigil_incident_get_detected_at (inc),
               detected_at ? detected_at : "", TRUE);

  impact = vigil_incident_get_impact (inc);
  urgency = vigil_incident_get_urgency (inc);
  if (ch->impact != 0 && MAX (ch->impact, 0) != impact)
    {
      add_int_change (changes, "impact", _("Impact"), impact, MAX (ch->impact, 0));
      impact = MAX (ch->impact, 0);
    }
  if (ch->urgency != 0 && MAX (ch->urgency, 0) != urgency)
    {
      add_int_change (changes, "urgency", _("Urgency"), urgency, MAX (ch->urgency, 0));
      urgency = MAX (ch->urgency, 0);
    }
  {
    int priority = impact > 0 && urgency > 0 ? vigil_priority_from_impact_urgency (impact, urgency) : 0;
    if (priority != vigil_incident_get_priority (inc))
      {
        add_int_change (changes, "priority", _("Priority"), vigil_incident_get_priority (inc), priority);
        Change *c = &g_array_index (changes, Change, changes->len - 1);
        g_free (c->before);
        g_free (c->after);
        c->before = vigil_incident_get_priority (inc) > 0 ? g_strdup_printf ("P%d", vigil_incident_get_priority (inc)) : NULL;
        c->after = priority > 0 ? g_strdup_printf ("P%d", priority) : NULL;
      }
  }

  if (assignee_id != 0 && MAX (assignee_id, 0) != vigil_incident_get_assignee_id (inc))
    {
      g_autofree char *after = assignee_id > 0 ? vigil_store_dup_person_name (self, assignee_id) : NULL;
      Change c = { "assignee_id", _("Assignee"), TRUE, MAX (assignee_id, 0), NULL,
                   g_strdup (vigil_incident_get_assignee_name (inc)), g_steal_pointer (&after), FALSE };
      g_array_append_val (changes, c);
    }
  if (ch->owner_team_id != 0 && MAX (ch->owner_team_id, 0) != vigil_incident_get_owner_team_id (inc))
    {
      Change c = { "owner_team_id", _("Owner team"), TRUE, MAX (ch->owner_team_id, 0), NULL,
                   g_strdup (vigil_incident_get_owner_team_name (inc)), NULL, FALSE };
      g_array_append_val (changes, c);
    }

  n = changes->len;

  /* The response due time follows the severity and the detection time. */
  severity = ch->severity ? empty_to_null (ch->severity) : vigil_incident_get_severity (inc);
  det = detected_at ? detected_at : vigil_incident_get_detected_at (inc);
  stage = vigil_incident_get_stage (inc);
  if (n > 0)
    {
      g_autofree char *due = vigil_store_compute_due_at (self, stage, severity, det);
      if (g_strcmp0 (due, vigil_incident_get_due_at (inc)) != 0)
        {
          add_text_change (changes, "due_at", _("Response due"), vigil_incident_get_due_at (inc), due);
          g_array_index (changes, Change, changes->len - 1).silent = TRUE;
        }
    }

  if (!apply_changes (self, id, changes, now, error))
    goto fail;
  if (ch->asset_ids != NULL && !set_assets (self, id, ch->asset_ids, now, TRUE, &n, error))
    goto fail;

  if (n > 0)
    vigil_store_notify (self, VIGIL_KIND_INCIDENT, id);
  if (!vigil_store_commit (self, error))
    return FALSE;
  if (n_changed)
    *n_changed = n;
  return TRUE;

fail:
  vigil_store_rollback (self);
  return FALSE;
}

/* ---- Moving ------------------------------------------------------------- */

/* What a move changed, kept for the session so the toast can undo it. */
typedef struct
{
  gint64  incident_id;
  char   *from_stage;
  char   *to_stage;
  char   *columns[6];  /* acknowledged_at, contained_at, resolved_at, closed_at, due_at,
                        * resolution before the move */
} MoveUndo;

#define UNDO_KEY "vigil-move-undo"

static void
move_undo_free (gpointer data)
{
  MoveUndo *u = data;
  g_free (u->from_stage);
  g_free (u->to_stage);
  for (guint i = 0; i < G_N_ELEMENTS (u->columns); i++)
    g_free (u->columns[i]);
  g_free (u);
}

static GHashTable *
undo_table (VigilStore *self)
{
  GHashTable *table = g_object_get_data (G_OBJECT (self), UNDO_KEY);

  if (table == NULL)
    {
      table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, move_undo_free);
      g_object_set_data_full (G_OBJECT (self), UNDO_KEY, table,
                              (GDestroyNotify) g_hash_table_unref);
    }
  return table;
}

static const char *
incident_column (VigilIncident *inc,
                 guint          i)
{
  switch (i)
    {
    case 0: return vigil_incident_get_acknowledged_at (inc);
    case 1: return vigil_incident_get_contained_at (inc);
    case 2: return vigil_incident_get_resolved_at (inc);
    case 3: return vigil_incident_get_closed_at (inc);
    case 4: return vigil_incident_get_due_at (inc);
    case 5: return vigil_incident_get_resolution (inc);
    default: g_assert_not_reached ();
    }
}

static gboolean
write_stage (VigilStore  *self,
             gint64       id,
             const char  *stage,
             char       **columns,
             const char  *summary,
             const char  *now,
             GError     **error)
{
  sqlite3_stmt *stmt = vigil_store_prepare (self,
                                            "UPDATE incidents SET stage = ?2, acknowledged_at = ?3, "
                                            "contained_at = ?4, resolved_at = ?5, closed_at = ?6, "
                                            "due_at = ?7, resolution = ?8, "
                                            "summary = coalesce(?9, summary), updated_at = ?10 "
                                            "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  vigil_bind_text (stmt, 2, stage);
  for (int i = 0; i < 6; i++)
    vigil_bind_text (stmt, 3 + i, columns[i]);
  vigil_bind_text (stmt, 9, summary);
  vigil_bind_text (stmt, 10, now);
  return vigil_store_step_done (self, stmt, error);
}

gboolean
vigil_store_move_incident (VigilStore              *self,
                           gint64                   id,
                           const char              *stage,
                           const VigilMoveDetails  *details,
                           gint64                  *move_id,
                           GError                 **error)
{
  static const VigilMoveDetails no_details = { NULL };
  g_autoptr(VigilIncident) inc = NULL;
  g_autofree char *at = NULL;
  g_autofree char *now = vigil_time_now_iso ();
  g_autofree char *summary_text = NULL;
  g_autofree char *timeline_summary = NULL;
  char *columns[6] = { NULL };
  const char *from, *resolution, *summary;
  VigilMoveFacts facts;
  MoveUndo *undo;
  gint64 history_id = 0;
  int to_index;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (details == NULL)
    details = &no_details;
  if (move_id)
    *move_id = 0;
  if (!vigil_vocab_validate (VIGIL_VOCAB_STAGE, stage ? stage : "", error))
    return FALSE;
  if (details->at != NULL)
    {
      at = vigil_time_normalize (details->at, error);
      if (at == NULL)
        {
          g_prefix_error (error, _("When the move happened: "));
          return FALSE;
        }
    }
  else
    at = g_strdup (now);

  if (!vigil_store_begin (self, error))
    return FALSE;
  inc = vigil_store_get_incident (self, id, error);
  if (inc == NULL)
    goto fail;

  from = vigil_incident_get_stage (inc);
  if (g_str_equal (from, stage))
    {
      vigil_store_rollback (self);
      return TRUE;
    }

  resolution = empty_to_null (details->resolution) ? details->resolution
                                                   : vigil_incident_get_resolution (inc);
  summary = !is_blank (details->summary) ? details->summary : vigil_incident_get_summary (inc);
  facts = (VigilMoveFacts) {
    .from_stage = from, .to_stage = stage,
    .severity = vigil_incident_get_severity (inc),
    .category = vigil_incident_get_category (inc),
    .resolution = resolution, .summary = summary, .reason = details->reason,
  };
  if (!vigil_workflow_check_move (&facts, error))
    goto fail;

  to_index = vigil_vocab_index (VIGIL_VOCAB_STAGE, stage);

  /* Stage times: set those of the stages now completed, clear the others. */
  for (guint i = 0; i < 6; i++)
    columns[i] = g_strdup (incident_column (inc, i));
  {
    /* completed when to_index > 0 / > containment / > resolution / = closed */
    const gboolean done[4] = {
      to_index > VIGIL_STAGE_CLASSIFICATION, to_index > VIGIL_STAGE_CONTAINMENT,
      to_index > VIGIL_STAGE_RESOLUTION, to_index == VIGIL_STAGE_CLOSED,
    };
    for (guint i = 0; i < 4; i++)
      {
        if (done[i] && columns[i] == NULL)
          columns[i] = g_strdup (at);
        else if (!done[i] && columns[i] != NULL)
          g_clear_pointer (&columns[i], g_free);
      }
  }
  g_free (columns[4]);
  columns[4] = vigil_store_compute_due_at (self, stage, vigil_incident_get_severity (inc),
                                           vigil_incident_get_detected_at (inc));
  if (to_index == VIGIL_STAGE_CLOSED)
    {
      g_free (columns[5]);
      columns[5] = g_strdup (resolution);
      if (!is_blank (details->summary))
        summary_text = g_strdup (details->summary);
    }

  if (!add_stage_history (self, id, from, stage, at, details->reason, &history_id, error))
    goto fail;
  if (!write_stage (self, id, stage, columns, summary_text, now, error))
    goto fail;

  if (!is_blank (details->reason))
    timeline_summary = g_strdup_printf (_("Moved from %s to %s: %s"),
                                        vigil_vocab_label (VIGIL_VOCAB_STAGE, from),
                                        vigil_vocab_label (VIGIL_VOCAB_STAGE, stage),
                                        details->reason);
  else
    timeline_summary = g_strdup_printf (_("Moved from %s to %s"),
                                        vigil_vocab_label (VIGIL_VOCAB_STAGE, from),
                                        vigil_vocab_label (VIGIL_VOCAB_STAGE, stage));
  if (!vigil_store_add_timeline (self, id, at, "stage", timeline_summary, "stage", from, stage, error))
    goto fail;
  if (g_strcmp0 (columns[5], vigil_incident_get_resolution (inc)) != 0)
    {
      g_autofree char *s = g_strdup_printf (_("Resolution set to %s"),
                                            vigil_vocab_label (VIGIL_VOCAB_RESOLUTION, columns[5]));
      if (!vigil_store_add_timeline (self, id, at, "field", s, "resolution",
                                     vigil_incident_get_resolution (inc), columns[5], error))
        goto fail;
    }
  if (summary_text != NULL && g_strcmp0 (summary_text, vigil_incident_get_summary (inc)) != 0)
    {
      if (!vigil_store_add_timeline (self, id, at, "field", _("Closure summary written"), "summary",
                                     vigil_incident_get_summary (inc), summary_text, error))
        goto fail;
    }

  vigil_store_notify (self, VIGIL_KIND_INCIDENT, id);
  if (!vigil_store_commit (self, error))
    {
      for (guint i = 0; i < 6; i++)
        g_free (columns[i]);
      return FALSE;
    }

  undo = g_new0 (MoveUndo, 1);
  undo->incident_id = id;
  undo->from_stage = g_strdup (from);
  undo->to_stage = g_strdup (stage);
  for (guint i = 0; i < 6; i++)
    {
      undo->columns[i] = g_strdup (incident_column (inc, i));
      g_free (columns[i]);
    }
  g_hash_table_insert (undo_table (self), g_memdup2 (&history_id, sizeof history_id), undo);
  if (move_id)
    *move_id = history_id;
  return TRUE;

fail:
  vigil_store_rollback (self);
  for (guint i = 0; i < 6; i++)
    g_free (columns[i]);
  return FALSE;
}

gboolean
vigil_store_undo_move (VigilStore  *self,
                       gint64       move_id,
                       GError     **error)
{
  g_autoptr(VigilIncident) inc = NULL;
  g_autofree char *now = vigil_time_now_iso ();
  g_autofree char *summary = NULL;
  MoveUndo *undo;
  sqlite3_stmt *stmt;
  gint64 last = 0;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  undo = g_hash_table_lookup (undo_table (self), &move_id);
  if (undo == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("This move can no longer be undone; move the incident back instead"));
      return FALSE;
    }
  if (!vigil_store_begin (self, error))
    return FALSE;
  inc = vigil_store_get_incident (self, undo->incident_id, error);
  if (inc == NULL)
    goto fail;

  stmt = vigil_store_prepare (self, "SELECT max(id) FROM stage_history WHERE incident_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, undo->incident_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    last = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (last != move_id || !g_str_equal (vigil_incident_get_stage (inc), undo->to_stage))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT,
                   _("%s has moved again since; move it back instead of undoing"),
                   vigil_incident_get_ref (inc));
      goto fail;
    }

  summary = g_strdup_printf (_("Undid the move from %s to %s"),
                             vigil_vocab_label (VIGIL_VOCAB_STAGE, undo->from_stage),
                             vigil_vocab_label (VIGIL_VOCAB_STAGE, undo->to_stage));
  if (!add_stage_history (self, undo->incident_id, undo->to_stage, undo->from_stage, now,
                          _("Undo"), NULL, error))
    goto fail;
  if (!write_stage (self, undo->incident_id, undo->from_stage, undo->columns, NULL, now, error))
    goto fail;
  if (!vigil_store_add_timeline (self, undo->incident_id, now, "stage", summary, "stage",
                                 undo->to_stage, undo->from_stage, error))
    goto fail;
  vigil_store_notify (self, VIGIL_KIND_INCIDENT, undo->incident_id);
  if (!vigil_store_commit (self, error))
    return FALSE;
  g_hash_table_remove (undo_table (self), &move_id);
  return TRUE;

fail:
  vigil_store_rollback (self);
  return FALSE;
}

/* ---- Escalating --------------------------------------------------------- */

gboolean
vigil_store_escalate_incident (VigilStore  *self,
                               gint64       id,
                               const char  *tier,
                               const char  *reason,
                               GError     **error)
{
  g_autoptr(VigilIncident) inc = NULL;
  g_autofree char *now = vigil_time_now_iso ();
  g_autofree char *summary = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_store_begin (self, error))
    return FALSE;
  inc = vigil_store_get_incident (self, id, error);
  if (inc == NULL)
    goto fail;
  if (!vigil_workflow_check_escalation (vigil_incident_get_tier (inc), tier, reason, error))
    goto fail;

  stmt = vigil_store_prepare (self, "UPDATE incidents SET tier = ?2, updated_at = ?3 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  vigil_bind_text (stmt, 2, tier);
  vigil_bind_text (stmt, 3, now);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  summary = g_strdup_printf (_("Escalated from %s to %s: %s"),
                             vigil_vocab_label (VIGIL_VOCAB_TIER, vigil_incident_get_tier (inc)),
                             vigil_vocab_label (VIGIL_VOCAB_TIER, tier), reason);
  if (!vigil_store_add_timeline (self, id, now, "escalation", summary, "tier",
                                 vigil_incident_get_tier (inc), tier, error))
    goto fail;
  vigil_store_notify (self, VIGIL_KIND_INCIDENT, id);
  return vigil_store_commit (self, error);

fail:
  vigil_store_rollback (self);
  return FALSE;
}

/* ---- The filter --------------------------------------------------------- */

VigilIncidentFilter *
vigil_incident_filter_new (void)
{
  return g_new0 (VigilIncidentFilter, 1);
}

VigilIncidentFilter *
vigil_incident_filter_copy (const VigilIncidentFilter *filter)
{
  VigilIncidentFilter *copy = vigil_incident_filter_new ();

  if (filter == NULL)
    return copy;
  *copy = *filter;
  copy->text = g_strdup (filter->text);
  copy->severity = g_strdup (filter->severity);
  copy->tier = g_strdup (filter->tier);
  copy->category = g_strdup (filter->category);
  copy->tlp = g_strdup (filter->tlp);
  copy->stage = g_strdup (filter->stage);
  return copy;
}

void
vigil_incident_filter_free (VigilIncidentFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->text);
  g_free (filter->severity);
  g_free (filter->tier);
  g_free (filter->category);
  g_free (filter->tlp);
  g_free (filter->stage);
  g_free (filter);
}

gboolean
vigil_incident_filter_is_empty (const VigilIncidentFilter *f)
{
  return f == NULL ||
         (is_blank (f->text) && f->severity == NULL && f->tier == NULL && f->category == NULL &&
          f->tlp == NULL && f->assignee_id <= 0 && !f->overdue && f->stage == NULL);
}

static gboolean
parse_chip (VigilIncidentFilter  *f,
            const char           *word,
            gint64                me_id,
            gboolean             *is_chip,
            GError              **error)
{
  static const struct { const char *key; VigilVocab vocab; gsize offset; } chips[] = {
    { "severity", VIGIL_VOCAB_SEVERITY, G_STRUCT_OFFSET (VigilIncidentFilter, severity) },
    { "tier", VIGIL_VOCAB_TIER, G_STRUCT_OFFSET (VigilIncidentFilter, tier) },
    { "category", VIGIL_VOCAB_CATEGORY, G_STRUCT_OFFSET (VigilIncidentFilter, category) },
    { "tlp", VIGIL_VOCAB_TLP, G_STRUCT_OFFSET (VigilIncidentFilter, tlp) },
    { "stage", VIGIL_VOCAB_STAGE, G_STRUCT_OFFSET (VigilIncidentFilter, stage) },
  };
  const char *colon = strchr (word, ':');
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;

  *is_chip = FALSE;
  if (g_ascii_strcasecmp (word, "mine") == 0 && me_id > 0)
    {
      f->assignee_id = me_id;
      *is_chip = TRUE;
      return TRUE;
    }
  if (g_ascii_strcasecmp (word, "overdue") == 0 || g_ascii_strcasecmp (word, "is:overdue") == 0)
    {
      f->overdue = TRUE;
      *is_chip = TRUE;
      return TRUE;
    }
  if (colon == NULL || colon == word)
    return TRUE;

  key = g_ascii_strdown (word, colon - word);
  value = g_ascii_strdown (colon + 1, -1);
  for (guint i = 0; i < G_N_ELEMENTS (chips); i++)
    {
      char **slot;
      if (!g_str_equal (key, chips[i].key))
        continue;
      if (!vigil_vocab_validate (chips[i].vocab, value, error))
        return FALSE;
      slot = G_STRUCT_MEMBER_P (f, chips[i].offset);
      g_free (*slot);
      *slot = g_steal_pointer (&value);
      *is_chip = TRUE;
      return TRUE;
    }
  if (g_str_equal (key, "assignee") && (g_str_equal (value, "me") || g_str_equal (value, "mine")))
    {
      if (me_id <= 0)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("“Mine” needs your identity: choose who you are in Preferences"));
          return FALSE;
        }
      f->assignee_id = me_id;
      *is_chip = TRUE;
    }
  else if (g_str_equal (key, "closed"))
    {
      guint64 days;
      if (!g_ascii_string_to_unsigned (value, 10, 0, 36500, &days, error))
        return FALSE;
      f->closed_days = (guint) days;
      *is_chip = TRUE;
    }
  return TRUE;
}

VigilIncidentFilter *
vigil_incident_filter_parse (const char  *text,
                             gint64       me_id,
                             GError     **error)
{
  g_autoptr(VigilIncidentFilter) f = vigil_incident_filter_new ();
  g_auto(GStrv) words = NULL;
  GString *free_text = g_string_new (NULL);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  words = g_strsplit_set (text ? text : "", " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean is_chip;
      if (*words[i] == '\0')
        continue;
      if (!parse_chip (f, words[i], me_id, &is_chip, error))
        {
          g_string_free (free_text, TRUE);
          return NULL;
        }
      if (!is_chip)
        {
          if (free_text->len > 0)
            g_string_append_c (free_text, ' ');
          g_string_append (free_text, words[i]);
        }
    }
  if (free_text->len > 0)
    f->text = g_string_free (free_text, FALSE);
  else
    g_string_free (free_text, TRUE);
  return g_steal_pointer (&f);
}

char *
vigil_incident_filter_to_string (const VigilIncidentFilter *f)
{
  GString *s = g_string_new (NULL);

  if (f == NULL)
    return g_string_free (s, FALSE);
#define ADD(fmt, ...) G_STMT_START { if (s->len) g_string_append_c (s, ' '); \
                                     g_string_append_printf (s, fmt, __VA_ARGS__); } G_STMT_END
  if (f->stage) ADD ("stage:%s", f->stage);
  if (f->severity) ADD ("severity:%s", f->severity);
  if (f->tier) ADD ("tier:%s", f->tier);
  if (f->category) ADD ("category:%s", f->category);
  if (f->tlp) ADD ("tlp:%s", f->tlp);
  if (f->assignee_id > 0) ADD ("%s", "assignee:me");
  if (f->overdue) ADD ("%s", "is:overdue");
  if (!is_blank (f->text)) ADD ("%s", f->text);
#undef ADD
  return g_string_free (s, FALSE);
}

char *
vigil_fts5_prefix_query (const char *text)
{
  GString *q;
  const char *p = text;

  if (text == NULL)
    return NULL;
  q = g_string_new (NULL);
  /* Split on anything that is not a letter, digit or mark, the way the
   * unicode61 tokenizer does; each token becomes a quoted prefix term, so no
   * user text is ever read as FTS5 syntax. */
  while (*p)
    {
      const char *start;
      while (*p)
        {
          gunichar c = g_utf8_get_char (p);
          if (g_unichar_isalnum (c) || g_unichar_ismark (c))
            break;
          p = g_utf8_next_char (p);
        }
      if (!*p)
        break;
      start = p;
      while (*p)
        {
          gunichar c = g_utf8_get_char (p);
          if (!(g_unichar_isalnum (c) || g_unichar_ismark (c)))
            break;
          p = g_utf8_next_char (p);
        }
      if (g_utf8_next_char (start) == p && (guchar) *start < 0x80)
        continue;  /* one ASCII character: not yet */
      if (q->len > 0)
        g_string_append (q, " AND ");
      g_string_append_c (q, '"');
      g_string_append_len (q, start, p - start);
      g_string_append (q, "\"*");
    }
  if (q->len == 0)
    {
      g_string_free (q, TRUE);
      return NULL;
    }
  return g_string_free (q, FALSE);
}

/* Builds "SELECT <what> FROM incidents i WHERE …" for a stage and filter.
 * Parameters: ?1 stage, ?2 fts, ?3 severity, ?4 tier, ?5 category, ?6 tlp,
 * ?7 assignee, ?8 now (overdue), ?9 closed since. */
static char *
filter_sql (const char                *what,
            const char                *stage,
            const VigilIncidentFilter *f,
            const char                *fts,
            gboolean                   order)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "SELECT %s FROM incidents i WHERE 1", what);
  if (stage != NULL)
    g_string_append (sql, " AND i.stage = ?1");
  if (fts != NULL)
    g_string_append (sql, " AND i.id IN (SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ?2)");
  if (f != NULL)
    {
      if (f->severity) g_string_append (sql, " AND i.severity = ?3");
      if (f->tier) g_string_append (sql, " AND i.tier = ?4");
      if (f->category) g_string_append (sql, " AND i.category = ?5");
      if (f->tlp) g_string_append (sql, " AND i.tlp = ?6");
      if (f->assignee_id > 0) g_string_append (sql, " AND i.assignee_id = ?7");
      if (f->overdue) g_string_append (sql, " AND i.stage <> 'closed' AND i.due_at < ?8");
      /* on the Closed column alone the condition can use incidents_closed */
      if (f->closed_days > 0 && g_strcmp0 (stage, "closed") == 0)
        g_string_append (sql, " AND i.closed_at >= ?9");
      else if (f->closed_days > 0 && stage == NULL)
        g_string_append (sql, " AND (i.stage <> 'closed' OR i.closed_at >= ?9)");
      if (f->stage) g_string_append (sql, " AND i.stage = ?10");
    }
  if (order)
    g_string_append (sql, " ORDER BY CASE i.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 "
                          "WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END, "
                          "i.updated_at DESC, i.id DESC");
  return g_string_free (sql, FALSE);
}

static void
bind_filter (sqlite3_stmt              *stmt,
             const char                *stage,
             const VigilIncidentFilter *f,
             const char                *fts)
{
  if (stage) vigil_bind_text (stmt, 1, stage);
  if (fts) vigil_bind_text (stmt, 2, fts);
  if (f == NULL)
    return;
  if (f->severity) vigil_bind_text (stmt, 3, f->severity);
  if (f->tier) vigil_bind_text (stmt, 4, f->tier);
  if (f->category) vigil_bind_text (stmt, 5, f->category);
  if (f->tlp) vigil_bind_text (stmt, 6, f->tlp);
  if (f->assignee_id > 0) sqlite3_bind_int64 (stmt, 7, f->assignee_id);
  if (f->stage) vigil_bind_text (stmt, 10, f->stage);
  if (f->overdue)
    {
      g_autofree char *now = vigil_time_now_iso ();
      vigil_bind_text (stmt, 8, now);
    }
  if (f->closed_days > 0 && (stage == NULL || g_str_equal (stage, "closed")))
    {
      g_autoptr(GDateTime) now = vigil_time_now ();
      g_autoptr(GDateTime) since = g_date_time_add_days (now, -(int) f->closed_days);
      g_autofree char *iso = vigil_time_format (since);
      vigil_bind_text (stmt, 9, iso);
    }
}

GArray *
vigil_store_filter_incident_ids (VigilStore                *self,
                                 const char                *stage,
                                 const VigilIncidentFilter *filter,
                                 GError                   **error)
{
  g_autofree char *fts = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  if (filter != NULL)
    fts = vigil_fts5_prefix_query (filter->text);
  sql = filter_sql ("i.id", stage, filter, fts, TRUE);
  stmt = vigil_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, stage, filter, fts);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!step_ids (self, stmt, ids, error))
    return NULL;
  return g_steal_pointer (&ids);
}

/* The ids of one stage with one severity (NULL: unrated), most recent
 * first: in the order of incidents_stage (stage, severity, updated_at), so
 * SQLite reads the index backwards and sorts nothing. */
static gboolean
append_stage_severity_ids (VigilStore                *self,
                           const char                *stage,
                           const char                *severity,
                           const VigilIncidentFilter *filter,
                           guint                      limit,
                           GArray                    *ids,
                           GError                   **error)
{
  char limit_sql[32] = "";
  g_autoptr(VigilIncidentFilter) f = vigil_incident_filter_copy (filter);
  g_autofree char *base = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_free (f->severity);
  f->severity = g_strdup (severity);
  g_clear_pointer (&f->text, g_free);
  base = filter_sql ("i.id", stage, f, NULL, FALSE);
  if (limit > 0)
    g_snprintf (limit_sql, sizeof limit_sql, " LIMIT %u", limit);
  sql = g_strconcat (base, severity ? "" : " AND i.severity IS NULL",
                     " ORDER BY i.updated_at DESC, i.id DESC", limit_sql, NULL);
  stmt = vigil_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_filter (stmt, stage, f, NULL);
  return step_ids (self, stmt, ids, error);
}

/* The first `limit` (0: all) ids of one stage in board order, ignoring
 * the filter's text. */
static GArray *
stage_ids (VigilStore                *self,
           const char                *stage,
           const VigilIncidentFilter *filter,
           guint                      limit,
           GError                   **error)
{
  static const char *ranks[] = { "critical", "high", "medium", "low", NULL };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (filter != NULL && filter->severity != NULL)
    {
      if (!append_stage_severity_ids (self, stage, filter->severity, filter, limit, ids, error))
        return NULL;
      return g_steal_pointer (&ids);
    }
  for (guint r = 0; r < G_N_ELEMENTS (ranks); r++)
    {
      if (limit > 0 && ids->len >= limit)
        break;
      if (!append_stage_severity_ids (self, stage, ranks[r], filter,
                                      limit > 0 ? limit - ids->len : 0, ids, error))
        return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
vigil_store_match_incident_text (VigilStore  *self,
                                 const char  *text,
                                 GArray     **rowids,
                                 GError     **error)
{
  g_autofree char *fts = NULL;
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (rowids != NULL, FALSE);

  *rowids = NULL;
  fts = vigil_fts5_prefix_query (text);
  if (fts == NULL)
    return TRUE;
  stmt = vigil_store_prepare (self, "SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ?1 "
                                    "ORDER BY rowid", error);
  if (stmt == NULL)
    return FALSE;
  vigil_bind_text (stmt, 1, fts);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!step_ids (self, stmt, ids, error))
    return FALSE;
  *rowids = g_steal_pointer (&ids);
  return TRUE;
}

static gboolean
sorted_contains (GArray *sorted,
                 gint64  id)
{
  const gint64 *v = (const gint64 *) (gpointer) sorted->data;
  guint lo = 0, hi = sorted->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (v[mid] < id)
        lo = mid + 1;
      else if (v[mid] > id)
        hi = mid;
      else
        return TRUE;
    }
  return FALSE;
}

gboolean
vigil_store_narrow_board_ids (VigilStore  *self,
                              const char  *text,
                              GArray      *base[5],
                              GArray      *ids[5],
                              GError     **error)
{
  g_autoptr(GArray) matches = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (base != NULL && ids != NULL, FALSE);

  if (!vigil_store_match_incident_text (self, text, &matches, error))
    return FALSE;
  for (guint s = 0; s < VIGIL_N_STAGES; s++)
    {
      if (matches == NULL)
        {
          ids[s] = g_array_ref (base[s]);
          continue;
        }
      ids[s] = g_array_sized_new (FALSE, FALSE, sizeof (gint64), MIN (base[s]->len, matches->len));
      for (guint i = 0; i < base[s]->len; i++)
        if (sorted_contains (matches, g_array_index (base[s], gint64, i)))
          g_array_append_val (ids[s], g_array_index (base[s], gint64, i));
    }
  return TRUE;
}

/* The ids of the five stages under `filter` without its text, the first
 * `limit` of each (0: all). */
static gboolean
board_stage_ids (VigilStore                *self,
                 const VigilIncidentFilter *filter,
                 guint                      limit,
                 GArray                    *ids[5],
                 GError                   **error)
{
  for (guint s = 0; s < VIGIL_N_STAGES; s++)
    {
      ids[s] = stage_ids (self, vigil_stage_key (s), filter, limit, error);
      if (ids[s] == NULL)
        {
          for (guint t = 0; t < s; t++)
            g_clear_pointer (&ids[t], g_array_unref);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
vigil_store_filter_board_ids (VigilStore                *self,
                              const VigilIncidentFilter *filter,
                              GArray                    *ids[5],
                              GError                   **error)
{
  GArray *base[VIGIL_N_STAGES];
  gboolean ok;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  /* The board holds the open incidents and the recently closed ones: a
   * few thousand ids, read in order from the stage index.  Text narrows
   * them by one FTS query (its rowids, sorted) rather than by looking up
   * every matching incident, most of which are long closed. */
  for (guint s = 0; s < VIGIL_N_STAGES; s++)
    ids[s] = NULL;
  if (!board_stage_ids (self, filter, 0, base, error))
    return FALSE;
  ok = vigil_store_narrow_board_ids (self, filter ? filter->text : NULL, base, ids, error);
  for (guint s = 0; s < VIGIL_N_STAGES; s++)
    g_array_unref (base[s]);
  return ok;
}

gboolean
vigil_store_filter_board_window (VigilStore                *self,
                                 const VigilIncidentFilter *filter,
                                 guint                      limit,
                                 GArray                    *ids[5],
                                 gint64                     counts[5],
                                 GError                   **error)
{
  g_autofree char *fts = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (limit > 0, FALSE);
  g_return_val_if_fail (ids != NULL && counts != NULL, FALSE);

  fts = filter ? vigil_fts5_prefix_query (filter->text) : NULL;
  if (fts != NULL)
    {
      /* text needs every id of the board anyway */
      if (!vigil_store_filter_board_ids (self, filter, ids, error))
        return FALSE;
      for (guint s = 0; s < VIGIL_N_STAGES; s++)
        {
          counts[s] = ids[s]->len;
          g_array_set_size (ids[s], MIN (ids[s]->len, limit));
        }
      return TRUE;
    }
  if (!vigil_store_count_incidents_by_stage (self, filter, counts, error))
    return FALSE;
  return board_stage_ids (self, filter, limit, ids, error);
}

gboolean
vigil_store_has_incidents (VigilStore *self)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  return vigil_store_query_int (self, "SELECT EXISTS (SELECT 1 FROM incidents)", NULL) > 0;
}

GPtrArray *
vigil_store_list_incidents (VigilStore                *self,
                            const char                *stage,
                            const VigilIncidentFilter *filter,
                            GError                   **error)
{
  g_autofree char *fts = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  GPtrArray *list;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  if (filter != NULL)
    fts = vigil_fts5_prefix_query (filter->text);
  sql = filter_sql (vigil_incident_select_columns (), stage, filter, fts, TRUE);
  stmt = vigil_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, stage, filter, fts);

  list = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, vigil_incident_new_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      g_ptr_array_unref (list);
      return NULL;
    }
  return list;
}

gboolean
vigil_store_count_incidents_by_stage (VigilStore                *self,
                                      const VigilIncidentFilter *filter,
                                      gint64                     counts[5],
                                      GError                   **error)
{
  g_autofree char *fts = NULL;
  g_autofree char *base = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  for (int i = 0; i < 5; i++)
    counts[i] = 0;
  if (filter != NULL)
    fts = vigil_fts5_prefix_query (filter->text);
  if (fts == NULL)
    {
      /* one count per stage: each reads its stage's part of an index
       * (incidents_closed for the recent closed ones) */
      for (guint s = 0; s < VIGIL_N_STAGES; s++)
        {
          g_autofree char *count_sql = filter_sql ("count(*)", vigil_stage_key (s), filter, NULL, FALSE);
          sqlite3_stmt *count = vigil_store_prepare (self, count_sql, error);
          if (count == NULL)
            return FALSE;
          bind_filter (count, vigil_stage_key (s), filter, NULL);
          rc = sqlite3_step (count);
          if (rc == SQLITE_ROW)
            counts[s] = sqlite3_column_int64 (count, 0);
          sqlite3_reset (count);
          if (rc != SQLITE_ROW)
            {
              vigil_store_set_error (self, error, rc, NULL);
              return FALSE;
            }
        }
      return TRUE;
    }
  base = filter_sql ("i.stage, count(*)", NULL, filter, fts, FALSE);
  sql = g_strconcat (base, " GROUP BY i.stage", NULL);
  stmt = vigil_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_filter (stmt, NULL, filter, fts);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int s = vigil_vocab_index (VIGIL_VOCAB_STAGE, (const char *) sqlite3_column_text (stmt, 0));
      if (s >= 0)
        counts[s] = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/* ---- History ------------------------------------------------------------ */

void
vigil_stage_change_free (VigilStageChange *c)
{
  if (c == NULL)
    return;
  g_free (c->from_stage);
  g_free (c->to_stage);
  g_free (c->actor);
  g_free (c->at);
  g_free (c->reason);
  g_free (c);
}

GPtrArray *
vigil_store_list_stage_history (VigilStore  *self,
                                gint64       incident_id,
                                GError     **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *list;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  stmt = vigil_store_prepare (self, "SELECT id, from_stage, to_stage, actor, at, reason "
                              "FROM stage_history WHERE incident_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_stage_change_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilStageChange *c = g_new0 (VigilStageChange, 1);
      c->id = sqlite3_column_int64 (stmt, 0);
      c->from_stage = vigil_column_dup (stmt, 1);
      c->to_stage = vigil_column_dup (stmt, 2);
      c->actor = vigil_column_dup (stmt, 3);
      c->at = vigil_column_dup (stmt, 4);
      c->reason = vigil_column_dup (stmt, 5);
      g_ptr_array_add (list, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      g_ptr_array_unref (list);
      return NULL;
    }
  return list;
}

void
vigil_timeline_row_free (VigilTimelineRow *row)
{
  if (row == NULL)
    return;
  g_free (row->at);
  g_free (row->recorded_at);
  g_free (row->actor);
  g_free (row->kind);
  g_free (row->summary);
  g_free (row->field);
  g_free (row->before);
  g_free (row->after);
  g_free (row);
}

GPtrArray *
vigil_store_list_incident_timeline (VigilStore  *self,
                                    gint64       incident_id,
                                    GError     **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *list;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  stmt = vigil_store_prepare (self, "SELECT id, at, recorded_at, actor, kind, summary, field, "
                              "before, after FROM timeline WHERE incident_id = ?1 "
                              "ORDER BY at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_timeline_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilTimelineRow *r = g_new0 (VigilTimelineRow, 1);
      r->id = sqlite3_column_int64 (stmt, 0);
      r->at = vigil_column_dup (stmt, 1);
      r->recorded_at = vigil_column_dup (stmt, 2);
      r->actor = vigil_column_dup (stmt, 3);
      r->kind = vigil_column_dup (stmt, 4);
      r->summary = vigil_column_dup (stmt, 5);
      r->field = vigil_column_dup (stmt, 6);
      r->before = vigil_column_dup (stmt, 7);
      r->after = vigil_column_dup (stmt, 8);
      g_ptr_array_add (list, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      g_ptr_array_unref (list);
      return NULL;
    }
  return list;
}

/* ---- Pickers ------------------------------------------------------------ */

void
vigil_choice_free (VigilChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->label);
  g_free (choice->detail);
  g_free (choice->key);
  g_free (choice);
}

static GPtrArray *
list_choices (VigilStore  *self,
              const char  *sql_all,
              const char  *sql_search,
              const char  *search,
              guint        limit,
              GError     **error)
{
  g_autofree char *fts = vigil_fts5_prefix_query (search);
  sqlite3_stmt *stmt = vigil_store_prepare (self, fts ? sql_search : sql_all, error);
  GPtrArray *list;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  if (fts)
    vigil_bind_text (stmt, 2, fts);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_choice_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilChoice *c = g_new0 (VigilChoice, 1);
      c->id = sqlite3_column_int64 (stmt, 0);
      c->label = vigil_column_dup (stmt, 1);
      c->detail = vigil_column_dup (stmt, 2);
      c->key = vigil_column_dup (stmt, 3);
      g_ptr_array_add (list, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      g_ptr_array_unref (list);
      return NULL;
    }
  return list;
}

#define PERSON_COLUMNS \
  "p.id, p.name, trim(coalesce(p.email, '') || ' · ' || p.title, ' ·'), p.email"
#define ASSET_COLUMNS \
  "a.id, a.name, trim(coalesce(a.hostname, '') || ' · ' || a.criticality, ' ·'), a.hostname"

GPtrArray *
vigil_store_list_person_choices (VigilStore  *self,
                                 const char  *search,
                                 guint        limit,
                                 GError     **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  return list_choices (self,
                       "SELECT " PERSON_COLUMNS " FROM people p WHERE p.active = 1 "
                       "ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?1",
                       "SELECT " PERSON_COLUMNS " FROM people p WHERE p.active = 1 AND p.id IN "
                       "(SELECT rowid FROM people_fts WHERE people_fts MATCH ?2) "
                       "ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?1",
                       search, limit, error);
}

GPtrArray *
vigil_store_list_asset_choices (VigilStore  *self,
                                const char  *search,
                                guint        limit,
                                GError     **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  return list_choices (self,
                       "SELECT " ASSET_COLUMNS " FROM assets a "
                       "ORDER BY a.name COLLATE NOCASE, a.id LIMIT ?1",
                       "SELECT " ASSET_COLUMNS " FROM assets a WHERE a.id IN "
                       "(SELECT rowid FROM assets_fts WHERE assets_fts MATCH ?2) "
                       "ORDER BY a.name COLLATE NOCASE, a.id LIMIT ?1",
                       search, limit, error);
}

gint64
vigil_store_find_person_by_email (VigilStore  *self,
                                  const char  *email,
                                  GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), 0);

  if (email == NULL || *email == '\0')
    return 0;
  stmt = vigil_store_prepare (self, "SELECT id FROM people WHERE email = ?1 COLLATE NOCASE", error);
  if (stmt == NULL)
    return 0;
  vigil_bind_text (stmt, 1, email);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    vigil_store_set_error (self, error, rc, NULL);
  sqlite3_reset (stmt);
  return id;
}

char *
vigil_store_dup_person_name (VigilStore *self,
                             gint64      person_id)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  stmt = vigil_store_prepare (self, "SELECT name FROM people WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = vigil_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return name;
}
