/* vigil-graph-view.h — draws a VigilGraphLayout: cards, curves, clusters; zoom, pan, select
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A generic view of a laid-out graph (the org chart, the asset dependency
 * map).  Give it a layout and, per node, the text to draw and a kind (the
 * colour; register kinds with vigil_graph_view_add_kind()).  It implements
 * GtkScrollable: put it in a GtkScrolledWindow.
 *
 * Keys: arrows move the selection, Return activates, Ctrl+plus/minus zoom,
 * Ctrl+0 fits.  Ctrl+scroll and pinch zoom; dragging pans.
 *
 * Large graphs: prepare the node texts off the main thread in a
 * VigilGraphViewModel and give it with the layout
 * (vigil_graph_view_set_layout_with_model()); the view draws in tiles, a
 * few per frame, so that no frame does work in proportion to the graph.
 *
 * Accessibility: cards are not widgets.  The view is one focusable object
 * whose accessible label is the selected node's description (arrow keys
 * move the selection from node to node, so a screen reader reads each
 * person in turn) and whose level is the node's depth.
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-graph.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_GRAPH_VIEW (vigil_graph_view_get_type ())
G_DECLARE_FINAL_TYPE (VigilGraphView, vigil_graph_view, VIGIL, GRAPH_VIEW, GtkWidget)

typedef enum
{
  VIGIL_GRAPH_VIEW_NODE_HIGHLIGHT = 1 << 0,  /* emphasised (who to call, a match) */
  VIGIL_GRAPH_VIEW_NODE_DIM       = 1 << 1,  /* drawn faintly */
  VIGIL_GRAPH_VIEW_NODE_COLLAPSED = 1 << 2,  /* has hidden children: drawn as a stack */
} VigilGraphViewNodeFlags;

/* Node texts and flags, built on any thread, immutable once given to a view. */
typedef struct _VigilGraphViewModel VigilGraphViewModel;

VigilGraphViewModel *vigil_graph_view_model_new      (guint                n_nodes);
VigilGraphViewModel *vigil_graph_view_model_ref      (VigilGraphViewModel *model);
void                 vigil_graph_view_model_unref    (VigilGraphViewModel *model);
guint                vigil_graph_view_model_get_n_nodes (VigilGraphViewModel *model);
/* As vigil_graph_view_set_node() and _set_node_flags(); kind is a registered
 * kind's key. */
void                 vigil_graph_view_model_set_node (VigilGraphViewModel *model,
                                                      guint                node,
                                                      const char          *title,
                                                      const char          *subtitle,
                                                      const char          *detail,
                                                      const char          *kind,
                                                      guint                flags);
/* What a screen reader says for the node (default: its texts). */
void                 vigil_graph_view_model_set_accessible (VigilGraphViewModel *model,
                                                            guint                node,
                                                            const char          *text);
const char          *vigil_graph_view_model_get_accessible (VigilGraphViewModel *model,
                                                            guint                node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilGraphViewModel, vigil_graph_view_model_unref)

GtkWidget        *vigil_graph_view_new             (void);

/* A kind of node: its colour ("#rrggbb") and the label written on its cards
 * and in the legend, so that colour is never the only signal. */
void              vigil_graph_view_add_kind        (VigilGraphView   *self,
                                                    const char       *kind,
                                                    const char       *label,
                                                    const char       *color);
/* A legend of the registered kinds (a new widget). */
GtkWidget        *vigil_graph_view_create_legend   (VigilGraphView   *self);

/* Replaces the graph; node texts and flags are cleared; keeps the zoom. */
void              vigil_graph_view_set_layout      (VigilGraphView   *self,
                                                    VigilGraphLayout *layout);
/* Replaces the graph with texts and flags prepared in `model` (which must
 * have layout->n_nodes nodes); the view keeps a reference. */
void              vigil_graph_view_set_layout_with_model (VigilGraphView      *self,
                                                          VigilGraphLayout    *layout,
                                                          VigilGraphViewModel *model);
VigilGraphLayout *vigil_graph_view_get_layout      (VigilGraphView   *self);
/* TRUE once every visible tile has been drawn in full (with its text). */
gboolean          vigil_graph_view_get_drawing_complete (VigilGraphView *self);
/* Text is drawn literally (no markup) and ellipsised; any may be NULL. */
void              vigil_graph_view_set_node        (VigilGraphView   *self,
                                                    guint             node,
                                                    const char       *title,
                                                    const char       *subtitle,
                                                    const char       *detail,
                                                    const char       *kind);
/* What a screen reader says for the node (default: its texts). */
void              vigil_graph_view_set_node_accessible (VigilGraphView *self,
                                                        guint           node,
                                                        const char     *text);
/* The node's spoken description ("Ada Lovelace, CISO, Security team, …"). */
char             *vigil_graph_view_dup_node_description (VigilGraphView *self,
                                                         guint           node);
void              vigil_graph_view_set_node_flags  (VigilGraphView   *self,
                                                    guint             node,
                                                    guint             flags);
guint             vigil_graph_view_get_node_flags  (VigilGraphView   *self,
                                                    guint             node);
/* Clears `flags` on every node. */
void              vigil_graph_view_clear_flags     (VigilGraphView   *self,
                                                    guint             flags);

int               vigil_graph_view_get_selected    (VigilGraphView   *self);
void              vigil_graph_view_set_selected    (VigilGraphView   *self,
                                                    int               node);
void              vigil_graph_view_center_on       (VigilGraphView   *self,
                                                    int               node);

double            vigil_graph_view_get_zoom        (VigilGraphView   *self);
void              vigil_graph_view_set_zoom        (VigilGraphView   *self,
                                                    double            zoom);
void              vigil_graph_view_zoom_to_fit     (VigilGraphView   *self);
/* The first view of a graph: fits it when its text stays readable, otherwise
 * shows `anchor` (e.g. the root) near the top at a readable zoom. */
void              vigil_graph_view_show_start      (VigilGraphView   *self,
                                                    int               anchor);

/* Hit-testing in widget coordinates: the node under (x, y), or -1. */
int               vigil_graph_view_node_at         (VigilGraphView   *self,
                                                    double            x,
                                                    double            y);
/* The centre of a node in widget coordinates; FALSE if there is no such node. */
gboolean          vigil_graph_view_get_node_center (VigilGraphView   *self,
                                                    guint             node,
                                                    double           *x,
                                                    double           *y);

G_END_DECLS
