/* vigil-cli-report.c — vigilctl commands for metrics, reports and exports
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-cli-private.h"
#include "vigil-report.h"
#include "vigil-store-metrics.h"

/* Parses --from/--to: missing → usage (2), not a date or inverted → 1. */
static int
parse_period (VigilCli    *cli,
              const char  *from,
              const char  *to,
              VigilPeriod *period)
{
  g_autoptr(GError) error = NULL;

  if (from == NULL || to == NULL)
    return vigil_cli_usage_error (cli, _("give the period with --from DATE and --to DATE "
                                         "(inclusive, YYYY-MM-DD)"));
  if (!vigil_period_init (period, from, to, &error))
    return vigil_cli_fail (cli, error);
  return VIGIL_EXIT_OK;
}

static void
add_counts (JsonBuilder  *b,
            const char   *name,
            const GArray *counts,
            const char   *label_key)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < counts->len; i++)
    {
      const VigilCount *c = &g_array_index (counts, VigilCount, i);

      json_builder_begin_object (b);
      if (c->id > 0)
        vigil_cli_json_int (b, "id", c->id);
      if (c->key != NULL)
        {
          json_builder_set_member_name (b, "key");
          json_builder_add_string_value (b, c->key);
        }
      json_builder_set_member_name (b, label_key);
      if (c->id == 0 && c->key == NULL)
        json_builder_add_null_value (b);
      else
        json_builder_add_string_value (b, c->label ? c->label : "");
      vigil_cli_json_int (b, "incidents", c->count);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_vocab_counts (JsonBuilder  *b,
                  const char   *name,
                  VigilVocab    vocab,
                  const gint64 *values,
                  guint         n)
{
  guint n_entries;
  const VigilVocabEntry *e = vigil_vocab_entries (vocab, &n_entries);

  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  for (guint i = 0; i < n && i < n_entries; i++)
    vigil_cli_json_int (b, e[i].key, values[i]);
  json_builder_end_object (b);
}

static void
build_json (JsonBuilder        *b,
            const VigilMetrics *m)
{
  static const char * const target_keys[] = { "acknowledge", "contain", "resolve" };
  guint n_sev;
  const VigilVocabEntry *sev = vigil_vocab_entries (VIGIL_VOCAB_SEVERITY, &n_sev);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "from");
  json_builder_add_string_value (b, m->period.from);
  json_builder_set_member_name (b, "to");
  json_builder_add_string_value (b, m->period.to);
  vigil_cli_json_int (b, "incidents", m->incidents);

  for (guint k = 0; k < VIGIL_N_METRICS; k++)
    {
      const VigilDurationStats *d = &m->durations[k];

      json_builder_set_member_name (b, vigil_metric_key (k));
      json_builder_begin_object (b);
      /* no measurement is null, never a zero duration */
      json_builder_set_member_name (b, "median");
      if (d->count > 0)
        json_builder_add_int_value (b, d->median);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "p90");
      if (d->count > 0)
        json_builder_add_int_value (b, d->p90);
      else
        json_builder_add_null_value (b);
      vigil_cli_json_int (b, "count", d->count);
      vigil_cli_json_int (b, "missing", d->missing);
      vigil_cli_json_int (b, "inconsistent", d->inconsistent);
      json_builder_end_object (b);
    }

  vigil_cli_json_int (b, "closed", m->closed);
  {
    gint64 by_sev[VIGIL_N_SEVERITIES + 1];
    memcpy (by_sev, m->by_severity, sizeof by_sev);
    add_vocab_counts (b, "by_severity", VIGIL_VOCAB_SEVERITY, by_sev, VIGIL_N_SEVERITIES);
  }
  vigil_cli_json_int (b, "unclassified", m->by_severity[VIGIL_N_SEVERITIES]);
  add_vocab_counts (b, "outcomes", VIGIL_VOCAB_RESOLUTION, m->by_resolution, VIGIL_N_RESOLUTIONS);
  add_counts (b, "by_category", m->by_category, "label");

  json_builder_set_member_name (b, "targets");
  json_builder_begin_object (b);
  for (guint s = 0; s < VIGIL_N_SEVERITIES && s < n_sev; s++)
    {
      json_builder_set_member_name (b, sev[s].key);
      json_builder_begin_object (b);
      for (guint k = 0; k < VIGIL_N_TARGETS; k++)
        {
          const VigilTargetStats *t = &m->targets[s][k];
          json_builder_set_member_name (b, target_keys[k]);
          json_builder_begin_object (b);
          vigil_cli_json_int (b, "met", t->met);
          vigil_cli_json_int (b, "breached", t->breached);
          vigil_cli_json_int (b, "pending", t->pending);
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "weeks");
  json_builder_begin_array (b);
  for (guint w = 0; w < m->weeks->len; w++)
    {
      const VigilWeek *week = &g_array_index (m->weeks, VigilWeek, w);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "week");
      json_builder_add_string_value (b, week->week);
      vigil_cli_json_int (b, "opened", week->opened);
      vigil_cli_json_int (b, "closed", week->closed);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  add_counts (b, "by_team", m->by_team, "team");
  add_counts (b, "by_criticality", m->by_criticality, "label");
  add_counts (b, "top_assets", m->top_assets, "asset");

  vigil_cli_json_int (b, "open", m->open);
  json_builder_set_member_name (b, "open_by_stage");
  json_builder_begin_object (b);
  for (guint st = 0; st < VIGIL_STAGE_CLOSED; st++)
    {
      json_builder_set_member_name (b, vigil_stage_key (st));
      json_builder_begin_object (b);
      for (guint s = 0; s < VIGIL_N_SEVERITIES && s < n_sev; s++)
        vigil_cli_json_int (b, sev[s].key, m->open_by_stage_severity[st][s]);
      vigil_cli_json_int (b, "unclassified", m->open_by_stage_severity[st][VIGIL_N_SEVERITIES]);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  add_vocab_counts (b, "open_by_tier", VIGIL_VOCAB_TIER, m->open_by_tier, VIGIL_N_TIERS);
  add_counts (b, "open_by_analyst", m->open_by_analyst, "analyst");
  vigil_cli_json_int (b, "active_countermeasures", m->active_countermeasures);
  vigil_cli_json_int (b, "open_detection_requests", m->open_detection_requests);
  json_builder_end_object (b);
}

static void
print_text (const VigilMetrics *m)
{
  g_print (_("Period %s to %s: %" PRId64 " incidents detected, %" PRId64
             " of them closed\n"), m->period.from, m->period.to, m->incidents, m->closed);
  for (guint k = 0; k < VIGIL_N_METRICS; k++)
    {
      const VigilDurationStats *d = &m->durations[k];
      g_autofree char *median = vigil_format_duration (d->median);
      g_autofree char *p90 = vigil_format_duration (d->p90);

      g_print (_("  %-20s median %-12s p90 %-12s (%" PRId64 " measured, %"
                 PRId64 " missing a time)\n"),
               vigil_metric_label (k), median, p90, d->count, d->missing);
    }
  g_print (_("Open now: %" PRId64 "; active countermeasures: %" PRId64
             "; open detection requests: %" PRId64 "\n"),
           m->open, m->active_countermeasures, m->open_detection_requests);
}

static int
cmd_metrics (VigilCli  *cli,
             int        argc,
             char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilMetrics) m = NULL;
  g_auto(VigilPeriod) period = { 0, };
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean json = FALSE;
  VigilStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day of the period (YYYY-MM-DD)"),
      "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day of the period (YYYY-MM-DD)"), "DATE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (durations in seconds)"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigil_cli_usage_error (cli, _("unexpected argument “%s”"), argv[1]);
  if ((status = parse_period (cli, from, to, &period)) != VIGIL_EXIT_OK)
    return status;

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  m = vigil_store_compute_metrics (store, &period, NULL, &error);
  if (m == NULL)
    return vigil_cli_fail (cli, error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      build_json (b, m);
      vigil_cli_print_builder (b);
    }
  else
    print_text (m);
  return VIGIL_EXIT_OK;
}

static int
check_output (VigilCli   *cli,
              const char *output)
{
  if (output == NULL)
    return vigil_cli_usage_error (cli, _("say where to write the report with -o FILE.pdf"));
  return VIGIL_EXIT_OK;
}

static int
cmd_report_period (VigilCli  *cli,
                   int        argc,
                   char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(VigilPeriod) period = { 0, };
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *output = NULL;
  VigilStore *store;
  guint pages = 0;
  int status;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day of the period (YYYY-MM-DD)"),
      "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day of the period (YYYY-MM-DD)"), "DATE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), "FILE" },
    { NULL }
  };

  if (!vigil_cli_parse (cli, NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigil_cli_usage_error (cli, _("unexpected argument “%s”"), argv[1]);
  if ((status = check_output (cli, output)) != VIGIL_EXIT_OK)
    return status;
  if ((status = parse_period (cli, from, to, &period)) != VIGIL_EXIT_OK)
    return status;

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  if (!vigil_report_write_period (store, &period, NULL, output, &pages, &error))
    return vigil_cli_fail (cli, error);
  g_print (ngettext ("Wrote %s (%u page)\n", "Wrote %s (%u pages)\n", pages), output, pages);
  return VIGIL_EXIT_OK;
}

static int
cmd_report_incident (VigilCli  *cli,
                     int        argc,
                     char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  VigilStore *store;
  guint pages = 0;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), "FILE" },
    { NULL }
  };

  if (!vigil_cli_parse (cli, "REF", entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return vigil_cli_usage_error (cli, _("which incident? give its reference, e.g. INC-2026-0001"));
  if (argc > 2)
    return vigil_cli_usage_error (cli, _("unexpected argument “%s”"), argv[2]);
  if ((status = check_output (cli, output)) != VIGIL_EXIT_OK)
    return status;

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  if (!vigil_report_write_incident (store, argv[1], output, &pages, &error))
    return vigil_cli_fail (cli, error);
  g_print (ngettext ("Wrote %s (%u page)\n", "Wrote %s (%u pages)\n", pages), output, pages);
  return VIGIL_EXIT_OK;
}

const VigilCliCommand vigil_cli_report_commands[] = {
  { "metrics", "--from DATE --to DATE [--json]",
    N_("Response metrics of a period: times to detect, acknowledge, contain, resolve"),
    cmd_metrics },
  { "report period", "--from DATE --to DATE -o FILE.pdf",
    N_("Write the PDF report of a period"), cmd_report_period },
  { "report incident", "REF -o FILE.pdf", N_("Write the PDF report of one incident"),
    cmd_report_incident },
  { NULL }
};
