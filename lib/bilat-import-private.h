/* bilat-import-private.h: the parts of the event-data readers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Reading event data is layered:
 *
 * - an input (bilat-import-input.c) turns a file or stream, plain, gzip
 *   or zip, into members (the file itself, or each file of an archive)
 *   and each member into windows of bytes;
 * - the reader (bilat-import-reader.c) cuts windows into rows, tells the
 *   format, rejects rows with a filter compiled from a BilatQuery
 *   (bilat-row-filter.c) while looking at as few columns as it can, and
 *   parses and checks the rows that pass into a BilatRow, handed to a
 *   sink;
 * - rows become events and sources (bilat-row-event.c), or columns of a
 *   segment (bilat-segment.c);
 * - the operations (bilat-import.c) provide the sinks: one counts rows
 *   into a BilatSeries, one builds BilatCodedEvents for a store, and
 *   drop repeated rows with sets of event ids (bilat-id-set.c).
 */

#pragma once

#include <bilat/bilat.h>

G_BEGIN_DECLS

/* Tells how far reading has come: bytes of the input as stored
 * (compressed bytes for compressed data), their total or 0 while not
 * known, rows read. Called at most ten times a second, never decreasing,
 * and a last time when the input has been read, with @bytes_done equal to
 * @bytes_total. BilatImporter::progress is this, as a signal. */
typedef void (*BilatImportProgressFunc) (guint64  bytes_done,
                                         guint64  bytes_total,
                                         guint64  rows,
                                         gpointer user_data);

/* Reports. */

typedef struct
{
  BilatEventFormat format;
  guint            n_files;
  guint64          bytes;
  guint64          rows;
  guint64          matched;
  guint64          kept;
  guint64          bad_rows;
  guint64          duplicates;
  guint64          n_problems;
  /* The smallest and largest number of the ids of the rows kept, per id
   * set: [0] gdelt:, [1] icews:; has_ids[i] FALSE while none. */
  gboolean         has_ids[2];
  guint64          id_first[2];
  guint64          id_last[2];
} BilatImportCounts;

/* Widens the span of the ids kept by the id of a kept row. */
void                _bilat_import_counts_keep_id  (BilatImportCounts  *counts,
                                                   gboolean            icews,
                                                   guint64             id);

/* The counts of @self, to update in place. */
BilatImportCounts  *_bilat_import_report_counts       (BilatImportReport  *self);

/* Counts @problem and keeps it if fewer than BILAT_IMPORT_MAX_PROBLEMS
 * are kept already. Takes @problem. */
void                _bilat_import_report_take_problem (BilatImportReport  *self,
                                                       BilatProblem       *problem);

/* A problem of %BILAT_IMPORT_ERROR (see _bilat_problem_new_full()). */
BilatProblem       *_bilat_import_problem_new         (BilatImportError    code,
                                                       const char         *file,
                                                       guint64             line,
                                                       guint               column,
                                                       const char         *field,
                                                       const char         *record_id,
                                                       const char         *message);


/* Progress forwarded from worker threads to the thread-default main
 * context of the thread that made the relay. _bilat_progress_relay_push is
 * a BilatImportProgressFunc, for any thread, with the relay as its data;
 * @func (if not NULL) is called in the context, at most once per
 * iteration, with the latest figures. _bilat_progress_relay_finish, in
 * the context, delivers figures still queued and stops the deliveries. */
typedef struct _BilatProgressRelay BilatProgressRelay;

BilatProgressRelay *_bilat_progress_relay_new    (BilatImportProgressFunc  func,
                                                  gpointer                 data,
                                                  GDestroyNotify           destroy);
void                _bilat_progress_relay_unref  (BilatProgressRelay      *self);
void                _bilat_progress_relay_push   (guint64                  bytes,
                                                  guint64                  total,
                                                  guint64                  rows,
                                                  gpointer                 relay);
void                _bilat_progress_relay_finish (BilatProgressRelay      *self);

/* The operations of a BilatImporter, with its settings as arguments.
 * Imports read their input whole before they change the store, and leave
 * it as it was on an error or a cancellation; @name names a stream in
 * messages (NULL: "(stream)"). */
BilatImportReport *_bilat_store_import_files        (BilatStore              *self,
                                                     GFile                  **files,
                                                     guint                    n_files,
                                                     BilatEventFormat         format,
                                                     BilatQuery              *query,
                                                     BilatImportFlags         flags,
                                                     GCancellable            *cancellable,
                                                     BilatImportProgressFunc  progress,
                                                     gpointer                 progress_data,
                                                     GError                 **error);
BilatImportReport *_bilat_import_files_to_native    (GFile                  **files,
                                                     guint                    n_files,
                                                     BilatEventFormat         format,
                                                     BilatQuery              *query,
                                                     BilatImportFlags         flags,
                                                     GFile                   *output,
                                                     GCancellable            *cancellable,
                                                     BilatImportProgressFunc  progress,
                                                     gpointer                 progress_data,
                                                     GError                 **error);
BilatImportReport *_bilat_store_import_stream       (BilatStore              *self,
                                                     GInputStream            *stream,
                                                     const char              *name,
                                                     BilatEventFormat         format,
                                                     BilatQuery              *query,
                                                     BilatImportFlags         flags,
                                                     GCancellable            *cancellable,
                                                     BilatImportProgressFunc  progress,
                                                     gpointer                 progress_data,
                                                     GError                 **error);
/* @n_threads files at once; 0: a thread per processor. */
BilatSeries       *_bilat_series_new_from_files     (GFile                  **files,
                                                     guint                    n_files,
                                                     BilatEventFormat         format,
                                                     BilatQuery              *query,
                                                     BilatSeriesUnit          unit,
                                                     guint                    n_threads,
                                                     BilatImportFlags         flags,
                                                     GCancellable            *cancellable,
                                                     BilatImportProgressFunc  progress,
                                                     gpointer                 progress_data,
                                                     BilatImportReport      **report,
                                                     GError                 **error);
BilatSeries       *_bilat_series_new_from_stream    (GInputStream            *stream,
                                                     const char              *name,
                                                     BilatEventFormat         format,
                                                     BilatQuery              *query,
                                                     BilatSeriesUnit          unit,
                                                     BilatImportFlags         flags,
                                                     GCancellable            *cancellable,
                                                     BilatImportProgressFunc  progress,
                                                     gpointer                 progress_data,
                                                     BilatImportReport      **report,
                                                     GError                 **error);

/* Counting rows without keeping them: each file is counted into a part
 * of its own (@part_new with @data), which takes each row the query
 * selects, once per event id (@part_add, from the thread that reads the
 * file: parts are never shared, @data is only read); the parts are folded
 * into one in the order of the files (@part_merge, in the calling
 * thread). */
typedef struct _BilatRow BilatRow;

typedef struct
{
  gpointer       (*part_new) (gpointer        data);
  void           (*part_add) (gpointer        part,
                              const BilatRow *row);
  void           (*part_merge) (gpointer      into,
                                gpointer      part);
  GDestroyNotify   part_free;
  gpointer         data;
} BilatRowCounter;

/* Reads @files (@n_threads at once; 0: a thread per processor) into a
 * part each, folded into one in the order of the files as soon as the
 * files before are (the parts of files long read are not kept), and
 * returns it, with the merged report in @report; on an error or a
 * cancellation NULL, with @error set. A file that shares event ids with
 * the files before it is read again after them, so that the result does
 * not depend on the threads. */
gpointer           _bilat_count_files               (GFile                  **files,
                                                     guint                    n_files,
                                                     BilatEventFormat         format,
                                                     BilatQuery              *query,
                                                     guint                    n_threads,
                                                     BilatImportFlags         flags,
                                                     const BilatRowCounter   *counter,
                                                     GCancellable            *cancellable,
                                                     BilatImportProgressFunc  progress,
                                                     gpointer                 progress_data,
                                                     BilatImportReport      **report,
                                                     GError                 **error);

/* Reads the files one after another in one worker thread, or @stream
 * when it is not NULL, into a pending import committed in the caller's
 * main context; @progress is called there too. Finished with
 * _bilat_store_import_finish(). */
void               _bilat_store_import_async        (BilatStore              *self,
                                                     GFile                  **files,
                                                     guint                    n_files,
                                                     GInputStream            *stream,
                                                     const char              *name,
                                                     BilatEventFormat         format,
                                                     BilatQuery              *query,
                                                     BilatImportFlags         flags,
                                                     GCancellable            *cancellable,
                                                     BilatImportProgressFunc  progress,
                                                     gpointer                 progress_data,
                                                     GDestroyNotify           progress_data_destroy,
                                                     GAsyncReadyCallback      callback,
                                                     gpointer                 user_data);
BilatImportReport *_bilat_store_import_finish       (BilatStore              *self,
                                                     GAsyncResult            *result,
                                                     GError                 **error);

/* Inputs. */

typedef struct _BilatInput BilatInput;

BilatInput *_bilat_input_new_for_file   (GFile         *file,
                                         GCancellable  *cancellable,
                                         GError       **error);
/* @name names the stream in messages. */
BilatInput *_bilat_input_new_for_stream (GInputStream  *stream,
                                         const char    *name,
                                         GCancellable  *cancellable,
                                         GError       **error);
void        _bilat_input_free           (BilatInput    *self);

/* Moves to the next member. Returns FALSE at the end or on error (with
 * @error set); otherwise *name is the member's name for messages (the
 * file's, or `archive.zip(entry.CSV)`), valid until the next call. */
gboolean    _bilat_input_next_member    (BilatInput    *self,
                                         const char   **name,
                                         GError       **error);

/* The next window of the current member: what the last one left
 * unconsumed, followed by new bytes when there are any. *at_end is TRUE
 * when the member has no more bytes, so that the window is all that is
 * left of it. A window can be no longer than the input's capacity: one
 * that is full and unconsumed cannot grow. Returns FALSE on error. */
gboolean    _bilat_input_fill           (BilatInput    *self,
                                         const char   **data,
                                         gsize         *length,
                                         gboolean      *at_end,
                                         GError       **error);

/* Marks the first @n bytes of the current window as used. */
void        _bilat_input_consume        (BilatInput    *self,
                                         gsize          n);

/* Bytes of the file or stream read so far (compressed bytes for
 * compressed data), and its size, or 0 when it is not known. */
guint64     _bilat_input_get_bytes_read (BilatInput    *self);
guint64     _bilat_input_get_size       (BilatInput    *self);

/* Rows. */

#define _BILAT_MAX_COLUMNS 64
/* Entries after the last that cutting a line may write over (it writes
 * the columns of a block four at a time). */
#define _BILAT_COLUMN_SLACK 4

/* A field's text is in the input's buffer, after which there are always
 * at least eight bytes that may be read (set, though not part of the
 * data): the parsers read eight bytes at a time, and use only those
 * within the field. */
typedef struct
{
  const char *text;
  gsize       length;
} BilatField;

/* A row that passed the filter, parsed and checked. The fields point into
 * the input's window: valid during the sink's call only. */
struct _BilatRow
{
  BilatEventFormat  format;
  const char       *file;
  guint64           line;
  guint             n_columns;
  BilatField        columns[_BILAT_MAX_COLUMNS + _BILAT_COLUMN_SLACK];
  gboolean          plain;           /* the line is ASCII without NUL: its
                                      * text needs no check */

  guint64           id;
  const char       *id_prefix;       /* "gdelt" or "icews" */
  int               year;
  int               month;
  int               day;
  char              code[5];         /* CAMEO event code; "" when none */
  double            goldstein;       /* the file's, else the table's, else NaN */
  gboolean          goldstein_given; /* the file has a score */
  BilatQuadClass    quad_class;      /* from the code */
  const char       *actor1;          /* participant ids, or NULL */
  const char       *actor2;
  char              actor_buffers[2][16];

  /* Place: the action's. */
  gboolean          has_place;
  BilatField        place_name;      /* GDELT: the full name; ICEWS: empty */
  BilatField        place_span;      /* GDELT: the line from the full name to
                                      * the longitude, all the place is made
                                      * of but the day; else empty */
  const char       *place_country;   /* ISO alpha-3, or NULL */
  gboolean          has_coordinates;
  double            latitude;
  double            longitude;

  /* GDELT's figures; 0 or NaN when absent. */
  gboolean          root_event;
  guint             mentions;
  guint             sources;
  guint             articles;
  double            tone;
  int               added_year;      /* 0: no DATEADDED */
  int               added_month;
  int               added_day;
};

/* Reading. */

typedef struct _BilatReader BilatReader;

/* Called for every row that passes the filter and is well formed. A sink
 * that finds a problem with the row reports it with
 * _bilat_reader_problem(); returning FALSE (with @error set) stops. */
typedef gboolean (*BilatRowFunc)  (BilatReader  *reader,
                                   BilatRow     *row,
                                   gpointer      user_data,
                                   GError      **error);

/* Called after every window with the bytes of the input read and the rows
 * read so far by this reader. */
typedef void     (*BilatReadProgressFunc) (guint64  bytes_read,
                                           guint64  rows,
                                           gpointer user_data);

/* Called for every exercise of MME data (@exercise: transfer none), with
 * where its row begins; returning FALSE (with @error set) stops. */
typedef gboolean (*BilatExerciseFunc) (BilatExercise  *exercise,
                                       const char     *file,
                                       guint64         line,
                                       gpointer        user_data,
                                       GError        **error);

typedef struct
{
  BilatEventFormat        format;
  const struct _BilatRowFilter *filter; /* NULL: every row */
  BilatImportFlags        flags;
  BilatRowFunc            row_func;
  gpointer                row_data;
  BilatReadProgressFunc   progress;
  gpointer                progress_data;
  BilatExerciseFunc       exercise_func; /* NULL: MME data is refused */
  gpointer                exercise_data;
} BilatReadOptions;

/* Reads every member of @input, counting into @report. */
gboolean    _bilat_read_events          (BilatInput             *input,
                                         const BilatReadOptions *options,
                                         BilatImportReport      *report,
                                         GCancellable           *cancellable,
                                         GError                **error);

/* Reports a problem with @row, at @column (-1: the row as a whole). In
 * strict mode, returns FALSE with the problem as @error; else counts it
 * and returns TRUE. */
gboolean    _bilat_reader_problem       (BilatReader      *reader,
                                         const BilatRow   *row,
                                         BilatImportError  code,
                                         int               column,
                                         const char       *message,
                                         GError          **error);

/* The counts of the report @reader counts into. */
BilatImportCounts *_bilat_reader_counts (BilatReader    *reader);

/* MME (bilat-import-mme.c). */

/* Whether the @length bytes at @p are the header line of MME. */
gboolean    _bilat_mme_is_header        (const char             *p,
                                         gsize                   length);
/* Reads what is left of the member @input is in, from the header line
 * (line @first_line) on, handing each exercise to the options'
 * exercise_func. */
gboolean    _bilat_read_mme_member      (BilatInput             *input,
                                         const char             *file,
                                         guint64                 first_line,
                                         const BilatReadOptions *options,
                                         BilatImportReport      *report,
                                         GError                **error);
/* The actor of a participant id the MME reader gave: a state of the
 * identity tables (with its predecessor), or an organisation. */
BilatActor *_bilat_mme_actor_new        (const char             *id);

/* For tests: whether the readers may cut lines with the processor's widest
 * vectors (AVX2, where there is), or only with the baseline's. */
void _bilat_reader_set_wide_scan (gboolean wide);

/* For tests: cuts the line [@p, @e) at its tabs, as the readers do, into
 * @columns (@max + _BILAT_COLUMN_SLACK entries, the first @max of which
 * are filled); returns the count of columns, which may be more than
 * @max. *plain: whether the line is ASCII without NUL. The 64 bytes
 * after @e must be readable. */
guint _bilat_reader_split (const char *p,
                           const char *e,
                           BilatField *columns,
                           guint       max,
                           gboolean   *plain);

G_END_DECLS
