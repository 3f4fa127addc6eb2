/* vigil-cli-base.c — vigilctl init, demo and stats
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "vigil-cli-private.h"
#include "vigil-store-demo.h"
#include "vigil-store-playbooks.h"

static int
cmd_init (VigilCli  *cli,
          int        argc,
          char     **argv)
{
  VigilStore *store;
  int status;

  if (!vigil_cli_parse (cli, NULL, NULL, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigil_cli_usage_error (cli, _("unexpected argument “%s”"), argv[1]);

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_CREATE);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  g_print (_("Database ready: %s (schema version %d)\n"), vigil_store_get_path (store),
           vigil_store_get_schema_version (store));
  return VIGIL_EXIT_OK;
}

static int
cmd_demo (VigilCli  *cli,
          int        argc,
          char     **argv)
{
  g_autoptr(GError) error = NULL;
  VigilStore *store;
  VigilStats stats;
  gint64 t0;
  int scale = 0;
  int status;
  const GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_INT, &scale,
      N_("A synthetic database of N incidents (with proportionate people, assets and "
         "alerts) for benchmarks, instead of the demo organisation"), "N" },
    { NULL }
  };

  if (!vigil_cli_parse (cli, NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigil_cli_usage_error (cli, _("unexpected argument “%s”"), argv[1]);
  if (scale < 0 || scale > 10000000)
    return vigil_cli_usage_error (cli, _("--scale must be between 1 and 10000000"));

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_CREATE);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;

  t0 = g_get_monotonic_time ();
  if (!vigil_store_load_demo (store, (guint) scale, &error))
    return vigil_cli_fail (cli, error);
  vigil_store_ensure_playbooks (store, NULL);
  if (!vigil_store_get_stats (store, &stats, &error))
    return vigil_cli_fail (cli, error);

  g_print (_("Loaded into %s in %.1f s: %" PRId64 " incidents, %" PRId64
             " alerts, %" PRId64 " people in %" PRId64 " teams, %"
             PRId64 " assets, %" PRId64 " documents\n"),
           vigil_store_get_path (store), (g_get_monotonic_time () - t0) / 1e6,
           stats.incidents, stats.alerts, stats.people, stats.teams, stats.assets,
           stats.documents);
  return VIGIL_EXIT_OK;
}

static int
cmd_stats (VigilCli  *cli,
           int        argc,
           char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  gboolean json = FALSE;
  VigilStore *store;
  VigilStats stats;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigil_cli_usage_error (cli, _("unexpected argument “%s”"), argv[1]);

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  if (!vigil_store_get_stats (store, &stats, &error))
    return vigil_cli_fail (cli, error);

  if (!json)
    {
      g_print (_("Incidents: %" PRId64 "\n"), stats.incidents);
      for (guint i = 0; i < VIGIL_N_STAGES; i++)
        g_print ("  %-16s %" PRId64 "\n",
                 vigil_vocab_label (VIGIL_VOCAB_STAGE, vigil_stage_key (i)), stats.by_stage[i]);
      g_print (_("Alerts: %" PRId64 "\n"), stats.alerts);
      g_print (_("People: %" PRId64 "\n"), stats.people);
      g_print (_("Teams: %" PRId64 "\n"), stats.teams);
      g_print (_("Assets: %" PRId64 "\n"), stats.assets);
      g_print (_("Documents: %" PRId64 "\n"), stats.documents);
      return VIGIL_EXIT_OK;
    }

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "incidents");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "total");
  json_builder_add_int_value (b, stats.incidents);
  json_builder_set_member_name (b, "by_stage");
  json_builder_begin_object (b);
  for (guint i = 0; i < VIGIL_N_STAGES; i++)
    {
      json_builder_set_member_name (b, vigil_stage_key (i));
      json_builder_add_int_value (b, stats.by_stage[i]);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
#define MEMBER(name, value) \
  json_builder_set_member_name (b, name); json_builder_add_int_value (b, value)
  MEMBER ("alerts", stats.alerts);
  MEMBER ("people", stats.people);
  MEMBER ("teams", stats.teams);
  MEMBER ("assets", stats.assets);
  MEMBER ("documents", stats.documents);
#undef MEMBER
  json_builder_end_object (b);
  vigil_cli_print_builder (b);
  return VIGIL_EXIT_OK;
}

const VigilCliCommand vigil_cli_base_commands[] = {
  { "init", "", N_("Create the database (or upgrade it) and say where it is"), cmd_init },
  { "demo", "[--scale N]", N_("Load the demo organisation into a new database"), cmd_demo },
  { "stats", "[--json]", N_("Count incidents by stage, alerts, people, teams, assets, documents"),
    cmd_stats },
  { NULL }
};
