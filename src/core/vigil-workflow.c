/* vigil-workflow.c — the rules of the five stages, as pure functions
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-error.h"
#include "vigil-vocab.h"
#include "vigil-workflow.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
check_stage (const char  *stage,
             GError     **error)
{
  if (stage != NULL && vigil_vocab_contains (VIGIL_VOCAB_STAGE, stage))
    return TRUE;
  return vigil_vocab_validate (VIGIL_VOCAB_STAGE, stage ? stage : "", error);
}

gboolean
vigil_workflow_is_backward (const char *from_stage,
                            const char *to_stage)
{
  int from = vigil_vocab_index (VIGIL_VOCAB_STAGE, from_stage);
  int to = vigil_vocab_index (VIGIL_VOCAB_STAGE, to_stage);

  return from >= 0 && to >= 0 && to < from;
}

gboolean
vigil_workflow_check_move (const VigilMoveFacts  *facts,
                           GError               **error)
{
  g_return_val_if_fail (facts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_stage (facts->from_stage, error) || !check_stage (facts->to_stage, error))
    return FALSE;

  if (g_str_equal (facts->from_stage, facts->to_stage))
    return TRUE;

  if (vigil_workflow_is_backward (facts->from_stage, facts->to_stage))
    {
      if (is_blank (facts->reason))
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED,
                       _("Moving an incident back from %s to %s needs a reason"),
                       vigil_vocab_label (VIGIL_VOCAB_STAGE, facts->from_stage),
                       vigil_vocab_label (VIGIL_VOCAB_STAGE, facts->to_stage));
          return FALSE;
        }
      return TRUE;
    }

  if (g_str_equal (facts->from_stage, "classification"))
    {
      gboolean no_severity = is_blank (facts->severity);
      gboolean no_category = is_blank (facts->category);

      if (no_severity || no_category)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED, "%s",
                       no_severity && no_category
                       ? _("Leaving Classification needs a severity and a category")
                       : no_severity
                       ? _("Leaving Classification needs a severity (the category is set)")
                       : _("Leaving Classification needs a category (the severity is set)"));
          return FALSE;
        }
    }

  if (g_str_equal (facts->to_stage, "closed"))
    {
      gboolean no_resolution = is_blank (facts->resolution);
      gboolean no_summary = is_blank (facts->summary);

      if (no_resolution || no_summary)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED, "%s",
                       no_resolution && no_summary
                       ? _("Closing an incident needs a resolution and a closure summary")
                       : no_resolution
                       ? _("Closing an incident needs a resolution (true-positive, false-positive, benign or duplicate)")
                       : _("Closing an incident needs a closure summary"));
          return FALSE;
        }
      if (!vigil_vocab_validate (VIGIL_VOCAB_RESOLUTION, facts->resolution, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
vigil_workflow_check_escalation (const char  *from_tier,
                                 const char  *to_tier,
                                 const char  *reason,
                                 GError     **error)
{
  int from, to;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_vocab_validate (VIGIL_VOCAB_TIER, to_tier ? to_tier : "", error))
    return FALSE;
  from = vigil_vocab_index (VIGIL_VOCAB_TIER, from_tier);
  to = vigil_vocab_index (VIGIL_VOCAB_TIER, to_tier);

  if (to <= from)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED,
                   _("Escalation goes up a tier (L1 → L2 → L3 → CSIRT); the incident is already at %s"),
                   vigil_vocab_label (VIGIL_VOCAB_TIER, from_tier));
      return FALSE;
    }
  if (is_blank (reason))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED,
                   _("Escalating to %s needs a reason"),
                   vigil_vocab_label (VIGIL_VOCAB_TIER, to_tier));
      return FALSE;
    }
  return TRUE;
}

const char *
vigil_workflow_next_stage (const char *stage)
{
  int i = vigil_vocab_index (VIGIL_VOCAB_STAGE, stage);

  if (i < 0 || i + 1 >= VIGIL_N_STAGES)
    return NULL;
  return vigil_stage_key (i + 1);
}

const char *
vigil_workflow_previous_stage (const char *stage)
{
  int i = vigil_vocab_index (VIGIL_VOCAB_STAGE, stage);

  if (i <= 0)
    return NULL;
  return vigil_stage_key (i - 1);
}
