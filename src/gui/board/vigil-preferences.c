/* vigil-preferences.c — who is acting, response targets, the Closed column
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The analyst's identity is a person of the organisation, kept as an
 * e-mail address in `analyst-email` and applied as the store's actor (the
 * name recorded on every change).  Response targets are minutes per
 * severity to acknowledge, contain and resolve (`response-targets`).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-preferences.h"

void
vigil_preferences_apply_targets (VigilStore *store,
                                 GSettings  *settings)
{
  g_autoptr(GVariant) value = NULL;
  VigilResponseTargets targets;
  GVariantIter iter;
  const char *key;
  guint32 ack, contain, resolve;

  if (store == NULL || settings == NULL)
    return;
  vigil_store_get_response_targets (store, &targets);
  value = g_settings_get_value (settings, "response-targets");
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "{&s(uuu)}", &key, &ack, &contain, &resolve))
    {
      int i = vigil_vocab_index (VIGIL_VOCAB_SEVERITY, key);
      if (i < 0 || i > 3)
        continue;
      targets.acknowledge[i] = ack;
      targets.contain[i] = contain;
      targets.resolve[i] = resolve;
    }
  vigil_store_set_response_targets (store, &targets);
}

typedef struct
{
  VigilStore    *store;
  GSettings     *settings;
  GArray        *emails;   /* index → e-mail (char *), 0 = system user */
  GtkSpinButton *spins[4][3];
} Prefs;

static void
prefs_free (Prefs *p)
{
  g_clear_object (&p->store);
  g_clear_object (&p->settings);
  g_clear_pointer (&p->emails, g_array_unref);
  g_free (p);
}

static void
identity_changed_cb (GtkDropDown *dd,
                     GParamSpec  *pspec,
                     Prefs       *p)
{
  guint sel = gtk_drop_down_get_selected (dd);
  const char *email = sel < p->emails->len ? g_array_index (p->emails, char *, sel) : NULL;

  if (p->settings != NULL)
    g_settings_set_string (p->settings, "analyst-email", email ? email : "");
  vigil_store_set_actor (p->store, email && *email ? email : g_get_real_name ());
}

static void
targets_changed_cb (GtkSpinButton *spin,
                    Prefs         *p)
{
  GVariantBuilder b;
  const VigilVocabEntry *e;
  guint n;

  e = vigil_vocab_entries (VIGIL_VOCAB_SEVERITY, &n);
  g_variant_builder_init (&b, G_VARIANT_TYPE ("a{s(uuu)}"));
  for (guint i = 0; i < n && i < 4; i++)
    g_variant_builder_add (&b, "{s(uuu)}", e[i].key,
                           (guint32) gtk_spin_button_get_value_as_int (p->spins[i][0]),
                           (guint32) gtk_spin_button_get_value_as_int (p->spins[i][1]),
                           (guint32) gtk_spin_button_get_value_as_int (p->spins[i][2]));
  if (p->settings != NULL)
    g_settings_set_value (p->settings, "response-targets", g_variant_builder_end (&b));
  else
    g_variant_unref (g_variant_ref_sink (g_variant_builder_end (&b)));
}

static GtkWidget *
spin (double value,
      double max)
{
  GtkWidget *s = gtk_spin_button_new_with_range (0, max, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (s), value);
  gtk_widget_set_valign (s, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (s), TRUE);
  return s;
}

static void
free_string (gpointer p)
{
  g_free (*(char **) p);
}

void
vigil_preferences_present (GtkWindow  *parent,
                           VigilStore *store,
                           GSettings  *settings)
{
  AdwPreferencesWindow *window = ADW_PREFERENCES_WINDOW (adw_preferences_window_new ());
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *who = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *targets = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *board = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr(GtkStringList) people = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) choices = NULL;
  g_autofree char *current = settings ? g_settings_get_string (settings, "analyst-email") : NULL;
  g_autofree char *me = g_strdup_printf (_("%s (system user)"), g_get_real_name ());
  VigilResponseTargets t;
  const VigilVocabEntry *sev;
  GtkWidget *identity_row = adw_action_row_new ();
  GtkWidget *dd;
  GtkWidget *closed_row = adw_action_row_new ();
  GtkWidget *closed_spin;
  char *empty = g_strdup ("");
  guint selected = 0, n;
  Prefs *p;

  g_return_if_fail (VIGIL_IS_STORE (store));

  p = g_new0 (Prefs, 1);
  p->store = g_object_ref (store);
  p->settings = settings ? g_object_ref (settings) : NULL;
  p->emails = g_array_new (FALSE, TRUE, sizeof (char *));
  g_array_set_clear_func (p->emails, free_string);
  g_object_set_data_full (G_OBJECT (window), "vigil-prefs", p, (GDestroyNotify) prefs_free);

  /* who is acting */
  adw_preferences_group_set_title (who, _("Who Is Acting"));
  adw_preferences_group_set_description (who, _("Every change you make is recorded with this name"));
  gtk_string_list_append (people, me);
  g_array_append_val (p->emails, empty);
  choices = vigil_store_list_person_choices (store, NULL, 0, NULL);
  for (guint i = 0; choices && i < choices->len; i++)
    {
      VigilChoice *c = choices->pdata[i];
      g_autofree char *text = NULL;
      char *email;
      if (c->key == NULL)
        continue;
      text = g_strdup_printf ("%s <%s>", c->label, c->key);
      email = g_strdup (c->key);
      gtk_string_list_append (people, text);
      g_array_append_val (p->emails, email);
      if (current && g_ascii_strcasecmp (current, c->key) == 0)
        selected = p->emails->len - 1;
    }
  dd = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&people)),
                          gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dd), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dd), selected);
  gtk_widget_set_valign (dd, GTK_ALIGN_CENTER);
  g_signal_connect (dd, "notify::selected", G_CALLBACK (identity_changed_cb), p);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (identity_row), _("Analyst"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (identity_row), _("A person of the organisation"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (identity_row), dd);
  adw_preferences_group_add (who, identity_row);

  /* response targets */
  adw_preferences_group_set_title (targets, _("Response Targets"));
  adw_preferences_group_set_description (targets, _("Minutes from detection to acknowledge, to contain and to resolve; "
                                                    "the cards’ response clock counts down to the next one"));
  vigil_store_get_response_targets (store, &t);
  sev = vigil_vocab_entries (VIGIL_VOCAB_SEVERITY, &n);
  for (guint i = 4; i-- > 0;)
    {
      GtkWidget *row = adw_action_row_new ();
      guint values[3] = { t.acknowledge[i], t.contain[i], t.resolve[i] };
      const char *tips[3] = { N_("Acknowledge within (minutes)"), N_("Contain within (minutes)"),
                              N_("Resolve within (minutes)") };
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_dgettext (GETTEXT_PACKAGE, sev[i].label));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Acknowledge · contain · resolve"));
      for (guint k = 0; k < 3; k++)
        {
          GtkWidget *s = spin (values[k], 525600);
          gtk_widget_set_tooltip_text (s, _(tips[k]));
          gtk_accessible_update_property (GTK_ACCESSIBLE (s), GTK_ACCESSIBLE_PROPERTY_LABEL, _(tips[k]), -1);
          p->spins[i][k] = GTK_SPIN_BUTTON (s);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), s);
        }
      adw_preferences_group_add (targets, row);
    }
  for (guint i = 0; i < 4; i++)
    for (guint k = 0; k < 3; k++)
      g_signal_connect (p->spins[i][k], "value-changed", G_CALLBACK (targets_changed_cb), p);

  /* the board */
  adw_preferences_group_set_title (board, _("Board"));
  closed_spin = spin (settings ? g_settings_get_uint (settings, "closed-days") : 30, 3650);
  if (settings != NULL)
    g_settings_bind (settings, "closed-days", closed_spin, "value", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (closed_row), _("Closed Column Shows"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (closed_row), _("Days of recently closed incidents; 0 shows all"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (closed_row), closed_spin);
  adw_preferences_group_add (board, closed_row);

  adw_preferences_page_add (page, who);
  adw_preferences_page_add (page, targets);
  adw_preferences_page_add (page, board);
  adw_preferences_window_add (window, page);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_present (GTK_WINDOW (window));
}
