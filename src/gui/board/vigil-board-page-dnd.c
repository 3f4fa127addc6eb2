/* vigil-board-page-dnd.c — the board's cards: their factory, dragging and dropping
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A card dragged carries its VigilIncident; a column's drop target turns a
 * drop into board.move, the same action as the keyboard and the menu.  A
 * right click (or Shift+F10, Menu) opens the card's menu.
 */
#include "config.h"

#include "vigil-board-page-private.h"

static GdkContentProvider *
drag_prepare_cb (GtkDragSource  *source,
                 double          x,
                 double          y,
                 VigilBoardCard *card)
{
  VigilIncident *inc = vigil_board_card_get_incident (card);

  if (inc == NULL)
    return NULL;
  return gdk_content_provider_new_typed (VIGIL_TYPE_INCIDENT, inc);
}

static void
drag_begin_cb (GtkDragSource  *source,
               GdkDrag        *drag,
               VigilBoardCard *card)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (card));
  gtk_drag_source_set_icon (source, paintable, 20, 20);
}

static void
card_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 VigilBoardCard  *card)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  vigil_board_page_show_card_menu (card, x, y);
}

static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               VigilBoardPage           *self)
{
  GtkWidget *card = vigil_board_card_new ();
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), card);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), card);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (drag));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (card_pressed_cb), card);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (item, card);
}

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              VigilBoardPage           *self)
{
  vigil_board_card_set_incident (VIGIL_BOARD_CARD (gtk_list_item_get_child (item)),
                                 gtk_list_item_get_item (item));
}

static void
unbind_card_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                VigilBoardPage           *self)
{
  vigil_board_card_set_incident (VIGIL_BOARD_CARD (gtk_list_item_get_child (item)), NULL);
}

GtkListItemFactory *
vigil_board_page_card_factory_new (VigilBoardPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_card_cb), self);
  return factory;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         Column        *column)
{
  VigilIncident *inc;

  if (!G_VALUE_HOLDS (value, VIGIL_TYPE_INCIDENT) || (inc = g_value_get_object (value)) == NULL)
    return FALSE;
  gtk_widget_remove_css_class (column->box, "drop-hover");
  /* the same action as the keyboard and the menu */
  return gtk_widget_activate_action (GTK_WIDGET (column->page), "board.move", "(xs)",
                                     vigil_incident_get_id (inc), vigil_stage_key (column->stage));
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               Column        *column)
{
  gtk_widget_add_css_class (column->box, "drop-hover");
  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget *target,
               Column        *column)
{
  gtk_widget_remove_css_class (column->box, "drop-hover");
}

void
vigil_board_page_add_drop_target (Column *column)
{
  GtkDropTarget *drop = gtk_drop_target_new (VIGIL_TYPE_INCIDENT, GDK_ACTION_MOVE);

  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), column);
  g_signal_connect (drop, "enter", G_CALLBACK (drop_enter_cb), column);
  g_signal_connect (drop, "leave", G_CALLBACK (drop_leave_cb), column);
  gtk_widget_add_controller (column->box, GTK_EVENT_CONTROLLER (drop));
}
