/* vigil-document.c — a document of the archive
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "vigil-document.h"

/* One table drives the SELECT list, the properties and the getters. */
enum
{
  F_SHA256,
  F_TITLE,
  F_FILENAME,
  F_MEDIA_TYPE,
  F_KIND,
  F_VERSION,
  F_DOC_DATE,
  F_TLP,
  F_OWNER_TEAM_NAME,
  F_TEXT_STATUS,
  F_TEXT_ERROR,
  F_ADDED_AT,
  F_UPDATED_AT,
  N_TEXT_FIELDS
};

enum
{
  I_ID,
  I_SIZE,
  I_OWNER_TEAM_ID,
  I_PREVIOUS_ID,
  I_N_LINKS,
  N_INT_FIELDS
};

static const struct
{
  const char *property;
  const char *column;
} text_fields[N_TEXT_FIELDS] = {
  { "sha256", "d.sha256" },
  { "title", "d.title" },
  { "filename", "d.filename" },
  { "media-type", "d.media_type" },
  { "kind", "d.kind" },
  { "version", "d.version" },
  { "doc-date", "d.doc_date" },
  { "tlp", "d.tlp" },
  { "owner-team-name", "(SELECT name FROM teams WHERE id = d.owner_team_id)" },
  { "text-status", "d.text_status" },
  { "text-error", "d.text_error" },
  { "added-at", "d.added_at" },
  { "updated-at", "d.updated_at" },
};

static const struct
{
  const char *property;
  const char *column;
} int_fields[N_INT_FIELDS] = {
  { "id", "d.id" },
  { "size", "d.size" },
  { "owner-team-id", "d.owner_team_id" },
  { "previous-id", "d.previous_id" },
  { "n-links", "(SELECT count(*) FROM document_links WHERE document_id = d.id)" },
};

struct _VigilDocument
{
  GObject  parent_instance;
  gint64   ints[N_INT_FIELDS];
  char    *texts[N_TEXT_FIELDS];
};

G_DEFINE_FINAL_TYPE (VigilDocument, vigil_document, G_TYPE_OBJECT)

enum { PROP_0 };
#define TEXT_PROP(i) (1 + N_INT_FIELDS + (i))
#define N_PROPS (1 + N_INT_FIELDS + N_TEXT_FIELDS)
static GParamSpec *properties[N_PROPS];

static void
vigil_document_finalize (GObject *object)
{
  VigilDocument *self = VIGIL_DOCUMENT (object);

  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    g_free (self->texts[i]);
  G_OBJECT_CLASS (vigil_document_parent_class)->finalize (object);
}

static void
vigil_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VigilDocument *self = VIGIL_DOCUMENT (object);

  if (prop_id >= 1 && prop_id < 1 + N_INT_FIELDS)
    g_value_set_int64 (value, self->ints[prop_id - 1]);
  else if (prop_id >= TEXT_PROP (0) && prop_id < N_PROPS)
    g_value_set_string (value, self->texts[prop_id - TEXT_PROP (0)]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
vigil_document_class_init (VigilDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_document_finalize;
  object_class->get_property = vigil_document_get_property;

  for (guint i = 0; i < N_INT_FIELDS; i++)
    properties[1 + i] = g_param_spec_int64 (int_fields[i].property, NULL, NULL,
                                            -1, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    properties[TEXT_PROP (i)] = g_param_spec_string (text_fields[i].property, NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_document_init (VigilDocument *self)
{
}

const char *
vigil_document_select_columns (void)
{
  static char *columns;

  if (g_once_init_enter (&columns))
    {
      GString *s = g_string_new (NULL);

      for (guint i = 0; i < N_INT_FIELDS; i++)
        g_string_append_printf (s, "%s%s", s->len ? ", " : "", int_fields[i].column);
      for (guint i = 0; i < N_TEXT_FIELDS; i++)
        g_string_append_printf (s, ", %s", text_fields[i].column);
      g_once_init_leave (&columns, g_string_free (s, FALSE));
    }
  return columns;
}

VigilDocument *
vigil_document_new_from_row (gpointer sqlite_stmt)
{
  sqlite3_stmt *stmt = sqlite_stmt;
  VigilDocument *self = g_object_new (VIGIL_TYPE_DOCUMENT, NULL);

  for (guint i = 0; i < N_INT_FIELDS; i++)
    self->ints[i] = sqlite3_column_int64 (stmt, (int) i);
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    {
      const unsigned char *text = sqlite3_column_text (stmt, (int) (N_INT_FIELDS + i));
      self->texts[i] = g_strdup (text ? (const char *) text : "");
    }
  return self;
}

#define INT_GETTER(fn, index) \
  gint64 vigil_document_get_##fn (VigilDocument *self) \
  { g_return_val_if_fail (VIGIL_IS_DOCUMENT (self), 0); return self->ints[index]; }
#define TEXT_GETTER(fn, index) \
  const char *vigil_document_get_##fn (VigilDocument *self) \
  { g_return_val_if_fail (VIGIL_IS_DOCUMENT (self), NULL); return self->texts[index]; }

INT_GETTER (id, I_ID)
INT_GETTER (size, I_SIZE)
INT_GETTER (owner_team_id, I_OWNER_TEAM_ID)
INT_GETTER (previous_id, I_PREVIOUS_ID)
INT_GETTER (n_links, I_N_LINKS)
TEXT_GETTER (sha256, F_SHA256)
TEXT_GETTER (title, F_TITLE)
TEXT_GETTER (filename, F_FILENAME)
TEXT_GETTER (media_type, F_MEDIA_TYPE)
TEXT_GETTER (kind, F_KIND)
TEXT_GETTER (version, F_VERSION)
TEXT_GETTER (doc_date, F_DOC_DATE)
TEXT_GETTER (tlp, F_TLP)
TEXT_GETTER (owner_team_name, F_OWNER_TEAM_NAME)
TEXT_GETTER (text_status, F_TEXT_STATUS)
TEXT_GETTER (text_error, F_TEXT_ERROR)
TEXT_GETTER (added_at, F_ADDED_AT)
TEXT_GETTER (updated_at, F_UPDATED_AT)
