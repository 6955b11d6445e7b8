/* bilat-source.h: a document that facts are taken from
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include "bilat-record.h"
#include "bilat-date.h"

G_BEGIN_DECLS

#define BILAT_TYPE_SOURCE (bilat_source_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatSource, bilat_source, BILAT, SOURCE, BilatRecord)

BILAT_AVAILABLE_IN_1_0
BilatSource *bilat_source_new            (const char  *id);
BILAT_AVAILABLE_IN_1_0
const char  *bilat_source_get_title      (BilatSource *self);
BILAT_AVAILABLE_IN_1_0
void         bilat_source_set_title      (BilatSource *self,
                                          const char  *title);
BILAT_AVAILABLE_IN_1_0
const char  *bilat_source_get_author     (BilatSource *self);
BILAT_AVAILABLE_IN_1_0
void         bilat_source_set_author     (BilatSource *self,
                                          const char  *author);
BILAT_AVAILABLE_IN_1_0
const char  *bilat_source_get_publisher  (BilatSource *self);
BILAT_AVAILABLE_IN_1_0
void         bilat_source_set_publisher  (BilatSource *self,
                                          const char  *publisher);
BILAT_AVAILABLE_IN_1_0
BilatDate   *bilat_source_get_published  (BilatSource *self);
BILAT_AVAILABLE_IN_1_0
void         bilat_source_set_published  (BilatSource *self,
                                          BilatDate   *published);
BILAT_AVAILABLE_IN_1_0
const char  *bilat_source_get_url        (BilatSource *self);
BILAT_AVAILABLE_IN_1_0
void         bilat_source_set_url        (BilatSource *self,
                                          const char  *url);

G_END_DECLS
