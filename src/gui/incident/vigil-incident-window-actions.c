/* vigil-incident-window-actions.c — the forms and actions of the incident window
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "vigil-incident-window-private.h"

/* Forms -------------------------------------------------------------------- */

typedef struct
{
  VigilIncidentWindow *self;
  char                *kind;
  gint64               id;  /* the contact to follow up, or the person */
} FormData;

static void
form_data_free (FormData *d)
{
  g_free (d->kind);
  g_free (d);
}

static void
form_destroyed_cb (VigilIncidentWindow *self)
{
  self->form = NULL;
}

/* NULL-terminated arrays of keys and labels from a vocabulary; `none` adds
 * a first "" entry with that label. */
static void
vocab_choices (VigilVocab   vocab,
               const char  *none,
               GStrv       *keys,
               GStrv       *labels)
{
  g_autoptr(GStrvBuilder) k = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
  guint n = 0;
  const VigilVocabEntry *entries = vigil_vocab_entries (vocab, &n);

  if (none)
    {
      g_strv_builder_add (k, "");
      g_strv_builder_add (l, none);
    }
  for (guint i = 0; i < n; i++)
    {
      g_strv_builder_add (k, entries[i].key);
      g_strv_builder_add (l, _(entries[i].label));
    }
  *keys = g_strv_builder_end (k);
  *labels = g_strv_builder_end (l);
}

/* Choices from VigilChoice arrays: keys are "<prefix><id>". */
static void
append_choices (GStrvBuilder *keys,
                GStrvBuilder *labels,
                GPtrArray    *choices,
                const char   *prefix,
                const char   *format)
{
  for (guint i = 0; choices && i < choices->len; i++)
    {
      VigilChoice *c = g_ptr_array_index (choices, i);
      g_autofree char *key = g_strdup_printf ("%s%" PRId64, prefix, c->id);
      g_autofree char *label = NULL;

      /* format is one of this file's literals, with two %s */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      label = c->detail && *c->detail ? g_strdup_printf (format, c->label, c->detail)
                                      : g_strdup (c->label);
#pragma GCC diagnostic pop
      g_strv_builder_add (keys, key);
      g_strv_builder_add (labels, label);
    }
}

static void
add_team_choice (VigilIncidentWindow *self,
                 VigilRecordForm     *form,
                 const char          *name,
                 const char          *label,
                 const char          *none)
{
  g_autoptr(GStrvBuilder) k = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
  g_autoptr(GPtrArray) teams = vigil_store_list_team_choices (self->store, NULL);
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) labels = NULL;

  if (none)
    {
      g_strv_builder_add (k, "");
      g_strv_builder_add (l, none);
    }
  append_choices (k, l, teams, "", "%s (%s)");
  keys = g_strv_builder_end (k);
  labels = g_strv_builder_end (l);
  vigil_record_form_add_choice (form, name, label, (const char * const *) keys,
                                (const char * const *) labels, "");
}

static gint64
form_id (VigilRecordForm *form,
         const char      *name)
{
  const char *v = vigil_record_form_get (form, name);
  return v ? g_ascii_strtoll (v, NULL, 10) : 0;
}

static gboolean
submit_cb (VigilRecordForm  *form,
           gpointer          user_data,
           GError          **error)
{
  FormData *d = user_data;
  VigilIncidentWindow *self = d->self;
  VigilStore *store = self->store;
  gint64 id = self->incident_id;

#define GET(name) vigil_record_form_get (form, name)
  if (g_str_equal (d->kind, "task") || g_str_equal (d->kind, "countermeasure"))
    {
      gboolean cm = g_str_equal (d->kind, "countermeasure");
      VigilActionSpec spec = { 0 };

      spec.kind = d->kind;
      spec.title = GET ("title");
      spec.description = GET ("description");
      spec.stage = GET ("stage");
      spec.owner_team_id = form_id (form, "team");
      if (!cm)
        {
          spec.owner_email = GET ("owner");
          spec.due_at = GET ("due");
        }
      else
        {
          spec.cm_type = GET ("type");
          spec.applied_to = GET ("where");
          spec.applied_by = GET ("by");
        }
      return vigil_store_add_action (store, id, &spec, error) > 0;
    }
  if (g_str_equal (d->kind, "contact"))
    {
      VigilContactSpec spec = { 0 };
      const char *with = GET ("with");

      if (with == NULL)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("Choose who was contacted"));
          return FALSE;
        }
      if (with[0] == 'p')
        spec.person_id = g_ascii_strtoll (with + 1, NULL, 10);
      else
        spec.team_id = g_ascii_strtoll (with + 1, NULL, 10);
      spec.channel = GET ("channel");
      spec.direction = GET ("direction");
      spec.at = GET ("at");
      spec.summary = GET ("summary");
      spec.follow_up_at = GET ("follow-up");
      return vigil_store_add_contact (store, id, &spec, error) > 0;
    }
  if (g_str_equal (d->kind, "observable"))
    return vigil_store_add_observable (store, id, GET ("type") ? GET ("type") : "other",
                                       GET ("value") ? GET ("value") : "",
                                       g_strcmp0 (GET ("ioc"), "1") == 0, GET ("tlp"),
                                       GET ("note"), error) > 0;
  if (g_str_equal (d->kind, "asset"))
    {
      gint64 asset_id = form_id (form, "asset");
      if (asset_id <= 0)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("Choose an asset"));
          return FALSE;
        }
      return vigil_store_add_affected_asset (store, id, asset_id, GET ("status"), GET ("note"),
                                             error);
    }
  if (g_str_equal (d->kind, "note"))
    return vigil_store_add_note (store, id, GET ("text") ? GET ("text") : "", GET ("at"),
                                 error) > 0;
  if (g_str_equal (d->kind, "detection"))
    return vigil_store_add_detection_request (store, id, 0, form_id (form, "team"), NULL,
                                              GET ("what"), GET ("where"), GET ("why"),
                                              error) > 0;
  if (g_str_equal (d->kind, "playbook"))
    {
      guint n = 0;
      gint64 playbook = form_id (form, "playbook");
      if (playbook <= 0)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("Choose a playbook"));
          return FALSE;
        }
      return vigil_store_apply_playbook (store, id, playbook, &n, error);
    }
#undef GET
  g_return_val_if_reached (FALSE);
}

static VigilRecordForm *
form_new (VigilIncidentWindow *self,
          const char          *kind,
          const char          *title,
          const char          *accept,
          gint64               id)
{
  FormData *d = g_new0 (FormData, 1);
  VigilRecordForm *form;

  d->self = self;
  d->kind = g_strdup (kind);
  d->id = id;
  form = vigil_record_form_new (GTK_WINDOW (self), title, accept, submit_cb, d,
                                (GDestroyNotify) form_data_free);
  self->form = form;
  g_signal_connect_object (vigil_record_form_get_window (form), "destroy",
                           G_CALLBACK (form_destroyed_cb), self, G_CONNECT_SWAPPED);
  return form;
}

static void
add_task_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  gboolean cm = g_str_equal (action_name, "incident.add-countermeasure");
  VigilRecordForm *form = form_new (self, cm ? "countermeasure" : "task",
                                    cm ? _("New Countermeasure") : _("New Task"), _("_Add"), 0);
  g_auto(GStrv) stage_keys = NULL;
  g_auto(GStrv) stage_labels = NULL;

  vigil_record_form_add_entry (form, "title", cm ? _("_What") : _("_Title"), NULL,
                               cm ? _("Block the sender domain at the mail gateway")
                                  : _("Collect the proxy logs of the last 24 hours"));
  if (cm)
    {
      const char *keys[] = { "block", "isolation", "password-reset", "monitoring", "other", NULL };
      const char *labels[] = { _("Block"), _("Isolation"), _("Password reset"), _("Monitoring"),
                               _("Other"), NULL };
      vigil_record_form_add_choice (form, "type", _("T_ype"), keys, labels, "block");
      vigil_record_form_add_entry (form, "where", _("Applied _on"), NULL,
                                   _("Perimeter firewall, mail gateway, host…"));
      vigil_record_form_add_entry (form, "by", _("Applied _by"), NULL, NULL);
    }
  vocab_choices (VIGIL_VOCAB_STAGE, _("Any step"), &stage_keys, &stage_labels);
  vigil_record_form_add_choice (form, "stage", _("_Step"), (const char * const *) stage_keys,
                                (const char * const *) stage_labels,
                                vigil_incident_get_stage (self->incident));
  add_team_choice (self, form, "team", _("Owner _team"), _("No team"));
  if (!cm)
    {
      vigil_record_form_add_entry (form, "owner", _("_Owner"), NULL, _("E-mail address"));
      vigil_record_form_add_entry (form, "due", _("_Due"), NULL, _("2026-12-01 17:00"));
    }
  vigil_record_form_add_text (form, "description", _("De_tails"), NULL);
  vigil_record_form_present (form);
}

static void
open_contact_form (VigilIncidentWindow *self,
                   const char          *with_key)
{
  VigilRecordForm *form = form_new (self, "contact", _("Log Contact"), _("_Log"), 0);
  g_autoptr(GStrvBuilder) k = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
  g_autoptr(GPtrArray) people = vigil_store_list_person_choices (self->store, NULL, 5000, NULL);
  g_autoptr(GPtrArray) teams = vigil_store_list_team_choices (self->store, NULL);
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) labels = NULL;
  g_auto(GStrv) channel_keys = NULL;
  g_auto(GStrv) channel_labels = NULL;
  g_autofree char *now = vigil_time_now_iso ();
  const char *dir_keys[] = { "outbound", "inbound", NULL };
  const char *dir_labels[] = { _("We contacted them"), _("They contacted us"), NULL };

  g_strv_builder_add (k, "");
  g_strv_builder_add (l, _("Choose a person or a team"));
  append_choices (k, l, people, "p", "%s — %s");
  append_choices (k, l, teams, "t", _("Team: %s (%s)"));
  keys = g_strv_builder_end (k);
  labels = g_strv_builder_end (l);
  vigil_record_form_add_choice (form, "with", _("_With"), (const char * const *) keys,
                                (const char * const *) labels, with_key ? with_key : "");
  vocab_choices (VIGIL_VOCAB_CHANNEL, NULL, &channel_keys, &channel_labels);
  vigil_record_form_add_choice (form, "channel", _("_Channel"),
                                (const char * const *) channel_keys,
                                (const char * const *) channel_labels, "phone");
  vigil_record_form_add_choice (form, "direction", _("_Direction"), dir_keys, dir_labels,
                                "outbound");
  vigil_record_form_add_entry (form, "at", _("_When"), now, NULL);
  vigil_record_form_add_text (form, "summary", _("_Summary"), NULL);
  vigil_record_form_add_entry (form, "follow-up", _("Contact _again by"), NULL,
                               _("Leave empty when no follow-up is needed"));
  vigil_record_form_present (form);
}

static void
add_contact_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  open_contact_form (VIGIL_INCIDENT_WINDOW (widget), NULL);
}

static void
contact_person_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  g_autofree char *key = g_strdup_printf ("p%" PRId64, g_variant_get_int64 (param));
  open_contact_form (VIGIL_INCIDENT_WINDOW (widget), key);
}

static void
next_contact_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  g_autoptr(GPtrArray) contacts = vigil_store_list_contacts (self->store, self->incident_id, NULL);
  gint64 id = g_variant_get_int64 (param);

  for (guint i = 0; contacts && i < contacts->len; i++)
    {
      VigilContact *c = g_ptr_array_index (contacts, i);
      if (c->id == id)
        {
          g_autofree char *key = c->person_id
            ? g_strdup_printf ("p%" PRId64, c->person_id)
            : g_strdup_printf ("t%" PRId64, c->team_id);
          open_contact_form (self, key);
          vigil_record_form_set (self->form, "channel", c->channel);
          return;
        }
    }
}

static void
add_observable_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  VigilRecordForm *form = form_new (self, "observable", _("New Observable"), _("_Add"), 0);
  g_auto(GStrv) type_keys = NULL;
  g_auto(GStrv) type_labels = NULL;
  g_auto(GStrv) tlp_keys = NULL;
  g_auto(GStrv) tlp_labels = NULL;

  vocab_choices (VIGIL_VOCAB_OBSERVABLE_TYPE, NULL, &type_keys, &type_labels);
  vigil_record_form_add_choice (form, "type", _("T_ype"), (const char * const *) type_keys,
                                (const char * const *) type_labels, "ip");
  vigil_record_form_add_entry (form, "value", _("_Value"), NULL,
                               _("Defanged values (hxxp, [.]) are accepted"));
  vigil_record_form_add_check (form, "ioc", _("Indicator of _compromise"), FALSE);
  vocab_choices (VIGIL_VOCAB_TLP, NULL, &tlp_keys, &tlp_labels);
  vigil_record_form_add_choice (form, "tlp", _("_TLP"), (const char * const *) tlp_keys,
                                (const char * const *) tlp_labels,
                                vigil_incident_get_tlp (self->incident));
  vigil_record_form_add_entry (form, "note", _("_Note"), NULL, NULL);
  vigil_record_form_present (form);
}

static void
add_asset_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  VigilRecordForm *form = form_new (self, "asset", _("Add Affected Asset"), _("_Add"), 0);
  g_autoptr(GStrvBuilder) k = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
  g_autoptr(GPtrArray) assets = vigil_store_list_asset_choices (self->store, NULL, 5000, NULL);
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) labels = NULL;
  const char *status_labels[] = { _("To be determined"), _("Compromised"), _("Not compromised"),
                                  _("Unknown"), NULL };

  g_strv_builder_add (k, "");
  g_strv_builder_add (l, _("Choose an asset"));
  append_choices (k, l, assets, "", "%s — %s");
  keys = g_strv_builder_end (k);
  labels = g_strv_builder_end (l);
  vigil_record_form_add_choice (form, "asset", _("_Asset"), (const char * const *) keys,
                                (const char * const *) labels, "");
  vigil_record_form_add_choice (form, "status", _("_Compromise"), vigil_incident_compromise_keys, status_labels,
                                "tbd");
  vigil_record_form_add_entry (form, "note", _("_Note"), NULL, NULL);
  vigil_record_form_present (form);
}

static void
add_note_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  VigilRecordForm *form = form_new (self, "note", _("New Note"), _("_Add"), 0);

  vigil_record_form_add_text (form, "text", _("_Note"), NULL);
  vigil_record_form_add_entry (form, "at", _("_Event time"), NULL,
                               _("When it happened; empty for now"));
  vigil_record_form_present (form);
}

static void
request_detection_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  VigilRecordForm *form = form_new (self, "detection", _("Request Detection"), _("_Request"), 0);

  add_team_choice (self, form, "team", _("_Team"), _("Choose the team"));
  vigil_record_form_add_entry (form, "what", _("_What to detect"), NULL,
                               _("Logins to the VPN from anonymising networks"));
  vigil_record_form_add_entry (form, "where", _("W_here"), NULL,
                               _("Systems or log sources"));
  vigil_record_form_add_text (form, "why", _("W_hy"), NULL);
  vigil_record_form_present (form);
}

static void
apply_playbook_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  VigilRecordForm *form = form_new (self, "playbook", _("Apply Playbook"), _("_Apply"), 0);
  g_autoptr(GPtrArray) playbooks = NULL;
  g_autoptr(GStrvBuilder) k = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) labels = NULL;

  vigil_store_ensure_playbooks (self->store, NULL);
  playbooks = vigil_store_list_playbooks (self->store, NULL);
  g_strv_builder_add (k, "");
  g_strv_builder_add (l, _("Choose a playbook"));
  for (guint i = 0; playbooks && i < playbooks->len; i++)
    {
      VigilPlaybook *p = g_ptr_array_index (playbooks, i);
      g_autofree char *key = g_strdup_printf ("%" PRId64, p->id);
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u step)",
                                                             "%s (%u steps)", p->n_steps),
                                                p->name, p->n_steps);
      g_strv_builder_add (k, key);
      g_strv_builder_add (l, label);
    }
  keys = g_strv_builder_end (k);
  labels = g_strv_builder_end (l);
  vigil_record_form_add_choice (form, "playbook", _("_Playbook"), (const char * const *) keys,
                                (const char * const *) labels, "");
  vigil_record_form_present (form);
}

/* Other actions ------------------------------------------------------------ */

static void
set_action_status_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *status;
  gint64 id;

  g_variant_get (param, "(x&s)", &id, &status);
  if (!vigil_store_set_action_status (self->store, id, status, &error))
    {
      vigil_incident_show_error (self, error);
      vigil_incident_window_queue_refresh (self);  /* put the dropdown back */
    }
}

static void
set_asset_status_action_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *status;
  gint64 id;

  g_variant_get (param, "(x&s)", &id, &status);
  if (!vigil_store_set_affected_asset_status (self->store, self->incident_id, id, status, &error))
    {
      vigil_incident_show_error (self, error);
      vigil_incident_window_queue_refresh (self);
    }
}

static void
add_suggestion_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *type, *value;

  g_variant_get (param, "(&s&s)", &type, &value);
  if (vigil_store_add_observable (self->store, self->incident_id, type, value, FALSE, NULL, NULL,
                                  &error) < 0)
    vigil_incident_show_error (self, error);
}

static void
remove_observable_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!vigil_store_remove_observable (self->store, g_variant_get_int64 (param), &error))
    vigil_incident_show_error (self, error);
  else
    vigil_incident_show_toast (self, _("Observable removed"));
}

static void
close_followup_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!vigil_store_close_followup (self->store, g_variant_get_int64 (param), &error))
    vigil_incident_show_error (self, error);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);

  /* the board's editor changes the incident through the incident API */
  gtk_window_present (GTK_WINDOW (vigil_incident_editor_new (GTK_WINDOW (self), self->store,
                                                             self->incident_id)));
}

static void
section_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  vigil_incident_window_set_section (VIGIL_INCIDENT_WINDOW (widget),
                                     g_variant_get_string (param, NULL));
}

static void
export_response_cb (GtkNativeDialog     *dialog,
                    int                  response,
                    VigilIncidentWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      const char *format = g_object_get_data (G_OBJECT (dialog), "format");
      const char *only[2] = { self->timeline_kind, NULL };
      g_autoptr(GPtrArray) entries = vigil_store_list_timeline (self->store, self->incident_id,
                                                                self->timeline_kind ? only : NULL,
                                                                &error);
      g_autofree char *text = NULL;

      if (entries != NULL)
        {
          text = g_str_equal (format, "csv") ? vigil_timeline_to_csv (entries)
                                             : vigil_timeline_to_json (entries);
          if (g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
            {
              g_autofree char *name = g_file_get_basename (file);
              g_autofree char *message = g_strdup_printf (_("Timeline exported to %s"), name);
              vigil_incident_show_toast (self, message);
            }
        }
      if (error)
        vigil_incident_show_error (self, error);
    }
  g_object_unref (dialog);
}

static void
export_timeline_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  const char *format = g_variant_get_string (param, NULL);
  g_autofree char *name = g_strdup_printf ("%s-timeline.%s",
                                           vigil_incident_get_ref (self->incident),
                                           g_str_equal (format, "csv") ? "csv" : "json");
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export Timeline"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data_full (G_OBJECT (dialog), "format",
                          g_strdup (g_str_equal (format, "csv") ? "csv" : "json"), g_free);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Installation ----------------------------------------------------------- */

void
vigil_incident_window_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "incident.add-task", NULL, add_task_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.add-countermeasure", NULL,
                                   add_task_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.add-contact", NULL,
                                   add_contact_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.contact-person", "x",
                                   contact_person_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.next-contact", "x",
                                   next_contact_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.add-observable", NULL,
                                   add_observable_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.add-asset", NULL, add_asset_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.add-note", NULL, add_note_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.request-detection", NULL,
                                   request_detection_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.apply-playbook", NULL,
                                   apply_playbook_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.set-action-status", "(xs)",
                                   set_action_status_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.set-asset-status", "(xs)",
                                   set_asset_status_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.add-suggestion", "(ss)",
                                   add_suggestion_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.remove-observable", "x",
                                   remove_observable_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.close-followup", "x",
                                   close_followup_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.section", "s", section_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.export-timeline", "s",
                                   export_timeline_action_cb);
}
