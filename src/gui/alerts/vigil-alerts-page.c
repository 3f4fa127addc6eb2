/* vigil-alerts-page.c — Level 1 triage: the alert inbox
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Alert groups in triage order (severity × asset criticality, then the
 * latest; sorted in SQL, built lazily by VigilRecordList), filters, a
 * multi-selection with bulk promote / merge / dismiss, and a detail pane
 * with the raw event, the observables and the linked asset.  The list
 * follows the store's `changed` signal, so alerts imported by vigilctl
 * while the window is open appear at once.
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "vigil-alert-list.h"
#include "vigil-alerts-page.h"
#include "vigil-store-alerts.h"
#include "vigil-window.h"

struct _VigilAlertsPage
{
  GtkWidget          parent_instance;

  VigilStore        *store;
  VigilAlertList    *list;
  GtkMultiSelection *selection;
  guint              refresh_id;
  gint64             shown_id;   /* the alert in the detail pane */

  GtkWidget         *paned;
  GtkSearchEntry    *search_entry;
  GtkDropDown       *status_dropdown;
  GtkDropDown       *severity_dropdown;
  GtkDropDown       *source_dropdown;
  GtkLabel          *count_label;
  GtkStack          *list_stack;
  GtkListView       *list_view;
  AdwStatusPage     *empty_status;
  GtkStack          *detail_stack;
  GtkBox            *detail_box;
};

G_DEFINE_FINAL_TYPE (VigilAlertsPage, vigil_alerts_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const statuses[] = { "new", "promoted", "merged", "dismissed", "suppressed",
                                         "all" };
static const char * const min_severities[] = { NULL, "medium", "high", "critical" };
static const char * const sources[] = { NULL, "suricata", "wazuh", "thehive", "iris", "misp",
                                        "zeek", "csv" };

static void refresh (VigilAlertsPage *self);

/* ---- Helpers ----------------------------------------------------------------- */

static void
toast (VigilAlertsPage *self,
       const char      *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (VIGIL_IS_WINDOW (root))
    vigil_window_show_toast (VIGIL_WINDOW (root), message);
}

static void
show_error (VigilAlertsPage *self,
            const GError    *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (VIGIL_IS_WINDOW (root))
    vigil_window_show_error (VIGIL_WINDOW (root), error);
  else
    g_warning ("%s", error->message);
}

static const char *
severity_class (const char *severity)
{
  if (g_strcmp0 (severity, "critical") == 0)
    return "error";
  if (g_strcmp0 (severity, "high") == 0)
    return "warning";
  if (g_strcmp0 (severity, "medium") == 0)
    return "accent";
  return "dim-label";
}

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "new") == 0)
    return _("New");
  if (g_strcmp0 (status, "promoted") == 0)
    return _("Promoted");
  if (g_strcmp0 (status, "merged") == 0)
    return _("Merged");
  if (g_strcmp0 (status, "dismissed") == 0)
    return _("Dismissed");
  if (g_strcmp0 (status, "suppressed") == 0)
    return _("Suppressed");
  return status;
}

static const char *
criticality_label (const char *key)
{
  return key ? vigil_vocab_label (VIGIL_VOCAB_CRITICALITY, key) : NULL;
}

static GArray *
selected_ids (VigilAlertsPage *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GtkBitset) set = NULL;
  GtkBitsetIter iter;
  guint pos;

  if (self->selection == NULL)
    return ids;
  set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &pos); ok;
       ok = gtk_bitset_iter_next (&iter, &pos))
    {
      gint64 id = vigil_alert_list_get_id (self->list, pos);
      if (id > 0)
        g_array_append_val (ids, id);
    }
  return ids;
}

/* ---- The list ------------------------------------------------------------------ */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *severity = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_width_chars (GTK_LABEL (severity), 8);
  gtk_label_set_xalign (GTK_LABEL (severity), 0);
  gtk_widget_add_css_class (severity, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_box_append (GTK_BOX (box), severity);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), count);
  g_object_set_data (G_OBJECT (box), "severity", severity);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "count", count);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  VigilAlert *alert = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *severity = g_object_get_data (G_OBJECT (box), "severity");
  GtkWidget *title = g_object_get_data (G_OBJECT (box), "title");
  GtkWidget *subtitle = g_object_get_data (G_OBJECT (box), "subtitle");
  GtkWidget *count = g_object_get_data (G_OBJECT (box), "count");
  g_autoptr(GString) sub = g_string_new (NULL);
  g_autofree char *count_text = NULL;
  const char *sev, *asset, *crit, *status;

  if (alert == NULL || vigil_alert_get_id (alert) == 0)
    {
      /* a row gone since the count; the refresh that follows removes it */
      gtk_label_set_text (GTK_LABEL (severity), "");
      gtk_label_set_text (GTK_LABEL (title), "");
      gtk_label_set_text (GTK_LABEL (subtitle), "");
      gtk_label_set_text (GTK_LABEL (count), "");
      return;
    }
  sev = vigil_alert_get_severity (alert);
  for (const char * const *c = (const char * const[]) { "error", "warning", "accent",
                                                       "dim-label", NULL }; *c; c++)
    gtk_widget_remove_css_class (severity, *c);
  gtk_widget_add_css_class (severity, severity_class (sev));
  gtk_label_set_text (GTK_LABEL (severity), vigil_vocab_label (VIGIL_VOCAB_SEVERITY, sev));

  /* plain text: titles come from the tools and may hold markup characters */
  gtk_label_set_text (GTK_LABEL (title), vigil_alert_get_title (alert));
  gtk_widget_set_tooltip_text (title, vigil_alert_get_title (alert));

  g_string_append (sub, vigil_alert_get_text (alert, VIGIL_ALERT_SOURCE));
  g_string_append (sub, " · ");
  g_string_append (sub, vigil_alert_get_text (alert, VIGIL_ALERT_LAST_SEEN));
  asset = vigil_alert_get_text (alert, VIGIL_ALERT_ASSET_NAME);
  crit = criticality_label (vigil_alert_get_text (alert, VIGIL_ALERT_ASSET_CRITICALITY));
  if (asset != NULL)
    g_string_append_printf (sub, " · %s (%s)", asset, crit ? crit : "");
  else if (vigil_alert_get_text (alert, VIGIL_ALERT_DST_ADDR) != NULL)
    g_string_append_printf (sub, " · %s", vigil_alert_get_text (alert, VIGIL_ALERT_DST_ADDR));
  status = vigil_alert_get_status (alert);
  if (g_strcmp0 (status, "promoted") == 0 || g_strcmp0 (status, "merged") == 0)
    g_string_append_printf (sub, " · %s", vigil_alert_get_text (alert, VIGIL_ALERT_INCIDENT_REF)
                                          ? vigil_alert_get_text (alert, VIGIL_ALERT_INCIDENT_REF)
                                          : status);
  else if (g_strcmp0 (status, "new") != 0)
    g_string_append_printf (sub, " · %s", status_label (status));
  gtk_label_set_text (GTK_LABEL (subtitle), sub->str);

  count_text = g_strdup_printf ("%" PRId64 "×", vigil_alert_get_count (alert));
  gtk_label_set_text (GTK_LABEL (count), count_text);
  gtk_widget_set_tooltip_text (count, _("Events folded into this alert"));
}

/* ---- The detail pane ------------------------------------------------------------ */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
add_group (GtkBox     *box,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (box, group);
  return group;
}

static void
add_row (GtkWidget  *group,
         const char *title,
         const char *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static char *
pretty_raw (const char *raw)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (raw == NULL)
    return g_strdup ("");
  if (strlen (raw) < 256 * 1024 && json_parser_load_from_data (parser, raw, -1, NULL))
    return json_to_string (json_parser_get_root (parser), TRUE);
  return g_strdup (raw);
}

static void
show_alert (VigilAlertsPage *self,
            gint64           id)
{
  g_autoptr(VigilAlert) alert = NULL;
  g_auto(GStrv) obs = NULL;
  g_autofree char *count = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *src = NULL;
  g_autofree char *dst = NULL;
  GtkWidget *group, *title, *view, *frame, *button;
  GtkTextBuffer *buffer;

  self->shown_id = id;
  if (id <= 0 || self->store == NULL ||
      (alert = vigil_store_get_alert (self->store, id, NULL)) == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }
  clear_box (self->detail_box);

  title = gtk_label_new (vigil_alert_get_title (alert));
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_selectable (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (self->detail_box, title);

  group = add_group (self->detail_box, NULL);
  add_row (group, _("Severity"),
           vigil_vocab_label (VIGIL_VOCAB_SEVERITY, vigil_alert_get_severity (alert)));
  add_row (group, _("Status"), status_label (vigil_alert_get_status (alert)));
  if (vigil_alert_get_text (alert, VIGIL_ALERT_DISMISS_REASON) != NULL)
    add_row (group, _("Dismissed as"),
             vigil_vocab_label (VIGIL_VOCAB_RESOLUTION,
                                vigil_alert_get_text (alert, VIGIL_ALERT_DISMISS_REASON)));
  add_row (group, _("Incident"), vigil_alert_get_text (alert, VIGIL_ALERT_INCIDENT_REF));
  add_row (group, _("Source"), vigil_alert_get_text (alert, VIGIL_ALERT_SOURCE));
  add_row (group, _("Rule or signature"), vigil_alert_get_text (alert, VIGIL_ALERT_RULE));
  add_row (group, _("Description"), vigil_alert_get_text (alert, VIGIL_ALERT_DESCRIPTION));
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " event",
                                        "%" PRId64 " events",
                                        vigil_alert_get_count (alert)),
                           vigil_alert_get_count (alert));
  add_row (group, _("Seen"), count);
  add_row (group, _("First seen"), vigil_alert_get_text (alert, VIGIL_ALERT_FIRST_SEEN));
  add_row (group, _("Last seen"), vigil_alert_get_text (alert, VIGIL_ALERT_LAST_SEEN));
  if (vigil_alert_get_text (alert, VIGIL_ALERT_SRC_ADDR))
    src = vigil_alert_get_src_port (alert) > 0
          ? g_strdup_printf ("%s:%" PRId64,
                             vigil_alert_get_text (alert, VIGIL_ALERT_SRC_ADDR),
                             vigil_alert_get_src_port (alert))
          : g_strdup (vigil_alert_get_text (alert, VIGIL_ALERT_SRC_ADDR));
  if (vigil_alert_get_text (alert, VIGIL_ALERT_DST_ADDR))
    dst = vigil_alert_get_dst_port (alert) > 0
          ? g_strdup_printf ("%s:%" PRId64,
                             vigil_alert_get_text (alert, VIGIL_ALERT_DST_ADDR),
                             vigil_alert_get_dst_port (alert))
          : g_strdup (vigil_alert_get_text (alert, VIGIL_ALERT_DST_ADDR));
  add_row (group, _("Source address"), src);
  add_row (group, _("Destination address"), dst);
  add_row (group, _("Host"), vigil_alert_get_text (alert, VIGIL_ALERT_HOSTNAME));

  group = add_group (self->detail_box, _("Asset"));
  if (vigil_alert_get_asset_id (alert) > 0)
    {
      add_row (group, _("Name"), vigil_alert_get_text (alert, VIGIL_ALERT_ASSET_NAME));
      add_row (group, _("Criticality"),
               criticality_label (vigil_alert_get_text (alert, VIGIL_ALERT_ASSET_CRITICALITY)));
      add_row (group, _("Owner team"), vigil_alert_get_text (alert, VIGIL_ALERT_OWNER_TEAM));
      add_row (group, _("Contact"), vigil_alert_get_text (alert, VIGIL_ALERT_CONTACT));
      add_row (group, _("E-mail"), vigil_alert_get_text (alert, VIGIL_ALERT_CONTACT_EMAIL));
      add_row (group, _("Phone"), vigil_alert_get_text (alert, VIGIL_ALERT_CONTACT_PHONE));
    }
  else
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
        _("No asset in the inventory has this alert’s addresses or host name."));

  group = add_group (self->detail_box, _("Observables"));
  obs = vigil_store_dup_alert_observables (self->store, id, NULL);
  for (guint i = 0; obs && obs[i] && obs[i + 1]; i += 2)
    add_row (group, obs[i], obs[i + 1]);
  if (obs == NULL || obs[0] == NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("None extracted."));

  button = gtk_button_new_with_mnemonic (_("_Suppress This Rule…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "alerts.suppress");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_box_append (self->detail_box, button);

  group = add_group (self->detail_box, _("Raw Event"));
  raw = pretty_raw (vigil_alert_get_text (alert, VIGIL_ALERT_RAW));
  view = gtk_text_view_new ();
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (buffer, raw, -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);

  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

static void
update_actions (VigilAlertsPage *self)
{
  g_autoptr(GArray) ids = selected_ids (self);
  g_autofree char *text = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "alerts.promote", ids->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "alerts.merge", ids->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "alerts.dismiss", ids->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "alerts.suppress", ids->len == 1);
  if (ids->len > 1)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected of %u", "%u selected of %u",
                                         n), ids->len, n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u alert", "%u alerts", n), n);
  gtk_label_set_text (self->count_label, text);
  show_alert (self, ids->len == 1 ? g_array_index (ids, gint64, 0) : 0);
}

static void
on_selection_changed (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      VigilAlertsPage   *self)
{
  update_actions (self);
}

static void
refresh (VigilAlertsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) selected = NULL;
  VigilAlertFilter filter = { 0 };
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint severity = gtk_drop_down_get_selected (self->severity_dropdown);
  guint source = gtk_drop_down_get_selected (self->source_dropdown);
  guint n;

  if (self->store == NULL)
    return;
  filter.status = statuses[MIN (status, G_N_ELEMENTS (statuses) - 1)];
  filter.min_severity = min_severities[MIN (severity, G_N_ELEMENTS (min_severities) - 1)];
  filter.source = sources[MIN (source, G_N_ELEMENTS (sources) - 1)];
  filter.text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* keep the selection across the refresh (among the rows read so far) */
  selected = selected_ids (self);
  g_signal_handlers_block_by_func (self->selection, on_selection_changed, self);
  if (!vigil_alert_list_set_filter (self->list, self->store, &filter, &error))
    show_error (self, error);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  for (guint i = 0; i < selected->len; i++)
    {
      int pos = vigil_alert_list_find (self->list, g_array_index (selected, gint64, i));
      if (pos >= 0)
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), pos, FALSE);
    }
  g_signal_handlers_unblock_by_func (self->selection, on_selection_changed, self);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  if (n == 0)
    {
      gboolean filtered = status != 0 || severity != 0 || source != 0 ||
                          *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0';
      adw_status_page_set_title (self->empty_status,
                                 filtered ? _("No Matching Alerts") : _("No Alerts to Triage"));
      adw_status_page_set_description (self->empty_status, filtered
          ? _("No alert matches these filters.")
          : _("Import alerts with “vigilctl alert import --format suricata eve.json”; they "
              "appear here as they arrive."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, n ? "list" : "empty");
  update_actions (self);
}

static gboolean
refresh_idle (gpointer data)
{
  VigilAlertsPage *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (VigilAlertsPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (100, refresh_idle, self);
}

static void
on_store_changed (VigilStore      *store,
                  const char      *kind,
                  gint64           id,
                  VigilAlertsPage *self)
{
  if (g_strcmp0 (kind, VIGIL_KIND_ALERT) == 0 || g_strcmp0 (kind, VIGIL_KIND_ASSET) == 0 ||
      g_strcmp0 (kind, VIGIL_KIND_RULE) == 0 || g_strcmp0 (kind, VIGIL_KIND_INCIDENT) == 0 ||
      g_strcmp0 (kind, VIGIL_KIND_PERSON) == 0 || g_strcmp0 (kind, VIGIL_KIND_TEAM) == 0)
    queue_refresh (self);
}

static void
on_filter_changed (VigilAlertsPage *self)
{
  refresh (self);
}

/* ---- Triage ------------------------------------------------------------------------ */

static void
promote_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VigilAlertsPage *self = VIGIL_ALERTS_PAGE (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilIncident) incident = NULL;
  g_autofree char *message = NULL;
  gint64 incident_id = 0;

  if (ids->len == 0)
    return;
  if (!vigil_store_promote_alerts (self->store, (gint64 *) ids->data, ids->len, NULL,
                                   &incident_id, &error))
    {
      show_error (self, error);
      return;
    }
  incident = vigil_store_get_incident (self->store, incident_id, NULL);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Promoted %u alert to %s",
                                          "Promoted %u alerts to %s", ids->len),
                             ids->len, incident ? vigil_incident_get_ref (incident) : "");
  toast (self, message);
  refresh (self);
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
      show_error (self, error);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Dismissed %u alert",
                                          "Dismissed %u alerts", ids->len), ids->len);
  toast (self, message);
  refresh (self);
}

static void
dismiss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VigilAlertsPage *self = VIGIL_ALERTS_PAGE (widget);
  GArray *ids = selected_ids (self);
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
      show_error (self, error);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Merged %u alert",
                                          "Merged %u alerts", ids->len), ids->len);
  toast (self, message);
  refresh (self);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VigilAlertsPage *self = VIGIL_ALERTS_PAGE (widget);
  GArray *ids = selected_ids (self);
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
      show_error (self, error);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Suppressed; %u open alert hidden",
                                          "Suppressed; %u open alerts hidden", n), n);
  toast (self, message);
  refresh (self);
}

static void
suppress_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VigilAlertsPage *self = VIGIL_ALERTS_PAGE (widget);
  g_autoptr(GArray) ids = selected_ids (self);
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

/* ---- The rules window ------------------------------------------------------------------ */

typedef struct
{
  VigilAlertsPage      *self;
  AdwPreferencesWindow *window;
  AdwPreferencesGroup  *suppressions;
  AdwPreferencesGroup  *autos;
  GPtrArray            *rows;  /* rows we added to the two groups */
  GtkEditable          *name;
  AdwComboRow          *severity;
  AdwComboRow          *criticality;
} Rules;

static void fill_rules (Rules *rules);

static void
rules_error (Rules        *rules,
             const GError *error)
{
  adw_preferences_window_add_toast (rules->window, adw_toast_new (error->message));
}

static void
on_delete_suppression (GtkButton *button,
                       Rules     *rules)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id"));

  if (!vigil_store_delete_suppression (rules->self->store, id, &error))
    rules_error (rules, error);
  fill_rules (rules);
}

static void
on_delete_auto (GtkButton *button,
                Rules     *rules)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id"));

  if (!vigil_store_delete_auto_promotion (rules->self->store, id, &error))
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

  if (!vigil_store_set_auto_promotion_enabled (rules->self->store, id,
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
  g_autoptr(GPtrArray) sups = vigil_store_list_suppressions (rules->self->store, NULL);
  g_autoptr(GPtrArray) autos = vigil_store_list_auto_promotions (rules->self->store, NULL);

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

  if (vigil_store_add_auto_promotion (rules->self->store, name,
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

  if (!vigil_store_set_severity_map (rules->self->store, source,
                                     gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      rules_error (rules, error);
      return;
    }
  map = vigil_store_dup_severity_map (rules->self->store, source);
  gtk_editable_set_text (GTK_EDITABLE (row), map);
  adw_preferences_window_add_toast (rules->window,
                                    adw_toast_new (_("Applies to alerts imported from now on")));
}

static void
rules_free (gpointer data)
{
  Rules *rules = data;

  g_ptr_array_unref (rules->rows);
  g_object_unref (rules->self);
  g_free (rules);
}

GtkWindow *
vigil_alerts_page_show_rules (VigilAlertsPage *self)
{
  Rules *rules = g_new0 (Rules, 1);
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page, *group, *row, *button;
  const VigilImporterClass * const *importers = vigil_importer_list ();

  g_return_val_if_fail (VIGIL_IS_ALERTS_PAGE (self), NULL);

  rules->self = g_object_ref (self);
  rules->window = ADW_PREFERENCES_WINDOW (window);
  rules->rows = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (window), "rules", rules, rules_free);
  gtk_window_set_title (GTK_WINDOW (window), _("Alert Rules"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 640);

  /* suppression */
  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Suppression"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "action-unavailable-symbolic");
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Suppressed Rules"));
  rules->suppressions = ADW_PREFERENCES_GROUP (group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (rules->window, ADW_PREFERENCES_PAGE (page));

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
  adw_preferences_window_add (rules->window, ADW_PREFERENCES_PAGE (page));

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
      g_autofree char *map = vigil_store_dup_severity_map (self->store, importers[i]->name);
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
  adw_preferences_window_add (rules->window, ADW_PREFERENCES_PAGE (page));

  fill_rules (rules);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
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

/* ---- GObject ------------------------------------------------------------------------------- */

VigilStore *
vigil_alerts_page_get_store (VigilAlertsPage *self)
{
  g_return_val_if_fail (VIGIL_IS_ALERTS_PAGE (self), NULL);
  return self->store;
}

void
vigil_alerts_page_set_store (VigilAlertsPage *self,
                             VigilStore      *store)
{
  g_return_if_fail (VIGIL_IS_ALERTS_PAGE (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, 0);
      vigil_store_set_watch (store, TRUE);
    }
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
vigil_alerts_page_set_status (VigilAlertsPage *self,
                              const char      *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      gtk_drop_down_set_selected (self->status_dropdown, i);
}

void
vigil_alerts_page_set_search (VigilAlertsPage *self,
                              const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  refresh (self);
}

GListModel *
vigil_alerts_page_get_model (VigilAlertsPage *self)
{
  return G_LIST_MODEL (self->list);
}

guint
vigil_alerts_page_get_n_loaded (VigilAlertsPage *self)
{
  g_return_val_if_fail (VIGIL_IS_ALERTS_PAGE (self), 0);
  return vigil_alert_list_get_n_loaded (self->list);
}

GtkSelectionModel *
vigil_alerts_page_get_selection (VigilAlertsPage *self)
{
  return GTK_SELECTION_MODEL (self->selection);
}

static void
vigil_alerts_page_dispose (GObject *object)
{
  VigilAlertsPage *self = VIGIL_ALERTS_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_ALERTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (vigil_alerts_page_parent_class)->dispose (object);
}

static void
vigil_alerts_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VigilAlertsPage *self = VIGIL_ALERTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_alerts_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VigilAlertsPage *self = VIGIL_ALERTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      vigil_alerts_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_alerts_page_class_init (VigilAlertsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_alerts_page_dispose;
  object_class->get_property = vigil_alerts_page_get_property;
  object_class->set_property = vigil_alerts_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VIGIL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/vigilsoc/Vigil/alerts/vigil-alerts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilAlertsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, VigilAlertsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilAlertsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigilAlertsPage, severity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigilAlertsPage, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigilAlertsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, VigilAlertsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilAlertsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, VigilAlertsPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, VigilAlertsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilAlertsPage, detail_box);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);

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
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vigil_alerts_page_init (VigilAlertsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->list = vigil_alert_list_new ();
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->list)));
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed),
                    self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_factory (self->list_view, factory);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}
