/* test-record-list.c — the lazy list model: exact items-changed, lazy building
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-test-util.h"

typedef struct
{
  guint position, removed, added, emissions;
} Emission;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Emission   *e)
{
  e->position = position;
  e->removed = removed;
  e->added = added;
  e->emissions++;
}

static guint loads;

static GObject *
load_cb (gpointer user_data,
         gint64   id)
{
  GObject *obj = g_object_new (G_TYPE_OBJECT, NULL);
  loads++;
  g_object_set_data (obj, "id", GINT_TO_POINTER ((int) id));
  return obj;
}

static void
test_record_list_diff (void)
{
  g_autoptr(VigilRecordList) list = vigil_record_list_new (G_TYPE_OBJECT, load_cb, NULL, NULL);
  Emission e = { 0 };
  const gint64 a[] = { 1, 2, 3, 4, 5 };
  const gint64 b[] = { 1, 2, 4, 5 };      /* 3 left */
  const gint64 c[] = { 9, 1, 2, 4, 5 };   /* 9 arrived at the top */
  const gint64 d[] = { 9, 1, 7, 4, 5 };   /* 2 replaced by 7 */

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &e);

  vigil_record_list_set_ids (list, a, G_N_ELEMENTS (a));
  g_assert_cmpuint (e.emissions, ==, 1);
  g_assert_cmpuint (e.position, ==, 0);
  g_assert_cmpuint (e.removed, ==, 0);
  g_assert_cmpuint (e.added, ==, 5);

  vigil_record_list_set_ids (list, b, G_N_ELEMENTS (b));
  g_assert_cmpuint (e.emissions, ==, 2);
  g_assert_cmpuint (e.position, ==, 2);
  g_assert_cmpuint (e.removed, ==, 1);
  g_assert_cmpuint (e.added, ==, 0);

  vigil_record_list_set_ids (list, c, G_N_ELEMENTS (c));
  g_assert_cmpuint (e.emissions, ==, 3);
  g_assert_cmpuint (e.position, ==, 0);
  g_assert_cmpuint (e.removed, ==, 0);
  g_assert_cmpuint (e.added, ==, 1);

  vigil_record_list_set_ids (list, d, G_N_ELEMENTS (d));
  g_assert_cmpuint (e.emissions, ==, 4);
  g_assert_cmpuint (e.position, ==, 2);
  g_assert_cmpuint (e.removed, ==, 1);
  g_assert_cmpuint (e.added, ==, 1);

  /* the same ids again: no emission */
  vigil_record_list_set_ids (list, d, G_N_ELEMENTS (d));
  g_assert_cmpuint (e.emissions, ==, 4);

  g_assert_cmpint (vigil_record_list_find (list, 7), ==, 2);
  g_assert_cmpint (vigil_record_list_find (list, 3), ==, -1);
  vigil_record_list_invalidate (list, 4);
  g_assert_cmpuint (e.emissions, ==, 5);
  g_assert_cmpuint (e.position, ==, 3);
  g_assert_cmpuint (e.removed, ==, 1);
  g_assert_cmpuint (e.added, ==, 1);
}

static void
test_record_list_lazy (void)
{
  g_autoptr(VigilRecordList) list = vigil_record_list_new (G_TYPE_OBJECT, load_cb, NULL, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GObject) item = NULL;
  g_autoptr(GObject) again = NULL;

  for (gint64 i = 1; i <= 100000; i++)
    g_array_append_val (ids, i);

  loads = 0;
  vigil_record_list_set_ids (list, (gint64 *) (gpointer) ids->data, ids->len);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100000);
  g_assert_cmpuint (loads, ==, 0);

  item = g_list_model_get_item (G_LIST_MODEL (list), 4999);
  g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (item, "id")), ==, 5000);
  again = g_list_model_get_item (G_LIST_MODEL (list), 4999);
  g_assert_true (item == again);
  g_assert_cmpuint (loads, ==, 1);
  g_assert_cmpuint (vigil_record_list_get_n_built (list), ==, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 100000));
}

int
main (int   argc,
      char *argv[])
{
  vigil_test_init (&argc, &argv);
  g_test_add_func ("/vigil/record-list/diff", test_record_list_diff);
  g_test_add_func ("/vigil/record-list/lazy", test_record_list_lazy);
  return g_test_run ();
}
