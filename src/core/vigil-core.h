/* vigil-core.h — everything of libvigil-core
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-error.h"
#include "vigil-incident.h"
#include "vigil-record-list.h"
#include "vigil-store.h"
#include "vigil-store-incidents.h"
#include "vigil-time.h"
#include "vigil-types.h"
#include "vigil-vocab.h"

void vigil_core_init (void);
