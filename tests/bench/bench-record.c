/* bench-record.c — the incident page and the shared-value lookup
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; never passes or fails on time.  Needs a display (run it
 * under xvfb-run with GSK_RENDERER=cairo).
 *
 *  1. Opening the incident page of an incident with 500 timeline entries,
 *     100 observables and 50 actions: from the call to its first painted
 *     frame (median of N runs), then every section built at once, each
 *     beside a bare AdwWindow's first frame measured the same way.
 *     Then, per section (Actions, Observables, Timeline), on a freshly
 *     opened page: from switching to the section to its first painted
 *     frame (median of --section-runs runs; the section is built then).
 *  2. The shared-value lookup (vigil_store_find_shared) over 1,000,000
 *     observables: median and 99th percentile of 2,000 lookups, with the
 *     same lookup on a copy without the observables_value index for scale.
 *
 *   bench-record [--runs N] [--section-runs N] [--observables N] [--page-only]
 */
#include "config.h"

#include <time.h>

#include <adwaita.h>

#include "vigil-gui.h"
#include "vigil-incident-window.h"
#include "vigil-store-demo.h"
#include "vigil-store-private.h"
#include "vigil-store-records.h"

static int runs = 15;
static int n_observables = 1000000;
static gboolean page_only;
static int section_runs = 5;

static gboolean painted;

/* This process's CPU time: steadier than wall time on a shared machine. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  painted = TRUE;
}

static void
realize_cb (GtkWidget *widget)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
}

static double
first_frame_ms (GtkWindow *window,
                gint64     t0)
{
  painted = FALSE;
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, cmp_double);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (p * values->len)));
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gint64
big_incident (VigilStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (vigil_store_exec (store,
    "INSERT INTO incidents (ref, title, description, stage, severity, category, created_at, "
    "updated_at, detected_at) VALUES ('INC-2026-5000', 'Bench: a long-running intrusion', "
    "'Beaconing to 203.0.113.50 and cdn.bad.example from several hosts', 'containment', 'high', "
    "'intrusions', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')",
    &error));
  id = vigil_store_query_int (store, "SELECT id FROM incidents WHERE ref = 'INC-2026-5000'", NULL);
  vigil_store_begin (store, NULL);
  for (int i = 0; i < 50; i++)
    {
      g_autofree char *title = g_strdup_printf ("Bench task %d", i);
      VigilActionSpec spec = { .title = title, .kind = i % 5 == 0 ? "countermeasure" : "task",
                               .stage = "containment", .owner_team = NULL };
      g_assert_cmpint (vigil_store_add_action (store, id, &spec, &error), >, 0);
    }
  for (int i = 0; i < 100; i++)
    {
      g_autofree char *value = g_strdup_printf ("198.51.%d.%d", i / 200, i % 200 + 1);
      g_assert_cmpint (vigil_store_add_observable (store, id, "ip", value, i % 3 == 0, NULL, NULL,
                                                   &error), >, 0);
    }
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM timeline WHERE incident_id = %"
                                            G_GINT64_FORMAT, id);
    while (vigil_store_query_int (store, sql, NULL) < 500)
      vigil_store_add_note (store, id, "Bench note: checked the proxy logs again", NULL, &error);
  }
  vigil_store_commit (store, NULL);
  g_assert_no_error (error);
  return id;
}

/* Not inlined: profilers can collect this call alone
 * (valgrind --tool=callgrind --toggle-collect=open_page). */
static G_GNUC_NO_INLINE VigilIncidentWindow *
open_page (VigilStore *store,
           gint64      id,
           gint64      t0,
           double     *ms)
{
  VigilIncidentWindow *page = g_object_new (VIGIL_TYPE_INCIDENT_WINDOW, "store", store,
                                            "incident-id", id, NULL);

  gtk_window_set_default_size (GTK_WINDOW (page), 1100, 900);
  *ms = first_frame_ms (GTK_WINDOW (page), t0);
  return page;
}

/* From switching to `section` on a freshly painted page to its first frame. */
static G_GNUC_NO_INLINE double
show_section (VigilIncidentWindow *page,
              const char          *section,
              double              *cpu)
{
  gint64 t0;
  double c0;

  /* the Summary's lower groups are added after the first frame: let them
   * be laid out and painted first */
  drain ();
  painted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (page));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  drain ();
  painted = FALSE;
  c0 = cpu_ms ();
  t0 = g_get_monotonic_time ();
  vigil_incident_window_set_section (page, section);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  *cpu = cpu_ms () - c0;
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static void
bench_sections (VigilStore *store,
                gint64      id)
{
  /* Contacts: the big incident has none, the cost of an almost empty section */
  const char * const names[] = { "contacts", "actions", "observables", "timeline", NULL };

  for (guint n = 0; names[n]; n++)
    {
      g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));

      for (int r = 0; r < section_runs; r++)
        {
          double ms, c0;
          VigilIncidentWindow *page = open_page (store, id, g_get_monotonic_time (), &ms);

          ms = show_section (page, names[n], &c0);
          g_array_append_val (wall, ms);
          g_array_append_val (cpu, c0);
          gtk_window_destroy (GTK_WINDOW (page));
          drain ();
        }
      g_print ("section %-12s first frame:  median %.1f ms, max %.1f ms (target < 100 ms; "
               "CPU median %.1f ms)\n", names[n], percentile (wall, 0.5), percentile (wall, 1.0),
               percentile (cpu, 0.5));
    }
}

static void
bench_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vigil-bench-record-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "page.db", NULL);
  g_autoptr(VigilStore) store = vigil_store_open (path, VIGIL_STORE_OPEN_CREATE, &error);
  g_autoptr(GArray) page_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) page_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (vigil_store_load_demo (store, 0, &error));
  id = big_incident (store);
  g_print ("incident: %" G_GINT64_FORMAT " timeline entries, %" G_GINT64_FORMAT
           " observables, %" G_GINT64_FORMAT " actions\n",
           vigil_store_query_int (store, "SELECT count(*) FROM timeline WHERE incident_id = "
                                         "(SELECT id FROM incidents WHERE ref = 'INC-2026-5000')", NULL),
           vigil_store_query_int (store, "SELECT count(*) FROM observables WHERE incident_id = "
                                         "(SELECT id FROM incidents WHERE ref = 'INC-2026-5000')", NULL),
           vigil_store_query_int (store, "SELECT count(*) FROM actions WHERE incident_id = "
                                         "(SELECT id FROM incidents WHERE ref = 'INC-2026-5000')", NULL));

  for (int r = 0; r < runs + 1; r++)
    {
      double c0 = cpu_ms ();
      gint64 t0 = g_get_monotonic_time ();
      GtkWindow *bare = GTK_WINDOW (adw_window_new ());
      double ms, cpu;

      gtk_window_set_default_size (bare, 1100, 900);
      ms = first_frame_ms (bare, t0);
      cpu = cpu_ms () - c0;
      gtk_window_destroy (bare);
      drain ();
      if (r > 0)
        {
          g_array_append_val (bare_ms, ms);
          g_array_append_val (bare_cpu, cpu);
        }

      c0 = cpu_ms ();
      t0 = g_get_monotonic_time ();
      {
        VigilIncidentWindow *page = open_page (store, id, t0, &ms);
        cpu = cpu_ms () - c0;
        if (r > 0)
          {
            g_array_append_val (page_ms, ms);
            g_array_append_val (page_cpu, cpu);
          }
        if (page_only)
          {
            gtk_window_destroy (GTK_WINDOW (page));
            drain ();
            continue;
          }
        t0 = g_get_monotonic_time ();
        vigil_incident_window_build_all (page);
        for (const char * const *s = (const char *[]) { "actions", "observables", "timeline",
                                                         NULL }; *s; s++)
          {
            vigil_incident_window_set_section (page, *s);
            painted = FALSE;
            gtk_widget_queue_draw (GTK_WIDGET (page));
            while (!painted)
              g_main_context_iteration (NULL, TRUE);
          }
        ms = (g_get_monotonic_time () - t0) / 1000.0;
        if (r > 0)
          g_array_append_val (all_ms, ms);
        gtk_window_destroy (GTK_WINDOW (page));
        drain ();
      }
    }
  g_print ("bare AdwWindow first frame:      median %.1f ms (CPU median %.1f ms, min %.1f ms)\n",
           percentile (bare_ms, 0.5), percentile (bare_cpu, 0.5), percentile (bare_cpu, 0));
  g_print ("incident page first frame:       median %.1f ms, max %.1f ms (target < 100 ms; "
           "CPU median %.1f ms, min %.1f ms)\n", percentile (page_ms, 0.5),
           percentile (page_ms, 1.0), percentile (page_cpu, 0.5), percentile (page_cpu, 0));
  if (all_ms->len > 0)
    g_print ("every section built and painted: median %.1f ms (Actions, Observables, Timeline "
             "shown)\n", percentile (all_ms, 0.5));
  g_print ("ratio page / bare window:        %.2f\n",
           percentile (page_ms, 0.5) / percentile (bare_ms, 0.5));
  if (section_runs > 0)
    bench_sections (store, id);
}

static void
bench_shared (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vigil-bench-shared-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shared.db", NULL);
  g_autoptr(VigilStore) store = vigil_store_open (path, VIGIL_STORE_OPEN_CREATE, &error);
  g_autoptr(GArray) with_index = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) without = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) with_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  sqlite3_stmt *stmt;
  gint64 t0, shared_found = 0;
  int n_alerts = 20000;

  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  vigil_store_begin (store, NULL);
  vigil_store_exec (store,
    "INSERT INTO incidents (id, ref, title, created_at, updated_at) VALUES "
    "(1, 'INC-2026-0001', 'Bench', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z'),"
    "(2, 'INC-2026-0002', 'Bench 2', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')", &error);
  stmt = vigil_store_prepare (store, "INSERT INTO alerts (id, source, dedup_key, title, first_seen, "
                              "last_seen, created_at, updated_at) VALUES (?1, 'bench', ?1, 'Bench "
                              "alert', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', "
                              "'2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')", &error);
  for (int i = 1; i <= n_alerts; i++)
    {
      sqlite3_bind_int (stmt, 1, i);
      vigil_store_step_done (store, stmt, &error);
    }
  /* 1,000,000 observables of alerts: IPs drawn from 250,000 values, so a
   * value is shared by four alerts on average; types mixed like real feeds */
  stmt = vigil_store_prepare (store, "INSERT INTO observables (alert_id, type, value, created_at) "
                              "VALUES (?1, ?2, ?3, '2026-11-01T00:00:00Z')", &error);
  for (int i = 0; i < n_observables; i++)
    {
      char value[64];
      int k = g_rand_int_range (rand, 0, 250000);
      const char *type = i % 10 == 0 ? "domain" : i % 10 == 1 ? "sha256" : "ip";

      if (g_str_equal (type, "ip"))
        g_snprintf (value, sizeof value, "10.%d.%d.%d", k / 65536, (k / 256) % 256, k % 256);
      else if (g_str_equal (type, "domain"))
        g_snprintf (value, sizeof value, "host%d.bad.example", k);
      else
        g_snprintf (value, sizeof value, "%064x", k);
      sqlite3_bind_int (stmt, 1, i % n_alerts + 1);
      sqlite3_bind_text (stmt, 2, type, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, value, -1, SQLITE_TRANSIENT);
      vigil_store_step_done (store, stmt, &error);
    }
  vigil_store_commit (store, &error);
  g_assert_no_error (error);
  vigil_store_exec (store, "ANALYZE", NULL);
  g_print ("\n%d observables written in %.1f s\n", n_observables,
           (g_get_monotonic_time () - t0) / 1e6);

  for (int pass = 0; pass < 2; pass++)
    {
      GArray *out = pass == 0 ? with_index : without;
      int lookups = pass == 0 ? 2000 : 20;

      if (pass == 1)
        vigil_store_exec (store, "DROP INDEX observables_value", NULL);
      for (int i = 0; i < lookups; i++)
        {
          char value[64];
          int k = g_rand_int_range (rand, 0, 250000);
          g_autoptr(GPtrArray) shared = NULL;
          gint64 t;
          double ms, c;

          g_snprintf (value, sizeof value, "10.%d.%d.%d", k / 65536, (k / 256) % 256, k % 256);
          c = cpu_ms ();
          t = g_get_monotonic_time ();
          shared = vigil_store_find_shared (store, "ip", value, 1, &error);
          ms = (g_get_monotonic_time () - t) / 1000.0;
          c = cpu_ms () - c;
          if (pass == 0)
            g_array_append_val (with_cpu, c);
          g_assert_no_error (error);
          shared_found += shared->len;
          g_array_append_val (out, ms);
        }
    }
  g_print ("shared-value lookup over %d observables (2,000 random IPs, %.1f sharers each):\n",
           n_observables, shared_found / 2020.0);
  g_print ("  with observables_value:    median %.3f ms, p99 %.3f ms (target < 5 ms)\n",
           percentile (with_index, 0.5), percentile (with_index, 0.99));
  g_print ("  CPU time of the same:       median %.3f ms, p99 %.3f ms\n",
           percentile (with_cpu, 0.5), percentile (with_cpu, 0.99));
  g_print ("  without the index (scale): median %.1f ms\n", percentile (without, 0.5));
  g_print ("  ratio without / with:      %.0f×\n",
           percentile (without, 0.5) / percentile (with_index, 0.5));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Page openings to time", "N" },
    { "observables", 0, 0, G_OPTION_ARG_INT, &n_observables, "Observables for the lookup", "N" },
    { "section-runs", 0, 0, G_OPTION_ARG_INT, &section_runs, "Section switches to time (each on a new page)", "N" },
    { "page-only", 0, 0, G_OPTION_ARG_NONE, &page_only, "Time only the page's first frame", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, NULL))
    return 2;
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();
  vigil_gui_init ();
  bench_page ();
  if (!page_only)
    bench_shared ();
  return 0;
}
