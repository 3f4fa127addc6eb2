/* vigil-document-preview.c — shows an archived document
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <poppler.h>

#include "vigil-document-preview.h"
#include "vigil-markdown.h"

#define MAX_TEXT_PREVIEW (1024 * 1024)

struct _VigilDocumentPreview
{
  GtkWidget        parent_instance;

  GtkWidget       *stack;
  GtkWidget       *pdf_area;
  GtkWidget       *page_label;
  GtkWidget       *prev_button;
  GtkWidget       *next_button;
  GtkWidget       *picture;
  GtkWidget       *markdown_label;
  GtkWidget       *text_view;
  GtkWidget       *error_page;

  PopplerDocument *pdf;
  int              page;
};

G_DEFINE_FINAL_TYPE (VigilDocumentPreview, vigil_document_preview, GTK_TYPE_WIDGET)

static void
update_page_label (VigilDocumentPreview *self)
{
  int n = self->pdf ? poppler_document_get_n_pages (self->pdf) : 0;
  g_autofree char *text = g_strdup_printf (_("Page %d of %d"), n ? self->page + 1 : 0, n);

  gtk_label_set_text (GTK_LABEL (self->page_label), text);
  gtk_widget_set_sensitive (self->prev_button, self->page > 0);
  gtk_widget_set_sensitive (self->next_button, self->page + 1 < n);
}

static void
measure_page (VigilDocumentPreview *self,
              double               *width,
              double               *height)
{
  g_autoptr(GObject) page = NULL;

  *width = 612;
  *height = 792;
  if (self->pdf == NULL)
    return;
  page = (GObject *) poppler_document_get_page (self->pdf, self->page);
  if (page != NULL)
    poppler_page_get_size (POPPLER_PAGE (page), width, height);
}

static void
draw_pdf (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  VigilDocumentPreview *self = user_data;
  g_autoptr(GObject) page = NULL;
  double pw, ph, scale;

  if (self->pdf == NULL)
    return;
  page = (GObject *) poppler_document_get_page (self->pdf, self->page);
  if (page == NULL)
    return;
  poppler_page_get_size (POPPLER_PAGE (page), &pw, &ph);
  scale = MAX (width - 24, 50) / pw;
  cairo_translate (cr, 12, 12);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, pw, ph);
  cairo_fill (cr);
  poppler_page_render (POPPLER_PAGE (page), cr);
}

static void
resize_pdf_area (VigilDocumentPreview *self)
{
  double pw, ph;
  int width = gtk_widget_get_width (self->pdf_area);

  measure_page (self, &pw, &ph);
  if (width <= 0)
    width = 480;
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->pdf_area),
                                       (int) (ph * MAX (width - 24, 50) / pw) + 24);
  gtk_widget_queue_draw (self->pdf_area);
}

static void
on_pdf_resize (GtkDrawingArea *area,
               int             width,
               int             height,
               gpointer        user_data)
{
  VigilDocumentPreview *self = user_data;
  double pw, ph;
  int wanted;

  measure_page (self, &pw, &ph);
  wanted = (int) (ph * MAX (width - 24, 50) / pw) + 24;
  if (wanted != gtk_drawing_area_get_content_height (area))
    gtk_drawing_area_set_content_height (area, wanted);
}

void
vigil_document_preview_set_page (VigilDocumentPreview *self,
                                 int                   page)
{
  g_return_if_fail (VIGIL_IS_DOCUMENT_PREVIEW (self));

  if (self->pdf == NULL)
    return;
  self->page = CLAMP (page, 0, MAX (poppler_document_get_n_pages (self->pdf) - 1, 0));
  update_page_label (self);
  resize_pdf_area (self);
}

static void
on_prev (GtkButton            *button,
         VigilDocumentPreview *self)
{
  vigil_document_preview_set_page (self, self->page - 1);
}

static void
on_next (GtkButton            *button,
         VigilDocumentPreview *self)
{
  vigil_document_preview_set_page (self, self->page + 1);
}

static void
show_error (VigilDocumentPreview *self,
            const char           *title,
            const char           *message)
{
  adw_status_page_set_title (ADW_STATUS_PAGE (self->error_page), title);
  g_autofree char *escaped = g_markup_escape_text (message ? message : "", -1);

  adw_status_page_set_description (ADW_STATUS_PAGE (self->error_page), escaped);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "error");
}

static char *
read_text (const char  *path,
           GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return g_utf8_make_valid (contents, (gssize) MIN (length, MAX_TEXT_PREVIEW));
}

void
vigil_document_preview_set_file (VigilDocumentPreview *self,
                                 const char           *path,
                                 const char           *media_type)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (VIGIL_IS_DOCUMENT_PREVIEW (self));

  g_clear_object (&self->pdf);
  self->page = 0;
  gtk_picture_set_paintable (GTK_PICTURE (self->picture), NULL);

  if (path == NULL || media_type == NULL)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "none");
      return;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      show_error (self, _("The archived file is missing"),
                  _("Add the document again to restore it."));
      return;
    }

  if (g_str_equal (media_type, "application/pdf"))
    {
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
      self->pdf = poppler_document_new_from_file (uri, NULL, &error);
      if (self->pdf == NULL)
        {
          show_error (self, _("This PDF cannot be shown"), error->message);
          return;
        }
      update_page_label (self);
      resize_pdf_area (self);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "pdf");
    }
  else if (g_str_has_prefix (media_type, "image/"))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_file (file, &error);

      if (texture == NULL)
        {
          /* SVG and other formats through gdk-pixbuf */
          g_autoptr(GdkPixbuf) pixbuf = NULL;
          g_clear_error (&error);
          pixbuf = gdk_pixbuf_new_from_file (path, &error);
          if (pixbuf != NULL)
            texture = gdk_texture_new_for_pixbuf (pixbuf);
        }
      if (texture == NULL)
        {
          show_error (self, _("This image cannot be shown"), error ? error->message : "");
          return;
        }
      gtk_picture_set_paintable (GTK_PICTURE (self->picture), GDK_PAINTABLE (texture));
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "image");
    }
  else if (g_str_equal (media_type, "text/markdown") || g_str_equal (media_type, "text/x-markdown"))
    {
      g_autofree char *text = read_text (path, &error);
      g_autofree char *markup = text ? vigil_markdown_to_pango (text, -1) : NULL;

      if (markup == NULL)
        {
          show_error (self, _("This document cannot be read"), error->message);
          return;
        }
      gtk_label_set_markup (GTK_LABEL (self->markdown_label), markup);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "markdown");
    }
  else if (g_str_has_prefix (media_type, "text/"))
    {
      g_autofree char *text = read_text (path, &error);

      if (text == NULL)
        {
          show_error (self, _("This document cannot be read"), error->message);
          return;
        }
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)), text, -1);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "text");
    }
  else
    gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "none");
}

const char *
vigil_document_preview_get_mode (VigilDocumentPreview *self)
{
  g_return_val_if_fail (VIGIL_IS_DOCUMENT_PREVIEW (self), NULL);
  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}

int
vigil_document_preview_get_n_pages (VigilDocumentPreview *self)
{
  g_return_val_if_fail (VIGIL_IS_DOCUMENT_PREVIEW (self), 0);
  return self->pdf ? poppler_document_get_n_pages (self->pdf) : 0;
}

static GtkWidget *
scrolled (GtkWidget *child)
{
  GtkWidget *sw = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (sw), child);
  gtk_widget_set_vexpand (sw, TRUE);
  gtk_widget_set_hexpand (sw, TRUE);
  return sw;
}

static void
vigil_document_preview_dispose (GObject *object)
{
  VigilDocumentPreview *self = VIGIL_DOCUMENT_PREVIEW (object);

  g_clear_object (&self->pdf);
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  G_OBJECT_CLASS (vigil_document_preview_parent_class)->dispose (object);
}

static void
vigil_document_preview_class_init (VigilDocumentPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_document_preview_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documentpreview");
}

static void
vigil_document_preview_init (VigilDocumentPreview *self)
{
  GtkWidget *pdf_box, *nav, *none;

  self->stack = gtk_stack_new ();
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  /* PDF: one page at a time, fitted to the width */
  pdf_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (nav, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (nav, 6);
  gtk_widget_set_margin_bottom (nav, 6);
  self->prev_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->prev_button, _("Previous page"));
  self->next_button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_tooltip_text (self->next_button, _("Next page"));
  self->page_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->page_label, "numeric");
  g_signal_connect (self->prev_button, "clicked", G_CALLBACK (on_prev), self);
  g_signal_connect (self->next_button, "clicked", G_CALLBACK (on_next), self);
  gtk_box_append (GTK_BOX (nav), self->prev_button);
  gtk_box_append (GTK_BOX (nav), self->page_label);
  gtk_box_append (GTK_BOX (nav), self->next_button);
  self->pdf_area = gtk_drawing_area_new ();
  gtk_widget_set_hexpand (self->pdf_area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->pdf_area), draw_pdf, self, NULL);
  g_signal_connect (self->pdf_area, "resize", G_CALLBACK (on_pdf_resize), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pdf_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("PDF page"), -1);
  gtk_box_append (GTK_BOX (pdf_box), nav);
  gtk_box_append (GTK_BOX (pdf_box), scrolled (self->pdf_area));
  gtk_stack_add_named (GTK_STACK (self->stack), pdf_box, "pdf");

  self->picture = gtk_picture_new ();
  gtk_picture_set_can_shrink (GTK_PICTURE (self->picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (self->picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled (self->picture), "image");

  self->markdown_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->markdown_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->markdown_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (self->markdown_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->markdown_label), 0);
  gtk_widget_set_valign (self->markdown_label, GTK_ALIGN_START);
  gtk_widget_set_margin_start (self->markdown_label, 18);
  gtk_widget_set_margin_end (self->markdown_label, 18);
  gtk_widget_set_margin_top (self->markdown_label, 12);
  gtk_widget_set_margin_bottom (self->markdown_label, 12);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled (self->markdown_label), "markdown");

  self->text_view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->text_view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (self->text_view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->text_view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->text_view), 12);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled (self->text_view), "text");

  none = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "x-office-document-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No Preview"));
  adw_status_page_set_description (ADW_STATUS_PAGE (none),
                                   _("Use “Open With…” to read this document in another application."));
  gtk_stack_add_named (GTK_STACK (self->stack), none, "none");

  self->error_page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->error_page), "dialog-warning-symbolic");
  gtk_stack_add_named (GTK_STACK (self->stack), self->error_page, "error");

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "none");
}

GtkWidget *
vigil_document_preview_new (void)
{
  return g_object_new (VIGIL_TYPE_DOCUMENT_PREVIEW, NULL);
}
