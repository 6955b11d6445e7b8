/* chronology.c: build a small chronology in memory and print it in date order
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Build it like any program that uses libbilat:
 *
 *   cc chronology.c $(pkg-config --cflags --libs bilat-1.0)
 */

#include <stdio.h>
#include <stdlib.h>

#include <bilat/bilat.h>

static gboolean
add_event (BilatStore  *store,
           const char  *id,
           const char  *date_text,
           const char  *title,
           GError     **error)
{
  g_autoptr(BilatEvent) event = bilat_event_new (id);

  if (date_text != NULL)
    {
      g_autoptr(BilatDate) date = bilat_date_parse (date_text, error);

      if (date == NULL)
        return FALSE;
      bilat_event_set_date (event, date);
    }
  bilat_event_set_title (event, title);
  bilat_event_add_participant (event, "PAK", BILAT_ROLE_PARTICIPANT);
  bilat_event_add_participant (event, "RUS", BILAT_ROLE_PARTICIPANT);

  return bilat_store_add (store, BILAT_RECORD (event), error);
}

int
main (void)
{
  g_autoptr(BilatStore) store = bilat_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BilatActor) pakistan = bilat_actor_new ("PAK", BILAT_ACTOR_KIND_STATE);
  g_autoptr(BilatActor) russia = bilat_actor_new ("RUS", BILAT_ACTOR_KIND_STATE);
  GListModel *events;

  if (!bilat_store_add (store, BILAT_RECORD (pakistan), &error) ||
      !bilat_store_add (store, BILAT_RECORD (russia), &error) ||
      /* Added out of order on purpose: the store keeps events by date. */
      !add_event (store, "ufa-2015", "2015-07", "Meetings at the Ufa summit", &error) ||
      !add_event (store, "drill-2018", "2018-10-21/2018-11-04", "A joint exercise", &error) ||
      !add_event (store, "undated", NULL, "Something whose date is not known", &error))
    {
      fprintf (stderr, "chronology: %s\n", error->message);
      return EXIT_FAILURE;
    }

  printf ("%s and %s, with libbilat %u.%u.%u:\n",
          bilat_actor_get_name (pakistan), bilat_actor_get_name (russia),
          bilat_get_major_version (), bilat_get_minor_version (),
          bilat_get_micro_version ());

  events = bilat_store_get_events (store);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BilatEvent) event = g_list_model_get_item (events, i);
      BilatDate *date = bilat_event_get_date (event);
      g_autofree char *when = date ? bilat_date_to_string (date) : g_strdup ("unknown");

      printf ("  %-23s %s\n", when, bilat_event_get_title (event));
    }

  return EXIT_SUCCESS;
}
