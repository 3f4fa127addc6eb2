/* bench-alerts-page.c — the alerts page on a large database: first frame beside an empty page
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; never passes or fails on time.  Needs a display (run it
 * under xvfb-run) and a database made with `vigilctl demo --scale 100000`
 * (200,000 alert groups), opened as it is (nothing is written to it):
 *
 *   bench-alerts-page [--db PATH] [--runs N]   (default PATH: /work/bench-100000.db)
 *
 * For the default filter (new alerts) and for every status ("all": every
 * group of the database), it times the page alone in a window from its
 * creation to its first painted frame, alternating with the same page on
 * an empty database, and prints the medians, their ratio (target: within
 * about 1.5× of the empty page), how many rows the list view was given
 * (its window of the matching alerts) and how many alert rows the page read.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "vigil-alerts-page.h"
#include "vigil-gui.h"
#include "vigil-store-alerts.h"
#include "vigil-test-ui.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* ms from creating the page (alone in a window, the status filter set
 * before it is shown) to its first painted frame */
static double
page_first_frame (VigilStore *store,
                  const char *status,
                  guint      *n_rows,
                  guint      *n_shown,
                  guint      *n_built)
{
  gint64 t0 = g_get_monotonic_time ();
  GtkWidget *window = adw_window_new ();
  GtkWidget *page = g_object_new (VIGIL_TYPE_ALERTS_PAGE, NULL);
  double ms;

  vigil_alerts_page_set_status (VIGIL_ALERTS_PAGE (page), status);
  vigil_alerts_page_set_store (VIGIL_ALERTS_PAGE (page), store);
  adw_window_set_content (ADW_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  vigil_test_wait_for_frame (window);
  ms = (g_get_monotonic_time () - t0) / 1000.0;
  if (n_rows != NULL)
    *n_rows = g_list_model_get_n_items (vigil_alerts_page_get_model (VIGIL_ALERTS_PAGE (page)));
  if (n_shown != NULL)
    *n_shown = g_list_model_get_n_items (vigil_alerts_page_get_shown (VIGIL_ALERTS_PAGE (page)));
  if (n_built != NULL)
    *n_built = vigil_alerts_page_get_n_loaded (VIGIL_ALERTS_PAGE (page));
  gtk_window_destroy (GTK_WINDOW (window));
  return ms;
}

int
main (int    argc,
      char **argv)
{
  const char *db = "/work/bench-100000.db";
  int runs = 7;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) big = NULL;
  g_autoptr(VigilStore) empty = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *empty_path = NULL;
  static const char * const statuses[] = { "new", "all" };

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        db = argv[++i];
      else if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        runs = atoi (argv[++i]);
    }
  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_print ("bench-alerts-page: %s does not exist; make it with "
               "`vigilctl --db %s demo --scale 100000`\n", db, db);
      return 0;
    }

  gtk_init ();
  adw_init ();
  vigil_gui_init ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);

  big = vigil_store_open (db, VIGIL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  tmpdir = g_dir_make_tmp ("vigil-bench-alerts-page-XXXXXX", NULL);
  empty_path = g_build_filename (tmpdir, "empty.db", NULL);
  empty = vigil_store_open (empty_path, VIGIL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_print ("database: %s, %" G_GINT64_FORMAT " alert groups (%" G_GINT64_FORMAT " new)\n", db,
           vigil_store_count_alerts (big, NULL), vigil_store_count_alerts (big, "new"));

  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    {
      g_autoptr(GArray) t_big = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) t_empty = g_array_new (FALSE, FALSE, sizeof (double));
      guint n_rows = 0, n_shown = 0, n_built = 0;

      /* warm both up (page cache, GTK's first use of the widgets) */
      page_first_frame (empty, statuses[s], NULL, NULL, NULL);
      page_first_frame (big, statuses[s], NULL, NULL, NULL);
      drain ();
      for (int r = 0; r < runs; r++)
        {
          double a = page_first_frame (empty, statuses[s], NULL, NULL, NULL);
          double b;
          drain ();
          b = page_first_frame (big, statuses[s], &n_rows, &n_shown, &n_built);
          drain ();
          g_array_append_val (t_empty, a);
          g_array_append_val (t_big, b);
        }
      g_print ("alerts page first frame, status “%s”: empty page median %.1f ms, "
               "%u groups median %.1f ms, ratio %.2f (target <= 1.5, %d runs each); "
               "%u rows shown, %u alert rows loaded for the first frame\n",
               statuses[s], median (t_empty), n_rows, median (t_big),
               median (t_big) / median (t_empty), runs, n_shown, n_built);
      fflush (stdout);
    }

  g_clear_object (&big);
  g_clear_object (&empty);
  g_remove (empty_path);
  g_rmdir (tmpdir);
  return 0;
}
