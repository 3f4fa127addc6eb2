/* vigil-application.c — the Vigil application
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns the store and the settings, handles --db and --view, and shows a
 * dialog (never a crash) when the database cannot be opened.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vigil-application.h"
#include "vigil-gui.h"
#include "vigil-store-demo.h"
#include "vigil-window.h"

struct _VigilApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  VigilStore     *store;
  char           *db_path;
  char           *view;
  gboolean        bench_first_frame;
};

G_DEFINE_FINAL_TYPE (VigilApplication, vigil_application, ADW_TYPE_APPLICATION)

VigilApplication *
vigil_application_new (void)
{
  return g_object_new (VIGIL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       /* each invocation owns its database: no single instance */
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

VigilStore *
vigil_application_get_store (VigilApplication *self)
{
  g_return_val_if_fail (VIGIL_IS_APPLICATION (self), NULL);
  return self->store;
}

GSettings *
vigil_application_get_settings (VigilApplication *self)
{
  g_return_val_if_fail (VIGIL_IS_APPLICATION (self), NULL);
  return self->settings;
}

static void
apply_color_scheme (VigilApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  int i = g_settings_get_enum (self->settings, "color-scheme");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[CLAMP (i, 0, 2)]);
}

static void
color_scheme_changed_cb (VigilApplication *self)
{
  apply_color_scheme (self);
}

static void
error_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   VigilApplication *self)
{
  g_application_release (G_APPLICATION (self));
}

static void
show_open_error (VigilApplication *self,
                 const GError     *error)
{
  GtkWidget *dialog;
  const char *heading;

  switch (error->code)
    {
    case VIGIL_ERROR_NEWER_SCHEMA:
      heading = _("Database From a Newer Vigil");
      break;
    case VIGIL_ERROR_LOCKED:
      heading = _("Database in Use");
      break;
    case VIGIL_ERROR_CORRUPT:
      heading = _("Not a Vigil Database");
      break;
    default:
      heading = _("Cannot Open the Database");
    }

  dialog = adw_message_dialog_new (NULL, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (error_response_cb), self);
  /* keep the application alive until the dialog is answered */
  g_application_hold (G_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
vigil_application_activate (GApplication *app)
{
  VigilApplication *self = VIGIL_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *analyst = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL)
    {
      self->store = vigil_store_open (self->db_path, VIGIL_STORE_OPEN_CREATE, &error);
      if (self->store == NULL)
        {
          show_open_error (self, error);
          return;
        }
      analyst = g_settings_get_string (self->settings, "analyst-email");
      if (analyst != NULL && *analyst != '\0')
        vigil_store_set_actor (self->store, analyst);
      vigil_store_set_watch (self->store, TRUE);
    }

  window = g_object_new (VIGIL_TYPE_WINDOW,
                         "application", app,
                         "store", self->store,
                         "settings", self->settings,
                         NULL);
  if (self->view != NULL)
    vigil_window_set_view (VIGIL_WINDOW (window), self->view);
  if (self->bench_first_frame)
    vigil_window_report_first_frame (VIGIL_WINDOW (window));
  gtk_window_present (window);
}

static int
vigil_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  VigilApplication *self = VIGIL_APPLICATION (app);
  const char *view = NULL;
  const char *db = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("vigil %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    {
      g_free (self->db_path);
      self->db_path = g_strdup (db);
    }
  if (g_variant_dict_lookup (options, "view", "&s", &view))
    {
      if (!vigil_window_is_view_name (view))
        {
          g_printerr (_("vigil: unknown view “%s”; expected board, alerts, organization, "
                        "inventory or overview\n"), view);
          return 2;
        }
      g_free (self->view);
      self->view = g_strdup (view);
    }
  return -1;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  VigilApplication *self = VIGIL_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Vigil developers", NULL };

  adw_show_about_window (parent,
                         "application-name", "Vigil",
                         "application-icon", APP_ID,
                         "developer-name", "The Vigil developers",
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/vigilsoc/vigil",
                         "issue-url", "https://github.com/vigilsoc/vigil/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         "comments", _("Run your security incidents on the desktop: the five "
                                       "steps of incident response on one board, joined with "
                                       "the organisation chart, the asset inventory and the "
                                       "architecture documents."),
                         NULL);
}

static void
load_demo_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  VigilApplication *self = VIGIL_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store == NULL)
    return;
  if (!vigil_store_load_demo (self->store, 0, &error))
    {
      if (VIGIL_IS_WINDOW (window))
        vigil_window_show_error (VIGIL_WINDOW (window), error);
      return;
    }
  if (VIGIL_IS_WINDOW (window))
    vigil_window_show_toast (VIGIL_WINDOW (window), _("Demo organisation loaded"));
}

static void
vigil_application_startup (GApplication *app)
{
  VigilApplication *self = VIGIL_APPLICATION (app);
  g_autoptr(GAction) scheme = NULL;
  static const GActionEntry entries[] = {
    { "quit", quit_activated },
    { "about", about_activated },
    { "load-demo", load_demo_activated },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (vigil_application_parent_class)->startup (app);

  vigil_gui_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);

  scheme = g_settings_create_action (self->settings, "color-scheme");
  g_action_map_add_action (G_ACTION_MAP (app), scheme);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);
}

static void
vigil_application_shutdown (GApplication *app)
{
  VigilApplication *self = VIGIL_APPLICATION (app);

  if (self->store != NULL)
    vigil_store_set_watch (self->store, FALSE);

  G_APPLICATION_CLASS (vigil_application_parent_class)->shutdown (app);
}

static void
vigil_application_finalize (GObject *object)
{
  VigilApplication *self = (VigilApplication *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->view, g_free);

  G_OBJECT_CLASS (vigil_application_parent_class)->finalize (object);
}

static void
vigil_application_class_init (VigilApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = vigil_application_finalize;
  app_class->activate = vigil_application_activate;
  app_class->startup = vigil_application_startup;
  app_class->shutdown = vigil_application_shutdown;
  app_class->handle_local_options = vigil_application_handle_local_options;
}

static void
vigil_application_init (VigilApplication *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The database to open (default: ~/.local/share/vigil/vigil.db)"), N_("PATH") },
    { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Open on a page: board, alerts, organization, inventory or overview"), N_("NAME") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  self->settings = vigil_gui_settings_new ();
  self->bench_first_frame = g_getenv ("VIGIL_BENCH_FIRST_FRAME") != NULL;
}
