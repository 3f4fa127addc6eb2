/* bench-board.c — the board on a large database: first frame, filter keystrokes, scrolling
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; never passes or fails on time.  Needs a display (run it
 * under xvfb-run) and a database made with `vigilctl demo --scale 100000`:
 *
 *   bench-board [--db PATH] [--runs N] [--only first-frame|filter|scroll]
 *                                           (default PATH: /work/bench-100000.db)
 *
 *  1. first frame of the window showing the board, on that database vs on
 *     an empty one, alternating, medians and their ratio (target ≤ 1.2);
 *  2. a filter keystroke: the new query and the model update of all five
 *     columns, median over 100 typed prefixes (target ≤ 16 ms);
 *  3. scrolling a column of at least 5,000 cards from top to bottom: how many
 *     card widgets and records were built (only the visible rows should be);
 *     the column's list is a window of its ids that grows as it scrolls.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "vigil-board-card.h"
#include "vigil-board-page.h"
#include "vigil-gui.h"
#include "vigil-window.h"

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  painted = TRUE;
}

static void
wait_for_frame (GtkWidget *widget)
{
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  GdkFrameClock *clock;
  gulong id;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (widget);
  painted = FALSE;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  gtk_widget_queue_draw (widget);
  while (!painted && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

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

/* ms from creating a window with the board page alone to its first
 * painted frame (the main window also builds the other pages, whose cost
 * on a large database is theirs) */
static double
board_first_frame (VigilStore *store)
{
  gint64 t0 = g_get_monotonic_time ();
  GtkWidget *window = adw_window_new ();
  GtkWidget *page = g_object_new (VIGIL_TYPE_BOARD_PAGE, "store", store, NULL);
  double ms;

  adw_window_set_content (ADW_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);
  ms = (g_get_monotonic_time () - t0) / 1000.0;
  gtk_window_destroy (GTK_WINDOW (window));
  return ms;
}

/* ms from creating the main window to its first painted frame */
static double
first_frame (VigilStore *store,
             GtkWidget **window_out)
{
  gint64 t0 = g_get_monotonic_time ();
  GtkWidget *window = g_object_new (VIGIL_TYPE_WINDOW, "store", store, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  vigil_window_set_view (VIGIL_WINDOW (window), "board");
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);
  if (window_out)
    *window_out = window;
  else
    gtk_window_destroy (GTK_WINDOW (window));
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int argc, char **argv)
{
  const char *db = "/work/bench-100000.db";
  const char *only = NULL;
  int runs = 7;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) big = NULL;
  g_autoptr(VigilStore) empty = NULL;
  g_autoptr(GArray) t_big = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_empty = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_filter = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *tmpdir = NULL;
  g_autofree char *empty_path = NULL;
  static const char *words[] = {
    "phishing", "ransomware", "credential", "malware", "beaconing", "exfiltration",
    "brute", "lateral", "powershell", "scan", "vpn", "account", "server", "inc-2026",
  };
  GtkWidget *window = NULL;
  VigilBoardPage *page;
  guint n_prefixes = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        db = argv[++i];
      else if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        runs = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--only") && i + 1 < argc)
        only = argv[++i];
    }
  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_print ("bench-board: %s does not exist; make it with `vigilctl --db %s demo --scale 100000`\n",
               db, db);
      return 0;
    }

  gtk_init ();
  adw_init ();
  vigil_gui_init ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  big = vigil_store_open (db, VIGIL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  tmpdir = g_dir_make_tmp ("vigil-bench-board-XXXXXX", NULL);
  empty_path = g_build_filename (tmpdir, "empty.db", NULL);
  empty = vigil_store_open (empty_path, VIGIL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  if (g_getenv ("VIGIL_BENCH_ONLY_SCROLL") || g_strcmp0 (only, "scroll") == 0)
    goto scroll;
  if (g_strcmp0 (only, "filter") == 0)
    goto filter;

  /* 1. first frame: warm up both, then alternate */
  {
    guint c0 = vigil_board_card_get_n_created ();
    double ms = first_frame (empty, NULL);
    g_print ("main window (all five pages built), warm-up: empty database %.1f ms, %u cards built\n", ms, vigil_board_card_get_n_created () - c0);
    c0 = vigil_board_card_get_n_created ();
    ms = first_frame (big, NULL);
    g_print ("main window (all five pages built), warm-up: 100k database %.1f ms, %u cards built\n", ms, vigil_board_card_get_n_created () - c0);
    fflush (stdout);
  }
  drain ();
  if (g_getenv ("VIGIL_BENCH_WARMUP_ONLY"))
    return 0;
  board_first_frame (empty);
  board_first_frame (big);
  drain ();
  for (int r = 0; r < runs; r++)
    {
      double a = board_first_frame (empty);
      double b;
      drain ();
      b = board_first_frame (big);
      drain ();
      g_array_append_val (t_empty, a);
      g_array_append_val (t_big, b);
    }
  {
    gint64 counts[5];
    vigil_store_count_incidents_by_stage (big, NULL, counts, NULL);
    g_print ("database: %s (%" G_GINT64_FORMAT " classification, %" G_GINT64_FORMAT
             " investigation, %" G_GINT64_FORMAT " containment, %" G_GINT64_FORMAT
             " resolution, %" G_GINT64_FORMAT " closed)\n", db,
             counts[0], counts[1], counts[2], counts[3], counts[4]);
  }
  g_print ("board page first frame (the page alone in a window): empty-board median %.1f ms, 100k board median %.1f ms, ratio %.2f "
           "(target <= 1.2, %d runs each)\n",
           median (t_empty), median (t_big), median (t_big) / median (t_empty), runs);
  fflush (stdout);

  if (g_strcmp0 (only, "first-frame") == 0)
    return 0;

  /* 2. filter keystrokes */
filter:
  first_frame (big, &window);
  page = VIGIL_BOARD_PAGE (vigil_window_get_page (VIGIL_WINDOW (window), "board"));
  for (guint w = 0; w < G_N_ELEMENTS (words) && n_prefixes < 100; w++)
    for (guint len = 1; len <= strlen (words[w]) && n_prefixes < 100; len++)
      {
        g_autofree char *prefix = g_strndup (words[w], len);
        gint64 t0 = g_get_monotonic_time ();
        double ms;
        vigil_board_page_set_filter_text (page, prefix);
        ms = (g_get_monotonic_time () - t0) / 1000.0;
        g_array_append_val (t_filter, ms);
        n_prefixes++;
        drain ();
      }
  {
    double worst;
    double med = median (t_filter);
    worst = g_array_index (t_filter, double, t_filter->len - 1);
    g_print ("filter keystroke (query + model update of 5 columns): median %.2f ms, p90 %.2f ms, "
             "max %.2f ms over %u prefixes (target <= 16 ms)\n", med,
             g_array_index (t_filter, double, t_filter->len * 9 / 10), worst, n_prefixes);
    fflush (stdout);
  }
  vigil_board_page_set_filter_text (page, "");
  drain ();
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  if (g_strcmp0 (only, "filter") == 0)
    return 0;

scroll:
  first_frame (big, &window);
  page = VIGIL_BOARD_PAGE (vigil_window_get_page (VIGIL_WINDOW (window), "board"));
  drain ();

  /* 3. scroll a column of >= 5000 cards */
  {
    GtkWidget *column_view = NULL;
    GListModel *model = NULL;
    GtkAdjustment *adj;
    guint cards_before, cards_after, n_items, window_before;
    guint built_before, built_after;
    int steps = 0;

    for (guint s = 0; s < VIGIL_N_STAGES; s++)
      if (vigil_board_page_get_column_count (page, s) >= 5000)
        {
          column_view = vigil_board_page_get_column_view (page, s);
          model = vigil_board_page_get_column_model (page, s);
          break;
        }
    if (column_view == NULL)
      {
        /* no open column that long: every closed incident */
        vigil_board_page_set_show_all_closed (page, TRUE);
        drain ();
        column_view = vigil_board_page_get_column_view (page, VIGIL_STAGE_CLOSED);
        model = vigil_board_page_get_column_model (page, VIGIL_STAGE_CLOSED);
      }
    wait_for_frame (window);
    n_items = 0;
    for (guint s = 0; s < VIGIL_N_STAGES; s++)
      if (vigil_board_page_get_column_model (page, s) == model)
        n_items = vigil_board_page_get_column_count (page, s);
    window_before = g_list_model_get_n_items (model);
    cards_before = vigil_board_card_get_n_created ();
    built_before = vigil_record_list_get_n_built (VIGIL_RECORD_LIST (model));
    adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view));
    /* 100 pages down from the top, then jumps (as when dragging the
     * scroll bar) through the whole column to its end */
    for (; steps < 100; steps++)
      {
        gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) +
                                       gtk_adjustment_get_page_size (adj) * 0.9);
        wait_for_frame (window);
      }
    for (int j = 1; j <= 50; j++, steps++)
      {
        double upper = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);
        gtk_adjustment_set_value (adj, upper * j / 50.0);
        wait_for_frame (window);
      }
    /* and on at the end while the window grows, to the last card */
    for (int j = 0; j < 200 && g_list_model_get_n_items (model) < n_items; j++, steps++)
      {
        gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
        wait_for_frame (window);
        drain ();
      }
    cards_after = vigil_board_card_get_n_created ();
    built_after = vigil_record_list_get_n_built (VIGIL_RECORD_LIST (model));
    g_print ("scrolling a %u-card column to the end in %d steps (its list a window of %u ids at the "
             "top, %u at the end): %u card widgets built (%u in all five columns before scrolling), "
             "%u records built\n",
             n_items, steps, window_before, g_list_model_get_n_items (model),
             cards_after - cards_before, cards_before, built_after - built_before);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  return 0;
}
