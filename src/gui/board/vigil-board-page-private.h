/* vigil-board-page-private.h — the board page's parts, shared by its files
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * vigil-board-page.c: the columns, their windows of ids, the filter bar;
 * vigil-board-page-actions.c: the board.* actions (move, undo, escalate,
 * edit, open, find, the card menu) and their toasts;
 * vigil-board-page-dnd.c: the cards' factory, dragging a card and dropping
 * it on a column.
 */
#pragma once

#include "vigil-board-card.h"
#include "vigil-board-page.h"

G_BEGIN_DECLS

typedef struct
{
  VigilBoardPage   *page;
  VigilStage        stage;
  GtkWidget        *box;
  GtkLabel         *title;
  GtkLabel         *count;
  GtkWidget        *placeholder;
  GtkListView      *view;
  VigilRecordList  *list;
  GArray           *ids;      /* the ids of the column, in order (the first ones
                               * only while the page loads: see partial) */
  guint             total;    /* how many ids the column has */
  guint             grow_id;  /* idle source that extends the window */
  gboolean          reset;    /* the next refresh starts the window again */
} Column;

struct _VigilBoardPage
{
  GtkWidget            parent_instance;

  VigilStore          *store;
  gulong               changed_id;
  VigilIncidentFilter *filter;
  char                *filter_error;
  gint64               me_id;
  gboolean             closed_all;
  gboolean             updating_chips;
  gboolean             reset_windows; /* the next refresh starts each column at its top */
  /* Every id of each column under the filter without its text, so that a
   * keystroke is one FTS query; read again on any change in the store,
   * when the rest of the filter changes, or when older than BASE_MAX_AGE
   * (overdue and closed-since move with the clock). */
  GArray              *base[VIGIL_N_STAGES];
  char                *base_key;
  gint64               base_time;
  gboolean             partial;       /* only the first window of each column is read */
  guint                full_load_id;
  Column               columns[VIGIL_N_STAGES];

  AdwToastOverlay     *toasts;
  GtkToggleButton     *search_button;
  GtkLabel            *filter_summary;
  GtkToggleButton     *closed_all_button;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkBox              *chips_box;
  GtkStack            *stack;
  GtkBox              *columns_box;

  GtkDropDown         *chip_severity;
  GtkDropDown         *chip_tier;
  GtkDropDown         *chip_category;
  GtkDropDown         *chip_tlp;
  GtkToggleButton     *chip_mine;
  GtkToggleButton     *chip_overdue;
};

/* vigil-board-page-actions.c */
void                vigil_board_page_class_add_actions (GtkWidgetClass *widget_class);
void                vigil_board_page_toast            (VigilBoardPage *self,
                                                       const char     *message,
                                                       const char     *undo_action,
                                                       GVariant       *target);
void                vigil_board_page_show_card_menu   (VigilBoardCard *card,
                                                       double          x,
                                                       double          y);

/* vigil-board-page-dnd.c */
GtkListItemFactory *vigil_board_page_card_factory_new (VigilBoardPage *self);
void                vigil_board_page_add_drop_target  (Column         *column);

G_END_DECLS
