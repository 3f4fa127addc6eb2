/* vigil-store-records.h — the incident record: actions, contacts, follow-ups,
 * observables, affected assets, notes and the timeline
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change writes its timeline row in the same transaction and queues a
 * `changed` signal for its kind and for the incident.  Rows come back as
 * plain structs in GPtrArrays (with their free function set): the incident
 * page builds its rows from them and throws them away.
 */
#pragma once

#include "vigil-store.h"

G_BEGIN_DECLS

/* Actions: tasks and countermeasures ------------------------------------ */

typedef struct
{
  gint64  id;
  gint64  incident_id;
  char   *kind;             /* task, countermeasure */
  char   *title;
  char   *description;
  char   *stage;            /* NULL or a stage key */
  gint64  owner_team_id;
  char   *owner_team_name;
  gint64  owner_id;
  char   *owner_name;
  char   *owner_email;
  char   *due_at;
  char   *status;
  char   *cm_type;          /* countermeasures: block, isolation, … */
  char   *applied_to;
  char   *applied_by;
  char   *playbook;         /* the playbook that created it, or NULL */
  char   *created_at;
  char   *updated_at;
  char   *done_at;
} VigilAction;

/* What to create; NULL/0 members are left empty.  The owner may be given by
 * id or e-mail, the team by id or name. */
typedef struct
{
  const char *kind;         /* NULL: task */
  const char *title;
  const char *description;
  const char *stage;
  gint64      owner_team_id;
  const char *owner_team;   /* name */
  gint64      owner_id;
  const char *owner_email;
  const char *due_at;       /* any form vigil_time_normalize accepts */
  const char *status;       /* NULL: todo / pending */
  const char *cm_type;
  const char *applied_to;
  const char *applied_by;
} VigilActionSpec;

void       vigil_action_free            (VigilAction  *action);
gint64     vigil_store_add_action       (VigilStore            *self,
                                         gint64                 incident_id,
                                         const VigilActionSpec *spec,
                                         GError               **error);
/* Changes a task's status, or moves a countermeasure along its lifecycle
 * pending → active → removed (a step back or a skip is refused). */
gboolean   vigil_store_set_action_status (VigilStore  *self,
                                          gint64       action_id,
                                          const char  *status,
                                          GError     **error);
/* Edits the other fields of an action (NULL/0 members of spec unchanged;
 * spec->status is ignored).  Each changed field is one timeline row. */
gboolean   vigil_store_update_action    (VigilStore            *self,
                                         gint64                 action_id,
                                         const VigilActionSpec *spec,
                                         GError               **error);
VigilAction *vigil_store_get_action     (VigilStore  *self,
                                         gint64       action_id,
                                         GError     **error);
/* kind NULL: both; ordered by stage, then due time. */
GPtrArray *vigil_store_list_actions     (VigilStore  *self,
                                         gint64       incident_id,
                                         const char  *kind,
                                         GError     **error);
gint64     vigil_store_count_active_countermeasures (VigilStore *self,
                                                     gint64      incident_id);

/* Contacts and follow-ups ----------------------------------------------- */

typedef struct
{
  gint64    id;
  gint64    incident_id;
  char     *incident_ref;
  char     *incident_title;
  gint64    person_id;
  char     *person_name;
  char     *person_email;
  char     *person_phone;
  gint64    team_id;
  char     *team_name;
  char     *channel;
  char     *direction;
  char     *at;
  char     *summary;
  char     *follow_up_at;   /* contact again by, or NULL */
  gboolean  follow_up_done;
  gboolean  overdue;        /* follow-up not done and past due */
  char     *actor;
} VigilContact;

typedef struct
{
  gint64      person_id;
  const char *person_email;
  gint64      team_id;
  const char *team;         /* name */
  const char *channel;
  const char *direction;    /* NULL: outbound */
  const char *at;           /* NULL: now */
  const char *summary;
  const char *follow_up_at; /* NULL: none */
} VigilContactSpec;

void       vigil_contact_free           (VigilContact *contact);
/* Logs a contact.  It closes the open follow-ups of the same incident with
 * the same person (or team, when no person is given). */
gint64     vigil_store_add_contact      (VigilStore             *self,
                                         gint64                  incident_id,
                                         const VigilContactSpec *spec,
                                         GError                **error);
GPtrArray *vigil_store_list_contacts    (VigilStore  *self,
                                         gint64       incident_id,
                                         GError     **error);
/* Open follow-ups of every incident, overdue first then by due time. */
GPtrArray *vigil_store_list_followups   (VigilStore  *self,
                                         gboolean     overdue_only,
                                         GError     **error);
gboolean   vigil_store_close_followup   (VigilStore  *self,
                                         gint64       contact_id,
                                         GError     **error);

/* Observables ----------------------------------------------------------- */

typedef struct
{
  gint64    id;
  gint64    incident_id;
  gint64    alert_id;
  char     *type;
  char     *value;
  gboolean  ioc;
  char     *tlp;
  char     *note;
  char     *created_at;
  int       n_shared;       /* other incidents and alerts with the same value */
} VigilObservable;

typedef struct
{
  gint64  incident_id;      /* one of the two */
  gint64  alert_id;
  char   *ref;              /* INC-… or the alert's source reference */
  char   *title;
  char   *stage;            /* incident stage or alert status */
} VigilSharedRef;

void       vigil_observable_free        (VigilObservable *observable);
void       vigil_shared_ref_free        (VigilSharedRef  *ref);
gint64     vigil_store_add_observable   (VigilStore  *self,
                                         gint64       incident_id,
                                         const char  *type,
                                         const char  *value,
                                         gboolean     ioc,
                                         const char  *tlp,   /* NULL: the incident's */
                                         const char  *note,
                                         GError     **error);
gboolean   vigil_store_update_observable (VigilStore *self,
                                          gint64      observable_id,
                                          gboolean    ioc,
                                          const char *tlp,
                                          const char *note,
                                          GError    **error);
gboolean   vigil_store_remove_observable (VigilStore *self,
                                          gint64      observable_id,
                                          GError    **error);
GPtrArray *vigil_store_list_observables (VigilStore  *self,
                                         gint64       incident_id,
                                         GError     **error);
/* Other incidents and alerts holding the same (type, value), excluding
 * `incident_id`; an index lookup on observables_value. */
GPtrArray *vigil_store_find_shared      (VigilStore  *self,
                                         const char  *type,
                                         const char  *value,
                                         gint64       incident_id,
                                         GError     **error);
/* Values found in the description, notes and contact summaries that are not
 * observables of the incident yet.  Array of VigilObservableSuggestion. */
GPtrArray *vigil_store_suggest_observables (VigilStore *self,
                                            gint64      incident_id,
                                            GError    **error);

/* Affected assets and who to contact ------------------------------------ */

typedef struct
{
  gint64  id;
  char   *name;
  char   *email;
  char   *phone;
  char   *mobile;
  char   *team_name;
  char   *manager_name;
  char   *manager_email;
  char   *manager_phone;
} VigilContactPerson;

typedef struct
{
  gint64              asset_id;
  char               *name;
  char               *kind;
  char               *hostname;
  char               *criticality;
  char               *owner_team_name;
  char               *status;  /* tbd, compromised, not-compromised, unknown */
  char               *note;
  VigilContactPerson  tech;    /* id 0: none */
  VigilContactPerson  business;
} VigilAffectedAsset;

void       vigil_affected_asset_free    (VigilAffectedAsset *asset);
/* Adds (or re-states) an affected asset; `asset` is a name, host name or id. */
gboolean   vigil_store_add_affected_asset (VigilStore  *self,
                                           gint64       incident_id,
                                           gint64       asset_id,
                                           const char  *status,   /* NULL: tbd */
                                           const char  *note,
                                           GError     **error);
gboolean   vigil_store_set_affected_asset_status (VigilStore *self,
                                                  gint64      incident_id,
                                                  gint64      asset_id,
                                                  const char *status,
                                                  GError    **error);
gboolean   vigil_store_remove_affected_asset (VigilStore *self,
                                              gint64      incident_id,
                                              gint64      asset_id,
                                              GError    **error);
GPtrArray *vigil_store_list_affected_assets (VigilStore *self,
                                             gint64      incident_id,
                                             GError    **error);
gint64     vigil_store_find_asset_id    (VigilStore  *self,
                                         const char  *name_or_host,
                                         GError     **error);

/* Look-ups by the names users type --------------------------------------- */

gint64     vigil_store_find_person_id   (VigilStore  *self,
                                         const char  *email,
                                         GError     **error);
gint64     vigil_store_find_team_id     (VigilStore  *self,
                                         const char  *name,
                                         GError     **error);
/* Teams for pickers, by name; elements are VigilChoice
 * (vigil-store-incidents.h) with the team kind as detail. */
GPtrArray *vigil_store_list_team_choices (VigilStore  *self,
                                          GError     **error);

/* Notes and the timeline ------------------------------------------------ */

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
} VigilTimelineEntry;

void       vigil_timeline_entry_free    (VigilTimelineEntry *entry);
/* A manual entry; `at` (the event time) NULL means now. */
gint64     vigil_store_add_note         (VigilStore  *self,
                                         gint64       incident_id,
                                         const char  *text,
                                         const char  *at,
                                         GError     **error);
/* kinds NULL or empty: every kind; oldest first. */
GPtrArray *vigil_store_list_timeline    (VigilStore          *self,
                                         gint64               incident_id,
                                         const char * const  *kinds,
                                         GError             **error);
/* The distinct kinds present in an incident's timeline. */
GStrv      vigil_store_list_timeline_kinds (VigilStore *self,
                                            gint64      incident_id,
                                            GError    **error);
/* JSON: an array of {at, recorded_at, actor, kind, summary, field, before, after}. */
char      *vigil_timeline_to_json       (GPtrArray   *entries);
/* CSV (RFC 4180, header row) with the same columns. */
char      *vigil_timeline_to_csv        (GPtrArray   *entries);

G_END_DECLS
