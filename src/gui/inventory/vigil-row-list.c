/* vigil-row-list.c — a list model whose rows keep their place, for GTK 4.8
 * list views over lists that change a lot
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's list views destroy the widgets of every shown row that an
 * items-changed removes and create new ones for the rows it adds: a filter
 * keystroke that replaces the 200 rows a column view of 10 columns keeps
 * costs 2,000 new cells, about a second on our machines.  This model puts a
 * VigilRow at each place of its source and, when the source changes, gives
 * the rows that are shown their new item ("notify::item", the cells
 * rebind) and tells the view only that the number of rows changed.  Rows
 * nobody shows are dropped, so memory follows what is on screen.
 */
#include "config.h"

#include "vigil-row-list.h"

/* VigilRow ------------------------------------------------------------------------------ */

struct _VigilRow
{
  GObject  parent_instance;
  GObject *item;
};

G_DEFINE_FINAL_TYPE (VigilRow, vigil_row, G_TYPE_OBJECT)

enum { ROW_PROP_0, ROW_PROP_ITEM, ROW_N_PROPS };
static GParamSpec *row_properties[ROW_N_PROPS];

static void
vigil_row_dispose (GObject *object)
{
  g_clear_object (&VIGIL_ROW (object)->item);
  G_OBJECT_CLASS (vigil_row_parent_class)->dispose (object);
}

static void
vigil_row_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  switch (prop_id)
    {
    case ROW_PROP_ITEM:
      g_value_set_object (value, VIGIL_ROW (object)->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_row_class_init (VigilRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigil_row_dispose;
  object_class->get_property = vigil_row_get_property;
  row_properties[ROW_PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
vigil_row_init (VigilRow *self)
{
}

gpointer
vigil_row_get_item (VigilRow *self)
{
  g_return_val_if_fail (VIGIL_IS_ROW (self), NULL);
  return self->item;
}

static void
row_set_item (VigilRow *self,
              GObject  *item)  /* owned */
{
  if (self->item == item)
    {
      g_clear_object (&item);
      return;
    }
  g_clear_object (&self->item);
  self->item = item;
  g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_ITEM]);
}

/* VigilRowList --------------------------------------------------------------------------- */

#define SWEEP_AT 1024

struct _VigilRowList
{
  GObject     parent_instance;
  GListModel *source;
  GPtrArray  *rows;     /* VigilRow or NULL, one per place */
  guint       n_rows;   /* non-NULL in rows */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigilRowList, vigil_row_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return VIGIL_TYPE_ROW;
}

static guint
get_n_items (GListModel *model)
{
  return VIGIL_ROW_LIST (model)->rows->len;
}

static void
row_free (gpointer row)
{
  if (row != NULL)
    g_object_unref (row);
}

/* Drops the rows only this list holds: nobody shows them. */
static void
sweep (VigilRowList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->rows, i);
      if (row != NULL && row->ref_count == 1)
        {
          g_object_unref (row);
          g_ptr_array_index (self->rows, i) = NULL;
          self->n_rows--;
        }
    }
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  VigilRowList *self = VIGIL_ROW_LIST (model);
  VigilRow *row;

  if (position >= self->rows->len)
    return NULL;
  row = g_ptr_array_index (self->rows, position);
  if (row == NULL)
    {
      if (self->n_rows >= SWEEP_AT)
        sweep (self);
      row = g_object_new (VIGIL_TYPE_ROW, NULL);
      row->item = g_list_model_get_item (self->source, position);
      g_ptr_array_index (self->rows, position) = row;
      self->n_rows++;
    }
  return g_object_ref (row);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
source_items_changed_cb (GListModel   *source,
                         guint         position,
                         guint         removed,
                         guint         added,
                         VigilRowList *self)
{
  guint old_n = self->rows->len;
  guint new_n = old_n - removed + added;

  sweep (self);
  /* the places that stay keep their rows; from `position` on, a shown row
   * takes the item now at its place */
  for (guint i = new_n; i < old_n; i++)
    if (g_ptr_array_index (self->rows, i) != NULL)
      self->n_rows--;
  g_ptr_array_set_size (self->rows, new_n);  /* new places are NULL */
  for (guint i = position; i < MIN (old_n, new_n); i++)
    {
      VigilRow *row = g_ptr_array_index (self->rows, i);
      if (row != NULL)
        row_set_item (row, g_list_model_get_item (source, i));
    }
  if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  else if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
}

static void
vigil_row_list_dispose (GObject *object)
{
  VigilRowList *self = VIGIL_ROW_LIST (object);

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_func (self->source, source_items_changed_cb, self);
  g_clear_object (&self->source);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (vigil_row_list_parent_class)->dispose (object);
}

static void
vigil_row_list_class_init (VigilRowListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vigil_row_list_dispose;
}

static void
vigil_row_list_init (VigilRowList *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_free);
}

VigilRowList *
vigil_row_list_new (GListModel *source)
{
  VigilRowList *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);

  self = g_object_new (VIGIL_TYPE_ROW_LIST, NULL);
  self->source = g_object_ref (source);
  g_ptr_array_set_size (self->rows, g_list_model_get_n_items (source));
  g_signal_connect (source, "items-changed", G_CALLBACK (source_items_changed_cb), self);
  return self;
}
