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
 * can be created before the source is loaded, and so that it stays a
 * small immutable value. A `BilatCitation` is reference counted.
 *
 * Since: 1.0
 */

struct _BilatCitation
{
  gatomicrefcount  ref_count;
  guint            paragraph;
  gint64           start;
  gint64           end;
  char            *source;
  char            *quote;
};

/* GLib type-checks the copy and free functions of a boxed type through a
 * transparent union, a GNU extension that -Wpedantic reports. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
G_DEFINE_BOXED_TYPE (BilatCitation, bilat_citation, bilat_citation_ref, bilat_citation_unref)
#pragma GCC diagnostic pop

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

  self = g_new0 (BilatCitation, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->source = g_strdup (source);
  self->paragraph = paragraph;
  self->start = start;
  self->end = end;
  self->quote = g_strdup (quote);

  return self;
}

/**
 * bilat_citation_ref:
 * @self: a [struct@Bilat.Citation]
 *
 * Acquires a reference on @self.
 *
 * Returns: (transfer full): @self
 *
 * Since: 1.0
 */
BilatCitation *
bilat_citation_ref (BilatCitation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

/**
 * bilat_citation_unref:
 * @self: (transfer full): a [struct@Bilat.Citation]
 *
 * Releases a reference on @self, freeing it when the last one is gone.
 *
 * Since: 1.0
 */
void
bilat_citation_unref (BilatCitation *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->source);
  g_free (self->quote);
  g_free (self);
}

/**
 * bilat_citation_get_source:
 * @self: a [struct@Bilat.Citation]
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
  g_return_val_if_fail (self != NULL, NULL);

  return self->source;
}

/**
 * bilat_citation_get_paragraph:
 * @self: a [struct@Bilat.Citation]
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
  g_return_val_if_fail (self != NULL, 0);

  return self->paragraph;
}

/**
 * bilat_citation_has_range:
 * @self: a [struct@Bilat.Citation]
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
  g_return_val_if_fail (self != NULL, FALSE);

  return self->start >= 0;
}

/**
 * bilat_citation_get_start:
 * @self: a [struct@Bilat.Citation]
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
  g_return_val_if_fail (self != NULL, -1);

  return self->start;
}

/**
 * bilat_citation_get_end:
 * @self: a [struct@Bilat.Citation]
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
  g_return_val_if_fail (self != NULL, -1);

  return self->end;
}

/**
 * bilat_citation_get_quote:
 * @self: a [struct@Bilat.Citation]
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
  g_return_val_if_fail (self != NULL, NULL);

  return self->quote;
}

/**
 * bilat_citation_to_string:
 * @self: a [struct@Bilat.Citation]
 *
 * Formats the locator of the citation for people: the source id, then
 * the paragraph after a pilcrow, then the half-open character range, each
 * only when given, as in `pakistan-russia-oped ¶6 [1451, 1946)`,
 * `pakistan-russia-oped ¶6` or `pakistan-russia-oped [1451, 1946)`. The
 * quote is not included.
 *
 * Returns: (transfer full): the locator text
 *
 * Since: 1.0
 */
char *
bilat_citation_to_string (const BilatCitation *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_string_new (self->source);
  if (self->paragraph != 0)
    g_string_append_printf (text, " ¶%u", self->paragraph);
  if (self->start >= 0)
    g_string_append_printf (text, " [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                            self->start, self->end);

  return g_string_free (text, FALSE);
}

/**
 * bilat_citation_equal:
 * @a: (nullable): a [struct@Bilat.Citation], or %NULL
 * @b: (nullable): a [struct@Bilat.Citation], or %NULL
 *
 * Returns whether two citations have the same source, paragraph, range and
 * quote. Two %NULL citations are equal.
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
         g_strcmp0 (a->quote, b->quote) == 0;
}
