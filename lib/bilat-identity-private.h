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

/* What a code or a name names, day by day: the state @id on the days
 * @first..@last (Julian day numbers; 0 and G_MAXUINT32 open). A code's
 * intervals are in day order and do not overlap; days of none name no
 * state. */
typedef struct
{
  guint32     first;
  guint32     last;
  const char *id;
} BilatIdentityDays;

static inline const char *
_bilat_identity_days_at (const BilatIdentityDays *days,
                         guint                    n,
                         guint32                  day)
{
  for (guint i = 0; i < n; i++)
    if (day <= days[i].last)
      return day >= days[i].first ? days[i].id : NULL;
  return NULL;
}

/* Whether @days name one state on every day. */
static inline gboolean
_bilat_identity_days_are_constant (const BilatIdentityDays *days,
                                   guint                    n)
{
  return n == 1 && days[0].first == 0 && days[0].last == G_MAXUINT32;
}

/* Codes index arrays: numbers below 1000, or two or three capitals. */
#define _BILAT_IDENTITY_N_NUMERIC 1000
#define _BILAT_IDENTITY_N_ALPHA   (26 * 26 + 26 * 26 * 26)

/* The index key of @length bytes of @code, a number (@numeric) or
 * letters, or -1 when it cannot be a code. Numbers may have leading
 * zeros (`004`); letters may be lower case. */
static inline int
_bilat_identity_code_key (gboolean    numeric,
                          const char *code,
                          gsize       length)
{
  if (numeric)
    {
      int value = 0;

      if (length == 0 || length > 4)
        return -1;
      for (gsize i = 0; i < length; i++)
        {
          if (code[i] < '0' || code[i] > '9')
            return -1;
          value = value * 10 + (code[i] - '0');
        }
      return value < _BILAT_IDENTITY_N_NUMERIC ? value : -1;
    }
  else
    {
      int key = 0;

      if (length != 2 && length != 3)
        return -1;
      for (gsize i = 0; i < length; i++)
        {
          char c = code[i] & ~0x20;   /* ASCII upper case */

          if (c < 'A' || c > 'Z')
            return -1;
          key = key * 26 + (c - 'A');
        }
      return length == 2 ? key : 26 * 26 + key;
    }
}

/* The intervals of every code of a scheme, made once per process for the
 * default identity: for the readers' hot paths. Codes follow successions
 * as names do: a code that names one state only also names the states it
 * continues, on their days (ISO alpha-2 `RU` in 1985 is `SUN`), as event
 * data and UN votes write the codes of today for the states of the
 * past; a code of several states (`CS`) never does. */
typedef struct
{
  BilatCodeScheme    scheme;
  gboolean           numeric;
  int                n_keys;
  guint32           *starts;   /* key → first interval; n_keys + 1 of them */
  BilatIdentityDays *days;
  const char       **codes;    /* key → the code, or NULL */
} BilatCodeDays;

const BilatCodeDays     *_bilat_identity_get_code_days (BilatIdentity       *self,
                                                        BilatCodeScheme      scheme);
/* The intervals of @length bytes of @code (*@n of them; none for a code
 * the scheme lacks). No allocation. */
static inline const BilatIdentityDays *
_bilat_code_days_find (const BilatCodeDays *self,
                       const char          *code,
                       gsize                length,
                       guint               *n)
{
  int key = _bilat_identity_code_key (self->numeric, code, length);

  if (key < 0)
    {
      *n = 0;
      return NULL;
    }
  *n = self->starts[key + 1] - self->starts[key];
  return self->days + self->starts[key];
}

/* The actor id @code names on @day, or NULL. */
static inline const char *
_bilat_code_days_resolve (const BilatCodeDays *self,
                          const char          *code,
                          gsize                length,
                          guint32              day)
{
  guint n;
  const BilatIdentityDays *days = _bilat_code_days_find (self, code, length, &n);

  return _bilat_identity_days_at (days, n, day);
}
/* Calls @func with each code that names @id on some day. */
void                     _bilat_code_days_foreach      (const BilatCodeDays *self,
                                                        const char          *id,
                                                        void               (*func) (const char *code,
                                                                                    gpointer    user_data),
                                                        gpointer             user_data);

/* The intervals of a name (as _bilat_identity_resolve_len() resolves
 * names), made on first use and kept; NULL for a name of no state.
 * Thread-safe. */
const BilatIdentityDays *_bilat_identity_name_days     (BilatIdentity       *self,
                                                        const char          *name,
                                                        gsize                length,
                                                        guint               *n);

/* The state a code or name names without a date: the only one, or the
 * first of those it named over time (FIPS `YI`: `YUG`, then `SCG`), for
 * the functions of the code tables that take no date. NULL if unknown. */
const char              *_bilat_identity_first_state   (BilatIdentity       *self,
                                                        BilatCodeScheme      scheme,
                                                        const char          *code,
                                                        gsize                length);

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
