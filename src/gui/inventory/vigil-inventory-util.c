/* vigil-inventory-util.c — small widgets shared by the inventory's panes
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-inventory-util.h"

void
vigil_inventory_clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

GtkWidget *
vigil_inventory_heading (const char *text,
                         const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css)
    gtk_widget_add_css_class (label, css);
  return label;
}

GtkWidget *
vigil_inventory_text_row (const char *title,
                          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *t = g_markup_escape_text (title ? title : "", -1);
  g_autofree char *s = g_markup_escape_text (subtitle ? subtitle : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t);
  if (subtitle && *subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), s);
  return row;
}

GtkWidget *
vigil_inventory_group (const char *title)
{
  GtkWidget *g = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), title);
  return g;
}

const char *
vigil_inventory_or_dash (const char *text)
{
  return text && *text ? text : "—";
}

/* GTK 4.8's list views, when rows they show are replaced by others in one
 * items-changed, look for each removed row's item among all the added ones
 * (to keep their anchor and focus): every added record is built, 20,000 of
 * them when a filter is cleared.  So a replacement is told in two exact
 * steps: the rows that go, then the rows that come, at the same place. */
void
vigil_inventory_set_ids (VigilRecordList *list,
                         const gint64    *ids,
                         guint            n_ids)
{
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint prefix = 0, suffix = 0;

  while (prefix < old_n && prefix < n_ids && vigil_record_list_get_id (list, prefix) == ids[prefix])
    prefix++;
  while (suffix < old_n - prefix && suffix < n_ids - prefix
         && vigil_record_list_get_id (list, old_n - 1 - suffix) == ids[n_ids - 1 - suffix])
    suffix++;
  if (old_n - prefix - suffix > 0 && n_ids - prefix - suffix > 0)
    {
      g_autoptr(GArray) kept = g_array_sized_new (FALSE, FALSE, sizeof (gint64), prefix + suffix);

      for (guint i = 0; i < prefix; i++)
        {
          gint64 id = vigil_record_list_get_id (list, i);
          g_array_append_val (kept, id);
        }
      for (guint i = old_n - suffix; i < old_n; i++)
        {
          gint64 id = vigil_record_list_get_id (list, i);
          g_array_append_val (kept, id);
        }
      vigil_record_list_set_ids (list, (const gint64 *) (gpointer) kept->data, kept->len);
    }
  vigil_record_list_set_ids (list, ids, n_ids);
}
