/* bilat-codes.c: the code tables of machine-coded event data
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "bilat-codes-private.h"
#include "bilat-identity-private.h"
#include "bilat-resources.h"

/**
 * SECTION:bilat-codes
 * @title: Codes of event data
 * @short_description: CAMEO actor types and countries, FIPS 10-4
 *   countries, country names
 *
 * Machine-coded event datasets name actors and places with codes of their
 * own, which these functions translate:
 *
 * - CAMEO actor type codes, the roles an actor is coded with in GDELT's
 *   `Actor1Type1Code` … `Actor2Type3Code` columns: `GOV` (government),
 *   `MIL` (military), `REB` (rebels) and 36 more;
 * - CAMEO country codes, GDELT's `Actor1CountryCode` and
 *   `Actor2CountryCode`: ISO 3166-1 alpha-3 codes for countries, except
 *   four (`ROM` for Romania, ISO `ROU`; `MTN` Montenegro, `MNE`; `IMY` Isle
 *   of Man, `IMN`; `TMP` East Timor, `TLS`), plus codes of regions (`EUR`
 *   Europe, `AFR` Africa, `WST` the West, `MEA` the Middle East …);
 * - FIPS 10-4 country codes, which GDELT uses for the country of a place
 *   (`ActionGeo_CountryCode` …): `RS` is Russia, `PK` Pakistan, `CH` China,
 *   `UK` the United Kingdom, `GM` Germany;
 * - country names, as ICEWS writes them (`Russian Federation`, `Occupied
 *   Palestinian Territory`), to ISO alpha-3 codes.
 *
 * These functions take no date. Which state a code or a name means on a
 * date is [class@Bilat.Identity]'s to say, and the readers of event data
 * ask it on each row's date; here a code that named several states over
 * time gives the first of them.
 *
 * The tables are compiled into the library and read on first use; every
 * function is thread-safe, and returns strings valid for the life of the
 * process.
 *
 * Since: 1.0
 */

#define RESOURCE_DIR "/org/libbilat/bilat/"

/* The same override of the iso-codes folder as bilat-countries.c. */
#define ENV_ISO_CODES_DIR "BILAT_ISO_CODES_DIR"

/* Longer names are not country names; the bound lets lookups fold case
 * into a buffer on the stack. */
#define MAX_NAME_LENGTH 127

#define MAX_FIELDS 3

typedef struct
{
  const char *fields[MAX_FIELDS];
} Row;

typedef struct
{
  char        *text;      /* the resource, cut in place into fields */
  Row         *rows;
  guint        n_rows;
  GHashTable  *by_code;   /* field 0 → Row */
  const char **codes;     /* the codes, sorted, NULL-terminated */
} Table;

/* The tables are compiled in: a line that cannot be read is a bug of the
 * build, never the user's data, so it stops the program at once. */
G_GNUC_NORETURN static void
table_error (const char *name,
             guint       line,
             const char *message)
{
  g_error ("%s%s:%u: %s", RESOURCE_DIR, name, line, message);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
is_upper_code (const char *text,
               gsize       length)
{
  if (strlen (text) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isupper (text[i]))
      return FALSE;
  return TRUE;
}

/* Reads the table @name of @n_fields tab-separated fields per line, whose
 * first field is a code of @code_length capital letters (0: any text). */
static Table *
load_table (const char *name,
            guint       n_fields,
            gsize       code_length)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  Table *table;
  gconstpointer data;
  gsize size;
  gsize n_lines = 1;
  guint line_number = 0;
  char *line;

  /* Through the resource itself rather than the global lookup, so that
   * programs linking the static library keep the resource. */
  bytes = g_resource_lookup_data (_bilat_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("%s: %s", path, error->message);

  data = g_bytes_get_data (bytes, &size);
  table = g_new0 (Table, 1);
  table->text = g_strndup (data, size);
  for (gsize i = 0; i < size; i++)
    n_lines += table->text[i] == '\n';
  table->rows = g_new0 (Row, n_lines);
  table->by_code = g_hash_table_new (g_str_hash, g_str_equal);

  for (line = table->text; line != NULL; )
    {
      char *newline = strchr (line, '\n');
      char *next = NULL;
      Row *row;
      char *cursor = line;
      guint n = 0;

      line_number++;
      if (newline != NULL)
        {
          *newline = '\0';
          next = newline + 1;
        }
      if (line[0] == '\0' || line[0] == '#')
        {
          line = next;
          continue;
        }

      row = &table->rows[table->n_rows];
      while (cursor != NULL)
        {
          char *tab = strchr (cursor, '\t');

          if (n == n_fields)
            table_error (name, line_number, "too many fields");
          row->fields[n++] = cursor;
          if (tab != NULL)
            *tab++ = '\0';
          cursor = tab;
        }
      if (n != n_fields)
        table_error (name, line_number, "too few fields");
      for (guint i = 0; i < n; i++)
        if (row->fields[i][0] == '\0' || !g_utf8_validate (row->fields[i], -1, NULL) ||
            strchr (row->fields[i], '\r') != NULL)
          table_error (name, line_number, "an empty field, a CR or bad UTF-8");
      if (code_length > 0 && !is_upper_code (row->fields[0], code_length))
        table_error (name, line_number, "malformed code");
      if (!g_hash_table_insert (table->by_code, (gpointer) row->fields[0], row))
        table_error (name, line_number, "duplicate code");
      table->n_rows++;
      line = next;
    }

  table->codes = g_new0 (const char *, table->n_rows + 1);
  for (guint i = 0; i < table->n_rows; i++)
    table->codes[i] = table->rows[i].fields[0];
  qsort (table->codes, table->n_rows, sizeof (const char *), compare_strings);

  return table;
}

/* The ISO alpha-3 code a code or name of @scheme names without a date,
 * per the identity tables; NULL when it is no state's or the state has
 * no ISO code (Kosovo). */
static const char *
iso_of (BilatCodeScheme  scheme,
        const char      *code,
        gsize            length)
{
  const char *id = _bilat_identity_first_state (bilat_identity_get_default (), scheme, code, length);

  return id != NULL && bilat_country_get_name (id) != NULL ? id : NULL;
}

static const Table *
actor_types (void)
{
  static Table *table = NULL;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, load_table ("cameo-actor-types.tsv", 2, 3));
  return table;
}

/* CAMEO countries: code, name. */
static const Table *
cameo_countries (void)
{
  static Table *table = NULL;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, load_table ("cameo-countries.tsv", 2, 3));
  return table;
}

/* FIPS countries: code, name. */
static const Table *
fips_countries (void)
{
  static Table *table = NULL;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, load_table ("fips-countries.tsv", 2, 2));
  return table;
}

/* The names of iso-codes → ISO codes, keyed by the name in ASCII lower
 * case: names the identity tables lack. */
typedef struct
{
  GStringChunk *strings;
  GHashTable   *by_name;
} NameTable;

/* Lower-cases @length bytes of @name into @buffer; FALSE if too long. */
static gboolean
fold_name (const char *name,
           gsize       length,
           char        buffer[MAX_NAME_LENGTH + 1])
{
  if (length == 0 || length > MAX_NAME_LENGTH)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    buffer[i] = g_ascii_tolower (name[i]);
  buffer[length] = '\0';
  return TRUE;
}

static void
add_name (NameTable  *names,
          const char *name,
          const char *iso)
{
  char key[MAX_NAME_LENGTH + 1];

  if (name == NULL || !fold_name (name, strlen (name), key) ||
      g_hash_table_contains (names->by_name, key))
    return;
  g_hash_table_insert (names->by_name,
                       g_string_chunk_insert_const (names->strings, key),
                       g_string_chunk_insert_const (names->strings, iso));
}

/* A member of an iso-codes entry, if it is a string. */
static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The names of iso_3166-1.json. A missing or damaged file only leaves
 * these names out, as bilat-countries.c does. */
static void
add_iso_names (NameTable *names)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  const char *dir = g_getenv (ENV_ISO_CODES_DIR);
  g_autofree char *path = NULL;
  JsonNode *root;
  JsonNode *array;
  JsonArray *entries;

  if (dir == NULL || *dir == '\0')
    dir = BILAT_ISO_CODES_JSON_DIR;
  path = g_build_filename (dir, "iso_3166-1.json", NULL);
  if (!json_parser_load_from_mapped_file (parser, path, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  array = json_object_get_member (json_node_get_object (root), "3166-1");
  if (array == NULL || !JSON_NODE_HOLDS_ARRAY (array))
    return;

  entries = json_node_get_array (array);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *node = json_array_get_element (entries, i);
      JsonObject *entry;
      const char *iso;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      entry = json_node_get_object (node);
      iso = string_member (entry, "alpha_3");
      if (iso == NULL || !is_upper_code (iso, 3))
        continue;
      add_name (names, string_member (entry, "name"), iso);
      add_name (names, string_member (entry, "common_name"), iso);
      add_name (names, string_member (entry, "official_name"), iso);
    }
}

static const NameTable *
country_names (void)
{
  static NameTable *names = NULL;

  if (g_once_init_enter (&names))
    {
      NameTable *loaded = g_new0 (NameTable, 1);

      loaded->strings = g_string_chunk_new (8 * 1024);
      loaded->by_name = g_hash_table_new (g_str_hash, g_str_equal);
      add_iso_names (loaded);
      g_once_init_leave (&names, loaded);
    }
  return names;
}

static const Row *
lookup (const Table *table,
        const char  *code)
{
  return g_hash_table_lookup (table->by_code, code);
}

/**
 * bilat_cameo_actor_type_get_name:
 * @code: a CAMEO actor type code, such as `GOV`
 *
 * Returns what a CAMEO actor type code stands for: `Government` for
 * `GOV`, `Military` for `MIL`, `Inter-Governmental Organization` for
 * `IGO`. Codes are compared exactly (they are capitals).
 *
 * Returns: (transfer none) (nullable): the name, or %NULL if @code is not
 *   a CAMEO actor type
 *
 * Since: 1.0
 */
const char *
bilat_cameo_actor_type_get_name (const char *code)
{
  const Row *row;

  g_return_val_if_fail (code != NULL, NULL);

  row = lookup (actor_types (), code);
  return row != NULL ? row->fields[1] : NULL;
}

/**
 * bilat_cameo_actor_type_get_codes:
 *
 * Returns every CAMEO actor type code, in alphabetical order.
 *
 * Returns: (transfer none) (array zero-terminated=1): the codes
 *
 * Since: 1.0
 */
const char * const *
bilat_cameo_actor_type_get_codes (void)
{
  return actor_types ()->codes;
}

/**
 * bilat_cameo_country_get_name:
 * @code: a CAMEO country code, such as `PAK` or `EUR`
 *
 * Returns the English name of a CAMEO country code: `Pakistan` for `PAK`,
 * `Romania` for `ROM`, `Europe` for the region `EUR`.
 *
 * Returns: (transfer none) (nullable): the name, or %NULL if @code is not
 *   a CAMEO country code
 *
 * Since: 1.0
 */
const char *
bilat_cameo_country_get_name (const char *code)
{
  const Row *row;

  g_return_val_if_fail (code != NULL, NULL);

  row = lookup (cameo_countries (), code);
  return row != NULL ? row->fields[1] : NULL;
}

/**
 * bilat_cameo_country_to_iso:
 * @code: a CAMEO country code, such as `ROM`
 *
 * Returns the ISO 3166 alpha-3 code of the country a CAMEO country code
 * names. It is the code itself for all but four countries: `ROM`
 * (Romania) is `ROU`, `MTN` (Montenegro) `MNE`, `IMY` (Isle of Man) `IMN`
 * and `TMP` (East Timor) `TLS`. A code of a region, such as `EUR`
 * (Europe), `WST` (the West) or `BAG` (Baghdad), has no ISO code.
 *
 * The readers of GDELT data name actors by the ISO code, so that a query
 * for `ROU` finds the events GDELT codes with `ROM`; they ask
 * [class@Bilat.Identity] on each row's date, where a code also names the
 * state its state continues (`RUS` in 1985 is `SUN`).
 *
 * Returns: (transfer none) (nullable): the ISO alpha-3 code, or %NULL if
 *   @code is not a CAMEO country code or names a region
 *
 * Since: 1.0
 */
const char *
bilat_cameo_country_to_iso (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  if (lookup (cameo_countries (), code) == NULL)
    return NULL;
  return iso_of (BILAT_CODE_SCHEME_CAMEO, code, strlen (code));
}

/**
 * bilat_cameo_country_get_codes:
 *
 * Returns every CAMEO country code, countries and regions, in
 * alphabetical order.
 *
 * Returns: (transfer none) (array zero-terminated=1): the codes
 *
 * Since: 1.0
 */
const char * const *
bilat_cameo_country_get_codes (void)
{
  return cameo_countries ()->codes;
}

/**
 * bilat_fips_country_get_name:
 * @fips: a FIPS 10-4 country code, such as `RS`
 *
 * Returns the English name of a FIPS 10-4 country code, the codes GDELT
 * gives the country of a place with: `Russia` for `RS`, `Pakistan` for
 * `PK`, `China` for `CH`.
 *
 * Returns: (transfer none) (nullable): the name, or %NULL if @fips is not
 *   a FIPS 10-4 country code
 *
 * Since: 1.0
 */
const char *
bilat_fips_country_get_name (const char *fips)
{
  const Row *row;

  g_return_val_if_fail (fips != NULL, NULL);

  row = lookup (fips_countries (), fips);
  return row != NULL ? row->fields[1] : NULL;
}

/**
 * bilat_country_from_fips:
 * @fips: a FIPS 10-4 country code, such as `RS`
 *
 * Returns the ISO 3166-1 alpha-3 code of the country a FIPS 10-4 code
 * names, the code of the country ISO lists the place under: `RUS` for
 * `RS`, `PAK` for `PK`, `CHN` for `CH`, `GBR` for `UK`, `DEU` for `GM`;
 * `UMI` for the US Pacific islands (`WQ` Wake Island …), `PSE` for `GZ`
 * and `WE`. States that no longer exist have their ISO 3166-3 code (`YI`,
 * Yugoslavia, is `YUG`). A code that named several states over time gives
 * the first (`YI` was Serbia and Montenegro's too, `SCG`): to tell them
 * apart, resolve the code on a date with [method@Bilat.Identity.resolve].
 *
 * Places that ISO 3166 has no code for have none here either: Kosovo
 * (`KV`), the sovereign base areas on Cyprus, disputed islands, oceans.
 *
 * Returns: (transfer none) (nullable): the ISO alpha-3 code, or %NULL if
 *   @fips is not known or has no ISO equivalent
 *
 * Since: 1.0
 */
const char *
bilat_country_from_fips (const char *fips)
{
  g_return_val_if_fail (fips != NULL, NULL);

  if (strlen (fips) != 2 || lookup (fips_countries (), fips) == NULL)
    return NULL;
  return iso_of (BILAT_CODE_SCHEME_FIPS, fips, 2);
}

/**
 * bilat_fips_country_get_codes:
 *
 * Returns every FIPS 10-4 country code of the table, in alphabetical
 * order.
 *
 * Returns: (transfer none) (array zero-terminated=1): the codes
 *
 * Since: 1.0
 */
const char * const *
bilat_fips_country_get_codes (void)
{
  return fips_countries ()->codes;
}

const char *
_bilat_country_from_iso_name_len (const char *name,
                                  gsize       length)
{
  char key[MAX_NAME_LENGTH + 1];

  if (!fold_name (name, length, key))
    return NULL;
  return g_hash_table_lookup (country_names ()->by_name, key);
}

/**
 * bilat_country_from_name:
 * @name: the English name of a country, such as `Russian Federation`
 *
 * Returns the ISO 3166-1 alpha-3 code of a country given by its name, as
 * ICEWS names countries. The name is looked up first among the names of
 * the identity tables ([class@Bilat.Identity], without regard to case,
 * accents or punctuation: `Occupied Palestinian Territory` is `PSE`,
 * `Democratic Republic of Congo` `COD`, `Swaziland` `SWZ`, `Turkey`
 * `TUR`), then, without regard to ASCII case, among the names, common
 * names and official names of the iso-codes package (`Korea, Republic
 * of`, `South Korea`). Names that are not a country ISO 3166 has a code
 * for, such as `Kosovo`, have no code. A name of several states over
 * time gives the first (`Yugoslavia`: `YUG`); resolve it on a date with
 * [method@Bilat.Identity.resolve] to tell them apart.
 *
 * Returns: (transfer none) (nullable): the ISO alpha-3 code, or %NULL if
 *   the name is not known
 *
 * Since: 1.0
 */
const char *
bilat_country_from_name (const char *name)
{
  const char *iso;

  g_return_val_if_fail (name != NULL, NULL);

  iso = iso_of (BILAT_CODE_SCHEME_NAME, name, strlen (name));
  return iso != NULL ? iso : _bilat_country_from_iso_name_len (name, strlen (name));
}
