/* test-window.c — the window under a display: every page, live updates, bad databases
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with G_DEBUG=fatal-criticals, so a critical on any page fails it.
 * Saves a PNG of every page in the build folder (tests/screenshots/).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "vigil-application.h"
#include "vigil-board-page.h"
#include "vigil-empty-page.h"
#include "vigil-gui.h"
#include "vigil-store-private.h"
#include "vigil-store-demo.h"
#include "vigil-test-ui.h"
#include "vigil-test-util.h"
#include "vigil-window.h"

static const char * const pages[] = {
  "board", "alerts", "organization", "inventory", "overview", NULL
};

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
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  vigil_test_wait_for_frame (window);
  return window;
}

static void
visit_pages (gboolean dark)
{
  g_autoptr(VigilStore) store = demo_store ();
  GtkWidget *window = new_window (store, dark);

  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s", pages[i], dark ? "dark" : "light");
      GtkWidget *page;

      vigil_window_set_view (VIGIL_WINDOW (window), pages[i]);
      g_assert_cmpstr (vigil_window_get_view (VIGIL_WINDOW (window)), ==, pages[i]);
      page = vigil_window_get_page (VIGIL_WINDOW (window), pages[i]);
      g_assert_nonnull (page);
      g_assert_true (gtk_widget_get_mapped (page));
      vigil_test_spin (50);
      vigil_test_wait_for_frame (window);
      vigil_test_save_png (window, name);
    }

  /* the page actions work from the keyboard too */
  g_assert_true (gtk_widget_activate_action (window, "win.view", "s", "alerts"));
  g_assert_cmpstr (vigil_window_get_view (VIGIL_WINDOW (window)), ==, "alerts");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_pages_light (void)
{
  visit_pages (FALSE);
}

static void
test_window_pages_dark (void)
{
  visit_pages (TRUE);
}

/* A write by another process (vigilctl) shows up in the window within a
 * second: on the board, and in the counts of the pages. */
static void
test_window_live_update (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GtkWidget *window;
  GtkWidget *board;
  GListModel *column;
  const char *argv[] = { "--db", vigil_store_get_path (store), "incident", "add",
                         "--title", "Ransom note on <b>FS01</b> & FS02", "--severity", "high",
                         NULL };

  vigil_store_set_watch (store, TRUE);
  window = new_window (store, FALSE);
  vigil_window_set_view (VIGIL_WINDOW (window), "board");
  board = vigil_window_get_page (VIGIL_WINDOW (window), "board");
  g_assert_true (VIGIL_IS_BOARD_PAGE (board));
  column = vigil_board_page_get_column_model (VIGIL_BOARD_PAGE (board), VIGIL_STAGE_CLASSIFICATION);
  g_assert_cmpuint (g_list_model_get_n_items (column), ==, 0);

  g_assert_cmpint (vigil_test_run_vigilctl (argv, NULL, &out, &err), ==, 0);

  vigil_test_spin (1000);
  g_assert_cmpuint (g_list_model_get_n_items (column), ==, 1);
  {
    g_autoptr(VigilIncident) incident = g_list_model_get_item (column, 0);
    g_assert_cmpstr (vigil_incident_get_title (incident), ==, "Ransom note on <b>FS01</b> & FS02");
  }
  vigil_test_wait_for_frame (window);
  vigil_test_save_png (window, "board-live-update");

  vigil_store_set_watch (store, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The empty state of a page counts what the store holds, live. */
static void
test_window_empty_page_counts (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(VigilEmptyPage) page = g_object_ref_sink (g_object_new (VIGIL_TYPE_EMPTY_PAGE,
                                                                    "subject", "organization",
                                                                    "store", store, NULL));

  g_assert_cmpstr (vigil_empty_page_get_description (page), ==, "Nobody in the organisation yet.");
  g_assert_true (vigil_store_exec (store,
                                            "INSERT INTO teams (name, kind, created_at, updated_at) "
                                            "VALUES ('SOC', 'security', 'now', 'now');"
                                            "INSERT INTO people (name, team_id, created_at, updated_at) "
                                            "VALUES ('Ada <b>Lovelace</b>', 1, 'now', 'now');", NULL));
  vigil_store_notify (store, VIGIL_KIND_PERSON, 1);
  g_assert_cmpstr (vigil_empty_page_get_description (page), ==, "1 person in 1 team.");
}

static gboolean saw_dialog;

static gboolean
answer_dialog_cb (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        {
          const char *heading = adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (w));
          const char *body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (w));

          g_assert_cmpstr (heading, ==, "Not a Vigil Database");
          g_assert_nonnull (strstr (body, "notes.txt"));
          saw_dialog = TRUE;
          adw_message_dialog_response (ADW_MESSAGE_DIALOG (w), "close");
          gtk_window_destroy (w);
          *(guint *) data = 0;
          return G_SOURCE_REMOVE;
        }
    }
  return G_SOURCE_CONTINUE;
}

/* A file that is not a database gets a dialog that names it, and the app
 * ends cleanly when the dialog is closed. */
static void
test_window_bad_database (void)
{
  g_autoptr(VigilApplication) app = vigil_application_new ();
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *after = NULL;
  char *argv[] = { (char *) "vigil", (char *) "--db", path, NULL };
  guint id;
  int status;

  g_assert_true (g_file_set_contents (path, "meeting notes\n", -1, NULL));
  id = g_timeout_add (50, answer_dialog_cb, &id);
  saw_dialog = FALSE;
  status = g_application_run (G_APPLICATION (app), 3, argv);
  g_clear_handle_id (&id, g_source_remove);

  g_assert_true (saw_dialog);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "meeting notes\n");
}

int
main (int   argc,
      char *argv[])
{
  vigil_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();
  vigil_gui_init ();

  g_test_add_func ("/vigil/window/pages-light", test_window_pages_light);
  g_test_add_func ("/vigil/window/pages-dark", test_window_pages_dark);
  g_test_add_func ("/vigil/window/live-update", test_window_live_update);
  g_test_add_func ("/vigil/window/empty-page-counts", test_window_empty_page_counts);
  g_test_add_func ("/vigil/window/bad-database", test_window_bad_database);

  return g_test_run ();
}
