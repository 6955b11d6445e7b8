/* bilat-issue.h: a subject on which actors take positions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include "bilat-date.h"
#include "bilat-record.h"

G_BEGIN_DECLS

#define BILAT_TYPE_ISSUE (bilat_issue_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatIssue, bilat_issue, BILAT, ISSUE, BilatRecord)

BILAT_AVAILABLE_IN_1_0
BilatIssue *bilat_issue_new             (const char *id);
BILAT_AVAILABLE_IN_1_0
const char *bilat_issue_get_title       (BilatIssue *self);
BILAT_AVAILABLE_IN_1_0
void        bilat_issue_set_title       (BilatIssue *self,
                                         const char *title);
BILAT_AVAILABLE_IN_1_0
const char *bilat_issue_get_description (BilatIssue *self);
BILAT_AVAILABLE_IN_1_0
void        bilat_issue_set_description (BilatIssue *self,
                                         const char *description);
BILAT_AVAILABLE_IN_1_0
BilatDate  *bilat_issue_get_date        (BilatIssue *self);
BILAT_AVAILABLE_IN_1_0
void        bilat_issue_set_date        (BilatIssue *self,
                                         BilatDate  *date);
BILAT_AVAILABLE_IN_1_0
guint       bilat_issue_get_session     (BilatIssue *self);
BILAT_AVAILABLE_IN_1_0
void        bilat_issue_set_session     (BilatIssue *self,
                                         guint       session);
BILAT_AVAILABLE_IN_1_0
const char *bilat_issue_get_resolution  (BilatIssue *self);
BILAT_AVAILABLE_IN_1_0
void        bilat_issue_set_resolution  (BilatIssue *self,
                                         const char *resolution);
BILAT_AVAILABLE_IN_1_0
gboolean    bilat_issue_get_important   (BilatIssue *self);
BILAT_AVAILABLE_IN_1_0
void        bilat_issue_set_important   (BilatIssue *self,
                                         gboolean    important);
BILAT_AVAILABLE_IN_1_0
const char * const *bilat_issue_get_parents (BilatIssue         *self);
BILAT_AVAILABLE_IN_1_0
void        bilat_issue_set_parents     (BilatIssue         *self,
                                         const char * const *parents);
BILAT_AVAILABLE_IN_1_0
gboolean    bilat_issue_has_parent      (BilatIssue *self,
                                         const char *parent);

G_END_DECLS
