/* test-documents.c — the document archive: dedup and integrity, versions,
 * links, hostile file names, text extraction of each format, search
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "vigil-archive.h"
#include "vigil-extract.h"
#include "vigil-markdown.h"
#include "vigil-store-assets.h"
#include "vigil-store-documents.h"
#include "vigil-store-private.h"
#include "vigil-test-util.h"

static char *
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  return path;
}

static char *
sha256_of_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
test_dedup_integrity (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autofree char *path = write_file (dir, "network.txt", "core switch uplinks\n", -1);
  g_autofree char *copy = write_file (dir, "copy of network.txt", "core switch uplinks\n", -1);
  g_autoptr(VigilDocument) doc = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *stored_hash = NULL;
  g_autofree char *base = NULL;
  VigilDocumentFields f = { .title = "Network", .kind = "network-diagram", .tlp = "green",
                            .version = "1.0", .doc_date = "2026-03-01" };
  GStatBuf before, after;
  gboolean existing = TRUE;
  gint64 id, again;

  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_chmod (path, 0444);  /* the original is only ever read */
  id = vigil_store_add_document (store, path, &f, &existing, &error);
  g_assert_no_error (error);
  g_assert_false (existing);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (before.st_mtime, ==, after.st_mtime);
  g_assert_cmpint (before.st_size, ==, after.st_size);

  doc = vigil_store_get_document (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vigil_document_get_title (doc), ==, "Network");
  g_assert_cmpstr (vigil_document_get_kind (doc), ==, "network-diagram");
  g_assert_cmpstr (vigil_document_get_tlp (doc), ==, "green");
  g_assert_cmpstr (vigil_document_get_doc_date (doc), ==, "2026-03-01");
  g_assert_cmpstr (vigil_document_get_media_type (doc), ==, "text/plain");
  g_assert_cmpstr (vigil_document_get_text_status (doc), ==, "pending");

  /* integrity: the stored file's hash is its name, inside the archive */
  stored = vigil_store_dup_document_path (store, doc);
  g_assert_true (g_str_has_prefix (stored, vigil_store_get_archive_dir (store)));
  stored_hash = sha256_of_file (stored);
  base = g_path_get_basename (stored);
  g_assert_cmpstr (stored_hash, ==, base);
  g_assert_cmpstr (stored_hash, ==, vigil_document_get_sha256 (doc));

  /* the same content again: no second document */
  again = vigil_store_add_document (store, copy, NULL, &existing, &error);
  g_assert_no_error (error);
  g_assert_true (existing);
  g_assert_cmpint (again, ==, id);
  g_assert_cmpint (vigil_store_count (store, VIGIL_KIND_DOCUMENT), ==, 1);

  /* a folder, a missing file, bad metadata */
  g_assert_cmpint (vigil_store_add_document (store, dir, NULL, NULL, &error), ==, 0);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  {
    g_autofree char *missing = g_build_filename (dir, "missing.pdf", NULL);
    g_assert_cmpint (vigil_store_add_document (store, missing, NULL, NULL, &error), ==, 0);
    g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_IO);
    g_clear_error (&error);
  }
  {
    g_autofree char *other = write_file (dir, "o.txt", "other", -1);
    VigilDocumentFields bad = { .kind = "novel" };
    g_assert_cmpint (vigil_store_add_document (store, other, &bad, NULL, &error), ==, 0);
    g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
    g_clear_error (&error);
    bad.kind = NULL;
    bad.tlp = "purple";
    g_assert_cmpint (vigil_store_add_document (store, other, &bad, NULL, &error), ==, 0);
    g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
    g_clear_error (&error);
  }
}

static void
test_versions_links (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autofree char *v1_path = write_file (dir, "arch-v1.md", "# Architecture v1\n", -1);
  g_autofree char *v2_path = write_file (dir, "arch-v2.md", "# Architecture v2\n", -1);
  g_autoptr(GArray) versions = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) links = NULL;
  VigilAssetFields af = { .name = "erp-app" };
  VigilDocumentFields f = { .kind = "architecture", .version = "1" };
  gint64 v1, v2, asset;

  v1 = vigil_store_add_document (store, v1_path, &f, NULL, &error);
  g_assert_no_error (error);
  f.version = "2";
  f.previous_id = v1;
  v2 = vigil_store_add_document (store, v2_path, &f, NULL, &error);
  g_assert_no_error (error);

  versions = vigil_store_list_document_versions (store, v1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (versions->len, ==, 2);
  g_assert_cmpint (g_array_index (versions, gint64, 0), ==, v2);
  g_assert_cmpint (g_array_index (versions, gint64, 1), ==, v1);

  asset = vigil_store_create_asset (store, &af, &error);
  g_assert_true (vigil_store_exec (store,
    "INSERT INTO teams (id, name, created_at, updated_at) VALUES (7, 'Apps', 'x', 'x');"
    "INSERT INTO incidents (id, ref, title, created_at, updated_at) "
    "  VALUES (1, 'INC-2026-0001', 'ERP outage', 'x', 'x'), (2, 'INC-2026-0002', 'Other', 'x', 'x');"
    "INSERT INTO incident_assets (incident_id, asset_id) VALUES (1, 1);", &error));
  g_assert_no_error (error);

  g_assert_true (vigil_store_link_document (store, v2, asset, 0, 0, &error));
  g_assert_true (vigil_store_link_document (store, v2, asset, 0, 0, &error));  /* twice: one link */
  g_assert_true (vigil_store_link_document (store, v2, 0, 7, 0, &error));
  g_assert_true (vigil_store_link_document (store, v1, 0, 0, 2, &error));
  g_assert_no_error (error);
  g_assert_false (vigil_store_link_document (store, v1, asset, 7, 0, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);

  links = vigil_store_list_document_links (store, v2, &error);
  g_assert_cmpint (links->len, ==, 2);
  ids = vigil_store_list_linked_document_ids (store, asset, 0, 0, &error);
  g_assert_cmpint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, v2);
  g_clear_pointer (&ids, g_array_unref);
  /* an incident's affected assets bring their documents */
  ids = vigil_store_list_linked_document_ids (store, 0, 0, 1, &error);
  g_assert_cmpint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, v2);
  g_clear_pointer (&ids, g_array_unref);
  ids = vigil_store_list_linked_document_ids (store, 0, 7, 0, &error);
  g_assert_cmpint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  g_assert_true (vigil_store_unlink_document (store, v2, asset, 0, 0, &error));
  ids = vigil_store_list_linked_document_ids (store, asset, 0, 0, &error);
  g_assert_cmpint (ids->len, ==, 0);

  /* metadata edits */
  {
    VigilDocumentFields edit = { .title = "Architecture <v2> & more", .tlp = "red",
                                 .owner_team_id = 7 };
    g_autoptr(VigilDocument) d = NULL;
    g_assert_true (vigil_store_update_document (store, v2, &edit, &error));
    g_assert_no_error (error);
    d = vigil_store_get_document (store, v2, &error);
    g_assert_cmpstr (vigil_document_get_title (d), ==, "Architecture <v2> & more");
    g_assert_cmpstr (vigil_document_get_owner_team_name (d), ==, "Apps");
    g_assert_cmpstr (vigil_document_get_version (d), ==, "2");
  }
}

static void
test_hostile_names (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  const struct { const char *in; const char *out; } names[] = {
    { "../../etc/passwd", "passwd" },
    { "..", "document" },
    { "../", "document" },
    { "C:\\Users\\x\\plan.pdf", "plan.pdf" },
    { "a\x01" "b\nc\x1b[31m.txt", "abc[31m.txt" },
    { "<b>bold<b> & co.txt", "<b>bold<b> & co.txt" },
    { "evil\xe2\x80\xaetxt.exe", "eviltxt.exe" },
    { "bad\xff utf8.txt", "bad\xef\xbf\xbd utf8.txt" },
    { "", "document" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *clean = vigil_document_clean_filename (names[i].in);
      g_assert_cmpstr (clean, ==, names[i].out);
    }

  /* added under a hostile name: stored by hash inside the archive, nothing else written */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("hello", 5);
    g_autoptr(VigilDocument) d = NULL;
    g_autofree char *path = NULL;
    g_autofree char *outside = g_build_filename (vigil_store_get_archive_dir (store), "..", "evil", NULL);
    gint64 id = vigil_store_add_document_bytes (store, bytes, "../../evil\n<i>x<i>", NULL, NULL, &error);

    g_assert_no_error (error);
    d = vigil_store_get_document (store, id, &error);
    g_assert_cmpstr (vigil_document_get_filename (d), ==, "evil<i>x<i>");
    path = vigil_store_dup_document_path (store, d);
    g_assert_true (g_str_has_prefix (path, vigil_store_get_archive_dir (store)));
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    g_assert_false (g_file_test (outside, G_FILE_TEST_EXISTS));
  }
}

static void
test_extract_formats (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigil_test_tmpdir ();
  const char *svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\">"
                    "<title>DMZ layout</title><rect/><text x=\"1\">reverse <tspan>proxy</tspan></text>"
                    "<text>bastionhost</text></svg>";
  g_autofree char *txt = write_file (dir, "notes.txt", "The quorum witness lives in\x01 Zurich.\n", -1);
  g_autofree char *md = write_file (dir, "runbook.md", "# Failover\n\nCall the **duty** manager.\n", -1);
  g_autofree char *svg_path = write_file (dir, "dmz.svg", svg, -1);
  g_autofree char *bad_svg = write_file (dir, "broken.svg", "<svg><text>unclosed</svg>", -1);
  g_autofree char *bad_pdf = write_file (dir, "corrupt.pdf", "%PDF-1.4\nthis is not a pdf\n", -1);
  g_autofree char *png = write_file (dir, "pixel.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  const char *samples = vigil_test_samples_dir ();
  g_autofree char *pdf = samples ? g_build_filename (samples, "pdf",
                                                     "counteractive-incident-response-plan-example.pdf",
                                                     NULL) : NULL;
  gint64 txt_id, md_id, svg_id, bad_svg_id, bad_pdf_id, png_id, pdf_id = 0;
  guint done = 0, failed = 0;

  txt_id = vigil_store_add_document (store, txt, NULL, NULL, &error);
  md_id = vigil_store_add_document (store, md, NULL, NULL, &error);
  svg_id = vigil_store_add_document (store, svg_path, NULL, NULL, &error);
  bad_svg_id = vigil_store_add_document (store, bad_svg, NULL, NULL, &error);
  bad_pdf_id = vigil_store_add_document (store, bad_pdf, NULL, NULL, &error);
  png_id = vigil_store_add_document (store, png, NULL, NULL, &error);
  if (pdf != NULL && g_file_test (pdf, G_FILE_TEST_EXISTS))
    pdf_id = vigil_store_add_document (store, pdf, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vigil_store_count_pending_documents (store), ==, pdf_id ? 6 : 5);

  g_assert_true (vigil_extract_pending_sync (store, NULL, &done, &failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (done, ==, pdf_id ? 4 : 3);
  g_assert_cmpuint (failed, ==, 2);
  g_assert_cmpint (vigil_store_count_pending_documents (store), ==, 0);

  {
    const struct { gint64 id; const char *status; } expect[] = {
      { txt_id, "done" }, { md_id, "done" }, { svg_id, "done" }, { bad_svg_id, "failed" },
      { bad_pdf_id, "failed" }, { png_id, "none" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
      {
        g_autoptr(VigilDocument) d = vigil_store_get_document (store, expect[i].id, &error);
        g_assert_cmpstr (vigil_document_get_text_status (d), ==, expect[i].status);
        if (g_str_equal (expect[i].status, "failed"))
          g_assert_cmpstr (vigil_document_get_text_error (d), !=, "");
      }
  }

  /* searchable by a word of the body, with highlighted snippets */
  {
    const struct { const char *query; gint64 id; } words[] = {
      { "quorum", txt_id }, { "zurich", txt_id }, { "duty", md_id }, { "proxy", svg_id },
      { "bastionhost", svg_id }, { "dmz layout", svg_id },
    };
    for (guint i = 0; i < G_N_ELEMENTS (words); i++)
      {
        g_autoptr(GPtrArray) hits = vigil_store_search_inventory (store, words[i].query, 10, &error);
        VigilSearchHit *hit;
        g_assert_no_error (error);
        g_test_message ("search %s", words[i].query);
        g_assert_cmpuint (hits->len, >=, 1);
        hit = g_ptr_array_index (hits, 0);
        g_assert_cmpstr (hit->kind, ==, "document");
        g_assert_cmpint (hit->id, ==, words[i].id);
        g_assert_nonnull (strstr (hit->snippet, VIGIL_SNIPPET_START));
        g_assert_nonnull (strstr (hit->snippet, VIGIL_SNIPPET_END));
      }
  }
  if (pdf_id > 0)
    {
      g_autoptr(GPtrArray) hits = vigil_store_search_inventory (store, "eradicate", 10, &error);
      g_autoptr(GArray) ids = vigil_store_list_document_ids (store, "containment", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, >=, 1);
      g_assert_cmpint (((VigilSearchHit *) g_ptr_array_index (hits, 0))->id, ==, pdf_id);
      g_assert_cmpuint (ids->len, ==, 1);
    }
  else
    g_test_message ("no PDF sample: the PDF part is skipped");

  /* assets come out of the same search */
  {
    VigilAssetFields f = { .name = "quorum-witness-01", .addresses = "10.9.8.7" };
    g_autoptr(GPtrArray) hits = NULL;
    vigil_store_create_asset (store, &f, &error);
    hits = vigil_store_search_inventory (store, "quorum", 10, &error);
    g_assert_cmpuint (hits->len, ==, 2);
    g_clear_pointer (&hits, g_ptr_array_unref);
    hits = vigil_store_search_inventory (store, "\"", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 0);
  }
}

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  guint *calls = user_data;
  g_assert_cmpuint (done, <=, total);
  (*calls)++;
}

static void
on_extracted (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *finished = user_data;
  g_autoptr(GError) error = NULL;
  guint done = 0;

  g_assert_true (vigil_extract_pending_finish (VIGIL_STORE (source), result, &done, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (done, ==, 3);
  *finished = TRUE;
}

static void
test_extract_async (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigil_test_tmpdir ();
  gboolean finished = FALSE;
  guint calls = 0;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("doc%u.txt", i);
      g_autofree char *body = g_strdup_printf ("body number%u\n", i);
      g_autofree char *path = write_file (dir, name, body, -1);
      vigil_store_add_document (store, path, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  vigil_extract_pending_async (store, NULL, on_progress, &calls, on_extracted, &finished);
  while (!finished)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (calls, ==, 3);
  g_assert_cmpint (vigil_store_count_pending_documents (store), ==, 0);
}

static void
test_markdown (void)
{
  const struct { const char *md; const char *markup; } cases[] = {
    { "# Title", "<span size=\"xx-large\" weight=\"bold\">Title</span>" },
    { "**bold** and *it* and `c<b>`", "<b>bold</b> and <i>it</i> and <tt>c&lt;b&gt;</tt>" },
    { "- one\n- two", "  • one\n  • two" },
    { "1. first", "  1. first" },
    { "<script>&amp;", "&lt;script&gt;&amp;amp;" },
    { "```\n<x> **not bold**\n```", "<tt>&lt;x&gt; **not bold**</tt>" },
    { "[link <x>](http://a?b&c)", "<u>link &lt;x&gt;</u>" },
    { "> quote", "<i>│ quote</i>" },
    { "a * b * c", "a * b * c" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markup = vigil_markdown_to_pango (cases[i].md, -1);
      g_assert_cmpstr (markup, ==, cases[i].markup);
    }

  /* every sample runbook gives valid markup */
  if (vigil_test_samples_dir () != NULL)
    {
      g_autofree char *mdir = g_build_filename (vigil_test_samples_dir (), "markdown",
                                                "counteractive-irp", NULL);
      g_autoptr(GDir) d = g_dir_open (mdir, 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *path = g_build_filename (mdir, name, NULL);
          g_autofree char *text = NULL;
          g_autofree char *markup = NULL;
          g_autoptr(GMarkupParseContext) ctx = NULL;
          g_autofree char *wrapped = NULL;
          static const GMarkupParser parser = { 0 };
          g_autoptr(GError) error = NULL;

          if (!g_str_has_suffix (name, ".md") || !g_file_get_contents (path, &text, NULL, NULL))
            continue;
          markup = vigil_markdown_to_pango (text, -1);
          wrapped = g_strconcat ("<markup>", markup, "</markup>", NULL);
          ctx = g_markup_parse_context_new (&parser, 0, NULL, NULL);
          g_assert_true (g_markup_parse_context_parse (ctx, wrapped, -1, &error));
          g_assert_no_error (error);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  vigil_test_init (&argc, &argv);
  g_test_add_func ("/documents/dedup-integrity", test_dedup_integrity);
  g_test_add_func ("/documents/versions-links", test_versions_links);
  g_test_add_func ("/documents/hostile-names", test_hostile_names);
  g_test_add_func ("/documents/extract-formats", test_extract_formats);
  g_test_add_func ("/documents/extract-async", test_extract_async);
  g_test_add_func ("/documents/markdown", test_markdown);
  return g_test_run ();
}
