/* vigil-graph-view.c — draws a VigilGraphLayout: cards, curves, clusters; zoom, pan, select
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This file: geometry, zoom and scrolling, the node texts (from a
 * VigilGraphViewModel made off the main thread, or node by node), the
 * public API and the GObject.  Drawing is in vigil-graph-view-draw.c,
 * input and accessibility in vigil-graph-view-input.c.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vigil-graph-view-private.h"

enum {
  PROP_0,
  PROP_LAYOUT,
  PROP_SELECTED,
  PROP_ZOOM,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  NODE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (VigilGraphView, vigil_graph_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* ---- the model -------------------------------------------------------------- */

struct _VigilGraphViewModel
{
  gatomicrefcount  ref_count;
  guint            n_nodes;
  NodeInfo        *info;
  const char     **kind_keys;  /* interned */
  GStringChunk    *strings;
};

VigilGraphViewModel *
vigil_graph_view_model_new (guint n_nodes)
{
  VigilGraphViewModel *model = g_new0 (VigilGraphViewModel, 1);

  g_atomic_ref_count_init (&model->ref_count);
  model->n_nodes = n_nodes;
  model->info = g_new0 (NodeInfo, MAX (n_nodes, 1));
  model->kind_keys = g_new0 (const char *, MAX (n_nodes, 1));
  model->strings = g_string_chunk_new (4096);
  for (guint i = 0; i < n_nodes; i++)
    model->info[i].kind = -1;
  return model;
}

VigilGraphViewModel *
vigil_graph_view_model_ref (VigilGraphViewModel *model)
{
  g_return_val_if_fail (model != NULL, NULL);
  g_atomic_ref_count_inc (&model->ref_count);
  return model;
}

void
vigil_graph_view_model_unref (VigilGraphViewModel *model)
{
  g_return_if_fail (model != NULL);
  if (!g_atomic_ref_count_dec (&model->ref_count))
    return;
  g_free (model->info);
  g_free (model->kind_keys);
  g_string_chunk_free (model->strings);
  g_free (model);
}

guint
vigil_graph_view_model_get_n_nodes (VigilGraphViewModel *model)
{
  g_return_val_if_fail (model != NULL, 0);
  return model->n_nodes;
}

static const char *
chunk_insert (GStringChunk *chunk,
              const char   *text)
{
  return text != NULL ? g_string_chunk_insert_const (chunk, text) : NULL;
}

void
vigil_graph_view_model_set_node (VigilGraphViewModel *model,
                                 guint                node,
                                 const char          *title,
                                 const char          *subtitle,
                                 const char          *detail,
                                 const char          *kind,
                                 guint                flags)
{
  NodeInfo *info;

  g_return_if_fail (model != NULL && node < model->n_nodes);
  info = &model->info[node];
  info->title = chunk_insert (model->strings, title);
  info->subtitle = chunk_insert (model->strings, subtitle);
  info->detail = chunk_insert (model->strings, detail);
  info->flags = flags;
  model->kind_keys[node] = kind != NULL ? g_intern_string (kind) : NULL;
}

void
vigil_graph_view_model_set_accessible (VigilGraphViewModel *model,
                                       guint                node,
                                       const char          *text)
{
  g_return_if_fail (model != NULL && node < model->n_nodes);
  model->info[node].accessible = chunk_insert (model->strings, text);
}

const char *
vigil_graph_view_model_get_accessible (VigilGraphViewModel *model,
                                       guint                node)
{
  g_return_val_if_fail (model != NULL && node < model->n_nodes, NULL);
  return model->info[node].accessible;
}

/* ---- texts --------------------------------------------------------------------- */

static void
kind_free (Kind *kind)
{
  g_free (kind->key);
  g_free (kind->label);
  g_free (kind);
}

static void
clear_info (VigilGraphView *self)
{
  g_clear_pointer (&self->info, g_free);
  g_clear_pointer (&self->parent_of, g_free);
  g_clear_pointer (&self->model, vigil_graph_view_model_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  vigil_graph_view_clear_index (self);
}

static const char *
view_string (VigilGraphView *self,
             const char     *text)
{
  if (text == NULL)
    return NULL;
  if (self->strings == NULL)
    self->strings = g_string_chunk_new (1024);
  return g_string_chunk_insert_const (self->strings, text);
}

/* ---- geometry ------------------------------------------------------------ */

static double
content_width (VigilGraphView *self)
{
  return self->layout ? self->layout->width : 0;
}

static double
content_height (VigilGraphView *self)
{
  return self->layout ? self->layout->height : 0;
}

/* Screen position of content (0, 0), without scrolling. */
void
vigil_graph_view_get_origin (VigilGraphView *self,
            double         *ox,
            double         *oy)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));

  *ox = MARGIN + MAX (0, (w - (content_width (self) * self->zoom + 2 * MARGIN)) / 2);
  *oy = MARGIN + MAX (0, (h - (content_height (self) * self->zoom + 2 * MARGIN)) / 2);
}

double
vigil_graph_view_adj_value (GtkAdjustment *adj)
{
  return adj ? gtk_adjustment_get_value (adj) : 0;
}

void
vigil_graph_view_to_content (VigilGraphView *self,
            double          sx,
            double          sy,
            double         *cx,
            double         *cy)
{
  double ox, oy;

  vigil_graph_view_get_origin (self, &ox, &oy);
  *cx = (sx + vigil_graph_view_adj_value (self->hadjustment) - ox) / self->zoom;
  *cy = (sy + vigil_graph_view_adj_value (self->vadjustment) - oy) / self->zoom;
}

static void
to_screen (VigilGraphView *self,
           double          cx,
           double          cy,
           double         *sx,
           double         *sy)
{
  double ox, oy;

  vigil_graph_view_get_origin (self, &ox, &oy);
  *sx = cx * self->zoom + ox - vigil_graph_view_adj_value (self->hadjustment);
  *sy = cy * self->zoom + oy - vigil_graph_view_adj_value (self->vadjustment);
}

static void
configure_adjustments (VigilGraphView *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double cw = content_width (self) * self->zoom + 2 * MARGIN;
  double ch = content_height (self) * self->zoom + 2 * MARGIN;

  if (self->hadjustment)
    gtk_adjustment_configure (self->hadjustment, gtk_adjustment_get_value (self->hadjustment),
                              0, MAX (cw, w), w * 0.1, w * 0.9, w);
  if (self->vadjustment)
    gtk_adjustment_configure (self->vadjustment, gtk_adjustment_get_value (self->vadjustment),
                              0, MAX (ch, h), h * 0.1, h * 0.9, h);
}

int
vigil_graph_view_node_at (VigilGraphView *self,
                          double          x,
                          double          y)
{
  double cx, cy;

  g_return_val_if_fail (VIGIL_IS_GRAPH_VIEW (self), -1);
  if (self->layout == NULL)
    return -1;
  vigil_graph_view_to_content (self, x, y, &cx, &cy);
  return vigil_graph_layout_node_at (self->layout, cx, cy);
}

gboolean
vigil_graph_view_get_node_center (VigilGraphView *self,
                                  guint           node,
                                  double         *x,
                                  double         *y)
{
  g_return_val_if_fail (VIGIL_IS_GRAPH_VIEW (self), FALSE);
  if (self->layout == NULL || node >= self->layout->n_nodes)
    return FALSE;
  to_screen (self, self->layout->nodes[node].x, self->layout->nodes[node].y, x, y);
  return TRUE;
}

/* ---- zoom and scrolling ------------------------------------------------- */

void
vigil_graph_view_set_zoom_at (VigilGraphView *self,
             double          zoom,
             double          sx,
             double          sy)
{
  double cx, cy, ox, oy;

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (fabs (zoom - self->zoom) < 1e-6)
    return;
  vigil_graph_view_to_content (self, sx, sy, &cx, &cy);
  self->zoom = zoom;
  configure_adjustments (self);
  vigil_graph_view_get_origin (self, &ox, &oy);
  if (self->hadjustment)
    gtk_adjustment_set_value (self->hadjustment, cx * zoom + ox - sx);
  if (self->vadjustment)
    gtk_adjustment_set_value (self->vadjustment, cy * zoom + oy - sy);
  vigil_graph_view_invalidate (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

double
vigil_graph_view_get_zoom (VigilGraphView *self)
{
  g_return_val_if_fail (VIGIL_IS_GRAPH_VIEW (self), 1);
  return self->zoom;
}

void
vigil_graph_view_set_zoom (VigilGraphView *self,
                           double          zoom)
{
  g_return_if_fail (VIGIL_IS_GRAPH_VIEW (self));
  vigil_graph_view_set_zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

static void
fit (VigilGraphView *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom;

  if (self->layout == NULL || self->layout->n_nodes == 0)
    return;
  if (w <= 1 || h <= 1)
    {
      self->fit_pending = TRUE;
      return;
    }
  self->fit_pending = FALSE;
  zoom = MIN ((w - 2 * MARGIN) / MAX (content_width (self), 1),
              (h - 2 * MARGIN) / MAX (content_height (self), 1));
  zoom = CLAMP (zoom, MIN_ZOOM, 1.0);
  if (self->start_anchor >= 0 && (guint) self->start_anchor < self->layout->n_nodes &&
      zoom < TEXT_MIN_ZOOM + 0.1)
    {
      const VigilGraphNodeBox *box = &self->layout->nodes[self->start_anchor];
      double ox, oy;

      self->start_anchor = -1;
      self->zoom = 0.75;
      configure_adjustments (self);
      vigil_graph_view_get_origin (self, &ox, &oy);
      if (self->hadjustment)
        gtk_adjustment_set_value (self->hadjustment, box->x * self->zoom + ox - w / 2);
      if (self->vadjustment)
        gtk_adjustment_set_value (self->vadjustment,
                                  MAX (0, (box->y - box->height / 2) * self->zoom + oy - MARGIN * 2));
      vigil_graph_view_invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
      return;
    }
  self->start_anchor = -1;
  self->zoom = zoom;
  configure_adjustments (self);
  if (self->hadjustment)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment)
    gtk_adjustment_set_value (self->vadjustment, 0);
  vigil_graph_view_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
vigil_graph_view_zoom_to_fit (VigilGraphView *self)
{
  g_return_if_fail (VIGIL_IS_GRAPH_VIEW (self));
  self->start_anchor = -1;
  fit (self);
}

void
vigil_graph_view_show_start (VigilGraphView *self,
                             int             anchor)
{
  g_return_if_fail (VIGIL_IS_GRAPH_VIEW (self));
  self->start_anchor = anchor;
  fit (self);
}

void
vigil_graph_view_center_on (VigilGraphView *self,
                            int             node)
{
  double ox, oy;
  const VigilGraphNodeBox *box;

  g_return_if_fail (VIGIL_IS_GRAPH_VIEW (self));
  if (self->layout == NULL || node < 0 || (guint) node >= self->layout->n_nodes)
    return;
  box = &self->layout->nodes[node];
  vigil_graph_view_get_origin (self, &ox, &oy);
  if (self->zoom < TEXT_MIN_ZOOM)
    {
      self->zoom = 0.8;
      configure_adjustments (self);
      vigil_graph_view_get_origin (self, &ox, &oy);
      vigil_graph_view_invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  if (self->hadjustment)
    gtk_adjustment_set_value (self->hadjustment,
                              box->x * self->zoom + ox - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0);
  if (self->vadjustment)
    gtk_adjustment_set_value (self->vadjustment,
                              box->y * self->zoom + oy - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

static void
adjustment_changed (GtkAdjustment  *adj,
                    VigilGraphView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (VigilGraphView  *self,
                GtkAdjustment  **slot,
                GtkAdjustment   *adj)
{
  if (*slot == adj)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_changed, self);
      g_object_unref (*slot);
    }
  if (adj == NULL)
    adj = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adj);
  g_signal_connect (adj, "value-changed", G_CALLBACK (adjustment_changed), self);
  configure_adjustments (self);
}

/* ---- public API ---------------------------------------------------------- */

GtkWidget *
vigil_graph_view_new (void)
{
  return g_object_new (VIGIL_TYPE_GRAPH_VIEW, NULL);
}

void
vigil_graph_view_add_kind (VigilGraphView *self,
                           const char     *kind,
                           const char     *label,
                           const char     *color)
{
  Kind *k;

  g_return_if_fail (VIGIL_IS_GRAPH_VIEW (self) && kind != NULL);
  k = g_new0 (Kind, 1);
  k->key = g_strdup (kind);
  k->label = g_strdup (label ? label : kind);
  if (color == NULL || !gdk_rgba_parse (&k->color, color))
    gdk_rgba_parse (&k->color, "#888888");
  g_ptr_array_add (self->kinds, k);
  vigil_graph_view_invalidate (self);
}

GtkWidget *
vigil_graph_view_create_legend (VigilGraphView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_add_css_class (box, "vigil-graph-legend");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Legend"), -1);
  for (guint i = 0; i < self->kinds->len; i++)
    {
      Kind *k = self->kinds->pdata[i];
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = gtk_drawing_area_new ();
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
      g_autofree char *rgba = gdk_rgba_to_string (&k->color);
      g_autofree char *rule = g_strdup_printf ("* { background-color: %s; border-radius: 3px; "
                                               "min-width: 14px; min-height: 14px; }", rgba);

      gtk_css_provider_load_from_data (css, rule, -1);
      gtk_style_context_add_provider (gtk_widget_get_style_context (swatch),
                                      GTK_STYLE_PROVIDER (css),
                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      gtk_widget_set_size_request (swatch, 14, 14);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (item), swatch);
      gtk_box_append (GTK_BOX (item), gtk_label_new (k->label));
      gtk_box_append (GTK_BOX (box), item);
    }
  return box;
}

static int
find_kind (VigilGraphView *self,
           const char     *kind)
{
  for (guint i = 0; kind != NULL && i < self->kinds->len; i++)
    if (g_strcmp0 (((Kind *) self->kinds->pdata[i])->key, kind) == 0)
      return (int) i;
  return -1;
}

static void
take_layout (VigilGraphView      *self,
             VigilGraphLayout    *layout,
             VigilGraphViewModel *model)
{
  if (self->layout != NULL)
    {
      clear_info (self);
      g_clear_pointer (&self->layout, vigil_graph_layout_unref);
    }
  if (layout != NULL)
    {
      self->layout = vigil_graph_layout_ref (layout);
      self->parent_of = g_new (int, MAX (layout->n_nodes, 1));
      for (guint i = 0; i < layout->n_nodes; i++)
        self->parent_of[i] = -1;
      for (guint i = 0; i < layout->n_edges; i++)
        if (self->parent_of[layout->edges[i].to] < 0)
          self->parent_of[layout->edges[i].to] = (int) layout->edges[i].from;
      if (model != NULL)
        {
          const char *last_key = NULL;
          int last_kind = -1;

          /* the strings stay the model's; only the kinds are looked up */
          self->model = vigil_graph_view_model_ref (model);
          self->info = g_memdup2 (model->info, sizeof (NodeInfo) * MAX (layout->n_nodes, 1));
          for (guint i = 0; i < layout->n_nodes; i++)
            {
              if (model->kind_keys[i] != last_key)
                {
                  last_key = model->kind_keys[i];
                  last_kind = find_kind (self, last_key);
                }
              self->info[i].kind = last_kind;
            }
        }
      else
        {
          self->info = g_new0 (NodeInfo, MAX (layout->n_nodes, 1));
          for (guint i = 0; i < layout->n_nodes; i++)
            self->info[i].kind = -1;
        }
      vigil_graph_view_index (self);
    }
  self->selected = -1;
  self->hover = -1;
  configure_adjustments (self);
  vigil_graph_view_invalidate (self);
  vigil_graph_view_update_accessible (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

void
vigil_graph_view_set_layout (VigilGraphView   *self,
                             VigilGraphLayout *layout)
{
  g_return_if_fail (VIGIL_IS_GRAPH_VIEW (self));
  take_layout (self, layout, NULL);
}

void
vigil_graph_view_set_layout_with_model (VigilGraphView      *self,
                                        VigilGraphLayout    *layout,
                                        VigilGraphViewModel *model)
{
  g_return_if_fail (VIGIL_IS_GRAPH_VIEW (self));
  g_return_if_fail (layout == NULL || model == NULL || model->n_nodes == layout->n_nodes);
  take_layout (self, layout, model);
}

gboolean
vigil_graph_view_get_drawing_complete (VigilGraphView *self)
{
  g_return_val_if_fail (VIGIL_IS_GRAPH_VIEW (self), FALSE);
  return self->layout == NULL || self->drawing_complete;
}

VigilGraphLayout *
vigil_graph_view_get_layout (VigilGraphView *self)
{
  g_return_val_if_fail (VIGIL_IS_GRAPH_VIEW (self), NULL);
  return self->layout;
}

void
vigil_graph_view_set_node (VigilGraphView *self,
                           guint           node,
                           const char     *title,
                           const char     *subtitle,
                           const char     *detail,
                           const char     *kind)
{
  NodeInfo *info;

  g_return_if_fail (VIGIL_IS_GRAPH_VIEW (self));
  g_return_if_fail (self->layout != NULL && node < self->layout->n_nodes);
  info = &self->info[node];
  info->title = view_string (self, title);
  info->subtitle = view_string (self, subtitle);
  info->detail = view_string (self, detail);
  info->kind = find_kind (self, kind);
  vigil_graph_view_invalidate (self);
}

void
vigil_graph_view_set_node_accessible (VigilGraphView *self,
                                      guint           node,
                                      const char     *text)
{
  g_return_if_fail (VIGIL_IS_GRAPH_VIEW (self));
  g_return_if_fail (self->layout != NULL && node < self->layout->n_nodes);
  self->info[node].accessible = view_string (self, text);
  if ((int) node == self->selected)
    vigil_graph_view_update_accessible (self);
}

void
vigil_graph_view_set_node_flags (VigilGraphView *self,
                                 guint           node,
                                 guint           flags)
{
  g_return_if_fail (VIGIL_IS_GRAPH_VIEW (self));
  g_return_if_fail (self->layout != NULL && node < self->layout->n_nodes);
  if (self->info[node].flags != flags)
    {
      self->info[node].flags = flags;
      vigil_graph_view_invalidate (self);
    }
}

guint
vigil_graph_view_get_node_flags (VigilGraphView *self,
                                 guint           node)
{
  g_return_val_if_fail (VIGIL_IS_GRAPH_VIEW (self), 0);
  if (self->layout == NULL || node >= self->layout->n_nodes)
    return 0;
  return self->info[node].flags;
}

void
vigil_graph_view_emit_activated (VigilGraphView *self,
                                 int             node)
{
  g_signal_emit (self, signals[NODE_ACTIVATED], 0, node);
}

void
vigil_graph_view_clear_flags (VigilGraphView *self,
                              guint           flags)
{
  g_return_if_fail (VIGIL_IS_GRAPH_VIEW (self));
  for (guint i = 0; self->layout != NULL && i < self->layout->n_nodes; i++)
    self->info[i].flags &= ~flags;
  vigil_graph_view_invalidate (self);
}

int
vigil_graph_view_get_selected (VigilGraphView *self)
{
  g_return_val_if_fail (VIGIL_IS_GRAPH_VIEW (self), -1);
  return self->selected;
}

void
vigil_graph_view_set_selected (VigilGraphView *self,
                               int             node)
{
  g_return_if_fail (VIGIL_IS_GRAPH_VIEW (self));
  if (self->layout == NULL || node < 0 || (guint) node >= self->layout->n_nodes)
    node = -1;
  if (node == self->selected)
    return;
  self->selected = node;
  vigil_graph_view_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static gboolean
zoom_in_cb (GtkWidget *widget,
            GVariant  *args,
            gpointer   data)
{
  vigil_graph_view_set_zoom (VIGIL_GRAPH_VIEW (widget), VIGIL_GRAPH_VIEW (widget)->zoom * 1.25);
  return TRUE;
}

static gboolean
zoom_out_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   data)
{
  vigil_graph_view_set_zoom (VIGIL_GRAPH_VIEW (widget), VIGIL_GRAPH_VIEW (widget)->zoom / 1.25);
  return TRUE;
}

static gboolean
fit_cb (GtkWidget *widget,
        GVariant  *args,
        gpointer   data)
{
  vigil_graph_view_zoom_to_fit (VIGIL_GRAPH_VIEW (widget));
  return TRUE;
}

static void
style_changed (AdwStyleManager *manager,
               GParamSpec      *pspec,
               VigilGraphView  *self)
{
  vigil_graph_view_drop_fonts (self);
  vigil_graph_view_invalidate (self);
}

/* ---- size ---------------------------------------------------------------- */

static void
vigil_graph_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  VigilGraphView *self = VIGIL_GRAPH_VIEW (widget);
  double size = orientation == GTK_ORIENTATION_HORIZONTAL ? content_width (self)
                                                          : content_height (self);

  *minimum = 100;
  *natural = MAX (100, (int) ceil (size * self->zoom + 2 * MARGIN));
}

static void
vigil_graph_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  VigilGraphView *self = VIGIL_GRAPH_VIEW (widget);

  if (self->fit_pending && width > 1 && height > 1)
    fit (self);
  configure_adjustments (self);
}

/* ---- GObject ------------------------------------------------------------ */

static void
vigil_graph_view_dispose (GObject *object)
{
  VigilGraphView *self = VIGIL_GRAPH_VIEW (object);

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), style_changed, self);
  clear_info (self);
  g_clear_pointer (&self->layout, vigil_graph_layout_unref);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  if (self->pending_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->pending_tick);
  self->pending_tick = 0;
  vigil_graph_view_drop_fonts (self);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  if (self->hadjustment)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_changed, self);
  if (self->vadjustment)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  G_OBJECT_CLASS (vigil_graph_view_parent_class)->dispose (object);
}

static void
vigil_graph_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VigilGraphView *self = VIGIL_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      g_value_set_boxed (value, self->layout);
      break;
    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_graph_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VigilGraphView *self = VIGIL_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      vigil_graph_view_set_layout (self, g_value_get_boxed (value));
      break;
    case PROP_SELECTED:
      vigil_graph_view_set_selected (self, g_value_get_int (value));
      break;
    case PROP_ZOOM:
      vigil_graph_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_graph_view_class_init (VigilGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_graph_view_dispose;
  object_class->get_property = vigil_graph_view_get_property;
  object_class->set_property = vigil_graph_view_set_property;
  widget_class->snapshot = vigil_graph_view_snapshot_graph;
  widget_class->measure = vigil_graph_view_measure;
  widget_class->size_allocate = vigil_graph_view_size_allocate;

  properties[PROP_LAYOUT] =
    g_param_spec_boxed ("layout", NULL, NULL, VIGIL_TYPE_GRAPH_LAYOUT,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * VigilGraphView::node-activated:
   * @node: the node's index
   *
   * A double click or Return on a node.
   */
  signals[NODE_ACTIVATED] =
    g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, zoom_in_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, zoom_in_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, zoom_in_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, zoom_out_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, zoom_out_cb,
                                NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, fit_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "vigil-graph-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TREE);
}

static void
vigil_graph_view_init (VigilGraphView *self)
{
  self->zoom = 1.0;
  self->start_anchor = -1;
  self->selected = -1;
  self->hover = -1;
  self->kinds = g_ptr_array_new_with_free_func ((GDestroyNotify) kind_free);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  vigil_graph_view_add_controllers (self);

  g_signal_connect (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (style_changed),
                    self);
  vigil_graph_view_update_accessible (self);
}
