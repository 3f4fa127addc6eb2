/* vigil-document.h — a document of the archive, as a row of the documents table
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A read-only snapshot.  The file itself is in the content-addressed archive
 * under its SHA-256 (vigil-archive.h); `filename` is only the name it was
 * imported under, for display (already cleaned of folders and control
 * characters, but still to be escaped before it reaches markup).
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_DOCUMENT (vigil_document_get_type ())
G_DECLARE_FINAL_TYPE (VigilDocument, vigil_document, VIGIL, DOCUMENT, GObject)

gint64      vigil_document_get_id              (VigilDocument *self);
gint64      vigil_document_get_size            (VigilDocument *self);
gint64      vigil_document_get_owner_team_id   (VigilDocument *self);
gint64      vigil_document_get_previous_id     (VigilDocument *self);
gint64      vigil_document_get_n_links         (VigilDocument *self);
const char *vigil_document_get_sha256          (VigilDocument *self);
const char *vigil_document_get_title           (VigilDocument *self);
const char *vigil_document_get_filename        (VigilDocument *self);
const char *vigil_document_get_media_type      (VigilDocument *self);
const char *vigil_document_get_kind            (VigilDocument *self);
const char *vigil_document_get_version         (VigilDocument *self);
const char *vigil_document_get_doc_date        (VigilDocument *self);
const char *vigil_document_get_tlp             (VigilDocument *self);
const char *vigil_document_get_owner_team_name (VigilDocument *self);
const char *vigil_document_get_text_status     (VigilDocument *self);
const char *vigil_document_get_text_error      (VigilDocument *self);
const char *vigil_document_get_added_at        (VigilDocument *self);
const char *vigil_document_get_updated_at      (VigilDocument *self);

/* For the store: the SELECT list (table alias `d`). */
const char    *vigil_document_select_columns   (void);
VigilDocument *vigil_document_new_from_row     (gpointer sqlite_stmt);

G_END_DECLS
