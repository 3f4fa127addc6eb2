/* vigil-overview-page.c — the CISO's overview: figures, charts, reports, presentation mode
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures are computed by the store (vigil-store-metrics.c) for the
 * chosen period when the page is shown, and again shortly after a change;
 * the charts are the same as the PDF report's (vigil_metrics_build_chart).
 * A click on a bar or segment shows the board with that filter
 * (win.board-filter).  Presentation mode makes the window full screen with
 * large type and steps between the overview and the board with the arrow
 * keys (or every 30 seconds); Escape leaves it.
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "vigil-chart-view.h"
#include "vigil-overview-page.h"
#include "vigil-report.h"
#include "vigil-window.h"

#define REFRESH_DELAY_MS  400
#define CYCLE_SECONDS     30

enum {
  PERIOD_7,
  PERIOD_30,
  PERIOD_90,
  PERIOD_QUARTER,
  PERIOD_CUSTOM,
};

enum {
  FIGURE_INCIDENTS,
  FIGURE_CLOSED,
  FIGURE_OPEN,
  FIGURE_ACKNOWLEDGE,
  FIGURE_CONTAIN,
  FIGURE_RESOLVE,
  FIGURE_COUNTERMEASURES,
  FIGURE_DETECTION,
  N_FIGURES
};

struct _VigilOverviewPage
{
  AdwBin              parent_instance;

  GtkDropDown        *period_dropdown;
  GtkWidget          *custom_box;
  GtkEntry           *from_entry;
  GtkEntry           *to_entry;
  GtkLabel           *period_label;
  GtkLabel           *error_label;
  GtkWidget          *toolbar;
  GtkWidget          *toolbar_separator;
  GtkFlowBox         *figures;
  GtkFlowBox         *charts;

  GtkLabel           *figure_values[N_FIGURES];
  GtkLabel           *figure_details[N_FIGURES];
  GtkWidget          *chart_views[VIGIL_N_OVERVIEW_CHARTS];

  VigilStore         *store;
  VigilPeriod         period;
  VigilMetrics       *metrics;
  gboolean            dirty;
  guint               refresh_id;

  gboolean            presenting;
  GtkEventController *present_keys;
  guint               cycle_id;
  GtkFileChooserNative *chooser;
  gboolean            owns_report_action;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_PRESENTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VigilOverviewPage, vigil_overview_page, ADW_TYPE_BIN)

/* Showing the figures ----------------------------------------------------- */

static void
set_figure (VigilOverviewPage *self,
            guint              figure,
            const char        *value,
            const char        *detail)
{
  gtk_label_set_text (self->figure_values[figure], value);
  gtk_label_set_text (self->figure_details[figure], detail ? detail : "");
}

static void
set_count_figure (VigilOverviewPage *self,
                  guint              figure,
                  gint64             value)
{
  g_autofree char *text = g_strdup_printf ("%" PRId64, value);
  set_figure (self, figure, text, NULL);
}

static void
set_duration_figure (VigilOverviewPage *self,
                     guint              figure,
                     VigilMetric        metric)
{
  const VigilDurationStats *d = &self->metrics->durations[metric];
  g_autofree char *median = vigil_format_duration (d->median);
  g_autofree char *p90 = vigil_format_duration (d->p90);
  g_autofree char *detail = NULL;

  if (d->count == 0)
    detail = g_strdup (_("No incident measured"));
  else if (d->missing > 0)
    /* TRANSLATORS: the 90th percentile, then how many incidents were measured and how
     * many lack a timestamp */
    detail = g_strdup_printf (_("90th percentile %s · %" PRId64 " measured, %"
                                PRId64 " missing a time"), p90, d->count, d->missing);
  else
    detail = g_strdup_printf (_("90th percentile %s · %" PRId64 " measured"), p90,
                              d->count);
  set_figure (self, figure, median, detail);
}

static void
show_metrics (VigilOverviewPage *self)
{
  g_autofree char *range = NULL;

  range = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s to %s, %d day",
                                        "%s to %s, %d days", self->period.days),
                           self->period.from, self->period.to, self->period.days);
  gtk_label_set_text (self->period_label, range);

  set_count_figure (self, FIGURE_INCIDENTS, self->metrics->incidents);
  set_count_figure (self, FIGURE_CLOSED, self->metrics->closed);
  set_count_figure (self, FIGURE_OPEN, self->metrics->open);
  set_duration_figure (self, FIGURE_ACKNOWLEDGE, VIGIL_METRIC_ACKNOWLEDGE);
  set_duration_figure (self, FIGURE_CONTAIN, VIGIL_METRIC_CONTAIN);
  set_duration_figure (self, FIGURE_RESOLVE, VIGIL_METRIC_RESOLVE);
  set_count_figure (self, FIGURE_COUNTERMEASURES, self->metrics->active_countermeasures);
  set_count_figure (self, FIGURE_DETECTION, self->metrics->open_detection_requests);
  {
    const VigilDurationStats *d = &self->metrics->durations[VIGIL_METRIC_DETECT];
    g_autofree char *median = vigil_format_duration (d->median);
    g_autofree char *detail = g_strdup_printf (_("Median time to detect %s"), median);
    gtk_label_set_text (self->figure_details[FIGURE_INCIDENTS], detail);
  }

  for (guint i = 0; i < VIGIL_N_OVERVIEW_CHARTS; i++)
    vigil_chart_view_set_chart (VIGIL_CHART_VIEW (self->chart_views[i]),
                                vigil_metrics_build_chart (self->metrics, i));
}

void
vigil_overview_page_refresh (VigilOverviewPage *self)
{
  g_autoptr(GError) error = NULL;
  VigilMetrics *metrics;

  g_return_if_fail (VIGIL_IS_OVERVIEW_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store == NULL)
    return;

  self->dirty = FALSE;
  metrics = vigil_store_compute_metrics (self->store, &self->period, NULL, &error);
  if (metrics == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_clear_pointer (&self->metrics, vigil_metrics_free);
  self->metrics = metrics;
  show_metrics (self);
}

static gboolean
refresh_timeout_cb (gpointer data)
{
  VigilOverviewPage *self = data;

  self->refresh_id = 0;
  vigil_overview_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Recompute soon when shown; later, when it is shown, otherwise. */
static void
queue_refresh (VigilOverviewPage *self)
{
  self->dirty = TRUE;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

static void
store_changed_cb (VigilStore        *store,
                  const char        *kind,
                  gint64             id,
                  VigilOverviewPage *self)
{
  queue_refresh (self);
}

/* The period ---------------------------------------------------------------- */

static void
show_period_error (VigilOverviewPage *self,
                   const char        *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
    }
}

gboolean
vigil_overview_page_set_period (VigilOverviewPage  *self,
                                const char         *from,
                                const char         *to,
                                GError            **error)
{
  g_autoptr(GError) local = NULL;
  VigilPeriod period;

  g_return_val_if_fail (VIGIL_IS_OVERVIEW_PAGE (self), FALSE);

  if (!vigil_period_init (&period, from, to, &local))
    {
      show_period_error (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  show_period_error (self, NULL);
  vigil_period_clear (&self->period);
  self->period = period;
  vigil_overview_page_refresh (self);
  return TRUE;
}

static void
apply_custom_cb (VigilOverviewPage *self)
{
  vigil_overview_page_set_period (self, gtk_editable_get_text (GTK_EDITABLE (self->from_entry)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->to_entry)), NULL);
}

static void
period_selected_cb (VigilOverviewPage *self)
{
  guint choice = gtk_drop_down_get_selected (self->period_dropdown);

  gtk_widget_set_visible (self->custom_box, choice == PERIOD_CUSTOM);
  if (choice == PERIOD_CUSTOM)
    {
      /* start from the period shown */
      gtk_editable_set_text (GTK_EDITABLE (self->from_entry), self->period.from);
      gtk_editable_set_text (GTK_EDITABLE (self->to_entry), self->period.to);
      gtk_widget_grab_focus (GTK_WIDGET (self->from_entry));
      return;
    }

  show_period_error (self, NULL);
  vigil_period_clear (&self->period);
  switch (choice)
    {
    case PERIOD_7:
      vigil_period_init_last_days (&self->period, 7);
      break;
    case PERIOD_90:
      vigil_period_init_last_days (&self->period, 90);
      break;
    case PERIOD_QUARTER:
      vigil_period_init_quarter (&self->period);
      break;
    case PERIOD_30:
    default:
      vigil_period_init_last_days (&self->period, 30);
      break;
    }
  vigil_overview_page_refresh (self);
}

/* Charts to the board ------------------------------------------------------- */

static void
chart_activated_cb (VigilChartView    *view,
                    const char        *filter,
                    VigilOverviewPage *self)
{
  /* the board shows itself when it applies the filter */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.board-filter", "s", filter))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.view", "s", "board");
}

/* Export -------------------------------------------------------------------- */

static void
report_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(VigilOverviewPage) self = data;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  guint pages = 0;

  if (!vigil_report_write_finish (result, &pages, &error))
    {
      if (VIGIL_IS_WINDOW (root))
        vigil_window_show_error (VIGIL_WINDOW (root), error);
      return;
    }
  if (VIGIL_IS_WINDOW (root))
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "Report written (%u page)",
                                                               "Report written (%u pages)",
                                                               pages), pages);
      vigil_window_show_toast (VIGIL_WINDOW (root), message);
    }
}

static void
chooser_response_cb (GtkNativeDialog   *dialog,
                     int                response,
                     VigilOverviewPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        vigil_report_write_async (self->store, &self->period, NULL, NULL, path, NULL,
                                  report_written_cb, g_object_ref (self));
    }
  g_clear_object (&self->chooser);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  VigilOverviewPage *self = VIGIL_OVERVIEW_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->store == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Report"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  name = g_strdup_printf ("vigil-report-%s-to-%s.pdf", self->period.from, self->period.to);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* app.report-incident('INC-…'): an incident's PDF report, for any window
 * (the incident window's menu, the board's card menu) */

typedef struct
{
  VigilStore *store;
  char       *ref;
  GtkWindow  *parent;
} IncidentExport;

static void
incident_export_free (IncidentExport *e)
{
  g_clear_object (&e->store);
  g_free (e->ref);
  g_clear_object (&e->parent);
  g_free (e);
}

static void
incident_report_written_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      data)
{
  IncidentExport *e = data;
  g_autoptr(GError) error = NULL;

  if (!vigil_report_write_finish (result, NULL, &error))
    {
      if (VIGIL_IS_WINDOW (e->parent))
        vigil_window_show_error (VIGIL_WINDOW (e->parent), error);
      else
        {
          GtkWidget *dialog = adw_message_dialog_new (e->parent, _("Cannot Write the Report"),
                                                      error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  else if (VIGIL_IS_WINDOW (e->parent))
    vigil_window_show_toast (VIGIL_WINDOW (e->parent), _("Incident report written"));
  incident_export_free (e);
}

static void
incident_chooser_response_cb (GtkNativeDialog *dialog,
                              int              response,
                              IncidentExport  *e)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT
    ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog)) : NULL;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (path != NULL)
    vigil_report_write_async (e->store, NULL, NULL, e->ref, path, NULL,
                              incident_report_written_cb, e);
  else
    incident_export_free (e);
  g_object_unref (dialog);
}

static void
report_incident_activated_cb (GSimpleAction     *action,
                              GVariant          *param,
                              VigilOverviewPage *self)
{
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());
  GtkWindow *parent = app ? gtk_application_get_active_window (app) : NULL;
  GtkFileChooserNative *chooser;
  IncidentExport *e;
  g_autofree char *name = NULL;

  if (self->store == NULL)
    return;
  e = g_new0 (IncidentExport, 1);
  e->store = g_object_ref (self->store);
  e->ref = g_variant_dup_string (param, NULL);
  e->parent = parent ? g_object_ref (parent) : NULL;

  chooser = gtk_file_chooser_native_new (_("Export Incident Report"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  name = g_strdup_printf ("%s.pdf", e->ref);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (incident_chooser_response_cb), e);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
vigil_overview_page_root (GtkWidget *widget)
{
  VigilOverviewPage *self = VIGIL_OVERVIEW_PAGE (widget);
  GApplication *app = g_application_get_default ();

  GTK_WIDGET_CLASS (vigil_overview_page_parent_class)->root (widget);

  if (GTK_IS_APPLICATION (app)
      && g_action_map_lookup_action (G_ACTION_MAP (app), "report-incident") == NULL)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new ("report-incident",
                                                             G_VARIANT_TYPE_STRING);
      g_signal_connect_object (action, "activate", G_CALLBACK (report_incident_activated_cb),
                               self, 0);
      g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (action));
      self->owns_report_action = TRUE;
    }
}

static void
vigil_overview_page_unroot (GtkWidget *widget)
{
  VigilOverviewPage *self = VIGIL_OVERVIEW_PAGE (widget);
  GApplication *app = g_application_get_default ();

  /* another window's overview takes it over */
  if (self->owns_report_action && G_IS_ACTION_MAP (app))
    g_action_map_remove_action (G_ACTION_MAP (app), "report-incident");
  self->owns_report_action = FALSE;
  GTK_WIDGET_CLASS (vigil_overview_page_parent_class)->unroot (widget);
}

/* Presentation mode --------------------------------------------------------- */

static void
step_view (VigilOverviewPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *view;

  if (!VIGIL_IS_WINDOW (root))
    return;
  view = vigil_window_get_view (VIGIL_WINDOW (root));
  vigil_window_set_view (VIGIL_WINDOW (root),
                         g_strcmp0 (view, "overview") == 0 ? "board" : "overview");
}

static gboolean
cycle_cb (gpointer data)
{
  step_view (data);
  return G_SOURCE_CONTINUE;
}

static gboolean
present_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        VigilOverviewPage     *self)
{
  switch (keyval)
    {
    case GDK_KEY_Escape:
      vigil_overview_page_set_presenting (self, FALSE);
      return GDK_EVENT_STOP;
    case GDK_KEY_Left:
    case GDK_KEY_Right:
    case GDK_KEY_Page_Up:
    case GDK_KEY_Page_Down:
      /* stepping by hand restarts the cycle */
      g_clear_handle_id (&self->cycle_id, g_source_remove);
      step_view (self);
      self->cycle_id = g_timeout_add_seconds (CYCLE_SECONDS, cycle_cb, self);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

gboolean
vigil_overview_page_get_presenting (VigilOverviewPage *self)
{
  g_return_val_if_fail (VIGIL_IS_OVERVIEW_PAGE (self), FALSE);
  return self->presenting;
}

void
vigil_overview_page_set_presenting (VigilOverviewPage *self,
                                    gboolean           presenting)
{
  GtkRoot *root;

  g_return_if_fail (VIGIL_IS_OVERVIEW_PAGE (self));

  presenting = !!presenting;
  if (self->presenting == presenting)
    return;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (presenting && !GTK_IS_WINDOW (root))
    return;

  self->presenting = presenting;
  gtk_widget_set_visible (self->toolbar, !presenting);
  gtk_widget_set_visible (self->toolbar_separator, !presenting);
  if (presenting)
    {
      gtk_widget_add_css_class (GTK_WIDGET (root), "vigil-presentation");
      gtk_window_fullscreen (GTK_WINDOW (root));
      self->present_keys = gtk_event_controller_key_new ();
      gtk_event_controller_set_propagation_phase (self->present_keys, GTK_PHASE_CAPTURE);
      g_signal_connect (self->present_keys, "key-pressed",
                        G_CALLBACK (present_key_pressed_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (root), self->present_keys);
      self->cycle_id = g_timeout_add_seconds (CYCLE_SECONDS, cycle_cb, self);
      if (VIGIL_IS_WINDOW (root))
        {
          vigil_window_set_view (VIGIL_WINDOW (root), "overview");
          vigil_window_show_toast (VIGIL_WINDOW (root),
                                   _("Presentation mode: arrow keys switch between the "
                                     "overview and the board; Escape leaves"));
        }
    }
  else
    {
      g_clear_handle_id (&self->cycle_id, g_source_remove);
      if (GTK_IS_WINDOW (root))
        {
          gtk_widget_remove_css_class (GTK_WIDGET (root), "vigil-presentation");
          gtk_window_unfullscreen (GTK_WINDOW (root));
          if (self->present_keys != NULL)
            gtk_widget_remove_controller (GTK_WIDGET (root), self->present_keys);
        }
      self->present_keys = NULL;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
}

static void
present_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  VigilOverviewPage *self = VIGIL_OVERVIEW_PAGE (widget);
  vigil_overview_page_set_presenting (self, !self->presenting);
}

/* Building ------------------------------------------------------------------ */

static void
build_figures (VigilOverviewPage *self)
{
  static const char * const captions[N_FIGURES] = {
    N_("Incidents detected"), N_("Of those, closed"), N_("Open now"),
    N_("Median time to acknowledge"), N_("Median time to contain"),
    N_("Median time to resolve"), N_("Active countermeasures"),
    N_("Open detection requests"),
  };

  for (guint i = 0; i < N_FIGURES; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *value = gtk_label_new ("—");
      GtkWidget *caption = gtk_label_new (_(captions[i]));
      GtkWidget *detail = gtk_label_new (NULL);

      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "vigil-figure");
      gtk_widget_add_css_class (value, "vigil-figure-value");
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (caption, "heading");
      gtk_widget_add_css_class (detail, "caption");
      gtk_widget_add_css_class (detail, "dim-label");
      for (GtkWidget *l = value; l != NULL; l = l == value ? caption : l == caption ? detail : NULL)
        {
          gtk_label_set_xalign (GTK_LABEL (l), 0);
          gtk_label_set_wrap (GTK_LABEL (l), TRUE);
          gtk_box_append (GTK_BOX (box), l);
        }
      gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      caption, NULL, -1);
      self->figure_values[i] = GTK_LABEL (value);
      self->figure_details[i] = GTK_LABEL (detail);
      gtk_flow_box_append (self->figures, box);
    }
}

static void
build_charts (VigilOverviewPage *self)
{
  for (guint i = 0; i < VIGIL_N_OVERVIEW_CHARTS; i++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *view = vigil_chart_view_new ();

      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "vigil-chart-card");
      gtk_widget_set_hexpand (view, TRUE);
      gtk_box_append (GTK_BOX (card), view);
      g_signal_connect (view, "activated", G_CALLBACK (chart_activated_cb), self);
      self->chart_views[i] = view;
      gtk_flow_box_append (self->charts, card);
    }
}

static void
ensure_css (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) css = NULL;

  if (done || gdk_display_get_default () == NULL)
    return;
  done = TRUE;
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/vigilsoc/Vigil/overview/overview.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
vigil_overview_page_map (GtkWidget *widget)
{
  VigilOverviewPage *self = VIGIL_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (vigil_overview_page_parent_class)->map (widget);
  if (self->dirty)
    vigil_overview_page_refresh (self);
}

VigilStore *
vigil_overview_page_get_store (VigilOverviewPage *self)
{
  g_return_val_if_fail (VIGIL_IS_OVERVIEW_PAGE (self), NULL);
  return self->store;
}

void
vigil_overview_page_set_store (VigilOverviewPage *self,
                               VigilStore        *store)
{
  g_return_if_fail (VIGIL_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (store == NULL || VIGIL_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.export", store != NULL);
  /* a new store is shown at once when the page is on screen (the window
   * hands it over when the page is first shown); changes are debounced */
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    vigil_overview_page_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const VigilMetrics *
vigil_overview_page_get_metrics (VigilOverviewPage *self)
{
  g_return_val_if_fail (VIGIL_IS_OVERVIEW_PAGE (self), NULL);
  return self->metrics;
}

static void
vigil_overview_page_dispose (GObject *object)
{
  VigilOverviewPage *self = VIGIL_OVERVIEW_PAGE (object);

  if (self->presenting)
    vigil_overview_page_set_presenting (self, FALSE);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->cycle_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (vigil_overview_page_parent_class)->dispose (object);
}

static void
vigil_overview_page_finalize (GObject *object)
{
  VigilOverviewPage *self = VIGIL_OVERVIEW_PAGE (object);

  vigil_period_clear (&self->period);
  g_clear_pointer (&self->metrics, vigil_metrics_free);
  G_OBJECT_CLASS (vigil_overview_page_parent_class)->finalize (object);
}

static void
vigil_overview_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VigilOverviewPage *self = VIGIL_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PRESENTING:
      g_value_set_boolean (value, self->presenting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_overview_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VigilOverviewPage *self = VIGIL_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      vigil_overview_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_PRESENTING:
      vigil_overview_page_set_presenting (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_overview_page_class_init (VigilOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_overview_page_dispose;
  object_class->finalize = vigil_overview_page_finalize;
  object_class->get_property = vigil_overview_page_get_property;
  object_class->set_property = vigil_overview_page_set_property;
  widget_class->map = vigil_overview_page_map;
  widget_class->root = vigil_overview_page_root;
  widget_class->unroot = vigil_overview_page_unroot;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VIGIL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/vigilsoc/Vigil/overview/vigil-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilOverviewPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigilOverviewPage, custom_box);
  gtk_widget_class_bind_template_child (widget_class, VigilOverviewPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilOverviewPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilOverviewPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, VigilOverviewPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, VigilOverviewPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, VigilOverviewPage, toolbar_separator);
  gtk_widget_class_bind_template_child (widget_class, VigilOverviewPage, figures);
  gtk_widget_class_bind_template_child (widget_class, VigilOverviewPage, charts);
  gtk_widget_class_bind_template_callback (widget_class, apply_custom_cb);

  gtk_widget_class_install_action (widget_class, "overview.export", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "overview.present", NULL, present_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "overview.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "overview.export", NULL);
}

static void
vigil_overview_page_init (VigilOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_css ();

  build_figures (self);
  build_charts (self);
  vigil_period_init_last_days (&self->period, 30);
  gtk_drop_down_set_selected (self->period_dropdown, PERIOD_30);
  g_signal_connect_object (self->period_dropdown, "notify::selected",
                           G_CALLBACK (period_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.export", FALSE);
  self->dirty = TRUE;
}
