/* test-board.c — the board under a display: moves through board.move, undo, filter, screenshots
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with G_DEBUG=fatal-criticals.  Saves the board in light and dark
 * into the build folder (tests/screenshots/board-*.png).
 */
#include "config.h"

#include <glib/gstdio.h>

#include "vigil-board-card.h"
#include "vigil-board-page.h"
#include "vigil-gui.h"
#include "vigil-store-demo.h"
#include "vigil-test-ui.h"
#include "vigil-test-util.h"
#include "vigil-window.h"

static VigilStore *
demo_store (void)
{
  g_autoptr(GError) error = NULL;
  VigilStore *store = vigil_test_store_new ();
  g_autoptr(GString) big = g_string_new (NULL);
  VigilIncidentChanges ch = { .title = "<b>&amp; <span foreground=\"red\">not red</span> שלום עולם 🔥",
                              .severity = "low", .category = "other" };
  g_autoptr(VigilIncident) a = NULL;
  g_autoptr(VigilIncident) b = NULL;

  vigil_store_load_demo (store, 0, &error);
  g_assert_no_error (error);
  vigil_store_set_actor (store, "Board Test");
  a = vigil_store_create_incident (store, &ch, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 1024; i++)
    g_string_append (big, "LongTitle ");
  ch.title = big->str;
  b = vigil_store_create_incident (store, &ch, &error);
  g_assert_no_error (error);
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  {
    g_autoptr(GArray) ids = vigil_store_filter_incident_ids (store, "classification", NULL, NULL);
    g_assert_cmpuint (ids->len, >=, 2);
    g_test_message ("classification: %u (%s, %s)", ids->len, vigil_incident_get_ref (a), vigil_incident_get_stage (b));
  }
  return store;
}

static GtkWidget *
new_window (VigilStore *store,
            gboolean    dark)
{
  GtkWidget *window;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = g_object_new (VIGIL_TYPE_WINDOW, "store", store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  vigil_window_set_view (VIGIL_WINDOW (window), "board");
  gtk_window_present (GTK_WINDOW (window));
  vigil_test_wait_for_frame (window);
  return window;
}

typedef struct
{
  guint emissions, position, removed, added;
} Emission;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Emission   *e)
{
  e->emissions++;
  e->position = position;
  e->removed = removed;
  e->added = added;
}

static gint64
first_id (GListModel *model)
{
  g_autoptr(VigilIncident) inc = g_list_model_get_item (model, 0);
  g_assert_nonnull (inc);
  return vigil_incident_get_id (inc);
}

static void
test_board_move (void)
{
  g_autoptr(VigilStore) store = demo_store ();
  GtkWidget *window = new_window (store, FALSE);
  VigilBoardPage *page = VIGIL_BOARD_PAGE (vigil_window_get_page (VIGIL_WINDOW (window), "board"));
  GListModel *inv = vigil_board_page_get_column_model (page, VIGIL_STAGE_INVESTIGATION);
  GListModel *con = vigil_board_page_get_column_model (page, VIGIL_STAGE_CONTAINMENT);
  guint n_inv = g_list_model_get_n_items (inv), n_con = g_list_model_get_n_items (con);
  Emission ei = { 0 }, ec = { 0 };
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(VigilIncident) moved = NULL;
  VigilStageChange *last;
  gint64 id;

  g_assert_true (VIGIL_IS_BOARD_PAGE (page));
  g_assert_cmpuint (n_inv, >, 0);
  id = first_id (inv);
  g_signal_connect (inv, "items-changed", G_CALLBACK (items_changed_cb), &ei);
  g_signal_connect (con, "items-changed", G_CALLBACK (items_changed_cb), &ec);

  /* the action the drop target and the keyboard use */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "board.move", "(xs)", id, "containment"));
  vigil_test_spin (50);
  g_assert_cmpuint (ei.emissions, ==, 1);
  g_assert_cmpuint (ei.position, ==, 0);
  g_assert_cmpuint (ei.removed, ==, 1);
  g_assert_cmpuint (ei.added, ==, 0);
  g_assert_cmpuint (ec.emissions, ==, 1);
  g_assert_cmpuint (ec.removed, ==, 0);
  g_assert_cmpuint (ec.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (inv), ==, n_inv - 1);
  g_assert_cmpuint (g_list_model_get_n_items (con), ==, n_con + 1);
  {
    g_autoptr(VigilIncident) there = g_list_model_get_item (con, ec.position);
    g_assert_cmpint (vigil_incident_get_id (there), ==, id);
    g_assert_cmpstr (vigil_incident_get_stage (there), ==, "containment");
  }

  timeline = vigil_store_list_incident_timeline (store, id, NULL);
  g_assert_cmpstr (((VigilTimelineRow *) timeline->pdata[timeline->len - 1])->kind, ==, "stage");
  g_assert_cmpstr (((VigilTimelineRow *) timeline->pdata[timeline->len - 1])->actor, ==, "Board Test");
  history = vigil_store_list_stage_history (store, id, NULL);
  last = history->pdata[history->len - 1];
  g_assert_cmpstr (last->to_stage, ==, "containment");

  /* Undo through the toast's action */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "board.undo", "x", last->id));
  vigil_test_spin (50);
  moved = vigil_store_get_incident (store, id, NULL);
  g_assert_cmpstr (vigil_incident_get_stage (moved), ==, "investigation");
  g_assert_cmpuint (g_list_model_get_n_items (inv), ==, n_inv);
  g_assert_cmpuint (g_list_model_get_n_items (con), ==, n_con);

  /* a refused move changes nothing: classification without a severity */
  {
    GListModel *cls = vigil_board_page_get_column_model (page, VIGIL_STAGE_CLASSIFICATION);
    guint n_cls = g_list_model_get_n_items (cls);
    gint64 unrated = 0;
    for (guint i = 0; i < n_cls && unrated == 0; i++)
      {
        g_autoptr(VigilIncident) inc = g_list_model_get_item (cls, i);
        if (vigil_incident_get_severity (inc) == NULL)
          unrated = vigil_incident_get_id (inc);
      }
    g_assert_cmpint (unrated, >, 0);
    ei.emissions = 0;
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "board.move", "(xs)", unrated,
                                               "investigation"));
    vigil_test_spin (50);
    g_assert_cmpuint (g_list_model_get_n_items (cls), ==, n_cls);
    g_assert_cmpuint (ei.emissions, ==, 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_board_filter (void)
{
  g_autoptr(VigilStore) store = demo_store ();
  GtkWidget *window = new_window (store, FALSE);
  VigilBoardPage *page = VIGIL_BOARD_PAGE (vigil_window_get_page (VIGIL_WINDOW (window), "board"));
  guint before = 0, after = 0;

  for (guint s = 0; s < VIGIL_N_STAGES; s++)
    before += g_list_model_get_n_items (vigil_board_page_get_column_model (page, s));
  vigil_window_set_view (VIGIL_WINDOW (window), "alerts");
  g_assert_true (gtk_widget_activate_action (window, "win.board-filter", "s", "severity:critical"));
  g_assert_cmpstr (vigil_window_get_view (VIGIL_WINDOW (window)), ==, "board");
  for (guint s = 0; s < VIGIL_N_STAGES; s++)
    {
      GListModel *m = vigil_board_page_get_column_model (page, s);
      after += g_list_model_get_n_items (m);
      for (guint i = 0; i < g_list_model_get_n_items (m); i++)
        {
          g_autoptr(VigilIncident) inc = g_list_model_get_item (m, i);
          g_assert_cmpstr (vigil_incident_get_severity (inc), ==, "critical");
        }
    }
  g_assert_cmpuint (after, >, 0);
  g_assert_cmpuint (after, <, before);

  /* a prefix of a word of a title */
  vigil_board_page_set_filter_text (page, "kerbero");
  after = 0;
  for (guint s = 0; s < VIGIL_N_STAGES; s++)
    after += g_list_model_get_n_items (vigil_board_page_get_column_model (page, s));
  g_assert_cmpuint (after, ==, 1);
  vigil_test_wait_for_frame (window);
  vigil_test_save_png (window, "board-filtered");
  vigil_board_page_set_filter_text (page, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
spin_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A column longer than its window: the list holds the first cards, the
 * header counts them all, scrolling appends, and a move is still exactly
 * one removal and one insertion (none for a card outside the window). */
static void
test_board_window (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  VigilBoardPage *page;
  GListModel *cls, *inv;
  Emission ec = { 0 }, ei = { 0 };
  guint shown, n_inv;
  gint64 inside, outside;

  vigil_store_set_actor (store, "Board Test");
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("%s intrusion number %u", i % 2 ? "Phishing" : "Scanning", i);
      VigilIncidentChanges ch = { .title = title, .severity = "medium", .category = "intrusions" };
      g_autoptr(VigilIncident) inc = vigil_store_create_incident (store, &ch, &error);
      g_assert_no_error (error);
    }

  page = g_object_ref_sink (g_object_new (VIGIL_TYPE_BOARD_PAGE, "store", store, NULL));
  spin_idle ();  /* every id is read after the first frame */
  cls = vigil_board_page_get_column_model (page, VIGIL_STAGE_CLASSIFICATION);
  inv = vigil_board_page_get_column_model (page, VIGIL_STAGE_INVESTIGATION);
  shown = g_list_model_get_n_items (cls);
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (shown, <, 40);
  g_assert_cmpuint (vigil_board_page_get_column_count (page, VIGIL_STAGE_CLASSIFICATION), ==, 40);
  g_assert_cmpuint (g_list_model_get_n_items (inv), ==, 0);

  /* scrolling near the end appends */
  g_signal_connect (cls, "items-changed", G_CALLBACK (items_changed_cb), &ec);
  g_signal_connect (inv, "items-changed", G_CALLBACK (items_changed_cb), &ei);
  vigil_board_page_show_more (page, VIGIL_STAGE_CLASSIFICATION);
  g_assert_cmpuint (ec.emissions, ==, 1);
  g_assert_cmpuint (ec.position, ==, shown);
  g_assert_cmpuint (ec.removed, ==, 0);
  g_assert_cmpuint (ec.added, ==, g_list_model_get_n_items (cls) - shown);
  shown = g_list_model_get_n_items (cls);
  g_assert_cmpuint (shown, <, 40);

  /* a card in the window moves: one removal, one insertion */
  inside = vigil_record_list_get_id (VIGIL_RECORD_LIST (cls), 2);
  ec.emissions = 0;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "board.move", "(xs)", inside, "investigation"));
  g_assert_cmpuint (ec.emissions, ==, 1);
  g_assert_cmpuint (ec.position, ==, 2);
  g_assert_cmpuint (ec.removed, ==, 1);
  g_assert_cmpuint (ec.added, ==, 0);
  g_assert_cmpuint (ei.emissions, ==, 1);
  g_assert_cmpuint (ei.removed, ==, 0);
  g_assert_cmpuint (ei.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cls), ==, shown - 1);
  g_assert_cmpuint (vigil_board_page_get_column_count (page, VIGIL_STAGE_CLASSIFICATION), ==, 39);
  g_assert_cmpuint (vigil_board_page_get_column_count (page, VIGIL_STAGE_INVESTIGATION), ==, 1);

  /* a card beyond the window moves: the window does not change, the count does */
  {
    g_autoptr(GArray) ids = vigil_store_filter_incident_ids (store, "classification", NULL, &error);
    g_assert_no_error (error);
    outside = g_array_index (ids, gint64, ids->len - 1);
    g_assert_cmpint (vigil_record_list_find (VIGIL_RECORD_LIST (cls), outside), <, 0);
  }
  ec.emissions = ei.emissions = 0;
  n_inv = g_list_model_get_n_items (inv);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "board.move", "(xs)", outside, "investigation"));
  g_assert_cmpuint (ec.emissions, ==, 0);
  g_assert_cmpuint (ei.emissions, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (inv), ==, n_inv + 1);
  g_assert_cmpuint (vigil_board_page_get_column_count (page, VIGIL_STAGE_CLASSIFICATION), ==, 38);

  /* the counts follow the filter: the same as the store's own query */
  vigil_board_page_set_filter_text (page, "phish");
  for (guint s = 0; s < VIGIL_N_STAGES; s++)
    {
      g_autoptr(VigilIncidentFilter) f = vigil_incident_filter_parse ("phish", 0, NULL);
      g_autoptr(GArray) ids = NULL;
      GListModel *m = vigil_board_page_get_column_model (page, s);

      f->closed_days = 30;
      ids = vigil_store_filter_incident_ids (store, vigil_stage_key (s), f, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (vigil_board_page_get_column_count (page, s), ==, ids->len);
      g_assert_cmpuint (g_list_model_get_n_items (m), <=, ids->len);
      /* the window is the head of the column, in the same order */
      for (guint i = 0; i < g_list_model_get_n_items (m); i++)
        g_assert_cmpint (vigil_record_list_get_id (VIGIL_RECORD_LIST (m), i), ==, g_array_index (ids, gint64, i));
    }
  g_assert_cmpuint (vigil_board_page_get_column_count (page, VIGIL_STAGE_CLASSIFICATION) +
                    vigil_board_page_get_column_count (page, VIGIL_STAGE_INVESTIGATION), ==, 20);
  vigil_board_page_set_filter_text (page, "");
  g_assert_cmpuint (vigil_board_page_get_column_count (page, VIGIL_STAGE_CLASSIFICATION), ==, 38);

  g_object_unref (page);
}

/* The card draws its own text: plain, whatever the title holds. */
static void
test_board_card_text (void)
{
  g_autoptr(VigilStore) store = vigil_test_store_new ();
  g_autoptr(GError) error = NULL;
  VigilIncidentChanges ch = { .title = "<b>&amp; <span foreground=\"red\">x</span> שלום 🔥",
                              .severity = "critical", .category = "fraud", .tlp = "amber+strict" };
  g_autoptr(VigilIncident) inc = vigil_store_create_incident (store, &ch, &error);
  GtkWidget *card = g_object_ref_sink (vigil_board_card_new ());

  g_assert_no_error (error);
  vigil_board_card_set_incident (VIGIL_BOARD_CARD (card), inc);
  g_assert_cmpstr (vigil_board_card_get_text (VIGIL_BOARD_CARD (card), "title"), ==, ch.title);
  g_assert_cmpstr (vigil_board_card_get_text (VIGIL_BOARD_CARD (card), "ref"), ==, vigil_incident_get_ref (inc));
  g_assert_cmpstr (vigil_board_card_get_text (VIGIL_BOARD_CARD (card), "severity"), ==, "Critical");
  g_assert_cmpstr (vigil_board_card_get_text (VIGIL_BOARD_CARD (card), "tlp"), ==, "TLP:AMBER+STRICT");
  g_assert_cmpstr (vigil_board_card_get_text (VIGIL_BOARD_CARD (card), "tier"), ==, "L1");
  g_assert_null (vigil_board_card_get_text (VIGIL_BOARD_CARD (card), "initials"));
  g_assert_true (gtk_widget_has_css_class (card, "sev-critical"));
  vigil_board_card_set_incident (VIGIL_BOARD_CARD (card), NULL);
  g_assert_null (vigil_board_card_get_text (VIGIL_BOARD_CARD (card), "title"));
  g_assert_false (gtk_widget_has_css_class (card, "sev-critical"));
  g_object_unref (card);
}

static void
screenshots (gboolean dark)
{
  g_autoptr(VigilStore) store = demo_store ();
  GtkWidget *window = new_window (store, dark);
  VigilBoardPage *page = VIGIL_BOARD_PAGE (vigil_window_get_page (VIGIL_WINDOW (window), "board"));
  GtkWidget *view = vigil_board_page_get_column_view (page, VIGIL_STAGE_CLASSIFICATION);

  vigil_test_spin (100);
  vigil_test_wait_for_frame (window);
  /* only the visible cards are built */
  g_assert_cmpuint (vigil_board_card_get_n_created (), >, 0);
  g_assert_true (gtk_widget_get_mapped (view));
  vigil_test_save_png (window, dark ? "board-dark" : "board-light");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_board_light (void)
{
  screenshots (FALSE);
}

static void
test_board_dark (void)
{
  screenshots (TRUE);
}

int
main (int argc, char **argv)
{
  vigil_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();
  vigil_gui_init ();
  g_test_add_func ("/vigil/board/move", test_board_move);
  g_test_add_func ("/vigil/board/filter", test_board_filter);
  g_test_add_func ("/vigil/board/window", test_board_window);
  g_test_add_func ("/vigil/board/card-text", test_board_card_text);
  g_test_add_func ("/vigil/board/light", test_board_light);
  g_test_add_func ("/vigil/board/dark", test_board_dark);
  return g_test_run ();
}
