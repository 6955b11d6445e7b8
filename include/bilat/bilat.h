/* bilat.h: the libbilat umbrella header, the only one programs include
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#define __BILAT_INSIDE__

#include "bilat-version.h"
#include "bilat-version-macros.h"
#include "bilat-enum-types.h"
#include "bilat-countries.h"
#include "bilat-cameo.h"
#include "bilat-date.h"
#include "bilat-place.h"
#include "bilat-citation.h"
#include "bilat-record.h"
#include "bilat-source.h"
#include "bilat-actor.h"
#include "bilat-issue.h"
#include "bilat-event.h"
#include "bilat-exercise.h"
#include "bilat-exercise-counts.h"
#include "bilat-position.h"
#include "bilat-problem.h"
#include "bilat-format.h"
#include "bilat-store.h"
#include "bilat-query.h"
#include "bilat-series.h"
#include "bilat-alignment.h"
#include "bilat-codes.h"
#include "bilat-coded-event.h"
#include "bilat-import.h"
#include "bilat-importer.h"
#include "bilat-affinity.h"
#include "bilat-runtime.h"
#include "bilat-state-spell.h"
#include "bilat-identity.h"
#include "bilat-panel.h"

#undef __BILAT_INSIDE__
