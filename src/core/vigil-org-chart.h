/* vigil-org-chart.h — the organisation as a VigilGraph (people or teams)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-graph.h"
#include "vigil-store-org.h"

G_BEGIN_DECLS

/* Card size of a person, in points (the view draws text inside it). */
#define VIGIL_ORG_CARD_WIDTH  176.0
#define VIGIL_ORG_CARD_HEIGHT  60.0

/* Node ids: "p<person id>" and "t<team id>". */
char     *vigil_org_person_node_id   (gint64 person_id);
char     *vigil_org_team_node_id     (gint64 team_id);
/* The person or team id of a node id, or 0. */
gint64    vigil_org_node_person_id   (const char *node_id);
gint64    vigil_org_node_team_id     (const char *node_id);

typedef struct
{
  gint64      root;         /* a person id: only them and everyone below; 0: all */
  GHashTable *collapsed;    /* person ids (gint64*) whose reports are hidden, or NULL */
  gboolean    clusters;     /* draw teams as boxes (automatic: FALSE above 800 people) */
  gboolean    for_export;   /* labels and colours for Graphviz's renderers */
} VigilOrgChartOptions;

/* The reporting tree of `people` (VigilPerson*, from vigil_store_list_people).
 * Node i of the graph is people->pdata[visible[i]] when `visible` is given
 * (filled with guint indices into people). */
VigilGraph *vigil_org_chart_people   (GPtrArray                  *people,
                                      const VigilOrgChartOptions *options,
                                      GArray                     *visible);
/* The team tree (VigilTeam*): one card per team, with its head count. */
VigilGraph *vigil_org_chart_teams    (GPtrArray                  *teams,
                                      gboolean                    for_export);

/* Fill colour of a team kind for exports ("#rrggbb"). */
const char *vigil_org_kind_color     (const char *kind);
/* Translated label of a team kind. */
const char *vigil_org_kind_label     (const char *kind);

/* Number of people below a person (all levels), for "+N" on collapsed cards. */
GHashTable *vigil_org_count_reports  (GPtrArray *people);

G_END_DECLS
