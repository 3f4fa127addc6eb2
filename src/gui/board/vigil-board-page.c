/* vigil-board-page.c — the incident board: five stages as columns of cards
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each column is a GtkListView over a VigilRecordList that holds a window
 * of the column's ids (ordered and filtered in SQL): the first few, more as
 * the column is scrolled.  The ids are re-read when the store changes and
 * diffed, so a moved card is one exact removal in one column and one
 * insertion in another; the header counts the whole column.
 *
 * The actions (moving, undo, escalating, editing) are in
 * vigil-board-page-actions.c, the cards' factory and drag and drop in
 * vigil-board-page-dnd.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-application.h"
#include "vigil-board-card.h"
#include "vigil-board-page-private.h"
#include "vigil-preferences.h"

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
 * list keeps the same last card (or all of them), so that one card moving
 * away or arriving is one exact removal or insertion; after a new filter it
 * starts again with the first window. */
static guint
window_length (Column  *column,
               GArray  *ids,
               gboolean reset)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (column->list));
  gint64 last;

  if (reset || shown == 0)
    return MIN (ids->len, WINDOW);
  /* the whole column was shown: it still is */
  if (shown >= column->total)
    return ids->len;
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

/* Doubling: the end of a column of 90,000 cards is a few drags away, and
 * each step adds rows only where the view looks. */
static void
show_more (Column *column)
{
  extend_window (column, MAX (g_list_model_get_n_items (G_LIST_MODEL (column->list)), WINDOW));
}

static gboolean
grow_cb (gpointer data)
{
  Column *column = data;

  column->grow_id = 0;
  show_more (column);
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

guint
vigil_board_page_get_column_count (VigilBoardPage *self,
                                   VigilStage      stage)
{
  g_return_val_if_fail (VIGIL_IS_BOARD_PAGE (self), 0);
  g_return_val_if_fail (stage < VIGIL_N_STAGES, 0);
  return self->columns[stage].total;
}

void
vigil_board_page_show_more (VigilBoardPage *self,
                            VigilStage      stage)
{
  g_return_if_fail (VIGIL_IS_BOARD_PAGE (self));
  g_return_if_fail (stage < VIGIL_N_STAGES);
  show_more (&self->columns[stage]);
}

GtkWidget *
vigil_board_page_get_column_view (VigilBoardPage *self,
                                  VigilStage      stage)
{
  g_return_val_if_fail (VIGIL_IS_BOARD_PAGE (self), NULL);
  g_return_val_if_fail (stage < VIGIL_N_STAGES, NULL);
  return GTK_WIDGET (self->columns[stage].view);
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

static void
build_column (VigilBoardPage *self,
              VigilStage      stage)
{
  Column *c = &self->columns[stage];
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = vigil_board_page_card_factory_new (self);
  GtkNoSelection *selection;
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

  vigil_board_page_add_drop_target (c);

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
      vigil_board_page_toast (self, _("“Mine” needs your identity: choose who you are in Preferences"), NULL, NULL);
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
  vigil_board_page_class_add_actions (widget_class);

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
