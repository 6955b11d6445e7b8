/* bilat-segment.c: coded events kept column by column
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * See bilat-segment-private.h for what a segment holds. The columns:
 *
 *   key        guint64  id: prefix rank << 56 | number
 *   day        guint32  Julian day of the event
 *   side[2]    guint32  entry of the side table (0: no such side)
 *   cameo      guint16  entry of the code table (0: no code)
 *   goldstein  guint16  entry of the score table (0: the code's)
 *   flags      guint8   root event, dataset
 *   tone       double
 *   mentions, sources, articles, added (Julian day, 0: none)  guint32
 *   place      guint32  entry of the place table (0: none)
 *   title      guint32  string (0: the title the row's fields give)
 *   cite       guint32  string of the cited source's id (0: no citation,
 *                       CITE_URL: the id the URL gives)
 *   url        guint32  string (0: none)
 *
 * Strings live in one heap, each once. A side is an actor's participant
 * id, code, name and types; a place its given name, subdivision, country
 * and coordinates: both repeat across millions of events and are kept once.
 */

#include <bilat/bilat.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifdef HAVE_MADVISE
#include <sys/mman.h>
#endif
/* The hashes of interning are of short keys: inlined, XXH3 is a few
 * instructions rather than a call into the library. */
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "bilat-place-private.h"
#include "bilat-key-tables-private.h"
#include "bilat-segment-private.h"
#include "bilat-segment-layout-private.h"
#include "bilat-series-private.h"

/* Ids */

gboolean
_bilat_segment_split_id (const char *id,
                         gsize      *prefix_length,
                         guint64    *number)
{
  const char *colon = strchr (id, ':');
  const char *digits;
  guint64 value = 0;
  gsize n = 0;

  /* With at most 24 bytes of prefix, an id fits the 48 bytes of
   * _bilat_segment_format_id(). */
  if (colon == NULL || colon == id || colon - id >= MAX_PREFIX)
    return FALSE;
  digits = colon + 1;
  if (digits[0] == '\0' || (digits[0] == '0' && digits[1] != '\0'))
    return FALSE;
  for (const char *p = digits; *p != '\0'; p++)
    {
      if (*p < '0' || *p > '9' || ++n > MAX_DIGITS)
        return FALSE;
      value = value * 10 + (guint64) (*p - '0');
    }
  *prefix_length = (gsize) (colon - id) + 1;
  *number = value;
  return TRUE;
}

static guint
count_digits (guint64 number)
{
  guint n = 1;

  while (number >= 10)
    {
      number /= 10;
      n++;
    }
  return n;
}

/* A number whose order is that of the decimal text of @number as strcmp()
 * sees it. */
static guint64
lexical_key (guint64 number)
{
  guint digits = count_digits (number);
  guint64 padded = number;

  for (guint i = digits; i < MAX_DIGITS; i++)
    padded *= 10;
  return padded * 32 + digits;
}

/* A block of @size bytes, freed with g_free(), for the large arrays a
 * builder fills: aligned to 2 MiB and marked for huge pages where the
 * system has them, a page fault then maps 2 MiB rather than 4 KiB. */
static gpointer
big_alloc (gsize size)
{
#ifdef HAVE_MADVISE
  const gsize huge = 2 * 1024 * 1024;
  gpointer block;

  if (size >= 2 * huge && posix_memalign (&block, huge, size) == 0)
    {
      madvise (block, size & ~(huge - 1), MADV_HUGEPAGE);
      return block;
    }
#endif
  return g_malloc (MAX (size, 1));
}

/* String heap and interning (building). An open-addressing table of
 * string indexes, hashed by content, so that nothing points into a heap
 * that grows. */

typedef struct
{
  GByteArray *heap;
  GArray     *offsets;   /* guint64; entry 0 stands for NULL */
  guint64    *slots;     /* hash << 32 | string index; 0: empty. The hash
                          * beside the index turns away other strings
                          * without reading them: a probe is one read. */
  guint       mask;
} Strings;

#define SLOT_HASH(slot)  ((guint32) ((slot) >> 32))
#define SLOT_INDEX(slot) ((guint32) (slot))

static guint32
hash_text (gconstpointer text,
           gsize         length)
{
  return (guint32) XXH3_64bits (text, length);
}

static void
strings_init (Strings *strings)
{
  guint64 zero = 0;

  strings->heap = g_byte_array_new ();
  strings->offsets = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_array_append_val (strings->offsets, zero);
  strings->mask = 1023;
  strings->slots = g_new0 (guint64, strings->mask + 1);
}

static void
strings_clear (Strings *strings)
{
  g_clear_pointer (&strings->heap, g_byte_array_unref);
  g_clear_pointer (&strings->offsets, g_array_unref);
  g_clear_pointer (&strings->slots, g_free);
}

static const char *
strings_get (const Strings *strings,
             guint32        index)
{
  if (index == 0)
    return NULL;
  return (const char *) strings->heap->data + g_array_index (strings->offsets, guint64, index);
}

/* The length of string @index: strings are stored one after the other. */
static gsize
strings_length (const Strings *strings,
                guint32        index)
{
  guint64 start = g_array_index (strings->offsets, guint64, index);
  guint64 end = index + 1 < strings->offsets->len ? g_array_index (strings->offsets, guint64, index + 1)
                                                  : strings->heap->len;

  return (gsize) (end - start - 1);
}

/* Doubles an open-addressing table of the entries 1 … @hashes->len − 1,
 * placing each by its hash. Shared by strings and fixed-size entries. */
static void
grow_slots (GArray   *hashes,
            guint32 **slots,
            guint    *mask)
{
  guint new_mask = *mask * 2 + 1;
  guint32 *new_slots = g_new0 (guint32, (gsize) new_mask + 1);

  for (guint32 index = 1; index < hashes->len; index++)
    {
      guint i = g_array_index (hashes, guint32, index) & new_mask;

      while (new_slots[i] != 0)
        i = (i + 1) & new_mask;
      new_slots[i] = index;
    }
  g_free (*slots);
  *slots = new_slots;
  *mask = new_mask;
}

static void
strings_grow (Strings *strings)
{
  guint new_mask = strings->mask * 2 + 1;
  guint64 *new_slots = g_new0 (guint64, (gsize) new_mask + 1);

  for (guint i = 0; i <= strings->mask; i++)
    if (strings->slots[i] != 0)
      {
        guint j = SLOT_HASH (strings->slots[i]) & new_mask;

        while (new_slots[j] != 0)
          j = (j + 1) & new_mask;
        new_slots[j] = strings->slots[i];
      }
  g_free (strings->slots);
  strings->slots = new_slots;
  strings->mask = new_mask;
}

/* Interns the bytes of @first followed by those of @second, without
 * joining them first, under @hash (computed by the caller over both;
 * equal keys must get equal hashes: keys hashed in different ways must
 * differ, as memo keys do in their first byte); *fresh tells whether
 * they are new. */
static guint32
strings_intern_two (Strings    *strings,
                    guint32     hash,
                    const char *first,
                    gsize       first_length,
                    const char *second,
                    gsize       second_length,
                    gboolean   *fresh)
{
  gsize length = first_length + second_length;
  guint i;
  guint64 offset;
  guint32 index;
  const guint8 nul = 0;

  for (i = hash & strings->mask; strings->slots[i] != 0; i = (i + 1) & strings->mask)
    {
      guint64 slot = strings->slots[i];
      guint32 candidate = SLOT_INDEX (slot);

      if (SLOT_HASH (slot) == hash && strings_length (strings, candidate) == length)
        {
          const guint8 *stored = strings->heap->data + g_array_index (strings->offsets, guint64, candidate);

          if (memcmp (stored, first, first_length) == 0 &&
              (second_length == 0 || memcmp (stored + first_length, second, second_length) == 0))
            {
              *fresh = FALSE;
              return candidate;
            }
        }
    }
  offset = strings->heap->len;
  g_byte_array_append (strings->heap, (const guint8 *) first, (guint) first_length);
  g_byte_array_append (strings->heap, (const guint8 *) second, (guint) second_length);
  g_byte_array_append (strings->heap, &nul, 1);
  index = strings->offsets->len;
  g_array_append_val (strings->offsets, offset);
  strings->slots[i] = (guint64) hash << 32 | index;
  /* Up to 70 % full: with the hash in each slot, probing stays within a
   * cache line or two. */
  if ((guint64) strings->offsets->len * 10 > (guint64) strings->mask * 7)
    strings_grow (strings);
  *fresh = TRUE;
  return index;
}

/* Interns @length bytes as they are (NULs included); *fresh tells
 * whether they are new. For memos keyed by raw fields. Not inlined:
 * the hash, inlined in its callers, made GCC see reads past their
 * small buffers on paths their lengths never take. */
G_GNUC_NO_INLINE static guint32
strings_intern_bytes (Strings    *strings,
                      const char *bytes,
                      gsize       length,
                      gboolean   *fresh)
{
  return strings_intern_two (strings, hash_text (bytes, length), bytes, length, bytes + length, 0, fresh);
}

/* The index of the text of @length bytes at @text, up to a NUL, added if
 * new; 0 for NULL. What follows a NUL is lost in every string of a record
 * too. */
static guint32
strings_intern_len (Strings    *strings,
                    const char *text,
                    gsize       length)
{
  gboolean fresh;

  if (text == NULL)
    return 0;
  return strings_intern_bytes (strings, text, strnlen (text, length), &fresh);
}

static guint32
strings_intern (Strings    *strings,
                const char *text)
{
  return text != NULL ? strings_intern_len (strings, text, strlen (text)) : 0;
}

/* Tables of fixed-size entries, each once (building). Entry 0 stands for
 * none and is all zeros. */

typedef struct
{
  GArray  *entries;
  GArray  *hashes;
  guint32 *slots;
  guint    mask;
  gsize    size;
} Entries;

static void
entries_init (Entries *table,
              gsize    size)
{
  guint32 none = 0;

  table->size = size;
  table->entries = g_array_new (FALSE, TRUE, (guint) size);
  g_array_set_size (table->entries, 1);
  table->hashes = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_val (table->hashes, none);
  table->mask = 255;
  table->slots = g_new0 (guint32, table->mask + 1);
}

static void
entries_clear (Entries *table)
{
  g_clear_pointer (&table->entries, g_array_unref);
  g_clear_pointer (&table->hashes, g_array_unref);
  g_clear_pointer (&table->slots, g_free);
}

static gconstpointer
entries_get (const Entries *table,
             guint32        index)
{
  return table->entries->data + (gsize) index * table->size;
}

static guint32
entries_intern (Entries       *table,
                gconstpointer  entry)
{
  guint32 hash = hash_text (entry, table->size);
  guint i;
  guint32 index;

  for (i = hash & table->mask; table->slots[i] != 0; i = (i + 1) & table->mask)
    {
      guint32 candidate = table->slots[i];

      if (g_array_index (table->hashes, guint32, candidate) == hash &&
          memcmp (entries_get (table, candidate), entry, table->size) == 0)
        return candidate;
    }

  index = table->entries->len;
  g_array_append_vals (table->entries, entry, 1);
  g_array_append_val (table->hashes, hash);
  table->slots[i] = index;
  if ((guint) table->entries->len * 2 > table->mask)
    grow_slots (table->hashes, &table->slots, &table->mask);
  return index;
}

/* The builder */

typedef struct
{
  guint64 key;        /* prefix index (of the builder) << 56 | number */
  guint32 day;
  guint32 side[2];
  guint16 cameo;
  guint16 goldstein;
  guint8  flags;
  guint32 line;       /* of the record it was read from (JSON), or 0; in
                       * room the alignment of tone leaves free */
  double  tone;
  guint32 mentions;
  guint32 sources;
  guint32 articles;
  guint32 added;
  guint32 place;
  guint32 title;
  guint32 cite;
  guint32 url;
} Row;

/* The line fits where alignment left room. */
G_STATIC_ASSERT (sizeof (Row) == 72);

typedef struct
{
  guint32 id;
  guint32 url;
  guint32 publisher;
} SourceRow;

/* While building, the rows are kept whole, in chunks: no doubling of a
 * whole array when it grows, and putting them in order at the end reads
 * each row once (one or two cache lines) rather than once per column. */
#define CHUNK_ROWS 65536

enum
{
  C_KEY, C_DAY, C_SIDE0, C_SIDE1, C_CAMEO, C_GOLDSTEIN, C_FLAGS, C_TONE, C_MENTIONS,
  C_SOURCES, C_ARTICLES, C_ADDED, C_PLACE, C_TITLE, C_CITE, C_URL, N_COLUMNS
};

G_STATIC_ASSERT (N_COLUMNS == _BILAT_SEGMENT_N_COLUMNS);

static const gsize column_sizes[N_COLUMNS] = {
  8, 4, 4, 4, 2, 2, 1, 8, 4, 4, 4, 4, 4, 4, 4, 4
};

struct _BilatSegmentBuilder
{
  Strings  strings;
  Entries  sides;
  Entries  places;
  Entries  codes;
  Entries  scores;
  Entries  prefixes;
  GPtrArray *row_chunks;   /* of CHUNK_ROWS Rows each */
  guint    n_rows;
  guint32  line;           /* given to the rows added next */
  guint64  last_key;       /* of the row added last */
  gboolean keys_rising;    /* each row's key above the one before */
  guint64  min_number;     /* of the rows' ids, for their count of digits */
  guint64  max_number;
  /* Each row's day | builder prefix << 24, beside the rows: putting them
   * in order reads these four bytes a row, not the rows. NULL in a lean
   * builder, and once a day does not fit. */
  GArray  *days;
  gboolean lean;           /* finishing may not hold rows and columns at once */

  /* Copying rows of another segment: what each of its strings and table
   * entries became here (index + 1; 0: not yet), so that each is
   * interned once however many rows use it. */
  struct
  {
    BilatSegment *segment;         /* a reference, or NULL */
    guint32      *strings, *bulk, *sides, *places, *codes, *scores, *prefixes;
  } from;
  GArray  *source_rows;    /* SourceRow */
  GHashTable *source_index; /* string index of the id → TRUE */

  /* For rows: the strings whose source is added already (by string
   * index), scratch buffers, and the last id prefix seen. */
  GByteArray *has_source;
  GString    *title;
  GString    *derived;
  const char *last_prefix;
  guint64     last_prefix_key;

  /* Memos of raw fields: side and place keys → their entries; (side,
   * side, code) → title (string + 1, or 1 for a derived one); per code,
   * its name and score. */
  Strings     memo_keys;
  GArray     *memo_values;      /* guint32 per memo key */
  KeyTable    titles;           /* side << 32 | side, code + 1 */
  GPtrArray  *code_names;
  GArray     *code_scores;

  /* Code texts of up to four bytes (CAMEO's), packed, → their entry:
   * most rows find their code here without hashing its text. */
  struct
  {
    guint32 packed;      /* 0: empty */
    guint16 entry;
  } code_cache[1024];
};


static void copying_from (BilatSegmentBuilder *self,
                          BilatSegment        *segment);

BilatSegmentBuilder *
_bilat_segment_builder_new (void)
{
  BilatSegmentBuilder *self = g_new0 (BilatSegmentBuilder, 1);

  strings_init (&self->strings);
  entries_init (&self->sides, sizeof (Side));
  entries_init (&self->places, sizeof (PlaceEntry));
  entries_init (&self->codes, sizeof (guint32));
  entries_init (&self->scores, sizeof (double));
  entries_init (&self->prefixes, sizeof (guint32));
  self->row_chunks = g_ptr_array_new_with_free_func (g_free);
  self->lean = TRUE;
  self->keys_rising = TRUE;
  self->min_number = G_MAXUINT64;
  self->source_rows = g_array_new (FALSE, FALSE, sizeof (SourceRow));
  self->source_index = g_hash_table_new (NULL, NULL);
  self->has_source = g_byte_array_new ();
  self->title = g_string_sized_new (128);
  self->derived = g_string_sized_new (128);
  strings_init (&self->memo_keys);
  self->memo_values = g_array_new (FALSE, TRUE, sizeof (guint32));
  g_array_set_size (self->memo_values, 1);
  key_table_init (&self->titles);
  self->code_names = g_ptr_array_new ();
  g_ptr_array_add (self->code_names, NULL);
  self->code_scores = g_array_new (FALSE, FALSE, sizeof (double));
  {
    double none = NAN;

    g_array_append_val (self->code_scores, none);
  }
  return self;
}

void
_bilat_segment_builder_free (BilatSegmentBuilder *self)
{
  if (self == NULL)
    return;
  strings_clear (&self->strings);
  entries_clear (&self->sides);
  entries_clear (&self->places);
  entries_clear (&self->codes);
  entries_clear (&self->scores);
  entries_clear (&self->prefixes);
  g_clear_pointer (&self->row_chunks, g_ptr_array_unref);
  g_clear_pointer (&self->days, g_array_unref);
  copying_from (self, NULL);
  g_array_unref (self->source_rows);
  g_hash_table_unref (self->source_index);
  g_byte_array_unref (self->has_source);
  g_string_free (self->title, TRUE);
  g_string_free (self->derived, TRUE);
  strings_clear (&self->memo_keys);
  g_array_unref (self->memo_values);
  key_table_clear (&self->titles);
  g_ptr_array_unref (self->code_names);
  g_array_unref (self->code_scores);
  g_free (self);
}

guint
_bilat_segment_builder_get_n_rows (BilatSegmentBuilder *self)
{
  return self->n_rows;
}

guint
_bilat_segment_builder_get_n_sources (BilatSegmentBuilder *self)
{
  return self->source_rows->len;
}

static guint64
builder_key (BilatSegmentBuilder *self,
             const char          *prefix,
             gsize                prefix_length,
             guint64              number)
{
  guint32 text = strings_intern_len (&self->strings, prefix, prefix_length);

  return (guint64) entries_intern (&self->prefixes, &text) << 56 | number;
}

static inline Row *
row_at (BilatSegmentBuilder *self,
        guint                index)
{
  return (Row *) g_ptr_array_index (self->row_chunks, index / CHUNK_ROWS) + index % CHUNK_ROWS;
}

/* Keeps the first @n rows. */
static void
set_n_rows (BilatSegmentBuilder *self,
            guint                n)
{
  guint chunks = (n + CHUNK_ROWS - 1) / CHUNK_ROWS;

  if (self->row_chunks->len > chunks)
    g_ptr_array_set_size (self->row_chunks, chunks);
  if (self->days != NULL && self->days->len > n)
    g_array_set_size (self->days, n);
  self->n_rows = n;
}

static void
append_row (BilatSegmentBuilder *self,
            const Row           *row)
{
  Row *stored;
  guint64 number = row->key & ((G_GUINT64_CONSTANT (1) << 56) - 1);

  if (self->n_rows % CHUNK_ROWS == 0)
    g_ptr_array_add (self->row_chunks, big_alloc (sizeof (Row) * CHUNK_ROWS));
  stored = row_at (self, self->n_rows);
  *stored = *row;
  stored->line = self->line;
  /* Removing rows keeps the others' order, so the flag stays true, and
   * the bounds stay bounds. */
  if (self->n_rows > 0 && row->key <= self->last_key)
    self->keys_rising = FALSE;
  self->last_key = row->key;
  self->min_number = MIN (self->min_number, number);
  self->max_number = MAX (self->max_number, number);
  if (self->days != NULL)
    {
      if (G_LIKELY (row->day < (1u << 24)))
        {
          guint32 day = row->day | (guint32) (row->key >> 56) << 24;

          g_array_append_val (self->days, day);
        }
      else
        g_clear_pointer (&self->days, g_array_unref);
    }
  self->n_rows++;
}

static guint16
intern_code_text (BilatSegmentBuilder *self,
                  const char          *code)
{
  guint32 text = strings_intern (&self->strings, code);

  return code != NULL ? (guint16) entries_intern (&self->codes, &text) : 0;
}

static guint16
intern_code (BilatSegmentBuilder *self,
             const char          *code)
{
  guint32 packed = 0;
  gsize length;
  guint slot;

  if (code == NULL)
    return 0;
  length = strnlen (code, sizeof packed + 1);
  if (length == 0 || length > sizeof packed)
    return intern_code_text (self, code);
  memcpy (&packed, code, length);
  slot = (packed * 2654435761u) >> 22;
  if (self->code_cache[slot].packed != packed)
    {
      self->code_cache[slot].packed = packed;
      self->code_cache[slot].entry = intern_code_text (self, code);
    }
  return self->code_cache[slot].entry;
}

static guint16
intern_score (BilatSegmentBuilder *self,
              double               score)
{
  if (isnan (score))
    return 0;
  return (guint16) entries_intern (&self->scores, &score);
}

static void
add_source_row (BilatSegmentBuilder *self,
                guint32              id,
                guint32              url,
                guint32              publisher)
{
  SourceRow source = { id, url, publisher };

  if (!g_hash_table_add (self->source_index, GUINT_TO_POINTER (id)))
    return;
  g_array_append_val (self->source_rows, source);
}

static char *
url_source_id (const char *url,
               gsize       length)
{
  static const char hex[] = "0123456789abcdef";
  GChecksum *checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize digest_length = sizeof digest;
  char *id = g_malloc (4 + 16 + 1);

  /* "url:" and the first 16 hex digits of the SHA-1, as
   * _bilat_row_source_id() gives them. */
  g_checksum_update (checksum, (const guchar *) url, (gssize) length);
  g_checksum_get_digest (checksum, digest, &digest_length);
  g_checksum_free (checksum);
  memcpy (id, "url:", 4);
  for (guint i = 0; i < 8; i++)
    {
      id[4 + 2 * i] = hex[digest[i] >> 4];
      id[5 + 2 * i] = hex[digest[i] & 15];
    }
  id[20] = '\0';
  return id;
}

static guint32
field_string (BilatSegmentBuilder *self,
              const BilatRow      *row,
              BilatColumnRole      role)
{
  int index = _bilat_row_column (row, role);
  const BilatField *field;

  if (index < 0)
    return 0;
  field = &row->columns[index];
  if (field->length == 0 || (field->length == 2 && field->text[0] == 'N' && field->text[1] == 'A'))
    return 0;
  return strings_intern_len (&self->strings, field->text, field->length);
}

/* GDELT's three type codes, or ICEWS's sectors, comma-separated, as
 * _bilat_row_to_event() joins them. */
static guint32
types_string (BilatSegmentBuilder *self,
              const BilatRow      *row,
              BilatColumnRole      role)
{
  int index = _bilat_row_column (row, role);
  char buffer[512];
  gsize length = 0;

  if (index < 0)
    return 0;
  if (row->format == BILAT_EVENT_FORMAT_ICEWS)
    return field_string (self, row, role);

  for (guint i = 0; i < 3; i++)
    {
      const BilatField *field = &row->columns[index + (int) i];

      if (field->length == 0)
        continue;
      if (length + field->length + 1 > sizeof buffer)
        {
          /* Longer than any real type code: joined on the heap. */
          g_autoptr(GString) types = g_string_new_len (buffer, (gssize) length);

          for (guint j = i; j < 3; j++)
            {
              const BilatField *rest = &row->columns[index + (int) j];

              if (rest->length == 0)
                continue;
              if (types->len > 0)
                g_string_append_c (types, ',');
              g_string_append_len (types, rest->text, (gssize) rest->length);
            }
          return strings_intern_len (&self->strings, types->str, types->len);
        }
      if (length > 0)
        buffer[length++] = ',';
      memcpy (buffer + length, field->text, field->length);
      length += field->length;
    }
  return length > 0 ? strings_intern_len (&self->strings, buffer, length) : 0;
}

/* Memo keys: raw fields, each after its length, so that no two
 * sequences of fields give the same key. Keys too long for the buffer
 * are not memoised. */
typedef struct
{
  char  bytes[1024];
  gsize length;
  gboolean overflow;
} Key;

static inline void
key_add (Key        *key,
         const char *bytes,
         gsize       length)
{
  guint16 n = (guint16) length;

  if (key->overflow || length > G_MAXUINT16 || key->length + sizeof n + length > sizeof key->bytes)
    {
      key->overflow = TRUE;
      return;
    }
  memcpy (key->bytes + key->length, &n, sizeof n);
  memcpy (key->bytes + key->length + sizeof n, bytes, length);
  key->length += sizeof n + length;
}

static inline void
key_add_field (Key            *key,
               const BilatRow *row,
               int             index)
{
  if (index < 0)
    key_add (key, "", 0);
  else
    key_add (key, row->columns[index].text, row->columns[index].length);
}

/* The memo slot of @key, or NULL for a key too long; *fresh when new. */
static guint32 *
memo_slot (BilatSegmentBuilder *self,
           const Key           *key,
           gboolean            *fresh)
{
  guint32 index;

  if (key->overflow)
    return NULL;
  index = strings_intern_bytes (&self->memo_keys, key->bytes, key->length, fresh);
  if (index >= self->memo_values->len)
    g_array_set_size (self->memo_values, MAX (index + 1, self->memo_values->len * 2));
  return &g_array_index (self->memo_values, guint32, index);
}

/* The memo slot of a key made of @kind, @format, @before (a short
 * string, or NULL) and the @length bytes at @span, which are hashed and
 * compared where they are; NULL where the key is too long. *fresh when
 * new. Whether there is @before, and its NUL, are in the key: no key of
 * this kind is the start of another. */
static guint32 *
memo_span_slot (BilatSegmentBuilder *self,
                char                 kind,
                BilatEventFormat     format,
                const char          *before,
                const char          *span,
                gsize                length,
                gboolean            *fresh)
{
  char head[24] = { 0 };
  gsize head_length = 3;
  guint64 words[3];
  guint32 hash, index;

  if (length > 4096)
    return NULL;
  head[0] = kind;
  head[1] = (char) format;
  head[2] = before != NULL;
  if (before != NULL)
    {
      gsize before_length = strlen (before);

      if (before_length + 1 > sizeof head - 3)
        return NULL;
      memcpy (head + 3, before, before_length + 1);
      head_length += before_length + 1;
    }
  /* The head (zeros after it) mixed into the seed of the span's hash,
   * without hashing it on its own. */
  memcpy (words, head, sizeof words);
  hash = (guint32) XXH3_64bits_withSeed (span, length,
                                         (words[0] * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) ^
                                         (words[1] * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F)) ^
                                         (words[2] * G_GUINT64_CONSTANT (0x165667B19E3779F9)) ^ head_length);
  index = strings_intern_two (&self->memo_keys, hash, head, head_length, span, length, fresh);
  if (index >= self->memo_values->len)
    g_array_set_size (self->memo_values, MAX (index + 1, self->memo_values->len * 2));
  return &g_array_index (self->memo_values, guint32, index);
}

static guint32 side_of_fields (BilatSegmentBuilder *self,
                               const BilatRow      *row,
                               const char          *participant,
                               BilatColumnRole      code,
                               BilatColumnRole      name,
                               BilatColumnRole      types);

/* The side of @row's fields, through the memo of raw fields. */
static guint32
side_of_row (BilatSegmentBuilder *self,
             const BilatRow      *row,
             const char          *participant,
             BilatColumnRole      code,
             BilatColumnRole      name,
             BilatColumnRole      types)
{
  int types_index = _bilat_row_column (row, types);
  int code_index = _bilat_row_column (row, code);
  int name_index = _bilat_row_column (row, name);
  gboolean fresh;
  guint32 *slot;
  Key key;

  /* Where the fields come one after the other in the line (GDELT's code,
   * name, …, three types), the span of the line from the first to the
   * last is the key, read where it is: the same span cut at its tabs
   * gives the same fields (and those between them, which makes the key
   * finer, never wrong). A separate memo (its own first byte) from the
   * keys of fields. */
  if (row->format != BILAT_EVENT_FORMAT_ICEWS && code_index >= 0 && name_index > code_index &&
      types_index > name_index && types_index + 2 < (int) row->n_columns)
    {
      const BilatField *first = &row->columns[code_index];
      const BilatField *last = &row->columns[types_index + 2];
      gsize span = (gsize) (last->text + last->length - first->text);

      slot = memo_span_slot (self, 'S', row->format, participant, first->text, span, &fresh);
      if (slot != NULL)
        {
          if (fresh)
            *slot = side_of_fields (self, row, participant, code, name, types);
          return *slot;
        }
    }

  key.length = 2;
  key.overflow = FALSE;
  key.bytes[0] = 's';
  key.bytes[1] = (char) row->format;
  key_add (&key, participant ? participant : "", participant ? strlen (participant) + 1 : 0);
  key_add_field (&key, row, _bilat_row_column (row, code));
  key_add_field (&key, row, _bilat_row_column (row, name));
  key_add_field (&key, row, types_index);
  if (types_index >= 0 && row->format != BILAT_EVENT_FORMAT_ICEWS)
    {
      key_add_field (&key, row, types_index + 1);
      key_add_field (&key, row, types_index + 2);
    }
  slot = memo_slot (self, &key, &fresh);
  if (slot == NULL)
    return side_of_fields (self, row, participant, code, name, types);
  if (fresh)
    *slot = side_of_fields (self, row, participant, code, name, types);
  return *slot;
}

static guint32
side_of_fields (BilatSegmentBuilder *self,
             const BilatRow      *row,
             const char          *participant,
             BilatColumnRole      code,
             BilatColumnRole      name,
             BilatColumnRole      types)
{
  Side side = {
    .participant = strings_intern (&self->strings, participant),
    .code = field_string (self, row, code),
    .name = field_string (self, row, name),
    .types = types_string (self, row, types),
  };

  if (side.participant == 0 && side.code == 0 && side.name == 0 && side.types == 0)
    return 0;
  return entries_intern (&self->sides, &side);
}

static guint32 place_of_fields (BilatSegmentBuilder *self,
                                const BilatRow      *row);

static guint32
place_of_row (BilatSegmentBuilder *self,
              const BilatRow      *row)
{
  gboolean fresh;
  guint32 *slot;
  Key key;

  if (!row->has_place)
    return 0;
  /* GDELT: the span of the line the place is made of, with the country
   * its code names on the row's day before it, read where it is (as for
   * sides). */
  if (row->place_span.length > 0)
    {
      slot = memo_span_slot (self, 'P', row->format, row->place_country, row->place_span.text,
                             row->place_span.length, &fresh);
      if (slot != NULL)
        {
          if (fresh)
            *slot = place_of_fields (self, row);
          return *slot;
        }
    }
  key.length = 2;
  key.overflow = FALSE;
  key.bytes[0] = 'p';
  key.bytes[1] = (char) row->format;
  if (row->format == BILAT_EVENT_FORMAT_ICEWS)
    {
      int first = _bilat_row_column (row, BILAT_COLUMN_CITY);

      for (int i = first; i >= 0 && i <= first + 3; i++)
        key_add_field (&key, row, i);
    }
  else
    key_add (&key, row->place_name.text, row->place_name.length);
  key_add (&key, row->place_country ? row->place_country : "",
           row->place_country ? strlen (row->place_country) + 1 : 0);
  key_add (&key, (const char *) &row->has_coordinates, sizeof row->has_coordinates);
  if (row->has_coordinates)
    {
      key_add (&key, (const char *) &row->latitude, sizeof (double));
      key_add (&key, (const char *) &row->longitude, sizeof (double));
    }
  slot = memo_slot (self, &key, &fresh);
  if (slot == NULL)
    return place_of_fields (self, row);
  if (fresh)
    *slot = place_of_fields (self, row);
  return *slot;
}

static guint32
place_of_fields (BilatSegmentBuilder *self,
                 const BilatRow      *row)
{
  g_autoptr(GString) name = NULL;
  PlaceEntry place = { 0 };

  if (!row->has_place)
    return 0;
  if (row->format == BILAT_EVENT_FORMAT_ICEWS)
    {
      int first = _bilat_row_column (row, BILAT_COLUMN_CITY);

      name = g_string_new (NULL);
      for (int i = first; i >= 0 && i <= first + 3; i++)
        {
          const BilatField *field = &row->columns[i];

          if (field->length == 0 || (field->length == 2 && field->text[0] == 'N' && field->text[1] == 'A'))
            continue;
          if (name->len > 0)
            g_string_append (name, ", ");
          g_string_append_len (name, field->text, (gssize) field->length);
        }
      if (name->len > 0)
        place.name = strings_intern_len (&self->strings, name->str, name->len);
    }
  else if (row->place_name.length > 0)
    place.name = strings_intern_len (&self->strings, row->place_name.text, row->place_name.length);

  place.country = strings_intern (&self->strings, row->place_country);
  if (place.name == 0 && place.country == 0)
    return 0;
  if (row->has_coordinates)
    {
      place.has_coordinates = 1;
      place.latitude = row->latitude;
      place.longitude = row->longitude;
    }
  return entries_intern (&self->places, &place);
}

static void build_title (const char *side_names[2][2],
                         const char *what,
                         GString    *out);

/* The CAMEO table's score of code entry @cameo (NaN: none). */
static double
code_score (BilatSegmentBuilder *self,
            guint16              cameo)
{
  while (self->code_scores->len <= cameo)
    {
      guint32 text = *(const guint32 *) entries_get (&self->codes, self->code_scores->len);
      double score = bilat_cameo_get_goldstein (strings_get (&self->strings, text));

      g_array_append_val (self->code_scores, score);
    }
  return g_array_index (self->code_scores, double, cameo);
}

/* Whether the source of string @index (a URL or story) was added. */
static gboolean
source_added (BilatSegmentBuilder *self,
              guint32              index)
{
  if (index >= self->has_source->len)
    {
      guint old = self->has_source->len;

      g_byte_array_set_size (self->has_source, MAX (index + 1, old * 2));
      memset (self->has_source->data + old, 0, self->has_source->len - old);
    }
  if (self->has_source->data[index])
    return TRUE;
  self->has_source->data[index] = 1;
  return FALSE;
}

void
_bilat_segment_builder_add_row (BilatSegmentBuilder *self,
                                const BilatRow      *row)
{
  GString *title = self->title;
  GString *derived = self->derived;
  const char *names[2][2];
  Row r = { 0 };
  int url_column = _bilat_row_column (row, BILAT_COLUMN_URL);
  int story_column = _bilat_row_column (row, BILAT_COLUMN_STORY);
  const Side *side;

  /* Prefixes come without their colon from the readers, as static
   * strings. */
  if (row->id_prefix != self->last_prefix)
    {
      char prefix[32];

      g_snprintf (prefix, sizeof prefix, "%s:", row->id_prefix);
      self->last_prefix_key = builder_key (self, prefix, strlen (prefix), 0);
      self->last_prefix = row->id_prefix;
    }
  r.key = self->last_prefix_key | row->id;
  r.day = _bilat_civil_to_julian (row->year, row->month, row->day);
  r.side[0] = side_of_row (self, row, row->actor1, BILAT_COLUMN_ACTOR1_CODE,
                           BILAT_COLUMN_ACTOR1_NAME, BILAT_COLUMN_ACTOR1_TYPES);
  r.side[1] = side_of_row (self, row,
                           row->actor2 != NULL && g_strcmp0 (row->actor1, row->actor2) != 0 ? row->actor2 : NULL,
                           BILAT_COLUMN_ACTOR2_CODE, BILAT_COLUMN_ACTOR2_NAME, BILAT_COLUMN_ACTOR2_TYPES);
  r.cameo = intern_code (self, row->code[0] != '\0' ? row->code : NULL);
  if (row->goldstein_given)
    {
      double table = code_score (self, r.cameo);

      if (isnan (table) || table != row->goldstein)
        r.goldstein = intern_score (self, row->goldstein);
    }
  r.flags = (row->root_event ? FLAG_ROOT : 0) | (guint8) (row->format << DATASET_SHIFT);
  r.tone = row->tone;
  r.mentions = row->mentions;
  r.sources = row->sources;
  r.articles = row->articles;
  r.added = row->added_year != 0 ? _bilat_civil_to_julian (row->added_year, row->added_month, row->added_day) : 0;
  r.place = place_of_row (self, row);
  r.url = url_column >= 0 ? field_string (self, row, BILAT_COLUMN_URL) : 0;

  /* The title: kept only when the stored fields do not give it back.
   * Without an event text (GDELT) it depends on the sides and the code
   * only, and is worked out once for each combination. */
  {
    KeySlot *memo = _bilat_row_column (row, BILAT_COLUMN_EVENT_TEXT) < 0
                    ? key_table_lookup (&self->titles, (guint64) r.side[0] << 32 | r.side[1], r.cameo + 1u)
                    : NULL;

    if (memo != NULL && memo->value != 0)
      r.title = memo->value - 1;
    else
      {
        g_string_truncate (title, 0);
        g_string_truncate (derived, 0);
        _bilat_row_append_title (row, title);
        for (guint i = 0; i < 2; i++)
          {
            side = r.side[i] ? entries_get (&self->sides, r.side[i]) : NULL;
            names[i][0] = side ? strings_get (&self->strings, side->name) : NULL;
            names[i][1] = side ? strings_get (&self->strings, side->code) : NULL;
          }
        build_title (names, row->code[0] != '\0' ? row->code : NULL, derived);
        if (!g_string_equal (title, derived))
          r.title = strings_intern_len (&self->strings, title->str, title->len);
        /* Nothing above looks up a title: the slot is where it was. */
        if (memo != NULL)
          memo->value = r.title + 1;
      }
  }

  /* The citation and its source, added with the first row citing it. */
  if (story_column >= 0 && field_string (self, row, BILAT_COLUMN_STORY) != 0)
    {
      g_autofree char *id = _bilat_row_source_id (row);

      r.cite = strings_intern (&self->strings, id);
      if (!source_added (self, r.cite))
        add_source_row (self, r.cite, r.url, field_string (self, row, BILAT_COLUMN_PUBLISHER));
    }
  else if (r.url != 0)
    {
      r.cite = CITE_URL;
      if (!source_added (self, r.url))
        {
          const char *url = strings_get (&self->strings, r.url);
          g_autofree char *id = url_source_id (url, strlen (url));

          add_source_row (self, strings_intern (&self->strings, id), r.url,
                          field_string (self, row, BILAT_COLUMN_PUBLISHER));
        }
    }

  append_row (self, &r);
}

/* "A → B: what", from the sides' names (else codes) and the CAMEO code, as
 * _bilat_row_append_title() writes it for GDELT. */
/* The same, with the name of the code known (NULL: none). */
static void
build_title_named (const char *sides[2][2],
                   const char *code,
                   const char *name,
                   GString    *out)
{
  const char *first = sides[0][0] ? sides[0][0] : sides[0][1];
  const char *second = sides[1][0] ? sides[1][0] : sides[1][1];

  g_string_append (out, first ? first : "?");
  if (second != NULL)
    {
      g_string_append (out, " → ");
      g_string_append (out, second);
    }
  g_string_append (out, ": ");
  if (code != NULL)
    g_string_append (out, name != NULL ? name : code);
  else
    g_string_append (out, "?");
}

static void
build_title (const char *sides[2][2],
             const char *code,
             GString    *out)
{
  build_title_named (sides, code, code != NULL ? bilat_cameo_get_name (code) : NULL, out);
}

static gboolean
is_single_day (BilatDate *date)
{
  return date != NULL && !bilat_date_is_interval (date) &&
         bilat_date_get_precision (date) == BILAT_DATE_PRECISION_DAY;
}

gboolean
_bilat_segment_builder_add_fields (BilatSegmentBuilder    *self,
                                   const BilatCodedFields *f)
{
  const char *names[2][2];
  guint32 name_index[2][2];
  g_autoptr(GString) derived = NULL;
  gsize prefix_length;
  guint64 number;
  Row r = { 0 };

  if (f->id == NULL || !_bilat_segment_split_id (f->id, &prefix_length, &number) ||
      f->day == 0 || f->title == NULL || (guint) f->dataset > BILAT_EVENT_FORMAT_ICEWS ||
      (f->participants[0] != NULL && f->participants[1] != NULL &&
       strcmp (f->participants[0], f->participants[1]) == 0))
    return FALSE;

  if (f->has_place)
    {
      PlaceEntry entry = { 0 };

      entry.name = strings_intern (&self->strings, f->place_name);
      entry.subdivision = strings_intern (&self->strings, f->place_subdivision);
      entry.country = strings_intern (&self->strings, f->place_country);
      if (f->has_coordinates)
        {
          entry.has_coordinates = 1;
          entry.latitude = f->latitude;
          entry.longitude = f->longitude;
        }
      r.place = entries_intern (&self->places, &entry);
    }

  r.key = builder_key (self, f->id, prefix_length, number);
  r.day = f->day;
  for (guint i = 0; i < 2; i++)
    {
      Side side = {
        .participant = strings_intern (&self->strings, f->participants[i]),
        .code = strings_intern (&self->strings, f->actor_code[i]),
        .name = strings_intern (&self->strings, f->actor_name[i]),
        .types = strings_intern (&self->strings, f->actor_types[i]),
      };

      if (side.participant != 0 || side.code != 0 || side.name != 0 || side.types != 0)
        r.side[i] = entries_intern (&self->sides, &side);
      name_index[i][0] = side.name;
      name_index[i][1] = side.code;
    }
  r.cameo = intern_code (self, f->cameo);
  r.goldstein = intern_score (self, f->goldstein);
  r.flags = (f->root_event ? FLAG_ROOT : 0) | (guint8) (f->dataset << DATASET_SHIFT);
  r.tone = f->tone;
  r.mentions = f->mentions;
  r.sources = f->sources;
  r.articles = f->articles;
  r.added = f->added;
  r.url = strings_intern (&self->strings, f->url);

  /* Strings move as the heap grows: read them only now. */
  for (guint i = 0; i < 2; i++)
    {
      names[i][0] = strings_get (&self->strings, name_index[i][0]);
      names[i][1] = strings_get (&self->strings, name_index[i][1]);
    }
  derived = g_string_new (NULL);
  build_title (names, f->cameo, derived);
  if (strcmp (derived->str, f->title) != 0)
    r.title = strings_intern (&self->strings, f->title);

  if (f->cite != NULL)
    {
      g_autofree char *from_url = f->url != NULL ? url_source_id (f->url, strlen (f->url)) : NULL;

      r.cite = g_strcmp0 (from_url, f->cite) == 0 ? CITE_URL : strings_intern (&self->strings, f->cite);
    }

  append_row (self, &r);
  return TRUE;
}

gboolean
_bilat_segment_builder_add_event (BilatSegmentBuilder *self,
                                  BilatCodedEvent     *coded)
{
  BilatEvent *event = BILAT_EVENT (coded);
  BilatDate *date = bilat_event_get_date (event);
  BilatDate *added = bilat_coded_event_get_date_added (coded);
  GPtrArray *participants = bilat_event_get_participants (event);
  GPtrArray *citations = bilat_record_get_citations (BILAT_RECORD (event));
  BilatPlace *place = bilat_event_get_place (event);
  BilatCodedFields f = { 0 };

  if (G_OBJECT_TYPE (coded) != BILAT_TYPE_CODED_EVENT ||
      !is_single_day (date) || (added != NULL && !is_single_day (added)) ||
      bilat_event_get_summary (event) != NULL ||
      bilat_event_get_sectors (event) != BILAT_SECTOR_NONE ||
      participants->len > 2 || citations->len > 1)
    return FALSE;

  /* Participants: the first side as initiator, the second as target. */
  for (guint i = 0; i < participants->len; i++)
    {
      BilatParticipant *participant = g_ptr_array_index (participants, i);
      BilatRole role = bilat_participant_get_role (participant);

      if (role == BILAT_ROLE_INITIATOR && i == 0)
        f.participants[0] = bilat_participant_get_actor (participant);
      else if (role == BILAT_ROLE_TARGET && f.participants[1] == NULL)
        f.participants[1] = bilat_participant_get_actor (participant);
      else
        return FALSE;
    }

  if (citations->len == 1)
    {
      BilatCitation *citation = g_ptr_array_index (citations, 0);

      if (bilat_citation_get_paragraph (citation) != 0 || bilat_citation_has_range (citation) ||
          bilat_citation_get_quote (citation) != NULL || bilat_citation_get_row (citation) != NULL)
        return FALSE;
      f.cite = bilat_citation_get_source (citation);
    }

  if (place != NULL)
    {
      _bilat_place_get_given (place, &f.place_name, &f.place_country);
      f.has_place = TRUE;
      f.place_subdivision = bilat_place_get_subdivision (place);
      f.has_coordinates = bilat_place_has_coordinates (place);
      f.latitude = bilat_place_get_latitude (place);
      f.longitude = bilat_place_get_longitude (place);
    }

  f.id = bilat_record_get_id (BILAT_RECORD (event));
  f.dataset = bilat_coded_event_get_dataset (coded);
  f.day = bilat_date_get_first_julian (date);
  f.title = bilat_event_get_title (event);
  f.cameo = bilat_event_get_cameo_code (event);
  f.goldstein = bilat_event_get_own_goldstein (event);
  f.actor_code[0] = bilat_coded_event_get_actor1_code (coded);
  f.actor_name[0] = bilat_coded_event_get_actor1_name (coded);
  f.actor_types[0] = bilat_coded_event_get_actor1_types (coded);
  f.actor_code[1] = bilat_coded_event_get_actor2_code (coded);
  f.actor_name[1] = bilat_coded_event_get_actor2_name (coded);
  f.actor_types[1] = bilat_coded_event_get_actor2_types (coded);
  f.root_event = bilat_coded_event_get_root_event (coded);
  f.mentions = bilat_coded_event_get_mentions (coded);
  f.sources = bilat_coded_event_get_sources (coded);
  f.articles = bilat_coded_event_get_articles (coded);
  f.tone = bilat_coded_event_get_tone (coded);
  f.url = bilat_coded_event_get_url (coded);
  f.added = added != NULL ? bilat_date_get_first_julian (added) : 0;

  return _bilat_segment_builder_add_fields (self, &f);
}

gboolean
_bilat_segment_builder_add_source (BilatSegmentBuilder *self,
                                   BilatSource         *source)
{
  const char *id = bilat_record_get_id (BILAT_RECORD (source));
  guint32 id_index;

  if (G_OBJECT_TYPE (source) != BILAT_TYPE_SOURCE || id == NULL ||
      bilat_source_get_title (source) != NULL || bilat_source_get_author (source) != NULL ||
      bilat_source_get_published (source) != NULL ||
      bilat_record_get_citations (BILAT_RECORD (source))->len != 0)
    return FALSE;

  id_index = strings_intern (&self->strings, id);
  if (g_hash_table_contains (self->source_index, GUINT_TO_POINTER (id_index)))
    return FALSE;
  add_source_row (self, id_index,
                  strings_intern (&self->strings, bilat_source_get_url (source)),
                  strings_intern (&self->strings, bilat_source_get_publisher (source)));
  return TRUE;
}

void
_bilat_segment_builder_truncate (BilatSegmentBuilder *self,
                                 guint                n_rows,
                                 guint                n_sources)
{
  if (n_rows < self->n_rows)
    set_n_rows (self, n_rows);
  for (guint i = n_sources; i < self->source_rows->len; i++)
    g_hash_table_remove (self->source_index,
                         GUINT_TO_POINTER (g_array_index (self->source_rows, SourceRow, i).id));
  if (n_sources < self->source_rows->len)
    g_array_set_size (self->source_rows, n_sources);
}

/* Finishing */

typedef struct
{
  guint64 high;    /* day × number of prefixes + prefix rank: one bucket
                    * for each (day, prefix) */
  guint64 low;     /* lexical key of the number */
  guint32 row;
} SortKey;

static int
compare_sort_keys (gconstpointer a,
                   gconstpointer b)
{
  const SortKey *x = a;
  const SortKey *y = b;

  if (x->high != y->high)
    return x->high < y->high ? -1 : 1;
  if (x->low != y->low)
    return x->low < y->low ? -1 : 1;
  return 0;
}

/* What the comparisons of qsort() read, under the lock. */
static const char *sort_heap;
static const guint64 *sort_offsets;

static int
compare_string_indexes (gconstpointer a,
                        gconstpointer b)
{
  return strcmp (sort_heap + sort_offsets[*(const guint32 *) a],
                 sort_heap + sort_offsets[*(const guint32 *) b]);
}

static int
compare_source_rows (gconstpointer a,
                     gconstpointer b)
{
  return strcmp (sort_heap + sort_offsets[((const SourceRow *) a)->id],
                 sort_heap + sort_offsets[((const SourceRow *) b)->id]);
}

static gpointer
own (BilatSegment *self,
     gpointer      block)
{
  g_ptr_array_add (self->owned, block);
  return block;
}

static gpointer
own_array (BilatSegment *self,
           GArray       *array,
           guint        *n)
{
  if (n != NULL)
    *n = array->len;
  return own (self, g_array_free (array, FALSE));
}

static G_LOCK_DEFINE (sorting);

/* Sorts the row numbers @rows by @keys[row]: least significant digit
 * first, 11 bits at a time, skipping digits that are the same for all. */
static void
sort_by_key (guint32       *rows,
             const guint64 *keys,
             guint          n)
{
  g_autofree guint32 *other = g_new (guint32, MAX (n, 1));
  g_autofree guint32 *counts = g_new (guint32, 2048);
  guint32 *from = rows, *to = other;

  for (guint shift = 0; shift < 64; shift += 11)
    {
      gboolean constant = FALSE;
      guint32 sum = 0;

      memset (counts, 0, sizeof (guint32) * 2048);
      for (guint i = 0; i < n; i++)
        counts[(keys[from[i]] >> shift) & 2047]++;
      for (guint d = 0; d < 2048; d++)
        {
          guint32 c = counts[d];

          if (c == n)
            constant = TRUE;
          counts[d] = sum;
          sum += c;
        }
      if (constant)
        continue;
      for (guint i = 0; i < n; i++)
        to[counts[(keys[from[i]] >> shift) & 2047]++] = from[i];
      {
        guint32 *swap = from;

        from = to;
        to = swap;
      }
    }
  if (from != rows)
    memcpy (rows, from, sizeof (guint32) * n);
}

/* Builds what a segment derives from its columns and tables. */
void
_bilat_segment_derive (BilatSegment *self)
{
  self->code_name = own (self, g_new0 (const char *, self->n_codes + 1));
  self->code_quad = own (self, g_new0 (guint8, self->n_codes + 1));
  self->code_goldstein = own (self, g_new (double, self->n_codes + 1));
  self->code_goldstein[0] = NAN;
  for (guint c = 1; c < self->n_codes; c++)
    {
      const char *code = self->heap + self->string_offsets[self->codes[c]];

      self->code_name[c] = bilat_cameo_get_name (code);
      self->code_quad[c] = (guint8) bilat_cameo_get_quad_class (code);
      self->code_goldstein[c] = bilat_cameo_get_goldstein (code);
    }
}

static inline SortKey
row_sort_key (BilatSegmentBuilder *builder,
              const guint8        *rank,
              guint                row)
{
  const Row *r = row_at (builder, row);
  guint64 row_key = r->key;
  SortKey key;

  key.high = (guint64) r->day * builder->prefixes.entries->len + rank[row_key >> 56];
  key.low = lexical_key (row_key & ((G_GUINT64_CONSTANT (1) << 56) - 1));
  key.row = row;
  return key;
}

/* Staged rows of up to this many bytes are put in order by reading them
 * where they are into the new columns (fast, but the rows and the columns
 * are in memory together); larger ones are ordered in place (see
 * _bilat_segment_builder_finish()). Builders are lean (always in place)
 * unless told otherwise: an import of event files into a new table is
 * not; a load, whose memory the store's own size bounds, is. */
#define GATHER_LIMIT (G_GUINT64_CONSTANT (1) << 30)

/* Writes @r as row @i of @columns. */
static inline void
put_row_columns (gpointer   columns[N_COLUMNS],
                 guint      i,
                 const Row *r)
{
  ((guint64 *) columns[C_KEY])[i] = r->key;
  ((guint32 *) columns[C_DAY])[i] = r->day;
  ((guint32 *) columns[C_SIDE0])[i] = r->side[0];
  ((guint32 *) columns[C_SIDE1])[i] = r->side[1];
  ((guint16 *) columns[C_CAMEO])[i] = r->cameo;
  ((guint16 *) columns[C_GOLDSTEIN])[i] = r->goldstein;
  ((guint8 *) columns[C_FLAGS])[i] = r->flags;
  ((double *) columns[C_TONE])[i] = r->tone;
  ((guint32 *) columns[C_MENTIONS])[i] = r->mentions;
  ((guint32 *) columns[C_SOURCES])[i] = r->sources;
  ((guint32 *) columns[C_ARTICLES])[i] = r->articles;
  ((guint32 *) columns[C_ADDED])[i] = r->added;
  ((guint32 *) columns[C_PLACE])[i] = r->place;
  ((guint32 *) columns[C_TITLE])[i] = r->title;
  ((guint32 *) columns[C_CITE])[i] = r->cite;
  ((guint32 *) columns[C_URL])[i] = r->url;
}

/* The high part of row_sort_key(): the (day, prefix rank) bucket. */
static inline guint64
row_high (BilatSegmentBuilder *builder,
          const guint8        *rank,
          guint                row)
{
  const Row *r;

  if (builder->days != NULL)
    {
      guint32 day = g_array_index (builder->days, guint32, row);

      return (guint64) (day & ((1u << 24) - 1)) * builder->prefixes.entries->len + rank[day >> 24];
    }
  r = row_at (builder, row);
  return (guint64) r->day * builder->prefixes.entries->len + rank[r->key >> 56];
}

/* The rows of @builder in the order of the event list. Counted into one
 * bucket per (day, prefix), each bucket then put in id order: four bytes
 * a row of scratch, where sorting keys would take 48. */
static guint32 *
sort_rows (BilatSegmentBuilder *builder,
           const guint8        *rank,
           guint                n,
           gboolean             in_order)
{
  guint32 *order = g_new (guint32, MAX (n, 1));
  guint64 min = G_MAXUINT64, max = 0, range;
  g_autofree guint32 *starts = NULL;
  g_autofree guint64 *lows = NULL;
  g_autoptr(GArray) bucket = g_array_new (FALSE, FALSE, sizeof (SortKey));

  for (guint i = 0; i < n; i++)
    {
      guint64 high = row_high (builder, rank, i);

      min = MIN (min, high);
      max = MAX (max, high);
    }
  range = n > 0 ? max - min + 1 : 0;
  if (n < 64 || range > (guint64) n * 4 + 4096)
    {
      /* Days spread over more buckets than rows: sort the keys. */
      g_autofree SortKey *keys = g_new (SortKey, MAX (n, 1));

      for (guint i = 0; i < n; i++)
        keys[i] = row_sort_key (builder, rank, i);
      qsort (keys, n, sizeof (SortKey), compare_sort_keys);
      for (guint i = 0; i < n; i++)
        order[i] = keys[i].row;
      return order;
    }

  /* The rows are read in their order only: each one's id key goes with
   * it into its bucket, so that sorting a bucket reads no row. */
  starts = g_new0 (guint32, range + 1);
  /* A lean builder reads the ids from the rows instead: slower, eight
   * bytes a row less at its peak. */
  lows = builder->lean || in_order ? NULL : g_new (guint64, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    starts[row_high (builder, rank, i) - min + 1]++;
  for (guint64 b = 0; b < range; b++)
    starts[b + 1] += starts[b];
  {
    g_autofree guint32 *fill = g_memdup2 (starts, sizeof (guint32) * (range + 1));

    if (lows == NULL)
      for (guint i = 0; i < n; i++)
        order[fill[row_high (builder, rank, i) - min]++] = i;
    else
      for (guint i = 0; i < n; i++)
        {
          SortKey key = row_sort_key (builder, rank, i);
          guint32 at = fill[key.high - min]++;

          order[at] = i;
          lows[at] = key.low;
        }
  }
  /* Rows that came in the order of their ids, all of as many digits,
   * are in order within each bucket already. */
  for (guint64 b = 0; b < range && !in_order; b++)
    {
      guint first = starts[b], count = starts[b + 1] - starts[b];
      gboolean sorted = TRUE;

      if (count < 2)
        continue;
      if (lows != NULL)
        for (guint i = 1; i < count && sorted; i++)
          sorted = lows[first + i - 1] <= lows[first + i];
      else
        {
          guint64 previous = row_sort_key (builder, rank, order[first]).low;

          for (guint i = 1; i < count && sorted; i++)
            {
              guint64 low = row_sort_key (builder, rank, order[first + i]).low;

              sorted = previous <= low;
              previous = low;
            }
        }
      /* Rows of a file often come in id order already. */
      if (sorted)
        continue;
      g_array_set_size (bucket, count);
      for (guint i = 0; i < count; i++)
        {
          SortKey *key = &g_array_index (bucket, SortKey, i);

          key->high = 0;
          key->low = lows != NULL ? lows[first + i] : row_sort_key (builder, rank, order[first + i]).low;
          key->row = order[first + i];
        }
      qsort (bucket->data, count, sizeof (SortKey), compare_sort_keys);
      for (guint i = 0; i < count; i++)
        order[first + i] = g_array_index (bucket, SortKey, i).row;
    }
  return order;
}

/* The key of the pair of actor slots (+ 1) @s and @t: lower << 32 | higher. */
static inline guint64
pair_key (guint32 s,
          guint32 t)
{
  return (guint64) (MIN (s, t) - 1) << 32 | (MAX (s, t) - 1);
}

static gint
compare_u64 (gconstpointer a,
             gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

/* The order that finishing gives the rows of a builder, between sorting
 * them and putting them into columns. */
typedef struct
{
  BilatSegmentBuilder *builder;
  guint                n;
  guint32             *order;       /* the row at each place */
  gboolean             in_place;    /* the rows are in that order already */
  guint8              *rank;        /* builder prefix → its rank here */
  gboolean             keys_rising; /* order is the inverse of by_id */
} RowOrder;

static void
row_order_clear (RowOrder *rows)
{
  g_clear_pointer (&rows->order, g_free);
  g_clear_pointer (&rows->rank, g_free);
  g_clear_pointer (&rows->builder, _bilat_segment_builder_free);
}

/* A segment of @builder's tables' counts, its rows' prefixes ranked and
 * the rows put in order in @rows (which takes @builder). */
static BilatSegment *
finish_begin (BilatSegmentBuilder *builder,
              RowOrder            *rows)
{
  BilatSegment *self = g_new0 (BilatSegment, 1);
  guint n = builder->n_rows;
  guint n_prefixes = builder->prefixes.entries->len;
  g_autofree guint32 *prefix_order = g_new (guint32, n_prefixes);
  guint8 *rank = g_new0 (guint8, n_prefixes);
  guint32 *prefixes;
  gboolean keys_rising;

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->verify_lock);
  self->owned = g_ptr_array_new_with_free_func (g_free);
  self->n_rows = n;

  /* Prefixes in strcmp() order; entry 0 stays first. */
  for (guint p = 0; p < n_prefixes; p++)
    prefix_order[p] = *(const guint32 *) entries_get (&builder->prefixes, p);
  G_LOCK (sorting);
  sort_heap = (const char *) builder->strings.heap->data;
  sort_offsets = (const guint64 *) (gpointer) builder->strings.offsets->data;
  if (n_prefixes > 2)
    qsort (prefix_order + 1, n_prefixes - 1, sizeof (guint32), compare_string_indexes);
  G_UNLOCK (sorting);
  for (guint p = 1; p < n_prefixes; p++)
    for (guint q = 1; q < n_prefixes; q++)
      if (*(const guint32 *) entries_get (&builder->prefixes, q) == prefix_order[p])
        rank[q] = (guint8) p;
  prefixes = own (self, g_memdup2 (prefix_order, sizeof (guint32) * n_prefixes));
  self->prefixes = prefixes;
  self->n_prefixes = n_prefixes;

  keys_rising = builder->keys_rising;
  for (guint p = 2; p < n_prefixes && keys_rising; p++)
    keys_rising = rank[p] > rank[p - 1];

  rows->builder = builder;
  rows->n = n;
  rows->rank = rank;
  rows->keys_rising = keys_rising;
  rows->in_place = FALSE;
  /* Ids of as many digits are in the same order as numbers and as text. */
  rows->order = sort_rows (builder, rank, n,
                           keys_rising && n > 0 &&
                           count_digits (builder->min_number) == count_digits (builder->max_number));
  g_clear_pointer (&builder->days, g_array_unref);
  return self;
}

/* Whether the rows are put in order where they are, not read where they
 * are into new columns (see GATHER_LIMIT). */
static gboolean
rows_go_in_place (const RowOrder *rows)
{
  return rows->builder->lean || (guint64) rows->n * sizeof (Row) > GATHER_LIMIT;
}

/* Puts the rows in order where they are, following the cycles of the
 * permutation, each row moved once. Slower than reading them where they
 * are (a chain of cache misses), but the columns can then take the place
 * of the rows rather than add to them. */
static void
put_rows_in_place (RowOrder *rows)
{
  BilatSegmentBuilder *builder = rows->builder;
  const guint32 *order = rows->order;
  guint n = rows->n;
  g_autofree guint8 *done = g_new0 (guint8, n / 8 + 1);

  for (guint start = 0; start < n; start++)
    {
      Row carried;
      guint at = start;

      if (done[start >> 3] & (1u << (start & 7)) || order[start] == start)
        continue;
      carried = *row_at (builder, start);
      for (guint from = order[at];; )
        {
          guint next;

          done[at >> 3] |= (guint8) (1u << (at & 7));
          if (from == start)
            {
              *row_at (builder, at) = carried;
              break;
            }
          /* The row after this one is asked for before this one is
           * moved. */
          next = order[from];
          __builtin_prefetch (row_at (builder, next));
          *row_at (builder, at) = *row_at (builder, from);
          at = from;
          from = next;
        }
    }
  rows->in_place = TRUE;
}

/* Writes the rows at places @first to @first + @count into @columns, the
 * one at place i as entry i - @base, with their ids' prefixes ranked.
 * Rows in place are read in order, and each chunk of them is freed once
 * read to its end. */
static void
gather_rows (RowOrder *rows,
             guint     first,
             guint     count,
             gpointer  columns[N_COLUMNS],
             guint     base)
{
  BilatSegmentBuilder *builder = rows->builder;
  guint n = rows->n, end = first + count;
  guint64 *key = (guint64 *) columns[C_KEY] + (first - base);

  if (!rows->in_place)
    {
      const guint32 *order = rows->order;

      /* Each column written in order, each row read where it is: the
       * reads are independent, so the processor has many in flight. */
      for (guint i = first; i < end; i++)
        {
          if (i + 8 < n)
            __builtin_prefetch (row_at (builder, order[i + 8]));
          put_row_columns (columns, i - base, row_at (builder, order[i]));
        }
    }
  else
    for (guint i = first; i < end; )
      {
        guint c = i / CHUNK_ROWS;
        guint stop = (guint) MIN ((guint64) end, (guint64) (c + 1) * CHUNK_ROWS);
        const Row *chunk = g_ptr_array_index (builder->row_chunks, c);

        for (; i < stop; i++)
          put_row_columns (columns, i - base, &chunk[i - c * CHUNK_ROWS]);
        if (i == n || i % CHUNK_ROWS == 0)
          {
            g_free (g_ptr_array_index (builder->row_chunks, c));
            g_ptr_array_index (builder->row_chunks, c) = NULL;
          }
      }

  /* Ids with the prefixes' ranks. */
  for (guint i = 0; i < count; i++)
    key[i] = (guint64) rows->rank[key[i] >> 56] << 56 | (key[i] & ((G_GUINT64_CONSTANT (1) << 56) - 1));

  /* The last row read, the rows are no longer needed. */
  if (end == n)
    g_ptr_array_set_size (builder->row_chunks, 0);
}

/* Rows in id order, for look-ups. Where the rows came in id order (as
 * a file's rows do) and the prefixes' ranks keep that order, the row
 * added i-th has the i-th id: by_id is the inverse of the order the
 * rows were put in, with no sort; else the ids (self->key) are sorted. */
static void
finish_by_id (BilatSegment   *self,
              const RowOrder *rows)
{
  guint n = self->n_rows;
  guint32 *by_id = own (self, g_new (guint32, MAX (n, 1)));

  if (rows->keys_rising)
    for (guint i = 0; i < n; i++)
      by_id[rows->order[i]] = i;
  else
    {
      for (guint i = 0; i < n; i++)
        by_id[i] = i;
      sort_by_key (by_id, self->key, n);
    }
  self->by_id = by_id;
}

/* The sources, the strings and the tables, taken from @builder. */
static void
finish_tables (BilatSegment        *self,
               BilatSegmentBuilder *builder)
{
  /* Sources in id order. */
  G_LOCK (sorting);
  sort_heap = (const char *) builder->strings.heap->data;
  sort_offsets = (const guint64 *) (gpointer) builder->strings.offsets->data;
  if (builder->source_rows->len > 1)
    qsort (builder->source_rows->data, builder->source_rows->len, sizeof (SourceRow), compare_source_rows);
  G_UNLOCK (sorting);
  self->n_sources = builder->source_rows->len;
  {
    guint32 *ids = own (self, g_new (guint32, MAX (self->n_sources, 1)));
    guint32 *urls = own (self, g_new (guint32, MAX (self->n_sources, 1)));
    guint32 *publishers = own (self, g_new (guint32, MAX (self->n_sources, 1)));

    for (guint i = 0; i < self->n_sources; i++)
      {
        const SourceRow *source = &g_array_index (builder->source_rows, SourceRow, i);

        ids[i] = source->id;
        urls[i] = source->url;
        publishers[i] = source->publisher;
      }
    self->source_id = ids;
    self->source_url = urls;
    self->source_publisher = publishers;
  }

  /* The tables. */
  self->n_strings = builder->strings.offsets->len;
  self->string_offsets = own_array (self, g_steal_pointer (&builder->strings.offsets), NULL);
  self->heap = own (self, g_byte_array_free (g_steal_pointer (&builder->strings.heap), FALSE));
  self->sides = own_array (self, g_steal_pointer (&builder->sides.entries), &self->n_sides);
  self->places = own_array (self, g_steal_pointer (&builder->places.entries), &self->n_places);
  self->codes = own_array (self, g_steal_pointer (&builder->codes.entries), &self->n_codes);
  self->scores = own_array (self, g_steal_pointer (&builder->scores.entries), &self->n_scores);
}

/* The actors: the participants of the sides, in the order of their ids. */
static void
finish_actors (BilatSegment *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GArray *actors = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint s = 1; s < self->n_sides; s++)
    {
      guint32 participant = self->sides[s].participant;

      if (participant != 0 && g_hash_table_add (seen, GUINT_TO_POINTER (participant)))
        g_array_append_val (actors, participant);
    }
  G_LOCK (sorting);
  sort_heap = self->heap;
  sort_offsets = self->string_offsets;
  if (actors->len > 1)
    qsort (actors->data, actors->len, sizeof (guint32), compare_string_indexes);
  G_UNLOCK (sorting);
  self->actor_ids = own_array (self, actors, &self->n_actors);
}

/* Rows of each actor, and of each pair of actors, from the sides'
 * columns. */
static void
finish_indexes (BilatSegment *self)
{
  g_autofree guint32 *slot_of = g_new0 (guint32, MAX (self->n_strings, 1));
  g_autofree guint32 *side_slot = NULL;
  g_autofree guint32 *counts = NULL;
  g_autofree guint32 *fill = NULL;
  KeyTable pairs;         /* pair_key () and 1 → count, then place */
  guint32 *offsets, *rows, *pair_rows, *pair_offsets;
  guint64 *pair_keys;
  guint n = self->n_rows;

  for (guint a = 0; a < self->n_actors; a++)
    slot_of[self->actor_ids[a]] = a + 1;

  /* Each side's actor slot (slot + 1; 0: none), from the small table of
   * sides: a row's actors are one look-up each. */
  side_slot = g_new0 (guint32, MAX (self->n_sides, 1));
  for (guint s = 1; s < self->n_sides; s++)
    if (self->sides[s].participant != 0)
      side_slot[s] = slot_of[self->sides[s].participant];

  /* Two passes over the rows' sides: one counts the rows of each actor
   * and of each pair of actors (a row of two actors belongs to the pair
   * (lower, higher)), the other puts each row in its lists, so that
   * every list is in row order, with no sort of rows. */
  counts = g_new0 (guint32, self->n_actors + 1);
  key_table_init (&pairs);
  for (guint i = 0; i < n; i++)
    {
      guint32 s0 = side_slot[self->side[0][i]], s1 = side_slot[self->side[1][i]];

      counts[s0]++;
      counts[s1]++;
      if (s0 != 0 && s1 != 0 && s0 != s1)
        key_table_lookup (&pairs, pair_key (s0, s1), 1)->value++;
    }
  offsets = own (self, g_new (guint32, self->n_actors + 1));
  offsets[0] = 0;
  for (guint a = 0; a < self->n_actors; a++)
    offsets[a + 1] = offsets[a] + counts[a + 1];
  /* One more than the lists need: where the rows of no actor (slot 0)
   * go, written over and never read. */
  rows = own (self, g_new (guint32, offsets[self->n_actors] + 1));
  /* Where the next row of each actor goes, by slot + 1. */
  fill = g_new (guint32, self->n_actors + 1);
  fill[0] = offsets[self->n_actors];
  memcpy (fill + 1, offsets, sizeof (guint32) * self->n_actors);

  /* The pairs in order of their keys, and where the rows of each go;
   * each entry's count becomes the place of its next row. */
  self->n_pairs = pairs.n_used;
  pair_keys = own (self, g_new0 (guint64, MAX (pairs.n_used, 1)));
  pair_offsets = own (self, g_new (guint32, pairs.n_used + 1));
  {
    guint k = 0;

    for (guint e = 0; e <= pairs.mask; e++)
      if (pairs.slots[e].low != 0)
        pair_keys[k++] = pairs.slots[e].high;
    qsort (pair_keys, pairs.n_used, sizeof (guint64), compare_u64);
    pair_offsets[0] = 0;
    for (k = 0; k < pairs.n_used; k++)
      {
        KeySlot *entry = key_table_lookup (&pairs, pair_keys[k], 1);
        guint32 count = entry->value;

        entry->value = pair_offsets[k];
        pair_offsets[k + 1] = pair_offsets[k] + count;
      }
  }
  pair_rows = own (self, g_new (guint32, MAX (pair_offsets[pairs.n_used], 1)));
  for (guint i = 0; i < n; i++)
    {
      guint32 s0 = side_slot[self->side[0][i]], s1 = side_slot[self->side[1][i]];

      rows[fill[s0]] = i;
      fill[s0] += s0 != 0;
      rows[fill[s1]] = i;
      fill[s1] += s1 != 0;
      if (s0 != 0 && s1 != 0 && s0 != s1)
        pair_rows[key_table_lookup (&pairs, pair_key (s0, s1), 1)->value++] = i;
    }
  key_table_clear (&pairs);

  self->actor_offsets = offsets;
  self->actor_rows = rows;
  self->pair_keys = pair_keys;
  self->pair_offsets = pair_offsets;
  self->pair_rows = pair_rows;
}

/* Sets the segment's columns to @columns. */
static void
set_columns (BilatSegment *self,
             gpointer      columns[N_COLUMNS])
{
  self->key = columns[C_KEY];
  self->day = columns[C_DAY];
  self->side[0] = columns[C_SIDE0];
  self->side[1] = columns[C_SIDE1];
  self->cameo = columns[C_CAMEO];
  self->goldstein = columns[C_GOLDSTEIN];
  self->flags = columns[C_FLAGS];
  self->tone = columns[C_TONE];
  self->mentions = columns[C_MENTIONS];
  self->sources = columns[C_SOURCES];
  self->articles = columns[C_ARTICLES];
  self->added = columns[C_ADDED];
  self->place = columns[C_PLACE];
  self->title = columns[C_TITLE];
  self->cite = columns[C_CITE];
  self->url = columns[C_URL];
}

BilatSegment *
_bilat_segment_builder_finish (BilatSegmentBuilder *builder)
{
  RowOrder rows;
  BilatSegment *self = finish_begin (builder, &rows);
  gpointer columns[N_COLUMNS];

  for (guint c = 0; c < N_COLUMNS; c++)
    columns[c] = own (self, big_alloc (MAX (self->n_rows, 1) * column_sizes[c]));
  /* Past GATHER_LIMIT, the rows are put in order where they are, then
   * split into columns a chunk at a time, each chunk freed once split:
   * the peak stays at the rows' size. */
  if (rows_go_in_place (&rows))
    put_rows_in_place (&rows);
  gather_rows (&rows, 0, self->n_rows, columns, 0);
  builder->n_rows = 0;
  set_columns (self, columns);

  finish_by_id (self, &rows);
  finish_tables (self, builder);
  finish_actors (self);
  finish_indexes (self);
  _bilat_segment_derive (self);
  row_order_clear (&rows);
  return self;
}

/* Deferred segments */

struct _BilatDeferredRows
{
  RowOrder  rows;
  guint     next;       /* the place of the next row to gather */
  guint32  *side[2];    /* the sides' columns, kept for the indexes */
  guint64  *key;        /* the ids, where by_id needs them sorted; or NULL */
};

static void
deferred_rows_free (BilatDeferredRows *deferred)
{
  row_order_clear (&deferred->rows);
  g_free (deferred);
}

BilatSegment *
_bilat_segment_builder_finish_deferred (BilatSegmentBuilder *builder)
{
  BilatDeferredRows *deferred = g_new0 (BilatDeferredRows, 1);
  BilatSegment *self = finish_begin (builder, &deferred->rows);
  guint n = self->n_rows;

  if (rows_go_in_place (&deferred->rows))
    put_rows_in_place (&deferred->rows);
  if (deferred->rows.keys_rising)
    finish_by_id (self, &deferred->rows);
  else
    deferred->key = own (self, big_alloc (MAX (n, 1) * sizeof (guint64)));
  deferred->side[0] = own (self, big_alloc (MAX (n, 1) * sizeof (guint32)));
  deferred->side[1] = own (self, big_alloc (MAX (n, 1) * sizeof (guint32)));
  finish_tables (self, builder);
  finish_actors (self);
  self->deferred = deferred;
  return self;
}

gboolean
_bilat_segment_is_deferred (BilatSegment *self)
{
  return self->deferred != NULL;
}

void
_bilat_segment_gather_deferred (BilatSegment *self,
                                guint         first,
                                guint         count,
                                gpointer      columns[_BILAT_SEGMENT_N_COLUMNS])
{
  BilatDeferredRows *deferred = self->deferred;

  g_return_if_fail (deferred != NULL && first == deferred->next && count <= self->n_rows - first);

  gather_rows (&deferred->rows, first, count, columns, first);
  memcpy (deferred->side[0] + first, columns[C_SIDE0], sizeof (guint32) * count);
  memcpy (deferred->side[1] + first, columns[C_SIDE1], sizeof (guint32) * count);
  if (deferred->key != NULL)
    memcpy (deferred->key + first, columns[C_KEY], sizeof (guint64) * count);
  deferred->next += count;
}

void
_bilat_segment_end_deferred (BilatSegment *self)
{
  BilatDeferredRows *deferred = self->deferred;

  g_return_if_fail (deferred != NULL && deferred->next == self->n_rows);

  self->side[0] = deferred->side[0];
  self->side[1] = deferred->side[1];
  if (deferred->key != NULL)
    {
      self->key = deferred->key;
      finish_by_id (self, &deferred->rows);
    }
  finish_indexes (self);
  _bilat_segment_derive (self);
  self->deferred = NULL;
  deferred_rows_free (deferred);
}

/* The segment */

BilatSegment *
_bilat_segment_ref (BilatSegment *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
_bilat_segment_unref (BilatSegment *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->deferred, deferred_rows_free);
  g_ptr_array_unref (self->owned);
  g_clear_pointer (&self->bulk, _bilat_bulk_strings_free);
  if (self->verify_data_free != NULL)
    self->verify_data_free (self->verify_data);
  g_clear_error (&self->damage);
  g_free (self->origin);
  g_mutex_clear (&self->verify_lock);
  if (self->mapping_free != NULL)
    self->mapping_free (self->mapping);
  g_free (self);
}

const char *
_bilat_segment_get_origin (BilatSegment *self)
{
  return self->origin;
}

gboolean
_bilat_segment_is_verified (BilatSegment *self)
{
  return self->verify == NULL || g_atomic_int_get (&self->verified) == 1;
}

gboolean
_bilat_segment_ensure_verified (BilatSegment  *self,
                                GError       **error)
{
  gboolean ok;

  if (_bilat_segment_is_verified (self))
    return TRUE;

  g_mutex_lock (&self->verify_lock);
  if (g_atomic_int_get (&self->verified) == 0)
    {
      GError *local = NULL;

      if (self->verify (self->verify_data, &local))
        {
          _bilat_segment_derive (self);
          g_atomic_int_set (&self->verified, 1);
        }
      else
        {
          self->damage = local;
          g_atomic_int_set (&self->verified, -1);
        }
      /* What the check needed is no longer needed. */
      if (self->verify_data_free != NULL)
        self->verify_data_free (self->verify_data);
      self->verify_data = NULL;
      self->verify_data_free = NULL;
    }
  ok = g_atomic_int_get (&self->verified) == 1;
  if (!ok)
    g_propagate_error (error, g_error_copy (self->damage));
  g_mutex_unlock (&self->verify_lock);
  return ok;
}

guint
_bilat_segment_get_n_rows (BilatSegment *self)
{
  return self->n_rows;
}

guint
_bilat_segment_get_n_sources (BilatSegment *self)
{
  return self->n_sources;
}

static inline const char *
text_at (BilatSegment *self,
         guint32       index)
{
  return index != 0 ? self->heap + self->string_offsets[index] : NULL;
}

guint32
_bilat_segment_get_day (BilatSegment *self,
                        guint         row)
{
  return self->day[row];
}

const char *
_bilat_segment_bulk_text (BilatSegment *self,
                          guint32       index)
{
  if (index == 0)
    return NULL;
  if (self->bulk != NULL)
    return _bilat_bulk_strings_get (self->bulk, index);
  return text_at (self, index);
}

static const char *
prefix_of (BilatSegment *self,
           guint64       key)
{
  return text_at (self, self->prefixes[key >> 56]);
}

void
_bilat_segment_format_id (BilatSegment *self,
                          guint         row,
                          char          buffer[48])
{
  guint64 key = self->key[row];
  guint64 number = key & ((G_GUINT64_CONSTANT (1) << 56) - 1);
  const char *prefix = prefix_of (self, key);
  gsize length = strlen (prefix);
  char digits[24];
  guint n = 0;

  /* Prefixes are short (checked on loading) and numbers at most 17
   * digits: this always fits. */
  do
    {
      digits[n++] = (char) ('0' + number % 10);
      number /= 10;
    }
  while (number > 0);
  length = MIN (length, 48 - 1 - n);
  memcpy (buffer, prefix, length);
  while (n > 0)
    buffer[length++] = digits[--n];
  buffer[length] = '\0';
}

const char *
_bilat_segment_get_source_id (BilatSegment *self,
                              guint         row)
{
  return text_at (self, self->source_id[row]);
}

static BilatDate *
date_of_day (guint32 julian)
{
  int year, month, day;

  _bilat_julian_to_civil (julian, &year, &month, &day);
  return bilat_date_new_day (year, month, day, NULL);
}

int
_bilat_segment_compare_event (BilatSegment *self,
                              guint         row,
                              BilatDate    *date,
                              const char   *id)
{
  guint32 day = self->day[row];
  char buffer[48];
  int order;

  /* Unknown dates sort last; most comparisons are settled by the day. */
  if (date == NULL || day < bilat_date_get_first_julian (date))
    return -1;
  if (day > bilat_date_get_first_julian (date))
    return 1;
  {
    g_autoptr(BilatDate) own = date_of_day (day);

    order = bilat_date_compare (own, date);
  }
  if (order != 0)
    return order;
  _bilat_segment_format_id (self, row, buffer);
  return strcmp (buffer, id);
}

guint
_bilat_segment_event_lower_bound (BilatSegment *self,
                                  BilatDate    *date,
                                  const char   *id)
{
  guint low = 0, high = self->n_rows;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (_bilat_segment_compare_event (self, middle, date, id) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

guint
_bilat_segment_day_lower_bound (BilatSegment *self,
                                guint32       julian)
{
  guint low = 0, high = self->n_rows;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (self->day[middle] < julian)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

gint64
_bilat_segment_find_event (BilatSegment *self,
                           const char   *id)
{
  gsize prefix_length;
  guint64 number, key;
  guint low = 0, high = self->n_rows;
  guint p;

  if (!_bilat_segment_split_id (id, &prefix_length, &number))
    return -1;
  for (p = 1; p < self->n_prefixes; p++)
    {
      const char *prefix = text_at (self, self->prefixes[p]);

      if (strlen (prefix) == prefix_length && strncmp (prefix, id, prefix_length) == 0)
        break;
    }
  if (p >= self->n_prefixes)
    return -1;
  key = (guint64) p << 56 | number;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (self->key[self->by_id[middle]] < key)
        low = middle + 1;
      else
        high = middle;
    }
  if (low < self->n_rows && self->key[self->by_id[low]] == key)
    return self->by_id[low];
  return -1;
}

guint
_bilat_segment_source_lower_bound (BilatSegment *self,
                                   const char   *id)
{
  guint low = 0, high = self->n_sources;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (strcmp (text_at (self, self->source_id[middle]), id) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

gint64
_bilat_segment_find_source (BilatSegment *self,
                            const char   *id)
{
  guint row = _bilat_segment_source_lower_bound (self, id);

  if (row < self->n_sources && strcmp (text_at (self, self->source_id[row]), id) == 0)
    return row;
  return -1;
}

static const Side no_side = { 0, 0, 0, 0 };

static const Side *
side_at (BilatSegment *self,
         guint         row,
         guint         which)
{
  guint32 index = self->side[which][row];

  return index != 0 ? &self->sides[index] : &no_side;
}

void
_bilat_segment_get_participants (BilatSegment  *self,
                                 guint          row,
                                 const char   **first,
                                 const char   **second)
{
  *first = text_at (self, side_at (self, row, 0)->participant);
  *second = text_at (self, side_at (self, row, 1)->participant);
}

static inline double
row_goldstein (BilatSegment *self,
               guint         row)
{
  guint16 own_score = self->goldstein[row];

  return own_score != 0 ? self->scores[own_score] : self->code_goldstein[self->cameo[row]];
}

void
_bilat_segment_get_figures (BilatSegment   *self,
                            guint           row,
                            double         *goldstein,
                            BilatQuadClass *quad_class)
{
  *goldstein = row_goldstein (self, row);
  *quad_class = self->code_quad[self->cameo[row]];
}

static void
append_title (BilatSegment *self,
              guint         row,
              GString      *out)
{
  const char *names[2][2];

  if (self->title[row] != 0)
    {
      g_string_append (out, _bilat_segment_bulk_text (self, self->title[row]));
      return;
    }
  for (guint i = 0; i < 2; i++)
    {
      const Side *side = side_at (self, row, i);

      names[i][0] = text_at (self, side->name);
      names[i][1] = text_at (self, side->code);
    }
  build_title_named (names, text_at (self, self->codes[self->cameo[row]]),
                     self->code_name[self->cameo[row]], out);
}

BilatCodedEvent *
_bilat_segment_make_event (BilatSegment *self,
                           guint         row)
{
  const Side *first = side_at (self, row, 0);
  const Side *second = side_at (self, row, 1);
  g_autoptr(BilatDate) date = date_of_day (self->day[row]);
  g_autoptr(GString) title = g_string_new (NULL);
  BilatCodedEvent *coded;
  BilatEvent *event;
  char id[48];

  _bilat_segment_format_id (self, row, id);
  coded = bilat_coded_event_new (id, (BilatEventFormat) (self->flags[row] >> DATASET_SHIFT));
  event = BILAT_EVENT (coded);

  bilat_event_set_date (event, date);
  if (first->participant != 0)
    bilat_event_add_participant (event, text_at (self, first->participant), BILAT_ROLE_INITIATOR);
  if (second->participant != 0)
    bilat_event_add_participant (event, text_at (self, second->participant), BILAT_ROLE_TARGET);
  if (self->cameo[row] != 0)
    bilat_event_set_cameo_code (event, text_at (self, self->codes[self->cameo[row]]));
  if (self->goldstein[row] != 0)
    bilat_event_set_goldstein (event, self->scores[self->goldstein[row]]);
  append_title (self, row, title);
  bilat_event_set_title (event, title->str);
  if (self->place[row] != 0)
    {
      const PlaceEntry *entry = &self->places[self->place[row]];
      g_autoptr(BilatPlace) place = NULL;

      if (entry->has_coordinates)
        place = bilat_place_new_with_coordinates (text_at (self, entry->name),
                                                  text_at (self, entry->subdivision),
                                                  text_at (self, entry->country),
                                                  entry->latitude, entry->longitude);
      else
        place = bilat_place_new (text_at (self, entry->name), text_at (self, entry->subdivision),
                                 text_at (self, entry->country));
      bilat_event_set_place (event, place);
    }
  if (self->cite[row] != 0)
    {
      g_autofree char *from_url = NULL;
      g_autoptr(BilatCitation) citation = NULL;
      const char *source;

      if (self->cite[row] == CITE_URL)
        {
          const char *url = _bilat_segment_bulk_text (self, self->url[row]);

          source = from_url = url_source_id (url, strlen (url));
        }
      else
        source = _bilat_segment_bulk_text (self, self->cite[row]);
      citation = bilat_citation_new (source, 0, -1, -1, NULL);
      bilat_record_add_citation (BILAT_RECORD (event), citation);
    }

  bilat_coded_event_set_actor1_code (coded, text_at (self, first->code));
  bilat_coded_event_set_actor1_name (coded, text_at (self, first->name));
  bilat_coded_event_set_actor1_types (coded, text_at (self, first->types));
  bilat_coded_event_set_actor2_code (coded, text_at (self, second->code));
  bilat_coded_event_set_actor2_name (coded, text_at (self, second->name));
  bilat_coded_event_set_actor2_types (coded, text_at (self, second->types));
  bilat_coded_event_set_root_event (coded, (self->flags[row] & FLAG_ROOT) != 0);
  bilat_coded_event_set_mentions (coded, self->mentions[row]);
  bilat_coded_event_set_sources (coded, self->sources[row]);
  bilat_coded_event_set_articles (coded, self->articles[row]);
  bilat_coded_event_set_tone (coded, self->tone[row]);
  bilat_coded_event_set_url (coded, _bilat_segment_bulk_text (self, self->url[row]));
  if (self->added[row] != 0)
    {
      g_autoptr(BilatDate) added = date_of_day (self->added[row]);

      bilat_coded_event_set_date_added (coded, added);
    }
  return coded;
}

BilatSource *
_bilat_segment_make_source (BilatSegment *self,
                            guint         row)
{
  BilatSource *source = bilat_source_new (text_at (self, self->source_id[row]));

  if (self->source_url[row] != 0)
    bilat_source_set_url (source, _bilat_segment_bulk_text (self, self->source_url[row]));
  if (self->source_publisher[row] != 0)
    bilat_source_set_publisher (source, _bilat_segment_bulk_text (self, self->source_publisher[row]));
  return source;
}

static gint64
find_actor (BilatSegment *self,
            const char   *actor)
{
  guint low = 0, high = self->n_actors;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      int order = strcmp (text_at (self, self->actor_ids[middle]), actor);

      if (order == 0)
        return middle;
      if (order < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return -1;
}

const guint32 *
_bilat_segment_get_actor_rows (BilatSegment *self,
                               const char   *actor,
                               guint        *n_rows)
{
  gint64 slot = find_actor (self, actor);

  if (slot < 0)
    {
      *n_rows = 0;
      return NULL;
    }
  *n_rows = self->actor_offsets[slot + 1] - self->actor_offsets[slot];
  return self->actor_rows + self->actor_offsets[slot];
}

GPtrArray *
_bilat_segment_list_actors (BilatSegment *self)
{
  GPtrArray *actors = g_ptr_array_sized_new (self->n_actors);

  for (guint a = 0; a < self->n_actors; a++)
    g_ptr_array_add (actors, (gpointer) text_at (self, self->actor_ids[a]));
  return actors;
}

/* Queries on the columns */

struct _BilatSegmentMatcher
{
  BilatSegment *segment;
  gboolean      nothing;
  guint32       first_day;
  guint32       last_day;
  guint8       *code_ok;       /* per code, or NULL: any */
  char         *text_folded;
  /* Participant strings each filter accepts; NULL: no such filter. */
  GArray       *any_of;        /* of guint32 */
  GArray       *side_a;
  GArray       *side_b;
  /* Candidate rows, sorted, or NULL: the rows of the period. */
  GArray       *candidates;
  /* The candidates are the dyad's rows exactly: its test is done. */
  gboolean      exact_dyad;
  /* Nothing but the period to test on a candidate. */
  gboolean      trivial;
};

static gint64
find_string (BilatSegment *self,
             const char   *text)
{
  gint64 slot = find_actor (self, text);

  return slot >= 0 ? (gint64) self->actor_ids[slot] : -1;
}

static GArray *
participant_set (BilatSegment       *self,
                 const char * const *ids)
{
  GArray *set = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      gint64 index = find_string (self, ids[i]);

      if (index >= 0)
        {
          guint32 value = (guint32) index;

          g_array_append_val (set, value);
        }
    }
  return set;
}

static inline gboolean
set_has (const GArray *set,
         guint32       value)
{
  if (value == 0)
    return FALSE;
  for (guint i = 0; i < set->len; i++)
    if (g_array_index (set, guint32, i) == value)
      return TRUE;
  return FALSE;
}

static int
compare_guint32 (gconstpointer a,
                 gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

/* The rows of the actors of @set, sorted, each once. */
static GArray *
rows_of (BilatSegment *self,
         const GArray *set)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint kept = 0;

  for (guint i = 0; i < set->len; i++)
    {
      const char *actor = text_at (self, g_array_index (set, guint32, i));
      guint n;
      const guint32 *found = _bilat_segment_get_actor_rows (self, actor, &n);

      g_array_append_vals (rows, found, n);
    }
  if (set->len > 1)
    {
      g_array_sort (rows, compare_guint32);
      for (guint i = 0; i < rows->len; i++)
        if (kept == 0 || g_array_index (rows, guint32, i) != g_array_index (rows, guint32, kept - 1))
          g_array_index (rows, guint32, kept++) = g_array_index (rows, guint32, i);
      g_array_set_size (rows, kept);
    }
  return rows;
}


/* The rows of the pairs of an actor of @set_a and an actor of @set_b
 * (participant strings), sorted, each once: the rows of that dyad. */
static GArray *
pair_rows_of (BilatSegment *self,
              const GArray *set_a,
              const GArray *set_b)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint lists = 0;

  for (guint i = 0; i < set_a->len; i++)
    for (guint j = 0; j < set_b->len; j++)
      {
        gint64 a = find_actor (self, text_at (self, g_array_index (set_a, guint32, i)));
        gint64 b = find_actor (self, text_at (self, g_array_index (set_b, guint32, j)));
        guint64 key;
        guint low = 0, high = self->n_pairs;

        if (a < 0 || b < 0 || a == b)
          continue;
        key = a < b ? (guint64) a << 32 | (guint64) b : (guint64) b << 32 | (guint64) a;
        while (low < high)
          {
            guint middle = low + (high - low) / 2;

            if (self->pair_keys[middle] < key)
              low = middle + 1;
            else
              high = middle;
          }
        if (low < self->n_pairs && self->pair_keys[low] == key)
          {
            g_array_append_vals (rows, self->pair_rows + self->pair_offsets[low],
                                 self->pair_offsets[low + 1] - self->pair_offsets[low]);
            lists++;
          }
      }

  /* Several pairs (succession, or the same pair named twice): in row
   * order, each row once. */
  if (lists > 1)
    {
      guint kept = 0;

      g_array_sort (rows, compare_guint32);
      for (guint i = 0; i < rows->len; i++)
        if (kept == 0 || g_array_index (rows, guint32, i) != g_array_index (rows, guint32, kept - 1))
          g_array_index (rows, guint32, kept++) = g_array_index (rows, guint32, i);
      g_array_set_size (rows, kept);
    }
  return rows;
}

BilatSegmentMatcher *
_bilat_segment_matcher_new (BilatSegment               *self,
                            const BilatSegmentCriteria *criteria)
{
  BilatSegmentMatcher *matcher = g_new0 (BilatSegmentMatcher, 1);
  const char *prefix;
  BilatQuadClass quad;
  GPtrArray *lineages;

  matcher->segment = _bilat_segment_ref (self);
  matcher->first_day = 0;
  matcher->last_day = G_MAXUINT32;

  if (criteria == NULL)
    return matcher;

  if (criteria->nothing)
    {
      matcher->nothing = TRUE;
      return matcher;
    }

  matcher->first_day = criteria->first_day;
  matcher->last_day = criteria->last_day;
  prefix = criteria->cameo_prefix;
  quad = criteria->quad_class;
  lineages = criteria->lineages;

  if (prefix != NULL || quad != BILAT_QUAD_CLASS_NONE)
    {
      matcher->code_ok = g_new0 (guint8, self->n_codes + 1);
      for (guint c = 1; c < self->n_codes; c++)
        {
          const char *code = text_at (self, self->codes[c]);

          matcher->code_ok[c] = (prefix == NULL || g_str_has_prefix (code, prefix)) &&
                                (quad == BILAT_QUAD_CLASS_NONE || self->code_quad[c] == quad);
        }
    }

  if (criteria->text != NULL)
    matcher->text_folded = g_utf8_casefold (criteria->text, -1);

  if (lineages != NULL && lineages->len > 0)
    {
      matcher->any_of = g_array_new (FALSE, FALSE, sizeof (guint32));
      for (guint i = 0; i < lineages->len; i++)
        {
          g_autoptr(GArray) set = participant_set (self, g_ptr_array_index (lineages, i));

          g_array_append_vals (matcher->any_of, set->data, set->len);
        }
      matcher->candidates = rows_of (self, matcher->any_of);
    }

  if (criteria->side_a != NULL && criteria->side_b != NULL)
    {
      matcher->side_a = participant_set (self, criteria->side_a);
      matcher->side_b = participant_set (self, criteria->side_b);
      if (matcher->candidates == NULL)
        {
          matcher->candidates = pair_rows_of (self, matcher->side_a, matcher->side_b);
          matcher->exact_dyad = TRUE;
        }
    }
  matcher->trivial = matcher->code_ok == NULL && matcher->text_folded == NULL &&
                     matcher->any_of == NULL && (matcher->side_a == NULL || matcher->exact_dyad);
  return matcher;
}

void
_bilat_segment_matcher_free (BilatSegmentMatcher *matcher)
{
  if (matcher == NULL)
    return;
  _bilat_segment_unref (matcher->segment);
  g_free (matcher->code_ok);
  g_free (matcher->text_folded);
  g_clear_pointer (&matcher->any_of, g_array_unref);
  g_clear_pointer (&matcher->side_a, g_array_unref);
  g_clear_pointer (&matcher->side_b, g_array_unref);
  g_clear_pointer (&matcher->candidates, g_array_unref);
  g_free (matcher);
}

static gboolean
row_matches (BilatSegmentMatcher *matcher,
             guint                row)
{
  BilatSegment *self = matcher->segment;
  guint32 day = self->day[row];

  if (day < matcher->first_day || day > matcher->last_day)
    return FALSE;
  if (matcher->code_ok != NULL && !matcher->code_ok[self->cameo[row]])
    return FALSE;
  if (matcher->any_of != NULL &&
      !set_has (matcher->any_of, side_at (self, row, 0)->participant) &&
      !set_has (matcher->any_of, side_at (self, row, 1)->participant))
    return FALSE;
  if (matcher->side_a != NULL && !matcher->exact_dyad)
    {
      guint32 p0 = side_at (self, row, 0)->participant;
      guint32 p1 = side_at (self, row, 1)->participant;

      if (!((set_has (matcher->side_a, p0) && set_has (matcher->side_b, p1)) ||
            (set_has (matcher->side_a, p1) && set_has (matcher->side_b, p0))))
        return FALSE;
    }
  if (matcher->text_folded != NULL)
    {
      g_autoptr(GString) title = g_string_new (NULL);
      g_autofree char *folded = NULL;

      append_title (self, row, title);
      folded = g_utf8_casefold (title->str, (gssize) title->len);
      if (strstr (folded, matcher->text_folded) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The slice [*first, *end) of the candidates whose day is in the
 * matcher's period. */
static void
candidates_in_period (BilatSegmentMatcher *matcher,
                      guint               *first,
                      guint               *end)
{
  BilatSegment *self = matcher->segment;
  const guint32 *rows = (const guint32 *) (gpointer) matcher->candidates->data;
  guint n = matcher->candidates->len;
  guint low = 0, high = n;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (self->day[rows[middle]] < matcher->first_day)
        low = middle + 1;
      else
        high = middle;
    }
  *first = low;
  high = n;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (self->day[rows[middle]] <= matcher->last_day)
        low = middle + 1;
      else
        high = middle;
    }
  *end = low;
}

static inline gboolean
is_dead (const guint8 *dead,
         guint         row)
{
  return dead != NULL && (dead[row >> 3] & (1u << (row & 7))) != 0;
}

/* Calls @func on every matching row, in row order. */
static void
matcher_foreach (BilatSegmentMatcher *matcher,
                 const guint8        *dead,
                 void               (*func) (BilatSegmentMatcher *, guint, gpointer),
                 gpointer             data)
{
  BilatSegment *self = matcher->segment;

  if (matcher->nothing)
    return;

  if (matcher->candidates != NULL)
    {
      const guint32 *rows = (const guint32 *) (gpointer) matcher->candidates->data;
      guint first, end;

      /* The candidates are in row order, so in day order too: the period
       * is a slice, found by binary search. */
      candidates_in_period (matcher, &first, &end);
      for (guint i = first; i < end; i++)
        {
          guint row = rows[i];

          if (!is_dead (dead, row) && (matcher->trivial || row_matches (matcher, row)))
            func (matcher, row, data);
        }
      return;
    }

  for (guint row = _bilat_segment_day_lower_bound (self, matcher->first_day);
       row < self->n_rows && self->day[row] <= matcher->last_day; row++)
    if (!is_dead (dead, row) && row_matches (matcher, row))
      func (matcher, row, data);
}

static void
collect_row (BilatSegmentMatcher *matcher,
             guint                row,
             gpointer             data)
{
  guint32 value = row;

  g_array_append_val ((GArray *) data, value);
}

GArray *
_bilat_segment_matcher_run (BilatSegmentMatcher *matcher,
                            const guint8        *dead)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (guint32));

  matcher_foreach (matcher, dead, collect_row, rows);
  return rows;
}

/* Counting into a series: rows come in day order, so each bin's rows
 * form one run, summed from zero in row order and then set at once, which
 * gives the bin exactly what adding them one by one would. */
typedef struct
{
  BilatSeries    *series;
  BilatSeriesUnit unit;
  guint32         last_day;
  gint64          key;
  gboolean        open;
  guint64         count;
  double          goldstein_sum;
  guint64         goldstein_count;
  guint64         quad[5];
  GArray         *run;          /* the rows of the run, should it be replayed,
                                 * or NULL: they are the rows from run_start */
  guint           run_start;
} Counting;

static void
flush_run (BilatSegment *self,
           Counting     *counting)
{
  if (!counting->open)
    return;
  counting->open = FALSE;
  if (_bilat_series_add_run (counting->series, counting->key, counting->count,
                             counting->goldstein_sum, counting->goldstein_count, counting->quad + 1))
    return;

  /* The bin had events: add these one by one after them. */
  for (guint i = 0; i < counting->count; i++)
    {
      guint row = counting->run != NULL ? g_array_index (counting->run, guint32, i) : counting->run_start + i;

      _bilat_series_add_key (counting->series, counting->key, row_goldstein (self, row),
                             self->code_quad[self->cameo[row]]);
    }
}

static inline void
count_one (BilatSegment *self,
           Counting     *counting,
           guint         row)
{
  guint32 day = self->day[row];
  double goldstein;

  if (day != counting->last_day)
    {
      int year, month, d;
      gint64 key;

      _bilat_julian_to_civil (day, &year, &month, &d);
      key = _bilat_series_key_for_civil (counting->unit, year, month, d);
      counting->last_day = day;
      if (!counting->open || key != counting->key)
        {
          flush_run (self, counting);
          counting->open = TRUE;
          counting->key = key;
          counting->count = 0;
          counting->goldstein_sum = 0.0;
          counting->goldstein_count = 0;
          memset (counting->quad, 0, sizeof counting->quad);
          if (counting->run != NULL)
            g_array_set_size (counting->run, 0);
          counting->run_start = row;
        }
    }
  goldstein = row_goldstein (self, row);
  counting->count++;
  if (!isnan (goldstein))
    {
      counting->goldstein_sum += goldstein;
      counting->goldstein_count++;
    }
  counting->quad[self->code_quad[self->cameo[row]] <= 4 ? self->code_quad[self->cameo[row]] : 0]++;
  if (counting->run != NULL)
    g_array_append_val (counting->run, row);
}

/* Adds @packed, five 12-bit counts (one per QuadClass), to @counting. */
static inline void
unpack_quads (Counting *counting,
              guint64   packed)
{
  for (guint q = 0; q < 5; q++)
    counting->quad[q] += (packed >> (12 * q)) & 0xfff;
}

/* count_one() over the rows @first to @end: each day's rows in a tight
 * loop with the figures in registers (the QuadClass counts packed in one
 * word), the same sums in the same order. */
static void
count_sweep (BilatSegment *self,
             Counting     *counting,
             guint         first,
             guint         end)
{
  const guint32 *days = self->day;
  const guint16 *cameo = self->cameo;
  const guint16 *own = self->goldstein;
  const double *scores = self->scores;
  const double *code_goldstein = self->code_goldstein;
  g_autofree guint64 *quad_step = g_new (guint64, self->n_codes + 1);

  for (guint c = 0; c <= self->n_codes; c++)
    {
      guint q = c < self->n_codes ? self->code_quad[c] : 0;

      quad_step[c] = G_GUINT64_CONSTANT (1) << (12 * (q <= 4 ? q : 0));
    }

  for (guint row = first; row < end; )
    {
      guint32 day = days[row];
      guint r = row + 1;
      double sum;
      guint64 n_scored = 0, packed = 0;
      guint in_packed = 0;

      /* The first row of a day opens or joins its bin; the others of the
       * day are in it too. */
      count_one (self, counting, row);
      if (counting->run != NULL)
        {
          for (; r < end && days[r] == day; r++)
            count_one (self, counting, r);
          row = r;
          continue;
        }
      sum = counting->goldstein_sum;
      for (; r < end && days[r] == day; r++)
        {
          guint16 code = cameo[r];
          double goldstein = own[r] != 0 ? scores[own[r]] : code_goldstein[code];

          if (!isnan (goldstein))
            {
              sum += goldstein;
              n_scored++;
            }
          packed += quad_step[code];
          if (++in_packed == 4095)
            {
              unpack_quads (counting, packed);
              packed = 0;
              in_packed = 0;
            }
        }
      unpack_quads (counting, packed);
      counting->goldstein_sum = sum;
      counting->goldstein_count += n_scored;
      counting->count += r - row - 1;
      row = r;
    }
}

static void
count_row (BilatSegmentMatcher *matcher,
           guint                row,
           gpointer             data)
{
  count_one (matcher->segment, data, row);
}

void
_bilat_segment_matcher_count (BilatSegmentMatcher *matcher,
                              const guint8        *dead,
                              BilatSeries         *series)
{
  BilatSegment *self = matcher->segment;
  Counting counting = { series, bilat_series_get_unit (series), 0, 0, FALSE };

  if (!matcher->nothing && matcher->candidates == NULL && matcher->code_ok == NULL &&
      matcher->any_of == NULL && matcher->side_a == NULL && matcher->text_folded == NULL &&
      dead == NULL)
    {
      /* Every row of a period: one sweep, nothing to test. */
      guint first = _bilat_segment_day_lower_bound (self, matcher->first_day);
      guint end = matcher->last_day == G_MAXUINT32 ? self->n_rows
                                                   : _bilat_segment_day_lower_bound (self, matcher->last_day + 1);

      count_sweep (self, &counting, first, end);
    }
  else
    {
      counting.run = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 4096);
      matcher_foreach (matcher, dead, count_row, &counting);
    }
  flush_run (self, &counting);
  g_clear_pointer (&counting.run, g_array_unref);
}

void
_bilat_segment_builder_set_lean (BilatSegmentBuilder *self,
                                 gboolean             lean)
{
  self->lean = lean;
  /* The days beside the rows cost four bytes a row, which a lean builder
   * does not spend: it reads the days from the rows. Kept from the first
   * row only. */
  if (lean)
    g_clear_pointer (&self->days, g_array_unref);
  else if (self->days == NULL && self->n_rows == 0)
    self->days = g_array_new (FALSE, FALSE, sizeof (guint32));
}

void
_bilat_segment_builder_set_line (BilatSegmentBuilder *self,
                                 guint32              line)
{
  self->line = line;
}

guint64
_bilat_segment_builder_get_key (BilatSegmentBuilder *self,
                                guint                index)
{
  return row_at (self, index)->key;
}

guint32
_bilat_segment_builder_get_line (BilatSegmentBuilder *self,
                                 guint                index)
{
  return row_at (self, index)->line;
}

gboolean
_bilat_segment_builder_key_of_id (BilatSegmentBuilder *self,
                                  const char          *id,
                                  guint64             *key)
{
  gsize prefix_length;
  guint64 number;

  if (!_bilat_segment_split_id (id, &prefix_length, &number))
    return FALSE;
  for (guint p = 1; p < self->prefixes.entries->len; p++)
    {
      const char *prefix = strings_get (&self->strings, *(const guint32 *) entries_get (&self->prefixes, p));

      if (strlen (prefix) == prefix_length && memcmp (prefix, id, prefix_length) == 0)
        {
          *key = (guint64) p << 56 | number;
          return TRUE;
        }
    }
  return FALSE;
}

guint32 *
_bilat_segment_builder_sort_by_key (BilatSegmentBuilder *self)
{
  guint n = self->n_rows;
  guint32 *rows = g_new (guint32, MAX (n, 1));
  g_autofree guint32 *other = g_new (guint32, MAX (n, 1));
  g_autofree guint32 *counts = g_new (guint32, 2048);
  guint32 *from = rows, *to = other;

  for (guint i = 0; i < n; i++)
    rows[i] = i;
  /* Least significant digit first, 11 bits a pass, stable: rows with
   * one key stay in the order they were added. */
  for (guint shift = 0; shift < 64; shift += 11)
    {
      gboolean constant = FALSE;
      guint32 sum = 0;

      memset (counts, 0, sizeof (guint32) * 2048);
      for (guint i = 0; i < n; i++)
        counts[(row_at (self, from[i])->key >> shift) & 2047]++;
      for (guint d = 0; d < 2048; d++)
        {
          guint32 c = counts[d];

          if (c == n)
            constant = TRUE;
          counts[d] = sum;
          sum += c;
        }
      if (constant)
        continue;
      for (guint i = 0; i < n; i++)
        to[counts[(row_at (self, from[i])->key >> shift) & 2047]++] = from[i];
      {
        guint32 *swap = from;

        from = to;
        to = swap;
      }
    }
  if (from != rows)
    memcpy (rows, from, sizeof (guint32) * n);
  return rows;
}

void
_bilat_segment_builder_format_id (BilatSegmentBuilder *self,
                                  guint                index,
                                  char                 buffer[48])
{
  guint64 key = row_at (self, index)->key;
  const guint32 *prefix = entries_get (&self->prefixes, (guint32) (key >> 56));

  g_snprintf (buffer, 48, "%s%" G_GUINT64_FORMAT, strings_get (&self->strings, *prefix),
              key & ((G_GUINT64_CONSTANT (1) << 56) - 1));
}

void
_bilat_segment_builder_remove_rows (BilatSegmentBuilder *self,
                                    const guint8        *removed)
{
  guint kept = 0;

  for (guint i = 0; i < self->n_rows; i++)
    if ((removed[i >> 3] & (1u << (i & 7))) == 0)
      {
        *row_at (self, kept) = *row_at (self, i);
        if (self->days != NULL)
          g_array_index (self->days, guint32, kept) = g_array_index (self->days, guint32, i);
        kept++;
      }
  set_n_rows (self, kept);
}

/* Makes @segment the one rows are copied from (NULL: none). */
static void
copying_from (BilatSegmentBuilder *self,
              BilatSegment        *segment)
{
  if (self->from.segment == segment)
    return;
  g_clear_pointer (&self->from.segment, _bilat_segment_unref);
  g_clear_pointer (&self->from.strings, g_free);
  g_clear_pointer (&self->from.bulk, g_free);
  g_clear_pointer (&self->from.sides, g_free);
  g_clear_pointer (&self->from.places, g_free);
  g_clear_pointer (&self->from.codes, g_free);
  g_clear_pointer (&self->from.scores, g_free);
  g_clear_pointer (&self->from.prefixes, g_free);
  if (segment == NULL)
    return;
  self->from.segment = _bilat_segment_ref (segment);
  self->from.strings = g_new0 (guint32, segment->n_strings + 1);
  self->from.bulk = g_new0 (guint32, (segment->bulk != NULL ? _bilat_bulk_strings_get_n (segment->bulk)
                                                             : segment->n_strings) + 1);
  self->from.sides = g_new0 (guint32, segment->n_sides + 1);
  self->from.places = g_new0 (guint32, segment->n_places + 1);
  self->from.codes = g_new0 (guint32, segment->n_codes + 1);
  self->from.scores = g_new0 (guint32, segment->n_scores + 1);
  self->from.prefixes = g_new0 (guint32, segment->n_prefixes + 1);
}

static guint32
copy_string (BilatSegmentBuilder *self,
             BilatSegment        *segment,
             guint32              index)
{
  guint32 *memo = &self->from.strings[index];

  if (index == 0)
    return 0;
  if (*memo == 0)
    *memo = strings_intern (&self->strings, text_at (segment, index)) + 1;
  return *memo - 1;
}

static guint32
copy_bulk (BilatSegmentBuilder *self,
           BilatSegment        *segment,
           guint32              index)
{
  guint32 *memo = &self->from.bulk[index];

  if (index == 0)
    return 0;
  if (*memo == 0)
    *memo = strings_intern (&self->strings, _bilat_segment_bulk_text (segment, index)) + 1;
  return *memo - 1;
}

void
_bilat_segment_builder_copy_row (BilatSegmentBuilder *self,
                                 BilatSegment        *segment,
                                 guint                index)
{
  Row r = { 0 };
  guint64 key = segment->key[index];
  guint32 *prefix_memo;

  copying_from (self, segment);
  prefix_memo = &self->from.prefixes[key >> 56];
  if (*prefix_memo == 0)
    {
      const char *prefix = prefix_of (segment, key);

      *prefix_memo = (guint32) (builder_key (self, prefix, strlen (prefix), 0) >> 56) + 1;
    }
  r.key = (guint64) (*prefix_memo - 1) << 56 | (key & ((G_GUINT64_CONSTANT (1) << 56) - 1));
  r.day = segment->day[index];
  for (guint i = 0; i < 2; i++)
    if (segment->side[i][index] != 0)
      {
        guint32 *memo = &self->from.sides[segment->side[i][index]];

        if (*memo == 0)
          {
            const Side *from = &segment->sides[segment->side[i][index]];
            Side side = {
              copy_string (self, segment, from->participant), copy_string (self, segment, from->code),
              copy_string (self, segment, from->name), copy_string (self, segment, from->types),
            };

            *memo = entries_intern (&self->sides, &side) + 1;
          }
        r.side[i] = *memo - 1;
      }
  if (segment->cameo[index] != 0)
    {
      guint32 *memo = &self->from.codes[segment->cameo[index]];

      if (*memo == 0)
        *memo = (guint32) intern_code (self, text_at (segment, segment->codes[segment->cameo[index]])) + 1;
      r.cameo = (guint16) (*memo - 1);
    }
  if (segment->goldstein[index] != 0)
    {
      guint32 *memo = &self->from.scores[segment->goldstein[index]];

      if (*memo == 0)
        *memo = (guint32) intern_score (self, segment->scores[segment->goldstein[index]]) + 1;
      r.goldstein = (guint16) (*memo - 1);
    }
  r.flags = segment->flags[index];
  r.tone = segment->tone[index];
  r.mentions = segment->mentions[index];
  r.sources = segment->sources[index];
  r.articles = segment->articles[index];
  r.added = segment->added[index];
  if (segment->place[index] != 0)
    {
      guint32 *memo = &self->from.places[segment->place[index]];

      if (*memo == 0)
        {
          const PlaceEntry *from = &segment->places[segment->place[index]];
          PlaceEntry place = *from;

          place.name = copy_string (self, segment, from->name);
          place.subdivision = copy_string (self, segment, from->subdivision);
          place.country = copy_string (self, segment, from->country);
          *memo = entries_intern (&self->places, &place) + 1;
        }
      r.place = *memo - 1;
    }
  r.title = copy_bulk (self, segment, segment->title[index]);
  r.cite = segment->cite[index] == CITE_URL ? CITE_URL : copy_bulk (self, segment, segment->cite[index]);
  r.url = copy_bulk (self, segment, segment->url[index]);
  append_row (self, &r);
}

void
_bilat_segment_builder_copy_source (BilatSegmentBuilder *self,
                                    BilatSegment        *segment,
                                    guint                index)
{
  copying_from (self, segment);
  add_source_row (self, copy_string (self, segment, segment->source_id[index]),
                  copy_bulk (self, segment, segment->source_url[index]),
                  copy_bulk (self, segment, segment->source_publisher[index]));
}

guint8 *
_bilat_segment_suspect_rows (BilatSegment          *self,
                             BilatSegmentActorFunc  actor_known,
                             gpointer               data,
                             gboolean               check_cites)
{
  guint8 *suspect = g_new0 (guint8, self->n_rows / 8 + 1);
  g_autofree guint8 *bad_codes = g_new0 (guint8, self->n_codes + 1);
  g_autofree guint8 *bad_places = g_new0 (guint8, self->n_places + 1);
  gboolean any = FALSE;
  gboolean all = check_cites;

  /* Text that is not UTF-8 anywhere: every row gets the full check. */
  for (guint s = 1; !all && s < self->n_strings; s++)
    if (!g_utf8_validate (text_at (self, s), -1, NULL))
      all = TRUE;
  if (all)
    {
      memset (suspect, 0xff, self->n_rows / 8 + 1);
      return suspect;
    }

  for (guint c = 1; c < self->n_codes; c++)
    bad_codes[c] = !bilat_cameo_is_known (text_at (self, self->codes[c]));
  for (guint p = 1; p < self->n_places; p++)
    {
      const char *subdivision = text_at (self, self->places[p].subdivision);
      const char *country = text_at (self, self->places[p].country);

      bad_places[p] = (subdivision != NULL && bilat_subdivision_get_name (subdivision) == NULL) ||
                      (country != NULL && bilat_country_get_name (country) == NULL);
    }
  for (guint row = 0; row < self->n_rows; row++)
    if (bad_codes[self->cameo[row]] || bad_places[self->place[row]])
      {
        suspect[row >> 3] |= (guint8) (1u << (row & 7));
        any = TRUE;
      }
  for (guint a = 0; a < self->n_actors; a++)
    if (!actor_known (text_at (self, self->actor_ids[a]), data))
      for (guint32 k = self->actor_offsets[a]; k < self->actor_offsets[a + 1]; k++)
        {
          suspect[self->actor_rows[k] >> 3] |= (guint8) (1u << (self->actor_rows[k] & 7));
          any = TRUE;
        }
  if (!any)
    g_clear_pointer (&suspect, g_free);
  return suspect;
}

gboolean
_bilat_segment_check_tables (BilatSegment          *self,
                             BilatSegmentActorFunc  actor_known,
                             gpointer               data,
                             char                 **problem)
{
  for (guint c = 1; c < self->n_codes; c++)
    {
      const char *code = text_at (self, self->codes[c]);

      if (!bilat_cameo_is_known (code))
        {
          *problem = g_strdup_printf ("“%s” is not a code of the CAMEO codebook", code);
          return FALSE;
        }
    }
  for (guint p = 1; p < self->n_places; p++)
    {
      const char *subdivision = text_at (self, self->places[p].subdivision);
      const char *country = text_at (self, self->places[p].country);

      if (subdivision != NULL && bilat_subdivision_get_name (subdivision) == NULL)
        {
          *problem = g_strdup_printf ("“%s” is not an ISO 3166-2 subdivision code", subdivision);
          return FALSE;
        }
      if (country != NULL && (strlen (country) != 3 || !g_ascii_isupper (country[0]) ||
                              !g_ascii_isupper (country[1]) || !g_ascii_isupper (country[2]) ||
                              bilat_country_get_name (country) == NULL))
        {
          *problem = g_strdup_printf ("“%s” is not an ISO 3166-1 or ISO 3166-3 alpha-3 country code", country);
          return FALSE;
        }
    }
  for (guint a = 0; a < self->n_actors; a++)
    {
      const char *actor = text_at (self, self->actor_ids[a]);

      if (!actor_known (actor, data))
        {
          *problem = g_strdup_printf ("its events name the actor “%s”, which it does not hold", actor);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
_bilat_segment_strings_valid (BilatSegment *self)
{
  for (guint s = 1; s < self->n_strings; s++)
    if (!g_utf8_validate (text_at (self, s), -1, NULL))
      return FALSE;
  return TRUE;
}

/* Writing rows as JSON: the members a coded event or a source has in the
 * format, in the order of the field tables of bilat-format.c, without
 * making the object. Tested against the objects' output byte for byte. */

static void
write_day (_BilatJsonWriter *w,
           const char       *name,
           guint32           julian)
{
  char text[16];
  int year, month, day;

  /* Days of the columns are between 0001-01-01 and 9999-12-31. */
  _bilat_julian_to_civil (julian, &year, &month, &day);
  text[0] = (char) ('0' + year / 1000);
  text[1] = (char) ('0' + year / 100 % 10);
  text[2] = (char) ('0' + year / 10 % 10);
  text[3] = (char) ('0' + year % 10);
  text[4] = '-';
  text[5] = (char) ('0' + month / 10);
  text[6] = (char) ('0' + month % 10);
  text[7] = '-';
  text[8] = (char) ('0' + day / 10);
  text[9] = (char) ('0' + day % 10);
  text[10] = '\0';
  _bilat_json_writer_member (w, name);
  _bilat_json_writer_string (w, text);
}

static void
write_text (_BilatJsonWriter *w,
            const char       *name,
            const char       *value)
{
  if (value == NULL)
    return;
  _bilat_json_writer_member (w, name);
  _bilat_json_writer_string (w, value);
}

static void
write_count (_BilatJsonWriter *w,
             const char       *name,
             guint32           value)
{
  if (value == 0)
    return;
  _bilat_json_writer_member (w, name);
  _bilat_json_writer_int (w, value);
}

void
_bilat_segment_write_event (BilatSegment     *self,
                            guint             row,
                            _BilatJsonWriter *w)
{
  static const char * const datasets[] = { NULL, "gdelt1", "gdelt2", "icews" };
  const Side *first = side_at (self, row, 0);
  const Side *second = side_at (self, row, 1);
  guint dataset = self->flags[row] >> DATASET_SHIFT;
  char id[48];

  _bilat_segment_format_id (self, row, id);
  _bilat_json_writer_begin_object (w, FALSE);
  write_text (w, "id", id);
  write_text (w, "type", "coded");
  write_day (w, "date", self->day[row]);
  {
    g_autoptr(GString) title = g_string_sized_new (96);

    append_title (self, row, title);
    write_text (w, "title", title->str);
  }
  if (first->participant != 0 || second->participant != 0)
    {
      _bilat_json_writer_member (w, "participants");
      _bilat_json_writer_begin_array (w, FALSE);
      if (first->participant != 0)
        {
          _bilat_json_writer_begin_object (w, TRUE);
          write_text (w, "actor", text_at (self, first->participant));
          write_text (w, "role", "initiator");
          _bilat_json_writer_end (w);
        }
      if (second->participant != 0)
        {
          _bilat_json_writer_begin_object (w, TRUE);
          write_text (w, "actor", text_at (self, second->participant));
          write_text (w, "role", "target");
          _bilat_json_writer_end (w);
        }
      _bilat_json_writer_end (w);
    }
  if (self->place[row] != 0)
    {
      const PlaceEntry *place = &self->places[self->place[row]];

      _bilat_json_writer_member (w, "place");
      _bilat_json_writer_begin_object (w, TRUE);
      write_text (w, "name", text_at (self, place->name));
      write_text (w, "subdivision", text_at (self, place->subdivision));
      write_text (w, "country", text_at (self, place->country));
      if (place->has_coordinates)
        {
          _bilat_json_writer_member (w, "latitude");
          _bilat_json_writer_double (w, place->latitude);
          _bilat_json_writer_member (w, "longitude");
          _bilat_json_writer_double (w, place->longitude);
        }
      _bilat_json_writer_end (w);
    }
  write_text (w, "cameo", text_at (self, self->codes[self->cameo[row]]));
  if (self->goldstein[row] != 0)
    {
      _bilat_json_writer_member (w, "goldstein");
      _bilat_json_writer_double (w, self->scores[self->goldstein[row]]);
    }
  if (self->cite[row] != 0)
    {
      g_autofree char *from_url = NULL;
      const char *source;

      if (self->cite[row] == CITE_URL)
        {
          const char *url = _bilat_segment_bulk_text (self, self->url[row]);

          source = from_url = url_source_id (url, strlen (url));
        }
      else
        source = _bilat_segment_bulk_text (self, self->cite[row]);
      _bilat_json_writer_member (w, "citations");
      _bilat_json_writer_begin_array (w, FALSE);
      _bilat_json_writer_begin_object (w, TRUE);
      write_text (w, "source", source);
      _bilat_json_writer_end (w);
      _bilat_json_writer_end (w);
    }
  write_text (w, "dataset", dataset < G_N_ELEMENTS (datasets) ? datasets[dataset] : NULL);
  write_text (w, "actor1_code", text_at (self, first->code));
  write_text (w, "actor1_name", text_at (self, first->name));
  write_text (w, "actor1_types", text_at (self, first->types));
  write_text (w, "actor2_code", text_at (self, second->code));
  write_text (w, "actor2_name", text_at (self, second->name));
  write_text (w, "actor2_types", text_at (self, second->types));
  if (self->flags[row] & FLAG_ROOT)
    {
      _bilat_json_writer_member (w, "root_event");
      _bilat_json_writer_boolean (w, TRUE);
    }
  write_count (w, "mentions", self->mentions[row]);
  write_count (w, "sources", self->sources[row]);
  write_count (w, "articles", self->articles[row]);
  if (!isnan (self->tone[row]))
    {
      _bilat_json_writer_member (w, "tone");
      _bilat_json_writer_double (w, self->tone[row]);
    }
  write_text (w, "url", _bilat_segment_bulk_text (self, self->url[row]));
  if (self->added[row] != 0)
    write_day (w, "date_added", self->added[row]);
  _bilat_json_writer_end (w);
}

void
_bilat_segment_write_source (BilatSegment     *self,
                             guint             row,
                             _BilatJsonWriter *w)
{
  _bilat_json_writer_begin_object (w, FALSE);
  write_text (w, "id", text_at (self, self->source_id[row]));
  write_text (w, "publisher", _bilat_segment_bulk_text (self, self->source_publisher[row]));
  write_text (w, "url", _bilat_segment_bulk_text (self, self->source_url[row]));
  _bilat_json_writer_end (w);
}
