/* bilat-problem.h: one problem of the data a reader read, and where
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include <glib-object.h>

#include "bilat-version-macros.h"

G_BEGIN_DECLS

typedef struct _BilatProblem BilatProblem;

#define BILAT_TYPE_PROBLEM (bilat_problem_get_type ())

BILAT_AVAILABLE_IN_1_0
GType            bilat_problem_get_type      (void) G_GNUC_CONST;
BILAT_AVAILABLE_IN_1_0
BilatProblem    *bilat_problem_ref           (BilatProblem       *self);
BILAT_AVAILABLE_IN_1_0
void             bilat_problem_unref         (BilatProblem       *self);
BILAT_AVAILABLE_IN_1_0
GQuark           bilat_problem_get_domain    (const BilatProblem *self);
BILAT_AVAILABLE_IN_1_0
int              bilat_problem_get_code      (const BilatProblem *self);
BILAT_AVAILABLE_IN_1_0
const char      *bilat_problem_get_message   (const BilatProblem *self);
BILAT_AVAILABLE_IN_1_0
const char      *bilat_problem_get_file      (const BilatProblem *self);
BILAT_AVAILABLE_IN_1_0
guint64          bilat_problem_get_line      (const BilatProblem *self);
BILAT_AVAILABLE_IN_1_0
guint            bilat_problem_get_column    (const BilatProblem *self);
BILAT_AVAILABLE_IN_1_0
const char      *bilat_problem_get_kind      (const BilatProblem *self);
BILAT_AVAILABLE_IN_1_0
int              bilat_problem_get_index     (const BilatProblem *self);
BILAT_AVAILABLE_IN_1_0
const char      *bilat_problem_get_record_id (const BilatProblem *self);
BILAT_AVAILABLE_IN_1_0
const char      *bilat_problem_get_field     (const BilatProblem *self);
BILAT_AVAILABLE_IN_1_0
char            *bilat_problem_to_string     (const BilatProblem *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BilatProblem, bilat_problem_unref)

G_END_DECLS
