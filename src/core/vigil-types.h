/* vigil-types.h — forward declarations of Vigil's core types
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Headers include this instead of each other, so no two headers ever
 * include each other in a circle.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _VigilStore      VigilStore;
typedef struct _VigilIncident   VigilIncident;
typedef struct _VigilRecordList VigilRecordList;

G_END_DECLS
