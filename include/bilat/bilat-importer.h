/* bilat-importer.h: the settings of reading event data, and the readings
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__BILAT_INSIDE__) && !defined(BILAT_COMPILATION)
# error "Only <bilat/bilat.h> can be included directly."
#endif

#include <gio/gio.h>

#include "bilat-version-macros.h"
#include "bilat-import.h"
#include "bilat-panel.h"

G_BEGIN_DECLS

#define BILAT_TYPE_IMPORTER (bilat_importer_get_type ())

BILAT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (BilatImporter, bilat_importer, BILAT, IMPORTER, GObject)

BILAT_AVAILABLE_IN_1_0
BilatImporter     *bilat_importer_new                               (void);

BILAT_AVAILABLE_IN_1_0
BilatEventFormat   bilat_importer_get_format                        (BilatImporter       *self);
BILAT_AVAILABLE_IN_1_0
void               bilat_importer_set_format                        (BilatImporter       *self,
                                                                     BilatEventFormat     format);
BILAT_AVAILABLE_IN_1_0
BilatQuery        *bilat_importer_get_query                         (BilatImporter       *self);
BILAT_AVAILABLE_IN_1_0
void               bilat_importer_set_query                         (BilatImporter       *self,
                                                                     BilatQuery          *query);
BILAT_AVAILABLE_IN_1_0
BilatImportFlags   bilat_importer_get_flags                         (BilatImporter       *self);
BILAT_AVAILABLE_IN_1_0
void               bilat_importer_set_flags                         (BilatImporter       *self,
                                                                     BilatImportFlags     flags);
BILAT_AVAILABLE_IN_1_0
guint              bilat_importer_get_threads                       (BilatImporter       *self);
BILAT_AVAILABLE_IN_1_0
void               bilat_importer_set_threads                       (BilatImporter       *self,
                                                                     guint                threads);
BILAT_AVAILABLE_IN_1_0
GCancellable      *bilat_importer_get_cancellable                   (BilatImporter       *self);
BILAT_AVAILABLE_IN_1_0
void               bilat_importer_set_cancellable                   (BilatImporter       *self,
                                                                     GCancellable        *cancellable);

BILAT_AVAILABLE_IN_1_0
BilatImportReport *bilat_importer_import                            (BilatImporter       *self,
                                                                     BilatStore          *store,
                                                                     GFile              **files,
                                                                     guint                n_files,
                                                                     GError             **error);
BILAT_AVAILABLE_IN_1_0
void               bilat_importer_import_async                      (BilatImporter       *self,
                                                                     BilatStore          *store,
                                                                     GFile              **files,
                                                                     guint                n_files,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
BILAT_AVAILABLE_IN_1_0
BilatImportReport *bilat_importer_import_finish                     (BilatImporter       *self,
                                                                     GAsyncResult        *result,
                                                                     GError             **error);

BILAT_AVAILABLE_IN_1_0
BilatImportReport *bilat_importer_import_to_file                    (BilatImporter       *self,
                                                                     GFile              **files,
                                                                     guint                n_files,
                                                                     GFile               *output,
                                                                     GError             **error);
BILAT_AVAILABLE_IN_1_0
void               bilat_importer_import_to_file_async              (BilatImporter       *self,
                                                                     GFile              **files,
                                                                     guint                n_files,
                                                                     GFile               *output,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
BILAT_AVAILABLE_IN_1_0
BilatImportReport *bilat_importer_import_to_file_finish             (BilatImporter       *self,
                                                                     GAsyncResult        *result,
                                                                     GError             **error);

BILAT_AVAILABLE_IN_1_0
BilatImportReport *bilat_importer_import_stream                     (BilatImporter       *self,
                                                                     BilatStore          *store,
                                                                     GInputStream        *stream,
                                                                     const char          *name,
                                                                     GError             **error);
BILAT_AVAILABLE_IN_1_0
void               bilat_importer_import_stream_async               (BilatImporter       *self,
                                                                     BilatStore          *store,
                                                                     GInputStream        *stream,
                                                                     const char          *name,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
BILAT_AVAILABLE_IN_1_0
BilatImportReport *bilat_importer_import_stream_finish              (BilatImporter       *self,
                                                                     GAsyncResult        *result,
                                                                     GError             **error);

BILAT_AVAILABLE_IN_1_0
BilatSeries       *bilat_importer_compute_series                    (BilatImporter       *self,
                                                                     GFile              **files,
                                                                     guint                n_files,
                                                                     BilatSeriesUnit      unit,
                                                                     BilatImportReport  **report,
                                                                     GError             **error);
BILAT_AVAILABLE_IN_1_0
void               bilat_importer_compute_series_async              (BilatImporter       *self,
                                                                     GFile              **files,
                                                                     guint                n_files,
                                                                     BilatSeriesUnit      unit,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
BILAT_AVAILABLE_IN_1_0
BilatSeries       *bilat_importer_compute_series_finish             (BilatImporter       *self,
                                                                     GAsyncResult        *result,
                                                                     BilatImportReport  **report,
                                                                     GError             **error);

BILAT_AVAILABLE_IN_1_0
BilatSeries       *bilat_importer_compute_series_from_stream        (BilatImporter       *self,
                                                                     GInputStream        *stream,
                                                                     const char          *name,
                                                                     BilatSeriesUnit      unit,
                                                                     BilatImportReport  **report,
                                                                     GError             **error);
BILAT_AVAILABLE_IN_1_0
void               bilat_importer_compute_series_from_stream_async  (BilatImporter       *self,
                                                                     GInputStream        *stream,
                                                                     const char          *name,
                                                                     BilatSeriesUnit      unit,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
BILAT_AVAILABLE_IN_1_0
BilatSeries       *bilat_importer_compute_series_from_stream_finish (BilatImporter       *self,
                                                                     GAsyncResult        *result,
                                                                     BilatImportReport  **report,
                                                                     GError             **error);

BILAT_AVAILABLE_IN_1_0
BilatPanel        *bilat_importer_build_panel                       (BilatImporter       *self,
                                                                     BilatStore          *store,
                                                                     BilatPanelSettings  *settings,
                                                                     GFile              **files,
                                                                     guint                n_files,
                                                                     BilatImportReport  **report,
                                                                     GError             **error);
BILAT_AVAILABLE_IN_1_0
void               bilat_importer_build_panel_async                 (BilatImporter       *self,
                                                                     BilatStore          *store,
                                                                     BilatPanelSettings  *settings,
                                                                     GFile              **files,
                                                                     guint                n_files,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
BILAT_AVAILABLE_IN_1_0
BilatPanel        *bilat_importer_build_panel_finish                (BilatImporter       *self,
                                                                     GAsyncResult        *result,
                                                                     BilatImportReport  **report,
                                                                     GError             **error);

G_END_DECLS
