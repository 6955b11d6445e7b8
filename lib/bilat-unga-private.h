/* bilat-unga-private.h: the reader of UN General Assembly roll calls
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layering: the reader takes its bytes from the inputs of the event
 * readers (bilat-import-private.h: plain, gzip or zip files and streams)
 * and builds a vote table (bilat-votes-private.h); it knows neither the
 * store nor its records. The store's import (bilat-store-votes.c) hands
 * the table to the store once every input is read.
 *
 * The data come as three CSV tables, told apart by their header and read
 * in any order: roll calls (rcid, session, importantvote, date, unres,
 * amend, para, short, descr), their issues (rcid, short_name, issue) and
 * the votes (rcid, country, country_code, vote). This is the layout of
 * Erik Voeten's data as the unvotes package distributes it.
 */

#pragma once

#include <bilat/bilat.h>

#include "bilat-import-private.h"
#include "bilat-votes-private.h"

G_BEGIN_DECLS

typedef struct _BilatUngaReader BilatUngaReader;

/* Counts and keeps problems in @report. */
BilatUngaReader *_bilat_unga_reader_new     (BilatImportFlags   flags,
                                             BilatImportReport *report);
void             _bilat_unga_reader_free    (BilatUngaReader   *self);

/* Reads every member of @input. FALSE with @error on a read error, a
 * member that is no UNGA table, or (in strict mode) the first bad row. */
gboolean         _bilat_unga_reader_read    (BilatUngaReader   *self,
                                             BilatInput        *input,
                                             GCancellable      *cancellable,
                                             GError           **error);

/* The table of what was read, merged into @existing (may be NULL): votes
 * on roll calls neither read nor in @existing are bad rows, found only
 * now that every table is read. NULL with @error in strict mode if there
 * is one, or if a roll call read contradicts one of @existing. */
BilatVotes      *_bilat_unga_reader_finish  (BilatUngaReader   *self,
                                             const BilatVotes  *existing,
                                             GError           **error);

/* Whether the first line of @data (a file's first bytes) is the header of
 * one of the three tables. */
gboolean         _bilat_unga_detect         (const char        *data,
                                             gsize              length);

G_END_DECLS
