/* vigil-core.c — library set-up shared by the app, vigilctl and tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "vigil-core.h"

void
vigil_core_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_type_ensure (VIGIL_TYPE_STORE);
      g_type_ensure (VIGIL_TYPE_INCIDENT);
      g_type_ensure (VIGIL_TYPE_RECORD_LIST);
      g_once_init_leave (&done, 1);
    }
}
