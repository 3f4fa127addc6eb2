/* test-vocab.c — the vocabulary of keys
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-test-util.h"

static void
test_vocab_keys (void)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;
  const VigilVocabEntry *e = vigil_vocab_entries (VIGIL_VOCAB_STAGE, &n);

  g_assert_cmpuint (n, ==, VIGIL_N_STAGES);
  g_assert_cmpstr (e[0].key, ==, "classification");
  g_assert_cmpstr (vigil_stage_key (VIGIL_STAGE_CLOSED), ==, "closed");
  g_assert_cmpint (vigil_stage_from_key ("containment"), ==, VIGIL_STAGE_CONTAINMENT);
  g_assert_cmpint (vigil_stage_from_key ("nope"), ==, VIGIL_N_STAGES);

  g_assert_true (vigil_vocab_contains (VIGIL_VOCAB_CATEGORY, "information-content-security"));
  g_assert_true (vigil_vocab_contains (VIGIL_VOCAB_TLP, "amber+strict"));
  g_assert_false (vigil_vocab_contains (VIGIL_VOCAB_TIER, "l4"));
  g_assert_false (vigil_vocab_validate (VIGIL_VOCAB_SEVERITY, "urgent", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  /* the message names the accepted keys */
  g_assert_nonnull (strstr (error->message, "low, medium, high, critical"));
}

static void
test_vocab_priority (void)
{
  g_assert_cmpint (vigil_priority_from_impact_urgency (1, 1), ==, 1);
  g_assert_cmpint (vigil_priority_from_impact_urgency (1, 3), ==, 3);
  g_assert_cmpint (vigil_priority_from_impact_urgency (2, 2), ==, 3);
  g_assert_cmpint (vigil_priority_from_impact_urgency (3, 3), ==, 4);
  g_assert_cmpint (vigil_priority_from_impact_urgency (0, 2), ==, 0);
}

static void
test_time_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = vigil_time_normalize ("2026-03-01T10:00:00+02:00", &error);
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "2026-03-01T08:00:00Z");
  b = vigil_time_normalize ("2026-03-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b, ==, "2026-03-01T00:00:00Z");
  c = vigil_time_normalize ("2026-03-01 07:30:00", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c, ==, "2026-03-01T07:30:00Z");
  d = vigil_time_normalize ("yesterday", &error);
  g_assert_null (d);
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
}

int
main (int   argc,
      char *argv[])
{
  vigil_test_init (&argc, &argv);
  g_test_add_func ("/vigil/vocab/keys", test_vocab_keys);
  g_test_add_func ("/vigil/vocab/priority", test_vocab_priority);
  g_test_add_func ("/vigil/time/parse", test_time_parse);
  return g_test_run ();
}
