/* test-inventory.c — the inventory page under a display: the preview of each
 * document type, the asset list, the dependency map, search; screenshots
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with G_DEBUG=fatal-criticals.  Saves PNGs in tests/screenshots/.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "vigil-asset-detail.h"
#include "vigil-asset-link-dialog.h"
#include "vigil-document-preview.h"
#include "vigil-extract.h"
#include "vigil-graph-view.h"
#include "vigil-gui.h"
#include "vigil-inventory-page.h"
#include "vigil-row-list.h"
#include "vigil-store-assets.h"
#include "vigil-store-demo.h"
#include "vigil-store-documents.h"
#include "vigil-store-private.h"
#include "vigil-test-util.h"

static void
spin (guint msec)
{
  gint64 until = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

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
  GdkFrameClock *clock;
  gulong id;
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (widget));
  clock = gtk_widget_get_frame_clock (widget);
  painted = FALSE;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  gtk_widget_queue_draw (widget);
  while (!painted && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "screenshots", NULL);
  g_autofree char *file = g_strdup_printf ("%s.png", name);
  g_autofree char *path = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  wait_for_frame (widget);
  spin (100);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static GtkWidget *
window_with (GtkWidget *child,
             int        width,
             int        height,
             gboolean   dark)
{
  GtkWidget *window = gtk_window_new ();

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);
  return window;
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static void
test_preview_types (void)
{
  g_autofree char *dir = vigil_test_tmpdir ();
  const char *samples = vigil_test_samples_dir ();
  g_autofree char *md = write_file (dir, "r.md", "# Runbook <1>\n\n- **Isolate** the host\n- Call `soc`\n", -1);
  g_autofree char *txt = write_file (dir, "t.txt", "plain <b>text</b> & more\n", -1);
  g_autofree char *svg = write_file (dir, "d.svg",
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"60\"><rect width=\"120\" height=\"60\" "
    "fill=\"#3584e4\"/><text x=\"10\" y=\"35\">DMZ</text></svg>", -1);
  g_autofree char *bad = write_file (dir, "bad.pdf", "%PDF-1.4 not really\n", -1);
  g_autofree char *pdf = samples ? g_build_filename (samples, "pdf", "counteractive-incident-response-plan-example.pdf", NULL) : NULL;
  g_autofree char *png = samples ? g_build_filename (samples, "png", "suricata-sensor-placement.png", NULL) : NULL;
  GtkWidget *preview = vigil_document_preview_new ();
  GtkWidget *window = window_with (preview, 700, 600, FALSE);
  VigilDocumentPreview *p = VIGIL_DOCUMENT_PREVIEW (preview);

  vigil_document_preview_set_file (p, md, "text/markdown");
  g_assert_cmpstr (vigil_document_preview_get_mode (p), ==, "markdown");
  save_png (window, "inventory-preview-markdown");
  vigil_document_preview_set_file (p, txt, "text/plain");
  g_assert_cmpstr (vigil_document_preview_get_mode (p), ==, "text");
  vigil_document_preview_set_file (p, svg, "image/svg+xml");
  g_assert_cmpstr (vigil_document_preview_get_mode (p), ==, "image");
  save_png (window, "inventory-preview-svg");
  vigil_document_preview_set_file (p, bad, "application/pdf");
  g_assert_cmpstr (vigil_document_preview_get_mode (p), ==, "error");
  save_png (window, "inventory-preview-corrupt-pdf");
  vigil_document_preview_set_file (p, txt, "application/octet-stream");
  g_assert_cmpstr (vigil_document_preview_get_mode (p), ==, "none");

  if (png != NULL && g_file_test (png, G_FILE_TEST_EXISTS))
    {
      vigil_document_preview_set_file (p, png, "image/png");
      g_assert_cmpstr (vigil_document_preview_get_mode (p), ==, "image");
      save_png (window, "inventory-preview-png");
    }
  if (pdf != NULL && g_file_test (pdf, G_FILE_TEST_EXISTS))
    {
      vigil_document_preview_set_file (p, pdf, "application/pdf");
      g_assert_cmpstr (vigil_document_preview_get_mode (p), ==, "pdf");
      g_assert_cmpint (vigil_document_preview_get_n_pages (p), >, 1);
      vigil_document_preview_set_page (p, 1);
      save_png (window, "inventory-preview-pdf");
    }
  else
    g_test_message ("no PDF sample: the PDF preview is not checked");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
visit_page (gboolean dark)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *dir = vigil_test_tmpdir ();
  GtkWidget *page, *window, *map;
  VigilInventoryPage *inv;
  gint64 hub = 0;
  guint best = 0;
  gint64 until;

  g_assert_true (vigil_store_load_demo (store, 0, &error));
  g_assert_no_error (error);
  /* hostile names must show literally */
  {
    VigilAssetFields f = { .name = "<b>bold</b> & \"quoted\" <span>", .addresses = "192.0.2.200" };
    g_autofree char *path = write_file (dir, "a<i>b&amp;.md", "# <script>alert(1)</script>\n", -1);
    g_assert_cmpint (vigil_store_create_asset (store, &f, &error), >, 0);
    g_assert_cmpint (vigil_store_add_document (store, path, NULL, NULL, &error), >, 0);
  }

  page = g_object_new (VIGIL_TYPE_INVENTORY_PAGE, "store", store, NULL);
  inv = VIGIL_INVENTORY_PAGE (page);
  window = window_with (page, 1280, 800, dark);
  g_assert_cmpuint (g_list_model_get_n_items (vigil_inventory_page_get_asset_model (inv)), ==,
                    (guint) vigil_store_count (store, VIGIL_KIND_ASSET));

  /* the asset with the most dependencies, for the map */
  ids = vigil_store_list_asset_ids (store, NULL, VIGIL_ASSET_SORT_NAME, FALSE, &error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GPtrArray) links = vigil_store_list_asset_links (store, g_array_index (ids, gint64, i), 1, NULL);
      if (links->len > best)
        {
          best = links->len;
          hub = g_array_index (ids, gint64, i);
        }
    }
  g_assert_cmpint (hub, >, 0);
  g_assert_true (vigil_inventory_page_select_asset (inv, hub));
  map = vigil_inventory_page_get_map (inv);
  until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (vigil_graph_view_get_layout (VIGIL_GRAPH_VIEW (map)) == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (vigil_graph_view_get_layout (VIGIL_GRAPH_VIEW (map)));
  g_assert_cmpuint (vigil_graph_view_get_layout (VIGIL_GRAPH_VIEW (map))->n_nodes, >=, 2);
  save_png (window, dark ? "inventory-assets-dark" : "inventory-assets-light");
  save_png (gtk_widget_get_parent (gtk_widget_get_parent (map)),
            dark ? "inventory-dependency-map-dark" : "inventory-dependency-map-light");

  /* filter in SQL */
  vigil_inventory_page_set_filter (inv, "<b>bold");
  g_assert_cmpuint (g_list_model_get_n_items (vigil_inventory_page_get_asset_model (inv)), ==, 1);
  vigil_inventory_page_set_filter (inv, "");

  /* wait for the text extraction the page started, then search */
  until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (vigil_inventory_page_is_extracting (inv) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  vigil_inventory_page_search (inv, "ransomware");
  g_assert_cmpuint (vigil_inventory_page_get_n_search_hits (inv), >, 0);
  save_png (window, dark ? "inventory-search-dark" : "inventory-search-light");
  vigil_inventory_page_search (inv, "script");
  g_assert_cmpuint (vigil_inventory_page_get_n_search_hits (inv), ==, 1);

  {
    g_autoptr(GArray) docs = vigil_store_list_document_ids (store, "network", &error);
    g_assert_cmpuint (docs->len, >, 0);
    g_assert_true (vigil_inventory_page_select_document (inv, g_array_index (docs, gint64, 0)));
    save_png (window, dark ? "inventory-documents-dark" : "inventory-documents-light");
  }
  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

static void
test_page_light (void)
{
  visit_page (FALSE);
}

static void
test_page_dark (void)
{
  visit_page (TRUE);
}

static void
test_page_empty (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  GtkWidget *page = g_object_new (VIGIL_TYPE_INVENTORY_PAGE, "store", store, NULL);
  GtkWidget *window = window_with (page, 1000, 700, FALSE);

  g_assert_cmpuint (g_list_model_get_n_items (vigil_inventory_page_get_asset_model (VIGIL_INVENTORY_PAGE (page))), ==, 0);
  save_png (window, "inventory-empty");
  gtk_window_destroy (GTK_WINDOW (window));
}

static VigilAssetLinkDialog *
find_link_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (VIGIL_IS_ASSET_LINK_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return VIGIL_ASSET_LINK_DIALOG (w);
    }
  return NULL;
}

static guint
map_nodes (GtkWidget *map)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  VigilGraphLayout *layout;

  /* the map is hidden without dependencies; with some, wait for the layout */
  spin (50);
  while (gtk_widget_is_drawable (map) && g_get_monotonic_time () < until)
    {
      layout = vigil_graph_view_get_layout (VIGIL_GRAPH_VIEW (map));
      if (layout != NULL)
        break;
      spin (20);
    }
  spin (100);
  layout = vigil_graph_view_get_layout (VIGIL_GRAPH_VIEW (map));
  return layout && gtk_widget_is_drawable (map) ? layout->n_nodes : 0;
}

static gint64
count_links (VigilStore *store)
{
  return vigil_store_query_int (store, "SELECT count(*) FROM asset_dependencies", NULL);
}

/* Adding a dependency from the asset's pane through the dialog (search,
 * relation, the store's refusals shown inline), removing it with Undo, and
 * the map following each change. */
static void
dependencies (gboolean dark)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *page, *window, *map, *detail;
  VigilInventoryPage *inv;
  VigilAssetLinkDialog *dialog;
  gint64 app, db, host;

  {
    VigilAssetFields f = { .name = "crm <app> & \"co\"", .addresses = "10.9.0.1", .criticality = "high" };
    app = vigil_store_create_asset (store, &f, &error);
    f = (VigilAssetFields) { .name = "crm-db", .addresses = "10.9.0.2", .criticality = "critical" };
    db = vigil_store_create_asset (store, &f, &error);
    f = (VigilAssetFields) { .name = "esx-host-07", .kind = "hypervisor" };
    host = vigil_store_create_asset (store, &f, &error);
    g_assert_no_error (error);
  }
  page = g_object_new (VIGIL_TYPE_INVENTORY_PAGE, "store", store, NULL);
  inv = VIGIL_INVENTORY_PAGE (page);
  window = window_with (page, 1280, 800, dark);
  g_assert_true (vigil_inventory_page_select_asset (inv, app));
  map = vigil_inventory_page_get_map (inv);
  detail = gtk_widget_get_ancestor (map, VIGIL_TYPE_ASSET_DETAIL);
  g_assert_nonnull (detail);
  g_assert_cmpuint (map_nodes (map), ==, 0);  /* no dependency: no map */

  /* Ctrl+D's action opens the dialog; searching keeps the first match chosen */
  g_assert_true (gtk_widget_activate_action (page, "inventory.add-dependency", NULL));
  dialog = find_link_dialog ();
  g_assert_nonnull (dialog);
  wait_for_frame (GTK_WIDGET (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (vigil_asset_link_dialog_get_model (dialog)), ==, 3);
  vigil_asset_link_dialog_set_search (dialog, "crm-d");
  g_assert_cmpuint (g_list_model_get_n_items (vigil_asset_link_dialog_get_model (dialog)), ==, 1);
  g_assert_null (vigil_asset_link_dialog_get_problem (dialog));
  save_png (GTK_WIDGET (dialog), dark ? "inventory-link-dialog-dark" : "inventory-link-dialog-light");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "link-dialog.add", NULL);
  spin (50);
  g_assert_null (find_link_dialog ());
  g_assert_cmpint (count_links (store), ==, 1);
  g_assert_cmpint (vigil_store_query_int (store, "SELECT from_id = 1 AND to_id = 2 AND kind = 'depends-on' "
                                                 "FROM asset_dependencies", NULL), ==, 1);
  g_assert_cmpuint (map_nodes (map), ==, 2);  /* live */

  /* itself, twice, and hosting that goes round: refused with the reason */
  dialog = VIGIL_ASSET_LINK_DIALOG (vigil_asset_detail_add_dependency (VIGIL_ASSET_DETAIL (detail)));
  vigil_asset_link_dialog_set_search (dialog, "crm");
  g_assert_true (vigil_asset_link_dialog_select (dialog, app));
  g_assert_nonnull (vigil_asset_link_dialog_get_problem (dialog));
  g_assert_true (vigil_asset_link_dialog_select (dialog, db));
  g_assert_nonnull (strstr (vigil_asset_link_dialog_get_problem (dialog), "already depends on"));
  wait_for_frame (GTK_WIDGET (dialog));
  save_png (GTK_WIDGET (dialog), dark ? "inventory-link-dialog-refused-dark" : "inventory-link-dialog-refused-light");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "link-dialog.add", NULL);
  g_assert_cmpint (count_links (store), ==, 1);
  g_assert_true (vigil_store_add_asset_link (store, host, app, VIGIL_ASSET_HOSTED_ON, NULL, &error));
  vigil_asset_link_dialog_set_relation (dialog, VIGIL_ASSET_LINK_HOSTED_ON);
  vigil_asset_link_dialog_set_search (dialog, "esx");
  g_assert_nonnull (strstr (vigil_asset_link_dialog_get_problem (dialog), "cannot be hosted on"));
  /* the other way round is the link that exists */
  vigil_asset_link_dialog_set_relation (dialog, VIGIL_ASSET_LINK_HOSTS);
  g_assert_nonnull (vigil_asset_link_dialog_get_problem (dialog));
  vigil_asset_link_dialog_set_relation (dialog, VIGIL_ASSET_LINK_CONNECTS_TO);
  g_assert_null (vigil_asset_link_dialog_get_problem (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_cmpuint (map_nodes (map), ==, 3);
  save_png (window, dark ? "inventory-dependencies-dark" : "inventory-dependencies-light");

  /* removed from the list, then Undo */
  g_assert_true (gtk_widget_activate_action (detail, "asset.remove-dependency", "(xxss)", app, db,
                                             VIGIL_ASSET_DEPENDS_ON, ""));
  g_assert_cmpint (count_links (store), ==, 1);
  g_assert_cmpuint (map_nodes (map), ==, 2);
  g_assert_true (gtk_widget_activate_action (detail, "asset.restore-dependency", "(xxss)", app, db,
                                             VIGIL_ASSET_DEPENDS_ON, ""));
  g_assert_cmpint (count_links (store), ==, 2);
  g_assert_cmpuint (map_nodes (map), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

/* A filter keystroke builds the rows the view shows, not every match: GTK
 * 4.8 builds all the added items of an items-changed that replaces shown
 * rows, which the page avoids, and the selection is kept by id. */
static void
test_filter_rows (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (VigilAssetFields));
  g_autoptr(GStringChunk) strings = g_string_chunk_new (4096);
  GtkWidget *page, *window;
  VigilInventoryPage *inv;
  VigilRecordList *model;
  guint built;

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%04u", i % 3 ? "web" : "db", i);
      VigilAssetFields f = { .name = g_string_chunk_insert (strings, name) };
      g_array_append_val (rows, f);
    }
  g_assert_true (vigil_store_upsert_assets (store, (VigilAssetFields *) (gpointer) rows->data, rows->len,
                                            NULL, NULL, &error));
  page = g_object_new (VIGIL_TYPE_INVENTORY_PAGE, "store", store, NULL);
  inv = VIGIL_INVENTORY_PAGE (page);
  window = window_with (page, 1000, 700, FALSE);
  model = VIGIL_RECORD_LIST (vigil_inventory_page_get_asset_model (inv));

  g_assert_true (vigil_inventory_page_select_asset (inv, 2));
  built = vigil_record_list_get_n_built (model);
  vigil_inventory_page_set_filter (inv, "web-000");
  wait_for_frame (window);
  vigil_inventory_page_set_filter (inv, "");
  wait_for_frame (window);
  vigil_inventory_page_set_filter (inv, "web");
  wait_for_frame (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2000);
  g_test_message ("records built for 3 keystrokes: %u", vigil_record_list_get_n_built (model) - built);
  g_assert_cmpuint (vigil_record_list_get_n_built (model) - built, <, 1000);
  /* the selected asset (web-0001, id 2) is still selected: it stayed in the list */
  g_assert_cmpint (vigil_asset_detail_get_asset_id (VIGIL_ASSET_DETAIL (
                     gtk_widget_get_ancestor (vigil_inventory_page_get_map (inv), VIGIL_TYPE_ASSET_DETAIL))), ==, 2);
  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               GArray     *log)
{
  guint change[3] = { position, removed, added };
  g_array_append_vals (log, change, 3);
}

/* The rows keep their place: a shown row takes the item now at its place,
 * and the view hears only that the number of rows changed. */
static void
test_row_list (void)
{
  g_autoptr(GListStore) source = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(VigilRowList) rows = NULL;
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  GObject *items[8];

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    items[i] = g_object_new (G_TYPE_OBJECT, NULL);
  g_list_store_splice (source, 0, 0, (gpointer *) items, 5);
  rows = vigil_row_list_new (G_LIST_MODEL (source));
  g_signal_connect (rows, "items-changed", G_CALLBACK (count_changes), log);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 5);
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (shown, g_list_model_get_item (G_LIST_MODEL (rows), i));
  g_assert_true (vigil_row_get_item (g_ptr_array_index (shown, 1)) == items[1]);

  /* items 1-3 replaced by 5-7: same count, no items-changed, rows rebound */
  g_list_store_splice (source, 1, 3, (gpointer *) items + 5, 3);
  g_assert_cmpuint (log->len, ==, 0);
  g_assert_true (vigil_row_get_item (g_ptr_array_index (shown, 1)) == items[5]);
  g_assert_true (vigil_row_get_item (g_ptr_array_index (shown, 2)) == items[6]);
  g_assert_true (vigil_row_get_item (g_ptr_array_index (shown, 0)) == items[0]);

  /* two fewer: the last two places go */
  g_list_store_splice (source, 0, 2, NULL, 0);
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpuint (g_array_index (log, guint, 0), ==, 3);
  g_assert_cmpuint (g_array_index (log, guint, 1), ==, 2);
  g_assert_cmpuint (g_array_index (log, guint, 2), ==, 0);
  g_assert_true (vigil_row_get_item (g_ptr_array_index (shown, 0)) == items[6]);
  /* one more, at the start: one place added at the end */
  g_list_store_insert (source, 0, items[4]);
  g_assert_cmpuint (log->len, ==, 6);
  g_assert_cmpuint (g_array_index (log, guint, 3), ==, 3);
  g_assert_cmpuint (g_array_index (log, guint, 5), ==, 1);
  g_assert_true (vigil_row_get_item (g_ptr_array_index (shown, 0)) == items[4]);
  {
    g_autoptr(VigilRow) last = g_list_model_get_item (G_LIST_MODEL (rows), 3);
    g_assert_true (vigil_row_get_item (last) == items[4]);
  }
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_object_unref (items[i]);
}

static void
test_dependencies_light (void)
{
  dependencies (FALSE);
}

static void
test_dependencies_dark (void)
{
  dependencies (TRUE);
}

int
main (int   argc,
      char *argv[])
{
  vigil_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();
  vigil_gui_init ();

  g_test_add_func ("/inventory/preview-types", test_preview_types);
  g_test_add_func ("/inventory/page-light", test_page_light);
  g_test_add_func ("/inventory/page-dark", test_page_dark);
  g_test_add_func ("/inventory/page-empty", test_page_empty);
  g_test_add_func ("/inventory/row-list", test_row_list);
  g_test_add_func ("/inventory/filter-rows", test_filter_rows);
  g_test_add_func ("/inventory/dependencies-light", test_dependencies_light);
  g_test_add_func ("/inventory/dependencies-dark", test_dependencies_dark);
  return g_test_run ();
}
