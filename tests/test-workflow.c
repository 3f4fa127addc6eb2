/* test-workflow.c — the stage rules as pure functions
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-test-util.h"
#include "vigil-workflow.h"

static void
assert_refused (const VigilMoveFacts *facts,
                const char           *words)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (vigil_workflow_check_move (facts, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, words);
}

static void
test_leave_classification (void)
{
  VigilMoveFacts f = { .from_stage = "classification", .to_stage = "investigation" };
  g_autoptr(GError) error = NULL;

  assert_refused (&f, "severity and a category");
  f.severity = "high";
  assert_refused (&f, "needs a category");
  f.severity = NULL;
  f.category = "fraud";
  assert_refused (&f, "needs a severity");
  f.severity = "   ";
  assert_refused (&f, "needs a severity");
  f.severity = "high";
  g_assert_true (vigil_workflow_check_move (&f, &error));
  g_assert_no_error (error);

  /* jumping ahead from Classification is judged by the same rule */
  f.to_stage = "containment";
  f.category = NULL;
  assert_refused (&f, "category");
}

static void
test_enter_closed (void)
{
  VigilMoveFacts f = { .from_stage = "resolution", .to_stage = "closed",
                       .severity = "low", .category = "other" };
  g_autoptr(GError) error = NULL;

  assert_refused (&f, "resolution and a closure summary");
  f.resolution = "true-positive";
  assert_refused (&f, "closure summary");
  f.resolution = NULL;
  f.summary = "Contained and cleaned.";
  assert_refused (&f, "needs a resolution");
  f.resolution = "maybe";
  g_assert_false (vigil_workflow_check_move (&f, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_clear_error (&error);
  f.resolution = "benign";
  g_assert_true (vigil_workflow_check_move (&f, &error));
  g_assert_no_error (error);

  /* closing straight from Classification needs all four */
  f.from_stage = "classification";
  f.severity = NULL;
  assert_refused (&f, "Classification");
}

static void
test_backwards (void)
{
  VigilMoveFacts f = { .from_stage = "closed", .to_stage = "investigation" };
  g_autoptr(GError) error = NULL;

  g_assert_true (vigil_workflow_is_backward ("closed", "investigation"));
  g_assert_false (vigil_workflow_is_backward ("investigation", "closed"));
  assert_refused (&f, "needs a reason");
  f.reason = "";
  assert_refused (&f, "needs a reason");
  f.reason = "The attacker came back";
  g_assert_true (vigil_workflow_check_move (&f, &error));
  g_assert_no_error (error);
  /* reopening into Classification needs no severity */
  f.to_stage = "classification";
  g_assert_true (vigil_workflow_check_move (&f, &error));
}

static void
test_unknown_stage (void)
{
  VigilMoveFacts f = { .from_stage = "classification", .to_stage = "done" };
  g_autoptr(GError) error = NULL;

  g_assert_false (vigil_workflow_check_move (&f, &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "investigation"));
}

static void
test_escalation (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vigil_workflow_check_escalation ("l1", "l2", "Lateral movement", &error));
  g_assert_true (vigil_workflow_check_escalation ("l1", "csirt", "Ransomware", &error));
  g_assert_no_error (error);
  g_assert_false (vigil_workflow_check_escalation ("l2", "l2", "x", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (vigil_workflow_check_escalation ("l3", "l1", "x", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (vigil_workflow_check_escalation ("l1", "l2", " ", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "reason"));
  g_clear_error (&error);
  g_assert_false (vigil_workflow_check_escalation ("l1", "l9", "x", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION);
}

static void
test_neighbours (void)
{
  g_assert_cmpstr (vigil_workflow_next_stage ("classification"), ==, "investigation");
  g_assert_null (vigil_workflow_next_stage ("closed"));
  g_assert_cmpstr (vigil_workflow_previous_stage ("closed"), ==, "resolution");
  g_assert_null (vigil_workflow_previous_stage ("classification"));
  g_assert_null (vigil_workflow_next_stage ("bogus"));
}

int
main (int argc, char **argv)
{
  vigil_test_init (&argc, &argv);
  g_test_add_func ("/vigil/workflow/leave-classification", test_leave_classification);
  g_test_add_func ("/vigil/workflow/enter-closed", test_enter_closed);
  g_test_add_func ("/vigil/workflow/backwards", test_backwards);
  g_test_add_func ("/vigil/workflow/unknown-stage", test_unknown_stage);
  g_test_add_func ("/vigil/workflow/escalation", test_escalation);
  g_test_add_func ("/vigil/workflow/neighbours", test_neighbours);
  return g_test_run ();
}
