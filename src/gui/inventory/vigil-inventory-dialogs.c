/* vigil-inventory-dialogs.c — the asset editor and the document details editor
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small forms built from AdwPreferences rows.  People and teams are typed
 * (a name, email or employee id) and resolved when saving; anything that
 * does not resolve is said in the dialog, which stays open.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-inventory-dialogs.h"
#include "vigil-store-assets.h"
#include "vigil-store-documents.h"

typedef struct
{
  VigilStore *store;
  gint64      id;
  GtkWidget  *window;
  GtkWidget  *error_label;
  GHashTable *rows;    /* field name → AdwEntryRow / AdwComboRow */
  const char * const *combo_keys[2];
} Form;

static void
form_free (Form *form)
{
  g_clear_object (&form->store);
  g_hash_table_unref (form->rows);
  g_free (form);
}

static GtkWidget *
entry_row (Form            *form,
           AdwPreferencesGroup *group,
           const char      *field,
           const char      *title,
           const char      *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  adw_preferences_group_add (group, row);
  g_hash_table_insert (form->rows, (gpointer) field, row);
  return row;
}

static GtkWidget *
combo_row (Form                *form,
           AdwPreferencesGroup *group,
           const char          *field,
           const char          *title,
           const char * const  *keys,
           const char * const  *labels,
           const char          *value)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char * const *) labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_strcmp0 (keys[i], value) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  adw_preferences_group_add (group, row);
  g_hash_table_insert (form->rows, (gpointer) field, row);
  g_object_set_data (G_OBJECT (row), "keys", (gpointer) keys);
  return row;
}

static char *
text_of (Form       *form,
         const char *field)
{
  GtkWidget *row = g_hash_table_lookup (form->rows, field);
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static const char *
key_of (Form       *form,
        const char *field)
{
  GtkWidget *row = g_hash_table_lookup (form->rows, field);
  const char * const *keys = g_object_get_data (G_OBJECT (row), "keys");
  return keys[adw_combo_row_get_selected (ADW_COMBO_ROW (row))];
}

static void
show_form_error (Form       *form,
                 const char *message)
{
  gtk_label_set_text (GTK_LABEL (form->error_label), message);
  gtk_widget_set_visible (form->error_label, TRUE);
}

static gboolean
close_window_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  gtk_window_destroy (GTK_WINDOW (widget));
  return TRUE;
}

static GtkWidget *
form_window (Form       *form,
             GtkWindow  *parent,
             const char *title,
             GtkWidget  *page,
             GCallback   save)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *ok = gtk_button_new_with_mnemonic (_("_Save"));
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 640);
  gtk_widget_add_css_class (ok, "suggested-action");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), ok);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_signal_connect_swapped (ok, "clicked", save, form);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape"),
                      gtk_callback_action_new (close_window_cb, NULL, NULL)));
  gtk_widget_add_controller (window, keys);

  form->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (form->error_label), TRUE);
  gtk_widget_add_css_class (form->error_label, "error");
  gtk_widget_set_margin_top (form->error_label, 6);
  gtk_widget_set_visible (form->error_label, FALSE);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), form->error_label);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  form->window = window;
  g_object_set_data_full (G_OBJECT (window), "form", form, (GDestroyNotify) form_free);
  return window;
}

/* Assets ---------------------------------------------------------------------------- */

static const char * const criticality_keys[] = { "low", "medium", "high", "critical", NULL };

static gboolean
resolve_person (Form        *form,
                const char  *field,
                const char  *what,
                gint64      *id)
{
  g_autofree char *text = text_of (form, field);
  g_autofree char *message = NULL;

  if (*text == '\0')
    {
      *id = form->id ? -1 : 0;
      return TRUE;
    }
  *id = vigil_store_lookup_person_id (form->store, text);
  if (*id > 0)
    return TRUE;
  message = g_strdup_printf (*id < 0 ? _("Several people are named “%s” (%s): type their email or employee id.")
                                     : _("No person “%s” (%s) in the organisation: type a name, email or employee id."),
                             text, what);
  show_form_error (form, message);
  return FALSE;
}

static void
save_asset (Form *form)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = text_of (form, "name");
  g_autofree char *kind = text_of (form, "kind");
  g_autofree char *hostname = text_of (form, "hostname");
  g_autofree char *addresses = text_of (form, "addresses");
  g_autofree char *team = text_of (form, "team");
  g_autofree char *environment = text_of (form, "environment");
  g_autofree char *location = text_of (form, "location");
  g_autofree char *status = text_of (form, "status");
  g_autofree char *description = text_of (form, "description");
  VigilAssetFields f = { 0 };

  f.name = name;
  f.kind = kind;
  f.hostname = hostname;
  f.addresses = addresses;
  f.criticality = key_of (form, "criticality");
  f.environment = environment;
  f.location = location;
  f.status = status;
  f.description = description;
  if (*team != '\0')
    {
      f.owner_team_id = vigil_store_lookup_team_id (form->store, team);
      if (f.owner_team_id == 0)
        {
          g_autofree char *message = g_strdup_printf (_("No team “%s” in the organisation."), team);
          show_form_error (form, message);
          return;
        }
    }
  else
    f.owner_team_id = form->id ? -1 : 0;
  if (!resolve_person (form, "contact", _("technical contact"), &f.tech_contact_id)
      || !resolve_person (form, "owner", _("business owner"), &f.business_owner_id))
    return;

  if (form->id == 0 ? vigil_store_create_asset (form->store, &f, &error) == 0
                    : !vigil_store_update_asset (form->store, form->id, &f, &error))
    {
      show_form_error (form, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (form->window));
}

GtkWindow *
vigil_asset_editor_new (GtkWindow  *parent,
                        VigilStore *store,
                        gint64      asset_id)
{
  static const char * const criticality_labels[] = { N_("Low"), N_("Medium"), N_("High"), N_("Critical"), NULL };
  const char *labels[5];
  g_autoptr(VigilAsset) asset = NULL;
  Form *form = g_new0 (Form, 1);
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *main, *people, *more;
  GtkWidget *name;

  form->store = g_object_ref (store);
  form->id = asset_id;
  form->rows = g_hash_table_new (g_str_hash, g_str_equal);
  if (asset_id > 0)
    asset = vigil_store_get_asset (store, asset_id, NULL);
  for (guint i = 0; i < 5; i++)
    labels[i] = criticality_labels[i] ? _(criticality_labels[i]) : NULL;

  main = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  people = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  more = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (people, _("Contacts"));
  adw_preferences_group_set_description (people, _("A name, email or employee id from the organisation"));
  adw_preferences_group_set_title (more, _("Where and What"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), main);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), people);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), more);

  name = entry_row (form, main, "name", _("Name"), asset ? vigil_asset_get_name (asset) : "");
  entry_row (form, main, "kind", _("Kind"), asset ? vigil_asset_get_kind (asset) : "server");
  entry_row (form, main, "addresses", _("Addresses"), asset ? vigil_asset_get_addresses (asset) : "");
  entry_row (form, main, "hostname", _("Host Name"), asset ? vigil_asset_get_hostname (asset) : "");
  combo_row (form, main, "criticality", _("Criticality"), criticality_keys, labels,
             asset ? vigil_asset_get_criticality (asset) : "medium");
  entry_row (form, people, "team", _("Owner Team"), asset ? vigil_asset_get_owner_team_name (asset) : "");
  entry_row (form, people, "contact", _("Technical Contact"),
             asset ? vigil_asset_get_tech_contact_name (asset) : "");
  entry_row (form, people, "owner", _("Business Owner"),
             asset ? vigil_asset_get_business_owner_name (asset) : "");
  entry_row (form, more, "environment", _("Environment"),
             asset ? vigil_asset_get_environment (asset) : "production");
  entry_row (form, more, "location", _("Location"), asset ? vigil_asset_get_location (asset) : "");
  entry_row (form, more, "status", _("Status"), asset ? vigil_asset_get_status (asset) : "active");
  entry_row (form, more, "description", _("Description"), asset ? vigil_asset_get_description (asset) : "");

  form_window (form, parent, asset_id ? _("Edit Asset") : _("New Asset"), page, G_CALLBACK (save_asset));
  gtk_widget_grab_focus (name);
  return GTK_WINDOW (form->window);
}

/* Documents -------------------------------------------------------------------------- */

static const char * const kind_keys[] = {
  "architecture", "network-diagram", "runbook", "procedure", "contract", "inventory", "other", NULL
};
static const char * const tlp_keys[] = { "clear", "green", "amber", "amber+strict", "red", NULL };

static void
save_document (Form *form)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = text_of (form, "title");
  g_autofree char *version = text_of (form, "version");
  g_autofree char *date = text_of (form, "date");
  g_autofree char *team = text_of (form, "team");
  g_autofree char *assets = text_of (form, "assets");
  g_auto(GStrv) names = NULL;
  g_autoptr(GArray) asset_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  VigilDocumentFields f = { 0 };

  f.title = title;
  f.kind = key_of (form, "kind");
  f.version = version;
  f.doc_date = date;
  f.tlp = key_of (form, "tlp");
  f.owner_team_id = -1;
  if (*team != '\0')
    {
      f.owner_team_id = vigil_store_lookup_team_id (form->store, team);
      if (f.owner_team_id == 0)
        {
          g_autofree char *message = g_strdup_printf (_("No team “%s” in the organisation."), team);
          show_form_error (form, message);
          return;
        }
    }
  names = g_strsplit (assets, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(VigilAsset) a = NULL;
      gint64 id;

      g_strstrip (names[i]);
      if (*names[i] == '\0')
        continue;
      a = vigil_store_find_asset (form->store, names[i], &error);
      if (a == NULL)
        {
          show_form_error (form, error->message);
          return;
        }
      id = vigil_asset_get_id (a);
      g_array_append_val (asset_ids, id);
    }

  if (!vigil_store_begin (form->store, &error))
    goto fail;
  if (!vigil_store_update_document (form->store, form->id, &f, &error))
    goto rollback;
  for (guint i = 0; i < asset_ids->len; i++)
    if (!vigil_store_link_document (form->store, form->id, g_array_index (asset_ids, gint64, i), 0, 0, &error))
      goto rollback;
  if (f.owner_team_id > 0 && !vigil_store_link_document (form->store, form->id, 0, f.owner_team_id, 0, &error))
    goto rollback;
  if (!vigil_store_commit (form->store, &error))
    goto fail;
  gtk_window_destroy (GTK_WINDOW (form->window));
  return;

rollback:
  vigil_store_rollback (form->store);
fail:
  show_form_error (form, error->message);
}

GtkWindow *
vigil_document_editor_new (GtkWindow  *parent,
                           VigilStore *store,
                           gint64      document_id)
{
  static const char * const kind_labels[] = { N_("Architecture"), N_("Network diagram"), N_("Runbook"),
                                              N_("Procedure"), N_("Contract"), N_("Inventory"),
                                              N_("Other"), NULL };
  static const char * const tlp_labels[] = { "TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT",
                                             "TLP:RED", NULL };
  const char *labels[8];
  g_autoptr(VigilDocument) doc = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GString) linked = g_string_new (NULL);
  Form *form;
  GtkWidget *page, *title;
  AdwPreferencesGroup *main, *links_group;

  doc = vigil_store_get_document (store, document_id, NULL);
  if (doc == NULL)
    return NULL;
  links = vigil_store_list_document_links (store, document_id, NULL);
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      VigilDocumentLink *l = g_ptr_array_index (links, i);
      if (g_str_equal (l->kind, "asset"))
        g_string_append_printf (linked, "%s%s", linked->len ? ", " : "", l->name);
    }
  for (guint i = 0; i < 8; i++)
    labels[i] = kind_labels[i] ? _(kind_labels[i]) : NULL;

  form = g_new0 (Form, 1);
  form->store = g_object_ref (store);
  form->id = document_id;
  form->rows = g_hash_table_new (g_str_hash, g_str_equal);
  page = adw_preferences_page_new ();
  main = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  links_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (links_group, _("Links"));
  adw_preferences_group_set_description (links_group,
                                         _("Asset names separated by commas; links are only added here"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), main);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), links_group);

  title = entry_row (form, main, "title", _("Title"), vigil_document_get_title (doc));
  combo_row (form, main, "kind", _("Kind"), kind_keys, labels, vigil_document_get_kind (doc));
  entry_row (form, main, "version", _("Version"), vigil_document_get_version (doc));
  entry_row (form, main, "date", _("Date"), vigil_document_get_doc_date (doc));
  combo_row (form, main, "tlp", _("TLP"), tlp_keys, tlp_labels, vigil_document_get_tlp (doc));
  entry_row (form, main, "team", _("Owner Team"), vigil_document_get_owner_team_name (doc));
  entry_row (form, links_group, "assets", _("Assets"), linked->str);

  form_window (form, parent, _("Document Details"), page, G_CALLBACK (save_document));
  gtk_widget_grab_focus (title);
  return GTK_WINDOW (form->window);
}
