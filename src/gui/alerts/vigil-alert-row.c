/* vigil-alert-row.c — one alert group in the alerts list, drawn as one widget
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's list view builds a row widget for every item it holds (the
 * page's first window), and a row of two boxes and four labels cost the
 * first frame more than the rest of the page.  This row lays out its four
 * texts with Pango and draws them: the severity (a word in the theme's
 * error, warning or accent colour: never colour alone), the title, a dim
 * caption (source, last seen, asset or address, status) and the number of
 * events folded into it.  All plain text, never markup, so titles such as
 * "<b>&amp;" show as written.  Screen readers get one label saying all of
 * it; the tooltip gives the whole title.
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "vigil-alert-row.h"
#include "vigil-vocab.h"

#define MARGIN_Y   6
#define GAP        12    /* between the severity, the texts and the count */
#define LINE_GAP   2     /* between the title and the caption */
#define SEVERITY_CHARS 8

typedef enum { TEXT_SEVERITY, TEXT_TITLE, TEXT_CAPTION, TEXT_COUNT, N_TEXTS } Text;

struct _VigilAlertRow
{
  GtkWidget    parent_instance;

  char        *texts[N_TEXTS];
  const char  *severity_color;   /* a named colour of the theme */
  PangoLayout *layouts[N_TEXTS];
  PangoFontDescription *font;    /* what the layouts were made with */
};

G_DEFINE_FINAL_TYPE (VigilAlertRow, vigil_alert_row, GTK_TYPE_WIDGET)

const char *
vigil_alert_status_label (const char *status)
{
  if (g_strcmp0 (status, "new") == 0)
    return _("New");
  if (g_strcmp0 (status, "promoted") == 0)
    return _("Promoted");
  if (g_strcmp0 (status, "merged") == 0)
    return _("Merged");
  if (g_strcmp0 (status, "dismissed") == 0)
    return _("Dismissed");
  if (g_strcmp0 (status, "suppressed") == 0)
    return _("Suppressed");
  return status;
}

static PangoLayout *
layout_for (VigilAlertRow *self,
            Text           which)
{
  PangoLayout *layout = self->layouts[which];

  if (layout == NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      layout = self->layouts[which] = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      /* libadwaita's type scale: caption and caption-heading are 0.82em */
      if (which != TEXT_TITLE)
        pango_attr_list_insert (attrs, pango_attr_scale_new (0.82));
      if (which == TEXT_SEVERITY)
        pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      if (which == TEXT_COUNT)
        pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
    }
  pango_layout_set_text (layout, self->texts[which] ? self->texts[which] : "", -1);
  return layout;
}

static int
severity_width (VigilAlertRow *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int ch = pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE;

  pango_font_metrics_unref (metrics);
  return SEVERITY_CHARS * ch;
}

static void
vigil_alert_row_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  VigilAlertRow *self = VIGIL_ALERT_ROW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = severity_width (self) + 2 * GAP + 160;
      *natural = *minimum + 240;
    }
  else
    {
      int title_h, caption_h;

      pango_layout_get_pixel_size (layout_for (self, TEXT_TITLE), NULL, &title_h);
      pango_layout_get_pixel_size (layout_for (self, TEXT_CAPTION), NULL, &caption_h);
      *minimum = *natural = 2 * MARGIN_Y + title_h + LINE_GAP + caption_h;
    }
}

static GdkRGBA
theme_color (GtkWidget  *widget,
             const char *name,
             double      alpha)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA color;

  if (name == NULL || !gtk_style_context_lookup_color (context, name, &color))
    gtk_style_context_get_color (context, &color);
  color.alpha *= alpha;
  return color;
}

static void
draw (GtkSnapshot   *snapshot,
      PangoLayout   *layout,
      int            x,
      int            y,
      const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
vigil_alert_row_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  VigilAlertRow *self = VIGIL_ALERT_ROW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int sev_w = severity_width (self);
  int count_w, count_h, sev_w_text, sev_h, title_h, text_x, text_w;
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GdkRGBA fg = theme_color (widget, NULL, 1.0);
  GdkRGBA dim = theme_color (widget, NULL, 0.55);
  GdkRGBA sev = self->severity_color ? theme_color (widget, self->severity_color, 1.0) : dim;
  PangoLayout *severity, *title, *caption, *count;

  if (self->texts[TEXT_TITLE] == NULL)
    return;
  severity = layout_for (self, TEXT_SEVERITY);
  count = layout_for (self, TEXT_COUNT);
  title = layout_for (self, TEXT_TITLE);
  caption = layout_for (self, TEXT_CAPTION);
  pango_layout_get_pixel_size (count, &count_w, &count_h);
  pango_layout_get_pixel_size (severity, &sev_w_text, &sev_h);
  sev_w = MAX (sev_w, sev_w_text);
  text_x = sev_w + GAP;
  text_w = MAX (0, width - text_x - GAP - count_w);
  pango_layout_set_width (title, text_w * PANGO_SCALE);
  pango_layout_set_width (caption, text_w * PANGO_SCALE);
  pango_layout_get_pixel_size (title, NULL, &title_h);

  /* mirrored in right-to-left locales */
  draw (snapshot, severity, rtl ? width - sev_w : 0, (height - sev_h) / 2, &sev);
  draw (snapshot, title, rtl ? width - text_x - text_w : text_x, MARGIN_Y, &fg);
  draw (snapshot, caption, rtl ? width - text_x - text_w : text_x,
        MARGIN_Y + title_h + LINE_GAP, &dim);
  draw (snapshot, count, rtl ? 0 : width - count_w, (height - count_h) / 2, &dim);
}

static void
drop_layouts (VigilAlertRow *self)
{
  for (guint i = 0; i < N_TEXTS; i++)
    g_clear_object (&self->layouts[i]);
}

/* The style changes with hover and selection as well: lay out again only
 * for a new font (size, family, scale); colours are read at each draw. */
static void
vigil_alert_row_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  VigilAlertRow *self = VIGIL_ALERT_ROW (widget);
  const PangoFontDescription *font;

  GTK_WIDGET_CLASS (vigil_alert_row_parent_class)->css_changed (widget, change);
  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (self->font != NULL && font != NULL && pango_font_description_equal (self->font, font))
    {
      gtk_widget_queue_draw (widget);
      return;
    }
  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = font ? pango_font_description_copy (font) : NULL;
  drop_layouts (self);
  gtk_widget_queue_resize (widget);
}

static void
vigil_alert_row_finalize (GObject *object)
{
  VigilAlertRow *self = VIGIL_ALERT_ROW (object);

  drop_layouts (self);
  g_clear_pointer (&self->font, pango_font_description_free);
  for (guint i = 0; i < N_TEXTS; i++)
    g_free (self->texts[i]);
  G_OBJECT_CLASS (vigil_alert_row_parent_class)->finalize (object);
}

static void
vigil_alert_row_class_init (VigilAlertRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = vigil_alert_row_finalize;
  widget_class->measure = vigil_alert_row_measure;
  widget_class->snapshot = vigil_alert_row_snapshot;
  widget_class->css_changed = vigil_alert_row_css_changed;
  gtk_widget_class_set_css_name (widget_class, "vigilalertrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vigil_alert_row_init (VigilAlertRow *self)
{
}

GtkWidget *
vigil_alert_row_new (void)
{
  return g_object_new (VIGIL_TYPE_ALERT_ROW, NULL);
}

static void
set_text (VigilAlertRow *self,
          Text           which,
          char          *text)
{
  g_free (self->texts[which]);
  self->texts[which] = text;
}

void
vigil_alert_row_set_alert (VigilAlertRow *self,
                           VigilAlert    *alert)
{
  g_autoptr(GString) caption = NULL;
  g_autofree char *accessible = NULL;
  const char *sev, *asset, *crit, *status, *ref;

  g_return_if_fail (VIGIL_IS_ALERT_ROW (self));

  if (alert == NULL || vigil_alert_get_id (alert) == 0)
    {
      /* a row gone since the count; the refresh that follows removes it */
      for (guint i = 0; i < N_TEXTS; i++)
        set_text (self, i, NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  sev = vigil_alert_get_severity (alert);
  self->severity_color = g_strcmp0 (sev, "critical") == 0 ? "error_color"
                       : g_strcmp0 (sev, "high") == 0 ? "warning_color"
                       : g_strcmp0 (sev, "medium") == 0 ? "accent_color"
                       : NULL;
  set_text (self, TEXT_SEVERITY, g_strdup (vigil_vocab_label (VIGIL_VOCAB_SEVERITY, sev)));
  set_text (self, TEXT_TITLE, g_strdup (vigil_alert_get_title (alert)));

  caption = g_string_new (vigil_alert_get_text (alert, VIGIL_ALERT_SOURCE));
  g_string_append (caption, " · ");
  g_string_append (caption, vigil_alert_get_text (alert, VIGIL_ALERT_LAST_SEEN));
  asset = vigil_alert_get_text (alert, VIGIL_ALERT_ASSET_NAME);
  crit = vigil_alert_get_text (alert, VIGIL_ALERT_ASSET_CRITICALITY);
  crit = crit ? vigil_vocab_label (VIGIL_VOCAB_CRITICALITY, crit) : NULL;
  if (asset != NULL)
    g_string_append_printf (caption, " · %s (%s)", asset, crit ? crit : "");
  else if (vigil_alert_get_text (alert, VIGIL_ALERT_DST_ADDR) != NULL)
    g_string_append_printf (caption, " · %s", vigil_alert_get_text (alert, VIGIL_ALERT_DST_ADDR));
  status = vigil_alert_get_status (alert);
  ref = vigil_alert_get_text (alert, VIGIL_ALERT_INCIDENT_REF);
  if (g_strcmp0 (status, "promoted") == 0 || g_strcmp0 (status, "merged") == 0)
    g_string_append_printf (caption, " · %s", ref ? ref : vigil_alert_status_label (status));
  else if (g_strcmp0 (status, "new") != 0)
    g_string_append_printf (caption, " · %s", vigil_alert_status_label (status));
  set_text (self, TEXT_COUNT, g_strdup_printf ("%" PRId64 "×", vigil_alert_get_count (alert)));

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), vigil_alert_get_title (alert));
  accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s, severity %s, %s, %" PRId64 " event",
                                             "%s, severity %s, %s, %" PRId64 " events",
                                             vigil_alert_get_count (alert)),
                                vigil_alert_get_title (alert), self->texts[TEXT_SEVERITY],
                                caption->str, vigil_alert_get_count (alert));
  set_text (self, TEXT_CAPTION, g_string_free (g_steal_pointer (&caption), FALSE));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
