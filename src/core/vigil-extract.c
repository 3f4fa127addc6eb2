/* vigil-extract.c — text of archived documents, for search
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <poppler.h>

#include "vigil-archive.h"
#include "vigil-error.h"
#include "vigil-extract.h"
#include "vigil-store-documents-private.h"
#include "vigil-store-private.h"

#define MAX_TEXT (8 * 1024 * 1024)

gboolean
vigil_extract_supports (const char *media_type)
{
  return media_type != NULL
         && (g_str_equal (media_type, "application/pdf") || g_str_has_prefix (media_type, "text/")
             || g_str_equal (media_type, "image/svg+xml"));
}

/* Valid UTF-8 without control characters (they are the snippet markers). */
static char *
clean_text (const char *text,
            gssize      length)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p && out->len < MAX_TEXT; p++)
    {
      guchar c = (guchar) *p;
      if (c < 0x20 && c != '\n' && c != '\t')
        g_string_append_c (out, ' ');
      else if (c == 0x7f)
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, (char) c);
    }
  return g_string_free (out, FALSE);
}

static char *
extract_pdf (const char  *path,
             GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GObject) doc_object = NULL;
  PopplerDocument *doc;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  GString *text;
  int n_pages;

  doc = uri ? poppler_document_new_from_file (uri, NULL, &local) : NULL;
  doc_object = (GObject *) doc;
  if (doc == NULL)
    {
      if (g_error_matches (local, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_CORRUPT,
                     _("The PDF is encrypted with a password; its text cannot be indexed"));
      else
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_CORRUPT,
                     _("The PDF cannot be read (%s); it is archived as it is"),
                     local ? local->message : _("unknown error"));
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (doc);
  text = g_string_new (NULL);
  for (int i = 0; i < n_pages && text->len < MAX_TEXT; i++)
    {
      g_autoptr(GObject) page = (GObject *) poppler_document_get_page (doc, i);
      g_autofree char *page_text = page ? poppler_page_get_text (POPPLER_PAGE (page)) : NULL;

      if (page_text != NULL)
        {
          g_string_append (text, page_text);
          g_string_append_c (text, '\n');
        }
    }
  return g_string_free (text, FALSE);
}

typedef struct
{
  GString *text;
  guint    depth;   /* inside <text>, <title>, <desc>… */
} SvgText;

static gboolean
svg_text_element (const char *name)
{
  const char *local = strchr (name, ':');
  local = local ? local + 1 : name;
  return g_str_equal (local, "text") || g_str_equal (local, "tspan") || g_str_equal (local, "title")
         || g_str_equal (local, "desc") || g_str_equal (local, "textPath")
         || g_str_equal (local, "flowPara") || g_str_equal (local, "flowRoot");
}

static void
svg_start (GMarkupParseContext  *context,
           const char           *name,
           const char          **attribute_names,
           const char          **attribute_values,
           gpointer              user_data,
           GError              **error)
{
  SvgText *svg = user_data;
  if (svg->depth > 0 || svg_text_element (name))
    svg->depth++;
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *name,
         gpointer              user_data,
         GError              **error)
{
  SvgText *svg = user_data;
  if (svg->depth > 0)
    {
      svg->depth--;
      if (svg->depth == 0)
        g_string_append_c (svg->text, '\n');
    }
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              user_data,
          GError              **error)
{
  SvgText *svg = user_data;
  if (svg->depth > 0 && svg->text->len < MAX_TEXT)
    {
      if (svg->text->len > 0 && !g_ascii_isspace (svg->text->str[svg->text->len - 1]))
        g_string_append_c (svg->text, ' ');
      g_string_append_len (svg->text, text, (gssize) length);
    }
}

static char *
extract_svg (const char  *contents,
             gsize        length,
             GError     **error)
{
  static const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local = NULL;
  SvgText svg = { g_string_new (NULL), 0 };

  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, &svg, NULL);
  if (!g_markup_parse_context_parse (context, contents, (gssize) length, &local)
      || !g_markup_parse_context_end_parse (context, &local))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_CORRUPT,
                   _("The SVG image is not well-formed XML (%s)"), local->message);
      g_string_free (svg.text, TRUE);
      return NULL;
    }
  return g_string_free (svg.text, FALSE);
}

char *
vigil_extract_text (const char  *path,
                    const char  *media_type,
                    GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *raw = NULL;
  const char *contents;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (media_type != NULL, NULL);

  if (g_str_equal (media_type, "application/pdf"))
    raw = extract_pdf (path, error);
  else
    {
      file = g_mapped_file_new (path, FALSE, &local);
      if (file == NULL)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO,
                       _("The archived file cannot be read (%s)"), local->message);
          return NULL;
        }
      contents = g_mapped_file_get_contents (file);
      length = g_mapped_file_get_length (file);
      if (g_str_equal (media_type, "image/svg+xml"))
        raw = extract_svg (contents ? contents : "", length, error);
      else if (g_str_has_prefix (media_type, "text/"))
        raw = g_strndup (contents ? contents : "", MIN (length, MAX_TEXT));
      else
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("Vigil does not read the text of %s files"), media_type);
          return NULL;
        }
    }
  if (raw == NULL)
    return NULL;
  return clean_text (raw, -1);
}

/* The background job ------------------------------------------------------------- */

typedef struct
{
  char                 *path;         /* the database */
  char                 *archive_dir;
  sqlite3              *db;
  GMainContext         *context;
  VigilExtractProgress  progress;
  gpointer              progress_data;
  guint                 done;
  guint                 failed;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->archive_dir);
  if (job->db)
    sqlite3_close_v2 (job->db);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

typedef struct
{
  VigilExtractProgress progress;
  gpointer             data;
  guint                done;
  guint                total;
} Progress;

static gboolean
report_progress (gpointer user_data)
{
  Progress *p = user_data;
  p->progress (p->done, p->total, p->data);
  return G_SOURCE_REMOVE;
}

static gboolean
run_job (Job           *job,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GPtrArray) pending = vigil_store_documents_list_pending (job->db, error);

  if (pending == NULL)
    return FALSE;
  for (guint i = 0; i < pending->len; i++)
    {
      VigilPendingDocument *doc = g_ptr_array_index (pending, i);
      g_autofree char *file = vigil_archive_path (job->archive_dir, doc->sha256);
      g_autoptr(GError) failure = NULL;
      g_autofree char *text = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      text = vigil_extract_text (file, doc->media_type, &failure);
      if (!vigil_store_documents_set_text (job->db, doc->id, text,
                                           failure ? failure->message : NULL, error))
        return FALSE;
      if (failure != NULL)
        job->failed++;
      else
        job->done++;

      if (job->progress != NULL)
        {
          Progress *p = g_new (Progress, 1);
          p->progress = job->progress;
          p->data = job->progress_data;
          p->done = i + 1;
          p->total = pending->len;
          g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, report_progress, p, g_free);
        }
    }
  return TRUE;
}

static void
extract_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (run_job (job, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static Job *
job_new (VigilStore  *store,
         GError     **error)
{
  Job *job = g_new0 (Job, 1);

  job->db = vigil_store_open_connection (store, FALSE, error);
  if (job->db == NULL)
    {
      job_free (job);
      return NULL;
    }
  job->path = g_strdup (vigil_store_get_path (store));
  job->archive_dir = g_strdup (vigil_store_get_archive_dir (store));
  job->context = g_main_context_ref_thread_default ();
  return job;
}

void
vigil_extract_pending_async (VigilStore            *store,
                             GCancellable          *cancellable,
                             VigilExtractProgress   progress,
                             gpointer               progress_data,
                             GAsyncReadyCallback    callback,
                             gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Job *job;

  g_return_if_fail (VIGIL_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigil_extract_pending_async);
  job = job_new (store, &error);
  if (job == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job->progress = progress;
  job->progress_data = progress_data;
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, extract_thread);
}

gboolean
vigil_extract_pending_finish (VigilStore    *store,
                              GAsyncResult  *result,
                              guint         *n_done,
                              guint         *n_failed,
                              GError       **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (n_done)
    *n_done = job ? job->done : 0;
  if (n_failed)
    *n_failed = job ? job->failed : 0;
  /* the text came through another connection: tell the views */
  vigil_store_notify (store, VIGIL_KIND_DOCUMENT, 0);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
vigil_extract_pending_sync (VigilStore    *store,
                            GCancellable  *cancellable,
                            guint         *n_done,
                            guint         *n_failed,
                            GError       **error)
{
  Job *job;
  gboolean ok;

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);

  job = job_new (store, error);
  if (job == NULL)
    return FALSE;
  ok = run_job (job, cancellable, error);
  if (n_done)
    *n_done = job->done;
  if (n_failed)
    *n_failed = job->failed;
  job_free (job);
  vigil_store_notify (store, VIGIL_KIND_DOCUMENT, 0);
  return ok;
}
