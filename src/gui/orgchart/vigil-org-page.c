/* vigil-org-page.c — the Organization page: the chart, a person's card, search, who to call
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening: the people are read on a worker thread (its own connection), the
 * chart graph is built, hashed and its layout looked up in the layout cache
 * on another; on a miss a quick tree layout (no Graphviz, milliseconds) is
 * shown at once while dot lays the chart out on the Graphviz worker.  The
 * main loop only hands results to the view.
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "vigil-org-chart.h"
#include "vigil-org-dialogs.h"
#include "vigil-org-import.h"
#include "vigil-org-page.h"
#include "vigil-store-org.h"
#include "vigil-window.h"

typedef enum
{
  SHOWING_NOTHING,
  SHOWING_TEAMS,
  SHOWING_PEOPLE,
} Showing;

struct _VigilOrgPage
{
  GtkWidget        parent_instance;

  /* template */
  GtkSearchEntry  *search_entry;
  GtkToggleButton *overview_button;
  GtkMenuButton   *who_button;
  GtkPopover      *who_popover;
  GtkEntry        *who_entry;
  GtkButton       *who_go;
  GtkLabel        *status_label;
  GtkRevealer     *banner_revealer;
  GtkLabel        *banner_label;
  GtkScrolledWindow *scroller;
  VigilGraphView  *graph_view;
  GtkBox          *legend_slot;
  AdwStatusPage   *empty_page;
  GtkRevealer     *card_revealer;
  GtkLabel        *card_name;
  GtkLabel        *card_title;
  GtkLabel        *card_team;
  GtkLabel        *card_oncall;
  GtkListBox      *card_contacts;
  GtkButton       *collapse_button;
  GtkListBox      *card_systems;
  GtkListBox      *card_incidents;

  VigilStore      *store;
  gulong           changed_id;
  guint            reload_source;

  GPtrArray       *people;        /* VigilPerson* */
  GPtrArray       *teams;         /* VigilTeam* */
  GHashTable      *person_index;  /* person id → index in people + 1 */
  GHashTable      *report_counts; /* person id → number below them */

  Showing          showing;
  GArray          *node_items;    /* node → index in people (or teams) */
  GHashTable      *node_of;       /* person id → node + 1 (when showing people) */
  guint            generation;
  guint            load_generation;
  GCancellable    *cancellable;
  gboolean         busy;
  gint64           layout_started; /* monotonic µs */

  GHashTable      *collapsed;     /* person ids */
  gint64           focus_id;      /* chain of command + direct reports */
  gint64           root_id;       /* subtree */
  GHashTable      *who;           /* person ids to highlight */
  char            *who_label;
  guint            search_index;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VigilOrgPage, vigil_org_page, GTK_TYPE_WIDGET)

static void rebuild (VigilOrgPage *self);

static GHashTable *
id_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
id_set_add (GHashTable *set,
            gint64      id)
{
  g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

static VigilPerson *
person_by_id (VigilOrgPage *self,
              gint64        id)
{
  guint i = self->person_index ? GPOINTER_TO_UINT (g_hash_table_lookup (self->person_index, &id))
                               : 0;
  return i > 0 ? self->people->pdata[i - 1] : NULL;
}

static void
show_error (VigilOrgPage *self,
            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (VIGIL_IS_WINDOW (root))
    vigil_window_show_error (VIGIL_WINDOW (root), error);
  else
    g_warning ("%s", error->message);
}

static void
show_toast (VigilOrgPage *self,
            const char   *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (VIGIL_IS_WINDOW (root))
    vigil_window_show_toast (VIGIL_WINDOW (root), message);
}

/* ---- the side card -------------------------------------------------------- */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* AdwPreferencesRow titles are markup: escape what the user typed */
  g_autofree char *t = g_markup_escape_text (title ? title : "", -1);
  g_autofree char *s = subtitle ? g_markup_escape_text (subtitle, -1) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t);
  if (s != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), s);
  gtk_list_box_append (list, row);
}

static void
update_card (VigilOrgPage *self)
{
  gint64 id = vigil_org_page_get_selected_person (self);
  VigilPerson *p = id > 0 ? person_by_id (self, id) : NULL;
  g_autoptr(GPtrArray) systems = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autofree char *team = NULL;
  VigilPerson *manager;

  gtk_revealer_set_reveal_child (self->card_revealer, p != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "org.focus", p != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "org.toggle-collapse", p != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "org.edit-person", p != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "org.edit-team", p != NULL && p->team_id > 0);
  if (p == NULL)
    return;

  gtk_label_set_text (self->card_name, p->name);
  gtk_label_set_text (self->card_title, p->title ? p->title : "");
  team = g_strdup_printf ("%s · %s", p->team_name ? p->team_name : _("No team"),
                          vigil_org_kind_label (p->team_kind));
  gtk_label_set_text (self->card_team, team);
  gtk_widget_set_visible (GTK_WIDGET (self->card_oncall), p->on_call);
  gtk_button_set_label (self->collapse_button,
                        self->collapsed && g_hash_table_contains (self->collapsed, &p->id)
                          ? _("E_xpand") : _("_Collapse"));

  clear_list (self->card_contacts);
  if (p->email)
    add_row (self->card_contacts, p->email, _("E-mail"));
  if (p->phone)
    add_row (self->card_contacts, p->phone, _("Phone"));
  if (p->mobile)
    add_row (self->card_contacts, p->mobile, _("Mobile"));
  if (p->location)
    add_row (self->card_contacts, p->location, _("Location"));
  manager = p->manager_id > 0 ? person_by_id (self, p->manager_id) : NULL;
  if (manager != NULL)
    add_row (self->card_contacts, manager->name, _("Manager"));
  if (p->employee_id)
    add_row (self->card_contacts, p->employee_id, _("Employee ID"));
  if (p->roles && p->roles[0])
    {
      g_autofree char *roles = g_strjoinv (", ", p->roles);
      add_row (self->card_contacts, roles, _("Roles"));
    }

  clear_list (self->card_systems);
  systems = vigil_store_list_person_systems (self->store, p->id, NULL);
  for (guint i = 0; systems && i < systems->len; i++)
    {
      VigilOrgLink *link = systems->pdata[i];
      add_row (self->card_systems, link->label, link->detail);
    }
  if (systems == NULL || systems->len == 0)
    add_row (self->card_systems, _("None"), NULL);

  clear_list (self->card_incidents);
  incidents = vigil_store_list_person_incidents (self->store, p->id, NULL);
  for (guint i = 0; incidents && i < incidents->len; i++)
    {
      VigilOrgLink *link = incidents->pdata[i];
      add_row (self->card_incidents, link->label, link->detail);
    }
  if (incidents == NULL || incidents->len == 0)
    add_row (self->card_incidents, _("None"), NULL);
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
  else if (self->focus_id > 0 && (p = person_by_id (self, self->focus_id)))
    text = g_strdup_printf (_("Showing %s’s chain of command and direct reports"), p->name);
  else if (self->root_id > 0 && (p = person_by_id (self, self->root_id)))
    text = g_strdup_printf (_("Showing %s and everyone below them"), p->name);
  gtk_label_set_text (self->banner_label, text ? text : "");
  gtk_revealer_set_reveal_child (self->banner_revealer, text != NULL);
}

static void
fill_nodes (VigilOrgPage     *self,
            VigilGraphLayout *layout)
{
  g_clear_pointer (&self->node_of, g_hash_table_unref);
  if (self->showing == SHOWING_PEOPLE)
    self->node_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint n = 0; n < layout->n_nodes; n++)
    {
      guint flags = 0;

      if (self->showing == SHOWING_TEAMS)
        {
          gint64 team_id = vigil_org_node_team_id (layout->nodes[n].id);
          VigilTeam *t = NULL;
          g_autofree char *count = NULL;

          for (guint i = 0; i < self->teams->len && t == NULL; i++)
            if (((VigilTeam *) self->teams->pdata[i])->id == team_id)
              t = self->teams->pdata[i];
          if (t == NULL)
            continue;
          count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " person",
                                                "%" PRId64 " people", t->n_people),
                                   t->n_people);
          vigil_graph_view_set_node (self->graph_view, n, t->name, count,
                                     vigil_org_kind_label (t->kind), t->kind);
        }
      else
        {
          gint64 person_id = vigil_org_node_person_id (layout->nodes[n].id);
          VigilPerson *p = person_by_id (self, person_id);
          GString *detail;
          guint below;

          if (p == NULL)
            continue;
          g_hash_table_insert (self->node_of, g_memdup2 (&p->id, sizeof p->id),
                               GUINT_TO_POINTER (n + 1));
          detail = g_string_new (vigil_org_kind_label (p->team_kind));
          if (p->on_call)
            g_string_append_printf (detail, " · %s", _("On call"));
          if (self->collapsed && g_hash_table_contains (self->collapsed, &p->id))
            {
              below = GPOINTER_TO_UINT (g_hash_table_lookup (self->report_counts, &p->id));
              flags |= VIGIL_GRAPH_VIEW_NODE_COLLAPSED;
              g_string_append_printf (detail, " · ");
              g_string_append_printf (detail, g_dngettext (GETTEXT_PACKAGE, "%u hidden",
                                                           "%u hidden", below), below);
            }
          if (self->who != NULL)
            flags |= g_hash_table_contains (self->who, &p->id) ? VIGIL_GRAPH_VIEW_NODE_HIGHLIGHT
                                                               : VIGIL_GRAPH_VIEW_NODE_DIM;
          vigil_graph_view_set_node (self->graph_view, n, p->name, p->title, detail->str,
                                     p->team_kind ? p->team_kind : "none");
          vigil_graph_view_set_node_flags (self->graph_view, n, flags);
          g_string_free (detail, TRUE);
        }
    }
}

static void
set_status (VigilOrgPage *self,
            const char   *text)
{
  gtk_label_set_text (self->status_label, text ? text : "");
}

static void
show_layout (VigilOrgPage     *self,
             VigilGraphLayout *layout,
             Showing           showing,
             gboolean          reset_view)
{
  gint64 keep = vigil_org_page_get_selected_person (self);

  self->showing = showing;
  vigil_graph_view_set_layout (self->graph_view, layout);
  fill_nodes (self, layout);
  if (reset_view || keep <= 0)
    vigil_graph_view_show_start (self->graph_view, layout->n_nodes > 0 ? 0 : -1);
  if (keep > 0)
    vigil_org_page_select_person (self, keep);
  update_card (self);
  update_banner (self);
}

typedef struct
{
  VigilOrgPage *self;
  guint         generation;
  Showing       showing;
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
  if (error == NULL && call->generation == self->generation &&
      TRUE)
    {
      show_layout (self, layout, call->showing, FALSE);
      {
        g_autofree char *text = NULL;
        self->busy = FALSE;
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people",
                                             layout->n_nodes), layout->n_nodes);
        set_status (self, call->showing == SHOWING_PEOPLE ? text : NULL);
      }
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
           call->generation == self->generation)
    {
      self->busy = FALSE;
      set_status (self, error->message);
    }
  g_object_unref (self);
  g_free (call);
}

static void
start_layout (VigilOrgPage *self,
              VigilGraph   *graph,
              Showing       showing)
{
  LayoutCall *call = g_new0 (LayoutCall, 1);

  call->self = g_object_ref (self);
  call->generation = self->generation;
  call->showing = showing;
  vigil_graph_layout_async (graph, self->cancellable, layout_done, call);
}

static GPtrArray *
focus_subset (VigilOrgPage *self)
{
  GPtrArray *subset = g_ptr_array_new ();
  VigilPerson *p = person_by_id (self, self->focus_id);

  if (p == NULL)
    return subset;
  /* the chain of command, top first */
  for (VigilPerson *m = p; m != NULL && subset->len < 256;
       m = m->manager_id > 0 ? person_by_id (self, m->manager_id) : NULL)
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
  GPtrArray   *people;     /* a reference: the people never change once loaded */
  GPtrArray   *subset;     /* borrowed VigilPerson*, or NULL */
  GPtrArray   *teams;
  GHashTable  *collapsed;  /* a copy */
  gint64       root;
  gboolean     overview;
  VigilGraph  *graph;      /* results */
  VigilGraphLayout *layout;
  gboolean     cached;
} Prepare;

static void
prepare_free (Prepare *p)
{
  g_clear_pointer (&p->people, g_ptr_array_unref);
  g_clear_pointer (&p->subset, g_ptr_array_unref);
  g_clear_pointer (&p->teams, g_ptr_array_unref);
  g_clear_pointer (&p->collapsed, g_hash_table_unref);
  g_clear_pointer (&p->graph, vigil_graph_unref);
  g_clear_pointer (&p->layout, vigil_graph_layout_unref);
  g_free (p);
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
    p->graph = vigil_org_chart_teams (p->teams, FALSE);
  else
    {
      options.collapsed = p->collapsed;
      options.root = p->root;
      options.clusters = TRUE;
      p->graph = vigil_org_chart_people (p->subset ? p->subset : p->people, &options, NULL);
    }
  vigil_graph_get_hash (p->graph);
  p->layout = vigil_graph_lookup_cached (p->graph);
  p->cached = p->layout != NULL;
  if (p->layout == NULL)
    p->layout = vigil_graph_layout_quick (p->graph);
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
  show_layout (self, p->layout, showing, TRUE);
  if (p->cached)
    {
      self->busy = FALSE;
      if (showing == SHOWING_PEOPLE)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people",
                                             p->layout->n_nodes), p->layout->n_nodes);
      set_status (self, text);
      return;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Arranging %u box…",
                                       "Arranging %u boxes…", p->layout->n_nodes),
                          p->layout->n_nodes);
  set_status (self, text);
  start_layout (self, p->graph, showing);
}

static void
rebuild (VigilOrgPage *self)
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
      update_card (self);
      set_status (self, NULL);
      return;
    }

  p = g_new0 (Prepare, 1);
  p->people = g_ptr_array_ref (self->people);
  p->teams = g_ptr_array_ref (self->teams);
  p->overview = gtk_toggle_button_get_active (self->overview_button);
  p->subset = self->focus_id > 0 ? focus_subset (self) : NULL;
  p->root = self->focus_id > 0 ? 0 : self->root_id;
  p->collapsed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  {
    GHashTableIter iter;
    gpointer key;
    g_hash_table_iter_init (&iter, self->collapsed);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_hash_table_add (p->collapsed, g_memdup2 (key, sizeof (gint64)));
  }
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
  rebuild (self);
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
      if (self->store == NULL || !load_people (self->store, &l, &error))
        {
          set_status (self, error ? error->message : NULL);
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
      rebuild (self);
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
    update_card (self);
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
      set_status (self, _("No one matches"));
      return FALSE;
    }
  if (self->showing != SHOWING_PEOPLE)
    {
      set_status (self, self->busy ? _("Still laying out; search again in a moment")
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
        set_status (self, NULL);
        return TRUE;
      }
  set_status (self, _("The matches are hidden by a focus or a collapsed team"));
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
  self->who = id_set_new ();
  for (guint i = 0; i < ids->len; i++)
    id_set_add (self->who, g_array_index (ids, gint64, i));
  g_free (self->who_label);
  self->who_label = g_steal_pointer (&label);
  /* everyone must be visible to be highlighted */
  self->focus_id = 0;
  self->root_id = 0;
  g_hash_table_remove_all (self->collapsed);
  gtk_toggle_button_set_active (self->overview_button, FALSE);
  rebuild (self);
  if (ids->len > 0)
    vigil_org_page_select_person (self, g_array_index (ids, gint64, 0));
  return TRUE;
}

/* ---- actions ------------------------------------------------------------- */

static void
search_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_changed (GtkSearchEntry *entry,
                VigilOrgPage   *self)
{
  self->search_index = 0;
  vigil_org_page_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
search_activate (GtkSearchEntry *entry,
                 VigilOrgPage   *self)
{
  self->search_index++;
  vigil_org_page_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
search_stop (GtkSearchEntry *entry,
             VigilOrgPage   *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->graph_view));
}

static void
zoom_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (widget);
  double zoom = vigil_graph_view_get_zoom (self->graph_view);

  if (g_str_equal (name, "org.fit"))
    vigil_graph_view_zoom_to_fit (self->graph_view);
  else
    vigil_graph_view_set_zoom (self->graph_view,
                               g_str_equal (name, "org.zoom-in") ? zoom * 1.25 : zoom / 1.25);
}

static void
focus_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (widget);
  gint64 id = vigil_org_page_get_selected_person (self);

  if (id <= 0)
    return;
  self->focus_id = id;
  g_clear_pointer (&self->who, g_hash_table_unref);
  rebuild (self);
  vigil_org_page_select_person (self, id);
}

static void
show_all_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (widget);
  gint64 id = vigil_org_page_get_selected_person (self);

  self->focus_id = 0;
  self->root_id = 0;
  g_clear_pointer (&self->who, g_hash_table_unref);
  rebuild (self);
  if (id > 0)
    vigil_org_page_select_person (self, id);
}

static void
toggle_collapse_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (widget);
  gint64 id = vigil_org_page_get_selected_person (self);

  if (id <= 0)
    return;
  if (!g_hash_table_remove (self->collapsed, &id))
    {
      if (GPOINTER_TO_UINT (g_hash_table_lookup (self->report_counts, &id)) == 0)
        {
          set_status (self, _("Nobody reports to this person"));
          return;
        }
      id_set_add (self->collapsed, id);
    }
  rebuild (self);
  vigil_org_page_select_person (self, id);
}

static void
node_activated (VigilGraphView *view,
                int             node,
                VigilOrgPage   *self)
{
  VigilGraphLayout *layout = vigil_graph_view_get_layout (view);
  gint64 team_id;

  if (self->showing != SHOWING_TEAMS || layout == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "org.edit-person", NULL);
      return;
    }
  /* a team in the overview: show its part of the organisation */
  team_id = vigil_org_node_team_id (layout->nodes[node].id);
  for (guint i = 0; i < self->teams->len; i++)
    {
      VigilTeam *t = self->teams->pdata[i];
      if (t->id == team_id && t->lead_id > 0)
        {
          self->root_id = t->lead_id;
          gtk_toggle_button_set_active (self->overview_button, FALSE);
          rebuild (self);
          return;
        }
    }
}

static void
selection_changed (VigilGraphView *view,
                   GParamSpec     *pspec,
                   VigilOrgPage   *self)
{
  update_card (self);
}

static void
overview_toggled (GtkToggleButton *button,
                  VigilOrgPage    *self)
{
  rebuild (self);
}

static void
who_go_clicked (GtkButton    *button,
                VigilOrgPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!vigil_org_page_who_to_call (self, gtk_editable_get_text (GTK_EDITABLE (self->who_entry)),
                                   &error))
    {
      set_status (self, error->message);
      return;
    }
  gtk_popover_popdown (self->who_popover);
}

static void
who_entry_activate (GtkEntry     *entry,
                    VigilOrgPage *self)
{
  who_go_clicked (NULL, self);
}

static void
edit_person_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (widget);
  gint64 id = vigil_org_page_get_selected_person (self);

  if (g_str_equal (name, "org.new-person"))
    vigil_org_person_dialog_present (widget, self->store, 0, id);
  else if (id > 0)
    vigil_org_person_dialog_present (widget, self->store, id, 0);
}

static void
new_team_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (widget);
  VigilPerson *p = person_by_id (self, vigil_org_page_get_selected_person (self));

  if (g_str_equal (name, "org.edit-team"))
    {
      if (p != NULL && p->team_id > 0)
        vigil_org_team_dialog_present (widget, self->store, p->team_id);
      return;
    }
  vigil_org_team_dialog_present (widget, self->store, 0);
}

/* import */

static void
import_report_response (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  VigilOrgPage *self = g_object_get_data (G_OBJECT (dialog), "page");
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  if (g_strcmp0 (response, "skip") == 0)
    {
      g_autoptr(VigilOrgImport) import = vigil_org_import_new (self->store);
      g_autoptr(VigilOrgImportReport) report = NULL;
      g_autoptr(GError) error = NULL;

      vigil_org_import_set_skip_invalid (import, TRUE);
      report = vigil_org_import_file (import, path, &error);
      if (report == NULL)
        show_error (self, error);
      else
        {
          g_autofree char *text = g_strdup_printf (_("%u imported, %u updated, %u rejected"),
                                                   report->imported, report->updated,
                                                   report->rejected);
          show_toast (self, text);
        }
    }
}

static void
import_file (VigilOrgPage *self,
             const char   *path)
{
  g_autoptr(VigilOrgImport) import = vigil_org_import_new (self->store);
  g_autoptr(VigilOrgImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *label, *scroller;

  report = vigil_org_import_file (import, path, &error);
  if (report == NULL)
    {
      show_error (self, error);
      return;
    }
  if (report->committed)
    {
      text = g_strdup_printf (_("%u imported, %u updated"), report->imported, report->updated);
      show_toast (self, text);
      return;
    }
  text = vigil_org_import_report_to_string (report);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Nothing Was Imported"),
    _("Some rows cannot be imported. Fix the file and import it again, or import only the "
      "valid rows.")));
  label = gtk_label_new (text);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  adw_message_dialog_set_extra_child (dialog, scroller);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), NULL);
  if (report->rejected > 0 && report->rejected < report->rows)
    {
      adw_message_dialog_add_responses (dialog, "skip", _("Import _Valid Rows"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "skip", ADW_RESPONSE_SUGGESTED);
    }
  g_object_set_data_full (G_OBJECT (dialog), "page", g_object_ref (self), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (import_report_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_chosen (GtkNativeDialog *chooser,
               int              response,
               VigilOrgPage    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      if (path != NULL)
        import_file (self, path);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
import_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import People"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (import_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* export */

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  VigilGraph *graph = data;
  const char *format = g_object_get_data (G_OBJECT (task), "format");
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  GError *error = NULL;

  if (vigil_graph_export (graph, format, path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_error (self, error);
  else
    {
      g_autofree char *base = g_path_get_basename (g_object_get_data (G_OBJECT (result), "path"));
      g_autofree char *text = g_strdup_printf (_("Exported %s"), base);
      show_toast (self, text);
    }
}

static void
export_chosen (GtkNativeDialog *chooser,
               int              response,
               VigilOrgPage    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GTask) task = NULL;
      g_autoptr(VigilGraph) graph = NULL;
      g_autoptr(GPtrArray) subset = NULL;
      VigilOrgChartOptions options = { 0 };

      if (gtk_toggle_button_get_active (self->overview_button))
        graph = vigil_org_chart_teams (self->teams, TRUE);
      else
        {
          options.collapsed = self->collapsed;
          options.root = self->focus_id > 0 ? 0 : self->root_id;
          options.clusters = TRUE;
          options.for_export = TRUE;
          subset = self->focus_id > 0 ? focus_subset (self) : NULL;
          graph = vigil_org_chart_people (subset ? subset : self->people, &options, NULL);
        }
      task = g_task_new (self, NULL, export_done, NULL);
      g_task_set_task_data (task, g_steal_pointer (&graph), (GDestroyNotify) vigil_graph_unref);
      g_object_set_data_full (G_OBJECT (task), "format",
                              g_strdup (g_object_get_data (G_OBJECT (chooser), "format")), g_free);
      g_object_set_data_full (G_OBJECT (task), "path", g_file_get_path (file), g_free);
      g_task_run_in_thread (task, export_thread);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  VigilOrgPage *self = VIGIL_ORG_PAGE (widget);
  const char *format = g_variant_get_string (param, NULL);
  g_autofree char *file_name = g_strdup_printf ("organisation.%s", format);
  GtkFileChooserNative *chooser;

  if (self->people == NULL || self->people->len == 0)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Organisation Chart"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_object_set_data_full (G_OBJECT (chooser), "format", g_strdup (format), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
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

  gtk_widget_class_install_action (widget_class, "org.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "org.fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "org.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "org.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "org.focus", NULL, focus_action);
  gtk_widget_class_install_action (widget_class, "org.show-all", NULL, show_all_action);
  gtk_widget_class_install_action (widget_class, "org.toggle-collapse", NULL,
                                   toggle_collapse_action);
  gtk_widget_class_install_action (widget_class, "org.edit-person", NULL, edit_person_action);
  gtk_widget_class_install_action (widget_class, "org.new-person", NULL, edit_person_action);
  gtk_widget_class_install_action (widget_class, "org.new-team", NULL, new_team_action);
  gtk_widget_class_install_action (widget_class, "org.edit-team", NULL, new_team_action);
  gtk_widget_class_install_action (widget_class, "org.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "org.export", "s", export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "org.search",
                                       NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vigil_org_page_init (VigilOrgPage *self)
{
  GtkWidget *legend;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->collapsed = id_set_new ();

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

  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (search_activate), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (search_stop), self);
  g_signal_connect (self->overview_button, "toggled", G_CALLBACK (overview_toggled), self);
  g_signal_connect (self->who_go, "clicked", G_CALLBACK (who_go_clicked), self);
  g_signal_connect (self->who_entry, "activate", G_CALLBACK (who_entry_activate), self);
  g_signal_connect (self->graph_view, "notify::selected", G_CALLBACK (selection_changed), self);
  g_signal_connect (self->graph_view, "node-activated", G_CALLBACK (node_activated), self);
  update_card (self);
}
