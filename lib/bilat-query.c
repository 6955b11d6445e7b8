/* bilat-query.c: filters over events and positions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <string.h>

#include <bilat/bilat.h>

#include "bilat-query-private.h"
#include "bilat-record-private.h"
#include "bilat-segment-private.h"
#include "bilat-series-private.h"
#include "bilat-store-private.h"

/**
 * BilatQuery:
 *
 * A filter over the events and positions of a [class@Bilat.Store].
 *
 * A query is a conjunction of criteria; a criterion that is not set does
 * not filter. For events:
 *
 * - actors: at least one of the actors takes part;
 * - dyad: both actors of the pair take part, in either direction;
 * - period: the event's date overlaps the period, which may be open at
 *   either end ([property@Bilat.Query:period-start],
 *   [property@Bilat.Query:period-end]); an event whose date is unknown
 *   matches only while no period is set;
 * - event type: the event is of that type ([class@Bilat.Exercise] for
 *   exercises only);
 * - CAMEO prefix and QuadClass: of the event's CAMEO code;
 * - sectors: the event is in at least one of them;
 * - text: a case-insensitive substring of the title or the summary.
 *
 * Positions are filtered by actors (holder or target), dyad (holder and
 * target), period (the position's date), issue, sectors and text (over the
 * summary).
 *
 * Actors follow state succession unless
 * [property@Bilat.Query:follow-succession] is turned off: asking for `RUS`
 * also finds events of `SUN`, the state Russia continues, because the
 * store's actor `RUS` names `SUN` as its predecessor. The event's own
 * participants are not changed; [method@Bilat.Query.match_event] says
 * which substitution made it match.
 *
 * A query has a compact string form for the command line and scripts,
 * parsed by [func@Bilat.Query.parse] and printed by
 * [method@Bilat.Query.to_string]: space-separated `key:value` terms such as
 * `dyad:PAK,RUS from:2015 to:2018 type:exercise`. The keys are `actor`
 * (one or more ids separated by commas), `dyad` (two ids), `from` and `to`
 * (dates; the period runs from the start of one to the end of the other),
 * `period` (a date or interval), `type` (`event` or `exercise`), `cameo` (a
 * code prefix of 1–4 digits), `quad` (1–4 or the nick of a
 * [enum@Bilat.QuadClass]), `sector` (sector nicks separated by commas),
 * `issue`, `text` (a word, or a phrase in double quotes) and `succession`
 * (`on` or `off`).
 *
 * Queries are not thread-safe; use one from one thread at a time.
 *
 * Since: 1.0
 */

struct _BilatQuery
{
  GObject parent_instance;

  GStrv actors;
  char *dyad_a;
  char *dyad_b;
  BilatDate *from;
  BilatDate *to;
  GType event_type;
  char *cameo_prefix;
  BilatQuadClass quad_class;
  BilatSector sectors;
  char *issue;
  char *text;
  char *text_folded;
  gboolean follow_succession;
};

G_DEFINE_FINAL_TYPE (BilatQuery, bilat_query, G_TYPE_OBJECT)

/**
 * bilat_query_error_quark:
 *
 * Returns the quark of the error domain of query parsing; use
 * %BILAT_QUERY_ERROR instead.
 *
 * Returns: the %BILAT_QUERY_ERROR quark
 *
 * Since: 1.0
 */
G_DEFINE_QUARK (bilat-query-error-quark, bilat_query_error)

enum {
  PROP_0,
  PROP_ACTORS,
  PROP_DYAD,
  PROP_PERIOD,
  PROP_PERIOD_START,
  PROP_PERIOD_END,
  PROP_EVENT_TYPE,
  PROP_CAMEO_PREFIX,
  PROP_QUAD_CLASS,
  PROP_SECTORS,
  PROP_ISSUE,
  PROP_TEXT,
  PROP_FOLLOW_SUCCESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The period's open ends: the first and last days a BilatDate can name. */
#define FIRST_YEAR 1
#define LAST_YEAR 9999

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
bilat_query_finalize (GObject *object)
{
  BilatQuery *self = BILAT_QUERY (object);

  g_strfreev (self->actors);
  g_free (self->dyad_a);
  g_free (self->dyad_b);
  g_clear_pointer (&self->from, bilat_date_unref);
  g_clear_pointer (&self->to, bilat_date_unref);
  g_free (self->cameo_prefix);
  g_free (self->issue);
  g_free (self->text);
  g_free (self->text_folded);

  G_OBJECT_CLASS (bilat_query_parent_class)->finalize (object);
}

static void
bilat_query_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BilatQuery *self = BILAT_QUERY (object);

  switch (prop_id)
    {
    case PROP_ACTORS:
      g_value_set_boxed (value, self->actors);
      break;
    case PROP_DYAD:
      {
        const char *pair[] = { self->dyad_a, self->dyad_b, NULL };

        g_value_set_boxed (value, self->dyad_a ? pair : &pair[2]);
      }
      break;
    case PROP_PERIOD:
      g_value_take_boxed (value, bilat_query_get_period (self));
      break;
    case PROP_PERIOD_START:
      g_value_set_boxed (value, self->from);
      break;
    case PROP_PERIOD_END:
      g_value_set_boxed (value, self->to);
      break;
    case PROP_EVENT_TYPE:
      g_value_set_gtype (value, bilat_query_get_event_type (self));
      break;
    case PROP_CAMEO_PREFIX:
      g_value_set_string (value, self->cameo_prefix);
      break;
    case PROP_QUAD_CLASS:
      g_value_set_enum (value, self->quad_class);
      break;
    case PROP_SECTORS:
      g_value_set_flags (value, self->sectors);
      break;
    case PROP_ISSUE:
      g_value_set_string (value, self->issue);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_FOLLOW_SUCCESSION:
      g_value_set_boolean (value, self->follow_succession);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_query_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BilatQuery *self = BILAT_QUERY (object);

  switch (prop_id)
    {
    case PROP_ACTORS:
      bilat_query_set_actors (self, g_value_get_boxed (value));
      break;
    case PROP_DYAD:
      {
        const char * const *pair = g_value_get_boxed (value);
        guint n = pair ? g_strv_length ((char **) pair) : 0;

        g_return_if_fail (n == 0 || n == 2);
        bilat_query_set_dyad (self, n ? pair[0] : NULL, n ? pair[1] : NULL);
      }
      break;
    case PROP_PERIOD:
      bilat_query_set_period (self, g_value_get_boxed (value));
      break;
    case PROP_PERIOD_START:
      bilat_query_set_period_start (self, g_value_get_boxed (value));
      break;
    case PROP_PERIOD_END:
      bilat_query_set_period_end (self, g_value_get_boxed (value));
      break;
    case PROP_EVENT_TYPE:
      bilat_query_set_event_type (self, g_value_get_gtype (value));
      break;
    case PROP_CAMEO_PREFIX:
      bilat_query_set_cameo_prefix (self, g_value_get_string (value));
      break;
    case PROP_QUAD_CLASS:
      bilat_query_set_quad_class (self, g_value_get_enum (value));
      break;
    case PROP_SECTORS:
      bilat_query_set_sectors (self, g_value_get_flags (value));
      break;
    case PROP_ISSUE:
      bilat_query_set_issue (self, g_value_get_string (value));
      break;
    case PROP_TEXT:
      bilat_query_set_text (self, g_value_get_string (value));
      break;
    case PROP_FOLLOW_SUCCESSION:
      bilat_query_set_follow_succession (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_query_class_init (BilatQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_query_finalize;
  object_class->get_property = bilat_query_get_property;
  object_class->set_property = bilat_query_set_property;

  /**
   * BilatQuery:actors: (getter get_actors) (setter set_actors)
   *
   * Actor ids of which at least one must take part; empty for any.
   *
   * Since: 1.0
   */
  properties[PROP_ACTORS] =
    g_param_spec_boxed ("actors", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatQuery:dyad:
   *
   * The two actors both of which must take part, in either direction, as
   * an array of two ids; empty for no dyad. See
   * [method@Bilat.Query.set_dyad].
   *
   * Since: 1.0
   */
  properties[PROP_DYAD] =
    g_param_spec_boxed ("dyad", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatQuery:period: (getter get_period) (setter set_period)
   *
   * The period a date must overlap, or %NULL for any time. Setting it sets
   * [property@Bilat.Query:period-start] and [property@Bilat.Query:period-end]
   * to the same date; reading a period open at one end gives it closed by
   * the first or last year a [struct@Bilat.Date] can hold.
   *
   * Since: 1.0
   */
  properties[PROP_PERIOD] =
    g_param_spec_boxed ("period", NULL, NULL, BILAT_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatQuery:period-start: (getter get_period_start) (setter set_period_start)
   *
   * Where the period starts: a date must end on or after the first day of
   * this date. %NULL leaves the period open at its start.
   *
   * Since: 1.0
   */
  properties[PROP_PERIOD_START] =
    g_param_spec_boxed ("period-start", NULL, NULL, BILAT_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatQuery:period-end: (getter get_period_end) (setter set_period_end)
   *
   * Where the period ends: a date must start on or before the last day of
   * this date. %NULL leaves the period open at its end.
   *
   * Since: 1.0
   */
  properties[PROP_PERIOD_END] =
    g_param_spec_boxed ("period-end", NULL, NULL, BILAT_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatQuery:event-type: (getter get_event_type) (setter set_event_type)
   *
   * The type events must be of: [class@Bilat.Event] for all events,
   * [class@Bilat.Exercise] for exercises only.
   *
   * Since: 1.0
   */
  properties[PROP_EVENT_TYPE] =
    g_param_spec_gtype ("event-type", NULL, NULL, BILAT_TYPE_EVENT,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatQuery:cameo-prefix: (getter get_cameo_prefix) (setter set_cameo_prefix)
   *
   * A prefix of 1–4 digits the event's CAMEO code must start with, or
   * %NULL for any.
   *
   * Since: 1.0
   */
  properties[PROP_CAMEO_PREFIX] =
    g_param_spec_string ("cameo-prefix", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatQuery:quad-class: (getter get_quad_class) (setter set_quad_class)
   *
   * The QuadClass of the event's CAMEO code, or %BILAT_QUAD_CLASS_NONE for
   * any.
   *
   * Since: 1.0
   */
  properties[PROP_QUAD_CLASS] =
    g_param_spec_enum ("quad-class", NULL, NULL, BILAT_TYPE_QUAD_CLASS, BILAT_QUAD_CLASS_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatQuery:sectors: (getter get_sectors) (setter set_sectors)
   *
   * Sectors of which a record must be in at least one; none for any.
   *
   * Since: 1.0
   */
  properties[PROP_SECTORS] =
    g_param_spec_flags ("sectors", NULL, NULL, BILAT_TYPE_SECTOR, BILAT_SECTOR_NONE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatQuery:issue: (getter get_issue) (setter set_issue)
   *
   * The issue positions must be on, or %NULL for any.
   *
   * Since: 1.0
   */
  properties[PROP_ISSUE] =
    g_param_spec_string ("issue", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatQuery:text: (getter get_text) (setter set_text)
   *
   * Text that the title or summary must contain, compared without regard
   * to case; %NULL for any.
   *
   * Since: 1.0
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatQuery:follow-succession: (getter get_follow_succession) (setter set_follow_succession)
   *
   * Whether an actor also stands for the states it continues (`RUS` for
   * `SUN`), as its [property@Bilat.Actor:predecessor] chain in the store
   * says. On by default.
   *
   * Since: 1.0
   */
  properties[PROP_FOLLOW_SUCCESSION] =
    g_param_spec_boolean ("follow-succession", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bilat_query_init (BilatQuery *self)
{
  self->actors = g_new0 (char *, 1);
  self->event_type = BILAT_TYPE_EVENT;
  self->follow_succession = TRUE;
}

/**
 * bilat_query_new:
 *
 * Creates a query that matches every event and position.
 *
 * Returns: (transfer full): a new [class@Bilat.Query]
 *
 * Since: 1.0
 */
BilatQuery *
bilat_query_new (void)
{
  return g_object_new (BILAT_TYPE_QUERY, NULL);
}

/**
 * bilat_query_copy:
 * @self: a [class@Bilat.Query]
 *
 * Copies a query, to change the copy without touching the original.
 *
 * Returns: (transfer full): a new [class@Bilat.Query] equal to @self
 *
 * Since: 1.0
 */
BilatQuery *
bilat_query_copy (BilatQuery *self)
{
  BilatQuery *copy;

  g_return_val_if_fail (BILAT_IS_QUERY (self), NULL);

  copy = bilat_query_new ();
  g_strfreev (copy->actors);
  copy->actors = g_strdupv (self->actors);
  copy->dyad_a = g_strdup (self->dyad_a);
  copy->dyad_b = g_strdup (self->dyad_b);
  copy->from = self->from ? bilat_date_ref (self->from) : NULL;
  copy->to = self->to ? bilat_date_ref (self->to) : NULL;
  copy->event_type = self->event_type;
  copy->cameo_prefix = g_strdup (self->cameo_prefix);
  copy->quad_class = self->quad_class;
  copy->sectors = self->sectors;
  copy->issue = g_strdup (self->issue);
  copy->text = g_strdup (self->text);
  copy->text_folded = g_strdup (self->text_folded);
  copy->follow_succession = self->follow_succession;
  return copy;
}

/**
 * bilat_query_get_actors: (get-property actors)
 * @self: a [class@Bilat.Query]
 *
 * Gets the actor ids of which one must take part; empty when any will do.
 *
 * Returns: (transfer none) (array zero-terminated=1): the actor ids of
 *   which one must take part; empty when any will do
 *
 * Since: 1.0
 */
const char * const *
bilat_query_get_actors (BilatQuery *self)
{
  g_return_val_if_fail (BILAT_IS_QUERY (self), NULL);

  return (const char * const *) self->actors;
}

/**
 * bilat_query_set_actors: (set-property actors)
 * @self: a [class@Bilat.Query]
 * @actors: (nullable) (array zero-terminated=1): actor ids, or %NULL for any
 *
 * Sets the actors of which at least one must take part in an event (or
 * hold or be the target of a position).
 *
 * Since: 1.0
 */
void
bilat_query_set_actors (BilatQuery         *self,
                        const char * const *actors)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (BILAT_IS_QUERY (self));

  if (actors == NULL)
    actors = none;
  for (guint i = 0; actors[i] != NULL; i++)
    g_return_if_fail (bilat_record_is_valid_id (actors[i]));
  if (g_strv_equal ((const char * const *) self->actors, actors))
    return;

  g_strfreev (self->actors);
  self->actors = g_strdupv ((char **) actors);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTORS]);
}

/**
 * bilat_query_add_actor:
 * @self: a [class@Bilat.Query]
 * @actor: an actor id
 *
 * Adds an actor to those of which one must take part.
 *
 * Since: 1.0
 */
void
bilat_query_add_actor (BilatQuery *self,
                       const char *actor)
{
  GStrvBuilder *builder;

  g_return_if_fail (BILAT_IS_QUERY (self));
  g_return_if_fail (bilat_record_is_valid_id (actor));

  if (g_strv_contains ((const char * const *) self->actors, actor))
    return;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) self->actors);
  g_strv_builder_add (builder, actor);
  g_strfreev (self->actors);
  self->actors = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTORS]);
}

/**
 * bilat_query_set_dyad:
 * @self: a [class@Bilat.Query]
 * @actor_a: (nullable): an actor id, or %NULL to drop the dyad
 * @actor_b: (nullable): another actor id, or %NULL to drop the dyad
 *
 * Restricts events to those in which both actors take part, in either
 * direction, and positions to those one of them holds about the other.
 *
 * Since: 1.0
 */
void
bilat_query_set_dyad (BilatQuery *self,
                      const char *actor_a,
                      const char *actor_b)
{
  g_return_if_fail (BILAT_IS_QUERY (self));
  g_return_if_fail ((actor_a == NULL) == (actor_b == NULL));
  g_return_if_fail (actor_a == NULL || bilat_record_is_valid_id (actor_a));
  g_return_if_fail (actor_b == NULL || bilat_record_is_valid_id (actor_b));

  /* Both ends change together: one notification. */
  if (replace_string (&self->dyad_a, actor_a) | replace_string (&self->dyad_b, actor_b))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DYAD]);
}

/**
 * bilat_query_get_dyad:
 * @self: a [class@Bilat.Query]
 * @actor_a: (out) (optional) (transfer none) (nullable): the first actor
 * @actor_b: (out) (optional) (transfer none) (nullable): the second actor
 *
 * Tells whether the query has a dyad, and which actors form it.
 *
 * Returns: %TRUE if the query has a dyad
 *
 * Since: 1.0
 */
gboolean
bilat_query_get_dyad (BilatQuery  *self,
                      const char **actor_a,
                      const char **actor_b)
{
  g_return_val_if_fail (BILAT_IS_QUERY (self), FALSE);

  if (actor_a != NULL)
    *actor_a = self->dyad_a;
  if (actor_b != NULL)
    *actor_b = self->dyad_b;
  return self->dyad_a != NULL;
}

/**
 * bilat_query_get_period: (get-property period)
 * @self: a [class@Bilat.Query]
 *
 * Returns the period dates must overlap. A period open at one end (only a
 * start or only an end, see [method@Bilat.Query.get_period_start]) is
 * returned closed by the first or last year a [struct@Bilat.Date] can hold,
 * the span it covers.
 *
 * Returns: (transfer full) (nullable): the period, or %NULL for any time
 *
 * Since: 1.0
 */
BilatDate *
bilat_query_get_period (BilatQuery *self)
{
  g_autoptr(BilatDate) first = NULL;
  g_autoptr(BilatDate) last = NULL;

  g_return_val_if_fail (BILAT_IS_QUERY (self), NULL);

  if (self->from == NULL && self->to == NULL)
    return NULL;
  if (self->from != NULL && self->to != NULL && bilat_date_equal (self->from, self->to))
    return bilat_date_ref (self->from);

  first = self->from ? bilat_date_ref (bilat_date_get_start (self->from))
                     : bilat_date_new_year (FIRST_YEAR, NULL);
  last = self->to ? bilat_date_ref (bilat_date_get_end (self->to))
                  : bilat_date_new_year (LAST_YEAR, NULL);
  return bilat_date_new_interval (first, last, NULL);
}

static gboolean
replace_bound (BilatDate **bound,
               BilatDate  *date)
{
  if (date == *bound || (date != NULL && *bound != NULL && bilat_date_equal (date, *bound)))
    return FALSE;
  g_clear_pointer (bound, bilat_date_unref);
  *bound = date != NULL ? bilat_date_ref (date) : NULL;
  return TRUE;
}

static void
set_bounds (BilatQuery *self,
            BilatDate  *from,
            BilatDate  *to)
{
  gboolean from_changed = replace_bound (&self->from, from);
  gboolean to_changed = replace_bound (&self->to, to);

  if (from_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_START]);
  if (to_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_END]);
  if (from_changed || to_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

/**
 * bilat_query_set_period: (set-property period)
 * @self: a [class@Bilat.Query]
 * @period: (nullable): a date or interval, or %NULL for any time
 *
 * Restricts records to those whose date overlaps @period: sets both the
 * start and the end of the period to @period. Records whose date is
 * unknown match only while no period is set.
 *
 * Since: 1.0
 */
void
bilat_query_set_period (BilatQuery *self,
                        BilatDate  *period)
{
  g_return_if_fail (BILAT_IS_QUERY (self));

  set_bounds (self, period, period);
}

/**
 * bilat_query_get_period_start: (get-property period-start)
 * @self: a [class@Bilat.Query]
 *
 * Gets where the period starts: dates must end on or after the first day
 * of this date (the `from:` of the query string).
 *
 * Returns: (transfer none) (nullable): the start, or %NULL when the period
 *   is open at its start
 *
 * Since: 1.0
 */
BilatDate *
bilat_query_get_period_start (BilatQuery *self)
{
  g_return_val_if_fail (BILAT_IS_QUERY (self), NULL);

  return self->from;
}

/**
 * bilat_query_set_period_start: (set-property period-start)
 * @self: a [class@Bilat.Query]
 * @start: (nullable): the date the period starts with, or %NULL to leave
 *   it open at its start
 *
 * Restricts records to those whose date ends on or after the first day of
 * @start, leaving the end of the period as it is: with only a start, the
 * period is open at its end. A period whose end comes before its start
 * matches no dated record. Records whose date is unknown match only while
 * no period is set.
 *
 * Since: 1.0
 */
void
bilat_query_set_period_start (BilatQuery *self,
                              BilatDate  *start)
{
  g_return_if_fail (BILAT_IS_QUERY (self));

  set_bounds (self, start, self->to);
}

/**
 * bilat_query_get_period_end: (get-property period-end)
 * @self: a [class@Bilat.Query]
 *
 * Gets where the period ends: dates must start on or before the last day
 * of this date (the `to:` of the query string).
 *
 * Returns: (transfer none) (nullable): the end, or %NULL when the period is
 *   open at its end
 *
 * Since: 1.0
 */
BilatDate *
bilat_query_get_period_end (BilatQuery *self)
{
  g_return_val_if_fail (BILAT_IS_QUERY (self), NULL);

  return self->to;
}

/**
 * bilat_query_set_period_end: (set-property period-end)
 * @self: a [class@Bilat.Query]
 * @end: (nullable): the date the period ends with, or %NULL to leave it
 *   open at its end
 *
 * Restricts records to those whose date starts on or before the last day
 * of @end, leaving the start of the period as it is: with only an end, the
 * period is open at its start. See [method@Bilat.Query.set_period_start].
 *
 * Since: 1.0
 */
void
bilat_query_set_period_end (BilatQuery *self,
                            BilatDate  *end)
{
  g_return_if_fail (BILAT_IS_QUERY (self));

  set_bounds (self, self->from, end);
}

/**
 * bilat_query_get_event_type: (get-property event-type)
 * @self: a [class@Bilat.Query]
 *
 * Gets the type events must be of (`BILAT_TYPE_EVENT` for any).
 *
 * Returns: the type events must be of (`BILAT_TYPE_EVENT` for any)
 *
 * Since: 1.0
 */
GType
bilat_query_get_event_type (BilatQuery *self)
{
  g_return_val_if_fail (BILAT_IS_QUERY (self), G_TYPE_INVALID);

  return self->event_type;
}

/**
 * bilat_query_set_event_type: (set-property event-type)
 * @self: a [class@Bilat.Query]
 * @event_type: `BILAT_TYPE_EVENT` or a subtype such as `BILAT_TYPE_EXERCISE`
 *
 * Restricts events to those of @event_type.
 *
 * Since: 1.0
 */
void
bilat_query_set_event_type (BilatQuery *self,
                            GType       event_type)
{
  g_return_if_fail (BILAT_IS_QUERY (self));
  g_return_if_fail (g_type_is_a (event_type, BILAT_TYPE_EVENT));

  if (self->event_type == event_type)
    return;
  self->event_type = event_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_TYPE]);
}

/**
 * bilat_query_get_cameo_prefix: (get-property cameo-prefix)
 * @self: a [class@Bilat.Query]
 *
 * Gets the CAMEO code prefix, or %NULL.
 *
 * Returns: (nullable): the CAMEO code prefix, or %NULL
 *
 * Since: 1.0
 */
const char *
bilat_query_get_cameo_prefix (BilatQuery *self)
{
  g_return_val_if_fail (BILAT_IS_QUERY (self), NULL);

  return self->cameo_prefix;
}

gboolean
_bilat_query_is_cameo_prefix (const char *prefix)
{
  gsize len = strlen (prefix);

  if (len < 1 || len > 4)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (prefix[i]))
      return FALSE;
  return TRUE;
}

/**
 * bilat_query_set_cameo_prefix: (set-property cameo-prefix)
 * @self: a [class@Bilat.Query]
 * @prefix: (nullable): 1–4 digits, or %NULL for any code
 *
 * Restricts events to those whose CAMEO code starts with @prefix: `"06"`
 * for material cooperation of every kind, `"0311"` for one code. Events
 * without a CAMEO code do not match.
 *
 * Since: 1.0
 */
void
bilat_query_set_cameo_prefix (BilatQuery *self,
                              const char *prefix)
{
  g_return_if_fail (BILAT_IS_QUERY (self));
  g_return_if_fail (prefix == NULL || _bilat_query_is_cameo_prefix (prefix));

  if (replace_string (&self->cameo_prefix, prefix))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMEO_PREFIX]);
}

/**
 * bilat_query_get_quad_class: (get-property quad-class)
 * @self: a [class@Bilat.Query]
 *
 * Gets the QuadClass events must be of, or %BILAT_QUAD_CLASS_NONE.
 *
 * Returns: the QuadClass events must be of, or %BILAT_QUAD_CLASS_NONE
 *
 * Since: 1.0
 */
BilatQuadClass
bilat_query_get_quad_class (BilatQuery *self)
{
  g_return_val_if_fail (BILAT_IS_QUERY (self), BILAT_QUAD_CLASS_NONE);

  return self->quad_class;
}

/**
 * bilat_query_set_quad_class: (set-property quad-class)
 * @self: a [class@Bilat.Query]
 * @quad_class: a QuadClass, or %BILAT_QUAD_CLASS_NONE for any
 *
 * Restricts events to those whose CAMEO code is of @quad_class.
 *
 * Since: 1.0
 */
void
bilat_query_set_quad_class (BilatQuery     *self,
                            BilatQuadClass  quad_class)
{
  g_return_if_fail (BILAT_IS_QUERY (self));
  g_return_if_fail (quad_class <= BILAT_QUAD_CLASS_MATERIAL_CONFLICT);

  if (self->quad_class == quad_class)
    return;
  self->quad_class = quad_class;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUAD_CLASS]);
}

/**
 * bilat_query_get_sectors: (get-property sectors)
 * @self: a [class@Bilat.Query]
 *
 * Gets the sectors of which a record must be in one, or %BILAT_SECTOR_NONE.
 *
 * Returns: the sectors of which a record must be in one, or
 *   %BILAT_SECTOR_NONE
 *
 * Since: 1.0
 */
BilatSector
bilat_query_get_sectors (BilatQuery *self)
{
  g_return_val_if_fail (BILAT_IS_QUERY (self), BILAT_SECTOR_NONE);

  return self->sectors;
}

/**
 * bilat_query_set_sectors: (set-property sectors)
 * @self: a [class@Bilat.Query]
 * @sectors: sectors, or %BILAT_SECTOR_NONE for any
 *
 * Restricts records to those in at least one of @sectors.
 *
 * Since: 1.0
 */
void
bilat_query_set_sectors (BilatQuery  *self,
                         BilatSector  sectors)
{
  g_return_if_fail (BILAT_IS_QUERY (self));
  g_return_if_fail (_bilat_flags_are_valid (BILAT_TYPE_SECTOR, sectors));

  if (self->sectors == sectors)
    return;
  self->sectors = sectors;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTORS]);
}

/**
 * bilat_query_get_issue: (get-property issue)
 * @self: a [class@Bilat.Query]
 *
 * Gets the issue id positions must be on, or %NULL.
 *
 * Returns: (nullable): the issue id positions must be on, or %NULL
 *
 * Since: 1.0
 */
const char *
bilat_query_get_issue (BilatQuery *self)
{
  g_return_val_if_fail (BILAT_IS_QUERY (self), NULL);

  return self->issue;
}

/**
 * bilat_query_set_issue: (set-property issue)
 * @self: a [class@Bilat.Query]
 * @issue: (nullable): an issue id, or %NULL for any
 *
 * Restricts positions to those on @issue. Events are not affected.
 *
 * Since: 1.0
 */
void
bilat_query_set_issue (BilatQuery *self,
                       const char *issue)
{
  g_return_if_fail (BILAT_IS_QUERY (self));
  g_return_if_fail (issue == NULL || bilat_record_is_valid_id (issue));

  if (replace_string (&self->issue, issue))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUE]);
}

/**
 * bilat_query_get_text: (get-property text)
 * @self: a [class@Bilat.Query]
 *
 * Gets the text records must contain, or %NULL.
 *
 * Returns: (nullable): the text records must contain, or %NULL
 *
 * Since: 1.0
 */
const char *
bilat_query_get_text (BilatQuery *self)
{
  g_return_val_if_fail (BILAT_IS_QUERY (self), NULL);

  return self->text;
}

/**
 * bilat_query_set_text: (set-property text)
 * @self: a [class@Bilat.Query]
 * @text: (nullable): text, or %NULL (or empty) for any
 *
 * Restricts events to those whose title or summary contains @text, and
 * positions to those whose summary does, ignoring case.
 *
 * Since: 1.0
 */
void
bilat_query_set_text (BilatQuery *self,
                      const char *text)
{
  g_return_if_fail (BILAT_IS_QUERY (self));
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (!replace_string (&self->text, text))
    return;
  g_clear_pointer (&self->text_folded, g_free);
  if (text != NULL)
    self->text_folded = g_utf8_casefold (text, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * bilat_query_get_follow_succession: (get-property follow-succession)
 * @self: a [class@Bilat.Query]
 *
 * Gets whether actors stand for the states they continue.
 *
 * Returns: whether actors stand for the states they continue
 *
 * Since: 1.0
 */
gboolean
bilat_query_get_follow_succession (BilatQuery *self)
{
  g_return_val_if_fail (BILAT_IS_QUERY (self), FALSE);

  return self->follow_succession;
}

/**
 * bilat_query_set_follow_succession: (set-property follow-succession)
 * @self: a [class@Bilat.Query]
 * @follow: whether to follow state succession
 *
 * Turns state succession on or off; see [class@Bilat.Query].
 *
 * Since: 1.0
 */
void
bilat_query_set_follow_succession (BilatQuery *self,
                                   gboolean    follow)
{
  g_return_if_fail (BILAT_IS_QUERY (self));

  follow = !!follow;
  if (self->follow_succession == follow)
    return;
  self->follow_succession = follow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOW_SUCCESSION]);
}

/* Matching. */

/* Whether @candidate stands for @wanted: it is @wanted, or (with succession)
 * a state that @wanted continues, directly or through a chain. */
static gboolean
stands_for (BilatQuery *self,
            BilatStore *store,
            const char *wanted,
            const char *candidate)
{
  const char *ids[_BILAT_LINEAGE_MAX];
  guint n;

  if (strcmp (wanted, candidate) == 0)
    return TRUE;
  if (!self->follow_succession || store == NULL)
    return FALSE;

  n = _bilat_store_get_lineage (store, wanted, ids);
  for (guint i = 1; i < n; i++)
    if (strcmp (ids[i], candidate) == 0)
      return TRUE;
  return FALSE;
}

static void
add_note (GString    *notes,
          const char *wanted,
          const char *found)
{
  if (strcmp (wanted, found) == 0)
    return;
  if (notes->len > 0)
    g_string_append (notes, "; ");
  g_string_append_printf (notes, "%s as predecessor of %s", found, wanted);
}

static gboolean
matches_text (BilatQuery *self,
              const char *first,
              const char *second)
{
  const char *fields[] = { first, second };

  if (self->text_folded == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *folded = NULL;

      if (fields[i] == NULL)
        continue;
      folded = g_utf8_casefold (fields[i], -1);
      if (strstr (folded, self->text_folded) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
matches_period (BilatQuery *self,
                BilatDate  *date)
{
  guint32 first;
  guint32 last;

  if (self->from == NULL && self->to == NULL)
    return TRUE;
  if (date == NULL)
    return FALSE;

  first = self->from ? bilat_date_get_first_julian (self->from) : 0;
  last = self->to ? bilat_date_get_last_julian (self->to) : G_MAXUINT32;
  return bilat_date_get_last_julian (date) >= first && bilat_date_get_first_julian (date) <= last;
}

/**
 * bilat_query_match_event:
 * @self: a [class@Bilat.Query]
 * @store: (nullable): the store whose actors tell state succession, or %NULL
 *   to match actor ids literally
 * @event: a [class@Bilat.Event]
 * @note: (out) (optional) (nullable) (transfer full): where to store how
 *   the event matched through state succession, such as
 *   `SUN as predecessor of RUS`; %NULL when it matched directly
 *
 * Tests one event against the query.
 *
 * Returns: whether @event matches
 *
 * Since: 1.0
 */
gboolean
bilat_query_match_event (BilatQuery  *self,
                         BilatStore  *store,
                         BilatEvent  *event,
                         char       **note)
{
  g_autoptr(GString) notes = NULL;
  GPtrArray *participants;

  g_return_val_if_fail (BILAT_IS_QUERY (self), FALSE);
  g_return_val_if_fail (store == NULL || BILAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (BILAT_IS_EVENT (event), FALSE);

  if (note != NULL)
    *note = NULL;

  if (!g_type_is_a (G_OBJECT_TYPE (event), self->event_type))
    return FALSE;
  if (!matches_period (self, bilat_event_get_date (event)))
    return FALSE;
  if (self->sectors != BILAT_SECTOR_NONE && (bilat_event_get_sectors (event) & self->sectors) == 0)
    return FALSE;
  if (self->cameo_prefix != NULL || self->quad_class != BILAT_QUAD_CLASS_NONE)
    {
      const char *code = bilat_event_get_cameo_code (event);

      if (code == NULL)
        return FALSE;
      if (self->cameo_prefix != NULL && !g_str_has_prefix (code, self->cameo_prefix))
        return FALSE;
      if (self->quad_class != BILAT_QUAD_CLASS_NONE &&
          bilat_cameo_get_quad_class (code) != self->quad_class)
        return FALSE;
    }
  if (!matches_text (self, bilat_event_get_title (event), bilat_event_get_summary (event)))
    return FALSE;

  notes = g_string_new (NULL);
  participants = bilat_event_get_participants (event);

  if (self->actors[0] != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < participants->len && !found; i++)
        {
          const char *actor = bilat_participant_get_actor (g_ptr_array_index (participants, i));

          for (guint j = 0; self->actors[j] != NULL && !found; j++)
            if (stands_for (self, store, self->actors[j], actor))
              {
                add_note (notes, self->actors[j], actor);
                found = TRUE;
              }
        }
      if (!found)
        return FALSE;
    }

  if (self->dyad_a != NULL)
    {
      gboolean found = FALSE;

      /* Two different participants, one standing for each side. */
      for (guint i = 0; i < participants->len && !found; i++)
        {
          const char *a = bilat_participant_get_actor (g_ptr_array_index (participants, i));

          if (!stands_for (self, store, self->dyad_a, a))
            continue;
          for (guint j = 0; j < participants->len && !found; j++)
            {
              const char *b = bilat_participant_get_actor (g_ptr_array_index (participants, j));

              if (i != j && stands_for (self, store, self->dyad_b, b))
                {
                  add_note (notes, self->dyad_a, a);
                  add_note (notes, self->dyad_b, b);
                  found = TRUE;
                }
            }
        }
      if (!found)
        return FALSE;
    }

  if (note != NULL && notes->len > 0)
    *note = g_string_free (g_steal_pointer (&notes), FALSE);
  return TRUE;
}

/**
 * bilat_query_match_position:
 * @self: a [class@Bilat.Query]
 * @store: (nullable): the store whose actors tell state succession, or %NULL
 * @position: a [class@Bilat.Position]
 *
 * Tests one position against the query: actors match the holder or the
 * target, a dyad matches a holder and target that stand for its two
 * actors (in either order), and the event-only criteria (type, CAMEO,
 * QuadClass) are ignored.
 *
 * Returns: whether @position matches
 *
 * Since: 1.0
 */
gboolean
bilat_query_match_position (BilatQuery    *self,
                            BilatStore    *store,
                            BilatPosition *position)
{
  const char *holder;
  const char *target;

  g_return_val_if_fail (BILAT_IS_QUERY (self), FALSE);
  g_return_val_if_fail (store == NULL || BILAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (BILAT_IS_POSITION (position), FALSE);

  holder = bilat_position_get_holder (position);
  target = bilat_position_get_target (position);

  if (self->issue != NULL && g_strcmp0 (bilat_position_get_issue (position), self->issue) != 0 &&
      !(store != NULL && _bilat_store_issue_is_under (store, bilat_position_get_issue (position),
                                                      self->issue)))
    return FALSE;
  if (!matches_period (self, bilat_position_get_date (position)))
    return FALSE;
  if (self->sectors != BILAT_SECTOR_NONE &&
      (bilat_position_get_sectors (position) & self->sectors) == 0)
    return FALSE;
  if (!matches_text (self, bilat_position_get_summary (position), NULL))
    return FALSE;

  if (self->actors[0] != NULL)
    {
      gboolean found = FALSE;

      for (guint j = 0; self->actors[j] != NULL && !found; j++)
        found = stands_for (self, store, self->actors[j], holder) ||
                (target != NULL && stands_for (self, store, self->actors[j], target));
      if (!found)
        return FALSE;
    }

  if (self->dyad_a != NULL)
    {
      if (target == NULL)
        return FALSE;
      if (!((stands_for (self, store, self->dyad_a, holder) &&
             stands_for (self, store, self->dyad_b, target)) ||
            (stands_for (self, store, self->dyad_b, holder) &&
             stands_for (self, store, self->dyad_a, target))))
        return FALSE;
    }

  return TRUE;
}

/* Adds @actor and, with succession, the states it continues to @ids. */
static void
add_lineage (BilatQuery *self,
             BilatStore *store,
             const char *actor,
             GPtrArray  *ids)
{
  const char *lineage[_BILAT_LINEAGE_MAX];
  guint n = 1;

  lineage[0] = actor;
  if (self->follow_succession)
    n = _bilat_store_get_lineage (store, actor, lineage);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ids, (gpointer) lineage[i]);
}

static guint
count_events (BilatStore *store,
              GPtrArray  *ids)
{
  guint n = 0;

  for (guint i = 0; i + 1 < ids->len; i++)
    n += _bilat_store_count_actor_events (store, g_ptr_array_index (ids, i));
  return n;
}

static void
collect_event (gpointer event,
               gpointer user_data)
{
  g_ptr_array_add (user_data, event);
}

/* The events that can match @self, from the store's index of the events
 * of each actor when the query names actors: the side of a dyad with fewer
 * events, or all the actors of the actor filter. */
static GPtrArray *
candidate_events (BilatQuery *self,
                  BilatStore *store)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  gboolean in_period = self->from != NULL || self->to != NULL;
  guint32 first = self->from ? bilat_date_get_first_julian (self->from) : 0;
  guint32 last = self->to ? bilat_date_get_last_julian (self->to) : G_MAXUINT32;

  if (self->dyad_a != NULL)
    {
      g_autoptr(GPtrArray) side_b = g_ptr_array_new ();

      add_lineage (self, store, self->dyad_a, ids);
      g_ptr_array_add (ids, NULL);
      add_lineage (self, store, self->dyad_b, side_b);
      g_ptr_array_add (side_b, NULL);
      if (count_events (store, side_b) < count_events (store, ids))
        {
          g_ptr_array_unref (ids);
          ids = g_steal_pointer (&side_b);
        }
    }
  else if (self->actors[0] != NULL)
    {
      for (guint i = 0; self->actors[i] != NULL; i++)
        add_lineage (self, store, self->actors[i], ids);
      g_ptr_array_add (ids, NULL);
    }
  else if (in_period)
    {
      return _bilat_store_events_in_period (store, first, last);
    }
  else
    {
      GPtrArray *all = g_ptr_array_new ();

      _bilat_store_foreach_event (store, collect_event, all);
      return all;
    }

  return _bilat_store_events_of_actors (store, (const char * const *) ids->pdata,
                                        in_period, first, last);
}

/* The events among the store's objects that match @query (all with a
 * NULL query), in list order, as borrowed pointers. */
static GPtrArray *
match_objects (BilatStore *self,
               BilatQuery *query)
{
  g_autoptr(GPtrArray) candidates = NULL;
  GPtrArray *matches;

  if (query == NULL)
    {
      matches = g_ptr_array_new ();
      _bilat_store_foreach_event (self, collect_event, matches);
      return matches;
    }
  candidates = candidate_events (query, self);
  matches = g_ptr_array_sized_new (candidates->len);
  for (guint i = 0; i < candidates->len; i++)
    {
      BilatEvent *event = g_ptr_array_index (candidates, i);

      if (bilat_query_match_event (query, self, event, NULL))
        g_ptr_array_add (matches, event);
    }
  return matches;
}

/* The ids @actor stands for, NULL-terminated (borrowed strings). */
static GPtrArray *
lineage (BilatQuery *self,
         BilatStore *store,
         const char *actor)
{
  GPtrArray *ids = g_ptr_array_new ();

  add_lineage (self, store, actor, ids);
  g_ptr_array_add (ids, NULL);
  return ids;
}

/* @query compiled for the rows of @segment. */
static BilatSegmentMatcher *
row_matcher (BilatStore   *store,
             BilatQuery   *query,
             BilatSegment *segment)
{
  g_autoptr(GPtrArray) lineages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) side_a = NULL;
  g_autoptr(GPtrArray) side_b = NULL;
  g_autoptr(GPtrArray) arrays = g_ptr_array_new ();
  g_autoptr(BilatDate) period = NULL;
  BilatSegmentCriteria criteria = { 0, };

  if (query == NULL)
    return _bilat_segment_matcher_new (segment, NULL);

  /* Rows are coded events, which are no exercises and have no sectors. */
  criteria.nothing = !g_type_is_a (BILAT_TYPE_CODED_EVENT, query->event_type) ||
                     query->sectors != BILAT_SECTOR_NONE;
  /* An open bound is the widest date a BilatDate can hold. */
  period = bilat_query_get_period (query);
  criteria.first_day = period != NULL ? bilat_date_get_first_julian (period) : 0;
  criteria.last_day = period != NULL ? bilat_date_get_last_julian (period) : G_MAXUINT32;
  criteria.cameo_prefix = query->cameo_prefix;
  criteria.quad_class = query->quad_class;
  criteria.text = query->text;

  for (guint i = 0; query->actors[i] != NULL; i++)
    {
      GPtrArray *ids = lineage (query, store, query->actors[i]);

      g_ptr_array_add (lineages, ids);
      g_ptr_array_add (arrays, ids->pdata);
    }
  criteria.lineages = arrays;
  if (query->dyad_a != NULL)
    {
      side_a = lineage (query, store, query->dyad_a);
      side_b = lineage (query, store, query->dyad_b);
      criteria.side_a = (const char * const *) side_a->pdata;
      criteria.side_b = (const char * const *) side_b->pdata;
    }
  return _bilat_segment_matcher_new (segment, &criteria);
}

/**
 * bilat_store_find_events:
 * @self: a [class@Bilat.Store]
 * @query: (nullable): a [class@Bilat.Query], or %NULL for all events
 *
 * Finds the events of the store that match @query.
 *
 * A query that names actors or a dyad reads only the events of those
 * actors, from an index the store keeps; within them a period is found by
 * binary search. Its cost is then proportional to the events of the
 * actor with fewer events, not to the size of the store.
 *
 * Returns: (transfer full): a new [iface@Gio.ListModel] of
 *   [class@Bilat.Event], in date order
 *
 * Since: 1.0
 */
GListModel *
bilat_store_find_events (BilatStore *self,
                         BilatQuery *query)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GArray) rows = NULL;
  BilatSegment *segment;
  const guint8 *dead;

  g_return_val_if_fail (BILAT_IS_STORE (self), NULL);
  g_return_val_if_fail (query == NULL || BILAT_IS_QUERY (query), NULL);

  matches = match_objects (self, query);
  segment = _bilat_store_get_segment (self, &dead);
  if (segment != NULL)
    {
      BilatSegmentMatcher *matcher = row_matcher (self, query, segment);

      rows = _bilat_segment_matcher_run (matcher, dead);
      _bilat_segment_matcher_free (matcher);
    }
  return _bilat_store_new_result (self, matches, segment, rows);
}

/* Counts the events that match @query (all with NULL) into @series: the
 * rows of the segment in row order, then the objects. */
static void
count_matches (BilatStore  *self,
               BilatQuery  *query,
               BilatSeries *series)
{
  g_autoptr(GPtrArray) matches = NULL;
  BilatSegment *segment;
  const guint8 *dead;

  segment = _bilat_store_get_segment (self, &dead);
  if (segment != NULL)
    {
      BilatSegmentMatcher *matcher = row_matcher (self, query, segment);

      _bilat_segment_matcher_count (matcher, dead, series);
      _bilat_segment_matcher_free (matcher);
    }
  if (query == NULL)
    return;
  matches = match_objects (self, query);
  for (guint i = 0; i < matches->len; i++)
    bilat_series_add_event (series, g_ptr_array_index (matches, i));
}

/**
 * bilat_store_compute_series:
 * @store: a [class@Bilat.Store]
 * @query: (nullable): a [class@Bilat.Query], or %NULL for all events
 * @unit: the width of the bins
 *
 * Computes the series of the events of @store that match @query.
 *
 * Returns: (transfer full): a new [class@Bilat.Series]
 *
 * Since: 1.0
 */
BilatSeries *
bilat_store_compute_series (BilatStore      *store,
                            BilatQuery      *query,
                            BilatSeriesUnit  unit)
{
  BilatSeries *series;

  g_return_val_if_fail (BILAT_IS_STORE (store), NULL);
  g_return_val_if_fail (query == NULL || BILAT_IS_QUERY (query), NULL);
  g_return_val_if_fail (unit <= BILAT_SERIES_UNIT_YEAR, NULL);

  series = bilat_series_new (unit);
  count_matches (store, query, series);
  if (query == NULL)
    {
      guint n_facts;
      const BilatEventFacts *facts = _bilat_store_get_event_facts (store, &n_facts);

      for (guint i = 0; i < n_facts; i++)
        _bilat_series_add_facts (series, &facts[i]);
    }
  return series;
}

/**
 * bilat_store_find_positions:
 * @self: a [class@Bilat.Store]
 * @query: (nullable): a [class@Bilat.Query], or %NULL for all positions
 *
 * Finds the positions of the store that match @query.
 *
 * Returns: (transfer full): a new [iface@Gio.ListModel] of
 *   [class@Bilat.Position], in the store's order
 *
 * Since: 1.0
 */
GListModel *
bilat_store_find_positions (BilatStore *self,
                            BilatQuery *query)
{
  GListModel *positions;
  GListStore *result;
  guint n;

  g_return_val_if_fail (BILAT_IS_STORE (self), NULL);
  g_return_val_if_fail (query == NULL || BILAT_IS_QUERY (query), NULL);

  positions = bilat_store_get_positions (self);
  n = g_list_model_get_n_items (positions);
  result = g_list_store_new (BILAT_TYPE_POSITION);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatPosition) position = g_list_model_get_item (positions, i);

      if (query == NULL || bilat_query_match_position (query, self, position))
        g_list_store_append (result, position);
    }

  return G_LIST_MODEL (result);
}
