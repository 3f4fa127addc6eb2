/* vigil-incident-widgets.c — the small builders of the incident window's sections
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "vigil-incident-window-private.h"

/* Small builders ---------------------------------------------------------- */

char *
vigil_incident_clip (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, MAX_ROW_TEXT + 1) <= MAX_ROW_TEXT)
    return g_strdup (text);
  {
    g_autofree char *head = g_utf8_substring (text, 0, MAX_ROW_TEXT);
    return g_strconcat (head, "…", NULL);
  }
}

GtkWidget *
vigil_incident_row_new (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *t = vigil_incident_clip (title);
  g_autofree char *s = vigil_incident_clip (subtitle);

  /* literal text: never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *t ? t : "—");
  if (*s)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), s);
  return row;
}

/* A single-line label of a row: the title, or the dimmed subtitle below it.
 * Plain text, never markup. */
GtkWidget *
vigil_incident_line_label_new (const char *text,
                               gboolean    subtitle)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (subtitle)
    {
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
    }
  return label;
}

/* A row of a long list: a preferences row (so it sits in the group's boxed
 * list and keeps its title for assistive technologies) holding two
 * single-line labels and a suffix box.  An AdwActionRow wraps its labels,
 * which costs a height-for-width measure per row: a hundred of them took
 * most of a second to show.  The whole text is in the tooltip. */
GtkWidget *
vigil_incident_light_row_new (const char *title,
                              const char *subtitle)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *t = vigil_incident_clip (title);
  g_autofree char *s = vigil_incident_clip (subtitle);
  g_autofree char *tip = *s ? g_strconcat (*t ? t : "—", "\n", s, NULL) : NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *t ? t : "—");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (box, "vigil-light-row");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), vigil_incident_line_label_new (*t ? t : "—", FALSE));
  if (*s)
    {
      gtk_box_append (GTK_BOX (text), vigil_incident_line_label_new (s, TRUE));
      gtk_widget_set_tooltip_text (text, tip);
    }
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

void
vigil_incident_light_row_add_suffix (GtkWidget *row,
                                     GtkWidget *suffix)
{
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), suffix);
}

/* Rows past the first screenful of a long section are made a few at a time
 * after the section's first frame, between frames (a low-priority idle):
 * the section shows at once and stays responsive while it fills. */
#define REVEAL_CHUNK 10

typedef struct
{
  VigilIncidentWindow *self;
  GtkWidget           *group;
  GPtrArray           *items;
  guint                next;
  guint                end;
  VigilIncidentRowFunc row_new;
} LaterRows;

static void
later_rows_free (gpointer data)
{
  LaterRows *later = data;

  g_object_unref (later->self);
  g_object_unref (later->group);
  g_ptr_array_unref (later->items);
  g_free (later);
}

static gboolean
later_rows_cb (gpointer data)
{
  LaterRows *later = data;

  /* the section was rebuilt or the window closed: the group is gone */
  if (gtk_widget_get_parent (later->group) == NULL || later->self->store == NULL)
    return G_SOURCE_REMOVE;
  for (guint i = 0; i < REVEAL_CHUNK && later->next < later->end; i++, later->next++)
    vigil_incident_group_add (later->group,
                              later->row_new (later->self,
                                              g_ptr_array_index (later->items, later->next)));
  return later->next < later->end ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Adds the rows of items[0..end) to group: `first` of them now, the others
 * a few at a time after the section's first frame. */
void
vigil_incident_add_rows (VigilIncidentWindow  *self,
                         GtkWidget            *group,
                         GPtrArray            *items,
                         guint                 first,
                         guint                 end,
                         VigilIncidentRowFunc  row_new)
{
  LaterRows *later;
  guint i;

  for (i = 0; i < first && i < end; i++)
    vigil_incident_group_add (group, row_new (self, g_ptr_array_index (items, i)));
  if (i >= end)
    return;
  later = g_new0 (LaterRows, 1);
  later->self = g_object_ref (self);
  later->group = g_object_ref (group);
  later->items = g_ptr_array_ref (items);
  later->next = i;
  later->end = end;
  later->row_new = row_new;
  g_idle_add_full (G_PRIORITY_LOW, later_rows_cb, later, later_rows_free);
}

GtkWidget *
vigil_incident_empty_row (const char *text)
{
  GtkWidget *row = vigil_incident_row_new (text, NULL);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

GtkWidget *
vigil_incident_action_button (const char *label,
               const char *icon,
               const char *action,
               GVariant   *target)
{
  GtkWidget *button = icon ? gtk_button_new_from_icon_name (icon)
                           : gtk_button_new_with_mnemonic (label);

  if (icon)
    {
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
    }
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  if (!icon)
    gtk_widget_add_css_class (button, "flat");
  return button;
}

GtkWidget *
vigil_incident_group_new (GtkBox     *box,
           const char *title,
           const char *description,
           GtkWidget  *suffix)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  if (suffix)
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), suffix);
  gtk_box_append (box, group);
  return group;
}

void
vigil_incident_group_add (GtkWidget *group,
           GtkWidget *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

void
vigil_incident_clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

const char *
vigil_incident_label_of (VigilVocab  vocab,
          const char *key)
{
  return key ? vigil_vocab_label (vocab, key) : _("Not set");
}

char *
vigil_incident_format_time (const char *iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL)
    return g_strdup (_("—"));
  utc = vigil_time_parse (iso, NULL);
  if (utc == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

char *
vigil_incident_format_duration (gint64 seconds)
{
  gint64 minutes = seconds / 60;

  if (seconds < 0)
    return g_strdup (_("—"));
  if (minutes < 60)
    return g_strdup_printf (_("%" PRId64 " min"), minutes);
  if (minutes < 48 * 60)
    return g_strdup_printf (_("%" PRId64 " h %02" PRId64 " min"),
                            minutes / 60, minutes % 60);
  return g_strdup_printf (_("%" PRId64 " d %" PRId64 " h"),
                          minutes / 1440, (minutes % 1440) / 60);
}

gboolean
vigil_incident_is_past (const char *iso)
{
  g_autofree char *now = vigil_time_now_iso ();
  return iso != NULL && strcmp (iso, now) < 0;
}

void
vigil_incident_show_error (VigilIncidentWindow *self,
            const GError        *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (escaped));
}

void
vigil_incident_show_toast (VigilIncidentWindow *self,
            const char          *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (escaped));
}
