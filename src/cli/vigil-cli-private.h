/* vigil-cli-private.h — shared by vigilctl's command files
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each command group lives in vigil-cli-<group>.c and registers its
 * commands in the table of vigil-cli.c.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vigil-cli.h"
#include "vigil-core.h"

G_BEGIN_DECLS

typedef struct
{
  const char *db_path;   /* --db, or NULL for the default */
  VigilStore *store;     /* opened by vigil_cli_open_store() */
  const char *command;   /* e.g. "incident move", for messages */
} VigilCli;

typedef int (*VigilCliFunc) (VigilCli *cli,
                             int       argc,
                             char    **argv);

typedef struct
{
  const char   *name;     /* "stats", or "incident move" */
  const char   *args;     /* synopsis of the arguments, for --help */
  const char   *summary;  /* untranslated, N_() */
  VigilCliFunc  func;
} VigilCliCommand;

/* Opens the database; on failure prints the reason and returns NULL. */
VigilStore *vigil_cli_open_store   (VigilCli             *cli,
                                    VigilStoreOpenFlags   flags);
/* Prints "vigilctl: <command>: message" to stderr; returns VIGIL_EXIT_FAILED,
 * or VIGIL_EXIT_USAGE for usage errors. */
int         vigil_cli_fail         (VigilCli             *cli,
                                    const GError         *error);
int         vigil_cli_usage_error  (VigilCli             *cli,
                                    const char           *format,
                                    ...) G_GNUC_PRINTF (2, 3);
/* Parses options; on a bad option prints it and returns FALSE. Leaves the
 * positional arguments in argv/argc (argv[0] is the command). */
gboolean    vigil_cli_parse        (VigilCli             *cli,
                                    const char           *params,
                                    const GOptionEntry   *entries,
                                    int                  *argc,
                                    char               ***argv,
                                    int                  *status);
void        vigil_cli_print_json   (JsonNode             *node);
void        vigil_cli_print_builder (JsonBuilder         *builder);

/* JSON members: _string prints null for NULL; _optional null for NULL or
 * ""; _text "" for NULL; _int the number; _id null unless positive. */
void        vigil_cli_json_string  (JsonBuilder          *b,
                                    const char           *name,
                                    const char           *value);
void        vigil_cli_json_optional (JsonBuilder         *b,
                                    const char           *name,
                                    const char           *value);
void        vigil_cli_json_text    (JsonBuilder          *b,
                                    const char           *name,
                                    const char           *value);
void        vigil_cli_json_int     (JsonBuilder          *b,
                                    const char           *name,
                                    gint64                value);
void        vigil_cli_json_id      (JsonBuilder          *b,
                                    const char           *name,
                                    gint64                value);

/* Command groups */
extern const VigilCliCommand vigil_cli_base_commands[];
extern const VigilCliCommand vigil_cli_incident_commands[];
extern const VigilCliCommand vigil_cli_record_commands[];
extern const VigilCliCommand vigil_cli_org_commands[];
extern const VigilCliCommand vigil_cli_asset_commands[];
extern const VigilCliCommand vigil_cli_alert_commands[];
extern const VigilCliCommand vigil_cli_report_commands[];

G_END_DECLS
