/* vigil-store-documents-private.h — the text extractor's SQL, on its own connection
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The extractor (vigil-extract.c) runs in a worker thread with a connection
 * of its own (vigil_store_open_connection); these keep its SQL in the store.
 */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *sha256;
  char   *media_type;
} VigilPendingDocument;

void       vigil_pending_document_free       (VigilPendingDocument *doc);
/* Documents whose text_status is 'pending', oldest first. */
GPtrArray *vigil_store_documents_list_pending (sqlite3     *db,
                                               GError     **error);
/* Records the extracted text (status 'done') or the failure ('failed' with
 * the message) in one transaction. */
gboolean   vigil_store_documents_set_text     (sqlite3     *db,
                                               gint64       id,
                                               const char  *text,
                                               const char  *failure,
                                               GError     **error);

G_END_DECLS
