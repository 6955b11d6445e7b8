/* bilat-identity-table.c: reads the identity tables of the resource
 *
 * lib/data/identity.tsv (written by gen-identity-tables.py) is read once
 * into arrays and hash tables that resolution (bilat-identity.c) reads
 * without locks or allocation: the spans of each code of each scheme in
 * date order, indexed by the code's number or letters; each state's
 * lifetimes, codes and predecessor; the folded names; the COW spells.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bilat-identity-private.h"
#include "bilat-identity-table-private.h"
#include "bilat-resources.h"

#define RESOURCE_PATH "/org/libbilat/bilat/identity.tsv"

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
gboolean
_bilat_identity_fold_name (const char *name,
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
state_field (IdentityTable *self,
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
load_states (IdentityTable *self,
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
load_codes (IdentityTable *self,
            GPtrArray     *lines)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (StateCode));
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  StateCode *sorted;
  guint n_codes = 0;

  /* Codes, then aliases: codes that resolve but are not the state's code
   * in the scheme, so that conversion never gives them. */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < lines->len; i++)
        {
          char **f = g_ptr_array_index (lines, i);
          guint line = GPOINTER_TO_UINT (f[0]);
          StateCode row;

          if (strcmp (f[1], pass == 0 ? "code" : "alias") != 0)
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
          n_codes += pass == 0;
        }
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
  g_array_set_size (rows, n_codes);
  self->n_state_codes = n_codes;
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
load_spells (IdentityTable *self,
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
load_names (IdentityTable *self,
            GPtrArray     *lines)
{
  self->strings = g_string_chunk_new (16 * 1024);
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; i < lines->len; i++)
    {
      char **f = g_ptr_array_index (lines, i);
      guint line = GPOINTER_TO_UINT (f[0]);
      char key[MAX_NAME_LENGTH + 1];
      NameEntry *entry;
      NameEntry *grown;
      guint16 state;

      if (strcmp (f[1], "name") != 0)
        continue;
      if (n_fields (f) != 3)
        table_error (line, "a name has 3 fields");
      state = state_field (self, f[2], line);
      if (!_bilat_identity_fold_name (f[3], strlen (f[3]), key))
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
      grown->days = NULL;
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

void
_bilat_identity_table_load (IdentityTable *self)
{
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
}
