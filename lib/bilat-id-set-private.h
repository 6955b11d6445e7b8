/* bilat-id-set-private.h: exact sets of event ids
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets of event ids, exact, with at most about one bit per id in the
 * range of the ids added, and two bytes per id where they are sparse.
 * Not thread-safe. */

typedef struct _BilatIdSet BilatIdSet;

BilatIdSet *_bilat_id_set_new           (void);
void        _bilat_id_set_free          (BilatIdSet    *self);
/* Adds @id; returns FALSE if it was in the set already. */
gboolean    _bilat_id_set_add           (BilatIdSet    *self,
                                         guint64        id);
gboolean    _bilat_id_set_contains      (BilatIdSet    *self,
                                         guint64        id);
/* Calls @func on each id of @self, in no particular order, while it
 * returns TRUE; returns FALSE if @func stopped it. */
typedef gboolean (*BilatIdSetForeachFunc) (guint64  id,
                                           gpointer user_data);
gboolean    _bilat_id_set_foreach       (BilatIdSet           *self,
                                         BilatIdSetForeachFunc func,
                                         gpointer              user_data);

G_END_DECLS
