/* vigil-cli-org.c — vigilctl commands for the organisation: people, teams, import, export
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-cli-private.h"
#include "vigil-org-chart.h"
#include "vigil-org-import.h"
#include "vigil-store-org.h"

static int
cmd_org_import (VigilCli  *cli,
                int        argc,
                char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilOrgImport) import = NULL;
  g_autoptr(VigilOrgImportReport) report = NULL;
  g_auto(GStrv) maps = NULL;
  g_autofree char *departments = NULL;
  g_autofree char *jobs = NULL;
  g_autofree char *text = NULL;
  gboolean skip_invalid = FALSE;
  VigilStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Read column COLUMN as FIELD (employee_id, name, first_name, last_name, title, "
         "job_id, team, department_id, manager_id, email, phone, mobile, location, roles, "
         "on_call, ignore); repeatable"), N_("COLUMN=FIELD") },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &skip_invalid,
      N_("Import the valid rows and report the others (default: nothing is imported when "
         "any row is invalid)"), NULL },
    { "departments", 0, 0, G_OPTION_ARG_FILENAME, &departments,
      N_("A CSV of department_id and department_name, for DEPARTMENT_ID columns"), N_("FILE") },
    { "jobs", 0, 0, G_OPTION_ARG_FILENAME, &jobs,
      N_("A CSV of job_id and job_title, for JOB_ID columns"), N_("FILE") },
    { NULL }
  };

  if (!vigil_cli_parse (cli, "FILE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return vigil_cli_usage_error (cli, _("give one CSV file to import"));

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_CREATE);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;
  import = vigil_org_import_new (store);
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    if (!vigil_org_import_add_mapping (import, maps[i], &error))
      return vigil_cli_usage_error (cli, "%s", error->message);
  if (departments != NULL && !vigil_org_import_set_departments_file (import, departments, &error))
    return vigil_cli_fail (cli, error);
  if (jobs != NULL && !vigil_org_import_set_jobs_file (import, jobs, &error))
    return vigil_cli_fail (cli, error);
  vigil_org_import_set_skip_invalid (import, skip_invalid);

  report = vigil_org_import_file (import, argv[1], &error);
  if (report == NULL)
    return vigil_cli_fail (cli, error);

  text = vigil_org_import_report_to_string (report);
  if (!report->committed)
    {
      g_printerr ("vigilctl: %s: %s: %s", cli->command, argv[1], text);
      return VIGIL_EXIT_FAILED;
    }
  g_print ("%s", text);
  return VIGIL_EXIT_OK;
}

static int
cmd_org_export (VigilCli  *cli,
                int        argc,
                char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(VigilGraph) graph = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *root = NULL;
  gboolean teams = FALSE;
  VigilOrgChartOptions options = { 0 };
  VigilStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("svg, png, pdf or dot"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE"), N_("FILE") },
    { "root", 0, 0, G_OPTION_ARG_STRING, &root,
      N_("Only this person (by employee id) and everyone below them"), N_("EMPLOYEE-ID") },
    { "teams", 0, 0, G_OPTION_ARG_NONE, &teams, N_("One box per team instead of per person"),
      NULL },
    { NULL }
  };

  if (!vigil_cli_parse (cli, NULL, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return vigil_cli_usage_error (cli, _("unexpected argument “%s”"), argv[1]);
  if (output == NULL)
    return vigil_cli_usage_error (cli, _("say where to write with -o FILE"));
  if (format == NULL)
    {
      const char *dot = strrchr (output, '.');
      format = g_strdup (dot ? dot + 1 : "");
    }
  if (!g_strv_contains ((const char *[]) { "svg", "png", "pdf", "dot", NULL }, format))
    return vigil_cli_usage_error (cli, _("--format must be svg, png, pdf or dot"));

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return VIGIL_EXIT_FAILED;

  if (teams)
    {
      g_autoptr(GPtrArray) list = vigil_store_list_teams (store, &error);
      if (list == NULL)
        return vigil_cli_fail (cli, error);
      graph = vigil_org_chart_teams (list, TRUE);
    }
  else
    {
      people = vigil_store_list_people (store, &error);
      if (people == NULL)
        return vigil_cli_fail (cli, error);
      if (root != NULL)
        {
          options.root = vigil_store_find_person (store, root, &error);
          if (options.root < 0)
            return vigil_cli_fail (cli, error);
          if (options.root == 0)
            {
              g_set_error (&error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                           _("No person with employee id “%s”"), root);
              return vigil_cli_fail (cli, error);
            }
        }
      options.clusters = TRUE;
      options.for_export = TRUE;
      graph = vigil_org_chart_people (people, &options, NULL);
    }
  if (!vigil_graph_export (graph, format, output, &error))
    return vigil_cli_fail (cli, error);
  g_print (_("Wrote %s (%u boxes, %u lines)\n"), output, vigil_graph_get_n_nodes (graph),
           vigil_graph_get_n_edges (graph));
  return VIGIL_EXIT_OK;
}

static int
cmd_org_list (VigilCli  *cli,
              int        argc,
              char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  gboolean json = FALSE;
  VigilStore *store;
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
  people = vigil_store_list_people (store, &error);
  if (people == NULL)
    return vigil_cli_fail (cli, error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < people->len; i++)
        {
          VigilPerson *p = people->pdata[i];
          json_builder_begin_object (b);
          vigil_cli_json_string (b, "id", p->employee_id);
          vigil_cli_json_string (b, "name", p->name);
          vigil_cli_json_string (b, "title", p->title);
          vigil_cli_json_string (b, "team", p->team_name);
          vigil_cli_json_string (b, "manager", p->manager_employee_id);
          vigil_cli_json_string (b, "email", p->email);
          vigil_cli_json_string (b, "phone", p->phone);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      vigil_cli_print_builder (b);
      return VIGIL_EXIT_OK;
    }

  for (guint i = 0; i < people->len; i++)
    {
      VigilPerson *p = people->pdata[i];
      g_print ("%-10s %-28s %-36s %-28s %s\n", p->employee_id ? p->employee_id : "-", p->name,
               p->title ? p->title : "", p->team_name ? p->team_name : "",
               p->manager_employee_id ? p->manager_employee_id : "-");
    }
  return VIGIL_EXIT_OK;
}

const VigilCliCommand vigil_cli_org_commands[] = {
  { "org import", "FILE [--map COLUMN=FIELD …] [--skip-invalid]",
    N_("Import people from an HR CSV export; re-importing updates them by employee id"),
    cmd_org_import },
  { "org export", "--format svg|png|pdf|dot [--root EMPLOYEE-ID] -o FILE",
    N_("Draw the organisation chart with Graphviz"), cmd_org_export },
  { "org list", "[--json]", N_("List people: employee id, name, title, team, manager"),
    cmd_org_list },
  { NULL }
};
