/* vigil-store-incidents.h — incidents in the store
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Creating, changing, moving and escalating incidents, and the board's
 * filter.  Every change writes its timeline rows in the same transaction
 * and records the store's actor (vigil_store_set_actor).  Workflow rules
 * (vigil-workflow.h) refuse a move with VIGIL_ERROR_REFUSED.
 */
#pragma once

#include "vigil-incident.h"
#include "vigil-store.h"

G_BEGIN_DECLS

VigilIncident *vigil_store_get_incident      (VigilStore   *self,
                                              gint64        id,
                                              GError      **error);
/* `ref` is matched without regard to case: "inc-2026-0001" works. */
VigilIncident *vigil_store_find_incident     (VigilStore   *self,
                                              const char   *ref,
                                              GError      **error);
/* Ids of the incidents in `stage` (NULL: all), most urgent first. */
GArray        *vigil_store_list_incident_ids (VigilStore   *self,
                                              const char   *stage,
                                              GError      **error);

/* ---- Creating and changing ------------------------------------------- */

/* The fields of a new incident, or the changes to one.  A NULL string (or
 * 0 for numbers) leaves the field as it is; "" clears a field that may be
 * empty (severity, category, assignee, dates); -1 clears impact/urgency or
 * the assignee/team.  Keys are validated against vigil-vocab.h; times are
 * normalised to UTC ISO 8601.  The priority (P1–P4) follows impact × urgency.
 * The response due time follows the severity and the response targets. */
typedef struct
{
  const char   *title;           /* required on create */
  const char   *description;
  const char   *severity;        /* low, medium, high, critical */
  int           impact;          /* 1 high … 3 low */
  int           urgency;         /* 1 high … 3 low */
  const char   *category;        /* ENISA RSIT class key */
  const char   *tlp;
  const char   *pap;
  const char   *tier;            /* l1, l2, l3, csirt */
  gint64        assignee_id;     /* people.id */
  const char   *assignee_email;  /* or by e-mail (people.email); "" clears */
  gint64        owner_team_id;
  const char   *occurred_at;
  const char   *detected_at;     /* on create, default: now */
  const char   *impact_status;
  const char   *resolution;      /* normally set by a move to Closed */
  const char   *summary;         /* closure summary */
  const char   *lessons;
  const GArray *asset_ids;       /* gint64 ids: replaces the affected assets; NULL leaves them */
} VigilIncidentChanges;

/* Creates an incident in Classification; returns the new record (its ref
 * is vigil_incident_get_ref()).  Timeline: one 'created' row. */
VigilIncident *vigil_store_create_incident   (VigilStore                 *self,
                                              const VigilIncidentChanges *changes,
                                              GError                    **error);
/* Applies the changes; each changed field writes a timeline row of kind
 * 'field' with its before and after values.  Nothing changed is not an
 * error.  *n_changed (optional) receives the number of changed fields. */
gboolean       vigil_store_update_incident   (VigilStore                 *self,
                                              gint64                      id,
                                              const VigilIncidentChanges *changes,
                                              guint                      *n_changed,
                                              GError                    **error);

/* ---- Moving through the five stages ---------------------------------- */

typedef struct
{
  const char *reason;      /* required to move backwards (reopen) */
  const char *resolution;  /* required to enter Closed unless already set */
  const char *summary;     /* required to enter Closed unless already set */
  const char *at;          /* when the move really happened (back-filling); NULL: now */
} VigilMoveDetails;

/* Moves the incident to `stage` (a key) through the workflow rules
 * (VIGIL_ERROR_REFUSED with the rule as message).  Writes a stage_history
 * row and a 'stage' timeline row, sets acknowledged/contained/resolved/
 * closed times (moving backwards clears the later ones), and the response
 * due time of the new stage.  `details` may be NULL.  *move_id (optional)
 * receives a token for vigil_store_undo_move().  Moving to the stage the
 * incident is in is a no-op that returns TRUE with *move_id = 0. */
gboolean       vigil_store_move_incident     (VigilStore                 *self,
                                              gint64                      id,
                                              const char                 *stage,
                                              const VigilMoveDetails     *details,
                                              gint64                     *move_id,
                                              GError                    **error);
/* Reverts a move: the stage and every field the move changed go back to
 * their values before it; recorded as a stage change (reason "Undo") of its
 * own.  VIGIL_ERROR_CONFLICT if the incident moved again since. */
gboolean       vigil_store_undo_move         (VigilStore                 *self,
                                              gint64                      move_id,
                                              GError                    **error);

/* Escalates to a higher tier (l1 → l2 → l3 → csirt; skipping is allowed)
 * with a reason; timeline kind 'escalation'.  A tier that is not higher is
 * refused (VIGIL_ERROR_REFUSED). */
gboolean       vigil_store_escalate_incident (VigilStore                 *self,
                                              gint64                      id,
                                              const char                 *tier,
                                              const char                 *reason,
                                              GError                    **error);

/* ---- Response targets ------------------------------------------------ */

/* Minutes to acknowledge, to contain and to resolve, per severity (indexed
 * like VIGIL_VOCAB_SEVERITY: low, medium, high, critical).  The defaults
 * are the `response-targets` setting's defaults. */
typedef struct
{
  guint acknowledge[4];
  guint contain[4];
  guint resolve[4];
} VigilResponseTargets;

void           vigil_store_set_response_targets (VigilStore                 *self,
                                                 const VigilResponseTargets *targets);
void           vigil_store_get_response_targets (VigilStore                 *self,
                                                 VigilResponseTargets       *targets);
/* The due time (ISO, newly allocated) for an incident of `severity`
 * detected at `detected_at` while in `stage`; NULL when none applies
 * (no severity, or closed). */
char          *vigil_store_compute_due_at    (VigilStore                 *self,
                                              const char                 *stage,
                                              const char                 *severity,
                                              const char                 *detected_at);

/* ---- The board's filter ---------------------------------------------- */

/* One filter for all columns.  NULL / 0 / FALSE fields do not filter. */
typedef struct
{
  char     *text;         /* free text: FTS5 prefix match on ref, title, description, observables */
  char     *severity;
  char     *tier;
  char     *category;
  char     *tlp;
  gint64    assignee_id;  /* "Mine": the analyst's person id */
  gboolean  overdue;      /* response due time passed, not closed */
  guint     closed_days;  /* Closed: closed within this many days; 0 = all */
  char     *stage;        /* only this stage (the other columns show nothing) */
} VigilIncidentFilter;

VigilIncidentFilter *vigil_incident_filter_new   (void);
VigilIncidentFilter *vigil_incident_filter_copy  (const VigilIncidentFilter *filter);
void                 vigil_incident_filter_free  (VigilIncidentFilter       *filter);
gboolean             vigil_incident_filter_is_empty (const VigilIncidentFilter *filter);
/* Parses the filter bar's syntax: words are free text; `severity:high`,
 * `tier:l2`, `category:fraud`, `tlp:red`, `is:overdue` (or `overdue`),
 * `assignee:me` (or `mine`; needs `me_id`), `closed:N` (days), `stage:containment`
 * are chips.
 * Unknown keys of the form `key:value` stay free text.  An invalid value
 * (severity:huge) gives VIGIL_ERROR_VALIDATION naming the choices. */
VigilIncidentFilter *vigil_incident_filter_parse (const char                *text,
                                                  gint64                     me_id,
                                                  GError                   **error);
/* The filter bar's text for a filter (inverse of parse). */
char                *vigil_incident_filter_to_string (const VigilIncidentFilter *filter);
/* The safe FTS5 MATCH expression for user text ("phish ev" →
 * "\"phish\"* AND \"ev\"*"), or NULL when the text has no searchable word.
 * Single ASCII letters or digits are not searched: as the analyst types,
 * the search starts at the second character (a one-letter prefix matches
 * most of a large database and costs the most). */
char                *vigil_fts5_prefix_query     (const char                *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilIncidentFilter, vigil_incident_filter_free)

/* Ids in `stage` (NULL: all) that match `filter` (NULL: none), most
 * urgent first (severity, then the most recently updated).
 * closed_days applies only to closed incidents. */
GArray        *vigil_store_filter_incident_ids (VigilStore                *self,
                                                const char                *stage,
                                                const VigilIncidentFilter *filter,
                                                GError                   **error);
/* The five columns of the board at once: ids[stage] receives a new GArray
 * of gint64 for each stage, ordered as above (one FTS query for all five
 * when the filter has text; each stage read in index order). */
gboolean       vigil_store_filter_board_ids   (VigilStore                *self,
                                               const VigilIncidentFilter *filter,
                                               GArray                    *ids[5],
                                               GError                   **error);
/* The ids[stage] of base[stage] (both in board order) whose incident
 * matches `text` (one FTS query; no text: new references to base), so that
 * typing in the filter bar does not read the columns again. */
gboolean       vigil_store_narrow_board_ids   (VigilStore                *self,
                                               const char                *text,
                                               GArray                    *base[5],
                                               GArray                    *ids[5],
                                               GError                   **error);
/* The first `limit` ids of each column and the number of ids of each
 * (counts[stage]), for the board's first frame. */
gboolean       vigil_store_filter_board_window (VigilStore               *self,
                                                const VigilIncidentFilter *filter,
                                                guint                     limit,
                                                GArray                   *ids[5],
                                                gint64                    counts[5],
                                                GError                  **error);
/* Whether there is any incident (without counting them). */
gboolean       vigil_store_has_incidents      (VigilStore                *self);
/* The rowids (sorted) of the incidents whose reference, title,
 * description or observables match `text` as prefixes (see
 * vigil_fts5_prefix_query); *rowids is NULL when the text has nothing to
 * search for. */
gboolean       vigil_store_match_incident_text (VigilStore               *self,
                                                const char               *text,
                                                GArray                  **rowids,
                                                GError                  **error);
/* The same, as records (for listings; not for big lists). */
GPtrArray     *vigil_store_list_incidents     (VigilStore                *self,
                                               const char                *stage,
                                               const VigilIncidentFilter *filter,
                                               GError                   **error);
/* Counts per stage (indexed by VigilStage) under `filter`. */
gboolean       vigil_store_count_incidents_by_stage (VigilStore                *self,
                                                     const VigilIncidentFilter *filter,
                                                     gint64                     counts[5],
                                                     GError                   **error);

/* ---- History, for display and `vigilctl incident show` ---------------- */

typedef struct
{
  gint64  id;
  char   *from_stage;  /* NULL for the creation */
  char   *to_stage;
  char   *actor;
  char   *at;
  char   *reason;
} VigilStageChange;

void       vigil_stage_change_free          (VigilStageChange *change);
/* Oldest first; elements are VigilStageChange. */
GPtrArray *vigil_store_list_stage_history   (VigilStore  *self,
                                             gint64       incident_id,
                                             GError     **error);

typedef struct
{
  gint64  id;
  char   *at;
  char   *recorded_at;
  char   *actor;
  char   *kind;
  char   *summary;
  char   *field;
  char   *before;
  char   *after;
} VigilTimelineRow;

void       vigil_timeline_row_free          (VigilTimelineRow *row);
/* Oldest first (by event time, then id); elements are VigilTimelineRow. */
GPtrArray *vigil_store_list_incident_timeline (VigilStore  *self,
                                               gint64       incident_id,
                                               GError     **error);

/* ---- Pickers: people and assets -------------------------------------- */

typedef struct
{
  gint64  id;
  char   *label;   /* person's name / asset's name */
  char   *detail;  /* e-mail and title / hostname and criticality */
  char   *key;     /* e-mail / hostname, may be NULL */
} VigilChoice;

void       vigil_choice_free                 (VigilChoice *choice);
/* Active people (search: FTS5 prefix on name, title, e-mail; NULL: all),
 * by name, at most `limit` (0: no limit). Elements are VigilChoice. */
GPtrArray *vigil_store_list_person_choices   (VigilStore  *self,
                                              const char  *search,
                                              guint        limit,
                                              GError     **error);
GPtrArray *vigil_store_list_asset_choices    (VigilStore  *self,
                                              const char  *search,
                                              guint        limit,
                                              GError     **error);
/* Asset ids affected by the incident. */
GArray    *vigil_store_list_incident_asset_ids (VigilStore *self,
                                                gint64      incident_id,
                                                GError    **error);
/* The person with this e-mail (case-insensitive), or 0 (no error) if none. */
gint64     vigil_store_find_person_by_email  (VigilStore  *self,
                                              const char  *email,
                                              GError     **error);
/* The display name of a person; NULL if none. */
char      *vigil_store_dup_person_name       (VigilStore  *self,
                                              gint64       person_id);

G_END_DECLS
