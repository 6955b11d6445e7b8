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

#include "bilat-json-reader-private.h"

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

      report = bilat_store_import_events (store, file, BILAT_EVENT_FORMAT_AUTO, NULL,
                                          BILAT_IMPORT_FLAGS_NONE, NULL, NULL, NULL, &error);
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

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_fixtures_stream_equal),
    cmocka_unit_test (test_builtin_file_loads),
    cmocka_unit_test (test_member_order),
    cmocka_unit_test (test_references_ahead),
    cmocka_unit_test (test_repeated_event_ids),
    cmocka_unit_test (test_late_line),
    cmocka_unit_test (test_deep_nesting_streamed),
    cmocka_unit_test (test_not_json_refused),
    cmocka_unit_test (test_text_refused_where_it_is),
    cmocka_unit_test (test_read_error),
    cmocka_unit_test (test_tokens),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
