/* vigil-store-demo.c — the demo organisation, and synthetic databases
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two generators share the row writers at the top of this file:
 *
 * - The demo (scale 0) is Kestrel Logistics, an invented freight and
 *   warehousing company of about 1,400 staff with sites in Manchester,
 *   Warrington, London, Lyon and Paris.  Its people, teams, systems,
 *   architecture documents and incidents are written out below as data, so
 *   that a new user, a screenshot or a test sees a believable SOC: incidents
 *   with coherent stories in every stage, overdue follow-ups, an alert queue.
 *   The text is data of that invented company, like imported records, and is
 *   deliberately not translated.
 *
 * - The synthetic database (scale N) is generated for benchmarks: N
 *   incidents, about one in ten open, with a reporting tree, assets and
 *   alerts in proportion.
 *
 * Every time is relative to vigil_time_now(), and every random choice comes
 * from a GRand with a fixed seed, so the same "now" gives the same database.
 * Phone numbers are in the ranges Ofcom (UK) and ARCEP (France) reserve for
 * drama; addresses seen from outside are in the documentation ranges of
 * RFC 5737; every domain ends in .example (RFC 2606).
 */
#include "config.h"

#include <inttypes.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "vigil-archive.h"
#include "vigil-store-demo.h"
#include "vigil-store-private.h"
#include "vigil-time.h"
#include "vigil-vocab.h"

#define DEMO_SEED      0x4b455354u  /* "KEST" */
#define DEMO_DOMAIN    "kestrel-logistics.example"
#define CSIRT_DOMAIN   "bastion-cert.example"
#define HOUR           ((gint64) 3600)
#define DAY            (24 * HOUR)
#define ISO_LEN        24

/* Times ------------------------------------------------------------------ */

/* vigil_time_from_unix() builds a GDateTime per call; a synthetic database
 * formats a few million times, so this formats directly (days-to-civil
 * conversion from Howard Hinnant's date algorithms, public domain). */
static void
format_iso (gint64 t,
            char   buf[ISO_LEN])
{
  gint64 days = t >= 0 ? t / DAY : -((-t + DAY - 1) / DAY);
  gint64 secs = t - days * DAY;
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  int d = (int) (doy - (153 * mp + 2) / 5 + 1);
  int m = (int) (mp < 10 ? mp + 3 : mp - 9);
  int y = (int) (yoe + era * 400 + (m <= 2));

  int hh = (int) (secs / 3600), mm = (int) (secs / 60 % 60), ss = (int) (secs % 60);

  if (y < 0 || y > 9999)
    {
      g_snprintf (buf, ISO_LEN, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, hh, mm, ss);
      return;
    }
  /* by hand: this runs a few million times in a bulk load */
  buf[0] = '0' + y / 1000;
  buf[1] = '0' + y / 100 % 10;
  buf[2] = '0' + y / 10 % 10;
  buf[3] = '0' + y % 10;
  buf[4] = '-';
  buf[5] = '0' + m / 10;
  buf[6] = '0' + m % 10;
  buf[7] = '-';
  buf[8] = '0' + d / 10;
  buf[9] = '0' + d % 10;
  buf[10] = 'T';
  buf[11] = '0' + hh / 10;
  buf[12] = '0' + hh % 10;
  buf[13] = ':';
  buf[14] = '0' + mm / 10;
  buf[15] = '0' + mm % 10;
  buf[16] = ':';
  buf[17] = '0' + ss / 10;
  buf[18] = '0' + ss % 10;
  buf[19] = 'Z';
  buf[20] = '\0';
}

static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           gint64        t)
{
  char buf[ISO_LEN];

  if (t <= 0)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  format_iso (t, buf);
  sqlite3_bind_text (stmt, index, buf, -1, SQLITE_TRANSIENT);
}

static void
bind_positive (sqlite3_stmt *stmt,
               int           index,
               gint64        value)
{
  if (value <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

/* The generator's state --------------------------------------------------- */

/* Statements are prepared once through the store's cache and kept for the
 * whole load: the synthetic generator writes a million rows. */
typedef struct
{
  sqlite3_stmt *team;
  sqlite3_stmt *team_lead;
  sqlite3_stmt *person;
  sqlite3_stmt *role;
  sqlite3_stmt *asset;
  sqlite3_stmt *address;
  sqlite3_stmt *dependency;
  sqlite3_stmt *incident;
  sqlite3_stmt *stage;
  sqlite3_stmt *timeline;
  sqlite3_stmt *incident_asset;
  sqlite3_stmt *action;
  sqlite3_stmt *contact;
  sqlite3_stmt *observable;
  sqlite3_stmt *alert;
  sqlite3_stmt *detection;
  sqlite3_stmt *document;
  sqlite3_stmt *document_body;
  sqlite3_stmt *document_link;
} Statements;

/* The tables a bulk load stages (see bulk_begin()), in the order it moves
 * them.  Every writer of these rows goes through the same column list, so the
 * demo writes them directly and a bulk load into TEMP staging tables. */
typedef enum
{
  STAGED_PEOPLE,
  STAGED_ROLES,
  STAGED_ASSETS,
  STAGED_ADDRESSES,
  STAGED_DEPENDENCIES,
  STAGED_OBSERVABLES,
  STAGED_INCIDENTS,
  STAGED_STAGES,
  STAGED_TIMELINE,
  STAGED_INCIDENT_ASSETS,
  STAGED_ALERTS,
  N_STAGED
} StagedTable;

typedef struct
{
  const char *table;
  gsize       statement;    /* offset in Statements */
  gboolean    explicit_id;  /* other rows refer to it: staged rows carry their id */
  const char *columns;
  const char *values;
} StagedSpec;

#define STATEMENT(field) G_STRUCT_OFFSET (Statements, field)

static const StagedSpec staged_tables[N_STAGED] = {
  { "people", STATEMENT (person), TRUE,
    "employee_id, name, title, team_id, manager_id, email, phone, mobile, location, on_call, "
    "created_at, updated_at",
    "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11" },
  { "person_roles", STATEMENT (role), FALSE, "person_id, role", "?1, ?2" },
  { "assets", STATEMENT (asset), TRUE,
    "name, kind, hostname, addresses, owner_team_id, tech_contact_id, business_owner_id, "
    "criticality, environment, location, status, description, created_at, updated_at",
    "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13" },
  { "asset_addresses", STATEMENT (address), FALSE, "asset_id, address", "?1, ?2" },
  { "asset_dependencies", STATEMENT (dependency), FALSE, "from_id, to_id, kind, note",
    "?1, ?2, ?3, ?4" },
  { "observables", STATEMENT (observable), TRUE,
    "incident_id, alert_id, type, value, ioc, tlp, note, created_at",
    "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8" },
  { "incidents", STATEMENT (incident), TRUE,
    "ref, title, description, stage, severity, impact, urgency, priority, category, tlp, pap, "
    "tier, assignee_id, owner_team_id, occurred_at, detected_at, acknowledged_at, "
    "contained_at, resolved_at, closed_at, due_at, resolution, impact_status, summary, "
    "lessons, created_at, updated_at",
    "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
    "?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27" },
  { "stage_history", STATEMENT (stage), FALSE,
    "incident_id, from_stage, to_stage, actor, at, reason", "?1, ?2, ?3, ?4, ?5, ?6" },
  { "timeline", STATEMENT (timeline), FALSE,
    "incident_id, at, recorded_at, actor, kind, summary, field, before, after",
    "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9" },
  { "incident_assets", STATEMENT (incident_asset), FALSE, "incident_id, asset_id, status, note",
    "?1, ?2, ?3, ?4" },
  { "alerts", STATEMENT (alert), FALSE,
    "source, source_ref, type, dedup_key, title, description, rule, severity, src_addr, "
    "src_port, dst_addr, dst_port, proto, hostname, status, dismiss_reason, incident_id, "
    "asset_id, count, first_seen, last_seen, raw, created_at, updated_at",
    "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
    "?20, ?21, ?22, ?23, ?24" },
};

typedef struct
{
  VigilStore *store;
  sqlite3    *db;
  GRand      *rand;
  gint64      now;
  Statements  st;
  gboolean    bulk;                  /* staging, see bulk_begin() */
  gint64      next_id[N_STAGED];
  int         id_param[N_STAGED];
  gint64      first_id[N_STAGED];
  GArray     *ref_years;   /* BulkRef: a bulk load's reference counters */
  GHashTable *teams;       /* key → id */
  GHashTable *people;      /* key → id */
  GHashTable *names;       /* key → display name, for actors */
  GHashTable *assets;      /* key → id */
  GHashTable *incidents;   /* key → id */
  GHashTable *dedup_keys;  /* alert keys already used */
  GPtrArray  *strings;     /* owned strings the tables point to */
  gint64      n_documents;
  gint64      n_actions;
  gint64      n_contacts;
  gint64      n_detections;
} Demo;

static void
demo_clear (Demo *d)
{
  g_clear_pointer (&d->rand, g_rand_free);
  g_clear_pointer (&d->teams, g_hash_table_unref);
  g_clear_pointer (&d->people, g_hash_table_unref);
  g_clear_pointer (&d->names, g_hash_table_unref);
  g_clear_pointer (&d->assets, g_hash_table_unref);
  g_clear_pointer (&d->incidents, g_hash_table_unref);
  g_clear_pointer (&d->dedup_keys, g_hash_table_unref);
  g_clear_pointer (&d->strings, g_ptr_array_unref);
  g_clear_pointer (&d->ref_years, g_array_unref);
}

static const char *
demo_keep (Demo *d,
           char *text)
{
  g_ptr_array_add (d->strings, text);
  return text;
}

static gint64
demo_id (GHashTable *table,
         const char *key)
{
  gpointer value = NULL;

  if (key == NULL)
    return 0;
  /* the demo data refers to itself by key; a missing key is a typo here */
  if (!g_hash_table_lookup_extended (table, key, NULL, &value))
    g_error ("demo data: unknown key “%s”", key);
  return GPOINTER_TO_SIZE (value);
}

static void
demo_set_id (GHashTable *table,
             const char *key,
             gint64      id)
{
  g_hash_table_insert (table, (gpointer) key, GSIZE_TO_POINTER ((gsize) id));
}

static const char *
demo_name (Demo       *d,
           const char *person_key)
{
  const char *name = g_hash_table_lookup (d->names, person_key);

  if (name == NULL)
    g_error ("demo data: unknown person “%s”", person_key);
  return name;
}

static double
rand_unit (Demo *d)
{
  return g_rand_double (d->rand);
}

static gint64
rand_range (Demo   *d,
            gint64  lo,
            gint64  hi)
{
  if (hi <= lo)
    return lo;
  return lo + (gint64) (g_rand_double (d->rand) * (double) (hi - lo));
}

/* Row writers -------------------------------------------------------------- */

static gboolean
prepare_statements (Demo    *d,
                    GError **error)
{
  static const struct { gsize offset; const char *sql; } sql[] = {
#define S(field, text) { G_STRUCT_OFFSET (Statements, field), text }
    S (team, "INSERT INTO teams (name, kind, parent_id, email, phone, description, "
             "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)"),
    S (team_lead, "UPDATE teams SET lead_id = ?2 WHERE id = ?1"),
    S (action, "INSERT INTO actions (incident_id, kind, title, description, stage, "
               "owner_team_id, owner_id, due_at, status, cm_type, applied_to, applied_by, "
               "created_at, updated_at, done_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
               "?9, ?10, ?11, ?12, ?13, ?14, ?15)"),
    S (contact, "INSERT INTO contacts (incident_id, person_id, team_id, channel, direction, "
                "at, summary, follow_up_at, follow_up_done, actor, created_at) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"),
    S (detection, "INSERT INTO detection_requests (incident_id, alert_id, team_id, what, "
                  "where_, why, status, actor, created_at, updated_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
    S (document, "INSERT INTO documents (sha256, title, filename, media_type, size, kind, "
                 "version, doc_date, tlp, owner_team_id, text_status, added_at, updated_at) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'done', ?11, ?11)"),
    S (document_body, "UPDATE documents_fts SET body = ?2 WHERE rowid = ?1"),
    S (document_link, "INSERT INTO document_links (document_id, asset_id, team_id, "
                      "incident_id) VALUES (?1, ?2, ?3, ?4)"),
#undef S
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = vigil_store_prepare (d->store, sql[i].sql, error);
      if (stmt == NULL)
        return FALSE;
      G_STRUCT_MEMBER (sqlite3_stmt *, &d->st, sql[i].offset) = stmt;
    }
  for (guint t = 0; t < N_STAGED; t++)
    {
      const StagedSpec *spec = &staged_tables[t];
      /* ":id" comes last: a named parameter takes the next free number */
      g_autofree char *text = g_strdup_printf ("INSERT INTO %s%s (%s%s) VALUES (%s%s)",
                                               d->bulk ? "temp.vigil_demo_" : "", spec->table,
                                               spec->columns, spec->explicit_id ? ", id" : "",
                                               spec->values, spec->explicit_id ? ", :id" : "");
      sqlite3_stmt *stmt = vigil_store_prepare (d->store, text, error);

      if (stmt == NULL)
        return FALSE;
      G_STRUCT_MEMBER (sqlite3_stmt *, &d->st, spec->statement) = stmt;
      if (spec->explicit_id)
        {
          d->id_param[t] = sqlite3_bind_parameter_index (stmt, ":id");
          g_assert (d->id_param[t] > 0);
        }
    }
  return TRUE;
}

/* Binds the id a staged row will have (0: let SQLite choose). */
static gint64
bind_staged_id (Demo          *d,
                sqlite3_stmt  *stmt,
                StagedTable    table)
{
  gint64 id = d->bulk ? d->next_id[table]++ : 0;

  if (id > 0)
    sqlite3_bind_int64 (stmt, d->id_param[table], id);
  return id;
}

static gint64
run_staged (Demo          *d,
            sqlite3_stmt  *stmt,
            gint64         id,
            GError       **error)
{
  if (!vigil_store_step_done (d->store, stmt, error))
    {
      sqlite3_clear_bindings (stmt);
      return 0;
    }
  sqlite3_clear_bindings (stmt);
  return id > 0 ? id : sqlite3_last_insert_rowid (d->db);
}

/* Steps, resets and clears: a writer binds only what it has, and a stale
 * binding from the previous row must never leak into the next one. */
static gboolean
run (Demo          *d,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  gboolean ok = vigil_store_step_done (d->store, stmt, error);

  sqlite3_clear_bindings (stmt);
  return ok;
}

static gint64
run_insert (Demo          *d,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  if (!run (d, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (d->db);
}

static gint64
write_team (Demo        *d,
            const char  *name,
            const char  *kind,
            gint64       parent_id,
            const char  *email,
            const char  *phone,
            const char  *description,
            gint64       at,
            GError     **error)
{
  vigil_bind_text (d->st.team, 1, name);
  vigil_bind_text (d->st.team, 2, kind);
  vigil_bind_id (d->st.team, 3, parent_id);
  vigil_bind_text (d->st.team, 4, email);
  vigil_bind_text (d->st.team, 5, phone);
  vigil_bind_text (d->st.team, 6, description ? description : "");
  bind_time (d->st.team, 7, at);
  return run_insert (d, d->st.team, error);
}

static gboolean
write_team_lead (Demo    *d,
                 gint64   team_id,
                 gint64   lead_id,
                 GError **error)
{
  sqlite3_bind_int64 (d->st.team_lead, 1, team_id);
  vigil_bind_id (d->st.team_lead, 2, lead_id);
  return run (d, d->st.team_lead, error);
}

typedef struct
{
  const char *employee_id;
  const char *name;
  const char *title;
  gint64      team_id;
  gint64      manager_id;
  const char *email;
  const char *phone;
  const char *mobile;
  const char *location;
  gboolean    on_call;
  gint64      at;
} PersonRow;

static gint64
write_person (Demo             *d,
              const PersonRow  *p,
              GError          **error)
{
  gint64 id = bind_staged_id (d, d->st.person, STAGED_PEOPLE);

  vigil_bind_text (d->st.person, 1, p->employee_id);
  vigil_bind_text (d->st.person, 2, p->name);
  vigil_bind_text (d->st.person, 3, p->title ? p->title : "");
  vigil_bind_id (d->st.person, 4, p->team_id);
  vigil_bind_id (d->st.person, 5, p->manager_id);
  vigil_bind_text (d->st.person, 6, p->email);
  vigil_bind_text (d->st.person, 7, p->phone);
  vigil_bind_text (d->st.person, 8, p->mobile);
  vigil_bind_text (d->st.person, 9, p->location);
  sqlite3_bind_int (d->st.person, 10, p->on_call ? 1 : 0);
  bind_time (d->st.person, 11, p->at);
  return run_staged (d, d->st.person, id, error);
}

static gboolean
write_role (Demo        *d,
            gint64       person_id,
            const char  *role,
            GError     **error)
{
  sqlite3_bind_int64 (d->st.role, 1, person_id);
  vigil_bind_text (d->st.role, 2, role);
  return run (d, d->st.role, error);
}

typedef struct
{
  const char *name;
  const char *kind;
  const char *hostname;
  const char *addresses;  /* space-separated */
  gint64      owner_team_id;
  gint64      tech_contact_id;
  gint64      business_owner_id;
  const char *criticality;
  const char *environment;
  const char *location;
  const char *status;
  const char *description;
  gint64      at;
} AssetRow;

static gint64
write_asset (Demo            *d,
             const AssetRow  *a,
             GError         **error)
{
  g_auto(GStrv) addresses = NULL;
  gint64 id = bind_staged_id (d, d->st.asset, STAGED_ASSETS);

  vigil_bind_text (d->st.asset, 1, a->name);
  vigil_bind_text (d->st.asset, 2, a->kind);
  vigil_bind_text (d->st.asset, 3, a->hostname);
  vigil_bind_text (d->st.asset, 4, a->addresses ? a->addresses : "");
  vigil_bind_id (d->st.asset, 5, a->owner_team_id);
  vigil_bind_id (d->st.asset, 6, a->tech_contact_id);
  vigil_bind_id (d->st.asset, 7, a->business_owner_id);
  vigil_bind_text (d->st.asset, 8, a->criticality);
  vigil_bind_text (d->st.asset, 9, a->environment);
  vigil_bind_text (d->st.asset, 10, a->location ? a->location : "");
  vigil_bind_text (d->st.asset, 11, a->status ? a->status : "active");
  vigil_bind_text (d->st.asset, 12, a->description ? a->description : "");
  bind_time (d->st.asset, 13, a->at);
  id = run_staged (d, d->st.asset, id, error);
  if (id == 0)
    return 0;

  /* asset_addresses mirrors the text column, one row per address */
  addresses = g_strsplit (a->addresses ? a->addresses : "", " ", -1);
  for (guint i = 0; addresses[i] != NULL; i++)
    {
      if (*addresses[i] == '\0')
        continue;
      sqlite3_bind_int64 (d->st.address, 1, id);
      vigil_bind_text (d->st.address, 2, addresses[i]);
      if (!run (d, d->st.address, error))
        return 0;
    }
  return id;
}

static gboolean
write_dependency (Demo        *d,
                  gint64       from_id,
                  gint64       to_id,
                  const char  *kind,
                  const char  *note,
                  GError     **error)
{
  sqlite3_bind_int64 (d->st.dependency, 1, from_id);
  sqlite3_bind_int64 (d->st.dependency, 2, to_id);
  vigil_bind_text (d->st.dependency, 3, kind);
  vigil_bind_text (d->st.dependency, 4, note ? note : "");
  return run (d, d->st.dependency, error);
}

typedef struct
{
  const char *title;
  const char *description;
  VigilStage  stage;
  const char *severity;
  int         impact;   /* 0: not classified yet */
  int         urgency;
  const char *category;
  const char *tlp;
  const char *pap;
  const char *tier;
  gint64      assignee_id;
  gint64      owner_team_id;
  gint64      occurred_at;
  gint64      detected_at;
  gint64      acknowledged_at;
  gint64      contained_at;
  gint64      resolved_at;
  gint64      closed_at;
  gint64      due_at;
  const char *resolution;
  const char *impact_status;
  const char *summary;
  const char *lessons;
  gint64      created_at;
  gint64      updated_at;
} IncidentRow;

typedef struct
{
  int     year;
  char    prefix[16];  /* "INC-2026-" as the store writes it */
  int     width;
  gint64  last;
} BulkRef;

/* A bulk load takes the first reference of each year from the store's
 * counter, numbers the rest itself and stores the counter once at the end
 * (bulk_finish()): the counter's upsert cost a statement per incident. */
static char *
bulk_next_ref (Demo        *d,
               const char  *created,
               GError     **error)
{
  int year = atoi (created);
  BulkRef fresh = { 0 };
  g_autofree char *first = NULL;
  const char *dash;

  for (guint i = 0; i < d->ref_years->len; i++)
    {
      BulkRef *r = &g_array_index (d->ref_years, BulkRef, i);
      if (r->year == year)
        return g_strdup_printf ("%s%0*" PRId64, r->prefix, r->width, ++r->last);
    }

  first = vigil_store_next_incident_ref (d->store, created, error);
  if (first == NULL)
    return NULL;
  dash = strrchr (first, '-');
  g_assert (dash != NULL && (gsize) (dash + 1 - first) < sizeof fresh.prefix);
  fresh.year = year;
  memcpy (fresh.prefix, first, dash + 1 - first);
  fresh.width = MAX (4, (int) strlen (dash + 1));
  fresh.last = g_ascii_strtoll (dash + 1, NULL, 10);
  g_array_append_val (d->ref_years, fresh);
  return g_steal_pointer (&first);
}

static gint64
write_incident (Demo               *d,
                const IncidentRow  *row,
                GError            **error)
{
  g_autofree char *ref = NULL;
  char created[ISO_LEN];
  sqlite3_stmt *stmt;
  gint64 id;

  /* The reference is taken from the store's counter, in creation order, so
   * INC-YYYY-NNNN numbers grow with time as they would in real use. */
  format_iso (row->created_at, created);
  ref = d->bulk ? bulk_next_ref (d, created, error)
                : vigil_store_next_incident_ref (d->store, created, error);
  if (ref == NULL)
    return 0;

  stmt = d->st.incident;
  id = bind_staged_id (d, stmt, STAGED_INCIDENTS);
  vigil_bind_text (stmt, 1, ref);
  vigil_bind_text (stmt, 2, row->title);
  vigil_bind_text (stmt, 3, row->description ? row->description : "");
  vigil_bind_text (stmt, 4, vigil_stage_key (row->stage));
  vigil_bind_text (stmt, 5, row->severity);
  bind_positive (stmt, 6, row->impact);
  bind_positive (stmt, 7, row->urgency);
  bind_positive (stmt, 8, vigil_priority_from_impact_urgency (row->impact, row->urgency));
  vigil_bind_text (stmt, 9, row->category);
  vigil_bind_text (stmt, 10, row->tlp ? row->tlp : "amber");
  vigil_bind_text (stmt, 11, row->pap ? row->pap : "amber");
  vigil_bind_text (stmt, 12, row->tier ? row->tier : "l1");
  vigil_bind_id (stmt, 13, row->assignee_id);
  vigil_bind_id (stmt, 14, row->owner_team_id);
  bind_time (stmt, 15, row->occurred_at);
  bind_time (stmt, 16, row->detected_at);
  bind_time (stmt, 17, row->acknowledged_at);
  bind_time (stmt, 18, row->contained_at);
  bind_time (stmt, 19, row->resolved_at);
  bind_time (stmt, 20, row->closed_at);
  bind_time (stmt, 21, row->due_at);
  vigil_bind_text (stmt, 22, row->resolution);
  vigil_bind_text (stmt, 23, row->impact_status ? row->impact_status : "unknown");
  vigil_bind_text (stmt, 24, row->summary ? row->summary : "");
  vigil_bind_text (stmt, 25, row->lessons ? row->lessons : "");
  bind_time (stmt, 26, row->created_at);
  bind_time (stmt, 27, row->updated_at);
  return run_staged (d, stmt, id, error);
}

static gboolean
write_stage (Demo        *d,
             gint64       incident_id,
             int          from,  /* -1: none */
             VigilStage   to,
             const char  *actor,
             gint64       at,
             const char  *reason,
             GError     **error)
{
  sqlite3_bind_int64 (d->st.stage, 1, incident_id);
  vigil_bind_text (d->st.stage, 2, from < 0 ? NULL : vigil_stage_key (from));
  vigil_bind_text (d->st.stage, 3, vigil_stage_key (to));
  vigil_bind_text (d->st.stage, 4, actor);
  bind_time (d->st.stage, 5, at);
  vigil_bind_text (d->st.stage, 6, reason ? reason : "");
  return run (d, d->st.stage, error);
}

typedef struct
{
  gint64      at;
  gint64      recorded_at;  /* 0: same as at */
  const char *actor;
  const char *kind;
  const char *summary;
  const char *field;
  const char *before;
  const char *after;
} TimelineRow;

static gboolean
write_timeline (Demo               *d,
                gint64              incident_id,
                const TimelineRow  *t,
                GError            **error)
{
  sqlite3_bind_int64 (d->st.timeline, 1, incident_id);
  bind_time (d->st.timeline, 2, t->at);
  bind_time (d->st.timeline, 3, t->recorded_at > 0 ? t->recorded_at : t->at);
  vigil_bind_text (d->st.timeline, 4, t->actor);
  vigil_bind_text (d->st.timeline, 5, t->kind);
  vigil_bind_text (d->st.timeline, 6, t->summary);
  vigil_bind_text (d->st.timeline, 7, t->field);
  vigil_bind_text (d->st.timeline, 8, t->before);
  vigil_bind_text (d->st.timeline, 9, t->after);
  return run (d, d->st.timeline, error);
}

static gboolean
write_incident_asset (Demo        *d,
                      gint64       incident_id,
                      gint64       asset_id,
                      const char  *status,
                      const char  *note,
                      GError     **error)
{
  sqlite3_bind_int64 (d->st.incident_asset, 1, incident_id);
  sqlite3_bind_int64 (d->st.incident_asset, 2, asset_id);
  vigil_bind_text (d->st.incident_asset, 3, status);
  vigil_bind_text (d->st.incident_asset, 4, note ? note : "");
  return run (d, d->st.incident_asset, error);
}

static gint64
write_observable (Demo        *d,
                  gint64       incident_id,
                  gint64       alert_id,
                  const char  *type,
                  const char  *value,
                  gboolean     ioc,
                  const char  *tlp,
                  const char  *note,
                  gint64       at,
                  GError     **error)
{
  gint64 id = bind_staged_id (d, d->st.observable, STAGED_OBSERVABLES);

  vigil_bind_id (d->st.observable, 1, incident_id);
  vigil_bind_id (d->st.observable, 2, alert_id);
  vigil_bind_text (d->st.observable, 3, type);
  vigil_bind_text (d->st.observable, 4, value);
  sqlite3_bind_int (d->st.observable, 5, ioc ? 1 : 0);
  vigil_bind_text (d->st.observable, 6, tlp ? tlp : "amber");
  vigil_bind_text (d->st.observable, 7, note ? note : "");
  bind_time (d->st.observable, 8, at);
  return run_staged (d, d->st.observable, id, error);
}

typedef struct
{
  const char *source;
  const char *source_ref;
  const char *type;
  const char *dedup_key;
  const char *title;
  const char *description;
  const char *rule;
  const char *severity;
  const char *src_addr;
  int         src_port;
  const char *dst_addr;
  int         dst_port;
  const char *proto;
  const char *hostname;
  const char *status;
  const char *dismiss_reason;
  gint64      incident_id;
  gint64      asset_id;
  gint64      count;
  gint64      first_seen;
  gint64      last_seen;
  const char *raw;
  gint64      updated_at;
} AlertRow;

/* The new alert's id; in a bulk load, its place in the staging table. */
static gint64
write_alert (Demo            *d,
             const AlertRow  *a,
             GError         **error)
{
  sqlite3_stmt *stmt = d->st.alert;

  vigil_bind_text (stmt, 1, a->source);
  vigil_bind_text (stmt, 2, a->source_ref);
  vigil_bind_text (stmt, 3, a->type ? a->type : "");
  vigil_bind_text (stmt, 4, a->dedup_key);
  vigil_bind_text (stmt, 5, a->title);
  vigil_bind_text (stmt, 6, a->description ? a->description : "");
  vigil_bind_text (stmt, 7, a->rule ? a->rule : "");
  vigil_bind_text (stmt, 8, a->severity);
  vigil_bind_text (stmt, 9, a->src_addr);
  bind_positive (stmt, 10, a->src_port);
  vigil_bind_text (stmt, 11, a->dst_addr);
  bind_positive (stmt, 12, a->dst_port);
  vigil_bind_text (stmt, 13, a->proto);
  vigil_bind_text (stmt, 14, a->hostname);
  vigil_bind_text (stmt, 15, a->status);
  vigil_bind_text (stmt, 16, a->dismiss_reason);
  vigil_bind_id (stmt, 17, a->incident_id);
  vigil_bind_id (stmt, 18, a->asset_id);
  sqlite3_bind_int64 (stmt, 19, MAX (1, a->count));
  bind_time (stmt, 20, a->first_seen);
  bind_time (stmt, 21, a->last_seen);
  vigil_bind_text (stmt, 22, a->raw);
  bind_time (stmt, 23, a->first_seen);
  bind_time (stmt, 24, a->updated_at > 0 ? a->updated_at : a->last_seen);
  return run_insert (d, stmt, error);
}

typedef struct
{
  gint64      incident_id;
  const char *kind;      /* task, countermeasure */
  const char *title;
  const char *description;
  VigilStage  stage;
  gint64      owner_team_id;
  gint64      owner_id;
  gint64      due_at;
  const char *status;
  const char *cm_type;
  const char *applied_to;
  const char *applied_by;
  gint64      created_at;
  gint64      updated_at;
  gint64      done_at;
} ActionRow;

static gboolean
write_action (Demo             *d,
              const ActionRow  *a,
              GError          **error)
{
  sqlite3_stmt *stmt = d->st.action;

  sqlite3_bind_int64 (stmt, 1, a->incident_id);
  vigil_bind_text (stmt, 2, a->kind);
  vigil_bind_text (stmt, 3, a->title);
  vigil_bind_text (stmt, 4, a->description ? a->description : "");
  vigil_bind_text (stmt, 5, vigil_stage_key (a->stage));
  vigil_bind_id (stmt, 6, a->owner_team_id);
  vigil_bind_id (stmt, 7, a->owner_id);
  bind_time (stmt, 8, a->due_at);
  vigil_bind_text (stmt, 9, a->status);
  vigil_bind_text (stmt, 10, a->cm_type);
  vigil_bind_text (stmt, 11, a->applied_to ? a->applied_to : "");
  vigil_bind_text (stmt, 12, a->applied_by ? a->applied_by : "");
  bind_time (stmt, 13, a->created_at);
  bind_time (stmt, 14, a->updated_at);
  bind_time (stmt, 15, a->done_at);
  if (!run (d, stmt, error))
    return FALSE;
  d->n_actions++;
  return TRUE;
}

static gboolean
write_contact (Demo        *d,
               gint64       incident_id,
               gint64       person_id,
               gint64       team_id,
               const char  *channel,
               const char  *direction,
               gint64       at,
               const char  *summary,
               gint64       follow_up_at,
               gboolean     follow_up_done,
               const char  *actor,
               GError     **error)
{
  sqlite3_stmt *stmt = d->st.contact;

  sqlite3_bind_int64 (stmt, 1, incident_id);
  vigil_bind_id (stmt, 2, person_id);
  vigil_bind_id (stmt, 3, team_id);
  vigil_bind_text (stmt, 4, channel);
  vigil_bind_text (stmt, 5, direction ? direction : "outbound");
  bind_time (stmt, 6, at);
  vigil_bind_text (stmt, 7, summary);
  bind_time (stmt, 8, follow_up_at);
  sqlite3_bind_int (stmt, 9, follow_up_done ? 1 : 0);
  vigil_bind_text (stmt, 10, actor);
  bind_time (stmt, 11, at);
  if (!run (d, stmt, error))
    return FALSE;
  d->n_contacts++;
  return TRUE;
}

/* ======================================================================== */
/* The demo organisation: Kestrel Logistics                                 */
/* ======================================================================== */

typedef struct
{
  const char *key;
  const char *name;
  const char *kind;
  const char *parent;
  const char *lead;
  const char *email;       /* local part; NULL: none */
  const char *description;
} DemoTeam;

/* Parents come before their children. */
static const DemoTeam demo_teams[] = {
  { "exec", "Executive Board", "business", NULL, "ceo", "board",
    "The CEO and the executive committee of Kestrel Logistics." },
  { "infosec", "Information Security Office", "security", "exec", "ciso", "security",
    "Security strategy, risk, policy and architecture, under the CISO." },
  { "soc", "Security Operations Centre", "security", "infosec", "soc-mgr", "soc",
    "Monitors detection sources around the clock, triages alerts and handles incidents "
    "(Level 1, 2 and 3). Hotline +44 161 496 0100." },
  { "seceng", "Security Engineering", "security", "infosec", "seceng-lead", "security-engineering",
    "Runs the SIEM, EDR, IDS sensors and detection content; owns detection requests." },
  { "it", "Information Technology", "it", "exec", "cio", "it",
    "The IT department under the CIO." },
  { "itops", "IT Operations", "it", "it", "itops-lead", "itops",
    "Servers, virtualisation, Active Directory, backup and cloud infrastructure." },
  { "network", "Network & Telecoms", "it", "it", "net-lead", "network",
    "WAN, LAN, Wi-Fi, firewalls, VPN and telephony at all sites." },
  { "servicedesk", "Service Desk", "it", "it", "sd-lead", "servicedesk",
    "First-line IT support for all staff; receives user reports of suspicious email." },
  { "apps", "Enterprise Applications", "it", "it", "apps-lead", "enterprise-apps",
    "ERP, warehouse and transport management, payroll and HR systems." },
  { "finance", "Finance", "business", "exec", "cfo", "finance",
    "Accounting, accounts payable, treasury and payroll." },
  { "logistics", "Logistics Operations", "business", "exec", "coo", "operations",
    "Warehouses in Warrington and Lyon, transport planning and the fleet." },
  { "hr", "Human Resources", "business", "exec", "hr-dir", "hr",
    "People services, recruitment, joiners and leavers." },
  { "sales", "Sales & Customer Service", "business", "exec", "sales-dir", "sales",
    "Key accounts, customer service desk and the customer tracking portal." },
  { "legal", "Legal & Compliance", "business", "exec", "legal-dir", "legal",
    "Contracts, regulatory compliance and data protection (DPO)." },
  { "bastion", "Bastion CERT", "external", NULL, "bc-lead", NULL,
    "External incident response retainer (CSIRT). 24/7 hotline +44 20 7946 0999, "
    "activation by the CISO or the SOC manager; see the retainer summary." },
};

typedef struct
{
  const char *key;
  const char *name;
  const char *title;
  const char *team;
  const char *manager;
  const char *site;      /* man, war, lon, lys, par, ext */
  const char *roles;     /* space-separated */
  gboolean    on_call;
} DemoPerson;

/* Managers come before the people who report to them.  The CEO is the one
 * root of the company; the lead of the external CSIRT has no manager either,
 * because nobody at Kestrel manages Bastion CERT's staff. */
static const DemoPerson demo_people[] = {
  { "ceo", "Helena Marsh", "Chief Executive Officer", "exec", NULL, "man", "ceo", FALSE },
  { "exec-assistant", "Chloé Martin", "Executive Assistant", "exec", "ceo", "man", NULL, FALSE },
  { "cfo", "Rajesh Iyer", "Chief Financial Officer", "finance", "ceo", "man", "cfo", FALSE },
  { "coo", "Béatrice Fontaine", "Chief Operating Officer", "logistics", "ceo", "lys", "coo", FALSE },
  { "cio", "Tomasz Wiśniewski", "Chief Information Officer", "it", "ceo", "man", "cio", FALSE },
  { "ciso", "Amara Okafor", "Chief Information Security Officer", "infosec", "ceo", "man",
    "ciso", FALSE },
  { "hr-dir", "Siobhan Gallagher", "Human Resources Director", "hr", "ceo", "man", NULL, FALSE },
  { "sales-dir", "Luca Moretti", "Sales Director", "sales", "ceo", "lon", NULL, FALSE },
  { "legal-dir", "Ingrid Halvorsen", "General Counsel", "legal", "ceo", "lon", NULL, FALSE },

  /* security */
  { "grc", "Hannah Schmidt", "Security Governance & Risk Manager", "infosec", "ciso", "man",
    "grc", FALSE },
  { "sec-architect", "Ahmed Haddad", "Security Architect", "infosec", "ciso", "man",
    "security-architect", FALSE },
  { "soc-mgr", "Daniel Mensah", "SOC Manager", "soc", "ciso", "man", "soc-manager", FALSE },
  { "l3-hunt", "Yuki Tanaka", "SOC Analyst Level 3 — Threat Hunting", "soc", "soc-mgr", "man",
    "soc-l3", FALSE },
  { "l3-ir", "Kwame Asante", "SOC Analyst Level 3 — Incident Response Lead", "soc", "soc-mgr",
    "man", "soc-l3", TRUE },
  { "l2-lead", "Priya Nair", "SOC Analyst Level 2 — Shift Lead", "soc", "soc-mgr", "man",
    "soc-l2", FALSE },
  { "l2-marco", "Marco Bianchi", "SOC Analyst Level 2", "soc", "soc-mgr", "man", "soc-l2", TRUE },
  { "l2-fatima", "Fatima Zahra El Amrani", "SOC Analyst Level 2", "soc", "soc-mgr", "lys",
    "soc-l2", FALSE },
  { "l2-olivier", "Olivier Dubois", "SOC Analyst Level 2", "soc", "soc-mgr", "lys", "soc-l2",
    FALSE },
  { "l1-jack", "Jack Thompson", "SOC Analyst Level 1", "soc", "l2-lead", "man", "soc-l1", FALSE },
  { "l1-aisha", "Aisha Bello", "SOC Analyst Level 1", "soc", "l2-lead", "man", "soc-l1", TRUE },
  { "l1-lan", "Nguyen Thi Lan", "SOC Analyst Level 1", "soc", "l2-lead", "man", "soc-l1", FALSE },
  { "l1-mateo", "Mateo García", "SOC Analyst Level 1", "soc", "l2-lead", "lys", "soc-l1", FALSE },
  { "l1-emma", "Emma Leclerc", "SOC Analyst Level 1", "soc", "l2-lead", "lys", "soc-l1", FALSE },
  { "seceng-lead", "Sven Lindqvist", "Security Engineering Lead", "seceng", "ciso", "man",
    "detection-engineer", FALSE },
  { "det-eng", "Chen Wei", "Detection Engineer", "seceng", "seceng-lead", "man",
    "detection-engineer", FALSE },
  { "edr-eng", "Lucía Fernández", "Security Engineer (EDR & SIEM)", "seceng", "seceng-lead",
    "lys", "siem-admin", FALSE },

  /* IT */
  { "it-service", "Noah Williams", "IT Service & Risk Manager", "it", "cio", "man", NULL, FALSE },
  { "itops-lead", "Gareth Hughes", "Head of IT Operations", "itops", "cio", "man", "it-ops",
    FALSE },
  { "ad-admin", "Anil Kapoor", "Windows & Active Directory Administrator", "itops",
    "itops-lead", "man", "it-ops ad-admin", TRUE },
  { "linux-admin", "Élodie Rousseau", "Linux Systems Administrator", "itops", "itops-lead",
    "lys", "it-ops", FALSE },
  { "virt-eng", "Piotr Nowak", "Virtualisation Engineer", "itops", "itops-lead", "man", "it-ops",
    FALSE },
  { "backup-admin", "Maria Santos", "Backup & Storage Administrator", "itops", "itops-lead",
    "man", "it-ops backup", FALSE },
  { "cloud-eng", "Oluwaseun Adeyemi", "Cloud Engineer", "itops", "itops-lead", "lon",
    "it-ops cloud", FALSE },
  { "dba", "Kenji Sato", "Database Administrator", "itops", "itops-lead", "man", "it-ops dba",
    FALSE },
  { "net-lead", "Jean-Baptiste Lefèvre", "Network & Telecoms Manager", "network", "cio", "lys",
    "network", FALSE },
  { "net-callum", "Callum Fraser", "Network Engineer", "network", "net-lead", "man", "network",
    TRUE },
  { "net-mehmet", "Mehmet Yılmaz", "Network Engineer", "network", "net-lead", "lys", "network",
    FALSE },
  { "fw-admin", "Sofia Rossi", "Firewall & VPN Specialist", "network", "net-lead", "man",
    "network firewall", FALSE },
  { "sd-lead", "Rebecca Clarke", "Service Desk Manager", "servicedesk", "cio", "man",
    "service-desk", FALSE },
  { "sd-liam", "Liam O'Connor", "Service Desk Analyst", "servicedesk", "sd-lead", "man",
    "service-desk", FALSE },
  { "sd-zainab", "Zainab Hussain", "Service Desk Analyst", "servicedesk", "sd-lead", "war",
    "service-desk", FALSE },
  { "sd-thomas", "Thomas Girard", "Service Desk Analyst", "servicedesk", "sd-lead", "lys",
    "service-desk", FALSE },
  { "apps-lead", "Nadia Benali", "Enterprise Applications Manager", "apps", "cio", "lys",
    "app-owner", FALSE },
  { "erp-lead", "Stefan Müller", "ERP Technical Lead", "apps", "apps-lead", "man", "app-owner",
    FALSE },
  { "wms-spec", "Camille Bernard", "WMS Specialist", "apps", "apps-lead", "lys", "app-owner",
    FALSE },
  { "payroll-analyst", "David Cohen", "Payroll & HR Systems Analyst", "apps", "apps-lead", "man",
    "app-owner", FALSE },

  /* business */
  { "controller", "Claire Dupont", "Financial Controller", "finance", "cfo", "par", NULL, FALSE },
  { "ap-lead", "Michael O'Brien", "Accounts Payable Lead", "finance", "cfo", "man", NULL, FALSE },
  { "treasury", "Li Na", "Treasury Analyst", "finance", "cfo", "lon", NULL, FALSE },
  { "payroll-mgr", "Grace Adjei", "Payroll Manager", "finance", "cfo", "man", NULL, FALSE },
  { "ap-clerk", "Jakub Dvořák", "Accounts Payable Clerk", "finance", "ap-lead", "man", NULL, FALSE },
  { "warehousing", "Antoine Mercier", "Head of Warehousing", "logistics", "coo", "lys", NULL,
    FALSE },
  { "war-site", "Paul Robinson", "Site Manager, Warrington Distribution Centre", "logistics",
    "warehousing", "war", NULL, TRUE },
  { "lys-site", "Karim Haddou", "Site Manager, Lyon Hub", "logistics", "warehousing", "lys",
    NULL, TRUE },
  { "war-shift", "Ravi Sharma", "Warehouse Shift Supervisor", "logistics", "war-site", "war",
    NULL, FALSE },
  { "transport", "Ewa Kowalska", "Transport Planning Manager", "logistics", "coo", "lys", NULL,
    FALSE },
  { "planner", "Lena Hoffmann", "Transport Planner", "logistics", "transport", "lys", NULL, FALSE },
  { "fleet", "Joseph Mwangi", "Fleet Manager", "logistics", "coo", "war", NULL, FALSE },
  { "hrbp", "Aaliyah Johnson", "HR Business Partner", "hr", "hr-dir", "man", NULL, FALSE },
  { "hr-ops", "Benoît Lambert", "HR Operations Officer", "hr", "hr-dir", "lys", NULL, FALSE },
  { "kam", "Sarah Goldberg", "Key Account Manager", "sales", "sales-dir", "lon", NULL, FALSE },
  { "cs-mgr", "Isabelle Moreau", "Customer Service Manager", "sales", "sales-dir", "lys", NULL,
    FALSE },
  { "portal-po", "Arjun Mehta", "Product Owner, Customer Tracking Portal", "sales", "sales-dir",
    "lon", "app-owner", FALSE },
  { "sales-ops", "Valentina Cruz", "Sales Operations Analyst", "sales", "sales-dir", "lon", NULL,
    FALSE },
  { "dpo", "Manon Petit", "Data Protection Officer", "legal", "legal-dir", "par", "dpo", FALSE },
  { "compliance", "Samuel Osei", "Compliance Officer", "legal", "legal-dir", "lon", "compliance",
    FALSE },

  /* Bastion CERT, the external CSIRT */
  { "bc-lead", "Viktor Petrov", "Head of Incident Response, Bastion CERT", "bastion", NULL, "ext",
    "csirt", FALSE },
  { "bc-leila", "Leila Karimi", "Senior Incident Responder", "bastion", "bc-lead", "ext", "csirt",
    FALSE },
  { "bc-oscar", "Oscar Nilsson", "Incident Responder (duty)", "bastion", "bc-lead", "ext", "csirt",
    TRUE },
  { "bc-hana", "Hana Kobayashi", "Digital Forensics Analyst", "bastion", "bc-lead", "ext", "csirt",
    FALSE },
};

typedef enum
{
  AREA_MANCHESTER,
  AREA_LONDON,
  AREA_FRANCE,
} DemoArea;

typedef struct
{
  const char *key;
  const char *location;
  DemoArea    area;
} DemoSite;

/* Ofcom keeps 0161 496 0000–0999, 020 7946 0000–0999 and 07700 900000–900999
 * for drama; ARCEP keeps 01 99 00 xx xx and 06 39 98 xx xx for fiction.
 * Every phone number below comes from those ranges. */
static const DemoSite demo_sites[] = {
  { "man", "Manchester HQ", AREA_MANCHESTER },
  { "war", "Warrington Distribution Centre", AREA_MANCHESTER },
  { "lon", "London office", AREA_LONDON },
  { "lys", "Lyon Hub", AREA_FRANCE },
  { "par", "Paris office", AREA_FRANCE },
  { "ext", "Bastion CERT, London", AREA_LONDON },
};

typedef struct
{
  const char *key;
  const char *name;
  const char *kind;
  const char *hostname;
  const char *addresses;
  const char *team;
  const char *tech;
  const char *business;
  const char *criticality;
  const char *environment;
  const char *location;
  const char *description;
} DemoAsset;

/* Kestrel's address plan: Manchester 10.10.0.0/16 (servers 10.10.1–3, users
 * 10.10.20–31, security tools 10.10.50, management 10.10.99), Lyon
 * 10.20.0.0/16, Warrington 10.30.0.0/16, DMZ 172.16.10.0/24, and the public
 * blocks 198.51.100.0/26 (Manchester) and 198.51.100.64/27 (Lyon). */
#define CORP ".corp." DEMO_DOMAIN
static const DemoAsset demo_assets[] = {
  { "dc01", "DC01 — Active Directory domain controller", "domain-controller", "dc01" CORP,
    "10.10.1.10", "itops", "ad-admin", "cio", "critical", "production", "Manchester DC1",
    "Domain controller of CORP, holder of the FSMO roles; DNS and DHCP for Manchester." },
  { "dc02", "DC02 — Active Directory domain controller (Lyon)", "domain-controller", "dc02" CORP,
    "10.20.1.10", "itops", "ad-admin", "cio", "critical", "production", "Lyon DC2",
    "Second domain controller of CORP; DNS and DHCP for Lyon and Paris." },
  { "man-esx01", "MAN-ESX01 — vSphere host", "hypervisor", "man-esx01" CORP, "10.10.99.21",
    "itops", "virt-eng", "cio", "critical", "production", "Manchester DC1",
    "Host of the Manchester vSphere cluster (2 nodes, shared SAN)." },
  { "man-esx02", "MAN-ESX02 — vSphere host", "hypervisor", "man-esx02" CORP, "10.10.99.22",
    "itops", "virt-eng", "cio", "critical", "production", "Manchester DC1",
    "Host of the Manchester vSphere cluster (2 nodes, shared SAN)." },
  { "lys-esx01", "LYS-ESX01 — vSphere host (Lyon)", "hypervisor", "lys-esx01" CORP, "10.20.99.21",
    "itops", "virt-eng", "cio", "critical", "production", "Lyon DC2",
    "Single host of the Lyon site; runs the WMS and the Lyon file server." },
  { "vcenter", "VCENTER01 — vCenter Server", "virtualisation-manager", "vcenter01" CORP,
    "10.10.99.20", "itops", "virt-eng", "cio", "high", "production", "Manchester DC1",
    "Manages both vSphere sites; reachable from PAM01 only." },
  { "fs01", "FS01 — file server (Manchester)", "file-server", "fs01" CORP, "10.10.2.20",
    "itops", "ad-admin", "cfo", "high", "production", "Manchester DC1",
    "Departmental shares (Finance, HR, Operations) and home folders for Manchester staff." },
  { "fs02", "FS02 — file server (Lyon)", "file-server", "fs02" CORP, "10.20.2.20",
    "itops", "ad-admin", "coo", "high", "production", "Lyon DC2",
    "Shares of the Lyon hub and the Paris office." },
  { "erp-app", "ERP application server", "application-server", "erp-app01" CORP, "10.10.2.40",
    "apps", "erp-lead", "cfo", "critical", "production", "Manchester DC1",
    "Finance, purchasing, invoicing and customer orders for the whole group." },
  { "erp-db", "ERP database (SQL Server)", "database", "erp-db01" CORP, "10.10.3.40",
    "itops", "dba", "cfo", "critical", "production", "Manchester DC1",
    "SQL Server 2019 Always On primary of the ERP." },
  { "wms-app", "WMS — warehouse management system", "application-server", "wms-app01" CORP,
    "10.20.2.50", "apps", "wms-spec", "coo", "critical", "production", "Lyon DC2",
    "Stock, picking and dispatch for Warrington and Lyon; the handheld terminals talk to it." },
  { "wms-db", "WMS database (PostgreSQL)", "database", "wms-db01" CORP, "10.20.3.50",
    "itops", "dba", "coo", "critical", "production", "Lyon DC2",
    "PostgreSQL 15 primary with a streaming replica in Manchester." },
  { "wms-test", "WMS-TEST01 — WMS test environment", "virtual-machine", "wms-test01" CORP,
    "10.20.5.50", "apps", "wms-spec", "coo", "low", "test", "Lyon DC2",
    "Copy of the WMS refreshed monthly from anonymised production data." },
  { "tms", "TMS — transport management (SaaS)", "saas", "kestrel.tms-cloud.example", "",
    "apps", "apps-lead", "transport", "high", "production", "Cloud (EU)",
    "Route planning and carrier bookings; receives orders from the EDI gateway." },
  { "payroll", "Payroll service (SaaS)", "saas", "kestrel.payroll-provider.example", "",
    "apps", "payroll-analyst", "payroll-mgr", "high", "production", "Cloud (UK)",
    "Monthly payroll for UK and French staff; bank details changed by HR only." },
  { "hris", "HR information system (SaaS)", "saas", "kestrel.hris-cloud.example", "",
    "apps", "payroll-analyst", "hr-dir", "high", "production", "Cloud (EU)",
    "Employee records, joiners and leavers; feeds the directory and payroll." },
  { "crm", "CRM (SaaS)", "saas", "kestrel.crm-cloud.example", "",
    "apps", "apps-lead", "sales-dir", "high", "production", "Cloud (EU)",
    "Customer accounts, contracts and pricing; used by sales and customer service." },
  { "m365", "Email and collaboration suite (cloud)", "saas", "collab." DEMO_DOMAIN, "",
    "itops", "cloud-eng", "cio", "critical", "production", "Cloud (EU)",
    "Mailboxes, file sharing and chat for all staff; sign-in through the identity provider." },
  { "idp", "Identity provider (SSO and MFA)", "saas", "login." DEMO_DOMAIN, "",
    "itops", "cloud-eng", "cio", "critical", "production", "Cloud (EU)",
    "Single sign-on and push MFA for cloud services and the VPN; synchronised from CORP." },
  { "mx01", "MX01 — mail gateway", "mail-gateway", "mx01." DEMO_DOMAIN,
    "198.51.100.25 172.16.10.25", "itops", "linux-admin", "cio", "high", "production",
    "Manchester DMZ", "Inbound and outbound SMTP filtering in front of the cloud mailboxes." },
  { "vpn01", "VPN01 — remote access VPN concentrator", "vpn", "vpn." DEMO_DOMAIN,
    "198.51.100.10 172.16.10.10", "network", "fw-admin", "cio", "critical", "production",
    "Manchester DMZ", "SSL VPN for staff and suppliers; authenticates against the identity "
    "provider with MFA." },
  { "fw-man", "FW-MAN-01 — perimeter firewall cluster (Manchester)", "firewall",
    "fw-man-01.net." DEMO_DOMAIN, "198.51.100.1 10.10.99.1", "network", "fw-admin", "cio",
    "critical", "production", "Manchester DC1",
    "Active/passive pair; Internet edge, DMZ and IPsec tunnels to Lyon and Warrington." },
  { "fw-lys", "FW-LYS-01 — firewall (Lyon)", "firewall", "fw-lys-01.net." DEMO_DOMAIN,
    "198.51.100.65 10.20.99.1", "network", "fw-admin", "cio", "critical", "production",
    "Lyon DC2", "Internet breakout of the Lyon hub and Paris office; IPsec to Manchester." },
  { "sw-man-core", "SW-MAN-CORE01 — core switch stack (Manchester)", "switch",
    "sw-man-core01.net." DEMO_DOMAIN, "10.10.99.2", "network", "net-callum", "cio", "high",
    "production", "Manchester DC1", "Layer-3 core; routes the server, user and security VLANs." },
  { "sw-lys-core", "SW-LYS-CORE01 — core switch (Lyon)", "switch",
    "sw-lys-core01.net." DEMO_DOMAIN, "10.20.99.2", "network", "net-mehmet", "cio", "high",
    "production", "Lyon DC2", "Layer-3 core of the Lyon hub." },
  { "wlc-war", "WLC-WAR-01 — warehouse Wi-Fi controller", "wireless-controller",
    "wlc-war-01.net." DEMO_DOMAIN, "10.30.99.5", "network", "net-callum", "warehousing", "high",
    "production", "Warrington Distribution Centre",
    "Controls 64 access points; SSIDs KL-WAREHOUSE (terminals) and KL-GUEST." },
  { "edr", "EDR management server", "security-tool", "edr-mgr01" CORP, "10.10.50.10",
    "seceng", "edr-eng", "ciso", "high", "production", "Manchester DC1",
    "Endpoint detection and response console; can isolate a host from the network." },
  { "siem", "SIEM — Wazuh manager and indexer", "security-tool", "siem01" CORP, "10.10.50.20",
    "seceng", "edr-eng", "ciso", "high", "production", "Manchester DC1",
    "Collects Windows, Linux, firewall and cloud logs; raises the Wazuh alerts." },
  { "ids-man", "IDS-MAN-01 — Suricata sensor (Manchester perimeter)", "ids",
    "ids-man-01" CORP, "10.10.50.31", "seceng", "det-eng", "ciso", "medium", "production",
    "Manchester DC1", "Watches the Internet edge and the DMZ (SPAN of the firewall ports)." },
  { "zeek", "ZEEK-01 — Zeek network monitor (core)", "ids", "zeek01" CORP, "10.10.50.32",
    "seceng", "det-eng", "ciso", "medium", "production", "Manchester DC1",
    "Connection, DNS, TLS and HTTP logs from the Manchester core." },
  { "misp", "MISP threat intelligence platform", "security-tool", "misp01" CORP, "10.10.50.40",
    "seceng", "det-eng", "ciso", "medium", "production", "Manchester DC1",
    "Indicator feeds from the logistics sector ISAC and Bastion CERT." },
  { "bkp", "BKP01 — backup server", "backup", "bkp01" CORP, "10.10.2.60",
    "itops", "backup-admin", "cio", "critical", "production", "Manchester DC1",
    "Nightly image backups of every VM; 30 days on disk." },
  { "bkp-repo", "BKP-REPO01 — immutable backup repository", "storage", "bkp-repo01" CORP,
    "10.10.2.61", "itops", "backup-admin", "cio", "critical", "production", "Warrington DC room",
    "Hardened Linux repository with 14-day immutability; not joined to the domain." },
  { "lb", "LB01 — load balancer for the customer portal", "load-balancer",
    "track." DEMO_DOMAIN, "198.51.100.20 172.16.10.20", "network", "net-callum", "portal-po",
    "critical", "production", "Manchester DMZ", "TLS termination and WAF in front of WEB01/WEB02." },
  { "web01", "WEB01 — customer portal web server", "web-server", "web01.dmz." DEMO_DOMAIN,
    "172.16.10.31", "itops", "linux-admin", "portal-po", "high", "production", "Manchester DMZ",
    "Parcel tracking and customer self-service (nginx + Java)." },
  { "web02", "WEB02 — customer portal web server", "web-server", "web02.dmz." DEMO_DOMAIN,
    "172.16.10.32", "itops", "linux-admin", "portal-po", "high", "production", "Manchester DMZ",
    "Parcel tracking and customer self-service (nginx + Java)." },
  { "portal-db", "PORTAL-DB01 — customer portal database", "database", "portal-db01" CORP,
    "10.10.3.30", "itops", "dba", "portal-po", "high", "production", "Manchester DC1",
    "Customer accounts and shipment history of the tracking portal (PostgreSQL)." },
  { "edi", "EDI01 — carrier and customer EDI gateway", "integration", "edi." DEMO_DOMAIN,
    "198.51.100.30 172.16.10.30", "apps", "erp-lead", "coo", "high", "production",
    "Manchester DMZ", "AS2/SFTP exchange of orders and shipping notices with 140 partners." },
  { "proxy", "PROXY01 — web proxy", "proxy", "proxy01" CORP, "10.10.1.30",
    "network", "fw-admin", "cio", "medium", "production", "Manchester DC1",
    "Explicit proxy for users and servers, with category filtering." },
  { "pam", "PAM01 — privileged access jump host", "jump-host", "pam01" CORP, "10.10.99.50",
    "itops", "ad-admin", "ciso", "critical", "production", "Manchester DC1",
    "The only path to Tier 0 and management interfaces; sessions recorded." },
  { "lys-jump", "LYS-JUMP01 — Lyon maintenance jump host", "jump-host", "lys-jump01" CORP,
    "10.20.99.50", "itops", "ad-admin", "coo", "high", "production", "Lyon DC2",
    "Used by the WMS vendor for maintenance; access through the VPN only." },
  { "ca", "CA01 — internal issuing certificate authority", "pki", "ca01" CORP, "10.10.1.40",
    "itops", "ad-admin", "ciso", "high", "production", "Manchester DC1",
    "Issues machine, user and Wi-Fi certificates (Tier 0)." },
  { "bucket", "Partner exchange bucket (object storage)", "cloud-storage",
    "kestrel-partner-exchange.objects.example", "", "itops", "cloud-eng", "coo", "high",
    "production", "Cloud (EU)", "Shared with large customers for shipping manifests and "
    "proof-of-delivery scans." },
  { "mdm", "MDM — handheld and phone management", "mdm", "mdm01" CORP, "10.10.1.50",
    "servicedesk", "sd-lead", "warehousing", "medium", "production", "Manchester DC1",
    "Enrols the 420 warehouse handhelds and company phones." },
  { "pbx", "PBX01 — VoIP telephony", "pbx", "pbx01" CORP, "10.10.1.60 198.51.100.40",
    "network", "net-mehmet", "cio", "medium", "production", "Manchester DC1",
    "IP telephony for all sites and the customer service hotline." },
  { "bank", "Banking connectivity gateway", "payment-gateway", "bank01" CORP, "10.10.3.70",
    "apps", "erp-lead", "cfo", "critical", "production", "Manchester DC1",
    "Sends payment files from the ERP to the banks; two-person approval." },
  { "git", "GIT01 — source code server (portal team)", "development", "git01" CORP,
    "10.10.2.80", "itops", "cloud-eng", "portal-po", "medium", "development",
    "Manchester DC1", "Git repositories and CI of the customer portal." },
  { "prt01", "PRT01 — print server (Manchester)", "print-server", "prt01" CORP, "10.10.1.70",
    "itops", "ad-admin", "cio", "low", "production", "Manchester DC1",
    "Print queues and scan-to-mail for the Manchester offices." },
  { "telematics", "Fleet telematics platform (SaaS)", "saas", "kestrel.fleet-telematics.example",
    "", "apps", "apps-lead", "fleet", "medium", "production", "Cloud (EU)",
    "Truck positions, tachograph downloads and driver messages." },
  { "fin-ws", "FIN-WS-014 — accounts payable workstation", "workstation", "fin-ws-014" CORP,
    "10.10.30.14", "servicedesk", "sd-liam", "cfo", "medium", "production", "Manchester HQ",
    "Windows 11 desktop of the accounts payable team (finance VLAN)." },
  { "hr-lt", "HR-LT-007 — HR laptop", "laptop", "hr-lt-007" CORP, "10.10.21.107",
    "servicedesk", "sd-liam", "hr-dir", "medium", "production", "Manchester HQ",
    "Windows 11 laptop of an HR business partner." },
  { "war-term", "WAR-TERM-22 — warehouse terminal (Warrington dock 4)", "terminal",
    "war-term-22" CORP, "10.30.40.22", "servicedesk", "sd-zainab", "war-site", "medium",
    "production", "Warrington Distribution Centre",
    "Windows 10 IoT terminal for label printing and dispatch at dock 4." },
  { "lys-term", "LYS-TERM-08 — warehouse terminal (Lyon hub)", "terminal", "lys-term-08" CORP,
    "10.20.40.8", "servicedesk", "sd-thomas", "lys-site", "medium", "production", "Lyon Hub",
    "Windows 10 IoT terminal at goods-in." },
  { "cs-ws31", "CS-LYS-WS-031 — customer service workstation", "workstation",
    "cs-lys-ws-031" CORP, "10.20.21.31", "servicedesk", "sd-thomas", "cs-mgr", "medium",
    "production", "Lyon Hub", "Customer service desk, Lyon." },
  { "cs-ws44", "CS-LYS-WS-044 — customer service workstation", "workstation",
    "cs-lys-ws-044" CORP, "10.20.21.44", "servicedesk", "sd-thomas", "cs-mgr", "medium",
    "production", "Lyon Hub", "Customer service desk, Lyon." },
};

typedef struct
{
  const char *from;
  const char *to;
  const char *kind;
  const char *note;
} DemoDependency;

static const DemoDependency demo_dependencies[] = {
  /* virtual machines on their hosts */
  { "vcenter", "man-esx01", "hosted-on", NULL },
  { "dc01", "man-esx02", "hosted-on", NULL },
  { "fs01", "man-esx01", "hosted-on", NULL },
  { "erp-app", "man-esx01", "hosted-on", NULL },
  { "erp-db", "man-esx02", "hosted-on", NULL },
  { "portal-db", "man-esx02", "hosted-on", NULL },
  { "web01", "man-esx01", "hosted-on", NULL },
  { "web02", "man-esx02", "hosted-on", "kept on the other host than WEB01" },
  { "edi", "man-esx02", "hosted-on", NULL },
  { "proxy", "man-esx01", "hosted-on", NULL },
  { "pam", "man-esx02", "hosted-on", NULL },
  { "ca", "man-esx01", "hosted-on", NULL },
  { "siem", "man-esx02", "hosted-on", NULL },
  { "edr", "man-esx01", "hosted-on", NULL },
  { "misp", "man-esx02", "hosted-on", NULL },
  { "mdm", "man-esx01", "hosted-on", NULL },
  { "git", "man-esx01", "hosted-on", NULL },
  { "prt01", "man-esx02", "hosted-on", NULL },
  { "bank", "man-esx02", "hosted-on", NULL },
  { "bkp", "man-esx01", "hosted-on", NULL },
  { "dc02", "lys-esx01", "hosted-on", NULL },
  { "fs02", "lys-esx01", "hosted-on", NULL },
  { "wms-app", "lys-esx01", "hosted-on", NULL },
  { "wms-db", "lys-esx01", "hosted-on", NULL },
  { "wms-test", "lys-esx01", "hosted-on", NULL },
  { "lys-jump", "lys-esx01", "hosted-on", NULL },
  /* applications */
  { "erp-app", "erp-db", "depends-on", "SQL Server, TCP 1433" },
  { "erp-app", "dc01", "depends-on", "Kerberos authentication" },
  { "erp-app", "bank", "connects-to", "payment files (SFTP)" },
  { "wms-app", "wms-db", "depends-on", "PostgreSQL, TCP 5432" },
  { "wms-app", "erp-app", "depends-on", "orders and stock valuation (REST)" },
  { "wms-app", "dc02", "depends-on", NULL },
  { "lb", "web01", "depends-on", "pool member" },
  { "lb", "web02", "depends-on", "pool member" },
  { "web01", "portal-db", "depends-on", NULL },
  { "web02", "portal-db", "depends-on", NULL },
  { "web01", "wms-app", "connects-to", "tracking events API" },
  { "web02", "wms-app", "connects-to", "tracking events API" },
  { "edi", "erp-app", "depends-on", "order import" },
  { "edi", "wms-app", "depends-on", "shipping notices" },
  { "tms", "edi", "connects-to", "carrier bookings over AS2" },
  { "telematics", "tms", "connects-to", "vehicle positions" },
  { "fs01", "dc01", "depends-on", NULL },
  { "fs02", "dc02", "depends-on", NULL },
  { "dc02", "dc01", "connects-to", "AD replication" },
  { "ca", "dc01", "depends-on", NULL },
  { "idp", "dc01", "depends-on", "directory synchronisation" },
  { "vpn01", "idp", "depends-on", "SAML sign-in with MFA" },
  { "m365", "idp", "depends-on", NULL },
  { "payroll", "idp", "depends-on", NULL },
  { "hris", "idp", "depends-on", NULL },
  { "crm", "idp", "depends-on", NULL },
  { "tms", "idp", "depends-on", NULL },
  { "payroll", "hris", "connects-to", "employee changes" },
  { "mx01", "m365", "connects-to", "filtered mail delivery" },
  { "proxy", "dc01", "depends-on", "user authentication" },
  { "pam", "dc01", "depends-on", NULL },
  { "bkp", "bkp-repo", "depends-on", "immutable copies" },
  { "bkp", "vcenter", "depends-on", "VM snapshots" },
  { "edr", "siem", "connects-to", "alert forwarding" },
  { "ids-man", "siem", "connects-to", "EVE JSON" },
  { "zeek", "siem", "connects-to", "logs" },
  { "misp", "siem", "connects-to", "indicator lists" },
  { "bucket", "idp", "depends-on", "administrator sign-in" },
  /* network */
  { "fw-man", "sw-man-core", "connects-to", NULL },
  { "fw-lys", "fw-man", "connects-to", "IPsec site-to-site" },
  { "sw-lys-core", "fw-lys", "connects-to", NULL },
  { "wlc-war", "fw-man", "connects-to", "IPsec from Warrington" },
  { "vpn01", "fw-man", "connects-to", NULL },
  { "pbx", "sw-man-core", "connects-to", NULL },
  /* endpoints */
  { "war-term", "wlc-war", "connects-to", "KL-WAREHOUSE SSID" },
  { "war-term", "wms-app", "depends-on", NULL },
  { "war-term", "mdm", "depends-on", NULL },
  { "lys-term", "sw-lys-core", "connects-to", NULL },
  { "lys-term", "wms-app", "depends-on", NULL },
  { "fin-ws", "erp-app", "depends-on", NULL },
  { "fin-ws", "fs01", "depends-on", "Finance share" },
  { "hr-lt", "hris", "depends-on", NULL },
  { "cs-ws31", "crm", "depends-on", NULL },
  { "cs-ws44", "crm", "depends-on", NULL },
  { "lys-jump", "wms-app", "connects-to", "vendor maintenance" },
};

typedef struct
{
  const char *asset;
  const char *status;
  const char *note;
} DemoIncidentAsset;

/* A value starting with '#' is a seed: the generator writes the checksum of
 * the seed, so hashes have their real length without pasting real ones. */
typedef struct
{
  const char *type;
  const char *value;
  gboolean    ioc;
  const char *note;
} DemoObservable;

/* Things that happened during an incident are placed in the stage they
 * belong to, at a fraction (0…1) of the time the incident spent there. */
typedef struct
{
  VigilStage  stage;
  double      at;
  const char *actor;
  const char *text;
} DemoNote;

typedef struct
{
  VigilStage  stage;
  double      at;
  const char *kind;        /* task, countermeasure */
  const char *title;
  const char *team;
  const char *owner;
  const char *status;
  const char *cm_type;
  const char *applied_to;
  double      done_after;  /* hours from creation to done/removed */
} DemoAction;

typedef struct
{
  VigilStage  stage;
  double      at;
  const char *person;
  const char *team;
  const char *channel;
  const char *direction;
  const char *summary;
  double      follow_up;   /* hours after the contact; 0: none */
  gboolean    done;
} DemoContact;

typedef struct
{
  const char *source;
  const char *rule;
  const char *title;
  const char *severity;
  const char *src;
  const char *dst;         /* NULL: the asset's first address */
  int         dst_port;
  const char *proto;
  const char *asset;
  gint64      count;
} DemoAlert;

typedef struct
{
  const char *key;
  const char *title;
  const char *description;
  VigilStage  stage;
  double      days_ago;        /* detected that many days before now */
  double      occurred_hours;  /* it began that long before detection */
  double      hours[4];        /* time in classification … resolution */
  int         closed_after;    /* closed straight after stage N-1 (1: classification,
                                * 2: investigation); 0: went through every stage */
  const char *severity;
  int         impact;
  int         urgency;
  const char *category;
  const char *tlp;
  const char *pap;
  const char *tier;
  const char *triage;          /* the L1 analyst who opened it */
  const char *assignee;
  const char *team;
  const char *raised_from;     /* severity before re-classification */
  const char *escalated_from;  /* tier before escalation */
  const char *escalation_reason;
  const char *resolution;
  const char *impact_status;
  const char *summary;
  const char *lessons;
  const DemoIncidentAsset *assets;
  const DemoObservable    *observables;
  const DemoNote          *notes;
  const DemoAction        *actions;
  const DemoContact       *contacts;
  const DemoAlert         *alerts;
} DemoIncident;

#define ASSETS(...)      ((const DemoIncidentAsset[]) { __VA_ARGS__, { NULL } })
#define OBSERVABLES(...) ((const DemoObservable[]) { __VA_ARGS__, { NULL } })
#define NOTES(...)       ((const DemoNote[]) { __VA_ARGS__, { 0, 0, NULL, NULL } })
#define ACTIONS(...)     ((const DemoAction[]) { __VA_ARGS__, { 0, 0, NULL, NULL } })
#define CONTACTS(...)    ((const DemoContact[]) { __VA_ARGS__, { 0, 0, NULL, NULL, NULL } })
#define ALERTS(...)      ((const DemoAlert[]) { __VA_ARGS__, { NULL } })
#define TASK(stage, at, title, team, owner, status, done) \
  { VIGIL_STAGE_##stage, at, "task", title, team, owner, status, NULL, NULL, done }
#define MEASURE(stage, at, type, title, applied_to, team, owner, status, done) \
  { VIGIL_STAGE_##stage, at, "countermeasure", title, team, owner, status, type, applied_to, done }
#define NOTE(stage, at, actor, text) { VIGIL_STAGE_##stage, at, actor, text }
#define CALL(stage, at, person, team, channel, dir, summary, follow_up, done) \
  { VIGIL_STAGE_##stage, at, person, team, channel, dir, summary, follow_up, done }

#define CLASSIFICATION VIGIL_STAGE_CLASSIFICATION
#define INVESTIGATION  VIGIL_STAGE_INVESTIGATION
#define CONTAINMENT    VIGIL_STAGE_CONTAINMENT
#define RESOLUTION     VIGIL_STAGE_RESOLUTION
#define CLOSED         VIGIL_STAGE_CLOSED

static const DemoIncident demo_incidents[] = {
  /* ---- closed ---------------------------------------------------------- */
  {
    .key = "edi-java", .stage = CLOSED, .days_ago = 112, .occurred_hours = 6,
    .hours = { 0.5, 10, 20, 96 },
    .title = "Exploitation attempts against the Java library of the EDI gateway",
    .description = "Suricata raised remote code execution attempts against EDI01 from "
      "scanning infrastructure two days after a critical advisory for the logging library "
      "bundled with the AS2 server. The vendor patch was not yet installed.",
    .severity = "high", .impact = 2, .urgency = 1, .category = "intrusion-attempts",
    .tlp = "amber", .pap = "amber", .tier = "l2", .triage = "l1-jack", .assignee = "l2-marco",
    .team = "soc", .resolution = "true-positive", .impact_status = "no-impact",
    .summary = "Mass exploitation attempts reached EDI01 but failed: outbound LDAP/RMI was "
      "blocked by the DMZ egress policy and no callback was observed in Zeek. The vendor "
      "patch was installed on day 4 and a WAF rule stays in place.",
    .lessons = "Keep an inventory of bundled libraries for DMZ applications; the vendor took "
      "three days to confirm exposure.",
    .assets = ASSETS ({ "edi", "not-compromised", "No callback, no new process; patched." },
                      { "lb", "not-compromised", NULL }),
    .observables = OBSERVABLES ({ "ip", "203.0.113.51", TRUE, "scanner, 1,240 requests" },
                                { "ip", "192.0.2.88", TRUE, "scanner" },
                                { "domain", "cb.oast-collector.example", TRUE, "callback domain in payloads" }),
    .notes = NOTES (NOTE (INVESTIGATION, 0.3, "l2-marco", "Payloads carry a JNDI lookup to "
                          "cb.oast-collector.example; Zeek shows no DNS resolution of it from "
                          "the DMZ. Egress from 172.16.10.0/24 is deny-by-default."),
                    NOTE (RESOLUTION, 0.5, "l2-marco", "Vendor confirmed version 4.2.7 fixes "
                          "the issue; upgrade done by Stefan in the Saturday window.")),
    .actions = ACTIONS (MEASURE (CONTAINMENT, 0.1, "block", "WAF rule dropping JNDI lookup "
                                 "patterns", "LB01 / EDI virtual server", "network", "net-callum",
                                 "active", 0),
                        TASK (RESOLUTION, 0.2, "Upgrade the AS2 server to 4.2.7", "apps",
                              "erp-lead", "done", 60)),
    .contacts = CONTACTS (CALL (INVESTIGATION, 0.5, "erp-lead", NULL, "phone", "outbound",
                                "Asked whether the AS2 server bundles the vulnerable library; "
                                "he will ask the vendor.", 24, TRUE)),
    .alerts = ALERTS ({ "suricata", "2034647", "ET EXPLOIT Apache log4j RCE Attempt (http ldap) (Inbound)",
                        "high", "203.0.113.51", "198.51.100.30", 443, "TCP", "edi", 1240 },
                      { "suricata", "2034647", "ET EXPLOIT Apache log4j RCE Attempt (http ldap) (Inbound)",
                        "high", "192.0.2.88", "198.51.100.30", 443, "TCP", "edi", 310 }),
  },
  {
    .key = "scan-fp", .stage = CLOSED, .days_ago = 101, .occurred_hours = 0.5,
    .hours = { 0.4, 2, 0, 0 }, .closed_after = 2,
    .title = "Internal port scan from a security tools address",
    .description = "Zeek raised an address scan across the Manchester server VLANs from "
      "10.10.50.60.",
    .severity = "low", .impact = 3, .urgency = 3, .category = "information-gathering",
    .tlp = "green", .pap = "green", .tier = "l1", .triage = "l1-jack", .assignee = "l1-jack",
    .team = "soc", .resolution = "benign", .impact_status = "no-impact",
    .summary = "The monthly authenticated vulnerability scan run by Security Engineering; "
      "the schedule had moved without notice to the SOC.",
    .lessons = "Security Engineering now posts scan windows in the SOC channel and a "
      "suppression rule covers the scanner during the window.",
    .assets = ASSETS ({ "sw-man-core", "not-compromised", NULL }),
    .observables = OBSERVABLES ({ "ip", "10.10.50.60", FALSE, "vulnerability scanner" }),
    .notes = NOTES (NOTE (INVESTIGATION, 0.6, "l1-jack", "Chen confirmed the scanner "
                          "address and the job; closing as benign.")),
    .contacts = CONTACTS (CALL (INVESTIGATION, 0.3, "det-eng", NULL, "chat", "outbound",
                                "Is 10.10.50.60 yours? — Yes, the monthly scan started early.",
                                0, FALSE)),
    .alerts = ALERTS ({ "zeek", "Scan::Address_Scan", "Scan::Address_Scan 10.10.50.60 scanned "
                        "at least 25 unique hosts on port 445/tcp", "low", "10.10.50.60",
                        "10.10.2.20", 445, "TCP", "fs01", 3 }),
  },
  {
    .key = "ransomware", .stage = CLOSED, .days_ago = 96, .occurred_hours = 30,
    .hours = { 0.3, 0.4, 30, 140 },
    .title = "Ransomware on the Manchester file server FS01",
    .description = "Wazuh raised mass file modifications on FS01: files in the "
      "Finance and Operations shares were renamed with a .kx7 extension and a ransom note "
      "appeared. Entry point suspected on an accounts payable workstation.",
    .severity = "critical", .impact = 1, .urgency = 1, .category = "malicious-code",
    .tlp = "amber+strict", .pap = "red", .tier = "csirt", .triage = "l1-aisha",
    .assignee = "l3-ir", .team = "soc", .raised_from = "high", .escalated_from = "l2",
    .escalation_reason = "Encryption of a production file server; retainer activated.",
    .resolution = "true-positive", .impact_status = "with-impact",
    .summary = "A macro document opened on FIN-WS-014 dropped a loader that stole the "
      "cached credentials of a service account and encrypted the FS01 shares over SMB. "
      "FS01 was isolated within the hour after the first alert; 1.9 TB were restored from the "
      "immutable repository (data loss: 6 hours of changes). No exfiltration was found by "
      "Bastion CERT. The service account was removed from the file server admins group.",
    .lessons = "Office macros from the Internet are now blocked by policy; service accounts "
      "moved to gMSA; the restore took 19 hours and the runbook now starts restores per "
      "share in priority order.",
    .assets = ASSETS ({ "fs01", "compromised", "Shares encrypted; rebuilt and restored." },
                      { "fin-ws", "compromised", "Patient zero; reimaged." },
                      { "dc01", "not-compromised", "No new admin accounts or GPO changes." },
                      { "bkp", "not-compromised", NULL },
                      { "bkp-repo", "not-compromised", "Immutable copies intact." }),
    .observables = OBSERVABLES ({ "ip", "203.0.113.77", TRUE, "C2 over HTTPS" },
                                { "domain", "cdn-update-check.example", TRUE, "C2 domain" },
                                { "sha256", "#kx7-loader", TRUE, "loader DLL" },
                                { "sha256", "#kx7-encryptor", TRUE, "encryptor" },
                                { "filename", "Remittance_advice_0911.xlsm", TRUE, "attachment" },
                                { "email", "accounts@ferrovia-remit.example", TRUE, "sender" },
                                { "account", "CORP\\svc_scan", FALSE, "credentials abused" }),
    .notes = NOTES (NOTE (CLASSIFICATION, 0.5, "l1-aisha", "FS01 shows thousands of renames "
                          "per minute from 10.10.30.14. Calling the L3 on call."),
                    NOTE (INVESTIGATION, 0.4, "l3-ir", "SMB sessions to FS01 come from "
                          "FIN-WS-014 using CORP\\svc_scan. EDR on FIN-WS-014 shows Excel "
                          "spawning rundll32 the day before."),
                    NOTE (CONTAINMENT, 0.2, "l3-ir", "Immutable copies of last night checked "
                          "by Maria: readable, 1.9 TB, taken at 20:00."),
                    NOTE (RESOLUTION, 0.6, "bc-leila", "Forensic report: no staging or "
                          "exfiltration traffic; encryptor ran only against FS01.")),
    .actions = ACTIONS (MEASURE (CONTAINMENT, 0.0, "isolation", "Isolate FS01 and "
                                 "FIN-WS-014 with the EDR", "FS01, FIN-WS-014", "seceng",
                                 "edr-eng", "removed", 120),
                        MEASURE (CONTAINMENT, 0.05, "block", "Block the C2 address and domain",
                                 "FW-MAN-01, PROXY01", "network", "fw-admin", "active", 0),
                        MEASURE (CONTAINMENT, 0.1, "password-reset", "Reset svc_scan and all "
                                 "Finance users' passwords", "CORP", "itops", "ad-admin",
                                 "active", 0),
                        TASK (CONTAINMENT, 0.3, "Forensic images of FS01 and FIN-WS-014",
                              "bastion", "bc-hana", "done", 10),
                        TASK (RESOLUTION, 0.05, "Restore the shares from the immutable "
                              "repository", "itops", "backup-admin", "done", 19),
                        TASK (RESOLUTION, 0.3, "Reimage FIN-WS-014", "servicedesk", "sd-liam",
                              "done", 4),
                        TASK (RESOLUTION, 0.5, "Block macros from the Internet by GPO",
                              "itops", "ad-admin", "done", 48)),
    .contacts = CONTACTS (CALL (CLASSIFICATION, 0.7, "l3-ir", NULL, "phone", "outbound",
                                "Woke Kwame (L3 on call); he takes the incident.", 0, FALSE),
                          CALL (INVESTIGATION, 0.1, "itops-lead", NULL, "phone", "outbound",
                                "Asked IT Operations to stand by to shut FS01 down.", 1, TRUE),
                          CALL (INVESTIGATION, 0.3, NULL, "bastion", "phone", "outbound",
                                "Retainer activated on the hotline, case BC-2291.", 4, TRUE),
                          CALL (INVESTIGATION, 0.5, "ciso", NULL, "phone", "outbound",
                                "Briefed the CISO; crisis cell at 08:00.", 0, FALSE),
                          CALL (CONTAINMENT, 0.4, "dpo", NULL, "meeting", "outbound",
                                "Assessed personal data on the Finance share: supplier bank "
                                "details, no customer data. No notification needed unless "
                                "exfiltration is found.", 72, TRUE),
                          CALL (RESOLUTION, 0.8, "cfo", NULL, "email", "outbound",
                                "Restore complete; 6 hours of Finance changes lost.", 0, FALSE)),
    .alerts = ALERTS ({ "wazuh", "87105", "Possible ransomware: mass file renaming on a file share",
                        "critical", "10.10.30.14", "10.10.2.20", 445, "TCP", "fs01", 4120 },
                      { "suricata", "2036502", "ET MALWARE Loader CnC Beacon over HTTPS (SNI)",
                        "high", "10.10.30.14", "203.0.113.77", 443, "TCP", "fin-ws", 58 },
                      { "wazuh", "92213", "Executable file dropped in folder commonly used by malware",
                        "high", NULL, "10.10.30.14", 0, NULL, "fin-ws", 1 }),
  },
  {
    .key = "ceo-fraud", .stage = CLOSED, .days_ago = 88, .occurred_hours = 3,
    .hours = { 0.3, 3, 2, 20 },
    .title = "Payment fraud attempt: fake CEO request for an urgent transfer",
    .description = "The accounts payable lead reported an email from \"Helena Marsh\" asking "
      "for a confidential transfer of €84,500 to a new supplier before the end of the day.",
    .severity = "high", .impact = 2, .urgency = 1, .category = "fraud", .tlp = "amber",
    .pap = "amber", .tier = "l2", .triage = "l1-lan", .assignee = "l2-lead", .team = "soc",
    .resolution = "true-positive", .impact_status = "no-impact",
    .summary = "Business email compromise attempt from a lookalike domain; no payment was "
      "made. The domain was reported and blocked; the CEO's out-of-office had been used "
      "to time the request.",
    .lessons = "The call-back rule for new beneficiaries worked; reminded Finance of it.",
    .assets = ASSETS ({ "m365", "not-compromised", NULL },
                      { "bank", "not-compromised", "No payment file created." }),
    .observables = OBSERVABLES ({ "domain", "kestrel-logistlcs.example", TRUE, "lookalike" },
                                { "email", "helena.marsh@kestrel-logistlcs.example", TRUE, NULL },
                                { "ip", "198.51.100.201", TRUE, "sending server" }),
    .notes = NOTES (NOTE (INVESTIGATION, 0.4, "l2-lead", "Headers: sent from "
                          "198.51.100.201, SPF pass for the lookalike domain registered 3 "
                          "days ago. Reply-to is a free mailbox.")),
    .actions = ACTIONS (MEASURE (CONTAINMENT, 0.2, "block", "Block the lookalike domain",
                                 "MX01", "itops", "linux-admin", "active", 0),
                        TASK (RESOLUTION, 0.3, "Search for other recipients of the campaign",
                              "soc", "l2-lead", "done", 2)),
    .contacts = CONTACTS (CALL (CLASSIFICATION, 0.5, "ap-lead", NULL, "phone", "inbound",
                                "Michael called the SOC with the suspicious request.", 0, FALSE),
                          CALL (INVESTIGATION, 0.5, "ceo", NULL, "phone", "outbound",
                                "Helena confirmed she sent no such request.", 0, FALSE)),
    .alerts = ALERTS ({ "thehive", "phish-report-5521", "User report: urgent confidential "
                        "transfer requested by the CEO", "high", "198.51.100.201", NULL, 25,
                        "TCP", "m365", 1 }),
  },
  {
    .key = "phishing-wave", .stage = CLOSED, .days_ago = 80, .occurred_hours = 2,
    .hours = { 0.5, 4, 8, 30 },
    .title = "Phishing wave impersonating the parcel tracking portal",
    .description = "Forty-two users received \"Your parcel is held\" emails linking to a "
      "copy of the tracking portal that asks for corporate credentials. Three users clicked; "
      "one entered a password.",
    .severity = "medium", .impact = 2, .urgency = 2, .category = "fraud", .tlp = "green",
    .pap = "green", .tier = "l2", .triage = "l1-mateo", .assignee = "l2-lead", .team = "soc",
    .resolution = "true-positive", .impact_status = "with-impact",
    .summary = "Credential phishing from a lookalike tracking domain. The messages were "
      "purged, the domain blocked and the one exposed password reset before any sign-in "
      "from outside. Takedown requested through the registrar.",
    .lessons = "Add the tracking portal's brand to the lookalike-domain watch.",
    .assets = ASSETS ({ "mx01", "not-compromised", NULL },
                      { "m365", "not-compromised", "No sign-in from the phishing "
                        "infrastructure." }),
    .observables = OBSERVABLES ({ "domain", "kestrel-track-parcel.example", TRUE, NULL },
                                { "url", "https://kestrel-track-parcel.example/held/login", TRUE, NULL },
                                { "ip", "192.0.2.144", TRUE, "phishing site" },
                                { "email", "noreply@kestrel-track-parcel.example", TRUE, NULL }),
    .notes = NOTES (NOTE (INVESTIGATION, 0.5, "l2-lead", "42 recipients, 3 clicks in proxy "
                          "logs, 1 POST to the form (Benoît Lambert).")),
    .actions = ACTIONS (MEASURE (CONTAINMENT, 0.1, "block", "Block the phishing domain",
                                 "PROXY01, MX01", "network", "fw-admin", "active", 0),
                        MEASURE (CONTAINMENT, 0.15, "password-reset", "Reset the password "
                                 "of the user who submitted the form", "idp", "itops",
                                 "cloud-eng", "active", 0),
                        TASK (CONTAINMENT, 0.2, "Purge the campaign from all mailboxes", "itops",
                              "cloud-eng", "done", 1),
                        TASK (RESOLUTION, 0.4, "Request takedown of the phishing site", "soc",
                              "l2-lead", "done", 20)),
    .contacts = CONTACTS (CALL (CONTAINMENT, 0.3, "hr-ops", NULL, "phone", "outbound",
                                "Told Benoît his password was reset and why.", 0, FALSE)),
    .alerts = ALERTS ({ "thehive", "phish-report-5603", "User report: parcel held, confirm "
                        "your account", "medium", "192.0.2.144", NULL, 25, "TCP", "mx01", 17 },
                      { "misp", "event-2231", "MISP: phishing kit infrastructure targeting "
                        "logistics brands", "medium", "192.0.2.144", NULL, 443, "TCP", NULL, 1 }),
  },
  {
    .key = "dup-report", .stage = CLOSED, .days_ago = 79, .occurred_hours = 20,
    .hours = { 1, 0, 0, 0 }, .closed_after = 1,
    .title = "Suspicious email reported by Lyon hub staff",
    .description = "Two users at the Lyon hub forwarded a \"parcel held\" email to the "
      "service desk.",
    .severity = "low", .impact = 3, .urgency = 3, .category = "fraud", .tlp = "green",
    .pap = "green", .tier = "l1", .triage = "l1-emma", .assignee = "l1-emma", .team = "soc",
    .resolution = "duplicate", .impact_status = "not-applicable",
    .summary = "Same campaign as the tracking portal phishing wave opened the day before; "
      "merged there.",
    .assets = ASSETS ({ "mx01", "not-compromised", NULL }),
    .observables = OBSERVABLES ({ "domain", "kestrel-track-parcel.example", TRUE, NULL }),
    .contacts = CONTACTS (CALL (CLASSIFICATION, 0.5, "sd-thomas", NULL, "email", "inbound",
                                "Service desk forwarded two user reports.", 0, FALSE)),
  },
  {
    .key = "vpn-spray", .stage = CLOSED, .days_ago = 70, .occurred_hours = 9,
    .hours = { 0.3, 3, 10, 48 },
    .title = "Password spraying against the remote access VPN",
    .description = "Wazuh raised 3,800 failed VPN sign-ins over six hours from a few dozen "
      "addresses, each trying common passwords against many accounts.",
    .severity = "high", .impact = 2, .urgency = 1, .category = "intrusion-attempts",
    .tlp = "amber", .pap = "green", .tier = "l2", .triage = "l1-lan", .assignee = "l2-marco",
    .team = "soc", .resolution = "true-positive", .impact_status = "no-impact",
    .summary = "Distributed password spraying; MFA stopped the two attempts where the "
      "password was right. Both accounts had their passwords reset; sign-ins from outside "
      "the UK and France now need number matching.",
    .lessons = "Two staff still used seasonal passwords: the password filter now rejects "
      "them.",
    .assets = ASSETS ({ "vpn01", "not-compromised", NULL },
                      { "idp", "not-compromised", "Two correct passwords, MFA denied." }),
    .observables = OBSERVABLES ({ "ip", "203.0.113.10", TRUE, NULL },
                                { "ip", "203.0.113.11", TRUE, NULL },
                                { "ip", "203.0.113.14", TRUE, NULL },
                                { "ip", "192.0.2.201", TRUE, NULL },
                                { "account", "j.mwangi", FALSE, "password correct, MFA denied" },
                                { "account", "l.hoffmann", FALSE, "password correct, MFA denied" }),
    .notes = NOTES (NOTE (INVESTIGATION, 0.6, "l2-marco", "Two accounts show a correct "
                          "password followed by a denied push; no session was created.")),
    .actions = ACTIONS (MEASURE (CONTAINMENT, 0.1, "block", "Block the spraying addresses",
                                 "FW-MAN-01", "network", "fw-admin", "removed", 336),
                        MEASURE (CONTAINMENT, 0.2, "password-reset", "Reset the two "
                                 "accounts", "idp", "itops", "ad-admin", "active", 0),
                        TASK (RESOLUTION, 0.3, "Require number matching outside UK/FR", "itops",
                              "cloud-eng", "done", 24)),
    .contacts = CONTACTS (CALL (CONTAINMENT, 0.3, "fleet", NULL, "phone", "outbound",
                                "Told Joseph to change his password; he had not approved "
                                "the push.", 0, FALSE),
                          CALL (CONTAINMENT, 0.4, "planner", NULL, "phone", "outbound",
                                "Same for Lena.", 0, FALSE)),
    .alerts = ALERTS ({ "wazuh", "81628", "VPN: multiple authentication failures for "
                        "different users from the same source", "high", "203.0.113.10",
                        "198.51.100.10", 443, "TCP", "vpn01", 1260 },
                      { "wazuh", "81628", "VPN: multiple authentication failures for "
                        "different users from the same source", "high", "203.0.113.11",
                        "198.51.100.10", 443, "TCP", "vpn01", 940 },
                      { "wazuh", "81628", "VPN: multiple authentication failures for "
                        "different users from the same source", "high", "192.0.2.201",
                        "198.51.100.10", 443, "TCP", "vpn01", 611 }),
  },
  {
    .key = "bucket-leak", .stage = CLOSED, .days_ago = 60, .occurred_hours = 900,
    .hours = { 0.2, 6, 2, 100 },
    .title = "Partner exchange bucket publicly listable",
    .description = "A security researcher wrote to security@ that the partner exchange "
      "bucket could be listed and read anonymously. It holds shipping manifests with "
      "consignee names and delivery addresses.",
    .severity = "high", .impact = 1, .urgency = 2, .category = "information-content-security",
    .tlp = "amber+strict", .pap = "amber", .tier = "l2", .triage = "l1-mateo",
    .assignee = "l2-olivier", .team = "soc", .raised_from = "medium",
    .resolution = "true-positive", .impact_status = "with-impact",
    .summary = "An access policy added during a customer onboarding 37 days earlier allowed "
      "anonymous listing. Access logs show the researcher and one unknown address "
      "downloading 212 manifests (about 9,000 consignees). Access was closed within 3 "
      "hours; the DPO notified the supervisory authority and the two customers concerned.",
    .lessons = "Bucket policies now go through change review and a daily check for public "
      "access runs in the cloud account.",
    .assets = ASSETS ({ "bucket", "compromised", "Personal data exposed for 37 days." }),
    .observables = OBSERVABLES ({ "ip", "192.0.2.201", TRUE, "unknown downloader" },
                                { "ip", "198.51.100.177", FALSE, "the researcher" },
                                { "email", "research@bughunter-mail.example", FALSE, "reporter" }),
    .notes = NOTES (NOTE (INVESTIGATION, 0.5, "l2-olivier", "Policy statement grants "
                          "s3:ListBucket and GetObject to \"*\"; added by a customer "
                          "onboarding script on 37 days ago."),
                    NOTE (RESOLUTION, 0.4, "dpo", "Notification sent to the supervisory "
                          "authority within 72 hours; customers informed.")),
    .actions = ACTIONS (MEASURE (CONTAINMENT, 0.1, "block", "Remove the public access "
                                 "statement", "partner exchange bucket", "itops", "cloud-eng",
                                 "active", 0),
                        TASK (RESOLUTION, 0.2, "Daily public-access check in the cloud account",
                              "seceng", "det-eng", "done", 30),
                        TASK (RESOLUTION, 0.3, "Notify the supervisory authority", "legal",
                              "dpo", "done", 40)),
    .contacts = CONTACTS (CALL (INVESTIGATION, 0.3, "cloud-eng", NULL, "phone", "outbound",
                                "Asked Oluwaseun to close the bucket now.", 1, TRUE),
                          CALL (INVESTIGATION, 0.7, "dpo", NULL, "meeting", "outbound",
                                "72-hour clock started at detection.", 48, TRUE),
                          CALL (RESOLUTION, 0.5, "kam", NULL, "email", "outbound",
                                "Sarah to inform the two customers with the DPO's letter.",
                                24, TRUE)),
    .alerts = ALERTS ({ "thehive", "ext-report-0412", "External report: partner exchange "
                        "bucket readable anonymously", "high", "198.51.100.177", NULL, 443,
                        "TCP", "bucket", 1 }),
  },
  {
    .key = "ddos-portal", .stage = CLOSED, .days_ago = 52, .occurred_hours = 0.3,
    .hours = { 0.2, 1, 6, 20 },
    .title = "DDoS on the customer tracking portal",
    .description = "The tracking portal became unreachable; LB01 showed 1.8 Mpps of "
      "UDP and a TCP SYN flood on 443.",
    .severity = "high", .impact = 1, .urgency = 1, .category = "availability", .tlp = "green",
    .pap = "green", .tier = "l2", .triage = "l1-aisha", .assignee = "l2-marco", .team = "soc",
    .resolution = "true-positive", .impact_status = "with-impact",
    .summary = "Volumetric DDoS (UDP reflection and SYN flood) for 3 h 20 min; the portal "
      "was down 55 minutes until the ISP scrubbing service was switched on. No intrusion.",
    .lessons = "Scrubbing is now always-on for the portal prefix; the customer service "
      "script for outages was missing.",
    .assets = ASSETS ({ "lb", "not-compromised", "Saturated, not breached." },
                      { "web01", "not-compromised", NULL }, { "web02", "not-compromised", NULL }),
    .observables = OBSERVABLES ({ "ip", "203.0.113.200", TRUE, "top reflector" },
                                { "other", "UDP/389 and UDP/11211 reflection", FALSE, NULL }),
    .actions = ACTIONS (MEASURE (CONTAINMENT, 0.1, "block", "ISP scrubbing for "
                                 "198.51.100.0/26", "ISP edge", "network", "net-callum",
                                 "active", 0),
                        MEASURE (CONTAINMENT, 0.2, "other", "Rate limiting on LB01", "LB01",
                                 "network", "net-callum", "removed", 30)),
    .contacts = CONTACTS (CALL (CONTAINMENT, 0.05, "net-lead", NULL, "phone", "outbound",
                                "Jean-Baptiste called the ISP for scrubbing.", 1, TRUE),
                          CALL (CONTAINMENT, 0.3, "cs-mgr", NULL, "chat", "outbound",
                                "Customer service informed; status page updated.", 0, FALSE)),
    .alerts = ALERTS ({ "suricata", "2019102", "ET DOS Possible SSDP Amplification Scan in "
                        "Progress", "high", "203.0.113.200", "198.51.100.20", 443, "UDP", "lb",
                        9800 },
                      { "zeek", "Conn::Syn_Flood", "SYN flood towards 198.51.100.20:443",
                        "high", "192.0.2.17", "198.51.100.20", 443, "TCP", "lb", 240 }),
  },
  {
    .key = "term-malware", .stage = CLOSED, .days_ago = 44, .occurred_hours = 26,
    .hours = { 0.5, 5, 6, 30 },
    .title = "Malware on Warrington warehouse terminal WAR-TERM-22",
    .description = "The EDR detected a USB worm on the dock 4 terminal after a driver's "
      "memory stick was used to print delivery notes.",
    .severity = "medium", .impact = 2, .urgency = 2, .category = "malicious-code",
    .tlp = "amber", .pap = "amber", .tier = "l2", .triage = "l1-jack", .assignee = "l2-fatima",
    .team = "soc", .resolution = "true-positive", .impact_status = "with-impact",
    .summary = "A USB worm ran on WAR-TERM-22 and tried to spread over SMB to the warehouse "
      "VLAN, which blocks SMB between terminals. Terminal reimaged; dock 4 printed from "
      "dock 3 for a shift.",
    .lessons = "USB storage is now blocked on warehouse terminals by the MDM profile.",
    .assets = ASSETS ({ "war-term", "compromised", "Reimaged." },
                      { "wms-app", "not-compromised", NULL }),
    .observables = OBSERVABLES ({ "sha256", "#usb-worm", TRUE, NULL },
                                { "filename", "DeliveryNotes.lnk", TRUE, NULL },
                                { "hostname", "war-term-22" CORP, FALSE, NULL }),
    .actions = ACTIONS (MEASURE (CONTAINMENT, 0.05, "isolation", "Isolate WAR-TERM-22",
                                 "WAR-TERM-22", "seceng", "edr-eng", "removed", 30),
                        TASK (RESOLUTION, 0.2, "Reimage WAR-TERM-22", "servicedesk",
                              "sd-zainab", "done", 3),
                        TASK (RESOLUTION, 0.4, "Block USB storage on terminals", "servicedesk",
                              "sd-lead", "done", 20)),
    .contacts = CONTACTS (CALL (CONTAINMENT, 0.1, "war-site", NULL, "phone", "outbound",
                                "Paul moved dock 4 printing to dock 3.", 0, FALSE)),
    .alerts = ALERTS ({ "wazuh", "92213", "Executable file dropped in folder commonly used by malware",
                        "high", NULL, "10.30.40.22", 0, NULL, "war-term", 3 },
                      { "suricata", "2027867", "ET POLICY SMB2 NT Create AndX Request For an "
                        "Executable File", "medium", "10.30.40.22", "10.30.40.23", 445, "TCP",
                        "war-term", 12 }),
  },
  {
    .key = "insider", .stage = CLOSED, .days_ago = 35, .occurred_hours = 60,
    .hours = { 0.5, 30, 10, 120 },
    .title = "Departing sales employee copied the customer list to personal storage",
    .description = "A key account manager who resigned last week uploaded 1.3 GB from the "
      "CRM export folder to a personal file-sharing account.",
    .severity = "high", .impact = 1, .urgency = 2, .category = "information-content-security",
    .tlp = "red", .pap = "red", .tier = "l3", .triage = "l1-lan", .assignee = "l3-hunt",
    .team = "soc", .escalated_from = "l2",
    .escalation_reason = "Insider case: HR and Legal involved; need-to-know only.",
    .resolution = "true-positive", .impact_status = "with-impact",
    .summary = "Confirmed upload of CRM exports (customer contacts and price lists) to a "
      "personal account. Legal obtained an undertaking and proof of deletion; access was "
      "removed on the last day.",
    .lessons = "Leavers in sales now lose export rights when they resign, not when they "
      "leave.",
    .assets = ASSETS ({ "crm", "compromised", "Exports copied out." },
                      { "proxy", "not-compromised", NULL }),
    .observables = OBSERVABLES ({ "domain", "files.personal-drive.example", FALSE, NULL },
                                { "account", "former KAM (name withheld)", FALSE, NULL }),
    .notes = NOTES (NOTE (INVESTIGATION, 0.5, "l3-hunt", "Proxy logs: 41 uploads over two "
                          "evenings; file names match CRM exports.")),
    .actions = ACTIONS (TASK (CONTAINMENT, 0.2, "Remove CRM export rights", "apps", "apps-lead",
                              "done", 1),
                        TASK (RESOLUTION, 0.3, "Letter and undertaking", "legal", "legal-dir",
                              "done", 72)),
    .contacts = CONTACTS (CALL (INVESTIGATION, 0.6, "hr-dir", NULL, "meeting", "outbound",
                                "HR and Legal briefed; no contact with the employee yet.", 24,
                                TRUE),
                          CALL (RESOLUTION, 0.5, "legal-dir", NULL, "email", "inbound",
                                "Undertaking signed; deletion certified.", 0, FALSE)),
    .alerts = ALERTS ({ "zeek", "HTTP::Large_Upload", "Large upload (1.3 GB) to "
                        "files.personal-drive.example", "medium", "10.40.21.12", "203.0.113.140",
                        443, "TCP", NULL, 41 }),
  },
  {
    .key = "travel-fp", .stage = CLOSED, .days_ago = 28, .occurred_hours = 1,
    .hours = { 0.5, 3, 0, 0 }, .closed_after = 2,
    .title = "Impossible travel sign-in for an HR business partner",
    .description = "The identity provider flagged sign-ins for Aaliyah Johnson from "
      "Manchester and, 40 minutes later, from Lisbon.",
    .severity = "medium", .impact = 2, .urgency = 2, .category = "intrusions", .tlp = "amber",
    .pap = "amber", .tier = "l1", .triage = "l1-aisha", .assignee = "l1-aisha", .team = "soc",
    .resolution = "false-positive", .impact_status = "no-impact",
    .summary = "The second sign-in came through the mobile carrier's egress in Lisbon while "
      "the user travelled; same device, compliant, MFA by number matching.",
    .assets = ASSETS ({ "idp", "not-compromised", NULL }, { "hr-lt", "not-compromised", NULL }),
    .observables = OBSERVABLES ({ "ip", "198.51.100.150", FALSE, "mobile carrier egress" },
                                { "account", "a.johnson", FALSE, NULL }),
    .contacts = CONTACTS (CALL (INVESTIGATION, 0.4, "hrbp", NULL, "chat", "outbound",
                                "Aaliyah confirmed she was on her phone at Lisbon airport.", 0,
                                FALSE)),
    .alerts = ALERTS ({ "wazuh", "91550", "Identity provider: impossible travel", "medium",
                        "198.51.100.150", NULL, 443, "TCP", "idp", 1 }),
  },
  {
    .key = "cred-stuffing", .stage = CLOSED, .days_ago = 20, .occurred_hours = 14,
    .hours = { 0.5, 4, 12, 50 },
    .title = "Credential stuffing against customer portal accounts",
    .description = "Login failures on the tracking portal rose from 300 to 48,000 an hour, "
      "from residential proxies, with a 0.1 % success rate.",
    .severity = "high", .impact = 2, .urgency = 1, .category = "intrusion-attempts",
    .tlp = "amber", .pap = "amber", .tier = "l2", .triage = "l1-emma", .assignee = "l2-olivier",
    .team = "soc", .resolution = "true-positive", .impact_status = "with-impact",
    .summary = "Reused passwords from third-party breaches gave access to 14 customer "
      "accounts (shipment history only, no payment data). Sessions revoked, passwords "
      "reset, customers informed; bot protection and MFA offered on the portal.",
    .assets = ASSETS ({ "web01", "not-compromised", NULL }, { "web02", "not-compromised", NULL },
                      { "portal-db", "not-compromised", "Accessed through valid logins only." }),
    .observables = OBSERVABLES ({ "ip", "203.0.113.90", TRUE, NULL },
                                { "ip", "203.0.113.91", TRUE, NULL },
                                { "other", "python-requests/2.31 user agent", FALSE, NULL }),
    .actions = ACTIONS (MEASURE (CONTAINMENT, 0.2, "block", "Bot protection challenge on "
                                 "/login", "LB01", "network", "net-callum", "active", 0),
                        MEASURE (CONTAINMENT, 0.3, "password-reset", "Reset the 14 customer "
                                 "accounts", "portal", "sales", "portal-po", "active", 0),
                        TASK (RESOLUTION, 0.5, "Offer MFA on the customer portal", "sales",
                              "portal-po", "done", 40)),
    .contacts = CONTACTS (CALL (CONTAINMENT, 0.4, "portal-po", NULL, "meeting", "outbound",
                                "Agreed the customer message with Arjun and the DPO.", 24, TRUE)),
    .alerts = ALERTS ({ "wazuh", "31151", "Web server: multiple login failures on /login",
                        "high", "203.0.113.90", "172.16.10.31", 443, "TCP", "web01", 21000 },
                      { "wazuh", "31151", "Web server: multiple login failures on /login",
                        "high", "203.0.113.91", "172.16.10.32", 443, "TCP", "web02", 19400 }),
  },
  {
    .key = "dns-fp", .stage = CLOSED, .days_ago = 15, .occurred_hours = 48,
    .hours = { 0.6, 5, 0, 0 }, .closed_after = 2,
    .title = "Possible DNS tunnelling from the print server",
    .description = "Zeek flagged long, high-entropy DNS queries from PRT01.",
    .severity = "medium", .impact = 3, .urgency = 2, .category = "malicious-code",
    .tlp = "green", .pap = "green", .tier = "l2", .triage = "l1-lan", .assignee = "l2-fatima",
    .team = "soc", .resolution = "false-positive", .impact_status = "no-impact",
    .summary = "Telemetry of the printer fleet management agent, which encodes counters in "
      "subdomains of the vendor's domain.",
    .lessons = "Vendor domain added to the DNS analytics allow list.",
    .assets = ASSETS ({ "prt01", "not-compromised", NULL }),
    .observables = OBSERVABLES ({ "domain", "telemetry.printfleet-vendor.example", FALSE, NULL }),
    .alerts = ALERTS ({ "zeek", "DNS::Long_Query", "Long high-entropy DNS queries to "
                        "telemetry.printfleet-vendor.example", "medium", "10.10.1.70",
                        "10.10.1.10", 53, "UDP", "prt01", 880 }),
  },
  {
    .key = "mfa-fatigue", .stage = CLOSED, .days_ago = 9, .occurred_hours = 0.5,
    .hours = { 0.2, 1, 3, 40 },
    .title = "MFA push fatigue attack on a finance account",
    .description = "A treasury analyst approved the ninth push notification after "
      "a burst of requests; the identity provider raised a risky sign-in.",
    .severity = "high", .impact = 1, .urgency = 1, .category = "intrusions",
    .tlp = "amber+strict", .pap = "amber", .tier = "l2", .triage = "l1-aisha",
    .assignee = "l2-marco", .team = "soc", .resolution = "true-positive",
    .impact_status = "with-impact",
    .summary = "The password came from an earlier infostealer infection of a personal "
      "computer. The attacker read the mailbox for 22 minutes and created a forwarding "
      "rule; sessions were revoked, the rule removed and the account moved to number "
      "matching.",
    .assets = ASSETS ({ "m365", "compromised", "Mailbox read; forwarding rule removed." },
                      { "idp", "not-compromised", NULL }),
    .observables = OBSERVABLES ({ "ip", "203.0.113.33", TRUE, NULL },
                                { "account", "l.na", FALSE, NULL },
                                { "email", "ledger.sync@free-mail.example", TRUE,
                                  "forwarding target" }),
    .actions = ACTIONS (MEASURE (CONTAINMENT, 0.05, "password-reset", "Revoke sessions and "
                                 "reset the password", "l.na", "itops", "cloud-eng", "active", 0),
                        TASK (CONTAINMENT, 0.2, "Remove the forwarding rule", "itops",
                              "cloud-eng", "done", 0.5),
                        TASK (RESOLUTION, 0.2, "Check what the forwarded mail contained",
                              "soc", "l2-marco", "done", 6)),
    .contacts = CONTACTS (CALL (CONTAINMENT, 0.1, "treasury", NULL, "phone", "outbound",
                                "Li Na confirmed she approved a push by mistake.", 0, FALSE)),
    .alerts = ALERTS ({ "wazuh", "91545", "Identity provider: MFA push bombing (9 requests in 5 "
                        "minutes)", "high", "203.0.113.33", NULL, 443, "TCP", "idp", 9 },
                      { "wazuh", "91560", "Mailbox: new inbox rule forwards to an external "
                        "address", "high", "203.0.113.33", NULL, 443, "TCP", "m365", 1 }),
  },

  /* ---- resolution ---------------------------------------------------- */
  {
    .key = "kerberoast", .stage = RESOLUTION, .days_ago = 11, .occurred_hours = 20,
    .hours = { 0.3, 12, 30, 0 },
    .title = "Kerberoasting of service accounts from an HR laptop",
    .description = "DC01 logged 160 service ticket requests with RC4 encryption from "
      "HR-LT-007 in two minutes.",
    .severity = "critical", .impact = 1, .urgency = 1, .category = "intrusions",
    .tlp = "amber+strict", .pap = "red", .tier = "l3", .triage = "l1-jack", .assignee = "l3-ir",
    .team = "soc", .raised_from = "high", .escalated_from = "l2",
    .escalation_reason = "Credential theft aimed at Tier 0.",
    .assets = ASSETS ({ "hr-lt", "compromised", "Infostealer; reimaged." },
                      { "dc01", "not-compromised", NULL },
                      { "pam", "not-compromised", NULL },
                      { "erp-db", "unknown", "svc_erp_sql password was crackable." }),
    .observables = OBSERVABLES ({ "hostname", "hr-lt-007" CORP, FALSE, NULL },
                                { "account", "CORP\\svc_erp_sql", FALSE, "weak password" },
                                { "account", "CORP\\svc_backup", FALSE, NULL },
                                { "sha256", "#rubeus-like", TRUE, NULL }),
    .notes = NOTES (NOTE (INVESTIGATION, 0.4, "l3-ir", "4769 events with ticket encryption "
                          "0x17 for 160 SPNs from 10.10.21.107. EDR: unsigned binary in "
                          "%TEMP% run by the user."),
                    NOTE (CONTAINMENT, 0.6, "ad-admin", "Passwords of the 12 service accounts "
                          "with SPNs rotated (25+ characters)."),
                    NOTE (RESOLUTION, 0.3, "l3-ir", "Moving SQL and backup services to gMSA; "
                          "RC4 to be disabled after the ERP test.")),
    .actions = ACTIONS (MEASURE (CONTAINMENT, 0.05, "isolation", "Isolate HR-LT-007",
                                 "HR-LT-007", "seceng", "edr-eng", "removed", 48),
                        MEASURE (CONTAINMENT, 0.2, "password-reset", "Rotate all service "
                                 "account passwords", "CORP", "itops", "ad-admin", "active", 0),
                        MEASURE (CONTAINMENT, 0.3, "monitoring", "Alert on RC4 service "
                                 "tickets", "SIEM", "seceng", "det-eng", "active", 0),
                        TASK (RESOLUTION, 0.2, "Move SQL and backup services to gMSA", "itops",
                              "ad-admin", "in-progress", 0),
                        TASK (RESOLUTION, 0.4, "Disable RC4 for Kerberos after ERP test",
                              "itops", "ad-admin", "todo", 0)),
    .contacts = CONTACTS (CALL (CONTAINMENT, 0.1, "ad-admin", NULL, "phone", "outbound",
                                "Anil to rotate service accounts tonight.", 12, TRUE),
                          CALL (RESOLUTION, 0.2, "erp-lead", NULL, "email", "outbound",
                                "Need an ERP test window for disabling RC4.", 48, FALSE)),
    .alerts = ALERTS ({ "wazuh", "60310", "Windows: Kerberos service ticket requested with "
                        "RC4 encryption (possible Kerberoasting)", "high", "10.10.21.107",
                        "10.10.1.10", 88, "TCP", "dc01", 160 }),
  },
  {
    .key = "rdp-exposed", .stage = RESOLUTION, .days_ago = 8, .occurred_hours = 50,
    .hours = { 0.5, 4, 8, 0 },
    .title = "RDP of the Lyon jump host exposed to the Internet after a firewall change",
    .description = "Suricata saw RDP brute force against 198.51.100.70:3389, a NAT rule "
      "added to FW-LYS-01 for the WMS vendor two days earlier.",
    .severity = "high", .impact = 2, .urgency = 1, .category = "vulnerable", .tlp = "amber",
    .pap = "amber", .tier = "l2", .triage = "l1-mateo", .assignee = "l2-fatima", .team = "soc",
    .assets = ASSETS ({ "lys-jump", "not-compromised", "No successful logon from outside." },
                      { "fw-lys", "not-compromised", NULL }),
    .observables = OBSERVABLES ({ "ip", "203.0.113.60", TRUE, NULL },
                                { "ip", "203.0.113.61", TRUE, NULL }),
    .actions = ACTIONS (MEASURE (CONTAINMENT, 0.1, "block", "Remove the NAT rule", "FW-LYS-01",
                                 "network", "fw-admin", "active", 0),
                        TASK (RESOLUTION, 0.2, "Vendor access through the VPN with MFA",
                              "network", "fw-admin", "in-progress", 0),
                        TASK (RESOLUTION, 0.3, "Firewall change review to include security",
                              "network", "net-lead", "todo", 0)),
    .contacts = CONTACTS (CALL (RESOLUTION, 0.3, "net-lead", NULL, "meeting", "outbound",
                                "Change process to be reviewed at next CAB.", 96, FALSE)),
    .alerts = ALERTS ({ "suricata", "2001330", "ET POLICY RDP connection confirm", "medium",
                        "203.0.113.60", "198.51.100.70", 3389, "TCP", "lys-jump", 3300 },
                      { "wazuh", "60204", "Windows: multiple logon failures", "high",
                        "203.0.113.61", "10.20.99.50", 3389, "TCP", "lys-jump", 2900 }),
  },
  {
    .key = "payroll-fraud", .stage = RESOLUTION, .days_ago = 6, .occurred_hours = 30,
    .hours = { 0.5, 10, 6, 0 },
    .title = "Fraudulent bank detail change request in payroll",
    .description = "Payroll received an email from a driver asking to change his bank "
      "account before the monthly run; the driver says he never sent it.",
    .severity = "medium", .impact = 2, .urgency = 2, .category = "fraud", .tlp = "amber",
    .pap = "amber", .tier = "l2", .triage = "l1-lan", .assignee = "l2-lead", .team = "soc",
    .assets = ASSETS ({ "payroll", "not-compromised", "Change not applied." }),
    .observables = OBSERVABLES ({ "email", "t.driver.kestrel@free-mail.example", TRUE, NULL },
                                { "other", "IBAN FR76 **** 0457 (mule account)", TRUE, NULL }),
    .actions = ACTIONS (TASK (RESOLUTION, 0.3, "Call-back verification for bank detail "
                              "changes", "finance", "payroll-mgr", "in-progress", 0)),
    .contacts = CONTACTS (CALL (INVESTIGATION, 0.4, "payroll-mgr", NULL, "phone", "inbound",
                                "Grace flagged the request; change on hold.", 0, FALSE),
                          CALL (RESOLUTION, 0.2, "payroll-mgr", NULL, "email", "outbound",
                                "Asked for the new call-back procedure draft.", 24, FALSE)),
    .alerts = ALERTS ({ "thehive", "phish-report-5840", "User report: bank detail change "
                        "request", "medium", NULL, NULL, 0, NULL, "payroll", 1 }),
  },
  {
    .key = "inbox-rule", .stage = RESOLUTION, .days_ago = 5, .occurred_hours = 70,
    .hours = { 0.3, 6, 10, 0 },
    .title = "Malicious inbox forwarding rule on a sales mailbox",
    .description = "A rule named \".\" forwarded invoices from a sales mailbox to an external "
      "address for three days.",
    .severity = "high", .impact = 2, .urgency = 1, .category = "intrusions",
    .tlp = "amber+strict", .pap = "amber", .tier = "l2", .triage = "l1-emma",
    .assignee = "l2-olivier", .team = "soc",
    .assets = ASSETS ({ "m365", "compromised", "Mailbox of the sales operations analyst." },
                      { "crm", "unknown", NULL }),
    .observables = OBSERVABLES ({ "email", "invoices.archive@free-mail.example", TRUE, NULL },
                                { "ip", "192.0.2.45", TRUE, "sign-in" },
                                { "account", "v.cruz", FALSE, NULL }),
    .actions = ACTIONS (MEASURE (CONTAINMENT, 0.05, "password-reset", "Revoke sessions and "
                                 "reset", "v.cruz", "itops", "cloud-eng", "active", 0),
                        TASK (RESOLUTION, 0.2, "List customers whose invoices were forwarded",
                              "sales", "sales-ops", "in-progress", 0)),
    .contacts = CONTACTS (CALL (RESOLUTION, 0.1, "kam", NULL, "phone", "outbound",
                                "Warn customers about possible fake invoices.", 20, FALSE)),
    .alerts = ALERTS ({ "wazuh", "91560", "Mailbox: new inbox rule forwards to an external "
                        "address", "high", "192.0.2.45", NULL, 443, "TCP", "m365", 1 }),
  },

  /* ---- containment ---------------------------------------------------- */
  {
    .key = "loader-lyon", .stage = CONTAINMENT, .days_ago = 3, .occurred_hours = 12,
    .hours = { 0.2, 6, 0, 0 },
    .title = "Loader malware beaconing from Lyon customer service PCs",
    .description = "Two customer service workstations in Lyon beacon every 60 seconds to an "
      "address listed by the sector ISAC as a loader C2. The loader arrived in a fake "
      "delivery complaint with a ZIP attachment.",
    .severity = "critical", .impact = 1, .urgency = 1, .category = "malicious-code",
    .tlp = "amber+strict", .pap = "amber", .tier = "csirt", .triage = "l1-mateo",
    .assignee = "l3-ir", .team = "soc", .escalated_from = "l3",
    .escalation_reason = "Loader known to hand over to ransomware operators; retainer "
      "activated.",
    .assets = ASSETS ({ "cs-ws31", "compromised", "Isolated." },
                      { "cs-ws44", "compromised", "Isolated." },
                      { "fs02", "tbd", "Shares mapped on both PCs." },
                      { "dc02", "tbd", NULL }),
    .observables = OBSERVABLES ({ "ip", "203.0.113.121", TRUE, "C2" },
                                { "domain", "parcel-claims-portal.example", TRUE, NULL },
                                { "sha256", "#lyon-loader", TRUE, NULL },
                                { "filename", "Reclamation_colis_4471.zip", TRUE, NULL }),
    .notes = NOTES (NOTE (INVESTIGATION, 0.5, "l3-ir", "Same attachment reached 9 mailboxes; "
                          "2 opened it. Beacon interval 60 s with jitter."),
                    NOTE (CONTAINMENT, 0.3, "bc-oscar", "Bastion reviewing EDR telemetry of "
                          "the two hosts; no lateral movement so far.")),
    .actions = ACTIONS (MEASURE (CONTAINMENT, 0.02, "isolation", "Isolate CS-LYS-WS-031 and "
                                 "044", "CS-LYS-WS-031, CS-LYS-WS-044", "seceng", "edr-eng",
                                 "active", 0),
                        MEASURE (CONTAINMENT, 0.05, "block", "Block the C2 address and domain",
                                 "FW-LYS-01, PROXY01", "network", "fw-admin", "active", 0),
                        MEASURE (CONTAINMENT, 0.1, "monitoring", "Watch FS02 for mass "
                                 "modifications", "FS02", "seceng", "det-eng", "active", 0),
                        TASK (CONTAINMENT, 0.3, "Purge the attachment from all mailboxes",
                              "itops", "cloud-eng", "done", 2),
                        TASK (CONTAINMENT, 0.4, "Collect memory images of both PCs", "bastion",
                              "bc-hana", "in-progress", 0),
                        TASK (CONTAINMENT, 0.5, "Reset passwords of the two users", "itops",
                              "ad-admin", "todo", 0)),
    .contacts = CONTACTS (CALL (INVESTIGATION, 0.6, NULL, "bastion", "phone", "outbound",
                                "Retainer activated, case BC-2417; Oscar on duty.", 6, TRUE),
                          CALL (CONTAINMENT, 0.2, "cs-mgr", NULL, "phone", "outbound",
                                "Isabelle informed; two agents moved to spare PCs.", 0, FALSE),
                          CALL (CONTAINMENT, 0.3, "bc-oscar", NULL, "email", "outbound",
                                "Sent EDR exports; waiting for the first findings.", 8, FALSE),
                          CALL (CONTAINMENT, 0.9, "ciso", NULL, "meeting", "outbound",
                                "Daily point with the CISO at 17:00.", 20, FALSE)),
    .alerts = ALERTS ({ "misp", "event-2488", "MISP: loader C2 infrastructure (sector ISAC)",
                        "high", "10.20.21.31", "203.0.113.121", 443, "TCP", "cs-ws31", 1 },
                      { "suricata", "2036502", "ET MALWARE Loader CnC Beacon over HTTPS (SNI)",
                        "critical", "10.20.21.31", "203.0.113.121", 443, "TCP", "cs-ws31", 2900 },
                      { "suricata", "2036502", "ET MALWARE Loader CnC Beacon over HTTPS (SNI)",
                        "critical", "10.20.21.44", "203.0.113.121", 443, "TCP", "cs-ws44", 2650 }),
  },
  {
    .key = "vpn-two-countries", .stage = CONTAINMENT, .days_ago = 2, .occurred_hours = 2,
    .hours = { 0.3, 5, 0, 0 },
    .title = "VPN sessions from two countries for an IT administrator account",
    .description = "The account of the virtualisation engineer had a VPN session from "
      "Manchester and another from an unknown hosting provider at the same time.",
    .severity = "high", .impact = 1, .urgency = 2, .category = "intrusions",
    .tlp = "amber+strict", .pap = "amber", .tier = "l2", .triage = "l1-jack",
    .assignee = "l2-marco", .team = "soc",
    .assets = ASSETS ({ "vpn01", "not-compromised", NULL }, { "pam", "tbd", NULL },
                      { "vcenter", "tbd", "Admin account has vCenter rights." }),
    .observables = OBSERVABLES ({ "ip", "192.0.2.230", TRUE, "hosting provider" },
                                { "account", "p.nowak-adm", FALSE, NULL }),
    .notes = NOTES (NOTE (INVESTIGATION, 0.5, "l2-marco", "Second session lasted 14 min; "
                          "PAM01 shows no session for the account in that window.")),
    .actions = ACTIONS (MEASURE (CONTAINMENT, 0.05, "password-reset", "Disable p.nowak-adm "
                                 "and revoke VPN sessions", "idp, VPN01", "itops", "ad-admin",
                                 "active", 0),
                        MEASURE (CONTAINMENT, 0.1, "block", "Block 192.0.2.230", "FW-MAN-01",
                                 "network", "fw-admin", "active", 0),
                        TASK (CONTAINMENT, 0.3, "Review vCenter events for the account",
                              "itops", "virt-eng", "in-progress", 0)),
    .contacts = CONTACTS (CALL (CONTAINMENT, 0.1, "virt-eng", NULL, "phone", "outbound",
                                "Piotr was connected from home only; his token app shows an "
                                "approval he does not remember.", 0, FALSE),
                          CALL (CONTAINMENT, 0.3, "itops-lead", NULL, "email", "outbound",
                                "Need the vCenter audit export.", 4, FALSE)),
    .alerts = ALERTS ({ "wazuh", "81640", "VPN: concurrent sessions from distant locations",
                        "high", "192.0.2.230", "198.51.100.10", 443, "TCP", "vpn01", 1 }),
  },
  {
    .key = "esxi-exploit", .stage = CONTAINMENT, .days_ago = 4, .occurred_hours = 10,
    .hours = { 0.5, 8, 0, 0 },
    .title = "Exploitation attempts against the ESXi OpenSLP service",
    .description = "Zeek saw connections to TCP 427 on the ESXi management addresses from a "
      "compromised supplier VPN account.",
    .severity = "high", .impact = 1, .urgency = 2, .category = "intrusion-attempts",
    .tlp = "amber", .pap = "amber", .tier = "l3", .triage = "l1-lan", .assignee = "l3-hunt",
    .team = "soc", .escalated_from = "l2",
    .escalation_reason = "Hypervisors are Tier 0.",
    .assets = ASSETS ({ "man-esx01", "tbd", NULL }, { "man-esx02", "tbd", NULL },
                      { "lys-esx01", "not-compromised", "Not reachable from the VPN pool." }),
    .observables = OBSERVABLES ({ "ip", "10.10.200.41", FALSE, "VPN pool address" },
                                { "account", "ext-wmsvendor-02", FALSE, "supplier account" }),
    .actions = ACTIONS (MEASURE (CONTAINMENT, 0.05, "block", "Block TCP 427 to the management "
                                 "VLAN", "SW-MAN-CORE01", "network", "net-callum", "active", 0),
                        MEASURE (CONTAINMENT, 0.1, "password-reset", "Disable the supplier "
                                 "account", "idp", "itops", "ad-admin", "active", 0),
                        TASK (CONTAINMENT, 0.2, "Disable SLP on every ESXi host", "itops",
                              "virt-eng", "done", 3),
                        TASK (CONTAINMENT, 0.4, "Check host integrity (VIBs, crontabs)",
                              "itops", "virt-eng", "in-progress", 0)),
    .contacts = CONTACTS (CALL (CONTAINMENT, 0.2, "apps-lead", NULL, "phone", "outbound",
                                "Nadia to contact the WMS vendor about their account.", 6,
                                FALSE)),
    .alerts = ALERTS ({ "zeek", "Conn::Mgmt_Access", "Connection to ESXi SLP (427/tcp) from "
                        "the VPN pool", "high", "10.10.200.41", "10.10.99.21", 427, "TCP",
                        "man-esx01", 7 },
                      { "suricata", "2032301", "ET EXPLOIT VMware ESXi OpenSLP Heap Overflow "
                        "Attempt", "critical", "10.10.200.41", "10.10.99.22", 427, "TCP",
                        "man-esx02", 2 }),
  },
  {
    .key = "finance-upload", .stage = CONTAINMENT, .days_ago = 1.5, .occurred_hours = 3,
    .hours = { 0.5, 4, 0, 0 },
    .title = "Large upload to an unknown file-sharing site from the finance VLAN",
    .description = "Zeek saw 2.4 GB uploaded from FIN-WS-014 to a file-sharing service never "
      "seen before on the network.",
    .severity = "medium", .impact = 2, .urgency = 2, .category = "information-content-security",
    .tlp = "amber", .pap = "amber", .tier = "l2", .triage = "l1-aisha", .assignee = "l2-fatima",
    .team = "soc",
    .assets = ASSETS ({ "fin-ws", "tbd", NULL }, { "fs01", "unknown", NULL }),
    .observables = OBSERVABLES ({ "domain", "bigfiles-transfer.example", FALSE, NULL },
                                { "ip", "198.51.100.222", FALSE, NULL }),
    .actions = ACTIONS (MEASURE (CONTAINMENT, 0.1, "block", "Block bigfiles-transfer.example",
                                 "PROXY01", "network", "fw-admin", "active", 0),
                        TASK (CONTAINMENT, 0.3, "Identify the files uploaded", "soc",
                              "l2-fatima", "in-progress", 0)),
    .contacts = CONTACTS (CALL (CONTAINMENT, 0.2, "ap-lead", NULL, "phone", "outbound",
                                "Michael thinks it is the auditors' year-end extract; he "
                                "will confirm.", 3, FALSE),
                          CALL (CONTAINMENT, 0.8, "controller", NULL, "email", "outbound",
                                "Asked Claire whether the auditors requested this transfer.",
                                30, FALSE)),
    .alerts = ALERTS ({ "zeek", "HTTP::Large_Upload", "Large upload (2.4 GB) to "
                        "bigfiles-transfer.example", "medium", "10.10.30.14", "198.51.100.222",
                        443, "TCP", "fin-ws", 1 }),
  },

  /* ---- investigation -------------------------------------------------- */
  {
    .key = "ssh-brute", .stage = INVESTIGATION, .days_ago = 1, .occurred_hours = 8,
    .hours = { 0.4, 0, 0, 0 },
    .title = "SSH brute force against the customer portal web servers",
    .description = "Wazuh reports thousands of failed SSH logins on WEB01 and WEB02 from a "
      "cloud provider range. SSH should not be reachable from the Internet.",
    .severity = "medium", .impact = 2, .urgency = 2, .category = "intrusion-attempts",
    .tlp = "green", .pap = "green", .tier = "l2", .triage = "l1-emma", .assignee = "l2-olivier",
    .team = "soc",
    .assets = ASSETS ({ "web01", "tbd", NULL }, { "web02", "tbd", NULL },
                      { "lb", "tbd", "Was SSH forwarded by mistake?" }),
    .observables = OBSERVABLES ({ "ip", "203.0.113.150", TRUE, NULL },
                                { "ip", "203.0.113.151", TRUE, NULL }),
    .notes = NOTES (NOTE (INVESTIGATION, 0.3, "l2-olivier", "Failures only for root, admin "
                          "and ubuntu; no success. Checking the LB01 virtual servers.")),
    .contacts = CONTACTS (CALL (INVESTIGATION, 0.4, "net-callum", NULL, "chat", "outbound",
                                "Asked whether LB01 forwards TCP 22.", 2, FALSE)),
    .alerts = ALERTS ({ "wazuh", "5712", "sshd: brute force trying to get access to the system",
                        "medium", "203.0.113.150", "172.16.10.31", 22, "TCP", "web01", 4100 },
                      { "wazuh", "5712", "sshd: brute force trying to get access to the system",
                        "medium", "203.0.113.151", "172.16.10.32", 22, "TCP", "web02", 3900 }),
  },
  {
    .key = "excel-powershell", .stage = INVESTIGATION, .days_ago = 0.8, .occurred_hours = 0.3,
    .hours = { 0.3, 0, 0, 0 },
    .title = "Encoded PowerShell launched by Excel on an accounts payable workstation",
    .description = "The EDR blocked an encoded PowerShell command started by Excel on "
      "FIN-WS-014, the workstation involved in the FS01 ransomware three months ago.",
    .severity = "high", .impact = 2, .urgency = 1, .category = "malicious-code",
    .tlp = "amber", .pap = "amber", .tier = "l2", .triage = "l1-lan", .assignee = "l2-lead",
    .team = "soc", .raised_from = "medium",
    .assets = ASSETS ({ "fin-ws", "tbd", NULL }),
    .observables = OBSERVABLES ({ "sha256", "#ap-invoice-xlsm", TRUE, NULL },
                                { "filename", "Statement_overdue_Q4.xlsm", TRUE, NULL },
                                { "url", "https://invoice-docs-share.example/s/q4", TRUE, NULL }),
    .notes = NOTES (NOTE (INVESTIGATION, 0.5, "l2-lead", "Macro policy blocked the first "
                          "file; this one came from a partner SharePoint link, so it was "
                          "trusted. EDR killed the process.")),
    .actions = ACTIONS (TASK (INVESTIGATION, 0.6, "Find other recipients of the link",
                              "soc", "l1-lan", "in-progress", 0)),
    .contacts = CONTACTS (CALL (INVESTIGATION, 0.5, "ap-clerk", NULL, "phone", "outbound",
                                "Jakub opened the file from a supplier email.", 0, FALSE)),
    .alerts = ALERTS ({ "wazuh", "92057", "Powershell process spawned by Excel with encoded "
                        "command", "high", NULL, "10.10.30.14", 0, NULL, "fin-ws", 1 }),
  },
  {
    .key = "new-domain-admin", .stage = INVESTIGATION, .days_ago = 0.5, .occurred_hours = 0.2,
    .hours = { 0.2, 0, 0, 0 },
    .title = "New domain admin account created outside a change window",
    .description = "DC01 logged a new account adm_backup2 added to Domain Admins by "
      "an administrator account.",
    .severity = "critical", .impact = 1, .urgency = 1, .category = "intrusions",
    .tlp = "amber+strict", .pap = "red", .tier = "l3", .triage = "l1-aisha", .assignee = "l3-ir",
    .team = "soc", .escalated_from = "l2", .escalation_reason = "Tier 0 change outside any change window.",
    .assets = ASSETS ({ "dc01", "tbd", NULL }, { "pam", "tbd", NULL }),
    .observables = OBSERVABLES ({ "account", "CORP\\adm_backup2", TRUE, NULL },
                                { "account", "CORP\\a.kapoor-adm", FALSE, "creator" }),
    .notes = NOTES (NOTE (INVESTIGATION, 0.4, "l3-ir", "Created from PAM01 in a recorded "
                          "session; replaying it.")),
    .contacts = CONTACTS (CALL (INVESTIGATION, 0.2, "ad-admin", NULL, "phone", "outbound",
                                "Anil did not answer; voicemail left.", 1, FALSE),
                          CALL (INVESTIGATION, 0.3, "itops-lead", NULL, "phone", "outbound",
                                "Gareth is checking the backup migration plan.", 2, FALSE)),
    .alerts = ALERTS ({ "wazuh", "60154", "Windows: member added to a security-enabled global "
                        "group (Domain Admins)", "critical", NULL, "10.10.1.10", 0, NULL, "dc01",
                        1 }),
  },
  {
    .key = "tms-key", .stage = INVESTIGATION, .days_ago = 2.5, .occurred_hours = 100,
    .hours = { 1, 0, 0, 0 },
    .title = "Transport management API key published in a public code repository",
    .description = "The sector ISAC reported a public repository containing a TMS API key "
      "and the EDI endpoint.",
    .severity = "medium", .impact = 2, .urgency = 2, .category = "information-content-security",
    .tlp = "amber", .pap = "amber", .tier = "l2", .triage = "l1-mateo", .assignee = "l2-olivier",
    .team = "soc",
    .assets = ASSETS ({ "tms", "tbd", NULL }, { "edi", "tbd", NULL }, { "git", "unknown", NULL }),
    .observables = OBSERVABLES ({ "url", "https://code-hosting.example/j-dev/tms-sync", FALSE,
                                  NULL },
                                { "other", "TMS API key …7f3a", TRUE, NULL }),
    .actions = ACTIONS (TASK (INVESTIGATION, 0.3, "Rotate the TMS API key", "apps", "apps-lead",
                              "todo", 0)),
    .contacts = CONTACTS (CALL (INVESTIGATION, 0.2, "apps-lead", NULL, "email", "outbound",
                                "Asked Nadia to rotate the key and check TMS audit logs.", 6,
                                FALSE),
                          CALL (INVESTIGATION, 0.8, "portal-po", NULL, "chat", "outbound",
                                "Which contractor owns j-dev?", 24, FALSE)),
    .alerts = ALERTS ({ "misp", "event-2510", "MISP: leaked credentials for kestrel-logistics "
                        "(sector ISAC)", "medium", NULL, NULL, 0, NULL, "tms", 1 }),
  },
  {
    .key = "rogue-ap", .stage = INVESTIGATION, .days_ago = 1.8, .occurred_hours = 5,
    .hours = { 2, 0, 0, 0 },
    .title = "Rogue access point broadcasting the warehouse SSID in Warrington",
    .description = "WLC-WAR-01 detected an unknown access point broadcasting KL-WAREHOUSE "
      "near dock 9, with a strong signal.",
    .severity = "medium", .impact = 2, .urgency = 2, .category = "intrusion-attempts",
    .tlp = "amber", .pap = "amber", .tier = "l2", .triage = "l1-jack", .assignee = "l2-fatima",
    .team = "soc",
    .assets = ASSETS ({ "wlc-war", "not-compromised", NULL }, { "war-term", "tbd", NULL }),
    .observables = OBSERVABLES ({ "other", "BSSID 02:00:5e:10:44:9a", TRUE, NULL }),
    .contacts = CONTACTS (CALL (INVESTIGATION, 0.3, "war-site", NULL, "phone", "outbound",
                                "Paul to walk dock 9 with a Wi-Fi scanner.", 4, FALSE),
                          CALL (INVESTIGATION, 0.7, "net-callum", NULL, "phone", "outbound",
                                "Callum enabling rogue containment on the WLC.", 24, FALSE)),
    .alerts = ALERTS ({ "wazuh", "64010", "Wireless: rogue AP advertising a managed SSID",
                        "medium", NULL, "10.30.99.5", 0, NULL, "wlc-war", 31 }),
  },

  /* ---- classification ------------------------------------------------- */
  {
    .key = "docusign-report", .stage = CLASSIFICATION, .days_ago = 0.15, .occurred_hours = 1,
    .title = "User report: e-signature email asking to review a contract",
    .description = "The Paris office controller forwarded an email asking her to sign a "
      "revised contract through a link.",
    .category = "fraud", .tlp = "green", .pap = "green", .tier = "l1", .triage = "l1-emma",
    .team = "soc",
    .observables = OBSERVABLES ({ "url", "https://sign-docs-review.example/c/8812", TRUE, NULL }),
    .alerts = ALERTS ({ "thehive", "phish-report-5911", "User report: please review and sign "
                        "the revised contract", "medium", NULL, NULL, 0, NULL, "m365", 1 }),
  },
  {
    .key = "av-lyon-term", .stage = CLASSIFICATION, .days_ago = 0.12, .occurred_hours = 0.1,
    .title = "Antivirus detection on Lyon warehouse terminal LYS-TERM-08",
    .description = "The EDR quarantined a file on LYS-TERM-08 at goods-in.",
    .severity = "medium", .impact = 2, .urgency = 2, .category = "malicious-code",
    .tlp = "amber", .pap = "amber", .tier = "l1", .triage = "l1-mateo", .assignee = "l1-mateo",
    .team = "soc",
    .assets = ASSETS ({ "lys-term", "tbd", NULL }),
    .observables = OBSERVABLES ({ "sha256", "#lys-term-quarantine", FALSE, NULL }),
    .alerts = ALERTS ({ "wazuh", "92213", "Executable file dropped in folder commonly used by "
                        "malware", "high", NULL, "10.20.40.8", 0, NULL, "lys-term", 1 }),
  },
  {
    .key = "misp-c2", .stage = CLASSIFICATION, .days_ago = 0.06, .occurred_hours = 0.2,
    .title = "MISP indicator match: outbound connection to a known C2 address",
    .description = "The proxy logged a connection from 10.10.22.63 to an address added "
      "yesterday to the Bastion CERT feed.",
    .severity = "high", .impact = 2, .urgency = 1, .category = "malicious-code",
    .tlp = "amber", .pap = "amber", .tier = "l1", .triage = "l1-aisha", .team = "soc",
    .observables = OBSERVABLES ({ "ip", "203.0.113.199", TRUE, NULL },
                                { "ip", "10.10.22.63", FALSE, "internal source" }),
    .alerts = ALERTS ({ "misp", "event-2533", "MISP: C2 address (Bastion CERT feed)", "high",
                        "10.10.22.63", "203.0.113.199", 443, "TCP", NULL, 3 }),
  },
  {
    .key = "ddos-extortion", .stage = CLASSIFICATION, .days_ago = 0.2, .occurred_hours = 0.5,
    .title = "Extortion email threatening a DDoS on the tracking portal",
    .description = "Customer service received an email demanding 2 BTC to avoid a DDoS on "
      "the tracking portal on Friday.",
    .category = "availability", .tlp = "amber", .pap = "amber", .tier = "l1",
    .triage = "l1-jack", .team = "soc",
    .assets = ASSETS ({ "lb", "tbd", NULL }),
    .observables = OBSERVABLES ({ "email", "ddos.group@anon-mail.example", TRUE, NULL }),
    .contacts = CONTACTS (CALL (CLASSIFICATION, 0.5, "cs-mgr", NULL, "email", "inbound",
                                "Isabelle forwarded the extortion email.", 0, FALSE)),
  },
};

/* Alerts nobody promoted: the queue and its history -------------------------- */

typedef enum
{
  FLOW_INBOUND,   /* from outside to the asset */
  FLOW_OUTBOUND,  /* from the asset to outside */
  FLOW_LOCAL,     /* seen on the asset itself */
} DemoFlow;

typedef struct
{
  const char *source;
  const char *rule;
  const char *title;
  const char *type;
  const char *severity;
  const char *proto;
  int         dst_port;
  DemoFlow    flow;
  const char *targets;   /* space-separated asset keys */
} DemoAlertTemplate;

static const DemoAlertTemplate demo_alert_templates[] = {
  { "suricata", "2001219", "ET SCAN Potential SSH Scan", "attempted-recon", "low", "TCP", 22,
    FLOW_INBOUND, "vpn01 fw-man fw-lys lb edi" },
  { "suricata", "2010935", "ET SCAN Suspicious inbound to MSSQL port 1433", "attempted-recon",
    "low", "TCP", 1433, FLOW_INBOUND, "fw-man fw-lys" },
  { "suricata", "2002911", "ET SCAN Potential VNC Scan 5900-5920", "attempted-recon", "low",
    "TCP", 5900, FLOW_INBOUND, "fw-man fw-lys" },
  { "suricata", "2402000", "ET DROP Dshield Block Listed Source group 1", "misc-attack",
    "medium", "TCP", 443, FLOW_INBOUND, "lb edi vpn01 mx01" },
  { "suricata", "2008578", "ET SCAN Sipvicious Scan", "attempted-recon", "low", "UDP", 5060,
    FLOW_INBOUND, "pbx" },
  { "suricata", "2024364", "ET SCAN Possible Nmap User-Agent Observed", "web-application-attack",
    "low", "TCP", 443, FLOW_INBOUND, "lb edi" },
  { "suricata", "2031071", "ET WEB_SERVER Possible SQL Injection Attempt UNION SELECT",
    "web-application-attack", "high", "TCP", 443, FLOW_INBOUND, "lb web01 web02" },
  { "suricata", "2013504", "ET POLICY GNU/Linux APT User-Agent Outbound likely related to "
    "package management", "not-suspicious", "low", "TCP", 80, FLOW_OUTBOUND,
    "web01 web02 git siem misp" },
  { "suricata", "2027865", "ET INFO Observed DNS Query to .onion proxy Domain",
    "bad-unknown", "medium", "UDP", 53, FLOW_OUTBOUND, "fin-ws hr-lt cs-ws31 cs-ws44" },
  { "suricata", "2019401", "ET POLICY Vulnerable Java Version 1.8.x Detected",
    "bad-unknown", "low", "TCP", 80, FLOW_OUTBOUND, "fin-ws lys-term war-term" },
  { "wazuh", "5710", "sshd: Attempt to login using a non-existent user", "authentication_failed",
    "low", "TCP", 22, FLOW_INBOUND, "web01 web02 git" },
  { "wazuh", "5503", "PAM: User login failed", "authentication_failed", "low", NULL, 0,
    FLOW_LOCAL, "web01 web02 wms-db git" },
  { "wazuh", "60122", "Logon Failure - Unknown user or bad password", "authentication_failed",
    "low", NULL, 0, FLOW_LOCAL, "dc01 dc02 fs01" },
  { "wazuh", "60204", "Multiple Windows logon failures", "authentication_failures", "medium",
    NULL, 0, FLOW_LOCAL, "dc01 dc02" },
  { "wazuh", "550", "Integrity checksum changed", "syscheck", "low", NULL, 0, FLOW_LOCAL,
    "web01 web02 edi mx01" },
  { "wazuh", "5402", "Successful sudo to ROOT executed", "sudo", "low", NULL, 0, FLOW_LOCAL,
    "web01 web02 wms-db siem" },
  { "wazuh", "61138", "New Windows Service Created", "policy_changed", "medium", NULL, 0,
    FLOW_LOCAL, "fs01 erp-app fin-ws hr-lt" },
  { "wazuh", "92213", "Executable file dropped in folder commonly used by malware", "malware",
    "high", NULL, 0, FLOW_LOCAL, "fin-ws hr-lt cs-ws31 cs-ws44 war-term lys-term" },
  { "wazuh", "18152", "Multiple Windows audit failure events", "win_authentication_failed",
    "medium", NULL, 0, FLOW_LOCAL, "dc01 pam" },
  { "wazuh", "40704", "Systemd: Service has failed", "service_availability", "low", NULL, 0,
    FLOW_LOCAL, "wms-app web01 mx01" },
  { "wazuh", "91550", "Identity provider: impossible travel", "authentication", "medium", "TCP",
    443, FLOW_INBOUND, "idp" },
  { "zeek", "Scan::Port_Scan", "Scan::Port_Scan scanned at least 15 unique ports", "notice",
    "low", "TCP", 0, FLOW_INBOUND, "fw-man vpn01 fw-lys" },
  { "zeek", "SSL::Invalid_Server_Cert", "SSL certificate validation failed", "notice", "low",
    "TCP", 443, FLOW_OUTBOUND, "edi proxy" },
  { "zeek", "Software::Vulnerable_Version", "Vulnerable software version seen", "notice",
    "medium", "TCP", 443, FLOW_OUTBOUND, "web01 mx01" },
  { "zeek", "HTTP::SQL_Injection_Attacker", "An SQL injection attacker was discovered",
    "notice", "high", "TCP", 443, FLOW_INBOUND, "lb" },
  { "zeek", "SSH::Password_Guessing", "Host is guessing SSH passwords", "notice", "medium",
    "TCP", 22, FLOW_INBOUND, "git web01" },
  { "misp", "event-2190", "MISP: address in a phishing infrastructure feed", "ioc", "medium",
    "TCP", 443, FLOW_OUTBOUND, "proxy mx01" },
  { "misp", "event-2204", "MISP: known scanner (sector ISAC)", "ioc", "low", "TCP", 443,
    FLOW_INBOUND, "fw-man vpn01" },
  { "thehive", "user-report", "User report: suspicious email", "user-report", "low", NULL, 0,
    FLOW_LOCAL, "m365 mx01" },
};

typedef struct
{
  const char *incident;
  const char *team;
  const char *what;
  const char *where;
  const char *why;
  const char *status;
  const char *actor;
  double      days_ago;
  double      updated_days_ago;
} DemoDetection;

static const DemoDetection demo_detections[] = {
  { "ransomware", "seceng",
    "Alert on more than 500 file renames per minute by one SMB session",
    "Wazuh agents on FS01 and FS02",
    "The FS01 encryption was only caught by the generic rename rule after 20 minutes.",
    "deployed", "l3-ir", 90, 75 },
  { "mfa-fatigue", "seceng",
    "Alert on more than 3 denied MFA pushes in 10 minutes for one account",
    "Identity provider sign-in logs in the SIEM",
    "Push bombing preceded the approval; the denials were logged but not alerted on.",
    "deployed", "l2-marco", 8, 5 },
  { "kerberoast", "seceng",
    "Alert on Kerberos service tickets with RC4 encryption requested from workstations",
    "Security logs of DC01 and DC02 (event 4769, type 0x17)",
    "160 tickets were requested from HR-LT-007 in two minutes before anyone noticed.",
    "accepted", "l3-ir", 9, 7 },
  { "inbox-rule", "seceng",
    "Alert on new inbox rules that forward or redirect to external domains",
    "Cloud mail audit log",
    "A forwarding rule ran for three days on a sales mailbox.",
    "requested", "l2-olivier", 4, 4 },
  { "rdp-exposed", "network",
    "Alert on any firewall change that exposes RDP, SSH or SMB to the Internet",
    "FW-MAN-01 and FW-LYS-01 configuration audit",
    "A vendor NAT rule exposed LYS-JUMP01 for two days.",
    "requested", "l2-fatima", 6, 6 },
  { "term-malware", "seceng",
    "Suricata rule for TLS to newly registered domains from the warehouse VLAN",
    "IDS on the Warrington uplink",
    "Warehouse terminals should only talk to known services.",
    "rejected", "l2-fatima", 40, 33 },
};

/* Documents ----------------------------------------------------------------- */

typedef enum
{
  DOC_TEXT,
  DOC_SVG,
  DOC_PDF,
  DOC_INVENTORY,
} DemoDocFormat;

typedef struct
{
  const char    *title;
  const char    *filename;
  const char    *media_type;
  const char    *kind;
  const char    *version;
  double         days_ago;
  const char    *tlp;
  const char    *team;
  const char    *links;   /* asset:KEY, team:KEY, incident:KEY, space-separated */
  DemoDocFormat  format;
  const char    *text;
} DemoDocument;

static const char doc_ransomware[] =
  "# Runbook: ransomware — the first hour\n"
  "\n"
  "Owner: Security Operations Centre · Version 2.3 · TLP:AMBER\n"
  "\n"
  "Use this runbook as soon as an alert or a user report suggests that files are being "
  "encrypted or a ransom note has appeared. The first hour decides how much is lost: "
  "isolate first, investigate second.\n"
  "\n"
  "## 0–10 minutes: confirm and call\n"
  "\n"
  "1. Confirm the symptom: mass renames in Wazuh (rule 87105), new extensions on a share, "
  "a ransom note (`README*.txt`, `*.hta`).\n"
  "2. Open an incident: category *malicious-code*, severity *critical*, tier *L3*.\n"
  "3. Phone the L3 on call, then the SOC manager. Do not use email or chat if the domain "
  "may be compromised: use the phone bridge +44 161 496 0100.\n"
  "4. Tell IT Operations (Gareth Hughes, or the on-call administrator) to stand by.\n"
  "\n"
  "## 10–30 minutes: contain\n"
  "\n"
  "- Isolate the affected hosts with the EDR (network containment keeps the EDR channel "
  "open). Isolate the source of the SMB sessions as well as the file server.\n"
  "- If isolation is not possible, disconnect the switch port or shut the VM down "
  "(*power off*, not *shut down*: keep memory if Bastion CERT asks for it).\n"
  "- Disable the accounts used by the encrypting sessions; do not reset the krbtgt account "
  "yet.\n"
  "- Block the C2 addresses and domains at FW-MAN-01, FW-LYS-01 and PROXY01.\n"
  "- Protect backups: ask the backup administrator to suspend jobs that would overwrite "
  "good copies and to confirm the state of BKP-REPO01 (immutable, 14 days).\n"
  "\n"
  "## 30–60 minutes: scope and escalate\n"
  "\n"
  "- Activate the Bastion CERT retainer (hotline +44 20 7946 0999) when more than one "
  "server is affected or a domain controller is involved.\n"
  "- Scope: which shares, which hosts, since when. Use EDR telemetry and the SMB session "
  "logs of the file server.\n"
  "- Brief the CISO; the CISO decides on the crisis cell and on external communication.\n"
  "- Involve the DPO if personal data may have been read or taken (72-hour clock).\n"
  "\n"
  "## Never\n"
  "\n"
  "- Never pay or contact the attackers without the crisis cell.\n"
  "- Never restore onto a host before its root cause is known.\n"
  "- Never wipe a host before Bastion CERT has confirmed that images are not needed.\n";

static const char doc_vpn[] =
  "# Runbook: VPN account compromise\n"
  "\n"
  "Owner: Security Operations Centre · Version 1.6 · TLP:AMBER\n"
  "\n"
  "Signs: concurrent sessions from distant places, sign-in from a hosting provider, MFA "
  "approvals the user does not remember, password spraying followed by a success.\n"
  "\n"
  "## Contain\n"
  "\n"
  "1. Revoke the user's VPN sessions on VPN01 and the identity provider sessions.\n"
  "2. Disable the account (administrator accounts: always, without waiting for the "
  "user).\n"
  "3. Block the source address at FW-MAN-01 for 14 days.\n"
  "4. Ask the user, by phone, whether they were connected and whether they approved a "
  "push.\n"
  "\n"
  "## Investigate\n"
  "\n"
  "- VPN01 logs: session start, assigned pool address (10.10.200.0/24), bytes in/out.\n"
  "- Zeek connections from the pool address during the session: which servers, which "
  "ports. Management VLAN (10.10.99.0/24) access is a Tier 0 alarm: escalate to L3.\n"
  "- Identity provider: MFA method, device, other sign-ins from the same address.\n"
  "- PAM01: was a privileged session opened?\n"
  "\n"
  "## Recover\n"
  "\n"
  "- New password and MFA re-enrolment in person or by video with the service desk.\n"
  "- Supplier accounts: the sponsor at Kestrel confirms the supplier's contact first.\n";

static const char doc_phishing[] =
  "# Runbook: phishing triage (Level 1)\n"
  "\n"
  "Owner: Security Operations Centre · Version 3.0 · TLP:GREEN\n"
  "\n"
  "Reports arrive in TheHive from the *Report phishing* button and from the service desk.\n"
  "\n"
  "## Triage in 15 minutes\n"
  "\n"
  "1. Look at the headers: sender domain, return path, SPF/DKIM/DMARC results on MX01, "
  "sending address.\n"
  "2. Extract observables: sender, URLs, domains, attachment hashes.\n"
  "3. Check them in MISP and in the proxy logs: did anyone click, did anyone submit a "
  "form (HTTP POST)?\n"
  "4. Search the mail gateway for the same sender or subject: how many recipients?\n"
  "\n"
  "## Decide\n"
  "\n"
  "- Spam or marketing: dismiss the alert as *benign*.\n"
  "- Phishing, no click: purge the messages, block the sender domain, close as true "
  "positive.\n"
  "- Phishing with clicks or submitted credentials: promote to an incident (*fraud*, "
  "medium), reset the passwords of users who submitted, revoke their sessions, escalate "
  "to Level 2.\n"
  "- Payment or bank detail requests: always Level 2 and a call to Finance (call-back "
  "rule).\n"
  "\n"
  "## Tell the reporter\n"
  "\n"
  "Thank every reporter, even for spam. Reports are the best sensor we have.\n";

static const char doc_tiering[] =
  "# Active Directory tiering model\n"
  "\n"
  "Owner: IT Operations with the Information Security Office · Version 1.4 · "
  "TLP:AMBER+STRICT\n"
  "\n"
  "The CORP domain is split into three tiers so that credentials of a higher tier are "
  "never exposed on a system of a lower tier.\n"
  "\n"
  "| Tier | Systems | Administered from |\n"
  "|------|---------|-------------------|\n"
  "| 0 | DC01, DC02, CA01, PAM01, vCenter, ESXi hosts, BKP01 | PAM01 only |\n"
  "| 1 | Servers and applications: ERP, WMS, FS01, FS02, SQL, web servers | PAM01 |\n"
  "| 2 | Workstations, laptops, warehouse terminals | Service desk tools |\n"
  "\n"
  "## Rules\n"
  "\n"
  "- Each administrator has one account per tier (`-adm` for Tier 1, `-t0` for Tier 0).\n"
  "- Tier 0 accounts are members of Protected Users and may log on only to Tier 0 "
  "systems (authentication policy silos).\n"
  "- Service accounts are group managed service accounts where the application supports "
  "it; others have 25-character passwords rotated yearly and no interactive logon.\n"
  "- LAPS manages local administrator passwords on Tier 1 and Tier 2.\n"
  "- RC4 Kerberos encryption will be disabled once the ERP is verified with AES.\n"
  "\n"
  "## Detection\n"
  "\n"
  "Changes to Domain Admins, Enterprise Admins and the AdminSDHolder object raise critical "
  "Wazuh alerts. Logons of Tier 0 accounts outside PAM01 raise high alerts.\n";

static const char doc_portal[] =
  "# Customer tracking portal — architecture\n"
  "\n"
  "Owner: Sales & Customer Service (product) and IT Operations (run) · Version 2.0\n"
  "\n"
  "The portal at track.kestrel-logistics.example lets customers follow shipments, "
  "download proofs of delivery and manage their users.\n"
  "\n"
  "## Components\n"
  "\n"
  "- **LB01** (198.51.100.20): TLS termination, web application firewall, bot "
  "protection on /login.\n"
  "- **WEB01, WEB02** (172.16.10.31–32, DMZ): nginx and the Java application; active/"
  "active; no SSH from the Internet.\n"
  "- **PORTAL-DB01** (10.10.3.30): PostgreSQL; customer accounts and shipment history.\n"
  "- **WMS01 tracking API**: events pushed from the warehouses.\n"
  "- **GIT01**: source and CI; deployments by the pipeline only.\n"
  "\n"
  "## Flows\n"
  "\n"
  "Internet → LB01:443 → WEB01/WEB02:8443 → PORTAL-DB01:5432 and WMS01:8080. "
  "Administration through PAM01 only.\n"
  "\n"
  "## Availability\n"
  "\n"
  "Target 99.9 % in business hours. ISP scrubbing is always on for 198.51.100.0/26 since "
  "the DDoS of last quarter.\n";

static const char doc_backup[] =
  "# Backup and restore procedure\n"
  "\n"
  "Owner: IT Operations · Version 4.1\n"
  "\n"
  "## What is backed up\n"
  "\n"
  "- Every VM of both vSphere sites: nightly image at 20:00, kept 30 days on BKP01.\n"
  "- Copies to BKP-REPO01 (Warrington), immutable for 14 days; the repository is not "
  "joined to the domain and is reachable from BKP01 only.\n"
  "- SaaS data (mail, files) is protected by the provider's retention (90 days).\n"
  "\n"
  "## Restore order after a ransomware attack\n"
  "\n"
  "1. Domain controllers, if affected (from BKP-REPO01 only).\n"
  "2. ERP database and application.\n"
  "3. WMS database and application.\n"
  "4. File shares, share by share: Finance, Operations, HR, then home folders.\n"
  "\n"
  "A full FS01 restore takes about 19 hours (1.9 TB); restoring per share lets Finance "
  "work after 4 hours.\n"
  "\n"
  "## Tests\n"
  "\n"
  "One restore test per quarter, recorded with its duration.\n";

static const char doc_retainer[] =
  "# Bastion CERT incident response retainer — summary\n"
  "\n"
  "Contract KL-SEC-2024-07 · Owner: Information Security Office · TLP:AMBER+STRICT\n"
  "\n"
  "## Scope\n"
  "\n"
  "Incident response, digital forensics and crisis support for all Kestrel Logistics "
  "entities in the UK and France. 120 prepaid hours per year; unused hours convert to a "
  "tabletop exercise and a compromise assessment.\n"
  "\n"
  "## Activation\n"
  "\n"
  "- Who may activate: the CISO, the SOC manager, the L3 on call.\n"
  "- How: 24/7 hotline +44 20 7946 0999, then email to ir@bastion-cert.example with the "
  "incident reference.\n"
  "\n"
  "## Service levels\n"
  "\n"
  "| Severity | Call back | Remote responder | On site |\n"
  "|----------|-----------|------------------|---------|\n"
  "| Critical | 30 min | 2 h | 24 h (UK), 36 h (France) |\n"
  "| High | 1 h | 4 h | on request |\n"
  "| Medium | 4 h | next business day | — |\n"
  "\n"
  "## Deliverables\n"
  "\n"
  "Initial findings within 48 hours, a final report with timeline and indicators within "
  "10 business days, indicators shared in MISP at TLP:AMBER.\n";

static const DemoDocument demo_documents[] = {
  { "Runbook: ransomware — the first hour", "runbook-ransomware-first-hour.md",
    "text/markdown", "runbook", "2.3", 150, "amber", "soc",
    "team:soc asset:fs01 asset:fs02 asset:bkp asset:bkp-repo asset:edr incident:ransomware "
    "incident:loader-lyon", DOC_TEXT, doc_ransomware },
  { "Runbook: VPN account compromise", "runbook-vpn-account-compromise.md", "text/markdown",
    "runbook", "1.6", 200, "amber", "soc", "team:soc asset:vpn01 asset:idp asset:pam "
    "incident:vpn-two-countries", DOC_TEXT, doc_vpn },
  { "Runbook: phishing triage (Level 1)", "runbook-phishing-triage.md", "text/markdown",
    "runbook", "3.0", 95, "green", "soc", "team:soc asset:mx01 asset:m365",
    DOC_TEXT, doc_phishing },
  { "Active Directory tiering model", "ad-tiering-model.md", "text/markdown", "architecture",
    "1.4", 240, "amber+strict", "itops", "team:itops team:infosec asset:dc01 asset:dc02 "
    "asset:pam asset:ca asset:vcenter", DOC_TEXT, doc_tiering },
  { "Customer tracking portal — architecture", "customer-portal-architecture.md",
    "text/markdown", "architecture", "2.0", 60, "amber", "sales", "team:sales asset:lb "
    "asset:web01 asset:web02 asset:portal-db asset:git", DOC_TEXT, doc_portal },
  { "Backup and restore procedure", "backup-restore-procedure.md", "text/markdown",
    "procedure", "4.1", 130, "amber", "itops", "team:itops asset:bkp asset:bkp-repo "
    "asset:vcenter", DOC_TEXT, doc_backup },
  { "Bastion CERT retainer — contract and SLA summary", "bastion-cert-retainer-summary.md",
    "text/markdown", "contract", "2024-07", 300, "amber+strict", "infosec",
    "team:infosec team:bastion team:soc", DOC_TEXT, doc_retainer },
  { "Network overview diagram", "network-overview.svg", "image/svg+xml", "network-diagram",
    "5", 45, "amber", "network", "team:network asset:fw-man asset:fw-lys asset:sw-man-core "
    "asset:sw-lys-core asset:vpn01 asset:wlc-war asset:lb", DOC_SVG, NULL },
  { "Network architecture overview", "network-architecture-overview.pdf", "application/pdf",
    "architecture", "3.1", 45, "amber", "network", "team:network team:infosec asset:fw-man "
    "asset:fw-lys asset:vpn01 asset:sw-man-core", DOC_PDF, NULL },
  { "Asset inventory extract", "asset-inventory-extract.txt", "text/plain", "inventory",
    "weekly", 2, "amber", "itops", "team:itops", DOC_INVENTORY, NULL },
};

/* The network diagram, drawn both as SVG and in the PDF. */
typedef struct
{
  const char *id;
  double      x, y, w, h;
  const char *label;
  const char *detail;
  const char *fill;
} DiagramBox;

typedef struct
{
  const char *from;
  const char *to;
  const char *label;
} DiagramLink;

typedef struct
{
  double      x, y, w, h;
  const char *label;
} DiagramGroup;

static const DiagramGroup diagram_groups[] = {
  { 10, 250, 190, 375, "DMZ 172.16.10.0/24" },
  { 220, 250, 200, 395, "Manchester DC1 10.10.0.0/16" },
  { 460, 250, 210, 235, "Warrington DC 10.30.0.0/16" },
  { 750, 250, 200, 315, "Lyon DC2 10.20.0.0/16" },
};

static const DiagramBox diagram_boxes[] = {
  { "internet", 420, 20, 160, 44, "Internet", NULL, "#e8eef7" },
  { "isp", 130, 100, 180, 44, "ISP scrubbing", "always on", "#e8eef7" },
  { "fw-man", 130, 180, 180, 44, "FW-MAN-01", "198.51.100.1", "#f7d9d9" },
  { "fw-lys", 760, 180, 180, 44, "FW-LYS-01", "198.51.100.65", "#f7d9d9" },
  { "dmz-sw", 20, 270, 170, 44, "DMZ switch", "layer 2", "#d9ead3" },
  { "lb", 20, 330, 170, 44, "LB01 (WAF)", "198.51.100.20", "#fff2cc" },
  { "web", 20, 390, 170, 44, "WEB01 / WEB02", "172.16.10.31-32", "#fff2cc" },
  { "mx", 20, 450, 170, 44, "MX01 mail gateway", "198.51.100.25", "#fff2cc" },
  { "vpn", 20, 510, 170, 44, "VPN01", "198.51.100.10", "#fff2cc" },
  { "edi", 20, 570, 170, 44, "EDI01", "198.51.100.30", "#fff2cc" },
  { "sw-man", 230, 270, 180, 44, "SW-MAN-CORE01", "core, layer 3", "#d9ead3" },
  { "man-srv", 230, 350, 180, 44, "Servers", "10.10.1-3.0/24", "#ffffff" },
  { "man-usr", 230, 410, 180, 44, "Users", "10.10.20.0/22", "#ffffff" },
  { "man-fin", 230, 470, 180, 44, "Finance", "10.10.30.0/24", "#ffffff" },
  { "man-sec", 230, 530, 180, 44, "Security tools", "10.10.50.0/24", "#ffffff" },
  { "man-mgt", 230, 590, 180, 44, "Management (Tier 0)", "10.10.99.0/24", "#ffffff" },
  { "wlc", 470, 270, 190, 44, "WLC-WAR-01", "64 access points", "#d9ead3" },
  { "war-term", 470, 350, 190, 44, "Warehouse terminals", "10.30.40.0/22", "#ffffff" },
  { "bkp-repo", 470, 430, 190, 44, "BKP-REPO01", "immutable backups", "#ffffff" },
  { "sw-lys", 760, 270, 180, 44, "SW-LYS-CORE01", "core, layer 3", "#d9ead3" },
  { "lys-srv", 760, 350, 180, 44, "WMS, DC02, FS02", "10.20.1-3.0/24", "#ffffff" },
  { "lys-usr", 760, 430, 180, 44, "Users and terminals", "10.20.20.0/22", "#ffffff" },
  { "paris", 760, 510, 180, 44, "Paris office", "10.50.0.0/16", "#ffffff" },
};

static const DiagramLink diagram_links[] = {
  { "internet", "isp", NULL }, { "isp", "fw-man", NULL }, { "internet", "fw-lys", NULL },
  { "fw-man", "dmz-sw", NULL }, { "dmz-sw", "lb", NULL }, { "lb", "web", NULL },
  { "web", "mx", NULL }, { "mx", "vpn", NULL }, { "vpn", "edi", NULL },
  { "fw-man", "sw-man", NULL },
  { "sw-man", "man-srv", NULL }, { "man-srv", "man-usr", NULL }, { "man-usr", "man-fin", NULL },
  { "man-fin", "man-sec", NULL }, { "man-sec", "man-mgt", NULL },
  { "fw-lys", "fw-man", "IPsec" }, { "wlc", "fw-man", "IPsec" }, { "wlc", "war-term", NULL },
  { "war-term", "bkp-repo", NULL }, { "fw-lys", "sw-lys", NULL }, { "sw-lys", "lys-srv", NULL },
  { "lys-srv", "lys-usr", NULL }, { "lys-usr", "paris", "IPsec" },
};

static const DiagramBox *
diagram_box (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (diagram_boxes); i++)
    if (g_str_equal (diagram_boxes[i].id, id))
      return &diagram_boxes[i];
  g_error ("demo data: unknown diagram box “%s”", id);
}

static void
diagram_text (GString *body)
{
  for (guint i = 0; i < G_N_ELEMENTS (diagram_groups); i++)
    g_string_append_printf (body, "%s\n", diagram_groups[i].label);
  for (guint i = 0; i < G_N_ELEMENTS (diagram_boxes); i++)
    g_string_append_printf (body, "%s %s\n", diagram_boxes[i].label,
                            diagram_boxes[i].detail ? diagram_boxes[i].detail : "");
}

static GBytes *
render_svg (char **body_out)
{
  GString *svg = g_string_new (NULL);
  GString *body = g_string_new ("Kestrel Logistics — network overview\n");

  g_string_append (svg,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"960\" height=\"660\" "
    "viewBox=\"0 0 960 660\" font-family=\"DejaVu Sans, Liberation Sans, sans-serif\">\n"
    "  <title>Kestrel Logistics — network overview</title>\n"
    "  <desc>Internet edge, DMZ and the three data centre sites, version 5. "
    "Owner: Network &amp; Telecoms. TLP:AMBER.</desc>\n"
    "  <rect width=\"960\" height=\"660\" fill=\"#ffffff\"/>\n");

  g_string_append (svg, "  <g id=\"sites\" fill=\"none\" stroke=\"#8a8a8a\" "
                        "stroke-dasharray=\"6 4\">\n");
  for (guint i = 0; i < G_N_ELEMENTS (diagram_groups); i++)
    {
      const DiagramGroup *g = &diagram_groups[i];
      g_autofree char *label = g_markup_escape_text (g->label, -1);
      g_string_append_printf (svg,
        "    <rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%g\" rx=\"8\"/>\n"
        "    <text x=\"%g\" y=\"%g\" font-size=\"11\" fill=\"#555555\" stroke=\"none\">%s</text>\n",
        g->x, g->y, g->w, g->h, g->x + 6, g->y + 14, label);
    }
  g_string_append (svg, "  </g>\n  <g id=\"links\" stroke=\"#3c5a82\" stroke-width=\"2\">\n");
  for (guint i = 0; i < G_N_ELEMENTS (diagram_links); i++)
    {
      const DiagramBox *a = diagram_box (diagram_links[i].from);
      const DiagramBox *b = diagram_box (diagram_links[i].to);
      double x1 = a->x + a->w / 2, y1 = a->y + a->h / 2;
      double x2 = b->x + b->w / 2, y2 = b->y + b->h / 2;

      g_string_append_printf (svg, "    <line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\"%s/>\n",
                              x1, y1, x2, y2,
                              diagram_links[i].label ? " stroke-dasharray=\"8 4\"" : "");
      if (diagram_links[i].label != NULL)
        {
          g_string_append_printf (svg, "    <text x=\"%g\" y=\"%g\" font-size=\"11\" "
                                  "fill=\"#3c5a82\" stroke=\"none\" text-anchor=\"middle\">"
                                  "%s</text>\n", (x1 + x2) / 2, (y1 + y2) / 2 - 4,
                                  diagram_links[i].label);
          g_string_append_printf (body, "%s link %s – %s\n", diagram_links[i].label,
                                  a->label, b->label);
        }
    }
  g_string_append (svg, "  </g>\n  <g id=\"nodes\">\n");
  for (guint i = 0; i < G_N_ELEMENTS (diagram_boxes); i++)
    {
      const DiagramBox *n = &diagram_boxes[i];
      g_autofree char *label = g_markup_escape_text (n->label, -1);

      g_string_append_printf (svg,
        "    <g id=\"%s\">\n"
        "      <rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%g\" rx=\"4\" fill=\"%s\" "
        "stroke=\"#333333\"/>\n"
        "      <text x=\"%g\" y=\"%g\" font-size=\"13\" font-weight=\"bold\" "
        "text-anchor=\"middle\">%s</text>\n",
        n->id, n->x, n->y, n->w, n->h, n->fill, n->x + n->w / 2,
        n->y + (n->detail ? 19 : 27), label);
      if (n->detail != NULL)
        g_string_append_printf (svg, "      <text x=\"%g\" y=\"%g\" font-size=\"11\" "
                                "fill=\"#444444\" text-anchor=\"middle\">%s</text>\n",
                                n->x + n->w / 2, n->y + 35, n->detail);
      g_string_append (svg, "    </g>\n");
    }
  g_string_append (svg, "  </g>\n</svg>\n");

  diagram_text (body);
  *body_out = g_string_free (body, FALSE);
  return g_string_free_to_bytes (svg);
}

typedef struct
{
  const char *heading;
  const char *text;
} PdfSection;

static const PdfSection pdf_sections[] = {
  { "Purpose",
    "This document describes the network of Kestrel Logistics: its sites, the Internet "
    "edge, the segmentation inside each data centre and the monitoring points. It is the "
    "reference for firewall change reviews and for incident responders who need to know "
    "what can reach what." },
  { "Sites",
    "Manchester HQ hosts the main data centre (DC1) with the Manchester vSphere cluster, "
    "the domain controller DC01, the ERP, the file server FS01 and the security tools. "
    "The Lyon Hub hosts the second data centre (DC2) with the warehouse management system, "
    "DC02 and FS02. The Warrington Distribution Centre has no servers except the immutable "
    "backup repository BKP-REPO01 and the warehouse Wi-Fi controller. The London and Paris "
    "offices connect over IPsec to Manchester and Lyon respectively." },
  { "Internet edge",
    "FW-MAN-01, an active/passive firewall pair, holds the public block 198.51.100.0/26 "
    "and the DMZ 172.16.10.0/24 with LB01, WEB01, WEB02, MX01, VPN01 and EDI01. The ISP "
    "scrubbing service is always on for the customer portal prefix. FW-LYS-01 gives Lyon "
    "and Paris their own Internet breakout from 198.51.100.64/27. Egress from the DMZ is "
    "denied by default." },
  { "Internal segmentation",
    "The core switches route the server, user, finance, security-tools and management "
    "VLANs; access lists between VLANs follow the AD tiering model. The management VLAN "
    "10.10.99.0/24 (ESXi, vCenter, switch and firewall management) is reachable only "
    "from the privileged access host PAM01. Warehouse terminals sit in 10.30.40.0/22 and "
    "10.20.40.0/22 and may talk only to the WMS, the MDM and the print servers; SMB "
    "between terminals is blocked." },
  { "Remote access",
    "Staff and suppliers connect through the SSL VPN on VPN01, which authenticates against "
    "the identity provider with push MFA (number matching outside the UK and France). VPN "
    "clients receive addresses from 10.10.200.0/24; supplier accounts are limited by group "
    "to the systems they maintain." },
  { "Monitoring",
    "IDS-MAN-01 (Suricata) receives a copy of the firewall's outside and DMZ ports. "
    "ZEEK-01 watches the Manchester core. Firewall, VPN, proxy and server logs go to the "
    "SIEM (Wazuh). The EDR covers all Windows servers, workstations and terminals." },
  { "Known gaps",
    "There is no network sensor on the Warrington and Lyon uplinks; Lyon runs on a single "
    "ESXi host; the London office still uses a consumer-grade router awaiting replacement." },
};

static cairo_status_t
pdf_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static double
pdf_paragraph (cairo_t     *cr,
               double       x,
               double       y,
               double       width,
               const char  *font,
               const char  *text)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, &w, &h);
  return y + (double) h / PANGO_SCALE;
}

static void
pdf_centered (cairo_t    *cr,
              double      cx,
              double      y,
              const char *font,
              const char *text)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (cr, cx - (double) w / PANGO_SCALE / 2, y);
  pango_cairo_show_layout (cr, layout);
}

static void
pdf_set_hex (cairo_t    *cr,
             const char *hex)
{
  unsigned int rgb = (unsigned int) g_ascii_strtoull (hex + 1, NULL, 16);

  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
pdf_diagram (cairo_t *cr,
             double   x0,
             double   y0,
             double   scale)
{
  cairo_save (cr);
  cairo_translate (cr, x0, y0);
  cairo_scale (cr, scale, scale);

  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < G_N_ELEMENTS (diagram_groups); i++)
    {
      const DiagramGroup *g = &diagram_groups[i];
      static const double dash[] = { 6, 4 };

      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_source_rgb (cr, 0.54, 0.54, 0.54);
      cairo_rectangle (cr, g->x, g->y, g->w, g->h);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      pdf_paragraph (cr, g->x + 6, g->y + 2, g->w - 12, "Sans 9", g->label);
    }

  cairo_set_line_width (cr, 2);
  for (guint i = 0; i < G_N_ELEMENTS (diagram_links); i++)
    {
      const DiagramBox *a = diagram_box (diagram_links[i].from);
      const DiagramBox *b = diagram_box (diagram_links[i].to);

      static const double dash[] = { 8, 4 };

      cairo_set_source_rgb (cr, 0.24, 0.35, 0.51);
      /* tunnels dashed, as the caption says */
      cairo_set_dash (cr, dash, diagram_links[i].label ? 2 : 0, 0);
      cairo_move_to (cr, a->x + a->w / 2, a->y + a->h / 2);
      cairo_line_to (cr, b->x + b->w / 2, b->y + b->h / 2);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (diagram_links[i].label != NULL)
        pdf_centered (cr, (a->x + a->w / 2 + b->x + b->w / 2) / 2,
                      (a->y + a->h / 2 + b->y + b->h / 2) / 2 - 16, "Sans 10",
                      diagram_links[i].label);
    }

  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < G_N_ELEMENTS (diagram_boxes); i++)
    {
      const DiagramBox *n = &diagram_boxes[i];

      cairo_rectangle (cr, n->x, n->y, n->w, n->h);
      pdf_set_hex (cr, n->fill);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      cairo_stroke (cr);
      pdf_centered (cr, n->x + n->w / 2, n->y + (n->detail ? 5 : 13), "Sans Bold 11", n->label);
      if (n->detail != NULL)
        pdf_centered (cr, n->x + n->w / 2, n->y + 24, "Sans 9", n->detail);
    }
  cairo_restore (cr);
}

static GBytes *
render_pdf (char   **body_out,
            GError **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  GString *body = g_string_new ("Kestrel Logistics\nNetwork architecture overview\n");
  const double page_w = 595.28, page_h = 841.89, margin = 56;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double scale;
  double y;

  surface = cairo_pdf_surface_create_for_stream (pdf_write_cb, out, page_w, page_h);
  /* a fixed creation date keeps the file, hence its SHA-256, the same */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  "Kestrel Logistics — Network architecture overview");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                  "Network & Telecoms, Kestrel Logistics");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Vigil demo data");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                  "2025-01-06T09:00:00Z");
  cr = cairo_create (surface);

  /* page 1: the text */
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  y = pdf_paragraph (cr, margin, margin, page_w - 2 * margin, "Sans Bold 20",
                     "Network architecture overview");
  y = pdf_paragraph (cr, margin, y + 4, page_w - 2 * margin, "Sans 10",
                     "Kestrel Logistics · Network & Telecoms · Version 3.1 · TLP:AMBER");
  y += 14;
  for (guint i = 0; i < G_N_ELEMENTS (pdf_sections); i++)
    {
      /* a section starts on the next page when less than its likely height is left */
      if (y > page_h - margin - 110)
        {
          cairo_show_page (cr);
          y = margin;
        }
      y = pdf_paragraph (cr, margin, y + 8, page_w - 2 * margin, "Sans Bold 12",
                         pdf_sections[i].heading);
      y = pdf_paragraph (cr, margin, y + 3, page_w - 2 * margin, "Serif 10.5",
                         pdf_sections[i].text);
      g_string_append_printf (body, "%s\n%s\n", pdf_sections[i].heading, pdf_sections[i].text);
    }

  /* the diagram, under the text when it fits */
  scale = (page_w - 2 * margin + 40) / 960.0;
  if (y + 110 + 660 * scale > page_h - margin)
    {
      cairo_show_page (cr);
      y = margin;
    }
  else
    y += 24;
  y = pdf_paragraph (cr, margin, y, page_w - 2 * margin, "Sans Bold 14",
                     "Figure 1 — Sites, Internet edge and segmentation");
  pdf_diagram (cr, margin - 20, y + 12, scale);
  pdf_paragraph (cr, margin, y + 24 + 660 * scale, page_w - 2 * margin, "Serif 9.5",
                 "Dashed lines are IPsec tunnels; the DMZ servers hang off the DMZ switch. "
                 "Addresses in the DMZ are translated by FW-MAN-01; the public block is "
                 "198.51.100.0/26.");
  g_string_append (body, "Figure 1 — Sites, Internet edge and segmentation\n");
  diagram_text (body);
  cairo_show_page (cr);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_FAILED,
                   _("Cannot draw the demo PDF document: %s"), cairo_status_to_string (status));
      g_string_free (body, TRUE);
      return NULL;
    }

  *body_out = g_string_free (body, FALSE);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static const DemoAsset *
find_demo_asset (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_assets); i++)
    if (g_str_equal (demo_assets[i].key, key))
      return &demo_assets[i];
  g_error ("demo data: unknown asset “%s”", key);
}

static const char *
find_team_name (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_teams); i++)
    if (g_str_equal (demo_teams[i].key, key))
      return demo_teams[i].name;
  g_error ("demo data: unknown team “%s”", key);
}

static GBytes *
render_inventory (Demo  *d,
                  char **body_out)
{
  GString *text = g_string_new (NULL);

  g_string_append (text,
    "KESTREL LOGISTICS — ASSET INVENTORY EXTRACT\n"
    "Source: CMDB weekly export by IT Operations. TLP:AMBER. Do not forward.\n"
    "Columns: hostname | addresses | criticality | owner team | technical contact | name\n"
    "\n");
  for (guint i = 0; i < G_N_ELEMENTS (demo_assets); i++)
    {
      const DemoAsset *a = &demo_assets[i];
      g_string_append_printf (text, "%-44s | %-28s | %-8s | %s | %s | %s\n",
                              a->hostname, *a->addresses ? a->addresses : "(cloud)",
                              a->criticality, find_team_name (a->team),
                              demo_name (d, a->tech), a->name);
    }
  g_string_append_printf (text, "\n%u assets.\n", (guint) G_N_ELEMENTS (demo_assets));

  *body_out = g_strdup (text->str);
  return g_string_free_to_bytes (text);
}

/* Loading the demo organisation -------------------------------------------- */

static char *
make_email (const char *name,
            const char *domain)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autofree char *lower = g_ascii_strdown (ascii, -1);
  g_auto(GStrv) words = g_strsplit (lower, " ", -1);
  GString *email = g_string_new (NULL);

  /* first name, a dot, then the rest run together: "jean-baptiste.lefevre" */
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i == 1)
        g_string_append_c (email, '.');
      for (const char *c = words[i]; *c; c++)
        if (g_ascii_isalnum (*c) || *c == '-')
          g_string_append_c (email, *c);
    }
  g_string_append_printf (email, "@%s", domain);
  return g_string_free (email, FALSE);
}

static const DemoSite *
find_site (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_sites); i++)
    if (g_str_equal (demo_sites[i].key, key))
      return &demo_sites[i];
  g_error ("demo data: unknown site “%s”", key);
}

static gboolean
load_organisation (Demo    *d,
                   GError **error)
{
  gint64 at = d->now - 400 * DAY;
  guint landline[3] = { 110, 310, 0 };
  guint mobile = 0;

  for (guint i = 0; i < G_N_ELEMENTS (demo_teams); i++)
    {
      const DemoTeam *t = &demo_teams[i];
      gboolean external = g_str_equal (t->kind, "external");
      g_autofree char *email = NULL;
      const char *phone = NULL;
      gint64 id;

      if (external)
        email = g_strdup ("ir@" CSIRT_DOMAIN);
      else if (t->email != NULL)
        email = g_strdup_printf ("%s@%s", t->email, DEMO_DOMAIN);
      if (g_str_equal (t->key, "soc"))
        phone = "+44 161 496 0100";
      else if (g_str_equal (t->key, "servicedesk"))
        phone = "+44 161 496 0200";
      else if (external)
        phone = "+44 20 7946 0999";

      id = write_team (d, t->name, t->kind, demo_id (d->teams, t->parent), email, phone,
                       t->description, at, error);
      if (id == 0)
        return FALSE;
      demo_set_id (d->teams, t->key, id);
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_people); i++)
    {
      const DemoPerson *p = &demo_people[i];
      const DemoSite *site = find_site (p->site);
      gboolean external = g_str_equal (p->site, "ext");
      g_autofree char *employee_id = NULL;
      g_autofree char *email = make_email (p->name, external ? CSIRT_DOMAIN : DEMO_DOMAIN);
      g_autofree char *phone = NULL;
      g_autofree char *mobile_text = NULL;
      g_auto(GStrv) roles = g_strsplit (p->roles ? p->roles : "", " ", -1);
      PersonRow row = { 0 };
      gint64 id;

      employee_id = external ? g_strdup_printf ("BC-%03u", i)
                             : g_strdup_printf ("KL%04u", 1001 + i * 7);
      switch (site->area)
        {
        case AREA_MANCHESTER:
          phone = g_strdup_printf ("+44 161 496 0%03u", landline[0]++);
          mobile_text = g_strdup_printf ("+44 7700 900%03u", 100 + mobile++);
          break;
        case AREA_LONDON:
          phone = g_strdup_printf ("+44 20 7946 0%03u", landline[1]++);
          mobile_text = g_strdup_printf ("+44 7700 900%03u", 100 + mobile++);
          break;
        case AREA_FRANCE:
          phone = g_strdup_printf ("+33 1 99 00 %02u %02u", 10 + landline[2] / 10,
                                   (landline[2] * 7) % 100);
          mobile_text = g_strdup_printf ("+33 6 39 98 %02u %02u", 20 + landline[2] / 10,
                                         (landline[2] * 13) % 100);
          landline[2]++;
          break;
        default:
          g_assert_not_reached ();
        }

      row.employee_id = employee_id;
      row.name = p->name;
      row.title = p->title;
      row.team_id = demo_id (d->teams, p->team);
      row.manager_id = demo_id (d->people, p->manager);
      row.email = email;
      row.phone = phone;
      /* about half of the staff gave a mobile number; everyone on call did */
      row.mobile = (p->on_call || i % 2 == 0) ? mobile_text : NULL;
      row.location = site->location;
      row.on_call = p->on_call;
      row.at = at + i * HOUR;
      id = write_person (d, &row, error);
      if (id == 0)
        return FALSE;
      demo_set_id (d->people, p->key, id);
      g_hash_table_insert (d->names, (gpointer) p->key, (gpointer) p->name);

      for (guint r = 0; roles[r] != NULL; r++)
        if (*roles[r] != '\0' && !write_role (d, id, roles[r], error))
          return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_teams); i++)
    if (!write_team_lead (d, demo_id (d->teams, demo_teams[i].key),
                          demo_id (d->people, demo_teams[i].lead), error))
      return FALSE;

  return TRUE;
}

static gboolean
load_assets (Demo    *d,
             GError **error)
{
  gint64 at = d->now - 380 * DAY;

  for (guint i = 0; i < G_N_ELEMENTS (demo_assets); i++)
    {
      const DemoAsset *a = &demo_assets[i];
      AssetRow row = {
        .name = a->name,
        .kind = a->kind,
        .hostname = a->hostname,
        .addresses = a->addresses,
        .owner_team_id = demo_id (d->teams, a->team),
        .tech_contact_id = demo_id (d->people, a->tech),
        .business_owner_id = demo_id (d->people, a->business),
        .criticality = a->criticality,
        .environment = a->environment,
        .location = a->location,
        .status = "active",
        .description = a->description,
        .at = at + i * DAY,
      };
      gint64 id = write_asset (d, &row, error);

      if (id == 0)
        return FALSE;
      demo_set_id (d->assets, a->key, id);
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_dependencies); i++)
    {
      const DemoDependency *dep = &demo_dependencies[i];
      if (!write_dependency (d, demo_id (d->assets, dep->from), demo_id (d->assets, dep->to),
                             dep->kind, dep->note, error))
        return FALSE;
    }
  return TRUE;
}

/* Alerts: dedup keys, raw events ---------------------------------------------- */

static char *
unique_dedup_key (Demo       *d,
                  const char *key,
                  gint64      first_seen)
{
  char date[ISO_LEN];
  char *unique = g_strdup (key);

  /* The same signature between the same hosts months apart is two alert
   * groups, as a dedup window would make it; the date keeps keys unique. */
  format_iso (first_seen, date);
  for (guint n = 1; g_hash_table_contains (d->dedup_keys, unique); n++)
    {
      g_free (unique);
      unique = n == 1 ? g_strdup_printf ("%s:%.10s", key, date)
                      : g_strdup_printf ("%s:%.10s:%u", key, date, n);
    }
  g_hash_table_add (d->dedup_keys, unique);
  return g_strdup (unique);
}

static int
suricata_severity (const char *severity)
{
  if (g_str_equal (severity, "critical") || g_str_equal (severity, "high"))
    return 1;
  return g_str_equal (severity, "medium") ? 2 : 3;
}

static int
wazuh_level (const char *severity)
{
  if (g_str_equal (severity, "critical"))
    return 13;
  if (g_str_equal (severity, "high"))
    return 10;
  return g_str_equal (severity, "medium") ? 7 : 4;
}

/* The first event as the source would have sent it, for the alert's raw view. */
static char *
raw_event (const AlertRow *a)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char ts[ISO_LEN];

  format_iso (a->first_seen, ts);
  json_builder_begin_object (b);
  if (g_str_equal (a->source, "suricata"))
    {
      json_builder_set_member_name (b, "timestamp");
      json_builder_add_string_value (b, ts);
      json_builder_set_member_name (b, "event_type");
      json_builder_add_string_value (b, "alert");
      json_builder_set_member_name (b, "src_ip");
      json_builder_add_string_value (b, a->src_addr ? a->src_addr : "");
      json_builder_set_member_name (b, "src_port");
      json_builder_add_int_value (b, a->src_port);
      json_builder_set_member_name (b, "dest_ip");
      json_builder_add_string_value (b, a->dst_addr ? a->dst_addr : "");
      json_builder_set_member_name (b, "dest_port");
      json_builder_add_int_value (b, a->dst_port);
      json_builder_set_member_name (b, "proto");
      json_builder_add_string_value (b, a->proto ? a->proto : "TCP");
      json_builder_set_member_name (b, "alert");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "action");
      json_builder_add_string_value (b, "allowed");
      json_builder_set_member_name (b, "gid");
      json_builder_add_int_value (b, 1);
      json_builder_set_member_name (b, "signature_id");
      json_builder_add_int_value (b, g_ascii_strtoll (a->rule, NULL, 10));
      json_builder_set_member_name (b, "rev");
      json_builder_add_int_value (b, 3);
      json_builder_set_member_name (b, "signature");
      json_builder_add_string_value (b, a->title);
      json_builder_set_member_name (b, "category");
      json_builder_add_string_value (b, a->type ? a->type : "");
      json_builder_set_member_name (b, "severity");
      json_builder_add_int_value (b, suricata_severity (a->severity));
      json_builder_end_object (b);
    }
  else if (g_str_equal (a->source, "wazuh"))
    {
      json_builder_set_member_name (b, "timestamp");
      json_builder_add_string_value (b, ts);
      json_builder_set_member_name (b, "rule");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, a->rule);
      json_builder_set_member_name (b, "level");
      json_builder_add_int_value (b, wazuh_level (a->severity));
      json_builder_set_member_name (b, "description");
      json_builder_add_string_value (b, a->title);
      json_builder_end_object (b);
      json_builder_set_member_name (b, "agent");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, a->hostname ? a->hostname : "siem01");
      json_builder_end_object (b);
      if (a->src_addr != NULL)
        {
          json_builder_set_member_name (b, "data");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "srcip");
          json_builder_add_string_value (b, a->src_addr);
          json_builder_end_object (b);
        }
    }
  else if (g_str_equal (a->source, "zeek"))
    {
      json_builder_set_member_name (b, "ts");
      json_builder_add_string_value (b, ts);
      json_builder_set_member_name (b, "note");
      json_builder_add_string_value (b, a->rule);
      json_builder_set_member_name (b, "msg");
      json_builder_add_string_value (b, a->title);
      json_builder_set_member_name (b, "src");
      json_builder_add_string_value (b, a->src_addr ? a->src_addr : "");
      json_builder_set_member_name (b, "dst");
      json_builder_add_string_value (b, a->dst_addr ? a->dst_addr : "");
      json_builder_set_member_name (b, "p");
      json_builder_add_int_value (b, a->dst_port);
    }
  else
    {
      json_builder_set_member_name (b, "source");
      json_builder_add_string_value (b, a->source);
      json_builder_set_member_name (b, "sourceRef");
      json_builder_add_string_value (b, a->source_ref ? a->source_ref : "");
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, a->title);
      json_builder_set_member_name (b, "date");
      json_builder_add_string_value (b, ts);
      if (a->src_addr != NULL || a->dst_addr != NULL)
        {
          json_builder_set_member_name (b, "ioc");
          json_builder_add_string_value (b, a->src_addr && !g_str_has_prefix (a->src_addr, "10.")
                                            ? a->src_addr : a->dst_addr);
        }
    }
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static gboolean
is_outside (const char *address)
{
  if (address == NULL || g_str_has_prefix (address, "10.") || g_str_has_prefix (address, "172.16."))
    return FALSE;
  /* 198.51.100.0/25 is Kestrel's own public space; the rest stands for others */
  if (g_str_has_prefix (address, "198.51.100."))
    return atoi (address + strlen ("198.51.100.")) >= 128;
  return TRUE;
}

/* Fills in what a writer needs from a short description, then writes it. */
static gint64
add_alert (Demo            *d,
           AlertRow        *a,
           const char      *asset_key,
           GError         **error)
{
  g_autofree char *base_key = NULL;
  g_autofree char *key = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *source_ref = NULL;

  if (asset_key != NULL)
    {
      const DemoAsset *asset = find_demo_asset (asset_key);
      a->asset_id = demo_id (d->assets, asset_key);
      a->hostname = asset->hostname;
    }
  if (a->src_addr != NULL && a->proto != NULL)
    a->src_port = (int) rand_range (d, 1024, 65535);

  /* each source's own reference, in its own shape */
  if (g_str_equal (a->source, "suricata"))
    {
      base_key = g_strdup_printf ("suricata:%s:%s:%s", a->rule, a->src_addr ? a->src_addr : "-",
                                  a->dst_addr ? a->dst_addr : "-");
      source_ref = g_strdup_printf ("%" PRId64,
                                    rand_range (d, G_GINT64_CONSTANT (1000000000000000),
                                                G_GINT64_CONSTANT (9000000000000000)));
    }
  else if (g_str_equal (a->source, "zeek"))
    {
      static const char alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
      char uid[19] = "C";

      for (guint i = 1; i < 18; i++)
        uid[i] = alnum[rand_range (d, 0, sizeof alnum - 1)];
      uid[18] = '\0';
      base_key = g_strdup_printf ("zeek:%s:%s:%s", a->rule, a->src_addr ? a->src_addr : "-",
                                  a->dst_addr ? a->dst_addr : "-");
      source_ref = g_strdup (uid);
    }
  else if (g_str_equal (a->source, "wazuh"))
    {
      base_key = g_strdup_printf ("wazuh:%s:%s:%s", a->rule, a->hostname ? a->hostname : "-",
                                  a->src_addr ? a->src_addr : "-");
      source_ref = g_strdup_printf ("%" PRId64 ".%" PRId64, a->first_seen,
                                    rand_range (d, 1000, 9999999));
    }
  else if (g_str_equal (a->source, "misp"))
    base_key = g_strdup_printf ("misp:%s:%s", a->rule,
                                is_outside (a->src_addr) ? a->src_addr
                                : a->dst_addr ? a->dst_addr : a->hostname ? a->hostname : "-");
  else
    base_key = g_strdup_printf ("%s:%s", a->source, a->rule);
  key = unique_dedup_key (d, base_key, a->first_seen);
  a->dedup_key = key;
  a->source_ref = source_ref ? source_ref : a->rule;

  raw = raw_event (a);
  a->raw = raw;
  return write_alert (d, a, error);
}

/* Incidents ------------------------------------------------------------------ */

/* When the incident entered and left each stage it went through. */
typedef struct
{
  gboolean visited[VIGIL_N_STAGES];
  gint64   entered[VIGIL_N_STAGES];
  gint64   left[VIGIL_N_STAGES];   /* the next stage's entry, or now */
  VigilStage order[VIGIL_N_STAGES];
  guint    n;
} Path;

static void
path_compute (Path       *path,
              VigilStage  stage,
              int         closed_after,
              gint64      created,
              gint64      now,
              const gint64 durations[4])
{
  gint64 limit, last;
  double factor = 1.0;

  memset (path, 0, sizeof *path);
  if (stage == VIGIL_STAGE_CLOSED)
    {
      guint last_open = closed_after > 0 ? (guint) closed_after - 1 : VIGIL_STAGE_RESOLUTION;
      for (guint s = 0; s <= last_open; s++)
        path->order[path->n++] = s;
      path->order[path->n++] = VIGIL_STAGE_CLOSED;
      limit = now - 30 * 60;
    }
  else
    {
      for (guint s = 0; s <= stage; s++)
        path->order[path->n++] = s;
      /* leave the open stage a tenth of the incident's age, so it is being worked */
      limit = created + (now - created) * 9 / 10;
    }

  /* squeeze the stage durations when they would not fit before now */
  last = created;
  for (guint k = 0; k + 1 < path->n; k++)
    last += durations[path->order[k]];
  if (last > limit && last > created)
    factor = (double) (limit - created) / (double) (last - created);

  path->entered[path->order[0]] = created;
  for (guint k = 1; k < path->n; k++)
    path->entered[path->order[k]] = path->entered[path->order[k - 1]]
                                    + MAX (60, (gint64) (durations[path->order[k - 1]] * factor));
  for (guint k = 0; k < path->n; k++)
    {
      VigilStage s = path->order[k];
      path->visited[s] = TRUE;
      path->left[s] = k + 1 < path->n ? path->entered[path->order[k + 1]] : now;
    }
}

/* The time at a fraction of a stage, or 0 when the incident never got there. */
static gint64
path_time (const Path *path,
           VigilStage  stage,
           double      fraction)
{
  if (!path->visited[stage])
    return 0;
  if (stage == VIGIL_STAGE_CLOSED)
    return path->entered[stage];
  return path->entered[stage]
         + (gint64) ((double) (path->left[stage] - path->entered[stage]) * CLAMP (fraction, 0, 1));
}

static const char *
stage_label (VigilStage stage)
{
  guint n;
  const VigilVocabEntry *entries = vigil_vocab_entries (VIGIL_VOCAB_STAGE, &n);

  /* timeline text is data, in the language of the demo: untranslated */
  return entries[stage].label;
}

static const char *
tier_label (const char *tier)
{
  const VigilVocabEntry *entries = vigil_vocab_entries (VIGIL_VOCAB_TIER, NULL);
  int i = vigil_vocab_index (VIGIL_VOCAB_TIER, tier);

  g_assert (i >= 0);
  return entries[i].label;
}

static const char *
source_label (const char *source)
{
  static const char * const labels[][2] = {
    { "suricata", "Suricata" }, { "wazuh", "Wazuh" }, { "zeek", "Zeek" }, { "misp", "MISP" },
    { "thehive", "TheHive" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i][0], source))
      return labels[i][1];
  return source;
}

/* The event type each source gives its alerts, for the ones the demo
 * incidents list without one. */
static const char *
source_alert_type (const char *source)
{
  if (g_str_equal (source, "suricata"))
    return "trojan-activity";
  if (g_str_equal (source, "wazuh"))
    return "ossec";
  if (g_str_equal (source, "zeek"))
    return "notice";
  if (g_str_equal (source, "misp"))
    return "ioc";
  return "user-report";
}

static const char *
resolution_text (const char *resolution)
{
  if (g_str_equal (resolution, "true-positive"))
    return "true positive";
  if (g_str_equal (resolution, "false-positive"))
    return "false positive";
  return resolution;
}

static gint64
sla_seconds (int priority)
{
  switch (priority)
    {
    case 1: return 4 * HOUR;
    case 2: return 24 * HOUR;
    case 3: return 72 * HOUR;
    default: return 7 * DAY;
    }
}

static void
timeline_add (GArray      *rows,
              gint64       at,
              const char  *actor,
              const char  *kind,
              const char  *summary,
              const char  *field,
              const char  *before,
              const char  *after)
{
  TimelineRow row = { at, 0, actor, kind, summary, field, before, after };

  if (at > 0)
    g_array_append_val (rows, row);
}

static int
timeline_compare (gconstpointer a,
                  gconstpointer b)
{
  const TimelineRow *x = a;
  const TimelineRow *y = b;

  return (x->at > y->at) - (x->at < y->at);
}

static char *
observable_value (const DemoObservable *o)
{
  GChecksumType type;

  if (o->value[0] != '#')
    return g_strdup (o->value);
  if (g_str_equal (o->type, "md5"))
    type = G_CHECKSUM_MD5;
  else if (g_str_equal (o->type, "sha1"))
    type = G_CHECKSUM_SHA1;
  else
    type = G_CHECKSUM_SHA256;
  return g_compute_checksum_for_string (type, o->value + 1, -1);
}

static const char *
contact_verb (const char *channel,
              const char *direction)
{
  gboolean in = g_strcmp0 (direction, "inbound") == 0;

  if (g_str_equal (channel, "phone"))
    return in ? "Call from" : "Phoned";
  if (g_str_equal (channel, "email"))
    return in ? "Email from" : "Emailed";
  if (g_str_equal (channel, "chat"))
    return in ? "Chat from" : "Chat with";
  if (g_str_equal (channel, "meeting"))
    return "Meeting with";
  return "Contact with";
}

static gboolean
load_incident (Demo                *d,
               const DemoIncident  *inc,
               GError             **error)
{
  g_autoptr(GArray) timeline = g_array_new (FALSE, FALSE, sizeof (TimelineRow));
  const char *assignee = inc->assignee ? demo_name (d, inc->assignee) : NULL;
  const char *triage = demo_name (d, inc->triage);
  const char *worker = assignee ? assignee : triage;
  gint64 durations[4];
  gint64 detected, created, end, updated;
  int priority = vigil_priority_from_impact_urgency (inc->impact, inc->urgency);
  IncidentRow row = { 0 };
  Path path;
  gint64 id;

  detected = d->now - (gint64) (inc->days_ago * DAY) + rand_range (d, -20 * 60, 20 * 60);
  detected = MIN (detected, d->now - 20 * 60);
  created = detected + rand_range (d, 2 * 60, 12 * 60);
  for (guint s = 0; s < 4; s++)
    durations[s] = (gint64) (inc->hours[s] * HOUR);
  path_compute (&path, inc->stage, inc->closed_after, created, d->now, durations);
  end = inc->stage == VIGIL_STAGE_CLOSED ? path.entered[VIGIL_STAGE_CLOSED] : d->now;

  row.title = inc->title;
  row.description = inc->description;
  row.stage = inc->stage;
  row.severity = inc->severity;
  row.impact = inc->impact;
  row.urgency = inc->urgency;
  row.category = inc->category;
  row.tlp = inc->tlp;
  row.pap = inc->pap;
  row.tier = inc->tier;
  row.assignee_id = demo_id (d->people, inc->assignee);
  row.owner_team_id = demo_id (d->teams, inc->team);
  row.occurred_at = detected - (gint64) (inc->occurred_hours * HOUR);
  row.detected_at = detected;
  if (inc->stage != VIGIL_STAGE_CLASSIFICATION || inc->assignee != NULL)
    row.acknowledged_at = MIN (created + rand_range (d, 3 * 60, 15 * 60),
                               path.left[VIGIL_STAGE_CLASSIFICATION] - 30);
  if (path.visited[VIGIL_STAGE_RESOLUTION])
    row.contained_at = path.entered[VIGIL_STAGE_RESOLUTION];
  if (inc->stage == VIGIL_STAGE_CLOSED)
    {
      gint64 closed = path.entered[VIGIL_STAGE_CLOSED];
      VigilStage before = path.order[path.n - 2];

      row.closed_at = closed;
      row.resolved_at = closed - MIN (30 * 60, (closed - path.entered[before]) / 4);
      row.resolution = inc->resolution;
      row.summary = inc->summary;
      row.lessons = inc->lessons;
    }
  row.impact_status = inc->impact_status;
  row.due_at = priority > 0 ? detected + sla_seconds (priority) : created + 4 * HOUR;
  row.created_at = created;
  row.updated_at = created;  /* corrected below, once the timeline is known */

  /* what happened, in the order it happened */
  timeline_add (timeline, created, triage, "created",
                inc->alerts ? demo_keep (d, g_strdup_printf ("Created from %s alert “%s”",
                                                             source_label (inc->alerts[0].source),
                                                             inc->alerts[0].title))
                            : "Created from a report to the SOC", NULL, NULL, NULL);
  if (inc->severity != NULL)
    {
      const char *first = inc->raised_from ? inc->raised_from : inc->severity;
      timeline_add (timeline, created + 60, triage, "field",
                    demo_keep (d, g_strdup_printf ("Classified: severity %s, %s", first,
                                                   inc->category)),
                    "severity", NULL, first);
      if (inc->raised_from != NULL)
        timeline_add (timeline, path_time (&path, VIGIL_STAGE_INVESTIGATION, 0.15), worker,
                      "field", demo_keep (d, g_strdup_printf ("Severity raised from %s to %s",
                                                              inc->raised_from, inc->severity)),
                      "severity", inc->raised_from, inc->severity);
    }
  if (assignee != NULL)
    timeline_add (timeline, row.acknowledged_at, triage, "field",
                  demo_keep (d, g_strdup_printf ("Assigned to %s", assignee)),
                  "assignee", NULL, assignee);
  if (inc->escalated_from != NULL)
    timeline_add (timeline, path_time (&path, VIGIL_STAGE_INVESTIGATION, 0.7), worker,
                  "escalation",
                  demo_keep (d, g_strdup_printf ("Escalated from %s to %s: %s",
                                                 tier_label (inc->escalated_from),
                                                 tier_label (inc->tier),
                                                 inc->escalation_reason)),
                  "tier", inc->escalated_from, inc->tier);
  for (guint k = 1; k < path.n; k++)
    {
      VigilStage from = path.order[k - 1];
      VigilStage to = path.order[k];
      const char *actor = from == VIGIL_STAGE_CLASSIFICATION ? triage : worker;
      const char *summary = to == VIGIL_STAGE_CLOSED
        ? demo_keep (d, g_strdup_printf ("Closed as %s", resolution_text (inc->resolution)))
        : demo_keep (d, g_strdup_printf ("Moved to %s", stage_label (to)));

      timeline_add (timeline, path.entered[to], actor, "stage", summary, "stage",
                    vigil_stage_key (from), vigil_stage_key (to));
    }
  for (const DemoNote *n = inc->notes; n && n->text; n++)
    timeline_add (timeline, path_time (&path, n->stage, n->at), demo_name (d, n->actor), "note",
                  n->text, NULL, NULL, NULL);

  /* the incident itself */
  id = write_incident (d, &row, error);
  if (id == 0)
    return FALSE;
  demo_set_id (d->incidents, inc->key, id);

  /* stage history: one row per step */
  for (guint k = 0; k < path.n; k++)
    {
      VigilStage to = path.order[k];
      const char *actor = k <= 1 ? triage : worker;
      const char *reason = NULL;

      if (to == VIGIL_STAGE_INVESTIGATION)
        reason = "Triaged";
      else if (to == VIGIL_STAGE_CONTAINMENT)
        reason = "Cause identified; containment needed";
      else if (to == VIGIL_STAGE_RESOLUTION)
        reason = "Contained";
      else if (to == VIGIL_STAGE_CLOSED)
        reason = inc->summary;
      if (!write_stage (d, id, k == 0 ? -1 : (int) path.order[k - 1], to, actor,
                        path.entered[to], reason, error))
        return FALSE;
    }

  for (const DemoIncidentAsset *a = inc->assets; a && a->asset; a++)
    if (!write_incident_asset (d, id, demo_id (d->assets, a->asset), a->status, a->note, error))
      return FALSE;

  for (const DemoObservable *o = inc->observables; o && o->type; o++)
    {
      g_autofree char *value = observable_value (o);
      gint64 at = path.visited[VIGIL_STAGE_INVESTIGATION]
                  ? path_time (&path, VIGIL_STAGE_INVESTIGATION, 0.1) : created + 5 * 60;

      if (write_observable (d, id, 0, o->type, value, o->ioc, inc->tlp, o->note,
                            MIN (at, end), error) == 0)
        return FALSE;
    }

  for (const DemoAction *a = inc->actions; a && a->title; a++)
    {
      gboolean task = g_str_equal (a->kind, "task");
      gboolean finished = g_str_equal (a->status, "done") || g_str_equal (a->status, "removed")
                          || g_str_equal (a->status, "cancelled");
      gint64 at = path_time (&path, a->stage, a->at);
      gint64 done = 0;
      const char *owner = a->owner ? demo_name (d, a->owner) : NULL;
      ActionRow act = { 0 };

      if (at == 0)
        continue;
      if (finished)
        done = MIN (at + (gint64) (MAX (a->done_after, 0.25) * HOUR), end - 60);
      done = MAX (done, finished ? at + 60 : 0);

      act.incident_id = id;
      act.kind = a->kind;
      act.title = a->title;
      act.stage = a->stage;
      act.owner_team_id = demo_id (d->teams, a->team);
      act.owner_id = demo_id (d->people, a->owner);
      act.due_at = task ? at + 24 * HOUR : 0;
      act.status = a->status;
      act.cm_type = a->cm_type;
      act.applied_to = a->applied_to;
      act.applied_by = task ? NULL : owner;
      act.created_at = at;
      act.updated_at = done ? done : at;
      act.done_at = done;
      if (!write_action (d, &act, error))
        return FALSE;

      if (task)
        {
          timeline_add (timeline, at, worker, "action",
                        demo_keep (d, g_strdup_printf ("Task added: %s (%s)", a->title,
                                                       find_team_name (a->team))),
                        NULL, NULL, NULL);
          if (done)
            timeline_add (timeline, done, owner ? owner : worker, "action",
                          demo_keep (d, g_strdup_printf ("Task done: %s", a->title)),
                          "status", "todo", "done");
        }
      else
        {
          timeline_add (timeline, at, owner ? owner : worker, "action",
                        demo_keep (d, g_str_equal (a->status, "pending")
                                   ? g_strdup_printf ("Countermeasure requested: %s", a->title)
                                   : g_strdup_printf ("Countermeasure applied: %s (%s)",
                                                      a->title, a->applied_to)),
                        NULL, NULL, NULL);
          if (done)
            timeline_add (timeline, done, owner ? owner : worker, "action",
                          demo_keep (d, g_strdup_printf ("Countermeasure removed: %s",
                                                         a->title)),
                          "status", "active", "removed");
        }
    }

  for (const DemoContact *c = inc->contacts; c && c->channel; c++)
    {
      gint64 at = path_time (&path, c->stage, c->at);
      gint64 follow_up = 0;
      const char *who = c->person ? demo_name (d, c->person) : find_team_name (c->team);
      const char *actor = worker;

      if (at == 0)
        continue;
      if (c->stage == VIGIL_STAGE_CLASSIFICATION)
        actor = triage;
      if (c->follow_up > 0)
        follow_up = at + (gint64) (c->follow_up * HOUR);
      if (!write_contact (d, id, demo_id (d->people, c->person), demo_id (d->teams, c->team),
                          c->channel, c->direction, at, c->summary, follow_up, c->done, actor,
                          error))
        return FALSE;
      timeline_add (timeline, at, actor, "contact",
                    demo_keep (d, g_strdup_printf ("%s %s: %s",
                                                   contact_verb (c->channel, c->direction), who,
                                                   c->summary)),
                    NULL, NULL, NULL);
    }

  /* the alerts that raised it: the first was promoted, the others merged in */
  for (guint k = 0; inc->alerts && inc->alerts[k].source; k++)
    {
      const DemoAlert *da = &inc->alerts[k];
      gint64 spread = da->count > 1 ? MIN (da->count * 20, 8 * HOUR) : 0;
      AlertRow a = { 0 };
      gint64 alert_id;

      a.source = da->source;
      a.rule = da->rule;
      a.title = da->title;
      a.type = source_alert_type (da->source);
      a.severity = da->severity;
      a.src_addr = da->src;
      a.dst_addr = da->dst;
      if (a.dst_addr == NULL && da->asset != NULL)
        {
          const char *addresses = find_demo_asset (da->asset)->addresses;
          if (*addresses != '\0')
            a.dst_addr = demo_keep (d, g_strndup (addresses, strcspn (addresses, " ")));
        }
      a.dst_port = da->dst_port;
      a.proto = da->proto;
      a.status = k == 0 ? "promoted" : "merged";
      a.incident_id = id;
      a.count = da->count;
      a.first_seen = detected - rand_range (d, 2 * 60, 20 * 60) - spread / 2;
      a.last_seen = MIN (a.first_seen + spread, d->now - 60);
      a.updated_at = MAX (a.last_seen, created);
      alert_id = add_alert (d, &a, da->asset, error);
      if (alert_id == 0)
        return FALSE;
      if (is_outside (a.src_addr)
          && write_observable (d, 0, alert_id, "ip", a.src_addr, FALSE, "amber", NULL,
                               a.first_seen, error) == 0)
        return FALSE;
    }

  /* timeline rows are written oldest first, so their ids follow time */
  g_array_sort (timeline, timeline_compare);
  updated = created;
  for (guint k = 0; k < timeline->len; k++)
    {
      TimelineRow *t = &g_array_index (timeline, TimelineRow, k);
      t->at = MIN (t->at, d->now);
      if (!write_timeline (d, id, t, error))
        return FALSE;
      updated = MAX (updated, t->at);
    }

  /* updated_at is known only now; the FTS triggers do not watch it */
  {
    sqlite3_stmt *stmt = vigil_store_prepare (d->store,
                                              "UPDATE incidents SET updated_at = ?2 WHERE id = ?1",
                                              error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    bind_time (stmt, 2, updated);
    if (!run (d, stmt, error))
      return FALSE;
  }
  return TRUE;
}

static int
incident_age_compare (gconstpointer a,
                      gconstpointer b)
{
  const DemoIncident *x = *(const DemoIncident * const *) a;
  const DemoIncident *y = *(const DemoIncident * const *) b;

  /* oldest first, so INC numbers follow detection order */
  return (x->days_ago < y->days_ago) - (x->days_ago > y->days_ago);
}

static gboolean
load_incidents (Demo    *d,
                GError **error)
{
  const DemoIncident *order[G_N_ELEMENTS (demo_incidents)];

  for (guint i = 0; i < G_N_ELEMENTS (demo_incidents); i++)
    order[i] = &demo_incidents[i];
  qsort (order, G_N_ELEMENTS (order), sizeof order[0], incident_age_compare);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (!load_incident (d, order[i], error))
      return FALSE;
  return TRUE;
}

static const char *
pick_word (Demo       *d,
           const char *words,
           GPtrArray  *scratch)
{
  g_auto(GStrv) list = g_strsplit (words, " ", -1);
  guint n = g_strv_length (list);
  char *word = g_strdup (list[g_rand_int_range (d->rand, 0, (gint32) n)]);

  g_ptr_array_add (scratch, word);
  return word;
}

static char *
outside_address (Demo *d)
{
  switch (g_rand_int_range (d->rand, 0, 3))
    {
    case 0:
      return g_strdup_printf ("192.0.2.%d", g_rand_int_range (d->rand, 1, 255));
    case 1:
      return g_strdup_printf ("203.0.113.%d", g_rand_int_range (d->rand, 1, 255));
    default:
      return g_strdup_printf ("198.51.100.%d", g_rand_int_range (d->rand, 128, 255));
    }
}

/* The alerts nobody promoted: today's queue and the triaged history. */
static gboolean
load_background_alerts (Demo    *d,
                        guint    n,
                        GError **error)
{
  g_autoptr(GPtrArray) scratch = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      const DemoAlertTemplate *t =
        &demo_alert_templates[g_rand_int_range (d->rand, 0, G_N_ELEMENTS (demo_alert_templates))];
      const char *asset_key = pick_word (d, t->targets, scratch);
      const DemoAsset *asset = find_demo_asset (asset_key);
      g_autofree char *outside = outside_address (d);
      g_autofree char *asset_address = g_strndup (asset->addresses,
                                                  strcspn (asset->addresses, " "));
      g_autofree char *report = NULL;
      double u = rand_unit (d);
      /* skewed towards today: the queue is busiest with recent alerts */
      gint64 age = (gint64) (pow (rand_unit (d), 2.2) * 118 * DAY) + rand_range (d, 60, HOUR);
      AlertRow a = { 0 };
      gint64 alert_id;

      a.source = t->source;
      a.rule = t->rule;
      a.title = t->title;
      a.type = t->type;
      a.severity = t->severity;
      a.proto = t->proto;
      a.dst_port = t->dst_port;
      switch (t->flow)
        {
        case FLOW_INBOUND:
          a.src_addr = outside;
          a.dst_addr = *asset_address ? asset_address : NULL;
          break;
        case FLOW_OUTBOUND:
          a.src_addr = *asset_address ? asset_address : NULL;
          a.dst_addr = outside;
          break;
        case FLOW_LOCAL:
          a.dst_addr = *asset_address ? asset_address : NULL;
          break;
        default:
          g_assert_not_reached ();
        }
      if (g_str_equal (t->source, "thehive"))
        {
          report = g_strdup_printf ("phish-report-%u", 5000 + i);
          a.rule = report;
        }

      a.count = u < 0.55 ? 1 : MIN (5000, (gint64) pow (1.0 / (1.0 - rand_unit (d) * 0.999), 1.6)
                                          + 1);
      a.last_seen = d->now - age;
      a.first_seen = a.last_seen - (a.count > 1 ? rand_range (d, 60, MIN (a.count * 90, 3 * DAY))
                                                : 0);
      u = rand_unit (d);
      if (age < 2 * DAY)
        a.status = u < 0.9 ? "new" : "dismissed";
      else if (age < 14 * DAY)
        a.status = u < 0.35 ? "new" : u < 0.9 ? "dismissed" : "suppressed";
      else
        a.status = u < 0.08 ? "new" : u < 0.88 ? "dismissed" : "suppressed";
      if (g_str_equal (a.status, "dismissed"))
        {
          double r = rand_unit (d);
          a.dismiss_reason = r < 0.5 ? "benign" : r < 0.9 ? "false-positive" : "duplicate";
          a.updated_at = MIN (a.last_seen + rand_range (d, 10 * 60, 20 * HOUR), d->now);
        }

      alert_id = add_alert (d, &a, asset_key, error);
      if (alert_id == 0)
        return FALSE;

      /* some alerts carry what the analyst extracted from them */
      if (is_outside (a.src_addr) || is_outside (a.dst_addr))
        {
          const char *ip = is_outside (a.src_addr) ? a.src_addr : a.dst_addr;
          if ((g_str_equal (t->source, "misp") || rand_unit (d) < 0.4)
              && write_observable (d, 0, alert_id, "ip", ip, g_str_equal (t->source, "misp"),
                                   "amber", NULL, a.first_seen, error) == 0)
            return FALSE;
        }
      if (g_str_equal (t->rule, "92213"))
        {
          g_autofree char *seed = g_strdup_printf ("dropped-%u", i);
          g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);
          if (write_observable (d, 0, alert_id, "sha256", hash, FALSE, "amber",
                                "dropped file", a.first_seen, error) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_detections (Demo    *d,
                 GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_detections); i++)
    {
      const DemoDetection *r = &demo_detections[i];
      sqlite3_stmt *stmt = d->st.detection;

      vigil_bind_id (stmt, 1, demo_id (d->incidents, r->incident));
      sqlite3_bind_null (stmt, 2);
      vigil_bind_id (stmt, 3, demo_id (d->teams, r->team));
      vigil_bind_text (stmt, 4, r->what);
      vigil_bind_text (stmt, 5, r->where);
      vigil_bind_text (stmt, 6, r->why);
      vigil_bind_text (stmt, 7, r->status);
      vigil_bind_text (stmt, 8, demo_name (d, r->actor));
      bind_time (stmt, 9, d->now - (gint64) (r->days_ago * DAY));
      bind_time (stmt, 10, d->now - (gint64) (r->updated_days_ago * DAY));
      if (!run (d, stmt, error))
        return FALSE;
      d->n_detections++;
    }
  return TRUE;
}

static gboolean
load_documents (Demo    *d,
                GError **error)
{
  const char *archive_dir = vigil_store_get_archive_dir (d->store);

  for (guint i = 0; i < G_N_ELEMENTS (demo_documents); i++)
    {
      const DemoDocument *doc = &demo_documents[i];
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *body = NULL;
      g_autofree char *sha256 = NULL;
      g_auto(GStrv) links = NULL;
      char date[ISO_LEN];
      gint64 dated = d->now - (gint64) (doc->days_ago * DAY);
      sqlite3_stmt *stmt = d->st.document;
      gint64 id;

      switch (doc->format)
        {
        case DOC_TEXT:
          bytes = g_bytes_new_static (doc->text, strlen (doc->text));
          body = g_strdup (doc->text);
          break;
        case DOC_SVG:
          bytes = render_svg (&body);
          break;
        case DOC_PDF:
          bytes = render_pdf (&body, error);
          if (bytes == NULL)
            return FALSE;
          break;
        case DOC_INVENTORY:
          bytes = render_inventory (d, &body);
          break;
        default:
          g_assert_not_reached ();
        }

      /* A rolled-back load leaves these files behind; they are harmless,
       * content-addressed and shared by any later load of the same bytes. */
      sha256 = vigil_archive_store_bytes (archive_dir, bytes, error);
      if (sha256 == NULL)
        return FALSE;

      format_iso (dated, date);
      date[10] = '\0';
      vigil_bind_text (stmt, 1, sha256);
      vigil_bind_text (stmt, 2, doc->title);
      vigil_bind_text (stmt, 3, doc->filename);
      vigil_bind_text (stmt, 4, doc->media_type);
      sqlite3_bind_int64 (stmt, 5, (gint64) g_bytes_get_size (bytes));
      vigil_bind_text (stmt, 6, doc->kind);
      vigil_bind_text (stmt, 7, doc->version);
      vigil_bind_text (stmt, 8, date);
      vigil_bind_text (stmt, 9, doc->tlp);
      vigil_bind_id (stmt, 10, demo_id (d->teams, doc->team));
      bind_time (stmt, 11, dated + 3 * HOUR);
      id = run_insert (d, stmt, error);
      if (id == 0)
        return FALSE;
      d->n_documents++;

      /* the text is known here, so it is searchable without the extractor */
      sqlite3_bind_int64 (d->st.document_body, 1, id);
      vigil_bind_text (d->st.document_body, 2, body);
      if (!run (d, d->st.document_body, error))
        return FALSE;

      links = g_strsplit (doc->links, " ", -1);
      for (guint k = 0; links[k] != NULL; k++)
        {
          const char *colon = strchr (links[k], ':');
          const char *key = colon ? colon + 1 : NULL;

          if (key == NULL)
            continue;
          sqlite3_bind_int64 (d->st.document_link, 1, id);
          if (g_str_has_prefix (links[k], "asset:"))
            sqlite3_bind_int64 (d->st.document_link, 2, demo_id (d->assets, key));
          else if (g_str_has_prefix (links[k], "team:"))
            sqlite3_bind_int64 (d->st.document_link, 3, demo_id (d->teams, key));
          else if (g_str_has_prefix (links[k], "incident:"))
            sqlite3_bind_int64 (d->st.document_link, 4, demo_id (d->incidents, key));
          else
            g_error ("demo data: bad document link “%s”", links[k]);
          if (!run (d, d->st.document_link, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_organisation_demo (Demo    *d,
                        GError **error)
{
  return load_organisation (d, error)
         && load_assets (d, error)
         && load_incidents (d, error)
         && load_background_alerts (d, 240, error)
         && load_detections (d, error)
         && load_documents (d, error);
}

/* ======================================================================== */
/* Synthetic databases for benchmarks                                       */
/* ======================================================================== */

static const char * const synth_first_names[] = {
  "Amara", "Ahmed", "Aisha", "Alejandro", "Anders", "Anil", "Anna", "Antoine", "Arjun",
  "Beatriz", "Camille", "Chen", "Chloé", "Daniel", "David", "Elena", "Emma", "Eun-ji",
  "Fatima", "François", "Gabriel", "Grace", "Hamid", "Hannah", "Hiroshi", "Ines", "Ioana",
  "Jakub", "James", "Javier", "Joon-ho", "Julia", "Kofi", "Lars", "Léa", "Liam", "Lucía",
  "Mai", "Marco", "Maria", "Mateo", "Mehmet", "Nadia", "Nikos", "Noah", "Olga", "Oluwaseun",
  "Omar", "Paul", "Priya", "Rafael", "Ravi", "Sara", "Siobhan", "Sofia", "Tariq", "Thomas",
  "Yara", "Yuki", "Zainab",
};

static const char * const synth_last_names[] = {
  "Abebe", "Adeyemi", "Andersson", "Bakker", "Becker", "Bernard", "Bianchi", "Chen", "Cohen",
  "Costa", "da Silva", "Dubois", "Dumitru", "El Amrani", "Fernández", "Fischer", "García",
  "Gallagher", "Haddad", "Hansen", "Horvat", "Hughes", "Iyer", "Jansen", "Kapoor", "Kim",
  "Kowalski", "Kumar", "Lambert", "Larsen", "Lefèvre", "Li", "Martin", "Mensah", "Moreau",
  "Müller", "Nakamura", "Nguyen", "Novak", "Nowak", "O'Brien", "Okafor", "Papadopoulos",
  "Park", "Petit", "Popescu", "Rossi", "Santos", "Sato", "Schmidt", "Shah", "Silva", "Smith",
  "Tanaka", "Turner", "Wang", "Williams", "Yılmaz", "Zhang", "Zieliński",
};

typedef struct
{
  const char *kind;
  const char *prefix;
} SynthAssetKind;

static const SynthAssetKind synth_asset_kinds[] = {
  { "server", "srv" }, { "virtual-machine", "vm" }, { "workstation", "ws" },
  { "laptop", "lt" }, { "database", "db" }, { "virtual-machine", "app" },
  { "workstation", "ws" }, { "switch", "sw" }, { "terminal", "term" }, { "saas", "saas" },
  { "web-server", "web" }, { "firewall", "fw" },
};

typedef struct
{
  const char *before;       /* the title is before + asset name + after */
  const char *after;
  const char *category;
  const char *description;
} SynthStory;

static const SynthStory synth_stories[] = {
  { "Phishing email reported by a user of ", "", "fraud",
    "A user reported a suspicious email; links and attachments checked." },
  { "Malware detected on ", "", "malicious-code",
    "The EDR detected and quarantined a malicious file." },
  { "Brute force against ", "", "intrusion-attempts",
    "Repeated authentication failures from outside addresses." },
  { "Port scan targeting ", "", "information-gathering",
    "Connection attempts to many ports from a single source." },
  { "Suspicious administrator logon on ", "", "intrusions",
    "An administrator account logged on outside its usual hours." },
  { "Service outage of ", " after a traffic flood", "availability",
    "Traffic volume saturated the service." },
  { "Sensitive data shared from ", "", "information-content-security",
    "Files were shared with an external address." },
  { "Vulnerable software found on ", "", "vulnerable",
    "A scanner reported a critical vulnerability." },
  { "Spam campaign relayed through ", "", "abusive-content",
    "Outbound spam was observed from the host." },
  { "Unclassified security event on ", "", "other",
    "An event that fits no other category." },
};

typedef struct
{
  guint    n_people;
  guint    n_teams;
  guint    n_assets;
  gint64  *asset_ids;
  GArray  *it_people;        /* gint64 */
  GArray  *business_people;  /* gint64 */
  GArray  *soc_people;       /* gint64 */
  GPtrArray *soc_names;
  GArray  *it_teams;         /* gint64 */
  GArray  *soc_teams;        /* gint64 */
} Synth;

static void
synth_clear (Synth *s)
{
  g_clear_pointer (&s->asset_ids, g_free);
  g_clear_pointer (&s->it_people, g_array_unref);
  g_clear_pointer (&s->business_people, g_array_unref);
  g_clear_pointer (&s->soc_people, g_array_unref);
  g_clear_pointer (&s->soc_names, g_ptr_array_unref);
  g_clear_pointer (&s->it_teams, g_array_unref);
  g_clear_pointer (&s->soc_teams, g_array_unref);
}

static gint64
pick_id (Demo   *d,
         GArray *ids)
{
  return g_array_index (ids, gint64, g_rand_int_range (d->rand, 0, (gint32) ids->len));
}

#define SYNTH_BRANCHING 5

/* The team's ancestor just under the root decides its kind. */
static guint
synth_branch (guint team)
{
  while (team > SYNTH_BRANCHING)
    team = (team - 1) / SYNTH_BRANCHING;
  return team;
}

static const char *
synth_team_kind (guint team)
{
  guint branch = synth_branch (team);

  if (team == 0)
    return "business";
  return branch == 1 ? "security" : branch == 2 ? "it" : "business";
}

static gboolean
synth_people (Demo    *d,
              Synth   *s,
              GError **error)
{
  static const char * const top_names[] = {
    "Executive Board", "Information Security", "Information Technology", "Operations",
    "Finance & Administration", "Sales & Customer Service",
  };
  static const char * const branch_names[] = {
    NULL, "Security Operations", "IT Services", "Operations", "Finance", "Sales",
  };
  g_autoptr(GHashTable) emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree gint64 *team_ids = g_new0 (gint64, s->n_teams + 1);
  g_autofree gint64 *lead_ids = g_new0 (gint64, s->n_teams + 1);
  gint64 at = d->now - 700 * DAY;
  guint person = 0;
  guint n_members = s->n_people - s->n_teams - 4;

  /* teams: a tree with five children per team, so 5,000 people are 6 levels deep */
  for (guint t = 0; t <= s->n_teams; t++)
    {
      gboolean external = t == s->n_teams;
      g_autofree char *name = NULL;
      const char *kind = external ? "external" : synth_team_kind (t);

      if (external)
        name = g_strdup ("External CSIRT");
      else if (t < G_N_ELEMENTS (top_names))
        name = g_strdup (top_names[t]);
      else
        name = g_strdup_printf ("%s %u", branch_names[synth_branch (t)], t);
      team_ids[t] = write_team (d, name, kind,
                                external || t == 0 ? 0 : team_ids[(t - 1) / SYNTH_BRANCHING],
                                NULL, NULL, "", at, error);
      if (team_ids[t] == 0)
        return FALSE;
      if (g_str_equal (kind, "it"))
        g_array_append_val (s->it_teams, team_ids[t]);
      else if (g_str_equal (kind, "security"))
        g_array_append_val (s->soc_teams, team_ids[t]);
    }

  /* leads first, in tree order, so every manager exists before the people
   * reporting to them; then the members, spread over the teams */
  for (guint p = 0; p < s->n_people; p++)
    {
      guint team;
      gint64 manager = 0;
      gboolean lead = FALSE;
      const char *role = NULL;
      const char *title;
      const char *kind;
      g_autofree char *name = NULL;
      g_autofree char *email = NULL;
      g_autofree char *employee_id = g_strdup_printf ("S%06u", p + 1);
      char phone[32];
      PersonRow row = { 0 };
      gint64 id;

      if (p < s->n_teams)
        {
          team = p;
          lead = TRUE;
          manager = p == 0 ? 0 : lead_ids[(p - 1) / SYNTH_BRANCHING];
        }
      else if (p < s->n_teams + 4)
        {
          /* the external CSIRT: its lead reports to nobody at the company */
          team = s->n_teams;
          lead = p == s->n_teams;
          manager = lead ? 0 : lead_ids[s->n_teams];
        }
      else
        {
          guint m = p - s->n_teams - 4;
          team = (guint) ((guint64) m * s->n_teams / MAX (1, n_members));
          manager = lead_ids[team];
        }
      kind = team == s->n_teams ? "external" : synth_team_kind (team);

      if (p == 0)
        role = "ceo", title = "Chief Executive Officer";
      else if (lead && team == 1)
        role = "ciso", title = "Chief Information Security Officer";
      else if (lead && team == 2)
        role = "cio", title = "Chief Information Officer";
      else if (g_str_equal (kind, "external"))
        role = "csirt", title = lead ? "Head of Incident Response" : "Incident Responder";
      else if (lead)
        title = "Team Lead";
      else if (g_str_equal (kind, "security"))
        {
          static const char * const soc[] = { "soc-l1", "soc-l1", "soc-l2", "soc-l2", "soc-l3" };
          static const char * const soc_titles[] = {
            "SOC Analyst Level 1", "SOC Analyst Level 1", "SOC Analyst Level 2",
            "SOC Analyst Level 2", "SOC Analyst Level 3"
          };
          role = soc[p % 5];
          title = soc_titles[p % 5];
        }
      else if (g_str_equal (kind, "it"))
        {
          role = p % 3 == 0 ? "network" : "it-ops";
          title = p % 3 == 0 ? "Network Engineer" : "Systems Administrator";
        }
      else
        title = p % 4 == 0 ? "Manager" : "Officer";

      name = g_strdup_printf ("%s %s",
                              synth_first_names[g_rand_int_range (d->rand, 0,
                                                  G_N_ELEMENTS (synth_first_names))],
                              synth_last_names[g_rand_int_range (d->rand, 0,
                                                  G_N_ELEMENTS (synth_last_names))]);
      email = make_email (name, g_str_equal (kind, "external") ? CSIRT_DOMAIN : DEMO_DOMAIN);
      if (g_hash_table_contains (emails, email))
        {
          /* namesakes get a number, as mail administrators do */
          char *at_sign = strchr (email, '@');
          char *numbered = g_strdup_printf ("%.*s%u%s", (int) (at_sign - email), email, p,
                                            at_sign);
          g_free (email);
          email = numbered;
        }
      g_hash_table_add (emails, g_strdup (email));
      g_snprintf (phone, sizeof phone, "+44 161 496 0%03u", p % 1000);

      row.employee_id = employee_id;
      row.name = name;
      row.title = title;
      row.team_id = team_ids[team];
      row.manager_id = manager;
      row.email = email;
      row.phone = phone;
      row.location = demo_sites[p % 5].location;
      row.on_call = g_str_equal (kind, "security") && p % 9 == 0;
      row.at = at;
      id = write_person (d, &row, error);
      if (id == 0)
        return FALSE;
      if (role != NULL && !write_role (d, id, role, error))
        return FALSE;
      if (lead)
        lead_ids[team] = id;

      if (role != NULL && g_str_has_prefix (role, "soc-"))
        {
          g_array_append_val (s->soc_people, id);
          g_ptr_array_add (s->soc_names, g_steal_pointer (&name));
        }
      else if (g_str_equal (kind, "it"))
        g_array_append_val (s->it_people, id);
      else if (g_str_equal (kind, "business"))
        g_array_append_val (s->business_people, id);
      person++;
    }
  g_assert (person == s->n_people);

  for (guint t = 0; t <= s->n_teams; t++)
    if (!write_team_lead (d, team_ids[t], lead_ids[t], error))
      return FALSE;

  /* tiny databases may lack a kind of person; borrow the CEO rather than fail */
  if (s->soc_people->len == 0)
    {
      g_array_append_val (s->soc_people, lead_ids[0]);
      g_ptr_array_add (s->soc_names, g_strdup ("SOC"));
    }
  if (s->it_people->len == 0)
    g_array_append_val (s->it_people, lead_ids[0]);
  if (s->business_people->len == 0)
    g_array_append_val (s->business_people, lead_ids[0]);
  if (s->it_teams->len == 0)
    g_array_append_val (s->it_teams, team_ids[0]);
  if (s->soc_teams->len == 0)
    g_array_append_val (s->soc_teams, team_ids[0]);
  return TRUE;
}

static void
synth_asset_name (guint  index,
                  char  *name,
                  gsize  name_size,
                  char  *hostname,
                  gsize  hostname_size,
                  char  *address,
                  gsize  address_size)
{
  const SynthAssetKind *k = &synth_asset_kinds[index % G_N_ELEMENTS (synth_asset_kinds)];
  gboolean saas = g_str_equal (k->kind, "saas");

  g_snprintf (name, name_size, "%s-%06u", k->prefix, index + 1);
  if (saas)
    {
      g_snprintf (hostname, hostname_size, "app%06u.saas.example", index + 1);
      address[0] = '\0';
    }
  else
    {
      g_snprintf (hostname, hostname_size, "%s-%06u.corp." DEMO_DOMAIN, k->prefix, index + 1);
      g_snprintf (address, address_size, "10.%u.%u.%u", 100 + index / 65536,
                  (index / 256) % 256, index % 256);
    }
}

static gboolean
synth_assets (Demo    *d,
              Synth   *s,
              GError **error)
{
  static const char * const criticalities[] = {
    "low", "medium", "medium", "medium", "high", "high", "critical"
  };
  gint64 at = d->now - 600 * DAY;

  s->asset_ids = g_new0 (gint64, s->n_assets);
  for (guint i = 0; i < s->n_assets; i++)
    {
      const SynthAssetKind *k = &synth_asset_kinds[i % G_N_ELEMENTS (synth_asset_kinds)];
      char name[32], hostname[96], address[24], addresses[64];
      double u = rand_unit (d);
      AssetRow row = { 0 };

      synth_asset_name (i, name, sizeof name, hostname, sizeof hostname, address,
                        sizeof address);
      if (address[0] != '\0' && i % 10 == 3)
        g_snprintf (addresses, sizeof addresses, "%s 172.%u.%u.%u", address,
                    16 + (i / 65536) % 16, (i / 256) % 256, i % 256);
      else
        g_strlcpy (addresses, address, sizeof addresses);

      row.name = name;
      row.kind = k->kind;
      row.hostname = hostname;
      row.addresses = addresses;
      row.owner_team_id = pick_id (d, s->it_teams);
      row.tech_contact_id = pick_id (d, s->it_people);
      row.business_owner_id = pick_id (d, s->business_people);
      row.criticality = criticalities[g_rand_int_range (d->rand, 0, G_N_ELEMENTS (criticalities))];
      row.environment = u < 0.8 ? "production" : u < 0.92 ? "test" : "development";
      row.location = demo_sites[i % 5].location;
      row.status = i % 50 == 7 ? "retired" : "active";
      row.at = at;
      s->asset_ids[i] = write_asset (d, &row, error);
      if (s->asset_ids[i] == 0)
        return FALSE;

      /* a few dependencies: virtual machines on hosts, applications on others */
      if (i >= 12 && g_str_equal (k->kind, "virtual-machine"))
        {
          guint host = (i / 12 % 8) * 12;  /* a "server" of the first rows */
          if (!write_dependency (d, s->asset_ids[i], s->asset_ids[host], "hosted-on", NULL,
                                 error))
            return FALSE;
        }
      if (i >= 12 && rand_unit (d) < 0.25)
        {
          guint other = (guint) rand_range (d, 0, i);
          if (!write_dependency (d, s->asset_ids[i], s->asset_ids[other], "depends-on", NULL,
                                 error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Alert j's rule, source address and asset: a bijection of j over every
 * combination, so dedup keys are unique by construction at any scale. */
typedef struct
{
  guint template;
  guint source;
  guint asset;
} SynthPick;

#define SYNTH_SOURCES 762  /* 254 addresses in each documentation range… */
#define SYNTH_MULTIPLIER G_GUINT64_CONSTANT (2654435761)  /* a prime above any range size */

static SynthPick
synth_pick (guint64 j,
            guint   n_assets)
{
  guint64 n_templates = G_N_ELEMENTS (demo_alert_templates);
  guint64 range = n_templates * SYNTH_SOURCES * n_assets;
  guint64 m = (j * SYNTH_MULTIPLIER) % range;
  SynthPick pick;

  pick.template = (guint) (m % n_templates);
  pick.source = (guint) (m / n_templates % SYNTH_SOURCES);
  pick.asset = (guint) (m / (n_templates * SYNTH_SOURCES));
  return pick;
}

static void
synth_source_address (guint  source,
                      char  *buf,
                      gsize  size)
{
  static const char * const ranges[] = { "192.0.2.", "203.0.113.", "198.51.100." };
  /* 198.51.100.0/25 stands for Kestrel's own block, so outsiders use the top half */
  guint host = source % 254 + 1;

  if (source / 254 == 2)
    host = 128 + source % 127;
  g_snprintf (buf, size, "%s%u", ranges[source / 254], host);
}

static const char *
synth_severity (int priority)
{
  static const char * const by_priority[] = { "critical", "high", "medium", "low" };
  return by_priority[CLAMP (priority, 1, 4) - 1];
}

static gboolean
synth_incidents (Demo    *d,
                 Synth   *s,
                 guint    n,
                 GError **error)
{
  static const char * const resolutions[] = {
    "true-positive", "true-positive", "true-positive", "true-positive", "true-positive",
    "true-positive", "false-positive", "false-positive", "false-positive", "benign",
    "benign", "duplicate",
  };
  g_autofree gint64 *incident_ids = g_new0 (gint64, n);
  g_autofree gint64 *detected_at = g_new0 (gint64, n);
  gint64 span = (gint64) CLAMP (n / 100, 120, 1095) * DAY;
  gint64 start = d->now - span;

  for (guint i = 0; i < n; i++)
    {
      SynthPick pick = synth_pick (i, s->n_assets);
      const SynthStory *story = &synth_stories[(i * 7 + pick.template) % G_N_ELEMENTS (synth_stories)];
      char name[32], hostname[96], address[24], title[160], summary[200], source[24];
      gint64 step = MAX (1, span / n);
      gint64 detected = start + (gint64) ((double) span * i / n) + rand_range (d, 0, step);
      gint64 created, t1, t2, t3;
      gboolean recent = (guint64) i * 100 >= (guint64) n * 85;
      gboolean open = rand_unit (d) < (recent ? 0.6 : 0.0118);
      double u = rand_unit (d);
      VigilStage stage;
      VigilStage path[3];
      guint n_path;
      int impact = g_rand_int_range (d->rand, 1, 4);
      int urgency = g_rand_int_range (d->rand, 1, 4);
      int priority = vigil_priority_from_impact_urgency (impact, urgency);
      guint who = g_rand_int_range (d->rand, 0, (gint32) s->soc_people->len);
      const char *actor = g_ptr_array_index (s->soc_names, who);
      const char *resolution = NULL;
      IncidentRow row = { 0 };
      TimelineRow t = { 0 };
      gint64 id;

      detected = MIN (detected, d->now - 2 * HOUR);
      created = detected + rand_range (d, 60, 15 * 60);
      synth_asset_name (pick.asset, name, sizeof name, hostname, sizeof hostname, address,
                        sizeof address);
      g_snprintf (title, sizeof title, "%s%s%s", story->before, name, story->after);

      if (open)
        stage = u < 0.2 ? VIGIL_STAGE_CLASSIFICATION : u < 0.55 ? VIGIL_STAGE_INVESTIGATION
                : u < 0.8 ? VIGIL_STAGE_CONTAINMENT : VIGIL_STAGE_RESOLUTION;
      else
        {
          stage = VIGIL_STAGE_CLOSED;
          resolution = resolutions[g_rand_int_range (d->rand, 0, G_N_ELEMENTS (resolutions))];
        }

      /* two or three steps each: the path depends on where the incident is */
      path[0] = VIGIL_STAGE_CLASSIFICATION;
      n_path = 1;
      switch (stage)
        {
        case VIGIL_STAGE_CLASSIFICATION:
          break;
        case VIGIL_STAGE_INVESTIGATION:
          path[n_path++] = VIGIL_STAGE_INVESTIGATION;
          break;
        case VIGIL_STAGE_CONTAINMENT:
          path[n_path++] = VIGIL_STAGE_INVESTIGATION;
          path[n_path++] = VIGIL_STAGE_CONTAINMENT;
          break;
        case VIGIL_STAGE_RESOLUTION:
          path[n_path++] = VIGIL_STAGE_CONTAINMENT;
          path[n_path++] = VIGIL_STAGE_RESOLUTION;
          break;
        case VIGIL_STAGE_CLOSED:
        default:
          path[n_path++] = g_str_equal (resolution, "true-positive") ? VIGIL_STAGE_CONTAINMENT
                                                                     : VIGIL_STAGE_INVESTIGATION;
          path[n_path++] = VIGIL_STAGE_CLOSED;
          break;
        }

      /* entry times of the second and third step, squeezed to fit before now */
      t1 = created + rand_range (d, 5 * 60, 4 * HOUR);
      t2 = t1 + rand_range (d, HOUR, 4 * DAY);
      if (stage == VIGIL_STAGE_CLOSED)
        {
          gint64 limit = d->now - 10 * 60;
          if (t2 > limit)
            {
              t1 = created + (limit - created) / 5;
              t2 = created + (limit - created) * 4 / 5;
            }
        }
      else
        {
          gint64 limit = created + (d->now - created) * 9 / 10;
          if ((n_path == 2 && t1 > limit) || (n_path == 3 && t2 > limit))
            {
              t1 = created + (limit - created) / 3;
              t2 = created + (limit - created) * 2 / 3;
            }
        }
      t3 = stage == VIGIL_STAGE_CLOSED ? t2 : 0;

      row.title = title;
      row.description = story->description;
      row.stage = stage;
      row.severity = synth_severity (priority);
      row.impact = impact;
      row.urgency = urgency;
      row.category = story->category;
      row.tlp = priority <= 2 ? "amber" : "green";
      row.pap = "amber";
      row.tier = priority == 1 ? (i % 10 == 0 ? "csirt" : "l3") : priority == 2 ? "l2" : "l1";
      row.assignee_id = stage == VIGIL_STAGE_CLASSIFICATION && i % 2 ? 0
                        : g_array_index (s->soc_people, gint64, who);
      row.owner_team_id = pick_id (d, s->soc_teams);
      row.occurred_at = detected - rand_range (d, 60, 2 * DAY);
      row.detected_at = detected;
      if (n_path > 1)
        row.acknowledged_at = t1;
      else if (row.assignee_id != 0)
        row.acknowledged_at = MIN (created + 10 * 60, d->now - 60);
      if (stage == VIGIL_STAGE_RESOLUTION)
        row.contained_at = t2;
      if (stage == VIGIL_STAGE_CLOSED)
        {
          if (path[1] == VIGIL_STAGE_CONTAINMENT)
            row.contained_at = t3 - (t3 - t1) / 3;
          row.resolved_at = t3 - (t3 - t1) / 10;
          row.closed_at = t3;
          row.resolution = resolution;
          row.impact_status = g_str_equal (resolution, "true-positive")
                              ? (i % 3 ? "with-impact" : "no-impact") : "not-applicable";
          g_snprintf (summary, sizeof summary, "Closed as %s after review of %s.",
                      resolution_text (resolution), name);
          row.summary = summary;
        }
      row.due_at = detected + sla_seconds (priority);
      row.created_at = created;
      row.updated_at = n_path == 3 ? t2 : n_path == 2 ? t1 : created;

      id = write_incident (d, &row, error);
      if (id == 0)
        return FALSE;
      incident_ids[i] = id;
      detected_at[i] = detected;

      /* history, timeline (2–4 rows), one observable, the affected asset */
      for (guint k = 0; k < n_path; k++)
        {
          gint64 at = k == 0 ? created : k == 1 ? t1 : t2;
          if (!write_stage (d, id, k == 0 ? -1 : (int) path[k - 1], path[k], actor, at, NULL,
                            error))
            return FALSE;
        }
      t = (TimelineRow) { created, 0, actor, "created", "Created from an alert", NULL, NULL, NULL };
      if (!write_timeline (d, id, &t, error))
        return FALSE;
      for (guint k = 1; k < n_path; k++)
        {
          t = (TimelineRow) { k == 1 ? t1 : t2, 0, actor, "stage",
                              path[k] == VIGIL_STAGE_CLOSED ? "Closed" : stage_label (path[k]),
                              "stage", vigil_stage_key (path[k - 1]), vigil_stage_key (path[k]) };
          if (!write_timeline (d, id, &t, error))
            return FALSE;
        }
      if (n_path < 3)
        {
          t = (TimelineRow) { MIN (created + 20 * 60, d->now - 30), 0, actor, "note",
                              "Checked the asset owner and recent changes.", NULL, NULL, NULL };
          if (!write_timeline (d, id, &t, error))
            return FALSE;
        }

      synth_source_address (pick.source, source, sizeof source);
      switch (i % 4)
        {
        case 0:
          if (write_observable (d, id, 0, "ip", source, TRUE, "amber", NULL, created, error) == 0)
            return FALSE;
          break;
        case 1:
          {
            char domain[64];
            g_snprintf (domain, sizeof domain, "c2-%u.threat-%u.example", pick.source, i % 97);
            if (write_observable (d, id, 0, "domain", domain, TRUE, "amber", NULL, created,
                                  error) == 0)
              return FALSE;
          }
          break;
        case 2:
          {
            char hash[65];
            for (guint k = 0; k < 64; k += 8)
              g_snprintf (hash + k, 9, "%08x", g_rand_int (d->rand));
            if (write_observable (d, id, 0, "sha256", hash, TRUE, "amber", NULL, created,
                                  error) == 0)
              return FALSE;
          }
          break;
        default:
          if (write_observable (d, id, 0, "hostname", hostname, FALSE, "amber", NULL, created,
                                error) == 0)
            return FALSE;
        }
      if (!write_incident_asset (d, id, s->asset_ids[pick.asset],
                                 stage == VIGIL_STAGE_CLOSED
                                 ? (g_str_equal (resolution, "true-positive") ? "compromised"
                                                                              : "not-compromised")
                                 : "tbd", NULL, error))
        return FALSE;
    }

  /* 2 × N alerts: the first N raised the incidents, the others are the queue and
   * its history */
  for (guint64 j = 0; j < 2 * (guint64) n; j++)
    {
      SynthPick pick = synth_pick (j, s->n_assets);
      const DemoAlertTemplate *tmpl = &demo_alert_templates[pick.template];
      char name[32], hostname[96], address[24], src[24], key[200], rule[32];
      gboolean linked = j < n;
      AlertRow a = { 0 };
      double u = rand_unit (d);

      synth_asset_name (pick.asset, name, sizeof name, hostname, sizeof hostname, address,
                        sizeof address);
      if (tmpl->flow == FLOW_LOCAL)
        g_snprintf (src, sizeof src, "10.10.%u.%u", 20 + pick.source / 254,
                    pick.source % 254 + 1);
      else
        synth_source_address (pick.source, src, sizeof src);
      if (g_str_equal (tmpl->source, "thehive"))
        g_snprintf (rule, sizeof rule, "report-%" G_GUINT64_FORMAT, j);
      else
        g_strlcpy (rule, tmpl->rule, sizeof rule);
      g_snprintf (key, sizeof key, "%s:%s:%s:%s", tmpl->source, rule, src,
                  address[0] ? address : hostname);

      a.source = tmpl->source;
      a.rule = rule;
      a.title = tmpl->title;
      a.type = tmpl->type;
      a.dedup_key = key;
      a.severity = tmpl->severity;
      a.proto = tmpl->proto;
      a.dst_port = tmpl->dst_port;
      if (tmpl->flow == FLOW_OUTBOUND)
        {
          a.src_addr = address[0] ? address : NULL;
          a.dst_addr = src;
        }
      else
        {
          a.src_addr = src;
          a.dst_addr = address[0] ? address : NULL;
        }
      a.hostname = hostname;
      a.asset_id = s->asset_ids[pick.asset];
      a.count = u < 0.6 ? 1 : rand_range (d, 2, 500);
      if (linked)
        {
          a.status = "promoted";
          a.incident_id = incident_ids[j];
          a.last_seen = detected_at[j] - rand_range (d, 30, 10 * 60);
        }
      else
        {
          gint64 age = (gint64) (pow (rand_unit (d), 2.0) * (double) span) + 60;
          double v = rand_unit (d);

          a.last_seen = d->now - age;
          if (age < 3 * DAY)
            a.status = "new";
          else
            {
              a.status = v < 0.2 ? "new" : v < 0.9 ? "dismissed" : "suppressed";
              if (v >= 0.2 && v < 0.9)
                a.dismiss_reason = v < 0.55 ? "benign" : v < 0.85 ? "false-positive"
                                                                  : "duplicate";
            }
        }
      a.first_seen = a.last_seen - (a.count > 1 ? rand_range (d, 60, DAY) : 0);
      if (write_alert (d, &a, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* Bulk loading --------------------------------------------------------------
 *
 * Row by row, 100,000 incidents took more than five minutes.  Two costs
 * dominated: FTS5 writes its pending terms to disk at every statement
 * savepoint (so each incident, person and asset written by its own INSERT
 * left a tiny index segment to merge), and rewrites a row's index entries
 * whenever a row it has just indexed changes (the observables trigger); and a
 * single-row INSERT into these tables, with their indexes and triggers, costs
 * about ten times its share of an INSERT … SELECT.
 *
 * A bulk load therefore writes its rows into plain TEMP staging tables (with
 * explicit ids where other rows refer to them), moves each table with one
 * INSERT … SELECT, observables before incidents so their trigger finds no
 * full-text row to rewrite, and then writes the incidents' full-text rows
 * once, with their observables.  The result is the rows the triggers would
 * have written.  Foreign keys are checked once, at commit: defer_foreign_keys
 * is on until the transaction ends (SQLite switches it off there; switching
 * it off earlier would forget violations). */

static gboolean
bulk_begin (Demo    *d,
            GError **error)
{
  for (guint t = 0; t < N_STAGED; t++)
    {
      const char *table = staged_tables[t].table;
      g_autofree char *drop = g_strdup_printf ("DROP TABLE IF EXISTS temp.vigil_demo_%s", table);
      /* only the columns written, without constraints or indexes; the move
       * checks the rows and leaves the other columns to their defaults */
      g_autofree char *create = g_strdup_printf ("CREATE TEMP TABLE vigil_demo_%s (%s%s)", table,
                                                 staged_tables[t].columns,
                                                 staged_tables[t].explicit_id ? ", id" : "");
      g_autofree char *next = g_strdup_printf ("SELECT coalesce (max (id), 0) + 1 FROM main.%s",
                                               table);

      if (!vigil_store_exec (d->store, drop, error) || !vigil_store_exec (d->store, create, error))
        return FALSE;
      if (!staged_tables[t].explicit_id)
        continue;
      d->next_id[t] = d->first_id[t] = vigil_store_query_int (d->store, next, error);
      if (d->next_id[t] <= 0)
        return FALSE;
    }
  d->ref_years = g_array_new (FALSE, TRUE, sizeof (BulkRef));
  /* the staging tables live in the temp database, which has its own cache */
  if (!vigil_store_exec (d->store, "PRAGMA defer_foreign_keys = ON", error)
      || !vigil_store_exec (d->store, "PRAGMA temp.cache_size = -262144", error))
    return FALSE;
  d->bulk = TRUE;
  return TRUE;
}

static gboolean
bulk_finish (Demo    *d,
             GError **error)
{
  g_autofree char *fts_delete = NULL;
  g_autofree char *fts_insert = NULL;

  /* observables before incidents: their trigger then finds no full-text row
   * to rewrite, and the rows below are written once with the observables */
  for (guint t = 0; t < N_STAGED; t++)
    {
      const StagedSpec *spec = &staged_tables[t];
      const char *id = spec->explicit_id ? ", id" : "";
      g_autofree char *move = g_strdup_printf ("INSERT INTO main.%s (%s%s) SELECT %s%s FROM "
                                               "temp.vigil_demo_%s ORDER BY rowid",
                                               spec->table, spec->columns, id, spec->columns, id,
                                               spec->table);
      if (!vigil_store_exec (d->store, move, error))
        return FALSE;
    }

  for (guint i = 0; i < d->ref_years->len; i++)
    {
      BulkRef *r = &g_array_index (d->ref_years, BulkRef, i);
      g_autofree char *counter = g_strdup_printf ("UPDATE ref_counters SET last = max (last, %"
                                                  PRId64 ") WHERE year = %d",
                                                  r->last, r->year);
      if (!vigil_store_exec (d->store, counter, error))
        return FALSE;
    }

  fts_delete = g_strdup_printf ("DELETE FROM incidents_fts WHERE rowid >= %" PRId64,
                                d->first_id[STAGED_INCIDENTS]);
  fts_insert = g_strdup_printf ("INSERT INTO incidents_fts (rowid, ref, title, description, "
                                "observables) SELECT i.id, i.ref, i.title, i.description, "
                                "coalesce ((SELECT group_concat (o.value, ' ') FROM observables o "
                                "WHERE o.incident_id = i.id), '') FROM incidents i "
                                "WHERE i.id >= %" PRId64 " ORDER BY i.id",
                                d->first_id[STAGED_INCIDENTS]);
  if (!vigil_store_exec (d->store, fts_delete, error)
      || !vigil_store_exec (d->store, fts_insert, error))
    return FALSE;

  for (guint t = 0; t < N_STAGED; t++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TABLE temp.vigil_demo_%s",
                                               staged_tables[t].table);
      if (!vigil_store_exec (d->store, drop, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_synthetic (Demo    *d,
                guint    n,
                GError **error)
{
  Synth s = { 0 };
  gboolean ok;

  s.n_people = MAX (60, n / 20);
  s.n_teams = MAX (8, s.n_people / 12);
  s.n_assets = MAX (40, n / 5);
  s.it_people = g_array_new (FALSE, FALSE, sizeof (gint64));
  s.business_people = g_array_new (FALSE, FALSE, sizeof (gint64));
  s.soc_people = g_array_new (FALSE, FALSE, sizeof (gint64));
  s.soc_names = g_ptr_array_new_with_free_func (g_free);
  s.it_teams = g_array_new (FALSE, FALSE, sizeof (gint64));
  s.soc_teams = g_array_new (FALSE, FALSE, sizeof (gint64));

  ok = synth_people (d, &s, error)
       && synth_assets (d, &s, error)
       && synth_incidents (d, &s, n, error)
       && bulk_finish (d, error);
  synth_clear (&s);
  return ok;
}

/* ======================================================================== */
/* Entry point                                                              */
/* ======================================================================== */

static gboolean
check_empty (VigilStore  *self,
             GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 counts[6] = { 0 };
  gint64 total = 0;
  int rc;

  stmt = vigil_store_prepare (self,
                              "SELECT (SELECT count(*) FROM incidents), "
                              "(SELECT count(*) FROM people), (SELECT count(*) FROM teams), "
                              "(SELECT count(*) FROM assets), (SELECT count(*) FROM alerts), "
                              "(SELECT count(*) FROM documents)", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      vigil_store_set_error (self, error, rc, NULL);
      sqlite3_reset (stmt);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    total += counts[i] = sqlite3_column_int64 (stmt, (int) i);
  sqlite3_reset (stmt);

  if (total > 0)
    {
      /* numbers as text: xgettext cannot see through PRId64 */
      g_autofree char *incidents = g_strdup_printf ("%" PRId64, counts[0]);
      g_autofree char *people = g_strdup_printf ("%" PRId64, counts[1]);
      g_autofree char *teams = g_strdup_printf ("%" PRId64, counts[2]);
      g_autofree char *assets = g_strdup_printf ("%" PRId64, counts[3]);
      g_autofree char *alerts = g_strdup_printf ("%" PRId64, counts[4]);

      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT,
                   _("The database already holds %s incidents, %s people, %s teams, %s assets "
                     "and %s alerts; the demo goes into an empty database. Use a new "
                     "database file (--db PATH)."),
                   incidents, people, teams, assets, alerts);
      return FALSE;
    }
  return TRUE;
}

gboolean
vigil_store_load_demo (VigilStore  *self,
                       guint        scale,
                       GError     **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *restore = NULL;
  Demo d = { 0 };
  gboolean ok;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_store_begin (self, error))
    return FALSE;
  if (!check_empty (self, error))
    {
      vigil_store_rollback (self);
      return FALSE;
    }

  now = vigil_time_now ();
  d.store = self;
  d.db = vigil_store_get_db (self);
  d.rand = g_rand_new_with_seed (DEMO_SEED ^ scale);
  d.now = g_date_time_to_unix (now);
  d.teams = g_hash_table_new (g_str_hash, g_str_equal);
  d.people = g_hash_table_new (g_str_hash, g_str_equal);
  d.names = g_hash_table_new (g_str_hash, g_str_equal);
  d.assets = g_hash_table_new (g_str_hash, g_str_equal);
  d.incidents = g_hash_table_new (g_str_hash, g_str_equal);
  d.dedup_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  d.strings = g_ptr_array_new_with_free_func (g_free);

  /* A page cache large enough for the whole load: about 3.2 KiB of pages
   * per incident with its history and alerts, and a transaction's dirty
   * pages that do not fit spill into the WAL, where every later read has to
   * look them up.  It is this connection's setting, put back afterwards. */
  if (scale > 0)
    {
      gint64 cache = vigil_store_query_int (self, "PRAGMA cache_size", NULL);
      gint64 temp_cache = vigil_store_query_int (self, "PRAGMA temp.cache_size", NULL);
      g_autofree char *sized = g_strdup_printf ("PRAGMA cache_size = -%" G_GUINT64_FORMAT,
                                                MIN ((guint64) scale * 4 + 65536, 4194304));

      restore = g_strdup_printf ("PRAGMA cache_size = %" PRId64 "; "
                                 "PRAGMA temp.cache_size = %" PRId64,
                                 cache, temp_cache);
      vigil_store_exec (self, sized, NULL);
    }

  if (scale == 0)
    ok = prepare_statements (&d, &local) && load_organisation_demo (&d, &local);
  else
    ok = bulk_begin (&d, &local) && prepare_statements (&d, &local)
         && load_synthetic (&d, scale, &local);

  if (restore != NULL)
    vigil_store_exec (self, restore, NULL);

  if (!ok)
    {
      vigil_store_rollback (self);
      demo_clear (&d);
      g_propagate_prefixed_error (error, g_steal_pointer (&local),
                                  _("The demo data could not be loaded, and nothing was "
                                    "written: "));
      return FALSE;
    }
  if (!vigil_store_commit (self, error))
    {
      demo_clear (&d);
      return FALSE;
    }

  /* one "many changed" per kind written */
  vigil_store_notify (self, VIGIL_KIND_TEAM, 0);
  vigil_store_notify (self, VIGIL_KIND_PERSON, 0);
  vigil_store_notify (self, VIGIL_KIND_ASSET, 0);
  vigil_store_notify (self, VIGIL_KIND_INCIDENT, 0);
  vigil_store_notify (self, VIGIL_KIND_OBSERVABLE, 0);
  vigil_store_notify (self, VIGIL_KIND_ALERT, 0);
  if (d.n_actions > 0)
    vigil_store_notify (self, VIGIL_KIND_ACTION, 0);
  if (d.n_contacts > 0)
    vigil_store_notify (self, VIGIL_KIND_CONTACT, 0);
  if (d.n_detections > 0)
    vigil_store_notify (self, VIGIL_KIND_DETECTION, 0);
  if (d.n_documents > 0)
    vigil_store_notify (self, VIGIL_KIND_DOCUMENT, 0);

  demo_clear (&d);
  return TRUE;
}
