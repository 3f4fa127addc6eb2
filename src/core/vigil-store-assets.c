/* vigil-store-assets.c — assets, their dependencies and contacts in the store
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "vigil-store-assets.h"
#include "vigil-store-private.h"
#include "vigil-time.h"

void
vigil_asset_link_free (VigilAssetLink *link)
{
  if (link == NULL)
    return;
  g_free (link->from_name);
  g_free (link->to_name);
  g_free (link->from_kind);
  g_free (link->to_kind);
  g_free (link->from_criticality);
  g_free (link->to_criticality);
  g_free (link->kind);
  g_free (link->note);
  g_free (link);
}

void
vigil_asset_contact_free (VigilAssetContact *contact)
{
  if (contact == NULL)
    return;
  g_free (contact->role);
  g_free (contact->name);
  g_free (contact->title);
  g_free (contact->email);
  g_free (contact->phone);
  g_free (contact->mobile);
  g_free (contact->team);
  g_free (contact);
}

void
vigil_asset_event_free (VigilAssetEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->kind);
  g_free (event->ref);
  g_free (event->title);
  g_free (event->severity);
  g_free (event->state);
  g_free (event->at);
  g_free (event->note);
  g_free (event);
}

/* Validation ----------------------------------------------------------------- */

static const char * const criticalities[] = { "low", "medium", "high", "critical", NULL };

/* "10.0.0.1, 10.0.0.2;fe80::1" → "10.0.0.1 10.0.0.2 fe80::1" */
static char *
normalize_addresses (const char *addresses)
{
  g_auto(GStrv) parts = NULL;
  GString *out = g_string_new (NULL);

  if (addresses == NULL)
    return g_string_free (out, FALSE);
  parts = g_strsplit_set (addresses, " ,;\t\r\n|", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gboolean seen = FALSE;
      g_auto(GStrv) done = NULL;

      if (*parts[i] == '\0')
        continue;
      done = g_strsplit (out->str, " ", -1);
      for (guint j = 0; done[j] != NULL && !seen; j++)
        seen = g_str_equal (done[j], parts[i]);
      if (seen)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, parts[i]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
validate_fields (const VigilAssetFields  *fields,
                 gboolean                 creating,
                 GError                 **error)
{
  if (creating || fields->name != NULL)
    {
      g_autofree char *name = g_strstrip (g_strdup (fields->name ? fields->name : ""));
      if (*name == '\0')
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("An asset needs a name"));
          return FALSE;
        }
      if (!g_utf8_validate (name, -1, NULL))
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("The asset name is not valid UTF-8 text"));
          return FALSE;
        }
    }
  if (fields->criticality != NULL && !g_strv_contains (criticalities, fields->criticality))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("Unknown criticality “%s”: use low, medium, high or critical"),
                   fields->criticality);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_addresses (VigilStore  *self,
                 gint64       id,
                 const char  *addresses,
                 GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (addresses, " ", -1);
  sqlite3_stmt *stmt;

  stmt = vigil_store_prepare (self, "DELETE FROM asset_addresses WHERE asset_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigil_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0')
        continue;
      stmt = vigil_store_prepare (self, "INSERT OR IGNORE INTO asset_addresses (asset_id, address) "
                                        "VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      vigil_bind_text (stmt, 2, parts[i]);
      if (!vigil_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static void
name_conflict (GError     **error,
               const char  *name,
               GError      *sql_error)
{
  if (sql_error != NULL && g_error_matches (sql_error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT))
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT,
                 _("An asset named “%s” already exists: choose another name or edit that one"),
                 name);
  else if (sql_error != NULL)
    g_propagate_error (error, g_error_copy (sql_error));
}

gint64
vigil_store_create_asset (VigilStore              *self,
                          const VigilAssetFields  *fields,
                          GError                 **error)
{
  g_autofree char *name = NULL;
  g_autofree char *addresses = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GError) local = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (VIGIL_IS_STORE (self), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (!validate_fields (fields, TRUE, error))
    return 0;
  name = g_strstrip (g_strdup (fields->name));
  addresses = normalize_addresses (fields->addresses);
  now = vigil_time_now_iso ();

  if (!vigil_store_begin (self, error))
    return 0;
  stmt = vigil_store_prepare (self,
                              "INSERT INTO assets (name, kind, hostname, addresses, owner_team_id, "
                              "tech_contact_id, business_owner_id, criticality, environment, "
                              "location, status, description, created_at, updated_at) "
                              "VALUES (?1, coalesce(?2, 'server'), nullif(?3, ''), ?4, ?5, ?6, ?7, "
                              "coalesce(?8, 'medium'), coalesce(?9, 'production'), "
                              "coalesce(?10, ''), coalesce(?11, 'active'), coalesce(?12, ''), "
                              "?13, ?13)", &local);
  if (stmt == NULL)
    goto fail;
  vigil_bind_text (stmt, 1, name);
  vigil_bind_text (stmt, 2, fields->kind && *fields->kind ? fields->kind : NULL);
  vigil_bind_text (stmt, 3, fields->hostname);
  vigil_bind_text (stmt, 4, addresses);
  vigil_bind_id (stmt, 5, fields->owner_team_id);
  vigil_bind_id (stmt, 6, fields->tech_contact_id);
  vigil_bind_id (stmt, 7, fields->business_owner_id);
  vigil_bind_text (stmt, 8, fields->criticality);
  vigil_bind_text (stmt, 9, fields->environment && *fields->environment ? fields->environment : NULL);
  vigil_bind_text (stmt, 10, fields->location);
  vigil_bind_text (stmt, 11, fields->status && *fields->status ? fields->status : NULL);
  vigil_bind_text (stmt, 12, fields->description);
  vigil_bind_text (stmt, 13, now);
  if (!vigil_store_step_done (self, stmt, &local))
    goto fail;
  id = sqlite3_last_insert_rowid (vigil_store_get_db (self));
  if (!write_addresses (self, id, addresses, &local))
    goto fail;
  vigil_store_notify (self, VIGIL_KIND_ASSET, id);
  if (!vigil_store_commit (self, &local))
    goto fail;
  return id;

fail:
  vigil_store_rollback (self);
  name_conflict (error, name, local);
  return 0;
}

gboolean
vigil_store_update_asset (VigilStore              *self,
                          gint64                   id,
                          const VigilAssetFields  *fields,
                          GError                 **error)
{
  g_autofree char *name = NULL;
  g_autofree char *addresses = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GError) local = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  if (!validate_fields (fields, FALSE, error))
    return FALSE;
  name = fields->name ? g_strstrip (g_strdup (fields->name)) : NULL;
  addresses = fields->addresses ? normalize_addresses (fields->addresses) : NULL;
  now = vigil_time_now_iso ();

  if (!vigil_store_begin (self, error))
    return FALSE;
  /* NULL strings keep the stored value; ids: 0 keeps, -1 clears */
  stmt = vigil_store_prepare (self,
                              "UPDATE assets SET name = coalesce(?2, name), "
                              "kind = coalesce(nullif(?3, ''), kind), "
                              "hostname = CASE WHEN ?4 IS NULL THEN hostname ELSE nullif(?4, '') END, "
                              "addresses = coalesce(?5, addresses), "
                              "owner_team_id = CASE ?6 WHEN 0 THEN owner_team_id WHEN -1 THEN NULL ELSE ?6 END, "
                              "tech_contact_id = CASE ?7 WHEN 0 THEN tech_contact_id WHEN -1 THEN NULL ELSE ?7 END, "
                              "business_owner_id = CASE ?8 WHEN 0 THEN business_owner_id WHEN -1 THEN NULL ELSE ?8 END, "
                              "criticality = coalesce(?9, criticality), "
                              "environment = coalesce(nullif(?10, ''), environment), "
                              "location = coalesce(?11, location), "
                              "status = coalesce(nullif(?12, ''), status), "
                              "description = coalesce(?13, description), updated_at = ?14 "
                              "WHERE id = ?1", &local);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  vigil_bind_text (stmt, 2, name);
  vigil_bind_text (stmt, 3, fields->kind);
  vigil_bind_text (stmt, 4, fields->hostname);
  vigil_bind_text (stmt, 5, addresses);
  sqlite3_bind_int64 (stmt, 6, fields->owner_team_id);
  sqlite3_bind_int64 (stmt, 7, fields->tech_contact_id);
  sqlite3_bind_int64 (stmt, 8, fields->business_owner_id);
  vigil_bind_text (stmt, 9, fields->criticality);
  vigil_bind_text (stmt, 10, fields->environment);
  vigil_bind_text (stmt, 11, fields->location);
  vigil_bind_text (stmt, 12, fields->status);
  vigil_bind_text (stmt, 13, fields->description);
  vigil_bind_text (stmt, 14, now);
  if (!vigil_store_step_done (self, stmt, &local))
    goto fail;
  if (sqlite3_changes (vigil_store_get_db (self)) == 0)
    {
      g_set_error (&local, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("No asset with id %" PRId64), id);
      goto fail;
    }
  if (addresses != NULL && !write_addresses (self, id, addresses, &local))
    goto fail;
  vigil_store_notify (self, VIGIL_KIND_ASSET, id);
  if (!vigil_store_commit (self, &local))
    goto fail;
  return TRUE;

fail:
  vigil_store_rollback (self);
  name_conflict (error, name ? name : "", local);
  return FALSE;
}

gboolean
vigil_store_delete_asset (VigilStore  *self,
                          gint64       id,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  if (!vigil_store_begin (self, error))
    return FALSE;
  stmt = vigil_store_prepare (self, "DELETE FROM assets WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  vigil_store_notify (self, VIGIL_KIND_ASSET, id);
  return vigil_store_commit (self, error);

fail:
  vigil_store_rollback (self);
  return FALSE;
}

static VigilAsset *
get_asset_where (VigilStore  *self,
                 const char  *where,
                 const char  *text,
                 gint64       id,
                 GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM assets a WHERE %s LIMIT 1",
                                          vigil_asset_select_columns (), where);

  return vigil_store_read_one (self, sql, text, id, (VigilRowReader) vigil_asset_new_from_row,
                               error);
}

VigilAsset *
vigil_store_get_asset (VigilStore  *self,
                       gint64       id,
                       GError     **error)
{
  g_autoptr(GError) local = NULL;
  VigilAsset *asset;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  asset = get_asset_where (self, "a.id = ?1", NULL, id, &local);
  if (asset == NULL && local == NULL)
    g_set_error (&local, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                 _("No asset with id %" PRId64), id);
  if (local != NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return asset;
}

VigilAsset *
vigil_store_find_asset (VigilStore  *self,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(GError) local = NULL;
  VigilAsset *asset;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  asset = get_asset_where (self, "a.name = ?1", name, 0, &local);
  if (asset == NULL && local == NULL)
    asset = get_asset_where (self, "a.name = ?1 COLLATE NOCASE", name, 0, &local);
  if (asset == NULL && local == NULL)
    asset = get_asset_where (self, "a.hostname = ?1 COLLATE NOCASE", name, 0, &local);
  if (asset == NULL && local == NULL)
    asset = get_asset_where (self, "a.id IN (SELECT asset_id FROM asset_addresses "
                                   "WHERE address = ?1)", name, 0, &local);
  if (asset == NULL && local == NULL)
    g_set_error (&local, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                 _("No asset named “%s”: see “vigilctl asset list”"), name);
  if (local != NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return asset;
}

/* Listing and filtering ------------------------------------------------------ */

static const struct
{
  const char *join;  /* what the key needs besides `assets a` */
  const char *key;
} sort_keys[VIGIL_N_ASSET_SORTS] = {
  [VIGIL_ASSET_SORT_NAME] = { "", "a.name COLLATE NOCASE" },
  [VIGIL_ASSET_SORT_KIND] = { "", "a.kind COLLATE NOCASE" },
  [VIGIL_ASSET_SORT_ADDRESSES] = { "", "a.addresses = '', a.addresses" },
  [VIGIL_ASSET_SORT_OWNER_TEAM] = { " LEFT JOIN teams t ON t.id = a.owner_team_id",
                                    "t.name IS NULL, t.name COLLATE NOCASE" },
  [VIGIL_ASSET_SORT_TECH_CONTACT] = { " LEFT JOIN people p ON p.id = a.tech_contact_id",
                                      "p.name IS NULL, p.name COLLATE NOCASE" },
  [VIGIL_ASSET_SORT_BUSINESS_OWNER] = { " LEFT JOIN people p ON p.id = a.business_owner_id",
                                        "p.name IS NULL, p.name COLLATE NOCASE" },
  [VIGIL_ASSET_SORT_CRITICALITY] = { "", "CASE a.criticality WHEN 'critical' THEN 0 WHEN 'high' THEN 1 "
                                         "WHEN 'medium' THEN 2 ELSE 3 END" },
  [VIGIL_ASSET_SORT_ENVIRONMENT] = { "", "a.environment COLLATE NOCASE" },
  [VIGIL_ASSET_SORT_LOCATION] = { "", "a.location = '', a.location COLLATE NOCASE" },
  [VIGIL_ASSET_SORT_STATUS] = { "", "a.status COLLATE NOCASE" },
};

#define MAX_FILTER_WORDS 8

/* `"word"*` for FTS5: a phrase (so punctuation inside an address splits it
 * into tokens the same way as the indexed text) matched as a prefix. */
static char *
fts_prefix_term (const char *word)
{
  GString *s = g_string_new ("\"");
  gboolean has_token = FALSE;

  for (const char *p = word; *p; p++)
    {
      if (*p == '"')
        g_string_append (s, "\"\"");
      else
        g_string_append_c (s, *p);
      if (g_ascii_isalnum (*p) || (guchar) *p >= 0x80)
        has_token = TRUE;
    }
  g_string_append (s, "\"*");
  if (!has_token)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

/* Databases made by a development build before assets_meta_fts existed
 * (schema 1 has not shipped) filter on the assets' own text only. */
static gboolean
has_meta_fts (VigilStore *self)
{
  gpointer known = g_object_get_data (G_OBJECT (self), "vigil-assets-meta-fts");

  if (known == NULL)
    {
      gint64 n = vigil_store_query_int (self, "SELECT count(*) FROM sqlite_master "
                                              "WHERE name = 'assets_meta_fts'", NULL);
      known = GINT_TO_POINTER (n > 0 ? 1 : 2);
      g_object_set_data (G_OBJECT (self), "vigil-assets-meta-fts", known);
    }
  return GPOINTER_TO_INT (known) == 1;
}

/* The whole list in one order, as SQL sorts it (the ORDER BY of the
 * filter's query, without a WHERE). */
static GString *
order_sql (VigilAssetSort sort,
           gboolean       descending)
{
  GString *sql = g_string_new ("SELECT a.id FROM assets a");
  const char *desc = descending ? " DESC" : "";

  g_string_append (sql, sort_keys[sort].join);
  /* the DESC of a multi-term key applies to its last term, so "empty last"
   * keys put the empty ones first when descending */
  if (sort == VIGIL_ASSET_SORT_NAME)
    g_string_append_printf (sql, " ORDER BY a.name COLLATE NOCASE%s", desc);
  else
    g_string_append_printf (sql, " ORDER BY %s%s, a.name COLLATE NOCASE%s", sort_keys[sort].key, desc, desc);
  return sql;
}

static GArray *
read_ids (VigilStore    *self,
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
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      g_array_unref (ids);
      return NULL;
    }
  return ids;
}

/* A filter keystroke must not sort every asset again: sorting 20,000 rows
 * (reading each row for its key) is what made one cost 30 ms.  The store
 * keeps each order it was asked for, as ids, and a keystroke only asks FTS5
 * which ids match, then keeps those, in the cached order.  An order is valid
 * while nothing was written: no change on this connection
 * (sqlite3_total_changes64) and none by another one (PRAGMA data_version). */
typedef struct
{
  gint64  changes;
  gint64  data_version;
  gint64  max_id;
  GArray *ids;
} AssetOrder;

typedef struct
{
  AssetOrder orders[VIGIL_N_ASSET_SORTS][2];
} AssetOrders;

static void
asset_orders_free (AssetOrders *orders)
{
  for (guint i = 0; i < VIGIL_N_ASSET_SORTS; i++)
    for (guint d = 0; d < 2; d++)
      g_clear_pointer (&orders->orders[i][d].ids, g_array_unref);
  g_free (orders);
}

/* Borrowed; NULL with `error` set on a database error. */
static AssetOrder *
get_asset_order (VigilStore      *self,
                 VigilAssetSort   sort,
                 gboolean         descending,
                 GError         **error)
{
  AssetOrders *orders = g_object_get_data (G_OBJECT (self), "vigil-asset-orders");
  gint64 changes = sqlite3_total_changes64 (vigil_store_get_db (self));
  gint64 data_version = vigil_store_query_int (self, "PRAGMA data_version", NULL);
  g_autoptr(GString) sql = NULL;
  AssetOrder *order;
  sqlite3_stmt *stmt;

  if (orders == NULL)
    {
      orders = g_new0 (AssetOrders, 1);
      g_object_set_data_full (G_OBJECT (self), "vigil-asset-orders", orders,
                              (GDestroyNotify) asset_orders_free);
    }
  order = &orders->orders[sort][descending ? 1 : 0];
  if (order->ids != NULL && order->changes == changes && order->data_version == data_version)
    return order;

  g_clear_pointer (&order->ids, g_array_unref);
  sql = order_sql (sort, descending);
  stmt = vigil_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  order->ids = read_ids (self, stmt, error);
  if (order->ids == NULL)
    return NULL;
  order->changes = changes;
  order->data_version = data_version;
  order->max_id = 0;
  for (guint i = 0; i < order->ids->len; i++)
    order->max_id = MAX (order->max_id, g_array_index (order->ids, gint64, i));
  return order;
}

/* Sets, in `bits` (one per id up to max_id), the assets that have a word
 * starting with `fts` in their own text or in their kind, place, state, team
 * and contacts' names. */
static gboolean
match_word (VigilStore   *self,
            const char   *fts,
            guint64      *bits,
            gint64        max_id,
            GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = vigil_store_prepare (self, has_meta_fts (self)
                                    ? "SELECT rowid FROM assets_fts WHERE assets_fts MATCH ?1 "
                                      "UNION ALL SELECT rowid FROM assets_meta_fts "
                                      "WHERE assets_meta_fts MATCH ?1"
                                    : "SELECT rowid FROM assets_fts WHERE assets_fts MATCH ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  vigil_bind_text (stmt, 1, fts);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      if (id > 0 && id <= max_id)
        bits[id / 64] |= G_GUINT64_CONSTANT (1) << (id % 64);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

GArray *
vigil_store_list_asset_ids (VigilStore      *self,
                            const char      *filter,
                            VigilAssetSort   sort,
                            gboolean         descending,
                            GError         **error)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint64 *bits = NULL;
  g_autofree guint64 *word_bits = NULL;
  AssetOrder *order;
  gsize n_words;
  GArray *ids;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (sort < VIGIL_N_ASSET_SORTS, NULL);

  words = g_strsplit_set (filter ? filter : "", " \t\n", -1);
  for (guint i = 0; words[i] != NULL && terms->len < MAX_FILTER_WORDS; i++)
    {
      char *fts;

      if (*words[i] == '\0')
        continue;
      /* a word that has no letter or digit cannot match a token */
      fts = fts_prefix_term (words[i]);
      if (fts == NULL)
        return g_array_new (FALSE, FALSE, sizeof (gint64));
      g_ptr_array_add (terms, fts);
    }

  order = get_asset_order (self, sort, descending, error);
  if (order == NULL)
    return NULL;
  if (terms->len == 0)
    return g_array_copy (order->ids);

  /* every word, as a prefix, in any of the asset's texts */
  n_words = (gsize) order->max_id / 64 + 1;
  bits = g_new0 (guint64, n_words);
  word_bits = g_new0 (guint64, n_words);
  for (guint t = 0; t < terms->len; t++)
    {
      guint64 *target = t == 0 ? bits : word_bits;

      if (t > 0)
        memset (word_bits, 0, n_words * sizeof (guint64));
      if (!match_word (self, g_ptr_array_index (terms, t), target, order->max_id, error))
        return NULL;
      if (t > 0)
        for (gsize w = 0; w < n_words; w++)
          bits[w] &= word_bits[w];
    }

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < order->ids->len; i++)
    {
      gint64 id = g_array_index (order->ids, gint64, i);
      if (bits[id / 64] & (G_GUINT64_CONSTANT (1) << (id % 64)))
        g_array_append_val (ids, id);
    }
  return ids;
}

/* Dependencies --------------------------------------------------------------- */

static gboolean
check_link_kind (const char  *kind,
                 GError     **error)
{
  if (g_strcmp0 (kind, VIGIL_ASSET_DEPENDS_ON) == 0 || g_strcmp0 (kind, VIGIL_ASSET_HOSTED_ON) == 0
      || g_strcmp0 (kind, VIGIL_ASSET_CONNECTS_TO) == 0)
    return TRUE;
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
               _("Unknown dependency “%s”: use depends-on, hosted-on or connects-to"),
               kind ? kind : "");
  return FALSE;
}

/* Does `kind` lead from `start` to `goal`, over links of that kind? */
static gboolean
reaches (VigilStore  *self,
         gint64       start,
         gint64       goal,
         const char  *kind,
         gboolean    *reached,
         GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = vigil_store_prepare (self,
    "WITH RECURSIVE down (id) AS (SELECT ?1 UNION "
    "  SELECT d.to_id FROM down JOIN asset_dependencies d ON d.from_id = down.id AND d.kind = ?3) "
    "SELECT EXISTS (SELECT 1 FROM down WHERE id = ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, goal);
  vigil_bind_text (stmt, 3, kind);
  rc = sqlite3_step (stmt);
  *reached = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      vigil_store_set_error (self, error, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

static char *
asset_name (VigilStore *self,
            gint64      id)
{
  g_autoptr(VigilAsset) asset = vigil_store_get_asset (self, id, NULL);

  return g_strdup (asset ? vigil_asset_get_name (asset) : "?");
}

/* The rules of a new link, with `exact` set when the very same link exists
 * (FALSE is returned then too, with VIGIL_ERROR_CONFLICT). */
static gboolean
check_link (VigilStore  *self,
            gint64       from_id,
            gint64       to_id,
            const char  *kind,
            gboolean    *exact,
            GError     **error)
{
  gboolean found = FALSE;
  gint64 same, reverse;

  *exact = FALSE;
  if (!check_link_kind (kind, error))
    return FALSE;
  if (from_id == to_id)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("An asset cannot depend on itself: choose another asset"));
      return FALSE;
    }
  {
    g_autoptr(VigilAsset) from = vigil_store_get_asset (self, from_id, error);
    g_autoptr(VigilAsset) to = from ? vigil_store_get_asset (self, to_id, error) : NULL;
    if (to == NULL)
      return FALSE;
  }

  {
    sqlite3_stmt *stmt = vigil_store_prepare (self,
      "SELECT (SELECT count(*) FROM asset_dependencies WHERE from_id = ?1 AND to_id = ?2 AND kind = ?3), "
      "       (SELECT count(*) FROM asset_dependencies WHERE from_id = ?2 AND to_id = ?1 AND kind = ?3)",
      error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, from_id);
    sqlite3_bind_int64 (stmt, 2, to_id);
    vigil_bind_text (stmt, 3, kind);
    if (sqlite3_step (stmt) != SQLITE_ROW)
      {
        vigil_store_set_error (self, error, sqlite3_errcode (vigil_store_get_db (self)), NULL);
        sqlite3_reset (stmt);
        return FALSE;
      }
    same = sqlite3_column_int64 (stmt, 0);
    reverse = sqlite3_column_int64 (stmt, 1);
    sqlite3_reset (stmt);
  }

  if (same > 0 || (reverse > 0 && g_str_equal (kind, VIGIL_ASSET_CONNECTS_TO)))
    {
      g_autofree char *from_name = asset_name (self, same > 0 ? from_id : to_id);
      g_autofree char *to_name = asset_name (self, same > 0 ? to_id : from_id);
      *exact = same > 0;
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT,
                   g_str_equal (kind, VIGIL_ASSET_HOSTED_ON)
                   ? _("“%s” is already recorded as hosted on “%s”")
                   : g_str_equal (kind, VIGIL_ASSET_CONNECTS_TO)
                   ? _("“%s” is already recorded as connecting to “%s”")
                   : _("“%s” already depends on “%s”"), from_name, to_name);
      return FALSE;
    }

  /* hosting cannot go round: what hosts an asset is not hosted on it */
  if (g_str_equal (kind, VIGIL_ASSET_HOSTED_ON))
    {
      if (!reaches (self, to_id, from_id, kind, &found, error))
        return FALSE;
      if (found)
        {
          g_autofree char *from_name = asset_name (self, from_id);
          g_autofree char *to_name = asset_name (self, to_id);
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED,
                       _("“%s” cannot be hosted on “%s”: “%s” is itself hosted on “%s”, "
                         "directly or through other hosts"),
                       from_name, to_name, to_name, from_name);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
vigil_store_check_asset_link (VigilStore  *self,
                              gint64       from_id,
                              gint64       to_id,
                              const char  *kind,
                              GError     **error)
{
  gboolean exact;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  return check_link (self, from_id, to_id, kind, &exact, error);
}

/* `again`: linking again is not an error (vigilctl): the same link updates
 * its note, the reverse of a connection is that connection, left as it is. */
static gboolean
add_link (VigilStore  *self,
          gint64       from_id,
          gint64       to_id,
          const char  *kind,
          const char  *note,
          gboolean     again,
          GError     **error)
{
  g_autoptr(GError) local = NULL;
  gboolean exact = FALSE;
  sqlite3_stmt *stmt;

  if (!vigil_store_begin (self, error))
    return FALSE;
  if (!check_link (self, from_id, to_id, kind, &exact, &local))
    {
      if (!again || !g_error_matches (local, VIGIL_ERROR, VIGIL_ERROR_CONFLICT))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          goto fail;
        }
      if (!exact)
        return vigil_store_commit (self, error);
    }
  stmt = vigil_store_prepare (self,
                              "INSERT INTO asset_dependencies (from_id, to_id, kind, note) "
                              "VALUES (?1, ?2, ?3, coalesce(?4, '')) "
                              "ON CONFLICT (from_id, to_id, kind) DO UPDATE SET "
                              "note = coalesce(?4, note)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, from_id);
  sqlite3_bind_int64 (stmt, 2, to_id);
  vigil_bind_text (stmt, 3, kind);
  vigil_bind_text (stmt, 4, note);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  vigil_store_notify (self, VIGIL_KIND_ASSET, from_id);
  vigil_store_notify (self, VIGIL_KIND_ASSET, to_id);
  return vigil_store_commit (self, error);

fail:
  vigil_store_rollback (self);
  return FALSE;
}

gboolean
vigil_store_add_asset_link (VigilStore  *self,
                            gint64       from_id,
                            gint64       to_id,
                            const char  *kind,
                            const char  *note,
                            GError     **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  return add_link (self, from_id, to_id, kind, note, FALSE, error);
}

gboolean
vigil_store_link_assets (VigilStore  *self,
                         gint64       from_id,
                         gint64       to_id,
                         const char  *kind,
                         const char  *note,
                         GError     **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  return add_link (self, from_id, to_id, kind, note, TRUE, error);
}

gboolean
vigil_store_unlink_assets (VigilStore  *self,
                           gint64       from_id,
                           gint64       to_id,
                           const char  *kind,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  if (!vigil_store_begin (self, error))
    return FALSE;
  stmt = vigil_store_prepare (self, "DELETE FROM asset_dependencies WHERE from_id = ?1 AND "
                                    "to_id = ?2 AND (?3 IS NULL OR kind = ?3)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, from_id);
  sqlite3_bind_int64 (stmt, 2, to_id);
  vigil_bind_text (stmt, 3, kind);
  if (!vigil_store_step_done (self, stmt, error))
    goto fail;
  vigil_store_notify (self, VIGIL_KIND_ASSET, from_id);
  vigil_store_notify (self, VIGIL_KIND_ASSET, to_id);
  return vigil_store_commit (self, error);

fail:
  vigil_store_rollback (self);
  return FALSE;
}

GPtrArray *
vigil_store_list_asset_links (VigilStore  *self,
                              gint64       asset_id,
                              guint        depth,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *links;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  /* the assets within `depth` hops, then every edge between two of them */
  stmt = vigil_store_prepare (self,
    "WITH RECURSIVE near (id, hops) AS ("
    "  SELECT ?1, 0"
    "  UNION SELECT CASE WHEN d.from_id = near.id THEN d.to_id ELSE d.from_id END, near.hops + 1"
    "  FROM near JOIN asset_dependencies d ON d.from_id = near.id OR d.to_id = near.id"
    "  WHERE near.hops < ?2 LIMIT 400), "
    "ids AS (SELECT DISTINCT id FROM near) "
    "SELECT d.from_id, d.to_id, f.name, t.name, f.kind, t.kind, f.criticality, t.criticality, "
    "       d.kind, d.note "
    "FROM asset_dependencies d JOIN assets f ON f.id = d.from_id JOIN assets t ON t.id = d.to_id "
    "WHERE d.from_id IN ids AND d.to_id IN ids "
    "ORDER BY d.from_id <> ?1, f.name, t.name, d.kind", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, asset_id);
  sqlite3_bind_int (stmt, 2, (int) MAX (depth, 1));

  links = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_asset_link_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilAssetLink *link = g_new0 (VigilAssetLink, 1);

      link->from_id = sqlite3_column_int64 (stmt, 0);
      link->to_id = sqlite3_column_int64 (stmt, 1);
      link->from_name = vigil_column_dup (stmt, 2);
      link->to_name = vigil_column_dup (stmt, 3);
      link->from_kind = vigil_column_dup (stmt, 4);
      link->to_kind = vigil_column_dup (stmt, 5);
      link->from_criticality = vigil_column_dup (stmt, 6);
      link->to_criticality = vigil_column_dup (stmt, 7);
      link->kind = vigil_column_dup (stmt, 8);
      link->note = vigil_column_dup (stmt, 9);
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

GPtrArray *
vigil_store_list_asset_contacts (VigilStore  *self,
                                 gint64       asset_id,
                                 GError     **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *contacts;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  stmt = vigil_store_prepare (self,
    "SELECT r.role, p.id, p.name, p.title, p.email, p.phone, p.mobile, t.name "
    "FROM (SELECT 0 AS n, 'tech-contact' AS role, tech_contact_id AS pid FROM assets WHERE id = ?1 "
    "      UNION ALL SELECT 1, 'business-owner', business_owner_id FROM assets WHERE id = ?1 "
    "      UNION ALL SELECT 2, 'team-lead', lead_id FROM teams "
    "        WHERE id = (SELECT owner_team_id FROM assets WHERE id = ?1)) r "
    "JOIN people p ON p.id = r.pid LEFT JOIN teams t ON t.id = p.team_id ORDER BY r.n", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, asset_id);

  contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_asset_contact_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilAssetContact *c = g_new0 (VigilAssetContact, 1);

      c->role = vigil_column_dup (stmt, 0);
      c->person_id = sqlite3_column_int64 (stmt, 1);
      c->name = vigil_column_dup (stmt, 2);
      c->title = vigil_column_dup (stmt, 3);
      c->email = vigil_column_dup (stmt, 4);
      c->phone = vigil_column_dup (stmt, 5);
      c->mobile = vigil_column_dup (stmt, 6);
      c->team = vigil_column_dup (stmt, 7);
      g_ptr_array_add (contacts, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      g_ptr_array_unref (contacts);
      return NULL;
    }
  return contacts;
}

GPtrArray *
vigil_store_list_asset_events (VigilStore  *self,
                               gint64       asset_id,
                               GError     **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *events;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  stmt = vigil_store_prepare (self,
    "SELECT 'incident', i.id, i.ref, i.title, i.severity, i.stage, "
    "       coalesce(i.detected_at, i.created_at) AS at, ia.status "
    "FROM incident_assets ia JOIN incidents i ON i.id = ia.incident_id WHERE ia.asset_id = ?1 "
    "UNION ALL "
    "SELECT 'alert', al.id, al.source, al.title, al.severity, al.status, al.last_seen, "
    "       CAST(al.count AS TEXT) "
    "FROM alerts al WHERE al.asset_id = ?1 "
    "   OR (al.asset_id IS NULL AND (al.dst_addr IN (SELECT address FROM asset_addresses WHERE asset_id = ?1) "
    "       OR al.src_addr IN (SELECT address FROM asset_addresses WHERE asset_id = ?1))) "
    "ORDER BY at DESC LIMIT 200", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, asset_id);

  events = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_asset_event_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigilAssetEvent *e = g_new0 (VigilAssetEvent, 1);

      e->kind = vigil_column_dup (stmt, 0);
      e->id = sqlite3_column_int64 (stmt, 1);
      e->ref = vigil_column_dup (stmt, 2);
      e->title = vigil_column_dup (stmt, 3);
      e->severity = vigil_column_dup (stmt, 4);
      e->state = vigil_column_dup (stmt, 5);
      e->at = vigil_column_dup (stmt, 6);
      e->note = vigil_column_dup (stmt, 7);
      g_ptr_array_add (events, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      g_ptr_array_unref (events);
      return NULL;
    }
  return events;
}

/* The organisation ------------------------------------------------------------ */

gint64
vigil_store_lookup_team_id (VigilStore *self,
                            const char *name)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (VIGIL_IS_STORE (self), 0);
  if (name == NULL || *name == '\0')
    return 0;
  stmt = vigil_store_prepare (self, "SELECT id FROM teams WHERE name = ?1 COLLATE NOCASE "
                                    "OR email = ?1 COLLATE NOCASE LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;
  vigil_bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gint64
vigil_store_lookup_person_id (VigilStore *self,
                              const char *key)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int n = 0;

  g_return_val_if_fail (VIGIL_IS_STORE (self), 0);
  if (key == NULL || *key == '\0')
    return 0;

  stmt = vigil_store_prepare (self, "SELECT id FROM people WHERE email = ?1 COLLATE NOCASE "
                                    "UNION ALL SELECT id FROM people WHERE employee_id = ?1 "
                                    "LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;
  vigil_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id > 0)
    return id;

  stmt = vigil_store_prepare (self, "SELECT id FROM people WHERE name = ?1 COLLATE NOCASE "
                                    "ORDER BY active DESC LIMIT 2", NULL);
  if (stmt == NULL)
    return 0;
  vigil_bind_text (stmt, 1, key);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      n++;
    }
  sqlite3_reset (stmt);
  return n > 1 ? -1 : id;
}

/* Imports ---------------------------------------------------------------------- */

/* ["10.0.0.1","10.0.0.2"] from "10.0.0.1 10.0.0.2" */
static char *
addresses_json (const char *addresses)
{
  GString *json = g_string_new ("[");
  gboolean first = TRUE;

  for (const char *p = addresses; *p; )
    {
      const char *end = strchr (p, ' ');
      if (end == NULL)
        end = p + strlen (p);
      if (end > p)
        {
          if (!first)
            g_string_append_c (json, ',');
          first = FALSE;
          g_string_append_c (json, '"');
          for (const char *c = p; c < end; c++)
            {
              if (*c == '"' || *c == '\\')
                g_string_append_printf (json, "\\%c", *c);
              else if ((guchar) *c < 0x20)
                g_string_append_printf (json, "\\u%04x", (guchar) *c);
              else
                g_string_append_c (json, *c);
            }
          g_string_append_c (json, '"');
        }
      p = *end ? end + 1 : end;
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* The triggers that index a new asset for search, one row at a time.  A big
 * import sets them aside inside its transaction and indexes its rows with
 * one INSERT … SELECT per FTS table instead, which FTS5 does in one pass
 * (with a pending-terms buffer large enough for the whole batch) rather
 * than one small segment per row.  The triggers are created again from
 * their own SQL before the commit: a rollback restores them too. */
static const char * const index_triggers[] = { "assets_fts_insert", "assets_meta_fts_insert" };

static GPtrArray *
set_index_triggers_aside (VigilStore  *self,
                          GError     **error)
{
  g_autoptr(GPtrArray) sql = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = vigil_store_prepare (self, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (index_triggers); i++)
    {
      vigil_bind_text (stmt, 1, index_triggers[i]);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (sql, vigil_column_dup (stmt, 0));
      sqlite3_reset (stmt);
    }
  /* a database without them (not Vigil's schema) keeps the slow path */
  if (sql->len != G_N_ELEMENTS (index_triggers))
    return g_ptr_array_new ();
  if (!vigil_store_exec (self, "DROP TRIGGER assets_fts_insert; DROP TRIGGER assets_meta_fts_insert;"
                               "INSERT INTO assets_fts (assets_fts, rank) VALUES ('hashsize', 67108864);"
                               "INSERT INTO assets_meta_fts (assets_meta_fts, rank) VALUES ('hashsize', 67108864);",
                         error))
    return NULL;
  return g_steal_pointer (&sql);
}

/* Indexes the assets with an id above `after`, as the triggers would have,
 * and puts the triggers back. */
static gboolean
index_and_restore_triggers (VigilStore  *self,
                            GPtrArray   *triggers,
                            gint64       after,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  if (triggers->len == 0)
    return TRUE;
  stmt = vigil_store_prepare (self,
                              "INSERT INTO assets_fts (rowid, name, hostname, addresses, description) "
                              "SELECT id, name, hostname, addresses, description FROM assets "
                              "WHERE id > ?1 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, after);
  if (!vigil_store_step_done (self, stmt, error))
    return FALSE;
  stmt = vigil_store_prepare (self,
                              "INSERT INTO assets_meta_fts (rowid, kind, location, environment, status, "
                              "criticality, owner_team, tech_contact, business_owner) "
                              "SELECT a.id, a.kind, a.location, a.environment, a.status, a.criticality, "
                              "t.name, p.name, b.name FROM assets a "
                              "LEFT JOIN teams t ON t.id = a.owner_team_id "
                              "LEFT JOIN people p ON p.id = a.tech_contact_id "
                              "LEFT JOIN people b ON b.id = a.business_owner_id "
                              "WHERE a.id > ?1 ORDER BY a.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, after);
  if (!vigil_store_step_done (self, stmt, error))
    return FALSE;
  /* the default pending-terms buffer for the row-by-row writes that follow */
  if (!vigil_store_exec (self, "INSERT INTO assets_fts (assets_fts, rank) VALUES ('hashsize', 1048576);"
                               "INSERT INTO assets_meta_fts (assets_meta_fts, rank) VALUES ('hashsize', 1048576);",
                         error))
    return FALSE;
  for (guint i = 0; i < triggers->len; i++)
    if (!vigil_store_exec (self, g_ptr_array_index (triggers, i), error))
      return FALSE;
  return TRUE;
}

/* New assets of an import in three statements through a TEMP staging table:
 * one INSERT … SELECT costs one statement journal and one pass of each
 * index, where one INSERT per row costs 20,000 of them; and with the search
 * triggers set aside, FTS5 indexes all the rows in one pass. */
static gboolean
bulk_insert (VigilStore              *self,
             const VigilAssetFields  *rows,
             guint                    n_rows,
             const gboolean          *bulk,
             const char              *now,
             GHashTable              *existing,
             GStringChunk            *names,
             GError                 **error)
{
  g_autoptr(GPtrArray) triggers = NULL;
  sqlite3_stmt *stage, *stmt;
  gint64 after;
  int rc;

  if (!vigil_store_exec (self, "CREATE TEMP TABLE IF NOT EXISTS asset_import (name TEXT, kind TEXT, "
                               "hostname TEXT, addresses TEXT, owner_team_id INTEGER, "
                               "tech_contact_id INTEGER, business_owner_id INTEGER, criticality TEXT, "
                               "environment TEXT, location TEXT, status TEXT, description TEXT, "
                               "addr_json TEXT); DELETE FROM temp.asset_import;", error))
    return FALSE;
  stage = vigil_store_prepare (self, "INSERT INTO temp.asset_import VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                                     "?8, ?9, ?10, ?11, ?12, ?13)", error);
  if (stage == NULL)
    return FALSE;
  for (guint i = 0; i < n_rows; i++)
    {
      const VigilAssetFields *f = &rows[i];
      g_autofree char *addresses = NULL;
      g_autofree char *json = NULL;

      if (!bulk[i])
        continue;
      addresses = normalize_addresses (f->addresses);
      json = *addresses ? addresses_json (addresses) : NULL;
      vigil_bind_text (stage, 1, f->name);
      vigil_bind_text (stage, 2, f->kind);
      vigil_bind_text (stage, 3, f->hostname);
      vigil_bind_text (stage, 4, addresses);
      vigil_bind_id (stage, 5, f->owner_team_id);
      vigil_bind_id (stage, 6, f->tech_contact_id);
      vigil_bind_id (stage, 7, f->business_owner_id);
      vigil_bind_text (stage, 8, f->criticality);
      vigil_bind_text (stage, 9, f->environment);
      vigil_bind_text (stage, 10, f->location);
      vigil_bind_text (stage, 11, f->status);
      vigil_bind_text (stage, 12, f->description);
      vigil_bind_text (stage, 13, json);
      if (!vigil_store_step_done (self, stage, error))
        return FALSE;
    }

  after = vigil_store_query_int (self, "SELECT coalesce(max(id), 0) FROM assets", error);
  if (after < 0)
    return FALSE;
  triggers = set_index_triggers_aside (self, error);
  if (triggers == NULL)
    return FALSE;
  stmt = vigil_store_prepare (self,
                              "INSERT INTO assets (name, kind, hostname, addresses, owner_team_id, "
                              "tech_contact_id, business_owner_id, criticality, environment, location, "
                              "status, description, created_at, updated_at) "
                              "SELECT name, coalesce(nullif(kind, ''), 'server'), nullif(hostname, ''), "
                              "addresses, owner_team_id, tech_contact_id, business_owner_id, "
                              "coalesce(criticality, 'medium'), coalesce(nullif(environment, ''), 'production'), "
                              "coalesce(location, ''), coalesce(nullif(status, ''), 'active'), "
                              "coalesce(description, ''), ?1, ?1 FROM temp.asset_import ORDER BY rowid", error);
  if (stmt == NULL)
    return FALSE;
  vigil_bind_text (stmt, 1, now);
  if (!vigil_store_step_done (self, stmt, error))
    return FALSE;
  if (!index_and_restore_triggers (self, triggers, after, error))
    return FALSE;
  if (!vigil_store_exec (self, "INSERT OR IGNORE INTO asset_addresses (asset_id, address) "
                               "SELECT a.id, j.value FROM temp.asset_import s "
                               "JOIN assets a ON a.name = s.name, json_each(s.addr_json) j "
                               "WHERE s.addr_json IS NOT NULL", error))
    return FALSE;

  stmt = vigil_store_prepare (self, "SELECT a.id, a.name FROM temp.asset_import s "
                                    "JOIN assets a ON a.name = s.name", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (existing,
                         g_string_chunk_insert (names, (const char *) sqlite3_column_text (stmt, 1)),
                         GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      return FALSE;
    }
  return vigil_store_exec (self, "DELETE FROM temp.asset_import", error);
}

gboolean
vigil_store_upsert_assets (VigilStore              *self,
                           const VigilAssetFields  *rows,
                           guint                    n_rows,
                           guint                   *n_created,
                           guint                   *n_updated,
                           GError                 **error)
{
  g_autoptr(GHashTable) existing = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStringChunk) names = g_string_chunk_new (4096);
  g_autofree char *now = vigil_time_now_iso ();
  sqlite3_stmt *insert, *update, *del_addr, *add_addr, *list;
  guint created = 0, updated = 0;
  gint64 old_cache = 0;
  g_autofree gboolean *bulk = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (rows != NULL || n_rows == 0, FALSE);

  for (guint i = 0; i < n_rows; i++)
    if (!validate_fields (&rows[i], TRUE, error))
      return FALSE;

  /* A big import in one transaction: with the default 2 MB page cache
   * SQLite spills and rewrites pages in the WAL over and over; a larger
   * cache for the import keeps them in memory until the commit. */
  if (n_rows > 1000 && !vigil_store_in_transaction (self))
    {
      old_cache = vigil_store_query_int (self, "PRAGMA cache_size", NULL);
      vigil_store_exec (self, "PRAGMA cache_size = -131072", NULL);
    }

  if (!vigil_store_begin (self, error))
    goto restore;

  /* every existing name once: cheaper than a lookup per row */
  list = vigil_store_prepare (self, "SELECT id, name FROM assets", error);
  if (list == NULL)
    goto fail;
  while ((rc = sqlite3_step (list)) == SQLITE_ROW)
    g_hash_table_insert (existing,
                         g_string_chunk_insert (names, (const char *) sqlite3_column_text (list, 1)),
                         GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (list, 0)));
  sqlite3_reset (list);
  if (rc != SQLITE_DONE)
    {
      vigil_store_set_error (self, error, rc, NULL);
      goto fail;
    }

  insert = vigil_store_prepare (self,
                                "INSERT INTO assets (name, kind, hostname, addresses, owner_team_id, "
                                "tech_contact_id, business_owner_id, criticality, environment, "
                                "location, status, description, created_at, updated_at) "
                                "VALUES (?1, coalesce(nullif(?2, ''), 'server'), nullif(?3, ''), ?4, ?5, ?6, ?7, "
                                "coalesce(?8, 'medium'), coalesce(nullif(?9, ''), 'production'), "
                                "coalesce(?10, ''), coalesce(nullif(?11, ''), 'active'), coalesce(?12, ''), "
                                "?13, ?13)", error);
  update = vigil_store_prepare (self,
                                "UPDATE assets SET kind = coalesce(nullif(?2, ''), kind), "
                                "hostname = coalesce(nullif(?3, ''), hostname), "
                                "addresses = coalesce(?4, addresses), "
                                "owner_team_id = coalesce(?5, owner_team_id), "
                                "tech_contact_id = coalesce(?6, tech_contact_id), "
                                "business_owner_id = coalesce(?7, business_owner_id), "
                                "criticality = coalesce(?8, criticality), "
                                "environment = coalesce(nullif(?9, ''), environment), "
                                "location = coalesce(?10, location), "
                                "status = coalesce(nullif(?11, ''), status), "
                                "description = coalesce(?12, description), updated_at = ?13 "
                                "WHERE id = ?1", error);
  del_addr = vigil_store_prepare (self, "DELETE FROM asset_addresses WHERE asset_id = ?1", error);
  add_addr = vigil_store_prepare (self, "INSERT OR IGNORE INTO asset_addresses (asset_id, address) "
                                        "VALUES (?1, ?2)", error);
  if (insert == NULL || update == NULL || del_addr == NULL || add_addr == NULL)
    goto fail;

  /* rows with a new name (its first occurrence in the batch) go in bulk */
  bulk = g_new0 (gboolean, MAX (n_rows, 1));
  {
    g_autoptr(GHashTable) batch = g_hash_table_new (g_str_hash, g_str_equal);
    guint n_bulk = 0;

    for (guint i = 0; i < n_rows; i++)
      if (!g_hash_table_contains (existing, rows[i].name) && !g_hash_table_contains (batch, rows[i].name))
        {
          g_hash_table_add (batch, (gpointer) rows[i].name);
          bulk[i] = TRUE;
          n_bulk++;
        }
    if (n_bulk > 0 && !bulk_insert (self, rows, n_rows, bulk, now, existing, names, error))
      goto fail;
    created += n_bulk;
  }

  for (guint i = 0; i < n_rows; i++)
    {
      const VigilAssetFields *f = &rows[i];
      g_autofree char *addresses = NULL;
      gint64 id;
      sqlite3_stmt *stmt;

      if (bulk[i])
        continue;
      addresses = f->addresses ? normalize_addresses (f->addresses) : NULL;
      id = GPOINTER_TO_SIZE (g_hash_table_lookup (existing, f->name));
      stmt = id > 0 ? update : insert;

      if (id > 0)
        sqlite3_bind_int64 (stmt, 1, id);
      else
        vigil_bind_text (stmt, 1, f->name);
      vigil_bind_text (stmt, 2, f->kind);
      vigil_bind_text (stmt, 3, f->hostname);
      vigil_bind_text (stmt, 4, id > 0 ? addresses : (addresses ? addresses : ""));
      vigil_bind_id (stmt, 5, f->owner_team_id);
      vigil_bind_id (stmt, 6, f->tech_contact_id);
      vigil_bind_id (stmt, 7, f->business_owner_id);
      vigil_bind_text (stmt, 8, f->criticality);
      vigil_bind_text (stmt, 9, f->environment);
      vigil_bind_text (stmt, 10, f->location);
      vigil_bind_text (stmt, 11, f->status);
      vigil_bind_text (stmt, 12, f->description);
      vigil_bind_text (stmt, 13, now);
      if (!vigil_store_step_done (self, stmt, error))
        goto fail;

      if (id > 0)
        {
          updated++;
          if (addresses != NULL)
            {
              sqlite3_bind_int64 (del_addr, 1, id);
              if (!vigil_store_step_done (self, del_addr, error))
                goto fail;
            }
        }
      else
        {
          id = sqlite3_last_insert_rowid (vigil_store_get_db (self));
          g_hash_table_insert (existing, g_string_chunk_insert (names, f->name),
                               GSIZE_TO_POINTER ((gsize) id));
          created++;
        }

      if (addresses != NULL && *addresses != '\0')
        {
          char *p = addresses;

          while (p != NULL && *p)
            {
              char *space = strchr (p, ' ');
              if (space)
                *space = '\0';
              sqlite3_bind_int64 (add_addr, 1, id);
              sqlite3_bind_text (add_addr, 2, p, -1, SQLITE_STATIC);
              if (!vigil_store_step_done (self, add_addr, error))
                goto fail;
              p = space ? space + 1 : NULL;
            }
        }
    }

  vigil_store_notify (self, VIGIL_KIND_ASSET, 0);
  if (!vigil_store_commit (self, error))
    goto fail;
  if (n_created)
    *n_created = created;
  if (n_updated)
    *n_updated = updated;
  ok = TRUE;
  goto restore;

fail:
  vigil_store_rollback (self);
restore:
  if (old_cache != 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" PRId64, old_cache);
      vigil_store_exec (self, sql, NULL);
    }
  return ok;
}
