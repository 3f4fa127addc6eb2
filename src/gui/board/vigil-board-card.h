/* vigil-board-card.h — one incident on the board
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_BOARD_CARD (vigil_board_card_get_type ())
G_DECLARE_FINAL_TYPE (VigilBoardCard, vigil_board_card, VIGIL, BOARD_CARD, GtkWidget)

GtkWidget     *vigil_board_card_new          (void);
VigilIncident *vigil_board_card_get_incident (VigilBoardCard *self);
void           vigil_board_card_set_incident (VigilBoardCard *self,
                                              VigilIncident  *incident);
/* The text the card shows for `part` ("ref", "tier", "title", "severity",
 * "category", "tlp", "initials", "age", "clock", "actions", "followups"),
 * or NULL when that part is hidden (for tests). */
const char    *vigil_board_card_get_text     (VigilBoardCard *self,
                                              const char     *part);
/* How many cards were ever constructed (for the scrolling benchmark). */
guint          vigil_board_card_get_n_created (void);

/* Display helpers shared with the dialogs. */
char          *vigil_board_format_duration   (gint64          seconds);
char          *vigil_board_initials          (const char     *name);

G_END_DECLS
