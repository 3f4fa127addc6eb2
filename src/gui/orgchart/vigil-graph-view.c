/* vigil-graph-view.c — draws a VigilGraphLayout: cards, curves, clusters; zoom, pan, select
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawing: the graph (clusters, edges, cards) of a region a little larger
 * than the visible one is recorded into a render node and reused while the
 * view scrolls inside that region at the same zoom; the selection and hover
 * rings are drawn on top each frame.  At small zoom levels cards are drawn
 * without text.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "vigil-graph-view.h"

#define MARGIN        24.0
#define MIN_ZOOM      0.02
#define MAX_ZOOM      4.0
#define TEXT_MIN_ZOOM 0.4
#define RADIUS        6.0

typedef struct
{
  char  *title;
  char  *subtitle;
  char  *detail;
  int    kind;     /* index in kinds, or -1 */
  guint  flags;
} NodeInfo;

typedef struct
{
  char    *key;
  char    *label;
  GdkRGBA  color;
} Kind;

struct _VigilGraphView
{
  GtkWidget         parent_instance;

  VigilGraphLayout *layout;
  NodeInfo         *info;       /* layout->n_nodes */
  GPtrArray        *kinds;      /* Kind* */
  int              *parent_of;  /* first incoming edge's source, per node; -1 */

  double            zoom;
  int               selected;
  int               hover;

  GtkAdjustment    *hadjustment;
  GtkAdjustment    *vadjustment;
  guint             hscroll_policy : 1;
  guint             vscroll_policy : 1;
  gboolean          fit_pending;
  int               start_anchor;  /* show_start: -1 plain fit */

  /* the cached drawing */
  GskRenderNode    *cache;
  graphene_rect_t   cache_region;  /* content coordinates */
  double            cache_zoom;
  gboolean          cache_dark;

  /* gestures */
  double            drag_h, drag_v;
  double            pinch_zoom;
};

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
  if (self->info == NULL)
    return;
  for (guint i = 0; i < self->layout->n_nodes; i++)
    {
      g_free (self->info[i].title);
      g_free (self->info[i].subtitle);
      g_free (self->info[i].detail);
    }
  g_clear_pointer (&self->info, g_free);
  g_clear_pointer (&self->parent_of, g_free);
}

static void
invalidate (VigilGraphView *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
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
static void
get_origin (VigilGraphView *self,
            double         *ox,
            double         *oy)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));

  *ox = MARGIN + MAX (0, (w - (content_width (self) * self->zoom + 2 * MARGIN)) / 2);
  *oy = MARGIN + MAX (0, (h - (content_height (self) * self->zoom + 2 * MARGIN)) / 2);
}

static double
adj_value (GtkAdjustment *adj)
{
  return adj ? gtk_adjustment_get_value (adj) : 0;
}

static void
to_content (VigilGraphView *self,
            double          sx,
            double          sy,
            double         *cx,
            double         *cy)
{
  double ox, oy;

  get_origin (self, &ox, &oy);
  *cx = (sx + adj_value (self->hadjustment) - ox) / self->zoom;
  *cy = (sy + adj_value (self->vadjustment) - oy) / self->zoom;
}

static void
to_screen (VigilGraphView *self,
           double          cx,
           double          cy,
           double         *sx,
           double         *sy)
{
  double ox, oy;

  get_origin (self, &ox, &oy);
  *sx = cx * self->zoom + ox - adj_value (self->hadjustment);
  *sy = cy * self->zoom + oy - adj_value (self->vadjustment);
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
  to_content (self, x, y, &cx, &cy);
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

static void
set_zoom_at (VigilGraphView *self,
             double          zoom,
             double          sx,
             double          sy)
{
  double cx, cy, ox, oy;

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (fabs (zoom - self->zoom) < 1e-6)
    return;
  to_content (self, sx, sy, &cx, &cy);
  self->zoom = zoom;
  configure_adjustments (self);
  get_origin (self, &ox, &oy);
  if (self->hadjustment)
    gtk_adjustment_set_value (self->hadjustment, cx * zoom + ox - sx);
  if (self->vadjustment)
    gtk_adjustment_set_value (self->vadjustment, cy * zoom + oy - sy);
  invalidate (self);
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
  set_zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
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
      get_origin (self, &ox, &oy);
      if (self->hadjustment)
        gtk_adjustment_set_value (self->hadjustment, box->x * self->zoom + ox - w / 2);
      if (self->vadjustment)
        gtk_adjustment_set_value (self->vadjustment,
                                  MAX (0, (box->y - box->height / 2) * self->zoom + oy - MARGIN * 2));
      invalidate (self);
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
  invalidate (self);
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
  get_origin (self, &ox, &oy);
  if (self->zoom < TEXT_MIN_ZOOM)
    {
      self->zoom = 0.8;
      configure_adjustments (self);
      get_origin (self, &ox, &oy);
      invalidate (self);
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
  invalidate (self);
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

void
vigil_graph_view_set_layout (VigilGraphView   *self,
                             VigilGraphLayout *layout)
{
  g_return_if_fail (VIGIL_IS_GRAPH_VIEW (self));

  if (self->layout != NULL)
    {
      clear_info (self);
      g_clear_pointer (&self->layout, vigil_graph_layout_unref);
    }
  if (layout != NULL)
    {
      self->layout = vigil_graph_layout_ref (layout);
      self->info = g_new0 (NodeInfo, MAX (layout->n_nodes, 1));
      self->parent_of = g_new (int, MAX (layout->n_nodes, 1));
      for (guint i = 0; i < layout->n_nodes; i++)
        {
          self->info[i].kind = -1;
          self->parent_of[i] = -1;
        }
      for (guint i = 0; i < layout->n_edges; i++)
        if (self->parent_of[layout->edges[i].to] < 0)
          self->parent_of[layout->edges[i].to] = (int) layout->edges[i].from;
    }
  self->selected = -1;
  self->hover = -1;
  configure_adjustments (self);
  invalidate (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
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
  g_free (info->title);
  g_free (info->subtitle);
  g_free (info->detail);
  info->title = g_strdup (title);
  info->subtitle = g_strdup (subtitle);
  info->detail = g_strdup (detail);
  info->kind = find_kind (self, kind);
  invalidate (self);
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
      invalidate (self);
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
vigil_graph_view_clear_flags (VigilGraphView *self,
                              guint           flags)
{
  g_return_if_fail (VIGIL_IS_GRAPH_VIEW (self));
  for (guint i = 0; self->layout != NULL && i < self->layout->n_nodes; i++)
    self->info[i].flags &= ~flags;
  invalidate (self);
}

static void
update_accessible (VigilGraphView *self)
{
  g_autofree char *description = NULL;

  if (self->layout != NULL && self->selected >= 0)
    {
      NodeInfo *info = &self->info[self->selected];
      const char *kind = info->kind >= 0 ? ((Kind *) self->kinds->pdata[info->kind])->label : NULL;
      description = g_strjoin (", ", info->title ? info->title : self->layout->nodes[self->selected].id,
                               info->subtitle ? info->subtitle : "", kind ? kind : "", NULL);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : _("Nothing selected"), -1);
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
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* ---- drawing -------------------------------------------------------------- */

static void
card_colors (VigilGraphView *self,
             int             kind,
             gboolean        dark,
             GdkRGBA        *fill,
             GdkRGBA        *stripe)
{
  GdkRGBA base = dark ? (GdkRGBA) { 0.19, 0.19, 0.21, 1 } : (GdkRGBA) { 1, 1, 1, 1 };
  GdkRGBA c = kind >= 0 ? ((Kind *) self->kinds->pdata[kind])->color
                        : (GdkRGBA) { 0.55, 0.55, 0.55, 1 };
  double mix = dark ? 0.22 : 0.16;

  *stripe = c;
  fill->red = base.red * (1 - mix) + c.red * mix;
  fill->green = base.green * (1 - mix) + c.green * mix;
  fill->blue = base.blue * (1 - mix) + c.blue * mix;
  fill->alpha = 1;
}

static void
get_fg (VigilGraphView *self,
        GdkRGBA        *fg)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static gboolean
box_intersects (const graphene_rect_t *region,
                double                 x,
                double                 y,
                double                 w,
                double                 h)
{
  return x + w >= region->origin.x && y + h >= region->origin.y &&
         x <= region->origin.x + region->size.width && y <= region->origin.y + region->size.height;
}

static void
draw_text (GtkSnapshot     *snapshot,
           PangoLayout     *layout,
           const char      *text,
           double           x,
           double           y,
           double           width,
           const GdkRGBA   *color)
{
  pango_layout_set_text (layout, text, -1);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static PangoLayout *
make_layout (VigilGraphView *self,
             double          width,
             double          scale,
             gboolean        bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoFontDescription *font = pango_font_description_copy (
    pango_context_get_font_description (pango_layout_get_context (layout)));
  int size = pango_font_description_get_size (font);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  pango_font_description_set_size (font, (int) (size * scale));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
}

static void
draw_edges (VigilGraphView        *self,
            GtkSnapshot           *snapshot,
            const graphene_rect_t *region,
            const GdkRGBA         *fg,
            gboolean               highlighted_only)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, region);
  GdkRGBA line = *fg;

  cairo_set_line_width (cr, highlighted_only ? 2.5 : 1.2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  line.alpha = highlighted_only ? 0.9 : 0.35;
  if (highlighted_only)
    line = (GdkRGBA) { 0.90, 0.53, 0.04, 1 };  /* the highlight colour */
  gdk_cairo_set_source_rgba (cr, &line);
  for (guint i = 0; i < self->layout->n_edges; i++)
    {
      const VigilGraphEdgePath *e = &self->layout->edges[i];
      double minx = G_MAXDOUBLE, miny = G_MAXDOUBLE, maxx = -G_MAXDOUBLE, maxy = -G_MAXDOUBLE;
      gboolean hl = (self->info[e->from].flags & VIGIL_GRAPH_VIEW_NODE_HIGHLIGHT) &&
                    (self->info[e->to].flags & VIGIL_GRAPH_VIEW_NODE_HIGHLIGHT);

      if (hl != highlighted_only || e->n_points < 4)
        continue;
      for (guint k = 0; k < e->n_points; k++)
        {
          minx = MIN (minx, e->points[2 * k]);
          maxx = MAX (maxx, e->points[2 * k]);
          miny = MIN (miny, e->points[2 * k + 1]);
          maxy = MAX (maxy, e->points[2 * k + 1]);
        }
      if (!box_intersects (region, minx, miny, maxx - minx, maxy - miny))
        continue;
      cairo_move_to (cr, e->points[0], e->points[1]);
      for (guint k = 1; k + 2 < e->n_points; k += 3)
        cairo_curve_to (cr, e->points[2 * k], e->points[2 * k + 1],
                        e->points[2 * k + 2], e->points[2 * k + 3],
                        e->points[2 * k + 4], e->points[2 * k + 5]);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static GskRenderNode *
render_region (VigilGraphView        *self,
               const graphene_rect_t *region,
               gboolean               dark)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  VigilGraphLayout *layout = self->layout;
  gboolean text = self->zoom >= TEXT_MIN_ZOOM;
  g_autoptr(PangoLayout) title_layout = NULL;
  g_autoptr(PangoLayout) sub_layout = NULL;
  g_autoptr(PangoLayout) detail_layout = NULL;
  g_autoptr(PangoLayout) cluster_layout = NULL;
  GdkRGBA fg, dim_fg, border;

  /* Recorded at the zoom (the node is in screen units): cairo surfaces, the
   * edges, get screen resolution whatever the zoom. */
  gtk_snapshot_scale (snapshot, self->zoom, self->zoom);
  get_fg (self, &fg);
  dim_fg = fg;
  dim_fg.alpha = 0.7;
  border = fg;
  border.alpha = 0.18;

  /* clusters */
  if (text)
    cluster_layout = make_layout (self, 400, 0.85, TRUE);
  for (guint i = 0; i < layout->n_clusters; i++)
    {
      const VigilGraphClusterBox *c = &layout->clusters[i];
      GskRoundedRect rr;
      GdkRGBA tint = fg;
      GdkRGBA edge = fg;
      float widths[4] = { 1, 1, 1, 1 };
      GdkRGBA colors[4];

      if (!box_intersects (region, c->x, c->y, c->width, c->height))
        continue;
      tint.alpha = 0.035;
      edge.alpha = 0.2;
      for (guint k = 0; k < 4; k++)
        colors[k] = edge;
      gsk_rounded_rect_init_from_rect (&rr, &GRAPHENE_RECT_INIT (c->x, c->y, c->width, c->height),
                                       8);
      gtk_snapshot_push_rounded_clip (snapshot, &rr);
      gtk_snapshot_append_color (snapshot, &tint, &rr.bounds);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_append_border (snapshot, &rr, widths, colors);
      if (cluster_layout != NULL && c->label != NULL)
        {
          pango_layout_set_width (cluster_layout, (int) ((c->width - 16) * PANGO_SCALE));
          draw_text (snapshot, cluster_layout, c->label, c->x + 8, c->y + 4, c->width - 16,
                     &dim_fg);
        }
    }

  draw_edges (self, snapshot, region, &fg, FALSE);
  draw_edges (self, snapshot, region, &fg, TRUE);

  if (text)
    {
      title_layout = make_layout (self, 100, 1.0, TRUE);
      sub_layout = make_layout (self, 100, 0.9, FALSE);
      detail_layout = make_layout (self, 100, 0.8, FALSE);
    }

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const VigilGraphNodeBox *n = &layout->nodes[i];
      const NodeInfo *info = &self->info[i];
      double x = n->x - n->width / 2, y = n->y - n->height / 2;
      GskRoundedRect rr;
      GdkRGBA fill, stripe, colors[4];
      float widths[4] = { 1, 1, 1, 1 };
      gboolean dim = info->flags & VIGIL_GRAPH_VIEW_NODE_DIM;
      gboolean hl = info->flags & VIGIL_GRAPH_VIEW_NODE_HIGHLIGHT;

      if (!box_intersects (region, x - 6, y - 6, n->width + 12, n->height + 12))
        continue;
      card_colors (self, info->kind, dark, &fill, &stripe);
      if (self->zoom < 0.15)
        {
          /* far away: a plain coloured box is all that can be seen */
          GdkRGBA box = hl ? (GdkRGBA) { 0.90, 0.53, 0.04, 1 } : stripe;
          if (dim)
            box.alpha = 0.3;
          gtk_snapshot_append_color (snapshot, &box,
                                     &GRAPHENE_RECT_INIT (x, y, n->width, n->height));
          continue;
        }
      if (dim)
        gtk_snapshot_push_opacity (snapshot, 0.35);

      if (info->flags & VIGIL_GRAPH_VIEW_NODE_COLLAPSED)
        {
          /* a stack: two cards peeking out below */
          for (int k = 2; k >= 1; k--)
            {
              GskRoundedRect back;
              for (guint j = 0; j < 4; j++)
                colors[j] = border;
              gsk_rounded_rect_init_from_rect (&back, &GRAPHENE_RECT_INIT (x + 4 * k, y + 4 * k,
                                                                           n->width, n->height),
                                               RADIUS);
              gtk_snapshot_push_rounded_clip (snapshot, &back);
              gtk_snapshot_append_color (snapshot, &fill, &back.bounds);
              gtk_snapshot_pop (snapshot);
              gtk_snapshot_append_border (snapshot, &back, widths, colors);
            }
        }

      gsk_rounded_rect_init_from_rect (&rr, &GRAPHENE_RECT_INIT (x, y, n->width, n->height),
                                       RADIUS);
      gtk_snapshot_push_rounded_clip (snapshot, &rr);
      gtk_snapshot_append_color (snapshot, &fill, &rr.bounds);
      gtk_snapshot_append_color (snapshot, &stripe, &GRAPHENE_RECT_INIT (x, y, 5, n->height));
      gtk_snapshot_pop (snapshot);
      for (guint j = 0; j < 4; j++)
        {
          colors[j] = hl ? (GdkRGBA) { 0.90, 0.53, 0.04, 1 } : border;
          widths[j] = hl ? 3 : 1;
        }
      gtk_snapshot_append_border (snapshot, &rr, widths, colors);

      if (text)
        {
          double tw = n->width - 18;
          double ty = y + 6;

          pango_layout_set_width (title_layout, (int) (tw * PANGO_SCALE));
          pango_layout_set_width (sub_layout, (int) (tw * PANGO_SCALE));
          pango_layout_set_width (detail_layout, (int) (tw * PANGO_SCALE));
          draw_text (snapshot, title_layout, info->title ? info->title : n->id, x + 12, ty, tw,
                     &fg);
          ty += n->height / 3.3;
          if (info->subtitle)
            draw_text (snapshot, sub_layout, info->subtitle, x + 12, ty, tw, &fg);
          ty += n->height / 3.5;
          if (info->detail)
            draw_text (snapshot, detail_layout, info->detail, x + 12, ty, tw, &dim_fg);
        }
      if (dim)
        gtk_snapshot_pop (snapshot);
    }
  return gtk_snapshot_free_to_node (snapshot);
}

static void
draw_ring (GtkSnapshot             *snapshot,
           const VigilGraphNodeBox *n,
           const GdkRGBA           *color,
           float                    width)
{
  GskRoundedRect rr;
  float widths[4] = { width, width, width, width };
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rr, &GRAPHENE_RECT_INIT (n->x - n->width / 2 - width - 1,
                                                             n->y - n->height / 2 - width - 1,
                                                             n->width + 2 * width + 2,
                                                             n->height + 2 * width + 2),
                                   RADIUS + width);
  gtk_snapshot_append_border (snapshot, &rr, widths, colors);
}

static void
vigil_graph_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  VigilGraphView *self = VIGIL_GRAPH_VIEW (widget);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  double cx0, cy0, cx1, cy1;
  graphene_rect_t visible;
  gboolean dark = is_dark ();
  double ox, oy;

  if (self->layout == NULL || self->layout->n_nodes == 0)
    return;

  to_content (self, 0, 0, &cx0, &cy0);
  to_content (self, w, h, &cx1, &cy1);
  graphene_rect_init (&visible, cx0, cy0, cx1 - cx0, cy1 - cy0);

  if (self->cache != NULL &&
      (self->cache_zoom != self->zoom || self->cache_dark != dark ||
       !graphene_rect_contains_rect (&self->cache_region, &visible)))
    g_clear_pointer (&self->cache, gsk_render_node_unref);
  if (self->cache == NULL)
    {
      /* a quarter screen more on every side, so scrolling reuses it */
      graphene_rect_inset (&visible, -visible.size.width / 4, -visible.size.height / 4);
      self->cache_region = visible;
      self->cache_zoom = self->zoom;
      self->cache_dark = dark;
      self->cache = render_region (self, &visible, dark);
    }

  get_origin (self, &ox, &oy);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (ox - adj_value (self->hadjustment),
                                                          oy - adj_value (self->vadjustment)));
  if (self->cache != NULL)
    gtk_snapshot_append_node (snapshot, self->cache);
  gtk_snapshot_scale (snapshot, self->zoom, self->zoom);

  if (self->hover >= 0 && self->hover != self->selected)
    {
      GdkRGBA c;
      get_fg (self, &c);
      c.alpha = 0.3;
      draw_ring (snapshot, &self->layout->nodes[self->hover], &c, 2 / self->zoom);
    }
  if (self->selected >= 0)
    {
      GdkRGBA accent = dark ? (GdkRGBA) { 0.47, 0.68, 0.93, 1 } : (GdkRGBA) { 0.11, 0.44, 0.85, 1 };
      draw_ring (snapshot, &self->layout->nodes[self->selected], &accent,
                 MAX (3, 3 / self->zoom));
    }
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

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
    g_signal_emit (self, signals[NODE_ACTIVATED], 0, node);
}

static void
drag_begin (GtkGestureDrag *gesture,
            double          x,
            double          y,
            VigilGraphView *self)
{
  self->drag_h = adj_value (self->hadjustment);
  self->drag_v = adj_value (self->vadjustment);
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
  set_zoom_at (self, self->zoom * pow (1.15, -dy), x, y);
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
  set_zoom_at (self, self->pinch_zoom * scale, x, y);
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
        g_signal_emit (self, signals[NODE_ACTIVATED], 0, self->selected);
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
  invalidate (self);
}

/* ---- GObject ------------------------------------------------------------ */

static void
vigil_graph_view_dispose (GObject *object)
{
  VigilGraphView *self = VIGIL_GRAPH_VIEW (object);

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), style_changed, self);
  clear_info (self);
  g_clear_pointer (&self->layout, vigil_graph_layout_unref);
  g_clear_pointer (&self->cache, gsk_render_node_unref);
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
  widget_class->snapshot = vigil_graph_view_snapshot;
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
  GtkGesture *click, *drag, *pinch;
  GtkEventController *scroll, *motion_controller, *keys;

  self->zoom = 1.0;
  self->start_anchor = -1;
  self->selected = -1;
  self->hover = -1;
  self->kinds = g_ptr_array_new_with_free_func ((GDestroyNotify) kind_free);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

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

  g_signal_connect (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (style_changed),
                    self);
  update_accessible (self);
}
