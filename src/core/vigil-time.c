/* vigil-time.c — ISO 8601 times as Vigil stores them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-error.h"
#include "vigil-time.h"

/* Tests and the demo generator pin "now" so their output is reproducible. */
static gint64 now_override = 0;

void
vigil_time_set_now_override (gint64 unix_seconds)
{
  now_override = unix_seconds;
}

GDateTime *
vigil_time_now (void)
{
  if (now_override != 0)
    return g_date_time_new_from_unix_utc (now_override);
  return g_date_time_new_now_utc ();
}

char *
vigil_time_format (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (dt != NULL, NULL);

  utc = g_date_time_to_utc (dt);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

char *
vigil_time_now_iso (void)
{
  g_autoptr(GDateTime) now = vigil_time_now ();
  return vigil_time_format (now);
}

/* Accepts full ISO 8601 with or without a zone (no zone means UTC), a date
 * with a space instead of the T, and a bare date (midnight UTC). */
GDateTime *
vigil_time_parse (const char  *text,
                  GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *copy = NULL;
  GDateTime *dt;

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                   _("Empty date; expected ISO 8601 such as 2026-11-30T14:05:00Z"));
      return NULL;
    }

  copy = g_strstrip (g_strdup (text));
  if (strlen (copy) > 10 && copy[10] == ' ')
    copy[10] = 'T';

  dt = g_date_time_new_from_iso8601 (copy, utc);
  if (dt == NULL && strlen (copy) == 10)
    {
      g_autofree char *midnight = g_strconcat (copy, "T00:00:00Z", NULL);
      dt = g_date_time_new_from_iso8601 (midnight, utc);
    }
  if (dt == NULL)
    g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_VALIDATION,
                 _("“%s” is not a date; expected ISO 8601 such as 2026-11-30T14:05:00Z"),
                 text);
  return dt;
}

char *
vigil_time_normalize (const char  *text,
                      GError     **error)
{
  g_autoptr(GDateTime) dt = vigil_time_parse (text, error);
  return dt ? vigil_time_format (dt) : NULL;
}

gint64
vigil_time_to_unix (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL)
    return 0;
  dt = vigil_time_parse (iso, NULL);
  return dt ? g_date_time_to_unix (dt) : 0;
}

char *
vigil_time_from_unix (gint64 seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (seconds);
  return vigil_time_format (dt);
}
