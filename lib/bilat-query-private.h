/* bilat-query-private.h: what the query and its string form share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @prefix is a CAMEO code prefix a query takes: 1 to 4 digits. */
gboolean _bilat_query_is_cameo_prefix (const char *prefix);

G_END_DECLS
