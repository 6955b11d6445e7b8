/* bilat-format.c: the error domain and the tables of the JSON data format
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <bilat/bilat.h>

#include "bilat-format-private.h"
#include "bilat-problem-private.h"

/**
 * bilat_format_error_quark:
 *
 * Returns the quark of the error domain of the data format; use
 * %BILAT_FORMAT_ERROR instead.
 *
 * Returns: the %BILAT_FORMAT_ERROR quark
 *
 * Since: 1.0
 */
G_DEFINE_QUARK (bilat-format-error-quark, bilat_format_error)

/* The tables of docs/format.md. Reader and writer both walk them, so that
 * what is read is what is written, in the same order. */

static const _BilatField source_fields[] = {
  { "id", NULL, _BILAT_FIELD_ID, _BILAT_FIELD_REQUIRED, 0 },
  { "title", "title", _BILAT_FIELD_STRING, 0, 0 },
  { "author", "author", _BILAT_FIELD_STRING, 0, 0 },
  { "publisher", "publisher", _BILAT_FIELD_STRING, 0, 0 },
  { "published", "published", _BILAT_FIELD_DATE, 0, 0 },
  { "url", "url", _BILAT_FIELD_STRING, 0, 0 },
  { "citations", NULL, _BILAT_FIELD_CITATIONS, 0, 0 },
  { NULL, NULL, 0, 0, 0 },
};

static const _BilatField actor_fields[] = {
  { "id", NULL, _BILAT_FIELD_ID, _BILAT_FIELD_REQUIRED, 0 },
  { "kind", "kind", _BILAT_FIELD_ENUM, _BILAT_FIELD_REQUIRED, 0 },
  { "name", "name", _BILAT_FIELD_OWN_NAME, 0, 0 },
  { "aliases", NULL, _BILAT_FIELD_ALIASES, 0, 0 },
  { "affiliation", "affiliation", _BILAT_FIELD_REFERENCE, 0, _BILAT_KIND_ACTOR },
  { "speaks_for", "speaks-for", _BILAT_FIELD_REFERENCE, 0, _BILAT_KIND_ACTOR },
  { "predecessor", "predecessor", _BILAT_FIELD_REFERENCE, 0, _BILAT_KIND_ACTOR },
  { "citations", NULL, _BILAT_FIELD_CITATIONS, 0, 0 },
  { NULL, NULL, 0, 0, 0 },
};

static const _BilatField issue_fields[] = {
  { "id", NULL, _BILAT_FIELD_ID, _BILAT_FIELD_REQUIRED, 0 },
  { "title", "title", _BILAT_FIELD_STRING, 0, 0 },
  { "description", "description", _BILAT_FIELD_STRING, 0, 0 },
  { "date", "date", _BILAT_FIELD_DATE, 0, 0 },
  { "session", "session", _BILAT_FIELD_SESSION, 0, 0 },
  { "resolution", "resolution", _BILAT_FIELD_STRING, 0, 0 },
  { "important", "important", _BILAT_FIELD_BOOLEAN, 0, 0 },
  { "parents", NULL, _BILAT_FIELD_PARENTS, 0, _BILAT_KIND_ISSUE },
  { "citations", NULL, _BILAT_FIELD_CITATIONS, 0, 0 },
  { NULL, NULL, 0, 0, 0 },
};

static const _BilatField event_fields[] = {
  { "id", NULL, _BILAT_FIELD_ID, _BILAT_FIELD_REQUIRED, 0 },
  { "type", NULL, _BILAT_FIELD_EVENT_TYPE, _BILAT_FIELD_REQUIRED, 0 },
  { "date", "date", _BILAT_FIELD_DATE, _BILAT_FIELD_REQUIRED | _BILAT_FIELD_NULLABLE, 0 },
  { "title", "title", _BILAT_FIELD_STRING, 0, 0 },
  { "summary", "summary", _BILAT_FIELD_STRING, 0, 0 },
  { "participants", NULL, _BILAT_FIELD_PARTICIPANTS, 0, 0 },
  { "place", NULL, _BILAT_FIELD_PLACE, 0, 0 },
  { "sectors", "sectors", _BILAT_FIELD_SECTORS, 0, 0 },
  { "cameo", "cameo-code", _BILAT_FIELD_CAMEO, 0, 0 },
  { "goldstein", "goldstein", _BILAT_FIELD_SCORE, 0, 0 },
  { "citations", NULL, _BILAT_FIELD_CITATIONS, 0, 0 },
  { NULL, NULL, 0, 0, 0 },
};

const _BilatField _bilat_exercise_fields[] = {
  { "series", "series", _BILAT_FIELD_STRING, 0, 0 },
  { "edition", "edition", _BILAT_FIELD_COUNT, 0, 0 },
  { "host", "host", _BILAT_FIELD_REFERENCE, 0, _BILAT_KIND_ACTOR },
  { "domain", "domain", _BILAT_FIELD_ENUM, 0, 0 },
  { "focus", "focus", _BILAT_FIELD_STRING, 0, 0 },
  { "domains", "domains", _BILAT_FIELD_SECTORS, 0, 0 },
  { "missions", "missions", _BILAT_FIELD_SECTORS, 0, 0 },
  { "participant_info", "participant-info", _BILAT_FIELD_STRING, 0, 0 },
  { "unknown_participants", "unknown-participants", _BILAT_FIELD_COUNT, 0, 0 },
  { NULL, NULL, 0, 0, 0 },
};

const _BilatField _bilat_coded_fields[] = {
  { "dataset", "dataset", _BILAT_FIELD_ENUM, 0, 0 },
  { "actor1_code", "actor1-code", _BILAT_FIELD_STRING, 0, 0 },
  { "actor1_name", "actor1-name", _BILAT_FIELD_STRING, 0, 0 },
  { "actor1_types", "actor1-types", _BILAT_FIELD_STRING, 0, 0 },
  { "actor2_code", "actor2-code", _BILAT_FIELD_STRING, 0, 0 },
  { "actor2_name", "actor2-name", _BILAT_FIELD_STRING, 0, 0 },
  { "actor2_types", "actor2-types", _BILAT_FIELD_STRING, 0, 0 },
  { "root_event", "root-event", _BILAT_FIELD_BOOLEAN, 0, 0 },
  { "mentions", "mentions", _BILAT_FIELD_COUNT, 0, 0 },
  { "sources", "sources", _BILAT_FIELD_COUNT, 0, 0 },
  { "articles", "articles", _BILAT_FIELD_COUNT, 0, 0 },
  { "tone", "tone", _BILAT_FIELD_NUMBER, 0, 0 },
  { "url", "url", _BILAT_FIELD_STRING, 0, 0 },
  { "date_added", "date-added", _BILAT_FIELD_DATE, 0, 0 },
  { NULL, NULL, 0, 0, 0 },
};

static const _BilatField position_fields[] = {
  { "id", NULL, _BILAT_FIELD_ID, _BILAT_FIELD_REQUIRED, 0 },
  { "holder", "holder", _BILAT_FIELD_REFERENCE, _BILAT_FIELD_REQUIRED, _BILAT_KIND_ACTOR },
  { "issue", "issue", _BILAT_FIELD_REFERENCE, _BILAT_FIELD_REQUIRED, _BILAT_KIND_ISSUE },
  { "stance", "stance", _BILAT_FIELD_ENUM, _BILAT_FIELD_REQUIRED, 0 },
  { "target", "target", _BILAT_FIELD_REFERENCE, 0, _BILAT_KIND_ACTOR },
  { "date", "date", _BILAT_FIELD_DATE, 0, 0 },
  { "summary", "summary", _BILAT_FIELD_STRING, 0, 0 },
  { "sectors", "sectors", _BILAT_FIELD_SECTORS, 0, 0 },
  { "citations", NULL, _BILAT_FIELD_CITATIONS, 0, 0 },
  { NULL, NULL, 0, 0, 0 },
};

const _BilatKindInfo _bilat_kinds[_BILAT_N_KINDS] = {
  [_BILAT_KIND_SOURCE] = { "sources", "source", source_fields },
  [_BILAT_KIND_ACTOR] = { "actors", "actor", actor_fields },
  [_BILAT_KIND_ISSUE] = { "issues", "issue", issue_fields },
  [_BILAT_KIND_EVENT] = { "events", "event", event_fields },
  [_BILAT_KIND_POSITION] = { "positions", "position", position_fields },
};

BilatProblem *
_bilat_problem_new (BilatFormatError  code,
                    const char       *file,
                    guint64           line,
                    const char       *kind,
                    int               index,
                    const char       *record_id,
                    const char       *field,
                    const char       *message)
{
  return _bilat_problem_new_full (BILAT_FORMAT_ERROR, code, file, line, 0, kind, index,
                                  record_id, field, message);
}

/* Cycles of chains: a walk from each id not seen yet, marking the ids on
 * its path, stops at an id seen before. If that id is on the path itself,
 * the path from it on is a cycle; otherwise the path leads into a walk
 * done before, whose cycles are known already. */

#define ON_PATH GINT_TO_POINTER (1)
#define DONE GINT_TO_POINTER (2)

GHashTable *
_bilat_chain_cycles (const char * const *ids,
                     guint               n_ids,
                     _BilatChainNextFunc next,
                     gpointer            user_data)
{
  g_autoptr(GHashTable) state = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  GHashTable *cycles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n_ids; i++)
    {
      const char *id = ids[i];
      gpointer mark = NULL;

      g_ptr_array_set_size (path, 0);
      while (id != NULL && (mark = g_hash_table_lookup (state, id)) == NULL)
        {
          g_hash_table_insert (state, (gpointer) id, ON_PATH);
          g_ptr_array_add (path, (gpointer) id);
          id = next (id, user_data);
        }
      if (id != NULL && mark == ON_PATH)
        {
          /* From the end of the path back to where it came back. */
          for (guint j = path->len; j > 0; j--)
            {
              const char *member = g_ptr_array_index (path, j - 1);

              g_hash_table_add (cycles, g_strdup (member));
              if (strcmp (member, id) == 0)
                break;
            }
        }
      for (guint j = 0; j < path->len; j++)
        g_hash_table_insert (state, g_ptr_array_index (path, j), DONE);
    }
  return cycles;
}
