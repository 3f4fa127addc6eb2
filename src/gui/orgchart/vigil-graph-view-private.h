/* vigil-graph-view-private.h — VigilGraphView's instance, shared by its source files
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   vigil-graph-view.c        geometry, zoom and scrolling, the public API, GObject
 *   vigil-graph-view-draw.c   the spatial index and the tiled, incremental drawing
 *   vigil-graph-view-input.c  pointer, keys and the accessible description
 */
#pragma once

#include <adwaita.h>

#include "vigil-graph-view.h"

G_BEGIN_DECLS

#define MARGIN        24.0
#define MIN_ZOOM      0.02
#define MAX_ZOOM      4.0
#define TEXT_MIN_ZOOM 0.4
#define RADIUS        6.0

typedef struct
{
  const char *title;       /* owned by the model or the view's strings */
  const char *subtitle;
  const char *detail;
  const char *accessible;  /* what a screen reader says; NULL: built from the texts */
  int         kind;        /* index in kinds, or -1 */
  guint       flags;
} NodeInfo;

typedef struct
{
  char    *key;
  char    *label;
  GdkRGBA  color;
} Kind;

/* Items (node or edge indices) per cell of a grid over the layout: a CSR
 * table, so that drawing a region never walks every node. */
typedef struct
{
  double  cell;           /* cell size in points */
  guint   cols, rows;
  guint  *start;          /* cols × rows + 1 */
  guint  *items;
} Grid;

struct _VigilGraphView
{
  GtkWidget            parent_instance;

  VigilGraphLayout    *layout;
  VigilGraphViewModel *model;      /* texts prepared off the main thread, or NULL */
  GStringChunk        *strings;    /* texts given with vigil_graph_view_set_node () */
  NodeInfo            *info;       /* layout->n_nodes */
  GPtrArray           *kinds;      /* Kind* */
  int                 *parent_of;  /* first incoming edge's source, per node; -1 */
  Grid                 node_grid;
  Grid                 edge_grid;
  guint               *stamp;      /* per node and edge: last drawing pass that saw it */
  guint                pass;

  double               zoom;
  int                  selected;
  int                  hover;

  GtkAdjustment       *hadjustment;
  GtkAdjustment       *vadjustment;
  guint                hscroll_policy : 1;
  guint                vscroll_policy : 1;
  gboolean             fit_pending;
  int                  start_anchor;  /* show_start: -1 plain fit */

  /* the cached drawing: tiles of TILE_SIZE screen pixels at cache_zoom */
  GHashTable          *tiles;         /* tile key → GskRenderNode */
  double               cache_zoom;
  gboolean             cache_dark;
  gboolean             drawing_complete;
  guint                pending_tick;
  PangoLayout         *text_layouts[4];  /* title, subtitle, detail, cluster */

  /* gestures */
  double               drag_h, drag_v;
  double               pinch_zoom;
};

/* vigil-graph-view.c */
double   vigil_graph_view_adj_value      (GtkAdjustment  *adj);
void     vigil_graph_view_get_origin     (VigilGraphView *self,
                                          double         *ox,
                                          double         *oy);
void     vigil_graph_view_to_content     (VigilGraphView *self,
                                          double          sx,
                                          double          sy,
                                          double         *cx,
                                          double         *cy);
void     vigil_graph_view_set_zoom_at    (VigilGraphView *self,
                                          double          zoom,
                                          double          sx,
                                          double          sy);
void     vigil_graph_view_emit_activated (VigilGraphView *self,
                                          int             node);

/* vigil-graph-view-draw.c */
void     vigil_graph_view_index          (VigilGraphView *self);
void     vigil_graph_view_clear_index    (VigilGraphView *self);
void     vigil_graph_view_invalidate     (VigilGraphView *self);
void     vigil_graph_view_drop_fonts     (VigilGraphView *self);
void     vigil_graph_view_snapshot_graph (GtkWidget      *widget,
                                          GtkSnapshot    *snapshot);

/* vigil-graph-view-input.c */
void     vigil_graph_view_add_controllers (VigilGraphView *self);
void     vigil_graph_view_update_accessible (VigilGraphView *self);

G_END_DECLS
