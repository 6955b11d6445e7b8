/* bilat-query.h: filters over events and positions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include <gio/gio.h>

#include "bilat-version-macros.h"
#include "bilat-cameo.h"
#include "bilat-date.h"
#include "bilat-event.h"
#include "bilat-position.h"
#include "bilat-store.h"

G_BEGIN_DECLS

/**
 * BILAT_QUERY_ERROR:
 *
 * The error domain of parsing the query string form. Errors in this domain
 * are from the [error@Bilat.QueryError] enumeration.
 *
 * Since: 1.0
 */
#define BILAT_QUERY_ERROR (bilat_query_error_quark ())

/**
 * BilatQueryError:
 * @BILAT_QUERY_ERROR_SYNTAX: a term is not of the form `key:value`
 * @BILAT_QUERY_ERROR_UNKNOWN_KEY: a key the query language does not have
 * @BILAT_QUERY_ERROR_INVALID_VALUE: a value that the key does not accept
 *   (a malformed date, an unknown type, sector or QuadClass, a dyad that is
 *   not two actors)
 * @BILAT_QUERY_ERROR_DUPLICATE_KEY: a key that may be given once is given
 *   twice
 *
 * Error codes of the %BILAT_QUERY_ERROR domain.
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_QUERY_ERROR_SYNTAX,
  BILAT_QUERY_ERROR_UNKNOWN_KEY,
  BILAT_QUERY_ERROR_INVALID_VALUE,
  BILAT_QUERY_ERROR_DUPLICATE_KEY,
} BilatQueryError;

#define BILAT_TYPE_QUERY (bilat_query_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatQuery, bilat_query, BILAT, QUERY, GObject)

BILAT_AVAILABLE_IN_1_0
GQuark              bilat_query_error_quark          (void);

BILAT_AVAILABLE_IN_1_0
BilatQuery         *bilat_query_new                  (void);
BILAT_AVAILABLE_IN_1_0
BilatQuery         *bilat_query_parse                (const char      *text,
                                                      GError         **error);
BILAT_AVAILABLE_IN_1_0
BilatQuery         *bilat_query_copy                 (BilatQuery      *self);
BILAT_AVAILABLE_IN_1_0
char               *bilat_query_to_string            (BilatQuery      *self);

BILAT_AVAILABLE_IN_1_0
const char * const *bilat_query_get_actors           (BilatQuery      *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_query_set_actors           (BilatQuery      *self,
                                                      const char * const *actors);
BILAT_AVAILABLE_IN_1_0
void                bilat_query_add_actor            (BilatQuery      *self,
                                                      const char      *actor);
BILAT_AVAILABLE_IN_1_0
void                bilat_query_set_dyad             (BilatQuery      *self,
                                                      const char      *actor_a,
                                                      const char      *actor_b);
BILAT_AVAILABLE_IN_1_0
gboolean            bilat_query_get_dyad             (BilatQuery      *self,
                                                      const char     **actor_a,
                                                      const char     **actor_b);
BILAT_AVAILABLE_IN_1_0
BilatDate          *bilat_query_get_period           (BilatQuery      *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_query_set_period           (BilatQuery      *self,
                                                      BilatDate       *period);
BILAT_AVAILABLE_IN_1_0
BilatDate          *bilat_query_get_period_start     (BilatQuery      *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_query_set_period_start     (BilatQuery      *self,
                                                      BilatDate       *start);
BILAT_AVAILABLE_IN_1_0
BilatDate          *bilat_query_get_period_end       (BilatQuery      *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_query_set_period_end       (BilatQuery      *self,
                                                      BilatDate       *end);
BILAT_AVAILABLE_IN_1_0
GType               bilat_query_get_event_type       (BilatQuery      *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_query_set_event_type       (BilatQuery      *self,
                                                      GType            event_type);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_query_get_cameo_prefix     (BilatQuery      *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_query_set_cameo_prefix     (BilatQuery      *self,
                                                      const char      *prefix);
BILAT_AVAILABLE_IN_1_0
BilatQuadClass      bilat_query_get_quad_class       (BilatQuery      *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_query_set_quad_class       (BilatQuery      *self,
                                                      BilatQuadClass   quad_class);
BILAT_AVAILABLE_IN_1_0
BilatSector         bilat_query_get_sectors          (BilatQuery      *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_query_set_sectors          (BilatQuery      *self,
                                                      BilatSector      sectors);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_query_get_issue            (BilatQuery      *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_query_set_issue            (BilatQuery      *self,
                                                      const char      *issue);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_query_get_text             (BilatQuery      *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_query_set_text             (BilatQuery      *self,
                                                      const char      *text);
BILAT_AVAILABLE_IN_1_0
gboolean            bilat_query_get_follow_succession (BilatQuery     *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_query_set_follow_succession (BilatQuery     *self,
                                                      gboolean         follow);

BILAT_AVAILABLE_IN_1_0
gboolean            bilat_query_match_event          (BilatQuery      *self,
                                                      BilatStore      *store,
                                                      BilatEvent      *event,
                                                      char           **note);
BILAT_AVAILABLE_IN_1_0
gboolean            bilat_query_match_position       (BilatQuery      *self,
                                                      BilatStore      *store,
                                                      BilatPosition   *position);

BILAT_AVAILABLE_IN_1_0
GListModel         *bilat_store_find_events          (BilatStore      *self,
                                                      BilatQuery      *query);
BILAT_AVAILABLE_IN_1_0
GListModel         *bilat_store_find_positions       (BilatStore      *self,
                                                      BilatQuery      *query);

G_END_DECLS
