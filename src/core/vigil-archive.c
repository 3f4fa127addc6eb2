/* vigil-archive.c — the content-addressed document archive
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "vigil-archive.h"
#include "vigil-error.h"

gboolean
vigil_archive_is_sha256 (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
      return FALSE;
  return text[64] == '\0';
}

char *
vigil_archive_path (const char *archive_dir,
                    const char *sha256)
{
  char prefix[3];

  g_return_val_if_fail (archive_dir != NULL, NULL);
  g_return_val_if_fail (vigil_archive_is_sha256 (sha256), NULL);

  prefix[0] = sha256[0];
  prefix[1] = sha256[1];
  prefix[2] = '\0';
  return g_build_filename (archive_dir, prefix, sha256, NULL);
}

static gboolean
make_private_dir (const char  *dir,
                  GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO,
                   _("Cannot create the document archive folder %s: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

char *
vigil_archive_store_bytes (const char  *archive_dir,
                           GBytes      *bytes,
                           GError     **error)
{
  g_autoptr(GChecksum) checksum = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) local = NULL;
  GStatBuf st;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (archive_dir != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, data, size);
  sha256 = g_strdup (g_checksum_get_string (checksum));

  path = vigil_archive_path (archive_dir, sha256);

  /* The name is the content: a file of the right size is the same file, and
   * rewriting it would only race with readers.  A file of another size is a
   * damaged copy (a disk error, a hand edit) and is replaced. */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && (gsize) st.st_size == size)
    return g_steal_pointer (&sha256);

  dir = g_path_get_dirname (path);
  if (!make_private_dir (archive_dir, error) || !make_private_dir (dir, error))
    return NULL;

  /* CONSISTENT writes a temporary file in the same folder and renames it, so
   * a reader never sees half a document; DURABLE syncs it before the database
   * row that names it can be committed. */
  if (!g_file_set_contents_full (path, data, (gssize) size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO,
                   _("Cannot write to the document archive: %s"), local->message);
      return NULL;
    }

  return g_steal_pointer (&sha256);
}
