/* bilat-identity-table-private.h: the identity tables as read from the
 * resource, shared by the loader (bilat-identity-table.c) and the
 * resolution (bilat-identity.c)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <bilat/bilat.h>

#include "bilat-identity-private.h"

G_BEGIN_DECLS

/* Open ends of a span of days. */
#define OPEN_FIRST 0u
#define OPEN_LAST  G_MAXUINT32

/* Longer names are no state's; the bound keeps folding on the stack. */
#define MAX_NAME_LENGTH 255

/* Codes index arrays: numbers below 1000, or two or three capitals. */
#define N_NUMERIC _BILAT_IDENTITY_N_NUMERIC
#define N_ALPHA   _BILAT_IDENTITY_N_ALPHA

#define N_SCHEMES (BILAT_CODE_SCHEME_CAMEO + 1)

typedef struct
{
  guint32 first;
  guint32 last;
} Days;

typedef struct
{
  guint32 first;
  guint32 last;
  guint16 state;
} Span;

/* One code of one scheme: its spans are spans[start .. start + n). */
typedef struct
{
  const char *code;
  guint       start;
  guint       n;
} Entry;

typedef struct
{
  const char *id;
  const char *name;
  int         predecessor;    /* index, or -1 */
  guint       lives_start;
  guint       n_lives;
  guint       codes_start;    /* into state_codes */
  guint       n_codes;
} State;

/* A code of a state, for conversions: sorted by state, then scheme. */
typedef struct
{
  guint32         first;
  guint32         last;
  guint16         state;
  BilatCodeScheme scheme;
  const char     *code;
} StateCode;

/* The states a folded name names, whose lifetimes do not overlap. */
typedef struct
{
  gpointer days;      /* what the name names day by day, made on first
                       * use (bilat-identity.c); atomic */
  guint    n;
  guint16  states[];
} NameEntry;

/* The tables, read once from the resource and never changed. */
typedef struct
{
  char        *text;          /* the table, cut in place into fields */
  State       *states;
  guint        n_states;
  GHashTable  *by_id;         /* id → index + 1 */
  const char **ids;           /* sorted, NULL-terminated */
  Days        *lives;
  Span        *spans;
  Entry       *entries;
  guint        n_entries;
  guint16     *index[N_SCHEMES]; /* code key → entry index + 1 */
  StateCode   *state_codes;
  guint        n_state_codes;
  GPtrArray   *spells;        /* of BilatStateSpell, by COW code */
  GArray      *spell_states;  /* guint16 per spell */
  GHashTable  *by_name;       /* folded name → NameEntry */
  GStringChunk *strings;
} IdentityTable;

static inline gboolean
is_numeric_scheme (BilatCodeScheme scheme)
{
  return scheme == BILAT_CODE_SCHEME_ISO_NUMERIC || scheme == BILAT_CODE_SCHEME_COW ||
         scheme == BILAT_CODE_SCHEME_GW || scheme == BILAT_CODE_SCHEME_M49;
}

static inline gboolean
is_alpha_scheme (BilatCodeScheme scheme)
{
  return scheme == BILAT_CODE_SCHEME_ISO2 || scheme == BILAT_CODE_SCHEME_ISO3 ||
         scheme == BILAT_CODE_SCHEME_COW_LETTER || scheme == BILAT_CODE_SCHEME_GW_LETTER ||
         scheme == BILAT_CODE_SCHEME_FIPS;
}

/* The index key of @length bytes of @code in @scheme, or -1 when the code
 * cannot be one of the scheme (see _bilat_identity_code_key()). */
static inline int
code_key (BilatCodeScheme scheme,
          const char     *code,
          gsize           length)
{
  return _bilat_identity_code_key (is_numeric_scheme (scheme), code, length);
}

static inline int
find_state (const IdentityTable *self,
            const char          *id)
{
  gpointer found = g_hash_table_lookup (self->by_id, id);

  return found != NULL ? GPOINTER_TO_INT (found) - 1 : -1;
}

/* Reads the tables of the resource into @self. The tables are compiled
 * in: a line that cannot be read stops the program. */
void      _bilat_identity_table_load (IdentityTable *self);

/* Folds a name as the tables' names are folded (see there); FALSE if it
 * is empty, too long or not UTF-8. */
gboolean  _bilat_identity_fold_name  (const char    *name,
                                      gsize          length,
                                      char           out[MAX_NAME_LENGTH + 1]);

G_END_DECLS
