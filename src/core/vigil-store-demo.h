/* vigil-store-demo.h — the demo organisation, and synthetic databases
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-store.h"

G_BEGIN_DECLS

/* Fills an empty database in one transaction.
 *
 * scale 0: Kestrel Logistics, a realistic mid-size company with its people,
 * teams, systems, architecture documents, incidents in every stage and an
 * alert queue, all dated relative to vigil_time_now() so the board looks
 * alive whenever it is loaded.
 *
 * scale N > 0: a synthetic database for benchmarks with N incidents (about
 * one in ten open), max (60, N / 20) people in one reporting tree,
 * max (40, N / 5) assets and 2 × N alerts.
 *
 * Refuses (VIGIL_ERROR_CONFLICT) when the database already holds records.
 * The content is the same for the same scale and the same "now". */
gboolean vigil_store_load_demo (VigilStore  *self,
                                guint        scale,
                                GError     **error);

G_END_DECLS
