/* bilat-store.h: the container of sources, actors, issues, events and positions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include <gio/gio.h>

#include "bilat-version-macros.h"
#include "bilat-record.h"
#include "bilat-source.h"
#include "bilat-actor.h"
#include "bilat-issue.h"
#include "bilat-event.h"
#include "bilat-exercise.h"
#include "bilat-position.h"
#include "bilat-format.h"

G_BEGIN_DECLS

/**
 * BILAT_STORE_ERROR:
 *
 * The error domain of [class@Bilat.Store] operations. Errors in this domain
 * are from the [error@Bilat.StoreError] enumeration.
 *
 * Since: 1.0
 */
#define BILAT_STORE_ERROR (bilat_store_error_quark ())

/**
 * BilatStoreError:
 * @BILAT_STORE_ERROR_DUPLICATE_ID: a record of the same kind with that id is
 *   already in the store
 * @BILAT_STORE_ERROR_DUPLICATE_ALIAS: an actor's alias already names another
 *   actor of the store
 * @BILAT_STORE_ERROR_NOT_FOUND: no record of that kind has the id
 * @BILAT_STORE_ERROR_INVALID_RECORD: the record cannot be stored (an
 *   unsupported record type)
 * @BILAT_STORE_ERROR_UNKNOWN_DATASET: no built-in dataset has that name
 *
 * Error codes of the %BILAT_STORE_ERROR domain.
 *
 * Since: 1.0
 */
typedef enum {
  BILAT_STORE_ERROR_DUPLICATE_ID,
  BILAT_STORE_ERROR_DUPLICATE_ALIAS,
  BILAT_STORE_ERROR_NOT_FOUND,
  BILAT_STORE_ERROR_INVALID_RECORD,
  BILAT_STORE_ERROR_UNKNOWN_DATASET,
} BilatStoreError;

#define BILAT_TYPE_STORE (bilat_store_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatStore, bilat_store, BILAT, STORE, GObject)

BILAT_AVAILABLE_IN_1_0
GQuark         bilat_store_error_quark     (void);

BILAT_AVAILABLE_IN_1_0
BilatStore    *bilat_store_new             (void);

BILAT_AVAILABLE_IN_1_0
gboolean       bilat_store_add             (BilatStore   *self,
                                            BilatRecord  *record,
                                            GError      **error);
BILAT_AVAILABLE_IN_1_0
gboolean       bilat_store_remove          (BilatStore   *self,
                                            BilatRecord  *record,
                                            GError      **error);
BILAT_AVAILABLE_IN_1_0
void           bilat_store_clear           (BilatStore   *self);

BILAT_AVAILABLE_IN_1_0
BilatSource   *bilat_store_lookup_source   (BilatStore   *self,
                                            const char   *id);
BILAT_AVAILABLE_IN_1_0
BilatActor    *bilat_store_lookup_actor    (BilatStore   *self,
                                            const char   *id_or_alias);
BILAT_AVAILABLE_IN_1_0
BilatIssue    *bilat_store_lookup_issue    (BilatStore   *self,
                                            const char   *id);
BILAT_AVAILABLE_IN_1_0
BilatEvent    *bilat_store_lookup_event    (BilatStore   *self,
                                            const char   *id);
BILAT_AVAILABLE_IN_1_0
BilatPosition *bilat_store_lookup_position (BilatStore   *self,
                                            const char   *id);

BILAT_AVAILABLE_IN_1_0
GListModel    *bilat_store_get_sources     (BilatStore   *self);
BILAT_AVAILABLE_IN_1_0
GListModel    *bilat_store_get_actors      (BilatStore   *self);
BILAT_AVAILABLE_IN_1_0
GListModel    *bilat_store_get_issues      (BilatStore   *self);
BILAT_AVAILABLE_IN_1_0
GListModel    *bilat_store_get_events      (BilatStore   *self);
BILAT_AVAILABLE_IN_1_0
GListModel    *bilat_store_get_positions   (BilatStore   *self);

BILAT_AVAILABLE_IN_1_0
BilatStore    *bilat_store_new_builtin     (const char   *name,
                                            GError      **error);
BILAT_AVAILABLE_IN_1_0
const char * const *bilat_store_get_builtin_names (void);

BILAT_AVAILABLE_IN_1_0
gboolean       bilat_store_load_from_data  (BilatStore   *self,
                                            const char   *data,
                                            gssize        length,
                                            GError      **error);
BILAT_AVAILABLE_IN_1_0
gboolean       bilat_store_load_from_stream (BilatStore  *self,
                                            GInputStream *stream,
                                            GCancellable *cancellable,
                                            GError      **error);
BILAT_AVAILABLE_IN_1_0
gboolean       bilat_store_load_from_file  (BilatStore   *self,
                                            GFile        *file,
                                            GCancellable *cancellable,
                                            GError      **error);
BILAT_AVAILABLE_IN_1_0
void           bilat_store_new_from_file_async  (GFile               *file,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
BILAT_AVAILABLE_IN_1_0
BilatStore    *bilat_store_new_from_file_finish (GAsyncResult        *result,
                                                 GError             **error);
BILAT_AVAILABLE_IN_1_0
gboolean       bilat_store_load_from_path  (BilatStore   *self,
                                            const char   *path,
                                            GError      **error);
BILAT_AVAILABLE_IN_1_0
GPtrArray     *bilat_store_check           (BilatStore   *self);
BILAT_AVAILABLE_IN_1_0
char          *bilat_store_save_to_data    (BilatStore   *self,
                                            gsize        *length,
                                            GError      **error);
BILAT_AVAILABLE_IN_1_0
gboolean       bilat_store_save_to_file    (BilatStore   *self,
                                            GFile        *file,
                                            GCancellable *cancellable,
                                            GError      **error);
BILAT_AVAILABLE_IN_1_0
void           bilat_store_save_to_file_async  (BilatStore          *self,
                                                GFile               *file,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
BILAT_AVAILABLE_IN_1_0
gboolean       bilat_store_save_to_file_finish (BilatStore          *self,
                                                GAsyncResult        *result,
                                                GError             **error);
BILAT_AVAILABLE_IN_1_0
gboolean       bilat_store_save_to_path    (BilatStore   *self,
                                            const char   *path,
                                            GError      **error);
BILAT_AVAILABLE_IN_1_0
const GError  *bilat_store_get_damage      (BilatStore   *self);
BILAT_AVAILABLE_IN_1_0
gboolean       bilat_store_save_to_native_file (BilatStore   *self,
                                            GFile        *file,
                                            GCancellable *cancellable,
                                            GError      **error);

G_END_DECLS
