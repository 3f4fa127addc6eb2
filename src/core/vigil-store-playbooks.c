/* vigil-store-playbooks.c — per-category templates that pre-fill actions
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Automatic application lives in SQLite triggers (vigil-schema-1.sql) so it
 * happens whichever code path creates or classifies an incident; this file
 * loads the shipped templates, edits playbooks and applies one by hand.
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "vigil-store-playbooks.h"
#include "vigil-store-private.h"
#include "vigil-time.h"
#include "vigil-vocab.h"

#define PLAYBOOKS_RESOURCE "/io/github/vigilsoc/Vigil/core/vigil-playbooks.json"

void
vigil_playbook_free (VigilPlaybook *p)
{
  if (p == NULL)
    return;
  g_free (p->name);
  g_free (p->category);
  g_free (p->description);
  g_free (p->steps);
  g_free (p->updated_at);
  g_free (p);
}

static gboolean
fail (VigilStore *self)
{
  vigil_store_rollback (self);
  return FALSE;
}

gboolean
vigil_playbook_validate_steps (const char  *steps,
                               guint       *n_steps,
                               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  JsonNode *root;
  JsonArray *array;

  if (n_steps)
    *n_steps = 0;
  if (!json_parser_load_from_data (parser, steps ? steps : "", -1, &local))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("The steps are not valid JSON: %s"), local->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("The steps must be a JSON array of objects with a title"));
      return FALSE;
    }
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *step;
      const char *title, *stage, *kind, *cm_type;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("Step %u is not an object"), i + 1);
          return FALSE;
        }
      step = json_node_get_object (node);
      title = json_object_get_string_member_with_default (step, "title", NULL);
      stage = json_object_get_string_member_with_default (step, "stage", NULL);
      kind = json_object_get_string_member_with_default (step, "kind", "task");
      cm_type = json_object_get_string_member_with_default (step, "cm_type", NULL);
      if (title == NULL || *title == '\0')
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("Step %u has no title"), i + 1);
          return FALSE;
        }
      if (stage != NULL && !vigil_vocab_contains (VIGIL_VOCAB_STAGE, stage))
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("Step %u: unknown stage “%s”"), i + 1, stage);
          return FALSE;
        }
      if (!g_str_equal (kind, "task") && !g_str_equal (kind, "countermeasure"))
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("Step %u: kind must be task or countermeasure, not “%s”"), i + 1, kind);
          return FALSE;
        }
      if (cm_type != NULL)
        {
          static const char * const types[] = { "block", "isolation", "password-reset",
                                                "monitoring", "other", NULL };
          if (!g_strv_contains (types, cm_type))
            {
              g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                           _("Step %u: unknown countermeasure type “%s”"), i + 1, cm_type);
              return FALSE;
            }
        }
    }
  if (n_steps)
    *n_steps = json_array_get_length (array);
  return TRUE;
}

static gboolean
load_defaults (VigilStore  *self,
               int         *n_loaded,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (PLAYBOOKS_RESOURCE, 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;

  *n_loaded = 0;
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_FAILED,
                   "The shipped playbooks (%s) are missing or damaged", PLAYBOOKS_RESOURCE);
      return FALSE;
    }
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autofree char *steps = NULL;

      json_generator_set_root (gen, json_object_get_member (o, "steps"));
      steps = json_generator_to_data (gen, NULL);
      if (vigil_store_save_playbook (self, 0,
                                     json_object_get_string_member (o, "name"),
                                     json_object_get_string_member_with_default (o, "category",
                                                                                 NULL),
                                     json_object_get_string_member_with_default (o, "description",
                                                                                 ""),
                                     steps,
                                     json_object_get_boolean_member_with_default (o, "auto", TRUE),
                                     error) < 0)
        return FALSE;
      (*n_loaded)++;
    }
  return TRUE;
}

int
vigil_store_ensure_playbooks (VigilStore  *self,
                              GError     **error)
{
  int n = 0;

  g_return_val_if_fail (VIGIL_IS_STORE (self), -1);

  if (vigil_store_query_int (self, "SELECT count(*) FROM playbooks", error) != 0)
    return 0;
  if (!vigil_store_begin (self, error))
    return -1;
  /* another process may have loaded them meanwhile */
  if (vigil_store_query_int (self, "SELECT count(*) FROM playbooks", error) != 0)
    {
      vigil_store_rollback (self);
      return 0;
    }
  if (!load_defaults (self, &n, error))
    return fail (self), -1;
  if (!vigil_store_commit (self, error))
    return -1;
  return n;
}

gboolean
vigil_store_reset_playbooks (VigilStore  *self,
                             GError     **error)
{
  int n;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  if (!vigil_store_begin (self, error))
    return FALSE;
  if (!vigil_store_exec (self, "DELETE FROM playbooks", error) ||
      !load_defaults (self, &n, error))
    return fail (self);
  vigil_store_notify (self, VIGIL_KIND_PLAYBOOK, 0);
  return vigil_store_commit (self, error);
}

GPtrArray *
vigil_store_list_playbooks (VigilStore  *self,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *out;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  stmt = vigil_store_prepare (self, "SELECT id, name, category, description, steps, auto_apply, "
                              "updated_at, CASE WHEN json_valid(steps) "
                              "THEN json_array_length(steps) ELSE 0 END "
                              "FROM playbooks ORDER BY name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_playbook_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilPlaybook *p = g_new0 (VigilPlaybook, 1);

      p->id = sqlite3_column_int64 (stmt, 0);
      p->name = vigil_column_dup (stmt, 1);
      p->category = vigil_column_dup (stmt, 2);
      p->description = vigil_column_dup (stmt, 3);
      p->steps = vigil_column_dup (stmt, 4);
      p->auto_apply = sqlite3_column_int (stmt, 5);
      p->updated_at = vigil_column_dup (stmt, 6);
      p->n_steps = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (out, p);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      g_clear_pointer (&out, g_ptr_array_unref);
    }
  sqlite3_reset (stmt);
  return out;
}

gint64
vigil_store_save_playbook (VigilStore  *self,
                           gint64       id,
                           const char  *name,
                           const char  *category,
                           const char  *description,
                           const char  *steps,
                           gboolean     auto_apply,
                           GError     **error)
{
  g_autofree char *now = vigil_time_now_iso ();
  g_autofree char *clean_name = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIL_IS_STORE (self), -1);

  clean_name = g_strstrip (g_strdup (name ? name : ""));
  if (*clean_name == '\0' || !g_utf8_validate (clean_name, -1, NULL))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("A playbook needs a name"));
      return -1;
    }
  if (category != NULL && *category == '\0')
    category = NULL;
  if ((category != NULL && !vigil_vocab_validate (VIGIL_VOCAB_CATEGORY, category, error)) ||
      !vigil_playbook_validate_steps (steps, NULL, error))
    return -1;

  if (!vigil_store_begin (self, error))
    return -1;
  if (id > 0)
    stmt = vigil_store_prepare (self, "UPDATE playbooks SET name = ?2, category = ?3, "
                                "description = ?4, steps = ?5, auto_apply = ?6, updated_at = ?7 "
                                "WHERE id = ?1", error);
  else
    stmt = vigil_store_prepare (self, "INSERT INTO playbooks (name, category, description, "
                                "steps, auto_apply, updated_at) "
                                "VALUES (?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return fail (self), -1;
  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  vigil_bind_text (stmt, 2, clean_name);
  vigil_bind_text (stmt, 3, category);
  vigil_bind_text (stmt, 4, description ? description : "");
  vigil_bind_text (stmt, 5, steps);
  sqlite3_bind_int (stmt, 6, auto_apply ? 1 : 0);
  vigil_bind_text (stmt, 7, now);
  if (!vigil_store_step_done (self, stmt, error))
    return fail (self), -1;
  if (id > 0 && sqlite3_changes (vigil_store_get_db (self)) == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("No playbook with id %" PRId64), id);
      return fail (self), -1;
    }
  if (id <= 0)
    id = sqlite3_last_insert_rowid (vigil_store_get_db (self));
  vigil_store_notify (self, VIGIL_KIND_PLAYBOOK, id);
  if (!vigil_store_commit (self, error))
    return -1;
  return id;
}

gboolean
vigil_store_delete_playbook (VigilStore  *self,
                             gint64       id,
                             GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  if (!vigil_store_begin (self, error))
    return FALSE;
  sql = g_strdup_printf ("DELETE FROM playbooks WHERE id = %" PRId64, id);
  if (!vigil_store_exec (self, sql, error))
    return fail (self);
  vigil_store_notify (self, VIGIL_KIND_PLAYBOOK, id);
  return vigil_store_commit (self, error);
}

gboolean
vigil_store_apply_playbook (VigilStore  *self,
                            gint64       incident_id,
                            gint64       playbook_id,
                            guint       *n_added,
                            GError     **error)
{
  g_autofree char *now = vigil_time_now_iso ();
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  sqlite3_stmt *stmt;
  int n;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  if (n_added)
    *n_added = 0;
  if (!vigil_store_begin (self, error))
    return FALSE;
  stmt = vigil_store_prepare (self, "SELECT name FROM playbooks WHERE id = ?1", error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, playbook_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = vigil_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (name == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("No playbook with id %" PRId64), playbook_id);
      return fail (self);
    }
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM incidents WHERE id = %"
                                            PRId64, incident_id);
    if (vigil_store_query_int (self, sql, NULL) <= 0)
      {
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                     _("No incident with id %" PRId64), incident_id);
        return fail (self);
      }
  }
  stmt = vigil_store_prepare (self, "SELECT count(*) FROM actions WHERE incident_id = ?1 "
                              "AND playbook = ?2", error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, incident_id);
  vigil_bind_text (stmt, 2, name);
  sqlite3_step (stmt);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (n > 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT,
                   _("The playbook “%s” was already applied to this incident"), name);
      return fail (self);
    }

  stmt = vigil_store_prepare (self,
    "INSERT INTO actions (incident_id, kind, title, description, stage, owner_team_id, status, "
    "cm_type, playbook, created_at, updated_at) "
    "SELECT ?1, coalesce(json_extract(s.value, '$.kind'), 'task'), "
    "json_extract(s.value, '$.title'), coalesce(json_extract(s.value, '$.description'), ''), "
    "json_extract(s.value, '$.stage'), "
    "(SELECT t.id FROM teams t WHERE t.name = json_extract(s.value, '$.team') COLLATE NOCASE), "
    "CASE json_extract(s.value, '$.kind') WHEN 'countermeasure' THEN 'pending' ELSE 'todo' END, "
    "CASE json_extract(s.value, '$.kind') WHEN 'countermeasure' "
    "  THEN coalesce(json_extract(s.value, '$.cm_type'), 'other') END, "
    "p.name, ?3, ?3 FROM playbooks p, json_each(p.steps) s WHERE p.id = ?2", error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, incident_id);
  sqlite3_bind_int64 (stmt, 2, playbook_id);
  vigil_bind_text (stmt, 3, now);
  if (!vigil_store_step_done (self, stmt, error))
    return fail (self);
  n = sqlite3_changes (vigil_store_get_db (self));

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Playbook applied: %s (%d action)",
                                          "Playbook applied: %s (%d actions)", n), name, n);
  if (!vigil_store_add_timeline (self, incident_id, NULL, "playbook", summary, "playbook", NULL,
                                 name, error))
    return fail (self);
  vigil_store_notify (self, VIGIL_KIND_ACTION, 0);
  vigil_store_notify (self, VIGIL_KIND_INCIDENT, incident_id);
  if (!vigil_store_commit (self, error))
    return FALSE;
  if (n_added)
    *n_added = n;
  return TRUE;
}
