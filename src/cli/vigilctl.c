/* vigilctl.c — Vigil's command line
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "vigil-cli.h"

int
main (int    argc,
      char **argv)
{
  return vigil_cli_run (argc, argv);
}
