/* bilat-test-util.h: helpers shared by the C tests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Include after <cmocka.h> and <bilat/bilat.h>. The helpers are static
 * inline so that a test that does not use one pays nothing for it.
 */

#pragma once

#include <string.h>
#include <glib/gstdio.h>

/* Whether the test runs under valgrind, where everything is some 50
 * times slower: time bounds are checked, and large sizes run, only
 * without it. */
static inline gboolean
test_under_valgrind (void)
{
  const char *preload = g_getenv ("LD_PRELOAD");

  return preload != NULL && strstr (preload, "vgpreload") != NULL;
}

/* A new temporary folder for a test's files. */
static inline char *
test_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("bilat-test-XXXXXX", &error);

  if (dir == NULL)
    fail_msg ("%s", error->message);
  return dir;
}

/* Removes @dir and the files in it. */
static inline void
test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Writes @length bytes of @data to @path, failing the test otherwise. */
static inline void
test_write_file (const char *path,
                 const void *data,
                 gsize       length)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, data, (gssize) length, &error))
    fail_msg ("%s", error->message);
}

/* The bytes of the file at @path; fails the test if it cannot be read. */
static inline GBytes *
test_file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &error))
    fail_msg ("%s", error->message);
  return g_bytes_new_take (data, length);
}

/* The 61 columns of the first row of the GDELT 2.0 fixture, for tests
 * that make rows of their own by changing some; free with g_strfreev(). */
static inline char **
test_gdelt2_fixture_columns (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("BILAT_TEST_SRCDIR"), "data", "import",
                                            "gdelt2.export.CSV", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  char **columns;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    fail_msg ("cannot read %s", path);
  lines = g_strsplit (text, "\n", 2);
  columns = g_strsplit (lines[0], "\t", -1);
  if (g_strv_length (columns) != 61)
    fail_msg ("%s: %u columns in the first row, not 61", path, g_strv_length (columns));
  return columns;
}

/* Sets, in @columns of test_gdelt2_fixture_columns(), the event id, the
 * day (SQLDATE, YYYYMMDD) and the two actors (code, name and country
 * code of each side; "" for none). */
static inline void
test_gdelt2_set_row (char       **columns,
                     guint        id,
                     const char  *day,
                     const char  *first,
                     const char  *second)
{
  const int sides[2][3] = { { 5, 6, 7 }, { 15, 16, 17 } };

  for (guint k = 0; k < 3; k++)
    {
      g_free (columns[sides[0][k]]);
      columns[sides[0][k]] = g_strdup (first);
      g_free (columns[sides[1][k]]);
      columns[sides[1][k]] = g_strdup (second);
    }
  g_free (columns[0]);
  columns[0] = g_strdup_printf ("%u", id);
  g_free (columns[1]);
  columns[1] = g_strdup (day);
}

/* Counts the notifications of one property, and of all properties, so that
 * a test can check both that a change is notified once and that nothing
 * else is notified with it. */
typedef struct
{
  guint named;
  guint all;
} NotifyCount;

static inline void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static inline void
watch (gpointer     object,
       const char  *property,
       NotifyCount *count)
{
  g_autofree char *detailed = g_strconcat ("notify::", property, NULL);

  *count = (NotifyCount) { 0, 0 };
  g_signal_connect (object, detailed, G_CALLBACK (count_notify), &count->named);
  g_signal_connect (object, "notify", G_CALLBACK (count_notify), &count->all);
}

static inline void
unwatch (gpointer     object,
         NotifyCount *count)
{
  g_signal_handlers_disconnect_by_data (object, &count->named);
  g_signal_handlers_disconnect_by_data (object, &count->all);
}

/* Round trip of a nullable string property through g_object_set/get: set,
 * set the same again (no notify), unset. The property must start unset. */
static inline void
check_string_property (gpointer    object,
                       const char *property,
                       const char *value)
{
  NotifyCount count;
  g_autofree char *read = NULL;
  g_autofree char *copy = g_strdup (value);

  g_object_get (object, property, &read, NULL);
  assert_null (read);

  watch (object, property, &count);
  g_object_set (object, property, value, NULL);
  g_object_get (object, property, &read, NULL);
  assert_string_equal (read, value);
  assert_int_equal (count.named, 1);

  /* An equal string at another address is no change. */
  g_object_set (object, property, copy, NULL);
  assert_int_equal (count.named, 1);

  g_object_set (object, property, NULL, NULL);
  g_clear_pointer (&read, g_free);
  g_object_get (object, property, &read, NULL);
  assert_null (read);
  assert_int_equal (count.named, 2);
  assert_int_equal (count.all, 2);
  unwatch (object, &count);
}

/* The last items-changed of a list model, and how many there were. */
typedef struct
{
  guint n_signals;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static inline void
record_items_changed (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      gpointer    user_data)
{
  ItemsChanged *last = user_data;

  last->n_signals++;
  last->position = position;
  last->removed = removed;
  last->added = added;
}

#define assert_items_changed(last, n, pos, rem, add) \
  G_STMT_START { \
    assert_int_equal ((last).n_signals, (n)); \
    assert_int_equal ((last).position, (pos)); \
    assert_int_equal ((last).removed, (rem)); \
    assert_int_equal ((last).added, (add)); \
  } G_STMT_END

static inline BilatDate *
parse_date (const char *text)
{
  g_autoptr(GError) error = NULL;
  BilatDate *date = bilat_date_parse (text, &error);

  assert_null (error);
  assert_non_null (date);

  return date;
}

/* The ids of the records of @records, space-separated, in list order. */
static inline char *
list_ids (GListModel *records)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(BilatRecord) record = g_list_model_get_item (records, i);

      if (ids->len > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, bilat_record_get_id (record));
    }
  return g_string_free (ids, FALSE);
}

/* The event files to read: the project's own fixtures (names under
 * tests/data/import), then the real samples of shared/data when the build
 * was given them (paths under it), those that exist. */
static inline GPtrArray *
event_file_paths (const char * const *fixtures,
                  const char * const *samples)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *srcdir = g_getenv ("BILAT_TEST_SRCDIR");
  const char *shared = g_getenv ("BILAT_SHARED_DATA");

  for (guint i = 0; fixtures[i] != NULL; i++)
    g_ptr_array_add (paths, g_build_filename (srcdir, "data", "import", fixtures[i], NULL));
  for (guint i = 0; shared != NULL && *shared != '\0' && samples[i] != NULL; i++)
    {
      char *path = g_build_filename (shared, samples[i], NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_ptr_array_add (paths, path);
      else
        g_free (path);
    }
  return paths;
}

/* The real samples of shared/data, one per layout. */
#define REAL_EVENT_SAMPLES \
  "gdelt2/20191024143000.export.CSV", "gdelt1/reed9999_events_sample.tsv", \
  "icews/events.2018.sample.tab"

/* Imports @file into @store with an importer of the default settings. */
static inline BilatImportReport *
import_file (BilatStore  *store,
             GFile       *file,
             GError     **error)
{
  g_autoptr(BilatImporter) importer = bilat_importer_new ();

  return bilat_importer_import (importer, store, &file, 1, error);
}
