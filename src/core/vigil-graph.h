/* vigil-graph.h — generic graph layout with Graphviz `dot`, as plain C results
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Build a VigilGraph (nodes with a fixed size measured by the caller, edges,
 * optional clusters), lay it out with vigil_graph_layout_async() on a worker
 * thread, and draw the VigilGraphLayout yourself.  Every Graphviz call in the
 * process goes through this file, behind one mutex, in the C numeric locale.
 *
 * Units: points (1/72 in; draw them 1:1 as pixels at zoom 1), y pointing
 * DOWN (already flipped), origin at the top-left of the layout's box.
 *
 * Layouts are cached by a hash of the input (nodes, sizes, edges, clusters,
 * attributes and the Graphviz version): in memory, and as files in
 * vigil_graph_get_cache_dir().
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _VigilGraph VigilGraph;

typedef struct
{
  const char *id;       /* the caller's id, as given to vigil_graph_add_node() */
  const char *cluster;  /* or NULL */
  double      x, y;     /* centre */
  double      width, height;
} VigilGraphNodeBox;

typedef struct
{
  guint   from, to;     /* node indices */
  guint   n_points;     /* 3n+1 cubic bézier control points: p0 c1 c2 p1 c1 c2 p2 … */
  double *points;       /* x0, y0, x1, y1, … (2 × n_points doubles) */
} VigilGraphEdgePath;

typedef struct
{
  const char *id;
  const char *label;
  double      x, y, width, height;  /* top-left and size */
} VigilGraphClusterBox;

typedef struct
{
  /*< public, read-only >*/
  double                width, height;  /* the bounding box */
  guint                 n_nodes;
  VigilGraphNodeBox    *nodes;          /* in the order they were added */
  guint                 n_edges;
  VigilGraphEdgePath   *edges;          /* in the order they were added */
  guint                 n_clusters;
  VigilGraphClusterBox *clusters;
  gboolean              from_cache;
  gboolean              preliminary;    /* from vigil_graph_layout_quick() */
  double                layout_seconds; /* time spent in gvLayout (0 from cache) */
  double                layout_cpu_seconds; /* CPU time of that thread in gvLayout */
  /*< private >*/
  gatomicrefcount       ref_count;
  GStringChunk         *strings;
} VigilGraphLayout;

#define VIGIL_TYPE_GRAPH_LAYOUT (vigil_graph_layout_get_type ())
GType             vigil_graph_layout_get_type  (void) G_GNUC_CONST;
VigilGraphLayout *vigil_graph_layout_ref       (VigilGraphLayout *layout);
void              vigil_graph_layout_unref     (VigilGraphLayout *layout);
/* Index of the node with this id, or -1. */
int               vigil_graph_layout_find_node (VigilGraphLayout *layout,
                                                const char       *id);
/* Index of the node whose box contains (x, y), or -1. */
int               vigil_graph_layout_node_at   (VigilGraphLayout *layout,
                                                double            x,
                                                double            y);

/* A graph description.  Not thread-safe; hand it to the async layout and do
 * not modify it until it finishes (the task holds a reference). */
VigilGraph *vigil_graph_new             (void);
VigilGraph *vigil_graph_ref             (VigilGraph   *self);
void        vigil_graph_unref           (VigilGraph   *self);

/* Graph attributes passed to dot, e.g. ("rankdir", "LR"), ("ranksep", "0.6").
 * Defaults: rankdir TB, nodesep 0.25, ranksep 0.5, splines spline (large
 * graphs get faster settings automatically, see vigil_graph_set_fast()). */
void        vigil_graph_set_attr        (VigilGraph   *self,
                                         const char   *name,
                                         const char   *value);
/* Caps dot's effort (nslimit, mclimit, searchsize, straight edges).  Set
 * automatically above 800 nodes unless set explicitly. */
void        vigil_graph_set_fast        (VigilGraph   *self,
                                         gboolean      fast);
/* A cluster (a box drawn around its nodes); id must be unique. */
void        vigil_graph_add_cluster     (VigilGraph   *self,
                                         const char   *id,
                                         const char   *label);
/* Returns the node's index.  width/height in points; cluster may be NULL.
 * Ids must be unique. */
guint       vigil_graph_add_node        (VigilGraph   *self,
                                         const char   *id,
                                         double        width,
                                         double        height,
                                         const char   *cluster);
/* Attributes used only by exports (label, fillcolor, tooltip, URL, …);
 * they do not change the layout or its cache key. */
void        vigil_graph_set_node_attr   (VigilGraph   *self,
                                         guint         node,
                                         const char   *name,
                                         const char   *value);
void        vigil_graph_set_cluster_attr (VigilGraph  *self,
                                         const char   *cluster,
                                         const char   *name,
                                         const char   *value);
/* Ignored (FALSE) when either id is unknown. */
gboolean    vigil_graph_add_edge        (VigilGraph   *self,
                                         const char   *from,
                                         const char   *to);
/* An invisible edge: `to` is placed at least one rank below `from` (used to
 * stack siblings into columns).  Not part of the layout's edges. */
gboolean    vigil_graph_add_constraint  (VigilGraph   *self,
                                         const char   *from,
                                         const char   *to);
guint       vigil_graph_get_n_nodes     (VigilGraph   *self);
guint       vigil_graph_get_n_edges     (VigilGraph   *self);
/* Hex digest of what determines the layout (the cache key). */
const char *vigil_graph_get_hash        (VigilGraph   *self);
/* The graph as DOT text (with export attributes). */
char       *vigil_graph_to_dot          (VigilGraph   *self);

/* Synchronous layout (takes the Graphviz lock; may take seconds). */
VigilGraphLayout *vigil_graph_layout         (VigilGraph          *self,
                                              GError             **error);
/* On a worker thread with a large stack; the callback runs in the thread-
 * default main context of the caller.  Cancelling only drops the result
 * (Graphviz cannot be interrupted). */
void              vigil_graph_layout_async   (VigilGraph          *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
VigilGraphLayout *vigil_graph_layout_finish  (GAsyncResult        *result,
                                              GError             **error);
/* An immediate layout without Graphviz, for showing something at once while
 * dot works: a tidy tree (each node under its first parent; constrained
 * nodes stacked under their constraint), straight curves, no clusters.
 * Marked `preliminary`.  Never cached. */
VigilGraphLayout *vigil_graph_layout_quick   (VigilGraph          *self);
/* The cached layout for this graph, or NULL; never runs Graphviz. */
VigilGraphLayout *vigil_graph_lookup_cached  (VigilGraph          *self);

/* Renders with Graphviz's own renderers: "svg", "png", "pdf", "dot". */
GBytes   *vigil_graph_render        (VigilGraph   *self,
                                     const char   *format,
                                     GError      **error);
gboolean  vigil_graph_export        (VigilGraph   *self,
                                     const char   *format,
                                     const char   *path,
                                     GError      **error);

/* Folder of the on-disk layout cache (default: user cache dir/vigil/layouts);
 * NULL disables the disk cache. */
const char *vigil_graph_get_cache_dir (void);
void        vigil_graph_set_cache_dir (const char *dir);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilGraph, vigil_graph_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilGraphLayout, vigil_graph_layout_unref)

G_END_DECLS
