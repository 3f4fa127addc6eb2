/* vigil-store-assets.h — assets, their dependencies and contacts in the store
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-asset.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* What an asset is made of when it is created or edited.  Strings may be
 * NULL (the column's default on create); ids <= 0 mean none. */
typedef struct
{
  const char *name;
  const char *kind;
  const char *hostname;
  const char *addresses;        /* IPs / CIDRs separated by spaces or commas */
  gint64      owner_team_id;
  gint64      tech_contact_id;
  gint64      business_owner_id;
  const char *criticality;      /* low, medium, high, critical */
  const char *environment;
  const char *location;
  const char *status;
  const char *description;
} VigilAssetFields;

typedef enum
{
  VIGIL_ASSET_SORT_NAME,
  VIGIL_ASSET_SORT_KIND,
  VIGIL_ASSET_SORT_ADDRESSES,
  VIGIL_ASSET_SORT_OWNER_TEAM,
  VIGIL_ASSET_SORT_TECH_CONTACT,
  VIGIL_ASSET_SORT_BUSINESS_OWNER,
  VIGIL_ASSET_SORT_CRITICALITY,
  VIGIL_ASSET_SORT_ENVIRONMENT,
  VIGIL_ASSET_SORT_LOCATION,
  VIGIL_ASSET_SORT_STATUS,
  VIGIL_N_ASSET_SORTS
} VigilAssetSort;

#define VIGIL_ASSET_DEPENDS_ON  "depends-on"
#define VIGIL_ASSET_HOSTED_ON   "hosted-on"
#define VIGIL_ASSET_CONNECTS_TO "connects-to"

typedef struct
{
  gint64  from_id;
  gint64  to_id;
  char   *from_name;
  char   *to_name;
  char   *from_kind;
  char   *to_kind;
  char   *from_criticality;
  char   *to_criticality;
  char   *kind;     /* depends-on, hosted-on, connects-to */
  char   *note;
} VigilAssetLink;

typedef struct
{
  char   *role;     /* "tech-contact", "business-owner", "team-lead" */
  gint64  person_id;
  char   *name;
  char   *title;
  char   *email;
  char   *phone;
  char   *mobile;
  char   *team;
} VigilAssetContact;

/* An incident or an alert that touched an asset. */
typedef struct
{
  char   *kind;     /* "incident" or "alert" */
  gint64  id;
  char   *ref;      /* INC-… or the alert's source */
  char   *title;
  char   *severity;
  char   *state;    /* stage, or alert status */
  char   *at;
  char   *note;     /* compromise status for incidents */
} VigilAssetEvent;

void        vigil_asset_link_free     (VigilAssetLink    *link);
void        vigil_asset_contact_free  (VigilAssetContact *contact);
void        vigil_asset_event_free    (VigilAssetEvent   *event);

gint64      vigil_store_create_asset  (VigilStore             *self,
                                       const VigilAssetFields *fields,
                                       GError                **error);
gboolean    vigil_store_update_asset  (VigilStore             *self,
                                       gint64                  id,
                                       const VigilAssetFields *fields,
                                       GError                **error);
gboolean    vigil_store_delete_asset  (VigilStore             *self,
                                       gint64                  id,
                                       GError                **error);
VigilAsset *vigil_store_get_asset     (VigilStore             *self,
                                       gint64                  id,
                                       GError                **error);
/* By name (case-insensitive), or by hostname or address when no name matches. */
VigilAsset *vigil_store_find_asset    (VigilStore             *self,
                                       const char             *name,
                                       GError                **error);

/* Ids of the assets matching `filter` (words, prefix match over name,
 * hostname, addresses, description, kind, location, owner team and contacts;
 * NULL or "" for all), sorted in SQL. */
GArray     *vigil_store_list_asset_ids (VigilStore            *self,
                                        const char            *filter,
                                        VigilAssetSort         sort,
                                        gboolean               descending,
                                        GError               **error);

/* The rules of a dependency, checked before it is added: VALIDATION for an
 * unknown kind or an asset linked to itself, NOT_FOUND for an unknown asset,
 * CONFLICT when the link exists (for connects-to, in either direction),
 * REFUSED when hosted-on would go round (A on B on … on A).  The message
 * names the assets and is fit to show as it is. */
gboolean    vigil_store_check_asset_link (VigilStore          *self,
                                          gint64               from_id,
                                          gint64               to_id,
                                          const char          *kind,
                                          GError             **error);
/* Adds a new link after vigil_store_check_asset_link(): an existing one is
 * refused, not updated. */
gboolean    vigil_store_add_asset_link   (VigilStore          *self,
                                          gint64               from_id,
                                          gint64               to_id,
                                          const char          *kind,
                                          const char          *note,
                                          GError             **error);
/* The same rules, but linking again is not an error: the same link updates
 * its note, the reverse of a connection is left as it is (vigilctl). */
gboolean    vigil_store_link_assets   (VigilStore             *self,
                                       gint64                  from_id,
                                       gint64                  to_id,
                                       const char             *kind,
                                       const char             *note,
                                       GError                **error);
gboolean    vigil_store_unlink_assets (VigilStore             *self,
                                       gint64                  from_id,
                                       gint64                  to_id,
                                       const char             *kind,
                                       GError                **error);
/* Dependencies within `depth` hops of the asset, both directions
 * (VigilAssetLink). */
GPtrArray  *vigil_store_list_asset_links    (VigilStore       *self,
                                             gint64            asset_id,
                                             guint             depth,
                                             GError          **error);
GPtrArray  *vigil_store_list_asset_contacts (VigilStore       *self,
                                             gint64            asset_id,
                                             GError          **error);
GPtrArray  *vigil_store_list_asset_events   (VigilStore       *self,
                                             gint64            asset_id,
                                             GError          **error);

/* Creates or updates (by name) many assets in one transaction: for an
 * existing asset, NULL strings and 0 ids keep the stored value.  All or
 * nothing. */
gboolean    vigil_store_upsert_assets (VigilStore             *self,
                                       const VigilAssetFields *rows,
                                       guint                   n_rows,
                                       guint                  *n_created,
                                       guint                  *n_updated,
                                       GError                **error);

/* Looking up the organisation for forms and imports: 0 when nothing matches,
 * -1 when several people match a name. */
gint64      vigil_store_lookup_team_id   (VigilStore          *self,
                                          const char          *name);
gint64      vigil_store_lookup_person_id (VigilStore          *self,
                                          const char          *email_id_or_name);

G_END_DECLS
