/* vigil-store-documents.h — the architecture document archive in the store
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document is a file in the content-addressed archive beside the database
 * (vigil-archive.h) and a row with its metadata.  Adding bytes that are
 * already archived creates no second document: the existing one is named
 * and the caller adds its links to it.  A new version is a new document
 * whose previous_id is the older one, which stays.
 */
#pragma once

#include "vigil-document.h"
#include "vigil-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *title;          /* NULL: from the file name */
  const char *kind;           /* architecture, network-diagram, runbook, procedure, contract, inventory, other */
  const char *version;
  const char *doc_date;       /* ISO date */
  const char *tlp;            /* clear, green, amber, amber+strict, red */
  gint64      owner_team_id;  /* update: 0 keeps, -1 clears */
  gint64      previous_id;    /* the older version this one replaces */
} VigilDocumentFields;

typedef struct
{
  char   *kind;   /* "asset", "team" or "incident" */
  gint64  id;
  char   *name;   /* asset or team name, or "INC-… title" */
} VigilDocumentLink;

/* A hit of the one search (Ctrl+F).  The snippet marks the matched words
 * with VIGIL_SNIPPET_START … VIGIL_SNIPPET_END; everything else in it is
 * plain text (escape it before it reaches markup). */
#define VIGIL_SNIPPET_START "\x02"
#define VIGIL_SNIPPET_END   "\x03"

typedef struct
{
  char   *kind;     /* "asset" or "document" */
  gint64  id;
  char   *title;
  char   *subtitle; /* asset kind, or document kind and file name */
  char   *snippet;
} VigilSearchHit;

void           vigil_document_link_free   (VigilDocumentLink *link);
void           vigil_search_hit_free      (VigilSearchHit    *hit);

/* The name a file is shown under: its last path component only, without
 * control characters, valid UTF-8, never "", "." or "..". */
char          *vigil_document_clean_filename (const char *name);
/* The MIME type the archive records for these bytes named `filename`. */
char          *vigil_document_guess_media_type (const char *filename,
                                                GBytes     *bytes);

/* Archives the file at `path` (read only, never changed) and records it.
 * `*existing` is set TRUE when the same content was already archived: the
 * existing document's id is returned and its metadata left as it was. */
gint64         vigil_store_add_document       (VigilStore                 *self,
                                               const char                 *path,
                                               const VigilDocumentFields  *fields,
                                               gboolean                   *existing,
                                               GError                    **error);
gint64         vigil_store_add_document_bytes (VigilStore                 *self,
                                               GBytes                     *bytes,
                                               const char                 *filename,
                                               const VigilDocumentFields  *fields,
                                               gboolean                   *existing,
                                               GError                    **error);
/* NULL strings keep the stored value. */
gboolean       vigil_store_update_document    (VigilStore                 *self,
                                               gint64                      id,
                                               const VigilDocumentFields  *fields,
                                               GError                    **error);
gboolean       vigil_store_delete_document    (VigilStore                 *self,
                                               gint64                      id,
                                               GError                    **error);
VigilDocument *vigil_store_get_document       (VigilStore                 *self,
                                               gint64                      id,
                                               GError                    **error);
/* By id ("12"), SHA-256 (or a prefix of 8+ digits) or exact title. */
VigilDocument *vigil_store_find_document      (VigilStore                 *self,
                                               const char                 *key,
                                               GError                    **error);
/* Where the document's bytes are (borrowed from the archive; new string). */
char          *vigil_store_dup_document_path  (VigilStore                 *self,
                                               VigilDocument              *document);

/* Ids sorted by title; `filter` as for assets (title, file name and text). */
GArray        *vigil_store_list_document_ids  (VigilStore                 *self,
                                               const char                 *filter,
                                               GError                    **error);
/* The documents linked to an asset, a team or an incident (one of the three
 * ids > 0).  For an incident, the documents of its affected assets too. */
GArray        *vigil_store_list_linked_document_ids (VigilStore           *self,
                                                     gint64                asset_id,
                                                     gint64                team_id,
                                                     gint64                incident_id,
                                                     GError              **error);
/* Every version of the document, newest first. */
GArray        *vigil_store_list_document_versions   (VigilStore           *self,
                                                     gint64                id,
                                                     GError              **error);

/* Exactly one of asset_id, team_id, incident_id > 0.  Linking twice is not
 * an error. */
gboolean       vigil_store_link_document      (VigilStore                 *self,
                                               gint64                      document_id,
                                               gint64                      asset_id,
                                               gint64                      team_id,
                                               gint64                      incident_id,
                                               GError                    **error);
gboolean       vigil_store_unlink_document    (VigilStore                 *self,
                                               gint64                      document_id,
                                               gint64                      asset_id,
                                               gint64                      team_id,
                                               gint64                      incident_id,
                                               GError                    **error);
GPtrArray     *vigil_store_list_document_links (VigilStore                *self,
                                                gint64                     document_id,
                                                GError                   **error);

/* How many documents wait for text extraction. */
gint64         vigil_store_count_pending_documents (VigilStore            *self);

/* One search over assets and documents, best first (VigilSearchHit). */
GPtrArray     *vigil_store_search_inventory   (VigilStore                 *self,
                                               const char                 *query,
                                               guint                       limit,
                                               GError                    **error);

G_END_DECLS
