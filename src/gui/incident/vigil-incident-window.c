/* vigil-incident-window.c — one incident's record, in its own window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each section is built from the store when it is first shown and rebuilt
 * (when visible, else on its next showing) after the store says something
 * changed, so opening an incident costs only its Summary.  Rows never use
 * markup: analysts' text shows literally, whatever it contains.
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "vigil-incident-editor.h"
#include "vigil-incident-window.h"
#include "vigil-observable.h"
#include "vigil-record-windows.h"
#include "vigil-store-detection.h"
#include "vigil-store-documents.h"
#include "vigil-store-incidents.h"
#include "vigil-store-playbooks.h"
#include "vigil-store-records.h"

typedef enum
{
  SECTION_SUMMARY,
  SECTION_ACTIONS,
  SECTION_CONTACTS,
  SECTION_OBSERVABLES,
  SECTION_ASSETS,
  SECTION_TIMELINE,
  N_SECTIONS
} Section;

static const struct
{
  const char *name;
  const char *title;
  const char *icon;
} sections[N_SECTIONS] = {
  { "summary", N_("Summary"), "dialog-information-symbolic" },
  { "actions", N_("Actions"), "object-select-symbolic" },
  { "contacts", N_("Contacts"), "call-start-symbolic" },
  { "observables", N_("Observables"), "system-search-symbolic" },
  { "assets", N_("Assets"), "computer-symbolic" },
  { "timeline", N_("Timeline"), "document-open-recent-symbolic" },
};

/* Rows beyond this many timeline entries are shown on request. */
#define TIMELINE_PAGE 200
/* Longer texts are cut in rows (the export and vigilctl have them whole). */
#define MAX_ROW_TEXT 400

struct _VigilIncidentWindow
{
  AdwWindow             parent_instance;

  AdwToastOverlay      *toasts;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkRevealer          *warning_revealer;
  GtkLabel             *warning_label;
  AdwViewStack         *stack;

  VigilStore           *store;
  gint64                incident_id;
  VigilIncident        *incident;
  GtkBox               *page[N_SECTIONS];     /* the stack's child, filled when first built */
  GtkBox               *content[N_SECTIONS];
  gboolean              built[N_SECTIONS];
  gboolean              painted;               /* the first frame is on screen */
  gboolean              summary_tail;          /* the Summary's lower groups are built */
  gulong                after_paint_id;
  char                 *timeline_kind;
  gboolean              timeline_all;
  VigilRecordForm      *form;
  guint                 refresh_id;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_INCIDENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GHashTable *open_windows;  /* incident id → window */

G_DEFINE_FINAL_TYPE (VigilIncidentWindow, vigil_incident_window, ADW_TYPE_WINDOW)

static void build_section (VigilIncidentWindow *self, Section section);
static void build_summary_tail (VigilIncidentWindow *self, GtkBox *box);

/* Small builders ---------------------------------------------------------- */

static char *
clip (const char *text)
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

static GtkWidget *
row_new (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *t = clip (title);
  g_autofree char *s = clip (subtitle);

  /* literal text: never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *t ? t : "—");
  if (*s)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), s);
  return row;
}

static GtkWidget *
empty_row (const char *text)
{
  GtkWidget *row = row_new (text, NULL);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static GtkWidget *
action_button (const char *label,
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

static GtkWidget *
group_new (GtkBox     *box,
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

static void
group_add (GtkWidget *group,
           GtkWidget *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static const char *
label_of (VigilVocab  vocab,
          const char *key)
{
  return key ? vigil_vocab_label (vocab, key) : _("Not set");
}

static char *
format_time (const char *iso)
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

static char *
format_duration (gint64 seconds)
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

static gboolean
is_past (const char *iso)
{
  g_autofree char *now = vigil_time_now_iso ();
  return iso != NULL && strcmp (iso, now) < 0;
}

static void
show_error (VigilIncidentWindow *self,
            const GError        *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (escaped));
}

static void
show_toast (VigilIncidentWindow *self,
            const char          *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (escaped));
}

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
  g_autofree char *clipped = clip (value);
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
      g_autofree char *when = format_time (to);
      value = format_duration (vigil_time_to_unix (to) - vigil_time_to_unix (from));
      note = g_strdup_printf (_("Reached %s"), when);
    }
  else
    {
      g_autofree char *now = vigil_time_now_iso ();
      value = format_duration (vigil_time_to_unix (now) - vigil_time_to_unix (from));
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

static void
build_summary (VigilIncidentWindow *self,
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

  group = group_new (box, vigil_incident_get_ref (i), NULL,
                     action_button (_("_Edit…"), NULL, "incident.edit", NULL));
  add_field (group, _("Title"), vigil_incident_get_title (i));
  add_field (group, _("Step"), label_of (VIGIL_VOCAB_STAGE, vigil_incident_get_stage (i)));
  add_field (group, _("Severity"), label_of (VIGIL_VOCAB_SEVERITY,
                                             vigil_incident_get_severity (i)));
  add_field (group, _("Priority"), priority);
  add_field (group, _("Impact and urgency"),
             vigil_incident_get_impact (i) > 0 ? impact : _("Not set"));
  add_field (group, _("Category"), label_of (VIGIL_VOCAB_CATEGORY,
                                             vigil_incident_get_category (i)));
  add_field (group, _("TLP"), label_of (VIGIL_VOCAB_TLP, vigil_incident_get_tlp (i)));
  add_field (group, _("PAP"), label_of (VIGIL_VOCAB_PAP, vigil_incident_get_pap (i)));
  add_field (group, _("Tier"), label_of (VIGIL_VOCAB_TIER, vigil_incident_get_tier (i)));
  add_field (group, _("Assignee"), vigil_incident_get_assignee_name (i));
  add_field (group, _("Owner team"), vigil_incident_get_owner_team_name (i));
  add_field (group, _("Impact status"), label_of (VIGIL_VOCAB_IMPACT_STATUS,
                                                  vigil_incident_get_impact_status (i)));
  add_field (group, _("Resolution"), vigil_incident_get_resolution (i)
             ? label_of (VIGIL_VOCAB_RESOLUTION, vigil_incident_get_resolution (i)) : NULL);

  group = group_new (box, _("Description"), NULL, NULL);
  block = text_block (vigil_incident_get_description (i));
  group_add (group, block);

  group = group_new (box, _("Step Clocks"),
                     _("Measured from the detection time"), NULL);
  add_clock (group, _("Time to triage"), vigil_incident_get_detected_at (i),
             vigil_incident_get_acknowledged_at (i), _("not triaged yet"));
  add_clock (group, _("Time to contain"), vigil_incident_get_detected_at (i),
             vigil_incident_get_contained_at (i), _("not contained yet"));
  add_clock (group, _("Time to resolve"), vigil_incident_get_detected_at (i),
             vigil_incident_get_resolved_at (i), _("not resolved yet"));

  self->summary_tail = FALSE;
  if (self->painted)
    build_summary_tail (self, box);

}

/* Below the fold of a newly opened window: built once the first frame is
 * on screen (see first_paint_cb), so opening waits only for what it shows. */
static void
build_summary_tail (VigilIncidentWindow *self,
                    GtkBox              *box)
{
  VigilIncident *i = self->incident;
  GtkWidget *group;

  self->summary_tail = TRUE;
  group = group_new (box, _("Times"), NULL, NULL);
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
        g_autofree char *value = format_time (times[t].value);
        add_field (group, times[t].title, value);
      }
  }

  group = group_new (box, _("Closure Summary"), NULL, NULL);
  group_add (group, text_block (vigil_incident_get_summary (i)));
  group = group_new (box, _("Lessons Learned"), NULL, NULL);
  group_add (group, text_block (vigil_incident_get_lessons (i)));
}

/* Actions ------------------------------------------------------------------ */

/* A status button whose menu is made when it is first clicked: a drop-down
 * per row costs more than the rest of the row together. */
static void
status_button_clicked_cb (GtkButton *button,
                          gpointer   data)
{
  GtkWidget *popover = g_object_get_data (G_OBJECT (button), "popover");

  if (popover == NULL)
    {
      g_autoptr(GMenu) menu = g_menu_new ();
      gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "action-id"));
      guint n = 0;
      const VigilVocabEntry *entries = vigil_vocab_entries (VIGIL_VOCAB_TASK_STATUS, &n);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (_(entries[i].label), NULL);
          g_menu_item_set_action_and_target_value (item, "incident.set-action-status",
                                                   g_variant_new ("(xs)", id, entries[i].key));
          g_menu_append_item (menu, item);
        }
      popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_widget_set_parent (popover, GTK_WIDGET (button));
      g_object_set_data_full (G_OBJECT (button), "popover", popover,
                              (GDestroyNotify) gtk_widget_unparent);
    }
  gtk_popover_popup (GTK_POPOVER (popover));
}

static GtkWidget *
status_button_new (gint64      action_id,
                   const char *status)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), gtk_label_new (vigil_vocab_label (VIGIL_VOCAB_TASK_STATUS,
                                                                   status)));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("pan-down-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Change the status"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Task status"), -1);
  g_object_set_data (G_OBJECT (button), "action-id", GSIZE_TO_POINTER (action_id));
  g_signal_connect (button, "clicked", G_CALLBACK (status_button_clicked_cb), NULL);
  return button;
}

static char *
task_subtitle (VigilAction *a)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *due = NULL;

  if (a->stage)
    g_string_append (s, vigil_vocab_label (VIGIL_VOCAB_STAGE, a->stage));
#define SEP() if (s->len) g_string_append (s, " · ")
  if (a->owner_team_name)
    {
      SEP ();
      g_string_append (s, a->owner_team_name);
    }
  if (a->owner_name)
    {
      SEP ();
      g_string_append (s, a->owner_name);
    }
  if (a->due_at)
    {
      due = format_time (a->due_at);
      SEP ();
      if (is_past (a->due_at) && (g_str_equal (a->status, "todo") ||
                                  g_str_equal (a->status, "in-progress")))
        g_string_append_printf (s, _("overdue since %s"), due);
      else
        g_string_append_printf (s, _("due %s"), due);
    }
  if (a->playbook)
    {
      SEP ();
      g_string_append_printf (s, _("from playbook %s"), a->playbook);
    }
  if (a->description && *a->description)
    {
      SEP ();
      g_string_append (s, a->description);
    }
#undef SEP
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
build_actions (VigilIncidentWindow *self,
               GtkBox              *box)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actions = vigil_store_list_actions (self->store, self->incident_id, NULL,
                                                           &error);
  g_autoptr(GPtrArray) requests = NULL;
  GtkWidget *tasks, *cms, *detections;
  guint n_tasks = 0, n_cms = 0;

  tasks = group_new (box, _("Tasks"), _("What is to be done, by whom and by when"),
                     action_button (_("Add _Task…"), NULL, "incident.add-task", NULL));
  cms = group_new (box, _("Countermeasures"),
                   _("Blocks, isolations, password resets and monitoring put in place; each "
                     "goes from pending to active to removed"),
                   action_button (_("Add _Countermeasure…"), NULL, "incident.add-countermeasure",
                                  NULL));
  for (guint i = 0; actions && i < actions->len; i++)
    {
      VigilAction *a = g_ptr_array_index (actions, i);
      g_autofree char *subtitle = task_subtitle (a);
      GtkWidget *row;

      if (g_str_equal (a->kind, "task"))
        {
          row = row_new (a->title, subtitle);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_button_new (a->id, a->status));
          if (g_str_equal (a->status, "done") || g_str_equal (a->status, "cancelled"))
            gtk_widget_add_css_class (row, "dim-label");
          group_add (tasks, row);
          n_tasks++;
        }
      else
        {
          g_autoptr(GString) s = g_string_new (NULL);
          GtkWidget *status;

          g_string_append (s, a->cm_type ? a->cm_type : "other");
          if (a->applied_to && *a->applied_to)
            g_string_append_printf (s, _(" · on %s"), a->applied_to);
          if (a->applied_by && *a->applied_by)
            g_string_append_printf (s, _(" · by %s"), a->applied_by);
          if (*subtitle)
            g_string_append_printf (s, " · %s", subtitle);
          row = row_new (a->title, s->str);
          status = gtk_label_new (vigil_vocab_label (VIGIL_VOCAB_COUNTERMEASURE_STATUS,
                                                     a->status));
          gtk_widget_add_css_class (status, g_str_equal (a->status, "active") ? "warning"
                                                                                : "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
          if (g_str_equal (a->status, "pending"))
            adw_action_row_add_suffix (ADW_ACTION_ROW (row),
              action_button (_("Mark _Active"), NULL, "incident.set-action-status",
                             g_variant_new ("(xs)", a->id, "active")));
          else if (g_str_equal (a->status, "active"))
            adw_action_row_add_suffix (ADW_ACTION_ROW (row),
              action_button (_("Mark _Removed"), NULL, "incident.set-action-status",
                             g_variant_new ("(xs)", a->id, "removed")));
          group_add (cms, row);
          n_cms++;
        }
    }
  if (error)
    group_add (tasks, empty_row (error->message));
  if (n_tasks == 0)
    group_add (tasks, empty_row (_("No tasks yet. Add one, or classify the incident to apply "
                                   "its playbook.")));
  if (n_cms == 0)
    group_add (cms, empty_row (_("No countermeasures yet")));

  detections = group_new (box, _("Detection Requests"),
                          _("Detection asked of other teams because of this incident"),
                          action_button (_("_Request Detection…"), NULL,
                                         "incident.request-detection", NULL));
  requests = vigil_store_list_detection_requests (self->store, NULL, self->incident_id, NULL);
  for (guint i = 0; requests && i < requests->len; i++)
    {
      VigilDetectionRequest *r = g_ptr_array_index (requests, i);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s%s%s%s%s",
        vigil_vocab_label (VIGIL_VOCAB_DETECTION_STATUS, r->status),
        r->team_name ? r->team_name : _("no team"),
        *r->where_ ? _(" · where: ") : "", r->where_, *r->why ? _(" · why: ") : "", r->why);
      group_add (detections, row_new (r->what, subtitle));
    }
  if (requests == NULL || requests->len == 0)
    group_add (detections, empty_row (_("No detection requested")));
}

/* Contacts ----------------------------------------------------------------- */

static char *
contact_who (VigilContact *c)
{
  if (c->person_name && c->team_name)
    return g_strdup_printf ("%s (%s)", c->person_name, c->team_name);
  return g_strdup (c->person_name ? c->person_name : c->team_name ? c->team_name : _("Unknown"));
}

static void
build_contacts (VigilIncidentWindow *self,
                GtkBox              *box)
{
  g_autoptr(GPtrArray) contacts = vigil_store_list_contacts (self->store, self->incident_id, NULL);
  GtkWidget *group;

  group = group_new (box, _("Contact Log"),
                     _("Who was contacted, how, and who must be contacted again"),
                     action_button (_("_Log Contact…"), NULL, "incident.add-contact", NULL));
  for (guint i = 0; contacts && i < contacts->len; i++)
    {
      VigilContact *c = g_ptr_array_index (contacts, i);
      g_autofree char *who = contact_who (c);
      g_autofree char *when = format_time (c->at);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      subtitle = g_strdup_printf ("%s · %s · %s%s%s", when,
                                  vigil_vocab_label (VIGIL_VOCAB_CHANNEL, c->channel),
                                  g_str_equal (c->direction, "inbound") ? _("inbound")
                                                                        : _("outbound"),
                                  *c->summary ? " — " : "", c->summary);
      row = row_new (who, subtitle);
      if (c->follow_up_at && !c->follow_up_done)
        {
          g_autofree char *due = format_time (c->follow_up_at);
          g_autofree char *text = g_strdup_printf (c->overdue ? _("Contact again by %s — overdue")
                                                              : _("Contact again by %s"), due);
          GtkWidget *label = gtk_label_new (text);

          gtk_widget_add_css_class (label, c->overdue ? "vigil-overdue" : "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
            action_button (_("Log Next Contact"), "mail-reply-sender-symbolic",
                           "incident.next-contact", g_variant_new_int64 (c->id)));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
            action_button (_("Close Follow-up"), "object-select-symbolic",
                           "incident.close-followup", g_variant_new_int64 (c->id)));
        }
      else if (c->follow_up_at)
        {
          GtkWidget *label = gtk_label_new (_("Followed up"));
          gtk_widget_add_css_class (label, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      group_add (group, row);
    }
  if (contacts == NULL || contacts->len == 0)
    group_add (group, empty_row (_("Nobody contacted yet")));

  group = group_new (box, _("Follow-ups"),
                     _("Who must be contacted again, across every incident"), NULL);
  {
    GtkWidget *row = row_new (_("Open the follow-ups of all incidents"), NULL);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               action_button (_("_Follow-ups"), NULL, "win.followups", NULL));
    group_add (group, row);
  }
}

/* Observables -------------------------------------------------------------- */

static void
build_observables (VigilIncidentWindow *self,
                   GtkBox              *box)
{
  g_autoptr(GPtrArray) observables = vigil_store_list_observables (self->store,
                                                                   self->incident_id, NULL);
  g_autoptr(GPtrArray) suggestions = vigil_store_suggest_observables (self->store,
                                                                      self->incident_id, NULL);
  GtkWidget *group;

  group = group_new (box, _("Observables"),
                     _("Typed values seen in this incident; the other incidents and alerts "
                       "that share a value are listed under it"),
                     action_button (_("Add _Observable…"), NULL, "incident.add-observable", NULL));
  for (guint i = 0; observables && i < observables->len; i++)
    {
      VigilObservable *o = g_ptr_array_index (observables, i);
      g_autoptr(GString) s = g_string_new (vigil_vocab_label (VIGIL_VOCAB_OBSERVABLE_TYPE,
                                                               o->type));
      g_autofree char *value = clip (o->value);
      GtkWidget *row, *remove;

      g_string_append_printf (s, " · %s", vigil_vocab_label (VIGIL_VOCAB_TLP, o->tlp));
      if (o->ioc)
        g_string_append (s, _(" · IOC"));
      if (o->n_shared > 0)
        g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, " · shared with %d other",
                                                " · shared with %d others", o->n_shared),
                                o->n_shared);
      if (*o->note)
        g_string_append_printf (s, " · %s", o->note);
      remove = action_button (_("Remove Observable"), "user-trash-symbolic",
                              "incident.remove-observable", g_variant_new_int64 (o->id));
      gtk_widget_add_css_class (remove, "flat");

      if (o->n_shared > 0)
        {
          g_autoptr(GPtrArray) shared = vigil_store_find_shared (self->store, o->type, o->value,
                                                                 self->incident_id, NULL);
          row = adw_expander_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), s->str);
          adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
          for (guint j = 0; shared && j < shared->len; j++)
            {
              VigilSharedRef *r = g_ptr_array_index (shared, j);
              g_autofree char *title = g_strdup_printf ("%s %s", r->incident_id ? _("Incident")
                                                                                : _("Alert"),
                                                        r->ref ? r->ref : "");
              GtkWidget *child = row_new (title, r->title);
              if (r->incident_id)
                adw_action_row_add_suffix (ADW_ACTION_ROW (child),
                  action_button (_("_Open"), NULL, "win.open-incident",
                                 g_variant_new_int64 (r->incident_id)));
              adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
            }
        }
      else
        {
          row = row_new (value, s->str);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
        }
      group_add (group, row);
    }
  if (observables == NULL || observables->len == 0)
    group_add (group, empty_row (_("No observables yet")));

  if (suggestions && suggestions->len > 0)
    {
      group = group_new (box, _("Suggested"),
                         _("Found in the description, notes and contact summaries"), NULL);
      for (guint i = 0; i < suggestions->len && i < 100; i++)
        {
          VigilObservableSuggestion *sg = g_ptr_array_index (suggestions, i);
          GtkWidget *row = row_new (sg->value, vigil_vocab_label (VIGIL_VOCAB_OBSERVABLE_TYPE,
                                                                   sg->type));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
            action_button (_("_Add"), NULL, "incident.add-suggestion",
                           g_variant_new ("(ss)", sg->type, sg->value)));
          group_add (group, row);
        }
    }
}

/* Affected assets ------------------------------------------------------------ */

static const char * const compromise_keys[] = { "tbd", "compromised", "not-compromised",
                                                "unknown", NULL };
static const char * const compromise_labels[] = { N_("To be determined"), N_("Compromised"),
                                                  N_("Not compromised"), N_("Unknown"), NULL };

static void
asset_status_selected_cb (GtkDropDown         *dropdown,
                          GParamSpec          *pspec,
                          VigilIncidentWindow *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dropdown), "asset-id"));

  if (selected < G_N_ELEMENTS (compromise_keys) - 1)
    gtk_widget_activate_action (GTK_WIDGET (self), "incident.set-asset-status", "(xs)", id,
                                compromise_keys[selected]);
}

static void
add_person_row (GtkWidget          *group,
                VigilContactPerson *p,
                const char         *role,
                const char         *asset)
{
  g_autofree char *title = NULL;
  g_autoptr(GString) s = g_string_new (NULL);
  GtkWidget *row;

  if (p->id == 0)
    {
      g_autofree char *missing = g_strdup_printf (_("No %s recorded for %s"), role, asset);
      group_add (group, empty_row (missing));
      return;
    }
  title = g_strdup_printf (_("%s — %s of %s"), p->name, role, asset);
  g_string_append (s, p->phone ? p->phone : p->mobile ? p->mobile : _("no phone"));
  g_string_append_printf (s, " · %s", p->email ? p->email : _("no e-mail"));
  if (p->team_name)
    g_string_append_printf (s, " · %s", p->team_name);
  if (p->manager_name)
    g_string_append_printf (s, _(" · manager %s%s%s%s"), p->manager_name,
                            p->manager_phone ? " " : "", p->manager_phone ? p->manager_phone : "",
                            "");
  row = row_new (title, s->str);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
    action_button (_("Log Contact"), "call-start-symbolic", "incident.contact-person",
                   g_variant_new_int64 (p->id)));
  group_add (group, row);
}

/* The architecture documents of the incident and of its affected assets:
 * what responders read first about the systems they are working on. */
static void
build_asset_documents (VigilIncidentWindow *self,
                       GtkBox              *box)
{
  g_autoptr(GArray) ids = vigil_store_list_linked_document_ids (self->store, 0, 0,
                                                                self->incident_id, NULL);
  GtkWidget *group = group_new (box, _("Documents"),
                                _("Architecture documents, runbooks and contracts of this "
                                  "incident and of its affected assets (Inventory page)"),
                                NULL);

  for (guint i = 0; ids && i < ids->len; i++)
    {
      g_autoptr(VigilDocument) d = vigil_store_get_document (self->store,
                                                             g_array_index (ids, gint64, i),
                                                             NULL);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (d == NULL)
        continue;
      subtitle = g_strdup_printf ("%s%s%s · %s",
                                  vigil_vocab_label (VIGIL_VOCAB_DOCUMENT_KIND,
                                                     vigil_document_get_kind (d)),
                                  *vigil_document_get_version (d) ? " " : "",
                                  vigil_document_get_version (d),
                                  vigil_document_get_filename (d));
      row = row_new (vigil_document_get_title (d), subtitle);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "x-office-document-symbolic");
      group_add (group, row);
    }
  if (ids == NULL || ids->len == 0)
    group_add (group, empty_row (_("No documents for these assets yet")));
}

static void
build_assets (VigilIncidentWindow *self,
              GtkBox              *box)
{
  g_autoptr(GPtrArray) assets = vigil_store_list_affected_assets (self->store, self->incident_id,
                                                                  NULL);
  GtkWidget *group, *who;

  group = group_new (box, _("Affected Assets"), _("Each with its compromise status"),
                     action_button (_("Add _Asset…"), NULL, "incident.add-asset", NULL));
  who = NULL;
  for (guint i = 0; assets && i < assets->len; i++)
    {
      VigilAffectedAsset *a = g_ptr_array_index (assets, i);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s%s%s%s%s", a->kind,
                                                   a->hostname ? a->hostname : _("no host name"),
                                                   vigil_vocab_label (VIGIL_VOCAB_CRITICALITY,
                                                                      a->criticality),
                                                   a->owner_team_name ? " · " : "",
                                                   a->owner_team_name ? a->owner_team_name : "",
                                                   *a->note ? " · " : "", a->note);
      g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
      GtkWidget *row = row_new (a->name, subtitle);
      GtkWidget *dropdown;

      for (guint k = 0; compromise_labels[k]; k++)
        gtk_string_list_append (list, _(compromise_labels[k]));
      dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL);
      gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
      for (guint k = 0; compromise_keys[k]; k++)
        if (g_str_equal (compromise_keys[k], a->status))
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), k);
      g_object_set_data (G_OBJECT (dropdown), "asset-id", GSIZE_TO_POINTER (a->asset_id));
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (asset_status_selected_cb), self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Compromise status"), -1);
      if (g_str_equal (a->status, "compromised"))
        gtk_widget_add_css_class (dropdown, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
      group_add (group, row);
    }
  if (assets == NULL || assets->len == 0)
    group_add (group, empty_row (_("No affected assets yet")));
  else
    {
      who = group_new (box, _("Who to Contact"),
                       _("The technical contact and the business owner of each affected asset, "
                         "with their team and manager"), NULL);
      for (guint i = 0; i < assets->len; i++)
        {
          VigilAffectedAsset *a = g_ptr_array_index (assets, i);
          add_person_row (who, &a->tech, _("technical contact"), a->name);
          add_person_row (who, &a->business, _("business owner"), a->name);
        }
    }
  build_asset_documents (self, box);
}

/* Timeline ----------------------------------------------------------------- */

static gboolean
rebuild_timeline_cb (gpointer data)
{
  VigilIncidentWindow *self = data;

  if (self->store != NULL)
    build_section (self, SECTION_TIMELINE);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
timeline_kind_selected_cb (GtkDropDown         *dropdown,
                           GParamSpec          *pspec,
                           VigilIncidentWindow *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);
  guint selected = gtk_drop_down_get_selected (dropdown);

  g_clear_pointer (&self->timeline_kind, g_free);
  if (selected > 0 && item != NULL)
    self->timeline_kind = g_strdup (gtk_string_object_get_string (item));
  self->built[SECTION_TIMELINE] = FALSE;
  /* rebuilding inside the dropdown's own signal would destroy it under us */
  g_idle_add (rebuild_timeline_cb, g_object_ref (self));
}

static char *
timeline_subtitle (VigilTimelineEntry *e)
{
  g_autofree char *at = format_time (e->at);
  g_autoptr(GString) s = g_string_new (NULL);

  g_string_printf (s, "%s · %s · %s", at, e->actor, e->kind);
  if (e->field && (e->before || e->after))
    g_string_append_printf (s, " · %s: %s → %s", e->field, e->before ? e->before : "∅",
                            e->after ? e->after : "∅");
  if (g_strcmp0 (e->at, e->recorded_at) != 0 && e->recorded_at &&
      ABS (vigil_time_to_unix (e->at) - vigil_time_to_unix (e->recorded_at)) > 60)
    {
      g_autofree char *rec = format_time (e->recorded_at);
      g_string_append_printf (s, _(" · recorded %s"), rec);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
build_timeline (VigilIncidentWindow *self,
                GtkBox              *box)
{
  const char *only[2] = { self->timeline_kind, NULL };
  g_autoptr(GPtrArray) entries = vigil_store_list_timeline (self->store, self->incident_id,
                                                            self->timeline_kind ? only : NULL,
                                                            NULL);
  g_auto(GStrv) kinds = vigil_store_list_timeline_kinds (self->store, self->incident_id, NULL);
  g_autoptr(GtkStringList) kind_list = gtk_string_list_new (NULL);
  GtkWidget *bar, *dropdown, *group;
  guint start = 0;

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_string_list_append (kind_list, _("All kinds"));
  for (guint i = 0; kinds && kinds[i]; i++)
    gtk_string_list_append (kind_list, kinds[i]);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kind_list)),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  for (guint i = 0; self->timeline_kind && kinds && kinds[i]; i++)
    if (g_str_equal (kinds[i], self->timeline_kind))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind of entry"), -1);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (timeline_kind_selected_cb), self);
  gtk_box_append (GTK_BOX (bar), dropdown);
  {
    GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    gtk_widget_set_hexpand (spacer, TRUE);
    gtk_box_append (GTK_BOX (bar), spacer);
  }
  gtk_box_append (GTK_BOX (bar), action_button (_("Add _Note…"), NULL, "incident.add-note", NULL));
  gtk_box_append (GTK_BOX (bar), action_button (_("Export _JSON…"), NULL,
                                                "incident.export-timeline",
                                                g_variant_new_string ("json")));
  gtk_box_append (GTK_BOX (bar), action_button (_("Export _CSV…"), NULL,
                                                "incident.export-timeline",
                                                g_variant_new_string ("csv")));
  gtk_box_append (box, bar);

  group = group_new (box, _("Timeline"),
                     _("Every change, recorded automatically, and notes with their own event "
                       "time; oldest first"), NULL);
  if (entries && entries->len > TIMELINE_PAGE && !self->timeline_all)
    {
      g_autofree char *text = g_strdup_printf (_("%u earlier entries are hidden"),
                                               entries->len - TIMELINE_PAGE);
      GtkWidget *row = row_new (text, NULL);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 action_button (_("Show _All"), NULL, "incident.timeline-all",
                                                NULL));
      group_add (group, row);
      start = entries->len - TIMELINE_PAGE;
    }
  for (guint i = start; entries && i < entries->len; i++)
    {
      VigilTimelineEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *subtitle = timeline_subtitle (e);
      group_add (group, row_new (e->summary, subtitle));
    }
  if (entries == NULL || entries->len == 0)
    group_add (group, empty_row (_("Nothing recorded")));
}

/* Sections and refresh ---------------------------------------------------- */

static void
update_header (VigilIncidentWindow *self)
{
  g_autofree char *title = g_strdup_printf ("%s — %s", vigil_incident_get_ref (self->incident),
                                            vigil_incident_get_title (self->incident));
  gint64 active = vigil_store_count_active_countermeasures (self->store, self->incident_id);
  gboolean closed = g_strcmp0 (vigil_incident_get_stage (self->incident), "closed") == 0;


  gtk_window_set_title (GTK_WINDOW (self), title);
  /* the switcher title is plain text in libadwaita 1.2 (no markup) */
  adw_view_switcher_title_set_title (self->switcher_title, vigil_incident_get_ref (self->incident));
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        vigil_incident_get_title (self->incident));

  if (closed && active > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "This incident is closed but %" PRId64
                                      " countermeasure is still active. Remove it, or reopen "
                                      "the incident.",
                                      "This incident is closed but %" PRId64
                                      " countermeasures are still active. Remove them, or "
                                      "reopen the incident.", active), active);
      gtk_label_set_text (self->warning_label, text);
      gtk_revealer_set_reveal_child (self->warning_revealer, TRUE);
    }
  else
    gtk_revealer_set_reveal_child (self->warning_revealer, FALSE);
}

static gboolean
reload_incident (VigilIncidentWindow *self)
{
  g_autoptr(GError) error = NULL;
  VigilIncident *incident = vigil_store_get_incident (self->store, self->incident_id, &error);

  if (incident == NULL)
    {
      /* deleted elsewhere: nothing left to show */
      gtk_window_destroy (GTK_WINDOW (self));
      return FALSE;
    }
  g_set_object (&self->incident, incident);
  g_object_unref (incident);
  update_header (self);
  return TRUE;
}

/* A section's scroller is made when the section is first built: the stack
 * measures every page, and five empty boxes cost less than five scrollers. */
static GtkBox *
section_content (VigilIncidentWindow *self,
                 Section              section)
{
  GtkWidget *scroller, *clamp, *box;

  if (self->content[section] != NULL)
    return self->content[section];
  scroller = gtk_scrolled_window_new ();
  clamp = adw_clamp_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (self->page[section], scroller);
  self->content[section] = GTK_BOX (box);
  return self->content[section];
}

static void
build_section (VigilIncidentWindow *self,
               Section              section)
{
  GtkBox *box = section_content (self, section);
  gint64 t0 = g_get_monotonic_time ();

  clear_box (box);
  switch (section)
    {
    case SECTION_SUMMARY:
      build_summary (self, box);
      break;
    case SECTION_ACTIONS:
      build_actions (self, box);
      break;
    case SECTION_CONTACTS:
      build_contacts (self, box);
      break;
    case SECTION_OBSERVABLES:
      build_observables (self, box);
      break;
    case SECTION_ASSETS:
      build_assets (self, box);
      break;
    case SECTION_TIMELINE:
      build_timeline (self, box);
      break;
    default:
      g_assert_not_reached ();
    }
  self->built[section] = TRUE;
  g_debug ("built %s in %.1f ms", sections[section].name, (g_get_monotonic_time () - t0) / 1000.0);
}

static int
visible_section (VigilIncidentWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  for (int s = 0; s < N_SECTIONS; s++)
    if (g_strcmp0 (name, sections[s].name) == 0)
      return s;
  return SECTION_SUMMARY;
}

static void
visible_child_changed_cb (VigilIncidentWindow *self)
{
  int s = visible_section (self);

  if (!self->built[s])
    build_section (self, s);
}

static void
refresh_now (VigilIncidentWindow *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (!reload_incident (self))
    return;
  for (int s = 0; s < N_SECTIONS; s++)
    self->built[s] = FALSE;
  build_section (self, visible_section (self));
}

static gboolean
refresh_idle_cb (gpointer data)
{
  VigilIncidentWindow *self = data;

  self->refresh_id = 0;
  refresh_now (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (VigilIncidentWindow *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
store_changed_cb (VigilStore          *store,
                  const char          *kind,
                  gint64               id,
                  VigilIncidentWindow *self)
{
  /* other incidents' changes matter only through shared observables and
   * follow-ups; a cheap rebuild of the visible section covers them */
  if (g_str_equal (kind, VIGIL_KIND_INCIDENT) && id != 0 && id != self->incident_id)
    return;
  queue_refresh (self);
}

/* Forms -------------------------------------------------------------------- */

typedef struct
{
  VigilIncidentWindow *self;
  char                *kind;
  gint64               id;  /* the contact to follow up, or the person */
} FormData;

static void
form_data_free (FormData *d)
{
  g_free (d->kind);
  g_free (d);
}

static void
form_destroyed_cb (VigilIncidentWindow *self)
{
  self->form = NULL;
}

/* NULL-terminated arrays of keys and labels from a vocabulary; `none` adds
 * a first "" entry with that label. */
static void
vocab_choices (VigilVocab   vocab,
               const char  *none,
               GStrv       *keys,
               GStrv       *labels)
{
  g_autoptr(GStrvBuilder) k = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
  guint n = 0;
  const VigilVocabEntry *entries = vigil_vocab_entries (vocab, &n);

  if (none)
    {
      g_strv_builder_add (k, "");
      g_strv_builder_add (l, none);
    }
  for (guint i = 0; i < n; i++)
    {
      g_strv_builder_add (k, entries[i].key);
      g_strv_builder_add (l, _(entries[i].label));
    }
  *keys = g_strv_builder_end (k);
  *labels = g_strv_builder_end (l);
}

/* Choices from VigilChoice arrays: keys are "<prefix><id>". */
static void
append_choices (GStrvBuilder *keys,
                GStrvBuilder *labels,
                GPtrArray    *choices,
                const char   *prefix,
                const char   *format)
{
  for (guint i = 0; choices && i < choices->len; i++)
    {
      VigilChoice *c = g_ptr_array_index (choices, i);
      g_autofree char *key = g_strdup_printf ("%s%" PRId64, prefix, c->id);
      g_autofree char *label = c->detail && *c->detail
        ? g_strdup_printf (format, c->label, c->detail) : g_strdup (c->label);
      g_strv_builder_add (keys, key);
      g_strv_builder_add (labels, label);
    }
}

static void
add_team_choice (VigilIncidentWindow *self,
                 VigilRecordForm     *form,
                 const char          *name,
                 const char          *label,
                 const char          *none)
{
  g_autoptr(GStrvBuilder) k = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
  g_autoptr(GPtrArray) teams = vigil_store_list_team_choices (self->store, NULL);
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) labels = NULL;

  if (none)
    {
      g_strv_builder_add (k, "");
      g_strv_builder_add (l, none);
    }
  append_choices (k, l, teams, "", "%s (%s)");
  keys = g_strv_builder_end (k);
  labels = g_strv_builder_end (l);
  vigil_record_form_add_choice (form, name, label, (const char * const *) keys,
                                (const char * const *) labels, "");
}

static gint64
form_id (VigilRecordForm *form,
         const char      *name)
{
  const char *v = vigil_record_form_get (form, name);
  return v ? g_ascii_strtoll (v, NULL, 10) : 0;
}

static gboolean
submit_cb (VigilRecordForm  *form,
           gpointer          user_data,
           GError          **error)
{
  FormData *d = user_data;
  VigilIncidentWindow *self = d->self;
  VigilStore *store = self->store;
  gint64 id = self->incident_id;

#define GET(name) vigil_record_form_get (form, name)
  if (g_str_equal (d->kind, "task") || g_str_equal (d->kind, "countermeasure"))
    {
      gboolean cm = g_str_equal (d->kind, "countermeasure");
      VigilActionSpec spec = { 0 };

      spec.kind = d->kind;
      spec.title = GET ("title");
      spec.description = GET ("description");
      spec.stage = GET ("stage");
      spec.owner_team_id = form_id (form, "team");
      if (!cm)
        {
          spec.owner_email = GET ("owner");
          spec.due_at = GET ("due");
        }
      else
        {
          spec.cm_type = GET ("type");
          spec.applied_to = GET ("where");
          spec.applied_by = GET ("by");
        }
      return vigil_store_add_action (store, id, &spec, error) > 0;
    }
  if (g_str_equal (d->kind, "contact"))
    {
      VigilContactSpec spec = { 0 };
      const char *with = GET ("with");

      if (with == NULL)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                       _("Choose who was contacted"));
          return FALSE;
        }
      if (with[0] == 'p')
        spec.person_id = g_ascii_strtoll (with + 1, NULL, 10);
      else
        spec.team_id = g_ascii_strtoll (with + 1, NULL, 10);
      spec.channel = GET ("channel");
      spec.direction = GET ("direction");
      spec.at = GET ("at");
      spec.summary = GET ("summary");
      spec.follow_up_at = GET ("follow-up");
      return vigil_store_add_contact (store, id, &spec, error) > 0;
    }
  if (g_str_equal (d->kind, "observable"))
    return vigil_store_add_observable (store, id, GET ("type") ? GET ("type") : "other",
                                       GET ("value") ? GET ("value") : "",
                                       g_strcmp0 (GET ("ioc"), "1") == 0, GET ("tlp"),
                                       GET ("note"), error) > 0;
  if (g_str_equal (d->kind, "asset"))
    {
      gint64 asset_id = form_id (form, "asset");
      if (asset_id <= 0)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("Choose an asset"));
          return FALSE;
        }
      return vigil_store_add_affected_asset (store, id, asset_id, GET ("status"), GET ("note"),
                                             error);
    }
  if (g_str_equal (d->kind, "note"))
    return vigil_store_add_note (store, id, GET ("text") ? GET ("text") : "", GET ("at"),
                                 error) > 0;
  if (g_str_equal (d->kind, "detection"))
    return vigil_store_add_detection_request (store, id, 0, form_id (form, "team"), NULL,
                                              GET ("what"), GET ("where"), GET ("why"),
                                              error) > 0;
  if (g_str_equal (d->kind, "playbook"))
    {
      guint n = 0;
      gint64 playbook = form_id (form, "playbook");
      if (playbook <= 0)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION, _("Choose a playbook"));
          return FALSE;
        }
      return vigil_store_apply_playbook (store, id, playbook, &n, error);
    }
#undef GET
  g_return_val_if_reached (FALSE);
}

static VigilRecordForm *
form_new (VigilIncidentWindow *self,
          const char          *kind,
          const char          *title,
          const char          *accept,
          gint64               id)
{
  FormData *d = g_new0 (FormData, 1);
  VigilRecordForm *form;

  d->self = self;
  d->kind = g_strdup (kind);
  d->id = id;
  form = vigil_record_form_new (GTK_WINDOW (self), title, accept, submit_cb, d,
                                (GDestroyNotify) form_data_free);
  self->form = form;
  g_signal_connect_object (vigil_record_form_get_window (form), "destroy",
                           G_CALLBACK (form_destroyed_cb), self, G_CONNECT_SWAPPED);
  return form;
}

static void
add_task_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  gboolean cm = g_str_equal (action_name, "incident.add-countermeasure");
  VigilRecordForm *form = form_new (self, cm ? "countermeasure" : "task",
                                    cm ? _("New Countermeasure") : _("New Task"), _("_Add"), 0);
  g_auto(GStrv) stage_keys = NULL;
  g_auto(GStrv) stage_labels = NULL;

  vigil_record_form_add_entry (form, "title", cm ? _("_What") : _("_Title"), NULL,
                               cm ? _("Block the sender domain at the mail gateway")
                                  : _("Collect the proxy logs of the last 24 hours"));
  if (cm)
    {
      const char *keys[] = { "block", "isolation", "password-reset", "monitoring", "other", NULL };
      const char *labels[] = { _("Block"), _("Isolation"), _("Password reset"), _("Monitoring"),
                               _("Other"), NULL };
      vigil_record_form_add_choice (form, "type", _("T_ype"), keys, labels, "block");
      vigil_record_form_add_entry (form, "where", _("Applied _on"), NULL,
                                   _("Perimeter firewall, mail gateway, host…"));
      vigil_record_form_add_entry (form, "by", _("Applied _by"), NULL, NULL);
    }
  vocab_choices (VIGIL_VOCAB_STAGE, _("Any step"), &stage_keys, &stage_labels);
  vigil_record_form_add_choice (form, "stage", _("_Step"), (const char * const *) stage_keys,
                                (const char * const *) stage_labels,
                                vigil_incident_get_stage (self->incident));
  add_team_choice (self, form, "team", _("Owner _team"), _("No team"));
  if (!cm)
    {
      vigil_record_form_add_entry (form, "owner", _("_Owner"), NULL, _("E-mail address"));
      vigil_record_form_add_entry (form, "due", _("_Due"), NULL, _("2026-12-01 17:00"));
    }
  vigil_record_form_add_text (form, "description", _("De_tails"), NULL);
  vigil_record_form_present (form);
}

static void
open_contact_form (VigilIncidentWindow *self,
                   const char          *with_key)
{
  VigilRecordForm *form = form_new (self, "contact", _("Log Contact"), _("_Log"), 0);
  g_autoptr(GStrvBuilder) k = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
  g_autoptr(GPtrArray) people = vigil_store_list_person_choices (self->store, NULL, 5000, NULL);
  g_autoptr(GPtrArray) teams = vigil_store_list_team_choices (self->store, NULL);
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) labels = NULL;
  g_auto(GStrv) channel_keys = NULL;
  g_auto(GStrv) channel_labels = NULL;
  g_autofree char *now = vigil_time_now_iso ();
  const char *dir_keys[] = { "outbound", "inbound", NULL };
  const char *dir_labels[] = { _("We contacted them"), _("They contacted us"), NULL };

  g_strv_builder_add (k, "");
  g_strv_builder_add (l, _("Choose a person or a team"));
  append_choices (k, l, people, "p", "%s — %s");
  append_choices (k, l, teams, "t", _("Team: %s (%s)"));
  keys = g_strv_builder_end (k);
  labels = g_strv_builder_end (l);
  vigil_record_form_add_choice (form, "with", _("_With"), (const char * const *) keys,
                                (const char * const *) labels, with_key ? with_key : "");
  vocab_choices (VIGIL_VOCAB_CHANNEL, NULL, &channel_keys, &channel_labels);
  vigil_record_form_add_choice (form, "channel", _("_Channel"),
                                (const char * const *) channel_keys,
                                (const char * const *) channel_labels, "phone");
  vigil_record_form_add_choice (form, "direction", _("_Direction"), dir_keys, dir_labels,
                                "outbound");
  vigil_record_form_add_entry (form, "at", _("_When"), now, NULL);
  vigil_record_form_add_text (form, "summary", _("_Summary"), NULL);
  vigil_record_form_add_entry (form, "follow-up", _("Contact _again by"), NULL,
                               _("Leave empty when no follow-up is needed"));
  vigil_record_form_present (form);
}

static void
add_contact_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  open_contact_form (VIGIL_INCIDENT_WINDOW (widget), NULL);
}

static void
contact_person_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  g_autofree char *key = g_strdup_printf ("p%" PRId64, g_variant_get_int64 (param));
  open_contact_form (VIGIL_INCIDENT_WINDOW (widget), key);
}

static void
next_contact_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  g_autoptr(GPtrArray) contacts = vigil_store_list_contacts (self->store, self->incident_id, NULL);
  gint64 id = g_variant_get_int64 (param);

  for (guint i = 0; contacts && i < contacts->len; i++)
    {
      VigilContact *c = g_ptr_array_index (contacts, i);
      if (c->id == id)
        {
          g_autofree char *key = c->person_id
            ? g_strdup_printf ("p%" PRId64, c->person_id)
            : g_strdup_printf ("t%" PRId64, c->team_id);
          open_contact_form (self, key);
          vigil_record_form_set (self->form, "channel", c->channel);
          return;
        }
    }
}

static void
add_observable_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  VigilRecordForm *form = form_new (self, "observable", _("New Observable"), _("_Add"), 0);
  g_auto(GStrv) type_keys = NULL;
  g_auto(GStrv) type_labels = NULL;
  g_auto(GStrv) tlp_keys = NULL;
  g_auto(GStrv) tlp_labels = NULL;

  vocab_choices (VIGIL_VOCAB_OBSERVABLE_TYPE, NULL, &type_keys, &type_labels);
  vigil_record_form_add_choice (form, "type", _("T_ype"), (const char * const *) type_keys,
                                (const char * const *) type_labels, "ip");
  vigil_record_form_add_entry (form, "value", _("_Value"), NULL,
                               _("Defanged values (hxxp, [.]) are accepted"));
  vigil_record_form_add_check (form, "ioc", _("Indicator of _compromise"), FALSE);
  vocab_choices (VIGIL_VOCAB_TLP, NULL, &tlp_keys, &tlp_labels);
  vigil_record_form_add_choice (form, "tlp", _("_TLP"), (const char * const *) tlp_keys,
                                (const char * const *) tlp_labels,
                                vigil_incident_get_tlp (self->incident));
  vigil_record_form_add_entry (form, "note", _("_Note"), NULL, NULL);
  vigil_record_form_present (form);
}

static void
add_asset_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  VigilRecordForm *form = form_new (self, "asset", _("Add Affected Asset"), _("_Add"), 0);
  g_autoptr(GStrvBuilder) k = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
  g_autoptr(GPtrArray) assets = vigil_store_list_asset_choices (self->store, NULL, 5000, NULL);
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) labels = NULL;
  const char *status_labels[] = { _("To be determined"), _("Compromised"), _("Not compromised"),
                                  _("Unknown"), NULL };

  g_strv_builder_add (k, "");
  g_strv_builder_add (l, _("Choose an asset"));
  append_choices (k, l, assets, "", "%s — %s");
  keys = g_strv_builder_end (k);
  labels = g_strv_builder_end (l);
  vigil_record_form_add_choice (form, "asset", _("_Asset"), (const char * const *) keys,
                                (const char * const *) labels, "");
  vigil_record_form_add_choice (form, "status", _("_Compromise"), compromise_keys, status_labels,
                                "tbd");
  vigil_record_form_add_entry (form, "note", _("_Note"), NULL, NULL);
  vigil_record_form_present (form);
}

static void
add_note_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  VigilRecordForm *form = form_new (self, "note", _("New Note"), _("_Add"), 0);

  vigil_record_form_add_text (form, "text", _("_Note"), NULL);
  vigil_record_form_add_entry (form, "at", _("_Event time"), NULL,
                               _("When it happened; empty for now"));
  vigil_record_form_present (form);
}

static void
request_detection_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  VigilRecordForm *form = form_new (self, "detection", _("Request Detection"), _("_Request"), 0);

  add_team_choice (self, form, "team", _("_Team"), _("Choose the team"));
  vigil_record_form_add_entry (form, "what", _("_What to detect"), NULL,
                               _("Logins to the VPN from anonymising networks"));
  vigil_record_form_add_entry (form, "where", _("W_here"), NULL,
                               _("Systems or log sources"));
  vigil_record_form_add_text (form, "why", _("W_hy"), NULL);
  vigil_record_form_present (form);
}

static void
apply_playbook_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  VigilRecordForm *form = form_new (self, "playbook", _("Apply Playbook"), _("_Apply"), 0);
  g_autoptr(GPtrArray) playbooks = NULL;
  g_autoptr(GStrvBuilder) k = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) labels = NULL;

  vigil_store_ensure_playbooks (self->store, NULL);
  playbooks = vigil_store_list_playbooks (self->store, NULL);
  g_strv_builder_add (k, "");
  g_strv_builder_add (l, _("Choose a playbook"));
  for (guint i = 0; playbooks && i < playbooks->len; i++)
    {
      VigilPlaybook *p = g_ptr_array_index (playbooks, i);
      g_autofree char *key = g_strdup_printf ("%" PRId64, p->id);
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u step)",
                                                             "%s (%u steps)", p->n_steps),
                                                p->name, p->n_steps);
      g_strv_builder_add (k, key);
      g_strv_builder_add (l, label);
    }
  keys = g_strv_builder_end (k);
  labels = g_strv_builder_end (l);
  vigil_record_form_add_choice (form, "playbook", _("_Playbook"), (const char * const *) keys,
                                (const char * const *) labels, "");
  vigil_record_form_present (form);
}

/* Other actions ------------------------------------------------------------ */

static void
set_action_status_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *status;
  gint64 id;

  g_variant_get (param, "(x&s)", &id, &status);
  if (!vigil_store_set_action_status (self->store, id, status, &error))
    {
      show_error (self, error);
      queue_refresh (self);  /* put the dropdown back */
    }
}

static void
set_asset_status_action_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *status;
  gint64 id;

  g_variant_get (param, "(x&s)", &id, &status);
  if (!vigil_store_set_affected_asset_status (self->store, self->incident_id, id, status, &error))
    {
      show_error (self, error);
      queue_refresh (self);
    }
}

static void
add_suggestion_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *type, *value;

  g_variant_get (param, "(&s&s)", &type, &value);
  if (vigil_store_add_observable (self->store, self->incident_id, type, value, FALSE, NULL, NULL,
                                  &error) < 0)
    show_error (self, error);
}

static void
remove_observable_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!vigil_store_remove_observable (self->store, g_variant_get_int64 (param), &error))
    show_error (self, error);
  else
    show_toast (self, _("Observable removed"));
}

static void
close_followup_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!vigil_store_close_followup (self->store, g_variant_get_int64 (param), &error))
    show_error (self, error);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);

  /* the board's editor changes the incident through the incident API */
  gtk_window_present (GTK_WINDOW (vigil_incident_editor_new (GTK_WINDOW (self), self->store,
                                                             self->incident_id)));
}

static void
section_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  vigil_incident_window_set_section (VIGIL_INCIDENT_WINDOW (widget),
                                     g_variant_get_string (param, NULL));
}

static void
timeline_all_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);

  self->timeline_all = TRUE;
  build_section (self, SECTION_TIMELINE);
}

static void
export_response_cb (GtkNativeDialog     *dialog,
                    int                  response,
                    VigilIncidentWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      const char *format = g_object_get_data (G_OBJECT (dialog), "format");
      const char *only[2] = { self->timeline_kind, NULL };
      g_autoptr(GPtrArray) entries = vigil_store_list_timeline (self->store, self->incident_id,
                                                                self->timeline_kind ? only : NULL,
                                                                &error);
      g_autofree char *text = NULL;

      if (entries != NULL)
        {
          text = g_str_equal (format, "csv") ? vigil_timeline_to_csv (entries)
                                             : vigil_timeline_to_json (entries);
          if (g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
            {
              g_autofree char *name = g_file_get_basename (file);
              g_autofree char *message = g_strdup_printf (_("Timeline exported to %s"), name);
              show_toast (self, message);
            }
        }
      if (error)
        show_error (self, error);
    }
  g_object_unref (dialog);
}

static void
export_timeline_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (widget);
  const char *format = g_variant_get_string (param, NULL);
  g_autofree char *name = g_strdup_printf ("%s-timeline.%s",
                                           vigil_incident_get_ref (self->incident),
                                           g_str_equal (format, "csv") ? "csv" : "json");
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export Timeline"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data_full (G_OBJECT (dialog), "format",
                          g_strdup (g_str_equal (format, "csv") ? "csv" : "json"), g_free);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Public ------------------------------------------------------------------- */

VigilIncidentWindow *
vigil_incident_window_open (GtkWindow  *parent,
                            VigilStore *store,
                            gint64      incident_id)
{
  VigilIncidentWindow *self;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  if (open_windows != NULL &&
      (self = g_hash_table_lookup (open_windows, &incident_id)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (self));
      return self;
    }
  self = g_object_new (VIGIL_TYPE_INCIDENT_WINDOW, "store", store, "incident-id", incident_id,
                       NULL);
  if (self->incident == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

gint64
vigil_incident_window_get_incident_id (VigilIncidentWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_INCIDENT_WINDOW (self), 0);
  return self->incident_id;
}

void
vigil_incident_window_set_section (VigilIncidentWindow *self,
                                   const char          *section)
{
  g_return_if_fail (VIGIL_IS_INCIDENT_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->stack, section);
}

void
vigil_incident_window_build_all (VigilIncidentWindow *self)
{
  g_return_if_fail (VIGIL_IS_INCIDENT_WINDOW (self));
  for (int s = 0; s < N_SECTIONS; s++)
    if (!self->built[s])
      build_section (self, s);
  if (!self->summary_tail)
    build_summary_tail (self, self->content[SECTION_SUMMARY]);
}

VigilRecordForm *
vigil_incident_window_get_form (VigilIncidentWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_INCIDENT_WINDOW (self), NULL);
  return self->form;
}

/* GObject ------------------------------------------------------------------ */

/* The bottom switcher bar shows only in a narrow window, when the header
 * shows the title instead of the switcher; its buttons are made then. */
static void
title_visible_cb (VigilIncidentWindow *self)
{
  if (adw_view_switcher_title_get_title_visible (self->switcher_title) &&
      adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->stack);
}

static gboolean
first_paint_idle_cb (gpointer data)
{
  VigilIncidentWindow *self = data;

  if (self->incident != NULL && self->built[SECTION_SUMMARY] && !self->summary_tail)
    build_summary_tail (self, self->content[SECTION_SUMMARY]);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
first_paint_cb (GdkFrameClock       *clock,
                VigilIncidentWindow *self)
{
  g_clear_signal_handler (&self->after_paint_id, clock);
  self->painted = TRUE;
  g_idle_add (first_paint_idle_cb, g_object_ref (self));
}

static void
realize_cb (VigilIncidentWindow *self)
{
  if (!self->painted && self->after_paint_id == 0)
    self->after_paint_id = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)),
                                             "after-paint", G_CALLBACK (first_paint_cb), self);
}

static void
unrealize_cb (VigilIncidentWindow *self)
{
  g_clear_signal_handler (&self->after_paint_id, gtk_widget_get_frame_clock (GTK_WIDGET (self)));
}

static void
vigil_incident_window_constructed (GObject *object)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (object);

  G_OBJECT_CLASS (vigil_incident_window_parent_class)->constructed (object);

  for (int s = 0; s < N_SECTIONS; s++)
    {
      GtkWidget *holder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      AdwViewStackPage *page;

      page = adw_view_stack_add_titled (self->stack, holder, sections[s].name,
                                        _(sections[s].title));
      adw_view_stack_page_set_icon_name (page, sections[s].icon);
      self->page[s] = GTK_BOX (holder);
    }
  /* the switcher makes its buttons once, from the complete stack: bound
   * before the pages were added, it remade them on every page added, which
   * took a third of the time to open the window */
  adw_view_switcher_title_set_stack (self->switcher_title, self->stack);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (title_visible_cb), self, G_CONNECT_SWAPPED);
  title_visible_cb (self);
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
  g_signal_connect (self, "unrealize", G_CALLBACK (unrealize_cb), NULL);

  if (self->store == NULL || !reload_incident (self))
    return;
  build_section (self, SECTION_SUMMARY);
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (visible_child_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, 0);

  if (open_windows == NULL)
    open_windows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_insert (open_windows, g_memdup2 (&self->incident_id, sizeof (gint64)), self);
}

static void
vigil_incident_window_dispose (GObject *object)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (object);

  if (open_windows != NULL && g_hash_table_lookup (open_windows, &self->incident_id) == self)
    g_hash_table_remove (open_windows, &self->incident_id);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_INCIDENT_WINDOW);
  g_clear_object (&self->incident);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vigil_incident_window_parent_class)->dispose (object);
}

static void
vigil_incident_window_finalize (GObject *object)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (object);

  g_free (self->timeline_kind);
  G_OBJECT_CLASS (vigil_incident_window_parent_class)->finalize (object);
}

static void
vigil_incident_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_INCIDENT_ID:
      g_value_set_int64 (value, self->incident_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_incident_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  VigilIncidentWindow *self = VIGIL_INCIDENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_INCIDENT_ID:
      self->incident_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
load_css (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (done || gdk_display_get_default () == NULL)
    return;
  done = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/vigilsoc/Vigil/incident/incident.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
vigil_incident_window_class_init (VigilIncidentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vigil_incident_window_constructed;
  object_class->dispose = vigil_incident_window_dispose;
  object_class->finalize = vigil_incident_window_finalize;
  object_class->get_property = vigil_incident_window_get_property;
  object_class->set_property = vigil_incident_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VIGIL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INCIDENT_ID] =
    g_param_spec_int64 ("incident-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/vigilsoc/Vigil/incident/vigil-incident-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilIncidentWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, VigilIncidentWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, VigilIncidentWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, VigilIncidentWindow, warning_revealer);
  gtk_widget_class_bind_template_child (widget_class, VigilIncidentWindow, warning_label);
  gtk_widget_class_bind_template_child (widget_class, VigilIncidentWindow, stack);

  gtk_widget_class_install_action (widget_class, "incident.add-task", NULL, add_task_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.add-countermeasure", NULL,
                                   add_task_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.add-contact", NULL,
                                   add_contact_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.contact-person", "x",
                                   contact_person_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.next-contact", "x",
                                   next_contact_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.add-observable", NULL,
                                   add_observable_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.add-asset", NULL, add_asset_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.add-note", NULL, add_note_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.request-detection", NULL,
                                   request_detection_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.apply-playbook", NULL,
                                   apply_playbook_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.set-action-status", "(xs)",
                                   set_action_status_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.set-asset-status", "(xs)",
                                   set_asset_status_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.add-suggestion", "(ss)",
                                   add_suggestion_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.remove-observable", "x",
                                   remove_observable_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.close-followup", "x",
                                   close_followup_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.section", "s", section_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.timeline-all", NULL,
                                   timeline_all_action_cb);
  gtk_widget_class_install_action (widget_class, "incident.export-timeline", "s",
                                   export_timeline_action_cb);

  /* the cross-incident lists and links to other incidents work from here too */
  vigil_record_install_window_actions (widget_class);

  for (int s = 0; s < N_SECTIONS; s++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + s, GDK_ALT_MASK,
                                         "incident.section", "s", sections[s].name);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "incident.add-task", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "incident.add-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "incident.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
vigil_incident_window_init (VigilIncidentWindow *self)
{
  load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
