/* bilat-native.c: the native store file (*.bilat)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One file holds a whole store: the columns of its segment and of its vote
 * table as they are in memory, so that opening maps them and copies
 * nothing, and its objects (curated records) as a JSON document of the
 * libbilat format. The layout is in docs/native-format.md:
 *
 *   header (64 bytes) | sections, each 64-byte aligned | directory
 *
 * The header and the directory have checksums of their own, and every
 * section one in the directory (XXH3, 64 bits). A file is checked whole
 * before anything is added to the store: bounds, checksums, then the
 * values that index other sections, so that a damaged or hostile file is
 * refused with the name of the section, never read out of bounds.
 *
 * Strings that are read only when an event is made (URLs, titles, cited
 * ids, publishers) are compressed with zstd in blocks; the others (actor
 * codes and names, places, CAMEO codes, source ids) stay plain, since
 * queries read them.
 */

#include <bilat/bilat.h>

#include <string.h>
#include <xxhash.h>
#include <zstd.h>

#include "bilat-format-private.h"
#include "bilat-json-private.h"
#include "bilat-file-private.h"
#include "bilat-bulk-strings-private.h"
#include "bilat-native-private.h"
#include "bilat-segment-layout-private.h"
#include "bilat-store-private.h"
#include "bilat-votes-json-private.h"
#include "bilat-votes-private.h"

/* Version 2 added the vote table's sections (and its counts to meta);
 * files of version 1, whose roll calls are in the objects, are read
 * still. */
#define VERSION 2
#define N_SECTIONS_V1 38
#define N_META_V1 12
#define HEADER_SIZE 64
#define ENTRY_SIZE 64
#define NAME_SIZE 24
#define ALIGNMENT 64
#define BLOCK_SIZE (64 * 1024)
#define ZSTD_LEVEL 6
/* Writes of at least this many bytes bypass the output buffer. */
#define LARGE_WRITE (256 * 1024)

typedef enum
{
  ENCODING_RAW = 0,
  ENCODING_ZSTD = 1,
} Encoding;

/* What the directory says of a section. */
typedef struct
{
  char     name[NAME_SIZE + 1];
  guint64  offset;
  guint64  size;
  guint64  raw_size;
  guint32  encoding;
  guint64  checksum;
} Section;

/* The sections of a file, in the order they are written. */
enum
{
  S_META,
  S_OBJECTS,
  S_KEY, S_DAY, S_SIDE0, S_SIDE1, S_CAMEO, S_GOLDSTEIN, S_FLAGS, S_TONE,
  S_MENTIONS, S_SOURCES, S_ARTICLES, S_ADDED, S_PLACE, S_TITLE, S_CITE, S_URL,
  S_BY_ID,
  S_SOURCE_ID, S_SOURCE_URL, S_SOURCE_PUBLISHER,
  S_STRING_OFFSETS, S_HEAP,
  S_SIDES, S_PLACES, S_CODES, S_SCORES, S_PREFIXES,
  S_ACTOR_IDS, S_ACTOR_OFFSETS, S_ACTOR_ROWS,
  S_PAIR_KEYS, S_PAIR_OFFSETS, S_PAIR_ROWS,
  S_BULK_INDEX, S_BLOCK_OFFSETS, S_BLOCKS,
  S_VOTE_ROLL_CALLS, S_VOTE_BY_NUMBER, S_VOTE_TOPICS, S_VOTE_HOLDERS, S_VOTE_HOLDER_START,
  S_VOTE_WORDS, S_VOTE_HEAP,
  N_SECTIONS
};

static const char * const section_names[N_SECTIONS] = {
  [S_META] = "meta",
  [S_OBJECTS] = "objects",
  [S_KEY] = "events.id",
  [S_DAY] = "events.day",
  [S_SIDE0] = "events.side1",
  [S_SIDE1] = "events.side2",
  [S_CAMEO] = "events.cameo",
  [S_GOLDSTEIN] = "events.goldstein",
  [S_FLAGS] = "events.flags",
  [S_TONE] = "events.tone",
  [S_MENTIONS] = "events.mentions",
  [S_SOURCES] = "events.sources",
  [S_ARTICLES] = "events.articles",
  [S_ADDED] = "events.added",
  [S_PLACE] = "events.place",
  [S_TITLE] = "events.title",
  [S_CITE] = "events.cite",
  [S_URL] = "events.url",
  [S_BY_ID] = "events.by-id",
  [S_SOURCE_ID] = "sources.id",
  [S_SOURCE_URL] = "sources.url",
  [S_SOURCE_PUBLISHER] = "sources.publisher",
  [S_STRING_OFFSETS] = "strings.offsets",
  [S_HEAP] = "strings.heap",
  [S_SIDES] = "table.sides",
  [S_PLACES] = "table.places",
  [S_CODES] = "table.codes",
  [S_SCORES] = "table.scores",
  [S_PREFIXES] = "table.prefixes",
  [S_ACTOR_IDS] = "actors.ids",
  [S_ACTOR_OFFSETS] = "actors.offsets",
  [S_ACTOR_ROWS] = "actors.rows",
  [S_PAIR_KEYS] = "pairs.keys",
  [S_PAIR_OFFSETS] = "pairs.offsets",
  [S_PAIR_ROWS] = "pairs.rows",
  [S_BULK_INDEX] = "bulk.index",
  [S_BLOCK_OFFSETS] = "bulk.block-offsets",
  [S_BLOCKS] = "bulk.blocks",
  [S_VOTE_ROLL_CALLS] = "votes.roll-calls",
  [S_VOTE_BY_NUMBER] = "votes.by-number",
  [S_VOTE_TOPICS] = "votes.topics",
  [S_VOTE_HOLDERS] = "votes.holders",
  [S_VOTE_HOLDER_START] = "votes.holder-start",
  [S_VOTE_WORDS] = "votes.words",
  [S_VOTE_HEAP] = "votes.heap",
};

G_STATIC_ASSERT (sizeof (BilatRollCall) == 32);

/* The element size of each section (0: bytes). */
static const guint element_sizes[N_SECTIONS] = {
  [S_META] = 8, [S_KEY] = 8, [S_DAY] = 4, [S_SIDE0] = 4, [S_SIDE1] = 4, [S_CAMEO] = 2,
  [S_GOLDSTEIN] = 2, [S_FLAGS] = 1, [S_TONE] = 8, [S_MENTIONS] = 4, [S_SOURCES] = 4,
  [S_ARTICLES] = 4, [S_ADDED] = 4, [S_PLACE] = 4, [S_TITLE] = 4, [S_CITE] = 4, [S_URL] = 4,
  [S_BY_ID] = 4, [S_SOURCE_ID] = 4, [S_SOURCE_URL] = 4, [S_SOURCE_PUBLISHER] = 4,
  [S_STRING_OFFSETS] = 8, [S_SIDES] = sizeof (Side), [S_PLACES] = sizeof (PlaceEntry),
  [S_CODES] = 4, [S_SCORES] = 8, [S_PREFIXES] = 4, [S_ACTOR_IDS] = 4, [S_ACTOR_OFFSETS] = 4,
  [S_ACTOR_ROWS] = 4, [S_PAIR_KEYS] = 8, [S_PAIR_OFFSETS] = 4, [S_PAIR_ROWS] = 4,
  [S_BULK_INDEX] = 8, [S_BLOCK_OFFSETS] = 8,
  [S_VOTE_ROLL_CALLS] = sizeof (BilatRollCall), [S_VOTE_BY_NUMBER] = 4, [S_VOTE_TOPICS] = 8,
  [S_VOTE_HOLDERS] = 4, [S_VOTE_HOLDER_START] = 8, [S_VOTE_WORDS] = 4,
};

/* The meta section: counts, as guint64. */
enum
{
  M_ROWS, M_SOURCES, M_STRINGS, M_SIDES, M_PLACES, M_CODES, M_SCORES, M_PREFIXES,
  M_ACTORS, M_BULK_STRINGS, M_BLOCKS, M_PAIRS,
  /* Version 2: the vote table (all 0 without one) */
  M_ROLL_CALLS, M_TOPICS, M_VOTE_HOLDERS, M_VOTES, M_VOTE_HEAP,
  N_META
};

gboolean
_bilat_native_detect (const char *data,
                      gsize       length)
{
  return length >= _BILAT_NATIVE_MAGIC_LENGTH &&
         memcmp (data, _BILAT_NATIVE_MAGIC, _BILAT_NATIVE_MAGIC_LENGTH) == 0;
}

/* Writing */

typedef struct
{
  GOutputStream *out;          /* buffered */
  GOutputStream *base;         /* under it, for large writes */
  GCancellable  *cancellable;
  guint64        offset;
  Section        sections[N_SECTIONS];
  XXH3_state_t  *hash;
} Writer;

static gboolean
write_bytes (Writer        *w,
             gconstpointer  data,
             gsize          size,
             GError       **error)
{
  if (size == 0)
    return TRUE;
  /* Columns go to the file as they are: through the buffer, each byte
   * would be copied once more. */
  if (size >= LARGE_WRITE)
    {
      if (!g_output_stream_flush (w->out, w->cancellable, error) ||
          !g_output_stream_write_all (w->base, data, size, NULL, w->cancellable, error))
        return FALSE;
    }
  else if (!g_output_stream_write_all (w->out, data, size, NULL, w->cancellable, error))
    return FALSE;
  w->offset += size;
  return TRUE;
}

static gboolean
pad (Writer  *w,
     GError **error)
{
  static const guint8 zeros[ALIGNMENT] = { 0 };
  gsize n = (gsize) ((ALIGNMENT - w->offset % ALIGNMENT) % ALIGNMENT);

  return write_bytes (w, zeros, n, error);
}

/* Starts section @id at the next aligned offset. */
static gboolean
begin_section (Writer  *w,
               guint    id,
               GError **error)
{
  if (!pad (w, error))
    return FALSE;
  g_strlcpy (w->sections[id].name, section_names[id], sizeof w->sections[id].name);
  w->sections[id].offset = w->offset;
  XXH3_64bits_reset (w->hash);
  return TRUE;
}

static gboolean
section_append (Writer         *w,
                gconstpointer   data,
                gsize           size,
                GError        **error)
{
  XXH3_64bits_update (w->hash, data, size);
  return write_bytes (w, data, size, error);
}

static void
end_section (Writer  *w,
             guint    id,
             guint64  raw_size,
             Encoding encoding)
{
  w->sections[id].size = w->offset - w->sections[id].offset;
  w->sections[id].raw_size = raw_size;
  w->sections[id].encoding = encoding;
  w->sections[id].checksum = XXH3_64bits_digest (w->hash);
}

static gboolean
write_section (Writer         *w,
               guint           id,
               gconstpointer   data,
               gsize           size,
               GError        **error)
{
  if (!begin_section (w, id, error) || !section_append (w, data, size, error))
    return FALSE;
  end_section (w, id, size, ENCODING_RAW);
  return TRUE;
}

/* @v mapped through @map: 0 stays 0, @keep (unless 0) stays @keep. */
static inline guint32
map_value (guint32        v,
           const guint32 *map,
           guint32        keep)
{
  return v == 0 || (keep != 0 && v == keep) ? v : map[v];
}

/* A column of @n guint32 values, each mapped through @map (0 stays 0,
 * @keep stays @keep). */
static gboolean
write_mapped_column (Writer         *w,
                     guint           id,
                     const guint32  *values,
                     guint           n,
                     const guint32  *map,
                     guint32         keep,
                     GError        **error)
{
  const guint size = LARGE_WRITE / sizeof (guint32);
  g_autofree guint32 *buffer = g_new (guint32, MAX (MIN (n, size), 1));

  if (!begin_section (w, id, error))
    return FALSE;
  for (guint i = 0; i < n; i += size)
    {
      guint count = MIN (n - i, size);

      for (guint j = 0; j < count; j++)
        buffer[j] = map_value (values[i + j], map, keep);
      if (!section_append (w, buffer, count * sizeof (guint32), error))
        return FALSE;
    }
  end_section (w, id, (guint64) n * sizeof (guint32), ENCODING_RAW);
  return TRUE;
}

static gboolean
write_compressed (Writer         *w,
                  guint           id,
                  const char     *data,
                  gsize           size,
                  GError        **error)
{
  gsize bound = ZSTD_compressBound (size);
  g_autofree char *packed = g_malloc (bound);
  size_t n = ZSTD_compress (packed, bound, data, size, ZSTD_LEVEL);

  if (ZSTD_isError (n))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot compress section “%s”: %s",
                   section_names[id], ZSTD_getErrorName (n));
      return FALSE;
    }
  if (!begin_section (w, id, error) || !section_append (w, packed, n, error))
    return FALSE;
  end_section (w, id, size, ENCODING_ZSTD);
  return TRUE;
}

/* The JSON document of the store's objects, with the bulk sources that
 * object events cite, so that it is valid on its own. */
static GString *
objects_document (BilatStore   *store,
                  BilatSegment *segment,
                  GError      **error)
{
  static const char * const members[_BILAT_N_KINDS] = {
    "sources", "actors", "issues", "events", "positions"
  };
  GString *out = g_string_new ("{\n  \"format\" : \"bilat\",\n  \"version\" : 1");
  g_autoptr(GPtrArray) cited = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) object_sources = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) problems = NULL;

  /* Sources that object events cite and that are rows. */
  {
    g_autoptr(GPtrArray) events = _bilat_store_list_objects (store, _BILAT_KIND_EVENT);
    g_autoptr(GPtrArray) sources = _bilat_store_list_objects (store, _BILAT_KIND_SOURCE);
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < sources->len; i++)
      g_hash_table_add (object_sources, (gpointer) bilat_record_get_id (g_ptr_array_index (sources, i)));
    for (guint i = 0; segment != NULL && i < events->len; i++)
      {
        GPtrArray *citations = bilat_record_get_citations (g_ptr_array_index (events, i));

        for (guint j = 0; j < citations->len; j++)
          {
            const char *id = bilat_citation_get_source (g_ptr_array_index (citations, j));
            gint64 row;

            if (g_hash_table_contains (object_sources, id) || !g_hash_table_add (seen, (gpointer) id))
              continue;
            row = _bilat_segment_find_source (segment, id);
            if (row >= 0)
              g_ptr_array_add (cited, _bilat_segment_make_source (segment, (guint) row));
          }
      }
  }

  for (guint kind = 0; kind < _BILAT_N_KINDS; kind++)
    {
      g_autoptr(GPtrArray) records = _bilat_store_list_objects (store, kind);
      gboolean first = TRUE;

      if (kind == _BILAT_KIND_SOURCE)
        {
          for (guint i = 0; i < cited->len; i++)
            g_ptr_array_add (records, g_ptr_array_index (cited, i));
        }
      g_string_append_printf (out, ",\n  \"%s\" : [", members[kind]);
      for (guint i = 0; i < records->len; i++)
        {
          g_autoptr(JsonNode) node = bilat_record_to_json (g_ptr_array_index (records, i));

          g_string_append (out, first ? "\n    " : ",\n    ");
          _bilat_json_print (out, node);
          first = FALSE;
        }
      /* Roll calls and their votes have sections of their own. */
      g_string_append (out, first ? "]" : "\n  ]");
    }
  g_string_append (out, "\n}\n");

  /* What is saved must load back: the objects are checked as a dataset
   * that comes with the votes. */
  problems = _bilat_store_get_votes (store) != NULL
               ? _bilat_format_read_with_votes (out->str, out->len, "objects", _bilat_store_get_votes (store))
               : _bilat_format_read (out->str, (gssize) out->len, "objects", NULL, NULL);
  if (problems->len > 0)
    {
      g_autofree char *text = bilat_problem_to_string (g_ptr_array_index (problems, 0));

      g_set_error (error, BILAT_FORMAT_ERROR, bilat_problem_get_code (g_ptr_array_index (problems, 0)),
                   "Cannot save the store: %s", text);
      g_string_free (out, TRUE);
      return NULL;
    }
  return out;
}

/* Strings, split in two: plain ones that queries read, and bulk ones
 * packed in compressed blocks. Each new index space starts at 1. */
typedef struct
{
  guint32 *small_map;      /* old index → new plain index, or 0 */
  guint32 *bulk_map;       /* old index → new bulk index, or 0 */
  GArray  *small_order;    /* new plain index → old index */
  GArray  *bulk_order;     /* new bulk index → old index */
} Split;

static void
mark (GArray  *order,
      guint32 *map,
      guint32  old)
{
  if (old == 0 || old == CITE_URL || map[old] != 0)
    return;
  map[old] = order->len;
  g_array_append_val (order, old);
}

/* Starts @split: the plain strings, which the tables and the sources'
 * and actors' ids use. */
static void
split_begin (BilatSegment *segment,
             Split        *split)
{
  guint32 none = 0;

  split->small_map = g_new0 (guint32, segment->n_strings + 1);
  split->bulk_map = g_new0 (guint32, segment->n_strings + 1);
  split->small_order = g_array_new (FALSE, FALSE, sizeof (guint32));
  split->bulk_order = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_val (split->small_order, none);
  g_array_append_val (split->bulk_order, none);

  for (guint i = 1; i < segment->n_sides; i++)
    {
      mark (split->small_order, split->small_map, segment->sides[i].participant);
      mark (split->small_order, split->small_map, segment->sides[i].code);
      mark (split->small_order, split->small_map, segment->sides[i].name);
      mark (split->small_order, split->small_map, segment->sides[i].types);
    }
  for (guint i = 1; i < segment->n_places; i++)
    {
      mark (split->small_order, split->small_map, segment->places[i].name);
      mark (split->small_order, split->small_map, segment->places[i].subdivision);
      mark (split->small_order, split->small_map, segment->places[i].country);
    }
  for (guint i = 1; i < segment->n_codes; i++)
    mark (split->small_order, split->small_map, segment->codes[i]);
  for (guint i = 1; i < segment->n_prefixes; i++)
    mark (split->small_order, split->small_map, segment->prefixes[i]);
  for (guint i = 0; i < segment->n_sources; i++)
    mark (split->small_order, split->small_map, segment->source_id[i]);
  for (guint i = 0; i < segment->n_actors; i++)
    mark (split->small_order, split->small_map, segment->actor_ids[i]);
}

/* The bulk strings of @n rows (their URL, title and citation, in that
 * order), numbered as they first come. */
static inline void
split_mark_rows (Split         *split,
                 const guint32 *url,
                 const guint32 *title,
                 const guint32 *cite,
                 guint          n)
{
  for (guint i = 0; i < n; i++)
    {
      mark (split->bulk_order, split->bulk_map, url[i]);
      mark (split->bulk_order, split->bulk_map, title[i]);
      mark (split->bulk_order, split->bulk_map, cite[i]);
    }
}

/* The bulk strings of the sources, after those of the rows. */
static void
split_mark_sources (BilatSegment *segment,
                    Split        *split)
{
  for (guint i = 0; i < segment->n_sources; i++)
    {
      mark (split->bulk_order, split->bulk_map, segment->source_url[i]);
      mark (split->bulk_order, split->bulk_map, segment->source_publisher[i]);
    }
}

static void
split_clear (Split *split)
{
  g_free (split->small_map);
  g_free (split->bulk_map);
  g_array_unref (split->small_order);
  g_array_unref (split->bulk_order);
}

static const char *
old_text (BilatSegment *segment,
          guint32       index,
          gboolean      bulk)
{
  return bulk ? _bilat_segment_bulk_text (segment, index)
              : segment->heap + segment->string_offsets[index];
}

static gboolean
write_strings (Writer        *w,
               BilatSegment  *segment,
               Split         *split,
               guint64        meta[N_META],
               GError       **error)
{
  GArray *order = split->small_order;
  g_autoptr(GArray) offsets = g_array_sized_new (FALSE, FALSE, sizeof (guint64), order->len);
  g_autoptr(GByteArray) heap = g_byte_array_new ();
  g_autoptr(GArray) refs = g_array_sized_new (FALSE, TRUE, sizeof (BulkRef), split->bulk_order->len);
  g_autoptr(GArray) block_offsets = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GByteArray) blocks = g_byte_array_new ();
  g_autoptr(GByteArray) block = g_byte_array_new ();
  ZSTD_CCtx *context = ZSTD_createCCtx ();
  guint64 zero = 0;
  const guint8 nul = 0;
  gboolean ok;

  /* Plain strings: offsets and a heap of NUL-terminated texts. */
  g_array_append_val (offsets, zero);
  g_byte_array_append (heap, &nul, 1);
  for (guint i = 1; i < order->len; i++)
    {
      const char *text = old_text (segment, g_array_index (order, guint32, i), FALSE);
      guint64 offset = heap->len;

      g_array_append_val (offsets, offset);
      g_byte_array_append (heap, (const guint8 *) text, (guint) strlen (text) + 1);
    }

  /* Bulk strings: blocks of about BLOCK_SIZE bytes, each a zstd frame. */
  g_array_set_size (refs, split->bulk_order->len);
  g_array_append_val (block_offsets, zero);
  for (guint i = 1; i <= split->bulk_order->len; i++)
    {
      const char *text = i < split->bulk_order->len
                         ? old_text (segment, g_array_index (split->bulk_order, guint32, i), TRUE) : NULL;
      gsize length = text != NULL ? strlen (text) + 1 : 0;

      if (block->len > 0 && (text == NULL || block->len + length > BLOCK_SIZE))
        {
          gsize bound = ZSTD_compressBound (block->len);
          guint old_size = blocks->len;
          size_t n;
          guint64 end;

          g_byte_array_set_size (blocks, (guint) (old_size + bound));
          n = ZSTD_compressCCtx (context, blocks->data + old_size, bound, block->data, block->len, ZSTD_LEVEL);
          g_assert (!ZSTD_isError (n));
          g_byte_array_set_size (blocks, (guint) (old_size + n));
          end = blocks->len;
          g_array_append_val (block_offsets, end);
          g_byte_array_set_size (block, 0);
        }
      if (text == NULL)
        break;
      g_array_index (refs, BulkRef, i).block = block_offsets->len - 1;
      g_array_index (refs, BulkRef, i).offset = block->len;
      g_byte_array_append (block, (const guint8 *) text, (guint) length);
    }
  ZSTD_freeCCtx (context);

  meta[M_STRINGS] = order->len;
  meta[M_BULK_STRINGS] = split->bulk_order->len;
  meta[M_BLOCKS] = block_offsets->len - 1;
  ok = write_section (w, S_STRING_OFFSETS, offsets->data, offsets->len * sizeof (guint64), error) &&
       write_section (w, S_HEAP, heap->data, heap->len, error) &&
       write_section (w, S_BULK_INDEX, refs->data, refs->len * sizeof (BulkRef), error) &&
       write_section (w, S_BLOCK_OFFSETS, block_offsets->data, block_offsets->len * sizeof (guint64), error) &&
       write_section (w, S_BLOCKS, blocks->data, blocks->len, error);
  return ok;
}

/* Rows gathered at a time from a deferred segment: in every column a
 * whole number of pages. */
#define GATHER_ROWS 16384

/* The rows' columns of the deferred @segment, at the places and with
 * the bytes write_segment() gives the columns of a segment in memory:
 * the rows are gathered a chunk at a time, and each chunk of each column
 * written where its column goes in the file, so that the columns are
 * never in memory whole. Marks the rows' bulk strings in @split on the
 * way, and ends @segment's deferral. */
static gboolean
write_deferred_rows (Writer        *w,
                     BilatSegment  *segment,
                     Split         *split,
                     GError       **error)
{
  enum { N = _BILAT_SEGMENT_N_COLUMNS };
  static const guint8 zeros[ALIGNMENT] = { 0 };
  GSeekable *base = G_SEEKABLE (w->base);
  guint n = segment->n_rows;
  guint64 offsets[N + 1];
  gpointer columns[N];
  XXH3_state_t *hashes[N];
  guint32 *url, *title, *cite;
  gboolean ok;

  G_STATIC_ASSERT (S_URL - S_KEY + 1 == _BILAT_SEGMENT_N_COLUMNS);

  /* Where each column goes: at the next aligned offset, as
   * begin_section() would put it. The zeros before the first go through
   * the buffer; those between the others are written below. */
  if (!pad (w, error))
    return FALSE;
  offsets[0] = w->offset;
  for (guint c = 0; c < N; c++)
    {
      guint size = element_sizes[S_KEY + c];

      offsets[c] += (ALIGNMENT - offsets[c] % ALIGNMENT) % ALIGNMENT;
      offsets[c + 1] = offsets[c] + (guint64) n * size;
      columns[c] = g_malloc ((gsize) GATHER_ROWS * size);
      hashes[c] = XXH3_createState ();
      XXH3_64bits_reset (hashes[c]);
    }
  url = columns[S_URL - S_KEY];
  title = columns[S_TITLE - S_KEY];
  cite = columns[S_CITE - S_KEY];

  /* What the buffer holds goes first; then the zeros between columns. */
  ok = g_output_stream_flush (w->out, w->cancellable, error);
  for (guint c = 1; ok && c < N; c++)
    {
      guint64 end = offsets[c - 1] + (guint64) n * element_sizes[S_KEY + c - 1];

      if (end < offsets[c])
        ok = g_seekable_seek (base, (goffset) end, G_SEEK_SET, w->cancellable, error) &&
             g_output_stream_write_all (w->base, zeros, offsets[c] - end, NULL, w->cancellable, error);
    }

  for (guint first = 0; ok && first < n; first += GATHER_ROWS)
    {
      guint count = MIN (GATHER_ROWS, n - first);

      _bilat_segment_gather_deferred (segment, first, count, columns);
      split_mark_rows (split, url, title, cite, count);
      for (guint i = 0; i < count; i++)
        {
          url[i] = map_value (url[i], split->bulk_map, 0);
          title[i] = map_value (title[i], split->bulk_map, 0);
          cite[i] = map_value (cite[i], split->bulk_map, CITE_URL);
        }
      for (guint c = 0; ok && c < N; c++)
        {
          gsize size = element_sizes[S_KEY + c];

          XXH3_64bits_update (hashes[c], columns[c], size * count);
          ok = g_seekable_seek (base, (goffset) (offsets[c] + size * first), G_SEEK_SET,
                                w->cancellable, error) &&
               g_output_stream_write_all (w->base, columns[c], size * count, NULL, w->cancellable, error);
        }
    }

  if (ok)
    ok = g_seekable_seek (base, (goffset) offsets[N], G_SEEK_SET, w->cancellable, error);
  if (ok)
    {
      for (guint c = 0; c < N; c++)
        {
          Section *section = &w->sections[S_KEY + c];

          g_strlcpy (section->name, section_names[S_KEY + c], sizeof section->name);
          section->offset = offsets[c];
          section->size = section->raw_size = (guint64) n * element_sizes[S_KEY + c];
          section->encoding = ENCODING_RAW;
          section->checksum = XXH3_64bits_digest (hashes[c]);
        }
      w->offset = offsets[N];
      _bilat_segment_end_deferred (segment);
    }
  for (guint c = 0; c < N; c++)
    {
      g_free (columns[c]);
      XXH3_freeState (hashes[c]);
    }
  return ok;
}

/* The rows' columns of a segment in memory. */
static gboolean
write_rows (Writer        *w,
            BilatSegment  *segment,
            Split         *split,
            GError       **error)
{
  guint n = segment->n_rows;

  return write_section (w, S_KEY, segment->key, n * sizeof (guint64), error) &&
         write_section (w, S_DAY, segment->day, n * sizeof (guint32), error) &&
         write_section (w, S_SIDE0, segment->side[0], n * sizeof (guint32), error) &&
         write_section (w, S_SIDE1, segment->side[1], n * sizeof (guint32), error) &&
         write_section (w, S_CAMEO, segment->cameo, n * sizeof (guint16), error) &&
         write_section (w, S_GOLDSTEIN, segment->goldstein, n * sizeof (guint16), error) &&
         write_section (w, S_FLAGS, segment->flags, n, error) &&
         write_section (w, S_TONE, segment->tone, n * sizeof (double), error) &&
         write_section (w, S_MENTIONS, segment->mentions, n * sizeof (guint32), error) &&
         write_section (w, S_SOURCES, segment->sources, n * sizeof (guint32), error) &&
         write_section (w, S_ARTICLES, segment->articles, n * sizeof (guint32), error) &&
         write_section (w, S_ADDED, segment->added, n * sizeof (guint32), error) &&
         write_section (w, S_PLACE, segment->place, n * sizeof (guint32), error) &&
         write_mapped_column (w, S_TITLE, segment->title, n, split->bulk_map, 0, error) &&
         write_mapped_column (w, S_CITE, segment->cite, n, split->bulk_map, CITE_URL, error) &&
         write_mapped_column (w, S_URL, segment->url, n, split->bulk_map, 0, error);
}

static gboolean
write_segment (Writer        *w,
               BilatSegment  *segment,
               guint64        meta[N_META],
               GError       **error)
{
  Split split;
  guint n = segment->n_rows;
  guint ns = segment->n_sources;
  g_autofree Side *sides = g_memdup2 (segment->sides, sizeof (Side) * segment->n_sides);
  g_autofree PlaceEntry *places = g_memdup2 (segment->places, sizeof (PlaceEntry) * segment->n_places);
  g_autofree guint32 *codes = g_new (guint32, segment->n_codes);
  g_autofree guint32 *prefixes = g_new (guint32, segment->n_prefixes);
  gboolean ok;

  split_begin (segment, &split);
  for (guint i = 1; i < segment->n_sides; i++)
    {
      sides[i].participant = split.small_map[sides[i].participant];
      sides[i].code = split.small_map[sides[i].code];
      sides[i].name = split.small_map[sides[i].name];
      sides[i].types = split.small_map[sides[i].types];
    }
  for (guint i = 1; i < segment->n_places; i++)
    {
      places[i].name = split.small_map[places[i].name];
      places[i].subdivision = split.small_map[places[i].subdivision];
      places[i].country = split.small_map[places[i].country];
    }
  for (guint i = 0; i < segment->n_codes; i++)
    codes[i] = split.small_map[segment->codes[i]];
  for (guint i = 0; i < segment->n_prefixes; i++)
    prefixes[i] = split.small_map[segment->prefixes[i]];

  meta[M_ROWS] = n;
  meta[M_SOURCES] = ns;
  meta[M_SIDES] = segment->n_sides;
  meta[M_PLACES] = segment->n_places;
  meta[M_CODES] = segment->n_codes;
  meta[M_SCORES] = segment->n_scores;
  meta[M_PREFIXES] = segment->n_prefixes;
  meta[M_ACTORS] = segment->n_actors;

  if (_bilat_segment_is_deferred (segment))
    ok = write_deferred_rows (w, segment, &split, error);
  else
    {
      split_mark_rows (&split, segment->url, segment->title, segment->cite, n);
      ok = write_rows (w, segment, &split, error);
    }
  split_mark_sources (segment, &split);
  meta[M_PAIRS] = segment->n_pairs;

  ok = ok &&
       write_section (w, S_BY_ID, segment->by_id, n * sizeof (guint32), error) &&
       write_mapped_column (w, S_SOURCE_ID, segment->source_id, ns, split.small_map, 0, error) &&
       write_mapped_column (w, S_SOURCE_URL, segment->source_url, ns, split.bulk_map, 0, error) &&
       write_mapped_column (w, S_SOURCE_PUBLISHER, segment->source_publisher, ns, split.bulk_map, 0, error) &&
       write_section (w, S_SIDES, sides, sizeof (Side) * segment->n_sides, error) &&
       write_section (w, S_PLACES, places, sizeof (PlaceEntry) * segment->n_places, error) &&
       write_section (w, S_CODES, codes, sizeof (guint32) * segment->n_codes, error) &&
       write_section (w, S_SCORES, segment->scores, sizeof (double) * segment->n_scores, error) &&
       write_section (w, S_PREFIXES, prefixes, sizeof (guint32) * segment->n_prefixes, error) &&
       write_mapped_column (w, S_ACTOR_IDS, segment->actor_ids, segment->n_actors, split.small_map, 0, error) &&
       write_section (w, S_ACTOR_OFFSETS, segment->actor_offsets, sizeof (guint32) * (segment->n_actors + 1), error) &&
       write_section (w, S_ACTOR_ROWS, segment->actor_rows,
                      sizeof (guint32) * segment->actor_offsets[segment->n_actors], error) &&
       write_section (w, S_PAIR_KEYS, segment->pair_keys, sizeof (guint64) * segment->n_pairs, error) &&
       write_section (w, S_PAIR_OFFSETS, segment->pair_offsets, sizeof (guint32) * (segment->n_pairs + 1), error) &&
       write_section (w, S_PAIR_ROWS, segment->pair_rows,
                      sizeof (guint32) * segment->pair_offsets[segment->n_pairs], error) &&
       write_strings (w, segment, &split, meta, error);
  split_clear (&split);
  return ok;
}

static void
put_u32 (guint8  *p,
         guint32  value)
{
  value = GUINT32_TO_LE (value);
  memcpy (p, &value, 4);
}

static void
put_u64 (guint8  *p,
         guint64  value)
{
  value = GUINT64_TO_LE (value);
  memcpy (p, &value, 8);
}

static guint32
get_u32 (const guint8 *p)
{
  guint32 value;

  memcpy (&value, p, 4);
  return GUINT32_FROM_LE (value);
}

static guint64
get_u64 (const guint8 *p)
{
  guint64 value;

  memcpy (&value, p, 8);
  return GUINT64_FROM_LE (value);
}

/* The vote table's columns, as they are in memory. */
static gboolean
write_votes (Writer     *w,
             BilatVotes *votes,
             guint64    *meta,
             GError    **error)
{
  BilatVotesColumns c;

  _bilat_votes_get_columns (votes, &c);
  meta[M_ROLL_CALLS] = c.n_roll_calls;
  meta[M_TOPICS] = c.n_topics;
  meta[M_VOTE_HOLDERS] = c.n_holders;
  meta[M_VOTES] = c.n_votes;
  meta[M_VOTE_HEAP] = c.heap_size;
  return write_section (w, S_VOTE_ROLL_CALLS, c.roll_calls, c.n_roll_calls * sizeof (BilatRollCall), error) &&
         write_section (w, S_VOTE_BY_NUMBER, c.by_number, c.n_roll_calls * sizeof (guint32), error) &&
         write_section (w, S_VOTE_TOPICS, c.topics, c.n_topics * 2 * sizeof (guint32), error) &&
         write_section (w, S_VOTE_HOLDERS, c.holders, c.n_holders * sizeof (guint32), error) &&
         write_section (w, S_VOTE_HOLDER_START, c.holder_start, (c.n_holders + 1) * sizeof (guint64), error) &&
         write_section (w, S_VOTE_WORDS, c.votes, (gsize) c.n_votes * sizeof (guint32), error) &&
         write_section (w, S_VOTE_HEAP, c.heap, c.heap_size, error);
}

static gboolean
write_file (Writer       *w,
            BilatStore   *store,
            BilatSegment *segment,
            GError      **error)
{
  guint64 meta[N_META] = { 0 };
  guint8 header[HEADER_SIZE] = { 0 };
  g_autofree guint8 *directory = g_new0 (guint8, (gsize) ENTRY_SIZE * N_SECTIONS);
  g_autoptr(GString) objects = NULL;
  guint64 directory_offset;

  objects = objects_document (store, segment, error);
  if (objects == NULL)
    return FALSE;

  /* The header, the directory and the counts come first, in space kept
   * for them and filled in last: opening a file that is not in the page
   * cache reads its first pages only (with the objects, next). */
  if (!write_bytes (w, header, HEADER_SIZE, error))
    return FALSE;
  directory_offset = w->offset;
  if (!write_bytes (w, directory, (gsize) ENTRY_SIZE * N_SECTIONS, error) ||
      !begin_section (w, S_META, error) ||
      !write_bytes (w, meta, sizeof meta, error))
    return FALSE;
  end_section (w, S_META, sizeof meta, ENCODING_RAW);

  if (!write_compressed (w, S_OBJECTS, objects->str, objects->len, error))
    return FALSE;
  /* Opening reads the votes: they come next. */
  if (_bilat_store_get_votes (store) != NULL &&
      !write_votes (w, _bilat_store_get_votes (store), meta, error))
    return FALSE;
  if (segment != NULL && !write_segment (w, segment, meta, error))
    return FALSE;

  w->sections[S_META].checksum = XXH3_64bits (meta, sizeof meta);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      guint8 *entry = directory + (gsize) i * ENTRY_SIZE;
      const Section *section = &w->sections[i];

      if (section->name[0] == '\0')
        continue;
      memcpy (entry, section->name, strlen (section->name));
      put_u64 (entry + 24, section->offset);
      put_u64 (entry + 32, section->size);
      put_u64 (entry + 40, section->raw_size);
      put_u32 (entry + 48, section->encoding);
      put_u64 (entry + 56, section->checksum);
    }
  if (!g_seekable_seek (G_SEEKABLE (w->out), (goffset) w->sections[S_META].offset, G_SEEK_SET,
                        w->cancellable, error) ||
      !g_output_stream_write_all (w->out, meta, sizeof meta, NULL, w->cancellable, error) ||
      !g_seekable_seek (G_SEEKABLE (w->out), (goffset) directory_offset, G_SEEK_SET, w->cancellable, error) ||
      !g_output_stream_write_all (w->out, directory, (gsize) ENTRY_SIZE * N_SECTIONS, NULL,
                                  w->cancellable, error))
    return FALSE;

  memcpy (header, _BILAT_NATIVE_MAGIC, _BILAT_NATIVE_MAGIC_LENGTH);
  put_u32 (header + 8, VERSION);
  put_u32 (header + 12, N_SECTIONS);
  put_u64 (header + 16, directory_offset);
  put_u64 (header + 24, w->offset);
  put_u64 (header + 32, XXH3_64bits (directory, (gsize) ENTRY_SIZE * N_SECTIONS));
  put_u64 (header + 40, XXH3_64bits (header, 40));
  if (!g_seekable_seek (G_SEEKABLE (w->out), 0, G_SEEK_SET, w->cancellable, error))
    return FALSE;
  return g_output_stream_write_all (w->out, header, HEADER_SIZE, NULL, w->cancellable, error);
}

static gboolean
save (BilatStore    *store,
      BilatSegment  *segment,
      GFile         *file,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(BilatAtomicFile) target = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  Writer w = { 0 };
  gboolean ok;

  if (G_BYTE_ORDER != G_LITTLE_ENDIAN)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "Native files are written on little-endian machines only");
      return FALSE;
    }

  /* A new file beside the old one (nameless while written, where the
   * system allows), synced and renamed into place once complete: the
   * target is replaced, never written through; a failure or a kill
   * leaves it as it was and nothing else behind. */
  target = _bilat_atomic_file_new (file, error);
  if (target == NULL)
    return FALSE;
  buffered = g_buffered_output_stream_new_sized (_bilat_atomic_file_get_stream (target), 1 << 20);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);
  w.out = buffered;
  w.base = _bilat_atomic_file_get_stream (target);
  w.cancellable = cancellable;
  w.hash = XXH3_createState ();
  ok = write_file (&w, store, segment, error);
  XXH3_freeState (w.hash);

  return ok &&
         g_output_stream_flush (buffered, cancellable, error) &&
         _bilat_atomic_file_commit (target, error);
}

gboolean
_bilat_native_save (BilatStore    *store,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(BilatSegment) segment = _bilat_store_ref_live_segment (store);

  return save (store, segment, file, cancellable, error);
}

gboolean
_bilat_native_save_deferred (BilatStore    *store,
                             BilatSegment  *segment,
                             GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(BilatSegment) live = _bilat_store_ref_live_segment (store);

  g_return_val_if_fail (segment == NULL || _bilat_segment_is_deferred (segment), FALSE);
  g_return_val_if_fail (live == NULL, FALSE);

  return save (store, segment, file, cancellable, error);
}

/* Reading */

typedef struct
{
  const char   *name;      /* of the file, for messages */
  const guint8 *data;
  gsize         length;
  guint         version;
  guint         n_sections;  /* of the file's version */
  Section       sections[N_SECTIONS];
  guint64       meta[N_META];
} Reader;

G_GNUC_PRINTF (4, 5)
static gboolean
refuse (Reader      *r,
        int          section,
        GError     **error,
        const char  *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (section >= 0)
    g_set_error (error, BILAT_FORMAT_ERROR, BILAT_FORMAT_ERROR_INVALID_VALUE,
                 "%s: section “%s”: %s", r->name, section_names[section], message);
  else
    g_set_error (error, BILAT_FORMAT_ERROR, BILAT_FORMAT_ERROR_INVALID_VALUE,
                 "%s: %s", r->name, message);
  return FALSE;
}

/* The first section (by offset) of a truncated file that its end cuts,
 * when the directory is there to say, or -1. */
static int
first_cut_section (Reader       *r,
                   const guint8 *header)
{
  guint64 directory_offset = get_u64 (header + 16);
  guint n_sections = get_u32 (header + 12);
  guint64 first_offset = G_MAXUINT64;
  int first = -1;

  if (n_sections != r->n_sections || directory_offset > r->length ||
      r->length - directory_offset < (guint64) ENTRY_SIZE * n_sections ||
      get_u64 (header + 32) != XXH3_64bits (r->data + directory_offset, (gsize) ENTRY_SIZE * n_sections))
    return -1;
  for (guint i = 0; i < n_sections; i++)
    {
      const guint8 *entry = r->data + directory_offset + (gsize) i * ENTRY_SIZE;
      guint64 offset = get_u64 (entry + 24), size = get_u64 (entry + 32);

      if (strncmp ((const char *) entry, section_names[i], NAME_SIZE) != 0 ||
          offset > G_MAXUINT64 - size)
        continue;
      if (offset + size > r->length && offset < first_offset)
        {
          first_offset = offset;
          first = (int) i;
        }
    }
  return first;
}

static gboolean
read_directory (Reader  *r,
                GError **error)
{
  const guint8 *header = r->data;
  guint64 directory_offset, file_size;
  guint n_sections;

  if (r->length < HEADER_SIZE || !_bilat_native_detect ((const char *) r->data, r->length))
    return refuse (r, -1, error, "not a native libbilat file, or truncated before its header ends");
  if (get_u64 (header + 40) != XXH3_64bits (header, 40))
    return refuse (r, -1, error, "the header is damaged (its checksum does not match)");
  r->version = get_u32 (header + 8);
  if (r->version != 1 && r->version != VERSION)
    return refuse (r, -1, error, "version %u of the native format is not supported (this library reads "
                   "1 to %u)", r->version, VERSION);
  r->n_sections = r->version == 1 ? N_SECTIONS_V1 : N_SECTIONS;
  n_sections = get_u32 (header + 12);
  directory_offset = get_u64 (header + 16);
  file_size = get_u64 (header + 24);
  if (file_size != r->length)
    return refuse (r, r->length < file_size ? first_cut_section (r, header) : -1, error,
                   "the file has %" G_GSIZE_FORMAT " bytes where its header says %"
                   G_GUINT64_FORMAT ": it is truncated or was extended", r->length, file_size);
  if (n_sections != r->n_sections || directory_offset > r->length ||
      r->length - directory_offset < (guint64) ENTRY_SIZE * n_sections)
    return refuse (r, -1, error, "the directory of sections is out of the file");
  if (get_u64 (header + 32) != XXH3_64bits (r->data + directory_offset, (gsize) ENTRY_SIZE * n_sections))
    return refuse (r, -1, error, "the directory of sections is damaged (its checksum does not match)");

  for (guint i = 0; i < n_sections; i++)
    {
      const guint8 *entry = r->data + directory_offset + (gsize) i * ENTRY_SIZE;
      Section *section = &r->sections[i];

      memcpy (section->name, entry, NAME_SIZE);
      section->name[NAME_SIZE] = '\0';
      section->offset = get_u64 (entry + 24);
      section->size = get_u64 (entry + 32);
      section->raw_size = get_u64 (entry + 40);
      section->encoding = get_u32 (entry + 48);
      section->checksum = get_u64 (entry + 56);
    }
  return TRUE;
}

/* Checks section @id: where it is, its name, encoding and size, which
 * costs nothing whatever its size. @count is the number of elements it
 * must have (G_MAXUINT64: any). */
static gboolean
check_section (Reader  *r,
               guint    id,
               guint64  count,
               GError **error)
{
  Section *section = &r->sections[id];
  guint size = element_sizes[id];

  if (strcmp (section->name, section_names[id]) != 0)
    return refuse (r, id, error, "missing (the directory has “%s” in its place)", section->name);
  if (section->offset > r->length || r->length - section->offset < section->size)
    return refuse (r, id, error, "it ends past the end of the file: the file is truncated");
  if (section->offset % ALIGNMENT != 0)
    return refuse (r, id, error, "it is not aligned");
  if (section->encoding != (id == S_OBJECTS ? ENCODING_ZSTD : ENCODING_RAW))
    return refuse (r, id, error, "unknown encoding %u", section->encoding);
  if (id != S_OBJECTS && section->raw_size != section->size)
    return refuse (r, id, error, "its sizes disagree");
  if (size != 0 && count != G_MAXUINT64 &&
      (count > G_MAXUINT64 / size || section->size != count * size))
    return refuse (r, id, error, "it has %" G_GUINT64_FORMAT " bytes where %" G_GUINT64_FORMAT
                   " are needed", section->size, count * size);
  if (size != 0 && section->size % size != 0)
    return refuse (r, id, error, "its size is not a whole number of entries");
  return TRUE;
}

/* Checks the checksum of section @id, which reads all of it. */
static gboolean
check_sum (Reader  *r,
           guint    id,
           GError **error)
{
  Section *section = &r->sections[id];

  if (XXH3_64bits (r->data + section->offset, (gsize) section->size) != section->checksum)
    return refuse (r, id, error, "its content is damaged (its checksum does not match)");
  return TRUE;
}

static gconstpointer
section_data (Reader *r,
              guint   id)
{
  return r->data + r->sections[id].offset;
}

/* Every value of the guint32 column @id is below @limit (or is @also). */
static inline guint32
value_at (gconstpointer values,
          guint         size,
          guint64       i)
{
  return size == 2 ? ((const guint16 *) values)[i] : ((const guint32 *) values)[i];
}

/* The sweeps of the checks of a file's rows, over every value of a
 * column: compiled again for AVX2 where the compiler can (GCC on x86-64),
 * the variant picked at run time by the processor. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__ELF__)
#define SWEEP __attribute__ ((target_clones ("avx2", "default")))
#else
#define SWEEP
#endif

/* Whether any of the @n values is at or above @limit and not @also. */
SWEEP static gboolean
any_at_or_above32 (const guint32 *values,
                   guint64        n,
                   guint32        limit,
                   guint32        also)
{
  guint32 bad = 0;

  if (also == 0)
    for (guint64 i = 0; i < n; i++)
      bad |= values[i] >= limit;
  else
    for (guint64 i = 0; i < n; i++)
      bad |= (values[i] >= limit) & (values[i] != also);
  return bad != 0;
}

SWEEP static gboolean
any_at_or_above16 (const guint16 *values,
                   guint64        n,
                   guint32        limit)
{
  guint32 bad = 0;

  for (guint64 i = 0; i < n; i++)
    bad |= values[i] >= limit;
  return bad != 0;
}

/* Whether an id key has no prefix of the file's or too large a number. */
SWEEP static gboolean
any_bad_key (const guint64 *keys,
             guint64        n,
             guint64        n_prefixes)
{
  const guint64 numbers = (G_GUINT64_CONSTANT (1) << 56) - 1;
  guint32 bad = 0;

  for (guint64 i = 0; i < n; i++)
    bad |= ((keys[i] >> 56) - 1 >= n_prefixes - 1) |
           ((keys[i] & numbers) >= G_GUINT64_CONSTANT (100000000000000000));
  return bad != 0;
}

/* Whether a day is 0, past @max, or before the one above it. */
SWEEP static gboolean
any_bad_day (const guint32 *days,
             guint64        n,
             guint32        max)
{
  guint32 bad = n > 0 && days[0] == 0;

  for (guint64 i = 1; i < n; i++)
    bad |= days[i] < days[i - 1];
  for (guint64 i = 0; i < n; i++)
    bad |= days[i] > max;
  return bad != 0;
}

SWEEP static gboolean
any_bad_flags (const guint8 *flags,
               guint64       n)
{
  guint32 bad = 0;

  for (guint64 i = 0; i < n; i++)
    bad |= (flags[i] >> DATASET_SHIFT) > BILAT_EVENT_FORMAT_ICEWS || (flags[i] & ~0x07) != 0;
  return bad != 0;
}

/* Whether a row cites the source of its URL without having one. */
SWEEP static gboolean
any_cite_without_url (const guint32 *cite,
                      const guint32 *url,
                      guint64        n)
{
  guint32 bad = 0;

  for (guint64 i = 0; i < n; i++)
    bad |= (cite[i] == CITE_URL) & (url[i] == 0);
  return bad != 0;
}

/* Every value of column @id (of guint16 or guint32, by its element size)
 * is below @limit, or is @also (0: no such exception). */
static gboolean
check_below (Reader  *r,
             guint    id,
             guint64  limit,
             guint32  also,
             GError **error)
{
  gconstpointer values = section_data (r, id);
  guint size = element_sizes[id];
  guint64 n = r->sections[id].size / size;
  gboolean bad;

  /* Sweeps the compiler can vectorise; the offender is looked for only
   * when there is one. */
  if (limit > G_MAXUINT32)
    return TRUE;
  bad = size == 2 ? any_at_or_above16 (values, n, (guint32) limit)
                  : any_at_or_above32 (values, n, (guint32) limit, also);
  if (!bad)
    return TRUE;
  for (guint64 i = 0; i < n; i++)
    {
      guint32 v = value_at (values, size, i);

      if (v >= limit && !(also != 0 && v == also))
        return refuse (r, id, error, "entry %" G_GUINT64_FORMAT " refers to %u, past the %" G_GUINT64_FORMAT
                       " entries it may refer to", i, v, limit);
    }
  return TRUE;
}

static const char *
plain_text (Reader  *r,
            guint32  index)
{
  const guint64 *offsets = section_data (r, S_STRING_OFFSETS);

  return (const char *) section_data (r, S_HEAP) + offsets[index];
}

/* The values that point elsewhere, and the values records cannot take. */
static gboolean
check_content (Reader  *r,
               GError **error)
{
  guint64 rows = r->meta[M_ROWS], strings = r->meta[M_STRINGS], bulk = r->meta[M_BULK_STRINGS];
  guint64 max_day = 3652059;   /* 9999-12-31 */
  const guint64 *offsets = section_data (r, S_STRING_OFFSETS);
  const char *heap = section_data (r, S_HEAP);
  guint64 heap_size = r->sections[S_HEAP].size;

  /* Plain strings: inside the heap, NUL-terminated, UTF-8. */
  if (strings == 0 || heap_size == 0 || heap[heap_size - 1] != '\0')
    return refuse (r, S_HEAP, error, "its last string is not terminated");
  if (!g_utf8_validate (heap, (gssize) heap_size, NULL))
    {
      /* Embedded NULs end strings; validate each piece. */
      for (const char *p = heap; p < heap + heap_size; p += strlen (p) + 1)
        if (!g_utf8_validate (p, -1, NULL))
          return refuse (r, S_HEAP, error, "a string is not valid UTF-8");
    }
  /* Each string starts where one of the heap's strings does (the checked
   * pieces above), not inside one: a string cut in the middle of a
   * character would not be UTF-8. */
  for (guint64 i = 0; i < strings; i++)
    if (offsets[i] >= heap_size || (offsets[i] > 0 && heap[offsets[i] - 1] != '\0'))
      return refuse (r, S_STRING_OFFSETS, error, "string %" G_GUINT64_FORMAT " does not start a string of the heap", i);

  /* Tables. */
  {
    const Side *sides = section_data (r, S_SIDES);
    const PlaceEntry *places = section_data (r, S_PLACES);
    const guint32 *codes = section_data (r, S_CODES);
    const double *scores = section_data (r, S_SCORES);
    const guint32 *prefixes = section_data (r, S_PREFIXES);

    for (guint64 i = 0; i < r->meta[M_SIDES]; i++)
      if (sides[i].participant >= strings || sides[i].code >= strings ||
          sides[i].name >= strings || sides[i].types >= strings ||
          (sides[i].participant != 0 && !bilat_record_is_valid_id (plain_text (r, sides[i].participant))))
        return refuse (r, S_SIDES, error, "side %" G_GUINT64_FORMAT " is not valid", i);
    for (guint64 i = 1; i < r->meta[M_PLACES]; i++)
      if (places[i].name >= strings || places[i].subdivision >= strings || places[i].country >= strings ||
          (places[i].name == 0 && places[i].subdivision == 0 && places[i].country == 0) ||
          places[i].has_coordinates > 1 ||
          (places[i].has_coordinates &&
           !(places[i].latitude >= -90.0 && places[i].latitude <= 90.0 &&
             places[i].longitude >= -180.0 && places[i].longitude <= 180.0)))
        return refuse (r, S_PLACES, error, "place %" G_GUINT64_FORMAT " is not valid", i);
    for (guint64 i = 1; i < r->meta[M_CODES]; i++)
      {
        const char *code;
        gsize length;

        if (codes[i] == 0 || codes[i] >= strings)
          return refuse (r, S_CODES, error, "code %" G_GUINT64_FORMAT " is not valid", i);
        code = plain_text (r, codes[i]);
        length = strlen (code);
        if (length < 2 || length > 4 || strspn (code, "0123456789") != length)
          return refuse (r, S_CODES, error, "“%s” is not a CAMEO event code", code);
      }
    for (guint64 i = 1; i < r->meta[M_SCORES]; i++)
      if (!(scores[i] >= -10.0 && scores[i] <= 10.0))
        return refuse (r, S_SCORES, error, "score %" G_GUINT64_FORMAT " is outside −10…10", i);
    for (guint64 i = 1; i < r->meta[M_PREFIXES]; i++)
      {
        g_autofree char *probe = NULL;
        const char *prefix;

        if (prefixes[i] == 0 || prefixes[i] >= strings)
          return refuse (r, S_PREFIXES, error, "prefix %" G_GUINT64_FORMAT " is not valid", i);
        prefix = plain_text (r, prefixes[i]);
        probe = g_strconcat (prefix, "1", NULL);
        if (!g_str_has_suffix (prefix, ":") || strchr (prefix, ':') != prefix + strlen (prefix) - 1 ||
            strlen (prefix) > MAX_PREFIX ||
            !bilat_record_is_valid_id (probe))
          return refuse (r, S_PREFIXES, error, "“%s” is not an id prefix", prefix);
      }
    if (r->meta[M_SIDES] == 0 || r->meta[M_PLACES] == 0 || r->meta[M_CODES] == 0 ||
        r->meta[M_SCORES] == 0 || r->meta[M_PREFIXES] == 0)
      return refuse (r, S_META, error, "a table lacks its first entry");
    /* Entry 0 of every table stands for none, and is read as such. */
    if (codes[0] != 0)
      return refuse (r, S_CODES, error, "its first entry is not empty");
    if (prefixes[0] != 0)
      return refuse (r, S_PREFIXES, error, "its first entry is not empty");
    if (sides[0].participant != 0 || sides[0].code != 0 || sides[0].name != 0 || sides[0].types != 0)
      return refuse (r, S_SIDES, error, "its first entry is not empty");
    if (places[0].name != 0 || places[0].subdivision != 0 || places[0].country != 0)
      return refuse (r, S_PLACES, error, "its first entry is not empty");
  }

  /* Columns. */
  {
    const guint64 *keys = section_data (r, S_KEY);
    const guint32 *days = section_data (r, S_DAY);
    const guint32 *added = section_data (r, S_ADDED);
    const guint8 *flags = section_data (r, S_FLAGS);

    /* Sweeps without a branch per row; the row is named on failure. */
    if (any_bad_key (keys, rows, r->meta[M_PREFIXES]))
      for (guint64 i = 0; i < rows; i++)
        if ((keys[i] >> 56) == 0 || (keys[i] >> 56) >= r->meta[M_PREFIXES] ||
            (keys[i] & ((G_GUINT64_CONSTANT (1) << 56) - 1)) >= G_GUINT64_CONSTANT (100000000000000000))
          return refuse (r, S_KEY, error, "the id of row %" G_GUINT64_FORMAT " is not valid", i);
    if (any_bad_day (days, rows, (guint32) max_day))
      for (guint64 i = 0; i < rows; i++)
        if (days[i] == 0 || days[i] > max_day || (i > 0 && days[i] < days[i - 1]))
          return refuse (r, S_DAY, error, "the day of row %" G_GUINT64_FORMAT " is not valid or out of order", i);
    if (any_at_or_above32 (added, rows, (guint32) max_day + 1, 0))
      for (guint64 i = 0; i < rows; i++)
        if (added[i] > max_day)
          return refuse (r, S_ADDED, error, "the day of row %" G_GUINT64_FORMAT " is not valid", i);
    if (any_bad_flags (flags, rows))
      for (guint64 i = 0; i < rows; i++)
        if ((flags[i] >> DATASET_SHIFT) > BILAT_EVENT_FORMAT_ICEWS || (flags[i] & ~0x07) != 0)
          return refuse (r, S_FLAGS, error, "the flags of row %" G_GUINT64_FORMAT " are not valid", i);
  }
  if (!check_below (r, S_SIDE0, r->meta[M_SIDES], 0, error) ||
      !check_below (r, S_SIDE1, r->meta[M_SIDES], 0, error) ||
      !check_below (r, S_CAMEO, r->meta[M_CODES], 0, error) ||
      !check_below (r, S_GOLDSTEIN, r->meta[M_SCORES], 0, error) ||
      !check_below (r, S_PLACE, r->meta[M_PLACES], 0, error) ||
      !check_below (r, S_TITLE, bulk, 0, error) ||
      !check_below (r, S_CITE, bulk, CITE_URL, error) ||
      !check_below (r, S_URL, bulk, 0, error) ||
      !check_below (r, S_BY_ID, rows, 0, error) ||
      !check_below (r, S_SOURCE_ID, strings, 0, error) ||
      !check_below (r, S_SOURCE_URL, bulk, 0, error) ||
      !check_below (r, S_SOURCE_PUBLISHER, bulk, 0, error) ||
      !check_below (r, S_ACTOR_IDS, strings, 0, error) ||
      !check_below (r, S_ACTOR_ROWS, rows, 0, error) ||
      !check_below (r, S_PAIR_ROWS, rows, 0, error))
    return FALSE;
  {
    const guint64 *pair_keys = section_data (r, S_PAIR_KEYS);
    const guint32 *pair_offsets = section_data (r, S_PAIR_OFFSETS);
    guint64 actors = r->meta[M_ACTORS];

    if (pair_offsets[0] != 0 || pair_offsets[r->meta[M_PAIRS]] != r->sections[S_PAIR_ROWS].size / 4)
      return refuse (r, S_PAIR_OFFSETS, error, "the offsets do not cover the rows");
    for (guint64 i = 0; i < r->meta[M_PAIRS]; i++)
      if (pair_offsets[i] > pair_offsets[i + 1] || (pair_keys[i] >> 32) >= (pair_keys[i] & G_MAXUINT32) ||
          (pair_keys[i] & G_MAXUINT32) >= actors || (i > 0 && pair_keys[i - 1] >= pair_keys[i]))
        return refuse (r, S_PAIR_KEYS, error, "pair %" G_GUINT64_FORMAT " is not valid or out of order", i);
  }
  {
    const guint32 *cite = section_data (r, S_CITE);
    const guint32 *url = section_data (r, S_URL);
    const guint32 *source_ids = section_data (r, S_SOURCE_ID);

    if (any_cite_without_url (cite, url, rows))
      for (guint64 i = 0; i < rows; i++)
        if (cite[i] == CITE_URL && url[i] == 0)
          return refuse (r, S_CITE, error, "row %" G_GUINT64_FORMAT " cites the source of a URL it lacks", i);
    for (guint64 i = 0; i < r->meta[M_SOURCES]; i++)
      if (source_ids[i] == 0 || !bilat_record_is_valid_id (plain_text (r, source_ids[i])) ||
          (i > 0 && strcmp (plain_text (r, source_ids[i - 1]), plain_text (r, source_ids[i])) >= 0))
        return refuse (r, S_SOURCE_ID, error, "source %" G_GUINT64_FORMAT " has no valid id, or is out of order", i);
  }
  {
    const guint32 *actor_offsets = section_data (r, S_ACTOR_OFFSETS);
    const guint32 *actor_ids = section_data (r, S_ACTOR_IDS);

    if (actor_offsets[0] != 0 || actor_offsets[r->meta[M_ACTORS]] != r->sections[S_ACTOR_ROWS].size / 4)
      return refuse (r, S_ACTOR_OFFSETS, error, "the offsets do not cover the rows");
    for (guint64 i = 0; i < r->meta[M_ACTORS]; i++)
      if (actor_offsets[i] > actor_offsets[i + 1] || actor_ids[i] == 0 ||
          (i > 0 && strcmp (plain_text (r, actor_ids[i - 1]), plain_text (r, actor_ids[i])) >= 0))
        return refuse (r, S_ACTOR_OFFSETS, error, "actor %" G_GUINT64_FORMAT " is out of order", i);
  }

  /* Bulk strings: every block decompresses, holds UTF-8, and ends its
   * last string; every string starts inside its block. */
  {
    const BulkRef *refs = section_data (r, S_BULK_INDEX);
    const guint64 *block_offsets = section_data (r, S_BLOCK_OFFSETS);
    guint64 n_blocks = r->meta[M_BLOCKS];
    g_autofree guint64 *raw_sizes = g_new0 (guint64, n_blocks + 1);
    ZSTD_DCtx *context = ZSTD_createDCtx ();
    g_autofree char *buffer = g_malloc (BLOCK_SIZE * 2 + 1);
    g_autofree guint8 *cited = g_new0 (guint8, bulk + 1);
    const guint32 *cite = section_data (r, S_CITE);
    gboolean ok = TRUE;
    guint64 next = 1;    /* the next string to look at, in block order */

    /* The strings that rows cite as source ids must be ids. */
    for (guint64 i = 0; i < rows; i++)
      if (cite[i] != 0 && cite[i] != CITE_URL)
        cited[cite[i]] = 1;
    for (guint64 i = 2; i < bulk; i++)
      if (refs[i].block < refs[i - 1].block)
        {
          ZSTD_freeDCtx (context);
          return refuse (r, S_BULK_INDEX, error, "string %" G_GUINT64_FORMAT " is out of order", i);
        }

    if (block_offsets[0] != 0 || block_offsets[n_blocks] != r->sections[S_BLOCKS].size)
      ok = refuse (r, S_BLOCK_OFFSETS, error, "the offsets do not cover the blocks");
    for (guint64 b = 0; ok && b < n_blocks; b++)
      {
        const guint8 *frame;
        unsigned long long raw;
        size_t done;

        if (block_offsets[b] > block_offsets[b + 1])
          {
            ok = refuse (r, S_BLOCK_OFFSETS, error, "block %" G_GUINT64_FORMAT " is out of order", b);
            break;
          }
        frame = (const guint8 *) section_data (r, S_BLOCKS) + block_offsets[b];
        raw = ZSTD_getFrameContentSize (frame, block_offsets[b + 1] - block_offsets[b]);
        if (raw == ZSTD_CONTENTSIZE_ERROR || raw == ZSTD_CONTENTSIZE_UNKNOWN || raw == 0 || raw > BLOCK_SIZE * 2)
          {
            ok = refuse (r, S_BLOCKS, error, "block %" G_GUINT64_FORMAT " is not valid", b);
            break;
          }
        done = ZSTD_decompressDCtx (context, buffer, BLOCK_SIZE * 2, frame, block_offsets[b + 1] - block_offsets[b]);
        if (ZSTD_isError (done) || done != raw || buffer[raw - 1] != '\0')
          {
            ok = refuse (r, S_BLOCKS, error, "block %" G_GUINT64_FORMAT " does not decompress to its strings", b);
            break;
          }
        for (const char *p = buffer; p < buffer + raw; p += strlen (p) + 1)
          if (!g_utf8_validate (p, -1, NULL))
            {
              ok = refuse (r, S_BLOCKS, error, "a string of block %" G_GUINT64_FORMAT " is not valid UTF-8", b);
              break;
            }
        raw_sizes[b] = raw;
        for (; ok && next < bulk && refs[next].block == b; next++)
          {
            if (refs[next].offset >= raw || (refs[next].offset > 0 && buffer[refs[next].offset - 1] != '\0'))
              ok = refuse (r, S_BULK_INDEX, error, "string %" G_GUINT64_FORMAT " does not start a string of its block", next);
            else if (cited[next] && !bilat_record_is_valid_id (buffer + refs[next].offset))
              ok = refuse (r, S_CITE, error, "a row cites “%s”, which is not a source id",
                           buffer + refs[next].offset);
          }
      }
    for (guint64 i = 1; ok && i < bulk; i++)
      if (refs[i].block >= n_blocks || refs[i].offset >= raw_sizes[refs[i].block])
        ok = refuse (r, S_BULK_INDEX, error, "string %" G_GUINT64_FORMAT " is outside the blocks", i);
    ZSTD_freeDCtx (context);
    if (!ok)
      return FALSE;
  }
  return TRUE;
}

/* The checks whose cost grows with the file: every section's checksum,
 * then every value. Run once, on the first use of the rows. */
static gboolean
verify_content (gpointer   data,
                GError   **error)
{
  Reader *r = data;

  /* The votes' sections were checked on opening. */
  for (guint id = 0; id < S_VOTE_ROLL_CALLS; id++)
    if (id != S_META && id != S_OBJECTS && !check_sum (r, id, error))
      return FALSE;
  return check_content (r, error);
}

static void
reader_free (gpointer data)
{
  Reader *r = data;

  g_free ((char *) r->name);
  g_free (r);
}

static void
unref_bytes (gpointer bytes)
{
  g_bytes_unref (bytes);
}

/* The segment of a checked file; its columns stay in @bytes. */
static BilatSegment *
map_segment (Reader *r,
             GBytes *bytes)
{
  BilatSegment *self = g_new0 (BilatSegment, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->owned = g_ptr_array_new_with_free_func (g_free);
  self->mapping = g_bytes_ref (bytes);
  self->mapping_free = unref_bytes;

  self->n_rows = (guint) r->meta[M_ROWS];
  self->n_sources = (guint) r->meta[M_SOURCES];
  self->key = section_data (r, S_KEY);
  self->day = section_data (r, S_DAY);
  self->side[0] = section_data (r, S_SIDE0);
  self->side[1] = section_data (r, S_SIDE1);
  self->cameo = section_data (r, S_CAMEO);
  self->goldstein = section_data (r, S_GOLDSTEIN);
  self->flags = section_data (r, S_FLAGS);
  self->tone = section_data (r, S_TONE);
  self->mentions = section_data (r, S_MENTIONS);
  self->sources = section_data (r, S_SOURCES);
  self->articles = section_data (r, S_ARTICLES);
  self->added = section_data (r, S_ADDED);
  self->place = section_data (r, S_PLACE);
  self->title = section_data (r, S_TITLE);
  self->cite = section_data (r, S_CITE);
  self->url = section_data (r, S_URL);
  self->by_id = section_data (r, S_BY_ID);
  self->source_id = section_data (r, S_SOURCE_ID);
  self->source_url = section_data (r, S_SOURCE_URL);
  self->source_publisher = section_data (r, S_SOURCE_PUBLISHER);
  self->heap = section_data (r, S_HEAP);
  self->string_offsets = section_data (r, S_STRING_OFFSETS);
  self->n_strings = (guint) r->meta[M_STRINGS];
  self->sides = section_data (r, S_SIDES);
  self->n_sides = (guint) r->meta[M_SIDES];
  self->places = section_data (r, S_PLACES);
  self->n_places = (guint) r->meta[M_PLACES];
  self->codes = section_data (r, S_CODES);
  self->n_codes = (guint) r->meta[M_CODES];
  self->scores = section_data (r, S_SCORES);
  self->n_scores = (guint) r->meta[M_SCORES];
  self->prefixes = section_data (r, S_PREFIXES);
  self->n_prefixes = (guint) r->meta[M_PREFIXES];
  self->actor_ids = section_data (r, S_ACTOR_IDS);
  self->actor_offsets = section_data (r, S_ACTOR_OFFSETS);
  self->actor_rows = section_data (r, S_ACTOR_ROWS);
  self->n_actors = (guint) r->meta[M_ACTORS];
  self->pair_keys = section_data (r, S_PAIR_KEYS);
  self->pair_offsets = section_data (r, S_PAIR_OFFSETS);
  self->pair_rows = section_data (r, S_PAIR_ROWS);
  self->n_pairs = (guint) r->meta[M_PAIRS];

  self->bulk = _bilat_bulk_strings_new (section_data (r, S_BULK_INDEX),
                                       (guint) r->meta[M_BULK_STRINGS],
                                       section_data (r, S_BLOCK_OFFSETS),
                                       (guint) r->meta[M_BLOCKS],
                                       section_data (r, S_BLOCKS),
                                       r->sections[S_BLOCKS].size);

  /* The content is checked on first use. */
  self->origin = g_strdup (r->name);
  g_mutex_init (&self->verify_lock);
  self->verify = verify_content;
  self->verify_data = g_memdup2 (r, sizeof *r);
  ((Reader *) self->verify_data)->name = g_strdup (r->name);
  self->verify_data_free = reader_free;
  return self;
}

gboolean
_bilat_native_load_bytes (BilatStore  *store,
                          GBytes      *bytes,
                          const char  *name,
                          GError     **error)
{
  Reader r = { 0 };
  gsize length;
  g_autofree char *objects = NULL;
  g_autoptr(BilatSegment) segment = NULL;
  BilatVotes *votes = NULL;
  gboolean ok;
  unsigned long long raw;
  gboolean has_segment;

  r.name = name;
  r.data = g_bytes_get_data (bytes, &length);
  r.length = length;
  if (G_BYTE_ORDER != G_LITTLE_ENDIAN)
    return refuse (&r, -1, error, "native files are read on little-endian machines only");
  if (!read_directory (&r, error) ||
      !check_section (&r, S_META, r.version == 1 ? N_META_V1 : N_META, error) ||
      !check_sum (&r, S_META, error))
    return FALSE;
  memcpy (r.meta, section_data (&r, S_META), (gsize) r.sections[S_META].size);
  if (r.meta[M_ROWS] >= G_MAXUINT32 / 2 || r.meta[M_SOURCES] >= G_MAXUINT32 ||
      r.meta[M_STRINGS] >= G_MAXUINT32 || r.meta[M_BULK_STRINGS] >= G_MAXUINT32 ||
      r.meta[M_SIDES] > G_MAXUINT32 || r.meta[M_PLACES] > G_MAXUINT32 ||
      r.meta[M_CODES] > G_MAXUINT16 || r.meta[M_SCORES] > G_MAXUINT16 ||
      r.meta[M_PREFIXES] > 255 || r.meta[M_ACTORS] >= G_MAXUINT32 || r.meta[M_BLOCKS] >= G_MAXUINT32 ||
      r.meta[M_PAIRS] >= G_MAXUINT32 ||
      r.meta[M_ROLL_CALLS] >= _BILAT_VOTES_MAX_ROLL_CALLS || r.meta[M_TOPICS] > _BILAT_VOTES_MAX_TOPICS ||
      r.meta[M_VOTE_HOLDERS] >= G_MAXUINT32 || r.meta[M_VOTES] >= G_MAXUINT64 / 8 ||
      r.meta[M_VOTE_HEAP] >= G_MAXUINT32)
    return refuse (&r, S_META, error, "a count is out of range");

  has_segment = r.meta[M_STRINGS] > 0;
  if (!check_section (&r, S_OBJECTS, G_MAXUINT64, error) ||
      !check_sum (&r, S_OBJECTS, error))
    return FALSE;
  if (has_segment &&
      !(check_section (&r, S_KEY, r.meta[M_ROWS], error) &&
        check_section (&r, S_DAY, r.meta[M_ROWS], error) &&
        check_section (&r, S_SIDE0, r.meta[M_ROWS], error) &&
        check_section (&r, S_SIDE1, r.meta[M_ROWS], error) &&
        check_section (&r, S_CAMEO, r.meta[M_ROWS], error) &&
        check_section (&r, S_GOLDSTEIN, r.meta[M_ROWS], error) &&
        check_section (&r, S_FLAGS, r.meta[M_ROWS], error) &&
        check_section (&r, S_TONE, r.meta[M_ROWS], error) &&
        check_section (&r, S_MENTIONS, r.meta[M_ROWS], error) &&
        check_section (&r, S_SOURCES, r.meta[M_ROWS], error) &&
        check_section (&r, S_ARTICLES, r.meta[M_ROWS], error) &&
        check_section (&r, S_ADDED, r.meta[M_ROWS], error) &&
        check_section (&r, S_PLACE, r.meta[M_ROWS], error) &&
        check_section (&r, S_TITLE, r.meta[M_ROWS], error) &&
        check_section (&r, S_CITE, r.meta[M_ROWS], error) &&
        check_section (&r, S_URL, r.meta[M_ROWS], error) &&
        check_section (&r, S_BY_ID, r.meta[M_ROWS], error) &&
        check_section (&r, S_SOURCE_ID, r.meta[M_SOURCES], error) &&
        check_section (&r, S_SOURCE_URL, r.meta[M_SOURCES], error) &&
        check_section (&r, S_SOURCE_PUBLISHER, r.meta[M_SOURCES], error) &&
        check_section (&r, S_STRING_OFFSETS, r.meta[M_STRINGS], error) &&
        check_section (&r, S_HEAP, G_MAXUINT64, error) &&
        check_section (&r, S_SIDES, r.meta[M_SIDES], error) &&
        check_section (&r, S_PLACES, r.meta[M_PLACES], error) &&
        check_section (&r, S_CODES, r.meta[M_CODES], error) &&
        check_section (&r, S_SCORES, r.meta[M_SCORES], error) &&
        check_section (&r, S_PREFIXES, r.meta[M_PREFIXES], error) &&
        check_section (&r, S_ACTOR_IDS, r.meta[M_ACTORS], error) &&
        check_section (&r, S_ACTOR_OFFSETS, r.meta[M_ACTORS] + 1, error) &&
        check_section (&r, S_ACTOR_ROWS, G_MAXUINT64, error) &&
        check_section (&r, S_PAIR_KEYS, r.meta[M_PAIRS], error) &&
        check_section (&r, S_PAIR_OFFSETS, r.meta[M_PAIRS] + 1, error) &&
        check_section (&r, S_PAIR_ROWS, G_MAXUINT64, error) &&
        check_section (&r, S_BULK_INDEX, r.meta[M_BULK_STRINGS], error) &&
        check_section (&r, S_BLOCK_OFFSETS, r.meta[M_BLOCKS] + 1, error) &&
        check_section (&r, S_BLOCKS, G_MAXUINT64, error)))
    return FALSE;

  /* The objects: a JSON dataset, checked and loaded all or nothing. */
  {
    const guint8 *frame = section_data (&r, S_OBJECTS);
    gsize frame_size = (gsize) r.sections[S_OBJECTS].size;
    size_t done;

    raw = ZSTD_getFrameContentSize (frame, frame_size);
    if (raw == ZSTD_CONTENTSIZE_ERROR || raw == ZSTD_CONTENTSIZE_UNKNOWN ||
        raw != r.sections[S_OBJECTS].raw_size || raw > G_MAXSIZE / 2)
      return refuse (&r, S_OBJECTS, error, "it does not say its size");
    objects = g_try_malloc ((gsize) raw + 1);
    if (objects == NULL)
      return refuse (&r, S_OBJECTS, error, "too large");
    done = ZSTD_decompress (objects, (gsize) raw, frame, frame_size);
    if (ZSTD_isError (done) || done != raw)
      return refuse (&r, S_OBJECTS, error, "it does not decompress");
    objects[raw] = '\0';
  }

  if (has_segment)
    {
      segment = map_segment (&r, bytes);

      /* Rows must be new to the store, as every record a load adds: a
       * store with events has its rows checked now, to compare ids. */
      if (g_list_model_get_n_items (bilat_store_get_events (store)) > 0)
        {
          if (!_bilat_segment_ensure_verified (segment, error))
            return FALSE;
          for (guint row = 0; row < segment->n_rows; row++)
            {
              char id[48];

              _bilat_segment_format_id (segment, row, id);
              if (_bilat_store_has_event (store, id))
                {
                  g_set_error (error, BILAT_FORMAT_ERROR, BILAT_FORMAT_ERROR_DUPLICATE_ID,
                               "%s: event “%s” is in the store already", name, id);
                  return FALSE;
                }
            }
        }
    }

  /* The votes: their columns checked whole now, as opening a file of
   * their size costs little (a few milliseconds for a million votes). */
  if (r.meta[M_VOTE_HEAP] > 0)
    {
      static const guint vote_sections[] = {
        S_VOTE_ROLL_CALLS, S_VOTE_BY_NUMBER, S_VOTE_TOPICS, S_VOTE_HOLDERS, S_VOTE_HOLDER_START,
        S_VOTE_WORDS, S_VOTE_HEAP,
      };
      const guint64 counts[] = {
        r.meta[M_ROLL_CALLS], r.meta[M_ROLL_CALLS], r.meta[M_TOPICS], r.meta[M_VOTE_HOLDERS],
        r.meta[M_VOTE_HOLDERS] + 1, r.meta[M_VOTES], G_MAXUINT64,
      };
      BilatVotesColumns c = { 0, };
      const char *bad_column = NULL;
      GError *bad = NULL;

      for (gsize i = 0; i < G_N_ELEMENTS (vote_sections); i++)
        if (!check_section (&r, vote_sections[i], counts[i], error) ||
            !check_sum (&r, vote_sections[i], error))
          return FALSE;
      if (r.sections[S_VOTE_HEAP].size != r.meta[M_VOTE_HEAP])
        return refuse (&r, S_VOTE_HEAP, error, "it has %" G_GUINT64_FORMAT " bytes where %"
                       G_GUINT64_FORMAT " are needed", r.sections[S_VOTE_HEAP].size, r.meta[M_VOTE_HEAP]);
      c.roll_calls = section_data (&r, S_VOTE_ROLL_CALLS);
      c.n_roll_calls = (guint) r.meta[M_ROLL_CALLS];
      c.by_number = section_data (&r, S_VOTE_BY_NUMBER);
      c.topics = section_data (&r, S_VOTE_TOPICS);
      c.n_topics = (guint) r.meta[M_TOPICS];
      c.holders = section_data (&r, S_VOTE_HOLDERS);
      c.n_holders = (guint) r.meta[M_VOTE_HOLDERS];
      c.holder_start = section_data (&r, S_VOTE_HOLDER_START);
      c.votes = section_data (&r, S_VOTE_WORDS);
      c.n_votes = r.meta[M_VOTES];
      c.heap = section_data (&r, S_VOTE_HEAP);
      c.heap_size = (gsize) r.meta[M_VOTE_HEAP];
      votes = _bilat_votes_new_for_columns (&c, bytes, &bad_column, &bad);
      if (votes == NULL)
        {
          g_set_error (error, BILAT_FORMAT_ERROR, BILAT_FORMAT_ERROR_INVALID_VALUE,
                       "%s: section “votes.%s”: %s", name, bad_column, bad->message);
          g_error_free (bad);
          return FALSE;
        }
    }

  ok = votes != NULL ? _bilat_format_load_with_votes (store, objects, (gsize) raw, "<string>", votes, error)
                     : _bilat_format_load (store, NULL, objects, (gsize) raw, "<string>", NULL, error);
  g_clear_pointer (&votes, _bilat_votes_unref);
  if (!ok)
    {
      g_prefix_error (error, "%s: section “objects”: ", name);
      return FALSE;
    }
  if (segment != NULL)
    _bilat_store_add_segment (store, segment);
  return TRUE;
}

gboolean
_bilat_native_load_path (BilatStore  *store,
                         const char  *path,
                         const char  *name,
                         GError     **error)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;

  if (mapped == NULL)
    return FALSE;
  bytes = g_mapped_file_get_bytes (mapped);
  if (name == NULL)
    name = display = g_filename_display_name (path);
  return _bilat_native_load_bytes (store, bytes, name, error);
}
