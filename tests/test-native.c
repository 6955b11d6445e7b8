/* test-native.c: the native store file
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Round trips through a native file give the store a JSON round trip
 * gives; a file truncated anywhere or with any byte flipped is refused
 * with the name of the section, never loaded wrong; a save killed at a
 * random moment leaves the old file or the new one.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <bilat/bilat.h>
#include <glib/gstdio.h>
#include <xxhash.h>

#include "bilat-native-private.h"
#include "bilat-test-util.h"

static GPtrArray *
sample_paths (void)
{
  const char * const fixtures[] = { "gdelt2.export.CSV", "gdelt1-daily.export.CSV", "icews.tab", NULL };
  const char * const samples[] = { REAL_EVENT_SAMPLES, NULL };

  return event_file_paths (fixtures, samples);
}

/* Three roll calls, their topics and nine votes. */
static void
add_votes (BilatStore *store)
{
  const char *tables[] = {
    "rcid,session,importantvote,date,unres,amend,para,short,descr\n"
    "1,60,1,2005-11-02,R/60/1,0,0,First,\"The first, with a comma\"\n"
    "2,60,0,2005-12-20,R/60/2,,,Second,Second text\n"
    "3,61,0,2006-10-05,R/61/1,,,Third,Third text \xc3\xa9\n",
    "rcid,short_name,issue\n1,me,Palestinian conflict\n3,me,Palestinian conflict\n2,hr,Human rights\n",
    "rcid,country,country_code,vote\n1,Pakistan,PK,yes\n1,Russia,RU,yes\n1,United States,US,no\n"
    "2,Pakistan,PK,abstain\n2,Russia,RU,yes\n2,United States,US,yes\n"
    "3,Pakistan,PK,yes\n3,Russia,RU,no\n3,India,IN,yes\n",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (tables[i], -1, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(BilatImportReport) report =
        bilat_store_import_votes_from_stream (store, stream, "votes", BILAT_IMPORT_FLAGS_STRICT, NULL, &error);

      if (report == NULL)
        fail_msg ("%s", error->message);
    }
}

/* A store with imported rows and votes, and objects: the built-in
 * dataset. */
static BilatStore *
mixed_store (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatImportReport) report = NULL;
  BilatStore *store = bilat_store_new_builtin ("pakistan-russia", &error);

  assert_non_null (store);
  report = import_file (store, file, &error);
  if (report == NULL)
    fail_msg ("%s: %s", path, error->message);
  add_votes (store);
  return store;
}


/* The warnings a damaged file gives when its rows are dropped: counted,
 * not printed; any other message goes to the default writer. */
static guint damage_warnings;

static GLogWriterOutput
count_damage_warnings (GLogLevelFlags   level,
                       const GLogField *fields,
                       gsize            n_fields,
                       gpointer         user_data)
{
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (strcmp (fields[i].key, "MESSAGE") == 0)
      message = fields[i].value;
  if ((level & G_LOG_LEVEL_WARNING) && message != NULL && strstr (message, "left out of the store") != NULL)
    {
      damage_warnings++;
      return G_LOG_WRITER_HANDLED;
    }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* Loads the native file @bytes into the empty @target and uses its rows.
 * A damaged file is refused at opening, or — the rows being checked on
 * their first use — then: either way FALSE with @error, and nothing of
 * its rows is in @target, which refuses to be saved. */
static gboolean
load_and_use (BilatStore  *target,
              GBytes      *bytes,
              const char  *name,
              GError     **error)
{
  g_autoptr(BilatStore) builtin = bilat_store_new_builtin ("pakistan-russia", NULL);
  g_autoptr(GError) save_error = NULL;
  g_autofree char *saved = NULL;
  const GError *damage;
  guint warnings = damage_warnings;

  if (!_bilat_native_load_bytes (target, bytes, name, error))
    {
      assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (target)), 0);
      return FALSE;
    }
  damage = bilat_store_get_damage (target);
  if (damage == NULL)
    return TRUE;

  g_propagate_error (error, g_error_copy (damage));
  assert_int_equal (damage_warnings, warnings + 1);
  /* The file's objects (the built-in dataset, and the source its votes
   * cite) stay; its rows are gone. */
  add_votes (builtin);
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (target)),
                    g_list_model_get_n_items (bilat_store_get_events (builtin)));
  assert_int_equal (g_list_model_get_n_items (bilat_store_get_sources (target)),
                    g_list_model_get_n_items (bilat_store_get_sources (builtin)));
  saved = bilat_store_save_to_data (target, NULL, &save_error);
  assert_null (saved);
  assert_non_null (strstr (save_error->message, damage->message));
  return FALSE;
}

static char *temp_dir;

static char *
temp_path (const char *name)
{
  if (temp_dir == NULL)
    temp_dir = g_dir_make_tmp ("bilat-native-XXXXXX", NULL);
  return g_build_filename (temp_dir, name, NULL);
}

/* Removes the folder of the test's files, with what killed saves left. */
static int
remove_temp_dir (void **state)
{
  GDir *dir;
  const char *name;

  if (temp_dir == NULL)
    return 0;
  dir = g_dir_open (temp_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (temp_dir, name, NULL);

      g_unlink (path);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (temp_dir);
  g_clear_pointer (&temp_dir, g_free);
  return 0;
}

static void
save_native (BilatStore *store,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (!bilat_store_save_to_native_file (store, file, NULL, &error))
    fail_msg ("%s", error->message);
}

/* @n GDELT 2.0 rows made of the fixture's first, with ids in order and
 * days spread over years: columns of more bytes than the writer sends
 * through its buffer (it writes those straight to the file). */
static char *
write_many_rows (guint n)
{
  char *path = temp_path ("many.export.CSV");
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (70000);
  g_auto(GStrv) columns = test_gdelt2_fixture_columns ();
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *line = NULL;

      g_free (columns[0]);
      columns[0] = g_strdup_printf ("%u", 800000000 + i);
      g_free (columns[1]);
      columns[1] = g_strdup_printf ("%04d%02d%02d", g_rand_int_range (rand, 1990, 2020),
                                    g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      g_free (columns[31]);    /* NumMentions */
      columns[31] = g_strdup_printf ("%d", g_rand_int_range (rand, 1, 500));
      line = g_strjoinv ("\t", columns);
      g_string_append_printf (out, "%s\n", line);
    }
  test_write_file (path, out->str, out->len);
  return path;
}

static void
test_round_trip (void **state)
{
  g_autoptr(GPtrArray) paths = sample_paths ();

  /* Not under valgrind: the generated rows take minutes there. */
  if (!test_under_valgrind ())
    g_ptr_array_add (paths, write_many_rows (70000));

  for (guint p = 0; p < paths->len; p++)
    {
      g_autoptr(BilatStore) store = mixed_store (g_ptr_array_index (paths, p));
      g_autoptr(BilatStore) loaded = bilat_store_new ();
      g_autoptr(BilatStore) from_json = bilat_store_new ();
      g_autofree char *path = temp_path ("round.bilat");
      g_autofree char *json = NULL;
      g_autofree char *native_json = NULL;
      g_autoptr(GError) error = NULL;

      save_native (store, path);
      if (!bilat_store_load_from_path (loaded, path, &error))
        fail_msg ("%s", error->message);

      /* From a GFile, a stream and bytes, the same store. */
      {
        g_autoptr(BilatStore) from_file = bilat_store_new ();
        g_autoptr(BilatStore) from_stream = bilat_store_new ();
        g_autoptr(BilatStore) from_data = bilat_store_new ();
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
        g_autofree char *bytes = NULL;
        g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;
        gsize length;

        assert_true (bilat_store_load_from_file (from_file, file, NULL, &error));
        assert_true (bilat_store_load_from_stream (from_stream, G_INPUT_STREAM (stream), NULL, &error));
        assert_true (g_file_get_contents (path, &bytes, &length, NULL));
        assert_true (bilat_store_load_from_data (from_data, bytes, (gssize) length, &error));
        g_clear_pointer (&bytes, g_free);
        a = bilat_store_save_to_data (loaded, NULL, NULL);
        b = bilat_store_save_to_data (from_file, NULL, NULL);
        c = bilat_store_save_to_data (from_stream, NULL, NULL);
        d = bilat_store_save_to_data (from_data, NULL, NULL);
        assert_string_equal (a, b);
        assert_string_equal (a, c);
        assert_string_equal (a, d);
      }

      /* The same as a JSON round trip, byte for byte. */
      json = bilat_store_save_to_data (store, NULL, &error);
      assert_non_null (json);
      assert_true (bilat_store_load_from_data (from_json, json, -1, &error));
      native_json = bilat_store_save_to_data (loaded, NULL, &error);
      assert_non_null (native_json);
      assert_string_equal (native_json, json);
      assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (loaded)),
                        g_list_model_get_n_items (bilat_store_get_events (from_json)));

      /* Queries on mapped columns answer as on built ones. */
      {
        g_autoptr(BilatQuery) query = bilat_query_parse ("dyad:PAK,RUS", NULL);
        g_autoptr(GListModel) a = bilat_store_find_events (store, query);
        g_autoptr(GListModel) b = bilat_store_find_events (loaded, query);
        g_autoptr(BilatSeries) sa = bilat_store_compute_series (store, NULL, BILAT_SERIES_UNIT_MONTH);
        g_autoptr(BilatSeries) sb = bilat_store_compute_series (loaded, NULL, BILAT_SERIES_UNIT_MONTH);
        g_autofree char *ids_a = list_ids (a);
        g_autofree char *ids_b = list_ids (b);

        assert_string_equal (ids_a, ids_b);
        assert_true (bilat_series_equal (sa, sb));
      }

      /* A second save of the loaded store is the same file. */
      {
        g_autofree char *again = temp_path ("again.bilat");
        g_autofree char *first = NULL;
        g_autofree char *second = NULL;
        gsize n1, n2;

        save_native (loaded, again);
        assert_true (g_file_get_contents (path, &first, &n1, NULL));
        assert_true (g_file_get_contents (again, &second, &n2, NULL));
        assert_int_equal (n1, n2);
        assert_memory_equal (first, second, n1);
        g_unlink (again);
      }
      g_unlink (path);
    }
}

/* Every prefix of the file, and the file with each of many bytes
 * flipped, is refused; the error names a section or the header. */
static void
test_damage_refused (void **state)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("BILAT_TEST_SRCDIR"), "data", "import",
                                               "gdelt2.export.CSV", NULL);
  g_autoptr(BilatStore) store = mixed_store (fixture);
  g_autofree char *path = temp_path ("damage.bilat");
  g_autofree char *data = NULL;
  gsize length;
  GRand *rand = g_rand_new_with_seed (42);
  guint sections_named = 0;
  guint32 n_sections;

  save_native (store, path);
  assert_true (g_file_get_contents (path, &data, &length, NULL));
  memcpy (&n_sections, data + 12, 4);

  /* Under valgrind, a sparser sample of the same cuts and flips. */
  gint32 spread = test_under_valgrind () ? 6 : 1;

  for (gsize cut = 0; cut < length; cut += (cut < 256 ? 1 : 1 + g_rand_int_range (rand, 0, 97 * spread)))
    {
      g_autoptr(BilatStore) target = bilat_store_new ();
      g_autoptr(GBytes) bytes = g_bytes_new (data, cut);
      g_autoptr(GError) error = NULL;

      assert_false (_bilat_native_load_bytes (target, bytes, "damage.bilat", &error));
      assert_non_null (error);
      assert_int_equal (g_list_model_get_n_items (bilat_store_get_events (target)), 0);
      /* Past the header and the directory, the cut section is named. */
      if (cut >= 64 + (gsize) n_sections * 64 && strstr (error->message, "damage.bilat: section “") == NULL)
        fail_msg ("cut at %" G_GSIZE_FORMAT ": %s", cut, error->message);
    }

  for (gsize at = 0; at < length; at += 1 + g_rand_int_range (rand, 0, 13 * spread))
    {
      g_autoptr(BilatStore) target = bilat_store_new ();
      g_autofree char *copy = g_memdup2 (data, length);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      copy[at] ^= (char) (1 << g_rand_int_range (rand, 0, 8));
      bytes = g_bytes_new (copy, length);
      if (load_and_use (target, bytes, "damage.bilat", &error))
        {
          /* Only bytes no checksum covers may change unseen: the padding
           * between sections. The store must then be the same. */
          g_autofree char *a = bilat_store_save_to_data (target, NULL, NULL);
          g_autofree char *b = bilat_store_save_to_data (store, NULL, NULL);

          assert_string_equal (a, b);
          continue;
        }
      assert_non_null (strstr (error->message, "damage.bilat"));
      if (strstr (error->message, "section “") != NULL)
        sections_named++;
      else
        assert_true (strstr (error->message, "header") != NULL ||
                     strstr (error->message, "directory") != NULL ||
                     strstr (error->message, "native") != NULL);
    }
  assert_true (sections_named > 10);
  g_rand_free (rand);
  g_unlink (path);
}

/* The directory entry of section @name in the native file @data. */
static guint8 *
find_entry (guint8     *data,
            const char *name)
{
  guint64 directory, n;

  memcpy (&directory, data + 16, 8);
  n = 0;
  memcpy (&n, data + 12, 4);
  for (guint64 i = 0; i < n; i++)
    {
      guint8 *entry = data + directory + i * 64;

      if (strncmp ((const char *) entry, name, 24) == 0)
        return entry;
    }
  fail_msg ("no section %s", name);
  return NULL;
}

/* Writes @value at row 0 of section @name, and makes every checksum
 * match again: only the checks of values can catch it. */
static void forge_at (guint8 *data, const char *name, gsize index, gconstpointer value, gsize size);

static void
forge (guint8     *data,
       const char *name,
       gconstpointer value,
       gsize       size)
{
  forge_at (data, name, 0, value, size);
}

/* Writes @value at entry @index (of @size bytes) of section @name, and
 * makes every checksum match again. */
static void
forge_at (guint8       *data,
          const char   *name,
          gsize         index,
          gconstpointer value,
          gsize         size)
{
  guint8 *entry = find_entry (data, name);
  guint64 offset, length, directory, checksum;
  guint32 n;

  if (entry == NULL)
    return;
  memcpy (&offset, entry + 24, 8);
  memcpy (&length, entry + 32, 8);
  memcpy (data + offset + index * size, value, size);
  checksum = XXH3_64bits (data + offset, length);
  memcpy (entry + 56, &checksum, 8);
  memcpy (&directory, data + 16, 8);
  memcpy (&n, data + 12, 4);
  checksum = XXH3_64bits (data + directory, (gsize) n * 64);
  memcpy (data + 32, &checksum, 8);
  checksum = XXH3_64bits (data, 40);
  memcpy (data + 40, &checksum, 8);
}

/* A hostile file whose checksums all match but whose values point
 * outside what they index is refused, naming the section. */
static void
test_forged_values_refused (void **state)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("BILAT_TEST_SRCDIR"), "data", "import",
                                               "gdelt2.export.CSV", NULL);
  g_autoptr(BilatStore) store = mixed_store (fixture);
  g_autofree char *path = temp_path ("forged.bilat");
  g_autofree char *data = NULL;
  gsize length;
  const guint32 huge = 0x7fffffff;
  const guint16 huge16 = 0x7fff;
  const guint32 zero_day = 0;
  const char *sections[] = {
    "events.side1", "events.place", "events.title", "events.url", "events.by-id",
    "sources.id", "actors.rows", "pairs.rows", "events.day",
  };

  save_native (store, path);
  assert_true (g_file_get_contents (path, &data, &length, NULL));

  for (guint k = 0; k < G_N_ELEMENTS (sections) + 2; k++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, length);
      g_autoptr(BilatStore) target = bilat_store_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      const char *name;

      if (k < G_N_ELEMENTS (sections))
        {
          name = sections[k];
          forge (copy, name, strcmp (name, "events.day") == 0 ? (gconstpointer) &zero_day : (gconstpointer) &huge, 4);
        }
      else
        {
          name = k == G_N_ELEMENTS (sections) ? "events.cameo" : "events.goldstein";
          forge (copy, name, &huge16, 2);
        }
      bytes = g_bytes_new (copy, length);
      assert_false (load_and_use (target, bytes, "forged.bilat", &error));
      if (strstr (error->message, name) == NULL)
        fail_msg ("forged %s: %s", name, error->message);
    }

  /* A string that starts inside another (in the middle of a character,
   * maybe): every byte of the heap is UTF-8, the string need not be, and
   * a save would write it as one. Found by fuzz-native. */
  {
    g_autofree guint8 *copy = g_memdup2 (data, length);
    g_autoptr(BilatStore) target = bilat_store_new ();
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;
    guint8 *entry = find_entry (copy, "strings.offsets");
    guint64 offset, start;

    if (entry == NULL)
      return;   /* find_entry() failed the test */
    memcpy (&offset, entry + 24, 8);
    memcpy (&start, copy + offset + 8, 8);   /* string 1 */
    start++;
    forge_at (copy, "strings.offsets", 1, &start, 8);
    bytes = g_bytes_new (copy, length);
    assert_false (load_and_use (target, bytes, "forged.bilat", &error));
    if (strstr (error->message, "strings.offsets") == NULL)
      fail_msg ("forged string start: %s", error->message);
  }
  g_unlink (path);
}

/* A load into a store that has events compares the file's ids with them,
 * so its rows are checked at once: damage is refused by the load, and
 * the store keeps what it had. */
static void
test_damage_into_full_store (void **state)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("BILAT_TEST_SRCDIR"), "data", "import",
                                               "gdelt2.export.CSV", NULL);
  g_autoptr(BilatStore) store = mixed_store (fixture);
  g_autoptr(BilatStore) target = bilat_store_new_builtin ("pakistan-russia", NULL);
  g_autofree char *path = temp_path ("full.bilat");
  g_autofree char *before = bilat_store_save_to_data (target, NULL, NULL);
  g_autofree char *after = NULL;
  g_autofree guint8 *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  guint64 offset;
  guint8 *entry;

  save_native (store, path);
  assert_true (g_file_get_contents (path, (char **) &data, &length, NULL));
  entry = find_entry (data, "events.day");
  if (entry == NULL)
    return;   /* find_entry() failed the test */
  memcpy (&offset, entry + 24, 8);
  data[offset + 2] ^= 0x04;
  bytes = g_bytes_new (data, length);

  assert_false (_bilat_native_load_bytes (target, bytes, "full.bilat", &error));
  assert_non_null (strstr (error->message, "full.bilat: section “events.day”"));
  assert_null (bilat_store_get_damage (target));
  after = bilat_store_save_to_data (target, NULL, NULL);
  assert_string_equal (before, after);
  g_unlink (path);
}

/* The vote table has sections of its own: mapped, not parsed; each
 * refused, by name, when a byte of it flips or a value of it is forged;
 * and files of version 1, with the roll calls in the objects, still
 * load. */
static void
test_vote_sections (void **state)
{
  static const char * const names[] = {
    "votes.roll-calls", "votes.by-number", "votes.topics", "votes.holders",
    "votes.holder-start", "votes.words", "votes.heap",
  };
  g_autoptr(BilatStore) store = bilat_store_new_builtin ("pakistan-russia", NULL);
  g_autoptr(BilatStore) loaded = bilat_store_new ();
  g_autofree char *path = temp_path ("votes.bilat");
  g_autofree char *v1 = g_build_filename (g_getenv ("BILAT_TEST_SRCDIR"), "data", "native",
                                          "votes-v1.bilat", NULL);
  g_autofree guint8 *data = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  guint32 version;

  add_votes (store);
  save_native (store, path);
  assert_true (g_file_get_contents (path, (char **) &data, &length, NULL));
  memcpy (&version, data + 8, 4);
  assert_int_equal (version, 2);
  assert_true (_bilat_native_load_path (loaded, path, NULL, &error));
  json = bilat_store_save_to_data (store, NULL, NULL);
  again = bilat_store_save_to_data (loaded, NULL, NULL);
  assert_string_equal (again, json);
  assert_string_equal (bilat_issue_get_resolution (bilat_store_lookup_issue (loaded, "unga:3")), "R/61/1");

  for (gsize k = 0; k < G_N_ELEMENTS (names); k++)
    {
      guint8 *entry = find_entry (data, names[k]);
      guint64 offset, size;

      if (entry == NULL)
        return;   /* find_entry() failed the test */
      memcpy (&offset, entry + 24, 8);
      memcpy (&size, entry + 32, 8);
      assert_true (size > 0);
      for (guint64 at = 0; at < size; at += MAX (size / 5, 1))
        {
          g_autofree guint8 *copy = g_memdup2 (data, length);
          g_autoptr(BilatStore) target = bilat_store_new ();
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GError) refused = NULL;
          g_autofree char *want = g_strdup_printf ("votes.bilat: section “%s”", names[k]);

          copy[offset + at] ^= 0x10;
          bytes = g_bytes_new (copy, length);
          assert_false (_bilat_native_load_bytes (target, bytes, "votes.bilat", &refused));
          if (strstr (refused->message, want) == NULL)
            fail_msg ("%s flipped at %" G_GUINT64_FORMAT ": %s", names[k], at, refused->message);
          assert_int_equal (g_list_model_get_n_items (bilat_store_get_issues (target)), 0);
        }
      /* Cut inside the section. */
      {
        g_autoptr(BilatStore) target = bilat_store_new ();
        g_autoptr(GBytes) bytes = g_bytes_new (data, (gsize) (offset + size / 2));
        g_autoptr(GError) refused = NULL;

        g_autofree char *want = g_strdup_printf ("votes.bilat: section “%s”", names[k]);

        assert_false (_bilat_native_load_bytes (target, bytes, "votes.bilat", &refused));
        assert_non_null (strstr (refused->message, "truncated"));
        if (strstr (refused->message, want) == NULL)
          fail_msg ("%s cut: %s", names[k], refused->message);
      }
    }

  /* Values forged behind matching checksums. */
  {
    const guint32 huge = 0x7fffffff;
    const guint32 zero = 0;
    const guint64 huge64 = G_GUINT64_CONSTANT (0x7fffffffffff);
    const guint32 no_vote = 1u << 2;   /* roll call 1, vote code 0 */
    const guint8 bad_utf8 = 0xff;
    const struct { const char *name; gsize index; gconstpointer value; gsize size; } forged[] = {
      { "votes.roll-calls", 1, &zero, 4 },        /* the day of roll call 0 */
      { "votes.by-number", 0, &huge, 4 },
      { "votes.topics", 0, &huge, 4 },
      { "votes.holders", 1, &huge, 4 },
      { "votes.holder-start", 1, &huge64, 8 },
      { "votes.words", 0, &huge, 4 },
      { "votes.words", 1, &no_vote, 4 },
      { "votes.heap", 1, &bad_utf8, 1 },
    };

    for (gsize k = 0; k < G_N_ELEMENTS (forged); k++)
      {
        g_autofree guint8 *copy = g_memdup2 (data, length);
        g_autoptr(BilatStore) target = bilat_store_new ();
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(GError) refused = NULL;

        forge_at (copy, forged[k].name, forged[k].index, forged[k].value, forged[k].size);
        bytes = g_bytes_new (copy, length);
        assert_false (_bilat_native_load_bytes (target, bytes, "forged.bilat", &refused));
        if (strstr (refused->message, forged[k].name) == NULL)
          fail_msg ("forged %s: %s", forged[k].name, refused->message);
      }

    /* A holder that starts inside another string. */
    {
      g_autofree guint8 *copy = g_memdup2 (data, length);
      g_autoptr(BilatStore) target = bilat_store_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) refused = NULL;
      guint8 *entry = find_entry (copy, "votes.holders");
      guint64 offset;
      guint32 start;

      if (entry == NULL)
        return;
      memcpy (&offset, entry + 24, 8);
      memcpy (&start, copy + offset, 4);
      start++;
      forge_at (copy, "votes.holders", 0, &start, 4);
      bytes = g_bytes_new (copy, length);
      assert_false (_bilat_native_load_bytes (target, bytes, "forged.bilat", &refused));
      assert_non_null (strstr (refused->message, "votes.holders"));
    }
  }

  /* Version 1: the roll calls in the objects. */
  {
    g_autoptr(BilatStore) old = bilat_store_new ();
    BilatPosition *vote;

    if (!_bilat_native_load_path (old, v1, NULL, &error))
      fail_msg ("%s", error->message);
    assert_int_equal (g_list_model_get_n_items (bilat_store_get_positions (old)), 9);
    assert_int_equal (bilat_issue_get_session (bilat_store_lookup_issue (old, "unga:3")), 61);
    vote = bilat_store_lookup_position (old, "unga:2:PAK");
    assert_non_null (vote);
    assert_int_equal (bilat_position_get_stance (vote), BILAT_STANCE_NEUTRAL);
    assert_non_null (bilat_store_lookup_source (old, "unga-votes"));
  }
  g_unlink (path);
}

/* A child saves again and again; the parent kills it at random moments;
 * the file then always loads, as the old store or the new one. */
static void
test_killed_save (void **state)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("BILAT_TEST_SRCDIR"), "data", "import",
                                               "gdelt2.export.CSV", NULL);
  g_autoptr(BilatStore) small = bilat_store_new_builtin ("pakistan-russia", NULL);
  g_autoptr(BilatStore) large = mixed_store (fixture);
  g_autofree char *path = temp_path ("killed.bilat");
  g_autofree char *small_json = bilat_store_save_to_data (small, NULL, NULL);
  g_autofree char *large_json = bilat_store_save_to_data (large, NULL, NULL);
  GRand *rand = g_rand_new_with_seed (7);

  save_native (small, path);
  for (guint round = 0; round < 20; round++)
    {
      pid_t child = fork ();
      int status;

      assert_true (child >= 0);
      if (child == 0)
        {
          for (guint i = 0;; i++)
            {
              g_autoptr(GFile) file = g_file_new_for_path (path);

              bilat_store_save_to_native_file (i % 2 ? small : large, file, NULL, NULL);
            }
        }
      g_usleep ((gulong) g_rand_int_range (rand, 0, 30000));
      kill (child, SIGKILL);
      waitpid (child, &status, 0);

      {
        g_autoptr(BilatStore) loaded = bilat_store_new ();
        g_autoptr(GError) error = NULL;
        g_autofree char *json = NULL;

        if (!_bilat_native_load_path (loaded, path, NULL, &error))
          fail_msg ("round %u: %s", round, error->message);
        json = bilat_store_save_to_data (loaded, NULL, NULL);
        assert_true (strcmp (json, small_json) == 0 || strcmp (json, large_json) == 0);
      }
    }
  g_rand_free (rand);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_round_trip),
    cmocka_unit_test (test_damage_refused),
    cmocka_unit_test (test_forged_values_refused),
    cmocka_unit_test (test_damage_into_full_store),
    cmocka_unit_test (test_vote_sections),
    cmocka_unit_test (test_killed_save),
  };

  g_log_set_writer_func (count_damage_warnings, NULL, NULL);
  return cmocka_run_group_tests (tests, NULL, remove_temp_dir);
}
