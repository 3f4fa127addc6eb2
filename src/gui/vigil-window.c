/* vigil-window.c — Vigil's main window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view stack of the five pages (board, alerts, organization, inventory,
 * overview) under one header bar, with a toast overlay for feedback.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "vigil-record-windows.h"
#include "vigil-store-playbooks.h"
#include "vigil-window.h"

struct _VigilWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toasts;
  AdwViewStack         *stack;

  VigilStore           *store;
  GSettings            *settings;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VigilWindow, vigil_window, ADW_TYPE_APPLICATION_WINDOW)

static void attach_store (VigilWindow *self,
                          GtkWidget   *page);

static const char * const view_names[] = {
  "board", "alerts", "organization", "inventory", "overview", NULL
};

gboolean
vigil_window_is_view_name (const char *name)
{
  return name != NULL && g_strv_contains (view_names, name);
}

VigilStore *
vigil_window_get_store (VigilWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_WINDOW (self), NULL);
  return self->store;
}

const char *
vigil_window_get_view (VigilWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

void
vigil_window_set_view (VigilWindow *self,
                       const char  *name)
{
  g_return_if_fail (VIGIL_IS_WINDOW (self));
  g_return_if_fail (vigil_window_is_view_name (name));

  adw_view_stack_set_visible_child_name (self->stack, name);
}

GtkWidget *
vigil_window_get_page (VigilWindow *self,
                       const char  *name)
{
  GtkWidget *page;

  g_return_val_if_fail (VIGIL_IS_WINDOW (self), NULL);

  page = adw_view_stack_get_child_by_name (self->stack, name);
  attach_store (self, page);
  return page;
}

void
vigil_window_show_toast (VigilWindow *self,
                         const char  *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (VIGIL_IS_WINDOW (self));

  /* toast titles are markup */
  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (escaped));
}

void
vigil_window_show_error (VigilWindow  *self,
                         const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (VIGIL_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Something Went Wrong"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
vigil_window_toast_from (GtkWidget  *widget,
                         const char *message)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  if (VIGIL_IS_WINDOW (root))
    vigil_window_show_toast (VIGIL_WINDOW (root), message);
}

void
vigil_window_error_from (GtkWidget    *widget,
                         const GError *error)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  root = gtk_widget_get_root (widget);
  if (VIGIL_IS_WINDOW (root))
    vigil_window_show_error (VIGIL_WINDOW (root), error);
  else
    g_message ("%s", error->message);
}

static void
view_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  vigil_window_set_view (VIGIL_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* Every page works on the window's store, but a page only gets it (and so
 * only reads its data) when it is first shown or asked for: with 100,000
 * incidents, the pages nobody looked at must not delay the first frame. */
static void
attach_store (VigilWindow *self,
              GtkWidget   *page)
{
  g_autoptr(VigilStore) current = NULL;

  if (page == NULL || self->store == NULL ||
      !g_object_class_find_property (G_OBJECT_GET_CLASS (page), "store"))
    return;
  g_object_get (page, "store", &current, NULL);
  if (current == NULL)
    g_object_set (page, "store", self->store, NULL);
}

static void
visible_child_changed_cb (VigilWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  attach_store (self, adw_view_stack_get_visible_child (self->stack));

  if (self->settings != NULL && vigil_window_is_view_name (name))
    g_settings_set_string (self->settings, "last-view", name);
}

/* Start-up benchmark ---------------------------------------------------- */

static long
resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

static void
after_paint_cb (GdkFrameClock *clock,
                VigilWindow   *self)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
  g_print ("first-frame rss-kb=%ld\n", resident_kb ());
  fflush (stdout);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
realized_for_bench_cb (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), widget);
}

void
vigil_window_report_first_frame (VigilWindow *self)
{
  g_return_if_fail (VIGIL_IS_WINDOW (self));
  g_signal_connect (self, "realize", G_CALLBACK (realized_for_bench_cb), NULL);
}

/* GObject --------------------------------------------------------------- */

static void
vigil_window_constructed (GObject *object)
{
  VigilWindow *self = VIGIL_WINDOW (object);

  G_OBJECT_CLASS (vigil_window_parent_class)->constructed (object);

  /* playbooks pre-fill actions from the moment incidents are created */
  if (self->store != NULL)
    vigil_store_ensure_playbooks (self->store, NULL);

  if (self->settings != NULL)
    {
      g_autofree char *view = g_settings_get_string (self->settings, "last-view");

      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      if (vigil_window_is_view_name (view))
        vigil_window_set_view (self, view);
    }

  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (visible_child_changed_cb), self, G_CONNECT_SWAPPED);
  attach_store (self, adw_view_stack_get_visible_child (self->stack));
}

static gboolean
vigil_window_close_request (GtkWindow *window)
{
  VigilWindow *self = VIGIL_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (vigil_window_parent_class)->close_request (window);
}

static void
vigil_window_dispose (GObject *object)
{
  VigilWindow *self = (VigilWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vigil_window_parent_class)->dispose (object);
}

static void
vigil_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VigilWindow *self = VIGIL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  VigilWindow *self = VIGIL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_window_class_init (VigilWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const struct { guint key; const char *view; } view_keys[] = {
    { GDK_KEY_1, "board" }, { GDK_KEY_2, "alerts" }, { GDK_KEY_3, "organization" },
    { GDK_KEY_4, "inventory" }, { GDK_KEY_5, "overview" },
  };

  object_class->constructed = vigil_window_constructed;
  object_class->dispose = vigil_window_dispose;
  object_class->get_property = vigil_window_get_property;
  object_class->set_property = vigil_window_set_property;
  window_class->close_request = vigil_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VIGIL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/vigil-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, stack);

  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action_cb);
  /* the incident record: win.open-incident, win.followups, win.detection-requests, win.playbooks */
  vigil_record_install_window_actions (widget_class);
  for (guint i = 0; i < G_N_ELEMENTS (view_keys); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, view_keys[i].key, GDK_CONTROL_MASK,
                                           "win.view", "s", view_keys[i].view);
      gtk_widget_class_add_binding_action (widget_class, view_keys[i].key, GDK_ALT_MASK,
                                           "win.view", "s", view_keys[i].view);
    }
}

static void
vigil_window_init (VigilWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
