/* bilat-record.c: the base of every record a store holds
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

#include <string.h>

#include "bilat-array-model-private.h"
#include "bilat-record-private.h"

/**
 * BilatRecord:
 *
 * The abstract base of every record of a dataset: [class@Bilat.Source],
 * [class@Bilat.Actor], [class@Bilat.Issue], [class@Bilat.Event] (and its
 * subclass [class@Bilat.Exercise]) and [class@Bilat.Position].
 *
 * A record has an identifier, [property@Bilat.Record:id], by which other
 * records refer to it: an event names its participants by actor id, a
 * citation names its source by source id. A record may be added to a
 * [class@Bilat.Store], which keys it by that id; this is why the id is set
 * once, at construction, and never changes. See [func@Bilat.Record.is_valid_id]
 * for the form of an id.
 *
 * A record also carries the [class@Bilat.Citation]s of the sources that
 * state it, in the order they were added: every fact of a dataset should be
 * traceable to a paragraph of a document.
 *
 * Records are plain mutable objects and are not thread-safe: use each one
 * from one thread at a time.
 *
 * Since: 1.0
 */

/* Ids are shown to people and typed by them; the limit also keeps a hostile
 * file from using megabytes as keys. */
#define MAX_ID_LENGTH 200

typedef struct
{
  char      *id;
  GPtrArray *citations;
  BilatArrayModel *citations_model;  /* made when first asked for */
} BilatRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BilatRecord, bilat_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CITATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
_bilat_set_str (char       **field,
                const char  *value)
{
  char *copy;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  /* Copy before freeing: @value may be the very string being replaced. */
  copy = g_strdup (value);
  g_free (*field);
  *field = copy;

  return TRUE;
}

gboolean
_bilat_set_date (BilatDate **field,
                 BilatDate  *value)
{
  if (*field == value)
    return FALSE;
  if (*field != NULL && value != NULL && bilat_date_equal (*field, value))
    return FALSE;

  if (value != NULL)
    bilat_date_ref (value);
  g_clear_pointer (field, bilat_date_unref);
  *field = value;

  return TRUE;
}

gboolean
_bilat_enum_is_valid (GType enum_type,
                      int   value)
{
  GEnumClass *klass = g_type_class_ref (enum_type);
  gboolean valid = g_enum_get_value (klass, value) != NULL;

  g_type_class_unref (klass);

  return valid;
}

gboolean
_bilat_flags_are_valid (GType flags_type,
                        guint value)
{
  GFlagsClass *klass = g_type_class_ref (flags_type);
  gboolean valid = (value & ~klass->mask) == 0;

  g_type_class_unref (klass);

  return valid;
}

gboolean
_bilat_is_valid_optional_id (const char *id)
{
  return id == NULL || bilat_record_is_valid_id (id);
}

char *
_bilat_alias_key (const char *alias)
{
  g_autofree char *normalized = NULL;

  /* Normalise first: the same accented letter may arrive precomposed from
   * one source and decomposed from another. */
  normalized = g_utf8_normalize (alias, -1, G_NORMALIZE_DEFAULT);
  if (normalized == NULL)
    return NULL;

  return g_utf8_casefold (normalized, -1);
}

static void
bilat_record_finalize (GObject *object)
{
  BilatRecord *self = BILAT_RECORD (object);
  BilatRecordPrivate *priv = bilat_record_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->citations, g_ptr_array_unref);
  g_clear_object (&priv->citations_model);

  G_OBJECT_CLASS (bilat_record_parent_class)->finalize (object);
}

static void
bilat_record_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BilatRecord *self = BILAT_RECORD (object);
  BilatRecordPrivate *priv = bilat_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    case PROP_CITATIONS:
      g_value_set_object (value, bilat_record_get_citations_model (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_record_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BilatRecord *self = BILAT_RECORD (object);
  BilatRecordPrivate *priv = bilat_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      {
        const char *id = g_value_get_string (value);

        /* Construct-only, so this runs exactly once, even when the caller
         * passed no id at all (then @id is the NULL default). */
        g_return_if_fail (bilat_record_is_valid_id (id));
        priv->id = g_strdup (id);
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_record_class_init (BilatRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_record_finalize;
  object_class->get_property = bilat_record_get_property;
  object_class->set_property = bilat_record_set_property;

  /**
   * BilatRecord:id: (getter get_id)
   *
   * The identifier of the record, unique among the records of its kind in
   * a [class@Bilat.Store]; see [func@Bilat.Record.is_valid_id] for its form.
   *
   * It must be given at construction and never changes.
   *
   * Since: 1.0
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BilatRecord:citations: (getter get_citations_model)
   *
   * The citations of the sources that state the record, in the order they
   * were added: a live [iface@Gio.ListModel] of [class@Bilat.Citation], the
   * same object for the life of the record. Change them with
   * [method@Bilat.Record.add_citation] and
   * [method@Bilat.Record.clear_citations]; the model emits
   * [signal@Gio.ListModel::items-changed] and the property is notified.
   *
   * Since: 1.0
   */
  properties[PROP_CITATIONS] =
    g_param_spec_object ("citations", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bilat_record_init (BilatRecord *self)
{
  BilatRecordPrivate *priv = bilat_record_get_instance_private (self);

  priv->citations = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * bilat_record_is_valid_id:
 * @id: (nullable): a candidate record id
 *
 * Checks whether @id can identify a record.
 *
 * A valid id has 1 to 200 characters, all of them ASCII letters, digits,
 * `.`, `_`, `:` or `-`, and starts with a letter or a digit — that is, it
 * matches `[A-Za-z0-9][A-Za-z0-9._:-]*`. Examples: `PAK`, `sco`,
 * `friendship-2018`, `gdelt:812345678`. Case matters: `PAK` and `pak` are
 * different ids.
 *
 * The rule keeps ids free of spaces, quotes and separators, so that they can
 * be written on command lines, in URLs and in tabular output without
 * quoting. Loaders check ids from files with this function before they
 * create records, since creating a record with an invalid id is a
 * programmer error.
 *
 * Returns: %TRUE if @id is a valid record id; %FALSE otherwise, and for %NULL
 *
 * Since: 1.0
 */
gboolean
bilat_record_is_valid_id (const char *id)
{
  gsize length;

  if (id == NULL || !g_ascii_isalnum (id[0]))
    return FALSE;

  for (length = 1; id[length] != '\0'; length++)
    {
      char c = id[length];

      if (length >= MAX_ID_LENGTH)
        return FALSE;
      if (!g_ascii_isalnum (c) && strchr ("._:-", c) == NULL)
        return FALSE;
    }

  return TRUE;
}

/**
 * bilat_record_get_id: (get-property id)
 * @self: a [class@Bilat.Record]
 *
 * Gets the identifier of the record.
 *
 * Returns: (transfer none): the id of @self
 *
 * Since: 1.0
 */
const char *
bilat_record_get_id (BilatRecord *self)
{
  BilatRecordPrivate *priv;

  g_return_val_if_fail (BILAT_IS_RECORD (self), NULL);

  priv = bilat_record_get_instance_private (self);

  return priv->id;
}

/**
 * bilat_record_get_citations:
 * @self: a [class@Bilat.Record]
 *
 * Gets the citations of the sources that state the record, in the order
 * they were added.
 *
 * The array belongs to @self and changes when citations are added or
 * cleared; do not modify it.
 *
 * Returns: (transfer none) (element-type Bilat.Citation): the citations of
 *   @self, an empty array when there are none
 *
 * Since: 1.0
 */
GPtrArray *
bilat_record_get_citations (BilatRecord *self)
{
  BilatRecordPrivate *priv;

  g_return_val_if_fail (BILAT_IS_RECORD (self), NULL);

  priv = bilat_record_get_instance_private (self);

  return priv->citations;
}

/**
 * bilat_record_get_citations_model: (get-property citations)
 * @self: a [class@Bilat.Record]
 *
 * Gets the citations of the record as a live list model, for languages
 * that read lists through [iface@Gio.ListModel]: it has the items of
 * [method@Bilat.Record.get_citations], and changes with them.
 *
 * Returns: (transfer none): a [iface@Gio.ListModel] of
 *   [class@Bilat.Citation], owned by @self
 *
 * Since: 1.0
 */
GListModel *
bilat_record_get_citations_model (BilatRecord *self)
{
  BilatRecordPrivate *priv;

  g_return_val_if_fail (BILAT_IS_RECORD (self), NULL);

  priv = bilat_record_get_instance_private (self);
  if (priv->citations_model == NULL)
    priv->citations_model = _bilat_array_model_new (BILAT_TYPE_CITATION, priv->citations);
  return G_LIST_MODEL (priv->citations_model);
}

/**
 * bilat_record_add_citation:
 * @self: a [class@Bilat.Record]
 * @citation: a [class@Bilat.Citation]
 *
 * Adds @citation after the citations @self already has. The record keeps a
 * reference to it.
 *
 * Since: 1.0
 */
void
bilat_record_add_citation (BilatRecord   *self,
                           BilatCitation *citation)
{
  BilatRecordPrivate *priv;

  g_return_if_fail (BILAT_IS_RECORD (self));
  g_return_if_fail (BILAT_IS_CITATION (citation));

  priv = bilat_record_get_instance_private (self);
  g_ptr_array_add (priv->citations, g_object_ref (citation));
  _bilat_array_model_items_changed (priv->citations_model, priv->citations->len - 1, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITATIONS]);
}

/**
 * bilat_record_clear_citations:
 * @self: a [class@Bilat.Record]
 *
 * Removes every citation of @self. Nothing is notified when there was none.
 *
 * Since: 1.0
 */
void
bilat_record_clear_citations (BilatRecord *self)
{
  BilatRecordPrivate *priv;
  guint n;

  g_return_if_fail (BILAT_IS_RECORD (self));

  priv = bilat_record_get_instance_private (self);
  if (priv->citations->len == 0)
    return;

  n = priv->citations->len;
  g_ptr_array_set_size (priv->citations, 0);
  _bilat_array_model_items_changed (priv->citations_model, 0, n, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITATIONS]);
}
