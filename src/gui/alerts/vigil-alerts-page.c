/* vigil-alerts-page.c — Level 1 triage: the alert inbox
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Alert groups in triage order (severity × asset criticality, then the
 * latest; sorted in SQL, read lazily by VigilAlertList), filters, a
 * multi-selection with bulk promote / merge / dismiss, and a detail pane
 * with the raw event, the observables and the linked asset.  The list
 * follows the store's `changed` signal, so alerts imported by vigilctl
 * while the window is open appear at once.
 *
 * The list view shows a window of the matching alerts: the first WINDOW,
 * growing as the user scrolls near its end.  GTK 4.8's list view builds a
 * row for up to ~200 items around its anchor whenever the model has them,
 * which cost the first frame four times an empty page's; the count label
 * gives the total, and "select all" (VigilAlertSelection) still selects
 * every matching alert, shown or not.
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "vigil-alert-list.h"
#include "vigil-alert-row.h"
#include "vigil-alert-rules-window.h"
#include "vigil-alerts-page-private.h"
#include "vigil-store-alerts.h"
#include "vigil-window.h"

#define WINDOW 48   /* rows shown at first: a tall window's worth, twice over */

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


/* ---- Helpers ----------------------------------------------------------------- */

static const char *
criticality_label (const char *key)
{
  return key ? vigil_vocab_label (VIGIL_VOCAB_CRITICALITY, key) : NULL;
}

GArray *
vigil_alerts_page_selected_ids (VigilAlertsPage *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GtkBitset) set = NULL;
  GtkBitsetIter iter;
  guint pos;

  if (self->selection == NULL)
    return ids;
  if (vigil_alert_selection_get_all (self->selection))
    {
      /* every matching alert, not only the rows shown */
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

      g_array_set_size (ids, 0);
      for (guint i = 0; i < n; i++)
        {
          gint64 id = vigil_alert_list_get_id (self->list, i);
          if (id > 0)
            g_array_append_val (ids, id);
        }
      return ids;
    }
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
  gtk_list_item_set_child (item, vigil_alert_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  vigil_alert_row_set_alert (VIGIL_ALERT_ROW (gtk_list_item_get_child (item)),
                             gtk_list_item_get_item (item));
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
  add_row (group, _("Status"), vigil_alert_status_label (vigil_alert_get_status (alert)));
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
  g_autoptr(GtkBitset) set = NULL;
  g_autofree char *text = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint n_selected;
  gint64 one = 0;

  /* counted without reading the ids of every matching alert after "select all" */
  if (vigil_alert_selection_get_all (self->selection))
    n_selected = n;
  else
    {
      set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
      n_selected = (guint) gtk_bitset_get_size (set);
    }
  if (n_selected == 1)
    one = vigil_alert_list_get_id (self->list, set ? gtk_bitset_get_minimum (set) : 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "alerts.promote", n_selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "alerts.merge", n_selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "alerts.dismiss", n_selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "alerts.suppress", n_selected == 1);
  if (n_selected > 1)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected of %u", "%u selected of %u",
                                         n), n_selected, n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u alert", "%u alerts", n), n);
  gtk_label_set_text (self->count_label, text);
  show_alert (self, one);
}

static void
on_selection_changed (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      VigilAlertsPage   *self)
{
  update_actions (self);
}

void
vigil_alerts_page_refresh (VigilAlertsPage *self)
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

  /* keep the selection across the refresh, among the rows shown: after
   * "select all", the rows that were shown (not alerts that have arrived
   * since, nor all of them again) */
  if (vigil_alert_selection_get_all (self->selection))
    {
      guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->window));

      selected = g_array_sized_new (FALSE, FALSE, sizeof (gint64), shown);
      for (guint i = 0; i < shown; i++)
        {
          gint64 id = vigil_alert_list_get_id (self->list, i);
          g_array_append_val (selected, id);
        }
    }
  else
    selected = vigil_alerts_page_selected_ids (self);
  g_signal_handlers_block_by_func (self->selection, on_selection_changed, self);
  if (!vigil_alert_list_set_filter (self->list, self->store, &filter, &error))
    vigil_window_error_from (GTK_WIDGET (self), error);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  for (guint i = 0; i < selected->len; i++)
    {
      int pos = vigil_alert_list_find (self->list, g_array_index (selected, gint64, i));
      if (pos >= 0 && (guint) pos < g_list_model_get_n_items (G_LIST_MODEL (self->window)))
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
  vigil_alerts_page_refresh (self);
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

/* A new filter (or store) shows its first window again; a refresh after a
 * change in the store keeps the rows shown where they are. */
static void
reset_window (VigilAlertsPage *self)
{
  g_clear_handle_id (&self->grow_id, g_source_remove);
  gtk_slice_list_model_set_size (self->window, WINDOW);
}

static void
on_filter_changed (VigilAlertsPage *self)
{
  reset_window (self);
  vigil_alerts_page_refresh (self);
}

/* Doubling: the 10,000th row is a few drags away, and each step builds rows
 * only where the view looks. */
static gboolean
grow_cb (gpointer data)
{
  VigilAlertsPage *self = data;
  guint size = gtk_slice_list_model_get_size (self->window);

  self->grow_id = 0;
  if (size < g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    gtk_slice_list_model_set_size (self->window, size + MAX (size, WINDOW));
  return G_SOURCE_REMOVE;
}

/* Less than half a page below the view: show more, after this frame. */
static void
on_scrolled (GtkAdjustment   *adj,
             VigilAlertsPage *self)
{
  double value = gtk_adjustment_get_value (adj);
  double page = gtk_adjustment_get_page_size (adj);
  double upper = gtk_adjustment_get_upper (adj);

  if (self->grow_id != 0 ||
      gtk_slice_list_model_get_size (self->window) >=
      g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    return;
  if (page > 0 && value + 1.5 * page >= upper)
    self->grow_id = g_idle_add (grow_cb, self);
}

GtkWindow *
vigil_alerts_page_show_rules (VigilAlertsPage *self)
{
  GtkWindow *window;

  g_return_val_if_fail (VIGIL_IS_ALERTS_PAGE (self), NULL);
  window = vigil_alert_rules_window_new (self->store,
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (window);
  return window;
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
  reset_window (self);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, 0);
      vigil_store_set_watch (store, TRUE);
    }
  vigil_alerts_page_refresh (self);
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
  reset_window (self);
  vigil_alerts_page_refresh (self);
}

GListModel *
vigil_alerts_page_get_model (VigilAlertsPage *self)
{
  return G_LIST_MODEL (self->list);
}

GListModel *
vigil_alerts_page_get_shown (VigilAlertsPage *self)
{
  g_return_val_if_fail (VIGIL_IS_ALERTS_PAGE (self), NULL);
  return G_LIST_MODEL (self->window);
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
  g_clear_handle_id (&self->grow_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_ALERTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->window);
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

  vigil_alerts_page_class_init_actions (widget_class);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vigil_alerts_page_init (VigilAlertsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkAdjustment *vadj;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->list = vigil_alert_list_new ();
  self->window = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->list)), 0, WINDOW);
  self->selection = vigil_alert_selection_new (G_LIST_MODEL (self->window));
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed),
                    self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_factory (self->list_view, factory);
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  g_signal_connect_object (vadj, "value-changed", G_CALLBACK (on_scrolled), self, 0);
  g_signal_connect_object (vadj, "changed", G_CALLBACK (on_scrolled), self, 0);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}
