/* test-assets.c — assets: create, edit, addresses, filter and sort in SQL,
 * dependencies, contacts, the incidents and alerts that touched them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-store-assets.h"
#include "vigil-store-private.h"
#include "vigil-test-util.h"

static void
seed_org (VigilStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vigil_store_exec (store,
    "INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES "
    " (1, 'Infrastructure', 'it', 'x', 'x'), (2, 'Finance', 'business', 'x', 'x');"
    "INSERT INTO people (id, employee_id, name, team_id, email, phone, created_at, updated_at) VALUES "
    " (1, 'E100', 'Ada Lovelace', 1, 'ada@example.org', '+1 555 0100', 'x', 'x'),"
    " (2, 'E200', 'Grace Hopper', 2, 'grace@example.org', '+1 555 0200', 'x', 'x'),"
    " (3, 'E300', 'Alan Turing', 1, 'alan@example.org', NULL, 'x', 'x'),"
    " (4, 'E301', 'Alan Turing', 2, 'alan2@example.org', NULL, 'x', 'x');"
    "UPDATE teams SET lead_id = 3 WHERE id = 1;", &error));
  g_assert_no_error (error);
}

static gint64
add (VigilStore *store,
     const char *name,
     const char *addresses,
     const char *criticality)
{
  g_autoptr(GError) error = NULL;
  VigilAssetFields f = { .name = name, .addresses = addresses, .criticality = criticality };
  gint64 id = vigil_store_create_asset (store, &f, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_create_edit (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilAsset) asset = NULL;
  VigilAssetFields f = { 0 };
  gint64 id;

  seed_org (store);
  f.name = "  mail-01  ";
  f.kind = "server";
  f.addresses = "10.0.0.5, 10.0.0.6;10.0.0.5";
  f.owner_team_id = 1;
  f.tech_contact_id = 1;
  f.business_owner_id = 2;
  f.criticality = "high";
  id = vigil_store_create_asset (store, &f, &error);
  g_assert_no_error (error);

  asset = vigil_store_get_asset (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vigil_asset_get_name (asset), ==, "mail-01");
  g_assert_cmpstr (vigil_asset_get_addresses (asset), ==, "10.0.0.5 10.0.0.6");
  g_assert_cmpstr (vigil_asset_get_owner_team_name (asset), ==, "Infrastructure");
  g_assert_cmpstr (vigil_asset_get_tech_contact_name (asset), ==, "Ada Lovelace");
  g_assert_cmpstr (vigil_asset_get_business_owner_name (asset), ==, "Grace Hopper");
  g_assert_cmpint (vigil_store_query_int (store, "SELECT count(*) FROM asset_addresses", NULL), ==, 2);

  /* addresses stay in step with the rows of asset_addresses */
  {
    VigilAssetFields edit = { .addresses = "192.0.2.1", .tech_contact_id = -1, .criticality = "critical" };
    g_assert_true (vigil_store_update_asset (store, id, &edit, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&asset);
  asset = vigil_store_find_asset (store, "MAIL-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vigil_asset_get_addresses (asset), ==, "192.0.2.1");
  g_assert_cmpstr (vigil_asset_get_criticality (asset), ==, "critical");
  g_assert_cmpint (vigil_asset_get_tech_contact_id (asset), ==, 0);
  g_assert_cmpstr (vigil_asset_get_business_owner_name (asset), ==, "Grace Hopper");
  g_assert_cmpint (vigil_store_query_int (store, "SELECT count(*) FROM asset_addresses "
                                                 "WHERE address = '192.0.2.1'", NULL), ==, 1);
  g_assert_cmpint (vigil_store_query_int (store, "SELECT count(*) FROM asset_addresses", NULL), ==, 1);
  g_clear_object (&asset);
  asset = vigil_store_find_asset (store, "192.0.2.1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (vigil_asset_get_id (asset), ==, id);

  /* bad input */
  {
    VigilAssetFields bad = { .name = "mail-01" };
    g_assert_cmpint (vigil_store_create_asset (store, &bad, &error), ==, 0);
    g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT);
    g_clear_error (&error);
    bad.name = "   ";
    g_assert_cmpint (vigil_store_create_asset (store, &bad, &error), ==, 0);
    g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
    g_clear_error (&error);
    bad.name = "x";
    bad.criticality = "urgent";
    g_assert_cmpint (vigil_store_create_asset (store, &bad, &error), ==, 0);
    g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
    g_clear_error (&error);
  }
  g_assert_cmpint (vigil_store_count (store, VIGIL_KIND_ASSET), ==, 1);

  g_assert_true (vigil_store_delete_asset (store, id, &error));
  g_assert_cmpint (vigil_store_query_int (store, "SELECT count(*) FROM asset_addresses", NULL), ==, 0);
}

static GArray *
list (VigilStore     *store,
      const char     *filter,
      VigilAssetSort  sort,
      gboolean        desc)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = vigil_store_list_asset_ids (store, filter, sort, desc, &error);
  g_assert_no_error (error);
  return ids;
}

static void
test_filter_sort (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 web, db, fw;
  GArray *ids;

  seed_org (store);
  web = add (store, "web-frontend", "10.1.0.10", "medium");
  db = add (store, "db-primary", "10.1.0.20 10.1.0.21", "critical");
  fw = add (store, "Firewall <edge> & co", "", "low");
  {
    VigilAssetFields f = { .owner_team_id = 2, .tech_contact_id = 1, .location = "Paris DC2" };
    g_assert_true (vigil_store_update_asset (store, db, &f, &error));
  }

  ids = list (store, NULL, VIGIL_ASSET_SORT_NAME, FALSE);
  g_assert_cmpint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, db);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, fw);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, web);
  g_array_unref (ids);

  ids = list (store, NULL, VIGIL_ASSET_SORT_CRITICALITY, FALSE);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, db);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, fw);
  g_array_unref (ids);
  ids = list (store, NULL, VIGIL_ASSET_SORT_NAME, TRUE);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, web);
  g_array_unref (ids);

  /* prefix words over name, address, team, contact, location */
  {
    const struct { const char *filter; gint64 expect; guint n; } cases[] = {
      { "web", 0, 1 }, { "db-pri", 0, 1 }, { "10.1.0.2", 0, 1 }, { "10.1", 0, 2 },
      { "finance", 0, 1 }, { "lovelace", 0, 1 }, { "paris", 0, 1 }, { "<edge>", 0, 1 },
      { "critical", 0, 1 }, { "nothing-like-this", 0, 0 }, { "\"", 0, 0 }, { "%", 0, 0 },
      { "web 10.1", 0, 1 },
    };
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        ids = list (store, cases[i].filter, VIGIL_ASSET_SORT_NAME, FALSE);
        g_test_message ("filter %s", cases[i].filter);
        g_assert_cmpint (ids->len, ==, cases[i].n);
        g_array_unref (ids);
      }
  }
  /* a renamed team or person is found under the new name */
  g_assert_true (vigil_store_exec (store, "UPDATE teams SET name = 'Treasury' WHERE id = 2;"
                                          "UPDATE people SET name = 'Ada King' WHERE id = 1;", &error));
  ids = list (store, "treasury", VIGIL_ASSET_SORT_NAME, FALSE);
  g_assert_cmpint (ids->len, ==, 1);
  g_array_unref (ids);
  ids = list (store, "king", VIGIL_ASSET_SORT_NAME, FALSE);
  g_assert_cmpint (ids->len, ==, 1);
  g_array_unref (ids);
  ids = list (store, "finance", VIGIL_ASSET_SORT_NAME, FALSE);
  g_assert_cmpint (ids->len, ==, 0);
  g_array_unref (ids);

  for (guint s = 0; s < VIGIL_N_ASSET_SORTS; s++)
    {
      ids = list (store, "10", s, s % 2);
      g_assert_cmpint (ids->len, ==, 2);
      g_array_unref (ids);
    }
}

/* The orders the filter keeps between keystrokes follow every write: on the
 * same connection (create, rename, delete, a team renamed) and by another
 * connection (another process or a worker thread). */
static void
test_filter_cache (void)
{
  g_autofree char *path = vigil_test_db_path ();
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilStore) other = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ids;
  gint64 b, c;

  store = vigil_store_open (path, VIGIL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  seed_org (store);
  b = add (store, "bravo", "10.0.0.2", NULL);
  ids = list (store, "", VIGIL_ASSET_SORT_NAME, FALSE);
  g_assert_cmpint (ids->len, ==, 1);
  g_array_unref (ids);

  /* a new asset, then a rename that changes the order */
  c = add (store, "charlie", "10.0.0.3", NULL);
  ids = list (store, "10.0", VIGIL_ASSET_SORT_NAME, FALSE);
  g_assert_cmpint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, b);
  g_array_unref (ids);
  {
    VigilAssetFields f = { .name = "alpha" };
    g_assert_true (vigil_store_update_asset (store, c, &f, &error));
  }
  ids = list (store, "10.0", VIGIL_ASSET_SORT_NAME, FALSE);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, c);
  g_array_unref (ids);
  ids = list (store, "charlie", VIGIL_ASSET_SORT_NAME, FALSE);
  g_assert_cmpint (ids->len, ==, 0);
  g_array_unref (ids);

  /* the team sort follows a renamed team */
  {
    VigilAssetFields f = { .owner_team_id = 1 };
    g_assert_true (vigil_store_update_asset (store, b, &f, &error));
    f.owner_team_id = 2;
    g_assert_true (vigil_store_update_asset (store, c, &f, &error));
  }
  ids = list (store, NULL, VIGIL_ASSET_SORT_OWNER_TEAM, FALSE);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, c);  /* Finance < Infrastructure */
  g_array_unref (ids);
  g_assert_true (vigil_store_exec (store, "UPDATE teams SET name = 'Treasury' WHERE id = 2", &error));
  ids = list (store, NULL, VIGIL_ASSET_SORT_OWNER_TEAM, FALSE);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, b);
  g_array_unref (ids);

  /* written by another connection */
  other = vigil_store_open (path, VIGIL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  add (other, "delta", "10.0.0.4", NULL);
  ids = list (store, "10.0", VIGIL_ASSET_SORT_NAME, FALSE);
  g_assert_cmpint (ids->len, ==, 3);
  g_array_unref (ids);
  g_assert_true (vigil_store_delete_asset (other, b, &error));
  ids = list (store, "10.0", VIGIL_ASSET_SORT_NAME, FALSE);
  g_assert_cmpint (ids->len, ==, 2);
  g_array_unref (ids);

  /* several words: each one matches somewhere, the rows that match all */
  ids = list (store, "delta 10.0.0", VIGIL_ASSET_SORT_NAME, FALSE);
  g_assert_cmpint (ids->len, ==, 1);
  g_array_unref (ids);
  ids = list (store, "delta treasury", VIGIL_ASSET_SORT_NAME, FALSE);
  g_assert_cmpint (ids->len, ==, 0);
  g_array_unref (ids);
  ids = list (store, "alpha treasury", VIGIL_ASSET_SORT_NAME, TRUE);
  g_assert_cmpint (ids->len, ==, 1);
  g_array_unref (ids);
}

static void
test_links_contacts_events (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) events = NULL;
  gint64 app, db, host, far;

  seed_org (store);
  app = add (store, "erp-app", "10.2.0.1", NULL);
  db = add (store, "erp-db", "10.2.0.2", NULL);
  host = add (store, "esx-07", "10.2.0.100", NULL);
  far = add (store, "san-01", NULL, NULL);

  g_assert_true (vigil_store_link_assets (store, app, db, VIGIL_ASSET_DEPENDS_ON, NULL, &error));
  g_assert_true (vigil_store_link_assets (store, app, host, VIGIL_ASSET_HOSTED_ON, "vm", &error));
  g_assert_true (vigil_store_link_assets (store, db, host, VIGIL_ASSET_HOSTED_ON, NULL, &error));
  g_assert_true (vigil_store_link_assets (store, host, far, VIGIL_ASSET_CONNECTS_TO, NULL, &error));
  /* twice is fine; itself or an unknown kind are not */
  g_assert_true (vigil_store_link_assets (store, app, db, VIGIL_ASSET_DEPENDS_ON, NULL, &error));
  g_assert_false (vigil_store_link_assets (store, app, app, VIGIL_ASSET_DEPENDS_ON, NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (vigil_store_link_assets (store, app, db, "likes", NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);

  links = vigil_store_list_asset_links (store, app, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (links->len, ==, 3);  /* app→db, app→host, db→host */
  g_clear_pointer (&links, g_ptr_array_unref);
  links = vigil_store_list_asset_links (store, app, 2, &error);
  g_assert_cmpint (links->len, ==, 4);
  g_clear_pointer (&links, g_ptr_array_unref);
  g_assert_true (vigil_store_unlink_assets (store, host, far, NULL, &error));
  links = vigil_store_list_asset_links (store, app, 2, &error);
  g_assert_cmpint (links->len, ==, 3);

  /* contacts: people with phone and email, and the owner team's lead */
  {
    VigilAssetFields f = { .owner_team_id = 1, .tech_contact_id = 1, .business_owner_id = 2 };
    g_assert_true (vigil_store_update_asset (store, app, &f, &error));
  }
  contacts = vigil_store_list_asset_contacts (store, app, &error);
  g_assert_no_error (error);
  g_assert_cmpint (contacts->len, ==, 3);
  {
    VigilAssetContact *c = g_ptr_array_index (contacts, 0);
    g_assert_cmpstr (c->role, ==, "tech-contact");
    g_assert_cmpstr (c->email, ==, "ada@example.org");
    g_assert_cmpstr (c->phone, ==, "+1 555 0100");
    c = g_ptr_array_index (contacts, 2);
    g_assert_cmpstr (c->role, ==, "team-lead");
    g_assert_cmpstr (c->name, ==, "Alan Turing");
  }

  /* the incidents and alerts that touched it: linked, or by address */
  g_assert_true (vigil_store_exec (store,
    "INSERT INTO incidents (id, ref, title, created_at, updated_at) "
    "  VALUES (1, 'INC-2026-0001', 'ERP outage', 'x', 'x');"
    "INSERT INTO incident_assets (incident_id, asset_id, status) VALUES (1, 1, 'compromised');"
    "INSERT INTO alerts (source, dedup_key, title, dst_addr, first_seen, last_seen, created_at, updated_at) "
    "  VALUES ('suricata', 'k1', 'ET SCAN', '10.2.0.1', 'a', 'a', 'a', 'a'),"
    "         ('suricata', 'k2', 'other host', '10.9.9.9', 'a', 'a', 'a', 'a');", &error));
  g_assert_no_error (error);
  events = vigil_store_list_asset_events (store, app, &error);
  g_assert_no_error (error);
  g_assert_cmpint (events->len, ==, 2);

  /* lookups */
  g_assert_cmpint (vigil_store_lookup_person_id (store, "ADA@example.org"), ==, 1);
  g_assert_cmpint (vigil_store_lookup_person_id (store, "E200"), ==, 2);
  g_assert_cmpint (vigil_store_lookup_person_id (store, "grace hopper"), ==, 2);
  g_assert_cmpint (vigil_store_lookup_person_id (store, "Alan Turing"), ==, -1);
  g_assert_cmpint (vigil_store_lookup_person_id (store, "Nobody"), ==, 0);
  g_assert_cmpint (vigil_store_lookup_team_id (store, "finance"), ==, 2);
}

static void
count_changed (VigilStore *store,
               const char *kind,
               gint64      id,
               guint      *n)
{
  (*n)++;
}

/* The rules the dependency dialog shows inline, and the store enforces */
static void
test_link_rules (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) links = NULL;
  gint64 app, vm, host, fw;
  guint n = 0;

  app = add (store, "crm <app> & co", NULL, NULL);
  vm = add (store, "vm-12", NULL, NULL);
  host = add (store, "esx-01", NULL, NULL);
  fw = add (store, "fw-edge", NULL, NULL);

  g_assert_true (vigil_store_check_asset_link (store, app, vm, VIGIL_ASSET_HOSTED_ON, &error));
  g_assert_no_error (error);
  g_signal_connect (store, "changed::asset", G_CALLBACK (count_changed), &n);
  g_assert_true (vigil_store_add_asset_link (store, app, vm, VIGIL_ASSET_HOSTED_ON, "guest", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);  /* both ends */
  g_assert_true (vigil_store_add_asset_link (store, vm, host, VIGIL_ASSET_HOSTED_ON, NULL, &error));

  /* itself */
  g_assert_false (vigil_store_check_asset_link (store, app, app, VIGIL_ASSET_DEPENDS_ON, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (vigil_store_add_asset_link (store, app, app, VIGIL_ASSET_DEPENDS_ON, NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  /* an unknown kind, an unknown asset */
  g_assert_false (vigil_store_check_asset_link (store, app, vm, "likes", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (vigil_store_check_asset_link (store, app, 999, VIGIL_ASSET_DEPENDS_ON, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* twice: the message names both, literally */
  g_assert_false (vigil_store_check_asset_link (store, app, vm, VIGIL_ASSET_HOSTED_ON, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "crm <app> & co"));
  g_assert_nonnull (strstr (error->message, "vm-12"));
  g_clear_error (&error);
  g_assert_false (vigil_store_add_asset_link (store, app, vm, VIGIL_ASSET_HOSTED_ON, NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT);
  g_clear_error (&error);
  /* the same pair with another kind is another link */
  g_assert_true (vigil_store_check_asset_link (store, app, vm, VIGIL_ASSET_DEPENDS_ON, &error));
  /* hosting cannot go round, directly or through another host */
  g_assert_false (vigil_store_check_asset_link (store, vm, app, VIGIL_ASSET_HOSTED_ON, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (vigil_store_add_asset_link (store, host, app, VIGIL_ASSET_HOSTED_ON, NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED);
  g_clear_error (&error);
  /* mutual dependencies exist (a directory and its DNS): allowed */
  g_assert_true (vigil_store_add_asset_link (store, app, fw, VIGIL_ASSET_DEPENDS_ON, NULL, &error));
  g_assert_true (vigil_store_add_asset_link (store, fw, app, VIGIL_ASSET_DEPENDS_ON, NULL, &error));
  g_assert_no_error (error);
  /* a connection is one link whichever end it is recorded from */
  g_assert_true (vigil_store_add_asset_link (store, fw, host, VIGIL_ASSET_CONNECTS_TO, NULL, &error));
  g_assert_false (vigil_store_check_asset_link (store, host, fw, VIGIL_ASSET_CONNECTS_TO, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT);
  g_clear_error (&error);
  /* vigilctl's link stays idempotent: no error, no second row */
  g_assert_true (vigil_store_link_assets (store, host, fw, VIGIL_ASSET_CONNECTS_TO, NULL, &error));
  g_assert_true (vigil_store_link_assets (store, app, vm, VIGIL_ASSET_HOSTED_ON, "moved", &error));
  g_assert_no_error (error);
  g_assert_false (vigil_store_link_assets (store, host, app, VIGIL_ASSET_HOSTED_ON, NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_cmpint (vigil_store_query_int (store, "SELECT count(*) FROM asset_dependencies", NULL), ==, 5);
  g_assert_cmpint (vigil_store_query_int (store, "SELECT note = 'moved' FROM asset_dependencies "
                                                 "WHERE kind = 'hosted-on' AND to_id = 2", NULL), ==, 1);

  /* removed, then added back (the page's Undo) */
  g_assert_true (vigil_store_unlink_assets (store, app, vm, VIGIL_ASSET_HOSTED_ON, &error));
  g_assert_true (vigil_store_add_asset_link (store, app, vm, VIGIL_ASSET_HOSTED_ON, "moved", &error));
  g_assert_no_error (error);
  links = vigil_store_list_asset_links (store, app, 1, &error);
  g_assert_cmpint (links->len, ==, 3);
}

static void
test_upsert_signal (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  VigilAssetFields rows[3] = {
    { .name = "a", .addresses = "10.0.0.1" },
    { .name = "b" },
    { .name = "a", .criticality = "high" },
  };
  guint created = 0, updated = 0, n = 0;

  g_signal_connect (store, "changed::asset", G_CALLBACK (count_changed), &n);
  g_assert_true (vigil_store_upsert_assets (store, rows, 3, &created, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (created, ==, 2);
  g_assert_cmpuint (updated, ==, 1);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (vigil_store_query_int (store, "SELECT count(*) FROM asset_addresses", NULL), ==, 1);
  g_assert_cmpint (vigil_store_query_int (store, "SELECT criticality = 'high' FROM assets "
                                                 "WHERE name = 'a'", NULL), ==, 1);

  /* all or nothing */
  rows[1].criticality = "bogus";
  g_assert_false (vigil_store_upsert_assets (store, rows, 3, NULL, NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_assert_cmpint (vigil_store_count (store, VIGIL_KIND_ASSET), ==, 2);
}

/* A big import indexes its rows for search in one pass, with the insert
 * triggers set aside in its transaction: afterwards every row is found and
 * the triggers are back, and a failed import leaves them in place too. */
static void
test_bulk_index (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (VigilAssetFields));
  g_autoptr(GStringChunk) strings = g_string_chunk_new (4096);
  guint created = 0;
  GArray *ids;

  seed_org (store);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("node-%03u", i);
      g_autofree char *address = g_strdup_printf ("10.7.%u.%u", i / 256, i % 256);
      VigilAssetFields f = { .name = g_string_chunk_insert (strings, name),
                             .addresses = g_string_chunk_insert (strings, address),
                             .owner_team_id = 1 + i % 2, .tech_contact_id = 1, .location = "Lyon" };
      g_array_append_val (rows, f);
    }

  /* a row the database refuses (no team 999): nothing written, triggers kept */
  g_array_index (rows, VigilAssetFields, 299).owner_team_id = 999;
  g_assert_false (vigil_store_upsert_assets (store, (VigilAssetFields *) (gpointer) rows->data, rows->len,
                                             NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (vigil_store_count (store, VIGIL_KIND_ASSET), ==, 0);
  g_assert_cmpint (vigil_store_query_int (store, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                                 "AND name IN ('assets_fts_insert', 'assets_meta_fts_insert')",
                                          NULL), ==, 2);

  g_array_index (rows, VigilAssetFields, 299).owner_team_id = 2;
  g_assert_true (vigil_store_upsert_assets (store, (VigilAssetFields *) (gpointer) rows->data, rows->len,
                                            &created, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (created, ==, 300);
  g_assert_cmpint (vigil_store_query_int (store, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                                 "AND name IN ('assets_fts_insert', 'assets_meta_fts_insert')",
                                          NULL), ==, 2);
  /* by its own text, by its team and contact, by address */
  ids = list (store, "node", VIGIL_ASSET_SORT_NAME, FALSE);
  g_assert_cmpint (ids->len, ==, 300);
  g_array_unref (ids);
  ids = list (store, "finance lovelace lyon", VIGIL_ASSET_SORT_NAME, FALSE);
  g_assert_cmpint (ids->len, ==, 150);
  g_array_unref (ids);
  ids = list (store, "10.7.0.200", VIGIL_ASSET_SORT_NAME, FALSE);
  g_assert_cmpint (ids->len, ==, 1);
  g_array_unref (ids);
  g_assert_cmpint (vigil_store_query_int (store, "SELECT count(*) FROM asset_addresses", NULL), ==, 300);
  /* the triggers work again for the next asset */
  add (store, "after-import", "10.8.0.1", NULL);
  ids = list (store, "after", VIGIL_ASSET_SORT_NAME, FALSE);
  g_assert_cmpint (ids->len, ==, 1);
  g_array_unref (ids);
}

int
main (int    argc,
      char **argv)
{
  vigil_test_init (&argc, &argv);
  g_test_add_func ("/assets/create-edit", test_create_edit);
  g_test_add_func ("/assets/filter-sort", test_filter_sort);
  g_test_add_func ("/assets/filter-cache", test_filter_cache);
  g_test_add_func ("/assets/links-contacts-events", test_links_contacts_events);
  g_test_add_func ("/assets/link-rules", test_link_rules);
  g_test_add_func ("/assets/upsert-signal", test_upsert_signal);
  g_test_add_func ("/assets/bulk-index", test_bulk_index);
  return g_test_run ();
}
