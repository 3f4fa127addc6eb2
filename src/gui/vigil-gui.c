/* vigil-gui.c — libvigil-gui set-up
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-alerts-page.h"
#include "vigil-board-page.h"
#include "vigil-empty-page.h"
#include "vigil-gui.h"
#include "vigil-inventory-page.h"
#include "vigil-org-page.h"
#include "vigil-overview-page.h"
#include "vigil-window.h"

void
vigil_gui_init (void)
{
  vigil_core_init ();
  g_type_ensure (VIGIL_TYPE_ALERTS_PAGE);
  g_type_ensure (VIGIL_TYPE_BOARD_PAGE);
  g_type_ensure (VIGIL_TYPE_EMPTY_PAGE);
  g_type_ensure (VIGIL_TYPE_INVENTORY_PAGE);
  g_type_ensure (VIGIL_TYPE_GRAPH_VIEW);
  g_type_ensure (VIGIL_TYPE_ORG_PAGE);
  g_type_ensure (VIGIL_TYPE_OVERVIEW_PAGE);
  g_type_ensure (VIGIL_TYPE_WINDOW);
}

GSettings *
vigil_gui_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL && g_file_test (VIGIL_BUILD_SCHEMA_DIR, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GSettingsSchemaSource) build = NULL;
      build = g_settings_schema_source_new_from_directory (VIGIL_BUILD_SCHEMA_DIR, source,
                                                            FALSE, NULL);
      if (build != NULL)
        schema = g_settings_schema_source_lookup (build, APP_ID, FALSE);
    }

  if (schema == NULL)
    {
      /* Without a schema GSettings would abort; say what to do instead. */
      g_printerr ("vigil: the settings schema %s is not installed; run Vigil through "
                  "build-aux/run.sh or install it with “meson install”.\n", APP_ID);
      exit (1);
    }
  return g_settings_new_full (schema, NULL, NULL);
}
