/* bilat-segment-private.h: coded events kept column by column
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layering: a segment knows records (it makes BilatCodedEvents and
 * BilatSources on demand) and the rows of the event readers
 * (bilat-import-private.h, bilat-row-event-private.h), but not the
 * readers, queries or the store: a query reaches its rows as plain
 * criteria (BilatSegmentCriteria below). The store (bilat-store.c) keeps
 * one segment beside its objects and merges the two in its lists, and the
 * native file (bilat-native.c) writes and maps segments.
 *
 * A segment is immutable once built, and reference-counted: query results
 * keep the segment they were computed on, so that they stay valid when the
 * store moves on to a new one.
 *
 * What a segment holds, and what stays an object: a coded event goes into
 * a segment when the segment can give it back exactly, which every event
 * an import makes can; that is, when
 *   - its id is a prefix ending with the only ':' of the id, then a
 *     decimal number of at most 17 digits without leading zeros
 *     (`gdelt:1234`, `icews:98`),
 *   - its date is a single day,
 *   - its participants are those its two sides give (see below),
 *   - it has no summary and no sectors,
 *   - it has at most one citation, of a whole source (no paragraph, range
 *     or quote).
 * Everything else (curated events, exercises, positions, a coded event a
 * user edited) stays an object in the store.
 *
 * The rows are in the order of the store's event list: by day, then by id
 * as strcmp() orders ids. Bulk sources (one per article the events cite)
 * are rows too, in the order of their ids.
 */

#pragma once

#include <bilat/bilat.h>

#include "bilat-import-private.h"
#include "bilat-row-event-private.h"
#include "bilat-json-private.h"

G_BEGIN_DECLS

typedef struct _BilatSegment BilatSegment;
typedef struct _BilatSegmentBuilder BilatSegmentBuilder;

/* The prefix of an id that a segment can hold and its number, or FALSE. */
gboolean            _bilat_segment_split_id          (const char           *id,
                                                      gsize                *prefix_length,
                                                      guint64              *number);

/* Building. */

BilatSegmentBuilder *_bilat_segment_builder_new      (void);
void                _bilat_segment_builder_free      (BilatSegmentBuilder  *self);
guint               _bilat_segment_builder_get_n_rows (BilatSegmentBuilder *self);

/* Appends the event of an imported row, and its source if the builder
 * has none with that id yet. */
void                _bilat_segment_builder_add_row   (BilatSegmentBuilder  *self,
                                                      const BilatRow       *row);

/* What a segment keeps of a coded event, as plain values, for readers
 * that have them without an object. The caller has checked what the
 * object path checks: a single-day date (@day, a Julian day number), no
 * summary and no sectors, participants of the form the sides give (the
 * first as initiator, the second as target), at most one citation, of a
 * whole source (@cite), and a place as given (name and country as the
 * data says them, not as iso-codes fills them in). */
typedef struct
{
  const char       *id;
  BilatEventFormat  dataset;
  guint32           day;
  const char       *title;
  const char       *participants[2];
  const char       *cameo;
  double            goldstein;        /* the data's own; NaN: the code's */
  gboolean          has_place;
  const char       *place_name;
  const char       *place_subdivision;
  const char       *place_country;
  gboolean          has_coordinates;
  double            latitude;
  double            longitude;
  const char       *cite;
  const char       *actor_code[2];
  const char       *actor_name[2];
  const char       *actor_types[2];
  gboolean          root_event;
  guint             mentions;
  guint             sources;
  guint             articles;
  double            tone;
  const char       *url;
  guint32           added;            /* Julian day; 0: none */
} BilatCodedFields;

/* Appends the event of @fields; FALSE if its id or values are not of a
 * form a segment holds (nothing is added then). */
gboolean            _bilat_segment_builder_add_fields (BilatSegmentBuilder   *self,
                                                      const BilatCodedFields *fields);

/* Appends @event if a segment can hold it exactly; FALSE otherwise. */
gboolean            _bilat_segment_builder_add_event (BilatSegmentBuilder  *self,
                                                      BilatCodedEvent      *event);

/* Appends @source as a bulk source; FALSE if it has more than an id, a
 * URL and a publisher. */
gboolean            _bilat_segment_builder_add_source (BilatSegmentBuilder *self,
                                                      BilatSource          *source);

/* Appends the event of row @row of @segment, and the source it cites. */
void                _bilat_segment_builder_copy_row  (BilatSegmentBuilder  *self,
                                                      BilatSegment         *segment,
                                                      guint                 row);
void                _bilat_segment_builder_copy_source (BilatSegmentBuilder *self,
                                                      BilatSegment         *segment,
                                                      guint                 row);

/* Drops the rows and sources added after the first @n_rows and
 * @n_sources. */
void                _bilat_segment_builder_truncate  (BilatSegmentBuilder  *self,
                                                      guint                 n_rows,
                                                      guint                 n_sources);
guint               _bilat_segment_builder_get_n_sources (BilatSegmentBuilder *self);

/* Whether finishing must keep its peak at the size of the rows (it is
 * then slower): the default, for loads, whose memory the store's own size
 * bounds. */
void                _bilat_segment_builder_set_lean  (BilatSegmentBuilder  *self,
                                                      gboolean              lean);
/* The line given to the rows added from now on (0 at first): where
 * they were read. */
void                _bilat_segment_builder_set_line  (BilatSegmentBuilder  *self,
                                                      guint32               line);
/* The id key (prefix << 56 | number, in the builder's own numbering of
 * prefixes) and line of the @index-th row added. */
guint64             _bilat_segment_builder_get_key   (BilatSegmentBuilder  *self,
                                                      guint                 index);
guint32             _bilat_segment_builder_get_line  (BilatSegmentBuilder  *self,
                                                      guint                 index);
/* The key a row with id @id would have; FALSE if no row can have it. */
gboolean            _bilat_segment_builder_key_of_id (BilatSegmentBuilder  *self,
                                                      const char           *id,
                                                      guint64              *key);
/* The rows added, by index, in the order of their keys; rows with one key
 * in the order they were added. Free with g_free(). */
guint32            *_bilat_segment_builder_sort_by_key (BilatSegmentBuilder *self);

/* The id of the @index-th row added. */
void                _bilat_segment_builder_format_id (BilatSegmentBuilder  *self,
                                                      guint                 index,
                                                      char                  buffer[48]);
/* Drops the rows added whose bit is set in @removed. */
void                _bilat_segment_builder_remove_rows (BilatSegmentBuilder *self,
                                                      const guint8         *removed);

/* Sorts the rows and the sources, builds the indexes and frees the
 * builder. The caller sees to it that ids are unique. */
BilatSegment       *_bilat_segment_builder_finish    (BilatSegmentBuilder  *self);

/* Deferred segments: what writing a native file straight from a builder
 * uses, so that the rows' columns are never in memory whole. A deferred
 * segment has everything but its rows' columns and the indexes of its
 * rows: its rows stay in the builder (taken, as by finish) until they are
 * gathered, a chunk at a time, in their order and each once, by
 * _bilat_segment_gather_deferred(); _bilat_segment_end_deferred() then
 * builds the indexes. Nothing but the native writer may read one. */

/* The columns of a segment's rows, in the order of the native file's:
 * id, day, the two sides, CAMEO code, Goldstein score, flags, tone,
 * mentions, sources, articles, date added, place, title, citation, URL. */
#define _BILAT_SEGMENT_N_COLUMNS 16

typedef struct _BilatDeferredRows BilatDeferredRows;

BilatSegment       *_bilat_segment_builder_finish_deferred (BilatSegmentBuilder *self);
gboolean            _bilat_segment_is_deferred       (BilatSegment         *self);
/* Writes the rows at places @first to @first + @count into @columns,
 * the row at @first as entry 0 of each: each column as the segment would
 * hold it. @first is where the last call stopped (0 at first). */
void                _bilat_segment_gather_deferred   (BilatSegment         *self,
                                                      guint                 first,
                                                      guint                 count,
                                                      gpointer              columns[_BILAT_SEGMENT_N_COLUMNS]);
/* Once every row is gathered: builds the indexes of the rows (by id, of
 * each actor and of each pair), and the segment is deferred no more; of
 * its rows' columns it has the sides only (and the ids, when they were
 * needed to order by_id). */
void                _bilat_segment_end_deferred      (BilatSegment         *self);

/* The segment. */

BilatSegment       *_bilat_segment_ref               (BilatSegment         *self);
void                _bilat_segment_unref             (BilatSegment         *self);

/* Whether the content of @self may be read: always for a segment built
 * in memory; for a mapped one, once its check has passed. The first call
 * checks (thread-safe, once); a segment that fails it stays refused, with
 * the same error. */
gboolean            _bilat_segment_ensure_verified   (BilatSegment         *self,
                                                      GError              **error);
gboolean            _bilat_segment_is_verified       (BilatSegment         *self);
/* The file a segment was mapped from (for messages), or NULL for one
 * built in memory. */
const char         *_bilat_segment_get_origin        (BilatSegment         *self);

guint               _bilat_segment_get_n_rows        (BilatSegment         *self);
guint               _bilat_segment_get_n_sources     (BilatSegment         *self);

/* The first day of the event of @row (Julian day number, as
 * bilat_date_get_first_julian()). Rows are in order of it. */
guint32             _bilat_segment_get_day           (BilatSegment         *self,
                                                      guint                 row);
/* The id of the event of @row, as text. */
void                _bilat_segment_format_id         (BilatSegment         *self,
                                                      guint                 row,
                                                      char                  buffer[48]);
/* The id of the source of @row. */
const char         *_bilat_segment_get_source_id     (BilatSegment         *self,
                                                      guint                 row);

/* Compares the event of @row with an event of date @date (nullable) and
 * id @id, in the order of bilat_event_compare(). */
int                 _bilat_segment_compare_event     (BilatSegment         *self,
                                                      guint                 row,
                                                      BilatDate            *date,
                                                      const char           *id);

/* The row of the event with id @id, or -1. */
gint64              _bilat_segment_find_event        (BilatSegment         *self,
                                                      const char           *id);
/* The row of the source with id @id, or -1. */
gint64              _bilat_segment_find_source       (BilatSegment         *self,
                                                      const char           *id);
/* The first row whose id sorts at or after @id. */
guint               _bilat_segment_source_lower_bound (BilatSegment        *self,
                                                      const char           *id);
/* The first row whose event does not sort before (@date, @id). */
guint               _bilat_segment_event_lower_bound (BilatSegment         *self,
                                                      BilatDate            *date,
                                                      const char           *id);
/* The first row whose day is at least @julian. */
guint               _bilat_segment_day_lower_bound   (BilatSegment         *self,
                                                      guint32               julian);

/* New objects equal to what was stored. */
BilatCodedEvent    *_bilat_segment_make_event        (BilatSegment         *self,
                                                      guint                 row);
BilatSource        *_bilat_segment_make_source       (BilatSegment         *self,
                                                      guint                 row);

/* The participants' actor ids of @row: up to two, NULL where absent. */
void                _bilat_segment_get_participants  (BilatSegment         *self,
                                                      guint                 row,
                                                      const char          **first,
                                                      const char          **second);

/* What a series counts of @row. */
void                _bilat_segment_get_figures       (BilatSegment         *self,
                                                      guint                 row,
                                                      double               *goldstein,
                                                      BilatQuadClass       *quad_class);

/* The rows in which actor @actor takes part, in row order, or NULL. */
const guint32      *_bilat_segment_get_actor_rows    (BilatSegment         *self,
                                                      const char           *actor,
                                                      guint                *n_rows);

/* Every actor id the events of the segment name, sorted. */
GPtrArray          *_bilat_segment_list_actors       (BilatSegment         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BilatSegment, _bilat_segment_unref)

/* Writes the event or the source of @row as the JSON format has it, the
 * same text as the object made of it would give. */
void                _bilat_segment_write_event       (BilatSegment         *self,
                                                      guint                 row,
                                                      _BilatJsonWriter     *writer);
void                _bilat_segment_write_source      (BilatSegment         *self,
                                                      guint                 row,
                                                      _BilatJsonWriter     *writer);

/* Checks before saving. */

typedef gboolean (*BilatSegmentActorFunc) (const char *actor,
                                           gpointer    data);

/* A bitmap of the rows that may not pass bilat_store_check(): unknown
 * CAMEO codes or place codes, participants @actor_known does not know,
 * text that is not UTF-8, and, with @check_cites, every row that cites a
 * source. NULL when there is none. */
guint8             *_bilat_segment_suspect_rows      (BilatSegment         *self,
                                                      BilatSegmentActorFunc actor_known,
                                                      gpointer              data,
                                                      gboolean              check_cites);

/* Whether the tables of a mapped segment hold only what the data format
 * allows: CAMEO codes of the codebook, ISO place codes, participants
 * @actor_known knows. FALSE with the first that is not in @problem
 * (g_free() it) otherwise. */
gboolean            _bilat_segment_check_tables      (BilatSegment         *self,
                                                      BilatSegmentActorFunc actor_known,
                                                      gpointer              data,
                                                      char                **problem);

/* Whether every plain string of the segment is UTF-8 (bulk strings of a
 * mapped segment were checked when it was loaded). */
gboolean            _bilat_segment_strings_valid     (BilatSegment         *self);

/* Queries on the columns. */

typedef struct _BilatSegmentMatcher BilatSegmentMatcher;

/* What a query asks of rows, in plain values (bilat-query.c compiles a
 * BilatQuery into them, so that the segment does not read queries). */
typedef struct
{
  gboolean            nothing;       /* no row can match */
  guint32             first_day;     /* the period, as Julian days: */
  guint32             last_day;      /* 0 and G_MAXUINT32 for any time */
  const char         *cameo_prefix;  /* NULL: any code */
  BilatQuadClass      quad_class;    /* BILAT_QUAD_CLASS_NONE: any */
  const char         *text;          /* NULL: any text */
  /* For each actor of the actor filter, the NULL-terminated array of the
   * ids it stands for (NULL or empty: no actor filter); the dyad's two
   * sides likewise (NULL: no dyad). */
  GPtrArray          *lineages;
  const char * const *side_a;
  const char * const *side_b;
} BilatSegmentCriteria;

/* @criteria compiled for the segment's rows; NULL @criteria: every row. */
BilatSegmentMatcher *_bilat_segment_matcher_new      (BilatSegment               *self,
                                                      const BilatSegmentCriteria *criteria);
void                _bilat_segment_matcher_free      (BilatSegmentMatcher  *matcher);

/* The rows that match, in row order; skips the rows @dead says are dead
 * (a bitmap, or NULL). */
GArray             *_bilat_segment_matcher_run       (BilatSegmentMatcher  *matcher,
                                                      const guint8         *dead);

/* Adds the matching rows to @series without making a list. */
void                _bilat_segment_matcher_count     (BilatSegmentMatcher  *matcher,
                                                      const guint8         *dead,
                                                      BilatSeries          *series);

G_END_DECLS
