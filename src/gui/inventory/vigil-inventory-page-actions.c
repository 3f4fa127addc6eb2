/* vigil-inventory-page-actions.c — the inventory page's actions: new and
 * edited assets and documents, dependencies, imports, opening a document
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "vigil-asset-detail.h"
#include "vigil-asset-import.h"
#include "vigil-inventory-dialogs.h"
#include "vigil-inventory-page-private.h"
#include "vigil-store-documents.h"

static GtkWindow *
parent_window (VigilInventoryPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
action_search (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  VigilInventoryPage *self = VIGIL_INVENTORY_PAGE (widget);
  gtk_widget_grab_focus (self->search_entry);
}

static void
action_new_asset (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  VigilInventoryPage *self = VIGIL_INVENTORY_PAGE (widget);
  if (self->store)
    gtk_window_present (vigil_asset_editor_new (parent_window (self), self->store, 0));
}

static void
action_edit_asset (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  VigilInventoryPage *self = VIGIL_INVENTORY_PAGE (widget);
  if (self->store && self->asset_id > 0)
    gtk_window_present (vigil_asset_editor_new (parent_window (self), self->store, self->asset_id));
}

static void
action_add_dependency (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VigilInventoryPage *self = VIGIL_INVENTORY_PAGE (widget);

  vigil_asset_detail_add_dependency (VIGIL_ASSET_DETAIL (self->asset_detail));
}

static void
action_edit_document (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  VigilInventoryPage *self = VIGIL_INVENTORY_PAGE (widget);
  GtkWindow *editor;

  if (self->store && self->document_id > 0
      && (editor = vigil_document_editor_new (parent_window (self), self->store, self->document_id)) != NULL)
    gtk_window_present (editor);
}

/* Opens a read-only copy under the document's own name, so the viewer
 * knows its type and can never change the archived file. */
static void
action_open_document (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  VigilInventoryPage *self = VIGIL_INVENTORY_PAGE (widget);
  g_autoptr(VigilDocument) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;

  if (self->store == NULL || self->document_id <= 0)
    return;
  d = vigil_store_get_document (self->store, self->document_id, &error);
  if (d == NULL)
    goto fail;
  source = vigil_store_dup_document_path (self->store, d);
  dir = g_build_filename (g_get_user_cache_dir (), "vigil", "open", vigil_document_get_sha256 (d), NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot create %s"), dir);
      goto fail;
    }
  target = g_build_filename (dir, vigil_document_get_filename (d), NULL);
  from = g_file_new_for_path (source);
  to = g_file_new_for_path (target);
  if (!g_file_test (target, G_FILE_TEST_EXISTS)
      && !g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    goto fail;
  g_chmod (target, 0400);
  uri = g_file_get_uri (to);
  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    goto fail;
  return;

fail:
  vigil_window_error_from (GTK_WIDGET (self), error);
}

static void
on_files_chosen (GtkNativeDialog    *dialog,
                 int                 response,
                 VigilInventoryPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      vigil_inventory_page_add_files (self, files);
    }
  g_object_unref (dialog);
}

static void
action_add_documents (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  VigilInventoryPage *self = VIGIL_INVENTORY_PAGE (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Add Documents to the Archive"), parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_files_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
report_import (VigilInventoryPage     *self,
               const char             *path,
               VigilAssetImportReport *report,
               const GError           *error);

static void
on_import_response (AdwMessageDialog   *dialog,
                    const char         *response,
                    VigilInventoryPage *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  if (g_str_equal (response, "skip"))
    {
      g_autoptr(VigilAssetImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      vigil_asset_import_file (self->store, path, NULL, VIGIL_ASSET_IMPORT_SKIP_INVALID, &report, &error);
      report_import (self, path, report, error);
    }
}

static void
report_import (VigilInventoryPage     *self,
               const char             *path,
               VigilAssetImportReport *report,
               const GError           *error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *basename = g_path_get_basename (path);
  AdwMessageDialog *dialog;
  GPtrArray *lines = NULL;

  if (error == NULL && (report == NULL || report->unresolved->len == 0))
    {
      g_autofree char *message = g_strdup_printf (_("%u assets created, %u updated"),
                                                  report ? report->created : 0,
                                                  report ? report->updated : 0);
      vigil_window_toast_from (GTK_WIDGET (self), message);
      return;
    }

  if (error != NULL)
    {
      g_string_append (body, error->message);
      lines = report ? report->problems : NULL;
    }
  else
    {
      g_string_append_printf (body, _("%u assets created, %u updated. These contacts and teams matched "
                                      "nobody in the organisation; the assets were imported without them:"),
                              report->created, report->updated);
      lines = report->unresolved;
    }
  for (guint i = 0; lines != NULL && i < lines->len && i < 15; i++)
    g_string_append_printf (body, "\n• %s", (char *) g_ptr_array_index (lines, i));
  if (lines != NULL && lines->len > 15)
    g_string_append_printf (body, _("\n… and %u more"), lines->len - 15);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self),
                                                       error ? _("Nothing Was Imported") : _("Assets Imported"),
                                                       NULL));
  adw_message_dialog_format_body (dialog, "%s: %s", basename, body->str);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  if (error != NULL && report != NULL && report->problems->len > 0 && report->problems->len < report->rows)
    {
      adw_message_dialog_add_response (dialog, "skip", _("_Import the Valid Rows"));
      adw_message_dialog_set_response_appearance (dialog, "skip", ADW_RESPONSE_SUGGESTED);
      g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
      g_signal_connect (dialog, "response", G_CALLBACK (on_import_response), self);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_csv_chosen (GtkNativeDialog    *dialog,
               int                 response,
               VigilInventoryPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(VigilAssetImportReport) report = NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL)
        {
          vigil_asset_import_file (self->store, path, NULL, 0, &report, &error);
          report_import (self, path, report, error);
        }
    }
  g_object_unref (dialog);
}

static void
action_import_assets (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  VigilInventoryPage *self = VIGIL_INVENTORY_PAGE (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Import Assets from CSV"), parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_csv_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
vigil_inventory_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "inventory.search", NULL, action_search);
  gtk_widget_class_install_action (widget_class, "inventory.new-asset", NULL, action_new_asset);
  gtk_widget_class_install_action (widget_class, "inventory.edit-asset", NULL, action_edit_asset);
  gtk_widget_class_install_action (widget_class, "inventory.add-dependency", NULL, action_add_dependency);
  gtk_widget_class_install_action (widget_class, "inventory.import-assets", NULL, action_import_assets);
  gtk_widget_class_install_action (widget_class, "inventory.add-documents", NULL, action_add_documents);
  gtk_widget_class_install_action (widget_class, "inventory.edit-document", NULL, action_edit_document);
  gtk_widget_class_install_action (widget_class, "inventory.open-document", NULL, action_open_document);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "inventory.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "inventory.new-asset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "inventory.add-dependency", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "inventory.add-documents", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "inventory.import-assets", NULL);
}
