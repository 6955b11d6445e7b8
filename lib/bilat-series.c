/* bilat-series.c: event counts, Goldstein and QuadClass figures over time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include <bilat/bilat.h>

#include "bilat-json-private.h"
#include "bilat-series-private.h"

/**
 * BilatSeries:
 *
 * Figures of a set of events per day, month or year: how many events, the
 * sum and mean of their Goldstein scores, and how many fall in each CAMEO
 * QuadClass.
 *
 * The bins run without gaps from the first to the last bin that holds an
 * event: a bin inside that range with no event is present with zeros, so a
 * series plots directly.
 *
 * An event is counted in the bin of the first day of its date; an event
 * whose date is known less precisely than the bins (a year-precision event
 * in a monthly series) is counted in the bin of its first day too, and
 * also in [method@Bilat.Series.get_n_imprecise]. An event whose date is
 * unknown is in no bin: it is counted by
 * [method@Bilat.Series.get_n_undated] only.
 *
 * Every event counts in the number of events; only events with a
 * Goldstein score (from their CAMEO code, or given by the data they were
 * read from) count in the Goldstein sum and mean, and only events with a
 * CAMEO code count in a QuadClass.
 *
 * Series of disjoint sets of events merge with [method@Bilat.Series.merge]
 * into the series of their union, which is how work split over many files,
 * threads or machines comes together.
 *
 * Series are not thread-safe; a series per thread, merged at the end, is
 * the way to use threads.
 *
 * Since: 1.0
 */

typedef struct
{
  guint64 count;
  guint64 goldstein_count;
  double goldstein_sum;
  guint64 quad[4];
} Bin;

struct _BilatSeries
{
  GObject parent_instance;

  BilatSeriesUnit unit;

  /* bins[i] is the bin of key first_key + i; empty when bins->len == 0. */
  GArray *bins;
  gint64 first_key;

  guint64 n_undated;
  guint64 n_imprecise;
};

G_DEFINE_FINAL_TYPE (BilatSeries, bilat_series, G_TYPE_OBJECT)

/**
 * bilat_series_error_quark:
 *
 * Returns the quark of the error domain of series; use %BILAT_SERIES_ERROR
 * instead.
 *
 * Returns: the %BILAT_SERIES_ERROR quark
 *
 * Since: 1.0
 */
G_DEFINE_QUARK (bilat-series-error-quark, bilat_series_error)

enum {
  PROP_0,
  PROP_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bilat_series_finalize (GObject *object)
{
  BilatSeries *self = BILAT_SERIES (object);

  g_array_unref (self->bins);

  G_OBJECT_CLASS (bilat_series_parent_class)->finalize (object);
}

static void
bilat_series_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BilatSeries *self = BILAT_SERIES (object);

  switch (prop_id)
    {
    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_series_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BilatSeries *self = BILAT_SERIES (object);

  switch (prop_id)
    {
    case PROP_UNIT:
      self->unit = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_series_class_init (BilatSeriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_series_finalize;
  object_class->get_property = bilat_series_get_property;
  object_class->set_property = bilat_series_set_property;

  /**
   * BilatSeries:unit: (getter get_unit)
   *
   * The width of the bins.
   *
   * Since: 1.0
   */
  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL, BILAT_TYPE_SERIES_UNIT, BILAT_SERIES_UNIT_MONTH,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bilat_series_init (BilatSeries *self)
{
  self->bins = g_array_new (FALSE, TRUE, sizeof (Bin));
}

/**
 * bilat_series_new:
 * @unit: the width of the bins
 *
 * Creates an empty series.
 *
 * Returns: (transfer full): a new [class@Bilat.Series]
 *
 * Since: 1.0
 */
BilatSeries *
bilat_series_new (BilatSeriesUnit unit)
{
  g_return_val_if_fail (unit <= BILAT_SERIES_UNIT_YEAR, NULL);

  return g_object_new (BILAT_TYPE_SERIES, "unit", unit, NULL);
}

/**
 * bilat_series_get_unit: (get-property unit)
 * @self: a [class@Bilat.Series]
 *
 * Gets the width of the bins.
 *
 * Returns: the width of the bins
 *
 * Since: 1.0
 */
BilatSeriesUnit
bilat_series_get_unit (BilatSeries *self)
{
  g_return_val_if_fail (BILAT_IS_SERIES (self), BILAT_SERIES_UNIT_DAY);

  return self->unit;
}

static gint64
julian_to_key (BilatSeriesUnit unit,
               guint32         julian)
{
  int year, month, day;

  if (unit == BILAT_SERIES_UNIT_DAY)
    return julian;
  _bilat_julian_to_civil (julian, &year, &month, &day);
  if (unit == BILAT_SERIES_UNIT_MONTH)
    return (gint64) year * 12 + (month - 1);
  return year;
}

/* The bin of @key, growing the array at either end as needed. */
static Bin *
bin_for_key (BilatSeries *self,
             gint64       key)
{
  if (self->bins->len == 0)
    {
      self->first_key = key;
      g_array_set_size (self->bins, 1);
    }
  else if (key < self->first_key)
    {
      guint grow = (guint) (self->first_key - key);
      Bin *zeros = g_new0 (Bin, grow);

      g_array_prepend_vals (self->bins, zeros, grow);
      g_free (zeros);
      self->first_key = key;
    }
  else if (key >= self->first_key + self->bins->len)
    {
      g_array_set_size (self->bins, (guint) (key - self->first_key + 1));
    }

  return &g_array_index (self->bins, Bin, key - self->first_key);
}

void
_bilat_series_add_key (BilatSeries    *self,
                       gint64          key,
                       double          goldstein,
                       BilatQuadClass  quad_class)
{
  Bin *bin = bin_for_key (self, key);

  bin->count++;
  if (!isnan (goldstein))
    {
      bin->goldstein_count++;
      bin->goldstein_sum += goldstein;
    }
  if (quad_class >= BILAT_QUAD_CLASS_VERBAL_COOPERATION &&
      quad_class <= BILAT_QUAD_CLASS_MATERIAL_CONFLICT)
    bin->quad[quad_class - 1]++;
}

gboolean
_bilat_series_add_run (BilatSeries   *self,
                       gint64         key,
                       guint64        count,
                       double         goldstein_sum,
                       guint64        goldstein_count,
                       const guint64  quad[4])
{
  Bin *bin = bin_for_key (self, key);

  /* Only into an empty bin is a sum of the run the sum of its events
   * added one by one, to the last bit. */
  if (bin->count != 0)
    return FALSE;
  bin->count = count;
  bin->goldstein_sum = goldstein_sum;
  bin->goldstein_count = goldstein_count;
  for (guint q = 0; q < 4; q++)
    bin->quad[q] = quad[q];
  return TRUE;
}

gint64
_bilat_series_key_for_civil (BilatSeriesUnit unit,
                             int             year,
                             int             month,
                             int             day)
{
  if (unit == BILAT_SERIES_UNIT_YEAR)
    return year;
  if (unit == BILAT_SERIES_UNIT_MONTH)
    return (gint64) year * 12 + (month - 1);
  return _bilat_civil_to_julian (year, month, day);
}

BilatDate *
_bilat_series_key_to_date (BilatSeriesUnit unit,
                           gint64          key)
{
  int year, month, day;

  switch (unit)
    {
    case BILAT_SERIES_UNIT_DAY:
      _bilat_julian_to_civil ((guint32) key, &year, &month, &day);
      return bilat_date_new_day (year, month, day, NULL);
    case BILAT_SERIES_UNIT_MONTH:
      return bilat_date_new_month ((int) (key / 12), (int) (key % 12) + 1, NULL);
    case BILAT_SERIES_UNIT_YEAR:
    default:
      return bilat_date_new_year ((int) key, NULL);
    }
}

/**
 * bilat_series_add_observation:
 * @self: a [class@Bilat.Series]
 * @julian_day: the day, as a GDate Julian day number (1 is 0001-01-01,
 *   the last allowed 9999-12-31, the range of a [struct@Bilat.Date])
 * @goldstein: the Goldstein score, or NAN when there is none
 * @quad_class: the QuadClass, or %BILAT_QUAD_CLASS_NONE
 *
 * Counts one event given by its figures alone, for readers that stream
 * event data without creating [class@Bilat.Event]s.
 *
 * Since: 1.0
 */
void
bilat_series_add_observation (BilatSeries    *self,
                              guint32         julian_day,
                              double          goldstein,
                              BilatQuadClass  quad_class)
{
  g_return_if_fail (BILAT_IS_SERIES (self));
  g_return_if_fail (julian_day >= 1 && julian_day <= _bilat_civil_to_julian (9999, 12, 31));

  _bilat_series_add_key (self, julian_to_key (self->unit, julian_day), goldstein, quad_class);
}

static BilatDatePrecision
unit_precision (BilatSeriesUnit unit)
{
  switch (unit)
    {
    case BILAT_SERIES_UNIT_DAY:
      return BILAT_DATE_PRECISION_DAY;
    case BILAT_SERIES_UNIT_MONTH:
      return BILAT_DATE_PRECISION_MONTH;
    case BILAT_SERIES_UNIT_YEAR:
    default:
      return BILAT_DATE_PRECISION_YEAR;
    }
}

void
_bilat_series_add_facts (BilatSeries           *self,
                         const BilatEventFacts *facts)
{
  gint64 key;

  if (facts->first_julian == 0)
    {
      self->n_undated++;
      return;
    }

  key = julian_to_key (self->unit, facts->first_julian);
  /* A date coarser than the bins, or an interval, may still lie within one
   * bin: it is imprecise only when it spans several. */
  if ((facts->is_interval || facts->precision < unit_precision (self->unit)) &&
      key != julian_to_key (self->unit, facts->last_julian))
    self->n_imprecise++;

  _bilat_series_add_key (self, key, facts->goldstein, facts->quad_class);
}

/**
 * bilat_series_add_event:
 * @self: a [class@Bilat.Series]
 * @event: a [class@Bilat.Event]
 *
 * Counts @event in the bin of the first day of its date (see
 * [class@Bilat.Series] for events of unknown or imprecise date), with its
 * Goldstein score ([method@Bilat.Event.get_goldstein]) and QuadClass.
 *
 * Since: 1.0
 */
void
bilat_series_add_event (BilatSeries *self,
                        BilatEvent  *event)
{
  BilatEventFacts facts;

  g_return_if_fail (BILAT_IS_SERIES (self));
  g_return_if_fail (BILAT_IS_EVENT (event));

  _bilat_event_facts_init (&facts, event);
  _bilat_series_add_facts (self, &facts);
}

/**
 * bilat_series_merge:
 * @self: a [class@Bilat.Series]
 * @other: another series of the same unit
 * @error: return location for a [error@Bilat.SeriesError]
 *
 * Adds the figures of @other to @self. When the two series count disjoint
 * sets of events, @self becomes the series of their union.
 *
 * Returns: %TRUE on success; %FALSE with %BILAT_SERIES_ERROR_UNIT_MISMATCH
 *   when the units differ, leaving @self unchanged
 *
 * Since: 1.0
 */
gboolean
bilat_series_merge (BilatSeries  *self,
                    BilatSeries  *other,
                    GError      **error)
{
  g_return_val_if_fail (BILAT_IS_SERIES (self), FALSE);
  g_return_val_if_fail (BILAT_IS_SERIES (other), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->unit != other->unit)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (BILAT_TYPE_SERIES_UNIT);

      g_set_error (error, BILAT_SERIES_ERROR, BILAT_SERIES_ERROR_UNIT_MISMATCH,
                   "Cannot merge a series by %s into one by %s",
                   g_enum_get_value (klass, other->unit)->value_nick,
                   g_enum_get_value (klass, self->unit)->value_nick);
      return FALSE;
    }

  if (other->bins->len > 0)
    {
      /* Touch both ends first so that the array is grown once. */
      bin_for_key (self, other->first_key);
      bin_for_key (self, other->first_key + other->bins->len - 1);

      for (guint i = 0; i < other->bins->len; i++)
        {
          const Bin *from = &g_array_index (other->bins, Bin, i);
          Bin *to = &g_array_index (self->bins, Bin, other->first_key + i - self->first_key);

          to->count += from->count;
          to->goldstein_count += from->goldstein_count;
          to->goldstein_sum += from->goldstein_sum;
          for (guint q = 0; q < G_N_ELEMENTS (to->quad); q++)
            to->quad[q] += from->quad[q];
        }
    }
  self->n_undated += other->n_undated;
  self->n_imprecise += other->n_imprecise;
  return TRUE;
}

/* Goldstein sums are of scores with one decimal; sums of the same scores
 * added in another order may differ in the last bits. */
static gboolean
sums_equal (double a,
            double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

/**
 * bilat_series_equal:
 * @a: a [class@Bilat.Series]
 * @b: another [class@Bilat.Series]
 *
 * Compares two series bin by bin. Goldstein sums are compared with a
 * relative tolerance of 1e-9, since sums of the same scores added in
 * another order can differ in their last bits.
 *
 * Returns: whether the series have the same unit, bins and figures
 *
 * Since: 1.0
 */
gboolean
bilat_series_equal (BilatSeries *a,
                    BilatSeries *b)
{
  g_return_val_if_fail (BILAT_IS_SERIES (a), FALSE);
  g_return_val_if_fail (BILAT_IS_SERIES (b), FALSE);

  if (a->unit != b->unit || a->bins->len != b->bins->len ||
      a->n_undated != b->n_undated || a->n_imprecise != b->n_imprecise)
    return FALSE;
  if (a->bins->len == 0)
    return TRUE;
  if (a->first_key != b->first_key)
    return FALSE;

  for (guint i = 0; i < a->bins->len; i++)
    {
      const Bin *x = &g_array_index (a->bins, Bin, i);
      const Bin *y = &g_array_index (b->bins, Bin, i);

      if (x->count != y->count || x->goldstein_count != y->goldstein_count ||
          !sums_equal (x->goldstein_sum, y->goldstein_sum) ||
          memcmp (x->quad, y->quad, sizeof x->quad) != 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * bilat_series_get_n_bins:
 * @self: a [class@Bilat.Series]
 *
 * Gets the number of bins, from the first to the last that holds an event; 0
 * when the series has no dated event.
 *
 * Returns: the number of bins, from the first to the last that holds an
 *   event; 0 when the series has no dated event
 *
 * Since: 1.0
 */
guint
bilat_series_get_n_bins (BilatSeries *self)
{
  g_return_val_if_fail (BILAT_IS_SERIES (self), 0);

  return self->bins->len;
}

static const Bin *
get_bin (BilatSeries *self,
         guint        bin)
{
  return &g_array_index (self->bins, Bin, bin);
}

/**
 * bilat_series_get_bin_date:
 * @self: a [class@Bilat.Series]
 * @bin: a bin index, less than [method@Bilat.Series.get_n_bins]
 *
 * Gets the day, month or year of the bin, as a date of the series' precision.
 *
 * Returns: (transfer full): the day, month or year of the bin, as a date
 *   of the series' precision
 *
 * Since: 1.0
 */
BilatDate *
bilat_series_get_bin_date (BilatSeries *self,
                           guint        bin)
{
  g_return_val_if_fail (BILAT_IS_SERIES (self), NULL);
  g_return_val_if_fail (bin < self->bins->len, NULL);

  return _bilat_series_key_to_date (self->unit, self->first_key + bin);
}

/**
 * bilat_series_get_count:
 * @self: a [class@Bilat.Series]
 * @bin: a bin index
 *
 * Gets the number of events in the bin.
 *
 * Returns: the number of events in the bin
 *
 * Since: 1.0
 */
guint64
bilat_series_get_count (BilatSeries *self,
                        guint        bin)
{
  g_return_val_if_fail (BILAT_IS_SERIES (self), 0);
  g_return_val_if_fail (bin < self->bins->len, 0);

  return get_bin (self, bin)->count;
}

/**
 * bilat_series_get_goldstein_count:
 * @self: a [class@Bilat.Series]
 * @bin: a bin index
 *
 * Gets the number of events in the bin that have a Goldstein score.
 *
 * Returns: the number of events in the bin that have a Goldstein score
 *
 * Since: 1.0
 */
guint64
bilat_series_get_goldstein_count (BilatSeries *self,
                                  guint        bin)
{
  g_return_val_if_fail (BILAT_IS_SERIES (self), 0);
  g_return_val_if_fail (bin < self->bins->len, 0);

  return get_bin (self, bin)->goldstein_count;
}

/**
 * bilat_series_get_goldstein_sum:
 * @self: a [class@Bilat.Series]
 * @bin: a bin index
 *
 * Gets the sum of the Goldstein scores of the events in the bin.
 *
 * Returns: the sum of the Goldstein scores of the events in the bin (0 when
 *   none has one)
 *
 * Since: 1.0
 */
double
bilat_series_get_goldstein_sum (BilatSeries *self,
                                guint        bin)
{
  g_return_val_if_fail (BILAT_IS_SERIES (self), 0.0);
  g_return_val_if_fail (bin < self->bins->len, 0.0);

  return get_bin (self, bin)->goldstein_sum;
}

/**
 * bilat_series_get_goldstein_mean:
 * @self: a [class@Bilat.Series]
 * @bin: a bin index
 *
 * Gets the mean Goldstein score of the events in the bin that have one, or NAN
 * when none has.
 *
 * Returns: the mean Goldstein score of the events in the bin that have
 *   one, or NAN when none has
 *
 * Since: 1.0
 */
double
bilat_series_get_goldstein_mean (BilatSeries *self,
                                 guint        bin)
{
  const Bin *b;

  g_return_val_if_fail (BILAT_IS_SERIES (self), NAN);
  g_return_val_if_fail (bin < self->bins->len, NAN);

  b = get_bin (self, bin);
  return b->goldstein_count ? b->goldstein_sum / (double) b->goldstein_count : NAN;
}

/**
 * bilat_series_get_quad_count:
 * @self: a [class@Bilat.Series]
 * @bin: a bin index
 * @quad_class: a QuadClass other than %BILAT_QUAD_CLASS_NONE
 *
 * Gets the number of events in the bin whose CAMEO code is of @quad_class.
 *
 * Returns: the number of events in the bin whose CAMEO code is of
 *   @quad_class
 *
 * Since: 1.0
 */
guint64
bilat_series_get_quad_count (BilatSeries    *self,
                             guint           bin,
                             BilatQuadClass  quad_class)
{
  g_return_val_if_fail (BILAT_IS_SERIES (self), 0);
  g_return_val_if_fail (bin < self->bins->len, 0);
  g_return_val_if_fail (quad_class >= BILAT_QUAD_CLASS_VERBAL_COOPERATION &&
                        quad_class <= BILAT_QUAD_CLASS_MATERIAL_CONFLICT, 0);

  return get_bin (self, bin)->quad[quad_class - 1];
}

/**
 * bilat_series_get_total:
 * @self: a [class@Bilat.Series]
 *
 * Gets the number of dated events in all bins.
 *
 * Returns: the number of dated events in all bins
 *
 * Since: 1.0
 */
guint64
bilat_series_get_total (BilatSeries *self)
{
  guint64 total = 0;

  g_return_val_if_fail (BILAT_IS_SERIES (self), 0);

  for (guint i = 0; i < self->bins->len; i++)
    total += get_bin (self, i)->count;
  return total;
}

/**
 * bilat_series_get_n_undated:
 * @self: a [class@Bilat.Series]
 *
 * Gets the number of events added whose date is unknown, which are in no bin.
 *
 * Returns: the number of events added whose date is unknown, which are in
 *   no bin
 *
 * Since: 1.0
 */
guint64
bilat_series_get_n_undated (BilatSeries *self)
{
  g_return_val_if_fail (BILAT_IS_SERIES (self), 0);

  return self->n_undated;
}

/**
 * bilat_series_get_n_imprecise:
 * @self: a [class@Bilat.Series]
 *
 * Gets the number of events counted whose date spans more than one bin (a year in a monthly series, an interval across
 * bins); each
 * is in the bin of its first day.
 *
 * Returns: the number of events counted whose date spans more than one
 *   bin (a year-precision date in a monthly series, an interval across
 *   bins); each is in the bin of its first day
 *
 * Since: 1.0
 */
guint64
bilat_series_get_n_imprecise (BilatSeries *self)
{
  g_return_val_if_fail (BILAT_IS_SERIES (self), 0);

  return self->n_imprecise;
}

static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* One decimal is the precision of Goldstein scores; sums keep it. */
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
}

static void
append_mean (GString *out,
             double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return;
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.4f", value));
}

static char *
to_json (BilatSeries *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GString *out;
  g_autoptr(GEnumClass) klass = g_type_class_ref (BILAT_TYPE_SERIES_UNIT);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "unit");
  json_builder_add_string_value (builder, g_enum_get_value (klass, self->unit)->value_nick);
  json_builder_set_member_name (builder, "undated");
  json_builder_add_int_value (builder, (gint64) self->n_undated);
  json_builder_set_member_name (builder, "imprecise");
  json_builder_add_int_value (builder, (gint64) self->n_imprecise);
  json_builder_set_member_name (builder, "bins");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->bins->len; i++)
    {
      const Bin *b = get_bin (self, i);
      g_autoptr(BilatDate) date = bilat_series_get_bin_date (self, i);
      g_autofree char *period = bilat_date_to_string (date);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "period");
      json_builder_add_string_value (builder, period);
      json_builder_set_member_name (builder, "events");
      json_builder_add_int_value (builder, (gint64) b->count);
      json_builder_set_member_name (builder, "goldstein_events");
      json_builder_add_int_value (builder, (gint64) b->goldstein_count);
      json_builder_set_member_name (builder, "goldstein_sum");
      json_builder_add_double_value (builder, round (b->goldstein_sum * 10.0) / 10.0);
      json_builder_set_member_name (builder, "goldstein_mean");
      if (b->goldstein_count)
        json_builder_add_double_value (builder, b->goldstein_sum / (double) b->goldstein_count);
      else
        json_builder_add_null_value (builder);
      for (guint q = 0; q < G_N_ELEMENTS (b->quad); q++)
        {
          char name[3] = { 'q', (char) ('1' + q), '\0' };

          json_builder_set_member_name (builder, name);
          json_builder_add_int_value (builder, (gint64) b->quad[q]);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  out = g_string_new (NULL);
  _bilat_json_print (out, root);
  return g_string_free (out, FALSE);
}

/**
 * bilat_series_to_string:
 * @self: a [class@Bilat.Series]
 * @format: the text form
 *
 * Prints the series. CSV and TSV have a header line and one line per bin
 * with the columns `period` (`2018`, `2018-10` or `2018-10-21`), `events`,
 * `goldstein_sum`, `q1` … `q4` (the QuadClass counts), `goldstein_mean`
 * (empty when no event of the bin has a score) and `goldstein_events`.
 * JSON is an object with `unit`, `undated`, `imprecise` and `bins`, an array
 * of objects with the same members. Numbers use a dot as decimal separator
 * whatever the locale.
 *
 * Returns: (transfer full): the text, ending with a newline
 *
 * Since: 1.0
 */
char *
bilat_series_to_string (BilatSeries       *self,
                        BilatSeriesFormat  format)
{
  GString *out;
  char sep;

  g_return_val_if_fail (BILAT_IS_SERIES (self), NULL);
  g_return_val_if_fail (format <= BILAT_SERIES_FORMAT_JSON, NULL);

  if (format == BILAT_SERIES_FORMAT_JSON)
    {
      char *json = to_json (self);
      char *with_newline = g_strconcat (json, "\n", NULL);

      g_free (json);
      return with_newline;
    }

  sep = format == BILAT_SERIES_FORMAT_CSV ? ',' : '\t';
  out = g_string_new (NULL);
  g_string_append_printf (out, "period%cevents%cgoldstein_sum%cq1%cq2%cq3%cq4%cgoldstein_mean%cgoldstein_events\n",
                          sep, sep, sep, sep, sep, sep, sep, sep);
  for (guint i = 0; i < self->bins->len; i++)
    {
      const Bin *b = get_bin (self, i);
      g_autoptr(BilatDate) date = bilat_series_get_bin_date (self, i);
      g_autofree char *period = bilat_date_to_string (date);

      g_string_append_printf (out, "%s%c%" G_GUINT64_FORMAT "%c", period, sep, b->count, sep);
      append_number (out, b->goldstein_sum);
      for (guint q = 0; q < G_N_ELEMENTS (b->quad); q++)
        g_string_append_printf (out, "%c%" G_GUINT64_FORMAT, sep, b->quad[q]);
      g_string_append_c (out, sep);
      append_mean (out, b->goldstein_count ? b->goldstein_sum / (double) b->goldstein_count : NAN);
      g_string_append_printf (out, "%c%" G_GUINT64_FORMAT "\n", sep, b->goldstein_count);
    }
  return g_string_free (out, FALSE);
}

/* Series as bytes: a GVariant of type SERIES_TYPE, little-endian, in
 * normal form:
 *   (s  "bilat-series"
 *    q  version (1)
 *    s  unit: "day", "month" or "year"
 *    x  the key of the first bin (Julian day; year * 12 + month - 1; year)
 *    t  undated events
 *    t  imprecise events
 *    a(ttdtttt)  the bins: events, events with a Goldstein score, their
 *                sum, QuadClass 1 to 4)
 * A later version may add members at the end; a reader refuses a version
 * above its own. */
#define SERIES_MAGIC "bilat-series"
#define SERIES_VERSION 1
#define SERIES_TYPE "(sqsxtta(ttdtttt))"
#define SERIES_BIN_TYPE "(ttdtttt)"

/**
 * bilat_series_to_bytes:
 * @self: a [class@Bilat.Series]
 *
 * Serialises the series, exactly (the Goldstein sums to the last bit), so
 * that partial series computed in other processes or on other machines
 * travel and merge: [ctor@Bilat.Series.new_from_bytes] reads them back,
 * on a machine of any byte order.
 *
 * The bytes are a [struct@GLib.Variant] of type
 * `(sqsxtta(ttdtttt))` in little-endian normal form: the text
 * `bilat-series`, the version of the layout (1), the unit (`day`, `month`
 * or `year`), the key of the first bin (a Julian day number, `year * 12 +
 * month - 1`, or the year), the undated and imprecise counts, and per bin
 * the events, the events with a Goldstein score, their sum and the four
 * QuadClass counts. Later versions may add members at the end.
 *
 * Returns: (transfer full): the series as bytes
 *
 * Since: 1.0
 */
GBytes *
bilat_series_to_bytes (BilatSeries *self)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) normal = NULL;
  GVariantBuilder bins;

  g_return_val_if_fail (BILAT_IS_SERIES (self), NULL);

  klass = g_type_class_ref (BILAT_TYPE_SERIES_UNIT);
  g_variant_builder_init (&bins, G_VARIANT_TYPE ("a" SERIES_BIN_TYPE));
  for (guint i = 0; i < self->bins->len; i++)
    {
      const Bin *b = &g_array_index (self->bins, Bin, i);

      g_variant_builder_add (&bins, SERIES_BIN_TYPE, b->count, b->goldstein_count, b->goldstein_sum,
                             b->quad[0], b->quad[1], b->quad[2], b->quad[3]);
    }
  variant = g_variant_ref_sink (g_variant_new (SERIES_TYPE, SERIES_MAGIC, (guint16) SERIES_VERSION,
                                               g_enum_get_value (klass, self->unit)->value_nick,
                                               self->bins->len > 0 ? self->first_key : (gint64) 0,
                                               self->n_undated, self->n_imprecise, &bins));
  normal = g_variant_get_normal_form (variant);
  if (G_BYTE_ORDER == G_BIG_ENDIAN)
    {
      GVariant *swapped = g_variant_byteswap (normal);

      g_variant_unref (normal);
      normal = swapped;
    }
  return g_variant_get_data_as_bytes (normal);
}

static gboolean
invalid_series (GError    **error,
                const char *why)
{
  g_set_error (error, BILAT_SERIES_ERROR, BILAT_SERIES_ERROR_INVALID_DATA,
               "Not a series: %s", why);
  return FALSE;
}

/**
 * bilat_series_new_from_bytes:
 * @bytes: what [method@Bilat.Series.to_bytes] wrote
 * @error: return location for a #GError, or %NULL
 *
 * Reads a series back from its bytes. Bytes from elsewhere are checked:
 * their layout, version and unit, and that every bin is consistent (no
 * more events with a score, or in a QuadClass, than events; a finite
 * sum; keys in the range of dates).
 *
 * Returns: (transfer full): the series, or %NULL with
 *   %BILAT_SERIES_ERROR_INVALID_DATA
 *
 * Since: 1.0
 */
BilatSeries *
bilat_series_new_from_bytes (GBytes  *bytes,
                             GError **error)
{
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) bins = NULL;
  g_autoptr(BilatSeries) series = NULL;
  g_autoptr(GEnumClass) klass = NULL;
  const char *magic;
  const char *unit_name;
  GEnumValue *unit;
  guint16 version;
  gint64 first_key;
  guint64 n_undated;
  guint64 n_imprecise;
  gsize n_bins;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (SERIES_TYPE), bytes, FALSE));
  if (!g_variant_is_normal_form (variant))
    {
      invalid_series (error, "the bytes are not a series of this layout");
      return NULL;
    }
  if (G_BYTE_ORDER == G_BIG_ENDIAN)
    {
      GVariant *swapped = g_variant_byteswap (variant);

      g_variant_unref (variant);
      variant = swapped;
    }
  g_variant_get (variant, "(&sq&sxtt@a" SERIES_BIN_TYPE ")", &magic, &version, &unit_name,
                 &first_key, &n_undated, &n_imprecise, &bins);
  if (strcmp (magic, SERIES_MAGIC) != 0)
    {
      invalid_series (error, "the bytes are not a series of this layout");
      return NULL;
    }
  if (version != SERIES_VERSION)
    {
      g_set_error (error, BILAT_SERIES_ERROR, BILAT_SERIES_ERROR_INVALID_DATA,
                   "Not a series this version of libbilat reads: layout version %u (this one reads %u)",
                   version, SERIES_VERSION);
      return NULL;
    }
  klass = g_type_class_ref (BILAT_TYPE_SERIES_UNIT);
  unit = g_enum_get_value_by_nick (klass, unit_name);
  if (unit == NULL)
    {
      invalid_series (error, "an unknown unit");
      return NULL;
    }

  /* Keys within the dates libbilat has (years 1 to 9999). */
  n_bins = g_variant_n_children (bins);
  {
    gint64 lowest = _bilat_series_key_for_civil (unit->value, 1, 1, 1);
    gint64 highest = _bilat_series_key_for_civil (unit->value, 9999, 12, 31);

    if (n_bins > 0 && (first_key < lowest || first_key > highest ||
                       (guint64) (highest - first_key) < n_bins - 1))
      {
        invalid_series (error, "bins outside the years 1 to 9999");
        return NULL;
      }
  }

  series = bilat_series_new (unit->value);
  series->n_undated = n_undated;
  series->n_imprecise = n_imprecise;
  if (n_bins > 0)
    {
      g_array_set_size (series->bins, (guint) n_bins);
      series->first_key = first_key;
    }
  for (gsize i = 0; i < n_bins; i++)
    {
      Bin *b = &g_array_index (series->bins, Bin, i);

      g_variant_get_child (bins, i, SERIES_BIN_TYPE, &b->count, &b->goldstein_count, &b->goldstein_sum,
                           &b->quad[0], &b->quad[1], &b->quad[2], &b->quad[3]);
      if (b->goldstein_count > b->count || !isfinite (b->goldstein_sum) ||
          b->quad[0] > b->count || b->quad[1] > b->count - b->quad[0] ||
          b->quad[2] > b->count - b->quad[0] - b->quad[1] ||
          b->quad[3] > b->count - b->quad[0] - b->quad[1] - b->quad[2] ||
          (b->goldstein_count == 0 && b->goldstein_sum != 0))
        {
          g_autofree char *why = g_strdup_printf ("bin %" G_GSIZE_FORMAT " is inconsistent", i);

          invalid_series (error, why);
          return NULL;
        }
    }
  /* The first and last bins hold events, as in every series. */
  if (n_bins > 0 && (g_array_index (series->bins, Bin, 0).count == 0 ||
                     g_array_index (series->bins, Bin, n_bins - 1).count == 0))
    {
      invalid_series (error, "its first or last bin is empty");
      return NULL;
    }
  return g_steal_pointer (&series);
}
