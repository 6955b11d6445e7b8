/* bilat-actor.h: states, organisations, persons and groups
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include "bilat-record.h"

G_BEGIN_DECLS

/**
 * BilatActorKind:
 * @BILAT_ACTOR_KIND_STATE: a sovereign state, present or historic; its id is
 *   an ISO 3166-1 or ISO 3166-3 alpha-3 code
 * @BILAT_ACTOR_KIND_ORGANISATION: an international or domestic organisation
 * @BILAT_ACTOR_KIND_PERSON: a person
 * @BILAT_ACTOR_KIND_GROUP: a non-state group (armed, political, ethnic …)
 *
 * What kind of actor a [class@Bilat.Actor] is.
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_ACTOR_KIND_STATE,
  BILAT_ACTOR_KIND_ORGANISATION,
  BILAT_ACTOR_KIND_PERSON,
  BILAT_ACTOR_KIND_GROUP,
} BilatActorKind;

#define BILAT_TYPE_ACTOR (bilat_actor_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatActor, bilat_actor, BILAT, ACTOR, BilatRecord)

BILAT_AVAILABLE_IN_1_0
BilatActor         *bilat_actor_new             (const char         *id,
                                                 BilatActorKind      kind);
BILAT_AVAILABLE_IN_1_0
BilatActorKind      bilat_actor_get_kind        (BilatActor         *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_actor_set_kind        (BilatActor         *self,
                                                 BilatActorKind      kind);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_actor_get_name        (BilatActor         *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_actor_set_name        (BilatActor         *self,
                                                 const char         *name);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_actor_get_own_name    (BilatActor         *self);
BILAT_AVAILABLE_IN_1_0
const char * const *bilat_actor_get_aliases     (BilatActor         *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_actor_set_aliases     (BilatActor         *self,
                                                 const char * const *aliases);
BILAT_AVAILABLE_IN_1_0
void                bilat_actor_add_alias       (BilatActor         *self,
                                                 const char         *alias);
BILAT_AVAILABLE_IN_1_0
gboolean            bilat_actor_has_alias       (BilatActor         *self,
                                                 const char         *alias);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_actor_get_affiliation (BilatActor         *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_actor_set_affiliation (BilatActor         *self,
                                                 const char         *affiliation);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_actor_get_speaks_for  (BilatActor         *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_actor_set_speaks_for  (BilatActor         *self,
                                                 const char         *speaks_for);
BILAT_AVAILABLE_IN_1_0
const char         *bilat_actor_get_predecessor (BilatActor         *self);
BILAT_AVAILABLE_IN_1_0
void                bilat_actor_set_predecessor (BilatActor         *self,
                                                 const char         *predecessor);

G_END_DECLS
