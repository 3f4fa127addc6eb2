/* vigil-time.h — ISO 8601 times as Vigil stores them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every time in the database is UTC text of the form 2026-11-30T12:00:00Z.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *vigil_time_now            (void);
char      *vigil_time_now_iso        (void);
char      *vigil_time_format         (GDateTime   *dt);
GDateTime *vigil_time_parse          (const char  *text,
                                      GError     **error);
char      *vigil_time_normalize      (const char  *text,
                                      GError     **error);
gint64     vigil_time_to_unix        (const char  *iso);
char      *vigil_time_from_unix      (gint64       seconds);
void       vigil_time_set_now_override (gint64     unix_seconds);

G_END_DECLS
