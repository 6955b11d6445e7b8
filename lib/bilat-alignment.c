/* bilat-alignment.c: how two actors' positions compare, issue by issue
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <string.h>

#include <bilat/bilat.h>

#include "bilat-affinity-private.h"
#include "bilat-store-private.h"

/**
 * BilatIssueAlignment:
 *
 * The positions of two actors on one issue, and how they compare: one
 * item of a [class@Bilat.Alignment].
 *
 * Since: 1.0
 */
struct _BilatIssueAlignment
{
  GObject parent_instance;

  char *issue;
  BilatPosition *position_a;
  BilatPosition *position_b;
  BilatAgreement agreement;
};

G_DEFINE_FINAL_TYPE (BilatIssueAlignment, bilat_issue_alignment, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_ISSUE,
  ITEM_PROP_POSITION_A,
  ITEM_PROP_POSITION_B,
  ITEM_PROP_AGREEMENT,
  ITEM_PROP_DISTANCE,
  N_ITEM_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];

/**
 * bilat_stance_get_score:
 * @stance: a stance
 *
 * The number a stance is coded as for the affinity score: supports +1,
 * considering +0.5, neutral 0, opposes −1.
 *
 * Returns: the score of @stance
 *
 * Since: 1.0
 */
double
bilat_stance_get_score (BilatStance stance)
{
  switch (stance)
    {
    case BILAT_STANCE_SUPPORTS:
      return 1.0;
    case BILAT_STANCE_CONSIDERING:
      return 0.5;
    case BILAT_STANCE_NEUTRAL:
      return 0.0;
    case BILAT_STANCE_OPPOSES:
      return -1.0;
    default:
      g_return_val_if_reached (0.0);
    }
}

static void
bilat_issue_alignment_finalize (GObject *object)
{
  BilatIssueAlignment *self = BILAT_ISSUE_ALIGNMENT (object);

  g_free (self->issue);
  g_clear_object (&self->position_a);
  g_clear_object (&self->position_b);

  G_OBJECT_CLASS (bilat_issue_alignment_parent_class)->finalize (object);
}

static void
bilat_issue_alignment_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BilatIssueAlignment *self = BILAT_ISSUE_ALIGNMENT (object);

  switch (prop_id)
    {
    case ITEM_PROP_ISSUE:
      g_value_set_string (value, self->issue);
      break;
    case ITEM_PROP_POSITION_A:
      g_value_set_object (value, self->position_a);
      break;
    case ITEM_PROP_POSITION_B:
      g_value_set_object (value, self->position_b);
      break;
    case ITEM_PROP_AGREEMENT:
      g_value_set_enum (value, self->agreement);
      break;
    case ITEM_PROP_DISTANCE:
      g_value_set_double (value, bilat_issue_alignment_get_distance (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_issue_alignment_class_init (BilatIssueAlignmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_issue_alignment_finalize;
  object_class->get_property = bilat_issue_alignment_get_property;

  /**
   * BilatIssueAlignment:issue: (getter get_issue)
   *
   * The id of the issue.
   *
   * Since: 1.0
   */
  item_properties[ITEM_PROP_ISSUE] =
    g_param_spec_string ("issue", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatIssueAlignment:position-a: (getter get_position_a)
   *
   * The first actor's position, or %NULL if it holds none.
   *
   * Since: 1.0
   */
  item_properties[ITEM_PROP_POSITION_A] =
    g_param_spec_object ("position-a", NULL, NULL, BILAT_TYPE_POSITION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatIssueAlignment:position-b: (getter get_position_b)
   *
   * The second actor's position, or %NULL if it holds none.
   *
   * Since: 1.0
   */
  item_properties[ITEM_PROP_POSITION_B] =
    g_param_spec_object ("position-b", NULL, NULL, BILAT_TYPE_POSITION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatIssueAlignment:agreement: (getter get_agreement)
   *
   * How the two positions compare.
   *
   * Since: 1.0
   */
  item_properties[ITEM_PROP_AGREEMENT] =
    g_param_spec_enum ("agreement", NULL, NULL, BILAT_TYPE_AGREEMENT, BILAT_AGREEMENT_AGREE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatIssueAlignment:distance: (getter get_distance)
   *
   * The distance of the two stances' scores (0 to 2), or NAN when only one
   * actor holds a position.
   *
   * Since: 1.0
   */
  item_properties[ITEM_PROP_DISTANCE] =
    g_param_spec_double ("distance", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
bilat_issue_alignment_init (BilatIssueAlignment *self)
{
}

/**
 * bilat_issue_alignment_get_issue: (get-property issue)
 * @self: a [class@Bilat.IssueAlignment]
 *
 * Gets the id of the issue.
 *
 * Returns: the id of the issue
 *
 * Since: 1.0
 */
const char *
bilat_issue_alignment_get_issue (BilatIssueAlignment *self)
{
  g_return_val_if_fail (BILAT_IS_ISSUE_ALIGNMENT (self), NULL);

  return self->issue;
}

/**
 * bilat_issue_alignment_get_position_a: (get-property position-a)
 * @self: a [class@Bilat.IssueAlignment]
 *
 * Gets the first actor's position.
 *
 * Returns: (transfer none) (nullable): the first actor's position
 *
 * Since: 1.0
 */
BilatPosition *
bilat_issue_alignment_get_position_a (BilatIssueAlignment *self)
{
  g_return_val_if_fail (BILAT_IS_ISSUE_ALIGNMENT (self), NULL);

  return self->position_a;
}

/**
 * bilat_issue_alignment_get_position_b: (get-property position-b)
 * @self: a [class@Bilat.IssueAlignment]
 *
 * Gets the second actor's position.
 *
 * Returns: (transfer none) (nullable): the second actor's position
 *
 * Since: 1.0
 */
BilatPosition *
bilat_issue_alignment_get_position_b (BilatIssueAlignment *self)
{
  g_return_val_if_fail (BILAT_IS_ISSUE_ALIGNMENT (self), NULL);

  return self->position_b;
}

/**
 * bilat_issue_alignment_get_agreement: (get-property agreement)
 * @self: a [class@Bilat.IssueAlignment]
 *
 * Gets how the two positions compare.
 *
 * Returns: how the two positions compare
 *
 * Since: 1.0
 */
BilatAgreement
bilat_issue_alignment_get_agreement (BilatIssueAlignment *self)
{
  g_return_val_if_fail (BILAT_IS_ISSUE_ALIGNMENT (self), BILAT_AGREEMENT_AGREE);

  return self->agreement;
}

/**
 * bilat_issue_alignment_get_distance: (get-property distance)
 * @self: a [class@Bilat.IssueAlignment]
 *
 * Gets |a − b| of the two stances' scores ([func@Bilat.Stance.get_score]),
 * from 0 to 2, or NAN when only one actor holds a position.
 *
 * Returns: |a − b| of the two stances' scores
 *   ([func@Bilat.Stance.get_score]), from 0 to 2, or NAN when only one
 *   actor holds a position
 *
 * Since: 1.0
 */
double
bilat_issue_alignment_get_distance (BilatIssueAlignment *self)
{
  g_return_val_if_fail (BILAT_IS_ISSUE_ALIGNMENT (self), NAN);

  if (self->position_a == NULL || self->position_b == NULL)
    return NAN;
  return fabs (bilat_stance_get_score (bilat_position_get_stance (self->position_a)) -
               bilat_stance_get_score (bilat_position_get_stance (self->position_b)));
}

static BilatAgreement
compare_stances (BilatStance a,
                 BilatStance b)
{
  double x = bilat_stance_get_score (a);
  double y = bilat_stance_get_score (b);

  if (a == b)
    return BILAT_AGREEMENT_AGREE;
  if (x * y < 0)
    return BILAT_AGREEMENT_DISAGREE;
  return BILAT_AGREEMENT_PARTIAL;
}

/**
 * BilatAlignment:
 *
 * The positions of two actors compared issue by issue, and their affinity.
 *
 * An alignment is a [iface@Gio.ListModel] of [class@Bilat.IssueAlignment],
 * one item per issue on which at least one of the two actors holds a
 * position, in the order of the issues' ids. On an issue where both hold
 * one, the stances agree (the same stance), partly agree (different but not
 * opposed: supports and considering, considering and neutral …) or
 * disagree (for and against); the other issues are listed as held by one
 * actor only.
 *
 * The affinity of the two actors is Signorino and Ritter's S over the
 * shared issues, with stances coded as [func@Bilat.Stance.get_score] does
 * (supports +1, considering +0.5, neutral 0, opposes −1):
 *
 *     S = 1 − 2 · Σ|a − b| / (n · 2)
 *
 * where n is the number of shared issues and 2 the largest distance of two
 * stances. S is 1 when the actors agree on everything and −1 when they are
 * opposed on everything. With no shared issue there is no score (not 0):
 * [method@Bilat.Alignment.get_affinity] returns %FALSE.
 *
 * When an actor holds several positions on one issue, the one with the
 * latest date counts (a position of unknown date counts as older than any
 * dated one; between equals, the last by id). With state succession on
 * (the default, see [property@Bilat.Query:follow-succession]), an actor
 * without a position of its own on an issue takes that of a state it
 * continues.
 *
 * Since: 1.0
 */
struct _BilatAlignment
{
  GObject parent_instance;

  char *actor_a;
  char *actor_b;
  GPtrArray *items;      /* (element-type BilatIssueAlignment) */
  guint thin_threshold;
};

static void bilat_alignment_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BilatAlignment, bilat_alignment, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      bilat_alignment_list_model_init))

enum {
  PROP_0,
  PROP_ACTOR_A,
  PROP_ACTOR_B,
  PROP_N_SHARED,
  PROP_AGREE,
  PROP_S,
  PROP_S2,
  PROP_KAPPA,
  PROP_PI,
  PROP_THIN,
  PROP_THIN_THRESHOLD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
bilat_alignment_get_item_type (GListModel *model)
{
  return BILAT_TYPE_ISSUE_ALIGNMENT;
}

static guint
bilat_alignment_get_n_items (GListModel *model)
{
  return BILAT_ALIGNMENT (model)->items->len;
}

static gpointer
bilat_alignment_get_item (GListModel *model,
                          guint       position)
{
  BilatAlignment *self = BILAT_ALIGNMENT (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
bilat_alignment_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bilat_alignment_get_item_type;
  iface->get_n_items = bilat_alignment_get_n_items;
  iface->get_item = bilat_alignment_get_item;
}

static void
bilat_alignment_finalize (GObject *object)
{
  BilatAlignment *self = BILAT_ALIGNMENT (object);

  g_free (self->actor_a);
  g_free (self->actor_b);
  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (bilat_alignment_parent_class)->finalize (object);
}

static void
bilat_alignment_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BilatAlignment *self = BILAT_ALIGNMENT (object);

  switch (prop_id)
    {
    case PROP_ACTOR_A:
      g_value_set_string (value, self->actor_a);
      break;
    case PROP_ACTOR_B:
      g_value_set_string (value, self->actor_b);
      break;
    case PROP_N_SHARED:
      g_value_set_uint (value, bilat_alignment_get_n_shared (self));
      break;
    case PROP_AGREE:
      g_value_set_double (value, bilat_alignment_get_agree (self));
      break;
    case PROP_S:
      g_value_set_double (value, bilat_alignment_get_s (self));
      break;
    case PROP_S2:
      g_value_set_double (value, bilat_alignment_get_s2 (self));
      break;
    case PROP_KAPPA:
      g_value_set_double (value, bilat_alignment_get_kappa (self));
      break;
    case PROP_PI:
      g_value_set_double (value, bilat_alignment_get_pi (self));
      break;
    case PROP_THIN:
      g_value_set_boolean (value, bilat_alignment_get_thin (self));
      break;
    case PROP_THIN_THRESHOLD:
      g_value_set_uint (value, self->thin_threshold);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_alignment_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BilatAlignment *self = BILAT_ALIGNMENT (object);

  switch (prop_id)
    {
    case PROP_THIN_THRESHOLD:
      bilat_alignment_set_thin_threshold (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_alignment_class_init (BilatAlignmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_alignment_finalize;
  object_class->get_property = bilat_alignment_get_property;
  object_class->set_property = bilat_alignment_set_property;

  /**
   * BilatAlignment:actor-a: (getter get_actor_a)
   *
   * The id of the first actor.
   *
   * Since: 1.0
   */
  properties[PROP_ACTOR_A] =
    g_param_spec_string ("actor-a", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatAlignment:actor-b: (getter get_actor_b)
   *
   * The id of the second actor.
   *
   * Since: 1.0
   */
  properties[PROP_ACTOR_B] =
    g_param_spec_string ("actor-b", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatAlignment:n-shared: (getter get_n_shared)
   *
   * The number of issues on which both actors hold a position: the n of
   * the affinity score.
   *
   * Since: 1.0
   */
  properties[PROP_N_SHARED] =
    g_param_spec_uint ("n-shared", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatAlignment:agree: (getter get_agree)
   *
   * The agreement index over the shared issues, 1 − Σd / (n·d_max), or NaN
   * when there is none.
   *
   * Since: 1.0
   */
  properties[PROP_AGREE] =
    g_param_spec_double ("agree", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatAlignment:s: (getter get_s)
   *
   * Signorino and Ritter's S with absolute distances, the affinity score
   * of [method@Bilat.Alignment.get_affinity], or NaN when there is no
   * shared issue.
   *
   * Since: 1.0
   */
  properties[PROP_S] =
    g_param_spec_double ("s", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatAlignment:s2: (getter get_s2)
   *
   * Signorino and Ritter's S with squared distances, or NaN when there is
   * no shared issue.
   *
   * Since: 1.0
   */
  properties[PROP_S2] =
    g_param_spec_double ("s2", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatAlignment:kappa: (getter get_kappa)
   *
   * Cohen's κ with linear distance weights over the shared issues, or NaN
   * when it is not defined (see [property@Bilat.AffinityScore:kappa]).
   *
   * Since: 1.0
   */
  properties[PROP_KAPPA] =
    g_param_spec_double ("kappa", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatAlignment:pi: (getter get_pi)
   *
   * Scott's π with linear distance weights over the shared issues, or NaN
   * when it is not defined (see [property@Bilat.AffinityScore:pi]).
   *
   * Since: 1.0
   */
  properties[PROP_PI] =
    g_param_spec_double ("pi", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatAlignment:thin: (getter get_thin)
   *
   * Whether the measures rest on fewer shared issues than
   * [property@Bilat.Alignment:thin-threshold].
   *
   * Since: 1.0
   */
  properties[PROP_THIN] =
    g_param_spec_boolean ("thin", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BilatAlignment:thin-threshold: (getter get_thin_threshold) (setter set_thin_threshold)
   *
   * The number of shared issues below which the measures are thin,
   * %BILAT_AFFINITY_DEFAULT_THIN_THRESHOLD unless set.
   *
   * Since: 1.0
   */
  properties[PROP_THIN_THRESHOLD] =
    g_param_spec_uint ("thin-threshold", NULL, NULL, 0, G_MAXUINT,
                       BILAT_AFFINITY_DEFAULT_THIN_THRESHOLD,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bilat_alignment_init (BilatAlignment *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->thin_threshold = BILAT_AFFINITY_DEFAULT_THIN_THRESHOLD;
}

/* The measures over the issues both hold a position on. */
static void
compute_figures (BilatAlignment       *self,
                 BilatAffinityFigures *figures)
{
  BilatStanceTable table = { { { 0, } } };

  for (guint i = 0; i < self->items->len; i++)
    {
      BilatIssueAlignment *item = g_ptr_array_index (self->items, i);

      if (item->position_a != NULL && item->position_b != NULL)
        table.cell[bilat_position_get_stance (item->position_a)]
                  [bilat_position_get_stance (item->position_b)]++;
    }
  _bilat_affinity_figures_compute (&table, figures);
}

/**
 * bilat_alignment_get_agree: (get-property agree)
 * @self: a [class@Bilat.Alignment]
 *
 * Gets the agreement index over the shared issues.
 *
 * Returns: the index, or NaN when there is no shared issue
 *
 * Since: 1.0
 */
double
bilat_alignment_get_agree (BilatAlignment *self)
{
  BilatAffinityFigures figures;

  g_return_val_if_fail (BILAT_IS_ALIGNMENT (self), NAN);

  compute_figures (self, &figures);
  return figures.agree;
}

/**
 * bilat_alignment_get_s: (get-property s)
 * @self: a [class@Bilat.Alignment]
 *
 * Gets S with absolute distances over the shared issues.
 *
 * Returns: S, or NaN when there is no shared issue
 *
 * Since: 1.0
 */
double
bilat_alignment_get_s (BilatAlignment *self)
{
  BilatAffinityFigures figures;

  g_return_val_if_fail (BILAT_IS_ALIGNMENT (self), NAN);

  compute_figures (self, &figures);
  return figures.s;
}

/**
 * bilat_alignment_get_s2: (get-property s2)
 * @self: a [class@Bilat.Alignment]
 *
 * Gets S with squared distances over the shared issues.
 *
 * Returns: S, or NaN when there is no shared issue
 *
 * Since: 1.0
 */
double
bilat_alignment_get_s2 (BilatAlignment *self)
{
  BilatAffinityFigures figures;

  g_return_val_if_fail (BILAT_IS_ALIGNMENT (self), NAN);

  compute_figures (self, &figures);
  return figures.s2;
}

/**
 * bilat_alignment_get_kappa: (get-property kappa)
 * @self: a [class@Bilat.Alignment]
 *
 * Gets Cohen's κ over the shared issues.
 *
 * Returns: κ, or NaN when it is not defined
 *
 * Since: 1.0
 */
double
bilat_alignment_get_kappa (BilatAlignment *self)
{
  BilatAffinityFigures figures;

  g_return_val_if_fail (BILAT_IS_ALIGNMENT (self), NAN);

  compute_figures (self, &figures);
  return figures.kappa;
}

/**
 * bilat_alignment_get_pi: (get-property pi)
 * @self: a [class@Bilat.Alignment]
 *
 * Gets Scott's π over the shared issues.
 *
 * Returns: π, or NaN when it is not defined
 *
 * Since: 1.0
 */
double
bilat_alignment_get_pi (BilatAlignment *self)
{
  BilatAffinityFigures figures;

  g_return_val_if_fail (BILAT_IS_ALIGNMENT (self), NAN);

  compute_figures (self, &figures);
  return figures.pi;
}

/**
 * bilat_alignment_get_thin: (get-property thin)
 * @self: a [class@Bilat.Alignment]
 *
 * Gets whether the measures rest on fewer shared issues than the thin
 * threshold.
 *
 * Returns: %TRUE if they are thin
 *
 * Since: 1.0
 */
gboolean
bilat_alignment_get_thin (BilatAlignment *self)
{
  g_return_val_if_fail (BILAT_IS_ALIGNMENT (self), FALSE);

  return bilat_alignment_get_n_shared (self) < self->thin_threshold;
}

/**
 * bilat_alignment_get_thin_threshold: (get-property thin-threshold)
 * @self: a [class@Bilat.Alignment]
 *
 * Gets the number of shared issues below which the measures are thin.
 *
 * Returns: the threshold
 *
 * Since: 1.0
 */
guint
bilat_alignment_get_thin_threshold (BilatAlignment *self)
{
  g_return_val_if_fail (BILAT_IS_ALIGNMENT (self), BILAT_AFFINITY_DEFAULT_THIN_THRESHOLD);

  return self->thin_threshold;
}

/**
 * bilat_alignment_set_thin_threshold: (set-property thin-threshold)
 * @self: a [class@Bilat.Alignment]
 * @threshold: the fewest shared issues measures that are not thin have
 *
 * Sets the number of shared issues below which the measures are thin.
 *
 * Since: 1.0
 */
void
bilat_alignment_set_thin_threshold (BilatAlignment *self,
                                    guint           threshold)
{
  g_return_if_fail (BILAT_IS_ALIGNMENT (self));

  if (self->thin_threshold == threshold)
    return;
  self->thin_threshold = threshold;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THIN_THRESHOLD]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THIN]);
}

/**
 * bilat_alignment_get_actor_a: (get-property actor-a)
 * @self: a [class@Bilat.Alignment]
 *
 * Gets the id of the first actor.
 *
 * Returns: the id of the first actor
 *
 * Since: 1.0
 */
const char *
bilat_alignment_get_actor_a (BilatAlignment *self)
{
  g_return_val_if_fail (BILAT_IS_ALIGNMENT (self), NULL);

  return self->actor_a;
}

/**
 * bilat_alignment_get_actor_b: (get-property actor-b)
 * @self: a [class@Bilat.Alignment]
 *
 * Gets the id of the second actor.
 *
 * Returns: the id of the second actor
 *
 * Since: 1.0
 */
const char *
bilat_alignment_get_actor_b (BilatAlignment *self)
{
  g_return_val_if_fail (BILAT_IS_ALIGNMENT (self), NULL);

  return self->actor_b;
}

/**
 * bilat_alignment_count:
 * @self: a [class@Bilat.Alignment]
 * @agreement: a kind of agreement
 *
 * Gets the number of issues whose positions compare as @agreement.
 *
 * Returns: the number of issues whose positions compare as @agreement
 *
 * Since: 1.0
 */
guint
bilat_alignment_count (BilatAlignment *self,
                       BilatAgreement  agreement)
{
  guint n = 0;

  g_return_val_if_fail (BILAT_IS_ALIGNMENT (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      BilatIssueAlignment *item = g_ptr_array_index (self->items, i);

      n += item->agreement == agreement;
    }
  return n;
}

/**
 * bilat_alignment_get_n_shared: (get-property n-shared)
 * @self: a [class@Bilat.Alignment]
 *
 * Gets the number of issues on which both actors hold a position.
 *
 * Returns: the number of issues on which both actors hold a position
 *
 * Since: 1.0
 */
guint
bilat_alignment_get_n_shared (BilatAlignment *self)
{
  g_return_val_if_fail (BILAT_IS_ALIGNMENT (self), 0);

  return bilat_alignment_count (self, BILAT_AGREEMENT_AGREE) +
         bilat_alignment_count (self, BILAT_AGREEMENT_PARTIAL) +
         bilat_alignment_count (self, BILAT_AGREEMENT_DISAGREE);
}

/**
 * bilat_alignment_get_affinity:
 * @self: a [class@Bilat.Alignment]
 * @score: (out) (optional): the affinity S, from −1 to 1
 *
 * Computes Signorino and Ritter's S over the shared issues (see
 * [class@Bilat.Alignment]).
 *
 * Returns: %TRUE if there is a score; %FALSE, leaving @score untouched,
 *   when the actors share no issue
 *
 * Since: 1.0
 */
gboolean
bilat_alignment_get_affinity (BilatAlignment *self,
                              double         *score)
{
  double sum = 0.0;
  guint n = 0;

  g_return_val_if_fail (BILAT_IS_ALIGNMENT (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      BilatIssueAlignment *item = g_ptr_array_index (self->items, i);

      if (item->position_a == NULL || item->position_b == NULL)
        continue;
      sum += bilat_issue_alignment_get_distance (item);
      n++;
    }

  if (n == 0)
    return FALSE;
  if (score != NULL)
    *score = 1.0 - 2.0 * sum / ((double) n * 2.0);
  return TRUE;
}

/* Whether @candidate should replace @current as an actor's position on an
 * issue: a later date wins, any date beats none, then the larger id. */
static gboolean
supersedes (BilatPosition *candidate,
            BilatPosition *current)
{
  BilatDate *a = bilat_position_get_date (candidate);
  BilatDate *b = bilat_position_get_date (current);

  if (a != NULL && b != NULL)
    {
      int order = bilat_date_compare (a, b);

      if (order != 0)
        return order > 0;
    }
  else if (a != NULL || b != NULL)
    {
      return a != NULL;
    }
  return strcmp (bilat_record_get_id (BILAT_RECORD (candidate)),
                 bilat_record_get_id (BILAT_RECORD (current))) > 0;
}

/* The actors an actor stands for, itself first, then the states it
 * continues (borrowed ids). */
static GPtrArray *
lineage (BilatStore *store,
         const char *actor,
         gboolean    follow)
{
  const char *ids[_BILAT_LINEAGE_MAX];
  guint n = 1;
  GPtrArray *result;

  ids[0] = actor;
  if (follow)
    n = _bilat_store_get_lineage (store, actor, ids);
  result = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (result, (gpointer) ids[i]);
  return result;
}

/* The ids of the actors that speak for @actor (BilatActor:speaks-for), a
 * set of borrowed strings; found once per actor rather than per position,
 * since positions (votes) may be many and speakers are few. */
static GHashTable *
speakers_of (BilatStore *store,
             const char *actor)
{
  GHashTable *speakers = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *actors = bilat_store_get_actors (store);
  guint n = g_list_model_get_n_items (actors);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatActor) record = g_list_model_get_item (actors, i);
      const char *voice_of = bilat_actor_get_speaks_for (record);

      /* The store keeps the actor, and so its id, alive. */
      if (voice_of != NULL && strcmp (voice_of, actor) == 0)
        g_hash_table_add (speakers, (gpointer) bilat_record_get_id (BILAT_RECORD (record)));
    }
  return speakers;
}

/* issue id → the position that counts for an actor, its own before its
 * predecessors'. At each level of the lineage a state's own positions come
 * first; a position of a person who speaks for it counts only on issues
 * where it holds none of its own: what a state says for itself is its
 * position, whatever one of its voices said, earlier or later. */
static GHashTable *
positions_by_issue (BilatStore *store,
                    BilatQuery *query,
                    const char *actor,
                    GPtrArray  *keep)
{
  g_autoptr(GHashTable) best = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ids = lineage (store, actor, query == NULL ||
                                      bilat_query_get_follow_succession (query));
  GListModel *positions = bilat_store_get_positions (store);
  guint n = g_list_model_get_n_items (positions);

  /* Nearest in the lineage first, so that an actor's own position hides a
   * predecessor's on the same issue. */
  for (guint level = 0; level < ids->len; level++)
    {
      g_autoptr(GHashTable) found = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) spoken = g_hash_table_new (g_str_hash, g_str_equal);
      const char *id = g_ptr_array_index (ids, level);
      g_autoptr(GHashTable) speakers = speakers_of (store, id);
      GHashTableIter iter;
      gpointer key, value;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BilatPosition) position = g_list_model_get_item (positions, i);
          const char *issue = bilat_position_get_issue (position);
          const char *holder = bilat_position_get_holder (position);
          GHashTable *into = found;
          BilatPosition *current;

          if (strcmp (holder, id) != 0)
            {
              if (!g_hash_table_contains (speakers, holder))
                continue;
              into = spoken;
            }
          if (g_hash_table_contains (best, issue))
            continue;
          if (query != NULL && !bilat_query_match_position (query, store, position))
            continue;
          current = g_hash_table_lookup (into, issue);
          if (current == NULL || supersedes (position, current))
            {
              /* A vote's position is made for the asking and lives as
               * long as someone holds it: @keep does. */
              g_ptr_array_add (keep, g_object_ref (position));
              g_hash_table_insert (into, (gpointer) issue, position);
            }
        }

      g_hash_table_iter_init (&iter, spoken);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!g_hash_table_contains (found, key))
          g_hash_table_insert (found, key, value);

      g_hash_table_iter_init (&iter, found);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (best, key, value);
    }

  return g_steal_pointer (&best);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const BilatIssueAlignment *x = *(BilatIssueAlignment * const *) a;
  const BilatIssueAlignment *y = *(BilatIssueAlignment * const *) b;

  return strcmp (x->issue, y->issue);
}

/**
 * bilat_store_align:
 * @store: a [class@Bilat.Store]
 * @actor_a: an actor id
 * @actor_b: another actor id
 * @query: (nullable): a [class@Bilat.Query] that positions must match (a
 *   period, sectors, issue …; its actors and dyad are not used), and whose
 *   [property@Bilat.Query:follow-succession] applies; %NULL for all
 *   positions with succession
 *
 * Compares the positions of two actors issue by issue; see
 * [class@Bilat.Alignment].
 *
 * An actor's position on an issue is its own; failing that, the position
 * of an actor that speaks for it ([property@Bilat.Actor:speaks-for], such
 * as a head of state for the state); failing that, with succession, the
 * same for the states it continues, nearest first. An actor's own position
 * always wins over a speaker's on the same issue, whatever their dates; the
 * [class@Bilat.IssueAlignment]'s position says whose position counted.
 *
 * Returns: (transfer full): a new [class@Bilat.Alignment]
 *
 * Since: 1.0
 */
BilatAlignment *
bilat_store_align (BilatStore *store,
                   const char *actor_a,
                   const char *actor_b,
                   BilatQuery *query)
{
  g_autoptr(BilatQuery) filter = NULL;
  g_autoptr(GHashTable) of_a = NULL;
  g_autoptr(GHashTable) of_b = NULL;
  g_autoptr(GHashTable) issues = NULL;
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  BilatAlignment *self;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (BILAT_IS_STORE (store), NULL);
  g_return_val_if_fail (actor_a != NULL, NULL);
  g_return_val_if_fail (actor_b != NULL, NULL);
  g_return_val_if_fail (query == NULL || BILAT_IS_QUERY (query), NULL);

  /* The query's actors and dyad would filter out one side or the other:
   * keep only what applies to each actor's positions. */
  if (query != NULL)
    {
      filter = bilat_query_copy (query);
      bilat_query_set_actors (filter, NULL);
      bilat_query_set_dyad (filter, NULL, NULL);
    }

  of_a = positions_by_issue (store, filter, actor_a, keep);
  of_b = positions_by_issue (store, filter, actor_b, keep);

  self = g_object_new (BILAT_TYPE_ALIGNMENT, NULL);
  self->actor_a = g_strdup (actor_a);
  self->actor_b = g_strdup (actor_b);

  issues = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_iter_init (&iter, of_a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (issues, key);
  g_hash_table_iter_init (&iter, of_b);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (issues, key);

  g_hash_table_iter_init (&iter, issues);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      BilatIssueAlignment *item = g_object_new (BILAT_TYPE_ISSUE_ALIGNMENT, NULL);
      BilatPosition *a = g_hash_table_lookup (of_a, key);
      BilatPosition *b = g_hash_table_lookup (of_b, key);

      item->issue = g_strdup (key);
      item->position_a = a ? g_object_ref (a) : NULL;
      item->position_b = b ? g_object_ref (b) : NULL;
      if (a != NULL && b != NULL)
        item->agreement = compare_stances (bilat_position_get_stance (a),
                                           bilat_position_get_stance (b));
      else
        item->agreement = a != NULL ? BILAT_AGREEMENT_ONLY_A : BILAT_AGREEMENT_ONLY_B;
      g_ptr_array_add (self->items, item);
    }
  g_ptr_array_sort (self->items, compare_items);

  return self;
}
