/* bilat-json-private.h: the library's own JSON printer and writer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include <bilat/bilat.h>

G_BEGIN_DECLS

/* Prints @node as datasets are written: two-space indentation, `"key":
 * value`, arrays of scalars and objects of scalars inside arrays on one
 * line, numbers in the shortest form that reads back to the same double,
 * non-ASCII characters as they are. No final newline. */
void _bilat_json_print (GString  *out,
                        JsonNode *node);

/* Room for any double _bilat_json_format_double() writes, with its nul. */
#define _BILAT_JSON_DOUBLE_SIZE 32

/* Writes @value as the printer does, into @buffer, nul-terminated, and
 * returns its length: the first of `%.1g` … `%.17g` that g_ascii_strtod()
 * reads back as @value, with ".0" added when that looks like an integer
 * (7 → "7.0", but 100 → "1e+02"); "null" for NaN and infinities, which
 * JSON cannot hold. The double of a short decimal (a score, a
 * coordinate) needs no formatting at all; others one, two at most. */
gsize _bilat_json_format_double (char   buffer[_BILAT_JSON_DOUBLE_SIZE],
                                 double value);

/* How deep a _BilatJsonWriter may nest containers (datasets go to 5). */
#define _BILAT_JSON_WRITER_MAX_DEPTH 64

/* Writes a document in the layout of _bilat_json_print() without a tree:
 * the caller says what comes (begin an object, a member, a value, end it)
 * and, for each container, whether it holds only scalars, which is what
 * the printer decides its layout on. The text collects in @text; with a
 * @stream, it is written out there whenever a container ends with enough
 * of it, so memory stays at about _BILAT_JSON_WRITER_CHUNK bytes plus the
 * largest record. The fields are private to bilat-json.c; the struct is
 * here so that a writer can live on the stack. */
typedef struct
{
  GString       *text;
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
  guint          depth;
  gboolean       pending_member;
  struct
  {
    guint  n_items;
    guint8 is_array;
    guint8 on_one_line;
  } levels[_BILAT_JSON_WRITER_MAX_DEPTH];
} _BilatJsonWriter;

#define _BILAT_JSON_WRITER_CHUNK (64 * 1024)

void     _bilat_json_writer_init         (_BilatJsonWriter  *writer,
                                          GString           *text,
                                          GOutputStream     *stream,
                                          GCancellable      *cancellable);
void     _bilat_json_writer_begin_object (_BilatJsonWriter  *writer,
                                          gboolean           scalars_only);
void     _bilat_json_writer_begin_array  (_BilatJsonWriter  *writer,
                                          gboolean           scalars_only);
/* Ends the innermost object or array. */
void     _bilat_json_writer_end          (_BilatJsonWriter  *writer);
/* Names the member whose value comes next. */
void     _bilat_json_writer_member       (_BilatJsonWriter  *writer,
                                          const char        *name);
void     _bilat_json_writer_string       (_BilatJsonWriter  *writer,
                                          const char        *value);
void     _bilat_json_writer_int          (_BilatJsonWriter  *writer,
                                          gint64             value);
void     _bilat_json_writer_double       (_BilatJsonWriter  *writer,
                                          double             value);
void     _bilat_json_writer_boolean      (_BilatJsonWriter  *writer,
                                          gboolean           value);
void     _bilat_json_writer_null         (_BilatJsonWriter  *writer);
/* Appends raw text, outside the JSON value (the final newline). */
void     _bilat_json_writer_raw          (_BilatJsonWriter  *writer,
                                          const char        *text);
/* Whether a write to the stream has failed: what follows is dropped, and
 * a caller may stop early. */
gboolean _bilat_json_writer_failed       (_BilatJsonWriter  *writer);
/* Writes out what is left to the stream. Returns %FALSE with @error set
 * to the error of the first write that failed (or was cancelled), if
 * any. The writer holds nothing more after this. */
gboolean _bilat_json_writer_finish       (_BilatJsonWriter  *writer,
                                          GError           **error);

/* Writes @store as a dataset in the libbilat JSON format to @stream, the
 * bytes of bilat_store_save_to_data() (with the final newline), record by
 * record through a buffer of _BILAT_JSON_WRITER_CHUNK bytes: nothing but
 * the record being written is held. Fails without writing anything when
 * the store could not be saved (see _bilat_store_check_savable()), and
 * with the stream's error when a write fails; @stream is left open. */
gboolean _bilat_store_write_json (BilatStore    *store,
                                  GOutputStream *stream,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
