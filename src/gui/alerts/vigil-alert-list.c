/* vigil-alert-list.c — a lazy, SQL-backed list of alert groups
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-alert-list.h"

#define FIRST_WINDOW 256   /* ids read with the count: what GtkListView builds at first (~220) */
#define ROW_PAGE     32    /* rows read per query when the view asks for one */
#define MAX_CACHED   2048  /* rows kept; past that the cache starts over */

struct _VigilAlertList
{
  GObject           parent_instance;

  VigilStore       *store;
  VigilAlertFilter  filter;    /* strings owned */
  guint             n_items;   /* the count */
  GArray           *ids;       /* gint64: the first ids in order, as read so far */
  GHashTable       *rows;      /* id → VigilAlert */
  guint             n_loaded;
};

static void vigil_alert_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigilAlertList, vigil_alert_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vigil_alert_list_model_init))

static void
clear_filter (VigilAlertFilter *filter)
{
  g_free ((char *) filter->status);
  g_free ((char *) filter->source);
  g_free ((char *) filter->min_severity);
  g_free ((char *) filter->text);
  memset (filter, 0, sizeof *filter);
}

/* Reads ids up to `position` (and a window past it). */
static gboolean
ensure_ids (VigilAlertList *self,
            guint           position)
{
  g_autoptr(GArray) more = NULL;
  VigilAlertFilter window;

  if (position < self->ids->len)
    return TRUE;
  if (self->store == NULL || position >= self->n_items)
    return FALSE;
  window = self->filter;
  window.offset = self->ids->len;
  /* grow geometrically: scrolling to the end costs a few queries, not one per page */
  window.limit = MAX (position + 1 + FIRST_WINDOW, self->ids->len * 2) - self->ids->len;
  more = vigil_store_list_alert_ids (self->store, &window, NULL);
  if (more == NULL || more->len == 0)
    return FALSE;
  g_array_append_vals (self->ids, more->data, more->len);
  return position < self->ids->len;
}

static void
load_rows (VigilAlertList *self,
           guint           position)
{
  guint start = position - position % ROW_PAGE;
  guint end;
  g_autoptr(GPtrArray) rows = NULL;

  ensure_ids (self, MIN (start + ROW_PAGE, self->n_items) - 1);
  end = MIN (start + ROW_PAGE, self->ids->len);
  if (start >= end)
    return;
  if (g_hash_table_size (self->rows) > MAX_CACHED)
    g_hash_table_remove_all (self->rows);
  rows = vigil_store_get_alert_rows (self->store, &g_array_index (self->ids, gint64, start),
                                     end - start, NULL);
  if (rows == NULL)
    return;
  self->n_loaded += rows->len;
  for (guint i = 0; i < rows->len; i++)
    {
      VigilAlert *alert = rows->pdata[i];
      gint64 *key = g_new (gint64, 1);
      *key = vigil_alert_get_id (alert);
      g_hash_table_replace (self->rows, key, g_object_ref (alert));
    }
}

static GType
vigil_alert_list_get_item_type (GListModel *model)
{
  return VIGIL_TYPE_ALERT;
}

static guint
vigil_alert_list_get_n_items (GListModel *model)
{
  return VIGIL_ALERT_LIST (model)->n_items;
}

static gpointer
vigil_alert_list_get_item (GListModel *model,
                           guint       position)
{
  VigilAlertList *self = VIGIL_ALERT_LIST (model);
  VigilAlert *alert;
  gint64 id;

  if (position >= self->n_items)
    return NULL;
  id = vigil_alert_list_get_id (self, position);
  alert = id > 0 ? g_hash_table_lookup (self->rows, &id) : NULL;
  if (alert == NULL && id > 0)
    {
      load_rows (self, position);
      alert = g_hash_table_lookup (self->rows, &id);
    }
  /* gone since the count (the store's `changed` refreshes the list soon):
   * an empty row rather than a hole in the model */
  return alert ? g_object_ref (alert) : vigil_alert_new (0);
}

static void
vigil_alert_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vigil_alert_list_get_item_type;
  iface->get_n_items = vigil_alert_list_get_n_items;
  iface->get_item = vigil_alert_list_get_item;
}

static void
vigil_alert_list_finalize (GObject *object)
{
  VigilAlertList *self = VIGIL_ALERT_LIST (object);

  g_clear_object (&self->store);
  clear_filter (&self->filter);
  g_array_unref (self->ids);
  g_hash_table_unref (self->rows);
  G_OBJECT_CLASS (vigil_alert_list_parent_class)->finalize (object);
}

static void
vigil_alert_list_class_init (VigilAlertListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vigil_alert_list_finalize;
}

static void
vigil_alert_list_init (VigilAlertList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

VigilAlertList *
vigil_alert_list_new (void)
{
  return g_object_new (VIGIL_TYPE_ALERT_LIST, NULL);
}

gboolean
vigil_alert_list_set_filter (VigilAlertList          *self,
                             VigilStore              *store,
                             const VigilAlertFilter  *filter,
                             GError                 **error)
{
  VigilAlertFilter none = { 0 };
  guint old = self->n_items;
  gint64 n = 0;

  g_return_val_if_fail (VIGIL_IS_ALERT_LIST (self), FALSE);
  if (filter == NULL)
    filter = &none;

  g_set_object (&self->store, store);
  clear_filter (&self->filter);
  self->filter.status = g_strdup (filter->status);
  self->filter.source = g_strdup (filter->source);
  self->filter.min_severity = g_strdup (filter->min_severity);
  self->filter.text = g_strdup (filter->text);
  g_array_set_size (self->ids, 0);
  g_hash_table_remove_all (self->rows);

  if (store != NULL)
    n = vigil_store_count_filtered_alerts (store, &self->filter, error);
  self->n_items = n > 0 ? (guint) n : 0;
  if (self->n_items > 0)
    ensure_ids (self, MIN (FIRST_WINDOW, self->n_items) - 1);
  if (old > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
  return n >= 0;
}

gint64
vigil_alert_list_get_id (VigilAlertList *self,
                         guint           position)
{
  g_return_val_if_fail (VIGIL_IS_ALERT_LIST (self), 0);
  if (!ensure_ids (self, position))
    return 0;
  return g_array_index (self->ids, gint64, position);
}

int
vigil_alert_list_find (VigilAlertList *self,
                       gint64          id)
{
  g_return_val_if_fail (VIGIL_IS_ALERT_LIST (self), -1);
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return (int) i;
  return -1;
}

guint
vigil_alert_list_get_n_loaded (VigilAlertList *self)
{
  g_return_val_if_fail (VIGIL_IS_ALERT_LIST (self), 0);
  return self->n_loaded;
}
