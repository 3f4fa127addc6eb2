/* vigil-board-dialogs.h — the small questions of the board: closing, reopening, escalating
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"

G_BEGIN_DECLS

/* Called once with the answers, or not at all when cancelled. */
typedef void (*VigilMoveReply)     (gpointer    user_data,
                                    const char *reason,
                                    const char *resolution,
                                    const char *summary);
typedef void (*VigilEscalateReply) (gpointer    user_data,
                                    const char *tier,
                                    const char *reason);

/* Asks for what a move needs: a resolution and a closure summary when
 * closing, a reason when moving backwards.  `user_data` is freed with
 * `destroy` when the dialog goes away. */
void vigil_board_ask_move       (GtkWidget          *parent,
                                 VigilIncident      *incident,
                                 const char         *to_stage,
                                 VigilMoveReply      reply,
                                 gpointer            user_data,
                                 GDestroyNotify      destroy);
void vigil_board_ask_escalation (GtkWidget          *parent,
                                 VigilIncident      *incident,
                                 VigilEscalateReply  reply,
                                 gpointer            user_data,
                                 GDestroyNotify      destroy);

G_END_DECLS
