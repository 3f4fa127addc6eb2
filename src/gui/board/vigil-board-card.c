/* vigil-board-card.c — one incident on the board
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One widget that draws its own text: a board keeps a row widget for up to
 * 200 cards per column (GTK 4.8), and a card of a dozen labels made a new
 * filter cost a second.  The card's own CSS node ("vigilboardcard", with the
 * severity as a class) draws the background and the coloured edge, with
 * libadwaita's card colours but sharp shadows (the blurred ones of .card
 * cost the cairo renderer more than all the text); the text is laid out
 * here with Pango, in the theme's colours and the type scale of libadwaita
 * (heading, caption, caption-heading).
 *
 * Everything is plain text (no markup), so titles such as "<b>&amp;" show
 * literally.  Severity is a word as well as a colour, and the response
 * clock turns red once the due time has passed.  Screen readers get one
 * label that says all of it; the tooltip adds the times.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vigil-board-card.h"

#define SPACING 6       /* between rows and between items of a row */
#define PILL_X 5        /* horizontal padding of a pill */
#define PILL_RADIUS 6
#define AVATAR 22       /* diameter of the assignee's initials */

typedef enum
{
  TEXT_REF,
  TEXT_TIER,
  TEXT_TITLE,
  TEXT_SEVERITY,
  TEXT_CATEGORY,
  TEXT_TLP,
  TEXT_INITIALS,
  TEXT_AGE,
  TEXT_CLOCK,
  TEXT_ACTIONS,
  TEXT_FOLLOWUPS,
  N_TEXTS
} Text;

typedef enum { STYLE_CAPTION, STYLE_CAPTION_HEADING, STYLE_HEADING } TextStyle;

static const struct
{
  TextStyle style;
  gboolean  numeric;
} text_styles[N_TEXTS] = {
  [TEXT_REF] = { STYLE_CAPTION_HEADING, TRUE },
  [TEXT_TIER] = { STYLE_CAPTION_HEADING, FALSE },
  [TEXT_TITLE] = { STYLE_HEADING, FALSE },
  [TEXT_SEVERITY] = { STYLE_CAPTION_HEADING, FALSE },
  [TEXT_CATEGORY] = { STYLE_CAPTION, FALSE },
  [TEXT_TLP] = { STYLE_CAPTION, FALSE },
  [TEXT_INITIALS] = { STYLE_CAPTION_HEADING, FALSE },
  [TEXT_AGE] = { STYLE_CAPTION, TRUE },
  [TEXT_CLOCK] = { STYLE_CAPTION, TRUE },
  [TEXT_ACTIONS] = { STYLE_CAPTION, FALSE },
  [TEXT_FOLLOWUPS] = { STYLE_CAPTION, FALSE },
};

struct _VigilBoardCard
{
  GtkWidget      parent_instance;

  VigilIncident *incident;
  PangoLayout   *layouts[N_TEXTS];  /* NULL: nothing to show */
  PangoLayout   *fitted[N_TEXTS];   /* ellipsized copies of shared ones */
  const char    *severity;          /* vocabulary key or NULL */
  const char    *tier;
  char          *tlp;               /* tlp key without "+strict" */
  gboolean       breached;
};

G_DEFINE_FINAL_TYPE (VigilBoardCard, vigil_board_card, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_INCIDENT, N_PROPS };
static GParamSpec *properties[N_PROPS];
static guint n_created;

guint
vigil_board_card_get_n_created (void)
{
  return n_created;
}

char *
vigil_board_format_duration (gint64 seconds)
{
  gint64 s = ABS (seconds);

  if (s < 60)
    return g_strdup (_("<1m"));
  if (s < 3600)
    return g_strdup_printf (_("%dm"), (int) (s / 60));
  if (s < 86400)
    return g_strdup_printf (_("%dh"), (int) (s / 3600));
  if (s < 86400 * 60)
    return g_strdup_printf (_("%dd"), (int) (s / 86400));
  return g_strdup_printf (_("%dmo"), (int) (s / (86400 * 30)));
}

char *
vigil_board_initials (const char *name)
{
  g_auto(GStrv) words = NULL;
  GString *s = g_string_new (NULL);
  guint n = 0;

  if (name == NULL)
    return g_string_free (s, FALSE);
  words = g_strsplit (name, " ", -1);
  for (guint i = 0; words[i] != NULL && n < 2; i++)
    {
      gunichar c;
      if (*words[i] == '\0' || !g_utf8_validate (words[i], -1, NULL))
        continue;
      c = g_unichar_toupper (g_utf8_get_char (words[i]));
      if (!g_unichar_isalnum (c))
        continue;
      g_string_append_unichar (s, c);
      n++;
    }
  return g_string_free (s, FALSE);
}

/* ---- Text --------------------------------------------------------------- */

static PangoAttrList *
style_attributes (TextStyle style,
                  gboolean  numeric)
{
  static PangoAttrList *lists[3][2];
  PangoAttrList *attrs = lists[style][numeric];

  if (attrs != NULL)
    return attrs;
  /* libadwaita: .heading 11pt bold, .caption 9pt, .caption-heading 9pt bold */
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_size_new ((style == STYLE_HEADING ? 11 : 9) * PANGO_SCALE));
  if (style != STYLE_CAPTION)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (numeric)
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  lists[style][numeric] = attrs;
  return attrs;
}

/* The short texts that many cards show (severity, category, TLP, tier,
 * initials, ages, clocks, counts) are laid out once and shared by every
 * card: shaping is most of what a card costs to lay out.  A shared layout
 * is never given a width; a card that must ellipsize one draws a copy. */
static GHashTable *shared_layouts;  /* "style text" → PangoLayout */

static void
drop_shared_layouts (void)
{
  if (shared_layouts != NULL)
    g_hash_table_remove_all (shared_layouts);
}

static PangoLayout *
shared_layout (VigilBoardCard *self,
               Text            which,
               const char     *text)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;

  if (shared_layouts == NULL)
    {
      GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
      shared_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      /* a new font or resolution: lay them out again */
      g_signal_connect (settings, "notify::gtk-font-name", G_CALLBACK (drop_shared_layouts), NULL);
      g_signal_connect (settings, "notify::gtk-xft-dpi", G_CALLBACK (drop_shared_layouts), NULL);
    }
  key = g_strdup_printf ("%d%d %s", text_styles[which].style, text_styles[which].numeric, text);
  layout = g_hash_table_lookup (shared_layouts, key);
  if (layout == NULL)
    {
      if (g_hash_table_size (shared_layouts) >= 1024)
        g_hash_table_remove_all (shared_layouts);
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      pango_layout_set_attributes (layout, style_attributes (text_styles[which].style,
                                                             text_styles[which].numeric));
      g_hash_table_insert (shared_layouts, g_steal_pointer (&key), layout);
    }
  return g_object_ref (layout);
}

static void
set_text (VigilBoardCard *self,
          Text            which,
          const char     *text)
{
  PangoLayout *layout;

  g_clear_object (&self->fitted[which]);
  if (text == NULL || *text == '\0')
    {
      g_clear_object (&self->layouts[which]);
      return;
    }
  if (which != TEXT_REF && which != TEXT_TITLE)
    {
      g_clear_object (&self->layouts[which]);
      self->layouts[which] = shared_layout (self, which, text);
      return;
    }
  layout = self->layouts[which];
  if (layout == NULL)
    {
      layout = self->layouts[which] = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_attributes (layout, style_attributes (text_styles[which].style,
                                                             text_styles[which].numeric));
      if (which == TEXT_TITLE)
        {
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (layout, -3);  /* at most three lines */
        }
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text, -1);
}

static int
text_width (VigilBoardCard *self,
            Text            which)
{
  int w = 0;

  if (self->layouts[which] != NULL)
    pango_layout_get_pixel_size (self->layouts[which], &w, NULL);
  return w;
}

/* The layout of `which` no wider than `width`: the shared one if it fits,
 * else an ellipsized copy. */
static PangoLayout *
fitted (VigilBoardCard *self,
        Text            which,
        int             width)
{
  if (text_width (self, which) <= width)
    return self->layouts[which];
  if (self->fitted[which] == NULL)
    {
      self->fitted[which] = pango_layout_copy (self->layouts[which]);
      pango_layout_set_ellipsize (self->fitted[which], PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_width (self->fitted[which], width * PANGO_SCALE);
  return self->fitted[which];
}

static int
line_height (VigilBoardCard *self,
             Text            which)
{
  int h = 0;

  if (self->layouts[which] != NULL)
    pango_layout_get_pixel_size (self->layouts[which], NULL, &h);
  return h;
}

static int
title_height (VigilBoardCard *self,
              int             width)
{
  PangoLayout *title = self->layouts[TEXT_TITLE];
  int h;

  if (title == NULL)
    return 0;
  pango_layout_set_width (title, MAX (width, 1) * PANGO_SCALE);
  pango_layout_get_pixel_size (title, NULL, &h);
  return h;
}

/* Heights of the rows below the title: the ref line, the severity line,
 * the people line. */
static void
row_heights (VigilBoardCard *self,
             int            *top,
             int            *middle,
             int            *bottom)
{
  *top = MAX (line_height (self, TEXT_REF), line_height (self, TEXT_TIER));
  *middle = MAX (MAX (line_height (self, TEXT_SEVERITY), line_height (self, TEXT_CATEGORY)),
                 line_height (self, TEXT_TLP));
  *bottom = 0;
  for (Text t = TEXT_AGE; t <= TEXT_FOLLOWUPS; t++)
    *bottom = MAX (*bottom, line_height (self, t));
  if (self->layouts[TEXT_INITIALS] != NULL)
    *bottom = MAX (*bottom, AVATAR);
}

/* ---- Content ------------------------------------------------------------ */

static void
update (VigilBoardCard *self)
{
  static const char *sev_keys[] = { "low", "medium", "high", "critical", "none" };
  VigilIncident *inc = self->incident;
  const char *severity, *tlp, *due, *category, *tier;
  g_autofree char *initials = NULL;
  g_autofree char *age = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *tlp_text = NULL;
  g_autofree char *tier_text = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *followups = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *sev_class = NULL;
  g_autoptr(GDateTime) now_dt = NULL;
  const char *sev_label;
  gint64 now;

  for (guint i = 0; i < G_N_ELEMENTS (sev_keys); i++)
    {
      char cls[16];
      g_snprintf (cls, sizeof cls, "sev-%s", sev_keys[i]);
      gtk_widget_remove_css_class (GTK_WIDGET (self), cls);
    }
  if (inc == NULL)
    {
      for (guint i = 0; i < N_TEXTS; i++)
        {
          g_clear_object (&self->layouts[i]);
          g_clear_object (&self->fitted[i]);
        }
      return;
    }

  now_dt = vigil_time_now ();
  now = g_date_time_to_unix (now_dt);
  severity = vigil_incident_get_severity (inc);
  tlp = vigil_incident_get_tlp (inc);
  category = vigil_incident_get_category (inc);
  tier = vigil_incident_get_tier (inc);

  set_text (self, TEXT_REF, vigil_incident_get_ref (inc));
  set_text (self, TEXT_TITLE, vigil_incident_get_title (inc));

  /* severity: colour and word */
  self->severity = vigil_vocab_index (VIGIL_VOCAB_SEVERITY, severity) >= 0 ? severity : NULL;
  sev_class = g_strconcat ("sev-", self->severity ? self->severity : "none", NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self), sev_class);
  sev_label = self->severity ? vigil_vocab_label (VIGIL_VOCAB_SEVERITY, severity) : _("Unrated");
  set_text (self, TEXT_SEVERITY, sev_label);
  set_text (self, TEXT_CATEGORY, category ? vigil_vocab_label (VIGIL_VOCAB_CATEGORY, category)
                                          : _("No category"));

  /* TLP marker: the word on the TLP colour */
  tlp_text = g_ascii_strup (tlp ? tlp : "amber", -1);
  {
    g_autofree char *marker = g_strconcat ("TLP:", tlp_text, NULL);
    set_text (self, TEXT_TLP, marker);
  }
  g_free (self->tlp);
  self->tlp = g_strdup (tlp ? tlp : "amber");
  self->tlp[strcspn (self->tlp, "+")] = '\0';

  self->tier = vigil_vocab_index (VIGIL_VOCAB_TIER, tier) >= 0 ? tier : NULL;
  tier_text = tier ? g_ascii_strup (tier, -1) : NULL;
  set_text (self, TEXT_TIER, tier_text);

  initials = vigil_board_initials (vigil_incident_get_assignee_name (inc));
  set_text (self, TEXT_INITIALS, initials);

  {
    const char *since = vigil_incident_get_detected_at (inc);
    gint64 t = vigil_time_to_unix (since ? since : vigil_incident_get_created_at (inc));
    age = t > 0 ? vigil_board_format_duration (now - t) : NULL;
    set_text (self, TEXT_AGE, age);
  }

  due = vigil_incident_get_due_at (inc);
  self->breached = FALSE;
  if (due != NULL && !g_str_equal (vigil_incident_get_stage (inc), "closed"))
    {
      gint64 left = vigil_time_to_unix (due) - now;
      g_autofree char *d = vigil_board_format_duration (left);
      self->breached = left < 0;
      clock = self->breached ? g_strdup_printf (_("Overdue %s"), d) : g_strdup_printf (_("Due in %s"), d);
    }
  set_text (self, TEXT_CLOCK, clock);

  if (vigil_incident_get_open_actions (inc) > 0)
    actions = g_strdup_printf (_("☐ %d"), vigil_incident_get_open_actions (inc));
  set_text (self, TEXT_ACTIONS, actions);
  if (vigil_incident_get_overdue_followups (inc) > 0)
    followups = g_strdup_printf (_("☎ %d"), vigil_incident_get_overdue_followups (inc));
  set_text (self, TEXT_FOLLOWUPS, followups);

  accessible = g_strdup_printf (_("%s, %s, severity %s, tier %s%s%s"),
                                vigil_incident_get_ref (inc), vigil_incident_get_title (inc),
                                sev_label, tier_text ? tier_text : "",
                                self->breached ? _(", response overdue") : "",
                                "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* ---- Layout and drawing ------------------------------------------------- */

static void
vigil_board_card_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  VigilBoardCard *self = VIGIL_BOARD_CARD (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* as the labels did: the title from 12 to 40 characters wide */
      PangoContext *context = gtk_widget_get_pango_context (widget);
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
      int ch = pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE;

      pango_font_metrics_unref (metrics);
      *minimum = 12 * ch;
      *natural = 40 * ch;
    }
  else
    {
      int top, middle, bottom, title;

      row_heights (self, &top, &middle, &bottom);
      title = title_height (self, for_size < 0 ? G_MAXINT / PANGO_SCALE : for_size);
      *minimum = *natural = top + SPACING + title + SPACING + middle + SPACING + bottom;
    }
}

static GtkSizeRequestMode
vigil_board_card_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
vigil_board_card_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  /* the context menu */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static GdkRGBA
theme_color (GtkWidget  *widget,
             const char *name,
             float       alpha)
{
  GdkRGBA color = { 0.5, 0.5, 0.5, 1 };

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  color.alpha *= alpha;
  return color;
}

static GdkRGBA
fg_color (GtkWidget *widget,
          float      alpha)
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  color.alpha *= alpha;
  return color;
}

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           int            x,
           int            y,
           const GdkRGBA *color)
{
  if (layout == NULL)
    return;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_rounded (GtkSnapshot   *snapshot,
              int            x,
              int            y,
              int            width,
              int            height,
              float          radius,
              const GdkRGBA *fill,
              const GdkRGBA *border)
{
  GskRoundedRect rect;

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, width, height), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, fill, &rect.bounds);
  gtk_snapshot_pop (snapshot);
  if (border != NULL)
    {
      const float widths[4] = { 1, 1, 1, 1 };
      const GdkRGBA colors[4] = { *border, *border, *border, *border };
      gtk_snapshot_append_border (snapshot, &rect, widths, colors);
    }
}

/* A pill: the text on a rounded background, its right edge at `right`;
 * returns its left edge. */
static int
draw_pill (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           int            right,
           int            y,
           int            row_height,
           const GdkRGBA *fill,
           const GdkRGBA *border,
           const GdkRGBA *text)
{
  int w, h, left;

  if (layout == NULL)
    return right;
  pango_layout_get_pixel_size (layout, &w, &h);
  left = right - w - 2 * PILL_X;
  draw_rounded (snapshot, left, y + (row_height - h) / 2, w + 2 * PILL_X, h, PILL_RADIUS, fill, border);
  draw_text (snapshot, layout, left + PILL_X, y + (row_height - h) / 2, text);
  return left;
}

static GdkRGBA
severity_color (GtkWidget  *widget,
                const char *severity)
{
  if (g_strcmp0 (severity, "critical") == 0)
    return theme_color (widget, "error_color", 1);
  if (g_strcmp0 (severity, "high") == 0)
    return theme_color (widget, "warning_color", 1);
  if (g_strcmp0 (severity, "medium") == 0)
    return theme_color (widget, "accent_color", 1);
  if (g_strcmp0 (severity, "low") == 0)
    return theme_color (widget, "success_color", 1);
  return fg_color (widget, 0.55);
}

static void
vigil_board_card_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  VigilBoardCard *self = VIGIL_BOARD_CARD (widget);
  int width = gtk_widget_get_width (widget);
  int top, middle, bottom, title, y, x, right, h;
  GdkRGBA fg = fg_color (widget, 1), dim = fg_color (widget, 0.55);
  GdkRGBA black = { 0, 0, 0, 1 };

  if (self->incident == NULL)
    return;
  row_heights (self, &top, &middle, &bottom);
  title = title_height (self, width);

  /* reference, tier */
  y = 0;
  {
    GdkRGBA fill = fg_color (widget, 0.1);
    if (g_strcmp0 (self->tier, "l3") == 0 || g_strcmp0 (self->tier, "csirt") == 0)
      fill = theme_color (widget, "error_color", 0.2);
    else if (g_strcmp0 (self->tier, "l2") == 0)
      fill = theme_color (widget, "accent_color", 0.2);
    right = draw_pill (snapshot, self->layouts[TEXT_TIER], width, y, top, &fill, NULL, &fg);
  }
  if (self->layouts[TEXT_REF] != NULL)
    {
      pango_layout_set_width (self->layouts[TEXT_REF], MAX (right - SPACING, 1) * PANGO_SCALE);
      draw_text (snapshot, self->layouts[TEXT_REF], 0, y + (top - line_height (self, TEXT_REF)) / 2, &dim);
    }

  /* title */
  y += top + SPACING;
  draw_text (snapshot, self->layouts[TEXT_TITLE], 0, y, &fg);

  /* severity, category, TLP */
  y += title + SPACING;
  {
    GdkRGBA sev = severity_color (widget, self->severity);
    GdkRGBA fill = { 1, 0.753, 0, 1 };  /* FIRST TLP 2.0 colours */
    gboolean clear = g_str_equal (self->tlp, "clear");
    GdkRGBA outline = { 0, 0, 0, 0.2 };

    if (g_str_equal (self->tlp, "red"))
      fill = (GdkRGBA) { 1, 0.169, 0.169, 1 };
    else if (g_str_equal (self->tlp, "green"))
      fill = (GdkRGBA) { 0.2, 1, 0, 1 };
    else if (clear)
      fill = (GdkRGBA) { 1, 1, 1, 1 };
    right = draw_pill (snapshot, self->layouts[TEXT_TLP], width, y, middle, &fill,
                       clear ? &outline : NULL, &black);
    h = line_height (self, TEXT_SEVERITY);
    draw_text (snapshot, self->layouts[TEXT_SEVERITY], 0, y + (middle - h) / 2, &sev);
    x = text_width (self, TEXT_SEVERITY) + SPACING;
    if (self->layouts[TEXT_CATEGORY] != NULL && right - SPACING - x > 0)
      {
        h = line_height (self, TEXT_CATEGORY);
        draw_text (snapshot, fitted (self, TEXT_CATEGORY, right - SPACING - x), x, y + (middle - h) / 2, &dim);
      }
  }

  /* assignee, age, response clock … open actions, overdue follow-ups */
  y += middle + SPACING;
  x = 0;
  if (self->layouts[TEXT_INITIALS] != NULL)
    {
      GdkRGBA fill = theme_color (widget, "accent_bg_color", 0.8);
      GdkRGBA text = theme_color (widget, "accent_fg_color", 1);
      int w = MAX (AVATAR, text_width (self, TEXT_INITIALS) + 6);
      int ay = y + (bottom - AVATAR) / 2;

      draw_rounded (snapshot, 0, ay, w, AVATAR, AVATAR / 2.0, &fill, NULL);
      draw_text (snapshot, self->layouts[TEXT_INITIALS], (w - text_width (self, TEXT_INITIALS)) / 2,
                 ay + (AVATAR - line_height (self, TEXT_INITIALS)) / 2, &text);
      x = w + 8;
    }
  if (self->layouts[TEXT_AGE] != NULL)
    {
      draw_text (snapshot, self->layouts[TEXT_AGE], x, y + (bottom - line_height (self, TEXT_AGE)) / 2, &dim);
      x += text_width (self, TEXT_AGE) + 8;
    }
  right = width;
  if (self->layouts[TEXT_FOLLOWUPS] != NULL)
    {
      GdkRGBA warning = theme_color (widget, "warning_color", 1);
      right -= text_width (self, TEXT_FOLLOWUPS);
      draw_text (snapshot, self->layouts[TEXT_FOLLOWUPS], right,
                 y + (bottom - line_height (self, TEXT_FOLLOWUPS)) / 2, &warning);
      right -= 8;
    }
  if (self->layouts[TEXT_ACTIONS] != NULL)
    {
      right -= text_width (self, TEXT_ACTIONS);
      draw_text (snapshot, self->layouts[TEXT_ACTIONS], right,
                 y + (bottom - line_height (self, TEXT_ACTIONS)) / 2, &dim);
      right -= 8;
    }
  if (self->layouts[TEXT_CLOCK] != NULL && right - x > 0)
    {
      GdkRGBA color = self->breached ? theme_color (widget, "error_color", 1) : fg;
      draw_text (snapshot, fitted (self, TEXT_CLOCK, right - x), x,
                 y + (bottom - line_height (self, TEXT_CLOCK)) / 2, &color);
    }
}

/* The tooltip is built when asked. */
static gboolean
vigil_board_card_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard,
                                GtkTooltip *tooltip)
{
  VigilBoardCard *self = VIGIL_BOARD_CARD (widget);
  VigilIncident *inc = self->incident;
  g_autoptr(GString) text = NULL;
  const char *due, *detected;

  if (inc == NULL)
    return FALSE;
  text = g_string_new (vigil_incident_get_ref (inc));
  g_string_append_printf (text, "\n%s", vigil_incident_get_title (inc));
  if (vigil_incident_get_category (inc) != NULL)
    g_string_append_printf (text, "\n%s", vigil_vocab_label (VIGIL_VOCAB_CATEGORY,
                                                             vigil_incident_get_category (inc)));
  if (vigil_incident_get_assignee_name (inc) != NULL)
    g_string_append_printf (text, "\n%s %s", _("Assigned to"), vigil_incident_get_assignee_name (inc));
  detected = vigil_incident_get_detected_at (inc);
  if (detected != NULL)
    g_string_append_printf (text, "\n%s %s", _("Detected"), detected);
  due = vigil_incident_get_due_at (inc);
  if (due != NULL && !g_str_equal (vigil_incident_get_stage (inc), "closed"))
    g_string_append_printf (text, "\n%s %s", _("Response due"), due);
  if (vigil_incident_get_open_actions (inc) > 0)
    g_string_append_printf (text, "\n%s: %d", _("Open actions"), vigil_incident_get_open_actions (inc));
  if (vigil_incident_get_overdue_followups (inc) > 0)
    g_string_append_printf (text, "\n%s: %d", _("Overdue follow-ups"),
                            vigil_incident_get_overdue_followups (inc));
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

/* ---- GObject ------------------------------------------------------------ */

VigilIncident *
vigil_board_card_get_incident (VigilBoardCard *self)
{
  g_return_val_if_fail (VIGIL_IS_BOARD_CARD (self), NULL);
  return self->incident;
}

void
vigil_board_card_set_incident (VigilBoardCard *self,
                               VigilIncident  *incident)
{
  g_return_if_fail (VIGIL_IS_BOARD_CARD (self));
  g_return_if_fail (incident == NULL || VIGIL_IS_INCIDENT (incident));

  if (!g_set_object (&self->incident, incident))
    return;
  update (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCIDENT]);
}

const char *
vigil_board_card_get_text (VigilBoardCard *self,
                           const char     *part)
{
  static const char *parts[N_TEXTS] = {
    "ref", "tier", "title", "severity", "category", "tlp", "initials", "age", "clock",
    "actions", "followups",
  };

  g_return_val_if_fail (VIGIL_IS_BOARD_CARD (self), NULL);
  g_return_val_if_fail (part != NULL, NULL);
  for (guint i = 0; i < N_TEXTS; i++)
    if (g_str_equal (part, parts[i]))
      return self->layouts[i] ? pango_layout_get_text (self->layouts[i]) : NULL;
  g_return_val_if_reached (NULL);
}

GtkWidget *
vigil_board_card_new (void)
{
  return g_object_new (VIGIL_TYPE_BOARD_CARD, NULL);
}

static void
vigil_board_card_dispose (GObject *object)
{
  VigilBoardCard *self = VIGIL_BOARD_CARD (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->incident);
  for (guint i = 0; i < N_TEXTS; i++)
    {
      g_clear_object (&self->layouts[i]);
      g_clear_object (&self->fitted[i]);
    }
  g_clear_pointer (&self->tlp, g_free);
  G_OBJECT_CLASS (vigil_board_card_parent_class)->dispose (object);
}

static void
vigil_board_card_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VigilBoardCard *self = VIGIL_BOARD_CARD (object);

  switch (prop_id)
    {
    case PROP_INCIDENT:
      g_value_set_object (value, self->incident);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_board_card_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VigilBoardCard *self = VIGIL_BOARD_CARD (object);

  switch (prop_id)
    {
    case PROP_INCIDENT:
      vigil_board_card_set_incident (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_board_card_class_init (VigilBoardCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_board_card_dispose;
  object_class->get_property = vigil_board_card_get_property;
  object_class->set_property = vigil_board_card_set_property;
  widget_class->get_request_mode = vigil_board_card_get_request_mode;
  widget_class->measure = vigil_board_card_measure;
  widget_class->size_allocate = vigil_board_card_size_allocate;
  widget_class->snapshot = vigil_board_card_snapshot;
  widget_class->query_tooltip = vigil_board_card_query_tooltip;

  properties[PROP_INCIDENT] =
    g_param_spec_object ("incident", NULL, NULL, VIGIL_TYPE_INCIDENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "vigilboardcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vigil_board_card_init (VigilBoardCard *self)
{
  n_created++;
  gtk_widget_add_css_class (GTK_WIDGET (self), "vigil-board-card");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}
