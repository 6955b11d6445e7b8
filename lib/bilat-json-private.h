/* bilat-json-private.h: the library's own JSON printer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Prints @node as datasets are written: two-space indentation, `"key":
 * value`, arrays of scalars and objects of scalars inside arrays on one
 * line, numbers in the shortest form that reads back to the same double,
 * non-ASCII characters as they are. No final newline. */
void _bilat_json_print (GString  *out,
                        JsonNode *node);

G_END_DECLS
