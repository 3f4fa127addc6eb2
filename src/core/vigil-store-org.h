/* vigil-store-org.h — people, teams, roles, reporting lines, who to call
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64    id;            /* 0 for a new person */
  char     *employee_id;   /* may be NULL */
  char     *name;
  char     *title;
  gint64    team_id;       /* 0: none */
  gint64    manager_id;    /* 0: none */
  char     *email;
  char     *phone;
  char     *mobile;
  char     *location;
  gboolean  on_call;
  gboolean  active;
  char    **roles;         /* NULL-terminated, may be NULL: ciso, cio, soc-l1, … */
  /* filled by reads, ignored by writes */
  char     *team_name;
  char     *team_kind;     /* security, it, business, external */
  char     *manager_employee_id;
  char     *manager_name;
} VigilPerson;

typedef struct
{
  gint64  id;
  char   *name;
  char   *kind;            /* security, it, business, external */
  gint64  parent_id;
  gint64  lead_id;
  char   *email;
  char   *phone;
  char   *description;
  gint64  n_people;        /* filled by reads */
} VigilTeam;

/* One line of "systems this person is the contact for" or "open incidents". */
typedef struct
{
  gint64  id;
  char   *label;   /* asset name, or "INC-… title" */
  char   *detail;  /* "technical contact", stage, … */
} VigilOrgLink;

VigilPerson *vigil_person_new       (void);
void         vigil_person_free      (VigilPerson *person);
VigilTeam   *vigil_team_new         (void);
void         vigil_team_free        (VigilTeam   *team);
void         vigil_org_link_free    (VigilOrgLink *link);
gboolean     vigil_person_has_role  (const VigilPerson *person,
                                     const char        *role);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilPerson, vigil_person_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilTeam, vigil_team_free)

/* Reads */
VigilPerson *vigil_store_get_person          (VigilStore   *self,
                                              gint64        id,
                                              GError      **error);
/* 0 (no error) when nobody has this employee id. */
gint64       vigil_store_find_person         (VigilStore   *self,
                                              const char   *employee_id,
                                              GError      **error);
/* All people (VigilPerson*, with team and manager filled), ordered by id. */
GPtrArray   *vigil_store_list_people         (VigilStore   *self,
                                              GError      **error);
VigilTeam   *vigil_store_get_team            (VigilStore   *self,
                                              gint64        id,
                                              GError      **error);
gint64       vigil_store_find_team           (VigilStore   *self,
                                              const char   *name,
                                              GError      **error);
GPtrArray   *vigil_store_list_teams          (VigilStore   *self,
                                              GError      **error);
/* Person ids matching a full-text query (each word a prefix), best first. */
GArray      *vigil_store_search_people       (VigilStore   *self,
                                              const char   *query,
                                              guint         limit,
                                              GError      **error);
/* Systems the person is technical contact or business owner of (VigilOrgLink*). */
GPtrArray   *vigil_store_list_person_systems (VigilStore   *self,
                                              gint64        person_id,
                                              GError      **error);
/* Open incidents that involve the person: assignee, contacted, or contact
 * of an affected system (VigilOrgLink*). */
GPtrArray   *vigil_store_list_person_incidents (VigilStore *self,
                                              gint64        person_id,
                                              GError      **error);

/* Who to call: the contacts of an asset (technical contact, business owner,
 * lead of the owning team), or of an incident (assignee, owner team lead,
 * contacts of its assets), each with their chain of managers up to the CISO
 * (or the top when the CISO is not above them), and the CISO.  Person ids
 * (gint64), contacts first. */
GArray      *vigil_store_who_to_call_asset    (VigilStore *self,
                                               gint64      asset_id,
                                               GError    **error);
GArray      *vigil_store_who_to_call_incident (VigilStore *self,
                                               gint64      incident_id,
                                               GError    **error);

/* Finds what "who to call" is asked about: an incident reference
 * (INC-2026-0042), or an asset by name or host name (exact, then prefix).
 * Sets one of the ids and a label; NOT_FOUND when nothing matches. */
gboolean     vigil_store_org_resolve_target  (VigilStore   *self,
                                              const char   *text,
                                              gint64       *asset_id,
                                              gint64       *incident_id,
                                              char        **label,
                                              GError      **error);

/* Writes (one transaction each; `changed::person` / `changed::team`). */
gint64       vigil_store_create_person       (VigilStore        *self,
                                              const VigilPerson *person,
                                              GError           **error);
gboolean     vigil_store_update_person       (VigilStore        *self,
                                              const VigilPerson *person,
                                              GError           **error);
gboolean     vigil_store_delete_person       (VigilStore        *self,
                                              gint64             id,
                                              GError           **error);
gint64       vigil_store_create_team         (VigilStore        *self,
                                              const VigilTeam   *team,
                                              GError           **error);
gboolean     vigil_store_update_team         (VigilStore        *self,
                                              const VigilTeam   *team,
                                              GError           **error);
/* VALIDATION when the manager would be the person themself or someone who
 * reports to them (a cycle). */
gboolean     vigil_store_check_manager       (VigilStore        *self,
                                              gint64             person_id,
                                              gint64             manager_id,
                                              GError           **error);

G_END_DECLS
