/* vigil-graph.c — generic graph layout with Graphviz `dot`, as plain C results
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Graphviz is not thread-safe (cgraph reorganises its dictionaries even on
 * lookups, and the library keeps process-wide state), so every call into it
 * is made with graphviz_lock held, through one GVC_t kept for the process.
 * Numbers are formatted in the C locale (uselocale() on the calling thread).
 */
/* Graphviz's version header defines PACKAGE_* like ours: read it first. */
#include <graphviz/graphviz_version.h>
static const char graphviz_version[] = PACKAGE_STRING;
#undef PACKAGE_BUGREPORT
#undef PACKAGE_NAME
#undef PACKAGE_STRING
#undef PACKAGE_TARNAME
#undef PACKAGE_URL
#undef PACKAGE_VERSION

#include "config.h"

#include <glib/gi18n-lib.h>
#include <graphviz/cgraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <graphviz/gvc.h>
#include <locale.h>
#include <pthread.h>
#include <string.h>
#include <time.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "vigil-error.h"
#include "vigil-graph.h"

#define FAST_THRESHOLD   800
#define MEMORY_CACHE_MAX 8
#define WORKER_STACK     (256u * 1024u * 1024u)
#define CACHE_FORMAT     "(sdda(dddd)a(uuad)a(dddd))"

typedef struct
{
  char      *id;
  char      *cluster;
  double     width, height;
  GPtrArray *attrs;  /* name, value, name, value … (export only) */
} Node;

typedef struct
{
  char      *id;
  char      *label;
  GPtrArray *attrs;
} Cluster;

typedef struct
{
  guint from, to;
} Edge;

struct _VigilGraph
{
  gatomicrefcount  ref_count;
  GPtrArray       *nodes;     /* Node* */
  GHashTable      *node_ids;  /* id → index + 1 */
  GArray          *edges;     /* Edge */
  GArray          *constraints; /* Edge, invisible */
  GPtrArray       *clusters;  /* Cluster* */
  GHashTable      *cluster_ids; /* id → Cluster* */
  GPtrArray       *attrs;     /* name, value pairs */
  int              fast;      /* -1 auto */
  char            *hash;
};

static GMutex      graphviz_lock;
static GVC_t      *graphviz_context;
static GMutex      cache_lock;
static GHashTable *memory_cache;  /* hash → VigilGraphLayout */
static GQueue      memory_cache_order = G_QUEUE_INIT;
static char       *cache_dir;
static gboolean    cache_dir_set;

/* ---- the layout result ------------------------------------------------- */

G_DEFINE_BOXED_TYPE (VigilGraphLayout, vigil_graph_layout,
                     vigil_graph_layout_ref, vigil_graph_layout_unref)

static VigilGraphLayout *
layout_new (guint n_nodes,
            guint n_edges,
            guint n_clusters)
{
  VigilGraphLayout *layout = g_new0 (VigilGraphLayout, 1);

  g_atomic_ref_count_init (&layout->ref_count);
  layout->strings = g_string_chunk_new (4096);
  layout->n_nodes = n_nodes;
  layout->nodes = g_new0 (VigilGraphNodeBox, MAX (n_nodes, 1));
  layout->n_edges = n_edges;
  layout->edges = g_new0 (VigilGraphEdgePath, MAX (n_edges, 1));
  layout->n_clusters = n_clusters;
  layout->clusters = g_new0 (VigilGraphClusterBox, MAX (n_clusters, 1));
  return layout;
}

VigilGraphLayout *
vigil_graph_layout_ref (VigilGraphLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_atomic_ref_count_inc (&layout->ref_count);
  return layout;
}

void
vigil_graph_layout_unref (VigilGraphLayout *layout)
{
  g_return_if_fail (layout != NULL);
  if (!g_atomic_ref_count_dec (&layout->ref_count))
    return;
  for (guint i = 0; i < layout->n_edges; i++)
    g_free (layout->edges[i].points);
  g_free (layout->nodes);
  g_free (layout->edges);
  g_free (layout->clusters);
  g_string_chunk_free (layout->strings);
  g_free (layout);
}

int
vigil_graph_layout_find_node (VigilGraphLayout *layout,
                              const char       *id)
{
  g_return_val_if_fail (layout != NULL, -1);
  for (guint i = 0; i < layout->n_nodes; i++)
    if (g_strcmp0 (layout->nodes[i].id, id) == 0)
      return (int) i;
  return -1;
}

int
vigil_graph_layout_node_at (VigilGraphLayout *layout,
                            double            x,
                            double            y)
{
  g_return_val_if_fail (layout != NULL, -1);
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const VigilGraphNodeBox *n = &layout->nodes[i];
      if (x >= n->x - n->width / 2 && x <= n->x + n->width / 2 &&
          y >= n->y - n->height / 2 && y <= n->y + n->height / 2)
        return (int) i;
    }
  return -1;
}

/* ---- the graph description --------------------------------------------- */

static void
node_free (gpointer data)
{
  Node *node = data;
  g_free (node->id);
  g_free (node->cluster);
  g_ptr_array_unref (node->attrs);
  g_free (node);
}

static void
cluster_free (gpointer data)
{
  Cluster *cluster = data;
  g_free (cluster->id);
  g_free (cluster->label);
  g_ptr_array_unref (cluster->attrs);
  g_free (cluster);
}

VigilGraph *
vigil_graph_new (void)
{
  VigilGraph *self = g_new0 (VigilGraph, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->nodes = g_ptr_array_new_with_free_func (node_free);
  self->node_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  self->constraints = g_array_new (FALSE, FALSE, sizeof (Edge));
  self->clusters = g_ptr_array_new_with_free_func (cluster_free);
  self->cluster_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->attrs = g_ptr_array_new_with_free_func (g_free);
  self->fast = -1;
  return self;
}

VigilGraph *
vigil_graph_ref (VigilGraph *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
vigil_graph_unref (VigilGraph *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->node_ids);
  g_hash_table_unref (self->cluster_ids);
  g_ptr_array_unref (self->nodes);
  g_array_unref (self->edges);
  g_array_unref (self->constraints);
  g_ptr_array_unref (self->clusters);
  g_ptr_array_unref (self->attrs);
  g_free (self->hash);
  g_free (self);
}

static void
set_pair (GPtrArray  *pairs,
          const char *name,
          const char *value)
{
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    if (strcmp (g_ptr_array_index (pairs, i), name) == 0)
      {
        g_free (pairs->pdata[i + 1]);
        pairs->pdata[i + 1] = g_strdup (value ? value : "");
        return;
      }
  g_ptr_array_add (pairs, g_strdup (name));
  g_ptr_array_add (pairs, g_strdup (value ? value : ""));
}

static void
invalidate (VigilGraph *self)
{
  g_clear_pointer (&self->hash, g_free);
}

void
vigil_graph_set_attr (VigilGraph *self,
                      const char *name,
                      const char *value)
{
  g_return_if_fail (self != NULL && name != NULL);
  set_pair (self->attrs, name, value);
  invalidate (self);
}

void
vigil_graph_set_fast (VigilGraph *self,
                      gboolean    fast)
{
  g_return_if_fail (self != NULL);
  self->fast = fast ? 1 : 0;
  invalidate (self);
}

void
vigil_graph_add_cluster (VigilGraph *self,
                         const char *id,
                         const char *label)
{
  Cluster *cluster;

  g_return_if_fail (self != NULL && id != NULL);
  if (g_hash_table_contains (self->cluster_ids, id))
    return;
  cluster = g_new0 (Cluster, 1);
  cluster->id = g_strdup (id);
  cluster->label = g_strdup (label ? label : "");
  cluster->attrs = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->clusters, cluster);
  g_hash_table_insert (self->cluster_ids, cluster->id, cluster);
  invalidate (self);
}

guint
vigil_graph_add_node (VigilGraph *self,
                      const char *id,
                      double      width,
                      double      height,
                      const char *cluster)
{
  Node *node;
  gpointer existing;

  g_return_val_if_fail (self != NULL && id != NULL, 0);
  existing = g_hash_table_lookup (self->node_ids, id);
  g_return_val_if_fail (existing == NULL, GPOINTER_TO_UINT (existing) - 1);

  node = g_new0 (Node, 1);
  node->id = g_strdup (id);
  node->width = MAX (width, 1);
  node->height = MAX (height, 1);
  if (cluster != NULL)
    {
      if (!g_hash_table_contains (self->cluster_ids, cluster))
        vigil_graph_add_cluster (self, cluster, cluster);
      node->cluster = g_strdup (cluster);
    }
  node->attrs = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->nodes, node);
  g_hash_table_insert (self->node_ids, node->id, GUINT_TO_POINTER (self->nodes->len));
  invalidate (self);
  return self->nodes->len - 1;
}

void
vigil_graph_set_node_attr (VigilGraph *self,
                           guint       node,
                           const char *name,
                           const char *value)
{
  g_return_if_fail (self != NULL && node < self->nodes->len && name != NULL);
  set_pair (((Node *) self->nodes->pdata[node])->attrs, name, value);
}

void
vigil_graph_set_cluster_attr (VigilGraph *self,
                              const char *cluster,
                              const char *name,
                              const char *value)
{
  Cluster *c;

  g_return_if_fail (self != NULL && cluster != NULL && name != NULL);
  c = g_hash_table_lookup (self->cluster_ids, cluster);
  if (c != NULL)
    set_pair (c->attrs, name, value);
}

gboolean
vigil_graph_add_edge (VigilGraph *self,
                      const char *from,
                      const char *to)
{
  Edge edge;
  guint f, t;

  g_return_val_if_fail (self != NULL, FALSE);
  f = GPOINTER_TO_UINT (g_hash_table_lookup (self->node_ids, from));
  t = GPOINTER_TO_UINT (g_hash_table_lookup (self->node_ids, to));
  if (f == 0 || t == 0)
    return FALSE;
  edge.from = f - 1;
  edge.to = t - 1;
  g_array_append_val (self->edges, edge);
  invalidate (self);
  return TRUE;
}

gboolean
vigil_graph_add_constraint (VigilGraph *self,
                            const char *from,
                            const char *to)
{
  Edge edge;
  guint f, t;

  g_return_val_if_fail (self != NULL, FALSE);
  f = GPOINTER_TO_UINT (g_hash_table_lookup (self->node_ids, from));
  t = GPOINTER_TO_UINT (g_hash_table_lookup (self->node_ids, to));
  if (f == 0 || t == 0)
    return FALSE;
  edge.from = f - 1;
  edge.to = t - 1;
  g_array_append_val (self->constraints, edge);
  invalidate (self);
  return TRUE;
}

guint
vigil_graph_get_n_nodes (VigilGraph *self)
{
  return self->nodes->len;
}

guint
vigil_graph_get_n_edges (VigilGraph *self)
{
  return self->edges->len;
}

static gboolean
is_fast (VigilGraph *self)
{
  return self->fast < 0 ? self->nodes->len > FAST_THRESHOLD : self->fast;
}

static int
cluster_index (VigilGraph *self,
               const char *id)
{
  for (guint i = 0; i < self->clusters->len; i++)
    if (strcmp (((Cluster *) self->clusters->pdata[i])->id, id) == 0)
      return (int) i;
  return -1;
}

static void
append_num (GString *s,
            double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append (s, g_ascii_formatd (buf, sizeof buf, "%.2f", v));
}

const char *
vigil_graph_get_hash (VigilGraph *self)
{
  g_autoptr(GString) s = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  if (self->hash != NULL)
    return self->hash;

  s = g_string_new ("vigil-graph 1 graphviz ");
  g_string_append (s, graphviz_version);
  g_string_append_printf (s, " fast=%d\n", is_fast (self));
  for (guint i = 0; i + 1 < self->attrs->len; i += 2)
    g_string_append_printf (s, "a %s=%s\n", (char *) self->attrs->pdata[i],
                            (char *) self->attrs->pdata[i + 1]);
  for (guint i = 0; i < self->clusters->len; i++)
    g_string_append_printf (s, "c %s %s\n", ((Cluster *) self->clusters->pdata[i])->id,
                            ((Cluster *) self->clusters->pdata[i])->label);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      Node *n = self->nodes->pdata[i];
      g_string_append_printf (s, "n %s ", n->id);
      append_num (s, n->width);
      g_string_append_c (s, ' ');
      append_num (s, n->height);
      g_string_append_printf (s, " %s\n", n->cluster ? n->cluster : "");
    }
  for (guint i = 0; i < self->edges->len; i++)
    {
      Edge *e = &g_array_index (self->edges, Edge, i);
      g_string_append_printf (s, "e %u %u\n", e->from, e->to);
    }
  for (guint i = 0; i < self->constraints->len; i++)
    {
      Edge *e = &g_array_index (self->constraints, Edge, i);
      g_string_append_printf (s, "k %u %u\n", e->from, e->to);
    }
  self->hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, s->str, s->len);
  return self->hash;
}

/* ---- building the cgraph graph (graphviz_lock held) -------------------- */

typedef struct
{
  locale_t c_locale;
  locale_t saved;
} LocaleGuard;

static void
locale_guard_enter (LocaleGuard *guard)
{
  guard->c_locale = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  guard->saved = guard->c_locale ? uselocale (guard->c_locale) : (locale_t) 0;
}

static void
locale_guard_leave (LocaleGuard *guard)
{
  if (guard->c_locale)
    {
      uselocale (guard->saved);
      freelocale (guard->c_locale);
    }
}

static GVC_t *
get_context (void)
{
  if (graphviz_context == NULL)
    {
      agseterr (AGERR);
      graphviz_context = gvContext ();
    }
  return graphviz_context;
}

static void
set_inches (void       *obj,
            const char *name,
            double      points)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  agsafeset (obj, (char *) name, g_ascii_formatd (buf, sizeof buf, "%.4f", points / 72.0), "");
}

static void
apply_default (Agraph_t   *g,
               int         kind,
               const char *name,
               const char *value)
{
  agattr (g, kind, (char *) name, (char *) value);
}

static Agraph_t *
build_cgraph (VigilGraph  *self,
              gboolean     for_export,
              Agnode_t  ***nodes_out,
              Agedge_t  ***edges_out,
              Agraph_t  ***subs_out)
{
  Agraph_t *g = agopen ((char *) "G", Agdirected, NULL);
  Agnode_t **nodes = g_new0 (Agnode_t *, MAX (self->nodes->len, 1));
  Agedge_t **edges = g_new0 (Agedge_t *, MAX (self->edges->len, 1));
  Agraph_t **subs = g_new0 (Agraph_t *, MAX (self->clusters->len, 1));
  char name[32];

  /* defaults */
  apply_default (g, AGRAPH, "rankdir", "TB");
  apply_default (g, AGRAPH, "nodesep", "0.25");
  apply_default (g, AGRAPH, "ranksep", "0.5");
  apply_default (g, AGRAPH, "splines", "spline");
  apply_default (g, AGRAPH, "outputorder", "edgesfirst");
  apply_default (g, AGNODE, "shape", "box");
  apply_default (g, AGNODE, "fixedsize", "true");
  apply_default (g, AGNODE, "label", "");
  apply_default (g, AGNODE, "width", "1");
  apply_default (g, AGNODE, "height", "0.5");
  apply_default (g, AGEDGE, "arrowhead", "normal");
  apply_default (g, AGRAPH, "label", "");
  if (for_export)
    {
      apply_default (g, AGNODE, "fontname", "sans-serif");
      apply_default (g, AGNODE, "fontsize", "10");
      apply_default (g, AGNODE, "style", "");
      apply_default (g, AGNODE, "fillcolor", "white");
      apply_default (g, AGRAPH, "fontname", "sans-serif");
    }
  if (is_fast (self))
    {
      apply_default (g, AGRAPH, "nslimit", "2");
      apply_default (g, AGRAPH, "nslimit1", "2");
      apply_default (g, AGRAPH, "mclimit", "0.2");
      apply_default (g, AGRAPH, "searchsize", "20");
      apply_default (g, AGRAPH, "remincross", "false");
      agsafeset (g, (char *) "splines", (char *) "false", "");
    }
  for (guint i = 0; i + 1 < self->attrs->len; i += 2)
    {
      const char *key = self->attrs->pdata[i];
      const char *value = self->attrs->pdata[i + 1];
      if (g_str_has_prefix (key, "node."))
        apply_default (g, AGNODE, key + 5, value);
      else if (g_str_has_prefix (key, "edge."))
        apply_default (g, AGEDGE, key + 5, value);
      else
        agsafeset (g, (char *) key, (char *) value, "");
    }

  for (guint i = 0; i < self->clusters->len; i++)
    {
      Cluster *c = self->clusters->pdata[i];
      g_snprintf (name, sizeof name, "cluster_%u", i);
      subs[i] = agsubg (g, name, TRUE);
      /* the label reserves room at the top of the box; the view draws it */
      agsafeset (subs[i], (char *) "label", c->label, "");
      agsafeset (subs[i], (char *) "labeljust", (char *) "l", "");
      if (for_export)
        {
          for (guint j = 0; j + 1 < c->attrs->len; j += 2)
            agsafeset (subs[i], c->attrs->pdata[j], c->attrs->pdata[j + 1], "");
        }
    }

  for (guint i = 0; i < self->nodes->len; i++)
    {
      Node *n = self->nodes->pdata[i];
      Agraph_t *parent = g;
      int ci;

      if (n->cluster != NULL && (ci = cluster_index (self, n->cluster)) >= 0)
        parent = subs[ci];
      g_snprintf (name, sizeof name, "n%u", i);
      nodes[i] = agnode (parent, name, TRUE);
      set_inches (nodes[i], "width", n->width);
      set_inches (nodes[i], "height", n->height);
      if (for_export)
        {
          agsafeset (nodes[i], (char *) "id", n->id, "");
          agsafeset (nodes[i], (char *) "label", n->id, "");
          for (guint j = 0; j + 1 < n->attrs->len; j += 2)
            agsafeset (nodes[i], n->attrs->pdata[j], n->attrs->pdata[j + 1], "");
        }
    }

  for (guint i = 0; i < self->edges->len; i++)
    {
      Edge *e = &g_array_index (self->edges, Edge, i);
      g_snprintf (name, sizeof name, "e%u", i);
      edges[i] = agedge (g, nodes[e->from], nodes[e->to], name, TRUE);
    }

  for (guint i = 0; i < self->constraints->len; i++)
    {
      Edge *e = &g_array_index (self->constraints, Edge, i);
      Agedge_t *edge;
      g_snprintf (name, sizeof name, "k%u", i);
      edge = agedge (g, nodes[e->from], nodes[e->to], name, TRUE);
      agsafeset (edge, (char *) "style", (char *) "invis", "");
    }

  *nodes_out = nodes;
  *edges_out = edges;
  *subs_out = subs;
  return g;
}

static void
append_point (GArray  *points,
              pointf   p,
              double   top)
{
  double xy[2] = { p.x, top - p.y };
  g_array_append_vals (points, xy, 2);
}

static VigilGraphLayout *
read_layout (VigilGraph *self,
             Agraph_t   *g,
             Agnode_t  **nodes,
             Agedge_t  **edges,
             Agraph_t  **subs)
{
  VigilGraphLayout *layout = layout_new (self->nodes->len, self->edges->len,
                                         self->clusters->len);
  boxf bb = GD_bb (g);
  double left = bb.LL.x, top = bb.UR.y;

  layout->width = bb.UR.x - bb.LL.x;
  layout->height = bb.UR.y - bb.LL.y;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      Node *n = self->nodes->pdata[i];
      VigilGraphNodeBox *box = &layout->nodes[i];

      box->id = g_string_chunk_insert_const (layout->strings, n->id);
      box->cluster = n->cluster ? g_string_chunk_insert_const (layout->strings, n->cluster)
                                : NULL;
      box->x = ND_coord (nodes[i]).x - left;
      box->y = top - ND_coord (nodes[i]).y;
      box->width = ND_width (nodes[i]) * 72.0;
      box->height = ND_height (nodes[i]) * 72.0;
    }

  for (guint i = 0; i < self->edges->len; i++)
    {
      Edge *e = &g_array_index (self->edges, Edge, i);
      VigilGraphEdgePath *path = &layout->edges[i];
      g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
      splines *spl = ED_spl (edges[i]);

      path->from = e->from;
      path->to = e->to;
      if (spl != NULL && spl->size > 0 && spl->list[0].size >= 4)
        {
          bezier *bz = &spl->list[0];
          int n = bz->size - (bz->size - 1) % 3;

          if (bz->sflag)
            {
              append_point (points, bz->sp, top);
              append_point (points, bz->sp, top);
              append_point (points, bz->list[0], top);
            }
          for (int k = 0; k < n; k++)
            append_point (points, bz->list[k], top);
          if (bz->eflag)
            {
              append_point (points, bz->list[n - 1], top);
              append_point (points, bz->ep, top);
              append_point (points, bz->ep, top);
            }
        }
      else
        {
          /* no route (splines=false on some versions): a straight line */
          pointf a = ND_coord (nodes[e->from]), b = ND_coord (nodes[e->to]);
          append_point (points, a, top);
          append_point (points, a, top);
          append_point (points, b, top);
          append_point (points, b, top);
        }
      for (guint k = 0; k < points->len; k += 2)
        g_array_index (points, double, k) -= left;
      path->n_points = points->len / 2;
      path->points = (double *) g_array_free (g_steal_pointer (&points), FALSE);
    }

  for (guint i = 0; i < self->clusters->len; i++)
    {
      Cluster *c = self->clusters->pdata[i];
      VigilGraphClusterBox *box = &layout->clusters[i];
      boxf cb = GD_bb (subs[i]);

      box->id = g_string_chunk_insert_const (layout->strings, c->id);
      box->label = g_string_chunk_insert_const (layout->strings, c->label);
      box->x = cb.LL.x - left;
      box->y = top - cb.UR.y;
      box->width = cb.UR.x - cb.LL.x;
      box->height = cb.UR.y - cb.LL.y;
    }
  return layout;
}

/* ---- the cache ------------------------------------------------------- */

const char *
vigil_graph_get_cache_dir (void)
{
  g_mutex_lock (&cache_lock);
  if (!cache_dir_set)
    {
      const char *env = g_getenv ("VIGIL_LAYOUT_CACHE_DIR");
      cache_dir = env ? g_strdup (env) : g_build_filename (g_get_user_cache_dir (), "vigil",
                                                           "layouts", NULL);
      cache_dir_set = TRUE;
    }
  g_mutex_unlock (&cache_lock);
  return cache_dir;
}

void
vigil_graph_set_cache_dir (const char *dir)
{
  g_mutex_lock (&cache_lock);
  g_free (cache_dir);
  cache_dir = g_strdup (dir);
  cache_dir_set = TRUE;
  if (memory_cache != NULL)
    g_hash_table_remove_all (memory_cache);
  while (!g_queue_is_empty (&memory_cache_order))
    g_free (g_queue_pop_head (&memory_cache_order));
  g_mutex_unlock (&cache_lock);
}

static void
memory_cache_put (const char       *hash,
                  VigilGraphLayout *layout)
{
  g_mutex_lock (&cache_lock);
  if (memory_cache == NULL)
    memory_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) vigil_graph_layout_unref);
  if (!g_hash_table_contains (memory_cache, hash))
    {
      g_queue_push_tail (&memory_cache_order, g_strdup (hash));
      while (g_queue_get_length (&memory_cache_order) > MEMORY_CACHE_MAX)
        {
          g_autofree char *old = g_queue_pop_head (&memory_cache_order);
          g_hash_table_remove (memory_cache, old);
        }
    }
  g_hash_table_replace (memory_cache, g_strdup (hash), vigil_graph_layout_ref (layout));
  g_mutex_unlock (&cache_lock);
}

static VigilGraphLayout *
memory_cache_get (const char *hash)
{
  VigilGraphLayout *layout = NULL;

  g_mutex_lock (&cache_lock);
  if (memory_cache != NULL && (layout = g_hash_table_lookup (memory_cache, hash)))
    vigil_graph_layout_ref (layout);
  g_mutex_unlock (&cache_lock);
  return layout;
}

static char *
cache_path (VigilGraph *self)
{
  const char *dir = vigil_graph_get_cache_dir ();
  g_autofree char *name = NULL;

  if (dir == NULL)
    return NULL;
  name = g_strconcat (vigil_graph_get_hash (self), ".layout", NULL);
  return g_build_filename (dir, name, NULL);
}

static void
disk_cache_put (VigilGraph       *self,
                VigilGraphLayout *layout)
{
  g_autofree char *path = cache_path (self);
  g_autoptr(GVariantBuilder) nodes = NULL;
  g_autoptr(GVariantBuilder) edges = NULL;
  g_autoptr(GVariantBuilder) clusters = NULL;
  g_autoptr(GVariant) v = NULL;
  g_autofree char *dir = NULL;

  if (path == NULL)
    return;
  nodes = g_variant_builder_new (G_VARIANT_TYPE ("a(dddd)"));
  for (guint i = 0; i < layout->n_nodes; i++)
    g_variant_builder_add (nodes, "(dddd)", layout->nodes[i].x, layout->nodes[i].y,
                           layout->nodes[i].width, layout->nodes[i].height);
  edges = g_variant_builder_new (G_VARIANT_TYPE ("a(uuad)"));
  for (guint i = 0; i < layout->n_edges; i++)
    g_variant_builder_add (edges, "(uu@ad)", layout->edges[i].from, layout->edges[i].to,
                           g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE,
                                                      layout->edges[i].points,
                                                      layout->edges[i].n_points * 2,
                                                      sizeof (double)));
  clusters = g_variant_builder_new (G_VARIANT_TYPE ("a(dddd)"));
  for (guint i = 0; i < layout->n_clusters; i++)
    g_variant_builder_add (clusters, "(dddd)", layout->clusters[i].x, layout->clusters[i].y,
                           layout->clusters[i].width, layout->clusters[i].height);
  v = g_variant_ref_sink (g_variant_new (CACHE_FORMAT, vigil_graph_get_hash (self),
                                         layout->width, layout->height, nodes, edges,
                                         clusters));
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) == 0)
    g_file_set_contents (path, g_variant_get_data (v), g_variant_get_size (v), NULL);
}

static VigilGraphLayout *
disk_cache_get (VigilGraph *self)
{
  g_autofree char *path = cache_path (self);
  g_autofree char *data = NULL;
  g_autoptr(GVariant) v = NULL;
  g_autoptr(GVariant) nodes = NULL;
  g_autoptr(GVariant) edges = NULL;
  g_autoptr(GVariant) clusters = NULL;
  const char *hash;
  VigilGraphLayout *layout;
  double width, height;
  gsize len;

  if (path == NULL || !g_file_get_contents (path, &data, &len, NULL))
    return NULL;
  v = g_variant_ref_sink (g_variant_new_from_data (G_VARIANT_TYPE (CACHE_FORMAT), data, len,
                                                   FALSE, NULL, NULL));
  g_variant_get (v, "(&sdd@a(dddd)@a(uuad)@a(dddd))", &hash, &width, &height, &nodes, &edges,
                 &clusters);
  if (g_strcmp0 (hash, vigil_graph_get_hash (self)) != 0 ||
      g_variant_n_children (nodes) != self->nodes->len ||
      g_variant_n_children (edges) != self->edges->len ||
      g_variant_n_children (clusters) != self->clusters->len)
    return NULL;

  layout = layout_new (self->nodes->len, self->edges->len, self->clusters->len);
  layout->width = width;
  layout->height = height;
  layout->from_cache = TRUE;
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      Node *n = self->nodes->pdata[i];
      VigilGraphNodeBox *box = &layout->nodes[i];
      g_variant_get_child (nodes, i, "(dddd)", &box->x, &box->y, &box->width, &box->height);
      box->id = g_string_chunk_insert_const (layout->strings, n->id);
      box->cluster = n->cluster ? g_string_chunk_insert_const (layout->strings, n->cluster)
                                : NULL;
    }
  for (guint i = 0; i < layout->n_edges; i++)
    {
      g_autoptr(GVariant) pts = NULL;
      const double *p;
      gsize n;
      g_variant_get_child (edges, i, "(uu@ad)", &layout->edges[i].from, &layout->edges[i].to,
                           &pts);
      p = g_variant_get_fixed_array (pts, &n, sizeof (double));
      layout->edges[i].n_points = n / 2;
      layout->edges[i].points = g_memdup2 (p, n * sizeof (double));
    }
  for (guint i = 0; i < layout->n_clusters; i++)
    {
      Cluster *c = self->clusters->pdata[i];
      VigilGraphClusterBox *box = &layout->clusters[i];
      g_variant_get_child (clusters, i, "(dddd)", &box->x, &box->y, &box->width, &box->height);
      box->id = g_string_chunk_insert_const (layout->strings, c->id);
      box->label = g_string_chunk_insert_const (layout->strings, c->label);
    }
  return layout;
}

VigilGraphLayout *
vigil_graph_lookup_cached (VigilGraph *self)
{
  VigilGraphLayout *layout;

  g_return_val_if_fail (self != NULL, NULL);
  layout = memory_cache_get (vigil_graph_get_hash (self));
  if (layout != NULL)
    return layout;
  layout = disk_cache_get (self);
  if (layout != NULL)
    memory_cache_put (vigil_graph_get_hash (self), layout);
  return layout;
}

/* ---- layout ------------------------------------------------------------ */

VigilGraphLayout *
vigil_graph_layout (VigilGraph  *self,
                    GError     **error)
{
  VigilGraphLayout *layout;
  Agnode_t **nodes = NULL;
  Agedge_t **edges = NULL;
  Agraph_t **subs = NULL;
  LocaleGuard guard;
  struct timespec cpu0, cpu1;
  Agraph_t *g;
  gint64 t0;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  layout = vigil_graph_lookup_cached (self);
  if (layout != NULL)
    return layout;

  if (self->nodes->len == 0)
    {
      layout = layout_new (0, 0, 0);
      return layout;
    }

  g_mutex_lock (&graphviz_lock);
  locale_guard_enter (&guard);
  g = build_cgraph (self, FALSE, &nodes, &edges, &subs);
  t0 = g_get_monotonic_time ();
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu0);
  rc = gvLayout (get_context (), g, "dot");
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu1);
  if (rc != 0)
    {
      agclose (g);
      locale_guard_leave (&guard);
      g_mutex_unlock (&graphviz_lock);
      g_free (nodes);
      g_free (edges);
      g_free (subs);
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_FAILED,
                   _("Graphviz could not lay out the graph (is the “dot” layout plugin "
                     "installed?)"));
      return NULL;
    }
  layout = read_layout (self, g, nodes, edges, subs);
  layout->layout_seconds = (g_get_monotonic_time () - t0) / 1e6;
  layout->layout_cpu_seconds = (cpu1.tv_sec - cpu0.tv_sec) + (cpu1.tv_nsec - cpu0.tv_nsec) / 1e9;
  gvFreeLayout (get_context (), g);
  agclose (g);
  locale_guard_leave (&guard);
  g_mutex_unlock (&graphviz_lock);
  g_free (nodes);
  g_free (edges);
  g_free (subs);

  memory_cache_put (vigil_graph_get_hash (self), layout);
  disk_cache_put (self, layout);
  return layout;
}

static gpointer
layout_thread (gpointer data)
{
  GTask *task = data;
  VigilGraph *self = g_task_get_task_data (task);
  GError *error = NULL;
  VigilGraphLayout *layout;

#ifdef __linux__
  /* a layout can take minutes: it yields to the UI thread (on Linux, nice
   * applies to one thread) */
  setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 10);
#endif

  layout = vigil_graph_layout (self, &error);
  if (layout != NULL)
    g_task_return_pointer (task, layout, (GDestroyNotify) vigil_graph_layout_unref);
  else
    g_task_return_error (task, error);
  g_object_unref (task);
  return NULL;
}

static void *
layout_pthread (void *data)
{
  return layout_thread (data);
}

void
vigil_graph_layout_async (VigilGraph          *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  VigilGraphLayout *cached;
  pthread_attr_t attr;
  pthread_t thread;

  g_return_if_fail (self != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigil_graph_layout_async);
  g_task_set_task_data (task, vigil_graph_ref (self), (GDestroyNotify) vigil_graph_unref);
  vigil_graph_get_hash (self);  /* computed here, never concurrently */

  cached = memory_cache_get (vigil_graph_get_hash (self));
  if (cached != NULL)
    {
      g_task_return_pointer (task, cached, (GDestroyNotify) vigil_graph_layout_unref);
      return;
    }

  /* dot's network simplex recurses deeply on big graphs: a large stack. */
  pthread_attr_init (&attr);
  pthread_attr_setstacksize (&attr, WORKER_STACK);
  pthread_attr_setdetachstate (&attr, PTHREAD_CREATE_DETACHED);
  if (pthread_create (&thread, &attr, layout_pthread, g_object_ref (task)) != 0)
    {
      g_thread_unref (g_thread_new ("vigil-graph", layout_thread, g_object_ref (task)));
      g_object_unref (task);
    }
  pthread_attr_destroy (&attr);
}

VigilGraphLayout *
vigil_graph_layout_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- the quick tree ------------------------------------------------------ */

#define QUICK_NODESEP 18.0
#define QUICK_RANKSEP 36.0

typedef struct
{
  VigilGraph *graph;
  int        *first_child;  /* placement tree, as child / next-sibling lists */
  int        *next_sibling;
  int        *last_child;
  guint      *depth;
  double     *x;
  gboolean   *placed;
  double      next_x;
  double      slot;
} Quick;

static void
quick_add_child (Quick *q,
                 int    parent,
                 int    child)
{
  if (q->last_child[parent] < 0)
    q->first_child[parent] = child;
  else
    q->next_sibling[q->last_child[parent]] = child;
  q->last_child[parent] = child;
}

/* Post-order without recursion: leaves take the next slot, parents sit
 * over the middle of their children. */
static void
quick_place (Quick *q,
             int    root)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) expanded = g_array_new (FALSE, FALSE, sizeof (gboolean));
  gboolean no = FALSE;

  q->depth[root] = 0;
  g_array_append_val (stack, root);
  g_array_append_val (expanded, no);
  while (stack->len > 0)
    {
      int node = g_array_index (stack, int, stack->len - 1);
      gboolean *done = &g_array_index (expanded, gboolean, expanded->len - 1);

      if (!*done)
        {
          g_autoptr(GArray) kids = g_array_new (FALSE, FALSE, sizeof (int));

          *done = TRUE;
          q->placed[node] = TRUE;
          for (int c = q->first_child[node]; c >= 0; c = q->next_sibling[c])
            if (!q->placed[c])
              {
                q->placed[c] = TRUE;
                q->depth[c] = q->depth[node] + 1;
                g_array_append_val (kids, c);
              }
          /* push in reverse so the first child is placed first */
          for (int k = (int) kids->len - 1; k >= 0; k--)
            {
              g_array_append_val (stack, g_array_index (kids, int, k));
              g_array_append_val (expanded, no);
            }
          if (kids->len > 0)
            {
              /* remember who the real children are: relink in placement order */
              q->first_child[node] = g_array_index (kids, int, 0);
              for (guint k = 0; k + 1 < kids->len; k++)
                q->next_sibling[g_array_index (kids, int, k)] = g_array_index (kids, int, k + 1);
              q->next_sibling[g_array_index (kids, int, kids->len - 1)] = -1;
            }
          else
            q->first_child[node] = -1;
          continue;
        }
      g_array_set_size (stack, stack->len - 1);
      g_array_set_size (expanded, expanded->len - 1);
      if (q->first_child[node] < 0)
        {
          q->x[node] = q->next_x;
          q->next_x += q->slot;
        }
      else
        {
          int first = q->first_child[node], last = first;
          for (int c = first; c >= 0; c = q->next_sibling[c])
            last = c;
          q->x[node] = (q->x[first] + q->x[last]) / 2;
        }
    }
}

VigilGraphLayout *
vigil_graph_layout_quick (VigilGraph *self)
{
  guint n = self->nodes->len;
  VigilGraphLayout *layout = layout_new (n, self->edges->len, 0);
  g_autofree int *parent = g_new (int, MAX (n, 1));
  g_autofree double *row_height = NULL;
  Quick q = { self };
  double max_w = 1, max_h = 1, max_x = 0, y;
  guint max_depth = 0;

  layout->preliminary = TRUE;
  q.first_child = g_new (int, MAX (n, 1));
  q.next_sibling = g_new (int, MAX (n, 1));
  q.last_child = g_new (int, MAX (n, 1));
  q.depth = g_new0 (guint, MAX (n, 1));
  q.x = g_new0 (double, MAX (n, 1));
  q.placed = g_new0 (gboolean, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      Node *node = self->nodes->pdata[i];
      parent[i] = q.first_child[i] = q.next_sibling[i] = q.last_child[i] = -1;
      max_w = MAX (max_w, node->width);
      max_h = MAX (max_h, node->height);
    }
  q.slot = max_w + QUICK_NODESEP;

  /* placement parent: a constraint (stacking) wins over the first edge */
  for (guint i = 0; i < self->constraints->len; i++)
    {
      Edge *e = &g_array_index (self->constraints, Edge, i);
      if (parent[e->to] < 0 && e->to != e->from)
        parent[e->to] = (int) e->from;
    }
  for (guint i = 0; i < self->edges->len; i++)
    {
      Edge *e = &g_array_index (self->edges, Edge, i);
      if (parent[e->to] < 0 && e->to != e->from)
        parent[e->to] = (int) e->from;
    }
  for (guint i = 0; i < n; i++)
    if (parent[i] >= 0)
      quick_add_child (&q, parent[i], (int) i);

  for (guint i = 0; i < n; i++)
    if (parent[i] < 0 && !q.placed[i])
      quick_place (&q, (int) i);
  /* whatever sits on a cycle has no root: start from it */
  for (guint i = 0; i < n; i++)
    if (!q.placed[i])
      quick_place (&q, (int) i);

  for (guint i = 0; i < n; i++)
    max_depth = MAX (max_depth, q.depth[i]);
  row_height = g_new0 (double, max_depth + 1);
  for (guint i = 0; i < n; i++)
    row_height[q.depth[i]] = MAX (row_height[q.depth[i]],
                                  ((Node *) self->nodes->pdata[i])->height);
  for (guint d = 1; d <= max_depth; d++)
    row_height[d] += row_height[d - 1] + QUICK_RANKSEP;

  for (guint i = 0; i < n; i++)
    {
      Node *node = self->nodes->pdata[i];
      VigilGraphNodeBox *box = &layout->nodes[i];
      double top = q.depth[i] == 0 ? 0 : row_height[q.depth[i] - 1] + QUICK_RANKSEP;

      box->id = g_string_chunk_insert_const (layout->strings, node->id);
      box->cluster = node->cluster ? g_string_chunk_insert_const (layout->strings, node->cluster)
                                   : NULL;
      box->width = node->width;
      box->height = node->height;
      box->x = q.x[i] + max_w / 2 + 4;
      box->y = top + node->height / 2 + 4;
      max_x = MAX (max_x, box->x + node->width / 2);
    }
  y = row_height[max_depth] + 8;

  for (guint i = 0; i < self->edges->len; i++)
    {
      Edge *e = &g_array_index (self->edges, Edge, i);
      VigilGraphEdgePath *path = &layout->edges[i];
      const VigilGraphNodeBox *a = &layout->nodes[e->from], *b = &layout->nodes[e->to];
      double x0 = a->x, y0 = a->y + a->height / 2;
      double x1 = b->x, y1 = b->y - b->height / 2;
      double mid = y0 + QUICK_RANKSEP / 2;

      if (b->x != a->x && b->y - a->y > a->height + QUICK_RANKSEP + 1)
        {
          /* a stacked card: come down beside the column */
          x1 = b->x - b->width / 2;
          y1 = b->y;
        }
      path->from = e->from;
      path->to = e->to;
      path->n_points = 4;
      path->points = g_new (double, 8);
      path->points[0] = x0, path->points[1] = y0;
      path->points[2] = x0, path->points[3] = mid;
      path->points[4] = x1, path->points[5] = y1 == b->y ? y1 : mid;
      path->points[6] = x1, path->points[7] = y1;
    }

  layout->width = max_x + 4;
  layout->height = y;
  g_free (q.first_child);
  g_free (q.next_sibling);
  g_free (q.last_child);
  g_free (q.depth);
  g_free (q.x);
  g_free (q.placed);
  return layout;
}

/* ---- export ------------------------------------------------------------ */

GBytes *
vigil_graph_render (VigilGraph  *self,
                    const char  *format,
                    GError     **error)
{
  static const char * const formats[] = { "svg", "png", "pdf", "dot", NULL };
  Agnode_t **nodes = NULL;
  Agedge_t **edges = NULL;
  Agraph_t **subs = NULL;
  LocaleGuard guard;
  GBytes *bytes = NULL;
  VIGIL_GV_LEN_T len = 0;
  char *data = NULL;
  Agraph_t *g;

  g_return_val_if_fail (self != NULL && format != NULL, NULL);
  if (!g_strv_contains (formats, format))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("Unknown export format “%s”; use svg, png, pdf or dot"), format);
      return NULL;
    }

  g_mutex_lock (&graphviz_lock);
  locale_guard_enter (&guard);
  g = build_cgraph (self, TRUE, &nodes, &edges, &subs);
  if (gvLayout (get_context (), g, "dot") != 0)
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_FAILED,
                 _("Graphviz could not lay out the graph"));
  else
    {
      if (gvRenderData (get_context (), g, format, &data, &len) != 0 || data == NULL)
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_FAILED,
                     _("Graphviz could not render %s (is its renderer plugin installed?)"),
                     format);
      else
        bytes = g_bytes_new (data, len);
      if (data != NULL)
        gvFreeRenderData (data);
      gvFreeLayout (get_context (), g);
    }
  agclose (g);
  locale_guard_leave (&guard);
  g_mutex_unlock (&graphviz_lock);
  g_free (nodes);
  g_free (edges);
  g_free (subs);
  return bytes;
}

gboolean
vigil_graph_export (VigilGraph  *self,
                    const char  *format,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GBytes) bytes = vigil_graph_render (self, format, error);
  g_autoptr(GError) local = NULL;

  if (bytes == NULL)
    return FALSE;
  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            &local))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("Could not write %s: %s"), path,
                   local->message);
      return FALSE;
    }
  return TRUE;
}

char *
vigil_graph_to_dot (VigilGraph *self)
{
  Agnode_t **nodes = NULL;
  Agedge_t **edges = NULL;
  Agraph_t **subs = NULL;
  LocaleGuard guard;
  char *data = NULL;
  size_t len = 0;
  char *result;
  FILE *stream;
  Agraph_t *g;

  g_return_val_if_fail (self != NULL, NULL);
  g_mutex_lock (&graphviz_lock);
  locale_guard_enter (&guard);
  get_context ();  /* registers the attribute records agwrite expects */
  g = build_cgraph (self, TRUE, &nodes, &edges, &subs);
  stream = open_memstream (&data, &len);
  if (stream != NULL)
    {
      agwrite (g, stream);
      fclose (stream);
    }
  agclose (g);
  locale_guard_leave (&guard);
  g_mutex_unlock (&graphviz_lock);
  g_free (nodes);
  g_free (edges);
  g_free (subs);
  result = g_strndup (data ? data : "", len);
  free (data);
  return result;
}
