/* bench-inventory.c — the inventory at scale: filter keystrokes on 20,000
 * assets, a 20,000-row CSV import against `sqlite3 .import`, and 500 PDFs
 * indexed in the background while the main loop keeps running
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; never passes or fails on time.  No display needed.
 *
 *   bench-inventory [--assets N] [--pdfs N]
 *
 * 1. Filter: N assets (20,000) with addresses, teams and contacts.  Typing
 *    queries character by character, each keystroke is what the page does:
 *    the filtered, sorted ids from SQL, then the lazy model's update.
 *    Prints the median and the 95th percentile.
 * 2. Import: the same N rows as a CSV file, imported into an empty database
 *    with vigil_asset_import_file(), and `sqlite3 DB ".import --csv FILE t"`
 *    into a table of its own (median of 3 each); prints the ratio.
 * 3. Extraction: P PDFs (500) of a few pages each, made with cairo, archived,
 *    then extracted by the background job while a 1 ms timeout on the main
 *    loop records the longest gap between two of its calls (the stall).
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "vigil-asset-import.h"
#include "vigil-core.h"
#include "vigil-extract.h"
#include "vigil-store-assets.h"
#include "vigil-store-documents.h"
#include "vigil-store-private.h"

static int n_assets = 20000;
static int n_pdfs = 500;
static gboolean breakdown;
static gboolean keep;

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, MIN ((guint) (p * values->len), values->len - 1));
}

static double
cpu_ms (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static VigilStore *
new_store (const char *dir,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  VigilStore *store = vigil_store_open (path, VIGIL_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return store;
}

static const char * const words[] = {
  "web", "db", "mail", "erp", "crm", "dns", "proxy", "vpn", "backup", "file", "print", "ad",
  "k8s", "ci", "git", "wiki", "siem", "edr", "fw", "lb",
};

static char *
write_csv (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "assets.csv", NULL);
  GString *csv = g_string_new ("name,kind,addresses,owner_team,contact,criticality,environment,location,description\n");
  static const char * const crit[] = { "low", "medium", "high", "critical" };

  for (int i = 0; i < n_assets; i++)
    g_string_append_printf (csv, "%s-%05d,server,10.%d.%d.%d,Team %d,person%d@example.org,%s,production,"
                                 "Site %d,\"%s server number %d, rack %d\"\n",
                            words[i % G_N_ELEMENTS (words)], i, (i >> 16) & 255, (i >> 8) & 255, i & 255,
                            i % 40, i % 1000, crit[i % 4], i % 12, words[(i / 7) % G_N_ELEMENTS (words)],
                            i, i % 50);
  g_assert_true (g_file_set_contents (path, csv->str, (gssize) csv->len, NULL));
  g_string_free (csv, TRUE);
  return g_steal_pointer (&path);
}

static void
seed_org (VigilStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) sql = g_string_new ("BEGIN;");

  for (int t = 0; t < 40; t++)
    g_string_append_printf (sql, "INSERT INTO teams (name, created_at, updated_at) VALUES ('Team %d', 'x', 'x');", t);
  for (int p = 0; p < 1000; p++)
    g_string_append_printf (sql, "INSERT INTO people (name, email, team_id, created_at, updated_at) "
                                 "VALUES ('Person %d', 'person%d@example.org', %d, 'x', 'x');", p, p, 1 + p % 40);
  g_string_append (sql, "COMMIT;");
  g_assert_true (vigil_store_exec (store, sql->str, &error));
}

static GObject *
load_asset (gpointer user_data,
            gint64   id)
{
  return (GObject *) vigil_store_get_asset (user_data, id, NULL);
}

static void
bench_filter (VigilStore *store)
{
  static const char * const queries[] = { "web-00123", "10.0.12", "person 42", "team 7", "critical", "site 3", "rack" };
  g_autoptr(VigilRecordList) list = vigil_record_list_new (VIGIL_TYPE_ASSET, load_asset, store, NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sql_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) model_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rows_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all = NULL;

  all = vigil_store_list_asset_ids (store, NULL, VIGIL_ASSET_SORT_NAME, FALSE, NULL);
  vigil_record_list_set_ids (list, (gint64 *) (gpointer) all->data, all->len);
  for (guint round = 0; round < 3; round++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      for (gsize len = 1; len <= strlen (queries[q]); len++)
        {
          g_autofree char *typed = g_strndup (queries[q], len);
          gint64 t0 = g_get_monotonic_time ();
          double c0 = cpu_ms ();
          g_autoptr(GArray) ids = vigil_store_list_asset_ids (store, typed, (VigilAssetSort) (round * 3 % VIGIL_N_ASSET_SORTS),
                                                              round == 1, NULL);
          gint64 t1 = g_get_monotonic_time (), t2;
          double ms;

          vigil_record_list_set_ids (list, (gint64 *) (gpointer) ids->data, ids->len);
          t2 = g_get_monotonic_time ();
          /* the rows a view would show */
          for (guint i = 0; i < MIN (40u, ids->len); i++)
            g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
          ms = (t1 - t0) / 1000.0;
          g_array_append_val (sql_ms, ms);
          ms = (t2 - t1) / 1000.0;
          g_array_append_val (model_ms, ms);
          ms = (g_get_monotonic_time () - t2) / 1000.0;
          g_array_append_val (rows_ms, ms);
          if (breakdown)
            g_print ("  %-12s sort %d%s: %5u ids, SQL %6.2f ms, model %5.2f ms, rows %5.2f ms\n", typed,
                     round * 3 % VIGIL_N_ASSET_SORTS, round == 1 ? " desc" : "", ids->len,
                     (t1 - t0) / 1000.0, (t2 - t1) / 1000.0, ms);
          ms = (g_get_monotonic_time () - t0) / 1000.0;
          g_array_append_val (times, ms);
          ms = cpu_ms () - c0;
          g_array_append_val (cpu, ms);
        }
  g_print ("filter keystroke on %d assets: median %.2f ms, p95 %.2f ms, max %.2f ms over %u keystrokes "
           "(target: median <= 16 ms)\n", n_assets, percentile (times, 0.5), percentile (times, 0.95),
           percentile (times, 1.0), times->len);
  g_print ("filter keystroke CPU time (load-independent): median %.2f ms, p95 %.2f ms\n",
           percentile (cpu, 0.5), percentile (cpu, 0.95));
  g_print ("filter keystroke parts (medians): ids from SQL %.2f ms, model update %.2f ms, "
           "40 rows built %.2f ms\n", percentile (sql_ms, 0.5), percentile (model_ms, 0.5),
           percentile (rows_ms, 0.5));
}

static double
median3 (double a, double b, double c)
{
  return MAX (MIN (a, b), MIN (MAX (a, b), c));
}

static void
bench_import (const char *dir,
              const char *csv)
{
  double ours[3], theirs[3], ours_cpu[3], theirs_cpu[3];

  for (int run = 0; run < 3; run++)
    {
      g_autofree char *name = g_strdup_printf ("import-%d.db", run);
      g_autoptr(VigilStore) store = new_store (dir, name);
      g_autoptr(VigilAssetImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *raw = g_strdup_printf ("%s/raw-%d.db", dir, run);
      g_autofree char *cmd = NULL;
      gint64 t0;
      int status;

      struct rusage before, after;
      double c0;

      seed_org (store);
      t0 = g_get_monotonic_time ();
      c0 = cpu_ms ();
      g_assert_true (vigil_asset_import_file (store, csv, NULL, 0, &report, &error));
      ours[run] = (g_get_monotonic_time () - t0) / 1e6;
      ours_cpu[run] = (cpu_ms () - c0) / 1000.0;
      getrusage (RUSAGE_CHILDREN, &before);
      g_assert_cmpuint (report->created, ==, (guint) n_assets);

      cmd = g_strdup_printf ("sqlite3 %s \".import --csv %s t\"", raw, csv);
      t0 = g_get_monotonic_time ();
      if (!g_spawn_command_line_sync (cmd, NULL, NULL, &status, NULL) || status != 0)
        {
          g_print ("sqlite3 .import could not run; import alone: %.3f s\n", ours[run]);
          return;
        }
      theirs[run] = (g_get_monotonic_time () - t0) / 1e6;
      getrusage (RUSAGE_CHILDREN, &after);
      theirs_cpu[run] = (after.ru_utime.tv_sec - before.ru_utime.tv_sec + after.ru_stime.tv_sec - before.ru_stime.tv_sec)
                        + (after.ru_utime.tv_usec - before.ru_utime.tv_usec + after.ru_stime.tv_usec - before.ru_stime.tv_usec) / 1e6;
    }
  g_print ("CSV import of %d rows: Vigil %.3f s, sqlite3 .import %.3f s (median of 3): ratio %.2fx "
           "(target: <= 3x)\n", n_assets, median3 (ours[0], ours[1], ours[2]),
           median3 (theirs[0], theirs[1], theirs[2]),
           median3 (ours[0], ours[1], ours[2]) / median3 (theirs[0], theirs[1], theirs[2]));
  g_print ("CSV import CPU time: Vigil %.3f s, sqlite3 .import %.3f s: ratio %.2fx\n",
           median3 (ours_cpu[0], ours_cpu[1], ours_cpu[2]), median3 (theirs_cpu[0], theirs_cpu[1], theirs_cpu[2]),
           median3 (ours_cpu[0], ours_cpu[1], ours_cpu[2]) / median3 (theirs_cpu[0], theirs_cpu[1], theirs_cpu[2]));
}

static void
make_pdf (const char *path,
          int         n)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);
  for (int page = 0; page < 3; page++)
    {
      for (int line = 0; line < 50; line++)
        {
          g_autofree char *text = g_strdup_printf ("Document %d page %d line %d: the %s network segment "
                                                   "uplinks to core switch %d via firewall %d.", n, page,
                                                   line, words[(n + line) % G_N_ELEMENTS (words)], n % 17, line);
          cairo_move_to (cr, 40, 40 + line * 15);
          cairo_show_text (cr, text);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

typedef struct
{
  gint64   last;
  gint64   max_gap;
  gboolean done;
  guint    progress;
} Loop;

static gboolean
tick (gpointer user_data)
{
  Loop *loop = user_data;
  gint64 now = g_get_monotonic_time ();

  loop->max_gap = MAX (loop->max_gap, now - loop->last);
  loop->last = now;
  return G_SOURCE_CONTINUE;
}

static void
on_progress (guint done, guint total, gpointer user_data)
{
  ((Loop *) user_data)->progress = done;
}

static void
on_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Loop *loop = user_data;
  g_autoptr(GError) error = NULL;
  guint done = 0;

  g_assert_true (vigil_extract_pending_finish (VIGIL_STORE (source), result, &done, NULL, &error));
  loop->done = TRUE;
}

static void
bench_extract (const char *dir)
{
  g_autoptr(VigilStore) store = new_store (dir, "pdfs.db");
  g_autofree char *pdf_dir = g_build_filename (dir, "pdfs", NULL);
  Loop loop = { 0 };
  gint64 t0;
  guint id;

  g_mkdir_with_parents (pdf_dir, 0700);
  t0 = g_get_monotonic_time ();
  for (int i = 0; i < n_pdfs; i++)
    {
      g_autofree char *name = g_strdup_printf ("doc-%03d.pdf", i);
      g_autofree char *path = g_build_filename (pdf_dir, name, NULL);
      g_autoptr(GError) error = NULL;
      make_pdf (path, i);
      g_assert_cmpint (vigil_store_add_document (store, path, NULL, NULL, &error), >, 0);
    }
  g_print ("made and archived %d PDFs in %.2f s\n", n_pdfs, (g_get_monotonic_time () - t0) / 1e6);

  t0 = g_get_monotonic_time ();
  loop.last = t0;
  id = g_timeout_add (1, tick, &loop);
  vigil_extract_pending_async (store, NULL, on_progress, &loop, on_done, &loop);
  while (!loop.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
  g_print ("indexed %d PDFs in the background in %.2f s; longest main-loop stall %.1f ms "
           "(target: < 50 ms); %u progress reports; searchable: %" G_GINT64_FORMAT " hits for \"firewall\"\n",
           n_pdfs, (g_get_monotonic_time () - t0) / 1e6, loop.max_gap / 1000.0, loop.progress,
           vigil_store_query_int (store, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'firewall'", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  const GOptionEntry entries[] = {
    { "assets", 0, 0, G_OPTION_ARG_INT, &n_assets, "Assets and CSV rows (20000)", "N" },
    { "pdfs", 0, 0, G_OPTION_ARG_INT, &n_pdfs, "PDFs to index (500)", "N" },
    { "breakdown", 0, 0, G_OPTION_ARG_NONE, &breakdown, "Print the parts of every filter keystroke", NULL },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the temporary databases and files", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  vigil_core_init ();
  dir = g_dir_make_tmp ("vigil-bench-inventory-XXXXXX", &error);
  g_assert_no_error (error);
  csv = write_csv (dir);

  {
    g_autoptr(VigilStore) store = new_store (dir, "filter.db");
    g_autoptr(VigilAssetImportReport) report = NULL;
    seed_org (store);
    g_assert_true (vigil_asset_import_file (store, csv, NULL, 0, &report, &error));
    bench_filter (store);
  }
  bench_import (dir, csv);
  bench_extract (dir);

  if (keep)
    g_print ("kept %s\n", dir);
  else
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf %s", dir);
      g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
    }
  return 0;
}
