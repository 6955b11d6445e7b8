/* bilat-runtime.h: the version of the library a program runs with
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include <glib.h>

#include "bilat-version-macros.h"

G_BEGIN_DECLS

BILAT_AVAILABLE_IN_1_0
guint    bilat_get_major_version (void);
BILAT_AVAILABLE_IN_1_0
guint    bilat_get_minor_version (void);
BILAT_AVAILABLE_IN_1_0
guint    bilat_get_micro_version (void);
BILAT_AVAILABLE_IN_1_0
gboolean bilat_check_version     (guint major,
                                  guint minor,
                                  guint micro);

G_END_DECLS
