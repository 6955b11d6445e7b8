/* bilat-format-read.c: reading datasets in the libbilat JSON format
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One reader serves the loaders of BilatStore and the validator: it checks
 * a whole document, collecting every problem with its place, and builds the
 * records on the side. A loader adds them to its store only when there is
 * no problem at all, so that a failed load changes nothing.
 *
 * The document is read as a stream of tokens (bilat-json-reader.c), one
 * record at a time: each record becomes a small tree of its own (an arena
 * that is reset for the next), is checked, and is handed on at once.
 * Coded events and the sources of imported data go straight into a
 * segment builder, so that a million of them cost the builder's columns
 * and never a million objects or a tree of the whole document; a coded
 * event of the form a segment holds is not even made an object on the
 * way, but read into plain values (see "Coded events straight into
 * columns" below). The other records are kept as objects until the
 * document has been read. What must wait for the end is kept compactly:
 * the ids that references may name, the references that did not resolve
 * when they were read (a document may put its events before its
 * sources), and the keys of the events' ids, whose repeats are found by
 * sorting.
 *
 * Problems are reported in the order the tree reader gave them: by line,
 * then (on one line) the document's members, then the records kind by
 * kind in the order of docs/format.md, then the references. Each problem
 * carries that key, since the records come in the order of the file.
 */

#include <bilat/bilat.h>

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "bilat-format-private.h"
#include "bilat-json-reader-private.h"
#include "bilat-record-private.h"
#include "bilat-segment-private.h"
#include "bilat-date-private.h"
#include "bilat-store-private.h"
#include "bilat-votes-json-private.h"

/* Problems quote what a file says; a 10 MB id is quoted by its start. */
#define MAX_QUOTED 200

/* Records */

typedef enum
{
  NODE_NULL,
  NODE_BOOLEAN,
  NODE_INTEGER,
  NODE_DOUBLE,
  NODE_STRING,
  NODE_OBJECT,
  NODE_ARRAY,
} NodeType;

/* A value of the record being read. Members of an object and elements of
 * an array are chained by @next in the order of the file; a member given
 * twice keeps the place of its first value and the last value, as
 * json-glib's objects do. */
typedef struct _Node Node;
struct _Node
{
  NodeType    type;
  guint       line;         /* of the value; of its "{" or "[" */
  const char *name;         /* as a member of an object */
  gsize       name_length;
  int         known;        /* the number of the name, or -1 (see name_lookup()) */
  Node       *next;
  union
  {
    gboolean boolean;
    struct
    {
      gint64      integer;     /* NODE_INTEGER */
      double      value;       /* either number */
      const char *text;        /* as written, when it does not fit */
      gboolean    overflow;
    } number;
    struct
    {
      const char *text;
      gsize       length;
      gboolean    clean;       /* known UTF-8 without NUL */
    } string;
    struct
    {
      Node       *first;
      Node       *last;
      guint       length;
      guint       end_line;    /* of its "}" or "]" */
      Node       *repeat;      /* an object's first member given again */
      guint       repeat_line; /* where it was given again */
      GHashTable *names;       /* of a large object: name → Node */
      guint64     seen[2];     /* an object's known names, a bit each */
    } container;
  };
};

/* A bump allocator for the nodes and strings of one record, reset for the
 * next: reading a record allocates nothing once the first few are read. */
#define ARENA_BLOCK_SIZE (64 * 1024)

typedef struct
{
  GPtrArray *blocks;   /* of ARENA_BLOCK_SIZE bytes, kept */
  GPtrArray *large;    /* single allocations, freed on reset */
  guint      block;
  gsize      used;
} Arena;

static void
arena_init (Arena *arena)
{
  arena->blocks = g_ptr_array_new_with_free_func (g_free);
  arena->large = g_ptr_array_new_with_free_func (g_free);
  arena->block = 0;
  arena->used = 0;
}

static void
arena_clear (Arena *arena)
{
  g_clear_pointer (&arena->blocks, g_ptr_array_unref);
  g_clear_pointer (&arena->large, g_ptr_array_unref);
}

static void
arena_reset (Arena *arena)
{
  g_ptr_array_set_size (arena->large, 0);
  /* A huge record's blocks go; a normal one's are kept for the next. */
  if (arena->blocks->len > 16)
    g_ptr_array_set_size (arena->blocks, 16);
  arena->block = 0;
  arena->used = 0;
}

static gpointer
arena_alloc (Arena *arena,
             gsize  size)
{
  char *block;

  size = (size + 7) & ~(gsize) 7;
  if (size > ARENA_BLOCK_SIZE / 4)
    {
      gpointer large = g_malloc (size);

      g_ptr_array_add (arena->large, large);
      return large;
    }

  if (arena->block < arena->blocks->len && arena->used + size > ARENA_BLOCK_SIZE)
    {
      arena->block++;
      arena->used = 0;
    }
  if (arena->block == arena->blocks->len)
    g_ptr_array_add (arena->blocks, g_malloc (ARENA_BLOCK_SIZE));

  block = g_ptr_array_index (arena->blocks, arena->block);
  arena->used += size;

  return block + arena->used - size;
}

static const char *
arena_strndup (Arena      *arena,
               const char *text,
               gsize       length)
{
  char *copy = arena_alloc (arena, length + 1);

  memcpy (copy, text, length);
  copy[length] = '\0';

  return copy;
}

/* Where in the document something is: a line, a record, and a path of
 * members in it ("citations[2].source" is member "citations", element 2,
 * sub-member "source"). Member names are static strings. */
typedef struct
{
  guint       line;
  int         kind;        /* a _BilatKind, or -1 outside of the records */
  int         index;
  const char *record_id;   /* only once the record's id is known valid */
  const char *member;
  int         element;     /* -1 when the member is not an array element */
  const char *sub;
} Location;

/* A reference that did not resolve when it was read, or that must be
 * checked again at the end (a predecessor's chain). */
typedef struct
{
  Location    where;       /* record_id in the reader's string chunk */
  _BilatKind  kind;
  const char *id;          /* in the reader's string chunk */
  guint       ordinal;     /* among the references of its record */
} Reference;

/* The id of an event that a segment can hold (prefix and number), for
 * the check that no two events share one, done by sorting at the end. */
typedef struct
{
  guint64 key;             /* prefix rank << 57 | number */
  guint32 index;
  guint32 line;
} EventKey;

#define EVENT_KEY_NUMBER_BITS 57
#define EVENT_KEY_MAX_PREFIXES 127

/* What orders the problems, as the tree reader's order: see the top. */
typedef enum
{
  PHASE_DOCUMENT,
  PHASE_RECORDS,
  PHASE_REFERENCES,
} Phase;

typedef struct
{
  BilatProblem *problem;
  guint         line;
  Phase         phase;
  int           kind;
  int           index;
  guint         sub;
  guint         seq;
} Pending;

/* The members an object may have: those of up to two field tables (of a
 * record), or a list of names (of a citation, a participant, a place). */
typedef struct
{
  const _BilatField  *fields;
  const _BilatField  *more_fields;
  const char * const *names;
} MemberSet;

/* What a record is made of, gathered while its members are checked: the
 * record is built only if they all are valid, since some of its
 * properties (a position's holder) may not be built invalid. */
typedef struct
{
  GPtrArray     *names;         /* of the properties (static strings) */
  GArray        *values;        /* of GValue */
  GPtrArray     *aliases;       /* (element-type utf8), borrowed from the record */
  GPtrArray     *parents;       /* (element-type utf8), borrowed from the record */
  GPtrArray     *participants;  /* (element-type BilatParticipant) */
  BilatPlace    *place;
  GPtrArray     *citations;     /* (element-type BilatCitation) */
} Draft;

typedef struct
{
  const char          *file;
  BilatStore          *store;
  _BilatJsonReader    *json;

  GArray              *problems;     /* of Pending */
  guint64              n_unlisted;   /* problems past MAX_PROBLEMS */
  guint                seq;
  /* What the problems reported now are sorted by. */
  Phase                phase;
  int                  sort_kind;
  int                  sort_index;
  guint                sort_sub;     /* G_MAXUINT: the next seq */

  Arena                arena;
  Node                *open[_BILAT_JSON_READER_MAX_DEPTH + 1];

  /* Whether to build records, and where coded events go. */
  gboolean             build;
  BilatSegmentBuilder *builder;
  GPtrArray           *records[_BILAT_N_KINDS];
  BilatVotesBuilder   *votes;        /* roll calls and their votes */
  guint                n_roll_calls;

  GStringChunk        *strings;      /* what outlives a record */
  GHashTable          *ids[_BILAT_N_KINDS];   /* id → index in the file + 1 */
  GArray              *event_keys;   /* of EventKey: events that are not
                                      * rows of the builder */
  GArray              *non_rows;     /* guint32: indexes of the events
                                      * before the last row that are not
                                      * rows, ascending */
  guint                next_event;   /* the index after the last row's */
  GHashTable          *prefixes;     /* prefix of an event id → rank + 1 */
  GPtrArray           *prefix_names;
  const char          *last_prefix;  /* the last one found, and its rank + 1 */
  gsize                last_prefix_length;
  guint                last_prefix_rank;
  gboolean             store_has[_BILAT_N_KINDS]; /* records of the kind */
  const BilatVotes    *given_votes;  /* roll calls the document comes with
                                      * (a native file's), or NULL */
  GHashTable          *actor_names;  /* alias key → id of the actor it names */
  GHashTable          *countries;    /* code → whether it is a country's */
  GHashTable          *predecessors; /* actor id → id of its predecessor */
  GHashTable          *cycles;       /* actor ids whose chain comes back, once known */
  GArray              *references;   /* of Reference */
  guint                n_references; /* of the record being read */

  GEnumClass          *event_formats;
  GEnumValue          *last_dataset; /* the last one a coded event named */
  const char          *initiator_nick;
  const char          *target_nick;

  guint                root_line;    /* of the document's "{" */
  Location             record;       /* the record being read */
  Draft                draft;        /* of the record being read */
} Reader;

static const char * const document_members[] = {
  "format", "version", "sources", "actors", "issues", "events", "positions", NULL
};
static const char * const citation_members[] = {
  "source", "row", "paragraph", "start", "end", "quote", NULL
};
static const char * const participant_members[] = { "actor", "role", NULL };
static const char * const place_members[] = {
  "name", "subdivision", "country", "latitude", "longitude", NULL
};

/* Problems */

static const char *
article (const char *noun)
{
  return strchr ("aeiou", noun[0]) != NULL ? "an" : "a";
}

static char *
location_field (const Location *where)
{
  GString *field;

  if (where->member == NULL)
    return NULL;

  field = g_string_new (where->member);
  if (where->element >= 0)
    g_string_append_printf (field, "[%d]", where->element);
  if (where->sub != NULL)
    g_string_append_printf (field, ".%s", where->sub);

  return g_string_free (field, FALSE);
}

/* Problems kept: a hostile file of millions of bad values must not take
 * all memory to say so. The rest are counted. */
#define MAX_PROBLEMS 10000

static void
add_problem (Reader           *r,
             const Location   *where,
             BilatFormatError  code,
             const char       *message)
{
  g_autofree char *field = NULL;
  Pending pending;

  if (r->problems->len >= MAX_PROBLEMS)
    {
      r->n_unlisted++;
      return;
    }
  field = location_field (where);
  pending = (Pending) {
    _bilat_problem_new (code, r->file, where->line,
                        where->kind >= 0 ? _bilat_kinds[where->kind].member : NULL,
                        where->index, where->record_id, field, message),
    where->line, r->phase, r->sort_kind, r->sort_index,
    r->sort_sub != G_MAXUINT ? r->sort_sub : r->seq, r->seq,
  };

  r->seq++;
  g_array_append_val (r->problems, pending);
}

G_GNUC_PRINTF (4, 5)
static void
report (Reader           *r,
        const Location   *where,
        BilatFormatError  code,
        const char       *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_problem (r, where, code, message);
}

/* Drops every problem: a fatal one replaces them. */
static void
clear_problems (Reader *r)
{
  for (guint i = 0; i < r->problems->len; i++)
    bilat_problem_unref (g_array_index (r->problems, Pending, i).problem);
  g_array_set_size (r->problems, 0);
  r->n_unlisted = 0;
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const Pending *x = a;
  const Pending *y = b;

#define COMPARE(field) \
  if (x->field != y->field) \
    return x->field < y->field ? -1 : 1

  COMPARE (line);
  COMPARE (phase);
  COMPARE (kind);
  COMPARE (index);
  COMPARE (sub);
  COMPARE (seq);
#undef COMPARE

  return 0;
}

/* Text a problem quotes, cut to a length that a message can hold. */
static char *
quoted (const char *text)
{
  const char *end;

  if (strlen (text) <= MAX_QUOTED)
    return g_strdup (text);

  end = g_utf8_find_prev_char (text, text + MAX_QUOTED);
  if (end == NULL)
    end = text + MAX_QUOTED;

  return g_strdup_printf ("%.*s…", (int) (end - text), text);
}

/* The location of @node, a member of the current record (or of the
 * document), falling back to the record's line. */
static Location
at (Reader     *r,
    Node       *node,
    const char *member,
    int         element,
    const char *sub)
{
  Location where = r->record;

  if (node != NULL && node->line > 0)
    where.line = node->line;
  where.member = member;
  where.element = element;
  where.sub = sub;

  return where;
}

/* Every list of members there is, so that which lists have a name is one
 * lookup and a mask: a record's members are checked by the million. */
static gconstpointer
member_list (guint i)
{
  switch (i)
    {
    case _BILAT_KIND_SOURCE:
    case _BILAT_KIND_ACTOR:
    case _BILAT_KIND_ISSUE:
    case _BILAT_KIND_EVENT:
    case _BILAT_KIND_POSITION:
      return _bilat_kinds[i].fields;
    case _BILAT_N_KINDS:
      return _bilat_exercise_fields;
    case _BILAT_N_KINDS + 1:
      return _bilat_coded_fields;
    case _BILAT_N_KINDS + 2:
      return document_members;
    case _BILAT_N_KINDS + 3:
      return citation_members;
    case _BILAT_N_KINDS + 4:
      return participant_members;
    case _BILAT_N_KINDS + 5:
      return place_members;
    default:
      return NULL;
    }
}

static guint
member_list_bit (gconstpointer list)
{
  for (guint i = 0; member_list (i) != NULL; i++)
    {
      if (member_list (i) == list)
        return 1u << i;
    }

  g_assert_not_reached ();
}

/* Member names */

/* The names that the reading of coded events, citations, participants
 * and places asks for by number. Every other name of a list of members
 * gets a number too, after these, when the table is made. */
typedef enum
{
  /* The members of a coded event: those it must have, then, from
   * NAME_TITLE to NAME_DATE_ADDED, those it may leave out or give as
   * null. */
  NAME_ID,
  NAME_TYPE,
  NAME_DATE,
  NAME_TITLE,
  NAME_SUMMARY,
  NAME_PARTICIPANTS,
  NAME_PLACE,
  NAME_SECTORS,
  NAME_CAMEO,
  NAME_GOLDSTEIN,
  NAME_CITATIONS,
  NAME_DATASET,
  NAME_ACTOR1_CODE,
  NAME_ACTOR1_NAME,
  NAME_ACTOR1_TYPES,
  NAME_ACTOR2_CODE,
  NAME_ACTOR2_NAME,
  NAME_ACTOR2_TYPES,
  NAME_ROOT_EVENT,
  NAME_MENTIONS,
  NAME_SOURCES,
  NAME_ARTICLES,
  NAME_TONE,
  NAME_URL,
  NAME_DATE_ADDED,
  /* Those of a participant, a place and a citation. */
  NAME_ACTOR,
  NAME_ROLE,
  NAME_NAME,
  NAME_SUBDIVISION,
  NAME_COUNTRY,
  NAME_LATITUDE,
  NAME_LONGITUDE,
  NAME_SOURCE,
  NAME_PARAGRAPH,
  NAME_START,
  NAME_END,
  NAME_QUOTE,
  N_FIXED_NAMES,
} Name;

static const char * const fixed_names[N_FIXED_NAMES] = {
  [NAME_ID] = "id",
  [NAME_TYPE] = "type",
  [NAME_DATE] = "date",
  [NAME_TITLE] = "title",
  [NAME_SUMMARY] = "summary",
  [NAME_PARTICIPANTS] = "participants",
  [NAME_PLACE] = "place",
  [NAME_SECTORS] = "sectors",
  [NAME_CAMEO] = "cameo",
  [NAME_GOLDSTEIN] = "goldstein",
  [NAME_CITATIONS] = "citations",
  [NAME_DATASET] = "dataset",
  [NAME_ACTOR1_CODE] = "actor1_code",
  [NAME_ACTOR1_NAME] = "actor1_name",
  [NAME_ACTOR1_TYPES] = "actor1_types",
  [NAME_ACTOR2_CODE] = "actor2_code",
  [NAME_ACTOR2_NAME] = "actor2_name",
  [NAME_ACTOR2_TYPES] = "actor2_types",
  [NAME_ROOT_EVENT] = "root_event",
  [NAME_MENTIONS] = "mentions",
  [NAME_SOURCES] = "sources",
  [NAME_ARTICLES] = "articles",
  [NAME_TONE] = "tone",
  [NAME_URL] = "url",
  [NAME_DATE_ADDED] = "date_added",
  [NAME_ACTOR] = "actor",
  [NAME_ROLE] = "role",
  [NAME_NAME] = "name",
  [NAME_SUBDIVISION] = "subdivision",
  [NAME_COUNTRY] = "country",
  [NAME_LATITUDE] = "latitude",
  [NAME_LONGITUDE] = "longitude",
  [NAME_SOURCE] = "source",
  [NAME_PARAGRAPH] = "paragraph",
  [NAME_START] = "start",
  [NAME_END] = "end",
  [NAME_QUOTE] = "quote",
};

/* The names of every list of members, each with the mask of the lists
 * that have it: which member is known where is one lookup and a mask,
 * since a record's members are checked by the million. A name is looked
 * up by its bytes in an open hash table, so that a name with a NUL in it
 * ("id\u0000x") is none of them. */
#define MAX_NAMES 128
#define NAME_SLOT_BITS 10

/* An object notes which known names it has in a mask of 128 bits. */
G_STATIC_ASSERT (MAX_NAMES <= 128);

typedef struct
{
  const char *text;
  gsize       length;
  guint64     head[2];         /* see name_head() */
  guint       lists;           /* the mask of the lists that have it */
} KnownName;

typedef struct
{
  KnownName names[MAX_NAMES];
  guint     n_names;
  gsize     max_length;
  guint8    slots[1 << NAME_SLOT_BITS]; /* a name's number + 1, or 0 */
} NameTable;

/* Bytes @from to @from + 8 of a name, as far as it goes, as a number:
 * the first eight tell the names of the format apart, hashed, and the
 * first sixteen are compared at once. */
static inline guint64
name_head (const char *text,
           gsize       length,
           gsize       from)
{
  guint64 head = 0;

  if (length >= from + sizeof head)
    memcpy (&head, text + from, sizeof head);
  else
    {
      for (gsize i = from; i < length; i++)
        head |= (guint64) (guchar) text[i] << (8 * (i - from));
    }

  return head;
}

static inline guint
name_slot (guint64 head,
           gsize   length)
{
  return (guint) (((head + length) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9)) >>
                  (64 - NAME_SLOT_BITS));
}

/* The number of the name @text of @length bytes, or -1 for a name that
 * no list has. */
static inline int
name_lookup (const NameTable *table,
             const char      *text,
             gsize            length)
{
  guint64 head;
  guint slot;

  if (length > table->max_length || length == 0)
    return -1;

  head = name_head (text, length, 0);
  for (slot = name_slot (head, length); table->slots[slot] != 0;
       slot = (slot + 1) % (1 << NAME_SLOT_BITS))
    {
      const KnownName *known = &table->names[table->slots[slot] - 1];

      if (known->head[0] == head && known->length == length &&
          (length <= 8 ||
           (known->head[1] == name_head (text, length, 8) &&
            (length <= 16 || memcmp (known->text + 16, text + 16, length - 16) == 0))))
        return table->slots[slot] - 1;
    }

  return -1;
}

static void
name_table_add (NameTable  *table,
                const char *text,
                guint       list_bit)
{
  gsize length = strlen (text);
  int found = name_lookup (table, text, length);
  guint slot;

  if (found >= 0)
    {
      table->names[found].lists |= list_bit;
      return;
    }

  /* The format has about sixty names, none empty. */
  g_assert (table->n_names < MAX_NAMES && length > 0);
  table->names[table->n_names] = (KnownName) {
    text, length, { name_head (text, length, 0), name_head (text, length, 8) }, list_bit
  };
  table->max_length = MAX (table->max_length, length);
  for (slot = name_slot (table->names[table->n_names].head[0], length); table->slots[slot] != 0;
       slot = (slot + 1) % (1 << NAME_SLOT_BITS))
    ;
  table->slots[slot] = (guint8) ++table->n_names;
}

static const NameTable *
name_table (void)
{
  static NameTable *names = NULL;

  if (g_once_init_enter (&names))
    {
      NameTable *table = g_new0 (NameTable, 1);

      for (guint i = 0; i < N_FIXED_NAMES; i++)
        name_table_add (table, fixed_names[i], 0);

      for (guint i = 0; i < _BILAT_N_KINDS + 2; i++)
        {
          const _BilatField *fields = member_list (i);

          for (guint f = 0; fields[f].name != NULL; f++)
            name_table_add (table, fields[f].name, 1u << i);
        }
      for (guint i = _BILAT_N_KINDS + 2; member_list (i) != NULL; i++)
        {
          const char * const *list = member_list (i);

          for (guint n = 0; list[n] != NULL; n++)
            name_table_add (table, list[n], 1u << i);
        }

      g_once_init_leave (&names, table);
    }

  return names;
}

/* Nodes */

static const char *
describe_node (Node *node)
{
  switch (node->type)
    {
    case NODE_OBJECT:
      return "an object";
    case NODE_ARRAY:
      return "an array";
    case NODE_NULL:
      return "null";
    case NODE_STRING:
      return "a string";
    case NODE_BOOLEAN:
      return "a boolean";
    case NODE_INTEGER:
      return "an integer";
    case NODE_DOUBLE:
      /* 1e99999 has no fraction; said so, it would mislead. */
      if (!isfinite (node->number.value))
        return "a number too large for a double";
      if (node->number.text != NULL && strpbrk (node->number.text, ".") == NULL)
        return "a number with an exponent";
      return node->number.text != NULL ? "a number with a fraction"
                                       : "a number with a fraction or an exponent";
    default:
      return "a value";
    }
}

static gboolean
is_absent (Node *node)
{
  return node == NULL || node->type == NODE_NULL;
}

static gboolean
names_equal (Node       *node,
             const char *name,
             gsize       length)
{
  return node->name_length == length && memcmp (node->name, name, length) == 0;
}

/* Whether @object has a member with the known name @known. */
static inline gboolean
has_known (Node *object,
           int   known)
{
  return (object->container.seen[known / 64] & (G_GUINT64_CONSTANT (1) << (known % 64))) != 0;
}

/* The member @name of @object, or NULL. */
static Node *
member_of (Node       *object,
           const char *name)
{
  gsize length = strlen (name);
  int known;

  if (object->container.names != NULL)
    return g_hash_table_lookup (object->container.names, name);

  /* The names asked for are those of the lists. */
  known = name_lookup (name_table (), name, length);
  if (known < 0)
    {
      for (Node *node = object->container.first; node != NULL; node = node->next)
        {
          if (names_equal (node, name, length))
            return node;
        }
      return NULL;
    }

  if (!has_known (object, known))
    return NULL;
  for (Node *node = object->container.first; node != NULL; node = node->next)
    {
      if (node->known == known)
        return node;
    }

  return NULL;
}

/* Types */

static const char *
expect_string (Reader         *r,
               Node           *node,
               const Location *where)
{
  if (node->type == NODE_STRING)
    {
      const char *text = node->string.text;

      /* The file is valid UTF-8, but an escape can still name half a
       * surrogate pair ("\ud800"), which decodes to bytes that are not
       * UTF-8, or a NUL ("\u0000"), which no C string can hold whole. */
      if (node->string.clean)
        return text;
      if (strlen (text) != node->string.length)
        report (r, where, BILAT_FORMAT_ERROR_INVALID_VALUE,
                "the string holds a NUL character (“\\u0000”)");
      else if (g_utf8_validate (text, (gssize) node->string.length, NULL))
        return text;
      else
        report (r, where, BILAT_FORMAT_ERROR_INVALID_VALUE,
                "the string is not valid Unicode (a lone surrogate escape?)");
      return NULL;
    }

  report (r, where, BILAT_FORMAT_ERROR_WRONG_TYPE,
          "expected a string, not %s", describe_node (node));
  return NULL;
}

static gboolean
expect_integer (Reader         *r,
                Node           *node,
                const Location *where,
                gint64          min,
                gint64          max,
                gint64         *value)
{
  if (node->type != NODE_INTEGER)
    {
      report (r, where, BILAT_FORMAT_ERROR_WRONG_TYPE,
              "expected an integer, not %s", describe_node (node));
      return FALSE;
    }

  if (node->number.overflow)
    {
      g_autofree char *text = quoted (node->number.text);

      report (r, where, BILAT_FORMAT_ERROR_INVALID_VALUE,
              "%s is out of range (%" G_GINT64_FORMAT " to %" G_GINT64_FORMAT ")",
              text, min, max);
      return FALSE;
    }

  *value = node->number.integer;
  if (*value < min || *value > max)
    {
      report (r, where, BILAT_FORMAT_ERROR_INVALID_VALUE,
              "%" G_GINT64_FORMAT " is out of range (%" G_GINT64_FORMAT
              " to %" G_GINT64_FORMAT ")", *value, min, max);
      return FALSE;
    }

  return TRUE;
}

static gboolean
expect_number (Reader         *r,
               Node           *node,
               const Location *where,
               double          min,
               double          max,
               double         *value)
{
  if (node->type != NODE_INTEGER && node->type != NODE_DOUBLE)
    {
      report (r, where, BILAT_FORMAT_ERROR_WRONG_TYPE,
              "expected a number, not %s", describe_node (node));
      return FALSE;
    }

  *value = node->number.value;
  if (!isfinite (*value))
    {
      g_autofree char *text = quoted (node->number.text);

      report (r, where, BILAT_FORMAT_ERROR_INVALID_VALUE,
              "%s is out of range (%g to %g)", text, min, max);
      return FALSE;
    }
  if (!(*value >= min && *value <= max))
    {
      report (r, where, BILAT_FORMAT_ERROR_INVALID_VALUE,
              "%g is out of range (%g to %g)", *value, min, max);
      return FALSE;
    }

  return TRUE;
}

static gboolean
expect_object (Reader         *r,
               Node           *node,
               const Location *where)
{
  if (node->type == NODE_OBJECT)
    return TRUE;

  report (r, where, BILAT_FORMAT_ERROR_WRONG_TYPE,
          "expected an object, not %s", describe_node (node));
  return FALSE;
}

static gboolean
expect_array (Reader         *r,
              Node           *node,
              const Location *where)
{
  if (node->type == NODE_ARRAY)
    return TRUE;

  report (r, where, BILAT_FORMAT_ERROR_WRONG_TYPE,
          "expected an array, not %s", describe_node (node));
  return FALSE;
}

static const char *
expect_id (Reader         *r,
           Node           *node,
           const Location *where)
{
  const char *id = expect_string (r, node, where);

  if (id != NULL && !bilat_record_is_valid_id (id))
    {
      g_autofree char *text = quoted (id);

      report (r, where, BILAT_FORMAT_ERROR_INVALID_VALUE,
              "“%s” is not a valid id (1 to 200 characters: an ASCII letter "
              "or digit, then letters, digits, “.”, “_”, “:” or “-”)", text);
      return NULL;
    }

  return id;
}

/* A nick of @enum_type, or FALSE with a problem listing the nicks. */
static gboolean
expect_nick (Reader         *r,
             Node           *node,
             const Location *where,
             GType           enum_type,
             const char     *what,
             int            *value)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);
  const char *nick = expect_string (r, node, where);
  g_autofree char *text = NULL;
  GEnumValue *found;
  GString *known;

  if (nick == NULL)
    return FALSE;

  found = g_enum_get_value_by_nick (enum_class, nick);
  if (found != NULL)
    {
      *value = found->value;
      return TRUE;
    }

  known = g_string_new (NULL);
  for (guint i = 0; i < enum_class->n_values; i++)
    g_string_append_printf (known, "%s%s", i > 0 ? ", " : "",
                            enum_class->values[i].value_nick);
  text = quoted (nick);
  report (r, where, BILAT_FORMAT_ERROR_INVALID_VALUE,
          "unknown %s “%s” (expected one of %s)", what, text, known->str);
  g_string_free (known, TRUE);

  return FALSE;
}

/* Members */

static const char *
member_set_nth (const MemberSet *set,
                guint            n)
{
  const _BilatField *tables[] = { set->fields, set->more_fields };

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      for (guint i = 0; tables[t] != NULL && tables[t][i].name != NULL; i++, n--)
        {
          if (n == 0)
            return tables[t][i].name;
        }
    }

  for (guint i = 0; set->names != NULL && set->names[i] != NULL; i++, n--)
    {
      if (n == 0)
        return set->names[i];
    }

  return NULL;
}

/* The mask of the lists of @set. */
static guint
member_set_mask (const MemberSet *set)
{
  guint wanted = 0;

  if (set->fields != NULL)
    wanted |= member_list_bit (set->fields);
  if (set->more_fields != NULL)
    wanted |= member_list_bit (set->more_fields);
  if (set->names != NULL)
    wanted |= member_list_bit (set->names);

  return wanted;
}

static gboolean
member_set_has (guint set_mask,
                int   known)
{
  return known >= 0 && (name_table ()->names[known].lists & set_mask) != 0;
}

/* The edit distance of two short ASCII names, or G_MAXUINT for long ones. */
static guint
edit_distance (const char *a,
               const char *b)
{
  enum { MAX = 32 };
  guint row[MAX + 1];
  gsize la = strlen (a), lb = strlen (b);

  if (la > MAX || lb > MAX)
    return G_MAXUINT;

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;

  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }

  return row[lb];
}

/* A known member close enough to @name to be what was meant: "event"
 * for "events", "sumary" for "summary". */
static const char *
suggest_member (const MemberSet *set,
                const char      *name)
{
  const char *best = NULL, *known;
  guint best_distance = 3;

  for (guint n = 0; (known = member_set_nth (set, n)) != NULL; n++)
    {
      guint distance = edit_distance (name, known);

      if (distance < best_distance)
        {
          best = known;
          best_distance = distance;
        }
    }

  return best;
}

static gboolean
fields_have (const _BilatField *fields,
             const char        *name)
{
  for (guint i = 0; fields != NULL && fields[i].name != NULL; i++)
    {
      if (strcmp (fields[i].name, name) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Reports member @node (named @name) of an object as unknown, unless
 * @set has it. */
static void
check_member (Reader            *r,
              Node              *node,
              const char        *name,
              int                known,
              guint              set_mask,
              const MemberSet   *set,
              const char        *parent,
              int                element,
              const _BilatField *exercise_only)
{
  Location where;
  const char *suggestion;

  if (member_set_has (set_mask, known))
    return;

  where = parent != NULL ? at (r, node, parent, element, name)
                         : at (r, node, name, -1, NULL);

  if (fields_have (exercise_only, name))
    {
      report (r, &where, BILAT_FORMAT_ERROR_UNKNOWN_FIELD,
              "only an event of type “exercise” has this member");
      return;
    }

  suggestion = suggest_member (set, name);
  if (suggestion != NULL)
    report (r, &where, BILAT_FORMAT_ERROR_UNKNOWN_FIELD,
            "unknown member (did you mean “%s”?)", suggestion);
  else
    report (r, &where, BILAT_FORMAT_ERROR_UNKNOWN_FIELD, "unknown member");
}

static void
report_repeat (Reader     *r,
               const char *name,
               guint       line,
               const char *parent,
               int         element)
{
  Location where = parent != NULL ? at (r, NULL, parent, element, name)
                                  : at (r, NULL, name, -1, NULL);

  where.line = line;
  report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE, "the member is given more than once");
}

/* Reports the members of @object outside of @set, and a member given
 * twice. @parent, @element name @object within the current record (NULL,
 * -1 for the record itself). @exercise_only are members that only
 * exercises have, for a better message on plain events. */
static void
check_members (Reader            *r,
               Node              *object,
               const MemberSet   *set,
               const char        *parent,
               int                element,
               const _BilatField *exercise_only)
{
  Node *repeat = object->container.repeat;
  guint set_mask = member_set_mask (set);

  for (Node *node = object->container.first; node != NULL; node = node->next)
    {
      if (!member_set_has (set_mask, node->known))
        check_member (r, node, node->name, node->known, set_mask, set, parent, element,
                      exercise_only);
    }

  if (repeat != NULL)
    report_repeat (r, repeat->name, object->container.repeat_line, parent, element);
}

/* Ids kept past their record */

static const char *
keep_string (Reader     *r,
             const char *text)
{
  return g_string_chunk_insert (r->strings, text);
}

/* References and names */

static gboolean reference_resolves (Reader     *r,
                                    _BilatKind  kind,
                                    const char *id);

/* A reference is checked at once when what it names has been read; one
 * that may name a record further on is kept for the end, and so is a
 * predecessor, whose chain can only be followed then. */
static void
defer_reference (Reader         *r,
                 const Location *where,
                 _BilatKind      kind,
                 const char     *id)
{
  Reference reference = { *where, kind, NULL, r->n_references++ };

  /* A predecessor is a member of the record itself, not of a part. */
  if (reference_resolves (r, kind, id) &&
      !(kind == _BILAT_KIND_ACTOR && where->sub == NULL &&
        g_strcmp0 (where->member, "predecessor") == 0))
    return;

  reference.id = keep_string (r, id);
  if (where->record_id != NULL)
    reference.where.record_id = keep_string (r, where->record_id);
  g_array_append_val (r->references, reference);
}

static gboolean
is_upper_code (const char *code,
               gsize       min_length,
               gsize       max_length)
{
  gsize length = strlen (code);

  if (length < min_length || length > max_length)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isupper (code[i]) && !g_ascii_isdigit (code[i]) && code[i] != '-')
        return FALSE;
    }

  return TRUE;
}

/* An alpha-3 code of a current or historic country, as written in ISO
 * 3166 (iso-codes lookups ignore case, the format does not). */
static gboolean
is_country_code (const char *code)
{
  return is_upper_code (code, 3, 3) && bilat_country_get_name (code) != NULL;
}

/* The same, remembered: a million events name a few hundred countries,
 * and the lookup in iso-codes costs more than a hash. */
static gboolean
is_known_country (Reader     *r,
                  const char *code)
{
  gpointer known;

  if (!g_hash_table_lookup_extended (r->countries, code, NULL, &known))
    {
      known = GINT_TO_POINTER (is_country_code (code));
      g_hash_table_insert (r->countries, g_strdup (code), known);
    }

  return GPOINTER_TO_INT (known);
}

static gboolean
is_subdivision_code (const char *code)
{
  return is_upper_code (code, 4, 6) && bilat_subdivision_get_name (code) != NULL;
}
/* Drafts */

static void
draft_init (Draft *draft)
{
  draft->names = g_ptr_array_new ();
  draft->values = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_array_set_clear_func (draft->values, (GDestroyNotify) g_value_unset);
  draft->aliases = g_ptr_array_new ();
  draft->parents = g_ptr_array_new ();
  draft->participants = g_ptr_array_new_with_free_func (g_object_unref);
  draft->place = NULL;
  draft->citations = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Empties @draft for the next record, keeping its arrays. */
static void
draft_reset (Draft *draft)
{
  g_ptr_array_set_size (draft->names, 0);
  g_array_set_size (draft->values, 0);
  g_ptr_array_set_size (draft->aliases, 0);
  g_ptr_array_set_size (draft->parents, 0);
  g_ptr_array_set_size (draft->participants, 0);
  g_clear_pointer (&draft->place, bilat_place_unref);
  g_ptr_array_set_size (draft->citations, 0);
}

static void
draft_clear (Draft *draft)
{
  g_ptr_array_unref (draft->names);
  g_array_unref (draft->values);
  g_ptr_array_unref (draft->aliases);
  g_ptr_array_unref (draft->parents);
  g_ptr_array_unref (draft->participants);
  g_clear_pointer (&draft->place, bilat_place_unref);
  g_ptr_array_unref (draft->citations);
}

/* A zeroed GValue of @type, to be set, for the property @name. */
static GValue *
draft_add (Draft      *draft,
           const char *name,
           GType       type)
{
  GValue *value;

  g_ptr_array_add (draft->names, (gpointer) name);
  g_array_set_size (draft->values, draft->values->len + 1);
  value = &g_array_index (draft->values, GValue, draft->values->len - 1);
  g_value_init (value, type);

  return value;
}

static BilatRecord *
draft_build (Draft *draft,
             GType  type)
{
  BilatRecord *record;

  record = (BilatRecord *) g_object_new_with_properties (type, draft->names->len,
                                                         (const char **) draft->names->pdata,
                                                         (const GValue *) draft->values->data);

  if (draft->aliases->len > 0)
    {
      g_ptr_array_add (draft->aliases, NULL);
      bilat_actor_set_aliases (BILAT_ACTOR (record), (const char * const *) draft->aliases->pdata);
    }

  if (draft->parents->len > 0)
    {
      g_ptr_array_add (draft->parents, NULL);
      bilat_issue_set_parents (BILAT_ISSUE (record), (const char * const *) draft->parents->pdata);
    }

  for (guint i = 0; i < draft->participants->len; i++)
    {
      BilatParticipant *participant = g_ptr_array_index (draft->participants, i);

      bilat_event_add_participant (BILAT_EVENT (record),
                                   bilat_participant_get_actor (participant),
                                   bilat_participant_get_role (participant));
    }

  if (draft->place != NULL)
    bilat_event_set_place (BILAT_EVENT (record), draft->place);

  for (guint i = 0; i < draft->citations->len; i++)
    bilat_record_add_citation (record, g_ptr_array_index (draft->citations, i));

  return record;
}

/* Field readers. Each checks the non-null member @node of the current
 * record and adds what it read to @draft. */

static BilatDate *
read_date (Reader         *r,
           Node           *node,
           const Location *where)
{
  g_autoptr(GError) error = NULL;
  const char *text = expect_string (r, node, where);
  BilatDate *date;

  if (text == NULL)
    return NULL;

  date = bilat_date_parse (text, &error);
  if (date == NULL)
    report (r, where, BILAT_FORMAT_ERROR_INVALID_VALUE, "%s", error->message);

  return date;
}

static void
read_sectors (Reader         *r,
              Node           *node,
              const Location *member_where,
              const char     *member,
              GType           flags_type,
              guint          *sectors)
{
  g_autoptr(GFlagsClass) flags_class = g_type_class_ref (flags_type);
  Node *element = expect_array (r, node, member_where) ? node->container.first : NULL;

  *sectors = 0;
  for (guint i = 0; element != NULL; element = element->next, i++)
    {
      Location where = at (r, element, member, i, NULL);
      const char *nick = expect_string (r, element, &where);
      GFlagsValue *found;

      if (nick == NULL)
        continue;

      found = g_flags_get_value_by_nick (flags_class, nick);
      if (found == NULL || found->value == 0)
        {
          GString *known = g_string_new (NULL);
          g_autofree char *text = quoted (nick);

          for (guint v = 0; v < flags_class->n_values; v++)
            {
              if (flags_class->values[v].value != 0)
                g_string_append_printf (known, "%s%s", known->len > 0 ? ", " : "",
                                        flags_class->values[v].value_nick);
            }
          report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE,
                  "unknown sector “%s” (expected one of %s)", text, known->str);
          g_string_free (known, TRUE);
        }
      else if ((*sectors & found->value) != 0)
        report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE,
                "sector “%s” is given more than once", nick);
      else
        *sectors |= found->value;
    }
}

static void
read_cameo (Reader         *r,
            Node           *node,
            const Location *where,
            const char     *property,
            Draft          *draft)
{
  const char *code = expect_string (r, node, where);
  g_autofree char *text = NULL;
  gsize length;

  if (code == NULL)
    return;

  length = strlen (code);
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (code[i]))
        length = 0;
    }

  if (length >= 2 && length <= 4 && bilat_cameo_is_known (code))
    {
      g_value_set_static_string (draft_add (draft, property, G_TYPE_STRING), code);
      return;
    }

  text = quoted (code);
  if (length < 2 || length > 4)
    report (r, where, BILAT_FORMAT_ERROR_INVALID_VALUE,
            "“%s” is not a CAMEO event code (2 to 4 digits)", text);
  else
    report (r, where, BILAT_FORMAT_ERROR_INVALID_VALUE,
            "“%s” is not a code of the CAMEO codebook", text);
}

static void
read_aliases (Reader         *r,
              Node           *node,
              const Location *member_where,
              Draft          *draft)
{
  Node *element = expect_array (r, node, member_where) ? node->container.first : NULL;
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; element != NULL; element = element->next, i++)
    {
      Location where = at (r, element, "aliases", i, NULL);
      const char *alias = expect_string (r, element, &where);
      char *key;

      if (alias == NULL)
        continue;
      if (*alias == '\0')
        {
          report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE, "an alias may not be empty");
          continue;
        }

      key = _bilat_alias_key (alias);
      if (!g_hash_table_add (keys, key))
        {
          g_autofree char *text = quoted (alias);

          report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE,
                  "alias “%s” is given more than once (aliases ignore case)", text);
          continue;
        }

      g_ptr_array_add (draft->aliases, (gpointer) alias);
    }
}

/* An issue's parents: ids of issues, each once, never the issue's own. */
static void
read_parents (Reader         *r,
              Node           *node,
              const Location *member_where,
              Draft          *draft)
{
  Node *element = expect_array (r, node, member_where) ? node->container.first : NULL;

  for (guint i = 0; element != NULL; element = element->next, i++)
    {
      Location where = at (r, element, "parents", i, NULL);
      const char *id = expect_id (r, element, &where);

      if (id == NULL)
        continue;
      if (g_strcmp0 (id, r->record.record_id) == 0)
        {
          report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE, "an issue is not its own parent");
          continue;
        }
      if (g_ptr_array_find_with_equal_func (draft->parents, id, g_str_equal, NULL))
        {
          g_autofree char *text = quoted (id);

          report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE,
                  "parent “%s” is given more than once", text);
          continue;
        }
      defer_reference (r, &where, _BILAT_KIND_ISSUE, id);
      g_ptr_array_add (draft->parents, (gpointer) id);
    }
}

static void
read_participants (Reader         *r,
                   Node           *node,
                   const Location *member_where,
                   Draft          *draft)
{
  static const MemberSet members = { NULL, NULL, participant_members };
  Node *element = expect_array (r, node, member_where) ? node->container.first : NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; element != NULL; element = element->next, i++)
    {
      Location where = at (r, element, "participants", i, NULL);
      Node *actor_node, *role_node;
      const char *actor = NULL;
      int role = BILAT_ROLE_PARTICIPANT;
      gboolean role_ok = TRUE;

      if (!expect_object (r, element, &where))
        continue;

      check_members (r, element, &members, "participants", i, NULL);

      actor_node = member_of (element, "actor");
      if (is_absent (actor_node))
        report (r, &where, BILAT_FORMAT_ERROR_MISSING_FIELD,
                "a participant needs member “actor”");
      else
        {
          Location actor_where = at (r, actor_node, "participants", i, "actor");

          actor = expect_id (r, actor_node, &actor_where);
          if (actor != NULL && !g_hash_table_add (seen, (gpointer) actor))
            {
              report (r, &actor_where, BILAT_FORMAT_ERROR_INVALID_VALUE,
                      "actor “%s” takes part more than once", actor);
              actor = NULL;
            }
          else if (actor != NULL)
            defer_reference (r, &actor_where, _BILAT_KIND_ACTOR, actor);
        }

      role_node = member_of (element, "role");
      if (!is_absent (role_node))
        {
          Location role_where = at (r, role_node, "participants", i, "role");

          role_ok = expect_nick (r, role_node, &role_where, BILAT_TYPE_ROLE, "role", &role);
        }

      if (actor != NULL && role_ok)
        g_ptr_array_add (draft->participants, bilat_participant_new (actor, role));
    }
}

/* The non-null member @sub of @object, the object at @member[@element]
 * of the current record, or NULL; *@where is its location either way. */
static Node *
sub_member (Reader     *r,
            Node       *object,
            const char *member,
            int         element,
            const char *sub,
            Location   *where)
{
  Node *node = member_of (object, sub);

  *where = at (r, node, member, element, sub);

  return is_absent (node) ? NULL : node;
}

/* An optional string member of a sub-object: TRUE if it is absent or a
 * string (then in *@value), FALSE with a problem otherwise. */
static gboolean
read_sub_string (Reader      *r,
                 Node        *object,
                 const char  *member,
                 int          element,
                 const char  *sub,
                 const char **value)
{
  Location where;
  Node *node = sub_member (r, object, member, element, sub, &where);

  *value = node != NULL ? expect_string (r, node, &where) : NULL;

  return node == NULL || *value != NULL;
}

static void
read_place (Reader         *r,
            Node           *node,
            const Location *member_where,
            Draft          *draft)
{
  static const MemberSet members = { NULL, NULL, place_members };
  const char *name, *subdivision, *country;
  Node *latitude_node, *longitude_node;
  double latitude = 0, longitude = 0;
  Location where;
  gboolean ok = TRUE;

  if (!expect_object (r, node, member_where))
    return;

  check_members (r, node, &members, "place", -1, NULL);

  ok &= read_sub_string (r, node, "place", -1, "name", &name);
  ok &= read_sub_string (r, node, "place", -1, "subdivision", &subdivision);
  ok &= read_sub_string (r, node, "place", -1, "country", &country);

  if (subdivision != NULL && !is_subdivision_code (subdivision))
    {
      g_autofree char *text = quoted (subdivision);

      sub_member (r, node, "place", -1, "subdivision", &where);
      report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE,
              "“%s” is not an ISO 3166-2 subdivision code", text);
      ok = FALSE;
    }

  if (country != NULL && !is_known_country (r, country))
    {
      g_autofree char *text = quoted (country);

      sub_member (r, node, "place", -1, "country", &where);
      report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE,
              "“%s” is not an ISO 3166-1 or ISO 3166-3 alpha-3 country code", text);
      ok = FALSE;
    }

  /* Only when none is there at all, not when one is there but wrong. */
  if (ok && name == NULL && subdivision == NULL && country == NULL)
    {
      report (r, member_where, BILAT_FORMAT_ERROR_MISSING_FIELD,
              "a place needs at least one of “name”, “subdivision” and “country”");
      ok = FALSE;
    }

  latitude_node = sub_member (r, node, "place", -1, "latitude", &where);
  if (latitude_node != NULL)
    ok &= expect_number (r, latitude_node, &where, -90.0, 90.0, &latitude);

  longitude_node = sub_member (r, node, "place", -1, "longitude", &where);
  if (longitude_node != NULL)
    ok &= expect_number (r, longitude_node, &where, -180.0, 180.0, &longitude);

  if ((latitude_node == NULL) != (longitude_node == NULL))
    {
      where = at (r, node, "place", -1, latitude_node == NULL ? "latitude" : "longitude");
      report (r, &where, BILAT_FORMAT_ERROR_MISSING_FIELD,
              "latitude and longitude come together");
      ok = FALSE;
    }

  if (!ok)
    return;

  if (latitude_node != NULL)
    draft->place = bilat_place_new_with_coordinates (name, subdivision, country,
                                                     latitude, longitude);
  else
    draft->place = bilat_place_new (name, subdivision, country);
}

static void
read_citation (Reader *r,
               Node   *element,
               guint   i,
               Draft  *draft)
{
  static const MemberSet members = { NULL, NULL, citation_members };
  Location where = at (r, element, "citations", i, NULL);
  Node *node, *start_node, *end_node;
  const char *source = NULL, *quote, *row = NULL;
  gint64 paragraph = 0, start = -1, end = -1;
  gboolean ok = TRUE;

  if (!expect_object (r, element, &where))
    return;

  check_members (r, element, &members, "citations", i, NULL);

  node = sub_member (r, element, "citations", i, "source", &where);
  if (node == NULL)
    {
      where = at (r, element, "citations", i, NULL);
      report (r, &where, BILAT_FORMAT_ERROR_MISSING_FIELD, "a citation needs member “source”");
      ok = FALSE;
    }
  else if ((source = expect_id (r, node, &where)) != NULL)
    defer_reference (r, &where, _BILAT_KIND_SOURCE, source);
  else
    ok = FALSE;

  node = sub_member (r, element, "citations", i, "paragraph", &where);
  if (node != NULL)
    ok &= expect_integer (r, node, &where, 1, G_MAXUINT, &paragraph);

  start_node = sub_member (r, element, "citations", i, "start", &where);
  if (start_node != NULL)
    ok &= expect_integer (r, start_node, &where, 0, G_MAXINT64, &start);

  end_node = sub_member (r, element, "citations", i, "end", &where);
  if (end_node != NULL)
    ok &= expect_integer (r, end_node, &where, 0, G_MAXINT64, &end);

  if ((start_node == NULL) != (end_node == NULL))
    {
      where = at (r, element, "citations", i, start_node == NULL ? "start" : "end");
      report (r, &where, BILAT_FORMAT_ERROR_MISSING_FIELD, "start and end come together");
      ok = FALSE;
    }
  else if (start >= 0 && end >= 0 && end < start)
    {
      report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE,
              "the passage ends (%" G_GINT64_FORMAT ") before it starts (%" G_GINT64_FORMAT ")",
              end, start);
      ok = FALSE;
    }

  ok &= read_sub_string (r, element, "citations", i, "quote", &quote);

  node = sub_member (r, element, "citations", i, "row", &where);
  if (node != NULL)
    {
      ok &= read_sub_string (r, element, "citations", i, "row", &row);
      if (row != NULL && row[0] == '\0')
        {
          report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE, "a row's key may not be empty");
          ok = FALSE;
        }
      else if (row != NULL && (paragraph != 0 || start_node != NULL || quote != NULL))
        {
          report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE,
                  "a citation of a row has no paragraph, range or quote");
          ok = FALSE;
        }
    }

  if (ok && row != NULL)
    g_ptr_array_add (draft->citations, bilat_citation_new_for_row (source, row));
  else if (ok)
    g_ptr_array_add (draft->citations,
                     bilat_citation_new (source, (guint) paragraph, start, end, quote));
}

/* Reads the non-null member @node for @field into @draft. */
static void
read_field (Reader            *r,
            GObjectClass      *klass,
            const _BilatField *field,
            Node              *node,
            Draft             *draft)
{
  Location where = at (r, node, field->name, -1, NULL);
  GParamSpec *pspec = NULL;

  /* Only enumerations need the property's type, and a lookup is a cost
   * paid per member. */
  if (field->type == _BILAT_FIELD_ENUM || field->type == _BILAT_FIELD_SECTORS)
    pspec = g_object_class_find_property (klass, field->property);

  switch (field->type)
    {
    case _BILAT_FIELD_ID:
    case _BILAT_FIELD_EVENT_TYPE:
      /* Read before the record could be built. */
      break;

    case _BILAT_FIELD_STRING:
    case _BILAT_FIELD_OWN_NAME:
      {
        const char *text = expect_string (r, node, &where);

        /* The record's text outlives the draft: no copy until the object
         * makes its own. */
        if (text != NULL)
          g_value_set_static_string (draft_add (draft, field->property, G_TYPE_STRING), text);
      }
      break;

    case _BILAT_FIELD_DATE:
      {
        BilatDate *date = read_date (r, node, &where);

        if (date != NULL)
          g_value_take_boxed (draft_add (draft, field->property, BILAT_TYPE_DATE), date);
      }
      break;

    case _BILAT_FIELD_ENUM:
      {
        int value;

        if (expect_nick (r, node, &where, G_PARAM_SPEC_VALUE_TYPE (pspec), field->name, &value))
          g_value_set_enum (draft_add (draft, field->property, G_PARAM_SPEC_VALUE_TYPE (pspec)),
                            value);
      }
      break;

    case _BILAT_FIELD_SECTORS:
      {
        guint sectors;

        read_sectors (r, node, &where, field->name, G_PARAM_SPEC_VALUE_TYPE (pspec), &sectors);
        g_value_set_flags (draft_add (draft, field->property, G_PARAM_SPEC_VALUE_TYPE (pspec)),
                           sectors);
      }
      break;

    case _BILAT_FIELD_REFERENCE:
      {
        const char *id = expect_id (r, node, &where);

        if (id == NULL)
          break;
        defer_reference (r, &where, field->ref_kind, id);
        g_value_set_static_string (draft_add (draft, field->property, G_TYPE_STRING), id);
      }
      break;

    case _BILAT_FIELD_COUNT:
    case _BILAT_FIELD_SESSION:
      {
        gboolean session = field->type == _BILAT_FIELD_SESSION;
        gint64 count;

        if (expect_integer (r, node, &where, session ? 1 : 0, session ? G_MAXUINT16 : G_MAXUINT, &count))
          g_value_set_uint (draft_add (draft, field->property, G_TYPE_UINT), (guint) count);
      }
      break;

    case _BILAT_FIELD_CAMEO:
      read_cameo (r, node, &where, field->property, draft);
      break;

    case _BILAT_FIELD_SCORE:
      {
        double score;

        if (expect_number (r, node, &where, -10.0, 10.0, &score))
          g_value_set_double (draft_add (draft, field->property, G_TYPE_DOUBLE), score);
      }
      break;

    case _BILAT_FIELD_NUMBER:
      {
        double number;

        if (expect_number (r, node, &where, -G_MAXDOUBLE, G_MAXDOUBLE, &number))
          g_value_set_double (draft_add (draft, field->property, G_TYPE_DOUBLE), number);
      }
      break;

    case _BILAT_FIELD_BOOLEAN:
      if (node->type == NODE_BOOLEAN)
        g_value_set_boolean (draft_add (draft, field->property, G_TYPE_BOOLEAN),
                             node->boolean);
      else
        report (r, &where, BILAT_FORMAT_ERROR_WRONG_TYPE,
                "expected true or false, not %s", describe_node (node));
      break;

    case _BILAT_FIELD_ALIASES:
      read_aliases (r, node, &where, draft);
      break;

    case _BILAT_FIELD_PARENTS:
      read_parents (r, node, &where, draft);
      break;

    case _BILAT_FIELD_PARTICIPANTS:
      read_participants (r, node, &where, draft);
      break;

    case _BILAT_FIELD_PLACE:
      read_place (r, node, &where, draft);
      break;

    case _BILAT_FIELD_CITATIONS:
      if (expect_array (r, node, &where))
        {
          guint i = 0;

          for (Node *element = node->container.first; element != NULL; element = element->next)
            read_citation (r, element, i++, draft);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
read_fields (Reader            *r,
             GObjectClass      *klass,
             const _BilatField *fields,
             Node              *object,
             Draft             *draft)
{
  for (guint i = 0; fields != NULL && fields[i].name != NULL; i++)
    {
      const _BilatField *field = &fields[i];
      Node *node;

      if (field->type == _BILAT_FIELD_ID || field->type == _BILAT_FIELD_EVENT_TYPE)
        continue;

      node = member_of (object, field->name);
      if (is_absent (node))
        {
          if ((field->flags & _BILAT_FIELD_REQUIRED) == 0 ||
              (node != NULL && (field->flags & _BILAT_FIELD_NULLABLE) != 0))
            continue;

          if (node == NULL)
            {
              Location where = at (r, NULL, field->name, -1, NULL);

              report (r, &where, BILAT_FORMAT_ERROR_MISSING_FIELD,
                      "%s %s needs member “%s”", article (_bilat_kinds[r->record.kind].noun),
                      _bilat_kinds[r->record.kind].noun, field->name);
            }
          else
            {
              Location where = at (r, node, field->name, -1, NULL);

              report (r, &where, BILAT_FORMAT_ERROR_MISSING_FIELD,
                      "the member is required and may not be null");
            }
          continue;
        }

      read_field (r, klass, field, node, draft);
    }
}

/* The class of an event from its "type": an event's, an exercise's, or
 * (when the type is missing or unknown) none, returned as G_TYPE_INVALID. */
static GType
read_event_type (Reader *r,
                 Node   *object)
{
  Node *node = member_of (object, "type");
  Location where = at (r, node, "type", -1, NULL);
  g_autofree char *text = NULL;
  const char *type;

  if (is_absent (node))
    {
      report (r, &where, BILAT_FORMAT_ERROR_MISSING_FIELD,
              "an event needs member “type” (“event”, “exercise” or “coded”)");
      return G_TYPE_INVALID;
    }

  type = expect_string (r, node, &where);
  if (type == NULL)
    return G_TYPE_INVALID;
  if (strcmp (type, "event") == 0)
    return BILAT_TYPE_EVENT;
  if (strcmp (type, "exercise") == 0)
    return BILAT_TYPE_EXERCISE;
  if (strcmp (type, "coded") == 0)
    return BILAT_TYPE_CODED_EVENT;

  text = quoted (type);
  report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE,
          "unknown event type “%s” (expected “event”, “exercise” or “coded”)", text);
  return G_TYPE_INVALID;
}

/* Ids */

/* The key of an event id that a segment can hold: its prefix's rank and
 * its number, eight bytes instead of a string and a hash node, since an
 * imported dataset has millions. FALSE for other ids. */
static gboolean
event_key (Reader     *r,
           const char *id,
           guint64    *key)
{
  char prefix[256];
  gsize prefix_length;
  guint64 number;
  guint rank;

  if (!_bilat_segment_split_id (id, &prefix_length, &number) ||
      prefix_length >= sizeof prefix || number >> EVENT_KEY_NUMBER_BITS != 0)
    return FALSE;

  /* A dataset's events mostly share one prefix. */
  if (r->last_prefix_rank != 0 && prefix_length == r->last_prefix_length &&
      memcmp (id, r->last_prefix, prefix_length) == 0)
    {
      *key = (guint64) (r->last_prefix_rank - 1) << EVENT_KEY_NUMBER_BITS | number;
      return TRUE;
    }

  memcpy (prefix, id, prefix_length);
  prefix[prefix_length] = '\0';
  rank = GPOINTER_TO_UINT (g_hash_table_lookup (r->prefixes, prefix));
  if (rank == 0)
    {
      const char *kept;

      if (r->prefix_names->len >= EVENT_KEY_MAX_PREFIXES)
        return FALSE;
      kept = keep_string (r, prefix);
      g_ptr_array_add (r->prefix_names, (gpointer) kept);
      rank = r->prefix_names->len;
      g_hash_table_insert (r->prefixes, (gpointer) kept, GUINT_TO_POINTER (rank));
    }
  r->last_prefix = g_ptr_array_index (r->prefix_names, rank - 1);
  r->last_prefix_length = prefix_length;
  r->last_prefix_rank = rank;

  *key = (guint64) (rank - 1) << EVENT_KEY_NUMBER_BITS | number;
  return TRUE;
}

static BilatRecord *
lookup_stored (Reader     *r,
               _BilatKind  kind,
               const char *id)
{
  BilatRecord *stored = NULL;

  switch (kind)
    {
    case _BILAT_KIND_SOURCE:
      stored = (BilatRecord *) bilat_store_lookup_source (r->store, id);
      break;
    case _BILAT_KIND_ACTOR:
      /* Only the same id: another name is a problem of the names. */
      stored = (BilatRecord *) bilat_store_lookup_actor (r->store, id);
      if (stored != NULL && strcmp (bilat_record_get_id (stored), id) != 0)
        stored = NULL;
      break;
    case _BILAT_KIND_ISSUE:
      stored = (BilatRecord *) bilat_store_lookup_issue (r->store, id);
      break;
    case _BILAT_KIND_EVENT:
      stored = (BilatRecord *) bilat_store_lookup_event (r->store, id);
      break;
    case _BILAT_KIND_POSITION:
      stored = (BilatRecord *) bilat_store_lookup_position (r->store, id);
      break;
    case _BILAT_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  return stored;
}

/* Checks @id against the ids of its kind read so far and in the store,
 * and claims it if it is new. An event id that a segment can hold is
 * checked against the others of the document at the end. */
static gboolean
register_id (Reader     *r,
             Node       *object,
             const char *id)
{
  _BilatKind kind = r->record.kind;
  Location where = at (r, member_of (object, "id"), "id", -1, NULL);
  /* Most event ids are kept as keys, and most stores are empty: no
   * lookup where none can find anything. */
  guint first = g_hash_table_size (r->ids[kind]) > 0
                  ? GPOINTER_TO_UINT (g_hash_table_lookup (r->ids[kind], id)) : 0;
  guint64 key;

  if (first > 0)
    {
      report (r, &where, BILAT_FORMAT_ERROR_DUPLICATE_ID,
              "“%s” is already the id of %s[%u]", id, _bilat_kinds[kind].member, first - 1);
      return FALSE;
    }

  if (r->store_has[kind] && lookup_stored (r, kind, id) != NULL)
    {
      report (r, &where, BILAT_FORMAT_ERROR_DUPLICATE_ID,
              "the store already has %s %s with id “%s”",
              article (_bilat_kinds[kind].noun), _bilat_kinds[kind].noun, id);
      return FALSE;
    }

  if (kind == _BILAT_KIND_EVENT && event_key (r, id, &key))
    {
      EventKey event = { key, (guint32) r->record.index, where.line };

      g_array_append_val (r->event_keys, event);
      return TRUE;
    }

  g_hash_table_insert (r->ids[kind], (gpointer) keep_string (r, id),
                       GUINT_TO_POINTER (r->record.index + 1));

  return TRUE;
}

static int
compare_event_keys (gconstpointer a,
                    gconstpointer b)
{
  const EventKey *x = a;
  const EventKey *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* The index in the file of the event of the @row-th row: the events that
 * are not rows fill the gaps. */
static guint32
row_record_index (Reader *r,
                  guint32 row)
{
  const guint32 *non_rows = (const guint32 *) (gpointer) r->non_rows->data;
  guint low = 0, high = r->non_rows->len;

  /* The number k of non-rows before it is the first k whose non-row
   * comes after row + k. */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (non_rows[middle] - middle <= row)
        low = middle + 1;
      else
        high = middle;
    }
  return row + low;
}

/* Reports that the event @index (at @line), with id @id, has the id of
 * the earlier event @first, as if found where its id is. */
static void
report_duplicate_event (Reader     *r,
                        const char *id,
                        guint32     line,
                        guint32     index,
                        guint32     first)
{
  Location where = { line, _BILAT_KIND_EVENT, (int) index, id, "id", -1, NULL };

  r->phase = PHASE_RECORDS;
  r->sort_kind = _BILAT_KIND_EVENT;
  r->sort_index = (int) index;
  /* After every other problem of the record, where register_id() is. */
  r->sort_sub = G_MAXUINT - 1;
  report (r, &where, BILAT_FORMAT_ERROR_DUPLICATE_ID,
          "“%s” is already the id of %s[%u]", id, _bilat_kinds[_BILAT_KIND_EVENT].member, first);
}

/* The rows of the builder whose key is @key: where they start in @sorted
 * (by key), and how many. */
static guint
find_rows (BilatSegmentBuilder *builder,
           const guint32       *sorted,
           guint                n,
           guint64              key,
           guint               *start)
{
  guint low = 0, high = n, end;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (_bilat_segment_builder_get_key (builder, sorted[middle]) < key)
        low = middle + 1;
      else
        high = middle;
    }
  for (end = low; end < n && _bilat_segment_builder_get_key (builder, sorted[end]) == key; end++)
    ;
  *start = low;
  return end - low;
}

/* Events that share an id, found by sorting their keys: each but the
 * first is reported where its id is, as if it had been found there. The
 * events kept as rows of the builder are sorted there, with no key of
 * their own here; they are checked among themselves and against the
 * others. */
static void
check_event_keys (Reader *r)
{
  EventKey *keys = (EventKey *) (gpointer) r->event_keys->data;
  guint n = r->event_keys->len;
  guint64 mask = (G_GUINT64_CONSTANT (1) << EVENT_KEY_NUMBER_BITS) - 1;
  BilatSegmentBuilder *builder = r->builder;
  guint n_rows = builder != NULL ? _bilat_segment_builder_get_n_rows (builder) : 0;
  g_autofree guint32 *sorted = n_rows > 0 ? _bilat_segment_builder_sort_by_key (builder) : NULL;
  g_autoptr(GHashTable) reported = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) reported_keys = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (n > 1)
    qsort (keys, n, sizeof (EventKey), compare_event_keys);

  /* Each group of events with one key here, with the rows of that id:
   * the first of them all is the one the others repeat. */
  for (guint first = 0, end; first < n; first = end)
    {
      g_autofree char *id = NULL;
      guint64 row_key = 0;
      guint start = 0, count = 0;
      guint32 original = keys[first].index;

      for (end = first + 1; end < n && keys[end].key == keys[first].key; end++)
        ;
      id = g_strdup_printf ("%s%" G_GUINT64_FORMAT,
                            (const char *) g_ptr_array_index (r->prefix_names,
                                                              keys[first].key >> EVENT_KEY_NUMBER_BITS),
                            keys[first].key & mask);
      if (n_rows > 0 && _bilat_segment_builder_key_of_id (builder, id, &row_key))
        count = find_rows (builder, sorted, n_rows, row_key, &start);
      if (count > 0)
        {
          original = MIN (original, row_record_index (r, sorted[start]));
          g_array_append_val (reported_keys, row_key);
        }

      for (guint i = first; i < end; i++)
        if (keys[i].index != original)
          report_duplicate_event (r, id, keys[i].line, keys[i].index, original);
      for (guint k = 0; k < count; k++)
        {
          guint32 index = row_record_index (r, sorted[start + k]);

          if (index != original)
            report_duplicate_event (r, id, _bilat_segment_builder_get_line (builder, sorted[start + k]),
                                    index, original);
        }
    }
  for (guint i = 0; i < reported_keys->len; i++)
    g_hash_table_add (reported, &g_array_index (reported_keys, gint64, i));

  /* Rows among themselves: stable order, so the first of a group is the
   * first added. */
  for (guint i = 1, first = 0; i < n_rows; i++)
    {
      guint64 key = _bilat_segment_builder_get_key (builder, sorted[i]);
      char id[48];

      if (key != _bilat_segment_builder_get_key (builder, sorted[first]))
        {
          first = i;
          continue;
        }
      if (g_hash_table_contains (reported, &key))
        continue;
      _bilat_segment_builder_format_id (builder, sorted[i], id);
      report_duplicate_event (r, id, _bilat_segment_builder_get_line (builder, sorted[i]),
                              row_record_index (r, sorted[i]), row_record_index (r, sorted[first]));
    }
}

/* Lookups by actor name ignore case, so an actor's id and aliases may not
 * be, ignoring case, the id or an alias of another actor. */
static void
claim_actor_name (Reader         *r,
                  const Location *where,
                  const char     *name,
                  const char     *what,
                  const char     *actor)
{
  g_autofree char *key = _bilat_alias_key (name);
  const char *holder;
  BilatActor *stored;

  if (key == NULL || *key == '\0')
    return;

  holder = g_hash_table_lookup (r->actor_names, key);
  if (holder != NULL && strcmp (holder, actor) != 0)
    {
      g_autofree char *text = quoted (name);

      report (r, where, BILAT_FORMAT_ERROR_DUPLICATE_ID,
              "%s “%s” already names actor “%s” (actor names ignore case)",
              what, text, holder);
      return;
    }
  if (holder != NULL)
    return;

  stored = r->store_has[_BILAT_KIND_ACTOR] ? bilat_store_lookup_actor (r->store, name) : NULL;
  if (stored != NULL)
    {
      g_autofree char *text = quoted (name);

      report (r, where, BILAT_FORMAT_ERROR_DUPLICATE_ID,
              "%s “%s” already names actor “%s” of the store (actor names ignore case)",
              what, text, bilat_record_get_id (BILAT_RECORD (stored)));
      return;
    }

  g_hash_table_insert (r->actor_names, g_steal_pointer (&key), (gpointer) keep_string (r, actor));
}

static void
check_actor (Reader     *r,
             Node       *object,
             const char *id)
{
  Node *kind_node = member_of (object, "kind");
  Node *aliases_node = member_of (object, "aliases");
  Node *predecessor_node = member_of (object, "predecessor");
  Location where = at (r, member_of (object, "id"), "id", -1, NULL);
  guint i = 0;

  if (kind_node != NULL && kind_node->type == NODE_STRING &&
      strcmp (kind_node->string.text, "state") == 0 && !is_country_code (id))
    report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE,
            "“%s” is not an ISO 3166-1 or ISO 3166-3 alpha-3 code, which "
            "the id of a state must be", id);

  if (predecessor_node != NULL && predecessor_node->type == NODE_STRING)
    g_hash_table_insert (r->predecessors, (gpointer) keep_string (r, id),
                         (gpointer) keep_string (r, predecessor_node->string.text));

  claim_actor_name (r, &where, id, "id", id);

  if (aliases_node == NULL || aliases_node->type != NODE_ARRAY)
    return;

  /* Aliases that are not strings, or repeat one another, were reported. */
  for (Node *element = aliases_node->container.first; element != NULL;
       element = element->next, i++)
    {
      Location alias_where = at (r, element, "aliases", i, NULL);

      if (element->type == NODE_STRING)
        claim_actor_name (r, &alias_where, element->string.text, "alias", id);
    }
}

/* Before the current event is offered to the builder: the line its rows
 * are to keep (its id's, from the key register_id() kept). */
static void
offer_row (Reader *r)
{
  guint n = r->event_keys->len;
  const EventKey *last = n > 0 ? &g_array_index (r->event_keys, EventKey, n - 1) : NULL;

  _bilat_segment_builder_set_line (r->builder,
                                   last != NULL && last->index == (guint32) r->record.index ? last->line : 0);
}

/* The current event became a row: its key is the builder's to keep (it
 * is checked against the others there, see check_event_keys()), and the
 * events since the last row are not rows. */
static void
took_row (Reader *r)
{
  guint n = r->event_keys->len;
  guint32 index = (guint32) r->record.index;

  if (n > 0 && g_array_index (r->event_keys, EventKey, n - 1).index == index)
    g_array_set_size (r->event_keys, n - 1);
  for (guint32 i = r->next_event; i < index; i++)
    g_array_append_val (r->non_rows, i);
  r->next_event = index + 1;
}

/* The ids the importers give the sources of event data. */
static gboolean
is_bulk_source_id (const char *id)
{
  return g_str_has_prefix (id, "url:") || g_str_has_prefix (id, "icews-story:");
}

/* A record that passed every check goes where it is to go: coded events
 * and the sources of imported data into the segment builder when it can
 * hold them exactly (the object is dropped at once), the rest kept for the
 * store. */
static void
hand_on (Reader      *r,
         _BilatKind   kind,
         BilatRecord *record)
{
  if (r->builder != NULL)
    {
      if (kind == _BILAT_KIND_EVENT && BILAT_IS_CODED_EVENT (record))
        {
          offer_row (r);
          if (_bilat_segment_builder_add_event (r->builder, BILAT_CODED_EVENT (record)))
            {
              took_row (r);
              g_object_unref (record);
              return;
            }
        }
      if (kind == _BILAT_KIND_SOURCE && is_bulk_source_id (bilat_record_get_id (record)) &&
          _bilat_segment_builder_add_source (r->builder, BILAT_SOURCE (record)))
        {
          g_object_unref (record);
          return;
        }
    }

  g_ptr_array_add (r->records[kind], record);
}

/* Coded events straight into columns
 *
 * A coded event is read by the million, and nearly every one is of the
 * form a segment holds. Such an event is first looked over without a
 * word: when every member is one a coded event may have and is valid,
 * and the event is of that form, its values go straight into the
 * segment builder, with no draft, object, date, place or citation made
 * on the way. Anything else (a problem, a member of another form, a
 * field a segment does not hold) sends the record down the general path
 * of read_record(), which reports what it finds as it always did and
 * builds an object. Nothing is reported or kept before that choice, so
 * both paths give the same problems and the same store. */

typedef struct
{
  BilatCodedFields  fields;
  gboolean          typed;       /* "type" is "coded" */
  Node             *actors[2];   /* the participants' "actor" members */
  guint             n_actors;
  Node             *source;      /* the citation's "source" member */
} Coded;

/* A string that expect_string() takes without a word. */
static inline gboolean
plain_string (Node        *node,
              const char **text)
{
  if (node->type != NODE_STRING || !node->string.clean)
    return FALSE;

  *text = node->string.text;
  return TRUE;
}

/* A string that expect_id() takes without a word. */
static gboolean
plain_id (Node        *node,
          const char **id)
{
  return plain_string (node, id) && bilat_record_is_valid_id (*id);
}

/* A number that expect_number() takes without a word. */
static inline gboolean
plain_number (Node   *node,
              double  min,
              double  max,
              double *value)
{
  if (node->type != NODE_INTEGER && node->type != NODE_DOUBLE)
    return FALSE;

  *value = node->number.value;
  return isfinite (*value) && *value >= min && *value <= max;
}

/* A count that expect_integer() takes without a word. */
static inline gboolean
plain_count (Node  *node,
             guint *value)
{
  if (node->type != NODE_INTEGER || node->number.overflow ||
      node->number.integer < 0 || node->number.integer > G_MAXUINT)
    return FALSE;

  *value = (guint) node->number.integer;
  return TRUE;
}

/* A date that read_date() parses as a single day, "YYYY-MM-DD", as its
 * Julian day number (that of bilat_date_get_first_julian()). Any other
 * date, valid or not, is left to bilat_date_parse(). */
static gboolean
plain_day (Node    *node,
           guint32 *julian)
{
  static const guint8 month_days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  const char *t;
  int year, month, day, days;

  if (node->type != NODE_STRING || node->string.length != 10)
    return FALSE;

  t = node->string.text;
  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7 ? t[i] != '-' : !g_ascii_isdigit (t[i]))
        return FALSE;
    }

  year = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
  month = (t[5] - '0') * 10 + (t[6] - '0');
  day = (t[8] - '0') * 10 + (t[9] - '0');
  if (year < 1 || month < 1 || month > 12 || day < 1)
    return FALSE;

  days = month_days[month - 1];
  if (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))
    days = 29;
  if (day > days)
    return FALSE;

  *julian = _bilat_civil_to_julian (year, month, day);
  return TRUE;
}

/* Whether @object is an object whose members can be looked over one by
 * one: none given twice, and not so many that they have a table. */
static inline gboolean
plain_object (Node *object)
{
  return object->type == NODE_OBJECT && object->container.repeat == NULL &&
         object->container.names == NULL;
}

/* The participants of a coded event as a segment holds them: an
 * initiator, a target, or an initiator then a target, each with a
 * role. */
static gboolean
plain_participants (Reader *r,
                    Node   *array,
                    Coded  *c)
{
  BilatCodedFields *f = &c->fields;
  guint i = 0;

  if (array->type != NODE_ARRAY || array->container.length > 2)
    return FALSE;

  for (Node *element = array->container.first; element != NULL; element = element->next, i++)
    {
      Node *actor_node = NULL;
      const char *actor = NULL, *role = NULL;

      if (!plain_object (element))
        return FALSE;

      for (Node *member = element->container.first; member != NULL; member = member->next)
        {
          if (member->known == NAME_ACTOR && plain_id (member, &actor))
            actor_node = member;
          else if (member->known != NAME_ROLE || !plain_string (member, &role))
            return FALSE;
        }

      if (actor == NULL || role == NULL)
        return FALSE;
      if (i == 0 && strcmp (role, r->initiator_nick) == 0)
        f->participants[0] = actor;
      else if (f->participants[1] == NULL && strcmp (role, r->target_nick) == 0)
        f->participants[1] = actor;
      else
        return FALSE;

      c->actors[c->n_actors++] = actor_node;
    }

  /* An actor that takes part twice is a problem. */
  return f->participants[0] == NULL || f->participants[1] == NULL ||
         strcmp (f->participants[0], f->participants[1]) != 0;
}

static gboolean
plain_place (Reader *r,
             Node   *object,
             Coded  *c)
{
  BilatCodedFields *f = &c->fields;
  Node *latitude = NULL, *longitude = NULL;

  if (!plain_object (object))
    return FALSE;

  for (Node *member = object->container.first; member != NULL; member = member->next)
    {
      if (member->type == NODE_NULL &&
          (member->known == NAME_NAME || member->known == NAME_SUBDIVISION ||
           member->known == NAME_COUNTRY || member->known == NAME_LATITUDE ||
           member->known == NAME_LONGITUDE))
        continue;

      switch (member->known)
        {
        case NAME_NAME:
          if (!plain_string (member, &f->place_name))
            return FALSE;
          break;
        case NAME_SUBDIVISION:
          if (!plain_string (member, &f->place_subdivision) ||
              !is_subdivision_code (f->place_subdivision))
            return FALSE;
          break;
        case NAME_COUNTRY:
          if (!plain_string (member, &f->place_country) ||
              !is_known_country (r, f->place_country))
            return FALSE;
          break;
        case NAME_LATITUDE:
          if (!plain_number (member, -90.0, 90.0, &f->latitude))
            return FALSE;
          latitude = member;
          break;
        case NAME_LONGITUDE:
          if (!plain_number (member, -180.0, 180.0, &f->longitude))
            return FALSE;
          longitude = member;
          break;
        default:
          return FALSE;
        }
    }

  if ((f->place_name == NULL && f->place_subdivision == NULL && f->place_country == NULL) ||
      (latitude == NULL) != (longitude == NULL))
    return FALSE;

  f->has_place = TRUE;
  f->has_coordinates = latitude != NULL;
  if (!f->has_coordinates)
    f->latitude = f->longitude = NAN;
  return TRUE;
}

/* At most one citation, of a whole source. */
static gboolean
plain_citations (Node  *array,
                 Coded *c)
{
  Node *element;

  if (array->type != NODE_ARRAY || array->container.length > 1)
    return FALSE;
  element = array->container.first;
  if (element == NULL)
    return TRUE;
  if (!plain_object (element))
    return FALSE;

  for (Node *member = element->container.first; member != NULL; member = member->next)
    {
      if (member->known == NAME_SOURCE && plain_id (member, &c->fields.cite))
        c->source = member;
      else if (member->type != NODE_NULL ||
               (member->known != NAME_PARAGRAPH && member->known != NAME_START &&
                member->known != NAME_END && member->known != NAME_QUOTE))
        return FALSE;
    }

  return c->source != NULL;
}

/* Looks @object over as a coded event a segment holds: TRUE, with its
 * values in @c, when the general path would report nothing of it and
 * hand it on as such. Reports nothing and keeps nothing either way. */
static gboolean
plain_coded_event (Reader *r,
                   Node   *object,
                   Coded  *c)
{
  BilatCodedFields *f = &c->fields;
  gsize prefix_length;
  guint64 number;
  const char *text;
  GEnumValue *dataset;

  memset (c, 0, sizeof *c);
  f->goldstein = NAN;
  f->tone = NAN;

  if (!plain_object (object))
    return FALSE;

  for (Node *member = object->container.first; member != NULL; member = member->next)
    {
      /* Null is no value, but for the members that must have one. */
      if (member->type == NODE_NULL && member->known >= NAME_TITLE &&
          member->known <= NAME_DATE_ADDED)
        continue;

      switch (member->known)
        {
        case NAME_ID:
          if (!plain_id (member, &f->id))
            return FALSE;
          break;
        case NAME_TYPE:
          if (!plain_string (member, &text) || member->string.length != strlen ("coded") ||
              memcmp (text, "coded", strlen ("coded")) != 0)
            return FALSE;
          c->typed = TRUE;
          break;
        case NAME_DATE:
          if (!plain_day (member, &f->day))
            return FALSE;
          break;
        case NAME_TITLE:
          if (!plain_string (member, &f->title))
            return FALSE;
          break;
        case NAME_PARTICIPANTS:
          if (!plain_participants (r, member, c))
            return FALSE;
          break;
        case NAME_PLACE:
          if (!plain_place (r, member, c))
            return FALSE;
          break;
        case NAME_CAMEO:
          {
            gsize length;

            if (!plain_string (member, &f->cameo))
              return FALSE;
            length = member->string.length;
            if (length < 2 || length > 4)
              return FALSE;
            for (gsize i = 0; i < length; i++)
              {
                if (!g_ascii_isdigit (f->cameo[i]))
                  return FALSE;
              }
            if (!bilat_cameo_is_known (f->cameo))
              return FALSE;
          }
          break;
        case NAME_GOLDSTEIN:
          if (!plain_number (member, -10.0, 10.0, &f->goldstein))
            return FALSE;
          break;
        case NAME_CITATIONS:
          if (!plain_citations (member, c))
            return FALSE;
          break;
        case NAME_DATASET:
          if (!plain_string (member, &text))
            return FALSE;
          /* A dataset's events mostly name one. */
          if (r->last_dataset == NULL || strcmp (text, r->last_dataset->value_nick) != 0)
            {
              dataset = g_enum_get_value_by_nick (r->event_formats, text);
              if (dataset == NULL || dataset->value > BILAT_EVENT_FORMAT_ICEWS)
                return FALSE;
              r->last_dataset = dataset;
            }
          f->dataset = r->last_dataset->value;
          break;
        case NAME_ACTOR1_CODE:
        case NAME_ACTOR1_NAME:
        case NAME_ACTOR1_TYPES:
        case NAME_ACTOR2_CODE:
        case NAME_ACTOR2_NAME:
        case NAME_ACTOR2_TYPES:
          {
            const char **sides[] = {
              &f->actor_code[0], &f->actor_name[0], &f->actor_types[0],
              &f->actor_code[1], &f->actor_name[1], &f->actor_types[1],
            };

            if (!plain_string (member, sides[member->known - NAME_ACTOR1_CODE]))
              return FALSE;
          }
          break;
        case NAME_ROOT_EVENT:
          if (member->type != NODE_BOOLEAN)
            return FALSE;
          f->root_event = member->boolean;
          break;
        case NAME_MENTIONS:
          if (!plain_count (member, &f->mentions))
            return FALSE;
          break;
        case NAME_SOURCES:
          if (!plain_count (member, &f->sources))
            return FALSE;
          break;
        case NAME_ARTICLES:
          if (!plain_count (member, &f->articles))
            return FALSE;
          break;
        case NAME_TONE:
          if (!plain_number (member, -G_MAXDOUBLE, G_MAXDOUBLE, &f->tone))
            return FALSE;
          break;
        case NAME_URL:
          if (!plain_string (member, &f->url))
            return FALSE;
          break;
        case NAME_DATE_ADDED:
          if (!plain_day (member, &f->added))
            return FALSE;
          break;
        case NAME_SUMMARY:
        case NAME_SECTORS:
        default:
          /* A summary or sectors that are not null, or a member that is
           * not a coded event's. */
          return FALSE;
        }
    }

  /* What every event needs, and what a segment needs of one. */
  return f->id != NULL && c->typed && f->day != 0 && f->title != NULL &&
         _bilat_segment_split_id (f->id, &prefix_length, &number);
}

/* Reads @object, the current record, the short way if it can: returns
 * FALSE, having done nothing, when it must be read the general way. */
static gboolean
read_plain_coded_event (Reader *r,
                        Node   *object)
{
  Coded c;
  const BilatCodedFields *f = &c.fields;

  if (!plain_coded_event (r, object, &c))
    return FALSE;

  /* What the general path does of an event without problems, in its
   * order: the references as its members are read, then the id. */
  r->record.record_id = f->id;
  for (guint i = 0; i < c.n_actors; i++)
    {
      Location where = at (r, c.actors[i], "participants", (int) i, "actor");

      defer_reference (r, &where, _BILAT_KIND_ACTOR, c.actors[i]->string.text);
    }
  if (c.source != NULL)
    {
      Location where = at (r, c.source, "citations", 0, "source");

      defer_reference (r, &where, _BILAT_KIND_SOURCE, f->cite);
    }

  if (!register_id (r, object, f->id) || !r->build || r->problems->len > 0)
    return TRUE;

  offer_row (r);
  if (_bilat_segment_builder_add_fields (r->builder, f))
    took_row (r);
  else
    {
      /* Should the builder want more of an event than was looked for
       * here, the event is built as an object after all; its references
       * were kept already. */
      guint n_references = r->references->len;
      g_autoptr(GTypeClass) klass = g_type_class_ref (BILAT_TYPE_CODED_EVENT);

      draft_reset (&r->draft);
      g_value_set_static_string (draft_add (&r->draft, "id", G_TYPE_STRING), f->id);
      read_fields (r, (GObjectClass *) klass, _bilat_kinds[_BILAT_KIND_EVENT].fields, object,
                   &r->draft);
      read_fields (r, (GObjectClass *) klass, _bilat_coded_fields, object, &r->draft);
      g_array_set_size (r->references, n_references);
      hand_on (r, _BILAT_KIND_EVENT, draft_build (&r->draft, BILAT_TYPE_CODED_EVENT));
      draft_reset (&r->draft);
    }

  return TRUE;
}

/* Roll calls: issues of type "roll-call" that carry their votes (see
 * bilat-votes-json.c), read into the vote table rather than objects. */

static const char * const roll_call_members[] = {
  "id", "type", "title", "description", "date", "session", "resolution", "important",
  "amendment", "paragraph", "parents", "yes", "no", "abstain", NULL
};

static gboolean
is_roll_call (Node *object)
{
  Node *type = member_of (object, "type");

  return type != NULL && type->type == NODE_STRING && strcmp (type->string.text, "roll-call") == 0;
}

/* The string of member @name, or "" when it is absent; NULL when it is
 * not a string (reported). */
static const char *
roll_call_string (Reader     *r,
                  Node       *object,
                  const char *name)
{
  Node *node = member_of (object, name);
  Location where = at (r, node, name, -1, NULL);

  if (is_absent (node))
    return "";
  return expect_string (r, node, &where);
}

static gboolean
roll_call_flag (Reader     *r,
                Node       *object,
                const char *name)
{
  Node *node = member_of (object, name);
  Location where = at (r, node, name, -1, NULL);

  if (is_absent (node))
    return FALSE;
  if (node->type != NODE_BOOLEAN)
    {
      report (r, &where, BILAT_FORMAT_ERROR_WRONG_TYPE, "expected true or false, not %s",
              describe_node (node));
      return FALSE;
    }
  return node->boolean;
}

static void
read_roll_call (Reader *r,
                Node   *object)
{
  static const struct { const char *name; BilatVoteCode code; } groups[] = {
    { "yes", BILAT_VOTE_CODE_YES },
    { "no", BILAT_VOTE_CODE_NO },
    { "abstain", BILAT_VOTE_CODE_ABSTAIN },
  };
  Node *id_node = member_of (object, "id");
  Node *node;
  Location where = at (r, id_node, "id", -1, NULL);
  const char *id = NULL;
  const char *title, *description, *resolution;
  guint32 number = 0;
  gboolean numbered = FALSE;
  guint32 day = 0;
  gint64 session = 0;
  guint8 flags = 0;
  guint32 topics = 0;
  guint before = r->problems->len;
  g_autoptr(GHashTable) voted = g_hash_table_new (g_str_hash, g_str_equal);

  for (Node *member = object->container.first; member != NULL; member = member->next)
    {
      gboolean known = FALSE;

      for (guint i = 0; roll_call_members[i] != NULL && !known; i++)
        known = names_equal (member, roll_call_members[i], strlen (roll_call_members[i]));
      if (!known)
        {
          Location at_member = at (r, member, member->name, -1, NULL);
          g_autofree char *name = quoted (member->name);

          report (r, &at_member, BILAT_FORMAT_ERROR_UNKNOWN_FIELD,
                  "%s is not a member of a roll call", name);
        }
    }

  if (is_absent (id_node))
    report (r, &where, BILAT_FORMAT_ERROR_MISSING_FIELD, "every record needs member “id”");
  else
    id = expect_id (r, id_node, &where);
  if (id != NULL)
    numbered = _bilat_votes_parse_id (id, &number);
  if (id != NULL && !numbered)
    {
      report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE,
              "the id of a roll call is “unga:” and its number (“unga:4521”), not “%s”", id);
      id = NULL;
    }
  r->record.record_id = id;

  node = member_of (object, "date");
  where = at (r, node, "date", -1, NULL);
  if (is_absent (node))
    report (r, &where, BILAT_FORMAT_ERROR_MISSING_FIELD, "a roll call needs member “date”");
  else
    {
      const char *text = expect_string (r, node, &where);
      g_autoptr(BilatDate) date = text != NULL ? bilat_date_parse (text, NULL) : NULL;

      if (text != NULL && (date == NULL || bilat_date_get_first_julian (date) != bilat_date_get_last_julian (date)))
        report (r, &where, BILAT_FORMAT_ERROR_INVALID_VALUE, "the date of a roll call is a day, not “%s”", text);
      else if (date != NULL)
        day = bilat_date_get_first_julian (date);
    }

  node = member_of (object, "session");
  where = at (r, node, "session", -1, NULL);
  if (!is_absent (node))
    expect_integer (r, node, &where, 1, G_MAXUINT16, &session);

  title = roll_call_string (r, object, "title");
  description = roll_call_string (r, object, "description");
  resolution = roll_call_string (r, object, "resolution");
  if (roll_call_flag (r, object, "important"))
    flags |= BILAT_ROLL_CALL_IMPORTANT;
  if (roll_call_flag (r, object, "amendment"))
    flags |= BILAT_ROLL_CALL_AMENDMENT;
  if (roll_call_flag (r, object, "paragraph"))
    flags |= BILAT_ROLL_CALL_PARAGRAPH;

  node = member_of (object, "parents");
  where = at (r, node, "parents", -1, NULL);
  if (!is_absent (node) && expect_array (r, node, &where))
    {
      int i = 0;

      for (Node *element = node->container.first; element != NULL; element = element->next, i++)
        {
          Location at_element = at (r, element, "parents", i, NULL);
          const char *parent = expect_id (r, element, &at_element);
          int topic;

          if (parent == NULL)
            continue;
          if (!g_str_has_prefix (parent, "unga-topic:") || parent[strlen ("unga-topic:")] == '\0')
            {
              report (r, &at_element, BILAT_FORMAT_ERROR_INVALID_VALUE,
                      "the parent of a roll call is a topic, “unga-topic:CODE”, not “%s”", parent);
              continue;
            }
          defer_reference (r, &at_element, _BILAT_KIND_ISSUE, parent);
          topic = _bilat_votes_builder_add_topic (r->votes, parent + strlen ("unga-topic:"), NULL);
          if (topic < 0)
            report (r, &at_element, BILAT_FORMAT_ERROR_INVALID_VALUE,
                    "roll calls have at most %d topics", _BILAT_VOTES_MAX_TOPICS);
          else
            topics |= 1u << topic;
        }
    }

  if (id != NULL)
    register_id (r, object, id);

  for (gsize g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      int i = 0;

      node = member_of (object, groups[g].name);
      where = at (r, node, groups[g].name, -1, NULL);
      if (is_absent (node) || !expect_array (r, node, &where))
        continue;
      for (Node *element = node->container.first; element != NULL; element = element->next, i++)
        {
          Location at_element = at (r, element, groups[g].name, i, NULL);
          const char *holder = expect_id (r, element, &at_element);

          if (holder == NULL)
            continue;
          if (!g_hash_table_add (voted, (gpointer) holder))
            {
              report (r, &at_element, BILAT_FORMAT_ERROR_INVALID_VALUE,
                      "“%s” votes twice on this roll call", holder);
              continue;
            }
          defer_reference (r, &at_element, _BILAT_KIND_ACTOR, holder);
          if (r->problems->len == before && numbered)
            _bilat_votes_builder_add_vote (r->votes, holder, number, groups[g].code, 0);
        }
    }

  if (r->problems->len == before && numbered && day != 0)
    {
      _bilat_votes_builder_add_roll_call (r->votes, number, day, (guint16) session, flags, topics,
                                          resolution, title, description);
      r->n_roll_calls++;
    }
}

static void
read_record (Reader     *r,
             _BilatKind  kind,
             guint       index,
             Node       *node)
{
  const _BilatKindInfo *info = &_bilat_kinds[kind];
  MemberSet members = { info->fields, NULL, NULL };
  const _BilatField *exercise_only = NULL;
  g_autoptr(GTypeClass) klass = NULL;
  Node *id_node;
  const char *id = NULL;
  GType type = G_TYPE_INVALID;
  Location where;
  Draft *draft = &r->draft;

  r->record = (Location) { node->line, kind, (int) index, NULL, NULL, -1, NULL };
  r->phase = PHASE_RECORDS;
  r->sort_kind = kind;
  r->sort_index = (int) index;
  r->sort_sub = G_MAXUINT;
  r->n_references = 0;
  where = r->record;

  if (!expect_object (r, node, &where))
    return;

  if (kind == _BILAT_KIND_ISSUE && is_roll_call (node))
    {
      read_roll_call (r, node);
      return;
    }

  /* Most events of a large dataset take the short way. */
  if (kind == _BILAT_KIND_EVENT && (!r->build || r->builder != NULL) &&
      read_plain_coded_event (r, node))
    return;

  id_node = member_of (node, "id");
  where = at (r, id_node, "id", -1, NULL);
  if (is_absent (id_node))
    report (r, &where, BILAT_FORMAT_ERROR_MISSING_FIELD, "every record needs member “id”");
  else
    id = expect_id (r, id_node, &where);
  r->record.record_id = id;

  switch (kind)
    {
    case _BILAT_KIND_SOURCE:
      type = BILAT_TYPE_SOURCE;
      break;
    case _BILAT_KIND_ACTOR:
      type = BILAT_TYPE_ACTOR;
      break;
    case _BILAT_KIND_ISSUE:
      type = BILAT_TYPE_ISSUE;
      break;
    case _BILAT_KIND_POSITION:
      type = BILAT_TYPE_POSITION;
      break;
    case _BILAT_KIND_EVENT:
      type = read_event_type (r, node);
      if (type == BILAT_TYPE_EVENT)
        exercise_only = _bilat_exercise_fields;
      else if (type == BILAT_TYPE_CODED_EVENT)
        {
          exercise_only = _bilat_exercise_fields;
          members.more_fields = _bilat_coded_fields;
        }
      else
        members.more_fields = _bilat_exercise_fields;
      break;
    case _BILAT_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  /* Without a known type, an event is checked as an exercise, which has
   * every member an event may have. */
  klass = g_type_class_ref (type != G_TYPE_INVALID ? type : BILAT_TYPE_EXERCISE);

  draft_reset (draft);
  if (id != NULL)
    g_value_set_static_string (draft_add (draft, "id", G_TYPE_STRING), id);

  check_members (r, node, &members, NULL, -1, exercise_only);
  read_fields (r, (GObjectClass *) klass, members.fields, node, draft);
  read_fields (r, (GObjectClass *) klass, members.more_fields, node, draft);

  if (id != NULL && register_id (r, node, id) && kind == _BILAT_KIND_ACTOR)
    check_actor (r, node, id);

  /* The issue of a topic of roll calls names the topic. */
  if (kind == _BILAT_KIND_ISSUE && id != NULL && g_str_has_prefix (id, "unga-topic:"))
    {
      Node *title = member_of (node, "title");

      _bilat_votes_builder_add_topic (r->votes, id + strlen ("unga-topic:"),
                                      title != NULL && title->type == NODE_STRING &&
                                      title->string.clean ? title->string.text : NULL);
    }

  /* One problem anywhere, and nothing read is loaded: build no more. */
  if (r->build && r->problems->len == 0)
    hand_on (r, kind, draft_build (draft, type));

  draft_reset (draft);
}

/* After the records */

static gboolean
reference_resolves (Reader     *r,
                    _BilatKind  kind,
                    const char *id)
{
  BilatActor *actor;

  /* Events are never referred to, so their ids (kept as keys) need no
   * lookup by text. */
  if (g_hash_table_contains (r->ids[kind], id))
    return TRUE;
  if (kind == _BILAT_KIND_ISSUE && r->given_votes != NULL)
    {
      guint32 number;

      if (_bilat_votes_parse_id (id, &number) && _bilat_votes_find_roll_call (r->given_votes, number) >= 0)
        return TRUE;
    }
  if (!r->store_has[kind])
    return FALSE;

  switch (kind)
    {
    case _BILAT_KIND_SOURCE:
      return bilat_store_lookup_source (r->store, id) != NULL;
    case _BILAT_KIND_ACTOR:
      actor = bilat_store_lookup_actor (r->store, id);
      return actor != NULL && strcmp (bilat_record_get_id (BILAT_RECORD (actor)), id) == 0;
    case _BILAT_KIND_ISSUE:
      return bilat_store_lookup_issue (r->store, id) != NULL;
    case _BILAT_KIND_EVENT:
      return bilat_store_lookup_event (r->store, id) != NULL;
    case _BILAT_KIND_POSITION:
      return bilat_store_lookup_position (r->store, id) != NULL;
    case _BILAT_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static const char *
next_predecessor (const char *id,
                  gpointer    user_data)
{
  return g_hash_table_lookup (user_data, id);
}

/* Dyad queries follow predecessors, so a chain of them must end. The
 * chain is followed within the dataset: the store's actors cannot name
 * the dataset's as their predecessors without being in a chain already.
 * The cycles are found once, for all the actors. */
static void
check_predecessor_chain (Reader          *r,
                         const Reference *reference)
{
  const char *origin = reference->where.record_id;

  if (origin == NULL)
    return;
  if (r->cycles == NULL)
    {
      g_autofree const char **ids =
        (const char **) g_hash_table_get_keys_as_array (r->predecessors, NULL);

      r->cycles = _bilat_chain_cycles (ids, g_hash_table_size (r->predecessors),
                                       next_predecessor, r->predecessors);
    }
  if (g_hash_table_contains (r->cycles, origin))
    report (r, &reference->where, BILAT_FORMAT_ERROR_INVALID_VALUE,
            "the chain of predecessors of “%s” comes back to it", origin);
}

/* The roll calls the document comes with refer to its records as a
 * document's own roll calls would: their voters are actors and their
 * topics issues of the document or the store; and no issue of the
 * document has the id of one of them. */
static void
check_given_votes (Reader *r)
{
  const BilatVotes *votes = r->given_votes;
  Location where = { 0, -1, -1, NULL, NULL, -1, NULL };

  for (guint h = 0; h < _bilat_votes_get_n_holders (votes); h++)
    if (!reference_resolves (r, _BILAT_KIND_ACTOR, _bilat_votes_get_holder (votes, h)))
      report (r, &where, BILAT_FORMAT_ERROR_UNKNOWN_REFERENCE,
              "the votes (section “votes.holders”) name “%s”, which no actor has as its id",
              _bilat_votes_get_holder (votes, h));
  for (guint t = 0; t < _bilat_votes_get_n_topics (votes); t++)
    {
      g_autofree char *id = g_strconcat ("unga-topic:", _bilat_votes_get_topic_code (votes, t), NULL);

      if (!reference_resolves (r, _BILAT_KIND_ISSUE, id))
        report (r, &where, BILAT_FORMAT_ERROR_UNKNOWN_REFERENCE,
                "the roll calls (section “votes.topics”) have the topic “%s”, which no issue has as its id",
                id);
    }
  if (g_hash_table_size (r->ids[_BILAT_KIND_ISSUE]) == 0)
    return;
  for (guint i = 0; i < _bilat_votes_get_n_roll_calls (votes); i++)
    {
      char id[_BILAT_VOTES_ID_SIZE];

      _bilat_votes_format_id (votes, i, id);
      if (g_hash_table_contains (r->ids[_BILAT_KIND_ISSUE], id))
        report (r, &where, BILAT_FORMAT_ERROR_DUPLICATE_ID,
                "issue “%s” is also a roll call of the votes (section “votes.roll-calls”)", id);
    }
}

static void
check_references (Reader *r)
{
  r->phase = PHASE_REFERENCES;

  for (guint i = 0; i < r->references->len; i++)
    {
      const Reference *reference = &g_array_index (r->references, Reference, i);

      r->sort_kind = reference->where.kind;
      r->sort_index = reference->where.index;
      r->sort_sub = reference->ordinal;

      if (!reference_resolves (r, reference->kind, reference->id))
        report (r, &reference->where, BILAT_FORMAT_ERROR_UNKNOWN_REFERENCE,
                "no %s has the id “%s”", _bilat_kinds[reference->kind].noun, reference->id);
      else if (reference->kind == _BILAT_KIND_ACTOR &&
               g_strcmp0 (reference->where.member, "predecessor") == 0)
        check_predecessor_chain (r, reference);
    }
}

/* Reading a record's tree */

/* Objects with more members than this get a table of their names, so
 * that a hostile object of a million members costs no quadratic time. */
#define MAX_LINEAR_MEMBERS 64

static void
index_members (Node *object)
{
  object->container.names = g_hash_table_new (g_str_hash, g_str_equal);

  for (Node *member = object->container.first; member != NULL; member = member->next)
    {
      /* A name with a NUL in it matches no other. */
      if (strlen (member->name) == member->name_length)
        g_hash_table_insert (object->container.names, (gpointer) member->name, member);
    }
}

/* A new node for a value: the root's (@parent NULL), an element of the
 * array @parent, or member @name of the object @parent. A member given
 * again reuses the node of its first value, which keeps its place. */
static Node *
add_node (Reader     *r,
          Node       *parent,
          const char *name,
          gsize       name_length,
          int         known,
          GPtrArray  *tables)
{
  Node *node = NULL;

  if (parent != NULL && parent->type == NODE_OBJECT)
    {
      if (parent->container.names != NULL)
        {
          if (strlen (name) == name_length)
            node = g_hash_table_lookup (parent->container.names, name);
        }
      else if (known >= 0)
        {
          /* A known name is looked for only when it was given before. */
          if (has_known (parent, known))
            {
              for (node = parent->container.first; node->known != known; node = node->next)
                ;
            }
        }
      else
        {
          for (Node *member = parent->container.first; member != NULL; member = member->next)
            {
              if (names_equal (member, name, name_length))
                {
                  node = member;
                  break;
                }
            }
        }

      if (node != NULL)
        {
          Node *next = node->next;

          if (parent->container.repeat == NULL)
            parent->container.repeat = node;
          memset (node, 0, sizeof *node);
          node->name = name;
          node->name_length = name_length;
          node->known = known;
          node->next = next;
          return node;
        }
    }

  /* The caller sets what the node holds, container or not: only the
   * rest is set here, for the record's thirty-odd nodes. */
  node = arena_alloc (&r->arena, sizeof *node);
  node->type = NODE_NULL;
  node->line = 0;
  node->name = name;
  node->name_length = name_length;
  node->known = known;
  node->next = NULL;

  if (parent != NULL)
    {
      if (parent->container.last != NULL)
        parent->container.last->next = node;
      else
        parent->container.first = node;
      parent->container.last = node;
      parent->container.length++;

      if (parent->type == NODE_OBJECT)
        {
          if (known >= 0)
            parent->container.seen[known / 64] |= G_GUINT64_CONSTANT (1) << (known % 64);

          if (parent->container.names != NULL)
            {
              if (strlen (name) == name_length)
                g_hash_table_insert (parent->container.names, (gpointer) name, node);
            }
          else if (parent->container.length > MAX_LINEAR_MEMBERS)
            {
              index_members (parent);
              g_ptr_array_add (tables, parent->container.names);
            }
        }
    }

  return node;
}

/* Reads the value that starts with @token (just read) into a tree in the
 * arena, with a stack of open containers instead of recursion. Returns
 * NULL on an error of the JSON. @tables collects the name tables made,
 * for the caller to free with the arena. */
static Node *
read_tree (Reader          *r,
           _BilatJsonToken  token,
           GPtrArray       *tables)
{
  guint depth = 0;
  Node *parent = NULL;
  const NameTable *names = name_table ();
  const char *name = NULL;
  gsize name_length = 0;
  int known = -1;

  for (;;)
    {
      guint line = _bilat_json_reader_get_line (r->json);
      Node *node;

      switch (token)
        {
        case _BILAT_JSON_ERROR:
        case _BILAT_JSON_END:
          return NULL;

        case _BILAT_JSON_MEMBER:
          {
            const char *text = _bilat_json_reader_get_string (r->json, &name_length);

            /* A known name is not copied: its node points to the table's. */
            known = name_lookup (names, text, name_length);
            name = known >= 0 ? names->names[known].text
                              : arena_strndup (&r->arena, text, name_length);
            token = _bilat_json_reader_next (r->json);
            continue;
          }

        case _BILAT_JSON_END_OBJECT:
        case _BILAT_JSON_END_ARRAY:
          node = parent;
          node->container.end_line = line;
          depth--;
          parent = depth > 0 ? r->open[depth - 1] : NULL;
          break;

        case _BILAT_JSON_BEGIN_OBJECT:
        case _BILAT_JSON_BEGIN_ARRAY:
          node = add_node (r, parent, name, name_length, known, tables);
          memset (&node->container, 0, sizeof node->container);
          node->type = token == _BILAT_JSON_BEGIN_OBJECT ? NODE_OBJECT : NODE_ARRAY;
          node->line = line;
          r->open[depth++] = node;
          parent = node;
          name = NULL;
          known = -1;
          token = _bilat_json_reader_next (r->json);
          continue;

        case _BILAT_JSON_STRING:
          {
            gsize length;
            const char *text = _bilat_json_reader_get_string (r->json, &length);

            node = add_node (r, parent, name, name_length, known, tables);
            node->type = NODE_STRING;
            node->string.text = arena_strndup (&r->arena, text, length);
            node->string.length = length;
            node->string.clean = _bilat_json_reader_string_is_clean (r->json);
          }
          break;

        case _BILAT_JSON_INTEGER:
        case _BILAT_JSON_DOUBLE:
          node = add_node (r, parent, name, name_length, known, tables);
          node->type = token == _BILAT_JSON_INTEGER ? NODE_INTEGER : NODE_DOUBLE;
          node->number.value = _bilat_json_reader_get_double (r->json);
          node->number.text = NULL;
          node->number.integer = 0;
          node->number.overflow = FALSE;
          if (token == _BILAT_JSON_INTEGER)
            node->number.integer = _bilat_json_reader_get_integer (r->json,
                                                                   &node->number.overflow);
          if (node->number.overflow || !isfinite (node->number.value))
            {
              const char *text = _bilat_json_reader_get_number_text (r->json);

              node->number.text = arena_strndup (&r->arena, text, strlen (text));
            }
          break;

        case _BILAT_JSON_BOOLEAN:
          node = add_node (r, parent, name, name_length, known, tables);
          node->type = NODE_BOOLEAN;
          node->boolean = _bilat_json_reader_get_boolean (r->json);
          break;

        case _BILAT_JSON_NULL:
        default:
          node = add_node (r, parent, name, name_length, known, tables);
          node->type = NODE_NULL;
          break;
        }

      /* @node is complete, and @parent the container it is in. */
      node->line = node->line > 0 ? node->line : line;
      name = NULL;
      known = -1;
      if (parent == NULL)
        return node;
      /* Where json-glib noticed a repeat: at the end of the value given
       * again, the first time. */
      if (parent->type == NODE_OBJECT && parent->container.repeat == node &&
          parent->container.repeat_line == 0)
        parent->container.repeat_line = line;
      token = _bilat_json_reader_next (r->json);
    }
}

/* The document */

typedef struct
{
  NodeType    type;
  guint       line;
  const char *string;     /* owned copy, of a string or a number too large */
  gint64      integer;
  gboolean    overflow;
} Scalar;

/* What the document says of "format" and "version": enough of a node for
 * check_header(), kept past the records. */
static Node *
scalar_node (Node         *node,
             const Scalar *scalar)
{
  memset (node, 0, sizeof *node);
  node->known = -1;
  node->type = scalar->type;
  node->line = scalar->line;
  if (scalar->type == NODE_STRING)
    {
      node->string.text = scalar->string;
      node->string.length = strlen (scalar->string);
    }
  else if (scalar->type == NODE_INTEGER)
    {
      node->number.integer = scalar->integer;
      node->number.overflow = scalar->overflow;
      node->number.value = (double) scalar->integer;
      node->number.text = scalar->string;
    }
  else if (scalar->type == NODE_DOUBLE)
    {
      node->number.value = g_ascii_strtod (scalar->string, NULL);
      node->number.text = scalar->string;
    }

  return node;
}

static gboolean
check_header (Reader *r,
              Node   *format,
              Node   *version)
{
  Location where = at (r, format, "format", -1, NULL);
  gint64 value;

  if (is_absent (format))
    {
      report (r, &where, BILAT_FORMAT_ERROR_UNSUPPORTED,
              "not a libbilat dataset: member “format” is missing");
      return FALSE;
    }
  if (format->type != NODE_STRING || strcmp (format->string.text, "bilat") != 0)
    {
      report (r, &where, BILAT_FORMAT_ERROR_UNSUPPORTED,
              "not a libbilat dataset: the format must be “bilat”");
      return FALSE;
    }

  where = at (r, version, "version", -1, NULL);
  if (is_absent (version))
    {
      report (r, &where, BILAT_FORMAT_ERROR_MISSING_FIELD,
              "a dataset needs member “version”");
      return FALSE;
    }
  if (!expect_integer (r, version, &where, G_MININT64, G_MAXINT64, &value))
    return FALSE;
  if (value != _BILAT_FORMAT_VERSION)
    {
      report (r, &where, BILAT_FORMAT_ERROR_UNSUPPORTED,
              "version %" G_GINT64_FORMAT " of the format is not supported "
              "(this libbilat reads version %d)", value, _BILAT_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

static NodeType
token_node_type (_BilatJsonToken token)
{
  switch (token)
    {
    case _BILAT_JSON_BEGIN_OBJECT:
      return NODE_OBJECT;
    case _BILAT_JSON_BEGIN_ARRAY:
      return NODE_ARRAY;
    case _BILAT_JSON_STRING:
      return NODE_STRING;
    case _BILAT_JSON_INTEGER:
      return NODE_INTEGER;
    case _BILAT_JSON_DOUBLE:
      return NODE_DOUBLE;
    case _BILAT_JSON_BOOLEAN:
      return NODE_BOOLEAN;
    case _BILAT_JSON_NULL:
    case _BILAT_JSON_ERROR:
    case _BILAT_JSON_END:
    case _BILAT_JSON_END_OBJECT:
    case _BILAT_JSON_END_ARRAY:
    case _BILAT_JSON_MEMBER:
    default:
      return NODE_NULL;
    }
}

/* The value whose first token is @token, as far as a top-level member
 * needs it; a container is skipped. Returns the line of the value's last
 * token, or 0 on an error of the JSON. */
static guint
read_scalar (Reader          *r,
             _BilatJsonToken  token,
             Scalar          *scalar)
{
  g_free ((char *) scalar->string);
  memset (scalar, 0, sizeof *scalar);
  scalar->type = token_node_type (token);
  scalar->line = _bilat_json_reader_get_line (r->json);

  if (token == _BILAT_JSON_BEGIN_OBJECT || token == _BILAT_JSON_BEGIN_ARRAY)
    return _bilat_json_reader_skip_container (r->json);
  if (token == _BILAT_JSON_STRING)
    {
      gsize length;
      const char *text = _bilat_json_reader_get_string (r->json, &length);

      scalar->string = g_strndup (text, length);
    }
  else if (token == _BILAT_JSON_INTEGER)
    {
      scalar->integer = _bilat_json_reader_get_integer (r->json, &scalar->overflow);
      if (scalar->overflow)
        scalar->string = g_strdup (_bilat_json_reader_get_number_text (r->json));
    }
  else if (token == _BILAT_JSON_DOUBLE)
    scalar->string = g_strdup (_bilat_json_reader_get_number_text (r->json));

  return scalar->line;
}

/* Reads the records of the array of kind @kind, whose "[" was just read,
 * one at a time. Returns the line of its "]", or 0 on an error of the
 * JSON. */
static guint
read_records (Reader     *r,
              _BilatKind  kind)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

  for (guint index = 0;; index++)
    {
      _BilatJsonToken token = _bilat_json_reader_next (r->json);
      Node *record;

      if (token == _BILAT_JSON_END_ARRAY)
        return _bilat_json_reader_get_line (r->json);

      g_ptr_array_set_size (tables, 0);
      arena_reset (&r->arena);
      record = read_tree (r, token, tables);
      if (record == NULL)
        return 0;

      read_record (r, kind, index, record);
    }
}

static int
kind_of_member (const char *name,
                gsize       length)
{
  for (int kind = 0; kind < _BILAT_N_KINDS; kind++)
    {
      if (strlen (_bilat_kinds[kind].member) == length &&
          memcmp (_bilat_kinds[kind].member, name, length) == 0)
        return kind;
    }

  return -1;
}

typedef enum
{
  DOCUMENT_INVALID_JSON,   /* the tokenizer has the error */
  DOCUMENT_NOT_AN_OBJECT,  /* reported */
  DOCUMENT_READ,
} DocumentResult;

/* Reads the document's members in the order they come. */
static DocumentResult
read_document (Reader *r,
               Scalar *format,
               Scalar *version)
{
  static const MemberSet members = { NULL, NULL, document_members };
  _BilatJsonToken token = _bilat_json_reader_next (r->json);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *repeat_name = NULL;
  guint repeat_line = 0;

  if (token == _BILAT_JSON_ERROR)
    return DOCUMENT_INVALID_JSON;

  r->root_line = MAX (_bilat_json_reader_get_line (r->json), 1);
  r->record = (Location) { r->root_line, -1, -1, NULL, NULL, -1, NULL };

  if (token != _BILAT_JSON_BEGIN_OBJECT)
    {
      Scalar root = { 0, };
      Node node;

      /* Only a document that is JSON to its end is no dataset. */
      if (read_scalar (r, token, &root) == 0 ||
          _bilat_json_reader_next (r->json) != _BILAT_JSON_END)
        {
          g_free ((char *) root.string);
          return DOCUMENT_INVALID_JSON;
        }

      report (r, &r->record, BILAT_FORMAT_ERROR_UNSUPPORTED,
              "not a libbilat dataset: the document is %s, not an object",
              describe_node (scalar_node (&node, &root)));
      g_free ((char *) root.string);
      return DOCUMENT_NOT_AN_OBJECT;
    }

  for (;;)
    {
      g_autofree char *name = NULL;
      gsize name_length;
      const char *text;
      gboolean repeated;
      guint end_line;
      int kind;

      token = _bilat_json_reader_next (r->json);
      if (token == _BILAT_JSON_END_OBJECT)
        break;
      if (token != _BILAT_JSON_MEMBER)
        return DOCUMENT_INVALID_JSON;

      text = _bilat_json_reader_get_string (r->json, &name_length);
      name = g_strndup (text, name_length);
      /* A name with a NUL in it is none of the known ones, nor a repeat. */
      repeated = strlen (name) == name_length &&
                 !g_hash_table_add (seen, g_strdup (name));
      kind = strlen (name) == name_length ? kind_of_member (name, name_length) : -1;

      token = _bilat_json_reader_next (r->json);
      if (token == _BILAT_JSON_ERROR)
        return DOCUMENT_INVALID_JSON;

      r->record = (Location) { r->root_line, -1, -1, NULL, NULL, -1, NULL };
      r->phase = PHASE_DOCUMENT;
      r->sort_kind = -1;
      r->sort_index = -1;
      r->sort_sub = G_MAXUINT;

      /* As in json-glib's objects, the last value of a member counts. */
      if (strcmp (name, "format") == 0)
        end_line = read_scalar (r, token, format);
      else if (strcmp (name, "version") == 0)
        end_line = read_scalar (r, token, version);
      else if (kind >= 0 && !repeated && token == _BILAT_JSON_BEGIN_ARRAY)
        end_line = read_records (r, kind);
      else if (kind >= 0 && !repeated && token != _BILAT_JSON_NULL)
        {
          Scalar value = { 0, };
          Node node;
          Location where;

          end_line = read_scalar (r, token, &value);
          r->phase = PHASE_RECORDS;
          r->sort_kind = kind;
          where = at (r, scalar_node (&node, &value), _bilat_kinds[kind].member, -1, NULL);
          report (r, &where, BILAT_FORMAT_ERROR_WRONG_TYPE,
                  "expected an array, not %s", describe_node (&node));
          g_free ((char *) value.string);
        }
      else
        {
          Scalar value = { 0, };
          Node node;

          /* Unknown, or a list of records given again, which is a problem
           * already: its records are not read twice. */
          end_line = read_scalar (r, token, &value);
          if (!repeated)
            check_member (r, scalar_node (&node, &value), name,
                          name_lookup (name_table (), name, name_length),
                          member_set_mask (&members), &members, NULL, -1, NULL);
          g_free ((char *) value.string);
        }

      if (end_line == 0)
        return DOCUMENT_INVALID_JSON;

      if (repeated && repeat_name == NULL)
        {
          repeat_name = g_strdup (name);
          repeat_line = end_line;
        }
    }

  if (_bilat_json_reader_next (r->json) != _BILAT_JSON_END)
    return DOCUMENT_INVALID_JSON;

  if (repeat_name != NULL)
    {
      r->record = (Location) { r->root_line, -1, -1, NULL, NULL, -1, NULL };
      r->phase = PHASE_DOCUMENT;
      r->sort_kind = -1;
      r->sort_index = -1;
      r->sort_sub = G_MAXUINT - 1;
      report_repeat (r, repeat_name, repeat_line, NULL, -1);
    }

  return DOCUMENT_READ;
}

/* Keeps only the problems from @first on. */
static void
keep_problems_from (Reader *r,
                    guint   first)
{
  for (guint i = 0; i < first; i++)
    bilat_problem_unref (g_array_index (r->problems, Pending, i).problem);
  g_array_remove_range (r->problems, 0, first);
}

static void
reader_init (Reader     *r,
             const char *file,
             BilatStore *store)
{
  memset (r, 0, sizeof *r);
  r->file = file;
  r->store = store;
  if (store != NULL)
    {
      GListModel *lists[_BILAT_N_KINDS] = {
        [_BILAT_KIND_SOURCE] = bilat_store_get_sources (store),
        [_BILAT_KIND_ACTOR] = bilat_store_get_actors (store),
        [_BILAT_KIND_ISSUE] = bilat_store_get_issues (store),
        [_BILAT_KIND_EVENT] = bilat_store_get_events (store),
        [_BILAT_KIND_POSITION] = bilat_store_get_positions (store),
      };

      for (int kind = 0; kind < _BILAT_N_KINDS; kind++)
        r->store_has[kind] = g_list_model_get_n_items (lists[kind]) > 0;
    }
  r->problems = g_array_new (FALSE, FALSE, sizeof (Pending));
  arena_init (&r->arena);
  r->strings = g_string_chunk_new (64 * 1024);
  for (int kind = 0; kind < _BILAT_N_KINDS; kind++)
    {
      r->records[kind] = g_ptr_array_new_with_free_func (g_object_unref);
      r->ids[kind] = g_hash_table_new (g_str_hash, g_str_equal);
    }
  r->event_keys = g_array_new (FALSE, FALSE, sizeof (EventKey));
  r->non_rows = g_array_new (FALSE, FALSE, sizeof (guint32));
  r->prefixes = g_hash_table_new (g_str_hash, g_str_equal);
  r->prefix_names = g_ptr_array_new ();
  r->actor_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->predecessors = g_hash_table_new (g_str_hash, g_str_equal);
  r->votes = _bilat_votes_builder_new ();
  r->references = g_array_new (FALSE, FALSE, sizeof (Reference));
  draft_init (&r->draft);

  {
    g_autoptr(GEnumClass) roles = g_type_class_ref (BILAT_TYPE_ROLE);

    /* Enum classes stay once made: their nicks are static strings. */
    r->event_formats = g_type_class_ref (BILAT_TYPE_EVENT_FORMAT);
    r->initiator_nick = g_enum_get_value (roles, BILAT_ROLE_INITIATOR)->value_nick;
    r->target_nick = g_enum_get_value (roles, BILAT_ROLE_TARGET)->value_nick;
  }
}

/* Frees what only the reading needed, before the caller goes on to build
 * the store: the ids and references can be as large as the records. */
static void
reader_clear (Reader *r)
{
  for (int kind = 0; kind < _BILAT_N_KINDS; kind++)
    {
      g_clear_pointer (&r->records[kind], g_ptr_array_unref);
      g_clear_pointer (&r->ids[kind], g_hash_table_unref);
    }
  arena_clear (&r->arena);
  g_clear_pointer (&r->event_keys, g_array_unref);
  g_clear_pointer (&r->non_rows, g_array_unref);
  g_clear_pointer (&r->prefixes, g_hash_table_unref);
  g_clear_pointer (&r->prefix_names, g_ptr_array_unref);
  g_clear_pointer (&r->actor_names, g_hash_table_unref);
  g_clear_pointer (&r->countries, g_hash_table_unref);
  g_clear_pointer (&r->predecessors, g_hash_table_unref);
  g_clear_pointer (&r->cycles, g_hash_table_unref);
  g_clear_pointer (&r->references, g_array_unref);
  g_clear_pointer (&r->strings, g_string_chunk_free);
  g_clear_pointer (&r->event_formats, g_type_class_unref);
  g_clear_pointer (&r->votes, _bilat_votes_builder_free);
  if (r->draft.names != NULL)
    draft_clear (&r->draft);
  r->draft.names = NULL;
}

/* Reads the document @json holds. Returns the problems, sorted, or NULL
 * with @error set when reading the stream failed. */
static GPtrArray *
read_json (_BilatJsonReader     *json,
           const char           *file,
           BilatStore           *store,
           const BilatVotes     *given_votes,
           _BilatFormatRecords  *out,
           GError              **error)
{
  Reader r;
  Scalar format = { 0, }, version = { 0, };
  GPtrArray *problems;
  DocumentResult result;

  reader_init (&r, file, store);
  r.given_votes = given_votes;
  r.json = json;
  r.build = out != NULL;
  r.builder = out != NULL ? out->builder : NULL;

  result = read_document (&r, &format, &version);
  if (result == DOCUMENT_INVALID_JSON)
    {
      const GError *io_error = NULL;
      const char *message;
      Location where = { 0, -1, -1, NULL, NULL, -1, NULL };

      /* Nothing after an error of the JSON can be trusted, nor what came
       * before be loaded: the error is the only problem. */
      clear_problems (&r);
      if (_bilat_json_reader_get_error (json, &message, &where.line, &io_error) ==
          _BILAT_JSON_READER_IO)
        {
          g_propagate_error (error, g_error_copy (io_error));
          g_free ((char *) format.string);
          g_free ((char *) version.string);
          g_array_unref (r.problems);
          reader_clear (&r);
          return NULL;
        }
      r.phase = PHASE_DOCUMENT;
      r.sort_sub = G_MAXUINT;
      report (&r, &where, BILAT_FORMAT_ERROR_INVALID_JSON, "invalid JSON: %s", message);
    }
  else if (result == DOCUMENT_READ)
    {
      Node format_node, version_node;
      guint before = r.problems->len;

      r.record = (Location) { r.root_line, -1, -1, NULL, NULL, -1, NULL };
      r.phase = PHASE_DOCUMENT;
      r.sort_sub = G_MAXUINT;
      if (!check_header (&r, format.line > 0 ? scalar_node (&format_node, &format) : NULL,
                         version.line > 0 ? scalar_node (&version_node, &version) : NULL))
        {
          /* A document that is no dataset of this version has no records
           * worth speaking of. */
          keep_problems_from (&r, before);
        }
      else
        {
          check_event_keys (&r);
          check_references (&r);
          if (given_votes != NULL)
            check_given_votes (&r);
        }
    }

  g_free ((char *) format.string);
  g_free ((char *) version.string);

  g_array_sort (r.problems, compare_pending);
  problems = g_ptr_array_new_full (r.problems->len + 1, (GDestroyNotify) bilat_problem_unref);
  for (guint i = 0; i < r.problems->len; i++)
    g_ptr_array_add (problems, g_array_index (r.problems, Pending, i).problem);
  g_array_unref (r.problems);
  if (r.n_unlisted > 0)
    {
      g_autofree char *message =
        g_strdup_printf ("%" G_GUINT64_FORMAT " more problems, not listed: at most %d are",
                         r.n_unlisted, MAX_PROBLEMS);

      g_ptr_array_add (problems, _bilat_problem_new (BILAT_FORMAT_ERROR_INVALID_VALUE, r.file, 0, NULL,
                                                     -1, NULL, NULL, message));
    }

  if (out != NULL)
    {
      for (int kind = 0; kind < _BILAT_N_KINDS; kind++)
        out->records[kind] = problems->len == 0 ? g_ptr_array_ref (r.records[kind]) : NULL;
      out->votes = problems->len == 0 && r.n_roll_calls > 0 ?
                     _bilat_votes_builder_build (r.votes, NULL) : NULL;
      /* The roll calls the document comes with, as they are, unless it
       * has roll calls of its own too. */
      if (problems->len == 0 && given_votes != NULL)
        {
          BilatVotes *own = out->votes;

          out->votes = own == NULL ? _bilat_votes_ref ((BilatVotes *) given_votes)
                                   : _bilat_votes_merge (given_votes, own, NULL, NULL);
          g_clear_pointer (&own, _bilat_votes_unref);
          if (out->votes == NULL)
            {
              g_ptr_array_add (problems, _bilat_problem_new (
                BILAT_FORMAT_ERROR_DUPLICATE_ID, r.file, 0, NULL, -1, NULL, NULL,
                "a roll call of the document is one of the votes' (section “votes.roll-calls”), "
                "with other facts"));
              for (int kind = 0; kind < _BILAT_N_KINDS; kind++)
                g_clear_pointer (&out->records[kind], g_ptr_array_unref);
            }
        }
    }
  reader_clear (&r);

  return problems;
}

GPtrArray *
_bilat_format_read (const char *data,
                    gssize      length,
                    const char *file,
                    BilatStore *store,
                    GPtrArray  *records[_BILAT_N_KINDS])
{
  _BilatJsonReader *json;
  _BilatFormatRecords out = { NULL, };
  GPtrArray *problems;

  /* An empty stream gives no buffer at all. */
  if (data == NULL)
    data = "";

  json = _bilat_json_reader_new_for_data (data, length >= 0 ? (gsize) length : strlen (data));
  problems = read_json (json, file, store, NULL, records != NULL ? &out : NULL, NULL);
  _bilat_json_reader_free (json);

  for (int kind = 0; records != NULL && kind < _BILAT_N_KINDS; kind++)
    records[kind] = out.records[kind];
  /* Those who ask for records here do not take roll calls. */
  g_clear_pointer (&out.votes, _bilat_votes_unref);

  return problems;
}

GPtrArray *
_bilat_format_read_stream (GInputStream         *stream,
                           GCancellable         *cancellable,
                           const char           *file,
                           BilatStore           *store,
                           _BilatFormatRecords  *records,
                           GError              **error)
{
  _BilatJsonReader *json = _bilat_json_reader_new_for_stream (stream, cancellable);
  GPtrArray *problems = read_json (json, file, store, NULL, records, error);

  _bilat_json_reader_free (json);

  return problems;
}

/* Loading into a store (bilat-store-io.c picks this reader or the native
 * file's) */

static void
propagate_problems (GPtrArray  *problems,
                    GError    **error)
{
  BilatProblem *first = g_ptr_array_index (problems, 0);
  g_autofree char *text = bilat_problem_to_string (first);
  guint more = problems->len - 1;

  if (more == 0)
    g_set_error_literal (error, BILAT_FORMAT_ERROR, bilat_problem_get_code (first), text);
  else
    g_set_error (error, BILAT_FORMAT_ERROR, bilat_problem_get_code (first),
                 "%s (and %u more problem%s)", text, more, more == 1 ? "" : "s");
}

/* Adds what the reader handed on to @self: the records kept as objects,
 * kind by kind, then the segment of @builder, which it takes. */
static gboolean
add_records (BilatStore           *self,
             _BilatFormatRecords  *records,
             GError              **error)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  BilatVotes *votes = NULL;
  gboolean ok = TRUE;

  /* Roll calls that contradict those of the store fail the load before
   * anything is added. */
  if (records->votes != NULL)
    {
      /* Into a store without votes, the table as it is (a native file's
       * stays where it is mapped). */
      if (_bilat_store_get_votes (self) == NULL)
        votes = g_steal_pointer (&records->votes);
      else
        votes = _bilat_votes_merge (_bilat_store_get_votes (self), records->votes, NULL, error);
      g_clear_pointer (&records->votes, _bilat_votes_unref);
      ok = votes != NULL;
    }

  /* The reader checked what the store checks; should the store refuse a
   * record all the same, the records already added go again. */
  for (int kind = 0; kind < _BILAT_N_KINDS; kind++)
    {
      for (guint i = 0; ok && i < records->records[kind]->len; i++)
        {
          BilatRecord *record = g_ptr_array_index (records->records[kind], i);

          ok = bilat_store_add (self, record, error);
          if (ok)
            g_ptr_array_add (added, record);
        }
    }

  if (!ok)
    {
      for (guint i = added->len; i > 0; i--)
        bilat_store_remove (self, g_ptr_array_index (added, i - 1), NULL);
      _bilat_segment_builder_free (records->builder);
    }
  else
    {
      BilatSegment *segment = _bilat_segment_builder_finish (records->builder);

      _bilat_store_add_segment (self, segment);
      _bilat_segment_unref (segment);
      if (votes != NULL)
        {
          /* Files written before votes cited their rows lack it. */
          _bilat_store_add_votes_source (self);
          _bilat_store_set_votes (self, votes);
        }
    }
  records->builder = NULL;
  g_clear_pointer (&votes, _bilat_votes_unref);

  for (int kind = 0; kind < _BILAT_N_KINDS; kind++)
    g_clear_pointer (&records->records[kind], g_ptr_array_unref);

  return ok;
}

static gboolean
load_with_votes (BilatStore        *self,
                 GInputStream      *stream,
                 const char        *data,
                 gsize              length,
                 const char        *name,
                 const BilatVotes  *given_votes,
                 GCancellable      *cancellable,
                 GError           **error);

gboolean
_bilat_format_load (BilatStore    *self,
                    GInputStream  *stream,
                    const char    *data,
                    gsize          length,
                    const char    *name,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return load_with_votes (self, stream, data, length, name, NULL, cancellable, error);
}

gboolean
_bilat_format_load_with_votes (BilatStore        *self,
                               const char        *data,
                               gsize              length,
                               const char        *name,
                               const BilatVotes  *votes,
                               GError           **error)
{
  return load_with_votes (self, NULL, data, length, name, votes, NULL, error);
}

GPtrArray *
_bilat_format_read_with_votes (const char       *data,
                               gsize             length,
                               const char       *file,
                               const BilatVotes *votes)
{
  _BilatJsonReader *json = _bilat_json_reader_new_for_data (data, length);
  GPtrArray *problems = read_json (json, file, NULL, votes, NULL, NULL);

  _bilat_json_reader_free (json);
  return problems;
}

static gboolean
load_with_votes (BilatStore        *self,
                 GInputStream      *stream,
                 const char        *data,
                 gsize              length,
                 const char        *name,
                 const BilatVotes  *given_votes,
                 GCancellable      *cancellable,
                 GError           **error)
{
  _BilatFormatRecords records = { NULL, };
  g_autoptr(GPtrArray) problems = NULL;
  _BilatJsonReader *json;

  /* Coded events, and the sources of imported data, go into columns as
   * they are read, when the columns can give them back exactly; the rest
   * are objects. */
  records.builder = _bilat_segment_builder_new ();

  if (stream != NULL)
    json = _bilat_json_reader_new_for_stream (stream, cancellable);
  else
    json = _bilat_json_reader_new_for_data (data, length);
  problems = read_json (json, name, self, given_votes, &records, error);
  _bilat_json_reader_free (json);

  if (problems == NULL || problems->len > 0)
    {
      if (problems != NULL)
        propagate_problems (problems, error);
      _bilat_segment_builder_free (records.builder);
      g_clear_pointer (&records.votes, _bilat_votes_unref);
      return FALSE;
    }

  return add_records (self, &records, error);
}

/* The validator: the loaders' own reading, collecting every problem. */

/**
 * bilat_validate_data:
 * @data: (array length=length) (element-type guint8): a dataset in the
 *   libbilat JSON format
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @name: (nullable): the name of @data in the problems, such as its file
 *   name, or %NULL for `<string>`
 *
 * Checks a dataset against the libbilat JSON format, reporting every
 * problem rather than only the first: syntax, types, values, ids and
 * references. It checks what [method@Bilat.Store.load_from_data] checks,
 * with the same code, so a dataset without problems loads into an empty
 * store.
 *
 * A JSON syntax error or a document that is not a bilat dataset of a known
 * version ends the check, since nothing after it can be trusted; otherwise
 * every record is checked.
 *
 * Returns: (transfer container) (element-type Bilat.Problem): the
 *   problems, in the order of their lines; an empty array if the dataset
 *   is valid. Freeing the array frees the problems.
 *
 * Since: 1.0
 */
GPtrArray *
bilat_validate_data (const char *data,
                     gssize      length,
                     const char *name)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  return _bilat_format_read (data != NULL ? data : "", length,
                             name != NULL ? name : "<string>", NULL, NULL);
}

/**
 * bilat_validate_file:
 * @file: a file holding a dataset in the libbilat JSON format
 * @cancellable: (nullable): a [class@Gio.Cancellable], or %NULL
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Reads @file and checks it as [func@Bilat.validate_data] does. The
 * problems name the file by its parse name (its path when it is local).
 *
 * @error is only for failing to read the file (in the %G_IO_ERROR
 * domain); the problems of its content are what the function returns.
 *
 * Returns: (transfer container) (element-type Bilat.Problem) (nullable):
 *   the problems, in the order of their lines, an empty array if the
 *   dataset is valid, or %NULL with @error set if @file cannot be read
 *
 * Since: 1.0
 */
GPtrArray *
bilat_validate_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Read in chunks, checked as they come: a file of any size costs a
   * record's worth of memory, not the file's. */
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  name = g_file_get_parse_name (file);

  return _bilat_format_read_stream (G_INPUT_STREAM (stream), cancellable, name, NULL, NULL,
                                    error);
}

/**
 * bilat_validate_stream:
 * @stream: a [class@Gio.InputStream] holding a dataset in the libbilat JSON
 *   format, read to its end but not closed
 * @name: (nullable): the name of the data in the problems, such as the file
 *   name a user gave, or %NULL for `<stream>`
 * @cancellable: (nullable): a [class@Gio.Cancellable], or %NULL
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Checks the dataset @stream holds as [func@Bilat.validate_data] does,
 * reading it in chunks: a dataset of any size costs a record's worth of
 * memory, not its own.
 *
 * @error is only for failing to read (in the %G_IO_ERROR domain); the
 * problems of the content are what the function returns.
 *
 * Returns: (transfer container) (element-type Bilat.Problem) (nullable):
 *   the problems, in the order of their lines, an empty array if the
 *   dataset is valid, or %NULL with @error set if @stream cannot be read
 *
 * Since: 1.0
 */
GPtrArray *
bilat_validate_stream (GInputStream  *stream,
                       const char    *name,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _bilat_format_read_stream (stream, cancellable, name != NULL ? name : "<stream>",
                                    NULL, NULL, error);
}
