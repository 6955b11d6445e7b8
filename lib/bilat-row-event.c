/* bilat-row-event.c: events and sources made of rows of event data
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A row that passed the reader's checks (bilat-import-reader.c) becomes a
 * BilatCodedEvent, with its title, place and citation, and the source it
 * cites; the segment (bilat-segment.c) keeps rows as columns instead, and
 * reads the same roles of the columns and the same title.
 */

#include <bilat/bilat.h>

#include <math.h>

#include "bilat-row-event-private.h"
#include "bilat-row-layout-private.h"

/* Columns by role. */

int
_bilat_row_column (const BilatRow  *row,
                   BilatColumnRole  role)
{
  static const int gdelt[BILAT_N_COLUMN_ROLES] = {
    [BILAT_COLUMN_ID] = GDELT_ID,
    [BILAT_COLUMN_DATE] = GDELT_DATE,
    [BILAT_COLUMN_ACTOR1_CODE] = GDELT_ACTOR1_CODE,
    [BILAT_COLUMN_ACTOR1_NAME] = GDELT_ACTOR1_NAME,
    [BILAT_COLUMN_ACTOR1_COUNTRY] = GDELT_ACTOR1_COUNTRY,
    [BILAT_COLUMN_ACTOR1_TYPES] = GDELT_ACTOR1_TYPE1,
    [BILAT_COLUMN_ACTOR2_CODE] = GDELT_ACTOR2_CODE,
    [BILAT_COLUMN_ACTOR2_NAME] = GDELT_ACTOR2_NAME,
    [BILAT_COLUMN_ACTOR2_COUNTRY] = GDELT_ACTOR2_COUNTRY,
    [BILAT_COLUMN_ACTOR2_TYPES] = GDELT_ACTOR2_TYPE1,
    [BILAT_COLUMN_EVENT_CODE] = GDELT_EVENT_CODE,
    [BILAT_COLUMN_EVENT_TEXT] = -1,
    [BILAT_COLUMN_URL] = -1,
    [BILAT_COLUMN_STORY] = -1,
    [BILAT_COLUMN_PUBLISHER] = -1,
    [BILAT_COLUMN_CITY] = -1,
  };
  static const int icews[BILAT_N_COLUMN_ROLES] = {
    [BILAT_COLUMN_ID] = ICEWS_ID,
    [BILAT_COLUMN_DATE] = ICEWS_DATE,
    [BILAT_COLUMN_ACTOR1_CODE] = -1,
    [BILAT_COLUMN_ACTOR1_NAME] = ICEWS_SOURCE_NAME,
    [BILAT_COLUMN_ACTOR1_COUNTRY] = ICEWS_SOURCE_COUNTRY,
    [BILAT_COLUMN_ACTOR1_TYPES] = ICEWS_SOURCE_SECTORS,
    [BILAT_COLUMN_ACTOR2_CODE] = -1,
    [BILAT_COLUMN_ACTOR2_NAME] = ICEWS_TARGET_NAME,
    [BILAT_COLUMN_ACTOR2_COUNTRY] = ICEWS_TARGET_COUNTRY,
    [BILAT_COLUMN_ACTOR2_TYPES] = ICEWS_TARGET_SECTORS,
    [BILAT_COLUMN_EVENT_CODE] = ICEWS_CODE,
    [BILAT_COLUMN_EVENT_TEXT] = ICEWS_EVENT_TEXT,
    [BILAT_COLUMN_URL] = -1,
    [BILAT_COLUMN_STORY] = ICEWS_STORY,
    [BILAT_COLUMN_PUBLISHER] = ICEWS_PUBLISHER,
    [BILAT_COLUMN_CITY] = ICEWS_CITY,
  };

  if (row->format == BILAT_EVENT_FORMAT_ICEWS)
    return icews[role];
  if (role == BILAT_COLUMN_URL)
    {
      int url = row->format == BILAT_EVENT_FORMAT_GDELT2 ? GDELT2_URL : GDELT1_URL;

      return (guint) url < row->n_columns ? url : -1;
    }
  return gdelt[role];
}

void
_bilat_row_format_id (const BilatRow *row,
                      char            buffer[48])
{
  g_snprintf (buffer, 48, "%s:%" G_GUINT64_FORMAT, row->id_prefix, row->id);
}

/* Events from rows. */

static void
append_field (GString          *out,
              const BilatField *field)
{
  g_string_append_len (out, field->text, (gssize) field->length);
}

static const BilatField *
column (const BilatRow  *row,
        BilatColumnRole  role)
{
  int index = _bilat_row_column (row, role);

  return index >= 0 ? &row->columns[index] : NULL;
}

/* The name of one side of the event: its name, else its code. */
static void
append_actor (GString        *out,
              const BilatRow *row,
              BilatColumnRole name,
              BilatColumnRole code)
{
  const BilatField *field = column (row, name);

  if (field != NULL && !is_missing (field))
    append_field (out, field);
  else if ((field = column (row, code)) != NULL && field->length > 0)
    append_field (out, field);
  else
    g_string_append (out, "?");
}

void
_bilat_row_append_title (const BilatRow *row,
                         GString        *out)
{
  const BilatField *what = column (row, BILAT_COLUMN_EVENT_TEXT);
  const BilatField *target_name = column (row, BILAT_COLUMN_ACTOR2_NAME);
  const BilatField *target_code = column (row, BILAT_COLUMN_ACTOR2_CODE);

  append_actor (out, row, BILAT_COLUMN_ACTOR1_NAME, BILAT_COLUMN_ACTOR1_CODE);
  if ((target_name != NULL && !is_missing (target_name)) ||
      (target_code != NULL && target_code->length > 0))
    {
      g_string_append (out, " → ");
      append_actor (out, row, BILAT_COLUMN_ACTOR2_NAME, BILAT_COLUMN_ACTOR2_CODE);
    }
  g_string_append (out, ": ");
  if (what != NULL && !is_missing (what))
    append_field (out, what);
  else if (row->code[0] != '\0')
    {
      const char *name = bilat_cameo_get_name (row->code);

      g_string_append (out, name != NULL ? name : row->code);
    }
  else
    g_string_append (out, "?");
}

char *
_bilat_row_source_id (const BilatRow *row)
{
  const BilatField *story = column (row, BILAT_COLUMN_STORY);
  const BilatField *url = column (row, BILAT_COLUMN_URL);

  if (story != NULL && !is_missing (story))
    return g_strdup_printf ("icews-story:%.*s", (int) story->length, story->text);
  if (url != NULL && url->length > 0)
    {
      /* Ids are short and plain; the URL itself is the source's. The
       * same URL gives the same id in every import. */
      g_autofree char *digest = g_compute_checksum_for_data (G_CHECKSUM_SHA1,
                                                              (const guchar *) url->text,
                                                              url->length);

      return g_strdup_printf ("url:%.16s", digest);
    }
  return NULL;
}

static char *
field_dup (const BilatField *field)
{
  if (field == NULL || is_missing (field))
    return NULL;
  return g_strndup (field->text, field->length);
}

BilatSource *
_bilat_row_to_source (const BilatRow *row)
{
  g_autofree char *id = _bilat_row_source_id (row);
  g_autofree char *url = field_dup (column (row, BILAT_COLUMN_URL));
  g_autofree char *publisher = field_dup (column (row, BILAT_COLUMN_PUBLISHER));
  BilatSource *source;

  if (id == NULL)
    return NULL;
  source = bilat_source_new (id);
  if (url != NULL)
    bilat_source_set_url (source, url);
  if (publisher != NULL)
    bilat_source_set_publisher (source, publisher);
  return source;
}

/* GDELT's three type codes, or ICEWS's sectors, comma-separated. */
static char *
actor_types (const BilatRow *row,
             BilatColumnRole role)
{
  const BilatField *first = column (row, role);
  GString *types;

  if (first == NULL)
    return NULL;
  if (row->format == BILAT_EVENT_FORMAT_ICEWS)
    return field_dup (first);

  types = g_string_new (NULL);
  for (guint i = 0; i < 3; i++)
    if (first[i].length > 0)
      {
        if (types->len > 0)
          g_string_append_c (types, ',');
        append_field (types, &first[i]);
      }
  if (types->len == 0)
    {
      g_string_free (types, TRUE);
      return NULL;
    }
  return g_string_free (types, FALSE);
}

static BilatPlace *
row_place (const BilatRow *row)
{
  g_autofree char *name = NULL;

  if (!row->has_place)
    return NULL;
  if (row->format == BILAT_EVENT_FORMAT_ICEWS)
    {
      GString *joined = g_string_new (NULL);

      for (int i = ICEWS_CITY; i <= ICEWS_COUNTRY; i++)
        if (!is_missing (&row->columns[i]))
          {
            if (joined->len > 0)
              g_string_append (joined, ", ");
            append_field (joined, &row->columns[i]);
          }
      name = g_string_free (joined, joined->len == 0);
    }
  else if (row->place_name.length > 0)
    name = g_strndup (row->place_name.text, row->place_name.length);

  if (name == NULL && row->place_country == NULL)
    return NULL;
  if (row->has_coordinates)
    return bilat_place_new_with_coordinates (name, NULL, row->place_country,
                                             row->latitude, row->longitude);
  return bilat_place_new (name, NULL, row->place_country);
}

BilatCodedEvent *
_bilat_row_to_event (const BilatRow *row,
                     const char     *source_id)
{
  g_autoptr(BilatDate) date = bilat_date_new_day (row->year, row->month, row->day, NULL);
  g_autoptr(BilatPlace) place = row_place (row);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *actor1_types = actor_types (row, BILAT_COLUMN_ACTOR1_TYPES);
  g_autofree char *actor2_types = actor_types (row, BILAT_COLUMN_ACTOR2_TYPES);
  g_autofree char *actor1_code = field_dup (column (row, BILAT_COLUMN_ACTOR1_CODE));
  g_autofree char *actor1_name = field_dup (column (row, BILAT_COLUMN_ACTOR1_NAME));
  g_autofree char *actor2_code = field_dup (column (row, BILAT_COLUMN_ACTOR2_CODE));
  g_autofree char *actor2_name = field_dup (column (row, BILAT_COLUMN_ACTOR2_NAME));
  g_autofree char *url = field_dup (column (row, BILAT_COLUMN_URL));
  BilatCodedEvent *coded;
  BilatEvent *event;
  char id[48];

  _bilat_row_format_id (row, id);
  coded = bilat_coded_event_new (id, row->format);
  event = BILAT_EVENT (coded);

  bilat_event_set_date (event, date);
  if (row->actor1 != NULL)
    bilat_event_add_participant (event, row->actor1, BILAT_ROLE_INITIATOR);
  if (row->actor2 != NULL && g_strcmp0 (row->actor1, row->actor2) != 0)
    bilat_event_add_participant (event, row->actor2, BILAT_ROLE_TARGET);
  if (row->code[0] != '\0')
    bilat_event_set_cameo_code (event, row->code);
  if (row->goldstein_given)
    {
      double table = row->code[0] != '\0' ? bilat_cameo_get_goldstein (row->code) : NAN;

      /* The file wins where it differs from the table. */
      if (isnan (table) || table != row->goldstein)
        bilat_event_set_goldstein (event, row->goldstein);
    }
  _bilat_row_append_title (row, title);
  bilat_event_set_title (event, title->str);
  if (place != NULL)
    bilat_event_set_place (event, place);
  if (source_id != NULL)
    {
      g_autoptr(BilatCitation) citation = bilat_citation_new (source_id, 0, -1, -1, NULL);

      bilat_record_add_citation (BILAT_RECORD (event), citation);
    }

  bilat_coded_event_set_actor1_code (coded, actor1_code);
  bilat_coded_event_set_actor1_name (coded, actor1_name);
  bilat_coded_event_set_actor1_types (coded, actor1_types);
  bilat_coded_event_set_actor2_code (coded, actor2_code);
  bilat_coded_event_set_actor2_name (coded, actor2_name);
  bilat_coded_event_set_actor2_types (coded, actor2_types);
  bilat_coded_event_set_root_event (coded, row->root_event);
  bilat_coded_event_set_mentions (coded, row->mentions);
  bilat_coded_event_set_sources (coded, row->sources);
  bilat_coded_event_set_articles (coded, row->articles);
  bilat_coded_event_set_tone (coded, row->tone);
  bilat_coded_event_set_url (coded, url);
  if (row->added_year != 0)
    {
      g_autoptr(BilatDate) added = bilat_date_new_day (row->added_year, row->added_month,
                                                       row->added_day, NULL);

      bilat_coded_event_set_date_added (coded, added);
    }
  return coded;
}

