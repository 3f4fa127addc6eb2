/* vigil-record-form.h — a small modal form for adding a record
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fields are added by name; on “Add” the submit callback runs, and when it
 * fails its error is shown in the form, which stays open with the values
 * typed so far.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct _VigilRecordForm VigilRecordForm;

/* Returns TRUE when the record was written; else sets error. */
typedef gboolean (*VigilRecordFormSubmit) (VigilRecordForm  *form,
                                           gpointer          user_data,
                                           GError          **error);

VigilRecordForm *vigil_record_form_new        (GtkWindow             *parent,
                                               const char            *title,
                                               const char            *accept_label,
                                               VigilRecordFormSubmit  submit,
                                               gpointer               user_data,
                                               GDestroyNotify         destroy);
void        vigil_record_form_add_entry       (VigilRecordForm *form,
                                               const char      *name,
                                               const char      *label,
                                               const char      *initial,
                                               const char      *placeholder);
void        vigil_record_form_add_text        (VigilRecordForm *form,
                                               const char      *name,
                                               const char      *label,
                                               const char      *initial);
/* keys and labels are NULL-terminated and of the same length; a key may be
 * "" for “none”. */
void        vigil_record_form_add_choice      (VigilRecordForm    *form,
                                               const char         *name,
                                               const char         *label,
                                               const char * const *keys,
                                               const char * const *labels,
                                               const char         *initial);
void        vigil_record_form_add_check       (VigilRecordForm *form,
                                               const char      *name,
                                               const char      *label,
                                               gboolean         initial);
/* The value typed or chosen: trimmed text, the choice's key, "1"/"0" for a
 * check; NULL for an empty text or the "" key. */
const char *vigil_record_form_get             (VigilRecordForm *form,
                                               const char      *name);
void        vigil_record_form_set             (VigilRecordForm *form,
                                               const char      *name,
                                               const char      *value);
GtkWindow  *vigil_record_form_get_window      (VigilRecordForm *form);
void        vigil_record_form_present         (VigilRecordForm *form);
/* As if “Add” was pressed; returns whether it succeeded (for tests). */
gboolean    vigil_record_form_submit          (VigilRecordForm *form);
/* The error shown, or NULL. */
const char *vigil_record_form_get_error       (VigilRecordForm *form);

G_END_DECLS
