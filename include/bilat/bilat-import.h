/* bilat-import.h: reading machine-coded event data (GDELT, ICEWS)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include <gio/gio.h>

#include "bilat-version-macros.h"
#include "bilat-coded-event.h"
#include "bilat-query.h"
#include "bilat-series.h"
#include "bilat-store.h"

G_BEGIN_DECLS

/**
 * BILAT_IMPORT_ERROR:
 *
 * The error domain of reading event data. Errors in this domain are from
 * the [error@Bilat.ImportError] enumeration; the same codes tell the kind
 * of a [struct@Bilat.Problem].
 *
 * Since: 1.0
 */
#define BILAT_IMPORT_ERROR (bilat_import_error_quark ())

/**
 * BilatImportError:
 * @BILAT_IMPORT_ERROR_UNKNOWN_FORMAT: the content is none of the formats
 *   of [enum@Bilat.EventFormat], or not the one asked for
 * @BILAT_IMPORT_ERROR_BAD_ROW: a row has the wrong number of columns, or
 *   is too long to be a row
 * @BILAT_IMPORT_ERROR_BAD_VALUE: a field of a row has a bad value: a date
 *   that is not a day of the calendar, a malformed number or one out of
 *   range, a malformed CAMEO code or event id, text that is not UTF-8
 * @BILAT_IMPORT_ERROR_DUPLICATE_ID: a row repeats the event id of an
 *   earlier row, or of an event already in the store
 * @BILAT_IMPORT_ERROR_UNKNOWN_COUNTRY: a country name (ICEWS) that libbilat
 *   cannot map to a code; only ever a problem of a report, never an error
 * @BILAT_IMPORT_ERROR_TRUNCATED: a compressed file or an archive ends
 *   before its end
 * @BILAT_IMPORT_ERROR_CORRUPT: a compressed file or an archive is damaged
 *   or of a kind libbilat does not read
 *
 * Error codes of the %BILAT_IMPORT_ERROR domain. Reading also fails with
 * the errors of [iface@Gio.File] and [class@Gio.InputStream] (a missing
 * file is %G_IO_ERROR_NOT_FOUND) and with %G_IO_ERROR_CANCELLED.
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_IMPORT_ERROR_UNKNOWN_FORMAT,
  BILAT_IMPORT_ERROR_BAD_ROW,
  BILAT_IMPORT_ERROR_BAD_VALUE,
  BILAT_IMPORT_ERROR_DUPLICATE_ID,
  BILAT_IMPORT_ERROR_UNKNOWN_COUNTRY,
  BILAT_IMPORT_ERROR_TRUNCATED,
  BILAT_IMPORT_ERROR_CORRUPT,
} BilatImportError;

/**
 * BilatImportFlags:
 * @BILAT_IMPORT_FLAGS_NONE: the default: bad rows and duplicate event ids
 *   are skipped, counted and reported
 * @BILAT_IMPORT_FLAGS_STRICT: the first bad row or duplicate event id
 *   fails the whole operation with a %BILAT_IMPORT_ERROR
 *
 * How reading event data treats bad rows.
 *
 * Since: 1.0
 */
typedef enum /*< flags >*/ {
  BILAT_IMPORT_FLAGS_NONE = 0,
  BILAT_IMPORT_FLAGS_STRICT = 1 << 0,
} BilatImportFlags;

/**
 * BILAT_IMPORT_MAX_PROBLEMS:
 *
 * How many problems a [class@Bilat.ImportReport] keeps: the first ones, in
 * the order of the input. It counts them all.
 *
 * Since: 1.0
 */
#define BILAT_IMPORT_MAX_PROBLEMS 100

#define BILAT_TYPE_IMPORT_REPORT (bilat_import_report_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatImportReport, bilat_import_report, BILAT, IMPORT_REPORT, GObject)

BILAT_AVAILABLE_IN_1_0
GQuark            bilat_import_error_quark           (void);

BILAT_AVAILABLE_IN_1_0
BilatImportReport *bilat_import_report_new           (void);
BILAT_AVAILABLE_IN_1_0
BilatEventFormat  bilat_import_report_get_format     (BilatImportReport *self);
BILAT_AVAILABLE_IN_1_0
guint             bilat_import_report_get_n_files    (BilatImportReport *self);
BILAT_AVAILABLE_IN_1_0
guint64           bilat_import_report_get_bytes      (BilatImportReport *self);
BILAT_AVAILABLE_IN_1_0
guint64           bilat_import_report_get_rows       (BilatImportReport *self);
BILAT_AVAILABLE_IN_1_0
guint64           bilat_import_report_get_matched    (BilatImportReport *self);
BILAT_AVAILABLE_IN_1_0
guint64           bilat_import_report_get_kept       (BilatImportReport *self);
BILAT_AVAILABLE_IN_1_0
guint64           bilat_import_report_get_bad_rows   (BilatImportReport *self);
BILAT_AVAILABLE_IN_1_0
guint64           bilat_import_report_get_duplicates (BilatImportReport *self);
BILAT_AVAILABLE_IN_1_0
guint64           bilat_import_report_get_n_problems (BilatImportReport *self);
BILAT_AVAILABLE_IN_1_0
GPtrArray        *bilat_import_report_get_problems   (BilatImportReport *self);
BILAT_AVAILABLE_IN_1_0
gboolean          bilat_import_report_get_id_span    (BilatImportReport *self,
                                                      const char        *prefix,
                                                      guint64           *first,
                                                      guint64           *last);
BILAT_AVAILABLE_IN_1_0
void              bilat_import_report_merge          (BilatImportReport *self,
                                                      BilatImportReport *other);
BILAT_AVAILABLE_IN_1_0
char             *bilat_import_report_to_string      (BilatImportReport *self);

G_END_DECLS
