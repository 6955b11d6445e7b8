/* bilat-identity.c: which state a code or a name means on a date
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bilat-codes-private.h"
#include "bilat-identity-private.h"
#include "bilat-resources.h"

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
 * Kinshasa`); a name of no state is then matched against the name
 * patterns of the countrycode crosswalk. A name of a state that continues
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

#define RESOURCE_PATH "/org/libbilat/bilat/identity.tsv"

/* Open ends of a span of days. */
#define OPEN_FIRST 0u
#define OPEN_LAST  G_MAXUINT32

/* Longer names are no state's; the bound keeps folding on the stack. */
#define MAX_NAME_LENGTH 255

/* Predecessor chains are short (SRB ← SCG ← YUG); the bound stops a
 * damaged table from looping. */
#define MAX_CHAIN 8

/* Codes index arrays: numbers below 1000, or two or three capitals. */
#define N_NUMERIC 1000
#define N_ALPHA   (26 * 26 + 26 * 26 * 26)

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
  guint   n;
  guint16 states[];
} NameEntry;

typedef struct
{
  guint16  state;
  GRegex  *regex;
} Pattern;

struct _BilatIdentity
{
  GObject     parent_instance;

  char       *text;           /* the table, cut in place into fields */
  State      *states;
  guint       n_states;
  GHashTable *by_id;          /* id → index + 1 */
  const char **ids;           /* sorted, NULL-terminated */
  Days       *lives;
  Span       *spans;
  Entry      *entries;
  guint       n_entries;
  guint16    *index[N_SCHEMES]; /* code key → entry index + 1 */
  StateCode  *state_codes;
  guint       n_state_codes;
  GPtrArray  *spells;         /* of BilatStateSpell, by COW code */
  GArray     *spell_states;   /* guint16 per spell */
  GHashTable *by_name;        /* folded name → NameEntry */
  GStringChunk *strings;
  GPtrArray  *pattern_rows;   /* (state index, pattern text) pairs */
  Pattern    *patterns;       /* compiled on first use */
  guint       n_patterns;
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

/* The table is compiled in: a line that cannot be read is a bug of the
 * build, never the user's data, so it stops the program at once. */
G_GNUC_NORETURN static void
table_error (guint       line,
             const char *message)
{
  g_error ("%s:%u: %s", RESOURCE_PATH, line, message);
}

static const char * const scheme_nicks[N_SCHEMES] = {
  "actor", "name", "iso2", "iso3", "iso-numeric", "cow", "cow-letter",
  "gw", "gw-letter", "fips", "m49", "cameo",
};

static const char * const scheme_labels[N_SCHEMES] = {
  "actor id", "name", "ISO 3166-1 alpha-2 code", "ISO 3166-1 alpha-3 code",
  "ISO 3166-1 numeric code", "COW code", "COW abbreviation", "GW code",
  "GW abbreviation", "FIPS 10-4 code", "UN M49 code", "CAMEO code",
};

static gboolean
is_numeric_scheme (BilatCodeScheme scheme)
{
  return scheme == BILAT_CODE_SCHEME_ISO_NUMERIC || scheme == BILAT_CODE_SCHEME_COW ||
         scheme == BILAT_CODE_SCHEME_GW || scheme == BILAT_CODE_SCHEME_M49;
}

static gboolean
is_alpha_scheme (BilatCodeScheme scheme)
{
  return scheme == BILAT_CODE_SCHEME_ISO2 || scheme == BILAT_CODE_SCHEME_ISO3 ||
         scheme == BILAT_CODE_SCHEME_COW_LETTER || scheme == BILAT_CODE_SCHEME_GW_LETTER ||
         scheme == BILAT_CODE_SCHEME_FIPS;
}

/* The index key of @length bytes of @code in @scheme, or -1 when the code
 * cannot be one of the scheme. Numbers may have leading zeros (`004`);
 * letters may be lower case. */
static inline int
code_key (BilatCodeScheme scheme,
          const char     *code,
          gsize           length)
{
  if (is_numeric_scheme (scheme))
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
      return value < N_NUMERIC ? value : -1;
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

static guint32
parse_day (const char *text,
           guint       line,
           gboolean    is_first)
{
  GDate date;
  int y, m, d;

  if (strcmp (text, "..") == 0)
    return is_first ? OPEN_FIRST : OPEN_LAST;
  if (sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    table_error (line, "bad day");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

/* Appends @c to @out (of @size bytes) at *@n, a space first when a
 * separator came before it. FALSE when it does not fit. */
static inline gboolean
fold_append (char     *out,
             gsize     size,
             gsize    *n,
             gboolean *separator,
             gunichar  c)
{
  char utf8[6];
  int len = c < 0x80 ? 1 : g_unichar_to_utf8 (c, utf8);

  if (*separator && *n > 0)
    {
      if (*n + 1 >= size)
        return FALSE;
      out[(*n)++] = ' ';
    }
  *separator = FALSE;
  if (*n + len >= size)
    return FALSE;
  if (c < 0x80)
    out[(*n)++] = (char) c;
  else
    {
      memcpy (out + *n, utf8, len);
      *n += len;
    }
  return TRUE;
}

/* Folds a name into @out: letters and digits in lower case without
 * accents, every run of anything else one space, none at either end
 * (`Côte d’Ivoire` and `COTE D'IVOIRE` are both `cote d ivoire`). FALSE
 * if the name is empty, too long or not UTF-8. ASCII names take a path
 * without allocation. */
static gboolean
fold_name (const char *name,
           gsize       length,
           char        out[MAX_NAME_LENGTH + 1])
{
  gboolean separator = FALSE;
  gsize n = 0;
  gsize i;

  for (i = 0; i < length; i++)
    {
      guchar c = (guchar) name[i];

      if (c >= 0x80)
        break;
      if (g_ascii_isalnum (c))
        {
          if (!fold_append (out, MAX_NAME_LENGTH + 1, &n, &separator, g_ascii_tolower (c)))
            return FALSE;
        }
      else
        separator = TRUE;
    }

  if (i < length)
    {
      g_autofree char *decomposed = NULL;

      if (!g_utf8_validate_len (name, length, NULL))
        return FALSE;
      decomposed = g_utf8_normalize (name + i, length - i, G_NORMALIZE_NFD);
      if (decomposed == NULL)
        return FALSE;
      for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_ismark (c))
            continue;
          if (g_unichar_isalnum (c))
            {
              if (!fold_append (out, MAX_NAME_LENGTH + 1, &n, &separator, g_unichar_tolower (c)))
                return FALSE;
            }
          else
            separator = TRUE;
        }
    }

  out[n] = '\0';
  return n > 0;
}

static int
find_state (BilatIdentity *self,
            const char    *id)
{
  gpointer found = g_hash_table_lookup (self->by_id, id);

  return found != NULL ? GPOINTER_TO_INT (found) - 1 : -1;
}

static int
compare_spans (const void *a,
               const void *b)
{
  const StateCode *x = a, *y = b;
  int c;

  if (x->scheme != y->scheme)
    return x->scheme < y->scheme ? -1 : 1;
  if ((c = strcmp (x->code, y->code)) != 0)
    return c;
  return x->first < y->first ? -1 : x->first > y->first;
}

static int
compare_state_codes (const void *a,
                     const void *b)
{
  const StateCode *x = a, *y = b;

  if (x->state != y->state)
    return x->state < y->state ? -1 : 1;
  if (x->scheme != y->scheme)
    return x->scheme < y->scheme ? -1 : 1;
  return x->first < y->first ? -1 : x->first > y->first;
}

static int
compare_ids (const void *a,
             const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static BilatCodeScheme
parse_scheme (const char *text,
              guint       line)
{
  for (guint i = 0; i < N_SCHEMES; i++)
    if (strcmp (text, scheme_nicks[i]) == 0)
      return i;
  table_error (line, "unknown scheme");
}

static int
state_field (BilatIdentity *self,
             const char    *id,
             guint          line)
{
  int state = find_state (self, id);

  if (state < 0)
    table_error (line, "unknown state");
  return state;
}

static BilatDate *
date_of_day (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return bilat_date_new_day (g_date_get_year (&date), g_date_get_month (&date),
                             g_date_get_day (&date), NULL);
}

/* Cuts the table into lines of fields, in place. */
static GPtrArray *
split_lines (char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  guint number = 0;

  for (char *line = text; line != NULL; )
    {
      char *newline = strchr (line, '\n');
      char *next = NULL;
      GPtrArray *fields;

      number++;
      if (newline != NULL)
        {
          *newline = '\0';
          next = newline + 1;
        }
      if (line[0] != '\0' && line[0] != '#')
        {
          fields = g_ptr_array_new ();
          g_ptr_array_add (fields, GUINT_TO_POINTER (number));
          for (char *cursor = line; cursor != NULL; )
            {
              char *tab = strchr (cursor, '\t');

              if (tab != NULL)
                *tab++ = '\0';
              if (*cursor == '\0')
                table_error (number, "empty field");
              g_ptr_array_add (fields, cursor);
              cursor = tab;
            }
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (lines, g_ptr_array_free (fields, FALSE));
        }
      line = next;
    }
  return lines;
}

/* Fields of a line: [0] is the line number, then the fields, then NULL. */
static guint
n_fields (char **fields)
{
  guint n = 0;

  while (fields[n + 1] != NULL)
    n++;
  return n;
}

static void
load_states (BilatIdentity *self,
             GPtrArray     *lines)
{
  GArray *states = g_array_new (FALSE, TRUE, sizeof (State));
  GArray *lives = g_array_new (FALSE, FALSE, sizeof (Days));

  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < lines->len; i++)
    {
      char **f = g_ptr_array_index (lines, i);
      guint line = GPOINTER_TO_UINT (f[0]);
      State state = { 0 };
      g_auto(GStrv) periods = NULL;

      if (strcmp (f[1], "state") != 0)
        continue;
      if (n_fields (f) != 5)
        table_error (line, "a state has 5 fields");
      if (states->len >= G_MAXUINT16 ||
          !g_hash_table_insert (self->by_id, f[2], GUINT_TO_POINTER (states->len + 1)))
        table_error (line, "duplicate or too many states");
      state.id = f[2];
      state.name = f[3];
      state.lives_start = lives->len;
      periods = g_strsplit (f[5], ",", -1);
      for (guint p = 0; periods[p] != NULL; p++)
        {
          g_auto(GStrv) ends = g_strsplit (periods[p], "/", 3);
          Days days;

          if (g_strv_length (ends) != 2)
            table_error (line, "bad lifetime");
          days.first = parse_day (ends[0], line, TRUE);
          days.last = parse_day (ends[1], line, FALSE);
          g_array_append_val (lives, days);
        }
      state.n_lives = lives->len - state.lives_start;
      g_array_append_val (states, state);
    }

  self->n_states = states->len;
  self->states = (State *) g_array_free (states, FALSE);
  self->lives = (Days *) g_array_free (lives, FALSE);

  /* Predecessors, once every state is known. */
  for (guint i = 0, s = 0; i < lines->len; i++)
    {
      char **f = g_ptr_array_index (lines, i);

      if (strcmp (f[1], "state") != 0)
        continue;
      self->states[s++].predecessor =
        strcmp (f[4], "-") == 0 ? -1 : state_field (self, f[4], GPOINTER_TO_UINT (f[0]));
    }

  self->ids = g_new0 (const char *, self->n_states + 1);
  for (guint i = 0; i < self->n_states; i++)
    self->ids[i] = self->states[i].id;
  qsort (self->ids, self->n_states, sizeof (const char *), compare_ids);
}

static void
load_codes (BilatIdentity *self,
            GPtrArray     *lines)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (StateCode));
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  StateCode *sorted;

  for (guint i = 0; i < lines->len; i++)
    {
      char **f = g_ptr_array_index (lines, i);
      guint line = GPOINTER_TO_UINT (f[0]);
      StateCode row;

      if (strcmp (f[1], "code") != 0)
        continue;
      if (n_fields (f) != 6)
        table_error (line, "a code has 6 fields");
      row.scheme = parse_scheme (f[2], line);
      if (!is_numeric_scheme (row.scheme) && !is_alpha_scheme (row.scheme))
        table_error (line, "not a scheme of codes");
      if (code_key (row.scheme, f[3], strlen (f[3])) < 0)
        table_error (line, "malformed code");
      row.code = f[3];
      row.state = state_field (self, f[4], line);
      row.first = parse_day (f[5], line, TRUE);
      row.last = parse_day (f[6], line, FALSE);
      if (row.first > row.last)
        table_error (line, "a code ends before it starts");
      g_array_append_val (rows, row);
    }

  /* Spans grouped by scheme and code, in date order. */
  sorted = g_memdup2 (rows->data, rows->len * sizeof (StateCode));
  qsort (sorted, rows->len, sizeof (StateCode), compare_spans);
  self->spans = g_new (Span, rows->len);
  for (guint s = 0; s < N_SCHEMES; s++)
    if (is_numeric_scheme (s) || is_alpha_scheme (s))
      self->index[s] = g_new0 (guint16, is_numeric_scheme (s) ? N_NUMERIC : N_ALPHA);
  for (guint i = 0; i < rows->len; i++)
    {
      const StateCode *row = &sorted[i];
      int key = code_key (row->scheme, row->code, strlen (row->code));

      if (i == 0 || row->scheme != sorted[i - 1].scheme || strcmp (row->code, sorted[i - 1].code) != 0)
        {
          Entry entry = { row->code, i, 0 };

          if (entries->len >= G_MAXUINT16 || self->index[row->scheme][key] != 0)
            table_error (0, "a code written in two ways, or too many codes");
          g_array_append_val (entries, entry);
          self->index[row->scheme][key] = entries->len;
        }
      else if (sorted[i - 1].last >= row->first)
        table_error (0, "a code names two states at once");
      g_array_index (entries, Entry, entries->len - 1).n++;
      self->spans[i] = (Span) { row->first, row->last, row->state };
    }
  g_free (sorted);
  self->n_entries = entries->len;
  self->entries = (Entry *) g_array_free (entries, FALSE);

  /* The codes of each state, for conversions. */
  self->n_state_codes = rows->len;
  self->state_codes = (StateCode *) g_array_free (rows, FALSE);
  qsort (self->state_codes, self->n_state_codes, sizeof (StateCode), compare_state_codes);
  for (guint i = 0; i < self->n_state_codes; i++)
    {
      State *state = &self->states[self->state_codes[i].state];

      if (state->n_codes++ == 0)
        state->codes_start = i;
    }
}

static void
load_spells (BilatIdentity *self,
             GPtrArray     *lines)
{
  self->spells = g_ptr_array_new_with_free_func (g_object_unref);
  self->spell_states = g_array_new (FALSE, FALSE, sizeof (guint16));
  for (guint i = 0; i < lines->len; i++)
    {
      char **f = g_ptr_array_index (lines, i);
      guint line = GPOINTER_TO_UINT (f[0]);
      g_autoptr(BilatDate) start = NULL;
      g_autoptr(BilatDate) end = NULL;
      guint32 last;
      guint16 state;

      if (strcmp (f[1], "spell") != 0)
        continue;
      if (n_fields (f) != 5)
        table_error (line, "a spell has 5 fields");
      state = state_field (self, f[3], line);
      start = date_of_day (parse_day (f[4], line, TRUE));
      last = parse_day (f[5], line, FALSE);
      if (last != OPEN_LAST)
        end = date_of_day (last);
      g_ptr_array_add (self->spells,
                       _bilat_state_spell_new (f[3], (guint) g_ascii_strtoull (f[2], NULL, 10),
                                               start, end));
      g_array_append_val (self->spell_states, state);
    }
}

static void
load_names (BilatIdentity *self,
            GPtrArray     *lines)
{
  self->strings = g_string_chunk_new (16 * 1024);
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->pattern_rows = g_ptr_array_new ();
  for (guint i = 0; i < lines->len; i++)
    {
      char **f = g_ptr_array_index (lines, i);
      guint line = GPOINTER_TO_UINT (f[0]);
      char key[MAX_NAME_LENGTH + 1];
      NameEntry *entry;
      NameEntry *grown;
      guint16 state;

      if (strcmp (f[1], "pattern") == 0)
        {
          if (n_fields (f) != 3)
            table_error (line, "a pattern has 3 fields");
          g_ptr_array_add (self->pattern_rows, GINT_TO_POINTER (state_field (self, f[2], line)));
          g_ptr_array_add (self->pattern_rows, f[3]);
          continue;
        }
      if (strcmp (f[1], "name") != 0)
        continue;
      if (n_fields (f) != 3)
        table_error (line, "a name has 3 fields");
      state = state_field (self, f[2], line);
      if (!fold_name (f[3], strlen (f[3]), key))
        table_error (line, "bad name");

      entry = g_hash_table_lookup (self->by_name, key);
      if (entry != NULL)
        {
          gboolean known = FALSE;

          for (guint k = 0; k < entry->n; k++)
            known |= entry->states[k] == state;
          if (known)
            continue;
        }
      grown = g_malloc (sizeof (NameEntry) + ((entry != NULL ? entry->n : 0) + 1) * sizeof (guint16));
      grown->n = 0;
      if (entry != NULL)
        {
          memcpy (grown->states, entry->states, entry->n * sizeof (guint16));
          grown->n = entry->n;
        }
      grown->states[grown->n++] = state;
      g_hash_table_replace (self->by_name, g_string_chunk_insert_const (self->strings, key), grown);
    }
}

static BilatIdentity *
identity_load (void)
{
  BilatIdentity *self = g_object_new (BILAT_TYPE_IDENTITY, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  gconstpointer data;
  gsize size;

  /* Through the resource itself rather than the global lookup, so that
   * programs linking the static library keep the resource. */
  bytes = g_resource_lookup_data (_bilat_get_resource (), RESOURCE_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("%s: %s", RESOURCE_PATH, error->message);
  data = g_bytes_get_data (bytes, &size);
  if (!g_utf8_validate_len (data, size, NULL))
    g_error ("%s: not UTF-8", RESOURCE_PATH);
  self->text = g_strndup (data, size);

  lines = split_lines (self->text);
  load_states (self, lines);
  load_codes (self, lines);
  load_spells (self, lines);
  load_names (self, lines);
  return self;
}

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
    g_once_init_leave (&identity, identity_load ());
  return identity;
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
  const State *s = &self->states[state];

  for (guint i = 0; i < s->n_lives; i++)
    if (self->lives[s->lives_start + i].first <= day && day <= self->lives[s->lives_start + i].last)
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

static void
set_not_valid_code (BilatIdentity   *self,
                    BilatCodeScheme  scheme,
                    const char      *code,
                    gsize            length,
                    const Entry     *entry,
                    guint32          first,
                    guint32          last,
                    GError         **error)
{
  g_autofree char *when = describe_when (first, last);
  g_autofree char *quoted = quote_text (code, length);
  g_autoptr(GString) known = g_string_new (NULL);

  for (guint i = 0; i < entry->n && i < 6; i++)
    {
      const Span *span = &self->spans[entry->start + i];

      g_string_append_printf (known, "%s%s ", i > 0 ? ", " : "", self->states[span->state].id);
      append_days (known, span->first, span->last);
    }
  g_set_error (error, BILAT_IDENTITY_ERROR, BILAT_IDENTITY_ERROR_NOT_VALID,
               "%s “%s” names no state %s (it names %s)", scheme_labels[scheme],
               quoted, when, known->str);
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
  g_autofree char *when = describe_when (first, last);
  g_autofree char *quoted = quote_text (code, length);

  g_set_error (error, BILAT_IDENTITY_ERROR, BILAT_IDENTITY_ERROR_AMBIGUOUS,
               "%s “%s” names both %s and %s %s: give a day", scheme_labels[scheme],
               quoted, self->states[found[0]].id, self->states[found[1]].id, when);
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

static const char *
resolve_code (BilatIdentity   *self,
              BilatCodeScheme  scheme,
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

  if (key < 0 || (index = self->index[scheme][key]) == 0)
    {
      set_unknown (scheme, code, length, error);
      return NULL;
    }
  entry = &self->entries[index - 1];
  for (guint i = 0; i < entry->n; i++)
    {
      const Span *span = &self->spans[entry->start + i];

      if (overlaps (span->first, span->last, first, last))
        add_found (found, &n_found, span->state);
    }
  if (n_found == 1)
    return self->states[found[0]].id;
  if (n_found == 0)
    set_not_valid_code (self, scheme, code, length, entry, first, last, error);
  else
    set_ambiguous (self, scheme, code, length, found, first, last, error);
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

  for (int s = state; s >= 0 && n_chain < MAX_CHAIN; s = self->states[s].predecessor)
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
          const State *s = &self->states[chain[c]];

          for (guint i = 0; i < s->n_lives; i++)
            {
              const Days *d = &self->lives[s->lives_start + i];

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
  const State *s = &self->states[state];

  for (guint i = 0; i < s->n_lives; i++)
    {
      if (i > 0)
        g_string_append (out, " and ");
      append_days (out, self->lives[s->lives_start + i].first, self->lives[s->lives_start + i].last);
    }
}

static const char *
resolve_states (BilatIdentity   *self,
                BilatCodeScheme  scheme,
                const char      *code,
                gsize            length,
                const guint16   *states,
                guint            n_states,
                guint32          first,
                guint32          last,
                GError         **error)
{
  gboolean follow = scheme == BILAT_CODE_SCHEME_NAME;
  guint16 found[2];
  guint n_found = 0;

  for (guint i = 0; i < n_states; i++)
    states_of_chain (self, states[i], follow, first, last, found, &n_found);
  if (n_found == 1)
    return self->states[found[0]].id;

  if (n_found == 0)
    {
      g_autofree char *when = describe_when (first, last);
      g_autofree char *quoted = quote_text (code, length);
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint i = 0; i < n_states; i++)
        {
          g_string_append_printf (known, "%s%s, a state ", i > 0 ? "; " : "",
                                  self->states[states[i]].id);
          append_lives (known, self, states[i]);
        }
      g_set_error (error, BILAT_IDENTITY_ERROR, BILAT_IDENTITY_ERROR_NOT_VALID,
                   "%s “%s” names no state %s (it names %s)", scheme_labels[scheme],
                   quoted, when, known->str);
    }
  else
    set_ambiguous (self, scheme, code, length, found, first, last, error);
  return NULL;
}

static const Pattern *
get_patterns (BilatIdentity *self,
              guint         *n_patterns)
{
  static gsize compiled = 0;

  if (g_once_init_enter (&compiled))
    {
      guint n = self->pattern_rows->len / 2;
      Pattern *patterns = g_new0 (Pattern, n);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GError) error = NULL;

          patterns[i].state = GPOINTER_TO_INT (g_ptr_array_index (self->pattern_rows, 2 * i));
          /* Not G_REGEX_OPTIMIZE: patterns only serve names the tables
           * lack, and PCRE's JIT reads past the subject, which valgrind
           * reports. */
          patterns[i].regex = g_regex_new (g_ptr_array_index (self->pattern_rows, 2 * i + 1),
                                           G_REGEX_CASELESS, 0, &error);
          if (patterns[i].regex == NULL)
            g_error ("%s: the pattern of %s: %s", RESOURCE_PATH,
                     self->states[patterns[i].state].id, error->message);
        }
      self->patterns = patterns;
      self->n_patterns = n;
      g_once_init_leave (&compiled, 1);
    }
  *n_patterns = self->n_patterns;
  return self->patterns;
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
  const Pattern *patterns;
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;
  guint16 matched[2];
  guint n_matched = 0;
  guint n_patterns;

  if (!fold_name (name, length, key))
    {
      set_unknown (BILAT_CODE_SCHEME_NAME, name, length, error);
      return NULL;
    }
  entry = g_hash_table_lookup (self->by_name, key);
  if (G_LIKELY (entry != NULL))
    return resolve_states (self, BILAT_CODE_SCHEME_NAME, name, length,
                           entry->states, entry->n, first, last, error);

  /* Not a name of the tables: countrycode's patterns, which must point to
   * one state alone. */
  patterns = get_patterns (self, &n_patterns);
  text = g_strndup (name, length);
  lower = g_utf8_strdown (text, -1);
  for (guint i = 0; i < n_patterns; i++)
    if (g_regex_match (patterns[i].regex, lower, 0, NULL))
      add_found (matched, &n_matched, patterns[i].state);
  if (n_matched == 0)
    {
      set_unknown (BILAT_CODE_SCHEME_NAME, name, length, error);
      return NULL;
    }
  if (n_matched > 1)
    {
      g_autofree char *quoted = quote_text (name, length);

      g_set_error (error, BILAT_IDENTITY_ERROR, BILAT_IDENTITY_ERROR_AMBIGUOUS,
                   "“%s” is not the name of a state, and matches the name patterns "
                   "of both %s and %s", quoted,
                   self->states[matched[0]].id, self->states[matched[1]].id);
      return NULL;
    }
  return resolve_states (self, BILAT_CODE_SCHEME_NAME, name, length,
                         matched, 1, first, last, error);
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
  switch (scheme)
    {
    case BILAT_CODE_SCHEME_NAME:
      return resolve_name (self, code, length, first, last, error);

    case BILAT_CODE_SCHEME_ACTOR:
      {
        g_autofree char *id = g_strndup (code, length);
        int state = find_state (self, id);
        guint16 states[1];

        if (state < 0)
          {
            set_unknown (scheme, code, length, error);
            return NULL;
          }
        states[0] = state;
        return resolve_states (self, scheme, code, length, states, 1, first, last, error);
      }

    case BILAT_CODE_SCHEME_CAMEO:
      {
        const char *iso = _bilat_cameo_country_renamed (code, length);
        const char *id;

        id = resolve_code (self, BILAT_CODE_SCHEME_ISO3, iso != NULL ? iso : code,
                           iso != NULL ? 3 : length, first, last, NULL);
        if (id == NULL)
          return resolve_code (self, BILAT_CODE_SCHEME_ISO3, iso != NULL ? iso : code,
                               iso != NULL ? 3 : length, first, last, error);
        return id;
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
      return resolve_code (self, scheme, code, length, first, last, error);

    default:
      g_set_error (error, BILAT_IDENTITY_ERROR, BILAT_IDENTITY_ERROR_UNKNOWN,
                   "%d is not a code scheme", (int) scheme);
      return NULL;
    }
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

  index = find_state (self, id);
  if (index < 0)
    {
      set_unknown (BILAT_CODE_SCHEME_ACTOR, id, strlen (id), error);
      return NULL;
    }
  state = &self->states[index];
  if (scheme == BILAT_CODE_SCHEME_NAME)
    return state->name;
  if (scheme == BILAT_CODE_SCHEME_ACTOR)
    return state->id;

  date_days (date, &first, &last);
  for (guint i = 0; i < state->n_codes; i++)
    {
      const StateCode *code = &self->state_codes[state->codes_start + i];

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

  index = find_state (self, id);
  return index >= 0 ? self->states[index].name : NULL;
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

  index = find_state (self, id);
  if (index < 0 || self->states[index].predecessor < 0)
    return NULL;
  return self->states[self->states[index].predecessor].id;
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

  return self->ids;
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
  for (guint i = 0; i < self->spells->len; i++)
    {
      BilatStateSpell *spell = g_ptr_array_index (self->spells, i);
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
  index = find_state (self, id);
  for (guint i = 0; index >= 0 && i < self->spells->len; i++)
    if (g_array_index (self->spell_states, guint16, i) == index)
      g_list_store_append (spells, g_ptr_array_index (self->spells, i));
  /* A state of two COW codes (DEU: 255, then 260, then 255 again) has
   * its spells in the table by code. */
  g_list_store_sort (spells, compare_spell_starts, NULL);
  return G_LIST_MODEL (spells);
}
