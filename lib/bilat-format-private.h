/* bilat-format-private.h: what the reader, the writer and the validator share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <bilat/bilat.h>

G_BEGIN_DECLS

/* The five kinds of record of a dataset, in the order of the top-level
 * members of docs/format.md. */
typedef enum
{
  _BILAT_KIND_SOURCE,
  _BILAT_KIND_ACTOR,
  _BILAT_KIND_ISSUE,
  _BILAT_KIND_EVENT,
  _BILAT_KIND_POSITION,
  _BILAT_N_KINDS,
} _BilatKind;

/* How a member of a record is read and written. */
typedef enum
{
  _BILAT_FIELD_ID,            /* the record's id, given at construction */
  _BILAT_FIELD_EVENT_TYPE,    /* "event" or "exercise": the record's class */
  _BILAT_FIELD_STRING,        /* a string property */
  _BILAT_FIELD_OWN_NAME,      /* an actor's name as given, never iso-codes' */
  _BILAT_FIELD_DATE,          /* a BilatDate property */
  _BILAT_FIELD_ENUM,          /* a nick of the enum type of the property */
  _BILAT_FIELD_SECTORS,       /* an array of BilatSector nicks */
  _BILAT_FIELD_REFERENCE,     /* the id of a record of kind ref_kind */
  _BILAT_FIELD_COUNT,         /* a guint property, 0 meaning unknown */
  _BILAT_FIELD_CAMEO,         /* a CAMEO event code */
  _BILAT_FIELD_SCORE,         /* a Goldstein score given by the data, -10…10 */
  _BILAT_FIELD_BOOLEAN,       /* a gboolean property, written when TRUE */
  _BILAT_FIELD_NUMBER,        /* a double property, NaN meaning unknown */
  _BILAT_FIELD_ALIASES,       /* an actor's aliases */
  _BILAT_FIELD_PARTICIPANTS,  /* an event's participants */
  _BILAT_FIELD_PLACE,         /* an event's place */
  _BILAT_FIELD_CITATIONS,     /* the citations every record may carry */
  _BILAT_FIELD_SESSION,       /* a guint property 1…65535, 0 meaning unknown */
  _BILAT_FIELD_PARENTS,       /* an issue's parent issues */
} _BilatFieldType;

typedef enum
{
  _BILAT_FIELD_OPTIONAL = 0,
  /* The member must be present, and is always written. */
  _BILAT_FIELD_REQUIRED = 1 << 0,
  /* With REQUIRED: the member must be present but may be null (an event's
   * date), and is written as null when unset. */
  _BILAT_FIELD_NULLABLE = 1 << 1,
} _BilatFieldFlags;

typedef struct
{
  const char       *name;       /* the JSON member */
  const char       *property;   /* the GObject property it maps to, if any */
  _BilatFieldType   type;
  _BilatFieldFlags  flags;
  _BilatKind        ref_kind;   /* for _BILAT_FIELD_REFERENCE */
} _BilatField;

typedef struct
{
  const char        *member;    /* the top-level array: "events" */
  const char        *noun;      /* for messages: "event" */
  const _BilatField *fields;    /* in the order of the format's tables */
} _BilatKindInfo;

/* Per kind, its member, noun and fields; the fields end with a NULL name. */
extern const _BilatKindInfo _bilat_kinds[_BILAT_N_KINDS];

/* What an exercise adds to the fields of an event. */
extern const _BilatField _bilat_exercise_fields[];

/* What a coded event (BilatCodedEvent, "type": "coded") adds. */
extern const _BilatField _bilat_coded_fields[];

/* The supported version of the format. */
#define _BILAT_FORMAT_VERSION 1

/* A problem of %BILAT_FORMAT_ERROR (see _bilat_problem_new_full()). */
BilatProblem *_bilat_problem_new         (BilatFormatError  code,
                                          const char       *file,
                                          guint64           line,
                                          const char       *kind,
                                          int               index,
                                          const char       *record_id,
                                          const char       *field,
                                          const char       *message);

/* Reads a dataset: every problem of @data, in the order of their lines,
 * as a (transfer container) array of BilatProblem, empty when there is
 * none. @file names @data in the problems.
 *
 * With @store, the dataset is read as if it were to be added to @store:
 * an id or actor name @store has already is a problem, and references may
 * name records of @store. When there is no problem and @records is not
 * NULL, it receives per kind a (transfer container) array of the records
 * read, in file order, not yet in any store. */
GPtrArray    *_bilat_format_read         (const char       *data,
                                          gssize            length,
                                          const char       *file,
                                          BilatStore       *store,
                                          GPtrArray        *records[_BILAT_N_KINDS]);

/* What a loader gets of a dataset besides its problems: the records kept
 * as objects, and the coded events and bulk sources that went into a
 * segment builder as they were read. */
typedef struct
{
  /* In: where coded events and the sources of imported data go when a
   * segment can hold them (see bilat-segment-private.h), or NULL to keep
   * every record as an object. Filled even when there are problems. */
  struct _BilatSegmentBuilder *builder;
  /* Out: per kind, a (transfer container) array of the records kept as
   * objects, in file order, not yet in any store; NULL when there are
   * problems. */
  GPtrArray                   *records[_BILAT_N_KINDS];
  /* Out: the roll calls and votes read (issues of type "roll-call"), as
   * a vote table (bilat-votes-private.h), or NULL when there are none or
   * there are problems. */
  struct _BilatVotes          *votes;
} _BilatFormatRecords;

/* Reads a dataset from @stream as _bilat_format_read() does from memory,
 * a chunk at a time, checking and handing on each record as it comes, so
 * that no more than a record's worth of the text is held. With @records,
 * records are built; without, only checked. Returns NULL with @error set
 * (in the G_IO_ERROR domain) if reading the stream fails. */
GPtrArray    *_bilat_format_read_stream  (GInputStream         *stream,
                                          GCancellable         *cancellable,
                                          const char           *file,
                                          BilatStore           *store,
                                          _BilatFormatRecords  *records,
                                          GError              **error);

/* Adds the dataset @stream holds, or @data (@length bytes) when @stream
 * is NULL, to @self: all or nothing, failing with the first problem (see
 * bilat_store_load_from_data()). @name names the data in problems. */
gboolean      _bilat_format_load         (BilatStore       *self,
                                          GInputStream     *stream,
                                          const char       *data,
                                          gsize             length,
                                          const char       *name,
                                          GCancellable     *cancellable,
                                          GError          **error);

/* The same for a document that comes with the roll calls and votes
 * @votes (a native file's objects and its vote table): the document may
 * refer to the roll calls, and the votes' holders and topics must be
 * records of the document or the store. The store gets @votes itself when
 * it has none. */
gboolean      _bilat_format_load_with_votes (BilatStore       *self,
                                          const char       *data,
                                          gsize             length,
                                          const char       *name,
                                          const struct _BilatVotes *votes,
                                          GError          **error);

/* Checks a document as _bilat_format_read() does, for a document that
 * comes with @votes. */
GPtrArray    *_bilat_format_read_with_votes (const char       *data,
                                          gsize             length,
                                          const char       *file,
                                          const struct _BilatVotes *votes);

/* Writes @store as a dataset: to @stream through @text, a buffer flushed
 * every _BILAT_JSON_WRITER_CHUNK bytes, or, with a NULL @stream, into
 * @text whole. The store must be savable (_bilat_store_check_savable()). */
gboolean      _bilat_format_write        (BilatStore       *store,
                                          GOutputStream    *stream,
                                          GString          *text,
                                          GCancellable     *cancellable,
                                          GError          **error);

/* Fails with the first problem of bilat_store_check(), if any. */
gboolean      _bilat_store_check_savable (BilatStore       *self,
                                          GError          **error);

/* The id that follows @id in a chain (an actor's predecessor), or NULL. */
typedef const char *(*_BilatChainNextFunc) (const char *id,
                                            gpointer    user_data);

/* Of the @n_ids ids at @ids, those whose chain comes back to them, as a
 * set of copies. Each link is followed once, so that a chain of 100,000
 * predecessors costs 100,000 steps, not their square. */
GHashTable   *_bilat_chain_cycles        (const char * const *ids,
                                          guint               n_ids,
                                          _BilatChainNextFunc next,
                                          gpointer            user_data);

G_END_DECLS
