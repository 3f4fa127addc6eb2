/* vigil-vocab.h — the keys Vigil stores, and their labels
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keys are the ones in DESIGN.md and are the same in the database, the
 * command line and JSON.  Labels are translated, for display only.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  VIGIL_STAGE_CLASSIFICATION,
  VIGIL_STAGE_INVESTIGATION,
  VIGIL_STAGE_CONTAINMENT,
  VIGIL_STAGE_RESOLUTION,
  VIGIL_STAGE_CLOSED,
  VIGIL_N_STAGES
} VigilStage;

typedef struct
{
  const char *key;
  const char *label;        /* untranslated; pass through _() or use the getter */
  const char *description;  /* untranslated, may be NULL */
} VigilVocabEntry;

typedef enum
{
  VIGIL_VOCAB_STAGE,
  VIGIL_VOCAB_SEVERITY,
  VIGIL_VOCAB_TIER,
  VIGIL_VOCAB_TLP,
  VIGIL_VOCAB_PAP,
  VIGIL_VOCAB_RESOLUTION,
  VIGIL_VOCAB_CATEGORY,
  VIGIL_VOCAB_TEAM_KIND,
  VIGIL_VOCAB_CRITICALITY,
  VIGIL_VOCAB_IMPACT_STATUS,
  VIGIL_VOCAB_DOCUMENT_KIND,
  VIGIL_VOCAB_OBSERVABLE_TYPE,
  VIGIL_VOCAB_TASK_STATUS,
  VIGIL_VOCAB_COUNTERMEASURE_STATUS,
  VIGIL_VOCAB_CHANNEL,
  VIGIL_VOCAB_DETECTION_STATUS,
  VIGIL_VOCAB_ASSET_STATUS,
  VIGIL_N_VOCABS
} VigilVocab;

const VigilVocabEntry *vigil_vocab_entries   (VigilVocab   vocab,
                                              guint       *n_entries);
const char            *vigil_vocab_name      (VigilVocab   vocab);
int                    vigil_vocab_index     (VigilVocab   vocab,
                                              const char  *key);
gboolean               vigil_vocab_contains  (VigilVocab   vocab,
                                              const char  *key);
const char            *vigil_vocab_label     (VigilVocab   vocab,
                                              const char  *key);
char                  *vigil_vocab_keys_joined (VigilVocab vocab,
                                              const char  *separator);
gboolean               vigil_vocab_validate  (VigilVocab   vocab,
                                              const char  *key,
                                              GError     **error);

const char            *vigil_stage_key       (VigilStage   stage);
VigilStage             vigil_stage_from_key  (const char  *key);

int                    vigil_priority_from_impact_urgency (int impact,
                                                           int urgency);

G_END_DECLS
