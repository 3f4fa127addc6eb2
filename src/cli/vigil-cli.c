/* vigil-cli.c — vigilctl: global options and command dispatch
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "vigil-cli-private.h"
#include "vigil-store-playbooks.h"

/* One line per command group; each group's table ends with a NULL name. */
static const VigilCliCommand *groups[] = {
  vigil_cli_base_commands,
  vigil_cli_incident_commands,
  vigil_cli_record_commands,
  vigil_cli_org_commands,
  vigil_cli_asset_commands,
  vigil_cli_alert_commands,
  vigil_cli_report_commands,
  NULL
};

VigilStore *
vigil_cli_open_store (VigilCli            *cli,
                      VigilStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  const char *actor = g_getenv ("VIGIL_ACTOR");

  if (cli->store != NULL)
    return cli->store;

  cli->store = vigil_store_open (cli->db_path, flags, &error);
  if (cli->store == NULL)
    {
      vigil_cli_fail (cli, error);
      return NULL;
    }
  if (actor != NULL && *actor != '\0')
    vigil_store_set_actor (cli->store, actor);
  /* The shipped playbooks pre-fill new incidents' actions (a trigger), so
   * they must be there before the first `incident add`.  The demo loads
   * its own actions and installs them afterwards. */
  if (!g_str_equal (cli->command, "demo"))
    vigil_store_ensure_playbooks (cli->store, NULL);
  return cli->store;
}

int
vigil_cli_fail (VigilCli     *cli,
                const GError *error)
{
  g_printerr ("vigilctl: %s%s%s\n",
              cli->command ? cli->command : "",
              cli->command ? ": " : "",
              error ? error->message : _("failed"));
  return VIGIL_EXIT_FAILED;
}

int
vigil_cli_usage_error (VigilCli   *cli,
                       const char *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("vigilctl: %s%s%s\n", cli->command ? cli->command : "",
              cli->command ? ": " : "", message);
  g_printerr (_("Try “vigilctl %s --help”.\n"), cli->command ? cli->command : "");
  return VIGIL_EXIT_USAGE;
}

gboolean
vigil_cli_parse (VigilCli            *cli,
                 const char          *params,
                 const GOptionEntry  *entries,
                 int                 *argc,
                 char              ***argv,
                 int                 *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (params);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("vigilctl %s", cli->command);

  g_set_prgname (prgname);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = vigil_cli_usage_error (cli, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

void
vigil_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);
  g_print ("%s\n", text);
}

void
vigil_cli_print_builder (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  vigil_cli_print_json (root);
}

/* JSON members, named the same way in every command's output */

void
vigil_cli_json_string (JsonBuilder *b,
                       const char  *name,
                       const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

void
vigil_cli_json_optional (JsonBuilder *b,
                         const char  *name,
                         const char  *value)
{
  vigil_cli_json_string (b, name, value != NULL && *value != '\0' ? value : NULL);
}

void
vigil_cli_json_text (JsonBuilder *b,
                     const char  *name,
                     const char  *value)
{
  vigil_cli_json_string (b, name, value != NULL ? value : "");
}

void
vigil_cli_json_int (JsonBuilder *b,
                    const char  *name,
                    gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

void
vigil_cli_json_id (JsonBuilder *b,
                   const char  *name,
                   gint64       value)
{
  json_builder_set_member_name (b, name);
  if (value > 0)
    json_builder_add_int_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
print_help (void)
{
  g_print (_("Usage: vigilctl [--db PATH] COMMAND [OPTIONS…]\n\n"
             "Vigil’s command line, for scripts and detection pipelines.\n\n"
             "Options:\n"
             "  --db PATH     the database (default: %s)\n"
             "  --version     print the version\n"
             "  -h, --help    this help; “vigilctl COMMAND --help” for a command\n\n"
             "Commands:\n"), "~/.local/share/vigil/vigil.db");
  for (guint g = 0; groups[g] != NULL; g++)
    for (const VigilCliCommand *c = groups[g]; c->name != NULL; c++)
      {
        g_autofree char *synopsis = g_strdup_printf ("%s %s", c->name, c->args ? c->args : "");
        g_print ("  %-44s %s\n", synopsis, _(c->summary));
      }
  g_print (_("\nListings take --json. Errors go to standard error with exit status 1;\n"
             "a bad command line exits with status 2.\n"));
}

/* Finds the longest command name matching the words at argv[i…]. */
static const VigilCliCommand *
find_command (int    argc,
              char **argv,
              int    start,
              int   *n_words)
{
  const VigilCliCommand *best = NULL;
  int best_words = 0;

  for (guint g = 0; groups[g] != NULL; g++)
    for (const VigilCliCommand *c = groups[g]; c->name != NULL; c++)
      {
        g_auto(GStrv) words = g_strsplit (c->name, " ", -1);
        int n = (int) g_strv_length (words);
        gboolean match = start + n <= argc;

        for (int w = 0; match && w < n; w++)
          match = g_str_equal (words[w], argv[start + w]);
        if (match && n > best_words)
          {
            best = c;
            best_words = n;
          }
      }
  *n_words = best_words;
  return best;
}

int
vigil_cli_run (int    argc,
               char **argv)
{
  VigilCli cli = { 0 };
  const VigilCliCommand *command;
  g_autofree char *db_path = NULL;
  g_autoptr(GPtrArray) sub_argv = NULL;
  int i = 1, n_words = 0, status;

  setlocale (LC_ALL, "");
  vigil_core_init ();
  textdomain (GETTEXT_PACKAGE);

  /* Global options come before the command. */
  while (i < argc && argv[i][0] == '-')
    {
      if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        {
          g_free (db_path);
          db_path = g_strdup (argv[i + 1]);
          i += 2;
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (db_path);
          db_path = g_strdup (argv[i] + 5);
          i++;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          g_print ("vigilctl %s\n", PACKAGE_VERSION);
          return VIGIL_EXIT_OK;
        }
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_help ();
          return VIGIL_EXIT_OK;
        }
      else
        {
          g_printerr (_("vigilctl: unknown option %s\n"), argv[i]);
          g_printerr (_("Try “vigilctl --help”.\n"));
          return VIGIL_EXIT_USAGE;
        }
    }

  if (db_path != NULL && *db_path == '\0')
    {
      g_printerr (_("vigilctl: --db needs a path\n"));
      return VIGIL_EXIT_USAGE;
    }

  if (i >= argc)
    {
      print_help ();
      return VIGIL_EXIT_USAGE;
    }

  command = find_command (argc, argv, i, &n_words);
  if (command == NULL)
    {
      g_printerr (_("vigilctl: unknown command “%s”\n"), argv[i]);
      g_printerr (_("Try “vigilctl --help”.\n"));
      return VIGIL_EXIT_USAGE;
    }

  cli.db_path = db_path;
  cli.command = command->name;

  /* The command sees argv[0] = its name, then its own arguments. */
  sub_argv = g_ptr_array_new ();
  g_ptr_array_add (sub_argv, (gpointer) command->name);
  for (int j = i + n_words; j < argc; j++)
    g_ptr_array_add (sub_argv, argv[j]);
  g_ptr_array_add (sub_argv, NULL);

  status = command->func (&cli, (int) sub_argv->len - 1, (char **) sub_argv->pdata);
  g_clear_object (&cli.store);
  return status;
}
