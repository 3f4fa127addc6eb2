/* vigil-board-page.h — the incident board: five stages as columns of cards
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_BOARD_PAGE (vigil_board_page_get_type ())
G_DECLARE_FINAL_TYPE (VigilBoardPage, vigil_board_page, VIGIL, BOARD_PAGE, GtkWidget)

VigilStore *vigil_board_page_get_store       (VigilBoardPage *self);
void        vigil_board_page_set_store       (VigilBoardPage *self,
                                              VigilStore     *store);
/* The filter bar's text (same syntax as `win.board-filter`). */
void        vigil_board_page_set_filter_text (VigilBoardPage *self,
                                              const char     *text);
/* The model of a column (a VigilRecordList of VigilIncident), for tests:
 * a window of the column, its first cards (more as it is scrolled). */
GListModel *vigil_board_page_get_column_model (VigilBoardPage *self,
                                               VigilStage      stage);
/* How many cards the column has under the filter (its header). */
guint       vigil_board_page_get_column_count (VigilBoardPage *self,
                                               VigilStage      stage);
/* Extends the column's window (as scrolling near its end does). */
void        vigil_board_page_show_more       (VigilBoardPage *self,
                                              VigilStage      stage);
GtkWidget  *vigil_board_page_get_column_view (VigilBoardPage *self,
                                              VigilStage      stage);
/* The Closed column shows every closed incident (TRUE) or the recent ones. */
void        vigil_board_page_set_show_all_closed (VigilBoardPage *self,
                                                  gboolean        show_all);
/* Re-reads every column now (normally done on the store's `changed`). */
void        vigil_board_page_refresh         (VigilBoardPage *self);

G_END_DECLS
