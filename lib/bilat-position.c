/* bilat-position.c: an actor's stance on an issue
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

#include "bilat-record-private.h"

/**
 * BilatPosition:
 *
 * What an actor — the holder — thinks of an issue: it supports it, opposes
 * it, stays neutral or is considering it (see [enum@Bilat.Stance]). Russia
 * supports Pakistan's membership of the SCO; the author of an op-ed who
 * recommends a policy holds a position too.
 *
 * A position may be about a particular actor (its target: Russia supports
 * *Pakistan's* membership), be dated when the sources date it, and concern
 * some [flags@Bilat.Sector]s. Its [class@Bilat.Citation]s show where the
 * holder took it. Comparing the positions of two actors issue by issue shows
 * where they converge and where they diverge.
 *
 * The holder and the issue are required: they must be given at
 * construction, as with [ctor@Bilat.Position.new], and can be changed but
 * never unset. Both are ids of other records, which need not exist (yet).
 *
 * Like every [class@Bilat.Record], a position is not thread-safe (use it
 * from one thread at a time) and may be added to a [class@Bilat.Store],
 * which keys it by its id.
 *
 * Since: 1.0
 */
struct _BilatPosition
{
  BilatRecord parent_instance;

  char        *holder;
  char        *issue;
  BilatStance  stance;
  char        *target;
  BilatDate   *date;
  char        *summary;
  BilatSector  sectors;
};

G_DEFINE_FINAL_TYPE (BilatPosition, bilat_position, BILAT_TYPE_RECORD)

enum {
  PROP_0,
  PROP_HOLDER,
  PROP_ISSUE,
  PROP_STANCE,
  PROP_TARGET,
  PROP_DATE,
  PROP_SUMMARY,
  PROP_SECTORS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bilat_position_finalize (GObject *object)
{
  BilatPosition *self = BILAT_POSITION (object);

  g_clear_pointer (&self->holder, g_free);
  g_clear_pointer (&self->issue, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->date, bilat_date_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (bilat_position_parent_class)->finalize (object);
}

static void
bilat_position_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BilatPosition *self = BILAT_POSITION (object);

  switch (prop_id)
    {
    case PROP_HOLDER:
      g_value_set_string (value, self->holder);
      break;

    case PROP_ISSUE:
      g_value_set_string (value, self->issue);
      break;

    case PROP_STANCE:
      g_value_set_enum (value, self->stance);
      break;

    case PROP_TARGET:
      g_value_set_string (value, self->target);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_SECTORS:
      g_value_set_flags (value, self->sectors);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_position_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BilatPosition *self = BILAT_POSITION (object);

  switch (prop_id)
    {
    case PROP_HOLDER:
      bilat_position_set_holder (self, g_value_get_string (value));
      break;

    case PROP_ISSUE:
      bilat_position_set_issue (self, g_value_get_string (value));
      break;

    case PROP_STANCE:
      bilat_position_set_stance (self, g_value_get_enum (value));
      break;

    case PROP_TARGET:
      bilat_position_set_target (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      bilat_position_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_SUMMARY:
      bilat_position_set_summary (self, g_value_get_string (value));
      break;

    case PROP_SECTORS:
      bilat_position_set_sectors (self, g_value_get_flags (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_position_class_init (BilatPositionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_position_finalize;
  object_class->get_property = bilat_position_get_property;
  object_class->set_property = bilat_position_set_property;

  /**
   * BilatPosition:holder: (getter get_holder) (setter set_holder)
   *
   * The id of the actor that takes the position. It is required: a
   * construct property that cannot be %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_HOLDER] =
    g_param_spec_string ("holder", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE | G_PARAM_CONSTRUCT);

  /**
   * BilatPosition:issue: (getter get_issue) (setter set_issue)
   *
   * The id of the [class@Bilat.Issue] the position is on. It is required: a
   * construct property that cannot be %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_ISSUE] =
    g_param_spec_string ("issue", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE | G_PARAM_CONSTRUCT);

  /**
   * BilatPosition:stance: (getter get_stance) (setter set_stance)
   *
   * What the holder thinks of the issue.
   *
   * Since: 1.0
   */
  properties[PROP_STANCE] =
    g_param_spec_enum ("stance", NULL, NULL,
                       BILAT_TYPE_STANCE,
                       BILAT_STANCE_SUPPORTS,
                       _BILAT_PARAM_READWRITE);

  /**
   * BilatPosition:target: (getter get_target) (setter set_target)
   *
   * The id of the actor the position is about, when it is about one (Russia
   * supports membership *for Pakistan*), or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE);

  /**
   * BilatPosition:date: (getter get_date) (setter set_date)
   *
   * When the holder took or stated the position, or %NULL if the sources do
   * not date it.
   *
   * Since: 1.0
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        BILAT_TYPE_DATE,
                        _BILAT_PARAM_READWRITE);

  /**
   * BilatPosition:summary: (getter get_summary) (setter set_summary)
   *
   * The position in a sentence or two, or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE);

  /**
   * BilatPosition:sectors: (getter get_sectors) (setter set_sectors)
   *
   * The fields the position concerns; %BILAT_SECTOR_NONE when not
   * classified.
   *
   * Since: 1.0
   */
  properties[PROP_SECTORS] =
    g_param_spec_flags ("sectors", NULL, NULL,
                        BILAT_TYPE_SECTOR,
                        BILAT_SECTOR_NONE,
                        _BILAT_PARAM_READWRITE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bilat_position_init (BilatPosition *self)
{
  self->stance = BILAT_STANCE_SUPPORTS;
}

/**
 * bilat_position_new:
 * @id: the id of the position (see [func@Bilat.Record.is_valid_id])
 * @holder: the id of the actor that takes the position
 * @issue: the id of the issue the position is on
 * @stance: what @holder thinks of @issue
 *
 * Creates a position.
 *
 * Returns: (transfer full): a new [class@Bilat.Position]
 *
 * Since: 1.0
 */
BilatPosition *
bilat_position_new (const char  *id,
                    const char  *holder,
                    const char  *issue,
                    BilatStance  stance)
{
  g_return_val_if_fail (bilat_record_is_valid_id (id), NULL);
  g_return_val_if_fail (bilat_record_is_valid_id (holder), NULL);
  g_return_val_if_fail (bilat_record_is_valid_id (issue), NULL);
  g_return_val_if_fail (_bilat_enum_is_valid (BILAT_TYPE_STANCE, stance), NULL);

  return g_object_new (BILAT_TYPE_POSITION,
                       "id", id,
                       "holder", holder,
                       "issue", issue,
                       "stance", stance,
                       NULL);
}

/**
 * bilat_position_get_holder: (get-property holder)
 * @self: a [class@Bilat.Position]
 *
 * Gets the id of the actor that takes the position.
 *
 * Returns: (transfer none): an actor id
 *
 * Since: 1.0
 */
const char *
bilat_position_get_holder (BilatPosition *self)
{
  g_return_val_if_fail (BILAT_IS_POSITION (self), NULL);

  return self->holder;
}

/**
 * bilat_position_set_holder: (set-property holder)
 * @self: a [class@Bilat.Position]
 * @holder: a valid actor id (see [func@Bilat.Record.is_valid_id])
 *
 * Sets the id of the actor that takes the position.
 *
 * Since: 1.0
 */
void
bilat_position_set_holder (BilatPosition *self,
                           const char    *holder)
{
  g_return_if_fail (BILAT_IS_POSITION (self));
  g_return_if_fail (bilat_record_is_valid_id (holder));

  if (_bilat_set_str (&self->holder, holder))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOLDER]);
}

/**
 * bilat_position_get_issue: (get-property issue)
 * @self: a [class@Bilat.Position]
 *
 * Gets the id of the issue the position is on.
 *
 * Returns: (transfer none): an issue id
 *
 * Since: 1.0
 */
const char *
bilat_position_get_issue (BilatPosition *self)
{
  g_return_val_if_fail (BILAT_IS_POSITION (self), NULL);

  return self->issue;
}

/**
 * bilat_position_set_issue: (set-property issue)
 * @self: a [class@Bilat.Position]
 * @issue: a valid issue id (see [func@Bilat.Record.is_valid_id])
 *
 * Sets the id of the issue the position is on.
 *
 * Since: 1.0
 */
void
bilat_position_set_issue (BilatPosition *self,
                          const char    *issue)
{
  g_return_if_fail (BILAT_IS_POSITION (self));
  g_return_if_fail (bilat_record_is_valid_id (issue));

  if (_bilat_set_str (&self->issue, issue))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUE]);
}

/**
 * bilat_position_get_stance: (get-property stance)
 * @self: a [class@Bilat.Position]
 *
 * Gets what the holder thinks of the issue.
 *
 * Returns: the stance
 *
 * Since: 1.0
 */
BilatStance
bilat_position_get_stance (BilatPosition *self)
{
  g_return_val_if_fail (BILAT_IS_POSITION (self), BILAT_STANCE_NEUTRAL);

  return self->stance;
}

/**
 * bilat_position_set_stance: (set-property stance)
 * @self: a [class@Bilat.Position]
 * @stance: the stance
 *
 * Sets what the holder thinks of the issue.
 *
 * Since: 1.0
 */
void
bilat_position_set_stance (BilatPosition *self,
                           BilatStance    stance)
{
  g_return_if_fail (BILAT_IS_POSITION (self));
  g_return_if_fail (_bilat_enum_is_valid (BILAT_TYPE_STANCE, stance));

  if (self->stance == stance)
    return;

  self->stance = stance;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STANCE]);
}

/**
 * bilat_position_get_target: (get-property target)
 * @self: a [class@Bilat.Position]
 *
 * Gets the id of the actor the position is about.
 *
 * Returns: (transfer none) (nullable): an actor id, or %NULL
 *
 * Since: 1.0
 */
const char *
bilat_position_get_target (BilatPosition *self)
{
  g_return_val_if_fail (BILAT_IS_POSITION (self), NULL);

  return self->target;
}

/**
 * bilat_position_set_target: (set-property target)
 * @self: a [class@Bilat.Position]
 * @target: (nullable): a valid actor id (see
 *   [func@Bilat.Record.is_valid_id]), or %NULL
 *
 * Sets the id of the actor the position is about.
 *
 * Since: 1.0
 */
void
bilat_position_set_target (BilatPosition *self,
                           const char    *target)
{
  g_return_if_fail (BILAT_IS_POSITION (self));
  g_return_if_fail (_bilat_is_valid_optional_id (target));

  if (_bilat_set_str (&self->target, target))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

/**
 * bilat_position_get_date: (get-property date)
 * @self: a [class@Bilat.Position]
 *
 * Gets when the holder took or stated the position.
 *
 * Returns: (transfer none) (nullable): the date, or %NULL if not known
 *
 * Since: 1.0
 */
BilatDate *
bilat_position_get_date (BilatPosition *self)
{
  g_return_val_if_fail (BILAT_IS_POSITION (self), NULL);

  return self->date;
}

/**
 * bilat_position_set_date: (set-property date)
 * @self: a [class@Bilat.Position]
 * @date: (nullable): the date, or %NULL if not known
 *
 * Sets when the holder took or stated the position. The position keeps a
 * reference to @date, which is immutable.
 *
 * Since: 1.0
 */
void
bilat_position_set_date (BilatPosition *self,
                         BilatDate     *date)
{
  g_return_if_fail (BILAT_IS_POSITION (self));

  if (_bilat_set_date (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * bilat_position_get_summary: (get-property summary)
 * @self: a [class@Bilat.Position]
 *
 * Gets the position in a sentence or two.
 *
 * Returns: (transfer none) (nullable): the summary, or %NULL
 *
 * Since: 1.0
 */
const char *
bilat_position_get_summary (BilatPosition *self)
{
  g_return_val_if_fail (BILAT_IS_POSITION (self), NULL);

  return self->summary;
}

/**
 * bilat_position_set_summary: (set-property summary)
 * @self: a [class@Bilat.Position]
 * @summary: (nullable): the summary, or %NULL
 *
 * Sets the position in a sentence or two.
 *
 * Since: 1.0
 */
void
bilat_position_set_summary (BilatPosition *self,
                            const char    *summary)
{
  g_return_if_fail (BILAT_IS_POSITION (self));

  if (_bilat_set_str (&self->summary, summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

/**
 * bilat_position_get_sectors: (get-property sectors)
 * @self: a [class@Bilat.Position]
 *
 * Gets the fields the position concerns.
 *
 * Returns: the sectors, %BILAT_SECTOR_NONE if not classified
 *
 * Since: 1.0
 */
BilatSector
bilat_position_get_sectors (BilatPosition *self)
{
  g_return_val_if_fail (BILAT_IS_POSITION (self), BILAT_SECTOR_NONE);

  return self->sectors;
}

/**
 * bilat_position_set_sectors: (set-property sectors)
 * @self: a [class@Bilat.Position]
 * @sectors: the sectors, a combination of [flags@Bilat.Sector] values
 *
 * Sets the fields the position concerns, replacing those it had.
 *
 * Since: 1.0
 */
void
bilat_position_set_sectors (BilatPosition *self,
                            BilatSector    sectors)
{
  g_return_if_fail (BILAT_IS_POSITION (self));
  g_return_if_fail (_bilat_flags_are_valid (BILAT_TYPE_SECTOR, sectors));

  if (self->sectors == sectors)
    return;

  self->sectors = sectors;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTORS]);
}
