/* vigil-org-dialogs.c — create and edit people and teams
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwMessageDialog with a form as its extra child; Save is enabled once
 * there is a name.  A refused save keeps the dialog open with what was
 * typed, and says why under the field concerned (or above the form when no
 * one field is at fault); the field is marked invalid for screen readers.
 *
 * AdwMessageDialog (libadwaita 1.2) closes itself before it emits
 * ::response.  So ::close-request is refused while the form is open; the
 * response handler closes the dialog once the save went through (or on
 * Cancel), and an idle closes it when no response followed (Escape, the
 * window's close button).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vigil-org-dialogs.h"
#include "vigil-store-org.h"

static const char * const team_kinds[] = { "security", "it", "business", "external", NULL };

typedef struct
{
  VigilStore  *store;
  gint64       id;
  GHashTable  *entries;     /* name → GtkEditable */
  GHashTable  *errors;      /* name → GtkLabel under the field */
  GtkLabel    *form_error;  /* above the form: errors of no one field */
  GtkDropDown *team;        /* person: team; team: parent */
  GtkDropDown *kind;        /* team only */
  GtkSwitch   *on_call;
  GArray      *team_ids;    /* dropdown position → team id (0 = none) */
  gboolean     may_close;
  gboolean     responded;
  guint        close_idle;
} Form;

static void
form_free (Form *form)
{
  g_clear_handle_id (&form->close_idle, g_source_remove);
  g_object_unref (form->store);
  g_hash_table_unref (form->entries);
  g_hash_table_unref (form->errors);
  g_array_unref (form->team_ids);
  g_free (form);
}

static Form *
form_new (VigilStore *store,
          gint64      id)
{
  Form *form = g_new0 (Form, 1);

  form->store = g_object_ref (store);
  form->id = id;
  form->entries = g_hash_table_new (g_str_hash, g_str_equal);
  form->errors = g_hash_table_new (g_str_hash, g_str_equal);
  form->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return form;
}

static GtkWidget *
add_entry (Form       *form,
           GtkGrid    *grid,
           int         row,
           const char *key,
           const char *label,
           const char *value)
{
  GtkWidget *l = gtk_label_new_with_mnemonic (label);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *error = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (l), 1);
  /* level with the entry, not with the entry and its error */
  gtk_widget_set_valign (l, GTK_ALIGN_START);
  gtk_widget_set_margin_top (l, 8);
  gtk_label_set_mnemonic_widget (GTK_LABEL (l), entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), value ? value : "");
  gtk_widget_set_hexpand (entry, TRUE);
  /* the reason a save was refused, when it is this field's */
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (error), 40);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_add_css_class (error, "caption");
  gtk_widget_set_visible (error, FALSE);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), error);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  error, NULL, -1);
  gtk_grid_attach (grid, l, 0, row, 1, 1);
  gtk_grid_attach (grid, box, 1, row, 1, 1);
  g_hash_table_insert (form->entries, (gpointer) key, entry);
  g_hash_table_insert (form->errors, (gpointer) key, error);
  return entry;
}

static const char *
entry_text (Form       *form,
            const char *key)
{
  GtkEditable *e = g_hash_table_lookup (form->entries, key);
  return e ? gtk_editable_get_text (e) : NULL;
}

static GtkDropDown *
add_team_dropdown (Form       *form,
                   GtkGrid    *grid,
                   int         row,
                   const char *label,
                   gint64      selected,
                   gint64      exclude)
{
  g_autoptr(GPtrArray) teams = vigil_store_list_teams (form->store, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *l = gtk_label_new_with_mnemonic (label);
  GtkWidget *dropdown;
  guint position = 0;
  gint64 none = 0;

  gtk_string_list_append (names, _("None"));
  g_array_append_val (form->team_ids, none);
  for (guint i = 0; teams != NULL && i < teams->len; i++)
    {
      VigilTeam *t = teams->pdata[i];
      if (t->id == exclude)
        continue;
      if (t->id == selected)
        position = form->team_ids->len;
      gtk_string_list_append (names, t->name);
      g_array_append_val (form->team_ids, t->id);
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position);
  gtk_label_set_xalign (GTK_LABEL (l), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (l), dropdown);
  gtk_grid_attach (grid, l, 0, row, 1, 1);
  gtk_grid_attach (grid, dropdown, 1, row, 1, 1);
  return GTK_DROP_DOWN (dropdown);
}

static gint64
selected_team (Form *form)
{
  guint pos = gtk_drop_down_get_selected (form->team);
  return pos < form->team_ids->len ? g_array_index (form->team_ids, gint64, pos) : 0;
}

static AdwMessageDialog *
dialog_new (GtkWidget  *parent,
            const char *heading,
            Form       *form,
            GtkGrid   **grid)
{
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)),
                                                       heading, NULL));
  *grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (*grid, 6);
  gtk_grid_set_column_spacing (*grid, 12);
  form->form_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (form->form_error, TRUE);
  gtk_label_set_xalign (form->form_error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (form->form_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (form->form_error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->form_error));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*grid));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 480, -1);
  g_object_set_data_full (G_OBJECT (dialog), "form", form, (GDestroyNotify) form_free);
  return dialog;
}

/* ---- person ------------------------------------------------------------ */

/* The field a store error is about, from the column SQLite names. */
static const char *
conflict_field (const GError *error,
                const char   *table)
{
  static const char * const columns[] = { "employee_id", "email", "name", NULL };

  if (!g_error_matches (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT))
    return NULL;
  for (guint i = 0; columns[i]; i++)
    {
      g_autofree char *column = g_strconcat (table, ".", columns[i], NULL);
      if (strstr (error->message, column) != NULL)
        return columns[i];
    }
  return NULL;
}

static gboolean
save_person (Form        *form,
             const char **field,
             GError     **error)
{
  g_autoptr(VigilPerson) p = NULL;
  const char *manager = entry_text (form, "manager");

  if (form->id > 0)
    {
      p = vigil_store_get_person (form->store, form->id, error);
      if (p == NULL)
        return FALSE;
    }
  else
    p = vigil_person_new ();

#define TAKE(member, key) g_free (p->member); p->member = g_strstrip (g_strdup (entry_text (form, key)))
  TAKE (name, "name");
  TAKE (employee_id, "employee_id");
  TAKE (title, "title");
  TAKE (email, "email");
  TAKE (phone, "phone");
  TAKE (mobile, "mobile");
  TAKE (location, "location");
#undef TAKE
  g_strfreev (p->roles);
  p->roles = g_strsplit_set (entry_text (form, "roles"), " ,", -1);
  p->team_id = selected_team (form);
  p->on_call = gtk_switch_get_active (form->on_call);
  p->manager_id = 0;
  if (manager != NULL && *manager != '\0')
    {
      *field = "manager";
      p->manager_id = vigil_store_find_person (form->store, manager, error);
      if (p->manager_id < 0)
        return FALSE;
      if (p->manager_id == 0)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                       _("No person has the employee ID “%s”; type the manager’s employee ID"),
                       manager);
          return FALSE;
        }
      if (!vigil_store_check_manager (form->store, form->id, p->manager_id, error))
        return FALSE;
    }
  *field = NULL;
  if (p->email != NULL && strchr (p->email, ' ') != NULL)
    *field = "email";
  if ((form->id > 0 && vigil_store_update_person (form->store, p, error)) ||
      (form->id <= 0 && vigil_store_create_person (form->store, p, error) > 0))
    return TRUE;
  if (conflict_field (*error, "people") != NULL)
    {
      const char *column = conflict_field (*error, "people");
      g_clear_error (error);
      *field = column;
      g_set_error_literal (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT,
                           g_str_equal (column, "email")
                             ? _("Another person already has this e-mail address")
                             : _("Another person already has this employee ID"));
    }
  return FALSE;
}

static void
clear_errors (Form *form)
{
  GHashTableIter iter;
  gpointer key, label;

  gtk_widget_set_visible (GTK_WIDGET (form->form_error), FALSE);
  g_hash_table_iter_init (&iter, form->errors);
  while (g_hash_table_iter_next (&iter, &key, &label))
    {
      gtk_widget_set_visible (label, FALSE);
      gtk_accessible_reset_state (g_hash_table_lookup (form->entries, key),
                                  GTK_ACCESSIBLE_STATE_INVALID);
      gtk_widget_remove_css_class (g_hash_table_lookup (form->entries, key), "error");
    }
}

/* Says why next to the field (or above the form) and keeps what was typed. */
static void
show_error (Form         *form,
            const char   *field,
            const GError *error)
{
  GtkLabel *label = field ? g_hash_table_lookup (form->errors, field) : NULL;
  GtkWidget *entry = field ? g_hash_table_lookup (form->entries, field) : NULL;

  clear_errors (form);
  if (label == NULL || entry == NULL)
    {
      gtk_label_set_text (form->form_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (form->form_error), TRUE);
      return;
    }
  gtk_label_set_text (label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  gtk_widget_add_css_class (entry, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_widget_grab_focus (entry);
}

static void
close_now (GtkWindow *dialog)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), "form");

  form->may_close = TRUE;
  gtk_window_close (dialog);
}

static gboolean
close_if_no_response (gpointer data)
{
  GtkWindow *dialog = data;
  Form *form = g_object_get_data (G_OBJECT (dialog), "form");

  form->close_idle = 0;
  if (!form->responded)
    close_now (dialog);  /* Escape or the close button: the close response follows */
  return G_SOURCE_REMOVE;
}

static gboolean
close_request (GtkWindow *dialog,
               Form      *form)
{
  if (form->may_close)
    return FALSE;
  form->responded = FALSE;
  if (form->close_idle == 0)
    form->close_idle = g_idle_add (close_if_no_response, dialog);
  return TRUE;
}

static void
save_response (AdwMessageDialog *dialog,
               const char       *response,
               gpointer          user_data)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autoptr(GError) error = NULL;
  gboolean (*save) (Form *, const char **, GError **) = user_data;
  const char *field = NULL;

  form->responded = TRUE;
  if (form->may_close)
    return;  /* the close response of a closing dialog */
  if (g_strcmp0 (response, "save") != 0 || save (form, &field, &error))
    {
      close_now (GTK_WINDOW (dialog));
      return;
    }
  show_error (form, field, error);
}

static void
watch_close (Form             *form,
             AdwMessageDialog *dialog,
             gpointer          save)
{
  g_signal_connect (dialog, "close-request", G_CALLBACK (close_request), form);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response), save);
}

static void
name_changed (GtkEditable      *name,
              AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (name)));
  adw_message_dialog_set_response_enabled (dialog, "save", *text != '\0');
}

static void
watch_name (Form             *form,
            AdwMessageDialog *dialog)
{
  GtkEditable *name = g_hash_table_lookup (form->entries, "name");

  g_signal_connect (name, "changed", G_CALLBACK (name_changed), dialog);
  name_changed (name, dialog);
}

void
vigil_org_person_dialog_present (GtkWidget  *parent,
                                 VigilStore *store,
                                 gint64      person_id,
                                 gint64      manager_id)
{
  g_autoptr(VigilPerson) p = NULL;
  g_autoptr(VigilPerson) manager = NULL;
  Form *form = form_new (store, person_id);
  AdwMessageDialog *dialog;
  GtkWidget *l, *sw;
  GtkGrid *grid;
  g_autofree char *roles = NULL;
  int row = 0;

  if (person_id > 0)
    p = vigil_store_get_person (store, person_id, NULL);
  if (p == NULL)
    {
      form->id = 0;
      p = vigil_person_new ();
      if (manager_id > 0 && (manager = vigil_store_get_person (store, manager_id, NULL)))
        {
          p->manager_employee_id = g_strdup (manager->employee_id);
          p->team_id = manager->team_id;
        }
    }
  roles = p->roles ? g_strjoinv (" ", p->roles) : g_strdup ("");

  dialog = dialog_new (parent, form->id > 0 ? _("Edit Person") : _("New Person"), form, &grid);
  add_entry (form, grid, row++, "name", _("_Name"), p->name);
  add_entry (form, grid, row++, "title", _("_Job title"), p->title);
  add_entry (form, grid, row++, "employee_id", _("Employee _ID"), p->employee_id);
  form->team = add_team_dropdown (form, grid, row++, _("_Team"), p->team_id, 0);
  add_entry (form, grid, row++, "manager", _("_Manager (employee ID)"), p->manager_employee_id);
  add_entry (form, grid, row++, "email", _("_E-mail"), p->email);
  add_entry (form, grid, row++, "phone", _("_Phone"), p->phone);
  add_entry (form, grid, row++, "mobile", _("M_obile"), p->mobile);
  add_entry (form, grid, row++, "location", _("_Location"), p->location);
  add_entry (form, grid, row++, "roles", _("_Roles"), roles);
  l = gtk_label_new_with_mnemonic (_("On _call"));
  gtk_label_set_xalign (GTK_LABEL (l), 1);
  sw = gtk_switch_new ();
  gtk_widget_set_halign (sw, GTK_ALIGN_START);
  gtk_switch_set_active (GTK_SWITCH (sw), p->on_call);
  gtk_label_set_mnemonic_widget (GTK_LABEL (l), sw);
  form->on_call = GTK_SWITCH (sw);
  gtk_grid_attach (grid, l, 0, row, 1, 1);
  gtk_grid_attach (grid, sw, 1, row, 1, 1);

  watch_name (form, dialog);
  watch_close (form, dialog, save_person);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- team ---------------------------------------------------------------- */

static gboolean
save_team (Form        *form,
           const char **field,
           GError     **error)
{
  g_autoptr(VigilTeam) t = NULL;
  guint kind = gtk_drop_down_get_selected (form->kind);

  if (form->id > 0)
    {
      t = vigil_store_get_team (form->store, form->id, error);
      if (t == NULL)
        return FALSE;
    }
  else
    t = vigil_team_new ();
  g_free (t->name);
  t->name = g_strstrip (g_strdup (entry_text (form, "name")));
  g_free (t->email);
  t->email = g_strstrip (g_strdup (entry_text (form, "email")));
  g_free (t->phone);
  t->phone = g_strstrip (g_strdup (entry_text (form, "phone")));
  g_free (t->description);
  t->description = g_strdup (entry_text (form, "description"));
  g_free (t->kind);
  t->kind = g_strdup (team_kinds[MIN (kind, 3)]);
  t->parent_id = selected_team (form);
  if ((form->id > 0 && vigil_store_update_team (form->store, t, error)) ||
      (form->id <= 0 && vigil_store_create_team (form->store, t, error) > 0))
    return TRUE;
  *field = NULL;
  if (g_strcmp0 (conflict_field (*error, "teams"), "name") == 0)
    {
      g_clear_error (error);
      *field = "name";
      g_set_error_literal (error, VIGIL_ERROR, VIGIL_ERROR_CONFLICT,
                           _("Another team already has this name"));
    }
  return FALSE;
}

void
vigil_org_team_dialog_present (GtkWidget  *parent,
                               VigilStore *store,
                               gint64      team_id)
{
  g_autoptr(VigilTeam) t = NULL;
  Form *form = form_new (store, team_id);
  AdwMessageDialog *dialog;
  GtkGrid *grid;
  GtkWidget *l, *kind;
  const char *kind_labels[] = { _("Security"), _("IT"), _("Business"), _("External"), NULL };
  int row = 0;

  if (team_id > 0)
    t = vigil_store_get_team (store, team_id, NULL);
  if (t == NULL)
    {
      form->id = 0;
      t = vigil_team_new ();
    }

  dialog = dialog_new (parent, form->id > 0 ? _("Edit Team") : _("New Team"), form, &grid);
  add_entry (form, grid, row++, "name", _("_Name"), t->name);
  l = gtk_label_new_with_mnemonic (_("_Kind"));
  gtk_label_set_xalign (GTK_LABEL (l), 1);
  kind = gtk_drop_down_new_from_strings (kind_labels);
  for (guint i = 0; team_kinds[i]; i++)
    if (g_strcmp0 (team_kinds[i], t->kind) == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), i);
  gtk_label_set_mnemonic_widget (GTK_LABEL (l), kind);
  form->kind = GTK_DROP_DOWN (kind);
  gtk_grid_attach (grid, l, 0, row, 1, 1);
  gtk_grid_attach (grid, kind, 1, row++, 1, 1);
  form->team = add_team_dropdown (form, grid, row++, _("_Part of"), t->parent_id, form->id);
  add_entry (form, grid, row++, "email", _("_E-mail"), t->email);
  add_entry (form, grid, row++, "phone", _("_Phone"), t->phone);
  add_entry (form, grid, row++, "description", _("_Description"), t->description);

  watch_name (form, dialog);
  watch_close (form, dialog, save_team);
  gtk_window_present (GTK_WINDOW (dialog));
}
