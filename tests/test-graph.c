/* test-graph.c — the generic Graphviz layout: positions, overlaps, edges, exports, cache
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

#include "vigil-graph.h"
#include "vigil-test-util.h"

/* A tree of n nodes: node i reports to (i - 1) / fanout; the root's branches
 * alternate between two clusters. */
static VigilGraph *
make_tree (guint n,
           guint fanout)
{
  VigilGraph *graph = vigil_graph_new ();

  vigil_graph_set_attr (graph, "edge.arrowhead", "none");
  vigil_graph_add_cluster (graph, "left", "Left <&> team");
  vigil_graph_add_cluster (graph, "right", "Right team");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *label = g_strdup_printf ("Person <%u> & co", i);
      guint branch = i, index;

      while (branch > 0 && (branch - 1) / fanout != 0)
        branch = (branch - 1) / fanout;
      /* clusters hold whole branches, as teams do */
      index = vigil_graph_add_node (graph, id, 160, 48,
                                    i == 0 ? NULL : (branch % 2 ? "left" : "right"));
      vigil_graph_set_node_attr (graph, index, "label", label);
    }
  for (guint i = 1; i < n; i++)
    {
      g_autofree char *from = g_strdup_printf ("p%u", (i - 1) / fanout);
      g_autofree char *to = g_strdup_printf ("p%u", i);
      g_assert_true (vigil_graph_add_edge (graph, from, to));
    }
  return graph;
}

static void
assert_layout_sane (VigilGraph       *graph,
                    VigilGraphLayout *layout)
{
  g_assert_cmpuint (layout->n_nodes, ==, vigil_graph_get_n_nodes (graph));
  g_assert_cmpuint (layout->n_edges, ==, vigil_graph_get_n_edges (graph));
  g_assert_cmpfloat (layout->width, >, 0);
  g_assert_cmpfloat (layout->height, >, 0);

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const VigilGraphNodeBox *a = &layout->nodes[i];
      g_assert_cmpfloat_with_epsilon (a->width, 160, 1);
      g_assert_cmpfloat_with_epsilon (a->height, 48, 1);
      g_assert_cmpfloat (a->x - a->width / 2, >=, -1);
      g_assert_cmpfloat (a->y - a->height / 2, >=, -1);
      g_assert_cmpfloat (a->x + a->width / 2, <=, layout->width + 1);
      g_assert_cmpfloat (a->y + a->height / 2, <=, layout->height + 1);
      for (guint j = i + 1; j < layout->n_nodes; j++)
        {
          const VigilGraphNodeBox *b = &layout->nodes[j];
          gboolean apart = fabs (a->x - b->x) >= (a->width + b->width) / 2 - 0.5 ||
                           fabs (a->y - b->y) >= (a->height + b->height) / 2 - 0.5;
          if (!apart)
            g_error ("cards %s and %s overlap", a->id, b->id);
        }
    }
  for (guint i = 0; i < layout->n_edges; i++)
    {
      const VigilGraphEdgePath *e = &layout->edges[i];
      g_assert_cmpuint (e->n_points, >=, 4);
      g_assert_cmpuint ((e->n_points - 1) % 3, ==, 0);
      /* top-down: a child is below its parent */
      g_assert_cmpfloat (layout->nodes[e->to].y, >, layout->nodes[e->from].y);
    }
}

static void
test_layout_tree (void)
{
  g_autoptr(VigilGraph) graph = make_tree (40, 4);
  g_autoptr(VigilGraphLayout) layout = NULL;
  g_autoptr(GError) error = NULL;

  layout = vigil_graph_layout (graph, &error);
  g_assert_no_error (error);
  assert_layout_sane (graph, layout);
  g_assert_cmpuint (layout->n_clusters, ==, 2);
  for (guint i = 1; i < layout->n_nodes; i++)
    {
      const VigilGraphNodeBox *n = &layout->nodes[i];
      int c = strcmp (n->cluster, "left") == 0 ? 0 : 1;
      const VigilGraphClusterBox *box = &layout->clusters[c];
      g_assert_cmpfloat (n->x, >=, box->x);
      g_assert_cmpfloat (n->x, <=, box->x + box->width);
      g_assert_cmpfloat (n->y, >=, box->y);
      g_assert_cmpfloat (n->y, <=, box->y + box->height);
    }
  g_assert_cmpint (vigil_graph_layout_find_node (layout, "p7"), ==, 7);
  g_assert_cmpint (vigil_graph_layout_node_at (layout, layout->nodes[7].x, layout->nodes[7].y),
                   ==, 7);
}

static void
test_layout_fast (void)
{
  g_autoptr(VigilGraph) graph = make_tree (300, 6);
  g_autoptr(VigilGraphLayout) layout = NULL;
  g_autoptr(GError) error = NULL;

  vigil_graph_set_fast (graph, TRUE);
  layout = vigil_graph_layout (graph, &error);
  g_assert_no_error (error);
  assert_layout_sane (graph, layout);
}

static void
layout_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  VigilGraphLayout **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = vigil_graph_layout_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_layout_async_and_cache (void)
{
  g_autoptr(VigilGraph) graph = make_tree (60, 3);
  g_autoptr(VigilGraph) same = make_tree (60, 3);
  g_autoptr(VigilGraphLayout) layout = NULL;
  g_autoptr(VigilGraphLayout) cached = NULL;
  g_autofree char *dir = vigil_test_tmpdir ();

  vigil_graph_set_cache_dir (dir);
  g_assert_null (vigil_graph_lookup_cached (graph));
  vigil_graph_layout_async (graph, NULL, layout_done, &layout);
  while (layout == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_layout_sane (graph, layout);
  g_assert_false (layout->from_cache);

  /* the same content gives the same key; drop the memory cache, read the file */
  g_assert_cmpstr (vigil_graph_get_hash (graph), ==, vigil_graph_get_hash (same));
  vigil_graph_set_cache_dir (dir);
  cached = vigil_graph_lookup_cached (same);
  g_assert_nonnull (cached);
  g_assert_true (cached->from_cache);
  g_assert_cmpuint (cached->n_nodes, ==, layout->n_nodes);
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      g_assert_cmpfloat (cached->nodes[i].x, ==, layout->nodes[i].x);
      g_assert_cmpstr (cached->nodes[i].id, ==, layout->nodes[i].id);
    }
  for (guint i = 0; i < layout->n_edges; i++)
    g_assert_cmpuint (cached->edges[i].n_points, ==, layout->edges[i].n_points);

  /* a different size is a different key */
  vigil_graph_add_node (same, "extra", 10, 10, NULL);
  g_assert_cmpstr (vigil_graph_get_hash (graph), !=, vigil_graph_get_hash (same));
  vigil_graph_set_cache_dir (NULL);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;
  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

typedef struct
{
  guint nodes;
} SvgCount;

static void
svg_start (GMarkupParseContext *context,
           const char          *element,
           const char         **names,
           const char         **values,
           gpointer             user_data,
           GError             **error)
{
  SvgCount *count = user_data;
  for (guint i = 0; names[i]; i++)
    if (strcmp (names[i], "class") == 0 && strcmp (values[i], "node") == 0)
      count->nodes++;
}

typedef struct
{
  const guchar *data;
  gsize         len, pos;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *data,
          unsigned int   length)
{
  PngReader *reader = closure;
  if (reader->pos + length > reader->len)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->pos, length);
  reader->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
test_export (void)
{
  g_autoptr(VigilGraph) graph = make_tree (25, 5);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) dot = NULL;
  g_autoptr(GMarkupParseContext) parser = NULL;
  cairo_surface_t *image;
  PngReader reader;
  g_autofree char *text = NULL;
  GMarkupParser svg_parser = { svg_start, NULL, NULL, NULL, NULL };
  SvgCount count = { 0 };
  const char *data;
  gsize len;

  svg = vigil_graph_render (graph, "svg", &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (svg, &len), g_bytes_get_size (svg));
  /* skip the XML declaration and DOCTYPE, which GMarkup does not parse */
  data = strstr (text, "<svg");
  g_assert_nonnull (data);
  parser = g_markup_parse_context_new (&svg_parser, 0, &count, NULL);
  g_markup_parse_context_parse (parser, data, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (parser, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count.nodes, ==, 25);
  g_assert_nonnull (strstr (text, "Person &lt;3&gt; &amp; co"));

  png = vigil_graph_render (graph, "png", &error);
  g_assert_no_error (error);
  reader.data = g_bytes_get_data (png, &reader.len);
  reader.pos = 0;
  image = cairo_image_surface_create_from_png_stream (read_png, &reader);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), >, 100);
  cairo_surface_destroy (image);

  pdf = vigil_graph_render (graph, "pdf", &error);
  g_assert_no_error (error);
  g_assert_true (memcmp (g_bytes_get_data (pdf, NULL), "%PDF", 4) == 0);

  dot = vigil_graph_render (graph, "dot", &error);
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = g_strndup (g_bytes_get_data (dot, NULL), g_bytes_get_size (dot));
  g_assert_nonnull (strstr (text, "digraph"));
  g_assert_cmpuint (count_occurrences (text, "->"), ==, 24);

  g_clear_pointer (&text, g_free);
  text = vigil_graph_to_dot (graph);
  g_assert_nonnull (strstr (text, "digraph"));

  g_assert_null (vigil_graph_render (graph, "gif", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
}

static void
test_layout_quick (void)
{
  g_autoptr(VigilGraph) graph = make_tree (200, 7);
  g_autoptr(VigilGraphLayout) layout = NULL;

  /* stack leaves 148…153 (all reporting to p21) into a column */
  for (guint i = 148; i < 153; i++)
    {
      g_autofree char *a = g_strdup_printf ("p%u", i);
      g_autofree char *b = g_strdup_printf ("p%u", i + 1);
      vigil_graph_add_constraint (graph, a, b);
    }
  layout = vigil_graph_layout_quick (graph);
  g_assert_true (layout->preliminary);
  assert_layout_sane (graph, layout);
  g_assert_cmpfloat (layout->nodes[150].x, ==, layout->nodes[149].x);
  g_assert_cmpfloat (layout->nodes[150].y, >, layout->nodes[149].y);
}

static void
test_empty (void)
{
  g_autoptr(VigilGraph) graph = vigil_graph_new ();
  g_autoptr(VigilGraphLayout) layout = vigil_graph_layout (graph, NULL);

  g_assert_nonnull (layout);
  g_assert_cmpuint (layout->n_nodes, ==, 0);
  g_assert_false (vigil_graph_add_edge (graph, "a", "b"));
}

int
main (int    argc,
      char **argv)
{
  vigil_test_init (&argc, &argv);
  vigil_graph_set_cache_dir (NULL);

  g_test_add_func ("/graph/layout/tree", test_layout_tree);
  g_test_add_func ("/graph/layout/fast", test_layout_fast);
  g_test_add_func ("/graph/layout/async-cache", test_layout_async_and_cache);
  g_test_add_func ("/graph/layout/quick", test_layout_quick);
  g_test_add_func ("/graph/export", test_export);
  g_test_add_func ("/graph/empty", test_empty);
  return g_test_run ();
}
