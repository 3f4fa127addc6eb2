/* vigil-record-windows.c — the incident record's window actions and lists
 * across incidents: follow-ups, detection requests, playbooks
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each list is a window of rows rebuilt when the store changes; rows never
 * use markup, so any text shows literally.
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "vigil-incident-window.h"
#include "vigil-record-form.h"
#include "vigil-record-windows.h"
#include "vigil-store-detection.h"
#include "vigil-store-incidents.h"
#include "vigil-store-playbooks.h"
#include "vigil-store-records.h"

typedef void (*FillFunc) (GtkWindow  *window,
                          VigilStore *store,
                          GtkWidget  *group);

static VigilStore *
window_store (GtkWidget *widget)
{
  VigilStore *store = NULL;

  g_object_get (widget, "store", &store, NULL);
  if (store != NULL)
    g_object_unref (store);  /* the window keeps it */
  return store;
}

static GtkWidget *
row_new (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title && *title ? title : "—");
  if (subtitle && *subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
button_new (const char *label,
            GCallback   callback,
            gpointer    data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", callback, data);
  return button;
}

/* A list window: header, a preferences page with one group, refilled on
 * every store change. */
typedef struct
{
  GtkWindow  *window;
  VigilStore *store;
  GtkWidget  *page;
  GtkWidget  *group;
  FillFunc    fill;
  const char *title;
  const char *description;
  guint       idle;
} ListWindow;

static void
list_window_free (ListWindow *lw)
{
  g_clear_handle_id (&lw->idle, g_source_remove);
  g_signal_handlers_disconnect_by_data (lw->store, lw);
  g_object_unref (lw->store);
  g_free (lw);
}

static void
list_window_fill (ListWindow *lw)
{
  if (lw->group != NULL)
    adw_preferences_page_remove (ADW_PREFERENCES_PAGE (lw->page),
                                 ADW_PREFERENCES_GROUP (lw->group));
  lw->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (lw->group), lw->title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (lw->group), lw->description);
  lw->fill (lw->window, lw->store, lw->group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (lw->page), ADW_PREFERENCES_GROUP (lw->group));
}

static gboolean
list_window_idle_cb (gpointer data)
{
  ListWindow *lw = data;

  lw->idle = 0;
  list_window_fill (lw);
  return G_SOURCE_REMOVE;
}

static void
list_window_changed_cb (VigilStore *store,
                        const char *kind,
                        gint64      id,
                        ListWindow *lw)
{
  if (lw->idle == 0)
    lw->idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, list_window_idle_cb, lw, NULL);
}

static GtkWindow *
list_window_new (GtkWindow  *parent,
                 VigilStore *store,
                 const char *title,
                 const char *group_title,
                 const char *description,
                 FillFunc    fill,
                 GtkWidget  *header_button)
{
  ListWindow *lw = g_new0 (ListWindow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  lw->window = GTK_WINDOW (adw_window_new ());
  lw->store = g_object_ref (store);
  lw->fill = fill;
  lw->title = group_title;
  lw->description = description;
  gtk_window_set_title (lw->window, title);
  gtk_window_set_default_size (lw->window, 760, 640);
  if (parent)
    {
      gtk_window_set_transient_for (lw->window, parent);
      gtk_window_set_application (lw->window, gtk_window_get_application (parent));
    }
  g_object_set_data (G_OBJECT (lw->window), "vigil-store", store);
  if (header_button)
    adw_header_bar_pack_start (ADW_HEADER_BAR (header), header_button);
  gtk_box_append (GTK_BOX (box), header);
  lw->page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (lw->page, TRUE);
  gtk_box_append (GTK_BOX (box), lw->page);
  adw_window_set_content (ADW_WINDOW (lw->window), box);
  g_object_set_data_full (G_OBJECT (lw->window), "vigil-list-window", lw,
                          (GDestroyNotify) list_window_free);
  g_signal_connect (store, "changed", G_CALLBACK (list_window_changed_cb), lw);
  list_window_fill (lw);
  return lw->window;
}

static void
show_error (GtkWindow    *window,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (window, _("Not Saved"), NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Follow-ups ------------------------------------------------------------- */

static void
open_incident_clicked_cb (GtkButton *button,
                          GtkWindow *window)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "incident-id"));
  VigilStore *store = g_object_get_data (G_OBJECT (window), "vigil-store");
  VigilIncidentWindow *iw = vigil_incident_window_open (window, store, id);

  if (iw != NULL)
    vigil_incident_window_set_section (iw, "contacts");
}

static void
close_followup_clicked_cb (GtkButton *button,
                           GtkWindow *window)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "contact-id"));
  VigilStore *store = g_object_get_data (G_OBJECT (window), "vigil-store");

  if (!vigil_store_close_followup (store, id, &error))
    show_error (window, error);
}

static void
fill_followups (GtkWindow  *window,
                VigilStore *store,
                GtkWidget  *group)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = vigil_store_list_followups (store, FALSE, &error);

  for (guint i = 0; list && i < list->len; i++)
    {
      VigilContact *c = g_ptr_array_index (list, i);
      g_autoptr(GDateTime) due = vigil_time_parse (c->follow_up_at, NULL);
      g_autoptr(GDateTime) local = due ? g_date_time_to_local (due) : NULL;
      g_autofree char *when = local ? g_date_time_format (local, "%Y-%m-%d %H:%M")
                                    : g_strdup (c->follow_up_at);
      g_autofree char *title = g_strdup_printf ("%s%s%s",
                                                c->person_name ? c->person_name : c->team_name,
                                                c->person_phone ? " · " : "",
                                                c->person_phone ? c->person_phone : "");
      g_autofree char *subtitle = g_strdup_printf (c->overdue ? _("Overdue since %s · %s %s — %s")
                                                              : _("By %s · %s %s — %s"),
                                                   when, c->incident_ref, c->incident_title,
                                                   c->summary);
      GtkWidget *row = row_new (title, subtitle);
      GtkWidget *open = button_new (_("_Open Incident"), G_CALLBACK (open_incident_clicked_cb),
                                    window);
      GtkWidget *close = button_new (_("_Close"), G_CALLBACK (close_followup_clicked_cb), window);

      if (c->overdue)
        {
          GtkWidget *label = gtk_label_new (_("Overdue"));
          gtk_widget_add_css_class (label, "error");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);
        }
      g_object_set_data (G_OBJECT (open), "incident-id", GSIZE_TO_POINTER (c->incident_id));
      g_object_set_data (G_OBJECT (close), "contact-id", GSIZE_TO_POINTER (c->id));
      gtk_widget_set_tooltip_text (close, _("Close without logging a contact"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), close);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (list == NULL || list->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               row_new (error ? error->message : _("Nobody to contact again"),
                                        NULL));
}

GtkWindow *
vigil_followups_window_new (GtkWindow  *parent,
                            VigilStore *store)
{
  return list_window_new (parent, store, _("Follow-ups"), _("Contact Again"),
                          _("People and teams to contact again, overdue first. Logging the next "
                            "contact with them closes the follow-up."),
                          fill_followups, NULL);
}

/* Detection requests ----------------------------------------------------- */

static void
detection_status_selected_cb (GtkDropDown *dropdown,
                              GParamSpec  *pspec,
                              GtkWindow   *window)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;
  const VigilVocabEntry *entries = vigil_vocab_entries (VIGIL_VOCAB_DETECTION_STATUS, &n);
  guint selected = gtk_drop_down_get_selected (dropdown);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dropdown), "request-id"));
  VigilStore *store = g_object_get_data (G_OBJECT (window), "vigil-store");

  if (selected < n && !vigil_store_set_detection_status (store, id, entries[selected].key, &error))
    {
      show_error (window, error);
      list_window_changed_cb (store, VIGIL_KIND_DETECTION, id,
                              g_object_get_data (G_OBJECT (window), "vigil-list-window"));
    }
}

static void
fill_detection (GtkWindow  *window,
                VigilStore *store,
                GtkWidget  *group)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = vigil_store_list_detection_requests (store, NULL, 0, &error);
  guint n = 0;
  const VigilVocabEntry *entries = vigil_vocab_entries (VIGIL_VOCAB_DETECTION_STATUS, &n);

  for (guint i = 0; list && i < list->len; i++)
    {
      VigilDetectionRequest *r = g_ptr_array_index (list, i);
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s%s%s%s%s · %s %s",
        r->team_name ? r->team_name : _("no team"), r->incident_ref ? r->incident_ref : _("no incident"),
        *r->where_ ? _(" · where: ") : "", r->where_, *r->why ? _(" · why: ") : "", r->why,
        _("asked by"), r->actor);
      GtkWidget *row = row_new (r->what, subtitle);
      GtkWidget *dropdown;

      for (guint k = 0; k < n; k++)
        gtk_string_list_append (labels, _(entries[k].label));
      dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown),
                                  MAX (vigil_vocab_index (VIGIL_VOCAB_DETECTION_STATUS,
                                                          r->status), 0));
      gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (dropdown), "request-id", GSIZE_TO_POINTER (r->id));
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (detection_status_selected_cb),
                        window);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Request status"), -1);
      if (r->incident_id)
        {
          GtkWidget *open = button_new (_("_Open Incident"), G_CALLBACK (open_incident_clicked_cb),
                                        window);
          g_object_set_data (G_OBJECT (open), "incident-id", GSIZE_TO_POINTER (r->incident_id));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (list == NULL || list->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               row_new (error ? error->message : _("No detection requested yet"),
                                        NULL));
}

static gboolean
detection_submit_cb (VigilRecordForm  *form,
                     gpointer          user_data,
                     GError          **error)
{
  VigilStore *store = user_data;
  const char *team = vigil_record_form_get (form, "team");
  const char *ref = vigil_record_form_get (form, "incident");
  gint64 incident_id = 0;

  if (ref != NULL)
    {
      g_autoptr(VigilIncident) incident = vigil_store_find_incident (store, ref, error);
      if (incident == NULL)
        return FALSE;
      incident_id = vigil_incident_get_id (incident);
    }
  return vigil_store_add_detection_request (store, incident_id, 0,
                                            team ? g_ascii_strtoll (team, NULL, 10) : 0, NULL,
                                            vigil_record_form_get (form, "what"),
                                            vigil_record_form_get (form, "where"),
                                            vigil_record_form_get (form, "why"), error) > 0;
}

static void
new_request_clicked_cb (GtkButton *button,
                        gpointer   data)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  VigilStore *store = g_object_get_data (G_OBJECT (window), "vigil-store");
  VigilRecordForm *form = vigil_record_form_new (window, _("Request Detection"), _("_Request"),
                                                 detection_submit_cb, g_object_ref (store),
                                                 g_object_unref);
  g_autoptr(GPtrArray) teams = vigil_store_list_team_choices (store, NULL);
  g_autoptr(GStrvBuilder) k = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) labels = NULL;

  g_strv_builder_add (k, "");
  g_strv_builder_add (l, _("Choose the team"));
  for (guint i = 0; teams && i < teams->len; i++)
    {
      VigilChoice *c = g_ptr_array_index (teams, i);
      g_autofree char *key = g_strdup_printf ("%" PRId64, c->id);
      g_strv_builder_add (k, key);
      g_strv_builder_add (l, c->label);
    }
  keys = g_strv_builder_end (k);
  labels = g_strv_builder_end (l);
  vigil_record_form_add_choice (form, "team", _("_Team"), (const char * const *) keys,
                                (const char * const *) labels, "");
  vigil_record_form_add_entry (form, "incident", _("_Incident"), NULL,
                               _("INC-2026-0001, or empty"));
  vigil_record_form_add_entry (form, "what", _("_What to detect"), NULL, NULL);
  vigil_record_form_add_entry (form, "where", _("W_here"), NULL, NULL);
  vigil_record_form_add_text (form, "why", _("W_hy"), NULL);
  vigil_record_form_present (form);
}

GtkWindow *
vigil_detection_window_new (GtkWindow  *parent,
                            VigilStore *store)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_New Request…"));

  g_signal_connect (button, "clicked", G_CALLBACK (new_request_clicked_cb), NULL);
  return list_window_new (parent, store, _("Detection Requests"), _("Requests"),
                          _("Detection asked of other teams: what to detect, where and why. "
                            "Open requests first."),
                          fill_detection, button);
}

/* Playbooks -------------------------------------------------------------- */

typedef struct
{
  VigilStore *store;
  gint64      id;
} PlaybookEdit;

static void
playbook_edit_free (PlaybookEdit *e)
{
  g_object_unref (e->store);
  g_free (e);
}

static gboolean
playbook_submit_cb (VigilRecordForm  *form,
                    gpointer          user_data,
                    GError          **error)
{
  PlaybookEdit *e = user_data;

  return vigil_store_save_playbook (e->store, e->id, vigil_record_form_get (form, "name"),
                                    vigil_record_form_get (form, "category"),
                                    vigil_record_form_get (form, "description"),
                                    vigil_record_form_get (form, "steps")
                                      ? vigil_record_form_get (form, "steps") : "[]",
                                    g_strcmp0 (vigil_record_form_get (form, "auto"), "1") == 0,
                                    error) > 0;
}

static void
edit_playbook (GtkWindow     *window,
               VigilStore    *store,
               VigilPlaybook *p)
{
  PlaybookEdit *e = g_new0 (PlaybookEdit, 1);
  VigilRecordForm *form;
  g_autoptr(GStrvBuilder) k = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) labels = NULL;
  guint n = 0;
  const VigilVocabEntry *categories = vigil_vocab_entries (VIGIL_VOCAB_CATEGORY, &n);
  g_autofree char *steps = NULL;

  e->store = g_object_ref (store);
  e->id = p ? p->id : 0;
  form = vigil_record_form_new (window, p ? _("Edit Playbook") : _("New Playbook"), _("_Save"),
                                playbook_submit_cb, e, (GDestroyNotify) playbook_edit_free);
  g_strv_builder_add (k, "");
  g_strv_builder_add (l, _("No category (applied by hand)"));
  for (guint i = 0; i < n; i++)
    {
      g_strv_builder_add (k, categories[i].key);
      g_strv_builder_add (l, _(categories[i].label));
    }
  keys = g_strv_builder_end (k);
  labels = g_strv_builder_end (l);
  if (p != NULL)
    {
      g_autoptr(JsonNode) node = json_from_string (p->steps, NULL);
      steps = node ? json_to_string (node, TRUE) : g_strdup (p->steps);
    }
  vigil_record_form_add_entry (form, "name", _("_Name"), p ? p->name : NULL, NULL);
  vigil_record_form_add_choice (form, "category", _("_Category"), (const char * const *) keys,
                                (const char * const *) labels, p && p->category ? p->category : "");
  vigil_record_form_add_check (form, "auto", _("Apply _automatically when an incident gets this "
                                               "category"), p ? p->auto_apply : TRUE);
  vigil_record_form_add_entry (form, "description", _("_Description"),
                               p ? p->description : NULL, NULL);
  vigil_record_form_add_text (form, "steps", _("_Steps (JSON)"),
                              steps ? steps : "[\n  { \"title\": \"\", \"stage\": \"investigation\", "
                              "\"team\": \"\", \"kind\": \"task\" }\n]");
  gtk_window_set_default_size (vigil_record_form_get_window (form), 760, 640);
  vigil_record_form_present (form);
}

static void
edit_playbook_clicked_cb (GtkButton *button,
                          GtkWindow *window)
{
  VigilStore *store = g_object_get_data (G_OBJECT (window), "vigil-store");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "playbook-id"));
  g_autoptr(GPtrArray) list = vigil_store_list_playbooks (store, NULL);

  for (guint i = 0; list && i < list->len; i++)
    if (((VigilPlaybook *) list->pdata[i])->id == id)
      edit_playbook (window, store, list->pdata[i]);
}

static void
new_playbook_clicked_cb (GtkButton *button,
                         gpointer   data)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  edit_playbook (window, g_object_get_data (G_OBJECT (window), "vigil-store"), NULL);
}

static void
delete_playbook_clicked_cb (GtkButton *button,
                            GtkWindow *window)
{
  g_autoptr(GError) error = NULL;
  VigilStore *store = g_object_get_data (G_OBJECT (window), "vigil-store");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "playbook-id"));

  if (!vigil_store_delete_playbook (store, id, &error))
    show_error (window, error);
}

static void
fill_playbooks (GtkWindow  *window,
                VigilStore *store,
                GtkWidget  *group)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  vigil_store_ensure_playbooks (store, NULL);
  list = vigil_store_list_playbooks (store, &error);
  for (guint i = 0; list && i < list->len; i++)
    {
      VigilPlaybook *p = g_ptr_array_index (list, i);
      g_autofree char *subtitle = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%s · %u step%s — %s", "%s · %u steps%s — %s", p->n_steps),
        p->category ? vigil_vocab_label (VIGIL_VOCAB_CATEGORY, p->category) : _("No category"),
        p->n_steps, p->auto_apply && p->category ? _(" · applied automatically") : "",
        p->description);
      GtkWidget *row = row_new (p->name, subtitle);
      GtkWidget *edit = button_new (_("_Edit…"), G_CALLBACK (edit_playbook_clicked_cb), window);
      GtkWidget *del = button_new (_("_Delete"), G_CALLBACK (delete_playbook_clicked_cb), window);

      g_object_set_data (G_OBJECT (edit), "playbook-id", GSIZE_TO_POINTER (p->id));
      g_object_set_data (G_OBJECT (del), "playbook-id", GSIZE_TO_POINTER (p->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), del);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (list == NULL || list->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               row_new (error ? error->message : _("No playbooks"), NULL));
}

GtkWindow *
vigil_playbooks_window_new (GtkWindow  *parent,
                            VigilStore *store)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_New Playbook…"));

  g_signal_connect (button, "clicked", G_CALLBACK (new_playbook_clicked_cb), NULL);
  return list_window_new (parent, store, _("Playbooks"), _("Playbooks"),
                          _("Templates of tasks and countermeasures. A playbook with a category "
                            "pre-fills the actions of incidents created with or classified into "
                            "that category."),
                          fill_playbooks, button);
}

/* Window actions --------------------------------------------------------- */

static void
open_incident_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  VigilStore *store = window_store (widget);

  if (store != NULL)
    vigil_incident_window_open (GTK_WINDOW (widget), store, g_variant_get_int64 (param));
}

static void
window_destroyed_cb (GtkWindow *window,
                     GtkWidget *owner)
{
  g_object_set_data (G_OBJECT (owner), g_object_get_data (G_OBJECT (window), "vigil-owner-key"),
                     NULL);
}

static void
present_single_tracked (GtkWidget   *widget,
                        const char  *key,
                        GtkWindow *(*create) (GtkWindow *, VigilStore *))
{
  GtkWindow *existing = g_object_get_data (G_OBJECT (widget), key);
  VigilStore *store;

  if (existing != NULL)
    {
      gtk_window_present (existing);
      return;
    }
  store = window_store (widget);
  if (store == NULL)
    return;
  vigil_store_ensure_playbooks (store, NULL);
  existing = create (GTK_WINDOW (widget), store);
  g_object_set_data (G_OBJECT (widget), key, existing);
  g_object_set_data (G_OBJECT (existing), "vigil-owner-key", (gpointer) key);
  g_signal_connect_object (existing, "destroy", G_CALLBACK (window_destroyed_cb), widget, 0);
  gtk_window_present (existing);
}

static void
followups_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  present_single_tracked (widget, "vigil-followups-window", vigil_followups_window_new);
}

static void
detection_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  present_single_tracked (widget, "vigil-detection-window", vigil_detection_window_new);
}

static void
playbooks_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  present_single_tracked (widget, "vigil-playbooks-window", vigil_playbooks_window_new);
}

void
vigil_record_install_window_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-incident", "x",
                                   open_incident_action_cb);
  gtk_widget_class_install_action (widget_class, "win.followups", NULL, followups_action_cb);
  gtk_widget_class_install_action (widget_class, "win.detection-requests", NULL,
                                   detection_action_cb);
  gtk_widget_class_install_action (widget_class, "win.playbooks", NULL, playbooks_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_u, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.followups", NULL);
}
