/* bilat-panel-build.c: building a panel from a store
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The skeleton (which dyads in which periods) comes from the membership
 * spells of the identity tables. Each source is then read once, not once
 * per dyad: every exercise and event is counted for every dyad of the
 * panel it matches, as a dyad query would match it (two different
 * participants, each the dyad's actor or a state it continues), into a
 * table keyed by dyad and period; the votes give, per year, the stance
 * tables of every pair of the year's states at once. The results are
 * those of bilat_store_count_exercises(), bilat_store_compute_series()
 * and bilat_store_compute_affinity() for each dyad, which the tests
 * check row by row.
 */

#include <math.h>
#include <string.h>

#include <bilat/bilat.h>

#include "bilat-date-private.h"
#include "bilat-event-private.h"
#include "bilat-format-private.h"
#include "bilat-import-private.h"
#include "bilat-panel-private.h"
#include "bilat-segment-private.h"
#include "bilat-store-private.h"

#define N_DOMAINS 6
#define NO_ID G_MAXUINT16


/* The period key of a Julian day. */
static gint32
day_key (BilatSeriesUnit unit,
         guint32         julian)
{
  int year, month, day;

  _bilat_julian_to_civil (julian, &year, &month, &day);
  return _bilat_panel_key (unit, year, month);
}

/* Skeleton. */

/* Per COW code, the index of the state that is a member in each period
 * (NO_ID: none), and the first day of the spell that put it there: in a
 * period two spells share (SUN and RUS in 1991), the later one names it. */
typedef struct
{
  guint16  code;
  guint16 *ids;
  guint32 *starts;
} Member;

static void
member_free (gpointer data)
{
  Member *member = data;

  g_free (member->ids);
  g_free (member->starts);
  g_free (member);
}

static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  const Member *ma = *(Member * const *) a;
  const Member *mb = *(Member * const *) b;

  return (int) ma->code - (int) mb->code;
}

/* Every COW code with a spell in the panel's years, sorted by code. */
static GPtrArray *
collect_members (BilatPanelBuild *build)
{
  BilatIdentity *identity = bilat_identity_get_default ();
  g_autoptr(BilatDate) first = bilat_date_new_year (build->panel->first_year, NULL);
  g_autoptr(BilatDate) last = bilat_date_new_year (build->panel->last_year, NULL);
  g_autoptr(BilatDate) years = bilat_date_new_interval (first, last, NULL);
  g_autoptr(GListModel) spells = bilat_identity_get_members (identity, years);
  g_autoptr(GHashTable) by_code = g_hash_table_new (NULL, NULL);
  GPtrArray *members = g_ptr_array_new_with_free_func (member_free);
  guint n = g_list_model_get_n_items (spells);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatStateSpell) spell = g_list_model_get_item (spells, i);
      guint code = bilat_state_spell_get_cow_code (spell);
      BilatDate *end = bilat_state_spell_get_end (spell);
      guint32 start = bilat_date_get_first_julian (bilat_state_spell_get_start (spell));
      gint32 from = day_key (build->unit, start);
      gint32 to = end != NULL ? day_key (build->unit, bilat_date_get_last_julian (end)) : build->last_key;
      guint16 id = _bilat_panel_intern (build->panel, build->id_index, bilat_state_spell_get_state (spell));
      Member *member = g_hash_table_lookup (by_code, GUINT_TO_POINTER (code));

      if (member == NULL)
        {
          member = g_new0 (Member, 1);
          member->code = (guint16) code;
          member->ids = g_new (guint16, build->n_periods);
          member->starts = g_new0 (guint32, build->n_periods);
          memset (member->ids, 0xff, build->n_periods * sizeof (guint16));
          g_hash_table_insert (by_code, GUINT_TO_POINTER (code), member);
          g_ptr_array_add (members, member);
        }
      for (gint32 key = MAX (from, build->first_key); key <= MIN (to, build->last_key); key++)
        {
          guint p = (guint) (key - build->first_key);

          if (member->ids[p] == NO_ID || member->starts[p] < start)
            {
              member->ids[p] = id;
              member->starts[p] = start;
            }
        }
    }
  g_ptr_array_sort (members, compare_members);
  return members;
}

static gboolean
too_large (GError **error)
{
  g_set_error (error, BILAT_PANEL_ERROR, BILAT_PANEL_ERROR_TOO_LARGE,
               "The panel would have more than %u rows or name more than %u actors",
               G_MAXUINT, NO_ID - 1);
  return FALSE;
}

/* Every pair of states that are members in a period: the codes in order,
 * each pair's periods in order. */
static gboolean
build_all_states (BilatPanelBuild  *build,
                  GError          **error)
{
  BilatPanel *panel = build->panel;
  g_autoptr(GPtrArray) members = collect_members (build);
  guint64 n_rows = 0;
  guint row = 0;

  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < members->len; i++)
        for (guint j = panel->directed ? 0 : i + 1; j < members->len; j++)
          {
            const Member *ma = g_ptr_array_index (members, i);
            const Member *mb = g_ptr_array_index (members, j);

            if (i == j)
              continue;
            for (guint p = 0; p < build->n_periods; p++)
              {
                if (ma->ids[p] == NO_ID || mb->ids[p] == NO_ID)
                  continue;
                if (pass == 0)
                  {
                    n_rows++;
                    continue;
                  }
                panel->a[row] = ma->ids[p];
                panel->b[row] = mb->ids[p];
                panel->cow_a[row] = ma->code;
                panel->cow_b[row] = mb->code;
                panel->period[row] = build->first_key + (gint32) p;
                row++;
              }
          }
      if (pass == 0 && n_rows > G_MAXUINT)
        return too_large (error);
      if (pass == 0)
        _bilat_panel_set_n_rows (panel, (guint) n_rows);
    }
  return TRUE;
}

/* The COW code of state @id in period @p: that of its own spell, or of a
 * state it continues; PANEL_NO_CODE for none. */
static guint16
code_in_period (GPtrArray  *members,
                BilatPanel *panel,
                const char *id,
                guint       p)
{
  BilatIdentity *identity = bilat_identity_get_default ();

  for (guint depth = 0; id != NULL && depth < 8; depth++)
    {
      for (guint i = 0; i < members->len; i++)
        {
          const Member *member = g_ptr_array_index (members, i);

          if (member->ids[p] != NO_ID && strcmp (g_ptr_array_index (panel->ids, member->ids[p]), id) == 0)
            return member->code;
        }
      id = bilat_identity_get_predecessor (identity, id);
    }
  return PANEL_NO_CODE;
}

/* The dyads of the settings, each over every period. */
static gboolean
build_named (BilatPanelBuild     *build,
             BilatPanelSettings  *settings,
             GError             **error)
{
  BilatPanel *panel = build->panel;
  g_autoptr(GPtrArray) members = collect_members (build);
  guint n_dyads = bilat_panel_settings_get_n_dyads (settings);
  guint per_dyad = panel->directed ? 2 : 1;
  guint row = 0;

  /* Each dyad names two actors at most, besides the states of the spells. */
  if ((guint64) n_dyads * per_dyad * build->n_periods > G_MAXUINT ||
      (guint64) n_dyads * 2 + panel->ids->len >= NO_ID)
    return too_large (error);
  _bilat_panel_set_n_rows (panel, n_dyads * per_dyad * build->n_periods);
  for (guint d = 0; d < n_dyads; d++)
    {
      const char *names[2];

      bilat_panel_settings_get_dyad (settings, d, &names[0], &names[1]);
      for (guint direction = 0; direction < per_dyad; direction++)
        {
          const char *a = names[direction];
          const char *b = names[1 - direction];
          guint16 ia = _bilat_panel_intern (panel, build->id_index, a);
          guint16 ib = _bilat_panel_intern (panel, build->id_index, b);

          for (guint p = 0; p < build->n_periods; p++, row++)
            {
              panel->a[row] = ia;
              panel->b[row] = ib;
              panel->cow_a[row] = code_in_period (members, panel, a, p);
              panel->cow_b[row] = code_in_period (members, panel, b, p);
              panel->period[row] = build->first_key + (gint32) p;
            }
        }
    }
  return TRUE;
}

/* Matching events to dyads. */

/* For each actor id an event may name, the panel's actors it stands for:
 * itself, and every actor of the panel that continues it. */
static GHashTable *
stand_ins (BilatPanel *panel,
           BilatStore *store)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < panel->ids->len; i++)
    {
      const char *lineage[_BILAT_LINEAGE_MAX];
      guint n = _bilat_store_get_lineage (store, g_ptr_array_index (panel->ids, i), lineage);

      for (guint l = 0; l < n; l++)
        {
          GArray *ids = g_hash_table_lookup (table, lineage[l]);
          guint16 id = (guint16) i;

          if (ids == NULL)
            {
              ids = g_array_new (FALSE, FALSE, sizeof (guint16));
              g_hash_table_insert (table, g_strdup (lineage[l]), ids);
            }
          g_array_append_val (ids, id);
        }
    }
  return table;
}

static guint64
pair_key (guint16 a,
          guint16 b,
          guint   period)
{
  return ((guint64) a << 48) | ((guint64) b << 32) | period;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  guint64 ka = *(const guint64 *) a;
  guint64 kb = *(const guint64 *) b;

  return ka < kb ? -1 : ka > kb;
}

/* One event's participants, as the panel's actors they stand for, and
 * whether each initiates or is targeted. */
typedef struct
{
  GArray *ids;     /* of guint16 */
  int     role;    /* BilatRole */
} Side;

/* The keys of the dyads an event with @sides matches in @period, each
 * once, into @keys: two different participants, one for each actor
 * (for @directed, the initiator for a and the target for b). */
static void
event_keys (const Side *sides,
            guint       n_sides,
            gboolean    directed,
            guint       period,
            GArray     *keys)
{
  g_array_set_size (keys, 0);
  for (guint i = 0; i < n_sides; i++)
    for (guint j = 0; j < n_sides; j++)
      {
        if (i == j || sides[i].ids == NULL || sides[j].ids == NULL)
          continue;
        if (directed && (sides[i].role != BILAT_ROLE_INITIATOR || sides[j].role != BILAT_ROLE_TARGET))
          continue;
        for (guint x = 0; x < sides[i].ids->len; x++)
          for (guint y = 0; y < sides[j].ids->len; y++)
            {
              guint16 a = g_array_index (sides[i].ids, guint16, x);
              guint16 b = g_array_index (sides[j].ids, guint16, y);
              guint64 key = directed ? pair_key (a, b, period) : pair_key (MIN (a, b), MAX (a, b), period);

              g_array_append_val (keys, key);
            }
      }
  if (keys->len > 1)
    {
      guint n = 1;

      g_array_sort (keys, compare_keys);
      for (guint k = 1; k < keys->len; k++)
        if (g_array_index (keys, guint64, k) != g_array_index (keys, guint64, n - 1))
          g_array_index (keys, guint64, n++) = g_array_index (keys, guint64, k);
      g_array_set_size (keys, n);
    }
}

/* What is counted per dyad and period. */
typedef struct
{
  guint64 key;
  guint32 count;
  guint32 domains[N_DOMAINS];
  guint32 goldstein_count;
  double  goldstein_sum;
  guint32 quad[4];
} Tally;

static Tally *
tally_for (GHashTable *tallies,
           guint64     key)
{
  Tally *tally = g_hash_table_lookup (tallies, &key);

  if (tally == NULL)
    {
      tally = g_new0 (Tally, 1);
      tally->key = key;
      g_hash_table_insert (tallies, &tally->key, tally);
    }
  return tally;
}

/* Keys pack two actors and a period: g_int64_hash() would hash the
 * period alone. */
static guint
key_hash (gconstpointer key)
{
  guint64 mixed = *(const guint64 *) key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  return (guint) (mixed >> 32);
}

static GHashTable *
tallies_new (void)
{
  return g_hash_table_new_full (key_hash, g_int64_equal, NULL, g_free);
}

/* The tally of row @r, NULL where nothing was counted. */
static const Tally *
row_tally (BilatPanel *panel,
           GHashTable *tallies,
           gint32      first_key,
           guint       r,
           gboolean    directed)
{
  guint16 a = panel->a[r];
  guint16 b = panel->b[r];
  guint64 key = directed ? pair_key (a, b, (guint) (panel->period[r] - first_key))
                         : pair_key (MIN (a, b), MAX (a, b), (guint) (panel->period[r] - first_key));

  return g_hash_table_lookup (tallies, &key);
}

/* Fills @sides from @event's participants. */
static guint
object_sides (GHashTable *stand_ins,
              BilatEvent *event,
              Side       *sides,
              guint       max)
{
  GPtrArray *participants = bilat_event_get_participants (event);
  guint n = MIN (participants->len, max);

  for (guint i = 0; i < n; i++)
    {
      BilatParticipant *participant = g_ptr_array_index (participants, i);

      sides[i].ids = g_hash_table_lookup (stand_ins, bilat_participant_get_actor (participant));
      sides[i].role = bilat_participant_get_role (participant);
    }
  return n;
}

/* Exercises. */

/* The period an exercise counts in, as bilat_store_count_exercises()
 * counts it: that of its first day, unless its start is known less
 * precisely than the unit. */
static gboolean
exercise_key (BilatEvent      *event,
              BilatSeriesUnit  unit,
              gint32          *key)
{
  BilatDate *date = bilat_event_get_date (event);
  BilatDate *start;

  if (date == NULL)
    return FALSE;
  start = bilat_date_get_start (date);
  if (unit == BILAT_SERIES_UNIT_MONTH && bilat_date_get_precision (start) == BILAT_DATE_PRECISION_YEAR)
    return FALSE;
  *key = day_key (unit, bilat_date_get_first_julian (start));
  return TRUE;
}

#define MAX_SIDES 256

static void
fill_exercises (BilatPanelBuild *build,
                BilatStore      *store,
                gboolean         counts,
                gboolean         domains)
{
  static const char * const domain_names[N_DOMAINS] = {
    "exercises_command_post", "exercises_air", "exercises_land",
    "exercises_sea", "exercises_amphibious", "exercises_cyber",
  };
  BilatPanel *panel = build->panel;
  g_autoptr(BilatQuery) query = bilat_query_new ();
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GHashTable) stands = stand_ins (panel, store);
  g_autoptr(GHashTable) tallies = tallies_new ();
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autofree Side *sides = g_new0 (Side, MAX_SIDES);
  BilatPanelColumn *count_column = NULL;
  BilatPanelColumn *domain_columns[N_DOMAINS] = { NULL, };
  guint n;

  bilat_query_set_event_type (query, BILAT_TYPE_EXERCISE);
  found = bilat_store_find_events (store, query);
  n = g_list_model_get_n_items (found);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BilatEvent) event = g_list_model_get_item (found, i);
      guint n_sides;
      gint32 key;

      if (!BILAT_IS_EXERCISE (event) || !exercise_key (event, build->unit, &key))
        continue;
      _bilat_panel_widen_coverage (panel, BILAT_PANEL_SOURCE_EXERCISES, key);
      if (key < build->first_key || key > build->last_key)
        continue;
      n_sides = object_sides (stands, event, sides, MAX_SIDES);
      event_keys (sides, n_sides, FALSE, (guint) (key - build->first_key), keys);
      for (guint k = 0; k < keys->len; k++)
        {
          Tally *tally = tally_for (tallies, g_array_index (keys, guint64, k));
          guint flags = bilat_exercise_get_domains (BILAT_EXERCISE (event));

          tally->count++;
          for (guint b = 0; b < N_DOMAINS; b++)
            tally->domains[b] += (flags >> b) & 1;
        }
    }

  if (counts)
    count_column = _bilat_panel_add_column (panel, "exercises", BILAT_PANEL_VALUE_TYPE_INTEGER,
                                            BILAT_PANEL_SOURCE_EXERCISES);
  for (guint b = 0; domains && b < N_DOMAINS; b++)
    domain_columns[b] = _bilat_panel_add_column (panel, domain_names[b], BILAT_PANEL_VALUE_TYPE_INTEGER,
                                                 BILAT_PANEL_SOURCE_EXERCISES);
  for (guint r = 0; r < panel->n_rows; r++)
    {
      const Tally *tally;

      if (!_bilat_panel_in_coverage (panel, BILAT_PANEL_SOURCE_EXERCISES, panel->period[r]))
        continue;
      tally = row_tally (panel, tallies, build->first_key, r, FALSE);
      if (count_column != NULL)
        count_column->counts[r] = tally != NULL ? tally->count : 0;
      for (guint b = 0; domains && b < N_DOMAINS; b++)
        domain_columns[b]->counts[r] = tally != NULL ? tally->domains[b] : 0;
    }
}

/* Events. */

/* Counts an event of period @key (within the panel's) with @sides, its
 * Goldstein score (NaN: none) and QuadClass, for every dyad it matches. */
static void
tally_event (BilatPanelBuild *build,
             GHashTable      *tallies,
             GArray          *keys,
             gint32           key,
             const Side      *sides,
             guint            n_sides,
             double           goldstein,
             int              quad_class)
{
  event_keys (sides, n_sides, build->panel->directed, (guint) (key - build->first_key), keys);
  for (guint k = 0; k < keys->len; k++)
    {
      Tally *tally = tally_for (tallies, g_array_index (keys, guint64, k));

      tally->count++;
      if (!isnan (goldstein))
        {
          tally->goldstein_count++;
          tally->goldstein_sum += goldstein;
        }
      if (quad_class >= BILAT_QUAD_CLASS_VERBAL_COOPERATION && quad_class <= BILAT_QUAD_CLASS_MATERIAL_CONFLICT)
        tally->quad[quad_class - BILAT_QUAD_CLASS_VERBAL_COOPERATION]++;
    }
}

typedef struct
{
  BilatPanelBuild *build;
  BilatStore   *store;
  GHashTable   *stands;
  GHashTable   *tallies;
  GArray       *keys;
  Side         *sides;
  BilatSegment *segment;
} EventWalk;

static void
count_event (EventWalk             *walk,
             const BilatEventFacts *facts,
             guint                  n_sides)
{
  BilatPanelBuild *build = walk->build;
  gint32 key;

  if (facts->first_julian == 0)
    return;
  key = day_key (build->unit, facts->first_julian);
  _bilat_panel_widen_coverage (build->panel, BILAT_PANEL_SOURCE_EVENTS, key);
  if (key < build->first_key || key > build->last_key)
    return;
  tally_event (build, walk->tallies, walk->keys, key, walk->sides, n_sides, facts->goldstein,
               facts->quad_class);
}

static void
walk_event (guint        position,
            BilatRecord *object,
            guint        row,
            gpointer     data)
{
  EventWalk *walk = data;
  BilatEventFacts facts;
  guint n_sides;

  if (object != NULL)
    {
      _bilat_event_facts_init (&facts, BILAT_EVENT (object));
      n_sides = object_sides (walk->stands, BILAT_EVENT (object), walk->sides, MAX_SIDES);
    }
  else
    {
      const char *first = NULL;
      const char *second = NULL;
      BilatQuadClass quad;

      memset (&facts, 0, sizeof facts);
      facts.first_julian = _bilat_segment_get_day (walk->segment, row);
      _bilat_segment_get_figures (walk->segment, row, &facts.goldstein, &quad);
      facts.quad_class = (guint8) quad;
      _bilat_segment_get_participants (walk->segment, row, &first, &second);
      walk->sides[0].ids = first != NULL ? g_hash_table_lookup (walk->stands, first) : NULL;
      walk->sides[0].role = BILAT_ROLE_INITIATOR;
      walk->sides[1].ids = second != NULL ? g_hash_table_lookup (walk->stands, second) : NULL;
      walk->sides[1].role = BILAT_ROLE_TARGET;
      n_sides = 2;
    }
  count_event (walk, &facts, n_sides);
}

/* The events columns, from the tallies of the events counted; the
 * coverage of the events is known. */
static void
add_event_columns (BilatPanelBuild *build,
                   GHashTable      *tallies)
{
  static const char * const quad_names[4] = { "q1", "q2", "q3", "q4" };
  BilatPanel *panel = build->panel;
  BilatPanelColumn *events, *sum, *mean, *quad[4];

  events = _bilat_panel_add_column (panel, "events", BILAT_PANEL_VALUE_TYPE_INTEGER, BILAT_PANEL_SOURCE_EVENTS);
  sum = _bilat_panel_add_column (panel, "goldstein_sum", BILAT_PANEL_VALUE_TYPE_REAL, BILAT_PANEL_SOURCE_EVENTS);
  mean = _bilat_panel_add_column (panel, "goldstein_mean", BILAT_PANEL_VALUE_TYPE_REAL, BILAT_PANEL_SOURCE_EVENTS);
  for (guint q = 0; q < 4; q++)
    quad[q] = _bilat_panel_add_column (panel, quad_names[q], BILAT_PANEL_VALUE_TYPE_INTEGER,
                                       BILAT_PANEL_SOURCE_EVENTS);
  for (guint r = 0; r < panel->n_rows; r++)
    {
      const Tally *tally;

      if (!_bilat_panel_in_coverage (panel, BILAT_PANEL_SOURCE_EVENTS, panel->period[r]))
        continue;
      tally = row_tally (panel, tallies, build->first_key, r, panel->directed);
      events->counts[r] = tally != NULL ? tally->count : 0;
      sum->reals[r] = tally != NULL ? tally->goldstein_sum : 0.0;
      /* The mean of no score is not defined: empty, as the series has it. */
      if (tally != NULL && tally->goldstein_count > 0)
        mean->reals[r] = tally->goldstein_sum / tally->goldstein_count;
      for (guint q = 0; q < 4; q++)
        quad[q]->counts[r] = tally != NULL ? tally->quad[q] : 0;
    }
}

/* The events columns from the events of @store. */
static void
fill_events (BilatPanelBuild *build,
             BilatStore      *store)
{
  g_autoptr(GHashTable) stands = stand_ins (build->panel, store);
  g_autoptr(GHashTable) tallies = tallies_new ();
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autofree Side *sides = g_new0 (Side, MAX_SIDES);
  const guint8 *dead;
  EventWalk walk = { build, store, stands, tallies, keys, sides, NULL };

  walk.segment = _bilat_store_get_segment (store, &dead);
  _bilat_store_walk (store, _BILAT_KIND_EVENT, walk_event, &walk);
  add_event_columns (build, tallies);
}

/* Events straight from files: each file's rows are counted into tallies
 * of its own (a part), by the thread that reads it, and the parts merged
 * in the order of the files, so that the sums do not depend on the
 * threads. Nothing is kept per event: a part holds a tally per dyad and
 * period the file has events of, and the span of the periods of its
 * events, the coverage. */

typedef struct
{
  BilatPanelBuild *build;
  GHashTable      *stands;      /* read only, by every thread */
} EventStream;

typedef struct
{
  const EventStream *stream;
  GHashTable        *tallies;
  GArray            *keys;
  gboolean           covered;
  gint32             span[2];
} EventPart;

static gpointer
event_part_new (gpointer data)
{
  EventPart *part = g_new0 (EventPart, 1);

  part->stream = data;
  part->tallies = tallies_new ();
  part->keys = g_array_new (FALSE, FALSE, sizeof (guint64));
  return part;
}

static void
event_part_free (gpointer data)
{
  EventPart *part = data;

  g_hash_table_unref (part->tallies);
  g_array_unref (part->keys);
  g_free (part);
}

/* A row as the store path counts the event it imports: actor1 the
 * initiator, actor2 the target unless it is actor1 again. */
static void
event_part_add (gpointer        data,
                const BilatRow *row)
{
  EventPart *part = data;
  BilatPanelBuild *build = part->stream->build;
  gint32 key = _bilat_panel_key (build->unit, row->year, row->month);
  Side sides[2];

  if (!part->covered)
    {
      part->covered = TRUE;
      part->span[0] = part->span[1] = key;
    }
  part->span[0] = MIN (part->span[0], key);
  part->span[1] = MAX (part->span[1], key);
  if (key < build->first_key || key > build->last_key || row->actor1 == NULL || row->actor2 == NULL ||
      strcmp (row->actor1, row->actor2) == 0)
    return;
  sides[0].ids = g_hash_table_lookup (part->stream->stands, row->actor1);
  sides[0].role = BILAT_ROLE_INITIATOR;
  sides[1].ids = g_hash_table_lookup (part->stream->stands, row->actor2);
  sides[1].role = BILAT_ROLE_TARGET;
  if (sides[0].ids == NULL || sides[1].ids == NULL)
    return;
  tally_event (build, part->tallies, part->keys, key, sides, 2, row->goldstein, row->quad_class);
}

/* Adds the tallies and coverage of @data, a part, to those of @into. */
static void
event_part_merge (gpointer into_data,
                  gpointer data)
{
  EventPart *into = into_data;
  EventPart *part = data;
  GHashTableIter iter;
  gpointer value;

  if (part->covered && !into->covered)
    {
      into->covered = TRUE;
      into->span[0] = part->span[0];
      into->span[1] = part->span[1];
    }
  else if (part->covered)
    {
      into->span[0] = MIN (into->span[0], part->span[0]);
      into->span[1] = MAX (into->span[1], part->span[1]);
    }
  g_hash_table_iter_init (&iter, part->tallies);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Tally *from = value;
      Tally *to = tally_for (into->tallies, from->key);

      to->count += from->count;
      to->goldstein_count += from->goldstein_count;
      to->goldstein_sum += from->goldstein_sum;
      for (guint q = 0; q < 4; q++)
        to->quad[q] += from->quad[q];
    }
}

/* The events columns from event files. */
static gboolean
stream_events (BilatPanelBuild         *build,
               const BilatPanelFiles   *files,
               GCancellable            *cancellable,
               BilatImportReport      **report,
               GError                 **error)
{
  /* An empty store: the actors of the files continue what the identity
   * tables say, as they do in a store the files are imported into. */
  g_autoptr(BilatStore) no_actors = bilat_store_new ();
  g_autoptr(GHashTable) stands = stand_ins (build->panel, no_actors);
  EventStream stream = { build, stands };
  BilatRowCounter counter = { event_part_new, event_part_add, event_part_merge, event_part_free, &stream };
  EventPart *events;

  events = _bilat_count_files (files->files, files->n_files, files->format, files->query, files->threads,
                               files->flags, &counter, cancellable, files->progress, files->progress_data,
                               report, error);
  if (events == NULL)
    return FALSE;
  if (events->covered)
    {
      _bilat_panel_widen_coverage (build->panel, BILAT_PANEL_SOURCE_EVENTS, events->span[0]);
      _bilat_panel_widen_coverage (build->panel, BILAT_PANEL_SOURCE_EVENTS, events->span[1]);
    }
  add_event_columns (build, events->tallies);
  event_part_free (events);
  return TRUE;
}

static gboolean
check_settings (BilatPanelSettings  *settings,
                GError             **error)
{
  BilatSeriesUnit unit = bilat_panel_settings_get_unit (settings);
  const char * const *topics = bilat_panel_settings_get_topics (settings);

  if (bilat_panel_settings_get_first_year (settings) > bilat_panel_settings_get_last_year (settings))
    {
      g_set_error (error, BILAT_PANEL_ERROR, BILAT_PANEL_ERROR_INVALID_SETTINGS,
                   "The panel's first year, %d, is after its last, %d",
                   bilat_panel_settings_get_first_year (settings), bilat_panel_settings_get_last_year (settings));
      return FALSE;
    }
  if (unit == BILAT_SERIES_UNIT_DAY)
    {
      g_set_error_literal (error, BILAT_PANEL_ERROR, BILAT_PANEL_ERROR_INVALID_SETTINGS,
                           "A panel is by year or by month, not by day");
      return FALSE;
    }
  if (unit == BILAT_SERIES_UNIT_MONTH && (bilat_panel_settings_get_columns (settings) & BILAT_PANEL_COLUMNS_AFFINITY))
    {
      g_set_error_literal (error, BILAT_PANEL_ERROR, BILAT_PANEL_ERROR_INVALID_SETTINGS,
                           "Affinity is measured per year, not per month: leave out the affinity columns "
                           "or build the panel by year");
      return FALSE;
    }
  for (guint t = 0; topics != NULL && topics[t] != NULL; t++)
    {
      const char *topic = topics[t];

      if (g_str_has_prefix (topic, "unga-topic:"))
        topic += strlen ("unga-topic:");
      if (topic[0] == '\0' || strspn (topic, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen (topic))
        {
          g_set_error (error, BILAT_PANEL_ERROR, BILAT_PANEL_ERROR_INVALID_SETTINGS,
                       "“%s” cannot be a topic: a topic is a code in lower-case letters, such as “me”",
                       topics[t]);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * bilat_store_build_panel:
 * @store: a [class@Bilat.Store]
 * @settings: (nullable): what to build, or %NULL for the defaults (see
 *   [class@Bilat.PanelSettings])
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for a #GError, or %NULL
 *
 * Builds a dyad-year (or dyad-month) panel.
 *
 * Without dyads in @settings, the rows are every pair of states that are
 * both members of the Correlates of War state system in a period (the
 * spells of [method@Bilat.Identity.get_members]), by COW code: a state is
 * named by the actor id of its spell in the period, the later spell where
 * two meet in it (`RUS` in 1991, when `SUN` ended). Undirected, a pair
 * comes once, the lower COW code as `a`; directed, both ways. Rows come
 * dyad by dyad, each dyad's periods in order. With dyads, each has a row
 * for every period of the years (and, directed, its reverse too).
 *
 * The value columns count each exercise or event for every dyad whose
 * query (a dyad query, following state succession) it matches, and take
 * affinity as [method@Bilat.Store.compute_affinity] measures it per year:
 * `exercises` equals what [method@Bilat.Store.count_exercises] counts for
 * the dyad in the period, `events` and the Goldstein and QuadClass columns
 * what [method@Bilat.Store.compute_series] gives (for directed dyads, only
 * events with a as initiator and b as target). Each source's coverage is
 * the span of the periods of the data the store holds for it; outside it
 * the cells are empty (never zero), and affinity cells are empty in a year
 * without a selected roll call.
 *
 * Returns: (transfer full): the panel, or %NULL with @error set
 *   (%BILAT_PANEL_ERROR_INVALID_SETTINGS, %BILAT_PANEL_ERROR_TOO_LARGE, or
 *   %G_IO_ERROR_CANCELLED)
 *
 * Since: 1.0
 */
BilatPanel *
bilat_store_build_panel (BilatStore          *store,
                         BilatPanelSettings  *settings,
                         GCancellable        *cancellable,
                         GError             **error)
{
  g_return_val_if_fail (BILAT_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || BILAT_IS_PANEL_SETTINGS (settings), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _bilat_panel_build (store, settings, NULL, cancellable, NULL, error);
}

/* Builds the panel of @settings (NULL: the defaults) from @store, and its
 * events columns from @files when it is not NULL (see
 * bilat_importer_build_panel()), with the report of reading them in
 * @report (an empty one when the settings leave out the events columns,
 * and the files are not read). */
BilatPanel *
_bilat_panel_build (BilatStore             *store,
                    BilatPanelSettings     *settings,
                    const BilatPanelFiles  *files,
                    GCancellable           *cancellable,
                    BilatImportReport     **report,
                    GError                **error)
{
  g_autoptr(BilatPanelSettings) defaults = NULL;
  g_autoptr(GHashTable) id_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(BilatPanel) panel = NULL;
  BilatPanelColumns columns;
  BilatStore *event_store;
  g_autoptr(BilatImportReport) files_report = NULL;
  BilatPanelBuild build;

  if (report != NULL)
    *report = NULL;
  if (settings == NULL)
    settings = defaults = bilat_panel_settings_new ();
  if (!check_settings (settings, error))
    return NULL;

  columns = bilat_panel_settings_get_columns (settings);
  panel = _bilat_panel_new (bilat_panel_settings_get_unit (settings),
                            bilat_panel_settings_get_directed (settings),
                            bilat_panel_settings_get_first_year (settings),
                            bilat_panel_settings_get_last_year (settings),
                            (columns & BILAT_PANEL_COLUMNS_CODES) != 0);
  build.panel = panel;
  build.id_index = id_index;
  build.unit = panel->unit;
  build.first_key = _bilat_panel_key (panel->unit, panel->first_year, 1);
  build.last_key = _bilat_panel_key (panel->unit, panel->last_year, 12);
  build.n_periods = (guint) (build.last_key - build.first_key + 1);

  if (bilat_panel_settings_get_n_dyads (settings) > 0 ? !build_named (&build, settings, error)
                                                       : !build_all_states (&build, error))
    return NULL;

  if (columns & (BILAT_PANEL_COLUMNS_EXERCISES | BILAT_PANEL_COLUMNS_EXERCISE_DOMAINS))
    fill_exercises (&build, store, (columns & BILAT_PANEL_COLUMNS_EXERCISES) != 0,
                    (columns & BILAT_PANEL_COLUMNS_EXERCISE_DOMAINS) != 0);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  event_store = bilat_panel_settings_get_event_store (settings);
  if ((columns & BILAT_PANEL_COLUMNS_EVENTS) && files != NULL)
    {
      if (!stream_events (&build, files, cancellable, &files_report, error))
        return NULL;
    }
  else if (columns & BILAT_PANEL_COLUMNS_EVENTS)
    fill_events (&build, event_store != NULL ? event_store : store);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (columns & BILAT_PANEL_COLUMNS_AFFINITY)
    _bilat_panel_fill_affinity (&build, store, settings);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  _bilat_panel_seal (panel);
  if (report != NULL)
    *report = files_report != NULL ? g_steal_pointer (&files_report) : bilat_import_report_new ();
  return g_steal_pointer (&panel);
}
