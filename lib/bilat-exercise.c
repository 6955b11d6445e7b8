/* bilat-exercise.c: joint military exercises
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

#include "bilat-record-private.h"

/**
 * BilatExercise:
 *
 * A joint military exercise: a [class@Bilat.Event] that usually belongs to
 * a recurring series, such as the Pakistani–Russian "Friendship" drills, held
 * by turns in one country or the other.
 *
 * Besides what every event has (dates, participants, place, citations), an
 * exercise records its series, its edition within the series (0 when the
 * sources do not number it), the host state, the armed services involved
 * (see [enum@Bilat.ExerciseDomain]) and its declared focus, such as
 * `counter-terrorism`. Queries can select exercises alone among events.
 *
 * Like every [class@Bilat.Record], an exercise is not thread-safe (use it
 * from one thread at a time) and may be added to a [class@Bilat.Store],
 * which keys it by its id.
 *
 * Since: 1.0
 */
struct _BilatExercise
{
  BilatEvent parent_instance;

  char                *series;
  guint                edition;
  char                *host;
  BilatExerciseDomain  domain;
  char                *focus;
  BilatExerciseDomains domains;
  BilatExerciseMissions missions;
  char                *participant_info;
  guint                unknown_participants;
};

G_DEFINE_FINAL_TYPE (BilatExercise, bilat_exercise, BILAT_TYPE_EVENT)

enum {
  PROP_0,
  PROP_SERIES,
  PROP_EDITION,
  PROP_HOST,
  PROP_DOMAIN,
  PROP_FOCUS,
  PROP_DOMAINS,
  PROP_MISSIONS,
  PROP_PARTICIPANT_INFO,
  PROP_UNKNOWN_PARTICIPANTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bilat_exercise_finalize (GObject *object)
{
  BilatExercise *self = BILAT_EXERCISE (object);

  g_clear_pointer (&self->series, g_free);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->focus, g_free);
  g_clear_pointer (&self->participant_info, g_free);

  G_OBJECT_CLASS (bilat_exercise_parent_class)->finalize (object);
}

static void
bilat_exercise_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BilatExercise *self = BILAT_EXERCISE (object);

  switch (prop_id)
    {
    case PROP_SERIES:
      g_value_set_string (value, self->series);
      break;

    case PROP_EDITION:
      g_value_set_uint (value, self->edition);
      break;

    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;

    case PROP_DOMAIN:
      g_value_set_enum (value, self->domain);
      break;

    case PROP_FOCUS:
      g_value_set_string (value, self->focus);
      break;

    case PROP_DOMAINS:
      g_value_set_flags (value, self->domains);
      break;

    case PROP_MISSIONS:
      g_value_set_flags (value, self->missions);
      break;

    case PROP_PARTICIPANT_INFO:
      g_value_set_string (value, self->participant_info);
      break;

    case PROP_UNKNOWN_PARTICIPANTS:
      g_value_set_uint (value, self->unknown_participants);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_exercise_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BilatExercise *self = BILAT_EXERCISE (object);

  switch (prop_id)
    {
    case PROP_SERIES:
      bilat_exercise_set_series (self, g_value_get_string (value));
      break;

    case PROP_EDITION:
      bilat_exercise_set_edition (self, g_value_get_uint (value));
      break;

    case PROP_HOST:
      bilat_exercise_set_host (self, g_value_get_string (value));
      break;

    case PROP_DOMAIN:
      bilat_exercise_set_domain (self, g_value_get_enum (value));
      break;

    case PROP_FOCUS:
      bilat_exercise_set_focus (self, g_value_get_string (value));
      break;

    case PROP_DOMAINS:
      bilat_exercise_set_domains (self, g_value_get_flags (value));
      break;

    case PROP_MISSIONS:
      bilat_exercise_set_missions (self, g_value_get_flags (value));
      break;

    case PROP_PARTICIPANT_INFO:
      bilat_exercise_set_participant_info (self, g_value_get_string (value));
      break;

    case PROP_UNKNOWN_PARTICIPANTS:
      bilat_exercise_set_unknown_participants (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_exercise_class_init (BilatExerciseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_exercise_finalize;
  object_class->get_property = bilat_exercise_get_property;
  object_class->set_property = bilat_exercise_set_property;

  /**
   * BilatExercise:series: (getter get_series) (setter set_series)
   *
   * The name of the series the exercise belongs to, such as "Friendship",
   * or %NULL for a one-off exercise.
   *
   * Since: 1.0
   */
  properties[PROP_SERIES] =
    g_param_spec_string ("series", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE);

  /**
   * BilatExercise:edition: (getter get_edition) (setter set_edition)
   *
   * The number of the exercise within its series, counting from 1, or 0
   * when it is not known.
   *
   * Since: 1.0
   */
  properties[PROP_EDITION] =
    g_param_spec_uint ("edition", NULL, NULL,
                       0, G_MAXUINT, 0,
                       _BILAT_PARAM_READWRITE);

  /**
   * BilatExercise:host: (getter get_host) (setter set_host)
   *
   * The id of the actor that hosts the exercise, usually a state, or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE);

  /**
   * BilatExercise:domain: (getter get_domain) (setter set_domain)
   *
   * Which armed services take part.
   *
   * Since: 1.0
   */
  properties[PROP_DOMAIN] =
    g_param_spec_enum ("domain", NULL, NULL,
                       BILAT_TYPE_EXERCISE_DOMAIN,
                       BILAT_EXERCISE_DOMAIN_UNKNOWN,
                       _BILAT_PARAM_READWRITE);

  /**
   * BilatExercise:focus: (getter get_focus) (setter set_focus)
   *
   * What the exercise trains for, as the sources state it, such as
   * `counter-terrorism`, or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_FOCUS] =
    g_param_spec_string ("focus", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE);

  /**
   * BilatExercise:domains: (getter get_domains) (setter set_domains)
   *
   * Where the exercise takes place (air, land, sea …), as research data
   * record it; unlike [property@Bilat.Exercise:domain], any number of
   * them.
   *
   * Since: 1.0
   */
  properties[PROP_DOMAINS] =
    g_param_spec_flags ("domains", NULL, NULL,
                        BILAT_TYPE_EXERCISE_DOMAINS,
                        BILAT_EXERCISE_DOMAINS_NONE,
                        _BILAT_PARAM_READWRITE);

  /**
   * BilatExercise:missions: (getter get_missions) (setter set_missions)
   *
   * What the exercise trains for: warfighting, peacekeeping, humanitarian
   * relief.
   *
   * Since: 1.0
   */
  properties[PROP_MISSIONS] =
    g_param_spec_flags ("missions", NULL, NULL,
                        BILAT_TYPE_EXERCISE_MISSIONS,
                        BILAT_EXERCISE_MISSIONS_NONE,
                        _BILAT_PARAM_READWRITE);

  /**
   * BilatExercise:participant-info: (getter get_participant_info) (setter set_participant_info)
   *
   * What the source says about the participants beyond their names
   * (observers, units, numbers), as text, or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_PARTICIPANT_INFO] =
    g_param_spec_string ("participant-info", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE);

  /**
   * BilatExercise:unknown-participants: (getter get_unknown_participants) (setter set_unknown_participants)
   *
   * How many participants the source lists without saying who they are
   * (MME's `-9`): they are not among the event's participants, and are
   * counted here so that the exercise does not look smaller than it was.
   *
   * Since: 1.0
   */
  properties[PROP_UNKNOWN_PARTICIPANTS] =
    g_param_spec_uint ("unknown-participants", NULL, NULL,
                       0, G_MAXUINT, 0,
                       _BILAT_PARAM_READWRITE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bilat_exercise_init (BilatExercise *self)
{
  self->domain = BILAT_EXERCISE_DOMAIN_UNKNOWN;
}

/**
 * bilat_exercise_new:
 * @id: the id of the exercise (see [func@Bilat.Record.is_valid_id])
 *
 * Creates an exercise of unknown date, series and domain.
 *
 * Returns: (transfer full): a new [class@Bilat.Exercise]
 *
 * Since: 1.0
 */
BilatExercise *
bilat_exercise_new (const char *id)
{
  g_return_val_if_fail (bilat_record_is_valid_id (id), NULL);

  return g_object_new (BILAT_TYPE_EXERCISE, "id", id, NULL);
}

/**
 * bilat_exercise_get_series: (get-property series)
 * @self: a [class@Bilat.Exercise]
 *
 * Gets the name of the series the exercise belongs to.
 *
 * Returns: (transfer none) (nullable): the series, or %NULL
 *
 * Since: 1.0
 */
const char *
bilat_exercise_get_series (BilatExercise *self)
{
  g_return_val_if_fail (BILAT_IS_EXERCISE (self), NULL);

  return self->series;
}

/**
 * bilat_exercise_set_series: (set-property series)
 * @self: a [class@Bilat.Exercise]
 * @series: (nullable): the name of the series, or %NULL
 *
 * Sets the name of the series the exercise belongs to.
 *
 * Since: 1.0
 */
void
bilat_exercise_set_series (BilatExercise *self,
                           const char    *series)
{
  g_return_if_fail (BILAT_IS_EXERCISE (self));

  if (_bilat_set_str (&self->series, series))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIES]);
}

/**
 * bilat_exercise_get_edition: (get-property edition)
 * @self: a [class@Bilat.Exercise]
 *
 * Gets the number of the exercise within its series.
 *
 * Returns: the edition, counting from 1, or 0 if it is not known
 *
 * Since: 1.0
 */
guint
bilat_exercise_get_edition (BilatExercise *self)
{
  g_return_val_if_fail (BILAT_IS_EXERCISE (self), 0);

  return self->edition;
}

/**
 * bilat_exercise_set_edition: (set-property edition)
 * @self: a [class@Bilat.Exercise]
 * @edition: the edition, counting from 1, or 0 if it is not known
 *
 * Sets the number of the exercise within its series.
 *
 * Since: 1.0
 */
void
bilat_exercise_set_edition (BilatExercise *self,
                            guint          edition)
{
  g_return_if_fail (BILAT_IS_EXERCISE (self));

  if (self->edition == edition)
    return;

  self->edition = edition;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITION]);
}

/**
 * bilat_exercise_get_host: (get-property host)
 * @self: a [class@Bilat.Exercise]
 *
 * Gets the id of the actor that hosts the exercise.
 *
 * Returns: (transfer none) (nullable): an actor id, or %NULL
 *
 * Since: 1.0
 */
const char *
bilat_exercise_get_host (BilatExercise *self)
{
  g_return_val_if_fail (BILAT_IS_EXERCISE (self), NULL);

  return self->host;
}

/**
 * bilat_exercise_set_host: (set-property host)
 * @self: a [class@Bilat.Exercise]
 * @host: (nullable): a valid actor id (see [func@Bilat.Record.is_valid_id]),
 *   or %NULL
 *
 * Sets the id of the actor that hosts the exercise. The host need not be
 * one of the participants, nor exist (yet) in a store.
 *
 * Since: 1.0
 */
void
bilat_exercise_set_host (BilatExercise *self,
                         const char    *host)
{
  g_return_if_fail (BILAT_IS_EXERCISE (self));
  g_return_if_fail (_bilat_is_valid_optional_id (host));

  if (_bilat_set_str (&self->host, host))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOST]);
}

/**
 * bilat_exercise_get_domain: (get-property domain)
 * @self: a [class@Bilat.Exercise]
 *
 * Gets which armed services take part.
 *
 * Returns: the domain, %BILAT_EXERCISE_DOMAIN_UNKNOWN if not known
 *
 * Since: 1.0
 */
BilatExerciseDomain
bilat_exercise_get_domain (BilatExercise *self)
{
  g_return_val_if_fail (BILAT_IS_EXERCISE (self), BILAT_EXERCISE_DOMAIN_UNKNOWN);

  return self->domain;
}

/**
 * bilat_exercise_set_domain: (set-property domain)
 * @self: a [class@Bilat.Exercise]
 * @domain: the domain
 *
 * Sets which armed services take part.
 *
 * Since: 1.0
 */
void
bilat_exercise_set_domain (BilatExercise       *self,
                           BilatExerciseDomain  domain)
{
  g_return_if_fail (BILAT_IS_EXERCISE (self));
  g_return_if_fail (_bilat_enum_is_valid (BILAT_TYPE_EXERCISE_DOMAIN, domain));

  if (self->domain == domain)
    return;

  self->domain = domain;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOMAIN]);
}

/**
 * bilat_exercise_get_focus: (get-property focus)
 * @self: a [class@Bilat.Exercise]
 *
 * Gets what the exercise trains for.
 *
 * Returns: (transfer none) (nullable): the focus, or %NULL
 *
 * Since: 1.0
 */
const char *
bilat_exercise_get_focus (BilatExercise *self)
{
  g_return_val_if_fail (BILAT_IS_EXERCISE (self), NULL);

  return self->focus;
}

/**
 * bilat_exercise_set_focus: (set-property focus)
 * @self: a [class@Bilat.Exercise]
 * @focus: (nullable): the focus, such as `counter-terrorism`, or %NULL
 *
 * Sets what the exercise trains for.
 *
 * Since: 1.0
 */
void
bilat_exercise_set_focus (BilatExercise *self,
                          const char    *focus)
{
  g_return_if_fail (BILAT_IS_EXERCISE (self));

  if (_bilat_set_str (&self->focus, focus))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS]);
}

/**
 * bilat_exercise_get_domains: (get-property domains)
 * @self: a [class@Bilat.Exercise]
 *
 * Gets where the exercise takes place.
 *
 * Returns: the domains, %BILAT_EXERCISE_DOMAINS_NONE if none is recorded
 *
 * Since: 1.0
 */
BilatExerciseDomains
bilat_exercise_get_domains (BilatExercise *self)
{
  g_return_val_if_fail (BILAT_IS_EXERCISE (self), BILAT_EXERCISE_DOMAINS_NONE);

  return self->domains;
}

/**
 * bilat_exercise_set_domains: (set-property domains)
 * @self: a [class@Bilat.Exercise]
 * @domains: the domains
 *
 * Sets where the exercise takes place.
 *
 * Since: 1.0
 */
void
bilat_exercise_set_domains (BilatExercise        *self,
                            BilatExerciseDomains  domains)
{
  g_return_if_fail (BILAT_IS_EXERCISE (self));
  g_return_if_fail (_bilat_flags_are_valid (BILAT_TYPE_EXERCISE_DOMAINS, domains));

  if (self->domains == domains)
    return;
  self->domains = domains;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOMAINS]);
}

/**
 * bilat_exercise_get_missions: (get-property missions)
 * @self: a [class@Bilat.Exercise]
 *
 * Gets what the exercise trains for.
 *
 * Returns: the missions, %BILAT_EXERCISE_MISSIONS_NONE if none is recorded
 *
 * Since: 1.0
 */
BilatExerciseMissions
bilat_exercise_get_missions (BilatExercise *self)
{
  g_return_val_if_fail (BILAT_IS_EXERCISE (self), BILAT_EXERCISE_MISSIONS_NONE);

  return self->missions;
}

/**
 * bilat_exercise_set_missions: (set-property missions)
 * @self: a [class@Bilat.Exercise]
 * @missions: the missions
 *
 * Sets what the exercise trains for.
 *
 * Since: 1.0
 */
void
bilat_exercise_set_missions (BilatExercise         *self,
                             BilatExerciseMissions  missions)
{
  g_return_if_fail (BILAT_IS_EXERCISE (self));
  g_return_if_fail (_bilat_flags_are_valid (BILAT_TYPE_EXERCISE_MISSIONS, missions));

  if (self->missions == missions)
    return;
  self->missions = missions;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MISSIONS]);
}

/**
 * bilat_exercise_get_participant_info: (get-property participant-info)
 * @self: a [class@Bilat.Exercise]
 *
 * Gets what the source says about the participants beyond their names.
 *
 * Returns: (transfer none) (nullable): the text, or %NULL
 *
 * Since: 1.0
 */
const char *
bilat_exercise_get_participant_info (BilatExercise *self)
{
  g_return_val_if_fail (BILAT_IS_EXERCISE (self), NULL);

  return self->participant_info;
}

/**
 * bilat_exercise_set_participant_info: (set-property participant-info)
 * @self: a [class@Bilat.Exercise]
 * @info: (nullable): the text, or %NULL
 *
 * Sets what the source says about the participants beyond their names.
 *
 * Since: 1.0
 */
void
bilat_exercise_set_participant_info (BilatExercise *self,
                                     const char    *info)
{
  g_return_if_fail (BILAT_IS_EXERCISE (self));

  if (_bilat_set_str (&self->participant_info, info))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANT_INFO]);
}

/**
 * bilat_exercise_get_unknown_participants: (get-property unknown-participants)
 * @self: a [class@Bilat.Exercise]
 *
 * Gets how many participants the source lists without naming them.
 *
 * Returns: the number of unnamed participants
 *
 * Since: 1.0
 */
guint
bilat_exercise_get_unknown_participants (BilatExercise *self)
{
  g_return_val_if_fail (BILAT_IS_EXERCISE (self), 0);

  return self->unknown_participants;
}

/**
 * bilat_exercise_set_unknown_participants: (set-property unknown-participants)
 * @self: a [class@Bilat.Exercise]
 * @n: the number of unnamed participants
 *
 * Sets how many participants the source lists without naming them.
 *
 * Since: 1.0
 */
void
bilat_exercise_set_unknown_participants (BilatExercise *self,
                                         guint          n)
{
  g_return_if_fail (BILAT_IS_EXERCISE (self));

  if (self->unknown_participants == n)
    return;
  self->unknown_participants = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNKNOWN_PARTICIPANTS]);
}
