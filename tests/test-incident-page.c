/* test-incident-page.c — the incident record window: every section with
 * demo data (screenshots, light and dark), hostile text, and one item of
 * each kind added through the page's actions and forms
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-gui.h"
#include "vigil-incident-window.h"
#include "vigil-store-private.h"
#include "vigil-store-demo.h"
#include "vigil-store-playbooks.h"
#include "vigil-window.h"
#include "vigil-store-documents.h"
#include "vigil-test-ui.h"
#include "vigil-test-util.h"

static const char * const sections[] = {
  "summary", "actions", "contacts", "observables", "assets", "timeline", NULL
};

static gint64
count (VigilStore *store,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = vigil_store_query_int (store, sql, &error);
  g_assert_no_error (error);
  return n;
}

static VigilStore *
demo_store (void)
{
  g_autoptr(GError) error = NULL;
  VigilStore *store = vigil_test_store_new ();

  g_assert_true (vigil_store_load_demo (store, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigil_store_ensure_playbooks (store, &error), ==, 6);
  return store;
}

/* The busiest open demo incident: the most timeline rows. */
static gint64
busy_incident (VigilStore *store)
{
  return count (store, "SELECT incident_id FROM timeline t JOIN incidents i ON i.id = t.incident_id "
                       "WHERE i.stage <> 'closed' GROUP BY incident_id ORDER BY count(*) DESC LIMIT 1");
}

static VigilIncidentWindow *
open_page (GtkWidget *main_window,
           VigilStore *store,
           gint64      id)
{
  VigilIncidentWindow *page;

  g_assert_true (gtk_widget_activate_action (main_window, "win.open-incident", "x", id));
  /* opening again presents the same window */
  page = vigil_incident_window_open (GTK_WINDOW (main_window), store, id);
  g_assert_nonnull (page);
  g_assert_true (vigil_incident_window_open (GTK_WINDOW (main_window), store, id) == page);
  gtk_window_set_default_size (GTK_WINDOW (page), 1100, 900);
  vigil_test_wait_for_frame (GTK_WIDGET (page));
  return page;
}

static GtkWidget *
main_window_new (VigilStore *store,
                 gboolean    dark)
{
  GtkWidget *window;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = g_object_new (VIGIL_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  vigil_test_wait_for_frame (window);
  return window;
}

/* The titles of the rows of the preferences group titled `title`. */
static void
collect_group_rows (GtkWidget  *widget,
                    const char *title,
                    gboolean    inside,
                    GPtrArray  *titles)
{
  if (ADW_IS_PREFERENCES_GROUP (widget))
    inside = g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)),
                        title) == 0;
  if (inside && ADW_IS_ACTION_ROW (widget))
    g_ptr_array_add (titles, g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_group_rows (child, title, inside, titles);
}

static void
screenshots (gboolean dark)
{
  g_autoptr(VigilStore) store = demo_store ();
  GtkWidget *window = main_window_new (store, dark);
  gint64 id = busy_incident (store);
  VigilIncidentWindow *page = open_page (window, store, id);

  for (guint i = 0; sections[i]; i++)
    {
      g_autofree char *name = g_strdup_printf ("incident-%s-%s", sections[i],
                                               dark ? "dark" : "light");
      vigil_incident_window_set_section (page, sections[i]);
      vigil_test_spin (30);
      vigil_test_wait_for_frame (GTK_WIDGET (page));
      vigil_test_save_png (GTK_WIDGET (page), name);
    }
  /* the Assets section lists the documents of the incident and its assets */
  {
    g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GArray) ids = vigil_store_list_linked_document_ids (store, 0, 0, id, NULL);
    g_autoptr(VigilDocument) first = NULL;

    vigil_incident_window_set_section (page, "assets");
    vigil_test_spin (30);
    collect_group_rows (GTK_WIDGET (page), "Documents", FALSE, titles);
    g_assert_nonnull (ids);
    g_assert_cmpuint (ids->len, >, 0);
    g_assert_cmpuint (titles->len, ==, ids->len);
    first = vigil_store_get_document (store, g_array_index (ids, gint64, 0), NULL);
    g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, vigil_document_get_title (first));
  }
  /* several incidents at once */
  {
    gint64 other = count (store, "SELECT min(id) FROM incidents");
    VigilIncidentWindow *second = open_page (window, store, other);
    g_assert_true (second != page);
    gtk_window_destroy (GTK_WINDOW (second));
  }
  /* the cross-incident lists */
  g_assert_true (gtk_widget_activate_action (window, "win.followups", NULL));
  g_assert_true (gtk_widget_activate_action (window, "win.detection-requests", NULL));
  g_assert_true (gtk_widget_activate_action (window, "win.playbooks", NULL));
  vigil_test_spin (100);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
        const char *title = gtk_window_get_title (w);
        if (title && (g_str_equal (title, "Follow-ups") || g_str_equal (title, "Detection Requests")
                      || g_str_equal (title, "Playbooks")))
          {
            g_autofree char *name = g_strdup_printf ("incident-list-%s-%s", title,
                                                     dark ? "dark" : "light");
            g_strdelimit (name, " ", '-');
            vigil_test_wait_for_frame (GTK_WIDGET (w));
            vigil_test_save_png (GTK_WIDGET (w), name);
          }
      }
  }
  gtk_window_destroy (GTK_WINDOW (page));
  /* the main window stays: its pages are not ours to tear down mid-test */
  gtk_widget_set_visible (window, FALSE);
}

static void
test_screenshots_light (void)
{
  screenshots (FALSE);
}

static void
test_screenshots_dark (void)
{
  screenshots (TRUE);
}

static void
collect_group_titles (GtkWidget *widget,
                      GPtrArray *titles)
{
  if (ADW_IS_PREFERENCES_GROUP (widget))
    g_ptr_array_add (titles, g_strdup (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_group_titles (child, titles);
}

/* Opening shows the Summary's upper groups in the first frame and adds the
 * ones below the fold right after it; the bottom switcher bar gets its
 * buttons when the window is narrow enough to show it. */
static void
test_first_frame (void)
{
  g_autoptr(VigilStore) store = demo_store ();
  GtkWidget *window = main_window_new (store, FALSE);
  gint64 id = busy_incident (store);
  VigilIncidentWindow *page = open_page (window, store, id);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  const char * const want[] = { "Description", "Step Clocks", "Times", "Closure Summary",
                                "Lessons Learned", NULL };
  AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (
    gtk_widget_get_template_child (GTK_WIDGET (page), VIGIL_TYPE_INCIDENT_WINDOW, "switcher_bar"));

  /* the groups below the fold are added right after the first frame: wait
   * for them (a loaded machine may need several frames), with a deadline */
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       g_get_monotonic_time () < end;)
    {
      vigil_test_spin (30);
      vigil_test_wait_for_frame (GTK_WIDGET (page));
      g_ptr_array_set_size (titles, 0);
      collect_group_titles (GTK_WIDGET (page), titles);
      if (g_ptr_array_find_with_equal_func (titles, "Times", g_str_equal, NULL))
        break;
    }
  for (guint i = 0; want[i]; i++)
    g_assert_true (g_ptr_array_find_with_equal_func (titles, want[i], g_str_equal, NULL));
  /* the other sections are not built until shown */
  g_assert_false (g_ptr_array_find_with_equal_func (titles, "Tasks", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (titles, "Timeline", g_str_equal, NULL));

  gtk_window_set_default_size (GTK_WINDOW (page), 400, 700);
  for (gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       adw_view_switcher_bar_get_stack (bar) == NULL && g_get_monotonic_time () < until;)
    {
      vigil_test_wait_for_frame (GTK_WIDGET (page));
      vigil_test_spin (20);
    }
  g_assert_nonnull (adw_view_switcher_bar_get_stack (bar));
  vigil_test_wait_for_frame (GTK_WIDGET (page));
  vigil_test_save_png (GTK_WIDGET (page), "incident-narrow");

  /* everything, at once, for tests and benchmarks */
  vigil_incident_window_build_all (page);
  g_ptr_array_set_size (titles, 0);
  collect_group_titles (GTK_WIDGET (page), titles);
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Tasks", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Timeline", g_str_equal, NULL));
  gtk_window_destroy (GTK_WINDOW (page));
  gtk_widget_set_visible (window, FALSE);
}

static void
submit (VigilIncidentWindow *page,
        const char          *action,
        const char * const  *fields)
{
  VigilRecordForm *form;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, NULL));
  form = vigil_incident_window_get_form (page);
  g_assert_nonnull (form);
  for (guint i = 0; fields[i]; i += 2)
    vigil_record_form_set (form, fields[i], fields[i + 1]);
  if (!vigil_record_form_submit (form))
    g_error ("%s refused: %s", action, vigil_record_form_get_error (form));
  g_assert_null (vigil_incident_window_get_form (page));
}

#define FIELDS(...) ((const char * const[]) { __VA_ARGS__, NULL })

static void
test_add_each_kind (void)
{
  g_autoptr(VigilStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window = main_window_new (store, FALSE);
  gint64 id, asset, person;
  VigilIncidentWindow *page;
  VigilRecordForm *form;

  /* hostile text: markup, very long, non-Latin */
  {
    g_autofree char *long_text = g_strnfill (5000, 'x');
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO incidents (ref, title, description, category, created_at, updated_at, "
      "detected_at) VALUES ('INC-2026-9001', '<b>&amp; <i>unclosed — 日本語 العربية', "
      "'Mail from evil@bad.example via 203.0.113.77 %s', 'fraud', "
      "'2026-11-30T10:00:00Z', '2026-11-30T10:00:00Z', '2026-11-30T09:00:00Z')", long_text);
    g_assert_true (vigil_store_exec (store, sql, &error));
    g_assert_no_error (error);
    id = count (store, "SELECT id FROM incidents WHERE ref = 'INC-2026-9001'");
  }
  /* the phishing playbook pre-filled the actions */
  g_assert_cmpint (count (store, "SELECT count(*) FROM actions WHERE playbook = 'Phishing' "
                                 "AND incident_id = (SELECT id FROM incidents WHERE ref = "
                                 "'INC-2026-9001')"), >, 0);
  page = open_page (window, store, id);
  vigil_incident_window_build_all (page);
  vigil_test_wait_for_frame (GTK_WIDGET (page));
  vigil_test_save_png (GTK_WIDGET (page), "incident-hostile-summary");

  submit (page, "incident.add-task",
          FIELDS ("title", "Check <script> in the logs", "owner", "", "due", "2026-12-01 17:00"));
  submit (page, "incident.add-countermeasure",
          FIELDS ("title", "Block bad.example", "type", "block", "where", "Proxy"));
  person = count (store, "SELECT min(id) FROM people");
  {
    g_autofree char *with = g_strdup_printf ("p%" G_GINT64_FORMAT, person);
    submit (page, "incident.add-contact",
            FIELDS ("with", with, "channel", "email", "summary", "Asked for headers",
                    "follow-up", "2026-12-24 09:00"));
  }
  /* an invalid observable is refused in the form, which stays open */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "incident.add-observable", NULL));
  form = vigil_incident_window_get_form (page);
  vigil_record_form_set (form, "type", "ip");
  vigil_record_form_set (form, "value", "999.1.1.1");
  g_assert_false (vigil_record_form_submit (form));
  g_assert_nonnull (strstr (vigil_record_form_get_error (form), "999.1.1.1"));
  vigil_record_form_set (form, "value", "198.51.100.7");
  vigil_record_form_set (form, "ioc", "1");
  g_assert_true (vigil_record_form_submit (form));

  asset = count (store, "SELECT min(id) FROM assets WHERE tech_contact_id IS NOT NULL");
  {
    g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, asset);
    submit (page, "incident.add-asset", FIELDS ("asset", key, "status", "compromised"));
  }
  submit (page, "incident.add-note", FIELDS ("text", "Spoke to the vendor", "at",
                                             "2026-11-30T08:00:00Z"));
  {
    g_autofree char *team = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             count (store, "SELECT min(id) FROM teams"));
    submit (page, "incident.request-detection", FIELDS ("team", team, "what", "Logins from TOR",
                                                        "where", "VPN"));
  }
  /* one-click suggestion from the description */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "incident.add-suggestion", "(ss)",
                                             "email", "evil@bad.example"));

  g_assert_cmpint (count (store, "SELECT count(*) FROM actions WHERE title = "
                                 "'Check <script> in the logs' AND due_at = "
                                 "'2026-12-01T17:00:00Z'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM observables WHERE incident_id = "
                                 "(SELECT id FROM incidents WHERE ref = 'INC-2026-9001')"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM contacts WHERE follow_up_at IS NOT NULL "
                                 "AND summary = 'Asked for headers'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM incident_assets WHERE status = "
                                 "'compromised'"), >=, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM timeline WHERE kind = 'note' AND at = "
                                 "'2026-11-30T08:00:00Z'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM detection_requests WHERE what = "
                                 "'Logins from TOR'"), ==, 1);

  /* the countermeasure goes active; closing the incident shows the warning */
  {
    gint64 cm = count (store, "SELECT id FROM actions WHERE title = 'Block bad.example'");
    GtkWidget *revealer;
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "incident.set-action-status",
                                               "(xs)", cm, "active"));
    g_assert_true (vigil_store_exec (store, "UPDATE incidents SET stage = 'closed', resolution = "
                                     "'true-positive', summary = 'Done' WHERE ref = 'INC-2026-9001'",
                                     &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (store, "SELECT count(*) FROM actions WHERE kind = 'countermeasure' "
                                   "AND status = 'active' AND title = 'Block bad.example'"), ==, 1);
    vigil_store_notify (store, VIGIL_KIND_INCIDENT, id);
    revealer = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                          VIGIL_TYPE_INCIDENT_WINDOW,
                                                          "warning_revealer"));
    /* the page refreshes from an idle after the store's `changed` */
    for (gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
         !gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)) &&
         g_get_monotonic_time () < until;)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  }

  for (guint i = 0; sections[i]; i++)
    {
      g_autofree char *name = g_strdup_printf ("incident-hostile-%s", sections[i]);
      vigil_incident_window_set_section (page, sections[i]);
      vigil_test_spin (30);
      vigil_test_wait_for_frame (GTK_WIDGET (page));
      vigil_test_save_png (GTK_WIDGET (page), name);
    }
  gtk_window_destroy (GTK_WINDOW (page));
  /* the main window stays: its pages are not ours to tear down mid-test */
  gtk_widget_set_visible (window, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  vigil_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();
  vigil_gui_init ();

  g_test_add_func ("/vigil/incident-page/screenshots-light", test_screenshots_light);
  g_test_add_func ("/vigil/incident-page/screenshots-dark", test_screenshots_dark);
  g_test_add_func ("/vigil/incident-page/add-each-kind", test_add_each_kind);
  g_test_add_func ("/vigil/incident-page/first-frame", test_first_frame);
  return g_test_run ();
}
