/* vigil-asset-detail.c — the inventory's asset pane: who to call, the
 * dependencies and their map, documents, incidents and alerts
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rebuilt from the store whenever the asset or the store changes, so the
 * dependency map follows every link added or removed, here, in vigilctl or
 * in another window.  The map (a VigilGraphView over a Graphviz layout made
 * off the main thread) is kept across rebuilds.  Dependencies are added
 * with VigilAssetLinkDialog and removed from their row, with an Undo toast.
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "vigil-asset-detail.h"
#include "vigil-asset-link-dialog.h"
#include "vigil-graph-view.h"
#include "vigil-inventory-util.h"
#include "vigil-store-assets.h"
#include "vigil-store-documents.h"

struct _VigilAssetDetail
{
  GtkWidget     parent_instance;

  VigilStore   *store;
  gint64        asset_id;

  GtkWidget    *map_box;     /* kept across rebuilds */
  GtkWidget    *map;
  GArray       *map_ids;     /* node index → asset id */
  GCancellable *map_cancellable;

  /* template */
  GtkWidget    *toasts;
  GtkWidget    *box;
};

G_DEFINE_FINAL_TYPE (VigilAssetDetail, vigil_asset_detail, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_STORE, PROP_ASSET_ID, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { ASSET_ACTIVATED, DOCUMENT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The map ---------------------------------------------------------------------------- */

static void
on_map_layout (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  VigilAssetDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  VigilGraphLayout *layout = vigil_graph_layout_finish (result, &error);

  if (layout == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("dependency map: %s", error->message);
      return;
    }
  vigil_graph_view_set_layout (VIGIL_GRAPH_VIEW (self->map), layout);
  for (guint i = 0; i < self->map_ids->len; i++)
    {
      g_autoptr(VigilAsset) a = vigil_store_get_asset (self->store, g_array_index (self->map_ids, gint64, i), NULL);
      if (a == NULL)
        continue;
      vigil_graph_view_set_node (VIGIL_GRAPH_VIEW (self->map), i, vigil_asset_get_name (a),
                                 vigil_asset_get_kind (a), vigil_asset_get_addresses (a),
                                 vigil_asset_get_criticality (a));
      if (vigil_asset_get_id (a) == self->asset_id)
        vigil_graph_view_set_node_flags (VIGIL_GRAPH_VIEW (self->map), i, VIGIL_GRAPH_VIEW_NODE_HIGHLIGHT);
    }
  vigil_graph_view_zoom_to_fit (VIGIL_GRAPH_VIEW (self->map));
  vigil_graph_layout_unref (layout);
}

static void
build_map (VigilAssetDetail *self,
           GPtrArray        *links)
{
  g_autoptr(VigilGraph) graph = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_cancellable_cancel (self->map_cancellable);
  g_clear_object (&self->map_cancellable);
  g_array_set_size (self->map_ids, 0);
  gtk_widget_set_visible (self->map_box, links->len > 0);
  if (links->len == 0)
    return;

  graph = vigil_graph_new ();
  vigil_graph_set_attr (graph, "rankdir", "LR");
  vigil_graph_set_attr (graph, "ranksep", "0.6");
  for (guint i = 0; i <= links->len; i++)
    {
      VigilAssetLink *l = i < links->len ? g_ptr_array_index (links, i) : NULL;
      gint64 ends[2] = { l ? l->from_id : self->asset_id, l ? l->to_id : self->asset_id };

      for (guint e = 0; e < 2; e++)
        {
          g_autofree char *id = g_strdup_printf ("%" PRId64, ends[e]);

          if (g_hash_table_contains (seen, &ends[e]))
            continue;
          g_array_append_val (self->map_ids, ends[e]);
          g_hash_table_add (seen, g_memdup2 (&ends[e], sizeof (gint64)));
          vigil_graph_add_node (graph, id, 170, 56, NULL);
        }
    }
  for (guint i = 0; i < links->len; i++)
    {
      VigilAssetLink *l = g_ptr_array_index (links, i);
      g_autofree char *from = g_strdup_printf ("%" PRId64, l->from_id);
      g_autofree char *to = g_strdup_printf ("%" PRId64, l->to_id);
      vigil_graph_add_edge (graph, from, to);
    }
  self->map_cancellable = g_cancellable_new ();
  vigil_graph_layout_async (graph, self->map_cancellable, on_map_layout, self);
}

static void
on_map_node_activated (VigilGraphView   *view,
                       guint             node,
                       VigilAssetDetail *self)
{
  if (node < self->map_ids->len)
    g_signal_emit (self, signals[ASSET_ACTIVATED], 0, g_array_index (self->map_ids, gint64, node));
}

/* The pane ----------------------------------------------------------------------------- */

static const char *
role_label (const char *role)
{
  if (g_str_equal (role, "tech-contact"))
    return _("Technical contact");
  if (g_str_equal (role, "business-owner"))
    return _("Business owner");
  return _("Owner team lead");
}

static const char *
link_label (const char *kind,
            gboolean    incoming)
{
  if (g_str_equal (kind, VIGIL_ASSET_HOSTED_ON))
    return incoming ? _("hosts") : _("hosted on");
  if (g_str_equal (kind, VIGIL_ASSET_CONNECTS_TO))
    return incoming ? _("connected from") : _("connects to");
  return incoming ? _("needed by") : _("depends on");
}

static void
on_doc_row_activated (AdwActionRow     *row,
                      VigilAssetDetail *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "document-id"));
  g_signal_emit (self, signals[DOCUMENT_ACTIVATED], 0, id);
}

static void
on_link_row_activated (AdwActionRow     *row,
                       VigilAssetDetail *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "asset-id"));
  g_signal_emit (self, signals[ASSET_ACTIVATED], 0, id);
}

static GtkWidget *
link_row (VigilAssetDetail *self,
          VigilAssetLink   *l)
{
  gboolean incoming = l->to_id == self->asset_id;
  const char *other = incoming ? l->from_name : l->to_name;
  g_autofree char *subtitle = *l->note ? g_strdup_printf ("%s · %s", link_label (l->kind, incoming), l->note)
                                       : g_strdup (link_label (l->kind, incoming));
  g_autofree char *tooltip = g_strdup_printf (_("Remove the dependency on “%s”"), other);
  GtkWidget *row = vigil_inventory_text_row (other, subtitle);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  /* tooltips are plain text here, and the accessible name says which */
  gtk_widget_set_tooltip_text (remove, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "asset.remove-dependency");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(xxss)", l->from_id, l->to_id, l->kind, l->note);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "asset-id", GSIZE_TO_POINTER ((gsize) (incoming ? l->from_id : l->to_id)));
  g_signal_connect (row, "activated", G_CALLBACK (on_link_row_activated), self);
  return row;
}

void
vigil_asset_detail_refresh (VigilAssetDetail *self)
{
  g_autoptr(VigilAsset) a = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) map_links = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GArray) docs = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *g, *buttons, *button;
  guint n_links = 0;

  g_return_if_fail (VIGIL_IS_ASSET_DETAIL (self));

  g_object_ref (self->map_box);
  vigil_inventory_clear_box (self->box);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "asset.add-dependency", FALSE);

  if (self->store == NULL || self->asset_id <= 0
      || (a = vigil_store_get_asset (self->store, self->asset_id, NULL)) == NULL)
    {
      GtkWidget *status = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "network-server-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Asset Selected"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Select an asset to see who to call, what it depends on and its documents."));
      gtk_widget_set_vexpand (status, TRUE);
      gtk_box_append (GTK_BOX (self->box), status);
      g_object_unref (self->map_box);
      return;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "asset.add-dependency", TRUE);

  gtk_box_append (GTK_BOX (self->box), vigil_inventory_heading (vigil_asset_get_name (a), "title-2"));
  subtitle = g_strdup_printf ("%s · %s · %s · %s", vigil_asset_get_kind (a), vigil_asset_get_criticality (a),
                              vigil_asset_get_environment (a), vigil_asset_get_status (a));
  gtk_box_append (GTK_BOX (self->box), vigil_inventory_heading (subtitle, "dim-label"));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  button = gtk_button_new_with_mnemonic (_("_Edit…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "inventory.edit-asset");
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("Add _Dependency…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "asset.add-dependency");
  gtk_widget_set_tooltip_text (button, _("Record what this asset depends on, runs on or talks to (Ctrl+D)"));
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (self->box), buttons);

  /* who to call */
  contacts = vigil_store_list_asset_contacts (self->store, self->asset_id, NULL);
  g = vigil_inventory_group (_("Contacts"));
  if (contacts == NULL || contacts->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (g),
                                           _("No contact yet: edit the asset to name its technical contact and business owner."));
  for (guint i = 0; contacts && i < contacts->len; i++)
    {
      VigilAssetContact *c = g_ptr_array_index (contacts, i);
      g_autofree char *title = g_strdup_printf ("%s — %s", c->name, role_label (c->role));
      g_autofree char *sub = g_strdup_printf ("%s%s%s%s%s", c->email ? c->email : "",
                                              c->email && (c->phone || c->mobile) ? " · " : "",
                                              c->phone ? c->phone : "",
                                              c->phone && c->mobile ? " · " : "",
                                              c->mobile ? c->mobile : "");
      GtkWidget *row = vigil_inventory_text_row (title, *sub ? sub : _("no email or phone recorded"));
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "avatar-default-symbolic");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
    }
  gtk_box_append (GTK_BOX (self->box), g);

  /* dependencies: the map, then the list with a remove button each */
  links = vigil_store_list_asset_links (self->store, self->asset_id, 1, NULL);
  map_links = vigil_store_list_asset_links (self->store, self->asset_id, 2, NULL);
  g = vigil_inventory_group (_("Dependencies"));
  for (guint i = 0; links && i < links->len; i++)
    {
      VigilAssetLink *l = g_ptr_array_index (links, i);
      if (l->from_id == self->asset_id || l->to_id == self->asset_id)
        n_links++;
    }
  if (n_links == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (g),
                                           _("No dependency recorded: add what this asset depends on, runs on or talks to."));
  gtk_box_append (GTK_BOX (self->box), g);
  gtk_box_append (GTK_BOX (self->box), self->map_box);
  g_object_unref (self->map_box);
  build_map (self, map_links ? map_links : links);
  g = vigil_inventory_group (NULL);
  for (guint i = 0; links && i < links->len; i++)
    {
      VigilAssetLink *l = g_ptr_array_index (links, i);
      if (l->from_id == self->asset_id || l->to_id == self->asset_id)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), link_row (self, l));
    }
  gtk_widget_set_visible (g, n_links > 0);
  gtk_box_append (GTK_BOX (self->box), g);

  g = vigil_inventory_group (_("Details"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                             vigil_inventory_text_row (_("Addresses"), vigil_inventory_or_dash (vigil_asset_get_addresses (a))));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                             vigil_inventory_text_row (_("Host name"), vigil_inventory_or_dash (vigil_asset_get_hostname (a))));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                             vigil_inventory_text_row (_("Owner team"), vigil_inventory_or_dash (vigil_asset_get_owner_team_name (a))));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                             vigil_inventory_text_row (_("Location"), vigil_inventory_or_dash (vigil_asset_get_location (a))));
  if (*vigil_asset_get_description (a))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                               vigil_inventory_text_row (_("Description"), vigil_asset_get_description (a)));
  gtk_box_append (GTK_BOX (self->box), g);

  /* documents */
  docs = vigil_store_list_linked_document_ids (self->store, self->asset_id, 0, 0, NULL);
  g = vigil_inventory_group (_("Documents"));
  if (docs == NULL || docs->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (g),
                                           _("No document linked: link one from its details in Documents."));
  for (guint i = 0; docs && i < docs->len; i++)
    {
      g_autoptr(VigilDocument) d = vigil_store_get_document (self->store, g_array_index (docs, gint64, i), NULL);
      GtkWidget *row;
      if (d == NULL)
        continue;
      row = vigil_inventory_text_row (vigil_document_get_title (d), vigil_document_get_kind (d));
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "x-office-document-symbolic");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "document-id", GSIZE_TO_POINTER ((gsize) vigil_document_get_id (d)));
      g_signal_connect (row, "activated", G_CALLBACK (on_doc_row_activated), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
    }
  gtk_box_append (GTK_BOX (self->box), g);

  /* incidents and alerts */
  events = vigil_store_list_asset_events (self->store, self->asset_id, NULL);
  g = vigil_inventory_group (_("Incidents and Alerts"));
  if (events == NULL || events->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (g), _("Nothing has touched this asset."));
  for (guint i = 0; events && i < events->len && i < 30; i++)
    {
      VigilAssetEvent *e = g_ptr_array_index (events, i);
      g_autofree char *title = g_strdup_printf ("%s %s", e->ref, e->title);
      g_autofree char *sub = g_strdup_printf ("%s · %s · %s", vigil_inventory_or_dash (e->severity), e->state,
                                              vigil_inventory_or_dash (e->at));
      GtkWidget *row = vigil_inventory_text_row (title, sub);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), g_str_equal (e->kind, "incident")
                                                          ? "dialog-warning-symbolic" : "mail-unread-symbolic");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
    }
  gtk_box_append (GTK_BOX (self->box), g);
}

/* Actions -------------------------------------------------------------------------------- */

static void
show_problem (VigilAssetDetail *self,
              const GError     *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), toast);
}

GtkWidget *
vigil_asset_detail_add_dependency (VigilAssetDetail *self)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_val_if_fail (VIGIL_IS_ASSET_DETAIL (self), NULL);

  if (self->store == NULL || self->asset_id <= 0)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = vigil_asset_link_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                        self->asset_id);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
action_add_dependency (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  vigil_asset_detail_add_dependency (VIGIL_ASSET_DETAIL (widget));
}

static void
action_remove_dependency (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  VigilAssetDetail *self = VIGIL_ASSET_DETAIL (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilAsset) from = NULL;
  g_autoptr(VigilAsset) to = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  const char *kind, *note;
  gint64 from_id, to_id;
  AdwToast *toast;

  g_variant_get (parameter, "(xx&s&s)", &from_id, &to_id, &kind, &note);
  from = vigil_store_get_asset (self->store, from_id, NULL);
  to = vigil_store_get_asset (self->store, to_id, NULL);
  if (!vigil_store_unlink_assets (self->store, from_id, to_id, kind, &error))
    {
      show_problem (self, error);
      return;
    }
  message = g_strdup_printf (g_str_equal (kind, VIGIL_ASSET_HOSTED_ON) ? _("“%s” is no longer hosted on “%s”")
                             : g_str_equal (kind, VIGIL_ASSET_CONNECTS_TO) ? _("“%s” no longer connects to “%s”")
                             : _("“%s” no longer depends on “%s”"),
                             from ? vigil_asset_get_name (from) : "?", to ? vigil_asset_get_name (to) : "?");
  /* toast titles are markup */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "asset.restore-dependency");
  adw_toast_set_action_target_value (toast, parameter);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), toast);
}

static void
action_restore_dependency (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  VigilAssetDetail *self = VIGIL_ASSET_DETAIL (widget);
  g_autoptr(GError) error = NULL;
  const char *kind, *note;
  gint64 from_id, to_id;

  g_variant_get (parameter, "(xx&s&s)", &from_id, &to_id, &kind, &note);
  if (!vigil_store_add_asset_link (self->store, from_id, to_id, kind, note, &error))
    show_problem (self, error);
}

/* Public ------------------------------------------------------------------------------------ */

void
vigil_asset_detail_set_store (VigilAssetDetail *self,
                              VigilStore       *store)
{
  g_return_if_fail (VIGIL_IS_ASSET_DETAIL (self));
  g_return_if_fail (store == NULL || VIGIL_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  self->asset_id = 0;
  vigil_asset_detail_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gint64
vigil_asset_detail_get_asset_id (VigilAssetDetail *self)
{
  g_return_val_if_fail (VIGIL_IS_ASSET_DETAIL (self), 0);
  return self->asset_id;
}

void
vigil_asset_detail_set_asset_id (VigilAssetDetail *self,
                                 gint64            asset_id)
{
  g_return_if_fail (VIGIL_IS_ASSET_DETAIL (self));

  if (self->asset_id == asset_id)
    return;
  self->asset_id = asset_id;
  vigil_asset_detail_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSET_ID]);
}

GtkWidget *
vigil_asset_detail_get_map (VigilAssetDetail *self)
{
  g_return_val_if_fail (VIGIL_IS_ASSET_DETAIL (self), NULL);
  return self->map;
}

/* GObject ------------------------------------------------------------------------------------ */

static void
vigil_asset_detail_dispose (GObject *object)
{
  VigilAssetDetail *self = VIGIL_ASSET_DETAIL (object);

  g_cancellable_cancel (self->map_cancellable);
  g_clear_object (&self->map_cancellable);
  g_clear_object (&self->map_box);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_ASSET_DETAIL);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (vigil_asset_detail_parent_class)->dispose (object);
}

static void
vigil_asset_detail_finalize (GObject *object)
{
  VigilAssetDetail *self = VIGIL_ASSET_DETAIL (object);

  g_array_unref (self->map_ids);
  G_OBJECT_CLASS (vigil_asset_detail_parent_class)->finalize (object);
}

static void
vigil_asset_detail_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VigilAssetDetail *self = VIGIL_ASSET_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ASSET_ID:
      g_value_set_int64 (value, self->asset_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_asset_detail_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VigilAssetDetail *self = VIGIL_ASSET_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      vigil_asset_detail_set_store (self, g_value_get_object (value));
      break;
    case PROP_ASSET_ID:
      vigil_asset_detail_set_asset_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_asset_detail_class_init (VigilAssetDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_asset_detail_dispose;
  object_class->finalize = vigil_asset_detail_finalize;
  object_class->get_property = vigil_asset_detail_get_property;
  object_class->set_property = vigil_asset_detail_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VIGIL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSET_ID] =
    g_param_spec_int64 ("asset-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* an asset of the map or of the dependency list, a document, activated */
  signals[ASSET_ACTIVATED] =
    g_signal_new ("asset-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DOCUMENT_ACTIVATED] =
    g_signal_new ("document-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vigilsoc/Vigil/inventory/vigil-asset-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilAssetDetail, toasts);
  gtk_widget_class_bind_template_child (widget_class, VigilAssetDetail, box);

  gtk_widget_class_install_action (widget_class, "asset.add-dependency", NULL, action_add_dependency);
  gtk_widget_class_install_action (widget_class, "asset.remove-dependency", "(xxss)", action_remove_dependency);
  gtk_widget_class_install_action (widget_class, "asset.restore-dependency", "(xxss)", action_restore_dependency);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vigil_asset_detail_init (VigilAssetDetail *self)
{
  GtkWidget *scroller, *legend;
  static const struct { const char *kind, *label, *color; } kinds[] = {
    { "low", N_("Low"), "#2ec27e" }, { "medium", N_("Medium"), "#3584e4" },
    { "high", N_("High"), "#e66100" }, { "critical", N_("Critical"), "#c01c28" },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->map_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->map = vigil_graph_view_new ();
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    vigil_graph_view_add_kind (VIGIL_GRAPH_VIEW (self->map), kinds[i].kind, _(kinds[i].label), kinds[i].color);
  g_signal_connect (self->map, "node-activated", G_CALLBACK (on_map_node_activated), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->map), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Dependency map"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->map);
  gtk_widget_set_size_request (scroller, -1, 240);
  gtk_widget_add_css_class (scroller, "card");
  legend = vigil_graph_view_create_legend (VIGIL_GRAPH_VIEW (self->map));
  self->map_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (self->map_box), scroller);
  gtk_box_append (GTK_BOX (self->map_box), legend);
  g_object_ref_sink (self->map_box);

  vigil_asset_detail_refresh (self);
}
