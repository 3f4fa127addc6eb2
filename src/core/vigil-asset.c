/* vigil-asset.c — an asset of the inventory
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "vigil-asset.h"

/* One table drives the SELECT list, the properties and the getters. */
enum
{
  F_NAME,
  F_KIND,
  F_HOSTNAME,
  F_ADDRESSES,
  F_OWNER_TEAM_NAME,
  F_TECH_CONTACT_NAME,
  F_BUSINESS_OWNER_NAME,
  F_CRITICALITY,
  F_ENVIRONMENT,
  F_LOCATION,
  F_STATUS,
  F_DESCRIPTION,
  F_CREATED_AT,
  F_UPDATED_AT,
  N_TEXT_FIELDS
};

enum
{
  I_ID,
  I_OWNER_TEAM_ID,
  I_TECH_CONTACT_ID,
  I_BUSINESS_OWNER_ID,
  N_INT_FIELDS
};

static const struct
{
  const char *property;
  const char *column;
} text_fields[N_TEXT_FIELDS] = {
  { "name", "a.name" },
  { "kind", "a.kind" },
  { "hostname", "a.hostname" },
  { "addresses", "a.addresses" },
  { "owner-team-name", "(SELECT name FROM teams WHERE id = a.owner_team_id)" },
  { "tech-contact-name", "(SELECT name FROM people WHERE id = a.tech_contact_id)" },
  { "business-owner-name", "(SELECT name FROM people WHERE id = a.business_owner_id)" },
  { "criticality", "a.criticality" },
  { "environment", "a.environment" },
  { "location", "a.location" },
  { "status", "a.status" },
  { "description", "a.description" },
  { "created-at", "a.created_at" },
  { "updated-at", "a.updated_at" },
};

static const struct
{
  const char *property;
  const char *column;
} int_fields[N_INT_FIELDS] = {
  { "id", "a.id" },
  { "owner-team-id", "a.owner_team_id" },
  { "tech-contact-id", "a.tech_contact_id" },
  { "business-owner-id", "a.business_owner_id" },
};

struct _VigilAsset
{
  GObject  parent_instance;
  gint64   ints[N_INT_FIELDS];
  char    *texts[N_TEXT_FIELDS];
};

G_DEFINE_FINAL_TYPE (VigilAsset, vigil_asset, G_TYPE_OBJECT)

enum { PROP_0 };
#define TEXT_PROP(i) (1 + N_INT_FIELDS + (i))
#define N_PROPS (1 + N_INT_FIELDS + N_TEXT_FIELDS)
static GParamSpec *properties[N_PROPS];

static void
vigil_asset_finalize (GObject *object)
{
  VigilAsset *self = VIGIL_ASSET (object);

  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    g_free (self->texts[i]);
  G_OBJECT_CLASS (vigil_asset_parent_class)->finalize (object);
}

static void
vigil_asset_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VigilAsset *self = VIGIL_ASSET (object);

  if (prop_id >= 1 && prop_id < 1 + N_INT_FIELDS)
    g_value_set_int64 (value, self->ints[prop_id - 1]);
  else if (prop_id >= TEXT_PROP (0) && prop_id < N_PROPS)
    g_value_set_string (value, self->texts[prop_id - TEXT_PROP (0)]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
vigil_asset_class_init (VigilAssetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_asset_finalize;
  object_class->get_property = vigil_asset_get_property;

  for (guint i = 0; i < N_INT_FIELDS; i++)
    properties[1 + i] = g_param_spec_int64 (int_fields[i].property, NULL, NULL,
                                            0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    properties[TEXT_PROP (i)] = g_param_spec_string (text_fields[i].property, NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_asset_init (VigilAsset *self)
{
}

const char *
vigil_asset_select_columns (void)
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

VigilAsset *
vigil_asset_new_from_row (gpointer sqlite_stmt)
{
  sqlite3_stmt *stmt = sqlite_stmt;
  VigilAsset *self = g_object_new (VIGIL_TYPE_ASSET, NULL);

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
  gint64 vigil_asset_get_##fn (VigilAsset *self) \
  { g_return_val_if_fail (VIGIL_IS_ASSET (self), 0); return self->ints[index]; }
#define TEXT_GETTER(fn, index) \
  const char *vigil_asset_get_##fn (VigilAsset *self) \
  { g_return_val_if_fail (VIGIL_IS_ASSET (self), NULL); return self->texts[index]; }

INT_GETTER (id, I_ID)
INT_GETTER (owner_team_id, I_OWNER_TEAM_ID)
INT_GETTER (tech_contact_id, I_TECH_CONTACT_ID)
INT_GETTER (business_owner_id, I_BUSINESS_OWNER_ID)
TEXT_GETTER (name, F_NAME)
TEXT_GETTER (kind, F_KIND)
TEXT_GETTER (hostname, F_HOSTNAME)
TEXT_GETTER (addresses, F_ADDRESSES)
TEXT_GETTER (owner_team_name, F_OWNER_TEAM_NAME)
TEXT_GETTER (tech_contact_name, F_TECH_CONTACT_NAME)
TEXT_GETTER (business_owner_name, F_BUSINESS_OWNER_NAME)
TEXT_GETTER (criticality, F_CRITICALITY)
TEXT_GETTER (environment, F_ENVIRONMENT)
TEXT_GETTER (location, F_LOCATION)
TEXT_GETTER (status, F_STATUS)
TEXT_GETTER (description, F_DESCRIPTION)
TEXT_GETTER (created_at, F_CREATED_AT)
TEXT_GETTER (updated_at, F_UPDATED_AT)
