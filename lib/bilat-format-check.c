/* bilat-format-check.c: what a store must satisfy to be saved
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A store accepts records in any order and keeps references it cannot
 * resolve yet, but the data format refuses a file with a dangling
 * reference, an unknown code or a name shared by two actors. Checking a
 * store against the same rules before writing it keeps the promise that a
 * saved store loads back equal: a save either writes such a file or fails
 * with the first problem.
 */

#include <string.h>

#include <bilat/bilat.h>

#include "bilat-format-private.h"
#include "bilat-segment-private.h"
#include "bilat-store-private.h"

typedef struct
{
  BilatStore *store;
  GPtrArray  *problems;

  GHashTable *cycles;     /* actor ids whose predecessors come back */

  /* the record being checked */
  const char *kind;
  int         index;
  const char *id;
} Checker;

static void
problem (Checker          *c,
         BilatFormatError  code,
         const char       *field,
         const char       *format,
         ...) G_GNUC_PRINTF (4, 5);

static void
problem (Checker          *c,
         BilatFormatError  code,
         const char       *field,
         const char       *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (c->problems,
                   _bilat_problem_new (code, NULL, 0, c->kind, c->index, c->id, field, message));
}

static void
check_reference (Checker    *c,
                 const char *field,
                 _BilatKind  kind,
                 const char *id)
{
  gboolean found;

  if (id == NULL)
    return;

  switch (kind)
    {
    case _BILAT_KIND_SOURCE:
      found = bilat_store_lookup_source (c->store, id) != NULL;
      break;
    case _BILAT_KIND_ACTOR:
      /* By id exactly: an alias is no reference in a file. */
      found = bilat_store_lookup_actor (c->store, id) != NULL &&
              strcmp (bilat_record_get_id (BILAT_RECORD (bilat_store_lookup_actor (c->store, id))),
                      id) == 0;
      break;
    case _BILAT_KIND_ISSUE:
      found = bilat_store_lookup_issue (c->store, id) != NULL;
      break;
    default:
      found = TRUE;
    }

  if (!found)
    problem (c, BILAT_FORMAT_ERROR_UNKNOWN_REFERENCE, field, "no %s “%s” in the store",
             _bilat_kinds[kind].noun, id);
}

static void
check_strings (Checker     *c,
               BilatRecord *record,
               const _BilatField *fields)
{
  for (const _BilatField *field = fields; field->name != NULL; field++)
    {
      g_autofree char *text = NULL;
      GParamSpec *pspec;

      if (field->property == NULL || field->type != _BILAT_FIELD_STRING)
        continue;
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), field->property);
      if (pspec == NULL || G_PARAM_SPEC_VALUE_TYPE (pspec) != G_TYPE_STRING)
        continue;
      g_object_get (record, field->property, &text, NULL);
      if (text != NULL && !g_utf8_validate (text, -1, NULL))
        problem (c, BILAT_FORMAT_ERROR_INVALID_VALUE, field->name, "the text is not valid UTF-8");
    }
}

static void
check_citations (Checker     *c,
                 BilatRecord *record)
{
  GPtrArray *citations = bilat_record_get_citations (record);

  for (guint i = 0; i < citations->len; i++)
    check_reference (c, "citations", _BILAT_KIND_SOURCE,
                     bilat_citation_get_source (g_ptr_array_index (citations, i)));
}

static void
check_actor (Checker    *c,
             BilatActor *actor)
{
  const char *id = bilat_record_get_id (BILAT_RECORD (actor));
  const char * const *aliases = bilat_actor_get_aliases (actor);

  if (bilat_actor_get_kind (actor) == BILAT_ACTOR_KIND_STATE && bilat_country_get_name (id) == NULL)
    problem (c, BILAT_FORMAT_ERROR_INVALID_VALUE, "id",
             "a state's id is an ISO 3166-1 or 3166-3 alpha-3 code, not “%s”", id);

  /* Every name of the actor must find the actor itself. */
  for (guint i = 0; aliases[i] != NULL; i++)
    {
      BilatActor *holder = bilat_store_lookup_actor (c->store, aliases[i]);

      if (holder != actor)
        problem (c, BILAT_FORMAT_ERROR_DUPLICATE_ID, "aliases",
                 "the alias “%s” names another actor, “%s”", aliases[i],
                 holder ? bilat_record_get_id (BILAT_RECORD (holder)) : "");
    }

  check_reference (c, "affiliation", _BILAT_KIND_ACTOR, bilat_actor_get_affiliation (actor));
  check_reference (c, "speaks_for", _BILAT_KIND_ACTOR, bilat_actor_get_speaks_for (actor));
  check_reference (c, "predecessor", _BILAT_KIND_ACTOR, bilat_actor_get_predecessor (actor));

  /* A chain of predecessors that comes back would make succession loop. */
  if (g_hash_table_contains (c->cycles, id))
    problem (c, BILAT_FORMAT_ERROR_INVALID_VALUE, "predecessor",
             "the chain of predecessors comes back to “%s”", id);
}

/* An actor's predecessor, through the store's lookup (ids or aliases). */
static const char *
next_predecessor (const char *id,
                  gpointer    user_data)
{
  BilatActor *actor = bilat_store_lookup_actor (user_data, id);

  return actor != NULL ? bilat_actor_get_predecessor (actor) : NULL;
}

/* The ids of the store's actors whose chain of predecessors comes back
 * to them, found for all at once. */
static GHashTable *
predecessor_cycles (BilatStore *store)
{
  GListModel *actors = bilat_store_get_actors (store);
  guint n = g_list_model_get_n_items (actors);
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree const char **ids = g_new (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      BilatRecord *actor = g_list_model_get_item (actors, i);

      g_ptr_array_add (objects, actor);
      ids[i] = bilat_record_get_id (actor);
    }
  return _bilat_chain_cycles (ids, n, next_predecessor, store);
}

static void
check_event (Checker    *c,
             BilatEvent *event)
{
  GPtrArray *participants = bilat_event_get_participants (event);
  BilatPlace *place = bilat_event_get_place (event);
  const char *code = bilat_event_get_cameo_code (event);

  for (guint i = 0; i < participants->len; i++)
    check_reference (c, "participants", _BILAT_KIND_ACTOR,
                     bilat_participant_get_actor (g_ptr_array_index (participants, i)));

  if (code != NULL && !bilat_cameo_is_known (code))
    problem (c, BILAT_FORMAT_ERROR_INVALID_VALUE, "cameo",
             "“%s” is not a code of the CAMEO codebook", code);

  if (place != NULL)
    {
      const char *subdivision = bilat_place_get_subdivision (place);
      const char *country = bilat_place_get_country (place);

      if (subdivision != NULL && bilat_subdivision_get_name (subdivision) == NULL)
        problem (c, BILAT_FORMAT_ERROR_INVALID_VALUE, "place",
                 "“%s” is not an ISO 3166-2 subdivision code", subdivision);
      if (country != NULL && bilat_country_get_name (country) == NULL)
        problem (c, BILAT_FORMAT_ERROR_INVALID_VALUE, "place",
                 "“%s” is not an ISO 3166 alpha-3 country code", country);
    }

  if (BILAT_IS_EXERCISE (event))
    {
      check_reference (c, "host", _BILAT_KIND_ACTOR,
                       bilat_exercise_get_host (BILAT_EXERCISE (event)));
      check_strings (c, BILAT_RECORD (event), _bilat_exercise_fields);
    }
  if (BILAT_IS_CODED_EVENT (event))
    check_strings (c, BILAT_RECORD (event), _bilat_coded_fields);
}

static void
check_issue (Checker    *c,
             BilatIssue *issue)
{
  const char * const *parents = bilat_issue_get_parents (issue);

  for (guint i = 0; parents[i] != NULL; i++)
    check_reference (c, "parents", _BILAT_KIND_ISSUE, parents[i]);
}

static void
check_position (Checker       *c,
                BilatPosition *position)
{
  check_reference (c, "holder", _BILAT_KIND_ACTOR, bilat_position_get_holder (position));
  check_reference (c, "issue", _BILAT_KIND_ISSUE, bilat_position_get_issue (position));
  check_reference (c, "target", _BILAT_KIND_ACTOR, bilat_position_get_target (position));
}

/* Walking a list of the store: objects are checked as they are; rows
 * only when the columns say they may fail, as objects made for that. */
typedef struct
{
  Checker      *c;
  int           kind;
  GListModel   *list;
  const guint8 *suspect;       /* rows to check, or NULL: none */
  gboolean      check_rows;    /* every row, made as an object */
} Walk;

static void
check_item (guint        position,
            BilatRecord *object,
            guint        row,
            gpointer     data)
{
  Walk *w = data;
  Checker *c = w->c;
  g_autoptr(BilatRecord) made = NULL;
  BilatRecord *record = object;

  if (record == NULL)
    {
      if (!w->check_rows &&
          (w->suspect == NULL || (w->suspect[row >> 3] & (1u << (row & 7))) == 0))
        return;
      record = made = g_list_model_get_item (w->list, position);
    }

  c->index = (int) position;
  c->id = bilat_record_get_id (record);
  check_strings (c, record, _bilat_kinds[w->kind].fields);
  check_citations (c, record);

  if (w->kind == _BILAT_KIND_ACTOR)
    check_actor (c, BILAT_ACTOR (record));
  else if (w->kind == _BILAT_KIND_EVENT)
    check_event (c, BILAT_EVENT (record));
  else if (w->kind == _BILAT_KIND_ISSUE)
    check_issue (c, BILAT_ISSUE (record));
  else if (w->kind == _BILAT_KIND_POSITION)
    check_position (c, BILAT_POSITION (record));
}

static gboolean
actor_known (const char *id,
             gpointer    data)
{
  BilatActor *actor = bilat_store_lookup_actor (data, id);

  return actor != NULL && strcmp (bilat_record_get_id (BILAT_RECORD (actor)), id) == 0;
}

/**
 * bilat_store_check:
 * @self: a [class@Bilat.Store]
 *
 * Checks the store against the rules of the data format, which a store
 * does not enforce while records are added: every reference names a
 * record of the store, CAMEO codes are in the codebook, states and places
 * have ISO codes, no two actors share a name, predecessors do not form a
 * loop, and text is valid UTF-8. Saving fails on the first problem this
 * finds, so that a saved store always loads back.
 *
 * Coded events kept as columns (see [class@Bilat.Store]) are checked on
 * their columns: each code, place and actor once, not each event.
 *
 * Returns: (transfer container) (element-type Bilat.Problem): every
 *   problem, each naming the record and the member; empty when the store
 *   can be saved
 *
 * Since: 1.0
 */
GPtrArray *
bilat_store_check (BilatStore *self)
{
  GListModel *lists[_BILAT_N_KINDS];
  Checker c = { 0 };
  const guint8 *dead;
  BilatSegment *segment;
  g_autofree guint8 *suspect = NULL;
  gboolean strings_valid = TRUE;

  g_return_val_if_fail (BILAT_IS_STORE (self), NULL);

  lists[_BILAT_KIND_SOURCE] = bilat_store_get_sources (self);
  lists[_BILAT_KIND_ACTOR] = bilat_store_get_actors (self);
  lists[_BILAT_KIND_ISSUE] = bilat_store_get_issues (self);
  lists[_BILAT_KIND_EVENT] = bilat_store_get_events (self);
  lists[_BILAT_KIND_POSITION] = bilat_store_get_positions (self);

  c.store = self;
  c.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) bilat_problem_unref);
  c.cycles = predecessor_cycles (self);

  /* The rows of a damaged native file were left out: saving now would
   * lose them. */
  if (bilat_store_get_damage (self) != NULL)
    g_ptr_array_add (c.problems,
                     _bilat_problem_new (BILAT_FORMAT_ERROR_INVALID_VALUE, NULL, 0, NULL, -1, NULL, NULL,
                                         bilat_store_get_damage (self)->message));

  /* Rows cite the sources their import added with them; only when one of
   * those was removed may a citation dangle. */
  segment = _bilat_store_get_segment (self, &dead);
  if (segment != NULL)
    {
      strings_valid = _bilat_segment_strings_valid (segment);
      suspect = _bilat_segment_suspect_rows (segment, actor_known, self,
                                             _bilat_store_has_dead_sources (self));
    }

  for (int kind = 0; kind < _BILAT_N_KINDS; kind++)
    {
      Walk walk = { &c, kind, lists[kind], kind == _BILAT_KIND_EVENT ? suspect : NULL, !strings_valid };

      c.kind = _bilat_kinds[kind].member;
      _bilat_store_walk (self, (guint) kind, check_item, &walk);
    }

  g_hash_table_unref (c.cycles);
  return c.problems;
}

gboolean
_bilat_store_check_savable (BilatStore  *self,
                            GError     **error)
{
  g_autoptr(GPtrArray) problems = bilat_store_check (self);
  g_autofree char *first = NULL;

  if (problems->len == 0)
    return TRUE;

  first = bilat_problem_to_string (g_ptr_array_index (problems, 0));
  if (problems->len == 1)
    g_set_error (error, BILAT_FORMAT_ERROR,
                 bilat_problem_get_code (g_ptr_array_index (problems, 0)),
                 "Cannot save the store: %s", first);
  else
    g_set_error (error, BILAT_FORMAT_ERROR,
                 bilat_problem_get_code (g_ptr_array_index (problems, 0)),
                 "Cannot save the store: %s (and %u more problems)", first, problems->len - 1);
  return FALSE;
}
