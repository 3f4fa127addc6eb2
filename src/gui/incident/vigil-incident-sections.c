/* vigil-incident-sections.c — the Actions, Contacts, Observables, Assets and Timeline sections
 * of the incident window.  Rows never use markup: analysts' text shows
 * literally, whatever it contains
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "vigil-incident-window-private.h"

/* Actions ------------------------------------------------------------------ */

/* A status button whose menu is made when it is first clicked: a drop-down
 * per row costs more than the rest of the row together. */
static void
status_button_clicked_cb (GtkButton *button,
                          gpointer   data)
{
  GtkWidget *popover = g_object_get_data (G_OBJECT (button), "popover");

  if (popover == NULL)
    {
      g_autoptr(GMenu) menu = g_menu_new ();
      gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "action-id"));
      guint n = 0;
      const VigilVocabEntry *entries = vigil_vocab_entries (VIGIL_VOCAB_TASK_STATUS, &n);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (_(entries[i].label), NULL);
          g_menu_item_set_action_and_target_value (item, "incident.set-action-status",
                                                   g_variant_new ("(xs)", id, entries[i].key));
          g_menu_append_item (menu, item);
        }
      popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_widget_set_parent (popover, GTK_WIDGET (button));
      g_object_set_data_full (G_OBJECT (button), "popover", popover,
                              (GDestroyNotify) gtk_widget_unparent);
    }
  gtk_popover_popup (GTK_POPOVER (popover));
}

static GtkWidget *
status_button_new (gint64      action_id,
                   const char *status)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), gtk_label_new (vigil_vocab_label (VIGIL_VOCAB_TASK_STATUS,
                                                                   status)));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("pan-down-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Change the status"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Task status"), -1);
  g_object_set_data (G_OBJECT (button), "action-id", GSIZE_TO_POINTER (action_id));
  g_signal_connect (button, "clicked", G_CALLBACK (status_button_clicked_cb), NULL);
  return button;
}

static char *
task_subtitle (VigilAction *a)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *due = NULL;

  if (a->stage)
    g_string_append (s, vigil_vocab_label (VIGIL_VOCAB_STAGE, a->stage));
#define SEP() if (s->len) g_string_append (s, " · ")
  if (a->owner_team_name)
    {
      SEP ();
      g_string_append (s, a->owner_team_name);
    }
  if (a->owner_name)
    {
      SEP ();
      g_string_append (s, a->owner_name);
    }
  if (a->due_at)
    {
      due = vigil_incident_format_time (a->due_at);
      SEP ();
      if (vigil_incident_is_past (a->due_at) && (g_str_equal (a->status, "todo") ||
                                  g_str_equal (a->status, "in-progress")))
        g_string_append_printf (s, _("overdue since %s"), due);
      else
        g_string_append_printf (s, _("due %s"), due);
    }
  if (a->playbook)
    {
      SEP ();
      g_string_append_printf (s, _("from playbook %s"), a->playbook);
    }
  if (a->description && *a->description)
    {
      SEP ();
      g_string_append (s, a->description);
    }
#undef SEP
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static GtkWidget *
task_row_new (VigilIncidentWindow *self,
              gpointer             item)
{
  VigilAction *a = item;
  g_autofree char *subtitle = task_subtitle (a);
  GtkWidget *row = vigil_incident_light_row_new (a->title, subtitle);

  vigil_incident_light_row_add_suffix (row, status_button_new (a->id, a->status));
  if (g_str_equal (a->status, "done") || g_str_equal (a->status, "cancelled"))
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static GtkWidget *
countermeasure_row_new (VigilIncidentWindow *self,
                        gpointer             item)
{
  VigilAction *a = item;
  g_autofree char *subtitle = task_subtitle (a);
  g_autoptr(GString) s = g_string_new (NULL);
  GtkWidget *row, *status;

  g_string_append (s, a->cm_type ? a->cm_type : "other");
  if (a->applied_to && *a->applied_to)
    g_string_append_printf (s, _(" · on %s"), a->applied_to);
  if (a->applied_by && *a->applied_by)
    g_string_append_printf (s, _(" · by %s"), a->applied_by);
  if (*subtitle)
    g_string_append_printf (s, " · %s", subtitle);
  row = vigil_incident_light_row_new (a->title, s->str);
  status = gtk_label_new (vigil_vocab_label (VIGIL_VOCAB_COUNTERMEASURE_STATUS, a->status));
  gtk_widget_add_css_class (status, g_str_equal (a->status, "active") ? "warning" : "dim-label");
  vigil_incident_light_row_add_suffix (row, status);
  if (g_str_equal (a->status, "pending"))
    vigil_incident_light_row_add_suffix (row,
      vigil_incident_action_button (_("Mark _Active"), NULL, "incident.set-action-status",
                                    g_variant_new ("(xs)", a->id, "active")));
  else if (g_str_equal (a->status, "active"))
    vigil_incident_light_row_add_suffix (row,
      vigil_incident_action_button (_("Mark _Removed"), NULL, "incident.set-action-status",
                                    g_variant_new ("(xs)", a->id, "removed")));
  return row;
}

void
vigil_incident_build_actions (VigilIncidentWindow *self,
                              GtkBox              *box)
{
  g_autoptr(GError) error = NULL;
  /* owners, teams and playbooks come with the list, in one query */
  g_autoptr(GPtrArray) actions = vigil_store_list_actions (self->store, self->incident_id, NULL,
                                                           &error);
  g_autoptr(GPtrArray) task_list = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_action_free);
  g_autoptr(GPtrArray) cm_list = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_action_free);
  g_autoptr(GPtrArray) requests = NULL;
  GtkWidget *tasks, *cms, *detections;

  tasks = vigil_incident_group_new (box, _("Tasks"), _("What is to be done, by whom and by when"),
                     vigil_incident_action_button (_("Add _Task…"), NULL, "incident.add-task", NULL));
  cms = vigil_incident_group_new (box, _("Countermeasures"),
                   _("Blocks, isolations, password resets and monitoring put in place; each "
                     "goes from pending to active to removed"),
                   vigil_incident_action_button (_("Add _Countermeasure…"), NULL, "incident.add-countermeasure",
                                  NULL));
  /* the two lists own the actions: their later rows are made after this returns */
  if (actions != NULL)
    {
      g_ptr_array_set_free_func (actions, NULL);
      for (guint i = 0; i < actions->len; i++)
        {
          VigilAction *a = g_ptr_array_index (actions, i);
          g_ptr_array_add (g_str_equal (a->kind, "task") ? task_list : cm_list, a);
        }
    }
  /* the tasks come first on screen, the countermeasures below them */
  vigil_incident_add_rows (self, tasks, task_list, FIRST_ROWS, task_list->len, task_row_new);
  vigil_incident_add_rows (self, cms, cm_list, task_list->len < FIRST_ROWS ? FIRST_ROWS - task_list->len : 0,
                           cm_list->len, countermeasure_row_new);
  if (error)
    vigil_incident_group_add (tasks, vigil_incident_empty_row (error->message));
  if (task_list->len == 0)
    vigil_incident_group_add (tasks, vigil_incident_empty_row (_("No tasks yet. Add one, or classify the incident to apply "
                                   "its playbook.")));
  if (cm_list->len == 0)
    vigil_incident_group_add (cms, vigil_incident_empty_row (_("No countermeasures yet")));

  detections = vigil_incident_group_new (box, _("Detection Requests"),
                          _("Detection asked of other teams because of this incident"),
                          vigil_incident_action_button (_("_Request Detection…"), NULL,
                                         "incident.request-detection", NULL));
  requests = vigil_store_list_detection_requests (self->store, NULL, self->incident_id, NULL);
  for (guint i = 0; requests && i < requests->len; i++)
    {
      VigilDetectionRequest *r = g_ptr_array_index (requests, i);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s%s%s%s%s",
        vigil_vocab_label (VIGIL_VOCAB_DETECTION_STATUS, r->status),
        r->team_name ? r->team_name : _("no team"),
        *r->where_ ? _(" · where: ") : "", r->where_, *r->why ? _(" · why: ") : "", r->why);
      vigil_incident_group_add (detections, vigil_incident_light_row_new (r->what, subtitle));
    }
  if (requests == NULL || requests->len == 0)
    vigil_incident_group_add (detections, vigil_incident_empty_row (_("No detection requested")));
}

/* Contacts ----------------------------------------------------------------- */

static char *
contact_who (VigilContact *c)
{
  if (c->person_name && c->team_name)
    return g_strdup_printf ("%s (%s)", c->person_name, c->team_name);
  return g_strdup (c->person_name ? c->person_name : c->team_name ? c->team_name : _("Unknown"));
}

void
vigil_incident_build_contacts (VigilIncidentWindow *self,
                GtkBox              *box)
{
  g_autoptr(GPtrArray) contacts = vigil_store_list_contacts (self->store, self->incident_id, NULL);
  GtkWidget *group;

  group = vigil_incident_group_new (box, _("Contact Log"),
                     _("Who was contacted, how, and who must be contacted again"),
                     vigil_incident_action_button (_("_Log Contact…"), NULL, "incident.add-contact", NULL));
  for (guint i = 0; contacts && i < contacts->len; i++)
    {
      VigilContact *c = g_ptr_array_index (contacts, i);
      g_autofree char *who = contact_who (c);
      g_autofree char *when = vigil_incident_format_time (c->at);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      subtitle = g_strdup_printf ("%s · %s · %s%s%s", when,
                                  vigil_vocab_label (VIGIL_VOCAB_CHANNEL, c->channel),
                                  g_str_equal (c->direction, "inbound") ? _("inbound")
                                                                        : _("outbound"),
                                  *c->summary ? " — " : "", c->summary);
      row = vigil_incident_row_new (who, subtitle);
      if (c->follow_up_at && !c->follow_up_done)
        {
          g_autofree char *due = vigil_incident_format_time (c->follow_up_at);
          g_autofree char *text = g_strdup_printf (c->overdue ? _("Contact again by %s — overdue")
                                                              : _("Contact again by %s"), due);
          GtkWidget *label = gtk_label_new (text);

          gtk_widget_add_css_class (label, c->overdue ? "vigil-overdue" : "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
            vigil_incident_action_button (_("Log Next Contact"), "mail-reply-sender-symbolic",
                           "incident.next-contact", g_variant_new_int64 (c->id)));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
            vigil_incident_action_button (_("Close Follow-up"), "object-select-symbolic",
                           "incident.close-followup", g_variant_new_int64 (c->id)));
        }
      else if (c->follow_up_at)
        {
          GtkWidget *label = gtk_label_new (_("Followed up"));
          gtk_widget_add_css_class (label, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      vigil_incident_group_add (group, row);
    }
  if (contacts == NULL || contacts->len == 0)
    vigil_incident_group_add (group, vigil_incident_empty_row (_("Nobody contacted yet")));

  group = vigil_incident_group_new (box, _("Follow-ups"),
                     _("Who must be contacted again, across every incident"), NULL);
  {
    GtkWidget *row = vigil_incident_row_new (_("Open the follow-ups of all incidents"), NULL);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               vigil_incident_action_button (_("_Follow-ups"), NULL, "win.followups", NULL));
    vigil_incident_group_add (group, row);
  }
}

/* Observables -------------------------------------------------------------- */

/* The incidents and alerts sharing an observable's value are looked up and
 * listed when its row is first expanded: a lookup and a few rows per
 * shared observable cost more than the rest of the section. */
static void
shared_expanded_cb (AdwExpanderRow      *row,
                    GParamSpec          *pspec,
                    VigilIncidentWindow *self)
{
  g_autoptr(GPtrArray) shared = NULL;

  if (!adw_expander_row_get_expanded (row) || g_object_get_data (G_OBJECT (row), "filled"))
    return;
  g_object_set_data (G_OBJECT (row), "filled", GINT_TO_POINTER (TRUE));
  shared = vigil_store_find_shared (self->store, g_object_get_data (G_OBJECT (row), "type"),
                                    g_object_get_data (G_OBJECT (row), "value"),
                                    self->incident_id, NULL);
  for (guint j = 0; shared && j < shared->len; j++)
    {
      VigilSharedRef *r = g_ptr_array_index (shared, j);
      g_autofree char *title = g_strdup_printf ("%s %s", r->incident_id ? _("Incident")
                                                                        : _("Alert"),
                                                r->ref ? r->ref : "");
      GtkWidget *child = vigil_incident_row_new (title, r->title);
      if (r->incident_id)
        adw_action_row_add_suffix (ADW_ACTION_ROW (child),
          vigil_incident_action_button (_("_Open"), NULL, "win.open-incident",
                         g_variant_new_int64 (r->incident_id)));
      adw_expander_row_add_row (row, child);
    }
}

static GtkWidget *
observable_row_new (VigilIncidentWindow *self,
                    gpointer             item)
{
  VigilObservable *o = item;
  g_autoptr(GString) s = g_string_new (vigil_vocab_label (VIGIL_VOCAB_OBSERVABLE_TYPE, o->type));
  g_autofree char *value = vigil_incident_clip (o->value);
  GtkWidget *row, *remove;

  g_string_append_printf (s, " · %s", vigil_vocab_label (VIGIL_VOCAB_TLP, o->tlp));
  if (o->ioc)
    g_string_append (s, _(" · IOC"));
  if (o->n_shared > 0)
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, " · shared with %d other",
                                            " · shared with %d others", o->n_shared),
                            o->n_shared);
  if (*o->note)
    g_string_append_printf (s, " · %s", o->note);
  remove = vigil_incident_action_button (_("Remove Observable"), "user-trash-symbolic",
                                         "incident.remove-observable", g_variant_new_int64 (o->id));
  gtk_widget_add_css_class (remove, "flat");

  if (o->n_shared > 0)
    {
      row = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), s->str);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
      g_object_set_data_full (G_OBJECT (row), "type", g_strdup (o->type), g_free);
      g_object_set_data_full (G_OBJECT (row), "value", g_strdup (o->value), g_free);
      g_signal_connect_object (row, "notify::expanded", G_CALLBACK (shared_expanded_cb), self, 0);
    }
  else
    {
      row = vigil_incident_light_row_new (value, s->str);
      vigil_incident_light_row_add_suffix (row, remove);
    }
  return row;
}

static GtkWidget *
suggestion_row_new (VigilIncidentWindow *self,
                    gpointer             item)
{
  VigilObservableSuggestion *sg = item;
  GtkWidget *row = vigil_incident_light_row_new (sg->value,
                                                 vigil_vocab_label (VIGIL_VOCAB_OBSERVABLE_TYPE,
                                                                    sg->type));

  vigil_incident_light_row_add_suffix (row,
    vigil_incident_action_button (_("_Add"), NULL, "incident.add-suggestion",
                                  g_variant_new ("(ss)", sg->type, sg->value)));
  return row;
}

void
vigil_incident_build_observables (VigilIncidentWindow *self,
                                  GtkBox              *box)
{
  /* the shared-value counts come with the list, in one query */
  g_autoptr(GPtrArray) observables = vigil_store_list_observables (self->store,
                                                                   self->incident_id, NULL);
  g_autoptr(GPtrArray) suggestions = vigil_store_suggest_observables (self->store,
                                                                      self->incident_id, NULL);
  GtkWidget *group;

  group = vigil_incident_group_new (box, _("Observables"),
                     _("Typed values seen in this incident; the other incidents and alerts "
                       "that share a value are listed under it"),
                     vigil_incident_action_button (_("Add _Observable…"), NULL, "incident.add-observable", NULL));
  if (observables == NULL || observables->len == 0)
    vigil_incident_group_add (group, vigil_incident_empty_row (_("No observables yet")));
  else
    vigil_incident_add_rows (self, group, observables, FIRST_ROWS, observables->len,
                             observable_row_new);

  if (suggestions && suggestions->len > 0)
    {
      group = vigil_incident_group_new (box, _("Suggested"),
                         _("Found in the description, notes and contact summaries"), NULL);
      /* below the observables: none is in the first frame */
      vigil_incident_add_rows (self, group, suggestions, 0, MIN (suggestions->len, 100),
                               suggestion_row_new);
    }
}

/* Affected assets ------------------------------------------------------------ */

const char * const vigil_incident_compromise_keys[5] = { "tbd", "compromised", "not-compromised",
                                                "unknown", NULL };
static const char * const compromise_labels[] = { N_("To be determined"), N_("Compromised"),
                                                  N_("Not compromised"), N_("Unknown"), NULL };

static void
asset_status_selected_cb (GtkDropDown         *dropdown,
                          GParamSpec          *pspec,
                          VigilIncidentWindow *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dropdown), "asset-id"));

  if (selected < G_N_ELEMENTS (vigil_incident_compromise_keys) - 1)
    gtk_widget_activate_action (GTK_WIDGET (self), "incident.set-asset-status", "(xs)", id,
                                vigil_incident_compromise_keys[selected]);
}

static void
add_person_row (GtkWidget          *group,
                VigilContactPerson *p,
                const char         *role,
                const char         *asset)
{
  g_autofree char *title = NULL;
  g_autoptr(GString) s = g_string_new (NULL);
  GtkWidget *row;

  if (p->id == 0)
    {
      g_autofree char *missing = g_strdup_printf (_("No %s recorded for %s"), role, asset);
      vigil_incident_group_add (group, vigil_incident_empty_row (missing));
      return;
    }
  title = g_strdup_printf (_("%s — %s of %s"), p->name, role, asset);
  g_string_append (s, p->phone ? p->phone : p->mobile ? p->mobile : _("no phone"));
  g_string_append_printf (s, " · %s", p->email ? p->email : _("no e-mail"));
  if (p->team_name)
    g_string_append_printf (s, " · %s", p->team_name);
  if (p->manager_name)
    g_string_append_printf (s, _(" · manager %s%s%s%s"), p->manager_name,
                            p->manager_phone ? " " : "", p->manager_phone ? p->manager_phone : "",
                            "");
  row = vigil_incident_row_new (title, s->str);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
    vigil_incident_action_button (_("Log Contact"), "call-start-symbolic", "incident.contact-person",
                   g_variant_new_int64 (p->id)));
  vigil_incident_group_add (group, row);
}

/* The architecture documents of the incident and of its affected assets:
 * what responders read first about the systems they are working on. */
static void
build_asset_documents (VigilIncidentWindow *self,
                       GtkBox              *box)
{
  g_autoptr(GArray) ids = vigil_store_list_linked_document_ids (self->store, 0, 0,
                                                                self->incident_id, NULL);
  GtkWidget *group = vigil_incident_group_new (box, _("Documents"),
                                _("Architecture documents, runbooks and contracts of this "
                                  "incident and of its affected assets (Inventory page)"),
                                NULL);

  for (guint i = 0; ids && i < ids->len; i++)
    {
      g_autoptr(VigilDocument) d = vigil_store_get_document (self->store,
                                                             g_array_index (ids, gint64, i),
                                                             NULL);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (d == NULL)
        continue;
      subtitle = g_strdup_printf ("%s%s%s · %s",
                                  vigil_vocab_label (VIGIL_VOCAB_DOCUMENT_KIND,
                                                     vigil_document_get_kind (d)),
                                  *vigil_document_get_version (d) ? " " : "",
                                  vigil_document_get_version (d),
                                  vigil_document_get_filename (d));
      row = vigil_incident_row_new (vigil_document_get_title (d), subtitle);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "x-office-document-symbolic");
      vigil_incident_group_add (group, row);
    }
  if (ids == NULL || ids->len == 0)
    vigil_incident_group_add (group, vigil_incident_empty_row (_("No documents for these assets yet")));
}

void
vigil_incident_build_assets (VigilIncidentWindow *self,
              GtkBox              *box)
{
  g_autoptr(GPtrArray) assets = vigil_store_list_affected_assets (self->store, self->incident_id,
                                                                  NULL);
  GtkWidget *group, *who;

  group = vigil_incident_group_new (box, _("Affected Assets"), _("Each with its compromise status"),
                     vigil_incident_action_button (_("Add _Asset…"), NULL, "incident.add-asset", NULL));
  who = NULL;
  for (guint i = 0; assets && i < assets->len; i++)
    {
      VigilAffectedAsset *a = g_ptr_array_index (assets, i);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s%s%s%s%s", a->kind,
                                                   a->hostname ? a->hostname : _("no host name"),
                                                   vigil_vocab_label (VIGIL_VOCAB_CRITICALITY,
                                                                      a->criticality),
                                                   a->owner_team_name ? " · " : "",
                                                   a->owner_team_name ? a->owner_team_name : "",
                                                   *a->note ? " · " : "", a->note);
      g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
      GtkWidget *row = vigil_incident_row_new (a->name, subtitle);
      GtkWidget *dropdown;

      for (guint k = 0; compromise_labels[k]; k++)
        gtk_string_list_append (list, _(compromise_labels[k]));
      dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL);
      gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
      for (guint k = 0; vigil_incident_compromise_keys[k]; k++)
        if (g_str_equal (vigil_incident_compromise_keys[k], a->status))
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), k);
      g_object_set_data (G_OBJECT (dropdown), "asset-id", GSIZE_TO_POINTER (a->asset_id));
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (asset_status_selected_cb), self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Compromise status"), -1);
      if (g_str_equal (a->status, "compromised"))
        gtk_widget_add_css_class (dropdown, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
      vigil_incident_group_add (group, row);
    }
  if (assets == NULL || assets->len == 0)
    vigil_incident_group_add (group, vigil_incident_empty_row (_("No affected assets yet")));
  else
    {
      who = vigil_incident_group_new (box, _("Who to Contact"),
                       _("The technical contact and the business owner of each affected asset, "
                         "with their team and manager"), NULL);
      for (guint i = 0; i < assets->len; i++)
        {
          VigilAffectedAsset *a = g_ptr_array_index (assets, i);
          add_person_row (who, &a->tech, _("technical contact"), a->name);
          add_person_row (who, &a->business, _("business owner"), a->name);
        }
    }
  build_asset_documents (self, box);
}

/* Timeline ----------------------------------------------------------------- */

static gboolean
rebuild_timeline_cb (gpointer data)
{
  VigilIncidentWindow *self = data;

  if (self->store != NULL)
    vigil_incident_window_build_section (self, SECTION_TIMELINE);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
timeline_kind_selected_cb (GtkDropDown         *dropdown,
                           GParamSpec          *pspec,
                           VigilIncidentWindow *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);
  guint selected = gtk_drop_down_get_selected (dropdown);

  g_clear_pointer (&self->timeline_kind, g_free);
  if (selected > 0 && item != NULL)
    self->timeline_kind = g_strdup (gtk_string_object_get_string (item));
  self->built[SECTION_TIMELINE] = FALSE;
  /* rebuilding inside the dropdown's own signal would destroy it under us */
  g_idle_add (rebuild_timeline_cb, g_object_ref (self));
}

static char *
timeline_subtitle (VigilTimelineEntry *e)
{
  g_autofree char *at = vigil_incident_format_time (e->at);
  g_autoptr(GString) s = g_string_new (NULL);

  g_string_printf (s, "%s · %s · %s", at, e->actor, e->kind);
  if (e->field && (e->before || e->after))
    g_string_append_printf (s, " · %s: %s → %s", e->field, e->before ? e->before : "∅",
                            e->after ? e->after : "∅");
  if (g_strcmp0 (e->at, e->recorded_at) != 0 && e->recorded_at &&
      ABS (vigil_time_to_unix (e->at) - vigil_time_to_unix (e->recorded_at)) > 60)
    {
      g_autofree char *rec = vigil_incident_format_time (e->recorded_at);
      g_string_append_printf (s, _(" · recorded %s"), rec);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Rows of the first screenful of the timeline; more than fit in a tall window. */
#define TIMELINE_FIRST_ROWS 40

/* Timeline rows are made for the entries on screen only (a list view over
 * the entries read in one query, the kind filter applied in SQL). */
static void
timeline_setup_cb (GtkListItemFactory *factory,
                   GtkListItem        *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_append (GTK_BOX (box), vigil_incident_line_label_new (NULL, FALSE));
  gtk_box_append (GTK_BOX (box), vigil_incident_line_label_new (NULL, TRUE));
  gtk_list_item_set_child (item, box);
}

static void
timeline_bind_cb (GtkListItemFactory *factory,
                  GtkListItem        *item)
{
  GPtrArray *entries = g_object_get_data (G_OBJECT (factory), "entries");
  guint pos = gtk_list_item_get_position (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  VigilTimelineEntry *e;
  g_autofree char *summary = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *clipped = NULL;
  g_autofree char *tip = NULL;

  if (entries == NULL || pos >= entries->len)
    return;
  e = g_ptr_array_index (entries, pos);
  summary = vigil_incident_clip (e->summary);
  subtitle = timeline_subtitle (e);
  clipped = vigil_incident_clip (subtitle);
  /* literal text: never markup */
  gtk_label_set_text (GTK_LABEL (title), *summary ? summary : "—");
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (title)), clipped);
  tip = g_strconcat (*summary ? summary : "—", "\n", clipped, NULL);
  gtk_widget_set_tooltip_text (box, tip);
}

typedef struct
{
  GtkStringList *list;
  GPtrArray     *entries;
} TimelineRest;

static void
timeline_rest_free (gpointer data)
{
  TimelineRest *rest = data;

  g_object_unref (rest->list);
  g_ptr_array_unref (rest->entries);
  g_free (rest);
}

static gboolean
timeline_rest_cb (gpointer data)
{
  TimelineRest *rest = data;
  guint first = g_list_model_get_n_items (G_LIST_MODEL (rest->list));
  g_autofree const char **summaries = g_new0 (const char *, rest->entries->len - first + 1);

  for (guint i = first; i < rest->entries->len; i++)
    summaries[i - first] = ((VigilTimelineEntry *) g_ptr_array_index (rest->entries, i))->summary;
  gtk_string_list_splice (rest->list, first, 0, summaries);
  return G_SOURCE_REMOVE;
}

void
vigil_incident_build_timeline (VigilIncidentWindow *self,
                GtkBox              *box)
{
  const char *only[2] = { self->timeline_kind, NULL };
  g_autoptr(GPtrArray) entries = vigil_store_list_timeline (self->store, self->incident_id,
                                                            self->timeline_kind ? only : NULL,
                                                            NULL);
  g_auto(GStrv) kinds = vigil_store_list_timeline_kinds (self->store, self->incident_id, NULL);
  g_autoptr(GtkStringList) kind_list = gtk_string_list_new (NULL);
  GtkWidget *bar, *dropdown, *group;

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_string_list_append (kind_list, _("All kinds"));
  for (guint i = 0; kinds && kinds[i]; i++)
    gtk_string_list_append (kind_list, kinds[i]);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kind_list)),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  for (guint i = 0; self->timeline_kind && kinds && kinds[i]; i++)
    if (g_str_equal (kinds[i], self->timeline_kind))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind of entry"), -1);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (timeline_kind_selected_cb), self);
  gtk_box_append (GTK_BOX (bar), dropdown);
  {
    GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    gtk_widget_set_hexpand (spacer, TRUE);
    gtk_box_append (GTK_BOX (bar), spacer);
  }
  gtk_box_append (GTK_BOX (bar), vigil_incident_action_button (_("Add _Note…"), NULL, "incident.add-note", NULL));
  gtk_box_append (GTK_BOX (bar), vigil_incident_action_button (_("Export _JSON…"), NULL,
                                                "incident.export-timeline",
                                                g_variant_new_string ("json")));
  gtk_box_append (GTK_BOX (bar), vigil_incident_action_button (_("Export _CSV…"), NULL,
                                                "incident.export-timeline",
                                                g_variant_new_string ("csv")));
  gtk_box_append (box, bar);

  group = vigil_incident_group_new (box, _("Timeline"),
                     _("Every change, recorded automatically, and notes with their own event "
                       "time; oldest first"), NULL);
  if (entries == NULL || entries->len == 0)
    {
      vigil_incident_group_add (group, vigil_incident_empty_row (_("Nothing recorded")));
      return;
    }
  {
    g_autoptr(GtkStringList) summaries = gtk_string_list_new (NULL);
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
    GtkWidget *list, *scroller;

    /* GTK 4.8's list view makes rows for up to 200 items before it knows
     * their height: it gets the first screenful now and the rest once
     * the first rows are laid out */
    for (guint i = 0; i < entries->len && i < TIMELINE_FIRST_ROWS; i++)
      gtk_string_list_append (summaries,
                              ((VigilTimelineEntry *) g_ptr_array_index (entries, i))->summary);
    if (entries->len > TIMELINE_FIRST_ROWS)
      {
        TimelineRest *rest = g_new0 (TimelineRest, 1);

        rest->list = g_object_ref (summaries);
        rest->entries = g_ptr_array_ref (entries);
        g_idle_add_full (G_PRIORITY_LOW, timeline_rest_cb, rest, timeline_rest_free);
      }
    g_signal_connect (factory, "setup", G_CALLBACK (timeline_setup_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (timeline_bind_cb), NULL);
    list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (
                                G_LIST_MODEL (g_steal_pointer (&summaries)))), factory);
    g_object_set_data_full (G_OBJECT (factory), "entries", g_ptr_array_ref (entries),
                            (GDestroyNotify) g_ptr_array_unref);
    gtk_list_view_set_show_separators (GTK_LIST_VIEW (list), TRUE);
    gtk_widget_add_css_class (list, "vigil-timeline-list");
    gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Timeline entries"), -1);
    scroller = gtk_scrolled_window_new ();
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                    GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
    gtk_widget_set_vexpand (scroller, TRUE);
    gtk_widget_add_css_class (scroller, "card");
    gtk_widget_set_overflow (scroller, GTK_OVERFLOW_HIDDEN);
    gtk_box_append (box, scroller);
  }
}
