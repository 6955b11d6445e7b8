/* bilat-state-spell.c: a membership spell of the state system
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

#include "bilat-identity-private.h"

/**
 * BilatStateSpell:
 *
 * A span of days in which a state is a member of the Correlates of War
 * state system: France from 1816-01-01 to 1942-11-11, and again from
 * 1944-08-25. A spell during which a state changed identity is cut where
 * it did, so that each piece names one actor: COW's one spell of Russia
 * (365) from 1816 is Russia (`RUS`) to 1922-12-29, the Soviet Union
 * (`SUN`) to 1991-12-25, then Russia again.
 *
 * Spells are immutable and come from [class@Bilat.Identity].
 *
 * Since: 1.0
 */

struct _BilatStateSpell
{
  GObject    parent_instance;

  char      *state;
  guint      cow_code;
  BilatDate *start;
  BilatDate *end;     /* NULL: the state is still a member */
};

G_DEFINE_FINAL_TYPE (BilatStateSpell, bilat_state_spell, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_COW_CODE,
  PROP_START,
  PROP_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bilat_state_spell_finalize (GObject *object)
{
  BilatStateSpell *self = BILAT_STATE_SPELL (object);

  g_clear_pointer (&self->state, g_free);
  g_clear_pointer (&self->start, bilat_date_unref);
  g_clear_pointer (&self->end, bilat_date_unref);

  G_OBJECT_CLASS (bilat_state_spell_parent_class)->finalize (object);
}

static void
bilat_state_spell_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BilatStateSpell *self = BILAT_STATE_SPELL (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;

    case PROP_COW_CODE:
      g_value_set_uint (value, self->cow_code);
      break;

    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;

    case PROP_END:
      g_value_set_boxed (value, self->end);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_state_spell_class_init (BilatStateSpellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_state_spell_finalize;
  object_class->get_property = bilat_state_spell_get_property;

  /**
   * BilatStateSpell:state: (getter get_state)
   *
   * The actor id of the state, such as `SUN`.
   *
   * Since: 1.0
   */
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatStateSpell:cow-code: (getter get_cow_code)
   *
   * The Correlates of War state number of the spell, such as 365.
   *
   * Since: 1.0
   */
  properties[PROP_COW_CODE] =
    g_param_spec_uint ("cow-code", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatStateSpell:start: (getter get_start)
   *
   * The first day of the spell.
   *
   * Since: 1.0
   */
  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, BILAT_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatStateSpell:end: (getter get_end)
   *
   * The last day of the spell, or %NULL while the state is still a member.
   *
   * Since: 1.0
   */
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL, BILAT_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bilat_state_spell_init (BilatStateSpell *self)
{
}

BilatStateSpell *
_bilat_state_spell_new (const char *state,
                        guint       cow_code,
                        BilatDate  *start,
                        BilatDate  *end)
{
  BilatStateSpell *self = g_object_new (BILAT_TYPE_STATE_SPELL, NULL);

  self->state = g_strdup (state);
  self->cow_code = cow_code;
  self->start = bilat_date_ref (start);
  self->end = end != NULL ? bilat_date_ref (end) : NULL;
  return self;
}

/**
 * bilat_state_spell_get_state: (get-property state)
 * @self: a [class@Bilat.StateSpell]
 *
 * Gets the actor id of the state that is a member during the spell.
 *
 * Returns: (transfer none): the actor id of the state
 *
 * Since: 1.0
 */
const char *
bilat_state_spell_get_state (BilatStateSpell *self)
{
  g_return_val_if_fail (BILAT_IS_STATE_SPELL (self), NULL);

  return self->state;
}

/**
 * bilat_state_spell_get_cow_code: (get-property cow-code)
 * @self: a [class@Bilat.StateSpell]
 *
 * Gets the Correlates of War state number the spell is listed under.
 *
 * Returns: the Correlates of War state number of the spell
 *
 * Since: 1.0
 */
guint
bilat_state_spell_get_cow_code (BilatStateSpell *self)
{
  g_return_val_if_fail (BILAT_IS_STATE_SPELL (self), 0);

  return self->cow_code;
}

/**
 * bilat_state_spell_get_start: (get-property start)
 * @self: a [class@Bilat.StateSpell]
 *
 * Gets the first day of the spell.
 *
 * Returns: (transfer none): the first day of the spell
 *
 * Since: 1.0
 */
BilatDate *
bilat_state_spell_get_start (BilatStateSpell *self)
{
  g_return_val_if_fail (BILAT_IS_STATE_SPELL (self), NULL);

  return self->start;
}

/**
 * bilat_state_spell_get_end: (get-property end)
 * @self: a [class@Bilat.StateSpell]
 *
 * Gets the last day of the spell.
 *
 * Returns: (transfer none) (nullable): the last day of the spell, or
 *   %NULL while the state is still a member (the membership list runs to
 *   the end of 2016)
 *
 * Since: 1.0
 */
BilatDate *
bilat_state_spell_get_end (BilatStateSpell *self)
{
  g_return_val_if_fail (BILAT_IS_STATE_SPELL (self), NULL);

  return self->end;
}
