/* bilat-json-reader-private.h: a strict, streaming JSON tokenizer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layering: this knows JSON (RFC 8259) and nothing of datasets; the
 * dataset reader (bilat-format-read.c) pulls tokens from it and decides
 * what they mean. It reads from memory or from a GInputStream in chunks,
 * so that a document of any size costs a buffer of about one chunk plus
 * the longest token, and it never recurses, so that no nesting can exhaust
 * the stack.
 *
 * What it refuses, beyond what RFC 8259 does not allow: nothing. What it
 * refuses that json-glib accepts: comments, single-quoted strings, bare
 * control characters in strings, hexadecimal and other non-JSON numbers,
 * anything after the document, text that is not UTF-8 (or holds a NUL
 * byte), and nesting deeper than _BILAT_JSON_READER_MAX_DEPTH. It accepts,
 * as json-glib does, a byte-order mark before the document, and a
 * "\uD800" escape without its other half, which it decodes to bytes that
 * are not UTF-8 so that the caller can refuse the string where it is
 * used.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A dataset is five levels deep; anything far deeper is refused. */
#define _BILAT_JSON_READER_MAX_DEPTH 512

/* The longest token (a string, a number) read from a stream: a value of
 * a dataset is a title or a summary, and an endless one (/dev/zero's
 * like, a string that never closes) must not take all memory. */
#define _BILAT_JSON_READER_MAX_TOKEN (64 * 1024 * 1024)

typedef enum
{
  _BILAT_JSON_ERROR,          /* see _bilat_json_reader_get_error() */
  _BILAT_JSON_END,            /* the document ended well */
  _BILAT_JSON_BEGIN_OBJECT,
  _BILAT_JSON_END_OBJECT,
  _BILAT_JSON_BEGIN_ARRAY,
  _BILAT_JSON_END_ARRAY,
  _BILAT_JSON_MEMBER,         /* a member's name; its value comes next */
  _BILAT_JSON_STRING,
  _BILAT_JSON_INTEGER,        /* a number without fraction or exponent */
  _BILAT_JSON_DOUBLE,
  _BILAT_JSON_BOOLEAN,
  _BILAT_JSON_NULL,
} _BilatJsonToken;

typedef enum
{
  _BILAT_JSON_READER_SYNTAX,  /* the text is not JSON */
  _BILAT_JSON_READER_ENCODING, /* the text is not UTF-8 */
  _BILAT_JSON_READER_DEPTH,   /* nested too deep */
  _BILAT_JSON_READER_IO,      /* reading the stream failed */
} _BilatJsonReaderError;

typedef struct _BilatJsonReader _BilatJsonReader;

/* Reads @length bytes at @data, which must stay valid while the reader
 * is used. The whole of @data is checked to be UTF-8 first, so that a
 * file that is not text says so whatever else is wrong with it. */
_BilatJsonReader *_bilat_json_reader_new_for_data   (const char        *data,
                                                     gsize              length);
/* Reads @stream, without closing it, in chunks. */
_BilatJsonReader *_bilat_json_reader_new_for_stream (GInputStream      *stream,
                                                     GCancellable      *cancellable);
void              _bilat_json_reader_free           (_BilatJsonReader  *self);

/* The next token. After _BILAT_JSON_END or _BILAT_JSON_ERROR, the same
 * again. */
_BilatJsonToken   _bilat_json_reader_next           (_BilatJsonReader  *self);

/* Skips the rest of the container whose _BILAT_JSON_BEGIN_* token was the
 * last read, without recursion. Returns the line of its closing bracket,
 * or 0 on an error. */
guint             _bilat_json_reader_skip_container (_BilatJsonReader  *self);

/* The line of the last token, counted from 1. */
guint             _bilat_json_reader_get_line       (_BilatJsonReader  *self);
/* How many containers the last token is inside of. */
guint             _bilat_json_reader_get_depth      (_BilatJsonReader  *self);

/* The text of a _BILAT_JSON_STRING or _BILAT_JSON_MEMBER, decoded: its
 * @length bytes, not nul-terminated (it may hold a NUL of its own, from
 * "\u0000"). It may point into the input: valid until the next token. */
const char       *_bilat_json_reader_get_string     (_BilatJsonReader  *self,
                                                     gsize             *length);
/* Whether that text is UTF-8 without a NUL, as it is unless an escape
 * gave it a NUL or half a surrogate pair. */
gboolean          _bilat_json_reader_string_is_clean (_BilatJsonReader *self);
/* The value of a _BILAT_JSON_INTEGER, clamped to the range of gint64 when
 * @overflow is set. */
gint64            _bilat_json_reader_get_integer    (_BilatJsonReader  *self,
                                                     gboolean          *overflow);
/* The value of any number, as a double (infinite when too large). */
double            _bilat_json_reader_get_double     (_BilatJsonReader  *self);
/* The number as written, as the caller may quote it. Valid until the next
 * token. */
const char       *_bilat_json_reader_get_number_text (_BilatJsonReader *self);
gboolean          _bilat_json_reader_get_boolean    (_BilatJsonReader  *self);

/* After _BILAT_JSON_ERROR: what went wrong, where (its line), and for
 * _BILAT_JSON_READER_IO the stream's error (in @io_error). */
_BilatJsonReaderError _bilat_json_reader_get_error  (_BilatJsonReader  *self,
                                                     const char       **message,
                                                     guint             *line,
                                                     const GError     **io_error);

G_END_DECLS
