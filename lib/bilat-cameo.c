/* bilat-cameo.c: the CAMEO event codebook
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bilat-resources.h"

/**
 * SECTION:bilat-cameo
 * @title: CAMEO event codes
 * @short_description: names, Goldstein scores and classes of CAMEO codes
 *
 * CAMEO (Conflict and Mediation Event Observations, Schrodt et al.,
 * codebook version 1.1b3) is the verb typology that the machine-coded event
 * datasets GDELT and ICEWS use: every event carries the code of what one
 * actor did to another. A code is a string of two to four digits, and its
 * leading zeros are part of it (`010` is a code, `10` another one):
 *
 * - two digits give one of the 20 roots, the broad kinds of action, from
 *   `01` (make public statement) to `20` (use unconventional mass
 *   violence), ordered roughly from cooperation to conflict;
 * - three digits give a base code within its root: `031` (express intent
 *   to engage in material cooperation) within `03`;
 * - four digits give a sub-code of its base code: `0311` (express intent
 *   to cooperate economically) within `031`.
 *
 * A code ending in `0`, such as `010` or `100`, is the root's residual
 * category ("not specified below"), not the root itself.
 *
 * The QuadClass ([enum@Bilat.QuadClass]) groups the roots into four classes,
 * numbered as GDELT and ICEWS number them: verbal cooperation (roots 01–05),
 * material cooperation (06–09), verbal conflict (10–14) and material
 * conflict (15–20). It follows from the root alone.
 *
 * The Goldstein score (Goldstein 1992, mapped onto CAMEO by its authors)
 * places each code on a scale from -10.0, the most conflictual (`20`
 * mass violence, `186` assassinate), through 0.0 (`010` make statement), to
 * +10.0, the most cooperative (`0874` retreat or surrender militarily).
 * It is a fixed property of the code, the same for every event with it,
 * so sums and means of it over a period measure how cooperative the
 * relations of a dyad were. The scores here are GDELT's (its
 * GoldsteinScale column). ICEWS publishes the same scores as "Intensity",
 * except for four codes (016, 022, 164 and 165): see
 * [func@Bilat.cameo_get_icews_intensity].
 *
 * The table holds all 20 roots and every base code and sub-code that GDELT
 * codes with, 311 codes in all, with the short names of the codebook. It is
 * compiled into the library and read on the first call of any of these
 * functions; every function is thread-safe, and none allocates memory after
 * that first call.
 *
 * Since: 1.0
 */

#define RESOURCE_PATH "/org/libbilat/bilat/cameo-events.tsv"

/* The GDELT and ICEWS convention; only the table file depends on it. */
#define GOLDSTEIN_MIN (-10.0)
#define GOLDSTEIN_MAX (+10.0)

typedef struct _CameoEntry CameoEntry;

struct _CameoEntry
{
  const char       *code;
  const char       *name;
  double            goldstein;
  double            icews_intensity;
  BilatQuadClass    quad_class;
  const CameoEntry *root;
  const CameoEntry *base;
};

typedef struct
{
  /* The resource, decompressed and cut in place into NUL-terminated
   * fields: every string of the entries points into it. */
  char        *text;
  CameoEntry  *entries;
  gsize        n_entries;
  GHashTable  *by_code;
  const char **codes;

  /* The codes of 2 to 4 digits, which every code is, by their number
   * (see digit_slot()): the lookup of every row of an event file. */
  const CameoEntry *by_digits[100 + 1000 + 10000];
} CameoTable;

/* The slot of a code of 2 to 4 ASCII digits in by_digits, or -1. */
static inline int
digit_slot (const char *code)
{
  int value = 0;
  int length;

  for (length = 0; length < 5 && code[length] >= '0' && code[length] <= '9'; length++)
    value = value * 10 + (code[length] - '0');
  if (code[length] != '\0' || length < 2 || length > 4)
    return -1;
  return (length == 2 ? 0 : length == 3 ? 100 : 1100) + value;
}

/* The table is compiled in: a line it cannot read is a bug of the build,
 * never the user's data, so it stops the program at once with the place,
 * rather than leaving every lookup to fail in silence. */
G_GNUC_NORETURN static void
table_error (guint       line,
             const char *message)
{
  g_error ("%s:%u: %s", RESOURCE_PATH, line, message);
}

static gboolean
is_code_syntax (const char *text)
{
  gsize length = strlen (text);
  gsize i;

  if (length < 2 || length > 4)
    return FALSE;

  for (i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

static double
parse_score (const char *text,
             guint       line)
{
  char *end = NULL;
  double score;

  if (text[0] == '\0')
    table_error (line, "empty score");

  score = g_ascii_strtod (text, &end);
  if (*end != '\0' || !isfinite (score) ||
      score < GOLDSTEIN_MIN || score > GOLDSTEIN_MAX)
    table_error (line, "score is not a number from -10 to 10");

  return score;
}

static BilatQuadClass
quad_class_of_root (const char *root,
                    guint       line)
{
  int number = (root[0] - '0') * 10 + (root[1] - '0');

  if (number >= 1 && number <= 5)
    return BILAT_QUAD_CLASS_VERBAL_COOPERATION;
  if (number >= 6 && number <= 9)
    return BILAT_QUAD_CLASS_MATERIAL_COOPERATION;
  if (number >= 10 && number <= 14)
    return BILAT_QUAD_CLASS_VERBAL_CONFLICT;
  if (number >= 15 && number <= 20)
    return BILAT_QUAD_CLASS_MATERIAL_CONFLICT;

  table_error (line, "code outside the roots 01 to 20");
}

/* Cuts one line (already NUL-terminated) into its tab-separated fields,
 * in place. */
static void
parse_line (char       *line,
            guint       line_number,
            CameoEntry *entry)
{
  char *fields[5] = { NULL, };
  guint n_fields = 0;
  char *cursor = line;

  /* A CR would end up in the last field, unseen. */
  if (strchr (line, '\r') != NULL)
    table_error (line_number, "CR in a line: the table has LF line ends");

  while (n_fields < G_N_ELEMENTS (fields))
    {
      char *tab = strchr (cursor, '\t');

      fields[n_fields++] = cursor;
      if (tab == NULL)
        break;
      *tab = '\0';
      cursor = tab + 1;
    }

  if (n_fields < 3 || n_fields > 4)
    table_error (line_number, "a line needs 3 or 4 tab-separated fields");

  if (!is_code_syntax (fields[0]))
    table_error (line_number, "a code is 2 to 4 ASCII digits");

  if (fields[2][0] == '\0' || !g_utf8_validate (fields[2], -1, NULL))
    table_error (line_number, "the name is empty or not UTF-8");

  entry->code = fields[0];
  entry->goldstein = parse_score (fields[1], line_number);
  entry->name = fields[2];
  entry->icews_intensity = n_fields == 4 ? parse_score (fields[3], line_number)
                                         : entry->goldstein;
  entry->quad_class = quad_class_of_root (entry->code, line_number);
}

/* Finds the entry of the first @length characters of @code, the root or
 * the base code that @code implies. */
static const CameoEntry *
find_prefix (GHashTable *by_code,
             const char *code,
             gsize       length)
{
  char prefix[5];

  memcpy (prefix, code, length);
  prefix[length] = '\0';

  return g_hash_table_lookup (by_code, prefix);
}

static int
compare_codes (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static CameoTable *
load_table (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  CameoTable *table;
  gconstpointer data;
  gsize size;
  gsize n_lines = 1;
  char *line;
  guint line_number = 0;
  gsize i;

  /* Through the resource itself rather than the global lookup: the
   * reference makes the linker keep the resource in programs that link
   * the static library. */
  bytes = g_resource_lookup_data (_bilat_get_resource (), RESOURCE_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("%s: %s", RESOURCE_PATH, error->message);

  data = g_bytes_get_data (bytes, &size);
  if (memchr (data, '\0', size) != NULL)
    table_error (0, "the file contains a NUL byte");

  table = g_new0 (CameoTable, 1);
  table->text = g_strndup (data, size);

  for (i = 0; i < size; i++)
    if (table->text[i] == '\n')
      n_lines++;

  table->entries = g_new0 (CameoEntry, n_lines);
  table->by_code = g_hash_table_new (g_str_hash, g_str_equal);

  for (line = table->text; line != NULL; )
    {
      char *newline = strchr (line, '\n');
      char *next = NULL;
      CameoEntry *entry;

      line_number++;
      if (newline != NULL)
        {
          *newline = '\0';
          next = newline + 1;
        }

      if (line[0] != '\0' && line[0] != '#')
        {
          entry = &table->entries[table->n_entries];
          parse_line (line, line_number, entry);
          if (g_hash_table_contains (table->by_code, entry->code))
            table_error (line_number, "duplicate code");
          g_hash_table_insert (table->by_code, (gpointer) entry->code, entry);
          if (digit_slot (entry->code) >= 0)
            table->by_digits[digit_slot (entry->code)] = entry;
          table->n_entries++;
        }

      line = next;
    }

  if (table->n_entries == 0)
    table_error (line_number, "no codes");

  /* Only now, with every code in the hash table, can the roots and base
   * codes be found regardless of the order of the lines. */
  for (i = 0; i < table->n_entries; i++)
    {
      CameoEntry *entry = &table->entries[i];
      gsize length = strlen (entry->code);

      entry->root = find_prefix (table->by_code, entry->code, 2);
      entry->base = length == 4 ? find_prefix (table->by_code, entry->code, 3)
                                : entry;
      if (entry->root == NULL || entry->base == NULL)
        g_error ("%s: the root or base code of %s is missing",
                 RESOURCE_PATH, entry->code);
    }

  table->codes = g_new0 (const char *, table->n_entries + 1);
  for (i = 0; i < table->n_entries; i++)
    table->codes[i] = table->entries[i].code;
  qsort (table->codes, table->n_entries, sizeof (const char *), compare_codes);

  return table;
}

/* Loaded once, on first use, and kept for the life of the process:
 * lookups hand out pointers into it. */
static const CameoTable *
get_table (void)
{
  static CameoTable *table = NULL;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, load_table ());

  return table;
}

static const CameoEntry *
lookup (const char *code)
{
  const CameoTable *table = get_table ();
  int slot = digit_slot (code);

  if (slot >= 0)
    return table->by_digits[slot];
  return g_hash_table_lookup (table->by_code, code);
}

/**
 * bilat_cameo_is_known:
 * @code: a CAMEO event code, such as `0311`
 *
 * Returns whether @code is a code of the CAMEO event codebook: one of the
 * 20 roots (`01` to `20`), a three-digit base code or a four-digit sub-code.
 * Codes are compared exactly, as strings: `010` is known, `10` is the root
 * DEMAND, and `0010`, ` 010` or `10.0` are not codes.
 *
 * Returns: %TRUE if @code is a known CAMEO event code
 *
 * Since: 1.0
 */
gboolean
bilat_cameo_is_known (const char *code)
{
  g_return_val_if_fail (code != NULL, FALSE);

  return lookup (code) != NULL;
}

/**
 * bilat_cameo_get_name:
 * @code: a CAMEO event code, such as `0311`
 *
 * Returns the short English name of a CAMEO event code, in the wording of
 * the CAMEO codebook: `Express intent to cooperate economically` for
 * `0311`. The names of the 20 roots are in capitals, as in the codebook
 * (`EXPRESS INTENT TO COOPERATE` for `03`); a residual code is named
 * without the codebook's "not specified below" (`Make statement` for
 * `010`).
 *
 * Returns: (transfer none) (nullable): the name, valid for the life of
 *   the process, or %NULL if @code is not known
 *
 * Since: 1.0
 */
const char *
bilat_cameo_get_name (const char *code)
{
  const CameoEntry *entry;

  g_return_val_if_fail (code != NULL, NULL);

  entry = lookup (code);

  return entry != NULL ? entry->name : NULL;
}

/**
 * bilat_cameo_get_goldstein:
 * @code: a CAMEO event code, such as `0311`
 *
 * Returns the Goldstein score of a CAMEO event code, from -10.0 (most
 * conflictual) to +10.0 (most cooperative), as GDELT assigns it in its
 * `GoldsteinScale` column: 5.2 for `0311`, -5.0 for `106`, 0.0 for `010`.
 *
 * An unknown code has no score, so the result is NaN rather than a number
 * that could pass for one: test it with isnan() in C or math.isnan() in
 * Python, and never add it into a sum.
 *
 * Returns: the Goldstein score, or NaN if @code is not known
 *
 * Since: 1.0
 */
double
bilat_cameo_get_goldstein (const char *code)
{
  const CameoEntry *entry;

  g_return_val_if_fail (code != NULL, NAN);

  entry = lookup (code);

  return entry != NULL ? entry->goldstein : NAN;
}

/**
 * bilat_cameo_get_icews_intensity:
 * @code: a CAMEO event code, such as `016`
 *
 * Returns the score that ICEWS gives a CAMEO event code in its `Intensity`
 * column. It is the Goldstein score of [func@Bilat.cameo_get_goldstein]
 * for every code except four, where ICEWS's codebook differs from GDELT's:
 * `016` (deny responsibility, -5.0 instead of -2.0), `022` (appeal for
 * diplomatic cooperation, 3.4 instead of 3.2), `164` (halt negotiations,
 * -6.5 instead of -7.0) and `165` (halt mediation, -7.0 instead of -6.5).
 * Use it to compare scores with ICEWS's own, or to score events on the
 * ICEWS scale.
 *
 * Returns: the ICEWS intensity, or NaN if @code is not known
 *
 * Since: 1.0
 */
double
bilat_cameo_get_icews_intensity (const char *code)
{
  const CameoEntry *entry;

  g_return_val_if_fail (code != NULL, NAN);

  entry = lookup (code);

  return entry != NULL ? entry->icews_intensity : NAN;
}

/**
 * bilat_cameo_get_root:
 * @code: a CAMEO event code, such as `0311`
 *
 * Returns the root of a CAMEO event code, its first two digits: `03` for
 * `0311` and for `031`; a root is its own root. This is what GDELT calls
 * the `EventRootCode`.
 *
 * Returns: (transfer none) (nullable): the two-digit root code, valid for
 *   the life of the process, or %NULL if @code is not known
 *
 * Since: 1.0
 */
const char *
bilat_cameo_get_root (const char *code)
{
  const CameoEntry *entry;

  g_return_val_if_fail (code != NULL, NULL);

  entry = lookup (code);

  return entry != NULL ? entry->root->code : NULL;
}

/**
 * bilat_cameo_get_base:
 * @code: a CAMEO event code, such as `0311`
 *
 * Returns the base code of a CAMEO event code: for a four-digit sub-code,
 * its first three digits (`031` for `0311`); for a root or a three-digit
 * code, the code itself. This is what GDELT calls the `EventBaseCode`.
 *
 * Returns: (transfer none) (nullable): the base code, valid for the life
 *   of the process, or %NULL if @code is not known
 *
 * Since: 1.0
 */
const char *
bilat_cameo_get_base (const char *code)
{
  const CameoEntry *entry;

  g_return_val_if_fail (code != NULL, NULL);

  entry = lookup (code);

  return entry != NULL ? entry->base->code : NULL;
}

/**
 * bilat_cameo_get_quad_class:
 * @code: a CAMEO event code, such as `0311`
 *
 * Returns the QuadClass of a CAMEO event code, which follows from its root:
 * verbal cooperation for the roots `01` to `05`, material cooperation for
 * `06` to `09`, verbal conflict for `10` to `14` and material conflict for
 * `15` to `20`.
 *
 * Returns: the class of @code, or %BILAT_QUAD_CLASS_NONE if @code is not
 *   known
 *
 * Since: 1.0
 */
BilatQuadClass
bilat_cameo_get_quad_class (const char *code)
{
  const CameoEntry *entry;

  g_return_val_if_fail (code != NULL, BILAT_QUAD_CLASS_NONE);

  entry = lookup (code);

  return entry != NULL ? entry->quad_class : BILAT_QUAD_CLASS_NONE;
}

/**
 * bilat_cameo_get_codes:
 *
 * Returns every code of the CAMEO event codebook, roots, base codes and
 * sub-codes alike, in ascending order of their strings, which is the
 * codebook's order: `01`, `010`, `011` … `019`, `02`, `020`, `021`, `0211` …
 * `2042`.
 *
 * Returns: (transfer none) (array zero-terminated=1): the codes, valid
 *   for the life of the process
 *
 * Since: 1.0
 */
const char * const *
bilat_cameo_get_codes (void)
{
  return get_table ()->codes;
}
