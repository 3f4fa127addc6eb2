/* vigil-incident-summary.c — the Summary section of the incident window
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "vigil-incident-window-private.h"

/* Summary ------------------------------------------------------------------ */

/* Fields are label pairs in one grid per group: a row widget per field
 * costs several times more to measure, and the Summary is what opening an
 * incident waits for. */
static GtkGrid *
fields_grid (GtkWidget *group)
{
  GtkGrid *grid = g_object_get_data (G_OBJECT (group), "fields-grid");

  if (grid == NULL)
    {
      grid = GTK_GRID (gtk_grid_new ());
      gtk_grid_set_row_spacing (grid, 10);
      gtk_grid_set_column_spacing (grid, 24);
      gtk_widget_add_css_class (GTK_WIDGET (grid), "card");
      gtk_widget_add_css_class (GTK_WIDGET (grid), "vigil-fields");
      g_object_set_data (G_OBJECT (group), "fields-grid", grid);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (grid));
    }
  return grid;
}

static void
grid_add (GtkWidget  *group,
          const char *title,
          const char *value,
          const char *note,
          gboolean    strong)
{
  GtkGrid *grid = fields_grid (group);
  int row = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (grid), "rows"));
  g_autofree char *clipped = vigil_incident_clip (value);
  GtkWidget *name = gtk_label_new (title);
  GtkWidget *label = gtk_label_new (*clipped ? clipped : _("—"));

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_valign (name, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 70);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (name, "dim-label");
  if (strong)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (grid, name, 0, row, 1, 1);
  gtk_grid_attach (grid, label, 1, row, 1, 1);
  if (note != NULL)
    {
      GtkWidget *n = gtk_label_new (note);
      gtk_label_set_xalign (GTK_LABEL (n), 1);
      gtk_widget_add_css_class (n, "dim-label");
      gtk_widget_add_css_class (n, "caption");
      gtk_grid_attach (grid, n, 2, row, 1, 1);
    }
  gtk_accessible_update_relation (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  name, NULL, -1);
  g_object_set_data (G_OBJECT (grid), "rows", GINT_TO_POINTER (row + 1));
}

static void
add_clock (GtkWidget  *group,
           const char *title,
           const char *from,
           const char *to,
           const char *target)
{
  g_autofree char *value = NULL;
  g_autofree char *note = NULL;

  if (from == NULL)
    {
      value = g_strdup (_("—"));
      note = g_strdup (_("No detection time"));
    }
  else if (to != NULL)
    {
      g_autofree char *when = vigil_incident_format_time (to);
      value = vigil_incident_format_duration (vigil_time_to_unix (to) - vigil_time_to_unix (from));
      note = g_strdup_printf (_("Reached %s"), when);
    }
  else
    {
      g_autofree char *now = vigil_time_now_iso ();
      value = vigil_incident_format_duration (vigil_time_to_unix (now) - vigil_time_to_unix (from));
      note = g_strdup_printf (_("Running: %s"), target);
    }
  grid_add (group, title, value, note, to != NULL);
}

static void
add_field (GtkWidget  *group,
           const char *title,
           const char *value)
{
  grid_add (group, title, value, NULL, FALSE);
}

/* A read-only text view, not a label: a label measures wrapped text at many
 * widths, which takes seconds for a long unbroken string; a text view lays
 * it out once per width. */
static GtkWidget *
text_block (const char *text)
{
  GtkWidget *view;

  if (text == NULL || strlen (text) < 600)
    {
      /* short text: a label is much cheaper than a text view */
      GtkWidget *label = gtk_label_new (text && *text ? text : _("None yet."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 90);
      gtk_widget_add_css_class (label, "card");
      gtk_widget_add_css_class (label, "vigil-fields");
      return label;
    }
  view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_text_buffer_set_text (buffer, text && *text ? text : _("None yet."), -1);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_widget_add_css_class (view, "card");
  gtk_widget_add_css_class (view, "vigil-text-block");
  return view;
}

void
vigil_incident_build_summary (VigilIncidentWindow *self,
               GtkBox              *box)
{
  VigilIncident *i = self->incident;
  g_autofree char *priority = NULL;
  g_autofree char *impact = NULL;
  GtkWidget *group, *block;

  priority = vigil_incident_get_priority (i) > 0
    ? g_strdup_printf ("P%d", vigil_incident_get_priority (i)) : g_strdup (_("Not set"));
  impact = g_strdup_printf (_("Impact %d · Urgency %d"), vigil_incident_get_impact (i),
                            vigil_incident_get_urgency (i));

  group = vigil_incident_group_new (box, vigil_incident_get_ref (i), NULL,
                     vigil_incident_action_button (_("_Edit…"), NULL, "incident.edit", NULL));
  add_field (group, _("Title"), vigil_incident_get_title (i));
  add_field (group, _("Step"), vigil_incident_label_of (VIGIL_VOCAB_STAGE, vigil_incident_get_stage (i)));
  add_field (group, _("Severity"), vigil_incident_label_of (VIGIL_VOCAB_SEVERITY,
                                             vigil_incident_get_severity (i)));
  add_field (group, _("Priority"), priority);
  add_field (group, _("Impact and urgency"),
             vigil_incident_get_impact (i) > 0 ? impact : _("Not set"));
  add_field (group, _("Category"), vigil_incident_label_of (VIGIL_VOCAB_CATEGORY,
                                             vigil_incident_get_category (i)));
  add_field (group, _("TLP"), vigil_incident_label_of (VIGIL_VOCAB_TLP, vigil_incident_get_tlp (i)));
  add_field (group, _("PAP"), vigil_incident_label_of (VIGIL_VOCAB_PAP, vigil_incident_get_pap (i)));
  add_field (group, _("Tier"), vigil_incident_label_of (VIGIL_VOCAB_TIER, vigil_incident_get_tier (i)));
  add_field (group, _("Assignee"), vigil_incident_get_assignee_name (i));
  add_field (group, _("Owner team"), vigil_incident_get_owner_team_name (i));
  add_field (group, _("Impact status"), vigil_incident_label_of (VIGIL_VOCAB_IMPACT_STATUS,
                                                  vigil_incident_get_impact_status (i)));
  add_field (group, _("Resolution"), vigil_incident_get_resolution (i)
             ? vigil_incident_label_of (VIGIL_VOCAB_RESOLUTION, vigil_incident_get_resolution (i)) : NULL);

  group = vigil_incident_group_new (box, _("Description"), NULL, NULL);
  block = text_block (vigil_incident_get_description (i));
  vigil_incident_group_add (group, block);

  group = vigil_incident_group_new (box, _("Step Clocks"),
                     _("Measured from the detection time"), NULL);
  add_clock (group, _("Time to triage"), vigil_incident_get_detected_at (i),
             vigil_incident_get_acknowledged_at (i), _("not triaged yet"));
  add_clock (group, _("Time to contain"), vigil_incident_get_detected_at (i),
             vigil_incident_get_contained_at (i), _("not contained yet"));
  add_clock (group, _("Time to resolve"), vigil_incident_get_detected_at (i),
             vigil_incident_get_resolved_at (i), _("not resolved yet"));

  self->summary_tail = FALSE;
  if (self->painted)
    vigil_incident_build_summary_tail (self, box);

}

/* Below the fold of a newly opened window: built once the first frame is
 * on screen (see first_paint_cb), so opening waits only for what it shows. */
void
vigil_incident_build_summary_tail (VigilIncidentWindow *self,
                    GtkBox              *box)
{
  VigilIncident *i = self->incident;
  GtkWidget *group;

  self->summary_tail = TRUE;
  group = vigil_incident_group_new (box, _("Times"), NULL, NULL);
  {
    const struct { const char *title; const char *value; } times[] = {
      { _("Occurred"), vigil_incident_get_occurred_at (i) },
      { _("Detected"), vigil_incident_get_detected_at (i) },
      { _("Acknowledged"), vigil_incident_get_acknowledged_at (i) },
      { _("Contained"), vigil_incident_get_contained_at (i) },
      { _("Resolved"), vigil_incident_get_resolved_at (i) },
      { _("Closed"), vigil_incident_get_closed_at (i) },
      { _("Response due"), vigil_incident_get_due_at (i) },
    };
    for (guint t = 0; t < G_N_ELEMENTS (times); t++)
      {
        g_autofree char *value = vigil_incident_format_time (times[t].value);
        add_field (group, times[t].title, value);
      }
  }

  group = vigil_incident_group_new (box, _("Closure Summary"), NULL, NULL);
  vigil_incident_group_add (group, text_block (vigil_incident_get_summary (i)));
  group = vigil_incident_group_new (box, _("Lessons Learned"), NULL, NULL);
  vigil_incident_group_add (group, text_block (vigil_incident_get_lessons (i)));
}
