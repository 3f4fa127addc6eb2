/* vigil-board-page-actions.c — the board's actions: move, undo, escalate, edit, open, find
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drag and drop, the keyboard (Ctrl+Shift+←/→), the "Move to" menu and
 * vigilctl all end in board.move → vigil_store_move_incident(), whose
 * workflow rules decide; a refusal is a toast with the rule, an accepted
 * move a toast with Undo.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-board-dialogs.h"
#include "vigil-board-page-private.h"
#include "vigil-incident-editor.h"
#include "vigil-workflow.h"

/* ---- Toasts ------------------------------------------------------------- */

void
vigil_board_page_toast (VigilBoardPage *self,
                        const char     *message,
                        const char     *undo_action,
                        GVariant       *target)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *t = adw_toast_new (escaped);

  if (undo_action != NULL)
    {
      adw_toast_set_button_label (t, _("_Undo"));
      adw_toast_set_action_name (t, undo_action);
      adw_toast_set_action_target_value (t, target);
    }
  else if (target != NULL)
    g_variant_unref (g_variant_ref_sink (target));
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toasts, t);
}

/* ---- Moving ------------------------------------------------------------- */

static void
do_move (VigilBoardPage         *self,
         gint64                  id,
         const char             *stage,
         const VigilMoveDetails *details)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilIncident) before = vigil_store_get_incident (self->store, id, NULL);
  g_autofree char *message = NULL;
  gint64 move_id = 0;

  if (before == NULL)
    return;
  if (!vigil_store_move_incident (self->store, id, stage, details, &move_id, &error))
    {
      vigil_board_page_toast (self, error->message, NULL, NULL);
      return;
    }
  if (move_id == 0)
    return;
  message = g_strdup_printf (_("%s moved to %s"), vigil_incident_get_ref (before),
                             vigil_vocab_label (VIGIL_VOCAB_STAGE, stage));
  vigil_board_page_toast (self, message, "board.undo", g_variant_new_int64 (move_id));
}

typedef struct
{
  VigilBoardPage *page;
  gint64          id;
  char           *stage;
} PendingMove;

static void
pending_move_free (gpointer data)
{
  PendingMove *p = data;
  g_object_unref (p->page);
  g_free (p->stage);
  g_free (p);
}

static void
move_answered_cb (gpointer    data,
                  const char *reason,
                  const char *resolution,
                  const char *summary)
{
  PendingMove *p = data;
  VigilMoveDetails details = { reason, resolution, summary, NULL };

  do_move (p->page, p->id, p->stage, &details);
}

/* Moves, asking first for what the rules need (closing: resolution and
 * summary; backwards: a reason).  Everything else is left to the rules. */
static void
request_move (VigilBoardPage *self,
              gint64          id,
              const char     *stage)
{
  g_autoptr(VigilIncident) inc = NULL;
  g_autoptr(GError) error = NULL;
  const char *from;

  if (self->store == NULL)
    return;
  if (!vigil_vocab_contains (VIGIL_VOCAB_STAGE, stage))
    return;
  inc = vigil_store_get_incident (self->store, id, &error);
  if (inc == NULL)
    {
      vigil_board_page_toast (self, error->message, NULL, NULL);
      return;
    }
  from = vigil_incident_get_stage (inc);
  if (g_str_equal (from, stage))
    return;

  if (g_str_equal (stage, "closed") || vigil_workflow_is_backward (from, stage))
    {
      VigilMoveFacts facts = {
        .from_stage = from, .to_stage = stage,
        .severity = vigil_incident_get_severity (inc),
        .category = vigil_incident_get_category (inc),
        .resolution = "benign", .summary = "-", .reason = "-",
      };
      PendingMove *p;

      /* Refuse at once what no answer could fix (e.g. closing an
       * incident that has no severity yet). */
      if (!vigil_workflow_check_move (&facts, &error))
        {
          vigil_board_page_toast (self, error->message, NULL, NULL);
          return;
        }
      p = g_new0 (PendingMove, 1);
      p->page = g_object_ref (self);
      p->id = id;
      p->stage = g_strdup (stage);
      vigil_board_ask_move (GTK_WIDGET (self), inc, stage, move_answered_cb, p, pending_move_free);
      return;
    }
  do_move (self, id, stage, NULL);
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  gint64 id;
  const char *stage;

  g_variant_get (param, "(x&s)", &id, &stage);
  request_move (VIGIL_BOARD_PAGE (widget), id, stage);
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  VigilBoardPage *self = VIGIL_BOARD_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!vigil_store_undo_move (self->store, g_variant_get_int64 (param), &error))
    vigil_board_page_toast (self, error->message, NULL, NULL);
  else
    vigil_board_page_toast (self, _("Move undone"), NULL, NULL);
}

/* The card that has the keyboard focus (or whose row has it), or NULL. */
static VigilBoardCard *
focused_card (VigilBoardPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    {
      GtkWidget *child;
      if (VIGIL_IS_BOARD_CARD (w))
        return VIGIL_BOARD_CARD (w);
      child = gtk_widget_get_first_child (w);
      if (child != NULL && VIGIL_IS_BOARD_CARD (child))
        return VIGIL_BOARD_CARD (child);
    }
  return NULL;
}

static gint64
focused_incident (VigilBoardPage *self)
{
  VigilBoardCard *card = focused_card (self);

  if (card == NULL || vigil_board_card_get_incident (card) == NULL)
    return 0;
  return vigil_incident_get_id (vigil_board_card_get_incident (card));
}

static void
move_step_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  VigilBoardPage *self = VIGIL_BOARD_PAGE (widget);
  g_autoptr(VigilIncident) inc = NULL;
  gint64 id = focused_incident (self);
  const char *to;

  if (id == 0 || (inc = vigil_store_get_incident (self->store, id, NULL)) == NULL)
    return;
  to = g_str_equal (action_name, "board.move-right")
       ? vigil_workflow_next_stage (vigil_incident_get_stage (inc))
       : vigil_workflow_previous_stage (vigil_incident_get_stage (inc));
  if (to != NULL)
    gtk_widget_activate_action (widget, "board.move", "(xs)", id, to);
}

/* ---- Escalating, editing, opening ---------------------------------------- */

static void
escalate_answered_cb (gpointer    data,
                      const char *tier,
                      const char *reason)
{
  PendingMove *p = data;
  g_autoptr(GError) error = NULL;

  if (!vigil_store_escalate_incident (p->page->store, p->id, tier, reason, &error))
    vigil_board_page_toast (p->page, error->message, NULL, NULL);
  else
    {
      g_autofree char *message = g_strdup_printf (_("Escalated to %s"),
                                                  vigil_vocab_label (VIGIL_VOCAB_TIER, tier));
      vigil_board_page_toast (p->page, message, NULL, NULL);
    }
}

static void
escalate_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  VigilBoardPage *self = VIGIL_BOARD_PAGE (widget);
  gint64 id = g_variant_get_int64 (param);
  g_autoptr(VigilIncident) inc = id > 0 ? vigil_store_get_incident (self->store, id, NULL) : NULL;
  PendingMove *p;

  if (inc == NULL)
    return;
  if (g_str_equal (vigil_incident_get_tier (inc), "csirt"))
    {
      vigil_board_page_toast (self, _("The incident is already with the CSIRT, the highest tier"), NULL, NULL);
      return;
    }
  p = g_new0 (PendingMove, 1);
  p->page = g_object_ref (self);
  p->id = id;
  vigil_board_ask_escalation (widget, inc, escalate_answered_cb, p, pending_move_free);
}

static void
editor_saved_cb (VigilIncidentEditor *editor,
                 gint64               id,
                 const char          *message,
                 VigilBoardPage      *self)
{
  vigil_board_page_toast (self, message, NULL, NULL);
}

static void
open_editor (VigilBoardPage *self,
             gint64          id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  VigilIncidentEditor *editor;

  if (self->store == NULL)
    return;
  editor = vigil_incident_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_incident_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  open_editor (VIGIL_BOARD_PAGE (widget), 0);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  open_editor (VIGIL_BOARD_PAGE (widget), g_variant_get_int64 (param));
}

static void
open_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  gint64 id = g_variant_get_int64 (param);

  /* The incident page opens it; until it exists, the editor does. */
  if (!gtk_widget_activate_action (widget, "win.open-incident", "x", id))
    open_editor (VIGIL_BOARD_PAGE (widget), id);
}

static void
find_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  VigilBoardPage *self = VIGIL_BOARD_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- The card menu ---------------------------------------------------------- */

static GMenuModel *
card_menu (VigilIncident *inc)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) first = g_menu_new ();
  g_autoptr(GMenu) move = g_menu_new ();
  g_autoptr(GMenu) last = g_menu_new ();
  gint64 id = vigil_incident_get_id (inc);
  g_autoptr(GMenuItem) item = NULL;

  item = g_menu_item_new (_("_Open"), NULL);
  g_menu_item_set_action_and_target_value (item, "board.open", g_variant_new_int64 (id));
  g_menu_append_item (first, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_Edit…"), NULL);
  g_menu_item_set_action_and_target_value (item, "board.edit", g_variant_new_int64 (id));
  g_menu_append_item (first, item);
  g_clear_object (&item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (first));

  for (guint s = 0; s < VIGIL_N_STAGES; s++)
    {
      const char *key = vigil_stage_key (s);
      if (g_str_equal (key, vigil_incident_get_stage (inc)))
        continue;
      item = g_menu_item_new (vigil_vocab_label (VIGIL_VOCAB_STAGE, key), NULL);
      g_menu_item_set_action_and_target_value (item, "board.move", g_variant_new ("(xs)", id, key));
      g_menu_append_item (move, item);
      g_clear_object (&item);
    }
  g_menu_append_submenu (menu, _("_Move To"), G_MENU_MODEL (move));

  item = g_menu_item_new (_("E_scalate…"), NULL);
  g_menu_item_set_action_and_target_value (item, "board.escalate", g_variant_new_int64 (id));
  g_menu_append_item (last, item);
  g_clear_object (&item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (last));
  return G_MENU_MODEL (menu);
}

void
vigil_board_page_show_card_menu (VigilBoardCard *card,
                                 double          x,
                                 double          y)
{
  VigilIncident *inc = vigil_board_card_get_incident (card);
  g_autoptr(GMenuModel) model = NULL;
  GtkWidget *popover;

  if (inc == NULL)
    return;
  model = card_menu (inc);
  popover = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (popover, GTK_WIDGET (card));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  if (x >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
card_menu_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  VigilBoardCard *card = focused_card (VIGIL_BOARD_PAGE (widget));

  if (card != NULL)
    vigil_board_page_show_card_menu (card, -1, -1);
}

void
vigil_board_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "board.move", "(xs)", move_action_cb);
  gtk_widget_class_install_action (widget_class, "board.move-left", NULL, move_step_action_cb);
  gtk_widget_class_install_action (widget_class, "board.move-right", NULL, move_step_action_cb);
  gtk_widget_class_install_action (widget_class, "board.undo", "x", undo_action_cb);
  gtk_widget_class_install_action (widget_class, "board.escalate", "x", escalate_action_cb);
  gtk_widget_class_install_action (widget_class, "board.edit", "x", edit_action_cb);
  gtk_widget_class_install_action (widget_class, "board.open", "x", open_action_cb);
  gtk_widget_class_install_action (widget_class, "board.new-incident", NULL, new_incident_action_cb);
  gtk_widget_class_install_action (widget_class, "board.find", NULL, find_action_cb);
  gtk_widget_class_install_action (widget_class, "board.card-menu", NULL, card_menu_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "board.move-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "board.move-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "board.card-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "board.card-menu", NULL);
}
