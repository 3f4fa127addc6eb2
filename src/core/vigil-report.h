/* vigil-report.h — PDF reports: a period's overview, and one incident
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawn with cairo's PDF surface and Pango; the charts are the overview's
 * (vigil-chart.h).  Writing goes to a temporary file renamed over `path`
 * at the end, so a failed report leaves nothing half-written.
 */
#pragma once

#include <gio/gio.h>

#include "vigil-chart.h"
#include "vigil-store-metrics.h"

G_BEGIN_DECLS

/* The overview's charts, built from metrics; shared by the window and PDF. */
typedef enum
{
  VIGIL_OVERVIEW_CHART_OPEN,          /* open now, by stage and severity */
  VIGIL_OVERVIEW_CHART_TREND,         /* opened vs closed per week */
  VIGIL_OVERVIEW_CHART_SEVERITY,      /* the period's incidents by severity */
  VIGIL_OVERVIEW_CHART_OUTCOME,       /* outcome mix of the closed */
  VIGIL_OVERVIEW_CHART_TARGETS,       /* response targets met / breached per severity */
  VIGIL_OVERVIEW_CHART_CATEGORY,      /* by category */
  VIGIL_OVERVIEW_CHART_TEAMS,         /* where incidents hit: business teams */
  VIGIL_OVERVIEW_CHART_CRITICALITY,   /* … and asset criticality */
  VIGIL_OVERVIEW_CHART_ASSETS,        /* most affected assets */
  VIGIL_OVERVIEW_CHART_TIERS,         /* workload by tier */
  VIGIL_OVERVIEW_CHART_ANALYSTS,      /* workload by analyst */
  VIGIL_N_OVERVIEW_CHARTS
} VigilOverviewChart;

VigilChart *vigil_metrics_build_chart   (const VigilMetrics         *metrics,
                                         VigilOverviewChart          which);

/* Writes the period report: figures, response metrics and targets, charts,
 * the major incidents (high and critical) and a table of every incident of
 * the period.  `targets` NULL: the store's.  *n_pages (optional) receives
 * the page count. */
gboolean    vigil_report_write_period   (VigilStore                 *store,
                                         const VigilPeriod          *period,
                                         const VigilResponseTargets *targets,
                                         const char                 *path,
                                         guint                      *n_pages,
                                         GError                    **error);
/* Writes the report of one incident: summary, classification, timeline,
 * actions and countermeasures, contacts, observables, affected assets and
 * closure.  VIGIL_ERROR_NOT_FOUND for an unknown reference. */
gboolean    vigil_report_write_incident (VigilStore                 *store,
                                         const char                 *ref,
                                         const char                 *path,
                                         guint                      *n_pages,
                                         GError                    **error);

/* The same off the main thread, on a connection of its own.  `ref` NULL
 * writes the period report. */
void        vigil_report_write_async    (VigilStore                 *store,
                                         const VigilPeriod          *period,
                                         const VigilResponseTargets *targets,
                                         const char                 *ref,
                                         const char                 *path,
                                         GCancellable               *cancellable,
                                         GAsyncReadyCallback         callback,
                                         gpointer                    user_data);
gboolean    vigil_report_write_finish   (GAsyncResult               *result,
                                         guint                      *n_pages,
                                         GError                    **error);

G_END_DECLS
