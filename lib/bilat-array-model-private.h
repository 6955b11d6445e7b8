/* bilat-array-model-private.h: a live GListModel over a record's array
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A read-only GListModel of the objects of a GPtrArray that its owner (an
 * event's participants, a record's citations) keeps and changes. The
 * model holds a reference on the array, so it may outlive the owner; the
 * owner reports each change with _bilat_array_model_items_changed(). */
#define BILAT_TYPE_ARRAY_MODEL (_bilat_array_model_get_type ())

G_DECLARE_FINAL_TYPE (BilatArrayModel, _bilat_array_model, BILAT, ARRAY_MODEL, GObject)

BilatArrayModel *_bilat_array_model_new           (GType            item_type,
                                                   GPtrArray       *items);
void             _bilat_array_model_items_changed (BilatArrayModel *self,
                                                   guint            position,
                                                   guint            removed,
                                                   guint            added);

G_END_DECLS
