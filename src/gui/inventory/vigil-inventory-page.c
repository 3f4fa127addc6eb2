/* vigil-inventory-page.c — the inventory: assets and the document archive
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Assets are a lazy column view: ids come from SQL, filtered and sorted
 * there (vigil_store_list_asset_ids), and VigilRecordList builds the rows
 * the view shows.  The detail pane shows the contacts, the dependency map
 * (VigilGraphView over a Graphviz layout made off the main thread), the
 * documents and the incidents and alerts that touched the asset.  Documents
 * are archived by drag and drop or the file chooser; their text is
 * extracted in the background with progress.  Ctrl+F searches both.
 */
#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "vigil-asset-detail.h"
#include "vigil-asset-import.h"
#include "vigil-inventory-util.h"
#include "vigil-document-preview.h"
#include "vigil-extract.h"
#include "vigil-graph-view.h"
#include "vigil-inventory-dialogs.h"
#include "vigil-inventory-page-private.h"
#include "vigil-store-assets.h"
#include "vigil-store-documents.h"
#include "vigil-window.h"


G_DEFINE_FINAL_TYPE (VigilInventoryPage, vigil_inventory_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_STORE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void refresh_doc_detail (VigilInventoryPage *self);
static void start_extraction (VigilInventoryPage *self);
static void on_asset_selected (GtkSingleSelection *selection,
                               GParamSpec         *pspec,
                               VigilInventoryPage *self);

/* Helpers ---------------------------------------------------------------------------- */

/* Assets: the list ---------------------------------------------------------------------- */

static GObject *
load_asset (gpointer user_data,
            gint64   id)
{
  return (GObject *) vigil_store_get_asset (VIGIL_STORE (user_data), id, NULL);
}

static GObject *
load_document (gpointer user_data,
               gint64   id)
{
  return (GObject *) vigil_store_get_document (VIGIL_STORE (user_data), id, NULL);
}

/* New ids from SQL, shown through VigilRowList: the column view keeps its
 * rows and rebinds the cells (GTK 4.8 would create every shown row again).
 * The selected asset stays selected while it is in the list, by its id; the
 * selection is cleared while the rows change, so GtkSingleSelection does
 * not look for it among all the changed rows. */
static void
reload_assets (VigilInventoryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  const char *filter;
  gint64 keep = self->asset_id;
  int position;

  if (self->store == NULL)
    return;
  filter = gtk_editable_get_text (GTK_EDITABLE (self->asset_filter));
  ids = vigil_store_list_asset_ids (self->store, filter, self->sort, self->descending, &error);
  if (ids == NULL)
    {
      vigil_window_error_from (GTK_WIDGET (self), error);
      return;
    }
  self->keeping_selection = TRUE;
  gtk_single_selection_set_selected (self->asset_selection, GTK_INVALID_LIST_POSITION);
  vigil_record_list_set_ids (self->assets, (const gint64 *) (gpointer) ids->data, ids->len);
  position = keep > 0 ? vigil_record_list_find (self->assets, keep) : -1;
  if (position >= 0)
    gtk_single_selection_set_selected (self->asset_selection, (guint) position);
  self->keeping_selection = FALSE;
  if (position < 0)
    on_asset_selected (self->asset_selection, NULL, self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->asset_list_stack),
                                    ids->len > 0 || *filter ? "list" : "empty");
}

static void
on_asset_filter_changed (VigilInventoryPage *self)
{
  reload_assets (self);
}

typedef const char *(*AssetText) (VigilAsset *asset);

static const char *
asset_contact (VigilAsset *a)
{
  return vigil_asset_get_tech_contact_name (a);
}

static const struct
{
  const char     *title;
  VigilAssetSort  sort;
  AssetText       text;
  gboolean        expand;
} columns[] = {
  { N_("Name"), VIGIL_ASSET_SORT_NAME, vigil_asset_get_name, TRUE },
  { N_("Kind"), VIGIL_ASSET_SORT_KIND, vigil_asset_get_kind, FALSE },
  { N_("Addresses"), VIGIL_ASSET_SORT_ADDRESSES, vigil_asset_get_addresses, FALSE },
  { N_("Owner Team"), VIGIL_ASSET_SORT_OWNER_TEAM, vigil_asset_get_owner_team_name, FALSE },
  { N_("Technical Contact"), VIGIL_ASSET_SORT_TECH_CONTACT, asset_contact, FALSE },
  { N_("Business Owner"), VIGIL_ASSET_SORT_BUSINESS_OWNER, vigil_asset_get_business_owner_name, FALSE },
  { N_("Criticality"), VIGIL_ASSET_SORT_CRITICALITY, vigil_asset_get_criticality, FALSE },
  { N_("Environment"), VIGIL_ASSET_SORT_ENVIRONMENT, vigil_asset_get_environment, FALSE },
  { N_("Location"), VIGIL_ASSET_SORT_LOCATION, vigil_asset_get_location, FALSE },
  { N_("Status"), VIGIL_ASSET_SORT_STATUS, vigil_asset_get_status, FALSE },
};

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
show_cell (GtkWidget *label,
           VigilRow  *row)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "column"));
  VigilAsset *asset = row ? vigil_row_get_item (row) : NULL;
  const char *text = asset ? columns[column].text (asset) : "";

  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  if (columns[column].sort == VIGIL_ASSET_SORT_CRITICALITY)
    {
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_remove_css_class (label, "warning");
      if (g_strcmp0 (text, "critical") == 0)
        gtk_widget_add_css_class (label, "error");
      else if (g_strcmp0 (text, "high") == 0)
        gtk_widget_add_css_class (label, "warning");
    }
}

static void
on_row_item_changed (VigilRow   *row,
                     GParamSpec *pspec,
                     GtkWidget  *label)
{
  show_cell (label, row);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  VigilRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (label), "column", user_data);
  g_signal_connect_object (row, "notify::item", G_CALLBACK (on_row_item_changed), label, 0);
  show_cell (label, row);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  VigilRow *row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, on_row_item_changed, gtk_list_item_get_child (item));
}

/* The column view's sorter has no public API in GTK 4.8 to say which column
 * sorts; each column's sorter records its index when the view's sorter asks
 * it to compare two probes, and the sign of the answer gives the order. */
static int probed_column = -1;

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  probed_column = GPOINTER_TO_INT (user_data);
  return GTK_ORDERING_SMALLER;
}

static void
on_sort_changed (GtkSorter          *sorter,
                 GtkSorterChange     change,
                 VigilInventoryPage *self)
{
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  probed_column = -1;
  order = gtk_sorter_compare (sorter, a, b);
  if (probed_column < 0)
    {
      self->sort = VIGIL_ASSET_SORT_NAME;
      self->descending = FALSE;
    }
  else
    {
      self->sort = columns[probed_column].sort;
      self->descending = order == GTK_ORDERING_LARGER;
    }
  reload_assets (self);
}

static void
build_columns (VigilInventoryPage *self)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (self->asset_view);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkSorter *sorter;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), NULL);
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, GINT_TO_POINTER (i), NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_fixed_width (column, columns[i].expand ? 220 : i == 2 ? 140 : 110);
      gtk_column_view_append_column (view, column);
      g_object_unref (sorter);
      g_object_unref (column);
    }
  g_signal_connect (gtk_column_view_get_sorter (view), "changed", G_CALLBACK (on_sort_changed), self);
}

static void
on_asset_selected (GtkSingleSelection *selection,
                   GParamSpec         *pspec,
                   VigilInventoryPage *self)
{
  VigilAsset *a;
  gint64 id;

  if (self->keeping_selection)
    return;
  a = gtk_single_selection_get_selected_item (selection)
      ? vigil_row_get_item (gtk_single_selection_get_selected_item (selection)) : NULL;
  id = a ? vigil_asset_get_id (a) : 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.edit-asset", id > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.add-dependency", id > 0);
  if (id == self->asset_id)
    return;
  self->asset_id = id;
  vigil_asset_detail_set_asset_id (VIGIL_ASSET_DETAIL (self->asset_detail), MAX (id, 0));
}

static void
on_detail_asset_activated (VigilInventoryPage *self,
                           gint64              asset_id)
{
  vigil_inventory_page_select_asset (self, asset_id);
}

static void
on_detail_document_activated (VigilInventoryPage *self,
                              gint64              document_id)
{
  vigil_inventory_page_select_document (self, document_id);
}

static void
on_asset_activate (VigilInventoryPage *self,
                   guint               position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "inventory.edit-asset", NULL);
}

gboolean
vigil_inventory_page_select_asset (VigilInventoryPage *self,
                                   gint64              asset_id)
{
  int position;

  g_return_val_if_fail (VIGIL_IS_INVENTORY_PAGE (self), FALSE);

  position = vigil_record_list_find (self->assets, asset_id);
  if (position < 0 && *gtk_editable_get_text (GTK_EDITABLE (self->asset_filter)))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->asset_filter), "");
      reload_assets (self);
      position = vigil_record_list_find (self->assets, asset_id);
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "assets");
  if (position < 0)
    return FALSE;
  gtk_single_selection_set_selected (self->asset_selection, (guint) position);
  return TRUE;
}

/* Documents ------------------------------------------------------------------------------ */

static void
reload_documents (VigilInventoryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  if (self->store == NULL)
    return;
  ids = vigil_store_list_document_ids (self->store, gtk_editable_get_text (GTK_EDITABLE (self->doc_filter)),
                                       &error);
  if (ids == NULL)
    {
      vigil_window_error_from (GTK_WIDGET (self), error);
      return;
    }
  vigil_inventory_set_ids (self->documents, (const gint64 *) (gpointer) ids->data, ids->len);
}

static void
on_doc_filter_changed (VigilInventoryPage *self)
{
  reload_documents (self);
}

static void
setup_doc (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *sub = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_widget_add_css_class (sub, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), sub);
  gtk_list_item_set_child (item, box);
}

static const char *
text_status_label (VigilDocument *d)
{
  const char *status = vigil_document_get_text_status (d);

  if (g_str_equal (status, "pending"))
    return _("text pending");
  if (g_str_equal (status, "failed"))
    return _("text not readable");
  if (g_str_equal (status, "none"))
    return _("no text");
  return _("indexed");
}

static void
bind_doc (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  VigilDocument *d = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *sub = gtk_widget_get_next_sibling (title);
  g_autofree char *text = NULL;

  if (d == NULL)
    return;
  text = g_strdup_printf ("%s · TLP:%s · %s · %s", vigil_document_get_kind (d),
                          vigil_document_get_tlp (d), vigil_document_get_filename (d),
                          text_status_label (d));
  gtk_label_set_text (GTK_LABEL (title), vigil_document_get_title (d));
  gtk_label_set_text (GTK_LABEL (sub), text);
}

static void
refresh_doc_detail (VigilInventoryPage *self)
{
  g_autoptr(VigilDocument) d = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GArray) versions = NULL;
  g_autofree char *path = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *size = NULL;
  g_autoptr(GString) linked = g_string_new (NULL);
  GtkWidget *buttons, *button;

  vigil_inventory_clear_box (self->doc_detail);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.edit-document", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.open-document", FALSE);

  if (self->store == NULL || self->document_id <= 0
      || (d = vigil_store_get_document (self->store, self->document_id, NULL)) == NULL)
    {
      vigil_document_preview_set_file (VIGIL_DOCUMENT_PREVIEW (self->preview), NULL, NULL);
      return;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.edit-document", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.open-document", TRUE);

  gtk_box_append (GTK_BOX (self->doc_detail), vigil_inventory_heading (vigil_document_get_title (d), "title-3"));
  size = g_format_size (vigil_document_get_size (d));
  meta = g_strdup_printf (_("%s · version %s · %s · TLP:%s · owner %s · %s · %s"),
                          vigil_document_get_kind (d), vigil_inventory_or_dash (vigil_document_get_version (d)),
                          vigil_inventory_or_dash (vigil_document_get_doc_date (d)), vigil_document_get_tlp (d),
                          vigil_inventory_or_dash (vigil_document_get_owner_team_name (d)),
                          vigil_document_get_filename (d), size);
  gtk_box_append (GTK_BOX (self->doc_detail), vigil_inventory_heading (meta, "dim-label"));

  if (g_str_equal (vigil_document_get_text_status (d), "failed"))
    {
      g_autofree char *why = g_strdup_printf (_("Its text is not searchable: %s"), vigil_document_get_text_error (d));
      GtkWidget *label = vigil_inventory_heading (why, "warning");
      gtk_box_append (GTK_BOX (self->doc_detail), label);
    }
  else if (g_str_equal (vigil_document_get_text_status (d), "pending"))
    gtk_box_append (GTK_BOX (self->doc_detail), vigil_inventory_heading (_("Its text is being extracted for search…"), "dim-label"));

  links = vigil_store_list_document_links (self->store, self->document_id, NULL);
  for (guint i = 0; links && i < links->len; i++)
    {
      VigilDocumentLink *l = g_ptr_array_index (links, i);
      g_string_append_printf (linked, "%s%s", linked->len ? ", " : "", l->name);
    }
  if (linked->len > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Linked to %s"), linked->str);
      gtk_box_append (GTK_BOX (self->doc_detail), vigil_inventory_heading (text, NULL));
    }
  versions = vigil_store_list_document_versions (self->store, self->document_id, NULL);
  if (versions != NULL && versions->len > 1)
    {
      guint index = 0;
      g_autofree char *text = NULL;
      for (guint i = 0; i < versions->len; i++)
        if (g_array_index (versions, gint64, i) == self->document_id)
          index = i;
      text = g_strdup_printf (_("Version %u of %u kept in the archive (newest first)"),
                              versions->len - index, versions->len);
      gtk_box_append (GTK_BOX (self->doc_detail), vigil_inventory_heading (text, "dim-label"));
    }

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  button = gtk_button_new_with_mnemonic (_("Edit _Details…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "inventory.edit-document");
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("_Open With…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "inventory.open-document");
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (self->doc_detail), buttons);

  path = vigil_store_dup_document_path (self->store, d);
  vigil_document_preview_set_file (VIGIL_DOCUMENT_PREVIEW (self->preview), path,
                                   vigil_document_get_media_type (d));
}

static void
on_doc_selected (GtkSingleSelection *selection,
                 GParamSpec         *pspec,
                 VigilInventoryPage *self)
{
  VigilDocument *d = gtk_single_selection_get_selected_item (selection);
  gint64 id = d ? vigil_document_get_id (d) : 0;

  if (id == self->document_id)
    return;
  self->document_id = id;
  refresh_doc_detail (self);
}

static void
on_doc_activate (VigilInventoryPage *self,
                 guint               position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "inventory.open-document", NULL);
}

gboolean
vigil_inventory_page_select_document (VigilInventoryPage *self,
                                      gint64              document_id)
{
  int position;

  g_return_val_if_fail (VIGIL_IS_INVENTORY_PAGE (self), FALSE);

  position = vigil_record_list_find (self->documents, document_id);
  if (position < 0 && *gtk_editable_get_text (GTK_EDITABLE (self->doc_filter)))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->doc_filter), "");
      reload_documents (self);
      position = vigil_record_list_find (self->documents, document_id);
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "documents");
  if (position < 0)
    return FALSE;
  gtk_single_selection_set_selected (self->doc_selection, (guint) position);
  return TRUE;
}

/* Text extraction in the background --------------------------------------------------- */

static void
on_extract_progress (guint    done,
                     guint    total,
                     gpointer user_data)
{
  VigilInventoryPage *self = user_data;
  g_autofree char *text = g_strdup_printf (_("Indexing text: %u of %u"), done, total);

  if (!self->extracting)
    return;
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), total ? (double) done / total : 1);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress), text);
}

static void
on_extracted (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(VigilInventoryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  guint done = 0, failed = 0;

  if (!vigil_extract_pending_finish (VIGIL_STORE (source), result, &done, &failed, &error))
    {
      self->extracting = FALSE;
      gtk_widget_set_visible (self->progress, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        vigil_window_error_from (GTK_WIDGET (self), error);
      return;
    }
  self->extracting = FALSE;
  gtk_widget_set_visible (self->progress, FALSE);
  if (failed > 0)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "The text of %u document could not be read; it is archived all the same",
                                                               "The text of %u documents could not be read; they are archived all the same",
                                                               failed), failed);
      vigil_window_toast_from (GTK_WIDGET (self), message);
    }
  if (self->extract_again)
    start_extraction (self);
}

static void
start_extraction (VigilInventoryPage *self)
{
  if (self->store == NULL)
    return;
  if (self->extracting)
    {
      self->extract_again = TRUE;
      return;
    }
  self->extract_again = FALSE;
  if (vigil_store_count_pending_documents (self->store) == 0)
    return;
  self->extracting = TRUE;
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), 0);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress), _("Indexing text…"));
  gtk_widget_set_visible (self->progress, TRUE);
  g_clear_object (&self->extract_cancellable);
  self->extract_cancellable = g_cancellable_new ();
  vigil_extract_pending_async (self->store, self->extract_cancellable, on_extract_progress, self,
                               on_extracted, g_object_ref (self));
}

void
vigil_inventory_page_add_files (VigilInventoryPage *self,
                                GListModel         *files)
{
  g_autoptr(GError) error = NULL;
  guint added = 0, known = 0;
  gint64 last = 0;

  g_return_if_fail (VIGIL_IS_INVENTORY_PAGE (self));

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);
      gboolean existing = FALSE;
      gint64 id;

      if (path == NULL)
        continue;
      id = vigil_store_add_document (self->store, path, NULL, &existing, &error);
      if (id == 0)
        {
          vigil_window_error_from (GTK_WIDGET (self), error);
          g_clear_error (&error);
          continue;
        }
      last = id;
      if (existing)
        known++;
      else
        added++;
    }
  if (added + known > 0)
    {
      g_autofree char *message = NULL;
      if (known == 0)
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document archived",
                                                "%u documents archived", added), added);
      else
        message = g_strdup_printf (_("%u documents archived, %u already in the archive"), added, known);
      vigil_window_toast_from (GTK_WIDGET (self), message);
      vigil_inventory_page_select_document (self, last);
    }
  start_extraction (self);
}

static gboolean
on_drop (GtkDropTarget      *target,
         const GValue       *value,
         double              x,
         double              y,
         VigilInventoryPage *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  for (GSList *l = list; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  vigil_inventory_page_add_files (self, G_LIST_MODEL (files));
  return TRUE;
}

/* Search ------------------------------------------------------------------------------------ */

/* The snippet's text escaped, its markers turned into bold */
static char *
snippet_markup (const char *snippet)
{
  GString *out = g_string_new (NULL);

  for (const char *p = snippet ? snippet : ""; *p; )
    {
      const char *next = strpbrk (p, VIGIL_SNIPPET_START VIGIL_SNIPPET_END);
      g_autofree char *escaped = g_markup_escape_text (p, next ? next - p : -1);

      g_string_append (out, escaped);
      if (next == NULL)
        break;
      g_string_append (out, *next == VIGIL_SNIPPET_START[0] ? "<b>" : "</b>");
      p = next + 1;
    }
  return g_string_free (out, FALSE);
}

static GtkWidget *
search_row (VigilSearchHit *hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = vigil_inventory_heading (hit->title, "heading");
  GtkWidget *sub = vigil_inventory_heading (hit->subtitle, "dim-label");
  GtkWidget *snippet = gtk_label_new (NULL);
  g_autofree char *markup = snippet_markup (hit->snippet);
  g_autofree char *kind = g_strdup_printf ("%s — %s", g_str_equal (hit->kind, "asset") ? _("Asset") : _("Document"),
                                           hit->subtitle);

  gtk_label_set_text (GTK_LABEL (sub), kind);
  gtk_label_set_selectable (GTK_LABEL (title), FALSE);
  gtk_label_set_selectable (GTK_LABEL (sub), FALSE);
  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), sub);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "kind", g_strdup (hit->kind), g_free);
  g_object_set_data (G_OBJECT (row), "id", GSIZE_TO_POINTER ((gsize) hit->id));
  return row;
}

void
vigil_inventory_page_search (VigilInventoryPage *self,
                             const char         *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  GtkWidget *child;

  g_return_if_fail (VIGIL_IS_INVENTORY_PAGE (self));

  while ((child = gtk_widget_get_first_child (self->search_results)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->search_results), child);
  self->n_hits = 0;
  /* blanks alone are no search */
  if (self->store == NULL || query == NULL || *(query += strspn (query, " \t\n")) == '\0')
    return;

  hits = vigil_store_search_inventory (self->store, query, 50, &error);
  if (hits == NULL)
    {
      vigil_window_error_from (GTK_WIDGET (self), error);
      return;
    }
  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->search_results), search_row (g_ptr_array_index (hits, i)));
  self->n_hits = hits->len;
  if (hits->len == 0)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      g_autofree char *text = g_strdup_printf (_("Nothing matches “%s”"), query);
      GtkWidget *label = vigil_inventory_heading (text, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_set_margin_start (label, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (GTK_LIST_BOX (self->search_results), row);
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "search");
}

static void
on_search_changed (VigilInventoryPage *self)
{
  vigil_inventory_page_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_activate (VigilInventoryPage *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->search_results), 0);
  if (first != NULL && gtk_list_box_row_get_activatable (first))
    g_signal_emit_by_name (self->search_results, "row-activated", first);
}

static void
on_search_row_activated (VigilInventoryPage *self,
                         GtkListBoxRow      *row)
{
  const char *kind = g_object_get_data (G_OBJECT (row), "kind");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "id"));

  if (kind == NULL)
    return;
  if (g_str_equal (kind, "asset"))
    vigil_inventory_page_select_asset (self, id);
  else
    vigil_inventory_page_select_document (self, id);
}

/* The store ----------------------------------------------------------------------------------- */

static void
on_store_changed (VigilStore         *store,
                  const char         *kind,
                  gint64              id,
                  VigilInventoryPage *self)
{
  if (g_str_equal (kind, VIGIL_KIND_ASSET) || g_str_equal (kind, VIGIL_KIND_PERSON)
      || g_str_equal (kind, VIGIL_KIND_TEAM))
    {
      /* the rows replaced, then the ids again: the selection is kept */
      self->keeping_selection = TRUE;
      gtk_single_selection_set_selected (self->asset_selection, GTK_INVALID_LIST_POSITION);
      if (id > 0 && g_str_equal (kind, VIGIL_KIND_ASSET))
        vigil_record_list_invalidate (self->assets, id);
      else
        vigil_record_list_invalidate_all (self->assets);
      self->keeping_selection = FALSE;
      reload_assets (self);
      vigil_asset_detail_refresh (VIGIL_ASSET_DETAIL (self->asset_detail));
    }
  else if (g_str_equal (kind, VIGIL_KIND_DOCUMENT))
    {
      vigil_record_list_set_ids (self->documents, NULL, 0);
      reload_documents (self);
      refresh_doc_detail (self);
      vigil_asset_detail_refresh (VIGIL_ASSET_DETAIL (self->asset_detail));
    }
  else if (g_str_equal (kind, VIGIL_KIND_INCIDENT) || g_str_equal (kind, VIGIL_KIND_ALERT))
    vigil_asset_detail_refresh (VIGIL_ASSET_DETAIL (self->asset_detail));
}

VigilStore *
vigil_inventory_page_get_store (VigilInventoryPage *self)
{
  g_return_val_if_fail (VIGIL_IS_INVENTORY_PAGE (self), NULL);
  return self->store;
}

void
vigil_inventory_page_set_store (VigilInventoryPage *self,
                                VigilStore         *store)
{
  g_return_if_fail (VIGIL_IS_INVENTORY_PAGE (self));
  g_return_if_fail (store == NULL || VIGIL_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);

  g_clear_object (&self->asset_rows);
  g_clear_object (&self->assets);
  g_clear_object (&self->documents);
  if (store != NULL)
    {
      self->assets = vigil_record_list_new (VIGIL_TYPE_ASSET, load_asset, store, NULL);
      self->asset_rows = vigil_row_list_new (G_LIST_MODEL (self->assets));
      self->documents = vigil_record_list_new (VIGIL_TYPE_DOCUMENT, load_document, store, NULL);
      self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), self);
    }
  gtk_single_selection_set_model (self->asset_selection, self->asset_rows ? G_LIST_MODEL (self->asset_rows) : NULL);
  gtk_single_selection_set_model (self->doc_selection, self->documents ? G_LIST_MODEL (self->documents) : NULL);
  self->asset_id = -1;
  self->document_id = -1;
  vigil_asset_detail_set_store (VIGIL_ASSET_DETAIL (self->asset_detail), store);
  reload_assets (self);
  reload_documents (self);
  on_asset_selected (self->asset_selection, NULL, self);
  on_doc_selected (self->doc_selection, NULL, self);
  start_extraction (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
vigil_inventory_page_set_section (VigilInventoryPage *self,
                                  const char         *section)
{
  g_return_if_fail (VIGIL_IS_INVENTORY_PAGE (self));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), section);
}

void
vigil_inventory_page_set_filter (VigilInventoryPage *self,
                                 const char         *filter)
{
  g_return_if_fail (VIGIL_IS_INVENTORY_PAGE (self));
  /* one reload: setting the text empties the entry first, and an empty
   * search entry reports at once */
  g_signal_handlers_block_by_func (self->asset_filter, on_asset_filter_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->asset_filter), filter ? filter : "");
  g_signal_handlers_unblock_by_func (self->asset_filter, on_asset_filter_changed, self);
  reload_assets (self);
}

GListModel *
vigil_inventory_page_get_asset_model (VigilInventoryPage *self)
{
  g_return_val_if_fail (VIGIL_IS_INVENTORY_PAGE (self), NULL);
  return G_LIST_MODEL (self->assets);
}

GtkWidget *
vigil_inventory_page_get_preview (VigilInventoryPage *self)
{
  g_return_val_if_fail (VIGIL_IS_INVENTORY_PAGE (self), NULL);
  return self->preview;
}

GtkWidget *
vigil_inventory_page_get_map (VigilInventoryPage *self)
{
  g_return_val_if_fail (VIGIL_IS_INVENTORY_PAGE (self), NULL);
  return vigil_asset_detail_get_map (VIGIL_ASSET_DETAIL (self->asset_detail));
}

guint
vigil_inventory_page_get_n_search_hits (VigilInventoryPage *self)
{
  g_return_val_if_fail (VIGIL_IS_INVENTORY_PAGE (self), 0);
  return self->n_hits;
}

gboolean
vigil_inventory_page_is_extracting (VigilInventoryPage *self)
{
  g_return_val_if_fail (VIGIL_IS_INVENTORY_PAGE (self), FALSE);
  return self->extracting;
}

/* GObject --------------------------------------------------------------------------------------- */

static void
vigil_inventory_page_dispose (GObject *object)
{
  VigilInventoryPage *self = VIGIL_INVENTORY_PAGE (object);

  g_cancellable_cancel (self->extract_cancellable);
  g_clear_object (&self->extract_cancellable);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_INVENTORY_PAGE);
  g_clear_object (&self->asset_selection);
  g_clear_object (&self->asset_rows);
  g_clear_object (&self->doc_selection);
  g_clear_object (&self->assets);
  g_clear_object (&self->documents);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (vigil_inventory_page_parent_class)->dispose (object);
}

static void
vigil_inventory_page_finalize (GObject *object)
{
  G_OBJECT_CLASS (vigil_inventory_page_parent_class)->finalize (object);
}

static void
vigil_inventory_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VigilInventoryPage *self = VIGIL_INVENTORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_inventory_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  VigilInventoryPage *self = VIGIL_INVENTORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      vigil_inventory_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_inventory_page_class_init (VigilInventoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_inventory_page_dispose;
  object_class->finalize = vigil_inventory_page_finalize;
  object_class->get_property = vigil_inventory_page_get_property;
  object_class->set_property = vigil_inventory_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VIGIL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VIGIL_TYPE_DOCUMENT_PREVIEW);
  g_type_ensure (VIGIL_TYPE_ASSET_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vigilsoc/Vigil/inventory/vigil-inventory-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilInventoryPage, box);
  gtk_widget_class_bind_template_child (widget_class, VigilInventoryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, VigilInventoryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilInventoryPage, progress);
  gtk_widget_class_bind_template_child (widget_class, VigilInventoryPage, asset_filter);
  gtk_widget_class_bind_template_child (widget_class, VigilInventoryPage, asset_list_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilInventoryPage, asset_view);
  gtk_widget_class_bind_template_child (widget_class, VigilInventoryPage, asset_detail);
  gtk_widget_class_bind_template_child (widget_class, VigilInventoryPage, doc_side);
  gtk_widget_class_bind_template_child (widget_class, VigilInventoryPage, doc_filter);
  gtk_widget_class_bind_template_child (widget_class, VigilInventoryPage, doc_list);
  gtk_widget_class_bind_template_child (widget_class, VigilInventoryPage, doc_detail);
  gtk_widget_class_bind_template_child (widget_class, VigilInventoryPage, preview);
  gtk_widget_class_bind_template_child (widget_class, VigilInventoryPage, search_results);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_asset_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_asset_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_doc_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_doc_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_asset_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_document_activated);

  vigil_inventory_page_class_init_actions (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vigil_inventory_page_init (VigilInventoryPage *self)
{
  GtkListItemFactory *factory;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->sort = VIGIL_ASSET_SORT_NAME;

  self->asset_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->asset_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->asset_selection, TRUE);
  g_signal_connect (self->asset_selection, "notify::selected-item", G_CALLBACK (on_asset_selected), self);
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->asset_view), GTK_SELECTION_MODEL (self->asset_selection));
  build_columns (self);

  self->doc_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->doc_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->doc_selection, TRUE);
  g_signal_connect (self->doc_selection, "notify::selected-item", G_CALLBACK (on_doc_selected), self);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_doc), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_doc), NULL);
  gtk_list_view_set_factory (GTK_LIST_VIEW (self->doc_list), factory);
  g_object_unref (factory);
  gtk_list_view_set_model (GTK_LIST_VIEW (self->doc_list), GTK_SELECTION_MODEL (self->doc_selection));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (self->doc_side, GTK_EVENT_CONTROLLER (drop));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.edit-asset", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.add-dependency", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.edit-document", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.open-document", FALSE);
  vigil_asset_detail_refresh (VIGIL_ASSET_DETAIL (self->asset_detail));
}
