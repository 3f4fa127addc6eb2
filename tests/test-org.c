/* test-org.c — people and teams: create, edit, search, cycles, who to call
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-org-chart.h"
#include "vigil-store-demo.h"
#include "vigil-store-org.h"
#include "vigil-store-private.h"
#include "vigil-test-util.h"

static gint64
add_person (VigilStore *store,
            const char *employee_id,
            const char *name,
            gint64      team,
            gint64      manager,
            const char *role)
{
  g_autoptr(VigilPerson) p = vigil_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  p->employee_id = g_strdup (employee_id);
  p->name = g_strdup (name);
  p->title = g_strdup ("Title of <b>" );
  p->team_id = team;
  p->manager_id = manager;
  if (role != NULL)
    p->roles = g_strsplit (role, " ", -1);
  id = vigil_store_create_person (store, p, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_people_and_teams (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(VigilTeam) team = vigil_team_new ();
  g_autoptr(VigilPerson) p = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GError) error = NULL;
  gint64 team_id, ceo, ciso, analyst;

  team->name = g_strdup ("SOC");
  g_free (team->kind);
  team->kind = g_strdup ("nonsense");
  g_assert_cmpint (vigil_store_create_team (store, team, &error), ==, 0);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  g_free (team->kind);
  team->kind = g_strdup ("security");
  team_id = vigil_store_create_team (store, team, &error);
  g_assert_no_error (error);

  ceo = add_person (store, "E1", "Helena Marsh", 0, 0, "ceo");
  ciso = add_person (store, "E2", "Amara Okafor", team_id, ceo, "ciso");
  analyst = add_person (store, "E3", "Jo Analyst", team_id, ciso, "soc-l1 soc-l2");

  p = vigil_store_get_person (store, analyst, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (p->team_name, ==, "SOC");
  g_assert_cmpstr (p->team_kind, ==, "security");
  g_assert_cmpstr (p->manager_name, ==, "Amara Okafor");
  g_assert_true (vigil_person_has_role (p, "soc-l2"));

  /* edit */
  g_free (p->title);
  p->title = g_strdup ("SOC Analyst L2");
  p->on_call = TRUE;
  g_assert_true (vigil_store_update_person (store, p, &error));
  g_clear_pointer (&p, vigil_person_free);
  p = vigil_store_get_person (store, analyst, &error);
  g_assert_cmpstr (p->title, ==, "SOC Analyst L2");
  g_assert_true (p->on_call);

  /* a cycle is refused, and nothing changes */
  g_clear_pointer (&p, vigil_person_free);
  p = vigil_store_get_person (store, ceo, &error);
  p->manager_id = analyst;
  g_assert_false (vigil_store_update_person (store, p, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  g_clear_pointer (&p, vigil_person_free);
  p = vigil_store_get_person (store, ceo, &error);
  g_assert_cmpint (p->manager_id, ==, 0);

  people = vigil_store_list_people (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 3);
  g_assert_true (vigil_person_has_role (people->pdata[1], "ciso"));
  teams = vigil_store_list_teams (store, &error);
  g_assert_cmpuint (teams->len, ==, 1);
  g_assert_cmpint (((VigilTeam *) teams->pdata[0])->n_people, ==, 2);

  /* delete: reports move up */
  g_assert_true (vigil_store_delete_person (store, ciso, &error));
  g_clear_pointer (&p, vigil_person_free);
  p = vigil_store_get_person (store, analyst, &error);
  g_assert_cmpint (p->manager_id, ==, ceo);
}

static void
test_search (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 amara;

  add_person (store, "E1", "Helena Marsh", 0, 0, NULL);
  amara = add_person (store, "E2", "Amara Okafor", 0, 0, NULL);

  ids = vigil_store_search_people (store, "ama oka", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, amara);
  g_clear_pointer (&ids, g_array_unref);
  /* FTS syntax in the query is taken literally */
  ids = vigil_store_search_people (store, "\"NEAR( OR *", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  ids = vigil_store_search_people (store, "   ", 10, &error);
  g_assert_cmpuint (ids->len, ==, 0);
}

static gboolean
contains (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static gint64
lookup (VigilStore *store,
        const char *sql)
{
  return vigil_store_query_int (store, sql, NULL);
}

static void
test_who_to_call_demo (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) inc = NULL;
  g_autoptr(GPtrArray) systems = NULL;
  g_autoptr(GError) error = NULL;
  gint64 dc01, tech, ciso, incident;

  g_assert_true (vigil_store_load_demo (store, 0, &error));
  g_assert_no_error (error);
  dc01 = lookup (store, "SELECT id FROM assets WHERE name LIKE 'DC01%'");
  tech = lookup (store, "SELECT tech_contact_id FROM assets WHERE name LIKE 'DC01%'");
  ciso = lookup (store, "SELECT person_id FROM person_roles WHERE role = 'ciso'");
  g_assert_cmpint (dc01, >, 0);

  ids = vigil_store_who_to_call_asset (store, dc01, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, tech);
  g_assert_true (contains (ids, ciso));
  /* the contact's manager is in the chain */
  g_assert_true (contains (ids, lookup (store, "SELECT manager_id FROM people WHERE id = "
                                               "(SELECT tech_contact_id FROM assets WHERE "
                                               "name LIKE 'DC01%')")));

  systems = vigil_store_list_person_systems (store, tech, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (systems->len, >=, 1);

  incident = lookup (store, "SELECT incident_id FROM incident_assets LIMIT 1");
  if (incident > 0)
    {
      inc = vigil_store_who_to_call_incident (store, incident, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (inc->len, >=, 1);
      g_assert_true (contains (inc, ciso));
    }
}

/* The demo organisation exported: one SVG node per person, every reporting line. */
static void
test_org_export_demo (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(VigilGraph) graph = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  VigilOrgChartOptions options = { 0 };
  guint nodes = 0, managed = 0;

  g_assert_true (vigil_store_load_demo (store, 0, &error));
  people = vigil_store_list_people (store, &error);
  g_assert_no_error (error);
  options.clusters = TRUE;
  options.for_export = TRUE;
  graph = vigil_org_chart_people (people, &options, NULL);
  for (guint i = 0; i < people->len; i++)
    managed += ((VigilPerson *) people->pdata[i])->manager_id > 0;
  g_assert_cmpuint (vigil_graph_get_n_nodes (graph), ==, people->len);
  g_assert_cmpuint (vigil_graph_get_n_edges (graph), ==, managed);
  svg = vigil_graph_render (graph, "svg", &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  for (const char *p = strstr (text, "class=\"node\""); p; p = strstr (p + 1, "class=\"node\""))
    nodes++;
  g_assert_cmpuint (nodes, ==, people->len);
}

int
main (int    argc,
      char **argv)
{
  vigil_test_init (&argc, &argv);

  g_test_add_func ("/org/people-and-teams", test_people_and_teams);
  g_test_add_func ("/org/search", test_search);
  g_test_add_func ("/org/who-to-call-demo", test_who_to_call_demo);
  g_test_add_func ("/org/export-demo", test_org_export_demo);
  return g_test_run ();
}
