/* vigil-board-card.c — one incident on the board
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything on the card is plain text (no markup), so titles such as
 * "<b>&amp;" show literally.  Severity is shown as a word as well as a
 * colour, and the response clock turns red once the due time has passed.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-board-card.h"

struct _VigilBoardCard
{
  GtkWidget      parent_instance;

  VigilIncident *incident;

  GtkWidget     *box;
  GtkLabel      *ref_label;
  GtkLabel      *tlp_label;
  GtkLabel      *tier_label;
  GtkLabel      *title_label;
  GtkLabel      *severity_label;
  GtkLabel      *category_label;
  GtkLabel      *assignee_label;
  GtkLabel      *age_label;
  GtkLabel      *clock_label;
  GtkLabel      *actions_label;
  GtkLabel      *followups_label;
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

static void
set_text (GtkLabel   *label,
          const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
set_class (GtkWidget   *widget,
           const char  *prefix,
           const char  *key,
           const char **previous)
{
  g_autofree char *cls = NULL;

  if (*previous != NULL)
    {
      g_autofree char *old = g_strconcat (prefix, *previous, NULL);
      gtk_widget_remove_css_class (widget, old);
    }
  *previous = key;
  if (key == NULL)
    return;
  cls = g_strconcat (prefix, key, NULL);
  gtk_widget_add_css_class (widget, cls);
}

static void
update (VigilBoardCard *self)
{
  static const char *sev_keys[] = { "low", "medium", "high", "critical", "none" };
  VigilIncident *inc = self->incident;
  const char *severity, *tlp, *due, *stage;
  g_autofree char *initials = NULL;
  g_autofree char *age = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *tlp_text = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *followups = NULL;
  g_autofree char *accessible = NULL;
  g_autoptr(GDateTime) now_dt = vigil_time_now ();
  gint64 now = g_date_time_to_unix (now_dt);
  gboolean breached = FALSE;
  const char *prev;
  int sev_index;

  if (inc == NULL)
    return;

  severity = vigil_incident_get_severity (inc);
  tlp = vigil_incident_get_tlp (inc);
  stage = vigil_incident_get_stage (inc);

  gtk_label_set_text (self->ref_label, vigil_incident_get_ref (inc));
  gtk_label_set_text (self->title_label, vigil_incident_get_title (inc));

  /* severity: colour and word */
  for (guint i = 0; i < G_N_ELEMENTS (sev_keys); i++)
    {
      g_autofree char *cls = g_strconcat ("sev-", sev_keys[i], NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self), cls);
      gtk_widget_remove_css_class (GTK_WIDGET (self->severity_label), cls);
    }
  sev_index = vigil_vocab_index (VIGIL_VOCAB_SEVERITY, severity);
  {
    g_autofree char *cls = g_strconcat ("sev-", sev_index >= 0 ? severity : "none", NULL);
    gtk_widget_add_css_class (GTK_WIDGET (self), cls);
    gtk_widget_add_css_class (GTK_WIDGET (self->severity_label), cls);
  }
  gtk_label_set_text (self->severity_label, severity ? vigil_vocab_label (VIGIL_VOCAB_SEVERITY, severity)
                                                     : _("Unrated"));
  set_text (self->category_label, vigil_incident_get_category (inc)
                                  ? vigil_vocab_label (VIGIL_VOCAB_CATEGORY, vigil_incident_get_category (inc))
                                  : _("No category"));

  /* TLP marker: the word on the TLP colour */
  tlp_text = g_strdup_printf ("TLP:%s", tlp ? tlp : "amber");
  {
    char *up = g_ascii_strup (tlp_text, -1);
    g_free (tlp_text);
    tlp_text = up;
  }
  gtk_label_set_text (self->tlp_label, tlp_text);
  prev = g_object_get_data (G_OBJECT (self->tlp_label), "vigil-tlp");
  if (prev != NULL)
    {
      g_autofree char *old = g_strconcat ("tlp-", prev, NULL);
      old[strcspn (old, "+")] = '\0';
      gtk_widget_remove_css_class (GTK_WIDGET (self->tlp_label), old);
    }
  {
    g_autofree char *cls = g_strconcat ("tlp-", tlp ? tlp : "amber", NULL);
    cls[strcspn (cls, "+")] = '\0';
    gtk_widget_add_css_class (GTK_WIDGET (self->tlp_label), cls);
    g_object_set_data_full (G_OBJECT (self->tlp_label), "vigil-tlp", g_strdup (tlp ? tlp : "amber"), g_free);
  }

  {
    const char *tier = vigil_incident_get_tier (inc);
    g_autofree char *upper = tier ? g_ascii_strup (tier, -1) : NULL;
    set_text (self->tier_label, upper);
    prev = NULL;
    for (guint i = 0; i < 4; i++)
      {
        static const char *tiers[] = { "tier-l1", "tier-l2", "tier-l3", "tier-csirt" };
        gtk_widget_remove_css_class (GTK_WIDGET (self->tier_label), tiers[i]);
      }
    set_class (GTK_WIDGET (self->tier_label), "tier-", tier, &prev);
  }

  initials = vigil_board_initials (vigil_incident_get_assignee_name (inc));
  set_text (self->assignee_label, initials);

  {
    const char *since = vigil_incident_get_detected_at (inc);
    gint64 t = vigil_time_to_unix (since ? since : vigil_incident_get_created_at (inc));
    g_autofree char *d = t > 0 ? vigil_board_format_duration (now - t) : NULL;
    age = g_strdup (d);
    set_text (self->age_label, age);
  }

  due = vigil_incident_get_due_at (inc);
  if (due != NULL && !g_str_equal (stage, "closed"))
    {
      gint64 left = vigil_time_to_unix (due) - now;
      g_autofree char *d = vigil_board_format_duration (left);
      breached = left < 0;
      clock = breached ? g_strdup_printf (_("Overdue %s"), d) : g_strdup_printf (_("Due in %s"), d);
    }
  set_text (self->clock_label, clock);
  if (breached)
    gtk_widget_add_css_class (GTK_WIDGET (self->clock_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->clock_label), "error");

  if (vigil_incident_get_open_actions (inc) > 0)
    actions = g_strdup_printf (_("☐ %d"), vigil_incident_get_open_actions (inc));
  set_text (self->actions_label, actions);
  if (vigil_incident_get_overdue_followups (inc) > 0)
    followups = g_strdup_printf (_("☎ %d"), vigil_incident_get_overdue_followups (inc));
  set_text (self->followups_label, followups);

  accessible = g_strdup_printf (_("%s, %s, severity %s, tier %s%s%s"),
                                vigil_incident_get_ref (inc), vigil_incident_get_title (inc),
                                gtk_label_get_text (self->severity_label),
                                gtk_label_get_text (self->tier_label),
                                breached ? _(", response overdue") : "",
                                "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* The tooltip is built when asked: setting tooltips on every bind costs a
 * round trip to the display server per label. */
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCIDENT]);
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

  g_clear_object (&self->incident);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_BOARD_CARD);
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
  widget_class->query_tooltip = vigil_board_card_query_tooltip;

  properties[PROP_INCIDENT] =
    g_param_spec_object ("incident", NULL, NULL, VIGIL_TYPE_INCIDENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vigilsoc/Vigil/board/vigil-board-card.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilBoardCard, box);
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, VigilBoardCard, name)
  CHILD (ref_label);
  CHILD (tlp_label);
  CHILD (tier_label);
  CHILD (title_label);
  CHILD (severity_label);
  CHILD (category_label);
  CHILD (assignee_label);
  CHILD (age_label);
  CHILD (clock_label);
  CHILD (actions_label);
  CHILD (followups_label);
#undef CHILD
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vigilboardcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vigil_board_card_init (VigilBoardCard *self)
{
  n_created++;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}
