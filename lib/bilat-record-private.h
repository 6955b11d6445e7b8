/* bilat-record-private.h: helpers shared by the record types
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <bilat/bilat.h>

G_BEGIN_DECLS

/* The flags of every read-write property of a record: setters notify
 * themselves, and only when the value really changes. */
#define _BILAT_PARAM_READWRITE \
  (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

/* Replace the string in *field with a copy of @value (either may be NULL).
 * Returns TRUE when the value changed, so that the caller notifies; @value
 * may point into *field. The equivalent of GLib 2.76's g_set_str(). */
gboolean  _bilat_set_str             (char              **field,
                                      const char         *value);

/* Replace the date in *field with a reference to @value (either may be
 * NULL, an unknown date). Returns TRUE when the value changed. */
gboolean  _bilat_set_date            (BilatDate         **field,
                                      BilatDate          *value);

/* TRUE if @value is one of the values of the registered enum @enum_type. */
gboolean  _bilat_enum_is_valid       (GType               enum_type,
                                      int                 value);

/* TRUE if @value has no bit outside the values of the flags @flags_type. */
gboolean  _bilat_flags_are_valid     (GType               flags_type,
                                      guint               value);

/* TRUE if @id is NULL or a valid record id: the check of the optional
 * references from one record to another (an actor's predecessor …). */
gboolean  _bilat_is_valid_optional_id (const char        *id);

/* The key under which actor aliases compare and are looked up: the alias
 * case-folded, so that "Kremlin" and "KREMLIN" name the same actor. */
char     *_bilat_alias_key           (const char         *alias);

G_END_DECLS
