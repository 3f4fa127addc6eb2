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

#include "vigil-incident-window-private.h"

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

enum {
  PROP_0,
  PROP_STORE,
  PROP_INCIDENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GHashTable *open_windows;  /* incident id → window */

G_DEFINE_FINAL_TYPE (VigilIncidentWindow, vigil_incident_window, ADW_TYPE_WINDOW)

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

  if (incident == NULL && g_error_matches (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND))
    {
      /* deleted elsewhere: nothing left to show */
      gtk_window_destroy (GTK_WINDOW (self));
      return FALSE;
    }
  if (incident == NULL)
    {
      /* the database could not be read just now (busy, I/O): the analyst
       * keeps what is on screen and is told why it was not refreshed */
      if (self->incident != NULL)
        vigil_incident_show_error (self, error);
      return FALSE;
    }
  g_set_object (&self->incident, incident);
  g_object_unref (incident);
  update_header (self);
  return TRUE;
}

/* A section's scroller is made when the section is first built: the stack
 * measures every page, and five empty boxes cost less than five scrollers.
 * The Timeline scrolls its own list view (rows made only for the entries on
 * screen), so its page has no scroller of its own. */
static GtkBox *
section_content (VigilIncidentWindow *self,
                 Section              section)
{
  GtkWidget *scroller, *clamp, *box;

  if (self->content[section] != NULL)
    return self->content[section];
  clamp = adw_clamp_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  if (section == SECTION_TIMELINE)
    {
      gtk_widget_set_vexpand (clamp, TRUE);
      gtk_box_append (self->page[section], clamp);
    }
  else
    {
      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
      gtk_widget_set_vexpand (scroller, TRUE);
      gtk_box_append (self->page[section], scroller);
    }
  self->content[section] = GTK_BOX (box);
  return self->content[section];
}

void
vigil_incident_window_build_section (VigilIncidentWindow *self,
               Section              section)
{
  GtkBox *box = section_content (self, section);
  gint64 t0 = g_get_monotonic_time ();

  vigil_incident_clear_box (box);
  switch (section)
    {
    case SECTION_SUMMARY:
      vigil_incident_build_summary (self, box);
      break;
    case SECTION_ACTIONS:
      vigil_incident_build_actions (self, box);
      break;
    case SECTION_CONTACTS:
      vigil_incident_build_contacts (self, box);
      break;
    case SECTION_OBSERVABLES:
      vigil_incident_build_observables (self, box);
      break;
    case SECTION_ASSETS:
      vigil_incident_build_assets (self, box);
      break;
    case SECTION_TIMELINE:
      vigil_incident_build_timeline (self, box);
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
    vigil_incident_window_build_section (self, s);
}

static void
refresh_now (VigilIncidentWindow *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (!reload_incident (self))
    return;
  for (int s = 0; s < N_SECTIONS; s++)
    self->built[s] = FALSE;
  vigil_incident_window_build_section (self, visible_section (self));
}

static gboolean
refresh_idle_cb (gpointer data)
{
  VigilIncidentWindow *self = data;

  self->refresh_id = 0;
  refresh_now (self);
  return G_SOURCE_REMOVE;
}

void
vigil_incident_window_queue_refresh (VigilIncidentWindow *self)
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
  vigil_incident_window_queue_refresh (self);
}

/* Public ------------------------------------------------------------------- */

VigilIncidentWindow *
vigil_incident_window_open (GtkWindow  *parent,
                            VigilStore *store,
                            gint64      incident_id)
{
  VigilIncidentWindow *self;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  /* One window per incident of this database: another database (another
   * window of the application, or a test) may use the same ids. */
  if (open_windows != NULL &&
      (self = g_hash_table_lookup (open_windows, &incident_id)) != NULL &&
      self->store == store)
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
      vigil_incident_window_build_section (self, s);
  if (!self->summary_tail)
    vigil_incident_build_summary_tail (self, self->content[SECTION_SUMMARY]);
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
    vigil_incident_build_summary_tail (self, self->content[SECTION_SUMMARY]);
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
  vigil_incident_window_build_section (self, SECTION_SUMMARY);
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
  /* tearing the template down changes the stack's visible page and the
   * header's title visibility: no section is built, no bar bound, then */
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  if (self->switcher_title != NULL)
    g_signal_handlers_disconnect_by_data (self->switcher_title, self);
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

  vigil_incident_window_install_actions (widget_class);

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
