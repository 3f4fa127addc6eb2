/* vigil-error.c — the one error domain of Vigil
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "vigil-error.h"

G_DEFINE_QUARK (vigil-error-quark, vigil_error)
