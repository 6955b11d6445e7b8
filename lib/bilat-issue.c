/* bilat-issue.c: a subject on which actors take positions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

#include "bilat-record-private.h"

/**
 * BilatIssue:
 *
 * A subject on which actors take positions: counter-terrorism, energy,
 * Afghanistan, membership of the Shanghai Cooperation Organisation, the
 * China–Pakistan Economic Corridor …
 *
 * An issue is little more than a named id: its substance is in the
 * [class@Bilat.Position]s that refer to it, and comparing two actors'
 * positions issue by issue shows where they converge and where they
 * diverge. Its id is a short lowercase slug such as `sco-membership`.
 *
 * Like every [class@Bilat.Record], an issue is not thread-safe (use it from
 * one thread at a time) and may be added to a [class@Bilat.Store], which
 * keys it by its id.
 *
 * Since: 1.0
 */
struct _BilatIssue
{
  BilatRecord parent_instance;

  char *title;
  char *description;
};

G_DEFINE_FINAL_TYPE (BilatIssue, bilat_issue, BILAT_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bilat_issue_finalize (GObject *object)
{
  BilatIssue *self = BILAT_ISSUE (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (bilat_issue_parent_class)->finalize (object);
}

static void
bilat_issue_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BilatIssue *self = BILAT_ISSUE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_issue_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BilatIssue *self = BILAT_ISSUE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      bilat_issue_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      bilat_issue_set_description (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_issue_class_init (BilatIssueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_issue_finalize;
  object_class->get_property = bilat_issue_get_property;
  object_class->set_property = bilat_issue_set_property;

  /**
   * BilatIssue:title: (getter get_title) (setter set_title)
   *
   * A short human-readable name of the issue ("Energy cooperation"), or
   * %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE);

  /**
   * BilatIssue:description: (getter get_description) (setter set_description)
   *
   * What the issue covers, in a sentence or a paragraph, or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bilat_issue_init (BilatIssue *self)
{
}

/**
 * bilat_issue_new:
 * @id: the id of the issue (see [func@Bilat.Record.is_valid_id]), a slug
 *   such as `counter-terrorism`
 *
 * Creates an issue with no title or description yet.
 *
 * Returns: (transfer full): a new [class@Bilat.Issue]
 *
 * Since: 1.0
 */
BilatIssue *
bilat_issue_new (const char *id)
{
  g_return_val_if_fail (bilat_record_is_valid_id (id), NULL);

  return g_object_new (BILAT_TYPE_ISSUE, "id", id, NULL);
}

/**
 * bilat_issue_get_title: (get-property title)
 * @self: a [class@Bilat.Issue]
 *
 * Gets the human-readable name of the issue.
 *
 * Returns: (transfer none) (nullable): the title, or %NULL if none was set
 *
 * Since: 1.0
 */
const char *
bilat_issue_get_title (BilatIssue *self)
{
  g_return_val_if_fail (BILAT_IS_ISSUE (self), NULL);

  return self->title;
}

/**
 * bilat_issue_set_title: (set-property title)
 * @self: a [class@Bilat.Issue]
 * @title: (nullable): the title, or %NULL
 *
 * Sets the human-readable name of the issue.
 *
 * Since: 1.0
 */
void
bilat_issue_set_title (BilatIssue *self,
                       const char *title)
{
  g_return_if_fail (BILAT_IS_ISSUE (self));

  if (_bilat_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * bilat_issue_get_description: (get-property description)
 * @self: a [class@Bilat.Issue]
 *
 * Gets the description of what the issue covers.
 *
 * Returns: (transfer none) (nullable): the description, or %NULL if none
 *   was set
 *
 * Since: 1.0
 */
const char *
bilat_issue_get_description (BilatIssue *self)
{
  g_return_val_if_fail (BILAT_IS_ISSUE (self), NULL);

  return self->description;
}

/**
 * bilat_issue_set_description: (set-property description)
 * @self: a [class@Bilat.Issue]
 * @description: (nullable): the description, or %NULL
 *
 * Sets the description of what the issue covers.
 *
 * Since: 1.0
 */
void
bilat_issue_set_description (BilatIssue *self,
                             const char *description)
{
  g_return_if_fail (BILAT_IS_ISSUE (self));

  if (_bilat_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}
