/* vigil-incident-editor.c — a new incident, or the classification of one
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Title, description, impact × urgency (the priority follows as you
 * choose), severity, ENISA category, TLP, tier, assignee (from the
 * organisation) and affected assets (from the inventory).  Saving goes
 * through the store, which writes one timeline row per changed field.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-incident-editor.h"

#define MAX_ASSET_MATCHES 8

struct _VigilIncidentEditor
{
  AdwWindow         parent_instance;

  VigilStore       *store;
  gint64            incident_id;
  VigilIncident    *incident;

  AdwToastOverlay  *toasts;
  GtkWidget        *save_button;
  AdwEntryRow      *title_row;
  GtkTextView      *description;
  AdwComboRow      *impact_row;
  AdwComboRow      *urgency_row;
  AdwActionRow     *priority_row;
  GtkLabel         *priority_label;
  AdwComboRow      *severity_row;
  AdwComboRow      *category_row;
  AdwComboRow      *tlp_row;
  AdwComboRow      *tier_row;
  GtkDropDown      *assignee_dd;
  GArray           *people_ids;   /* index in assignee_dd → person id (0: none) */
  GtkSearchEntry   *asset_search;
  GtkListBox       *asset_list;
  GHashTable       *assets;       /* id → label: the affected assets */
};

G_DEFINE_FINAL_TYPE (VigilIncidentEditor, vigil_incident_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *levels[] = { N_("High"), N_("Medium"), N_("Low"), NULL };

static AdwComboRow *
add_combo (AdwPreferencesGroup *group,
           const char          *title,
           const char          *subtitle,
           GtkStringList       *labels)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_object_unref (labels);
  return row;
}

static GtkStringList *
vocab_labels (VigilVocab  vocab,
              const char *none)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  const VigilVocabEntry *e;
  guint n;

  if (none != NULL)
    gtk_string_list_append (list, none);
  e = vigil_vocab_entries (vocab, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, g_dgettext (GETTEXT_PACKAGE, e[i].label));
  return list;
}

static void
select_key (AdwComboRow *row,
            VigilVocab   vocab,
            const char  *key,
            gboolean     has_none)
{
  int i = vigil_vocab_index (vocab, key);

  if (i < 0)
    adw_combo_row_set_selected (row, 0);
  else
    adw_combo_row_set_selected (row, (guint) i + (has_none ? 1 : 0));
}

static const char *
selected_key (AdwComboRow *row,
              VigilVocab   vocab,
              gboolean     has_none)
{
  guint sel = adw_combo_row_get_selected (row);
  const VigilVocabEntry *e;
  guint n;

  e = vigil_vocab_entries (vocab, &n);
  if (has_none)
    {
      if (sel == 0 || sel == GTK_INVALID_LIST_POSITION)
        return "";
      sel--;
    }
  return sel < n ? e[sel].key : NULL;
}

static void
update_priority (VigilIncidentEditor *self)
{
  int impact = (int) adw_combo_row_get_selected (self->impact_row);
  int urgency = (int) adw_combo_row_get_selected (self->urgency_row);
  int p;
  g_autofree char *text = NULL;

  if (impact == 0 || urgency == 0)
    {
      gtk_label_set_text (self->priority_label, _("Not rated"));
      return;
    }
  p = vigil_priority_from_impact_urgency (impact, urgency);
  text = g_strdup_printf ("P%d", p);
  gtk_label_set_text (self->priority_label, text);
  for (int i = 1; i <= 4; i++)
    {
      g_autofree char *cls = g_strdup_printf ("priority-%d", i);
      gtk_widget_remove_css_class (GTK_WIDGET (self->priority_label), cls);
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->priority_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->priority_label), "warning");
  if (p == 1)
    gtk_widget_add_css_class (GTK_WIDGET (self->priority_label), "error");
  else if (p == 2)
    gtk_widget_add_css_class (GTK_WIDGET (self->priority_label), "warning");
}

static void
update_sensitivity (VigilIncidentEditor *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  gtk_widget_set_sensitive (self->save_button, *title != '\0');
}

/* ---- Assets ------------------------------------------------------------- */

static void rebuild_assets (VigilIncidentEditor *self);

static void
asset_toggled_cb (GtkCheckButton      *check,
                  VigilIncidentEditor *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "asset-id");
  const char *label = g_object_get_data (G_OBJECT (check), "asset-label");

  if (gtk_check_button_get_active (check))
    g_hash_table_insert (self->assets, g_memdup2 (&id, sizeof id), g_strdup (label));
  else
    g_hash_table_remove (self->assets, &id);
}

static void
add_asset_row (VigilIncidentEditor *self,
               gint64               id,
               const char          *label,
               const char          *detail)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  if (detail && *detail)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->assets, &id));
  g_object_set_data_full (G_OBJECT (check), "asset-id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data_full (G_OBJECT (check), "asset-label", g_strdup (label), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (asset_toggled_cb), self);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_list_box_append (self->asset_list, row);
}

static void
rebuild_assets (VigilIncidentEditor *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->asset_search));
  g_autoptr(GPtrArray) matches = NULL;
  GHashTableIter iter;
  gpointer key, value;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->asset_list))) != NULL)
    gtk_list_box_remove (self->asset_list, child);

  g_hash_table_iter_init (&iter, self->assets);
  while (g_hash_table_iter_next (&iter, &key, &value))
    add_asset_row (self, *(gint64 *) key, value, _("Affected"));

  if (search == NULL || *search == '\0')
    return;
  matches = vigil_store_list_asset_choices (self->store, search, MAX_ASSET_MATCHES, NULL);
  for (guint i = 0; matches && i < matches->len; i++)
    {
      VigilChoice *c = matches->pdata[i];
      if (!g_hash_table_contains (self->assets, &c->id))
        add_asset_row (self, c->id, c->label, c->detail);
    }
}

/* ---- Saving ------------------------------------------------------------- */

static char *
description_text (VigilIncidentEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

gboolean
vigil_incident_editor_save (VigilIncidentEditor  *self,
                            GError              **error)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *description = description_text (self);
  g_autofree char *message = NULL;
  g_autoptr(GArray) assets = g_array_new (FALSE, FALSE, sizeof (gint64));
  VigilIncidentChanges ch = { 0 };
  GHashTableIter iter;
  gpointer key;
  guint assignee = gtk_drop_down_get_selected (self->assignee_dd);
  gint64 assignee_id = assignee < self->people_ids->len ? g_array_index (self->people_ids, gint64, assignee) : 0;
  gint64 id = self->incident_id;

  g_return_val_if_fail (VIGIL_IS_INCIDENT_EDITOR (self), FALSE);

  g_hash_table_iter_init (&iter, self->assets);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (assets, *(gint64 *) key);

  ch.title = title;
  ch.description = description;
  ch.impact = adw_combo_row_get_selected (self->impact_row) > 0 ? (int) adw_combo_row_get_selected (self->impact_row) : -1;
  ch.urgency = adw_combo_row_get_selected (self->urgency_row) > 0 ? (int) adw_combo_row_get_selected (self->urgency_row) : -1;
  ch.severity = selected_key (self->severity_row, VIGIL_VOCAB_SEVERITY, TRUE);
  ch.category = selected_key (self->category_row, VIGIL_VOCAB_CATEGORY, TRUE);
  ch.tlp = selected_key (self->tlp_row, VIGIL_VOCAB_TLP, FALSE);
  ch.tier = selected_key (self->tier_row, VIGIL_VOCAB_TIER, FALSE);
  ch.assignee_id = assignee_id > 0 ? assignee_id : -1;
  ch.asset_ids = assets;

  if (id == 0)
    {
      g_autoptr(VigilIncident) inc = NULL;
      if (ch.impact < 0) ch.impact = 0;
      if (ch.urgency < 0) ch.urgency = 0;
      if (ch.assignee_id < 0) ch.assignee_id = 0;
      inc = vigil_store_create_incident (self->store, &ch, error);
      if (inc == NULL)
        return FALSE;
      id = vigil_incident_get_id (inc);
      message = g_strdup_printf (_("Created %s"), vigil_incident_get_ref (inc));
    }
  else
    {
      guint n = 0;
      if (!vigil_store_update_incident (self->store, id, &ch, &n, error))
        return FALSE;
      message = n == 0 ? g_strdup_printf (_("%s unchanged"), vigil_incident_get_ref (self->incident))
                       : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u change saved",
                                                       "%s: %u changes saved", n),
                                          vigil_incident_get_ref (self->incident), n);
    }
  g_signal_emit (self, signals[SAVED], 0, id, message);
  return TRUE;
}

static void
save_clicked_cb (VigilIncidentEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!vigil_incident_editor_save (self, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      AdwToast *toast = adw_toast_new (escaped);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toasts, toast);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

void
vigil_incident_editor_set_title_text (VigilIncidentEditor *self,
                                      const char          *title)
{
  g_return_if_fail (VIGIL_IS_INCIDENT_EDITOR (self));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
}

/* ---- Building ----------------------------------------------------------- */

static void
build (VigilIncidentEditor *self)
{
  GtkWidget *view = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *main_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *class_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *who_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *asset_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *assignee_row = adw_action_row_new ();
  g_autoptr(GtkStringList) levels_list = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) people = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) choices = NULL;
  GtkExpression *expression;
  gint64 none = 0;

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  self->save_button = gtk_button_new_with_mnemonic (self->incident_id ? _("_Save") : _("C_reate"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);

  /* what happened */
  self->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row), _("Title"));
  adw_entry_row_set_activates_default (self->title_row, TRUE);
  adw_preferences_group_add (main_group, GTK_WIDGET (self->title_row));
  self->description = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->description, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->description, FALSE);
  gtk_text_view_set_top_margin (self->description, 8);
  gtk_text_view_set_left_margin (self->description, 12);
  gtk_text_view_set_right_margin (self->description, 12);
  gtk_text_view_set_bottom_margin (self->description, 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->description),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Description"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->description));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 90);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_set_margin_top (scroller, 12);
  adw_preferences_group_add (main_group, scroller);
  adw_preferences_group_set_title (main_group, _("What Happened"));
  adw_preferences_group_set_description (main_group,
                                         _("A short title, then the description: what was seen, "
                                           "where, and who reported it"));

  /* classification */
  adw_preferences_group_set_title (class_group, _("Classification"));
  gtk_string_list_append (levels_list, _("Not rated"));
  for (guint i = 0; levels[i]; i++)
    gtk_string_list_append (levels_list, _(levels[i]));
  self->impact_row = add_combo (class_group, _("_Impact"), _("How much of the business is hurt"),
                                g_object_ref (levels_list));
  self->urgency_row = add_combo (class_group, _("_Urgency"), _("How fast it gets worse"),
                                 g_object_ref (levels_list));
  self->priority_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->priority_row), _("Priority"));
  adw_action_row_set_subtitle (self->priority_row, _("Impact × urgency"));
  self->priority_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->priority_label), "title-4");
  adw_action_row_add_suffix (self->priority_row, GTK_WIDGET (self->priority_label));
  adw_preferences_group_add (class_group, GTK_WIDGET (self->priority_row));
  self->severity_row = add_combo (class_group, _("_Severity"), NULL,
                                  vocab_labels (VIGIL_VOCAB_SEVERITY, _("Not rated")));
  self->category_row = add_combo (class_group, _("_Category"), _("ENISA Reference Security Incident Taxonomy"),
                                  vocab_labels (VIGIL_VOCAB_CATEGORY, _("Not classified")));
  self->tlp_row = add_combo (class_group, _("_TLP"), _("Who may see what is shared"),
                             vocab_labels (VIGIL_VOCAB_TLP, NULL));
  self->tier_row = add_combo (class_group, _("T_ier"), NULL, vocab_labels (VIGIL_VOCAB_TIER, NULL));
  g_signal_connect_swapped (self->impact_row, "notify::selected", G_CALLBACK (update_priority), self);
  g_signal_connect_swapped (self->urgency_row, "notify::selected", G_CALLBACK (update_priority), self);

  /* who */
  adw_preferences_group_set_title (who_group, _("Assignment"));
  self->people_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (people, _("Unassigned"));
  g_array_append_val (self->people_ids, none);
  choices = vigil_store_list_person_choices (self->store, NULL, 0, NULL);
  for (guint i = 0; choices && i < choices->len; i++)
    {
      VigilChoice *c = choices->pdata[i];
      g_autofree char *text = c->key ? g_strdup_printf ("%s <%s>", c->label, c->key) : g_strdup (c->label);
      gtk_string_list_append (people, text);
      g_array_append_val (self->people_ids, c->id);
    }
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  self->assignee_dd = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&people)), expression));
  gtk_drop_down_set_enable_search (self->assignee_dd, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->assignee_dd), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (assignee_row), _("Assignee"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (assignee_row), _("A person of the organisation"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (assignee_row), GTK_WIDGET (self->assignee_dd));
  adw_preferences_group_add (who_group, assignee_row);

  /* assets */
  adw_preferences_group_set_title (asset_group, _("Affected Assets"));
  adw_preferences_group_set_description (asset_group, _("Search the inventory by name, host name or address"));
  self->asset_search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->asset_search), 6);
  gtk_search_entry_set_search_delay (self->asset_search, 100);
  self->asset_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->asset_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->asset_list), "boxed-list");
  adw_preferences_group_add (asset_group, GTK_WIDGET (self->asset_search));
  adw_preferences_group_add (asset_group, GTK_WIDGET (self->asset_list));
  g_signal_connect_swapped (self->asset_search, "search-changed", G_CALLBACK (rebuild_assets), self);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), main_group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), class_group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), who_group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), asset_group);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (view), header);
  gtk_box_append (GTK_BOX (view), page);
  adw_toast_overlay_set_child (self->toasts, view);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));

  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (update_sensitivity), self);
}

static void
load (VigilIncidentEditor *self)
{
  VigilIncident *inc = self->incident;
  g_autoptr(GArray) assets = NULL;

  if (inc == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Incident"));
      select_key (self->tlp_row, VIGIL_VOCAB_TLP, "amber", FALSE);
      update_priority (self);
      update_sensitivity (self);
      return;
    }
  {
    g_autofree char *title = g_strdup_printf (_("Edit %s"), vigil_incident_get_ref (inc));
    gtk_window_set_title (GTK_WINDOW (self), title);
  }
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), vigil_incident_get_title (inc));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description),
                            vigil_incident_get_description (inc), -1);
  adw_combo_row_set_selected (self->impact_row, (guint) MAX (vigil_incident_get_impact (inc), 0));
  adw_combo_row_set_selected (self->urgency_row, (guint) MAX (vigil_incident_get_urgency (inc), 0));
  select_key (self->severity_row, VIGIL_VOCAB_SEVERITY, vigil_incident_get_severity (inc), TRUE);
  select_key (self->category_row, VIGIL_VOCAB_CATEGORY, vigil_incident_get_category (inc), TRUE);
  select_key (self->tlp_row, VIGIL_VOCAB_TLP, vigil_incident_get_tlp (inc), FALSE);
  select_key (self->tier_row, VIGIL_VOCAB_TIER, vigil_incident_get_tier (inc), FALSE);
  for (guint i = 0; i < self->people_ids->len; i++)
    if (g_array_index (self->people_ids, gint64, i) == vigil_incident_get_assignee_id (inc))
      gtk_drop_down_set_selected (self->assignee_dd, i);

  assets = vigil_store_list_incident_asset_ids (self->store, vigil_incident_get_id (inc), NULL);
  if (assets != NULL && assets->len > 0)
    {
      g_autoptr(GPtrArray) all = vigil_store_list_asset_choices (self->store, NULL, 0, NULL);
      for (guint i = 0; all && i < all->len; i++)
        {
          VigilChoice *c = all->pdata[i];
          for (guint j = 0; j < assets->len; j++)
            if (g_array_index (assets, gint64, j) == c->id)
              g_hash_table_insert (self->assets, g_memdup2 (&c->id, sizeof c->id), g_strdup (c->label));
        }
    }
  rebuild_assets (self);
  update_priority (self);
  update_sensitivity (self);
}

VigilIncidentEditor *
vigil_incident_editor_new (GtkWindow  *parent,
                           VigilStore *store,
                           gint64      incident_id)
{
  VigilIncidentEditor *self;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  self = g_object_new (VIGIL_TYPE_INCIDENT_EDITOR,
                       "transient-for", parent,
                       "modal", TRUE,
                       "default-width", 560,
                       "default-height", 720,
                       NULL);
  self->store = g_object_ref (store);
  self->incident_id = incident_id;
  if (incident_id > 0)
    self->incident = vigil_store_get_incident (store, incident_id, NULL);
  build (self);
  load (self);
  return self;
}

static void
vigil_incident_editor_finalize (GObject *object)
{
  VigilIncidentEditor *self = VIGIL_INCIDENT_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->incident);
  g_clear_pointer (&self->people_ids, g_array_unref);
  g_clear_pointer (&self->assets, g_hash_table_unref);
  G_OBJECT_CLASS (vigil_incident_editor_parent_class)->finalize (object);
}

static void
vigil_incident_editor_class_init (VigilIncidentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vigil_incident_editor_finalize;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vigil_incident_editor_init (VigilIncidentEditor *self)
{
  self->assets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}
