/* vigil-report.c — PDF reports with cairo and Pango
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A4 portrait in points.  Every page has a header (what the document is,
 * its TLP marking) and a footer (page number, when it was written).  Tables
 * repeat their header on each page; a cell is one line, ellipsized, so a
 * table of thousands of incidents stays fast and regular.
 */
#include "config.h"

#include <inttypes.h>
#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-incident.h"
#include "vigil-report.h"
#include "vigil-store-incidents.h"
#include "vigil-time.h"
#include "vigil-vocab.h"

#define PAGE_W   595.0
#define PAGE_H   842.0
#define MARGIN   48.0
#define CONTENT_W (PAGE_W - 2 * MARGIN)
#define TOP      (MARGIN + 26.0)
#define BOTTOM   (PAGE_H - MARGIN - 20.0)

/* Charts ----------------------------------------------------------------- */

static const char *
vocab_key (VigilVocab vocab,
           guint      index)
{
  guint n;
  const VigilVocabEntry *e = vigil_vocab_entries (vocab, &n);
  return index < n ? e[index].key : NULL;
}

static void
add_counts (VigilChart   *chart,
            const GArray *counts,
            guint         limit,
            const char   *filter_key)
{
  guint s = vigil_chart_add_series (chart, _("Incidents"), NULL);

  for (guint i = 0; i < counts->len && i < limit; i++)
    {
      const VigilCount *c = &g_array_index (counts, VigilCount, i);
      g_autofree char *filter = filter_key && c->key ? g_strdup_printf ("%s:%s", filter_key, c->key)
                                                     : NULL;
      guint cat = vigil_chart_add_category (chart, c->label ? c->label : "—", filter);
      vigil_chart_set_value (chart, s, cat, c->count, NULL);
    }
}

VigilChart *
vigil_metrics_build_chart (const VigilMetrics *m,
                           VigilOverviewChart  which)
{
  VigilChart *chart = NULL;
  VigilColor color;

  g_return_val_if_fail (m != NULL, NULL);

  switch (which)
    {
    case VIGIL_OVERVIEW_CHART_OPEN:
      chart = vigil_chart_new (VIGIL_CHART_BARS, _("Open incidents by stage and severity"));
      for (guint st = 0; st < VIGIL_STAGE_CLOSED; st++)
        {
          g_autofree char *filter = g_strdup_printf ("stage:%s", vigil_stage_key (st));
          vigil_chart_add_category (chart, vigil_vocab_label (VIGIL_VOCAB_STAGE,
                                                              vigil_stage_key (st)), filter);
        }
      for (int sev = VIGIL_N_SEVERITIES; sev >= 0; sev--)
        {
          const char *key = sev < VIGIL_N_SEVERITIES ? vocab_key (VIGIL_VOCAB_SEVERITY, sev) : NULL;
          guint s;

          vigil_chart_severity_color (key, &color);
          s = vigil_chart_add_series (chart, key ? vigil_vocab_label (VIGIL_VOCAB_SEVERITY, key)
                                                 : _("Not classified"), &color);
          for (guint st = 0; st < VIGIL_STAGE_CLOSED; st++)
            {
              g_autofree char *filter =
                key ? g_strdup_printf ("stage:%s severity:%s", vigil_stage_key (st), key) : NULL;
              vigil_chart_set_value (chart, s, st, m->open_by_stage_severity[st][sev], filter);
            }
        }
      break;

    case VIGIL_OVERVIEW_CHART_TREND:
      {
        guint opened, closed;

        chart = vigil_chart_new (VIGIL_CHART_LINES, _("Opened and closed per week"));
        for (guint w = 0; w < m->weeks->len; w++)
          {
            /* week of Monday DD Mon */
            const char *week = g_array_index (m->weeks, VigilWeek, w).week;
            vigil_chart_add_category (chart, week + 5, NULL);
          }
        vigil_chart_palette_color (0, &color);
        opened = vigil_chart_add_series (chart, _("Opened"), &color);
        vigil_chart_palette_color (2, &color);
        closed = vigil_chart_add_series (chart, _("Closed"), &color);
        for (guint w = 0; w < m->weeks->len; w++)
          {
            const VigilWeek *week = &g_array_index (m->weeks, VigilWeek, w);
            vigil_chart_set_value (chart, opened, w, week->opened, NULL);
            vigil_chart_set_value (chart, closed, w, week->closed, NULL);
          }
      }
      break;

    case VIGIL_OVERVIEW_CHART_SEVERITY:
      {
        guint s;

        chart = vigil_chart_new (VIGIL_CHART_DONUT, _("Incidents by severity"));
        s = vigil_chart_add_series (chart, _("Incidents"), NULL);
        for (int sev = VIGIL_N_SEVERITIES - 1; sev >= -1; sev--)
          {
            const char *key = sev >= 0 ? vocab_key (VIGIL_VOCAB_SEVERITY, sev) : NULL;
            g_autofree char *filter = key ? g_strdup_printf ("severity:%s", key) : NULL;
            guint c = vigil_chart_add_category (chart,
                                                key ? vigil_vocab_label (VIGIL_VOCAB_SEVERITY, key)
                                                    : _("Not classified"), filter);
            vigil_chart_severity_color (key, &color);
            vigil_chart_set_category_color (chart, c, &color);
            vigil_chart_set_value (chart, s, c,
                                   m->by_severity[sev >= 0 ? sev : VIGIL_N_SEVERITIES], NULL);
          }
      }
      break;

    case VIGIL_OVERVIEW_CHART_OUTCOME:
      {
        static const guint32 colors[] = { 0xc01c28, 0x26a269, 0x3584e4, 0x9a9996 };
        guint s;

        chart = vigil_chart_new (VIGIL_CHART_DONUT, _("Outcome of closed incidents"));
        s = vigil_chart_add_series (chart, _("Incidents"), NULL);
        for (guint r = 0; r < VIGIL_N_RESOLUTIONS; r++)
          {
            const char *key = vocab_key (VIGIL_VOCAB_RESOLUTION, r);
            guint c = vigil_chart_add_category (chart, vigil_vocab_label (VIGIL_VOCAB_RESOLUTION,
                                                                          key), NULL);
            color.red = ((colors[r] >> 16) & 0xff) / 255.0;
            color.green = ((colors[r] >> 8) & 0xff) / 255.0;
            color.blue = (colors[r] & 0xff) / 255.0;
            color.alpha = 1;
            vigil_chart_set_category_color (chart, c, &color);
            vigil_chart_set_value (chart, s, c, m->by_resolution[r], NULL);
          }
      }
      break;

    case VIGIL_OVERVIEW_CHART_TARGETS:
      {
        static const char * const kinds[] = {
          N_("acknowledge"), N_("contain"), N_("resolve"),
        };
        guint met, breached, pending;

        chart = vigil_chart_new (VIGIL_CHART_BARS, _("Response targets"));
        vigil_chart_palette_color (2, &color);
        met = vigil_chart_add_series (chart, _("Met"), &color);
        vigil_chart_palette_color (8, &color);
        breached = vigil_chart_add_series (chart, _("Breached"), &color);
        color.red = color.green = color.blue = 0.6;
        color.alpha = 1;
        pending = vigil_chart_add_series (chart, _("Pending"), &color);
        for (int sev = VIGIL_N_SEVERITIES - 1; sev >= 0; sev--)
          for (guint k = 0; k < VIGIL_N_TARGETS; k++)
            {
              const VigilTargetStats *t = &m->targets[sev][k];
              const char *key = vocab_key (VIGIL_VOCAB_SEVERITY, sev);
              g_autofree char *label = NULL;
              g_autofree char *filter = NULL;
              guint c;

              if (t->met + t->breached + t->pending == 0)
                continue;
              /* TRANSLATORS: "High · contain" */
              label = g_strdup_printf (_("%s · %s"), vigil_vocab_label (VIGIL_VOCAB_SEVERITY, key),
                                       _(kinds[k]));
              filter = g_strdup_printf ("severity:%s", key);
              c = vigil_chart_add_category (chart, label, filter);
              vigil_chart_set_value (chart, met, c, t->met, NULL);
              vigil_chart_set_value (chart, breached, c, t->breached, NULL);
              vigil_chart_set_value (chart, pending, c, t->pending, NULL);
            }
      }
      break;

    case VIGIL_OVERVIEW_CHART_CATEGORY:
      chart = vigil_chart_new (VIGIL_CHART_BARS, _("Incidents by category"));
      add_counts (chart, m->by_category, 10, "category");
      break;

    case VIGIL_OVERVIEW_CHART_TEAMS:
      chart = vigil_chart_new (VIGIL_CHART_BARS, _("Business teams hit"));
      add_counts (chart, m->by_team, 8, NULL);
      break;

    case VIGIL_OVERVIEW_CHART_CRITICALITY:
      chart = vigil_chart_new (VIGIL_CHART_BARS, _("Incidents by asset criticality"));
      add_counts (chart, m->by_criticality, 4, NULL);
      for (guint c = 0; c < vigil_chart_get_n_categories (chart); c++)
        {
          vigil_chart_severity_color (g_array_index (m->by_criticality, VigilCount, c).key, &color);
          vigil_chart_set_category_color (chart, c, &color);
        }
      break;

    case VIGIL_OVERVIEW_CHART_ASSETS:
      chart = vigil_chart_new (VIGIL_CHART_BARS, _("Most affected assets"));
      add_counts (chart, m->top_assets, 8, NULL);
      break;

    case VIGIL_OVERVIEW_CHART_TIERS:
      {
        guint s;

        chart = vigil_chart_new (VIGIL_CHART_BARS, _("Open incidents by tier"));
        s = vigil_chart_add_series (chart, _("Incidents"), NULL);
        for (guint t = 0; t < VIGIL_N_TIERS; t++)
          {
            const char *key = vocab_key (VIGIL_VOCAB_TIER, t);
            g_autofree char *filter = g_strdup_printf ("tier:%s", key);
            guint c = vigil_chart_add_category (chart, vigil_vocab_label (VIGIL_VOCAB_TIER, key),
                                                filter);
            vigil_chart_set_value (chart, s, c, m->open_by_tier[t], NULL);
          }
      }
      break;

    case VIGIL_OVERVIEW_CHART_ANALYSTS:
      chart = vigil_chart_new (VIGIL_CHART_BARS, _("Open incidents by analyst"));
      add_counts (chart, m->open_by_analyst, 8, NULL);
      break;

    case VIGIL_N_OVERVIEW_CHARTS:
    default:
      g_return_val_if_reached (NULL);
    }

  return chart;
}

/* The document ----------------------------------------------------------- */

typedef struct
{
  cairo_surface_t      *surface;
  cairo_t              *cr;
  PangoLayout          *layout;
  PangoFontDescription *body;
  PangoFontDescription *bold;
  PangoFontDescription *small;
  PangoFontDescription *heading;
  PangoFontDescription *title;
  double                y;
  guint                 page;
  char                 *header;
  char                 *marking;   /* TLP */
  char                 *written;
  VigilChartStyle       chart_style;
} Doc;

static void
doc_set_font (Doc                  *doc,
              PangoFontDescription *font)
{
  pango_layout_set_font_description (doc->layout, font);
}

/* Draws text at (x, doc->y-relative y) wrapped to `width` (or one ellipsized
 * line when `one_line`).  Returns the height used. */
static double
doc_text (Doc                  *doc,
          PangoFontDescription *font,
          const char           *text,
          double                x,
          double                y,
          double                width,
          gboolean              one_line,
          double                gray)
{
  int h;

  doc_set_font (doc, font);
  pango_layout_set_width (doc->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (doc->layout, one_line ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (doc->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (doc->layout, text ? text : "", -1);
  pango_layout_get_pixel_size (doc->layout, NULL, &h);
  cairo_set_source_rgb (doc->cr, gray, gray, gray);
  cairo_move_to (doc->cr, x, y);
  pango_cairo_show_layout (doc->cr, doc->layout);
  return h;
}

static double
doc_text_height (Doc                  *doc,
                 PangoFontDescription *font,
                 const char           *text,
                 double                width)
{
  int h;

  doc_set_font (doc, font);
  pango_layout_set_width (doc->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (doc->layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (doc->layout, text ? text : "", -1);
  pango_layout_get_pixel_size (doc->layout, NULL, &h);
  return h;
}

static void
doc_new_page (Doc *doc)
{
  g_autofree char *number = NULL;

  if (doc->page > 0)
    cairo_show_page (doc->cr);
  doc->page++;

  /* header: what it is, and its marking */
  doc_text (doc, doc->small, doc->header, MARGIN, MARGIN, CONTENT_W - 120, TRUE, 0.35);
  if (doc->marking != NULL)
    {
      doc_set_font (doc, doc->bold);
      pango_layout_set_width (doc->layout, -1);
      pango_layout_set_text (doc->layout, doc->marking, -1);
      {
        int w;
        pango_layout_get_pixel_size (doc->layout, &w, NULL);
        cairo_set_source_rgb (doc->cr, 0.75, 0.45, 0.0);
        cairo_move_to (doc->cr, PAGE_W - MARGIN - w, MARGIN - 2);
        pango_cairo_show_layout (doc->cr, doc->layout);
      }
    }
  cairo_set_source_rgb (doc->cr, 0.8, 0.8, 0.8);
  cairo_set_line_width (doc->cr, 0.5);
  cairo_move_to (doc->cr, MARGIN, MARGIN + 16);
  cairo_line_to (doc->cr, PAGE_W - MARGIN, MARGIN + 16);
  cairo_stroke (doc->cr);

  /* footer */
  number = g_strdup_printf (_("Page %u"), doc->page);
  doc_text (doc, doc->small, doc->written, MARGIN, PAGE_H - MARGIN, CONTENT_W - 80, TRUE, 0.45);
  doc_set_font (doc, doc->small);
  pango_layout_set_width (doc->layout, -1);
  pango_layout_set_text (doc->layout, number, -1);
  {
    int w;
    pango_layout_get_pixel_size (doc->layout, &w, NULL);
    cairo_move_to (doc->cr, PAGE_W - MARGIN - w, PAGE_H - MARGIN);
    pango_cairo_show_layout (doc->cr, doc->layout);
  }

  doc->y = TOP;
}

static void
doc_need (Doc    *doc,
          double  height)
{
  if (doc->y + height > BOTTOM)
    doc_new_page (doc);
}

/* `keep`: the height of what must follow on the same page */
static void
doc_heading_keep (Doc        *doc,
                  const char *text,
                  double      keep)
{
  double h = doc_text_height (doc, doc->heading, text, CONTENT_W);

  doc_need (doc, h + 16 + keep);
  if (doc->y > TOP)
    doc->y += 10;
  doc->y += doc_text (doc, doc->heading, text, MARGIN, doc->y, CONTENT_W, FALSE, 0.1) + 6;
}

static void
doc_heading (Doc        *doc,
             const char *text)
{
  doc_heading_keep (doc, text, 40);
}

static void
doc_paragraph (Doc        *doc,
               const char *text,
               double      gray)
{
  double h = doc_text_height (doc, doc->body, text, CONTENT_W);

  if (h > BOTTOM - TOP)
    h = BOTTOM - TOP;  /* a very long text flows onto one page and is clipped */
  doc_need (doc, h);
  doc->y += doc_text (doc, doc->body, text, MARGIN, doc->y, CONTENT_W, FALSE, gray) + 6;
}

static gboolean
doc_open (Doc         *doc,
          const char  *path,
          const char  *header,
          const char  *marking,
          GError     **error)
{
  g_autoptr(GDateTime) now = vigil_time_now ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%d %H:%M UTC");

  memset (doc, 0, sizeof *doc);
  doc->surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  if (cairo_surface_status (doc->surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   cairo_status_to_string (cairo_surface_status (doc->surface)));
      cairo_surface_destroy (doc->surface);
      doc->surface = NULL;
      return FALSE;
    }
  cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_TITLE, header);
  cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_CREATOR, "Vigil");
  doc->cr = cairo_create (doc->surface);
  doc->layout = pango_cairo_create_layout (doc->cr);
  doc->body = pango_font_description_from_string ("Sans 9");
  doc->bold = pango_font_description_from_string ("Sans Bold 9");
  doc->small = pango_font_description_from_string ("Sans 7.5");
  doc->heading = pango_font_description_from_string ("Sans Bold 13");
  doc->title = pango_font_description_from_string ("Sans Bold 20");
  doc->header = g_strdup (header);
  doc->marking = g_strdup (marking);
  doc->written = g_strdup_printf (_("Written by Vigil on %s"), when);
  doc->chart_style.foreground = (VigilColor) { 0.1, 0.1, 0.1, 1 };
  doc->chart_style.background = (VigilColor) { 1, 1, 1, 1 };
  doc->chart_style.font = "Sans 8";
  doc->chart_style.text_scale = 1.0;
  doc_new_page (doc);
  return TRUE;
}

static gboolean
doc_close (Doc     *doc,
           guint   *n_pages,
           GError **error)
{
  cairo_status_t status;

  g_clear_object (&doc->layout);
  cairo_destroy (doc->cr);
  cairo_surface_finish (doc->surface);
  status = cairo_surface_status (doc->surface);
  cairo_surface_destroy (doc->surface);
  g_clear_pointer (&doc->body, pango_font_description_free);
  g_clear_pointer (&doc->bold, pango_font_description_free);
  g_clear_pointer (&doc->small, pango_font_description_free);
  g_clear_pointer (&doc->heading, pango_font_description_free);
  g_clear_pointer (&doc->title, pango_font_description_free);
  g_clear_pointer (&doc->header, g_free);
  g_clear_pointer (&doc->marking, g_free);
  g_clear_pointer (&doc->written, g_free);
  if (n_pages)
    *n_pages = doc->page;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("Cannot write the report: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* Tables ----------------------------------------------------------------- */

typedef struct
{
  const char *title;
  double      width;  /* share of the content width */
} Column;

typedef const char *(*CellFunc) (gpointer row, guint column, gpointer data);

static void
table_header (Doc          *doc,
              const Column *columns,
              guint         n_columns,
              double        row_h)
{
  double x = MARGIN;

  cairo_set_source_rgb (doc->cr, 0.92, 0.92, 0.92);
  cairo_rectangle (doc->cr, MARGIN, doc->y, CONTENT_W, row_h);
  cairo_fill (doc->cr);
  for (guint c = 0; c < n_columns; c++)
    {
      double w = columns[c].width * CONTENT_W;
      doc_text (doc, doc->bold, _(columns[c].title), x + 3, doc->y + 2, w - 6, TRUE, 0.1);
      x += w;
    }
  doc->y += row_h;
}

/* `wrap`: cells wrap onto several lines (short tables); otherwise one
 * ellipsized line each (long tables stay fast and regular). */
static void
doc_table_full (Doc          *doc,
                const Column *columns,
                guint         n_columns,
                GPtrArray    *rows,
                CellFunc      cell,
                gpointer      data,
                gboolean      wrap)
{
  double line_h = doc_text_height (doc, doc->body, "Xg", CONTENT_W) + 4;

  if (rows == NULL || rows->len == 0)
    {
      doc_paragraph (doc, _("None recorded."), 0.45);
      return;
    }

  doc_need (doc, line_h * 3);
  table_header (doc, columns, n_columns, line_h);
  for (guint r = 0; r < rows->len; r++)
    {
      double x = MARGIN;
      double row_h = line_h;

      if (wrap)
        for (guint c = 0; c < n_columns; c++)
          {
            const char *text = cell (g_ptr_array_index (rows, r), c, data);
            if (text != NULL && *text != '\0')
              row_h = MAX (row_h, doc_text_height (doc, doc->body, text,
                                                   columns[c].width * CONTENT_W - 6) + 4);
          }
      row_h = MIN (row_h, BOTTOM - TOP - 2 * line_h);

      if (doc->y + row_h > BOTTOM)
        {
          doc_new_page (doc);
          table_header (doc, columns, n_columns, line_h);
        }
      if (r % 2 == 1)
        {
          cairo_set_source_rgb (doc->cr, 0.97, 0.97, 0.97);
          cairo_rectangle (doc->cr, MARGIN, doc->y, CONTENT_W, row_h);
          cairo_fill (doc->cr);
        }
      for (guint c = 0; c < n_columns; c++)
        {
          double w = columns[c].width * CONTENT_W;
          const char *text = cell (g_ptr_array_index (rows, r), c, data);
          if (text != NULL && *text != '\0')
            doc_text (doc, doc->body, text, x + 3, doc->y + 2, w - 6, !wrap, 0.1);
          x += w;
        }
      doc->y += row_h;
    }
  doc->y += 6;
}

static void
doc_table (Doc          *doc,
           const Column *columns,
           guint         n_columns,
           GPtrArray    *rows,
           CellFunc      cell,
           gpointer      data)
{
  doc_table_full (doc, columns, n_columns, rows, cell, data, FALSE);
}

static const char *
strv_cell (gpointer row,
           guint    column,
           gpointer data)
{
  char **strv = row;
  return column < g_strv_length (strv) ? strv[column] : NULL;
}

/* Key/value pairs in two columns of label and value. */
static void
doc_pairs (Doc                *doc,
           const char * const *pairs)
{
  for (guint i = 0; pairs[i] != NULL; i += 2)
    {
      const char *value = pairs[i + 1] && *pairs[i + 1] ? pairs[i + 1] : "—";
      double h = doc_text_height (doc, doc->body, value, CONTENT_W * 0.7);

      doc_need (doc, h + 2);
      doc_text (doc, doc->bold, pairs[i], MARGIN, doc->y, CONTENT_W * 0.28, TRUE, 0.3);
      doc->y += doc_text (doc, doc->body, value, MARGIN + CONTENT_W * 0.3, doc->y,
                          CONTENT_W * 0.7, FALSE, 0.1) + 2;
    }
  doc->y += 4;
}

static void
doc_chart (Doc        *doc,
           VigilChart *chart,
           double      x,
           double      width,
           double      height)
{
  cairo_save (doc->cr);
  cairo_translate (doc->cr, x, doc->y);
  vigil_chart_draw (chart, doc->cr, width, height, &doc->chart_style);
  cairo_restore (doc->cr);
}

/* Two charts side by side (or one across when `right` is NULL). */
static void
doc_charts (Doc                *doc,
            const VigilMetrics *m,
            VigilOverviewChart  left,
            int                 right,
            double              height)
{
  g_autoptr(VigilChart) a = vigil_metrics_build_chart (m, left);
  g_autoptr(VigilChart) b = right >= 0 ? vigil_metrics_build_chart (m, right) : NULL;

  doc_need (doc, height);
  if (b == NULL)
    doc_chart (doc, a, MARGIN, CONTENT_W, height);
  else
    {
      doc_chart (doc, a, MARGIN, CONTENT_W / 2 - 10, height);
      doc_chart (doc, b, MARGIN + CONTENT_W / 2 + 10, CONTENT_W / 2 - 10, height);
    }
  doc->y += height + 14;
}

/* "2026-11-30T12:05:00Z" → "2026-11-30 12:05" */
static char *
short_time (const char *iso)
{
  if (iso == NULL || strlen (iso) < 16)
    return g_strdup (iso ? iso : "");
  return g_strdup_printf ("%.10s %.5s", iso, iso + 11);
}

/* Period report ---------------------------------------------------------- */

typedef struct
{
  GPtrArray *scratch;  /* strings of the current row */
} CellData;

static const char *
incident_cell (gpointer row,
               guint    column,
               gpointer data)
{
  VigilIncidentRow *r = row;
  CellData *d = data;
  char *s = NULL;

  switch (column)
    {
    case 0: return r->ref;
    case 1: s = short_time (r->detected_at); break;
    case 2: return r->severity ? vigil_vocab_label (VIGIL_VOCAB_SEVERITY, r->severity) : "—";
    case 3: return vigil_vocab_label (VIGIL_VOCAB_STAGE, r->stage);
    case 4: return r->category ? vigil_vocab_label (VIGIL_VOCAB_CATEGORY, r->category) : "";
    case 5: return r->assignee;
    case 6: return r->title;
    case 7: return r->resolution ? vigil_vocab_label (VIGIL_VOCAB_RESOLUTION, r->resolution) : "";
    default: return NULL;
    }
  if (d->scratch->len > 64)
    g_ptr_array_set_size (d->scratch, 0);
  g_ptr_array_add (d->scratch, s);
  return s;
}

static void
figure_box (Doc        *doc,
            double      x,
            double      width,
            const char *value,
            const char *label)
{
  cairo_set_source_rgb (doc->cr, 0.95, 0.96, 0.98);
  cairo_rectangle (doc->cr, x, doc->y, width, 62);
  cairo_fill (doc->cr);
  doc_text (doc, doc->title, value, x + 8, doc->y + 4, width - 16, TRUE, 0.1);
  doc_text (doc, doc->small, label, x + 8, doc->y + 34, width - 16, FALSE, 0.35);
}

gboolean
vigil_report_write_period (VigilStore                 *store,
                           const VigilPeriod          *period,
                           const VigilResponseTargets *targets,
                           const char                 *path,
                           guint                      *n_pages,
                           GError                    **error)
{
  static const Column metric_columns[] = {
    { N_("Metric"), 0.27 }, { N_("Median"), 0.17 }, { N_("90th percentile"), 0.2 },
    { N_("Measured"), 0.14 }, { N_("Missing a time"), 0.22 },
  };
  static const Column incident_columns[] = {
    { N_("Reference"), 0.13 }, { N_("Detected"), 0.15 }, { N_("Severity"), 0.08 },
    { N_("Stage"), 0.11 }, { N_("Category"), 0.13 }, { N_("Assignee"), 0.12 },
    { N_("Title"), 0.18 }, { N_("Outcome"), 0.10 },
  };
  g_autoptr(VigilMetrics) m = NULL;
  g_autoptr(GPtrArray) major = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) metric_rows = NULL;
  g_autoptr(GPtrArray) scratch = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *header = NULL;
  g_autofree char *subtitle = NULL;
  CellData cells;
  Doc doc;
  double box_w;

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (period != NULL && period->from != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  m = vigil_store_compute_metrics (store, period, targets, error);
  if (m == NULL)
    return FALSE;
  major = vigil_store_list_period_incidents (store, period, TRUE, error);
  if (major == NULL)
    return FALSE;
  all = vigil_store_list_period_incidents (store, period, FALSE, error);
  if (all == NULL)
    return FALSE;

  tmp = g_strconcat (path, ".part", NULL);
  header = g_strdup_printf (_("Incident response report, %s to %s"), period->from, period->to);
  if (!doc_open (&doc, tmp, header, "TLP:AMBER", error))
    return FALSE;

  scratch = g_ptr_array_new_with_free_func (g_free);
  cells.scratch = scratch;

  /* Page 1: the figures */
  doc.y += doc_text (&doc, doc.title, _("Incident response report"), MARGIN, doc.y, CONTENT_W,
                     FALSE, 0.05) + 2;
  subtitle = g_strdup_printf (ngettext ("%s to %s (%d day)", "%s to %s (%d days)", period->days),
                              period->from, period->to, period->days);
  doc.y += doc_text (&doc, doc.body, subtitle, MARGIN, doc.y, CONTENT_W, FALSE, 0.35) + 16;

  box_w = (CONTENT_W - 4 * 8) / 5;
  {
    g_autofree char *v0 = g_strdup_printf ("%" PRId64, m->incidents);
    g_autofree char *v1 = g_strdup_printf ("%" PRId64, m->closed);
    g_autofree char *v2 = g_strdup_printf ("%" PRId64, m->open);
    g_autofree char *v3 = g_strdup_printf ("%" PRId64, m->active_countermeasures);
    g_autofree char *v4 = g_strdup_printf ("%" PRId64, m->open_detection_requests);

    figure_box (&doc, MARGIN, box_w, v0, _("Incidents detected"));
    figure_box (&doc, MARGIN + (box_w + 8), box_w, v1, _("Of those, closed"));
    figure_box (&doc, MARGIN + 2 * (box_w + 8), box_w, v2, _("Open now"));
    figure_box (&doc, MARGIN + 3 * (box_w + 8), box_w, v3, _("Active countermeasures"));
    figure_box (&doc, MARGIN + 4 * (box_w + 8), box_w, v4, _("Open detection requests"));
    doc.y += 62 + 12;
  }
  if (m->incidents == 0)
    doc_paragraph (&doc, _("No incident was detected in this period."), 0.35);

  doc_heading (&doc, _("Response metrics"));
  metric_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint k = 0; k < VIGIL_N_METRICS; k++)
    {
      const VigilDurationStats *d = &m->durations[k];
      char **row = g_new0 (char *, 6);

      row[0] = g_strdup (vigil_metric_label (k));
      row[1] = vigil_format_duration (d->median);
      row[2] = vigil_format_duration (d->p90);
      row[3] = g_strdup_printf ("%" PRId64, d->count);
      row[4] = d->inconsistent > 0
        ? g_strdup_printf (_("%" PRId64 " (and %" PRId64 " inconsistent)"),
                           d->missing, d->inconsistent)
        : g_strdup_printf ("%" PRId64, d->missing);
      g_ptr_array_add (metric_rows, row);
    }
  doc_table (&doc, metric_columns, G_N_ELEMENTS (metric_columns), metric_rows, strv_cell, NULL);
  doc_paragraph (&doc, _("Time to detect runs from occurrence to detection; the others from "
                         "detection to acknowledgement, containment and resolution. An incident "
                         "missing either time is left out of that metric and counted as missing."),
                 0.4);

  doc_charts (&doc, m, VIGIL_OVERVIEW_CHART_TARGETS, -1, 190);

  /* Trends and state */
  doc_heading_keep (&doc, _("Trends"), 170);
  doc_charts (&doc, m, VIGIL_OVERVIEW_CHART_TREND, -1, 170);
  doc_charts (&doc, m, VIGIL_OVERVIEW_CHART_SEVERITY, VIGIL_OVERVIEW_CHART_OUTCOME, 130);
  doc_charts (&doc, m, VIGIL_OVERVIEW_CHART_OPEN, VIGIL_OVERVIEW_CHART_CATEGORY, 150);

  doc_heading_keep (&doc, _("Where incidents hit"), 150);
  doc_charts (&doc, m, VIGIL_OVERVIEW_CHART_TEAMS, VIGIL_OVERVIEW_CHART_CRITICALITY, 150);
  doc_charts (&doc, m, VIGIL_OVERVIEW_CHART_ASSETS, -1, 160);

  doc_heading_keep (&doc, _("Workload"), 150);
  doc_charts (&doc, m, VIGIL_OVERVIEW_CHART_TIERS, VIGIL_OVERVIEW_CHART_ANALYSTS, 150);

  doc_heading (&doc, _("Major incidents"));
  doc_paragraph (&doc, _("High and critical severity, most severe first."), 0.4);
  doc_table (&doc, incident_columns, G_N_ELEMENTS (incident_columns), major, incident_cell,
             &cells);

  doc_new_page (&doc);
  doc_heading (&doc, _("Every incident of the period"));
  doc_table (&doc, incident_columns, G_N_ELEMENTS (incident_columns), all, incident_cell, &cells);

  if (!doc_close (&doc, n_pages, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Incident report -------------------------------------------------------- */

static const char *
label_or_dash (VigilVocab  vocab,
               const char *key)
{
  return key ? vigil_vocab_label (vocab, key) : "—";
}

static GPtrArray *
section_rows (VigilStore    *store,
              gint64         id,
              VigilSection   section,
              GError       **error)
{
  GPtrArray *rows = vigil_store_list_incident_section (store, id, section, error);

  if (rows == NULL)
    return NULL;
  /* times to the minute, keys to labels */
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      switch (section)
        {
        case VIGIL_SECTION_TIMELINE:
        case VIGIL_SECTION_CONTACTS:
          {
            char *t = short_time (row[0]);
            g_free (row[0]);
            row[0] = t;
          }
          if (section == VIGIL_SECTION_CONTACTS)
            {
              char *t = short_time (row[4]);
              char *c = g_strdup (label_or_dash (VIGIL_VOCAB_CHANNEL, row[2]));
              g_free (row[4]);
              row[4] = t;
              g_free (row[2]);
              row[2] = c;
            }
          break;
        case VIGIL_SECTION_ACTIONS:
          {
            gboolean cm = g_strcmp0 (row[0], "countermeasure") == 0;
            char *k = g_strdup (cm ? _("Countermeasure") : _("Task"));
            char *s = g_strdup (label_or_dash (cm ? VIGIL_VOCAB_COUNTERMEASURE_STATUS
                                                  : VIGIL_VOCAB_TASK_STATUS, row[2]));
            char *t = short_time (row[4]);
            g_free (row[0]);
            row[0] = k;
            g_free (row[2]);
            row[2] = s;
            g_free (row[4]);
            row[4] = t;
          }
          break;
        case VIGIL_SECTION_ASSETS:
          {
            char *c = g_strdup (label_or_dash (VIGIL_VOCAB_CRITICALITY, row[1]));
            g_free (row[1]);
            row[1] = c;
          }
          break;
        case VIGIL_SECTION_OBSERVABLES:
        default:
          break;
        }
    }
  return rows;
}

gboolean
vigil_report_write_incident (VigilStore  *store,
                             const char  *ref,
                             const char  *path,
                             guint       *n_pages,
                             GError     **error)
{
  static const Column timeline_columns[] = {
    { N_("When"), 0.25 }, { N_("Who"), 0.17 }, { N_("What"), 0.58 },
  };
  static const Column action_columns[] = {
    { N_("Kind"), 0.15 }, { N_("Action"), 0.37 }, { N_("Status"), 0.13 }, { N_("Owner"), 0.17 },
    { N_("Due or done"), 0.18 },
  };
  static const Column contact_columns[] = {
    { N_("When"), 0.18 }, { N_("Who"), 0.2 }, { N_("Channel"), 0.1 }, { N_("Summary"), 0.34 },
    { N_("Follow up by"), 0.18 },
  };
  static const Column observable_columns[] = {
    { N_("Type"), 0.12 }, { N_("Value"), 0.4 }, { N_("IOC"), 0.07 }, { N_("TLP"), 0.1 },
    { N_("Note"), 0.31 },
  };
  static const Column asset_columns[] = {
    { N_("Asset"), 0.34 }, { N_("Criticality"), 0.13 }, { N_("Status"), 0.15 },
    { N_("Owner team"), 0.18 }, { N_("Note"), 0.2 },
  };
  g_autoptr(VigilIncident) inc = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) observables = NULL;
  g_autoptr(GPtrArray) assets = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *header = NULL;
  g_autofree char *marking = NULL;
  g_autofree char *title = NULL;
  g_autofree char *priority = NULL;
  g_autofree char *impact = NULL;
  g_autofree char *urgency = NULL;
  g_autofree char *impact_urgency = NULL;
  char *times[7] = { NULL, };  /* freed after the summary is drawn */
  Doc doc;
  gint64 id;

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (ref != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  inc = vigil_store_find_incident (store, ref, error);
  if (inc == NULL)
    return FALSE;
  id = vigil_incident_get_id (inc);

  if (!(timeline = section_rows (store, id, VIGIL_SECTION_TIMELINE, error))
      || !(actions = section_rows (store, id, VIGIL_SECTION_ACTIONS, error))
      || !(contacts = section_rows (store, id, VIGIL_SECTION_CONTACTS, error))
      || !(observables = section_rows (store, id, VIGIL_SECTION_OBSERVABLES, error))
      || !(assets = section_rows (store, id, VIGIL_SECTION_ASSETS, error)))
    return FALSE;

  tmp = g_strconcat (path, ".part", NULL);
  header = g_strdup_printf (_("Incident report %s"), vigil_incident_get_ref (inc));
  marking = g_strdup (vigil_vocab_label (VIGIL_VOCAB_TLP, vigil_incident_get_tlp (inc)));
  if (!doc_open (&doc, tmp, header, marking, error))
    return FALSE;

  title = g_strdup_printf ("%s — %s", vigil_incident_get_ref (inc), vigil_incident_get_title (inc));
  doc.y += doc_text (&doc, doc.title, title, MARGIN, doc.y, CONTENT_W, FALSE, 0.05) + 10;

  times[0] = short_time (vigil_incident_get_occurred_at (inc));
  times[1] = short_time (vigil_incident_get_detected_at (inc));
  times[2] = short_time (vigil_incident_get_acknowledged_at (inc));
  times[3] = short_time (vigil_incident_get_contained_at (inc));
  times[4] = short_time (vigil_incident_get_resolved_at (inc));
  times[5] = short_time (vigil_incident_get_closed_at (inc));
  times[6] = short_time (vigil_incident_get_due_at (inc));

  doc_heading (&doc, _("Summary"));
  {
    const char * const pairs[] = {
      _("Stage"), label_or_dash (VIGIL_VOCAB_STAGE, vigil_incident_get_stage (inc)),
      _("Assignee"), vigil_incident_get_assignee_name (inc),
      _("Owner team"), vigil_incident_get_owner_team_name (inc),
      _("Occurred"), times[0],
      _("Detected"), times[1],
      _("Acknowledged"), times[2],
      _("Contained"), times[3],
      _("Resolved"), times[4],
      _("Closed"), times[5],
      _("Response due"), times[6],
      NULL,
    };
    doc_pairs (&doc, pairs);
  }
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    g_free (times[i]);
  if (vigil_incident_get_description (inc) && *vigil_incident_get_description (inc))
    doc_paragraph (&doc, vigil_incident_get_description (inc), 0.1);

  doc_heading (&doc, _("Classification"));
  priority = vigil_incident_get_priority (inc) > 0
    ? g_strdup_printf ("P%d", vigil_incident_get_priority (inc)) : g_strdup ("—");
  impact = vigil_incident_get_impact (inc) > 0
    ? g_strdup_printf ("%d", vigil_incident_get_impact (inc)) : g_strdup ("—");
  urgency = vigil_incident_get_urgency (inc) > 0
    ? g_strdup_printf ("%d", vigil_incident_get_urgency (inc)) : g_strdup ("—");
  /* TRANSLATORS: impact × urgency, 1 high … 3 low */
  impact_urgency = g_strdup_printf (_("%s × %s (1 high, 3 low)"), impact, urgency);
  {
    const char * const pairs[] = {
      _("Severity"), label_or_dash (VIGIL_VOCAB_SEVERITY, vigil_incident_get_severity (inc)),
      _("Category"), label_or_dash (VIGIL_VOCAB_CATEGORY, vigil_incident_get_category (inc)),
      _("Impact × urgency"), impact_urgency,
      _("Priority"), priority,
      _("Tier"), label_or_dash (VIGIL_VOCAB_TIER, vigil_incident_get_tier (inc)),
      _("TLP"), label_or_dash (VIGIL_VOCAB_TLP, vigil_incident_get_tlp (inc)),
      _("PAP"), label_or_dash (VIGIL_VOCAB_PAP, vigil_incident_get_pap (inc)),
      NULL,
    };
    doc_pairs (&doc, pairs);
  }

  doc_heading (&doc, _("Timeline"));
  doc_table_full (&doc, timeline_columns, G_N_ELEMENTS (timeline_columns), timeline,
                  strv_cell, NULL, TRUE);
  doc_heading (&doc, _("Actions and countermeasures"));
  doc_table_full (&doc, action_columns, G_N_ELEMENTS (action_columns), actions,
                  strv_cell, NULL, TRUE);
  doc_heading (&doc, _("Contacts"));
  doc_table_full (&doc, contact_columns, G_N_ELEMENTS (contact_columns), contacts,
                  strv_cell, NULL, TRUE);
  doc_heading (&doc, _("Observables"));
  doc_table_full (&doc, observable_columns, G_N_ELEMENTS (observable_columns), observables,
                  strv_cell, NULL, TRUE);
  doc_heading (&doc, _("Affected assets"));
  doc_table_full (&doc, asset_columns, G_N_ELEMENTS (asset_columns), assets,
                  strv_cell, NULL, TRUE);

  doc_heading (&doc, _("Closure"));
  {
    const char *resolution = vigil_incident_get_resolution (inc);
    const char * const pairs[] = {
      _("Outcome"), resolution ? vigil_vocab_label (VIGIL_VOCAB_RESOLUTION, resolution)
                               : _("Not closed yet"),
      _("Impact"), label_or_dash (VIGIL_VOCAB_IMPACT_STATUS, vigil_incident_get_impact_status (inc)),
      _("Summary"), vigil_incident_get_summary (inc),
      _("Lessons learned"), vigil_incident_get_lessons (inc),
      NULL,
    };
    doc_pairs (&doc, pairs);
  }

  if (!doc_close (&doc, n_pages, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Off the main thread ---------------------------------------------------- */

typedef struct
{
  char                 *db_path;
  VigilPeriod           period;
  gboolean              has_targets;
  VigilResponseTargets  targets;
  char                 *ref;
  char                 *path;
  guint                 n_pages;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;
  g_free (job->db_path);
  vigil_period_clear (&job->period);
  g_free (job->ref);
  g_free (job->path);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  store = vigil_store_open (job->db_path, VIGIL_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (job->ref != NULL)
    ok = vigil_report_write_incident (store, job->ref, job->path, &job->n_pages, &error);
  else
    ok = vigil_report_write_period (store, &job->period,
                                    job->has_targets ? &job->targets : NULL, job->path,
                                    &job->n_pages, &error);
  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
vigil_report_write_async (VigilStore                 *store,
                          const VigilPeriod          *period,
                          const VigilResponseTargets *targets,
                          const char                 *ref,
                          const char                 *path,
                          GCancellable               *cancellable,
                          GAsyncReadyCallback         callback,
                          gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (VIGIL_IS_STORE (store));
  g_return_if_fail (ref != NULL || period != NULL);
  g_return_if_fail (path != NULL);

  job = g_new0 (Job, 1);
  job->db_path = g_strdup (vigil_store_get_path (store));
  if (period != NULL)
    {
      job->period.from = g_strdup (period->from);
      job->period.to = g_strdup (period->to);
      job->period.from_iso = g_strdup (period->from_iso);
      job->period.until_iso = g_strdup (period->until_iso);
      job->period.days = period->days;
    }
  if (targets != NULL)
    {
      job->has_targets = TRUE;
      job->targets = *targets;
    }
  else
    {
      job->has_targets = TRUE;
      vigil_store_get_response_targets (store, &job->targets);
    }
  job->ref = g_strdup (ref);
  job->path = g_strdup (path);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigil_report_write_async);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
vigil_report_write_finish (GAsyncResult  *result,
                           guint         *n_pages,
                           GError       **error)
{
  Job *job;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  if (n_pages)
    *n_pages = job->n_pages;
  return TRUE;
}
