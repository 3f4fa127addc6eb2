/* vigil-chart-view.c — a VigilChart as a widget: drawn with the style's colours, clickable
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart draws itself with cairo (the same code as the PDF reports)
 * through gtk_snapshot_append_cairo(); colours come from the widget's style
 * so it reads in light and dark.  A click on a bar or segment that has a
 * board filter emits `activated` with it; hovering shows the value.  The
 * chart's text alternative is the widget's accessible description.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vigil-chart-view.h"

struct _VigilChartView
{
  GtkWidget   parent_instance;

  VigilChart *chart;
  double      text_scale;
  int         hover_series;
  int         hover_category;
  int         focus_category;  /* keyboard: the category a focus ring is on, or -1 */
};

enum {
  SIGNAL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VigilChartView, vigil_chart_view, GTK_TYPE_WIDGET)

static void
update_accessible (VigilChartView *self)
{
  g_autofree char *text = self->chart ? vigil_chart_describe (self->chart) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->chart ? vigil_chart_get_title (self->chart) : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text ? text : "",
                                  -1);
}

static void
fill_style (VigilChartView  *self,
            VigilChartStyle *style,
            char           **font)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  PangoContext *pango = gtk_widget_get_pango_context (GTK_WIDGET (self));
  GdkRGBA fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  style->foreground = (VigilColor) { fg.red, fg.green, fg.blue, fg.alpha };
  /* gaps between segments: the card's background, light or dark */
  {
    GdkRGBA bg;
    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    if (!gtk_style_context_lookup_color (context, "card_bg_color", &bg))
      bg = (GdkRGBA) { 1, 1, 1, 1 };
    G_GNUC_END_IGNORE_DEPRECATIONS
    /* the card colour is translucent in dark mode: flatten it on the fg's opposite */
    if (bg.alpha < 1)
      {
        double base = fg.red > 0.5 ? 0.14 : 1.0;
        bg.red = bg.red * bg.alpha + base * (1 - bg.alpha);
        bg.green = bg.green * bg.alpha + base * (1 - bg.alpha);
        bg.blue = bg.blue * bg.alpha + base * (1 - bg.alpha);
        bg.alpha = 1;
      }
    style->background = (VigilColor) { bg.red, bg.green, bg.blue, 1 };
  }
  *font = pango_font_description_to_string (pango_context_get_font_description (pango));
  style->font = *font;
  style->text_scale = self->text_scale;
}

static void
vigil_chart_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  VigilChartView *self = VIGIL_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autofree char *font = NULL;
  VigilChartStyle style;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  fill_style (self, &style, &font);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  vigil_chart_draw (self->chart, cr, width, height, &style);
  if (self->focus_category >= 0 && gtk_widget_has_focus (widget))
    {
      double x, y, w, h;

      if (vigil_chart_get_category_area (self->chart, self->focus_category, &x, &y, &w, &h))
        {
          cairo_set_source_rgba (cr, style.foreground.red, style.foreground.green,
                                 style.foreground.blue, 0.6);
          cairo_set_line_width (cr, 2);
          cairo_rectangle (cr, x + 1, y + 1, w - 2, h - 2);
          cairo_stroke (cr);
        }
    }
  cairo_destroy (cr);
}

/* The keyboard steps through the categories and activates one with Enter. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                VigilChartView        *self)
{
  int n = self->chart ? (int) vigil_chart_get_n_categories (self->chart) : 0;

  if (n == 0)
    return GDK_EVENT_PROPAGATE;
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_Right:
    case GDK_KEY_Up:
    case GDK_KEY_Left:
      {
        gboolean next = keyval == GDK_KEY_Down || keyval == GDK_KEY_Right;
        g_autofree char *text = NULL;

        self->focus_category = self->focus_category < 0 ? 0
          : (self->focus_category + (next ? 1 : n - 1)) % n;
        text = vigil_chart_describe_value (self->chart, G_MAXUINT, self->focus_category);
        gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);
        gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
        gtk_widget_queue_draw (GTK_WIDGET (self));
        return GDK_EVENT_STOP;
      }
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->focus_category >= 0)
        {
          const char *filter = vigil_chart_get_filter (self->chart, G_MAXUINT,
                                                       self->focus_category);
          if (filter != NULL)
            g_signal_emit (self, signals[SIGNAL_ACTIVATED], 0, filter);
          return GDK_EVENT_STOP;
        }
      return GDK_EVENT_PROPAGATE;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
vigil_chart_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  VigilChartView *self = VIGIL_CHART_VIEW (widget);
  double scale = self->text_scale > 0 ? self->text_scale : 1;
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "Xg");
  int line;

  /* sizes follow the type, which grows in presentation mode */
  pango_layout_get_pixel_size (layout, NULL, &line);
  line = (int) (line * scale);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = line * 14;
      *natural = line * 22;
    }
  else
    {
      guint n = self->chart ? vigil_chart_get_n_categories (self->chart) : 0;
      int rows = self->chart && vigil_chart_get_kind (self->chart) == VIGIL_CHART_BARS ? n : 6;
      /* title, legend, then a row and a half of text per bar */
      *minimum = *natural = (int) (line * (4 + 1.6 * MAX (rows, 4)));
    }
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            VigilChartView  *self)
{
  guint series, category;
  const char *filter;

  if (self->chart == NULL || !vigil_chart_hit (self->chart, x, y, &series, &category))
    return;
  filter = vigil_chart_get_filter (self->chart, series, category);
  if (filter != NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      g_signal_emit (self, signals[SIGNAL_ACTIVATED], 0, filter);
    }
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           VigilChartView           *self)
{
  guint series = G_MAXUINT, category = G_MAXUINT;
  gboolean hit = self->chart && vigil_chart_hit (self->chart, x, y, &series, &category);

  if (hit && ((int) series != self->hover_series || (int) category != self->hover_category))
    {
      g_autofree char *text = vigil_chart_describe_value (self->chart, series, category);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                       vigil_chart_get_filter (self->chart, series, category)
                                       ? "pointer" : NULL);
    }
  else if (!hit)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
    }
  self->hover_series = hit ? (int) series : -1;
  self->hover_category = hit ? (int) category : -1;
}

static void
vigil_chart_view_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (vigil_chart_view_parent_class)->css_changed (widget, change);
  /* light ↔ dark, font changes */
  gtk_widget_queue_draw (widget);
}

static void
vigil_chart_view_finalize (GObject *object)
{
  VigilChartView *self = VIGIL_CHART_VIEW (object);

  g_clear_pointer (&self->chart, vigil_chart_free);
  G_OBJECT_CLASS (vigil_chart_view_parent_class)->finalize (object);
}

static void
vigil_chart_view_class_init (VigilChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vigil_chart_view_finalize;
  widget_class->snapshot = vigil_chart_view_snapshot;
  widget_class->measure = vigil_chart_view_measure;
  widget_class->css_changed = vigil_chart_view_css_changed;

  /**
   * VigilChartView::activated:
   * @filter: the board filter of the clicked bar or segment
   */
  signals[SIGNAL_ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "vigil-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vigil_chart_view_init (VigilChartView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->text_scale = 1.0;
  self->hover_series = self->hover_category = -1;
  self->focus_category = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
    /* the focus ring comes and goes with the focus */
    g_signal_connect_swapped (focus, "enter", G_CALLBACK (gtk_widget_queue_draw), self);
    g_signal_connect_swapped (focus, "leave", G_CALLBACK (gtk_widget_queue_draw), self);
    gtk_widget_add_controller (GTK_WIDGET (self), focus);
  }

  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
vigil_chart_view_new (void)
{
  return g_object_new (VIGIL_TYPE_CHART_VIEW, NULL);
}

void
vigil_chart_view_set_chart (VigilChartView *self,
                            VigilChart     *chart)
{
  g_return_if_fail (VIGIL_IS_CHART_VIEW (self));

  if (self->chart == chart)
    return;
  g_clear_pointer (&self->chart, vigil_chart_free);
  self->chart = chart;
  self->hover_series = self->hover_category = -1;
  if (chart == NULL || self->focus_category >= (int) vigil_chart_get_n_categories (chart))
    self->focus_category = -1;
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

VigilChart *
vigil_chart_view_get_chart (VigilChartView *self)
{
  g_return_val_if_fail (VIGIL_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

void
vigil_chart_view_set_text_scale (VigilChartView *self,
                                 double          scale)
{
  g_return_if_fail (VIGIL_IS_CHART_VIEW (self));

  if (self->text_scale == scale)
    return;
  self->text_scale = scale;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
