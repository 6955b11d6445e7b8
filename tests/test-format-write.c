/* test-format-write.c: saving a store as a stream, and the numbers in it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The writer has no tree: it walks the records one by one and lays the
 * text out as it goes. These tests hold it to the printer of trees (the
 * layout datasets always had), to the streams it writes to (a failing
 * write, a cancellation, an unsavable store), and its numbers to the loop
 * over %.1g … %.17g they replaced.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include <bilat/bilat.h>

#include "bilat-test-util.h"

#include "bilat-json-private.h"

/* Numbers */

/* The printer's numbers before it formatted once: the first of %.1g …
 * %.17g that reads back, ".0" added to what looks like an integer. */
static char *
print_double_by_loop (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return g_strdup ("null");

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  if (strpbrk (buffer, ".eE") == NULL)
    return g_strconcat (buffer, ".0", NULL);
  return g_strdup (buffer);
}

/* The significant digits of a printed number. */
static int
count_digits (const char *text)
{
  int n = 0, zeros = 0;
  gboolean leading = TRUE;

  for (const char *p = text; *p != '\0' && *p != 'e'; p++)
    {
      if (!g_ascii_isdigit (*p))
        continue;
      if (*p == '0' && leading)
        continue;
      leading = FALSE;
      if (*p == '0')
        zeros++;
      else
        {
          n += zeros + 1;
          zeros = 0;
        }
    }

  return MAX (n, 1);
}

/* BILAT_TEST_DOUBLES=N BILAT_TEST_SEED=S test more numbers, from
 * another seed, than the suite has time for. */
static guint
n_random_doubles (void)
{
  const char *n = g_getenv ("BILAT_TEST_DOUBLES");

  return n != NULL ? (guint) g_ascii_strtoull (n, NULL, 10) : 1500;
}

static GRand *
new_rand (guint32 seed)
{
  const char *given = g_getenv ("BILAT_TEST_SEED");

  return g_rand_new_with_seed (given != NULL ? (guint32) g_ascii_strtoull (given, NULL, 10) : seed);
}

static void
check_double (double value)
{
  char text[_BILAT_JSON_DOUBLE_SIZE];
  g_autofree char *by_loop = print_double_by_loop (value);
  gsize length = _bilat_json_format_double (text, value);
  double back;
  int shortest = 0;

  if (!isfinite (value))
    return;

  assert_int_equal (length, strlen (text));
  if (strcmp (text, by_loop) != 0)
    fail_msg ("%.17g: printed %s, the loop over precisions gives %s", value, text, by_loop);

  /* Reads back to the very same bits. */
  back = g_ascii_strtod (text, NULL);
  if (memcmp (&back, &value, sizeof value) != 0)
    fail_msg ("%.17g printed as %s reads back as %.17g", value, text, back);

  /* And no fewer digits would. */
  for (int precision = 1; precision <= 17 && shortest == 0; precision++)
    {
      char format[8], shorter[G_ASCII_DTOSTR_BUF_SIZE];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (shorter, sizeof shorter, format, value);
      if (g_ascii_strtod (shorter, NULL) == value)
        shortest = precision;
    }
  if (count_digits (text) != shortest)
    fail_msg ("%.17g printed as %s, but %d digits read back", value, text, shortest);
}

static void
check_double_and_neighbours (double value)
{
  check_double (value);
  check_double (nextafter (value, INFINITY));
  check_double (nextafter (value, -INFINITY));
}

/* Any bits but NaN and the infinities. */
static void
test_doubles_of_random_bits (void **state)
{
  g_autoptr(GRand) rand = new_rand (20191024);
  guint n = n_random_doubles ();

  for (guint i = 0; i < n; i++)
    {
      guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      double value;

      memcpy (&value, &bits, sizeof value);
      check_double (value);
    }
}

/* What datasets hold: decimals of a few digits (scores, coordinates,
 * tones), read from text, and those that are just off. */
static void
test_doubles_of_few_digits (void **state)
{
  g_autoptr(GRand) rand = new_rand (1948);
  guint n = n_random_doubles ();

  for (guint i = 0; i < n; i++)
    {
      int n_digits = g_rand_int_range (rand, 1, 18);
      int exponent = g_rand_int_range (rand, -30, 31);
      char text[64];
      char *p = text;

      for (int d = 0; d < n_digits; d++)
        *p++ = (char) ('0' + g_rand_int_range (rand, d == 0 ? 1 : 0, 10));
      g_snprintf (p, sizeof text - (p - text), "e%d", exponent);

      check_double_and_neighbours (g_ascii_strtod (text, NULL));
    }

  /* Every multiple of 0.001 in a degree of latitude, and of 0.1 over the
   * Goldstein scale. */
  for (int i = 0; i <= 1000; i++)
    check_double (33 + i / 1000.0);
  for (int i = -100; i <= 100; i++)
    check_double (i / 10.0);
}

static void
test_doubles_at_the_edges (void **state)
{
  const double values[] = {
    0.0, 1.0, 7.0, 10.0, 100.0, 120.0, 123456.0, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23,
    9.999999999999999e22, 0x1p50, 0x1p50 - 1, 0x1p50 + 1, 0x1p52, 0x1p53, 0x1p53 + 2,
    0x1p63, 0x1p64, 123456789012345678.0, 0.1, 0.2, 0.3, 0.1 + 0.2, 1.0 / 3, 2.0 / 3,
    0.125, 0.375, 0.5, 2.5, 0.0001, 0.00001, 0.0001234, 33.6, 71.55, 2.61780104712042,
    -3.47826086956522, DBL_MAX, DBL_MIN, DBL_MIN - DBL_TRUE_MIN, DBL_TRUE_MIN,
    2 * DBL_TRUE_MIN, DBL_EPSILON, 1 + DBL_EPSILON, 5e-324, 1e-323, 4.9406564584124654e-324,
    2.2250738585072011e-308, 1.7976931348623157e308, 8.98846567431158e307,
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    check_double_and_neighbours (values[i]);

  /* Powers of two, where the gap to the double below is half the gap
   * above (all of them near 1 and at both ends, where the subnormals
   * start and the doubles end), and powers of ten, where the digits roll
   * over. (BILAT_TEST_DOUBLES above 100000 tries all of them.) */
  for (int e = -1074; e <= 1023; e++)
    if (ABS (e) <= 64 || e <= -1020 || e >= 1000 || e % 5 == 0 || n_random_doubles () > 100000)
      {
        check_double (ldexp (1.0, e));
        check_double (nextafter (ldexp (1.0, e), 0));
      }
  for (int e = -323; e <= 308; e++)
    {
      char text[16];
      double value;

      g_snprintf (text, sizeof text, "1e%d", e);
      value = g_ascii_strtod (text, NULL);
      if (e % 4 == 0 || n_random_doubles () > 100000)
        check_double_and_neighbours (value);
      else
        check_double (value);
    }
}

/* The text conventions, as datasets have them. */
static void
test_doubles_as_text (void **state)
{
  const struct
  {
    double      value;
    const char *text;
  } cases[] = {
    { 0.0, "0.0" },
    { -0.0, "-0.0" },
    { 7.0, "7.0" },
    { -2.0, "-2.0" },
    { 12.0, "12.0" },
    { 123456.0, "123456.0" },
    { 100.0, "1e+02" },
    { 120.0, "1.2e+02" },
    { 1e21, "1e+21" },
    { 33.6, "33.6" },
    { -71.55, "-71.55" },
    { 0.0001, "0.0001" },
    { 0.00001, "1e-05" },
    { 0.1 + 0.2, "0.30000000000000004" },
    { 1.0 / 3, "0.3333333333333333" },
    { DBL_MAX, "1.7976931348623157e+308" },
    { DBL_TRUE_MIN, "5e-324" },
    { NAN, "null" },
    { INFINITY, "null" },
    { -INFINITY, "null" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char text[_BILAT_JSON_DOUBLE_SIZE];

      _bilat_json_format_double (text, cases[i].value);
      assert_string_equal (text, cases[i].text);
    }
}

/* Layout */

static char *
print (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  _bilat_json_print (out, node);
  return g_string_free (out, FALSE);
}

/* Arrays of scalars on one line, objects of scalars on one line in a list
 * inside a record (deeper than the top-level lists), empty containers
 * closed at once, what is on a line staying on it. */
static void
test_printer_layout (void **state)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *input =
    "{\"format\": \"bilat\", \"empty\": {}, \"none\": [], \"scalars\": [1, 2.5, \"a\", true, null],"
    " \"records\": [{\"id\": \"a\", \"list\": [{\"x\": 1, \"y\": \"z\"}, {\"deep\": [1, [2]]}],"
    " \"place\": {\"name\": \"Cherat\", \"latitude\": 33.6}, \"nested\": [[1, 2], [3, {\"k\": []}]]},"
    " {\"id\": \"b\"}], \"top\": [{\"one\": 1}, [1]],"
    " \"escaped\": \"\\u0001\\u007f\\b\\f\\n\\r\\t\\\"\\\\/é ✓\"}";
  const char *expected =
    "{\n"
    "  \"format\": \"bilat\",\n"
    "  \"empty\": {},\n"
    "  \"none\": [],\n"
    "  \"scalars\": [1, 2.5, \"a\", true, null],\n"
    "  \"records\": [\n"
    "    {\n"
    "      \"id\": \"a\",\n"
    "      \"list\": [\n"
    "        {\"x\": 1, \"y\": \"z\"},\n"
    "        {\n"
    "          \"deep\": [\n"
    "            1,\n"
    "            [2]\n"
    "          ]\n"
    "        }\n"
    "      ],\n"
    "      \"place\": {\n"
    "        \"name\": \"Cherat\",\n"
    "        \"latitude\": 33.6\n"
    "      },\n"
    "      \"nested\": [\n"
    "        [1, 2],\n"
    "        [\n"
    "          3,\n"
    "          {\n"
    "            \"k\": []\n"
    "          }\n"
    "        ]\n"
    "      ]\n"
    "    },\n"
    "    {\n"
    "      \"id\": \"b\"\n"
    "    }\n"
    "  ],\n"
    "  \"top\": [\n"
    "    {\n"
    "      \"one\": 1\n"
    "    },\n"
    "    [1]\n"
    "  ],\n"
    "  \"escaped\": \"\\u0001\\u007f\\b\\f\\n\\r\\t\\\"\\\\/é ✓\"\n"
    "}";

  assert_true (json_parser_load_from_data (parser, input, -1, &error));
  assert_null (error);
  text = print (json_parser_get_root (parser));
  assert_string_equal (text, expected);
}

/* Strings as the printer always escaped them, a byte at a time. */
static void
escape_by_bytes (GString    *out,
                 const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* Every byte that needs an escape, at every place in strings long and
 * short, among bytes that do not. */
static void
test_strings_escaped (void **state)
{
  g_autoptr(GRand) rand = new_rand (1951);
  const char plain[] = "aZ09 /~é✓";

  for (guint i = 0; i < 5000; i++)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autofree char *text = NULL;
      int length = g_rand_int_range (rand, 0, 40);
      char string[48];

      for (int j = 0; j < length; j++)
        string[j] = g_rand_int_range (rand, 0, 8) == 0
                    ? (char) g_rand_int_range (rand, 1, 256)
                    : plain[g_rand_int_range (rand, 0, sizeof plain - 1)];
      string[length] = '\0';

      json_node_set_string (node, string);
      escape_by_bytes (expected, string);
      text = print (node);
      assert_string_equal (text, expected->str);
    }
}

/* Deeper than the indentation the writer keeps at hand. */
static void
test_printer_deep (void **state)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *text = NULL;
  const guint depth = 40;

  for (guint i = 0; i < depth; i++)
    json_builder_begin_array (builder);
  json_builder_add_int_value (builder, 1);
  for (guint i = 0; i < depth; i++)
    json_builder_end_array (builder);
  root = json_builder_get_root (builder);

  for (guint i = 0; i < depth - 1; i++)
    g_string_append_printf (expected, "%*s[\n", 2 * i, "");
  g_string_append_printf (expected, "%*s[1]", 2 * (depth - 1), "");
  for (guint i = depth - 1; i-- > 0;)
    g_string_append_printf (expected, "\n%*s]", 2 * i, "");

  text = print (root);
  assert_string_equal (text, expected->str);
}

/* Stores */

static void
add (BilatStore *store,
     gpointer    record)
{
  g_autoptr(GError) error = NULL;

  if (!bilat_store_add (store, record, &error))
    fail_msg ("%s", error->message);
  g_object_unref (record);
}

static BilatStore *
builtin_store (void)
{
  g_autoptr(GError) error = NULL;
  BilatStore *store = bilat_store_new_builtin ("pakistan-russia", &error);

  assert_non_null (store);
  assert_null (error);

  return store;
}

/* The built-in dataset with the real GDELT 2.0 sample imported into it,
 * when the shared data is there: two thousand coded events, 2 MB of text. */
static BilatStore *
large_store (void)
{
  const char *shared = g_getenv ("BILAT_SHARED_DATA");
  const char *samples[] = { "gdelt2/20191024143000.export.CSV" };
  BilatStore *store = builtin_store ();

  for (guint i = 0; shared != NULL && *shared != '\0' && i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_build_filename (shared, samples[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(BilatImportReport) report = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      report = import_file (store, file, &error);
      if (report == NULL)
        fail_msg ("%s: %s", path, error->message);
    }

  return store;
}

/* Made once for the tests: a large store and the text it saves to. */
typedef struct
{
  BilatStore *store;
  char       *text;
} Large;

static int
make_large (void **state)
{
  Large *large = g_new0 (Large, 1);
  g_autoptr(GError) error = NULL;

  large->store = large_store ();
  large->text = bilat_store_save_to_data (large->store, NULL, &error);
  assert_null (error);
  *state = large;

  return 0;
}

static int
free_large (void **state)
{
  Large *large = *state;

  g_object_unref (large->store);
  g_free (large->text);
  g_free (large);

  return 0;
}

/* The document as the tree of bilat_record_to_json() of every record,
 * printed: what saving did before it streamed. */
static char *
save_through_tree (BilatStore *store)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *lists[] = {
    bilat_store_get_sources (store), bilat_store_get_actors (store),
    bilat_store_get_issues (store), bilat_store_get_events (store),
    bilat_store_get_positions (store),
  };
  const char *members[] = { "sources", "actors", "issues", "events", "positions" };
  GString *text = g_string_new (NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "bilat");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  for (guint kind = 0; kind < G_N_ELEMENTS (lists); kind++)
    {
      json_builder_set_member_name (builder, members[kind]);
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (lists[kind]); i++)
        {
          g_autoptr(BilatRecord) record = g_list_model_get_item (lists[kind], i);

          json_builder_add_value (builder, bilat_record_to_json (record));
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  _bilat_json_print (text, root);
  g_string_append_c (text, '\n');

  return g_string_free (text, FALSE);
}

static void
assert_same_text (const char *text,
                  const char *expected)
{
  gsize i = 0;

  while (text[i] != '\0' && text[i] == expected[i])
    i++;
  if (text[i] != expected[i])
    fail_msg ("the texts differ at byte %" G_GSIZE_FORMAT ": “%.60s” instead of “%.60s”",
              i, text + i, expected + i);
}

/* The built-in dataset gives the bytes of its canonical file, and any
 * store the bytes of its records' trees printed. */
static void
test_stream_is_the_printed_tree (void **state)
{
  Large *large = *state;
  g_autoptr(BilatStore) builtin = builtin_store ();
  g_autofree char *builtin_text = NULL;
  g_autofree char *tree_text = NULL;
  g_autoptr(GError) error = NULL;
  const char *srcdir = g_getenv ("BILAT_TEST_SRCDIR");
  g_autofree char *path = g_build_filename (srcdir, "..", "lib", "data", "datasets",
                                            "pakistan-russia.json", NULL);
  g_autofree char *canonical_text = NULL;
  gsize length = 0;

  builtin_text = bilat_store_save_to_data (builtin, &length, &error);
  assert_null (error);
  assert_int_equal (length, strlen (builtin_text));
  assert_true (g_file_get_contents (path, &canonical_text, NULL, &error));
  assert_same_text (builtin_text, canonical_text);
  tree_text = save_through_tree (builtin);
  assert_same_text (builtin_text, tree_text);
  g_clear_pointer (&tree_text, g_free);

  tree_text = save_through_tree (large->store);
  assert_same_text (large->text, tree_text);
}

/* An output stream that keeps what it is given, and fails once it has
 * been given @fail_after bytes. */
typedef struct
{
  GOutputStream  parent_instance;
  GString       *text;
  gsize          fail_after;
  guint          n_writes;
  guint          n_writes_after_failing;
  gsize          largest_write;
  gboolean       failed;
} TestStream;

typedef struct
{
  GOutputStreamClass parent_class;
} TestStreamClass;

static GType test_stream_get_type (void);

G_DEFINE_TYPE (TestStream, test_stream, G_TYPE_OUTPUT_STREAM)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestStream, g_object_unref)

static gssize
test_stream_write (GOutputStream  *stream,
                   const void     *buffer,
                   gsize           count,
                   GCancellable   *cancellable,
                   GError        **error)
{
  TestStream *self = (TestStream *) stream;

  if (self->failed)
    self->n_writes_after_failing++;
  self->n_writes++;
  self->largest_write = MAX (self->largest_write, count);

  if (self->text->len + count > self->fail_after)
    {
      self->failed = TRUE;
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "the test stream is full");
      return -1;
    }

  g_string_append_len (self->text, buffer, count);
  return count;
}

static void
test_stream_finalize (GObject *object)
{
  TestStream *self = (TestStream *) object;

  g_string_free (self->text, TRUE);
  G_OBJECT_CLASS (test_stream_parent_class)->finalize (object);
}

static void
test_stream_class_init (TestStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_stream_finalize;
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = test_stream_write;
}

static void
test_stream_init (TestStream *self)
{
  self->text = g_string_new (NULL);
  self->fail_after = G_MAXSIZE;
}

/* The stream gets the bytes of save_to_data() in chunks of about 64 KB,
 * and is left open. */
static void
test_write_to_stream (void **state)
{
  Large *large = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(TestStream) stream = g_object_new (test_stream_get_type (), NULL);

  assert_true (_bilat_store_write_json (large->store, G_OUTPUT_STREAM (stream), NULL, &error));
  assert_null (error);
  assert_false (g_output_stream_is_closed (G_OUTPUT_STREAM (stream)));
  assert_same_text (stream->text->str, large->text);
  assert_int_equal (stream->text->len, strlen (large->text));
  if (stream->text->len > _BILAT_JSON_WRITER_CHUNK)
    assert_true (stream->n_writes > 1);
  /* A chunk, and the end of the record that filled it. */
  assert_true (stream->largest_write < _BILAT_JSON_WRITER_CHUNK + 16 * 1024);
}

/* A failed write is the error, and nothing more is written after it. */
static void
test_write_fails (void **state)
{
  Large *large = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(TestStream) stream = g_object_new (test_stream_get_type (), NULL);

  stream->fail_after = 1000;
  assert_false (_bilat_store_write_json (large->store, G_OUTPUT_STREAM (stream), NULL, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE));
  assert_int_equal (stream->n_writes_after_failing, 0);
  assert_int_equal (stream->text->len, 0);
}

static void
test_write_cancelled (void **state)
{
  g_autoptr(BilatStore) store = builtin_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TestStream) stream = g_object_new (test_stream_get_type (), NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  assert_false (_bilat_store_write_json (store, G_OUTPUT_STREAM (stream), cancellable, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  assert_int_equal (stream->text->len, 0);
}

/* A store the format could not express writes nothing at all. */
static void
test_write_unsavable (void **state)
{
  g_autoptr(BilatStore) store = builtin_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TestStream) stream = g_object_new (test_stream_get_type (), NULL);
  BilatEvent *event = bilat_event_new ("unsavable");

  bilat_event_add_participant (event, "nobody-knows", BILAT_ROLE_PARTICIPANT);
  add (store, event);

  assert_false (_bilat_store_write_json (store, G_OUTPUT_STREAM (stream), NULL, &error));
  assert_true (g_error_matches (error, BILAT_FORMAT_ERROR, BILAT_FORMAT_ERROR_UNKNOWN_REFERENCE));
  assert_int_equal (stream->n_writes, 0);
}

/* A large store saved to a file, straight through the file's stream. */
static void
test_save_large_file (void **state)
{
  Large *large = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bilat-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "data.json", NULL);
  g_autofree char *contents = NULL;

  assert_true (bilat_store_save_to_path (large->store, path, &error));
  assert_null (error);
  assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  assert_same_text (contents, large->text);

  assert_int_equal (g_remove (path), 0);
  assert_int_equal (g_rmdir (dir), 0);
}

/* An application's own kind of event, which may override properties: the
 * writer reads it by property names, and gives what it gives an event. */
typedef struct
{
  BilatEvent parent_instance;
} AppEvent;

typedef struct
{
  BilatEventClass parent_class;
} AppEventClass;

static GType app_event_get_type (void);

G_DEFINE_TYPE (AppEvent, app_event, BILAT_TYPE_EVENT)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AppEvent, g_object_unref)

static void
app_event_class_init (AppEventClass *klass)
{
}

static void
app_event_init (AppEvent *self)
{
}

static void
fill_event (BilatEvent *event)
{
  g_autoptr(BilatDate) date = bilat_date_parse ("2016-09-24/2016-10-07", NULL);
  g_autoptr(BilatPlace) place = bilat_place_new_with_coordinates ("Cherat", "PK-KP", "PAK",
                                                                  33.8167, 71.55);
  g_autoptr(BilatCitation) citation = bilat_citation_new ("op-ed", 6, 1451, 1946, "a \"quote\"");

  bilat_event_set_date (event, date);
  bilat_event_set_title (event, "Friendship 2016");
  bilat_event_set_summary (event, "The first joint exercise.\nIn the hills.");
  bilat_event_set_place (event, place);
  bilat_event_set_sectors (event, BILAT_SECTOR_DEFENCE | BILAT_SECTOR_SECURITY);
  bilat_event_set_cameo_code (event, "042");
  bilat_event_set_goldstein (event, 5.2);
  bilat_event_add_participant (event, "PAK", BILAT_ROLE_PARTICIPANT);
  bilat_event_add_participant (event, "RUS", BILAT_ROLE_PARTICIPANT);
  bilat_record_add_citation (BILAT_RECORD (event), citation);
}

static void
test_subclass_by_properties (void **state)
{
  g_autoptr(BilatEvent) own = bilat_event_new ("friendship-2016");
  g_autoptr(BilatEvent) app = g_object_new (app_event_get_type (), "id", "friendship-2016", NULL);
  g_autoptr(JsonNode) own_node = NULL;
  g_autoptr(JsonNode) app_node = NULL;
  g_autofree char *own_text = NULL;
  g_autofree char *app_text = NULL;

  fill_event (own);
  fill_event (app);
  own_node = bilat_record_to_json (BILAT_RECORD (own));
  app_node = bilat_record_to_json (BILAT_RECORD (app));
  own_text = print (own_node);
  app_text = print (app_node);
  assert_string_equal (app_text, own_text);
  assert_non_null (strstr (own_text, "\"sectors\": [\"defence\", \"security\"]"));
  assert_non_null (strstr (own_text, "\"actor\": \"PAK\""));
  assert_non_null (strstr (own_text, "\"latitude\": 33.8167"));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_doubles_as_text),
    cmocka_unit_test (test_doubles_at_the_edges),
    cmocka_unit_test (test_doubles_of_few_digits),
    cmocka_unit_test (test_doubles_of_random_bits),
    cmocka_unit_test (test_printer_layout),
    cmocka_unit_test (test_printer_deep),
    cmocka_unit_test (test_strings_escaped),
    cmocka_unit_test (test_stream_is_the_printed_tree),
    cmocka_unit_test (test_write_to_stream),
    cmocka_unit_test (test_write_fails),
    cmocka_unit_test (test_write_cancelled),
    cmocka_unit_test (test_write_unsavable),
    cmocka_unit_test (test_save_large_file),
    cmocka_unit_test (test_subclass_by_properties),
  };

  return cmocka_run_group_tests (tests, make_large, free_large);
}
