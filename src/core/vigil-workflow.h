/* vigil-workflow.h — the rules of the five stages, as pure functions
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The board, the incident page and vigilctl all move incidents through
 * vigil_store_move_incident(), which asks these functions first.  A refusal
 * is a VIGIL_ERROR_REFUSED whose message states the rule, ready for a toast
 * or for stderr.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The facts a move is judged on.  Empty strings count as missing. */
typedef struct
{
  const char *from_stage;
  const char *to_stage;
  const char *severity;    /* the incident's, after any change made with the move */
  const char *category;
  const char *resolution;  /* the incident's or the one given with the move */
  const char *summary;
  const char *reason;      /* given with the move */
} VigilMoveFacts;

/* TRUE if `to_stage` comes before `from_stage` (a reopening). */
gboolean vigil_workflow_is_backward      (const char            *from_stage,
                                          const char            *to_stage);
/* Checks a move:
 *  - both stages must be known (VIGIL_ERROR_VALIDATION otherwise);
 *  - leaving Classification needs a severity and a category;
 *  - entering Closed needs a resolution and a closure summary;
 *  - moving backwards needs a reason. */
gboolean vigil_workflow_check_move       (const VigilMoveFacts  *facts,
                                          GError               **error);
/* Checks an escalation: the new tier must be higher than the current one
 * (l1 < l2 < l3 < csirt) and a reason is required. */
gboolean vigil_workflow_check_escalation (const char            *from_tier,
                                          const char            *to_tier,
                                          const char            *reason,
                                          GError               **error);
/* The stage after / before `stage`, or NULL at either end. */
const char *vigil_workflow_next_stage    (const char            *stage);
const char *vigil_workflow_previous_stage (const char           *stage);

G_END_DECLS
