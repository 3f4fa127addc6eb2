/* vigil-org-page.c — the Organization page: the chart, a person's card, search, who to call
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening: the people are read on a worker thread (its own connection), the
 * chart graph is built, hashed and its layout looked up in the layout cache
 * on another; on a miss a quick tree layout (no Graphviz, milliseconds) is
 * shown at once while dot lays the chart out on the Graphviz worker.  The
 * main loop only hands results to the view.
 *
 * The node texts, flags and spoken descriptions are also made on the
 * worker (build_nodes()), and the view draws in tiles, a few per frame:
 * no step on the main loop is in proportion to the number of people.
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "vigil-org-chart.h"
#include "vigil-org-dialogs.h"
#include "vigil-org-import.h"
#include "vigil-org-page-private.h"
#include "vigil-store-org.h"
#include "vigil-window.h"

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VigilOrgPage, vigil_org_page, GTK_TYPE_WIDGET)

GHashTable *
vigil_org_id_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

void
vigil_org_id_set_add (GHashTable *set,
            gint64      id)
{
  g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

VigilPerson *
vigil_org_page_person_by_id (VigilOrgPage *self,
              gint64        id)
{
  guint i = self->person_index ? GPOINTER_TO_UINT (g_hash_table_lookup (self->person_index, &id))
                               : 0;
  return i > 0 ? self->people->pdata[i - 1] : NULL;
}

/* ---- showing a layout --------------------------------------------------- */

static void
update_banner (VigilOrgPage *self)
{
  g_autofree char *text = NULL;
  VigilPerson *p;

  if (self->who != NULL)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Who to call for %s: %u person highlighted",
                                         "Who to call for %s: %u people highlighted",
                                         g_hash_table_size (self->who)),
                            self->who_label, g_hash_table_size (self->who));
  else if (self->focus_id > 0 && (p = vigil_org_page_person_by_id (self, self->focus_id)))
    text = g_strdup_printf (_("Showing %s’s chain of command and direct reports"), p->name);
  else if (self->root_id > 0 && (p = vigil_org_page_person_by_id (self, self->root_id)))
    text = g_strdup_printf (_("Showing %s and everyone below them"), p->name);
  gtk_label_set_text (self->banner_label, text ? text : "");
  gtk_revealer_set_reveal_child (self->banner_revealer, text != NULL);
}

/* The cards' texts, flags and spoken descriptions, and person → node: made
 * on a worker thread (Prepare), so that the main loop only hands them over. */
typedef struct
{
  gatomicrefcount      ref_count;
  VigilGraphViewModel *model;
  GHashTable          *node_of;  /* person id → node + 1 (people only) */
} Nodes;

static Nodes *
nodes_ref (Nodes *nodes)
{
  g_atomic_ref_count_inc (&nodes->ref_count);
  return nodes;
}

static void
nodes_unref (Nodes *nodes)
{
  if (nodes == NULL || !g_atomic_ref_count_dec (&nodes->ref_count))
    return;
  g_clear_pointer (&nodes->model, vigil_graph_view_model_unref);
  g_clear_pointer (&nodes->node_of, g_hash_table_unref);
  g_free (nodes);
}

typedef struct
{
  GPtrArray  *people;
  GHashTable *person_index;   /* person id → index + 1 */
  GPtrArray  *teams;
  GHashTable *report_counts;  /* person id → number below them */
  GHashTable *collapsed;
  GHashTable *who;            /* or NULL */
} NodeSource;

static Nodes *
build_nodes (const NodeSource *src,
             VigilGraph       *graph,
             VigilGraphLayout *layout,
             gboolean          teams)
{
  Nodes *nodes = g_new0 (Nodes, 1);
  g_autoptr(GHashTable) direct = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) team_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  GString *detail = g_string_new (NULL);
  GString *spoken = g_string_new (NULL);

  g_atomic_ref_count_init (&nodes->ref_count);
  nodes->model = vigil_graph_view_model_new (layout->n_nodes);
  if (teams)
    for (guint i = 0; i < src->teams->len; i++)
      g_hash_table_insert (team_of, &((VigilTeam *) src->teams->pdata[i])->id, src->teams->pdata[i]);
  else
    {
      nodes->node_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      /* direct reports, for the spoken description */
      for (guint i = 0; i < src->people->len; i++)
        {
          VigilPerson *p = src->people->pdata[i];
          if (p->manager_id > 0)
            g_hash_table_insert (direct, &p->manager_id,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (direct, &p->manager_id)) + 1));
        }
    }

  for (guint n = 0; n < layout->n_nodes; n++)
    {
      guint flags = 0;

      g_string_truncate (detail, 0);
      g_string_truncate (spoken, 0);
      if (teams)
        {
          gint64 team_id = vigil_org_node_team_id (layout->nodes[n].id);
          VigilTeam *t = g_hash_table_lookup (team_of, &team_id);

          if (t == NULL)
            continue;
          g_string_printf (detail, g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " person",
                                                "%" PRId64 " people", t->n_people), t->n_people);
          g_string_printf (spoken, "%s, %s, %s", t->name, vigil_org_kind_label (t->kind),
                           detail->str);
          vigil_graph_view_model_set_node (nodes->model, n, t->name, detail->str,
                                           vigil_org_kind_label (t->kind), t->kind, 0);
        }
      else
        {
          gint64 person_id = vigil_org_node_person_id (layout->nodes[n].id);
          guint i = GPOINTER_TO_UINT (g_hash_table_lookup (src->person_index, &person_id));
          VigilPerson *p = i > 0 ? src->people->pdata[i - 1] : NULL;
          guint below, reports;

          if (p == NULL)
            continue;
          g_hash_table_insert (nodes->node_of, g_memdup2 (&p->id, sizeof p->id),
                               GUINT_TO_POINTER (n + 1));
          g_string_append (detail, vigil_org_kind_label (p->team_kind));
          if (p->on_call)
            g_string_append_printf (detail, " · %s", _("On call"));
          if (src->collapsed != NULL && g_hash_table_contains (src->collapsed, &p->id))
            {
              below = GPOINTER_TO_UINT (g_hash_table_lookup (src->report_counts, &p->id));
              flags |= VIGIL_GRAPH_VIEW_NODE_COLLAPSED;
              g_string_append (detail, " · ");
              g_string_append_printf (detail, g_dngettext (GETTEXT_PACKAGE, "%u hidden",
                                                           "%u hidden", below), below);
            }
          if (src->who != NULL)
            flags |= g_hash_table_contains (src->who, &p->id) ? VIGIL_GRAPH_VIEW_NODE_HIGHLIGHT
                                                              : VIGIL_GRAPH_VIEW_NODE_DIM;
          vigil_graph_view_model_set_node (nodes->model, n, p->name, p->title, detail->str,
                                           p->team_kind ? p->team_kind : "none", flags);

          /* "Ada Lovelace, CISO, Security Office, 3 direct reports" */
          g_string_append (spoken, p->name);
          if (p->title != NULL && *p->title)
            g_string_append_printf (spoken, ", %s", p->title);
          if (p->team_name != NULL)
            g_string_append_printf (spoken, ", %s", p->team_name);
          reports = GPOINTER_TO_UINT (g_hash_table_lookup (direct, &p->id));
          if (reports > 0)
            {
              g_string_append (spoken, ", ");
              g_string_append_printf (spoken, g_dngettext (GETTEXT_PACKAGE, "%u direct report",
                                                           "%u direct reports", reports), reports);
            }
          if (p->on_call)
            g_string_append_printf (spoken, ", %s", _("on call"));
          if (flags & VIGIL_GRAPH_VIEW_NODE_COLLAPSED)
            g_string_append_printf (spoken, ", %s", _("reports hidden"));
          if (flags & VIGIL_GRAPH_VIEW_NODE_HIGHLIGHT)
            g_string_append_printf (spoken, ", %s", _("to call"));
        }
      vigil_graph_view_model_set_accessible (nodes->model, n, spoken->str);
    }
  g_string_free (detail, TRUE);
  g_string_free (spoken, TRUE);
  return nodes;
}

void
vigil_org_page_set_status (VigilOrgPage *self,
            const char   *text)
{
  gtk_label_set_text (self->status_label, text ? text : "");
}

static void
show_layout (VigilOrgPage     *self,
             VigilGraphLayout *layout,
             Nodes            *nodes,
             Showing           showing,
             gboolean          reset_view)
{
  gint64 keep = vigil_org_page_get_selected_person (self);

  self->showing = showing;
  g_clear_pointer (&self->node_of, g_hash_table_unref);
  if (nodes->node_of != NULL)
    self->node_of = g_hash_table_ref (nodes->node_of);
  vigil_graph_view_set_layout_with_model (self->graph_view, layout, nodes->model);
  if (reset_view || keep <= 0)
    vigil_graph_view_show_start (self->graph_view, layout->n_nodes > 0 ? 0 : -1);
  if (keep > 0)
    vigil_org_page_select_person (self, keep);
  vigil_org_page_update_card (self);
  update_banner (self);
  vigil_org_page_list_changed (self);
}

typedef struct
{
  VigilOrgPage *self;
  guint         generation;
  Showing       showing;
  Nodes        *nodes;  /* the same graph: the same nodes in the same order */
} LayoutCall;

static void
layout_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  LayoutCall *call = user_data;
  VigilOrgPage *self = call->self;
  g_autoptr(VigilGraphLayout) layout = NULL;
  g_autoptr(GError) error = NULL;

  layout = vigil_graph_layout_finish (result, &error);
  if (error == NULL && call->generation == self->generation)
    {
      g_autofree char *text = NULL;

      show_layout (self, layout, call->nodes, call->showing, FALSE);
      self->busy = FALSE;
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people",
                                           layout->n_nodes), layout->n_nodes);
      vigil_org_page_set_status (self, call->showing == SHOWING_PEOPLE ? text : NULL);
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
           call->generation == self->generation)
    {
      self->busy = FALSE;
      vigil_org_page_set_status (self, error->message);
    }
  nodes_unref (call->nodes);
  g_object_unref (self);
  g_free (call);
}

static void
start_layout (VigilOrgPage *self,
              VigilGraph   *graph,
              Nodes        *nodes,
              Showing       showing)
{
  LayoutCall *call = g_new0 (LayoutCall, 1);

  call->self = g_object_ref (self);
  call->generation = self->generation;
  call->showing = showing;
  call->nodes = nodes_ref (nodes);
  vigil_graph_layout_async (graph, self->cancellable, layout_done, call);
}

GPtrArray *
vigil_org_page_focus_subset (VigilOrgPage *self)
{
  GPtrArray *subset = g_ptr_array_new ();
  VigilPerson *p = vigil_org_page_person_by_id (self, self->focus_id);

  if (p == NULL)
    return subset;
  /* the chain of command, top first */
  for (VigilPerson *m = p; m != NULL && subset->len < 256;
       m = m->manager_id > 0 ? vigil_org_page_person_by_id (self, m->manager_id) : NULL)
    g_ptr_array_insert (subset, 0, m);
  for (guint i = 0; i < self->people->len; i++)
    if (((VigilPerson *) self->people->pdata[i])->manager_id == p->id)
      g_ptr_array_add (subset, self->people->pdata[i]);
  return subset;
}

/* Building the graph, hashing it and reading the layout cache run on a
 * worker thread; a miss gets a quick tree layout at once, then dot's. */
typedef struct
{
  NodeSource   src;        /* references: the people never change once loaded */
  GPtrArray   *subset;     /* borrowed VigilPerson*, or NULL */
  gint64       root;
  gboolean     overview;
  VigilGraph  *graph;      /* results */
  VigilGraphLayout *layout;
  Nodes       *nodes;
  gboolean     cached;
} Prepare;

static void
prepare_free (Prepare *p)
{
  g_clear_pointer (&p->src.people, g_ptr_array_unref);
  g_clear_pointer (&p->src.person_index, g_hash_table_unref);
  g_clear_pointer (&p->src.teams, g_ptr_array_unref);
  g_clear_pointer (&p->src.report_counts, g_hash_table_unref);
  g_clear_pointer (&p->src.collapsed, g_hash_table_unref);
  g_clear_pointer (&p->src.who, g_hash_table_unref);
  g_clear_pointer (&p->subset, g_ptr_array_unref);
  g_clear_pointer (&p->graph, vigil_graph_unref);
  g_clear_pointer (&p->layout, vigil_graph_layout_unref);
  g_clear_pointer (&p->nodes, nodes_unref);
  g_free (p);
}

static GHashTable *
id_set_copy (GHashTable *set)
{
  GHashTable *copy = vigil_org_id_set_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    vigil_org_id_set_add (copy, *(gint64 *) key);
  return copy;
}

static void
prepare_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Prepare *p = data;
  VigilOrgChartOptions options = { 0 };

  if (p->overview)
    p->graph = vigil_org_chart_teams (p->src.teams, FALSE);
  else
    {
      options.collapsed = p->src.collapsed;
      options.root = p->root;
      options.clusters = TRUE;
      p->graph = vigil_org_chart_people (p->subset ? p->subset : p->src.people, &options, NULL);
    }
  vigil_graph_get_hash (p->graph);
  p->layout = vigil_graph_lookup_cached (p->graph);
  p->cached = p->layout != NULL;
  if (p->layout == NULL)
    p->layout = vigil_graph_layout_quick (p->graph);
  p->nodes = build_nodes (&p->src, p->graph, p->layout, p->overview);
  g_task_return_boolean (task, TRUE);
}

static void
prepared (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (source);
  Prepare *p = g_task_get_task_data (G_TASK (result));
  guint generation = GPOINTER_TO_UINT (user_data);
  Showing showing = p->overview ? SHOWING_TEAMS : SHOWING_PEOPLE;
  g_autofree char *text = NULL;

  if (generation != self->generation)
    return;
  show_layout (self, p->layout, p->nodes, showing, TRUE);
  if (p->cached)
    {
      self->busy = FALSE;
      if (showing == SHOWING_PEOPLE)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people",
                                             p->layout->n_nodes), p->layout->n_nodes);
      vigil_org_page_set_status (self, text);
      return;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Arranging %u box…",
                                       "Arranging %u boxes…", p->layout->n_nodes),
                          p->layout->n_nodes);
  vigil_org_page_set_status (self, text);
  start_layout (self, p->graph, p->nodes, showing);
}

void
vigil_org_page_rebuild (VigilOrgPage *self)
{
  g_autoptr(GTask) task = NULL;
  Prepare *p;

  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->empty_page),
                          self->people != NULL && self->people->len == 0);
  if (self->people == NULL || self->people->len == 0)
    {
      self->showing = SHOWING_NOTHING;
      vigil_graph_view_set_layout (self->graph_view, NULL);
      vigil_org_page_update_card (self);
      vigil_org_page_set_status (self, NULL);
      return;
    }

  p = g_new0 (Prepare, 1);
  p->src.people = g_ptr_array_ref (self->people);
  p->src.person_index = g_hash_table_ref (self->person_index);
  p->src.teams = g_ptr_array_ref (self->teams);
  p->src.report_counts = g_hash_table_ref (self->report_counts);
  p->src.collapsed = id_set_copy (self->collapsed);
  p->src.who = self->who != NULL ? id_set_copy (self->who) : NULL;
  p->overview = gtk_toggle_button_get_active (self->overview_button);
  p->subset = self->focus_id > 0 ? vigil_org_page_focus_subset (self) : NULL;
  p->root = self->focus_id > 0 ? 0 : self->root_id;
  self->busy = TRUE;
  task = g_task_new (self, self->cancellable, prepared, GUINT_TO_POINTER (self->generation));
  g_task_set_task_data (task, p, (GDestroyNotify) prepare_free);
  g_task_run_in_thread (task, prepare_thread);
}

/* Reading the people runs on a worker thread, on its own connection. */
typedef struct
{
  char       *path;
  GPtrArray  *people;
  GPtrArray  *teams;
  GHashTable *index;
  GHashTable *counts;
} Load;

static void
load_free (Load *l)
{
  g_free (l->path);
  g_clear_pointer (&l->people, g_ptr_array_unref);
  g_clear_pointer (&l->teams, g_ptr_array_unref);
  g_clear_pointer (&l->index, g_hash_table_unref);
  g_clear_pointer (&l->counts, g_hash_table_unref);
  g_free (l);
}

static gboolean
load_people (VigilStore  *store,
             Load        *l,
             GError     **error)
{
  l->people = vigil_store_list_people (store, error);
  if (l->people == NULL)
    return FALSE;
  l->teams = vigil_store_list_teams (store, error);
  if (l->teams == NULL)
    return FALSE;
  l->index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < l->people->len; i++)
    g_hash_table_insert (l->index, &((VigilPerson *) l->people->pdata[i])->id,
                         GUINT_TO_POINTER (i + 1));
  l->counts = vigil_org_count_reports (l->people);
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Load *l = data;
  g_autoptr(VigilStore) store = NULL;
  GError *error = NULL;

  store = vigil_store_open (l->path, VIGIL_STORE_OPEN_DEFAULT, &error);
  if (store == NULL || !load_people (store, l, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
apply_load (VigilOrgPage *self,
            Load         *l)
{
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->teams, g_ptr_array_unref);
  g_clear_pointer (&self->person_index, g_hash_table_unref);
  g_clear_pointer (&self->report_counts, g_hash_table_unref);
  self->people = g_steal_pointer (&l->people);
  self->teams = g_steal_pointer (&l->teams);
  self->person_index = g_steal_pointer (&l->index);
  self->report_counts = g_steal_pointer (&l->counts);
  vigil_org_page_rebuild (self);
}

static void
loaded (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (source);
  g_autoptr(GError) error = NULL;

  if (GPOINTER_TO_UINT (user_data) != self->load_generation)
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* the worker could not open the file: read on this connection instead */
      Load l = { 0 };
      g_clear_error (&error);
      if (self->store == NULL || !load_people (self->store, &l, &error))
        {
          vigil_org_page_set_status (self, error ? error->message : NULL);
          load_free (g_memdup2 (&l, sizeof l));
          return;
        }
      apply_load (self, &l);
      return;
    }
  apply_load (self, g_task_get_task_data (G_TASK (result)));
}

static void
reload (VigilOrgPage *self)
{
  g_autoptr(GTask) task = NULL;
  Load *l;

  self->load_generation++;
  if (self->store == NULL)
    {
      g_clear_pointer (&self->people, g_ptr_array_unref);
      g_clear_pointer (&self->teams, g_ptr_array_unref);
      vigil_org_page_rebuild (self);
      return;
    }
  l = g_new0 (Load, 1);
  l->path = g_strdup (vigil_store_get_path (self->store));
  self->busy = TRUE;
  task = g_task_new (self, NULL, loaded, GUINT_TO_POINTER (self->load_generation));
  g_task_set_task_data (task, l, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_thread);
}

static gboolean
reload_idle (gpointer data)
{
  VigilOrgPage *self = data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed (VigilStore   *store,
               const char   *kind,
               gint64        id,
               VigilOrgPage *self)
{
  if (g_strcmp0 (kind, VIGIL_KIND_PERSON) != 0 && g_strcmp0 (kind, VIGIL_KIND_TEAM) != 0 &&
      g_strcmp0 (kind, VIGIL_KIND_ASSET) != 0 && g_strcmp0 (kind, VIGIL_KIND_INCIDENT) != 0)
    return;
  if (g_strcmp0 (kind, VIGIL_KIND_PERSON) == 0 || g_strcmp0 (kind, VIGIL_KIND_TEAM) == 0)
    {
      if (self->reload_source == 0)
        self->reload_source = g_timeout_add (100, reload_idle, self);
    }
  else
    vigil_org_page_update_card (self);
}

/* ---- public ----------------------------------------------------------- */

GtkWidget *
vigil_org_page_new (void)
{
  return g_object_new (VIGIL_TYPE_ORG_PAGE, NULL);
}

VigilStore *
vigil_org_page_get_store (VigilOrgPage *self)
{
  g_return_val_if_fail (VIGIL_IS_ORG_PAGE (self), NULL);
  return self->store;
}

void
vigil_org_page_set_store (VigilOrgPage *self,
                          VigilStore   *store)
{
  g_return_if_fail (VIGIL_IS_ORG_PAGE (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed), self);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

VigilGraphView *
vigil_org_page_get_graph_view (VigilOrgPage *self)
{
  g_return_val_if_fail (VIGIL_IS_ORG_PAGE (self), NULL);
  return self->graph_view;
}

gboolean
vigil_org_page_is_busy (VigilOrgPage *self)
{
  g_return_val_if_fail (VIGIL_IS_ORG_PAGE (self), FALSE);
  return self->busy;
}

gboolean
vigil_org_page_is_complete (VigilOrgPage *self)
{
  g_return_val_if_fail (VIGIL_IS_ORG_PAGE (self), FALSE);
  return !self->busy && self->showing == SHOWING_PEOPLE;
}

gint64
vigil_org_page_get_selected_person (VigilOrgPage *self)
{
  VigilGraphLayout *layout = vigil_graph_view_get_layout (self->graph_view);
  int node = vigil_graph_view_get_selected (self->graph_view);

  if (self->showing != SHOWING_PEOPLE || layout == NULL || node < 0)
    return 0;
  return vigil_org_node_person_id (layout->nodes[node].id);
}

void
vigil_org_page_select_person (VigilOrgPage *self,
                              gint64        person_id)
{
  gint64 key = person_id;
  guint node = self->node_of ? GPOINTER_TO_UINT (g_hash_table_lookup (self->node_of, &key)) : 0;

  if (node > 0)
    {
      vigil_graph_view_set_selected (self->graph_view, (int) node - 1);
      vigil_graph_view_center_on (self->graph_view, (int) node - 1);
    }
}

gboolean
vigil_org_page_search (VigilOrgPage *self,
                       const char   *text)
{
  g_autoptr(GArray) ids = NULL;
  guint visible = 0;

  if (self->store == NULL || text == NULL || *text == '\0')
    return FALSE;
  ids = vigil_store_search_people (self->store, text, 50, NULL);
  if (ids == NULL || ids->len == 0)
    {
      vigil_org_page_set_status (self, _("No one matches"));
      return FALSE;
    }
  if (self->showing != SHOWING_PEOPLE)
    {
      vigil_org_page_set_status (self, self->busy ? _("Still laying out; search again in a moment")
                                   : _("Switch off the team view to find people"));
      return FALSE;
    }
  /* the n-th visible match, n advancing on each Enter */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < ids->len; i++)
      {
        gint64 id = g_array_index (ids, gint64, i);
        if (self->node_of == NULL || !g_hash_table_contains (self->node_of, &id))
          continue;
        if (visible++ < self->search_index % MAX (1, ids->len) && pass == 0)
          continue;
        vigil_org_page_select_person (self, id);
        vigil_org_page_set_status (self, NULL);
        return TRUE;
      }
  vigil_org_page_set_status (self, _("The matches are hidden by a focus or a collapsed team"));
  return FALSE;
}

gboolean
vigil_org_page_who_to_call (VigilOrgPage  *self,
                            const char    *target,
                            GError       **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree char *label = NULL;
  gint64 asset_id, incident_id;

  if (!vigil_store_org_resolve_target (self->store, target, &asset_id, &incident_id, &label,
                                       error))
    return FALSE;
  ids = asset_id > 0 ? vigil_store_who_to_call_asset (self->store, asset_id, error)
                     : vigil_store_who_to_call_incident (self->store, incident_id, error);
  if (ids == NULL)
    return FALSE;
  g_clear_pointer (&self->who, g_hash_table_unref);
  self->who = vigil_org_id_set_new ();
  for (guint i = 0; i < ids->len; i++)
    vigil_org_id_set_add (self->who, g_array_index (ids, gint64, i));
  g_free (self->who_label);
  self->who_label = g_steal_pointer (&label);
  /* everyone must be visible to be highlighted */
  self->focus_id = 0;
  self->root_id = 0;
  g_hash_table_remove_all (self->collapsed);
  gtk_toggle_button_set_active (self->overview_button, FALSE);
  vigil_org_page_rebuild (self);
  if (ids->len > 0)
    vigil_org_page_select_person (self, g_array_index (ids, gint64, 0));
  return TRUE;
}

/* ---- GObject -------------------------------------------------------------- */

static void
vigil_org_page_dispose (GObject *object)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->teams, g_ptr_array_unref);
  g_clear_pointer (&self->person_index, g_hash_table_unref);
  g_clear_pointer (&self->report_counts, g_hash_table_unref);
  g_clear_pointer (&self->node_of, g_hash_table_unref);
  g_clear_pointer (&self->node_items, g_array_unref);
  g_clear_pointer (&self->collapsed, g_hash_table_unref);
  g_clear_pointer (&self->who, g_hash_table_unref);
  g_clear_pointer (&self->who_label, g_free);
  g_clear_object (&self->list_strings);
  g_clear_object (&self->list_selection);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_ORG_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (vigil_org_page_parent_class)->dispose (object);
}

static void
vigil_org_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_org_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      vigil_org_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_org_page_class_init (VigilOrgPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_org_page_dispose;
  object_class->get_property = vigil_org_page_get_property;
  object_class->set_property = vigil_org_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VIGIL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VIGIL_TYPE_GRAPH_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vigilsoc/Vigil/orgchart/vigil-org-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, overview_button);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, list_button);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, people_list);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, who_button);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, who_popover);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, who_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, who_go);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, banner_label);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, graph_view);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, legend_slot);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, card_revealer);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, card_name);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, card_title);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, card_team);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, card_oncall);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, card_contacts);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, collapse_button);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, card_systems);
  gtk_widget_class_bind_template_child (widget_class, VigilOrgPage, card_incidents);

  vigil_org_page_class_add_actions (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vigil_org_page_init (VigilOrgPage *self)
{
  GtkWidget *legend;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->collapsed = vigil_org_id_set_new ();

  vigil_graph_view_add_kind (self->graph_view, "security", vigil_org_kind_label ("security"),
                             "#c01c28");
  vigil_graph_view_add_kind (self->graph_view, "it", vigil_org_kind_label ("it"), "#1c71d8");
  vigil_graph_view_add_kind (self->graph_view, "business", vigil_org_kind_label ("business"),
                             "#26a269");
  vigil_graph_view_add_kind (self->graph_view, "external", vigil_org_kind_label ("external"),
                             "#813d9c");
  vigil_graph_view_add_kind (self->graph_view, "none", vigil_org_kind_label (NULL), "#77767b");
  legend = vigil_graph_view_create_legend (self->graph_view);
  gtk_widget_set_margin_start (legend, 10);
  gtk_widget_set_margin_end (legend, 10);
  gtk_widget_set_margin_top (legend, 6);
  gtk_widget_set_margin_bottom (legend, 6);
  gtk_box_append (self->legend_slot, legend);

  vigil_org_page_connect_actions (self);
  vigil_org_page_init_list (self);
  vigil_org_page_update_card (self);
}
