/* test-report.c — PDF reports: pages, text present, pagination, bad input
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "vigil-report.h"
#include "vigil-store-demo.h"
#include "vigil-store-private.h"
#include "vigil-test-util.h"

#define NOW 1796040000  /* 2026-11-30T12:00:00Z */

static VigilStore *demo_store;

static VigilStore *
get_demo_store (void)
{
  g_autoptr(GError) error = NULL;

  if (demo_store == NULL)
    {
      demo_store = vigil_test_store_new ();
      vigil_store_load_demo (demo_store, 0, &error);
      g_assert_no_error (error);
    }
  return demo_store;
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PopplerDocument *doc = poppler_document_new_from_gfile (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static char *
pdf_text (PopplerDocument *doc)
{
  GString *all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (doc, i));
      g_autofree char *text = poppler_page_get_text (POPPLER_PAGE (page));
      g_string_append (all, text);
      g_string_append_c (all, '\n');
    }
  return g_string_free (all, FALSE);
}

/* Renders a page to PNG in build/tests/screenshots/ for a look. */
static void
save_png (PopplerDocument *doc,
          int              index,
          const char      *name)
{
  g_autoptr(GObject) page_obj = G_OBJECT (poppler_document_get_page (doc, index));
  PopplerPage *page = POPPLER_PAGE (page_obj);
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR")
                                                                        : ".",
                                           "screenshots", NULL);
  g_autofree char *path = NULL;
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  poppler_page_get_size (page, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (w * 1.5), (int) (h * 1.5));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 1.5, 1.5);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_period_report (void)
{
  VigilStore *store = get_demo_store ();
  g_autoptr(GError) error = NULL;
  g_auto(VigilPeriod) period = { 0, };
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "period.pdf", NULL);
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autoptr(GObject) doc_obj = NULL;
  PopplerDocument *doc;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint pages = 0;

  vigil_period_init_last_days (&period, 90);
  g_assert_true (vigil_report_write_period (store, &period, NULL, path, &pages, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));

  doc_obj = G_OBJECT (doc = open_pdf (path));
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, pages);
  g_assert_cmpint (pages, >=, 3);
  text = pdf_text (doc);
  g_assert_nonnull (strstr (text, "Incident response report"));
  g_assert_nonnull (strstr (text, "Response metrics"));
  g_assert_nonnull (strstr (text, "Time to acknowledge"));
  g_assert_nonnull (strstr (text, "Major incidents"));
  g_assert_nonnull (strstr (text, "Every incident of the period"));
  g_assert_nonnull (strstr (text, "Where incidents hit"));
  g_assert_nonnull (strstr (text, "TLP:AMBER"));

  /* every incident of the period is in the table */
  rows = vigil_store_list_period_incidents (store, &period, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    g_assert_nonnull (strstr (text, ((VigilIncidentRow *) g_ptr_array_index (rows, i))->ref));

  save_png (doc, 0, "report-period-1.png");
  save_png (doc, 1, "report-period-2.png");
}

static void
test_period_empty (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(VigilPeriod) period = { 0, };
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "empty.pdf", NULL);
  g_autoptr(GObject) doc_obj = NULL;
  PopplerDocument *doc;
  g_autofree char *text = NULL;
  guint pages = 0;

  vigil_period_init (&period, "2026-01-01", "2026-01-31", &error);
  g_assert_true (vigil_report_write_period (store, &period, NULL, path, &pages, &error));
  g_assert_no_error (error);
  doc_obj = G_OBJECT (doc = open_pdf (path));
  text = pdf_text (doc);
  g_assert_nonnull (strstr (text, "No incident was detected in this period"));
  g_assert_nonnull (strstr (text, "None recorded"));
}

/* A long table paginates, with its header on each page, and markup
 * characters in titles print literally. */
static void
test_period_pagination (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(VigilPeriod) period = { 0, };
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr(GObject) doc_obj = NULL;
  PopplerDocument *doc;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  guint pages = 0;

  vigil_store_exec (store, "BEGIN", &error);
  for (int i = 1; i <= 400; i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO incidents (ref, title, severity, detected_at, created_at, updated_at)"
        " VALUES ('INC-2026-%04d', 'Title <b>&amp; %d', '%s', '2026-03-%02dT10:00:00Z', 'x', 'x')",
        i, i, i % 7 == 0 ? "critical" : "low", 1 + i % 28);
      vigil_store_exec (store, sql, &error);
      g_assert_no_error (error);
    }
  vigil_store_exec (store, "COMMIT", &error);

  vigil_period_init (&period, "2026-03-01", "2026-03-31", &error);
  g_assert_true (vigil_report_write_period (store, &period, NULL, path, &pages, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pages, >=, 8);
  doc_obj = G_OBJECT (doc = open_pdf (path));
  text = pdf_text (doc);
  g_assert_nonnull (strstr (text, "Title <b>&amp; 7"));
  g_assert_nonnull (strstr (text, "INC-2026-0400"));
  {
    /* the table's header is repeated on its last page */
    g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (doc, pages - 1));
    g_autofree char *page_text = poppler_page_get_text (POPPLER_PAGE (page));
    g_assert_nonnull (strstr (page_text, "Reference"));
    g_assert_nonnull (strstr (page_text, "Page"));
  }
}

static void
test_incident_report (void)
{
  VigilStore *store = get_demo_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "incident.pdf", NULL);
  g_autoptr(GObject) doc_obj = NULL;
  PopplerDocument *doc;
  g_autofree char *text = NULL;
  g_autofree char *ref = NULL;
  guint pages = 0;
  sqlite3_stmt *stmt;

  /* the demo incident with the most actions */
  stmt = vigil_store_prepare (store,
    "SELECT i.ref FROM incidents i JOIN actions a ON a.incident_id = i.id"
    " GROUP BY i.id ORDER BY count(*) DESC LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  ref = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  g_assert_true (vigil_report_write_incident (store, ref, path, &pages, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pages, >=, 1);
  doc_obj = G_OBJECT (doc = open_pdf (path));
  text = pdf_text (doc);
  g_assert_nonnull (strstr (text, ref));
  for (const char *s = "Summary\0Classification\0Timeline\0Actions and countermeasures\0"
                       "Contacts\0Observables\0Affected assets\0Closure\0"; *s; s += strlen (s) + 1)
    g_assert_nonnull (strstr (text, s));
  g_assert_null (strstr (text, "None recorded"));  /* the demo incident has every part */
  save_png (doc, 0, "report-incident-1.png");

  /* unknown reference: not found, nothing written */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "none.pdf", NULL);
  g_assert_false (vigil_report_write_incident (store, "INC-1999-9999", path, NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* unwritable place */
  g_assert_false (vigil_report_write_incident (store, ref, "/nonexistent/dir/x.pdf", NULL, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_IO);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  guint *pages = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (vigil_report_write_finish (result, pages, &error));
  g_assert_no_error (error);
}

static void
test_async (void)
{
  VigilStore *store = get_demo_store ();
  g_autofree char *dir = vigil_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "async.pdf", NULL);
  g_auto(VigilPeriod) period = { 0, };
  guint pages = 0;

  vigil_period_init_last_days (&period, 30);
  vigil_report_write_async (store, &period, NULL, NULL, path, NULL, written_cb, &pages);
  while (pages == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_chart_hits (void)
{
  g_autoptr(VigilChart) chart = vigil_chart_new (VIGIL_CHART_BARS, "Bars");
  g_autoptr(VigilChart) donut = vigil_chart_new (VIGIL_CHART_DONUT, "Donut");
  VigilChartStyle style = { { 0, 0, 0, 1 }, { 1, 1, 1, 1 }, "Sans 10", 1.0 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *text = NULL;
  guint s, c, series, category;
  gboolean found = FALSE;

  s = vigil_chart_add_series (chart, "Incidents", NULL);
  c = vigil_chart_add_category (chart, "High", "severity:high");
  vigil_chart_set_value (chart, s, c, 5, NULL);
  c = vigil_chart_add_category (chart, "Low", "severity:low");
  vigil_chart_set_value (chart, s, c, 2, NULL);
  vigil_chart_draw (chart, cr, 400, 300, &style);
  /* somewhere on the first row of bars */
  for (double y = 0; y < 300 && !found; y += 2)
    if (vigil_chart_hit (chart, 300, y, &series, &category))
      found = TRUE;
  g_assert_true (found);
  g_assert_cmpuint (category, ==, 0);
  g_assert_cmpstr (vigil_chart_get_filter (chart, series, category), ==, "severity:high");
  text = vigil_chart_describe (chart);
  g_assert_cmpstr (text, ==, "Bars: High 5; Low 2");

  s = vigil_chart_add_series (donut, "Incidents", NULL);
  c = vigil_chart_add_category (donut, "A", "category:fraud");
  vigil_chart_set_value (donut, s, c, 1, NULL);
  vigil_chart_draw (donut, cr, 400, 300, &style);
  g_assert_false (vigil_chart_hit (donut, 399, 1, NULL, NULL));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  vigil_test_init (&argc, &argv);
  vigil_time_set_now_override (NOW);

  g_test_add_func ("/vigil/report/period", test_period_report);
  g_test_add_func ("/vigil/report/period-empty", test_period_empty);
  g_test_add_func ("/vigil/report/period-pagination", test_period_pagination);
  g_test_add_func ("/vigil/report/incident", test_incident_report);
  g_test_add_func ("/vigil/report/async", test_async);
  g_test_add_func ("/vigil/report/chart-hits", test_chart_hits);

  status = g_test_run ();
  g_clear_object (&demo_store);
  return status;
}
