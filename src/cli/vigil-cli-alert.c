/* vigil-cli-alert.c — vigilctl commands for alert intake: import, list, triage
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <signal.h>
#include <string.h>

#include "vigil-cli-private.h"
#include "vigil-store-alerts.h"

static volatile int stop_requested = 0;

static void
on_stop_signal (int signum)
{
  stop_requested = 1;
}

/* SIGINT/SIGTERM end the import after the batch in hand is committed.  No
 * SA_RESTART, so a read blocked on a pipe returns at once. */
static void
catch_stop_signals (void)
{
  struct sigaction sa;

  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_stop_signal;
  sigemptyset (&sa.sa_mask);
  sigaction (SIGINT, &sa, NULL);
  sigaction (SIGTERM, &sa, NULL);
}

static int
cmd_import (VigilCli  *cli,
            int        argc,
            char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *mapping = NULL;
  gboolean follow = FALSE, json = FALSE;
  int batch = 0;
  VigilImportSummary summary;
  VigilImportOptions options = { 0 };
  VigilStore *store;
  gboolean ok;
  int status;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("suricata, wazuh, thehive, iris, misp, zeek or csv"), "FORMAT" },
    { "mapping", 'm', 0, G_OPTION_ARG_STRING, &mapping,
      N_("CSV: which column holds each field, e.g. title=Alert,src=Source IP,severity=Level"),
      "MAPPING" },
    { "follow", 0, 0, G_OPTION_ARG_NONE, &follow,
      N_("Keep reading as the file grows, across rotation, until interrupted"), NULL },
    { "batch", 0, 0, G_OPTION_ARG_INT, &batch, N_("Records per transaction (default 250000)"),
      "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the summary as JSON"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, _("FILE|-"), entries, &argc, &argv, &status))
    return status;
  if (format == NULL)
    return vigil_cli_usage_error (cli, _("--format is required (suricata, wazuh, thehive, "
                                         "iris, misp, zeek or csv)"));
  if (vigil_importer_find (format) == NULL)
    return vigil_cli_usage_error (cli, _("unknown format “%s”; expected suricata, wazuh, "
                                         "thehive, iris, misp, zeek or csv"), format);
  if (argc < 2)
    return vigil_cli_usage_error (cli, _("name the file to import, or - for standard input"));
  if (argc > 2)
    return vigil_cli_usage_error (cli, _("unexpected argument “%s”"), argv[2]);
  if (follow && strcmp (argv[1], "-") == 0)
    return vigil_cli_usage_error (cli, _("--follow needs a file, not standard input"));
  if (batch < 0)
    return vigil_cli_usage_error (cli, _("--batch must be positive"));

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  vigil_store_set_busy_timeout (store, 10000);

  catch_stop_signals ();
  options.format = format;
  options.path = argv[1];
  options.mapping = mapping;
  options.follow = follow;
  options.stop = &stop_requested;
  options.batch_size = (guint) batch;
  vigil_import_summary_init (&summary);
  ok = vigil_store_import_alerts (store, &options, &summary, &error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      vigil_cli_json_int (b, "read", summary.read);
      vigil_cli_json_int (b, "imported", summary.imported);
      vigil_cli_json_int (b, "duplicates", summary.duplicates);
      vigil_cli_json_int (b, "skipped", summary.skipped);
      vigil_cli_json_int (b, "malformed", summary.malformed);
      vigil_cli_json_int (b, "suppressed", summary.suppressed);
      vigil_cli_json_int (b, "promoted", summary.promoted);
      json_builder_set_member_name (b, "errors");
      json_builder_begin_array (b);
      for (guint i = 0; i < summary.errors->len; i++)
        {
          VigilImportError *e = &g_array_index (summary.errors, VigilImportError, i);
          json_builder_begin_object (b);
          vigil_cli_json_int (b, "line", (gint64) e->line);
          vigil_cli_json_string (b, "reason", e->reason);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      vigil_cli_print_builder (b);
    }
  else
    {
      for (guint i = 0; i < summary.errors->len; i++)
        {
          VigilImportError *e = &g_array_index (summary.errors, VigilImportError, i);
          g_printerr (_("%s: line %" G_GUINT64_FORMAT ": %s\n"), argv[1], e->line, e->reason);
        }
      if (summary.malformed > summary.errors->len)
        g_printerr (_("%s: … and %" G_GUINT64_FORMAT " more malformed records\n"), argv[1],
                    summary.malformed - summary.errors->len);
      g_print (_("Read %" G_GUINT64_FORMAT " records: %" G_GUINT64_FORMAT " new alerts, %"
                 G_GUINT64_FORMAT " duplicates, %" G_GUINT64_FORMAT " skipped, %"
                 G_GUINT64_FORMAT " malformed\n"),
               summary.read, summary.imported, summary.duplicates, summary.skipped,
               summary.malformed);
      if (summary.suppressed > 0 || summary.promoted > 0)
        g_print (_("%" G_GUINT64_FORMAT " suppressed by a rule, %" G_GUINT64_FORMAT
                   " promoted to incidents by an auto-promotion rule\n"),
                 summary.suppressed, summary.promoted);
    }
  vigil_import_summary_clear (&summary);
  if (!ok)
    return vigil_cli_fail (cli, error);
  return VIGIL_EXIT_OK;
}

static void
alert_to_json (JsonBuilder *b,
               VigilAlert  *alert,
               VigilStore  *store,
               gboolean     full)
{
  json_builder_begin_object (b);
  vigil_cli_json_int (b, "id", vigil_alert_get_id (alert));
  for (guint f = 0; f < VIGIL_ALERT_N_TEXT; f++)
    {
      g_autofree char *name = NULL;
      if (f == VIGIL_ALERT_RAW && !full)
        continue;
      name = g_strdelimit (g_strdup (vigil_alert_text_name (f)), "-", '_');
      vigil_cli_json_string (b, name, vigil_alert_get_text (alert, f));
    }
  vigil_cli_json_int (b, "count", vigil_alert_get_count (alert));
  json_builder_set_member_name (b, "src_port");
  if (vigil_alert_get_src_port (alert) > 0)
    json_builder_add_int_value (b, vigil_alert_get_src_port (alert));
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "dst_port");
  if (vigil_alert_get_dst_port (alert) > 0)
    json_builder_add_int_value (b, vigil_alert_get_dst_port (alert));
  else
    json_builder_add_null_value (b);
  if (full)
    {
      g_auto(GStrv) obs = vigil_store_dup_alert_observables (store, vigil_alert_get_id (alert),
                                                             NULL);
      json_builder_set_member_name (b, "observables");
      json_builder_begin_array (b);
      for (guint i = 0; obs && obs[i] && obs[i + 1]; i += 2)
        {
          json_builder_begin_object (b);
          vigil_cli_json_string (b, "type", obs[i]);
          vigil_cli_json_string (b, "value", obs[i + 1]);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
}

static int
cmd_list (VigilCli  *cli,
          int        argc,
          char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *status_filter = NULL;
  g_autofree char *source = NULL;
  g_autofree char *min_severity = NULL;
  g_autofree char *search = NULL;
  gboolean json = FALSE;
  int limit = 0;
  VigilAlertFilter filter = { 0 };
  VigilStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "status", 's', 0, G_OPTION_ARG_STRING, &status_filter,
      N_("new (default), promoted, merged, dismissed, suppressed or all"), "STATUS" },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, N_("Only alerts from this source"),
      "SOURCE" },
    { "min-severity", 0, 0, G_OPTION_ARG_STRING, &min_severity,
      N_("Only alerts at least this severe"), "SEVERITY" },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Text in the title, rule, addresses, hostname or asset"), "TEXT" },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most N alerts"), "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigil_cli_usage_error (cli, _("unexpected argument “%s”"), argv[1]);
  if (status_filter != NULL &&
      !g_strv_contains ((const char * const[]) { "new", "open", "promoted", "merged", "dismissed",
                                                 "suppressed", "all", NULL }, status_filter))
    return vigil_cli_usage_error (cli, _("unknown status “%s”; expected new, promoted, merged, "
                                         "dismissed, suppressed or all"), status_filter);
  if (min_severity != NULL && !vigil_vocab_contains (VIGIL_VOCAB_SEVERITY, min_severity))
    return vigil_cli_usage_error (cli, _("unknown severity “%s”; expected low, medium, high "
                                         "or critical"), min_severity);

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  filter.status = status_filter;
  filter.source = source;
  filter.min_severity = min_severity;
  filter.text = search;
  filter.limit = limit > 0 ? (guint) limit : 0;
  ids = vigil_store_list_alert_ids (store, &filter, &error);
  if (ids == NULL)
    return vigil_cli_fail (cli, error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      json_builder_begin_array (b);
      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr(VigilAlert) alert = vigil_store_get_alert (store,
                                                               g_array_index (ids, gint64, i),
                                                               &error);
          if (alert == NULL)
            return vigil_cli_fail (cli, error);
          alert_to_json (b, alert, store, FALSE);
        }
      json_builder_end_array (b);
      vigil_cli_print_builder (b);
      return VIGIL_EXIT_OK;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(VigilAlert) alert = vigil_store_get_alert (store, g_array_index (ids, gint64, i),
                                                           &error);
      const char *asset;
      if (alert == NULL)
        return vigil_cli_fail (cli, error);
      asset = vigil_alert_get_text (alert, VIGIL_ALERT_ASSET_NAME);
      g_print ("%6" PRId64 "  %-8s %-9s %5" PRId64 "×  %s  %s%s%s%s\n",
               vigil_alert_get_id (alert), vigil_alert_get_severity (alert),
               vigil_alert_get_text (alert, VIGIL_ALERT_SOURCE), vigil_alert_get_count (alert),
               vigil_alert_get_text (alert, VIGIL_ALERT_LAST_SEEN), vigil_alert_get_title (alert),
               asset ? "  [" : "", asset ? asset : "", asset ? "]" : "");
    }
  if (ids->len == 0)
    g_printerr (_("No alerts.\n"));
  return VIGIL_EXIT_OK;
}

static int
cmd_show (VigilCli  *cli,
          int        argc,
          char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilAlert) alert = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  VigilStore *store;
  gint64 id;
  int status;

  if (!vigil_cli_parse (cli, _("ID"), NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return vigil_cli_usage_error (cli, _("name one alert id"));
  id = g_ascii_strtoll (argv[1], NULL, 10);
  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  alert = vigil_store_get_alert (store, id, &error);
  if (alert == NULL)
    return vigil_cli_fail (cli, error);
  b = json_builder_new ();
  alert_to_json (b, alert, store, TRUE);
  vigil_cli_print_builder (b);
  return VIGIL_EXIT_OK;
}

static GArray *
parse_ids (VigilCli  *cli,
           int        argc,
           char     **argv,
           int       *status)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (int i = 1; i < argc; i++)
    {
      char *end;
      gint64 id = g_ascii_strtoll (argv[i], &end, 10);
      if (end == argv[i] || *end != '\0' || id <= 0)
        {
          *status = vigil_cli_usage_error (cli, _("“%s” is not an alert id"), argv[i]);
          return NULL;
        }
      g_array_append_val (ids, id);
    }
  if (ids->len == 0)
    {
      *status = vigil_cli_usage_error (cli, _("name at least one alert id"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static int
cmd_promote (VigilCli  *cli,
             int        argc,
             char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *title = NULL;
  VigilStore *store;
  gint64 incident_id = 0;
  int status;
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title,
      N_("The incident's title (default: the first alert's)"), "TITLE" },
    { NULL }
  };

  if (!vigil_cli_parse (cli, _("ID…"), entries, &argc, &argv, &status))
    return status;
  if ((ids = parse_ids (cli, argc, argv, &status)) == NULL)
    return status;
  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  if (!vigil_store_promote_alerts (store, (gint64 *) ids->data, ids->len, title, &incident_id,
                                   &error))
    return vigil_cli_fail (cli, error);
  {
    g_autoptr(VigilIncident) incident = vigil_store_get_incident (store, incident_id, NULL);
    g_print (_("Promoted %u alerts to %s\n"), ids->len,
             incident ? vigil_incident_get_ref (incident) : "");
  }
  return VIGIL_EXIT_OK;
}

static int
cmd_merge (VigilCli  *cli,
           int        argc,
           char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *into = NULL;
  VigilStore *store;
  gint64 incident_id;
  int status;
  const GOptionEntry entries[] = {
    { "into", 'i', 0, G_OPTION_ARG_STRING, &into,
      N_("The open incident (INC-2026-0001 or its id)"), "INCIDENT" },
    { NULL }
  };

  if (!vigil_cli_parse (cli, _("ID… --into INCIDENT"), entries, &argc, &argv, &status))
    return status;
  if (into == NULL)
    return vigil_cli_usage_error (cli, _("--into names the incident to merge into"));
  if ((ids = parse_ids (cli, argc, argv, &status)) == NULL)
    return status;
  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  incident_id = vigil_store_resolve_incident (store, into, &error);
  if (incident_id == 0 ||
      !vigil_store_merge_alerts (store, (gint64 *) ids->data, ids->len, incident_id, &error))
    return vigil_cli_fail (cli, error);
  g_print (_("Merged %u alerts into %s\n"), ids->len, into);
  return VIGIL_EXIT_OK;
}

static int
cmd_dismiss (VigilCli  *cli,
             int        argc,
             char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *reason = NULL;
  VigilStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason,
      N_("false-positive, benign or duplicate"), "REASON" },
    { NULL }
  };

  if (!vigil_cli_parse (cli, _("ID… --reason REASON"), entries, &argc, &argv, &status))
    return status;
  if (reason == NULL)
    return vigil_cli_usage_error (cli, _("--reason is required: false-positive, benign or "
                                         "duplicate"));
  if ((ids = parse_ids (cli, argc, argv, &status)) == NULL)
    return status;
  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  if (!vigil_store_dismiss_alerts (store, (gint64 *) ids->data, ids->len, reason, &error))
    return vigil_cli_fail (cli, error);
  g_print (_("Dismissed %u alerts (%s)\n"), ids->len, reason);
  return VIGIL_EXIT_OK;
}

static int
cmd_suppress (VigilCli  *cli,
              int        argc,
              char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *source = NULL;
  g_autofree char *asset = NULL;
  g_autofree char *reason = NULL;
  VigilStore *store;
  gint64 asset_id = 0, id;
  guint n = 0;
  int days = 7;
  int status;
  const GOptionEntry entries[] = {
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, N_("Only from this source"), "SOURCE" },
    { "asset", 'a', 0, G_OPTION_ARG_STRING, &asset,
      N_("Only on this asset (id, name, hostname or address)"), "ASSET" },
    { "days", 'd', 0, G_OPTION_ARG_INT, &days, N_("For N days (default 7; 0 = no end)"), "N" },
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("Why"), "TEXT" },
    { NULL }
  };

  if (!vigil_cli_parse (cli, _("RULE"), entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return vigil_cli_usage_error (cli, _("name the rule or signature to ignore"));
  if (days < 0)
    return vigil_cli_usage_error (cli, _("--days cannot be negative"));
  rule = g_strdup (argv[1]);
  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  if (asset != NULL && (asset_id = vigil_store_resolve_alert_asset (store, asset, &error)) == 0)
    return vigil_cli_fail (cli, error);
  id = vigil_store_add_suppression (store, source, rule, asset_id, (guint) days, reason, &n,
                                    &error);
  if (id == 0)
    return vigil_cli_fail (cli, error);
  g_print (_("Suppression rule %" PRId64 " added; %u open alerts suppressed\n"), id, n);
  return VIGIL_EXIT_OK;
}

static int
cmd_suppressions (VigilCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  VigilStore *store;
  int status;

  if (!vigil_cli_parse (cli, NULL, NULL, &argc, &argv, &status))
    return status;
  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  rules = vigil_store_list_suppressions (store, &error);
  if (rules == NULL)
    return vigil_cli_fail (cli, error);
  b = json_builder_new ();
  json_builder_begin_array (b);
  for (guint i = 0; i < rules->len; i++)
    {
      VigilSuppressionRule *r = rules->pdata[i];
      json_builder_begin_object (b);
      vigil_cli_json_int (b, "id", r->id);
      vigil_cli_json_string (b, "source", r->source);
      vigil_cli_json_string (b, "rule", r->rule);
      vigil_cli_json_string (b, "asset", r->asset_name);
      vigil_cli_json_string (b, "reason", r->reason);
      vigil_cli_json_string (b, "expires_at", r->expires_at);
      vigil_cli_json_string (b, "actor", r->actor);
      vigil_cli_json_string (b, "created_at", r->created_at);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  vigil_cli_print_builder (b);
  return VIGIL_EXIT_OK;
}

static int
cmd_unsuppress (VigilCli  *cli,
                int        argc,
                char     **argv)
{
  g_autoptr(GError) error = NULL;
  VigilStore *store;
  int status;

  if (!vigil_cli_parse (cli, _("RULE-ID"), NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return vigil_cli_usage_error (cli, _("name the suppression rule's id"));
  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  if (!vigil_store_delete_suppression (store, g_ascii_strtoll (argv[1], NULL, 10), &error))
    return vigil_cli_fail (cli, error);
  return VIGIL_EXIT_OK;
}

static int
cmd_auto_promote (VigilCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *min_severity = NULL;
  g_autofree char *min_criticality = NULL;
  g_autofree char *source = NULL;
  g_autofree char *delete_id = NULL;
  gboolean list = FALSE;
  VigilStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "min-severity", 0, 0, G_OPTION_ARG_STRING, &min_severity,
      N_("Alerts at least this severe"), "SEVERITY" },
    { "min-criticality", 0, 0, G_OPTION_ARG_STRING, &min_criticality,
      N_("On an asset at least this critical"), "CRITICALITY" },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, N_("From this source only"), "SOURCE" },
    { "list", 'l', 0, G_OPTION_ARG_NONE, &list, N_("List the rules (JSON)"), NULL },
    { "delete", 0, 0, G_OPTION_ARG_STRING, &delete_id, N_("Delete rule ID"), "ID" },
    { NULL }
  };

  if (!vigil_cli_parse (cli, _("[NAME]"), entries, &argc, &argv, &status))
    return status;
  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  if (list)
    {
      g_autoptr(GPtrArray) rules = vigil_store_list_auto_promotions (store, &error);
      g_autoptr(JsonBuilder) b = json_builder_new ();
      if (rules == NULL)
        return vigil_cli_fail (cli, error);
      json_builder_begin_array (b);
      for (guint i = 0; i < rules->len; i++)
        {
          VigilAutoPromotionRule *r = rules->pdata[i];
          json_builder_begin_object (b);
          vigil_cli_json_int (b, "id", r->id);
          vigil_cli_json_string (b, "name", r->name);
          vigil_cli_json_string (b, "min_severity", r->min_severity);
          vigil_cli_json_string (b, "min_criticality", r->min_criticality);
          vigil_cli_json_string (b, "source", r->source);
          json_builder_set_member_name (b, "enabled");
          json_builder_add_boolean_value (b, r->enabled);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      vigil_cli_print_builder (b);
      return VIGIL_EXIT_OK;
    }
  if (delete_id != NULL)
    {
      if (!vigil_store_delete_auto_promotion (store, g_ascii_strtoll (delete_id, NULL, 10),
                                              &error))
        return vigil_cli_fail (cli, error);
      return VIGIL_EXIT_OK;
    }
  if (argc != 2 || min_severity == NULL)
    return vigil_cli_usage_error (cli, _("give the rule a NAME and --min-severity"));
  if (vigil_store_add_auto_promotion (store, argv[1], min_severity, min_criticality, source,
                                      &error) == 0)
    return vigil_cli_fail (cli, error);
  return VIGIL_EXIT_OK;
}

static int
cmd_severity_map (VigilCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *map = NULL;
  VigilStore *store;
  int status;

  if (!vigil_cli_parse (cli, _("SOURCE [MAPPING|default]"), NULL, &argc, &argv, &status))
    return status;
  if (argc < 2 || argc > 3)
    return vigil_cli_usage_error (cli, _("name a source, and optionally its new mapping such "
                                         "as \"1=high,2=medium,3=low\""));
  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  if (argc == 3 &&
      !vigil_store_set_severity_map (store, argv[1],
                                     strcmp (argv[2], "default") == 0 ? NULL : argv[2], &error))
    return vigil_cli_fail (cli, error);
  map = vigil_store_dup_severity_map (store, argv[1]);
  g_print ("%s\n", map);
  return VIGIL_EXIT_OK;
}

const VigilCliCommand vigil_cli_alert_commands[] = {
  { "alert import", N_("--format FORMAT FILE|-"),
    N_("Import alerts (suricata, wazuh, thehive, iris, misp, zeek, csv)"), cmd_import },
  { "alert list", N_("[--status S] [--json]"), N_("List alert groups in triage order"),
    cmd_list },
  { "alert show", N_("ID"), N_("Show an alert with its raw event and observables (JSON)"),
    cmd_show },
  { "alert promote", N_("ID…"), N_("Promote alerts to a new incident"), cmd_promote },
  { "alert merge", N_("ID… --into INCIDENT"), N_("Merge alerts into an open incident"),
    cmd_merge },
  { "alert dismiss", N_("ID… --reason REASON"), N_("Dismiss alerts"), cmd_dismiss },
  { "alert suppress", N_("RULE [--asset A] [--days N]"),
    N_("Ignore a rule or signature for a while"), cmd_suppress },
  { "alert suppressions", "", N_("List the suppression rules (JSON)"), cmd_suppressions },
  { "alert unsuppress", N_("RULE-ID"), N_("Delete a suppression rule"), cmd_unsuppress },
  { "alert auto-promote", N_("NAME --min-severity S [--min-criticality C] | --list"),
    N_("Open incidents automatically for matching alerts"), cmd_auto_promote },
  { "alert severity-map", N_("SOURCE [MAPPING]"),
    N_("Show or set how a source's severities map to Vigil's"), cmd_severity_map },
  { NULL }
};
