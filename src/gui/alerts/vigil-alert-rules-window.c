/* vigil-alert-rules-window.c — suppression rules, auto-promotion rules, severity mapping
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-alert-rules-window.h"
#include "vigil-store-alerts.h"

struct _VigilAlertRulesWindow
{
  AdwPreferencesWindow  parent_instance;

  VigilStore           *store;
  AdwPreferencesGroup  *suppressions;
  AdwPreferencesGroup  *autos;
  GPtrArray            *rows;  /* rows we added to the two groups */
  GtkEditable          *name;
  AdwComboRow          *severity;
  AdwComboRow          *criticality;
};

G_DEFINE_FINAL_TYPE (VigilAlertRulesWindow, vigil_alert_rules_window, ADW_TYPE_PREFERENCES_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef VigilAlertRulesWindow Rules;

static void fill_rules (Rules *rules);

static void
rules_error (Rules        *rules,
             const GError *error)
{
  /* toast titles are markup; the message may name a rule as typed */
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (rules), adw_toast_new (escaped));
}

static void
on_delete_suppression (GtkButton *button,
                       Rules     *rules)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id"));

  if (!vigil_store_delete_suppression (rules->store, id, &error))
    rules_error (rules, error);
  fill_rules (rules);
}

static void
on_delete_auto (GtkButton *button,
                Rules     *rules)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id"));

  if (!vigil_store_delete_auto_promotion (rules->store, id, &error))
    rules_error (rules, error);
  fill_rules (rules);
}

static void
on_auto_enabled (GtkSwitch  *sw,
                 GParamSpec *pspec,
                 Rules      *rules)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (sw), "id"));

  if (!vigil_store_set_auto_promotion_enabled (rules->store, id,
                                               gtk_switch_get_active (sw), &error))
    rules_error (rules, error);
}

static GtkWidget *
delete_button (gint64 id)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete this rule"));
  g_object_set_data (G_OBJECT (button), "id", GSIZE_TO_POINTER ((gsize) id));
  return button;
}

static void
fill_rules (Rules *rules)
{
  g_autoptr(GPtrArray) sups = vigil_store_list_suppressions (rules->store, NULL);
  g_autoptr(GPtrArray) autos = vigil_store_list_auto_promotions (rules->store, NULL);

  for (guint i = 0; i < rules->rows->len; i++)
    {
      GtkWidget *row = rules->rows->pdata[i];
      AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (row), "group");
      adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (rules->rows, 0);

  for (guint i = 0; sups && i < sups->len; i++)
    {
      VigilSuppressionRule *r = sups->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = delete_button (r->id);
      g_autofree char *title = g_strdup_printf ("%s (%s)", r->rule, r->source ? r->source : _("any source"));
      g_autofree char *subtitle = g_strdup_printf (_("%s · until %s · by %s%s%s"),
                                                   r->asset_name ? r->asset_name : _("any asset"),
                                                   r->expires_at ? r->expires_at : _("revoked"),
                                                   r->actor, *r->reason ? " · " : "", r->reason);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_signal_connect (button, "clicked", G_CALLBACK (on_delete_suppression), rules);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (rules->suppressions, row);
      g_object_set_data (G_OBJECT (row), "group", rules->suppressions);
      g_ptr_array_add (rules->rows, row);
    }
  adw_preferences_group_set_description (rules->suppressions, sups && sups->len ? NULL
      : _("None. Suppress a rule from an alert’s details."));

  for (guint i = 0; autos && i < autos->len; i++)
    {
      VigilAutoPromotionRule *r = autos->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *sw = gtk_switch_new ();
      GtkWidget *button = delete_button (r->id);
      g_autofree char *subtitle = g_strdup_printf (
          _("Severity %s or more, on %s, from %s"),
          vigil_vocab_label (VIGIL_VOCAB_SEVERITY, r->min_severity),
          r->min_criticality ? vigil_vocab_label (VIGIL_VOCAB_CRITICALITY, r->min_criticality)
                             : _("any asset"),
          r->source ? r->source : _("any source"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_switch_set_active (GTK_SWITCH (sw), r->enabled);
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (sw), "id", GSIZE_TO_POINTER ((gsize) r->id));
      g_signal_connect (sw, "notify::active", G_CALLBACK (on_auto_enabled), rules);
      g_signal_connect (button, "clicked", G_CALLBACK (on_delete_auto), rules);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (rules->autos, row);
      g_object_set_data (G_OBJECT (row), "group", rules->autos);
      g_ptr_array_add (rules->rows, row);
    }
}

static void
on_add_auto (GtkButton *button,
             Rules     *rules)
{
  static const char * const sev[] = { "low", "medium", "high", "critical" };
  static const char * const crit[] = { NULL, "low", "medium", "high", "critical" };
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (rules->name);

  if (vigil_store_add_auto_promotion (rules->store, name,
                                      sev[MIN (adw_combo_row_get_selected (rules->severity), 3)],
                                      crit[MIN (adw_combo_row_get_selected (rules->criticality), 4)],
                                      NULL, &error) == 0)
    {
      rules_error (rules, error);
      return;
    }
  gtk_editable_set_text (rules->name, "");
  fill_rules (rules);
}

static void
on_severity_map_apply (AdwEntryRow *row,
                       Rules       *rules)
{
  g_autoptr(GError) error = NULL;
  const char *source = g_object_get_data (G_OBJECT (row), "source");
  g_autofree char *map = NULL;

  if (!vigil_store_set_severity_map (rules->store, source,
                                     gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      rules_error (rules, error);
      return;
    }
  map = vigil_store_dup_severity_map (rules->store, source);
  gtk_editable_set_text (GTK_EDITABLE (row), map);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (rules),
                                    adw_toast_new (_("Applies to alerts imported from now on")));
}

static void
vigil_alert_rules_window_finalize (GObject *object)
{
  Rules *rules = VIGIL_ALERT_RULES_WINDOW (object);

  g_ptr_array_unref (rules->rows);
  g_clear_object (&rules->store);
  G_OBJECT_CLASS (vigil_alert_rules_window_parent_class)->finalize (object);
}

static void
vigil_alert_rules_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  Rules *rules = VIGIL_ALERT_RULES_WINDOW (object);

  if (prop_id == PROP_STORE)
    rules->store = g_value_dup_object (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
vigil_alert_rules_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  Rules *rules = VIGIL_ALERT_RULES_WINDOW (object);

  if (prop_id == PROP_STORE)
    g_value_set_object (value, rules->store);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
vigil_alert_rules_window_constructed (GObject *object)
{
  Rules *rules = VIGIL_ALERT_RULES_WINDOW (object);
  GtkWidget *page, *group, *row, *button;
  const VigilImporterClass * const *importers = vigil_importer_list ();

  G_OBJECT_CLASS (vigil_alert_rules_window_parent_class)->constructed (object);

  gtk_window_set_title (GTK_WINDOW (rules), _("Alert Rules"));
  gtk_window_set_modal (GTK_WINDOW (rules), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (rules), 640, 640);

  /* suppression */
  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Suppression"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "action-unavailable-symbolic");
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Suppressed Rules"));
  rules->suppressions = ADW_PREFERENCES_GROUP (group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (rules), ADW_PREFERENCES_PAGE (page));

  /* auto-promotion */
  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Auto-Promotion"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "go-up-symbolic");
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Rules"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
      _("A new alert that matches a rule opens an incident in Classification at once."));
  rules->autos = ADW_PREFERENCES_GROUP (group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("New Rule"));
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Name"));
  rules->name = GTK_EDITABLE (row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Severity at least"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (gtk_string_list_new (
      (const char *[]) { _("Low"), _("Medium"), _("High"), _("Critical"), NULL })));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  rules->severity = ADW_COMBO_ROW (row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Asset criticality at least"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (gtk_string_list_new (
      (const char *[]) { _("Any, or no asset"), _("Low"), _("Medium"), _("High"), _("Critical"),
                         NULL })));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 4);
  rules->criticality = ADW_COMBO_ROW (row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  button = gtk_button_new_with_mnemonic (_("_Add Rule"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 12);
  g_signal_connect (button, "clicked", G_CALLBACK (on_add_auto), rules);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (rules), ADW_PREFERENCES_PAGE (page));

  /* severity mapping */
  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Severity"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "dialog-warning-symbolic");
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Severity Mapping"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
      _("How each source’s severity becomes Vigil’s: value=severity or low-high=severity, "
        "separated by commas; * matches the rest. Suricata 1 is its most severe. Leave "
        "empty for the default."));
  for (guint i = 0; importers[i]; i++)
    {
      g_autofree char *map = vigil_store_dup_severity_map (rules->store, importers[i]->name);
      row = adw_entry_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(importers[i]->label));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (row), map);
      g_object_set_data (G_OBJECT (row), "source", (gpointer) importers[i]->name);
      g_signal_connect (row, "apply", G_CALLBACK (on_severity_map_apply), rules);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (rules), ADW_PREFERENCES_PAGE (page));

  fill_rules (rules);
}

static void
vigil_alert_rules_window_class_init (VigilAlertRulesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = vigil_alert_rules_window_constructed;
  object_class->finalize = vigil_alert_rules_window_finalize;
  object_class->get_property = vigil_alert_rules_window_get_property;
  object_class->set_property = vigil_alert_rules_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VIGIL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_alert_rules_window_init (VigilAlertRulesWindow *self)
{
  self->rows = g_ptr_array_new ();
}

GtkWindow *
vigil_alert_rules_window_new (VigilStore *store,
                              GtkWindow  *parent)
{
  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  return g_object_new (VIGIL_TYPE_ALERT_RULES_WINDOW, "store", store,
                       "transient-for", parent, NULL);
}

