/* bilat-format.h: errors, validation and records of the JSON data format
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include <gio/gio.h>

#include <json-glib/json-glib.h>

#include "bilat-version-macros.h"
#include "bilat-record.h"
#include "bilat-problem.h"

G_BEGIN_DECLS

/**
 * BILAT_FORMAT_ERROR:
 *
 * The error domain of reading the libbilat JSON format. Errors in this
 * domain are from the [error@Bilat.FormatError] enumeration.
 *
 * Since: 1.0
 */
#define BILAT_FORMAT_ERROR (bilat_format_error_quark ())

/**
 * BilatFormatError:
 * @BILAT_FORMAT_ERROR_INVALID_JSON: the text is not JSON (a syntax error,
 *   a truncated file, invalid UTF-8)
 * @BILAT_FORMAT_ERROR_UNSUPPORTED: the top level is not `"format": "bilat"`
 *   of a version this library reads
 * @BILAT_FORMAT_ERROR_MISSING_FIELD: a required member is absent
 * @BILAT_FORMAT_ERROR_WRONG_TYPE: a member has the wrong JSON type
 * @BILAT_FORMAT_ERROR_INVALID_VALUE: a member's value is not allowed (an
 *   unknown enumeration nick, a malformed date or id, a number out of range)
 * @BILAT_FORMAT_ERROR_UNKNOWN_FIELD: a member the format does not define
 * @BILAT_FORMAT_ERROR_DUPLICATE_ID: two records of one kind share an id,
 *   or a record's id is already in the store loaded into; also two actors
 *   sharing a name (an id or alias, ignoring case), since actors are looked
 *   up by name
 * @BILAT_FORMAT_ERROR_UNKNOWN_REFERENCE: a reference names a record that
 *   does not exist
 *
 * Error codes of the %BILAT_FORMAT_ERROR domain. The message of every error
 * names where the problem is: the file (when known), the line, the kind of
 * record with its index and id, and the member.
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_FORMAT_ERROR_INVALID_JSON,
  BILAT_FORMAT_ERROR_UNSUPPORTED,
  BILAT_FORMAT_ERROR_MISSING_FIELD,
  BILAT_FORMAT_ERROR_WRONG_TYPE,
  BILAT_FORMAT_ERROR_INVALID_VALUE,
  BILAT_FORMAT_ERROR_UNKNOWN_FIELD,
  BILAT_FORMAT_ERROR_DUPLICATE_ID,
  BILAT_FORMAT_ERROR_UNKNOWN_REFERENCE,
} BilatFormatError;

BILAT_AVAILABLE_IN_1_0
GQuark bilat_format_error_quark (void);

BILAT_AVAILABLE_IN_1_0
GPtrArray       *bilat_validate_data         (const char         *data,
                                              gssize              length,
                                              const char         *name);
BILAT_AVAILABLE_IN_1_0
GPtrArray       *bilat_validate_file         (GFile              *file,
                                              GCancellable       *cancellable,
                                              GError            **error);
BILAT_AVAILABLE_IN_1_0
GPtrArray       *bilat_validate_stream       (GInputStream       *stream,
                                              const char         *name,
                                              GCancellable       *cancellable,
                                              GError            **error);

BILAT_AVAILABLE_IN_1_0
JsonNode        *bilat_record_to_json        (BilatRecord        *record);

G_END_DECLS
