/* vigil-board-page.c — the incident board: five stages as columns of cards
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each column is a GtkListView over a VigilRecordList: the ids (ordered and
 * filtered in SQL) are re-read when the store changes and diffed, so a
 * moved card is one exact removal in one column and one insertion in
 * another, and only the visible cards are ever built.
 *
 * Drag and drop, the keyboard (Ctrl+Shift+←/→), the "Move to" menu and
 * vigilctl all end in board.move → vigil_store_move_incident(), whose
 * workflow rules decide; a refusal is a toast with the rule, an accepted
 * move a toast with Undo.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-application.h"
#include "vigil-board-card.h"
#include "vigil-board-dialogs.h"
#include "vigil-board-page.h"
#include "vigil-incident-editor.h"
#include "vigil-preferences.h"
#include "vigil-workflow.h"

typedef struct
{
  VigilBoardPage   *page;
  VigilStage        stage;
  GtkWidget        *box;
  GtkLabel         *title;
  GtkLabel         *count;
  GtkWidget        *placeholder;
  GtkListView      *view;
  VigilRecordList  *list;
  GArray           *ids;      /* the ids of the column, in order (the first ones
                               * only while the page loads: see partial) */
  guint             total;    /* how many ids the column has */
  guint             grow_id;  /* idle source that extends the window */
  gboolean          reset;    /* the next refresh starts the window again */
} Column;

struct _VigilBoardPage
{
  GtkWidget            parent_instance;

  VigilStore          *store;
  gulong               changed_id;
  VigilIncidentFilter *filter;
  char                *filter_error;
  gint64               me_id;
  gboolean             closed_all;
  gboolean             updating_chips;
  gboolean             reset_windows; /* the next refresh starts each column at its top */
  /* Every id of each column under the filter without its text, so that a
   * keystroke is one FTS query; read again on any change in the store,
   * when the rest of the filter changes, or when older than BASE_MAX_AGE
   * (overdue and closed-since move with the clock). */
  GArray              *base[VIGIL_N_STAGES];
  char                *base_key;
  gint64               base_time;
  gboolean             partial;       /* only the first window of each column is read */
  guint                full_load_id;
  Column               columns[VIGIL_N_STAGES];

  AdwToastOverlay     *toasts;
  GtkToggleButton     *search_button;
  GtkLabel            *filter_summary;
  GtkToggleButton     *closed_all_button;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkBox              *chips_box;
  GtkStack            *stack;
  GtkBox              *columns_box;

  GtkDropDown         *chip_severity;
  GtkDropDown         *chip_tier;
  GtkDropDown         *chip_category;
  GtkDropDown         *chip_tlp;
  GtkToggleButton     *chip_mine;
  GtkToggleButton     *chip_overdue;
};

G_DEFINE_FINAL_TYPE (VigilBoardPage, vigil_board_page, GTK_TYPE_WIDGET)

/* A column's list holds the first WINDOW ids of the column (a screenful
 * and a bit); scrolling near its end extends it.  GTK 4.8's list view
 * builds a row for up to 200 items of its model whether they are on screen
 * or not, so a short model is what keeps a new query cheap. */
#define WINDOW 10
/* the first frame: what a column shows in a window of 800 pixels */
#define FIRST_WINDOW 6
#define BASE_MAX_AGE (30 * G_USEC_PER_SEC)

enum { PROP_0, PROP_STORE, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ---- Settings ----------------------------------------------------------- */

static GSettings *
get_settings (VigilBoardPage *self)
{
  GApplication *app = g_application_get_default ();

  if (app != NULL && VIGIL_IS_APPLICATION (app))
    return vigil_application_get_settings (VIGIL_APPLICATION (app));
  return NULL;
}

static guint
closed_days (VigilBoardPage *self)
{
  GSettings *settings = get_settings (self);

  if (self->closed_all)
    return 0;
  return settings ? g_settings_get_uint (settings, "closed-days") : 30;
}

static void
update_me (VigilBoardPage *self)
{
  GSettings *settings = get_settings (self);
  g_autofree char *email = settings ? g_settings_get_string (settings, "analyst-email") : NULL;

  self->me_id = self->store ? vigil_store_find_person_by_email (self->store, email, NULL) : 0;
}

/* ---- Columns ------------------------------------------------------------ */

static GObject *
load_incident_cb (gpointer user_data,
                  gint64   id)
{
  VigilBoardPage *self = user_data;

  if (self->store == NULL)
    return NULL;
  return G_OBJECT (vigil_store_get_incident (self->store, id, NULL));
}

static void
update_count (Column *column)
{
  char count[16];

  g_snprintf (count, sizeof count, "%u", column->total);
  gtk_label_set_text (column->count, count);
  gtk_widget_set_visible (column->placeholder, column->total == 0);
}

/* How many of the new ids the list shows.  After a change in the store the
 * list keeps the same last card, so that one card moving away or arriving is
 * one exact removal or insertion; after a new filter it starts again with
 * the first window. */
static guint
window_length (Column  *column,
               GArray  *ids,
               gboolean reset)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (column->list));
  gint64 last;

  if (reset || shown == 0)
    return MIN (ids->len, WINDOW);
  last = vigil_record_list_get_id (column->list, shown - 1);
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == last)
      return i + 1;
  return MIN (ids->len, shown);
}

static void
set_column_ids (Column  *column,
                GArray  *ids,
                guint    total,
                gboolean reset)
{
  guint n = window_length (column, ids, reset);

  g_clear_pointer (&column->ids, g_array_unref);
  column->ids = g_array_ref (ids);
  column->total = total;
  vigil_record_list_set_ids (column->list, (const gint64 *) (gpointer) ids->data, n);
  /* a column that moves have shortened grows again as its adjustment
   * changes (scrolled_cb) */
  update_count (column);
}

/* Shows `more` ids beyond the window (appended at the end). */
static void
extend_window (Column *column,
               guint   more)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (column->list));

  if (column->page->partial)
    vigil_board_page_refresh (column->page);
  if (shown >= column->ids->len)
    return;
  vigil_record_list_set_ids (column->list, (const gint64 *) (gpointer) column->ids->data,
                             MIN (column->ids->len, shown + more));
}

static gboolean
grow_cb (gpointer data)
{
  Column *column = data;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (column->list));

  column->grow_id = 0;
  /* doubling: the end of a column of 90,000 cards is a few drags away,
   * and each step adds rows only where the view looks */
  extend_window (column, MAX (shown, WINDOW));
  return G_SOURCE_REMOVE;
}

/* Less than half a page below the view: show more, after this frame. */
static void
scrolled_cb (GtkAdjustment *adj,
             Column        *column)
{
  double value = gtk_adjustment_get_value (adj);
  double page = gtk_adjustment_get_page_size (adj);
  double upper = gtk_adjustment_get_upper (adj);

  if (column->grow_id != 0 || column->ids == NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (column->list)) >= column->total)
    return;
  if (page > 0 && value + 1.5 * page >= upper)
    column->grow_id = g_idle_add (grow_cb, column);
}

static void
clear_column (Column *column)
{
  g_autoptr(GArray) empty = g_array_new (FALSE, FALSE, sizeof (gint64));

  set_column_ids (column, empty, 0, TRUE);
}

static void
update_empty_state (VigilBoardPage *self)
{
  gboolean empty = self->store == NULL || !vigil_store_has_incidents (self->store);

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "board");
}

static void
drop_base (VigilBoardPage *self)
{
  for (guint i = 0; i < VIGIL_N_STAGES; i++)
    g_clear_pointer (&self->base[i], g_array_unref);
  g_clear_pointer (&self->base_key, g_free);
}

/* Reads every id of the columns under `filter` without its text, unless
 * they are at hand. */
static gboolean
load_base (VigilBoardPage       *self,
           VigilIncidentFilter  *filter,
           GError              **error)
{
  g_autoptr(VigilIncidentFilter) base = vigil_incident_filter_copy (filter);
  g_autofree char *chips = NULL;
  g_autofree char *key = NULL;
  gint64 now = g_get_monotonic_time ();

  g_clear_pointer (&base->text, g_free);
  chips = vigil_incident_filter_to_string (base);
  key = g_strdup_printf ("%s closed:%u", chips, base->closed_days);
  if (self->base_key != NULL && g_str_equal (self->base_key, key) && now - self->base_time < BASE_MAX_AGE)
    return TRUE;
  drop_base (self);
  if (!vigil_store_filter_board_ids (self->store, base, self->base, error))
    return FALSE;
  self->base_key = g_steal_pointer (&key);
  self->base_time = now;
  return TRUE;
}

static gboolean
full_load_cb (gpointer data)
{
  VigilBoardPage *self = data;

  self->full_load_id = 0;
  if (self->partial)
    vigil_board_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* The first frame needs only the first window of each column and the
 * counts; every id is read right after it. */
static gboolean
load_first_windows (VigilBoardPage      *self,
                    VigilIncidentFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GArray *ids[VIGIL_N_STAGES];
  gint64 counts[VIGIL_N_STAGES];

  if (!vigil_store_filter_board_window (self->store, filter, FIRST_WINDOW, ids, counts, &error))
    {
      g_warning ("Cannot list the board: %s", error->message);
      return FALSE;
    }
  for (guint i = 0; i < VIGIL_N_STAGES; i++)
    {
      set_column_ids (&self->columns[i], ids[i], (guint) counts[i], TRUE);
      self->columns[i].reset = FALSE;
      g_array_unref (ids[i]);
    }
  self->partial = TRUE;
  if (self->full_load_id == 0)
    self->full_load_id = g_idle_add_full (G_PRIORITY_LOW, full_load_cb, self, NULL);
  return TRUE;
}

static void
refresh (VigilBoardPage *self,
         gboolean        keep_base)
{
  g_autoptr(VigilIncidentFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ids[VIGIL_N_STAGES];
  gboolean reset = self->reset_windows;

  self->reset_windows = FALSE;
  if (!keep_base)
    drop_base (self);
  if (self->store == NULL)
    {
      for (guint i = 0; i < VIGIL_N_STAGES; i++)
        clear_column (&self->columns[i]);
      update_empty_state (self);
      return;
    }

  filter = vigil_incident_filter_copy (self->filter);
  filter->closed_days = closed_days (self);
  if (self->base_key == NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)) && reset &&
      load_first_windows (self, filter))
    {
      update_empty_state (self);
      return;
    }
  if (!load_base (self, filter, &error) ||
      !vigil_store_narrow_board_ids (self->store, filter->text, self->base, ids, &error))
    {
      g_warning ("Cannot list the board: %s", error->message);
      return;
    }
  self->partial = FALSE;
  for (guint i = 0; i < VIGIL_N_STAGES; i++)
    {
      set_column_ids (&self->columns[i], ids[i], ids[i]->len, reset || self->columns[i].reset);
      self->columns[i].reset = FALSE;
      g_array_unref (ids[i]);
    }
  update_empty_state (self);
}

void
vigil_board_page_refresh (VigilBoardPage *self)
{
  g_return_if_fail (VIGIL_IS_BOARD_PAGE (self));
  refresh (self, FALSE);
}

static void
store_changed_cb (VigilStore     *store,
                  const char     *kind,
                  gint64          id,
                  VigilBoardPage *self)
{
  gboolean was_in[VIGIL_N_STAGES];

  if (id <= 0)
    {
      for (guint i = 0; i < VIGIL_N_STAGES; i++)
        vigil_record_list_invalidate_all (self->columns[i].list);
      vigil_board_page_refresh (self);
      return;
    }

  /* A column that did not hold the card drops any stale copy silently; one
   * that holds it before and after reports that one row as changed.  So a
   * move is exactly one removal and one insertion. */
  for (guint i = 0; i < VIGIL_N_STAGES; i++)
    {
      was_in[i] = vigil_record_list_find (self->columns[i].list, id) >= 0;
      if (!was_in[i])
        vigil_record_list_invalidate (self->columns[i].list, id);
    }
  vigil_board_page_refresh (self);
  for (guint i = 0; i < VIGIL_N_STAGES; i++)
    if (was_in[i] && vigil_record_list_find (self->columns[i].list, id) >= 0)
      vigil_record_list_invalidate (self->columns[i].list, id);
}

GListModel *
vigil_board_page_get_column_model (VigilBoardPage *self,
                                   VigilStage      stage)
{
  g_return_val_if_fail (VIGIL_IS_BOARD_PAGE (self), NULL);
  g_return_val_if_fail (stage < VIGIL_N_STAGES, NULL);
  return G_LIST_MODEL (self->columns[stage].list);
}

GtkWidget *
vigil_board_page_get_column_view (VigilBoardPage *self,
                                  VigilStage      stage)
{
  g_return_val_if_fail (VIGIL_IS_BOARD_PAGE (self), NULL);
  g_return_val_if_fail (stage < VIGIL_N_STAGES, NULL);
  return GTK_WIDGET (self->columns[stage].view);
}

/* ---- Toasts ------------------------------------------------------------- */

static void
toast (VigilBoardPage *self,
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
      toast (self, error->message, NULL, NULL);
      return;
    }
  if (move_id == 0)
    return;
  message = g_strdup_printf (_("%s moved to %s"), vigil_incident_get_ref (before),
                             vigil_vocab_label (VIGIL_VOCAB_STAGE, stage));
  toast (self, message, "board.undo", g_variant_new_int64 (move_id));
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
      toast (self, error->message, NULL, NULL);
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
          toast (self, error->message, NULL, NULL);
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
    toast (self, error->message, NULL, NULL);
  else
    toast (self, _("Move undone"), NULL, NULL);
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
    toast (p->page, error->message, NULL, NULL);
  else
    {
      g_autofree char *message = g_strdup_printf (_("Escalated to %s"),
                                                  vigil_vocab_label (VIGIL_VOCAB_TIER, tier));
      toast (p->page, message, NULL, NULL);
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
      toast (self, _("The incident is already with the CSIRT, the highest tier"), NULL, NULL);
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
  toast (self, message, NULL, NULL);
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

/* ---- Cards: factory, drag, context menu ----------------------------------- */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource  *source,
                 double          x,
                 double          y,
                 VigilBoardCard *card)
{
  VigilIncident *inc = vigil_board_card_get_incident (card);

  if (inc == NULL)
    return NULL;
  return gdk_content_provider_new_typed (VIGIL_TYPE_INCIDENT, inc);
}

static void
drag_begin_cb (GtkDragSource  *source,
               GdkDrag        *drag,
               VigilBoardCard *card)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (card));
  gtk_drag_source_set_icon (source, paintable, 20, 20);
}

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

static void
show_card_menu (VigilBoardCard *card,
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
    show_card_menu (card, -1, -1);
}

static void
card_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 VigilBoardCard  *card)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  show_card_menu (card, x, y);
}

static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               VigilBoardPage           *self)
{
  GtkWidget *card = vigil_board_card_new ();
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), card);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), card);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (drag));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (card_pressed_cb), card);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (item, card);
}

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              VigilBoardPage           *self)
{
  vigil_board_card_set_incident (VIGIL_BOARD_CARD (gtk_list_item_get_child (item)),
                                 gtk_list_item_get_item (item));
}

static void
unbind_card_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                VigilBoardPage           *self)
{
  vigil_board_card_set_incident (VIGIL_BOARD_CARD (gtk_list_item_get_child (item)), NULL);
}

static void
activate_cb (GtkListView *view,
             guint        position,
             Column      *column)
{
  gint64 id = vigil_record_list_get_id (column->list, position);

  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (column->page), "board.open", "x", id);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         Column        *column)
{
  VigilIncident *inc;

  if (!G_VALUE_HOLDS (value, VIGIL_TYPE_INCIDENT) || (inc = g_value_get_object (value)) == NULL)
    return FALSE;
  gtk_widget_remove_css_class (column->box, "drop-hover");
  /* the same action as the keyboard and the menu */
  return gtk_widget_activate_action (GTK_WIDGET (column->page), "board.move", "(xs)",
                                     vigil_incident_get_id (inc), vigil_stage_key (column->stage));
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               Column        *column)
{
  gtk_widget_add_css_class (column->box, "drop-hover");
  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget *target,
               Column        *column)
{
  gtk_widget_remove_css_class (column->box, "drop-hover");
}

static void
build_column (VigilBoardPage *self,
              VigilStage      stage)
{
  Column *c = &self->columns[stage];
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;
  GtkDropTarget *drop;
  GtkWidget *overlay;

  c->page = self;
  c->stage = stage;
  c->list = vigil_record_list_new (VIGIL_TYPE_INCIDENT, load_incident_cb, self, NULL);
  c->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  c->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (c->box, "vigil-board-column");
  gtk_widget_set_size_request (c->box, 210, -1);

  gtk_widget_add_css_class (header, "column-header");
  c->title = GTK_LABEL (gtk_label_new (vigil_vocab_label (VIGIL_VOCAB_STAGE, vigil_stage_key (stage))));
  gtk_widget_add_css_class (GTK_WIDGET (c->title), "heading");
  gtk_label_set_xalign (c->title, 0);
  gtk_label_set_ellipsize (c->title, PANGO_ELLIPSIZE_END);
  c->count = GTK_LABEL (gtk_label_new ("0"));
  gtk_widget_add_css_class (GTK_WIDGET (c->count), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (c->count), "numeric");
  gtk_widget_set_hexpand (GTK_WIDGET (c->count), TRUE);
  gtk_label_set_xalign (c->count, 0);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (c->title));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (c->count));
  gtk_box_append (GTK_BOX (c->box), header);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_card_cb), self);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (c->list)));
  c->view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory));
  gtk_accessible_update_property (GTK_ACCESSIBLE (c->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  vigil_vocab_label (VIGIL_VOCAB_STAGE, vigil_stage_key (stage)), -1);
  g_signal_connect (c->view, "activate", G_CALLBACK (activate_cb), c);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (c->view));
  g_signal_connect (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (c->view)), "value-changed",
                    G_CALLBACK (scrolled_cb), c);
  g_signal_connect (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (c->view)), "changed",
                    G_CALLBACK (scrolled_cb), c);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), scroller);
  c->placeholder = gtk_label_new (_("No incidents"));
  gtk_widget_add_css_class (c->placeholder, "dim-label");
  gtk_widget_set_valign (c->placeholder, GTK_ALIGN_START);
  gtk_widget_set_margin_top (c->placeholder, 24);
  gtk_widget_set_can_target (c->placeholder, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), c->placeholder);
  gtk_box_append (GTK_BOX (c->box), overlay);

  drop = gtk_drop_target_new (VIGIL_TYPE_INCIDENT, GDK_ACTION_MOVE);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), c);
  g_signal_connect (drop, "enter", G_CALLBACK (drop_enter_cb), c);
  g_signal_connect (drop, "leave", G_CALLBACK (drop_leave_cb), c);
  gtk_widget_add_controller (c->box, GTK_EVENT_CONTROLLER (drop));

  gtk_box_append (self->columns_box, c->box);
}

/* ---- The filter bar ----------------------------------------------------- */

static const struct
{
  VigilVocab  vocab;
  const char *any;
  gsize       offset;
} chip_specs[] = {
  { VIGIL_VOCAB_SEVERITY, N_("Any Severity"), G_STRUCT_OFFSET (VigilIncidentFilter, severity) },
  { VIGIL_VOCAB_TIER, N_("Any Tier"), G_STRUCT_OFFSET (VigilIncidentFilter, tier) },
  { VIGIL_VOCAB_CATEGORY, N_("Any Category"), G_STRUCT_OFFSET (VigilIncidentFilter, category) },
  { VIGIL_VOCAB_TLP, N_("Any TLP"), G_STRUCT_OFFSET (VigilIncidentFilter, tlp) },
};

static GtkDropDown **
chip_drop_down (VigilBoardPage *self,
                guint           i)
{
  GtkDropDown **dds[] = { &self->chip_severity, &self->chip_tier, &self->chip_category, &self->chip_tlp };
  return dds[i];
}

static void
update_summary (VigilBoardPage *self)
{
  g_autofree char *text = NULL;

  if (self->filter_error != NULL)
    {
      gtk_label_set_text (self->filter_summary, self->filter_error);
      gtk_widget_add_css_class (GTK_WIDGET (self->filter_summary), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->filter_summary), "error");
  if (!vigil_incident_filter_is_empty (self->filter))
    {
      g_autofree char *f = vigil_incident_filter_to_string (self->filter);
      text = g_strdup_printf (_("Filtered: %s"), f);
    }
  gtk_label_set_text (self->filter_summary, text ? text : "");
}

static void
sync_chips (VigilBoardPage *self)
{
  self->updating_chips = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (chip_specs); i++)
    {
      const char *value = G_STRUCT_MEMBER (char *, self->filter, chip_specs[i].offset);
      int index = vigil_vocab_index (chip_specs[i].vocab, value);
      gtk_drop_down_set_selected (*chip_drop_down (self, i), index < 0 ? 0 : (guint) index + 1);
    }
  gtk_toggle_button_set_active (self->chip_mine, self->filter->assignee_id > 0);
  gtk_toggle_button_set_active (self->chip_overdue, self->filter->overdue);
  self->updating_chips = FALSE;
}

static void
apply_filter_text (VigilBoardPage *self,
                   const char     *text)
{
  g_autoptr(GError) error = NULL;
  VigilIncidentFilter *filter = vigil_incident_filter_parse (text, self->me_id, &error);

  g_clear_pointer (&self->filter_error, g_free);
  if (filter == NULL)
    {
      self->filter_error = g_strdup (error->message);
      update_summary (self);
      return;
    }
  {
    g_autofree char *before = vigil_incident_filter_to_string (self->filter);
    g_autofree char *after = vigil_incident_filter_to_string (filter);
    gboolean same = g_str_equal (before, after);

    vigil_incident_filter_free (self->filter);
    self->filter = filter;
    sync_chips (self);
    update_summary (self);
    if (!same)
      {
        self->reset_windows = TRUE;
        refresh (self, TRUE);
      }
  }
}

static void
search_changed_cb (VigilBoardPage *self)
{
  if (self->updating_chips)
    return;
  apply_filter_text (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* A chip changed: rewrite the text, which is the one source of the filter. */
static void
chip_changed_cb (VigilBoardPage *self)
{
  g_autoptr(VigilIncidentFilter) f = NULL;
  g_autofree char *text = NULL;

  if (self->updating_chips)
    return;
  f = vigil_incident_filter_copy (self->filter);
  for (guint i = 0; i < G_N_ELEMENTS (chip_specs); i++)
    {
      char **slot = G_STRUCT_MEMBER_P (f, chip_specs[i].offset);
      guint sel = gtk_drop_down_get_selected (*chip_drop_down (self, i));
      const VigilVocabEntry *e;
      guint n;

      e = vigil_vocab_entries (chip_specs[i].vocab, &n);
      g_clear_pointer (slot, g_free);
      if (sel > 0 && sel != GTK_INVALID_LIST_POSITION && sel - 1 < n)
        *slot = g_strdup (e[sel - 1].key);
    }
  f->assignee_id = gtk_toggle_button_get_active (self->chip_mine) ? MAX (self->me_id, 1) : 0;
  f->overdue = gtk_toggle_button_get_active (self->chip_overdue);
  if (gtk_toggle_button_get_active (self->chip_mine) && self->me_id <= 0)
    {
      self->updating_chips = TRUE;
      gtk_toggle_button_set_active (self->chip_mine, FALSE);
      self->updating_chips = FALSE;
      toast (self, _("“Mine” needs your identity: choose who you are in Preferences"), NULL, NULL);
      f->assignee_id = 0;
    }
  text = vigil_incident_filter_to_string (f);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  apply_filter_text (self, text);
}

static void
build_chips (VigilBoardPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (chip_specs); i++)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      const VigilVocabEntry *e;
      GtkDropDown *dd;
      guint n;

      gtk_string_list_append (labels, _(chip_specs[i].any));
      e = vigil_vocab_entries (chip_specs[i].vocab, &n);
      for (guint j = 0; j < n; j++)
        gtk_string_list_append (labels, g_dgettext (GETTEXT_PACKAGE, e[j].label));
      dd = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL));
      gtk_accessible_update_property (GTK_ACCESSIBLE (dd), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(chip_specs[i].any), -1);
      g_signal_connect_swapped (dd, "notify::selected", G_CALLBACK (chip_changed_cb), self);
      gtk_box_append (self->chips_box, GTK_WIDGET (dd));
      *chip_drop_down (self, i) = dd;
    }
  self->chip_mine = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Mine")));
  self->chip_overdue = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("Response _Overdue")));
  g_signal_connect_swapped (self->chip_mine, "toggled", G_CALLBACK (chip_changed_cb), self);
  g_signal_connect_swapped (self->chip_overdue, "toggled", G_CALLBACK (chip_changed_cb), self);
  gtk_box_append (self->chips_box, GTK_WIDGET (self->chip_mine));
  gtk_box_append (self->chips_box, GTK_WIDGET (self->chip_overdue));
}

void
vigil_board_page_set_filter_text (VigilBoardPage *self,
                                  const char     *text)
{
  g_return_if_fail (VIGIL_IS_BOARD_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, text != NULL && *text != '\0');
  self->updating_chips = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  self->updating_chips = FALSE;
  apply_filter_text (self, text);
}

void
vigil_board_page_set_show_all_closed (VigilBoardPage *self,
                                      gboolean        show_all)
{
  g_return_if_fail (VIGIL_IS_BOARD_PAGE (self));
  gtk_toggle_button_set_active (self->closed_all_button, show_all);
}

static void
closed_all_toggled_cb (VigilBoardPage *self)
{
  self->closed_all = gtk_toggle_button_get_active (self->closed_all_button);
  self->columns[VIGIL_STAGE_CLOSED].reset = TRUE;
  vigil_board_page_refresh (self);
}

/* ---- Window and application actions --------------------------------------- */

static void
board_filter_activated_cb (GSimpleAction *action,
                           GVariant      *param,
                           gpointer       data)
{
  VigilBoardPage *self = VIGIL_BOARD_PAGE (data);
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);

  if (stack != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "board");
  vigil_board_page_set_filter_text (self, g_variant_get_string (param, NULL));
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       data)
{
  VigilBoardPage *self = VIGIL_BOARD_PAGE (data);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  vigil_preferences_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                             get_settings (self));
}

static void
settings_changed_cb (GSettings      *settings,
                     const char     *key,
                     VigilBoardPage *self)
{
  if (g_str_equal (key, "analyst-email"))
    update_me (self);
  if (g_str_equal (key, "closed-days"))
    self->columns[VIGIL_STAGE_CLOSED].reset = TRUE;
  if (g_str_equal (key, "response-targets") || g_str_equal (key, "closed-days"))
    {
      vigil_preferences_apply_targets (self->store, settings);
      for (guint i = 0; i < VIGIL_N_STAGES; i++)
        vigil_record_list_invalidate_all (self->columns[i].list);
    }
  vigil_board_page_refresh (self);
}

static void
vigil_board_page_root (GtkWidget *widget)
{
  VigilBoardPage *self = VIGIL_BOARD_PAGE (widget);
  GtkRoot *root;
  GApplication *app = g_application_get_default ();
  GSettings *settings = get_settings (self);

  GTK_WIDGET_CLASS (vigil_board_page_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);

  /* win.board-filter('severity:high tier:l2 phishing') shows the board filtered */
  if (G_IS_ACTION_MAP (root) && g_action_map_lookup_action (G_ACTION_MAP (root), "board-filter") == NULL)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new ("board-filter", G_VARIANT_TYPE_STRING);
      g_signal_connect_object (action, "activate", G_CALLBACK (board_filter_activated_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (root), G_ACTION (action));
    }
  if (app != NULL && G_IS_ACTION_MAP (app) &&
      g_action_map_lookup_action (G_ACTION_MAP (app), "preferences") == NULL)
    {
      static const char *accels[] = { "<Control>comma", NULL };
      g_autoptr(GSimpleAction) action = g_simple_action_new ("preferences", NULL);
      g_signal_connect_object (action, "activate", G_CALLBACK (preferences_activated_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (action));
      if (GTK_IS_APPLICATION (app))
        gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", accels);
    }
  if (settings != NULL && g_object_get_data (G_OBJECT (self), "settings-connected") == NULL)
    {
      g_object_set_data (G_OBJECT (self), "settings-connected", GINT_TO_POINTER (1));
      g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), self, 0);
      vigil_preferences_apply_targets (self->store, settings);
    }
}

static gboolean
shortcut_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   data)
{
  const char *action = data;

  /* global shortcuts: only while the board is on screen */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  return gtk_widget_activate_action (widget, action, NULL);
}

/* ---- GObject -------------------------------------------------------------- */

VigilStore *
vigil_board_page_get_store (VigilBoardPage *self)
{
  g_return_val_if_fail (VIGIL_IS_BOARD_PAGE (self), NULL);
  return self->store;
}

void
vigil_board_page_set_store (VigilBoardPage *self,
                            VigilStore     *store)
{
  g_return_if_fail (VIGIL_IS_BOARD_PAGE (self));
  g_return_if_fail (store == NULL || VIGIL_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      self->changed_id = g_signal_connect (store, "changed::" VIGIL_KIND_INCIDENT,
                                           G_CALLBACK (store_changed_cb), self);
      update_me (self);
      if (get_settings (self) != NULL)
        vigil_preferences_apply_targets (store, get_settings (self));
    }
  for (guint i = 0; i < VIGIL_N_STAGES; i++)
    vigil_record_list_invalidate_all (self->columns[i].list);
  self->reset_windows = TRUE;
  vigil_board_page_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
vigil_board_page_dispose (GObject *object)
{
  VigilBoardPage *self = VIGIL_BOARD_PAGE (object);

  g_clear_handle_id (&self->full_load_id, g_source_remove);
  drop_base (self);
  for (guint i = 0; i < VIGIL_N_STAGES; i++)
    {
      g_clear_handle_id (&self->columns[i].grow_id, g_source_remove);
      g_clear_pointer (&self->columns[i].ids, g_array_unref);
    }
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_BOARD_PAGE);
  for (guint i = 0; i < VIGIL_N_STAGES; i++)
    g_clear_object (&self->columns[i].list);
  G_OBJECT_CLASS (vigil_board_page_parent_class)->dispose (object);
}

static void
vigil_board_page_finalize (GObject *object)
{
  VigilBoardPage *self = VIGIL_BOARD_PAGE (object);

  g_clear_pointer (&self->filter, vigil_incident_filter_free);
  g_clear_pointer (&self->filter_error, g_free);
  G_OBJECT_CLASS (vigil_board_page_parent_class)->finalize (object);
}

static void
vigil_board_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VigilBoardPage *self = VIGIL_BOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_board_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VigilBoardPage *self = VIGIL_BOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      vigil_board_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_board_page_class_init (VigilBoardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  object_class->dispose = vigil_board_page_dispose;
  object_class->finalize = vigil_board_page_finalize;
  object_class->get_property = vigil_board_page_get_property;
  object_class->set_property = vigil_board_page_set_property;
  widget_class->root = vigil_board_page_root;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VIGIL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vigilsoc/Vigil/board/vigil-board-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, VigilBoardPage, name)
  CHILD (toasts);
  CHILD (search_button);
  CHILD (filter_summary);
  CHILD (closed_all_button);
  CHILD (search_bar);
  CHILD (search_entry);
  CHILD (chips_box);
  CHILD (stack);
  CHILD (columns_box);
#undef CHILD
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

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

  gtk_css_provider_load_from_resource (css, "/io/github/vigilsoc/Vigil/board/board.css");
  if (gdk_display_get_default () != NULL)
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
vigil_board_page_init (VigilBoardPage *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->filter = vigil_incident_filter_new ();
  for (guint i = 0; i < VIGIL_N_STAGES; i++)
    build_column (self, i);
  build_chips (self);

  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->closed_all_button, "toggled", G_CALLBACK (closed_all_toggled_cb), self);

  /* Ctrl+N and Ctrl+F work wherever the focus is, while the board shows */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                      gtk_callback_action_new (shortcut_cb, (gpointer) "board.new-incident", NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                      gtk_callback_action_new (shortcut_cb, (gpointer) "board.find", NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}
