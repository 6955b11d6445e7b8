/* bilat.c: the bilat command-line tool: options, the command table and
 * dispatch. The commands live in the other files of this directory; all
 * knowledge of the data lives in libbilat.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <errno.h>
#include <string.h>

#include "bilat-tool.h"

G_DEFINE_QUARK (bilat-tool-error-quark, tool_error)

/* Which options of its own a command takes. */
typedef enum {
  OPTION_ACTOR      = 1 << 0,
  OPTION_DYAD       = 1 << 1,
  OPTION_PERIOD     = 1 << 2,
  OPTION_TYPE       = 1 << 3,
  OPTION_SECTOR     = 1 << 4,
  OPTION_ISSUE      = 1 << 5,
  OPTION_QUERY      = 1 << 6,
  OPTION_KIND       = 1 << 7,
  OPTION_SUCCESSION = 1 << 8,
  OPTION_BY         = 1 << 9,
  OPTION_TABULAR    = 1 << 10,  /* --csv, --tsv */
  OPTION_INPUT      = 1 << 11,
  OPTION_JOBS       = 1 << 12,
  OPTION_FORMAT     = 1 << 13,
  OPTION_OUTPUT     = 1 << 14,
  OPTION_STRICT     = 1 << 15,
  OPTION_DATA       = 1 << 16,  /* reads the dataset (--data or the built-in one) */
  OPTION_WHEN       = 1 << 17,  /* --year, --date */
  OPTION_SCHEMES    = 1 << 18,  /* --from, --to: code schemes */
  OPTION_SIZE       = 1 << 19,
  OPTION_TITLE      = 1 << 20,
  OPTION_CHART_OUTPUT = 1 << 21,  /* --output, of a chart */
  OPTION_DYADS      = 1 << 22,  /* --dyad, repeatable (plot) */
  OPTION_AFFINITY   = 1 << 23,  /* --votes, --topic, --important, --measure, --matrix, --actors, --thin */
  OPTION_PANEL      = 1 << 24,  /* panel: --dyad, --all, --directed, --from, --to, --by, --columns, --topics, --input, --output */
} CommandOptions;

typedef enum {
  ARGS_NONE,
  ARGS_ONE,
  ARGS_TWO,
  ARGS_SOME,  /* one or more */
  ARGS_ANY,   /* none or more */
  ARGS_CHART, /* a chart name, then event files as with OPTION_INPUT */
} CommandArgs;

typedef struct
{
  const char     *name;
  const char     *parameters;   /* the positional arguments, for usage */
  const char     *summary;      /* one line in `bilat --help` */
  const char     *description;  /* the rest of `bilat COMMAND --help` */
  const char     *json;         /* what --json prints, or NULL: no --json */
  const char     *no_dataset;   /* without OPTION_DATA: what it reads instead */
  CommandOptions  options;
  CommandArgs     args;
  gboolean      (*run) (Tool *tool, char **args, GError **error);
} Command;

#define EVENT_FILTERS (OPTION_ACTOR | OPTION_DYAD | OPTION_PERIOD | OPTION_SECTOR | \
                       OPTION_QUERY | OPTION_SUCCESSION)

/* The commands of ARCHITECTURE.md. GOption prints descriptions as they
 * are, so they are wrapped here; what --json prints is appended to the
 * description of each command that has JSON output. */
static const Command commands[] = {
  { "timeline", NULL,
    "Events in date order",
    "Lists the events of the dataset in date order, those of unknown date\n"
    "last. Actors are ids or aliases (PAK, Moscow). An actor or a dyad also\n"
    "stands for the states it continues (RUS for SUN): such rows carry a note.\n"
    "Dates are YYYY, YYYY-MM or YYYY-MM-DD; a record matches when its date\n"
    "overlaps the period. Sectors are defence, security, energy, economy,\n"
    "trade, diplomacy, culture, science, education, telecom, space, industry.\n"
    "\n"
    "--query takes the query string of libbilat, space-separated key:value\n"
    "terms with the keys actor, dyad, from, to, period, type, cameo, quad,\n"
    "sector, issue, text and succession; the other options override its terms.\n"
    "--no-succession is the term succession:off: RUS then stands for itself.\n"
    "\n"
    "Examples:\n"
    "  bilat timeline --dyad PAK,RUS --from 2015\n"
    "  bilat timeline --actor RUS --no-succession\n"
    "  bilat timeline --query 'cameo:06 text:exercise' --json",
    "an array of the matching events in the same order,\n"
    "each an object in the shape of the data format's events (id, type, date,\n"
    "title, participants, citations …; an exercise adds series, edition, host).",
    NULL,
    EVENT_FILTERS | OPTION_TYPE | OPTION_DATA, ARGS_NONE, tool_run_timeline },
  { "exercises", NULL,
    "Joint exercises with series, edition, dates and place",
    "Lists the exercises of the dataset in date order with their series,\n"
    "edition, host and place. The filters are those of “bilat timeline”.\n"
    "With --by, --csv or --tsv (by year unless --by says), counts them\n"
    "per period instead: with --dyad A,B the joint exercises of the two,\n"
    "in all and per domain and mission; succession applies. --csv and\n"
    "--tsv print the columns year (or period), exercises, command_post, air,\n"
    "land, sea, amphibious, cyber, warfighting, peacekeeping, humanitarian.\n"
    "\n"
    "Examples:\n"
    "  bilat import mme_v7.csv -o mme.json\n"
    "  bilat --data mme.json exercises --dyad USA,IND --by year --csv",
    "an array of the matching exercises in date order,\n"
    "each an object in the shape of the data format's exercises;\n"
    "with --by, an object with unit, total, undated, imprecise and periods.",
    NULL,
    EVENT_FILTERS | OPTION_BY | OPTION_TABULAR | OPTION_DATA, ARGS_NONE, tool_run_exercises },
  { "positions", NULL,
    "Positions of actors on issues",
    "Lists the positions of the dataset: who holds which stance on which\n"
    "issue, and about whom. --actor matches the holder or the target.",
    "an array of the matching positions in the dataset's\n"
    "order, each an object in the shape of the data format's positions (id,\n"
    "holder, issue, stance, target, date, summary, citations …).",
    NULL,
    OPTION_ACTOR | OPTION_DYAD | OPTION_ISSUE | OPTION_QUERY | OPTION_SUCCESSION | OPTION_DATA,
    ARGS_NONE, tool_run_positions },
  { "convergence", "A B",
    "Two actors' positions issue by issue, and their affinity",
    "Compares the positions of actors A and B (ids or aliases) issue by\n"
    "issue: whether they agree, partly agree (different stances, not opposed),\n"
    "disagree (for and against), or only one of them holds a position. Shared\n"
    "issues come first. Then the affinity of A and B: Signorino and Ritter's S\n"
    "over the n shared issues, stances coded supports +1, considering +0.5,\n"
    "neutral 0, opposes -1. S is 1 when they agree on everything and -1 when\n"
    "they are opposed on everything; with no shared issue there is no score.\n"
    "Beside it: the agreement index, S with squared distances, and Cohen's\n"
    "kappa and Scott's pi with linear weights (agreement beyond chance; a dash\n"
    "where not defined), and a note when fewer than 10 issues are shared (thin).\n"
    "\n"
    "The filters choose the positions that count (a position of unknown date\n"
    "is outside any period); of several positions of an actor on one issue,\n"
    "the latest counts. A state without a position of its own on an issue\n"
    "takes that of a state it continues (RUS that of SUN), a row note says so;\n"
    "--no-succession, or succession:off in --query, turns that off.\n"
    "\n"
    "Examples:\n"
    "  bilat convergence PAK RUS\n"
    "  bilat convergence Islamabad Moscow --issue cpec --json\n"
    "  bilat convergence Kremlin aslam --sector energy",
    "an object with actor_a, actor_b, affinity (null with\n"
    "no shared issue), n_shared, agree, s, s2, kappa, pi (null where not\n"
    "defined), thin, counts and issues; an issue has the members\n"
    "issue, title, agreement, distance, and a and b, the two positions as\n"
    "records of the data format (null for a side without one).",
    NULL,
    OPTION_PERIOD | OPTION_SECTOR | OPTION_ISSUE | OPTION_QUERY | OPTION_SUCCESSION | OPTION_DATA,
    ARGS_TWO, tool_run_convergence },
  { "affinity", "[A B]",
    "How close two states stand, from their UN votes",
    "Measures the affinity of actors A and B from their votes in the UN\n"
    "General Assembly (imported with “bilat import” from the roll-call,\n"
    "issue and vote tables, or read straight from them with --votes FILE…):\n"
    "over the roll calls both voted on (yes +1, abstain 0, no -1; absence is\n"
    "no vote), n, the agreement index agree = 1 - Σd/(n·2), Signorino and\n"
    "Ritter's S with absolute (s) and squared (s2) distances, and Cohen's kappa\n"
    "and Scott's pi with linear weights (agreement beyond chance). A measure\n"
    "that is not defined (no shared vote; both always voted alike) is shown as\n"
    "a dash, empty in CSV/TSV and null in JSON. A score over fewer than 10\n"
    "roll calls (--thin N) is flagged thin.\n"
    "\n"
    "--by year or session gives one score per calendar year or session of the\n"
    "assembly, one line each; the default is one score over the whole period.\n"
    "--from/--to choose the period, --topic a topic (me, nu, di, hr, co, ec),\n"
    "--important the important votes only, --query any query (issue:unga:RCID,\n"
    "text:…). --measure prints only some measures (s,kappa,pi,agree,s2).\n"
    "A state without a vote of its own on a roll call takes that of a state it\n"
    "continues (RUS that of SUN) unless --no-succession.\n"
    "\n"
    "--matrix gives one score for every pair of --actors A,B,C (default: every\n"
    "state that voted in the period), over the whole period.\n"
    "\n"
    "--csv and --tsv print a header line and a line per score with the columns\n"
    "a and b (a matrix), year or session (--by), n, agree, s, s2, kappa, pi\n"
    "and thin, the names of Python's store.affinity() fields.\n"
    "\n"
    "Examples:\n"
    "  bilat affinity PAK RUS --by year --votes votes.csv roll_calls.csv issues.csv\n"
    "  bilat --data unga.bilat affinity PAK USA --by session --topic me --csv\n"
    "  bilat --data unga.bilat affinity --matrix --from 2015-01-01 --to 2015-12-31",
    "an array with an object per score, with the members\n"
    "of the CSV columns (null for a measure that is not defined).",
    NULL,
    OPTION_PERIOD | OPTION_QUERY | OPTION_SUCCESSION | OPTION_BY | OPTION_TABULAR |
    OPTION_STRICT | OPTION_AFFINITY | OPTION_DATA, ARGS_ANY, tool_run_affinity },
  { "panel", "[FILE…]",
    "Dyad-year panels of exercises, events and affinity",
    "Builds a dyad-year panel: a row per dyad and year (or month, --by month)\n"
    "from --from to --to (default 1816-2016), for the dyads of --dyad A,B\n"
    "(repeatable; each over every year) or, with --all, for every pair of\n"
    "states that are both members of the Correlates of War state system in the\n"
    "year, by COW code. --directed gives both A->B and B->A, events counted with\n"
    "A as initiator and B as target.\n"
    "\n"
    "--columns chooses among exercises (joint exercises), domains (per domain),\n"
    "events (events, goldstein_sum, goldstein_mean, q1-q4), affinity (n, s,\n"
    "kappa, pi from UN votes; --topics me,nu adds n_me, s_me …) and all; the\n"
    "columns a, b, cow_a, cow_b and year (or period) always come first. The\n"
    "default is exercises,events,affinity. Events come from the dataset, or\n"
    "straight from event files with --input FILE (GDELT, ICEWS; plain, .gz or\n"
    "zip; repeatable), counted as they are read without keeping the events,\n"
    "with a progress line on a terminal; --jobs N reads N files at a time (the\n"
    "same panel on any number), --format names their format, and bad rows are\n"
    "skipped and reported (--strict: refused). --votes FILE adds the UN vote tables\n"
    "(roll calls, issues, votes; as “bilat affinity” reads them) to the dataset,\n"
    "for exercises and affinity side by side.\n"
    "\n"
    "A cell is empty (NA in CSV, null in JSON, a dash in the table) where the\n"
    "source does not cover the period: outside the span of the data the dataset\n"
    "(or, for events, the files of --input) holds for it, which the output\n"
    "states (CSV and TSV: a comment line “# coverage: …” before the header;\n"
    "read them with comment=\"#\"), and for\n"
    "affinity in a year without a roll call. Empty is never 0.\n"
    "\n"
    "Examples:\n"
    "  bilat --data mme.bilat panel --dyad PAK,RUS --dyad PAK,USA --from 2005 --to 2010 \\\n"
    "        --columns exercises,affinity --votes un_votes.csv un_roll_calls.csv un_roll_call_issues.csv\n"
    "  bilat --data mme.json panel --all --columns exercises --csv -o panel.csv\n"
    "  bilat --data mme.json panel --dyad PAK,RUS --directed --by month --from 2019 --to 2019 \\\n"
    "        --columns exercises,events --input 2019*.export.CSV.zip --jobs 2\n"
    "  bilat --data unga.bilat panel --all --directed --from 1980 --to 2010 --columns affinity --topics me",
    "an object with metadata (unit, directed, from,\n"
    "to, columns, coverage: each source's span as an interval, or null) and rows,\n"
    "an array with an object per row with the members of the CSV columns (null\n"
    "for an empty cell).",
    NULL,
    OPTION_TABULAR | OPTION_FORMAT | OPTION_JOBS | OPTION_STRICT | OPTION_PANEL | OPTION_DATA, ARGS_ANY,
    tool_run_panel },
  { "actors", NULL,
    "The actors: states, organisations, persons, groups",
    "Lists the actors of the dataset with their kind, name and aliases.",
    "an array of the actors in the dataset's order, each an\n"
    "object in the shape of the data format's actors (id, kind, name, aliases,\n"
    "affiliation, predecessor …).",
    NULL,
    OPTION_DATA, ARGS_NONE, tool_run_actors },
  { "issues", NULL,
    "The issues actors take positions on",
    "Lists the issues of the dataset.",
    "an array of the issues in the dataset's order, each an\n"
    "object in the shape of the data format's issues (id, title, description).",
    NULL,
    OPTION_DATA, ARGS_NONE, tool_run_issues },
  { "sources", NULL,
    "The documents the facts are taken from",
    "Lists the sources of the dataset.",
    "an array of the sources in the dataset's order, each an\n"
    "object in the shape of the data format's sources (id, title, author,\n"
    "publisher, published, url).",
    NULL,
    OPTION_DATA, ARGS_NONE, tool_run_sources },
  { "show", "ID",
    "One record, with its citations resolved",
    "Shows the record with the id ID, of any kind (an actor also by one of\n"
    "its aliases), with the source, paragraph and characters of every\n"
    "citation. When records of several kinds share the id, --kind chooses\n"
    "one of source, actor, issue, event, exercise and position.",
    "the record as one object in the shape of the data\n"
    "format (its citations as there: source ids, not resolved).",
    NULL,
    OPTION_KIND | OPTION_DATA, ARGS_ONE, tool_run_show },
  { "series", "[FILE…]",
    "Event counts, Goldstein and QuadClass per day, month or year",
    "Counts the events that match the filters of “bilat timeline” per day,\n"
    "month or year (--by, month by default), with the sum and mean of their\n"
    "Goldstein scores and how many fall in each CAMEO QuadClass: Q1 verbal\n"
    "cooperation, Q2 material cooperation, Q3 verbal conflict, Q4 material\n"
    "conflict. The periods run from the first event to the last, those\n"
    "without events included, with 0. Events of unknown date are in no\n"
    "period; an event whose date spans several periods (a year in a monthly\n"
    "series) is counted in the first. Both are counted under the table.\n"
    "\n"
    "--csv and --tsv print a header line and a line per period with the\n"
    "columns period, events, goldstein_sum, q1 … q4, goldstein_mean and\n"
    "goldstein_events, ready for a spreadsheet or a data frame. Only one of\n"
    "--csv, --tsv and --json can be given.\n"
    "\n"
    "Given FILEs (or --input FILE), the events are read straight from GDELT\n"
    "1.0/2.0 or ICEWS files (plain, .gz or .zip) instead of the dataset, and\n"
    "counted without being kept, so a year of GDELT needs little memory;\n"
    "--jobs N reads N files at a time, --format names the format, and bad\n"
    "rows are skipped and reported on standard error (--strict stops). These\n"
    "three apply to event files only, and --data to the dataset only. Actors\n"
    "are then codes as in the files (PAK, RUS). Event files hold neither\n"
    "exercises nor sectors: --type exercise and --sector are refused with them.\n"
    "\n"
    "Examples:\n"
    "  bilat series --dyad PAK,RUS --by year\n"
    "  bilat series --actor RUS --query 'quad:4' --by day --csv > conflict.csv\n"
    "  bilat series --type exercise --by year --json\n"
    "  bilat series 2019*.export.CSV.zip --jobs 2 --dyad PAK,RUS --tsv",
    "an object with unit (day, month or year), undated and\n"
    "imprecise (the counts under the table) and bins, an array with an object\n"
    "per period with the members period, events, goldstein_events,\n"
    "goldstein_sum, goldstein_mean (null without scores) and q1 … q4.",
    NULL,
    EVENT_FILTERS | OPTION_TYPE | OPTION_BY | OPTION_TABULAR | OPTION_INPUT | OPTION_JOBS |
    OPTION_FORMAT | OPTION_STRICT | OPTION_DATA, ARGS_ANY, tool_run_series },
  { "import", "FILE…",
    "Read GDELT, ICEWS or MME files into a dataset",
    "Reads each FILE of machine-coded events (GDELT 1.0 in both layouts,\n"
    "GDELT 2.0, ICEWS) or of exercises (MME, the Multinational Military\n"
    "Exercises: participants resolved by name on each exercise's start\n"
    "date, names that do not resolve reported); plain, .gz or .zip; the\n"
    "format is told from the content unless --format names it; keeps the\n"
    "events that match the filters, and writes them with their actors as a\n"
    "libbilat dataset to the file of --output: a native store file\n"
    "(memory-mapped when read) if its name ends in .bilat, the JSON format\n"
    "otherwise. Only matching rows are kept in memory, as columns. Bad rows\n"
    "are skipped and reported on standard error (--strict stops at the first);\n"
    "duplicate event ids are reported, not doubled. A progress line is shown\n"
    "on a terminal. --input FILE is another spelling of FILE. There is no\n"
    "--sector (event files hold no sectors) and no --json (the output is the\n"
    "dataset file).\n"
    "\n"
    "UN General Assembly votes are read too: the roll-call, issue and vote\n"
    "tables of Voeten's data (in any order; told by their header, or --format\n"
    "unga), imported whole, each roll call an issue unga:RCID and each vote a\n"
    "position; measure them with “bilat affinity”.\n"
    "\n"
    "Examples:\n"
    "  bilat import 20191024143000.export.CSV.zip --dyad PAK,RUS -o pak-rus.json\n"
    "  bilat import un_votes.csv un_roll_calls.csv un_roll_call_issues.csv -o unga.bilat\n"
    "  bilat import events.2018.tab.gz --actor PAK --from 2018-06 -o pak.json\n"
    "  bilat import 2019*.export.CSV.zip -o gdelt-2019.bilat",
    NULL,
    "reads event files, not a dataset (it writes one to --output)",
    (EVENT_FILTERS & ~OPTION_SECTOR) | OPTION_INPUT | OPTION_FORMAT | OPTION_OUTPUT | OPTION_STRICT,
    ARGS_SOME,
    tool_run_import },
  { "validate", "FILE…",
    "Check dataset files and list every problem",
    "Checks each FILE against the libbilat data format and prints every\n"
    "problem on a line of its own, as FILE:LINE: followed by the record, the\n"
    "member and what is wrong. The exit status is 1 when there are problems.",
    "an array of the problems of all the FILEs and nothing\n"
    "else (an empty array when they are valid). A problem of a JSON dataset has\n"
    "the members file, line, kind, index, id, field, code and message (null\n"
    "where unknown); a problem of a native store file, only file and message.",
    "checks the dataset FILEs it is given",
    0, ARGS_SOME, tool_run_validate },
  { "states", NULL,
    "Members of the state system on a date or in a year",
    "Lists the members of the Correlates of War state system on a date\n"
    "(--date 1991-12-31) or in a year (--year 1991: every state that was a\n"
    "member on any day of it, so both the Soviet Union and Russia), with the\n"
    "COW code, the actor id and the membership spell. A spell in which a state\n"
    "changed identity is cut where it did (COW 365 is SUN to 1991-12-25, RUS\n"
    "from 1991-12-26). The tables come with libbilat; no dataset is read.\n"
    "\n"
    "Examples:\n"
    "  bilat states --year 1991\n"
    "  bilat states --date 1970-06-30 --json",
    "an array of the spells, each an object with state\n"
    "(the actor id), name, cow_code, start and end (null while it lasts).",
    "reads the state system tables of libbilat, not a dataset",
    OPTION_WHEN, ARGS_NONE, tool_run_states },
  { "code", "CODE",
    "Convert a code or name between schemes on a date",
    "Converts CODE from the scheme of --from (name by default: a name of a\n"
    "state in any usual form, without regard to case or accents) to that of\n"
    "--to (actor by default: the actor id of libbilat) on the date of --date\n"
    "or in the year of --year. Schemes: actor, name, iso2, iso3, iso-numeric,\n"
    "cow, cow-letter, gw, gw-letter, fips, m49, cameo. A code means one state\n"
    "on a given day: COW 365 is SUN in 1985 and RUS in 2000. Without a date,\n"
    "a code that has named two states is refused, as is a year in which it\n"
    "named two (COW 365 in 1991), a code that named no state then, or a\n"
    "state without a code in the scheme then; the message says which and when.\n"
    "\n"
    "Examples:\n"
    "  bilat code 365 --from cow --to iso3 --date 1985-06-01\n"
    "  bilat code 'Congo - Kinshasa'\n"
    "  bilat code DEU --from actor --to cow --year 1970 --json",
    "an object with input, from, to, date (null without\n"
    "one), state (the actor id) and code (the result).",
    "reads the identity tables of libbilat, not a dataset",
    OPTION_WHEN | OPTION_SCHEMES, ARGS_ONE, tool_run_code },
#ifdef BILAT_TOOL_HAVE_PLOT
  { "plot", "series|timeline|affinity [FILE…]",
    "Charts of series, timelines and affinity as SVG, PNG or PDF",
    "Draws a chart into the file of --output, in the format its extension\n"
    "names (.svg, .png or .pdf), through libbilat-plot:\n"
    "\n"
    "  series    events per day, month or year (--by) as bars stacked by\n"
    "            QuadClass, and the mean Goldstein score as a line; over the\n"
    "            dataset, or streamed from event FILEs as “bilat series” does\n"
    "  timeline  the events in date order on a date axis, exercises as\n"
    "            spans, a date known to the month or year as that whole\n"
    "            period, events of unknown date listed under the axis\n"
    "  affinity  the affinity S of the two actors of --dyad per year: from\n"
    "            the UN votes of the dataset where it holds theirs, as “bilat\n"
    "            affinity --by year” computes it (a year of fewer than 10\n"
    "            shared roll calls drawn hollow, thin); else from the\n"
    "            positions dated in that year, as “bilat convergence” does\n"
    "            (thin below 3 shared issues)\n"
    "\n"
    "The filters are those of “bilat timeline” (series and timeline) and of\n"
    "“bilat convergence” (affinity). --dyad may be repeated for series (a\n"
    "series for each dyad, side by side; event files are read once for each)\n"
    "and affinity (a line for each dyad). --size is WIDTHxHEIGHT in pixels (800x500,\n"
    "the default) or in points with “pt” (432x288pt); --title replaces the\n"
    "title made from the data. Month names and numbers follow the locale.\n"
    "Nothing is written when there is nothing to draw.\n"
    "\n"
    "Examples:\n"
    "  bilat plot series --dyad PAK,RUS --by year -o pak-rus.svg\n"
    "  bilat plot timeline --dyad PAK,RUS --from 2014 -o timeline.png --size 1200x600\n"
    "  bilat plot series 20191024143000.export.CSV --by day -o gdelt.pdf\n"
    "  bilat plot series --dyad PAK,RUS --dyad IND,RUS --by year -o two.png\n"
    "  bilat plot affinity --dyad PAK,RUS -o affinity.svg",
    NULL,
    NULL,
    (EVENT_FILTERS & ~OPTION_DYAD) | OPTION_DYADS | OPTION_TYPE | OPTION_BY | OPTION_ISSUE |
    OPTION_INPUT | OPTION_JOBS | OPTION_FORMAT | OPTION_STRICT | OPTION_DATA |
    OPTION_CHART_OUTPUT | OPTION_SIZE | OPTION_TITLE,
    ARGS_CHART, tool_run_plot },
#endif
};

/* Where GOption stores a command's option, as an offset into Tool, since
 * the entries are made for each run. */
typedef struct
{
  CommandOptions  which;
  gsize           offset;
  GOptionEntry    entry;
} CommandOption;

/* String options are read as G_OPTION_ARG_FILENAME, which GOption passes
 * through unconverted: the tool takes its arguments, like its output, as
 * UTF-8 whatever the locale, and the library checks them. */
static const CommandOption command_options[] = {
  { OPTION_ACTOR, G_STRUCT_OFFSET (Tool, actors),
    { "actor", 'a', 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      "Only records involving one of the actors (repeatable)", "A[,B…]" } },
  { OPTION_DYAD, G_STRUCT_OFFSET (Tool, dyad),
    { "dyad", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "Only records between actors A and B, either way", "A,B" } },
  { OPTION_DYADS, G_STRUCT_OFFSET (Tool, dyads),
    { "dyad", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      "Records between actors A and B (repeatable: a series or line each)", "A,B" } },
  { OPTION_PERIOD, G_STRUCT_OFFSET (Tool, from),
    { "from", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "Only records dated in or after DATE", "DATE" } },
  { OPTION_PERIOD, G_STRUCT_OFFSET (Tool, to),
    { "to", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "Only records dated in or before DATE", "DATE" } },
  { OPTION_TYPE, G_STRUCT_OFFSET (Tool, type),
    { "type", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "“exercise” for exercises only, “event” for all", "TYPE" } },
  { OPTION_SECTOR, G_STRUCT_OFFSET (Tool, sectors),
    { "sector", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      "Only records in one of the sectors", "S[,S…]" } },
  { OPTION_ISSUE, G_STRUCT_OFFSET (Tool, issue),
    { "issue", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "Only positions on ISSUE", "ISSUE" } },
  { OPTION_QUERY, G_STRUCT_OFFSET (Tool, query),
    { "query", 'q', 0, G_OPTION_ARG_FILENAME, NULL,
      "Filter with a query string (see below)", "QUERY" } },
  { OPTION_KIND, G_STRUCT_OFFSET (Tool, kind),
    { "kind", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "Only records of KIND (see below)", "KIND" } },
  { OPTION_SUCCESSION, G_STRUCT_OFFSET (Tool, no_succession),
    { "no-succession", 0, 0, G_OPTION_ARG_NONE, NULL,
      "Do not follow state succession (SUN for RUS)", NULL } },
  { OPTION_BY, G_STRUCT_OFFSET (Tool, by),
    { "by", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "day, month or year (default month; exercises: year)", "UNIT" } },
  { OPTION_TABULAR, G_STRUCT_OFFSET (Tool, csv),
    { "csv", 0, 0, G_OPTION_ARG_NONE, NULL,
      "Print comma-separated values", NULL } },
  { OPTION_INPUT, G_STRUCT_OFFSET (Tool, inputs),
    { "input", 'i', 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      "Read the events of event FILE (repeatable)", "FILE" } },
  { OPTION_JOBS, G_STRUCT_OFFSET (Tool, jobs),
    { "jobs", 'j', 0, G_OPTION_ARG_INT, NULL,
      "Read N files at a time (default 1)", "N" } },
  { OPTION_FORMAT, G_STRUCT_OFFSET (Tool, format),
    { "format", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "gdelt1, gdelt2, icews, mme, unga (default: detected)", "FORMAT" } },
  { OPTION_OUTPUT, G_STRUCT_OFFSET (Tool, output),
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
      "Write the dataset to FILE", "FILE" } },
  { OPTION_STRICT, G_STRUCT_OFFSET (Tool, strict),
    { "strict", 0, 0, G_OPTION_ARG_NONE, NULL,
      "Stop at the first bad row instead of skipping it", NULL } },
  { OPTION_TABULAR, G_STRUCT_OFFSET (Tool, tsv),
    { "tsv", 0, 0, G_OPTION_ARG_NONE, NULL,
      "Print tab-separated values", NULL } },
  { OPTION_WHEN, G_STRUCT_OFFSET (Tool, year),
    { "year", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "In the year YEAR", "YEAR" } },
  { OPTION_WHEN, G_STRUCT_OFFSET (Tool, date),
    { "date", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "On DATE (a day, month, year or interval)", "DATE" } },
  { OPTION_SCHEMES, G_STRUCT_OFFSET (Tool, scheme_from),
    { "from", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "The scheme of CODE (default: name)", "SCHEME" } },
  { OPTION_SCHEMES, G_STRUCT_OFFSET (Tool, scheme_to),
    { "to", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "The scheme to convert to (default: actor)", "SCHEME" } },
  { OPTION_CHART_OUTPUT, G_STRUCT_OFFSET (Tool, output),
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
      "Write the chart to FILE (.svg, .png or .pdf)", "FILE" } },
  { OPTION_SIZE, G_STRUCT_OFFSET (Tool, size),
    { "size", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "The chart's size in pixels, or points with pt", "WxH" } },
  { OPTION_TITLE, G_STRUCT_OFFSET (Tool, title),
    { "title", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "The chart's title", "TITLE" } },
  { OPTION_AFFINITY, G_STRUCT_OFFSET (Tool, votes),
    { "votes", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      "Read UN vote tables, not the dataset (repeatable)", "FILE" } },
  { OPTION_AFFINITY, G_STRUCT_OFFSET (Tool, topic),
    { "topic", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "Only roll calls on TOPIC (me, nu, di, hr, co, ec)", "TOPIC" } },
  { OPTION_AFFINITY, G_STRUCT_OFFSET (Tool, important),
    { "important", 0, 0, G_OPTION_ARG_NONE, NULL,
      "Only important votes", NULL } },
  { OPTION_AFFINITY, G_STRUCT_OFFSET (Tool, measure),
    { "measure", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "Print only these measures", "M[,M…]" } },
  { OPTION_AFFINITY, G_STRUCT_OFFSET (Tool, matrix),
    { "matrix", 0, 0, G_OPTION_ARG_NONE, NULL,
      "Every pair of --actors over the period", NULL } },
  { OPTION_AFFINITY, G_STRUCT_OFFSET (Tool, matrix_actors),
    { "actors", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      "The actors of the matrix", "A,B[,C…]" } },
  { OPTION_AFFINITY, G_STRUCT_OFFSET (Tool, thin),
    { "thin", 0, 0, G_OPTION_ARG_INT, NULL,
      "Flag scores over fewer than N roll calls (default 10)", "N" } },
  { OPTION_PANEL, G_STRUCT_OFFSET (Tool, dyads),
    { "dyad", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      "A dyad of the panel (repeatable)", "A,B" } },
  { OPTION_PANEL, G_STRUCT_OFFSET (Tool, all),
    { "all", 0, 0, G_OPTION_ARG_NONE, NULL,
      "Every pair of states of the state system", NULL } },
  { OPTION_PANEL, G_STRUCT_OFFSET (Tool, directed),
    { "directed", 0, 0, G_OPTION_ARG_NONE, NULL,
      "Directed dyads: A->B and B->A", NULL } },
  { OPTION_PANEL, G_STRUCT_OFFSET (Tool, from),
    { "from", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "The first year (default 1816)", "YEAR" } },
  { OPTION_PANEL, G_STRUCT_OFFSET (Tool, to),
    { "to", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "The last year (default 2016)", "YEAR" } },
  { OPTION_PANEL, G_STRUCT_OFFSET (Tool, by),
    { "by", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "year or month (default year)", "UNIT" } },
  { OPTION_PANEL, G_STRUCT_OFFSET (Tool, columns),
    { "columns", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "exercises, domains, events, affinity, all", "C[,C…]" } },
  { OPTION_PANEL, G_STRUCT_OFFSET (Tool, topics),
    { "topics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "Affinity columns for these topics too (me, nu …)", "T[,T…]" } },
  { OPTION_PANEL, G_STRUCT_OFFSET (Tool, inputs),
    { "input", 'i', 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      "Read the events of event FILE (repeatable)", "FILE" } },
  { OPTION_PANEL, G_STRUCT_OFFSET (Tool, votes),
    { "votes", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      "Add the UN vote tables FILE to the dataset (repeatable)", "FILE" } },
  { OPTION_PANEL, G_STRUCT_OFFSET (Tool, output),
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
      "Write the panel to FILE", "FILE" } },
};

int
tool_exit_status (const GError *error)
{
  if (error->domain == G_OPTION_ERROR ||
      error->domain == BILAT_QUERY_ERROR ||
      error->domain == BILAT_DATE_ERROR ||
      g_error_matches (error, TOOL_ERROR, TOOL_ERROR_USAGE))
    return 2;
  return 1;
}

static void
tool_clear (Tool *tool)
{
  g_free (tool->global_data);
  g_free (tool->data);
  g_strfreev (tool->actors);
  g_free (tool->dyad);
  g_strfreev (tool->dyads);
  g_free (tool->from);
  g_free (tool->to);
  g_free (tool->type);
  g_strfreev (tool->sectors);
  g_strfreev (tool->inputs);
  g_free (tool->format);
  g_free (tool->output);
  g_free (tool->issue);
  g_free (tool->query);
  g_free (tool->kind);
  g_free (tool->by);
  g_free (tool->year);
  g_free (tool->date);
  g_free (tool->scheme_from);
  g_free (tool->scheme_to);
  g_free (tool->chart);
  g_free (tool->size);
  g_free (tool->title);
  g_strfreev (tool->votes);
  g_free (tool->topic);
  g_free (tool->measure);
  g_strfreev (tool->matrix_actors);
  g_free (tool->columns);
  g_free (tool->topics);
  g_clear_object (&tool->store);
}

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static void
set_unknown_command (GError     **error,
                     const char  *name)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) known = g_string_new (NULL);
  g_autofree char *clean = tool_text_clean (name);
  g_autofree char *closest = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_ptr_array_add (names, (gpointer) commands[i].name);
      g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", commands[i].name);
    }
  closest = tool_closest_name (name, names);

  if (closest != NULL)
    g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                 "unknown command “%s”; did you mean “%s”? (known: %s)",
                 clean, closest, known->str);
  else
    g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                 "unknown command “%s” (known: %s)", clean, known->str);
}

static void
print_help (GOptionContext *context)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  /* Not g_print(): it would convert to the locale's charset, and the
   * tool's output is UTF-8. */
  fputs (help, stdout);
}

/* --json and --data, the options that may also come before the command,
 * and --help. A command without JSON output or a dataset still parses
 * --json and --data, hidden from its help, so that check_option_use()
 * can say why they do not apply rather than call them unknown. */
static void
add_common_entries (GArray        *entries,
                    const Command *command,
                    Tool          *tool)
{
  const GOptionEntry common[] = {
    { "json", 0, command->json != NULL ? 0 : G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &tool->json,
      "Print JSON (see below)", NULL },
    { "data", 0, (command->options & OPTION_DATA) ? 0 : G_OPTION_FLAG_HIDDEN,
      G_OPTION_ARG_FILENAME, &tool->data,
      "Read the dataset FILE instead of the built-in one", "FILE" },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &tool->help,
      "Show the help of the command", NULL },
  };

  g_array_append_vals (entries, common, G_N_ELEMENTS (common));
}

static GOptionContext *
command_context (const Command *command,
                 Tool          *tool)
{
  g_autofree char *parameters = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  GOptionContext *context;

  for (guint i = 0; i < G_N_ELEMENTS (command_options); i++)
    if (command->options & command_options[i].which)
      {
        GOptionEntry entry = command_options[i].entry;

        entry.arg_data = G_STRUCT_MEMBER_P (tool, command_options[i].offset);
        g_array_append_val (entries, entry);
      }
  add_common_entries (entries, command, tool);

  parameters = g_strjoin (" ", command->name, command->parameters, NULL);
  if (command->json != NULL)
    description = g_strdup_printf ("%s\n\nWith --json, prints %s", command->description, command->json);
  else
    description = g_strdup (command->description);
  context = g_option_context_new (parameters);
  g_option_context_set_summary (context, command->summary);
  g_option_context_set_description (context, description);
  g_option_context_set_help_enabled (context, FALSE);
  /* The group copies the entries. */
  g_option_context_add_main_entries (context, (GOptionEntry *) (gpointer) entries->data, NULL);
  return context;
}

static GOptionContext *
global_context (Tool *tool)
{
  g_autoptr(GString) description = g_string_new ("Commands:\n");
  GOptionContext *context;
  const GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &tool->global_data,
      "Read the dataset FILE instead of the built-in one", "FILE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &tool->json,
      "Print JSON, for a command that has it (see its --help)", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &tool->version,
      "Print the version of libbilat and exit", NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &tool->help,
      "Show this help", NULL },
    G_OPTION_ENTRY_NULL
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (description, "  %-13s%s\n", commands[i].name, commands[i].summary);
  g_string_append (description,
                   "\n"
                   "Without --data, the built-in dataset “" TOOL_BUILTIN_DATASET "” is used.\n"
                   "Run “bilat COMMAND --help” for the options of a command.");

  context = g_option_context_new ("COMMAND [OPTION…]");
  g_option_context_set_summary (context,
                                "Explore bilateral relations: events, exercises, positions of\n"
                                "actors on issues, and the sources they are taken from.");
  g_option_context_set_description (context, description->str);
  /* Stop at the command, whose options are its own. */
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  return context;
}

/* GOption's messages do not say where to look next; this one line does. */
static gboolean
parse_options (GOptionContext  *context,
               int             *argc,
               char          ***argv,
               const char      *help_command,
               GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_option_context_parse (context, argc, argv, &local_error))
    return TRUE;

  g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE, "%s (see “%s --help”)",
               local_error->message, help_command);
  return FALSE;
}

/* @args: the @n positional arguments after the command name. */
static gboolean
check_arguments (const Command  *command,
                 guint           n,
                 char          **args,
                 GError        **error)
{
  g_autofree char *extra = n > 0 ? tool_text_clean (args[n - 1]) : NULL;

  switch (command->args)
    {
    case ARGS_NONE:
      if (n == 0)
        return TRUE;
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "“%s” takes no arguments, not “%s”", command->name, extra);
      return FALSE;
    case ARGS_ONE:
      if (n == 1)
        return TRUE;
      break;
    case ARGS_TWO:
      if (n == 2)
        return TRUE;
      break;
    case ARGS_SOME:
      if (n >= 1)
        return TRUE;
      break;
    case ARGS_ANY:
    case ARGS_CHART:
      return TRUE;
    default:
      g_assert_not_reached ();
    }

  if (n == 0 || (command->args == ARGS_TWO && n < 2))
    g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                 "“%s” needs %s", command->name, command->parameters);
  else
    g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                 "“%s” takes %s%s, not also “%s”", command->name,
                 command->args == ARGS_ONE ? "one " : "", command->parameters, extra);
  return FALSE;
}

/* Options that parse but cannot apply to this run are usage errors that
 * say why, rather than options silently ignored. */
static gboolean
check_option_use (const Command  *command,
                  Tool           *tool,
                  GError        **error)
{
  const char *data = tool->data != NULL ? tool->data : tool->global_data;
  const char *event_file_option = tool->jobs != TOOL_JOBS_UNSET ? "--jobs"
                                : tool->format != NULL ? "--format"
                                : tool->strict ? "--strict"
                                : NULL;

  if (tool->json && command->json == NULL)
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "“%s” prints no JSON: --json does not apply (see “bilat %s --help”)",
                   command->name, command->name);
      return FALSE;
    }
  if (data != NULL && !(command->options & OPTION_DATA))
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "“%s” %s: --data does not apply", command->name, command->no_dataset);
      return FALSE;
    }
  if (!(command->options & OPTION_INPUT))
    return TRUE;
  /* series: the dataset or event files. */
  if (tool->inputs != NULL && data != NULL)
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "“%s” reads either the dataset of --data or event files, not both",
                   command->name);
      return FALSE;
    }
  if (tool->inputs == NULL && event_file_option != NULL && (command->options & OPTION_DATA))
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "%s applies to event files only (bilat %s FILE…), not to a dataset",
                   event_file_option, command->name);
      return FALSE;
    }
  return TRUE;
}

/* --no-succession is the succession:off term of --query, which every
 * command that takes the option reads through tool_build_query(): folded
 * in here, it needs no code in the commands. A --query that does not parse
 * is left for the command to report. */
static void
fold_no_succession (Tool *tool)
{
  g_autoptr(BilatQuery) query = NULL;

  if (!tool->no_succession)
    return;

  query = tool->query != NULL ? bilat_query_parse (tool->query, NULL) : bilat_query_new ();
  if (query == NULL)
    return;
  bilat_query_set_follow_succession (query, FALSE);
  g_free (tool->query);
  tool->query = bilat_query_to_string (query);
}

/* The rows of a native file are checked when a command first reads them:
 * a damaged file stops the command there, before it prints anything. */
static void
on_damage (BilatStore *store,
           GParamSpec *pspec,
           Tool       *tool)
{
  const GError *damage = bilat_store_get_damage (store);
  g_autofree char *clean = NULL;

  if (damage == NULL)
    return;
  clean = tool_text_clean (damage->message);
  fflush (stdout);
  fprintf (stderr, "bilat: %s\n", clean);
  exit (1);
}

static gboolean
load_store (Tool    *tool,
            GError **error)
{
  const char *path = tool->data != NULL ? tool->data : tool->global_data;

  if (path == NULL)
    {
      tool->store = bilat_store_new_builtin (TOOL_BUILTIN_DATASET, error);
      return tool->store != NULL;
    }

  tool->store = bilat_store_new ();
  g_signal_connect (tool->store, "notify::damage", G_CALLBACK (on_damage), tool);
  return bilat_store_load_from_path (tool->store, path, error);
}

static gboolean
run (Tool     *tool,
     int       argc,
     char    **argv,
     GError  **error)
{
  g_autoptr(GOptionContext) global = global_context (tool);
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *help_command = NULL;
  char *no_args[] = { NULL };
  char **args = no_args;
  const Command *command;

  if (!parse_options (global, &argc, &argv, "bilat", error))
    return FALSE;

  if (tool->help)
    {
      print_help (global);
      return TRUE;
    }
  if (tool->version)
    {
      printf ("bilat %u.%u.%u\n", bilat_get_major_version (),
              bilat_get_minor_version (), bilat_get_micro_version ());
      return TRUE;
    }
  if (argc < 2)
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "no command given (see “bilat --help”)");
      return FALSE;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      set_unknown_command (error, argv[1]);
      return FALSE;
    }

  argc--;
  argv++;
  context = command_context (command, tool);
  help_command = g_strdup_printf ("bilat %s", command->name);
  if (!parse_options (context, &argc, &argv, help_command, error))
    return FALSE;

  if (tool->help)
    {
      print_help (context);
      return TRUE;
    }
  /* plot: the chart first, then event files. */
  if (command->args == ARGS_CHART)
    {
      if (argc < 2)
        {
          g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                       "“%s” needs a chart: %s", command->name, command->parameters);
          return FALSE;
        }
      tool->chart = g_strdup (argv[1]);
      argc--;
      argv++;
    }
  /* Event files are the positional arguments, and the values of
   * --input, its other spelling (`--input FILE...`, as a shell glob
   * gives them, is the same). */
  if (command->options & OPTION_INPUT)
    {
      g_autoptr(GStrvBuilder) inputs = g_strv_builder_new ();

      if (tool->inputs != NULL)
        g_strv_builder_addv (inputs, (const char **) tool->inputs);
      for (int i = 1; i < argc; i++)
        g_strv_builder_add (inputs, argv[i]);
      g_strfreev (tool->inputs);
      tool->inputs = g_strv_builder_end (inputs);
      if (tool->inputs[0] == NULL)
        g_clear_pointer (&tool->inputs, g_strfreev);
      else
        args = tool->inputs;
    }
  else
    args = argv + 1;
  if (!check_arguments (command, g_strv_length (args), args, error) ||
      !check_option_use (command, tool, error))
    return FALSE;
  fold_no_succession (tool);
  if (tool->votes != NULL && (tool->data != NULL || tool->global_data != NULL) &&
      !(command->options & OPTION_PANEL))
    {
      g_set_error (error, TOOL_ERROR, TOOL_ERROR_USAGE,
                   "“%s” reads either the dataset of --data or the tables of --votes, not both",
                   command->name);
      return FALSE;
    }
  /* A panel reads event files besides the dataset. */
  if ((command->options & OPTION_DATA) &&
      ((tool->inputs == NULL && tool->votes == NULL) || (command->options & OPTION_PANEL)) &&
      !load_store (tool, error))
    return FALSE;

  return command->run (tool, args, error);
}

int
main (int    argc,
      char **argv)
{
  Tool tool = { .jobs = TOOL_JOBS_UNSET, .thin = -1 };
  g_autoptr(GError) error = NULL;
  gboolean ok;
  int status = 0;

  g_set_prgname ("bilat");

  ok = run (&tool, argc, argv, &error);
  /* Output already written goes before the error message, and a full
   * disk or closed pipe is an error too. */
  if (fflush (stdout) != 0 && ok)
    {
      ok = FALSE;
      g_set_error (&error, TOOL_ERROR, TOOL_ERROR_OUTPUT,
                   "cannot write the output: %s", g_strerror (errno));
    }

  if (!ok)
    {
      g_autofree char *message = tool_text_clean (error->message);

      fprintf (stderr, "bilat: %s\n", message);
      status = tool_exit_status (error);
    }

  tool_clear (&tool);
  return status;
}
