/* vigil-cli-record.c — vigilctl commands for the incident record: tasks, countermeasures, contacts, observables, notes, timeline, follow-ups, detection requests
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every write goes through one store call, which is one transaction: a
 * refused value leaves the database untouched and exits with status 1.
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "vigil-cli-private.h"
#include "vigil-store-detection.h"
#include "vigil-store-playbooks.h"
#include "vigil-store-records.h"

/* Helpers --------------------------------------------------------------- */

/* Opens the store and finds the incident named by `ref`; 0 on failure
 * (already reported, *status set). */
static gint64
open_incident (VigilCli   *cli,
               const char *ref,
               int        *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilIncident) incident = NULL;

  if (vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT) == NULL)
    {
      *status = VIGIL_EXIT_FAILED;
      return 0;
    }
  /* playbooks must exist before anything classifies an incident */
  vigil_store_ensure_playbooks (cli->store, NULL);
  incident = vigil_store_find_incident (cli->store, ref, &error);
  if (incident == NULL)
    {
      *status = vigil_cli_fail (cli, error);
      return 0;
    }
  return vigil_incident_get_id (incident);
}

static gboolean
parse_id (const char *text,
          gint64     *out)
{
  char *end = NULL;
  gint64 v;

  if (text == NULL)
    return FALSE;
  if (g_ascii_strncasecmp (text, "T", 1) == 0 || g_ascii_strncasecmp (text, "C", 1) == 0)
    text++;  /* "T12" / "C3", as printed by the lists */
  v = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || v <= 0)
    return FALSE;
  *out = v;
  return TRUE;
}

/* Checks the action belongs to the incident. */
static gboolean
action_of_incident (VigilCli   *cli,
                    gint64      incident_id,
                    gint64      action_id,
                    const char *kind,
                    const char *ref,
                    int        *status)
{
  g_autoptr(GError) error = NULL;
  VigilAction *a = vigil_store_get_action (cli->store, action_id, &error);
  gboolean ok;

  if (a == NULL)
    {
      *status = vigil_cli_fail (cli, error);
      return FALSE;
    }
  ok = a->incident_id == incident_id && g_str_equal (a->kind, kind);
  vigil_action_free (a);
  if (!ok)
    {
      g_set_error (&error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   g_str_equal (kind, "task") ? _("%s has no task %" PRId64)
                                              : _("%s has no countermeasure %" PRId64),
                   ref, action_id);
      *status = vigil_cli_fail (cli, error);
    }
  return ok;
}

/* incident task / countermeasure ---------------------------------------- */

static int
add_action (VigilCli   *cli,
            int         argc,
            char      **argv,
            gboolean    countermeasure)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL, *team = NULL, *owner = NULL, *due = NULL, *stage = NULL;
  g_autofree char *description = NULL, *type = NULL, *where = NULL, *by = NULL;
  VigilActionSpec spec = { 0 };
  gint64 incident_id, id;
  int status;
  const GOptionEntry task_entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("What is to be done"), "TEXT" },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("The owner team (its name)"), "TEAM" },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("The owner (a person's e-mail)"), "EMAIL" },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("Due time (ISO 8601)"), "ISO" },
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage, N_("The step it belongs to"), "STAGE" },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("Details"), "TEXT" },
    { NULL }
  };
  const GOptionEntry cm_entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("What the countermeasure is"), "TEXT" },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type,
      N_("block, isolation, password-reset, monitoring or other"), "TYPE" },
    { "where", 0, 0, G_OPTION_ARG_STRING, &where, N_("Where it is applied"), "TEXT" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who applies it"), "TEXT" },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("The owner team (its name)"), "TEAM" },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("The owner (a person's e-mail)"), "EMAIL" },
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage, N_("The step it belongs to"), "STAGE" },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("Details"), "TEXT" },
    { NULL }
  };

  if (!vigil_cli_parse (cli, "REF", countermeasure ? cm_entries : task_entries, &argc, &argv,
                        &status))
    return status;
  if (argc != 2)
    return vigil_cli_usage_error (cli, _("expected one incident reference (INC-YYYY-NNNN)"));
  if (title == NULL)
    return vigil_cli_usage_error (cli, _("--title is required"));
  if ((incident_id = open_incident (cli, argv[1], &status)) == 0)
    return status;

  spec.kind = countermeasure ? "countermeasure" : "task";
  spec.title = title;
  spec.owner_team = team;
  spec.owner_email = owner;
  spec.due_at = due;
  spec.stage = stage;
  spec.description = description;
  spec.cm_type = type;
  spec.applied_to = where;
  spec.applied_by = by;
  id = vigil_store_add_action (cli->store, incident_id, &spec, &error);
  if (id < 0)
    return vigil_cli_fail (cli, error);
  g_print ("%" PRId64 "\n", id);
  return VIGIL_EXIT_OK;
}

static int
set_action (VigilCli   *cli,
            int         argc,
            char      **argv,
            gboolean    countermeasure)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *new_status = NULL, *title = NULL, *team = NULL, *owner = NULL, *due = NULL;
  g_autofree char *where = NULL, *by = NULL;
  VigilActionSpec spec = { 0 };
  gint64 incident_id, action_id;
  int status;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &new_status,
      countermeasure ? N_("pending, active or removed (one step at a time)")
                     : N_("todo, in-progress, done or cancelled"), "STATUS" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("A new title"), "TEXT" },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("A new owner team"), "TEAM" },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("A new owner (e-mail)"), "EMAIL" },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("A new due time"), "ISO" },
    { "where", 0, 0, G_OPTION_ARG_STRING, &where, N_("Where it is applied"), "TEXT" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who applied it"), "TEXT" },
    { NULL }
  };

  if (!vigil_cli_parse (cli, countermeasure ? "REF CM-ID" : "REF TASK-ID", entries, &argc,
                        &argv, &status))
    return status;
  if (argc != 3)
    return vigil_cli_usage_error (cli, _("expected an incident reference and an id"));
  if (!parse_id (argv[2], &action_id))
    return vigil_cli_usage_error (cli, _("“%s” is not an id"), argv[2]);
  if (new_status == NULL && title == NULL && team == NULL && owner == NULL && due == NULL &&
      where == NULL && by == NULL)
    return vigil_cli_usage_error (cli, _("nothing to change: give --status or another option"));
  if (!countermeasure && (where || by))
    return vigil_cli_usage_error (cli, _("--where and --by are for countermeasures"));
  if ((incident_id = open_incident (cli, argv[1], &status)) == 0)
    return status;
  if (!action_of_incident (cli, incident_id, action_id,
                           countermeasure ? "countermeasure" : "task", argv[1], &status))
    return status;

  /* both changes or neither */
  if (!vigil_store_begin (cli->store, &error))
    return vigil_cli_fail (cli, error);
  spec.title = title;
  spec.owner_team = team;
  spec.owner_email = owner;
  spec.due_at = due;
  spec.applied_to = where;
  spec.applied_by = by;
  if ((title || team || owner || due || where || by) &&
      !vigil_store_update_action (cli->store, action_id, &spec, &error))
    {
      vigil_store_rollback (cli->store);
      return vigil_cli_fail (cli, error);
    }
  if (new_status != NULL &&
      !vigil_store_set_action_status (cli->store, action_id, new_status, &error))
    {
      vigil_store_rollback (cli->store);
      return vigil_cli_fail (cli, error);
    }
  if (!vigil_store_commit (cli->store, &error))
    return vigil_cli_fail (cli, error);
  return VIGIL_EXIT_OK;
}

static int
list_actions (VigilCli   *cli,
              int         argc,
              char      **argv,
              const char *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  gboolean json = FALSE;
  gint64 incident_id;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, "REF", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return vigil_cli_usage_error (cli, _("expected one incident reference (INC-YYYY-NNNN)"));
  if ((incident_id = open_incident (cli, argv[1], &status)) == 0)
    return status;
  actions = vigil_store_list_actions (cli->store, incident_id, kind, &error);
  if (actions == NULL)
    return vigil_cli_fail (cli, error);

  if (!json)
    {
      for (guint i = 0; i < actions->len; i++)
        {
          VigilAction *a = g_ptr_array_index (actions, i);
          g_print ("%-5" PRId64 " %-12s %-14s %-20s %s\n", a->id, a->status,
                   a->stage ? a->stage : "-", a->owner_team_name ? a->owner_team_name : "-",
                   a->title);
        }
      return VIGIL_EXIT_OK;
    }
  b = json_builder_new ();
  json_builder_begin_array (b);
  for (guint i = 0; i < actions->len; i++)
    {
      VigilAction *a = g_ptr_array_index (actions, i);

      json_builder_begin_object (b);
      vigil_cli_json_id (b, "id", a->id);
      vigil_cli_json_string (b, "kind", a->kind);
      vigil_cli_json_string (b, "title", a->title);
      vigil_cli_json_string (b, "status", a->status);
      vigil_cli_json_string (b, "stage", a->stage);
      vigil_cli_json_string (b, "team", a->owner_team_name);
      vigil_cli_json_string (b, "owner", a->owner_email);
      vigil_cli_json_string (b, "due", a->due_at);
      if (g_str_equal (a->kind, "countermeasure"))
        {
          vigil_cli_json_string (b, "type", a->cm_type);
          vigil_cli_json_string (b, "where", a->applied_to);
          vigil_cli_json_string (b, "by", a->applied_by);
        }
      vigil_cli_json_string (b, "playbook", a->playbook);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  vigil_cli_print_builder (b);
  return VIGIL_EXIT_OK;
}

static int
cmd_task_add (VigilCli *cli, int argc, char **argv)
{
  return add_action (cli, argc, argv, FALSE);
}

static int
cmd_task_set (VigilCli *cli, int argc, char **argv)
{
  return set_action (cli, argc, argv, FALSE);
}

static int
cmd_task_list (VigilCli *cli, int argc, char **argv)
{
  return list_actions (cli, argc, argv, "task");
}

static int
cmd_cm_add (VigilCli *cli, int argc, char **argv)
{
  return add_action (cli, argc, argv, TRUE);
}

static int
cmd_cm_set (VigilCli *cli, int argc, char **argv)
{
  return set_action (cli, argc, argv, TRUE);
}

static int
cmd_cm_list (VigilCli *cli, int argc, char **argv)
{
  return list_actions (cli, argc, argv, "countermeasure");
}

/* incident contact ------------------------------------------------------ */

static int
cmd_contact_add (VigilCli  *cli,
                 int        argc,
                 char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *with = NULL, *channel = NULL, *summary = NULL, *follow = NULL, *at = NULL;
  gboolean inbound = FALSE;
  VigilContactSpec spec = { 0 };
  gint64 incident_id, id;
  int status;
  const GOptionEntry entries[] = {
    { "with", 0, 0, G_OPTION_ARG_STRING, &with,
      N_("Who was contacted: a person's e-mail or a team's name"), "EMAIL|TEAM" },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel,
      N_("phone, email, chat, meeting or other"), "CHANNEL" },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &summary, N_("What was said"), "TEXT" },
    { "follow-up", 0, 0, G_OPTION_ARG_STRING, &follow, N_("Contact again by (ISO 8601)"), "ISO" },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("When (default: now)"), "ISO" },
    { "inbound", 0, 0, G_OPTION_ARG_NONE, &inbound, N_("They contacted us"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, "REF", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return vigil_cli_usage_error (cli, _("expected one incident reference (INC-YYYY-NNNN)"));
  if (with == NULL || channel == NULL || summary == NULL)
    return vigil_cli_usage_error (cli, _("--with, --channel and --summary are required"));
  if ((incident_id = open_incident (cli, argv[1], &status)) == 0)
    return status;

  if (strchr (with, '@') != NULL)
    spec.person_email = with;
  else
    spec.team = with;
  spec.channel = channel;
  spec.summary = summary;
  spec.follow_up_at = follow;
  spec.at = at;
  spec.direction = inbound ? "inbound" : "outbound";
  id = vigil_store_add_contact (cli->store, incident_id, &spec, &error);
  if (id < 0)
    return vigil_cli_fail (cli, error);
  g_print ("%" PRId64 "\n", id);
  return VIGIL_EXIT_OK;
}

static void
build_contact (JsonBuilder  *b,
               VigilContact *c)
{
  g_autofree char *with = NULL;

  with = c->person_email ? g_strdup (c->person_email)
         : g_strdup (c->team_name ? c->team_name : c->person_name);
  json_builder_begin_object (b);
  vigil_cli_json_id (b, "id", c->id);
  vigil_cli_json_string (b, "incident", c->incident_ref);
  vigil_cli_json_string (b, "with", with);
  vigil_cli_json_string (b, "name", c->person_name ? c->person_name : c->team_name);
  vigil_cli_json_string (b, "team", c->team_name);
  vigil_cli_json_string (b, "channel", c->channel);
  vigil_cli_json_string (b, "direction", c->direction);
  vigil_cli_json_string (b, "at", c->at);
  vigil_cli_json_string (b, "summary", c->summary);
  vigil_cli_json_string (b, "due", c->follow_up_at);
  json_builder_set_member_name (b, "overdue");
  json_builder_add_boolean_value (b, c->overdue);
  json_builder_set_member_name (b, "done");
  json_builder_add_boolean_value (b, c->follow_up_done);
  json_builder_end_object (b);
}

static int
cmd_contact_list (VigilCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  gint64 incident_id;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, "REF", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return vigil_cli_usage_error (cli, _("expected one incident reference (INC-YYYY-NNNN)"));
  if ((incident_id = open_incident (cli, argv[1], &status)) == 0)
    return status;
  contacts = vigil_store_list_contacts (cli->store, incident_id, &error);
  if (contacts == NULL)
    return vigil_cli_fail (cli, error);
  if (!json)
    {
      for (guint i = 0; i < contacts->len; i++)
        {
          VigilContact *c = g_ptr_array_index (contacts, i);
          g_print ("%s  %-8s %-24s %s\n", c->at, c->channel,
                   c->person_name ? c->person_name : c->team_name, c->summary);
        }
      return VIGIL_EXIT_OK;
    }
  json_builder_begin_array (b);
  for (guint i = 0; i < contacts->len; i++)
    build_contact (b, g_ptr_array_index (contacts, i));
  json_builder_end_array (b);
  vigil_cli_print_builder (b);
  return VIGIL_EXIT_OK;
}

static int
cmd_followups (VigilCli  *cli,
               int        argc,
               char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  gboolean json = FALSE, overdue = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("Only the overdue ones"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigil_cli_usage_error (cli, _("unexpected argument “%s”"), argv[1]);
  if (vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT) == NULL)
    return VIGIL_EXIT_FAILED;
  followups = vigil_store_list_followups (cli->store, overdue, &error);
  if (followups == NULL)
    return vigil_cli_fail (cli, error);
  if (!json)
    {
      for (guint i = 0; i < followups->len; i++)
        {
          VigilContact *c = g_ptr_array_index (followups, i);
          g_print ("%s%s  %-15s %s\n", c->follow_up_at, c->overdue ? _(" (overdue)") : "",
                   c->incident_ref, c->person_name ? c->person_name : c->team_name);
        }
      return VIGIL_EXIT_OK;
    }
  json_builder_begin_array (b);
  for (guint i = 0; i < followups->len; i++)
    build_contact (b, g_ptr_array_index (followups, i));
  json_builder_end_array (b);
  vigil_cli_print_builder (b);
  return VIGIL_EXIT_OK;
}

/* incident observable --------------------------------------------------- */

static int
cmd_observable_add (VigilCli  *cli,
                    int        argc,
                    char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *type = NULL, *value = NULL, *tlp = NULL, *note = NULL;
  gboolean ioc = FALSE;
  gint64 incident_id, id;
  int status;
  const GOptionEntry entries[] = {
    { "type", 0, 0, G_OPTION_ARG_STRING, &type,
      N_("ip, domain, url, md5, sha1, sha256, email, account, hostname, filename, registry, "
         "other"), "TYPE" },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value, N_("The value"), "VALUE" },
    { "ioc", 0, 0, G_OPTION_ARG_NONE, &ioc, N_("Mark it as an indicator of compromise"), NULL },
    { "tlp", 0, 0, G_OPTION_ARG_STRING, &tlp, N_("TLP (default: the incident's)"), "TLP" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note"), "TEXT" },
    { NULL }
  };

  if (!vigil_cli_parse (cli, "REF", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return vigil_cli_usage_error (cli, _("expected one incident reference (INC-YYYY-NNNN)"));
  if (type == NULL || value == NULL)
    return vigil_cli_usage_error (cli, _("--type and --value are required"));
  if ((incident_id = open_incident (cli, argv[1], &status)) == 0)
    return status;
  id = vigil_store_add_observable (cli->store, incident_id, type, value, ioc, tlp, note, &error);
  if (id < 0)
    return vigil_cli_fail (cli, error);
  g_print ("%" PRId64 "\n", id);
  return VIGIL_EXIT_OK;
}

static int
cmd_observable_list (VigilCli  *cli,
                     int        argc,
                     char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) observables = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  gboolean json = FALSE;
  gint64 incident_id;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, "REF", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return vigil_cli_usage_error (cli, _("expected one incident reference (INC-YYYY-NNNN)"));
  if ((incident_id = open_incident (cli, argv[1], &status)) == 0)
    return status;
  observables = vigil_store_list_observables (cli->store, incident_id, &error);
  if (observables == NULL)
    return vigil_cli_fail (cli, error);
  if (json)
    json_builder_begin_array (b);
  for (guint i = 0; i < observables->len; i++)
    {
      VigilObservable *o = g_ptr_array_index (observables, i);
      g_autoptr(GPtrArray) shared = vigil_store_find_shared (cli->store, o->type, o->value,
                                                             incident_id, NULL);

      if (!json)
        {
          g_print ("%-9s %s%s", o->type, o->value, o->ioc ? " [IOC]" : "");
          for (guint j = 0; shared && j < shared->len; j++)
            g_print ("%s%s", j ? ", " : _("  also in: "),
                     ((VigilSharedRef *) g_ptr_array_index (shared, j))->ref);
          g_print ("\n");
          continue;
        }
      json_builder_begin_object (b);
      vigil_cli_json_id (b, "id", o->id);
      vigil_cli_json_string (b, "type", o->type);
      vigil_cli_json_string (b, "value", o->value);
      json_builder_set_member_name (b, "ioc");
      json_builder_add_boolean_value (b, o->ioc);
      vigil_cli_json_string (b, "tlp", o->tlp);
      vigil_cli_json_string (b, "note", o->note);
      json_builder_set_member_name (b, "shared");
      json_builder_begin_array (b);
      for (guint j = 0; shared && j < shared->len; j++)
        {
          VigilSharedRef *r = g_ptr_array_index (shared, j);
          json_builder_begin_object (b);
          vigil_cli_json_string (b, "kind", r->incident_id ? "incident" : "alert");
          vigil_cli_json_string (b, "ref", r->ref);
          vigil_cli_json_string (b, "title", r->title);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  if (json)
    {
      json_builder_end_array (b);
      vigil_cli_print_builder (b);
    }
  return VIGIL_EXIT_OK;
}

/* incident asset -------------------------------------------------------- */

static int
cmd_asset_add (VigilCli  *cli,
               int        argc,
               char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *asset = NULL, *compromise = NULL, *note = NULL;
  gint64 incident_id, asset_id;
  gboolean exists;
  int status;
  const GOptionEntry entries[] = {
    { "asset", 0, 0, G_OPTION_ARG_STRING, &asset, N_("The asset (name, host name or address)"),
      "ASSET" },
    { "status", 0, 0, G_OPTION_ARG_STRING, &compromise,
      N_("tbd, compromised, not-compromised or unknown"), "STATUS" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note"), "TEXT" },
    { NULL }
  };

  if (!vigil_cli_parse (cli, "REF", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || asset == NULL)
    return vigil_cli_usage_error (cli, _("expected an incident reference and --asset"));
  if ((incident_id = open_incident (cli, argv[1], &status)) == 0)
    return status;
  if ((asset_id = vigil_store_find_asset_id (cli->store, asset, &error)) <= 0)
    return vigil_cli_fail (cli, error);
  {
    g_autoptr(GArray) ids = vigil_store_list_incident_asset_ids (cli->store, incident_id, NULL);
    exists = FALSE;
    for (guint i = 0; ids && i < ids->len; i++)
      exists |= g_array_index (ids, gint64, i) == asset_id;
  }
  if (exists && compromise != NULL)
    {
      if (!vigil_store_set_affected_asset_status (cli->store, incident_id, asset_id, compromise,
                                                  &error))
        return vigil_cli_fail (cli, error);
      return VIGIL_EXIT_OK;
    }
  if (!vigil_store_add_affected_asset (cli->store, incident_id, asset_id, compromise, note,
                                       &error))
    return vigil_cli_fail (cli, error);
  return VIGIL_EXIT_OK;
}

/* incident note / timeline ---------------------------------------------- */

static int
cmd_note (VigilCli  *cli,
          int        argc,
          char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *at = NULL;
  gint64 incident_id;
  int status;
  const GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("When it happened (default: now)"), "ISO" },
    { NULL }
  };

  if (!vigil_cli_parse (cli, "REF TEXT", entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return vigil_cli_usage_error (cli, _("expected an incident reference and the note's text "
                                         "(quote it)"));
  if ((incident_id = open_incident (cli, argv[1], &status)) == 0)
    return status;
  if (vigil_store_add_note (cli->store, incident_id, argv[2], at, &error) < 0)
    return vigil_cli_fail (cli, error);
  return VIGIL_EXIT_OK;
}

static int
cmd_timeline (VigilCli  *cli,
              int        argc,
              char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries_ = NULL;
  g_auto(GStrv) kinds = NULL;
  gboolean json = FALSE, csv = FALSE;
  gint64 incident_id;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print JSON: an array of {at, actor, kind, summary, field, before, after}"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print CSV"), NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING_ARRAY, &kinds,
      N_("Only this kind (repeatable): created, stage, field, note, action, contact, "
         "observable, asset, detection, playbook, …"), "KIND" },
    { NULL }
  };

  if (!vigil_cli_parse (cli, "REF", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return vigil_cli_usage_error (cli, _("expected one incident reference (INC-YYYY-NNNN)"));
  if (json && csv)
    return vigil_cli_usage_error (cli, _("choose --json or --csv"));
  if ((incident_id = open_incident (cli, argv[1], &status)) == 0)
    return status;
  entries_ = vigil_store_list_timeline (cli->store, incident_id, (const char * const *) kinds,
                                        &error);
  if (entries_ == NULL)
    return vigil_cli_fail (cli, error);
  if (json || csv)
    {
      g_autofree char *text = json ? vigil_timeline_to_json (entries_)
                                   : vigil_timeline_to_csv (entries_);
      g_print ("%s%s", text, json ? "\n" : "");
      return VIGIL_EXIT_OK;
    }
  for (guint i = 0; i < entries_->len; i++)
    {
      VigilTimelineEntry *e = g_ptr_array_index (entries_, i);
      g_print ("%s  %-10s %-16s %s\n", e->at, e->kind, e->actor, e->summary);
    }
  return VIGIL_EXIT_OK;
}

/* detection ------------------------------------------------------------- */

static int
cmd_detection_request (VigilCli  *cli,
                       int        argc,
                       char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *team = NULL, *what = NULL, *where = NULL, *why = NULL, *ref = NULL;
  gint64 alert_id = 0, incident_id = 0, id;
  int status;
  const GOptionEntry entries[] = {
    { "incident", 0, 0, G_OPTION_ARG_STRING, &ref, N_("The incident it comes from"), "REF" },
    { "alert", 0, 0, G_OPTION_ARG_INT64, &alert_id, N_("The alert it comes from"), "ID" },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("The team asked to set it up"), "TEAM" },
    { "what", 0, 0, G_OPTION_ARG_STRING, &what, N_("What to detect"), "TEXT" },
    { "where", 0, 0, G_OPTION_ARG_STRING, &where, N_("Where (systems, log sources)"), "TEXT" },
    { "why", 0, 0, G_OPTION_ARG_STRING, &why, N_("Why it is needed"), "TEXT" },
    { NULL }
  };

  if (!vigil_cli_parse (cli, "[REF]", entries, &argc, &argv, &status))
    return status;
  if (argc == 2 && ref == NULL)
    ref = g_strdup (argv[1]);
  else if (argc > 1)
    return vigil_cli_usage_error (cli, _("unexpected argument “%s”"), argv[argc - 1]);
  if (team == NULL || what == NULL)
    return vigil_cli_usage_error (cli, _("--team and --what are required"));
  if (ref != NULL)
    {
      if ((incident_id = open_incident (cli, ref, &status)) == 0)
        return status;
    }
  else if (vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT) == NULL)
    return VIGIL_EXIT_FAILED;
  id = vigil_store_add_detection_request (cli->store, incident_id, alert_id, 0, team, what,
                                          where, why, &error);
  if (id < 0)
    return vigil_cli_fail (cli, error);
  g_print ("%" PRId64 "\n", id);
  return VIGIL_EXIT_OK;
}

static int
cmd_detection_set (VigilCli  *cli,
                   int        argc,
                   char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *new_status = NULL;
  gint64 id;
  int status;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &new_status,
      N_("requested, accepted, deployed or rejected"), "STATUS" },
    { NULL }
  };

  if (!vigil_cli_parse (cli, "ID", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || !parse_id (argv[1], &id))
    return vigil_cli_usage_error (cli, _("expected the request's id"));
  if (new_status == NULL)
    return vigil_cli_usage_error (cli, _("--status is required"));
  if (vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT) == NULL)
    return VIGIL_EXIT_FAILED;
  if (!vigil_store_set_detection_status (cli->store, id, new_status, &error))
    return vigil_cli_fail (cli, error);
  return VIGIL_EXIT_OK;
}

static int
cmd_detection_list (VigilCli  *cli,
                    int        argc,
                    char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *filter = NULL, *ref = NULL;
  gboolean json = FALSE;
  gint64 incident_id = 0;
  int status;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &filter, N_("Only requests with this status"),
      "STATUS" },
    { "incident", 0, 0, G_OPTION_ARG_STRING, &ref, N_("Only requests of this incident"), "REF" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigil_cli_usage_error (cli, _("unexpected argument “%s”"), argv[1]);
  if (ref != NULL)
    {
      if ((incident_id = open_incident (cli, ref, &status)) == 0)
        return status;
    }
  else if (vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT) == NULL)
    return VIGIL_EXIT_FAILED;
  requests = vigil_store_list_detection_requests (cli->store, filter, incident_id, &error);
  if (requests == NULL)
    return vigil_cli_fail (cli, error);
  if (!json)
    {
      for (guint i = 0; i < requests->len; i++)
        {
          VigilDetectionRequest *r = g_ptr_array_index (requests, i);
          g_print ("%-4" PRId64 " %-10s %-15s %-26s %s\n", r->id, r->status,
                   r->incident_ref ? r->incident_ref : "-", r->team_name ? r->team_name : "-",
                   r->what);
        }
      return VIGIL_EXIT_OK;
    }
  json_builder_begin_array (b);
  for (guint i = 0; i < requests->len; i++)
    {
      VigilDetectionRequest *r = g_ptr_array_index (requests, i);

      json_builder_begin_object (b);
      vigil_cli_json_id (b, "id", r->id);
      vigil_cli_json_string (b, "incident", r->incident_ref);
      vigil_cli_json_id (b, "alert", r->alert_id);
      vigil_cli_json_string (b, "team", r->team_name);
      vigil_cli_json_string (b, "what", r->what);
      vigil_cli_json_string (b, "where", r->where_);
      vigil_cli_json_string (b, "why", r->why);
      vigil_cli_json_string (b, "status", r->status);
      vigil_cli_json_string (b, "requested_by", r->actor);
      vigil_cli_json_string (b, "created_at", r->created_at);
      vigil_cli_json_string (b, "updated_at", r->updated_at);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  vigil_cli_print_builder (b);
  return VIGIL_EXIT_OK;
}

/* playbooks ------------------------------------------------------------- */

static int
cmd_playbook_list (VigilCli  *cli,
                   int        argc,
                   char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) playbooks = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, NULL, entries, &argc, &argv, &status))
    return status;
  if (vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT) == NULL)
    return VIGIL_EXIT_FAILED;
  if (vigil_store_ensure_playbooks (cli->store, &error) < 0 ||
      (playbooks = vigil_store_list_playbooks (cli->store, &error)) == NULL)
    return vigil_cli_fail (cli, error);
  if (!json)
    {
      for (guint i = 0; i < playbooks->len; i++)
        {
          VigilPlaybook *p = g_ptr_array_index (playbooks, i);
          g_print ("%-3" PRId64 " %-22s %-30s %u steps%s\n", p->id, p->name,
                   p->category ? p->category : "-", p->n_steps,
                   p->auto_apply ? _(", automatic") : "");
        }
      return VIGIL_EXIT_OK;
    }
  json_builder_begin_array (b);
  for (guint i = 0; i < playbooks->len; i++)
    {
      VigilPlaybook *p = g_ptr_array_index (playbooks, i);
      g_autoptr(JsonNode) steps = json_from_string (p->steps, NULL);

      json_builder_begin_object (b);
      vigil_cli_json_id (b, "id", p->id);
      vigil_cli_json_string (b, "name", p->name);
      vigil_cli_json_string (b, "category", p->category);
      json_builder_set_member_name (b, "auto");
      json_builder_add_boolean_value (b, p->auto_apply);
      vigil_cli_json_string (b, "description", p->description);
      json_builder_set_member_name (b, "steps");
      if (steps)
        json_builder_add_value (b, g_steal_pointer (&steps));
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  vigil_cli_print_builder (b);
  return VIGIL_EXIT_OK;
}

static int
cmd_playbook_apply (VigilCli  *cli,
                    int        argc,
                    char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) playbooks = NULL;
  gint64 incident_id, playbook_id = 0;
  guint n = 0;
  int status;

  if (!vigil_cli_parse (cli, "REF PLAYBOOK", NULL, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return vigil_cli_usage_error (cli, _("expected an incident reference and a playbook name"));
  if ((incident_id = open_incident (cli, argv[1], &status)) == 0)
    return status;
  playbooks = vigil_store_list_playbooks (cli->store, &error);
  if (playbooks == NULL)
    return vigil_cli_fail (cli, error);
  for (guint i = 0; i < playbooks->len; i++)
    {
      VigilPlaybook *p = g_ptr_array_index (playbooks, i);
      if (g_ascii_strcasecmp (p->name, argv[2]) == 0)
        playbook_id = p->id;
    }
  if (playbook_id == 0)
    {
      g_set_error (&error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("No playbook named “%s”; see “vigilctl playbook list”"), argv[2]);
      return vigil_cli_fail (cli, error);
    }
  if (!vigil_store_apply_playbook (cli->store, incident_id, playbook_id, &n, &error))
    return vigil_cli_fail (cli, error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u action added\n", "%u actions added\n", n), n);
  return VIGIL_EXIT_OK;
}

const VigilCliCommand vigil_cli_record_commands[] = {
  { "incident task add", "REF --title T [--team T] [--owner EMAIL] [--due ISO] [--stage S]",
    N_("Add a task to an incident"), cmd_task_add },
  { "incident task set", "REF TASK-ID --status S",
    N_("Change a task (status todo, in-progress, done, cancelled)"), cmd_task_set },
  { "incident task list", "REF [--json]", N_("List an incident's tasks"), cmd_task_list },
  { "incident countermeasure add", "REF --title T --type TYPE [--where W] [--by B]",
    N_("Add a countermeasure (block, isolation, password-reset, monitoring)"), cmd_cm_add },
  { "incident countermeasure set", "REF CM-ID --status S",
    N_("Move a countermeasure: pending → active → removed"), cmd_cm_set },
  { "incident countermeasure list", "REF [--json]", N_("List an incident's countermeasures"),
    cmd_cm_list },
  { "incident contact add", "REF --with EMAIL|TEAM --channel C --summary S [--follow-up ISO]",
    N_("Log a contact with a person or team"), cmd_contact_add },
  { "incident contact list", "REF [--json]", N_("An incident's contact log"), cmd_contact_list },
  { "incident observable add", "REF --type T --value V [--ioc]",
    N_("Add an observable (validated per type)"), cmd_observable_add },
  { "incident observable list", "REF [--json]",
    N_("An incident's observables with the incidents and alerts sharing them"),
    cmd_observable_list },
  { "incident asset add", "REF --asset NAME [--status S]",
    N_("Add an affected asset, or change its compromise status"), cmd_asset_add },
  { "incident note", "REF TEXT [--at ISO]", N_("Add a note to the timeline"), cmd_note },
  { "incident timeline", "REF [--json|--csv] [--kind K]", N_("Print an incident's timeline"),
    cmd_timeline },
  { "followups", "[--overdue] [--json]", N_("Who must be contacted again, overdue first"),
    cmd_followups },
  { "detection request", "[REF] --team T --what W [--where W] [--why W]",
    N_("Ask a team to set up detection"), cmd_detection_request },
  { "detection set", "ID --status S",
    N_("Change a detection request (accepted, deployed, rejected)"), cmd_detection_set },
  { "detection list", "[--status S] [--json]", N_("List detection requests"),
    cmd_detection_list },
  { "playbook list", "[--json]", N_("List the playbooks"), cmd_playbook_list },
  { "playbook apply", "REF PLAYBOOK", N_("Apply a playbook to an incident by hand"),
    cmd_playbook_apply },
  { NULL }
};
