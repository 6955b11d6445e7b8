/* bilat-issue.h: a subject on which actors take positions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

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

G_END_DECLS
