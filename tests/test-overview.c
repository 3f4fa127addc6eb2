/* test-overview.c — the overview page under a display: figures, charts, clicks, presentation
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with G_DEBUG=fatal-criticals, so a critical while drawing a chart
 * fails it.  Saves PNGs of the overview in light and dark, and in
 * presentation mode, into the build folder (tests/screenshots/).
 */
#include "config.h"

#include <glib/gstdio.h>

#include "vigil-chart-view.h"
#include "vigil-gui.h"
#include "vigil-overview-page.h"
#include "vigil-report.h"
#include "vigil-store-demo.h"
#include "vigil-store-private.h"
#include "vigil-test-ui.h"
#include "vigil-test-util.h"
#include "vigil-window.h"

static VigilStore *
demo_store (void)
{
  g_autoptr(GError) error = NULL;
  VigilStore *store = vigil_test_store_new ();

  g_assert_true (vigil_store_load_demo (store, 0, &error));
  g_assert_no_error (error);
  return store;
}

static GtkWidget *
new_window (VigilStore *store,
            gboolean    dark)
{
  GtkWidget *window;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = g_object_new (VIGIL_TYPE_WINDOW, "store", store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_present (GTK_WINDOW (window));
  vigil_window_set_view (VIGIL_WINDOW (window), "overview");
  vigil_test_wait_for_frame (window);
  return window;
}

static VigilOverviewPage *
get_page (GtkWidget *window)
{
  GtkWidget *page = vigil_window_get_page (VIGIL_WINDOW (window), "overview");

  g_assert_true (VIGIL_IS_OVERVIEW_PAGE (page));
  return VIGIL_OVERVIEW_PAGE (page);
}

/* Every chart view of the page, in order. */
static GPtrArray *
chart_views (GtkWidget *root)
{
  GPtrArray *views = g_ptr_array_new ();
  GPtrArray *stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, 0);
      if (VIGIL_IS_CHART_VIEW (w))
        g_ptr_array_add (views, w);
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_ptr_array_unref (stack);
  return views;
}

static void
show_overview (gboolean dark)
{
  g_autoptr(VigilStore) store = demo_store ();
  GtkWidget *window = new_window (store, dark);
  VigilOverviewPage *page = get_page (window);
  const VigilMetrics *m;
  g_autoptr(GPtrArray) views = NULL;

  vigil_test_spin (100);
  m = vigil_overview_page_get_metrics (page);
  g_assert_nonnull (m);
  g_assert_cmpint (m->incidents, >, 0);

  /* every chart has a text alternative */
  views = chart_views (GTK_WIDGET (page));
  g_assert_cmpuint (views->len, ==, VIGIL_N_OVERVIEW_CHARTS);
  for (guint i = 0; i < views->len; i++)
    {
      VigilChart *chart = vigil_chart_view_get_chart (g_ptr_array_index (views, i));
      g_autofree char *text = NULL;

      g_assert_nonnull (chart);
      text = vigil_chart_describe (chart);
      g_assert_cmpuint (strlen (text), >, strlen (vigil_chart_get_title (chart)));
    }

  vigil_test_wait_for_frame (window);
  vigil_test_save_png (window, dark ? "overview-dark" : "overview-light");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_overview_light (void)
{
  show_overview (FALSE);
}

static void
test_overview_dark (void)
{
  show_overview (TRUE);
}

static void
test_overview_periods (void)
{
  g_autoptr(VigilStore) store = demo_store ();
  GtkWidget *window = new_window (store, FALSE);
  VigilOverviewPage *page = get_page (window);
  g_autoptr(GError) error = NULL;
  gint64 all;

  /* inverted and malformed periods are refused, the figures stay */
  vigil_test_spin (50);
  all = vigil_overview_page_get_metrics (page)->incidents;
  g_assert_false (vigil_overview_page_set_period (page, "2026-11-30", "2026-01-01", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (vigil_overview_page_set_period (page, "30/11/2026", "2026-12-01", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_cmpint (vigil_overview_page_get_metrics (page)->incidents, ==, all);
  vigil_test_wait_for_frame (window);
  vigil_test_save_png (window, "overview-bad-period");

  /* an empty period draws "No incidents" without criticals */
  g_assert_true (vigil_overview_page_set_period (page, "2001-01-01", "2001-01-31", &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigil_overview_page_get_metrics (page)->incidents, ==, 0);
  vigil_test_wait_for_frame (window);
  vigil_test_save_png (window, "overview-empty-period");

  /* a change in the store shows up */
  g_assert_true (vigil_overview_page_set_period (page, "2000-01-01", "2030-12-31", &error));
  all = vigil_overview_page_get_metrics (page)->incidents;
  vigil_store_exec (store, "BEGIN", &error);
  vigil_store_exec (store,
    "INSERT INTO incidents (ref, title, detected_at, created_at, updated_at)"
    " VALUES ('INC-2026-9999', 'New <b>one</b>', '2026-11-30T10:00:00Z', 'x', 'x')", &error);
  vigil_store_notify (store, VIGIL_KIND_INCIDENT, 0);
  vigil_store_exec (store, "COMMIT", &error);
  g_assert_no_error (error);
  {
    gint64 until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
    while (vigil_overview_page_get_metrics (page)->incidents == all
           && g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_cmpint (vigil_overview_page_get_metrics (page)->incidents, ==, all + 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A click on a bar opens the board with that bar's filter. */
static void
test_overview_click (void)
{
  g_autoptr(VigilStore) store = demo_store ();
  GtkWidget *window = new_window (store, FALSE);
  VigilOverviewPage *page = get_page (window);
  g_autoptr(GPtrArray) views = chart_views (GTK_WIDGET (page));
  VigilChartView *tiers = NULL;

  for (guint i = 0; i < views->len; i++)
    {
      VigilChart *chart = vigil_chart_view_get_chart (g_ptr_array_index (views, i));
      if (g_str_has_suffix (vigil_chart_get_title (chart), "by tier"))
        tiers = g_ptr_array_index (views, i);
    }
  g_assert_nonnull (tiers);
  g_assert_cmpstr (vigil_chart_get_filter (vigil_chart_view_get_chart (tiers), 0, 1), ==,
                   "tier:l2");

  g_signal_emit_by_name (tiers, "activated", "tier:l2");
  vigil_test_spin (50);
  g_assert_cmpstr (vigil_window_get_view (VIGIL_WINDOW (window)), ==, "board");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_overview_presentation (void)
{
  g_autoptr(VigilStore) store = demo_store ();
  GtkWidget *window = new_window (store, TRUE);
  VigilOverviewPage *page = get_page (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "overview.present", NULL));
  g_assert_true (vigil_overview_page_get_presenting (page));
  g_assert_true (gtk_widget_has_css_class (window, "vigil-presentation"));
  vigil_test_spin (300);
  vigil_test_wait_for_frame (window);
  vigil_test_save_png (window, "overview-presentation");

  vigil_overview_page_set_presenting (page, FALSE);
  g_assert_false (gtk_widget_has_css_class (window, "vigil-presentation"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  vigil_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();
  vigil_gui_init ();
  vigil_time_set_now_override (1796040000);  /* 2026-11-30T12:00:00Z */

  g_test_add_func ("/vigil/overview/light", test_overview_light);
  g_test_add_func ("/vigil/overview/dark", test_overview_dark);
  g_test_add_func ("/vigil/overview/periods", test_overview_periods);
  g_test_add_func ("/vigil/overview/click", test_overview_click);
  g_test_add_func ("/vigil/overview/presentation", test_overview_presentation);

  return g_test_run ();
}
