/* bilat-alignment.h: how two actors' positions compare, issue by issue
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include <gio/gio.h>

#include "bilat-version-macros.h"
#include "bilat-position.h"
#include "bilat-query.h"
#include "bilat-store.h"

G_BEGIN_DECLS

/**
 * BilatAgreement:
 * @BILAT_AGREEMENT_AGREE: both hold the same stance
 * @BILAT_AGREEMENT_PARTIAL: the stances differ without being opposed
 *   (supports and considering, supports and neutral …)
 * @BILAT_AGREEMENT_DISAGREE: one is for (supports or considering) and the
 *   other against (opposes)
 * @BILAT_AGREEMENT_ONLY_A: only the first actor holds a position
 * @BILAT_AGREEMENT_ONLY_B: only the second actor holds a position
 *
 * How the positions of two actors on one issue compare.
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_AGREEMENT_AGREE,
  BILAT_AGREEMENT_PARTIAL,
  BILAT_AGREEMENT_DISAGREE,
  BILAT_AGREEMENT_ONLY_A,
  BILAT_AGREEMENT_ONLY_B,
} BilatAgreement;

BILAT_AVAILABLE_IN_1_0
double bilat_stance_get_score (BilatStance stance);

#define BILAT_TYPE_ISSUE_ALIGNMENT (bilat_issue_alignment_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatIssueAlignment, bilat_issue_alignment, BILAT, ISSUE_ALIGNMENT, GObject)

BILAT_AVAILABLE_IN_1_0
const char     *bilat_issue_alignment_get_issue      (BilatIssueAlignment *self);
BILAT_AVAILABLE_IN_1_0
BilatPosition  *bilat_issue_alignment_get_position_a (BilatIssueAlignment *self);
BILAT_AVAILABLE_IN_1_0
BilatPosition  *bilat_issue_alignment_get_position_b (BilatIssueAlignment *self);
BILAT_AVAILABLE_IN_1_0
BilatAgreement  bilat_issue_alignment_get_agreement  (BilatIssueAlignment *self);
BILAT_AVAILABLE_IN_1_0
double          bilat_issue_alignment_get_distance   (BilatIssueAlignment *self);

#define BILAT_TYPE_ALIGNMENT (bilat_alignment_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatAlignment, bilat_alignment, BILAT, ALIGNMENT, GObject)

BILAT_AVAILABLE_IN_1_0
const char     *bilat_alignment_get_actor_a          (BilatAlignment      *self);
BILAT_AVAILABLE_IN_1_0
const char     *bilat_alignment_get_actor_b          (BilatAlignment      *self);
BILAT_AVAILABLE_IN_1_0
guint           bilat_alignment_get_n_shared         (BilatAlignment      *self);
BILAT_AVAILABLE_IN_1_0
guint           bilat_alignment_count                (BilatAlignment      *self,
                                                      BilatAgreement       agreement);
BILAT_AVAILABLE_IN_1_0
gboolean        bilat_alignment_get_affinity         (BilatAlignment      *self,
                                                      double              *score);
BILAT_AVAILABLE_IN_1_0
double          bilat_alignment_get_agree            (BilatAlignment      *self);
BILAT_AVAILABLE_IN_1_0
double          bilat_alignment_get_s                (BilatAlignment      *self);
BILAT_AVAILABLE_IN_1_0
double          bilat_alignment_get_s2               (BilatAlignment      *self);
BILAT_AVAILABLE_IN_1_0
double          bilat_alignment_get_kappa            (BilatAlignment      *self);
BILAT_AVAILABLE_IN_1_0
double          bilat_alignment_get_pi               (BilatAlignment      *self);
BILAT_AVAILABLE_IN_1_0
gboolean        bilat_alignment_get_thin             (BilatAlignment      *self);
BILAT_AVAILABLE_IN_1_0
guint           bilat_alignment_get_thin_threshold   (BilatAlignment      *self);
BILAT_AVAILABLE_IN_1_0
void            bilat_alignment_set_thin_threshold   (BilatAlignment      *self,
                                                      guint                threshold);

BILAT_AVAILABLE_IN_1_0
BilatAlignment *bilat_store_align                    (BilatStore          *store,
                                                      const char          *actor_a,
                                                      const char          *actor_b,
                                                      BilatQuery          *query);

G_END_DECLS
