/* vigil-org-page-card.c — the Organization page's person card and its list of people
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card shows the selected person: contacts, manager, the systems they
 * are the contact for and the open incidents that involve them.
 *
 * The list shows the people of the chart, top of the organisation first,
 * each as one row whose text is the card's spoken description: the chart's
 * accessible alternative (its cards are drawn, not widgets), built only
 * while the list is shown.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vigil-org-chart.h"
#include "vigil-org-page-private.h"

/* ---- the side card -------------------------------------------------------- */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* AdwPreferencesRow titles are markup: escape what the user typed */
  g_autofree char *t = g_markup_escape_text (title ? title : "", -1);
  g_autofree char *s = subtitle ? g_markup_escape_text (subtitle, -1) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t);
  if (s != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), s);
  gtk_list_box_append (list, row);
}

void
vigil_org_page_update_card (VigilOrgPage *self)
{
  gint64 id = vigil_org_page_get_selected_person (self);
  VigilPerson *p = id > 0 ? vigil_org_page_person_by_id (self, id) : NULL;
  g_autoptr(GPtrArray) systems = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autofree char *team = NULL;
  VigilPerson *manager;

  gtk_revealer_set_reveal_child (self->card_revealer, p != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "org.focus", p != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "org.toggle-collapse", p != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "org.edit-person", p != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "org.edit-team", p != NULL && p->team_id > 0);
  if (p == NULL)
    return;

  gtk_label_set_text (self->card_name, p->name);
  gtk_label_set_text (self->card_title, p->title ? p->title : "");
  team = g_strdup_printf ("%s · %s", p->team_name ? p->team_name : _("No team"),
                          vigil_org_kind_label (p->team_kind));
  gtk_label_set_text (self->card_team, team);
  gtk_widget_set_visible (GTK_WIDGET (self->card_oncall), p->on_call);
  gtk_button_set_label (self->collapse_button,
                        self->collapsed && g_hash_table_contains (self->collapsed, &p->id)
                          ? _("E_xpand") : _("_Collapse"));

  clear_list (self->card_contacts);
  if (p->email)
    add_row (self->card_contacts, p->email, _("E-mail"));
  if (p->phone)
    add_row (self->card_contacts, p->phone, _("Phone"));
  if (p->mobile)
    add_row (self->card_contacts, p->mobile, _("Mobile"));
  if (p->location)
    add_row (self->card_contacts, p->location, _("Location"));
  manager = p->manager_id > 0 ? vigil_org_page_person_by_id (self, p->manager_id) : NULL;
  if (manager != NULL)
    add_row (self->card_contacts, manager->name, _("Manager"));
  if (p->employee_id)
    add_row (self->card_contacts, p->employee_id, _("Employee ID"));
  if (p->roles && p->roles[0])
    {
      g_autofree char *roles = g_strjoinv (", ", p->roles);
      add_row (self->card_contacts, roles, _("Roles"));
    }

  clear_list (self->card_systems);
  systems = vigil_store_list_person_systems (self->store, p->id, NULL);
  for (guint i = 0; systems && i < systems->len; i++)
    {
      VigilOrgLink *link = systems->pdata[i];
      add_row (self->card_systems, link->label, link->detail);
    }
  if (systems == NULL || systems->len == 0)
    add_row (self->card_systems, _("None"), NULL);

  clear_list (self->card_incidents);
  incidents = vigil_store_list_person_incidents (self->store, p->id, NULL);
  for (guint i = 0; incidents && i < incidents->len; i++)
    {
      VigilOrgLink *link = incidents->pdata[i];
      add_row (self->card_incidents, link->label, link->detail);
    }
  if (incidents == NULL || incidents->len == 0)
    add_row (self->card_incidents, _("None"), NULL);
}

/* ---- the list of people --------------------------------------------------- */

static void
list_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
list_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  GtkStringObject *text = gtk_list_item_get_item (item);

  /* plain text, never markup: names are the users' */
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (text));
}

static void
select_row_of_view (VigilOrgPage *self)
{
  int node = vigil_graph_view_get_selected (self->graph_view);

  self->list_syncing = TRUE;
  if (node >= 0 && (guint) node < g_list_model_get_n_items (G_LIST_MODEL (self->list_strings)))
    gtk_single_selection_set_selected (self->list_selection, (guint) node);
  else
    gtk_single_selection_set_selected (self->list_selection, GTK_INVALID_LIST_POSITION);
  self->list_syncing = FALSE;
}

/* Row i is node i of the chart: the top of the organisation first. */
void
vigil_org_page_list_changed (VigilOrgPage *self)
{
  VigilGraphLayout *layout = vigil_graph_view_get_layout (self->graph_view);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  guint n_old;

  if (!gtk_toggle_button_get_active (self->list_button))
    return;
  for (guint i = 0; layout != NULL && i < layout->n_nodes; i++)
    g_ptr_array_add (rows, vigil_graph_view_dup_node_description (self->graph_view, i));
  g_ptr_array_add (rows, NULL);
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->list_strings));
  self->list_syncing = TRUE;
  gtk_string_list_splice (self->list_strings, 0, n_old, (const char * const *) rows->pdata);
  self->list_syncing = FALSE;
  select_row_of_view (self);
}

static void
list_selection_changed (GtkSelectionModel *model,
                        guint              position,
                        guint              n_items,
                        VigilOrgPage      *self)
{
  guint row = gtk_single_selection_get_selected (self->list_selection);

  if (self->list_syncing || row == GTK_INVALID_LIST_POSITION)
    return;
  vigil_graph_view_set_selected (self->graph_view, (int) row);
}

/* Return or a double click: back to the chart, on that person. */
static void
list_activate (GtkListView  *list,
               guint         position,
               VigilOrgPage *self)
{
  vigil_graph_view_set_selected (self->graph_view, (int) position);
  gtk_toggle_button_set_active (self->list_button, FALSE);
  vigil_graph_view_center_on (self->graph_view, (int) position);
  gtk_widget_grab_focus (GTK_WIDGET (self->graph_view));
}

static void
list_toggled (GtkToggleButton *button,
              VigilOrgPage    *self)
{
  gboolean list = gtk_toggle_button_get_active (button);

  gtk_stack_set_visible_child_name (self->chart_stack, list ? "list" : "chart");
  gtk_widget_set_visible (GTK_WIDGET (self->legend_slot), !list);
  if (list)
    {
      vigil_org_page_list_changed (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->people_list));
    }
  else
    {
      /* drop the rows: the list is rebuilt when shown again */
      self->list_syncing = TRUE;
      gtk_string_list_splice (self->list_strings, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->list_strings)), NULL);
      self->list_syncing = FALSE;
    }
}

static void
view_selection_changed (VigilGraphView *view,
                        GParamSpec     *pspec,
                        VigilOrgPage   *self)
{
  if (gtk_toggle_button_get_active (self->list_button))
    select_row_of_view (self);
}

void
vigil_org_page_init_list (VigilOrgPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->list_strings = gtk_string_list_new (NULL);
  self->list_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->list_strings)));
  gtk_single_selection_set_autoselect (self->list_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->list_selection, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (list_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (list_bind), NULL);
  gtk_list_view_set_factory (self->people_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->people_list, GTK_SELECTION_MODEL (self->list_selection));
  g_signal_connect (self->list_selection, "selection-changed",
                    G_CALLBACK (list_selection_changed), self);
  g_signal_connect (self->people_list, "activate", G_CALLBACK (list_activate), self);
  g_signal_connect (self->list_button, "toggled", G_CALLBACK (list_toggled), self);
  g_signal_connect (self->graph_view, "notify::selected", G_CALLBACK (view_selection_changed),
                    self);
}

void
vigil_org_page_set_show_list (VigilOrgPage *self,
                              gboolean      show_list)
{
  g_return_if_fail (VIGIL_IS_ORG_PAGE (self));
  gtk_toggle_button_set_active (self->list_button, show_list);
}

GtkSelectionModel *
vigil_org_page_get_list_model (VigilOrgPage *self)
{
  g_return_val_if_fail (VIGIL_IS_ORG_PAGE (self), NULL);
  return GTK_SELECTION_MODEL (self->list_selection);
}
