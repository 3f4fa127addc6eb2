/* vigil-org-page-private.h — VigilOrgPage's instance, shared by its source files
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   vigil-org-page.c          loading, laying out and showing the chart; the public API
 *   vigil-org-page-actions.c  the page's actions: search, zoom, focus, collapse, who to
 *                             call, people and teams, CSV import, export
 *   vigil-org-page-card.c     the selected person's card and the list of people (the
 *                             chart's accessible alternative)
 */
#pragma once

#include <adwaita.h>

#include "vigil-window.h"
#include "vigil-org-page.h"
#include "vigil-store-org.h"

G_BEGIN_DECLS

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
  GtkToggleButton *list_button;
  GtkStack        *chart_stack;
  GtkListView     *people_list;
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

  /* the list of people (vigil-org-page-card.c) */
  GtkStringList      *list_strings;  /* row → spoken description */
  GtkSingleSelection *list_selection;
  gboolean            list_syncing;
};

/* vigil-org-page.c */
GHashTable  *vigil_org_id_set_new            (void);
void         vigil_org_id_set_add            (GHashTable   *set,
                                              gint64        id);
VigilPerson *vigil_org_page_person_by_id     (VigilOrgPage *self,
                                              gint64        id);
void         vigil_org_page_set_status       (VigilOrgPage *self,
                                              const char   *text);
void         vigil_org_page_rebuild          (VigilOrgPage *self);
/* The focused person's chain of command and direct reports (borrowed). */
GPtrArray   *vigil_org_page_focus_subset     (VigilOrgPage *self);

/* vigil-org-page-actions.c */
void         vigil_org_page_class_add_actions (GtkWidgetClass *widget_class);
void         vigil_org_page_connect_actions  (VigilOrgPage *self);

/* vigil-org-page-card.c */
void         vigil_org_page_update_card      (VigilOrgPage *self);
void         vigil_org_page_list_changed     (VigilOrgPage *self);
void         vigil_org_page_init_list        (VigilOrgPage *self);

G_END_DECLS
