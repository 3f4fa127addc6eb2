/* vigil-document-preview.h — shows an archived document: PDF pages, images,
 * Markdown with its formatting, plain text
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_DOCUMENT_PREVIEW (vigil_document_preview_get_type ())
G_DECLARE_FINAL_TYPE (VigilDocumentPreview, vigil_document_preview, VIGIL, DOCUMENT_PREVIEW, GtkWidget)

GtkWidget  *vigil_document_preview_new       (void);
/* Shows the file at `path` as `media_type`; NULL clears. */
void        vigil_document_preview_set_file  (VigilDocumentPreview *self,
                                              const char           *path,
                                              const char           *media_type);
/* "pdf", "image", "markdown", "text", "none" or "error" (for tests). */
const char *vigil_document_preview_get_mode  (VigilDocumentPreview *self);
int         vigil_document_preview_get_n_pages (VigilDocumentPreview *self);
void        vigil_document_preview_set_page  (VigilDocumentPreview *self,
                                              int                   page);

G_END_DECLS
