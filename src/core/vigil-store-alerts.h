/* vigil-store-alerts.h — alert intake: import, deduplication, enrichment, triage
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Alerts are stored as groups: one row per deduplication key, with a count
 * and first/last seen.  The key is TheHive's (type, source, sourceRef) when
 * the format has one (a repeat is a duplicate), otherwise a fingerprint of
 * source, rule or signature, source and destination (a repeat is folded
 * into its group).  A new group is linked to the asset whose address or
 * hostname it names (the most critical one when several match), checked
 * against the suppression rules, then against the auto-promotion rules.
 *
 * Imports commit in batches, each one transaction that also records how
 * far into the input it got; an import killed midway leaves no partial
 * batch, and running it again on the same input imports nothing twice.
 */
#pragma once

#include "vigil-alert.h"
#include "vigil-importer.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* ---- Severity mapping ----------------------------------------------------
 * Per source, "raw=severity" entries separated by commas; raw is a value or
 * an integer range "lo-hi", "*" matches anything:
 *   suricata "1=high,2=medium,3=low,*=medium"   (Suricata 1 is the most severe)
 * A raw value that already is a Vigil severity (low … critical) is kept.
 * Stored in the database's meta table (alerts.severity-map.<source>). */
gboolean    vigil_severity_map_validate   (const char   *map,
                                           GError      **error);
const char *vigil_severity_map_lookup     (const char   *map,
                                           const char   *raw);
char       *vigil_store_dup_severity_map  (VigilStore   *self,
                                           const char   *source);
/* NULL or "" restores the format's default. */
gboolean    vigil_store_set_severity_map  (VigilStore   *self,
                                           const char   *source,
                                           const char   *map,
                                           GError      **error);

/* ---- Importing -------------------------------------------------------------- */

typedef struct
{
  guint64  line;
  char    *reason;
} VigilImportError;

typedef struct
{
  guint64  read;        /* records read (header lines not counted) */
  guint64  imported;    /* events that made a new alert group */
  guint64  duplicates;  /* events folded into a group, or already imported */
  guint64  skipped;     /* records that are not alerts (Suricata flow, a TheHive case) */
  guint64  malformed;   /* records that could not be read; see errors */
  guint64  suppressed;  /* new groups matched by a suppression rule */
  guint64  promoted;    /* new groups opened as incidents by an auto-promotion rule */
  GArray  *errors;      /* VigilImportError, the first 100 */
} VigilImportSummary;

void        vigil_import_summary_init  (VigilImportSummary *summary);
void        vigil_import_summary_clear (VigilImportSummary *summary);

typedef struct
{
  const char    *format;     /* suricata, wazuh, thehive, iris, misp, zeek, csv */
  const char    *path;       /* a file, or "-" for standard input */
  const char    *mapping;    /* csv: "title=Alert,src=Source IP,…" */
  gboolean       follow;     /* keep reading a growing file, across rotation */
  volatile int  *stop;       /* set non-zero (from a signal handler) to end */
  guint          batch_size; /* records per transaction; 0 = 250000 (following: also
                                when caught up with the file) */
} VigilImportOptions;

/* Returns FALSE only when the import could not go on (unreadable file, the
 * database failed, a bad CSV mapping); bad records are counted in the
 * summary and the import goes on. */
gboolean    vigil_store_import_alerts  (VigilStore                *self,
                                        const VigilImportOptions  *options,
                                        VigilImportSummary        *summary,
                                        GError                   **error);

/* ---- Reading ---------------------------------------------------------------- */

typedef struct
{
  const char *status;        /* new (the default), promoted, merged, dismissed, suppressed,
                                "open" (= new), "all" */
  const char *source;        /* NULL = every source */
  const char *min_severity;  /* NULL = any */
  const char *text;          /* in title, rule, addresses, hostname */
  guint       limit;         /* 0 = no limit */
  guint       offset;        /* ids to skip (with a limit: a window of the list) */
} VigilAlertFilter;

/* Ids in triage order: severity × asset criticality, then the latest first. */
GArray     *vigil_store_list_alert_ids   (VigilStore              *self,
                                          const VigilAlertFilter  *filter,
                                          GError                 **error);
/* How many alerts the filter matches (its limit and offset ignored): one
 * query, no ids read. */
gint64      vigil_store_count_filtered_alerts (VigilStore            *self,
                                               const VigilAlertFilter *filter,
                                               GError               **error);
VigilAlert *vigil_store_get_alert        (VigilStore              *self,
                                          gint64                   id,
                                          GError                 **error);
/* The alerts of `ids` as a list shows them (VigilAlert without the raw
 * event), read in one query, in the order of `ids`; ids that are gone are
 * left out. */
GPtrArray  *vigil_store_get_alert_rows   (VigilStore              *self,
                                          const gint64            *ids,
                                          guint                    n_ids,
                                          GError                 **error);
/* Pairs: type, value, type, value, … (NULL-terminated).  An alert's source
 * and destination addresses are its ip observables without a row of their
 * own (they are columns already); they come first, and promote and merge
 * copy them into the incident like the others. */
GStrv       vigil_store_dup_alert_observables (VigilStore         *self,
                                               gint64              id,
                                               GError            **error);
gint64      vigil_store_count_alerts     (VigilStore              *self,
                                          const char              *status);

/* ---- Triage -------------------------------------------------------------------
 * Each is one transaction over all the given alerts; an alert already
 * promoted or merged is refused (VIGIL_ERROR_REFUSED), nothing is written. */

/* A new incident in Classification carrying the alerts' observables and
 * assets; `title` NULL takes the first alert's.  Timeline: 'created' and one
 * 'alert' row per alert. */
gboolean    vigil_store_promote_alerts   (VigilStore    *self,
                                          const gint64  *ids,
                                          guint          n_ids,
                                          const char    *title,
                                          gint64        *incident_id,
                                          GError       **error);
/* Into an open (not closed) incident.  Timeline: one 'alert' row per alert. */
gboolean    vigil_store_merge_alerts     (VigilStore    *self,
                                          const gint64  *ids,
                                          guint          n_ids,
                                          gint64         incident_id,
                                          GError       **error);
/* reason: false-positive, benign, duplicate */
gboolean    vigil_store_dismiss_alerts   (VigilStore    *self,
                                          const gint64  *ids,
                                          guint          n_ids,
                                          const char    *reason,
                                          GError       **error);
/* Resolves "INC-2026-0001", "42" or "#42" to an alert or incident id. */
gint64      vigil_store_resolve_incident (VigilStore    *self,
                                          const char    *ref,
                                          GError       **error);

/* An asset by id, name, hostname or address (for rules); 0 and an error if none. */
gint64      vigil_store_resolve_alert_asset (VigilStore *self,
                                             const char *text,
                                             GError    **error);

/* ---- Suppression rules -------------------------------------------------------
 * "Ignore this rule (for this asset) for N days": new groups that match are
 * stored as suppressed, and matching new alerts are suppressed at once. */

typedef struct
{
  gint64  id;
  char   *source;      /* NULL = any */
  char   *rule;
  gint64  asset_id;    /* 0 = any */
  char   *asset_name;
  char   *reason;
  char   *expires_at;  /* NULL = never */
  char   *actor;
  char   *created_at;
} VigilSuppressionRule;

void        vigil_suppression_rule_free   (VigilSuppressionRule *rule);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilSuppressionRule, vigil_suppression_rule_free)

/* days 0 = no end.  Returns the new rule's id, 0 on error; `n_suppressed`
 * (may be NULL) counts the new alerts it suppressed. */
gint64      vigil_store_add_suppression   (VigilStore   *self,
                                           const char   *source,
                                           const char   *rule,
                                           gint64        asset_id,
                                           guint         days,
                                           const char   *reason,
                                           guint        *n_suppressed,
                                           GError      **error);
gboolean    vigil_store_delete_suppression (VigilStore  *self,
                                            gint64       id,
                                            GError     **error);
/* VigilSuppressionRule, the current ones first (expired ones included). */
GPtrArray  *vigil_store_list_suppressions (VigilStore   *self,
                                           GError      **error);

/* ---- Auto-promotion rules ----------------------------------------------------
 * A new alert group of at least `min_severity`, on an asset of at least
 * `min_criticality` (NULL: with or without an asset), from `source` (NULL:
 * any), opens an incident in Classification at once. */

typedef struct
{
  gint64    id;
  char     *name;
  char     *min_severity;
  char     *min_criticality;
  char     *source;
  gboolean  enabled;
} VigilAutoPromotionRule;

void        vigil_auto_promotion_rule_free (VigilAutoPromotionRule *rule);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilAutoPromotionRule, vigil_auto_promotion_rule_free)

gint64      vigil_store_add_auto_promotion (VigilStore  *self,
                                            const char  *name,
                                            const char  *min_severity,
                                            const char  *min_criticality,
                                            const char  *source,
                                            GError     **error);
gboolean    vigil_store_set_auto_promotion_enabled (VigilStore *self,
                                                    gint64      id,
                                                    gboolean    enabled,
                                                    GError    **error);
gboolean    vigil_store_delete_auto_promotion (VigilStore *self,
                                               gint64      id,
                                               GError    **error);
GPtrArray  *vigil_store_list_auto_promotions (VigilStore  *self,
                                              GError     **error);

G_END_DECLS
