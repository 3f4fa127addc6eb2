/* vigil-archive.h — the content-addressed document archive
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every document is stored once, under the SHA-256 of its bytes:
 * <archive dir>/<first two hex digits>/<sha256>.  The database refers to a
 * file by that hash only, so a file never changes once written and two
 * imports of the same bytes share one file.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes `bytes` into the archive (unless the same content is already there)
 * and returns its SHA-256 as 64 lowercase hex digits. */
char     *vigil_archive_store_bytes   (const char  *archive_dir,
                                       GBytes      *bytes,
                                       GError     **error);

/* Where the file with this SHA-256 lives (whether or not it exists). */
char     *vigil_archive_path          (const char  *archive_dir,
                                       const char  *sha256);

/* TRUE when `text` is 64 lowercase hex digits, as the archive names files. */
gboolean  vigil_archive_is_sha256     (const char  *text);

G_END_DECLS
