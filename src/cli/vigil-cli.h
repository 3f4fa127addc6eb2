/* vigil-cli.h — vigilctl, Vigil's command line
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of vigilctl. */
enum
{
  VIGIL_EXIT_OK = 0,
  VIGIL_EXIT_FAILED = 1,  /* refused, invalid value, not found, I/O */
  VIGIL_EXIT_USAGE = 2,   /* bad command line */
};

int vigil_cli_run (int    argc,
                   char **argv);

G_END_DECLS
