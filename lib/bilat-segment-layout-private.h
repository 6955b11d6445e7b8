/* bilat-segment-layout-private.h: what a segment is made of, for the
 * segment itself and for the native file that writes and maps it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "bilat-bulk-strings-private.h"
#include "bilat-segment-private.h"

G_BEGIN_DECLS

#define CITE_URL G_MAXUINT32
#define FLAG_ROOT 0x01
#define DATASET_SHIFT 1
#define MAX_DIGITS 17
#define MAX_PREFIX 24

typedef struct
{
  guint32 participant;
  guint32 code;
  guint32 name;
  guint32 types;
} Side;

typedef struct
{
  guint32 name;
  guint32 subdivision;
  guint32 country;
  guint32 has_coordinates;
  double  latitude;
  double  longitude;
} PlaceEntry;

struct _BilatSegment
{
  gatomicrefcount ref_count;

  guint     n_rows;
  guint     n_sources;

  /* Columns: owned by the segment, or in @mapping. */
  const guint64 *key;
  const guint32 *day;
  const guint32 *side[2];
  const guint16 *cameo;
  const guint16 *goldstein;
  const guint8  *flags;
  const double  *tone;
  const guint32 *mentions;
  const guint32 *sources;
  const guint32 *articles;
  const guint32 *added;
  const guint32 *place;
  const guint32 *title;
  const guint32 *cite;
  const guint32 *url;

  /* Sources: id, url, publisher (strings), in the order of their ids. */
  const guint32 *source_id;
  const guint32 *source_url;
  const guint32 *source_publisher;

  /* Tables. */
  const char    *heap;          /* strings, NUL-terminated */
  const guint64 *string_offsets;
  guint          n_strings;
  const Side    *sides;
  guint          n_sides;
  const PlaceEntry *places;
  guint          n_places;
  const guint32 *codes;         /* strings */
  guint          n_codes;
  const double  *scores;
  guint          n_scores;
  const guint32 *prefixes;      /* strings, in strcmp() order */
  guint          n_prefixes;

  /* Indexes: rows in id order; rows of each participant (CSR, by
   * participant string in sorted order). */
  const guint32 *by_id;
  const guint32 *actor_ids;     /* strings, sorted */
  const guint32 *actor_offsets; /* n_actors + 1 */
  const guint32 *actor_rows;
  guint          n_actors;

  /* Rows of each pair of actors that take part together: pairs of actor
   * slots (lower << 32 | higher), sorted; CSR like the actors'. */
  const guint64 *pair_keys;
  const guint32 *pair_offsets;  /* n_pairs + 1 */
  const guint32 *pair_rows;
  guint          n_pairs;

  /* Derived at build or open: per code, its QuadClass and score. */
  const char   **code_name;
  guint8        *code_quad;
  double        *code_goldstein;

  /* Strings of the title, cite, url and source URL and publisher
   * columns: NULL when they are in the heap like the others. */
  struct _BilatBulkStrings *bulk;

  /* The rows still to be gathered, in a deferred segment; or NULL. */
  BilatDeferredRows *deferred;

  GPtrArray     *owned;         /* of g_free()d blocks */
  GDestroyNotify mapping_free;
  gpointer       mapping;

  /* A mapped segment is checked on first use, not when its file is
   * opened (see bilat-native.c): until then @verify is set, and nothing
   * but the counts above may be read. @verified is 0 before the check,
   * 1 after a check that passed and -1 after one that failed (@damage). */
  GMutex         verify_lock;
  gint           verified;
  gboolean     (*verify)        (gpointer  data,
                                 GError  **error);
  gpointer       verify_data;
  GDestroyNotify verify_data_free;
  GError        *damage;
  char          *origin;         /* the file a mapped segment is of */
};


/* The text of bulk string @index of @self (0: NULL), valid until the
 * next call on the segment. */
const char *_bilat_segment_bulk_text (BilatSegment *self,
                                      guint32       index);

/* Computes what a segment derives from its tables (per CAMEO code its
 * QuadClass and score). */
void        _bilat_segment_derive    (BilatSegment *self);

G_END_DECLS
