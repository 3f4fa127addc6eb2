/* vigil-vocab.c — the keys Vigil stores, and their labels
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-error.h"
#include "vigil-vocab.h"

static const VigilVocabEntry stages[] = {
  { "classification", N_("Classification"), N_("Severity, category, TLP and tier") },
  { "investigation", N_("Investigation"), N_("Find the cause") },
  { "containment", N_("Containment"), N_("Stabilise and limit the damage") },
  { "resolution", N_("Resolution"), N_("Fix the cause with the system owners") },
  { "closed", N_("Closed"), N_("Resolved, summarised, lessons learned") },
};

static const VigilVocabEntry severities[] = {
  { "low", N_("Low"), NULL },
  { "medium", N_("Medium"), NULL },
  { "high", N_("High"), NULL },
  { "critical", N_("Critical"), NULL },
};

static const VigilVocabEntry tiers[] = {
  { "l1", N_("L1"), N_("Level 1: triage") },
  { "l2", N_("L2"), N_("Level 2: incident handling") },
  { "l3", N_("L3"), N_("Level 3: expertise and detection") },
  { "csirt", N_("CSIRT"), N_("Computer security incident response team") },
};

static const VigilVocabEntry tlps[] = {
  { "clear", N_("TLP:CLEAR"), N_("May be shared without restriction") },
  { "green", N_("TLP:GREEN"), N_("Limited to the community") },
  { "amber", N_("TLP:AMBER"), N_("Limited to the organisation and its clients") },
  { "amber+strict", N_("TLP:AMBER+STRICT"), N_("Limited to the organisation") },
  { "red", N_("TLP:RED"), N_("For the named recipients only") },
};

static const VigilVocabEntry paps[] = {
  { "clear", N_("PAP:CLEAR"), NULL },
  { "green", N_("PAP:GREEN"), NULL },
  { "amber", N_("PAP:AMBER"), NULL },
  { "red", N_("PAP:RED"), NULL },
};

static const VigilVocabEntry resolutions[] = {
  { "true-positive", N_("True positive"), NULL },
  { "false-positive", N_("False positive"), NULL },
  { "benign", N_("Benign"), NULL },
  { "duplicate", N_("Duplicate"), NULL },
};

/* ENISA Reference Security Incident Taxonomy, top-level classes */
static const VigilVocabEntry categories[] = {
  { "abusive-content", N_("Abusive content"), N_("Spam, harmful speech, child abuse material") },
  { "malicious-code", N_("Malicious code"), N_("Infected system, C2 server, malware distribution") },
  { "information-gathering", N_("Information gathering"), N_("Scanning, sniffing, social engineering") },
  { "intrusion-attempts", N_("Intrusion attempts"), N_("Exploitation of known vulnerabilities, login attempts") },
  { "intrusions", N_("Intrusions"), N_("Privileged or unprivileged account compromise, application compromise") },
  { "availability", N_("Availability"), N_("Denial of service, sabotage, outage") },
  { "information-content-security", N_("Information content security"), N_("Unauthorised access or modification of information, data loss") },
  { "fraud", N_("Fraud"), N_("Unauthorised use of resources, copyright, masquerade, phishing") },
  { "vulnerable", N_("Vulnerable"), N_("Weak cryptography, DDoS amplifier, vulnerable system") },
  { "other", N_("Other"), N_("Uncategorised or undetermined") },
};

static const VigilVocabEntry team_kinds[] = {
  { "security", N_("Security"), NULL },
  { "it", N_("IT"), NULL },
  { "business", N_("Business"), NULL },
  { "external", N_("External"), NULL },
};

static const VigilVocabEntry impact_statuses[] = {
  { "unknown", N_("Unknown"), NULL },
  { "no-impact", N_("No impact"), NULL },
  { "with-impact", N_("With impact"), NULL },
  { "not-applicable", N_("Not applicable"), NULL },
};

static const VigilVocabEntry document_kinds[] = {
  { "architecture", N_("Architecture"), NULL },
  { "network-diagram", N_("Network diagram"), NULL },
  { "runbook", N_("Runbook"), NULL },
  { "procedure", N_("Procedure"), NULL },
  { "contract", N_("Contract"), NULL },
  { "inventory", N_("Inventory"), NULL },
  { "other", N_("Other"), NULL },
};

static const VigilVocabEntry observable_types[] = {
  { "ip", N_("IP address"), NULL },
  { "domain", N_("Domain"), NULL },
  { "url", N_("URL"), NULL },
  { "md5", N_("MD5"), NULL },
  { "sha1", N_("SHA-1"), NULL },
  { "sha256", N_("SHA-256"), NULL },
  { "email", N_("E-mail"), NULL },
  { "account", N_("Account"), NULL },
  { "hostname", N_("Host name"), NULL },
  { "filename", N_("File name"), NULL },
  { "registry", N_("Registry key"), NULL },
  { "other", N_("Other"), NULL },
};

static const VigilVocabEntry task_statuses[] = {
  { "todo", N_("To do"), NULL },
  { "in-progress", N_("In progress"), NULL },
  { "done", N_("Done"), NULL },
  { "cancelled", N_("Cancelled"), NULL },
};

static const VigilVocabEntry countermeasure_statuses[] = {
  { "pending", N_("Pending"), NULL },
  { "active", N_("Active"), NULL },
  { "removed", N_("Removed"), NULL },
};

static const VigilVocabEntry channels[] = {
  { "phone", N_("Phone"), NULL },
  { "email", N_("E-mail"), NULL },
  { "chat", N_("Chat"), NULL },
  { "meeting", N_("Meeting"), NULL },
  { "other", N_("Other"), NULL },
};

static const VigilVocabEntry detection_statuses[] = {
  { "requested", N_("Requested"), NULL },
  { "accepted", N_("Accepted"), NULL },
  { "deployed", N_("Deployed"), NULL },
  { "rejected", N_("Rejected"), NULL },
};

static const VigilVocabEntry asset_statuses[] = {
  { "active", N_("Active"), NULL },
  { "planned", N_("Planned"), NULL },
  { "maintenance", N_("Maintenance"), NULL },
  { "retired", N_("Retired"), NULL },
};

static const struct
{
  const char *name;
  const VigilVocabEntry *entries;
  guint n_entries;
} vocabs[VIGIL_N_VOCABS] = {
#define V(v, name, arr) [v] = { name, arr, G_N_ELEMENTS (arr) }
  V (VIGIL_VOCAB_STAGE, "stage", stages),
  V (VIGIL_VOCAB_SEVERITY, "severity", severities),
  V (VIGIL_VOCAB_TIER, "tier", tiers),
  V (VIGIL_VOCAB_TLP, "TLP", tlps),
  V (VIGIL_VOCAB_PAP, "PAP", paps),
  V (VIGIL_VOCAB_RESOLUTION, "resolution", resolutions),
  V (VIGIL_VOCAB_CATEGORY, "category", categories),
  V (VIGIL_VOCAB_TEAM_KIND, "team kind", team_kinds),
  V (VIGIL_VOCAB_CRITICALITY, "criticality", severities),
  V (VIGIL_VOCAB_IMPACT_STATUS, "impact status", impact_statuses),
  V (VIGIL_VOCAB_DOCUMENT_KIND, "document kind", document_kinds),
  V (VIGIL_VOCAB_OBSERVABLE_TYPE, "observable type", observable_types),
  V (VIGIL_VOCAB_TASK_STATUS, "task status", task_statuses),
  V (VIGIL_VOCAB_COUNTERMEASURE_STATUS, "countermeasure status", countermeasure_statuses),
  V (VIGIL_VOCAB_CHANNEL, "channel", channels),
  V (VIGIL_VOCAB_DETECTION_STATUS, "detection request status", detection_statuses),
  V (VIGIL_VOCAB_ASSET_STATUS, "asset status", asset_statuses),
#undef V
};

const VigilVocabEntry *
vigil_vocab_entries (VigilVocab  vocab,
                     guint      *n_entries)
{
  g_return_val_if_fail (vocab < VIGIL_N_VOCABS, NULL);

  if (n_entries)
    *n_entries = vocabs[vocab].n_entries;
  return vocabs[vocab].entries;
}

const char *
vigil_vocab_name (VigilVocab vocab)
{
  g_return_val_if_fail (vocab < VIGIL_N_VOCABS, NULL);
  return vocabs[vocab].name;
}

int
vigil_vocab_index (VigilVocab  vocab,
                   const char *key)
{
  g_return_val_if_fail (vocab < VIGIL_N_VOCABS, -1);

  if (key == NULL)
    return -1;
  for (guint i = 0; i < vocabs[vocab].n_entries; i++)
    if (g_str_equal (vocabs[vocab].entries[i].key, key))
      return (int) i;
  return -1;
}

gboolean
vigil_vocab_contains (VigilVocab  vocab,
                      const char *key)
{
  return vigil_vocab_index (vocab, key) >= 0;
}

const char *
vigil_vocab_label (VigilVocab  vocab,
                   const char *key)
{
  int i = vigil_vocab_index (vocab, key);

  if (i < 0)
    return key;
  return g_dgettext (GETTEXT_PACKAGE, vocabs[vocab].entries[i].label);
}

char *
vigil_vocab_keys_joined (VigilVocab  vocab,
                         const char *separator)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (vocab < VIGIL_N_VOCABS, NULL);

  for (guint i = 0; i < vocabs[vocab].n_entries; i++)
    {
      if (i > 0)
        g_string_append (s, separator);
      g_string_append (s, vocabs[vocab].entries[i].key);
    }
  return g_string_free (s, FALSE);
}

gboolean
vigil_vocab_validate (VigilVocab   vocab,
                      const char  *key,
                      GError     **error)
{
  g_autofree char *keys = NULL;

  if (vigil_vocab_contains (vocab, key))
    return TRUE;

  keys = vigil_vocab_keys_joined (vocab, ", ");
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
               _("Unknown %s “%s”; expected one of: %s"),
               vocabs[vocab].name, key ? key : "", keys);
  return FALSE;
}

const char *
vigil_stage_key (VigilStage stage)
{
  g_return_val_if_fail (stage < VIGIL_N_STAGES, NULL);
  return stages[stage].key;
}

VigilStage
vigil_stage_from_key (const char *key)
{
  int i = vigil_vocab_index (VIGIL_VOCAB_STAGE, key);
  return i < 0 ? VIGIL_N_STAGES : (VigilStage) i;
}

/* ITIL-style matrix: impact and urgency from 1 (high) to 3 (low).
 *            urgency 1  2  3
 *   impact 1         P1 P2 P3
 *   impact 2         P2 P3 P4
 *   impact 3         P3 P4 P4
 */
int
vigil_priority_from_impact_urgency (int impact,
                                    int urgency)
{
  if (impact < 1 || impact > 3 || urgency < 1 || urgency > 3)
    return 0;
  return MIN (4, impact + urgency - 1);
}
