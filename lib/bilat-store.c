/* bilat-store.c: the container of sources, actors, issues, events and positions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <bilat/bilat.h>

#include <string.h>

#include "bilat-record-private.h"
#include "bilat-segment-private.h"
#include "bilat-store-private.h"
#include "bilat-date-private.h"
#include "bilat-votes-private.h"

/**
 * BilatStore:
 *
 * A dataset in memory: the sources, actors, issues, events and positions of
 * a chronology, each kind in a live list, each record found by its id.
 *
 * ## Records and ids
 *
 * A store holds five kinds of [class@Bilat.Record]: [class@Bilat.Source]s,
 * [class@Bilat.Actor]s, [class@Bilat.Issue]s, [class@Bilat.Event]s and
 * [class@Bilat.Position]s. An [class@Bilat.Exercise] is an event for the
 * store: it is kept, listed and looked up with the other events.
 *
 * An id is unique within its kind: two events cannot share an id, but an
 * actor and an issue can (`sco` the organisation and `sco` the question of
 * membership in it). Looking a record up by id takes constant time, whatever
 * the size of the store.
 *
 * An actor is also known by its [property@Bilat.Actor:aliases], the
 * metonyms with which sources name it (`Islamabad` for Pakistan, `Kremlin`
 * for Russia). [method@Bilat.Store.lookup_actor] finds an actor by id or by
 * alias, ignoring case, so no two actors of a store may share a name: adding
 * an actor whose id or alias, ignoring case, is already the id or an alias
 * of another actor fails with %BILAT_STORE_ERROR_DUPLICATE_ALIAS.
 *
 * The store does not check the references between records, such as an
 * event's participants, a citation's source or a position's holder and
 * issue: records may be added in any order, and the referenced record may
 * come later or not at all. Loaders and validators check references once a
 * whole dataset is in.
 *
 * ## Lists
 *
 * [method@Bilat.Store.get_sources], [method@Bilat.Store.get_actors],
 * [method@Bilat.Store.get_issues], [method@Bilat.Store.get_events] and
 * [method@Bilat.Store.get_positions] return a [iface@Gio.ListModel] per kind,
 * the same object for the lifetime of the store. The lists are live: they
 * emit [signal@Gio.ListModel::items-changed] for exactly what changes. Adding
 * a record emits one `(position, 0, 1)` on the list of its kind and on no
 * other; removing one emits `(position, 1, 0)`; clearing the store emits
 * `(0, n, 0)` on each list that was not empty.
 *
 * Events are in the order of [method@Bilat.Event.compare]: by date, events
 * of unknown date last, events of the same date by id. Every other kind is
 * in the order of its ids, compared byte by byte as by strcmp().
 *
 * The lists are made for millions of records: adding, removing or moving a
 * record takes O(log n) steps, and so does fetching an item at any
 * position, while fetching the items one after the other, in either
 * direction, takes O(1) steps each.
 *
 * A list that is still referenced when the store is finalized keeps the
 * records it held, but no longer changes.
 *
 * ## Records kept as columns
 *
 * Machine-coded events come by the million, and a store keeps those of
 * [method@Bilat.Importer.import] (and coded events loaded from a
 * dataset, when the columns can give them back exactly) column by column
 * rather than as one object each: about 60 to 80 bytes an event, in a
 * native file (see [method@Bilat.Store.save_to_native_file]) mapped from
 * disk without copying. The sources such events cite (`url:…`,
 * `icews-story:…`) are kept the same way. Queries, series and the index of
 * each actor's events work on the columns directly.
 *
 * Nothing of this shows in the API: the lists hold
 * [class@Bilat.CodedEvent]s and [class@Bilat.Source]s like any other
 * records. An item is made when it is asked for, and it is the same object
 * as long as someone holds it; a record found with a look-up stays as long
 * as the store holds it. Curated records — actors, issues, positions,
 * exercises, events added with [method@Bilat.Store.add] — are always
 * objects.
 *
 * Opening a native file takes milliseconds whatever its size: its columns
 * are checked (every checksum and value) the first time the store reads
 * them, and a damaged file's columns never reach the lists: see
 * [method@Bilat.Store.get_damage].
 *
 * ## Changing stored records
 *
 * Records remain mutable once stored, and the store follows the changes
 * that matter to it. When the [property@Bilat.Event:date] of a stored event
 * changes, the store moves the event to its new place, emitting a removal
 * and an addition (nothing at all if the place is the same). When the
 * aliases of a stored actor change, lookups follow. Such a change cannot be
 * refused, so it may give two actors the same name: a lookup of that name
 * then finds the actor that had it first, the one whose id it is if it is
 * an id.
 *
 * A coded event kept as columns follows the same rule: once changed, it
 * becomes an object of the store, at the same place, and the store then
 * follows it like any other.
 *
 * A record may be in several stores at once. A store keeps a reference to
 * each of its records until they are removed.
 *
 * ## Threads
 *
 * A store is not thread-safe: use it, its lists and its records from one
 * thread at a time.
 *
 * Since: 1.0
 */

typedef enum
{
  KIND_SOURCE,
  KIND_ACTOR,
  KIND_ISSUE,
  KIND_EVENT,
  KIND_POSITION,
  N_KINDS,
  KIND_NONE = N_KINDS,
} RecordKind;

/* For messages: "An event with id “friendship-2018” is already in the store". */
static const struct
{
  const char *noun;
  const char *with_article;
} kind_names[N_KINDS] = {
  [KIND_SOURCE] = { "source", "A source" },
  [KIND_ACTOR] = { "actor", "An actor" },
  [KIND_ISSUE] = { "issue", "An issue" },
  [KIND_EVENT] = { "event", "An event" },
  [KIND_POSITION] = { "position", "A position" },
};

/* What a store keeps about each record it holds. An entry is in the id
 * index of its kind and in the list of its kind, which owns it; only while
 * an event moves is it out of the list for a moment (iter is NULL), and
 * then the index is its owner. */
typedef struct
{
  BilatRecord   *record;
  const char    *id;          /* the record's own, which never changes */
  GSequenceIter *iter;        /* the place in the list, or NULL */
  gulong         notify_id;   /* the handler that follows the record, or 0 */

  /* Events: the date by which the event is sorted. It is the event's own
   * date except between a change and its notification (which
   * g_object_freeze_notify() may hold back), so that the order of the
   * list never depends on dates the store has not seen yet. */
  BilatDate     *sort_date;

  /* Events: the participants' actor ids the event is indexed under (owned
   * copies: the participants may change before the index hears of it). */
  GPtrArray     *indexed_actors;
  GArray        *actor_slots;   /* of guint: the event's place in the array
                                 * of each of those actors */

  /* Events: the place of the event's figures in the store's facts array. */
  guint          facts_index;

  /* Actors: the case-insensitive keys of the id and of the aliases. */
  char          *id_key;
  GPtrArray     *alias_keys;  /* of char *, without duplicates */
} Entry;

static void
entry_free (Entry *entry)
{
  g_clear_signal_handler (&entry->notify_id, entry->record);
  g_clear_pointer (&entry->sort_date, bilat_date_unref);
  g_clear_pointer (&entry->indexed_actors, g_ptr_array_unref);
  g_clear_pointer (&entry->actor_slots, g_array_unref);
  g_clear_pointer (&entry->id_key, g_free);
  g_clear_pointer (&entry->alias_keys, g_ptr_array_unref);
  g_clear_object (&entry->record);
  g_free (entry);
}

/* Frees the entries of @items, then @items. */
static void
free_entries (GSequence *items)
{
  GSequenceIter *iter = g_sequence_get_begin_iter (items);

  while (!g_sequence_iter_is_end (iter))
    {
      entry_free (g_sequence_get (iter));
      iter = g_sequence_iter_next (iter);
    }

  g_sequence_free (items);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  const Entry *entry_a = a;
  const Entry *entry_b = b;

  return strcmp (entry_a->id, entry_b->id);
}

/* The order of bilat_event_compare(), on the dates the store sorted the
 * events by. */
static int
compare_dates (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const Entry *entry_a = a;
  const Entry *entry_b = b;
  int cmp;

  /* Unknown (NULL) dates sort last. */
  cmp = bilat_date_compare (entry_a->sort_date, entry_b->sort_date);
  if (cmp != 0)
    return cmp;

  return strcmp (entry_a->id, entry_b->id);
}

/* BilatStoreList: the list of one kind of record of a store.
 *
 * A GListModel over a GSequence of entries kept in order. Every entry
 * knows its place in the sequence, so finding the position of a record,
 * inserting, removing and moving one each take O(log n) steps, with no
 * search and no look-up of the records compared. The type is private to
 * this file: its functions are static, and it is none of the library's
 * API. */

typedef struct _BilatStoreList BilatStoreList;

typedef struct
{
  GObjectClass parent_class;
} BilatStoreListClass;

struct _BilatStoreList
{
  GObject           parent_instance;

  GType             item_type;
  GCompareDataFunc  compare;
  GSequence        *items;          /* of Entry *, owned, without a free
                                     * function so that a move can take an
                                     * entry out and put it back */

  /* The place of the last item fetched: walking the list in either
   * direction then takes O(1) a step. */
  GSequenceIter    *last_iter;
  guint             last_position;

  /* Bulk records: the rows of a segment (events or sources), merged with
   * the objects in the list's order. */
  RecordKind        kind;
  BilatStore       *store;          /* while it lives */
  BilatSegment     *segment;
  BilatVoteRows    *vote_rows;      /* positions: the votes of the store */
  BilatRollCallRows *roll_call_rows; /* issues: the roll calls of the store */
  guint             n_rows;         /* of the segment, dead ones included */
  guint8           *dead;           /* bitmap of rows taken out, or NULL */
  GArray           *dead_rows;      /* guint32, sorted */
  GHashTable       *made;           /* row → object made of it (weak) */
  GHashTable       *pinned;         /* row → object (strong): looked up */

  /* Walking a merged list: at position merged_position, merged_before
   * objects come first, and the next object is at next_object. */
  gboolean          merged_valid;
  guint             merged_position;
  guint             merged_before;
  guint             next_object;
};

static GType bilat_store_list_get_type (void);
static void  bulk_reset (BilatStoreList *self,
                         BilatSegment   *segment);
static void  bilat_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BilatStoreList, bilat_store_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      bilat_store_list_model_init))

static void
bilat_store_list_finalize (GObject *object)
{
  BilatStoreList *self = (BilatStoreList *) object;

  free_entries (self->items);
  bulk_reset (self, NULL);
  g_clear_pointer (&self->made, g_hash_table_unref);
  g_clear_pointer (&self->pinned, g_hash_table_unref);

  G_OBJECT_CLASS (bilat_store_list_parent_class)->finalize (object);
}

static void
bilat_store_list_class_init (BilatStoreListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bilat_store_list_finalize;
}

static void
bilat_store_list_init (BilatStoreList *self)
{
  self->items = g_sequence_new (NULL);
  self->made = g_hash_table_new (NULL, NULL);
  self->pinned = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

static GType
bilat_store_list_get_item_type (GListModel *model)
{
  return ((BilatStoreList *) model)->item_type;
}

/* Bulk rows in a list */

typedef struct
{
  BilatStoreList *list;
  GObject        *object;
  guint           row;
} Made;

static void made_watch   (BilatStoreList *self, GObject *object, guint row);
static void store_follow_made (BilatStore *store, GObject *object);

static void
on_made_finalized (gpointer data,
                   GObject *where_the_object_was)
{
  Made *made = data;

  g_hash_table_remove (made->list->made, GUINT_TO_POINTER (made->row + 1));
  g_free (made);
}

static void
made_forget (BilatStoreList *self,
             guint           row)
{
  Made *made = g_hash_table_lookup (self->made, GUINT_TO_POINTER (row + 1));

  g_hash_table_remove (self->pinned, GUINT_TO_POINTER (row + 1));
  if (made == NULL)
    return;
  g_object_weak_unref (made->object, on_made_finalized, made);
  g_hash_table_remove (self->made, GUINT_TO_POINTER (row + 1));
  g_free (made);
}

static void
made_forget_all (BilatStoreList *self)
{
  GHashTableIter iter;
  Made *made;

  g_hash_table_remove_all (self->pinned);
  g_hash_table_iter_init (&iter, self->made);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &made))
    {
      g_object_weak_unref (made->object, on_made_finalized, made);
      g_free (made);
    }
  g_hash_table_remove_all (self->made);
}

/* Gives the list the rows of @segment (or none), all alive. Objects made
 * of the old rows are forgotten. */
static void
bulk_reset (BilatStoreList *self,
            BilatSegment   *segment)
{
  if (self->made != NULL)
    made_forget_all (self);
  g_clear_pointer (&self->segment, _bilat_segment_unref);
  g_clear_pointer (&self->vote_rows, _bilat_vote_rows_free);
  g_clear_pointer (&self->roll_call_rows, _bilat_roll_call_rows_free);
  g_clear_pointer (&self->dead, g_free);
  g_clear_pointer (&self->dead_rows, g_array_unref);
  self->n_rows = 0;
  self->merged_valid = FALSE;
  self->last_iter = NULL;
  if (segment == NULL)
    return;
  self->segment = _bilat_segment_ref (segment);
  self->n_rows = self->kind == KIND_EVENT ? _bilat_segment_get_n_rows (segment)
                                          : _bilat_segment_get_n_sources (segment);
}

/* Gives the list of positions the votes of @votes as rows, or the list
 * of issues its roll calls (or none). */
static void
bulk_reset_votes (BilatStoreList *self,
                  BilatVotes     *votes)
{
  bulk_reset (self, NULL);
  if (votes == NULL)
    return;
  if (self->kind == KIND_ISSUE)
    {
      self->roll_call_rows = _bilat_roll_call_rows_new (votes);
      self->n_rows = _bilat_roll_call_rows_get_n_rows (self->roll_call_rows);
      return;
    }
  self->vote_rows = _bilat_vote_rows_new (votes);
  self->n_rows = _bilat_vote_rows_get_n_rows (self->vote_rows);
}

/* Whether the list merges rows with its objects. */
static gboolean
has_rows (BilatStoreList *self)
{
  return self->segment != NULL || self->vote_rows != NULL || self->roll_call_rows != NULL;
}

static gboolean
bulk_is_dead (BilatStoreList *self,
              guint           row)
{
  return self->dead != NULL && (self->dead[row >> 3] & (1u << (row & 7))) != 0;
}

/* How many dead rows come before @row. */
static guint
bulk_dead_before (BilatStoreList *self,
                  guint           row)
{
  guint low = 0, high;

  if (self->dead_rows == NULL)
    return 0;
  high = self->dead_rows->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->dead_rows, guint32, middle) < row)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* The row of the @live-th live row. */
static guint
bulk_select (BilatStoreList *self,
             guint           live)
{
  guint low = 0, high;

  if (self->dead_rows == NULL)
    return live;
  /* The number j of dead rows before it is the first j whose dead row
   * lies past live + j. */
  high = self->dead_rows->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->dead_rows, guint32, middle) - middle <= live)
        low = middle + 1;
      else
        high = middle;
    }
  return live + low;
}

/* Takes @row out of the list, silently. */
static void
bulk_kill (BilatStoreList *self,
           guint           row)
{
  guint32 value = row;
  guint at;

  if (bulk_is_dead (self, row))
    return;
  if (self->dead == NULL)
    {
      self->dead = g_new0 (guint8, self->n_rows / 8 + 1);
      self->dead_rows = g_array_new (FALSE, FALSE, sizeof (guint32));
    }
  self->dead[row >> 3] |= (guint8) (1u << (row & 7));
  at = bulk_dead_before (self, row);
  g_array_insert_val (self->dead_rows, at, value);
  made_forget (self, row);
  self->merged_valid = FALSE;
  self->last_iter = NULL;
}

/* The first row that sorts after @entry's record. */
static guint
bulk_lower_bound (BilatStoreList *self,
                  const Entry    *entry)
{
  if (self->vote_rows != NULL)
    return _bilat_vote_rows_lower_bound (self->vote_rows, entry->id);
  if (self->roll_call_rows != NULL)
    return _bilat_roll_call_rows_lower_bound (self->roll_call_rows, entry->id);
  if (self->kind == KIND_EVENT)
    return _bilat_segment_event_lower_bound (self->segment, entry->sort_date, entry->id);
  return _bilat_segment_source_lower_bound (self->segment, entry->id);
}

/* The live rows before @entry's record. */
static guint
bulk_rank (BilatStoreList *self,
           const Entry    *entry)
{
  guint bound;

  if (!has_rows (self))
    return 0;
  bound = bulk_lower_bound (self, entry);
  return bound - bulk_dead_before (self, bound);
}

/* The position in the merged list of the @index-th object, G_MAXUINT past
 * the last. */
static guint
object_position (BilatStoreList *self,
                 guint           index)
{
  GSequenceIter *iter;

  if (index >= (guint) g_sequence_get_length (self->items))
    return G_MAXUINT;
  iter = g_sequence_get_iter_at_pos (self->items, (int) index);
  return index + bulk_rank (self, g_sequence_get (iter));
}

/* The position in the merged list of @entry, which is in the list. */
static guint
entry_position (BilatStoreList *self,
                const Entry    *entry)
{
  return (guint) g_sequence_iter_get_position (entry->iter) + bulk_rank (self, entry);
}

/* The object for @row: the one made before if it is still alive. */
static gpointer
bulk_make (BilatStoreList *self,
           guint           row)
{
  Made *made = g_hash_table_lookup (self->made, GUINT_TO_POINTER (row + 1));
  GObject *object;

  if (made != NULL)
    return g_object_ref (made->object);
  if (self->vote_rows != NULL)
    object = G_OBJECT (_bilat_vote_rows_make (self->vote_rows, row));
  else if (self->roll_call_rows != NULL)
    object = G_OBJECT (_bilat_roll_call_rows_make (self->roll_call_rows, row));
  else if (self->kind == KIND_EVENT)
    object = G_OBJECT (_bilat_segment_make_event (self->segment, row));
  else
    object = G_OBJECT (_bilat_segment_make_source (self->segment, row));
  made_watch (self, object, row);
  return object;
}

static void
made_watch (BilatStoreList *self,
            GObject        *object,
            guint           row)
{
  Made *made = g_new0 (Made, 1);

  made->list = self;
  made->object = object;
  made->row = row;
  g_object_weak_ref (object, on_made_finalized, made);
  g_hash_table_insert (self->made, GUINT_TO_POINTER (row + 1), made);
  if (self->store != NULL && self->kind == KIND_EVENT)
    store_follow_made (self->store, object);
}

/* The object of @row, which the list keeps alive as long as the row. */
static gpointer
bulk_pin (BilatStoreList *self,
          guint           row)
{
  gpointer object = g_hash_table_lookup (self->pinned, GUINT_TO_POINTER (row + 1));

  if (object == NULL)
    {
      object = bulk_make (self, row);
      g_hash_table_insert (self->pinned, GUINT_TO_POINTER (row + 1), object);
    }
  return object;
}

static guint
bulk_n_live (BilatStoreList *self)
{
  return self->n_rows - (self->dead_rows != NULL ? self->dead_rows->len : 0);
}

static gboolean store_rows_ready (BilatStore *self);

static guint
list_n_items (BilatStoreList *self)
{
  return g_sequence_get_length (self->items) + bulk_n_live (self);
}

static guint
bilat_store_list_get_n_items (GListModel *model)
{
  BilatStoreList *self = (BilatStoreList *) model;

  /* The rows of a file are checked before anyone counts on them. */
  if (self->store != NULL)
    store_rows_ready (self->store);
  return list_n_items (self);
}

static gpointer
get_object_item (BilatStoreList *self,
                 guint           position)
{
  GSequenceIter *iter = NULL;

  if (self->last_iter != NULL)
    {
      if (position == self->last_position)
        iter = self->last_iter;
      else if (position == self->last_position + 1)
        iter = g_sequence_iter_next (self->last_iter);
      else if (position + 1 == self->last_position)
        iter = g_sequence_iter_prev (self->last_iter);
    }

  /* Past the end (a position above G_MAXINT included), this is the end. */
  if (iter == NULL)
    iter = g_sequence_get_iter_at_pos (self->items, (int) MIN (position, (guint) G_MAXINT));

  if (g_sequence_iter_is_end (iter))
    return NULL;

  self->last_iter = iter;
  self->last_position = position;

  return ((Entry *) g_sequence_get (iter))->record;
}

static gpointer
bilat_store_list_get_item (GListModel *model,
                           guint       position)
{
  BilatStoreList *self = (BilatStoreList *) model;
  guint n_objects = g_sequence_get_length (self->items);
  gpointer item;

  if (self->store != NULL)
    store_rows_ready (self->store);
  if (!has_rows (self) || bulk_n_live (self) == 0)
    {
      item = get_object_item (self, position);
      return item != NULL ? g_object_ref (item) : NULL;
    }
  if (position >= n_objects + bulk_n_live (self))
    return NULL;

  if (n_objects == 0)
    return bulk_make (self, bulk_select (self, position));

  /* The objects before @position, and where the next one is. */
  if (self->merged_valid && position == self->merged_position + 1)
    {
      if (self->next_object == self->merged_position)
        {
          self->merged_before++;
          self->next_object = object_position (self, self->merged_before);
        }
    }
  else if (!(self->merged_valid && position == self->merged_position))
    {
      guint low = 0, high = n_objects;

      /* The first object at or after @position. */
      while (low < high)
        {
          guint middle = low + (high - low) / 2;

          if (object_position (self, middle) < position)
            low = middle + 1;
          else
            high = middle;
        }
      self->merged_before = low;
      self->next_object = object_position (self, low);
    }
  self->merged_valid = TRUE;
  self->merged_position = position;

  if (self->next_object == position)
    return g_object_ref (get_object_item (self, self->merged_before));
  return bulk_make (self, bulk_select (self, position - self->merged_before));
}

static void
bilat_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bilat_store_list_get_item_type;
  iface->get_n_items = bilat_store_list_get_n_items;
  iface->get_item = bilat_store_list_get_item;
}

static BilatStoreList *
bilat_store_list_new (GType            item_type,
                      GCompareDataFunc compare)
{
  BilatStoreList *self = g_object_new (bilat_store_list_get_type (), NULL);

  self->item_type = item_type;
  self->compare = compare;

  return self;
}

static void
bilat_store_list_items_changed (BilatStoreList *self,
                                guint           position,
                                guint           removed,
                                guint           added)
{
  /* A change at or before the cached item may have moved or removed it;
   * a change after it leaves it where it was. */
  if (self->last_iter != NULL && (position <= self->last_position || has_rows (self)))
    self->last_iter = NULL;
  self->merged_valid = FALSE;

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

/* Puts @entry, which is out of the list, in its place; with @notify, emits
 * the addition. */
static void
bilat_store_list_insert_full (BilatStoreList *self,
                              Entry          *entry,
                              gboolean        notify)
{
  entry->iter = g_sequence_insert_sorted (self->items, entry, self->compare, NULL);
  self->merged_valid = FALSE;
  self->last_iter = NULL;
  if (notify)
    bilat_store_list_items_changed (self, entry_position (self, entry), 0, 1);
}

static void
bilat_store_list_insert (BilatStoreList *self,
                         Entry          *entry)
{
  bilat_store_list_insert_full (self, entry, TRUE);
}

/* Takes @entry, at @position in the merged list, out of the list; the
 * caller then owns it. */
static void
bilat_store_list_take_out_at (BilatStoreList *self,
                              Entry          *entry,
                              guint           position)
{
  g_sequence_remove (entry->iter);
  entry->iter = NULL;
  bilat_store_list_items_changed (self, position, 1, 0);
}

static void
bilat_store_list_take_out (BilatStoreList *self,
                           Entry          *entry)
{
  bilat_store_list_take_out_at (self, entry, entry_position (self, entry));
}

/* Empties the list, rows included; the caller then owns the returned
 * sequence of the entries it had. */
static GSequence *
bilat_store_list_take_all (BilatStoreList *self)
{
  GSequence *items = self->items;
  guint n_items = g_sequence_get_length (items) + bulk_n_live (self);

  self->items = g_sequence_new (NULL);
  self->last_iter = NULL;
  bulk_reset (self, NULL);

  if (n_items > 0)
    bilat_store_list_items_changed (self, 0, n_items, 0);

  return items;
}

/* Whether @entry, in the list, sorts between its neighbours there. */
static gboolean
bilat_store_list_is_in_place (BilatStoreList *self,
                              Entry          *entry)
{
  GSequenceIter *next = g_sequence_iter_next (entry->iter);

  if (!g_sequence_iter_is_begin (entry->iter) &&
      self->compare (g_sequence_get (g_sequence_iter_prev (entry->iter)), entry, NULL) >= 0)
    return FALSE;

  if (!g_sequence_iter_is_end (next) &&
      self->compare (entry, g_sequence_get (next), NULL) >= 0)
    return FALSE;

  return TRUE;
}

/* BilatStore */

struct _BilatStore
{
  GObject         parent_instance;

  /* Per kind: id → Entry. The keys are the records' own ids. */
  GHashTable     *entries[N_KINDS];
  BilatStoreList *lists[N_KINDS];

  /* The case-insensitive names of the actors: id key → Entry (unique, since
   * ids never change and additions are checked), and alias key → GPtrArray
   * of the Entries of the actors with that alias, first holder first. */
  GHashTable     *actor_ids;
  GHashTable     *actor_aliases;

  /* The events of each actor: participant id → ActorEvents, so that a
   * query on an actor or a dyad reads the events of that actor only. */
  GHashTable     *event_index;

  /* The longest span (last day − first day) of any event's date seen: a
   * search by period in date order starts that many days early. */
  guint32         max_span;

  /* The figures of every event that a series counts, packed in an array
   * (of BilatEventFacts) in no particular order: a series over millions
   * of events reads them in one sweep instead of visiting every object. */
  GArray         *facts;

  /* Rows of a native file whose check is still to come: once it passes,
   * the row sources that objects of the store replace are taken out
   * (@kill_pending); if it fails, the rows are dropped and @damage says
   * why. */
  gboolean        kill_pending;
  gboolean        rows_accepted;  /* the rows are checked, or need not be */
  GError         *damage;

  /* Roll-call votes, kept as a table (bilat-votes-private.h), or NULL:
   * its roll calls are rows of the issues, its votes of the positions. */
  BilatVotes     *votes;
};

G_DEFINE_FINAL_TYPE (BilatStore, bilat_store, G_TYPE_OBJECT)

/**
 * bilat_store_error_quark:
 *
 * Returns the quark of the error domain of stores; use %BILAT_STORE_ERROR
 * instead.
 *
 * Returns: the %BILAT_STORE_ERROR quark
 *
 * Since: 1.0
 */
G_DEFINE_QUARK (bilat-store-error-quark, bilat_store_error)

enum {
  PROP_0,
  PROP_SOURCES,
  PROP_ACTORS,
  PROP_ISSUES,
  PROP_EVENTS,
  PROP_POSITIONS,
  PROP_DAMAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static RecordKind
record_kind (BilatRecord *record)
{
  /* Events first: besides exercises, applications may derive their own
   * event types, and all of them are events for the store. */
  if (BILAT_IS_EVENT (record))
    return KIND_EVENT;
  if (BILAT_IS_ACTOR (record))
    return KIND_ACTOR;
  if (BILAT_IS_SOURCE (record))
    return KIND_SOURCE;
  if (BILAT_IS_ISSUE (record))
    return KIND_ISSUE;
  if (BILAT_IS_POSITION (record))
    return KIND_POSITION;

  return KIND_NONE;
}

static Entry *
lookup_entry (BilatStore *self,
              RecordKind  kind,
              const char *id)
{
  return g_hash_table_lookup (self->entries[kind], id);
}

/* Disconnects the store from the records of the index of @kind and empties
 * the index; entries out of their list, which the index owns, are freed. */
static void
release_entries (BilatStore *self,
                 RecordKind  kind)
{
  GHashTableIter iter;
  Entry *entry;

  g_hash_table_iter_init (&iter, self->entries[kind]);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      g_clear_signal_handler (&entry->notify_id, entry->record);
      if (entry->iter == NULL)
        {
          g_hash_table_iter_remove (&iter);
          entry_free (entry);
        }
    }

  g_hash_table_remove_all (self->entries[kind]);
}

/* The event index */

/* The events one actor takes part in, as entries. Additions append; the
 * array is sorted again (in list order) only when a search needs it. */
typedef struct
{
  GPtrArray *entries;   /* of Entry *, not owned */
  gboolean   sorted;
} ActorEvents;

static void
actor_events_free (ActorEvents *events)
{
  g_ptr_array_unref (events->entries);
  g_free (events);
}

static int
compare_entry_pointers (gconstpointer a,
                        gconstpointer b)
{
  return compare_dates (*(Entry * const *) a, *(Entry * const *) b, NULL);
}

static void
note_span (BilatStore *self,
           BilatDate  *date)
{
  if (date != NULL)
    self->max_span = MAX (self->max_span,
                          bilat_date_get_last_julian (date) - bilat_date_get_first_julian (date));
}

/* Where @entry keeps its place in the array of @actor's events. */
static guint *
slot_for (Entry      *entry,
          const char *actor)
{
  for (guint i = 0; i < entry->indexed_actors->len; i++)
    if (strcmp (g_ptr_array_index (entry->indexed_actors, i), actor) == 0)
      return &g_array_index (entry->actor_slots, guint, i);
  g_assert_not_reached ();
  return NULL;
}

static void
index_event (BilatStore *self,
             Entry      *entry)
{
  GPtrArray *participants = bilat_event_get_participants (BILAT_EVENT (entry->record));

  note_span (self, entry->sort_date);
  entry->indexed_actors = g_ptr_array_new_full (participants->len, g_free);
  entry->actor_slots = g_array_sized_new (FALSE, FALSE, sizeof (guint), participants->len);

  for (guint i = 0; i < participants->len; i++)
    {
      const char *actor = bilat_participant_get_actor (g_ptr_array_index (participants, i));
      ActorEvents *events = g_hash_table_lookup (self->event_index, actor);
      guint slot;

      if (events == NULL)
        {
          events = g_new0 (ActorEvents, 1);
          events->entries = g_ptr_array_new ();
          events->sorted = TRUE;
          g_hash_table_insert (self->event_index, g_strdup (actor), events);
        }

      /* Events added in date order keep the array sorted for free. */
      if (events->sorted && events->entries->len > 0 &&
          compare_dates (g_ptr_array_index (events->entries, events->entries->len - 1),
                         entry, NULL) > 0)
        events->sorted = FALSE;
      slot = events->entries->len;
      g_ptr_array_add (events->entries, entry);
      g_ptr_array_add (entry->indexed_actors, g_strdup (actor));
      g_array_append_val (entry->actor_slots, slot);
    }
}

/* Takes the event out of its actors' arrays in constant time: the last
 * event of an array fills the hole, and the array is sorted again only
 * when a search needs it. */
static void
unindex_event (BilatStore *self,
               Entry      *entry)
{
  if (entry->indexed_actors == NULL)
    return;

  for (guint i = 0; i < entry->indexed_actors->len; i++)
    {
      const char *actor = g_ptr_array_index (entry->indexed_actors, i);
      ActorEvents *events = g_hash_table_lookup (self->event_index, actor);
      guint slot = g_array_index (entry->actor_slots, guint, i);
      guint last;

      if (events == NULL)
        continue;

      last = events->entries->len - 1;
      if (slot != last)
        {
          Entry *moved = g_ptr_array_index (events->entries, last);

          events->entries->pdata[slot] = moved;
          *slot_for (moved, actor) = slot;
          events->sorted = FALSE;
        }
      g_ptr_array_set_size (events->entries, last);

      if (events->entries->len == 0)
        g_hash_table_remove (self->event_index, actor);
    }
  g_clear_pointer (&entry->indexed_actors, g_ptr_array_unref);
  g_clear_pointer (&entry->actor_slots, g_array_unref);
}

/* After a date change the event's place among its actors' events may be
 * another. */
static void
unsort_event_actors (BilatStore *self,
                     Entry      *entry)
{
  if (entry->indexed_actors == NULL)
    return;

  for (guint i = 0; i < entry->indexed_actors->len; i++)
    {
      ActorEvents *events = g_hash_table_lookup (self->event_index,
                                                 g_ptr_array_index (entry->indexed_actors, i));

      if (events != NULL)
        events->sorted = FALSE;
    }
}

static void
ensure_sorted (ActorEvents *events,
               const char  *actor)
{
  if (events->sorted)
    return;
  g_ptr_array_sort (events->entries, compare_entry_pointers);
  for (guint i = 0; i < events->entries->len; i++)
    *slot_for (g_ptr_array_index (events->entries, i), actor) = i;
  events->sorted = TRUE;
}

guint
_bilat_store_count_actor_events (BilatStore *self,
                                 const char *actor)
{
  ActorEvents *events;

  g_return_val_if_fail (BILAT_IS_STORE (self), 0);

  events = g_hash_table_lookup (self->event_index, actor);
  return events ? events->entries->len : 0;
}

/* The first index of @entries, sorted in list order, whose entry's date
 * does not start before @julian. */
static guint
lower_bound (GPtrArray *entries,
             guint32    julian)
{
  guint low = 0;
  guint high = entries->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      Entry *entry = g_ptr_array_index (entries, middle);

      /* Unknown dates sort last, as if after every day. */
      if (entry->sort_date != NULL && bilat_date_get_first_julian (entry->sort_date) < julian)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

GPtrArray *
_bilat_store_events_of_actors (BilatStore         *self,
                               const char * const *actors,
                               gboolean            in_period,
                               guint32             first_julian,
                               guint32             last_julian)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GPtrArray *result;
  guint n_actors = 0;

  g_return_val_if_fail (BILAT_IS_STORE (self), NULL);
  g_return_val_if_fail (actors != NULL, NULL);

  for (guint a = 0; actors[a] != NULL; a++)
    {
      ActorEvents *events = g_hash_table_lookup (self->event_index, actors[a]);
      guint i = 0;

      if (events == NULL)
        continue;
      n_actors++;
      ensure_sorted (events, actors[a]);

      if (in_period)
        i = lower_bound (events->entries,
                         first_julian > self->max_span ? first_julian - self->max_span : 0);

      for (; i < events->entries->len; i++)
        {
          Entry *entry = g_ptr_array_index (events->entries, i);

          if (in_period)
            {
              if (entry->sort_date == NULL ||
                  bilat_date_get_first_julian (entry->sort_date) > last_julian)
                break;
              if (bilat_date_get_last_julian (entry->sort_date) < first_julian)
                continue;
            }
          g_ptr_array_add (found, entry);
        }
    }

  /* Several actors: put the events in list order and drop the events
   * found under two of them. */
  if (n_actors > 1)
    g_ptr_array_sort (found, compare_entry_pointers);

  result = g_ptr_array_sized_new (found->len);
  for (guint i = 0; i < found->len; i++)
    {
      Entry *entry = g_ptr_array_index (found, i);

      if (i > 0 && entry == g_ptr_array_index (found, i - 1))
        continue;
      g_ptr_array_add (result, entry->record);
    }
  return result;
}

GPtrArray *
_bilat_store_events_in_period (BilatStore *self,
                               guint32     first_julian,
                               guint32     last_julian)
{
  GPtrArray *result = g_ptr_array_new ();
  GSequence *items;
  GSequenceIter *iter;
  Entry key = { 0 };
  guint32 earliest;
  int year, month, day;

  g_return_val_if_fail (BILAT_IS_STORE (self), result);

  /* Events are in the order of their first day: the first that can
   * overlap the period starts at most max_span days before it. The key
   * sorts before every event of that day (its id is empty). */
  earliest = first_julian > self->max_span ? first_julian - self->max_span : 1;
  _bilat_julian_to_civil (MAX (earliest, 1), &year, &month, &day);
  key.id = "";
  key.sort_date = bilat_date_new_day (year, month, day, NULL);

  items = self->lists[KIND_EVENT]->items;
  iter = key.sort_date ? g_sequence_search (items, &key, compare_dates, NULL)
                       : g_sequence_get_begin_iter (items);
  g_clear_pointer (&key.sort_date, bilat_date_unref);

  for (; !g_sequence_iter_is_end (iter); iter = g_sequence_iter_next (iter))
    {
      Entry *entry = g_sequence_get (iter);

      if (entry->sort_date == NULL || bilat_date_get_first_julian (entry->sort_date) > last_julian)
        break;
      if (bilat_date_get_last_julian (entry->sort_date) >= first_julian)
        g_ptr_array_add (result, entry->record);
    }
  return result;
}

void
_bilat_store_foreach_event (BilatStore *self,
                            GFunc       func,
                            gpointer    user_data)
{
  GSequence *items;

  g_return_if_fail (BILAT_IS_STORE (self));

  items = self->lists[KIND_EVENT]->items;
  for (GSequenceIter *iter = g_sequence_get_begin_iter (items);
       !g_sequence_iter_is_end (iter);
       iter = g_sequence_iter_next (iter))
    func (((Entry *) g_sequence_get (iter))->record, user_data);
}

/* The event facts */

static void
fill_facts (BilatEventFacts *facts,
            BilatEvent      *event)
{
  _bilat_event_facts_init (facts, event);
}

static void
add_facts (BilatStore *self,
           Entry      *entry)
{
  BilatEventFacts facts;

  fill_facts (&facts, BILAT_EVENT (entry->record));
  facts.owner = entry;
  entry->facts_index = self->facts->len;
  g_array_append_val (self->facts, facts);
}

static void
remove_facts (BilatStore *self,
              Entry      *entry)
{
  guint last = self->facts->len - 1;

  /* Move the last facts into the hole. */
  if (entry->facts_index != last)
    {
      BilatEventFacts *moved = &g_array_index (self->facts, BilatEventFacts, last);

      ((Entry *) moved->owner)->facts_index = entry->facts_index;
      g_array_index (self->facts, BilatEventFacts, entry->facts_index) = *moved;
    }
  g_array_set_size (self->facts, last);
}

static void
update_facts (BilatStore *self,
              Entry      *entry)
{
  BilatEventFacts *facts = &g_array_index (self->facts, BilatEventFacts, entry->facts_index);

  fill_facts (facts, BILAT_EVENT (entry->record));
  facts->owner = entry;
}

const BilatEventFacts *
_bilat_store_get_event_facts (BilatStore *self,
                              guint      *n_facts)
{
  g_return_val_if_fail (BILAT_IS_STORE (self), NULL);

  *n_facts = self->facts->len;
  return (const BilatEventFacts *) (gpointer) self->facts->data;
}

/* Actor names */

static BilatActor *
find_name_holder (BilatStore *self,
                  const char *key)
{
  Entry *entry;
  GPtrArray *holders;

  entry = g_hash_table_lookup (self->actor_ids, key);
  if (entry != NULL)
    return BILAT_ACTOR (entry->record);

  holders = g_hash_table_lookup (self->actor_aliases, key);
  if (holders != NULL && holders->len > 0)
    return BILAT_ACTOR (((Entry *) g_ptr_array_index (holders, 0))->record);

  return NULL;
}

static gboolean
keys_contain (GPtrArray  *keys,
              const char *key)
{
  for (guint i = 0; i < keys->len; i++)
    {
      if (strcmp (g_ptr_array_index (keys, i), key) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The alias keys of @actor, without duplicates and without its own id
 * key (which names it already). Aliases that are not valid UTF-8 name
 * nothing and are left out. */
static GPtrArray *
collect_alias_keys (BilatActor *actor,
                    const char *id_key)
{
  const char * const *aliases = bilat_actor_get_aliases (actor);
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (gsize i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      char *key = _bilat_alias_key (aliases[i]);

      if (key == NULL || *key == '\0' || strcmp (key, id_key) == 0 ||
          keys_contain (keys, key))
        g_free (key);
      else
        g_ptr_array_add (keys, key);
    }

  return keys;
}

static gboolean
check_actor_names (BilatStore  *self,
                   BilatActor  *actor,
                   const char  *id_key,
                   GError     **error)
{
  const char *id = bilat_record_get_id (BILAT_RECORD (actor));
  const char * const *aliases = bilat_actor_get_aliases (actor);
  BilatActor *holder;

  holder = find_name_holder (self, id_key);
  if (holder != NULL)
    {
      g_set_error (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_DUPLICATE_ALIAS,
                   "Cannot add actor “%s”: its id already names actor “%s”",
                   id, bilat_record_get_id (BILAT_RECORD (holder)));
      return FALSE;
    }

  for (gsize i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      g_autofree char *key = _bilat_alias_key (aliases[i]);

      if (key == NULL || *key == '\0')
        continue;

      holder = find_name_holder (self, key);
      if (holder != NULL)
        {
          g_set_error (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_DUPLICATE_ALIAS,
                       "Cannot add actor “%s”: its alias “%s” already names actor “%s”",
                       id, aliases[i], bilat_record_get_id (BILAT_RECORD (holder)));
          return FALSE;
        }
    }

  return TRUE;
}

static void
index_alias (BilatStore *self,
             const char *key,
             Entry      *entry)
{
  GPtrArray *holders = g_hash_table_lookup (self->actor_aliases, key);

  if (holders == NULL)
    {
      holders = g_ptr_array_new ();
      g_hash_table_insert (self->actor_aliases, g_strdup (key), holders);
    }

  g_ptr_array_add (holders, entry);
}

static void
unindex_alias (BilatStore *self,
               const char *key,
               Entry      *entry)
{
  GPtrArray *holders = g_hash_table_lookup (self->actor_aliases, key);

  if (holders == NULL)
    return;

  /* Order-preserving, so that the next holder is the one that had the
   * name the longest. */
  g_ptr_array_remove (holders, entry);
  if (holders->len == 0)
    g_hash_table_remove (self->actor_aliases, key);
}

static void
index_actor (BilatStore *self,
             Entry      *entry)
{
  g_hash_table_insert (self->actor_ids, entry->id_key, entry);

  for (guint i = 0; i < entry->alias_keys->len; i++)
    index_alias (self, g_ptr_array_index (entry->alias_keys, i), entry);
}

static void
unindex_actor (BilatStore *self,
               Entry      *entry)
{
  g_hash_table_remove (self->actor_ids, entry->id_key);

  for (guint i = 0; i < entry->alias_keys->len; i++)
    unindex_alias (self, g_ptr_array_index (entry->alias_keys, i), entry);
}

/* Following changes of stored records */

static void
on_actor_aliases_changed (BilatActor *actor,
                          GParamSpec *pspec,
                          gpointer    user_data)
{
  BilatStore *self = user_data;
  Entry *entry = lookup_entry (self, KIND_ACTOR, bilat_record_get_id (BILAT_RECORD (actor)));
  GPtrArray *old_keys;
  GPtrArray *new_keys;

  if (entry == NULL || entry->record != BILAT_RECORD (actor))
    return;

  old_keys = entry->alias_keys;
  new_keys = collect_alias_keys (actor, entry->id_key);

  /* Names kept keep their place among their holders: only the names
   * dropped and the names gained change the index. */
  for (guint i = 0; i < old_keys->len; i++)
    {
      const char *key = g_ptr_array_index (old_keys, i);

      if (!keys_contain (new_keys, key))
        unindex_alias (self, key, entry);
    }

  for (guint i = 0; i < new_keys->len; i++)
    {
      const char *key = g_ptr_array_index (new_keys, i);

      if (!keys_contain (old_keys, key))
        index_alias (self, key, entry);
    }

  entry->alias_keys = new_keys;
  g_ptr_array_unref (old_keys);
}

static void
on_event_date_changed (BilatEvent *event,
                       gpointer    user_data);

static void
on_event_participants_changed (BilatEvent *event,
                               gpointer    user_data)
{
  BilatStore *self = user_data;
  Entry *entry = lookup_entry (self, KIND_EVENT, bilat_record_get_id (BILAT_RECORD (event)));

  if (entry == NULL || entry->record != BILAT_RECORD (event))
    return;
  unindex_event (self, entry);
  index_event (self, entry);
}

static void
on_event_figures_changed (BilatEvent *event,
                          gpointer    user_data)
{
  BilatStore *self = user_data;
  Entry *entry = lookup_entry (self, KIND_EVENT, bilat_record_get_id (BILAT_RECORD (event)));

  if (entry != NULL && entry->record == BILAT_RECORD (event))
    update_facts (self, entry);
}

static void
on_event_notify (BilatEvent *event,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  if (strcmp (pspec->name, "date") == 0)
    {
      on_event_figures_changed (event, user_data);
      on_event_date_changed (event, user_data);
    }
  else if (strcmp (pspec->name, "participants") == 0)
    on_event_participants_changed (event, user_data);
  else if (strcmp (pspec->name, "cameo-code") == 0 || strcmp (pspec->name, "goldstein") == 0)
    on_event_figures_changed (event, user_data);
}

static void
on_event_date_changed (BilatEvent *event,
                       gpointer    user_data)
{
  BilatStore *self = user_data;
  BilatRecord *record = BILAT_RECORD (event);
  BilatStoreList *list = self->lists[KIND_EVENT];
  BilatDate *date = bilat_event_get_date (event);
  const char *id = bilat_record_get_id (record);
  Entry *entry;

  guint old_position;

  entry = lookup_entry (self, KIND_EVENT, id);
  if (entry == NULL || entry->record != record)
    return;

  old_position = entry->iter != NULL ? entry_position (list, entry) : 0;
  g_clear_pointer (&entry->sort_date, bilat_date_unref);
  entry->sort_date = date != NULL ? bilat_date_ref (date) : NULL;
  list->merged_valid = FALSE;
  note_span (self, date);
  unsort_event_actors (self, entry);

  /* Out of the list, the event is between the two halves of a move, which
   * puts it back by the date just recorded. (GObject holds back the
   * notifications that an object makes while it notifies, so this is only
   * a safeguard.) */
  if (entry->iter == NULL ||
      (bilat_store_list_is_in_place (list, entry) && entry_position (list, entry) == old_position))
    return;

  /* Handlers of items-changed may drop the last references to the store
   * and to the event. */
  g_object_ref (self);
  g_object_ref (record);

  bilat_store_list_take_out_at (list, entry, old_position);

  /* A handler of that removal may have removed the event from the store
   * (then there is no entry any more) or removed it and added it again
   * (then its entry is back in the list already). */
  entry = lookup_entry (self, KIND_EVENT, id);
  if (entry != NULL && entry->record == record && entry->iter == NULL)
    bilat_store_list_insert (list, entry);

  g_object_unref (record);
  g_object_unref (self);
}

/* Events made of rows: a change makes them objects of the store */

static void
on_made_notify (GObject    *object,
                GParamSpec *pspec,
                gpointer    user_data);

static void
store_follow_made (BilatStore *store,
                   GObject    *object)
{
  g_signal_connect (object, "notify", G_CALLBACK (on_made_notify), store);
}

static void
store_unfollow_made (BilatStore     *self,
                     BilatStoreList *list)
{
  GHashTableIter iter;
  Made *made;

  g_hash_table_iter_init (&iter, list->made);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &made))
    g_signal_handlers_disconnect_matched (made->object, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

/* The row of the made object @object of @list, or -1. */
static gint64
made_row (BilatStoreList *list,
          GObject        *object)
{
  const char *id = bilat_record_get_id (BILAT_RECORD (object));
  gint64 row;
  Made *made;

  if (list->segment == NULL || id == NULL)
    return -1;
  row = list->kind == KIND_EVENT ? _bilat_segment_find_event (list->segment, id)
                                 : _bilat_segment_find_source (list->segment, id);
  if (row < 0 || bulk_is_dead (list, (guint) row))
    return -1;
  made = g_hash_table_lookup (list->made, GUINT_TO_POINTER ((guint) row + 1));
  return made != NULL && made->object == object ? row : -1;
}

static void
on_made_notify (GObject    *object,
                GParamSpec *pspec,
                gpointer    user_data)
{
  BilatStore *self = user_data;
  BilatStoreList *list = self->lists[KIND_EVENT];
  BilatEvent *event = BILAT_EVENT (object);
  gint64 row = made_row (list, object);
  Entry *entry;
  int year, month, day;

  g_signal_handlers_disconnect_matched (object, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  if (row < 0)
    return;

  /* The event becomes an object of the store where its row was, so the
   * list does not change; then the change itself is followed. */
  entry = g_new0 (Entry, 1);
  entry->record = g_object_ref (BILAT_RECORD (event));
  entry->id = bilat_record_get_id (entry->record);
  _bilat_julian_to_civil (_bilat_segment_get_day (list->segment, (guint) row), &year, &month, &day);
  entry->sort_date = bilat_date_new_day (year, month, day, NULL);
  bulk_kill (list, (guint) row);

  index_event (self, entry);
  add_facts (self, entry);
  entry->notify_id = g_signal_connect (entry->record, "notify", G_CALLBACK (on_event_notify), self);
  g_hash_table_insert (self->entries[KIND_EVENT], (gpointer) entry->id, entry);
  bilat_store_list_insert_full (list, entry, FALSE);

  on_event_notify (event, pspec, self);
}

/* The live row of @list with id @id, or -1. */
static gint64
live_row (BilatStoreList *list,
          const char     *id)
{
  gint64 row;

  if (list->vote_rows != NULL)
    return _bilat_vote_rows_find (list->vote_rows, id);
  if (list->roll_call_rows != NULL)
    return _bilat_roll_call_rows_find (list->roll_call_rows, id);
  if (list->segment == NULL)
    return -1;
  row = list->kind == KIND_EVENT ? _bilat_segment_find_event (list->segment, id)
                                 : _bilat_segment_find_source (list->segment, id);
  return row >= 0 && !bulk_is_dead (list, (guint) row) ? row : -1;
}

/* How many objects of @list sort before @row. */
static guint
objects_before_row (BilatStoreList *list,
                    guint           row)
{
  guint low = 0, high = g_sequence_get_length (list->items);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      Entry *entry = g_sequence_get (g_sequence_get_iter_at_pos (list->items, (int) middle));
      int order;

      if (list->kind == KIND_EVENT)
        order = -_bilat_segment_compare_event (list->segment, row, entry->sort_date, entry->id);
      else
        order = strcmp (entry->id, _bilat_segment_get_source_id (list->segment, row));
      if (order < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* How many objects of the source list sort before the id @id. */
static guint
objects_before_source (BilatStoreList *list,
                       const char     *id)
{
  guint low = 0, high = g_sequence_get_length (list->items);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      Entry *entry = g_sequence_get (g_sequence_get_iter_at_pos (list->items, (int) middle));

      if (strcmp (entry->id, id) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* Takes @row out of @list, emitting the removal. */
static void
remove_row (BilatStoreList *list,
            guint           row)
{
  guint position = objects_before_row (list, row) + row - bulk_dead_before (list, row);

  if (list->kind == KIND_EVENT && list->store != NULL)
    {
      Made *made = g_hash_table_lookup (list->made, GUINT_TO_POINTER (row + 1));

      if (made != NULL)
        g_signal_handlers_disconnect_matched (made->object, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, list->store);
    }
  bulk_kill (list, row);
  bilat_store_list_items_changed (list, position, 1, 0);
}

/* Bulk additions */

typedef struct
{
  GObject *object;
  gboolean pinned;
} Survivor;

/* Moves @list to @segment, keeping the objects made of rows that are
 * still there (they keep following the store). */
static void
list_move_to (BilatStoreList *list,
              BilatSegment   *segment)
{
  g_autoptr(GArray) survivors = g_array_new (FALSE, FALSE, sizeof (Survivor));
  GHashTableIter iter;
  Made *made;

  g_hash_table_iter_init (&iter, list->made);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &made))
    {
      Survivor survivor = {
        g_object_ref (made->object),
        g_hash_table_contains (list->pinned, GUINT_TO_POINTER (made->row + 1)),
      };

      g_array_append_val (survivors, survivor);
    }
  bulk_reset (list, segment);

  for (guint i = 0; i < survivors->len; i++)
    {
      Survivor *survivor = &g_array_index (survivors, Survivor, i);
      const char *id = bilat_record_get_id (BILAT_RECORD (survivor->object));
      gint64 row = list->kind == KIND_EVENT ? _bilat_segment_find_event (segment, id)
                                            : _bilat_segment_find_source (segment, id);

      if (row >= 0 && g_hash_table_lookup (list->made, GUINT_TO_POINTER ((guint) row + 1)) == NULL)
        {
          Made *again = g_new0 (Made, 1);

          again->list = list;
          again->object = survivor->object;
          again->row = (guint) row;
          g_object_weak_ref (survivor->object, on_made_finalized, again);
          g_hash_table_insert (list->made, GUINT_TO_POINTER ((guint) row + 1), again);
          if (survivor->pinned)
            g_hash_table_insert (list->pinned, GUINT_TO_POINTER ((guint) row + 1),
                                 g_object_ref (survivor->object));
        }
      g_object_unref (survivor->object);
    }
}

/* The position in @list of the live @row. */
static guint
row_position (BilatStoreList *list,
              guint           row)
{
  return objects_before_row (list, row) + row - bulk_dead_before (list, row);
}

/* Takes out the rows of the source list that an object source of the
 * store replaces. */
static void
kill_replaced_sources (BilatStore *self)
{
  BilatStoreList *sources = self->lists[KIND_SOURCE];
  GHashTableIter iter;
  const char *id;

  if (sources->segment == NULL)
    return;
  g_hash_table_iter_init (&iter, self->entries[KIND_SOURCE]);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      gint64 row = _bilat_segment_find_source (sources->segment, id);

      if (row >= 0)
        bulk_kill (sources, (guint) row);
    }
}

static gboolean
store_has_actor (const char *id,
                 gpointer    data)
{
  BilatActor *actor = bilat_store_lookup_actor (data, id);

  return actor != NULL && strcmp (bilat_record_get_id (BILAT_RECORD (actor)), id) == 0;
}

/* Whether the rows of a file's @segment, checked, hold only what the data
 * format allows: what a JSON file could not hold is not let in either. */
static gboolean
rows_allowed (BilatStore    *self,
              BilatSegment  *segment,
              GError       **error)
{
  g_autofree char *problem = NULL;

  if (_bilat_segment_check_tables (segment, store_has_actor, self, &problem))
    return TRUE;
  g_set_error (error, BILAT_FORMAT_ERROR, BILAT_FORMAT_ERROR_INVALID_VALUE,
               "%s: the events are not valid: %s", _bilat_segment_get_origin (segment), problem);
  return FALSE;
}

/* Takes @error as the reason a file's rows were left out, and says so. */
static void
record_damage (BilatStore *self,
               GError     *error)
{
  g_clear_error (&self->damage);
  self->damage = error;
  /* An application that follows the damage says it itself; to one that
   * does not, the log does. */
  if (!g_signal_has_handler_pending (self, g_signal_lookup ("notify", G_TYPE_OBJECT),
                                     g_quark_from_static_string ("damage"), FALSE))
    g_warning ("%s; its coded events and their sources are left out of the store", self->damage->message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAMAGE]);
}

/* Whether the rows of the store may be read. Rows loaded from a native
 * file are checked here, on their first use: if the check passes, this
 * returns TRUE from then on; if it fails, the rows leave the store (with
 * items-changed), BilatStore:damage says why, and this returns FALSE. */
static gboolean
store_rows_ready (BilatStore *self)
{
  BilatStoreList *events = self->lists[KIND_EVENT];
  BilatStoreList *sources = self->lists[KIND_SOURCE];
  BilatSegment *segment = events->segment != NULL ? events->segment : sources->segment;
  GError *error = NULL;

  if (segment == NULL || self->rows_accepted)
    return TRUE;

  if (_bilat_segment_ensure_verified (segment, &error) && rows_allowed (self, segment, &error))
    {
      self->rows_accepted = TRUE;
      if (self->kill_pending)
        {
          guint old_sources = list_n_items (sources);

          self->kill_pending = FALSE;
          kill_replaced_sources (self);
          if (list_n_items (sources) != old_sources)
            bilat_store_list_items_changed (sources, 0, old_sources, list_n_items (sources));
        }
      return TRUE;
    }

  /* Nothing of a damaged file is read: its rows go, its objects stay. */
  self->kill_pending = FALSE;
  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      BilatStoreList *list = self->lists[kind];

      if (list->segment != NULL)
        {
          guint old = list_n_items (list);

          bulk_reset (list, NULL);
          bilat_store_list_items_changed (list, 0, old, list_n_items (list));
        }
    }
  record_damage (self, error);
  return FALSE;
}

gboolean
_bilat_store_ensure_rows (BilatStore  *self,
                          GError     **error)
{
  if (store_rows_ready (self))
    return TRUE;
  g_propagate_error (error, g_error_copy (self->damage));
  return FALSE;
}

void
_bilat_store_add_segment (BilatStore   *self,
                          BilatSegment *added)
{
  BilatStoreList *events = self->lists[KIND_EVENT];
  BilatStoreList *sources = self->lists[KIND_SOURCE];
  BilatSegment *merged;
  guint old_events, old_sources;
  char first_id[48];
  const char *first_source = NULL;
  g_autofree char *first_source_copy = NULL;

  g_return_if_fail (BILAT_IS_STORE (self));

  if (_bilat_segment_get_n_rows (added) == 0 && _bilat_segment_get_n_sources (added) == 0)
    return;

  store_rows_ready (self);
  old_events = list_n_items (events);
  old_sources = list_n_items (sources);

  /* The rows of a file that is still to be checked are not read: the
   * lists announce them all, and what the rows replace is found once the
   * check has passed. */
  if (events->segment == NULL && sources->segment == NULL &&
      !_bilat_segment_is_verified (added))
    {
      list_move_to (events, added);
      list_move_to (sources, added);
      self->kill_pending = TRUE;
      self->rows_accepted = FALSE;
      bilat_store_list_items_changed (events, 0, old_events, list_n_items (events));
      bilat_store_list_items_changed (sources, 0, old_sources, list_n_items (sources));
      return;
    }
  g_return_if_fail (_bilat_segment_is_verified (added));

  /* A file checked as it was loaded (into a store with events) is let in
   * only if a JSON file could hold it too. */
  if (_bilat_segment_get_origin (added) != NULL)
    {
      GError *error = NULL;

      if (!rows_allowed (self, added, &error))
        {
          record_damage (self, error);
          return;
        }
    }

  /* The events are new to the store (the caller made sure); sources the
   * store has already are kept as they are. */
  if (events->segment == NULL && sources->segment == NULL)
    merged = _bilat_segment_ref (added);
  else
    {
      BilatSegment *old = events->segment != NULL ? events->segment : sources->segment;
      BilatSegmentBuilder *builder = _bilat_segment_builder_new ();

      for (guint row = 0; row < events->n_rows; row++)
        if (!bulk_is_dead (events, row))
          _bilat_segment_builder_copy_row (builder, old, row);
      for (guint row = 0; row < sources->n_rows; row++)
        if (!bulk_is_dead (sources, row))
          _bilat_segment_builder_copy_source (builder, old, row);
      for (guint row = 0; row < _bilat_segment_get_n_rows (added); row++)
        _bilat_segment_builder_copy_row (builder, added, row);
      for (guint row = 0; row < _bilat_segment_get_n_sources (added); row++)
        _bilat_segment_builder_copy_source (builder, added, row);
      merged = _bilat_segment_builder_finish (builder);
    }

  if (_bilat_segment_get_n_rows (added) > 0)
    _bilat_segment_format_id (added, 0, first_id);
  if (_bilat_segment_get_n_sources (added) > 0)
    first_source = first_source_copy = g_strdup (_bilat_segment_get_source_id (added, 0));

  list_move_to (events, merged);
  list_move_to (sources, merged);

  /* A bulk source that an object of the store has the id of stays out. */
  kill_replaced_sources (self);

  /* Everything before the first new record is as it was. */
  if (_bilat_segment_get_n_rows (added) > 0)
    {
      guint position = row_position (events, (guint) _bilat_segment_find_event (merged, first_id));
      guint n = list_n_items (events);

      bilat_store_list_items_changed (events, position, old_events - position, n - position);
    }
  if (first_source != NULL)
    {
      guint position = MIN (old_sources, _bilat_segment_source_lower_bound (merged, first_source) +
                                         objects_before_source (sources, first_source));
      guint n = list_n_items (sources);

      position = MIN (position, n);
      if (old_sources != n || position < n)
        bilat_store_list_items_changed (sources, position, old_sources - position, n - position);
    }
  self->rows_accepted = TRUE;
  _bilat_segment_unref (merged);
}

BilatSegment *
_bilat_store_get_segment (BilatStore    *self,
                          const guint8 **dead)
{
  BilatStoreList *events = self->lists[KIND_EVENT];

  store_rows_ready (self);

  *dead = events->dead;
  return events->n_rows > 0 ? events->segment : NULL;
}

gboolean
_bilat_store_has_event (BilatStore *self,
                        const char *id)
{
  store_rows_ready (self);
  return g_hash_table_contains (self->entries[KIND_EVENT], id) ||
         live_row (self->lists[KIND_EVENT], id) >= 0;
}

GPtrArray *
_bilat_store_list_objects (BilatStore *self,
                           guint       kind)
{
  GSequence *items = self->lists[kind]->items;
  GPtrArray *records = g_ptr_array_sized_new (g_sequence_get_length (items));

  for (GSequenceIter *iter = g_sequence_get_begin_iter (items);
       !g_sequence_iter_is_end (iter);
       iter = g_sequence_iter_next (iter))
    g_ptr_array_add (records, ((Entry *) g_sequence_get (iter))->record);
  return records;
}

BilatSegment *
_bilat_store_ref_live_segment (BilatStore *self)
{
  BilatStoreList *events = self->lists[KIND_EVENT];
  BilatStoreList *sources = self->lists[KIND_SOURCE];
  BilatSegment *segment;
  BilatSegmentBuilder *builder;

  store_rows_ready (self);
  segment = events->segment != NULL ? events->segment : sources->segment;

  if (segment == NULL)
    return NULL;
  if (events->dead == NULL && sources->dead == NULL)
    return _bilat_segment_ref (segment);

  builder = _bilat_segment_builder_new ();
  for (guint row = 0; row < events->n_rows; row++)
    if (!bulk_is_dead (events, row))
      _bilat_segment_builder_copy_row (builder, segment, row);
  for (guint row = 0; row < sources->n_rows; row++)
    if (!bulk_is_dead (sources, row))
      _bilat_segment_builder_copy_source (builder, segment, row);
  return _bilat_segment_builder_finish (builder);
}

void
_bilat_store_walk (BilatStore    *self,
                   guint          kind,
                   BilatWalkFunc  func,
                   gpointer       data)
{
  BilatStoreList *list = self->lists[kind];
  GSequenceIter *iter = g_sequence_get_begin_iter (list->items);
  guint row = 0;
  guint position = 0;
  /* The rows of a segment; votes are no segment's and not walked. */
  guint n_rows = list->segment != NULL ? list->n_rows : 0;

  store_rows_ready (self);

  for (;;)
    {
      Entry *entry = g_sequence_iter_is_end (iter) ? NULL : g_sequence_get (iter);
      gboolean take_row;

      while (row < n_rows && bulk_is_dead (list, row))
        row++;
      if (entry == NULL && row >= n_rows)
        break;
      if (entry == NULL)
        take_row = TRUE;
      else if (row >= n_rows)
        take_row = FALSE;
      else if (kind == KIND_EVENT)
        take_row = _bilat_segment_compare_event (list->segment, row, entry->sort_date, entry->id) < 0;
      else
        take_row = strcmp (_bilat_segment_get_source_id (list->segment, row), entry->id) < 0;

      if (take_row)
        func (position++, NULL, row++, data);
      else
        {
          func (position++, entry->record, 0, data);
          iter = g_sequence_iter_next (iter);
        }
    }
}

BilatSegment *
_bilat_store_get_source_segment (BilatStore *self)
{
  BilatStoreList *sources = self->lists[KIND_SOURCE];

  store_rows_ready (self);

  return sources->n_rows > 0 ? sources->segment : NULL;
}

gboolean
_bilat_store_has_dead_sources (BilatStore *self)
{
  store_rows_ready (self);
  return self->lists[KIND_SOURCE]->dead != NULL;
}

/* A query result: objects and rows, merged in list order */

typedef struct
{
  GObject         parent_instance;
  BilatStoreList *list;         /* the store's, for objects made of rows */
  BilatSegment   *segment;
  GPtrArray      *objects;
  GArray         *rows;
  GArray         *order;        /* guint32: object index, or ROW_BIT | row index */
} BilatStoreResult;

typedef struct
{
  GObjectClass parent_class;
} BilatStoreResultClass;

#define ROW_BIT 0x80000000u

static GType bilat_store_result_get_type (void);
static void  bilat_store_result_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BilatStoreResult, bilat_store_result, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      bilat_store_result_model_init))

static void
bilat_store_result_finalize (GObject *object)
{
  BilatStoreResult *self = (BilatStoreResult *) object;

  g_clear_object (&self->list);
  g_clear_pointer (&self->segment, _bilat_segment_unref);
  g_clear_pointer (&self->objects, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->order, g_array_unref);
  G_OBJECT_CLASS (bilat_store_result_parent_class)->finalize (object);
}

static void
bilat_store_result_class_init (BilatStoreResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bilat_store_result_finalize;
}

static void
bilat_store_result_init (BilatStoreResult *self)
{
}

static GType
bilat_store_result_get_item_type (GListModel *model)
{
  return BILAT_TYPE_EVENT;
}

static guint
bilat_store_result_get_n_items (GListModel *model)
{
  return ((BilatStoreResult *) model)->order->len;
}

static gpointer
bilat_store_result_get_item (GListModel *model,
                             guint       position)
{
  BilatStoreResult *self = (BilatStoreResult *) model;
  guint32 value;
  guint row;

  if (position >= self->order->len)
    return NULL;
  value = g_array_index (self->order, guint32, position);
  if ((value & ROW_BIT) == 0)
    return g_object_ref (g_ptr_array_index (self->objects, value));
  row = g_array_index (self->rows, guint32, value & ~ROW_BIT);
  /* While the store still has the row, its object is the store's. */
  if (self->list->segment == self->segment && !bulk_is_dead (self->list, row))
    return bulk_make (self->list, row);
  return _bilat_segment_make_event (self->segment, row);
}

static void
bilat_store_result_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bilat_store_result_get_item_type;
  iface->get_n_items = bilat_store_result_get_n_items;
  iface->get_item = bilat_store_result_get_item;
}

GListModel *
_bilat_store_new_result (BilatStore   *self,
                         GPtrArray    *objects,
                         BilatSegment *segment,
                         GArray       *rows)
{
  BilatStoreResult *result = g_object_new (bilat_store_result_get_type (), NULL);
  guint i = 0, j = 0;
  guint n_rows = rows != NULL ? rows->len : 0;

  result->list = g_object_ref (self->lists[KIND_EVENT]);
  result->segment = segment != NULL ? _bilat_segment_ref (segment) : NULL;
  result->objects = g_ptr_array_new_full (objects->len, g_object_unref);
  for (guint k = 0; k < objects->len; k++)
    g_ptr_array_add (result->objects, g_object_ref (g_ptr_array_index (objects, k)));
  result->rows = rows != NULL ? g_array_ref (rows) : g_array_new (FALSE, FALSE, sizeof (guint32));
  result->order = g_array_sized_new (FALSE, FALSE, sizeof (guint32), objects->len + n_rows);

  while (i < objects->len || j < n_rows)
    {
      guint32 value;

      if (j >= n_rows)
        value = i++;
      else if (i >= objects->len)
        value = ROW_BIT | j++;
      else
        {
          BilatEvent *event = g_ptr_array_index (objects, i);

          if (_bilat_segment_compare_event (segment, g_array_index (rows, guint32, j),
                                            bilat_event_get_date (event),
                                            bilat_record_get_id (BILAT_RECORD (event))) < 0)
            value = ROW_BIT | j++;
          else
            value = i++;
        }
      g_array_append_val (result->order, value);
    }
  return G_LIST_MODEL (result);
}

/* GObject */

static void
bilat_store_dispose (GObject *object)
{
  BilatStore *self = BILAT_STORE (object);

  /* The name indexes point into the entries, so they go first. A list
   * that outlives the store keeps its entries, and so its records. */
  g_hash_table_remove_all (self->actor_ids);
  g_hash_table_remove_all (self->actor_aliases);
  g_hash_table_remove_all (self->event_index);

  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      release_entries (self, kind);
      if (self->lists[kind] != NULL)
        {
          store_unfollow_made (self, self->lists[kind]);
          self->lists[kind]->store = NULL;
        }
      g_clear_object (&self->lists[kind]);
    }

  G_OBJECT_CLASS (bilat_store_parent_class)->dispose (object);
}

static void
bilat_store_finalize (GObject *object)
{
  BilatStore *self = BILAT_STORE (object);

  g_clear_pointer (&self->actor_ids, g_hash_table_unref);
  g_clear_pointer (&self->actor_aliases, g_hash_table_unref);
  g_clear_pointer (&self->event_index, g_hash_table_unref);
  g_clear_pointer (&self->facts, g_array_unref);
  g_clear_pointer (&self->votes, _bilat_votes_unref);
  g_clear_error (&self->damage);

  for (guint kind = 0; kind < N_KINDS; kind++)
    g_clear_pointer (&self->entries[kind], g_hash_table_unref);

  G_OBJECT_CLASS (bilat_store_parent_class)->finalize (object);
}

static void
bilat_store_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BilatStore *self = BILAT_STORE (object);

  switch (prop_id)
    {
    case PROP_SOURCES:
      g_value_set_object (value, self->lists[KIND_SOURCE]);
      break;

    case PROP_ACTORS:
      g_value_set_object (value, self->lists[KIND_ACTOR]);
      break;

    case PROP_ISSUES:
      g_value_set_object (value, self->lists[KIND_ISSUE]);
      break;

    case PROP_EVENTS:
      g_value_set_object (value, self->lists[KIND_EVENT]);
      break;

    case PROP_POSITIONS:
      g_value_set_object (value, self->lists[KIND_POSITION]);
      break;

    case PROP_DAMAGE:
      g_value_set_boxed (value, self->damage);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bilat_store_class_init (BilatStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bilat_store_dispose;
  object_class->finalize = bilat_store_finalize;
  object_class->get_property = bilat_store_get_property;

  /**
   * BilatStore:sources: (getter get_sources)
   *
   * The [class@Bilat.Source]s of the store, in the order of their ids.
   *
   * Since: 1.0
   */
  properties[PROP_SOURCES] =
    g_param_spec_object ("sources", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  /**
   * BilatStore:actors: (getter get_actors)
   *
   * The [class@Bilat.Actor]s of the store, in the order of their ids.
   *
   * Since: 1.0
   */
  properties[PROP_ACTORS] =
    g_param_spec_object ("actors", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  /**
   * BilatStore:issues: (getter get_issues)
   *
   * The [class@Bilat.Issue]s of the store, in the order of their ids.
   *
   * Since: 1.0
   */
  properties[PROP_ISSUES] =
    g_param_spec_object ("issues", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  /**
   * BilatStore:events: (getter get_events)
   *
   * The [class@Bilat.Event]s of the store, exercises included, in date
   * order: see [method@Bilat.Store.get_events].
   *
   * Since: 1.0
   */
  properties[PROP_EVENTS] =
    g_param_spec_object ("events", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  /**
   * BilatStore:positions: (getter get_positions)
   *
   * The [class@Bilat.Position]s of the store, in the order of their ids.
   *
   * Since: 1.0
   */
  properties[PROP_POSITIONS] =
    g_param_spec_object ("positions", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  /**
   * BilatStore:damage: (getter get_damage)
   *
   * Why the coded events of a native file were left out of the store, or
   * %NULL: see [method@Bilat.Store.get_damage].
   *
   * Since: 1.0
   */
  properties[PROP_DAMAGE] =
    g_param_spec_boxed ("damage", NULL, NULL,
                        G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bilat_store_init (BilatStore *self)
{
  const GType item_types[N_KINDS] = {
    [KIND_SOURCE] = BILAT_TYPE_SOURCE,
    [KIND_ACTOR] = BILAT_TYPE_ACTOR,
    [KIND_ISSUE] = BILAT_TYPE_ISSUE,
    [KIND_EVENT] = BILAT_TYPE_EVENT,
    [KIND_POSITION] = BILAT_TYPE_POSITION,
  };

  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      self->entries[kind] = g_hash_table_new (g_str_hash, g_str_equal);
      self->lists[kind] = bilat_store_list_new (item_types[kind],
                                                kind == KIND_EVENT ? compare_dates : compare_ids);
      self->lists[kind]->kind = kind;
      self->lists[kind]->store = self;
    }

  /* The id keys belong to the entries; alias keys are shared by the
   * holders of an alias, so the table owns them. */
  self->actor_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->actor_aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);
  self->event_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) actor_events_free);
  self->facts = g_array_new (FALSE, FALSE, sizeof (BilatEventFacts));
}

/* Public API */

/**
 * bilat_store_new:
 *
 * Creates an empty store.
 *
 * Returns: (transfer full): a new [class@Bilat.Store]
 *
 * Since: 1.0
 */
BilatStore *
bilat_store_new (void)
{
  return g_object_new (BILAT_TYPE_STORE, NULL);
}

/**
 * bilat_store_add:
 * @self: a [class@Bilat.Store]
 * @record: the record to add: a [class@Bilat.Source], [class@Bilat.Actor],
 *   [class@Bilat.Issue], [class@Bilat.Event] (an [class@Bilat.Exercise] is
 *   one) or [class@Bilat.Position]
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Adds @record to the store, which keeps a reference to it, and inserts it
 * in its place in the list of its kind, which emits
 * [signal@Gio.ListModel::items-changed] once.
 *
 * The addition fails, and the store is left unchanged, if a record of the
 * same kind has the id of @record (%BILAT_STORE_ERROR_DUPLICATE_ID, also
 * when @record itself is in the store already), if @record is an actor whose
 * id or one of whose aliases is, ignoring case, the id or an alias of
 * another actor of the store (%BILAT_STORE_ERROR_DUPLICATE_ALIAS), or if
 * @record is of none of the kinds above, such as a record type of the
 * application's own (%BILAT_STORE_ERROR_INVALID_RECORD).
 *
 * The records that @record refers to (its participants, the sources of its
 * citations, a position's holder and issue) need not be in the store: the
 * store does not check references.
 *
 * Returns: %TRUE if @record was added, %FALSE with @error set otherwise
 *
 * Since: 1.0
 */
gboolean
bilat_store_add (BilatStore   *self,
                 BilatRecord  *record,
                 GError      **error)
{
  RecordKind kind;
  const char *id;
  Entry *entry;

  g_return_val_if_fail (BILAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (BILAT_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store_rows_ready (self);

  kind = record_kind (record);
  id = bilat_record_get_id (record);

  if (kind == KIND_NONE)
    {
      g_set_error (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_INVALID_RECORD,
                   "Cannot store record “%s”: its type %s is not a source, "
                   "actor, issue, event or position",
                   id != NULL ? id : "", G_OBJECT_TYPE_NAME (record));
      return FALSE;
    }

  /* Only a record made with g_object_new() and no id gets here without one. */
  if (id == NULL)
    {
      g_set_error (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_INVALID_RECORD,
                   "Cannot store %s without an id", kind_names[kind].noun);
      return FALSE;
    }

  /* Made with g_object_new() without its required properties, a position
   * would make every comparison and query of positions fail. */
  if (kind == KIND_POSITION &&
      (bilat_position_get_holder (BILAT_POSITION (record)) == NULL ||
       bilat_position_get_issue (BILAT_POSITION (record)) == NULL))
    {
      g_set_error (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_INVALID_RECORD,
                   "Cannot store position “%s” without a %s", id,
                   bilat_position_get_holder (BILAT_POSITION (record)) == NULL ? "holder" : "issue");
      return FALSE;
    }

  if (g_hash_table_contains (self->entries[kind], id) ||
      live_row (self->lists[kind], id) >= 0)
    {
      g_set_error (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_DUPLICATE_ID,
                   "%s with id “%s” is already in the store",
                   kind_names[kind].with_article, id);
      return FALSE;
    }

  entry = g_new0 (Entry, 1);
  entry->record = g_object_ref (record);
  entry->id = id;

  switch (kind)
    {
    case KIND_ACTOR:
      /* A valid id is ASCII, so it always has a key. */
      entry->id_key = _bilat_alias_key (id);
      if (entry->id_key == NULL)
        entry->id_key = g_strdup (id);

      if (!check_actor_names (self, BILAT_ACTOR (record), entry->id_key, error))
        {
          entry_free (entry);
          return FALSE;
        }
      entry->alias_keys = collect_alias_keys (BILAT_ACTOR (record), entry->id_key);
      index_actor (self, entry);
      entry->notify_id = g_signal_connect (record, "notify::aliases",
                                           G_CALLBACK (on_actor_aliases_changed),
                                           self);
      break;

    case KIND_EVENT:
      {
        BilatDate *date = bilat_event_get_date (BILAT_EVENT (record));

        entry->sort_date = date != NULL ? bilat_date_ref (date) : NULL;
        index_event (self, entry);
        add_facts (self, entry);
        entry->notify_id = g_signal_connect (record, "notify",
                                             G_CALLBACK (on_event_notify),
                                             self);
      }
      break;

    default:
      break;
    }

  /* Index first, list last: handlers of items-changed must find the
   * store complete. */
  g_hash_table_insert (self->entries[kind], (gpointer) id, entry);
  bilat_store_list_insert (self->lists[kind], entry);

  return TRUE;
}

/**
 * bilat_store_remove:
 * @self: a [class@Bilat.Store]
 * @record: the record to remove
 * @error: return location for a [struct@GLib.Error], or %NULL
 *
 * Removes @record from the store and from the list of its kind, which
 * emits [signal@Gio.ListModel::items-changed] once, and drops the store's
 * reference to it.
 *
 * It is @record itself that is removed: if it is not in the store, even if
 * another record of its kind has its id, the removal fails with
 * %BILAT_STORE_ERROR_NOT_FOUND. To remove by id, look the record up first.
 *
 * Removing a record takes O(log n) steps in a store of n records of its
 * kind.
 *
 * Returns: %TRUE if @record was removed, %FALSE with @error set otherwise
 *
 * Since: 1.0
 */
gboolean
bilat_store_remove (BilatStore   *self,
                    BilatRecord  *record,
                    GError      **error)
{
  RecordKind kind;
  const char *id;
  Entry *entry = NULL;

  g_return_val_if_fail (BILAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (BILAT_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store_rows_ready (self);

  kind = record_kind (record);
  id = bilat_record_get_id (record);

  if (kind != KIND_NONE && id != NULL)
    entry = g_hash_table_lookup (self->entries[kind], id);

  if (entry == NULL && kind != KIND_NONE && id != NULL)
    {
      BilatStoreList *list = self->lists[kind];
      gint64 row = made_row (list, G_OBJECT (record));

      /* A vote or a roll call goes with the table it is a row of. */
      if (list->vote_rows != NULL && live_row (list, id) >= 0)
        {
          g_set_error (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_INVALID_RECORD,
                       "Position “%s” is a vote of the store's roll calls, which are "
                       "removed all together (bilat_store_clear()), not one by one", id);
          return FALSE;
        }
      if (list->roll_call_rows != NULL && live_row (list, id) >= 0)
        {
          g_set_error (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_INVALID_RECORD,
                       "Issue “%s” is a roll call of the store's votes, which are "
                       "removed all together (bilat_store_clear()), not one by one", id);
          return FALSE;
        }
      if (row >= 0)
        {
          g_object_ref (record);
          remove_row (list, (guint) row);
          g_object_unref (record);
          return TRUE;
        }
      if (live_row (list, id) >= 0)
        {
          g_set_error (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_NOT_FOUND,
                       "This %s is not in the store: the %s with id “%s” "
                       "in the store is another object",
                       kind_names[kind].noun, kind_names[kind].noun, id);
          return FALSE;
        }
    }

  if (entry == NULL || entry->record != record)
    {
      if (kind == KIND_NONE)
        g_set_error (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_NOT_FOUND,
                     "Record “%s” of type %s is not in the store",
                     id != NULL ? id : "", G_OBJECT_TYPE_NAME (record));
      else if (entry != NULL)
        g_set_error (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_NOT_FOUND,
                     "This %s is not in the store: the %s with id “%s” "
                     "in the store is another object",
                     kind_names[kind].noun, kind_names[kind].noun, id);
      else
        g_set_error (error, BILAT_STORE_ERROR, BILAT_STORE_ERROR_NOT_FOUND,
                     "%s with id “%s” is not in the store",
                     kind_names[kind].with_article, id != NULL ? id : "");
      return FALSE;
    }

  /* Out of the indexes and deaf to the record before the list signals, so
   * that handlers see a consistent store; the entry's reference keeps the
   * record alive until the signal is over. An event that a handler removes
   * halfway through a move is out of the list already. */
  g_hash_table_remove (self->entries[kind], id);
  if (kind == KIND_ACTOR)
    unindex_actor (self, entry);
  if (kind == KIND_EVENT)
    {
      unindex_event (self, entry);
      remove_facts (self, entry);
    }
  g_clear_signal_handler (&entry->notify_id, record);

  if (entry->iter != NULL)
    bilat_store_list_take_out (self->lists[kind], entry);

  entry_free (entry);

  return TRUE;
}

/**
 * bilat_store_clear:
 * @self: a [class@Bilat.Store]
 *
 * Removes every record from the store. Each list that was not empty emits
 * [signal@Gio.ListModel::items-changed] once, for all its items.
 *
 * Since: 1.0
 */
void
bilat_store_clear (BilatStore *self)
{
  g_return_if_fail (BILAT_IS_STORE (self));

  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      if (kind == KIND_ACTOR)
        {
          g_hash_table_remove_all (self->actor_ids);
          g_hash_table_remove_all (self->actor_aliases);
        }
      if (kind == KIND_EVENT)
        {
          g_hash_table_remove_all (self->event_index);
          g_array_set_size (self->facts, 0);
        }

      /* As in a removal: the indexes first, the signal, then the entries. */
      release_entries (self, kind);
      free_entries (bilat_store_list_take_all (self->lists[kind]));
    }

  g_clear_pointer (&self->votes, _bilat_votes_unref);

  /* What was said of a file's rows went with them. */
  self->kill_pending = FALSE;
  if (self->damage != NULL)
    {
      g_clear_error (&self->damage);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAMAGE]);
    }
}

static BilatRecord *
lookup_record (BilatStore *self,
               RecordKind  kind,
               const char *id)
{
  Entry *entry = lookup_entry (self, kind, id);
  gint64 row;

  if (entry != NULL)
    return entry->record;
  if (kind != KIND_EVENT && kind != KIND_SOURCE && kind != KIND_POSITION && kind != KIND_ISSUE)
    return NULL;
  store_rows_ready (self);
  row = live_row (self->lists[kind], id);
  return row >= 0 ? bulk_pin (self->lists[kind], (guint) row) : NULL;
}

/**
 * bilat_store_lookup_source:
 * @self: a [class@Bilat.Store]
 * @id: the id of a source
 *
 * Finds the source of the store with the id @id.
 *
 * Returns: (transfer none) (nullable): the source, or %NULL if the store
 *   has none with that id
 *
 * Since: 1.0
 */
BilatSource *
bilat_store_lookup_source (BilatStore *self,
                           const char *id)
{
  g_return_val_if_fail (BILAT_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return (BilatSource *) lookup_record (self, KIND_SOURCE, id);
}

/**
 * bilat_store_lookup_actor:
 * @self: a [class@Bilat.Store]
 * @id_or_alias: the id or an alias of an actor, in any case
 *
 * Finds an actor of the store by id or by alias.
 *
 * The actor whose id is exactly @id_or_alias comes first; then the actor
 * whose id is @id_or_alias ignoring case (`pak` finds `PAK`); then the actor
 * with the alias @id_or_alias ignoring case (`islamabad` finds `PAK` if
 * `Islamabad` is one of its aliases). Case is ignored as by
 * g_utf8_casefold(), after Unicode normalisation.
 *
 * If changes to actors' aliases made after they were added gave an alias to
 * several actors, the one that had it first is found.
 *
 * Returns: (transfer none) (nullable): the actor, or %NULL if no actor of
 *   the store has that id or alias
 *
 * Since: 1.0
 */
BilatActor *
bilat_store_lookup_actor (BilatStore *self,
                          const char *id_or_alias)
{
  BilatRecord *record;
  g_autofree char *key = NULL;

  g_return_val_if_fail (BILAT_IS_STORE (self), NULL);
  g_return_val_if_fail (id_or_alias != NULL, NULL);

  record = lookup_record (self, KIND_ACTOR, id_or_alias);
  if (record != NULL)
    return BILAT_ACTOR (record);

  /* Text that is not valid UTF-8 has no key, and is no actor's name. */
  key = _bilat_alias_key (id_or_alias);
  if (key == NULL)
    return NULL;

  return find_name_holder (self, key);
}

guint
_bilat_store_get_lineage (BilatStore *self,
                          const char *actor,
                          const char *lineage[_BILAT_LINEAGE_MAX])
{
  guint n = 0;

  lineage[n++] = actor;
  while (n < _BILAT_LINEAGE_MAX)
    {
      BilatActor *record = bilat_store_lookup_actor (self, lineage[n - 1]);
      const char *id;

      /* An actor the store does not know continues what the identity
       * tables say (RUS: SUN), as the readers of event data resolve
       * codes: a store of 1985's events has SUN, and no RUS to say so. */
      if (record == NULL)
        id = bilat_identity_get_predecessor (bilat_identity_get_default (), lineage[n - 1]);
      else
        id = bilat_actor_get_predecessor (record);
      if (id == NULL)
        break;
      for (guint i = 0; i < n; i++)
        if (strcmp (lineage[i], id) == 0)
          return n;
      lineage[n++] = id;
    }
  return n;
}

/**
 * bilat_store_lookup_issue:
 * @self: a [class@Bilat.Store]
 * @id: the id of an issue
 *
 * Finds the issue of the store with the id @id.
 *
 * Returns: (transfer none) (nullable): the issue, or %NULL if the store
 *   has none with that id
 *
 * Since: 1.0
 */
BilatIssue *
bilat_store_lookup_issue (BilatStore *self,
                          const char *id)
{
  g_return_val_if_fail (BILAT_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return (BilatIssue *) lookup_record (self, KIND_ISSUE, id);
}

/**
 * bilat_store_lookup_event:
 * @self: a [class@Bilat.Store]
 * @id: the id of an event
 *
 * Finds the event of the store with the id @id. Exercises are events: use
 * `BILAT_IS_EXERCISE()` (or the type checks of your language) on the
 * result to tell them apart.
 *
 * Returns: (transfer none) (nullable): the event, or %NULL if the store
 *   has none with that id
 *
 * Since: 1.0
 */
BilatEvent *
bilat_store_lookup_event (BilatStore *self,
                          const char *id)
{
  g_return_val_if_fail (BILAT_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return (BilatEvent *) lookup_record (self, KIND_EVENT, id);
}

/**
 * bilat_store_lookup_position:
 * @self: a [class@Bilat.Store]
 * @id: the id of a position
 *
 * Finds the position of the store with the id @id.
 *
 * Returns: (transfer none) (nullable): the position, or %NULL if the store
 *   has none with that id
 *
 * Since: 1.0
 */
BilatPosition *
bilat_store_lookup_position (BilatStore *self,
                             const char *id)
{
  g_return_val_if_fail (BILAT_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return (BilatPosition *) lookup_record (self, KIND_POSITION, id);
}

/**
 * bilat_store_get_sources: (get-property sources)
 * @self: a [class@Bilat.Store]
 *
 * Gets the sources of the store, in the order of their ids.
 *
 * The list is the same object for the lifetime of the store and follows
 * its changes; see [class@Bilat.Store].
 *
 * Returns: (transfer none): a [iface@Gio.ListModel] of [class@Bilat.Source]
 *
 * Since: 1.0
 */
GListModel *
bilat_store_get_sources (BilatStore *self)
{
  g_return_val_if_fail (BILAT_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->lists[KIND_SOURCE]);
}

/**
 * bilat_store_get_actors: (get-property actors)
 * @self: a [class@Bilat.Store]
 *
 * Gets the actors of the store, in the order of their ids.
 *
 * The list is the same object for the lifetime of the store and follows
 * its changes; see [class@Bilat.Store].
 *
 * Returns: (transfer none): a [iface@Gio.ListModel] of [class@Bilat.Actor]
 *
 * Since: 1.0
 */
GListModel *
bilat_store_get_actors (BilatStore *self)
{
  g_return_val_if_fail (BILAT_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->lists[KIND_ACTOR]);
}

/**
 * bilat_store_get_issues: (get-property issues)
 * @self: a [class@Bilat.Store]
 *
 * Gets the issues of the store, in the order of their ids.
 *
 * The roll calls of the votes the store holds
 * ([method@Bilat.Store.import_votes]) are among them, `unga:RCID` with
 * their date, session, resolution, importance and topics as parents: they
 * are kept as a table and an issue is made for one when it is asked for.
 *
 * The list is the same object for the lifetime of the store and follows
 * its changes; see [class@Bilat.Store].
 *
 * Returns: (transfer none): a [iface@Gio.ListModel] of [class@Bilat.Issue]
 *
 * Since: 1.0
 */
GListModel *
bilat_store_get_issues (BilatStore *self)
{
  g_return_val_if_fail (BILAT_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->lists[KIND_ISSUE]);
}

/**
 * bilat_store_get_events: (get-property events)
 * @self: a [class@Bilat.Store]
 *
 * Gets the events of the store, exercises included, in the order of
 * [method@Bilat.Event.compare]: by date, unknown dates last, events of the
 * same date by id.
 *
 * The list is the same object for the lifetime of the store and follows
 * its changes, including changes of the events' dates, which move them;
 * see [class@Bilat.Store].
 *
 * Returns: (transfer none): a [iface@Gio.ListModel] of [class@Bilat.Event]
 *
 * Since: 1.0
 */
GListModel *
bilat_store_get_events (BilatStore *self)
{
  g_return_val_if_fail (BILAT_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->lists[KIND_EVENT]);
}

/**
 * bilat_store_get_positions: (get-property positions)
 * @self: a [class@Bilat.Store]
 *
 * Gets the positions of the store, in the order of their ids.
 *
 * The votes the store holds ([method@Bilat.Store.import_votes]) are among
 * them, `unga:RCID:STATE`, each citing its row of the votes table; they
 * are kept as a table and a position is made for one when it is asked
 * for.
 *
 * The list is the same object for the lifetime of the store and follows
 * its changes; see [class@Bilat.Store].
 *
 * Returns: (transfer none): a [iface@Gio.ListModel] of [class@Bilat.Position]
 *
 * Since: 1.0
 */
GListModel *
bilat_store_get_positions (BilatStore *self)
{
  g_return_val_if_fail (BILAT_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->lists[KIND_POSITION]);
}

/**
 * bilat_store_get_damage: (get-property damage)
 * @self: a [class@Bilat.Store]
 *
 * Opening a native file (`*.bilat`) checks what costs nothing whatever
 * its size: the header, the directory of sections, each section's place
 * and size, and the records kept as objects. The coded events and their
 * sources, which may be hundreds of millions of rows, are checked — every
 * section's checksum and every value — the first time the store reads
 * them: when its lists are counted or read, or a query, a series, a
 * lookup, a check or a save needs them. A load into a store that has
 * events already checks them at once.
 *
 * If that check fails, nothing of the damaged sections is read: the rows
 * leave the store (its lists emit [signal@Gio.ListModel::items-changed]),
 * this property changes (a warning is logged unless the application is
 * connected to `notify::damage`), [method@Bilat.Store.check] reports the
 * damage, and
 * saving is refused, so a damaged file is never overwritten by a copy
 * that lacks its rows. This returns the error that says which file and
 * which section were damaged.
 *
 * Returns: (nullable) (transfer none): the error, or %NULL when nothing
 *   the store holds was found damaged
 *
 * Since: 1.0
 */
const GError *
bilat_store_get_damage (BilatStore *self)
{
  g_return_val_if_fail (BILAT_IS_STORE (self), NULL);

  store_rows_ready (self);
  return self->damage;
}

BilatVotes *
_bilat_store_get_votes (BilatStore *self)
{
  return self->votes;
}

void
_bilat_store_set_votes (BilatStore *self,
                        BilatVotes *votes)
{
  BilatStoreList *positions = self->lists[KIND_POSITION];
  BilatStoreList *issues = self->lists[KIND_ISSUE];
  guint before = list_n_items (positions);
  guint issues_before = list_n_items (issues);

  if (votes != NULL)
    _bilat_votes_ref (votes);
  g_clear_pointer (&self->votes, _bilat_votes_unref);
  self->votes = votes;

  /* The votes are rows of the positions, merged with the objects in id
   * order: the list is given anew. */
  bulk_reset_votes (positions, votes);
  bulk_reset_votes (issues, votes);
  if (issues_before > 0 || list_n_items (issues) > 0)
    bilat_store_list_items_changed (issues, 0, issues_before, list_n_items (issues));
  if (before > 0 || list_n_items (positions) > 0)
    bilat_store_list_items_changed (positions, 0, before, list_n_items (positions));
}
