/* vigil-org-page-actions.c — the Organization page's actions
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search (Ctrl+F), zoom, focus on a person, collapse a subtree, show
 * everyone, who to call, new and edited people and teams, CSV import and
 * export through Graphviz's renderers.
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "vigil-org-chart.h"
#include "vigil-org-dialogs.h"
#include "vigil-org-import.h"
#include "vigil-org-page-private.h"
#include "vigil-window.h"

/* ---- actions ------------------------------------------------------------- */

static void
search_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_changed (GtkSearchEntry *entry,
                VigilOrgPage   *self)
{
  self->search_index = 0;
  vigil_org_page_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
search_activate (GtkSearchEntry *entry,
                 VigilOrgPage   *self)
{
  self->search_index++;
  vigil_org_page_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
search_stop (GtkSearchEntry *entry,
             VigilOrgPage   *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->graph_view));
}

static void
zoom_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (widget);
  double zoom = vigil_graph_view_get_zoom (self->graph_view);

  if (g_str_equal (name, "org.fit"))
    vigil_graph_view_zoom_to_fit (self->graph_view);
  else
    vigil_graph_view_set_zoom (self->graph_view,
                               g_str_equal (name, "org.zoom-in") ? zoom * 1.25 : zoom / 1.25);
}

static void
focus_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (widget);
  gint64 id = vigil_org_page_get_selected_person (self);

  if (id <= 0)
    return;
  self->focus_id = id;
  g_clear_pointer (&self->who, g_hash_table_unref);
  vigil_org_page_rebuild (self);
  vigil_org_page_select_person (self, id);
}

static void
show_all_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (widget);
  gint64 id = vigil_org_page_get_selected_person (self);

  self->focus_id = 0;
  self->root_id = 0;
  g_clear_pointer (&self->who, g_hash_table_unref);
  vigil_org_page_rebuild (self);
  if (id > 0)
    vigil_org_page_select_person (self, id);
}

static void
toggle_collapse_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (widget);
  gint64 id = vigil_org_page_get_selected_person (self);

  if (id <= 0)
    return;
  if (!g_hash_table_remove (self->collapsed, &id))
    {
      if (GPOINTER_TO_UINT (g_hash_table_lookup (self->report_counts, &id)) == 0)
        {
          vigil_org_page_set_status (self, _("Nobody reports to this person"));
          return;
        }
      vigil_org_id_set_add (self->collapsed, id);
    }
  vigil_org_page_rebuild (self);
  vigil_org_page_select_person (self, id);
}

static void
node_activated (VigilGraphView *view,
                int             node,
                VigilOrgPage   *self)
{
  VigilGraphLayout *layout = vigil_graph_view_get_layout (view);
  gint64 team_id;

  if (self->showing != SHOWING_TEAMS || layout == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "org.edit-person", NULL);
      return;
    }
  /* a team in the overview: show its part of the organisation */
  team_id = vigil_org_node_team_id (layout->nodes[node].id);
  for (guint i = 0; i < self->teams->len; i++)
    {
      VigilTeam *t = self->teams->pdata[i];
      if (t->id == team_id && t->lead_id > 0)
        {
          self->root_id = t->lead_id;
          gtk_toggle_button_set_active (self->overview_button, FALSE);
          vigil_org_page_rebuild (self);
          return;
        }
    }
}

static void
selection_changed (VigilGraphView *view,
                   GParamSpec     *pspec,
                   VigilOrgPage   *self)
{
  vigil_org_page_update_card (self);
}

static void
overview_toggled (GtkToggleButton *button,
                  VigilOrgPage    *self)
{
  vigil_org_page_rebuild (self);
}

static void
who_go_clicked (GtkButton    *button,
                VigilOrgPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!vigil_org_page_who_to_call (self, gtk_editable_get_text (GTK_EDITABLE (self->who_entry)),
                                   &error))
    {
      vigil_org_page_set_status (self, error->message);
      return;
    }
  gtk_popover_popdown (self->who_popover);
}

static void
who_entry_activate (GtkEntry     *entry,
                    VigilOrgPage *self)
{
  who_go_clicked (NULL, self);
}

static void
edit_person_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (widget);
  gint64 id = vigil_org_page_get_selected_person (self);

  if (g_str_equal (name, "org.new-person"))
    vigil_org_person_dialog_present (widget, self->store, 0, id);
  else if (id > 0)
    vigil_org_person_dialog_present (widget, self->store, id, 0);
}

static void
new_team_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (widget);
  VigilPerson *p = vigil_org_page_person_by_id (self, vigil_org_page_get_selected_person (self));

  if (g_str_equal (name, "org.edit-team"))
    {
      if (p != NULL && p->team_id > 0)
        vigil_org_team_dialog_present (widget, self->store, p->team_id);
      return;
    }
  vigil_org_team_dialog_present (widget, self->store, 0);
}

/* import */

static void
import_report_response (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  VigilOrgPage *self = g_object_get_data (G_OBJECT (dialog), "page");
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  if (g_strcmp0 (response, "skip") == 0)
    {
      g_autoptr(VigilOrgImport) import = vigil_org_import_new (self->store);
      g_autoptr(VigilOrgImportReport) report = NULL;
      g_autoptr(GError) error = NULL;

      vigil_org_import_set_skip_invalid (import, TRUE);
      report = vigil_org_import_file (import, path, &error);
      if (report == NULL)
        vigil_window_error_from (GTK_WIDGET (self), error);
      else
        {
          g_autofree char *text = g_strdup_printf (_("%u imported, %u updated, %u rejected"),
                                                   report->imported, report->updated,
                                                   report->rejected);
          vigil_window_toast_from (GTK_WIDGET (self), text);
        }
    }
}

static void
import_file (VigilOrgPage *self,
             const char   *path)
{
  g_autoptr(VigilOrgImport) import = vigil_org_import_new (self->store);
  g_autoptr(VigilOrgImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *label, *scroller;

  report = vigil_org_import_file (import, path, &error);
  if (report == NULL)
    {
      vigil_window_error_from (GTK_WIDGET (self), error);
      return;
    }
  if (report->committed)
    {
      text = g_strdup_printf (_("%u imported, %u updated"), report->imported, report->updated);
      vigil_window_toast_from (GTK_WIDGET (self), text);
      return;
    }
  text = vigil_org_import_report_to_string (report);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Nothing Was Imported"),
    _("Some rows cannot be imported. Fix the file and import it again, or import only the "
      "valid rows.")));
  label = gtk_label_new (text);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  adw_message_dialog_set_extra_child (dialog, scroller);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), NULL);
  if (report->rejected > 0 && report->rejected < report->rows)
    {
      adw_message_dialog_add_responses (dialog, "skip", _("Import _Valid Rows"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "skip", ADW_RESPONSE_SUGGESTED);
    }
  g_object_set_data_full (G_OBJECT (dialog), "page", g_object_ref (self), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (import_report_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_chosen (GtkNativeDialog *chooser,
               int              response,
               VigilOrgPage    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      if (path != NULL)
        import_file (self, path);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
import_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import People"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (import_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* export */

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  VigilGraph *graph = data;
  const char *format = g_object_get_data (G_OBJECT (task), "format");
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  GError *error = NULL;

  if (vigil_graph_export (graph, format, path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    vigil_window_error_from (GTK_WIDGET (self), error);
  else
    {
      g_autofree char *base = g_path_get_basename (g_object_get_data (G_OBJECT (result), "path"));
      g_autofree char *text = g_strdup_printf (_("Exported %s"), base);
      vigil_window_toast_from (GTK_WIDGET (self), text);
    }
}

static void
export_chosen (GtkNativeDialog *chooser,
               int              response,
               VigilOrgPage    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GTask) task = NULL;
      g_autoptr(VigilGraph) graph = NULL;
      g_autoptr(GPtrArray) subset = NULL;
      VigilOrgChartOptions options = { 0 };

      if (gtk_toggle_button_get_active (self->overview_button))
        graph = vigil_org_chart_teams (self->teams, TRUE);
      else
        {
          options.collapsed = self->collapsed;
          options.root = self->focus_id > 0 ? 0 : self->root_id;
          options.clusters = TRUE;
          options.for_export = TRUE;
          subset = self->focus_id > 0 ? vigil_org_page_focus_subset (self) : NULL;
          graph = vigil_org_chart_people (subset ? subset : self->people, &options, NULL);
        }
      task = g_task_new (self, NULL, export_done, NULL);
      g_task_set_task_data (task, g_steal_pointer (&graph), (GDestroyNotify) vigil_graph_unref);
      g_object_set_data_full (G_OBJECT (task), "format",
                              g_strdup (g_object_get_data (G_OBJECT (chooser), "format")), g_free);
      g_object_set_data_full (G_OBJECT (task), "path", g_file_get_path (file), g_free);
      g_task_run_in_thread (task, export_thread);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (widget);
  const char *format = g_variant_get_string (param, NULL);
  g_autofree char *file_name = g_strdup_printf ("organisation.%s", format);
  GtkFileChooserNative *chooser;

  if (self->people == NULL || self->people->len == 0)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Organisation Chart"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_object_set_data_full (G_OBJECT (chooser), "format", g_strdup (format), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- wiring ------------------------------------------------------------- */

void
vigil_org_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "org.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "org.fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "org.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "org.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "org.focus", NULL, focus_action);
  gtk_widget_class_install_action (widget_class, "org.show-all", NULL, show_all_action);
  gtk_widget_class_install_action (widget_class, "org.toggle-collapse", NULL,
                                   toggle_collapse_action);
  gtk_widget_class_install_action (widget_class, "org.edit-person", NULL, edit_person_action);
  gtk_widget_class_install_action (widget_class, "org.new-person", NULL, edit_person_action);
  gtk_widget_class_install_action (widget_class, "org.new-team", NULL, new_team_action);
  gtk_widget_class_install_action (widget_class, "org.edit-team", NULL, new_team_action);
  gtk_widget_class_install_action (widget_class, "org.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "org.export", "s", export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "org.search",
                                       NULL);

}

void
vigil_org_page_connect_actions (VigilOrgPage *self)
{
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (search_activate), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (search_stop), self);
  g_signal_connect (self->overview_button, "toggled", G_CALLBACK (overview_toggled), self);
  g_signal_connect (self->who_go, "clicked", G_CALLBACK (who_go_clicked), self);
  g_signal_connect (self->who_entry, "activate", G_CALLBACK (who_entry_activate), self);
  g_signal_connect (self->graph_view, "notify::selected", G_CALLBACK (selection_changed), self);
  g_signal_connect (self->graph_view, "node-activated", G_CALLBACK (node_activated), self);
}
