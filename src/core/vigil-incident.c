/* vigil-incident.c — an incident, as a row of the incidents table
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields are described once, in `fields[]`: property name, SQL
 * expression and type.  Properties, the SELECT list and the row reader are
 * all derived from it, so adding a column is one line here.
 */
#include "config.h"

#include <sqlite3.h>

#include "vigil-incident.h"

typedef enum { T_INT, T_STR } FieldType;

typedef enum
{
  F_ID, F_REF, F_TITLE, F_DESCRIPTION, F_STAGE, F_SEVERITY, F_IMPACT, F_URGENCY,
  F_PRIORITY, F_CATEGORY, F_TLP, F_PAP, F_TIER, F_ASSIGNEE_ID, F_ASSIGNEE_NAME,
  F_ASSIGNEE_EMAIL, F_OWNER_TEAM_ID, F_OWNER_TEAM_NAME, F_OCCURRED_AT, F_DETECTED_AT,
  F_ACKNOWLEDGED_AT, F_CONTAINED_AT, F_RESOLVED_AT, F_CLOSED_AT, F_DUE_AT, F_RESOLUTION,
  F_IMPACT_STATUS, F_SUMMARY, F_LESSONS, F_CREATED_AT, F_UPDATED_AT, F_OPEN_ACTIONS,
  F_OVERDUE_FOLLOWUPS,
  N_FIELDS
} Field;

static const struct
{
  const char *name;
  const char *sql;
  FieldType type;
} fields[N_FIELDS] = {
  [F_ID] = { "id", "i.id", T_INT },
  [F_REF] = { "ref", "i.ref", T_STR },
  [F_TITLE] = { "title", "i.title", T_STR },
  [F_DESCRIPTION] = { "description", "i.description", T_STR },
  [F_STAGE] = { "stage", "i.stage", T_STR },
  [F_SEVERITY] = { "severity", "i.severity", T_STR },
  [F_IMPACT] = { "impact", "i.impact", T_INT },
  [F_URGENCY] = { "urgency", "i.urgency", T_INT },
  [F_PRIORITY] = { "priority", "i.priority", T_INT },
  [F_CATEGORY] = { "category", "i.category", T_STR },
  [F_TLP] = { "tlp", "i.tlp", T_STR },
  [F_PAP] = { "pap", "i.pap", T_STR },
  [F_TIER] = { "tier", "i.tier", T_STR },
  [F_ASSIGNEE_ID] = { "assignee-id", "i.assignee_id", T_INT },
  [F_ASSIGNEE_NAME] = { "assignee-name", "(SELECT name FROM people WHERE id = i.assignee_id)", T_STR },
  [F_ASSIGNEE_EMAIL] = { "assignee-email", "(SELECT email FROM people WHERE id = i.assignee_id)", T_STR },
  [F_OWNER_TEAM_ID] = { "owner-team-id", "i.owner_team_id", T_INT },
  [F_OWNER_TEAM_NAME] = { "owner-team-name", "(SELECT name FROM teams WHERE id = i.owner_team_id)", T_STR },
  [F_OCCURRED_AT] = { "occurred-at", "i.occurred_at", T_STR },
  [F_DETECTED_AT] = { "detected-at", "i.detected_at", T_STR },
  [F_ACKNOWLEDGED_AT] = { "acknowledged-at", "i.acknowledged_at", T_STR },
  [F_CONTAINED_AT] = { "contained-at", "i.contained_at", T_STR },
  [F_RESOLVED_AT] = { "resolved-at", "i.resolved_at", T_STR },
  [F_CLOSED_AT] = { "closed-at", "i.closed_at", T_STR },
  [F_DUE_AT] = { "due-at", "i.due_at", T_STR },
  [F_RESOLUTION] = { "resolution", "i.resolution", T_STR },
  [F_IMPACT_STATUS] = { "impact-status", "i.impact_status", T_STR },
  [F_SUMMARY] = { "summary", "i.summary", T_STR },
  [F_LESSONS] = { "lessons", "i.lessons", T_STR },
  [F_CREATED_AT] = { "created-at", "i.created_at", T_STR },
  [F_UPDATED_AT] = { "updated-at", "i.updated_at", T_STR },
  [F_OPEN_ACTIONS] = { "open-actions",
    "(SELECT count(*) FROM actions a WHERE a.incident_id = i.id "
    "AND a.status IN ('todo', 'in-progress', 'pending'))", T_INT },
  [F_OVERDUE_FOLLOWUPS] = { "overdue-followups",
    "(SELECT count(*) FROM contacts c WHERE c.incident_id = i.id AND c.follow_up_done = 0 "
    "AND c.follow_up_at IS NOT NULL "
    "AND c.follow_up_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", T_INT },
};

struct _VigilIncident
{
  GObject  parent_instance;
  gint64   ints[N_FIELDS];
  char    *strs[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (VigilIncident, vigil_incident, G_TYPE_OBJECT)

static GParamSpec *properties[N_FIELDS + 1];

static void
vigil_incident_finalize (GObject *object)
{
  VigilIncident *self = (VigilIncident *)object;

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->strs[i]);

  G_OBJECT_CLASS (vigil_incident_parent_class)->finalize (object);
}

static void
vigil_incident_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VigilIncident *self = VIGIL_INCIDENT (object);
  guint f = prop_id - 1;

  if (prop_id == 0 || f >= N_FIELDS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (fields[f].type == T_INT)
    g_value_set_int64 (value, self->ints[f]);
  else
    g_value_set_string (value, self->strs[f]);
}

static void
vigil_incident_class_init (VigilIncidentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_incident_finalize;
  object_class->get_property = vigil_incident_get_property;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (fields[i].type == T_INT)
        properties[i + 1] = g_param_spec_int64 (fields[i].name, NULL, NULL,
                                                G_MININT64, G_MAXINT64, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
      else
        properties[i + 1] = g_param_spec_string (fields[i].name, NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
    }
  g_object_class_install_properties (object_class, N_FIELDS + 1, properties);
}

static void
vigil_incident_init (VigilIncident *self)
{
}

const char *
vigil_incident_select_columns (void)
{
  static gsize columns = 0;

  if (g_once_init_enter (&columns))
    {
      GString *s = g_string_new (NULL);
      for (guint i = 0; i < N_FIELDS; i++)
        {
          if (i > 0)
            g_string_append (s, ", ");
          g_string_append (s, fields[i].sql);
        }
      g_once_init_leave (&columns, (gsize) g_string_free (s, FALSE));
    }
  return (const char *) columns;
}

VigilIncident *
vigil_incident_new_from_row (gpointer sqlite_stmt)
{
  sqlite3_stmt *stmt = sqlite_stmt;
  VigilIncident *self;

  g_return_val_if_fail (stmt != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_INCIDENT, NULL);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (fields[i].type == T_INT)
        self->ints[i] = sqlite3_column_int64 (stmt, (int) i);
      else
        {
          const unsigned char *text = sqlite3_column_text (stmt, (int) i);
          self->strs[i] = text ? g_strdup ((const char *) text) : NULL;
        }
    }
  return self;
}

#define STR_GETTER(fn, field) \
  const char *vigil_incident_get_##fn (VigilIncident *self) \
  { g_return_val_if_fail (VIGIL_IS_INCIDENT (self), NULL); return self->strs[field]; }
#define INT_GETTER(type, fn, field) \
  type vigil_incident_get_##fn (VigilIncident *self) \
  { g_return_val_if_fail (VIGIL_IS_INCIDENT (self), 0); return (type) self->ints[field]; }

INT_GETTER (gint64, id, F_ID)
STR_GETTER (ref, F_REF)
STR_GETTER (title, F_TITLE)
STR_GETTER (description, F_DESCRIPTION)
STR_GETTER (stage, F_STAGE)
STR_GETTER (severity, F_SEVERITY)
INT_GETTER (int, impact, F_IMPACT)
INT_GETTER (int, urgency, F_URGENCY)
INT_GETTER (int, priority, F_PRIORITY)
STR_GETTER (category, F_CATEGORY)
STR_GETTER (tlp, F_TLP)
STR_GETTER (pap, F_PAP)
STR_GETTER (tier, F_TIER)
INT_GETTER (gint64, assignee_id, F_ASSIGNEE_ID)
STR_GETTER (assignee_name, F_ASSIGNEE_NAME)
STR_GETTER (assignee_email, F_ASSIGNEE_EMAIL)
INT_GETTER (gint64, owner_team_id, F_OWNER_TEAM_ID)
STR_GETTER (owner_team_name, F_OWNER_TEAM_NAME)
STR_GETTER (occurred_at, F_OCCURRED_AT)
STR_GETTER (detected_at, F_DETECTED_AT)
STR_GETTER (acknowledged_at, F_ACKNOWLEDGED_AT)
STR_GETTER (contained_at, F_CONTAINED_AT)
STR_GETTER (resolved_at, F_RESOLVED_AT)
STR_GETTER (closed_at, F_CLOSED_AT)
STR_GETTER (due_at, F_DUE_AT)
STR_GETTER (resolution, F_RESOLUTION)
STR_GETTER (impact_status, F_IMPACT_STATUS)
STR_GETTER (summary, F_SUMMARY)
STR_GETTER (lessons, F_LESSONS)
STR_GETTER (created_at, F_CREATED_AT)
STR_GETTER (updated_at, F_UPDATED_AT)
INT_GETTER (int, open_actions, F_OPEN_ACTIONS)
INT_GETTER (int, overdue_followups, F_OVERDUE_FOLLOWUPS)
