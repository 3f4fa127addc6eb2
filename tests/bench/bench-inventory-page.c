/* bench-inventory-page.c — filter keystrokes in the inventory page itself,
 * on 20,000 assets: the SQL, the model and GTK's rows, up to the painted frame
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; never passes or fails on time.  Needs a display:
 *
 *   xvfb-run -a bench-inventory-page [--assets N] [--verbose]
 *
 * Types the queries of bench-inventory character by character into the
 * page's filter (vigil_inventory_page_set_filter, what a search-changed
 * does) and waits for the frame after each; prints the median and the 95th
 * percentile of the time to the painted frame (at least the wait for the
 * next frame of the 60 Hz frame clock), the page's own work before it, and
 * the records built.
 */
#include "config.h"

#include <string.h>

#include "vigil-gui.h"
#include "vigil-inventory-page.h"
#include "vigil-store-assets.h"
#include "vigil-store-private.h"

static int n_assets = 20000;
static gboolean verbose;
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
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gulong id;

  painted = FALSE;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

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

/* The assets of bench-inventory: names, addresses, teams, contacts, sites */
static void
fill (VigilStore *store)
{
  static const char * const words[] = {
    "web", "db", "mail", "erp", "crm", "dns", "proxy", "vpn", "backup", "file", "print", "ad",
    "k8s", "ci", "git", "wiki", "siem", "edr", "fw", "lb",
  };
  static const char * const crit[] = { "low", "medium", "high", "critical" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (VigilAssetFields));
  g_autoptr(GStringChunk) strings = g_string_chunk_new (1 << 20);

  for (int t = 0; t < 40; t++)
    g_string_append_printf (sql, "INSERT INTO teams (name, created_at, updated_at) VALUES ('Team %d', 'x', 'x');", t);
  for (int p = 0; p < 1000; p++)
    g_string_append_printf (sql, "INSERT INTO people (name, email, team_id, created_at, updated_at) "
                                 "VALUES ('Person %d', 'person%d@example.org', %d, 'x', 'x');", p, p, 1 + p % 40);
  g_string_append (sql, "COMMIT;");
  g_assert_true (vigil_store_exec (store, sql->str, &error));

  for (int i = 0; i < n_assets; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%05d", words[i % G_N_ELEMENTS (words)], i);
      g_autofree char *address = g_strdup_printf ("10.%d.%d.%d", (i >> 16) & 255, (i >> 8) & 255, i & 255);
      g_autofree char *site = g_strdup_printf ("Site %d", i % 12);
      g_autofree char *description = g_strdup_printf ("%s server number %d, rack %d",
                                                      words[(i / 7) % G_N_ELEMENTS (words)], i, i % 50);
      VigilAssetFields f = {
        .name = g_string_chunk_insert (strings, name),
        .addresses = g_string_chunk_insert (strings, address),
        .owner_team_id = 1 + i % 40,
        .tech_contact_id = 1 + i % 1000,
        .criticality = crit[i % 4],
        .location = g_string_chunk_insert (strings, site),
        .description = g_string_chunk_insert (strings, description),
      };
      g_array_append_val (rows, f);
    }
  g_assert_true (vigil_store_upsert_assets (store, (VigilAssetFields *) (gpointer) rows->data, rows->len,
                                            NULL, NULL, &error));
}

int
main (int   argc,
      char *argv[])
{
  static const char * const queries[] = { "web-00123", "10.0.12", "person 42", "team 7", "critical", "site 3", "rack" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(VigilStore) store = NULL;
  VigilRecordList *model;
  GtkWidget *page, *window;
  guint built;
  const GOptionEntry entries[] = {
    { "assets", 0, 0, G_OPTION_ARG_INT, &n_assets, "Assets (20000)", "N" },
    { "verbose", 0, 0, G_OPTION_ARG_NONE, &verbose, "Print every keystroke", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  gtk_init ();
  adw_init ();
  vigil_core_init ();
  vigil_gui_init ();

  dir = g_dir_make_tmp ("vigil-bench-inventory-page-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "assets.db", NULL);
  store = vigil_store_open (path, VIGIL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fill (store);

  page = g_object_new (VIGIL_TYPE_INVENTORY_PAGE, "store", store, NULL);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  wait_for_frame (window);
  model = VIGIL_RECORD_LIST (vigil_inventory_page_get_asset_model (VIGIL_INVENTORY_PAGE (page)));
  built = vigil_record_list_get_n_built (model);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    for (gsize len = 1; len <= strlen (queries[q]); len++)
      {
        g_autofree char *typed = g_strndup (queries[q], len);
        gint64 t0 = g_get_monotonic_time ();
        double ms;

        vigil_inventory_page_set_filter (VIGIL_INVENTORY_PAGE (page), typed);
        ms = (g_get_monotonic_time () - t0) / 1000.0;
        g_array_append_val (work, ms);
        wait_for_frame (window);
        ms = (g_get_monotonic_time () - t0) / 1000.0;
        g_array_append_val (times, ms);
        if (verbose)
          g_print ("  %-10s %6u rows %8.1f ms\n", typed, g_list_model_get_n_items (G_LIST_MODEL (model)), ms);
      }
  g_print ("page filter keystroke on %d assets, to the painted frame: median %.1f ms, p95 %.1f ms, "
           "max %.1f ms over %u keystrokes; %u records built (target: median <= 16 ms)\n",
           n_assets, percentile (times, 0.5), percentile (times, 0.95), percentile (times, 1.0), times->len,
           vigil_record_list_get_n_built (model) - built);
  g_print ("page filter keystroke, the page's own work before the frame (SQL, model, rows rebound): "
           "median %.1f ms, p95 %.1f ms\n", percentile (work, 0.5), percentile (work, 0.95));

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf %s", dir);
    g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
  }
  return 0;
}
