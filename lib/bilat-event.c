/* bilat-event.c: dated events between actors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>

#include <bilat/bilat.h>

#include <string.h>

#include "bilat-array-model-private.h"
#include "bilat-event-private.h"
#include "bilat-record-private.h"

/**
 * BilatParticipant:
 *
 * An actor taking part in a [class@Bilat.Event], and the part it plays
 * there (see [enum@Bilat.Role]).
 *
 * A participant is an immutable object, its properties read-only: to
 * change an actor's role, add the actor to the event again with the new
 * role. It is an object rather than a boxed value so that an event's
 * participants are a [iface@Gio.ListModel] every language reads
 * ([method@Bilat.Event.get_participants_model]).
 *
 * Since: 1.0
 */
struct _BilatParticipant
{
  GObject    parent_instance;

  char      *actor;
  BilatRole  role;
};

G_DEFINE_FINAL_TYPE (BilatParticipant, bilat_participant, G_TYPE_OBJECT)

enum {
  PARTICIPANT_PROP_0,
  PARTICIPANT_PROP_ACTOR,
  PARTICIPANT_PROP_ROLE,
  PARTICIPANT_N_PROPS
};

static GParamSpec *participant_properties[PARTICIPANT_N_PROPS];

/**
 * BilatEvent:
 *
 * Something that happened between actors on a date: a visit, an agreement,
 * a statement, a delivery of arms — or, from machine-coded event data, one
 * coded event.
 *
 * An event names its participants by actor id, each with a
 * [enum@Bilat.Role], in the order they were added. Its date may be a day, a
 * month, a year or an interval, or unknown (%NULL): an event is never given a
 * made-up date. It may also have a place, the [flags@Bilat.Sector]s it
 * concerns, and a CAMEO event code, from which the values CAMEO implies
 * (root code, QuadClass, Goldstein score) follow.
 *
 * A [class@Bilat.Store] lists events in the order of
 * [method@Bilat.Event.compare]: by date, unknown dates last. Subclasses such
 * as [class@Bilat.Exercise] add attributes of their own.
 *
 * Like every [class@Bilat.Record], an event is not thread-safe (use it from
 * one thread at a time) and may be added to a [class@Bilat.Store], which
 * keys it by its id.
 *
 * Since: 1.0
 */
typedef struct
{
  BilatDate   *date;
  char        *title;
  char        *summary;
  BilatPlace  *place;
  BilatSector  sectors;
  char        *cameo_code;
  double       goldstein;     /* given by the data, or NAN: the code's */
  GPtrArray   *participants;
  BilatArrayModel *participants_model;  /* made when first asked for */
} BilatEventPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (BilatEvent, bilat_event, BILAT_TYPE_RECORD)

enum {
  PROP_0,
  PROP_DATE,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_PLACE,
  PROP_SECTORS,
  PROP_CAMEO_CODE,
  PROP_GOLDSTEIN,
  PROP_PARTICIPANTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bilat_participant_finalize (GObject *object)
{
  BilatParticipant *self = BILAT_PARTICIPANT (object);

  g_free (self->actor);

  G_OBJECT_CLASS (bilat_participant_parent_class)->finalize (object);
}

static void
bilat_participant_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BilatParticipant *self = BILAT_PARTICIPANT (object);

  switch (prop_id)
    {
    case PARTICIPANT_PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    case PARTICIPANT_PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_participant_class_init (BilatParticipantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_participant_finalize;
  object_class->get_property = bilat_participant_get_property;

  /**
   * BilatParticipant:actor: (getter get_actor)
   *
   * The id of the participating actor.
   *
   * Since: 1.0
   */
  participant_properties[PARTICIPANT_PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatParticipant:role: (getter get_role)
   *
   * The part the actor plays in the event.
   *
   * Since: 1.0
   */
  participant_properties[PARTICIPANT_PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, BILAT_TYPE_ROLE, BILAT_ROLE_PARTICIPANT,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, PARTICIPANT_N_PROPS, participant_properties);
}

static void
bilat_participant_init (BilatParticipant *self)
{
  self->role = BILAT_ROLE_PARTICIPANT;
}

/**
 * bilat_participant_new:
 * @actor: the id of the actor (see [func@Bilat.Record.is_valid_id])
 * @role: the part it plays
 *
 * Creates a participant.
 *
 * Returns: (transfer full): a new [class@Bilat.Participant]
 *
 * Since: 1.0
 */
BilatParticipant *
bilat_participant_new (const char *actor,
                       BilatRole   role)
{
  BilatParticipant *self;

  g_return_val_if_fail (bilat_record_is_valid_id (actor), NULL);
  g_return_val_if_fail (_bilat_enum_is_valid (BILAT_TYPE_ROLE, role), NULL);

  /* The properties are read-only: the values are checked here, once. */
  self = g_object_new (BILAT_TYPE_PARTICIPANT, NULL);
  self->actor = g_strdup (actor);
  self->role = role;

  return self;
}

/**
 * bilat_participant_get_actor: (get-property actor)
 * @self: a [class@Bilat.Participant]
 *
 * Gets the id of the participating actor.
 *
 * Returns: (transfer none): an actor id
 *
 * Since: 1.0
 */
const char *
bilat_participant_get_actor (const BilatParticipant *self)
{
  g_return_val_if_fail (BILAT_IS_PARTICIPANT ((BilatParticipant *) self), NULL);

  return self->actor;
}

/**
 * bilat_participant_get_role: (get-property role)
 * @self: a [class@Bilat.Participant]
 *
 * Gets the part the actor plays in the event.
 *
 * Returns: the role of the actor
 *
 * Since: 1.0
 */
BilatRole
bilat_participant_get_role (const BilatParticipant *self)
{
  g_return_val_if_fail (BILAT_IS_PARTICIPANT ((BilatParticipant *) self), BILAT_ROLE_PARTICIPANT);

  return self->role;
}

static gboolean
set_place (BilatPlace **field,
           BilatPlace  *value)
{
  if (*field == value)
    return FALSE;
  if (*field != NULL && value != NULL && bilat_place_equal (*field, value))
    return FALSE;

  if (value != NULL)
    bilat_place_ref (value);
  g_clear_pointer (field, bilat_place_unref);
  *field = value;

  return TRUE;
}

/* A CAMEO event code: a two-digit root code ("04" consult), refined by up to
 * two more digits ("042" make a visit, "0874" …). */
static gboolean
is_valid_cameo_code (const char *code)
{
  gsize length = strlen (code);

  if (length < 2 || length > 4)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (code[i]))
      return FALSE;

  return TRUE;
}

/* Index of the participant @actor in @self, or -1. */
static int
find_participant (BilatEventPrivate *priv,
                  const char        *actor)
{
  for (guint i = 0; i < priv->participants->len; i++)
    {
      BilatParticipant *participant = g_ptr_array_index (priv->participants, i);

      if (strcmp (participant->actor, actor) == 0)
        return (int) i;
    }

  return -1;
}

static void
bilat_event_finalize (GObject *object)
{
  BilatEvent *self = BILAT_EVENT (object);
  BilatEventPrivate *priv = bilat_event_get_instance_private (self);

  g_clear_pointer (&priv->date, bilat_date_unref);
  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->summary, g_free);
  g_clear_pointer (&priv->place, bilat_place_unref);
  g_clear_pointer (&priv->cameo_code, g_free);
  g_clear_pointer (&priv->participants, g_ptr_array_unref);
  g_clear_object (&priv->participants_model);

  G_OBJECT_CLASS (bilat_event_parent_class)->finalize (object);
}

static void
bilat_event_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BilatEvent *self = BILAT_EVENT (object);
  BilatEventPrivate *priv = bilat_event_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_boxed (value, priv->date);
      break;

    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, priv->summary);
      break;

    case PROP_PLACE:
      g_value_set_boxed (value, priv->place);
      break;

    case PROP_SECTORS:
      g_value_set_flags (value, priv->sectors);
      break;

    case PROP_CAMEO_CODE:
      g_value_set_string (value, priv->cameo_code);
      break;
    case PROP_GOLDSTEIN:
      g_value_set_double (value, bilat_event_get_goldstein (self));
      break;

    case PROP_PARTICIPANTS:
      g_value_set_object (value, bilat_event_get_participants_model (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_event_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BilatEvent *self = BILAT_EVENT (object);

  switch (prop_id)
    {
    case PROP_DATE:
      bilat_event_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_TITLE:
      bilat_event_set_title (self, g_value_get_string (value));
      break;

    case PROP_SUMMARY:
      bilat_event_set_summary (self, g_value_get_string (value));
      break;

    case PROP_PLACE:
      bilat_event_set_place (self, g_value_get_boxed (value));
      break;

    case PROP_SECTORS:
      bilat_event_set_sectors (self, g_value_get_flags (value));
      break;

    case PROP_CAMEO_CODE:
      bilat_event_set_cameo_code (self, g_value_get_string (value));
      break;
    case PROP_GOLDSTEIN:
      bilat_event_set_goldstein (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_event_class_init (BilatEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_event_finalize;
  object_class->get_property = bilat_event_get_property;
  object_class->set_property = bilat_event_set_property;

  /**
   * BilatEvent:date: (getter get_date) (setter set_date)
   *
   * When the event happened, at whatever precision is known, or %NULL if
   * that is not known.
   *
   * Since: 1.0
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        BILAT_TYPE_DATE,
                        _BILAT_PARAM_READWRITE);

  /**
   * BilatEvent:title: (getter get_title) (setter set_title)
   *
   * A one-line description of the event, or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE);

  /**
   * BilatEvent:summary: (getter get_summary) (setter set_summary)
   *
   * What happened, in a few sentences, or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE);

  /**
   * BilatEvent:place: (getter get_place) (setter set_place)
   *
   * Where the event happened, or %NULL if that is not known.
   *
   * Since: 1.0
   */
  properties[PROP_PLACE] =
    g_param_spec_boxed ("place", NULL, NULL,
                        BILAT_TYPE_PLACE,
                        _BILAT_PARAM_READWRITE);

  /**
   * BilatEvent:sectors: (getter get_sectors) (setter set_sectors)
   *
   * The fields the event concerns; %BILAT_SECTOR_NONE when not classified.
   *
   * Since: 1.0
   */
  properties[PROP_SECTORS] =
    g_param_spec_flags ("sectors", NULL, NULL,
                        BILAT_TYPE_SECTOR,
                        BILAT_SECTOR_NONE,
                        _BILAT_PARAM_READWRITE);

  /**
   * BilatEvent:cameo-code: (getter get_cameo_code) (setter set_cameo_code)
   *
   * The CAMEO code of the event: two to four ASCII digits, such as `042`
   * (make a visit), or %NULL if the event is not coded.
   *
   * Since: 1.0
   */
  properties[PROP_CAMEO_CODE] =
    g_param_spec_string ("cameo-code", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE);

  /**
   * BilatEvent:goldstein: (getter get_goldstein) (setter set_goldstein)
   *
   * The Goldstein score of the event, from −10 (most conflictual) to +10
   * (most cooperative): the score the data gave for it when it was set,
   * otherwise the score of its CAMEO code in libbilat's table, otherwise
   * NAN. Setting NAN drops a score given by the data. (The specification's
   * default of 0 is only there because a specification cannot default to
   * NAN: a new event has no score.)
   *
   * Since: 1.0
   */
  properties[PROP_GOLDSTEIN] =
    g_param_spec_double ("goldstein", NULL, NULL,
                         -10.0, 10.0, 0.0,
                         _BILAT_PARAM_READWRITE);

  /**
   * BilatEvent:participants: (getter get_participants_model)
   *
   * The actors taking part, in the order they were added: a live
   * [iface@Gio.ListModel] of [class@Bilat.Participant], the same object for
   * the life of the event. Change them with
   * [method@Bilat.Event.add_participant] and
   * [method@Bilat.Event.remove_participant]; the model emits
   * [signal@Gio.ListModel::items-changed] and the property is notified.
   *
   * Since: 1.0
   */
  properties[PROP_PARTICIPANTS] =
    g_param_spec_object ("participants", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bilat_event_init (BilatEvent *self)
{
  BilatEventPrivate *priv = bilat_event_get_instance_private (self);

  priv->goldstein = NAN;
  priv->participants =
    g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * bilat_event_new:
 * @id: the id of the event (see [func@Bilat.Record.is_valid_id])
 *
 * Creates an event of unknown date, with no participants yet.
 *
 * Returns: (transfer full): a new [class@Bilat.Event]
 *
 * Since: 1.0
 */
BilatEvent *
bilat_event_new (const char *id)
{
  g_return_val_if_fail (bilat_record_is_valid_id (id), NULL);

  return g_object_new (BILAT_TYPE_EVENT, "id", id, NULL);
}

/**
 * bilat_event_get_date: (get-property date)
 * @self: a [class@Bilat.Event]
 *
 * Gets when the event happened.
 *
 * Returns: (transfer none) (nullable): the date of @self, or %NULL if it is
 *   not known
 *
 * Since: 1.0
 */
BilatDate *
bilat_event_get_date (BilatEvent *self)
{
  BilatEventPrivate *priv;

  g_return_val_if_fail (BILAT_IS_EVENT (self), NULL);

  priv = bilat_event_get_instance_private (self);

  return priv->date;
}

/**
 * bilat_event_set_date: (set-property date)
 * @self: a [class@Bilat.Event]
 * @date: (nullable): the date, or %NULL if it is not known
 *
 * Sets when the event happened. The event keeps a reference to @date, which
 * is immutable.
 *
 * Since: 1.0
 */
void
bilat_event_set_date (BilatEvent *self,
                      BilatDate  *date)
{
  BilatEventPrivate *priv;

  g_return_if_fail (BILAT_IS_EVENT (self));

  priv = bilat_event_get_instance_private (self);
  if (_bilat_set_date (&priv->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * bilat_event_get_title: (get-property title)
 * @self: a [class@Bilat.Event]
 *
 * Gets the one-line description of the event.
 *
 * Returns: (transfer none) (nullable): the title, or %NULL
 *
 * Since: 1.0
 */
const char *
bilat_event_get_title (BilatEvent *self)
{
  BilatEventPrivate *priv;

  g_return_val_if_fail (BILAT_IS_EVENT (self), NULL);

  priv = bilat_event_get_instance_private (self);

  return priv->title;
}

/**
 * bilat_event_set_title: (set-property title)
 * @self: a [class@Bilat.Event]
 * @title: (nullable): the title, or %NULL
 *
 * Sets the one-line description of the event.
 *
 * Since: 1.0
 */
void
bilat_event_set_title (BilatEvent *self,
                       const char *title)
{
  BilatEventPrivate *priv;

  g_return_if_fail (BILAT_IS_EVENT (self));

  priv = bilat_event_get_instance_private (self);
  if (_bilat_set_str (&priv->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * bilat_event_get_summary: (get-property summary)
 * @self: a [class@Bilat.Event]
 *
 * Gets the account of what happened.
 *
 * Returns: (transfer none) (nullable): the summary, or %NULL
 *
 * Since: 1.0
 */
const char *
bilat_event_get_summary (BilatEvent *self)
{
  BilatEventPrivate *priv;

  g_return_val_if_fail (BILAT_IS_EVENT (self), NULL);

  priv = bilat_event_get_instance_private (self);

  return priv->summary;
}

/**
 * bilat_event_set_summary: (set-property summary)
 * @self: a [class@Bilat.Event]
 * @summary: (nullable): the summary, or %NULL
 *
 * Sets the account of what happened.
 *
 * Since: 1.0
 */
void
bilat_event_set_summary (BilatEvent *self,
                         const char *summary)
{
  BilatEventPrivate *priv;

  g_return_if_fail (BILAT_IS_EVENT (self));

  priv = bilat_event_get_instance_private (self);
  if (_bilat_set_str (&priv->summary, summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

/**
 * bilat_event_get_place: (get-property place)
 * @self: a [class@Bilat.Event]
 *
 * Gets where the event happened.
 *
 * Returns: (transfer none) (nullable): the place, or %NULL if it is not
 *   known
 *
 * Since: 1.0
 */
BilatPlace *
bilat_event_get_place (BilatEvent *self)
{
  BilatEventPrivate *priv;

  g_return_val_if_fail (BILAT_IS_EVENT (self), NULL);

  priv = bilat_event_get_instance_private (self);

  return priv->place;
}

/**
 * bilat_event_set_place: (set-property place)
 * @self: a [class@Bilat.Event]
 * @place: (nullable): the place, or %NULL if it is not known
 *
 * Sets where the event happened. The event keeps a reference to @place,
 * which is immutable.
 *
 * Since: 1.0
 */
void
bilat_event_set_place (BilatEvent *self,
                       BilatPlace *place)
{
  BilatEventPrivate *priv;

  g_return_if_fail (BILAT_IS_EVENT (self));

  priv = bilat_event_get_instance_private (self);
  if (set_place (&priv->place, place))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE]);
}

/**
 * bilat_event_get_sectors: (get-property sectors)
 * @self: a [class@Bilat.Event]
 *
 * Gets the fields the event concerns.
 *
 * Returns: the sectors of @self, %BILAT_SECTOR_NONE if not classified
 *
 * Since: 1.0
 */
BilatSector
bilat_event_get_sectors (BilatEvent *self)
{
  BilatEventPrivate *priv;

  g_return_val_if_fail (BILAT_IS_EVENT (self), BILAT_SECTOR_NONE);

  priv = bilat_event_get_instance_private (self);

  return priv->sectors;
}

/**
 * bilat_event_set_sectors: (set-property sectors)
 * @self: a [class@Bilat.Event]
 * @sectors: the sectors, a combination of [flags@Bilat.Sector] values
 *
 * Sets the fields the event concerns, replacing those it had.
 *
 * Since: 1.0
 */
void
bilat_event_set_sectors (BilatEvent  *self,
                         BilatSector  sectors)
{
  BilatEventPrivate *priv;

  g_return_if_fail (BILAT_IS_EVENT (self));
  g_return_if_fail (_bilat_flags_are_valid (BILAT_TYPE_SECTOR, sectors));

  priv = bilat_event_get_instance_private (self);
  if (priv->sectors == sectors)
    return;

  priv->sectors = sectors;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTORS]);
}

/**
 * bilat_event_get_cameo_code: (get-property cameo-code)
 * @self: a [class@Bilat.Event]
 *
 * Gets the CAMEO code of the event.
 *
 * Returns: (transfer none) (nullable): two to four digits, or %NULL if the
 *   event is not coded
 *
 * Since: 1.0
 */
const char *
bilat_event_get_cameo_code (BilatEvent *self)
{
  BilatEventPrivate *priv;

  g_return_val_if_fail (BILAT_IS_EVENT (self), NULL);

  priv = bilat_event_get_instance_private (self);

  return priv->cameo_code;
}

/**
 * bilat_event_set_cameo_code: (set-property cameo-code)
 * @self: a [class@Bilat.Event]
 * @cameo_code: (nullable): two to four ASCII digits, or %NULL
 *
 * Sets the CAMEO code of the event. A code of another form is a programmer
 * error: code read from data must be checked before.
 *
 * Since: 1.0
 */
void
bilat_event_set_cameo_code (BilatEvent *self,
                            const char *cameo_code)
{
  BilatEventPrivate *priv;

  g_return_if_fail (BILAT_IS_EVENT (self));
  g_return_if_fail (cameo_code == NULL || is_valid_cameo_code (cameo_code));

  priv = bilat_event_get_instance_private (self);
  if (_bilat_set_str (&priv->cameo_code, cameo_code))
    {
      double before = bilat_event_get_goldstein (self);

      g_object_freeze_notify (G_OBJECT (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMEO_CODE]);
      if (isnan (priv->goldstein))
        {
          double after = bilat_event_get_goldstein (self);

          if (!(before == after || (isnan (before) && isnan (after))))
            g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOLDSTEIN]);
        }
      g_object_thaw_notify (G_OBJECT (self));
    }
}

/**
 * bilat_event_get_goldstein: (get-property goldstein)
 * @self: a [class@Bilat.Event]
 *
 * Gets the Goldstein score of the event: the one the data gave (see
 * [method@Bilat.Event.set_goldstein]), or else the score of its CAMEO code
 * ([func@Bilat.cameo_get_goldstein]).
 *
 * Returns: the score, from −10 to +10, or NAN when the event has neither
 *   a score of its own nor a known CAMEO code
 *
 * Since: 1.0
 */
double
bilat_event_get_goldstein (BilatEvent *self)
{
  BilatEventPrivate *priv;

  g_return_val_if_fail (BILAT_IS_EVENT (self), NAN);

  priv = bilat_event_get_instance_private (self);
  if (!isnan (priv->goldstein))
    return priv->goldstein;
  if (priv->cameo_code != NULL)
    return bilat_cameo_get_goldstein (priv->cameo_code);
  return NAN;
}

/**
 * bilat_event_get_own_goldstein:
 * @self: a [class@Bilat.Event]
 *
 * Gets the Goldstein score given to the event by its data, without
 * falling back to the CAMEO table. Machine-coded event files carry a score
 * per event, which may differ from the table's; writers keep it.
 *
 * Returns: the score given, or NAN when none was
 *
 * Since: 1.0
 */
double
bilat_event_get_own_goldstein (BilatEvent *self)
{
  BilatEventPrivate *priv;

  g_return_val_if_fail (BILAT_IS_EVENT (self), NAN);

  priv = bilat_event_get_instance_private (self);
  return priv->goldstein;
}

/**
 * bilat_event_set_goldstein: (set-property goldstein)
 * @self: a [class@Bilat.Event]
 * @goldstein: a score from −10 to +10, or NAN to use the CAMEO table's
 *
 * Sets the Goldstein score the data gives the event. Only needed where it
 * differs from the score of the event's CAMEO code, which is used
 * otherwise.
 *
 * Since: 1.0
 */
void
bilat_event_set_goldstein (BilatEvent *self,
                           double      goldstein)
{
  BilatEventPrivate *priv;
  double before;

  g_return_if_fail (BILAT_IS_EVENT (self));
  g_return_if_fail (isnan (goldstein) || (goldstein >= -10.0 && goldstein <= 10.0));

  priv = bilat_event_get_instance_private (self);
  if (priv->goldstein == goldstein || (isnan (priv->goldstein) && isnan (goldstein)))
    return;

  before = bilat_event_get_goldstein (self);
  priv->goldstein = goldstein;
  if (!(before == bilat_event_get_goldstein (self) ||
        (isnan (before) && isnan (bilat_event_get_goldstein (self)))))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOLDSTEIN]);
}

/**
 * bilat_event_get_quad_class:
 * @self: a [class@Bilat.Event]
 *
 * Gets the QuadClass that the event's CAMEO code falls in.
 *
 * Returns: the QuadClass, or %BILAT_QUAD_CLASS_NONE when the event has no
 *   known CAMEO code
 *
 * Since: 1.0
 */
BilatQuadClass
bilat_event_get_quad_class (BilatEvent *self)
{
  BilatEventPrivate *priv;

  g_return_val_if_fail (BILAT_IS_EVENT (self), BILAT_QUAD_CLASS_NONE);

  priv = bilat_event_get_instance_private (self);
  return priv->cameo_code ? bilat_cameo_get_quad_class (priv->cameo_code) : BILAT_QUAD_CLASS_NONE;
}

/**
 * bilat_event_get_root_code:
 * @self: a [class@Bilat.Event]
 *
 * Gets the CAMEO root code (the first two digits, such as `06`) of the
 * event's CAMEO code.
 *
 * Returns: (transfer none) (nullable): the root code, or %NULL when the
 *   event has no known CAMEO code
 *
 * Since: 1.0
 */
const char *
bilat_event_get_root_code (BilatEvent *self)
{
  BilatEventPrivate *priv;

  g_return_val_if_fail (BILAT_IS_EVENT (self), NULL);

  priv = bilat_event_get_instance_private (self);
  return priv->cameo_code ? bilat_cameo_get_root (priv->cameo_code) : NULL;
}

/**
 * bilat_event_get_participants:
 * @self: a [class@Bilat.Event]
 *
 * Gets the actors taking part in the event, in the order they were added.
 *
 * The array belongs to @self and changes with it; do not modify it.
 *
 * Returns: (transfer none) (element-type Bilat.Participant): the
 *   participants, an empty array when there are none
 *
 * Since: 1.0
 */
GPtrArray *
bilat_event_get_participants (BilatEvent *self)
{
  BilatEventPrivate *priv;

  g_return_val_if_fail (BILAT_IS_EVENT (self), NULL);

  priv = bilat_event_get_instance_private (self);

  return priv->participants;
}

/**
 * bilat_event_get_participants_model: (get-property participants)
 * @self: a [class@Bilat.Event]
 *
 * Gets the actors taking part in the event as a live list model, for
 * languages that read lists through [iface@Gio.ListModel]: it has the
 * items of [method@Bilat.Event.get_participants], and changes with them.
 *
 * Returns: (transfer none): a [iface@Gio.ListModel] of
 *   [class@Bilat.Participant], owned by @self
 *
 * Since: 1.0
 */
GListModel *
bilat_event_get_participants_model (BilatEvent *self)
{
  BilatEventPrivate *priv;

  g_return_val_if_fail (BILAT_IS_EVENT (self), NULL);

  priv = bilat_event_get_instance_private (self);
  if (priv->participants_model == NULL)
    priv->participants_model = _bilat_array_model_new (BILAT_TYPE_PARTICIPANT, priv->participants);
  return G_LIST_MODEL (priv->participants_model);
}

/**
 * bilat_event_add_participant:
 * @self: a [class@Bilat.Event]
 * @actor: the id of the actor (see [func@Bilat.Record.is_valid_id])
 * @role: the part it plays
 *
 * Adds @actor to the participants of the event, after those already there.
 * An actor takes part only once: if @actor already does, its role becomes
 * @role and it keeps its place in the list.
 *
 * Since: 1.0
 */
void
bilat_event_add_participant (BilatEvent *self,
                             const char *actor,
                             BilatRole   role)
{
  BilatEventPrivate *priv;
  BilatParticipant *participant;
  int index;

  g_return_if_fail (BILAT_IS_EVENT (self));
  g_return_if_fail (bilat_record_is_valid_id (actor));
  g_return_if_fail (_bilat_enum_is_valid (BILAT_TYPE_ROLE, role));

  priv = bilat_event_get_instance_private (self);
  index = find_participant (priv, actor);

  if (index < 0)
    {
      g_ptr_array_add (priv->participants, bilat_participant_new (actor, role));
      _bilat_array_model_items_changed (priv->participants_model, priv->participants->len - 1, 0, 1);
    }
  else
    {
      participant = g_ptr_array_index (priv->participants, index);
      if (participant->role == role)
        return;

      /* Participants are immutable, and the caller may hold this one. */
      g_ptr_array_index (priv->participants, index) = bilat_participant_new (actor, role);
      g_object_unref (participant);
      _bilat_array_model_items_changed (priv->participants_model, (guint) index, 1, 1);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANTS]);
}

/**
 * bilat_event_remove_participant:
 * @self: a [class@Bilat.Event]
 * @actor: the id of an actor
 *
 * Removes @actor from the participants of the event; the others keep their
 * order.
 *
 * Returns: %TRUE if @actor took part and was removed, %FALSE if it did not
 *   take part
 *
 * Since: 1.0
 */
gboolean
bilat_event_remove_participant (BilatEvent *self,
                                const char *actor)
{
  BilatEventPrivate *priv;
  int index;

  g_return_val_if_fail (BILAT_IS_EVENT (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  priv = bilat_event_get_instance_private (self);
  index = find_participant (priv, actor);
  if (index < 0)
    return FALSE;

  g_ptr_array_remove_index (priv->participants, index);
  _bilat_array_model_items_changed (priv->participants_model, (guint) index, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANTS]);

  return TRUE;
}

/**
 * bilat_event_has_participant:
 * @self: a [class@Bilat.Event]
 * @actor: the id of an actor
 * @role: (out) (optional): where to store the role of @actor; left
 *   untouched when it does not take part
 *
 * Checks whether @actor takes part in the event, and in what role.
 *
 * Returns: %TRUE if @actor takes part
 *
 * Since: 1.0
 */
gboolean
bilat_event_has_participant (BilatEvent *self,
                             const char *actor,
                             BilatRole  *role)
{
  BilatEventPrivate *priv;
  BilatParticipant *participant;
  int index;

  g_return_val_if_fail (BILAT_IS_EVENT (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  priv = bilat_event_get_instance_private (self);
  index = find_participant (priv, actor);
  if (index < 0)
    return FALSE;

  participant = g_ptr_array_index (priv->participants, index);
  if (role != NULL)
    *role = participant->role;

  return TRUE;
}

/**
 * bilat_event_compare:
 * @a: a [class@Bilat.Event]
 * @b: another [class@Bilat.Event]
 *
 * Compares two events in the order in which a [class@Bilat.Store] lists
 * them: by date (see [method@Bilat.Date.compare]), events of unknown date after
 * all the others, and events of the same date by id (byte-wise, as
 * strcmp() orders them), which makes the order total.
 *
 * Returns: a negative value if @a comes before @b, 0 if they have the same
 *   date and id, a positive value if @a comes after @b
 *
 * Since: 1.0
 */
int
bilat_event_compare (BilatEvent *a,
                     BilatEvent *b)
{
  int order;

  g_return_val_if_fail (BILAT_IS_EVENT (a), 0);
  g_return_val_if_fail (BILAT_IS_EVENT (b), 0);

  /* bilat_date_compare() already sorts unknown (NULL) dates last. */
  order = bilat_date_compare (bilat_event_get_date (a), bilat_event_get_date (b));
  if (order != 0)
    return order;

  return strcmp (bilat_record_get_id (BILAT_RECORD (a)),
                 bilat_record_get_id (BILAT_RECORD (b)));
}

/* The figures a series counts, read once per event: the store keeps them
 * packed so that a series over all events never touches the objects. */
void
_bilat_event_facts_init (BilatEventFacts *facts,
                         BilatEvent      *event)
{
  BilatDate *date = bilat_event_get_date (event);

  facts->first_julian = date ? bilat_date_get_first_julian (date) : 0;
  facts->last_julian = date ? bilat_date_get_last_julian (date) : 0;
  facts->precision = date ? bilat_date_get_precision (date) : 0;
  facts->is_interval = date ? bilat_date_is_interval (date) : FALSE;
  facts->goldstein = bilat_event_get_goldstein (event);
  facts->quad_class = bilat_event_get_quad_class (event);
}
