/* bilat-event.h: dated events between actors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include "bilat-record.h"
#include "bilat-date.h"
#include "bilat-place.h"
#include "bilat-cameo.h"

G_BEGIN_DECLS

/**
 * BilatRole:
 * @BILAT_ROLE_PARTICIPANT: takes part, without a direction (the default)
 * @BILAT_ROLE_INITIATOR: acts (CAMEO's "actor 1": who does, says, offers)
 * @BILAT_ROLE_TARGET: is acted upon (CAMEO's "actor 2")
 * @BILAT_ROLE_MEDIATOR: mediates between other participants
 *
 * The part an actor plays in a [class@Bilat.Event].
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_ROLE_PARTICIPANT,
  BILAT_ROLE_INITIATOR,
  BILAT_ROLE_TARGET,
  BILAT_ROLE_MEDIATOR,
} BilatRole;

/**
 * BilatSector:
 * @BILAT_SECTOR_NONE: no sector
 * @BILAT_SECTOR_DEFENCE: armed forces, exercises, arms
 * @BILAT_SECTOR_SECURITY: counter-terrorism, intelligence, policing
 * @BILAT_SECTOR_ENERGY: oil, gas, power, pipelines
 * @BILAT_SECTOR_ECONOMY: aid, finance, investment, development
 * @BILAT_SECTOR_TRADE: trade in goods and services
 * @BILAT_SECTOR_DIPLOMACY: relations, visits, summits, mediation
 * @BILAT_SECTOR_CULTURE: culture and people-to-people contact
 * @BILAT_SECTOR_SCIENCE: science and technology
 * @BILAT_SECTOR_EDUCATION: education and student exchange
 * @BILAT_SECTOR_TELECOM: telecommunication
 * @BILAT_SECTOR_SPACE: space technology
 * @BILAT_SECTOR_INDUSTRY: industrial production (steel …)
 *
 * The fields an event or a position concerns; a flags type, so an event can
 * be in several sectors.
 *
 * Since: 1.0
 */
typedef enum /*< flags >*/ {
  BILAT_SECTOR_NONE = 0,
  BILAT_SECTOR_DEFENCE = 1 << 0,
  BILAT_SECTOR_SECURITY = 1 << 1,
  BILAT_SECTOR_ENERGY = 1 << 2,
  BILAT_SECTOR_ECONOMY = 1 << 3,
  BILAT_SECTOR_TRADE = 1 << 4,
  BILAT_SECTOR_DIPLOMACY = 1 << 5,
  BILAT_SECTOR_CULTURE = 1 << 6,
  BILAT_SECTOR_SCIENCE = 1 << 7,
  BILAT_SECTOR_EDUCATION = 1 << 8,
  BILAT_SECTOR_TELECOM = 1 << 9,
  BILAT_SECTOR_SPACE = 1 << 10,
  BILAT_SECTOR_INDUSTRY = 1 << 11,
} BilatSector;

#define BILAT_TYPE_PARTICIPANT (bilat_participant_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatParticipant, bilat_participant, BILAT, PARTICIPANT, GObject)

BILAT_AVAILABLE_IN_1_0
BilatParticipant *bilat_participant_new       (const char             *actor,
                                               BilatRole               role);
BILAT_AVAILABLE_IN_1_0
const char       *bilat_participant_get_actor (const BilatParticipant *self);
BILAT_AVAILABLE_IN_1_0
BilatRole         bilat_participant_get_role  (const BilatParticipant *self);

#define BILAT_TYPE_EVENT (bilat_event_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_DERIVABLE_TYPE (BilatEvent, bilat_event, BILAT, EVENT, BilatRecord)

/**
 * BilatEventClass:
 * @parent_class: the parent class
 *
 * The class structure of [class@Bilat.Event]. Subclasses such as
 * [class@Bilat.Exercise] add attributes of their own.
 *
 * Since: 1.0
 */
struct _BilatEventClass
{
  BilatRecordClass parent_class;

  /*< private >*/
  gpointer _reserved[8];
};

BILAT_AVAILABLE_IN_1_0
BilatEvent  *bilat_event_new               (const char  *id);
BILAT_AVAILABLE_IN_1_0
BilatDate   *bilat_event_get_date          (BilatEvent  *self);
BILAT_AVAILABLE_IN_1_0
void         bilat_event_set_date          (BilatEvent  *self,
                                            BilatDate   *date);
BILAT_AVAILABLE_IN_1_0
const char  *bilat_event_get_title         (BilatEvent  *self);
BILAT_AVAILABLE_IN_1_0
void         bilat_event_set_title         (BilatEvent  *self,
                                            const char  *title);
BILAT_AVAILABLE_IN_1_0
const char  *bilat_event_get_summary       (BilatEvent  *self);
BILAT_AVAILABLE_IN_1_0
void         bilat_event_set_summary       (BilatEvent  *self,
                                            const char  *summary);
BILAT_AVAILABLE_IN_1_0
BilatPlace  *bilat_event_get_place         (BilatEvent  *self);
BILAT_AVAILABLE_IN_1_0
void         bilat_event_set_place         (BilatEvent  *self,
                                            BilatPlace  *place);
BILAT_AVAILABLE_IN_1_0
BilatSector  bilat_event_get_sectors       (BilatEvent  *self);
BILAT_AVAILABLE_IN_1_0
void         bilat_event_set_sectors       (BilatEvent  *self,
                                            BilatSector  sectors);
BILAT_AVAILABLE_IN_1_0
const char  *bilat_event_get_cameo_code    (BilatEvent  *self);
BILAT_AVAILABLE_IN_1_0
void         bilat_event_set_cameo_code    (BilatEvent  *self,
                                            const char  *cameo_code);

BILAT_AVAILABLE_IN_1_0
double       bilat_event_get_goldstein     (BilatEvent  *self);
BILAT_AVAILABLE_IN_1_0
double       bilat_event_get_own_goldstein (BilatEvent  *self);
BILAT_AVAILABLE_IN_1_0
void         bilat_event_set_goldstein     (BilatEvent  *self,
                                            double       goldstein);
BILAT_AVAILABLE_IN_1_0
BilatQuadClass bilat_event_get_quad_class  (BilatEvent  *self);
BILAT_AVAILABLE_IN_1_0
const char  *bilat_event_get_root_code     (BilatEvent  *self);

BILAT_AVAILABLE_IN_1_0
GPtrArray   *bilat_event_get_participants  (BilatEvent  *self);
BILAT_AVAILABLE_IN_1_0
GListModel  *bilat_event_get_participants_model (BilatEvent *self);
BILAT_AVAILABLE_IN_1_0
void         bilat_event_add_participant   (BilatEvent  *self,
                                            const char  *actor,
                                            BilatRole    role);
BILAT_AVAILABLE_IN_1_0
gboolean     bilat_event_remove_participant (BilatEvent *self,
                                            const char  *actor);
BILAT_AVAILABLE_IN_1_0
gboolean     bilat_event_has_participant   (BilatEvent  *self,
                                            const char  *actor,
                                            BilatRole   *role);

BILAT_AVAILABLE_IN_1_0
int          bilat_event_compare           (BilatEvent  *a,
                                            BilatEvent  *b);

G_END_DECLS
