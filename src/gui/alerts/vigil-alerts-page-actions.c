/* vigil-alerts-page-actions.c — the alerts page's triage actions: promote, merge, dismiss, suppress
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "vigil-alerts-page-private.h"
#include "vigil-store-alerts.h"
#include "vigil-window.h"

static void
promote_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VigilAlertsPage *self = VIGIL_ALERTS_PAGE (widget);
  g_autoptr(GArray) ids = vigil_alerts_page_selected_ids (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilIncident) incident = NULL;
  g_autofree char *message = NULL;
  gint64 incident_id = 0;

  if (ids->len == 0)
    return;
  if (!vigil_store_promote_alerts (self->store, (gint64 *) ids->data, ids->len, NULL,
                                   &incident_id, &error))
    {
      vigil_window_error_from (GTK_WIDGET (self), error);
      return;
    }
  incident = vigil_store_get_incident (self->store, incident_id, NULL);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Promoted %u alert to %s",
                                          "Promoted %u alerts to %s", ids->len),
                             ids->len, incident ? vigil_incident_get_ref (incident) : "");
  vigil_window_toast_from (GTK_WIDGET (self), message);
  vigil_alerts_page_refresh (self);
}

static void
dismiss_response (AdwMessageDialog *dialog,
                  const char       *response,
                  VigilAlertsPage  *self)
{
  g_autoptr(GArray) ids = g_object_steal_data (G_OBJECT (dialog), "ids");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (ids == NULL || g_strcmp0 (response, "cancel") == 0)
    return;
  if (!vigil_store_dismiss_alerts (self->store, (gint64 *) ids->data, ids->len, response,
                                   &error))
    {
      vigil_window_error_from (GTK_WIDGET (self), error);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Dismissed %u alert",
                                          "Dismissed %u alerts", ids->len), ids->len);
  vigil_window_toast_from (GTK_WIDGET (self), message);
  vigil_alerts_page_refresh (self);
}

static void
dismiss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VigilAlertsPage *self = VIGIL_ALERTS_PAGE (widget);
  GArray *ids = vigil_alerts_page_selected_ids (self);
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  if (ids->len == 0)
    {
      g_array_unref (ids);
      return;
    }
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Dismiss %u Alert?",
                                          "Dismiss %u Alerts?", ids->len), ids->len);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _("Say why, so the detection can be tuned."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "duplicate", _("D_uplicate"),
                                    "benign", _("_Benign"),
                                    "false-positive", _("_False Positive"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "false-positive");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ids", ids, (GDestroyNotify) g_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (dismiss_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
merge_response (AdwMessageDialog *dialog,
                const char       *response,
                VigilAlertsPage  *self)
{
  g_autoptr(GArray) ids = g_object_steal_data (G_OBJECT (dialog), "ids");
  GArray *incidents = g_object_get_data (G_OBJECT (dialog), "incidents");
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "dropdown");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *typed;
  gint64 incident_id = 0;

  if (ids == NULL || g_strcmp0 (response, "merge") != 0)
    return;
  typed = gtk_editable_get_text (entry);
  if (typed != NULL && *typed)
    incident_id = vigil_store_resolve_incident (self->store, typed, &error);
  else if (gtk_drop_down_get_selected (dropdown) < incidents->len)
    incident_id = g_array_index (incidents, gint64, gtk_drop_down_get_selected (dropdown));
  if (incident_id == 0 && error == NULL)
    return;
  if (incident_id == 0 ||
      !vigil_store_merge_alerts (self->store, (gint64 *) ids->data, ids->len, incident_id,
                                 &error))
    {
      vigil_window_error_from (GTK_WIDGET (self), error);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Merged %u alert",
                                          "Merged %u alerts", ids->len), ids->len);
  vigil_window_toast_from (GTK_WIDGET (self), message);
  vigil_alerts_page_refresh (self);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VigilAlertsPage *self = VIGIL_ALERTS_PAGE (widget);
  GArray *ids = vigil_alerts_page_selected_ids (self);
  GArray *incidents = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *dialog, *box, *dropdown, *entry;
  static const char * const open_stages[] = { "classification", "investigation", "containment",
                                              "resolution" };

  if (ids->len == 0)
    {
      g_array_unref (ids);
      g_array_unref (incidents);
      return;
    }
  /* the most urgent open incidents; any other by its reference */
  for (guint s = 0; s < G_N_ELEMENTS (open_stages) && incidents->len < 300; s++)
    {
      g_autoptr(GArray) stage_ids = vigil_store_list_incident_ids (self->store, open_stages[s],
                                                                   NULL);
      for (guint i = 0; stage_ids && i < stage_ids->len && incidents->len < 300; i++)
        {
          g_autoptr(VigilIncident) incident = vigil_store_get_incident (
              self->store, g_array_index (stage_ids, gint64, i), NULL);
          g_autofree char *name = NULL;
          if (incident == NULL)
            continue;
          name = g_strdup_printf ("%s — %s", vigil_incident_get_ref (incident),
                                  vigil_incident_get_title (incident));
          gtk_string_list_append (names, name);
          g_array_append_val (incidents, g_array_index (stage_ids, gint64, i));
        }
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Merge into an Open Incident"),
                                   _("The alerts’ observables and assets are added to the "
                                     "incident, and its timeline records the merge."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (dropdown),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Or type a reference: INC-2026-0001"));
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_box_append (GTK_BOX (box), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "merge", _("_Merge"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "merge",
                                           incidents->len > 0);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (gtk_widget_grab_focus), entry);
  if (incidents->len == 0)
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                   _("There is no open incident; promote the alerts instead, or "
                                     "type a reference."));
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "merge", TRUE);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ids", ids, (GDestroyNotify) g_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "incidents", incidents,
                          (GDestroyNotify) g_array_unref);
  g_object_set_data (G_OBJECT (dialog), "dropdown", dropdown);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (merge_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
suppress_response (AdwMessageDialog *dialog,
                   const char       *response,
                   VigilAlertsPage  *self)
{
  VigilAlert *alert = g_object_get_data (G_OBJECT (dialog), "alert");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint days, n = 0;

  if (alert == NULL || g_strcmp0 (response, "cancel") == 0)
    return;
  days = (guint) g_ascii_strtoull (response, NULL, 10);
  if (vigil_store_add_suppression (self->store, vigil_alert_get_text (alert, VIGIL_ALERT_SOURCE),
                                   vigil_alert_get_text (alert, VIGIL_ALERT_RULE),
                                   vigil_alert_get_asset_id (alert), days, NULL, &n,
                                   &error) == 0)
    {
      vigil_window_error_from (GTK_WIDGET (self), error);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Suppressed; %u open alert hidden",
                                          "Suppressed; %u open alerts hidden", n), n);
  vigil_window_toast_from (GTK_WIDGET (self), message);
  vigil_alerts_page_refresh (self);
}

static void
suppress_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VigilAlertsPage *self = VIGIL_ALERTS_PAGE (widget);
  g_autoptr(GArray) ids = vigil_alerts_page_selected_ids (self);
  VigilAlert *alert;
  GtkWidget *dialog;
  g_autofree char *body = NULL;
  const char *asset;

  if (ids->len != 1 ||
      (alert = vigil_store_get_alert (self->store, g_array_index (ids, gint64, 0), NULL)) == NULL)
    return;
  asset = vigil_alert_get_text (alert, VIGIL_ALERT_ASSET_NAME);
  if (asset != NULL)
    body = g_strdup_printf (_("New alerts of the rule “%s” from %s on %s are stored as "
                              "suppressed, and the open ones are hidden."),
                            vigil_alert_get_text (alert, VIGIL_ALERT_RULE),
                            vigil_alert_get_text (alert, VIGIL_ALERT_SOURCE), asset);
  else
    body = g_strdup_printf (_("New alerts of the rule “%s” from %s, on any asset, are stored "
                              "as suppressed, and the open ones are hidden."),
                            vigil_alert_get_text (alert, VIGIL_ALERT_RULE),
                            vigil_alert_get_text (alert, VIGIL_ALERT_SOURCE));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Suppress This Rule?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "1", _("For _1 Day"), "7", _("For _7 Days"),
                                    "30", _("For _30 Days"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "7");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "alert", alert, g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (suppress_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rules_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VigilAlertsPage *self = VIGIL_ALERTS_PAGE (widget);

  if (self->store != NULL)
    vigil_alerts_page_show_rules (self);
}

void
vigil_alerts_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "alerts.promote", NULL, promote_action);
  gtk_widget_class_install_action (widget_class, "alerts.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "alerts.dismiss", NULL, dismiss_action);
  gtk_widget_class_install_action (widget_class, "alerts.suppress", NULL, suppress_action);
  gtk_widget_class_install_action (widget_class, "alerts.rules", NULL, rules_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "alerts.promote", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "alerts.merge", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "alerts.dismiss", NULL);
}
