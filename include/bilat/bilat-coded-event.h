/* bilat-coded-event.h: events read from machine-coded event data
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include "bilat-event.h"

G_BEGIN_DECLS

/**
 * BilatEventFormat:
 * @BILAT_EVENT_FORMAT_AUTO: not given: tell the format from the content
 * @BILAT_EVENT_FORMAT_GDELT1: GDELT 1.0 events: tab-separated, no header,
 *   58 columns (daily files from 2013-04-01) or 57 (the historical
 *   backfile, without `SOURCEURL`); both may be mixed in one file
 * @BILAT_EVENT_FORMAT_GDELT2: GDELT 2.0 events (the 15-minute `export`
 *   files): tab-separated, no header, 61 columns
 * @BILAT_EVENT_FORMAT_ICEWS: ICEWS coded event data: tab-separated, 20
 *   columns, with a header line; countries are names and `NA` marks a
 *   missing value
 * @BILAT_EVENT_FORMAT_MME: the Multinational Military Exercises dataset
 *   (MME): comma-separated values with a header line that begins with
 *   `MMEID`; its rows become [class@Bilat.Exercise]s, never coded events
 *
 * The layouts of machine-coded event data and research data that
 * libbilat reads, and the dataset a [class@Bilat.CodedEvent] comes from
 * (one of the first four).
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_EVENT_FORMAT_AUTO,
  BILAT_EVENT_FORMAT_GDELT1,
  BILAT_EVENT_FORMAT_GDELT2,
  BILAT_EVENT_FORMAT_ICEWS,
  BILAT_EVENT_FORMAT_MME,
} BilatEventFormat;

#define BILAT_TYPE_CODED_EVENT (bilat_coded_event_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatCodedEvent, bilat_coded_event, BILAT, CODED_EVENT, BilatEvent)

BILAT_AVAILABLE_IN_1_0
BilatCodedEvent  *bilat_coded_event_new              (const char       *id,
                                                      BilatEventFormat  dataset);
BILAT_AVAILABLE_IN_1_0
BilatEventFormat  bilat_coded_event_get_dataset      (BilatCodedEvent  *self);

BILAT_AVAILABLE_IN_1_0
const char       *bilat_coded_event_get_actor1_code  (BilatCodedEvent  *self);
BILAT_AVAILABLE_IN_1_0
void              bilat_coded_event_set_actor1_code  (BilatCodedEvent  *self,
                                                      const char       *code);
BILAT_AVAILABLE_IN_1_0
const char       *bilat_coded_event_get_actor1_name  (BilatCodedEvent  *self);
BILAT_AVAILABLE_IN_1_0
void              bilat_coded_event_set_actor1_name  (BilatCodedEvent  *self,
                                                      const char       *name);
BILAT_AVAILABLE_IN_1_0
const char       *bilat_coded_event_get_actor1_types (BilatCodedEvent  *self);
BILAT_AVAILABLE_IN_1_0
void              bilat_coded_event_set_actor1_types (BilatCodedEvent  *self,
                                                      const char       *types);
BILAT_AVAILABLE_IN_1_0
const char       *bilat_coded_event_get_actor2_code  (BilatCodedEvent  *self);
BILAT_AVAILABLE_IN_1_0
void              bilat_coded_event_set_actor2_code  (BilatCodedEvent  *self,
                                                      const char       *code);
BILAT_AVAILABLE_IN_1_0
const char       *bilat_coded_event_get_actor2_name  (BilatCodedEvent  *self);
BILAT_AVAILABLE_IN_1_0
void              bilat_coded_event_set_actor2_name  (BilatCodedEvent  *self,
                                                      const char       *name);
BILAT_AVAILABLE_IN_1_0
const char       *bilat_coded_event_get_actor2_types (BilatCodedEvent  *self);
BILAT_AVAILABLE_IN_1_0
void              bilat_coded_event_set_actor2_types (BilatCodedEvent  *self,
                                                      const char       *types);

BILAT_AVAILABLE_IN_1_0
gboolean          bilat_coded_event_get_root_event   (BilatCodedEvent  *self);
BILAT_AVAILABLE_IN_1_0
void              bilat_coded_event_set_root_event   (BilatCodedEvent  *self,
                                                      gboolean          root_event);
BILAT_AVAILABLE_IN_1_0
guint             bilat_coded_event_get_mentions     (BilatCodedEvent  *self);
BILAT_AVAILABLE_IN_1_0
void              bilat_coded_event_set_mentions     (BilatCodedEvent  *self,
                                                      guint             mentions);
BILAT_AVAILABLE_IN_1_0
guint             bilat_coded_event_get_sources      (BilatCodedEvent  *self);
BILAT_AVAILABLE_IN_1_0
void              bilat_coded_event_set_sources      (BilatCodedEvent  *self,
                                                      guint             sources);
BILAT_AVAILABLE_IN_1_0
guint             bilat_coded_event_get_articles     (BilatCodedEvent  *self);
BILAT_AVAILABLE_IN_1_0
void              bilat_coded_event_set_articles     (BilatCodedEvent  *self,
                                                      guint             articles);
BILAT_AVAILABLE_IN_1_0
double            bilat_coded_event_get_tone         (BilatCodedEvent  *self);
BILAT_AVAILABLE_IN_1_0
void              bilat_coded_event_set_tone         (BilatCodedEvent  *self,
                                                      double            tone);
BILAT_AVAILABLE_IN_1_0
const char       *bilat_coded_event_get_url          (BilatCodedEvent  *self);
BILAT_AVAILABLE_IN_1_0
void              bilat_coded_event_set_url          (BilatCodedEvent  *self,
                                                      const char       *url);
BILAT_AVAILABLE_IN_1_0
BilatDate        *bilat_coded_event_get_date_added   (BilatCodedEvent  *self);
BILAT_AVAILABLE_IN_1_0
void              bilat_coded_event_set_date_added   (BilatCodedEvent  *self,
                                                      BilatDate        *date);

G_END_DECLS
