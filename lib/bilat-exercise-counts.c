/* bilat-exercise-counts.c: joint exercises counted per period
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

#include <string.h>

#include <json-glib/json-glib.h>

#include "bilat-json-private.h"
#include "bilat-series-private.h"

/**
 * BilatExerciseCounts:
 *
 * How many exercises a query selects per day, month or year, in all and
 * per domain and mission: with a dyad, the joint exercises of two states
 * per year, the measure of military cooperation research takes from the
 * Multinational Military Exercises dataset.
 *
 * Made by [method@Bilat.Store.count_exercises]. An exercise counts in the
 * period its first day falls in; one whose start is less precise than a
 * period (a month, counted by day) is counted as imprecise, one without a
 * date as undated, and neither is in any period. Periods run without a
 * gap from the first with an exercise to the last, those between with
 * zeros. Succession applies as in every query: a dyad with `RUS` counts
 * the exercises of `SUN` before 1992 when the store's `RUS` names `SUN` as
 * its predecessor.
 *
 * The object is immutable, and thread-safe.
 *
 * Since: 1.0
 */

#define N_DOMAINS 6
#define N_MISSIONS 3

typedef struct
{
  guint exercises;
  guint domains[N_DOMAINS];
  guint missions[N_MISSIONS];
} Bin;

struct _BilatExerciseCounts
{
  GObject          parent_instance;

  BilatSeriesUnit  unit;
  gint64           first_key;
  GArray          *bins;        /* Bin */
  guint            total;
  guint            n_undated;
  guint            n_imprecise;
};

G_DEFINE_FINAL_TYPE (BilatExerciseCounts, bilat_exercise_counts, G_TYPE_OBJECT)

static void
bilat_exercise_counts_finalize (GObject *object)
{
  BilatExerciseCounts *self = BILAT_EXERCISE_COUNTS (object);

  g_array_unref (self->bins);
  G_OBJECT_CLASS (bilat_exercise_counts_parent_class)->finalize (object);
}

static void
bilat_exercise_counts_class_init (BilatExerciseCountsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bilat_exercise_counts_finalize;
}

static void
bilat_exercise_counts_init (BilatExerciseCounts *self)
{
  self->bins = g_array_new (FALSE, TRUE, sizeof (Bin));
}

/* The bit of a single flag, or -1. */
static int
flag_bit (guint flag,
          guint n)
{
  for (guint b = 0; b < n; b++)
    if (flag == 1u << b)
      return (int) b;
  return -1;
}

/* The key of the period @date starts in, or FALSE when its start is less
 * precise than the unit. */
static gboolean
period_key (BilatDate       *date,
            BilatSeriesUnit  unit,
            gint64          *key)
{
  BilatDate *start = bilat_date_get_start (date);
  BilatDatePrecision precision = bilat_date_get_precision (start);
  int month = bilat_date_get_month (start);
  int day = bilat_date_get_day (start);

  *key = _bilat_series_key_for_civil (unit, bilat_date_get_year (start),
                                      month > 0 ? month : 1, day > 0 ? day : 1);
  return unit == BILAT_SERIES_UNIT_YEAR ||
         (unit == BILAT_SERIES_UNIT_MONTH && precision != BILAT_DATE_PRECISION_YEAR) ||
         precision == BILAT_DATE_PRECISION_DAY;
}

static Bin *
get_bin (BilatExerciseCounts *self,
         guint                index)
{
  return &g_array_index (self->bins, Bin, index);
}

/* The bin of @key, growing the bins to reach it. */
static Bin *
bin_for_key (BilatExerciseCounts *self,
             gint64               key)
{
  if (self->bins->len == 0)
    {
      self->first_key = key;
      g_array_set_size (self->bins, 1);
    }
  else if (key < self->first_key)
    {
      guint grow = (guint) (self->first_key - key);

      g_array_set_size (self->bins, self->bins->len + grow);
      memmove (get_bin (self, grow), get_bin (self, 0), (self->bins->len - grow) * sizeof (Bin));
      memset (get_bin (self, 0), 0, grow * sizeof (Bin));
      self->first_key = key;
    }
  else if (key - self->first_key >= self->bins->len)
    g_array_set_size (self->bins, (guint) (key - self->first_key) + 1);
  return get_bin (self, (guint) (key - self->first_key));
}

static void
count_exercise (BilatExerciseCounts *self,
                BilatExercise       *exercise)
{
  BilatDate *date = bilat_event_get_date (BILAT_EVENT (exercise));
  guint domains = bilat_exercise_get_domains (exercise);
  guint missions = bilat_exercise_get_missions (exercise);
  gint64 key;
  Bin *bin;

  self->total++;
  if (date == NULL)
    {
      self->n_undated++;
      return;
    }
  if (!period_key (date, self->unit, &key))
    {
      self->n_imprecise++;
      return;
    }
  bin = bin_for_key (self, key);
  bin->exercises++;
  for (guint b = 0; b < N_DOMAINS; b++)
    bin->domains[b] += (domains >> b) & 1;
  for (guint b = 0; b < N_MISSIONS; b++)
    bin->missions[b] += (missions >> b) & 1;
}

/**
 * bilat_store_count_exercises:
 * @store: a [class@Bilat.Store]
 * @query: (nullable): the exercises to count, such as a dyad; %NULL for
 *   all. Only exercises are counted, whatever the query's event type.
 * @unit: the width of the periods
 *
 * Counts the exercises that @query selects per period, in all and per
 * domain and mission. For the joint exercises of India and the United
 * States per year, give a query with the dyad `USA`, `IND` and
 * %BILAT_SERIES_UNIT_YEAR.
 *
 * Returns: (transfer full): the counts
 *
 * Since: 1.0
 */
BilatExerciseCounts *
bilat_store_count_exercises (BilatStore      *store,
                             BilatQuery      *query,
                             BilatSeriesUnit  unit)
{
  g_autoptr(BilatQuery) exercises_only = NULL;
  g_autoptr(GListModel) found = NULL;
  BilatExerciseCounts *self;
  guint n;

  g_return_val_if_fail (BILAT_IS_STORE (store), NULL);
  g_return_val_if_fail (query == NULL || BILAT_IS_QUERY (query), NULL);
  g_return_val_if_fail (unit <= BILAT_SERIES_UNIT_YEAR, NULL);

  exercises_only = query != NULL ? bilat_query_copy (query) : bilat_query_new ();
  bilat_query_set_event_type (exercises_only, BILAT_TYPE_EXERCISE);
  found = bilat_store_find_events (store, exercises_only);

  self = g_object_new (BILAT_TYPE_EXERCISE_COUNTS, NULL);
  self->unit = unit;
  n = g_list_model_get_n_items (found);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (found, i);

      if (BILAT_IS_EXERCISE (item))
        count_exercise (self, BILAT_EXERCISE (item));
    }
  return self;
}

/**
 * bilat_exercise_counts_get_unit:
 * @self: a [class@Bilat.ExerciseCounts]
 *
 * Gets the width of the periods.
 *
 * Returns: the unit
 *
 * Since: 1.0
 */
BilatSeriesUnit
bilat_exercise_counts_get_unit (BilatExerciseCounts *self)
{
  g_return_val_if_fail (BILAT_IS_EXERCISE_COUNTS (self), BILAT_SERIES_UNIT_YEAR);

  return self->unit;
}

/**
 * bilat_exercise_counts_get_n_periods:
 * @self: a [class@Bilat.ExerciseCounts]
 *
 * Gets the number of periods, from the first with an exercise to the
 * last.
 *
 * Returns: the number of periods, 0 when no exercise has a date
 *
 * Since: 1.0
 */
guint
bilat_exercise_counts_get_n_periods (BilatExerciseCounts *self)
{
  g_return_val_if_fail (BILAT_IS_EXERCISE_COUNTS (self), 0);

  return self->bins->len;
}

/**
 * bilat_exercise_counts_get_period:
 * @self: a [class@Bilat.ExerciseCounts]
 * @index: the index of a period
 *
 * Gets a period: a year, a month or a day, as the unit says.
 *
 * Returns: (transfer full): the period
 *
 * Since: 1.0
 */
BilatDate *
bilat_exercise_counts_get_period (BilatExerciseCounts *self,
                                  guint                index)
{
  g_return_val_if_fail (BILAT_IS_EXERCISE_COUNTS (self), NULL);
  g_return_val_if_fail (index < self->bins->len, NULL);

  return _bilat_series_key_to_date (self->unit, self->first_key + index);
}

/**
 * bilat_exercise_counts_get_exercises:
 * @self: a [class@Bilat.ExerciseCounts]
 * @index: the index of a period
 *
 * Gets how many exercises start in a period.
 *
 * Returns: the number of exercises
 *
 * Since: 1.0
 */
guint
bilat_exercise_counts_get_exercises (BilatExerciseCounts *self,
                                     guint                index)
{
  g_return_val_if_fail (BILAT_IS_EXERCISE_COUNTS (self), 0);
  g_return_val_if_fail (index < self->bins->len, 0);

  return get_bin (self, index)->exercises;
}

/**
 * bilat_exercise_counts_get_domain_count:
 * @self: a [class@Bilat.ExerciseCounts]
 * @index: the index of a period
 * @domain: one domain, such as %BILAT_EXERCISE_DOMAINS_SEA
 *
 * Gets how many exercises of a period are in @domain.
 *
 * Returns: the number of exercises
 *
 * Since: 1.0
 */
guint
bilat_exercise_counts_get_domain_count (BilatExerciseCounts  *self,
                                        guint                 index,
                                        BilatExerciseDomains  domain)
{
  int bit = flag_bit (domain, N_DOMAINS);

  g_return_val_if_fail (BILAT_IS_EXERCISE_COUNTS (self), 0);
  g_return_val_if_fail (index < self->bins->len, 0);
  g_return_val_if_fail (bit >= 0, 0);

  return get_bin (self, index)->domains[bit];
}

/**
 * bilat_exercise_counts_get_mission_count:
 * @self: a [class@Bilat.ExerciseCounts]
 * @index: the index of a period
 * @mission: one mission, such as %BILAT_EXERCISE_MISSIONS_PEACEKEEPING
 *
 * Gets how many exercises of a period train for @mission.
 *
 * Returns: the number of exercises
 *
 * Since: 1.0
 */
guint
bilat_exercise_counts_get_mission_count (BilatExerciseCounts   *self,
                                         guint                  index,
                                         BilatExerciseMissions  mission)
{
  int bit = flag_bit (mission, N_MISSIONS);

  g_return_val_if_fail (BILAT_IS_EXERCISE_COUNTS (self), 0);
  g_return_val_if_fail (index < self->bins->len, 0);
  g_return_val_if_fail (bit >= 0, 0);

  return get_bin (self, index)->missions[bit];
}

/**
 * bilat_exercise_counts_get_total:
 * @self: a [class@Bilat.ExerciseCounts]
 *
 * Gets how many exercises the query selected: those in the periods, the
 * undated and the imprecise.
 *
 * Returns: the number of exercises
 *
 * Since: 1.0
 */
guint
bilat_exercise_counts_get_total (BilatExerciseCounts *self)
{
  g_return_val_if_fail (BILAT_IS_EXERCISE_COUNTS (self), 0);

  return self->total;
}

/**
 * bilat_exercise_counts_get_n_undated:
 * @self: a [class@Bilat.ExerciseCounts]
 *
 * Gets how many exercises have no date, and are in no period.
 *
 * Returns: the number of exercises
 *
 * Since: 1.0
 */
guint
bilat_exercise_counts_get_n_undated (BilatExerciseCounts *self)
{
  g_return_val_if_fail (BILAT_IS_EXERCISE_COUNTS (self), 0);

  return self->n_undated;
}

/**
 * bilat_exercise_counts_get_n_imprecise:
 * @self: a [class@Bilat.ExerciseCounts]
 *
 * Gets how many exercises start on a date less precise than a period
 * (a month, counted by day), and are in no period.
 *
 * Returns: the number of exercises
 *
 * Since: 1.0
 */
guint
bilat_exercise_counts_get_n_imprecise (BilatExerciseCounts *self)
{
  g_return_val_if_fail (BILAT_IS_EXERCISE_COUNTS (self), 0);

  return self->n_imprecise;
}

/* The column names after the period's: the nicks, with `_` for `-`. */
static char **
column_names (void)
{
  g_autoptr(GFlagsClass) domains = g_type_class_ref (BILAT_TYPE_EXERCISE_DOMAINS);
  g_autoptr(GFlagsClass) missions = g_type_class_ref (BILAT_TYPE_EXERCISE_MISSIONS);
  GPtrArray *names = g_ptr_array_new ();

  g_ptr_array_add (names, g_strdup ("exercises"));
  for (guint b = 0; b < N_DOMAINS; b++)
    g_ptr_array_add (names, g_strdelimit (g_strdup (g_flags_get_first_value (domains, 1u << b)->value_nick), "-", '_'));
  for (guint b = 0; b < N_MISSIONS; b++)
    g_ptr_array_add (names, g_strdelimit (g_strdup (g_flags_get_first_value (missions, 1u << b)->value_nick), "-", '_'));
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

static void
bin_values (const Bin *bin,
            guint     *values)
{
  values[0] = bin->exercises;
  for (guint b = 0; b < N_DOMAINS; b++)
    values[1 + b] = bin->domains[b];
  for (guint b = 0; b < N_MISSIONS; b++)
    values[1 + N_DOMAINS + b] = bin->missions[b];
}

static const char * const unit_names[] = { "day", "month", "year" };

/**
 * bilat_exercise_counts_to_string:
 * @self: a [class@Bilat.ExerciseCounts]
 * @format: the text form
 *
 * Prints the counts. CSV and TSV have a header line and one line per
 * period, with the columns `year` (by year) or `period` (`2018-10` or
 * `2018-10-21`), `exercises`, then the count of each domain
 * (`command_post`, `air`, `land`, `sea`, `amphibious`, `cyber`) and of
 * each mission (`warfighting`, `peacekeeping`, `humanitarian`). JSON is an
 * object with `unit`, `total`, `undated`, `imprecise` and `periods`, an
 * array of objects with the same members.
 *
 * Returns: (transfer full): the text, ending with a newline
 *
 * Since: 1.0
 */
char *
bilat_exercise_counts_to_string (BilatExerciseCounts *self,
                                 BilatSeriesFormat    format)
{
  g_auto(GStrv) names = NULL;
  const char *first;
  GString *out;
  guint n_values = 1 + N_DOMAINS + N_MISSIONS;
  guint values[1 + N_DOMAINS + N_MISSIONS];

  g_return_val_if_fail (BILAT_IS_EXERCISE_COUNTS (self), NULL);
  g_return_val_if_fail (format <= BILAT_SERIES_FORMAT_JSON, NULL);

  names = column_names ();
  first = self->unit == BILAT_SERIES_UNIT_YEAR ? "year" : "period";
  out = g_string_new (NULL);
  if (format == BILAT_SERIES_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, unit_names[self->unit]);
      json_builder_set_member_name (builder, "total");
      json_builder_add_int_value (builder, self->total);
      json_builder_set_member_name (builder, "undated");
      json_builder_add_int_value (builder, self->n_undated);
      json_builder_set_member_name (builder, "imprecise");
      json_builder_add_int_value (builder, self->n_imprecise);
      json_builder_set_member_name (builder, "periods");
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->bins->len; i++)
        {
          g_autoptr(BilatDate) period = bilat_exercise_counts_get_period (self, i);
          g_autofree char *text = bilat_date_to_string (period);

          bin_values (get_bin (self, i), values);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, first);
          json_builder_add_string_value (builder, text);
          for (guint v = 0; v < n_values; v++)
            {
              json_builder_set_member_name (builder, names[v]);
              json_builder_add_int_value (builder, values[v]);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      _bilat_json_print (out, root);
      g_string_append_c (out, '\n');
      return g_string_free (out, FALSE);
    }

  {
    char sep = format == BILAT_SERIES_FORMAT_CSV ? ',' : '\t';

    g_string_append (out, first);
    for (guint v = 0; v < n_values; v++)
      g_string_append_printf (out, "%c%s", sep, names[v]);
    g_string_append_c (out, '\n');
    for (guint i = 0; i < self->bins->len; i++)
      {
        g_autoptr(BilatDate) period = bilat_exercise_counts_get_period (self, i);
        g_autofree char *text = bilat_date_to_string (period);

        bin_values (get_bin (self, i), values);
        g_string_append (out, text);
        for (guint v = 0; v < n_values; v++)
          g_string_append_printf (out, "%c%u", sep, values[v]);
        g_string_append_c (out, '\n');
      }
  }
  return g_string_free (out, FALSE);
}
