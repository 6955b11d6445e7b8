/* bilat-store-votes.c: roll-call votes in a store
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layering: the import reads UNGA tables (bilat-unga.c) into a vote table
 * and hands it to the store (bilat-store.c keeps it beside its objects);
 * nothing reaches the store before every input is read.
 */

#include <string.h>

#include <bilat/bilat.h>

#include "bilat-import-private.h"
#include "bilat-store-private.h"
#include "bilat-unga-private.h"
#include "bilat-votes-private.h"
#include "bilat-votes-json-private.h"

void
_bilat_store_add_votes_source (BilatStore *self)
{
  g_autoptr(BilatSource) source = NULL;

  if (bilat_store_lookup_source (self, _BILAT_VOTES_SOURCE) != NULL)
    return;
  source = bilat_source_new (_BILAT_VOTES_SOURCE);
  bilat_source_set_title (source, "UN General Assembly roll calls and votes");
  bilat_store_add (self, BILAT_RECORD (source), NULL);
}

/* Hands @votes to @store, with what the votes refer to that the store
 * does not have yet: an actor (a state) for each holder, and an issue for
 * each topic, `unga-topic:CODE` titled with the topic's name, so that the
 * positions' holders and the roll calls' parent issues are records of the
 * store as in any dataset, and the source the votes cite. */
static void
commit_votes (BilatStore *store,
              BilatVotes *votes)
{
  for (guint t = 0; t < _bilat_votes_get_n_topics (votes); t++)
    {
      g_autofree char *id = g_strconcat ("unga-topic:", _bilat_votes_get_topic_code (votes, t), NULL);
      const char *name = _bilat_votes_get_topic_name (votes, t);

      if (bilat_store_lookup_issue (store, id) == NULL)
        {
          g_autoptr(BilatIssue) issue = bilat_issue_new (id);

          if (name[0] != '\0')
            bilat_issue_set_title (issue, name);
          bilat_store_add (store, BILAT_RECORD (issue), NULL);
        }
    }
  for (guint h = 0; h < _bilat_votes_get_n_holders (votes); h++)
    {
      const char *id = _bilat_votes_get_holder (votes, h);

      /* By id, not alias: an actor whose alias is the code is another. */
      if (bilat_store_lookup_actor (store, id) == NULL)
        {
          g_autoptr(BilatActor) actor = bilat_actor_new (id, BILAT_ACTOR_KIND_STATE);

          bilat_store_add (store, BILAT_RECORD (actor), NULL);
        }
    }
  _bilat_store_add_votes_source (store);
  _bilat_store_set_votes (store, votes);
}

/* A roll call is an issue of the store's: no issue object of the store
 * may have its id. */
static gboolean
check_issue_ids (BilatStore  *store,
                 BilatVotes  *votes,
                 GError     **error)
{
  BilatVotes *before = _bilat_store_get_votes (store);

  for (guint i = 0; i < _bilat_votes_get_n_roll_calls (votes); i++)
    {
      guint32 number = _bilat_votes_get_roll_calls (votes)[i].number;
      char id[_BILAT_VOTES_ID_SIZE];

      if (before != NULL && _bilat_votes_find_roll_call (before, number) >= 0)
        continue;
      _bilat_votes_format_id (votes, i, id);
      if (bilat_store_lookup_issue (store, id) != NULL)
        {
          g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_DUPLICATE_ID,
                       "roll call %u has the id of an issue of the store, “%s”", number, id);
          return FALSE;
        }
    }
  return TRUE;
}

/* Reads @inputs (files, or @stream when it is not NULL), then merges what
 * they hold into the store's table. */
static BilatImportReport *
import_votes (BilatStore        *store,
              GFile            **files,
              guint              n_files,
              GInputStream      *stream,
              const char        *name,
              BilatImportFlags   flags,
              GCancellable      *cancellable,
              GError           **error)
{
  g_autoptr(BilatImportReport) report = bilat_import_report_new ();
  BilatUngaReader *reader = _bilat_unga_reader_new (flags, report);
  BilatVotes *votes = NULL;
  gboolean ok = TRUE;

  if (stream != NULL)
    {
      BilatInput *input = _bilat_input_new_for_stream (stream, name != NULL ? name : "(stream)",
                                                       cancellable, error);

      ok = input != NULL && _bilat_unga_reader_read (reader, input, cancellable, error);
      if (input != NULL)
        _bilat_input_free (input);
    }
  for (guint i = 0; ok && i < n_files; i++)
    {
      BilatInput *input = _bilat_input_new_for_file (files[i], cancellable, error);

      ok = input != NULL && _bilat_unga_reader_read (reader, input, cancellable, error);
      if (input != NULL)
        _bilat_input_free (input);
    }
  if (ok)
    ok = !g_cancellable_set_error_if_cancelled (cancellable, error);
  if (ok)
    {
      votes = _bilat_unga_reader_finish (reader, _bilat_store_get_votes (store), error);
      ok = votes != NULL;
    }
  _bilat_unga_reader_free (reader);
  if (ok)
    ok = check_issue_ids (store, votes, error);
  if (!ok)
    {
      g_clear_pointer (&votes, _bilat_votes_unref);
      return NULL;
    }

  commit_votes (store, votes);
  _bilat_votes_unref (votes);
  return g_steal_pointer (&report);
}

/**
 * bilat_store_import_votes:
 * @store: a [class@Bilat.Store]
 * @files: (array length=n_files): the files to read, plain, gzip or zip
 * @n_files: the number of @files
 * @flags: how to read: %BILAT_IMPORT_FLAGS_STRICT makes the first bad row
 *   an error
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for a #GError
 *
 * Reads UN General Assembly roll calls and votes into the store: three
 * CSV tables, told apart by their header and given in any order (or as
 * members of one zip archive) — the roll calls (`rcid`, `session`,
 * `importantvote`, `date`, `unres`, `amend`, `para`, `short`, `descr`),
 * their topics (`rcid`, `short_name`, `issue`) and the votes (`rcid`,
 * `country`, `country_code`, `vote`). The layout is that of Erik Voeten's
 * data as the unvotes package distributes it; votes are `yes`, `no`,
 * `abstain` or Voeten's codes 1, 2, 3 (8 absent and 9 not a member are no
 * vote), countries ISO 3166-1 alpha-2 codes, read as the alpha-3 code of
 * the state (withdrawn codes such as `SU` as the ISO 3166-3 code, `SUN`).
 *
 * Each roll call is the issue `unga:RCID` and each vote a position on it;
 * they are kept as a table, not as one object each, and measured with
 * [method@Bilat.Store.compute_affinity].
 *
 * A bad row — a vote that is not a vote, an unknown country, a vote or a
 * topic for a roll call no table has, a date that is not one — is skipped
 * and reported with its file, line and field, or, in strict mode, fails
 * the import. Nothing is added to the store before every file is read:
 * on an error, the store is left as it was.
 *
 * Returns: (transfer full): what was read, or %NULL with @error set
 *
 * Since: 1.0
 */
BilatImportReport *
bilat_store_import_votes (BilatStore        *store,
                          GFile            **files,
                          guint              n_files,
                          BilatImportFlags   flags,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_return_val_if_fail (BILAT_IS_STORE (store), NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);
  for (guint i = 0; i < n_files; i++)
    g_return_val_if_fail (G_IS_FILE (files[i]), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return import_votes (store, files, n_files, NULL, NULL, flags, cancellable, error);
}

/**
 * bilat_store_import_votes_from_stream:
 * @store: a [class@Bilat.Store]
 * @stream: a stream of one table, plain, gzip or zip (of any of them)
 * @name: (nullable): what to call the stream in messages, or %NULL
 * @flags: how to read
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for a #GError
 *
 * Reads UN General Assembly roll calls and votes from a stream, as
 * [method@Bilat.Store.import_votes] reads files.
 *
 * Returns: (transfer full): what was read, or %NULL with @error set
 *
 * Since: 1.0
 */
BilatImportReport *
bilat_store_import_votes_from_stream (BilatStore        *store,
                                      GInputStream      *stream,
                                      const char        *name,
                                      BilatImportFlags   flags,
                                      GCancellable      *cancellable,
                                      GError           **error)
{
  g_return_val_if_fail (BILAT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return import_votes (store, NULL, 0, stream, name, flags, cancellable, error);
}

gboolean
_bilat_store_issue_is_under (BilatStore *self,
                             const char *issue,
                             const char *parent)
{
  BilatVotes *votes = _bilat_store_get_votes (self);
  BilatIssue *object;
  guint32 number;
  gint64 rc;

  if (issue == NULL)
    return FALSE;

  /* A roll call of the table: its topics, without making its issue. */
  if (votes != NULL && _bilat_votes_parse_id (issue, &number) &&
      (rc = _bilat_votes_find_roll_call (votes, number)) >= 0)
    {
      int topic;

      if (!g_str_has_prefix (parent, "unga-topic:"))
        return FALSE;
      topic = _bilat_votes_find_topic (votes, parent + strlen ("unga-topic:"));
      return topic >= 0 && (_bilat_votes_get_roll_calls (votes)[rc].topics & (1u << topic)) != 0;
    }

  /* Any other issue: the parents it was given. */
  object = bilat_store_lookup_issue (self, issue);
  return object != NULL && bilat_issue_has_parent (object, parent);
}
