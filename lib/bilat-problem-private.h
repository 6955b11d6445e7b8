/* bilat-problem-private.h: making problems, for the readers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <bilat/bilat.h>

G_BEGIN_DECLS

/* A problem in @domain with @code. @kind (the top-level array of a
 * dataset's record, with its @index) and @column (of event data, from 1;
 * 0 for none) say where, as @field does in either. The strings are copied,
 * made valid UTF-8. */
BilatProblem *_bilat_problem_new_full (GQuark              domain,
                                       int                 code,
                                       const char         *file,
                                       guint64             line,
                                       guint               column,
                                       const char         *kind,
                                       int                 index,
                                       const char         *record_id,
                                       const char         *field,
                                       const char         *message);

/* A GError in the problem's domain, with its code and one-line text. */
GError       *_bilat_problem_to_error (const BilatProblem *self);

G_END_DECLS
