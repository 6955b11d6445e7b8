/* bilat-identity-private.h: internals of the state identity tables
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <bilat/bilat.h>

G_BEGIN_DECLS

BilatStateSpell *_bilat_state_spell_new (const char *state,
                                         guint       cow_code,
                                         BilatDate  *start,
                                         BilatDate  *end);

/* The actor id @scheme's @length bytes of @code name on the days
 * @first..@last (Julian day numbers), or NULL with @error set. No
 * allocation on success: for the readers' hot paths. */
const char *_bilat_identity_resolve_len (BilatIdentity   *self,
                                         BilatCodeScheme  scheme,
                                         const char      *code,
                                         gsize            length,
                                         guint32          first,
                                         guint32          last,
                                         GError         **error);

G_END_DECLS
