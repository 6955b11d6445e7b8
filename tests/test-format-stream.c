/* test-format-stream.c: the streaming reader of the JSON data format
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The reader takes a document a chunk at a time and a record at a time.
 * These tests hold it to what the whole-document reader did: the same
 * store and the same problems, whatever the size of the chunks the stream
 * gives, whatever the order of the document's members; and to what it
 * adds: no stack for deep nesting, no comments or single quotes, the right
 * line for a record a million lines down.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include <bilat/bilat.h>

#include "bilat-format-private.h"
#include "bilat-json-reader-private.h"
#include "bilat-segment-private.h"
#include "bilat-store-private.h"
#include "bilat-test-util.h"

/* A stream that gives at most a few bytes per read, so that every token
 * and every UTF-8 sequence is cut somewhere; or that fails after a given
 * number of bytes. */

#define TEST_TYPE_TRICKLE (test_trickle_get_type ())
G_DECLARE_FINAL_TYPE (TestTrickle, test_trickle, TEST, TRICKLE, GInputStream)

struct _TestTrickle
{
  GInputStream  parent_instance;
  GBytes       *bytes;
  gsize         offset;
  gsize         step;       /* the most a read gives */
  gsize         fail_at;    /* G_MAXSIZE: never */
};

G_DEFINE_FINAL_TYPE (TestTrickle, test_trickle, G_TYPE_INPUT_STREAM)

static gssize
test_trickle_read (GInputStream  *stream,
                   void          *buffer,
                   gsize          count,
                   GCancellable  *cancellable,
                   GError       **error)
{
  TestTrickle *self = TEST_TRICKLE (stream);
  gsize size = g_bytes_get_size (self->bytes);
  gsize n;

  if (self->offset >= self->fail_at)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE, "the disk went away");
      return -1;
    }

  /* The step varies, so that cuts fall everywhere. */
  n = MIN (MIN (count, size - self->offset), 1 + (self->offset * 7 + 3) % self->step);
  n = MIN (n, self->fail_at - self->offset);
  memcpy (buffer, (const char *) g_bytes_get_data (self->bytes, NULL) + self->offset, n);
  self->offset += n;

  return (gssize) n;
}

static void
test_trickle_finalize (GObject *object)
{
  g_bytes_unref (TEST_TRICKLE (object)->bytes);

  G_OBJECT_CLASS (test_trickle_parent_class)->finalize (object);
}

static void
test_trickle_class_init (TestTrickleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_trickle_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_trickle_read;
}

static void
test_trickle_init (TestTrickle *self)
{
}

static GInputStream *
trickle_new (const char *text,
             gsize       length,
             gsize       step)
{
  TestTrickle *self = g_object_new (TEST_TYPE_TRICKLE, NULL);

  self->bytes = g_bytes_new (text, length);
  self->step = step;
  self->fail_at = G_MAXSIZE;

  return G_INPUT_STREAM (self);
}

/* Helpers */

static char *
builtin_text (void)
{
  g_autoptr(BilatStore) store = bilat_store_new_builtin ("pakistan-russia", NULL);

  assert_non_null (store);

  return bilat_store_save_to_data (store, NULL, NULL);
}

/* A dataset of imported events, as `bilat import` writes them: the GDELT
 * 1.0, GDELT 2.0 and ICEWS fixtures in one store. */
static char *
imported_text (void)
{
  static const char * const fixtures[] = {
    "gdelt1-daily.export.CSV", "gdelt2.export.CSV", "icews.tab",
  };
  const char *srcdir = g_getenv ("BILAT_TEST_SRCDIR");
  g_autoptr(BilatStore) store = bilat_store_new ();

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = g_build_filename (srcdir, "data", "import", fixtures[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(BilatImportReport) report = NULL;
      g_autoptr(GError) error = NULL;

      report = import_file (store, file, &error);
      if (report == NULL)
        fail_msg ("importing %s: %s", fixtures[i], error->message);
    }
  assert_true (g_list_model_get_n_items (bilat_store_get_events (store)) > 10);

  return bilat_store_save_to_data (store, NULL, NULL);
}

/* Two stores are the same when they save to the same text, which names
 * every member of every record. */
static void
assert_same_store (BilatStore *a,
                   BilatStore *b)
{
  g_autofree char *text_a = bilat_store_save_to_data (a, NULL, NULL);
  g_autofree char *text_b = bilat_store_save_to_data (b, NULL, NULL);

  assert_non_null (text_a);
  assert_string_equal (text_a, text_b);
}

static BilatStore *
load_memory (const char *text,
             gssize      length)
{
  g_autoptr(GError) error = NULL;
  BilatStore *store = bilat_store_new ();

  if (!bilat_store_load_from_data (store, text, length, &error))
    fail_msg ("loading from memory: %s", error->message);

  return store;
}

static BilatStore *
load_trickle (const char *text,
              gsize       step)
{
  g_autoptr(GInputStream) stream = trickle_new (text, strlen (text), step);
  g_autoptr(GError) error = NULL;
  BilatStore *store = bilat_store_new ();

  if (!bilat_store_load_from_stream (store, stream, NULL, &error))
    fail_msg ("loading from a stream in steps of %" G_GSIZE_FORMAT ": %s", step, error->message);

  return store;
}

static char *
write_temp (const char *text,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("bilat-stream-XXXXXX.json", &path, &error);

  assert_true (fd >= 0);
  close (fd);
  assert_true (g_file_set_contents (path, text, length, &error));

  return path;
}

/* The problems, one line each, as `bilat validate` prints them. */
static char *
problems_text (GPtrArray *problems)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = bilat_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_printf (text, "%s\n", line);
    }

  return g_string_free (text, FALSE);
}

/* Validates @text from memory, from a file read in chunks, and from a
 * stream in small steps: the three must agree, on the problems and on
 * the error a load gives. Returns the problems. */
static GPtrArray *
validate_everywhere (const char *text,
                     gssize      length)
{
  gsize size = length >= 0 ? (gsize) length : strlen (text);
  g_autofree char *path = write_temp (text, (gssize) size);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) from_file = NULL;
  GPtrArray *from_memory = bilat_validate_data (text, (gssize) size, path);
  g_autofree char *expected = problems_text (from_memory);
  g_autofree char *got = NULL;

  from_file = bilat_validate_file (file, NULL, &error);
  assert_null (error);
  got = problems_text (from_file);
  assert_string_equal (expected, got);

  for (gsize step = 5; step <= 5000; step *= 1000)
    {
      g_autoptr(GInputStream) stream = trickle_new (text, size, step);
      g_autoptr(BilatStore) store = bilat_store_new ();
      g_autoptr(BilatStore) memory_store = bilat_store_new ();
      g_autoptr(GError) stream_error = NULL;
      g_autoptr(GError) memory_error = NULL;
      gboolean streamed = bilat_store_load_from_stream (store, stream, NULL, &stream_error);
      gboolean loaded = bilat_store_load_from_data (memory_store, text, (gssize) size,
                                                    &memory_error);

      assert_int_equal (streamed, loaded);
      assert_int_equal (streamed, from_memory->len == 0);
      if (!streamed)
        {
          /* The same problem, but for the name of the data. */
          const char *a = strchr (stream_error->message, ':');
          const char *b = strchr (memory_error->message, ':');

          assert_int_equal (stream_error->code, memory_error->code);
          assert_string_equal (a, b);
        }
    }

  g_unlink (path);

  return from_memory;
}

/* The same store and problems */

static void
test_fixtures_stream_equal (void **state)
{
  g_autofree char *builtin = builtin_text ();
  g_autofree char *imported = imported_text ();
  const char *texts[] = { builtin, imported };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr(BilatStore) memory = load_memory (texts[t], -1);
      g_autofree char *path = write_temp (texts[t], -1);
      g_autoptr(BilatStore) from_path = bilat_store_new ();
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;

      /* Steps of one byte cut everything; larger ones less. */
      for (gsize step = 1; step < 5000; step = step * 5 + 2)
        {
          g_autoptr(BilatStore) streamed = load_trickle (texts[t], step);

          assert_same_store (memory, streamed);
        }

      assert_true (bilat_store_load_from_path (from_path, path, &error));
      assert_same_store (memory, from_path);

      problems = validate_everywhere (texts[t], -1);
      assert_int_equal (problems->len, 0);
      g_unlink (path);
    }
}

static void
test_builtin_file_loads (void **state)
{
  const char *srcdir = g_getenv ("BILAT_TEST_SRCDIR");
  g_autofree char *path = g_build_filename (srcdir, "..", "lib", "data", "datasets",
                                            "pakistan-russia.json", NULL);
  g_autoptr(BilatStore) builtin = bilat_store_new_builtin ("pakistan-russia", NULL);
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GError) error = NULL;

  assert_true (bilat_store_load_from_path (store, path, &error));
  assert_null (error);
  assert_same_store (builtin, store);
}

/* The records of @text's top-level arrays, rewritten with the members in
 * the order given, each on a line of its own. */
static char *
reorder (const char  *text,
         const char **order)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *source, *target;

  assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  source = json_node_get_object (json_parser_get_root (parser));
  target = json_object_new ();
  for (guint i = 0; order[i] != NULL; i++)
    {
      if (json_object_has_member (source, order[i]))
        json_object_set_member (target, order[i],
                                json_node_copy (json_object_get_member (source, order[i])));
    }

  root = json_node_init_object (json_node_alloc (), target);
  json_object_unref (target);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

static void
test_member_order (void **state)
{
  static const char *orders[][8] = {
    { "events", "positions", "issues", "actors", "sources", "version", "format", NULL },
    { "version", "events", "format", "sources", "positions", "actors", "issues", NULL },
  };
  g_autofree char *builtin = builtin_text ();
  g_autofree char *imported = imported_text ();
  const char *texts[] = { builtin, imported };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr(BilatStore) expected = load_memory (texts[t], -1);

      for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
        {
          g_autofree char *text = reorder (texts[t], orders[o]);
          g_autoptr(BilatStore) memory = load_memory (text, -1);
          g_autoptr(BilatStore) streamed = load_trickle (text, 4096);
          g_autoptr(GPtrArray) problems = validate_everywhere (text, -1);

          assert_int_equal (problems->len, 0);
          assert_same_store (expected, memory);
          assert_same_store (expected, streamed);
        }
    }
}

/* A reference to a record further on resolves; one to nothing is found at
 * the end, on its own line, in the order of the records. */
static void
test_references_ahead (void **state)
{
  static const char text[] =
    "{\"events\": [\n"                                                     /* 1 */
    "  {\"id\": \"e1\", \"type\": \"event\", \"date\": null,\n"           /* 2 */
    "   \"participants\": [{\"actor\": \"PAK\"}],\n"                        /* 3 */
    "   \"citations\": [{\"source\": \"s1\"}, {\"source\": \"s2\"}]},\n"    /* 4 */
    "  {\"id\": \"e2\", \"type\": \"event\", \"date\": null,\n"           /* 5 */
    "   \"participants\": [{\"actor\": \"IND\"}]}],\n"                      /* 6 */
    " \"sources\": [{\"id\": \"s1\"}],\n"                                   /* 7 */
    " \"actors\": [{\"id\": \"PAK\", \"kind\": \"state\"}],\n"              /* 8 */
    " \"format\": \"bilat\", \"version\": 1}\n";                            /* 9 */
  g_autoptr(GPtrArray) problems = validate_everywhere (text, -1);
  BilatProblem *problem;

  assert_int_equal (problems->len, 2);
  problem = g_ptr_array_index (problems, 0);
  assert_int_equal (bilat_problem_get_code (problem), BILAT_FORMAT_ERROR_UNKNOWN_REFERENCE);
  assert_int_equal (bilat_problem_get_line (problem), 4);
  assert_string_equal (bilat_problem_get_field (problem), "citations[1].source");
  assert_string_equal (bilat_problem_get_record_id (problem), "e1");
  problem = g_ptr_array_index (problems, 1);
  assert_int_equal (bilat_problem_get_line (problem), 6);
  assert_string_equal (bilat_problem_get_field (problem), "participants[0].actor");
  assert_int_equal (bilat_problem_get_index (problem), 1);
}

/* Ids of imported events are kept as numbers and compared by sorting:
 * a repeat far from the first is still found, where it is. */
static void
test_repeated_event_ids (void **state)
{
  GString *text = g_string_new ("{\"format\": \"bilat\", \"version\": 1, \"events\": [\n");
  g_autoptr(GPtrArray) problems = NULL;
  BilatProblem *problem;
  g_autofree char *message = NULL;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "{\"id\": \"gdelt:%u\", \"type\": \"coded\", \"date\": "
                            "\"2019-01-02\", \"title\": \"t\"},\n", i == 2500 ? 17 : 10 + i);
  g_string_append (text, "{\"id\": \"icews:17\", \"type\": \"coded\", \"date\": null}]}\n");

  problems = validate_everywhere (text->str, (gssize) text->len);
  assert_int_equal (problems->len, 1);
  problem = g_ptr_array_index (problems, 0);
  assert_int_equal (bilat_problem_get_code (problem), BILAT_FORMAT_ERROR_DUPLICATE_ID);
  assert_int_equal (bilat_problem_get_line (problem), 2502);
  assert_int_equal (bilat_problem_get_index (problem), 2500);
  assert_string_equal (bilat_problem_get_record_id (problem), "gdelt:17");
  message = bilat_problem_to_string (problem);
  assert_non_null (strstr (message, "already the id of events[7]"));

  g_string_free (text, TRUE);
}

/* Events kept as rows of a segment builder are checked for repeated ids
 * there, not here: the problems must be those of a check that keeps every
 * id itself, whatever mix of rows, objects and ids the events have. */
static void
test_repeated_ids_rows_and_objects (void **state)
{
  GRand *rand = g_rand_new_with_seed (11);

  for (guint round = 0; round < 40; round++)
    {
      GString *text = g_string_new ("{\"format\": \"bilat\", \"version\": 1, \"events\": [\n");
      guint n = 20 + (guint) g_rand_int_range (rand, 0, 300);
      g_autoptr(GPtrArray) expected = NULL;
      g_autoptr(GPtrArray) got = NULL;
      g_autoptr(GInputStream) stream = NULL;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      _BilatFormatRecords records = { _bilat_segment_builder_new (), { NULL } };

      for (guint i = 0; i < n; i++)
        {
          static const char * const prefixes[] = { "gdelt:", "icews:", "e" };
          /* Every third round, only ids a row can have: no problem is
           * found before the end, and every row is built. */
          const char *prefix = prefixes[g_rand_int_range (rand, 0, round % 3 == 2 ? 2 : 3)];
          guint number = (guint) g_rand_int_range (rand, 1, round % 2 ? 40 : 400);

          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0:   /* an event, an object */
              g_string_append_printf (text, "{\"id\": \"%s%u\", \"type\": \"event\", \"date\": \"2019\", \"title\": \"t\"}", prefix, number);
              break;
            case 1:   /* a coded event with a summary: an object */
              g_string_append_printf (text, "{\"id\": \"%s%u\", \"type\": \"coded\", \"date\": \"2019-01-02\", "
                                      "\"title\": \"t\", \"summary\": \"s\"}", prefix, number);
              break;
            default:  /* a coded event a row can hold, on one line or two */
              g_string_append_printf (text, "{\"type\": \"coded\", \"date\": \"2019-01-%02u\",%s\"id\": \"%s%u\", "
                                      "\"title\": \"t\"}", 1 + number % 28, i % 3 ? "\n" : " ", prefix, number);
              break;
            }
          g_string_append (text, i + 1 < n ? ",\n" : "\n");
        }
      g_string_append (text, "]}\n");

      expected = bilat_validate_data (text->str, (gssize) text->len, "ids.json");
      stream = g_memory_input_stream_new_from_data (text->str, (gssize) text->len, NULL);
      got = _bilat_format_read_stream (stream, NULL, "ids.json", NULL, &records, NULL);
      assert_non_null (got);
      a = problems_text (expected);
      b = problems_text (got);
      assert_string_equal (a, b);
      if (round == 0)
        assert_true (expected->len > 0);

      _bilat_segment_builder_free (records.builder);
      for (int kind = 0; kind < _BILAT_N_KINDS; kind++)
        g_clear_pointer (&records.records[kind], g_ptr_array_unref);
      g_ptr_array_unref (g_steal_pointer (&expected));
      g_string_free (text, TRUE);
    }
  g_rand_free (rand);
}

/* Large documents */

/* A line number is counted, not guessed: a problem in the last of many
 * records, read chunk after chunk, is on its line. */
static void
test_late_line (void **state)
{
  GString *text = g_string_new ("{\n  \"format\": \"bilat\",\n  \"version\": 1,\n"
                                "  \"actors\": [{\"id\": \"PAK\", \"kind\": \"state\"}],\n"
                                "  \"events\": [\n");
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  const guint n = 40000;
  guint line = 1;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text,
                            "    {\n      \"id\": \"gdelt:%u\",\n      \"type\": \"coded\",\n"
                            "      \"date\": \"2019-10-%02u\",\n      \"title\": \"event %u\",\n"
                            "      \"participants\": [\n        {\"actor\": \"PAK\", "
                            "\"role\": \"initiator\"}\n      ]\n    },\n",
                            100 + i, 1 + i % 28, i);
  g_string_append (text, "    {\n      \"id\": \"late\",\n      \"type\": \"event\",\n"
                         "      \"date\": \"2018-13\"\n    }\n  ]\n}\n");
  for (const char *p = text->str, *bad = strstr (text->str, "\"2018-13\""); p < bad; p++)
    line += *p == '\n';
  assert_true (text->len > 4 * 256 * 1024);

  path = write_temp (text->str, (gssize) text->len);
  expected = g_strdup_printf ("%s:%u: events[%u] “late”: member “date”: ", path, line, n);
  assert_false (bilat_store_load_from_path (store, path, &error));
  if (!g_str_has_prefix (error->message, expected))
    fail_msg ("expected “%s…”, got “%s”", expected, error->message);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 0);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_actors (store)), 0);

  g_clear_error (&error);
  file = g_file_new_for_path (path);
  problems = bilat_validate_file (file, NULL, &error);
  assert_non_null (problems);
  assert_int_equal (problems->len, 1);
  assert_int_equal (bilat_problem_get_line (g_ptr_array_index (problems, 0)), line);

  /* Without the bad record, the same text loads, its events in columns. */
  g_string_truncate (text, strstr (text->str, "    {\n      \"id\": \"late\"") - text->str - 2);
  g_string_append (text, "\n  ]\n}\n");
  g_clear_object (&store);
  store = load_trickle (text->str, 100000);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), n);
  {
    g_autoptr(BilatEvent) event = g_list_model_get_item (bilat_store_get_events (store), 0);

    assert_true (BILAT_IS_CODED_EVENT (event));
  }

  g_unlink (path);
  g_string_free (text, TRUE);
}

/* Bad text */

static void
assert_invalid_json (const char *text,
                     gssize      length,
                     const char *part)
{
  g_autoptr(GPtrArray) problems = validate_everywhere (text, length);
  const char *message;

  assert_int_equal (problems->len, 1);
  assert_int_equal (bilat_problem_get_code (g_ptr_array_index (problems, 0)),
                    BILAT_FORMAT_ERROR_INVALID_JSON);
  message = bilat_problem_get_message (g_ptr_array_index (problems, 0));
  if (part != NULL && strstr (message, part) == NULL)
    fail_msg ("expected “%s” in “%s”", part, message);
}

static void
test_deep_nesting_streamed (void **state)
{
  GString *text = g_string_new ("{\"format\": \"bilat\", \"version\": 1, \"events\": ");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  assert_invalid_json (text->str, (gssize) text->len, "deep");

  /* Deep, but not too deep, is only not a dataset. */
  g_string_assign (text, "{\"format\": \"bilat\", \"version\": 1, \"x\": ");
  for (guint i = 0; i < 500; i++)
    g_string_append (text, "{\"a\": [");
  g_string_append (text, "1");
  for (guint i = 0; i < 500; i++)
    g_string_append (text, "]}");
  g_string_append (text, "}");
  assert_invalid_json (text->str, (gssize) text->len, "deep");

  g_string_free (text, TRUE);
}

static void
test_not_json_refused (void **state)
{
  /* json-glib took these; JSON does not. */
  assert_invalid_json ("{\"format\": \"bilat\", /* a comment */ \"version\": 1}", -1, "comment");
  assert_invalid_json ("{\"format\": \"bilat\", // a comment\n\"version\": 1}", -1, "comment");
  assert_invalid_json ("{'format': 'bilat', 'version': 1}", -1, "quotes");
  assert_invalid_json ("{\"format\": 'bilat', \"version\": 1}", -1, "quotes");
  assert_invalid_json ("{\"format\": \"bilat\", \"version\": 0x1}", -1, NULL);
  assert_invalid_json ("{\"format\": \"bilat\", \"version\": 01}", -1, NULL);
  assert_invalid_json ("{\"format\": \"bilat\", \"version\": 1, \"x\": \"a\tb\"}", -1, "escape");
  assert_invalid_json ("{\"format\": \"bilat\", \"version\": 1} {}", -1, "after the document");
  assert_invalid_json ("{\"format\": \"bilat\", \"version\": 1, \"events\": [1,]}", -1, NULL);
  assert_invalid_json ("{\"format\": \"bilat\", \"version\": 1,\n\"x\": \"\\x41\"}", -1, NULL);

  /* The hidden quote that blinded the nesting check before. */
  {
    GString *text = g_string_new ("{\"format\": \"bilat\", \"version\": 1, \"x\": /* \" */ ");

    for (guint i = 0; i < 100000; i++)
      g_string_append_c (text, '[');
    assert_invalid_json (text->str, (gssize) text->len, "comment");
    g_string_free (text, TRUE);
  }
}

static void
test_text_refused_where_it_is (void **state)
{
  g_autoptr(GPtrArray) nul = NULL;
  g_autoptr(GPtrArray) numbers = NULL;

  /* Bytes that are not UTF-8, or a NUL, on line 3, found in any chunk. */
  assert_invalid_json ("{\"format\": \"bilat\",\n\"version\": 1,\n\"x\": \"caf\xe9\"}", -1, "UTF-8");
  assert_invalid_json ("{\"format\": \"bilat\",\n\"version\": 1,\n\"x\": \"caf\xc3\"}", -1, "UTF-8");
  assert_invalid_json ("{\"format\": \"bilat\",\n\"version\": 1}\n\0", 36, "UTF-8");

  /* An escaped NUL cuts no string short: it is refused where it is. */
  nul = validate_everywhere ("{\"format\": \"bilat\", \"version\": 1,\n"
                             "\"sources\": [{\"id\": \"s\", \"title\": \"a\\u0000b\"}]}", -1);
  assert_int_equal (nul->len, 1);
  assert_int_equal (bilat_problem_get_code (g_ptr_array_index (nul, 0)),
                    BILAT_FORMAT_ERROR_INVALID_VALUE);
  assert_string_equal (bilat_problem_get_field (g_ptr_array_index (nul, 0)), "title");

  /* Numbers too large are quoted as written, not as what they became. */
  numbers = validate_everywhere ("{\"format\": \"bilat\", \"version\": 1, \"events\": [\n"
                                 "{\"id\": \"x\", \"type\": \"exercise\", \"date\": null, "
                                 "\"edition\": 99999999999999999999,\n"
                                 "\"place\": {\"name\": \"p\", \"latitude\": 1e999, "
                                 "\"longitude\": 0}}]}", -1);
  assert_int_equal (numbers->len, 2);
  assert_non_null (strstr (bilat_problem_get_message (g_ptr_array_index (numbers, 0)),
                           "99999999999999999999 is out of range"));
  assert_non_null (strstr (bilat_problem_get_message (g_ptr_array_index (numbers, 1)),
                           "1e999 is out of range"));
}

static void
test_read_error (void **state)
{
  g_autofree char *text = builtin_text ();
  g_autoptr(GInputStream) stream = trickle_new (text, strlen (text), 4096);
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GError) error = NULL;

  TEST_TRICKLE (stream)->fail_at = strlen (text) / 2;
  assert_false (bilat_store_load_from_stream (store, stream, NULL, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE));
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (store)), 0);
}

/* The tokenizer on its own */

static void
test_tokens (void **state)
{
  static const char text[] = "\xEF\xBB\xBF [ -0, 12, -9223372036854775808, 9223372036854775808,"
                             " 1.5e3, \"a\\u00e9\\ud83d\\ude00\", true, false, null, {\"k\":\n[]} ]";
  static const _BilatJsonToken expected[] = {
    _BILAT_JSON_BEGIN_ARRAY, _BILAT_JSON_INTEGER, _BILAT_JSON_INTEGER, _BILAT_JSON_INTEGER,
    _BILAT_JSON_INTEGER, _BILAT_JSON_DOUBLE, _BILAT_JSON_STRING, _BILAT_JSON_BOOLEAN,
    _BILAT_JSON_BOOLEAN, _BILAT_JSON_NULL, _BILAT_JSON_BEGIN_OBJECT, _BILAT_JSON_MEMBER,
    _BILAT_JSON_BEGIN_ARRAY, _BILAT_JSON_END_ARRAY, _BILAT_JSON_END_OBJECT,
    _BILAT_JSON_END_ARRAY, _BILAT_JSON_END,
  };

  for (gsize step = 0; step <= 3; step++)
    {
      g_autoptr(GInputStream) stream = step > 0 ? trickle_new (text, sizeof text - 1, step) : NULL;
      _BilatJsonReader *reader = step > 0 ? _bilat_json_reader_new_for_stream (stream, NULL)
                                          : _bilat_json_reader_new_for_data (text, sizeof text - 1);

      for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
        {
          _BilatJsonToken token = _bilat_json_reader_next (reader);
          gboolean overflow;
          gsize length;
          const char *string;

          if (token != expected[i])
            {
              const char *message = NULL;

              _bilat_json_reader_get_error (reader, &message, NULL, NULL);
              fail_msg ("token %u: %d instead of %d (%s)", i, token, expected[i],
                        message != NULL ? message : "");
            }
          switch (i)
            {
            case 1:
              assert_int_equal (_bilat_json_reader_get_integer (reader, &overflow), 0);
              break;
            case 3:
              assert_true (_bilat_json_reader_get_integer (reader, &overflow) == G_MININT64);
              assert_false (overflow);
              break;
            case 4:
              _bilat_json_reader_get_integer (reader, &overflow);
              assert_true (overflow);
              break;
            case 5:
              assert_true (_bilat_json_reader_get_double (reader) == 1500.0);
              break;
            case 6:
              string = _bilat_json_reader_get_string (reader, &length);
              assert_int_equal (length, strlen ("aé😀"));
              assert_memory_equal (string, "aé😀", length);
              break;
            case 12:
              assert_int_equal (_bilat_json_reader_get_line (reader), 2);
              assert_int_equal (_bilat_json_reader_get_depth (reader), 3);
              break;
            default:
              break;
            }
        }
      _bilat_json_reader_free (reader);
    }
}

/* The tokenizer's own checks, held to GLib's */

/* Text is refused as not UTF-8 exactly where g_utf8_validate_len() stops,
 * read from memory or from a stream that cuts it anywhere. */
static void
test_utf8_as_glib (void **state)
{
#define EDGE(bytes) { bytes, sizeof bytes - 1 }
  static const struct
  {
    const char *bytes;
    gsize       length;
  } edges[] = {
    EDGE ("\xc2\x80"), EDGE ("\xc1\xbf"), EDGE ("\xdf\xbf"), EDGE ("\xe0\xa0\x80"),
    EDGE ("\xe0\x9f\xbf"), EDGE ("\xed\x9f\xbf"), EDGE ("\xed\xa0\x80"), EDGE ("\xee\x80\x80"),
    EDGE ("\xef\xbf\xbf"), EDGE ("\xf0\x90\x80\x80"), EDGE ("\xf0\x8f\xbf\xbf"),
    EDGE ("\xf4\x8f\xbf\xbf"), EDGE ("\xf4\x90\x80\x80"), EDGE ("\xf5\x80\x80\x80"),
    EDGE ("\xff"), EDGE ("\x80"), EDGE ("\xc2"), EDGE ("\xe2\x82"), EDGE ("\xf0\x9f\x98"),
    EDGE ("a\0b"), EDGE ("\xef\xbb\xbf"),
  };
#undef EDGE
  GRand *rand = g_rand_new_with_seed (20191024);

  for (guint round = 0; round < 4000; round++)
    {
      GString *bytes = g_string_new (NULL);
      GString *text = g_string_new ("[\"");
      const char *valid_end;
      gboolean valid;
      guint parts = g_rand_int_range (rand, 1, 8);

      /* Runs of ASCII long enough to be read a word at a time, between
       * sequences good and bad. */
      for (guint i = 0; i < parts; i++)
        {
          guint run = g_rand_int_range (rand, 0, 20);

          for (guint j = 0; j < run; j++)
            g_string_append_c (bytes, (char) g_rand_int_range (rand, 'a', 'z' + 1));
          if (g_rand_boolean (rand))
            {
              guint edge = g_rand_int_range (rand, 0, G_N_ELEMENTS (edges));

              g_string_append_len (bytes, edges[edge].bytes, (gssize) edges[edge].length);
            }
          else
            {
              guint n = g_rand_int_range (rand, 1, 5);

              for (guint j = 0; j < n; j++)
                g_string_append_c (bytes, (char) g_rand_int_range (rand, 0x80, 0x100));
            }
        }
      valid = g_utf8_validate_len (bytes->str, bytes->len, &valid_end);
      g_string_append_len (text, bytes->str, (gssize) bytes->len);
      g_string_append (text, "\"]");

      for (gsize step = 0; step <= 3; step++)
        {
          g_autoptr(GInputStream) stream = step > 0 ? trickle_new (text->str, text->len, step)
                                                    : NULL;
          _BilatJsonReader *reader = step > 0 ? _bilat_json_reader_new_for_stream (stream, NULL)
                                              : _bilat_json_reader_new_for_data (text->str,
                                                                                 text->len);
          _BilatJsonToken token;
          const char *message = NULL;
          g_autofree char *expected = NULL;

          do
            token = _bilat_json_reader_next (reader);
          while (token != _BILAT_JSON_END && token != _BILAT_JSON_ERROR);

          if (valid)
            {
              if (token == _BILAT_JSON_ERROR)
                {
                  _bilat_json_reader_get_error (reader, &message, NULL, NULL);
                  fail_msg ("round %u, step %" G_GSIZE_FORMAT ": %s", round, step, message);
                }
            }
          else
            {
              /* The bytes come after "[\"". */
              assert_int_equal (token, _BILAT_JSON_ERROR);
              if (_bilat_json_reader_get_error (reader, &message, NULL, NULL) !=
                  _BILAT_JSON_READER_ENCODING)
                fail_msg ("round %u, step %" G_GSIZE_FORMAT ": %s", round, step, message);
              expected = g_strdup_printf ("(at byte %" G_GSIZE_FORMAT ")",
                                          (gsize) (valid_end - bytes->str) + 2);
              if (!g_str_has_suffix (message, expected))
                fail_msg ("round %u, step %" G_GSIZE_FORMAT ": %s, not %s", round, step,
                          message, expected);
            }
          _bilat_json_reader_free (reader);
        }

      g_string_free (bytes, TRUE);
      g_string_free (text, TRUE);
    }

  g_rand_free (rand);
}

/* Runs of white space of every length, read a word at a time, still
 * count their lines. */
static void
test_white_space_lines (void **state)
{
  GString *text = g_string_new ("[");
  guint line = 1;
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < 200; i++)
    {
      for (guint j = 0; j < i % 23; j++)
        g_string_append_c (text, j % 7 == 6 ? '\t' : ' ');
      g_string_append_printf (text, "%s%u", i > 0 ? "," : "", i);
      g_array_append_val (lines, line);
      for (guint j = 0; j < i % 3; j++, line++)
        g_string_append (text, i % 2 == 0 ? "\n" : "\r\n");
    }
  g_string_append (text, "]");

  for (gsize step = 0; step <= 9; step += 3)
    {
      g_autoptr(GInputStream) stream = step > 0 ? trickle_new (text->str, text->len, step) : NULL;
      _BilatJsonReader *reader = step > 0 ? _bilat_json_reader_new_for_stream (stream, NULL)
                                          : _bilat_json_reader_new_for_data (text->str, text->len);

      assert_int_equal (_bilat_json_reader_next (reader), _BILAT_JSON_BEGIN_ARRAY);
      for (guint i = 0; i < lines->len; i++)
        {
          assert_int_equal (_bilat_json_reader_next (reader), _BILAT_JSON_INTEGER);
          assert_int_equal (_bilat_json_reader_get_integer (reader, NULL), i);
          assert_int_equal (_bilat_json_reader_get_line (reader), g_array_index (lines, guint, i));
        }
      assert_int_equal (_bilat_json_reader_next (reader), _BILAT_JSON_END_ARRAY);
      assert_int_equal (_bilat_json_reader_next (reader), _BILAT_JSON_END);
      _bilat_json_reader_free (reader);
    }

  g_array_unref (lines);
  g_string_free (text, TRUE);
}

/* Numbers read as doubles are what g_ascii_strtod() reads. */
static void
test_numbers_as_strtod (void **state)
{
  static const char * const edges[] = {
    "0.1", "-0.0", "0.30000000000000004", "9007199254740993.5", "9007199254740992e22",
    "1e22", "1e23", "123456789012345678e-5", "1.7976931348623157e308", "4.9e-324",
    "2.2250738585072014e-308", "0.000000000000000000001", "1e-22", "12345678901234567890.5",
    "1E+2", "1e-0", "-1.5e-7",
  };
  GRand *rand = g_rand_new_with_seed (42);
  GString *text = g_string_new ("[");
  GPtrArray *numbers = g_ptr_array_new_with_free_func (g_free);
  _BilatJsonReader *reader;

  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    g_ptr_array_add (numbers, g_strdup (edges[i]));
  for (guint i = 0; i < 20000; i++)
    {
      GString *number = g_string_new (g_rand_boolean (rand) ? "-" : "");
      guint digits = g_rand_int_range (rand, 1, 22);

      g_string_append_c (number, (char) g_rand_int_range (rand, '1', '9' + 1));
      for (guint d = 1; d < digits; d++)
        g_string_append_c (number, (char) g_rand_int_range (rand, '0', '9' + 1));
      if (g_rand_boolean (rand))
        g_string_insert_c (number, (gssize) number->len - g_rand_int_range (rand, 0, digits), '.');
      if (number->str[number->len - 1] == '.')
        g_string_append_c (number, '0');
      if (g_rand_int_range (rand, 0, 3) == 0)
        g_string_append_printf (number, "e%d", g_rand_int_range (rand, -30, 30));
      if (strchr (number->str, '.') == NULL && strchr (number->str, 'e') == NULL)
        g_string_append (number, ".0");
      g_ptr_array_add (numbers, g_string_free (number, FALSE));
    }
  for (guint i = 0; i < numbers->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", (char *) numbers->pdata[i]);
  g_string_append (text, "]");

  reader = _bilat_json_reader_new_for_data (text->str, text->len);
  assert_int_equal (_bilat_json_reader_next (reader), _BILAT_JSON_BEGIN_ARRAY);
  for (guint i = 0; i < numbers->len; i++)
    {
      const char *number = numbers->pdata[i];
      double expected = g_ascii_strtod (number, NULL);
      double got;

      assert_int_equal (_bilat_json_reader_next (reader), _BILAT_JSON_DOUBLE);
      got = _bilat_json_reader_get_double (reader);
      /* Bit for bit: the sign of a zero counts. */
      if (memcmp (&got, &expected, sizeof got) != 0)
        fail_msg ("%s: %.17g, not %.17g", number, got, expected);
    }
  assert_int_equal (_bilat_json_reader_next (reader), _BILAT_JSON_END_ARRAY);
  _bilat_json_reader_free (reader);

  g_ptr_array_unref (numbers);
  g_string_free (text, TRUE);
  g_rand_free (rand);
}

/* Coded events the short way */

/* A coded event of the form a segment holds, member by member; the
 * variants below change one member at a time. */
static const char * const coded_members[][2] = {
  { "id", "\"gdelt:42\"" },
  { "type", "\"coded\"" },
  { "date", "\"2019-10-24\"" },
  { "title", "\"CROATIA → SWISS: Yield\"" },
  { "participants", "[{\"actor\": \"HRV\", \"role\": \"initiator\"}, "
                    "{\"actor\": \"CHE\", \"role\": \"target\"}]" },
  { "place", "{\"name\": \"Zagreb\", \"country\": \"HRV\", \"latitude\": 45.8, "
             "\"longitude\": 15.97}" },
  { "cameo", "\"080\"" },
  { "goldstein", "1.5" },
  { "citations", "[{\"source\": \"url:0123456789abcdef\"}]" },
  { "dataset", "\"gdelt2\"" },
  { "actor1_code", "\"HRV\"" },
  { "actor1_name", "\"CROATIA\"" },
  { "actor1_types", "\"GOV\"" },
  { "actor2_code", "\"CHE\"" },
  { "actor2_name", "\"SWISS\"" },
  { "actor2_types", "\"\"" },
  { "root_event", "true" },
  { "mentions", "6" },
  { "sources", "1" },
  { "articles", "6" },
  { "tone", "-1.02459016393443" },
  { "url", "\"https://example.org/a\"" },
  { "date_added", "\"2019-10-25\"" },
};

/* Values tried for every member: absent (NULL), null, and each JSON type
 * of the wrong kind for most. */
static const char * const any_values[] = {
  NULL, "null", "5", "-1", "2.5", "\"x\"", "\"\"", "true", "[]", "{}", "[\"x\"]",
};

/* Values tried for some members. */
static const char * const some_values[][2] = {
  { "id", "\"gdelt:01\"" }, { "id", "\"gdelt:abc\"" }, { "id", "\"nocolon7\"" },
  { "id", "\"gdelt:123456789012345678\"" }, { "id", "\"a:b:1\"" }, { "id", "\"icews:5\"" },
  { "id", "\"bad id\"" }, { "id", "\"gdelt:4\\u00002\"" },
  { "id", "\"a_very_long_prefix_of_twenty_five:1\"" },
  { "type", "\"event\"" }, { "type", "\"exercise\"" }, { "type", "\"Coded\"" },
  { "date", "\"2019-10\"" }, { "date", "\"2019\"" }, { "date", "\"2019-02-29\"" },
  { "date", "\"2020-02-29\"" }, { "date", "\"1900-02-29\"" }, { "date", "\"2000-02-29\"" },
  { "date", "\"0000-01-01\"" }, { "date", "\"0001-01-01\"" }, { "date", "\"9999-12-31\"" },
  { "date", "\"2019-13-01\"" }, { "date", "\"2019-00-10\"" }, { "date", "\"2019-04-31\"" },
  { "date", "\"2019-10-24/2019-10-25\"" }, { "date", "\"2019-10-2x\"" },
  { "date", "\"2019/10/24\"" }, { "date", "\"19-10-24\"" }, { "date", "\" 2019-10-24\"" },
  { "date_added", "\"2019-10\"" }, { "date_added", "\"2019-02-30\"" },
  { "date_added", "\"2019-10-24/2019-10-25\"" }, { "date_added", "\"0001-01-01\"" },
  { "title", "\"\\ud800\"" }, { "title", "\"a\\u0000b\"" }, { "title", "\"é \\u00e9 \\ud83d\\ude00\"" },
  { "title", "\"HRV\"" },
  { "summary", "\"What happened\"" }, { "summary", "null" },
  { "sectors", "[]" }, { "sectors", "[\"economy\"]" }, { "sectors", "null" },
  { "participants", "[{\"actor\": \"HRV\"}]" },
  { "participants", "[{\"actor\": \"HRV\", \"role\": \"target\"}]" },
  { "participants", "[{\"actor\": \"HRV\", \"role\": \"initiator\"}]" },
  { "participants", "[{\"actor\": \"HRV\", \"role\": \"target\"}, "
                    "{\"actor\": \"CHE\", \"role\": \"initiator\"}]" },
  { "participants", "[{\"actor\": \"HRV\", \"role\": \"initiator\"}, "
                    "{\"actor\": \"HRV\", \"role\": \"target\"}]" },
  { "participants", "[{\"actor\": \"HRV\", \"role\": \"target\"}, "
                    "{\"actor\": \"CHE\", \"role\": \"target\"}]" },
  { "participants", "[{\"actor\": \"HRV\", \"role\": \"mediator\"}]" },
  { "participants", "[{\"actor\": \"HRV\", \"role\": \"participant\"}]" },
  { "participants", "[{\"actor\": \"HRV\", \"role\": \"Initiator\"}]" },
  { "participants", "[{\"actor\": \"HRV\", \"role\": \"initiator\"}, "
                    "{\"actor\": \"CHE\", \"role\": \"target\"}, "
                    "{\"actor\": \"AFG\", \"role\": \"target\"}]" },
  { "participants", "[{\"actor\": \"HRV\", \"role\": \"initiator\", \"x\": 1}]" },
  { "participants", "[{\"actor\": \"HRV\", \"role\": \"initiator\", \"actor\": \"CHE\"}]" },
  { "participants", "[{\"actor\": \"NOPE\", \"role\": \"initiator\"}]" },
  { "participants", "[{\"actor\": null, \"role\": \"initiator\"}]" },
  { "participants", "[{\"actor\": \"HRV\", \"role\": null}]" },
  { "participants", "[{\"actor\": \"bad id\", \"role\": \"initiator\"}]" },
  { "participants", "[{\"actor\": \"HRV\", \"role\": 1}]" },
  { "participants", "[null]" }, { "participants", "[\"HRV\"]" },
  { "place", "{\"name\": \"Zagreb\"}" }, { "place", "{\"country\": \"HRV\"}" },
  { "place", "{\"subdivision\": \"HR-21\"}" }, { "place", "{\"subdivision\": \"XX-99\"}" },
  { "place", "{\"subdivision\": \"HR-21\", \"country\": \"HRV\", \"name\": null}" },
  { "place", "{\"country\": \"XXX\"}" }, { "place", "{\"country\": \"hrv\"}" },
  { "place", "{\"country\": \"SUN\"}" }, { "place", "{}" }, { "place", "{\"name\": null}" },
  { "place", "{\"latitude\": 1, \"longitude\": 2}" },
  { "place", "{\"name\": \"X\", \"latitude\": 1}" },
  { "place", "{\"name\": \"X\", \"longitude\": 1, \"latitude\": null}" },
  { "place", "{\"name\": \"X\", \"latitude\": 91, \"longitude\": 0}" },
  { "place", "{\"name\": \"X\", \"latitude\": -90, \"longitude\": 180}" },
  { "place", "{\"name\": \"X\", \"latitude\": 1e400, \"longitude\": 0}" },
  { "place", "{\"name\": \"X\", \"latitude\": \"1\", \"longitude\": 0}" },
  { "place", "{\"name\": \"X\", \"lat\": 1}" }, { "place", "{\"name\": \"X\", \"name\": \"Y\"}" },
  { "place", "{\"name\": 5}" }, { "place", "{\"name\": \"\\ud800\"}" },
  { "cameo", "\"0\"" }, { "cameo", "\"08\"" }, { "cameo", "\"0800\"" }, { "cameo", "\"00000\"" },
  { "cameo", "\"080a\"" }, { "cameo", "\"999\"" }, { "cameo", "\"01\"" }, { "cameo", "\"0311\"" },
  { "cameo", "\"08\\u00000\"" },
  { "goldstein", "10" }, { "goldstein", "-10" }, { "goldstein", "10.5" },
  { "goldstein", "1e400" }, { "goldstein", "-0.0" }, { "goldstein", "0.1e1" },
  { "goldstein", "99999999999999999999" },
  { "citations", "[{\"source\": \"url:0123456789abcdef\"}, {\"source\": \"s1\"}]" },
  { "citations", "[{\"source\": \"s1\", \"paragraph\": 2}]" },
  { "citations", "[{\"source\": \"s1\", \"paragraph\": null}]" },
  { "citations", "[{\"source\": \"s1\", \"start\": 1, \"end\": 3}]" },
  { "citations", "[{\"source\": \"s1\", \"start\": 1}]" },
  { "citations", "[{\"source\": \"s1\", \"quote\": \"q\"}]" },
  { "citations", "[{\"source\": \"s1\", \"quote\": null, \"start\": null, \"end\": null}]" },
  { "citations", "[{\"source\": \"nope\"}]" }, { "citations", "[{}]" },
  { "citations", "[{\"paragraph\": 1}]" }, { "citations", "[{\"source\": null}]" },
  { "citations", "[{\"source\": \"s1\", \"source\": \"s1\"}]" },
  { "citations", "[{\"source\": \"s1\", \"page\": 1}]" }, { "citations", "[null]" },
  { "dataset", "\"icews\"" }, { "dataset", "\"auto\"" }, { "dataset", "\"gdelt1\"" },
  { "dataset", "\"nope\"" }, { "dataset", "\"GDELT2\"" },
  { "actor1_code", "\"\\u0000x\"" }, { "actor1_name", "\"\\ud800\"" },
  { "actor2_types", "\"é\"" }, { "url", "\"https://example.org/\\u00e9\"" },
  { "root_event", "false" },
  { "mentions", "0" }, { "mentions", "4294967295" }, { "mentions", "4294967296" },
  { "mentions", "99999999999999999999" }, { "mentions", "-0" }, { "mentions", "1e2" },
  { "sources", "3" }, { "articles", "-5" },
  { "tone", "0" }, { "tone", "-0.0" }, { "tone", "1e308" }, { "tone", "1e400" },
  { "tone", "99999999999999999999" }, { "tone", "0.30000000000000004" },
  { "tone", "123456789012345678901234567890" }, { "tone", "1.7976931348623157e308" },
  { "url", "\"\"" },
  { "series", "\"x\"" }, { "edition", "1" }, { "Title", "\"x\"" }, { "foo", "1" },
  { "id\\u0000", "\"x\"" }, { "title\\u0000x", "\"x\"" }, { "actor", "\"HRV\"" },
};

/* The document of one coded event with member @name set to @value (JSON
 * text; NULL to leave it out, or to add @name when it is not a member of
 * the template). */
static char *
coded_document (const char *name,
                const char *value)
{
  GString *text = g_string_new ("{\"format\": \"bilat\", \"version\": 1,\n"
                                " \"sources\": [{\"id\": \"url:0123456789abcdef\", "
                                "\"url\": \"https://example.org/a\"}, {\"id\": \"s1\"}],\n"
                                " \"actors\": [{\"id\": \"HRV\", \"kind\": \"state\"}, "
                                "{\"id\": \"CHE\", \"kind\": \"state\"}, "
                                "{\"id\": \"AFG\", \"kind\": \"state\"}],\n"
                                " \"events\": [\n  {");
  gboolean found = FALSE, first = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (coded_members); i++)
    {
      const char *member_value = coded_members[i][1];

      if (name != NULL && strcmp (name, coded_members[i][0]) == 0)
        {
          found = TRUE;
          member_value = value;
        }
      if (member_value == NULL)
        continue;
      g_string_append_printf (text, "%s\"%s\": %s", first ? "" : ",\n   ", coded_members[i][0],
                              member_value);
      first = FALSE;
    }
  if (name != NULL && !found && value != NULL)
    g_string_append_printf (text, ",\n   \"%s\": %s", name, value);

  g_string_append (text, "}]}\n");

  return g_string_free (text, FALSE);
}

/* Reads @text both ways: loading, where a coded event may go straight
 * into the columns, and reading records as objects, where every record
 * takes the general path. The two must give the same problems, the same
 * store and the same event as a row. */
static void
assert_coded_either_way (const char *text,
                         const char *what)
{
  g_autoptr(GPtrArray) checked = bilat_validate_data (text, -1, "<string>");
  GPtrArray *records[_BILAT_N_KINDS] = { NULL, };
  g_autoptr(GPtrArray) read = _bilat_format_read (text, -1, "<string>", NULL, records);
  g_autofree char *checked_text = problems_text (checked);
  g_autofree char *read_text = problems_text (read);
  g_autoptr(BilatStore) loaded = bilat_store_new ();
  g_autoptr(BilatStore) added = bilat_store_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok = bilat_store_load_from_data (loaded, text, -1, &error);

  if (strcmp (checked_text, read_text) != 0)
    fail_msg ("%s: the problems differ:\n%s---\n%s", what, checked_text, read_text);
  assert_int_equal (ok, read->len == 0);
  if (!ok)
    {
      g_autofree char *first = bilat_problem_to_string (g_ptr_array_index (read, 0));

      /* The load's error starts with the first problem. */
      assert_true (g_str_has_prefix (error->message, first));
      return;
    }

  for (int kind = 0; kind < _BILAT_N_KINDS; kind++)
    {
      for (guint i = 0; i < records[kind]->len; i++)
        assert_true (bilat_store_add (added, g_ptr_array_index (records[kind], i), NULL));
      g_ptr_array_unref (records[kind]);
    }

  {
    g_autofree char *loaded_text = bilat_store_save_to_data (loaded, NULL, NULL);
    g_autofree char *added_text = bilat_store_save_to_data (added, NULL, NULL);
    GListModel *events = bilat_store_get_events (added);
    BilatSegmentBuilder *builder = _bilat_segment_builder_new ();
    const guint8 *dead;
    BilatSegment *segment = _bilat_store_get_segment (loaded, &dead);

    if (loaded_text == NULL || added_text == NULL || strcmp (loaded_text, added_text) != 0)
      fail_msg ("%s: the stores differ:\n%s---\n%s", what, loaded_text, added_text);

    /* A row where loading the object would have made one. */
    for (guint i = 0; i < g_list_model_get_n_items (events); i++)
      {
        g_autoptr(BilatEvent) event = g_list_model_get_item (events, i);
        const char *id = bilat_record_get_id (BILAT_RECORD (event));
        gboolean as_row = BILAT_IS_CODED_EVENT (event) &&
                          _bilat_segment_builder_add_event (builder, BILAT_CODED_EVENT (event));
        gboolean is_row = segment != NULL && _bilat_segment_find_event (segment, id) >= 0;

        if (as_row != is_row)
          fail_msg ("%s: %s %s as a row", what, id, is_row ? "loaded" : "not loaded");
      }
    _bilat_segment_builder_free (builder);
  }
}

static void
test_coded_either_way (void **state)
{
  g_autofree char *plain = coded_document (NULL, NULL);

  assert_coded_either_way (plain, "the template");

  for (guint i = 0; i < G_N_ELEMENTS (coded_members); i++)
    {
      for (guint v = 0; v < G_N_ELEMENTS (any_values); v++)
        {
          g_autofree char *text = coded_document (coded_members[i][0], any_values[v]);
          g_autofree char *what = g_strdup_printf ("%s: %s", coded_members[i][0],
                                                   any_values[v] != NULL ? any_values[v]
                                                                         : "(absent)");

          assert_coded_either_way (text, what);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (some_values); i++)
    {
      g_autofree char *text = coded_document (some_values[i][0], some_values[i][1]);
      g_autofree char *what = g_strdup_printf ("%s: %s", some_values[i][0], some_values[i][1]);

      assert_coded_either_way (text, what);
    }
}

/* The same of every imported event of the fixtures and samples. */
static void
test_coded_samples_either_way (void **state)
{
  const char * const fixtures[] = { "gdelt1-daily.export.CSV", "gdelt2.export.CSV", "icews.tab", NULL };
  const char * const samples[] = { REAL_EVENT_SAMPLES, NULL };
  g_autoptr(GPtrArray) paths = event_file_paths (fixtures, samples);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(BilatStore) store = bilat_store_new ();
      g_autoptr(BilatImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      report = import_file (store, file, &error);
      if (report == NULL)
        fail_msg ("importing %s: %s", path, error->message);
      text = bilat_store_save_to_data (store, NULL, NULL);
      assert_coded_either_way (text, path);
    }
}

/* A Julian day number read from "YYYY-MM-DD" without a date is the
 * date's, for every day there is. */
static void
test_coded_days (void **state)
{
  GString *text = g_string_new ("{\"format\": \"bilat\", \"version\": 1, \"events\": [\n");
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GError) error = NULL;
  GListModel *events;
  guint n = 0;

  /* Every day of a few centuries, and the first and last days there are. */
  for (guint32 julian = 1; julian <= 3652059; julian += julian < 693000 || julian > 740000 ? 997 : 1)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, julian);
      g_string_append_printf (text, "%s{\"id\": \"gdelt:%u\", \"type\": \"coded\", "
                              "\"date\": \"%04u-%02u-%02u\", \"title\": \"t\", "
                              "\"date_added\": \"%04u-%02u-%02u\"}\n",
                              n > 0 ? "," : "", julian, g_date_get_year (&date),
                              g_date_get_month (&date), g_date_get_day (&date),
                              g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date));
      n++;
    }
  g_string_append (text, "]}\n");

  assert_true (bilat_store_load_from_data (store, text->str, (gssize) text->len, &error));
  events = bilat_store_get_events (store);
  assert_int_equal (g_list_model_get_n_items (events), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatCodedEvent) event = g_list_model_get_item (events, i);
      const char *id = bilat_record_get_id (BILAT_RECORD (event));
      guint32 julian = (guint32) g_ascii_strtoull (strchr (id, ':') + 1, NULL, 10);

      assert_int_equal (bilat_date_get_first_julian (bilat_event_get_date (BILAT_EVENT (event))),
                        julian);
      assert_int_equal (bilat_date_get_first_julian (bilat_coded_event_get_date_added (event)),
                        julian);
    }

  g_string_free (text, TRUE);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_fixtures_stream_equal),
    cmocka_unit_test (test_builtin_file_loads),
    cmocka_unit_test (test_member_order),
    cmocka_unit_test (test_references_ahead),
    cmocka_unit_test (test_repeated_event_ids),
    cmocka_unit_test (test_repeated_ids_rows_and_objects),
    cmocka_unit_test (test_late_line),
    cmocka_unit_test (test_deep_nesting_streamed),
    cmocka_unit_test (test_not_json_refused),
    cmocka_unit_test (test_text_refused_where_it_is),
    cmocka_unit_test (test_read_error),
    cmocka_unit_test (test_tokens),
    cmocka_unit_test (test_utf8_as_glib),
    cmocka_unit_test (test_white_space_lines),
    cmocka_unit_test (test_numbers_as_strtod),
    cmocka_unit_test (test_coded_either_way),
    cmocka_unit_test (test_coded_samples_either_way),
    cmocka_unit_test (test_coded_days),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
