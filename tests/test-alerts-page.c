/* test-alerts-page.c — the alerts page under a display: list, detail, triage, live
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with G_DEBUG=fatal-criticals.  Saves PNGs (light and dark, the list
 * with the detail pane, the rules window) in tests/screenshots/.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "vigil-alert-list.h"
#include "vigil-alert-row.h"
#include "vigil-alerts-page.h"
#include "vigil-gui.h"
#include "vigil-store-alerts.h"
#include "vigil-store-demo.h"
#include "vigil-test-ui.h"
#include "vigil-test-util.h"
#include "vigil-window.h"

static const char *hostile =
  "{\"timestamp\":\"2026-11-30T11:00:00Z\",\"event_type\":\"alert\",\"src_ip\":\"203.0.113.66\","
  "\"dest_ip\":\"198.51.100.7\",\"alert\":{\"signature_id\":9999001,\"signature\":"
  "\"<b>Bold</b> & <i>markup</i> in a very long signature name that goes on and on to test "
  "ellipsizing — ET POLICY &amp; friends\",\"severity\":1}}\n";

static VigilStore *
alert_store (void)
{
  g_autoptr(GError) error = NULL;
  VigilStore *store = vigil_test_store_new ();
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "eve.json", NULL);
  VigilImportOptions options = { .format = "suricata", .path = path };
  VigilImportSummary summary;

  g_assert_true (vigil_store_load_demo (store, 0, &error));
  g_assert_no_error (error);
  g_file_set_contents (path, hostile, -1, NULL);
  vigil_import_summary_init (&summary);
  g_assert_true (vigil_store_import_alerts (store, &options, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.imported, ==, 1);
  vigil_import_summary_clear (&summary);
  return store;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static VigilAlertsPage *
open_page (VigilStore  *store,
           gboolean     dark,
           GtkWidget  **window_out)
{
  GtkWidget *window;
  GtkWidget *page;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = g_object_new (VIGIL_TYPE_WINDOW, "store", store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  vigil_window_set_view (VIGIL_WINDOW (window), "alerts");
  page = vigil_window_get_page (VIGIL_WINDOW (window), "alerts");
  g_assert_true (VIGIL_IS_ALERTS_PAGE (page));
  vigil_test_wait_for_frame (window);
  *window_out = window;
  return VIGIL_ALERTS_PAGE (page);
}

static void
screenshots (gboolean dark)
{
  g_autoptr(VigilStore) store = alert_store ();
  GtkWidget *window;
  VigilAlertsPage *page = open_page (store, dark, &window);
  GListModel *model = vigil_alerts_page_get_model (page);
  GtkWindow *rules;
  GtkWidget *row;
  g_autofree char *name = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (model), >, 10);
  /* the hostile title is text, not markup: it is listed first (high, newest) or near it */
  vigil_alerts_page_set_search (page, "<b>Bold</b>");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gtk_selection_model_select_item (vigil_alerts_page_get_selection (page), 0, TRUE);
  vigil_test_spin (50);
  vigil_test_wait_for_frame (window);
  /* the drawn row: one widget, its tooltip the title as written */
  row = find_widget (GTK_WIDGET (page), VIGIL_TYPE_ALERT_ROW);
  g_assert_nonnull (row);
  g_assert_null (gtk_widget_get_first_child (row));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (row),
                                   "<b>Bold</b> & <i>markup</i> in a very long"));
  name = g_strdup_printf ("alerts-hostile-%s", dark ? "dark" : "light");
  vigil_test_save_png (window, name);

  vigil_alerts_page_set_search (page, "");
  gtk_selection_model_select_item (vigil_alerts_page_get_selection (page), 0, TRUE);
  vigil_test_spin (50);
  vigil_test_wait_for_frame (window);
  g_free (name);
  name = g_strdup_printf ("alerts-%s", dark ? "dark" : "light");
  vigil_test_save_png (window, name);

  rules = vigil_alerts_page_show_rules (page);
  vigil_test_wait_for_frame (GTK_WIDGET (rules));
  g_free (name);
  name = g_strdup_printf ("alerts-rules-%s", dark ? "dark" : "light");
  vigil_test_save_png (GTK_WIDGET (rules), name);
  gtk_window_destroy (rules);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_screenshots_light (void)
{
  screenshots (FALSE);
}

static void
test_screenshots_dark (void)
{
  screenshots (TRUE);
}

static void
test_triage_and_live (void)
{
  g_autoptr(VigilStore) store = alert_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "more.json", NULL);
  g_autofree char *out = NULL;
  GtkWidget *window;
  VigilAlertsPage *page = open_page (store, FALSE, &window);
  GListModel *model = vigil_alerts_page_get_model (page);
  GtkSelectionModel *selection = vigil_alerts_page_get_selection (page);
  guint before = g_list_model_get_n_items (model), n;
  gint64 incidents = vigil_store_count (store, VIGIL_KIND_INCIDENT);
  gint64 deadline;
  int status;

  /* bulk promote two */
  gtk_selection_model_select_range (selection, 0, 2, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "alerts.promote", NULL));
  vigil_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before - 2);
  g_assert_cmpint (vigil_store_count (store, VIGIL_KIND_INCIDENT), ==, incidents + 1);

  /* the promoted ones are under "Promoted" */
  vigil_alerts_page_set_status (page, "promoted");
  vigil_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 2);
  vigil_alerts_page_set_status (page, "new");
  vigil_test_spin (50);

  /* live: vigilctl imports into the same database while the window is open */
  n = g_list_model_get_n_items (model);
  g_file_set_contents (path,
      "{\"timestamp\":\"2026-11-30T12:00:00Z\",\"event_type\":\"alert\",\"src_ip\":\"192.0.2.1\","
      "\"dest_ip\":\"192.0.2.2\",\"alert\":{\"signature_id\":777,\"signature\":\"Live one\","
      "\"severity\":2}}\n"
      "{\"timestamp\":\"2026-11-30T12:00:00Z\",\"event_type\":\"alert\",\"src_ip\":\"192.0.2.3\","
      "\"dest_ip\":\"192.0.2.2\",\"alert\":{\"signature_id\":778,\"signature\":\"Live two\","
      "\"severity\":2}}\n", -1, NULL);
  status = vigil_test_run_vigilctl ((const char *[]) { "--db", vigil_store_get_path (store),
                                                       "alert", "import", "-f", "suricata", path,
                                                       NULL }, NULL, &out, NULL);
  g_assert_cmpint (status, ==, 0);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_list_model_get_n_items (model) != n + 2 && g_get_monotonic_time () < deadline)
    vigil_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n + 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Imports `n` alert groups, each its own signature, severities 1 to 3 in turn. */
static void
import_numbered (VigilStore *store,
                 int         n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "eve.json", NULL);
  VigilImportOptions options = { .format = "suricata", .path = path };
  VigilImportSummary summary;

  for (int i = 0; i < n; i++)
    g_string_append_printf (text, "{\"timestamp\":\"2026-11-30T%02d:%02d:00Z\",\"event_type\":"
                            "\"alert\",\"src_ip\":\"203.0.113.%d\",\"dest_ip\":\"10.0.0.1\","
                            "\"alert\":{\"signature_id\":%d,\"signature\":\"S %d\","
                            "\"severity\":%d}}\n", i / 60 % 24, i % 60, i % 250, i, i,
                            1 + i % 3);
  g_file_set_contents (path, text->str, text->len, NULL);
  vigil_import_summary_init (&summary);
  g_assert_true (vigil_store_import_alerts (store, &options, &summary, &error));
  g_assert_no_error (error);
  vigil_import_summary_clear (&summary);
}

/* The list model is lazy: a count and a first window; the rest is read as
 * the view (here: the test) reaches it, in the same order as the whole list. */
static void
test_lazy_model (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(VigilAlertList) list = vigil_alert_list_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = NULL;
  VigilAlertFilter filter = { .status = "all" };
  guint n;

  import_numbered (store, 700);

  g_assert_true (vigil_alert_list_set_filter (list, store, &filter, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, 700);
  g_assert_cmpuint (vigil_alert_list_get_n_loaded (list), ==, 0);
  g_assert_cmpint (vigil_alert_list_find (list, 1), <, 700);

  all = vigil_store_list_alert_ids (store, &filter, &error);
  g_assert_cmpuint (all->len, ==, n);
  /* the last row first: ids are read up to it, rows only around it */
  for (int pos = (int) n - 1; pos >= 0; pos -= 37)
    {
      g_autoptr(VigilAlert) alert = g_list_model_get_item (G_LIST_MODEL (list), pos);
      g_assert_cmpint (vigil_alert_get_id (alert), ==, g_array_index (all, gint64, pos));
      g_assert_nonnull (vigil_alert_get_title (alert));
    }
  g_assert_cmpuint (vigil_alert_list_get_n_loaded (list), <=, 19 * 32);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));

  /* a narrower filter: one count, rows replaced */
  filter.min_severity = "high";
  g_assert_true (vigil_alert_list_set_filter (list, store, &filter, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                    vigil_store_count_filtered_alerts (store, &filter, NULL));
  g_assert_true (vigil_alert_list_set_filter (list, NULL, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

/* The list view is given a small first window of the matching alerts, which
 * grows as the view scrolls near its end; "select all" (Ctrl+A, the list
 * view's list.select-all) still selects every matching alert, and a bulk
 * action reaches all of them, not only the rows shown. */
static void
test_window_and_select_all (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GtkBitset) set = NULL;
  GtkWidget *window, *list_view;
  VigilAlertsPage *page;
  GListModel *model, *shown;
  GtkSelectionModel *selection;
  GtkAdjustment *vadj;
  guint first, n;
  gint64 deadline;

  import_numbered (store, 300);
  g_assert_cmpint (vigil_store_count_alerts (store, "new"), ==, 300);

  /* the page alone in a window, as the benchmark has it */
  window = adw_window_new ();
  page = g_object_new (VIGIL_TYPE_ALERTS_PAGE, NULL);
  vigil_alerts_page_set_store (page, store);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  vigil_test_wait_for_frame (window);
  model = vigil_alerts_page_get_model (page);
  shown = vigil_alerts_page_get_shown (page);
  selection = vigil_alerts_page_get_selection (page);
  /* the list view of the rows (the drop-downs have list views of their own) */
  list_view = gtk_widget_get_ancestor (find_widget (GTK_WIDGET (page), VIGIL_TYPE_ALERT_ROW),
                                       GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list_view);

  /* the first window is small; the count is every matching alert */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 300);
  first = g_list_model_get_n_items (shown);
  g_assert_cmpuint (first, >=, 20);
  g_assert_cmpuint (first, <=, 64);
  g_assert_cmpuint (vigil_alerts_page_get_n_loaded (page), <=, 2 * first);

  /* it grows as the view scrolls near its end, in the same order */
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_list_model_get_n_items (shown) < 300 && g_get_monotonic_time () < deadline)
    {
      gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj) -
                                      gtk_adjustment_get_page_size (vadj));
      vigil_test_spin (20);
      vigil_test_wait_for_frame (window);
    }
  n = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n, ==, 300);
  for (guint pos = 0; pos < n; pos += 41)
    {
      g_autoptr(VigilAlert) a = g_list_model_get_item (shown, pos);
      g_autoptr(VigilAlert) b = g_list_model_get_item (model, pos);
      g_assert_cmpint (vigil_alert_get_id (a), ==, vigil_alert_get_id (b));
    }

  /* a new filter starts again with the first window */
  vigil_alerts_page_set_search (page, "S 1");
  vigil_alerts_page_set_search (page, "");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, first);

  /* Ctrl+A selects all; unselecting one leaves the other shown rows */
  g_assert_true (gtk_widget_activate_action (list_view, "list.select-all", NULL));
  g_assert_true (gtk_selection_model_is_selected (selection, first - 1));
  gtk_selection_model_unselect_item (selection, 0);
  set = gtk_selection_model_get_selection (selection);
  g_assert_cmpuint (gtk_bitset_get_size (set), ==, first - 1);
  g_assert_false (gtk_selection_model_is_selected (selection, 0));

  /* select all again: promote reaches all 300, shown or not */
  g_assert_true (gtk_widget_activate_action (list_view, "list.select-all", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, 300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "alerts.promote", NULL));
  vigil_test_spin (50);
  g_assert_cmpint (vigil_store_count_alerts (store, "new"), ==, 0);
  g_assert_cmpint (vigil_store_count_alerts (store, "promoted"), ==, 300);
  g_assert_cmpint (vigil_store_count (store, VIGIL_KIND_INCIDENT), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  vigil_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();
  vigil_gui_init ();

  g_test_add_func ("/alerts-page/screenshots-light", test_screenshots_light);
  g_test_add_func ("/alerts-page/screenshots-dark", test_screenshots_dark);
  g_test_add_func ("/alerts-page/triage-and-live", test_triage_and_live);
  g_test_add_func ("/alerts-page/lazy-model", test_lazy_model);
  g_test_add_func ("/alerts-page/window-and-select-all", test_window_and_select_all);

  return g_test_run ();
}
