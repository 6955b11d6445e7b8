/* bilat-citation.h: where in a source a fact is stated
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

#define BILAT_TYPE_CITATION (bilat_citation_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatCitation, bilat_citation, BILAT, CITATION, GObject)

BILAT_AVAILABLE_IN_1_0
BilatCitation *bilat_citation_new           (const char          *source,
                                             guint                paragraph,
                                             gint64               start,
                                             gint64               end,
                                             const char          *quote);

BILAT_AVAILABLE_IN_1_0
BilatCitation *bilat_citation_new_for_row   (const char          *source,
                                             const char          *row);

BILAT_AVAILABLE_IN_1_0
const char    *bilat_citation_get_source    (const BilatCitation *self);
BILAT_AVAILABLE_IN_1_0
const char    *bilat_citation_get_row       (const BilatCitation *self);
BILAT_AVAILABLE_IN_1_0
guint          bilat_citation_get_paragraph (const BilatCitation *self);
BILAT_AVAILABLE_IN_1_0
gboolean       bilat_citation_has_range     (const BilatCitation *self);
BILAT_AVAILABLE_IN_1_0
gint64         bilat_citation_get_start     (const BilatCitation *self);
BILAT_AVAILABLE_IN_1_0
gint64         bilat_citation_get_end       (const BilatCitation *self);
BILAT_AVAILABLE_IN_1_0
const char    *bilat_citation_get_quote     (const BilatCitation *self);
BILAT_AVAILABLE_IN_1_0
char          *bilat_citation_to_string     (const BilatCitation *self);
BILAT_AVAILABLE_IN_1_0
gboolean       bilat_citation_equal         (const BilatCitation *a,
                                             const BilatCitation *b);

G_END_DECLS
