/* vigil-importer.h — alert importers: one interface, one file per format
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import streams: the reader frames the input into records (a line, a
 * JSON value — the items of a top-level array one by one —, or a CSV row),
 * and the format's importer turns each record into zero or more alert
 * events.  Nothing holds more than one record, so a file of any size
 * imports in flat memory.  vigil_import_run() (vigil-store-alerts.h) drives
 * it into the store in batches.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How the reader frames the input into records. */
typedef enum
{
  VIGIL_IMPORT_FRAME_LINES,       /* one record per line; a leading '[' switches to JSON values */
  VIGIL_IMPORT_FRAME_JSON_VALUES, /* whole JSON values, pretty-printed or not; arrays are flattened */
  VIGIL_IMPORT_FRAME_CSV_ROWS,    /* lines, but a quoted field may hold a newline */
} VigilImportFrame;

typedef struct
{
  char     *type;    /* ip, domain, url, md5, sha1, sha256, email, account, hostname, filename,
                        registry, other */
  char     *value;
  gboolean  ioc;
} VigilAlertObservable;

/* What an importer makes of one record.  Strings are owned (g_free). */
typedef struct
{
  const char *source;       /* "suricata", … (static) */
  char       *source_name;  /* TheHive/IRIS/CSV: the producer named in the event */
  char       *source_ref;   /* an id in the producing tool */
  char       *type;
  gboolean    keyed;        /* type+source+source_ref identify it exactly: a repeat is a duplicate */
  char       *title;
  char       *description;
  char       *rule;         /* rule or signature */
  char       *severity_raw; /* as the tool wrote it: "1", "5", "high" */
  char       *src_addr;
  gint64      src_port;     /* 0 = none */
  char       *dst_addr;
  gint64      dst_port;
  char       *proto;
  char       *hostname;
  char       *time;         /* UTC ISO 8601; NULL = now */
  const char *raw;          /* the record text (borrowed) */
  gsize       raw_len;
  GArray     *observables;  /* VigilAlertObservable */
} VigilAlertEvent;

void vigil_alert_event_init  (VigilAlertEvent *ev);
void vigil_alert_event_clear (VigilAlertEvent *ev);
void vigil_alert_event_add_observable (VigilAlertEvent *ev,
                                       const char      *type,
                                       const char      *value,
                                       gboolean         ioc);

typedef enum
{
  VIGIL_IMPORT_EVENT,      /* the callback got one or more events */
  VIGIL_IMPORT_SKIPPED,    /* a valid record that is not an alert (Suricata dns, …) */
  VIGIL_IMPORT_HEADER,     /* a header/comment record (Zeek #fields, a CSV header) */
  VIGIL_IMPORT_MALFORMED,  /* error is set; the import goes on */
  VIGIL_IMPORT_FAILED,     /* the callback failed (error set): stop the import */
} VigilImportResult;

/* Called for each event of a record; the event is cleared afterwards. */
typedef gboolean (*VigilAlertEventFunc) (VigilAlertEvent  *ev,
                                         gpointer          user_data,
                                         GError          **error);

typedef struct _VigilImporter VigilImporter;

typedef struct
{
  const char       *name;       /* "suricata" */
  const char       *label;      /* N_("Suricata EVE JSON") */
  VigilImportFrame  frame;
  /* the default severity mapping (see vigil-store-alerts.h) */
  const char       *severity_map;
  VigilImporter   *(*create)  (void);
  void             (*free)    (VigilImporter *self);
  VigilImportResult (*parse)  (VigilImporter        *self,
                               const char           *record,
                               gsize                 len,
                               VigilAlertEventFunc   func,
                               gpointer              user_data,
                               GError              **error);
} VigilImporterClass;

struct _VigilImporter
{
  const VigilImporterClass *klass;
  /* CSV: column mapping "field=column,…" set before the first record */
  char *mapping;
};

const VigilImporterClass * const *vigil_importer_list (void);
const VigilImporterClass *vigil_importer_find   (const char *name);
VigilImporter            *vigil_importer_new    (const char *name,
                                                 GError    **error);
void                      vigil_importer_free   (VigilImporter *self);
VigilImportResult         vigil_importer_parse  (VigilImporter        *self,
                                                 const char           *record,
                                                 gsize                 len,
                                                 VigilAlertEventFunc   func,
                                                 gpointer              user_data,
                                                 GError              **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilImporter, vigil_importer_free)

/* ---- The reader: framing records from a stream ------------------------- */

typedef struct _VigilImportReader VigilImportReader;

#define VIGIL_IMPORT_MAX_RECORD (4 * 1024 * 1024)

/* `path` "-" reads standard input.  With `follow`, end of file waits for
 * more data and a rotated or truncated file is reopened; `stop` (may be
 * NULL) is polled and ends the reading when it becomes non-zero. */
VigilImportReader *vigil_import_reader_new      (const char         *path,
                                                 VigilImportFrame    frame,
                                                 gboolean            follow,
                                                 volatile int       *stop,
                                                 GError            **error);
void               vigil_import_reader_free     (VigilImportReader  *self);
typedef enum
{
  VIGIL_READ_RECORD,
  VIGIL_READ_TOO_LONG,   /* a record over VIGIL_IMPORT_MAX_RECORD was skipped */
  VIGIL_READ_BAD_TEXT,   /* not UTF-8: error says where; skipped */
  VIGIL_READ_IDLE,       /* following: no new data for now (a chance to commit) */
  VIGIL_READ_ROTATED,    /* following: a new file begins */
  VIGIL_READ_EOF,
  VIGIL_READ_ERROR,
} VigilReadResult;
/* The next record; `line` is where it starts (1-based).  The record stays
 * valid until the next call. */
VigilReadResult    vigil_import_reader_next     (VigilImportReader  *self,
                                                 const char        **record,
                                                 gsize              *len,
                                                 guint64            *line,
                                                 GError            **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilImportReader, vigil_import_reader_free)

/* ---- Helpers for the format files --------------------------------------- */

/* Normalises a time as the tools write it: ISO 8601 with or without an
 * offset (+0200, +02:00, Z, none = UTC), epoch seconds (Zeek "1521911720.62")
 * or epoch milliseconds (TheHive).  NULL when it is none of those. */
char       *vigil_import_time            (const char *text);
char       *vigil_import_time_unix       (gint64      seconds);
/* Guesses an observable type for a value: ip, domain, url, email, md5, … */
const char *vigil_import_observable_type (const char *tool_type);

G_END_DECLS
