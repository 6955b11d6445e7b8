/* bilat-row-event-private.h: rows of event data by the roles of their
 * columns, and the events and sources made of them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layering: below the reader and the segment, which both turn rows into
 * what a store holds; above the record types only.
 */

#pragma once

#include "bilat-import-private.h"

G_BEGIN_DECLS

/* The index of a column of @format, by its role, or -1 when the format
 * has no such column. */
typedef enum
{
  BILAT_COLUMN_ID,
  BILAT_COLUMN_DATE,
  BILAT_COLUMN_ACTOR1_CODE,
  BILAT_COLUMN_ACTOR1_NAME,
  BILAT_COLUMN_ACTOR1_COUNTRY,
  BILAT_COLUMN_ACTOR1_TYPES,      /* GDELT: the first of three; ICEWS: sectors */
  BILAT_COLUMN_ACTOR2_CODE,
  BILAT_COLUMN_ACTOR2_NAME,
  BILAT_COLUMN_ACTOR2_COUNTRY,
  BILAT_COLUMN_ACTOR2_TYPES,
  BILAT_COLUMN_EVENT_CODE,
  BILAT_COLUMN_EVENT_TEXT,        /* ICEWS */
  BILAT_COLUMN_URL,               /* GDELT */
  BILAT_COLUMN_STORY,             /* ICEWS */
  BILAT_COLUMN_PUBLISHER,         /* ICEWS */
  BILAT_COLUMN_CITY,              /* ICEWS: city, district, province, country */
  BILAT_N_COLUMN_ROLES,
} BilatColumnRole;

int         _bilat_row_column           (const BilatRow *row,
                                         BilatColumnRole role);

/* The title of the event of @row: "A → B: what", appended to @out. */
void        _bilat_row_append_title     (const BilatRow *row,
                                         GString        *out);

/* A new coded event for @row, with its place, title and citation (whose
 * source is @source_id, when not NULL). */
BilatCodedEvent *_bilat_row_to_event    (const BilatRow *row,
                                         const char     *source_id);

/* The id of the source of @row (from its URL or story), or NULL. */
char       *_bilat_row_source_id        (const BilatRow *row);

/* A new source for @row, with the id _bilat_row_source_id() gives. */
BilatSource *_bilat_row_to_source       (const BilatRow *row);

/* The "gdelt:123" form of the id of @row. */
void        _bilat_row_format_id        (const BilatRow *row,
                                         char            buffer[48]);

G_END_DECLS
