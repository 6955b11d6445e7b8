/* test-identity-cow.c: every spell of the COW state system list resolves
 *
 * Reads states/cow_states2016.csv of shared/data (BILAT_SHARED_DATA); the
 * test is skipped, saying why, when the folder is not given. For each of
 * the 243 membership spells: the COW code (number and letters) on its
 * first, middle and last day resolves to a state whose COW code on that
 * day is the spell's and that has a spell containing the day; the day
 * before and the day after resolve to nothing, unless another spell of the
 * code covers them or the spell lasts to the end of the list.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bilat/bilat.h>

typedef struct
{
  char    letters[8];
  guint   code;
  guint32 first;
  guint32 last;
} Spell;

static const char *shared_data;
static GArray *spells;

static guint32
julian (int y,
        int m,
        int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static BilatDate *
day_of (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return bilat_date_new_day (g_date_get_year (&date), g_date_get_month (&date),
                             g_date_get_day (&date), NULL);
}

static void
read_spells (void)
{
  g_autofree char *path = g_build_filename (shared_data, "states", "cow_states2016.csv", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    fail_msg ("%s", error->message);
  lines = g_strsplit (text, "\n", -1);
  spells = g_array_new (FALSE, FALSE, sizeof (Spell));
  assert_string_equal (lines[0], "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version");
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (g_strstrip (lines[i]), ",", -1);
      Spell spell = { { 0 } };

      if (lines[i][0] == '\0')
        continue;
      assert_int_equal (g_strv_length (f), 10);
      g_strlcpy (spell.letters, f[0], sizeof spell.letters);
      spell.code = atoi (f[1]);
      spell.first = julian (atoi (f[3]), atoi (f[4]), atoi (f[5]));
      spell.last = julian (atoi (f[6]), atoi (f[7]), atoi (f[8]));
      g_array_append_val (spells, spell);
    }
}

static gboolean
in_a_spell_of (guint   code,
               guint32 day)
{
  for (guint i = 0; i < spells->len; i++)
    {
      const Spell *s = &g_array_index (spells, Spell, i);

      if (s->code == code && s->first <= day && day <= s->last)
        return TRUE;
    }
  return FALSE;
}

static gboolean
spell_of_state_contains (const char *id,
                         guint       code,
                         guint32     day)
{
  g_autoptr(GListModel) list = bilat_identity_get_spells (bilat_identity_get_default (), id);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(BilatStateSpell) spell = g_list_model_get_item (list, i);
      BilatDate *end = bilat_state_spell_get_end (spell);

      if (bilat_state_spell_get_cow_code (spell) == code &&
          bilat_date_get_first_julian (bilat_state_spell_get_start (spell)) <= day &&
          (end == NULL || day <= bilat_date_get_last_julian (end)))
        return TRUE;
    }
  return FALSE;
}

static void
test_every_spell (void **state)
{
  BilatIdentity *identity = bilat_identity_get_default ();
  guint32 end_of_list = julian (2016, 12, 31);
  guint checked = 0, refused = 0;

  assert_int_equal (spells->len, 243);
  for (guint i = 0; i < spells->len; i++)
    {
      const Spell *s = &g_array_index (spells, Spell, i);
      guint32 days[] = { s->first, s->first + (s->last - s->first) / 2, s->last };
      g_autofree char *number = g_strdup_printf ("%u", s->code);

      for (guint k = 0; k < G_N_ELEMENTS (days); k++)
        {
          g_autoptr(BilatDate) day = day_of (days[k]);
          g_autofree char *when = bilat_date_to_string (day);
          g_autoptr(GError) error = NULL;
          const char *id = bilat_identity_resolve (identity, BILAT_CODE_SCHEME_COW, number, day, &error);
          const char *by_letters;
          char expected[16];

          if (id == NULL)
            fail_msg ("COW %s (%s) on %s: %s", number, s->letters, when, error->message);
          by_letters = bilat_identity_resolve (identity, BILAT_CODE_SCHEME_COW_LETTER, s->letters, day, NULL);
          if (by_letters == NULL || strcmp (by_letters, id) != 0)
            fail_msg ("COW %s on %s is %s, its letters %s", s->letters, when, id, by_letters);
          g_snprintf (expected, sizeof expected, "%u", s->code);
          assert_string_equal (bilat_identity_get_code (identity, id, BILAT_CODE_SCHEME_COW, day, NULL), expected);
          assert_string_equal (bilat_identity_get_code (identity, id, BILAT_CODE_SCHEME_COW_LETTER, day, NULL), s->letters);
          if (!spell_of_state_contains (id, s->code, days[k]))
            fail_msg ("%s has no spell of COW %s on %s", id, number, when);
          checked++;
        }

      /* outside every spell of the code: refused, and says which and when */
      for (guint k = 0; k < 2; k++)
        {
          guint32 outside = k == 0 ? s->first - 1 : s->last + 1;
          g_autoptr(BilatDate) day = NULL;
          g_autofree char *when = NULL;
          g_autoptr(GError) error = NULL;

          if (in_a_spell_of (s->code, outside) || (k == 1 && s->last == end_of_list))
            continue;
          day = day_of (outside);
          when = bilat_date_to_string (day);
          if (bilat_identity_resolve (identity, BILAT_CODE_SCHEME_COW, number, day, &error) != NULL)
            fail_msg ("COW %s resolves on %s, outside its spells", number, when);
          assert_true (g_error_matches (error, BILAT_IDENTITY_ERROR, BILAT_IDENTITY_ERROR_NOT_VALID));
          assert_non_null (strstr (error->message, number));
          assert_non_null (strstr (error->message, when));
          refused++;
        }
    }
  assert_int_equal (checked, 3 * 243);
  assert_true (refused > 200);
}

/* The members of a year are the states with a spell overlapping it. */
static void
test_members_per_year (void **state)
{
  BilatIdentity *identity = bilat_identity_get_default ();

  for (int year = 1816; year <= 2016; year += 5)
    {
      g_autoptr(BilatDate) date = bilat_date_new_year (year, NULL);
      g_autoptr(GListModel) members = bilat_identity_get_members (identity, date);
      g_autoptr(GHashTable) codes = g_hash_table_new (NULL, NULL);
      g_autoptr(GHashTable) expected = g_hash_table_new (NULL, NULL);
      guint32 first = julian (year, 1, 1), last = julian (year, 12, 31);

      for (guint i = 0; i < spells->len; i++)
        {
          const Spell *s = &g_array_index (spells, Spell, i);

          if (s->first <= last && first <= s->last)
            g_hash_table_add (expected, GUINT_TO_POINTER (s->code));
        }
      for (guint i = 0; i < g_list_model_get_n_items (members); i++)
        {
          g_autoptr(BilatStateSpell) spell = g_list_model_get_item (members, i);

          g_hash_table_add (codes, GUINT_TO_POINTER (bilat_state_spell_get_cow_code (spell)));
        }
      assert_int_equal (g_hash_table_size (codes), g_hash_table_size (expected));
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_every_spell),
    cmocka_unit_test (test_members_per_year),
  };
  g_autofree char *probe = NULL;
  int status;

  shared_data = g_getenv ("BILAT_SHARED_DATA");
  if (shared_data == NULL || *shared_data == '\0')
    {
      printf ("1..0 # SKIP BILAT_SHARED_DATA is not set: configure with "
              "-Dshared_data=/path/to/shared/data to check every COW spell\n");
      return 0;
    }
  probe = g_build_filename (shared_data, "states", "cow_states2016.csv", NULL);
  if (!g_file_test (probe, G_FILE_TEST_IS_REGULAR))
    {
      printf ("1..0 # SKIP %s has no COW state list (no %s)\n", shared_data, probe);
      return 0;
    }

  read_spells ();
  status = cmocka_run_group_tests_name ("identity-cow", tests, NULL, NULL);
  g_array_unref (spells);
  return status;
}
