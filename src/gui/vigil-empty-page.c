/* vigil-empty-page.c — a page that has no view yet: what it knows, and a next step
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the records the store already holds for the page's subject, kept
 * current through the store's `changed` signal, and offers the demo
 * organisation while the database is empty.
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "vigil-empty-page.h"

struct _VigilEmptyPage
{
  GtkWidget       parent_instance;

  AdwStatusPage  *status;
  GtkButton      *demo_button;
  GtkLabel       *hint;

  VigilStore     *store;
  char           *subject;   /* board, alerts, organization, inventory, overview */
  char           *description;
  gulong          changed_id;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_SUBJECT,
  PROP_TITLE,
  PROP_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VigilEmptyPage, vigil_empty_page, GTK_TYPE_WIDGET)

#define PL(one, many, n) g_dngettext (GETTEXT_PACKAGE, one, many, (gulong) (n))

static char *
describe (VigilEmptyPage   *self,
          const VigilStats *s)
{
  const char *subject = self->subject ? self->subject : "board";

  if (g_str_equal (subject, "board") || g_str_equal (subject, "overview"))
    {
      gint64 closed = s->by_stage[VIGIL_STAGE_CLOSED];
      gint64 open = s->incidents - closed;
      g_autofree char *total = NULL;
      g_autofree char *stages = NULL;

      if (s->incidents == 0)
        return g_strdup (_("No incidents yet."));
      total = g_strdup_printf (PL ("%" PRId64 " incident", "%" PRId64 " incidents",
                                   s->incidents), s->incidents);
      stages = g_strdup_printf (_("%" PRId64 " in classification, %" PRId64
                                  " in investigation, %" PRId64 " in containment, %"
                                  PRId64 " in resolution"),
                                s->by_stage[0], s->by_stage[1], s->by_stage[2], s->by_stage[3]);
      /* TRANSLATORS: "31 incidents: 18 open (5 in classification, …) and 13 closed." */
      return g_strdup_printf (_("%s: %" PRId64 " open (%s) and %" PRId64
                                " closed."), total, open, stages, closed);
    }
  if (g_str_equal (subject, "alerts"))
    {
      if (s->alerts == 0)
        return g_strdup (_("No alerts yet."));
      return g_strdup_printf (PL ("%" PRId64 " alert group received.",
                                  "%" PRId64 " alert groups received.", s->alerts),
                              s->alerts);
    }
  if (g_str_equal (subject, "organization"))
    {
      g_autofree char *people = NULL;
      g_autofree char *teams = NULL;

      if (s->people == 0)
        return g_strdup (_("Nobody in the organisation yet."));
      people = g_strdup_printf (PL ("%" PRId64 " person", "%" PRId64 " people",
                                    s->people), s->people);
      teams = g_strdup_printf (PL ("%" PRId64 " team", "%" PRId64 " teams",
                                   s->teams), s->teams);
      /* TRANSLATORS: "64 people in 11 teams." */
      return g_strdup_printf (_("%s in %s."), people, teams);
    }
  if (g_str_equal (subject, "inventory"))
    {
      g_autofree char *assets = NULL;
      g_autofree char *docs = NULL;

      if (s->assets == 0 && s->documents == 0)
        return g_strdup (_("No assets or documents yet."));
      assets = g_strdup_printf (PL ("%" PRId64 " asset", "%" PRId64 " assets",
                                    s->assets), s->assets);
      docs = g_strdup_printf (PL ("%" PRId64 " architecture document",
                                  "%" PRId64 " architecture documents", s->documents),
                              s->documents);
      /* TRANSLATORS: "42 assets and 9 architecture documents." */
      return g_strdup_printf (_("%s and %s."), assets, docs);
    }
  g_return_val_if_reached (NULL);
}

static const char *
hint_for (const char *subject)
{
  static const struct { const char *subject; const char *hint; } hints[] = {
    { "board", N_("Incidents are added with “vigilctl incident add”; this page will show them "
                  "as a board of the five steps.") },
    { "alerts", N_("Alerts arrive with “vigilctl alert import”; this page will be the "
                   "triage inbox.") },
    { "organization", N_("People and teams are imported with “vigilctl org import”; this page "
                         "will draw the org chart.") },
    { "inventory", N_("Assets and documents are added with “vigilctl asset import” and "
                      "“vigilctl doc add”; this page will browse them.") },
    { "overview", N_("This page will show response metrics and trends for the CISO.") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (hints); i++)
    if (g_strcmp0 (hints[i].subject, subject) == 0)
      return _(hints[i].hint);
  return "";
}

static void
update (VigilEmptyPage *self)
{
  g_autofree char *markup = NULL;
  VigilStats stats = { 0 };
  gboolean empty;

  if (self->store == NULL || self->subject == NULL)
    return;

  if (!vigil_store_get_stats (self->store, &stats, NULL))
    memset (&stats, 0, sizeof stats);

  g_free (self->description);
  self->description = describe (self, &stats);
  markup = g_markup_escape_text (self->description, -1);
  adw_status_page_set_description (self->status, markup);

  empty = stats.incidents == 0 && stats.people == 0 && stats.assets == 0 && stats.alerts == 0;
  gtk_widget_set_visible (GTK_WIDGET (self->demo_button), empty);
  gtk_label_set_text (self->hint, hint_for (self->subject));
}

static void
store_changed_cb (VigilEmptyPage *self)
{
  update (self);
}

VigilStore *
vigil_empty_page_get_store (VigilEmptyPage *self)
{
  g_return_val_if_fail (VIGIL_IS_EMPTY_PAGE (self), NULL);
  return self->store;
}

void
vigil_empty_page_set_store (VigilEmptyPage *self,
                            VigilStore     *store)
{
  g_return_if_fail (VIGIL_IS_EMPTY_PAGE (self));
  g_return_if_fail (!store || VIGIL_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect_object (store, "changed",
                                                G_CALLBACK (store_changed_cb), self,
                                                G_CONNECT_SWAPPED);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
vigil_empty_page_get_description (VigilEmptyPage *self)
{
  g_return_val_if_fail (VIGIL_IS_EMPTY_PAGE (self), NULL);
  return self->description;
}

static void
vigil_empty_page_dispose (GObject *object)
{
  VigilEmptyPage *self = (VigilEmptyPage *)object;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_EMPTY_PAGE);

  G_OBJECT_CLASS (vigil_empty_page_parent_class)->dispose (object);
}

static void
vigil_empty_page_finalize (GObject *object)
{
  VigilEmptyPage *self = (VigilEmptyPage *)object;

  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (vigil_empty_page_parent_class)->finalize (object);
}

static void
vigil_empty_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VigilEmptyPage *self = VIGIL_EMPTY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_TITLE:
      g_value_set_string (value, adw_status_page_get_title (self->status));
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, adw_status_page_get_icon_name (self->status));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_empty_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VigilEmptyPage *self = VIGIL_EMPTY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      vigil_empty_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_SUBJECT:
      g_free (self->subject);
      self->subject = g_value_dup_string (value);
      update (self);
      break;
    case PROP_TITLE:
      adw_status_page_set_title (self->status, g_value_get_string (value));
      break;
    case PROP_ICON_NAME:
      adw_status_page_set_icon_name (self->status, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_empty_page_class_init (VigilEmptyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_empty_page_dispose;
  object_class->finalize = vigil_empty_page_finalize;
  object_class->get_property = vigil_empty_page_get_property;
  object_class->set_property = vigil_empty_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VIGIL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_READABLE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/vigil-empty-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilEmptyPage, status);
  gtk_widget_class_bind_template_child (widget_class, VigilEmptyPage, demo_button);
  gtk_widget_class_bind_template_child (widget_class, VigilEmptyPage, hint);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vigil_empty_page_init (VigilEmptyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
