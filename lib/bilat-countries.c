/* bilat-countries.c: country and subdivision codes from the iso-codes package
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

#include <string.h>

#include <json-glib/json-glib.h>

#include "bilat-countries-private.h"

/* The tables are read from the JSON files of the iso-codes package
 * (https://salsa.debian.org/iso-codes-team/iso-codes) rather than compiled
 * in: distributions update iso-codes when ISO renames a country or a
 * province, and libbilat follows without a rebuild.
 *
 * Only the few fields libbilat answers questions about are kept, in hash
 * tables keyed by the upper-case code. Every string lives in one string
 * chunk, so that a lookup can return it without a copy for the rest of the
 * process. */

#define ENV_ISO_CODES_DIR "BILAT_ISO_CODES_DIR"

/* Longer than any ISO 3166 code ("GB-ENG", "FR-75C"); a longer argument
 * cannot be a code, and the bound lets lookups upper-case into a buffer on
 * the stack. */
#define MAX_CODE_LENGTH 15

typedef struct
{
  GStringChunk *strings;
  GHashTable   *country_names;          /* alpha-3 → name, current and historic */
  GHashTable   *historic_codes;         /* alpha-3 codes found only in ISO 3166-3 */
  GHashTable   *alpha3_by_alpha2;       /* current alpha-2 → alpha-3 */
} CountryTables;

/* The subdivisions, ten times the countries' size, are read only when a
 * subdivision is looked up. */
typedef struct
{
  GStringChunk *strings;
  GHashTable   *subdivision_names;      /* ISO 3166-2 code → name */
  GHashTable   *subdivision_countries;  /* ISO 3166-2 code → alpha-3 */
} SubdivisionTables;

/* NULL until the first lookup; then set once for the life of the process
 * (or until a test resets them). */
static CountryTables *loaded_tables;
static SubdivisionTables *loaded_subdivisions;

/* Copies @code upper-cased into @buffer. Codes are ASCII, so ASCII case
 * folding is the whole of case-insensitivity here; other bytes are kept and
 * simply never match. */
static gboolean
normalize_code (const char *code,
                char        buffer[MAX_CODE_LENGTH + 1])
{
  gsize i;

  for (i = 0; code[i] != '\0'; i++)
    {
      if (i == MAX_CODE_LENGTH)
        return FALSE;
      buffer[i] = g_ascii_toupper (code[i]);
    }
  buffer[i] = '\0';

  return i > 0;
}

static gboolean
is_ascii_letters (const char *text,
                  gsize       length)
{
  gsize i;

  for (i = 0; i < length; i++)
    if (!g_ascii_isalpha (text[i]))
      return FALSE;

  return text[length] == '\0';
}

/* json_object_get_string_member() and its _with_default() variant report a
 * critical for a member of the wrong type, and the files are data, not
 * code: a damaged file must only make entries go missing. */
static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* The upper-cased key and the value, both in the string chunk. Returns
 * FALSE, inserting nothing, for a key already present: the first entry of a
 * duplicated code wins. */
static gboolean
insert_entry (GStringChunk *strings,
              GHashTable   *table,
              const char   *code,
              const char   *value)
{
  char key[MAX_CODE_LENGTH + 1];

  if (!normalize_code (code, key) || g_hash_table_contains (table, key))
    return FALSE;

  g_hash_table_insert (table,
                       g_string_chunk_insert_const (strings, key),
                       g_string_chunk_insert_const (strings, value));

  return TRUE;
}

/* Loads DIR/iso_STANDARD.json, whose root object holds the entries in an
 * array named after the standard: { "3166-1": [ {...}, ... ] }. */
static JsonParser *
load_standard (const char  *dir,
               const char  *standard,
               JsonArray  **entries)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_strdup_printf ("iso_%s.json", standard);
  g_autofree char *path = g_build_filename (dir, basename, NULL);
  JsonNode *root;
  JsonNode *array;

  if (!json_parser_load_from_mapped_file (parser, path, &error))
    {
      g_debug ("No ISO %s names: cannot read %s: %s",
               standard, path, error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  array = (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    ? json_object_get_member (json_node_get_object (root), standard)
    : NULL;
  if (array == NULL || !JSON_NODE_HOLDS_ARRAY (array))
    {
      g_debug ("No ISO %s names: %s has no array “%s”", standard, path, standard);
      return NULL;
    }

  *entries = json_node_get_array (array);

  return g_steal_pointer (&parser);
}

/* Calls @func on each object of the file of @standard, skipping anything
 * else an odd file might hold. */
static void
foreach_entry (const char  *dir,
               const char  *standard,
               gpointer     tables,
               void       (*func) (gpointer    tables,
                                   JsonObject *entry))
{
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *entries = NULL;
  guint i, n;

  parser = load_standard (dir, standard, &entries);
  if (parser == NULL)
    return;

  n = json_array_get_length (entries);
  for (i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (entries, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        func (tables, json_node_get_object (node));
    }
}

static void
add_country (gpointer    data,
             JsonObject *entry)
{
  CountryTables *tables = data;
  const char *alpha2 = get_string_member (entry, "alpha_2");
  const char *alpha3 = get_string_member (entry, "alpha_3");
  const char *name = get_string_member (entry, "name");
  char key[MAX_CODE_LENGTH + 1];

  if (alpha3 == NULL || name == NULL || !is_ascii_letters (alpha3, 3))
    return;
  if (!insert_entry (tables->strings, tables->country_names, alpha3, name))
    return;

  if (alpha2 != NULL && is_ascii_letters (alpha2, 2))
    {
      normalize_code (alpha3, key);
      insert_entry (tables->strings, tables->alpha3_by_alpha2, alpha2, key);
    }
}

/* Withdrawn alpha-2 codes are not mapped: ISO reassigns them ("CS" was
 * Czechoslovakia, then Serbia and Montenegro), so an alpha-2 code in a file
 * can only be trusted to mean a current country. */
static void
add_historic_country (gpointer    data,
                      JsonObject *entry)
{
  CountryTables *tables = data;
  const char *alpha3 = get_string_member (entry, "alpha_3");
  const char *name = get_string_member (entry, "name");
  char key[MAX_CODE_LENGTH + 1];

  if (alpha3 == NULL || name == NULL || !is_ascii_letters (alpha3, 3))
    return;

  /* A code can be withdrawn and reassigned (ATF): the current country
   * shadows the historic one, which then is not historic at all. */
  if (!insert_entry (tables->strings, tables->country_names, alpha3, name))
    return;

  normalize_code (alpha3, key);
  g_hash_table_add (tables->historic_codes,
                    g_string_chunk_insert_const (tables->strings, key));
}

/* Runs after the countries are loaded: the country of a subdivision is
 * the alpha-2 prefix of its code ("PK" of "PK-KP"), mapped to alpha-3. */
static CountryTables *get_tables (void);

/* Official names of some subdivisions are inverted for sorting, with the
 * designation after a comma: "Bashkortostan, Respublika", "Bristol, City
 * of", "Murcia, Región de". People write the part before the comma. The
 * rule: exactly one ", ", the part before it starts with a capital letter,
 * and the part after it is at most three words of letters only. That leaves
 * lists ("Newry, Mourne and Down", "San Andrés, Providencia y Santa
 * Catalina"), abbreviations ("Virgin Islands, U.S.") and names that are not
 * inverted ("wallonne, Région") as iso-codes writes them.
 *
 * Returns the common name, newly allocated, or %NULL when @name is not of
 * the inverted form. */
static char *
uninvert_name (const char *name)
{
  const char *comma = strstr (name, ", ");
  const char *tail;
  guint words = 1;

  if (comma == NULL || strstr (comma + 2, ", ") != NULL || comma == name)
    return NULL;
  if (!g_unichar_isupper (g_utf8_get_char_validated (name, -1)))
    return NULL;

  tail = comma + 2;
  if (*tail == '\0')
    return NULL;
  for (const char *p = tail; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == ' ')
        words++;
      else if (!g_unichar_isalpha (c))
        return NULL;
    }
  if (words > 3)
    return NULL;
  for (const char *conjunction = "and\0y\0et\0und\0e\0i\0";
       *conjunction != '\0'; conjunction += strlen (conjunction) + 1)
    {
      g_autofree char *word = g_strdup_printf (" %s ", conjunction);
      g_autofree char *padded = g_strdup_printf (" %s ", tail);

      if (strstr (padded, word) != NULL)
        return NULL;
    }

  return g_strndup (name, comma - name);
}

static void
add_subdivision (gpointer    data,
                 JsonObject *entry)
{
  SubdivisionTables *tables = data;
  char key[MAX_CODE_LENGTH + 1];
  const char *code = get_string_member (entry, "code");
  const char *name = get_string_member (entry, "name");
  const char *common_name = get_string_member (entry, "common_name");
  g_autofree char *uninverted = NULL;
  const char *country;
  char prefix[3];

  if (code == NULL || name == NULL)
    return;
  if (!g_ascii_isalpha (code[0]) || !g_ascii_isalpha (code[1]) || code[2] != '-')
    return;
  /* The name people use: iso-codes' own common name where it gives one
   * (it does for some countries), else the official name set straight. */
  if (common_name != NULL && *common_name != '\0')
    name = common_name;
  else if ((uninverted = uninvert_name (name)) != NULL)
    name = uninverted;
  if (!insert_entry (tables->strings, tables->subdivision_names, code, name))
    return;

  prefix[0] = g_ascii_toupper (code[0]);
  prefix[1] = g_ascii_toupper (code[1]);
  prefix[2] = '\0';
  /* The country's own string, so that it is the same pointer as the
   * countries' lookups give (the country tables outlive these). */
  country = g_hash_table_lookup (get_tables ()->alpha3_by_alpha2, prefix);
  if (country != NULL && normalize_code (code, key) &&
      !g_hash_table_contains (tables->subdivision_countries, key))
    g_hash_table_insert (tables->subdivision_countries,
                         g_string_chunk_insert_const (tables->strings, key), (gpointer) country);
}

static GHashTable *
new_code_table (void)
{
  /* Keys and values belong to the string chunk. */
  return g_hash_table_new (g_str_hash, g_str_equal);
}

/* Never fails: a missing or damaged file leaves its tables empty, so that
 * lookups answer NULL rather than the library refusing to work. */
static const char *
iso_codes_dir (void)
{
  const char *dir = g_getenv (ENV_ISO_CODES_DIR);

  return dir != NULL && *dir != '\0' ? dir : BILAT_ISO_CODES_JSON_DIR;
}

static CountryTables *
load_tables (void)
{
  CountryTables *tables = g_new0 (CountryTables, 1);
  const char *dir = iso_codes_dir ();

  tables->strings = g_string_chunk_new (16 * 1024);
  tables->country_names = new_code_table ();
  tables->historic_codes = new_code_table ();
  tables->alpha3_by_alpha2 = new_code_table ();

  foreach_entry (dir, "3166-1", tables, add_country);
  foreach_entry (dir, "3166-3", tables, add_historic_country);

  g_debug ("Loaded %u countries from %s", g_hash_table_size (tables->country_names), dir);

  return tables;
}

static SubdivisionTables *
load_subdivisions (void)
{
  SubdivisionTables *tables = g_new0 (SubdivisionTables, 1);
  const char *dir = iso_codes_dir ();

  tables->strings = g_string_chunk_new (64 * 1024);
  tables->subdivision_names = new_code_table ();
  tables->subdivision_countries = new_code_table ();

  foreach_entry (dir, "3166-2", tables, add_subdivision);

  g_debug ("Loaded %u subdivisions from %s", g_hash_table_size (tables->subdivision_names), dir);

  return tables;
}

static void
free_tables (CountryTables *tables)
{
  g_hash_table_unref (tables->country_names);
  g_hash_table_unref (tables->historic_codes);
  g_hash_table_unref (tables->alpha3_by_alpha2);
  g_string_chunk_free (tables->strings);
  g_free (tables);
}

static void
free_subdivisions (SubdivisionTables *tables)
{
  g_hash_table_unref (tables->subdivision_names);
  g_hash_table_unref (tables->subdivision_countries);
  g_string_chunk_free (tables->strings);
  g_free (tables);
}

static CountryTables *
get_tables (void)
{
  if (g_once_init_enter (&loaded_tables))
    g_once_init_leave (&loaded_tables, load_tables ());

  return loaded_tables;
}

static SubdivisionTables *
get_subdivisions (void)
{
  if (g_once_init_enter (&loaded_subdivisions))
    g_once_init_leave (&loaded_subdivisions, load_subdivisions ());

  return loaded_subdivisions;
}

void
_bilat_countries_reset_for_testing (void)
{
  CountryTables *tables = g_atomic_pointer_get (&loaded_tables);
  SubdivisionTables *subdivisions = g_atomic_pointer_get (&loaded_subdivisions);

  /* The subdivisions point to no country string, but are made from the
   * countries: both go. */
  if (subdivisions != NULL)
    {
      g_atomic_pointer_set (&loaded_subdivisions, NULL);
      free_subdivisions (subdivisions);
    }
  if (tables != NULL)
    {
      g_atomic_pointer_set (&loaded_tables, NULL);
      free_tables (tables);
    }
}

static const char *
lookup (GHashTable *table,
        const char *code)
{
  char key[MAX_CODE_LENGTH + 1];

  if (!normalize_code (code, key))
    return NULL;

  return g_hash_table_lookup (table, key);
}

/**
 * bilat_country_get_name:
 * @code: an ISO 3166-1 or ISO 3166-3 alpha-3 code, such as `PAK` or `SUN`,
 *   in any case
 *
 * Returns the English name of a country, current or historic, as the
 * iso-codes package gives it: its `name`, which is the ISO short name
 * (`Pakistan`; `Russian Federation` for `RUS`; `USSR, Union of Soviet
 * Socialist Republics` for `SUN`), not a colloquial one.
 *
 * The names come from the JSON files of the iso-codes package
 * (`iso_3166-1.json`, `iso_3166-2.json` and `iso_3166-3.json`), read once,
 * on the first lookup, from the directory iso-codes was found in at build
 * time. The environment variable `BILAT_ISO_CODES_DIR`, if set when they
 * are read, names another directory to read them from. When the files are
 * missing or unreadable every lookup returns %NULL (the reason is logged
 * at debug level). Lookups are thread-safe.
 *
 * Returns: (nullable) (transfer none): the name, valid for the life of the
 *   process, or %NULL if @code is not known
 *
 * Since: 1.0
 */
const char *
bilat_country_get_name (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  return lookup (get_tables ()->country_names, code);
}

/**
 * bilat_country_is_historic:
 * @code: an alpha-3 country code, in any case
 *
 * Returns whether @code is a withdrawn code of ISO 3166-3, the code of a
 * country that no longer exists, such as `SUN` (the USSR), `YUG` or `CSK`.
 * A withdrawn code that ISO has since given to a current country is not
 * historic. The list comes from the iso-codes package, see
 * [func@Bilat.country_get_name].
 *
 * Returns: %TRUE if @code is a historic country code
 *
 * Since: 1.0
 */
gboolean
bilat_country_is_historic (const char *code)
{
  g_return_val_if_fail (code != NULL, FALSE);

  return lookup (get_tables ()->historic_codes, code) != NULL;
}

/**
 * bilat_country_from_alpha2:
 * @alpha2: an ISO 3166-1 alpha-2 code, such as `PK`, in any case
 *
 * Returns the alpha-3 code of the current country with the alpha-2 code
 * @alpha2, for example `PAK` for `PK`. Withdrawn alpha-2 codes are not
 * mapped, because ISO reassigns them. The codes come from the iso-codes
 * package, see [func@Bilat.country_get_name].
 *
 * Returns: (nullable) (transfer none): the upper-case alpha-3 code, valid for
 *   the life of the process, or %NULL if @alpha2 is not known
 *
 * Since: 1.0
 */
const char *
bilat_country_from_alpha2 (const char *alpha2)
{
  g_return_val_if_fail (alpha2 != NULL, NULL);

  return lookup (get_tables ()->alpha3_by_alpha2, alpha2);
}

/**
 * bilat_subdivision_get_name:
 * @code: an ISO 3166-2 subdivision code, such as `PK-KP`, in any case
 *
 * Returns the name of a country subdivision (province, state, region …) as
 * the iso-codes package gives it, usually in the local language written in
 * Latin letters: `Khyber Pakhtunkhwa` for `PK-KP`. See
 * [func@Bilat.country_get_name] for where the names are read from.
 *
 * The name is the common one: iso-codes' `common_name` where it has one;
 * else an official name inverted for sorting, with its designation after a
 * comma, is given as people write it: `Bashkortostan` for `RU-BA`
 * (`Bashkortostan, Respublika`), `Bristol` for `GB-BST` (`Bristol, City of`).
 * A name counts as inverted when it has exactly one comma, starts with a
 * capital letter, and what follows the comma is at most three words of
 * letters with no conjunction; lists such as `Newry, Mourne and Down` and
 * abbreviations such as `Virgin Islands, U.S.` are kept as they are.
 *
 * Returns: (nullable) (transfer none): the name, valid for the life of the
 *   process, or %NULL if @code is not known
 *
 * Since: 1.0
 */
const char *
bilat_subdivision_get_name (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  return lookup (get_subdivisions ()->subdivision_names, code);
}

/**
 * bilat_subdivision_get_country:
 * @code: an ISO 3166-2 subdivision code, such as `PK-KP`, in any case
 *
 * Returns the alpha-3 code of the country a subdivision belongs to: `PAK`
 * for `PK-KP`, `RUS` for `RU-KC`. Only subdivisions listed by the
 * iso-codes package are known, see [func@Bilat.country_get_name].
 *
 * Returns: (nullable) (transfer none): the upper-case alpha-3 code, valid for
 *   the life of the process, or %NULL if @code is not known
 *
 * Since: 1.0
 */
const char *
bilat_subdivision_get_country (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  return lookup (get_subdivisions ()->subdivision_countries, code);
}
