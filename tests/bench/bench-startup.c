/* bench-startup.c — launch to first frame: Vigil on a large database vs a bare window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; never passes or fails on time.  Needs a display (run it
 * under xvfb-run).  Each run spawns a fresh process and measures from the
 * spawn to the line the child prints after its first frame was painted:
 *
 *   - a bare libadwaita window this program builds itself (--bare-child),
 *   - `vigil --db DB` with VIGIL_BENCH_FIRST_FRAME=1 set,
 *
 * alternating the two so that machine noise hits both alike, then prints the
 * medians, their ratio and the resident memory at the first frame.  It also
 * times `vigilctl stats --json` on the same database.
 *
 *   bench-startup [--runs N] [--scale N] [--db PATH] [--view NAME]
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

/* The bare window ------------------------------------------------------- */

static void
bare_after_paint_cb (GdkFrameClock *clock,
                     GtkWindow     *window)
{
  g_autofree char *status = NULL;
  const char *line = NULL;

  g_signal_handlers_disconnect_by_func (clock, bare_after_paint_cb, window);
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    line = strstr (status, "VmRSS:");
  g_print ("first-frame rss-kb=%ld\n", line ? strtol (line + 6, NULL, 10) : -1L);
  fflush (stdout);
  gtk_window_destroy (window);
}

static void
bare_realized_cb (GtkWidget *widget)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (bare_after_paint_cb), widget);
}

static void
bare_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Bare window");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (window, "realize", G_CALLBACK (bare_realized_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_bare_child (void)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.vigilsoc.VigilBench",
                                                       G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (bare_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

/* The parent: spawn, time, compare ---------------------------------------- */

typedef struct
{
  double ms;
  long   rss_kb;
} Sample;

static gboolean
run_once (const char * const *argv,
          gboolean            first_frame_env,
          Sample             *sample)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *rss;
  gint64 t0 = g_get_monotonic_time ();

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  if (first_frame_env)
    g_subprocess_launcher_setenv (launcher, "VIGIL_BENCH_FIRST_FRAME", "1", TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (proc == NULL)
    {
      g_printerr ("bench-startup: %s\n", error->message);
      return FALSE;
    }

  /* the line arrives at the first frame; the process then exits */
  {
    GInputStream *stdout_pipe = g_subprocess_get_stdout_pipe (proc);
    g_autoptr(GDataInputStream) data = g_data_input_stream_new (stdout_pipe);
    out = g_data_input_stream_read_line_utf8 (data, NULL, NULL, &error);
  }
  sample->ms = (g_get_monotonic_time () - t0) / 1000.0;
  g_subprocess_wait (proc, NULL, NULL);

  if (out == NULL || (rss = strstr (out, "rss-kb=")) == NULL)
    {
      g_printerr ("bench-startup: %s printed no first-frame line\n", argv[0]);
      return FALSE;
    }
  sample->rss_kb = strtol (rss + 7, NULL, 10);
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  if (values->len == 0)
    return 0;
  if (values->len % 2)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1) +
          g_array_index (values, double, values->len / 2)) / 2;
}

static char *
find_sibling (const char *self_path,
              const char *relative)
{
  g_autofree char *dir = g_path_get_dirname (self_path);
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  return g_canonicalize_filename (path, NULL);
}

static gboolean
ensure_database (const char *vigilctl,
                 const char *db,
                 int         scale)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *scale_text = g_strdup_printf ("%d", scale);
  const char *argv[] = { vigilctl, "--db", db, "demo", "--scale", scale_text, NULL };
  int status = 0;

  if (g_file_test (db, G_FILE_TEST_EXISTS))
    return TRUE;
  g_print ("Creating %s with %d incidents (vigilctl demo --scale)…\n", db, scale);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                     &status, &error) || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-startup: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *vigil = NULL;
  g_autofree char *vigilctl = NULL;
  g_autofree char *self = NULL;
  g_autofree char *db = NULL;
  g_autofree char *view = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) vigil_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stats_ms = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean bare_child = FALSE;
  long bare_rss = 0, vigil_rss = 0;
  int runs = 7, scale = 100000;
  double b, v;
  const GOptionEntry entries[] = {
    { "bare-child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &bare_child, NULL, NULL },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each (default 7)", "N" },
    { "scale", 0, 0, G_OPTION_ARG_INT, &scale, "Incidents in the database (default 100000)", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Database (default build/bench-SCALE.db)", "PATH" },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view, "Page to open (default board)", "NAME" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-startup: %s\n", error->message);
      return 2;
    }
  if (bare_child)
    return run_bare_child ();

  self = g_canonicalize_filename (argv[0], NULL);
  vigil = g_strdup (g_getenv ("VIGIL") ? g_getenv ("VIGIL") : NULL);
  if (vigil == NULL)
    vigil = find_sibling (self, "../../src/vigil");
  vigilctl = g_strdup (g_getenv ("VIGILCTL") ? g_getenv ("VIGILCTL") : NULL);
  if (vigilctl == NULL)
    vigilctl = find_sibling (self, "../../src/vigilctl");
  if (db == NULL)
    {
      g_autofree char *name = g_strdup_printf ("../../bench-%d.db", scale);
      db = find_sibling (self, name);
    }
  if (view == NULL)
    view = g_strdup ("board");
  if (!ensure_database (vigilctl, db, scale))
    return 1;

  {
    const char *bare_argv[] = { self, "--bare-child", NULL };
    const char *vigil_argv[] = { vigil, "--db", db, "--view", view, NULL };
    const char *stats_argv[] = { vigilctl, "--db", db, "stats", "--json", NULL };

    /* one warm-up of each, so both start with the same file cache */
    Sample s;
    if (!run_once (bare_argv, FALSE, &s) || !run_once (vigil_argv, TRUE, &s))
      return 1;

    for (int i = 0; i < runs; i++)
      {
        Sample sb, sv;
        gint64 t0;
        double ms;

        if (!run_once (bare_argv, FALSE, &sb) || !run_once (vigil_argv, TRUE, &sv))
          return 1;
        g_array_append_val (bare_ms, sb.ms);
        g_array_append_val (vigil_ms, sv.ms);
        bare_rss = MAX (bare_rss, sb.rss_kb);
        vigil_rss = MAX (vigil_rss, sv.rss_kb);

        t0 = g_get_monotonic_time ();
        if (!g_spawn_sync (NULL, (char **) stats_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                           NULL, NULL, NULL, NULL, NULL, NULL))
          return 1;
        ms = (g_get_monotonic_time () - t0) / 1000.0;
        g_array_append_val (stats_ms, ms);
      }
  }

  b = median (bare_ms);
  v = median (vigil_ms);
  g_print ("database:                 %s (%d incidents)\n", db, scale);
  g_print ("runs:                     %d of each, alternating\n", runs);
  g_print ("bare libadwaita window:   %.1f ms to first frame (median), %.1f MB resident\n",
           b, bare_rss / 1024.0);
  g_print ("vigil --view %-12s %.1f ms to first frame (median), %.1f MB resident\n",
           view, v, vigil_rss / 1024.0);
  g_print ("ratio vigil / bare:       %.2f (target ≤ 1.5)\n", b > 0 ? v / b : 0);
  g_print ("vigilctl stats --json:    %.1f ms (median, whole process; target < 50)\n",
           median (stats_ms));
  return 0;
}
