/* bilat-codes-private.h: code lookups for the readers' hot paths
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <bilat/bilat.h>

G_BEGIN_DECLS

/* The ISO alpha-3 code of a FIPS 10-4 code given as @length bytes (not
 * NUL-terminated), or NULL. Constant time, no allocation. */
const char *_bilat_country_from_fips_len  (const char *fips,
                                           gsize       length);

/* The ISO alpha-3 code of a country named by @length bytes of @name, as
 * bilat_country_from_name() finds it, or NULL. No allocation. */
const char *_bilat_country_from_name_len  (const char *name,
                                           gsize       length);

/* The actor id a CAMEO country code of @length bytes stands for: its ISO
 * code where CAMEO's differs (ROM → ROU), else NULL, meaning the code
 * itself. */
const char *_bilat_cameo_country_renamed  (const char *code,
                                           gsize       length);

/* The CAMEO country codes that stand for the actor id @id: @id itself,
 * and the CAMEO code that differs from it (ROU → ROM). Returns the number
 * written to @codes (1 or 2); the strings are static or @id. */
guint       _bilat_cameo_country_aliases  (const char  *id,
                                           const char **codes);

G_END_DECLS
