/* bilat-row-filter-private.h: a BilatQuery compiled for raw rows
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layering: above the query and the store (for state succession), below
 * the reader that asks it about its rows.
 */

#pragma once

#include "bilat-import-private.h"

G_BEGIN_DECLS

/* Row filters: a BilatQuery compiled for raw rows. */

typedef struct _BilatRowFilter BilatRowFilter;

/* With @store, actors follow state succession as the store's actors say
 * (if the query follows it). NULL @query: every row matches. */
BilatRowFilter *_bilat_row_filter_new   (BilatQuery    *query,
                                         BilatStore    *store);
void            _bilat_row_filter_free  (BilatRowFilter *self);

/* Whether the row [p, e) of @format can match, from its raw bytes: never
 * FALSE for a row that matches; TRUE for a malformed row, for the full
 * parse to report it. */
gboolean        _bilat_row_filter_may_match (const BilatRowFilter *filter,
                                             BilatEventFormat      format,
                                             const char           *p,
                                             const char           *e);

/* Whether a parsed row matches: the query's own semantics, on what the
 * event of the row will be. NULL @filter: every row. */
gboolean        _bilat_row_filter_matches   (const BilatRowFilter *filter,
                                             const BilatRow       *row);

G_END_DECLS
