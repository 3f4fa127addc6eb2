/* vigil-record-list.c — a lazy GListModel over record ids
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-record-list.h"

#define CACHE_LIMIT 512

struct _VigilRecordList
{
  GObject            parent_instance;
  GType              item_type;
  VigilRecordLoader  loader;
  gpointer           user_data;
  GDestroyNotify     destroy;
  GArray            *ids;       /* gint64 */
  GHashTable        *cache;     /* id → GObject */
  GHashTable        *positions; /* id → position + 1, built on demand */
  guint              n_built;   /* records built since creation (benchmarks) */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigilRecordList, vigil_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return VIGIL_RECORD_LIST (model)->item_type;
}

static guint
get_n_items (GListModel *model)
{
  return VIGIL_RECORD_LIST (model)->ids->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  VigilRecordList *self = VIGIL_RECORD_LIST (model);
  GObject *item;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  item = g_hash_table_lookup (self->cache, &id);
  if (item != NULL)
    return g_object_ref (item);

  item = self->loader (self->user_data, id);
  if (item == NULL)
    return NULL;
  self->n_built++;

  /* Views hold the records they show; the cache only saves rebuilding them
   * while scrolling back and forth, so dropping it wholesale is fine. */
  if (g_hash_table_size (self->cache) >= CACHE_LIMIT)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, g_memdup2 (&id, sizeof id), g_object_ref (item));
  return item;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
vigil_record_list_finalize (GObject *object)
{
  VigilRecordList *self = (VigilRecordList *)object;

  if (self->destroy)
    self->destroy (self->user_data);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);

  G_OBJECT_CLASS (vigil_record_list_parent_class)->finalize (object);
}

static void
vigil_record_list_class_init (VigilRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vigil_record_list_finalize;
}

static void
vigil_record_list_init (VigilRecordList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

VigilRecordList *
vigil_record_list_new (GType             item_type,
                       VigilRecordLoader loader,
                       gpointer          user_data,
                       GDestroyNotify    destroy)
{
  VigilRecordList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (loader != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_RECORD_LIST, NULL);
  self->item_type = item_type;
  self->loader = loader;
  self->user_data = user_data;
  self->destroy = destroy;
  return self;
}

void
vigil_record_list_set_ids (VigilRecordList *self,
                           const gint64    *ids,
                           guint            n_ids)
{
  guint old_n, prefix = 0, suffix = 0, removed, added;
  const gint64 *old;

  g_return_if_fail (VIGIL_IS_RECORD_LIST (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  old = (const gint64 *) (gpointer) self->ids->data;
  old_n = self->ids->len;

  while (prefix < old_n && prefix < n_ids && old[prefix] == ids[prefix])
    prefix++;
  while (suffix < old_n - prefix && suffix < n_ids - prefix &&
         old[old_n - 1 - suffix] == ids[n_ids - 1 - suffix])
    suffix++;

  removed = old_n - prefix - suffix;
  added = n_ids - prefix - suffix;

  /* A record that left the list is dropped from the cache so that, should
   * it come back, it is built fresh. */
  for (guint i = prefix; i < prefix + removed; i++)
    g_hash_table_remove (self->cache, &old[i]);

  g_array_set_size (self->ids, 0);
  if (n_ids > 0)
    g_array_append_vals (self->ids, ids, n_ids);
  g_clear_pointer (&self->positions, g_hash_table_unref);

  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
}

gint64
vigil_record_list_get_id (VigilRecordList *self,
                          guint            position)
{
  g_return_val_if_fail (VIGIL_IS_RECORD_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}

int
vigil_record_list_find (VigilRecordList *self,
                        gint64           id)
{
  gpointer pos;

  g_return_val_if_fail (VIGIL_IS_RECORD_LIST (self), -1);

  if (self->positions == NULL)
    {
      self->positions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < self->ids->len; i++)
        g_hash_table_insert (self->positions,
                             g_memdup2 (&g_array_index (self->ids, gint64, i), sizeof (gint64)),
                             GUINT_TO_POINTER (i + 1));
    }
  pos = g_hash_table_lookup (self->positions, &id);
  return pos ? (int) GPOINTER_TO_UINT (pos) - 1 : -1;
}

void
vigil_record_list_invalidate (VigilRecordList *self,
                              gint64           id)
{
  int pos;

  g_return_if_fail (VIGIL_IS_RECORD_LIST (self));

  g_hash_table_remove (self->cache, &id);
  pos = vigil_record_list_find (self, id);
  if (pos >= 0)
    g_list_model_items_changed (G_LIST_MODEL (self), (guint) pos, 1, 1);
}

void
vigil_record_list_invalidate_all (VigilRecordList *self)
{
  g_return_if_fail (VIGIL_IS_RECORD_LIST (self));

  g_hash_table_remove_all (self->cache);
  if (self->ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, self->ids->len, self->ids->len);
}

guint
vigil_record_list_get_n_built (VigilRecordList *self)
{
  g_return_val_if_fail (VIGIL_IS_RECORD_LIST (self), 0);
  return self->n_built;
}
