/* vigil-extract.h — text of archived documents, for search
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PDF (poppler-glib), plain text, Markdown and the text inside SVG.  The
 * background job reads the documents whose text is pending with its own
 * SQLite connection, writes their text into documents_fts (or the reason it
 * failed into text_error) and reports progress on the caller's main context.
 */
#pragma once

#include <gio/gio.h>

#include "vigil-store.h"

G_BEGIN_DECLS

/* Whether the extractor reads this MIME type. */
gboolean  vigil_extract_supports     (const char   *media_type);
/* The text of the file (thread-safe); NULL with an error saying why (a
 * corrupt or encrypted PDF, an SVG that is not XML, …). */
char     *vigil_extract_text         (const char   *path,
                                      const char   *media_type,
                                      GError      **error);

/* Called on the main context of the caller with the count done so far. */
typedef void (*VigilExtractProgress) (guint    done,
                                      guint    total,
                                      gpointer user_data);

void      vigil_extract_pending_async  (VigilStore            *store,
                                        GCancellable          *cancellable,
                                        VigilExtractProgress   progress,
                                        gpointer               progress_data,
                                        GAsyncReadyCallback    callback,
                                        gpointer               user_data);
/* `n_done` counts the documents indexed, `n_failed` those whose text could
 * not be read (recorded with their error; not an error of the job). */
gboolean  vigil_extract_pending_finish (VigilStore            *store,
                                        GAsyncResult          *result,
                                        guint                 *n_done,
                                        guint                 *n_failed,
                                        GError               **error);
/* The same, blocking (for vigilctl and tests). */
gboolean  vigil_extract_pending_sync   (VigilStore            *store,
                                        GCancellable          *cancellable,
                                        guint                 *n_done,
                                        guint                 *n_failed,
                                        GError               **error);

G_END_DECLS
