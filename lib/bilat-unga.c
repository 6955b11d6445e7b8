/* bilat-unga.c: the reader of UN General Assembly roll calls
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "bilat-codes-private.h"
#include "bilat-date-private.h"
#include "bilat-identity-private.h"
#include "bilat-problem-private.h"
#include "bilat-unga-private.h"

typedef enum
{
  TABLE_ROLL_CALLS,
  TABLE_ISSUES,
  TABLE_VOTES,
} TableKind;

/* The columns each table is read by; -1 where the header has none. */
typedef enum
{
  COL_RCID,
  COL_SESSION,
  COL_IMPORTANT,
  COL_DATE,
  COL_UNRES,
  COL_AMEND,
  COL_PARA,
  COL_SHORT,
  COL_DESCR,
  COL_SHORT_NAME,
  COL_ISSUE,
  COL_COUNTRY,
  COL_COUNTRY_CODE,
  COL_VOTE,
  N_COLS,
} Column;

static const char * const column_names[N_COLS] = {
  [COL_RCID] = "rcid",
  [COL_SESSION] = "session",
  [COL_IMPORTANT] = "importantvote",
  [COL_DATE] = "date",
  [COL_UNRES] = "unres",
  [COL_AMEND] = "amend",
  [COL_PARA] = "para",
  [COL_SHORT] = "short",
  [COL_DESCR] = "descr",
  [COL_SHORT_NAME] = "short_name",
  [COL_ISSUE] = "issue",
  [COL_COUNTRY] = "country",
  [COL_COUNTRY_CODE] = "country_code",
  [COL_VOTE] = "vote",
};

/* A vote whose holder depends on the roll call's date, read before its
 * roll call: what its country names day by day ("CS": Czechoslovakia
 * until 1992, Serbia and Montenegro 2003–2006; "RU": the Soviet Union
 * until 1991), resolved once every roll call is read. */
typedef struct
{
  guint32                  number;
  guint8                   code;
  guint8                   column;     /* Column of the country */
  guint                    n_days;
  guint64                  tag;
  const BilatIdentityDays *days;
} DatedVote;

struct _BilatUngaReader
{
  BilatImportFlags   flags;
  BilatImportReport *report;
  BilatImportCounts *counts;
  BilatVotesBuilder *builder;

  /* Topic rows read before their roll call: (number, topic) pairs. */
  GArray            *topic_rows;
  GArray            *topic_tags;
  GArray            *dated_votes;      /* DatedVote */
  GPtrArray         *files;            /* names, for tags */
  const BilatCodeDays *iso2_days;      /* the identity tables' alpha-2 codes */
  const BilatCodeDays *iso3_days;
  gboolean           read_roll_calls;

  /* The member being read. */
  const char        *file;
  guint              file_index;
  guint64            line;
  TableKind          kind;
  int                columns[N_COLS];
  guint              n_header_columns;
  GString           *fields[N_COLS];
};

/* Tags name a row after the input is read: the file's index above the
 * line number. */
#define TAG(file, line) (((guint64) (file) << 40) | (line))

BilatUngaReader *
_bilat_unga_reader_new (BilatImportFlags   flags,
                        BilatImportReport *report)
{
  BilatUngaReader *self = g_new0 (BilatUngaReader, 1);

  self->flags = flags;
  self->report = g_object_ref (report);
  self->counts = _bilat_import_report_counts (report);
  self->builder = _bilat_votes_builder_new ();
  self->topic_rows = g_array_new (FALSE, FALSE, sizeof (guint32) * 2);
  self->topic_tags = g_array_new (FALSE, FALSE, sizeof (guint64));
  self->dated_votes = g_array_new (FALSE, FALSE, sizeof (DatedVote));
  self->files = g_ptr_array_new_with_free_func (g_free);
  self->iso2_days = _bilat_identity_get_code_days (bilat_identity_get_default (), BILAT_CODE_SCHEME_ISO2);
  self->iso3_days = _bilat_identity_get_code_days (bilat_identity_get_default (), BILAT_CODE_SCHEME_ISO3);
  for (guint i = 0; i < N_COLS; i++)
    self->fields[i] = g_string_new (NULL);
  return self;
}

void
_bilat_unga_reader_free (BilatUngaReader *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->report);
  _bilat_votes_builder_free (self->builder);
  g_array_unref (self->topic_rows);
  g_array_unref (self->topic_tags);
  g_array_unref (self->dated_votes);
  g_ptr_array_unref (self->files);
  for (guint i = 0; i < N_COLS; i++)
    g_string_free (self->fields[i], TRUE);
  g_free (self);
}

/* Problems. */

static gboolean
problem_at (BilatUngaReader  *self,
            guint             file_index,
            guint64           line,
            BilatImportError  code,
            Column            column,
            const char       *record_id,
            const char       *message,
            GError          **error)
{
  const char *file = g_ptr_array_index (self->files, file_index);
  int index = column < N_COLS ? self->columns[column] : -1;
  BilatProblem *problem;

  if (code == BILAT_IMPORT_ERROR_DUPLICATE_ID)
    self->counts->duplicates++;
  else
    self->counts->bad_rows++;

  /* Columns are only known for the member being read. */
  if (file_index != self->file_index)
    index = -1;
  problem = _bilat_import_problem_new (code, file, line, index >= 0 ? (guint) index + 1 : 0,
                                       column < N_COLS ? column_names[column] : NULL,
                                       record_id, message);
  if (self->flags & BILAT_IMPORT_FLAGS_STRICT)
    {
      g_propagate_error (error, _bilat_problem_to_error (problem));
      bilat_problem_unref (problem);
      return FALSE;
    }
  _bilat_import_report_take_problem (self->report, problem);
  return TRUE;
}

static gboolean
problem (BilatUngaReader  *self,
         BilatImportError  code,
         Column            column,
         const char       *message,
         GError          **error)
{
  char id[32];
  const char *rcid = self->fields[COL_RCID]->str;

  g_snprintf (id, sizeof id, "unga:%.20s", rcid);
  return problem_at (self, self->file_index, self->line, code, column,
                     rcid[0] != '\0' ? id : NULL, message, error);
}

/* Fields. */

static gboolean
is_na (const char *text)
{
  return text[0] == '\0' || strcmp (text, "NA") == 0;
}

static gboolean
parse_uint (const char *text,
            guint64     max,
            guint64    *value)
{
  guint64 v = 0;

  if (text[0] == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p < '0' || *p > '9')
        return FALSE;
      v = v * 10 + (guint64) (*p - '0');
      if (v > max)
        return FALSE;
    }
  *value = v;
  return TRUE;
}

/* An ISO date, YYYY-MM-DD, as a Julian day; 0 if it is none. */
static guint32
parse_date (const char *text)
{
  guint64 y, m, d;
  char buffer[16];

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return 0;
  memcpy (buffer, text, 11);
  buffer[4] = buffer[7] = '\0';
  if (!parse_uint (buffer, 9999, &y) || !parse_uint (buffer + 5, 12, &m) ||
      !parse_uint (buffer + 8, 31, &d) || y == 0 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return 0;
  return _bilat_civil_to_julian ((int) y, (int) m, (int) d);
}

/* "1", "0", "TRUE", "FALSE", empty or NA: -1 for anything else. */
static int
parse_flag (const char *text)
{
  if (is_na (text) || strcmp (text, "0") == 0 || g_ascii_strcasecmp (text, "false") == 0)
    return 0;
  if (strcmp (text, "1") == 0 || g_ascii_strcasecmp (text, "true") == 0)
    return 1;
  return -1;
}

/* The vote a value stands for: words (unvotes) or Voeten's codes (1 yes,
 * 2 abstain, 3 no, 8 absent, 9 not a member). NONE for absence, -1 for a
 * value that is none of these. */
static int
parse_vote (const char *text)
{
  if (g_ascii_strcasecmp (text, "yes") == 0 || strcmp (text, "1") == 0)
    return BILAT_VOTE_CODE_YES;
  if (g_ascii_strcasecmp (text, "no") == 0 || strcmp (text, "3") == 0)
    return BILAT_VOTE_CODE_NO;
  if (g_ascii_strcasecmp (text, "abstain") == 0 || strcmp (text, "2") == 0)
    return BILAT_VOTE_CODE_ABSTAIN;
  if (g_ascii_strcasecmp (text, "absent") == 0 || strcmp (text, "8") == 0 ||
      g_ascii_strcasecmp (text, "not a member") == 0 || strcmp (text, "9") == 0)
    return BILAT_VOTE_CODE_NONE;
  return -1;
}

/* What a name names day by day: a name of the identity tables, else one
 * of iso-codes read as its ISO code. NULL if it names no state. */
static const BilatIdentityDays *
name_days (BilatUngaReader *self,
           const char      *name,
           guint           *n)
{
  const BilatIdentityDays *days;
  const char *iso;

  *n = 0;
  if (name[0] == '\0' || is_na (name))
    return NULL;
  days = _bilat_identity_name_days (bilat_identity_get_default (), name, strlen (name), n);
  if (days == NULL && (iso = _bilat_country_from_iso_name_len (name, strlen (name))) != NULL)
    days = _bilat_code_days_find (self->iso3_days, iso, strlen (iso), n);
  return days;
}

/* What a row's country names day by day, as the identity tables say:
 * its ISO alpha-2 code, withdrawn ones included (SU, the Soviet Union;
 * CS, Czechoslovakia then Serbia and Montenegro), a code of today also
 * naming the state its state continues (RU in 1985: SUN), as the data
 * writes codes of today for the states of the past. NULL if it names no
 * state; *@column says which column told. */
static const BilatIdentityDays *
country_days (BilatUngaReader *self,
              guint           *n,
              Column          *column)
{
  const char *code = self->fields[COL_COUNTRY_CODE]->str;
  const char *name = self->fields[COL_COUNTRY]->str;
  const BilatIdentityDays *days;

  /* No code: the name, as the event readers read country names. "NA" is
   * R's missing value, and Namibia's code: the name tells which. */
  *column = COL_COUNTRY;
  if (self->columns[COL_COUNTRY_CODE] < 0 || code[0] == '\0')
    return name_days (self, name, n);
  if (strcmp (code, "NA") == 0 && (days = name_days (self, name, n)) != NULL)
    return days;

  *column = COL_COUNTRY_CODE;
  days = _bilat_code_days_find (self->iso2_days, code, strlen (code), n);
  return *n > 0 ? days : NULL;
}

/* A vote's country (NULL: no longer at hand) that names no state on its
 * roll call's day. */
static char *
describe_unresolved (const char *country,
                     guint32     day)
{
  int year, month, mday;

  _bilat_julian_to_civil (day, &year, &month, &mday);
  if (country == NULL)
    return g_strdup_printf ("the country names no state on the roll call’s date, %04d-%02d-%02d",
                            year, month, mday);
  return g_strdup_printf ("“%s” names no state on the roll call’s date, %04d-%02d-%02d",
                          country, year, month, mday);
}

/* Text as the data gives it, made valid UTF-8 (a byte that is not becomes
 * U+FFFD), so that what is kept can be written as JSON. */
static const char *
clean_text (GString *field)
{
  if (!g_utf8_validate (field->str, (gssize) field->len, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (field->str, (gssize) field->len);

      g_string_assign (field, valid);
    }
  return is_na (field->str) ? NULL : field->str;
}

/* Rows. */

static gboolean
read_roll_call (BilatUngaReader  *self,
                GError          **error)
{
  GString **f = self->fields;
  guint64 number, session = 0;
  guint32 day;
  int important, amend, para;
  guint8 flags = 0;

  if (!parse_uint (f[COL_RCID]->str, G_MAXUINT32, &number))
    return problem (self, BILAT_IMPORT_ERROR_BAD_VALUE, COL_RCID, "not a roll-call number", error);
  day = parse_date (f[COL_DATE]->str);
  if (day == 0)
    return problem (self, BILAT_IMPORT_ERROR_BAD_VALUE, COL_DATE,
                    "not a date of the form YYYY-MM-DD", error);
  if (!is_na (f[COL_SESSION]->str) && !parse_uint (f[COL_SESSION]->str, G_MAXUINT16, &session))
    return problem (self, BILAT_IMPORT_ERROR_BAD_VALUE, COL_SESSION, "not a session number", error);
  important = parse_flag (f[COL_IMPORTANT]->str);
  amend = parse_flag (f[COL_AMEND]->str);
  para = parse_flag (f[COL_PARA]->str);
  if (important < 0)
    return problem (self, BILAT_IMPORT_ERROR_BAD_VALUE, COL_IMPORTANT, "not 0 or 1", error);
  if (amend < 0)
    return problem (self, BILAT_IMPORT_ERROR_BAD_VALUE, COL_AMEND, "not 0 or 1", error);
  if (para < 0)
    return problem (self, BILAT_IMPORT_ERROR_BAD_VALUE, COL_PARA, "not 0 or 1", error);
  if (important)
    flags |= BILAT_ROLL_CALL_IMPORTANT;
  if (amend)
    flags |= BILAT_ROLL_CALL_AMENDMENT;
  if (para)
    flags |= BILAT_ROLL_CALL_PARAGRAPH;

  if (!_bilat_votes_builder_add_roll_call (self->builder, (guint32) number, day, (guint16) session,
                                           flags, 0, clean_text (f[COL_UNRES]),
                                           clean_text (f[COL_SHORT]), clean_text (f[COL_DESCR])))
    return problem (self, BILAT_IMPORT_ERROR_DUPLICATE_ID, COL_RCID,
                    "a second roll call with this number", error);
  self->counts->kept++;
  return TRUE;
}

static gboolean
read_issue (BilatUngaReader  *self,
            GError          **error)
{
  GString **f = self->fields;
  guint64 number;
  int topic;
  guint32 pair[2];
  guint64 tag = TAG (self->file_index, self->line);

  if (!parse_uint (f[COL_RCID]->str, G_MAXUINT32, &number))
    return problem (self, BILAT_IMPORT_ERROR_BAD_VALUE, COL_RCID, "not a roll-call number", error);
  if (is_na (f[COL_SHORT_NAME]->str))
    return problem (self, BILAT_IMPORT_ERROR_BAD_VALUE, COL_SHORT_NAME, "no topic code", error);
  /* The code is part of the topic's issue id. */
  {
    g_autofree char *id = g_strconcat ("unga-topic:", f[COL_SHORT_NAME]->str, NULL);

    if (strlen (id) != strlen ("unga-topic:") + f[COL_SHORT_NAME]->len || !bilat_record_is_valid_id (id))
      return problem (self, BILAT_IMPORT_ERROR_BAD_VALUE, COL_SHORT_NAME,
                      "not a topic code (letters, digits, “.”, “_”, “-”)", error);
  }
  topic = _bilat_votes_builder_add_topic (self->builder, f[COL_SHORT_NAME]->str,
                                          clean_text (f[COL_ISSUE]));
  if (topic < 0)
    return problem (self, BILAT_IMPORT_ERROR_BAD_VALUE, COL_SHORT_NAME,
                    "more than 32 topics", error);
  /* The roll call may come later: topics are set when all is read. */
  pair[0] = (guint32) number;
  pair[1] = (guint32) topic;
  g_array_append_val (self->topic_rows, pair);
  g_array_append_val (self->topic_tags, tag);
  self->counts->kept++;
  return TRUE;
}

static gboolean
read_vote (BilatUngaReader  *self,
           GError          **error)
{
  GString **f = self->fields;
  guint64 number;
  int code;
  const char *holder;
  const BilatIdentityDays *days;
  guint n_days;
  Column column;
  guint32 day;

  if (!parse_uint (f[COL_RCID]->str, G_MAXUINT32, &number))
    return problem (self, BILAT_IMPORT_ERROR_BAD_VALUE, COL_RCID, "not a roll-call number", error);
  code = parse_vote (f[COL_VOTE]->str);
  if (code < 0)
    return problem (self, BILAT_IMPORT_ERROR_BAD_VALUE, COL_VOTE,
                    "not a vote (yes, no, abstain, or 1, 2, 3, 8, 9)", error);
  if (code == BILAT_VOTE_CODE_NONE)
    return TRUE;
  days = country_days (self, &n_days, &column);
  if (days == NULL)
    return problem (self, BILAT_IMPORT_ERROR_UNKNOWN_COUNTRY,
                    self->columns[COL_COUNTRY_CODE] >= 0 ? COL_COUNTRY_CODE : COL_COUNTRY,
                    "not a country code", error);
  if (_bilat_identity_days_are_constant (days, n_days))
    holder = days[0].id;
  else if ((day = _bilat_votes_builder_get_day (self->builder, (guint32) number)) != 0)
    {
      holder = _bilat_identity_days_at (days, n_days, day);
      if (holder == NULL)
        {
          g_autofree char *message = describe_unresolved (self->fields[column]->str, day);

          return problem (self, BILAT_IMPORT_ERROR_UNKNOWN_COUNTRY, column, message, error);
        }
    }
  else
    {
      /* The roll call comes later: its date tells. */
      DatedVote vote = { (guint32) number, (guint8) code, (guint8) column, n_days,
                         TAG (self->file_index, self->line), days };

      g_array_append_val (self->dated_votes, vote);
      self->counts->kept++;
      return TRUE;
    }
  _bilat_votes_builder_add_vote (self->builder, holder, (guint32) number, (BilatVoteCode) code,
                                 TAG (self->file_index, self->line));
  self->counts->kept++;
  return TRUE;
}

/* Splits the CSV record [p, end) into the columns read; quoted fields
 * may hold commas, doubled quotes and line breaks. Returns FALSE if a
 * quote is not closed. */
static gboolean
split_record (BilatUngaReader *self,
              const char      *p,
              const char      *end,
              guint           *n_fields)
{
  guint index = 0;
  /* The column each field index is read into, or N_COLS. */
  Column targets[64];
  guint n_targets = MIN (self->n_header_columns, G_N_ELEMENTS (targets));

  for (guint i = 0; i < n_targets; i++)
    targets[i] = N_COLS;
  for (guint c = 0; c < N_COLS; c++)
    {
      g_string_truncate (self->fields[c], 0);
      if (self->columns[c] >= 0 && (guint) self->columns[c] < n_targets)
        targets[self->columns[c]] = (Column) c;
    }

  for (;;)
    {
      GString *out = index < n_targets && targets[index] != N_COLS ? self->fields[targets[index]] : NULL;

      if (p < end && *p == '"')
        {
          p++;
          for (;;)
            {
              const char *q = memchr (p, '"', (gsize) (end - p));

              if (q == NULL)
                return FALSE;
              if (out != NULL)
                g_string_append_len (out, p, q - p);
              if (q + 1 < end && q[1] == '"')
                {
                  if (out != NULL)
                    g_string_append_c (out, '"');
                  p = q + 2;
                  continue;
                }
              p = q + 1;
              break;
            }
          /* Bytes after the closing quote belong to the field. */
          while (p < end && *p != ',')
            {
              if (out != NULL)
                g_string_append_c (out, *p);
              p++;
            }
        }
      else
        {
          /* p < end here; said so, for the compiler's bounds check. */
          const char *q = p < end ? memchr (p, ',', (gsize) (end - p)) : NULL;

          if (q == NULL)
            q = end;
          if (out != NULL)
            g_string_append_len (out, p, q - p);
          p = q;
        }
      index++;
      if (p >= end)
        break;
      p++;   /* the comma */
    }
  *n_fields = index;
  return TRUE;
}

/* The end of the record starting at @p: the first line break outside
 * quotes, or NULL if [p, end) holds none. */
static const char *
record_end (const char *p,
            const char *end)
{
  gboolean quoted = FALSE;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == '\n' && !quoted)
        return p;
    }
  return NULL;
}

static gboolean
read_header (BilatUngaReader  *self,
             const char       *p,
             const char       *end,
             GError          **error)
{
  g_auto(GStrv) names = NULL;
  g_autofree char *line = g_strndup (p, (gsize) (end - p));

  for (guint c = 0; c < N_COLS; c++)
    self->columns[c] = -1;
  names = g_strsplit (line, ",", -1);
  self->n_header_columns = g_strv_length (names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      char *name = g_strstrip (names[i]);
      gsize length = strlen (name);

      if (length >= 2 && name[0] == '"' && name[length - 1] == '"')
        {
          name[length - 1] = '\0';
          name++;
        }
      for (guint c = 0; c < N_COLS; c++)
        if (self->columns[c] < 0 && g_ascii_strcasecmp (name, column_names[c]) == 0)
          self->columns[c] = (int) i;
    }

  if (self->columns[COL_RCID] >= 0 && self->columns[COL_VOTE] >= 0 &&
      (self->columns[COL_COUNTRY_CODE] >= 0 || self->columns[COL_COUNTRY] >= 0))
    self->kind = TABLE_VOTES;
  else if (self->columns[COL_RCID] >= 0 && self->columns[COL_SHORT_NAME] >= 0)
    self->kind = TABLE_ISSUES;
  else if (self->columns[COL_RCID] >= 0 && self->columns[COL_DATE] >= 0)
    self->kind = TABLE_ROLL_CALLS;
  else
    {
      g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_UNKNOWN_FORMAT,
                   "%s: not a table of UN roll calls, roll-call issues or votes "
                   "(its header has no rcid with date, short_name or vote)", self->file);
      return FALSE;
    }
  if (self->kind == TABLE_ROLL_CALLS)
    self->read_roll_calls = TRUE;
  return TRUE;
}

gboolean
_bilat_unga_detect (const char *data,
                    gsize       length)
{
  const char *end = memchr (data, '\n', length);
  g_autofree char *line = NULL;
  g_autofree char *lower = NULL;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
      end = memchr (data, '\n', length);
    }
  line = g_strndup (data, end != NULL ? (gsize) (end - data) : length);
  lower = g_ascii_strdown (line, -1);
  /* The same rule read_header() applies, on the words alone. */
  return strstr (lower, "rcid") != NULL &&
         (strstr (lower, "vote") != NULL || strstr (lower, "short_name") != NULL ||
          strstr (lower, "date") != NULL);
}

static gboolean
read_row (BilatUngaReader  *self,
          const char       *p,
          const char       *end,
          GError          **error)
{
  guint n_fields = 0;

  self->counts->rows++;
  if (!split_record (self, p, end, &n_fields))
    return problem (self, BILAT_IMPORT_ERROR_BAD_ROW, N_COLS, "a quote that is not closed", error);
  if (n_fields != self->n_header_columns)
    {
      g_autofree char *message = g_strdup_printf ("%u fields where the header has %u",
                                                  n_fields, self->n_header_columns);

      return problem (self, BILAT_IMPORT_ERROR_BAD_ROW, N_COLS, message, error);
    }
  switch (self->kind)
    {
    case TABLE_ROLL_CALLS:
      return read_roll_call (self, error);
    case TABLE_ISSUES:
      return read_issue (self, error);
    case TABLE_VOTES:
    default:
      return read_vote (self, error);
    }
}

static gboolean
read_member (BilatUngaReader  *self,
             BilatInput       *input,
             GError          **error)
{
  gboolean header_read = FALSE;
  gsize previous_length = 0;

  self->line = 0;
  for (;;)
    {
      const char *data, *p, *end;
      gsize length;
      gboolean at_end;

      if (!_bilat_input_fill (input, &data, &length, &at_end, error))
        return FALSE;
      p = data;
      end = data + length;

      while (p < end)
        {
          const char *e = record_end (p, end);
          const char *line_end;
          guint64 breaks = 1;

          if (e == NULL)
            {
              if (!at_end)
                break;
              e = end;
            }
          if (!header_read && self->line == 0 && e - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
            p += 3;
          line_end = e > p && e[-1] == '\r' ? e - 1 : e;
          self->line++;
          if (line_end > p)
            {
              if (!header_read)
                {
                  if (!read_header (self, p, line_end, error))
                    return FALSE;
                  header_read = TRUE;
                }
              else if (!read_row (self, p, line_end, error))
                return FALSE;
            }
          /* Line breaks inside quotes count as lines. */
          for (const char *q = memchr (p, '\n', (gsize) (line_end - p)); q != NULL;
               q = memchr (q + 1, '\n', (gsize) (line_end - q - 1)))
            breaks++;
          self->line += breaks - 1;
          p = e < end ? e + 1 : end;
        }

      if (at_end)
        {
          _bilat_input_consume (input, length);
          return TRUE;
        }
      if (p == data && length == previous_length)
        {
          /* A record longer than the whole window. */
          self->line++;
          self->counts->rows++;
          g_set_error (error, BILAT_IMPORT_ERROR, BILAT_IMPORT_ERROR_BAD_ROW,
                       "%s:%" G_GUINT64_FORMAT ": a record longer than a window of the reader "
                       "(a quote not closed?)", self->file, self->line);
          return FALSE;
        }
      previous_length = p == data ? length : 0;
      _bilat_input_consume (input, (gsize) (p - data));
    }
}

gboolean
_bilat_unga_reader_read (BilatUngaReader  *self,
                         BilatInput       *input,
                         GCancellable     *cancellable,
                         GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *name;

  while (_bilat_input_next_member (input, &name, &local_error))
    {
      g_ptr_array_add (self->files, g_strdup (name));
      self->file_index = self->files->len - 1;
      self->file = g_ptr_array_index (self->files, self->file_index);
      self->counts->n_files++;
      if (!read_member (self, input, error))
        return FALSE;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  self->counts->bytes += _bilat_input_get_bytes_read (input);
  return TRUE;
}

/* After reading. */

typedef struct
{
  BilatUngaReader  *self;
  const BilatVotes *existing;
  GError          **error;
  gboolean          failed;
} OrphanData;

static void
report_orphan (guint64  tag,
               guint32  number,
               gpointer user_data)
{
  OrphanData *data = user_data;
  char id[32];
  g_autofree char *message = NULL;

  if (data->failed)
    return;
  g_snprintf (id, sizeof id, "unga:%u", number);
  message = g_strdup_printf ("a vote on roll call %u, which no roll-call table has", number);
  data->self->counts->kept--;
  data->self->file_index = G_MAXUINT;
  if (!problem_at (data->self, (guint) (tag >> 40), tag & ((G_GUINT64_CONSTANT (1) << 40) - 1),
                   BILAT_IMPORT_ERROR_BAD_VALUE, COL_RCID, id, message, data->error))
    data->failed = TRUE;
}

BilatVotes *
_bilat_unga_reader_finish (BilatUngaReader   *self,
                           const BilatVotes  *existing,
                           GError           **error)
{
  BilatVotes *read;
  BilatVotes *merged;
  OrphanData orphans = { self, existing, error, FALSE };
  guint64 duplicates = 0;

  /* Roll calls of @existing that votes or topics read name. */
  if (existing != NULL)
    {
      const BilatRollCall *rcs = _bilat_votes_get_roll_calls (existing);

      for (guint i = 0; i < _bilat_votes_get_n_roll_calls (existing); i++)
        if (!_bilat_votes_builder_has_roll_call (self->builder, rcs[i].number))
          _bilat_votes_builder_add_roll_call (self->builder, rcs[i].number, rcs[i].day,
                                              rcs[i].session, rcs[i].flags, 0,
                                              _bilat_votes_get_string (existing, rcs[i].resolution),
                                              _bilat_votes_get_string (existing, rcs[i].title),
                                              _bilat_votes_get_string (existing, rcs[i].description));
    }

  for (guint i = 0; i < self->topic_rows->len; i++)
    {
      const guint32 *pair = &g_array_index (self->topic_rows, guint32, 2 * i);
      guint64 tag = g_array_index (self->topic_tags, guint64, i);

      if (!_bilat_votes_builder_add_roll_call_topic (self->builder, pair[0], pair[1]))
        {
          char id[32];
          g_autofree char *message = g_strdup_printf ("a topic of roll call %u, which no roll-call table has",
                                                      pair[0]);

          g_snprintf (id, sizeof id, "unga:%u", pair[0]);
          self->counts->kept--;
          self->file_index = G_MAXUINT;
          if (!problem_at (self, (guint) (tag >> 40), tag & ((G_GUINT64_CONSTANT (1) << 40) - 1),
                           BILAT_IMPORT_ERROR_BAD_VALUE, COL_RCID, id, message, error))
            return NULL;
        }
    }

  /* Votes whose state depends on the roll call's date. */
  for (guint i = 0; i < self->dated_votes->len; i++)
    {
      const DatedVote *vote = &g_array_index (self->dated_votes, DatedVote, i);
      guint32 day = _bilat_votes_builder_get_day (self->builder, vote->number);
      const char *holder;

      /* Without its roll call, the vote is reported below whatever state
       * it is given. */
      if (day == 0)
        holder = vote->days[0].id;
      else if ((holder = _bilat_identity_days_at (vote->days, vote->n_days, day)) == NULL)
        {
          char id[32];
          g_autofree char *message = describe_unresolved (NULL, day);

          g_snprintf (id, sizeof id, "unga:%u", vote->number);
          self->counts->kept--;
          self->file_index = G_MAXUINT;
          if (!problem_at (self, (guint) (vote->tag >> 40),
                           vote->tag & ((G_GUINT64_CONSTANT (1) << 40) - 1),
                           BILAT_IMPORT_ERROR_UNKNOWN_COUNTRY, (Column) vote->column, id, message, error))
            return NULL;
          continue;
        }
      _bilat_votes_builder_add_vote (self->builder, holder, vote->number,
                                     (BilatVoteCode) vote->code, vote->tag);
    }

  _bilat_votes_builder_foreach_orphan (self->builder, report_orphan, &orphans);
  if (orphans.failed)
    return NULL;

  read = _bilat_votes_builder_build (self->builder, &duplicates);
  self->counts->duplicates += duplicates;
  self->counts->kept -= MIN (self->counts->kept, duplicates);
  if (existing == NULL)
    return read;

  merged = _bilat_votes_merge (existing, read, &duplicates, error);
  _bilat_votes_unref (read);
  return merged;
}
