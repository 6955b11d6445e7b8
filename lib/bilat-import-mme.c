/* bilat-import-mme.c: the Multinational Military Exercises dataset (MME)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A layer beside the event reader (bilat-import-reader.c): the reader
 * tells an MME file by its header and hands the rest of the member here.
 * MME is small (3,707 rows, under 2 MB) and comma-separated with quoted
 * fields, so a member is read whole and cut into records at once; each
 * record becomes a BilatExercise, handed to the sink of the read options
 * (bilat-import.c), which keeps them until the whole input has been read.
 *
 * Participants are names (`Russia`, `Federal Republic of Germany`,
 * `Congo - Kinshasa`), resolved with the identity tables on the day or
 * month the exercise starts: `Russia` in 1985 is the Soviet Union. A few
 * names are organisations (NATO), which become organisation actors; `-9`
 * is a participant the data do not name, counted on the exercise; any
 * other name is reported, with its line, column and text.
 */

#include <bilat/bilat.h>

#include <math.h>
#include <string.h>

#include "bilat-date-private.h"
#include "bilat-identity-private.h"
#include "bilat-import-private.h"
#include "bilat-problem-private.h"

/* Participants that are not states. */
static const struct
{
  const char *name;
  const char *id;
  const char *full_name;
} organisations[] = {
  { "NATO", "nato", "North Atlantic Treaty Organization" },
};

enum {
  COL_ID,
  COL_NAME,
  COL_SERIES,
  COL_LOCATION,
  COL_LAT,
  COL_LON,
  COL_START,
  COL_START_YEAR,
  COL_END,
  COL_END_YEAR,
  COL_CPX,
  COL_AIR,
  COL_LAND,
  COL_SEA,
  COL_AMPHIBIOUS,
  COL_CYBER,
  COL_WARFIGHTING,
  COL_PEACEKEEPING,
  COL_HUMANITARIAN,
  COL_FOCUS,
  COL_INFO,
  N_KNOWN
};

static const char * const known_names[N_KNOWN] = {
  "MMEID", "Ex_Name", "Series_Name", "Location", "lat", "lon", "StartDate", "s.year",
  "EndDate", "e.year", "CPX", "Air", "Land", "Sea", "Amphibious", "Cyber", "Warfighting",
  "Peacekeeping", "Humanitarian", "FocusDescription", "AdditionalParticipantInfo",
};

/* The flag each 0/1 column sets: domains first, then missions. */
static const guint column_flags[] = {
  [COL_CPX] = BILAT_EXERCISE_DOMAINS_COMMAND_POST,
  [COL_AIR] = BILAT_EXERCISE_DOMAINS_AIR,
  [COL_LAND] = BILAT_EXERCISE_DOMAINS_LAND,
  [COL_SEA] = BILAT_EXERCISE_DOMAINS_SEA,
  [COL_AMPHIBIOUS] = BILAT_EXERCISE_DOMAINS_AMPHIBIOUS,
  [COL_CYBER] = BILAT_EXERCISE_DOMAINS_CYBER,
  [COL_WARFIGHTING] = BILAT_EXERCISE_MISSIONS_WARFIGHTING,
  [COL_PEACEKEEPING] = BILAT_EXERCISE_MISSIONS_PEACEKEEPING,
  [COL_HUMANITARIAN] = BILAT_EXERCISE_MISSIONS_HUMANITARIAN,
};

typedef struct
{
  const BilatReadOptions *options;
  BilatImportReport      *report;
  BilatImportCounts      *counts;
  const char             *file;
  BilatIdentity          *identity;

  char                  **header;         /* column names */
  guint                   n_columns;
  int                     known[N_KNOWN]; /* column of each, or -1 */
  GArray                 *participants;   /* guint: the State* columns */

  /* A record: its fields, unquoted, and where it starts. */
  GPtrArray              *fields;         /* char *, owned */
  guint64                 line;
  const char             *record_text;    /* the record as written */
  gsize                   record_length;
  GHashTable             *seen;           /* MMEID → the first record, as text */
  char                   *id;             /* the exercise's id */
} MmeReader;

/* Whether @length bytes at @p are the header of MME: its first column is
 * MMEID. */
gboolean
_bilat_mme_is_header (const char *p,
                      gsize       length)
{
  return length >= 6 && memcmp (p, "MMEID,", 6) == 0;
}

/* Problems. */

static gboolean
problem (MmeReader         *reader,
         BilatImportError   code,
         int                column,
         const char        *message,
         GError           **error)
{
  BilatProblem *found;

  found = _bilat_import_problem_new (code, reader->file, reader->line,
                                     column >= 0 ? (guint) column + 1 : 0,
                                     column >= 0 && (guint) column < reader->n_columns
                                       ? reader->header[column] : NULL,
                                     reader->id, message);
  if ((reader->options->flags & BILAT_IMPORT_FLAGS_STRICT) &&
      code != BILAT_IMPORT_ERROR_UNKNOWN_COUNTRY)
    {
      g_propagate_error (error, _bilat_problem_to_error (found));
      bilat_problem_unref (found);
      return FALSE;
    }
  _bilat_import_report_take_problem (reader->report, found);
  return TRUE;
}

/* A bad row: counted and skipped (or, in strict mode, the error). */
static gboolean
bad_row (MmeReader         *reader,
         BilatImportError   code,
         int                column,
         const char        *message,
         GError           **error)
{
  reader->counts->bad_rows++;
  return problem (reader, code, column, message, error);
}

/* Records. */

/* Cuts the record that starts at *p into reader->fields, unquoting
 * (RFC 4180: a quoted field may hold commas, quotes doubled and line
 * breaks). Moves *p past the record and counts the lines it spans.
 * Returns FALSE on an unterminated quote. */
static gboolean
cut_record (MmeReader   *reader,
            const char **p,
            const char  *end,
            guint64     *lines)
{
  const char *q = *p;
  GString *field = g_string_new (NULL);

  g_ptr_array_set_size (reader->fields, 0);
  *lines = 1;
  for (;;)
    {
      if (q < end && *q == '"')
        {
          q++;
          for (;;)
            {
              const char *quote = memchr (q, '"', (gsize) (end - q));

              if (quote == NULL)
                {
                  g_string_free (field, TRUE);
                  *p = end;
                  return FALSE;
                }
              for (const char *c = q; c < quote; c++)
                *lines += *c == '\n';
              g_string_append_len (field, q, quote - q);
              q = quote + 1;
              if (q < end && *q == '"')
                {
                  g_string_append_c (field, '"');
                  q++;
                  continue;
                }
              break;
            }
          /* Text after the closing quote belongs to the field too. */
          while (q < end && *q != ',' && *q != '\n' && *q != '\r')
            g_string_append_c (field, *q++);
        }
      else
        {
          const char *s = q;

          while (q < end && *q != ',' && *q != '\n' && *q != '\r')
            q++;
          g_string_append_len (field, s, q - s);
        }
      g_ptr_array_add (reader->fields, g_strndup (field->str, field->len));
      g_string_truncate (field, 0);
      if (q < end && *q == ',')
        {
          q++;
          continue;
        }
      break;
    }
  g_string_free (field, TRUE);
  if (q < end && *q == '\r')
    q++;
  if (q < end && *q == '\n')
    q++;
  *p = q;
  return TRUE;
}

static const char *
field_at (MmeReader *reader,
          int        column)
{
  if (column < 0)
    return "";
  return g_ptr_array_index (reader->fields, column);
}

/* Empty and -9 mean the data do not say. */
static const char *
text_or_null (MmeReader *reader,
              int        column)
{
  const char *text = field_at (reader, column);

  return text[0] == '\0' || strcmp (text, "-9") == 0 ? NULL : text;
}

static gboolean
parse_number (const char *text,
              guint       digits_min,
              guint       digits_max,
              int        *value)
{
  gsize n = strlen (text);

  if (n < digits_min || n > digits_max)
    return FALSE;
  *value = 0;
  for (gsize i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (text[i] - '0');
    }
  return TRUE;
}

/* MME writes dates as `1/14/80` (month/day/two-digit year) or, when the
 * day is not known, `1989-08-xx`; `1989-08-14` is read too. Two-digit
 * years are 1950–2049. */
static BilatDate *
parse_date (const char  *text,
            const char **why)
{
  g_auto(GStrv) parts = NULL;
  int year, month, day;

  *why = NULL;
  if (strchr (text, '/') != NULL)
    {
      parts = g_strsplit (text, "/", -1);
      if (g_strv_length (parts) != 3 ||
          !parse_number (parts[0], 1, 2, &month) || !parse_number (parts[1], 1, 2, &day) ||
          !parse_number (parts[2], 2, 4, &year) || strlen (parts[2]) == 3)
        goto malformed;
      if (strlen (parts[2]) == 2)
        year += year >= 50 ? 1900 : 2000;
    }
  else
    {
      parts = g_strsplit (text, "-", -1);
      if (g_strv_length (parts) != 3 ||
          !parse_number (parts[0], 4, 4, &year) || !parse_number (parts[1], 1, 2, &month))
        goto malformed;
      if (g_ascii_strcasecmp (parts[2], "xx") == 0)
        {
          BilatDate *date = bilat_date_new_month (year, month, NULL);

          if (date == NULL)
            *why = "not a month of the calendar";
          return date;
        }
      if (!parse_number (parts[2], 1, 2, &day))
        goto malformed;
    }
  {
    BilatDate *date = bilat_date_new_day (year, month, day, NULL);

    if (date == NULL)
      *why = "not a day of the calendar";
    return date;
  }

malformed:
  *why = "not a date (expected 1/14/80 or 1989-08-xx)";
  return NULL;
}

/* The year columns (s.year, e.year) repeat the year of the dates: they
 * must agree. */
static gboolean
year_agrees (MmeReader *reader,
             int        column,
             BilatDate *date)
{
  const char *text = field_at (reader, column);
  int year;

  if (column < 0 || text[0] == '\0')
    return TRUE;
  return parse_number (text, 4, 4, &year) && year == bilat_date_get_year (date);
}

/* The date of column @known in *date, or NULL (a bad row, reported). */
static gboolean
date_column (MmeReader   *reader,
             guint        known,
             BilatDate  **date,
             GError     **error)
{
  const char *text = field_at (reader, reader->known[known]);
  const char *why;
  g_autofree char *message = NULL;

  *date = parse_date (text, &why);
  if (*date != NULL)
    return TRUE;
  message = g_strdup_printf ("“%s”: %s", text, why);
  return bad_row (reader, BILAT_IMPORT_ERROR_BAD_VALUE, reader->known[known], message, error);
}

static gboolean
read_dates (MmeReader     *reader,
            BilatExercise *exercise,
            gboolean      *keep,
            GError       **error)
{
  g_autoptr(BilatDate) start = NULL;
  g_autoptr(BilatDate) end = NULL;
  g_autoptr(BilatDate) interval = NULL;

  *keep = FALSE;
  /* A date that is none is a bad row, reported: not kept. */
  if (!date_column (reader, COL_START, &start, error))
    return FALSE;
  if (start == NULL)
    return TRUE;
  if (!date_column (reader, COL_END, &end, error))
    return FALSE;
  if (end == NULL)
    return TRUE;
  if (!year_agrees (reader, reader->known[COL_START_YEAR], start))
    return bad_row (reader, BILAT_IMPORT_ERROR_BAD_VALUE, reader->known[COL_START_YEAR],
                    "the year is not the year of StartDate", error);
  if (!year_agrees (reader, reader->known[COL_END_YEAR], end))
    return bad_row (reader, BILAT_IMPORT_ERROR_BAD_VALUE, reader->known[COL_END_YEAR],
                    "the year is not the year of EndDate", error);

  *keep = TRUE;
  if (bilat_date_equal (start, end))
    {
      bilat_event_set_date (BILAT_EVENT (exercise), start);
      return TRUE;
    }
  interval = bilat_date_new_interval (start, end, NULL);
  if (interval == NULL)
    {
      g_autofree char *message =
        g_strdup_printf ("“%s” ends before the exercise starts (“%s”): the exercise keeps "
                         "its start date alone",
                         field_at (reader, reader->known[COL_END]),
                         field_at (reader, reader->known[COL_START]));

      /* The exercise happened; only its end is wrong. Kept, and said. */
      bilat_event_set_date (BILAT_EVENT (exercise), start);
      return problem (reader, BILAT_IMPORT_ERROR_BAD_VALUE, reader->known[COL_END], message, error);
    }
  bilat_event_set_date (BILAT_EVENT (exercise), interval);
  return TRUE;
}

static gboolean
read_place (MmeReader     *reader,
            BilatExercise *exercise,
            gboolean      *keep,
            GError       **error)
{
  const char *name = text_or_null (reader, reader->known[COL_LOCATION]);
  const char *lat = text_or_null (reader, reader->known[COL_LAT]);
  const char *lon = text_or_null (reader, reader->known[COL_LON]);
  g_autoptr(BilatPlace) place = NULL;

  *keep = TRUE;
  if (lat != NULL && lon != NULL)
    {
      char *lat_end, *lon_end;
      double latitude = g_ascii_strtod (lat, &lat_end);
      double longitude = g_ascii_strtod (lon, &lon_end);

      if (*lat_end != '\0' || !(latitude >= -90 && latitude <= 90))
        {
          *keep = FALSE;
          return bad_row (reader, BILAT_IMPORT_ERROR_BAD_VALUE, reader->known[COL_LAT],
                          "not a latitude (-90 to 90)", error);
        }
      if (*lon_end != '\0' || !(longitude >= -180 && longitude <= 180))
        {
          *keep = FALSE;
          return bad_row (reader, BILAT_IMPORT_ERROR_BAD_VALUE, reader->known[COL_LON],
                          "not a longitude (-180 to 180)", error);
        }
      /* A place is named: coordinates alone are not kept, and said. */
      if (name == NULL)
        return problem (reader, BILAT_IMPORT_ERROR_BAD_VALUE, reader->known[COL_LOCATION],
                        "coordinates without a location: the exercise has no place", error);
      place = bilat_place_new_with_coordinates (name, NULL, NULL, latitude, longitude);
    }
  else if (lat != NULL || lon != NULL)
    {
      *keep = FALSE;
      return bad_row (reader, BILAT_IMPORT_ERROR_BAD_VALUE,
                      reader->known[lat != NULL ? COL_LON : COL_LAT],
                      "a latitude without a longitude, or the reverse", error);
    }
  else if (name != NULL)
    place = bilat_place_new (name, NULL, NULL);

  if (place != NULL)
    bilat_event_set_place (BILAT_EVENT (exercise), place);
  return TRUE;
}

static gboolean
read_flags (MmeReader     *reader,
            BilatExercise *exercise,
            gboolean      *keep,
            GError       **error)
{
  guint domains = 0;
  guint missions = 0;

  *keep = FALSE;
  for (guint k = COL_CPX; k <= COL_HUMANITARIAN; k++)
    {
      const char *text;

      if (reader->known[k] < 0)
        continue;
      text = field_at (reader, reader->known[k]);
      if (strcmp (text, "1") == 0)
        {
          if (k <= COL_CYBER)
            domains |= column_flags[k];
          else
            missions |= column_flags[k];
        }
      else if (strcmp (text, "0") != 0)
        return bad_row (reader, BILAT_IMPORT_ERROR_BAD_VALUE, reader->known[k],
                        "not 0 or 1", error);
    }
  bilat_exercise_set_domains (exercise, domains);
  bilat_exercise_set_missions (exercise, missions);
  *keep = TRUE;
  return TRUE;
}

static const char *
organisation_id (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
    if (g_ascii_strcasecmp (name, organisations[i].name) == 0)
      return organisations[i].id;
  return NULL;
}

/* Resolves the participants on the days the exercise starts. */
static gboolean
read_participants (MmeReader     *reader,
                   BilatExercise *exercise,
                   GError       **error)
{
  BilatDate *date = bilat_event_get_date (BILAT_EVENT (exercise));
  BilatDate *start = bilat_date_get_start (date);
  guint32 first = bilat_date_get_first_julian (start);
  guint32 last = bilat_date_get_last_julian (start);
  guint unknown = 0;

  for (guint i = 0; i < reader->participants->len; i++)
    {
      guint column = g_array_index (reader->participants, guint, i);
      const char *name = field_at (reader, (int) column);
      g_autoptr(GError) local_error = NULL;
      const char *id;

      if (name[0] == '\0')
        continue;
      if (strcmp (name, "-9") == 0)
        {
          unknown++;
          continue;
        }
      id = organisation_id (name);
      if (id == NULL)
        id = _bilat_identity_resolve_len (reader->identity, BILAT_CODE_SCHEME_NAME, name,
                                          strlen (name), first, last, &local_error);
      if (id == NULL)
        {
          if (!problem (reader, BILAT_IMPORT_ERROR_UNKNOWN_COUNTRY, (int) column,
                        local_error->message, error))
            return FALSE;
          continue;
        }
      /* Two names of one state (Germany, Federal Republic of Germany)
       * make one participant. */
      if (!bilat_event_has_participant (BILAT_EVENT (exercise), id, NULL))
        bilat_event_add_participant (BILAT_EVENT (exercise), id, BILAT_ROLE_PARTICIPANT);
    }
  bilat_exercise_set_unknown_participants (exercise, unknown);
  return TRUE;
}

/* The id of the exercise: `mme:` and the number of MMEID (`mme87` is
 * `mme:87`). MME gives one MMEID to two different exercises thrice: the
 * second keeps its place as `mme:3460-2`, and a row that repeats an
 * earlier one exactly is a duplicate. */
static gboolean
make_id (MmeReader *reader,
         gboolean  *keep,
         GError   **error)
{
  const char *mmeid = field_at (reader, reader->known[COL_ID]);
  const char *number = g_ascii_strncasecmp (mmeid, "mme", 3) == 0 ? mmeid + 3 : mmeid;
  const char *earlier;
  g_autofree char *id = g_strconcat ("mme:", number, NULL);

  *keep = FALSE;
  g_clear_pointer (&reader->id, g_free);
  if (number[0] == '\0' || !bilat_record_is_valid_id (id))
    return bad_row (reader, BILAT_IMPORT_ERROR_BAD_VALUE, reader->known[COL_ID],
                    "not an exercise id such as mme87", error);

  earlier = g_hash_table_lookup (reader->seen, mmeid);
  if (earlier == NULL)
    {
      g_hash_table_insert (reader->seen, g_strdup (mmeid),
                           g_strndup (reader->record_text, reader->record_length));
      reader->id = g_steal_pointer (&id);
      *keep = TRUE;
      return TRUE;
    }
  reader->id = g_steal_pointer (&id);
  if (strlen (earlier) == reader->record_length &&
      memcmp (earlier, reader->record_text, reader->record_length) == 0)
    {
      reader->counts->duplicates++;
      return problem (reader, BILAT_IMPORT_ERROR_DUPLICATE_ID, reader->known[COL_ID],
                      "the row repeats an earlier row", error);
    }

  for (guint n = 2;; n++)
    {
      g_autofree char *other = g_strdup_printf ("%s-%u", mmeid, n);
      g_autofree char *message = NULL;

      if (g_hash_table_contains (reader->seen, other))
        continue;
      g_free (reader->id);
      reader->id = g_strdup_printf ("mme:%s-%u", number, n);
      g_hash_table_insert (reader->seen, g_steal_pointer (&other), g_strdup (""));
      message = g_strdup_printf ("an earlier, different exercise has this MMEID: kept as %s",
                                 reader->id);
      *keep = TRUE;
      return problem (reader, BILAT_IMPORT_ERROR_DUPLICATE_ID, reader->known[COL_ID], message,
                      error);
    }
}

static gboolean
read_record (MmeReader  *reader,
             GError    **error)
{
  g_autoptr(BilatExercise) exercise = NULL;
  gboolean keep;
  const char *text;

  reader->counts->rows++;
  g_clear_pointer (&reader->id, g_free);
  if (reader->fields->len != reader->n_columns)
    {
      g_autofree char *message = g_strdup_printf ("%u columns, not the %u of the header",
                                                  reader->fields->len, reader->n_columns);

      return bad_row (reader, BILAT_IMPORT_ERROR_BAD_ROW, -1, message, error);
    }
  if (!g_utf8_validate_len (reader->record_text, reader->record_length, NULL) ||
      memchr (reader->record_text, '\0', reader->record_length) != NULL)
    return bad_row (reader, BILAT_IMPORT_ERROR_BAD_VALUE, -1, "not UTF-8 text", error);

  if (!make_id (reader, &keep, error))
    return FALSE;
  if (!keep)
    return TRUE;

  exercise = bilat_exercise_new (reader->id);
  if (!read_dates (reader, exercise, &keep, error))
    return FALSE;
  if (keep && !read_place (reader, exercise, &keep, error))
    return FALSE;
  if (keep && !read_flags (reader, exercise, &keep, error))
    return FALSE;
  if (!keep)
    return TRUE;

  bilat_event_set_title (BILAT_EVENT (exercise), text_or_null (reader, reader->known[COL_NAME]));
  bilat_exercise_set_series (exercise, text_or_null (reader, reader->known[COL_SERIES]));
  bilat_event_set_summary (BILAT_EVENT (exercise), text_or_null (reader, reader->known[COL_FOCUS]));
  text = text_or_null (reader, reader->known[COL_INFO]);
  bilat_exercise_set_participant_info (exercise, text);
  bilat_event_set_sectors (BILAT_EVENT (exercise), BILAT_SECTOR_DEFENCE);
  if (!read_participants (reader, exercise, error))
    return FALSE;

  reader->counts->matched++;
  return reader->options->exercise_func (exercise, reader->file, reader->line,
                                         reader->options->exercise_data, error);
}

static gboolean
read_header (MmeReader  *reader,
             GError    **error)
{
  reader->n_columns = reader->fields->len;
  reader->header = g_new0 (char *, reader->n_columns + 1);
  for (guint i = 0; i < reader->n_columns; i++)
    reader->header[i] = g_strdup (g_ptr_array_index (reader->fields, i));

  for (guint k = 0; k < N_KNOWN; k++)
    reader->known[k] = -1;
  for (guint i = 0; i < reader->n_columns; i++)
    {
      const char *name = reader->header[i];

      for (guint k = 0; k < N_KNOWN; k++)
        if (strcmp (name, known_names[k]) == 0 && reader->known[k] < 0)
          reader->known[k] = (int) i;
      if (g_str_has_prefix (name, "State") && name[5] != '\0')
        g_array_append_val (reader->participants, i);
    }
  if (reader->known[COL_START] < 0 || reader->known[COL_END] < 0 ||
      reader->participants->len == 0)
    {
      g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_UNKNOWN_FORMAT,
                   "%s:%" G_GUINT64_FORMAT ": not the header of MME (it needs MMEID, "
                   "StartDate, EndDate and StateA …)", reader->file, reader->line);
      return FALSE;
    }
  return TRUE;
}

/* Reads what is left of the member @input is in, from the header line on,
 * @first_line being the header's line number. */
gboolean
_bilat_read_mme_member (BilatInput             *input,
                        const char             *file,
                        guint64                 first_line,
                        const BilatReadOptions *options,
                        BilatImportReport      *report,
                        GError                **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  MmeReader reader = { 0, };
  const char *p, *end;
  gboolean ok = TRUE;

  if (options->exercise_func == NULL)
    {
      g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_UNKNOWN_FORMAT,
                   "%s: MME exercise data, not event data: import it into a store", file);
      return FALSE;
    }
  if (options->format != BILAT_EVENT_FORMAT_AUTO && options->format != BILAT_EVENT_FORMAT_MME)
    {
      g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_UNKNOWN_FORMAT,
                   "%s: MME exercise data, not GDELT or ICEWS", file);
      return FALSE;
    }

  /* MME is small: the member whole, then its records. */
  for (;;)
    {
      const char *data;
      gsize length;
      gboolean at_end;

      if (!_bilat_input_fill (input, &data, &length, &at_end, error))
        return FALSE;
      g_byte_array_append (bytes, (const guint8 *) data, (guint) length);
      _bilat_input_consume (input, length);
      if (at_end)
        break;
    }

  reader.options = options;
  reader.report = report;
  reader.counts = _bilat_import_report_counts (report);
  reader.file = file;
  reader.identity = bilat_identity_get_default ();
  reader.participants = g_array_new (FALSE, FALSE, sizeof (guint));
  reader.fields = g_ptr_array_new_with_free_func (g_free);
  reader.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader.line = first_line;
  if (reader.counts->format == BILAT_EVENT_FORMAT_AUTO)
    reader.counts->format = BILAT_EVENT_FORMAT_MME;

  p = (const char *) bytes->data;
  end = p + bytes->len;
  for (gboolean header = TRUE; ok && p < end;)
    {
      const char *start = p;
      guint64 lines;

      if (*p == '\n' || *p == '\r')
        {
          /* An empty line. */
          reader.line += *p == '\n';
          p++;
          continue;
        }
      if (!cut_record (&reader, &p, end, &lines))
        {
          reader.counts->rows++;
          ok = bad_row (&reader, BILAT_IMPORT_ERROR_BAD_ROW, -1,
                        "a quoted field that never ends", error);
          break;
        }
      reader.record_text = start;
      reader.record_length = (gsize) (p - start);
      while (reader.record_length > 0 &&
             (start[reader.record_length - 1] == '\n' || start[reader.record_length - 1] == '\r'))
        reader.record_length--;
      if (header)
        {
          ok = read_header (&reader, error);
          header = FALSE;
        }
      else
        ok = read_record (&reader, error);
      reader.line += lines;
    }

  g_strfreev (reader.header);
  g_array_unref (reader.participants);
  g_ptr_array_unref (reader.fields);
  g_hash_table_unref (reader.seen);
  g_free (reader.id);
  return ok;
}

/* The actor an id that the MME reader gave a participant stands for: a
 * state of the identity tables, with its name and predecessor, or one of
 * the organisations. */
BilatActor *
_bilat_mme_actor_new (const char *id)
{
  BilatIdentity *identity = bilat_identity_get_default ();
  BilatActor *actor;
  const char *predecessor;

  for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
    if (strcmp (id, organisations[i].id) == 0)
      {
        actor = bilat_actor_new (id, BILAT_ACTOR_KIND_ORGANISATION);
        bilat_actor_set_name (actor, organisations[i].full_name);
        return actor;
      }

  actor = bilat_actor_new (id, BILAT_ACTOR_KIND_STATE);
  if (bilat_country_get_name (id) == NULL)
    bilat_actor_set_name (actor, bilat_identity_get_name (identity, id));
  predecessor = bilat_identity_get_predecessor (identity, id);
  if (predecessor != NULL)
    bilat_actor_set_predecessor (actor, predecessor);
  return actor;
}
