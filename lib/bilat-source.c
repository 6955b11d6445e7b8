/* bilat-source.c: a document that facts are taken from
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

#include "bilat-record-private.h"

/**
 * BilatSource:
 *
 * A document that the facts of a dataset are taken from: an op-ed, a news
 * report, a treaty text, a press release, an event-data file.
 *
 * [class@Bilat.Citation]s point into a source by its id, down to the
 * paragraph and character range, so a reader can check every event and
 * position against the text it comes from. All bibliographic fields are
 * optional, since an imported record may know no more than a URL.
 *
 * Like every [class@Bilat.Record], a source is not thread-safe (use it from
 * one thread at a time) and may be added to a [class@Bilat.Store], which
 * keys it by its id.
 *
 * Since: 1.0
 */
struct _BilatSource
{
  BilatRecord parent_instance;

  char      *title;
  char      *author;
  char      *publisher;
  BilatDate *published;
  char      *url;
};

G_DEFINE_FINAL_TYPE (BilatSource, bilat_source, BILAT_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_AUTHOR,
  PROP_PUBLISHER,
  PROP_PUBLISHED,
  PROP_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bilat_source_finalize (GObject *object)
{
  BilatSource *self = BILAT_SOURCE (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->published, bilat_date_unref);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (bilat_source_parent_class)->finalize (object);
}

static void
bilat_source_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BilatSource *self = BILAT_SOURCE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_PUBLISHER:
      g_value_set_string (value, self->publisher);
      break;

    case PROP_PUBLISHED:
      g_value_set_boxed (value, self->published);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_source_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BilatSource *self = BILAT_SOURCE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      bilat_source_set_title (self, g_value_get_string (value));
      break;

    case PROP_AUTHOR:
      bilat_source_set_author (self, g_value_get_string (value));
      break;

    case PROP_PUBLISHER:
      bilat_source_set_publisher (self, g_value_get_string (value));
      break;

    case PROP_PUBLISHED:
      bilat_source_set_published (self, g_value_get_boxed (value));
      break;

    case PROP_URL:
      bilat_source_set_url (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_source_class_init (BilatSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_source_finalize;
  object_class->get_property = bilat_source_get_property;
  object_class->set_property = bilat_source_set_property;

  /**
   * BilatSource:title: (getter get_title) (setter set_title)
   *
   * The title of the document, or %NULL if not known.
   *
   * Since: 1.0
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE);

  /**
   * BilatSource:author: (getter get_author) (setter set_author)
   *
   * Who wrote the document, as it names its author(s), or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE);

  /**
   * BilatSource:publisher: (getter get_publisher) (setter set_publisher)
   *
   * The newspaper, agency or institution that published the document, or
   * %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_PUBLISHER] =
    g_param_spec_string ("publisher", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE);

  /**
   * BilatSource:published: (getter get_published) (setter set_published)
   *
   * When the document was published, at whatever precision is known, or
   * %NULL if that is not known.
   *
   * Since: 1.0
   */
  properties[PROP_PUBLISHED] =
    g_param_spec_boxed ("published", NULL, NULL,
                        BILAT_TYPE_DATE,
                        _BILAT_PARAM_READWRITE);

  /**
   * BilatSource:url: (getter get_url) (setter set_url)
   *
   * Where the document can be read, or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bilat_source_init (BilatSource *self)
{
}

/**
 * bilat_source_new:
 * @id: the id of the source (see [func@Bilat.Record.is_valid_id])
 *
 * Creates a source with no bibliographic data yet.
 *
 * Returns: (transfer full): a new [class@Bilat.Source]
 *
 * Since: 1.0
 */
BilatSource *
bilat_source_new (const char *id)
{
  g_return_val_if_fail (bilat_record_is_valid_id (id), NULL);

  return g_object_new (BILAT_TYPE_SOURCE, "id", id, NULL);
}

/**
 * bilat_source_get_title: (get-property title)
 * @self: a [class@Bilat.Source]
 *
 * Gets the title of the document.
 *
 * Returns: (transfer none) (nullable): the title, or %NULL if not known
 *
 * Since: 1.0
 */
const char *
bilat_source_get_title (BilatSource *self)
{
  g_return_val_if_fail (BILAT_IS_SOURCE (self), NULL);

  return self->title;
}

/**
 * bilat_source_set_title: (set-property title)
 * @self: a [class@Bilat.Source]
 * @title: (nullable): the title, or %NULL if not known
 *
 * Sets the title of the document.
 *
 * Since: 1.0
 */
void
bilat_source_set_title (BilatSource *self,
                        const char  *title)
{
  g_return_if_fail (BILAT_IS_SOURCE (self));

  if (_bilat_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * bilat_source_get_author: (get-property author)
 * @self: a [class@Bilat.Source]
 *
 * Gets the author of the document.
 *
 * Returns: (transfer none) (nullable): the author, or %NULL if not known
 *
 * Since: 1.0
 */
const char *
bilat_source_get_author (BilatSource *self)
{
  g_return_val_if_fail (BILAT_IS_SOURCE (self), NULL);

  return self->author;
}

/**
 * bilat_source_set_author: (set-property author)
 * @self: a [class@Bilat.Source]
 * @author: (nullable): the author, or %NULL if not known
 *
 * Sets the author of the document.
 *
 * Since: 1.0
 */
void
bilat_source_set_author (BilatSource *self,
                         const char  *author)
{
  g_return_if_fail (BILAT_IS_SOURCE (self));

  if (_bilat_set_str (&self->author, author))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

/**
 * bilat_source_get_publisher: (get-property publisher)
 * @self: a [class@Bilat.Source]
 *
 * Gets the publisher of the document.
 *
 * Returns: (transfer none) (nullable): the publisher, or %NULL if not known
 *
 * Since: 1.0
 */
const char *
bilat_source_get_publisher (BilatSource *self)
{
  g_return_val_if_fail (BILAT_IS_SOURCE (self), NULL);

  return self->publisher;
}

/**
 * bilat_source_set_publisher: (set-property publisher)
 * @self: a [class@Bilat.Source]
 * @publisher: (nullable): the publisher, or %NULL if not known
 *
 * Sets the publisher of the document.
 *
 * Since: 1.0
 */
void
bilat_source_set_publisher (BilatSource *self,
                            const char  *publisher)
{
  g_return_if_fail (BILAT_IS_SOURCE (self));

  if (_bilat_set_str (&self->publisher, publisher))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHER]);
}

/**
 * bilat_source_get_published: (get-property published)
 * @self: a [class@Bilat.Source]
 *
 * Gets the publication date of the document.
 *
 * Returns: (transfer none) (nullable): the date, or %NULL if not known
 *
 * Since: 1.0
 */
BilatDate *
bilat_source_get_published (BilatSource *self)
{
  g_return_val_if_fail (BILAT_IS_SOURCE (self), NULL);

  return self->published;
}

/**
 * bilat_source_set_published: (set-property published)
 * @self: a [class@Bilat.Source]
 * @published: (nullable): the date, or %NULL if not known
 *
 * Sets the publication date of the document. The source keeps a reference
 * to @published, which is immutable.
 *
 * Since: 1.0
 */
void
bilat_source_set_published (BilatSource *self,
                            BilatDate   *published)
{
  g_return_if_fail (BILAT_IS_SOURCE (self));

  if (_bilat_set_date (&self->published, published))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED]);
}

/**
 * bilat_source_get_url: (get-property url)
 * @self: a [class@Bilat.Source]
 *
 * Gets the address of the document.
 *
 * Returns: (transfer none) (nullable): the URL, or %NULL if not known
 *
 * Since: 1.0
 */
const char *
bilat_source_get_url (BilatSource *self)
{
  g_return_val_if_fail (BILAT_IS_SOURCE (self), NULL);

  return self->url;
}

/**
 * bilat_source_set_url: (set-property url)
 * @self: a [class@Bilat.Source]
 * @url: (nullable): the URL, or %NULL if not known
 *
 * Sets the address of the document. It is kept as given: the library never
 * fetches it.
 *
 * Since: 1.0
 */
void
bilat_source_set_url (BilatSource *self,
                      const char  *url)
{
  g_return_if_fail (BILAT_IS_SOURCE (self));

  if (_bilat_set_str (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}
