/* vigil-board-dialogs.c — the small questions of the board: closing, reopening, escalating
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AdwMessageDialogs with an extra child.  The "ok" response stays
 * insensitive until the answers the workflow rules need are given, so a
 * dialog never leads to a refusal.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-board-dialogs.h"
#include "vigil-workflow.h"

typedef struct
{
  GCallback       reply;
  gpointer        user_data;
  GDestroyNotify  destroy;
  GtkDropDown    *resolution;  /* closing */
  GtkTextView    *summary;     /* closing */
  GtkEntry       *reason;      /* reopening, escalating */
  GtkDropDown    *tier;        /* escalating */
  const char    **tiers;
  gboolean        closing;
} Ask;

static void
ask_free (Ask *ask)
{
  if (ask->destroy)
    ask->destroy (ask->user_data);
  g_free (ask->tiers);
  g_free (ask);
}

static const char *
resolution_key (guint i)
{
  const VigilVocabEntry *e;
  guint n;

  e = vigil_vocab_entries (VIGIL_VOCAB_RESOLUTION, &n);
  return i < n ? e[i].key : NULL;
}

static char *
summary_text (Ask *ask)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (ask->summary);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
validate (AdwMessageDialog *dialog)
{
  Ask *ask = g_object_get_data (G_OBJECT (dialog), "vigil-ask");
  gboolean ok = TRUE;

  if (ask->closing)
    {
      g_autofree char *summary = summary_text (ask);
      ok = ok && *summary != '\0';
    }
  if (ask->reason != NULL)
    {
      g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (ask->reason))));
      ok = ok && *reason != '\0';
    }
  adw_message_dialog_set_response_enabled (dialog, "ok", ok);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          data)
{
  Ask *ask = g_object_get_data (G_OBJECT (dialog), "vigil-ask");
  g_autofree char *summary = NULL;
  g_autofree char *reason = NULL;

  if (!g_str_equal (response, "ok"))
    return;
  if (ask->reason != NULL)
    reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (ask->reason))));
  if (ask->tier != NULL)
    {
      ((VigilEscalateReply) ask->reply) (ask->user_data,
                                         ask->tiers[gtk_drop_down_get_selected (ask->tier)], reason);
      return;
    }
  if (ask->closing)
    summary = summary_text (ask);
  ((VigilMoveReply) ask->reply) (ask->user_data, reason,
                                 ask->closing ? resolution_key (gtk_drop_down_get_selected (ask->resolution)) : NULL,
                                 summary);
}

static AdwMessageDialog *
new_dialog (GtkWidget  *parent,
            const char *heading,
            const char *body,
            const char *ok_label,
            Ask        *ask)
{
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, NULL));
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "ok", ok_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "vigil-ask", ask, (GDestroyNotify) ask_free);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
  return dialog;
}

static GtkWidget *
labelled (const char *label,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *l = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_widget_add_css_class (l, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (l), widget);
  gtk_box_append (GTK_BOX (box), l);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

static GtkWidget *
vocab_drop_down (VigilVocab   vocab,
                 const char  *selected,
                 int          from)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const VigilVocabEntry *e;
  GtkWidget *dd;
  guint n;

  e = vigil_vocab_entries (vocab, &n);
  for (guint i = (guint) MAX (from, 0); i < n; i++)
    gtk_string_list_append (labels, g_dgettext (GETTEXT_PACKAGE, e[i].label));
  dd = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  if (selected != NULL && vigil_vocab_index (vocab, selected) >= from)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dd), (guint) (vigil_vocab_index (vocab, selected) - from));
  return dd;
}

void
vigil_board_ask_move (GtkWidget      *parent,
                      VigilIncident  *incident,
                      const char     *to_stage,
                      VigilMoveReply  reply,
                      gpointer        user_data,
                      GDestroyNotify  destroy)
{
  Ask *ask = g_new0 (Ask, 1);
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  const char *from = vigil_incident_get_stage (incident);
  gboolean backward = vigil_workflow_is_backward (from, to_stage);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  ask->reply = G_CALLBACK (reply);
  ask->user_data = user_data;
  ask->destroy = destroy;
  ask->closing = g_str_equal (to_stage, "closed");

  if (ask->closing)
    {
      heading = g_strdup_printf (_("Close %s?"), vigil_incident_get_ref (incident));
      body = g_strdup (_("Closing needs the resolution and a summary of what happened and what was done."));
    }
  else
    {
      heading = g_strdup_printf (_("Move %s Back to %s?"), vigil_incident_get_ref (incident),
                                 vigil_vocab_label (VIGIL_VOCAB_STAGE, to_stage));
      body = g_strdup (_("Reopening an incident needs a reason; it is recorded on the timeline."));
    }
  dialog = new_dialog (parent, heading, body, ask->closing ? _("C_lose Incident") : _("_Move Back"), ask);

  if (ask->closing)
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkWidget *dd = vocab_drop_down (VIGIL_VOCAB_RESOLUTION, vigil_incident_get_resolution (incident), 0);
      GtkWidget *tv = gtk_text_view_new ();

      ask->resolution = GTK_DROP_DOWN (dd);
      ask->summary = GTK_TEXT_VIEW (tv);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (tv), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (tv), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (tv), 6);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (tv), 6);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (tv)),
                                vigil_incident_get_summary (incident), -1);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), tv);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 100);
      gtk_widget_add_css_class (scroller, "card");
      gtk_box_append (GTK_BOX (box), labelled (_("_Resolution"), dd));
      gtk_box_append (GTK_BOX (box), labelled (_("Closure _summary"), scroller));
      g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (tv)), "changed",
                                G_CALLBACK (validate), dialog);
    }
  if (backward)
    {
      GtkWidget *entry = gtk_entry_new ();
      ask->reason = GTK_ENTRY (entry);
      gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("e.g. The host is beaconing again"));
      gtk_box_append (GTK_BOX (box), labelled (_("_Reason"), entry));
      g_signal_connect_swapped (entry, "changed", G_CALLBACK (validate), dialog);
    }
  adw_message_dialog_set_extra_child (dialog, box);
  validate (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
vigil_board_ask_escalation (GtkWidget          *parent,
                            VigilIncident      *incident,
                            VigilEscalateReply  reply,
                            gpointer            user_data,
                            GDestroyNotify      destroy)
{
  Ask *ask = g_new0 (Ask, 1);
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *entry = gtk_entry_new ();
  int from = vigil_vocab_index (VIGIL_VOCAB_TIER, vigil_incident_get_tier (incident)) + 1;
  const VigilVocabEntry *e;
  g_autofree char *heading = g_strdup_printf (_("Escalate %s?"), vigil_incident_get_ref (incident));
  g_autofree char *body = g_strdup_printf (_("It is handled at %s now. Say why it needs a higher tier; "
                                             "the escalation is recorded on the timeline."),
                                           vigil_vocab_label (VIGIL_VOCAB_TIER,
                                                              vigil_incident_get_tier (incident)));
  GtkWidget *dd;
  guint n;

  ask->reply = G_CALLBACK (reply);
  ask->user_data = user_data;
  ask->destroy = destroy;
  e = vigil_vocab_entries (VIGIL_VOCAB_TIER, &n);
  ask->tiers = g_new0 (const char *, n + 1);
  for (guint i = (guint) from, j = 0; i < n; i++, j++)
    ask->tiers[j] = e[i].key;
  dialog = new_dialog (parent, heading, body, _("_Escalate"), ask);
  dd = vocab_drop_down (VIGIL_VOCAB_TIER, NULL, from);
  ask->tier = GTK_DROP_DOWN (dd);
  ask->reason = GTK_ENTRY (entry);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (GTK_BOX (box), labelled (_("_Tier"), dd));
  gtk_box_append (GTK_BOX (box), labelled (_("_Reason"), entry));
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (validate), dialog);
  adw_message_dialog_set_extra_child (dialog, box);
  validate (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}
