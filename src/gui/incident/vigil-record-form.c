/* vigil-record-form.c — a small modal form for adding a record
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vigil-record-form.h"

typedef enum { FIELD_ENTRY, FIELD_TEXT, FIELD_CHOICE, FIELD_CHECK } FieldKind;

typedef struct
{
  FieldKind   kind;
  GtkWidget  *widget;
  GStrv       keys;
  char       *value;  /* last value returned by get */
} Field;

struct _VigilRecordForm
{
  GtkWindow             *window;
  GtkGrid               *grid;
  GtkLabel              *error_label;
  GtkWidget             *accept;
  GHashTable            *fields;
  guint                  n_rows;
  VigilRecordFormSubmit  submit;
  gpointer               user_data;
  GDestroyNotify         destroy;
};

static void
field_free (Field *f)
{
  g_strfreev (f->keys);
  g_free (f->value);
  g_free (f);
}

static void
form_free (VigilRecordForm *form)
{
  if (form->destroy)
    form->destroy (form->user_data);
  g_hash_table_unref (form->fields);
  g_free (form);
}

gboolean
vigil_record_form_submit (VigilRecordForm *form)
{
  g_autoptr(GError) error = NULL;

  if (form->submit (form, form->user_data, &error))
    {
      gtk_window_destroy (form->window);
      return TRUE;
    }
  gtk_label_set_text (form->error_label, error ? error->message : _("The record was not saved"));
  gtk_widget_set_visible (GTK_WIDGET (form->error_label), TRUE);
  return FALSE;
}

const char *
vigil_record_form_get_error (VigilRecordForm *form)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (form->error_label)))
    return NULL;
  return gtk_label_get_text (form->error_label);
}

static void
accept_clicked_cb (GtkButton       *button,
                   VigilRecordForm *form)
{
  vigil_record_form_submit (form);
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  gtk_window_destroy (GTK_WINDOW (widget));
  return TRUE;
}

VigilRecordForm *
vigil_record_form_new (GtkWindow             *parent,
                       const char            *title,
                       const char            *accept_label,
                       VigilRecordFormSubmit  submit,
                       gpointer               user_data,
                       GDestroyNotify         destroy)
{
  VigilRecordForm *form = g_new0 (VigilRecordForm, 1);
  GtkWidget *box, *header, *cancel, *clamp, *scroller;
  GtkShortcutController *shortcuts;

  form->submit = submit;
  form->user_data = user_data;
  form->destroy = destroy;
  form->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) field_free);

  form->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_title (form->window, title);
  gtk_window_set_modal (form->window, TRUE);
  gtk_window_set_transient_for (form->window, parent);
  gtk_window_set_default_size (form->window, 520, -1);
  g_object_set_data_full (G_OBJECT (form->window), "vigil-record-form", form,
                          (GDestroyNotify) form_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), form->window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  form->accept = gtk_button_new_with_mnemonic (accept_label);
  gtk_widget_add_css_class (form->accept, "suggested-action");
  g_signal_connect (form->accept, "clicked", G_CALLBACK (accept_clicked_cb), form);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), form->accept);
  gtk_box_append (GTK_BOX (box), header);

  form->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (form->error_label, TRUE);
  gtk_label_set_xalign (form->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (form->error_label), "error");
  gtk_widget_set_margin_start (GTK_WIDGET (form->error_label), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (form->error_label), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (form->error_label), 12);
  gtk_widget_set_visible (GTK_WIDGET (form->error_label), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Error"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->error_label));

  form->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (form->grid, 8);
  gtk_grid_set_column_spacing (form->grid, 12);
  gtk_widget_set_margin_start (GTK_WIDGET (form->grid), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (form->grid), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (form->grid), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (form->grid), 18);
  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (form->grid));
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 600);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_window_set_child (form->window, box);
  gtk_window_set_default_widget (form->window, form->accept);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                      gtk_callback_action_new (escape_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (form->window), GTK_EVENT_CONTROLLER (shortcuts));
  return form;
}

static void
add_row (VigilRecordForm *form,
         const char      *name,
         const char      *label,
         Field           *field)
{
  GtkWidget *l = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (l), 1);
  gtk_widget_set_valign (l, field->kind == FIELD_TEXT ? GTK_ALIGN_START : GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (l, "dim-label");
  gtk_label_set_mnemonic_widget (GTK_LABEL (l), field->widget);
  gtk_widget_set_hexpand (field->widget, TRUE);
  gtk_grid_attach (form->grid, l, 0, form->n_rows, 1, 1);
  gtk_grid_attach (form->grid, field->widget, 1, form->n_rows, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field->widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, l, NULL, -1);
  form->n_rows++;
  g_hash_table_insert (form->fields, g_strdup (name), field);
}

void
vigil_record_form_add_entry (VigilRecordForm *form,
                             const char      *name,
                             const char      *label,
                             const char      *initial,
                             const char      *placeholder)
{
  Field *f = g_new0 (Field, 1);

  f->kind = FIELD_ENTRY;
  f->widget = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (f->widget), TRUE);
  if (initial)
    gtk_editable_set_text (GTK_EDITABLE (f->widget), initial);
  if (placeholder)
    gtk_entry_set_placeholder_text (GTK_ENTRY (f->widget), placeholder);
  add_row (form, name, label, f);
}

void
vigil_record_form_add_text (VigilRecordForm *form,
                            const char      *name,
                            const char      *label,
                            const char      *initial)
{
  Field *f = g_new0 (Field, 1);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_scrolled_window_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_add_css_class (view, "card");
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  if (initial)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), initial, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (frame), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (frame), 90);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (frame), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  f->kind = FIELD_TEXT;
  f->widget = frame;
  g_object_set_data (G_OBJECT (frame), "view", view);
  add_row (form, name, label, f);
}

static GtkExpression *
string_expression (void)
{
  return gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
}

void
vigil_record_form_add_choice (VigilRecordForm    *form,
                              const char         *name,
                              const char         *label,
                              const char * const *keys,
                              const char * const *labels,
                              const char         *initial)
{
  Field *f = g_new0 (Field, 1);
  GtkStringList *model = gtk_string_list_new (labels);
  guint n = g_strv_length ((GStrv) keys);

  f->kind = FIELD_CHOICE;
  f->keys = g_strdupv ((GStrv) keys);
  f->widget = gtk_drop_down_new (G_LIST_MODEL (model), string_expression ());
  if (n > 12)
    gtk_drop_down_set_enable_search (GTK_DROP_DOWN (f->widget), TRUE);
  for (guint i = 0; initial && i < n; i++)
    if (g_str_equal (keys[i], initial))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (f->widget), i);
  add_row (form, name, label, f);
}

void
vigil_record_form_add_check (VigilRecordForm *form,
                             const char      *name,
                             const char      *label,
                             gboolean         initial)
{
  Field *f = g_new0 (Field, 1);

  f->kind = FIELD_CHECK;
  f->widget = gtk_check_button_new ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (f->widget), initial);
  add_row (form, name, label, f);
}

const char *
vigil_record_form_get (VigilRecordForm *form,
                       const char      *name)
{
  Field *f = g_hash_table_lookup (form->fields, name);
  char *value = NULL;

  g_return_val_if_fail (f != NULL, NULL);

  switch (f->kind)
    {
    case FIELD_ENTRY:
      value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (f->widget))));
      break;
    case FIELD_TEXT:
      {
        GtkTextBuffer *buffer =
          gtk_text_view_get_buffer (g_object_get_data (G_OBJECT (f->widget), "view"));
        GtkTextIter start, end;
        gtk_text_buffer_get_bounds (buffer, &start, &end);
        value = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
      }
      break;
    case FIELD_CHOICE:
      {
        guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (f->widget));
        value = i < g_strv_length (f->keys) ? g_strdup (f->keys[i]) : NULL;
      }
      break;
    case FIELD_CHECK:
      value = g_strdup (gtk_check_button_get_active (GTK_CHECK_BUTTON (f->widget)) ? "1" : "0");
      break;
    default:
      g_assert_not_reached ();
    }
  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  g_free (f->value);
  f->value = value;
  return value;
}

void
vigil_record_form_set (VigilRecordForm *form,
                       const char      *name,
                       const char      *value)
{
  Field *f = g_hash_table_lookup (form->fields, name);

  g_return_if_fail (f != NULL);

  switch (f->kind)
    {
    case FIELD_ENTRY:
      gtk_editable_set_text (GTK_EDITABLE (f->widget), value ? value : "");
      break;
    case FIELD_TEXT:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (g_object_get_data (G_OBJECT (f->widget),
                                                                             "view")),
                                value ? value : "", -1);
      break;
    case FIELD_CHOICE:
      for (guint i = 0; f->keys[i]; i++)
        if (g_str_equal (f->keys[i], value ? value : ""))
          gtk_drop_down_set_selected (GTK_DROP_DOWN (f->widget), i);
      break;
    case FIELD_CHECK:
      gtk_check_button_set_active (GTK_CHECK_BUTTON (f->widget), g_strcmp0 (value, "1") == 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

GtkWindow *
vigil_record_form_get_window (VigilRecordForm *form)
{
  return form->window;
}

void
vigil_record_form_present (VigilRecordForm *form)
{
  gtk_window_present (form->window);
}
