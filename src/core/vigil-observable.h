/* vigil-observable.h — checking and finding observables (pure functions)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An observable is a typed value (ip, domain, url, md5, sha1, sha256, email,
 * account, hostname, filename, registry, other).  Validation normalises the
 * value (trimmed, re-fanged, lower-case where case means nothing) so that the
 * same indicator written two ways is stored once and found by the index.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The value as it should be stored, or NULL with a VIGIL_ERROR_VALIDATION
 * error that says what is wrong and what the type expects. */
char      *vigil_observable_normalize (const char  *type,
                                       const char  *value,
                                       GError     **error);
gboolean   vigil_observable_is_valid  (const char  *type,
                                       const char  *value);

typedef struct
{
  char *type;
  char *value;
} VigilObservableSuggestion;

void       vigil_observable_suggestion_free (VigilObservableSuggestion *suggestion);

/* IPs, domains, URLs, hashes and e-mail addresses found in free text, in
 * order of first appearance, each once.  Defanged forms (hxxp, [.]) are
 * recognised and returned re-fanged.  Array of VigilObservableSuggestion. */
GPtrArray *vigil_observable_extract   (const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilObservableSuggestion, vigil_observable_suggestion_free)

G_END_DECLS
