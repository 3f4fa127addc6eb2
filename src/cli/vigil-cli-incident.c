/* vigil-cli-incident.c — vigilctl commands for incidents on the board: add, update, list, show, move, escalate
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vigil-cli-private.h"
#include "vigil-workflow.h"

/* The options shared by `incident add` and `incident update`. */
typedef struct
{
  char *title, *description, *severity, *category, *tlp, *tier, *assignee;
  char *occurred_at, *detected_at;
  int   impact, urgency;
  gboolean json;
} FieldOptions;

static void
field_options_clear (FieldOptions *o)
{
  g_free (o->title);
  g_free (o->description);
  g_free (o->severity);
  g_free (o->category);
  g_free (o->tlp);
  g_free (o->tier);
  g_free (o->assignee);
  g_free (o->occurred_at);
  g_free (o->detected_at);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FieldOptions, field_options_clear)

#define FIELD_ENTRIES(o) \
  { "title", 0, 0, G_OPTION_ARG_STRING, &(o).title, N_("The title"), N_("TEXT") }, \
  { "description", 0, 0, G_OPTION_ARG_STRING, &(o).description, N_("What happened"), N_("TEXT") }, \
  { "severity", 0, 0, G_OPTION_ARG_STRING, &(o).severity, N_("low, medium, high or critical"), N_("SEVERITY") }, \
  { "impact", 0, 0, G_OPTION_ARG_INT, &(o).impact, N_("Impact: 1 high, 2 medium, 3 low"), "N" }, \
  { "urgency", 0, 0, G_OPTION_ARG_INT, &(o).urgency, N_("Urgency: 1 high, 2 medium, 3 low"), "N" }, \
  { "category", 0, 0, G_OPTION_ARG_STRING, &(o).category, N_("ENISA RSIT class, e.g. malicious-code, fraud"), N_("CATEGORY") }, \
  { "tlp", 0, 0, G_OPTION_ARG_STRING, &(o).tlp, N_("clear, green, amber, amber+strict or red"), "TLP" }, \
  { "tier", 0, 0, G_OPTION_ARG_STRING, &(o).tier, N_("l1, l2, l3 or csirt"), N_("TIER") }, \
  { "assignee", 0, 0, G_OPTION_ARG_STRING, &(o).assignee, N_("The assignee’s e-mail address (\"\" to clear)"), N_("EMAIL") }, \
  { "occurred-at", 0, 0, G_OPTION_ARG_STRING, &(o).occurred_at, N_("When it happened (ISO 8601)"), "ISO" }, \
  { "detected-at", 0, 0, G_OPTION_ARG_STRING, &(o).detected_at, N_("When it was detected (ISO 8601; default: now)"), "ISO" }

static gboolean
fill_changes (VigilCli             *cli,
              const FieldOptions   *o,
              VigilIncidentChanges *ch,
              int                  *status)
{
  if ((o->impact != 0 && (o->impact < 1 || o->impact > 3)) ||
      (o->urgency != 0 && (o->urgency < 1 || o->urgency > 3)))
    {
      *status = vigil_cli_usage_error (cli, _("--impact and --urgency take 1 (high), 2 (medium) or 3 (low)"));
      return FALSE;
    }
  *ch = (VigilIncidentChanges) {
    .title = o->title, .description = o->description, .severity = o->severity,
    .impact = o->impact, .urgency = o->urgency, .category = o->category, .tlp = o->tlp,
    .tier = o->tier, .assignee_email = o->assignee, .occurred_at = o->occurred_at,
    .detected_at = o->detected_at,
  };
  return TRUE;
}

static void
build_incident (JsonBuilder   *b,
                VigilIncident *inc)
{
  vigil_cli_json_string (b, "ref", vigil_incident_get_ref (inc));
  vigil_cli_json_string (b, "title", vigil_incident_get_title (inc));
  vigil_cli_json_string (b, "description", vigil_incident_get_description (inc));
  vigil_cli_json_string (b, "stage", vigil_incident_get_stage (inc));
  vigil_cli_json_string (b, "severity", vigil_incident_get_severity (inc));
  vigil_cli_json_id (b, "impact", vigil_incident_get_impact (inc));
  vigil_cli_json_id (b, "urgency", vigil_incident_get_urgency (inc));
  vigil_cli_json_id (b, "priority", vigil_incident_get_priority (inc));
  vigil_cli_json_string (b, "category", vigil_incident_get_category (inc));
  vigil_cli_json_string (b, "tlp", vigil_incident_get_tlp (inc));
  vigil_cli_json_string (b, "tier", vigil_incident_get_tier (inc));
  vigil_cli_json_string (b, "assignee", vigil_incident_get_assignee_email (inc));
  vigil_cli_json_string (b, "assignee_name", vigil_incident_get_assignee_name (inc));
  vigil_cli_json_string (b, "occurred_at", vigil_incident_get_occurred_at (inc));
  vigil_cli_json_string (b, "detected_at", vigil_incident_get_detected_at (inc));
  vigil_cli_json_string (b, "acknowledged_at", vigil_incident_get_acknowledged_at (inc));
  vigil_cli_json_string (b, "contained_at", vigil_incident_get_contained_at (inc));
  vigil_cli_json_string (b, "resolved_at", vigil_incident_get_resolved_at (inc));
  vigil_cli_json_string (b, "closed_at", vigil_incident_get_closed_at (inc));
  vigil_cli_json_string (b, "due_at", vigil_incident_get_due_at (inc));
  vigil_cli_json_string (b, "resolution", vigil_incident_get_resolution (inc));
  vigil_cli_json_string (b, "summary", vigil_incident_get_summary (inc));
  vigil_cli_json_string (b, "created_at", vigil_incident_get_created_at (inc));
  vigil_cli_json_string (b, "updated_at", vigil_incident_get_updated_at (inc));
}

static VigilIncident *
find_ref (VigilCli    *cli,
          const char  *ref,
          int         *status)
{
  g_autoptr(GError) error = NULL;
  VigilIncident *inc = vigil_store_find_incident (cli->store, ref, &error);

  if (inc == NULL)
    *status = vigil_cli_fail (cli, error);
  return inc;
}

static int
cmd_add (VigilCli  *cli,
         int        argc,
         char     **argv)
{
  g_auto(FieldOptions) o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilIncident) inc = NULL;
  VigilIncidentChanges ch;
  int status;
  const GOptionEntry entries[] = {
    FIELD_ENTRIES (o),
    { "json", 0, 0, G_OPTION_ARG_NONE, &o.json, N_("Print the new incident as JSON"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigil_cli_usage_error (cli, _("unexpected argument “%s”"), argv[1]);
  if (o.title == NULL)
    return vigil_cli_usage_error (cli, _("--title is required"));
  if (!fill_changes (cli, &o, &ch, &status))
    return status;
  if (vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT) == NULL)
    return VIGIL_EXIT_FAILED;

  inc = vigil_store_create_incident (cli->store, &ch, &error);
  if (inc == NULL)
    return vigil_cli_fail (cli, error);
  if (o.json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      build_incident (b, inc);
      json_builder_end_object (b);
      vigil_cli_print_builder (b);
    }
  else
    g_print ("%s\n", vigil_incident_get_ref (inc));
  return VIGIL_EXIT_OK;
}

static int
cmd_update (VigilCli  *cli,
            int        argc,
            char     **argv)
{
  g_auto(FieldOptions) o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilIncident) inc = NULL;
  VigilIncidentChanges ch;
  guint n = 0;
  int status;
  const GOptionEntry entries[] = {
    FIELD_ENTRIES (o),
    { NULL }
  };

  if (!vigil_cli_parse (cli, N_("REF"), entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return vigil_cli_usage_error (cli, _("which incident? Give its reference, e.g. INC-2026-0001"));
  if (argc > 2)
    return vigil_cli_usage_error (cli, _("unexpected argument “%s”"), argv[2]);
  if (!fill_changes (cli, &o, &ch, &status))
    return status;
  if (vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT) == NULL)
    return VIGIL_EXIT_FAILED;
  if ((inc = find_ref (cli, argv[1], &status)) == NULL)
    return status;

  if (!vigil_store_update_incident (cli->store, vigil_incident_get_id (inc), &ch, &n, &error))
    return vigil_cli_fail (cli, error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u field changed\n", "%s: %u fields changed\n", n),
           vigil_incident_get_ref (inc), n);
  return VIGIL_EXIT_OK;
}

/* CSV cell: quoted when needed; a leading = + - @ is defused so a
 * spreadsheet never runs an attacker's title as a formula. */
static void
csv_cell (GString    *line,
          const char *value,
          gboolean    last)
{
  const char *v = value ? value : "";
  gboolean formula = strchr ("=+-@\t\r", *v) != NULL && *v != '\0';
  gboolean quote = formula || strpbrk (v, ",\"\n\r") != NULL;

  if (quote)
    g_string_append_c (line, '"');
  if (formula)
    g_string_append_c (line, '\'');
  for (const char *p = v; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  if (quote)
    g_string_append_c (line, '"');
  g_string_append (line, last ? "\r\n" : ",");
}

static int
cmd_list (VigilCli  *cli,
          int        argc,
          char     **argv)
{
  g_autofree char *stage = NULL;
  g_autofree char *search = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilIncidentFilter) filter = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gboolean json = FALSE, csv = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage, N_("Only this stage"), N_("STAGE") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Text (prefixes match) and filters such as severity:high tier:l2 is:overdue"), "Q" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print CSV"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigil_cli_usage_error (cli, _("unexpected argument “%s”"), argv[1]);
  if (json && csv)
    return vigil_cli_usage_error (cli, _("--json and --csv cannot be combined"));
  if (stage != NULL && !vigil_vocab_validate (VIGIL_VOCAB_STAGE, stage, &error))
    return vigil_cli_fail (cli, error);
  filter = vigil_incident_filter_parse (search, 0, &error);
  if (filter == NULL)
    return vigil_cli_fail (cli, error);
  if (vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT) == NULL)
    return VIGIL_EXIT_FAILED;

  list = vigil_store_list_incidents (cli->store, stage, filter, &error);
  if (list == NULL)
    return vigil_cli_fail (cli, error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        {
          json_builder_begin_object (b);
          build_incident (b, list->pdata[i]);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      vigil_cli_print_builder (b);
    }
  else if (csv)
    {
      g_autoptr(GString) line = g_string_new ("ref,title,stage,severity,priority,category,tlp,"
                                              "tier,assignee,detected_at,due_at,closed_at\r\n");
      for (guint i = 0; i < list->len; i++)
        {
          VigilIncident *inc = list->pdata[i];
          g_autofree char *priority = vigil_incident_get_priority (inc) > 0
            ? g_strdup_printf ("P%d", vigil_incident_get_priority (inc)) : NULL;
          csv_cell (line, vigil_incident_get_ref (inc), FALSE);
          csv_cell (line, vigil_incident_get_title (inc), FALSE);
          csv_cell (line, vigil_incident_get_stage (inc), FALSE);
          csv_cell (line, vigil_incident_get_severity (inc), FALSE);
          csv_cell (line, priority, FALSE);
          csv_cell (line, vigil_incident_get_category (inc), FALSE);
          csv_cell (line, vigil_incident_get_tlp (inc), FALSE);
          csv_cell (line, vigil_incident_get_tier (inc), FALSE);
          csv_cell (line, vigil_incident_get_assignee_email (inc), FALSE);
          csv_cell (line, vigil_incident_get_detected_at (inc), FALSE);
          csv_cell (line, vigil_incident_get_due_at (inc), FALSE);
          csv_cell (line, vigil_incident_get_closed_at (inc), TRUE);
        }
      g_print ("%s", line->str);
    }
  else
    {
      for (guint i = 0; i < list->len; i++)
        {
          VigilIncident *inc = list->pdata[i];
          g_print ("%-14s %-15s %-9s %-6s %s\n", vigil_incident_get_ref (inc),
                   vigil_incident_get_stage (inc),
                   vigil_incident_get_severity (inc) ? vigil_incident_get_severity (inc) : "-",
                   vigil_incident_get_tier (inc), vigil_incident_get_title (inc));
        }
    }
  return VIGIL_EXIT_OK;
}

static int
cmd_show (VigilCli  *cli,
          int        argc,
          char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilIncident) inc = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, N_("REF"), entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return vigil_cli_usage_error (cli, _("which incident? Give its reference, e.g. INC-2026-0001"));
  if (argc > 2)
    return vigil_cli_usage_error (cli, _("unexpected argument “%s”"), argv[2]);
  if (vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT) == NULL)
    return VIGIL_EXIT_FAILED;
  if ((inc = find_ref (cli, argv[1], &status)) == NULL)
    return status;
  history = vigil_store_list_stage_history (cli->store, vigil_incident_get_id (inc), &error);
  if (history == NULL)
    return vigil_cli_fail (cli, error);
  timeline = vigil_store_list_incident_timeline (cli->store, vigil_incident_get_id (inc), &error);
  if (timeline == NULL)
    return vigil_cli_fail (cli, error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      build_incident (b, inc);
      json_builder_set_member_name (b, "history");
      json_builder_begin_array (b);
      for (guint i = 0; i < history->len; i++)
        {
          VigilStageChange *c = history->pdata[i];
          json_builder_begin_object (b);
          vigil_cli_json_string (b, "from", c->from_stage);
          vigil_cli_json_string (b, "to", c->to_stage);
          vigil_cli_json_string (b, "actor", c->actor);
          vigil_cli_json_string (b, "at", c->at);
          vigil_cli_json_string (b, "reason", c->reason);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "timeline");
      json_builder_begin_array (b);
      for (guint i = 0; i < timeline->len; i++)
        {
          VigilTimelineRow *r = timeline->pdata[i];
          json_builder_begin_object (b);
          vigil_cli_json_string (b, "at", r->at);
          vigil_cli_json_string (b, "actor", r->actor);
          vigil_cli_json_string (b, "kind", r->kind);
          vigil_cli_json_string (b, "summary", r->summary);
          if (r->field != NULL)
            {
              vigil_cli_json_string (b, "field", r->field);
              vigil_cli_json_string (b, "before", r->before);
              vigil_cli_json_string (b, "after", r->after);
            }
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      vigil_cli_print_builder (b);
      return VIGIL_EXIT_OK;
    }

#define ROW(label, value) g_print ("%-14s %s\n", label, (value) ? (value) : "—")
  ROW (_("Reference"), vigil_incident_get_ref (inc));
  ROW (_("Title"), vigil_incident_get_title (inc));
  ROW (_("Stage"), vigil_vocab_label (VIGIL_VOCAB_STAGE, vigil_incident_get_stage (inc)));
  ROW (_("Severity"), vigil_incident_get_severity (inc)
                      ? vigil_vocab_label (VIGIL_VOCAB_SEVERITY, vigil_incident_get_severity (inc)) : NULL);
  ROW (_("Category"), vigil_incident_get_category (inc)
                      ? vigil_vocab_label (VIGIL_VOCAB_CATEGORY, vigil_incident_get_category (inc)) : NULL);
  ROW (_("TLP"), vigil_incident_get_tlp (inc));
  ROW (_("Tier"), vigil_vocab_label (VIGIL_VOCAB_TIER, vigil_incident_get_tier (inc)));
  ROW (_("Assignee"), vigil_incident_get_assignee_name (inc));
  ROW (_("Detected"), vigil_incident_get_detected_at (inc));
  ROW (_("Response due"), vigil_incident_get_due_at (inc));
  if (vigil_incident_get_resolution (inc))
    {
      ROW (_("Resolution"), vigil_vocab_label (VIGIL_VOCAB_RESOLUTION, vigil_incident_get_resolution (inc)));
      ROW (_("Summary"), vigil_incident_get_summary (inc));
    }
#undef ROW
  if (*vigil_incident_get_description (inc) != '\0')
    g_print ("\n%s\n", vigil_incident_get_description (inc));
  g_print ("\n%s\n", _("Timeline:"));
  for (guint i = 0; i < timeline->len; i++)
    {
      VigilTimelineRow *r = timeline->pdata[i];
      g_print ("  %s  %-20s %s\n", r->at, r->actor, r->summary);
    }
  return VIGIL_EXIT_OK;
}

static int
cmd_move (VigilCli  *cli,
          int        argc,
          char     **argv)
{
  g_autofree char *reason = NULL, *resolution = NULL, *summary = NULL, *at = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilIncident) inc = NULL;
  VigilMoveDetails details;
  gint64 move_id = 0;
  int status;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why (required to move backwards)"), N_("TEXT") },
    { "resolution", 0, 0, G_OPTION_ARG_STRING, &resolution,
      N_("true-positive, false-positive, benign or duplicate (to close)"), N_("RESOLUTION") },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &summary, N_("The closure summary (to close)"), N_("TEXT") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("When the move really happened (ISO 8601), for back-filling"), "ISO" },
    { NULL }
  };

  if (!vigil_cli_parse (cli, N_("REF STAGE"), entries, &argc, &argv, &status))
    return status;
  if (argc < 3)
    return vigil_cli_usage_error (cli, _("give the incident’s reference and the stage to move it to"));
  if (argc > 3)
    return vigil_cli_usage_error (cli, _("unexpected argument “%s”"), argv[3]);
  if (!vigil_vocab_validate (VIGIL_VOCAB_STAGE, argv[2], &error))
    return vigil_cli_fail (cli, error);
  if (resolution != NULL && !vigil_vocab_validate (VIGIL_VOCAB_RESOLUTION, resolution, &error))
    return vigil_cli_fail (cli, error);
  if (vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT) == NULL)
    return VIGIL_EXIT_FAILED;
  if ((inc = find_ref (cli, argv[1], &status)) == NULL)
    return status;

  details = (VigilMoveDetails) { reason, resolution, summary, at };
  if (!vigil_store_move_incident (cli->store, vigil_incident_get_id (inc), argv[2], &details,
                                  &move_id, &error))
    return vigil_cli_fail (cli, error);
  if (move_id == 0)
    g_print (_("%s is already in %s\n"), vigil_incident_get_ref (inc),
             vigil_vocab_label (VIGIL_VOCAB_STAGE, argv[2]));
  else
    g_print (_("%s moved from %s to %s\n"), vigil_incident_get_ref (inc),
             vigil_vocab_label (VIGIL_VOCAB_STAGE, vigil_incident_get_stage (inc)),
             vigil_vocab_label (VIGIL_VOCAB_STAGE, argv[2]));
  return VIGIL_EXIT_OK;
}

static int
cmd_escalate (VigilCli  *cli,
              int        argc,
              char     **argv)
{
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilIncident) inc = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why it needs a higher tier (required)"), N_("TEXT") },
    { NULL }
  };

  if (!vigil_cli_parse (cli, N_("REF TIER"), entries, &argc, &argv, &status))
    return status;
  if (argc < 3)
    return vigil_cli_usage_error (cli, _("give the incident’s reference and the tier (l2, l3 or csirt)"));
  if (argc > 3)
    return vigil_cli_usage_error (cli, _("unexpected argument “%s”"), argv[3]);
  if (!vigil_vocab_validate (VIGIL_VOCAB_TIER, argv[2], &error))
    return vigil_cli_fail (cli, error);
  if (vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT) == NULL)
    return VIGIL_EXIT_FAILED;
  if ((inc = find_ref (cli, argv[1], &status)) == NULL)
    return status;
  if (!vigil_store_escalate_incident (cli->store, vigil_incident_get_id (inc), argv[2], reason, &error))
    return vigil_cli_fail (cli, error);
  g_print (_("%s escalated from %s to %s\n"), vigil_incident_get_ref (inc),
           vigil_vocab_label (VIGIL_VOCAB_TIER, vigil_incident_get_tier (inc)),
           vigil_vocab_label (VIGIL_VOCAB_TIER, argv[2]));
  return VIGIL_EXIT_OK;
}

const VigilCliCommand vigil_cli_incident_commands[] = {
  { "incident add", "--title T [--severity S] [--category C] …",
    N_("Open an incident in Classification; prints its reference"), cmd_add },
  { "incident update", "REF [--title T] [--severity S] …",
    N_("Change an incident’s fields (each change is on its timeline)"), cmd_update },
  { "incident list", "[--stage S] [--search Q] [--json|--csv]",
    N_("List incidents, most urgent first"), cmd_list },
  { "incident show", "REF [--json]", N_("Show an incident with its stage history and timeline"),
    cmd_show },
  { "incident move", "REF STAGE [--reason R] [--resolution R --summary S] [--at ISO]",
    N_("Move an incident to another stage through the workflow rules"), cmd_move },
  { "incident escalate", "REF TIER --reason R", N_("Escalate to a higher tier (l2, l3, csirt)"),
    cmd_escalate },
  { NULL }
};
