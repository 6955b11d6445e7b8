/* bilat-row-filter.c: a BilatQuery compiled for raw rows of event data
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The reader (bilat-import-reader.c) asks a filter twice about a row:
 * first of its raw bytes, before the row is cut into columns, whether it
 * can match at all (the date, the CAMEO code, the actors' countries found
 * by skipping tabs), then, once the row is parsed, whether it matches with
 * the query's own semantics. The first is where the time of an import
 * goes, so it never allocates and looks at as few columns as it can.
 */

#include <bilat/bilat.h>

#include <string.h>

#include "bilat-codes-private.h"
#include "bilat-date-private.h"
#include "bilat-identity-private.h"
#include "bilat-row-event-private.h"
#include "bilat-row-filter-private.h"
#include "bilat-row-layout-private.h"
#include "bilat-store-private.h"

/* Sets of actor ids, looked up by a field's bytes as they are: a hash
 * table, so that a filter of thousands of actors costs what one of two
 * does. A field's bytes are compared whole, NUL bytes included: an id
 * is never the prefix of a field that has more bytes. */
typedef struct
{
  GHashTable *ids;       /* owned id → itself */
  gsize       longest;
} IdNames;

static IdNames *
id_names_new (void)
{
  IdNames *self = g_new0 (IdNames, 1);

  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

static void
id_names_free (IdNames *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->ids);
  g_free (self);
}

static void
id_names_add (IdNames    *self,
              const char *id)
{
  if (g_hash_table_contains (self->ids, id))
    return;
  self->longest = MAX (self->longest, strlen (id));
  g_hash_table_add (self->ids, g_strdup (id));
}

struct _BilatRowFilter
{
  gboolean   nothing;     /* no coded event can match */
  IdNames   *actors;      /* any of these ids, or NULL */
  IdNames   *side_a;      /* the dyad, or NULL */
  IdNames   *side_b;
  /* The same as GDELT writes them: with CAMEO's own codes (ROM for ROU). */
  IdNames   *raw_actors;
  IdNames   *raw_a;
  IdNames   *raw_b;
  gboolean   has_period;
  guint32    first_day;   /* YYYYMMDD */
  guint32    last_day;
  char       prefix[5];
  gsize      prefix_length;
  BilatQuadClass quad_class;
  char      *text;        /* case-folded */
};

/* Adds copies of @actor and, with succession, the states it continues:
 * as the store says (bilat-store.c: past an actor it does not know, as
 * the identity tables say), or without a store, when a series is
 * streamed from files, as the identity tables say, which the readers
 * resolve codes with (RUS continues SUN). */
static void
add_lineage (IdNames    *ids,
             BilatStore *store,
             gboolean    follow,
             const char *actor)
{
  const char *lineage[_BILAT_LINEAGE_MAX];
  guint n = 1;

  lineage[0] = actor;
  if (follow && store != NULL)
    n = _bilat_store_get_lineage (store, actor, lineage);
  else if (follow)
    while (n < _BILAT_LINEAGE_MAX &&
           (lineage[n] = bilat_identity_get_predecessor (bilat_identity_get_default (),
                                                         lineage[n - 1])) != NULL)
      n++;
  for (guint i = 0; i < n; i++)
    id_names_add (ids, lineage[i]);
}

static void
add_raw_code (const char *code,
              gpointer    user_data)
{
  id_names_add (user_data, code);
}

/* The actor countries of GDELT rows that can stand for @ids: each id as
 * GDELT writes it (ROM for ROU), and every CAMEO code that names it on
 * some day (RUS for SUN). */
static IdNames *
raw_codes (const IdNames *ids)
{
  const BilatCodeDays *cameo = _bilat_identity_get_code_days (bilat_identity_get_default (),
                                                              BILAT_CODE_SCHEME_CAMEO);
  IdNames *raw = id_names_new ();
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, ids->ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      const char *codes[2];
      guint n = _bilat_cameo_country_aliases (id, codes);

      for (guint j = 0; j < n; j++)
        id_names_add (raw, codes[j]);
      _bilat_code_days_foreach (cameo, id, add_raw_code, raw);
    }
  return raw;
}

BilatRowFilter *
_bilat_row_filter_new (BilatQuery *query,
                       BilatStore *store)
{
  BilatRowFilter *self = g_new0 (BilatRowFilter, 1);
  const char * const *actors;
  const char *dyad_a;
  const char *dyad_b;
  const char *prefix;
  const char *text;
  g_autoptr(BilatDate) period = NULL;
  GType type;
  gboolean follow;

  if (query == NULL)
    return self;

  follow = bilat_query_get_follow_succession (query);
  type = bilat_query_get_event_type (query);
  /* Coded events are no exercises and have no sectors. */
  if (!g_type_is_a (BILAT_TYPE_CODED_EVENT, type) ||
      bilat_query_get_sectors (query) != BILAT_SECTOR_NONE)
    self->nothing = TRUE;

  actors = bilat_query_get_actors (query);
  if (actors != NULL && actors[0] != NULL)
    {
      self->actors = id_names_new ();
      for (guint i = 0; actors[i] != NULL; i++)
        add_lineage (self->actors, store, follow, actors[i]);
      self->raw_actors = raw_codes (self->actors);
    }
  if (bilat_query_get_dyad (query, &dyad_a, &dyad_b))
    {
      self->side_a = id_names_new ();
      self->side_b = id_names_new ();
      add_lineage (self->side_a, store, follow, dyad_a);
      add_lineage (self->side_b, store, follow, dyad_b);
      self->raw_a = raw_codes (self->side_a);
      self->raw_b = raw_codes (self->side_b);
    }

  period = bilat_query_get_period (query);
  if (period != NULL)
    {
      int year, month, day;

      self->has_period = TRUE;
      _bilat_julian_to_civil (bilat_date_get_first_julian (period), &year, &month, &day);
      self->first_day = ymd_number (year, month, day);
      _bilat_julian_to_civil (bilat_date_get_last_julian (period), &year, &month, &day);
      self->last_day = ymd_number (year, month, day);
    }

  prefix = bilat_query_get_cameo_prefix (query);
  if (prefix != NULL)
    {
      self->prefix_length = MIN (strlen (prefix), sizeof self->prefix - 1);
      memcpy (self->prefix, prefix, self->prefix_length);
    }
  self->quad_class = bilat_query_get_quad_class (query);
  text = bilat_query_get_text (query);
  if (text != NULL)
    self->text = g_utf8_casefold (text, -1);

  return self;
}

void
_bilat_row_filter_free (BilatRowFilter *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->actors, id_names_free);
  g_clear_pointer (&self->side_a, id_names_free);
  g_clear_pointer (&self->side_b, id_names_free);
  g_clear_pointer (&self->raw_actors, id_names_free);
  g_clear_pointer (&self->raw_a, id_names_free);
  g_clear_pointer (&self->raw_b, id_names_free);
  g_free (self->text);
  g_free (self);
}

static inline gboolean
set_has (const IdNames *set,
         const char    *text,
         gsize          length)
{
  char buffer[64];
  g_autofree char *copy = NULL;
  char *key = buffer;

  /* No id is longer, and none holds a NUL byte. */
  if (length > set->longest || memchr (text, '\0', length) != NULL)
    return FALSE;
  if (length >= sizeof buffer)
    key = copy = g_malloc (length + 1);
  memcpy (key, text, length);
  key[length] = '\0';
  return g_hash_table_contains (set->ids, key);
}

static inline gboolean
set_has_id (const IdNames *set,
            const char    *id)
{
  return id != NULL && g_hash_table_contains (set->ids, id);
}

/* Whether a GDELT row [p, e) can match, from its raw columns (see
 * _bilat_row_filter_may_match()). */
static inline gboolean
gdelt_may_match (const BilatRowFilter *filter,
                 const char           *p,
                 const char           *e)
{
  const char *actor1;
  const char *actor2;
  gsize length1;

  if (filter->has_period)
    {
      const char *date = skip_tabs (p, e, GDELT_DATE);

      if (date != NULL && e - date > 8 && date[8] == '\t' && all_digits (date, 8))
        {
          guint32 day = (guint32) (two_digits (date) * 1000000 + two_digits (date + 2) * 10000 +
                                   two_digits (date + 4) * 100 + two_digits (date + 6));

          if (day < filter->first_day || day > filter->last_day)
            return FALSE;
        }
    }

  if (filter->prefix_length > 0)
    {
      const char *code = skip_tabs (p, e, GDELT_EVENT_CODE);

      if (code != NULL && (gsize) (e - code) > filter->prefix_length &&
          memcmp (code, filter->prefix, filter->prefix_length) != 0)
        return FALSE;
    }

  if (filter->raw_a == NULL && filter->raw_actors == NULL)
    return TRUE;

  actor1 = skip_tabs (p, e, GDELT_ACTOR1_COUNTRY);
  if (actor1 == NULL)
    return TRUE;
  length1 = field_length (actor1, e);

  if (filter->raw_a != NULL)
    {
      gboolean a1 = set_has (filter->raw_a, actor1, length1);
      gboolean b1 = set_has (filter->raw_b, actor1, length1);
      gsize length2;

      if (!a1 && !b1)
        return FALSE;
      actor2 = skip_tabs (actor1, e, GDELT_ACTOR2_COUNTRY - GDELT_ACTOR1_COUNTRY);
      if (actor2 == NULL)
        return TRUE;
      length2 = field_length (actor2, e);
      if (!((a1 && set_has (filter->raw_b, actor2, length2)) ||
            (b1 && set_has (filter->raw_a, actor2, length2))))
        return FALSE;
    }

  if (filter->raw_actors != NULL && !set_has (filter->raw_actors, actor1, length1))
    {
      actor2 = skip_tabs (actor1, e, GDELT_ACTOR2_COUNTRY - GDELT_ACTOR1_COUNTRY);
      if (actor2 != NULL && !set_has (filter->raw_actors, actor2, field_length (actor2, e)))
        return FALSE;
    }
  return TRUE;
}

/* Whether an ICEWS country name can name an actor of @set on some day. */
static gboolean
name_may_be (const IdNames *set,
             const char    *name,
             gsize          length)
{
  const BilatIdentityDays *days;
  guint n = 0;

  days = _bilat_identity_name_days (bilat_identity_get_default (), name, length, &n);
  if (days == NULL)
    {
      const char *iso = _bilat_country_from_iso_name_len (name, length);

      if (iso != NULL)
        days = _bilat_code_days_find (_bilat_identity_get_code_days (bilat_identity_get_default (),
                                                                     BILAT_CODE_SCHEME_ISO3),
                                      iso, strlen (iso), &n);
    }
  for (guint i = 0; i < n; i++)
    if (set_has_id (set, days[i].id))
      return TRUE;
  return FALSE;
}

/* The same for ICEWS, whose countries are names: whether a name can name
 * a wanted actor on any day (the parsed row is then checked on its own). */
static gboolean
icews_may_match (const BilatRowFilter *filter,
                 const char           *p,
                 const char           *e)
{
  const char *source;
  const char *target;
  gsize length1, length2;

  if (filter->side_a == NULL && filter->actors == NULL)
    return TRUE;
  source = skip_tabs (p, e, ICEWS_SOURCE_COUNTRY);
  if (source == NULL)
    return TRUE;
  target = skip_tabs (source, e, ICEWS_TARGET_COUNTRY - ICEWS_SOURCE_COUNTRY);
  if (target == NULL)
    return TRUE;
  length1 = field_length (source, e);
  length2 = field_length (target, e);

  if (filter->side_a != NULL &&
      !((name_may_be (filter->side_a, source, length1) && name_may_be (filter->side_b, target, length2)) ||
        (name_may_be (filter->side_b, source, length1) && name_may_be (filter->side_a, target, length2))))
    return FALSE;
  if (filter->actors != NULL &&
      !name_may_be (filter->actors, source, length1) && !name_may_be (filter->actors, target, length2))
    return FALSE;
  return TRUE;
}

gboolean
_bilat_row_filter_may_match (const BilatRowFilter *filter,
                             BilatEventFormat      format,
                             const char           *p,
                             const char           *e)
{
  if (format == BILAT_EVENT_FORMAT_ICEWS)
    return icews_may_match (filter, p, e);
  return gdelt_may_match (filter, p, e);
}

gboolean
_bilat_row_filter_matches (const BilatRowFilter *filter,
                           const BilatRow       *row)
{
  if (filter == NULL)
    return TRUE;
  if (filter->nothing)
    return FALSE;
  if (filter->has_period)
    {
      guint32 day = ymd_number (row->year, row->month, row->day);

      if (day < filter->first_day || day > filter->last_day)
        return FALSE;
    }
  if (filter->actors != NULL &&
      !set_has_id (filter->actors, row->actor1) && !set_has_id (filter->actors, row->actor2))
    return FALSE;
  if (filter->side_a != NULL)
    {
      /* Two different participants, one on each side. */
      if (row->actor1 == NULL || row->actor2 == NULL || strcmp (row->actor1, row->actor2) == 0)
        return FALSE;
      if (!((set_has_id (filter->side_a, row->actor1) && set_has_id (filter->side_b, row->actor2)) ||
            (set_has_id (filter->side_b, row->actor1) && set_has_id (filter->side_a, row->actor2))))
        return FALSE;
    }
  if (filter->prefix_length > 0 && strncmp (row->code, filter->prefix, filter->prefix_length) != 0)
    return FALSE;
  if (filter->quad_class != BILAT_QUAD_CLASS_NONE && row->quad_class != filter->quad_class)
    return FALSE;
  if (filter->text != NULL)
    {
      g_autoptr(GString) title = g_string_new (NULL);
      g_autofree char *folded = NULL;

      _bilat_row_append_title (row, title);
      folded = g_utf8_casefold (title->str, (gssize) title->len);
      if (strstr (folded, filter->text) == NULL)
        return FALSE;
    }
  return TRUE;
}
