/* vigil-error.h — the one error domain of Vigil
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VIGIL_ERROR (vigil_error_quark ())

typedef enum
{
  VIGIL_ERROR_FAILED,        /* anything else */
  VIGIL_ERROR_VALIDATION,    /* a value is not acceptable (bad key, bad date, …) */
  VIGIL_ERROR_CONFLICT,      /* unique key taken, concurrent change */
  VIGIL_ERROR_NOT_FOUND,     /* no such record */
  VIGIL_ERROR_CORRUPT,       /* not a Vigil database, or damaged */
  VIGIL_ERROR_NEWER_SCHEMA,  /* written by a newer Vigil */
  VIGIL_ERROR_LOCKED,        /* another process holds the database */
  VIGIL_ERROR_IO,            /* cannot read or write a file */
  VIGIL_ERROR_REFUSED,       /* a workflow rule refused the change */
} VigilError;

GQuark vigil_error_quark (void);

G_END_DECLS
