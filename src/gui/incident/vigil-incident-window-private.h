/* vigil-incident-window-private.h — what the incident window's files share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * vigil-incident-window.c: the window, its sections and their refresh;
 * vigil-incident-summary.c: the Summary section;
 * vigil-incident-sections.c: Actions, Contacts, Observables, Assets, Timeline;
 * vigil-incident-widgets.c: the small builders the sections share;
 * vigil-incident-window-actions.c: the forms and the incident.* actions.
 */
#pragma once

#include "vigil-incident-editor.h"
#include "vigil-incident-window.h"
#include "vigil-observable.h"
#include "vigil-record-windows.h"
#include "vigil-store-detection.h"
#include "vigil-store-documents.h"
#include "vigil-store-incidents.h"
#include "vigil-store-playbooks.h"
#include "vigil-store-records.h"

G_BEGIN_DECLS

typedef enum
{
  SECTION_SUMMARY,
  SECTION_ACTIONS,
  SECTION_CONTACTS,
  SECTION_OBSERVABLES,
  SECTION_ASSETS,
  SECTION_TIMELINE,
  N_SECTIONS
} Section;

/* Rows of a long section made visible in its first frame; the others
 * are added right after it (vigil_incident_add_rows). */
#define FIRST_ROWS 20
/* Longer texts are cut in rows (the export and vigilctl have them whole). */
#define MAX_ROW_TEXT 400

struct _VigilIncidentWindow
{
  AdwWindow             parent_instance;

  AdwToastOverlay      *toasts;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkRevealer          *warning_revealer;
  GtkLabel             *warning_label;
  AdwViewStack         *stack;

  VigilStore           *store;
  gint64                incident_id;
  VigilIncident        *incident;
  GtkBox               *page[N_SECTIONS];     /* the stack's child, filled when first built */
  GtkBox               *content[N_SECTIONS];
  gboolean              built[N_SECTIONS];
  gboolean              painted;               /* the first frame is on screen */
  gboolean              summary_tail;          /* the Summary's lower groups are built */
  gulong                after_paint_id;
  char                 *timeline_kind;
  VigilRecordForm      *form;
  guint                 refresh_id;
};

/* compromise status keys of an affected asset, NULL-terminated */
extern const char * const vigil_incident_compromise_keys[5];

/* vigil-incident-window.c */
void       vigil_incident_window_build_section  (VigilIncidentWindow *self,
                                                 Section              section);
void       vigil_incident_window_queue_refresh  (VigilIncidentWindow *self);

/* vigil-incident-window-actions.c */
void       vigil_incident_window_install_actions (GtkWidgetClass *widget_class);

/* vigil-incident-summary.c */
void       vigil_incident_build_summary      (VigilIncidentWindow *self,
                                              GtkBox              *box);
void       vigil_incident_build_summary_tail (VigilIncidentWindow *self,
                                              GtkBox              *box);

/* vigil-incident-sections.c */
void       vigil_incident_build_actions      (VigilIncidentWindow *self,
                                              GtkBox              *box);
void       vigil_incident_build_contacts     (VigilIncidentWindow *self,
                                              GtkBox              *box);
void       vigil_incident_build_observables  (VigilIncidentWindow *self,
                                              GtkBox              *box);
void       vigil_incident_build_assets       (VigilIncidentWindow *self,
                                              GtkBox              *box);
void       vigil_incident_build_timeline     (VigilIncidentWindow *self,
                                              GtkBox              *box);

/* vigil-incident-widgets.c */
char      *vigil_incident_clip            (const char  *text);
GtkWidget *vigil_incident_row_new         (const char  *title,
                                           const char  *subtitle);
GtkWidget *vigil_incident_line_label_new  (const char  *text,
                                           gboolean     subtitle);
GtkWidget *vigil_incident_light_row_new   (const char  *title,
                                           const char  *subtitle);
void       vigil_incident_light_row_add_suffix (GtkWidget *row,
                                                GtkWidget *suffix);
typedef GtkWidget *(*VigilIncidentRowFunc) (VigilIncidentWindow *self,
                                            gpointer             item);
void       vigil_incident_add_rows        (VigilIncidentWindow *self,
                                           GtkWidget           *group,
                                           GPtrArray           *items,
                                           guint                first,
                                           guint                end,
                                           VigilIncidentRowFunc row_new);
GtkWidget *vigil_incident_empty_row       (const char  *text);
GtkWidget *vigil_incident_action_button   (const char  *label,
                                           const char  *icon,
                                           const char  *action,
                                           GVariant    *target);
GtkWidget *vigil_incident_group_new       (GtkBox      *box,
                                           const char  *title,
                                           const char  *description,
                                           GtkWidget   *suffix);
void       vigil_incident_group_add       (GtkWidget   *group,
                                           GtkWidget   *row);
void       vigil_incident_clear_box       (GtkBox      *box);
const char *vigil_incident_label_of       (VigilVocab   vocab,
                                           const char  *key);
char      *vigil_incident_format_time     (const char  *iso);
char      *vigil_incident_format_duration (gint64       seconds);
gboolean   vigil_incident_is_past         (const char  *iso);
void       vigil_incident_show_error      (VigilIncidentWindow *self,
                                           const GError        *error);
void       vigil_incident_show_toast      (VigilIncidentWindow *self,
                                           const char          *message);

G_END_DECLS
