/* test-orgchart.c — the org chart view: layout shown, hit-testing, keys, search, who to call
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saves screenshots of the chart on the demo organisation, light and dark,
 * in the build folder (tests/screenshots/orgchart-*.png).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "vigil-gui.h"
#include "vigil-org-chart.h"
#include "vigil-org-page.h"
#include "vigil-store-demo.h"
#include "vigil-store-org.h"
#include "vigil-test-ui.h"
#include "vigil-test-util.h"
#include "vigil-window.h"

static void
wait_until_complete (VigilOrgPage *page)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!vigil_org_page_is_complete (page) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (vigil_org_page_is_complete (page));
}

static GtkWidget *
demo_window (VigilStore *store,
             gboolean    dark)
{
  GtkWidget *window;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = g_object_new (VIGIL_TYPE_WINDOW, "store", store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  vigil_window_set_view (VIGIL_WINDOW (window), "organization");
  vigil_test_wait_for_frame (window);
  return window;
}

static VigilStore *
demo_store (void)
{
  g_autoptr(GError) error = NULL;
  VigilStore *store = vigil_test_store_new ();

  g_assert_true (vigil_store_load_demo (store, 0, &error));
  g_assert_no_error (error);
  return store;
}

static GtkGesture *
find_click_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_GESTURE_CLICK (c))
        return GTK_GESTURE (c);
    }
  return NULL;
}

static void
test_orgchart_demo (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  g_autoptr(VigilStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window = demo_window (store, dark);
  VigilOrgPage *page = VIGIL_ORG_PAGE (vigil_window_get_page (VIGIL_WINDOW (window),
                                                              "organization"));
  VigilGraphView *view = vigil_org_page_get_graph_view (page);
  VigilGraphLayout *layout;
  GtkGesture *click;
  double x, y;
  int hits = 0;

  g_assert_true (VIGIL_IS_ORG_PAGE (page));
  wait_until_complete (page);
  vigil_test_wait_for_frame (window);
  layout = vigil_graph_view_get_layout (view);
  g_assert_nonnull (layout);
  g_assert_cmpuint (layout->n_nodes, ==, vigil_store_count (store, VIGIL_KIND_PERSON));
  /* the first view is readable (zoomed on the top when fitting would be too small) */
  g_assert_cmpfloat (vigil_graph_view_get_zoom (view), >=, 0.4);
  vigil_test_save_png (window, dark ? "orgchart-dark" : "orgchart-light");

  /* hit-testing: a click at a visible card's centre selects it */
  click = find_click_gesture (GTK_WIDGET (view));
  g_assert_nonnull (click);
  for (guint n = 0; n < layout->n_nodes && hits < 5; n++)
    {
      g_assert_true (vigil_graph_view_get_node_center (view, n, &x, &y));
      if (x < 0 || y < 0 || x > gtk_widget_get_width (GTK_WIDGET (view)) ||
          y > gtk_widget_get_height (GTK_WIDGET (view)))
        continue;
      g_assert_cmpint (vigil_graph_view_node_at (view, x, y), ==, (int) n);
      g_signal_emit_by_name (click, "pressed", 1, x, y);
      g_assert_cmpint (vigil_graph_view_get_selected (view), ==, (int) n);
      g_assert_cmpint (vigil_org_page_get_selected_person (page), ==,
                       vigil_org_node_person_id (layout->nodes[n].id));
      hits++;
    }
  g_assert_cmpint (hits, >, 0);
  /* between cards: nothing */
  g_assert_cmpint (vigil_graph_view_node_at (view, -500, -500), ==, -1);

  /* search centres on a match */
  g_assert_true (vigil_org_page_search (page, "Okafor"));
  {
    g_autoptr(VigilPerson) p = vigil_store_get_person (store, vigil_org_page_get_selected_person (page),
                                                       &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (p->name, "Okafor"));
  }
  g_assert_true (vigil_graph_view_get_node_center (view, vigil_graph_view_get_selected (view),
                                                   &x, &y));
  g_assert_cmpfloat (fabs (x - gtk_widget_get_width (GTK_WIDGET (view)) / 2.0), <, 60);
  vigil_test_wait_for_frame (window);
  vigil_test_save_png (window, dark ? "orgchart-search-dark" : "orgchart-search-light");

  /* who to call for a system: highlighted, the others dimmed */
  g_assert_true (vigil_org_page_who_to_call (page, "DC01", &error));
  g_assert_no_error (error);
  wait_until_complete (page);
  layout = vigil_graph_view_get_layout (view);
  {
    guint highlighted = 0, dimmed = 0;
    for (guint n = 0; n < layout->n_nodes; n++)
      {
        guint flags = vigil_graph_view_get_node_flags (view, n);
        highlighted += (flags & VIGIL_GRAPH_VIEW_NODE_HIGHLIGHT) != 0;
        dimmed += (flags & VIGIL_GRAPH_VIEW_NODE_DIM) != 0;
      }
    g_assert_cmpuint (highlighted, >=, 2);
    g_assert_cmpuint (highlighted + dimmed, ==, layout->n_nodes);
  }
  vigil_test_wait_for_frame (window);
  vigil_test_save_png (window, dark ? "orgchart-who-dark" : "orgchart-who-light");
  g_assert_false (vigil_org_page_who_to_call (page, "no such thing at all", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* focus on the CISO: their chain of command and direct reports */
  g_assert_true (vigil_org_page_search (page, "Okafor"));
  gtk_widget_activate_action (GTK_WIDGET (page), "org.focus", NULL);
  wait_until_complete (page);
  layout = vigil_graph_view_get_layout (view);
  g_assert_cmpuint (layout->n_nodes, <, vigil_store_count (store, VIGIL_KIND_PERSON));
  g_assert_cmpuint (layout->n_nodes, >=, 3);

  /* collapse: fewer cards, then back */
  gtk_widget_activate_action (GTK_WIDGET (page), "org.show-all", NULL);
  wait_until_complete (page);
  g_assert_true (vigil_org_page_search (page, "Okafor"));
  gtk_widget_activate_action (GTK_WIDGET (page), "org.toggle-collapse", NULL);
  wait_until_complete (page);
  layout = vigil_graph_view_get_layout (view);
  g_assert_cmpuint (layout->n_nodes, <, vigil_store_count (store, VIGIL_KIND_PERSON));
  gtk_widget_activate_action (GTK_WIDGET (page), "org.toggle-collapse", NULL);
  wait_until_complete (page);
  layout = vigil_graph_view_get_layout (view);
  g_assert_cmpuint (layout->n_nodes, ==, vigil_store_count (store, VIGIL_KIND_PERSON));

  /* keyboard: Down from the top goes to a direct report */
  vigil_graph_view_set_selected (view, 0);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_widget_activate_action (GTK_WIDGET (page), "org.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "org.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "org.fit", NULL);
  /* the person, team and new-person dialogs open without a warning */
  {
    const char *actions[] = { "org.edit-person", "org.edit-team", "org.new-person", "org.new-team" };
    vigil_graph_view_set_selected (view, 0);
    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      {
        GListModel *toplevels = gtk_window_get_toplevels ();
        guint before = g_list_model_get_n_items (toplevels);
        GtkWindow *dialog;

        gtk_widget_activate_action (GTK_WIDGET (page), actions[i], NULL);
        if (i == 1 && g_list_model_get_n_items (toplevels) == before)
          continue;  /* the first person may have no team */
        g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
        dialog = g_list_model_get_item (toplevels, before);
        g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
        vigil_test_wait_for_frame (GTK_WIDGET (dialog));
        if (i == 0)
          vigil_test_save_png (GTK_WIDGET (dialog), dark ? "orgchart-person-dialog-dark"
                                              : "orgchart-person-dialog-light");
        gtk_window_destroy (dialog);
        g_object_unref (dialog);
      }
  }

  /* far away and close up both draw */
  vigil_graph_view_set_zoom (view, 0.05);
  vigil_test_wait_for_frame (window);
  vigil_graph_view_set_zoom (view, 3.0);
  vigil_test_wait_for_frame (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_orgchart_markup_names (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(VigilPerson) p = vigil_person_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  VigilOrgPage *page;

  p->name = g_strdup ("<b>Bold</b> & \"Quoted\" Name That Is Really Quite Long Indeed");
  p->title = g_strdup ("Head of <i>Everything</i> & More");
  p->employee_id = g_strdup ("X1");
  g_assert_cmpint (vigil_store_create_person (store, p, &error), >, 0);
  window = demo_window (store, FALSE);
  page = VIGIL_ORG_PAGE (vigil_window_get_page (VIGIL_WINDOW (window), "organization"));
  wait_until_complete (page);
  vigil_graph_view_set_selected (vigil_org_page_get_graph_view (page), 0);
  vigil_test_wait_for_frame (window);
  vigil_test_save_png (window, "orgchart-markup");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_orgchart_empty (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  GtkWidget *window = demo_window (store, FALSE);
  VigilOrgPage *page = VIGIL_ORG_PAGE (vigil_window_get_page (VIGIL_WINDOW (window), "organization"));

  g_assert_null (vigil_graph_view_get_layout (vigil_org_page_get_graph_view (page)));
  g_assert_false (vigil_org_page_search (page, "anyone"));
  vigil_test_wait_for_frame (window);
  vigil_test_save_png (window, "orgchart-empty");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *cache = NULL;

  vigil_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();
  vigil_gui_init ();
  cache = vigil_test_tmpdir ();
  vigil_graph_set_cache_dir (cache);

  g_test_add_data_func ("/orgchart/demo-light", GINT_TO_POINTER (FALSE), test_orgchart_demo);
  g_test_add_data_func ("/orgchart/demo-dark", GINT_TO_POINTER (TRUE), test_orgchart_demo);
  g_test_add_func ("/orgchart/markup-names", test_orgchart_markup_names);
  g_test_add_func ("/orgchart/empty", test_orgchart_empty);
  return g_test_run ();
}
