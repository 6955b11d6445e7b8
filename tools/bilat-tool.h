/* bilat-tool.h: what the parts of the bilat command-line tool share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <stdio.h>

#include <bilat/bilat.h>

G_BEGIN_DECLS

/* The built-in dataset used when no --data is given. */
#define TOOL_BUILTIN_DATASET "pakistan-russia"

/* The value of Tool.jobs when --jobs is not given. */
#define TOOL_JOBS_UNSET G_MININT

/* Human output is laid out for the width of the terminal standard output
 * is (tool_line_width() in bilat-text.c); when it is not a terminal, lines
 * are as long as their values, so that a pipe gets them whole. */
guint tool_line_width (void);
#define TOOL_LINE_WIDTH (tool_line_width ())

/* Errors of the tool itself. Library errors keep their own domains; the
 * exit status follows from the domain (see tool_exit_status()). */
#define TOOL_ERROR (tool_error_quark ())

typedef enum {
  TOOL_ERROR_USAGE,     /* a wrong command line: exit status 2 */
  TOOL_ERROR_NOT_FOUND, /* the data has no record of that name */
  TOOL_ERROR_PROBLEMS,  /* validate found problems (already printed) */
  TOOL_ERROR_OUTPUT,    /* standard output could not be written */
} ToolError;

GQuark tool_error_quark (void);
int    tool_exit_status (const GError *error);

/* Everything a command run needs: the option values, which GOption writes
 * straight into these fields, and the dataset. */
typedef struct
{
  char      *global_data;  /* --data before the command */
  char      *data;         /* --data after it */
  gboolean   json;
  gboolean   help;
  gboolean   version;

  char     **actors;
  char      *dyad;
  char      *from;
  char      *to;
  char      *type;
  char     **sectors;
  char      *issue;
  char      *query;
  char      *kind;
  gboolean   no_succession;  /* folded into query before a command runs */
  char      *by;
  gboolean   csv;
  gboolean   tsv;

  /* states, code: the date, and the schemes of code */
  char      *year;
  char      *date;
  char      *scheme_from;
  char      *scheme_to;

  /* event files (import, series): the positional arguments and --input */
  char     **inputs;
  char      *format;
  int        jobs;
  char      *output;
  gboolean   strict;

  /* plot */
  char      *chart;  /* the first positional argument */
  char     **dyads;  /* --dyad, repeatable; each is set as dyad in turn */
  char      *size;
  char      *title;

  /* affinity */
  char     **votes;          /* UNGA tables to read instead of the dataset */
  char      *topic;
  gboolean   important;
  char      *measure;
  gboolean   matrix;
  char     **matrix_actors;
  int        thin;           /* -1: the library's default */

  /* panel (also dyads, from, to, by, inputs, format, output) */
  gboolean   all;
  gboolean   directed;
  char      *columns;
  char      *topics;

  BilatStore *store;
} Tool;

/* Commands (bilat-list.c, bilat-analysis.c, bilat-show.c,
 * bilat-validate.c). @args are the positional arguments after the command
 * name, already counted. */
gboolean tool_run_timeline    (Tool *tool, char **args, GError **error);
gboolean tool_run_exercises   (Tool *tool, char **args, GError **error);
gboolean tool_run_exercise_counts (Tool *tool, BilatQuery *query, GError **error);
gboolean tool_run_positions   (Tool *tool, char **args, GError **error);
gboolean tool_run_convergence (Tool *tool, char **args, GError **error);
gboolean tool_run_series      (Tool *tool, char **args, GError **error);
gboolean tool_run_actors      (Tool *tool, char **args, GError **error);
gboolean tool_run_issues      (Tool *tool, char **args, GError **error);
gboolean tool_run_sources     (Tool *tool, char **args, GError **error);
gboolean tool_run_show        (Tool *tool, char **args, GError **error);
gboolean tool_run_validate    (Tool *tool, char **args, GError **error);
gboolean tool_run_import      (Tool *tool, char **args, GError **error);
gboolean tool_run_plot        (Tool *tool, char **args, GError **error);
gboolean tool_run_affinity    (Tool *tool, char **args, GError **error);
gboolean tool_run_panel       (Tool *tool, char **args, GError **error);

/* Series (bilat-analysis.c), shared with plot. */
gboolean     tool_parse_unit     (const char       *text,
                                  BilatSeriesUnit  *unit,
                                  GError          **error);
BilatSeries *tool_compute_series (Tool             *tool,
                                  BilatSeriesUnit   unit,
                                  GError          **error);

/* The identity tables (bilat-identity.c). */
gboolean tool_run_states      (Tool *tool, char **args, GError **error);
gboolean tool_run_code        (Tool *tool, char **args, GError **error);

/* Event files (bilat-events.c). */
BilatSeries *tool_series_from_files (Tool             *tool,
                                     BilatQuery       *query,
                                     BilatSeriesUnit   unit,
                                     GError          **error);

/* Adds the UN vote tables of --votes to @store (bilat-affinity.c); bad
 * rows reported on standard error. */
gboolean     tool_add_votes         (Tool             *tool,
                                     BilatStore       *store,
                                     GError          **error);

/* The panel of @settings, its events columns streamed from the files of
 * --input (--format, --jobs, --strict) with a progress line on a
 * terminal, the others from @store; bad rows reported on standard error. */
BilatPanel  *tool_panel_from_files  (Tool                *tool,
                                     BilatStore          *store,
                                     BilatPanelSettings  *settings,
                                     GError             **error);

/* Says on standard error how many bad rows and duplicates @report counts,
 * with the first few problems; fails when every row was bad. */
gboolean     tool_print_import_report (BilatImportReport  *report,
                                       GError            **error);

/* Filters (bilat-filter.c). */
BilatQuery  *tool_build_query      (Tool        *tool,
                                    GError     **error);
BilatActor  *tool_resolve_actor    (BilatStore  *store,
                                    const char  *name,
                                    GError     **error);
BilatIssue  *tool_resolve_issue    (BilatStore  *store,
                                    const char  *id,
                                    GError     **error);
char        *tool_closest_name     (const char  *wanted,
                                    GPtrArray   *candidates);
void         tool_set_not_found    (GError     **error,
                                    const char  *what,
                                    const char  *wanted,
                                    GPtrArray   *candidates);
void         tool_add_actor_names  (GPtrArray   *names,
                                    BilatStore  *store);
void         tool_add_record_ids   (GPtrArray   *names,
                                    GListModel  *records);

/* Text and tables (bilat-text.c). Widths are terminal columns: one per
 * character, two for East Asian wide characters. */
guint  tool_text_width     (const char *text);
char  *tool_text_truncate  (const char *text,
                            guint       width);
char  *tool_text_clean     (const char *text);
char  *tool_date_text      (BilatDate  *date);
char  *tool_place_text     (BilatPlace *place);
const char *tool_enum_nick (GType       enum_type,
                            int         value);
char  *tool_flags_text     (GType       flags_type,
                            guint       value);
char  *tool_participants_text (BilatEvent *event);

typedef enum {
  TOOL_COLUMN_OPTIONAL   = 1 << 0,  /* left out when there is no room for min_width */
  TOOL_COLUMN_HIDE_EMPTY = 1 << 1,  /* left out when every cell is empty */
  TOOL_COLUMN_RIGHT      = 1 << 2,  /* right-aligned */
  TOOL_COLUMN_WRAP       = 1 << 3,  /* wraps onto more lines rather than being cut */
} ToolColumnFlags;

/* A column narrower than its content truncates it, or wraps it if it is a
 * TOOL_COLUMN_WRAP column (the last, with the longest text). When a line is
 * too wide, wrapping columns give up room first, down to @min_width, since
 * wrapping loses nothing; then the columns with a @shrink rank, rank 1
 * first; rank 0 never shrinks. */
typedef struct
{
  const char      *header;
  guint            shrink;
  guint            min_width;
  ToolColumnFlags  flags;
} ToolColumn;

typedef struct _ToolTable ToolTable;

ToolTable *tool_table_new     (const ToolColumn   *columns,
                               guint               n_columns);
void       tool_table_add_row (ToolTable          *self,
                               const char * const *cells);
void       tool_table_add_note (ToolTable         *self,
                               const char         *note);
void       tool_table_print   (ToolTable          *self,
                               FILE               *out,
                               const char         *empty_text);
void       tool_table_free    (ToolTable          *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToolTable, tool_table_free)

void       tool_print_heading (FILE               *out,
                               const char         *kind,
                               const char         *id);
void       tool_print_field   (FILE               *out,
                               const char         *label,
                               const char         *value);
void       tool_print_paragraph (FILE             *out,
                                 const char       *text);

/* JSON output (bilat-text.c). */
JsonNode  *tool_records_to_json (GListModel *records);
void       tool_print_json      (FILE       *out,
                                 JsonNode   *node);

G_END_DECLS
