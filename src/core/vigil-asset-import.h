/* vigil-asset-import.h — importing an asset inventory from CSV
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the exports of common inventories (NetBox devices and virtual
 * machines, Snipe-IT, GLPI, DFIR-IRIS) by their header names, or any CSV
 * with a column map ("Hostname=name").  Contacts resolve to people of the
 * organisation by email, employee id or name; the ones that do not resolve
 * are reported and the asset is imported without them.  An asset whose name
 * already exists is updated.  A malformed file imports nothing unless
 * VIGIL_ASSET_IMPORT_SKIP_INVALID is given.
 */
#pragma once

#include "vigil-store.h"

G_BEGIN_DECLS

typedef enum
{
  VIGIL_ASSET_IMPORT_DEFAULT      = 0,
  VIGIL_ASSET_IMPORT_SKIP_INVALID = 1 << 0,  /* import the valid rows, report the rest */
  VIGIL_ASSET_IMPORT_DRY_RUN      = 1 << 1,  /* check and report, write nothing */
} VigilAssetImportFlags;

typedef struct
{
  char      *format;      /* netbox-devices, netbox-virtual-machines, snipe-it, glpi, dfir-iris, generic */
  guint      rows;        /* data rows read */
  guint      created;
  guint      updated;
  guint      invalid;     /* rows not imported */
  GPtrArray *problems;    /* "line N: …" for rows not imported (or the file) */
  GPtrArray *unresolved;  /* "line N: …" contacts and teams that matched nobody */
  GPtrArray *mapping;     /* "Column → field", and "Column (not imported)" */
} VigilAssetImportReport;

void                    vigil_asset_import_report_free (VigilAssetImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilAssetImportReport, vigil_asset_import_report_free)

/* The fields a column can map to ("name", "addresses", "contact", …). */
const char * const     *vigil_asset_import_fields      (void);

/* `map`: NULL or "COLUMN=FIELD" strings (FIELD may be "ignore").  Returns
 * FALSE with VIGIL_ERROR_VALIDATION when rows are invalid (see the report's
 * problems) and nothing was imported; the report is set whenever the file
 * could be read. */
gboolean                vigil_asset_import_data        (VigilStore               *store,
                                                        const char               *data,
                                                        gsize                     length,
                                                        const char * const       *map,
                                                        VigilAssetImportFlags     flags,
                                                        VigilAssetImportReport  **report,
                                                        GError                  **error);
gboolean                vigil_asset_import_file        (VigilStore               *store,
                                                        const char               *path,
                                                        const char * const       *map,
                                                        VigilAssetImportFlags     flags,
                                                        VigilAssetImportReport  **report,
                                                        GError                  **error);

G_END_DECLS
