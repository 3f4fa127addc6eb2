/* vigil-org-chart.c — the organisation as a VigilGraph (people or teams)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vigil-org-chart.h"

#define CLUSTER_LIMIT 800

char *
vigil_org_person_node_id (gint64 person_id)
{
  return g_strdup_printf ("p%" PRId64, person_id);
}

char *
vigil_org_team_node_id (gint64 team_id)
{
  return g_strdup_printf ("t%" PRId64, team_id);
}

static gint64
node_number (const char *node_id,
             char        prefix)
{
  if (node_id == NULL || node_id[0] != prefix || !g_ascii_isdigit (node_id[1]))
    return 0;
  return g_ascii_strtoll (node_id + 1, NULL, 10);
}

gint64
vigil_org_node_person_id (const char *node_id)
{
  return node_number (node_id, 'p');
}

gint64
vigil_org_node_team_id (const char *node_id)
{
  return node_number (node_id, 't');
}

const char *
vigil_org_kind_color (const char *kind)
{
  if (g_strcmp0 (kind, "security") == 0)
    return "#f8d7da";
  if (g_strcmp0 (kind, "it") == 0)
    return "#d6e4f5";
  if (g_strcmp0 (kind, "external") == 0)
    return "#e8dff5";
  return "#dff0d8";
}

const char *
vigil_org_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "security") == 0)
    return _("Security");
  if (g_strcmp0 (kind, "it") == 0)
    return _("IT");
  if (g_strcmp0 (kind, "external") == 0)
    return _("External");
  if (g_strcmp0 (kind, "business") == 0)
    return _("Business");
  return _("No team");
}

/* Graphviz label escapes (\N, \G, \l …) must not apply to names. */
static char *
escape_label (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '\\')
        g_string_append (s, "\\\\");
      else if (*p == '\n')
        g_string_append (s, " ");
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static void
set_export_attrs (VigilGraph *graph,
                  guint       node,
                  const char *line1,
                  const char *line2,
                  const char *kind)
{
  g_autofree char *a = escape_label (line1);
  g_autofree char *b = escape_label (line2);
  g_autofree char *label = b && *b ? g_strconcat (a, "\\n", b, NULL) : g_strdup (a);

  vigil_graph_set_node_attr (graph, node, "label", label);
  vigil_graph_set_node_attr (graph, node, "style", "filled,rounded");
  vigil_graph_set_node_attr (graph, node, "fillcolor", vigil_org_kind_color (kind));
}

GHashTable *
vigil_org_count_reports (GPtrArray *people)
{
  GHashTable *counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) manager_of = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < people->len; i++)
    {
      VigilPerson *p = people->pdata[i];
      g_hash_table_insert (manager_of, &p->id, p);
    }
  for (guint i = 0; i < people->len; i++)
    {
      VigilPerson *p = people->pdata[i];
      gint64 m = p->manager_id;

      /* bounded walk: a damaged cycle cannot loop */
      for (guint depth = 0; m > 0 && depth < 256; depth++)
        {
          VigilPerson *manager = g_hash_table_lookup (manager_of, &m);
          gpointer count;

          if (manager == NULL)
            break;
          count = g_hash_table_lookup (counts, &m);
          g_hash_table_replace (counts, g_memdup2 (&m, sizeof m),
                                GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
          m = manager->manager_id;
        }
    }
  return counts;
}

/* A manager's reports who have no reports themselves are stacked into a few
 * columns (invisible edges down each column), so that a team of thirty is
 * not thirty cards wide. */
#define STACK_MIN 4

static void
stack_leaves (VigilGraph                 *graph,
              GPtrArray                  *people,
              GArray                     *order,
              const gboolean             *taken,
              GHashTable                 *children,
              const VigilOrgChartOptions *options)
{
  for (guint k = 0; k < order->len; k++)
    {
      VigilPerson *p = people->pdata[g_array_index (order, guint, k)];
      GArray *list = g_hash_table_lookup (children, &p->id);
      g_autoptr(GArray) leaves = NULL;
      guint columns, per_column;

      if (list == NULL || list->len < STACK_MIN ||
          (options->collapsed != NULL && g_hash_table_contains (options->collapsed, &p->id)))
        continue;
      leaves = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint c = 0; c < list->len; c++)
        {
          guint child = g_array_index (list, guint, c);
          VigilPerson *cp = people->pdata[child];
          GArray *grand = g_hash_table_lookup (children, &cp->id);
          gboolean leaf = TRUE;

          if (!taken[child])
            continue;
          for (guint g = 0; grand != NULL && g < grand->len && leaf; g++)
            if (taken[g_array_index (grand, guint, g)] &&
                !(options->collapsed != NULL && g_hash_table_contains (options->collapsed, &cp->id)))
              leaf = FALSE;
          if (leaf)
            g_array_append_val (leaves, child);
        }
      if (leaves->len < STACK_MIN)
        continue;
      columns = (guint) ceil (sqrt (leaves->len / 2.0));
      per_column = (leaves->len + columns - 1) / columns;
      for (guint c = 0; c < leaves->len; c++)
        {
          g_autofree char *from = NULL;
          g_autofree char *to = NULL;

          if (c % per_column == 0)
            continue;
          from = vigil_org_person_node_id (((VigilPerson *) people->pdata[g_array_index (leaves, guint, c - 1)])->id);
          to = vigil_org_person_node_id (((VigilPerson *) people->pdata[g_array_index (leaves, guint, c)])->id);
          vigil_graph_add_constraint (graph, from, to);
        }
    }
}

VigilGraph *
vigil_org_chart_people (GPtrArray                  *people,
                        const VigilOrgChartOptions *options,
                        GArray                     *visible)
{
  VigilOrgChartOptions defaults = { 0 };
  g_autoptr(GHashTable) index_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) children = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                          (GDestroyNotify) g_array_unref);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gboolean *taken = g_new0 (gboolean, MAX (people->len, 1));
  VigilGraph *graph = vigil_graph_new ();
  gboolean clusters;

  if (options == NULL)
    options = &defaults;

  for (guint i = 0; i < people->len; i++)
    {
      VigilPerson *p = people->pdata[i];
      g_hash_table_insert (index_of, &p->id, GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < people->len; i++)
    {
      VigilPerson *p = people->pdata[i];
      GArray *list;

      if (p->manager_id <= 0 || !g_hash_table_contains (index_of, &p->manager_id))
        continue;
      list = g_hash_table_lookup (children, &p->manager_id);
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (children, &p->manager_id, list);
        }
      g_array_append_val (list, i);
    }

  /* breadth first from the roots (or the chosen root), never twice */
  if (options->root > 0)
    {
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, &options->root));
      if (i > 0)
        {
          g_array_append_val (order, (guint) { i - 1 });
          taken[i - 1] = TRUE;
        }
    }
  else
    for (guint i = 0; i < people->len; i++)
      {
        VigilPerson *p = people->pdata[i];
        if (p->manager_id <= 0 || !g_hash_table_contains (index_of, &p->manager_id))
          {
            g_array_append_val (order, i);
            taken[i] = TRUE;
          }
      }
  for (guint k = 0; k < order->len; k++)
    {
      VigilPerson *p = people->pdata[g_array_index (order, guint, k)];
      GArray *list;

      if (options->collapsed != NULL && g_hash_table_contains (options->collapsed, &p->id))
        continue;
      list = g_hash_table_lookup (children, &p->id);
      for (guint c = 0; list != NULL && c < list->len; c++)
        {
          guint child = g_array_index (list, guint, c);
          if (!taken[child])
            {
              taken[child] = TRUE;
              g_array_append_val (order, child);
            }
        }
    }

  clusters = options->clusters && order->len <= CLUSTER_LIMIT;
  vigil_graph_set_attr (graph, "edge.arrowhead", "none");
  vigil_graph_set_attr (graph, "ranksep", "0.45");
  vigil_graph_set_attr (graph, "nodesep", "0.2");
  if (clusters)
    for (guint k = 0; k < order->len; k++)
      {
        VigilPerson *p = people->pdata[g_array_index (order, guint, k)];
        if (p->team_id > 0)
          {
            g_autofree char *cid = vigil_org_team_node_id (p->team_id);
            vigil_graph_add_cluster (graph, cid, p->team_name);
            if (options->for_export)
              {
                vigil_graph_set_cluster_attr (graph, cid, "style", "rounded,dashed");
                vigil_graph_set_cluster_attr (graph, cid, "color", "#888888");
              }
          }
      }

  for (guint k = 0; k < order->len; k++)
    {
      guint i = g_array_index (order, guint, k);
      VigilPerson *p = people->pdata[i];
      g_autofree char *id = vigil_org_person_node_id (p->id);
      g_autofree char *cid = clusters && p->team_id > 0 ? vigil_org_team_node_id (p->team_id)
                                                        : NULL;
      guint node = vigil_graph_add_node (graph, id, VIGIL_ORG_CARD_WIDTH, VIGIL_ORG_CARD_HEIGHT,
                                         cid);
      if (options->for_export)
        set_export_attrs (graph, node, p->name, p->title, p->team_kind);
      if (visible != NULL)
        g_array_append_val (visible, i);
    }
  stack_leaves (graph, people, order, taken, children, options);

  for (guint k = 0; k < order->len; k++)
    {
      VigilPerson *p = people->pdata[g_array_index (order, guint, k)];
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (p->manager_id <= 0)
        continue;
      from = vigil_org_person_node_id (p->manager_id);
      to = vigil_org_person_node_id (p->id);
      vigil_graph_add_edge (graph, from, to);  /* FALSE when the manager is not shown */
    }
  return graph;
}

VigilGraph *
vigil_org_chart_teams (GPtrArray *teams,
                       gboolean   for_export)
{
  VigilGraph *graph = vigil_graph_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);

  vigil_graph_set_attr (graph, "edge.arrowhead", "none");
  vigil_graph_set_attr (graph, "ranksep", "0.45");
  vigil_graph_set_attr (graph, "nodesep", "0.2");
  for (guint i = 0; i < teams->len; i++)
    {
      VigilTeam *t = teams->pdata[i];
      g_autofree char *id = vigil_org_team_node_id (t->id);
      guint node = vigil_graph_add_node (graph, id, VIGIL_ORG_CARD_WIDTH, VIGIL_ORG_CARD_HEIGHT,
                                         NULL);
      g_hash_table_add (ids, &t->id);
      if (for_export)
        {
          g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " person",
                                                                 "%" PRId64 " people",
                                                                 t->n_people), t->n_people);
          set_export_attrs (graph, node, t->name, count, t->kind);
        }
    }
  for (guint i = 0; i < teams->len; i++)
    {
      VigilTeam *t = teams->pdata[i];
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (t->parent_id <= 0 || !g_hash_table_contains (ids, &t->parent_id))
        continue;
      from = vigil_org_team_node_id (t->parent_id);
      to = vigil_org_team_node_id (t->id);
      vigil_graph_add_edge (graph, from, to);
    }
  return graph;
}
