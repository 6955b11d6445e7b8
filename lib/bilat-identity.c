/* bilat-identity.c: which state a code or a name means on a date
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

#include <string.h>

#include "bilat-identity-private.h"
#include "bilat-identity-table-private.h"

/**
 * BilatIdentity:
 *
 * Who is who, and when: the codes and names of states in every scheme
 * that research data uses, the Correlates of War state system membership
 * spells, and the successions between states, all dated.
 *
 * A code means one state on a given day, not for all time: Correlates of
 * War 365 is the Soviet Union (`SUN`) on 1985-06-01 and Russia (`RUS`) on
 * 2000-01-01; 260 is West Germany (`DEU`) and 265 East Germany (`DDR`) in
 * 1970; 345 is Yugoslavia (`YUG`) in 1990, Serbia and Montenegro (`SCG`)
 * in 2004 and Serbia (`SRB`) in 2010. [method@Bilat.Identity.resolve]
 * turns a code or a name of any [enum@Bilat.CodeScheme], with a date, into
 * the actor id of the state, and refuses with a [error@Bilat.IdentityError]
 * rather than guess: a code the scheme does not have, a code that names no
 * state on the date, a date (such as a whole year) over which it names
 * two.
 *
 * Names are compared without regard to case, accents or punctuation
 * (`Côte d’Ivoire`, `cote d'ivoire`), among the usual names and variants
 * of each state (`Russia`, `Federal Republic of Germany`, `Congo -
 * Kinshasa`); a name that is none of them is refused, never guessed at.
 * A name of a state that continues
 * another names its predecessor on the predecessor's days: `Russia` in
 * 1985 is the Soviet Union.
 *
 * The tables are compiled into the library (see `lib/data/identity.tsv`
 * and the script that wrote it) and read once, on first use. The object
 * is immutable and every method is thread-safe; strings it returns are
 * valid for the life of the process. See the identity guide for the
 * schemes, the dates and what is refused.
 *
 * Since: 1.0
 */

/* Predecessor chains are short (SRB ← SCG ← YUG); the bound stops a
 * damaged table from looping. */
#define MAX_CHAIN 8

struct _BilatIdentity
{
  GObject        parent_instance;

  IdentityTable  table;
};

G_DEFINE_FINAL_TYPE (BilatIdentity, bilat_identity, G_TYPE_OBJECT)

/**
 * bilat_identity_error_quark:
 *
 * Returns the quark of the error domain of identities; use
 * %BILAT_IDENTITY_ERROR instead.
 *
 * Returns: the %BILAT_IDENTITY_ERROR quark
 *
 * Since: 1.0
 */
G_DEFINE_QUARK (bilat-identity-error-quark, bilat_identity_error)

static void
bilat_identity_class_init (BilatIdentityClass *klass)
{
}

static void
bilat_identity_init (BilatIdentity *self)
{
}

static const char * const scheme_labels[N_SCHEMES] = {
  "actor id", "name", "ISO 3166-1 alpha-2 code", "ISO 3166-1 alpha-3 code",
  "ISO 3166-1 numeric code", "COW code", "COW abbreviation", "GW code",
  "GW abbreviation", "FIPS 10-4 code", "UN M49 code", "CAMEO code",
};

/**
 * bilat_identity_get_default:
 *
 * Returns the identity tables of the library, loaded on first use.
 *
 * Returns: (transfer none): the [class@Bilat.Identity] of the library
 *
 * Since: 1.0
 */
BilatIdentity *
bilat_identity_get_default (void)
{
  static BilatIdentity *identity = NULL;

  if (g_once_init_enter (&identity))
    {
      BilatIdentity *loaded = g_object_new (BILAT_TYPE_IDENTITY, NULL);

      _bilat_identity_table_load (&loaded->table);
      g_once_init_leave (&identity, loaded);
    }
  return identity;
}

/* ---- CAMEO's own codes ------------------------------------------------ */

const char *
_bilat_cameo_country_renamed (const char *code,
                              gsize       length)
{
  /* The four codes where CAMEO and ISO differ; every other country code
   * is the actor id as it is. */
  if (length != 3)
    return NULL;
  if (memcmp (code, "ROM", 3) == 0)
    return "ROU";
  if (memcmp (code, "MTN", 3) == 0)
    return "MNE";
  if (memcmp (code, "IMY", 3) == 0)
    return "IMN";
  if (memcmp (code, "TMP", 3) == 0)
    return "TLS";
  return NULL;
}

guint
_bilat_cameo_country_aliases (const char  *id,
                              const char **codes)
{
  static const char * const renamed[][2] = {
    { "ROU", "ROM" }, { "MNE", "MTN" }, { "IMN", "IMY" }, { "TLS", "TMP" },
  };

  codes[0] = id;
  for (guint i = 0; i < G_N_ELEMENTS (renamed); i++)
    if (strcmp (id, renamed[i][0]) == 0)
      {
        codes[1] = renamed[i][1];
        return 2;
      }
  return 1;
}

/* ---- Days and their words ---------------------------------------------- */

static void
append_day (GString *out,
            guint32  julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_string_append_printf (out, "%04d-%02d-%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

/* Appends "in 1991" or "in 1991-06" when @first..@last is that year or
 * month. */
static gboolean
is_whole_period (guint32  first,
                 guint32  last,
                 GString *out)
{
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_julian (&a, first);
  g_date_set_julian (&b, last);
  if (g_date_get_year (&a) != g_date_get_year (&b) || g_date_get_day (&a) != 1 ||
      !g_date_is_last_of_month (&b))
    return FALSE;
  if (g_date_get_month (&a) == 1 && g_date_get_month (&b) == 12)
    g_string_append_printf (out, "in %04d", g_date_get_year (&a));
  else if (g_date_get_month (&a) == g_date_get_month (&b))
    g_string_append_printf (out, "in %04d-%02d", g_date_get_year (&a), g_date_get_month (&a));
  else
    return FALSE;
  return TRUE;
}

/* "on 1985-06-01", "in 1991", "from 1991-01-01 to 1991-03-31", "at any date". */
static char *
describe_when (guint32 first,
               guint32 last)
{
  GString *out = g_string_new (NULL);

  if (first == OPEN_FIRST && last == OPEN_LAST)
    g_string_append (out, "at any date");
  else if (first == last)
    {
      g_string_append (out, "on ");
      append_day (out, first);
    }
  else if (first != OPEN_FIRST && last != OPEN_LAST && is_whole_period (first, last, out))
    ;
  else
    {
      g_string_append (out, "from ");
      append_day (out, first);
      g_string_append (out, " to ");
      append_day (out, last);
    }
  return g_string_free (out, FALSE);
}

/* "from 1954-03-25 to 1990-10-02", "to 1922-12-29", "from 1991-12-26",
 * "always". */
static void
append_days (GString *out,
             guint32  first,
             guint32  last)
{
  if (first == OPEN_FIRST && last == OPEN_LAST)
    {
      g_string_append (out, "always");
      return;
    }
  if (first != OPEN_FIRST)
    {
      g_string_append (out, "from ");
      append_day (out, first);
    }
  if (last != OPEN_LAST)
    {
      g_string_append (out, first != OPEN_FIRST ? " to " : "to ");
      append_day (out, last);
    }
}

static inline gboolean
overlaps (guint32 a_first,
          guint32 a_last,
          guint32 b_first,
          guint32 b_last)
{
  return a_first <= b_last && b_first <= a_last;
}

static gboolean
is_alive (BilatIdentity *self,
          guint          state,
          guint32        day)
{
  const State *s = &self->table.states[state];

  for (guint i = 0; i < s->n_lives; i++)
    if (self->table.lives[s->lives_start + i].first <= day && day <= self->table.lives[s->lives_start + i].last)
      return TRUE;
  return FALSE;
}

/* Adds @state to @found (of at most 2) unless it is there. */
static inline void
add_found (guint16 *found,
           guint   *n_found,
           guint16  state)
{
  for (guint i = 0; i < *n_found; i++)
    if (found[i] == state)
      return;
  if (*n_found < 2)
    found[(*n_found)++] = state;
}

/* ---- Errors ------------------------------------------------------------ */

/* Codes and names come from the caller's data: a message quotes at most
 * this many characters of one, made valid UTF-8, so that a megabyte of
 * garbage still gives a readable message. */
#define MAX_QUOTED_CHARS 40

static char *
quote_text (const char *text,
            gsize       length)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);
  const char *end;

  if (g_utf8_strlen (valid, -1) <= MAX_QUOTED_CHARS)
    return g_steal_pointer (&valid);
  end = g_utf8_offset_to_pointer (valid, MAX_QUOTED_CHARS);
  return g_strdup_printf ("%.*s…", (int) (end - valid), valid);
}

/* A code or name that names no state over @first..@last (@kind
 * NOT_VALID; @detail: which states it names when), or two (AMBIGUOUS;
 * @detail: the two). */
static void
set_code_error (BilatIdentityError  kind,
                BilatCodeScheme     scheme,
                const char         *code,
                gsize               length,
                guint32             first,
                guint32             last,
                const char         *detail,
                GError            **error)
{
  g_autofree char *when = describe_when (first, last);
  g_autofree char *quoted = quote_text (code, length);

  if (kind == BILAT_IDENTITY_ERROR_NOT_VALID)
    g_set_error (error, BILAT_IDENTITY_ERROR, kind, "%s “%s” names no state %s (it names %s)",
                 scheme_labels[scheme], quoted, when, detail);
  else
    g_set_error (error, BILAT_IDENTITY_ERROR, kind, "%s “%s” names both %s %s: give a day",
                 scheme_labels[scheme], quoted, detail, when);
}

static void
set_ambiguous (BilatIdentity   *self,
               BilatCodeScheme  scheme,
               const char      *code,
               gsize            length,
               const guint16   *found,
               guint32          first,
               guint32          last,
               GError         **error)
{
  g_autofree char *both = g_strdup_printf ("%s and %s", self->table.states[found[0]].id,
                                           self->table.states[found[1]].id);

  set_code_error (BILAT_IDENTITY_ERROR_AMBIGUOUS, scheme, code, length, first, last, both, error);
}

static void
set_unknown (BilatCodeScheme  scheme,
             const char      *code,
             gsize            length,
             GError         **error)
{
  g_autofree char *quoted = quote_text (code, length);

  if (scheme == BILAT_CODE_SCHEME_NAME)
    g_set_error (error, BILAT_IDENTITY_ERROR, BILAT_IDENTITY_ERROR_UNKNOWN,
                 "“%s” is not the name of a state", quoted);
  else
    g_set_error (error, BILAT_IDENTITY_ERROR, BILAT_IDENTITY_ERROR_UNKNOWN,
                 "“%s” is not a %s", quoted, scheme_labels[scheme]);
}

/* ---- Resolution -------------------------------------------------------- */

static void states_of_chain (BilatIdentity *self,
                             guint          state,
                             gboolean       follow,
                             guint32        first,
                             guint32        last,
                             guint16       *found,
                             guint         *n_found);

/* The one state that every span of @entry names, or -1 when it names
 * several (CS: Czechoslovakia, then Serbia and Montenegro). */
static int
single_state (BilatIdentity *self,
              const Entry   *entry)
{
  guint16 state = self->table.spans[entry->start].state;

  for (guint i = 1; i < entry->n; i++)
    if (self->table.spans[entry->start + i].state != state)
      return -1;
  return state;
}

/* Adds to @found the predecessors of the state of @entry that are alive
 * on the days of @first..@last that no span of @entry covers: a code of
 * a state that continues another stands for that one on its days. */
static void
add_predecessors (BilatIdentity *self,
                  const Entry   *entry,
                  int            predecessor,
                  guint32        first,
                  guint32        last,
                  guint16       *found,
                  guint         *n_found)
{
  guint32 day = first;

  for (guint i = 0; i < entry->n; i++)
    {
      const Span *span = &self->table.spans[entry->start + i];

      if (span->last < day)
        continue;
      if (span->first > last)
        break;
      if (span->first > day)
        states_of_chain (self, predecessor, TRUE, day, span->first - 1, found, n_found);
      if (span->last >= last)
        return;
      day = span->last + 1;
    }
  states_of_chain (self, predecessor, TRUE, day, last, found, n_found);
}

/* With @follow, a code that names one state only also names the states
 * it continues, on the days the code itself names none (CAMEO `RUS` in
 * 1985 is the Soviet Union); a code of several states never does.
 * Errors name the code as one of @label. */
static const char *
resolve_code (BilatIdentity   *self,
              BilatCodeScheme  scheme,
              BilatCodeScheme  label,
              gboolean         follow,
              const char      *code,
              gsize            length,
              guint32          first,
              guint32          last,
              GError         **error)
{
  int key = code_key (scheme, code, length);
  const Entry *entry;
  guint16 found[2];
  guint n_found = 0;
  guint index;
  int state;

  if (key < 0 || (index = self->table.index[scheme][key]) == 0)
    {
      set_unknown (label, code, length, error);
      return NULL;
    }
  entry = &self->table.entries[index - 1];
  for (guint i = 0; i < entry->n; i++)
    {
      const Span *span = &self->table.spans[entry->start + i];

      if (overlaps (span->first, span->last, first, last))
        add_found (found, &n_found, span->state);
    }
  if (follow && (state = single_state (self, entry)) >= 0 &&
      self->table.states[state].predecessor >= 0)
    add_predecessors (self, entry, self->table.states[state].predecessor, first, last,
                      found, &n_found);
  if (n_found == 1)
    return self->table.states[found[0]].id;
  /* The intervals of the readers resolve without an error to fill. */
  if (error == NULL)
    return NULL;
  if (n_found == 0)
    {
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint i = 0; i < entry->n && i < 6; i++)
        {
          const Span *span = &self->table.spans[entry->start + i];

          g_string_append_printf (known, "%s%s ", i > 0 ? ", " : "",
                                  self->table.states[span->state].id);
          append_days (known, span->first, span->last);
        }
      if (follow && (state = single_state (self, entry)) >= 0 &&
          self->table.states[state].predecessor >= 0)
        g_string_append_printf (known, ", and %s on its days",
                                self->table.states[self->table.states[state].predecessor].id);
      set_code_error (BILAT_IDENTITY_ERROR_NOT_VALID, label, code, length, first, last,
                      known->str, error);
    }
  else
    set_ambiguous (self, label, code, length, found, first, last, error);
  return NULL;
}

/* The states that @state, or the predecessor it continues where it is no
 * state itself, is on the days @first..@last: each day is the first of
 * the chain that is alive on it. */
static void
states_of_chain (BilatIdentity *self,
                 guint          state,
                 gboolean       follow,
                 guint32        first,
                 guint32        last,
                 guint16       *found,
                 guint         *n_found)
{
  guint chain[MAX_CHAIN];
  guint n_chain = 0;
  guint32 day = first;

  for (int s = state; s >= 0 && n_chain < MAX_CHAIN; s = self->table.states[s].predecessor)
    {
      chain[n_chain++] = s;
      if (!follow)
        break;
    }

  /* Walk the days from one lifetime boundary to the next. */
  for (;;)
    {
      guint32 next = last;

      for (guint c = 0; c < n_chain; c++)
        if (is_alive (self, chain[c], day))
          {
            add_found (found, n_found, chain[c]);
            break;
          }
      for (guint c = 0; c < n_chain; c++)
        {
          const State *s = &self->table.states[chain[c]];

          for (guint i = 0; i < s->n_lives; i++)
            {
              const Days *d = &self->table.lives[s->lives_start + i];

              if (d->first > day && d->first - 1 < next)
                next = d->first - 1;
              if (d->last >= day && d->last < next)
                next = d->last;
            }
        }
      if (next >= last)
        break;
      day = next + 1;
    }
}

static void
append_lives (GString       *out,
              BilatIdentity *self,
              guint          state)
{
  const State *s = &self->table.states[state];

  for (guint i = 0; i < s->n_lives; i++)
    {
      if (i > 0)
        g_string_append (out, " and ");
      append_days (out, self->table.lives[s->lives_start + i].first, self->table.lives[s->lives_start + i].last);
    }
}

static const char *
resolve_states (BilatIdentity   *self,
                BilatCodeScheme  scheme,
                gboolean         follow,
                const char      *code,
                gsize            length,
                const guint16   *states,
                guint            n_states,
                guint32          first,
                guint32          last,
                GError         **error)
{
  guint16 found[2];
  guint n_found = 0;

  for (guint i = 0; i < n_states; i++)
    states_of_chain (self, states[i], follow, first, last, found, &n_found);
  if (n_found == 1)
    return self->table.states[found[0]].id;
  if (error == NULL)
    return NULL;

  if (n_found == 0)
    {
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint i = 0; i < n_states; i++)
        {
          g_string_append_printf (known, "%s%s, a state ", i > 0 ? "; " : "",
                                  self->table.states[states[i]].id);
          append_lives (known, self, states[i]);
        }
      set_code_error (BILAT_IDENTITY_ERROR_NOT_VALID, scheme, code, length, first, last,
                      known->str, error);
    }
  else
    set_ambiguous (self, scheme, code, length, found, first, last, error);
  return NULL;
}

static const char *
resolve_name (BilatIdentity *self,
              const char    *name,
              gsize          length,
              guint32        first,
              guint32        last,
              GError       **error)
{
  char key[MAX_NAME_LENGTH + 1];
  const NameEntry *entry;

  if (!_bilat_identity_fold_name (name, length, key))
    {
      set_unknown (BILAT_CODE_SCHEME_NAME, name, length, error);
      return NULL;
    }
  entry = g_hash_table_lookup (self->table.by_name, key);
  if (G_LIKELY (entry != NULL))
    return resolve_states (self, BILAT_CODE_SCHEME_NAME, TRUE, name, length,
                           entry->states, entry->n, first, last, error);

  set_unknown (BILAT_CODE_SCHEME_NAME, name, length, error);
  return NULL;
}

/* Resolution, with or without following successions for codes (names
 * always follow them, CAMEO codes too). */
static const char *
resolve_len (BilatIdentity   *self,
             BilatCodeScheme  scheme,
             gboolean         follow,
             const char      *code,
             gsize            length,
             guint32          first,
             guint32          last,
             GError         **error)
{
  switch (scheme)
    {
    case BILAT_CODE_SCHEME_NAME:
      return resolve_name (self, code, length, first, last, error);

    case BILAT_CODE_SCHEME_ACTOR:
      {
        g_autofree char *id = g_strndup (code, length);
        int state = find_state (&self->table, id);
        guint16 states[1];

        if (state < 0)
          {
            set_unknown (scheme, code, length, error);
            return NULL;
          }
        states[0] = state;
        return resolve_states (self, scheme, FALSE, code, length, states, 1, first, last, error);
      }

    case BILAT_CODE_SCHEME_CAMEO:
      {
        /* CAMEO codes are ISO's, but for four, and CAMEO has none for
         * the states that no longer exist: event data codes the Soviet
         * Union's actors RUS, Yugoslavia's SRB. So they follow
         * successions. */
        const char *iso = _bilat_cameo_country_renamed (code, length);

        return resolve_code (self, BILAT_CODE_SCHEME_ISO3, scheme, TRUE, iso != NULL ? iso : code,
                             iso != NULL ? 3 : length, first, last, error);
      }

    case BILAT_CODE_SCHEME_ISO2:
    case BILAT_CODE_SCHEME_ISO3:
    case BILAT_CODE_SCHEME_ISO_NUMERIC:
    case BILAT_CODE_SCHEME_COW:
    case BILAT_CODE_SCHEME_COW_LETTER:
    case BILAT_CODE_SCHEME_GW:
    case BILAT_CODE_SCHEME_GW_LETTER:
    case BILAT_CODE_SCHEME_FIPS:
    case BILAT_CODE_SCHEME_M49:
      return resolve_code (self, scheme, scheme, follow, code, length, first, last, error);

    default:
      g_set_error (error, BILAT_IDENTITY_ERROR, BILAT_IDENTITY_ERROR_UNKNOWN,
                   "%d is not a code scheme", (int) scheme);
      return NULL;
    }
}

const char *
_bilat_identity_resolve_len (BilatIdentity   *self,
                             BilatCodeScheme  scheme,
                             const char      *code,
                             gsize            length,
                             guint32          first,
                             guint32          last,
                             GError         **error)
{
  return resolve_len (self, scheme, FALSE, code, length, first, last, error);
}

static void
date_days (const BilatDate *date,
           guint32         *first,
           guint32         *last)
{
  *first = date != NULL ? bilat_date_get_first_julian (date) : OPEN_FIRST;
  *last = date != NULL ? bilat_date_get_last_julian (date) : OPEN_LAST;
}

/**
 * bilat_identity_resolve:
 * @self: a [class@Bilat.Identity]
 * @scheme: the scheme of @code
 * @code: a code of @scheme, or a name for %BILAT_CODE_SCHEME_NAME
 * @date: (nullable): the day (or month, year, interval) the code is
 *   meant on, or %NULL for any date
 * @error: return location for a [error@Bilat.IdentityError]
 *
 * Returns the actor id of the state that @code names on @date: COW 365 on
 * 1985-06-01 is `SUN`, on 2000-01-01 `RUS`; the name `Russia` in 1985 is
 * `SUN` too, the Soviet Union that Russia continues.
 *
 * CAMEO codes follow succession as names do: CAMEO has no codes for the
 * states that no longer exist, and event data writes the code of today
 * for the state of the past, so CAMEO `RUS` on 1985-06-01 is `SUN` (and
 * `RUS` on 2005-06-01), `SRB` in 1995 `YUG`.
 *
 * A date of a month, a year or an interval is resolved when the code
 * names one state over all of it (COW 265 in 1990 is `DDR`, a state until
 * October); when it names two (COW 365 in 1991), the result is
 * %BILAT_IDENTITY_ERROR_AMBIGUOUS. So is a %NULL date when the code has
 * ever named two states. A code that the scheme does not have is
 * %BILAT_IDENTITY_ERROR_UNKNOWN; one that names no state on @date (COW 265
 * in 2000) %BILAT_IDENTITY_ERROR_NOT_VALID. The message says which code,
 * which date, and which states the code names when.
 *
 * Returns: (transfer none) (nullable): the actor id, or %NULL with @error
 *   set
 *
 * Since: 1.0
 */
const char *
bilat_identity_resolve (BilatIdentity    *self,
                        BilatCodeScheme   scheme,
                        const char       *code,
                        const BilatDate  *date,
                        GError          **error)
{
  guint32 first, last;

  g_return_val_if_fail (BILAT_IS_IDENTITY (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  date_days (date, &first, &last);
  return _bilat_identity_resolve_len (self, scheme, code, strlen (code), first, last, error);
}

/**
 * bilat_identity_get_code:
 * @self: a [class@Bilat.Identity]
 * @id: the actor id of a state, such as `DEU`
 * @scheme: the scheme wanted
 * @date: (nullable): the date, or %NULL for any date
 * @error: return location for a [error@Bilat.IdentityError]
 *
 * Returns the code of a state in @scheme on @date: `DEU` in COW is `260`
 * in 1970 and `255` in 2000. For %BILAT_CODE_SCHEME_NAME it is the name
 * of the state; for %BILAT_CODE_SCHEME_ACTOR, @id itself.
 *
 * A state that had no code of @scheme on @date (`SUN` in ISO after 1991,
 * a state COW does not count) is %BILAT_IDENTITY_ERROR_NO_CODE; a date
 * over which it had two codes %BILAT_IDENTITY_ERROR_AMBIGUOUS; an id of
 * no state %BILAT_IDENTITY_ERROR_UNKNOWN.
 *
 * Returns: (transfer none) (nullable): the code, or %NULL with @error set
 *
 * Since: 1.0
 */
const char *
bilat_identity_get_code (BilatIdentity    *self,
                         const char       *id,
                         BilatCodeScheme   scheme,
                         const BilatDate  *date,
                         GError          **error)
{
  BilatCodeScheme wanted = scheme == BILAT_CODE_SCHEME_CAMEO ? BILAT_CODE_SCHEME_ISO3 : scheme;
  const char *found[2] = { NULL, NULL };
  guint n_found = 0;
  guint32 first, last;
  const State *state;
  int index;

  g_return_val_if_fail (BILAT_IS_IDENTITY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  index = find_state (&self->table, id);
  if (index < 0)
    {
      set_unknown (BILAT_CODE_SCHEME_ACTOR, id, strlen (id), error);
      return NULL;
    }
  state = &self->table.states[index];
  if (scheme == BILAT_CODE_SCHEME_NAME)
    return state->name;
  if (scheme == BILAT_CODE_SCHEME_ACTOR)
    return state->id;

  date_days (date, &first, &last);
  for (guint i = 0; i < state->n_codes; i++)
    {
      const StateCode *code = &self->table.state_codes[state->codes_start + i];

      if (code->scheme != wanted || !overlaps (code->first, code->last, first, last))
        continue;
      if (n_found == 0 || (n_found == 1 && strcmp (found[0], code->code) != 0))
        found[n_found++] = code->code;
      if (n_found == 2)
        break;
    }

  if (n_found == 1)
    {
      if (scheme == BILAT_CODE_SCHEME_CAMEO)
        {
          const char *codes[2];

          if (_bilat_cameo_country_aliases (found[0], codes) == 2)
            return codes[1];
        }
      return found[0];
    }
  else
    {
      g_autofree char *when = describe_when (first, last);

      if (n_found == 0)
        g_set_error (error, BILAT_IDENTITY_ERROR, BILAT_IDENTITY_ERROR_NO_CODE,
                     "%s (%s) has no %s %s", state->id, state->name, scheme_labels[scheme], when);
      else
        g_set_error (error, BILAT_IDENTITY_ERROR, BILAT_IDENTITY_ERROR_AMBIGUOUS,
                     "%s (%s) has two %ss %s, “%s” and “%s”: give a day", state->id,
                     state->name, scheme_labels[scheme], when, found[0], found[1]);
      return NULL;
    }
}

/**
 * bilat_identity_convert:
 * @self: a [class@Bilat.Identity]
 * @from: the scheme of @code
 * @code: a code of @from, or a name
 * @to: the scheme wanted
 * @date: (nullable): the date, or %NULL for any date
 * @error: return location for a [error@Bilat.IdentityError]
 *
 * Converts a code from one scheme to another on a date: COW `365` on
 * 1985-06-01 is ISO alpha-3 `SUN`, on 2000-01-01 `RUS`. It is
 * [method@Bilat.Identity.resolve] followed by
 * [method@Bilat.Identity.get_code], and fails as they do.
 *
 * Returns: (transfer none) (nullable): the code, or %NULL with @error set
 *
 * Since: 1.0
 */
const char *
bilat_identity_convert (BilatIdentity    *self,
                        BilatCodeScheme   from,
                        const char       *code,
                        BilatCodeScheme   to,
                        const BilatDate  *date,
                        GError          **error)
{
  const char *id;

  g_return_val_if_fail (BILAT_IS_IDENTITY (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  id = bilat_identity_resolve (self, from, code, date, error);
  if (id == NULL)
    return NULL;
  return bilat_identity_get_code (self, id, to, date, error);
}

/**
 * bilat_identity_get_name:
 * @self: a [class@Bilat.Identity]
 * @id: an actor id, such as `SUN`
 *
 * Returns the English name of a state of the tables: `Soviet Union` for
 * `SUN`.
 *
 * Returns: (transfer none) (nullable): the name, or %NULL if @id is no
 *   state of the tables
 *
 * Since: 1.0
 */
const char *
bilat_identity_get_name (BilatIdentity *self,
                         const char    *id)
{
  int index;

  g_return_val_if_fail (BILAT_IS_IDENTITY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  index = find_state (&self->table, id);
  return index >= 0 ? self->table.states[index].name : NULL;
}

/**
 * bilat_identity_get_predecessor:
 * @self: a [class@Bilat.Identity]
 * @id: an actor id, such as `RUS`
 *
 * Returns the state that a state continues, as
 * [property@Bilat.Actor:predecessor] says it for an actor: `SUN` for
 * `RUS`, `SCG` for `SRB`, `YUG` for `SCG`. States that merged or split
 * (`DEU` and `DDR`, `CZE` and `CSK`) continue none.
 *
 * Returns: (transfer none) (nullable): the actor id of the predecessor, or
 *   %NULL if there is none or @id is no state of the tables
 *
 * Since: 1.0
 */
const char *
bilat_identity_get_predecessor (BilatIdentity *self,
                                const char    *id)
{
  int index;

  g_return_val_if_fail (BILAT_IS_IDENTITY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  index = find_state (&self->table, id);
  if (index < 0 || self->table.states[index].predecessor < 0)
    return NULL;
  return self->table.states[self->table.states[index].predecessor].id;
}

/**
 * bilat_identity_get_states:
 * @self: a [class@Bilat.Identity]
 *
 * Returns the actor ids of every state of the tables, those of today and
 * those that no longer exist, in alphabetical order.
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids
 *
 * Since: 1.0
 */
const char * const *
bilat_identity_get_states (BilatIdentity *self)
{
  g_return_val_if_fail (BILAT_IS_IDENTITY (self), NULL);

  return self->table.ids;
}

/**
 * bilat_identity_get_members:
 * @self: a [class@Bilat.Identity]
 * @date: a day, month, year or interval
 *
 * Returns the membership spells of the Correlates of War state system
 * that overlap @date, in the order of the COW codes: on a day, the
 * members of that day; in a year, every state that was a member on any
 * day of it (in 1991 both `SUN` and `RUS`, and the states that became
 * members that year).
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of
 *   [class@Bilat.StateSpell]
 *
 * Since: 1.0
 */
GListModel *
bilat_identity_get_members (BilatIdentity   *self,
                            const BilatDate *date)
{
  GListStore *members;
  guint32 first, last;

  g_return_val_if_fail (BILAT_IS_IDENTITY (self), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  date_days (date, &first, &last);
  members = g_list_store_new (BILAT_TYPE_STATE_SPELL);
  for (guint i = 0; i < self->table.spells->len; i++)
    {
      BilatStateSpell *spell = g_ptr_array_index (self->table.spells, i);
      BilatDate *end = bilat_state_spell_get_end (spell);

      if (overlaps (bilat_date_get_first_julian (bilat_state_spell_get_start (spell)),
                    end != NULL ? bilat_date_get_last_julian (end) : OPEN_LAST, first, last))
        g_list_store_append (members, spell);
    }
  return G_LIST_MODEL (members);
}

static int
compare_spell_starts (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  return bilat_date_compare (bilat_state_spell_get_start ((BilatStateSpell *) a),
                             bilat_state_spell_get_start ((BilatStateSpell *) b));
}

/**
 * bilat_identity_get_spells:
 * @self: a [class@Bilat.Identity]
 * @id: an actor id, such as `FRA`
 *
 * Returns the membership spells of a state in the Correlates of War state
 * system, in date order: France from 1816 to 1942 and from 1944. A state
 * that was never a member, or an id of no state, has none.
 *
 * Returns: (transfer full): a [iface@Gio.ListModel] of
 *   [class@Bilat.StateSpell]
 *
 * Since: 1.0
 */
GListModel *
bilat_identity_get_spells (BilatIdentity *self,
                           const char    *id)
{
  GListStore *spells;
  int index;

  g_return_val_if_fail (BILAT_IS_IDENTITY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  spells = g_list_store_new (BILAT_TYPE_STATE_SPELL);
  index = find_state (&self->table, id);
  for (guint i = 0; index >= 0 && i < self->table.spells->len; i++)
    if (g_array_index (self->table.spell_states, guint16, i) == index)
      g_list_store_append (spells, g_ptr_array_index (self->table.spells, i));
  /* A state of two COW codes (DEU: 255, then 260, then 255 again) has
   * its spells in the table by code. */
  g_list_store_sort (spells, compare_spell_starts, NULL);
  return G_LIST_MODEL (spells);
}

/* ---- Days of codes, for the readers -------------------------------------
 *
 * A reader resolves the codes of millions of rows, each on its own day.
 * So the resolution of each code is worked out once for all days: the
 * days on which the code names each state, as a few intervals in day
 * order, found by resolving the code on the first day of each stretch
 * between the days on which anything that bears on it (a span of the
 * code, a lifetime of its state or of a state its state continues)
 * begins or ends. A row then costs the lookup of its code and the
 * compare of its day with an interval or two. The intervals come from
 * the same resolution as bilat_identity_resolve(): there is one answer.
 */

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

static void
add_boundary (GArray  *boundaries,
              guint32  first,
              guint32  last)
{
  if (first != OPEN_FIRST)
    g_array_append_val (boundaries, first);
  if (last != OPEN_LAST)
    {
      guint32 next = last + 1;

      g_array_append_val (boundaries, next);
    }
}

/* Adds the lifetimes of @state and of the states it continues. */
static void
add_chain_boundaries (BilatIdentity *self,
                      int            state,
                      GArray        *boundaries)
{
  for (guint depth = 0; state >= 0 && depth < MAX_CHAIN; depth++)
    {
      const State *s = &self->table.states[state];

      for (guint i = 0; i < s->n_lives; i++)
        add_boundary (boundaries, self->table.lives[s->lives_start + i].first,
                      self->table.lives[s->lives_start + i].last);
      state = s->predecessor;
    }
}

/* Appends to @out the intervals of what @code of @scheme names, given the
 * days on which that can change. */
static void
append_days_of (BilatIdentity   *self,
                BilatCodeScheme  scheme,
                const char      *code,
                GArray          *boundaries,
                GArray          *out)
{
  guint n;

  g_array_sort (boundaries, compare_days);
  n = boundaries->len;
  for (guint i = 0; i <= n; i++)
    {
      guint32 first = i == 0 ? OPEN_FIRST : g_array_index (boundaries, guint32, i - 1);
      guint32 last = i == n ? OPEN_LAST : g_array_index (boundaries, guint32, i) - 1;
      guint32 probe;
      const char *id;

      if (i > 0 && i < n && last < first)
        continue;   /* a boundary twice */
      /* Day 0 is no day of the calendar: the first one stands for the
       * open start. */
      probe = MAX (first, 1);
      id = resolve_len (self, scheme, TRUE, code, strlen (code), probe, probe, NULL);
      if (id == NULL)
        continue;
      if (out->len > 0)
        {
          BilatIdentityDays *previous = &g_array_index (out, BilatIdentityDays, out->len - 1);

          if (previous->id == id && previous->last + 1 == first)
            {
              previous->last = last;
              continue;
            }
        }
      g_array_append_val (out, ((BilatIdentityDays) { first, last, id }));
    }
}

static BilatCodeDays *
code_days_new (BilatIdentity   *self,
               BilatCodeScheme  scheme)
{
  /* CAMEO codes are read through ISO alpha-3's index. */
  BilatCodeScheme indexed = scheme == BILAT_CODE_SCHEME_CAMEO ? BILAT_CODE_SCHEME_ISO3 : scheme;
  static const char * const cameo_own[] = { "ROM", "MTN", "IMY", "TMP" };
  BilatCodeDays *days = g_new0 (BilatCodeDays, 1);
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (BilatIdentityDays));
  g_autoptr(GArray) boundaries = g_array_new (FALSE, FALSE, sizeof (guint32));
  const char **codes;

  days->scheme = scheme;
  days->numeric = is_numeric_scheme (indexed);
  days->n_keys = days->numeric ? N_NUMERIC : N_ALPHA;
  days->starts = g_new0 (guint32, days->n_keys + 1);
  codes = days->codes = g_new0 (const char *, days->n_keys);
  for (guint e = 0; e < self->table.n_entries; e++)
    {
      const Entry *entry = &self->table.entries[e];
      int key = code_key (indexed, entry->code, strlen (entry->code));

      if (key >= 0 && self->table.index[indexed][key] == e + 1)
        codes[key] = entry->code;
    }
  if (scheme == BILAT_CODE_SCHEME_CAMEO)
    for (guint i = 0; i < G_N_ELEMENTS (cameo_own); i++)
      codes[code_key (indexed, cameo_own[i], 3)] = cameo_own[i];

  for (int key = 0; key < days->n_keys; key++)
    {
      const char *code = codes[key];

      days->starts[key] = out->len;
      if (code == NULL)
        continue;
      g_array_set_size (boundaries, 0);
      {
        const char *iso = scheme == BILAT_CODE_SCHEME_CAMEO ? _bilat_cameo_country_renamed (code, 3) : NULL;
        const char *looked = iso != NULL ? iso : code;
        const Entry *entry = &self->table.entries[self->table.index[indexed][code_key (indexed, looked, strlen (looked))] - 1];

        for (guint i = 0; i < entry->n; i++)
          {
            const Span *span = &self->table.spans[entry->start + i];

            add_boundary (boundaries, span->first, span->last);
            add_chain_boundaries (self, span->state, boundaries);
          }
      }
      append_days_of (self, scheme, code, boundaries, out);
    }
  days->starts[days->n_keys] = out->len;
  days->days = (BilatIdentityDays *) g_array_free (g_steal_pointer (&out), FALSE);
  return days;
}

const BilatCodeDays *
_bilat_identity_get_code_days (BilatIdentity   *self,
                               BilatCodeScheme  scheme)
{
  static BilatCodeDays *by_scheme[N_SCHEMES];

  g_return_val_if_fail (scheme < N_SCHEMES, NULL);
  g_return_val_if_fail (is_numeric_scheme (scheme) || is_alpha_scheme (scheme) ||
                        scheme == BILAT_CODE_SCHEME_CAMEO, NULL);
  /* The tables are the default identity's, made once. */
  g_return_val_if_fail (self == bilat_identity_get_default (), NULL);

  if (g_once_init_enter (&by_scheme[scheme]))
    g_once_init_leave (&by_scheme[scheme], code_days_new (self, scheme));
  return by_scheme[scheme];
}

void
_bilat_code_days_foreach (const BilatCodeDays *self,
                          const char          *id,
                          void               (*func) (const char *code,
                                                      gpointer    user_data),
                          gpointer             user_data)
{
  for (int key = 0; key < self->n_keys; key++)
    for (guint32 i = self->starts[key]; i < self->starts[key + 1]; i++)
      if (strcmp (self->days[i].id, id) == 0)
        {
          func (self->codes[key], user_data);
          break;
        }
}

/* Names: the intervals of each name, made when a reader first meets it
 * and published with an atomic pointer, so that later lookups take no
 * lock. Two threads that meet a name at once both make its intervals,
 * and one is kept. */
typedef struct
{
  guint             n;
  BilatIdentityDays days[];
} NameDays;

const BilatIdentityDays *
_bilat_identity_name_days (BilatIdentity *self,
                           const char    *name,
                           gsize          length,
                           guint         *n)
{
  char key[MAX_NAME_LENGTH + 1];
  NameEntry *entry;
  NameDays *days;

  *n = 0;
  if (!_bilat_identity_fold_name (name, length, key) ||
      (entry = g_hash_table_lookup (self->table.by_name, key)) == NULL)
    return NULL;

  days = g_atomic_pointer_get (&entry->days);
  if (days == NULL)
    {
      g_autoptr(GArray) boundaries = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_autoptr(GArray) made = g_array_new (FALSE, FALSE, sizeof (BilatIdentityDays));
      NameDays *fresh;

      for (guint i = 0; i < entry->n; i++)
        add_chain_boundaries (self, entry->states[i], boundaries);
      append_days_of (self, BILAT_CODE_SCHEME_NAME, key, boundaries, made);
      fresh = g_malloc (sizeof (NameDays) + made->len * sizeof (BilatIdentityDays));
      fresh->n = made->len;
      memcpy (fresh->days, made->data, made->len * sizeof (BilatIdentityDays));
      if (g_atomic_pointer_compare_and_exchange (&entry->days, NULL, fresh))
        days = fresh;
      else
        {
          g_free (fresh);
          days = g_atomic_pointer_get (&entry->days);
        }
    }
  *n = days->n;
  return days->days;
}

const char *
_bilat_identity_first_state (BilatIdentity   *self,
                             BilatCodeScheme  scheme,
                             const char      *code,
                             gsize            length)
{
  if (scheme == BILAT_CODE_SCHEME_NAME)
    {
      char key[MAX_NAME_LENGTH + 1];
      const NameEntry *entry;
      int first = -1;

      if (!_bilat_identity_fold_name (code, length, key) ||
          (entry = g_hash_table_lookup (self->table.by_name, key)) == NULL)
        return NULL;
      for (guint i = 0; i < entry->n; i++)
        {
          const State *s = &self->table.states[entry->states[i]];

          if (first < 0 ||
              (s->n_lives > 0 && self->table.lives[s->lives_start].first <
                                 self->table.lives[self->table.states[first].lives_start].first))
            first = entry->states[i];
        }
      return self->table.states[first].id;
    }
  else
    {
      const char *iso = scheme == BILAT_CODE_SCHEME_CAMEO ? _bilat_cameo_country_renamed (code, length) : NULL;
      BilatCodeScheme indexed = scheme == BILAT_CODE_SCHEME_CAMEO ? BILAT_CODE_SCHEME_ISO3 : scheme;
      int key;
      guint index;

      if (iso != NULL)
        {
          code = iso;
          length = 3;
        }
      if (indexed >= N_SCHEMES || (!is_numeric_scheme (indexed) && !is_alpha_scheme (indexed)) ||
          (key = code_key (indexed, code, length)) < 0 ||
          (index = self->table.index[indexed][key]) == 0)
        return NULL;
      return self->table.states[self->table.spans[self->table.entries[index - 1].start].state].id;
    }
}
