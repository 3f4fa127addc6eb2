/* bench-overview.c — the overview's 90-day figures and a 20-page period report on 100,000 incidents
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; never passes or fails on time.  Targets: the 90-day
 * overview computes in under 100 ms, a 20-page period report renders in
 * under 2 s.
 *
 * Usage: bench-overview [--db PATH] [--runs N]
 * The database defaults to $VIGIL_BENCH_DB or /work/bench-100000.db
 * (made with `vigilctl --db PATH demo --scale 100000`); it is only read.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>

#include "vigil-report.h"
#include "vigil-store-metrics.h"

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* CPU time of the process, in ms: on a shared, loaded machine the wall
 * clock also counts the time other processes ran */
static double
cpu_ms (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, values->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *db = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_auto(VigilPeriod) period = { 0, };
  int runs = 7;
  gint64 incidents = 0;
  guint pages = 0;
  int days;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Database with 100,000 incidents", "PATH" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each measurement (median printed)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (db == NULL)
    db = g_strdup (g_getenv ("VIGIL_BENCH_DB") ? g_getenv ("VIGIL_BENCH_DB")
                                               : "/work/bench-100000.db");
  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_print ("SKIP: no database at %s; make one with "
               "`vigilctl --db %s demo --scale 100000`\n", db, db);
      return 0;
    }

  store = vigil_store_open (db, VIGIL_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* the synthetic database is dated relative to the day it was made */
  {
    VigilStats stats;

    vigil_store_get_stats (store, &stats, NULL);
    incidents = stats.incidents;
  }
  vigil_period_init_last_days (&period, 90);

  /* 90-day overview: one warm-up, then `runs` measured */
  for (int i = 0; i <= runs; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double c0 = cpu_ms ();
      g_autoptr(VigilMetrics) m = vigil_store_compute_metrics (store, &period, NULL, &error);
      double c1 = cpu_ms () - c0;

      if (m == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (i > 0)
        {
          double ms = (g_get_monotonic_time () - t0) / 1000.0;
          g_array_append_val (times, ms);
          g_array_append_val (cpu, c1);
        }
      if (i == runs)
        g_print ("overview-90d incidents-total=%" G_GINT64_FORMAT " in-period=%" G_GINT64_FORMAT
                 " open=%" G_GINT64_FORMAT "\n", incidents, m->incidents, m->open);
    }
  {
    double min = G_MAXDOUBLE;
    for (guint i = 0; i < times->len; i++)
      min = MIN (min, g_array_index (times, double, i));
    g_print ("overview-90d-ms wall median=%.1f min=%.1f cpu median=%.1f runs=%u (target < 100)\n",
             median (times), min, median (cpu), times->len);
  }

  /* a period report of about 20 pages: grow the period until it has them */
  dir = g_dir_make_tmp ("vigil-bench-XXXXXX", NULL);
  pdf = g_build_filename (dir, "period.pdf", NULL);
  for (days = 1; days < 90; days++)
    {
      g_auto(VigilPeriod) p = { 0, };
      g_autoptr(GPtrArray) rows = NULL;

      vigil_period_init_last_days (&p, days);
      rows = vigil_store_list_period_incidents (store, &p, FALSE, NULL);
      g_autoptr(GPtrArray) major = vigil_store_list_period_incidents (store, &p, TRUE, NULL);

      /* about 40 rows a page (two tables) after three pages of figures */
      if (rows != NULL && major != NULL && (rows->len + major->len) / 40 + 3 >= 20)
        break;
    }
  vigil_period_clear (&period);
  vigil_period_init_last_days (&period, days);

  g_array_set_size (times, 0);
  g_array_set_size (cpu, 0);
  for (int i = 0; i < MAX (runs / 2, 3); i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double c0 = cpu_ms ();

      if (!vigil_report_write_period (store, &period, NULL, pdf, &pages, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      {
        double ms = (g_get_monotonic_time () - t0) / 1000.0;
        double c1 = cpu_ms () - c0;
        g_array_append_val (times, ms);
        g_array_append_val (cpu, c1);
      }
    }
  {
    GStatBuf st;
    g_stat (pdf, &st);
    g_print ("period-report days=%d pages=%u bytes=%ld\n", days, pages, (long) st.st_size);
  }
  g_print ("period-report-ms wall median=%.0f cpu median=%.0f runs=%u (target < 2000 for 20 pages)\n",
           median (times), median (cpu), times->len);

  g_unlink (pdf);
  g_rmdir (dir);
  return 0;
}
