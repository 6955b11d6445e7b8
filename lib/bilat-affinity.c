/* bilat-affinity.c: how close two states stand, from their votes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <string.h>

#include <bilat/bilat.h>

#include "bilat-affinity-private.h"
#include "bilat-record-private.h"
#include "bilat-store-private.h"

/* Settings. */

/**
 * BilatAffinitySettings:
 *
 * What [method@Bilat.Store.compute_affinity] and
 * [method@Bilat.Store.compute_affinity_matrix] measure over: the roll calls
 * a query selects (its period, issue and text; a topic; important votes
 * only), what one score covers (a year, a session or the whole period) and
 * how few shared roll calls make a score thin.
 *
 * Since: 1.0
 */
struct _BilatAffinitySettings
{
  GObject            parent_instance;

  BilatQuery        *query;
  BilatAffinityUnit  unit;
  char              *topic;
  gboolean           important_only;
  guint              thin_threshold;
};

G_DEFINE_FINAL_TYPE (BilatAffinitySettings, bilat_affinity_settings, G_TYPE_OBJECT)

enum {
  SETTINGS_PROP_0,
  SETTINGS_PROP_QUERY,
  SETTINGS_PROP_UNIT,
  SETTINGS_PROP_TOPIC,
  SETTINGS_PROP_IMPORTANT_ONLY,
  SETTINGS_PROP_THIN_THRESHOLD,
  N_SETTINGS_PROPS
};

static GParamSpec *settings_properties[N_SETTINGS_PROPS];

static void
bilat_affinity_settings_finalize (GObject *object)
{
  BilatAffinitySettings *self = BILAT_AFFINITY_SETTINGS (object);

  g_clear_object (&self->query);
  g_free (self->topic);

  G_OBJECT_CLASS (bilat_affinity_settings_parent_class)->finalize (object);
}

static void
bilat_affinity_settings_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  BilatAffinitySettings *self = BILAT_AFFINITY_SETTINGS (object);

  switch (prop_id)
    {
    case SETTINGS_PROP_QUERY:
      g_value_set_object (value, self->query);
      break;
    case SETTINGS_PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;
    case SETTINGS_PROP_TOPIC:
      g_value_set_string (value, self->topic);
      break;
    case SETTINGS_PROP_IMPORTANT_ONLY:
      g_value_set_boolean (value, self->important_only);
      break;
    case SETTINGS_PROP_THIN_THRESHOLD:
      g_value_set_uint (value, self->thin_threshold);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_affinity_settings_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  BilatAffinitySettings *self = BILAT_AFFINITY_SETTINGS (object);

  switch (prop_id)
    {
    case SETTINGS_PROP_QUERY:
      bilat_affinity_settings_set_query (self, g_value_get_object (value));
      break;
    case SETTINGS_PROP_UNIT:
      bilat_affinity_settings_set_unit (self, g_value_get_enum (value));
      break;
    case SETTINGS_PROP_TOPIC:
      bilat_affinity_settings_set_topic (self, g_value_get_string (value));
      break;
    case SETTINGS_PROP_IMPORTANT_ONLY:
      bilat_affinity_settings_set_important_only (self, g_value_get_boolean (value));
      break;
    case SETTINGS_PROP_THIN_THRESHOLD:
      bilat_affinity_settings_set_thin_threshold (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_affinity_settings_class_init (BilatAffinitySettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_affinity_settings_finalize;
  object_class->get_property = bilat_affinity_settings_get_property;
  object_class->set_property = bilat_affinity_settings_set_property;

  /**
   * BilatAffinitySettings:query: (getter get_query) (setter set_query)
   *
   * The roll calls to measure over, or %NULL for all. What applies of a
   * query to roll calls: its period (the roll call's date), its issue (a
   * roll call, `unga:RCID`, or a topic, `unga-topic:me`), its text (found
   * in the roll call's resolution symbol, title or description, in any
   * case), its sectors (roll calls have none, so a query with sectors
   * selects none) and whether it follows state succession. Its actors and
   * dyad do not apply: the actors measured are given.
   *
   * Since: 1.0
   */
  settings_properties[SETTINGS_PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL, BILAT_TYPE_QUERY, _BILAT_PARAM_READWRITE);

  /**
   * BilatAffinitySettings:unit: (getter get_unit) (setter set_unit)
   *
   * What one score covers. Matrices are always over the whole period.
   *
   * Since: 1.0
   */
  settings_properties[SETTINGS_PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL, BILAT_TYPE_AFFINITY_UNIT, BILAT_AFFINITY_UNIT_PERIOD,
                       _BILAT_PARAM_READWRITE);

  /**
   * BilatAffinitySettings:topic: (getter get_topic) (setter set_topic)
   *
   * Only roll calls on this topic, given by its code (`me`) or issue id
   * (`unga-topic:me`), or %NULL for any topic.
   *
   * Since: 1.0
   */
  settings_properties[SETTINGS_PROP_TOPIC] =
    g_param_spec_string ("topic", NULL, NULL, NULL, _BILAT_PARAM_READWRITE);

  /**
   * BilatAffinitySettings:important-only: (getter get_important_only) (setter set_important_only)
   *
   * Only roll calls flagged as important votes.
   *
   * Since: 1.0
   */
  settings_properties[SETTINGS_PROP_IMPORTANT_ONLY] =
    g_param_spec_boolean ("important-only", NULL, NULL, FALSE, _BILAT_PARAM_READWRITE);

  /**
   * BilatAffinitySettings:thin-threshold: (getter get_thin_threshold) (setter set_thin_threshold)
   *
   * A score over fewer shared roll calls than this is thin
   * ([property@Bilat.AffinityScore:thin]).
   *
   * Since: 1.0
   */
  settings_properties[SETTINGS_PROP_THIN_THRESHOLD] =
    g_param_spec_uint ("thin-threshold", NULL, NULL, 0, G_MAXUINT,
                       BILAT_AFFINITY_DEFAULT_THIN_THRESHOLD, _BILAT_PARAM_READWRITE);

  g_object_class_install_properties (object_class, N_SETTINGS_PROPS, settings_properties);
}

static void
bilat_affinity_settings_init (BilatAffinitySettings *self)
{
  self->thin_threshold = BILAT_AFFINITY_DEFAULT_THIN_THRESHOLD;
}

/**
 * bilat_affinity_settings_new:
 *
 * Creates settings that measure over every roll call, one score for the
 * whole period, thin below %BILAT_AFFINITY_DEFAULT_THIN_THRESHOLD.
 *
 * Returns: (transfer full): new settings
 *
 * Since: 1.0
 */
BilatAffinitySettings *
bilat_affinity_settings_new (void)
{
  return g_object_new (BILAT_TYPE_AFFINITY_SETTINGS, NULL);
}

/**
 * bilat_affinity_settings_get_query: (get-property query)
 * @self: a [class@Bilat.AffinitySettings]
 *
 * Gets the query that selects the roll calls.
 *
 * Returns: (transfer none) (nullable): the query, or %NULL for all
 *
 * Since: 1.0
 */
BilatQuery *
bilat_affinity_settings_get_query (BilatAffinitySettings *self)
{
  g_return_val_if_fail (BILAT_IS_AFFINITY_SETTINGS (self), NULL);

  return self->query;
}

/**
 * bilat_affinity_settings_set_query: (set-property query)
 * @self: a [class@Bilat.AffinitySettings]
 * @query: (nullable): a [class@Bilat.Query], or %NULL for all roll calls
 *
 * Sets the query that selects the roll calls. The query is copied: later
 * changes to @query do not change the settings.
 *
 * Since: 1.0
 */
void
bilat_affinity_settings_set_query (BilatAffinitySettings *self,
                                   BilatQuery            *query)
{
  g_return_if_fail (BILAT_IS_AFFINITY_SETTINGS (self));
  g_return_if_fail (query == NULL || BILAT_IS_QUERY (query));

  if (query == NULL && self->query == NULL)
    return;
  g_clear_object (&self->query);
  if (query != NULL)
    self->query = bilat_query_copy (query);
  g_object_notify_by_pspec (G_OBJECT (self), settings_properties[SETTINGS_PROP_QUERY]);
}

/**
 * bilat_affinity_settings_get_unit: (get-property unit)
 * @self: a [class@Bilat.AffinitySettings]
 *
 * Gets what one score covers.
 *
 * Returns: the unit
 *
 * Since: 1.0
 */
BilatAffinityUnit
bilat_affinity_settings_get_unit (BilatAffinitySettings *self)
{
  g_return_val_if_fail (BILAT_IS_AFFINITY_SETTINGS (self), BILAT_AFFINITY_UNIT_PERIOD);

  return self->unit;
}

/**
 * bilat_affinity_settings_set_unit: (set-property unit)
 * @self: a [class@Bilat.AffinitySettings]
 * @unit: what one score covers
 *
 * Sets what one score of a dyad's affinity covers.
 *
 * Since: 1.0
 */
void
bilat_affinity_settings_set_unit (BilatAffinitySettings *self,
                                  BilatAffinityUnit      unit)
{
  g_return_if_fail (BILAT_IS_AFFINITY_SETTINGS (self));
  g_return_if_fail (unit <= BILAT_AFFINITY_UNIT_SESSION);

  if (self->unit == unit)
    return;
  self->unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), settings_properties[SETTINGS_PROP_UNIT]);
}

/**
 * bilat_affinity_settings_get_topic: (get-property topic)
 * @self: a [class@Bilat.AffinitySettings]
 *
 * Gets the topic roll calls must be on.
 *
 * Returns: (nullable): the topic, or %NULL for any
 *
 * Since: 1.0
 */
const char *
bilat_affinity_settings_get_topic (BilatAffinitySettings *self)
{
  g_return_val_if_fail (BILAT_IS_AFFINITY_SETTINGS (self), NULL);

  return self->topic;
}

/**
 * bilat_affinity_settings_set_topic: (set-property topic)
 * @self: a [class@Bilat.AffinitySettings]
 * @topic: (nullable): a topic code (`me`) or issue id (`unga-topic:me`),
 *   or %NULL for any topic
 *
 * Sets the topic roll calls must be on.
 *
 * Since: 1.0
 */
void
bilat_affinity_settings_set_topic (BilatAffinitySettings *self,
                                   const char            *topic)
{
  g_return_if_fail (BILAT_IS_AFFINITY_SETTINGS (self));

  if (_bilat_set_str (&self->topic, topic))
    g_object_notify_by_pspec (G_OBJECT (self), settings_properties[SETTINGS_PROP_TOPIC]);
}

/**
 * bilat_affinity_settings_get_important_only: (get-property important-only)
 * @self: a [class@Bilat.AffinitySettings]
 *
 * Gets whether only important votes count.
 *
 * Returns: %TRUE if only roll calls flagged as important count
 *
 * Since: 1.0
 */
gboolean
bilat_affinity_settings_get_important_only (BilatAffinitySettings *self)
{
  g_return_val_if_fail (BILAT_IS_AFFINITY_SETTINGS (self), FALSE);

  return self->important_only;
}

/**
 * bilat_affinity_settings_set_important_only: (set-property important-only)
 * @self: a [class@Bilat.AffinitySettings]
 * @important_only: whether only important votes count
 *
 * Sets whether only roll calls flagged as important votes count.
 *
 * Since: 1.0
 */
void
bilat_affinity_settings_set_important_only (BilatAffinitySettings *self,
                                            gboolean               important_only)
{
  g_return_if_fail (BILAT_IS_AFFINITY_SETTINGS (self));

  important_only = !!important_only;
  if (self->important_only == important_only)
    return;
  self->important_only = important_only;
  g_object_notify_by_pspec (G_OBJECT (self), settings_properties[SETTINGS_PROP_IMPORTANT_ONLY]);
}

/**
 * bilat_affinity_settings_get_thin_threshold: (get-property thin-threshold)
 * @self: a [class@Bilat.AffinitySettings]
 *
 * Gets the number of shared roll calls below which a score is thin.
 *
 * Returns: the threshold
 *
 * Since: 1.0
 */
guint
bilat_affinity_settings_get_thin_threshold (BilatAffinitySettings *self)
{
  g_return_val_if_fail (BILAT_IS_AFFINITY_SETTINGS (self), BILAT_AFFINITY_DEFAULT_THIN_THRESHOLD);

  return self->thin_threshold;
}

/**
 * bilat_affinity_settings_set_thin_threshold: (set-property thin-threshold)
 * @self: a [class@Bilat.AffinitySettings]
 * @threshold: the fewest shared roll calls a score that is not thin has
 *
 * Sets the number of shared roll calls below which a score is thin; 0
 * flags none.
 *
 * Since: 1.0
 */
void
bilat_affinity_settings_set_thin_threshold (BilatAffinitySettings *self,
                                            guint                  threshold)
{
  g_return_if_fail (BILAT_IS_AFFINITY_SETTINGS (self));

  if (self->thin_threshold == threshold)
    return;
  self->thin_threshold = threshold;
  g_object_notify_by_pspec (G_OBJECT (self), settings_properties[SETTINGS_PROP_THIN_THRESHOLD]);
}

/* Scores. */

typedef struct
{
  char                 *actor_a;
  char                 *actor_b;
  guint                 key;        /* year or session; 0 */
  BilatAffinityFigures  figures;
} Row;

/**
 * BilatAffinityScore:
 *
 * The affinity of two actors over a year, a session or a whole period: an
 * item of a [class@Bilat.Affinity].
 *
 * A measure that is not defined — there is no roll call both voted on, or
 * chance alone would give the agreement seen because both always voted
 * the same way — is NaN in C and %None in Python, never 0 or 1.
 *
 * Since: 1.0
 */
struct _BilatAffinityScore
{
  GObject              parent_instance;

  char                *actor_a;
  char                *actor_b;
  guint                year;
  guint                session;
  BilatAffinityFigures figures;
  gboolean             thin;
};

G_DEFINE_FINAL_TYPE (BilatAffinityScore, bilat_affinity_score, G_TYPE_OBJECT)

enum {
  SCORE_PROP_0,
  SCORE_PROP_ACTOR_A,
  SCORE_PROP_ACTOR_B,
  SCORE_PROP_YEAR,
  SCORE_PROP_SESSION,
  SCORE_PROP_N,
  SCORE_PROP_AGREE,
  SCORE_PROP_S,
  SCORE_PROP_S2,
  SCORE_PROP_KAPPA,
  SCORE_PROP_PI,
  SCORE_PROP_THIN,
  N_SCORE_PROPS
};

static GParamSpec *score_properties[N_SCORE_PROPS];

static void
bilat_affinity_score_finalize (GObject *object)
{
  BilatAffinityScore *self = BILAT_AFFINITY_SCORE (object);

  g_free (self->actor_a);
  g_free (self->actor_b);

  G_OBJECT_CLASS (bilat_affinity_score_parent_class)->finalize (object);
}

static void
bilat_affinity_score_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BilatAffinityScore *self = BILAT_AFFINITY_SCORE (object);

  switch (prop_id)
    {
    case SCORE_PROP_ACTOR_A:
      g_value_set_string (value, self->actor_a);
      break;
    case SCORE_PROP_ACTOR_B:
      g_value_set_string (value, self->actor_b);
      break;
    case SCORE_PROP_YEAR:
      g_value_set_uint (value, self->year);
      break;
    case SCORE_PROP_SESSION:
      g_value_set_uint (value, self->session);
      break;
    case SCORE_PROP_N:
      g_value_set_uint (value, self->figures.n);
      break;
    case SCORE_PROP_AGREE:
      g_value_set_double (value, self->figures.agree);
      break;
    case SCORE_PROP_S:
      g_value_set_double (value, self->figures.s);
      break;
    case SCORE_PROP_S2:
      g_value_set_double (value, self->figures.s2);
      break;
    case SCORE_PROP_KAPPA:
      g_value_set_double (value, self->figures.kappa);
      break;
    case SCORE_PROP_PI:
      g_value_set_double (value, self->figures.pi);
      break;
    case SCORE_PROP_THIN:
      g_value_set_boolean (value, self->thin);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
measure_pspec (const char *name)
{
  return g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
bilat_affinity_score_class_init (BilatAffinityScoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_affinity_score_finalize;
  object_class->get_property = bilat_affinity_score_get_property;

  /**
   * BilatAffinityScore:actor-a: (getter get_actor_a)
   *
   * The id of the first actor.
   *
   * Since: 1.0
   */
  score_properties[SCORE_PROP_ACTOR_A] =
    g_param_spec_string ("actor-a", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatAffinityScore:actor-b: (getter get_actor_b)
   *
   * The id of the second actor.
   *
   * Since: 1.0
   */
  score_properties[SCORE_PROP_ACTOR_B] =
    g_param_spec_string ("actor-b", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatAffinityScore:year: (getter get_year)
   *
   * The calendar year of the roll calls the score covers, or 0 when it is
   * not a score per year.
   *
   * Since: 1.0
   */
  score_properties[SCORE_PROP_YEAR] =
    g_param_spec_uint ("year", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatAffinityScore:session: (getter get_session)
   *
   * The session of the assembly the score covers, or 0 when it is not a
   * score per session (or the session of its roll calls is not known).
   *
   * Since: 1.0
   */
  score_properties[SCORE_PROP_SESSION] =
    g_param_spec_uint ("session", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatAffinityScore:n: (getter get_n)
   *
   * The number of roll calls on which both actors voted yes, no or
   * abstain.
   *
   * Since: 1.0
   */
  score_properties[SCORE_PROP_N] =
    g_param_spec_uint ("n", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatAffinityScore:agree: (getter get_agree)
   *
   * The agreement index, 1 − Σd / (n·d_max), from 0 to 1; NaN if n is 0.
   *
   * Since: 1.0
   */
  score_properties[SCORE_PROP_AGREE] = measure_pspec ("agree");

  /**
   * BilatAffinityScore:s: (getter get_s)
   *
   * Signorino and Ritter's S with absolute distances, 1 − 2·Σd / (n·d_max),
   * from −1 to 1; NaN if n is 0.
   *
   * Since: 1.0
   */
  score_properties[SCORE_PROP_S] = measure_pspec ("s");

  /**
   * BilatAffinityScore:s2: (getter get_s2)
   *
   * Signorino and Ritter's S with squared distances,
   * 1 − 2·Σd² / (n·d_max²), from −1 to 1; NaN if n is 0.
   *
   * Since: 1.0
   */
  score_properties[SCORE_PROP_S2] = measure_pspec ("s2");

  /**
   * BilatAffinityScore:kappa: (getter get_kappa)
   *
   * Cohen's κ with linear distance weights, 1 − D_o / D_e, the expected
   * distance D_e from each actor's own distribution of votes; NaN if n is
   * 0 or D_e is 0.
   *
   * Since: 1.0
   */
  score_properties[SCORE_PROP_KAPPA] = measure_pspec ("kappa");

  /**
   * BilatAffinityScore:pi: (getter get_pi)
   *
   * Scott's π with linear distance weights, 1 − D_o / D_e, the expected
   * distance D_e from the two actors' pooled distribution of votes; NaN if
   * n is 0 or D_e is 0.
   *
   * Since: 1.0
   */
  score_properties[SCORE_PROP_PI] = measure_pspec ("pi");

  /**
   * BilatAffinityScore:thin: (getter get_thin)
   *
   * Whether n is below the thin threshold of the settings the score was
   * computed with: a score from so few votes says little.
   *
   * Since: 1.0
   */
  score_properties[SCORE_PROP_THIN] =
    g_param_spec_boolean ("thin", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_SCORE_PROPS, score_properties);
}

static void
bilat_affinity_score_init (BilatAffinityScore *self)
{
}

/**
 * bilat_affinity_score_get_actor_a: (get-property actor-a)
 * @self: a [class@Bilat.AffinityScore]
 *
 * Gets the id of the first actor.
 *
 * Returns: the id
 *
 * Since: 1.0
 */
const char *
bilat_affinity_score_get_actor_a (BilatAffinityScore *self)
{
  g_return_val_if_fail (BILAT_IS_AFFINITY_SCORE (self), NULL);

  return self->actor_a;
}

/**
 * bilat_affinity_score_get_actor_b: (get-property actor-b)
 * @self: a [class@Bilat.AffinityScore]
 *
 * Gets the id of the second actor.
 *
 * Returns: the id
 *
 * Since: 1.0
 */
const char *
bilat_affinity_score_get_actor_b (BilatAffinityScore *self)
{
  g_return_val_if_fail (BILAT_IS_AFFINITY_SCORE (self), NULL);

  return self->actor_b;
}

/**
 * bilat_affinity_score_get_year: (get-property year)
 * @self: a [class@Bilat.AffinityScore]
 *
 * Gets the year the score covers.
 *
 * Returns: the year, or 0 when the score is not one per year
 *
 * Since: 1.0
 */
guint
bilat_affinity_score_get_year (BilatAffinityScore *self)
{
  g_return_val_if_fail (BILAT_IS_AFFINITY_SCORE (self), 0);

  return self->year;
}

/**
 * bilat_affinity_score_get_session: (get-property session)
 * @self: a [class@Bilat.AffinityScore]
 *
 * Gets the session the score covers.
 *
 * Returns: the session, or 0 when the score is not one per session
 *
 * Since: 1.0
 */
guint
bilat_affinity_score_get_session (BilatAffinityScore *self)
{
  g_return_val_if_fail (BILAT_IS_AFFINITY_SCORE (self), 0);

  return self->session;
}

/**
 * bilat_affinity_score_get_n: (get-property n)
 * @self: a [class@Bilat.AffinityScore]
 *
 * Gets the number of roll calls both actors voted on.
 *
 * Returns: n
 *
 * Since: 1.0
 */
guint
bilat_affinity_score_get_n (BilatAffinityScore *self)
{
  g_return_val_if_fail (BILAT_IS_AFFINITY_SCORE (self), 0);

  return self->figures.n;
}

/**
 * bilat_affinity_score_get_agree: (get-property agree)
 * @self: a [class@Bilat.AffinityScore]
 *
 * Gets the agreement index.
 *
 * Returns: the index, or NaN when undefined
 *
 * Since: 1.0
 */
double
bilat_affinity_score_get_agree (BilatAffinityScore *self)
{
  g_return_val_if_fail (BILAT_IS_AFFINITY_SCORE (self), NAN);

  return self->figures.agree;
}

/**
 * bilat_affinity_score_get_s: (get-property s)
 * @self: a [class@Bilat.AffinityScore]
 *
 * Gets S with absolute distances.
 *
 * Returns: S, or NaN when undefined
 *
 * Since: 1.0
 */
double
bilat_affinity_score_get_s (BilatAffinityScore *self)
{
  g_return_val_if_fail (BILAT_IS_AFFINITY_SCORE (self), NAN);

  return self->figures.s;
}

/**
 * bilat_affinity_score_get_s2: (get-property s2)
 * @self: a [class@Bilat.AffinityScore]
 *
 * Gets S with squared distances.
 *
 * Returns: S, or NaN when undefined
 *
 * Since: 1.0
 */
double
bilat_affinity_score_get_s2 (BilatAffinityScore *self)
{
  g_return_val_if_fail (BILAT_IS_AFFINITY_SCORE (self), NAN);

  return self->figures.s2;
}

/**
 * bilat_affinity_score_get_kappa: (get-property kappa)
 * @self: a [class@Bilat.AffinityScore]
 *
 * Gets Cohen's κ.
 *
 * Returns: κ, or NaN when undefined
 *
 * Since: 1.0
 */
double
bilat_affinity_score_get_kappa (BilatAffinityScore *self)
{
  g_return_val_if_fail (BILAT_IS_AFFINITY_SCORE (self), NAN);

  return self->figures.kappa;
}

/**
 * bilat_affinity_score_get_pi: (get-property pi)
 * @self: a [class@Bilat.AffinityScore]
 *
 * Gets Scott's π.
 *
 * Returns: π, or NaN when undefined
 *
 * Since: 1.0
 */
double
bilat_affinity_score_get_pi (BilatAffinityScore *self)
{
  g_return_val_if_fail (BILAT_IS_AFFINITY_SCORE (self), NAN);

  return self->figures.pi;
}

/**
 * bilat_affinity_score_get_thin: (get-property thin)
 * @self: a [class@Bilat.AffinityScore]
 *
 * Gets whether the score rests on fewer roll calls than the threshold.
 *
 * Returns: %TRUE if the score is thin
 *
 * Since: 1.0
 */
gboolean
bilat_affinity_score_get_thin (BilatAffinityScore *self)
{
  g_return_val_if_fail (BILAT_IS_AFFINITY_SCORE (self), FALSE);

  return self->thin;
}

/* Results. */

/**
 * BilatAffinity:
 *
 * Affinity scores: a dyad's per year or per session (or one for a whole
 * period), or every pair's of a set of actors over one period. A
 * [iface@Gio.ListModel] of [class@Bilat.AffinityScore], made as they are
 * asked for; it prints as a table, CSV, TSV or JSON with
 * [method@Bilat.Affinity.to_string].
 *
 * Since: 1.0
 */
struct _BilatAffinity
{
  GObject            parent_instance;

  BilatAffinityUnit  unit;
  gboolean           pairs;          /* a matrix: rows of many pairs */
  guint              thin_threshold;
  GArray            *rows;           /* Row */
};

static void bilat_affinity_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BilatAffinity, bilat_affinity, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      bilat_affinity_list_model_init))

enum {
  PROP_0,
  PROP_UNIT,
  PROP_MATRIX,
  PROP_THIN_THRESHOLD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
bilat_affinity_get_item_type (GListModel *model)
{
  return BILAT_TYPE_AFFINITY_SCORE;
}

static guint
bilat_affinity_get_n_items (GListModel *model)
{
  return BILAT_AFFINITY (model)->rows->len;
}

static gboolean
is_thin (BilatAffinity *self,
         const Row     *row)
{
  return row->figures.n < self->thin_threshold;
}

static gpointer
bilat_affinity_get_item (GListModel *model,
                         guint       position)
{
  BilatAffinity *self = BILAT_AFFINITY (model);
  BilatAffinityScore *score;
  const Row *row;

  if (position >= self->rows->len)
    return NULL;
  row = &g_array_index (self->rows, Row, position);
  score = g_object_new (BILAT_TYPE_AFFINITY_SCORE, NULL);
  score->actor_a = g_strdup (row->actor_a);
  score->actor_b = g_strdup (row->actor_b);
  if (self->unit == BILAT_AFFINITY_UNIT_YEAR)
    score->year = row->key;
  else if (self->unit == BILAT_AFFINITY_UNIT_SESSION)
    score->session = row->key;
  score->figures = row->figures;
  score->thin = is_thin (self, row);
  return score;
}

static void
bilat_affinity_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bilat_affinity_get_item_type;
  iface->get_n_items = bilat_affinity_get_n_items;
  iface->get_item = bilat_affinity_get_item;
}

static void
clear_row (gpointer data)
{
  Row *row = data;

  g_free (row->actor_a);
  g_free (row->actor_b);
}

static void
bilat_affinity_finalize (GObject *object)
{
  BilatAffinity *self = BILAT_AFFINITY (object);

  g_array_unref (self->rows);

  G_OBJECT_CLASS (bilat_affinity_parent_class)->finalize (object);
}

static void
bilat_affinity_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BilatAffinity *self = BILAT_AFFINITY (object);

  switch (prop_id)
    {
    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;
    case PROP_MATRIX:
      g_value_set_boolean (value, self->pairs);
      break;
    case PROP_THIN_THRESHOLD:
      g_value_set_uint (value, self->thin_threshold);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_affinity_class_init (BilatAffinityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_affinity_finalize;
  object_class->get_property = bilat_affinity_get_property;

  /**
   * BilatAffinity:unit: (getter get_unit)
   *
   * What one score covers.
   *
   * Since: 1.0
   */
  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL, BILAT_TYPE_AFFINITY_UNIT, BILAT_AFFINITY_UNIT_PERIOD,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatAffinity:matrix: (getter get_matrix)
   *
   * Whether the scores are those of the pairs of a matrix
   * ([method@Bilat.Store.compute_affinity_matrix]) rather than one dyad's.
   *
   * Since: 1.0
   */
  properties[PROP_MATRIX] =
    g_param_spec_boolean ("matrix", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatAffinity:thin-threshold: (getter get_thin_threshold)
   *
   * The number of shared roll calls below which a score is thin.
   *
   * Since: 1.0
   */
  properties[PROP_THIN_THRESHOLD] =
    g_param_spec_uint ("thin-threshold", NULL, NULL, 0, G_MAXUINT, BILAT_AFFINITY_DEFAULT_THIN_THRESHOLD,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bilat_affinity_init (BilatAffinity *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, clear_row);
  self->thin_threshold = BILAT_AFFINITY_DEFAULT_THIN_THRESHOLD;
}

/**
 * bilat_affinity_get_unit: (get-property unit)
 * @self: a [class@Bilat.Affinity]
 *
 * Gets what one score covers.
 *
 * Returns: the unit
 *
 * Since: 1.0
 */
BilatAffinityUnit
bilat_affinity_get_unit (BilatAffinity *self)
{
  g_return_val_if_fail (BILAT_IS_AFFINITY (self), BILAT_AFFINITY_UNIT_PERIOD);

  return self->unit;
}

/**
 * bilat_affinity_get_matrix: (get-property matrix)
 * @self: a [class@Bilat.Affinity]
 *
 * Gets whether the scores are those of the pairs of a matrix.
 *
 * Returns: %TRUE for a matrix, %FALSE for one dyad's scores
 *
 * Since: 1.0
 */
gboolean
bilat_affinity_get_matrix (BilatAffinity *self)
{
  g_return_val_if_fail (BILAT_IS_AFFINITY (self), FALSE);

  return self->pairs;
}

/**
 * bilat_affinity_get_thin_threshold: (get-property thin-threshold)
 * @self: a [class@Bilat.Affinity]
 *
 * Gets the number of shared roll calls below which a score is thin.
 *
 * Returns: the threshold
 *
 * Since: 1.0
 */
guint
bilat_affinity_get_thin_threshold (BilatAffinity *self)
{
  g_return_val_if_fail (BILAT_IS_AFFINITY (self), BILAT_AFFINITY_DEFAULT_THIN_THRESHOLD);

  return self->thin_threshold;
}

/* Printing. */

static const struct
{
  BilatAffinityMeasures measure;
  const char           *name;
  gsize                 offset;
} measure_columns[] = {
  { BILAT_AFFINITY_MEASURES_AGREE, "agree", G_STRUCT_OFFSET (BilatAffinityFigures, agree) },
  { BILAT_AFFINITY_MEASURES_S, "s", G_STRUCT_OFFSET (BilatAffinityFigures, s) },
  { BILAT_AFFINITY_MEASURES_S2, "s2", G_STRUCT_OFFSET (BilatAffinityFigures, s2) },
  { BILAT_AFFINITY_MEASURES_KAPPA, "kappa", G_STRUCT_OFFSET (BilatAffinityFigures, kappa) },
  { BILAT_AFFINITY_MEASURES_PI, "pi", G_STRUCT_OFFSET (BilatAffinityFigures, pi) },
};

/* The cells of one line, as text: absent measures as "" (NULL in JSON). */
static GPtrArray *
row_cells (BilatAffinity         *self,
           const Row             *row,
           BilatAffinityMeasures  measures,
           gboolean               for_people)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  if (self->pairs)
    {
      g_ptr_array_add (cells, g_strdup (row->actor_a));
      g_ptr_array_add (cells, g_strdup (row->actor_b));
    }
  if (self->unit != BILAT_AFFINITY_UNIT_PERIOD)
    g_ptr_array_add (cells, g_strdup_printf ("%u", row->key));
  g_ptr_array_add (cells, g_strdup_printf ("%u", row->figures.n));
  for (gsize i = 0; i < G_N_ELEMENTS (measure_columns); i++)
    {
      double value;
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      if (!(measures & measure_columns[i].measure))
        continue;
      value = G_STRUCT_MEMBER (double, &row->figures, measure_columns[i].offset);
      if (isnan (value))
        g_ptr_array_add (cells, NULL);
      else
        g_ptr_array_add (cells, g_strdup (g_ascii_formatd (buffer, sizeof buffer,
                                                           for_people ? "%.3f" : "%.10g", value)));
    }
  g_ptr_array_add (cells, g_strdup (is_thin (self, row) ? "true" : "false"));
  return cells;
}

static GPtrArray *
header_cells (BilatAffinity         *self,
              BilatAffinityMeasures  measures)
{
  GPtrArray *cells = g_ptr_array_new ();

  if (self->pairs)
    {
      g_ptr_array_add (cells, (gpointer) "a");
      g_ptr_array_add (cells, (gpointer) "b");
    }
  if (self->unit == BILAT_AFFINITY_UNIT_YEAR)
    g_ptr_array_add (cells, (gpointer) "year");
  else if (self->unit == BILAT_AFFINITY_UNIT_SESSION)
    g_ptr_array_add (cells, (gpointer) "session");
  g_ptr_array_add (cells, (gpointer) "n");
  for (gsize i = 0; i < G_N_ELEMENTS (measure_columns); i++)
    if (measures & measure_columns[i].measure)
      g_ptr_array_add (cells, (gpointer) measure_columns[i].name);
  g_ptr_array_add (cells, (gpointer) "thin");
  return cells;
}

static void
print_separated (BilatAffinity         *self,
                 BilatAffinityMeasures  measures,
                 char                   separator,
                 GString               *out)
{
  g_autoptr(GPtrArray) header = header_cells (self, measures);

  for (guint i = 0; i < header->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, separator);
      g_string_append (out, g_ptr_array_index (header, i));
    }
  g_string_append_c (out, '\n');
  for (guint r = 0; r < self->rows->len; r++)
    {
      g_autoptr(GPtrArray) cells = row_cells (self, &g_array_index (self->rows, Row, r), measures, FALSE);

      for (guint i = 0; i < cells->len; i++)
        {
          const char *cell = g_ptr_array_index (cells, i);

          if (i > 0)
            g_string_append_c (out, separator);
          /* Actor ids are plain, but any id may be given: quote a CSV
           * cell that needs it. */
          if (cell != NULL && separator == ',' && strpbrk (cell, ",\"\n") != NULL)
            {
              g_autofree char *escaped = NULL;
              g_auto(GStrv) parts = g_strsplit (cell, "\"", -1);

              escaped = g_strjoinv ("\"\"", parts);
              g_string_append_printf (out, "\"%s\"", escaped);
            }
          else if (cell != NULL)
            g_string_append (out, cell);
        }
      g_string_append_c (out, '\n');
    }
}

static void
print_table (BilatAffinity         *self,
             BilatAffinityMeasures  measures,
             GString               *out)
{
  g_autoptr(GPtrArray) header = header_cells (self, measures);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autofree gsize *widths = g_new0 (gsize, header->len);

  for (guint i = 0; i < header->len; i++)
    widths[i] = strlen (g_ptr_array_index (header, i));
  for (guint r = 0; r < self->rows->len; r++)
    {
      GPtrArray *cells = row_cells (self, &g_array_index (self->rows, Row, r), measures, TRUE);

      for (guint i = 0; i < cells->len; i++)
        {
          const char *cell = g_ptr_array_index (cells, i);

          widths[i] = MAX (widths[i], cell != NULL ? strlen (cell) : 1);
        }
      g_ptr_array_add (lines, cells);
    }

  for (guint i = 0; i < header->len; i++)
    g_string_append_printf (out, "%s%*s", i > 0 ? "  " : "", (int) widths[i],
                            (const char *) g_ptr_array_index (header, i));
  g_string_append_c (out, '\n');
  for (guint r = 0; r < lines->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (lines, r);

      for (guint i = 0; i < cells->len; i++)
        {
          const char *cell = g_ptr_array_index (cells, i);

          /* An absent measure shows as a dash, never as a number. */
          g_string_append_printf (out, "%s%*s", i > 0 ? "  " : "", (int) widths[i],
                                  cell != NULL ? cell : "-");
        }
      g_string_append_c (out, '\n');
    }
}

static void
print_json (BilatAffinity         *self,
            BilatAffinityMeasures  measures,
            GString               *out)
{
  g_autoptr(GPtrArray) header = header_cells (self, measures);

  g_string_append_c (out, '[');
  for (guint r = 0; r < self->rows->len; r++)
    {
      const Row *row = &g_array_index (self->rows, Row, r);
      g_autoptr(GPtrArray) cells = row_cells (self, row, measures, FALSE);

      g_string_append (out, r > 0 ? ",\n " : "\n ");
      g_string_append_c (out, '{');
      for (guint i = 0; i < cells->len; i++)
        {
          const char *name = g_ptr_array_index (header, i);
          const char *cell = g_ptr_array_index (cells, i);
          gboolean is_string = self->pairs && i < 2;

          g_string_append_printf (out, "%s\"%s\": ", i > 0 ? ", " : "", name);
          if (cell == NULL)
            g_string_append (out, "null");
          else if (is_string)
            {
              g_autofree char *escaped = g_strescape (cell, NULL);

              g_string_append_printf (out, "\"%s\"", escaped);
            }
          else
            g_string_append (out, cell);
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, self->rows->len > 0 ? "\n]\n" : "]\n");
}

/**
 * bilat_affinity_to_string:
 * @self: a [class@Bilat.Affinity]
 * @format: how to print
 * @measures: the measures to print, or %BILAT_AFFINITY_MEASURES_NONE for all
 *
 * Prints the scores, one line (or JSON object) per score. The columns
 * are named `a` and `b` (the actors, for a matrix), `year` or `session`
 * (per year or session), `n`, the measures `agree`, `s`, `s2`, `kappa`,
 * `pi`, and `thin` (`true` or `false`) — the names Python's named tuples
 * use. An absent measure is empty in CSV and TSV, `null` in JSON and a
 * dash in the table.
 *
 * Returns: (transfer full): the text
 *
 * Since: 1.0
 */
char *
bilat_affinity_to_string (BilatAffinity         *self,
                          BilatAffinityFormat    format,
                          BilatAffinityMeasures  measures)
{
  GString *out;

  g_return_val_if_fail (BILAT_IS_AFFINITY (self), NULL);
  g_return_val_if_fail (format <= BILAT_AFFINITY_FORMAT_JSON, NULL);

  measures &= BILAT_AFFINITY_MEASURES_ALL;
  if (measures == BILAT_AFFINITY_MEASURES_NONE)
    measures = BILAT_AFFINITY_MEASURES_ALL;

  out = g_string_new (NULL);
  switch (format)
    {
    case BILAT_AFFINITY_FORMAT_CSV:
      print_separated (self, measures, ',', out);
      break;
    case BILAT_AFFINITY_FORMAT_TSV:
      print_separated (self, measures, '\t', out);
      break;
    case BILAT_AFFINITY_FORMAT_JSON:
      print_json (self, measures, out);
      break;
    case BILAT_AFFINITY_FORMAT_TABLE:
    default:
      print_table (self, measures, out);
      break;
    }
  return g_string_free (out, FALSE);
}

/* Computing. */

/* The roll calls @settings select, as a range and a mask; FALSE if none. */
typedef struct
{
  BilatRollCallSelection selection;
  guint8                *mask;
  gboolean               follow;
} Selection;

static gboolean
contains_folded (const char *haystack,
                 const char *needle_folded)
{
  g_autofree char *folded = NULL;

  if (haystack[0] == '\0')
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle_folded) != NULL;
}

static void
selection_init (Selection             *self,
                const BilatVotes      *votes,
                BilatAffinitySettings *settings)
{
  BilatQuery *query = settings != NULL ? settings->query : NULL;
  const BilatRollCall *rcs = _bilat_votes_get_roll_calls (votes);
  guint n_rcs = _bilat_votes_get_n_roll_calls (votes);
  const char *topic = settings != NULL ? settings->topic : NULL;
  const char *issue = query != NULL ? bilat_query_get_issue (query) : NULL;
  const char *text = query != NULL ? bilat_query_get_text (query) : NULL;
  g_autofree char *text_folded = NULL;
  gboolean important = settings != NULL && settings->important_only;
  guint32 topic_mask = 0;
  gboolean nothing = FALSE;
  gint64 only_rc = -1;

  memset (self, 0, sizeof *self);
  self->follow = query == NULL || bilat_query_get_follow_succession (query);
  self->selection.first = 0;
  self->selection.last = n_rcs;

  if (query != NULL)
    {
      BilatDate *start = bilat_query_get_period_start (query);
      BilatDate *end = bilat_query_get_period_end (query);

      if (start != NULL)
        self->selection.first = _bilat_votes_lower_bound (votes, bilat_date_get_first_julian (start));
      if (end != NULL)
        self->selection.last = _bilat_votes_lower_bound (votes, bilat_date_get_last_julian (end) + 1);
      if (bilat_query_get_sectors (query) != BILAT_SECTOR_NONE)
        nothing = TRUE;
    }

  /* A topic, from the settings or as the query's issue. */
  if (topic != NULL && g_str_has_prefix (topic, "unga-topic:"))
    topic += strlen ("unga-topic:");
  if (topic != NULL)
    {
      int index = _bilat_votes_find_topic (votes, topic);

      if (index < 0)
        nothing = TRUE;
      else
        topic_mask = 1u << index;
    }
  if (issue != NULL)
    {
      guint64 number;

      if (g_str_has_prefix (issue, "unga-topic:"))
        {
          int index = _bilat_votes_find_topic (votes, issue + strlen ("unga-topic:"));

          if (index < 0)
            nothing = TRUE;
          else if (topic_mask != 0 && topic_mask != 1u << index)
            nothing = TRUE;   /* two different topics at once */
          else
            topic_mask = 1u << index;
        }
      else if (g_str_has_prefix (issue, "unga:") &&
               g_ascii_string_to_unsigned (issue + strlen ("unga:"), 10, 0, G_MAXUINT32, &number, NULL))
        {
          only_rc = _bilat_votes_find_roll_call (votes, (guint32) number);
          if (only_rc < 0)
            nothing = TRUE;
        }
      else
        {
          /* Not a roll call nor a topic: no roll call is on that issue. */
          nothing = TRUE;
        }
    }
  if (text != NULL && text[0] != '\0')
    text_folded = g_utf8_casefold (text, -1);

  if (nothing || self->selection.first >= self->selection.last)
    {
      self->selection.first = self->selection.last = 0;
      return;
    }
  if (topic_mask == 0 && !important && only_rc < 0 && text_folded == NULL)
    return;

  self->mask = g_new0 (guint8, self->selection.last - self->selection.first);
  for (guint rc = self->selection.first; rc < self->selection.last; rc++)
    {
      const BilatRollCall *r = &rcs[rc];
      gboolean keep = TRUE;

      if (topic_mask != 0 && (r->topics & topic_mask) == 0)
        keep = FALSE;
      if (important && !(r->flags & BILAT_ROLL_CALL_IMPORTANT))
        keep = FALSE;
      if (only_rc >= 0 && rc != (guint) only_rc)
        keep = FALSE;
      if (keep && text_folded != NULL &&
          !contains_folded (_bilat_votes_get_string (votes, r->resolution), text_folded) &&
          !contains_folded (_bilat_votes_get_string (votes, r->title), text_folded) &&
          !contains_folded (_bilat_votes_get_string (votes, r->description), text_folded))
        keep = FALSE;
      self->mask[rc - self->selection.first] = (guint8) keep;
    }
  self->selection.mask = self->mask;
}

static void
selection_clear (Selection *self)
{
  g_clear_pointer (&self->mask, g_free);
}

/* An actor and the states it continues, as the store says. */
typedef struct
{
  const char *ids[_BILAT_LINEAGE_MAX];
  BilatVoter  voter;
} Lineage;

static void
lineage_init (Lineage    *self,
              BilatStore *store,
              const char *actor,
              gboolean    follow)
{
  guint n = 1;

  self->ids[0] = actor;
  if (follow)
    n = _bilat_store_get_lineage (store, actor, self->ids);
  self->voter.ids = self->ids;
  self->voter.n_ids = n;
}

/* The id an actor is known by: its own if the store knows it by an alias
 * or another case. */
static const char *
resolve_actor (BilatStore *store,
               const char *actor)
{
  BilatActor *found = bilat_store_lookup_actor (store, actor);

  return found != NULL ? bilat_record_get_id (BILAT_RECORD (found)) : actor;
}

/* The voters of @ids (resolved), each with its lineage in the new array
 * *@lineages, which the voters point into. */
static BilatVoter *
voters_new (BilatStore          *store,
            const char * const  *ids,
            guint                n_ids,
            gboolean             follow,
            Lineage            **lineages)
{
  BilatVoter *voters = g_new (BilatVoter, MAX (n_ids, 1));

  *lineages = g_new (Lineage, MAX (n_ids, 1));
  for (guint i = 0; i < n_ids; i++)
    {
      lineage_init (&(*lineages)[i], store, resolve_actor (store, ids[i]), follow);
      voters[i] = (*lineages)[i].voter;
      voters[i].ids = (*lineages)[i].ids;
    }
  return voters;
}

static BilatAffinity *
affinity_new (BilatAffinityUnit      unit,
              gboolean               pairs,
              BilatAffinitySettings *settings)
{
  BilatAffinity *self = g_object_new (BILAT_TYPE_AFFINITY, NULL);

  self->unit = unit;
  self->pairs = pairs;
  if (settings != NULL)
    self->thin_threshold = settings->thin_threshold;
  return self;
}

static void
append_row (BilatAffinity          *self,
            const char             *actor_a,
            const char             *actor_b,
            guint                   key,
            const BilatStanceTable *table)
{
  Row row = { g_strdup (actor_a), g_strdup (actor_b), key, { 0, } };

  _bilat_affinity_figures_compute (table, &row.figures);
  g_array_append_val (self->rows, row);
}

/**
 * bilat_store_compute_affinity:
 * @store: a [class@Bilat.Store]
 * @actor_a: the id (or an alias) of the first actor
 * @actor_b: the id (or an alias) of the second actor
 * @settings: (nullable): what to measure over, or %NULL for every roll
 *   call and one score for the whole period
 *
 * Measures how close two actors stand from their roll-call votes (see
 * [method@Bilat.Store.import_votes]): over the roll calls @settings
 * select, the votes both cast (yes +1, abstain 0, no −1; absence is no
 * vote) give n, the agreement index, S with absolute and with squared
 * distances, and Cohen's κ and Scott's π with linear weights.
 *
 * With a unit of a year or a session, there is one score for each year
 * or session that has a selected roll call, in order, also where the two
 * share none (n is 0 and every measure absent). Where the settings' query
 * follows state succession (as it does by default), an actor's votes
 * include those of the states it continues on roll calls where it cast
 * none: a vote of `SUN` counts for `RUS` when the store's `RUS` has `SUN`
 * as predecessor.
 *
 * Returns: (transfer full): the scores
 *
 * Since: 1.0
 */
BilatAffinity *
bilat_store_compute_affinity (BilatStore            *store,
                              const char            *actor_a,
                              const char            *actor_b,
                              BilatAffinitySettings *settings)
{
  BilatAffinityUnit unit;
  BilatAffinity *self;
  BilatVotes *votes;
  BilatBucketKind kind;
  Selection selection;
  Lineage a, b;
  g_autoptr(GArray) buckets = NULL;

  g_return_val_if_fail (BILAT_IS_STORE (store), NULL);
  g_return_val_if_fail (actor_a != NULL, NULL);
  g_return_val_if_fail (actor_b != NULL, NULL);
  g_return_val_if_fail (settings == NULL || BILAT_IS_AFFINITY_SETTINGS (settings), NULL);

  actor_a = resolve_actor (store, actor_a);
  actor_b = resolve_actor (store, actor_b);
  unit = settings != NULL ? settings->unit : BILAT_AFFINITY_UNIT_PERIOD;
  self = affinity_new (unit, FALSE, settings);
  votes = _bilat_store_get_votes (store);
  kind = unit == BILAT_AFFINITY_UNIT_YEAR ? BILAT_BUCKET_YEAR :
         unit == BILAT_AFFINITY_UNIT_SESSION ? BILAT_BUCKET_SESSION : BILAT_BUCKET_ALL;

  if (votes != NULL)
    {
      selection_init (&selection, votes, settings);
      lineage_init (&a, store, actor_a, selection.follow);
      lineage_init (&b, store, actor_b, selection.follow);
      buckets = _bilat_votes_affinity_series (votes, &a.voter, &b.voter, &selection.selection, kind);
      selection_clear (&selection);
      for (guint i = 0; i < buckets->len; i++)
        {
          const BilatAffinityBucket *bucket = &g_array_index (buckets, BilatAffinityBucket, i);

          append_row (self, actor_a, actor_b, bucket->key, &bucket->table);
        }
    }

  /* Over a whole period there is a score, if only to say it is absent. */
  if (unit == BILAT_AFFINITY_UNIT_PERIOD && self->rows->len == 0)
    {
      BilatStanceTable empty = { { { 0, } } };

      append_row (self, actor_a, actor_b, 0, &empty);
    }
  return self;
}

/**
 * bilat_store_compute_affinity_matrix:
 * @store: a [class@Bilat.Store]
 * @actors: (nullable) (array zero-terminated=1): the ids (or aliases) of
 *   the actors, or %NULL for every state that voted on a selected roll call
 * @settings: (nullable): what to measure over, or %NULL for every roll call
 *
 * Measures the affinity of every pair of @actors over the roll calls
 * @settings select, as [method@Bilat.Store.compute_affinity] does for
 * one pair; the unit of @settings does not apply (one score per pair over
 * the whole period). The pairs come in the order of @actors (sorted by id
 * when @actors is %NULL): the first with each later one, then the second
 * with each later one, and so on.
 *
 * Returns: (transfer full): one score per pair
 *
 * Since: 1.0
 */
BilatAffinity *
bilat_store_compute_affinity_matrix (BilatStore            *store,
                                     const char * const    *actors,
                                     BilatAffinitySettings *settings)
{
  BilatAffinity *self;
  BilatVotes *votes;
  Selection selection;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree Lineage *lineages = NULL;
  g_autofree BilatVoter *voters = NULL;
  g_autoptr(GArray) tables = NULL;
  guint pair = 0;

  g_return_val_if_fail (BILAT_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || BILAT_IS_AFFINITY_SETTINGS (settings), NULL);

  self = affinity_new (BILAT_AFFINITY_UNIT_PERIOD, TRUE, settings);
  votes = _bilat_store_get_votes (store);
  if (votes == NULL)
    {
      if (actors == NULL)
        return self;
      /* No votes: every pair is there, with nothing measured. */
      for (guint i = 0; actors[i] != NULL; i++)
        for (guint j = i + 1; actors[j] != NULL; j++)
          {
            BilatStanceTable empty = { { { 0, } } };

            append_row (self, resolve_actor (store, actors[i]), resolve_actor (store, actors[j]), 0, &empty);
          }
      return self;
    }

  selection_init (&selection, votes, settings);
  if (actors != NULL)
    {
      for (guint i = 0; actors[i] != NULL; i++)
        g_ptr_array_add (ids, (gpointer) resolve_actor (store, actors[i]));
    }
  else
    {
      for (guint h = 0; h < _bilat_votes_get_n_holders (votes); h++)
        {
          const char *id = _bilat_votes_get_holder (votes, h);
          BilatVoter voter = { &id, 1 };

          if (_bilat_votes_voter_has_votes (votes, &voter, &selection.selection))
            g_ptr_array_add (ids, (gpointer) id);
        }
    }

  voters = voters_new (store, (const char * const *) ids->pdata, ids->len, selection.follow, &lineages);
  tables = _bilat_votes_affinity_matrix (votes, voters, ids->len, &selection.selection);
  selection_clear (&selection);

  for (guint i = 0; i < ids->len; i++)
    for (guint j = i + 1; j < ids->len; j++, pair++)
      append_row (self, g_ptr_array_index (ids, i), g_ptr_array_index (ids, j), 0,
                  &g_array_index (tables, BilatStanceTable, pair));
  return self;
}

GArray *
_bilat_store_affinity_pairs (BilatStore            *store,
                             const char * const    *ids,
                             guint                  n_ids,
                             BilatAffinitySettings *settings)
{
  BilatVotes *votes = _bilat_store_get_votes (store);
  Selection selection;
  gboolean selected;
  g_autofree Lineage *lineages = NULL;
  g_autofree BilatVoter *voters = NULL;
  g_autoptr(GArray) tables = NULL;
  GArray *figures;

  if (votes == NULL)
    return NULL;
  selection_init (&selection, votes, settings);
  selected = selection.selection.first < selection.selection.last;
  if (selected && selection.selection.mask != NULL)
    selected = memchr (selection.selection.mask, 1,
                       selection.selection.last - selection.selection.first) != NULL;
  if (!selected)
    {
      selection_clear (&selection);
      return NULL;
    }

  voters = voters_new (store, ids, n_ids, selection.follow, &lineages);
  tables = _bilat_votes_affinity_matrix (votes, voters, n_ids, &selection.selection);
  selection_clear (&selection);

  figures = g_array_sized_new (FALSE, FALSE, sizeof (BilatAffinityFigures), tables->len);
  g_array_set_size (figures, tables->len);
  for (guint i = 0; i < tables->len; i++)
    _bilat_affinity_figures_compute (&g_array_index (tables, BilatStanceTable, i),
                                     &g_array_index (figures, BilatAffinityFigures, i));
  return figures;
}

gboolean
_bilat_store_get_vote_years (BilatStore *store,
                             guint      *first,
                             guint      *last)
{
  BilatVotes *votes = _bilat_store_get_votes (store);
  const BilatRollCall *rcs;
  guint n;

  if (votes == NULL || (n = _bilat_votes_get_n_roll_calls (votes)) == 0)
    return FALSE;
  rcs = _bilat_votes_get_roll_calls (votes);
  *first = rcs[0].year;
  *last = rcs[n - 1].year;
  return TRUE;
}

/* Affinity scores as bytes: a GVariant of type AFFINITY_TYPE, little-endian,
 * in normal form:
 *   (s  "bilat-affinity"
 *    q  version (1)
 *    s  unit: "period", "year" or "session"
 *    b  a matrix (rows of many pairs)
 *    u  the thin threshold
 *    a(ssuuddddd)  the rows: actor a, actor b, year or session (0 for a
 *                  period), n, agree, S, S2, kappa, pi (NaN: undefined)) */
#define AFFINITY_MAGIC "bilat-affinity"
#define AFFINITY_VERSION 1
#define AFFINITY_ROW_TYPE "(ssuuddddd)"
#define AFFINITY_TYPE "(sqsbua" AFFINITY_ROW_TYPE ")"

/**
 * bilat_affinity_to_bytes:
 * @self: a [class@Bilat.Affinity]
 *
 * Serialises the scores, exactly, so that results computed in other
 * processes or on other machines travel: [ctor@Bilat.Affinity.new_from_bytes]
 * reads them back on a machine of any byte order.
 *
 * The bytes are a [struct@GLib.Variant] of type
 * `(sqsbua(ssuuddddd))` in little-endian normal form: the text
 * `bilat-affinity`, the version of the layout (1), the unit (`period`,
 * `year` or `session`), whether it is a matrix, the thin threshold, and
 * per score the two actors, the year or session (0 for a period), n and
 * the measures agree, S, S2, κ and π (NaN where undefined).
 *
 * Returns: (transfer full): the scores as bytes
 *
 * Since: 1.0
 */
GBytes *
bilat_affinity_to_bytes (BilatAffinity *self)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) normal = NULL;
  GVariantBuilder rows;

  g_return_val_if_fail (BILAT_IS_AFFINITY (self), NULL);

  klass = g_type_class_ref (BILAT_TYPE_AFFINITY_UNIT);
  g_variant_builder_init (&rows, G_VARIANT_TYPE ("a" AFFINITY_ROW_TYPE));
  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);
      const BilatAffinityFigures *f = &row->figures;

      g_variant_builder_add (&rows, AFFINITY_ROW_TYPE, row->actor_a, row->actor_b, row->key, f->n,
                             f->agree, f->s, f->s2, f->kappa, f->pi);
    }
  variant = g_variant_ref_sink (g_variant_new (AFFINITY_TYPE, AFFINITY_MAGIC, (guint16) AFFINITY_VERSION,
                                               g_enum_get_value (klass, self->unit)->value_nick,
                                               self->pairs, self->thin_threshold, &rows));
  normal = g_variant_get_normal_form (variant);
  if (G_BYTE_ORDER == G_BIG_ENDIAN)
    {
      GVariant *swapped = g_variant_byteswap (normal);

      g_variant_unref (normal);
      normal = swapped;
    }
  return g_variant_get_data_as_bytes (normal);
}

static BilatAffinity *
invalid_affinity (GError    **error,
                  const char *why)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Not affinity scores: %s", why);
  return NULL;
}

/* A measure as it can be: NaN, or within [@low, 1]. */
static gboolean
measure_in_range (double value,
                  double low)
{
  return isnan (value) || (value >= low && value <= 1.0);
}

/**
 * bilat_affinity_new_from_bytes:
 * @bytes: what [method@Bilat.Affinity.to_bytes] wrote
 * @error: return location for a #GError, or %NULL
 *
 * Reads affinity scores back from their bytes. Bytes from elsewhere are
 * checked: their layout, version and unit, and each score (non-empty
 * actor ids; no measure without a roll call; agree in [0, 1], S and S2 in
 * [−1, 1], κ and π at most 1).
 *
 * Returns: (transfer full): the scores, or %NULL with
 *   %G_IO_ERROR_INVALID_DATA
 *
 * Since: 1.0
 */
BilatAffinity *
bilat_affinity_new_from_bytes (GBytes  *bytes,
                               GError **error)
{
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) rows = NULL;
  g_autoptr(GEnumClass) klass = NULL;
  g_autoptr(BilatAffinity) self = NULL;
  const char *magic;
  const char *unit_name;
  GEnumValue *unit;
  guint16 version;
  gboolean pairs;
  guint threshold;
  gsize n_rows;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (AFFINITY_TYPE), bytes, FALSE));
  if (!g_variant_is_normal_form (variant))
    return invalid_affinity (error, "the bytes are not scores of this layout");
  if (G_BYTE_ORDER == G_BIG_ENDIAN)
    {
      GVariant *swapped = g_variant_byteswap (variant);

      g_variant_unref (variant);
      variant = swapped;
    }
  g_variant_get (variant, "(&sq&sbu@a" AFFINITY_ROW_TYPE ")", &magic, &version, &unit_name, &pairs,
                 &threshold, &rows);
  if (strcmp (magic, AFFINITY_MAGIC) != 0)
    return invalid_affinity (error, "the bytes are not scores of this layout");
  if (version != AFFINITY_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "Not affinity scores this version of libbilat reads: layout version %u (this one reads %u)",
                   version, AFFINITY_VERSION);
      return NULL;
    }
  klass = g_type_class_ref (BILAT_TYPE_AFFINITY_UNIT);
  unit = g_enum_get_value_by_nick (klass, unit_name);
  if (unit == NULL)
    return invalid_affinity (error, "an unknown unit");

  self = g_object_new (BILAT_TYPE_AFFINITY, NULL);
  self->unit = unit->value;
  self->pairs = pairs;
  self->thin_threshold = threshold;
  n_rows = g_variant_n_children (rows);
  for (gsize i = 0; i < n_rows; i++)
    {
      const char *a;
      const char *b;
      Row row = { NULL, };
      BilatAffinityFigures *f = &row.figures;

      g_variant_get_child (rows, i, "(&s&suuddddd)", &a, &b, &row.key, &f->n, &f->agree, &f->s,
                           &f->s2, &f->kappa, &f->pi);
      if (a[0] == '\0' || b[0] == '\0' ||
          (self->unit == BILAT_AFFINITY_UNIT_PERIOD) != (row.key == 0) ||
          !measure_in_range (f->agree, 0.0) || !measure_in_range (f->s, -1.0) ||
          !measure_in_range (f->s2, -1.0) || !measure_in_range (f->kappa, -G_MAXDOUBLE) ||
          !measure_in_range (f->pi, -G_MAXDOUBLE) ||
          (f->n == 0 && !(isnan (f->agree) && isnan (f->s) && isnan (f->s2) && isnan (f->kappa) &&
                          isnan (f->pi))))
        {
          g_autofree char *why = g_strdup_printf ("score %" G_GSIZE_FORMAT " is inconsistent", i);

          return invalid_affinity (error, why);
        }
      row.actor_a = g_strdup (a);
      row.actor_b = g_strdup (b);
      g_array_append_val (self->rows, row);
    }
  return g_steal_pointer (&self);
}
