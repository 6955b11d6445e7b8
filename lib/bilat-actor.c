/* bilat-actor.c: states, organisations, persons and groups
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

#include "bilat-record-private.h"

/**
 * BilatActor:
 *
 * Someone who acts in international relations: a state, an organisation, a
 * person or a non-state group (see [enum@Bilat.ActorKind]).
 *
 * The id of a state is its ISO 3166-1 alpha-3 code, or for a state that no
 * longer exists its ISO 3166-3 code — `PAK`, `RUS`, `SUN` for the USSR —, the
 * same codes that CAMEO-coded event data uses, so imported events and
 * curated ones name the same actors. Other actors have lowercase slugs such
 * as `sco`, `taliban` or `putin`. A state needs no name: unless one is set,
 * [method@Bilat.Actor.get_name] gives the one the iso-codes package has.
 *
 * Texts often name a state by its capital or seat of government ("Islamabad
 * said …", "the Kremlin"): these metonyms are the actor's aliases, which a
 * [class@Bilat.Store] resolves when looking actors up. A person may be
 * affiliated with a state, and a state may continue a predecessor (Russia
 * continues the USSR), which lets queries about a dyad follow the succession.
 *
 * Like every [class@Bilat.Record], an actor is not thread-safe (use it from
 * one thread at a time) and may be added to a [class@Bilat.Store], which
 * keys it by its id.
 *
 * Since: 1.0
 */
struct _BilatActor
{
  BilatRecord parent_instance;

  BilatActorKind kind;
  char *name;
  /* Never NULL, so that get_aliases() can hand out an empty array; no two
   * entries share an alias key. */
  GStrv aliases;
  char *affiliation;
  char *speaks_for;
  char *predecessor;
};

G_DEFINE_FINAL_TYPE (BilatActor, bilat_actor, BILAT_TYPE_RECORD)

enum {
  PROP_0,
  PROP_KIND,
  PROP_NAME,
  PROP_ALIASES,
  PROP_AFFILIATION,
  PROP_SPEAKS_FOR,
  PROP_PREDECESSOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bilat_actor_finalize (GObject *object)
{
  BilatActor *self = BILAT_ACTOR (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->aliases, g_strfreev);
  g_clear_pointer (&self->affiliation, g_free);
  g_clear_pointer (&self->speaks_for, g_free);
  g_clear_pointer (&self->predecessor, g_free);

  G_OBJECT_CLASS (bilat_actor_parent_class)->finalize (object);
}

static void
bilat_actor_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BilatActor *self = BILAT_ACTOR (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_NAME:
      g_value_set_string (value, bilat_actor_get_name (self));
      break;

    case PROP_ALIASES:
      g_value_set_boxed (value, self->aliases);
      break;

    case PROP_AFFILIATION:
      g_value_set_string (value, self->affiliation);
      break;

    case PROP_SPEAKS_FOR:
      g_value_set_string (value, self->speaks_for);
      break;

    case PROP_PREDECESSOR:
      g_value_set_string (value, self->predecessor);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_actor_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BilatActor *self = BILAT_ACTOR (object);

  switch (prop_id)
    {
    case PROP_KIND:
      bilat_actor_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_NAME:
      bilat_actor_set_name (self, g_value_get_string (value));
      break;

    case PROP_ALIASES:
      bilat_actor_set_aliases (self, g_value_get_boxed (value));
      break;

    case PROP_AFFILIATION:
      bilat_actor_set_affiliation (self, g_value_get_string (value));
      break;

    case PROP_SPEAKS_FOR:
      bilat_actor_set_speaks_for (self, g_value_get_string (value));
      break;

    case PROP_PREDECESSOR:
      bilat_actor_set_predecessor (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_actor_class_init (BilatActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_actor_finalize;
  object_class->get_property = bilat_actor_get_property;
  object_class->set_property = bilat_actor_set_property;

  /**
   * BilatActor:kind: (getter get_kind) (setter set_kind)
   *
   * What kind of actor this is.
   *
   * Since: 1.0
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       BILAT_TYPE_ACTOR_KIND,
                       BILAT_ACTOR_KIND_STATE,
                       _BILAT_PARAM_READWRITE);

  /**
   * BilatActor:name: (getter get_name) (setter set_name)
   *
   * The name of the actor, as [method@Bilat.Actor.get_name] gives it: for a
   * state with no name set, its name from iso-codes. Setting %NULL removes
   * the name set, which [method@Bilat.Actor.get_own_name] gives.
   *
   * Since: 1.0
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE);

  /**
   * BilatActor:aliases: (getter get_aliases) (setter set_aliases)
   *
   * Other names of the actor, such as the capital that stands for a state;
   * no two of them differ only in case. Reading the property gives an empty
   * array, never %NULL, when there are none.
   *
   * Since: 1.0
   */
  properties[PROP_ALIASES] =
    g_param_spec_boxed ("aliases", NULL, NULL,
                        G_TYPE_STRV,
                        _BILAT_PARAM_READWRITE);

  /**
   * BilatActor:affiliation: (getter get_affiliation) (setter set_affiliation)
   *
   * The id of the actor this one belongs to, typically a person's state,
   * or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_AFFILIATION] =
    g_param_spec_string ("affiliation", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE);

  /**
   * BilatActor:speaks-for: (getter get_speaks_for) (setter set_speaks_for)
   *
   * The id of the actor, typically a state, on whose behalf this one
   * speaks, or %NULL when its positions are its own. A head of state or a
   * minister speaks for a state; an analyst affiliated to an institute
   * speaks for no one. This is a claim of the data, distinct from
   * [property@Bilat.Actor:affiliation]: belonging to a state does not make
   * a person its voice.
   *
   * Alignment counts a position of a speaker for the actor it speaks for,
   * unless that actor holds a position of its own on the same issue (see
   * [method@Bilat.Store.align]).
   *
   * Since: 1.0
   */
  properties[PROP_SPEAKS_FOR] =
    g_param_spec_string ("speaks-for", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE);

  /**
   * BilatActor:predecessor: (getter get_predecessor) (setter set_predecessor)
   *
   * The id of the actor that this one continues, such as `SUN` (the USSR)
   * for `RUS`, or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_PREDECESSOR] =
    g_param_spec_string ("predecessor", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bilat_actor_init (BilatActor *self)
{
  self->kind = BILAT_ACTOR_KIND_STATE;
  self->aliases = g_new0 (char *, 1);
}

/* Index of the alias of @self that has the alias key @key, or -1. */
static int
find_alias (BilatActor *self,
            const char *key)
{
  for (guint i = 0; self->aliases[i] != NULL; i++)
    {
      g_autofree char *other = _bilat_alias_key (self->aliases[i]);

      if (g_strcmp0 (key, other) == 0)
        return (int) i;
    }

  return -1;
}

static gboolean
is_valid_alias (const char *alias)
{
  return alias != NULL && *alias != '\0' && g_utf8_validate (alias, -1, NULL);
}

/* Notifies a change of the name the actor has, when changing its kind or
 * own name changed it: @old_name is the name before. */
static void
notify_name_if_changed (BilatActor *self,
                        const char *old_name)
{
  if (g_strcmp0 (old_name, bilat_actor_get_name (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * bilat_actor_new:
 * @id: the id of the actor (see [func@Bilat.Record.is_valid_id]): for a
 *   state its ISO 3166 alpha-3 code, otherwise a slug
 * @kind: what kind of actor it is
 *
 * Creates an actor with no name, aliases, affiliation, speaker role or
 * predecessor yet.
 *
 * Returns: (transfer full): a new [class@Bilat.Actor]
 *
 * Since: 1.0
 */
BilatActor *
bilat_actor_new (const char     *id,
                 BilatActorKind  kind)
{
  g_return_val_if_fail (bilat_record_is_valid_id (id), NULL);
  g_return_val_if_fail (_bilat_enum_is_valid (BILAT_TYPE_ACTOR_KIND, kind), NULL);

  return g_object_new (BILAT_TYPE_ACTOR,
                       "id", id,
                       "kind", kind,
                       NULL);
}

/**
 * bilat_actor_get_kind: (get-property kind)
 * @self: a [class@Bilat.Actor]
 *
 * Gets what kind of actor @self is.
 *
 * Returns: the kind of @self
 *
 * Since: 1.0
 */
BilatActorKind
bilat_actor_get_kind (BilatActor *self)
{
  g_return_val_if_fail (BILAT_IS_ACTOR (self), BILAT_ACTOR_KIND_STATE);

  return self->kind;
}

/**
 * bilat_actor_set_kind: (set-property kind)
 * @self: a [class@Bilat.Actor]
 * @kind: what kind of actor it is
 *
 * Sets what kind of actor @self is. Since only states take a name from
 * iso-codes, this can change [property@Bilat.Actor:name] too.
 *
 * Since: 1.0
 */
void
bilat_actor_set_kind (BilatActor     *self,
                      BilatActorKind  kind)
{
  g_autofree char *old_name = NULL;

  g_return_if_fail (BILAT_IS_ACTOR (self));
  g_return_if_fail (_bilat_enum_is_valid (BILAT_TYPE_ACTOR_KIND, kind));

  if (self->kind == kind)
    return;

  old_name = g_strdup (bilat_actor_get_name (self));
  self->kind = kind;

  /* One batch, so that handlers of either signal see both changes made. */
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  notify_name_if_changed (self, old_name);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * bilat_actor_get_name: (get-property name)
 * @self: a [class@Bilat.Actor]
 *
 * Gets the name of the actor: the name set with
 * [method@Bilat.Actor.set_name] or, for a state with no name set, its name
 * in the iso-codes package (see [func@Bilat.country_get_name]).
 *
 * Returns: (transfer none) (nullable): the name of @self, or %NULL if it has
 *   none
 *
 * Since: 1.0
 */
const char *
bilat_actor_get_name (BilatActor *self)
{
  g_return_val_if_fail (BILAT_IS_ACTOR (self), NULL);

  if (self->name != NULL)
    return self->name;

  if (self->kind == BILAT_ACTOR_KIND_STATE)
    return bilat_country_get_name (bilat_record_get_id (BILAT_RECORD (self)));

  return NULL;
}

/**
 * bilat_actor_set_name: (set-property name)
 * @self: a [class@Bilat.Actor]
 * @name: (nullable): the name, or %NULL to have none (for a state: to use
 *   the name from iso-codes)
 *
 * Sets the name of the actor.
 *
 * Since: 1.0
 */
void
bilat_actor_set_name (BilatActor *self,
                      const char *name)
{
  g_autofree char *old_name = NULL;

  g_return_if_fail (BILAT_IS_ACTOR (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  /* Setting a state's own name to its iso-codes name changes nothing that
   * a reader of the property sees, so that is not notified. */
  old_name = g_strdup (bilat_actor_get_name (self));
  _bilat_set_str (&self->name, name);
  notify_name_if_changed (self, old_name);
}

/**
 * bilat_actor_get_own_name:
 * @self: a [class@Bilat.Actor]
 *
 * Gets the name set with [method@Bilat.Actor.set_name], without falling
 * back to iso-codes as [method@Bilat.Actor.get_name] does. This is what a
 * dataset has to store.
 *
 * Returns: (transfer none) (nullable): the name set, or %NULL
 *
 * Since: 1.0
 */
const char *
bilat_actor_get_own_name (BilatActor *self)
{
  g_return_val_if_fail (BILAT_IS_ACTOR (self), NULL);

  return self->name;
}

/**
 * bilat_actor_get_aliases: (get-property aliases)
 * @self: a [class@Bilat.Actor]
 *
 * Gets the other names of the actor, in the order they were added.
 *
 * Returns: (transfer none) (array zero-terminated=1): the aliases of @self,
 *   an empty array when there are none
 *
 * Since: 1.0
 */
const char * const *
bilat_actor_get_aliases (BilatActor *self)
{
  g_return_val_if_fail (BILAT_IS_ACTOR (self), NULL);

  return (const char * const *) self->aliases;
}

/**
 * bilat_actor_set_aliases: (set-property aliases)
 * @self: a [class@Bilat.Actor]
 * @aliases: (nullable) (array zero-terminated=1): the aliases, or %NULL for
 *   none
 *
 * Replaces the aliases of the actor. Each alias must be non-empty UTF-8;
 * of aliases that differ only in case, the first is kept.
 *
 * Since: 1.0
 */
void
bilat_actor_set_aliases (BilatActor         *self,
                         const char * const *aliases)
{
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) keys = NULL;

  g_return_if_fail (BILAT_IS_ACTOR (self));

  kept = g_ptr_array_new_with_free_func (g_free);
  keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      char *key;

      g_return_if_fail (is_valid_alias (aliases[i]));

      key = _bilat_alias_key (aliases[i]);
      if (g_ptr_array_find_with_equal_func (keys, key, g_str_equal, NULL))
        {
          g_free (key);
          continue;
        }

      g_ptr_array_add (keys, key);
      g_ptr_array_add (kept, g_strdup (aliases[i]));
    }
  g_ptr_array_add (kept, NULL);

  if (g_strv_equal ((const char * const *) kept->pdata,
                    (const char * const *) self->aliases))
    return;

  g_strfreev (self->aliases);
  self->aliases = (GStrv) g_ptr_array_steal (kept, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
}

/**
 * bilat_actor_add_alias:
 * @self: a [class@Bilat.Actor]
 * @alias: another name of the actor: non-empty UTF-8
 *
 * Adds @alias after the aliases the actor has, unless it already has it,
 * compared without regard to case (see [method@Bilat.Actor.has_alias]).
 *
 * Since: 1.0
 */
void
bilat_actor_add_alias (BilatActor *self,
                       const char *alias)
{
  g_autofree char *key = NULL;
  guint length;

  g_return_if_fail (BILAT_IS_ACTOR (self));
  g_return_if_fail (is_valid_alias (alias));

  key = _bilat_alias_key (alias);
  if (find_alias (self, key) >= 0)
    return;

  length = g_strv_length (self->aliases);
  self->aliases = g_renew (char *, self->aliases, length + 2);
  self->aliases[length] = g_strdup (alias);
  self->aliases[length + 1] = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
}

/**
 * bilat_actor_has_alias:
 * @self: a [class@Bilat.Actor]
 * @alias: a name
 *
 * Checks whether @alias is one of the aliases of the actor. The comparison
 * ignores case (by Unicode case folding, so "KREMLIN" matches "Kremlin")
 * and differences of Unicode normalisation.
 *
 * Returns: %TRUE if @self has the alias @alias
 *
 * Since: 1.0
 */
gboolean
bilat_actor_has_alias (BilatActor *self,
                       const char *alias)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (BILAT_IS_ACTOR (self), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  /* Not an alias of anything, rather than a programmer error: the alias
   * to look up often comes straight from data. */
  key = _bilat_alias_key (alias);
  if (key == NULL)
    return FALSE;

  return find_alias (self, key) >= 0;
}

/**
 * bilat_actor_get_affiliation: (get-property affiliation)
 * @self: a [class@Bilat.Actor]
 *
 * Gets the id of the actor that @self belongs to, typically a person's
 * state.
 *
 * Returns: (transfer none) (nullable): an actor id, or %NULL
 *
 * Since: 1.0
 */
const char *
bilat_actor_get_affiliation (BilatActor *self)
{
  g_return_val_if_fail (BILAT_IS_ACTOR (self), NULL);

  return self->affiliation;
}

/**
 * bilat_actor_set_affiliation: (set-property affiliation)
 * @self: a [class@Bilat.Actor]
 * @affiliation: (nullable): a valid actor id, or %NULL for none
 *
 * Sets the id of the actor that @self belongs to. The actor need not exist
 * (yet): a [class@Bilat.Store] resolves ids when it is asked to.
 *
 * Since: 1.0
 */
void
bilat_actor_set_affiliation (BilatActor *self,
                             const char *affiliation)
{
  g_return_if_fail (BILAT_IS_ACTOR (self));
  g_return_if_fail (_bilat_is_valid_optional_id (affiliation));

  if (_bilat_set_str (&self->affiliation, affiliation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AFFILIATION]);
}

/**
 * bilat_actor_get_speaks_for: (get-property speaks-for)
 * @self: a [class@Bilat.Actor]
 *
 * Gets the id of the actor that @self speaks for, see
 * [property@Bilat.Actor:speaks-for].
 *
 * Returns: (transfer none) (nullable): an actor id, or %NULL
 *
 * Since: 1.0
 */
const char *
bilat_actor_get_speaks_for (BilatActor *self)
{
  g_return_val_if_fail (BILAT_IS_ACTOR (self), NULL);

  return self->speaks_for;
}

/**
 * bilat_actor_set_speaks_for: (set-property speaks-for)
 * @self: a [class@Bilat.Actor]
 * @speaks_for: (nullable): a valid actor id, or %NULL for none
 *
 * Sets the id of the actor that @self speaks for, so that its positions
 * count for that actor too, see [property@Bilat.Actor:speaks-for]. The
 * actor need not exist (yet): a [class@Bilat.Store] resolves ids when it
 * is asked to.
 *
 * Since: 1.0
 */
void
bilat_actor_set_speaks_for (BilatActor *self,
                            const char *speaks_for)
{
  g_return_if_fail (BILAT_IS_ACTOR (self));
  g_return_if_fail (_bilat_is_valid_optional_id (speaks_for));

  if (_bilat_set_str (&self->speaks_for, speaks_for))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKS_FOR]);
}

/**
 * bilat_actor_get_predecessor: (get-property predecessor)
 * @self: a [class@Bilat.Actor]
 *
 * Gets the id of the actor that @self continues, as Russia (`RUS`)
 * continues the USSR (`SUN`).
 *
 * Returns: (transfer none) (nullable): an actor id, or %NULL
 *
 * Since: 1.0
 */
const char *
bilat_actor_get_predecessor (BilatActor *self)
{
  g_return_val_if_fail (BILAT_IS_ACTOR (self), NULL);

  return self->predecessor;
}

/**
 * bilat_actor_set_predecessor: (set-property predecessor)
 * @self: a [class@Bilat.Actor]
 * @predecessor: (nullable): a valid actor id, or %NULL for none
 *
 * Sets the id of the actor that @self continues. The actor need not exist
 * (yet): a [class@Bilat.Store] resolves ids when it is asked to.
 *
 * Since: 1.0
 */
void
bilat_actor_set_predecessor (BilatActor *self,
                             const char *predecessor)
{
  g_return_if_fail (BILAT_IS_ACTOR (self));
  g_return_if_fail (_bilat_is_valid_optional_id (predecessor));

  if (_bilat_set_str (&self->predecessor, predecessor))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREDECESSOR]);
}
