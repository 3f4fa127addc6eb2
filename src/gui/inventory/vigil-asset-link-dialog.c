/* vigil-asset-link-dialog.c — adding a dependency to an asset
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A relation (depends on, hosted on, connects to, or the reverse of the
 * first two), a search over the assets (the same SQL filter as the
 * inventory's list), and the store's rules checked as the choice changes:
 * the reason a link cannot be added is shown under the list and the Add
 * button stays off.  Everything works from the keyboard: type to search,
 * Up and Down to choose, Enter to add, Escape to cancel.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-asset-link-dialog.h"
#include "vigil-inventory-util.h"
#include "vigil-store-assets.h"

struct _VigilAssetLinkDialog
{
  AdwWindow           parent_instance;

  VigilStore         *store;
  gint64              asset_id;
  char               *asset_name;
  VigilRecordList    *assets;
  GtkSingleSelection *selection;
  char               *problem_text;

  /* template */
  GtkWidget          *kind_row;
  GtkWidget          *note_row;
  GtkWidget          *search_entry;
  GtkWidget          *list;
  GtkWidget          *summary;
  GtkWidget          *problem;
  GtkWidget          *add_button;
};

G_DEFINE_FINAL_TYPE (VigilAssetLinkDialog, vigil_asset_link_dialog, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_STORE, PROP_ASSET_ID, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *label;
  const char *kind;
  gboolean    reverse;  /* the other asset is the link's "from" */
} relations[VIGIL_N_ASSET_LINKS] = {
  [VIGIL_ASSET_LINK_DEPENDS_ON] = { N_("Depends on"), VIGIL_ASSET_DEPENDS_ON, FALSE },
  [VIGIL_ASSET_LINK_HOSTED_ON] = { N_("Is hosted on"), VIGIL_ASSET_HOSTED_ON, FALSE },
  [VIGIL_ASSET_LINK_CONNECTS_TO] = { N_("Connects to"), VIGIL_ASSET_CONNECTS_TO, FALSE },
  [VIGIL_ASSET_LINK_NEEDED_BY] = { N_("Is needed by"), VIGIL_ASSET_DEPENDS_ON, TRUE },
  [VIGIL_ASSET_LINK_HOSTS] = { N_("Hosts"), VIGIL_ASSET_HOSTED_ON, TRUE },
};

static GObject *
load_asset (gpointer user_data,
            gint64   id)
{
  return (GObject *) vigil_store_get_asset (VIGIL_STORE (user_data), id, NULL);
}

/* The rows ---------------------------------------------------------------------------- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  VigilAsset *a = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  g_autoptr(GString) text = g_string_new (vigil_asset_get_kind (a));

  if (*vigil_asset_get_addresses (a))
    g_string_append_printf (text, " · %s", vigil_asset_get_addresses (a));
  if (vigil_asset_get_owner_team_name (a) && *vigil_asset_get_owner_team_name (a))
    g_string_append_printf (text, " · %s", vigil_asset_get_owner_team_name (a));
  /* plain text: names with markup characters show literally */
  gtk_label_set_text (GTK_LABEL (name), vigil_asset_get_name (a));
  gtk_label_set_text (GTK_LABEL (detail), text->str);
}

/* Checking the choice ----------------------------------------------------------------- */

static void
set_problem (VigilAssetLinkDialog *self,
             const char           *text)
{
  g_free (self->problem_text);
  self->problem_text = g_strdup (text);
  gtk_label_set_text (GTK_LABEL (self->problem), text ? text : "");
  gtk_widget_set_visible (self->problem, text != NULL);
}

/* The link the dialog would add: FALSE when no asset is chosen. */
static gboolean
chosen_link (VigilAssetLinkDialog  *self,
             gint64                *from_id,
             gint64                *to_id,
             const char           **kind,
             VigilAsset           **other)
{
  guint relation = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row));
  VigilAsset *a = gtk_single_selection_get_selected_item (self->selection);

  if (a == NULL || relation >= VIGIL_N_ASSET_LINKS)
    return FALSE;
  *from_id = relations[relation].reverse ? vigil_asset_get_id (a) : self->asset_id;
  *to_id = relations[relation].reverse ? self->asset_id : vigil_asset_get_id (a);
  *kind = relations[relation].kind;
  if (other)
    *other = a;
  return TRUE;
}

static void
update (VigilAssetLinkDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint relation = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row));
  gint64 from_id, to_id;
  const char *kind;
  VigilAsset *other = NULL;
  gboolean ok;

  if (self->store == NULL || !chosen_link (self, &from_id, &to_id, &kind, &other))
    {
      guint n = self->assets ? g_list_model_get_n_items (G_LIST_MODEL (self->assets)) : 0;
      gtk_label_set_text (GTK_LABEL (self->summary),
                          n == 0 ? _("No asset matches the search.")
                                 : _("Choose the other asset in the list."));
      set_problem (self, NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "link-dialog.add", FALSE);
      return;
    }

  ok = vigil_store_check_asset_link (self->store, from_id, to_id, kind, &error);
  if (ok)
    {
      const char *from = relations[relation].reverse ? vigil_asset_get_name (other) : self->asset_name;
      const char *to = relations[relation].reverse ? self->asset_name : vigil_asset_get_name (other);
      g_autofree char *text = g_str_equal (kind, VIGIL_ASSET_HOSTED_ON)
                              ? g_strdup_printf (_("“%s” will be recorded as hosted on “%s”."), from, to)
                              : g_str_equal (kind, VIGIL_ASSET_CONNECTS_TO)
                              ? g_strdup_printf (_("“%s” will be recorded as connecting to “%s”."), from, to)
                              : g_strdup_printf (_("“%s” will depend on “%s”."), from, to);
      gtk_label_set_text (GTK_LABEL (self->summary), text);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->summary), "");
  set_problem (self, ok ? NULL : error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "link-dialog.add", ok);
}

static void
reload (VigilAssetLinkDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  if (self->store == NULL)
    return;
  ids = vigil_store_list_asset_ids (self->store, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                    VIGIL_ASSET_SORT_NAME, FALSE, &error);
  if (ids == NULL)
    {
      set_problem (self, error->message);
      return;
    }
  vigil_inventory_set_ids (self->assets, (const gint64 *) (gpointer) ids->data, ids->len);
  /* the first match is chosen, so that Enter adds it */
  if (ids->len > 0 && gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
  update (self);
}

/* Callbacks ----------------------------------------------------------------------------- */

static void
on_search_changed (VigilAssetLinkDialog *self)
{
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  reload (self);
}

static void
on_kind_changed (VigilAssetLinkDialog *self)
{
  update (self);
}

static void
on_search_activated (VigilAssetLinkDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "link-dialog.add", NULL);
}

static void
on_note_activated (VigilAssetLinkDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "link-dialog.add", NULL);
}

static void
on_list_activated (VigilAssetLinkDialog *self,
                   guint                 position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "link-dialog.add", NULL);
}

static void
on_selected (VigilAssetLinkDialog *self)
{
  update (self);
}

/* Up and Down in the search entry move the choice, the entry keeps the focus */
static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       VigilAssetLinkDialog  *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint pos = gtk_single_selection_get_selected (self->selection);
  guint next;

  if (n == 0 || (keyval != GDK_KEY_Down && keyval != GDK_KEY_Up
                 && keyval != GDK_KEY_Page_Down && keyval != GDK_KEY_Page_Up))
    return GDK_EVENT_PROPAGATE;
  if (pos == GTK_INVALID_LIST_POSITION)
    next = 0;
  else if (keyval == GDK_KEY_Down)
    next = MIN (pos + 1, n - 1);
  else if (keyval == GDK_KEY_Page_Down)
    next = MIN (pos + 10, n - 1);
  else if (keyval == GDK_KEY_Up)
    next = pos > 0 ? pos - 1 : 0;
  else
    next = pos > 10 ? pos - 10 : 0;
  gtk_single_selection_set_selected (self->selection, next);
  gtk_widget_activate_action (self->list, "list.scroll-to-item", "u", next);
  return GDK_EVENT_STOP;
}

static void
action_add (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  VigilAssetLinkDialog *self = VIGIL_ASSET_LINK_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  gint64 from_id, to_id;
  const char *kind;

  if (self->store == NULL || !chosen_link (self, &from_id, &to_id, &kind, NULL))
    return;
  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  if (!vigil_store_add_asset_link (self->store, from_id, to_id, kind, note, &error))
    {
      /* changed since it was checked (another window, another process) */
      set_problem (self, error->message);
      gtk_widget_action_set_enabled (widget, "link-dialog.add", FALSE);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

/* Public ---------------------------------------------------------------------------------- */

GtkWidget *
vigil_asset_link_dialog_new (GtkWindow  *parent,
                             VigilStore *store,
                             gint64      asset_id)
{
  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  return g_object_new (VIGIL_TYPE_ASSET_LINK_DIALOG, "transient-for", parent, "store", store,
                       "asset-id", asset_id, NULL);
}

void
vigil_asset_link_dialog_set_relation (VigilAssetLinkDialog   *self,
                                      VigilAssetLinkRelation  relation)
{
  g_return_if_fail (VIGIL_IS_ASSET_LINK_DIALOG (self));
  g_return_if_fail (relation < VIGIL_N_ASSET_LINKS);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind_row), relation);
}

void
vigil_asset_link_dialog_set_search (VigilAssetLinkDialog *self,
                                    const char           *text)
{
  g_return_if_fail (VIGIL_IS_ASSET_LINK_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  on_search_changed (self);
}

GListModel *
vigil_asset_link_dialog_get_model (VigilAssetLinkDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_ASSET_LINK_DIALOG (self), NULL);
  return G_LIST_MODEL (self->selection);
}

gboolean
vigil_asset_link_dialog_select (VigilAssetLinkDialog *self,
                                gint64                asset_id)
{
  int position;

  g_return_val_if_fail (VIGIL_IS_ASSET_LINK_DIALOG (self), FALSE);
  position = vigil_record_list_find (self->assets, asset_id);
  if (position < 0)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, (guint) position);
  return TRUE;
}

const char *
vigil_asset_link_dialog_get_problem (VigilAssetLinkDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_ASSET_LINK_DIALOG (self), NULL);
  return self->problem_text;
}

/* GObject ---------------------------------------------------------------------------------- */

static void
vigil_asset_link_dialog_constructed (GObject *object)
{
  VigilAssetLinkDialog *self = VIGIL_ASSET_LINK_DIALOG (object);

  G_OBJECT_CLASS (vigil_asset_link_dialog_parent_class)->constructed (object);

  if (self->store != NULL)
    {
      g_autoptr(VigilAsset) asset = vigil_store_get_asset (self->store, self->asset_id, NULL);
      g_autofree char *title = NULL;

      self->asset_name = g_strdup (asset ? vigil_asset_get_name (asset) : "");
      self->assets = vigil_record_list_new (VIGIL_TYPE_ASSET, load_asset, g_object_ref (self->store),
                                            g_object_unref);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->assets));
      /* plain text in the title */
      title = g_strdup_printf (_("Add a Dependency to “%s”"), self->asset_name);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  reload (self);
}

static void
vigil_asset_link_dialog_dispose (GObject *object)
{
  VigilAssetLinkDialog *self = VIGIL_ASSET_LINK_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_ASSET_LINK_DIALOG);
  g_clear_object (&self->selection);
  g_clear_object (&self->assets);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (vigil_asset_link_dialog_parent_class)->dispose (object);
}

static void
vigil_asset_link_dialog_finalize (GObject *object)
{
  VigilAssetLinkDialog *self = VIGIL_ASSET_LINK_DIALOG (object);

  g_free (self->asset_name);
  g_free (self->problem_text);
  G_OBJECT_CLASS (vigil_asset_link_dialog_parent_class)->finalize (object);
}

static void
vigil_asset_link_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  VigilAssetLinkDialog *self = VIGIL_ASSET_LINK_DIALOG (object);

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
vigil_asset_link_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  VigilAssetLinkDialog *self = VIGIL_ASSET_LINK_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ASSET_ID:
      self->asset_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_asset_link_dialog_class_init (VigilAssetLinkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vigil_asset_link_dialog_constructed;
  object_class->dispose = vigil_asset_link_dialog_dispose;
  object_class->finalize = vigil_asset_link_dialog_finalize;
  object_class->get_property = vigil_asset_link_dialog_get_property;
  object_class->set_property = vigil_asset_link_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VIGIL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSET_ID] =
    g_param_spec_int64 ("asset-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vigilsoc/Vigil/inventory/vigil-asset-link-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilAssetLinkDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAssetLinkDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAssetLinkDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilAssetLinkDialog, list);
  gtk_widget_class_bind_template_child (widget_class, VigilAssetLinkDialog, summary);
  gtk_widget_class_bind_template_child (widget_class, VigilAssetLinkDialog, problem);
  gtk_widget_class_bind_template_child (widget_class, VigilAssetLinkDialog, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_note_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activated);

  gtk_widget_class_install_action (widget_class, "link-dialog.add", NULL, action_add);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vigil_asset_link_dialog_init (VigilAssetLinkDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < VIGIL_N_ASSET_LINKS; i++)
    gtk_string_list_append (kinds, _(relations[i].label));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->kind_row), G_LIST_MODEL (kinds));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selected), self);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (GTK_LIST_VIEW (self->list), factory);
  g_object_unref (factory);
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list), GTK_SELECTION_MODEL (self->selection));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
  gtk_widget_add_controller (self->search_entry, keys);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "link-dialog.add", FALSE);
  gtk_widget_grab_focus (self->search_entry);
}
