/* bench-alerts.c — end-to-end import of 1,000,000 Suricata alerts
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes N EVE alert lines (default 1,000,000: 500 signatures, 50,000
 * distinct groups of source × signature × destination, destinations among a
 * 20,000-asset inventory), then prints:
 *   - the time json-glib alone takes to parse every line (JsonParser per line),
 *   - the time of `vigil_store_import_alerts` (read, parse, deduplicate, link
 *     to the assets, commit in batches) and its rate in alerts/s, with the
 *     ratio of the two,
 *   - resident memory sampled every 50 ms while it streams.
 * It prints figures and never fails on time.
 *
 *   build/tests/bench/bench-alerts [--alerts N] [--groups G] [--keep DIR]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <sys/resource.h>
#include <string.h>

#include "vigil-store-alerts.h"
#include "vigil-store-private.h"

static int n_alerts = 1000000;
static int n_groups = 50000;
static int n_assets = 20000;
static char *keep_dir = NULL;
static gboolean no_baseline = FALSE;

static const GOptionEntry entries[] = {
  { "alerts", 'n', 0, G_OPTION_ARG_INT, &n_alerts, "Alerts to write (1000000)", "N" },
  { "groups", 'g', 0, G_OPTION_ARG_INT, &n_groups, "Distinct alert groups (50000)", "G" },
  { "assets", 'a', 0, G_OPTION_ARG_INT, &n_assets, "Assets in the inventory (20000)", "N" },
  { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_dir, "Work in DIR and keep the files", "DIR" },
  { "no-baseline", 0, 0, G_OPTION_ARG_NONE, &no_baseline,
    "Skip the json-glib baseline (for profiling the import alone)", NULL },
  { NULL }
};

/* CPU seconds of this process (user + system): steadier than wall time on
 * a shared machine */
static double
cpu_seconds (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec +
         ru.ru_stime.tv_usec / 1e6;
}

static gint64
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  p = strstr (status, "VmRSS:");
  return p ? g_ascii_strtoll (p + 6, NULL, 10) : 0;
}

typedef struct
{
  volatile gboolean  stop;
  GArray            *samples;  /* gint64 kB */
} Sampler;

static gpointer
sample_rss (gpointer data)
{
  Sampler *s = data;

  while (!s->stop)
    {
      gint64 kb = rss_kb ();
      g_array_append_val (s->samples, kb);
      g_usleep (50000);
    }
  return NULL;
}

static void
write_inventory (VigilStore *store)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *asset, *addr;
  static const char *crit[] = { "low", "medium", "medium", "high", "critical" };

  vigil_store_begin (store, &error);
  g_assert_no_error (error);
  asset = vigil_store_prepare (store, "INSERT INTO assets (id, name, hostname, addresses, "
                                      "criticality, created_at, updated_at) VALUES "
                                      "(?1, ?2, ?2, ?3, ?4, '2026-01-01T00:00:00Z', "
                                      "'2026-01-01T00:00:00Z')", &error);
  g_assert_no_error (error);
  for (int i = 1; i <= n_assets; i++)
    {
      char name[32], ip[32];
      g_snprintf (name, sizeof name, "host-%05d", i);
      g_snprintf (ip, sizeof ip, "10.%d.%d.%d", i / 65536, (i / 256) % 256, i % 256);
      sqlite3_bind_int (asset, 1, i);
      sqlite3_bind_text (asset, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (asset, 3, ip, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (asset, 4, crit[i % 5], -1, SQLITE_STATIC);
      vigil_store_step_done (store, asset, &error);
      g_assert_no_error (error);
      addr = vigil_store_prepare (store, "INSERT INTO asset_addresses (asset_id, address) "
                                         "VALUES (?1, ?2)", &error);
      sqlite3_bind_int (addr, 1, i);
      sqlite3_bind_text (addr, 2, ip, -1, SQLITE_TRANSIENT);
      vigil_store_step_done (store, addr, &error);
      g_assert_no_error (error);
    }
  vigil_store_commit (store, &error);
  g_assert_no_error (error);
}

static void
write_alerts (const char *path)
{
  FILE *f = fopen (path, "w");
  GRand *rand = g_rand_new_with_seed (42);

  g_assert_nonnull (f);
  for (int i = 0; i < n_alerts; i++)
    {
      int g = g_rand_int_range (rand, 0, n_groups);
      int sid = 2000000 + g % 500;
      int asset = 1 + (g * 7919) % n_assets;
      int src = g % 3000;
      int sec = i / 100;
      fprintf (f,
               "{\"timestamp\":\"2026-11-%02dT%02d:%02d:%02d.%06d+0100\",\"flow_id\":%"
               G_GUINT64_FORMAT ",\"in_iface\":\"eth0\",\"event_type\":\"alert\","
               "\"src_ip\":\"203.0.%d.%d\",\"src_port\":%d,\"dest_ip\":\"10.%d.%d.%d\","
               "\"dest_port\":443,\"proto\":\"TCP\",\"alert\":{\"action\":\"allowed\",\"gid\":1,"
               "\"signature_id\":%d,\"rev\":3,\"signature\":\"ET BENCH Signature %d\","
               "\"category\":\"Attempted Information Leak\",\"severity\":%d},"
               "\"flow\":{\"pkts_toserver\":3,\"pkts_toclient\":1,\"bytes_toserver\":222,"
               "\"bytes_toclient\":66,\"start\":\"2026-11-01T00:00:00.000000+0100\"}}\n",
               1 + sec / 86400 % 28, sec / 3600 % 24, sec / 60 % 60, sec % 60, i % 1000000,
               (guint64) 9000000000000000000ULL + (guint64) i, src / 256, src % 256,
               1024 + i % 60000, asset / 65536, (asset / 256) % 256, asset % 256, sid, sid,
               1 + sid % 3);
    }
  fclose (f);
  g_rand_free (rand);
}

static double
json_glib_parse (const char *path,
                 guint      *n_lines,
                 double     *cpu)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  FILE *f = fopen (path, "r");
  gint64 t0 = g_get_monotonic_time ();
  double c0 = cpu_seconds ();

  *n_lines = 0;
  while ((len = getline (&line, &cap, f)) > 0)
    {
      JsonObject *o;
      if (!json_parser_load_from_data (parser, line, len, NULL))
        continue;
      /* read what the importer reads, so the comparison is fair */
      o = json_node_get_object (json_parser_get_root (parser));
      if (g_strcmp0 (json_object_get_string_member (o, "event_type"), "alert") == 0)
        (*n_lines)++;
    }
  free (line);
  fclose (f);
  *cpu = cpu_seconds () - c0;
  return (g_get_monotonic_time () - t0) / 1e6;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *eve = NULL;
  VigilImportOptions options = { .format = "suricata" };
  VigilImportSummary summary;
  Sampler sampler = { 0 };
  GThread *thread;
  gint64 t0, rss_min = G_MAXINT64, rss_max = 0, rss_first = 0;
  double t_json, t_import, file_mb, c_json, c_import;
  guint n_json;
  GStatBuf st;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  dir = keep_dir ? g_strdup (keep_dir) : g_dir_make_tmp ("vigil-bench-alerts-XXXXXX", NULL);
  g_mkdir_with_parents (dir, 0700);
  db = g_build_filename (dir, "bench.db", NULL);
  if (keep_dir != NULL)
    {
      /* kept: reuse the input written for the same parameters */
      g_autofree char *name = g_strdup_printf ("eve-%d-%d-%d.json", n_alerts, n_groups, n_assets);
      eve = g_build_filename (dir, name, NULL);
    }
  else
    eve = g_build_filename (dir, "eve.json", NULL);
  g_remove (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_remove (wal);
    g_remove (shm);
  }

  store = vigil_store_open (db, VIGIL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  write_inventory (store);
  g_print ("inventory: %d assets written in %.2f s\n", n_assets,
           (g_get_monotonic_time () - t0) / 1e6);

  t0 = g_get_monotonic_time ();
  if (keep_dir == NULL || !g_file_test (eve, G_FILE_TEST_EXISTS))
    write_alerts (eve);
  g_stat (eve, &st);
  file_mb = st.st_size / 1048576.0;
  g_print ("input: %d alerts (%d groups), %.0f MB, written in %.2f s\n", n_alerts, n_groups,
           file_mb, (g_get_monotonic_time () - t0) / 1e6);

  /* warm the page cache the same way for both */
  if (no_baseline)
    {
      t_json = c_json = 1;
      n_json = 0;
    }
  else
    t_json = json_glib_parse (eve, &n_json, &c_json);
  g_print ("json-glib alone: %u lines parsed in %.2f s, %.2f s CPU (%.0f lines/s)\n", n_json,
           t_json, c_json, n_json / t_json);

  sampler.samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  rss_first = rss_kb ();
  thread = g_thread_new ("rss", sample_rss, &sampler);
  options.path = eve;
  vigil_import_summary_init (&summary);
  t0 = g_get_monotonic_time ();
  c_import = cpu_seconds ();
  if (!vigil_store_import_alerts (store, &options, &summary, &error))
    g_error ("import failed: %s", error->message);
  t_import = (g_get_monotonic_time () - t0) / 1e6;
  c_import = cpu_seconds () - c_import;
  sampler.stop = TRUE;
  g_thread_join (thread);

  for (guint i = 0; i < sampler.samples->len; i++)
    {
      gint64 kb = g_array_index (sampler.samples, gint64, i);
      rss_min = MIN (rss_min, kb);
      rss_max = MAX (rss_max, kb);
    }

  g_print ("import: read %" G_GUINT64_FORMAT ", %" G_GUINT64_FORMAT " groups, %"
           G_GUINT64_FORMAT " folded, %" G_GUINT64_FORMAT " malformed, in %.2f s, %.2f s CPU\n",
           summary.read, summary.imported, summary.duplicates, summary.malformed, t_import,
           c_import);
  g_print ("RATE: %.0f alerts/s end to end, %.0f alerts per CPU second (target >= 100000)\n",
           summary.read / t_import, summary.read / c_import);
  g_print ("RATIO: import / json-glib parse alone = %.2f (wall), %.2f (CPU)\n",
           t_import / t_json, c_import / c_json);
  g_print ("RSS: before %.1f MB, while streaming %.1f–%.1f MB (%u samples), input %.0f MB\n",
           rss_first / 1024.0, rss_min / 1024.0, rss_max / 1024.0, sampler.samples->len,
           file_mb);
  g_print ("linked to an asset: %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " groups\n",
           vigil_store_query_int (store, "SELECT count(*) FROM alerts WHERE asset_id IS NOT NULL",
                                  NULL),
           vigil_store_query_int (store, "SELECT count(*) FROM alerts", NULL));

  vigil_import_summary_clear (&summary);
  g_array_unref (sampler.samples);
  g_clear_object (&store);
  if (keep_dir == NULL)
    {
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);
      g_remove (eve);
      g_remove (db);
      g_remove (wal);
      g_remove (shm);
      g_rmdir (dir);
    }
  return 0;
}
