/* vigil-alert-selection.c — a multi-selection whose "select all" covers rows not shown yet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-alert-selection.h"

struct _VigilAlertSelection
{
  GObject            parent_instance;

  GtkMultiSelection *inner;   /* the selection of single rows */
  gboolean           all;     /* every row selected, shown or not */
  gboolean           quiet;   /* do not forward the inner selection's changes */
};

enum
{
  PROP_0,
  PROP_ALL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void vigil_alert_selection_list_init      (GListModelInterface        *iface);
static void vigil_alert_selection_selection_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigilAlertSelection, vigil_alert_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vigil_alert_selection_list_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                      vigil_alert_selection_selection_init))

static guint
n_items (VigilAlertSelection *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->inner));
}

static void
set_all (VigilAlertSelection *self,
         gboolean             all)
{
  if (self->all == all)
    return;
  self->all = all;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALL]);
}

/* ---- GListModel: the wrapped model's rows ------------------------------------- */

static GType
vigil_alert_selection_get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (G_LIST_MODEL (VIGIL_ALERT_SELECTION (model)->inner));
}

static guint
vigil_alert_selection_get_n_items (GListModel *model)
{
  return n_items (VIGIL_ALERT_SELECTION (model));
}

static gpointer
vigil_alert_selection_get_item (GListModel *model,
                                guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (VIGIL_ALERT_SELECTION (model)->inner), position);
}

static void
vigil_alert_selection_list_init (GListModelInterface *iface)
{
  iface->get_item_type = vigil_alert_selection_get_item_type;
  iface->get_n_items = vigil_alert_selection_get_n_items;
  iface->get_item = vigil_alert_selection_get_item;
}

/* ---- GtkSelectionModel ------------------------------------------------------------ */

static gboolean
vigil_alert_selection_is_selected (GtkSelectionModel *model,
                                   guint              position)
{
  VigilAlertSelection *self = VIGIL_ALERT_SELECTION (model);

  if (self->all)
    return position < n_items (self);
  return gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->inner), position);
}

static GtkBitset *
vigil_alert_selection_get_selection_in_range (GtkSelectionModel *model,
                                              guint              position,
                                              guint              n)
{
  VigilAlertSelection *self = VIGIL_ALERT_SELECTION (model);

  if (self->all)
    return gtk_bitset_new_range (0, n_items (self));
  return gtk_selection_model_get_selection_in_range (GTK_SELECTION_MODEL (self->inner),
                                                     position, n);
}

/* select_item, unselect_item, select_range, unselect_range: GTK's defaults,
 * which come here */
static gboolean
vigil_alert_selection_set_selection (GtkSelectionModel *model,
                                     GtkBitset         *selected,
                                     GtkBitset         *mask)
{
  VigilAlertSelection *self = VIGIL_ALERT_SELECTION (model);

  if (self->all)
    {
      /* from "all" to the shown rows, then the change asked for */
      self->quiet = TRUE;
      gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->inner));
      self->quiet = FALSE;
      set_all (self, FALSE);
    }
  return gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->inner), selected, mask);
}

static gboolean
vigil_alert_selection_select_all (GtkSelectionModel *model)
{
  VigilAlertSelection *self = VIGIL_ALERT_SELECTION (model);

  set_all (self, TRUE);
  if (n_items (self) > 0)
    gtk_selection_model_selection_changed (model, 0, n_items (self));
  return TRUE;
}

static gboolean
vigil_alert_selection_unselect_all (GtkSelectionModel *model)
{
  VigilAlertSelection *self = VIGIL_ALERT_SELECTION (model);

  self->quiet = TRUE;
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->inner));
  self->quiet = FALSE;
  set_all (self, FALSE);
  if (n_items (self) > 0)
    gtk_selection_model_selection_changed (model, 0, n_items (self));
  return TRUE;
}

static void
vigil_alert_selection_selection_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = vigil_alert_selection_is_selected;
  iface->get_selection_in_range = vigil_alert_selection_get_selection_in_range;
  iface->set_selection = vigil_alert_selection_set_selection;
  iface->select_all = vigil_alert_selection_select_all;
  iface->unselect_all = vigil_alert_selection_unselect_all;
}

/* ---- The inner selection's signals ------------------------------------------------- */

static void
on_items_changed (GListModel          *inner,
                  guint                position,
                  guint                removed,
                  guint                added,
                  VigilAlertSelection *self)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
on_selection_changed (GtkSelectionModel   *inner,
                      guint                position,
                      guint                n,
                      VigilAlertSelection *self)
{
  if (!self->quiet && !self->all)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position, n);
}

/* ---- GObject ---------------------------------------------------------------------- */

static void
vigil_alert_selection_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VigilAlertSelection *self = VIGIL_ALERT_SELECTION (object);

  switch (prop_id)
    {
    case PROP_ALL:
      g_value_set_boolean (value, self->all);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_alert_selection_dispose (GObject *object)
{
  VigilAlertSelection *self = VIGIL_ALERT_SELECTION (object);

  if (self->inner != NULL)
    g_signal_handlers_disconnect_by_data (self->inner, self);
  g_clear_object (&self->inner);
  G_OBJECT_CLASS (vigil_alert_selection_parent_class)->dispose (object);
}

static void
vigil_alert_selection_class_init (VigilAlertSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigil_alert_selection_dispose;
  object_class->get_property = vigil_alert_selection_get_property;

  properties[PROP_ALL] =
    g_param_spec_boolean ("all", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_alert_selection_init (VigilAlertSelection *self)
{
}

VigilAlertSelection *
vigil_alert_selection_new (GListModel *model)
{
  VigilAlertSelection *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  self = g_object_new (VIGIL_TYPE_ALERT_SELECTION, NULL);
  self->inner = gtk_multi_selection_new (g_object_ref (model));
  g_signal_connect (self->inner, "items-changed", G_CALLBACK (on_items_changed), self);
  g_signal_connect (self->inner, "selection-changed", G_CALLBACK (on_selection_changed), self);
  return self;
}

gboolean
vigil_alert_selection_get_all (VigilAlertSelection *self)
{
  g_return_val_if_fail (VIGIL_IS_ALERT_SELECTION (self), FALSE);
  return self->all;
}
