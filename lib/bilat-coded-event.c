/* bilat-coded-event.c: events read from machine-coded event data
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>

#include <bilat/bilat.h>

#include "bilat-record-private.h"

/**
 * BilatCodedEvent:
 *
 * One event of a machine-coded event dataset, GDELT 1.0, GDELT 2.0 or
 * ICEWS, as [method@Bilat.Importer.import] reads it: a
 * [class@Bilat.Event] with what the dataset says beyond who did what to
 * whom, when and where.
 *
 * The event itself holds the common part:
 *
 * - its id is the dataset's event id with a prefix: `gdelt:` and the
 *   `GLOBALEVENTID` for GDELT 1.0 and 2.0 (they share one numbering),
 *   `icews:` and the `Event ID` for ICEWS;
 * - its date is the day of the event (GDELT's `SQLDATE`, ICEWS's `Event
 *   Date`);
 * - its participants are the countries of the two actors, as ISO 3166
 *   alpha-3 codes: the first actor (CAMEO's actor 1, ICEWS's source) is
 *   the initiator, the second (actor 2, the target) the target. A side
 *   without a country has no participant; when both sides are the same
 *   country, it takes part once, as initiator. GDELT's CAMEO country codes
 *   are ISO codes but for four ([func@Bilat.cameo_country_to_iso]), and
 *   its regions (`EUR`, `AFR`, `WST` …) keep their CAMEO code; ICEWS's
 *   country names become ISO codes ([func@Bilat.country_from_name]);
 * - its CAMEO code is the event code, and its Goldstein score the one the
 *   file gives (GDELT's `GoldsteinScale`, ICEWS's `Intensity`), recorded
 *   with [method@Bilat.Event.set_goldstein] where it differs from the
 *   CAMEO table's;
 * - its place is where the action took place (GDELT's `ActionGeo_*`, whose
 *   FIPS 10-4 country becomes an ISO code with
 *   [func@Bilat.country_from_fips]; ICEWS's city, district, province and
 *   country), with its coordinates;
 * - its title says who did what to whom, in the dataset's words:
 *   `PAKISTAN → RUSSIA: Make a visit`;
 * - its citation is the article the event was coded from (GDELT's
 *   `SOURCEURL`, ICEWS's story), as a [class@Bilat.Source].
 *
 * A coded event adds the dataset's own fields: the actors' codes, names
 * and types (GDELT's `Actor1Code`, `Actor1Name` and type codes; ICEWS's
 * `Source Name` and `Source Sectors`), whether it is a root event, the
 * numbers of mentions, sources and articles, the average tone, the URL of
 * the article and the day the dataset added the event.
 *
 * Since: 1.0
 */
struct _BilatCodedEvent
{
  BilatEvent parent_instance;

  BilatEventFormat  dataset;
  char             *actor1_code;
  char             *actor1_name;
  char             *actor1_types;
  char             *actor2_code;
  char             *actor2_name;
  char             *actor2_types;
  gboolean          root_event;
  guint             mentions;
  guint             sources;
  guint             articles;
  double            tone;
  char             *url;
  BilatDate        *date_added;
};

G_DEFINE_FINAL_TYPE (BilatCodedEvent, bilat_coded_event, BILAT_TYPE_EVENT)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_ACTOR1_CODE,
  PROP_ACTOR1_NAME,
  PROP_ACTOR1_TYPES,
  PROP_ACTOR2_CODE,
  PROP_ACTOR2_NAME,
  PROP_ACTOR2_TYPES,
  PROP_ROOT_EVENT,
  PROP_MENTIONS,
  PROP_SOURCES,
  PROP_ARTICLES,
  PROP_TONE,
  PROP_URL,
  PROP_DATE_ADDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bilat_coded_event_finalize (GObject *object)
{
  BilatCodedEvent *self = BILAT_CODED_EVENT (object);

  g_free (self->actor1_code);
  g_free (self->actor1_name);
  g_free (self->actor1_types);
  g_free (self->actor2_code);
  g_free (self->actor2_name);
  g_free (self->actor2_types);
  g_free (self->url);
  g_clear_pointer (&self->date_added, bilat_date_unref);

  G_OBJECT_CLASS (bilat_coded_event_parent_class)->finalize (object);
}

/* The string property of each string member, for the setters and
 * get_property(). */
static char **
string_field (BilatCodedEvent *self,
              guint            prop_id)
{
  switch (prop_id)
    {
    case PROP_ACTOR1_CODE:
      return &self->actor1_code;
    case PROP_ACTOR1_NAME:
      return &self->actor1_name;
    case PROP_ACTOR1_TYPES:
      return &self->actor1_types;
    case PROP_ACTOR2_CODE:
      return &self->actor2_code;
    case PROP_ACTOR2_NAME:
      return &self->actor2_name;
    case PROP_ACTOR2_TYPES:
      return &self->actor2_types;
    case PROP_URL:
      return &self->url;
    default:
      return NULL;
    }
}

static void
set_string (BilatCodedEvent *self,
            guint            prop_id,
            const char      *value)
{
  char **field = string_field (self, prop_id);

  if (field != NULL && _bilat_set_str (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_count (BilatCodedEvent *self,
           guint           *field,
           guint            prop_id,
           guint            value)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
bilat_coded_event_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BilatCodedEvent *self = BILAT_CODED_EVENT (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_enum (value, self->dataset);
      break;
    case PROP_ACTOR1_CODE:
    case PROP_ACTOR1_NAME:
    case PROP_ACTOR1_TYPES:
    case PROP_ACTOR2_CODE:
    case PROP_ACTOR2_NAME:
    case PROP_ACTOR2_TYPES:
    case PROP_URL:
      {
        char **field = string_field (self, prop_id);

        g_value_set_string (value, field != NULL ? *field : NULL);
      }
      break;
    case PROP_ROOT_EVENT:
      g_value_set_boolean (value, self->root_event);
      break;
    case PROP_MENTIONS:
      g_value_set_uint (value, self->mentions);
      break;
    case PROP_SOURCES:
      g_value_set_uint (value, self->sources);
      break;
    case PROP_ARTICLES:
      g_value_set_uint (value, self->articles);
      break;
    case PROP_TONE:
      g_value_set_double (value, self->tone);
      break;
    case PROP_DATE_ADDED:
      g_value_set_boxed (value, self->date_added);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_coded_event_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BilatCodedEvent *self = BILAT_CODED_EVENT (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      self->dataset = g_value_get_enum (value);
      break;
    case PROP_ACTOR1_CODE:
    case PROP_ACTOR1_NAME:
    case PROP_ACTOR1_TYPES:
    case PROP_ACTOR2_CODE:
    case PROP_ACTOR2_NAME:
    case PROP_ACTOR2_TYPES:
    case PROP_URL:
      set_string (self, prop_id, g_value_get_string (value));
      break;
    case PROP_ROOT_EVENT:
      bilat_coded_event_set_root_event (self, g_value_get_boolean (value));
      break;
    case PROP_MENTIONS:
      bilat_coded_event_set_mentions (self, g_value_get_uint (value));
      break;
    case PROP_SOURCES:
      bilat_coded_event_set_sources (self, g_value_get_uint (value));
      break;
    case PROP_ARTICLES:
      bilat_coded_event_set_articles (self, g_value_get_uint (value));
      break;
    case PROP_TONE:
      bilat_coded_event_set_tone (self, g_value_get_double (value));
      break;
    case PROP_DATE_ADDED:
      bilat_coded_event_set_date_added (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_param (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, _BILAT_PARAM_READWRITE);
}

static GParamSpec *
count_param (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0, _BILAT_PARAM_READWRITE);
}

static void
bilat_coded_event_class_init (BilatCodedEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_coded_event_finalize;
  object_class->get_property = bilat_coded_event_get_property;
  object_class->set_property = bilat_coded_event_set_property;

  /**
   * BilatCodedEvent:dataset: (getter get_dataset)
   *
   * The dataset the event comes from: %BILAT_EVENT_FORMAT_GDELT1,
   * %BILAT_EVENT_FORMAT_GDELT2 or %BILAT_EVENT_FORMAT_ICEWS
   * (%BILAT_EVENT_FORMAT_AUTO when it is not known).
   *
   * Since: 1.0
   */
  properties[PROP_DATASET] =
    g_param_spec_enum ("dataset", NULL, NULL,
                       BILAT_TYPE_EVENT_FORMAT, BILAT_EVENT_FORMAT_AUTO,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatCodedEvent:actor1-code: (getter get_actor1_code) (setter set_actor1_code)
   *
   * The full CAMEO code of the first actor (the initiator), such as
   * `PAKGOV` (GDELT's `Actor1Code`), or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_ACTOR1_CODE] = string_param ("actor1-code");

  /**
   * BilatCodedEvent:actor1-name: (getter get_actor1_name) (setter set_actor1_name)
   *
   * The name of the first actor as the dataset gives it: GDELT's
   * `Actor1Name` (`PAKISTAN`), ICEWS's `Source Name` (`Foreign Affairs
   * (Pakistan)`, `Imran Khan`), or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_ACTOR1_NAME] = string_param ("actor1-name");

  /**
   * BilatCodedEvent:actor1-types: (getter get_actor1_types) (setter set_actor1_types)
   *
   * What the first actor is, as comma-separated codes or words: GDELT's
   * CAMEO type codes `Actor1Type1Code` to `Actor1Type3Code` (`GOV,MIL`,
   * see [func@Bilat.cameo_actor_type_get_name]), ICEWS's `Source Sectors`
   * (`Executive,Government`), or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_ACTOR1_TYPES] = string_param ("actor1-types");

  /**
   * BilatCodedEvent:actor2-code: (getter get_actor2_code) (setter set_actor2_code)
   *
   * The full CAMEO code of the second actor (the target), or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_ACTOR2_CODE] = string_param ("actor2-code");

  /**
   * BilatCodedEvent:actor2-name: (getter get_actor2_name) (setter set_actor2_name)
   *
   * The name of the second actor (GDELT's `Actor2Name`, ICEWS's `Target
   * Name`), or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_ACTOR2_NAME] = string_param ("actor2-name");

  /**
   * BilatCodedEvent:actor2-types: (getter get_actor2_types) (setter set_actor2_types)
   *
   * What the second actor is, as for [property@Bilat.CodedEvent:actor1-types].
   *
   * Since: 1.0
   */
  properties[PROP_ACTOR2_TYPES] = string_param ("actor2-types");

  /**
   * BilatCodedEvent:root-event: (getter get_root_event) (setter set_root_event)
   *
   * Whether GDELT found the event in the lead paragraph of the article
   * (`IsRootEvent`), a sign of its importance.
   *
   * Since: 1.0
   */
  properties[PROP_ROOT_EVENT] =
    g_param_spec_boolean ("root-event", NULL, NULL, FALSE, _BILAT_PARAM_READWRITE);

  /**
   * BilatCodedEvent:mentions: (getter get_mentions) (setter set_mentions)
   *
   * How many mentions of the event GDELT counted (`NumMentions`); 0 when
   * the dataset does not say.
   *
   * Since: 1.0
   */
  properties[PROP_MENTIONS] = count_param ("mentions");

  /**
   * BilatCodedEvent:sources: (getter get_sources) (setter set_sources)
   *
   * How many information sources mentioned the event (`NumSources`); 0
   * when the dataset does not say.
   *
   * Since: 1.0
   */
  properties[PROP_SOURCES] = count_param ("sources");

  /**
   * BilatCodedEvent:articles: (getter get_articles) (setter set_articles)
   *
   * How many articles mentioned the event (`NumArticles`); 0 when the
   * dataset does not say.
   *
   * Since: 1.0
   */
  properties[PROP_ARTICLES] = count_param ("articles");

  /**
   * BilatCodedEvent:tone: (getter get_tone) (setter set_tone)
   *
   * The average tone of the articles that mention the event (GDELT's
   * `AvgTone`, from -100, extremely negative, to +100), or NaN when the
   * dataset does not say.
   *
   * Since: 1.0
   */
  properties[PROP_TONE] =
    g_param_spec_double ("tone", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         _BILAT_PARAM_READWRITE);

  /**
   * BilatCodedEvent:url: (getter get_url) (setter set_url)
   *
   * The URL of the article the event was coded from (GDELT's
   * `SOURCEURL`), or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_URL] = string_param ("url");

  /**
   * BilatCodedEvent:date-added: (getter get_date_added) (setter set_date_added)
   *
   * The day the dataset added the event (GDELT's `DATEADDED`), or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_DATE_ADDED] =
    g_param_spec_boxed ("date-added", NULL, NULL, BILAT_TYPE_DATE, _BILAT_PARAM_READWRITE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bilat_coded_event_init (BilatCodedEvent *self)
{
  self->tone = NAN;
}

/**
 * bilat_coded_event_new:
 * @id: the id of the event (see [func@Bilat.Record.is_valid_id]), such as
 *   `gdelt:881990832`
 * @dataset: the dataset the event comes from
 *
 * Creates a coded event with no date, participants or fields yet.
 *
 * Returns: (transfer full): a new [class@Bilat.CodedEvent]
 *
 * Since: 1.0
 */
BilatCodedEvent *
bilat_coded_event_new (const char       *id,
                       BilatEventFormat  dataset)
{
  g_return_val_if_fail (bilat_record_is_valid_id (id), NULL);
  g_return_val_if_fail (dataset <= BILAT_EVENT_FORMAT_ICEWS, NULL);

  return g_object_new (BILAT_TYPE_CODED_EVENT, "id", id, "dataset", dataset, NULL);
}

/**
 * bilat_coded_event_get_dataset: (get-property dataset)
 * @self: a [class@Bilat.CodedEvent]
 *
 * Gets the dataset the event comes from.
 *
 * Returns: the dataset the event comes from
 *
 * Since: 1.0
 */
BilatEventFormat
bilat_coded_event_get_dataset (BilatCodedEvent *self)
{
  g_return_val_if_fail (BILAT_IS_CODED_EVENT (self), BILAT_EVENT_FORMAT_AUTO);

  return self->dataset;
}

/**
 * bilat_coded_event_get_actor1_code: (get-property actor1-code)
 * @self: a [class@Bilat.CodedEvent]
 *
 * Gets the CAMEO code of the first actor.
 *
 * Returns: (nullable): the CAMEO code of the first actor
 *
 * Since: 1.0
 */
const char *
bilat_coded_event_get_actor1_code (BilatCodedEvent *self)
{
  g_return_val_if_fail (BILAT_IS_CODED_EVENT (self), NULL);

  return self->actor1_code;
}

/**
 * bilat_coded_event_set_actor1_code: (set-property actor1-code)
 * @self: a [class@Bilat.CodedEvent]
 * @code: (nullable): the CAMEO code of the first actor, or %NULL
 *
 * Sets the CAMEO code of the first actor.
 *
 * Since: 1.0
 */
void
bilat_coded_event_set_actor1_code (BilatCodedEvent *self,
                                   const char      *code)
{
  g_return_if_fail (BILAT_IS_CODED_EVENT (self));

  set_string (self, PROP_ACTOR1_CODE, code);
}

/**
 * bilat_coded_event_get_actor1_name: (get-property actor1-name)
 * @self: a [class@Bilat.CodedEvent]
 *
 * Gets the name of the first actor.
 *
 * Returns: (nullable): the name of the first actor
 *
 * Since: 1.0
 */
const char *
bilat_coded_event_get_actor1_name (BilatCodedEvent *self)
{
  g_return_val_if_fail (BILAT_IS_CODED_EVENT (self), NULL);

  return self->actor1_name;
}

/**
 * bilat_coded_event_set_actor1_name: (set-property actor1-name)
 * @self: a [class@Bilat.CodedEvent]
 * @name: (nullable): the name of the first actor, or %NULL
 *
 * Sets the name of the first actor.
 *
 * Since: 1.0
 */
void
bilat_coded_event_set_actor1_name (BilatCodedEvent *self,
                                   const char      *name)
{
  g_return_if_fail (BILAT_IS_CODED_EVENT (self));

  set_string (self, PROP_ACTOR1_NAME, name);
}

/**
 * bilat_coded_event_get_actor1_types: (get-property actor1-types)
 * @self: a [class@Bilat.CodedEvent]
 *
 * Gets the types of the first actor, comma-separated.
 *
 * Returns: (nullable): the types of the first actor, comma-separated
 *
 * Since: 1.0
 */
const char *
bilat_coded_event_get_actor1_types (BilatCodedEvent *self)
{
  g_return_val_if_fail (BILAT_IS_CODED_EVENT (self), NULL);

  return self->actor1_types;
}

/**
 * bilat_coded_event_set_actor1_types: (set-property actor1-types)
 * @self: a [class@Bilat.CodedEvent]
 * @types: (nullable): the types of the first actor, comma-separated, or %NULL
 *
 * Sets the types of the first actor.
 *
 * Since: 1.0
 */
void
bilat_coded_event_set_actor1_types (BilatCodedEvent *self,
                                    const char      *types)
{
  g_return_if_fail (BILAT_IS_CODED_EVENT (self));

  set_string (self, PROP_ACTOR1_TYPES, types);
}

/**
 * bilat_coded_event_get_actor2_code: (get-property actor2-code)
 * @self: a [class@Bilat.CodedEvent]
 *
 * Gets the CAMEO code of the second actor.
 *
 * Returns: (nullable): the CAMEO code of the second actor
 *
 * Since: 1.0
 */
const char *
bilat_coded_event_get_actor2_code (BilatCodedEvent *self)
{
  g_return_val_if_fail (BILAT_IS_CODED_EVENT (self), NULL);

  return self->actor2_code;
}

/**
 * bilat_coded_event_set_actor2_code: (set-property actor2-code)
 * @self: a [class@Bilat.CodedEvent]
 * @code: (nullable): the CAMEO code of the second actor, or %NULL
 *
 * Sets the CAMEO code of the second actor.
 *
 * Since: 1.0
 */
void
bilat_coded_event_set_actor2_code (BilatCodedEvent *self,
                                   const char      *code)
{
  g_return_if_fail (BILAT_IS_CODED_EVENT (self));

  set_string (self, PROP_ACTOR2_CODE, code);
}

/**
 * bilat_coded_event_get_actor2_name: (get-property actor2-name)
 * @self: a [class@Bilat.CodedEvent]
 *
 * Gets the name of the second actor.
 *
 * Returns: (nullable): the name of the second actor
 *
 * Since: 1.0
 */
const char *
bilat_coded_event_get_actor2_name (BilatCodedEvent *self)
{
  g_return_val_if_fail (BILAT_IS_CODED_EVENT (self), NULL);

  return self->actor2_name;
}

/**
 * bilat_coded_event_set_actor2_name: (set-property actor2-name)
 * @self: a [class@Bilat.CodedEvent]
 * @name: (nullable): the name of the second actor, or %NULL
 *
 * Sets the name of the second actor.
 *
 * Since: 1.0
 */
void
bilat_coded_event_set_actor2_name (BilatCodedEvent *self,
                                   const char      *name)
{
  g_return_if_fail (BILAT_IS_CODED_EVENT (self));

  set_string (self, PROP_ACTOR2_NAME, name);
}

/**
 * bilat_coded_event_get_actor2_types: (get-property actor2-types)
 * @self: a [class@Bilat.CodedEvent]
 *
 * Gets the types of the second actor, comma-separated.
 *
 * Returns: (nullable): the types of the second actor, comma-separated
 *
 * Since: 1.0
 */
const char *
bilat_coded_event_get_actor2_types (BilatCodedEvent *self)
{
  g_return_val_if_fail (BILAT_IS_CODED_EVENT (self), NULL);

  return self->actor2_types;
}

/**
 * bilat_coded_event_set_actor2_types: (set-property actor2-types)
 * @self: a [class@Bilat.CodedEvent]
 * @types: (nullable): the types of the second actor, comma-separated, or %NULL
 *
 * Sets the types of the second actor.
 *
 * Since: 1.0
 */
void
bilat_coded_event_set_actor2_types (BilatCodedEvent *self,
                                    const char      *types)
{
  g_return_if_fail (BILAT_IS_CODED_EVENT (self));

  set_string (self, PROP_ACTOR2_TYPES, types);
}

/**
 * bilat_coded_event_get_root_event: (get-property root-event)
 * @self: a [class@Bilat.CodedEvent]
 *
 * Gets whether the event is a root event.
 *
 * Returns: whether the event is a root event
 *
 * Since: 1.0
 */
gboolean
bilat_coded_event_get_root_event (BilatCodedEvent *self)
{
  g_return_val_if_fail (BILAT_IS_CODED_EVENT (self), FALSE);

  return self->root_event;
}

/**
 * bilat_coded_event_set_root_event: (set-property root-event)
 * @self: a [class@Bilat.CodedEvent]
 * @root_event: whether the event is a root event
 *
 * Sets whether the event is a root event.
 *
 * Since: 1.0
 */
void
bilat_coded_event_set_root_event (BilatCodedEvent *self,
                                  gboolean         root_event)
{
  g_return_if_fail (BILAT_IS_CODED_EVENT (self));

  root_event = !!root_event;
  if (self->root_event == root_event)
    return;
  self->root_event = root_event;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOT_EVENT]);
}

/**
 * bilat_coded_event_get_mentions: (get-property mentions)
 * @self: a [class@Bilat.CodedEvent]
 *
 * Gets the number of mentions, or 0 if not known.
 *
 * Returns: the number of mentions, or 0 if not known
 *
 * Since: 1.0
 */
guint
bilat_coded_event_get_mentions (BilatCodedEvent *self)
{
  g_return_val_if_fail (BILAT_IS_CODED_EVENT (self), 0);

  return self->mentions;
}

/**
 * bilat_coded_event_set_mentions: (set-property mentions)
 * @self: a [class@Bilat.CodedEvent]
 * @mentions: the number of mentions, or 0 if not known
 *
 * Sets the number of mentions.
 *
 * Since: 1.0
 */
void
bilat_coded_event_set_mentions (BilatCodedEvent *self,
                                guint            mentions)
{
  g_return_if_fail (BILAT_IS_CODED_EVENT (self));

  set_count (self, &self->mentions, PROP_MENTIONS, mentions);
}

/**
 * bilat_coded_event_get_sources: (get-property sources)
 * @self: a [class@Bilat.CodedEvent]
 *
 * Gets the number of information sources, or 0 if not known.
 *
 * Returns: the number of information sources, or 0 if not known
 *
 * Since: 1.0
 */
guint
bilat_coded_event_get_sources (BilatCodedEvent *self)
{
  g_return_val_if_fail (BILAT_IS_CODED_EVENT (self), 0);

  return self->sources;
}

/**
 * bilat_coded_event_set_sources: (set-property sources)
 * @self: a [class@Bilat.CodedEvent]
 * @sources: the number of information sources, or 0 if not known
 *
 * Sets the number of information sources.
 *
 * Since: 1.0
 */
void
bilat_coded_event_set_sources (BilatCodedEvent *self,
                               guint            sources)
{
  g_return_if_fail (BILAT_IS_CODED_EVENT (self));

  set_count (self, &self->sources, PROP_SOURCES, sources);
}

/**
 * bilat_coded_event_get_articles: (get-property articles)
 * @self: a [class@Bilat.CodedEvent]
 *
 * Gets the number of articles, or 0 if not known.
 *
 * Returns: the number of articles, or 0 if not known
 *
 * Since: 1.0
 */
guint
bilat_coded_event_get_articles (BilatCodedEvent *self)
{
  g_return_val_if_fail (BILAT_IS_CODED_EVENT (self), 0);

  return self->articles;
}

/**
 * bilat_coded_event_set_articles: (set-property articles)
 * @self: a [class@Bilat.CodedEvent]
 * @articles: the number of articles, or 0 if not known
 *
 * Sets the number of articles.
 *
 * Since: 1.0
 */
void
bilat_coded_event_set_articles (BilatCodedEvent *self,
                                guint            articles)
{
  g_return_if_fail (BILAT_IS_CODED_EVENT (self));

  set_count (self, &self->articles, PROP_ARTICLES, articles);
}

/**
 * bilat_coded_event_get_tone: (get-property tone)
 * @self: a [class@Bilat.CodedEvent]
 *
 * Gets the average tone, or NaN if not known.
 *
 * Returns: the average tone, or NaN if not known
 *
 * Since: 1.0
 */
double
bilat_coded_event_get_tone (BilatCodedEvent *self)
{
  g_return_val_if_fail (BILAT_IS_CODED_EVENT (self), NAN);

  return self->tone;
}

/**
 * bilat_coded_event_set_tone: (set-property tone)
 * @self: a [class@Bilat.CodedEvent]
 * @tone: the average tone, or NaN if not known
 *
 * Sets the average tone.
 *
 * Since: 1.0
 */
void
bilat_coded_event_set_tone (BilatCodedEvent *self,
                            double           tone)
{
  g_return_if_fail (BILAT_IS_CODED_EVENT (self));

  if (self->tone == tone || (isnan (self->tone) && isnan (tone)))
    return;
  self->tone = tone;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TONE]);
}

/**
 * bilat_coded_event_get_url: (get-property url)
 * @self: a [class@Bilat.CodedEvent]
 *
 * Gets the URL of the article.
 *
 * Returns: (nullable): the URL of the article
 *
 * Since: 1.0
 */
const char *
bilat_coded_event_get_url (BilatCodedEvent *self)
{
  g_return_val_if_fail (BILAT_IS_CODED_EVENT (self), NULL);

  return self->url;
}

/**
 * bilat_coded_event_set_url: (set-property url)
 * @self: a [class@Bilat.CodedEvent]
 * @url: (nullable): the URL of the article, or %NULL
 *
 * Sets the URL of the article the event was coded from.
 *
 * Since: 1.0
 */
void
bilat_coded_event_set_url (BilatCodedEvent *self,
                           const char      *url)
{
  g_return_if_fail (BILAT_IS_CODED_EVENT (self));

  set_string (self, PROP_URL, url);
}

/**
 * bilat_coded_event_get_date_added: (get-property date-added)
 * @self: a [class@Bilat.CodedEvent]
 *
 * Gets the day the dataset added the event.
 *
 * Returns: (transfer none) (nullable): the day the dataset added the event
 *
 * Since: 1.0
 */
BilatDate *
bilat_coded_event_get_date_added (BilatCodedEvent *self)
{
  g_return_val_if_fail (BILAT_IS_CODED_EVENT (self), NULL);

  return self->date_added;
}

/**
 * bilat_coded_event_set_date_added: (set-property date-added)
 * @self: a [class@Bilat.CodedEvent]
 * @date: (nullable): the day the dataset added the event, or %NULL
 *
 * Sets the day the dataset added the event.
 *
 * Since: 1.0
 */
void
bilat_coded_event_set_date_added (BilatCodedEvent *self,
                                  BilatDate       *date)
{
  g_return_if_fail (BILAT_IS_CODED_EVENT (self));

  if (_bilat_set_date (&self->date_added, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_ADDED]);
}
