/* vigil-empty-page.h — a page that has no view yet: what it knows, and a next step
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_EMPTY_PAGE (vigil_empty_page_get_type ())
G_DECLARE_FINAL_TYPE (VigilEmptyPage, vigil_empty_page, VIGIL, EMPTY_PAGE, GtkWidget)

VigilStore *vigil_empty_page_get_store (VigilEmptyPage *self);
void        vigil_empty_page_set_store (VigilEmptyPage *self,
                                        VigilStore     *store);
const char *vigil_empty_page_get_description (VigilEmptyPage *self);

G_END_DECLS
