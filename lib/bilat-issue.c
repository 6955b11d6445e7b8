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
 * An issue may be a vote on one text — a roll call of the UN General
 * Assembly, id `unga:RCID`, which [method@Bilat.Store.import_votes] makes
 * — and then has a date, the session of the assembly, the symbol of the
 * resolution and whether it was an "important vote". An issue may belong
 * to broader issues, its parents (a roll call's topics, such as
 * `unga-topic:me`): a query for positions on a parent finds the positions
 * on the issues under it.
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

  char      *title;
  char      *description;
  BilatDate *date;
  guint      session;
  char      *resolution;
  gboolean   important;
  GStrv      parents;         /* never NULL */
};

G_DEFINE_FINAL_TYPE (BilatIssue, bilat_issue, BILAT_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_DATE,
  PROP_SESSION,
  PROP_RESOLUTION,
  PROP_IMPORTANT,
  PROP_PARENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bilat_issue_finalize (GObject *object)
{
  BilatIssue *self = BILAT_ISSUE (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->date, bilat_date_unref);
  g_clear_pointer (&self->resolution, g_free);
  g_clear_pointer (&self->parents, g_strfreev);

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

    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;

    case PROP_SESSION:
      g_value_set_uint (value, self->session);
      break;

    case PROP_RESOLUTION:
      g_value_set_string (value, self->resolution);
      break;

    case PROP_IMPORTANT:
      g_value_set_boolean (value, self->important);
      break;

    case PROP_PARENTS:
      g_value_set_boxed (value, self->parents);
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

    case PROP_DATE:
      bilat_issue_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_SESSION:
      bilat_issue_set_session (self, g_value_get_uint (value));
      break;

    case PROP_RESOLUTION:
      bilat_issue_set_resolution (self, g_value_get_string (value));
      break;

    case PROP_IMPORTANT:
      bilat_issue_set_important (self, g_value_get_boolean (value));
      break;

    case PROP_PARENTS:
      bilat_issue_set_parents (self, g_value_get_boxed (value));
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

  /**
   * BilatIssue:date: (getter get_date) (setter set_date)
   *
   * When the issue was decided — the day of a roll call — or %NULL for
   * an issue with no date of its own.
   *
   * Since: 1.0
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        BILAT_TYPE_DATE,
                        _BILAT_PARAM_READWRITE);

  /**
   * BilatIssue:session: (getter get_session) (setter set_session)
   *
   * The session of the assembly that voted on the issue (the UN General
   * Assembly's 60th session …), or 0 when not known or not a vote.
   *
   * Since: 1.0
   */
  properties[PROP_SESSION] =
    g_param_spec_uint ("session", NULL, NULL,
                       0, G_MAXUINT16, 0,
                       _BILAT_PARAM_READWRITE);

  /**
   * BilatIssue:resolution: (getter get_resolution) (setter set_resolution)
   *
   * The symbol of the resolution voted on, as the data gives it
   * (`R/60/1`), or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_RESOLUTION] =
    g_param_spec_string ("resolution", NULL, NULL,
                         NULL,
                         _BILAT_PARAM_READWRITE);

  /**
   * BilatIssue:important: (getter get_important) (setter set_important)
   *
   * Whether the issue is an "important vote" (for UN General Assembly
   * roll calls, one the US State Department lists as such).
   *
   * Since: 1.0
   */
  properties[PROP_IMPORTANT] =
    g_param_spec_boolean ("important", NULL, NULL,
                          FALSE,
                          _BILAT_PARAM_READWRITE);

  /**
   * BilatIssue:parents: (getter get_parents) (setter set_parents)
   *
   * The ids of the broader issues this one belongs to, such as the topics
   * of a roll call (`unga-topic:me`); empty when none.
   *
   * Since: 1.0
   */
  properties[PROP_PARENTS] =
    g_param_spec_boxed ("parents", NULL, NULL,
                        G_TYPE_STRV,
                        _BILAT_PARAM_READWRITE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bilat_issue_init (BilatIssue *self)
{
  self->parents = g_new0 (char *, 1);
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

/**
 * bilat_issue_get_date: (get-property date)
 * @self: a [class@Bilat.Issue]
 *
 * Gets when the issue was decided, such as the day of a roll call.
 *
 * Returns: (transfer none) (nullable): the date, or %NULL if it has none
 *
 * Since: 1.0
 */
BilatDate *
bilat_issue_get_date (BilatIssue *self)
{
  g_return_val_if_fail (BILAT_IS_ISSUE (self), NULL);

  return self->date;
}

/**
 * bilat_issue_set_date: (set-property date)
 * @self: a [class@Bilat.Issue]
 * @date: (nullable): the date, or %NULL for none
 *
 * Sets when the issue was decided. The issue keeps a reference to @date,
 * which is immutable.
 *
 * Since: 1.0
 */
void
bilat_issue_set_date (BilatIssue *self,
                      BilatDate  *date)
{
  g_return_if_fail (BILAT_IS_ISSUE (self));

  if (_bilat_set_date (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * bilat_issue_get_session: (get-property session)
 * @self: a [class@Bilat.Issue]
 *
 * Gets the session of the assembly that voted on the issue.
 *
 * Returns: the session, or 0 if not known
 *
 * Since: 1.0
 */
guint
bilat_issue_get_session (BilatIssue *self)
{
  g_return_val_if_fail (BILAT_IS_ISSUE (self), 0);

  return self->session;
}

/**
 * bilat_issue_set_session: (set-property session)
 * @self: a [class@Bilat.Issue]
 * @session: the session, 1–65535, or 0 when not known
 *
 * Sets the session of the assembly that voted on the issue.
 *
 * Since: 1.0
 */
void
bilat_issue_set_session (BilatIssue *self,
                         guint       session)
{
  g_return_if_fail (BILAT_IS_ISSUE (self));
  g_return_if_fail (session <= G_MAXUINT16);

  if (self->session == session)
    return;
  self->session = session;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * bilat_issue_get_resolution: (get-property resolution)
 * @self: a [class@Bilat.Issue]
 *
 * Gets the symbol of the resolution voted on.
 *
 * Returns: (transfer none) (nullable): the symbol, or %NULL if none
 *
 * Since: 1.0
 */
const char *
bilat_issue_get_resolution (BilatIssue *self)
{
  g_return_val_if_fail (BILAT_IS_ISSUE (self), NULL);

  return self->resolution;
}

/**
 * bilat_issue_set_resolution: (set-property resolution)
 * @self: a [class@Bilat.Issue]
 * @resolution: (nullable): the symbol, or %NULL
 *
 * Sets the symbol of the resolution voted on.
 *
 * Since: 1.0
 */
void
bilat_issue_set_resolution (BilatIssue *self,
                            const char *resolution)
{
  g_return_if_fail (BILAT_IS_ISSUE (self));

  if (_bilat_set_str (&self->resolution, resolution))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLUTION]);
}

/**
 * bilat_issue_get_important: (get-property important)
 * @self: a [class@Bilat.Issue]
 *
 * Gets whether the issue is an "important vote".
 *
 * Returns: %TRUE for an important vote
 *
 * Since: 1.0
 */
gboolean
bilat_issue_get_important (BilatIssue *self)
{
  g_return_val_if_fail (BILAT_IS_ISSUE (self), FALSE);

  return self->important;
}

/**
 * bilat_issue_set_important: (set-property important)
 * @self: a [class@Bilat.Issue]
 * @important: whether it is an important vote
 *
 * Sets whether the issue is an "important vote".
 *
 * Since: 1.0
 */
void
bilat_issue_set_important (BilatIssue *self,
                           gboolean    important)
{
  g_return_if_fail (BILAT_IS_ISSUE (self));

  important = !!important;
  if (self->important == important)
    return;
  self->important = important;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTANT]);
}

/**
 * bilat_issue_get_parents: (get-property parents)
 * @self: a [class@Bilat.Issue]
 *
 * Gets the ids of the broader issues this one belongs to.
 *
 * Returns: (transfer none) (array zero-terminated=1): the parents' ids,
 *   an empty array when there are none
 *
 * Since: 1.0
 */
const char * const *
bilat_issue_get_parents (BilatIssue *self)
{
  g_return_val_if_fail (BILAT_IS_ISSUE (self), NULL);

  return (const char * const *) self->parents;
}

/**
 * bilat_issue_set_parents: (set-property parents)
 * @self: a [class@Bilat.Issue]
 * @parents: (nullable) (array zero-terminated=1): the ids of the parent
 *   issues (see [func@Bilat.Record.is_valid_id]), or %NULL for none
 *
 * Replaces the parents of the issue; an id given twice is kept once. An
 * issue is not its own parent.
 *
 * Since: 1.0
 */
void
bilat_issue_set_parents (BilatIssue         *self,
                         const char * const *parents)
{
  g_autoptr(GPtrArray) kept = NULL;
  const char *id;

  g_return_if_fail (BILAT_IS_ISSUE (self));

  id = bilat_record_get_id (BILAT_RECORD (self));
  kept = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; parents != NULL && parents[i] != NULL; i++)
    {
      g_return_if_fail (bilat_record_is_valid_id (parents[i]));
      g_return_if_fail (g_strcmp0 (parents[i], id) != 0);

      if (!g_ptr_array_find_with_equal_func (kept, parents[i], g_str_equal, NULL))
        g_ptr_array_add (kept, g_strdup (parents[i]));
    }
  g_ptr_array_add (kept, NULL);

  if (g_strv_equal ((const char * const *) kept->pdata,
                    (const char * const *) self->parents))
    return;

  g_strfreev (self->parents);
  self->parents = (GStrv) g_ptr_array_steal (kept, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENTS]);
}

/**
 * bilat_issue_has_parent:
 * @self: a [class@Bilat.Issue]
 * @parent: the id of an issue
 *
 * Tells whether @parent is one of the issue's parents.
 *
 * Returns: %TRUE if @self belongs to @parent
 *
 * Since: 1.0
 */
gboolean
bilat_issue_has_parent (BilatIssue *self,
                        const char *parent)
{
  g_return_val_if_fail (BILAT_IS_ISSUE (self), FALSE);
  g_return_val_if_fail (parent != NULL, FALSE);

  return g_strv_contains ((const char * const *) self->parents, parent);
}
