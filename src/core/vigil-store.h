/* vigil-store.h — the one object that owns Vigil's SQLite database
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigil-types.h"

G_BEGIN_DECLS

#define VIGIL_SCHEMA_VERSION 2

#define VIGIL_TYPE_STORE (vigil_store_get_type ())
G_DECLARE_FINAL_TYPE (VigilStore, vigil_store, VIGIL, STORE, GObject)

typedef enum
{
  VIGIL_STORE_OPEN_DEFAULT = 0,
  VIGIL_STORE_OPEN_CREATE  = 1 << 0,  /* create the file when it does not exist */
} VigilStoreOpenFlags;

/* What changed, as the `changed` signal's detail and first argument. */
#define VIGIL_KIND_INCIDENT   "incident"
#define VIGIL_KIND_ALERT      "alert"
#define VIGIL_KIND_PERSON     "person"
#define VIGIL_KIND_TEAM       "team"
#define VIGIL_KIND_ASSET      "asset"
#define VIGIL_KIND_DOCUMENT   "document"
#define VIGIL_KIND_ACTION     "action"
#define VIGIL_KIND_CONTACT    "contact"
#define VIGIL_KIND_OBSERVABLE "observable"
#define VIGIL_KIND_DETECTION  "detection"
#define VIGIL_KIND_PLAYBOOK   "playbook"
#define VIGIL_KIND_RULE       "rule"

const char * const *vigil_store_kinds (void);

typedef struct
{
  gint64 incidents;
  gint64 by_stage[5];  /* indexed by VigilStage */
  gint64 alerts;
  gint64 people;
  gint64 teams;
  gint64 assets;
  gint64 documents;
} VigilStats;

char       *vigil_store_dup_default_path (void);

VigilStore *vigil_store_open            (const char          *path,
                                         VigilStoreOpenFlags  flags,
                                         GError             **error);
const char *vigil_store_get_path        (VigilStore          *self);
const char *vigil_store_get_archive_dir (VigilStore          *self);
int         vigil_store_get_schema_version (VigilStore       *self);
void        vigil_store_set_busy_timeout (VigilStore         *self,
                                         guint                msec);

const char *vigil_store_get_actor       (VigilStore          *self);
void        vigil_store_set_actor       (VigilStore          *self,
                                         const char          *actor);

/* Noticing writes by other processes (vigilctl while the window is open). */
void        vigil_store_set_watch       (VigilStore          *self,
                                         gboolean             watch);
gboolean    vigil_store_check_external  (VigilStore          *self);

/* Transactions nest (savepoints inside); `changed` is emitted after the
 * outermost commit, and never for a rolled-back change. */
gboolean    vigil_store_begin           (VigilStore          *self,
                                         GError             **error);
gboolean    vigil_store_commit          (VigilStore          *self,
                                         GError             **error);
void        vigil_store_rollback        (VigilStore          *self);
gboolean    vigil_store_in_transaction  (VigilStore          *self);
void        vigil_store_notify          (VigilStore          *self,
                                         const char          *kind,
                                         gint64               id);

gboolean    vigil_store_get_stats       (VigilStore          *self,
                                         VigilStats          *stats,
                                         GError             **error);
gint64      vigil_store_count           (VigilStore          *self,
                                         const char          *kind);

G_END_DECLS
