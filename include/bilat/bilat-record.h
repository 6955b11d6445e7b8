/* bilat-record.h: the base of every record a store holds
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include <gio/gio.h>

#include "bilat-version-macros.h"
#include "bilat-citation.h"

G_BEGIN_DECLS

#define BILAT_TYPE_RECORD (bilat_record_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_DERIVABLE_TYPE (BilatRecord, bilat_record, BILAT, RECORD, GObject)

/**
 * BilatRecordClass:
 * @parent_class: the parent class
 *
 * The class structure of [class@Bilat.Record].
 *
 * Since: 1.0
 */
struct _BilatRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer _reserved[8];
};

BILAT_AVAILABLE_IN_1_0
const char *bilat_record_get_id            (BilatRecord   *self);
BILAT_AVAILABLE_IN_1_0
GPtrArray  *bilat_record_get_citations     (BilatRecord   *self);
BILAT_AVAILABLE_IN_1_0
GListModel *bilat_record_get_citations_model (BilatRecord *self);
BILAT_AVAILABLE_IN_1_0
void        bilat_record_add_citation      (BilatRecord   *self,
                                            BilatCitation *citation);
BILAT_AVAILABLE_IN_1_0
void        bilat_record_clear_citations   (BilatRecord   *self);
BILAT_AVAILABLE_IN_1_0
gboolean    bilat_record_is_valid_id       (const char    *id);

G_END_DECLS
