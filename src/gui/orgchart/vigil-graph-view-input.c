/* vigil-graph-view-input.c — VigilGraphView's pointer and keyboard input, and its accessible description
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cards are drawn, not widgets, and GTK 4.8 has no accessible objects for
 * parts of a widget.  So the view is one focusable object that a screen
 * reader follows: arrow keys move the selection from card to card, and each
 * move sets the view's accessible label to the selected node's description
 * (its model text, or title, subtitle and kind), its level to the node's
 * depth in the tree, and its description to how to move on.  The page adds
 * a list of the same people as a second, ordinary accessible way in.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vigil-graph-view-private.h"

/* ---- input ----------------------------------------------------------------- */

static void
click_pressed (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               VigilGraphView  *self)
{
  int node = vigil_graph_view_node_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (node >= 0)
    vigil_graph_view_set_selected (self, node);
  if (node >= 0 && n_press == 2)
    vigil_graph_view_emit_activated (self, node);
}

static void
drag_begin (GtkGestureDrag *gesture,
            double          x,
            double          y,
            VigilGraphView *self)
{
  self->drag_h = vigil_graph_view_adj_value (self->hadjustment);
  self->drag_v = vigil_graph_view_adj_value (self->vadjustment);
}

static void
drag_update (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             VigilGraphView *self)
{
  if (fabs (dx) + fabs (dy) < 4)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  if (self->hadjustment)
    gtk_adjustment_set_value (self->hadjustment, self->drag_h - dx);
  if (self->vadjustment)
    gtk_adjustment_set_value (self->vadjustment, self->drag_v - dy);
}

static void
drag_end (GtkGestureDrag *gesture,
          double          dx,
          double          dy,
          VigilGraphView *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->hover >= 0 ? "pointer" : NULL);
}

static gboolean
scrolled (GtkEventControllerScroll *controller,
          double                    dx,
          double                    dy,
          VigilGraphView           *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (
    GTK_EVENT_CONTROLLER (controller));
  GdkEvent *event;
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (!(state & GDK_CONTROL_MASK))
    return FALSE;
  event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  if (event != NULL)
    {
      double ex, ey;
      GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
      if (gdk_event_get_position (event, &ex, &ey) && native != NULL)
        {
          graphene_point_t p;
          double nx, ny;
          gtk_native_get_surface_transform (native, &nx, &ny);
          if (gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self),
                                        &GRAPHENE_POINT_INIT (ex - nx, ey - ny), &p))
            x = p.x, y = p.y;
        }
    }
  vigil_graph_view_set_zoom_at (self, self->zoom * pow (1.15, -dy), x, y);
  return TRUE;
}

static void
pinch_begin (GtkGesture       *gesture,
             GdkEventSequence *sequence,
             VigilGraphView   *self)
{
  self->pinch_zoom = self->zoom;
}

static void
pinch_changed (GtkGestureZoom *gesture,
               double          scale,
               VigilGraphView *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0, y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  vigil_graph_view_set_zoom_at (self, self->pinch_zoom * scale, x, y);
}

static void
motion (GtkEventControllerMotion *controller,
        double                    x,
        double                    y,
        VigilGraphView           *self)
{
  int node = vigil_graph_view_node_at (self, x, y);

  if (node != self->hover)
    {
      self->hover = node;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), node >= 0 ? "pointer" : NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave (GtkEventControllerMotion *controller,
       VigilGraphView           *self)
{
  if (self->hover >= 0)
    {
      self->hover = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* The nearest node in a direction (dx, dy one of ±1/0) from the selection. */
static int
nearest_in_direction (VigilGraphView *self,
                      int             dx,
                      int             dy)
{
  const VigilGraphNodeBox *from;
  double best = G_MAXDOUBLE;
  int found = -1;

  if (self->selected < 0)
    return self->layout->n_nodes > 0 ? 0 : -1;
  from = &self->layout->nodes[self->selected];
  if (dy < 0 && self->parent_of[self->selected] >= 0)
    return self->parent_of[self->selected];
  for (guint i = 0; i < self->layout->n_nodes; i++)
    {
      const VigilGraphNodeBox *n = &self->layout->nodes[i];
      double ddx = n->x - from->x, ddy = n->y - from->y;
      double along = ddx * dx + ddy * dy;
      double across = fabs (ddx * dy) + fabs (ddy * dx);
      double score;

      if ((int) i == self->selected || along <= 1)
        continue;
      /* prefer nodes straight ahead: the same rank for left/right */
      score = along + 3 * across;
      if (dy > 0 && self->parent_of[i] == self->selected)
        score -= 1e6;  /* down goes to a direct report first */
      if (score < best)
        best = score, found = (int) i;
    }
  return found;
}

static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             VigilGraphView        *self)
{
  int dx = 0, dy = 0, node;

  if (self->layout == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: dx = -1; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: dx = 1; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: dy = -1; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: dy = 1; break;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_space:
      if (self->selected >= 0)
        vigil_graph_view_emit_activated (self, self->selected);
      return self->selected >= 0;
    default:
      return FALSE;
    }
  node = nearest_in_direction (self, dx, dy);
  if (node >= 0)
    {
      double sx, sy;
      vigil_graph_view_set_selected (self, node);
      vigil_graph_view_get_node_center (self, node, &sx, &sy);
      if (sx < 0 || sy < 0 || sx > gtk_widget_get_width (GTK_WIDGET (self)) ||
          sy > gtk_widget_get_height (GTK_WIDGET (self)))
        vigil_graph_view_center_on (self, node);
    }
  return TRUE;
}

void
vigil_graph_view_add_controllers (VigilGraphView *self)
{
  GtkGesture *click, *drag, *pinch;
  GtkEventController *scroll, *motion_controller, *keys;

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (pinch_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scrolled), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion_controller = gtk_event_controller_motion_new ();
  g_signal_connect (motion_controller, "motion", G_CALLBACK (motion), self);
  g_signal_connect (motion_controller, "leave", G_CALLBACK (leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion_controller);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* ---- accessibility ------------------------------------------------------------ */

static guint
node_depth (VigilGraphView *self,
            int             node)
{
  guint depth = 0;

  /* bounded: a cycle in a damaged graph cannot loop */
  for (int n = self->parent_of[node]; n >= 0 && depth < 256; n = self->parent_of[n])
    depth++;
  return depth;
}

char *
vigil_graph_view_dup_node_description (VigilGraphView *self,
                                       guint           node)
{
  g_autofree char **strv = NULL;
  const NodeInfo *info;
  GPtrArray *parts;
  const char *kind;

  g_return_val_if_fail (VIGIL_IS_GRAPH_VIEW (self), NULL);
  if (self->layout == NULL || node >= self->layout->n_nodes)
    return NULL;
  info = &self->info[node];
  if (info->accessible != NULL)
    return g_strdup (info->accessible);
  parts = g_ptr_array_new ();
  g_ptr_array_add (parts, (gpointer) (info->title ? info->title : self->layout->nodes[node].id));
  if (info->subtitle != NULL && *info->subtitle)
    g_ptr_array_add (parts, (gpointer) info->subtitle);
  kind = info->kind >= 0 ? ((Kind *) self->kinds->pdata[info->kind])->label : NULL;
  if (kind != NULL)
    g_ptr_array_add (parts, (gpointer) kind);
  g_ptr_array_add (parts, NULL);
  strv = (char **) g_ptr_array_free (parts, FALSE);
  return g_strjoinv (", ", strv);
}

void
vigil_graph_view_update_accessible (VigilGraphView *self)
{
  g_autofree char *label = NULL;

  if (self->layout != NULL && self->selected >= 0)
    {
      label = vigil_graph_view_dup_node_description (self, (guint) self->selected);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_LEVEL,
                                      (int) node_depth (self, self->selected) + 1,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Arrow keys move between people; Return opens the "
                                        "selected person"),
                                      -1);
    }
  else
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      self->layout != NULL && self->layout->n_nodes > 0
                                        ? _("Chart, nothing selected: press an arrow key to "
                                            "select the first person")
                                        : _("Empty chart"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "",
                                      -1);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LEVEL);
    }
}
