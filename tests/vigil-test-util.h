/* vigil-test-util.h — shared test helpers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vigil-core.h"

G_BEGIN_DECLS

/* A new temporary folder, removed (with its content) at exit. */
char       *vigil_test_tmpdir       (void);
/* A path for a new database in a fresh temporary folder. */
char       *vigil_test_db_path      (void);
/* A new, empty, migrated store on a temporary database. */
VigilStore *vigil_test_store_new    (void);
/* The shared samples folder, or NULL (the test should skip). */
const char *vigil_test_samples_dir  (void);
/* Runs vigilctl with argv (NULL-terminated, without "vigilctl"); returns the
 * exit status and fills stdout/stderr. */
int         vigil_test_run_vigilctl (const char * const *argv,
                                     const char         *stdin_text,
                                     char              **out,
                                     char              **err);
void        vigil_test_init         (int                *argc,
                                     char             ***argv);

G_END_DECLS
