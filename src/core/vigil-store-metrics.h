/* vigil-store-metrics.h — the overview's figures: response metrics, trends, where incidents hit
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An incident belongs to a period by its detection time.  A period is two
 * inclusive dates (YYYY-MM-DD, UTC).  Durations are in seconds; an incident
 * missing one of the two timestamps of a metric is left out of it and
 * counted as missing, never as a zero duration.
 *
 * Some figures describe the present rather than the period, as a board
 * does: open incidents by stage and severity, workload by tier and analyst,
 * active countermeasures and open detection requests.
 */
#pragma once

#include <gio/gio.h>

#include "vigil-store.h"
#include "vigil-store-incidents.h"
#include "vigil-vocab.h"

G_BEGIN_DECLS

#define VIGIL_N_SEVERITIES   4  /* low, medium, high, critical (vocabulary order) */
#define VIGIL_N_RESOLUTIONS  4  /* true-positive, false-positive, benign, duplicate */
#define VIGIL_N_TIERS        4  /* l1, l2, l3, csirt */
#define VIGIL_N_CRITICALITIES 4 /* low, medium, high, critical */

typedef enum
{
  VIGIL_METRIC_DETECT,       /* detected − occurred */
  VIGIL_METRIC_ACKNOWLEDGE,  /* acknowledged − detected */
  VIGIL_METRIC_CONTAIN,      /* contained − detected */
  VIGIL_METRIC_RESOLVE,      /* resolved − detected */
  VIGIL_N_METRICS
} VigilMetric;

typedef enum
{
  VIGIL_TARGET_ACKNOWLEDGE,
  VIGIL_TARGET_CONTAIN,
  VIGIL_TARGET_RESOLVE,
  VIGIL_N_TARGETS
} VigilTarget;

/* Fills the board's VigilResponseTargets (vigil-store-incidents.h) from the
 * GSettings key `response-targets` (a{s(uuu)}: minutes to acknowledge,
 * contain and resolve per severity); severities missing from the variant
 * get 0, which means no target. */
void     vigil_metrics_targets_from_variant   (VigilResponseTargets *targets,
                                               GVariant             *variant);

typedef struct
{
  char   *from;       /* YYYY-MM-DD, inclusive */
  char   *to;         /* YYYY-MM-DD, inclusive */
  char   *from_iso;   /* first instant: YYYY-MM-DDT00:00:00Z */
  char   *until_iso;  /* first instant after the period */
  int     days;
} VigilPeriod;

/* Parses two inclusive dates; VIGIL_ERROR_VALIDATION when either is not a
 * YYYY-MM-DD date or `to` is before `from`. */
gboolean vigil_period_init     (VigilPeriod  *period,
                                const char   *from,
                                const char   *to,
                                GError      **error);
/* The last `days` days up to and including today (vigil_time_now()). */
void     vigil_period_init_last_days (VigilPeriod *period,
                                      guint        days);
/* The calendar quarter holding today. */
void     vigil_period_init_quarter (VigilPeriod *period);
void     vigil_period_clear    (VigilPeriod  *period);

typedef struct
{
  gint64  count;        /* incidents with both timestamps, used */
  gint64  missing;      /* incidents lacking one of them */
  gint64  inconsistent; /* end before start: left out */
  gint64  median;       /* seconds; -1 when count is 0 */
  gint64  p90;          /* seconds, nearest rank; -1 when count is 0 */
} VigilDurationStats;

typedef struct
{
  gint64  met;
  gint64  breached;     /* took longer, or still waiting past the target */
  gint64  pending;      /* still waiting, within the target */
} VigilTargetStats;

typedef struct
{
  char   *week;         /* Monday, YYYY-MM-DD */
  gint64  opened;       /* detected that week */
  gint64  closed;       /* closed that week */
} VigilWeek;

typedef struct
{
  gint64  id;           /* team, asset or person id; 0: none */
  char   *key;          /* vocabulary key when grouped by one, else NULL */
  char   *label;        /* display name */
  gint64  count;
} VigilCount;

typedef struct
{
  VigilPeriod         period;

  /* incidents detected in the period */
  gint64              incidents;
  gint64              closed;            /* of those, closed now */
  gint64              by_severity[VIGIL_N_SEVERITIES + 1];  /* last: not classified */
  gint64              by_resolution[VIGIL_N_RESOLUTIONS];   /* outcome mix of the closed */
  GArray             *by_category;       /* VigilCount, key = category, descending */
  VigilDurationStats  durations[VIGIL_N_METRICS];
  VigilTargetStats    targets[VIGIL_N_SEVERITIES][VIGIL_N_TARGETS];
  GArray             *weeks;             /* VigilWeek, oldest first */
  GArray             *by_team;           /* VigilCount, teams of the affected assets */
  GArray             *by_criticality;    /* VigilCount, key = criticality, vocabulary order */
  GArray             *top_assets;        /* VigilCount, at most 10 */

  /* now */
  gint64              open;
  gint64              open_by_stage_severity[VIGIL_N_STAGES - 1][VIGIL_N_SEVERITIES + 1];
  gint64              open_by_tier[VIGIL_N_TIERS];
  GArray             *open_by_analyst;   /* VigilCount, id = person, 0 = unassigned */
  gint64              active_countermeasures;
  gint64              open_detection_requests;
} VigilMetrics;

/* `targets` NULL: the store's (vigil_store_get_response_targets()). */
VigilMetrics *vigil_store_compute_metrics (VigilStore                 *self,
                                           const VigilPeriod          *period,
                                           const VigilResponseTargets *targets,
                                           GError                    **error);
void          vigil_metrics_free          (VigilMetrics               *metrics);

const char   *vigil_metric_key            (VigilMetric                 metric);
const char   *vigil_metric_label          (VigilMetric                 metric);
/* "3 h 05 min", "2 d 4 h", "—" for -1 */
char         *vigil_format_duration       (gint64                      seconds);

/* One incident of a period, for the report's table. */
typedef struct
{
  char *ref;
  char *title;
  char *stage;
  char *severity;
  char *category;
  char *assignee;
  char *detected_at;
  char *closed_at;
  char *resolution;
} VigilIncidentRow;

/* Incidents detected in the period, oldest first (VigilIncidentRow).
 * `major_only`: high and critical severity only. */
GPtrArray    *vigil_store_list_period_incidents (VigilStore        *self,
                                                 const VigilPeriod *period,
                                                 gboolean           major_only,
                                                 GError           **error);
void          vigil_incident_row_free     (VigilIncidentRow           *row);

typedef enum
{
  VIGIL_SECTION_TIMELINE,        /* at, actor, summary */
  VIGIL_SECTION_ACTIONS,         /* kind, title, status, owner, due / done */
  VIGIL_SECTION_CONTACTS,        /* at, who, channel, summary, follow-up */
  VIGIL_SECTION_OBSERVABLES,     /* type, value, ioc, tlp, note */
  VIGIL_SECTION_ASSETS,          /* name, criticality, status, owner team, note */
} VigilSection;

/* The rows of one part of an incident, as display text (GStrv per row). */
GPtrArray    *vigil_store_list_incident_section (VigilStore    *self,
                                                 gint64         incident_id,
                                                 VigilSection   section,
                                                 GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilMetrics, vigil_metrics_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VigilPeriod, vigil_period_clear)

G_END_DECLS
