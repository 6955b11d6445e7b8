/* bilat-date.h: calendar dates of year, month or day precision, and intervals
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include <glib-object.h>

#include "bilat-version-macros.h"

G_BEGIN_DECLS

/**
 * BilatDatePrecision:
 * @BILAT_DATE_PRECISION_YEAR: only the year is known (`2018`)
 * @BILAT_DATE_PRECISION_MONTH: year and month are known (`2015-07`)
 * @BILAT_DATE_PRECISION_DAY: the exact day is known (`1948-05-01`)
 *
 * How precisely a simple (non-interval) [struct@Bilat.Date] is known.
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_DATE_PRECISION_YEAR = 1,
  BILAT_DATE_PRECISION_MONTH = 2,
  BILAT_DATE_PRECISION_DAY = 3,
} BilatDatePrecision;

/**
 * BILAT_DATE_ERROR:
 *
 * The error domain of date parsing and construction. Errors in this domain
 * are from the [error@Bilat.DateError] enumeration.
 *
 * Since: 1.0
 */
#define BILAT_DATE_ERROR (bilat_date_error_quark ())

/**
 * BilatDateError:
 * @BILAT_DATE_ERROR_EMPTY: the text is empty
 * @BILAT_DATE_ERROR_SYNTAX: the text is not of the form `YYYY`, `YYYY-MM`,
 *   `YYYY-MM-DD` or `A/B`, or has trailing characters
 * @BILAT_DATE_ERROR_RANGE: a field is out of range (year outside 1–9999,
 *   month outside 1–12, a day that the month does not have)
 * @BILAT_DATE_ERROR_ORDER: an interval ends before it starts
 *
 * Error codes of the %BILAT_DATE_ERROR domain.
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_DATE_ERROR_EMPTY,
  BILAT_DATE_ERROR_SYNTAX,
  BILAT_DATE_ERROR_RANGE,
  BILAT_DATE_ERROR_ORDER,
} BilatDateError;

typedef struct _BilatDate BilatDate;

#define BILAT_TYPE_DATE (bilat_date_get_type ())

BILAT_AVAILABLE_IN_1_0
GType              bilat_date_get_type          (void) G_GNUC_CONST;
BILAT_AVAILABLE_IN_1_0
GQuark             bilat_date_error_quark       (void);

BILAT_AVAILABLE_IN_1_0
BilatDate         *bilat_date_new_year          (int               year,
                                                 GError          **error);
BILAT_AVAILABLE_IN_1_0
BilatDate         *bilat_date_new_month         (int               year,
                                                 int               month,
                                                 GError          **error);
BILAT_AVAILABLE_IN_1_0
BilatDate         *bilat_date_new_day           (int               year,
                                                 int               month,
                                                 int               day,
                                                 GError          **error);
BILAT_AVAILABLE_IN_1_0
BilatDate         *bilat_date_new_interval      (BilatDate        *start,
                                                 BilatDate        *end,
                                                 GError          **error);
BILAT_AVAILABLE_IN_1_0
BilatDate         *bilat_date_parse             (const char       *text,
                                                 GError          **error);

BILAT_AVAILABLE_IN_1_0
BilatDate         *bilat_date_ref               (BilatDate        *self);
BILAT_AVAILABLE_IN_1_0
void               bilat_date_unref             (BilatDate        *self);

BILAT_AVAILABLE_IN_1_0
char              *bilat_date_to_string         (const BilatDate  *self);
BILAT_AVAILABLE_IN_1_0
gboolean           bilat_date_is_interval       (const BilatDate  *self);
BILAT_AVAILABLE_IN_1_0
BilatDatePrecision bilat_date_get_precision     (const BilatDate  *self);
BILAT_AVAILABLE_IN_1_0
BilatDate         *bilat_date_get_start         (BilatDate        *self);
BILAT_AVAILABLE_IN_1_0
BilatDate         *bilat_date_get_end           (BilatDate        *self);
BILAT_AVAILABLE_IN_1_0
int                bilat_date_get_year          (const BilatDate  *self);
BILAT_AVAILABLE_IN_1_0
int                bilat_date_get_month         (const BilatDate  *self);
BILAT_AVAILABLE_IN_1_0
int                bilat_date_get_day           (const BilatDate  *self);
BILAT_AVAILABLE_IN_1_0
guint32            bilat_date_get_first_julian  (const BilatDate  *self);
BILAT_AVAILABLE_IN_1_0
guint32            bilat_date_get_last_julian   (const BilatDate  *self);

BILAT_AVAILABLE_IN_1_0
int                bilat_date_compare           (const BilatDate  *a,
                                                 const BilatDate  *b);
BILAT_AVAILABLE_IN_1_0
gboolean           bilat_date_equal             (const BilatDate  *a,
                                                 const BilatDate  *b);
BILAT_AVAILABLE_IN_1_0
guint              bilat_date_hash              (const BilatDate  *self);
BILAT_AVAILABLE_IN_1_0
gboolean           bilat_date_overlaps          (const BilatDate  *a,
                                                 const BilatDate  *b);
BILAT_AVAILABLE_IN_1_0
gboolean           bilat_date_contains          (const BilatDate  *self,
                                                 const BilatDate  *other);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BilatDate, bilat_date_unref)

G_END_DECLS
