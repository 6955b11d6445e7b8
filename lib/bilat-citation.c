/* bilat-citation.c: where in a source a fact is stated
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

/**
 * BilatCitation:
 *
 * Where in a source a fact is stated: the id of a [class@Bilat.Source],
 * optionally a paragraph, optionally a range of characters, and optionally
 * a short quote of the passage.
 *
 * Paragraphs count from 1; 0 means the paragraph is not given. The
 * character range counts Unicode code points (not bytes) from the start of
 * the source's text, as a half-open range: the start is the first
 * character of the passage and the end the first one after it. A citation
 * either has both ends or neither.
 *
 * A citation names its source by id rather than holding it, so that it
 * can be created before the source is loaded. A `BilatCitation` is an
 * immutable object: its properties are read-only, set by
 * [ctor@Bilat.Citation.new]. It is an object rather than a boxed value so
 * that a record's citations are a [iface@Gio.ListModel] every language
 * reads ([method@Bilat.Record.get_citations_model]).
 *
 * Since: 1.0
 */

struct _BilatCitation
{
  GObject  parent_instance;

  guint    paragraph;
  gint64   start;
  gint64   end;
  char    *source;
  char    *quote;
  char    *row;
};

G_DEFINE_FINAL_TYPE (BilatCitation, bilat_citation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_PARAGRAPH,
  PROP_START,
  PROP_END,
  PROP_QUOTE,
  PROP_ROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bilat_citation_finalize (GObject *object)
{
  BilatCitation *self = BILAT_CITATION (object);

  g_free (self->source);
  g_free (self->quote);
  g_free (self->row);

  G_OBJECT_CLASS (bilat_citation_parent_class)->finalize (object);
}

static void
bilat_citation_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BilatCitation *self = BILAT_CITATION (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_PARAGRAPH:
      g_value_set_uint (value, self->paragraph);
      break;
    case PROP_START:
      g_value_set_int64 (value, self->start);
      break;
    case PROP_END:
      g_value_set_int64 (value, self->end);
      break;
    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;
    case PROP_ROW:
      g_value_set_string (value, self->row);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_citation_class_init (BilatCitationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_citation_finalize;
  object_class->get_property = bilat_citation_get_property;

  /**
   * BilatCitation:source: (getter get_source)
   *
   * The id of the cited [class@Bilat.Source].
   *
   * Since: 1.0
   */
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatCitation:paragraph: (getter get_paragraph)
   *
   * The cited paragraph, counted from 1, or 0 if not given.
   *
   * Since: 1.0
   */
  properties[PROP_PARAGRAPH] =
    g_param_spec_uint ("paragraph", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatCitation:start: (getter get_start)
   *
   * The first character of the passage, in code points from 0, or -1
   * when the citation has no character range.
   *
   * Since: 1.0
   */
  properties[PROP_START] =
    g_param_spec_int64 ("start", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatCitation:end: (getter get_end)
   *
   * The character after the passage, or -1 when the citation has no
   * character range.
   *
   * Since: 1.0
   */
  properties[PROP_END] =
    g_param_spec_int64 ("end", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatCitation:quote: (getter get_quote)
   *
   * A short quote of the passage, or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_QUOTE] =
    g_param_spec_string ("quote", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatCitation:row: (getter get_row)
   *
   * The row of a data source (a table, a data file) the fact is read
   * from, as the key that finds it there — `rcid=4521 country=PAK` for a
   * vote of the UN General Assembly — or %NULL for a citation of a
   * document.
   *
   * Since: 1.0
   */
  properties[PROP_ROW] =
    g_param_spec_string ("row", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bilat_citation_init (BilatCitation *self)
{
  self->start = -1;
  self->end = -1;
}

/**
 * bilat_citation_new:
 * @source: the id of the cited [class@Bilat.Source]
 * @paragraph: the paragraph, counted from 1, or 0 if not given
 * @start: the first character of the passage, counted in code points from
 *   0, or -1 if no range is given
 * @end: the character after the passage, at least @start, or -1 if no
 *   range is given
 * @quote: (nullable): a short quote of the passage, or %NULL
 *
 * Creates a citation. @start and @end are either both -1, for a citation
 * without a character range, or both given, with 0 ≤ @start ≤ @end.
 *
 * Returns: (transfer full): a new citation
 *
 * Since: 1.0
 */
BilatCitation *
bilat_citation_new (const char *source,
                    guint       paragraph,
                    gint64      start,
                    gint64      end,
                    const char *quote)
{
  BilatCitation *self;

  g_return_val_if_fail (source != NULL && *source != '\0', NULL);
  g_return_val_if_fail ((start == -1 && end == -1) || (start >= 0 && start <= end), NULL);

  /* The properties are read-only: the values are checked here, once. */
  self = g_object_new (BILAT_TYPE_CITATION, NULL);
  self->source = g_strdup (source);
  self->paragraph = paragraph;
  self->start = start;
  self->end = end;
  self->quote = g_strdup (quote);

  return self;
}

/**
 * bilat_citation_new_for_row:
 * @source: the id of the cited [class@Bilat.Source], a data set or file
 * @row: the key of the row in @source: non-empty UTF-8 such as
 *   `rcid=4521 country=PAK`
 *
 * Creates a citation of one row of a data source, with no paragraph,
 * range or quote.
 *
 * Returns: (transfer full): a new citation
 *
 * Since: 1.0
 */
BilatCitation *
bilat_citation_new_for_row (const char *source,
                            const char *row)
{
  BilatCitation *self;

  g_return_val_if_fail (source != NULL && *source != '\0', NULL);
  g_return_val_if_fail (row != NULL && *row != '\0' && g_utf8_validate (row, -1, NULL), NULL);

  self = bilat_citation_new (source, 0, -1, -1, NULL);
  self->row = g_strdup (row);
  return self;
}

/**
 * bilat_citation_get_source: (get-property source)
 * @self: a [class@Bilat.Citation]
 *
 * Returns the id of the cited source.
 *
 * Returns: (transfer none): the source id
 *
 * Since: 1.0
 */
const char *
bilat_citation_get_source (const BilatCitation *self)
{
  g_return_val_if_fail (BILAT_IS_CITATION ((BilatCitation *) self), NULL);

  return self->source;
}

/**
 * bilat_citation_get_paragraph: (get-property paragraph)
 * @self: a [class@Bilat.Citation]
 *
 * Returns the cited paragraph.
 *
 * Returns: the paragraph, counted from 1, or 0 if not given
 *
 * Since: 1.0
 */
guint
bilat_citation_get_paragraph (const BilatCitation *self)
{
  g_return_val_if_fail (BILAT_IS_CITATION ((BilatCitation *) self), 0);

  return self->paragraph;
}

/**
 * bilat_citation_has_range:
 * @self: a [class@Bilat.Citation]
 *
 * Returns whether the citation gives a character range.
 *
 * Returns: %TRUE if @self has a character range
 *
 * Since: 1.0
 */
gboolean
bilat_citation_has_range (const BilatCitation *self)
{
  g_return_val_if_fail (BILAT_IS_CITATION ((BilatCitation *) self), FALSE);

  return self->start >= 0;
}

/**
 * bilat_citation_get_start: (get-property start)
 * @self: a [class@Bilat.Citation]
 *
 * Returns the start of the character range: the offset, in code points, of
 * the first character of the passage.
 *
 * Returns: the start, or -1 if @self has no range
 *
 * Since: 1.0
 */
gint64
bilat_citation_get_start (const BilatCitation *self)
{
  g_return_val_if_fail (BILAT_IS_CITATION ((BilatCitation *) self), -1);

  return self->start;
}

/**
 * bilat_citation_get_end: (get-property end)
 * @self: a [class@Bilat.Citation]
 *
 * Returns the end of the character range: the offset, in code points, of
 * the first character after the passage.
 *
 * Returns: the end, or -1 if @self has no range
 *
 * Since: 1.0
 */
gint64
bilat_citation_get_end (const BilatCitation *self)
{
  g_return_val_if_fail (BILAT_IS_CITATION ((BilatCitation *) self), -1);

  return self->end;
}

/**
 * bilat_citation_get_quote: (get-property quote)
 * @self: a [class@Bilat.Citation]
 *
 * Returns the quote of the cited passage.
 *
 * Returns: (nullable) (transfer none): the quote, or %NULL if none was given
 *
 * Since: 1.0
 */
const char *
bilat_citation_get_quote (const BilatCitation *self)
{
  g_return_val_if_fail (BILAT_IS_CITATION ((BilatCitation *) self), NULL);

  return self->quote;
}

/**
 * bilat_citation_get_row: (get-property row)
 * @self: a [class@Bilat.Citation]
 *
 * Returns the key of the cited row of a data source.
 *
 * Returns: (nullable) (transfer none): the row's key, or %NULL for a
 *   citation of a document
 *
 * Since: 1.0
 */
const char *
bilat_citation_get_row (const BilatCitation *self)
{
  g_return_val_if_fail (BILAT_IS_CITATION ((BilatCitation *) self), NULL);

  return self->row;
}

/**
 * bilat_citation_to_string:
 * @self: a [class@Bilat.Citation]
 *
 * Formats the locator of the citation for people: the source id, then
 * the paragraph after a pilcrow, then the half-open character range, each
 * only when given, as in `pakistan-russia-oped ¶6 [1451, 1946)`,
 * `pakistan-russia-oped ¶6` or `pakistan-russia-oped [1451, 1946)`; for
 * a row, the source and the row's key after a colon
 * (`unga-votes: rcid=4521 country=PAK`). The quote is not included.
 *
 * Returns: (transfer full): the locator text
 *
 * Since: 1.0
 */
char *
bilat_citation_to_string (const BilatCitation *self)
{
  GString *text;

  g_return_val_if_fail (BILAT_IS_CITATION ((BilatCitation *) self), NULL);

  text = g_string_new (self->source);
  if (self->row != NULL)
    g_string_append_printf (text, ": %s", self->row);
  if (self->paragraph != 0)
    g_string_append_printf (text, " ¶%u", self->paragraph);
  if (self->start >= 0)
    g_string_append_printf (text, " [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                            self->start, self->end);

  return g_string_free (text, FALSE);
}

/**
 * bilat_citation_equal:
 * @a: (nullable): a [class@Bilat.Citation], or %NULL
 * @b: (nullable): a [class@Bilat.Citation], or %NULL
 *
 * Returns whether two citations have the same source, row, paragraph,
 * range and quote. Two %NULL citations are equal.
 *
 * Returns: %TRUE if @a and @b are equal
 *
 * Since: 1.0
 */
gboolean
bilat_citation_equal (const BilatCitation *a,
                      const BilatCitation *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return a->paragraph == b->paragraph &&
         a->start == b->start &&
         a->end == b->end &&
         g_strcmp0 (a->source, b->source) == 0 &&
         g_strcmp0 (a->quote, b->quote) == 0 &&
         g_strcmp0 (a->row, b->row) == 0;
}
