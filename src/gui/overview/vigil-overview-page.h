/* vigil-overview-page.h — the CISO's overview: figures, charts, reports, presentation mode
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"
#include "vigil-store-metrics.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_OVERVIEW_PAGE (vigil_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (VigilOverviewPage, vigil_overview_page, VIGIL, OVERVIEW_PAGE, AdwBin)

VigilStore         *vigil_overview_page_get_store     (VigilOverviewPage *self);
void                vigil_overview_page_set_store     (VigilOverviewPage *self,
                                                       VigilStore        *store);
/* The figures shown (NULL before the first computation). */
const VigilMetrics *vigil_overview_page_get_metrics   (VigilOverviewPage *self);
/* Chooses a custom period; FALSE (and the message shown in the page) when
 * the dates are not valid. */
gboolean            vigil_overview_page_set_period    (VigilOverviewPage *self,
                                                       const char        *from,
                                                       const char        *to,
                                                       GError           **error);
/* Recomputes now (normally after a change, or when the page is shown). */
void                vigil_overview_page_refresh       (VigilOverviewPage *self);
gboolean            vigil_overview_page_get_presenting (VigilOverviewPage *self);
void                vigil_overview_page_set_presenting (VigilOverviewPage *self,
                                                        gboolean           presenting);

G_END_DECLS
