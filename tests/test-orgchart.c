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

/* The view draws a few tiles per frame: wait until every visible card is drawn. */
static void
wait_drawn (GtkWidget      *window,
            VigilGraphView *view)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  vigil_test_wait_for_frame (window);
  while (!vigil_graph_view_get_drawing_complete (view) && g_get_monotonic_time () < until)
    vigil_test_wait_for_frame (window);
  g_assert_true (vigil_graph_view_get_drawing_complete (view));
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
  wait_drawn (window, view);
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
  wait_drawn (window, view);
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
  wait_drawn (window, view);
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
  wait_drawn (window, vigil_org_page_get_graph_view (page));
  vigil_test_save_png (window, "orgchart-markup");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Cards are not widgets: the view's accessible label follows the selected
 * person, and the list offers the same people as rows. */
static void
test_orgchart_accessible (void)
{
  g_autoptr(VigilStore) store = demo_store ();
  GtkWidget *window = demo_window (store, FALSE);
  VigilOrgPage *page = VIGIL_ORG_PAGE (vigil_window_get_page (VIGIL_WINDOW (window),
                                                              "organization"));
  VigilGraphView *view = vigil_org_page_get_graph_view (page);
  GtkSelectionModel *list;
  VigilGraphLayout *layout;
  g_autofree char *text = NULL;
  g_autofree char *row_text = NULL;
  g_autoptr(VigilPerson) p = NULL;
  g_autoptr(GtkStringObject) row = NULL;
  GtkWidget *toplevel;
  int top = -1;

  wait_until_complete (page);
  layout = vigil_graph_view_get_layout (view);
  /* the top of the organisation: nobody above, several direct reports */
  for (guint n = 0; n < layout->n_nodes && top < 0; n++)
    {
      gboolean has_parent = FALSE;
      for (guint e = 0; e < layout->n_edges; e++)
        has_parent = has_parent || layout->edges[e].to == n;
      if (!has_parent)
        top = (int) n;
    }
  g_assert_cmpint (top, >=, 0);

  /* moving the selection moves the label: "Name, Title, Team team, N direct reports" */
  vigil_graph_view_set_selected (view, top);
  p = vigil_store_get_person (store, vigil_org_node_person_id (layout->nodes[top].id), NULL);
  g_assert_nonnull (p);
  text = vigil_graph_view_dup_node_description (view, top);
  g_assert_true (g_str_has_prefix (text, p->name));
  g_assert_nonnull (strstr (text, p->title));
  g_assert_nonnull (strstr (text, "direct report"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, text);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1);
  vigil_graph_view_set_selected (view, -1);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (view),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* the list: one row per card, in the chart's order, synchronised both ways */
  vigil_org_page_set_show_list (page, TRUE);
  list = vigil_org_page_get_list_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, layout->n_nodes);
  row = g_list_model_get_item (G_LIST_MODEL (list), top);
  row_text = g_strdup (gtk_string_object_get_string (row));
  g_assert_cmpstr (row_text, ==, text);
  gtk_selection_model_select_item (list, 3, TRUE);
  g_assert_cmpint (vigil_graph_view_get_selected (view), ==, 3);
  vigil_graph_view_set_selected (view, 5);
  g_assert_true (gtk_selection_model_is_selected (list, 5));
  vigil_test_wait_for_frame (window);
  vigil_test_save_png (window, "orgchart-list");
  toplevel = window;
  vigil_org_page_set_show_list (page, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (toplevel));
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (text == NULL || (GTK_IS_EDITABLE (root) &&
                        g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (root)), text) == 0) ||
       (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A visible error label under an entry (its next sibling). */
static const char *
error_under (GtkWidget *entry)
{
  GtkWidget *label = gtk_widget_get_next_sibling (entry);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* A refused save keeps the dialog open with what was typed, and says why
 * next to the field; a good save closes it. */
static void
test_orgchart_dialog_refused (void)
{
  g_autoptr(VigilStore) store = demo_store ();
  GtkWidget *window = demo_window (store, FALSE);
  VigilOrgPage *page = VIGIL_ORG_PAGE (vigil_window_get_page (VIGIL_WINDOW (window),
                                                              "organization"));
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) people = vigil_store_list_people (store, NULL);
  VigilPerson *other = people->pdata[1];
  gint64 before = vigil_store_count (store, VIGIL_KIND_PERSON);
  guint n_windows;
  GtkWindow *dialog;
  GtkWidget *name, *employee, *manager;

  wait_until_complete (page);
  n_windows = g_list_model_get_n_items (toplevels);
  gtk_widget_activate_action (GTK_WIDGET (page), "org.new-person", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_windows + 1);
  dialog = g_list_model_get_item (toplevels, n_windows);
  vigil_test_wait_for_frame (GTK_WIDGET (dialog));

  /* the entries, in the order of the form: name, title, employee ID, manager */
  name = find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, "");
  g_assert_nonnull (name);
  gtk_editable_set_text (GTK_EDITABLE (name), "Grace <Hopper> & Co");
  {
    GtkWidget *entries[4] = { NULL };
    guint n = 0;
    GtkWidget *grid = gtk_widget_get_parent (gtk_widget_get_parent (name));
    for (GtkWidget *c = gtk_widget_get_first_child (grid); c && n < 4;
         c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_BOX (c) && GTK_IS_ENTRY (gtk_widget_get_first_child (c)))
        entries[n++] = gtk_widget_get_first_child (c);
    g_assert_cmpuint (n, ==, 4);
    employee = entries[2];
    manager = entries[3];
  }
  gtk_editable_set_text (GTK_EDITABLE (employee), other->employee_id);  /* taken */

  /* Save (the button closes the dialog, then responds): refused, the
   * dialog stays, the reason is under the employee ID */
  gtk_window_close (dialog);
  g_signal_emit_by_name (dialog, "response", "save");
  vigil_test_wait_for_frame (GTK_WIDGET (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_windows + 1);
  g_assert_nonnull (error_under (employee));
  g_assert_null (error_under (name));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Grace <Hopper> & Co");
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (employee), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_cmpint (vigil_store_count (store, VIGIL_KIND_PERSON), ==, before);
  vigil_test_save_png (GTK_WIDGET (dialog), "orgchart-person-dialog-refused");

  /* an unknown manager: the reason moves to the manager field */
  gtk_editable_set_text (GTK_EDITABLE (employee), "NEW-0001");
  gtk_editable_set_text (GTK_EDITABLE (manager), "NO-SUCH-ID");
  gtk_window_close (dialog);
  g_signal_emit_by_name (dialog, "response", "save");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_null (error_under (employee));
  g_assert_nonnull (strstr (error_under (manager), "NO-SUCH-ID"));

  /* fixed: saved, and the dialog closes */
  gtk_editable_set_text (GTK_EDITABLE (manager), other->employee_id);
  gtk_window_close (dialog);
  g_signal_emit_by_name (dialog, "response", "save");
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (vigil_store_count (store, VIGIL_KIND_PERSON), ==, before + 1);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_windows);
  g_object_unref (dialog);

  /* Escape (a close without a response) still closes it */
  gtk_widget_activate_action (GTK_WIDGET (page), "org.new-team", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_windows + 1);
  dialog = g_list_model_get_item (toplevels, n_windows);
  gtk_window_close (dialog);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_windows);
  g_object_unref (dialog);
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
  g_test_add_func ("/orgchart/accessible", test_orgchart_accessible);
  g_test_add_func ("/orgchart/dialog-refused", test_orgchart_dialog_refused);
  return g_test_run ();
}
