/* bench-orgchart.c — the org chart of 5,000 people: time to a usable view, main-loop
 * stalls during layout, and the embedded layout beside `dot -Tplain`
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-orgchart [--db PATH]      (default PATH: /work/bench-100000.db, which
 *                                    `vigilctl demo --scale 100000` makes: 5,000 people)
 *
 * Prints figures; never fails on time.  Needs a display (xvfb-run -a).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <time.h>

#include "vigil-graph.h"
#include "vigil-gui.h"
#include "vigil-org-chart.h"
#include "vigil-org-page.h"
#include "vigil-store-org.h"

static gint64 last_tick;
static gint64 last_cpu;
static gint64 max_stall;
static gint64 max_busy;
static gboolean measuring;

/* CPU time of the calling (main) thread, µs */
static gint64
thread_cpu (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* A gap between two ticks is a stall; the main thread's CPU time in the gap
 * is the part the program spent working (the rest, on a loaded machine,
 * is waiting for a core). */
static gboolean
tick (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu ();

  if (measuring && last_tick > 0)
    {
      max_stall = MAX (max_stall, now - last_tick);
      max_busy = MAX (max_busy, cpu - last_cpu);
    }
  if (measuring && last_tick > 0 && now - last_tick > 30000 && g_getenv ("VIGIL_BENCH_TRACE"))
    g_printerr ("stall %.1f ms (main thread busy %.1f ms) ending at %.1f ms\n",
                (now - last_tick) / 1e3, (cpu - last_cpu) / 1e3, (now % 100000000) / 1e3);
  last_tick = now;
  last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static gboolean painted;

static void
after_paint (GdkFrameClock *clock,
             gpointer       data)
{
  painted = TRUE;
}

static void
wait_for_paint (GtkWidget *window,
                GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong id;

  painted = FALSE;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), NULL);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

/* Runs the main loop until the view has a layout and a frame was painted
 * with every visible card drawn in full (text included): the view draws a
 * few tiles per frame, and a chart without its names is not usable yet. */
static void
wait_for_view (GtkWidget      *window,
               VigilGraphView *view)
{
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  while (vigil_graph_view_get_layout (view) == NULL)
    g_main_context_iteration (NULL, TRUE);
  wait_for_paint (window, GTK_WIDGET (view));
  while (!vigil_graph_view_get_drawing_complete (view))
    {
      painted = FALSE;
      wait_for_paint (window, GTK_WIDGET (view));
    }
}

typedef struct
{
  double usable_ms;
  double complete_ms;
  double stall_ms;
  double busy_ms;     /* the main thread's CPU time in the longest-working gap */
  guint  first_nodes;
  gboolean first_preliminary;
  double gvlayout_s;  /* gvLayout alone, from the result */
  double gvlayout_cpu_s;
} Open;

static Open
open_page (VigilStore *store,
           gboolean    usable_only)
{
  Open r = { 0 };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = vigil_org_page_new ();
  VigilGraphView *view = vigil_org_page_get_graph_view (VIGIL_ORG_PAGE (page));
  gint64 t0;
  guint source;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  /* the page opens in a window already on screen: its first frame is not the page's */
  wait_for_paint (window, window);

  source = g_timeout_add_full (G_PRIORITY_HIGH, 5, tick, NULL, NULL);
  t0 = g_get_monotonic_time ();
  last_tick = t0;
  last_cpu = thread_cpu ();
  max_stall = 0;
  max_busy = 0;
  measuring = TRUE;
  vigil_org_page_set_store (VIGIL_ORG_PAGE (page), store);
  wait_for_view (window, view);
  r.usable_ms = (g_get_monotonic_time () - t0) / 1000.0;
  r.first_nodes = vigil_graph_view_get_layout (view)->n_nodes;
  r.first_preliminary = vigil_graph_view_get_layout (view)->preliminary;
  if (usable_only)
    {
      /* a second of the main loop while the layout runs on the worker */
      gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;
      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, TRUE);
      r.stall_ms = max_stall / 1000.0;
      r.busy_ms = max_busy / 1000.0;
      g_source_remove (source);
      if (g_getenv ("VIGIL_BENCH_TRACE"))
        for (guint k = 0; k < 5; k++)
          {
            gint64 f0 = g_get_monotonic_time ();
            wait_for_view (window, view);
            g_printerr ("redraw (view cached) %.1f ms\n", (g_get_monotonic_time () - f0) / 1e3);
          }
      return r;
    }
  while (!vigil_org_page_is_complete (VIGIL_ORG_PAGE (page)))
    g_main_context_iteration (NULL, TRUE);
  wait_for_view (window, view);
  r.complete_ms = (g_get_monotonic_time () - t0) / 1000.0;
  r.gvlayout_s = vigil_graph_view_get_layout (view)->layout_seconds;
  r.gvlayout_cpu_s = vigil_graph_view_get_layout (view)->layout_cpu_seconds;
  measuring = FALSE;
  r.stall_ms = max_stall / 1000.0;
  r.busy_ms = max_busy / 1000.0;
  g_source_remove (source);
  gtk_window_destroy (GTK_WINDOW (window));
  return r;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(VigilGraph) graph = NULL;
  g_autofree char *db = g_strdup ("/work/bench-100000.db");
  g_autofree char *cold = g_dir_make_tmp ("vigil-bench-org-XXXXXX", NULL);
  g_autofree char *dot_path = NULL;
  g_autofree char *dot_text = NULL;
  g_autofree char *dot_out = NULL;
  VigilOrgChartOptions options = { 0 };
  Open first, again;
  gint64 t0;
  double list_ms, build_ms, layout_s, dot_s = -1, dot_cpu_s = 0;
  int status = 0;
  gboolean open_only = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Database (demo --scale 100000)", "PATH" },
    { "open-only", 0, 0, G_OPTION_ARG_NONE, &open_only,
      "Only open the page (cold cache) until the first usable view, for profiling", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_print ("# skipped: no %s (make it with vigilctl --db %s demo --scale 100000)\n", db, db);
      return 0;
    }
  gtk_init ();
  adw_init ();
  vigil_gui_init ();

  store = vigil_store_open (db, VIGIL_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* the window, cold cache: team overview first, full layout on the worker */
  vigil_graph_set_cache_dir (cold);
  if (open_only)
    {
      Open r = open_page (store, TRUE);
      g_print ("open, cold cache: usable view (%u cards, %s) in %.0f ms; max stall %.1f ms "
               "(main thread busy at most %.1f ms of a gap)\n",
               r.first_nodes, r.first_preliminary ? "quick tree layout" : "dot layout",
               r.usable_ms, r.stall_ms, r.busy_ms);
      return 0;
    }
  first = open_page (store, FALSE);
  /* again, as on the next start: the layout comes from the disk cache */
  vigil_graph_set_cache_dir (cold);  /* drops the memory cache, keeps the files */
  again = open_page (store, FALSE);

  /* the core alone: the full layout beside dot -Tplain on the same graph */
  t0 = g_get_monotonic_time ();
  people = vigil_store_list_people (store, &error);
  list_ms = (g_get_monotonic_time () - t0) / 1000.0;
  t0 = g_get_monotonic_time ();
  options.clusters = TRUE;
  graph = vigil_org_chart_people (people, &options, NULL);
  vigil_graph_get_hash (graph);
  build_ms = (g_get_monotonic_time () - t0) / 1000.0;
  layout_s = (first.complete_ms - first.usable_ms) / 1000.0;
  dot_text = vigil_graph_to_dot (graph);
  dot_path = g_build_filename (cold, "org.dot", NULL);
  g_file_set_contents (dot_path, dot_text, -1, NULL);
  {
    const char *dot_argv[] = { "dot", "-Tplain", dot_path, NULL };
    struct rusage before, after;
    getrusage (RUSAGE_CHILDREN, &before);
    t0 = g_get_monotonic_time ();
    if (g_spawn_sync (NULL, (char **) dot_argv, NULL, G_SPAWN_SEARCH_PATH |
                      G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &dot_out, NULL, &status, NULL) &&
        g_spawn_check_wait_status (status, NULL))
      dot_s = (g_get_monotonic_time () - t0) / 1e6;
    getrusage (RUSAGE_CHILDREN, &after);
    dot_cpu_s = (after.ru_utime.tv_sec - before.ru_utime.tv_sec) +
                (after.ru_utime.tv_usec - before.ru_utime.tv_usec) / 1e6 +
                (after.ru_stime.tv_sec - before.ru_stime.tv_sec) +
                (after.ru_stime.tv_usec - before.ru_stime.tv_usec) / 1e6;
  }

  g_print ("# org chart, %u people, %u reporting lines, %" G_GINT64_FORMAT " teams (%s)\n",
           people->len, vigil_graph_get_n_edges (graph),
           vigil_store_count (store, VIGIL_KIND_TEAM), db);
  g_print ("open, cold cache: usable view (%u cards, %s) in %.0f ms (target 300 ms); "
           "dot's chart in %.0f ms; max main-loop stall %.1f ms (target 50 ms), main thread "
           "busy at most %.1f ms of a gap\n",
           first.first_nodes, first.first_preliminary ? "quick tree layout" : "dot layout",
           first.usable_ms, first.complete_ms, first.stall_ms, first.busy_ms);
  g_print ("open, layout cached: full chart (%u cards) in %.0f ms; max stall %.1f ms, main "
           "thread busy at most %.1f ms of a gap\n",
           again.first_nodes, again.usable_ms, again.stall_ms, again.busy_ms);
  g_print ("core: list people %.1f ms, build graph + hash %.1f ms\n", list_ms, build_ms);
  if (dot_s > 0)
    g_print ("CPU time (robust on a busy machine): gvLayout on the worker %.2f s, dot -Tplain "
             "%.2f s, ratio %.2f\n", first.gvlayout_cpu_s, dot_cpu_s,
             first.gvlayout_cpu_s / MAX (dot_cpu_s, 1e-6));
  if (dot_s > 0)
    g_print ("full layout on the worker %.2f s (gvLayout %.2f s), dot -Tplain on the same "
             "graph %.2f s, ratio %.2f\n", layout_s, first.gvlayout_s, dot_s, layout_s / dot_s);
  else
    g_print ("full layout on the worker %.2f s (dot not found for comparison)\n", layout_s);
  return 0;
}
