/* vigil-graph-view-draw.c — VigilGraphView's drawing: a spatial index, tiles drawn a few per frame
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The graph is drawn in square tiles of TILE_SIZE screen pixels at the
 * current zoom, each rasterised once into an image (gsk_render_node_draw)
 * and kept until the zoom, the style or the graph changes: a frame
 * only copies textures (a software renderer would otherwise paint every
 * card and glyph again each frame), and scrolling draws only the tiles that
 * come into view.  Finding what a tile holds goes through a grid index of the nodes
 * and edges (built once per layout), never through every node.
 *
 * A frame draws whole tiles for at most FRAME_BUDGET_US; the tiles left
 * over are shown as plain coloured boxes (cheap: no text) and drawn in the
 * next frames.  So the main loop never stalls in proportion to the
 * size of the graph, and vigil_graph_view_get_drawing_complete() tells when
 * every visible card carries its text.  The selection and hover rings are
 * drawn on top each frame.
 */
#include "config.h"

#include <math.h>

#include "vigil-graph-view-private.h"

#define TILE_SIZE        256     /* screen pixels */
#define FRAME_BUDGET_US  8000
#define MAX_TILES        160     /* kept (256 kB each); beyond, the cache starts again */
#define GRID_MAX_CELLS   65536
#define HIGHLIGHT_COLOR  ((GdkRGBA) { 0.90, 0.53, 0.04, 1 })

/* ---- the grid index --------------------------------------------------------- */

static void
grid_clear (Grid *grid)
{
  g_clear_pointer (&grid->start, g_free);
  g_clear_pointer (&grid->items, g_free);
  grid->cols = grid->rows = 0;
}

static void
grid_cells (const Grid *grid,
            double      x0,
            double      y0,
            double      x1,
            double      y1,
            guint      *c0,
            guint      *r0,
            guint      *c1,
            guint      *r1)
{
  *c0 = (guint) CLAMP (floor (x0 / grid->cell), 0, grid->cols - 1);
  *c1 = (guint) CLAMP (floor (x1 / grid->cell), 0, grid->cols - 1);
  *r0 = (guint) CLAMP (floor (y0 / grid->cell), 0, grid->rows - 1);
  *r1 = (guint) CLAMP (floor (y1 / grid->cell), 0, grid->rows - 1);
}

/* Two passes (count, then fill) over the items' boxes (x0, y0, x1, y1). */
static void
grid_build (Grid         *grid,
            double        width,
            double        height,
            guint         n,
            const double *boxes)
{
  g_autofree guint *fill = NULL;
  guint cells;

  grid_clear (grid);
  grid->cell = MAX (512.0, sqrt (MAX (width, 1) * MAX (height, 1) / GRID_MAX_CELLS));
  grid->cols = MAX (1, (guint) ceil (width / grid->cell));
  grid->rows = MAX (1, (guint) ceil (height / grid->cell));
  cells = grid->cols * grid->rows;
  grid->start = g_new0 (guint, cells + 1);
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n; i++)
        {
          guint c0, r0, c1, r1;

          grid_cells (grid, boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3],
                      &c0, &r0, &c1, &r1);
          for (guint r = r0; r <= r1; r++)
            for (guint c = c0; c <= c1; c++)
              {
                guint cell = r * grid->cols + c;
                if (pass == 0)
                  grid->start[cell + 1]++;
                else
                  grid->items[fill[cell]++] = i;
              }
        }
      if (pass == 0)
        {
          for (guint c = 0; c < cells; c++)
            grid->start[c + 1] += grid->start[c];
          grid->items = g_new (guint, MAX (grid->start[cells], 1));
          fill = g_memdup2 (grid->start, sizeof (guint) * cells);
        }
    }
}

void
vigil_graph_view_clear_index (VigilGraphView *self)
{
  grid_clear (&self->node_grid);
  grid_clear (&self->edge_grid);
  g_clear_pointer (&self->stamp, g_free);
}

void
vigil_graph_view_index (VigilGraphView *self)
{
  VigilGraphLayout *layout = self->layout;
  g_autofree double *boxes = NULL;
  guint n;

  vigil_graph_view_clear_index (self);
  if (layout == NULL)
    return;
  n = MAX (layout->n_nodes, layout->n_edges);
  boxes = g_new (double, 4 * MAX (n, 1));
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const VigilGraphNodeBox *b = &layout->nodes[i];
      /* the collapsed stack and the rings reach a little beyond the box */
      boxes[4 * i] = b->x - b->width / 2 - 12;
      boxes[4 * i + 1] = b->y - b->height / 2 - 12;
      boxes[4 * i + 2] = b->x + b->width / 2 + 12;
      boxes[4 * i + 3] = b->y + b->height / 2 + 12;
    }
  grid_build (&self->node_grid, layout->width, layout->height, layout->n_nodes, boxes);
  for (guint i = 0; i < layout->n_edges; i++)
    {
      const VigilGraphEdgePath *e = &layout->edges[i];
      double minx = G_MAXDOUBLE, miny = G_MAXDOUBLE, maxx = -G_MAXDOUBLE, maxy = -G_MAXDOUBLE;

      for (guint k = 0; k < e->n_points; k++)
        {
          minx = MIN (minx, e->points[2 * k]);
          maxx = MAX (maxx, e->points[2 * k]);
          miny = MIN (miny, e->points[2 * k + 1]);
          maxy = MAX (maxy, e->points[2 * k + 1]);
        }
      if (e->n_points == 0)
        minx = miny = maxx = maxy = -1;  /* nothing to draw: cell 0, skipped later */
      boxes[4 * i] = minx - 2;
      boxes[4 * i + 1] = miny - 2;
      boxes[4 * i + 2] = maxx + 2;
      boxes[4 * i + 3] = maxy + 2;
    }
  grid_build (&self->edge_grid, layout->width, layout->height, layout->n_edges, boxes);
  self->stamp = g_new0 (guint, MAX (layout->n_nodes + layout->n_edges, 1));
  self->pass = 0;
}

/* Calls `func` once for each item whose cells meet the region. */
#define FOR_EACH_IN_REGION(self, grid, base, region, i, body)                                  \
  G_STMT_START {                                                                               \
    guint c0_, r0_, c1_, r1_;                                                                  \
    if ((grid)->cols > 0)                                                                      \
      {                                                                                        \
        grid_cells ((grid), (region)->origin.x, (region)->origin.y,                            \
                    (region)->origin.x + (region)->size.width,                                 \
                    (region)->origin.y + (region)->size.height, &c0_, &r0_, &c1_, &r1_);       \
        for (guint r_ = r0_; r_ <= r1_; r_++)                                                  \
          for (guint c_ = c0_; c_ <= c1_; c_++)                                                \
            {                                                                                  \
              guint cell_ = r_ * (grid)->cols + c_;                                            \
              for (guint k_ = (grid)->start[cell_]; k_ < (grid)->start[cell_ + 1]; k_++)       \
                {                                                                              \
                  guint i = (grid)->items[k_];                                                 \
                  if ((self)->stamp[(base) + i] == (self)->pass)                               \
                    continue;                                                                  \
                  (self)->stamp[(base) + i] = (self)->pass;                                    \
                  body;                                                                        \
                }                                                                              \
            }                                                                                  \
      }                                                                                        \
  } G_STMT_END

/* ---- colours and text ------------------------------------------------------------ */

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

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
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static PangoLayout *
make_layout (VigilGraphView *self,
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
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
}

/* The four text styles, made once (until the style changes). */
static PangoLayout **
text_layouts (VigilGraphView *self)
{
  if (self->text_layouts[0] == NULL)
    {
      self->text_layouts[0] = make_layout (self, 1.0, TRUE);
      self->text_layouts[1] = make_layout (self, 0.9, FALSE);
      self->text_layouts[2] = make_layout (self, 0.8, FALSE);
      self->text_layouts[3] = make_layout (self, 0.85, TRUE);
    }
  return self->text_layouts;
}

void
vigil_graph_view_drop_fonts (VigilGraphView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->text_layouts); i++)
    g_clear_object (&self->text_layouts[i]);
}

/* ---- one tile --------------------------------------------------------------------- */

static void
draw_edges (VigilGraphView        *self,
            GtkSnapshot           *snapshot,
            const graphene_rect_t *region,
            const GdkRGBA         *fg)
{
  VigilGraphLayout *layout = self->layout;
  cairo_t *cr = NULL;
  guint base = layout->n_nodes;

  /* plain lines first, then the highlighted ones over them */
  for (int highlighted = 0; highlighted <= 1; highlighted++)
    {
      GdkRGBA line = *fg;
      gboolean any = FALSE;

      self->pass++;
      FOR_EACH_IN_REGION (self, &self->edge_grid, base, region, i, {
        const VigilGraphEdgePath *e = &layout->edges[i];
        gboolean hl = (self->info[e->from].flags & VIGIL_GRAPH_VIEW_NODE_HIGHLIGHT) &&
                      (self->info[e->to].flags & VIGIL_GRAPH_VIEW_NODE_HIGHLIGHT);

        if (hl != highlighted || e->n_points < 4)
          continue;
        if (cr == NULL)
          cr = gtk_snapshot_append_cairo (snapshot, region);
        any = TRUE;
        cairo_move_to (cr, e->points[0], e->points[1]);
        for (guint k = 1; k + 2 < e->n_points; k += 3)
          cairo_curve_to (cr, e->points[2 * k], e->points[2 * k + 1],
                          e->points[2 * k + 2], e->points[2 * k + 3],
                          e->points[2 * k + 4], e->points[2 * k + 5]);
      });
      if (!any)
        continue;
      cairo_set_line_width (cr, highlighted ? 2.5 : 1.2);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      line.alpha = 0.35;
      if (highlighted)
        line = HIGHLIGHT_COLOR;
      gdk_cairo_set_source_rgba (cr, &line);
      cairo_stroke (cr);
    }
  if (cr != NULL)
    cairo_destroy (cr);
}

static void
draw_clusters (VigilGraphView        *self,
               GtkSnapshot           *snapshot,
               const graphene_rect_t *region,
               const GdkRGBA         *fg,
               const GdkRGBA         *dim_fg,
               PangoLayout           *label_layout)
{
  VigilGraphLayout *layout = self->layout;

  for (guint i = 0; i < layout->n_clusters; i++)
    {
      const VigilGraphClusterBox *c = &layout->clusters[i];
      GskRoundedRect rr;
      GdkRGBA tint = *fg, edge = *fg;
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
      if (label_layout != NULL && c->label != NULL)
        draw_text (snapshot, label_layout, c->label, c->x + 8, c->y + 4, c->width - 16, dim_fg);
    }
}

static void
draw_card (VigilGraphView          *self,
           GtkSnapshot             *snapshot,
           guint                    i,
           gboolean                 dark,
           gboolean                 with_text,
           const GdkRGBA           *fg,
           const GdkRGBA           *dim_fg,
           const GdkRGBA           *border)
{
  const VigilGraphNodeBox *n = &self->layout->nodes[i];
  const NodeInfo *info = &self->info[i];
  double x = n->x - n->width / 2, y = n->y - n->height / 2;
  GskRoundedRect rr;
  GdkRGBA fill, stripe, colors[4];
  float widths[4] = { 1, 1, 1, 1 };
  gboolean dim = info->flags & VIGIL_GRAPH_VIEW_NODE_DIM;
  gboolean hl = info->flags & VIGIL_GRAPH_VIEW_NODE_HIGHLIGHT;

  card_colors (self, info->kind, dark, &fill, &stripe);
  if (self->zoom < 0.15)
    {
      /* far away: a plain coloured box is all that can be seen */
      GdkRGBA box = hl ? HIGHLIGHT_COLOR : stripe;
      if (dim)
        box.alpha = 0.3;
      gtk_snapshot_append_color (snapshot, &box, &GRAPHENE_RECT_INIT (x, y, n->width, n->height));
      return;
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
            colors[j] = *border;
          gsk_rounded_rect_init_from_rect (&back, &GRAPHENE_RECT_INIT (x + 4 * k, y + 4 * k,
                                                                       n->width, n->height),
                                           RADIUS);
          gtk_snapshot_push_rounded_clip (snapshot, &back);
          gtk_snapshot_append_color (snapshot, &fill, &back.bounds);
          gtk_snapshot_pop (snapshot);
          gtk_snapshot_append_border (snapshot, &back, widths, colors);
        }
    }

  gsk_rounded_rect_init_from_rect (&rr, &GRAPHENE_RECT_INIT (x, y, n->width, n->height), RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &rr);
  gtk_snapshot_append_color (snapshot, &fill, &rr.bounds);
  gtk_snapshot_append_color (snapshot, &stripe, &GRAPHENE_RECT_INIT (x, y, 5, n->height));
  gtk_snapshot_pop (snapshot);
  for (guint j = 0; j < 4; j++)
    {
      colors[j] = hl ? HIGHLIGHT_COLOR : *border;
      widths[j] = hl ? 3 : 1;
    }
  gtk_snapshot_append_border (snapshot, &rr, widths, colors);

  if (with_text)
    {
      PangoLayout **layouts = text_layouts (self);
      double tw = n->width - 18;
      double ty = y + 6;

      draw_text (snapshot, layouts[0], info->title ? info->title : n->id, x + 12, ty, tw, fg);
      ty += n->height / 3.3;
      if (info->subtitle)
        draw_text (snapshot, layouts[1], info->subtitle, x + 12, ty, tw, fg);
      ty += n->height / 3.5;
      if (info->detail)
        draw_text (snapshot, layouts[2], info->detail, x + 12, ty, tw, dim_fg);
    }
  if (dim)
    gtk_snapshot_pop (snapshot);
}

/* The tile's drawing, in screen units at the zoom (so that cairo's edge
 * surfaces get screen resolution), clipped to the tile. */
static GskRenderNode *
render_tile (VigilGraphView *self,
             int             tx,
             int             ty,
             gboolean        dark,
             int             scale)
{
  gboolean with_text = self->zoom >= TEXT_MIN_ZOOM;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  double size = TILE_SIZE / self->zoom;
  graphene_rect_t region = GRAPHENE_RECT_INIT (tx * size, ty * size, size, size);
  GdkRGBA fg, dim_fg, border;

  get_fg (self, &fg);
  dim_fg = fg;
  dim_fg.alpha = 0.7;
  border = fg;
  border.alpha = 0.18;

  /* clipped on whole pixels: no antialiased seam where two tiles meet */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (tx * TILE_SIZE * scale,
                                                         ty * TILE_SIZE * scale,
                                                         TILE_SIZE * scale, TILE_SIZE * scale));
  gtk_snapshot_scale (snapshot, self->zoom * scale, self->zoom * scale);
  draw_clusters (self, snapshot, &region, &fg, &dim_fg,
                 with_text ? text_layouts (self)[3] : NULL);
  draw_edges (self, snapshot, &region, &fg);
  self->pass++;
  FOR_EACH_IN_REGION (self, &self->node_grid, 0, &region, i, {
    const VigilGraphNodeBox *n = &self->layout->nodes[i];
    if (!box_intersects (&region, n->x - n->width / 2 - 12, n->y - n->height / 2 - 12,
                         n->width + 24, n->height + 24))
      continue;
    draw_card (self, snapshot, i, dark, with_text, &fg, &dim_fg, &border);
  });
  gtk_snapshot_pop (snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

/* A tile rasterised once into an image, kept as a render node that only
 * paints that image: the same node each frame, so a GL renderer uploads it
 * once and the cairo renderer copies pixels instead of drawing every card
 * and glyph again. */
static GskRenderNode *
rasterize_tile (VigilGraphView *self,
                int             tx,
                int             ty,
                gboolean        dark)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  GskRenderNode *node = render_tile (self, tx, ty, dark, scale);
  GtkSnapshot *snapshot;
  cairo_surface_t *image;
  cairo_t *cr;

  if (node == NULL)
    return NULL;  /* nothing there: stored as such */
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE_SIZE * scale, TILE_SIZE * scale);
  cr = cairo_create (image);
  cairo_translate (cr, -tx * TILE_SIZE * scale, -ty * TILE_SIZE * scale);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  gsk_render_node_unref (node);

  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (tx * TILE_SIZE, ty * TILE_SIZE,
                                                                 TILE_SIZE, TILE_SIZE));
  cairo_translate (cr, tx * TILE_SIZE, ty * TILE_SIZE);
  cairo_scale (cr, 1.0 / scale, 1.0 / scale);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  return gtk_snapshot_free_to_node (snapshot);
}

static void
placeholder_box (VigilGraphView *self,
                 GtkSnapshot    *snapshot,
                 guint           i,
                 gboolean        dark)
{
  const VigilGraphNodeBox *n = &self->layout->nodes[i];
  double x = n->x - n->width / 2, y = n->y - n->height / 2;
  GdkRGBA fill, stripe;

  card_colors (self, self->info[i].kind, dark, &fill, &stripe);
  gtk_snapshot_append_color (snapshot, &fill, &GRAPHENE_RECT_INIT (x, y, n->width, n->height));
  gtk_snapshot_append_color (snapshot, &stripe, &GRAPHENE_RECT_INIT (x, y, 5, n->height));
}

/* What stands in for a tile not drawn yet: its cards as plain boxes. */
static void
draw_placeholder (VigilGraphView *self,
                  GtkSnapshot    *snapshot,
                  int             tx,
                  int             ty,
                  gboolean        dark)
{
  double size = TILE_SIZE / self->zoom;
  graphene_rect_t region = GRAPHENE_RECT_INIT (tx * size, ty * size, size, size);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_scale (snapshot, self->zoom, self->zoom);
  gtk_snapshot_push_clip (snapshot, &region);
  self->pass++;
  FOR_EACH_IN_REGION (self, &self->node_grid, 0, &region, i, {
    placeholder_box (self, snapshot, i, dark);
  });
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);
}

/* ---- the frame ------------------------------------------------------------------- */

void
vigil_graph_view_invalidate (VigilGraphView *self)
{
  if (self->tiles != NULL)
    g_hash_table_remove_all (self->tiles);
  self->drawing_complete = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
draw_pending (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       data)
{
  VigilGraphView *self = VIGIL_GRAPH_VIEW (widget);

  self->pending_tick = 0;
  gtk_widget_queue_draw (widget);
  return G_SOURCE_REMOVE;
}

static void
tile_free (gpointer node)
{
  if (node != NULL)
    gsk_render_node_unref (node);
}

static gint64
tile_key (int tx,
          int ty)
{
  return ((gint64) tx << 32) | (guint32) ty;
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

void
vigil_graph_view_snapshot_graph (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  VigilGraphView *self = VIGIL_GRAPH_VIEW (widget);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  gboolean dark = is_dark ();
  gint64 start = g_get_monotonic_time ();
  gboolean pending = FALSE;
  double ox, oy, sx, sy;
  int tx0, ty0, tx1, ty1;

  if (self->layout == NULL || self->layout->n_nodes == 0)
    {
      self->drawing_complete = TRUE;
      return;
    }
  if (self->tiles == NULL)
    self->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) tile_free);
  if (self->cache_zoom != self->zoom || self->cache_dark != dark ||
      g_hash_table_size (self->tiles) > MAX_TILES)
    g_hash_table_remove_all (self->tiles);
  self->cache_zoom = self->zoom;
  self->cache_dark = dark;

  /* the visible tiles, in screen pixels from the content's origin */
  vigil_graph_view_get_origin (self, &ox, &oy);
  /* whole pixels, so that the tiles' images are copied, never resampled */
  sx = round (vigil_graph_view_adj_value (self->hadjustment) - ox);
  sy = round (vigil_graph_view_adj_value (self->vadjustment) - oy);
  tx0 = (int) floor (MAX (sx, 0) / TILE_SIZE);
  ty0 = (int) floor (MAX (sy, 0) / TILE_SIZE);
  tx1 = (int) floor (MIN (sx + w, self->layout->width * self->zoom) / TILE_SIZE);
  ty1 = (int) floor (MIN (sy + h, self->layout->height * self->zoom) / TILE_SIZE);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-sx, -sy));
  for (int ty = ty0; ty <= ty1; ty++)
    for (int tx = tx0; tx <= tx1; tx++)
      {
        gint64 key = tile_key (tx, ty);
        gpointer tile = NULL;
        gboolean drawn = g_hash_table_lookup_extended (self->tiles, &key, NULL, &tile);

        if (!drawn && g_get_monotonic_time () - start < FRAME_BUDGET_US)
          {
            tile = rasterize_tile (self, tx, ty, dark);
            g_hash_table_insert (self->tiles, g_memdup2 (&key, sizeof key), tile);
            drawn = TRUE;
          }
        if (tile != NULL)
          gtk_snapshot_append_node (snapshot, tile);
        else if (!drawn)
          {
            /* over budget: plain boxes now, the tile in a next frame */
            draw_placeholder (self, snapshot, tx, ty, dark);
            pending = TRUE;
          }
      }

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

  self->drawing_complete = !pending;
  if (pending && self->pending_tick == 0)
    self->pending_tick = gtk_widget_add_tick_callback (widget, draw_pending, NULL, NULL);
}
