/* vigil-store-org.c — people, teams, roles, reporting lines, who to call
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-store-org.h"
#include "vigil-store-private.h"
#include "vigil-time.h"

/* The longest reporting chain we walk; any longer one is a damaged database. */
#define MAX_CHAIN 256

VigilPerson *
vigil_person_new (void)
{
  VigilPerson *person = g_new0 (VigilPerson, 1);
  person->active = TRUE;
  return person;
}

void
vigil_person_free (VigilPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->employee_id);
  g_free (person->name);
  g_free (person->title);
  g_free (person->email);
  g_free (person->phone);
  g_free (person->mobile);
  g_free (person->location);
  g_strfreev (person->roles);
  g_free (person->team_name);
  g_free (person->team_kind);
  g_free (person->manager_employee_id);
  g_free (person->manager_name);
  g_free (person);
}

VigilTeam *
vigil_team_new (void)
{
  VigilTeam *team = g_new0 (VigilTeam, 1);
  team->kind = g_strdup ("business");
  return team;
}

void
vigil_team_free (VigilTeam *team)
{
  if (team == NULL)
    return;
  g_free (team->name);
  g_free (team->kind);
  g_free (team->email);
  g_free (team->phone);
  g_free (team->description);
  g_free (team);
}

void
vigil_org_link_free (VigilOrgLink *link)
{
  if (link == NULL)
    return;
  g_free (link->label);
  g_free (link->detail);
  g_free (link);
}

gboolean
vigil_person_has_role (const VigilPerson *person,
                       const char        *role)
{
  return person->roles != NULL && g_strv_contains ((const char * const *) person->roles, role);
}

/* ---- reads ------------------------------------------------------------- */

#define PERSON_COLUMNS \
  "p.id, p.employee_id, p.name, p.title, p.team_id, p.manager_id, p.email, p.phone, " \
  "p.mobile, p.location, p.on_call, p.active, t.name, t.kind, m.employee_id, m.name "
#define PERSON_FROM \
  "FROM people p LEFT JOIN teams t ON t.id = p.team_id LEFT JOIN people m ON m.id = p.manager_id "

static VigilPerson *
person_from_row (sqlite3_stmt *stmt)
{
  VigilPerson *p = vigil_person_new ();

  p->id = sqlite3_column_int64 (stmt, 0);
  p->employee_id = vigil_column_dup (stmt, 1);
  p->name = vigil_column_dup (stmt, 2);
  p->title = vigil_column_dup (stmt, 3);
  p->team_id = sqlite3_column_int64 (stmt, 4);
  p->manager_id = sqlite3_column_int64 (stmt, 5);
  p->email = vigil_column_dup (stmt, 6);
  p->phone = vigil_column_dup (stmt, 7);
  p->mobile = vigil_column_dup (stmt, 8);
  p->location = vigil_column_dup (stmt, 9);
  p->on_call = sqlite3_column_int (stmt, 10) != 0;
  p->active = sqlite3_column_int (stmt, 11) != 0;
  p->team_name = vigil_column_dup (stmt, 12);
  p->team_kind = vigil_column_dup (stmt, 13);
  p->manager_employee_id = vigil_column_dup (stmt, 14);
  p->manager_name = vigil_column_dup (stmt, 15);
  return p;
}

static char **
load_roles (VigilStore  *self,
            gint64       id,
            GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = vigil_store_prepare (self, "SELECT role FROM person_roles WHERE person_id = ?1 "
                                    "ORDER BY role", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, "roles");
      return NULL;
    }
  return g_strv_builder_end (builder);
}

VigilPerson *
vigil_store_get_person (VigilStore  *self,
                        gint64       id,
                        GError     **error)
{
  g_autoptr(VigilPerson) person = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = vigil_store_prepare (self, "SELECT " PERSON_COLUMNS PERSON_FROM "WHERE p.id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    person = person_from_row (stmt);
  else if (rc == SQLITE_DONE)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("No person with id %" PRId64), id);
      return NULL;
    }
  else
    {
      vigil_store_set_error (self, error, rc, "person");
      return NULL;
    }
  sqlite3_reset (stmt);
  person->roles = load_roles (self, id, error);
  if (person->roles == NULL)
    return NULL;
  return g_steal_pointer (&person);
}

gint64
vigil_store_find_person (VigilStore  *self,
                         const char  *employee_id,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = vigil_store_prepare (self, "SELECT id FROM people WHERE employee_id = ?1", error);
  if (stmt == NULL)
    return -1;
  vigil_bind_text (stmt, 1, employee_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, "person");
      id = -1;
    }
  sqlite3_reset (stmt);
  return id;
}

GPtrArray *
vigil_store_list_people (VigilStore  *self,
                         GError     **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_person_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) roles = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = vigil_store_prepare (self, "SELECT " PERSON_COLUMNS PERSON_FROM "ORDER BY p.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilPerson *p = person_from_row (stmt);
      g_ptr_array_add (people, p);
      g_hash_table_insert (by_id, &p->id, p);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, "people");
      return NULL;
    }

  stmt = vigil_store_prepare (self, "SELECT person_id, role FROM person_roles "
                                    "ORDER BY person_id, role", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      VigilPerson *p = g_hash_table_lookup (by_id, &id);
      GPtrArray *list;

      if (p == NULL)
        continue;
      list = g_hash_table_lookup (roles, &p->id);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (roles, &p->id, list);
        }
      g_ptr_array_add (list, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, "roles");
      return NULL;
    }
  for (guint i = 0; i < people->len; i++)
    {
      VigilPerson *p = people->pdata[i];
      GPtrArray *list = g_hash_table_lookup (roles, &p->id);

      if (list != NULL)
        {
          g_ptr_array_add (list, NULL);
          p->roles = g_memdup2 (list->pdata, list->len * sizeof (char *));
        }
      else
        p->roles = g_new0 (char *, 1);
    }
  return g_steal_pointer (&people);
}

#define TEAM_COLUMNS \
  "t.id, t.name, t.kind, t.parent_id, t.lead_id, t.email, t.phone, t.description, " \
  "(SELECT count(*) FROM people p WHERE p.team_id = t.id) "

static VigilTeam *
team_from_row (sqlite3_stmt *stmt)
{
  VigilTeam *t = g_new0 (VigilTeam, 1);

  t->id = sqlite3_column_int64 (stmt, 0);
  t->name = vigil_column_dup (stmt, 1);
  t->kind = vigil_column_dup (stmt, 2);
  t->parent_id = sqlite3_column_int64 (stmt, 3);
  t->lead_id = sqlite3_column_int64 (stmt, 4);
  t->email = vigil_column_dup (stmt, 5);
  t->phone = vigil_column_dup (stmt, 6);
  t->description = vigil_column_dup (stmt, 7);
  t->n_people = sqlite3_column_int64 (stmt, 8);
  return t;
}

VigilTeam *
vigil_store_get_team (VigilStore  *self,
                      gint64       id,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  VigilTeam *team = NULL;
  int rc;

  stmt = vigil_store_prepare (self, "SELECT " TEAM_COLUMNS "FROM teams t WHERE t.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    team = team_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                 _("No team with id %" PRId64), id);
  else
    vigil_store_set_error (self, error, rc, "team");
  sqlite3_reset (stmt);
  return team;
}

gint64
vigil_store_find_team (VigilStore  *self,
                       const char  *name,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = vigil_store_prepare (self, "SELECT id FROM teams WHERE name = ?1 COLLATE NOCASE", error);
  if (stmt == NULL)
    return -1;
  vigil_bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, "team");
      id = -1;
    }
  sqlite3_reset (stmt);
  return id;
}

GPtrArray *
vigil_store_list_teams (VigilStore  *self,
                        GError     **error)
{
  g_autoptr(GPtrArray) teams = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_team_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = vigil_store_prepare (self, "SELECT t.id, t.name, t.kind, t.parent_id, t.lead_id, "
                                    "t.email, t.phone, t.description, count(p.id) "
                                    "FROM teams t LEFT JOIN people p ON p.team_id = t.id "
                                    "GROUP BY t.id ORDER BY t.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (teams, team_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, "teams");
      return NULL;
    }
  return g_steal_pointer (&teams);
}

/* Each word becomes a quoted prefix term, so user input cannot inject FTS5
 * syntax: `ama oka` → `"ama"* "oka"*`. */
static char *
fts_prefix_query (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n", -1);
  GString *query = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      g_auto(GStrv) parts = NULL;
      g_autofree char *escaped = NULL;

      if (*words[i] == '\0')
        continue;
      parts = g_strsplit (words[i], "\"", -1);
      escaped = g_strjoinv ("\"\"", parts);
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_printf (query, "\"%s\"*", escaped);
    }
  return g_string_free (query, query->len == 0);
}

GArray *
vigil_store_search_people (VigilStore  *self,
                           const char  *text,
                           guint        limit,
                           GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *query = fts_prefix_query (text ? text : "");
  sqlite3_stmt *stmt;
  int rc;

  if (query == NULL)
    return g_steal_pointer (&ids);
  stmt = vigil_store_prepare (self, "SELECT rowid FROM people_fts WHERE people_fts MATCH ?1 "
                                    "ORDER BY rank LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, limit > 0 ? (int) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, "search");
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static GPtrArray *
query_links (VigilStore  *self,
             const char  *sql,
             gint64       person_id,
             GError     **error)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_org_link_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = vigil_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilOrgLink *link = g_new0 (VigilOrgLink, 1);
      link->id = sqlite3_column_int64 (stmt, 0);
      link->label = vigil_column_dup (stmt, 1);
      link->detail = vigil_column_dup (stmt, 2);
      g_ptr_array_add (links, link);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, "links");
      return NULL;
    }
  return g_steal_pointer (&links);
}

GPtrArray *
vigil_store_list_person_systems (VigilStore  *self,
                                 gint64       person_id,
                                 GError     **error)
{
  return query_links (self,
                      "SELECT id, name, CASE WHEN tech_contact_id = ?1 AND business_owner_id = ?1 "
                      "THEN 'technical contact, business owner' "
                      "WHEN tech_contact_id = ?1 THEN 'technical contact' "
                      "ELSE 'business owner' END "
                      "FROM assets WHERE tech_contact_id = ?1 OR business_owner_id = ?1 "
                      "ORDER BY name COLLATE NOCASE",
                      person_id, error);
}

GPtrArray *
vigil_store_list_person_incidents (VigilStore  *self,
                                   gint64       person_id,
                                   GError     **error)
{
  return query_links (self,
                      "SELECT i.id, i.ref || ' ' || i.title, i.stage FROM incidents i "
                      "WHERE i.stage <> 'closed' AND (i.assignee_id = ?1 "
                      " OR EXISTS (SELECT 1 FROM contacts c WHERE c.incident_id = i.id "
                      "            AND c.person_id = ?1) "
                      " OR EXISTS (SELECT 1 FROM incident_assets ia JOIN assets a "
                      "            ON a.id = ia.asset_id WHERE ia.incident_id = i.id "
                      "            AND (a.tech_contact_id = ?1 OR a.business_owner_id = ?1))) "
                      "ORDER BY i.ref DESC",
                      person_id, error);
}

/* ---- who to call ----------------------------------------------------- */

static gboolean
collect_ids (VigilStore  *self,
             const char  *sql,
             gint64       arg,
             GArray      *ids,
             GHashTable  *seen,
             GError     **error)
{
  sqlite3_stmt *stmt = vigil_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, arg);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      if (id > 0 && g_hash_table_add (seen, g_memdup2 (&id, sizeof id)))
        g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, "who to call");
      return FALSE;
    }
  return TRUE;
}

/* Adds each contact's managers up to (and including) a CISO, then the CISO. */
static GArray *
add_chains (VigilStore  *self,
            GArray      *ids,
            GHashTable  *seen,
            GError     **error)
{
  guint n_contacts = ids->len;

  for (guint i = 0; i < n_contacts; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      for (guint depth = 0; depth < MAX_CHAIN; depth++)
        {
          sqlite3_stmt *stmt;
          gint64 manager = 0;
          gboolean ciso;
          int rc;

          stmt = vigil_store_prepare (self, "SELECT p.manager_id, EXISTS (SELECT 1 FROM "
                                            "person_roles r WHERE r.person_id = p.id AND "
                                            "r.role = 'ciso') FROM people p WHERE p.id = ?1",
                                      error);
          if (stmt == NULL)
            return NULL;
          sqlite3_bind_int64 (stmt, 1, id);
          rc = sqlite3_step (stmt);
          if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            {
              vigil_store_set_error (self, error, rc, "who to call");
              return NULL;
            }
          if (rc != SQLITE_ROW)
            break;
          manager = sqlite3_column_int64 (stmt, 0);
          ciso = sqlite3_column_int (stmt, 1) != 0;
          sqlite3_reset (stmt);
          if (ciso || manager <= 0)
            break;
          id = manager;
          if (g_hash_table_add (seen, g_memdup2 (&id, sizeof id)))
            g_array_append_val (ids, id);
        }
    }
  if (!collect_ids (self, "SELECT person_id FROM person_roles WHERE role = 'ciso' AND ?1 = ?1 "
                          "ORDER BY person_id", 1, ids, seen, error))
    return NULL;
  return g_array_ref (ids);
}

static GHashTable *
id_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

GArray *
vigil_store_who_to_call_asset (VigilStore  *self,
                               gint64       asset_id,
                               GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen = id_set_new ();

  if (!collect_ids (self,
                    "SELECT tech_contact_id FROM assets WHERE id = ?1 UNION ALL "
                    "SELECT business_owner_id FROM assets WHERE id = ?1 UNION ALL "
                    "SELECT t.lead_id FROM assets a JOIN teams t ON t.id = a.owner_team_id "
                    "WHERE a.id = ?1",
                    asset_id, ids, seen, error))
    return NULL;
  return add_chains (self, ids, seen, error);
}

GArray *
vigil_store_who_to_call_incident (VigilStore  *self,
                                  gint64       incident_id,
                                  GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen = id_set_new ();

  if (!collect_ids (self,
                    "SELECT assignee_id FROM incidents WHERE id = ?1 UNION ALL "
                    "SELECT t.lead_id FROM incidents i JOIN teams t ON t.id = i.owner_team_id "
                    "WHERE i.id = ?1 UNION ALL "
                    "SELECT a.tech_contact_id FROM incident_assets ia JOIN assets a "
                    "ON a.id = ia.asset_id WHERE ia.incident_id = ?1 UNION ALL "
                    "SELECT a.business_owner_id FROM incident_assets ia JOIN assets a "
                    "ON a.id = ia.asset_id WHERE ia.incident_id = ?1",
                    incident_id, ids, seen, error))
    return NULL;
  return add_chains (self, ids, seen, error);
}

gboolean
vigil_store_org_resolve_target (VigilStore  *self,
                                const char  *text,
                                gint64      *asset_id,
                                gint64      *incident_id,
                                char       **label,
                                GError     **error)
{
  static const char * const queries[] = {
    "SELECT 'i', id, ref || ' ' || title FROM incidents WHERE ref = upper(?1)",
    "SELECT 'a', id, name FROM assets WHERE name = ?1 COLLATE NOCASE "
    " OR hostname = ?1 COLLATE NOCASE ORDER BY id LIMIT 1",
    "SELECT 'a', id, name FROM assets WHERE name LIKE ?1 ESCAPE '\\' "
    " OR hostname LIKE ?1 ESCAPE '\\' ORDER BY name LIMIT 1",
  };
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  *asset_id = *incident_id = 0;
  if (label)
    *label = NULL;
  for (guint q = 0; *trimmed != '\0' && q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = vigil_store_prepare (self, queries[q], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      if (q == 2)
        {
          g_autofree char *pattern = vigil_like_pattern (trimmed, FALSE);
          vigil_bind_text (stmt, 1, pattern);
        }
      else
        vigil_bind_text (stmt, 1, trimmed);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          if (sqlite3_column_text (stmt, 0)[0] == 'i')
            *incident_id = sqlite3_column_int64 (stmt, 1);
          else
            *asset_id = sqlite3_column_int64 (stmt, 1);
          if (label)
            *label = vigil_column_dup (stmt, 2);
          sqlite3_reset (stmt);
          return TRUE;
        }
      if (rc != SQLITE_DONE)
        {
          vigil_store_set_error (self, error, rc, "who to call");
          return FALSE;
        }
    }
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
               _("No incident reference or system named “%s”"), trimmed);
  return FALSE;
}

/* ---- writes ------------------------------------------------------------ */

gboolean
vigil_store_check_manager (VigilStore  *self,
                           gint64       person_id,
                           gint64       manager_id,
                           GError     **error)
{
  gint64 id = manager_id;

  if (manager_id <= 0)
    return TRUE;
  for (guint depth = 0; depth < MAX_CHAIN && id > 0; depth++)
    {
      sqlite3_stmt *stmt;
      int rc;

      if (id == person_id)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("This manager would make a reporting-line cycle: they report, "
                         "directly or not, to this person. Choose another manager."));
          return FALSE;
        }
      stmt = vigil_store_prepare (self, "SELECT manager_id FROM people WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE && id == manager_id)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                       _("No person with id %" PRId64 " to be the manager"), id);
          return FALSE;
        }
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          vigil_store_set_error (self, error, rc, "manager");
          return FALSE;
        }
      id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static gboolean
validate_person (const VigilPerson  *person,
                 GError            **error)
{
  g_autofree char *name = g_strstrip (g_strdup (person->name ? person->name : ""));

  if (*name == '\0')
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("A person needs a name"));
      return FALSE;
    }
  if (person->email != NULL && strchr (person->email, ' ') != NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("“%s” is not an e-mail address"), person->email);
      return FALSE;
    }
  return TRUE;
}

static const char *
empty_to_null (const char *s)
{
  return s != NULL && *s != '\0' ? s : NULL;
}

static gboolean
write_roles (VigilStore         *self,
             const VigilPerson  *person,
             gint64              id,
             GError            **error)
{
  sqlite3_stmt *stmt = vigil_store_prepare (self, "DELETE FROM person_roles WHERE person_id = ?1",
                                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigil_store_step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; person->roles != NULL && person->roles[i] != NULL; i++)
    {
      if (*person->roles[i] == '\0')
        continue;
      stmt = vigil_store_prepare (self, "INSERT OR IGNORE INTO person_roles (person_id, role) "
                                        "VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      vigil_bind_text (stmt, 2, person->roles[i]);
      if (!vigil_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static void
bind_person (sqlite3_stmt      *stmt,
             const VigilPerson *p)
{
  vigil_bind_text (stmt, 1, empty_to_null (p->employee_id));
  vigil_bind_text (stmt, 2, p->name);
  vigil_bind_text (stmt, 3, p->title ? p->title : "");
  vigil_bind_id (stmt, 4, p->team_id);
  vigil_bind_id (stmt, 5, p->manager_id);
  vigil_bind_text (stmt, 6, empty_to_null (p->email));
  vigil_bind_text (stmt, 7, empty_to_null (p->phone));
  vigil_bind_text (stmt, 8, empty_to_null (p->mobile));
  vigil_bind_text (stmt, 9, empty_to_null (p->location));
  sqlite3_bind_int (stmt, 10, p->on_call ? 1 : 0);
  sqlite3_bind_int (stmt, 11, p->active ? 1 : 0);
}

gint64
vigil_store_create_person (VigilStore         *self,
                           const VigilPerson  *person,
                           GError            **error)
{
  g_autofree char *now = vigil_time_now_iso ();
  sqlite3_stmt *stmt;
  gint64 id;

  if (!validate_person (person, error))
    return 0;
  if (!vigil_store_begin (self, error))
    return 0;
  stmt = vigil_store_prepare (self, "INSERT INTO people (employee_id, name, title, team_id, "
                                    "manager_id, email, phone, mobile, location, on_call, "
                                    "active, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, "
                                    "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)", error);
  if (stmt == NULL)
    goto fail;
  bind_person (stmt, person);
  vigil_bind_text (stmt, 12, now);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (vigil_store_get_db (self));
  if (!write_roles (self, person, id, error))
    goto fail;
  vigil_store_notify (self, VIGIL_KIND_PERSON, id);
  if (!vigil_store_commit (self, error))
    goto fail;
  return id;

fail:
  vigil_store_rollback (self);
  return 0;
}

gboolean
vigil_store_update_person (VigilStore         *self,
                           const VigilPerson  *person,
                           GError            **error)
{
  g_autofree char *now = vigil_time_now_iso ();
  sqlite3_stmt *stmt;

  if (!validate_person (person, error))
    return FALSE;
  if (!vigil_store_begin (self, error))
    return FALSE;
  if (!vigil_store_check_manager (self, person->id, person->manager_id, error))
    goto fail;
  stmt = vigil_store_prepare (self, "UPDATE people SET employee_id = ?1, name = ?2, title = ?3, "
                                    "team_id = ?4, manager_id = ?5, email = ?6, phone = ?7, "
                                    "mobile = ?8, location = ?9, on_call = ?10, active = ?11, "
                                    "updated_at = ?12 WHERE id = ?13", error);
  if (stmt == NULL)
    goto fail;
  bind_person (stmt, person);
  vigil_bind_text (stmt, 12, now);
  sqlite3_bind_int64 (stmt, 13, person->id);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (vigil_store_get_db (self)) == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("No person with id %" PRId64), person->id);
      goto fail;
    }
  if (person->roles != NULL && !write_roles (self, person, person->id, error))
    goto fail;
  vigil_store_notify (self, VIGIL_KIND_PERSON, person->id);
  if (!vigil_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  vigil_store_rollback (self);
  return FALSE;
}

gboolean
vigil_store_delete_person (VigilStore  *self,
                           gint64       id,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  if (!vigil_store_begin (self, error))
    return FALSE;
  /* direct reports move up to the deleted person's manager */
  stmt = vigil_store_prepare (self, "UPDATE people SET manager_id = (SELECT manager_id FROM "
                                    "people WHERE id = ?1) WHERE manager_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  stmt = vigil_store_prepare (self, "DELETE FROM people WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  vigil_store_notify (self, VIGIL_KIND_PERSON, id);
  if (!vigil_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  vigil_store_rollback (self);
  return FALSE;
}

static gboolean
validate_team (const VigilTeam  *team,
               GError          **error)
{
  static const char * const kinds[] = { "security", "it", "business", "external", NULL };

  if (team->name == NULL || *team->name == '\0')
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("A team needs a name"));
      return FALSE;
    }
  if (team->kind == NULL || !g_strv_contains (kinds, team->kind))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("Unknown team kind “%s”; use security, it, business or external"),
                   team->kind ? team->kind : "");
      return FALSE;
    }
  if (team->id > 0 && team->parent_id == team->id)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("A team cannot be its own parent"));
      return FALSE;
    }
  return TRUE;
}

static void
bind_team (sqlite3_stmt    *stmt,
           const VigilTeam *t)
{
  vigil_bind_text (stmt, 1, t->name);
  vigil_bind_text (stmt, 2, t->kind);
  vigil_bind_id (stmt, 3, t->parent_id);
  vigil_bind_id (stmt, 4, t->lead_id);
  vigil_bind_text (stmt, 5, empty_to_null (t->email));
  vigil_bind_text (stmt, 6, empty_to_null (t->phone));
  vigil_bind_text (stmt, 7, t->description ? t->description : "");
}

gint64
vigil_store_create_team (VigilStore       *self,
                         const VigilTeam  *team,
                         GError          **error)
{
  g_autofree char *now = vigil_time_now_iso ();
  sqlite3_stmt *stmt;
  gint64 id;

  if (!validate_team (team, error) || !vigil_store_begin (self, error))
    return 0;
  stmt = vigil_store_prepare (self, "INSERT INTO teams (name, kind, parent_id, lead_id, email, "
                                    "phone, description, created_at, updated_at) VALUES "
                                    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", error);
  if (stmt == NULL)
    goto fail;
  bind_team (stmt, team);
  vigil_bind_text (stmt, 8, now);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (vigil_store_get_db (self));
  vigil_store_notify (self, VIGIL_KIND_TEAM, id);
  if (!vigil_store_commit (self, error))
    goto fail;
  return id;

fail:
  vigil_store_rollback (self);
  return 0;
}

gboolean
vigil_store_update_team (VigilStore       *self,
                         const VigilTeam  *team,
                         GError          **error)
{
  g_autofree char *now = vigil_time_now_iso ();
  sqlite3_stmt *stmt;

  if (!validate_team (team, error) || !vigil_store_begin (self, error))
    return FALSE;
  stmt = vigil_store_prepare (self, "UPDATE teams SET name = ?1, kind = ?2, parent_id = ?3, "
                                    "lead_id = ?4, email = ?5, phone = ?6, description = ?7, "
                                    "updated_at = ?8 WHERE id = ?9", error);
  if (stmt == NULL)
    goto fail;
  bind_team (stmt, team);
  vigil_bind_text (stmt, 8, now);
  sqlite3_bind_int64 (stmt, 9, team->id);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (vigil_store_get_db (self)) == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("No team with id %" PRId64), team->id);
      goto fail;
    }
  vigil_store_notify (self, VIGIL_KIND_TEAM, team->id);
  if (!vigil_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  vigil_store_rollback (self);
  return FALSE;
}
